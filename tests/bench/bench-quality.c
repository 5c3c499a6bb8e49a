/* bench-quality.c — Maillage's whole layout against the `sfdp` program, side
 * by side: time, peak memory, overlapping actors and a quality measure.
 *
 * For each size, a map from the synthetic generator (gen-map's), then:
 *   - `maillage MAP --layout auto --save-as OUT` (read, sfdp, our overlap
 *     removal, write), its positions read back;
 *   - `sfdp -Tplain` on the same structure, as a user would run it (bare
 *     graph, default node sizes, default settings).
 * Both children are timed (CPU user + system, wall) with their peak
 * memory (ru_maxrss).  Overlaps: pairs of actors whose boxes (ours: the
 * shapes as drawn; sfdp's: its node boxes) meet.  Quality: the normalised stress of the layout against graph
 * distances on sampled pairs (BFS from 40 sampled sources to every actor),
 * with the layout scaled optimally first, so that the size of the drawing
 * does not count: sum ((s·D − d)² / d²) / pairs, lower is better; and the
 * neighbourhood preservation: for sampled actors, the share of their graph
 * neighbours among their nearest actors in the drawing (as many as they
 * have neighbours), higher is better.
 *
 *   bench-quality [--actors N[,N…]] [--sfdp "ARGS"…] [MAILLAGE]
 */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-graphml.h"
#include "mg-map.h"
#include "mg-style.h"
#include "synth-map.h"

#define SOURCES 40
#define NEAR_SAMPLES 400

typedef struct {
  double cpu, wall, peak_mb;
  gboolean ok;
} Cost;

static Cost
run_child (char **argv, const char *out_path)
{
  Cost cost = { 0 };
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return cost;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      int out = out_path ? open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : null;
      dup2 (out, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    return cost;
  cost.wall = (g_get_monotonic_time () - start) / 1e6;
  cost.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
             usage.ru_stime.tv_usec / 1e6;
  cost.peak_mb = usage.ru_maxrss / 1024.0;
  cost.ok = WIFEXITED (status) && WEXITSTATUS (status) == 0;
  return cost;
}

typedef struct {
  guint   n;
  double *x, *y, *w, *h; /* box centres and sizes */
} Drawing;

static void
drawing_free (Drawing *d)
{
  g_free (d->x);
  g_free (d->y);
  g_free (d->w);
  g_free (d->h);
}

static int
compare_left (const void *a, const void *b, void *data)
{
  const Drawing *d = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double li = d->x[i] - d->w[i] / 2, lj = d->x[j] - d->w[j] / 2;
  return li < lj ? -1 : li > lj;
}

/* Pairs of boxes that meet by more than a tenth of a point: a sweep. */
static guint64
count_overlaps (const Drawing *d)
{
  g_autofree guint *order = g_new (guint, d->n);
  guint64 n = 0;

  for (guint i = 0; i < d->n; i++)
    order[i] = i;
  g_qsort_with_data (order, d->n, sizeof (guint), compare_left, (gpointer) d);
  for (guint a = 0; a < d->n; a++)
    {
      guint i = order[a];
      double right = d->x[i] + d->w[i] / 2 - 0.1;
      for (guint b = a + 1; b < d->n; b++)
        {
          guint j = order[b];
          if (d->x[j] - d->w[j] / 2 >= right)
            break;
          if (fabs (d->y[i] - d->y[j]) < (d->h[i] + d->h[j]) / 2 - 0.1)
            n++;
        }
    }
  return n;
}

typedef struct {
  guint  n;
  guint *start, *adj; /* CSR, undirected */
} Graph;

static Graph
graph_of (MgMap *map)
{
  GPtrArray *relations = mg_map_get_relations (map);
  Graph g = { mg_map_get_actors (map)->len, NULL, NULL };

  g.start = g_new0 (guint, g.n + 1);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);
      g.start[r->source->index + 1]++;
      g.start[r->target->index + 1]++;
    }
  for (guint i = 0; i < g.n; i++)
    g.start[i + 1] += g.start[i];
  g.adj = g_new (guint, MAX (g.start[g.n], 1));
  g_autofree guint *fill = g_memdup2 (g.start, (g.n + 1) * sizeof (guint));
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);
      g.adj[fill[r->source->index]++] = r->target->index;
      g.adj[fill[r->target->index]++] = r->source->index;
    }
  return g;
}

