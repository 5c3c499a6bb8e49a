/* mg-canvas-legend.c — the scene's legend over the canvas (the very one
 * exports draw, through mg_render_cairo_legend), and fits that keep clear
 * of it and of the captions the window lays over the map. */
#include "config.h"

#include <math.h>

#include "mg-canvas-private.h"
#include "mg-render-cairo.h"

#define LEGEND_MARGIN 16.0
#define FIT_MARGIN 32.0
/* Legend text on a projector: a little smaller than the labels. */
#define PRESENT_LEGEND_RATIO 0.85

/* How many pixels one legend point takes: about 1.2 in a window (the
 * screen's text size), large enough to read from the back of a room when
 * presenting; always small enough for the legend to fit in the height and
 * a third of the width. */
double
mg_canvas_legend_scale (MgCanvas *self, int width, int height)
{
  MgScene *scene = mg_canvas_get_scene (self);
  const MgLegend *legend;
  double scale;

  if (scene == NULL)
    return 1.0;
  legend = mg_scene_get_legend (scene);
  if (legend->width <= 0 || legend->height <= 0)
    return 1.0;
  if (self->presentation)
    scale = mg_canvas_present_label_px (self) * PRESENT_LEGEND_RATIO / MAX (legend->font_size, 1.0);
  else
    scale = 4.0 / 3.0; /* points to pixels, as GTK sizes text */
  scale = MIN (scale, (height - 2 * LEGEND_MARGIN) / legend->height);
  scale = MIN (scale, width / 3.0 / legend->width);
  return MAX (scale, 0.1);
}

gboolean
mg_canvas_get_legend_rect (MgCanvas *self, graphene_rect_t *rect)
{
  MgScene *scene;
  const MgLegend *legend;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  g_return_val_if_fail (MG_IS_CANVAS (self), FALSE);
  scene = mg_canvas_get_scene (self);
  if (!self->legend_visible || scene == NULL || width <= 0 || height <= 0)
    return FALSE;
  legend = mg_scene_get_legend (scene);
  if (legend->entries->len == 0)
    return FALSE;
  scale = mg_canvas_legend_scale (self, width, height);
  if (rect != NULL)
    *rect = GRAPHENE_RECT_INIT (width - LEGEND_MARGIN - legend->width * scale,
                                self->inset_top + LEGEND_MARGIN,
                                legend->width * scale, legend->height * scale);
  return TRUE;
}

void
mg_canvas_draw_legend (MgCanvas *self, GtkSnapshot *snapshot, int width, int height)
{
  graphene_rect_t rect;
  cairo_t *cr;
  double scale;

  if (!mg_canvas_get_legend_rect (self, &rect))
    return;
  scale = mg_canvas_legend_scale (self, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &rect);
  cairo_translate (cr, rect.origin.x, rect.origin.y);
  cairo_scale (cr, scale, scale);
  mg_render_cairo_legend (mg_canvas_get_scene (self), cr, 0, 0);
  cairo_destroy (cr);
}

void
mg_canvas_set_legend_visible (MgCanvas *self, gboolean visible)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  visible = !!visible;
  if (self->legend_visible == visible)
    return;
  self->legend_visible = visible;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mg_canvas_get_legend_visible (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), FALSE);
  return self->legend_visible;
}

void
mg_canvas_set_fit_insets (MgCanvas *self, double left, double top, double right, double bottom)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  self->inset_left = MAX (left, 0);
  self->inset_top = MAX (top, 0);
  self->inset_right = MAX (right, 0);
  self->inset_bottom = MAX (bottom, 0);
}

/* The part of the widget fits use, in pixels: inside the insets and
 * clear of the legend, less a margin. */
static gboolean
fit_area (MgCanvas *self, double *x, double *y, double *w, double *h)
{
  double width = mg_canvas_viewport_get_width (self->viewport);
  double height = mg_canvas_viewport_get_height (self->viewport);
  double left = self->inset_left, right = self->inset_right;
  double top = self->inset_top, bottom = self->inset_bottom;
  graphene_rect_t legend;

  if (width <= 0 || height <= 0)
    return FALSE;
  if (mg_canvas_get_legend_rect (self, &legend))
    right = MAX (right, width - legend.origin.x);
  /* A narrow window keeps the map rather than the clear margins: the map
   * then passes under the legend. */
  if (width - left - right < width * 0.45)
    left = right = 0;
  if (height - top - bottom < height * 0.45)
    top = bottom = 0;
  *x = left + FIT_MARGIN;
  *y = top + FIT_MARGIN;
  *w = MAX (1.0, width - left - right - 2 * FIT_MARGIN);
  *h = MAX (1.0, height - top - bottom - 2 * FIT_MARGIN);
  return TRUE;
}

gboolean
mg_canvas_fit_rect (MgCanvas *self, const MgRect *rect)
{
  double x, y, w, h, zoom, width, height;

  g_return_val_if_fail (MG_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (rect->width < 0 || rect->height < 0 || !fit_area (self, &x, &y, &w, &h))
    return FALSE;
  width = mg_canvas_viewport_get_width (self->viewport);
  height = mg_canvas_viewport_get_height (self->viewport);
  zoom = MIN (w / MAX (rect->width, 1.0), h / MAX (rect->height, 1.0));
  /* A map of three actors should not fill a screen with giant circles. */
  zoom = CLAMP (zoom, MG_CANVAS_MIN_ZOOM, 2.0);
  /* The rectangle's centre goes to the centre of the area. */
  mg_canvas_viewport_set (self->viewport,
                          rect->x + rect->width / 2.0 - (x + w / 2.0 - width / 2.0) / zoom,
                          rect->y + rect->height / 2.0 - (y + h / 2.0 - height / 2.0) / zoom, zoom);
  if (self->presentation)
    mg_canvas_restyle_now (self);
  return TRUE;
}

gboolean
mg_canvas_get_frame_rect (MgCanvas *self, MgRect *rect)
{
  double x, y, w, h, ax, ay, bx, by;

  g_return_val_if_fail (MG_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);
  if (!fit_area (self, &x, &y, &w, &h))
    return FALSE;
  mg_canvas_viewport_widget_to_map (self->viewport, x, y, &ax, &ay);
  mg_canvas_viewport_widget_to_map (self->viewport, x + w, y + h, &bx, &by);
  *rect = (MgRect) { ax, ay, bx - ax, by - ay };
  return TRUE;
}

void
mg_canvas_queue_fit_rect (MgCanvas *self, const MgRect *rect)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  self->has_fit_rect = rect != NULL;
  if (rect != NULL)
    self->pending_fit_rect = *rect;
  self->fit_pending = TRUE;
  self->refit_until = g_get_monotonic_time () + G_USEC_PER_SEC * 3 / 2;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
