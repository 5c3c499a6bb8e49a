/* mg-window-present.c — what the window lays over the map for a room: the
 * caption of presentation mode (the view's name and note, the keys), the
 * on-screen legend switch, the chip that says a focus or filter is on, and
 * framing again when the window is maximised. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-metrics.h"
#include "mg-scene-bridge.h"
#include "mg-settings.h"
#include "mg-window-private.h"

/* How long the keys stay listed after entering presentation mode. */
#define HINT_SECONDS 8
#define CAPTION_MARGIN 16
#define BOTTOM_BAND 40

static void sync_legend_state (MgWindow *self);

/* ---- the caption ------------------------------------------------------------------------ */

/* Fits keep the map clear of the caption: it never covers the map. */
static void
update_insets (MgWindow *self)
{
  double top = 0;

  if (self->presentation && gtk_widget_get_visible (self->caption))
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
      int min_h, nat_h;

      gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL,
                          width > 0 ? MIN (width * 0.6, 900) : 900, &min_h, &nat_h, NULL, NULL);
      top = nat_h + CAPTION_MARGIN;
    }
  /* The bottom band is the floating controls' (zoom buttons, the chip
   * saying a filter is on): fits keep the map above it. */
  mg_canvas_set_fit_insets (self->canvas, 0, top, 0, BOTTOM_BAND);
}

static void
update_caption (MgWindow *self)
{
  int current = mg_lens_controller_get_current_view (self->lenses);
  g_autoptr (MgView) view = current >= 0 ? mg_lens_controller_copy_view (self->lenses, (guint) current)
                                         : NULL;
  g_autoptr (GPtrArray) views = mg_lens_controller_get_views (self->lenses);
  gboolean show_title = self->presentation && self->show_caption;
  g_autofree char *position = NULL;

  if (view != NULL)
    {
      gtk_label_set_text (self->caption_title, view->name);
      gtk_label_set_text (self->caption_note, view->note != NULL ? view->note : "");
      /* TRANSLATORS: the place of the view shown among the saved views. */
      position = g_strdup_printf (_("View %d of %u"), current + 1, views->len);
    }
  else
    {
      gtk_label_set_text (self->caption_title, mg_document_get_title (self->document));
      gtk_label_set_text (self->caption_note, "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->caption_title), show_title);
  gtk_widget_set_visible (GTK_WIDGET (self->caption_note),
                          show_title && *gtk_label_get_text (self->caption_note) != '\0');
  gtk_label_set_text (self->caption_position, position != NULL ? position : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_position), show_title && position != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->caption_hint), self->presentation && self->hint_source != 0);
  gtk_widget_set_visible (self->caption,
                          gtk_widget_get_visible (GTK_WIDGET (self->caption_title)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->caption_hint)));
  update_insets (self);
}

static gboolean
hide_hint (gpointer data)
{
  MgWindow *self = data;

  self->hint_source = 0;
  /* The map keeps its place: the space the hint took stays clear. */
  gtk_widget_set_visible (GTK_WIDGET (self->caption_hint), FALSE);
  gtk_widget_set_visible (self->caption, gtk_widget_get_visible (GTK_WIDGET (self->caption_title)));
  return G_SOURCE_REMOVE;
}

/* Fits the view shown (the current saved view's frame, else the whole
 * map) to the space the window now has. */
static void
queue_fit_current (MgWindow *self)
{
  int current = mg_lens_controller_get_current_view (self->lenses);
  MgRect rect;

  if (current >= 0 && mg_lens_controller_get_view_frame (self->lenses, (guint) current, &rect))
    mg_canvas_queue_fit_rect (self->canvas, &rect);
  else
    mg_canvas_queue_fit (self->canvas);
}

void
mg_window_presentation_changed (MgWindow *self)
{
  g_clear_handle_id (&self->hint_source, g_source_remove);
  if (self->presentation)
    self->hint_source = g_timeout_add_seconds (HINT_SECONDS, hide_hint, self);
  mg_canvas_set_legend_visible (self->canvas, self->presentation ? self->show_present_legend
                                                                 : self->show_legend);
  sync_legend_state (self);
  update_caption (self);
  queue_fit_current (self);
}

