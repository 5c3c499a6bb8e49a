/* mg-canvas-viewport.h — where the canvas looks: a centre in map
 * coordinates, a zoom, and the widget's size.
 *
 * Kept apart from what is drawn (the scene): the canvas, its gestures, the
 * export of the visible area and saved views all read and move one
 * viewport, and redraw when it says "changed". */
#pragma once

#include <glib-object.h>
#include "mg-scene.h"

G_BEGIN_DECLS

#define MG_CANVAS_MIN_ZOOM 0.005
#define MG_CANVAS_MAX_ZOOM 40.0

#define MG_TYPE_CANVAS_VIEWPORT (mg_canvas_viewport_get_type ())
G_DECLARE_FINAL_TYPE (MgCanvasViewport, mg_canvas_viewport, MG, CANVAS_VIEWPORT, GObject)

/* Properties: "centre-x", "centre-y" (map units), "zoom" (pixels per map
 * unit).  Signal "changed" () once per change of any of them or of the
 * size. */

MgCanvasViewport *mg_canvas_viewport_new (void);

double   mg_canvas_viewport_get_centre_x (MgCanvasViewport *self);
double   mg_canvas_viewport_get_centre_y (MgCanvasViewport *self);
double   mg_canvas_viewport_get_zoom (MgCanvasViewport *self);
void     mg_canvas_viewport_set (MgCanvasViewport *self, double centre_x,
                                 double centre_y, double zoom);
/* The size of the widget showing it, in pixels. */
void     mg_canvas_viewport_set_size (MgCanvasViewport *self, double width, double height);
double   mg_canvas_viewport_get_width (MgCanvasViewport *self);
double   mg_canvas_viewport_get_height (MgCanvasViewport *self);

void     mg_canvas_viewport_map_to_widget (MgCanvasViewport *self, double mx, double my,
                                           double *wx, double *wy);
void     mg_canvas_viewport_widget_to_map (MgCanvasViewport *self, double wx, double wy,
                                           double *mx, double *my);
/* The map rectangle on screen. */
void     mg_canvas_viewport_get_visible_rect (MgCanvasViewport *self, MgRect *rect);

/* Moves the view by a number of pixels (a drag of the background). */
void     mg_canvas_viewport_pan (MgCanvasViewport *self, double dx, double dy);
/* Multiplies the zoom by @factor keeping the map point under (wx, wy) in
 * place. */
void     mg_canvas_viewport_zoom_at (MgCanvasViewport *self, double factor,
                                     double wx, double wy);
/* Shows all of @rect with @margin pixels around; FALSE when @rect is empty
 * or the size is not known yet. */
gboolean mg_canvas_viewport_fit (MgCanvasViewport *self, const MgRect *rect, double margin);

G_END_DECLS
