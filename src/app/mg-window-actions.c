/* mg-window-actions.c — the window's actions and their shortcuts: open,
 * save, export, undo, editing, layout, presentation. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-application.h"
#include "mg-export-dialog.h"
#include "mg-sheet.h"
#include "mg-window-private.h"

/* ---- open ---------------------------------------------------------------------------- */

static void
add_graphml_filters (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) maps = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (maps, _("GraphML maps"));
  gtk_file_filter_add_pattern (maps, "*.graphml");
  gtk_file_filter_add_pattern (maps, "*.graphml.gz");
  gtk_file_filter_add_pattern (maps, "*.xml");
  gtk_file_filter_add_mime_type (maps, "application/graphml+xml");
  gtk_file_chooser_add_filter (chooser, maps);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, maps);
}

static void
add_spreadsheet_patterns (GtkFileFilter *filter)
{
  static const char *const patterns[] = { "*.csv", "*.tsv", "*.tab", "*.txt", "*.ods", "*.xlsx",
                                          "*.CSV", "*.TSV", "*.ODS", "*.XLSX", NULL };

  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

/* Opening: maps and spreadsheets together first, then each, then all. */
static void
add_open_filters (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) sheets = gtk_file_filter_new ();

  gtk_file_filter_set_name (both, _("Maps and spreadsheets"));
  gtk_file_filter_add_pattern (both, "*.graphml");
  gtk_file_filter_add_pattern (both, "*.graphml.gz");
  gtk_file_filter_add_pattern (both, "*.xml");
  gtk_file_filter_add_mime_type (both, "application/graphml+xml");
  add_spreadsheet_patterns (both);
  gtk_file_chooser_add_filter (chooser, both);
  add_graphml_filters (chooser);
  gtk_file_filter_set_name (sheets, _("Spreadsheets (CSV, TSV, ODS, XLSX)"));
  add_spreadsheet_patterns (sheets);
  gtk_file_chooser_add_filter (chooser, sheets);
  gtk_file_chooser_set_filter (chooser, both);
}

/* One window per map: a map opens here when this window is empty,
 * otherwise the application finds (or makes) its window. */
static void
open_in_place_or_new (MgWindow *self, GFile *file)
{
  if (mg_window_is_empty (self))
    mg_window_open_file (self, file);
  else
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        &file, 1, "");
}

