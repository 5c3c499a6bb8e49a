/* test-app-window.c — the application in process, under Xvfb: open the
 * example map, select through the canvas, tag through the inspector, undo,
 * move, save and reopen, close with unsaved changes, export. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mg-application.h"
#include "mg-export-dialog.h"
#include "mg-graphml.h"
#include "mg-window.h"

#include "app-test-util.h"

static MgActor *
actor (MgWindow *window, const char *id)
{
  MgActor *a = mg_map_lookup_actor (mg_document_get_map (mg_window_get_document (window)), id);

  g_assert_nonnull (a);
  return a;
}

/* Clicks an actor through the canvas's hit-testing, at the point where the
 * viewport shows its centre. */
static void
click_actor (MgWindow *window, const char *id, GdkModifierType state)
{
  MgCanvas *canvas = mg_window_get_canvas (window);
  double x, y;

  g_assert_true (mg_canvas_actor_to_widget (canvas, actor (window, id), &x, &y));
  g_assert_true (mg_canvas_actor_at (canvas, x, y) == actor (window, id));
  mg_canvas_click (canvas, x, y, state);
}

/* ---- tests ---------------------------------------------------------------------------- */

static void
test_open_example (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgScene *scene = mg_document_get_scene (document);
  MgMap *map = mg_document_get_map (document);
  MgRect visible, bounds;

  g_assert_nonnull (scene);
  g_assert_cmpuint (mg_map_get_n_actors (map), >, 20);
  g_assert_cmpuint (mg_scene_get_actors (scene)->len, ==, mg_map_get_n_actors (map));
  g_assert_cmpuint (mg_canvas_get_frame_count (mg_window_get_canvas (window)), >, 0);
  g_assert_false (mg_document_get_modified (document));

  /* Zoomed to fit: the whole map is in view. */
  mg_canvas_viewport_get_visible_rect (mg_canvas_get_viewport (mg_window_get_canvas (window)), &visible);
  mg_scene_get_bounds (scene, &bounds);
  g_assert_cmpfloat (visible.x, <=, bounds.x + 1);
  g_assert_cmpfloat (visible.y, <=, bounds.y + 1);
  g_assert_cmpfloat (visible.x + visible.width, >=, bounds.x + bounds.width - 1);
  g_assert_cmpfloat (visible.y + visible.height, >=, bounds.y + bounds.height - 1);

  /* The same file again focuses the same window. */
  {
    g_autoptr (GFile) file = g_object_ref (mg_document_get_file (document));
    g_assert_true (mg_application_open_file (app, file) == window);
  }
  destroy_window (window);
}

