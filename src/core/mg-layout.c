/* mg-layout.c — engines, options, and layout requests: the snapshot of a
 * map and the plan (engine, grouping, routes, overlap handling).  Running
 * and applying are in mg-layout-result.c, Graphviz in mg-layout-graphviz.c. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-layout-private.h"

/* Sizes beyond which AUTO switches engine, and explicit engines are refused
 * (see mg-layout.h).  Measured by tests/bench/bench-layout.c on random maps
 * with 2.5 relations per actor, and territories unrelated to relations (the
 * worst case for grouping). */
#define AUTO_NEATO_MAX          150   /* neato: 0.06 s at 100 */
#define AUTO_FDP_CLUSTERS_MAX   1000  /* fdp + clusters (child): 0.5 s at 300, 2 s at 1,000 */
#define AUTO_DOT_CLUSTERS_MAX   2000  /* dot + clusters: 0.1 s at 300, 1–1.7 s at 2,000 */
#define SFDP_OVERLAP_MAX        2000  /* sfdp prism: 0.8 s at 1,000, 2.5 s at 2,000 */
#define TWOPI_OVERLAP_MAX       1000  /* twopi vpsc: 0.5 s at 1,000 */
/* Graphviz's spline router (neato's, used by every engine but dot) costs
 * about 0.8 s at 60 actors, 3 s at 100, 10 s at 200, a minute at 300;
 * dot routes its own splines cheaply. */
#define AUTO_SPLINES_MAX        60
#define AUTO_SPLINES_RELATIONS  180
#define AUTO_DOT_SPLINES_MAX    200
#define RANGE_SPLINES_MAX       200
#define RANGE_DOT_MAX           200   /* dot: 0.7 s at 100, 13 s at 200, 41–86 s at 300 */
#define RANGE_DOT_CLUSTERS_MAX  5000  /* dot + clusters: 6–17 s at 5,000 */
#define RANGE_NEATO_MAX         2000  /* neato: 7 s at 1,000 */
#define RANGE_CIRCO_MAX         100   /* circo: 12 s at 100 */
#define RANGE_FDP_MAX           2000  /* fdp prism: 1.3 s at 1,000 */
#define RANGE_FDP_CLUSTERS_MAX  5000  /* fdp + clusters: 15–36 s at 5,000 */
/* fdp's own overlap removal ("9:prism", its default) holds pins, but costs
 * 1.5 s at 100 actors without clusters and 19 s at 300. */
#define FDP_PINS_OVERLAP_MAX    100

G_DEFINE_QUARK (mg-layout-error-quark, mg_layout_error)

static const char *const engine_names[MG_LAYOUT_N_ENGINES] = {
  "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi",
};

const char *
mg_layout_engine_to_string (MgLayoutEngine engine)
{
  g_return_val_if_fail (engine < MG_LAYOUT_N_ENGINES, NULL);
  return engine_names[engine];
}

gboolean
mg_layout_engine_from_string (const char *text, MgLayoutEngine *out)
{
  g_return_val_if_fail (text != NULL, FALSE);
  for (guint i = 0; i < MG_LAYOUT_N_ENGINES; i++)
    if (g_ascii_strcasecmp (text, engine_names[i]) == 0)
      {
        if (out != NULL)
          *out = (MgLayoutEngine) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
mg_layout_engine_supports_clusters (MgLayoutEngine engine)
{
  return engine == MG_LAYOUT_ENGINE_DOT || engine == MG_LAYOUT_ENGINE_FDP;
}

void
mg_layout_options_init (MgLayoutOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->engine = MG_LAYOUT_ENGINE_AUTO;
  options->keep_pinned = TRUE;
  options->routes = MG_LAYOUT_ROUTES_AUTO;
}

/* ---- snapshot ----------------------------------------------------------- */

/* The footprint of an actor: its shape, widened to its label's estimated
 * width, and with room for the label below (see mg-layout.h). */
static void
estimate_footprint (const char *label, double width, double height,
                    double *box_width, double *box_height)
{
  const double em = MG_LAYOUT_LABEL_FONT_SIZE;
  g_auto (GStrv) lines = g_strsplit (label != NULL ? label : "", "\n", -1);
  double text_width = 0;
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double w = g_utf8_strlen (lines[i], -1) * MG_LAYOUT_LABEL_CHAR_WIDTH * em;
      guint wrapped = MAX (1, (guint) ceil (w / MG_LAYOUT_LABEL_MAX_WIDTH));

      if (w == 0)
        continue;
      text_width = MAX (text_width, MIN (w, MG_LAYOUT_LABEL_MAX_WIDTH));
      n_lines += wrapped;
    }
  n_lines = MIN (n_lines, 3);
  *box_width = MAX (width, text_width);
  *box_height = height;
  if (n_lines > 0)
    *box_height += MG_LAYOUT_LABEL_GAP + n_lines * MG_LAYOUT_LABEL_LINE_HEIGHT * em;
}

static guint
find_root (guint *parent, guint i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

/* Splits a territory path into its non-empty, trimmed components. */
static GPtrArray *
split_territory (const char *territory)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) raw = g_strsplit (territory, "/", -1);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *part = g_strstrip (raw[i]);
      if (*part != '\0')
        g_ptr_array_add (parts, g_strdup (part));
    }
  return parts;
}

