/* mg-window.c — the window: states (empty, opening, map), loading off the
 * main thread, title and unsaved changes, closing, drag and drop. */
#include "config.h"

#include "mg-resources.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-a11y.h"
#include "mg-application.h"
#include "mg-settings.h"
#include "mg-window-private.h"


enum { PROP_0, PROP_PRESENTATION, PROP_PANEL_VISIBLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MgWindow, mg_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- the example map ------------------------------------------------------------- */

char *
mg_window_find_example_map (void)
{
  const char *env = g_getenv ("MAILLAGE_DATA_DIR");
  const char *const dirs[] = { env, PKGDATADIR, SOURCE_DATADIR };

  /* The environment first (tests, the run script), then the installed
   * copy, then the source tree (running from the build directory). */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      path = g_build_filename (dirs[i], "maps", "clermont-auvergne.graphml", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* ---- dialogs and toasts ------------------------------------------------------------ */

void
mg_window_add_toast (MgWindow *self, AdwToast *toast)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  /* Screen readers are told what the toast says (libadwaita 1.2 does not). */
  mg_a11y_announce (GTK_WIDGET (self->toast_overlay), adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_pending_dialog_destroy (GtkWidget *dialog, MgWindow *self)
{
  if (self->pending_dialog == ADW_MESSAGE_DIALOG (dialog))
    self->pending_dialog = NULL;
}

void
mg_window_set_pending_dialog (MgWindow *self, AdwMessageDialog *dialog)
{
  self->pending_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_pending_dialog_destroy), self, 0);
}

AdwMessageDialog *
mg_window_get_pending_dialog (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return self->pending_dialog;
}

void
mg_window_show_error (MgWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- state and title ------------------------------------------------------------------ */

static void
update_title (MgWindow *self)
{
  const char *title = mg_document_get_title (self->document);
  GFile *file = mg_document_get_file (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;

  if (mg_document_get_state (self->document) != MG_DOCUMENT_READY)
    {
      adw_window_title_set_title (self->window_title, "Maillage");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Maillage");
      return;
    }
  /* "• Title" says "unsaved", as GNOME Text Editor does. */
  shown = mg_document_get_modified (self->document) ? g_strdup_printf ("• %s", title)
                                                     : g_strdup (title);
  if (file != NULL)
    {
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *dir = parent ? g_file_get_parse_name (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (dir != NULL && g_str_has_prefix (dir, home))
        subtitle = g_strconcat ("~", dir + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&dir);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

/* The map's tools only show with a map: the empty window stays calm. */
static void
show_map_tools (MgWindow *self, gboolean visible)
{
  GtkWidget *tools[] = { self->save_button, self->undo_box, self->search_button,
                         self->export_button, GTK_WIDGET (self->layout_button),
                         GTK_WIDGET (self->panel_button) };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    gtk_widget_set_visible (tools[i], visible);
  if (self->lens_bar != NULL)
    gtk_widget_set_visible (self->lens_bar, visible);
}

/* While a map opens or is laid out, the window shows how long it has been,
 * updated twice a second: no spinner.  A spinner animates at every frame,
 * and without a GPU GTK's OpenGL renderer draws each one in software (half
 * the processor time of opening a 5,000-actor map went there). */
static gboolean
busy_tick (gpointer data)
{
  MgWindow *self = data;
  guint seconds = (guint) ((g_get_monotonic_time () - self->busy_since) / G_USEC_PER_SEC);
  /* Translators: seconds elapsed while a map opens or is laid out. */
  g_autofree char *text = g_strdup_printf (_("%u s"), seconds);

  gtk_label_set_text (self->loading_elapsed, seconds > 0 ? text : "");
  gtk_label_set_text (self->layout_elapsed, seconds > 0 ? text : "");
  return G_SOURCE_CONTINUE;
}

static void
update_busy (MgWindow *self)
{
  gboolean busy = mg_document_get_state (self->document) == MG_DOCUMENT_LOADING ||
                  mg_document_get_layout_running (self->document);

  if (busy && self->busy_timer == 0)
    {
      self->busy_since = g_get_monotonic_time ();
      self->busy_timer = g_timeout_add (500, busy_tick, self);
      busy_tick (self);
    }
  else if (!busy)
    g_clear_handle_id (&self->busy_timer, g_source_remove);
}

void
mg_window_update_state (MgWindow *self)
{
  show_map_tools (self, mg_document_get_map (self->document) != NULL &&
                        mg_document_get_state (self->document) == MG_DOCUMENT_READY);
  switch (mg_document_get_state (self->document))
    {
    case MG_DOCUMENT_LOADING:
      gtk_stack_set_visible_child_name (self->stack, "loading");
      mg_a11y_announce (GTK_WIDGET (self->stack), _("Opening…"));
      break;
    case MG_DOCUMENT_READY:
      gtk_stack_set_visible_child_name (self->stack, "map");
      mg_a11y_announce (GTK_WIDGET (self->stack), C_("a11y", "Map open"));
      break;
    case MG_DOCUMENT_EMPTY:
    case MG_DOCUMENT_FAILED:
    default:
      gtk_stack_set_visible_child_name (self->stack, "empty");
      mg_a11y_announce (GTK_WIDGET (self->stack), NULL);
      break;
    }
  update_busy (self);
  update_title (self);
  mg_window_update_actions (self);
}

/* What participants add during a session is marked "workshop": always,
 * never, or (the default) in presentation mode, when the map is projected
 * in front of the room. */
static void
update_new_provenance (MgWindow *self)
{
  GSettings *settings = mg_settings_get ();
  g_autofree char *when = settings != NULL ? g_settings_get_string (settings, "workshop-provenance")
                                           : g_strdup ("presentation");
  MgUndoStack *undo = mg_document_get_undo_stack (self->document);
  gboolean mark = g_str_equal (when, "always") ||
                  (g_str_equal (when, "presentation") && self->presentation);

  if (undo != NULL)
    mg_undo_stack_set_new_provenance (undo, mark ? "workshop" : NULL);
}

static void
on_workshop_setting_changed (GSettings *settings, const char *key, MgWindow *self)
{
  update_new_provenance (self);
}

static void
on_document_notify (MgDocument *document, GParamSpec *pspec, MgWindow *self)
{
  update_new_provenance (self);
  if (g_str_equal (pspec->name, "layout-running"))
    {
      gboolean running = mg_document_get_layout_running (document);

      gtk_revealer_set_reveal_child (self->layout_revealer, running);
      update_busy (self);
      mg_window_update_actions (self);
      return;
    }
  mg_window_update_state (self);
}

static void
on_layout_finished (MgDocument *document, const char *message, MgWindow *self)
{
  g_autoptr (AdwToast) toast = NULL;

  if (message == NULL)
    {
      /* Everything moved: show the whole new map. */
      mg_canvas_zoom_to_fit (self->canvas);
      return;
    }
  /* Refusals ("too large for dot") and Graphviz errors, in plain words. */
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  mg_window_add_toast (self, g_steal_pointer (&toast));
}

static void
on_layout_notes (MgDocument *document, GStrv notes, MgWindow *self)
{
  AdwToast *toast;

  if (notes == NULL || notes[0] == NULL)
    return;
  toast = adw_toast_new (notes[0]);
  adw_toast_set_timeout (toast, 6);
  mg_window_add_toast (self, toast);
}

/* ---- closing -------------------------------------------------------------------------------- */

/* Closes after the dialog that asked has gone: destroying its parent
 * while it is still answering would leave it pointing at a dead window. */
static gboolean
close_when_idle (gpointer data)
{
  MgWindow *self = data;

  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog, const char *response, MgWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "discard"))
    {
      mg_document_discard_recovery (self->document);
      g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      if (mg_document_get_file (self->document) == NULL)
        {
          self->close_after_save = TRUE;
          mg_window_save_as (self);
        }
      else if (mg_document_save (self->document, NULL, &error))
        g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
      else
        mg_window_show_error (self, _("Cannot Save the Map"), error->message);
    }
}

static void
save_window_size (MgWindow *self)
{
  GSettings *settings = mg_settings_get ();
  int width, height;

  if (settings == NULL || self->presentation)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  /* The size to come back to, not the maximised one. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
mg_window_close_request (GtkWindow *window)
{
  MgWindow *self = MG_WINDOW (window);
  GtkWidget *dialog;

  if (!self->force_close && mg_document_get_modified (self->document))
    {
      if (self->pending_dialog != NULL)
        {
          gtk_window_present (GTK_WINDOW (self->pending_dialog));
          return TRUE;
        }
      dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has unsaved changes. If you don’t save, they will be lost."),
                                      mg_document_get_title (self->document));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
      mg_window_set_pending_dialog (self, ADW_MESSAGE_DIALOG (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  save_window_size (self);
  return GTK_WINDOW_CLASS (mg_window_parent_class)->close_request (window);
}

/* ---- presentation and the side panel ----------------------------------------------------- */

void
mg_window_set_presentation (MgWindow *self, gboolean presentation)
{
  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  /* Projectors: the map alone, full screen, with bigger labels. */
  if (presentation)
    {
      self->panel_before_presentation = adw_flap_get_reveal_flap (self->flap);
      adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      adw_flap_set_reveal_flap (self->flap, self->panel_before_presentation);
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  gtk_revealer_set_reveal_child (self->header_revealer, !presentation);
  g_object_set (self->canvas, "presentation", presentation, NULL);
  /* Nothing but the map on the projector: zooming stays on the wheel,
   * the keyboard and gestures. */
  gtk_widget_set_visible (self->tool_box, !presentation);
  gtk_widget_set_visible (self->zoom_box, !presentation);
  /* The view fills the screen it now has, below the caption that lists
   * the keys (never a toast over the map). */
  mg_window_presentation_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
  update_new_provenance (self);
}

static void
on_flap_reveal (AdwFlap *flap, GParamSpec *pspec, MgWindow *self)
{
  GSettings *settings = mg_settings_get ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL_VISIBLE]);
  if (settings != NULL && !self->presentation && !adw_flap_get_folded (flap))
    g_settings_set_boolean (settings, "side-panel-visible", adw_flap_get_reveal_flap (flap));
}

/* ---- layout settings ------------------------------------------------------------------------- */

static void
on_engine_selected (GtkDropDown *dropdown, GParamSpec *pspec, MgWindow *self)
{
  guint engine = gtk_drop_down_get_selected (dropdown);
  GSettings *settings = mg_settings_get ();

  if (engine >= MG_LAYOUT_N_ENGINES)
    return;
  mg_document_set_layout_engine (self->document, engine);
  if (settings != NULL)
    g_settings_set_string (settings, "layout-engine", mg_layout_engine_to_string (engine));
}

static void
on_group_selected (GtkDropDown *dropdown, GParamSpec *pspec, MgWindow *self)
{
  guint level = gtk_drop_down_get_selected (dropdown);
  GSettings *settings = mg_settings_get ();

  if (level > 3)
    return;
  mg_document_set_group_level (self->document, level);
  if (settings != NULL)
    g_settings_set_uint (settings, "group-level", level);
}

static void
on_tool_toggled (GtkToggleButton *button, MgWindow *self)
{
  mg_canvas_set_tool (self->canvas, gtk_toggle_button_get_active (self->link_tool)
                                    ? MG_CANVAS_TOOL_LINK : MG_CANVAS_TOOL_SELECT);
}

/* An actor chosen in the list or by the search: shown on the map, where
 * the keyboard travel goes on from. */
static void
on_actor_activated (MgActorList *list, MgActor *actor, MgWindow *self)
{
  mg_canvas_set_focus_actor (self->canvas, actor);
  mg_canvas_show_actor (self->canvas, actor);
}

/* The zoom buttons float over the canvas, outside it: its "canvas.zoom-…"
 * actions do not reach them.  The window answers them for it, so that
 * the buttons are live (and reachable with Tab). */
static void
forward_zoom_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), action_name, NULL);
}

static void
on_canvas_tool (MgCanvas *canvas, GParamSpec *pspec, MgWindow *self)
{
  gboolean link = mg_canvas_get_tool (canvas) == MG_CANVAS_TOOL_LINK;

  if (gtk_toggle_button_get_active (self->link_tool) != link)
    gtk_toggle_button_set_active (link ? self->link_tool : self->select_tool, TRUE);
}

/* ---- GObject ------------------------------------------------------------------------------------ */

static void
mg_window_dispose (GObject *object)
{
  MgWindow *self = MG_WINDOW (object);

  g_clear_handle_id (&self->busy_timer, g_source_remove);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  mg_window_dispose_present (self);
  g_clear_object (&self->lenses);
  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_WINDOW);
  G_OBJECT_CLASS (mg_window_parent_class)->dispose (object);
}

static void
mg_window_finalize (GObject *object)
{
  MgWindow *self = MG_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->load_cancellable);
  G_OBJECT_CLASS (mg_window_parent_class)->finalize (object);
}

