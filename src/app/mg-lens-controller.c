/* mg-lens-controller.c — lenses, filters, focus, saved views and metrics of
 * one window (see the header). */
#include "config.h"

#include "mg-lens-controller.h"
#include "mg-metrics.h"
#include "mg-scene-bridge.h"

/* Structure edits come in bursts (a paste, an undo): betweenness waits
 * for the burst to end. */
#define METRICS_DELAY_MS 400

struct _MgLensController {
  GObject          parent_instance;

  MgDocument      *document;  /* not owned: the window owns both */
  MgCanvas        *canvas;
  MgMap           *map;       /* the map the visibility watches */
  MgVisibility    *visibility;
  guint            apply_idle;
  MgScene         *scene;     /* the scene states were copied into */
  gboolean         applying;

  MgLensSettings   lens;
  MgFilter        *filter;
  int              current_view;
  char            *frame_key;     /* what decides which actors hide (see frame_key()) */
  gboolean         applying_view; /* a view brings its own framing */

  GSimpleActionGroup *actions;
  gboolean         syncing;   /* updating action states from settings */

  GCancellable    *metrics_cancellable;
  guint            metrics_timeout;
  double          *betweenness;
  guint            n_betweenness;
};

enum { SETTINGS_CHANGED, VIEWS_CHANGED, METRICS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgLensController, mg_lens_controller, G_TYPE_OBJECT)

static const char *const lesson_actions[MG_N_LESSONS] = { "valorize", "care", "combine", "learn" };

/* ---- applying to the scene ------------------------------------------------------------- */

static void
apply_now (MgLensController *self)
{
  MgScene *scene = mg_document_get_scene (self->document);

  g_clear_handle_id (&self->apply_idle, g_source_remove);
  if (scene == NULL || self->visibility == NULL)
    return;
  self->applying = TRUE;
  mg_scene_bridge_apply_visibility (scene, self->visibility);
  self->applying = FALSE;
}

static gboolean
apply_idle_cb (gpointer data)
{
  MgLensController *self = data;

  self->apply_idle = 0;
  apply_now (self);
  return G_SOURCE_REMOVE;
}

/* "changed" comes from inside the map's signal emissions, before the scene
 * may have caught up with the same change: apply once things settle. */
static void
on_visibility_changed (MgVisibility *visibility, MgLensController *self)
{
  if (self->apply_idle == 0)
    self->apply_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, apply_idle_cb, self, NULL);
}

/* A rebuilt scene (a bulk edit, a new style) has new items without states:
 * it says so with a change of everything.  Changes we cause are ignored. */
static void
on_scene_changed (MgScene *scene, gpointer area, MgLensController *self)
{
  if (area == NULL && !self->applying)
    on_visibility_changed (self->visibility, self);
}

static void
sync_action_states (MgLensController *self)
{
  self->syncing = TRUE;
  for (guint l = 0; l < MG_N_LESSONS; l++)
    g_action_group_change_action_state (G_ACTION_GROUP (self->actions), lesson_actions[l],
                                        g_variant_new_boolean ((self->lens.active & MG_LESSON_BIT (l)) != 0));
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "all",
                                      g_variant_new_boolean (self->lens.mode == MG_LENS_MODE_ALL));
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "hide",
                                      g_variant_new_boolean (self->lens.unmatched == MG_UNMATCHED_HIDE));
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "derived",
                                      g_variant_new_boolean (self->lens.derived));
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "level",
                                      g_variant_new_uint32 (self->lens.lens_level));
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "threshold",
                                      g_variant_new_uint32 (self->lens.combine_threshold));
  self->syncing = FALSE;
}

/* Focus and "hide unmatched" change what is shown, and the view follows
 * them: this says what they are, to know when they change. */
