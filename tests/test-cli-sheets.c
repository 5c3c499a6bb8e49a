/* The command line with spreadsheets: --relations, workbooks on their own,
 * --save-as and --export-tables, files that are neither map nor sheet. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"
#include "sheet-test-util.h"

static void
run_maillage (Run *run, const char *const *args, const char *lang)
{
  g_autofree char *lang_var = g_strconcat ("LANG=", lang ? lang : "C.UTF-8", NULL);
  g_autofree char *lc_all = g_strconcat ("LC_ALL=", lang ? lang : "C.UTF-8", NULL);

  cli_run (run, args, (const char *const[]) { lang_var, lc_all, "LANGUAGE=en", NULL });
}

static JsonObject *
parse_json (const char *text, JsonParser **parser)
{
  g_autoptr (GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static void
test_info_json_relations (void)
{
  g_autofree char *actors = sheet_fixture ("fr-acteurs.csv");
  g_autofree char *relations = sheet_fixture ("fr-relations.csv");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *root;
  JsonArray *warnings;
  gboolean named = FALSE;

  run_maillage (&run, (const char *[]) { "--info", "--json", "--relations", relations, actors,
                                         NULL }, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "actors"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (root, "relations"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "roles"),
                                               "large-company"), ==, 1);
  warnings = json_object_get_array_member (root, "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    named |= strstr (json_array_get_string_element (warnings, i),
                     "fr-relations.csv, row 5") != NULL;
  g_assert_true (named);
  g_assert_nonnull (strstr (run.err, "Acteur inconnu"));
}

static void
test_save_as_and_export (void)
{
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_autofree char *relations = sheet_fixture ("en-relations.csv");
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-sheets-XXXXXX", NULL);
  g_autofree char *graphml = g_build_filename (dir, "map.graphml", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_auto (Run) save = { 0 };
  g_auto (Run) info = { 0 };
  g_autofree char *text = NULL;

  run_maillage (&save, (const char *[]) { "--relations", relations, "--save-as", graphml,
                                          "--export", svg, actors, NULL }, NULL);
  g_assert_cmpint (save.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Michelin"));
  run_maillage (&info, (const char *[]) { "--info", graphml, NULL }, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "Actors: 4"));
  g_assert_nonnull (strstr (info.out, "Relations: 4"));
  remove_dir (dir);
}

static void
test_workbook_alone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-sheets-XXXXXX", NULL);
  g_autofree char *ods = g_build_filename (dir, "book.ods", NULL);
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_autofree char *relations = sheet_fixture ("en-relations.csv");
  g_auto (Run) made = { 0 };
  g_auto (Run) info = { 0 };

  run_maillage (&made, (const char *[]) { "--relations", relations, "--export-tables", ods,
                                          actors, NULL }, NULL);
  g_assert_cmpint (made.status, ==, 0);
  run_maillage (&info, (const char *[]) { "--info", ods, NULL }, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "Actors: 4"));
  g_assert_nonnull (strstr (info.out, "Relations: 4"));
  remove_dir (dir);
}

static void
test_xlsx_alone_and_save_as_tables (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-sheets-XXXXXX", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *ods = g_build_filename (dir, "copy.ods", NULL);
  g_autofree char *csv = g_build_filename (dir, "copy.csv", NULL);
  g_autofree char *beside = g_build_filename (dir, "copy-relations.csv", NULL);
  g_auto (Run) info = { 0 };
  g_auto (Run) save = { 0 };
  g_auto (Run) back = { 0 };
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *root;

  test_write_xlsx (xlsx, NULL,
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                   "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c>"
                   "<c r=\"B1\" t=\"inlineStr\"><is><t>Rôle</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Michelin</t></is></c>"
                   "<c r=\"B2\" t=\"inlineStr\"><is><t>Grande entreprise</t></is></c></row>"
                   "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Limagrain</t></is></c>"
                   "<c r=\"B3\" t=\"inlineStr\"><is><t>PME</t></is></c></row>"
                   "</sheetData></worksheet>",
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                   "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Source</t></is></c>"
                   "<c r=\"B1\" t=\"inlineStr\"><is><t>Cible</t></is></c>"
                   "<c r=\"C1\" t=\"inlineStr\"><is><t>Poids</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Michelin</t></is></c>"
                   "<c r=\"B2\" t=\"inlineStr\"><is><t>Limagrain</t></is></c><c r=\"C2\"><v>0.5</v>"
                   "</c></row></sheetData></worksheet>");
  run_maillage (&info, (const char *[]) { "--info", "--json", xlsx, NULL }, NULL);
  g_assert_cmpint (info.status, ==, 0);
  root = parse_json (info.out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "actors"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "relations"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "roles"),
                                               "sme"), ==, 1);

  /* --save-as with .ods or .csv writes tables. */
  run_maillage (&save, (const char *[]) { "--save-as", ods, xlsx, NULL }, NULL);
  g_assert_cmpint (save.status, ==, 0);
  g_assert_true (g_file_test (ods, G_FILE_TEST_IS_REGULAR));
  run_maillage (&back, (const char *[]) { "--save-as", csv, ods, NULL }, NULL);
  g_assert_cmpint (back.status, ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (beside, G_FILE_TEST_IS_REGULAR));
  remove_dir (dir);
}

