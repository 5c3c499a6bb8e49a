/* mg-render-private.h — what the cairo renderer's files share: the frame
 * being drawn and small cairo helpers. */
#pragma once

#include <cairo.h>
#include <math.h>

#include "mg-render-cairo.h"
#include "mg-render-lens.h"
#include "mg-render-raster.h"
#include "mg-scene-private.h"

G_BEGIN_DECLS

static inline void
cr_move_to (gpointer data, double x, double y)
{
  cairo_move_to (data, x, y);
}

static inline void
cr_line_to (gpointer data, double x, double y)
{
  cairo_line_to (data, x, y);
}

static inline void
cr_curve_to (gpointer data, double x1, double y1, double x2, double y2, double x3, double y3)
{
  cairo_curve_to (data, x1, y1, x2, y2, x3, y3);
}

static inline void
cr_close_path (gpointer data)
{
  cairo_close_path (data);
}

static const MgPathSink mg_cairo_sink G_GNUC_UNUSED = { cr_move_to, cr_line_to, cr_curve_to, cr_close_path };

static inline void
set_color (cairo_t *cr, const MgColor *c, double opacity)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * opacity);
}

static inline void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* ---- one frame ----------------------------------------------------------------- */

typedef struct {
  MgScene               *scene;
  MgStyle               *style;
  cairo_t               *cr;
  const MgRenderOptions *opt;
  double                 px;      /* device pixels per map unit */
  double                 label_zoom; /* labels inflated this much (mg_scene_label_zoom()) */
  MgRect                 visible; /* map coordinates */
  MgRect                 clip;    /* visible, widened by the widest stroke */
  GPtrArray             *actors;  /* visible, z-order */
  GPtrArray             *relations;
  MgRaster               raster;
  gboolean               has_raster;
  gboolean               list_relations; /* draw from the packed lists */
  gboolean               list_actors;
  gboolean               lens_on;        /* a lens is active: unmarked actors are context */
} Frame;

/* Relations at most this wide on screen are drawn as hairlines, actors at
 * most this large as plain squares (level of detail). */
#define MG_RASTER_MAX_LINE_PX 1.5
#define MG_FAST_PATH_MIN_ITEMS 2000
#define MG_TINY_ACTOR_PX 6.0

static inline double
opacity_of (const Frame *f, const MgSceneItem *item)
{
  return item->visibility == MG_ITEM_FADED ? f->style->fade_opacity : 1.0;
}

/* Under a lens, an actor neither matched nor faded is kept only as the end
 * of a matched relation: drawn a little quieter than what matches. */
static inline double
actor_opacity (const Frame *f, const MgSceneActor *sa)
{
  if (sa->item.visibility == MG_ITEM_FADED)
    return f->style->fade_opacity;
  if (f->lens_on && sa->n_marks == 0 && !sa->item.highlight)
    return f->style->context_opacity;
  return 1.0;
}

/* Labels fade less than shapes: faded actors stay readable as context. */
static inline double
label_opacity (const Frame *f, const MgSceneActor *sa)
{
  return sa->item.visibility == MG_ITEM_FADED ? f->style->fade_label_opacity : 1.0;
}

/* Widths below half a device pixel vanish or shimmer: keep a floor. */
static inline double
device_floor (const Frame *f, double width, double min_px)
{
  if (f->opt->level_of_detail && width * f->px < min_px)
    return min_px / f->px;
  return width;
}

static inline guint32
faded (guint32 argb, double opacity)
{
  guint k = (guint) (opacity * 256);
  return (((argb & 0x00ff00ffu) * k >> 8) & 0x00ff00ffu) |
         ((((argb >> 8) & 0x00ff00ffu) * k >> 8) & 0x00ff00ffu) << 8;
}

/* The dash period of @line at @width, 0 when solid or too fine to show at
 * this zoom; and setting that pattern on the frame's context. */
double mg_render_dash_period (Frame *f, MgLineStyle line, double width);
void   mg_render_set_dashes (Frame *f, MgLineStyle line, double width);

void   mg_render_draw_relations (Frame *f);
void   mg_render_draw_actors (Frame *f);
void   mg_render_draw_labels (Frame *f);

G_END_DECLS
