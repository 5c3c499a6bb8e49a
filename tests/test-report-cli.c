/* The territory report on the command line: maillage --report [--json]
 * [--report-level N], --export … --report, and --info --territory counting
 * within the territory. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "mg-graphml.h"
#include "mg-map.h"
#include "mg-territory.h"

static void
run_maillage (Run *run, const char *const *args)
{
  cli_run (run, args, (const char *const[]) { "LANGUAGE=C", "LC_ALL=C.UTF-8", NULL });
}

static void
add (MgMap *map, const char *id, const char *role, const char *territory)
{
  MgActor *a = mg_map_add_actor (map, id);

  mg_map_set_actor_role (map, a, role);
  if (territory != NULL)
    mg_map_set_actor_territory (map, a, territory);
}

static void
link_actors (MgMap *map, const char *s, const char *t, const char *kind, gboolean directed)
{
  MgRelation *r = mg_map_add_relation (map, mg_map_lookup_actor (map, s),
                                       mg_map_lookup_actor (map, t), NULL, directed);

  mg_map_set_relation_kind (map, r, kind);
}

/* A small map written to a temporary file: region A (a1 local-authority,
 * a2 sme in A/X, a3 startup in A/Y), region B (b1 university), a scale
 * actor (France) and maillage.scales naming "Europe" only. */
