/* test-routes.c — a map reopens as it was left: the curves the layout drew
 * (Graphviz splines) are saved in Maillage's own typed key and drawn again,
 * point for point, whatever the locale. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mg-graphml.h"
#include "mg-layout.h"
#include "mg-scene.h"

static MgMap *
laid_out_example (void)
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

static guint
count_routes (MgMap *map)
{
  GPtrArray *relations = mg_map_get_relations (map);
  guint n = 0;

  for (guint i = 0; i < relations->len; i++)
    n += ((MgRelation *) g_ptr_array_index (relations, i))->route != NULL;
  return n;
}

static void
test_saved_and_reopened_routes (void)
{
  g_autoptr (MgMap) map = laid_out_example ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (MgMap) again = NULL;
  g_autoptr (MgScene) scene = NULL;
  g_autoptr (MgScene) scene_again = NULL;
  GPtrArray *paths, *paths_again;
  guint curved = 0;
  gsize length;

  g_assert_cmpuint (count_routes (map), >, 0);
  text = mg_graphml_write_to_string (map, &length, &error);
  g_assert_no_error (error);
  /* Maillage's own key, typed. */
  g_assert_nonnull (strstr (text, "attr.name=\"maillage.route\""));
  g_assert_nonnull (strstr (text, "for=\"edge\""));
  g_assert_nonnull (g_strrstr (text, "attr.type=\"string\""));

  again = mg_graphml_read_memory (text, length, "routes.graphml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_routes (again), ==, count_routes (map));

  /* The scene draws the same paths, point for point. */
  scene = mg_scene_new (map, NULL);
  scene_again = mg_scene_new (again, NULL);
  paths = mg_scene_get_relations (scene);
  paths_again = mg_scene_get_relations (scene_again);
  g_assert_cmpuint (paths->len, ==, paths_again->len);
  for (guint i = 0; i < paths->len; i++)
    {
      MgSceneRelation *a = g_ptr_array_index (paths, i);
      MgSceneRelation *b = g_ptr_array_index (paths_again, i);

      g_assert_cmpstr (a->relation->id, ==, b->relation->id);
      g_assert_cmpuint (a->n_points, ==, b->n_points);
      for (guint p = 0; p < 2 * a->n_points; p++)
        g_assert_cmpfloat (a->points[p], ==, b->points[p]);
      curved += a->n_points > 4;
    }
  g_assert_cmpuint (curved, >, 0);

  /* Saved again, the file is the same (lossless, stable). */
  {
    g_autofree char *text_again = mg_graphml_write_to_string (again, &length, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (text_again, ==, text);
  }
}

static void
test_route_decimals_ignore_locale (void)
{
  g_autoptr (MgMap) map = laid_out_example ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *route;
  gsize length;

  /* A comma-decimal locale, when installed: the file keeps '.'. */
  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    g_test_message ("fr_FR.UTF-8 not installed: checking the C locale only");
  text = mg_graphml_write_to_string (map, &length, &error);
  setlocale (LC_NUMERIC, "C");
  g_assert_no_error (error);
  route = strstr (text, "<data key=\"route\">");
  g_assert_nonnull (route);
  route += strlen ("<data key=\"route\">");
  for (const char *c = route; *c != '<'; c++)
    g_assert_true (g_ascii_isdigit (*c) || *c == '.' || *c == ',' || *c == ' ' || *c == '-' ||
                   *c == 'e' || *c == '+');
}

static void
test_bad_route_kept_as_data (void)
{
  static const char file[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"route\" for=\"edge\" attr.name=\"maillage.route\" attr.type=\"string\"/>\n"
    "  <graph edgedefault=\"directed\">\n"
    "    <node id=\"a\"/><node id=\"b\"/>\n"
    "    <edge source=\"a\" target=\"b\"><data key=\"route\">1,2 3</data></edge>\n"
    "    <edge source=\"b\" target=\"a\"><data key=\"route\">0,0 1,1 2,2 3,3</data></edge>\n"
    "  </graph>\n"
    "</graphml>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_memory (file, sizeof file - 1, "bad.graphml", NULL, &error);
  GPtrArray *relations;

  g_assert_no_error (error);
  relations = mg_map_get_relations (map);
  g_assert_null (((MgRelation *) g_ptr_array_index (relations, 0))->route);
  g_assert_nonnull (((MgRelation *) g_ptr_array_index (relations, 1))->route);
  g_assert_cmpuint (((MgRelation *) g_ptr_array_index (relations, 1))->n_route_points, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graphml/routes/saved-and-reopened", test_saved_and_reopened_routes);
  g_test_add_func ("/graphml/routes/decimals-ignore-locale", test_route_decimals_ignore_locale);
  g_test_add_func ("/graphml/routes/bad-route-kept-as-data", test_bad_route_kept_as_data);
  return g_test_run ();
}
