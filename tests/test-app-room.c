/* test-app-room.c — ready for the room: presentation mode (Esc leaves,
 * entering fits the view, labels readable from afar, the view's name on
 * screen), the on-screen legend, views that can be updated, renamed,
 * annotated and moved, and the inspector that follows the selection. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "app-test-util.h"
#include "mg-export-dialog.h"
#include "mg-graphml.h"
#include "mg-metrics.h"
#include "mg-inspector.h"
#include "mg-lens-controller.h"
#include "mg-view.h"
#include "mg-views-panel.h"

/* Sends @keyval to the window's capture-phase key controllers, as a real
 * key press reaches them first. */
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

static gboolean
is_presenting (MgWindow *window)
{
  gboolean presentation;

  g_object_get (window, "presentation", &presentation, NULL);
  return presentation;
}

static void
set_lens (MgWindow *window, const char *name, gboolean on)
{
  GActionGroup *group = mg_lens_controller_get_actions (mg_window_get_lens_controller (window));

  g_action_group_change_action_state (group, name, g_variant_new_boolean (on));
  flush_events ();
}

/* ---- presentation -------------------------------------------------------------------- */

static void
test_escape_leaves (void)
{
  MgWindow *window = open_example ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  flush_events ();
  g_assert_true (is_presenting (window));
  g_assert_true (press_key (window, GDK_KEY_Escape));
  g_assert_false (is_presenting (window));
  /* Not presenting, Esc is the canvas's again (clearing the selection). */
  g_assert_false (press_key (window, GDK_KEY_Escape));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  flush_events ();
  g_assert_true (press_key (window, GDK_KEY_F11) || gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  flush_events ();
  g_assert_false (is_presenting (window));
  destroy_window (window);
}

/* Every shown actor lies in the widget, and the map takes most of the room
 * left by the caption and the legend. */
static void
assert_fitted (MgWindow *window)
{
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));
  MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  GPtrArray *actors = mg_scene_get_actors (scene);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (actors, i);
      double wx, wy;

      if (!sa->placed || sa->item.visibility == MG_ITEM_HIDDEN)
        continue;
      mg_canvas_viewport_map_to_widget (viewport, sa->x, sa->y, &wx, &wy);
      g_assert_cmpfloat (wx, >=, 0);
      g_assert_cmpfloat (wx, <=, width);
      g_assert_cmpfloat (wy, >=, 0);
      g_assert_cmpfloat (wy, <=, height);
      x0 = MIN (x0, wx);
      x1 = MAX (x1, wx);
      y0 = MIN (y0, wy);
      y1 = MAX (y1, wy);
    }
  {
    MgRect b;
    double bx0, by0, bx1, by1;
    mg_scene_get_bounds (scene, &b);
    mg_canvas_viewport_map_to_widget (viewport, b.x, b.y, &bx0, &by0);
    mg_canvas_viewport_map_to_widget (viewport, b.x + b.width, b.y + b.height, &bx1, &by1);
    g_test_message ("fit: %g..%g x %g..%g in %g x %g; bounds %g..%g x %g..%g", x0, x1, y0, y1, width, height, bx0, bx1, by0, by1);
    /* Fitted, not merely inside: what is drawn fills the room left by the
     * caption, the legend and the floating controls in one direction. */
    {
      MgRect frame;

      g_assert_true (mg_canvas_get_frame_rect (mg_window_get_canvas (window), &frame));
      g_assert_true (b.width >= frame.width * 0.95 || b.height >= frame.height * 0.95);
      g_assert_true (frame.width * mg_canvas_viewport_get_zoom (viewport) > width * 0.3);
      g_assert_true (frame.height * mg_canvas_viewport_get_zoom (viewport) > height * 0.3);
    }
    g_assert_cmpfloat (by0, >=, -1);
    g_assert_cmpfloat (by1, <=, height + 1);
  }
}

