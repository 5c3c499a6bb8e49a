/* The import dialog: a spreadsheet opened or dropped on a window shows its
 * tables, their first rows and each column's use; the map it makes opens
 * unsaved and laid out. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "mg-import-dialog.h"
#include "mg-window-private.h"
#include "sheet-test-util.h"

static MgImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (MG_IS_IMPORT_DIALOG (window))
        return MG_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_import_dialog () != NULL;
}

static gboolean
has_map (gpointer data)
{
  return mg_document_get_map (mg_window_get_document (data)) != NULL;
}

static gboolean
warnings_have (GPtrArray *warnings, const char *text)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_csv_pair (void)
{
  g_autofree char *actors = sheet_fixture ("fr-acteurs.csv");
  g_autofree char *relations = sheet_fixture ("fr-relations.csv");
  g_autoptr (GFile) file = g_file_new_for_path (actors);
  g_autoptr (GFile) relations_file = g_file_new_for_path (relations);
  g_autoptr (GError) error = NULL;
  MgWindow *window = mg_application_open_file (app, file);
  MgImportDialog *dialog;
  MgDocument *document;
  MgMap *map;

  wait_until (dialog_shown, NULL, "the import dialog");
  dialog = find_import_dialog ();
  g_assert_cmpuint (mg_import_dialog_get_n_tables (dialog), ==, 1);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, FALSE), ==, 0);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, TRUE), ==, -1);
  /* Guessed: Nom, Catégorie, Région, Département, Ville, Remarques, Effectif. */
  g_assert_cmpint (mg_import_dialog_get_column_use (dialog, FALSE, 0), ==, MG_COLUMN_LABEL);
  g_assert_cmpint (mg_import_dialog_get_column_use (dialog, FALSE, 1), ==, MG_COLUMN_ROLE);
  g_assert_cmpint (mg_import_dialog_get_column_use (dialog, FALSE, 3), ==, MG_COLUMN_DEPARTMENT);
  g_assert_cmpint (mg_import_dialog_get_column_use (dialog, FALSE, 6), ==, MG_COLUMN_ATTRIBUTE);

  /* The relations from the other file; their warnings show. */
  g_assert_true (mg_import_dialog_add_file (dialog, relations_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, TRUE), ==, 1);
  g_assert_cmpint (mg_import_dialog_get_column_use (dialog, TRUE, 0), ==, MG_COLUMN_SOURCE);
  g_assert_true (warnings_have (mg_import_dialog_get_warnings (dialog), "Acteur inconnu"));

  /* A column changed: Effectif ignored, Remarques kept as an attribute. */
  mg_import_dialog_set_column_use (dialog, FALSE, 6, MG_COLUMN_IGNORE);
  mg_import_dialog_set_column_use (dialog, FALSE, 5, MG_COLUMN_ATTRIBUTE);
  g_assert_cmpint (mg_import_dialog_get_column_use (dialog, FALSE, 6), ==, MG_COLUMN_IGNORE);
  flush_events ();
  g_assert_true (mg_import_dialog_import (dialog));

  wait_until (has_map, window, "the imported map");
  document = mg_window_get_document (window);
  map = mg_document_get_map (document);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 6);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 5);
  g_assert_null (mg_document_get_file (document));
  g_assert_true (mg_map_has_positions (map));
  g_assert_null (mg_actor_get_attribute (g_ptr_array_index (mg_map_get_actors (map), 0),
                                         "Effectif"));
  g_assert_cmpstr (mg_actor_get_attribute (g_ptr_array_index (mg_map_get_actors (map), 0),
                                           "Remarques"), ==,
                   "Leader mondial du pneu; siège\nplace des Carmes");
  g_assert_null (((MgActor *) g_ptr_array_index (mg_map_get_actors (map), 0))->notes);
  g_assert_true (warnings_have (mg_document_get_warnings (document), "Acteur inconnu"));
  wait_for_frame (mg_window_get_canvas (window));
  g_assert_null (find_import_dialog ());
  destroy_window (window);
}

