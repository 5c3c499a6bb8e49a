/* mg-canvas-cache.c — drawing the map, and keeping the last drawing while
 * the view moves.
 *
 * A still view is drawn afresh by the core renderer, as one viewport-sized
 * cairo node.  When the user pans or zooms a view that is slow to draw
 * (a large map seen whole), the map is drawn once into an
 * image a little larger than the widget (a margin on each side), and the
 * following frames show that image moved and scaled — a texture draw,
 * whatever the size of the map — until the view leaves it; the exact
 * drawing comes back when the motion pauses, as online maps do.  Any change
 * of the scene drops the image.  It is never the size of the zoomed
 * content: (1 + 2 × margin)² times the widget's area.
 */
#include "config.h"

#include <math.h>

#include "mg-canvas-private.h"
#include "mg-render-cairo.h"

/* Share of the widget drawn beyond each side, for pans to reveal. */
#define CACHE_MARGIN 0.2
/* The view counts as moving this long after its last change. */
#define SETTLE_MS 160
/* Below this drawing time, moving views are simply drawn afresh. */
#define WORTH_CACHING_MS 4.0

void
mg_canvas_cache_invalidate (MgCanvas *self)
{
  g_clear_object (&self->cache);
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
}

static gboolean
is_moving (MgCanvas *self)
{
  return self->settle_source != 0 &&
         (g_get_monotonic_time () - self->last_motion) / 1000 < SETTLE_MS;
}

/* The renderer's drawing of @area at @zoom into a new texture of
 * @width × @height logical pixels at @scale device pixels each. */
static GdkTexture *
render_texture (MgScene *scene, const MgRect *area, double zoom, int width, int height,
                int scale)
{
  cairo_surface_t *surface;
  MgRenderOptions options;
  MgViewport viewport = { area->x, area->y, zoom, width, height };
  g_autoptr (GBytes) bytes = NULL;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  mg_render_options_init (&options);
  mg_render_cairo (scene, cr, &viewport, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The texture keeps the surface's pixels alive, without a copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
fill_background (MgScene *scene, GtkSnapshot *snapshot, int width, int height)
{
  const MgColor *bg = &mg_scene_get_style (scene)->background;
  GdkRGBA rgba = { bg->red, bg->green, bg->blue, bg->alpha };

  gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
rect_covers (const MgRect *outer, const MgRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

void
mg_canvas_cache_draw (MgCanvas *self, GtkSnapshot *snapshot, int width, int height)
{
  MgScene *scene = mg_canvas_get_scene (self);
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  MgRect visible;

  mg_canvas_viewport_get_visible_rect (self->viewport, &visible);

  if (self->use_cache && is_moving (self) && self->fresh_ms > WORTH_CACHING_MS)
    {
      double ratio = self->cache ? zoom / self->cache_zoom : 0;
      double x, y;

      /* A new drawing when the view left the old one or zoomed too far
       * from it to look right; else the old one, moved and scaled. */
      if (self->cache == NULL || ratio < 0.6 || ratio > 1.6 ||
          !rect_covers (&self->cache_rect, &visible))
        {
          int mx = (int) ceil (width * CACHE_MARGIN), my = (int) ceil (height * CACHE_MARGIN);

          self->cache_rect = (MgRect) { visible.x - mx / zoom, visible.y - my / zoom,
                                        (width + 2 * mx) / zoom, (height + 2 * my) / zoom };
          gint64 start = g_get_monotonic_time ();

          self->cache_zoom = zoom;
          g_clear_object (&self->cache);
          self->cache = render_texture (scene, &self->cache_rect, zoom, width + 2 * mx,
                                        height + 2 * my, scale);
          /* What a plain frame of this view would cost, for next time. */
          self->fresh_ms = (g_get_monotonic_time () - start) / 1000.0 /
                           ((1 + 2 * CACHE_MARGIN) * (1 + 2 * CACHE_MARGIN));
        }
      if (self->cache != NULL)
        {
          mg_canvas_viewport_map_to_widget (self->viewport, self->cache_rect.x,
                                            self->cache_rect.y, &x, &y);
          fill_background (scene, snapshot, width, height);
          gtk_snapshot_append_texture (snapshot, self->cache,
                                       &GRAPHENE_RECT_INIT (x, y, self->cache_rect.width * zoom,
                                                            self->cache_rect.height * zoom));
          return;
        }
    }

  /* A still view (or no cache): drawn afresh, exactly, as one
   * viewport-sized cairo node. */
  {
    MgViewport viewport = { visible.x, visible.y, zoom, width, height };
    MgRenderOptions options;
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
    gint64 start = g_get_monotonic_time ();

    mg_render_options_init (&options);
    mg_render_cairo (scene, cr, &viewport, &options);
    cairo_destroy (cr);
    self->fresh_ms = (g_get_monotonic_time () - start) / 1000.0;
  }
}