static char *
frame_key (MgLensController *self)
{
  g_autofree char *focus = self->filter->focus != NULL
                           ? g_strjoinv ("\n", self->filter->focus) : g_strdup ("");
  gboolean hides = self->lens.unmatched == MG_UNMATCHED_HIDE && self->lens.active != 0;

  return g_strdup_printf ("%s|%u|%d|%d|%u|%d|%u", focus, self->filter->focus_hops,
                          self->filter->focus_direction, hides, hides ? self->lens.active : 0,
                          hides ? self->lens.mode : 0, hides ? self->lens.derived : 0);
}

/* Pushes the settings into the visibility and the scene, synchronously
 * (what the user just asked for shows in the next frame). */
static void
settings_changed (MgLensController *self)
{
  g_autofree char *key = frame_key (self);

  if (self->visibility != NULL)
    {
      mg_visibility_set_lens_settings (self->visibility, &self->lens);
      mg_visibility_set_filter (self->visibility, self->filter);
      apply_now (self);
    }
  /* Showing fewer (or again all) actors: frame what is shown now. */
  if (g_strcmp0 (key, self->frame_key) != 0)
    {
      if (self->frame_key != NULL && !self->applying_view && self->canvas != NULL &&
          self->visibility != NULL)
        {
          mg_canvas_zoom_to_fit (self->canvas);
          /* Presenting, a new zoom may restyle (rebuild) the scene: its
           * states come back now, not at the next idle. */
          if (self->apply_idle != 0)
            apply_now (self);
        }
      g_free (self->frame_key);
      self->frame_key = g_steal_pointer (&key);
    }
  sync_action_states (self);
  g_signal_emit (self, signals[SETTINGS_CHANGED], 0);
}

/* ---- metrics ---------------------------------------------------------------------------- */

static void
on_betweenness_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (MgLensController) self = data;
  g_autoptr (GError) error = NULL;
  double *values = mg_metrics_betweenness_finish (result, &error);

  if (values == NULL)
    return; /* cancelled: a newer run is on its way */
  g_clear_object (&self->metrics_cancellable);
  g_free (self->betweenness);
  self->betweenness = values;
  self->n_betweenness = self->map != NULL ? mg_map_get_actors (self->map)->len : 0;
  /* Labels by importance: the brokers' first, once known. */
  MgScene *scene = self->document != NULL ? mg_document_get_scene (self->document) : NULL;
  if (scene != NULL)
    {
      self->applying = TRUE;
      mg_scene_set_label_priority (scene, self->betweenness, self->n_betweenness);
      self->applying = FALSE;
    }
  g_signal_emit (self, signals[METRICS_CHANGED], 0);
}

