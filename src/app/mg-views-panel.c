/* mg-views-panel.c — saved views and top brokers (see the header). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mg-a11y.h"
#include "mg-metrics.h"
#include "mg-views-panel.h"
#include "mg-window.h"

#define N_BROKERS 8

struct _MgViewsPanel {
  GtkWidget         parent_instance;

  MgLensController *controller;
  MgDocument       *document;
  GtkWidget        *box;
  GtkListBox       *views;
  GtkListBox       *brokers;
  GtkWidget        *brokers_status;
  guint             n_views, n_brokers;
  MgView           *deleted;       /* the last view deleted, for Undo */
  guint             deleted_index;
};

G_DEFINE_FINAL_TYPE (MgViewsPanel, mg_views_panel, GTK_TYPE_WIDGET)

/* ---- views ------------------------------------------------------------------------------ */

/* Deleting asks nothing: a toast offers to undo it instead. */
static void
delete_view (MgViewsPanel *self, guint index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (MgView) view = mg_lens_controller_copy_view (self->controller, index);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (view == NULL)
    return;
  g_clear_pointer (&self->deleted, mg_view_free);
  mg_lens_controller_delete_view (self->controller, index);
  self->deleted_index = index;
  /* TRANSLATORS: a toast after deleting a saved view. */
  title = g_strdup_printf (_("View “%s” deleted"), view->name);
  self->deleted = g_steal_pointer (&view);
  if (!MG_IS_WINDOW (root))
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (mg_views_panel_undo_delete), self,
                           G_CONNECT_SWAPPED);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  mg_window_add_toast (MG_WINDOW (root), toast);
}

void
mg_views_panel_delete_view (MgViewsPanel *self, guint index)
{
  g_return_if_fail (MG_IS_VIEWS_PANEL (self));
  delete_view (self, index);
}

void
mg_views_panel_undo_delete (MgViewsPanel *self)
{
  g_return_if_fail (MG_IS_VIEWS_PANEL (self));
  if (self->deleted == NULL)
    return;
  mg_lens_controller_insert_view (self->controller, self->deleted_index, self->deleted);
  g_clear_pointer (&self->deleted, mg_view_free);
}

static void
on_edit_response (AdwMessageDialog *dialog, const char *response, MgViewsPanel *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  g_autofree char *new_name = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  g_autofree char *new_note = g_strstrip (g_strdup (gtk_editable_get_text (note)));

  if (g_str_equal (response, "save"))
    mg_lens_controller_rename_view (self->controller, index, new_name, new_note);
}