/* Creates the clusters of the actors' territories down to @level, parents
 * first, and sets each actor's innermost cluster. */
static void
snapshot_clusters (MgLayoutRequest *request, GPtrArray *actors, guint level)
{
  g_autoptr (GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) clusters = g_array_new (FALSE, TRUE, sizeof (MgLayoutRequestCluster));

  for (guint i = 0; i < request->n_actors; i++)
    {
      const MgActor *actor = g_ptr_array_index (actors, i);
      g_autoptr (GPtrArray) parts = NULL;
      g_autoptr (GString) path = g_string_new (NULL);
      int parent = -1;

      request->actors[i].cluster = -1;
      if (level == 0 || actor->territory == NULL)
        continue;
      parts = split_territory (actor->territory);
      for (guint d = 0; d < parts->len && d < level; d++)
        {
          gpointer found;

          if (d > 0)
            g_string_append_c (path, '/');
          g_string_append (path, g_ptr_array_index (parts, d));
          if (!g_hash_table_lookup_extended (by_path, path->str, NULL, &found))
            {
              MgLayoutRequestCluster cluster = {
                .territory = g_strdup (path->str),
                .label = g_strdup (g_ptr_array_index (parts, d)),
                .parent = parent,
                .depth = d + 1,
              };
              found = GINT_TO_POINTER ((int) clusters->len);
              g_array_append_val (clusters, cluster);
              g_hash_table_insert (by_path, cluster.territory, found);
            }
          parent = GPOINTER_TO_INT (found);
        }
      request->actors[i].cluster = parent;
    }
  request->n_clusters = clusters->len;
  request->clusters = (MgLayoutRequestCluster *) g_array_free (g_steal_pointer (&clusters), FALSE);
}

static void
snapshot_relations (MgLayoutRequest *request, GPtrArray *relations)
{
  g_autofree guint *parent = g_new (guint, MAX (request->n_actors, 1));
  GHashTable *roots;

  request->n_relations = relations->len;
  request->relations = g_new0 (MgLayoutRequestRelation, MAX (relations->len, 1));
  for (guint i = 0; i < request->n_actors; i++)
    parent[i] = i;
  for (guint i = 0; i < relations->len; i++)
    {
      const MgRelation *relation = g_ptr_array_index (relations, i);
      guint s = relation->source->index, t = relation->target->index;

      request->relations[i].source = s;
      request->relations[i].target = t;
      request->any_directed |= relation->directed;
      if (s == t)
        continue;
      request->actors[s].degree++;
      request->actors[t].degree++;
      parent[find_root (parent, s)] = find_root (parent, t);
    }

  /* Number the components in order of first actor. */
  roots = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < request->n_actors; i++)
    {
      gpointer key = GUINT_TO_POINTER (find_root (parent, i)), value;

      if (!g_hash_table_lookup_extended (roots, key, NULL, &value))
        {
          value = GUINT_TO_POINTER (g_hash_table_size (roots));
          g_hash_table_insert (roots, key, value);
        }
      request->actors[i].component = GPOINTER_TO_UINT (value);
    }
  g_hash_table_unref (roots);
}