static void
on_open_response (GtkNativeDialog *dialog, int response, MgWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_in_place_or_new (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_open_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_example_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  g_autofree char *path = mg_window_find_example_map ();
  g_autoptr (GFile) file = NULL;

  if (path == NULL)
    {
      mg_window_add_toast (self, adw_toast_new (_("The example map is not installed")));
      return;
    }
  file = g_file_new_for_path (path);
  open_in_place_or_new (self, file);
}

/* ---- save ---------------------------------------------------------------------------- */

static void
save_to (MgWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;

  if (!mg_document_save (self->document, file, &error))
    {
      self->close_after_save = FALSE;
      mg_window_show_error (self, _("Cannot Save the Map"), error->message);
      return;
    }
  {
    g_autofree char *uri = g_file_get_uri (mg_document_get_file (self->document));
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
  if (self->close_after_save)
    {
      self->force_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  mg_window_add_toast (self, adw_toast_new (_("Map saved")));
}

static void
on_save_as_response (GtkNativeDialog *dialog, int response, MgWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);

      /* A map is GraphML: give it its extension when the user typed none. */
      if (!g_str_has_suffix (name, ".graphml") && !g_str_has_suffix (name, ".graphml.gz") &&
          !g_str_has_suffix (name, ".xml"))
        {
          g_autofree char *with_ext = g_strconcat (name, ".graphml", NULL);
          g_autoptr (GFile) parent = g_file_get_parent (file);
          g_autoptr (GFile) fixed = g_file_get_child (parent, with_ext);
          save_to (self, fixed);
        }
      else
        save_to (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
}

void
mg_window_save_as (MgWindow *self)
{
  GtkFileChooserNative *chooser;
  GFile *current = mg_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save the Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_graphml_filters (GTK_FILE_CHOOSER (chooser));
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
  else
    {
      g_autofree char *name = g_strconcat (mg_document_get_title (self->document), ".graphml", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- tables ---------------------------------------------------------------------------- */

static void
on_export_tables_response (GtkNativeDialog *dialog, int response, MgWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;
      g_autoptr (GError) error = NULL;
      MgMap *map = mg_document_get_map (self->document);
      gboolean done;

      if (path == NULL || map == NULL)
        done = FALSE;
      else if (g_str_has_suffix (lower, ".csv"))
        {
          g_autofree char *relations = mg_sheet_relations_path_for (path);

          done = mg_sheet_write_csv (map, path, relations, mg_sheet_default_separator (), &error);
        }
      else
        {
          /* A workbook unless the name says CSV. */
          g_autofree char *ods = g_str_has_suffix (lower, ".ods") ? g_strdup (path)
                                                                 : g_strconcat (path, ".ods", NULL);

          done = mg_sheet_write_ods (map, ods, &error);
        }
      if (done)
        mg_window_add_toast (self, adw_toast_new (_("Tables exported")));
      else
        mg_window_show_error (self, _("Cannot Export the Tables"),
                              error != NULL ? error->message : _("Not a local file"));
    }
  g_object_unref (dialog);
}

static void
export_tables_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) ods = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = g_strconcat (mg_document_get_title (self->document), ".ods", NULL);

  chooser = gtk_file_chooser_native_new (_("Export the Tables"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (ods, _("Workbook with two sheets (ODS)"));
  gtk_file_filter_add_suffix (ods, "ods");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ods);
  gtk_file_filter_set_name (csv, _("Two CSV files (the relations in NAME-relations.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_tables_response), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);

  if (mg_document_get_file (self->document) == NULL || g_str_equal (action_name, "win.save-as"))
    mg_window_save_as (self);
  else
    save_to (self, NULL);
}

/* ---- export ---------------------------------------------------------------------------- */

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkWidget *dialog = mg_export_dialog_new (self);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_image_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!mg_export_dialog_copy_image (self, NULL, &error))
    mg_window_show_error (self, _("Cannot Copy the Image"), error->message);
  else
    mg_window_add_toast (self, adw_toast_new (_("Image copied: paste it into your slides")));
}

/* ---- undo --------------------------------------------------------------------------- */

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgUndoStack *undo = mg_document_get_undo_stack (self->document);

  if (undo == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    mg_undo_stack_undo (undo);
  else
    mg_undo_stack_redo (undo);
}

static void
on_undo_toast_clicked (AdwToast *toast, MgWindow *self)
{
  MgUndoStack *undo = mg_document_get_undo_stack (self->document);

  if (undo != NULL)
    mg_undo_stack_undo (undo);
}

/* ---- editing --------------------------------------------------------------------------- */

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgSelection *selection = mg_document_get_selection (self->document);
  MgUndoStack *undo = mg_document_get_undo_stack (self->document);
  g_autoptr (GPtrArray) actors = NULL;
  g_autoptr (GPtrArray) relations = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (selection == NULL || mg_selection_is_empty (selection))
    return;
  actors = g_ptr_array_copy (mg_selection_get_actors (selection), NULL, NULL);
  relations = g_ptr_array_copy (mg_selection_get_relations (selection), NULL, NULL);
  mg_selection_clear (selection);

  mg_undo_stack_begin_group (undo, actors->len > 0 ? N_("Delete actors") : N_("Delete relations"));
  /* Relations first: some may go with their actors anyway. */
  if (relations->len > 0)
    mg_undo_remove_relations (undo, relations);
  if (actors->len > 0)
    mg_undo_remove_actors (undo, actors);
  mg_undo_stack_end_group (undo);

  if (actors->len > 0)
    text = g_strdup_printf (g_dngettext (NULL, "%u actor deleted", "%u actors deleted", actors->len),
                            actors->len);
  else
    text = g_strdup_printf (g_dngettext (NULL, "%u relation deleted", "%u relations deleted",
                                         relations->len), relations->len);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), self, 0);
  mg_window_add_toast (self, toast);
}

static void
pin_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgSelection *selection = mg_document_get_selection (self->document);

  if (selection == NULL)
    return;
  mg_undo_set_actors_pinned (mg_document_get_undo_stack (self->document),
                             mg_selection_get_actors (selection),
                             g_str_equal (action_name, "win.pin"));
}

