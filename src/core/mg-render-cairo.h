/* mg-render-cairo.h — drawing a scene with cairo: screen, PNG and PDF.
 *
 * The canvas calls mg_render_cairo() with a viewport-sized context; exports
 * call mg_render_cairo_page() on an image or PDF surface.  Text goes through
 * pango-cairo, so it stays text in PDF.
 *
 * Big maps (2,000 items or more), with level of detail on: relations at
 * most 1.5 px wide, arrowheads and actors up to 64 px are drawn straight
 * into the pixels (mg-render-raster.h), labels in one glyph call per font.
 * That is fastest on an ARGB32/RGB24 image surface with an axis-aligned
 * transformation and a rectangular clip (the canvas should draw into a
 * viewport-sized image surface and upload it); on other surfaces (a
 * recording surface) a scratch image is composited, a little slower.
 * Small maps are always drawn by cairo alone.
 */
#pragma once

#include <cairo.h>
#include "mg-scene.h"

G_BEGIN_DECLS

/* Where we look: the map point at the target's top-left corner, the zoom,
 * and the target's size, in target units (pixels on screen). */
typedef struct {
  double x, y;          /* map coordinates at the top-left corner */
  double scale;         /* target units per map unit */
  double width, height; /* target size, target units */
} MgViewport;

/* The map rectangle the viewport shows. */
void mg_viewport_get_visible_rect (const MgViewport *viewport, MgRect *rect);
/* Fits @content into a @width × @height target with @margin target units
 * around it (the content centred). */
void mg_viewport_fit (MgViewport *viewport, const MgRect *content, double width,
                      double height, double margin);

typedef enum {
  MG_LEGEND_NONE,
  MG_LEGEND_TOP_LEFT,
  MG_LEGEND_TOP_RIGHT,
  MG_LEGEND_BOTTOM_LEFT,
  MG_LEGEND_BOTTOM_RIGHT,
} MgLegendCorner;

typedef struct {
  gboolean       background;      /* fill the target with the style's background */
  gboolean       labels;          /* draw actor labels */
  /* Level of detail, for screens and PNG: skip labels smaller than
   * min_label_px pixels and arrowheads smaller than min_arrow_px, draw
   * tiny actors as plain batched fills.  Off for PDF (it may be zoomed). */
  gboolean       level_of_detail;
  double         min_label_px;
  double         min_arrow_px;
  MgLegendCorner legend;          /* legend drawn over the map, target units */
} MgRenderOptions;

/* background, labels and level of detail on, 5 px labels, 2 px arrows, no
 * legend. */
void mg_render_options_init (MgRenderOptions *options);

/* Draws the part of @scene that @viewport shows onto @cr, whose current
 * transformation maps target units (the viewport's) to the device.
 * @options may be NULL (defaults). */
void mg_render_cairo (MgScene *scene, cairo_t *cr, const MgViewport *viewport,
                      const MgRenderOptions *options);

/* Adds the outline of @shape, in the box of @width × @height centred on
 * (cx, cy), to the current path of @cr: the shapes of the map, for swatches
 * drawn elsewhere (role pickers, lists). */
void mg_render_cairo_shape_path (cairo_t *cr, MgShape shape, double cx, double cy,
                                 double width, double height);

/* Draws the legend with its top-left corner at (x, y), in the current
 * units (points at scale 1).  Nothing when the legend is empty. */
void mg_render_cairo_legend (MgScene *scene, cairo_t *cr, double x, double y);

/* ---- pages: title, map region and legend, for exports ------------------- */

/* A page in points: the title on top, the map region below it, the legend
 * to the right of the map, top-aligned, everything within the margin. */
typedef struct {
  double   width, height;   /* page size, points */
  MgRect   region;          /* map region shown, map coordinates */
  double   scale;           /* points per map unit */
  double   map_x, map_y;    /* where the region's top-left lands on the page */
  gboolean transparent;     /* no background */

  char   **title_lines;     /* NULL when no title */
  double  *title_baselines; /* per line, from title_y */
  double   title_x, title_y;/* centre x of the lines, top of the text */
  double   title_size;

  gboolean legend;          /* TRUE when drawn (and not empty) */
  double   legend_x, legend_y;
  double   legend_scale;    /* the legend drawn smaller to fit a page (1: as laid out) */
} MgPage;

/* Composes a page.  @region may be NULL (the whole scene); @title may be
 * NULL (no title).  Free with mg_page_clear(). */
void mg_page_compute (MgPage *page, MgScene *scene, const MgRect *region, double scale,
                      double margin, const char *title, gboolean legend, gboolean transparent);
void mg_page_clear (MgPage *page);
/* Composes a page of a given size (@width × @height points: a slide, a
 * sheet of paper): the title on top, the legend on the right (smaller when
 * it would not fit), and the map filling the rest, centred, its region
 * widened to the room it gets. */
void mg_page_compute_fixed (MgPage *page, MgScene *scene, const MgRect *region, double width,
                            double height, double margin, const char *title, gboolean legend,
                            gboolean transparent);

/* Draws @page onto @cr in points (scale the context first for pixels).
 * @level_of_detail as in MgRenderOptions. */
void mg_render_cairo_page (MgScene *scene, cairo_t *cr, const MgPage *page,
                           gboolean level_of_detail);

G_END_DECLS
