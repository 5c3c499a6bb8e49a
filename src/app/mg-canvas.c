/* mg-canvas.c — drawing the scene, hit-testing, and the canvas's API.
 * Gestures and keys are in mg-canvas-input.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mg-canvas-private.h"
#include "mg-render-cairo.h"

#define HIT_TOLERANCE_PX 4.0
#define REFIT_USEC (G_USEC_PER_SEC * 3 / 2)

enum { PROP_0, PROP_DOCUMENT, PROP_TOOL, PROP_PRESENTATION, N_PROPS };
enum { FRAME_DRAWN, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgCanvas, mg_canvas, GTK_TYPE_WIDGET)

/* ---- the document ----------------------------------------------------------- */

MgScene *
mg_canvas_get_scene (MgCanvas *self)
{
  return self->document ? mg_document_get_scene (self->document) : NULL;
}

MgUndoStack *
mg_canvas_get_undo (MgCanvas *self)
{
  return self->document ? mg_document_get_undo_stack (self->document) : NULL;
}

MgSelection *
mg_canvas_get_selection (MgCanvas *self)
{
  return self->document ? mg_document_get_selection (self->document) : NULL;
}

static void
on_scene_changed (MgScene *scene, gpointer area, MgCanvas *self)
{
  mg_canvas_update_accessible_label (self);
  mg_canvas_cache_invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed (MgSelection *selection, MgCanvas *self)
{
  mg_canvas_keyboard_selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_undo_changed (MgUndoStack *undo, MgCanvas *self)
{
  /* A bulk edit rebuilds the scene without "changed". */
  mg_canvas_cache_invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_actor_removed (MgMap *map, MgActor *actor, MgCanvas *self)
{
  /* Never keep a pointer to a freed actor. */
  if (self->hover_actor == actor)
    self->hover_actor = NULL;
  mg_canvas_keyboard_forget (self, actor);
  if (self->press_actor == actor || (self->moving && g_ptr_array_find (self->moving, actor, NULL)))
    mg_canvas_cancel_drag (self);
  if (self->editing_actor == actor)
    {
      self->editing_actor = NULL;
      gtk_popover_popdown (GTK_POPOVER (self->label_popover));
    }
}

static void
on_relation_removed (MgMap *map, MgRelation *relation, MgCanvas *self)
{
  if (self->hover_relation == relation)
    self->hover_relation = NULL;
}

static void apply_presentation_style (MgCanvas *self);

static void
connect_scene (MgCanvas *self)
{
  MgScene *scene = mg_canvas_get_scene (self);

  if (scene == NULL)
    return;
  g_signal_connect_object (scene, "changed", G_CALLBACK (on_scene_changed), self, 0);
  g_signal_connect_object (mg_document_get_selection (self->document), "changed",
                           G_CALLBACK (on_selection_changed), self, 0);
  /* After a bulk edit the scene is rebuilt without a "changed" signal. */
  g_signal_connect_object (mg_document_get_undo_stack (self->document), "changed",
                           G_CALLBACK (on_undo_changed), self, 0);
  g_signal_connect_object (mg_document_get_map (self->document), "actor-removed",
                           G_CALLBACK (on_actor_removed), self, 0);
  g_signal_connect_object (mg_document_get_map (self->document), "relation-removed",
                           G_CALLBACK (on_relation_removed), self, 0);
  g_clear_pointer (&self->normal_style, mg_style_unref);
  self->normal_style = mg_style_ref (mg_scene_get_style (scene));
  if (self->presentation)
    apply_presentation_style (self);
}

static void
on_map_changed (MgDocument *document, MgCanvas *self)
{
  mg_canvas_cancel_drag (self);
  self->hover_actor = NULL;
  self->hover_relation = NULL;
  self->editing_actor = NULL;
  mg_canvas_keyboard_forget (self, NULL);
  connect_scene (self);
  mg_canvas_update_accessible_label (self);
  mg_canvas_cache_invalidate (self);
  self->fit_pending = TRUE;
  mg_canvas_zoom_to_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mg_canvas_set_document (MgCanvas *self, MgDocument *document)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  g_return_if_fail (document == NULL || MG_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "map-changed", G_CALLBACK (on_map_changed), self, 0);
      if (mg_document_get_scene (document) != NULL)
        on_map_changed (document, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

MgDocument *
mg_canvas_get_document (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  return self->document;
}

MgCanvasViewport *
mg_canvas_get_viewport (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  return self->viewport;
}

MgCanvasTool
mg_canvas_get_tool (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), MG_CANVAS_TOOL_SELECT);
  return self->tool;
}

void
mg_canvas_set_tool (MgCanvas *self, MgCanvasTool tool)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  if (self->tool == tool)
    return;
  self->tool = tool;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   tool == MG_CANVAS_TOOL_LINK ? "crosshair" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

guint
mg_canvas_get_frame_count (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), 0);
  return self->frame_count;
}

/* ---- presentation mode --------------------------------------------------------- */

/* Projectors are far away: labels of at least PRESENT_LABEL_PX pixels on a
 * 1080-line screen (proportionally more on taller ones), thicker lines.
 * Sizes are set for the zoom shown, so they stay readable whatever the
 * map's size; labels that find no room are dropped (by priority: the
 * most connected actors keep theirs) rather than shrunk.  Only the
 * scene's style changes; the map does not.  The palette (light or dark,
 * which the window may have changed since the map was shown) stays the
 * scene's. */
#define PRESENT_LABEL_PX 24.0
#define PRESENT_LINE_PX 2.5
#define PRESENT_SHAPE_PX 30.0
/* Zoom changes smaller than this keep the sizes (no re-placing of labels). */
#define RESTYLE_TOLERANCE 0.12

double
mg_canvas_present_label_px (MgCanvas *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  return MAX (PRESENT_LABEL_PX, PRESENT_LABEL_PX * height / 1080.0);
}

static void
apply_presentation_style (MgCanvas *self)
{
  MgScene *scene = mg_canvas_get_scene (self);

  if (scene == NULL || self->normal_style == NULL)
    return;

  gboolean dark = mg_scene_get_style (scene)->dark;
  g_autoptr (MgStyle) style = mg_style_copy (self->normal_style);
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);

  if (self->presentation)
    {
      double label_px = mg_canvas_present_label_px (self);
      double line_px = PRESENT_LINE_PX * label_px / PRESENT_LABEL_PX;
      double grow;

      zoom = MAX (zoom, MG_CANVAS_MIN_ZOOM);
      /* Far labels are drawn inflated (mg_scene_label_zoom()): the size
       * asked for is the one drawn, not inflated a second time. */
      style->label_size = MAX (style->label_size * 1.6,
                               label_px / (zoom * mg_scene_label_zoom (zoom)));
      grow = style->label_size / self->normal_style->label_size;
      style->cluster_label_size = MAX (style->cluster_label_size * 1.5, label_px * 1.1 / zoom);
      style->relation_width = MAX (style->relation_width * 1.4, line_px / zoom);
      style->relation_min_width = MAX (style->relation_min_width * 1.4, line_px * 0.6 / zoom);
      style->relation_max_width = MAX (style->relation_max_width, style->relation_width * 3);
      style->actor_stroke_width = MAX (style->actor_stroke_width * 1.3, 1.5 / zoom);
      style->arrow_size = MAX (style->arrow_size, 4 * line_px / zoom);
      /* Rings and halos keep their size: the legend draws its samples
       * with them, in its own units. */
      style->ring_width *= 1.25;
      style->halo_width *= 1.25;
      style->label_padding *= MIN (grow, 4.0);
      style->label_gap *= MIN (grow, 4.0);
      /* Shapes carry the roles' colours: big enough to tell apart from
       * afar, at most twice their size (they would cover each other). */
      style->actor_scale = CLAMP (PRESENT_SHAPE_PX * label_px / PRESENT_LABEL_PX /
                                  (MAX (style->actor_size, 1.0) * zoom), 1.0, 2.0);
      style->legend_compact = TRUE;
      self->styled_zoom = zoom;
    }
  if (style->dark != dark)
    mg_style_set_dark (style, dark);
  mg_scene_set_style (scene, style);
}