/* Steps to the next (@delta 1) or previous (-1) view.  The caption is set
 * first, so that the view's frame is fitted below it. */
static void
step_view (MgWindow *self, int delta)
{
  g_autoptr (GPtrArray) views = mg_lens_controller_get_views (self->lenses);

  if (views->len == 0)
    {
      gtk_label_set_text (self->caption_hint, _("This map has no saved views"));
      if (self->hint_source == 0)
        self->hint_source = g_timeout_add_seconds (HINT_SECONDS / 2, hide_hint, self);
      update_caption (self);
      return;
    }
  mg_lens_controller_step_view (self->lenses, delta);
}

static void
on_settings_changed (MgLensController *lenses, MgWindow *self)
{
  const MgFilter *filter = mg_lens_controller_get_filter (lenses);
  MgMap *map = mg_document_get_map (self->document);
  g_autofree char *text = map != NULL ? mg_scene_bridge_describe_filter (map, filter) : NULL;
  int current = mg_lens_controller_get_current_view (lenses);

  if (current != self->caption_view)
    {
      self->caption_view = current;
      update_caption (self);
    }
  /* The chip: what hides part of the map, with one click to show it all. */
  {
    MgLensSettings lens;
    gboolean hides;
    g_autofree char *label = NULL;

    mg_lens_controller_get_lens_settings (lenses, &lens);
    hides = lens.unmatched == MG_UNMATCHED_HIDE && lens.active != 0;
    if (text != NULL)
      label = filter->focus != NULL && filter->focus[0] != NULL
              ? g_strdup_printf (_("Focus and filters: %s"), text)
              : g_strdup_printf (_("Filtered: %s"), text);
    if (hides)
      {
        char *with = label != NULL ? g_strdup_printf ("%s · %s", label, _("unmatched hidden"))
                                   : g_strdup (_("Unmatched hidden"));

        g_free (label);
        label = with;
      }
    if (label != NULL)
      {
        gtk_label_set_text (self->chip_label, label);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->chip_label), label);
      }
    gtk_widget_set_visible (self->chip, label != NULL);
  }
}

static void
on_views_changed (MgLensController *lenses, MgWindow *self)
{
  self->caption_view = mg_lens_controller_get_current_view (lenses);
  update_caption (self);
}

static void
on_chip_clear (GtkButton *button, MgWindow *self)
{
  g_autoptr (MgFilter) none = mg_filter_new ();
  MgLensSettings lens;

  mg_lens_controller_get_lens_settings (self->lenses, &lens);
  if (lens.unmatched == MG_UNMATCHED_HIDE)
    {
      /* The lenses stay; what they do not match shows again, faded. */
      lens.unmatched = MG_UNMATCHED_FADE;
      mg_lens_controller_set_lens_settings (self->lenses, &lens);
    }
  mg_lens_controller_set_filter (self->lenses, none);
}

/* ---- keys ------------------------------------------------------------------------------- */

gboolean
mg_window_present_key (MgWindow *self, guint keyval, GdkModifierType state)
{
  if (!self->presentation || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      mg_window_set_presentation (self, FALSE);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_space:
      step_view (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_BackSpace:
      step_view (self, -1);
      return TRUE;
    case GDK_KEY_l:
    case GDK_KEY_L:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-legend", NULL);
      return TRUE;
    case GDK_KEY_t:
    case GDK_KEY_T:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-caption", NULL);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      queue_fit_current (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- switches --------------------------------------------------------------------------- */

/* The menu's check box follows the legend shown now. */
static void
sync_legend_state (MgWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "legend");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (mg_canvas_get_legend_visible (self->canvas)));
}

static void
legend_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  MgWindow *self = data;

  if (g_variant_get_boolean (value) != mg_canvas_get_legend_visible (self->canvas))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-legend", NULL);
}

