/* test-app-a11y.c — keyboard-only use and the screen reader: every control
 * has an accessible name, Tab leaves the notes, Enter in the search selects,
 * arrow keys walk the canvas from actor to actor and Space selects, and the
 * canvas tells which actor has the keyboard focus.
 *
 * Runs with GTK's test accessibility backend (GTK_A11Y=test) so that the
 * accessible properties can be read back. */
#include "config.h"

#include <gtk/gtk.h>

#include "mg-application.h"
#include "mg-canvas-private.h"
#include "mg-window.h"

#include "app-test-util.h"

/* ---- helpers ---------------------------------------------------------------------------- */

/* Runs the shortcuts of @controller triggered by @keyval with exactly
 * @state, as GTK does for a key press; TRUE when one acted. */
static gboolean
run_shortcuts (GtkShortcutController *controller, guint keyval, GdkModifierType state)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != state)
        continue;
      if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                        GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                        gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
deliver_to (GtkWidget *widget, GtkPropagationPhase phase, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (c) != phase)
        continue;
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (c))
        handled = run_shortcuts (GTK_SHORTCUT_CONTROLLER (c), keyval, state);
    }
  return handled;
}

/* A key press delivered to the focus widget of @window as GTK delivers it:
 * key controllers and shortcuts, capture phase from the window down, then
 * bubble phase back up.  (GTK 4.8 has no public way to synthesize an event;
 * input methods are left out.)  TRUE when something handled it. */
static G_GNUC_UNUSED gboolean
press_key (GtkWindow *window, guint keyval, GdkModifierType state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  g_assert_nonnull (focus);
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len && !handled; i++)
    handled = deliver_to (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, state);
  for (guint i = path->len; i > 0 && !handled; i--)
    {
      handled = deliver_to (g_ptr_array_index (path, i - 1), GTK_PHASE_TARGET, keyval, state);
      if (!handled)
        handled = deliver_to (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, state);
    }
  flush_events ();
  return handled;
}

/* ---- every control has a name ------------------------------------------------------------ */

/* TRUE when @widget is labelled by @target alone. */
static gboolean
labelled_by (GtkWidget *widget, GtkWidget *target)
{
  g_autofree char *differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                 target, NULL);
  return differs == NULL;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  /* GTK labels an icon button by its image, which screen readers announce
   * as "GtkImage": a name only when the image has one. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child) && labelled_by (widget, child))
      return gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* A menu button's or a drop-down's inner button is labelled by them. */
  if ((GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)) && labelled_by (widget, parent))
    return gtk_test_accessible_has_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
           gtk_test_accessible_has_relation (GTK_ACCESSIBLE (parent),
                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  return TRUE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget) ||
         GTK_IS_SPIN_BUTTON (widget);
}

static void
collect_unnamed (GtkWidget *widget, GString *unnamed, guint *n_controls)
{
  /* Reachable with Tab: focusable and allowed to take the focus. */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) && is_control (widget))
    {
      (*n_controls)++;
      if (!has_accessible_name (widget))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (widget);
          GtkWidget *parent = gtk_widget_get_parent (widget);

          g_string_append_printf (unnamed, "\n  %s (in %s %s, tooltip \"%s\", name \"%s\")",
                                  G_OBJECT_TYPE_NAME (widget),
                                  parent ? G_OBJECT_TYPE_NAME (parent) : "-",
                                  parent ? gtk_widget_get_name (parent) : "",
                                  tooltip ? tooltip : "", gtk_widget_get_name (widget));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_controls);
}

static void
assert_all_named (GtkWidget *root, const char *where)
{
  g_autoptr (GString) unnamed = g_string_new (NULL);
  guint n = 0;

  collect_unnamed (root, unnamed, &n);
  g_test_message ("%s: %u controls", where, n);
  if (unnamed->len > 0)
    g_error ("%s: controls without an accessible name:%s", where, unnamed->str);
}

static void
test_every_control_named (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  GPtrArray *actors = mg_map_get_actors (mg_document_get_map (document));
  GtkStack *side = GTK_STACK (gtk_widget_get_parent (mg_window_get_side_page (window, "filters")));

  g_object_set (window, "panel-visible", TRUE, NULL);
  /* An actor selected: the inspector shows its page. */
  mg_selection_select_actor (mg_document_get_selection (document),
                             g_ptr_array_index (actors, 0), MG_SELECT_REPLACE);
  flush_events ();
  assert_all_named (GTK_WIDGET (window), "window, actor selected");

  gtk_stack_set_visible_child_name (side, "filters");
  flush_events ();
  assert_all_named (GTK_WIDGET (window), "window, filters shown");
  gtk_stack_set_visible_child_name (side, "views");
  flush_events ();
  assert_all_named (GTK_WIDGET (window), "window, views shown");
  gtk_stack_set_visible_child_name (side, "map");

  /* A relation selected. */
  mg_selection_select_relation (mg_document_get_selection (document),
                                g_ptr_array_index (mg_map_get_relations (mg_document_get_map (document)), 0),
                                MG_SELECT_REPLACE);
  flush_events ();
  assert_all_named (GTK_WIDGET (window), "window, relation selected");
  destroy_window (window);
}

int
main (int argc, char **argv)
{
  int status;

  /* The test backend keeps accessible properties where tests can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/a11y/every-control-has-a-name", test_every_control_named);

  status = g_test_run ();
  app_test_teardown ();
  return status;
}
