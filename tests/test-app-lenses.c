/* test-app-lenses.c — lenses, filters and saved views in the window, in
 * process under Xvfb: toggling a lens changes the scene's item states and
 * never moves an actor, any/all and fade/hide change the result, a role
 * filter hides the other roles, views survive saving and reopening, and a
 * presentation clicker steps through them. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mg-application.h"
#include "mg-filter-panel.h"
#include "mg-graphml.h"
#include "mg-views-panel.h"
#include "mg-window.h"

#include "app-test-util.h"

typedef struct {
  double x, y;
} Point;

/* Where every actor is, in the map and in the scene. */
static GArray *
positions (MgWindow *window)
{
  MgDocument *document = mg_window_get_document (window);
  GPtrArray *actors = mg_map_get_actors (mg_document_get_map (document));
  MgScene *scene = mg_document_get_scene (document);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Point));

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      MgSceneActor *sa = mg_scene_lookup_actor (scene, a);
      Point p = { a->x, a->y }, q = { sa->x, sa->y };

      g_array_append_val (out, p);
      g_array_append_val (out, q);
    }
  return out;
}

static MgItemVisibility
scene_state (MgWindow *window, MgActor *a)
{
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));
  return mg_scene_lookup_actor (scene, a)->item.visibility;
}

static guint
count_scene (MgWindow *window, MgItemVisibility visibility, gboolean with_marks)
{
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));
  GPtrArray *actors = mg_scene_get_actors (scene);
  guint n = 0;

  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (actors, i);
      if (sa->item.visibility == visibility && (!with_marks || sa->n_marks > 0))
        n++;
    }
  return n;
}

static void
set_lens (MgWindow *window, const char *lens, gboolean on)
{
  g_autoptr (GVariant) state = NULL;

  g_action_group_change_action_state (mg_lens_controller_get_actions (mg_window_get_lens_controller (window)),
                                      lens, g_variant_new_boolean (on));
  state = g_action_group_get_action_state (mg_lens_controller_get_actions (mg_window_get_lens_controller (window)),
                                           lens);
  g_assert_true (g_variant_get_boolean (state) == on);
  flush_events ();
}

/* The toggle button of @lesson in the header bar. */
static GtkToggleButton *
find_toggle (GtkWidget *widget, const char *lesson)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), lesson) == 0)
    return GTK_TOGGLE_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, lesson);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- tests ---------------------------------------------------------------------------- */

static void
test_lens_toggle (void)
{
  MgWindow *window = open_example ();
  MgLensController *lenses = mg_window_get_lens_controller (window);
  g_autoptr (GArray) before = positions (window);
  g_autoptr (GArray) after = NULL;
  GtkToggleButton *care = find_toggle (GTK_WIDGET (window), "care");
  const MgVisibilityResult *result;
  MgMap *map = mg_document_get_map (mg_window_get_document (window));
  GPtrArray *actors = mg_map_get_actors (map);
  guint matched = 0, faded = 0;

  g_assert_cmpuint (count_scene (window, MG_ITEM_FADED, FALSE), ==, 0);
  g_assert_nonnull (care);
  /* Through the button, as a click does. */
  g_assert_false (gtk_toggle_button_get_active (care));
  g_signal_emit_by_name (care, "clicked");
  flush_events ();
  g_assert_true (gtk_toggle_button_get_active (care));
  result = mg_visibility_get_result (mg_lens_controller_get_visibility (lenses));
  g_assert_true (result->active == MG_LESSON_BIT (MG_LESSON_CARE));
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      MgSceneActor *sa = mg_scene_lookup_actor (mg_document_get_scene (mg_window_get_document (window)), a);

      if (result->actor_state[a->index] == MG_VISIBILITY_HIGHLIGHTED)
        {
          g_assert_cmpint (sa->item.visibility, ==, MG_ITEM_SHOWN);
          g_assert_cmpuint (sa->n_marks, >, 0);
          g_assert_cmpint (sa->marks[0].lesson, ==, MG_LESSON_CARE);
          matched++;
        }
      else if (result->actor_state[a->index] == MG_VISIBILITY_FADED)
        {
          g_assert_cmpint (sa->item.visibility, ==, MG_ITEM_FADED);
          g_assert_cmpuint (sa->n_marks, ==, 0);
          faded++;
        }
    }
  g_assert_cmpuint (matched, >, 0);
  g_assert_cmpuint (faded, >, 0);
  wait_for_frame (mg_window_get_canvas (window));

  /* Nothing moved. */
  after = positions (window);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_cmpfloat (g_array_index (after, Point, i).x, ==, g_array_index (before, Point, i).x);
      g_assert_cmpfloat (g_array_index (after, Point, i).y, ==, g_array_index (before, Point, i).y);
    }

  /* A rebuilt scene (bulk edit, style) gets the states back. */
  faded = count_scene (window, MG_ITEM_FADED, FALSE);
  mg_scene_rebuild (mg_document_get_scene (mg_window_get_document (window)));
  /* As every caller of mg_scene_rebuild() says it (mg_scene_set_style()). */
  g_signal_emit_by_name (mg_document_get_scene (mg_window_get_document (window)), "changed", NULL);
  flush_events ();
  g_assert_cmpuint (count_scene (window, MG_ITEM_FADED, FALSE), ==, faded);
  g_assert_cmpuint (count_scene (window, MG_ITEM_SHOWN, TRUE), >, 0);

  /* Off again: everything plain. */
  g_signal_emit_by_name (care, "clicked");
  flush_events ();
  g_assert_false (gtk_toggle_button_get_active (care));
  g_assert_cmpuint (count_scene (window, MG_ITEM_FADED, FALSE), ==, 0);
  g_assert_cmpuint (count_scene (window, MG_ITEM_SHOWN, TRUE), ==, 0);
  destroy_window (window);
}