static gboolean
start_metrics (gpointer data)
{
  MgLensController *self = data;
  MgAdjacency *adj;

  self->metrics_timeout = 0;
  if (self->metrics_cancellable != NULL)
    g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  if (self->visibility == NULL)
    return G_SOURCE_REMOVE;
  self->metrics_cancellable = g_cancellable_new ();
  adj = mg_visibility_get_adjacency (self->visibility);
  mg_metrics_betweenness_async (adj, MG_BETWEENNESS_DEFAULT, self->metrics_cancellable, NULL, NULL,
                                on_betweenness_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
queue_metrics (MgLensController *self)
{
  if (self->metrics_cancellable != NULL)
    g_cancellable_cancel (self->metrics_cancellable);
  g_clear_pointer (&self->betweenness, g_free);
  self->n_betweenness = 0;
  g_clear_handle_id (&self->metrics_timeout, g_source_remove);
  self->metrics_timeout = g_timeout_add (METRICS_DELAY_MS, start_metrics, self);
  g_signal_emit (self, signals[METRICS_CHANGED], 0);
}

static void
on_structure_changed (MgMap *map, gpointer item, MgLensController *self)
{
  queue_metrics (self);
}

/* ---- following the document ------------------------------------------------------------- */

static void
drop_visibility (MgLensController *self)
{
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  if (self->visibility != NULL)
    g_signal_handlers_disconnect_by_data (self->visibility, self);
  if (self->scene != NULL)
    g_signal_handlers_disconnect_by_data (self->scene, self);
  g_clear_object (&self->scene);
  g_clear_object (&self->visibility);
  g_clear_object (&self->map);
  g_clear_handle_id (&self->apply_idle, g_source_remove);
}

/* lens.scales (s): the map's scales as text, "France, Europe, …". */
static void
sync_scales_state (MgLensController *self)
{
  g_auto (GStrv) scales = self->map != NULL ? mg_map_dup_scales (self->map)
                                            : mg_scales_parse (MG_DEFAULT_SCALES);
  g_autofree char *text = mg_scales_to_string ((const char *const *) scales);
  gboolean was = self->syncing;

  self->syncing = TRUE;
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "scales",
                                      g_variant_new_string (text));
  self->syncing = was;
}

static void
on_metadata_changed (MgMap *map, MgLensController *self)
{
  sync_scales_state (self);
}

static void
on_map_changed (MgDocument *document, MgLensController *self)
{
  MgMap *map = mg_document_get_map (document);

  drop_visibility (self);
  self->current_view = -1;
  if (map != NULL)
    {
      self->map = g_object_ref (map);
      self->visibility = mg_visibility_new (map);
      g_signal_connect (self->visibility, "changed", G_CALLBACK (on_visibility_changed), self);
      g_signal_connect (map, "actor-added", G_CALLBACK (on_structure_changed), self);
      g_signal_connect (map, "actor-removed", G_CALLBACK (on_structure_changed), self);
      g_signal_connect (map, "relation-added", G_CALLBACK (on_structure_changed), self);
      g_signal_connect (map, "relation-removed", G_CALLBACK (on_structure_changed), self);
      g_signal_connect (map, "metadata-changed", G_CALLBACK (on_metadata_changed), self);
      self->scene = mg_document_get_scene (document);
      if (self->scene != NULL)
        {
          g_object_ref (self->scene);
          g_signal_connect (self->scene, "changed", G_CALLBACK (on_scene_changed), self);
        }
    }
  /* Lenses and filters stay on from one map to the next; focus names
   * actors of the old map and goes. */
  mg_filter_set_focus (self->filter, NULL, self->filter->focus_hops, self->filter->focus_direction);
  g_clear_pointer (&self->frame_key, g_free);
  settings_changed (self);
  sync_scales_state (self);
  queue_metrics (self);
  g_signal_emit (self, signals[VIEWS_CHANGED], 0);
}

/* A layout may rebuild the scene: its items lose their states. */
static void
on_layout_finished (MgDocument *document, const char *message, MgLensController *self)
{
  apply_now (self);
}

/* ---- actions ---------------------------------------------------------------------------- */

static void
lesson_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  MgLensController *self = data;
  const char *name = g_action_get_name (G_ACTION (action));

  g_simple_action_set_state (action, value);
  if (self->syncing)
    return;
  for (guint l = 0; l < MG_N_LESSONS; l++)
    if (g_str_equal (name, lesson_actions[l]))
      {
        if (g_variant_get_boolean (value))
          self->lens.active |= MG_LESSON_BIT (l);
        else
          self->lens.active &= ~MG_LESSON_BIT (l);
      }
  if (g_str_equal (name, "all"))
    self->lens.mode = g_variant_get_boolean (value) ? MG_LENS_MODE_ALL : MG_LENS_MODE_ANY;
  else if (g_str_equal (name, "hide"))
    self->lens.unmatched = g_variant_get_boolean (value) ? MG_UNMATCHED_HIDE : MG_UNMATCHED_FADE;
  else if (g_str_equal (name, "derived"))
    self->lens.derived = g_variant_get_boolean (value);
  settings_changed (self);
}

/* lens.level (u): the level territories are compared at; lens.threshold
 * (u): the families combine asks for. */
