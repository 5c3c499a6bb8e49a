/* mg-canvas-cache.c — drawing the map, and keeping drawings to move.
 *
 * The map is drawn by the core renderer into an image of the widget's size
 * (its direct pixel paths work there, see mg-render-cairo.h), painted by a
 * cairo node.  The image is kept: when the view pans by whole pixels at the
 * same zoom, the next frame is the last one moved, with only the strips
 * that the move exposed drawn — exact, and a small part of a frame's cost.
 * Two images take turns, because GTK may still show the last one while
 * the next is drawn (cairo copies an image a node still shows before it is
 * drawn on, so taking turns only saves that copy).
 *
 * When the user zooms a view that is slow to draw (a large map seen
 * whole), the map is drawn once into an image a little larger than the
 * widget (a margin on each side), and the following frames show that image
 * moved and scaled, whatever the size of the map, until the view leaves it;
 * the exact drawing comes back when the motion pauses, as online maps do.
 * It is never the size of the zoomed content: (1 + 2 × margin)² times the
 * widget's area.  Any change of the scene drops both.
 *
 * Images are painted through cairo nodes rather than memory textures: GTK
 * 4.8's cairo renderer converts a memory texture pixel by pixel through
 * floats at every frame, which costs more than drawing the map.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-canvas-private.h"
#include "mg-render-cairo.h"

/* Share of the widget drawn beyond each side, for zooms out to reveal. */
#define CACHE_MARGIN 0.2
/* The view counts as moving this long after its last change. */
#define SETTLE_MS 160
/* Below this drawing time, zooming views are simply drawn afresh. */
#define WORTH_CACHING_MS 4.0

void
mg_canvas_cache_invalidate (MgCanvas *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->view_image, cairo_surface_destroy);
}

guint
mg_canvas_cache_get_partial_frames (MgCanvas *self)
{
  return self->partial_frames;
}

static gboolean image_offset (MgCanvas *self, double vx, double vy, double zoom, int width,
                              int height, int scale, int *ox, int *oy);

cairo_surface_t *
mg_canvas_cache_get_view_image (MgCanvas *self, int *x, int *y)
{
  MgRect visible;

  mg_canvas_viewport_get_visible_rect (self->viewport, &visible);
  if (!image_offset (self, visible.x, visible.y, mg_canvas_viewport_get_zoom (self->viewport),
                     gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)),
                     gtk_widget_get_scale_factor (GTK_WIDGET (self)), x, y))
    return NULL;
  return self->view_image;
}

static gboolean
settle_cb (gpointer data)
{
  MgCanvas *self = data;
  gint64 idle_ms = (g_get_monotonic_time () - self->last_motion) / 1000;

  if (idle_ms < SETTLE_MS)
    {
      /* Still moving: look again when it may have stopped. */
      self->settle_source = g_timeout_add (SETTLE_MS - idle_ms + 1, settle_cb, self);
      return G_SOURCE_REMOVE;
    }
  self->settle_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
mg_canvas_cache_note_motion (MgCanvas *self)
{
  self->last_motion = g_get_monotonic_time ();
  if (self->settle_source == 0)
    self->settle_source = g_timeout_add (SETTLE_MS + 1, settle_cb, self);
}

void
mg_canvas_cache_clear (MgCanvas *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  mg_canvas_cache_invalidate (self);
  g_clear_pointer (&self->spare_image, cairo_surface_destroy);
}

static gboolean
is_moving (MgCanvas *self)
{
  return self->settle_source != 0 &&
         (g_get_monotonic_time () - self->last_motion) / 1000 < SETTLE_MS;
}

/* Draws the device-pixel rectangle (x, y, w, h) of the view whose top-left
 * corner shows the map point (vx, vy) into @image: the renderer's view of
 * just that rectangle, so that it culls everything else. */
static void
render_rect (MgScene *scene, cairo_surface_t *image, double vx, double vy, double zoom,
             int scale, int x, int y, int w, int h)
{
  MgRenderOptions options;
  MgViewport viewport = { vx + x / (scale * zoom), vy + y / (scale * zoom), zoom,
                          (double) w / scale, (double) h / scale };
  cairo_t *cr = cairo_create (image);

  cairo_translate (cr, (double) x / scale, (double) y / scale);
  mg_render_options_init (&options);
  mg_render_cairo (scene, cr, &viewport, &options);
  cairo_destroy (cr);
}

/* A new image of @width × @height logical pixels at @scale device pixels
 * each, or NULL. */
static cairo_surface_t *
new_image (int width, int height, int scale)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                       height * scale);

  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return NULL;
    }
  cairo_surface_set_device_scale (image, scale, scale);
  return image;
}

/* Paints @image (at @x, @y, scaled by @ratio) in a node of the widget's
 * size. */