static void
test_lens_mode_and_hide (void)
{
  MgWindow *window = open_example ();
  guint any_matched, all_matched, faded;

  set_lens (window, "care", TRUE);
  set_lens (window, "learn", TRUE);
  any_matched = count_scene (window, MG_ITEM_SHOWN, TRUE);
  set_lens (window, "all", TRUE);
  all_matched = count_scene (window, MG_ITEM_SHOWN, TRUE);
  g_assert_cmpuint (all_matched, >, 0);
  g_assert_cmpuint (any_matched, >, all_matched);

  /* Under "all" most actors match neither lens fully: faded, then hidden. */
  faded = count_scene (window, MG_ITEM_FADED, FALSE);
  g_assert_cmpuint (faded, >, 0);
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, 0);
  set_lens (window, "hide", TRUE);
  g_assert_cmpuint (count_scene (window, MG_ITEM_FADED, FALSE), ==, 0);
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, faded);
  set_lens (window, "all", FALSE);
  set_lens (window, "hide", FALSE);
  g_assert_cmpuint (count_scene (window, MG_ITEM_SHOWN, TRUE), ==, any_matched);
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, 0);
  destroy_window (window);
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The lens options: the level and threshold actions reach the settings
 * (and the result); "About the Lenses" is in the lens bar. */
static void
test_lens_level_and_threshold (void)
{
  MgWindow *window = open_example ();
  GActionGroup *actions = mg_lens_controller_get_actions (mg_window_get_lens_controller (window));
  MgLensSettings lens;
  guint region, city;

  set_lens (window, "care", TRUE);
  region = count_scene (window, MG_ITEM_SHOWN, TRUE);
  g_action_group_activate_action (actions, "level", g_variant_new_uint32 (3));
  flush_events ();
  mg_lens_controller_get_lens_settings (mg_window_get_lens_controller (window), &lens);
  g_assert_cmpuint (lens.lens_level, ==, 3);
  city = count_scene (window, MG_ITEM_SHOWN, TRUE);
  /* Sharing a city is rarer than sharing a region. */
  g_assert_cmpuint (city, <=, region);
  g_action_group_activate_action (actions, "threshold", g_variant_new_uint32 (2));
  flush_events ();
  mg_lens_controller_get_lens_settings (mg_window_get_lens_controller (window), &lens);
  g_assert_cmpuint (lens.combine_threshold, ==, 2);
  /* Out of range: refused. */
  g_action_group_activate_action (actions, "threshold", g_variant_new_uint32 (0));
  flush_events ();
  mg_lens_controller_get_lens_settings (mg_window_get_lens_controller (window), &lens);
  g_assert_cmpuint (lens.combine_threshold, ==, 2);
  g_assert_nonnull (find_named (GTK_WIDGET (window), "lens-about-button"));

  /* The scales: set through undo, shown back in the action's state. */
  {
    MgMap *map = mg_document_get_map (mg_window_get_document (window));
    g_autoptr (GVariant) state = NULL;

    g_action_group_change_action_state (actions, "scales", g_variant_new_string ("Europe; National"));
    flush_events ();
    g_assert_cmpstr (mg_map_get_graph_setting (map, "maillage.scales"), ==, "Europe, National");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    flush_events ();
    g_assert_null (mg_map_get_graph_setting (map, "maillage.scales"));
    state = g_action_group_get_action_state (actions, "scales");
    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "France, Europe, International, National");
  }
  destroy_window (window);
}

/* Keeps only @keep among the roles of the map, through the check buttons. */
static void
keep_only_role (MgWindow *window, const char *keep)
{
  MgFilterPanel *panel = MG_FILTER_PANEL (mg_window_get_side_page (window, "filters"));
  GPtrArray *actors = mg_map_get_actors (mg_document_get_map (mg_window_get_document (window)));

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      const char *role = a->role != NULL ? a->role : "";

      if (g_strcmp0 (role, keep) != 0)
        g_assert_true (mg_filter_panel_set_role_checked (panel, role, FALSE));
    }
  flush_events ();
}