static void
test_entering_fits_and_scales_labels (void)
{
  MgWindow *window = open_example ();
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));

  /* Somewhere else entirely, zoomed in. */
  mg_canvas_viewport_set (viewport, -5000, -5000, 6.0);
  g_object_set (window, "presentation", TRUE, NULL);
  flush_events ();
  wait_for_frame (canvas);
  assert_fitted (window);
  /* Labels of 24 pixels at least on screen, whatever the zoom (as drawn:
   * labels seen from afar are inflated), and not inflated twice. */
  {
    double zoom = mg_canvas_viewport_get_zoom (viewport);
    double drawn = mg_scene_get_style (scene)->label_size * zoom * mg_scene_label_zoom (zoom);

    g_assert_cmpfloat (drawn, >=, 23.9);
    g_assert_cmpfloat (drawn, <=, 48.0);
  }
  /* Shapes large enough to tell their colours apart. */
  {
    GPtrArray *actors = mg_scene_get_actors (scene);
    double smallest = G_MAXDOUBLE;

    for (guint i = 0; i < actors->len; i++)
      {
        MgSceneActor *sa = g_ptr_array_index (actors, i);

        if (sa->placed && sa->actor->width <= 0)
          smallest = MIN (smallest, MIN (sa->width, sa->height) * mg_canvas_viewport_get_zoom (viewport));
      }
    g_assert_cmpfloat (smallest, >=, 14);
  }
  /* The caption names the map (no view yet) and is not over the map. */
  g_assert_nonnull (mg_window_get_caption_title (window));
  g_object_set (window, "presentation", FALSE, NULL);
  flush_events ();
  g_assert_null (mg_window_get_caption_title (window));
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size, <, 20);
  destroy_window (window);
}

static void
test_stepping_shows_view_name (void)
{
  MgWindow *window = open_example ();
  MgLensController *lenses = mg_window_get_lens_controller (window);

  set_lens (window, "care", TRUE);
  mg_lens_controller_save_view (lenses, "Who cares");
  mg_lens_controller_rename_view (lenses, 0, NULL, "The SMEs' support");
  set_lens (window, "care", FALSE);
  set_lens (window, "learn", TRUE);
  mg_lens_controller_save_view (lenses, "Who learns");
  g_object_set (window, "presentation", TRUE, NULL);
  flush_events ();
  g_assert_cmpstr (mg_window_get_caption_title (window), ==, "Who learns");
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_cmpstr (mg_window_get_caption_title (window), ==, "Who cares");
  /* The caption can be switched off (T) and on again. */
  g_assert_true (press_key (window, GDK_KEY_t));
  g_assert_null (mg_window_get_caption_title (window));
  g_assert_true (press_key (window, GDK_KEY_t));
  g_assert_cmpstr (mg_window_get_caption_title (window), ==, "Who cares");
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_cmpstr (mg_window_get_caption_title (window), ==, "Who learns");
  g_assert_true (press_key (window, GDK_KEY_Escape));
  destroy_window (window);
}

/* ---- legend ---------------------------------------------------------------------------- */

static void
test_legend_lists_roles_present (void)
{
  MgWindow *window = open_example ();
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));
  MgMap *map = mg_document_get_map (mg_window_get_document (window));
  g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const MgLegend *legend;
  graphene_rect_t rect;

  for (guint i = 0; i < mg_map_get_actors (map)->len; i++)
    {
      MgActor *a = g_ptr_array_index (mg_map_get_actors (map), i);
      if (a->role != NULL)
        g_hash_table_add (present, (gpointer) a->role);
    }
  g_assert_true (mg_window_get_legend_shown (window));
  g_assert_true (mg_canvas_get_legend_rect (canvas, &rect));
  g_assert_cmpfloat (rect.size.width, >, 50);
  g_assert_cmpfloat (rect.origin.x + rect.size.width, <=, gtk_widget_get_width (GTK_WIDGET (canvas)));
  legend = mg_scene_get_legend (scene);
  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      if (e->type == MG_LEGEND_ROLE && e->id != NULL)
        g_hash_table_add (listed, (gpointer) e->id);
    }
  g_assert_cmpuint (g_hash_table_size (listed), >, 2);
  g_assert_cmpuint (g_hash_table_size (listed), ==, g_hash_table_size (present));
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, present);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_true (g_hash_table_contains (listed, key));
  }
  /* Fits keep the map clear of it. */
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-fit", NULL);
  {
    MgRect frame;
    double fx, fy;

    g_assert_true (mg_canvas_get_frame_rect (canvas, &frame));
    mg_canvas_viewport_map_to_widget (mg_canvas_get_viewport (canvas), frame.x + frame.width,
                                      frame.y, &fx, &fy);
    g_assert_cmpfloat (fx, <=, rect.origin.x + 0.5);
  }
  /* The switch hides it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-legend", NULL));
  g_assert_false (mg_window_get_legend_shown (window));
  g_assert_false (mg_canvas_get_legend_rect (canvas, NULL));
  /* The menu's check box, both ways. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.legend", NULL));
  g_assert_true (mg_window_get_legend_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.legend", NULL));
  g_assert_false (mg_window_get_legend_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-legend", NULL));
  g_assert_true (mg_window_get_legend_shown (window));
  destroy_window (window);
}

/* ---- views ----------------------------------------------------------------------------- */

