/* test-layout.c — Graphviz layout through the C libraries. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mg-graphml.h"
#include "mg-layout.h"
#include "mg-layout-private.h"

static const MgLayoutEngine all_engines[] = {
  MG_LAYOUT_ENGINE_DOT,  MG_LAYOUT_ENGINE_NEATO, MG_LAYOUT_ENGINE_FDP,
  MG_LAYOUT_ENGINE_SFDP, MG_LAYOUT_ENGINE_CIRCO, MG_LAYOUT_ENGINE_TWOPI,
  MG_LAYOUT_ENGINE_AUTO,
};

#define EPS 0.01

/* ---- maps ---------------------------------------------------------------- */

static const char *const territories[] = {
  "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand",
  "Auvergne-Rhône-Alpes/Puy-de-Dôme/Riom",
  "Auvergne-Rhône-Alpes/Haute-Savoie/Annecy",
  "Grand Est/Moselle/Metz",
  "Grand Est/Bas-Rhin/Strasbourg",
};

/* A small ecosystem: @n actors in a ring with chords, territories cycling
 * through the list above (every 7th actor has none). */
static MgMap *
make_small_map (guint n)
{
  MgMap *map = mg_map_new ();
  g_autoptr (GPtrArray) actors = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("Actor number %u", i);
      MgActor *actor = mg_map_add_actor (map, NULL);

      mg_map_set_actor_label (map, actor, label);
      if (i % 7 != 6)
        mg_map_set_actor_territory (map, actor, territories[i % G_N_ELEMENTS (territories)]);
      g_ptr_array_add (actors, actor);
    }
  for (guint i = 0; n > 1 && i < n; i++)
    {
      mg_map_add_relation (map, actors->pdata[i], actors->pdata[(i + 1) % n], NULL, TRUE);
      if (i % 3 == 0)
        mg_map_add_relation (map, actors->pdata[i], actors->pdata[(i * 7 + 2) % n], NULL, FALSE);
    }
  return map;
}

/* A random sparse map of @n actors (≈ 2.5 relations per actor). */
static MgMap *
make_random_map (guint n, guint32 seed)
{
  MgMap *map = mg_map_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *actors;

  for (guint i = 0; i < n; i++)
    mg_map_add_actor (map, NULL);
  actors = mg_map_get_actors (map);
  for (guint i = 1; i < n; i++)
    mg_map_add_relation (map, actors->pdata[i], actors->pdata[g_rand_int_range (rand, 0, i)],
                         NULL, FALSE);
  for (guint i = 0; i < n * 3 / 2; i++)
    mg_map_add_relation (map, actors->pdata[g_rand_int_range (rand, 0, n)],
                         actors->pdata[g_rand_int_range (rand, 0, n)], NULL, FALSE);
  return map;
}

static MgLayoutOptions
options_for (MgLayoutEngine engine)
{
  MgLayoutOptions options;

  mg_layout_options_init (&options);
  options.engine = engine;
  return options;
}

/* ---- checks -------------------------------------------------------------- */

static gboolean
box_contains (const MgLayoutBox *outer, const MgLayoutBox *inner)
{
  return inner->x0 >= outer->x0 - EPS && inner->y0 >= outer->y0 - EPS
         && inner->x1 <= outer->x1 + EPS && inner->y1 <= outer->y1 + EPS;
}

static gboolean
boxes_overlap (const MgLayoutBox *a, const MgLayoutBox *b, double tolerance)
{
  return a->x0 + tolerance < b->x1 && b->x0 + tolerance < a->x1
         && a->y0 + tolerance < b->y1 && b->y0 + tolerance < a->y1;
}

/* Finite geometry, every actor inside the bounds, routes well formed and
 * ending at their actors. */
static void
assert_result_sane (const MgLayoutResult *result, guint n_actors, guint n_relations)
{
  g_assert_cmpuint (result->n_actors, ==, n_actors);
  g_assert_cmpuint (result->n_routes, ==, n_relations);
  g_assert_cmpint (result->engine, !=, MG_LAYOUT_ENGINE_AUTO);
  g_assert_true (isfinite (result->bounds.x0) && isfinite (result->bounds.y1));
  for (guint i = 0; i < result->n_actors; i++)
    {
      const MgLayoutActor *a = &result->actors[i];

      g_assert_true (isfinite (a->x) && isfinite (a->y));
      g_assert_cmpfloat (a->width, >, 0);
      g_assert_true (box_contains (&result->bounds, &a->footprint));
      /* The shape sits at the top of its footprint, the label below. */
      g_assert_cmpfloat (fabs (a->y - a->height / 2 - a->footprint.y0), <, EPS);
      g_assert_cmpfloat (fabs (a->x - (a->footprint.x0 + a->footprint.x1) / 2), <, EPS);
    }
  for (guint i = 0; i < result->n_routes; i++)
    {
      const MgLayoutRoute *r = &result->routes[i];
      const MgLayoutActor *s = &result->actors[r->source], *t = &result->actors[r->target];

      if (r->points == NULL)
        continue;
      g_assert_cmpuint (r->n_points, >=, 4);
      g_assert_cmpuint (r->n_points % 3, ==, 1);
      for (guint k = 0; k < 2 * r->n_points; k++)
        g_assert_true (isfinite (r->points[k]));
      g_assert_cmpfloat (hypot (r->points[0] - s->x, r->points[1] - s->y), <, 1.0);
      g_assert_cmpfloat (hypot (r->points[2 * r->n_points - 2] - t->x,
                                r->points[2 * r->n_points - 1] - t->y), <, 1.0);
    }
}