void
mg_canvas_restyle_now (MgCanvas *self)
{
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);

  g_clear_handle_id (&self->restyle_source, g_source_remove);
  /* Zoomed out even a little, labels would fall under their size: always
   * restyled then; zoomed in, only beyond the tolerance. */
  if (self->presentation && (self->styled_zoom <= 0 || zoom < self->styled_zoom * 0.999 ||
                             zoom / self->styled_zoom - 1.0 >= RESTYLE_TOLERANCE / 2))
    apply_presentation_style (self);
}

static gboolean
restyle_timeout (gpointer data)
{
  MgCanvas *self = data;

  self->restyle_source = 0;
  if (self->presentation)
    apply_presentation_style (self);
  return G_SOURCE_REMOVE;
}

/* Once a zoom settles, sizes follow it. */
static void
queue_restyle (MgCanvas *self)
{
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);

  if (!self->presentation || self->styled_zoom <= 0 ||
      fabs (zoom / self->styled_zoom - 1.0) < RESTYLE_TOLERANCE)
    return;
  g_clear_handle_id (&self->restyle_source, g_source_remove);
  self->restyle_source = g_timeout_add (250, restyle_timeout, self);
}

static void
set_presentation (MgCanvas *self, gboolean presentation)
{
  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  g_clear_handle_id (&self->restyle_source, g_source_remove);
  apply_presentation_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

/* ---- geometry -------------------------------------------------------------------- */

void
mg_canvas_zoom_to_fit (MgCanvas *self)
{
  MgScene *scene;
  MgRect bounds;

  g_return_if_fail (MG_IS_CANVAS (self));
  scene = mg_canvas_get_scene (self);
  if (scene == NULL)
    return;
  mg_scene_get_bounds (scene, &bounds);
  if (!mg_canvas_fit_rect (self, &bounds))
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  /* Presenting, label sizes follow the zoom and the bounds follow the
   * labels: once more settles both. */
  if (self->presentation)
    for (guint i = 0; i < 4; i++)
      {
        double before = mg_canvas_viewport_get_zoom (self->viewport);

        mg_scene_get_bounds (scene, &bounds);
        mg_canvas_fit_rect (self, &bounds);
        if (i > 0 && mg_canvas_viewport_get_zoom (self->viewport) == before)
          break;
      }
}

void
mg_canvas_queue_fit (MgCanvas *self)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  self->fit_pending = TRUE;
  self->has_fit_rect = FALSE;
  self->refit_until = g_get_monotonic_time () + REFIT_USEC;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
mg_canvas_zoom_by (MgCanvas *self, double factor)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  mg_canvas_viewport_zoom_at (self->viewport, factor,
                              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
mg_canvas_get_centre (MgCanvas *self, double *mx, double *my)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  if (mx)
    *mx = mg_canvas_viewport_get_centre_x (self->viewport);
  if (my)
    *my = mg_canvas_viewport_get_centre_y (self->viewport);
}

/* TRUE when a box of @size around (x, y) meets no actor or label. */
static gboolean
spot_is_free (MgScene *scene, double x, double y, double size)
{
  MgRect rect = { x - size, y - size, 2 * size, 2 * size };
  g_autoptr (GPtrArray) items = mg_scene_query_rect (scene, &rect);

  for (guint i = 0; i < items->len; i++)
    if (((MgSceneItem *) g_ptr_array_index (items, i))->type == MG_SCENE_ITEM_ACTOR)
      return FALSE;
  return TRUE;
}

void
mg_canvas_find_free_spot (MgCanvas *self, double *mx, double *my)
{
  MgScene *scene;
  double cx, cy, size, step;

  g_return_if_fail (MG_IS_CANVAS (self));
  mg_canvas_get_centre (self, &cx, &cy);
  *mx = cx;
  *my = cy;
  scene = mg_canvas_get_scene (self);
  if (scene == NULL)
    return;
  /* Room for the shape and a short label: the new actor is seen at once. */
  size = MAX (mg_scene_get_style (scene)->actor_size, 20.0) * 1.5;
  step = size * 1.2;
  /* Rings around the centre, nearest first. */
  for (guint ring = 0; ring <= 12; ring++)
    {
      guint n = ring == 0 ? 1 : 8 * ring;

      for (guint k = 0; k < n; k++)
        {
          double angle = 2 * G_PI * k / n;
          double x = cx + ring * step * cos (angle);
          double y = cy + ring * step * sin (angle);

          if (spot_is_free (scene, x, y, size))
            {
              *mx = x;
              *my = y;
              return;
            }
        }
    }
}

static MgSceneItem *
item_at (MgCanvas *self, double x, double y)
{
  MgScene *scene = mg_canvas_get_scene (self);
  double mx, my, zoom;

  if (scene == NULL)
    return NULL;
  zoom = mg_canvas_viewport_get_zoom (self->viewport);
  mg_canvas_viewport_widget_to_map (self->viewport, x, y, &mx, &my);
  return mg_scene_hit_test (scene, mx, my, HIT_TOLERANCE_PX / zoom);
}

MgActor *
mg_canvas_actor_at (MgCanvas *self, double x, double y)
{
  MgSceneItem *item;

  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  item = item_at (self, x, y);
  if (item == NULL || item->type != MG_SCENE_ITEM_ACTOR)
    return NULL;
  return ((MgSceneActor *) item)->actor;
}

MgRelation *
mg_canvas_relation_at (MgCanvas *self, double x, double y)
{
  MgSceneItem *item;

  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  item = item_at (self, x, y);
  if (item == NULL || item->type != MG_SCENE_ITEM_RELATION)
    return NULL;
  return ((MgSceneRelation *) item)->relation;
}

gboolean
mg_canvas_actor_to_widget (MgCanvas *self, const MgActor *actor, double *x, double *y)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  if (!actor->has_position)
    return FALSE;
  mg_canvas_viewport_map_to_widget (self->viewport, actor->x, actor->y, x, y);
  return TRUE;
}