static void
mg_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgWindow *self = MG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_PANEL_VISIBLE:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MgWindow *self = MG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION:
      mg_window_set_presentation (self, g_value_get_boolean (value));
      break;
    case PROP_PANEL_VISIBLE:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_window_class_init (MgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mg_window_dispose;
  object_class->finalize = mg_window_finalize;
  object_class->get_property = mg_window_get_property;
  object_class->set_property = mg_window_set_property;
  window_class->close_request = mg_window_close_request;

  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PANEL_VISIBLE] =
    g_param_spec_boolean ("panel-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MG_TYPE_CANVAS);
  g_type_ensure (MG_TYPE_ACTOR_LIST);
  g_type_ensure (MG_TYPE_INSPECTOR);

  mg_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/maillage/Maillage/mg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, layout_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, loading_elapsed);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, example_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, tool_box);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, select_tool);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, link_tool);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, layout_revealer);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, layout_elapsed);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, inspector);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_recent_activated",
                                                G_CALLBACK (mg_window_on_recent_activated));
  gtk_widget_class_bind_template_callback (widget_class, on_tool_toggled);

  mg_window_class_init_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, forward_zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, forward_zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, forward_zoom_action);
  mg_window_class_init_present (widget_class);
}

static void
apply_settings (MgWindow *self)
{
  GSettings *settings = mg_settings_get ();
  g_autofree char *engine_name = NULL;
  MgLayoutEngine engine = MG_LAYOUT_ENGINE_AUTO;
  int width, height;

  if (settings == NULL)
    return;
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (settings, "side-panel-visible"));
  engine_name = g_settings_get_string (settings, "layout-engine");
  mg_layout_engine_from_string (engine_name, &engine);
  gtk_drop_down_set_selected (self->engine_dropdown, engine);
  gtk_drop_down_set_selected (self->group_dropdown, MIN (g_settings_get_uint (settings, "group-level"), 3));
}