/* Normalised stress on the pairs (sampled source, every actor reached). */
static double
stress (const Graph *g, const Drawing *d)
{
  g_autofree int *dist = g_new (int, g->n);
  g_autofree guint *queue = g_new (guint, g->n);
  GRand *rand = g_rand_new_with_seed (3);
  double sum_dd = 0, sum_d2 = 0, pairs = 0;
  g_autoptr (GArray) gd = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ld = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint s = 0; s < SOURCES; s++)
    {
      guint src = g_rand_int_range (rand, 0, g->n), head = 0, tail = 0;
      for (guint i = 0; i < g->n; i++)
        dist[i] = -1;
      dist[src] = 0;
      queue[tail++] = src;
      while (head < tail)
        {
          guint u = queue[head++];
          for (guint p = g->start[u]; p < g->start[u + 1]; p++)
            if (dist[g->adj[p]] < 0)
              {
                dist[g->adj[p]] = dist[u] + 1;
                queue[tail++] = g->adj[p];
              }
        }
      for (guint v = 0; v < g->n; v++)
        if (dist[v] > 0)
          {
            double D = hypot (d->x[v] - d->x[src], d->y[v] - d->y[src]);
            double dd = dist[v];
            g_array_append_val (gd, dd);
            g_array_append_val (ld, D);
            sum_dd += D / dd;
            sum_d2 += D * D / (dd * dd);
          }
    }
  g_rand_free (rand);
  /* The scale s minimising sum ((s D - d)² / d²). */
  double scale = sum_d2 > 0 ? sum_dd / sum_d2 : 1, total = 0;
  for (guint i = 0; i < gd->len; i++)
    {
      double dd = g_array_index (gd, double, i), D = g_array_index (ld, double, i);
      total += (scale * D - dd) * (scale * D - dd) / (dd * dd);
      pairs++;
    }
  return pairs > 0 ? total / pairs : 0;
}

typedef struct {
  double dist2;
  guint  index;
} Near;

static int
compare_near (const void *a, const void *b)
{
  const Near *x = a, *y = b;
  return x->dist2 < y->dist2 ? -1 : x->dist2 > y->dist2;
}

/* Share of graph neighbours among the nearest actors in the drawing. */
static double
neighbourhood (const Graph *g, const Drawing *d)
{
  g_autofree Near *near = g_new (Near, g->n);
  GRand *rand = g_rand_new_with_seed (4);
  double found = 0, wanted = 0;

  for (guint s = 0; s < NEAR_SAMPLES; s++)
    {
      guint u = g_rand_int_range (rand, 0, g->n);
      guint k = g->start[u + 1] - g->start[u];
      if (k == 0)
        continue;
      for (guint v = 0; v < g->n; v++)
        near[v] = (Near) { v == u ? G_MAXDOUBLE
                                  : (d->x[v] - d->x[u]) * (d->x[v] - d->x[u]) +
                                      (d->y[v] - d->y[u]) * (d->y[v] - d->y[u]), v };
      qsort (near, g->n, sizeof (Near), compare_near);
      for (guint p = g->start[u]; p < g->start[u + 1]; p++)
        for (guint q = 0; q < k; q++)
          if (near[q].index == g->adj[p])
            {
              found++;
              break;
            }
      wanted += k;
    }
  g_rand_free (rand);
  return wanted > 0 ? found / wanted : 0;
}

/* Ours: positions from the saved map, the shapes as drawn. */
static gboolean
read_ours (const char *path, guint n, Drawing *d)
{
  g_autoptr (MgMap) map = mg_graphml_read_file (path, NULL, NULL);
  g_autoptr (MgStyle) style = mg_style_new ();

  if (map == NULL || mg_map_get_actors (map)->len != n)
    return FALSE;
  d->n = n;
  d->x = g_new (double, n);
  d->y = g_new (double, n);
  d->w = g_new (double, n);
  d->h = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      MgActor *a = g_ptr_array_index (mg_map_get_actors (map), i);
      mg_style_actor_size (style, a, &d->w[i], &d->h[i]);
      d->x[i] = a->x;
      d->y[i] = a->y;
    }
  return TRUE;
}

/* sfdp's: `node NAME X Y W H …` lines of -Tplain, inches → points. */
static gboolean
read_plain (const char *path, guint n, Drawing *d)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  d->n = n;
  d->x = g_new0 (double, n);
  d->y = g_new0 (double, n);
  d->w = g_new0 (double, n);
  d->h = g_new0 (double, n);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      guint index;
      double x, y, w, h;
      if (sscanf (lines[l], "node n%u %lf %lf %lf %lf", &index, &x, &y, &w, &h) == 5 && index < n)
        {
          d->x[index] = x * 72;
          d->y[index] = y * 72;
          d->w[index] = w * 72;
          d->h[index] = h * 72;
        }
    }
  return TRUE;
}

static void
print_row (const char *name, const Cost *c, guint64 overlaps, double s, double nb)
{
  printf ("  %-40s %8.2f s CPU %8.2f s wall %7.1f MB  %9" G_GUINT64_FORMAT " overlaps  stress %.3f  neighbours %.3f\n",
          name, c->cpu, c->wall, c->peak_mb, overlaps, s, nb);
}

static char **extra_sfdp; /* --sfdp: other settings to try, one row each */