static void
append_image (GtkSnapshot *snapshot, cairo_surface_t *image, int width, int height, double x,
              double y, double ratio, const MgColor *background)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (background != NULL)
    {
      cairo_set_source_rgba (cr, background->red, background->green, background->blue,
                             background->alpha);
      cairo_paint (cr);
    }
  cairo_translate (cr, x, y);
  cairo_scale (cr, ratio, ratio);
  cairo_set_source_surface (cr, image, 0, 0);
  /* A moving picture: the fast filter (the exact one comes back when the
   * view settles). */
  if (ratio != 1.0)
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* ---- the view's image, moved by whole pixels -------------------------------- */

/* Copies @from into @to moved by (dx, dy) device pixels. */
static void
copy_moved (cairo_surface_t *from, cairo_surface_t *to, int dx, int dy)
{
  int w = cairo_image_surface_get_width (to), h = cairo_image_surface_get_height (to);
  int stride = cairo_image_surface_get_stride (to);
  const guchar *src;
  guchar *dst;
  int x0 = MAX (dx, 0), n = w - ABS (dx);

  /* Only @to is flushed: flushing @from would make cairo copy it for the
   * node that still shows it, and it is only read. */
  cairo_surface_flush (to);
  src = cairo_image_surface_get_data (from);
  dst = cairo_image_surface_get_data (to);
  for (int y = MAX (dy, 0); y < MIN (h, h + dy); y++)
    memcpy (dst + (gsize) y * stride + 4 * x0, src + (gsize) (y - dy) * stride + 4 * (x0 - dx),
            4 * (gsize) n);
  cairo_surface_mark_dirty (to);
}

/* Logical pixels drawn beyond each side of the view: pans within them draw
 * nothing, and a pan past them draws a strip this wide — a strip costs
 * about as much for every relation crossing it whatever its width, so a
 * few wide ones cost less than many narrow ones. */
static int
view_margin (int size)
{
  return MAX (size / 10, 32);
}

/* Where the view at (vx, vy), zoom, size lies in the kept image: its
 * offset in device pixels, whole; FALSE when it cannot be shown from it
 * (another zoom or size, or a fraction of a pixel). */
static gboolean
image_offset (MgCanvas *self, double vx, double vy, double zoom, int width, int height,
              int scale, int *ox, int *oy)
{
  if (self->view_image == NULL || self->view_zoom != zoom || self->view_scale != scale ||
      self->view_width != width || self->view_height != height)
    return FALSE;

  double mx = (vx - self->view_x) * zoom * scale, my = (vy - self->view_y) * zoom * scale;
  double rx = round (mx), ry = round (my);
  if (fabs (mx - rx) > 1e-3 || fabs (my - ry) > 1e-3 || fabs (rx) > G_MAXINT / 2 ||
      fabs (ry) > G_MAXINT / 2)
    return FALSE;
  *ox = (int) rx;
  *oy = (int) ry;
  return TRUE;
}

/* The kept image moved by (dx, dy) device pixels into a new one, the
 * strips that exposes drawn: FALSE when that is not worth it. */
static gboolean
move_image (MgCanvas *self, int dx, int dy, int iw, int ih, int scale)
{
  MgScene *scene = mg_canvas_get_scene (self);
  double zoom = self->view_zoom;
  cairo_surface_t *image;

  if (ABS (dx) >= iw / 2 || ABS (dy) >= ih / 2)
    return FALSE;
  image = g_steal_pointer (&self->spare_image);
  if (image != NULL && (cairo_image_surface_get_width (image) != iw ||
                        cairo_image_surface_get_height (image) != ih))
    g_clear_pointer (&image, cairo_surface_destroy);
  if (image == NULL)
    image = new_image (iw / scale, ih / scale, scale);
  if (image == NULL)
    return FALSE;

  copy_moved (self->view_image, image, dx, dy);
  /* The map point at the new image's corner: moved by whole pixels, so
   * that the kept pixels and the new strips agree. */
  self->view_x -= dx / (zoom * scale);
  self->view_y -= dy / (zoom * scale);
  /* Columns on one side, rows on one of the others (without the
   * columns' corner). */
  int cx = dx > 0 ? 0 : iw + dx, rx = dx > 0 ? dx : 0, rw = iw - ABS (dx);
  if (dx != 0)
    render_rect (scene, image, self->view_x, self->view_y, zoom, scale, cx, 0, ABS (dx), ih);
  if (dy != 0)
    render_rect (scene, image, self->view_x, self->view_y, zoom, scale, rx, dy > 0 ? 0 : ih + dy,
                 rw, ABS (dy));

  self->spare_image = g_steal_pointer (&self->view_image);
  self->view_image = image;
  return TRUE;
}

/* The view, exactly: from the kept image when it holds it (moved when the
 * view nears its edge), else drawn whole with a margin around. */