void
mg_canvas_click (MgCanvas *self, double x, double y, GdkModifierType state)
{
  MgSelection *selection;
  MgSceneItem *item;
  MgSelectMode mode = MG_SELECT_REPLACE;

  g_return_if_fail (MG_IS_CANVAS (self));
  selection = mg_canvas_get_selection (self);
  if (selection == NULL)
    return;

  if (state & GDK_CONTROL_MASK)
    mode = MG_SELECT_TOGGLE;
  else if (state & GDK_SHIFT_MASK)
    mode = MG_SELECT_ADD;

  item = item_at (self, x, y);
  if (item == NULL)
    {
      if (mode == MG_SELECT_REPLACE)
        mg_selection_clear (selection);
    }
  else if (item->type == MG_SCENE_ITEM_ACTOR)
    mg_selection_select_actor (selection, ((MgSceneActor *) item)->actor, mode);
  else
    mg_selection_select_relation (selection, ((MgSceneRelation *) item)->relation, mode);
}

void
mg_canvas_select_in_rect (MgCanvas *self, double x0, double y0, double x1, double y1,
                          gboolean add)
{
  MgScene *scene;
  MgSelection *selection;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) actors = g_ptr_array_new ();
  double ax, ay, bx, by;
  MgRect rect;

  g_return_if_fail (MG_IS_CANVAS (self));
  scene = mg_canvas_get_scene (self);
  selection = mg_canvas_get_selection (self);
  if (scene == NULL)
    return;

  mg_canvas_viewport_widget_to_map (self->viewport, MIN (x0, x1), MIN (y0, y1), &ax, &ay);
  mg_canvas_viewport_widget_to_map (self->viewport, MAX (x0, x1), MAX (y0, y1), &bx, &by);
  rect = (MgRect) { ax, ay, bx - ax, by - ay };
  items = mg_scene_query_rect (scene, &rect);
  for (guint i = 0; i < items->len; i++)
    {
      MgSceneItem *item = g_ptr_array_index (items, i);
      MgSceneActor *sa = (MgSceneActor *) item;

      /* The band takes actors whose centre it covers, as in file managers. */
      if (item->type == MG_SCENE_ITEM_ACTOR && mg_rect_contains_point (&rect, sa->x, sa->y))
        g_ptr_array_add (actors, sa->actor);
    }
  mg_selection_select_actors (selection, actors, add ? MG_SELECT_ADD : MG_SELECT_REPLACE);
}

