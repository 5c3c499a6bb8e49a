/* test-app-a11y.c — keyboard-only use and the screen reader: every control
 * has an accessible name, Tab leaves the notes, Enter in the search selects,
 * arrow keys walk the canvas from actor to actor and Space selects, and the
 * canvas tells which actor has the keyboard focus.
 *
 * Runs with GTK's test accessibility backend (GTK_A11Y=test) so that the
 * accessible properties can be read back. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gtk/gtk.h>

#include "mg-actor-model.h"
#include "mg-application.h"
#include "mg-export-dialog.h"
#include "mg-canvas-private.h"
#include "mg-inspector-private.h"
#include "mg-window-private.h"

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
static gboolean
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

  /* The end of loading was told to screen readers. */
  {
    g_autofree char *differs =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (window->stack),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Map open");
    g_assert_null (differs);
  }
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

  /* The export dialog. */
  {
    GtkWidget *dialog = mg_export_dialog_new (window);

    gtk_window_present (GTK_WINDOW (dialog));
    flush_events ();
    assert_all_named (dialog, "export dialog");
    gtk_window_destroy (GTK_WINDOW (dialog));
    flush_events ();
  }
  destroy_window (window);
}

/* ---- Tab leaves the notes ---------------------------------------------------------------- */

static void
test_tab_leaves_notes (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgInspector *inspector = mg_window_get_inspector (window);
  GtkWidget *notes = GTK_WIDGET (inspector->notes_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (inspector->notes_view);
  MgActor *actor = g_ptr_array_index (mg_map_get_actors (mg_document_get_map (document)), 0);
  g_autofree char *before = NULL, *after = NULL;
  GtkWidget *focus;

  g_object_set (window, "panel-visible", TRUE, NULL);
  mg_selection_select_actor (mg_document_get_selection (document), actor, MG_SELECT_REPLACE);
  flush_events ();
  before = g_strdup (actor->notes ? actor->notes : "");
  g_assert_true (gtk_widget_grab_focus (notes));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == notes);

  /* Tab: out of the notes, nothing typed, nothing modified. */
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (focus == notes || gtk_widget_is_ancestor (focus, notes));
  after = mg_inspector_get_text (inspector->notes_view);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (actor->notes ? actor->notes : "", ==, before);
  g_assert_false (mg_document_get_modified (document));
  g_assert_null (strchr (after, '\t'));

  /* Shift+Tab likewise, backwards. */
  g_assert_true (gtk_widget_grab_focus (notes));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus == notes);
  g_clear_pointer (&after, g_free);
  after = mg_inspector_get_text (inspector->notes_view);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (mg_document_get_modified (document));

  /* Typing still edits, and leaving with Tab keeps it (undoable). */
  g_assert_true (gtk_widget_grab_focus (notes));
  gtk_text_buffer_set_text (buffer, "Vu au salon", -1);
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_cmpstr (actor->notes, ==, "Vu au salon");
  g_assert_true (mg_document_get_modified (document));
  destroy_window (window);
}

/* ---- Enter in the search ----------------------------------------------------------------- */

static void
test_search_enter_selects_first (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgSelection *selection = mg_document_get_selection (document);
  MgActorList *list = mg_window_get_actor_list (window);
  MgCanvas *canvas = mg_window_get_canvas (window);
  GListModel *shown = mg_actor_list_get_shown (list);
  GtkWidget *entry;
  g_autoptr (MgActorItem) first = NULL;
  double x, y;

  g_object_set (window, "panel-visible", TRUE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  flush_events ();
  entry = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (entry);
  g_assert_nonnull (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY));
  entry = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY);
  mg_canvas_zoom_by (canvas, 8);
  wait_for_frame (canvas);
  /* Typed, then Enter at once (before the entry reports the change). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "michelin");
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 1);
  g_assert_true (g_ptr_array_index (mg_selection_get_actors (selection), 0) ==
                 mg_actor_item_get_actor (first));
  /* Shown on the map, and where the keyboard goes on from. */
  g_assert_true (mg_canvas_get_focus_actor (canvas) == mg_actor_item_get_actor (first));
  g_assert_true (mg_canvas_actor_to_widget (canvas, mg_actor_item_get_actor (first), &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (canvas)));
  destroy_window (window);
}