static void
test_tag_through_inspector (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgSelection *selection = mg_document_get_selection (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgUndoStack *undo = mg_document_get_undo_stack (document);
  MgActor *cime = actor (window, "cime");
  g_autofree char *old_role = g_strdup (cime->role);
  g_autofree char *old_territory = g_strdup (cime->territory);
  guint frames;

  click_actor (window, "cime", 0);
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 1);
  g_assert_true (g_ptr_array_index (mg_selection_get_actors (selection), 0) == cime);
  flush_events ();
  g_assert_cmpstr (mg_inspector_get_page (inspector), ==, "actors");

  frames = mg_canvas_get_frame_count (canvas);
  mg_inspector_choose_role (inspector, "startup");
  g_assert_cmpstr (cime->role, ==, "startup");
  g_assert_true (mg_document_get_modified (document));
  /* The canvas redraws without a layout. */
  {
    FrameWait wait = { canvas, frames };
    wait_until (frame_drawn_since, &wait, "a redraw after the edit");
  }
  g_assert_cmpstr (mg_scene_lookup_actor (mg_document_get_scene (document), cime)->role->id, ==, "startup");

  mg_inspector_enter_territory (inspector, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Riom");
  g_assert_cmpstr (cime->territory, ==, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Riom");

  /* CIME illustrates "learn" in the file; add "care". */
  g_assert_false (cime->lessons & MG_LESSON_BIT (MG_LESSON_CARE));
  mg_inspector_toggle_lesson (inspector, MG_LESSON_CARE, TRUE);
  g_assert_true (cime->lessons & MG_LESSON_BIT (MG_LESSON_CARE));
  g_assert_true (cime->lessons & MG_LESSON_BIT (MG_LESSON_LEARN));

  /* Undo three times through the window's action: all back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (cime->lessons & MG_LESSON_BIT (MG_LESSON_CARE));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cime->territory, ==, old_territory);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cime->role, ==, old_role);
  g_assert_false (mg_document_get_modified (document));

  g_assert_true (mg_undo_stack_redo (undo));
  g_assert_cmpstr (cime->role, ==, "startup");
  flush_events ();
  destroy_window (window);
}

static void
test_bulk_tag (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgSelection *selection = mg_document_get_selection (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  const char *ids[] = { "wichard", "leygatech", "cabiria" };
  g_autofree char *old_role = NULL;

  click_actor (window, ids[0], 0);
  click_actor (window, ids[1], GDK_SHIFT_MASK);
  click_actor (window, ids[2], GDK_CONTROL_MASK);
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 3);
  old_role = g_strdup (actor (window, ids[0])->role);
  flush_events ();

  mg_inspector_choose_role (inspector, "research-lab");
  mg_inspector_toggle_lesson (inspector, MG_LESSON_COMBINE, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (actor (window, ids[i])->role, ==, "research-lab");
      g_assert_true (actor (window, ids[i])->lessons & MG_LESSON_BIT (MG_LESSON_COMBINE));
    }
  /* A bulk tag is one undo step. */
  g_assert_cmpuint (mg_undo_stack_get_depth (mg_document_get_undo_stack (document)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (actor (window, ids[i])->role, ==, old_role);

  /* A rubber band around everything selects every actor. */
  {
    MgCanvas *canvas = mg_window_get_canvas (window);
    int w = gtk_widget_get_width (GTK_WIDGET (canvas));
    int h = gtk_widget_get_height (GTK_WIDGET (canvas));

    mg_canvas_select_in_rect (canvas, 0, 0, w, h, FALSE);
    g_assert_cmpuint (mg_selection_get_n_actors (selection), ==,
                      mg_map_get_n_actors (mg_document_get_map (document)));
  }
  flush_events ();
  destroy_window (window);
}

static void
test_move_pins (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgActor *michelin = actor (window, "michelin");
  double zoom = mg_canvas_viewport_get_zoom (mg_canvas_get_viewport (canvas));
  double x0 = michelin->x, y0 = michelin->y;
  double wx, wy;

  g_assert_false (michelin->pinned);
  g_assert_true (mg_canvas_actor_to_widget (canvas, michelin, &wx, &wy));
  mg_canvas_drag_begin (canvas, wx, wy, 0);
  mg_canvas_drag_update (canvas, 10, 5);
  mg_canvas_drag_update (canvas, 40, 20);
  mg_canvas_drag_end (canvas);

  g_assert_cmpfloat_with_epsilon (michelin->x, x0 + 40 / zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (michelin->y, y0 + 20 / zoom, 1e-6);
  g_assert_true (michelin->pinned);
  g_assert_cmpuint (mg_undo_stack_get_depth (mg_document_get_undo_stack (document)), ==, 1);

  /* The unpin action, then undo of both. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unpin", NULL);
  g_assert_false (michelin->pinned);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (michelin->x, ==, x0);
  g_assert_cmpfloat (michelin->y, ==, y0);
  g_assert_false (michelin->pinned);

  /* A drag on the background pans, and changes no actor. */
  {
    MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
    double cx = mg_canvas_viewport_get_centre_x (viewport);

    mg_canvas_drag_begin (canvas, 2, 2, 0);
    mg_canvas_drag_update (canvas, 30, 0);
    mg_canvas_drag_end (canvas);
    g_assert_cmpfloat_with_epsilon (mg_canvas_viewport_get_centre_x (viewport), cx - 30 / zoom, 1e-6);
    g_assert_false (mg_undo_stack_can_undo (mg_document_get_undo_stack (document)));
  }
  destroy_window (window);
}

static void
test_delete_and_undo (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  guint n_actors = mg_map_get_n_actors (map);
  guint n_relations = mg_map_get_n_relations (map);

  click_actor (window, "uca", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  g_assert_null (mg_map_lookup_actor (map, "uca"));
  g_assert_cmpuint (mg_map_get_n_relations (map), <, n_relations);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (mg_map_lookup_actor (map, "uca"));
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, n_actors);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, n_relations);
  destroy_window (window);
}

static void
test_link_tool_adds_relation (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgMap *map = mg_document_get_map (document);
  guint n = mg_map_get_n_relations (map);
  double ax, ay, bx, by;
  MgRelation *relation;

  mg_canvas_actor_to_widget (canvas, actor (window, "grenoble-inp-iae"), &ax, &ay);
  mg_canvas_actor_to_widget (canvas, actor (window, "credit-agricole"), &bx, &by);
  mg_canvas_set_tool (canvas, MG_CANVAS_TOOL_LINK);
  mg_canvas_drag_begin (canvas, ax, ay, 0);
  mg_canvas_drag_update (canvas, bx - ax, by - ay);
  mg_canvas_drag_end (canvas);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, n + 1);
  relation = g_ptr_array_index (mg_map_get_relations (map), n);
  g_assert_cmpstr (relation->source->id, ==, "grenoble-inp-iae");
  g_assert_cmpstr (relation->target->id, ==, "credit-agricole");
  /* The new relation is selected: the inspector edits it. */
  flush_events ();
  g_assert_cmpstr (mg_inspector_get_page (mg_window_get_inspector (window)), ==, "relations");
  mg_inspector_toggle_lesson (mg_window_get_inspector (window), MG_LESSON_VALORIZE, TRUE);
  g_assert_true (relation->lessons & MG_LESSON_BIT (MG_LESSON_VALORIZE));
  destroy_window (window);
}

static void
compare_maps (MgMap *a, MgMap *b)
{
  GPtrArray *actors = mg_map_get_actors (a);

  g_assert_cmpuint (mg_map_get_n_actors (a), ==, mg_map_get_n_actors (b));
  g_assert_cmpuint (mg_map_get_n_relations (a), ==, mg_map_get_n_relations (b));
  g_assert_cmpstr (mg_map_get_title (a), ==, mg_map_get_title (b));
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *x = g_ptr_array_index (actors, i);
      MgActor *y = mg_map_lookup_actor (b, x->id);

      g_assert_nonnull (y);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->role, ==, y->role);
      g_assert_cmpstr (x->territory, ==, y->territory);
      g_assert_cmpstr (x->notes, ==, y->notes);
      g_assert_cmpuint (x->lessons, ==, y->lessons);
      g_assert_cmpfloat (x->x, ==, y->x);
      g_assert_cmpfloat (x->y, ==, y->y);
      g_assert_cmpint (x->pinned, ==, y->pinned);
    }
}

static void
test_save_reopen (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  g_autofree char *path = g_build_filename (tmp_dir, "saved.graphml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  MgWindow *reopened;
  MgCanvas *canvas = mg_window_get_canvas (window);
  double wx, wy;

  /* Edits of every kind: role, territory, notes, a move (pins). */
  click_actor (window, "eum", 0);
  flush_events ();
  mg_inspector_choose_role (mg_window_get_inspector (window), "education");
  mg_inspector_enter_territory (mg_window_get_inspector (window), "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  mg_canvas_actor_to_widget (canvas, actor (window, "eum"), &wx, &wy);
  mg_canvas_drag_begin (canvas, wx, wy, 0);
  mg_canvas_drag_update (canvas, -25, 12);
  mg_canvas_drag_end (canvas);
  g_assert_true (mg_document_get_modified (document));

  g_assert_true (mg_document_save (document, file, NULL));
  g_assert_false (mg_document_get_modified (document));
  g_assert_true (g_file_equal (mg_document_get_file (document), file));

  /* The saved file is this window's now: opening it focuses it. */
  g_assert_true (mg_application_open_file (app, file) == window);
  /* Read it back in a window of its own. */
  reopened = mg_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (reopened));
  mg_window_open_file (reopened, file);
  wait_until (document_ready, reopened, "the saved map to load");
  g_assert_cmpint (mg_document_get_state (mg_window_get_document (reopened)), ==, MG_DOCUMENT_READY);
  compare_maps (mg_document_get_map (document), mg_document_get_map (mg_window_get_document (reopened)));
  g_assert_true (actor (reopened, "eum")->pinned);
  /* Saving the reopened map gives the same file, byte for byte. */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  again = mg_graphml_write_to_string (mg_document_get_map (mg_window_get_document (reopened)), NULL, NULL);
  g_assert_cmpstr (saved, ==, again);
  destroy_window (reopened);
  destroy_window (window);
}

static void
test_close_asks (void)
{
  MgWindow *window = open_example ();
  gpointer weak = window;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  click_actor (window, "credit-agricole", 0);
  flush_events ();
  mg_inspector_choose_role (mg_window_get_inspector (window), "sme");
  g_assert_true (mg_document_get_modified (mg_window_get_document (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  dialog = mg_window_get_pending_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));

  /* Cancel keeps the window and the changes. */
  adw_message_dialog_response (dialog, "cancel");
  flush_events ();
  g_assert_nonnull (weak);
  g_assert_true (mg_document_get_modified (mg_window_get_document (window)));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  dialog = mg_window_get_pending_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  wait_until (window_gone, &weak, "the window to close");
}

static void
check_file_starts_with (const char *path, const char *magic, gsize len)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (contents, len, magic, len);
}

static void
test_export_dialog (void)
{
  MgWindow *window = open_example ();
  GtkWidget *dialog = mg_export_dialog_new (window);
  g_autofree char *png = g_build_filename (tmp_dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "map.pdf", NULL);
  g_autoptr (GFile) png_file = g_file_new_for_path (png);
  g_autoptr (GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (GError) error = NULL;
  MgExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();
  mg_export_dialog_set_format (MG_EXPORT_DIALOG (dialog), MG_EXPORT_FORMAT_PNG);
  mg_export_dialog_get_options (MG_EXPORT_DIALOG (dialog), &options);
  g_assert_cmpint (options.format, ==, MG_EXPORT_FORMAT_PNG);
  g_assert_true (options.legend);
  g_assert_true (mg_export_dialog_export_to_file (MG_EXPORT_DIALOG (dialog), png_file, &error));
  g_assert_no_error (error);
  check_file_starts_with (png, "\x89PNG", 4);

  mg_export_dialog_set_format (MG_EXPORT_DIALOG (dialog), MG_EXPORT_FORMAT_SVG);
  g_assert_true (mg_export_dialog_export_to_file (MG_EXPORT_DIALOG (dialog), svg_file, &error));
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
    g_assert_nonnull (strstr (contents, "Michelin"));
  }

  mg_export_dialog_set_format (MG_EXPORT_DIALOG (dialog), MG_EXPORT_FORMAT_PDF);
  g_assert_true (mg_export_dialog_export_to_file (MG_EXPORT_DIALOG (dialog), pdf_file, &error));
  check_file_starts_with (pdf, "%PDF", 4);

  /* Copy image: a texture on the clipboard. */
  g_assert_true (mg_export_dialog_copy_image (window, NULL, &error));
  g_assert_no_error (error);
  {
    GdkContentFormats *formats =
      gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window)));
    g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static gboolean
layout_finished (gpointer data)
{
  return !mg_document_get_layout_running (data);
}

static void
test_relayout (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgActor *uca = actor (window, "uca");
  double x0 = uca->x, y0 = uca->y;

  mg_document_set_layout_engine (document, MG_LAYOUT_ENGINE_CIRCO);
  mg_document_relayout (document);
  /* Off the main thread: the call returns at once. */
  g_assert_true (mg_document_get_layout_running (document));
  wait_until (layout_finished, document, "the layout");
  g_assert_true (uca->x != x0 || uca->y != y0);
  g_assert_cmpstr (mg_undo_stack_get_undo_label (mg_document_get_undo_stack (document)), ==, "Lay out");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (uca->x, ==, x0);
  g_assert_cmpfloat (uca->y, ==, y0);

  /* Two layouts in a row: only the newer one lands (one undo step). */
  mg_document_set_layout_engine (document, MG_LAYOUT_ENGINE_NEATO);
  mg_document_relayout (document);
  mg_document_set_layout_engine (document, MG_LAYOUT_ENGINE_DOT);
  mg_document_relayout (document);
  wait_until (layout_finished, document, "the second layout");
  flush_events ();
  g_assert_cmpuint (mg_undo_stack_get_depth (mg_document_get_undo_stack (document)), ==, 1);
  destroy_window (window);
}

static gboolean
dialog_pending (gpointer data)
{
  return mg_window_get_pending_dialog (data) != NULL;
}

static void
test_recovery_offered (void)
{
  g_autofree char *example = mg_window_find_example_map ();
  g_autofree char *path = g_build_filename (tmp_dir, "recover.graphml", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  MgWindow *window;
  MgDocument *document;
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  /* An edit, a recovery copy, then the window dies without saving. */
  window = open_map (path);
  document = mg_window_get_document (window);
  click_actor (window, "michelin", 0);
  flush_events ();
  mg_inspector_choose_role (mg_window_get_inspector (window), "financier");
  g_assert_true (mg_document_write_recovery (document, NULL));
  g_assert_true (mg_document_has_recovery (file));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();

  /* Opening the file again offers the changes back. */
  window = mg_application_open_file (app, file);
  wait_until (dialog_pending, window, "the recovery question");
  adw_message_dialog_response (mg_window_get_pending_dialog (window), "restore");
  wait_until (document_ready, window, "the recovered map");
  document = mg_window_get_document (window);
  g_assert_cmpstr (actor (window, "michelin")->role, ==, "financier");
  g_assert_true (mg_document_get_modified (document));
  /* Saving makes the copy obsolete. */
  g_assert_true (mg_document_save (document, NULL, NULL));
  g_assert_false (mg_document_has_recovery (file));
  destroy_window (window);
}

static void
test_search_filters_list (void)
{
  MgWindow *window = open_example ();
  MgActorList *list = mg_window_get_actor_list (window);
  GListModel *shown = mg_actor_list_get_shown (list);
  guint all = g_list_model_get_n_items (shown);

  /* Accents and case do not matter. */
  mg_actor_list_set_search (list, "ECOLE");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  mg_actor_list_set_search (list, NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  destroy_window (window);
}


static void
test_bulk_tag_many (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgWindow *window = mg_window_new (GTK_APPLICATION (app));
  MgDocument *document = mg_window_get_document (window);
  MgScene *scene;
  GPtrArray *actors;

  /* More actors than MG_UNDO_BATCH_THRESHOLD: the scene catches up once. */
  for (guint i = 0; i < 3 * MG_UNDO_BATCH_THRESHOLD; i++)
    {
      MgActor *a = mg_map_add_actor (map, NULL);
      mg_map_set_actor_position (map, a, 80.0 * (i % 10), 80.0 * (i / 10));
      mg_map_set_actor_role (map, a, "startup");
    }
  gtk_window_present (GTK_WINDOW (window));
  mg_document_set_map (document, map, NULL);
  wait_for_frame (mg_window_get_canvas (window));
  scene = mg_document_get_scene (document);
  actors = mg_map_get_actors (map);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL);
  g_assert_cmpuint (mg_selection_get_n_actors (mg_document_get_selection (document)), ==, actors->len);
  flush_events ();
  mg_inspector_choose_role (mg_window_get_inspector (window), "university");
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      g_assert_cmpstr (a->role, ==, "university");
      g_assert_cmpstr (mg_scene_lookup_actor (scene, a)->role->id, ==, "university");
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      g_assert_cmpstr (mg_scene_lookup_actor (scene, a)->role->id, ==, "startup");
    }
  /* Sorting by territory, from the list's menu action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mg_window_get_actor_list (window)),
                                             "list.sort-by", "s", "territory"));
  destroy_window (window);
}

/* A big map without positions is shown at once in a quick arrangement,
 * then laid out behind; an actor moved meanwhile stays where it was put,
 * and the refinement is no undoable step. */
static void
test_quick_then_refined (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "unplaced.graphml", NULL);
  {
    g_autoptr (MgMap) map = mg_map_new ();
    g_autoptr (GRand) rand = g_rand_new_with_seed (9);
    GPtrArray *actors;
    for (guint i = 0; i < 3000; i++)
      mg_map_add_actor (map, NULL);
    actors = mg_map_get_actors (map);
    for (guint i = 1; i < 3000; i++)
      mg_map_add_relation (map, actors->pdata[i], actors->pdata[g_rand_int_range (rand, 0, i)],
                           NULL, FALSE);
    g_assert_true (mg_graphml_write_file (map, path, NULL));
  }

  MgWindow *window = open_map (path);
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgActor *moved = g_ptr_array_index (mg_map_get_actors (map), 7);

  g_assert_true (mg_map_has_positions (map));
  g_assert_true (mg_document_get_layout_running (document));
  mg_map_set_actor_position (map, moved, -5000, -6000);
  wait_until (layout_finished, document, "the refined layout");
  g_assert_cmpfloat (moved->x, ==, -5000);
  g_assert_cmpfloat (moved->y, ==, -6000);
  g_assert_cmpuint (mg_undo_stack_get_depth (mg_document_get_undo_stack (document)), ==, 0);
  destroy_window (window);
}

int
main (int argc, char *argv[])
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/app/open/example-map-shows-its-scene", test_open_example);
  g_test_add_func ("/app/inspector/role-territory-lesson-undo-redo", test_tag_through_inspector);
  g_test_add_func ("/app/inspector/bulk-tag-three-actors", test_bulk_tag);
  g_test_add_func ("/app/inspector/bulk-tag-many-actors-scene-follows", test_bulk_tag_many);
  g_test_add_func ("/app/canvas/move-pins-and-undo", test_move_pins);
  g_test_add_func ("/app/canvas/link-tool-adds-relation", test_link_tool_adds_relation);
  g_test_add_func ("/app/edit/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/app/save/reopen-identical", test_save_reopen);
  g_test_add_func ("/app/close/unsaved-changes-ask", test_close_asks);
  g_test_add_func ("/app/export/dialog-writes-png-svg-pdf", test_export_dialog);
  g_test_add_func ("/app/layout/off-main-thread-undoable", test_relayout);
  g_test_add_func ("/app/layout/quick-then-refined", test_quick_then_refined);
  g_test_add_func ("/app/recovery/offered-on-open", test_recovery_offered);
  g_test_add_func ("/app/list/search-filters", test_search_filters_list);
  status = g_test_run ();

  app_test_teardown ();
  return status;
}
