/* test-metrics.c — degree, betweenness against known values, role
 * diversity, top brokers, sizing. */
#include <math.h>
#include "mg-map.h"
#include "mg-metrics.h"

/* Zachary's karate club (1977), the 78 friendships, members 1–34. */
static const guint karate[][2] = {
  { 1, 2 }, { 1, 3 }, { 1, 4 }, { 1, 5 }, { 1, 6 }, { 1, 7 }, { 1, 8 }, { 1, 9 },
  { 1, 11 }, { 1, 12 }, { 1, 13 }, { 1, 14 }, { 1, 18 }, { 1, 20 }, { 1, 22 }, { 1, 32 },
  { 2, 3 }, { 2, 4 }, { 2, 8 }, { 2, 14 }, { 2, 18 }, { 2, 20 }, { 2, 22 }, { 2, 31 },
  { 3, 4 }, { 3, 8 }, { 3, 9 }, { 3, 10 }, { 3, 14 }, { 3, 28 }, { 3, 29 }, { 3, 33 },
  { 4, 8 }, { 4, 13 }, { 4, 14 }, { 5, 7 }, { 5, 11 }, { 6, 7 }, { 6, 11 }, { 6, 17 },
  { 7, 17 }, { 9, 31 }, { 9, 33 }, { 9, 34 }, { 10, 34 }, { 14, 34 }, { 15, 33 }, { 15, 34 },
  { 16, 33 }, { 16, 34 }, { 19, 33 }, { 19, 34 }, { 20, 34 }, { 21, 33 }, { 21, 34 },
  { 23, 33 }, { 23, 34 }, { 24, 26 }, { 24, 28 }, { 24, 30 }, { 24, 33 }, { 24, 34 },
  { 25, 26 }, { 25, 28 }, { 25, 32 }, { 26, 32 }, { 27, 30 }, { 27, 34 }, { 28, 34 },
  { 29, 32 }, { 29, 34 }, { 30, 33 }, { 30, 34 }, { 31, 33 }, { 31, 34 }, { 32, 33 },
  { 32, 34 }, { 33, 34 },
};

/* A map of actors "1".."n" and the given relations. */
static MgMap *
numbered_map (guint n, const guint (*edges)[2], guint n_edges, gboolean directed)
{
  MgMap *map = mg_map_new ();

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_assert_nonnull (mg_map_add_actor (map, id));
    }
  for (guint e = 0; e < n_edges; e++)
    {
      GPtrArray *actors = mg_map_get_actors (map);

      g_assert_nonnull (mg_map_add_relation (map, g_ptr_array_index (actors, edges[e][0] - 1),
                                             g_ptr_array_index (actors, edges[e][1] - 1),
                                             NULL, directed));
    }
  return map;
}

