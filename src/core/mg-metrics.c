/* mg-metrics.c — degree, betweenness (Brandes), role diversity, sizing. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mg-metrics.h"

#include <math.h>
#include <string.h>
#include "mg-visibility-private.h"

void
mg_metrics_degrees (const MgAdjacency *adj, guint *in, guint *out, guint *total)
{
  g_return_if_fail (adj != NULL);

  if (in != NULL)
    memcpy (in, adj->in_degree, sizeof (guint) * adj->n_actors);
  if (out != NULL)
    memcpy (out, adj->out_degree, sizeof (guint) * adj->n_actors);
  if (total != NULL)
    memcpy (total, adj->degree, sizeof (guint) * adj->n_actors);
}

double *
mg_metrics_degree_values (const MgAdjacency *adj)
{
  double *values;

  g_return_val_if_fail (adj != NULL, NULL);

  values = g_new (double, MAX (adj->n_actors, 1));
  for (guint v = 0; v < adj->n_actors; v++)
    values[v] = adj->degree[v];
  return values;
}

/* ---- betweenness -------------------------------------------------------- */

/* A simple graph (no parallel arcs, no self-loops) in CSR form: what
 * Brandes's algorithm walks.  Actors are renumbered in breadth-first order
 * (from the busiest actor) and neighbour lists sorted, so that the walk
 * touches memory that is close together: on large maps this matters more
 * than anything else.  32-bit indices keep it compact. */
typedef struct {
  guint     n;
  guint32  *offsets;
  guint32  *targets;
  guint32  *actor_of; /* new number → MgActor.index */
  /* Undirected only: a leaf (one neighbour u, itself not a leaf) needs no
   * walk of its own — its dependencies are u's, and u lies on all its
   * paths — so u's walk counts (1 + its leaves) times.  NULL when directed. */
  guint32  *weight;   /* 0 for a skipped leaf, else 1 + leaves skipped */
} SimpleGraph;