/* ---- label editor --------------------------------------------------------------- */

static void
on_label_entry_activate (GtkEntry *entry, MgCanvas *self)
{
  g_autoptr (GPtrArray) actors = g_ptr_array_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  MgActor *actor = self->editing_actor;

  self->editing_actor = NULL;
  gtk_popover_popdown (GTK_POPOVER (self->label_popover));
  if (actor == NULL || mg_canvas_get_undo (self) == NULL)
    return;
  g_ptr_array_add (actors, actor);
  mg_undo_set_actors_text (mg_canvas_get_undo (self), actors, MG_UNDO_ACTOR_LABEL, NULL, text);
}

void
mg_canvas_edit_label (MgCanvas *self, MgActor *actor)
{
  double x, y;
  MgSceneActor *sa;
  double half_h = 10;

  g_return_if_fail (MG_IS_CANVAS (self));
  g_return_if_fail (actor != NULL);
  if (!mg_canvas_actor_to_widget (self, actor, &x, &y))
    return;
  sa = mg_scene_lookup_actor (mg_canvas_get_scene (self), actor);
  if (sa != NULL)
    half_h = MAX (4.0, sa->height * mg_canvas_viewport_get_zoom (self->viewport) / 2.0);

  self->editing_actor = actor;
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), actor->label ? actor->label : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->label_popover),
                               &(GdkRectangle) { (int) x - 1, (int) (y - half_h), 2, (int) (2 * half_h) });
  gtk_popover_popup (GTK_POPOVER (self->label_popover));
  gtk_widget_grab_focus (self->label_entry);
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgCanvas *self = MG_CANVAS (widget);
  MgSelection *selection = mg_canvas_get_selection (self);

  if (selection == NULL || mg_selection_get_n_actors (selection) == 0)
    return;
  mg_canvas_edit_label (self, g_ptr_array_index (mg_selection_get_actors (selection), 0));
}