static char *
write_map (const char *dir)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "report.graphml", NULL);
  const char *const scales[] = { "Europe", NULL };

  add (map, "a1", "local-authority", "A");
  add (map, "a2", "sme", "A/X");
  add (map, "a3", "startup", "A/Y");
  add (map, "b1", "university", "B");
  add (map, "f1", "connector", "France"); /* local here: not in the scales */
  add (map, "e1", "connector", "Europe");
  link_actors (map, "a1", "a2", "support", TRUE);
  link_actors (map, "b1", "a3", "research", FALSE);
  link_actors (map, "a2", "e1", "membership", TRUE);
  link_actors (map, "a2", "f1", "partnership", TRUE);
  link_actors (map, "a3", "a3", "knowledge", TRUE);
  mg_map_set_title (map, "Report test");
  mg_map_set_scales (map, scales);
  g_assert_true (mg_graphml_write_file (map, path, &error));
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_report_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-report-XXXXXX", NULL);
  g_autofree char *path = write_map (dir);
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *a, *eng, *whole;
  JsonArray *territories;

  run_maillage (&run, (const char *[]) { "--report", "--json", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "level"), ==, 1);
  territories = json_object_get_array_member (root, "territories");
  /* A (3), then B and France (1 each, by name). */
  g_assert_cmpuint (json_array_get_length (territories), ==, 3);
  a = json_array_get_object_element (territories, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "territory"), ==, "A");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (territories, 1),
                                                  "territory"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (territories, 2),
                                                  "territory"), ==, "France");
  g_assert_cmpint (json_object_get_int_member (a, "actors"), ==, 3);
  eng = json_object_get_object_member (a, "engineering");
  g_assert_cmpint (json_object_get_int_member (eng, "inside"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (eng, "outside"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "partnerships_outside"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "national_networks"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "peer_exchanges"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "collective_organisation"), ==, 0);
  /* a1→a2 stays; b1–a3, a2→e1, a2→f1 leave; the self-loop is ignored. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "openness"), 0.75, 1e-12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (a, "missing_families")),
                    ==, 4);
  whole = json_object_get_object_member (root, "map");
  g_assert_cmpint (json_object_get_int_member (whole, "actors"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (whole, "families"),
                                               "connectors"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (whole,
                                                                         "missing_families")),
                    ==, 2);
  g_assert_cmpstr (run.err, ==, "");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_report_level_2 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-report-XXXXXX", NULL);
  g_autofree char *path = write_map (dir);
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *territories;

  run_maillage (&run, (const char *[]) { "--report", "--report-level", "department", "--json",
                                         path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "level"), ==, 2);
  territories = json_object_get_array_member (root, "territories");
  /* A, A/X, A/Y, B, France: one actor each, by name. */
  g_assert_cmpuint (json_array_get_length (territories), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (territories, 0),
                                                  "territory"), ==, "A");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (territories, 1),
                                                  "territory"), ==, "A/X");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_report_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-report-XXXXXX", NULL);
  g_autofree char *path = write_map (dir);
  g_auto (Run) run = { 0 };

  run_maillage (&run, (const char *[]) { "--report", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Report test"));
  g_assert_nonnull (strstr (run.out, "A — 3 actors"));
  g_assert_nonnull (strstr (run.out, "Missing: Connectors, Real estate, Education system, "
                                     "Universities"));
  g_assert_nonnull (strstr (run.out, "To discuss"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_report_usage (void)
{
  static const struct {
    const char *args[4];
    const char *message;
  } cases[] = {
    { { "--report-level", "2", "--info", NULL }, "--report-level goes with --report" },
    { { "--report", "--report-level", "0", NULL }, "--report-level must be between 1 and 16" },
    { { "--report", "--info", "--json", NULL }, "not both" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("maillage-report-XXXXXX", NULL);
      g_autofree char *path = write_map (dir);
      g_auto (Run) run = { 0 };
      const char *args[6] = { 0 };
      guint n = 0;

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        args[n++] = cases[i].args[j];
      args[n++] = path;
      run_maillage (&run, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_unlink (path);
      g_rmdir (dir);
    }
}

static char *
example_map (void)
{
  return g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps",
                           "france-territorial-innovation.graphml", NULL);
}

static void
test_example_map_hauts_de_france (void)
{
  g_autofree char *path = example_map ();
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *territories;
  JsonObject *hdf = NULL;

  run_maillage (&run, (const char *[]) { "--report", "--json", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  territories = json_object_get_array_member (parse_object (parser, run.out), "territories");
  for (guint i = 0; i < json_array_get_length (territories); i++)
    {
      JsonObject *t = json_array_get_object_element (territories, i);

      /* Lever 7 is zero everywhere on the joined map. */
      g_assert_cmpint (json_object_get_int_member (t, "peer_exchanges"), ==, 0);
      if (g_strcmp0 (json_object_get_string_member (t, "territory"), "Hauts-de-France") == 0)
        hdf = t;
    }
  g_assert_nonnull (hdf);
  {
    JsonObject *families = json_object_get_object_member (hdf, "families");
    JsonArray *missing = json_object_get_array_member (hdf, "missing_families");

    g_assert_true (json_object_has_member (families, "authorities"));
    g_assert_true (json_object_has_member (families, "industry"));
    g_assert_true (json_object_has_member (families, "connectors"));
    g_assert_true (json_object_has_member (families, "universities"));
    g_assert_cmpuint (json_array_get_length (missing), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (missing, 0), ==, "startups");
    g_assert_cmpstr (json_array_get_string_element (missing, 1), ==, "real-estate");
    g_assert_cmpstr (json_array_get_string_element (missing, 2), ==, "education");
  }
}

static void
test_report_in_french (void)
{
  g_autofree char *path = example_map ();
  g_autofree char *dir = g_dir_make_tmp ("maillage-report-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "rapport.svg", NULL);
  g_autofree char *svg_text = NULL;
  g_auto (Run) run = { 0 };
  g_auto (Run) page = { 0 };

  run_maillage (&run, (const char *[]) { "--report", "--lang", "fr", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Familles absentes : Start-up, Immobilier, Système éducatif"));
  g_assert_nonnull (strstr (run.out, "Échanges entre pairs"));
  run_maillage (&page, (const char *[]) { "--export", svg, "--report", "--lang", "fr", path, NULL });
  g_assert_cmpint (page.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, ">Autour de la table</text>"));
  g_assert_nonnull (strstr (svg_text, "Start-up, Immobilier, Système éducatif</text>"));
  g_unlink (svg);
  g_rmdir (dir);
}

static void
test_info_territory_counts_within (void)
{
  g_autofree char *path = example_map ();
  g_auto (Run) run = { 0 };
  g_auto (Run) text = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *roles;

  run_maillage (&run, (const char *[]) { "--info", "--json", "--territory", "Hauts-de-France",
                                         path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "actors"), ==, 7);
  roles = json_object_get_object_member (root, "roles");
  g_assert_cmpint (json_object_get_int_member (roles, "sme"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (roles, "university"), ==, 1);
  g_assert_false (json_object_has_member (roles, "association"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "regions")), ==, 1);

  run_maillage (&text, (const char *[]) { "--info", "--territory", "Hauts-de-France", path, NULL });
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Actors: 7\n"));
  g_assert_nonnull (strstr (text.out, "Shown: 7 of "));
  g_assert_null (strstr (text.out, "Auvergne"));
}

static void
test_export_report_page (void)
{
  g_autofree char *path = example_map ();
  g_autofree char *dir = g_dir_make_tmp ("maillage-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "report.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "report.png", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *svg_text = NULL;
  g_autofree char *png_data = NULL;
  gsize png_size = 0;
  g_auto (Run) run = { 0 };
  g_auto (Run) run_svg = { 0 };
  g_auto (Run) run_png = { 0 };
  g_auto (Run) bad = { 0 };

  run_maillage (&run, (const char *[]) { "--export", pdf, "--report", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  run_maillage (&run_svg, (const char *[]) { "--export", svg, "--report", "--page", "slide-16:9",
                                             path, NULL });
  g_assert_cmpint (run_svg.status, ==, 0);
  run_maillage (&run_png, (const char *[]) { "--export", png, "--report", "--dpi", "72", path,
                                             NULL });
  g_assert_cmpint (run_png.status, ==, 0);
  run_maillage (&bad, (const char *[]) { "--export", png, "--report", "--page", "letter", path, NULL });
  g_assert_cmpint (bad.status, ==, 2);

  /* SVG: text stays text, 16:9. */
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "width=\"960pt\""));
  g_assert_nonnull (strstr (svg_text, ">Hauts-de-France</text>"));
  g_assert_nonnull (strstr (svg_text, ">Start-ups, Real estate, Education system</text>"));
  /* One territory's page. */
  {
    g_auto (Run) one = { 0 };
    g_autofree char *one_text = NULL;

    run_maillage (&one, (const char *[]) { "--export", svg, "--report", "--territory",
                                           "Hauts-de-France", path, NULL });
    g_assert_cmpint (one.status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &one_text, NULL, NULL));
    g_assert_nonnull (strstr (one_text, ">Hauts-de-France</text>"));
    g_assert_null (strstr (one_text, ">Auvergne-Rhône-Alpes</text>"));
  }
  /* PNG: A4 landscape at 72 dpi. */
  g_assert_true (g_file_get_contents (png, &png_data, &png_size, NULL));
  g_assert_cmpuint (png_size, >, 24);
  g_assert_cmpmem (png_data, 4, "\x89PNG", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (png_data + 16)), ==, 842);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (png_data + 20)), ==, 595);

  if (pdftotext != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      int status = 0;
      const char *argv[] = { pdftotext, pdf, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Auvergne-Rhône-Alpes"));
      g_assert_nonnull (strstr (text, "Hauts-de-France"));
      g_assert_nonnull (strstr (text, "Catalysts"));
      g_assert_nonnull (strstr (text, "To discuss"));

      /* By department, every territory gets a page, three to a page. */
      {
        g_auto (Run) level2 = { 0 };
        g_autofree char *text2 = NULL;

        run_maillage (&level2, (const char *[]) { "--export", pdf, "--report", "--report-level",
                                                  "2", path, NULL });
        g_assert_cmpint (level2.status, ==, 0);
        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text2, NULL,
                      &status, &error);
        g_assert_no_error (error);
        g_assert_nonnull (strstr (text2, "Puy-de-Dôme"));
        g_assert_nonnull (strstr (text2, "Pays de la Loire"));
        g_assert_nonnull (strstr (text2, "\f"));
      }
    }
  else
    g_test_message ("pdftotext not found: the PDF's text is not checked");
  g_unlink (pdf);
  g_unlink (svg);
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-cli/json", test_report_json);
  g_test_add_func ("/report-cli/level-2", test_report_level_2);
  g_test_add_func ("/report-cli/text", test_report_text);
  g_test_add_func ("/report-cli/usage-errors", test_report_usage);
  g_test_add_func ("/report-cli/example-map/hauts-de-france", test_example_map_hauts_de_france);
  g_test_add_func ("/report-cli/info-territory-counts-within", test_info_territory_counts_within);
  g_test_add_func ("/report-cli/in-french", test_report_in_french);
  g_test_add_func ("/report-cli/export-page", test_export_report_page);
  return g_test_run ();
}