static GPtrArray *
views_in_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_file (path, NULL, &error);
  GPtrArray *views;

  g_assert_no_error (error);
  views = mg_map_get_views (map, &error);
  g_assert_no_error (error);
  return views;
}

static void
test_update_view_changes_file (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgLensController *lenses = mg_window_get_lens_controller (window);
  g_autofree char *path = g_build_filename (tmp_dir, "views.graphml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  const MgView *view;

  mg_lens_controller_save_view (lenses, "Opening");
  mg_lens_controller_save_view (lenses, "Second");
  g_assert_true (mg_document_save (document, file, &error));
  g_assert_no_error (error);
  before = views_in_file (path);
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_true (((MgView *) g_ptr_array_index (before, 0))->lens.active == 0);

  /* Update with a lens on, rename, annotate, move. */
  mg_lens_controller_apply_view (lenses, 0);
  set_lens (window, "care", TRUE);
  mg_lens_controller_update_view (lenses, 0);
  mg_lens_controller_rename_view (lenses, 0, "Care first", "Who supports whom");
  mg_lens_controller_move_view (lenses, 0, 1);
  g_assert_cmpint (mg_lens_controller_get_current_view (lenses), ==, 1);
  g_assert_true (mg_document_get_modified (document));
  g_assert_true (mg_document_save (document, file, &error));
  g_assert_no_error (error);

  after = views_in_file (path);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (((MgView *) g_ptr_array_index (after, 0))->name, ==, "Second");
  view = g_ptr_array_index (after, 1);
  g_assert_cmpstr (view->name, ==, "Care first");
  g_assert_cmpstr (view->note, ==, "Who supports whom");
  g_assert_true (view->lens.active == MG_LESSON_BIT (MG_LESSON_CARE));
  /* The frame is a rectangle: it fits any screen. */
  g_assert_cmpint (view->viewport.kind, ==, MG_VIEW_FRAME_RECT);
  g_assert_cmpfloat (view->viewport.width, >, 0);
  destroy_window (window);
}

static void
test_delete_view_undo (void)
{
  MgWindow *window = open_example ();
  MgLensController *lenses = mg_window_get_lens_controller (window);
  MgViewsPanel *panel = MG_VIEWS_PANEL (mg_window_get_side_page (window, "views"));
  g_autoptr (GPtrArray) views = NULL;

  mg_lens_controller_save_view (lenses, "A");
  mg_lens_controller_save_view (lenses, "B");
  mg_lens_controller_rename_view (lenses, 1, NULL, "the note stays");
  mg_lens_controller_save_view (lenses, "C");
  g_assert_cmpuint (mg_views_panel_get_n_views (panel), ==, 3);
  mg_views_panel_delete_view (panel, 1);
  g_assert_cmpuint (mg_views_panel_get_n_views (panel), ==, 2);
  views = mg_map_get_views (mg_document_get_map (mg_window_get_document (window)), NULL);
  g_assert_cmpuint (views->len, ==, 2);
  g_clear_pointer (&views, g_ptr_array_unref);
  mg_views_panel_undo_delete (panel);
  g_assert_cmpuint (mg_views_panel_get_n_views (panel), ==, 3);
  views = mg_lens_controller_get_views (lenses);
  g_assert_cmpuint (views->len, ==, 3);
  g_assert_cmpstr (((MgView *) g_ptr_array_index (views, 1))->name, ==, "B");
  g_assert_cmpstr (((MgView *) g_ptr_array_index (views, 1))->note, ==, "the note stays");
  /* Updating from the panel's action, as its button does. */
  set_lens (window, "learn", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "views.update", "u", 2));
  g_clear_pointer (&views, g_ptr_array_unref);
  views = mg_lens_controller_get_views (lenses);
  g_assert_true (((MgView *) g_ptr_array_index (views, 2))->lens.active == MG_LESSON_BIT (MG_LESSON_LEARN));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "views.up", "u", 2));
  g_clear_pointer (&views, g_ptr_array_unref);
  views = mg_lens_controller_get_views (lenses);
  g_assert_cmpstr (((MgView *) g_ptr_array_index (views, 1))->name, ==, "C");
  destroy_window (window);
}

