/* test-view.c — saved views: JSON and storage in the map. */
#include <string.h>
#include "mg-graphml.h"
#include "mg-map.h"
#include "mg-view.h"

static GPtrArray *
sample_views (void)
{
  GPtrArray *views = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_view_free);
  MgView *care = mg_view_new ("Prendre soin du territoire — Puy-de-Dôme");
  MgView *focus = mg_view_new ("Michelin's neighbourhood");
  MgView *plain = mg_view_new ("Everything");

  care->lens.active = MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN);
  care->lens.mode = MG_LENS_MODE_ALL;
  care->lens.derived = FALSE;
  care->lens.unmatched = MG_UNMATCHED_HIDE;
  care->lens.combine_threshold = 4;
  care->lens.lens_level = 2;
  mg_filter_set_roles (care->filter, (const char *[]) { "sme", "startup", "", NULL });
  mg_filter_set_territory (care->filter, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  mg_filter_set_kinds (care->filter, (const char *[]) { "support", NULL });
  mg_filter_set_provenance (care->filter, (const char *[]) { "stated", "workshop", NULL });
  mg_filter_set_search (care->filter, "Université \"quoted\"");
  care->filter->min_degree = 2;
  care->viewport.kind = MG_VIEW_FRAME_CENTRE;
  care->viewport.centre_x = -120.25;
  care->viewport.centre_y = 1e-3;
  care->viewport.zoom = 1.75;

  mg_filter_set_focus (focus->filter, (const char *[]) { "michelin", "uca", NULL }, 3, MG_FOCUS_IN);
  focus->viewport.kind = MG_VIEW_FRAME_RECT;
  focus->viewport.x = 10;
  focus->viewport.y = 20.5;
  focus->viewport.width = 300;
  focus->viewport.height = 0.1;

  g_ptr_array_add (views, care);
  g_ptr_array_add (views, focus);
  g_ptr_array_add (views, plain);
  return views;
}

static void
assert_views_equal (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (mg_view_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) views = sample_views ();
  g_autofree char *json = mg_views_to_json (views);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) back = mg_views_from_json (json, &error);
  MgView *care;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  assert_views_equal (views, back);

  care = g_ptr_array_index (back, 0);
  g_assert_cmpstr (care->name, ==, "Prendre soin du territoire — Puy-de-Dôme");
  g_assert_cmpstr (care->filter->roles[2], ==, "");
  g_assert_cmpfloat (care->viewport.centre_y, ==, 1e-3);

  /* Copies are equal, a changed copy is not. */
  g_autoptr(MgView) copy = mg_view_copy (care);
  g_assert_true (mg_view_equal (copy, care));
  copy->viewport.zoom = 2;
  g_assert_false (mg_view_equal (copy, care));

  /* An empty list. */
  g_autofree char *empty_json = mg_views_to_json (NULL);
  g_autoptr(GPtrArray) empty = mg_views_from_json (empty_json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_lenient (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views =
    mg_views_from_json ("{\"views\": [{\"name\": \"n\", \"lenses\": [\"care\", \"future-lesson\"],"
                        " \"colour\": \"red\", \"focus\": {\"actors\": [\"a\"]}},"
                        " {}], \"extra\": 1}", &error);
  MgView *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 2);
  first = g_ptr_array_index (views, 0);
  second = g_ptr_array_index (views, 1);
  g_assert_cmpuint (first->lens.active, ==, MG_LESSON_BIT (MG_LESSON_CARE));
  g_assert_true (first->lens.derived);
  g_assert_cmpuint (first->lens.combine_threshold, ==, 3);
  g_assert_cmpstr (first->filter->focus[0], ==, "a");
  g_assert_cmpuint (first->filter->focus_hops, ==, 1);
  g_assert_cmpint (first->filter->focus_direction, ==, MG_FOCUS_BOTH);
  g_assert_cmpstr (second->name, ==, "");
  g_assert_cmpint (second->viewport.kind, ==, MG_VIEW_FRAME_NONE);
}

static void
test_invalid (void)
{
  const char *bad[] = {
    "",
    "not json",
    "{\"views\": [",
    "[1, 2]",
    "{\"views\": 3}",
    "{\"views\": [1]}",
    "{\"views\": [{\"name\": 5}]}",
    "{\"views\": [{\"mode\": \"most\"}]}",
    "{\"views\": [{\"focus\": {\"hops\": -1}}]}",
    "{\"views\": [{\"filters\": {\"roles\": [1]}}]}",
    "{\"views\": [{\"viewport\": {\"rect\": [1, 2, 3]}}]}",
    "{\"views\": [{\"viewport\": {\"centre\": [1, 2], \"zoom\": 0}}]}",
    "{\"views\": [{\"derived\": \"yes\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) views = mg_views_from_json (bad[i], &error);

      g_test_message ("input: %s", bad[i]);
      g_assert_null (views);
      g_assert_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID);
      g_assert_nonnull (error->message);
    }
}