static void
bench_size (const char *maillage, const char *sfdp, guint n)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-quality-XXXXXX", NULL);
  g_autofree char *graphml = g_build_filename (dir, "map.graphml", NULL);
  g_autofree char *ours = g_build_filename (dir, "ours.graphml", NULL);
  g_autofree char *gv = g_build_filename (dir, "bare.gv", NULL);
  g_autofree char *plain = g_build_filename (dir, "sfdp.plain", NULL);
  SynthOptions synth = SYNTH_OPTIONS_INIT;
  g_autoptr (GError) error = NULL;

  synth.n_actors = n;
  synth.n_relations = 3 * n;
  if (!synth_map_write (&synth, graphml, &error))
    g_error ("%s", error->message);
  g_autoptr (MgMap) map = mg_graphml_read_file (graphml, NULL, &error);
  if (map == NULL)
    g_error ("%s", error->message);
  Graph g = graph_of (map);
  {
    g_autoptr (GString) text = g_string_new ("graph bare {\n");
    for (guint i = 0; i < n; i++)
      g_string_append_printf (text, "  n%u;\n", i);
    GPtrArray *relations = mg_map_get_relations (map);
    for (guint i = 0; i < relations->len; i++)
      {
        MgRelation *r = g_ptr_array_index (relations, i);
        g_string_append_printf (text, "  n%u -- n%u;\n", r->source->index, r->target->index);
      }
    g_string_append (text, "}\n");
    g_file_set_contents (gv, text->str, text->len, NULL);
  }

  printf ("%u actors, %u relations:\n", n, 3 * n);
  char *argv_ours[] = { (char *) maillage, graphml, "--layout", "auto", "--save-as", ours, NULL };
  Cost c = run_child (argv_ours, NULL);
  Drawing d = { 0 };
  if (c.ok && read_ours (ours, n, &d))
    print_row ("maillage --layout auto --save-as", &c, count_overlaps (&d), stress (&g, &d),
               neighbourhood (&g, &d));
  else
    printf ("  maillage failed\n");
  drawing_free (&d);

  char *argv_sfdp[] = { (char *) sfdp, "-Tplain", gv, NULL };
  c = run_child (argv_sfdp, plain);
  memset (&d, 0, sizeof d);
  if (c.ok && read_plain (plain, n, &d))
    print_row ("sfdp -Tplain (bare graph, defaults)", &c, count_overlaps (&d), stress (&g, &d),
               neighbourhood (&g, &d));
  else
    printf ("  sfdp failed\n");
  drawing_free (&d);

  for (guint e = 0; extra_sfdp != NULL && extra_sfdp[e] != NULL; e++)
    {
      g_auto (GStrv) args = g_strsplit (extra_sfdp[e], " ", -1);
      g_autoptr (GPtrArray) argv_extra = g_ptr_array_new ();
      g_autofree char *name = g_strdup_printf ("sfdp -Tplain %s", extra_sfdp[e]);
      g_ptr_array_add (argv_extra, (char *) sfdp);
      g_ptr_array_add (argv_extra, "-Tplain");
      for (guint a = 0; args[a] != NULL; a++)
        if (*args[a])
          g_ptr_array_add (argv_extra, args[a]);
      g_ptr_array_add (argv_extra, gv);
      g_ptr_array_add (argv_extra, NULL);
      c = run_child ((char **) argv_extra->pdata, plain);
      memset (&d, 0, sizeof d);
      if (c.ok && read_plain (plain, n, &d))
        print_row (name, &c, count_overlaps (&d), stress (&g, &d), neighbourhood (&g, &d));
      else
        printf ("  %s failed\n", name);
      drawing_free (&d);
    }
  fflush (stdout);

  g_free (g.start);
  g_free (g.adj);
  g_unlink (graphml);
  g_unlink (ours);
  g_unlink (gv);
  g_unlink (plain);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *actors = g_strdup ("1000,5000,20000");
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  const char *maillage = NULL;
  const GOptionEntry entries[] = {
    { "actors", 'a', 0, G_OPTION_ARG_STRING, &actors, "Sizes (default 1000,5000,20000)", "N[,N…]" },
    { "sfdp", 's', 0, G_OPTION_ARG_STRING_ARRAY, &extra_sfdp, "Also sfdp with these settings (repeatable), e.g. \"-Gquadtree=fast -Gmaxiter=300\"", "ARGS" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[MAILLAGE] — layouts against sfdp");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-quality: %s\n", error->message);
      return 2;
    }
  maillage = argc > 1 ? argv[1] : g_getenv ("MAILLAGE_BIN");
  if (maillage == NULL)
    maillage = g_file_test ("src/maillage", G_FILE_TEST_IS_EXECUTABLE) ? "src/maillage" : "maillage";
  if (sfdp == NULL)
    {
      fprintf (stderr, "bench-quality: needs sfdp\n");
      return 77;
    }
  g_auto (GStrv) sizes = g_strsplit (actors, ",", -1);
  for (guint i = 0; sizes[i] != NULL; i++)
    bench_size (maillage, sfdp, (guint) g_ascii_strtoull (sizes[i], NULL, 10));
  return 0;
}