/* ---- drawing ------------------------------------------------------------------------ */

static void
get_accent (MgCanvas *self, GdkRGBA *accent)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_bg_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
trace_halo (cairo_t *cr, const MgSceneActor *sa, double pad)
{
  double w = sa->width / 2 + pad, h = sa->height / 2 + pad;

  if (sa->shape == MG_SHAPE_ELLIPSE || sa->shape == MG_SHAPE_CIRCLE)
    {
      cairo_save (cr);
      cairo_translate (cr, sa->x, sa->y);
      cairo_scale (cr, w, h);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  else
    {
      double r = MIN (pad * 1.5, MIN (w, h));
      double x0 = sa->x - w, y0 = sa->y - h, x1 = sa->x + w, y1 = sa->y + h;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
}

/* The selection is drawn over the map in the accent colour: it is the
 * window's state, not the map's, so exports never show it. */
static void
draw_selection (MgCanvas *self, cairo_t *cr, const MgRect *visible, double zoom)
{
  MgSelection *selection = mg_canvas_get_selection (self);
  MgScene *scene = mg_canvas_get_scene (self);
  GPtrArray *actors, *relations;
  GdkRGBA accent;
  double px = 1.0 / zoom;

  if (selection == NULL || mg_selection_is_empty (selection))
    return;
  get_accent (self, &accent);
  actors = mg_selection_get_actors (selection);
  relations = mg_selection_get_relations (selection);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < relations->len; i++)
    {
      MgSceneRelation *sr = mg_scene_lookup_relation (scene, g_ptr_array_index (relations, i));

      if (sr == NULL || sr->n_points < 2 || !mg_rect_intersects (&sr->item.bounds, visible))
        continue;
      cairo_move_to (cr, sr->points[0], sr->points[1]);
      for (guint p = 1; p + 2 < sr->n_points; p += 3)
        cairo_curve_to (cr, sr->points[2 * p], sr->points[2 * p + 1],
                        sr->points[2 * p + 2], sr->points[2 * p + 3],
                        sr->points[2 * p + 4], sr->points[2 * p + 5]);
      if (sr->n_points == 2)
        cairo_line_to (cr, sr->points[2], sr->points[3]);
    }
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
  cairo_set_line_width (cr, 6 * px);
  cairo_stroke (cr);

  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = mg_scene_lookup_actor (scene, g_ptr_array_index (actors, i));

      if (sa == NULL || !mg_rect_intersects (&sa->item.bounds, visible))
        continue;
      trace_halo (cr, sa, 4 * px);
    }
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.18);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
  cairo_set_line_width (cr, 2.5 * px);
  cairo_stroke (cr);
}