/* Size by a measure: the scene's actors scaled by it, with a key in the
 * legend ("none" for every actor at its own size). */
static void
size_by_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  MgWindow *self = data;
  const char *metric = g_variant_get_string (value, NULL);
  MgScene *scene = mg_document_get_scene (self->document);
  MgMap *map = mg_document_get_map (self->document);

  g_simple_action_set_state (action, value);
  if (scene == NULL || map == NULL)
    return;
  if (mg_metrics_size_by_from_string (metric, &metric))
    {
      guint n = 0;
      g_autofree double *factors = mg_metrics_size_factors (map, metric, &n);

      mg_scene_set_size_by (scene, factors, n, mg_metrics_size_by_name (metric));
    }
  else
    mg_scene_set_size_by (scene, NULL, 0, NULL);
}

static void
on_map_changed_size_by (MgDocument *document, MgWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "size-by");

  /* A new map shows its actors at their own size. */
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string ("none"));
}

static void
show_legend_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GSettings *settings = mg_settings_get ();
  gboolean *flag = self->presentation ? &self->show_present_legend : &self->show_legend;

  *flag = !*flag;
  mg_canvas_set_legend_visible (self->canvas, *flag);
  sync_legend_state (self);
  if (settings != NULL)
    g_settings_set_boolean (settings, self->presentation ? "presentation-legend" : "show-legend", *flag);
  gtk_widget_action_set_enabled (widget, "win.show-legend", TRUE);
  if (self->presentation)
    queue_fit_current (self);
}

static void
show_caption_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GSettings *settings = mg_settings_get ();

  self->show_caption = !self->show_caption;
  if (settings != NULL)
    g_settings_set_boolean (settings, "presentation-caption", self->show_caption);
  update_caption (self);
  if (self->presentation)
    queue_fit_current (self);
}

gboolean
mg_window_get_legend_shown (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), FALSE);
  return mg_canvas_get_legend_visible (self->canvas);
}

const char *
mg_window_get_filter_chip (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return gtk_widget_get_visible (self->chip) ? gtk_label_get_text (self->chip_label) : NULL;
}

void
mg_window_clear_filter_chip (MgWindow *self)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  on_chip_clear (NULL, self);
}

const char *
mg_window_get_caption_title (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (self->caption) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->caption_title)))
    return NULL;
  return gtk_label_get_text (self->caption_title);
}

void
mg_window_class_init_present (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-legend", NULL, show_legend_action);
  gtk_widget_class_install_action (widget_class, "win.show-caption", NULL, show_caption_action);
}

/* ---- maximised, remembered -------------------------------------------------------------- */

