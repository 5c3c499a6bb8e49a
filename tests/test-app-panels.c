/* test-app-panels.c — the side panels follow the map live: the filter
 * panel lists roles, territories and kinds as soon as the map has them;
 * the inspector adds a relation (undoable); a file dropped on a window
 * opens; presentation mode shows the map alone. */
#include "config.h"

#include <gtk/gtk.h>

#include "mg-application.h"
#include "mg-filter-panel.h"
#include "mg-inspector.h"
#include "mg-window.h"

#include "app-test-util.h"

/* ---- helpers ---------------------------------------------------------------------------- */

/* TRUE when a label showing exactly @text is somewhere under @widget. */
static gboolean
shows_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* TRUE when a drop-down under @widget offers @text. */
static gboolean
offers_choice (GtkWidget *widget, const char *text)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (model, i);

          if (GTK_IS_STRING_OBJECT (item) &&
              g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), text) == 0)
            return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (offers_choice (child, text))
      return TRUE;
  return FALSE;
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  return shows_label (wait->widget, wait->text);
}

static gboolean
choice_offered (gpointer data)
{
  LabelWait *wait = data;
  return offers_choice (wait->widget, wait->text);
}

static GtkWidget *
first_check_button (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_check_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static MgActor *
actor (MgWindow *window, const char *id)
{
  MgActor *a = mg_map_lookup_actor (mg_document_get_map (mg_window_get_document (window)), id);

  g_assert_nonnull (a);
  return a;
}

/* ---- filter panel ----------------------------------------------------------------------- */

static void
test_filter_panel_follows_map (void)
{
  MgWindow *window = open_example ();
  MgMap *map = mg_document_get_map (mg_window_get_document (window));
  GtkWidget *panel = mg_window_get_side_page (window, "filters");
  MgActor *cime = actor (window, "cime");
  MgActor *michelin = actor (window, "michelin");
  LabelWait role = { panel, "living-lab" };
  LabelWait kind = { panel, "co-design" };
  LabelWait place = { panel, "Auvergne-Rhône-Alpes/Cantal" };
  GtkWidget *first_check;
  MgRelation *relation;

  g_assert_true (MG_IS_FILTER_PANEL (panel));
  g_assert_true (shows_label (panel, "Connector"));
  g_assert_false (shows_label (panel, "living-lab"));
  g_assert_false (offers_choice (panel, place.text));

  /* A role no map had: listed without reopening, and filterable. */
  mg_map_set_actor_role (map, cime, "living-lab");
  wait_until (label_shown, &role, "the new role in the filter panel");
  g_assert_true (mg_filter_panel_set_role_checked (MG_FILTER_PANEL (panel), "living-lab", TRUE));

  /* A territory, and each of its levels. */
  mg_map_set_actor_territory (map, cime, place.text);
  wait_until (choice_offered, &place, "the new territory in the filter panel");

  /* A relation of a new kind. */
  relation = mg_map_add_relation (map, cime, michelin, NULL, TRUE);
  g_assert_nonnull (relation);
  mg_map_set_relation_kind (map, relation, "co-design");
  wait_until (label_shown, &kind, "the new kind in the filter panel");

  /* Unchanged contents: the rows stay the same widgets (no rebuild while
   * the user is in the panel). */
  first_check = first_check_button (panel);
  g_assert_nonnull (first_check);
  mg_map_set_actor_label (map, cime, "CIME (renamed)");
  mg_map_set_actor_role (map, michelin, "connector");
  flush_events ();
  g_usleep (200 * 1000);
  flush_events ();
  g_assert_true (first_check_button (panel) == first_check);

  /* And gone when the last actor of the role leaves it. */
  mg_map_set_actor_role (map, cime, "connector");
  role.text = "Connector";
  wait_until (label_shown, &role, "the filter panel after the role went");
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (shows_label (panel, "living-lab") && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_false (shows_label (panel, "living-lab"));
  destroy_window (window);
}

/* ---- inspector: add a relation ------------------------------------------------------------ */

static MgRelation *
find_relation (MgMap *map, MgActor *source, MgActor *target, const char *kind)
{
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      if (r->source == source && r->target == target && g_strcmp0 (r->kind, kind) == 0)
        return r;
    }
  return NULL;
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

/* Provenance in the inspector: several actors at once, one undo step; and
 * what is added in presentation mode is marked "workshop". */
static void
test_inspector_provenance (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgSelection *selection = mg_document_get_selection (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  MgUndoStack *undo = mg_document_get_undo_stack (document);
  MgActor *eum = actor (window, "eum");
  MgActor *pecheur = actor (window, "pecheur-com");
  g_autoptr (GPtrArray) both = g_ptr_array_new ();
  AdwComboRow *row = ADW_COMBO_ROW (find_named (GTK_WIDGET (inspector), "provenance"));
  MgActor *added;

  g_autofree char *eum_was = g_strdup (eum->provenance);
  g_autofree char *pecheur_was = g_strdup (pecheur->provenance);

  g_assert_nonnull (row);
  g_ptr_array_add (both, eum);
  g_ptr_array_add (both, pecheur);
  mg_selection_select_actors (selection, both, MG_SELECT_REPLACE);
  flush_events ();
  adw_combo_row_set_selected (row, 3); /* illustrative */
  flush_events ();
  g_assert_cmpstr (eum->provenance, ==, "illustrative");
  g_assert_cmpstr (pecheur->provenance, ==, "illustrative");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpstr (eum->provenance, ==, eum_was);
  g_assert_cmpstr (pecheur->provenance, ==, pecheur_was);
  /* Mixed values show as none selected. */
  mg_map_set_actor_provenance (mg_document_get_map (document), eum, "stated");
  mg_map_set_actor_provenance (mg_document_get_map (document), pecheur, NULL);
  mg_selection_select_actor (selection, pecheur, MG_SELECT_REPLACE);
  mg_selection_select_actors (selection, both, MG_SELECT_REPLACE);
  flush_events ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, GTK_INVALID_LIST_POSITION);

  /* A relation's provenance, on the relation page. */
  {
    MgRelation *relation = g_ptr_array_index (mg_map_get_relations (mg_document_get_map (document)), 0);
    AdwComboRow *relation_row =
      ADW_COMBO_ROW (find_named (GTK_WIDGET (inspector), "relation-provenance"));

    g_assert_nonnull (relation_row);
    mg_selection_select_relation (selection, relation, MG_SELECT_REPLACE);
    flush_events ();
    g_assert_cmpstr (mg_inspector_get_page (inspector), ==, "relations");
    adw_combo_row_set_selected (relation_row, 2); /* inferred */
    flush_events ();
    g_assert_cmpstr (relation->provenance, ==, "inferred");
  }

  /* Workshop additions: by default, only in presentation mode. */
  added = mg_undo_add_actor (undo, "Outside", NULL, 0, 0);
  g_assert_null (added->provenance);
  g_object_set (window, "presentation", TRUE, NULL);
  added = mg_undo_add_actor (undo, "Live", NULL, 10, 10);
  g_assert_cmpstr (added->provenance, ==, "workshop");
  g_object_set (window, "presentation", FALSE, NULL);
  added = mg_undo_add_actor (undo, "After", NULL, 20, 20);
  g_assert_null (added->provenance);
  destroy_window (window);
}

static void
test_inspector_adds_relation (void)
{
  MgWindow *window = open_example ();
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgSelection *selection = mg_document_get_selection (document);
  MgInspector *inspector = mg_window_get_inspector (window);
  MgUndoStack *undo = mg_document_get_undo_stack (document);
  MgActor *eum = actor (window, "eum");
  MgActor *pecheur = actor (window, "pecheur-com");
  guint n_relations = mg_map_get_n_relations (map);
  MgRelation *relation;

  g_assert_null (find_relation (map, eum, pecheur, "training"));

  /* Not offered without exactly one actor selected. */
  g_assert_null (mg_inspector_add_relation (inspector, "pecheur-com", "training"));
  mg_selection_select_actor (selection, eum, MG_SELECT_REPLACE);
  flush_events ();
  g_assert_cmpstr (mg_inspector_get_page (inspector), ==, "actors");
  /* Not to an actor that is not there, nor of an unknown kind. */
  g_assert_null (mg_inspector_add_relation (inspector, "nobody", "training"));
  g_assert_null (mg_inspector_add_relation (inspector, "eum", "training"));
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, n_relations);

  relation = mg_inspector_add_relation (inspector, "pecheur-com", "training");
  g_assert_nonnull (relation);
  g_assert_true (find_relation (map, eum, pecheur, "training") == relation);
  g_assert_true (relation->directed);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, n_relations + 1);
  g_assert_nonnull (mg_scene_lookup_relation (mg_document_get_scene (document), relation));
  g_assert_true (mg_document_get_modified (document));
  /* The actor stays inspected: several relations in a row. */
  g_assert_cmpstr (mg_inspector_get_page (inspector), ==, "actors");
  g_assert_true (mg_selection_contains_actor (selection, eum));

  /* One step, undone and redone. */
  g_assert_true (mg_undo_stack_can_undo (undo));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (find_relation (map, eum, pecheur, "training"));
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, n_relations);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_nonnull (find_relation (map, eum, pecheur, "training"));

  /* Without a kind, as on the canvas. */
  relation = mg_inspector_add_relation (inspector, "pecheur-com", NULL);
  g_assert_nonnull (relation);
  g_assert_null (relation->kind);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, n_relations + 2);
  destroy_window (window);
}