static void
test_export_tables_csv (void)
{
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_autofree char *relations = sheet_fixture ("en-relations.csv");
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-sheets-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "actors.csv", NULL);
  g_autofree char *beside = g_build_filename (dir, "actors-relations.csv", NULL);
  g_autofree char *named = g_build_filename (dir, "links.csv", NULL);
  g_autofree char *text = NULL;
  g_auto (Run) fr = { 0 };
  g_auto (Run) en = { 0 };
  g_auto (Run) back = { 0 };

  /* A French locale: semicolons and decimal commas. */
  run_maillage (&fr, (const char *[]) { "--relations", relations, "--export-tables", out, actors,
                                        NULL }, "fr_FR.UTF-8");
  g_assert_cmpint (fr.status, ==, 0);
  g_assert_true (g_file_get_contents (beside, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid;source;target;kind;weight"));
  g_assert_nonnull (strstr (text, "r1;mich;uca;research;2,5;"));
  run_maillage (&back, (const char *[]) { "--info", "--relations", beside, out, NULL }, NULL);
  g_assert_cmpint (back.status, ==, 0);
  g_assert_nonnull (strstr (back.out, "Relations: 4"));

  /* Otherwise commas; --relations-out names the relations file. */
  g_clear_pointer (&text, g_free);
  run_maillage (&en, (const char *[]) { "--relations", relations, "--save-as", out,
                                        "--relations-out", named, actors, NULL }, NULL);
  g_assert_cmpint (en.status, ==, 0);
  g_assert_true (g_file_get_contents (named, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid,source,target,kind,weight"));
  remove_dir (dir);
}

static void
test_neither_map_nor_sheet (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-sheets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *csv = g_build_filename (dir, "garbage.csv", NULL);
  g_auto (Run) run = { 0 };
  g_auto (Run) garbage = { 0 };
  const char bytes[] = "\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\x01\0H\0H\0\0";

  g_file_set_contents (path, bytes, sizeof bytes, NULL);
  run_maillage (&run, (const char *[]) { "--info", path, NULL }, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "neither a GraphML map nor a spreadsheet"));
  /* One line. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);

  g_file_set_contents (csv, bytes, sizeof bytes, NULL);
  run_maillage (&garbage, (const char *[]) { "--info", csv, NULL }, NULL);
  g_assert_cmpint (garbage.status, ==, 1);
  g_assert_nonnull (strstr (garbage.err, "garbage.csv is not a spreadsheet"));
  g_assert_cmpint (strchr (garbage.err, '\n') - garbage.err, ==, (int) strlen (garbage.err) - 1);
  remove_dir (dir);
}

static void
test_save_as_bad_extension (void)
{
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_auto (Run) run = { 0 };
  g_auto (Run) tables = { 0 };
  g_auto (Run) out = { 0 };

  run_maillage (&run, (const char *[]) { "--save-as", "/tmp/x.json", actors, NULL }, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "x.json"));
  run_maillage (&tables, (const char *[]) { "--export-tables", "/tmp/x.xlsx", actors, NULL },
                NULL);
  g_assert_cmpint (tables.status, ==, 2);
  run_maillage (&out, (const char *[]) { "--info", "--relations-out", "/tmp/r.csv", actors,
                                         NULL }, NULL);
  g_assert_cmpint (out.status, ==, 2);
  {
    g_auto (Run) graphml = { 0 };

    run_maillage (&graphml, (const char *[]) { "--info", "--relations", actors, "map.graphml",
                                               NULL }, NULL);
    g_assert_cmpint (graphml.status, ==, 2);
    g_assert_nonnull (strstr (graphml.err, "--relations"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/sheets/info-json-relations", test_info_json_relations);
  g_test_add_func ("/cli/sheets/save-as-and-export", test_save_as_and_export);
  g_test_add_func ("/cli/sheets/workbook-alone", test_workbook_alone);
  g_test_add_func ("/cli/sheets/xlsx-alone-and-save-as-tables", test_xlsx_alone_and_save_as_tables);
  g_test_add_func ("/cli/sheets/export-tables-csv", test_export_tables_csv);
  g_test_add_func ("/cli/sheets/neither-map-nor-sheet", test_neither_map_nor_sheet);
  g_test_add_func ("/cli/sheets/save-as-bad-extension", test_save_as_bad_extension);
  return g_test_run ();
}
