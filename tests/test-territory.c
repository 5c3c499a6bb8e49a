/* test-territory.c — places and scales, sharing and crossing territories,
 * the map's scales setting, and the stakeholder families. */
#include <string.h>
#include "mg-graphml.h"
#include "mg-map.h"
#include "mg-territory.h"

static const char *const defaults[] = { "France", "Europe", "International", "National", NULL };

static MgActor *
actor (MgMap *map, const char *id, const char *territory)
{
  MgActor *a = mg_map_add_actor (map, id);

  g_assert_nonnull (a);
  if (territory != NULL)
    mg_map_set_actor_territory (map, a, territory);
  return a;
}

static void
test_scales_parse (void)
{
  g_auto (GStrv) scales = mg_scales_parse (" France ; europe,, Europe ,Monde ");
  g_auto (GStrv) none = mg_scales_parse (NULL);
  g_autofree char *text = mg_scales_to_string ((const char *const *) scales);

  g_assert_cmpuint (g_strv_length (scales), ==, 3);
  g_assert_cmpstr (scales[0], ==, "France");
  g_assert_cmpstr (scales[1], ==, "europe");
  g_assert_cmpstr (scales[2], ==, "Monde");
  g_assert_cmpstr (text, ==, "France, europe, Monde");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_depth_and_cut (void)
{
  g_autofree char *full = mg_territory_at_level (" R / D /C/", 0);
  g_autofree char *two = mg_territory_at_level ("R/D/C", 2);
  g_autofree char *deep = mg_territory_at_level ("R/D", 5);

  g_assert_cmpstr (full, ==, "R/D/C");
  g_assert_cmpstr (two, ==, "R/D");
  g_assert_cmpstr (deep, ==, "R/D");
  g_assert_null (mg_territory_at_level (" / ", 0));
  g_assert_null (mg_territory_at_level (NULL, 1));
  g_assert_cmpuint (mg_territory_depth (" R / D /C/"), ==, 3);
  g_assert_cmpuint (mg_territory_depth ("//"), ==, 0);
  g_assert_cmpuint (mg_territory_depth (NULL), ==, 0);
}

static void
test_local_and_scale (void)
{
  g_assert_true (mg_territory_is_scale ("France", defaults));
  g_assert_true (mg_territory_is_scale ("  FRANCE / Paris", defaults));
  g_assert_true (mg_territory_is_scale ("europe", defaults));
  g_assert_false (mg_territory_is_local ("France", defaults));
  g_assert_false (mg_territory_is_local (NULL, defaults));
  g_assert_false (mg_territory_is_local (" / ", defaults));
  g_assert_true (mg_territory_is_local ("Auvergne-Rhône-Alpes", defaults));
  /* Without scales, France is a place like any other. */
  g_assert_true (mg_territory_is_local ("France", NULL));
  /* A scale is a first segment only. */
  g_assert_true (mg_territory_is_local ("Normandie/France", defaults));
}

static void
test_relate_strings (void)
{
  const char *region = "Auvergne-Rhône-Alpes";
  const char *clermont = "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand";
  const char *thiers = "Auvergne-Rhône-Alpes/Puy-de-Dôme/Thiers";
  const char *annecy = "Auvergne-Rhône-Alpes/Haute-Savoie/Annecy";
  const char *lille = "Hauts-de-France/Nord/Lille";

  /* A region contains its departments, at every level. */
  for (guint level = 0; level <= 3; level++)
    g_assert_cmpint (mg_territory_relate (region, clermont, level, defaults), ==,
                     MG_TERRITORY_SHARE);
  g_assert_cmpint (mg_territory_relate (clermont, thiers, 1, defaults), ==, MG_TERRITORY_SHARE);
  g_assert_cmpint (mg_territory_relate (clermont, thiers, 2, defaults), ==, MG_TERRITORY_SHARE);
  g_assert_cmpint (mg_territory_relate (clermont, thiers, 3, defaults), ==, MG_TERRITORY_CROSS);
  g_assert_cmpint (mg_territory_relate (clermont, thiers, 0, defaults), ==, MG_TERRITORY_CROSS);
  g_assert_cmpint (mg_territory_relate (clermont, annecy, 1, defaults), ==, MG_TERRITORY_SHARE);
  g_assert_cmpint (mg_territory_relate (clermont, annecy, 2, defaults), ==, MG_TERRITORY_CROSS);
  g_assert_cmpint (mg_territory_relate (clermont, lille, 1, defaults), ==, MG_TERRITORY_CROSS);
  /* Scales and no territory neither share nor cross. */
  g_assert_cmpint (mg_territory_relate ("France", "France", 1, defaults), ==,
                   MG_TERRITORY_UNRELATED);
  g_assert_cmpint (mg_territory_relate ("France", clermont, 1, defaults), ==,
                   MG_TERRITORY_UNRELATED);
  g_assert_cmpint (mg_territory_relate (NULL, clermont, 1, defaults), ==, MG_TERRITORY_UNRELATED);
  g_assert_cmpint (mg_territory_relate ("", "", 1, defaults), ==, MG_TERRITORY_UNRELATED);
  /* Segments are compared trimmed, and exactly otherwise. */
  g_assert_cmpint (
      mg_territory_relate (" Auvergne-Rhône-Alpes / Puy-de-Dôme", clermont, 2, defaults), ==,
      MG_TERRITORY_SHARE);
}

static void
test_map_scales (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_auto (GStrv) initial = mg_map_dup_scales (map);
  g_auto (GStrv) after = NULL;
  g_auto (GStrv) empty = NULL;
  g_auto (GStrv) reread = NULL;
  g_autoptr (MgMap) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  const char *const custom[] = { "France", "Monde", NULL };
  const char *const none[] = { NULL };

  g_assert_true (g_strv_equal ((const char *const *) initial, defaults));
  g_assert_null (mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME));

  mg_map_set_scales (map, custom);
  after = mg_map_dup_scales (map);
  g_assert_true (g_strv_equal ((const char *const *) after, custom));
  g_assert_cmpstr (mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME), ==, "France, Monde");

  /* It round-trips through GraphML. */
  xml = mg_graphml_write_to_string (map, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "attr.name=\"maillage.scales\""));
  copy = mg_graphml_read_memory (xml, strlen (xml), "scales.graphml", NULL, &error);
  g_assert_no_error (error);
  reread = mg_map_dup_scales (copy);
  g_assert_true (g_strv_equal ((const char *const *) reread, custom));

  /* An empty list is a map without scales, not the defaults. */
  mg_map_set_scales (map, none);
  empty = mg_map_dup_scales (map);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);

  mg_map_set_scales (map, NULL);
  g_assert_null (mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME));
}