/* ---- drag and drop ---------------------------------------------------------------------- */

static GtkDropTarget *
drop_target (MgWindow *window)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
drop (MgWindow *window, const GValue *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (drop_target (window), "drop", value, 10.0, 10.0, &accepted);
  return accepted;
}

static MgWindow *
window_for (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MG_IS_WINDOW (l->data) && mg_window_has_file (l->data, file))
      return l->data;
  return NULL;
}

static gboolean
window_opened (gpointer data)
{
  MgWindow *window = window_for (data);
  return window != NULL && document_ready (window);
}

static GFile *
example_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps", name, NULL);
  return g_file_new_for_path (path);
}

static void
test_drop_opens_files (void)
{
  g_autoptr (GFile) peak = example_file ("peak-auvergne-rhone-alpes.graphml");
  g_autoptr (GFile) innovente = example_file ("innovente-hauts-de-france.graphml");
  g_autoptr (GFile) france = example_file ("france-territorial-innovation.graphml");
  MgWindow *empty = mg_window_new (GTK_APPLICATION (app));
  MgWindow *other, *third;
  GSList *files = NULL;
  g_auto (GValue) list_value = G_VALUE_INIT;
  g_auto (GValue) file_value = G_VALUE_INIT;
  g_auto (GValue) text_value = G_VALUE_INIT;

  gtk_window_present (GTK_WINDOW (empty));
  g_assert_true (mg_window_is_empty (empty));
  g_assert_null (window_for (peak));

  /* A file list (what file managers give): the empty window takes the
   * first map, the next one gets a window of its own. */
  files = g_slist_append (files, g_object_ref (peak));
  files = g_slist_append (files, g_object_ref (innovente));
  g_value_init (&list_value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&list_value, files);
  g_assert_true (drop (empty, &list_value));
  wait_until (window_opened, peak, "the dropped map to open");
  g_assert_true (window_for (peak) == empty);
  wait_until (window_opened, innovente, "the second dropped map to open");
  other = window_for (innovente);
  g_assert_true (other != empty);
  g_assert_cmpuint (mg_map_get_n_actors (mg_document_get_map (mg_window_get_document (empty))), >, 0);

  /* One GFile on a window that shows a map: a new window. */
  g_value_init (&file_value, G_TYPE_FILE);
  g_value_set_object (&file_value, france);
  g_assert_true (drop (other, &file_value));
  wait_until (window_opened, france, "the map dropped on a full window to open");
  third = window_for (france);
  g_assert_true (third != other && third != empty);
  g_assert_true (mg_window_has_file (other, innovente));

  /* Anything else is refused. */
  g_value_init (&text_value, G_TYPE_STRING);
  g_value_set_string (&text_value, "not a file");
  g_assert_false (drop (empty, &text_value));

  destroy_window (third);
  destroy_window (other);
  destroy_window (empty);
}