static void
number_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  MgLensController *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  guint number = g_variant_get_uint32 (value);

  if (g_str_equal (name, "level") && number > 16)
    return;
  if (g_str_equal (name, "threshold") && (number < 1 || number > MG_N_FAMILIES))
    return;
  g_simple_action_set_state (action, value);
  if (self->syncing)
    return;
  if (g_str_equal (name, "level"))
    self->lens.lens_level = number;
  else
    self->lens.combine_threshold = number;
  settings_changed (self);
}

static void
scales_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  MgLensController *self = data;
  g_auto (GStrv) scales = mg_scales_parse (g_variant_get_string (value, NULL));

  g_simple_action_set_state (action, value);
  if (self->syncing || self->map == NULL)
    return;
  /* The edit goes through undo; the map says "metadata-changed", which
   * brings the lenses and this state up to date. */
  mg_undo_set_scales (mg_document_get_undo_stack (self->document), (const char *const *) scales);
  sync_scales_state (self);
}

static void
clear_filters_activate (GSimpleAction *action, GVariant *param, gpointer data)
{
  MgLensController *self = data;
  g_autoptr (MgFilter) filter = mg_filter_new ();

  mg_lens_controller_set_filter (self, filter);
}

static void
focus_activate (GSimpleAction *action, GVariant *param, gpointer data)
{
  MgLensController *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  MgSelection *selection = mg_document_get_selection (self->document);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  MgFocusDirection direction = MG_FOCUS_BOTH;
  GPtrArray *actors;

  if (selection == NULL || mg_selection_get_n_actors (selection) == 0)
    return;
  actors = mg_selection_get_actors (selection);
  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (ids, ((MgActor *) g_ptr_array_index (actors, i))->id);
  g_ptr_array_add (ids, NULL);
  if (g_str_equal (name, "focus-out"))
    direction = MG_FOCUS_OUT;
  else if (g_str_equal (name, "focus-in"))
    direction = MG_FOCUS_IN;
  mg_filter_set_focus (self->filter, (const char *const *) ids->pdata,
                       CLAMP (g_variant_get_uint32 (param), 1, 3), direction);
  settings_changed (self);
}

static void
clear_focus_activate (GSimpleAction *action, GVariant *param, gpointer data)
{
  MgLensController *self = data;

  mg_filter_set_focus (self->filter, NULL, self->filter->focus_hops, self->filter->focus_direction);
  settings_changed (self);
}

static void
step_activate (GSimpleAction *action, GVariant *param, gpointer data)
{
  MgLensController *self = data;

  mg_lens_controller_step_view (self, g_str_equal (g_action_get_name (G_ACTION (action)), "next-view") ? 1 : -1);
}

static void
apply_view_activate (GSimpleAction *action, GVariant *param, gpointer data)
{
  mg_lens_controller_apply_view (data, g_variant_get_uint32 (param));
}

static void
build_actions (MgLensController *self)
{
  static const GActionEntry entries[] = {
    { "valorize", NULL, NULL, "false", lesson_change_state, { 0 } },
    { "care", NULL, NULL, "false", lesson_change_state, { 0 } },
    { "combine", NULL, NULL, "false", lesson_change_state, { 0 } },
    { "learn", NULL, NULL, "false", lesson_change_state, { 0 } },
    { "all", NULL, NULL, "false", lesson_change_state, { 0 } },
    { "hide", NULL, NULL, "false", lesson_change_state, { 0 } },
    { "derived", NULL, NULL, "true", lesson_change_state, { 0 } },
    { "level", NULL, "u", "uint32 1", number_change_state, { 0 } },
    { "threshold", NULL, "u", "uint32 3", number_change_state, { 0 } },
    { "scales", NULL, NULL, "'France, Europe, International, National'", scales_change_state, { 0 } },
    { "clear-filters", clear_filters_activate, NULL, NULL, NULL, { 0 } },
    { "focus", focus_activate, "u", NULL, NULL, { 0 } },
    { "focus-out", focus_activate, "u", NULL, NULL, { 0 } },
    { "focus-in", focus_activate, "u", NULL, NULL, { 0 } },
    { "clear-focus", clear_focus_activate, NULL, NULL, NULL, { 0 } },
    { "next-view", step_activate, NULL, NULL, NULL, { 0 } },
    { "previous-view", step_activate, NULL, NULL, NULL, { 0 } },
    { "apply-view", apply_view_activate, "u", NULL, NULL, { 0 } },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}

/* ---- views ------------------------------------------------------------------------------ */

GPtrArray *
mg_lens_controller_get_views (MgLensController *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *views = NULL;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  if (self->map != NULL)
    views = mg_map_get_views (self->map, &error);
  if (views == NULL)
    {
      if (error != NULL)
        g_warning ("The saved views of this map cannot be read: %s", error->message);
      views = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_view_free);
    }
  return views;
}