/* ---- arrow keys on the canvas --------------------------------------------------------------- */

typedef struct {
  const char *id, *label, *role, *territory;
  double      x, y;
} Placed;

/*        N
 *   W    C  D    E      (D is nearer than E but too far down for Right)
 *        S              */
static const Placed small_map[] = {
  { "c", "Centre", "sme", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand", 0, 0 },
  { "e", "Michelin", "large-company", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand", 240, 10 },
  { "w", "Ouest", "university", NULL, -240, 0 },
  { "n", "Nord", "startup", NULL, 0, -240 },
  { "s", "Sud", NULL, NULL, 12, 240 },
  { "d", "Diagonale", "connector", NULL, 70, 130 },
};

static MgWindow *
open_small_map (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgWindow *window = mg_window_new (GTK_APPLICATION (app));
  MgDocument *document = mg_window_get_document (window);

  for (guint i = 0; i < G_N_ELEMENTS (small_map); i++)
    {
      MgActor *a = mg_map_add_actor (map, small_map[i].id);

      mg_map_set_actor_label (map, a, small_map[i].label);
      mg_map_set_actor_position (map, a, small_map[i].x, small_map[i].y);
      if (small_map[i].role)
        mg_map_set_actor_role (map, a, small_map[i].role);
      if (small_map[i].territory)
        mg_map_set_actor_territory (map, a, small_map[i].territory);
    }
  mg_map_add_relation (map, mg_map_lookup_actor (map, "c"), mg_map_lookup_actor (map, "e"), NULL, FALSE);
  mg_map_add_relation (map, mg_map_lookup_actor (map, "n"), mg_map_lookup_actor (map, "e"), NULL, FALSE);
  mg_map_set_actor_lessons (map, mg_map_lookup_actor (map, "e"),
                            MG_LESSON_BIT (MG_LESSON_VALORIZE) | MG_LESSON_BIT (MG_LESSON_LEARN));
  gtk_window_present (GTK_WINDOW (window));
  mg_document_set_map (document, map, NULL);
  wait_for_frame (mg_window_get_canvas (window));
  return window;
}

static const char *
focused_id (MgCanvas *canvas)
{
  MgActor *actor = mg_canvas_get_focus_actor (canvas);
  return actor ? actor->id : NULL;
}

static void
test_arrows_walk_the_canvas (void)
{
  MgWindow *window = open_small_map ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgSelection *selection = mg_document_get_selection (document);
  MgCanvas *canvas = mg_window_get_canvas (window);
  GtkWindow *gtk_window = GTK_WINDOW (window);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  mg_canvas_set_focus_actor (canvas, mg_map_lookup_actor (map, "c"));

  /* Right: E, although D is nearer (it lies too far down). */
  g_assert_true (press_key (gtk_window, GDK_KEY_Right, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "e");
  g_assert_true (mg_selection_is_empty (selection));
  /* Space selects it. */
  g_assert_true (press_key (gtk_window, GDK_KEY_space, 0));
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 1);
  g_assert_true (mg_selection_contains_actor (selection, mg_map_lookup_actor (map, "e")));
  /* Nothing further right: the focus stays. */
  press_key (gtk_window, GDK_KEY_Right, 0);
  g_assert_cmpstr (focused_id (canvas), ==, "e");

  /* Left from E: C, the nearest that way; Up: N; back Down: C; Down
   * again: S (D, 70 across for 130 along, scores 270; S, 12 across for
   * 240, scores 264); then Up and Left: W. */
  g_assert_true (press_key (gtk_window, GDK_KEY_Left, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "c");
  g_assert_true (press_key (gtk_window, GDK_KEY_Up, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "n");
  g_assert_true (press_key (gtk_window, GDK_KEY_Down, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "c");
  g_assert_true (press_key (gtk_window, GDK_KEY_Down, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "s");
  g_assert_true (press_key (gtk_window, GDK_KEY_Up, 0));
  g_assert_true (press_key (gtk_window, GDK_KEY_Left, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "w");
  /* Enter selects too, replacing. */
  g_assert_true (press_key (gtk_window, GDK_KEY_Return, 0));
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 1);
  g_assert_true (mg_selection_contains_actor (selection, mg_map_lookup_actor (map, "w")));

  /* Shift+arrow and Shift+Space extend the selection. */
  g_assert_true (press_key (gtk_window, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpstr (focused_id (canvas), ==, "c");
  g_assert_true (press_key (gtk_window, GDK_KEY_space, GDK_SHIFT_MASK));
  g_assert_true (press_key (gtk_window, GDK_KEY_Right, 0));
  g_assert_cmpstr (focused_id (canvas), ==, "e");
  g_assert_true (press_key (gtk_window, GDK_KEY_space, GDK_SHIFT_MASK));
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 3);
  g_assert_true (mg_selection_contains_actor (selection, mg_map_lookup_actor (map, "w")));
  g_assert_true (mg_selection_contains_actor (selection, mg_map_lookup_actor (map, "c")));
  g_assert_true (mg_selection_contains_actor (selection, mg_map_lookup_actor (map, "e")));
  /* Ctrl+Space takes it out again. */
  g_assert_true (press_key (gtk_window, GDK_KEY_space, GDK_CONTROL_MASK));
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 2);
  g_assert_false (mg_document_get_modified (document));
  destroy_window (window);
}

/* The focused actor is announced: name, role, territory, relations,
 * lessons; the canvas's label says what the map is. */
static void
test_canvas_announces_focus (void)
{
  MgWindow *window = open_small_map ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgCanvas *canvas = mg_window_get_canvas (window);
  const char *expected = "Michelin, large company, Auvergne-Rhône-Alpes / Puy-de-Dôme / "
                         "Clermont-Ferrand, 2 relations, lessons: valorizing resources, "
                         "learning from others";
  g_autofree char *selected = NULL;
  g_autofree char *differs = NULL;
  GtkWidget *popover;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  mg_canvas_set_focus_actor (canvas, mg_map_lookup_actor (map, "c"));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Right, 0));
  g_assert_cmpstr (mg_canvas_get_accessible_description (canvas), ==, expected);
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (differs);

  /* Selected: it says so. */
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_space, 0));
  selected = g_strconcat (expected, ", selected", NULL);
  g_assert_cmpstr (mg_canvas_get_accessible_description (canvas), ==, selected);

  /* A selection made elsewhere (the list) moves the focus and is told. */
  mg_selection_select_actor (mg_document_get_selection (document), mg_map_lookup_actor (map, "w"),
                             MG_SELECT_REPLACE);
  g_assert_cmpstr (focused_id (canvas), ==, "w");
  g_assert_cmpstr (mg_canvas_get_accessible_description (canvas), ==,
                   "Ouest, university, no territory, 0 relations, selected");

  /* The canvas's name: the map, its counts, the lenses on. */
  g_clear_pointer (&differs, g_free);
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Map, 6 actors, 2 relations, no lens on");
  g_assert_null (differs);
  gtk_widget_activate_action (GTK_WIDGET (window), "lens.care", NULL);
  flush_events ();
  g_clear_pointer (&differs, g_free);
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Map, 6 actors, 2 relations, lenses on: "
                                                "Caring for the territory");
  g_assert_null (differs);

  /* The Menu key opens the context menu on the focused actor. */
  popover = canvas->context_menu;
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Menu, 0));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
  destroy_window (window);
}