static void
on_edit_entry_activate (GtkEntry *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_edit_view (MgViewsPanel *self, guint index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (MgView) view = mg_lens_controller_copy_view (self->controller, index);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *note_label = gtk_label_new_with_mnemonic (_("_Note shown while presenting"));

  if (view == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Rename View"), NULL));
  gtk_editable_set_text (GTK_EDITABLE (name), view->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("View name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (note), view->note != NULL ? view->note : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What this view shows, in a sentence"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (note_label), note);
  gtk_label_set_xalign (GTK_LABEL (note_label), 0);
  gtk_widget_set_margin_top (note_label, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), note_label);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response), self, 0);
  g_signal_connect (name, "activate", G_CALLBACK (on_edit_entry_activate), dialog);
  g_signal_connect (note, "activate", G_CALLBACK (on_edit_entry_activate), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
view_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgViewsPanel *self = MG_VIEWS_PANEL (widget);
  guint index = g_variant_get_uint32 (param);

  if (g_str_equal (action_name, "views.update"))
    mg_lens_controller_update_view (self->controller, index);
  else if (g_str_equal (action_name, "views.edit"))
    on_edit_view (self, index);
  else if (g_str_equal (action_name, "views.up") && index > 0)
    mg_lens_controller_move_view (self->controller, index, index - 1);
  else if (g_str_equal (action_name, "views.down") && index + 1 < self->n_views)
    mg_lens_controller_move_view (self->controller, index, index + 1);
  else if (g_str_equal (action_name, "views.delete"))
    delete_view (self, index);
}

static GMenuModel *
view_menu (guint index)
{
  GMenu *menu = g_menu_new ();
  GMenu *order = g_menu_new ();
  static const struct { const char *label, *action; } items[] = {
    { N_("_Update from What Is Shown"), "views.update" },
    { N_("_Rename and Note…"), "views.edit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_uint32 (index));
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr (GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
    g_autoptr (GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);
    g_autoptr (GMenuItem) del = g_menu_item_new (_("_Delete"), NULL);

    g_menu_item_set_action_and_target_value (up, "views.up", g_variant_new_uint32 (index));
    g_menu_item_set_action_and_target_value (down, "views.down", g_variant_new_uint32 (index));
    g_menu_item_set_action_and_target_value (del, "views.delete", g_variant_new_uint32 (index));
    g_menu_append_item (order, up);
    g_menu_append_item (order, down);
    g_menu_append_item (order, del);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_object_unref (order);
  return G_MENU_MODEL (menu);
}

static void
fill_views (MgViewsPanel *self)
{
  g_autoptr (GPtrArray) views = mg_lens_controller_get_views (self->controller);
  int current = mg_lens_controller_get_current_view (self->controller);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->views))) != NULL)
    gtk_list_box_remove (self->views, child);
  for (guint i = 0; i < views->len; i++)
    {
      const MgView *view = g_ptr_array_index (views, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = gtk_label_new (view->name);
      GtkWidget *update = gtk_button_new_from_icon_name ("view-refresh-symbolic");
      GtkWidget *more = gtk_menu_button_new ();
      g_autoptr (GMenuModel) menu = view_menu (i);
      g_autofree char *more_name = g_strdup_printf (_("More for the view “%s”"), view->name);

      gtk_widget_set_hexpand (texts, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (texts), label);
      if (view->note != NULL)
        {
          GtkWidget *note = gtk_label_new (view->note);

          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (note, "dim-label");
          gtk_widget_add_css_class (note, "caption");
          gtk_box_append (GTK_BOX (texts), note);
        }
      gtk_widget_set_margin_start (texts, 6);
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      if ((int) i == current)
        gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (update, "flat");
      gtk_widget_set_valign (update, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (update, _("Update this view from what is shown now"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (update), "views.update");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (update), g_variant_new_uint32 (i));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (more, _("Rename, note, move or delete this view"));
      mg_a11y_set_label (more, more_name);
      {
        g_autofree char *update_name = g_strdup_printf (C_("a11y", "Update the View “%s”"),
                                                        view->name);
        mg_a11y_set_label (update, update_name);
      }
      gtk_box_append (GTK_BOX (row), texts);
      gtk_box_append (GTK_BOX (row), update);
      gtk_box_append (GTK_BOX (row), more);
      gtk_list_box_append (self->views, row);
    }
  self->n_views = views->len;
  if (views->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No saved views. A view keeps the lenses, "
                                          "filters, focus and framing shown now."));
      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 6);
      gtk_widget_set_margin_bottom (empty, 6);
      gtk_list_box_append (self->views, empty);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (empty)), FALSE);
    }
}

/* Bold for the view shown last; rows stay (this may run inside their
 * activation). */
static void
mark_current (MgViewsPanel *self)
{
  int current = mg_lens_controller_get_current_view (self->controller);

  for (guint i = 0; i < self->n_views; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->views, (int) i);
      GtkWidget *texts = row != NULL ? gtk_widget_get_first_child (gtk_list_box_row_get_child (row)) : NULL;
      GtkWidget *label = texts != NULL ? gtk_widget_get_first_child (texts) : NULL;

      if (label == NULL)
        continue;
      if ((int) i == current)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_remove_css_class (label, "heading");
    }
}

static void
on_view_activated (GtkListBox *list, GtkListBoxRow *row, MgViewsPanel *self)
{
  if (self->n_views > 0)
    mg_lens_controller_apply_view (self->controller, (guint) gtk_list_box_row_get_index (row));
}

static void
on_save_response (AdwMessageDialog *dialog, const char *response, MgViewsPanel *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "save") && *name != '\0')
    mg_lens_controller_save_view (self->controller, name);
}