static void
test_map_storage (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  g_autoptr(GPtrArray) views = sample_views ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  MgKey *key;
  MgGraphInfo *graph;
  guint n_data = 0;

  none = mg_map_get_views (map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  mg_map_set_views (map, views);
  key = mg_map_find_key_by_name (map, MG_VIEWS_KEY_NAME, MG_DOMAIN_GRAPH);
  g_assert_nonnull (key);
  g_assert_cmpint (key->domain, ==, MG_DOMAIN_GRAPH);
  g_assert_cmpint (key->type, ==, MG_VALUE_STRING);
  g_assert_cmpuint (mg_map_get_graphs (map)->len, >=, 1);
  graph = g_ptr_array_index (mg_map_get_graphs (map), 0);

  back = mg_map_get_views (map, &error);
  g_assert_no_error (error);
  assert_views_equal (views, back);

  /* Storing again replaces, with one key and one data element. */
  g_ptr_array_remove_index (views, 0);
  mg_map_set_views (map, views);
  for (guint i = 0; i < graph->data->len; i++)
    n_data += ((MgData *) g_ptr_array_index (graph->data, i))->key == key;
  g_assert_cmpuint (n_data, ==, 1);
  g_clear_pointer (&back, g_ptr_array_unref);
  back = mg_map_get_views (map, &error);
  g_assert_no_error (error);
  assert_views_equal (views, back);
  g_assert_true (mg_map_find_key_by_name (map, MG_VIEWS_KEY_NAME, MG_DOMAIN_GRAPH) == key);

  /* Corrupt text gives an error, not a crash. */
  for (guint i = 0; i < graph->data->len; i++)
    {
      MgData *data = g_ptr_array_index (graph->data, i);

      if (data->key == key)
        {
          g_free (data->value);
          data->value = g_strdup ("{\"views\": [{");
        }
    }
  g_clear_pointer (&back, g_ptr_array_unref);
  back = mg_map_get_views (map, &error);
  g_assert_null (back);
  g_assert_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty list removes the data. */
  mg_map_set_views (map, NULL);
  back = mg_map_get_views (map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 0);
}

/* Views survive a GraphML save and load. */
static void
test_graphml_round_trip (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  g_autoptr(GPtrArray) views = sample_views ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(MgMap) loaded = NULL;
  g_autoptr(GPtrArray) back = NULL;
  gsize length = 0;

  mg_map_add_actor (map, "michelin");
  mg_map_set_views (map, views);
  xml = mg_graphml_write_to_string (map, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "attr.name=\"" MG_VIEWS_KEY_NAME "\""));

  loaded = mg_graphml_read_memory (xml, length, "views.graphml", NULL, &error);
  g_assert_no_error (error);
  back = mg_map_get_views (loaded, &error);
  g_assert_no_error (error);
  assert_views_equal (views, back);
}

/* Views from before the lens level: "territory-level" (the grouping level)
 * is read but does not become the lens level. */
static void
test_old_territory_level (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views =
    mg_views_from_json ("{\"version\": 1, \"views\": [{\"name\": \"old\", \"lenses\": [\"care\"],"
                        " \"combine-threshold\": 4, \"territory-level\": 0}]}", &error);
  MgView *view;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  view = g_ptr_array_index (views, 0);
  g_assert_cmpuint (view->lens.lens_level, ==, MG_LENS_DEFAULT_LEVEL);
  g_assert_cmpuint (view->lens.combine_threshold, ==, 4);
  view->lens.lens_level = 3;
  json = mg_views_to_json (views);
  g_assert_nonnull (strstr (json, "\"lens-level\":3"));
  g_assert_null (strstr (json, "territory-level"));
  {
    g_autoptr(GPtrArray) back = mg_views_from_json (json, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (((MgView *) g_ptr_array_index (back, 0))->lens.lens_level, ==, 3);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/json/round-trip", test_round_trip);
  g_test_add_func ("/view/json/old-territory-level-ignored", test_old_territory_level);
  g_test_add_func ("/view/json/lenient-with-unknown", test_lenient);
  g_test_add_func ("/view/json/invalid-gives-error", test_invalid);
  g_test_add_func ("/view/map/stored-in-graph-data", test_map_storage);
  g_test_add_func ("/view/map/graphml-round-trip", test_graphml_round_trip);

  return g_test_run ();
}