/* The lens toggles say whether they are on. */
static void
test_lens_toggles_pressed (void)
{
  MgWindow *window = open_small_map ();
  GtkWidget *toggle = NULL;
  g_autofree char *off = NULL, *on = NULL;
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, window);
  while (stack->len > 0 && toggle == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_TOGGLE_BUTTON (w) && g_str_equal (gtk_widget_get_name (w), "care"))
        toggle = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (toggle);
  off = gtk_test_accessible_check_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_PRESSED,
                                         GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_null (off);
  gtk_widget_activate_action (GTK_WIDGET (window), "lens.care", NULL);
  flush_events ();
  on = gtk_test_accessible_check_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_PRESSED,
                                        GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_null (on);
  destroy_window (window);
}

/* Page Down / Page Up step through the saved views from the canvas, and
 * the view's name is announced (the toast, told to screen readers). */
static void
test_page_keys_step_views (void)
{
  MgWindow *window = open_small_map ();
  MgLensController *lenses = mg_window_get_lens_controller (window);
  MgCanvas *canvas = mg_window_get_canvas (window);
  GtkWidget *overlay = gtk_widget_get_first_child (GTK_WIDGET (window));
  g_autofree char *differs = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "lens.care", NULL);
  mg_lens_controller_save_view (lenses, "Soin");
  gtk_widget_activate_action (GTK_WIDGET (window), "lens.care", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "lens.learn", NULL);
  mg_lens_controller_save_view (lenses, "Apprendre");
  flush_events ();
  while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
    overlay = gtk_widget_get_first_child (overlay);
  g_assert_nonnull (overlay);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Page_Down, 0));
  g_assert_cmpint (mg_lens_controller_get_current_view (lenses), ==, 0);
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (overlay),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Soin");
  g_assert_null (differs);
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Page_Down, 0));
  g_assert_cmpint (mg_lens_controller_get_current_view (lenses), ==, 1);
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Page_Up, 0));
  g_assert_cmpint (mg_lens_controller_get_current_view (lenses), ==, 0);
  /* The digits switch the lenses from the canvas. */
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_4, 0));
  {
    MgLensSettings settings;
    mg_lens_controller_get_lens_settings (lenses, &settings);
    g_assert_true (settings.active & MG_LESSON_BIT (MG_LESSON_LEARN));
  }
  destroy_window (window);
}