static void
select_all_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgSelection *selection = mg_document_get_selection (self->document);

  if (selection != NULL)
    mg_selection_select_all (selection);
}

static void
select_neighbours_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgSelection *selection = mg_document_get_selection (self->document);
  MgMap *map = mg_document_get_map (self->document);
  g_autoptr (GPtrArray) add = g_ptr_array_new ();
  GPtrArray *selected;

  if (selection == NULL)
    return;
  selected = mg_selection_get_actors (selection);
  for (guint i = 0; i < selected->len; i++)
    {
      MgActor *actor = g_ptr_array_index (selected, i);
      g_autoptr (GPtrArray) relations = mg_map_get_actor_relations (map, actor);

      for (guint r = 0; r < relations->len; r++)
        {
          MgRelation *relation = g_ptr_array_index (relations, r);
          g_ptr_array_add (add, relation->source == actor ? relation->target : relation->source);
        }
    }
  mg_selection_select_actors (selection, add, MG_SELECT_ADD);
}

static void
add_actor_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgUndoStack *undo = mg_document_get_undo_stack (self->document);
  MgActor *actor;
  double x, y;

  if (undo == NULL)
    return;
  mg_canvas_find_free_spot (self->canvas, &x, &y);
  actor = mg_undo_add_actor (undo, _("New actor"), NULL, x, y);
  mg_selection_select_actor (mg_document_get_selection (self->document), actor, MG_SELECT_REPLACE);
  mg_canvas_edit_label (self->canvas, actor);
}

/* ---- layout and view ------------------------------------------------------------------ */

static void
relayout_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);

  gtk_menu_button_popdown (self->layout_button);
  mg_document_relayout (self->document);
}

static void
toggle_panel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
presentation_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);

  mg_window_set_presentation (self, !self->presentation);
}

static gboolean
escape_presentation (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  MgWindow *self = MG_WINDOW (widget);

  if (!self->presentation)
    return FALSE;
  mg_window_set_presentation (self, FALSE);
  return TRUE;
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);

  if (mg_document_get_map (self->document) == NULL)
    return;
  if (self->presentation)
    mg_window_set_presentation (self, FALSE);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  mg_actor_list_focus_search (self->actor_list);
}

static void
show_warnings_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GPtrArray *warnings = mg_document_get_warnings (self->document);
  GtkWidget *dialog, *scroller, *list;
  g_autofree char *body = NULL;

  if (warnings == NULL || warnings->len == 0)
    return;
  body = g_strdup_printf (g_dngettext (NULL,
                                       "Maillage read the map but met %u problem. What it could read is shown.",
                                       "Maillage read the map but met %u problems. What it could read is shown.",
                                       warnings->len), warnings->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Warnings While Reading"), body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < warnings->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (warnings, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_widget_set_size_request (scroller, 440, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_resizable (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---- which actions make sense now ------------------------------------------------------- */

void
mg_window_update_actions (MgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_map = mg_document_get_map (self->document) != NULL &&
                     mg_document_get_state (self->document) == MG_DOCUMENT_READY;
  MgUndoStack *undo = mg_document_get_undo_stack (self->document);
  MgSelection *selection = mg_document_get_selection (self->document);
  gboolean has_selection = selection != NULL && !mg_selection_is_empty (selection);
  gboolean has_actors = selection != NULL && mg_selection_get_n_actors (selection) > 0;
  GPtrArray *warnings = mg_document_get_warnings (self->document);

  gtk_widget_action_set_enabled (widget, "win.save", has_map);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_map);
  gtk_widget_action_set_enabled (widget, "win.export", has_map);
  gtk_widget_action_set_enabled (widget, "win.export-tables", has_map);
  gtk_widget_action_set_enabled (widget, "win.copy-image", has_map);
  gtk_widget_action_set_enabled (widget, "win.undo", has_map && undo && mg_undo_stack_can_undo (undo));
  gtk_widget_action_set_enabled (widget, "win.redo", has_map && undo && mg_undo_stack_can_redo (undo));
  gtk_widget_action_set_enabled (widget, "win.delete", has_map && has_selection);
  gtk_widget_action_set_enabled (widget, "win.pin", has_map && has_actors);
  gtk_widget_action_set_enabled (widget, "win.unpin", has_map && has_actors);
  gtk_widget_action_set_enabled (widget, "win.select-neighbours", has_map && has_actors);
  gtk_widget_action_set_enabled (widget, "win.select-all", has_map);
  gtk_widget_action_set_enabled (widget, "win.add-actor", has_map);
  gtk_widget_action_set_enabled (widget, "win.relayout", has_map);
  gtk_widget_action_set_enabled (widget, "win.presentation", has_map);
  gtk_widget_action_set_enabled (widget, "win.search", has_map);
  gtk_widget_action_set_enabled (widget, "win.toggle-panel", has_map);
  gtk_widget_action_set_enabled (widget, "win.show-warnings", warnings != NULL && warnings->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->layout_button), has_map);
}