static void
test_drop_workbook (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "book.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  MgWindow *window = mg_window_new (GTK_APPLICATION (app));
  GValue value = G_VALUE_INIT;
  MgImportDialog *dialog;
  MgMap *map;

  test_write_xlsx (path, NULL,
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                   "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
                   "<c r=\"B1\" t=\"inlineStr\"><is><t>Nom</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Alpha"
                   "</t></is></c></row><row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" "
                   "t=\"inlineStr\"><is><t>Beta</t></is></c></row></sheetData></worksheet>",
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                   "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>de</t></is></c>"
                   "<c r=\"B1\" t=\"inlineStr\"><is><t>vers</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>"
                   "</sheetData></worksheet>");
  gtk_window_present (GTK_WINDOW (window));
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_assert_true (mg_window_on_drop (NULL, &value, 10, 10, window));
  g_value_unset (&value);

  wait_until (dialog_shown, NULL, "the import dialog");
  dialog = find_import_dialog ();
  /* Both sheets found and paired by their headers. */
  g_assert_cmpuint (mg_import_dialog_get_n_tables (dialog), ==, 2);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, FALSE), ==, 0);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, TRUE), ==, 1);
  g_assert_cmpuint (mg_import_dialog_get_warnings (dialog)->len, ==, 0);
  g_assert_true (mg_import_dialog_import (dialog));
  wait_until (has_map, window, "the imported map");
  map = mg_document_get_map (mg_window_get_document (window));
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 2);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 1);
  g_assert_cmpstr (mg_map_lookup_actor (map, "1")->label, ==, "Alpha");
  destroy_window (window);
}

static void
test_drop_two_files (void)
{
  g_autofree char *actors = sheet_fixture ("fr-acteurs.csv");
  g_autofree char *relations = sheet_fixture ("fr-relations.csv");
  g_autoptr (GFile) a = g_file_new_for_path (actors);
  g_autoptr (GFile) r = g_file_new_for_path (relations);
  MgWindow *window = mg_window_new (GTK_APPLICATION (app));
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  MgImportDialog *dialog;
  MgMap *map;

  gtk_window_present (GTK_WINDOW (window));
  /* The relations first: the tables are told apart by their headers. */
  files = g_slist_append (files, g_object_ref (r));
  files = g_slist_append (files, g_object_ref (a));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_assert_true (mg_window_on_drop (NULL, &value, 10, 10, window));
  g_value_unset (&value);

  wait_until (dialog_shown, NULL, "the import dialog");
  dialog = find_import_dialog ();
  g_assert_cmpuint (mg_import_dialog_get_n_tables (dialog), ==, 2);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, FALSE), ==, 1);
  g_assert_cmpint (mg_import_dialog_get_table (dialog, TRUE), ==, 0);
  g_assert_true (mg_import_dialog_import (dialog));
  wait_until (has_map, window, "the imported map");
  map = mg_document_get_map (mg_window_get_document (window));
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 6);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 5);
  destroy_window (window);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (mg_document_load_finish (MG_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_document_loads_spreadsheet (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "book.ods", NULL);
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_autofree char *relations = sheet_fixture ("en-relations.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) source = mg_sheet_read_map (actors, relations, NULL, &error);
  g_autoptr (MgDocument) document = mg_document_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  MgMap *map;

  g_assert_no_error (error);
  g_assert_true (mg_sheet_write_ods (source, path, &error));
  /* Read directly (no dialog): the guessed columns, a new unsaved map. */
  mg_document_load_async (document, file, FALSE, NULL, on_loaded, &done);
  wait_until (flag_set, &done, "the document to load");
  map = mg_document_get_map (document);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 4);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 4);
  g_assert_true (mg_map_has_positions (map));
  g_assert_null (mg_document_get_file (document));
}

static gboolean
message_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          *(gpointer *) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_unreadable (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "garbage.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  MgWindow *window;
  AdwMessageDialog *message = NULL;

  g_file_set_contents (path, "\x01\x02\0\0\xff\xfe\0garbage", 14, NULL);
  window = mg_application_open_file (app, file);
  wait_until (message_dialog_shown, &message, "the error");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "not a spreadsheet"));
  g_assert_null (find_import_dialog ());
  g_assert_true (mg_window_is_empty (window));
  gtk_window_destroy (GTK_WINDOW (message));
  destroy_window (window);
}

int
main (int argc, char *argv[])
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/app/import/csv-pair-mapping-changed", test_csv_pair);
  g_test_add_func ("/app/import/drop-xlsx-workbook", test_drop_workbook);
  g_test_add_func ("/app/import/drop-two-csv-files", test_drop_two_files);
  g_test_add_func ("/app/import/unreadable-file-says-why", test_unreadable);
  g_test_add_func ("/app/import/document-reads-spreadsheet", test_document_loads_spreadsheet);
  status = g_test_run ();

  app_test_teardown ();
  return status;
}