static void
test_role_filter (void)
{
  MgWindow *window = open_example ();
  GPtrArray *actors = mg_map_get_actors (mg_document_get_map (mg_window_get_document (window)));
  guint kept = 0;

  keep_only_role (window, "university");
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      if (g_strcmp0 (a->role, "university") == 0)
        {
          g_assert_cmpint (scene_state (window, a), !=, MG_ITEM_HIDDEN);
          kept++;
        }
      else
        g_assert_cmpint (scene_state (window, a), ==, MG_ITEM_HIDDEN);
    }
  g_assert_cmpuint (kept, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "lens.clear-filters", NULL));
  flush_events ();
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, 0);
  destroy_window (window);
}

static void
test_views_survive_save (void)
{
  MgWindow *window = open_example ();
  MgLensController *lenses = mg_window_get_lens_controller (window);
  g_autofree char *path = g_build_filename (tmp_dir, "views.graphml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  MgLensSettings lens;
  const MgFilter *filter;
  guint hidden;

  set_lens (window, "care", TRUE);
  set_lens (window, "hide", TRUE);
  keep_only_role (window, "university");
  hidden = count_scene (window, MG_ITEM_HIDDEN, FALSE);
  g_assert_cmpuint (hidden, >, 0);
  mg_lens_controller_save_view (lenses, "Universities that care");
  g_assert_true (mg_document_get_modified (mg_window_get_document (window)));
  g_assert_cmpuint (mg_views_panel_get_n_views (MG_VIEWS_PANEL (mg_window_get_side_page (window, "views"))), ==, 1);
  g_assert_true (mg_document_save (mg_window_get_document (window), file, &error));
  g_assert_no_error (error);
  destroy_window (window);

  window = open_map (path);
  lenses = mg_window_get_lens_controller (window);
  mg_lens_controller_set_filter (lenses, NULL);
  {
    MgLensSettings none;
    mg_lens_settings_init (&none);
    mg_lens_controller_set_lens_settings (lenses, &none);
  }
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, 0);
  g_assert_cmpuint (mg_views_panel_get_n_views (MG_VIEWS_PANEL (mg_window_get_side_page (window, "views"))), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "lens.apply-view", "u", 0));
  flush_events ();
  mg_lens_controller_get_lens_settings (lenses, &lens);
  g_assert_true (lens.active == MG_LESSON_BIT (MG_LESSON_CARE));
  g_assert_cmpint (lens.unmatched, ==, MG_UNMATCHED_HIDE);
  filter = mg_lens_controller_get_filter (lenses);
  g_assert_nonnull (filter->roles);
  g_assert_true (g_strv_contains ((const char *const *) filter->roles, "university"));
  g_assert_false (g_strv_contains ((const char *const *) filter->roles, "connector"));
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, hidden);

  /* Deleting it: gone from the list and from the map, to be saved. */
  g_assert_false (mg_document_get_modified (mg_window_get_document (window)));
  mg_lens_controller_delete_view (lenses, 0);
  g_assert_true (mg_document_get_modified (mg_window_get_document (window)));
  g_assert_cmpuint (mg_views_panel_get_n_views (MG_VIEWS_PANEL (mg_window_get_side_page (window, "views"))), ==, 0);
  {
    g_autoptr (GPtrArray) left = mg_map_get_views (mg_document_get_map (mg_window_get_document (window)), NULL);
    g_assert_cmpuint (left->len, ==, 0);
  }
  destroy_window (window);
}

/* The window's capture-phase key controller, as a clicker's key reaches it. */
static gboolean
press_key (MgWindow *window, guint keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) &&
          gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (c, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          if (handled)
            break;
        }
    }
  flush_events ();
  return handled;
}

static MgLessonSet
active_lenses (MgWindow *window)
{
  MgLensSettings lens;

  mg_lens_controller_get_lens_settings (mg_window_get_lens_controller (window), &lens);
  return lens.active;
}