static int
compare_guint32 (const void *a, const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
simple_graph_init (SimpleGraph *g, const MgAdjacency *adj, gboolean directed)
{
  guint n = adj->n_actors;
  guint32 k = 0;
  guint head = 0, tail = 0;
  guint busiest = 0;
  g_autofree guint *stamp = g_new (guint, MAX (n, 1));
  g_autofree guint32 *number_of = g_new (guint32, MAX (n, 1));

  g->n = n;
  g->offsets = g_new (guint32, n + 1);
  g->targets = g_new (guint32, MAX (mg_adjacency_n_arcs (adj), 1));
  g->actor_of = g_new (guint32, MAX (n, 1));

  /* Breadth-first numbering over every relation, component by component,
   * the first from the actor with most relations. */
  for (guint v = 0; v < n; v++)
    {
      number_of[v] = G_MAXUINT32;
      if (adj->degree[v] > adj->degree[busiest])
        busiest = v;
    }
  for (guint start = 0; start <= n && tail < n; start++)
    {
      guint root = start == 0 ? busiest : start - 1;

      if (number_of[root] != G_MAXUINT32)
        continue;
      number_of[root] = tail;
      g->actor_of[tail++] = root;
      while (head < tail)
        {
          guint v = g->actor_of[head++];

          for (guint a = adj->offsets[v]; a < adj->offsets[v + 1]; a++)
            {
              guint w = adj->neighbour[a];

              if (number_of[w] == G_MAXUINT32)
                {
                  number_of[w] = tail;
                  g->actor_of[tail++] = w;
                }
            }
        }
    }

  for (guint u = 0; u < n; u++)
    stamp[u] = G_MAXUINT;
  for (guint u = 0; u < n; u++)
    {
      guint v = g->actor_of[u];

      g->offsets[u] = k;
      for (guint a = adj->offsets[v]; a < adj->offsets[v + 1]; a++)
        {
          guint32 x = number_of[adj->neighbour[a]];

          if (directed && !(adj->arc_flags[a] & MG_ARC_OUT))
            continue;
          if (stamp[x] == u)
            continue; /* a parallel relation */
          stamp[x] = u;
          g->targets[k++] = x;
        }
      qsort (g->targets + g->offsets[u], k - g->offsets[u], sizeof (guint32), compare_guint32);
    }
  g->offsets[n] = k;

  if (!directed)
    {
      g->weight = g_new (guint32, MAX (n, 1));
      for (guint u = 0; u < n; u++)
        g->weight[u] = 1;
      for (guint u = 0; u < n; u++)
        if (g->offsets[u + 1] - g->offsets[u] == 1)
          {
            guint32 hub = g->targets[g->offsets[u]];

            if (g->offsets[hub + 1] - g->offsets[hub] > 1)
              {
                g->weight[u] = 0;
                g->weight[hub]++;
              }
          }
    }
}

static void
simple_graph_clear (SimpleGraph *g)
{
  g_clear_pointer (&g->offsets, g_free);
  g_clear_pointer (&g->targets, g_free);
  g_clear_pointer (&g->actor_of, g_free);
  g_clear_pointer (&g->weight, g_free);
}

typedef struct {
  const SimpleGraph *graph;
  guint         first_source;
  guint         stride;
  double       *centrality;   /* this worker's sums */
  gint         *sources_done; /* shared, atomic */
  gint         *stop;         /* shared, atomic: cancelled */
  GCancellable *cancellable;
  MgProgressFunc progress;    /* only for the worker in the calling thread */
  gpointer      progress_data;
} Worker;

/* Per actor and source, in one 16-byte cell so that looking at a
 * neighbour costs one cache line: its distance, and its number of shortest
 * paths (sigma) — replaced by (1 + delta) / sigma once its dependency delta
 * is known, since sigma is no longer needed then. */
typedef struct {
  double  paths;
  gint32  dist;
  gint32  unused;
} Cell;

/* One worker: single-source shortest paths from first_source, then every
 * stride-th actor.  The BFS order array doubles as the queue and, read
 * backwards, as Brandes's stack; instead of predecessor lists, the
 * accumulation looks at the successors x of v (dist[x] = dist[v] + 1) and
 * sums their (1 + delta[x]) / sigma[x]. */
static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  const SimpleGraph *g = w->graph;
  const guint32 *off = g->offsets;
  const guint32 *tgt = g->targets;
  guint n = g->n;
  Cell *cell = g_new (Cell, MAX (n, 1));
  guint32 *order = g_new (guint32, MAX (n, 1));
  double *bc = w->centrality;
  guint since_report = 0;

  for (guint v = 0; v < n; v++)
    cell[v].dist = -1;

  for (guint s = w->first_source; s < n; s += w->stride)
    {
      guint head = 0, tail = 1;
      double weight = g->weight != NULL ? g->weight[s] : 1.0;

      if (weight == 0.0)
        {
          g_atomic_int_inc (w->sources_done);
          continue;
        }
      if (g_atomic_int_get (w->stop))
        break;
      if (w->cancellable != NULL && g_cancellable_is_cancelled (w->cancellable))
        {
          g_atomic_int_set (w->stop, 1);
          break;
        }

      order[0] = s;
      cell[s].dist = 0;
      cell[s].paths = 1.0;
      while (head < tail)
        {
          guint32 v = order[head++];
          gint32 next = cell[v].dist + 1;
          double sv = cell[v].paths;

          for (guint32 k = off[v]; k < off[v + 1]; k++)
            {
              Cell *x = &cell[tgt[k]];

              if (x->dist < 0)
                {
                  x->dist = next;
                  x->paths = sv;
                  order[tail++] = tgt[k];
                }
              else if (x->dist == next)
                x->paths += sv;
            }
        }

      for (guint i = tail; i-- > 1;)
        {
          guint32 v = order[i];
          gint32 next = cell[v].dist + 1;
          double sum = 0.0;
          double delta;

          for (guint32 k = off[v]; k < off[v + 1]; k++)
            {
              const Cell *x = &cell[tgt[k]];

              if (x->dist == next)
                sum += x->paths; /* already (1 + delta) / sigma */
            }
          delta = cell[v].paths * sum;
          cell[v].paths = (1.0 + delta) / cell[v].paths;
          bc[v] += weight * delta;
        }
      /* From each skipped leaf, s lies on the paths to all the others of
       * the component (tail counts it, s included). */
      if (weight > 1.0)
        bc[s] += (weight - 1.0) * (double) (tail - 2);

      for (guint i = 0; i < tail; i++)
        cell[order[i]].dist = -1;

      g_atomic_int_inc (w->sources_done);
      if (w->progress != NULL && ++since_report >= 32)
        {
          since_report = 0;
          w->progress ((double) g_atomic_int_get (w->sources_done) / n, w->progress_data);
        }
    }

  g_free (cell);
  g_free (order);
  return NULL;
}