static guint
count_overlaps (const MgLayoutResult *result)
{
  guint n = 0;

  for (guint i = 0; i < result->n_actors; i++)
    for (guint j = i + 1; j < result->n_actors; j++)
      n += boxes_overlap (&result->actors[i].footprint, &result->actors[j].footprint, 1.0);
  return n;
}

static MgLayoutResult *
run_layout (MgMap *map, const MgLayoutOptions *options)
{
  g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, options);
  g_autoptr (GError) error = NULL;
  MgLayoutResult *result = mg_layout_run (request, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* ---- tests --------------------------------------------------------------- */

static void
test_engine_names (void)
{
  MgLayoutEngine engine;

  for (guint i = 0; i < MG_LAYOUT_N_ENGINES; i++)
    {
      g_assert_true (mg_layout_engine_from_string (mg_layout_engine_to_string (i), &engine));
      g_assert_cmpint (engine, ==, i);
    }
  g_assert_true (mg_layout_engine_from_string ("SFDP", &engine));
  g_assert_cmpint (engine, ==, MG_LAYOUT_ENGINE_SFDP);
  g_assert_false (mg_layout_engine_from_string ("osage", &engine));
  g_assert_cmpstr (mg_layout_engine_to_string (MG_LAYOUT_ENGINE_AUTO), ==, "auto");
}

static void
test_every_engine_small_map (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
    {
      g_autoptr (MgMap) map = make_small_map (15);
      MgLayoutOptions options = options_for (all_engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      g_autoptr (GError) error = NULL;
      guint with_route = 0;

      g_test_message ("engine %s", mg_layout_engine_to_string (all_engines[e]));
      g_assert_true (mg_layout_map_sync (map, &options, &result, &error));
      g_assert_no_error (error);
      assert_result_sane (result, 15, mg_map_get_n_relations (map));
      if (all_engines[e] != MG_LAYOUT_ENGINE_AUTO)
        g_assert_cmpint (result->engine, ==, all_engines[e]);
      /* Applied: every actor has the result's position, and the map its
       * curved routes (a small map gets them). */
      for (guint i = 0; i < 15; i++)
        {
          MgActor *actor = g_ptr_array_index (mg_map_get_actors (map), i);
          g_assert_true (actor->has_position);
          g_assert_cmpfloat (actor->x, ==, result->actors[i].x);
          g_assert_cmpfloat (actor->y, ==, result->actors[i].y);
          g_assert_cmpfloat (actor->width, ==, 0); /* sizes untouched */
        }
      for (guint i = 0; i < mg_map_get_n_relations (map); i++)
        {
          MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), i);
          with_route += relation->route != NULL;
          g_assert_cmpuint (relation->n_route_points, ==, result->routes[i].n_points);
        }
      g_assert_cmpuint (with_route, ==, mg_map_get_n_relations (map));
      /* Not everything in one place. */
      g_assert_cmpfloat (result->bounds.x1 - result->bounds.x0, >, 100);
      /* Top-left at the origin when nothing is pinned. */
      g_assert_cmpfloat (fabs (result->bounds.x0), <, EPS);
      g_assert_cmpfloat (fabs (result->bounds.y0), <, EPS);
    }
}