/* Tab steps over the actor list in one go (GTK 4.8 lists take it row by
 * row), and the zoom buttons over the canvas are live. */
static void
test_tab_leaves_actor_list (void)
{
  MgWindow *window = open_example ();
  MgActorList *list = mg_window_get_actor_list (window);
  GtkWidget *view = GTK_WIDGET (mg_actor_list_get_column_view (list));
  GtkWidget *focus, *zoom_in = NULL;
  GPtrArray *stack = g_ptr_array_new ();

  g_object_set (window, "panel-visible", TRUE, NULL);
  flush_events ();
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, view));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, view));
  /* And back: Shift+Tab from inside the list leaves it too. */
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  g_assert_true (press_key (GTK_WINDOW (window), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, view));

  g_ptr_array_add (stack, window);
  while (stack->len > 0 && zoom_in == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)),
                                           "canvas.zoom-in") == 0)
        zoom_in = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (zoom_in);
  g_assert_true (gtk_widget_is_sensitive (zoom_in));
  {
    MgCanvasViewport *viewport = mg_canvas_get_viewport (mg_window_get_canvas (window));
    double zoom = mg_canvas_viewport_get_zoom (viewport);
    g_signal_emit_by_name (zoom_in, "clicked");
    g_assert_cmpfloat (mg_canvas_viewport_get_zoom (viewport), >, zoom);
  }
  destroy_window (window);
}