double *
mg_metrics_betweenness (const MgAdjacency *adj, MgBetweennessFlags flags,
                        guint n_threads, GCancellable *cancellable,
                        MgProgressFunc progress, gpointer progress_data,
                        GError **error)
{
  gboolean directed = (flags & MG_BETWEENNESS_DIRECTED) != 0;
  SimpleGraph graph = { 0 };
  gint sources_done = 0;
  gint stop = 0;
  guint n;
  double *result;
  double scale;

  g_return_val_if_fail (adj != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = adj->n_actors;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  /* Threads cost their own arrays; tiny maps do not need them. */
  n_threads = CLAMP (n_threads, 1, MAX (n / 256, 1));
  n_threads = MIN (n_threads, 64);

  simple_graph_init (&graph, adj, directed);

  g_autofree Worker *workers = g_new0 (Worker, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      workers[t].graph = &graph;
      workers[t].first_source = t;
      workers[t].stride = n_threads;
      workers[t].centrality = g_new0 (double, MAX (n, 1));
      workers[t].sources_done = &sources_done;
      workers[t].stop = &stop;
      workers[t].cancellable = cancellable;
    }
  workers[0].progress = progress;
  workers[0].progress_data = progress_data;

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("mg-betweenness", worker_run, &workers[t]);
  worker_run (&workers[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  /* Sum in thread order so that the result does not depend on timing, and
   * go back to the actors' own numbering. */
  result = g_new0 (double, MAX (n, 1));
  for (guint t = 0; t < n_threads; t++)
    {
      for (guint u = 0; u < n; u++)
        result[graph.actor_of[u]] += workers[t].centrality[u];
      g_free (workers[t].centrality);
    }
  simple_graph_clear (&graph);

  if (g_atomic_int_get (&stop) ||
      (cancellable != NULL && g_cancellable_is_cancelled (cancellable)))
    {
      g_free (result);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Betweenness computation cancelled"));
      return NULL;
    }

  /* Undirected, the sums count every pair from both ends: halve them, or,
   * normalised, divide by the (n-1)(n-2) ordered pairs, which is the same
   * as the halved sum over (n-1)(n-2)/2 pairs. */
  scale = directed ? 1.0 : 0.5;
  if ((flags & MG_BETWEENNESS_NORMALIZED) && n > 2)
    scale = 1.0 / ((double) (n - 1) * (double) (n - 2));
  for (guint v = 0; v < n; v++)
    result[v] *= scale;

  if (progress != NULL)
    progress (1.0, progress_data);
  return result;
}

/* ---- betweenness in a task ------------------------------------------------ */

typedef struct {
  MgAdjacency       *adj;
  MgBetweennessFlags flags;
  MgProgressFunc     progress;
  gpointer           progress_data;
  GMainContext      *context;
  gint64             last_report;
} TaskData;

static void
task_data_free (TaskData *data)
{
  mg_adjacency_unref (data->adj);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct {
  MgProgressFunc progress;
  gpointer       progress_data;
  double         fraction;
} ProgressReport;

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;

  report->progress (report->fraction, report->progress_data);
  return G_SOURCE_REMOVE;
}

static void
task_progress (double fraction, gpointer user_data)
{
  TaskData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (fraction < 1.0 && now - data->last_report < G_USEC_PER_SEC / 20)
    return;
  data->last_report = now;
  report = g_new (ProgressReport, 1);
  report->progress = data->progress;
  report->progress_data = data->progress_data;
  report->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress,
                              report, g_free);
}

static void
betweenness_thread (GTask *task, gpointer source_object, gpointer task_data,
                    GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  double *values;

  values = mg_metrics_betweenness (data->adj, data->flags, 0, cancellable,
                                   data->progress != NULL ? task_progress : NULL, data,
                                   &error);
  if (values == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, values, g_free);
}

void
mg_metrics_betweenness_async (MgAdjacency *adj, MgBetweennessFlags flags,
                              GCancellable *cancellable,
                              MgProgressFunc progress, gpointer progress_data,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (adj != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mg_metrics_betweenness_async);
  data = g_new0 (TaskData, 1);
  data->adj = mg_adjacency_ref (adj);
  data->flags = flags;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, betweenness_thread);
}

double *
mg_metrics_betweenness_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- other measures ---------------------------------------------------- */

void
mg_metrics_role_diversity (const MgAdjacency *adj, MgMap *map, guint *out)
{
  MgFacts facts = { 0 };

  g_return_if_fail (adj != NULL);
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (out != NULL);
  g_return_if_fail (mg_map_get_n_actors (map) == adj->n_actors);

  facts.adj = mg_adjacency_ref ((MgAdjacency *) adj);
  mg_facts_build_roles (&facts, map);
  memcpy (out, facts.role_diversity, sizeof (guint) * adj->n_actors);
  mg_facts_clear (&facts, adj->n_actors);
}

static int
compare_by_value (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const double *values = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = values[i], y = values[j];
  gboolean x_nan = isnan (x), y_nan = isnan (y);

  if (x_nan != y_nan)
    return x_nan ? 1 : -1;
  if (!x_nan && x != y)
    return x > y ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

GArray *
mg_metrics_top_indices (const double *values, guint n_values, guint top_n)
{
  GArray *indices;

  g_return_val_if_fail (values != NULL || n_values == 0, NULL);

  indices = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_values);
  for (guint i = 0; i < n_values; i++)
    g_array_append_val (indices, i);
  if (n_values > 1)
    g_qsort_with_data (indices->data, n_values, sizeof (guint), compare_by_value,
                       (gpointer) values);
  g_array_set_size (indices, MIN (top_n, n_values));
  return indices;
}

GPtrArray *
mg_metrics_top_brokers (MgMap *map, const double *values, guint top_n)
{
  GPtrArray *actors;
  GPtrArray *brokers;
  g_autoptr(GArray) top = NULL;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  actors = mg_map_get_actors (map);
  brokers = g_ptr_array_new ();
  if (values == NULL)
    return brokers;
  top = mg_metrics_top_indices (values, actors->len, top_n);
  for (guint i = 0; i < top->len; i++)
    {
      guint v = g_array_index (top, guint, i);

      if (!(values[v] > 0.0))
        break;
      g_ptr_array_add (brokers, g_ptr_array_index (actors, v));
    }
  return brokers;
}

void
mg_metrics_scale_sizes (const double *values, guint n_values,
                        double min_size, double max_size, MgSizeScale scale,
                        double *out)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (out != NULL || n_values == 0);

  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }

  for (guint i = 0; i < n_values; i++)
    {
      double t = 0.0;

      if (isfinite (values[i]) && hi > lo)
        t = (values[i] - lo) / (hi - lo);
      if (scale == MG_SIZE_SCALE_AREA)
        t = sqrt (t);
      out[i] = min_size + (max_size - min_size) * t;
    }
}