static void
test_three_components (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
    {
      g_autoptr (MgMap) map = mg_map_new ();
      MgLayoutOptions options = options_for (all_engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      MgActor *actors[12];

      for (guint i = 0; i < 12; i++)
        actors[i] = mg_map_add_actor (map, NULL);
      for (guint c = 0; c < 3; c++)
        for (guint i = 0; i < 3; i++)
          mg_map_add_relation (map, actors[4 * c + i], actors[4 * c + i + 1], NULL, FALSE);
      result = run_layout (map, &options);
      assert_result_sane (result, 12, 9);
      /* Components are packed apart: no two actors on top of each other. */
      if (result->engine != MG_LAYOUT_ENGINE_TWOPI && result->engine != MG_LAYOUT_ENGINE_CIRCO)
        g_assert_cmpuint (count_overlaps (result), ==, 0);
      for (guint i = 0; i < 12; i++)
        for (guint j = i + 1; j < 12; j++)
          g_assert_cmpfloat (hypot (result->actors[i].x - result->actors[j].x,
                                    result->actors[i].y - result->actors[j].y), >, 1.0);
    }
}

static void
test_empty_map (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
    {
      g_autoptr (MgMap) map = mg_map_new ();
      MgLayoutOptions options = options_for (all_engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (mg_layout_map_sync (map, &options, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result->n_actors, ==, 0);
      g_assert_cmpuint (result->n_routes, ==, 0);
    }
}

static void
test_single_actor (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
    {
      g_autoptr (MgMap) map = mg_map_new ();
      MgLayoutOptions options = options_for (all_engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      MgActor *actor = mg_map_add_actor (map, "alone");

      mg_map_set_actor_territory (map, actor, "Auvergne-Rhône-Alpes");
      options.group_by_territory_level = 1;
      g_assert_true (mg_layout_map_sync (map, &options, &result, NULL));
      assert_result_sane (result, 1, 0);
      g_assert_true (actor->has_position);
      g_assert_cmpfloat (actor->x, ==, result->actors[0].x);
    }
}

static void
test_self_loops_and_parallel (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
    {
      g_autoptr (MgMap) map = mg_map_new ();
      MgLayoutOptions options = options_for (all_engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      MgActor *a = mg_map_add_actor (map, "a"), *b = mg_map_add_actor (map, "b");
      MgActor *c = mg_map_add_actor (map, "c");

      mg_map_add_relation (map, a, a, NULL, TRUE);
      mg_map_add_relation (map, a, b, NULL, TRUE);
      mg_map_add_relation (map, a, b, NULL, TRUE);
      mg_map_add_relation (map, b, a, NULL, TRUE);
      mg_map_add_relation (map, b, c, NULL, FALSE);
      mg_map_add_relation (map, c, c, NULL, FALSE);
      result = run_layout (map, &options);
      assert_result_sane (result, 3, 6);
      /* Parallel relations are routed, and not all on the same curve where
       * the engine separates them. */
      g_assert_nonnull (result->routes[1].points);
      g_assert_nonnull (result->routes[2].points);
      if (result->engine == MG_LAYOUT_ENGINE_DOT)
        g_assert_false (result->routes[1].n_points == result->routes[2].n_points
                        && memcmp (result->routes[1].points, result->routes[2].points,
                                   2 * sizeof (double) * result->routes[1].n_points) == 0);
    }
}

/* Pins three actors far apart and checks they stay exactly there, and the
 * others moved around them. */
static void
check_pinned (MgLayoutEngine engine, gboolean expect_routes_kept)
{
  g_autoptr (MgMap) map = make_small_map (18);
  MgLayoutOptions options = options_for (engine);
  g_autoptr (MgLayoutResult) result = NULL;
  GPtrArray *actors = mg_map_get_actors (map);
  const guint pinned[] = { 0, 5, 11 };
  const double px[] = { 1000, 1400, 1200 }, py[] = { -500, -500, -100 };
  guint kept_routes = 0, routes_at_pins = 0;

  for (guint k = 0; k < G_N_ELEMENTS (pinned); k++)
    {
      MgActor *actor = actors->pdata[pinned[k]];
      mg_map_set_actor_position (map, actor, px[k], py[k]);
      mg_map_set_actor_pinned (map, actor, TRUE);
    }
  g_assert_true (mg_layout_map_sync (map, &options, &result, NULL));
  assert_result_sane (result, 18, mg_map_get_n_relations (map));
  for (guint k = 0; k < G_N_ELEMENTS (pinned); k++)
    {
      MgActor *actor = actors->pdata[pinned[k]];
      g_assert_cmpfloat (actor->x, ==, px[k]);
      g_assert_cmpfloat (actor->y, ==, py[k]);
      g_assert_cmpfloat (result->actors[pinned[k]].x, ==, px[k]);
      g_assert_true (result->actors[pinned[k]].pinned);
    }
  /* The others were laid out around them, in the same region of the map. */
  for (guint i = 0; i < 18; i++)
    {
      g_assert_cmpfloat (((MgActor *) actors->pdata[i])->x, >, -1000);
      g_assert_cmpfloat (((MgActor *) actors->pdata[i])->x, <, 3500);
    }
  /* Engines that hold pins leave the routes of pinned actors in place. */
  for (guint i = 0; i < result->n_routes; i++)
    {
      const MgLayoutRoute *r = &result->routes[i];
      if (r->source == 0 || r->target == 0 || r->source == 5 || r->target == 5)
        {
          routes_at_pins++;
          kept_routes += r->points != NULL;
        }
    }
  g_assert_cmpuint (routes_at_pins, >, 0);
  if (expect_routes_kept)
    g_assert_cmpuint (kept_routes, ==, routes_at_pins);

  /* keep_pinned = FALSE: they are laid out like the others. */
  options.keep_pinned = FALSE;
  g_clear_pointer (&result, mg_layout_result_free);
  g_assert_true (mg_layout_map_sync (map, &options, &result, NULL));
  g_assert_false (result->actors[0].pinned);
  g_assert_cmpfloat (((MgActor *) actors->pdata[0])->x, !=, px[0]);
}

static void
test_pinned_neato (void)
{
  check_pinned (MG_LAYOUT_ENGINE_NEATO, TRUE);
}

static void
test_pinned_fdp (void)
{
  check_pinned (MG_LAYOUT_ENGINE_FDP, TRUE);
}

static void
test_pinned_sfdp (void)
{
  check_pinned (MG_LAYOUT_ENGINE_SFDP, FALSE);
}

static void
test_pinned_dot (void)
{
  check_pinned (MG_LAYOUT_ENGINE_DOT, FALSE);
}

static void
check_clusters (MgLayoutEngine engine, guint level)
{
  g_autoptr (MgMap) map = make_small_map (20);
  MgLayoutOptions options = options_for (engine);
  g_autoptr (MgLayoutResult) result = NULL;
  GPtrArray *actors = mg_map_get_actors (map);
  guint expected = level == 1 ? 2 : level == 2 ? 2 + 4 : 2 + 4 + 5;

  options.group_by_territory_level = level;
  result = run_layout (map, &options);
  assert_result_sane (result, 20, mg_map_get_n_relations (map));
  if (engine == MG_LAYOUT_ENGINE_FDP && result->engine == MG_LAYOUT_ENGINE_DOT)
    {
      /* The fdp program crashed twice in a row (rare on 20 actors):
       * dot stood in, and said so (tests/test-layout-subprocess.c). */
      g_assert_cmpuint (result->messages->len, >=, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (result->messages, result->messages->len - 1),
                                "The fdp layout failed twice"));
    }
  else
    g_assert_cmpint (result->engine, ==, engine);
  g_assert_cmpuint (result->n_clusters, ==, expected);

  for (guint c = 0; c < result->n_clusters; c++)
    {
      const MgLayoutCluster *cluster = &result->clusters[c];

      g_assert_true (g_str_has_suffix (cluster->territory, cluster->label));
      g_assert_cmpuint (cluster->depth, <=, level);
      g_assert_cmpuint (cluster->depth, ==, 1 + (guint) (strchr (cluster->territory, '/') != NULL)
                                               + (guint) (strchr (cluster->territory, '/') != NULL
                                                          && strchr (strchr (cluster->territory, '/') + 1, '/') != NULL));
      g_assert_true (box_contains (&result->bounds, &cluster->box));
      if (cluster->depth == 1)
        g_assert_cmpint (cluster->parent, ==, -1);
      else
        {
          const MgLayoutCluster *parent = &result->clusters[cluster->parent];
          g_assert_cmpint (cluster->parent, <, (int) c);
          g_assert_true (g_str_has_prefix (cluster->territory, parent->territory));
          g_assert_true (box_contains (&parent->box, &cluster->box));
        }
      /* Siblings are kept apart. */
      for (guint d = c + 1; d < result->n_clusters; d++)
        if (result->clusters[d].parent == cluster->parent)
          g_assert_false (boxes_overlap (&cluster->box, &result->clusters[d].box, 1.0));
    }

  /* Each actor with a territory is inside the boxes of its territory at
   * every level; the others are inside none. */
  for (guint i = 0; i < 20; i++)
    {
      MgActor *actor = actors->pdata[i];
      guint inside = 0;

      for (guint c = 0; c < result->n_clusters; c++)
        {
          const MgLayoutCluster *cluster = &result->clusters[c];
          gboolean member = actor->territory != NULL
                            && g_str_has_prefix (actor->territory, cluster->territory)
                            && (actor->territory[strlen (cluster->territory)] == '/'
                                || actor->territory[strlen (cluster->territory)] == '\0');
          if (member)
            {
              g_assert_true (box_contains (&cluster->box, &result->actors[i].footprint));
              inside++;
            }
          else
            g_assert_false (boxes_overlap (&cluster->box, &result->actors[i].footprint, 1.0));
        }
      g_assert_cmpuint (inside, ==, actor->territory != NULL ? level : 0);
    }
}

/* fdp with territory boxes runs as the fdp program in a child process
 * (Graphviz 2.42's fdp crashes now and then on clusters): without the
 * program, dot stands in, which tests/test-layout-subprocess.c checks. */
static gboolean
have_fdp_program (void)
{
  g_autofree char *fdp = g_find_program_in_path ("fdp");

  if (fdp == NULL)
    g_test_skip ("the fdp program (Graphviz) is not installed");
  return fdp != NULL;
}

static void
test_clusters_fdp_region (void)
{
  if (have_fdp_program ())
    check_clusters (MG_LAYOUT_ENGINE_FDP, 1);
}

static void
test_clusters_fdp_department (void)
{
  if (have_fdp_program ())
    check_clusters (MG_LAYOUT_ENGINE_FDP, 2);
}

static void
test_clusters_dot_region (void)
{
  check_clusters (MG_LAYOUT_ENGINE_DOT, 1);
}

static void
test_clusters_dot_city (void)
{
  check_clusters (MG_LAYOUT_ENGINE_DOT, 3);
}

static void
test_clusters_unsupported_engine (void)
{
  const MgLayoutEngine engines[] = { MG_LAYOUT_ENGINE_NEATO, MG_LAYOUT_ENGINE_SFDP,
                                     MG_LAYOUT_ENGINE_TWOPI, MG_LAYOUT_ENGINE_CIRCO };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr (MgMap) map = make_small_map (12);
      MgLayoutOptions options = options_for (engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      g_autofree char *expected = g_strdup_printf (
          "The %s engine does not draw territory boxes; use dot or fdp.",
          mg_layout_engine_to_string (engines[e]));
      gboolean found = FALSE;

      options.group_by_territory_level = 1;
      result = run_layout (map, &options);
      g_assert_cmpuint (result->n_clusters, ==, 0);
      for (guint i = 0; i < result->messages->len; i++)
        found |= g_strcmp0 (g_ptr_array_index (result->messages, i), expected) == 0;
      g_assert_true (found);
    }
}

static MgLayoutEngine
auto_engine (MgMap *map, guint level, gboolean *splines)
{
  MgLayoutOptions options = options_for (MG_LAYOUT_ENGINE_AUTO);
  g_autoptr (MgLayoutRequest) request = NULL;
  g_autofree char *reason = NULL;
  MgLayoutEngine engine;

  options.group_by_territory_level = level;
  request = mg_layout_request_new (map, &options);
  engine = mg_layout_request_get_engine (request, &reason);
  g_assert_null (reason);
  return engine;
}

static void
set_territories (MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);

  for (guint i = 0; i < actors->len; i++)
    mg_map_set_actor_territory (map, actors->pdata[i], territories[i % G_N_ELEMENTS (territories)]);
}

static void
test_separate_pile (void)
{
  MgLayoutResult result = { 0 };
  MgLayoutActor actors[60];
  double x0 = 0, y0 = 0;

  /* Sixty actors of several sizes piled on two points. */
  memset (actors, 0, sizeof actors);
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      double w = 40 + (i % 3) * 30, h = 30 + (i % 2) * 20, x = i % 2 ? 100 : 0;

      actors[i].x = x;
      actors[i].y = 0;
      actors[i].footprint = (MgLayoutBox) { x - w / 2, -h / 2, x + w / 2, h / 2 };
    }
  result.actors = actors;
  result.n_actors = G_N_ELEMENTS (actors);
  g_assert_cmpuint (count_overlaps (&result), >, 0);
  g_assert_cmpuint (mg_layout_separate (&result), ==, 0);
  g_assert_cmpuint (count_overlaps (&result), ==, 0);
  /* The shape is kept: the two piles stay apart, left and right. */
  for (guint i = 0; i < G_N_ELEMENTS (actors); i += 2)
    x0 += actors[i].x, y0 += actors[i + 1].x;
  g_assert_cmpfloat (x0, <, y0);
  /* Shape and footprint moved together. */
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    g_assert_cmpfloat_with_epsilon ((actors[i].footprint.x0 + actors[i].footprint.x1) / 2,
                                    actors[i].x, 1e-6);
}

static void
test_auto_by_size (void)
{
  g_autoptr (MgMap) small = make_small_map (40);
  g_autoptr (MgMap) medium = make_random_map (600, 1);
  g_autoptr (MgMap) large = make_random_map (3000, 2);
  g_autoptr (MgLayoutResult) result = NULL;
  MgLayoutOptions options = options_for (MG_LAYOUT_ENGINE_AUTO);
  const char *note = "Territory boxes are not drawn for more than 2000 actors: "
                     "the map was laid out with sfdp, without grouping.";

  g_assert_cmpint (auto_engine (small, 0, NULL), ==, MG_LAYOUT_ENGINE_NEATO);
  /* Grouped: fdp's compact territories while it is quick, dot beyond. */
  g_assert_cmpint (auto_engine (small, 2, NULL), ==, MG_LAYOUT_ENGINE_FDP);
  g_assert_cmpint (auto_engine (medium, 0, NULL), ==, MG_LAYOUT_ENGINE_SFDP);
  g_assert_cmpint (auto_engine (large, 0, NULL), ==, MG_LAYOUT_ENGINE_SFDP);
  /* Grouping without any territory: nothing to group. */
  g_assert_cmpint (auto_engine (large, 1, NULL), ==, MG_LAYOUT_ENGINE_SFDP);
  set_territories (medium);
  g_assert_cmpint (auto_engine (medium, 1, NULL), ==, MG_LAYOUT_ENGINE_FDP);
  {
    g_autoptr (MgMap) bigger = make_random_map (1500, 3);
    set_territories (bigger);
    g_assert_cmpint (auto_engine (bigger, 1, NULL), ==, MG_LAYOUT_ENGINE_DOT);
  }

  /* Small maps get curved routes, large ones straight relations. */
  result = run_layout (small, &options);
  g_assert_nonnull (result->routes[0].points);
  g_clear_pointer (&result, mg_layout_result_free);
  result = run_layout (large, &options);
  g_assert_cmpint (result->engine, ==, MG_LAYOUT_ENGINE_SFDP);
  assert_result_sane (result, 3000, mg_map_get_n_relations (large));
  for (guint i = 0; i < result->n_routes; i++)
    g_assert_null (result->routes[i].points);
  /* Beyond prism's range, our own pass leaves no actor on another. */
  g_assert_cmpuint (count_overlaps (result), ==, 0);

  /* Too large to group: laid out without boxes, and told so. */
  set_territories (large);
  options.group_by_territory_level = 1;
  g_clear_pointer (&result, mg_layout_result_free);
  result = run_layout (large, &options);
  g_assert_cmpint (result->engine, ==, MG_LAYOUT_ENGINE_SFDP);
  g_assert_cmpuint (result->n_clusters, ==, 0);
  g_assert_cmpuint (result->messages->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (result->messages, 0), ==, note);
}

static void
check_refused (MgMap *map, MgLayoutOptions *options, const char *suggestion)
{
  g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, options);
  g_autoptr (MgLayoutRequest) forced = NULL;
  g_autoptr (MgLayoutResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;

  mg_layout_request_get_engine (request, &reason);
  g_assert_nonnull (reason);
  result = mg_layout_run (request, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MG_LAYOUT_ERROR, MG_LAYOUT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, reason);
  g_assert_nonnull (strstr (error->message, suggestion));
  g_assert_false (mg_map_has_positions (map));

  options->force = TRUE;
  forced = mg_layout_request_new (map, options);
  g_clear_pointer (&reason, g_free);
  mg_layout_request_get_engine (forced, &reason);
  g_assert_null (reason);
  options->force = FALSE;
}

static gboolean
is_refused (MgMap *map, MgLayoutEngine engine, guint level)
{
  MgLayoutOptions options = options_for (engine);
  g_autoptr (MgLayoutRequest) request = NULL;
  g_autofree char *reason = NULL;

  options.group_by_territory_level = level;
  request = mg_layout_request_new (map, &options);
  mg_layout_request_get_engine (request, &reason);
  return reason != NULL;
}

static void
test_refused_engines (void)
{
  g_autoptr (MgMap) big = make_random_map (2001, 4);
  g_autoptr (MgMap) medium = make_random_map (301, 5);
  g_autoptr (MgMap) small = make_random_map (101, 6);
  MgLayoutOptions options;

  options = options_for (MG_LAYOUT_ENGINE_DOT);
  check_refused (medium, &options, "Use sfdp");
  options = options_for (MG_LAYOUT_ENGINE_NEATO);
  check_refused (big, &options, "Use sfdp");
  options = options_for (MG_LAYOUT_ENGINE_FDP);
  check_refused (big, &options, "Use sfdp");
  options = options_for (MG_LAYOUT_ENGINE_CIRCO);
  check_refused (small, &options, "Use twopi or sfdp");
  options = options_for (MG_LAYOUT_ENGINE_SFDP);
  options.routes = MG_LAYOUT_ROUTES_CURVED;
  check_refused (medium, &options, "Use straight relations");

  /* Within range: accepted. */
  g_assert_false (is_refused (small, MG_LAYOUT_ENGINE_DOT, 0));
  g_assert_false (is_refused (big, MG_LAYOUT_ENGINE_SFDP, 0));
  g_assert_false (is_refused (big, MG_LAYOUT_ENGINE_TWOPI, 0));
  g_assert_false (is_refused (medium, MG_LAYOUT_ENGINE_NEATO, 0));
  /* dot and fdp with territory boxes have ranges of their own. */
  set_territories (big);
  g_assert_false (is_refused (big, MG_LAYOUT_ENGINE_DOT, 1));
  g_assert_true (is_refused (big, MG_LAYOUT_ENGINE_DOT, 0));
  g_assert_false (is_refused (big, MG_LAYOUT_ENGINE_FDP, 1));
  /* AUTO is never refused. */
  g_assert_false (is_refused (big, MG_LAYOUT_ENGINE_AUTO, 0));
  g_assert_false (is_refused (big, MG_LAYOUT_ENGINE_AUTO, 2));
}

static void
test_special_labels (void)
{
  static const char *const labels[] = {
    "C:\\Users\\lab", "\\N\\G\\n", "\"quoted\" <b>bold</b>", "Université Clermont Auvergne",
    "Chambre de commerce et d'industrie du Puy-de-Dôme — délégation", "", "é\\",
  };

  for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
    {
      g_autoptr (MgMap) map = mg_map_new ();
      MgLayoutOptions options = options_for (all_engines[e]);
      g_autoptr (MgLayoutResult) result = NULL;
      MgActor *previous = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          MgActor *actor = mg_map_add_actor (map, labels[i][0] != '\0' ? labels[i] : NULL);
          g_autofree char *territory = g_strdup_printf ("Région \"%u\\\"/Dépt\\%u", i % 3, i % 2);

          mg_map_set_actor_label (map, actor, labels[i]);
          mg_map_set_actor_territory (map, actor, territory);
          if (previous != NULL)
            mg_map_add_relation (map, previous, actor, NULL, TRUE);
          previous = actor;
        }
      /* Territory names reach Graphviz as cluster labels (dot and fdp
       * draw boxes; fdp's go through a DOT file to the fdp program). */
      options.group_by_territory_level = 2;
      result = run_layout (map, &options);
      assert_result_sane (result, G_N_ELEMENTS (labels), G_N_ELEMENTS (labels) - 1);
      for (guint c = 0; c < result->n_clusters; c++)
        if (result->clusters[c].depth == 2)
          g_assert_true (g_str_has_prefix (result->clusters[c].label, "Dépt\\"));
        else
          g_assert_true (g_str_has_prefix (result->clusters[c].label, "Région \""));
      /* A long label widens the footprint; the wide one wraps. */
      g_assert_cmpfloat_with_epsilon (result->actors[4].footprint.x1 - result->actors[4].footprint.x0,
                                      MG_LAYOUT_LABEL_MAX_WIDTH, EPS);
    }
}

/* In a subprocess: Graphviz errors become a GError, warnings messages, and
 * nothing reaches the terminal. */
static void
test_graphviz_errors_captured (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (MgMap) map = make_small_map (10);
      MgLayoutOptions options = options_for (MG_LAYOUT_ENGINE_DOT);
      const char *const bad_ordering[] = { "ordering", "bogus", NULL };
      const char *const bad_mode[] = { "mode", "bogus", NULL };
      g_autoptr (MgLayoutResult) result = NULL;
      g_autoptr (GError) error = NULL;
      gboolean found = FALSE;

      options.graph_attributes = bad_ordering;
      g_assert_false (mg_layout_map_sync (map, &options, &result, &error));
      g_assert_error (error, MG_LAYOUT_ERROR, MG_LAYOUT_ERROR_GRAPHVIZ);
      g_assert_nonnull (strstr (error->message, "ordering 'bogus' not recognized"));
      g_assert_null (result);
      g_assert_false (mg_map_has_positions (map)); /* untouched */

      options = options_for (MG_LAYOUT_ENGINE_NEATO);
      options.graph_attributes = bad_mode;
      g_assert_true (mg_layout_map_sync (map, &options, &result, NULL));
      for (guint i = 0; i < result->messages->len; i++)
        found |= strstr (g_ptr_array_index (result->messages, i), "bogus") != NULL;
      g_assert_true (found);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

typedef struct {
  MgLayoutRequest *request;
  MgLayoutResult  *result;
} ThreadJob;

static gpointer
thread_run (gpointer data)
{
  ThreadJob *job = data;

  for (guint i = 0; i < 8; i++)
    {
      g_clear_pointer (&job->result, mg_layout_result_free);
      job->result = mg_layout_run (job->request, NULL, NULL);
    }
  return NULL;
}

static void
assert_same_geometry (const MgLayoutResult *a, const MgLayoutResult *b)
{
  g_assert_cmpuint (a->n_actors, ==, b->n_actors);
  for (guint i = 0; i < a->n_actors; i++)
    {
      /* Equal but for the last bits of rounding. */
      g_assert_cmpfloat_with_epsilon (a->actors[i].x, b->actors[i].x, EPS);
      g_assert_cmpfloat_with_epsilon (a->actors[i].y, b->actors[i].y, EPS);
    }
  g_assert_cmpuint (a->n_clusters, ==, b->n_clusters);
}

static void
pin_first_actor (MgMap *map)
{
  MgActor *actor = g_ptr_array_index (mg_map_get_actors (map), 0);

  mg_map_set_actor_position (map, actor, 100.5, 50.25);
  mg_map_set_actor_pinned (map, actor, TRUE);
}

/* Sizes and pins go to Graphviz as text: in a locale with a decimal comma
 * the layout must be the same as in C, and the caller's locale must come
 * back (Graphviz switches LC_NUMERIC to "C" while it works). */
static void
test_locale_decimal_comma (void)
{
  g_autoptr (MgMap) map = make_small_map (12);
  MgLayoutOptions options = options_for (MG_LAYOUT_ENGINE_NEATO);
  g_autoptr (MgLayoutResult) result = NULL, expected = NULL;
  g_autoptr (MgLayoutResult) pinned = NULL, expected_pinned = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *locale;

  expected = run_layout (map, &options);
  if ((locale = setlocale (LC_NUMERIC, "fr_FR.UTF-8")) == NULL
      && (locale = setlocale (LC_NUMERIC, "de_DE.UTF-8")) == NULL)
    {
      g_test_skip ("no locale with a decimal comma (fr_FR.UTF-8 or de_DE.UTF-8)");
      return;
    }
  locale = g_strdup (locale);
  result = run_layout (map, &options);
  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, locale);
  assert_same_geometry (result, expected);

  pin_first_actor (map);
  pinned = run_layout (map, &options);
  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, locale);
  setlocale (LC_NUMERIC, saved);
  expected_pinned = run_layout (map, &options);
  assert_same_geometry (pinned, expected_pinned);
  g_assert_cmpfloat (pinned->actors[0].x, ==, 100.5);
  g_free ((char *) locale);
}

