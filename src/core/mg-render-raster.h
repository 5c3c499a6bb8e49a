/* mg-render-raster.h — direct pixel drawing for the level of detail.
 *
 * Cairo 1.16's image backend strokes antialiased lines at about a quarter
 * of a microsecond per pixel of length, and fills shapes at several
 * microseconds each: a 60,000-relation map takes seconds a frame.  When a
 * relation is at most a pixel and a half wide on screen, or an actor a few
 * pixels, nothing of cairo's precision is visible: this module draws them
 * straight into the pixels of an ARGB32 image (Wu's antialiased lines,
 * coverage-weighted rectangles), a hundred times faster.
 *
 * A raster targets the cairo context's own image surface when it can (an
 * image surface, axis-aligned transformation, rectangular clip); otherwise
 * a scratch image the size of the view, composited onto the context when
 * the raster ends.  Private to the renderer.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  cairo_t         *cr;
  cairo_surface_t *surface;   /* the pixels drawn into */
  gboolean         scratch;   /* a private image, painted onto cr at the end */
  guint32         *pixels;
  int              width, height, stride; /* stride in pixels */
  gboolean         opaque;    /* RGB24: alpha is always full */
  int              cx0, cy0, cx1, cy1;    /* clip, pixels, [x0, x1) */
  /* map coordinates → pixels: px = x * sx + tx, py = y * sy + ty */
  double           sx, tx, sy, ty;
  cairo_matrix_t   to_device;
  double           scratch_scale;         /* pixels per target unit (scratch) */
  gboolean         dirty;
} MgRaster;

/* Starts drawing onto @cr.  @to_device maps target units (the view's) to
 * the device, that is cairo_get_matrix() before the map's transformation;
 * map point p lands at to_device ((p - view) × view_scale).  @width ×
 * @height is the view in target units.  FALSE when the transformation
 * rotates or skews (then draw with cairo). */
gboolean mg_raster_begin (MgRaster *raster, cairo_t *cr, const cairo_matrix_t *to_device,
                          double view_x, double view_y, double view_scale, double width,
                          double height);
/* Makes what was drawn visible to cairo (marks the surface dirty, or paints
 * the scratch image).  Call before further cairo drawing. */
void     mg_raster_flush (MgRaster *raster);
void     mg_raster_end (MgRaster *raster);

/* A colour as premultiplied ARGB32 with alpha @alpha (0–1). */
guint32  mg_raster_color (double r, double g, double b, double alpha);

/* An antialiased line between two map points, @width_px pixels wide (at
 * most about 1.5: thinner lines are drawn lighter).  @dashes (pixels,
 * on/off…) may be NULL; @dash_offset is the distance in pixels already
 * travelled along the pattern at (x0, y0). */
void     mg_raster_line (MgRaster *raster, double x0, double y0, double x1, double y1,
                         guint32 color, double width_px, const double *dashes, guint n_dashes,
                         double dash_offset);
/* A butt-capped line between two map points, @width_px pixels wide (more
 * than a pixel and a half; at most MG_RASTER_MAX_WIDE_PX): each pixel
 * covered by the exact area of it inside the line's band (the ends
 * approximated), which matches cairo's strokes within a few shades.
 * @dashes (pixels, on/off…) may be NULL; @dash_offset as for
 * mg_raster_line(). */
#define MG_RASTER_MAX_WIDE_PX 32.0
void     mg_raster_wide_line (MgRaster *raster, double x0, double y0, double x1, double y1,
                              guint32 color, double width_px, const double *dashes,
                              guint n_dashes, double dash_offset);

/* Composites the ARGB32 image @sprite with its pixel (ax, ay) on the map
 * point (x, y), rounded to the nearest pixel. */
void     mg_raster_blit (MgRaster *raster, cairo_surface_t *sprite, double ax, double ay,
                         double x, double y);

/* A filled triangle in map coordinates (small ones: arrowheads). */
void     mg_raster_triangle (MgRaster *raster, const double xy[6], guint32 color);

/* A filled rectangle in map coordinates, antialiased edges. */
void     mg_raster_rect (MgRaster *raster, double x, double y, double w, double h, guint32 color);

G_END_DECLS