static void
on_entry_activate (GtkEntry *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_save_clicked (GtkButton *button, MgViewsPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *suggested = g_strdup_printf (_("View %u"), self->n_views + 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Current View"),
                                                       _("Lenses, filters, focus and framing are "
                                                         "saved with the map.")));
  gtk_editable_set_text (GTK_EDITABLE (entry), suggested);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- top brokers ------------------------------------------------------------------------ */

static void
fill_brokers (MgViewsPanel *self)
{
  guint n = 0;
  const double *values = mg_lens_controller_get_betweenness (self->controller, &n);
  MgMap *map = mg_document_get_map (self->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->brokers))) != NULL)
    gtk_list_box_remove (self->brokers, child);
  self->n_brokers = 0;
  if (map == NULL || values == NULL || n != mg_map_get_actors (map)->len)
    {
      gtk_label_set_text (GTK_LABEL (self->brokers_status),
                          map != NULL ? _("Computing betweenness…") : "");
      return;
    }
  {
    g_autoptr (GPtrArray) top = mg_metrics_top_brokers (map, values, N_BROKERS);

    for (guint i = 0; i < top->len; i++)
      {
        MgActor *a = g_ptr_array_index (top, i);
        GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *name = gtk_label_new (a->label != NULL ? a->label : a->id);
        g_autofree char *text = g_strdup_printf ("%.1f", values[a->index]);
        GtkWidget *value = gtk_label_new (text);

        gtk_widget_set_hexpand (name, TRUE);
        gtk_label_set_xalign (GTK_LABEL (name), 0);
        gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
        gtk_widget_set_margin_start (name, 6);
        gtk_widget_set_margin_end (value, 6);
        gtk_widget_set_margin_top (row, 6);
        gtk_widget_set_margin_bottom (row, 6);
        gtk_widget_add_css_class (value, "numeric");
        gtk_widget_add_css_class (value, "dim-label");
        gtk_box_append (GTK_BOX (row), name);
        gtk_box_append (GTK_BOX (row), value);
        g_object_set_data_full (G_OBJECT (row), "actor-id", g_strdup (a->id), g_free);
        gtk_list_box_append (self->brokers, row);
      }
    self->n_brokers = top->len;
    gtk_label_set_text (GTK_LABEL (self->brokers_status),
                        top->len > 0 ? _("Actors on most shortest paths between others")
                                     : _("No actor links others"));
  }
}

static void
on_broker_activated (GtkListBox *list, GtkListBoxRow *row, MgViewsPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "actor-id");
  MgMap *map = mg_document_get_map (self->document);
  MgActor *actor = map != NULL && id != NULL ? mg_map_lookup_actor (map, id) : NULL;

  if (actor != NULL)
    mg_selection_select_actor (mg_document_get_selection (self->document), actor, MG_SELECT_REPLACE);
}

/* ---- widget ----------------------------------------------------------------------------- */

static void
on_views_changed (MgLensController *controller, MgViewsPanel *self)
{
  fill_views (self);
}

static void
on_metrics_changed (MgLensController *controller, MgViewsPanel *self)
{
  fill_brokers (self);
}

guint
mg_views_panel_get_n_views (MgViewsPanel *self)
{
  g_return_val_if_fail (MG_IS_VIEWS_PANEL (self), 0);
  return self->n_views;
}

guint
mg_views_panel_get_n_brokers (MgViewsPanel *self)
{
  g_return_val_if_fail (MG_IS_VIEWS_PANEL (self), 0);
  return self->n_brokers;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
mg_views_panel_dispose (GObject *object)
{
  MgViewsPanel *self = MG_VIEWS_PANEL (object);

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);
  g_clear_object (&self->document);
  g_clear_pointer (&self->deleted, mg_view_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (mg_views_panel_parent_class)->dispose (object);
}

static void
mg_views_panel_class_init (MgViewsPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *const actions[] = { "views.update", "views.edit", "views.up", "views.down",
                                  "views.delete" };

  G_OBJECT_CLASS (klass)->dispose = mg_views_panel_dispose;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], "u", view_action);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mg_views_panel_init (MgViewsPanel *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Current View…"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), heading (_("Saved Views")));
  self->views = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->views), "boxed-list");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->views),
                               _("Click a view to show it; in presentation mode, Page Down and "
                                 "Page Up step through them"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->views));
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_box_append (GTK_BOX (box), save);

  gtk_box_append (GTK_BOX (box), heading (_("Top Brokers")));
  self->brokers_status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->brokers_status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->brokers_status), TRUE);
  gtk_widget_add_css_class (self->brokers_status, "dim-label");
  gtk_box_append (GTK_BOX (box), self->brokers_status);
  self->brokers = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->brokers), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->brokers));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  self->box = scrolled;
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
}

GtkWidget *
mg_views_panel_new (MgLensController *controller, MgDocument *document)
{
  MgViewsPanel *self;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (controller), NULL);
  self = g_object_new (MG_TYPE_VIEWS_PANEL, NULL);
  self->controller = g_object_ref (controller);
  self->document = g_object_ref (document);
  g_signal_connect (self->views, "row-activated", G_CALLBACK (on_view_activated), self);
  g_signal_connect (self->brokers, "row-activated", G_CALLBACK (on_broker_activated), self);
  g_signal_connect (controller, "views-changed", G_CALLBACK (on_views_changed), self);
  g_signal_connect (controller, "metrics-changed", G_CALLBACK (on_metrics_changed), self);
  /* The current view's name is in bold. */
  g_signal_connect_swapped (controller, "settings-changed", G_CALLBACK (mark_current), self);
  fill_views (self);
  fill_brokers (self);
  return GTK_WIDGET (self);
}