/* Four layouts at once, again and again, from four threads: each gives what
 * it gives alone (neato, sfdp and twopi are deterministic; dot with
 * territory boxes varies a little from run to run, so it is checked for
 * sanity).  Without the mutex, Graphviz crashes or mixes results up. */
static void
test_threads_at_once (void)
{
  const MgLayoutEngine engines[] = { MG_LAYOUT_ENGINE_NEATO, MG_LAYOUT_ENGINE_SFDP,
                                     MG_LAYOUT_ENGINE_TWOPI, MG_LAYOUT_ENGINE_DOT };
  MgMap *maps[G_N_ELEMENTS (engines)];
  MgLayoutResult *expected[G_N_ELEMENTS (engines)];
  ThreadJob jobs[G_N_ELEMENTS (engines)];
  GThread *threads[G_N_ELEMENTS (engines)];

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      MgLayoutOptions options = options_for (engines[i]);

      maps[i] = make_small_map (50 + 20 * i);
      options.group_by_territory_level = engines[i] == MG_LAYOUT_ENGINE_DOT ? 2 : 0;
      options.routes = MG_LAYOUT_ROUTES_STRAIGHT;
      expected[i] = run_layout (maps[i], &options);
      jobs[i] = (ThreadJob) { mg_layout_request_new (maps[i], &options), NULL };
    }
  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    threads[i] = g_thread_new ("layout", thread_run, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_assert_nonnull (jobs[i].result);
      assert_result_sane (jobs[i].result, 50 + 20 * i, mg_map_get_n_relations (maps[i]));
      if (engines[i] == MG_LAYOUT_ENGINE_DOT)
        g_assert_cmpuint (jobs[i].result->n_clusters, ==, expected[i]->n_clusters);
      else
        assert_same_geometry (jobs[i].result, expected[i]);
      mg_layout_result_free (jobs[i].result);
      mg_layout_request_free (jobs[i].request);
      mg_layout_result_free (expected[i]);
      g_object_unref (maps[i]);
    }
}