static void
test_index (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (MgTerritoryIndex) index = NULL;
  MgActor *region, *clermont, *thiers, *lille, *paris, *none, *monde;
  const char *const custom[] = { "Monde", NULL };

  region = actor (map, "region", "Auvergne-Rhône-Alpes");
  clermont = actor (map, "clermont", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  thiers = actor (map, "thiers", "Auvergne-Rhône-Alpes / Puy-de-Dôme / Thiers");
  lille = actor (map, "lille", "Hauts-de-France/Nord/Lille");
  paris = actor (map, "state", "France");
  none = actor (map, "none", NULL);
  monde = actor (map, "monde", "Monde");

  index = mg_territory_index_new (map);
  g_assert_cmpuint (mg_territory_index_get_n_actors (index), ==, 7);
  g_assert_true (mg_territory_index_is_local (index, clermont->index));
  g_assert_false (mg_territory_index_is_local (index, paris->index));
  g_assert_true (mg_territory_index_is_scale (index, paris->index));
  g_assert_false (mg_territory_index_is_local (index, none->index));
  g_assert_false (mg_territory_index_is_scale (index, none->index));
  g_assert_true (mg_territory_index_is_local (index, monde->index));
  g_assert_cmpuint (mg_territory_index_depth (index, thiers->index), ==, 3);

  g_assert_cmpint (mg_territory_index_relate (index, region->index, clermont->index, 3), ==,
                   MG_TERRITORY_SHARE);
  g_assert_cmpint (mg_territory_index_relate (index, clermont->index, thiers->index, 2), ==,
                   MG_TERRITORY_SHARE);
  g_assert_cmpint (mg_territory_index_relate (index, clermont->index, thiers->index, 3), ==,
                   MG_TERRITORY_CROSS);
  g_assert_cmpint (mg_territory_index_relate (index, clermont->index, lille->index, 1), ==,
                   MG_TERRITORY_CROSS);
  g_assert_cmpint (mg_territory_index_relate (index, paris->index, paris->index, 1), ==,
                   MG_TERRITORY_UNRELATED);
  g_assert_cmpint (mg_territory_index_relate (index, none->index, clermont->index, 1), ==,
                   MG_TERRITORY_UNRELATED);

  /* Keys: the path cut to the level; a shorter path is its own key. */
  g_assert_cmpint (mg_territory_index_key (index, clermont->index, 1), ==,
                   mg_territory_index_key (index, region->index, 1));
  g_assert_cmpint (mg_territory_index_key (index, clermont->index, 2), !=,
                   mg_territory_index_key (index, region->index, 2));
  g_assert_cmpstr (
      mg_territory_index_key_path (index, mg_territory_index_key (index, region->index, 2)), ==,
      "Auvergne-Rhône-Alpes");
  g_assert_cmpstr (
      mg_territory_index_key_path (index, mg_territory_index_key (index, thiers->index, 2)), ==,
      "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  g_assert_cmpint (mg_territory_index_key (index, thiers->index, 2), ==,
                   mg_territory_index_key (index, clermont->index, 2));
  g_assert_cmpstr (
      mg_territory_index_key_path (index, mg_territory_index_key (index, thiers->index, 0)), ==,
      "Auvergne-Rhône-Alpes/Puy-de-Dôme/Thiers");
  g_assert_cmpint (mg_territory_index_key (index, paris->index, 1), ==, -1);
  g_assert_cmpint (mg_territory_index_key (index, none->index, 1), ==, -1);

  /* The map's own scales replace the defaults. */
  mg_map_set_scales (map, custom);
  g_clear_pointer (&index, mg_territory_index_free);
  index = mg_territory_index_new (map);
  g_assert_true (mg_territory_index_is_local (index, paris->index));
  g_assert_false (mg_territory_index_is_local (index, monde->index));
  g_assert_true (mg_territory_index_is_scale (index, monde->index));
  g_assert_cmpint (mg_territory_index_relate (index, paris->index, clermont->index, 1), ==,
                   MG_TERRITORY_CROSS);
}

static void
test_families (void)
{
  static const struct {
    const char *role;
    MgFamily family;
  } cases[] = {
    { "local-authority", MG_FAMILY_AUTHORITIES },
    { "public-agency", MG_FAMILY_AUTHORITIES },
    { "large-company", MG_FAMILY_INDUSTRY },
    { "sme", MG_FAMILY_INDUSTRY },
    { "startup", MG_FAMILY_STARTUPS },
    { "connector", MG_FAMILY_CONNECTORS },
    { "financier", MG_FAMILY_CONNECTORS },
    { "real-estate", MG_FAMILY_REAL_ESTATE },
    { "education", MG_FAMILY_EDUCATION },
    { "university", MG_FAMILY_UNIVERSITIES },
    { "research-lab", MG_FAMILY_UNIVERSITIES },
    { "association", MG_FAMILY_NONE },
    { "programme", MG_FAMILY_NONE },
    { "guild", MG_FAMILY_NONE },
    { NULL, MG_FAMILY_NONE },
  };
  static const char *const ids[] = { "authorities", "industry",  "startups",    "connectors",
                                     "real-estate", "education", "universities" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (mg_role_family (cases[i].role), ==, cases[i].family);
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    {
      MgFamily back;

      g_assert_cmpstr (mg_family_id (f), ==, ids[f]);
      g_assert_true (mg_family_from_id (ids[f], &back));
      g_assert_cmpint (back, ==, f);
      g_assert_nonnull (mg_family_name (f));
    }
  {
    MgFamily unused;
    g_assert_false (mg_family_from_id ("guilds", &unused));
    g_assert_false (mg_family_from_id (NULL, &unused));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/territory/scales/parse", test_scales_parse);
  g_test_add_func ("/territory/depth-and-cut", test_depth_and_cut);
  g_test_add_func ("/territory/local-and-scale", test_local_and_scale);
  g_test_add_func ("/territory/relate", test_relate_strings);
  g_test_add_func ("/territory/scales/map-setting", test_map_scales);
  g_test_add_func ("/territory/index", test_index);
  g_test_add_func ("/territory/families", test_families);
  return g_test_run ();
}