static void
test_presentation_steps_views (void)
{
  MgWindow *window = open_example ();
  MgLensController *lenses = mg_window_get_lens_controller (window);
  MgLensSettings none;

  mg_lens_settings_init (&none);
  set_lens (window, "care", TRUE);
  mg_lens_controller_save_view (lenses, "Care");
  set_lens (window, "care", FALSE);
  set_lens (window, "learn", TRUE);
  mg_lens_controller_save_view (lenses, "Learn");
  set_lens (window, "learn", FALSE);
  set_lens (window, "combine", TRUE);
  mg_lens_controller_save_view (lenses, "Combine");
  mg_lens_controller_set_lens_settings (lenses, &none);

  /* Not presenting: the keys are the canvas's. */
  g_assert_false (press_key (window, GDK_KEY_Page_Down));
  g_assert_true (active_lenses (window) == 0);

  g_object_set (window, "presentation", TRUE, NULL);
  flush_events ();
  mg_lens_controller_apply_view (lenses, 0);
  g_assert_true (active_lenses (window) == MG_LESSON_BIT (MG_LESSON_CARE));
  /* The presentation style rebuilt the scene: the lens still shows. */
  g_assert_cmpuint (count_scene (window, MG_ITEM_SHOWN, TRUE), >, 0);
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_true (active_lenses (window) == MG_LESSON_BIT (MG_LESSON_LEARN));
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_true (active_lenses (window) == MG_LESSON_BIT (MG_LESSON_COMBINE));
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_true (active_lenses (window) == MG_LESSON_BIT (MG_LESSON_LEARN));
  g_assert_true (press_key (window, GDK_KEY_Left));
  g_assert_true (active_lenses (window) == MG_LESSON_BIT (MG_LESSON_CARE));
  g_assert_true (press_key (window, GDK_KEY_Right));
  g_assert_true (active_lenses (window) == MG_LESSON_BIT (MG_LESSON_LEARN));
  g_assert_cmpint (mg_lens_controller_get_current_view (lenses), ==, 1);
  g_object_set (window, "presentation", FALSE, NULL);
  flush_events ();
  g_assert_cmpuint (count_scene (window, MG_ITEM_SHOWN, TRUE), >, 0);
  destroy_window (window);
}

static void
test_focus_neighbours (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgActor *centre = NULL;
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  g_autoptr (GHashTable) neighbours = g_hash_table_new (NULL, NULL);
  guint shown = 0;

  /* An actor with a few relations. */
  for (guint i = 0; i < actors->len && centre == NULL; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      guint n = 0;

      for (guint r = 0; r < relations->len; r++)
        {
          MgRelation *rel = g_ptr_array_index (relations, r);
          n += rel->source == a || rel->target == a;
        }
      if (n >= 2 && n <= 5)
        centre = a;
    }
  g_assert_nonnull (centre);
  g_hash_table_add (neighbours, centre);
  for (guint r = 0; r < relations->len; r++)
    {
      MgRelation *rel = g_ptr_array_index (relations, r);
      if (rel->source == centre)
        g_hash_table_add (neighbours, rel->target);
      if (rel->target == centre)
        g_hash_table_add (neighbours, rel->source);
    }

  mg_selection_select_actor (mg_document_get_selection (document), centre, MG_SELECT_REPLACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "lens.focus", "u", 1));
  flush_events ();
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      if (g_hash_table_contains (neighbours, a))
        {
          g_assert_cmpint (scene_state (window, a), !=, MG_ITEM_HIDDEN);
          shown++;
        }
      else
        g_assert_cmpint (scene_state (window, a), ==, MG_ITEM_HIDDEN);
    }
  g_assert_cmpuint (shown, >=, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "lens.clear-focus", NULL));
  flush_events ();
  g_assert_cmpuint (count_scene (window, MG_ITEM_HIDDEN, FALSE), ==, 0);
  destroy_window (window);
}

static gboolean
brokers_ready (gpointer data)
{
  return mg_views_panel_get_n_brokers (data) > 0;
}

static void
test_top_brokers (void)
{
  MgWindow *window = open_example ();
  MgViewsPanel *panel = MG_VIEWS_PANEL (mg_window_get_side_page (window, "views"));
  guint n = 0;

  wait_until (brokers_ready, panel, "betweenness");
  g_assert_nonnull (mg_lens_controller_get_betweenness (mg_window_get_lens_controller (window), &n));
  g_assert_cmpuint (n, ==, mg_map_get_actors (mg_document_get_map (mg_window_get_document (window)))->len);
  destroy_window (window);
}


int
main (int argc, char *argv[])
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/lenses/toggle-changes-states-not-positions", test_lens_toggle);
  g_test_add_func ("/lenses/any-all-and-hide-change-result", test_lens_mode_and_hide);
  g_test_add_func ("/lenses/level-and-threshold-actions", test_lens_level_and_threshold);
  g_test_add_func ("/filters/role-hides-other-roles", test_role_filter);
  g_test_add_func ("/filters/focus-on-neighbours-and-clear", test_focus_neighbours);
  g_test_add_func ("/views/saved-with-map-reapplied-deleted", test_views_survive_save);
  g_test_add_func ("/views/presentation-page-keys-step", test_presentation_steps_views);
  g_test_add_func ("/metrics/top-brokers-in-background", test_top_brokers);
  status = g_test_run ();

  app_test_teardown ();
  return status;
}