static void
test_repeated_layouts (void)
{
  g_autoptr (MgMap) map = make_small_map (20);
  g_autoptr (MgLayoutResult) first = NULL;

  for (guint i = 0; i < 6; i++)
    for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
      {
        MgLayoutOptions options = options_for (all_engines[e]);
        g_autoptr (MgLayoutResult) result = NULL;

        options.group_by_territory_level = i % 3;
        result = run_layout (map, &options);
        if (first == NULL)
          first = g_steal_pointer (&result);
        else if (e == 0 && i % 3 == 0)
          assert_same_geometry (result, first); /* deterministic */
      }
}

static void
test_cancelled (void)
{
  g_autoptr (MgMap) map = make_small_map (10);
  g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (mg_layout_run (request, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (mg_map_has_positions (map));
}

static void
test_apply_after_edit (void)
{
  g_autoptr (MgMap) map = make_small_map (10);
  g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, NULL);
  g_autoptr (MgLayoutResult) result = mg_layout_run (request, NULL, NULL);
  GPtrArray *actors = mg_map_get_actors (map);
  MgActor *added;

  g_assert_nonnull (result);
  /* The map changed while the layout ran. */
  mg_map_remove_actor (map, actors->pdata[2]);
  added = mg_map_add_actor (map, "late");
  mg_layout_result_apply (result, map);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = actors->pdata[i];
      if (actor == added)
        {
          g_assert_false (actor->has_position);
          continue;
        }
      for (guint k = 0; k < result->n_actors; k++)
        if (g_strcmp0 (result->actors[k].id, actor->id) == 0)
          {
            g_assert_cmpfloat (actor->x, ==, result->actors[k].x);
            g_assert_cmpfloat (actor->y, ==, result->actors[k].y);
          }
    }
  /* Relations are matched by their endpoints: each route that was applied
   * starts at its source. */
  for (guint i = 0; i < mg_map_get_n_relations (map); i++)
    {
      MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), i);
      if (relation->route != NULL)
        g_assert_cmpfloat (hypot (relation->route[0] - relation->source->x,
                                  relation->route[1] - relation->source->y), <, 1.0);
    }
}

