/* mg-window-open.c — how maps come into a window: the recent list, reading
 * off the main thread with the opening page, the recovery question, and
 * drag and drop. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "mg-import-dialog.h"
#include "mg-sheet.h"
#include "mg-window-private.h"

/* Recent maps shown on the empty page. */
#define MAX_RECENT 5

/* ---- recent maps -------------------------------------------------------------------------- */

static gint
compare_recent (gconstpointer a, gconstpointer b)
{
  GDateTime *da = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *db = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (db, da);
}

void
mg_window_fill_recent (MgWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr (GPtrArray) maps = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (gtk_recent_info_has_application (info, g_get_application_name ()) &&
          (g_str_has_suffix (uri, ".graphml") || g_str_has_suffix (uri, ".graphml.gz") ||
           g_str_has_suffix (uri, ".xml")) && gtk_recent_info_exists (info))
        g_ptr_array_add (maps, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (maps, compare_recent);

  for (guint i = 0; i < maps->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (maps, i);
      g_autoptr (GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *dir = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data_full (G_OBJECT (row), "mg-file", g_object_ref (file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), maps->len > 0);
}

void
mg_window_on_recent_activated (GtkListBox *list, GtkListBoxRow *row, MgWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "mg-file");

  if (file != NULL)
    mg_window_open_file (self, file);
}

/* ---- loading -------------------------------------------------------------------------------- */

static void
on_show_warnings_clicked (AdwToast *toast, MgWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-warnings", NULL);
}

/* A toast when the map came with warnings, with a button to read them. */
static void
announce_warnings (MgWindow *self)
{
  GPtrArray *warnings = mg_document_get_warnings (self->document);

  if (warnings != NULL && warnings->len > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u warning while reading",
                                                            "%u warnings while reading",
                                                            warnings->len),
                                               warnings->len);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_show_warnings_clicked),
                               self, 0);
      mg_window_add_toast (self, toast);
    }
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  MgWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_steal_pointer (&self->loading_file);

  g_clear_object (&self->load_cancellable);
  if (!mg_document_load_finish (MG_DOCUMENT (source), result, &error))
    {
      /* Cancelled: the window is closing, its widgets may be gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          mg_window_show_error (self, _("Cannot Open the Map"), error->message);
          mg_window_update_state (self);
        }
      g_object_unref (self);
      return;
    }
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }

  announce_warnings (self);
  mg_window_update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  g_object_unref (self);
}

static void
start_loading (MgWindow *self, GFile *file, gboolean from_recovery)
{
  g_autofree char *name = g_file_get_basename (file);

  g_set_object (&self->loading_file, file);
  adw_status_page_set_description (self->loading_page, name);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  mg_document_load_async (self->document, file, from_recovery, self->load_cancellable,
                          load_done, g_object_ref (self));
  mg_window_update_state (self);
}

static void
on_recovery_response (AdwMessageDialog *dialog, const char *response, MgWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "mg-file");

  if (g_str_equal (response, "restore"))
    start_loading (self, file, TRUE);
  else if (g_str_equal (response, "discard"))
    {
      g_autofree char *path = mg_document_recovery_path_for (file);
      g_remove (path);
      start_loading (self, file, FALSE);
    }
  else
    mg_window_update_state (self);
}

/* ---- spreadsheets ------------------------------------------------------------------------ */

static gboolean
is_spreadsheet (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char head[4] = { 0 };
  gboolean zip = FALSE;
  FILE *f;

  if (path == NULL)
    return FALSE;
  if (mg_sheet_path_is_spreadsheet (path))
    return TRUE;
  f = fopen (path, "rb");
  if (f != NULL)
    {
      zip = fread (head, 1, 4, f) == 4 && mg_sheet_data_is_zip (head, 4);
      fclose (f);
    }
  return zip;
}

/* The map of an import opens here when this window is empty, else in a
 * new window: a new, unsaved map, laid out. */
static void
on_imported (MgImportDialog *dialog, MgMap *map, GPtrArray *warnings, MgWindow *self)
{
  MgWindow *target = self;

  if (!mg_window_is_empty (self))
    {
      target = mg_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  mg_document_set_map (target->document, map, NULL);
  mg_document_set_warnings (target->document, warnings);
  announce_warnings (target);
  mg_window_update_state (target);
  gtk_widget_grab_focus (GTK_WIDGET (target->canvas));
}

static MgImportDialog *
import_spreadsheet (MgWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  MgImportDialog *dialog = mg_import_dialog_new (GTK_WINDOW (self), file, &error);

  if (dialog == NULL)
    {
      mg_window_show_error (self, _("Cannot Open the Spreadsheet"), error->message);
      mg_window_update_state (self);
      return NULL;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
mg_window_open_file (MgWindow *self, GFile *file)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_spreadsheet (file))
    {
      import_spreadsheet (self, file);
      return;
    }

  if (mg_document_has_recovery (file))
    {
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *dialog =
        adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Maillage was closed before the changes to “%s” were saved. "
                                        "A copy of them was kept."), name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "discard", _("Open the _Saved Map"),
                                        "restore", _("_Restore Changes"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "discard");
      g_object_set_data_full (G_OBJECT (dialog), "mg-file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
      mg_window_set_pending_dialog (self, ADW_MESSAGE_DIALOG (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  start_loading (self, file, FALSE);
}

gboolean
mg_window_is_empty (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), FALSE);
  return self->loading_file == NULL && self->pending_dialog == NULL &&
         mg_document_get_map (self->document) == NULL;
}

gboolean
mg_window_has_file (MgWindow *self, GFile *file)
{
  GFile *shown;

  g_return_val_if_fail (MG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (self->loading_file != NULL && g_file_equal (self->loading_file, file))
    return TRUE;
  shown = mg_document_get_file (self->document);
  return shown != NULL && g_file_equal (shown, file);
}

/* ---- drag and drop -------------------------------------------------------------------------- */

gboolean
mg_window_on_drop (GtkDropTarget *target, const GValue *value, double x, double y, MgWindow *self)
{
  GSList *files = NULL;
  g_autoptr (GPtrArray) array = g_ptr_array_new ();

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_ptr_array_add (array, g_value_get_object (value));
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0)
    return FALSE;
  /* Two spreadsheets dropped together are the actors and the relations:
   * one import. */
  if (array->len == 2 && is_spreadsheet (g_ptr_array_index (array, 0)) &&
      is_spreadsheet (g_ptr_array_index (array, 1)))
    {
      MgImportDialog *dialog = import_spreadsheet (self, g_ptr_array_index (array, 0));
      g_autoptr (GError) error = NULL;

      if (dialog != NULL && !mg_import_dialog_add_file (dialog, g_ptr_array_index (array, 1),
                                                        &error))
        mg_window_show_error (self, _("Cannot Open the Spreadsheet"), error->message);
      return TRUE;
    }
  /* The first map goes to this window when it is empty, the others (or all
   * of them) to windows of their own, like the file manager's "Open". */
  if (mg_window_is_empty (self))
    {
      mg_window_open_file (self, g_ptr_array_index (array, 0));
      g_ptr_array_remove_index (array, 0);
    }
  if (array->len > 0)
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        (GFile **) array->pdata, array->len, "");
  return TRUE;
}