static double *
betweenness (MgMap *map, MgBetweennessFlags flags, guint threads)
{
  g_autoptr(MgAdjacency) adj = mg_adjacency_new (map);
  g_autoptr(GError) error = NULL;
  double *values = mg_metrics_betweenness (adj, flags, threads, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (values);
  return values;
}

static void
test_degree (void)
{
  static const guint edges[][2] = { { 1, 2 }, { 1, 3 }, { 3, 1 }, { 2, 2 } };
  g_autoptr(MgMap) map = numbered_map (4, edges, G_N_ELEMENTS (edges), TRUE);
  g_autoptr(MgAdjacency) adj = NULL;
  guint in[4], out[4], total[4];

  /* One undirected relation 4 – 1. */
  GPtrArray *actors = mg_map_get_actors (map);
  mg_map_add_relation (map, g_ptr_array_index (actors, 3), g_ptr_array_index (actors, 0), NULL, FALSE);
  adj = mg_adjacency_new (map);
  mg_metrics_degrees (adj, in, out, total);

  g_assert_cmpuint (out[0], ==, 3); /* 1→2, 1→3, 4–1 */
  g_assert_cmpuint (in[0], ==, 2);  /* 3→1, 4–1 */
  g_assert_cmpuint (total[0], ==, 4);
  g_assert_cmpuint (total[1], ==, 3); /* the self-loop counts twice */
  g_assert_cmpuint (in[1], ==, 2);
  g_assert_cmpuint (out[1], ==, 1);
  g_assert_cmpuint (total[3], ==, 1);
  /* Self-loops make no arc; each other relation two. */
  g_assert_cmpuint (mg_adjacency_n_arcs (adj), ==, 8);
}

static void
test_betweenness_path (void)
{
  static const guint edges[][2] = { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 4, 5 } };
  g_autoptr(MgMap) map = numbered_map (5, edges, G_N_ELEMENTS (edges), FALSE);
  g_autofree double *raw = betweenness (map, MG_BETWEENNESS_DEFAULT, 1);
  g_autofree double *norm = betweenness (map, MG_BETWEENNESS_NORMALIZED, 1);
  const double expected[] = { 0, 3, 4, 3, 0 };

  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat_with_epsilon (raw[i], expected[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (norm[i], expected[i] / 6.0, 1e-9); /* (n-1)(n-2)/2 */
    }
}

static void
test_betweenness_star (void)
{
  const guint n = 9;
  guint edges[8][2];

  for (guint i = 0; i < n - 1; i++)
    {
      edges[i][0] = 1;
      edges[i][1] = i + 2;
    }
  g_autoptr(MgMap) map = numbered_map (n, (const guint (*)[2]) edges, n - 1, FALSE);
  g_autofree double *raw = betweenness (map, MG_BETWEENNESS_DEFAULT, 1);
  g_autofree double *norm = betweenness (map, MG_BETWEENNESS_NORMALIZED, 1);

  g_assert_cmpfloat_with_epsilon (raw[0], (n - 1) * (n - 2) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (norm[0], 1.0, 1e-12);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat_with_epsilon (raw[i], 0.0, 1e-12);
}

static void
test_betweenness_karate (void)
{
  g_autoptr(MgMap) map = numbered_map (34, karate, G_N_ELEMENTS (karate), FALSE);
  g_autofree double *raw = betweenness (map, MG_BETWEENNESS_DEFAULT, 1);
  g_autofree double *norm = betweenness (map, MG_BETWEENNESS_NORMALIZED, 1);
  g_autoptr(GArray) top = mg_metrics_top_indices (raw, 34, 4);

  g_assert_cmpuint (G_N_ELEMENTS (karate), ==, 78);
  /* Values as NetworkX and igraph compute them for this edge list. */
  g_assert_cmpfloat_with_epsilon (raw[0], 231.0714, 0.01);
  g_assert_cmpfloat_with_epsilon (raw[33], 160.5516, 0.01);
  g_assert_cmpfloat_with_epsilon (raw[32], 76.6905, 0.01);
  g_assert_cmpfloat_with_epsilon (raw[2], 75.8508, 0.01);
  g_assert_cmpfloat_with_epsilon (norm[0], 0.437635, 1e-5);
  /* Top brokers: 1, 34, 33, 3. */
  g_assert_cmpuint (g_array_index (top, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (top, guint, 1), ==, 33);
  g_assert_cmpuint (g_array_index (top, guint, 2), ==, 32);
  g_assert_cmpuint (g_array_index (top, guint, 3), ==, 2);
}

static void
test_betweenness_directed (void)
{
  /* 1→2→3→4 and 1→3: only 3 lies on a shortest path (1→3→4 and 2→3→4). */
  static const guint edges[][2] = { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 1, 3 } };
  g_autoptr(MgMap) map = numbered_map (4, edges, G_N_ELEMENTS (edges), TRUE);
  g_autofree double *directed = betweenness (map, MG_BETWEENNESS_DIRECTED, 1);
  g_autofree double *undirected = betweenness (map, MG_BETWEENNESS_DEFAULT, 1);

  g_assert_cmpfloat_with_epsilon (directed[0], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (directed[1], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (directed[2], 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (directed[3], 0.0, 1e-12);
  /* Undirected, 3 still carries 1–4 and 2–4, and nothing else is between. */
  g_assert_cmpfloat_with_epsilon (undirected[2], 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (undirected[0], 0.0, 1e-12);

  /* A directed cycle 1→2→3→1: each actor lies between one ordered pair;
   * as a triangle, none does. */
  static const guint cycle[][2] = { { 1, 2 }, { 2, 3 }, { 3, 1 } };
  g_autoptr(MgMap) cycle_map = numbered_map (3, cycle, G_N_ELEMENTS (cycle), TRUE);
  g_autofree double *cycle_directed = betweenness (cycle_map, MG_BETWEENNESS_DIRECTED, 1);
  g_autofree double *cycle_undirected = betweenness (cycle_map, MG_BETWEENNESS_DEFAULT, 1);
  for (guint v = 0; v < 3; v++)
    {
      g_assert_cmpfloat_with_epsilon (cycle_directed[v], 1.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (cycle_undirected[v], 0.0, 1e-12);
    }
}

static void
test_betweenness_parallel_and_loops (void)
{
  /* Parallel relations and self-loops change nothing. */
  static const guint edges[][2] = { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 4, 5 },
                                    { 2, 1 }, { 3, 3 }, { 2, 3 } };
  g_autoptr(MgMap) map = numbered_map (5, edges, G_N_ELEMENTS (edges), FALSE);
  g_autofree double *raw = betweenness (map, MG_BETWEENNESS_DEFAULT, 1);

  g_assert_cmpfloat_with_epsilon (raw[1], 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (raw[2], 4.0, 1e-9);
}

/* A bigger pseudo-random graph: several threads agree with one. */
static void
test_betweenness_threads (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  GRand *rand = g_rand_new_with_seed (42);
  GPtrArray *actors;

  for (guint i = 0; i < 1500; i++)
    mg_map_add_actor (map, NULL);
  actors = mg_map_get_actors (map);
  for (guint e = 0; e < 4000; e++)
    mg_map_add_relation (map, g_ptr_array_index (actors, g_rand_int_range (rand, 0, 1500)),
                         g_ptr_array_index (actors, g_rand_int_range (rand, 0, 1500)), NULL,
                         g_rand_boolean (rand));
  g_rand_free (rand);

  for (guint flags = 0; flags < 4; flags++)
    {
      g_autofree double *one = betweenness (map, flags, 1);
      g_autofree double *four = betweenness (map, flags, 4);

      for (guint v = 0; v < 1500; v++)
        g_assert_cmpfloat_with_epsilon (one[v], four[v], 1e-6 * MAX (1.0, one[v]));
    }
}

/* Betweenness by definition: for every ordered pair (s, t) and every v,
 * sigma_sv * sigma_vt / sigma_st when v is on a shortest path.  O(n^3),
 * for checking the fast one on maps with leaves, parallel relations,
 * several components and mixed directions. */
static double *
reference_betweenness (MgMap *map, gboolean directed)
{
  guint n = mg_map_get_n_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  g_autofree guint8 *arc = g_new0 (guint8, n * n);
  g_autofree int *dist = g_new (int, n * n);
  g_autofree double *sigma = g_new0 (double, n * n);
  g_autofree guint *queue = g_new (guint, n);
  double *bc = g_new0 (double, n);

  for (guint r = 0; r < relations->len; r++)
    {
      MgRelation *rel = g_ptr_array_index (relations, r);
      guint a = rel->source->index, b = rel->target->index;

      if (a == b)
        continue;
      arc[a * n + b] = 1;
      if (!directed || !rel->directed)
        arc[b * n + a] = 1;
    }
  for (guint s = 0; s < n; s++)
    {
      guint head = 0, tail = 0;

      for (guint v = 0; v < n; v++)
        dist[s * n + v] = -1;
      dist[s * n + s] = 0;
      sigma[s * n + s] = 1;
      queue[tail++] = s;
      while (head < tail)
        {
          guint v = queue[head++];

          for (guint w = 0; w < n; w++)
            if (arc[v * n + w])
              {
                if (dist[s * n + w] < 0)
                  {
                    dist[s * n + w] = dist[s * n + v] + 1;
                    queue[tail++] = w;
                  }
                if (dist[s * n + w] == dist[s * n + v] + 1)
                  sigma[s * n + w] += sigma[s * n + v];
              }
        }
    }
  for (guint s = 0; s < n; s++)
    for (guint t = 0; t < n; t++)
      if (s != t && dist[s * n + t] > 0)
        for (guint v = 0; v < n; v++)
          if (v != s && v != t && dist[s * n + v] > 0 && dist[v * n + t] > 0 &&
              dist[s * n + v] + dist[v * n + t] == dist[s * n + t])
            bc[v] += sigma[s * n + v] * sigma[v * n + t] / sigma[s * n + t];
  if (!directed)
    for (guint v = 0; v < n; v++)
      bc[v] /= 2;
  return bc;
}

static void
test_betweenness_reference (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(MgMap) map = mg_map_new ();
      GRand *rand = g_rand_new_with_seed (seed);
      GPtrArray *actors;
      guint n = 40 + seed * 7;

      for (guint i = 0; i < n; i++)
        mg_map_add_actor (map, NULL);
      actors = mg_map_get_actors (map);
      /* A random forest grown from a few roots (many leaves), plus some
       * chords, parallel relations and self-loops; a few actors stay
       * isolated, and two form a pair of their own. */
      for (guint i = 3; i < n - 4; i++)
        mg_map_add_relation (map, g_ptr_array_index (actors, i),
                             g_ptr_array_index (actors, g_rand_int_range (rand, 0, i)), NULL,
                             g_rand_boolean (rand));
      for (guint e = 0; e < n / 3; e++)
        {
          guint a = g_rand_int_range (rand, 0, n - 4), b = g_rand_int_range (rand, 0, n - 4);

          mg_map_add_relation (map, g_ptr_array_index (actors, a),
                               g_ptr_array_index (actors, e % 5 == 0 ? a : b), NULL,
                               g_rand_boolean (rand));
        }
      mg_map_add_relation (map, g_ptr_array_index (actors, n - 2),
                           g_ptr_array_index (actors, n - 1), NULL, FALSE);
      g_rand_free (rand);

      for (guint directed = 0; directed < 2; directed++)
        {
          g_autofree double *expected = reference_betweenness (map, directed);
          g_autofree double *got = betweenness (map, directed ? MG_BETWEENNESS_DIRECTED : 0, 2);

          for (guint v = 0; v < n; v++)
            g_assert_cmpfloat_with_epsilon (got[v], expected[v], 1e-9 * MAX (1.0, expected[v]));
        }
    }
}

static void
cancel_on_progress (double fraction, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_betweenness_cancel (void)
{
  g_autoptr(MgMap) map = numbered_map (34, karate, G_N_ELEMENTS (karate), FALSE);
  g_autoptr(MgAdjacency) adj = mg_adjacency_new (map);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double *values;

  g_cancellable_cancel (cancellable);
  values = mg_metrics_betweenness (adj, 0, 1, cancellable, NULL, NULL, &error);
  g_assert_null (values);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled while running (from the progress callback). */
  g_cancellable_reset (cancellable);
  values = mg_metrics_betweenness (adj, 0, 1, cancellable, cancel_on_progress, cancellable, &error);
  g_assert_null (values);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct {
  GMainLoop *loop;
  double    *values;
  double     last_progress;
  guint      n_progress;
} AsyncState;

static void
on_progress (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpfloat (fraction, >=, state->last_progress);
  state->last_progress = fraction;
  state->n_progress++;
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->values = mg_metrics_betweenness_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_betweenness_async (void)
{
  g_autoptr(MgMap) map = numbered_map (34, karate, G_N_ELEMENTS (karate), FALSE);
  g_autoptr(MgAdjacency) adj = mg_adjacency_new (map);
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  mg_metrics_betweenness_async (adj, MG_BETWEENNESS_DEFAULT, NULL, on_progress, &state,
                                on_done, &state);
  g_main_loop_run (state.loop);
  /* Let queued progress reports arrive. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (state.values);
  g_assert_cmpfloat_with_epsilon (state.values[0], 231.0714, 0.01);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpfloat (state.last_progress, ==, 1.0);
  g_free (state.values);
  g_main_loop_unref (state.loop);
}

static void
test_role_diversity (void)
{
  static const guint edges[][2] = { { 1, 2 }, { 1, 3 }, { 4, 1 }, { 1, 5 }, { 1, 6 }, { 2, 3 } };
  g_autoptr(MgMap) map = numbered_map (6, edges, G_N_ELEMENTS (edges), TRUE);
  GPtrArray *actors = mg_map_get_actors (map);
  const char *roles[] = { "connector", "sme", "sme", "university", "custom-role", NULL };
  g_autoptr(MgAdjacency) adj = NULL;
  guint diversity[6];

  for (guint i = 0; i < 6; i++)
    mg_map_set_actor_role (map, g_ptr_array_index (actors, i), roles[i]);
  adj = mg_adjacency_new (map);
  mg_metrics_role_diversity (adj, map, diversity);
  g_assert_cmpuint (diversity[0], ==, 3); /* sme, university, custom-role; 6 has none */
  g_assert_cmpuint (diversity[1], ==, 2); /* connector, sme */
  g_assert_cmpuint (diversity[5], ==, 1);
}

static void
test_top_brokers (void)
{
  g_autoptr(MgMap) map = numbered_map (34, karate, G_N_ELEMENTS (karate), FALSE);
  g_autofree double *raw = betweenness (map, MG_BETWEENNESS_DEFAULT, 0);
  g_autoptr(GPtrArray) brokers = mg_metrics_top_brokers (map, raw, 3);
  g_autoptr(GPtrArray) all = mg_metrics_top_brokers (map, raw, 100);
  const double ties[] = { 1, 5, NAN, 5, 2 };
  g_autoptr(GArray) order = mg_metrics_top_indices (ties, 5, 10);

  g_assert_cmpuint (brokers->len, ==, 3);
  g_assert_cmpstr (((MgActor *) brokers->pdata[0])->id, ==, "1");
  g_assert_cmpstr (((MgActor *) brokers->pdata[1])->id, ==, "34");
  g_assert_cmpstr (((MgActor *) brokers->pdata[2])->id, ==, "33");
  /* Actors brokering nothing are not brokers. */
  g_assert_cmpuint (all->len, <, 34);
  g_assert_cmpuint (all->len, >, 3);

  g_assert_cmpuint (order->len, ==, 5);
  g_assert_cmpuint (g_array_index (order, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (order, guint, 2), ==, 4);
  g_assert_cmpuint (g_array_index (order, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (order, guint, 4), ==, 2);
}

static void
test_scale_sizes (void)
{
  const double values[] = { 0, 5, 10, NAN, 2.5 };
  const double same[] = { 3, 3 };
  double sizes[5];

  mg_metrics_scale_sizes (values, 5, 10, 50, MG_SIZE_SCALE_LINEAR, sizes);
  g_assert_cmpfloat_with_epsilon (sizes[0], 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (sizes[1], 30, 1e-12);
  g_assert_cmpfloat_with_epsilon (sizes[2], 50, 1e-12);
  g_assert_cmpfloat_with_epsilon (sizes[3], 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (sizes[4], 20, 1e-12);

  mg_metrics_scale_sizes (values, 5, 10, 50, MG_SIZE_SCALE_AREA, sizes);
  g_assert_cmpfloat_with_epsilon (sizes[4], 30, 1e-12); /* sqrt(0.25) = 0.5 */
  g_assert_cmpfloat_with_epsilon (sizes[2], 50, 1e-12);

  mg_metrics_scale_sizes (same, 2, 10, 50, MG_SIZE_SCALE_LINEAR, sizes);
  g_assert_cmpfloat_with_epsilon (sizes[0], 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (sizes[1], 10, 1e-12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/degree/in-out-total", test_degree);
  g_test_add_func ("/metrics/betweenness/path-p5", test_betweenness_path);
  g_test_add_func ("/metrics/betweenness/star", test_betweenness_star);
  g_test_add_func ("/metrics/betweenness/karate-club", test_betweenness_karate);
  g_test_add_func ("/metrics/betweenness/directed", test_betweenness_directed);
  g_test_add_func ("/metrics/betweenness/parallel-and-self-loops", test_betweenness_parallel_and_loops);
  g_test_add_func ("/metrics/betweenness/threads-agree", test_betweenness_threads);
  g_test_add_func ("/metrics/betweenness/matches-definition", test_betweenness_reference);
  g_test_add_func ("/metrics/betweenness/cancel", test_betweenness_cancel);
  g_test_add_func ("/metrics/betweenness/async-with-progress", test_betweenness_async);
  g_test_add_func ("/metrics/role-diversity", test_role_diversity);
  g_test_add_func ("/metrics/top-brokers", test_top_brokers);
  g_test_add_func ("/metrics/scale-sizes", test_scale_sizes);

  return g_test_run ();
}