static void
test_example_maps (void)
{
  const char *data_dir = g_getenv ("MAILLAGE_DATA_DIR");
  g_autofree char *maps_dir = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n_maps = 0;

  if (data_dir == NULL)
    {
      g_test_skip ("MAILLAGE_DATA_DIR not set");
      return;
    }
  maps_dir = g_build_filename (data_dir, "maps", NULL);
  dir = g_dir_open (maps_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (maps_dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (MgMap) map = NULL;

      if (!g_str_has_suffix (name, ".graphml") && !g_str_has_suffix (name, ".graphml.gz"))
        continue;
      map = mg_graphml_read_file (path, NULL, &error);
      g_assert_no_error (error);
      n_maps++;
      for (guint e = 0; e < G_N_ELEMENTS (all_engines); e++)
        for (guint level = 0; level <= 2; level += 2)
          {
            MgLayoutOptions options = options_for (all_engines[e]);
            g_autoptr (MgLayoutRequest) request = NULL;
            g_autoptr (MgLayoutResult) result = NULL;
            g_autofree char *reason = NULL;

            options.group_by_territory_level = level;
            request = mg_layout_request_new (map, &options);
            mg_layout_request_get_engine (request, &reason);
            if (reason != NULL)
              continue; /* outside the engine's range */
            g_test_message ("%s with %s, grouping %u", name,
                            mg_layout_engine_to_string (all_engines[e]), level);
            result = mg_layout_run (request, NULL, &error);
            g_assert_no_error (error);
            assert_result_sane (result, mg_map_get_n_actors (map), mg_map_get_n_relations (map));
            mg_layout_result_apply (result, map);
            g_assert_true (mg_map_has_positions (map));
          }
    }
  if (n_maps == 0)
    g_test_skip ("no example maps in data/maps yet");
}

/* Something to show at once: the quick arrangement of a big map is
 * overlap-free, keeps a pinned actor where it is, and takes well under a
 * second of work per few thousand actors. */
static void
test_quick_first_arrangement (void)
{
  g_autoptr (MgMap) map = make_random_map (3000, 5);
  MgActor *pinned = g_ptr_array_index (mg_map_get_actors (map), 10);
  MgLayoutOptions options = options_for (MG_LAYOUT_ENGINE_AUTO);

  mg_map_set_actor_position (map, pinned, 123, 456);
  mg_map_set_actor_pinned (map, pinned, TRUE);

  g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, &options);
  gint64 start = g_get_monotonic_time ();
  g_autoptr (MgLayoutResult) result = mg_layout_run_quick (request);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  g_test_message ("quick arrangement of 3000 actors: %.2f s", seconds);
  assert_result_sane (result, 3000, mg_map_get_n_relations (map));
  g_assert_cmpuint (count_overlaps (result), ==, 0);
  g_assert_true (result->actors[10].pinned);
  g_assert_cmpfloat_with_epsilon (result->actors[10].x, 123, 1e-6);
  g_assert_cmpfloat_with_epsilon (result->actors[10].y, 456, 1e-6);
  /* Generous: a debug build under valgrind or a loaded machine. */
  g_assert_cmpfloat (seconds, <, 20);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/engine/names", test_engine_names);
  g_test_add_func ("/layout/engines/small-map", test_every_engine_small_map);
  g_test_add_func ("/layout/engines/three-components", test_three_components);
  g_test_add_func ("/layout/engines/empty-map", test_empty_map);
  g_test_add_func ("/layout/engines/single-actor", test_single_actor);
  g_test_add_func ("/layout/engines/self-loops-and-parallel", test_self_loops_and_parallel);
  g_test_add_func ("/layout/pinned/neato", test_pinned_neato);
  g_test_add_func ("/layout/pinned/fdp", test_pinned_fdp);
  g_test_add_func ("/layout/pinned/sfdp-re-anchored", test_pinned_sfdp);
  g_test_add_func ("/layout/pinned/dot-re-anchored", test_pinned_dot);
  g_test_add_func ("/layout/clusters/fdp-region", test_clusters_fdp_region);
  g_test_add_func ("/layout/clusters/fdp-department", test_clusters_fdp_department);
  g_test_add_func ("/layout/clusters/dot-region", test_clusters_dot_region);
  g_test_add_func ("/layout/clusters/dot-city", test_clusters_dot_city);
  g_test_add_func ("/layout/clusters/unsupported-engine", test_clusters_unsupported_engine);
  g_test_add_func ("/layout/auto/by-size", test_auto_by_size);
  g_test_add_func ("/layout/separate/pile", test_separate_pile);
  g_test_add_func ("/layout/quick/first-arrangement", test_quick_first_arrangement);
  g_test_add_func ("/layout/refused/out-of-range", test_refused_engines);
  g_test_add_func ("/layout/labels/special-characters", test_special_labels);
  g_test_add_func ("/layout/errors/captured", test_graphviz_errors_captured);
  g_test_add_func ("/layout/locale/decimal-comma", test_locale_decimal_comma);
  g_test_add_func ("/layout/threads/four-at-once", test_threads_at_once);
  g_test_add_func ("/layout/repeated", test_repeated_layouts);
  g_test_add_func ("/layout/run/cancelled", test_cancelled);
  g_test_add_func ("/layout/apply/after-edit", test_apply_after_edit);
  g_test_add_func ("/layout/example-maps", test_example_maps);

  return g_test_run ();
}