static void
draw_link_preview (MgCanvas *self, cairo_t *cr, double zoom)
{
  GdkRGBA accent;
  double mx, my;

  if (self->drag != DRAG_LINK || self->press_actor == NULL)
    return;
  get_accent (self, &accent);
  mg_canvas_viewport_widget_to_map (self->viewport, self->drag_x, self->drag_y, &mx, &my);
  cairo_move_to (cr, self->press_actor->x, self->press_actor->y);
  cairo_line_to (cr, mx, my);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.9);
  cairo_set_line_width (cr, 2.0 / zoom);
  cairo_set_dash (cr, (double[]) { 6.0 / zoom, 4.0 / zoom }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
mg_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  MgCanvas *self = MG_CANVAS (widget);
  MgScene *scene = mg_canvas_get_scene (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);
  MgRect visible;
  cairo_t *cr;
  gint64 start;

  if (scene == NULL || width <= 0 || height <= 0)
    return;

  mg_canvas_viewport_get_visible_rect (self->viewport, &visible);
  start = g_get_monotonic_time ();
  /* The map (mg-canvas-cache.c), then what belongs to the window: the
   * selection and the relation being drawn, in a small node of their own. */
  mg_canvas_cache_draw (self, snapshot, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  draw_selection (self, cr, &visible, zoom);
  draw_link_preview (self, cr, zoom);
  mg_canvas_draw_focus_ring (self, cr, &visible, zoom);
  cairo_restore (cr);
  cairo_destroy (cr);
  mg_canvas_draw_legend (self, snapshot, width, height);
  self->last_frame_ms = (g_get_monotonic_time () - start) / 1000.0;

  if (self->drag == DRAG_RUBBER)
    {
      GdkRGBA accent, fill;
      graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->press_x, self->drag_x),
                                                 MIN (self->press_y, self->drag_y),
                                                 fabs (self->drag_x - self->press_x),
                                                 fabs (self->drag_y - self->press_y));
      GskRoundedRect outline;

      get_accent (self, &accent);
      fill = accent;
      fill.alpha = 0.15;
      gtk_snapshot_append_color (snapshot, &fill, &band);
      gsk_rounded_rect_init_from_rect (&outline, &band, 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[]) { 1, 1, 1, 1 },
                                  (GdkRGBA[]) { accent, accent, accent, accent });
    }

  self->frame_count++;
  g_signal_emit (self, signals[FRAME_DRAWN], 0, self->last_frame_ms);
}

static void
mg_canvas_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  MgCanvas *self = MG_CANVAS (widget);

  mg_canvas_viewport_set_size (self->viewport, width, height);
  /* A window going full screen or maximised grows over several frames
   * (the header bar slides away, the window manager answers): the view
   * asked for is fitted again to each new size for a moment. */
  if (!self->fit_pending && g_get_monotonic_time () < self->refit_until &&
      (width != self->fitted_width || height != self->fitted_height))
    self->fit_pending = TRUE;
  if (self->fit_pending && self->has_fit_rect)
    {
      if (mg_canvas_fit_rect (self, &self->pending_fit_rect))
        self->fit_pending = FALSE;
    }
  else if (self->fit_pending)
    mg_canvas_zoom_to_fit (self);
  if (!self->fit_pending)
    {
      self->fitted_width = width;
      self->fitted_height = height;
    }
  gtk_popover_present (GTK_POPOVER (self->label_popover));
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
mg_canvas_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                   int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 100;
  *natural = 600;
}