static void
draw_view (MgCanvas *self, GtkSnapshot *snapshot, const MgRect *visible, double zoom,
           int width, int height, int scale)
{
  MgScene *scene = mg_canvas_get_scene (self);
  int mx = view_margin (width) * scale, my = view_margin (height) * scale;
  int iw = width * scale + 2 * mx, ih = height * scale + 2 * my, ox, oy;

  if (self->use_cache &&
      image_offset (self, visible->x, visible->y, zoom, width, height, scale, &ox, &oy))
    {
      /* Past the margin: moved to have the view in its middle again. */
      if ((ox >= 0 && oy >= 0 && ox <= 2 * mx && oy <= 2 * my) ||
          move_image (self, mx - ox, my - oy, iw, ih, scale))
        {
          image_offset (self, visible->x, visible->y, zoom, width, height, scale, &ox, &oy);
          self->partial_frames++;
          append_image (snapshot, self->view_image, width, height, -(double) ox / scale,
                        -(double) oy / scale, 1, NULL);
          return;
        }
    }

  cairo_surface_t *image = g_steal_pointer (&self->spare_image);
  gint64 start = g_get_monotonic_time ();

  if (image != NULL && (cairo_image_surface_get_width (image) != iw ||
                        cairo_image_surface_get_height (image) != ih))
    g_clear_pointer (&image, cairo_surface_destroy);
  if (image == NULL)
    image = new_image (iw / scale, ih / scale, scale);
  if (image == NULL)
    return;
  self->spare_image = g_steal_pointer (&self->view_image);
  self->view_image = image;
  self->view_x = visible->x - mx / (zoom * scale);
  self->view_y = visible->y - my / (zoom * scale);
  self->view_zoom = zoom;
  self->view_width = width;
  self->view_height = height;
  self->view_scale = scale;
  render_rect (scene, image, self->view_x, self->view_y, zoom, scale, 0, 0, iw, ih);
  /* What a plain frame of this view would cost, for next time. */
  self->fresh_ms = (g_get_monotonic_time () - start) / 1000.0 * width * height * scale * scale /
                   ((double) iw * ih);
  append_image (snapshot, image, width, height, -(double) mx / scale, -(double) my / scale, 1,
                NULL);
}

/* ---- the larger drawing, scaled while zooming ------------------------------- */

static gboolean
rect_covers (const MgRect *outer, const MgRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

/* FALSE when there is nothing to show (no memory for the image). */
static gboolean
draw_zooming (MgCanvas *self, GtkSnapshot *snapshot, const MgRect *visible, double zoom,
              int width, int height, int scale)
{
  MgScene *scene = mg_canvas_get_scene (self);
  double ratio = self->cache ? zoom / self->cache_zoom : 0;
  double x, y;

  /* A new drawing when the view left the old one or zoomed too far from
   * it to look right; else the old one, moved and scaled. */
  if (self->cache == NULL || ratio < 0.6 || ratio > 1.6 || !rect_covers (&self->cache_rect, visible))
    {
      int mx = (int) ceil (width * CACHE_MARGIN), my = (int) ceil (height * CACHE_MARGIN);
      gint64 start = g_get_monotonic_time ();

      self->cache_rect = (MgRect) { visible->x - mx / zoom, visible->y - my / zoom,
                                    (width + 2 * mx) / zoom, (height + 2 * my) / zoom };
      self->cache_zoom = zoom;
      ratio = 1;
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      self->cache = new_image (width + 2 * mx, height + 2 * my, scale);
      if (self->cache == NULL)
        return FALSE;
      render_rect (scene, self->cache, self->cache_rect.x, self->cache_rect.y, zoom, scale, 0, 0,
                   (width + 2 * mx) * scale, (height + 2 * my) * scale);
      /* What a plain frame of this view would cost, for next time. */
      self->fresh_ms = (g_get_monotonic_time () - start) / 1000.0 /
                       ((1 + 2 * CACHE_MARGIN) * (1 + 2 * CACHE_MARGIN));
    }
  mg_canvas_viewport_map_to_widget (self->viewport, self->cache_rect.x, self->cache_rect.y, &x, &y);
  append_image (snapshot, self->cache, width, height, x, y, ratio,
                &mg_scene_get_style (scene)->background);
  return TRUE;
}

void
mg_canvas_cache_draw (MgCanvas *self, GtkSnapshot *snapshot, int width, int height)
{
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gboolean zooming = zoom != self->drawn_zoom;
  MgRect visible;

  mg_canvas_viewport_get_visible_rect (self->viewport, &visible);
  self->drawn_zoom = zoom;

  /* Zooming a view slow to draw: the larger drawing, scaled.  Pans move
   * the exact image instead: it is drawn once at the new zoom. */
  if (self->use_cache && zooming && is_moving (self) && self->fresh_ms > WORTH_CACHING_MS &&
      draw_zooming (self, snapshot, &visible, zoom, width, height, scale))
    return;
  draw_view (self, snapshot, &visible, zoom, width, height, scale);
}
