/* mg-window-lenses.c — plugs the lenses, filters, saved views and metrics
 * into the window: the lens toggles in the header bar, the "Filters" and
 * "Views" pages of the side panel, the 1–4 keys, and stepping through views
 * with a presentation clicker. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-filter-panel.h"
#include "mg-lens-bar.h"
#include "mg-report-panel.h"
#include "mg-views-panel.h"
#include "mg-window-private.h"

/* How long a view's name stays on screen after stepping to it. */
#define VIEW_NAME_SECONDS 2

/* Out of presentation mode (where the caption shows it), stepping to a view
 * says its name in a toast, which screen readers announce too. */
static void
announce_view (MgWindow *self, const char *name)
{
  AdwToast *toast;

  if (name == NULL)
    {
      mg_window_add_toast (self, adw_toast_new (_("This map has no saved views")));
      return;
    }
  toast = adw_toast_new (name);
  adw_toast_set_timeout (toast, VIEW_NAME_SECONDS);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  mg_window_add_toast (self, toast);
}

/* Clickers send Page Down / Page Up; arrows do the same while presenting,
 * and Esc leaves (mg-window-present.c).  Captured before the canvas, which
 * pans with the arrows and clears the selection with Esc otherwise. */
static gboolean
on_key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode,
                GdkModifierType state, MgWindow *self)
{
  return mg_window_present_key (self, keyval, state);
}

/* Out of presentation, Page Down / Page Up step through the views when
 * nothing focused takes them first (lists scroll with them). */
static gboolean
on_key_pressed_bubble (GtkEventControllerKey *key, guint keyval, guint keycode,
                       GdkModifierType state, MgWindow *self)
{
  int delta;

  if (self->presentation || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      mg_document_get_map (self->document) == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Page_Down || keyval == GDK_KEY_KP_Page_Down)
    delta = 1;
  else if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up)
    delta = -1;
  else
    return FALSE;
  announce_view (self, mg_lens_controller_step_view (self->lenses, delta));
  return TRUE;
}

static void
add_lens_shortcuts (MgWindow *self)
{
  /* Bubble phase: a focused text entry takes the digits first. */
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  static const guint keys[MG_N_LESSONS][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 },
    { GDK_KEY_3, GDK_KEY_KP_3 }, { GDK_KEY_4, GDK_KEY_KP_4 },
  };

  for (guint l = 0; l < MG_N_LESSONS; l++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *action = g_strdup_printf ("lens.%s", mg_lesson_info (l)->id);

        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                              gtk_shortcut_new (gtk_keyval_trigger_new (keys[l][k], 0),
                                                                gtk_named_action_new (action)));
      }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* The side panel becomes three pages with a switcher: the actor list and
 * inspector as they were, the filters, the views and brokers. */
static void
build_side_pages (MgWindow *self)
{
  GtkWidget *map_page = adw_flap_get_flap (self->flap);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkStack *stack = GTK_STACK (gtk_stack_new ());

  g_object_ref (map_page);
  adw_flap_set_flap (self->flap, NULL);
  gtk_stack_add_titled (stack, map_page, "map", _("Actors"));
  g_object_unref (map_page);
  self->filter_panel = mg_filter_panel_new (self->lenses, self->document);
  gtk_stack_add_titled (stack, self->filter_panel, "filters", _("Filters"));
  self->views_panel = mg_views_panel_new (self->lenses, self->document);
  gtk_stack_add_titled (stack, self->views_panel, "views", _("Views"));
  gtk_stack_add_titled (stack, mg_report_panel_new (self->lenses, self->document), "report",
                        _("Report"));
  gtk_widget_set_vexpand (GTK_WIDGET (stack), TRUE);

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (stack));
  gtk_widget_add_css_class (box, "background");
  self->side_stack = stack;
  adw_flap_set_flap (self->flap, box);
}

void
mg_window_init_lenses (MgWindow *self)
{
  GtkEventController *key;
  GtkWidget *bar;

  self->lenses = mg_lens_controller_new (self->document, self->canvas);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "lens", mg_lens_controller_get_actions (self->lenses));

  bar = mg_lens_bar_new (mg_lens_controller_get_actions (self->lenses));
  gtk_widget_set_margin_start (bar, 12);
  adw_header_bar_pack_start (self->header_bar, bar);
  self->lens_bar = bar;
  gtk_widget_set_visible (bar, mg_document_get_state (self->document) == MG_DOCUMENT_READY);

  build_side_pages (self);
  mg_inspector_set_lens_controller (self->inspector, self->lenses);
  mg_actor_list_add_metric_columns (self->actor_list, self->lenses, self->document);
  add_lens_shortcuts (self);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_bubble), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

MgLensController *
mg_window_get_lens_controller (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return self->lenses;
}

GtkWidget *
mg_window_get_side_page (MgWindow *self, const char *name)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return gtk_stack_get_child_by_name (self->side_stack, name);
}