static GtkWidget *
find_row_labelled (GtkWidget *widget, const char *label)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW)
    {
      g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     label);
      if (differs == NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The actor list reads each row as name, role and territory, and follows
 * edits: it is the map for a screen reader. */
static void
test_actor_list_rows_named (void)
{
  MgWindow *window = open_small_map ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  GtkWidget *view = GTK_WIDGET (mg_actor_list_get_column_view (mg_window_get_actor_list (window)));

  g_object_set (window, "panel-visible", TRUE, NULL);
  flush_events ();
  g_assert_nonnull (find_row_labelled (view, "Michelin, Large company, Auvergne-Rhône-Alpes / "
                                             "Puy-de-Dôme / Clermont-Ferrand"));
  g_assert_nonnull (find_row_labelled (view, "Sud, no role, no territory"));
  mg_map_set_actor_role (map, mg_map_lookup_actor (map, "s"), "sme");
  flush_events ();
  g_assert_nonnull (find_row_labelled (view, "Sud, SME, no territory"));
  destroy_window (window);
}

/* What the canvas draws of its focus ring, alone, on a transparent view. */
static cairo_surface_t *
draw_ring_alone (MgCanvas *canvas)
{
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  double zoom = mg_canvas_viewport_get_zoom (mg_canvas_get_viewport (canvas));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  MgRect visible;

  mg_canvas_viewport_get_visible_rect (mg_canvas_get_viewport (canvas), &visible);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  mg_canvas_draw_focus_ring (canvas, cr, &visible, zoom);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
alpha_at (cairo_surface_t *surface, int x, int y)
{
  const guchar *row = cairo_image_surface_get_data (surface) +
                      (gsize) y * cairo_image_surface_get_stride (surface);
  return ((const guint32 *) row)[x] >> 24;
}

static guint
ring_pixels (MgCanvas *canvas)
{
  cairo_surface_t *surface = draw_ring_alone (canvas);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += alpha_at (surface, x, y) != 0;
  cairo_surface_destroy (surface);
  return n;
}

/* The focus ring: drawn around the focused actor while the map has the
 * keyboard focus, outside its shape, and not otherwise. */
static void
test_focus_ring_drawn (void)
{
  MgWindow *window = open_small_map ();
  MgMap *map = mg_document_get_map (mg_window_get_document (window));
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgActor *michelin = mg_map_lookup_actor (map, "e");
  double x, y;

  mg_canvas_set_focus_actor (canvas, michelin);
  gtk_widget_grab_focus (GTK_WIDGET (mg_window_get_actor_list (window)));
  gtk_widget_child_focus (GTK_WIDGET (mg_window_get_actor_list (window)), GTK_DIR_TAB_FORWARD);
  flush_events ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (canvas)));
  g_assert_cmpuint (ring_pixels (canvas), ==, 0);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  g_assert_cmpuint (ring_pixels (canvas), >, 40);
  /* Around the actor, not on its centre. */
  g_assert_true (mg_canvas_actor_to_widget (canvas, michelin, &x, &y));
  {
    cairo_surface_t *surface = draw_ring_alone (canvas);
    g_assert_cmpuint (alpha_at (surface, (int) x, (int) y), ==, 0);
    cairo_surface_destroy (surface);
  }
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
  g_test_add_func ("/a11y/lens-toggles-tell-pressed", test_lens_toggles_pressed);
  g_test_add_func ("/a11y/screen-reader/actor-list-rows-named", test_actor_list_rows_named);
  g_test_add_func ("/a11y/keyboard/tab-leaves-notes-unchanged", test_tab_leaves_notes);
  g_test_add_func ("/a11y/keyboard/search-enter-selects-first", test_search_enter_selects_first);
  g_test_add_func ("/a11y/keyboard/arrows-walk-canvas-space-selects", test_arrows_walk_the_canvas);
  g_test_add_func ("/a11y/screen-reader/canvas-announces-focused-actor", test_canvas_announces_focus);
  g_test_add_func ("/a11y/keyboard/page-keys-step-views-announced", test_page_keys_step_views);
  g_test_add_func ("/a11y/keyboard/tab-leaves-actor-list-zoom-buttons-live", test_tab_leaves_actor_list);
  g_test_add_func ("/a11y/keyboard/focus-ring-drawn-while-focused", test_focus_ring_drawn);

  status = g_test_run ();
  app_test_teardown ();
  return status;
}