static void
store_views (MgLensController *self, GPtrArray *views)
{
  mg_map_set_views (self->map, views);
  mg_document_mark_modified (self->document);
  g_signal_emit (self, signals[VIEWS_CHANGED], 0);
}

/* The part of the map shown, as a rectangle: shown again, it fits any
 * screen (a view made in a window, presented full screen). */
static void
take_frame (MgLensController *self, MgViewFrame *frame)
{
  MgRect rect;

  if (self->canvas == NULL || !mg_canvas_get_frame_rect (self->canvas, &rect))
    return;
  frame->kind = MG_VIEW_FRAME_RECT;
  frame->x = rect.x;
  frame->y = rect.y;
  frame->width = rect.width;
  frame->height = rect.height;
}

void
mg_lens_controller_save_view (MgLensController *self, const char *name)
{
  g_autoptr (GPtrArray) views = NULL;
  MgView *view;
  guint i;

  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  g_return_if_fail (name != NULL && *name != '\0');
  if (self->map == NULL)
    return;
  views = mg_lens_controller_get_views (self);
  view = mg_view_new (name);
  view->lens = self->lens;
  mg_filter_free (view->filter);
  view->filter = mg_filter_copy (self->filter);
  take_frame (self, &view->viewport);
  for (i = 0; i < views->len; i++)
    if (g_strcmp0 (((MgView *) g_ptr_array_index (views, i))->name, name) == 0)
      break;
  if (i < views->len)
    {
      MgView *old = g_ptr_array_index (views, i);

      view->note = g_steal_pointer (&old->note);
      mg_view_free (old);
      g_ptr_array_index (views, i) = view;
    }
  else
    g_ptr_array_add (views, view);
  self->current_view = i;
  store_views (self, views);
}

gboolean
mg_lens_controller_apply_view (MgLensController *self, guint index)
{
  g_autoptr (GPtrArray) views = NULL;
  const MgView *view;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), FALSE);
  views = mg_lens_controller_get_views (self);
  if (index >= views->len)
    return FALSE;
  view = g_ptr_array_index (views, index);
  self->lens = view->lens;
  mg_filter_free (self->filter);
  self->filter = mg_filter_copy (view->filter);
  self->current_view = index;
  self->applying_view = view->viewport.kind != MG_VIEW_FRAME_NONE;
  settings_changed (self);
  self->applying_view = FALSE;
  if (self->canvas != NULL)
    {
      MgCanvasViewport *viewport = mg_canvas_get_viewport (self->canvas);

      if (view->viewport.kind == MG_VIEW_FRAME_CENTRE && view->viewport.zoom > 0)
        mg_canvas_viewport_set (viewport, view->viewport.centre_x, view->viewport.centre_y,
                                view->viewport.zoom);
      else if (view->viewport.kind == MG_VIEW_FRAME_RECT && view->viewport.width > 0)
        {
          MgRect rect = { view->viewport.x, view->viewport.y, view->viewport.width,
                          view->viewport.height };
          mg_canvas_fit_rect (self->canvas, &rect);
        }
      /* The frame may have restyled (rebuilt) the scene when presenting. */
      if (self->apply_idle != 0)
        apply_now (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
    }
  return TRUE;
}