/* ---- size by a measure ------------------------------------------------------ */

#define SIZE_BY_MIN 0.6
#define SIZE_BY_MAX 2.4

gboolean
mg_metrics_size_by_from_string (const char *text, const char **canonical)
{
  /* The names people may write, and the measure each one is. */
  static const struct { const char *name, *metric; } metrics[] = {
    { "degree", "degree" }, { "relations", "degree" },
    { "betweenness", "betweenness" }, { "brokerage", "betweenness" },
    { "diversity", "diversity" }, { "role-diversity", "diversity" },
    { "partner-roles", "diversity" }, { "partner-role-diversity", "diversity" },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (metrics); i++)
    if (g_ascii_strcasecmp (text, metrics[i].name) == 0)
      {
        if (canonical != NULL)
          *canonical = metrics[i].metric;
        return TRUE;
      }
  return FALSE;
}

const char *
mg_metrics_size_by_name (const char *metric)
{
  if (g_strcmp0 (metric, "degree") == 0)
    return _("number of relations");
  if (g_strcmp0 (metric, "betweenness") == 0)
    return _("betweenness (brokerage)");
  if (g_strcmp0 (metric, "diversity") == 0)
    return _("diversity of partners’ roles");
  return metric;
}

double *
mg_metrics_size_factors (MgMap *map, const char *metric, guint *n)
{
  g_autoptr (MgAdjacency) adj = NULL;
  g_autofree double *values = NULL;
  double *factors;

  g_return_val_if_fail (n != NULL, NULL);
  *n = 0;
  if (map == NULL || !mg_metrics_size_by_from_string (metric, &metric))
    return NULL;
  adj = mg_adjacency_new (map);
  if (g_str_equal (metric, "degree"))
    values = mg_metrics_degree_values (adj);
  else if (g_str_equal (metric, "betweenness"))
    values = mg_metrics_betweenness (adj, MG_BETWEENNESS_DEFAULT, 0, NULL, NULL, NULL, NULL);
  else
    {
      g_autofree guint *counts = g_new0 (guint, MAX (adj->n_actors, 1));

      mg_metrics_role_diversity (adj, map, counts);
      values = g_new (double, MAX (adj->n_actors, 1));
      for (guint i = 0; i < adj->n_actors; i++)
        values[i] = counts[i];
    }
  if (values == NULL)
    return NULL;
  factors = g_new (double, MAX (adj->n_actors, 1));
  mg_metrics_scale_sizes (values, adj->n_actors, SIZE_BY_MIN, SIZE_BY_MAX, MG_SIZE_SCALE_AREA,
                          factors);
  /* All alike: nothing to show, every actor at its own size. */
  {
    gboolean alike = TRUE;

    for (guint i = 1; i < adj->n_actors && alike; i++)
      alike = values[i] == values[0];
    if (alike)
      for (guint i = 0; i < adj->n_actors; i++)
        factors[i] = 1.0;
  }
  *n = adj->n_actors;
  return factors;
}
