/* mg-layout-graphviz.c — the Graphviz side of a layout: build a graph from a
 * request, lay it out, copy the geometry out, free everything.
 *
 * Everything here runs under one process-wide mutex: Graphviz 2.42 keeps
 * global state (error handler, locale, memory of the layout engines) and
 * crashes when two threads lay out at once, even with a context each. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "mg-layout-private.h"

/* The plugins are linked in and registered by hand (a fixed table), instead
 * of gvContext() loading whatever the system configuration lists: that
 * would pull the GTK2/GDK2 "gtk" and "xlib" devices into a GTK4 process. */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;

static const lt_symlist_t builtin_plugins[] = {
  { "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
  { "gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library },
  { "gvplugin_core_LTX_library", &gvplugin_core_LTX_library },
  { "gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library }, /* measures cluster labels */
  { NULL, NULL },
};

static GMutex graphviz_mutex;
static GVC_t *graphviz_context; /* created once, under the mutex, kept */
static GString *graphviz_messages; /* filled by collect_message, under the mutex */

static int
collect_message (char *fragment)
{
  g_string_append (graphviz_messages, fragment);
  return 0;
}

/* Splits what Graphviz said into one message per line. */
static void
move_messages (GPtrArray *messages)
{
  g_auto (GStrv) lines = g_strsplit (graphviz_messages->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line != '\0')
        g_ptr_array_add (messages, g_strconcat ("Graphviz: ", line, NULL));
    }
  g_string_truncate (graphviz_messages, 0);
}

static char *
format_number (char buffer[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.3f", value);
}

/* Graphviz reads backslash escapes in labels (\n, \N, \G…): double them. */
static char *
escape_label (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

typedef struct {
  Agraph_t  *graph;
  Agnode_t **nodes;     /* per actor */
  Agedge_t **edges;     /* per relation */
  guint     *owners;    /* per relation: the relation whose edge it shares */
  Agraph_t **subgraphs; /* per cluster, or NULL without clusters */
} Built;

static void
built_clear (Built *built)
{
  if (built->graph != NULL)
    agclose (built->graph);
  g_free (built->nodes);
  g_free (built->edges);
  g_free (built->owners);
  g_free (built->subgraphs);
  memset (built, 0, sizeof *built);
}

/* The highest-degree actor of each connected component is its root for
 * twopi (finding a centre costs minutes on large maps). */
static gboolean *
twopi_roots (const MgLayoutRequest *request)
{
  gboolean *is_root = g_new0 (gboolean, request->n_actors);
  g_autoptr (GHashTable) best = g_hash_table_new (NULL, NULL); /* component → index + 1 */

  for (guint i = 0; i < request->n_actors; i++)
    {
      gpointer key = GUINT_TO_POINTER (request->actors[i].component);
      guint current = GPOINTER_TO_UINT (g_hash_table_lookup (best, key));

      if (current == 0 || request->actors[i].degree > request->actors[current - 1].degree)
        g_hash_table_insert (best, key, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < request->n_actors; i++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (best, GUINT_TO_POINTER (request->actors[i].component)))
        == i + 1)
      is_root[i] = TRUE;
  return is_root;
}

static gboolean
engine_holds_pins (MgLayoutEngine engine)
{
  return engine == MG_LAYOUT_ENGINE_NEATO || engine == MG_LAYOUT_ENGINE_FDP;
}

static void
build_graph (const MgLayoutRequest *request, gboolean splines, Built *built)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE], num2[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean pins = request->n_pinned > 0 && engine_holds_pins (request->engine);
  Agsym_t *sym_width, *sym_height, *sym_pos = NULL, *sym_root = NULL;
  g_autofree gboolean *roots = NULL;
  GHashTable *pairs = NULL;
  Agraph_t *g;

  g = agopen ((char *) "maillage", request->any_directed ? Agdirected : Agundirected, NULL);
  built->graph = g;

  /* Declare only values we mean: an attribute declared with an empty
   * default changes some engines' behaviour (sfdp's overlap handling). */
  agattr (g, AGRAPH, (char *) "splines", (char *) (splines ? "true" : "none"));
  if (request->overlap != NULL)
    agattr (g, AGRAPH, (char *) "overlap", (char *) request->overlap);
  /* Big sfdp maps (those we separate ourselves): the fast quadtree, about
   * half of sfdp's time at 20,000 actors for a stress within 2 % of the
   * default's (tests/bench/bench-quality). */
  if (request->engine == MG_LAYOUT_ENGINE_SFDP && request->separate)
    agattr (g, AGRAPH, (char *) "quadtree", (char *) "fast");
  agattr (g, AGRAPH, (char *) "fontname", (char *) "Sans");
  agattr (g, AGRAPH, (char *) "fontsize", (char *) "12");
  if (pins)
    agattr (g, AGRAPH, (char *) "inputscale", (char *) "72");

  agattr (g, AGNODE, (char *) "shape", (char *) "box");
  agattr (g, AGNODE, (char *) "fixedsize", (char *) "true");
  agattr (g, AGNODE, (char *) "label", (char *) "");
  sym_width = agattr (g, AGNODE, (char *) "width", (char *) "0.5");
  sym_height = agattr (g, AGNODE, (char *) "height", (char *) "0.5");
  if (pins)
    sym_pos = agattr (g, AGNODE, (char *) "pos", (char *) "");
  if (request->engine == MG_LAYOUT_ENGINE_TWOPI)
    {
      sym_root = agattr (g, AGNODE, (char *) "root", (char *) "false");
      roots = twopi_roots (request);
    }

  /* We draw arrowheads ourselves, and clip routes at the shape (the node
   * is the larger footprint): routes run centre to centre. */
  agattr (g, AGEDGE, (char *) "dir", (char *) "none");
  agattr (g, AGEDGE, (char *) "headclip", (char *) "false");
  agattr (g, AGEDGE, (char *) "tailclip", (char *) "false");

  for (guint i = 0; request->graph_attributes != NULL && request->graph_attributes[i] != NULL; i += 2)
    agattr (g, AGRAPH, request->graph_attributes[i], request->graph_attributes[i + 1]);

  if (request->use_clusters)
    {
      built->subgraphs = g_new0 (Agraph_t *, MAX (request->n_clusters, 1));
      for (guint i = 0; i < request->n_clusters; i++)
        {
          const MgLayoutRequestCluster *cluster = &request->clusters[i];
          Agraph_t *parent = cluster->parent >= 0 ? built->subgraphs[cluster->parent] : g;
          g_autofree char *name = g_strdup_printf ("cluster_%u", i);
          g_autofree char *label = escape_label (cluster->label);

          built->subgraphs[i] = agsubg (parent, name, TRUE);
          agsafeset (built->subgraphs[i], (char *) "label", label, (char *) "");
        }
    }

  built->nodes = g_new0 (Agnode_t *, MAX (request->n_actors, 1));
  for (guint i = 0; i < request->n_actors; i++)
    {
      const MgLayoutRequestActor *ra = &request->actors[i];
      g_autofree char *name = g_strdup_printf ("a%u", i);
      Agnode_t *n = agnode (g, name, TRUE);

      built->nodes[i] = n;
      agxset (n, sym_width, format_number (num, ra->box_width / 72.0));
      agxset (n, sym_height, format_number (num, ra->box_height / 72.0));
      if (pins && ra->pinned)
        {
          /* The node is the footprint, centred below the shape centre;
           * Graphviz's y points up. */
          g_autofree char *pos = g_strdup_printf (
              "%s,%s!", format_number (num, ra->x),
              format_number (num2, -(ra->y + mg_layout_request_actor_offset (ra))));
          agxset (n, sym_pos, pos);
        }
      if (roots != NULL && roots[i])
        agxset (n, sym_root, (char *) "true");
      if (built->subgraphs != NULL && ra->cluster >= 0)
        agsubnode (built->subgraphs[ra->cluster], n, TRUE);
    }

  /* neato's spline router (used by all engines but dot) crashes in 2.42
   * on some maps with parallel edges (makeMultiSpline frees an invalid
   * pointer): with curves, parallel relations share one edge and so one
   * route, in either direction. */
  if (splines && request->engine != MG_LAYOUT_ENGINE_DOT)
    pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  built->edges = g_new0 (Agedge_t *, MAX (request->n_relations, 1));
  built->owners = g_new0 (guint, MAX (request->n_relations, 1));
  for (guint i = 0; i < request->n_relations; i++)
    {
      guint s = request->relations[i].source, t = request->relations[i].target;
      gint64 key = ((gint64) MIN (s, t) << 32) | MAX (s, t);
      guint owner = 0; /* index + 1 in the table */

      if (pairs != NULL && (owner = GPOINTER_TO_UINT (g_hash_table_lookup (pairs, &key))) != 0)
        {
          built->owners[i] = owner - 1;
          built->edges[i] = built->edges[owner - 1];
          continue;
        }
      built->owners[i] = i;
      built->edges[i] = agedge (g, built->nodes[s], built->nodes[t], NULL, TRUE);
      if (pairs != NULL)
        g_hash_table_insert (pairs, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (i + 1));
    }
  g_clear_pointer (&pairs, g_hash_table_unref);
}

/* Graphviz coordinates (y up) to ours (y down), before anchoring. */
static inline void
to_map (pointf p, double *x, double *y)
{
  *x = p.x;
  *y = -p.y;
}

static void
snap_end (double *end, double *control, Agnode_t *node, const MgLayoutRequestActor *actor)
{
  double cx, cy, dx, dy;

  to_map (ND_coord (node), &cx, &cy);
  cy -= mg_layout_request_actor_offset (actor);
  dx = cx - end[0];
  dy = cy - end[1];
  if (hypot (dx, dy) > MAX (actor->box_width, actor->box_height) / 2)
    return; /* not a centre-to-centre route: leave it */
  end[0] += dx;
  end[1] += dy;
  control[0] += dx;
  control[1] += dy;
}

static void
read_route (const MgLayoutRequest *request, const Built *built, guint i, MgLayoutRoute *route)
{
  Agedge_t *e = built->edges[i];
  const MgLayoutRequestActor *source = &request->actors[request->relations[i].source];
  const MgLayoutRequestActor *target = &request->actors[request->relations[i].target];
  splines *spl = ED_spl (e);
  g_autoptr (GArray) points = NULL;
  double *p;
  guint n;
  double sx, sy;

  if (spl == NULL || spl->size == 0)
    return;
  points = g_array_new (FALSE, FALSE, sizeof (double));
  for (int b = 0; b < spl->size; b++)
    {
      const bezier *bz = &spl->list[b];

      if (bz->size < 4 || bz->size % 3 != 1)
        return;
      if (points->len > 0)
        {
          /* Join two pieces by a straight cubic. */
          double x0 = g_array_index (points, double, points->len - 2);
          double y0 = g_array_index (points, double, points->len - 1);
          double x1, y1;

          to_map (bz->list[0], &x1, &y1);
          double join[6] = { x0, y0, x1, y1, x1, y1 };
          g_array_append_vals (points, join, 6);
        }
      for (int k = points->len > 0 ? 1 : 0; k < bz->size; k++)
        {
          double xy[2];
          to_map (bz->list[k], &xy[0], &xy[1]);
          g_array_append_vals (points, xy, 2);
        }
    }

  n = points->len / 2;
  p = (double *) points->data;
  /* Graphviz may give the route from head to tail. */
  to_map (ND_coord (built->nodes[request->relations[i].source]), &sx, &sy);
  if (request->relations[i].source != request->relations[i].target
      && hypot (p[0] - sx, p[1] - sy) > hypot (p[2 * (n - 1)] - sx, p[2 * (n - 1) + 1] - sy))
    {
      for (guint k = 0; k < n / 2; k++)
        {
          double tx = p[2 * k], ty = p[2 * k + 1];
          p[2 * k] = p[2 * (n - 1 - k)];
          p[2 * k + 1] = p[2 * (n - 1 - k) + 1];
          p[2 * (n - 1 - k)] = tx;
          p[2 * (n - 1 - k) + 1] = ty;
        }
    }
  /* The ends are at the footprint centres (within Graphviz's rounding):
   * move them, with their tangent control points, onto the shape centres
   * so that a renderer can clip them at the shape. */
  snap_end (p, p + 2, built->nodes[request->relations[i].source], source);
  snap_end (p + 2 * (n - 1), p + 2 * (n - 2), built->nodes[request->relations[i].target], target);

  route->n_points = n;
  route->points = (double *) g_array_free (g_steal_pointer (&points), FALSE);
}

static void
read_cluster_boxes (Agraph_t *g, MgLayoutResult *result, GArray *clusters,
                    const MgLayoutRequest *request, int parent)
{
  for (int c = 1; c <= GD_n_cluster (g); c++)
    {
      Agraph_t *sg = GD_clust (g)[c];
      const char *name = agnameof (sg);
      guint index;
      MgLayoutCluster cluster;
      double x0, y0, x1, y1;
      int self;

      if (!g_str_has_prefix (name, "cluster_"))
        continue;
      index = (guint) strtoul (name + strlen ("cluster_"), NULL, 10);
      if (index >= request->n_clusters)
        continue;
      to_map (GD_bb (sg).LL, &x0, &y1);
      to_map (GD_bb (sg).UR, &x1, &y0);
      cluster.territory = g_strdup (request->clusters[index].territory);
      cluster.label = g_strdup (request->clusters[index].label);
      cluster.depth = request->clusters[index].depth;
      cluster.parent = parent;
      cluster.box = (MgLayoutBox) { x0, y0, x1, y1 };
      self = (int) clusters->len;
      g_array_append_val (clusters, cluster);
      read_cluster_boxes (sg, result, clusters, request, self);
    }
}

static void
read_geometry (const MgLayoutRequest *request, const Built *built, MgLayoutResult *result)
{
  GArray *clusters;

  for (guint i = 0; i < request->n_actors; i++)
    {
      const MgLayoutRequestActor *ra = &request->actors[i];
      MgLayoutActor *actor = &result->actors[i];
      double cx, cy;

      to_map (ND_coord (built->nodes[i]), &cx, &cy);
      actor->footprint = (MgLayoutBox) { cx - ra->box_width / 2, cy - ra->box_height / 2,
                                         cx + ra->box_width / 2, cy + ra->box_height / 2 };
      actor->x = cx;
      actor->y = cy - mg_layout_request_actor_offset (ra);
    }
  for (guint i = 0; i < request->n_relations; i++)
    read_route (request, built, i, &result->routes[i]);

  if (!request->use_clusters)
    return;
  clusters = g_array_new (FALSE, TRUE, sizeof (MgLayoutCluster));
  read_cluster_boxes (built->graph, result, clusters, request, -1);
  result->n_clusters = clusters->len;
  result->clusters = (MgLayoutCluster *) g_array_free (clusters, FALSE);
}

static gboolean
geometry_is_finite (const MgLayoutResult *result)
{
  for (guint i = 0; i < result->n_actors; i++)
    if (!isfinite (result->actors[i].x) || !isfinite (result->actors[i].y))
      return FALSE;
  return TRUE;
}

/* One attempt: build, lay out, read.  Called with the mutex held. */
static gboolean
run_once (const MgLayoutRequest *request, gboolean splines, MgLayoutResult *result,
          GPtrArray *messages, char **error_text)
{
  Built built = { 0 };
  const char *engine = mg_layout_engine_to_string (request->engine);
  gint64 start;
  int rc;
  gboolean ok;

  build_graph (request, splines, &built);
  agreseterrors ();
  /* Engines draw from the C library's generators, some without seeding
   * them: seed them so that a layout does not depend on the ones before.
   * (fdp, and dot with clusters, still vary a little between processes:
   * Graphviz orders some internal sets by memory address.) */
  srand (1);
  srand48 (1);
  start = g_get_monotonic_time ();
  rc = gvLayout (graphviz_context, built.graph, engine);
  result->seconds += (g_get_monotonic_time () - start) / 1e6;
  ok = rc == 0 && agerrors () < AGERR;
  if (rc == 0 && ok)
    {
      read_geometry (request, &built, result);
      if (!geometry_is_finite (result))
        {
          ok = FALSE;
          g_string_append (graphviz_messages, "the layout gave non-finite positions\n");
        }
    }
  if (rc == 0)
    gvFreeLayout (graphviz_context, built.graph);
  built_clear (&built);

  if (!ok)
    *error_text = g_strstrip (g_strdup (graphviz_messages->str));
  move_messages (messages);
  return ok;
}

/* ---- sessions ----------------------------------------------------------- */

/* Everything that touches Graphviz runs between session_begin() and
 * session_end(): under the mutex, with Graphviz's messages collected, and
 * the caller's LC_NUMERIC restored at the end (Graphviz switches it to "C"
 * for the whole process while it works). */
typedef struct {
  char      *saved_locale;
  agusererrf saved_handler;
} Session;

static void
session_begin (Session *session)
{
  g_mutex_lock (&graphviz_mutex);
  session->saved_locale = g_strdup (setlocale (LC_NUMERIC, NULL));
  if (graphviz_messages == NULL)
    graphviz_messages = g_string_new (NULL);
  g_string_truncate (graphviz_messages, 0);
  session->saved_handler = agseterrf (collect_message);
  if (graphviz_context == NULL)
    graphviz_context = gvContextPlugins (builtin_plugins, FALSE);
}

static void
session_end (Session *session)
{
  agseterrf (session->saved_handler);
  setlocale (LC_NUMERIC, session->saved_locale);
  g_clear_pointer (&session->saved_locale, g_free);
  g_string_truncate (graphviz_messages, 0);
  g_mutex_unlock (&graphviz_mutex);
}

/* ---- the graph as DOT ---------------------------------------------------- */

/* Writes the graph of @request to @path.  For the fdp program
 * (@owners not NULL): each Graphviz edge carries the index of the relation
 * that made it ("mgi"), so that parallel edges map back to their relations,
 * @owners receives, per relation, the index of the relation whose edge it
 * is, and a non-zero @seed is given as "start". */
static gboolean
write_graph (const MgLayoutRequest *request, const char *path, guint seed, guint **owners,
             GError **error)
{
  Built built = { 0 };
  Session session;
  FILE *file;
  gboolean ok;
  int saved_errno;

  file = g_fopen (path, "w");
  if (file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  session_begin (&session);
  build_graph (request, request->splines, &built);
  if (owners != NULL)
    {
      Agsym_t *sym_index = agattr (built.graph, AGEDGE, (char *) "mgi", (char *) "");
      char number[16];

      if (seed > 0)
        {
          g_snprintf (number, sizeof number, "%u", seed);
          agattr (built.graph, AGRAPH, (char *) "start", number);
        }
      for (guint i = 0; i < request->n_relations; i++)
        if (built.owners[i] == i)
          {
            g_snprintf (number, sizeof number, "%u", i);
            agxset (built.edges[i], sym_index, number);
          }
      *owners = g_steal_pointer (&built.owners);
    }
  errno = 0;
  ok = agwrite (built.graph, file) == 0;
  saved_errno = errno;
  built_clear (&built);
  session_end (&session);
  if (fclose (file) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path,
                   saved_errno != 0 ? g_strerror (saved_errno) : "Graphviz could not write it");
      if (owners != NULL)
        g_clear_pointer (owners, g_free);
    }
  return ok;
}

gboolean
mg_layout_request_write_dot (MgLayoutRequest *request, const char *path, GError **error)
{
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_graph (request, path, 0, NULL, error);
}

gboolean
mg_layout_graphviz_write_for_program (const MgLayoutRequest *request, const char *path,
                                      guint seed, guint **owners, GError **error)
{
  g_assert (owners != NULL);
  return write_graph (request, path, seed, owners, error);
}

/* ---- a layout made elsewhere ------------------------------------------- */

static guint
edge_index (Agedge_t *e, guint n_relations)
{
  const char *text = agget (e, (char *) "mgi");
  char *end = NULL;
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (*text))
    return G_MAXUINT;
  value = g_ascii_strtoull (text, &end, 10);
  return *end == '\0' && value < n_relations ? (guint) value : G_MAXUINT;
}

/* Finds our actors and relations in @built->graph, a graph parsed from a
 * layout program's output.  FALSE when one is missing or misplaced. */
static gboolean
find_objects (const MgLayoutRequest *request, const guint *owners, Built *built)
{
  g_autofree Agedge_t **by_owner = g_new0 (Agedge_t *, MAX (request->n_relations, 1));
  Agraph_t *g = built->graph;

  built->nodes = g_new0 (Agnode_t *, MAX (request->n_actors, 1));
  for (guint i = 0; i < request->n_actors; i++)
    {
      char name[24];

      g_snprintf (name, sizeof name, "a%u", i);
      if ((built->nodes[i] = agnode (g, name, FALSE)) == NULL)
        {
          g_string_append_printf (graphviz_messages, "actor %u is missing\n", i);
          return FALSE;
        }
    }
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      {
        guint k = edge_index (e, request->n_relations);
        if (k != G_MAXUINT && owners[k] == k)
          by_owner[k] = e;
      }
  built->edges = g_new0 (Agedge_t *, MAX (request->n_relations, 1));
  for (guint i = 0; i < request->n_relations; i++)
    {
      Agedge_t *e = by_owner[owners[i]];
      Agnode_t *s = built->nodes[request->relations[i].source];
      Agnode_t *t = built->nodes[request->relations[i].target];

      if (e == NULL || !((agtail (e) == s && aghead (e) == t) || (agtail (e) == t && aghead (e) == s)))
        {
          g_string_append_printf (graphviz_messages, "relation %u is missing\n", i);
          return FALSE;
        }
      built->edges[i] = e;
    }
  return TRUE;
}

static gboolean
clusters_are_finite (const MgLayoutResult *result)
{
  for (guint i = 0; i < result->n_clusters; i++)
    {
      const MgLayoutBox *b = &result->clusters[i].box;
      if (!isfinite (b->x0) || !isfinite (b->y0) || !isfinite (b->x1) || !isfinite (b->y1))
        return FALSE;
    }
  return TRUE;
}

/* neato -n2 lists the clusters of each graph and cluster in an array that
 * its clean-up never frees (Graphviz 2.42): free them before
 * gvFreeLayout(). */
static void
free_cluster_lists (Agraph_t *g)
{
  for (int c = 1; c <= GD_n_cluster (g); c++)
    free_cluster_lists (GD_clust (g)[c]);
  free (GD_clust (g));
  GD_clust (g) = NULL;
  GD_n_cluster (g) = 0;
}

gboolean
mg_layout_graphviz_read_laid_out (const MgLayoutRequest *request, const char *text,
                                  const guint *owners, MgLayoutResult *result,
                                  char **error_text)
{
  Built built = { 0 };
  Session session;
  gboolean ok = FALSE;
  gint64 start;
  int rc = -1;

  g_assert (text != NULL && owners != NULL);
  session_begin (&session);
  agreseterrors ();
  built.graph = agmemread (text);
  if (built.graph == NULL)
    g_string_append (graphviz_messages, "the output is not a graph\n");
  else if (find_objects (request, owners, &built))
    {
      /* neato -n2 takes the positions, routes ("pos") and territory boxes
       * ("bb") as given, and fills in Graphviz's structures for them. */
      start = g_get_monotonic_time ();
      rc = gvLayout (graphviz_context, built.graph, "nop2");
      result->seconds += (g_get_monotonic_time () - start) / 1e6;
      ok = rc == 0 && agerrors () < AGERR;
    }
  if (ok)
    {
      read_geometry (request, &built, result);
      if (!geometry_is_finite (result) || !clusters_are_finite (result))
        {
          ok = FALSE;
          g_string_append (graphviz_messages, "non-finite positions\n");
        }
      else if (result->n_clusters != (request->use_clusters ? request->n_clusters : 0))
        {
          ok = FALSE;
          g_string_append (graphviz_messages, "territory boxes are missing\n");
        }
    }
  if (rc == 0)
    {
      free_cluster_lists (built.graph);
      gvFreeLayout (graphviz_context, built.graph);
    }
  built_clear (&built);
  if (!ok)
    {
      *error_text = g_strstrip (g_strdup (graphviz_messages->str));
      g_string_truncate (graphviz_messages, 0);
    }
  move_messages (result->messages);
  session_end (&session);
  return ok;
}

/* ---- in process ------------------------------------------------------- */

void
mg_layout_graphviz_clear_geometry (MgLayoutResult *result)
{
  for (guint i = 0; i < result->n_routes; i++)
    {
      g_clear_pointer (&result->routes[i].points, g_free);
      result->routes[i].n_points = 0;
    }
  for (guint i = 0; i < result->n_clusters; i++)
    {
      g_free (result->clusters[i].territory);
      g_free (result->clusters[i].label);
    }
  g_clear_pointer (&result->clusters, g_free);
  result->n_clusters = 0;
}

gboolean
mg_layout_graphviz_run (MgLayoutRequest *request, MgLayoutResult *result,
                        GCancellable *cancellable, GError **error)
{
  g_autofree char *error_text = NULL;
  Session session;
  gboolean ok;

  session_begin (&session);
  /* Waiting for another layout may have taken long. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      session_end (&session);
      return FALSE;
    }

  ok = run_once (request, request->splines, result, result->messages, &error_text);
  if (!ok && request->splines)
    {
      /* Spline routing is the fragile part (e.g. "in routesplines,
       * Pshortestpath failed"): try once more with straight relations. */
      g_autofree char *second_error = NULL;

      mg_layout_graphviz_clear_geometry (result);
      ok = run_once (request, FALSE, result, result->messages, &second_error);
      if (ok)
        g_ptr_array_add (result->messages,
                         g_strdup ("Graphviz could not route the relations as curves; "
                                   "they are drawn straight."));
      else if (second_error != NULL && *second_error != '\0')
        {
          g_free (error_text);
          error_text = g_steal_pointer (&second_error);
        }
    }
  session_end (&session);

  if (!ok)
    {
      g_set_error (error, MG_LAYOUT_ERROR, MG_LAYOUT_ERROR_GRAPHVIZ,
                   _("The %s layout failed: %s"), mg_layout_engine_to_string (request->engine),
                   error_text != NULL && *error_text != '\0' ? error_text
                                                              : "Graphviz reported an error");
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