/* The frame of view @index, for fitting it again (entering presentation
 * mode); FALSE when it has none. */
gboolean
mg_lens_controller_get_view_frame (MgLensController *self, guint index, MgRect *rect)
{
  g_autoptr (GPtrArray) views = NULL;
  const MgView *view;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), FALSE);
  views = mg_lens_controller_get_views (self);
  if (index >= views->len)
    return FALSE;
  view = g_ptr_array_index (views, index);
  if (view->viewport.kind != MG_VIEW_FRAME_RECT || view->viewport.width <= 0)
    return FALSE;
  *rect = (MgRect) { view->viewport.x, view->viewport.y, view->viewport.width,
                     view->viewport.height };
  return TRUE;
}

void
mg_lens_controller_update_view (MgLensController *self, guint index)
{
  g_autoptr (GPtrArray) views = NULL;
  MgView *view;

  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  views = mg_lens_controller_get_views (self);
  if (index >= views->len)
    return;
  view = g_ptr_array_index (views, index);
  view->lens = self->lens;
  mg_filter_free (view->filter);
  view->filter = mg_filter_copy (self->filter);
  take_frame (self, &view->viewport);
  self->current_view = index;
  store_views (self, views);
}

void
mg_lens_controller_rename_view (MgLensController *self, guint index, const char *name,
                                const char *note)
{
  g_autoptr (GPtrArray) views = NULL;
  MgView *view;

  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  views = mg_lens_controller_get_views (self);
  if (index >= views->len)
    return;
  view = g_ptr_array_index (views, index);
  if (name != NULL && *name != '\0')
    {
      g_free (view->name);
      view->name = g_strdup (name);
    }
  g_free (view->note);
  view->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  store_views (self, views);
}

void
mg_lens_controller_move_view (MgLensController *self, guint from, guint to)
{
  g_autoptr (GPtrArray) views = NULL;
  gpointer view;

  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  views = mg_lens_controller_get_views (self);
  if (from >= views->len || to >= views->len || from == to)
    return;
  view = g_ptr_array_steal_index (views, from);
  g_ptr_array_insert (views, (int) to, view);
  if (self->current_view == (int) from)
    self->current_view = (int) to;
  else if (from < to && self->current_view > (int) from && self->current_view <= (int) to)
    self->current_view--;
  else if (from > to && self->current_view >= (int) to && self->current_view < (int) from)
    self->current_view++;
  store_views (self, views);
}

MgView *
mg_lens_controller_copy_view (MgLensController *self, guint index)
{
  g_autoptr (GPtrArray) views = NULL;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  views = mg_lens_controller_get_views (self);
  return index < views->len ? mg_view_copy (g_ptr_array_index (views, index)) : NULL;
}

void
mg_lens_controller_insert_view (MgLensController *self, guint index, const MgView *view)
{
  g_autoptr (GPtrArray) views = NULL;

  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  g_return_if_fail (view != NULL);
  if (self->map == NULL)
    return;
  views = mg_lens_controller_get_views (self);
  index = MIN (index, views->len);
  g_ptr_array_insert (views, (int) index, mg_view_copy (view));
  if (self->current_view >= (int) index)
    self->current_view++;
  store_views (self, views);
}

void
mg_lens_controller_delete_view (MgLensController *self, guint index)
{
  g_autoptr (GPtrArray) views = NULL;

  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  views = mg_lens_controller_get_views (self);
  if (index >= views->len)
    return;
  g_ptr_array_remove_index (views, index);
  if (self->current_view == (int) index)
    self->current_view = -1;
  else if (self->current_view > (int) index)
    self->current_view--;
  store_views (self, views);
}