static gboolean
mg_canvas_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard,
                         GtkTooltip *tooltip)
{
  MgCanvas *self = MG_CANVAS (widget);
  MgSceneItem *item;
  g_autofree char *text = NULL;

  if (keyboard || self->drag != DRAG_NONE)
    return FALSE;
  item = item_at (self, x, y);
  if (item == NULL)
    return FALSE;
  text = mg_scene_describe_item (mg_canvas_get_scene (self), item);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_viewport_changed (MgCanvasViewport *viewport, MgCanvas *self)
{
  mg_canvas_cache_note_motion (self);
  queue_restyle (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- actions ----------------------------------------------------------------------- */

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgCanvas *self = MG_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    mg_canvas_zoom_by (self, 1.25);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    mg_canvas_zoom_by (self, 1 / 1.25);
  else if (g_str_equal (action_name, "canvas.zoom-one"))
    mg_canvas_zoom_by (self, 1.0 / mg_canvas_viewport_get_zoom (self->viewport));
  else
    mg_canvas_zoom_to_fit (self);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
mg_canvas_dispose (GObject *object)
{
  MgCanvas *self = MG_CANVAS (object);

  mg_canvas_cancel_drag (self);
  mg_canvas_cache_clear (self);
  g_clear_handle_id (&self->restyle_source, g_source_remove);
  if (self->presentation)
    set_presentation (self, FALSE);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->label_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->normal_style, mg_style_unref);
  self->focus_actor = NULL;
  G_OBJECT_CLASS (mg_canvas_parent_class)->dispose (object);
}

static void
mg_canvas_finalize (GObject *object)
{
  MgCanvas *self = MG_CANVAS (object);

  g_clear_object (&self->viewport);
  g_free (self->accessible_label);
  g_free (self->accessible_description);
  G_OBJECT_CLASS (mg_canvas_parent_class)->finalize (object);
}

static void
mg_canvas_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgCanvas *self = MG_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:     g_value_set_object (value, self->document); break;
    case PROP_TOOL:         g_value_set_int (value, self->tool); break;
    case PROP_PRESENTATION: g_value_set_boolean (value, self->presentation); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_canvas_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MgCanvas *self = MG_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:     mg_canvas_set_document (self, g_value_get_object (value)); break;
    case PROP_TOOL:         mg_canvas_set_tool (self, g_value_get_int (value)); break;
    case PROP_PRESENTATION: set_presentation (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_canvas_class_init (MgCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_canvas_dispose;
  object_class->finalize = mg_canvas_finalize;
  object_class->get_property = mg_canvas_get_property;
  object_class->set_property = mg_canvas_set_property;

  widget_class->snapshot = mg_canvas_snapshot;
  widget_class->size_allocate = mg_canvas_size_allocate;
  widget_class->measure = mg_canvas_measure;
  widget_class->query_tooltip = mg_canvas_query_tooltip;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MG_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, MG_CANVAS_TOOL_SELECT, MG_CANVAS_TOOL_LINK,
                      MG_CANVAS_TOOL_SELECT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FRAME_DRAWN] =
    g_signal_new ("frame-drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-one", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);

  mg_canvas_class_setup_input (widget_class);
  mg_canvas_class_setup_keyboard (widget_class);
  gtk_widget_class_set_css_name (widget_class, "mg-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mg_canvas_init (MgCanvas *self)
{
  GtkWidget *box;

  /* MAILLAGE_CANVAS_CACHE=0 draws every frame afresh (for comparisons). */
  self->use_cache = g_strcmp0 (g_getenv ("MAILLAGE_CANVAS_CACHE"), "0") != 0;
  self->viewport = mg_canvas_viewport_new ();
  g_signal_connect_object (self->viewport, "changed", G_CALLBACK (on_viewport_changed), self, 0);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  /* The label editor: a popover with an entry, pointing at the actor. */
  self->label_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->label_popover, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->label_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->label_entry), _("Label"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->label_entry), 28);
  g_signal_connect (self->label_entry, "activate", G_CALLBACK (on_label_entry_activate), self);
  gtk_box_append (GTK_BOX (box), self->label_entry);
  gtk_popover_set_child (GTK_POPOVER (self->label_popover), box);

  mg_canvas_setup_input (self);
  mg_canvas_setup_keyboard (self);
}

GtkWidget *
mg_canvas_new (void)
{
  return g_object_new (MG_TYPE_CANVAS, NULL);
}