static void
mg_window_init (MgWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = mg_document_new ();
  g_signal_connect (self->document, "notify", G_CALLBACK (on_document_notify), self);
  g_signal_connect (self->document, "layout-finished", G_CALLBACK (on_layout_finished), self);
  g_signal_connect (self->document, "layout-notes", G_CALLBACK (on_layout_notes), self);
  mg_canvas_set_document (self->canvas, self->document);
  mg_actor_list_set_document (self->actor_list, self->document);
  mg_inspector_set_document (self->inspector, self->document);
  mg_window_init_lenses (self);
  mg_window_init_present (self);
  mg_window_init_palette (self);

  g_signal_connect (self->engine_dropdown, "notify::selected", G_CALLBACK (on_engine_selected), self);
  g_signal_connect (self->group_dropdown, "notify::selected", G_CALLBACK (on_group_selected), self);
  g_signal_connect (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal), self);
  g_signal_connect (self->canvas, "notify::tool", G_CALLBACK (on_canvas_tool), self);
  g_signal_connect (self->actor_list, "actor-activated", G_CALLBACK (on_actor_activated), self);
  g_object_bind_property (self->flap, "reveal-flap", self->panel_button, "active",
                          G_BINDING_SYNC_CREATE);
  mg_a11y_set_label (GTK_WIDGET (self->engine_dropdown), C_("a11y", "Layout Engine"));
  mg_a11y_set_label (GTK_WIDGET (self->group_dropdown), C_("a11y", "Group By"));
  mg_a11y_follow_pressed (self->panel_button);
  mg_a11y_follow_pressed (self->select_tool);
  mg_a11y_follow_pressed (self->link_tool);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "drop", G_CALLBACK (mg_window_on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  {
    g_autofree char *example = mg_window_find_example_map ();
    gtk_widget_set_visible (self->example_button, example != NULL);
  }
  apply_settings (self);
  if (mg_settings_get () != NULL)
    g_signal_connect_object (mg_settings_get (), "changed::workshop-provenance",
                             G_CALLBACK (on_workshop_setting_changed), self, 0);
  update_new_provenance (self);
  mg_window_fill_recent (self);
  mg_window_init_actions (self);
  mg_window_update_state (self);
}

MgWindow *
mg_window_new (GtkApplication *application)
{
  return g_object_new (MG_TYPE_WINDOW, "application", application, NULL);
}

MgDocument *
mg_window_get_document (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return self->document;
}

MgCanvas *
mg_window_get_canvas (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return self->canvas;
}

MgInspector *
mg_window_get_inspector (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return self->inspector;
}

MgActorList *
mg_window_get_actor_list (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return self->actor_list;
}