static void
on_undo_changed (MgUndoStack *undo, MgWindow *self)
{
  mg_window_update_actions (self);
}

static void
on_selection_changed (MgSelection *selection, MgWindow *self)
{
  mg_window_update_actions (self);
}

static void
on_map_changed (MgDocument *document, MgWindow *self)
{
  g_signal_connect_object (mg_document_get_undo_stack (document), "changed",
                           G_CALLBACK (on_undo_changed), self, 0);
  g_signal_connect_object (mg_document_get_selection (document), "changed",
                           G_CALLBACK (on_selection_changed), self, 0);
  mg_window_update_actions (self);
}

void
mg_window_init_actions (MgWindow *self)
{
  g_signal_connect_object (self->document, "map-changed", G_CALLBACK (on_map_changed), self, 0);
  mg_window_update_actions (self);
}

void
mg_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    GtkWidgetActionActivateFunc activate;
    guint key;
    GdkModifierType mods;
  } actions[] = {
    { "win.open", open_action, GDK_KEY_o, GDK_CONTROL_MASK },
    { "win.open-example", open_example_action, 0, 0 },
    { "win.save", save_action, GDK_KEY_s, GDK_CONTROL_MASK },
    { "win.save-as", save_action, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.export", export_action, GDK_KEY_e, GDK_CONTROL_MASK },
    { "win.export-tables", export_tables_action, 0, 0 },
    { "win.copy-image", copy_image_action, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.undo", undo_action, GDK_KEY_z, GDK_CONTROL_MASK },
    { "win.redo", undo_action, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.delete", delete_action, 0, 0 },
    { "win.pin", pin_action, GDK_KEY_p, GDK_CONTROL_MASK },
    { "win.unpin", pin_action, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.select-all", select_all_action, GDK_KEY_a, GDK_CONTROL_MASK },
    { "win.select-neighbours", select_neighbours_action, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.add-actor", add_actor_action, GDK_KEY_Insert, GDK_CONTROL_MASK },
    { "win.relayout", relayout_action, GDK_KEY_l, GDK_CONTROL_MASK },
    { "win.toggle-panel", toggle_panel_action, GDK_KEY_F9, 0 },
    { "win.presentation", presentation_action, GDK_KEY_F11, 0 },
    { "win.search", search_action, GDK_KEY_f, GDK_CONTROL_MASK },
    { "win.show-warnings", show_warnings_action, 0, 0 },
    { "win.close", close_action, GDK_KEY_w, GDK_CONTROL_MASK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].name, NULL, actions[i].activate);
      /* Bindings, not application accels: they run after the focused
       * widget, so Ctrl+Z and Ctrl+A keep working inside text entries. */
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].mods,
                                             actions[i].name, NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_presentation, NULL);
}