/* ---- inspector -------------------------------------------------------------------------- */

static void
test_inspector_follows_selection (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgSelection *selection = mg_document_get_selection (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  MgActor *a = g_ptr_array_index (mg_map_get_actors (map), 0);
  MgActor *b = g_ptr_array_index (mg_map_get_actors (map), 1);
  g_autofree char *a_role = NULL;

  mg_selection_select_actor (selection, a, MG_SELECT_REPLACE);
  mg_inspector_choose_role (inspector, g_strcmp0 (a->role, "financier") == 0 ? "startup" : "financier");
  a_role = g_strdup (a->role);
  /* B right after A, without letting the main loop run: the inspector
   * already shows B, and the role goes to B only. */
  mg_selection_select_actor (selection, b, MG_SELECT_REPLACE);
  mg_inspector_choose_role (inspector, g_strcmp0 (b->role, "research-lab") == 0 ? "public-agency" : "research-lab");
  g_assert_cmpstr (a->role, ==, a_role);
  g_assert_true (g_strcmp0 (b->role, "research-lab") == 0 || g_strcmp0 (b->role, "public-agency") == 0);
  g_assert_cmpstr (b->role, !=, a->role);
  flush_events ();
  g_assert_cmpstr (a->role, ==, a_role);
  destroy_window (window);
}

static void
test_new_actor_in_free_space (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgScene *scene = mg_document_get_scene (document);
  MgActor *busy = g_ptr_array_index (mg_map_get_actors (map), 0);
  guint n = mg_map_get_actors (map)->len;
  MgActor *added;
  MgSceneActor *sa;

  /* The view centred on an actor: the new one goes next to it, not on it. */
  mg_canvas_viewport_set (mg_canvas_get_viewport (canvas), busy->x, busy->y, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL));
  flush_events ();
  g_assert_cmpuint (mg_map_get_actors (map)->len, ==, n + 1);
  added = g_ptr_array_index (mg_map_get_actors (map), n);
  sa = mg_scene_lookup_actor (scene, added);
  g_assert_nonnull (sa);
  for (guint i = 0; i < n; i++)
    {
      MgSceneActor *other = mg_scene_lookup_actor (scene, g_ptr_array_index (mg_map_get_actors (map), i));

      if (other != NULL && other->placed)
        g_assert_false (mg_rect_intersects (&sa->item.bounds, &other->item.bounds));
    }
  /* Near the centre all the same. */
  g_assert_cmpfloat (hypot (added->x - busy->x, added->y - busy->y), <, 600);
  /* The label editor opened on it: closed before the window goes. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  flush_events ();
  destroy_window (window);
}

static void
test_focus_reframes_with_chip (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgCanvasViewport *viewport = mg_canvas_get_viewport (mg_window_get_canvas (window));
  MgActor *leaf = NULL;
  double whole;

  for (guint i = 0; i < mg_map_get_actors (map)->len && leaf == NULL; i++)
    {
      MgActor *a = g_ptr_array_index (mg_map_get_actors (map), i);
      guint n = 0;

      for (guint r = 0; r < mg_map_get_relations (map)->len; r++)
        {
          MgRelation *rel = g_ptr_array_index (mg_map_get_relations (map), r);
          n += rel->source == a || rel->target == a;
        }
      if (n == 1)
        leaf = a;
    }
  g_assert_nonnull (leaf);
  gtk_widget_activate_action (GTK_WIDGET (mg_window_get_canvas (window)), "canvas.zoom-fit", NULL);
  whole = mg_canvas_viewport_get_zoom (viewport);
  g_assert_null (mg_window_get_filter_chip (window));

  /* Focus on an actor with one partner: the view frames the two. */
  mg_selection_select_actor (mg_document_get_selection (document), leaf, MG_SELECT_REPLACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "lens.focus", "u", 1));
  flush_events ();
  g_assert_cmpfloat (mg_canvas_viewport_get_zoom (viewport), >, whole * 1.2);
  {
    double wx, wy;

    mg_canvas_viewport_map_to_widget (viewport, leaf->x, leaf->y, &wx, &wy);
    g_assert_cmpfloat (wx, >, 0);
    g_assert_cmpfloat (wx, <, mg_canvas_viewport_get_width (viewport));
    g_assert_cmpfloat (wy, >, 0);
    g_assert_cmpfloat (wy, <, mg_canvas_viewport_get_height (viewport));
  }
  g_assert_nonnull (mg_window_get_filter_chip (window));

  /* One click shows everything again, framed. */
  mg_window_clear_filter_chip (window);
  flush_events ();
  g_assert_null (mg_window_get_filter_chip (window));
  g_assert_cmpfloat (fabs (mg_canvas_viewport_get_zoom (viewport) / whole - 1), <, 0.05);

  /* Hiding what a lens does not match: said too, and undone in one click
   * (the lens stays). */
  set_lens (window, "care", TRUE);
  set_lens (window, "hide", TRUE);
  g_assert_nonnull (mg_window_get_filter_chip (window));
  mg_window_clear_filter_chip (window);
  flush_events ();
  g_assert_null (mg_window_get_filter_chip (window));
  {
    MgLensSettings lens;

    mg_lens_controller_get_lens_settings (mg_window_get_lens_controller (window), &lens);
    g_assert_true (lens.active == MG_LESSON_BIT (MG_LESSON_CARE));
    g_assert_cmpint (lens.unmatched, ==, MG_UNMATCHED_FADE);
  }
  destroy_window (window);
}