/* ---- presentation ------------------------------------------------------------------------- */

/* The first widget under @widget whose action is @action, or NULL. */
static GtkWidget *
find_actionable (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* On the projector: the map alone, bigger labels; everything back after. */
static void
test_presentation_shows_only_the_map (void)
{
  MgWindow *window = open_example ();
  GtkWidget *zoom_fit = find_actionable (GTK_WIDGET (window), "canvas.zoom-fit");
  MgScene *scene = mg_document_get_scene (mg_window_get_document (window));
  double label_size = mg_scene_get_style (scene)->label_size;
  gboolean panel;

  g_assert_nonnull (zoom_fit);
  g_assert_true (gtk_widget_is_visible (zoom_fit));
  g_object_get (window, "panel-visible", &panel, NULL);
  g_assert_true (panel);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL));
  flush_events ();
  g_object_get (window, "presentation", &panel, NULL);
  g_assert_true (panel);
  g_object_get (window, "panel-visible", &panel, NULL);
  g_assert_false (panel);
  g_assert_false (gtk_widget_is_visible (zoom_fit));
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size, >, label_size);
  wait_for_frame (mg_window_get_canvas (window));

  g_object_set (window, "presentation", FALSE, NULL);
  flush_events ();
  g_assert_true (gtk_widget_is_visible (zoom_fit));
  g_object_get (window, "panel-visible", &panel, NULL);
  g_assert_true (panel);
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size, ==, label_size);
  destroy_window (window);
}

int
main (int argc, char *argv[])
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/app/filter-panel/follows-new-roles-territories-kinds",
                   test_filter_panel_follows_map);
  g_test_add_func ("/app/inspector/add-relation-undoable", test_inspector_adds_relation);
  g_test_add_func ("/app/inspector/provenance-many-and-workshop", test_inspector_provenance);
  g_test_add_func ("/app/window/drop-files-opens-them", test_drop_opens_files);
  g_test_add_func ("/app/window/presentation-shows-only-the-map", test_presentation_shows_only_the_map);
  status = g_test_run ();

  app_test_teardown ();
  return status;
}