static void
on_maximized (MgWindow *self, GParamSpec *pspec, gpointer data)
{
  GSettings *settings = mg_settings_get ();

  /* Before it is shown the window says "not maximised" while asking for
   * it: only what the window manager did counts. */
  if (settings != NULL && !self->presentation && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (mg_document_get_map (self->document) != NULL)
    queue_fit_current (self);
}

static void
on_default_size (MgWindow *self, GParamSpec *pspec, gpointer data)
{
  GSettings *settings = mg_settings_get ();
  int width, height;

  /* The size to come back to: never the maximised or full-screen one. */
  if (settings == NULL || self->presentation || gtk_window_is_maximized (GTK_WINDOW (self)) ||
      gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    g_settings_set (settings, "window-size", "(ii)", width, height);
}

/* Asked before the window is shown, some window managers (openbox) drop
 * the request: asked again once it is on screen. */
static void
on_first_map (MgWindow *self, gpointer data)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, data);
  if (GPOINTER_TO_INT (data))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* ---- building --------------------------------------------------------------------------- */

static GtkLabel *
caption_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

void
mg_window_init_present (MgWindow *self)
{
  GtkOverlay *overlay = GTK_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (self->canvas)));
  GSettings *settings = mg_settings_get ();
  GtkWidget *clear;

  self->show_legend = TRUE;
  self->show_present_legend = TRUE;
  self->show_caption = TRUE;
  self->caption_view = -1;
  if (settings != NULL)
    {
      self->show_legend = g_settings_get_boolean (settings, "show-legend");
      self->show_present_legend = g_settings_get_boolean (settings, "presentation-legend");
      self->show_caption = g_settings_get_boolean (settings, "presentation-caption");
    }
  mg_canvas_set_legend_visible (self->canvas, self->show_legend);
  {
    static const GActionEntry entries[] = {
      { "legend", NULL, NULL, "true", legend_change_state, { 0 } },
      { "size-by", NULL, "s", "'none'", size_by_change_state, { 0 } },
    };

    self->view_actions = g_simple_action_group_new ();
    g_action_map_add_action_entries (G_ACTION_MAP (self->view_actions), entries,
                                     G_N_ELEMENTS (entries), self);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (self->view_actions));
    sync_legend_state (self);
    g_signal_connect_object (self->document, "map-changed", G_CALLBACK (on_map_changed_size_by),
                             self, 0);
  }

  self->caption = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_halign (self->caption, GTK_ALIGN_START);
  gtk_widget_set_valign (self->caption, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->caption, CAPTION_MARGIN);
  gtk_widget_set_margin_top (self->caption, CAPTION_MARGIN);
  gtk_widget_set_can_target (self->caption, FALSE);
  gtk_widget_add_css_class (self->caption, "present-caption");
  self->caption_title = caption_label ("present-title");
  self->caption_note = caption_label ("present-note");
  self->caption_position = caption_label ("present-position");
  self->caption_hint = caption_label ("present-hint");
  gtk_label_set_text (self->caption_hint,
                      _("Esc or F11: leave · Page Down, Page Up: next or previous view · "
                        "L: legend · T: caption · 0: fit"));
  gtk_box_append (GTK_BOX (self->caption), GTK_WIDGET (self->caption_title));
  gtk_box_append (GTK_BOX (self->caption), GTK_WIDGET (self->caption_note));
  gtk_box_append (GTK_BOX (self->caption), GTK_WIDGET (self->caption_position));
  gtk_box_append (GTK_BOX (self->caption), GTK_WIDGET (self->caption_hint));
  gtk_widget_set_visible (self->caption, FALSE);
  gtk_overlay_add_overlay (overlay, self->caption);

  self->chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->chip, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->chip, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (self->chip, 12);
  gtk_widget_add_css_class (self->chip, "filter-chip");
  self->chip_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->chip_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->chip_label, 60);
  gtk_widget_set_margin_start (GTK_WIDGET (self->chip_label), 10);
  clear = gtk_button_new_with_mnemonic (_("_Show All"));
  gtk_widget_set_tooltip_text (clear, _("Clear the focus and filters"));
  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect (clear, "clicked", G_CALLBACK (on_chip_clear), self);
  gtk_box_append (GTK_BOX (self->chip), GTK_WIDGET (self->chip_label));
  gtk_box_append (GTK_BOX (self->chip), clear);
  gtk_widget_set_visible (self->chip, FALSE);
  gtk_overlay_add_overlay (overlay, self->chip);

  g_signal_connect (self->lenses, "settings-changed", G_CALLBACK (on_settings_changed), self);
  g_signal_connect (self->lenses, "views-changed", G_CALLBACK (on_views_changed), self);
  g_signal_connect (self, "map", G_CALLBACK (on_first_map),
                    GINT_TO_POINTER (settings != NULL &&
                                     g_settings_get_boolean (settings, "window-maximized")));
  g_signal_connect (self, "notify::maximized", G_CALLBACK (on_maximized), NULL);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_size), NULL);
  g_signal_connect (self, "notify::default-height", G_CALLBACK (on_default_size), NULL);
  update_insets (self);
}

void
mg_window_dispose_present (MgWindow *self)
{
  g_clear_handle_id (&self->hint_source, g_source_remove);
  if (self->lenses != NULL)
    g_signal_handlers_disconnect_by_data (self->lenses, self);
  g_clear_object (&self->view_actions);
}