/* ---- territories ------------------------------------------------------------------------ */

static void
test_territory_picker_readable_and_searchable (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  MgActor *a = g_ptr_array_index (mg_map_get_actors (map), 0);
  MgTerritoryPicker *picker;
  g_auto (GStrv) all = NULL;
  g_auto (GStrv) found = NULL;
  g_autofree char *text = NULL;
  const char *deepest = NULL;

  mg_selection_select_actor (mg_document_get_selection (document), a, MG_SELECT_REPLACE);
  picker = mg_inspector_get_territory_picker (inspector);
  all = mg_territory_picker_get_shown (picker);
  g_assert_cmpuint (g_strv_length (all), >, 2);
  for (guint i = 0; all[i] != NULL; i++)
    if (deepest == NULL || strlen (all[i]) > strlen (deepest))
      deepest = all[i];
  g_assert_nonnull (strchr (deepest, '/'));
  /* The row reads the place's own name, then the places above it. */
  text = mg_territory_picker_row_text (picker, deepest);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, strrchr (deepest, '/') + 1));
  g_assert_null (strstr (text, "…"));
  g_assert_nonnull (strstr (text, " — "));
  g_assert_true (strchr (deepest, '/') == strrchr (deepest, '/') || strstr (text, " › ") != NULL);
  /* Typing filters, ignoring case and accents: "dome" finds Puy-de-Dôme. */
  mg_territory_picker_set_search (picker, "DOME");
  found = mg_territory_picker_get_shown (picker);
  g_assert_cmpuint (g_strv_length (found), >, 0);
  g_assert_cmpuint (g_strv_length (found), <, g_strv_length (all));
  for (guint i = 0; found[i] != NULL; i++)
    g_assert_nonnull (strstr (found[i], "Dôme"));
  /* Choosing a row sets the selected actor's territory. */
  g_signal_emit_by_name (picker, "chosen", found[0]);
  g_assert_cmpstr (a->territory, ==, found[0]);
  destroy_window (window);
}

