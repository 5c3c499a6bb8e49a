/* test-size-by.c — actors sized by a measure (degree, betweenness,
 * diversity of partners' roles): the most central actor drawn largest,
 * the least smallest, a size key in the legend, and back to their own
 * size. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-graphml.h"
#include "mg-layout.h"
#include "mg-metrics.h"
#include "mg-scene.h"

static MgMap *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps",
                                            "clermont-auvergne.graphml", NULL);
  g_autoptr (GError) error = NULL;
  MgMap *map = mg_graphml_read_file (path, NULL, &error);
  MgLayoutOptions options;

  g_assert_no_error (error);
  mg_layout_options_init (&options);
  options.engine = MG_LAYOUT_ENGINE_NEATO;
  g_assert_true (mg_layout_map_sync (map, &options, NULL, &error));
  g_assert_no_error (error);
  return map;
}

static double
area (MgScene *scene, MgActor *actor)
{
  MgSceneActor *sa = mg_scene_lookup_actor (scene, actor);

  g_assert_nonnull (sa);
  return sa->width * sa->height;
}

static gboolean
legend_has_size_key (MgScene *scene)
{
  const MgLegend *legend = mg_scene_get_legend (scene);

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);

      if (e->type == MG_LEGEND_NOTE && strstr (e->text, "betweenness") != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_sizes_follow_measure (void)
{
  const char *const metrics[] = { "degree", "betweenness", "diversity" };
  g_autoptr (MgMap) map = example ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  GPtrArray *actors = mg_map_get_actors (map);
  g_autofree double *before = g_new (double, actors->len);

  for (guint i = 0; i < actors->len; i++)
    before[i] = area (scene, g_ptr_array_index (actors, i));
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      guint n = 0, hi = 0, lo = 0;
      g_autofree double *factors = mg_metrics_size_factors (map, metrics[m], &n);

      g_assert_nonnull (factors);
      g_assert_cmpuint (n, ==, actors->len);
      for (guint i = 0; i < n; i++)
        {
          if (factors[i] > factors[hi])
            hi = i;
          if (factors[i] < factors[lo])
            lo = i;
        }
      g_assert_cmpfloat (factors[hi], >, factors[lo]);
      mg_scene_set_size_by (scene, factors, n, mg_metrics_size_by_name (metrics[m]));
      /* Drawn as the factors say. */
      g_assert_cmpfloat (fabs (area (scene, g_ptr_array_index (actors, hi)) -
                               before[hi] * factors[hi] * factors[hi]), <, 1e-6);
      g_assert_cmpfloat (area (scene, g_ptr_array_index (actors, lo)), <, before[lo]);
    }
  /* The legend says what the size shows. */
  {
    guint n = 0;
    g_autofree double *factors = mg_metrics_size_factors (map, "betweenness", &n);

    mg_scene_set_size_by (scene, factors, n, "betweenness");
    g_assert_true (legend_has_size_key (scene));
    g_assert_cmpstr (mg_scene_get_size_by (scene), ==, "betweenness");
  }
  /* And back. */
  mg_scene_set_size_by (scene, NULL, 0, NULL);
  g_assert_false (legend_has_size_key (scene));
  for (guint i = 0; i < actors->len; i++)
    g_assert_cmpfloat (area (scene, g_ptr_array_index (actors, i)), ==, before[i]);
}

static void
test_unknown_measure (void)
{
  g_autoptr (MgMap) map = example ();
  guint n = 7;

  g_assert_null (mg_metrics_size_factors (map, "popularity", &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (mg_metrics_size_by_from_string ("Betweenness", NULL));
  g_assert_false (mg_metrics_size_by_from_string ("size", NULL));
  {
    const char *metric = NULL;

    g_assert_true (mg_metrics_size_by_from_string ("role-diversity", &metric));
    g_assert_cmpstr (metric, ==, "diversity");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/size-by/sizes-follow-measure", test_sizes_follow_measure);
  g_test_add_func ("/metrics/size-by/unknown-measure", test_unknown_measure);
  return g_test_run ();
}