static void
add_note (MgLayoutRequest *request, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
add_note (MgLayoutRequest *request, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (request->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static char *
refuse (MgLayoutEngine engine, guint n, guint max, const char *what, const char *instead)
{
  return g_strdup_printf ("The %s engine is not suited to %u actors%s (its range is up to %u: "
                          "it could run for minutes or exhaust memory). Use %s instead, "
                          "or force it.",
                          mg_layout_engine_to_string (engine), n, what, max, instead);
}

/* Decides engine, clusters, routes and overlap handling (see mg-layout.h). */
static void
plan (MgLayoutRequest *request, const MgLayoutOptions *options)
{
  guint n = request->n_actors;
  gboolean grouping = options->group_by_territory_level > 0 && request->n_clusters > 0;
  MgLayoutEngine engine = options->engine;
  gboolean automatic = engine == MG_LAYOUT_ENGINE_AUTO;

  if (automatic)
    {
      /* fdp draws territories compactly, in a shape that fits a screen
       * (dot's ranks line them up in a strip).  With clusters it crashes in
       * 1–7 % of layouts (Graphviz 2.42), so it runs in a child process,
       * with a retry and dot as the last resort (mg-layout-subprocess.c). */
      if (grouping && n <= AUTO_FDP_CLUSTERS_MAX)
        engine = MG_LAYOUT_ENGINE_FDP;
      else if (grouping && n <= AUTO_DOT_CLUSTERS_MAX)
        engine = MG_LAYOUT_ENGINE_DOT;
      else if (grouping)
        {
          engine = MG_LAYOUT_ENGINE_SFDP;
          add_note (request, "Territory boxes are not drawn for more than %u actors: "
                    "the map was laid out with sfdp, without grouping.",
                    AUTO_DOT_CLUSTERS_MAX);
        }
      else if (n <= AUTO_NEATO_MAX)
        engine = MG_LAYOUT_ENGINE_NEATO;
      else
        engine = MG_LAYOUT_ENGINE_SFDP;
    }
  request->engine = engine;
  request->use_clusters = grouping && mg_layout_engine_supports_clusters (engine);
  if (grouping && !request->use_clusters && !automatic)
    add_note (request, "The %s engine does not draw territory boxes; use dot or fdp.",
              mg_layout_engine_to_string (engine));

  switch (options->routes)
    {
    case MG_LAYOUT_ROUTES_CURVED:
      request->splines = TRUE;
      break;
    case MG_LAYOUT_ROUTES_STRAIGHT:
      request->splines = FALSE;
      break;
    case MG_LAYOUT_ROUTES_AUTO:
    default:
      if (engine == MG_LAYOUT_ENGINE_DOT)
        request->splines = n <= AUTO_DOT_SPLINES_MAX;
      else
        request->splines = n <= AUTO_SPLINES_MAX && request->n_relations <= AUTO_SPLINES_RELATIONS;
      break;
    }

  switch (engine)
    {
    case MG_LAYOUT_ENGINE_NEATO:
      /* vpsc removes overlaps and, unlike prism, leaves pinned actors
       * where they are. */
      request->overlap = "vpsc";
      break;
    case MG_LAYOUT_ENGINE_FDP:
      /* With clusters, fdp's default keeps the territory boxes apart.
       * Without, prism is fast, but moves pinned actors (then put back by
       * anchor()); fdp's default holds them on small maps. */
      if (!request->use_clusters && (request->n_pinned == 0 || n > FDP_PINS_OVERLAP_MAX))
        request->overlap = "prism";
      break;
    case MG_LAYOUT_ENGINE_SFDP:
      /* Beyond, prism costs a minute at 20,000 actors: our own pass
       * (mg-layout-separate.c) takes a fraction of a second. */
      if (n <= SFDP_OVERLAP_MAX)
        request->overlap = "prism";
      else
        request->separate = TRUE;
      break;
    case MG_LAYOUT_ENGINE_TWOPI:
      /* Rings of a radial layout overlap badly on large maps. */
      if (n <= TWOPI_OVERLAP_MAX)
        request->overlap = "vpsc";
      else
        request->separate = TRUE;
      break;
    case MG_LAYOUT_ENGINE_DOT:   /* never overlaps */
    case MG_LAYOUT_ENGINE_CIRCO: /* neither */
    case MG_LAYOUT_ENGINE_AUTO:
    case MG_LAYOUT_N_ENGINES:
    default:
      break;
    }

  if (options->force)
    return;
  if (engine == MG_LAYOUT_ENGINE_DOT && !request->use_clusters && n > RANGE_DOT_MAX)
    request->refusal = refuse (engine, n, RANGE_DOT_MAX, "", "sfdp");
  else if (engine == MG_LAYOUT_ENGINE_DOT && request->use_clusters && n > RANGE_DOT_CLUSTERS_MAX)
    request->refusal = refuse (engine, n, RANGE_DOT_CLUSTERS_MAX, " grouped by territory",
                               "sfdp without grouping");
  else if (engine == MG_LAYOUT_ENGINE_NEATO && n > RANGE_NEATO_MAX)
    request->refusal = refuse (engine, n, RANGE_NEATO_MAX, "", "sfdp");
  else if (engine == MG_LAYOUT_ENGINE_CIRCO && n > RANGE_CIRCO_MAX)
    request->refusal = refuse (engine, n, RANGE_CIRCO_MAX, "", "twopi or sfdp");
  else if (engine == MG_LAYOUT_ENGINE_FDP && !request->use_clusters && n > RANGE_FDP_MAX)
    request->refusal = refuse (engine, n, RANGE_FDP_MAX, " without territory grouping", "sfdp");
  else if (engine == MG_LAYOUT_ENGINE_FDP && request->use_clusters && n > RANGE_FDP_CLUSTERS_MAX)
    request->refusal = refuse (engine, n, RANGE_FDP_CLUSTERS_MAX, " grouped by territory",
                               "sfdp without grouping");
  else if (request->splines && engine != MG_LAYOUT_ENGINE_DOT && n > RANGE_SPLINES_MAX)
    request->refusal = g_strdup_printf ("Curved relations are not computed for %u actors "
                                        "(up to %u: routing them could take minutes). "
                                        "Use straight relations, or force it.",
                                        n, RANGE_SPLINES_MAX);
}

MgLayoutRequest *
mg_layout_request_new (MgMap *map, const MgLayoutOptions *options)
{
  MgLayoutOptions defaults;
  MgLayoutRequest *request;
  GPtrArray *actors;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  if (options == NULL)
    {
      mg_layout_options_init (&defaults);
      options = &defaults;
    }
  g_return_val_if_fail (options->engine < MG_LAYOUT_N_ENGINES, NULL);

  actors = mg_map_get_actors (map);
  request = g_new0 (MgLayoutRequest, 1);
  request->notes = g_ptr_array_new_with_free_func (g_free);
  request->n_actors = actors->len;
  request->actors = g_new0 (MgLayoutRequestActor, MAX (actors->len, 1));
  for (guint i = 0; i < actors->len; i++)
    {
      const MgActor *actor = g_ptr_array_index (actors, i);
      MgLayoutRequestActor *ra = &request->actors[i];

      ra->id = g_strdup (actor->id);
      ra->width = actor->width > 0 && isfinite (actor->width) ? actor->width
                                                              : MG_LAYOUT_DEFAULT_SHAPE_SIZE;
      ra->height = actor->height > 0 && isfinite (actor->height) ? actor->height
                                                                 : MG_LAYOUT_DEFAULT_SHAPE_SIZE;
      estimate_footprint (mg_actor_get_display_label (actor), ra->width, ra->height,
                          &ra->box_width, &ra->box_height);
      ra->x = actor->x;
      ra->y = actor->y;
      ra->pinned = options->keep_pinned && actor->pinned && actor->has_position
                   && isfinite (actor->x) && isfinite (actor->y);
      request->n_pinned += ra->pinned;
    }
  snapshot_clusters (request, actors, options->group_by_territory_level);
  snapshot_relations (request, mg_map_get_relations (map));

  if (options->graph_attributes != NULL)
    {
      guint n = 0;
      while (options->graph_attributes[n] != NULL && options->graph_attributes[n + 1] != NULL)
        n += 2;
      request->graph_attributes = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        request->graph_attributes[i] = g_strdup (options->graph_attributes[i]);
    }
  plan (request, options);
  return request;
}

void
mg_layout_request_free (MgLayoutRequest *request)
{
  if (request == NULL)
    return;
  for (guint i = 0; i < request->n_actors; i++)
    g_free (request->actors[i].id);
  g_free (request->actors);
  g_free (request->relations);
  for (guint i = 0; i < request->n_clusters; i++)
    {
      g_free (request->clusters[i].territory);
      g_free (request->clusters[i].label);
    }
  g_free (request->clusters);
  g_strfreev (request->graph_attributes);
  g_free (request->refusal);
  g_ptr_array_unref (request->notes);
  g_free (request);
}

MgLayoutEngine
mg_layout_request_get_engine (MgLayoutRequest *request, char **reason)
{
  g_return_val_if_fail (request != NULL, MG_LAYOUT_ENGINE_AUTO);
  if (reason != NULL)
    *reason = g_strdup (request->refusal);
  return request->engine;
}