static void
test_similar_territory_asks (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  MgActor *a = g_ptr_array_index (mg_map_get_actors (map), 0);
  g_autofree char *before = g_strdup (a->territory);
  AdwMessageDialog *dialog;

  mg_selection_select_actor (mg_document_get_selection (document), a, MG_SELECT_REPLACE);
  /* Accents and case away from an existing one: nothing changes yet. */
  mg_inspector_enter_territory (inspector, "auvergne-rhone-alpes/PUY DE DOME");
  g_assert_cmpstr (a->territory, ==, before);
  dialog = mg_inspector_get_territory_dialog (inspector);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "existing");
  g_assert_cmpstr (a->territory, ==, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  /* A new place asks nothing. */
  mg_inspector_enter_territory (inspector, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Volvic");
  g_assert_null (mg_inspector_get_territory_dialog (inspector));
  g_assert_cmpstr (a->territory, ==, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Volvic");
  destroy_window (window);
}

/* ---- slides ----------------------------------------------------------------------------- */

static void
test_export_dialog_slide_preview (void)
{
  MgWindow *window = open_example ();
  GtkWidget *dialog = mg_export_dialog_new (window);
  g_autofree char *path = g_build_filename (tmp_dir, "slide.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *image;
  GdkPaintable *preview;
  MgExportOptions options;

  mg_export_dialog_set_format (MG_EXPORT_DIALOG (dialog), MG_EXPORT_FORMAT_PNG);
  mg_export_dialog_set_page (MG_EXPORT_DIALOG (dialog), "slide-16:9");
  mg_export_dialog_get_options (MG_EXPORT_DIALOG (dialog), &options);
  g_assert_cmpfloat (options.page_width, ==, 960);
  g_assert_cmpfloat (options.page_height, ==, 540);
  /* The preview shows the slide's shape. */
  preview = mg_export_dialog_get_preview (MG_EXPORT_DIALOG (dialog));
  g_assert_nonnull (preview);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 400);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 225);
  /* And the file too. */
  g_assert_true (mg_export_dialog_export_to_file (MG_EXPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (fabs ((double) cairo_image_surface_get_width (image) /
                           cairo_image_surface_get_height (image) - 16.0 / 9.0), <, 0.01);
  cairo_surface_destroy (image);
  /* The screen's labels did not grow with the slide's. */
  g_assert_cmpfloat (mg_scene_get_style (mg_document_get_scene (mg_window_get_document (window)))->label_size,
                     <, 12);
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static void
test_size_by_menu (void)
{
  MgWindow *window = open_example ();
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));
  MgMap *map = mg_document_get_map (mg_window_get_document (window));
  guint n = 0;
  g_autofree double *factors = mg_metrics_size_factors (map, "degree", &n);
  guint hi = 0;
  MgActor *top;
  double before;

  for (guint i = 0; i < n; i++)
    if (factors[i] > factors[hi])
      hi = i;
  top = g_ptr_array_index (mg_map_get_actors (map), hi);
  before = mg_scene_lookup_actor (scene, top)->width;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.size-by", "s", "degree"));
  flush_events ();
  g_assert_cmpfloat (mg_scene_lookup_actor (scene, top)->width, >, before * 1.5);
  g_assert_nonnull (mg_scene_get_size_by (scene));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.size-by", "s", "none"));
  flush_events ();
  g_assert_cmpfloat (mg_scene_lookup_actor (scene, top)->width, ==, before);
  g_assert_null (mg_scene_get_size_by (scene));
  destroy_window (window);
}

int
main (int argc, char **argv)
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;
  g_test_add_func ("/room/presentation/escape-leaves", test_escape_leaves);
  g_test_add_func ("/room/presentation/entering-fits-and-scales-labels",
                   test_entering_fits_and_scales_labels);
  g_test_add_func ("/room/presentation/stepping-shows-view-name", test_stepping_shows_view_name);
  g_test_add_func ("/room/legend/lists-roles-present", test_legend_lists_roles_present);
  g_test_add_func ("/room/views/update-changes-file", test_update_view_changes_file);
  g_test_add_func ("/room/views/delete-undo", test_delete_view_undo);
  g_test_add_func ("/room/inspector/follows-selection-at-once", test_inspector_follows_selection);
  g_test_add_func ("/room/canvas/new-actor-in-free-space", test_new_actor_in_free_space);
  g_test_add_func ("/room/canvas/focus-reframes-with-chip", test_focus_reframes_with_chip);
  g_test_add_func ("/room/territory/picker-readable-searchable",
                   test_territory_picker_readable_and_searchable);
  g_test_add_func ("/room/territory/similar-asks-first", test_similar_territory_asks);
  g_test_add_func ("/room/export/slide-preview", test_export_dialog_slide_preview);
  g_test_add_func ("/room/canvas/size-by-menu", test_size_by_menu);
  status = g_test_run ();
  app_test_teardown ();
  return status;
}