const char *
mg_lens_controller_step_view (MgLensController *self, int delta)
{
  g_autoptr (GPtrArray) views = NULL;
  int n, next;
  static char *last_name; /* keeps the returned name alive */

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  views = mg_lens_controller_get_views (self);
  n = (int) views->len;
  if (n == 0)
    return NULL;
  if (self->current_view < 0)
    next = delta > 0 ? 0 : n - 1;
  else
    next = ((self->current_view + delta) % n + n) % n;
  if (!mg_lens_controller_apply_view (self, (guint) next))
    return NULL;
  g_free (last_name);
  last_name = g_strdup (((MgView *) g_ptr_array_index (views, next))->name);
  return last_name;
}

int
mg_lens_controller_get_current_view (MgLensController *self)
{
  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), -1);
  return self->current_view;
}

/* ---- public ----------------------------------------------------------------------------- */

GActionGroup *
mg_lens_controller_get_actions (MgLensController *self)
{
  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

MgVisibility *
mg_lens_controller_get_visibility (MgLensController *self)
{
  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  return self->visibility;
}

void
mg_lens_controller_get_lens_settings (MgLensController *self, MgLensSettings *out)
{
  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  g_return_if_fail (out != NULL);
  *out = self->lens;
}

void
mg_lens_controller_set_lens_settings (MgLensController *self, const MgLensSettings *settings)
{
  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  g_return_if_fail (settings != NULL);
  self->lens = *settings;
  settings_changed (self);
}

const MgFilter *
mg_lens_controller_get_filter (MgLensController *self)
{
  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  return self->filter;
}

void
mg_lens_controller_set_filter (MgLensController *self, const MgFilter *filter)
{
  g_return_if_fail (MG_IS_LENS_CONTROLLER (self));
  mg_filter_free (self->filter);
  self->filter = filter != NULL ? mg_filter_copy (filter) : mg_filter_new ();
  settings_changed (self);
}

const double *
mg_lens_controller_get_betweenness (MgLensController *self, guint *n)
{
  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), NULL);
  if (n != NULL)
    *n = self->n_betweenness;
  return self->betweenness;
}

gboolean
mg_lens_controller_get_metrics_running (MgLensController *self)
{
  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (self), FALSE);
  return self->betweenness == NULL && self->visibility != NULL;
}

/* ---- object ----------------------------------------------------------------------------- */

static void
mg_lens_controller_dispose (GObject *object)
{
  MgLensController *self = MG_LENS_CONTROLLER (object);

  if (self->metrics_cancellable != NULL)
    g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  g_clear_handle_id (&self->metrics_timeout, g_source_remove);
  drop_visibility (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->canvas);
  G_OBJECT_CLASS (mg_lens_controller_parent_class)->dispose (object);
}

static void
mg_lens_controller_finalize (GObject *object)
{
  MgLensController *self = MG_LENS_CONTROLLER (object);

  mg_filter_free (self->filter);
  g_free (self->frame_key);
  g_free (self->betweenness);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (mg_lens_controller_parent_class)->finalize (object);
}

static void
mg_lens_controller_class_init (MgLensControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_lens_controller_dispose;
  object_class->finalize = mg_lens_controller_finalize;
  signals[SETTINGS_CHANGED] = g_signal_new ("settings-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[VIEWS_CHANGED] = g_signal_new ("views-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[METRICS_CHANGED] = g_signal_new ("metrics-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mg_lens_controller_init (MgLensController *self)
{
  mg_lens_settings_init (&self->lens);
  self->filter = mg_filter_new ();
  self->current_view = -1;
  build_actions (self);
}

MgLensController *
mg_lens_controller_new (MgDocument *document, MgCanvas *canvas)
{
  MgLensController *self;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);
  self = g_object_new (MG_TYPE_LENS_CONTROLLER, NULL);
  self->document = g_object_ref (document);
  self->canvas = canvas != NULL ? g_object_ref (canvas) : NULL;
  g_signal_connect (document, "map-changed", G_CALLBACK (on_map_changed), self);
  g_signal_connect (document, "layout-finished", G_CALLBACK (on_layout_finished), self);
  if (mg_document_get_map (document) != NULL)
    on_map_changed (document, self);
  return self;
}
