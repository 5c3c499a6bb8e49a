/* The canvas's kept drawing (mg-canvas-cache.c): pans show it moved and
 * draw only what they expose, and what is shown is what a fresh drawing of
 * the view gives; a change of the map (a label) is drawn at once. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "app-test-util.h"
#include "mg-canvas-private.h"
#include "mg-render-cairo.h"

typedef struct {
  int    max_diff;   /* largest channel difference */
  double far_share;  /* share of pixels differing by more than 24 */
} Comparison;

/* Compares what the canvas keeps for its view with a fresh drawing of the
 * view, within @area (widget pixels; NULL: all of it). */
static Comparison
compare_with_fresh (MgCanvas *canvas, const cairo_rectangle_int_t *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (canvas));
  MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
  int ox, oy;
  cairo_surface_t *kept = mg_canvas_cache_get_view_image (canvas, &ox, &oy);
  cairo_surface_t *fresh;
  MgRect visible;
  Comparison c = { 0, 0 };
  guint far = 0, n = 0;

  g_assert_nonnull (kept);
  mg_canvas_viewport_get_visible_rect (viewport, &visible);
  fresh = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (fresh, scale, scale);
  {
    MgViewport vp = { visible.x, visible.y, mg_canvas_viewport_get_zoom (viewport), width, height };
    cairo_t *cr = cairo_create (fresh);
    mg_render_cairo (mg_canvas_get_scene (canvas), cr, &vp, NULL);
    cairo_destroy (cr);
  }
  cairo_surface_flush (fresh);
  cairo_surface_flush (kept);

  int x0 = area ? area->x * scale : 0, y0 = area ? area->y * scale : 0;
  int x1 = area ? (area->x + area->width) * scale : width * scale;
  int y1 = area ? (area->y + area->height) * scale : height * scale;
  const guchar *fd = cairo_image_surface_get_data (fresh), *kd = cairo_image_surface_get_data (kept);
  int fs = cairo_image_surface_get_stride (fresh), ks = cairo_image_surface_get_stride (kept);
  for (int y = MAX (y0, 0); y < MIN (y1, height * scale); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, width * scale); x++)
      {
        guint32 a = *(const guint32 *) (fd + (gsize) y * fs + 4 * x);
        guint32 b = *(const guint32 *) (kd + (gsize) (y + oy) * ks + 4 * (x + ox));
        int d = 0;
        for (int k = 0; k < 32; k += 8)
          d = MAX (d, abs ((int) ((a >> k) & 0xff) - (int) ((b >> k) & 0xff)));
        c.max_diff = MAX (c.max_diff, d);
        far += d > 24;
        n++;
      }
  cairo_surface_destroy (fresh);
  c.far_share = n ? (double) far / n : 0;
  return c;
}

static gboolean
metrics_done (gpointer data)
{
  return !mg_lens_controller_get_metrics_running (data);
}

static void
pan (MgCanvas *canvas, double dx, double dy)
{
  mg_canvas_viewport_pan (mg_canvas_get_viewport (canvas), dx, dy);
  wait_for_frame (canvas);
}

/* Pans by whole pixels show the kept drawing moved, and the strips drawn
 * for what they expose join it: the result is the view drawn afresh
 * (overlapping lines may take another order where strips meet). */
static void
test_pan_matches_fresh_drawing (void)
{
  MgWindow *window = open_example ();
  MgCanvas *canvas = mg_window_get_canvas (window);
  guint partial;

  /* Betweenness, once computed, orders the labels: a change of the scene
   * that is drawn whole. */
  wait_until (metrics_done, mg_window_get_lens_controller (window), "betweenness");
  mg_canvas_zoom_by (canvas, 3);
  wait_for_frame (canvas);
  partial = mg_canvas_cache_get_partial_frames (canvas);
  /* Past the kept margin, both ways, then back. */
  for (int i = 0; i < 30; i++)
    pan (canvas, i < 15 ? 15 : -15, (i / 5) % 2 ? 8 : -8);
  /* (The first may still be drawn whole: the zoom's frames may come from
   * the zooming image.) */
  g_assert_cmpuint (mg_canvas_cache_get_partial_frames (canvas), >=, partial + 29);

  Comparison c = compare_with_fresh (canvas, NULL);
  g_assert_cmpfloat (c.far_share, <, 0.002);

  destroy_window (window);
}

/* A pan by a fraction of a pixel cannot move pixels: the view is drawn
 * afresh, and still matches. */
static void
test_fractional_pan_draws_afresh (void)
{
  MgWindow *window = open_example ();
  MgCanvas *canvas = mg_window_get_canvas (window);
  guint partial;

  mg_canvas_zoom_by (canvas, 2);
  wait_for_frame (canvas);
  partial = mg_canvas_cache_get_partial_frames (canvas);
  pan (canvas, 10.5, 0.25);
  g_assert_cmpuint (mg_canvas_cache_get_partial_frames (canvas), ==, partial);
  g_assert_cmpfloat (compare_with_fresh (canvas, NULL).far_share, <, 0.002);

  destroy_window (window);
}

/* A new label is on screen at the next frame: the kept drawing is dropped
 * when the scene changes, not shown moved. */
static void
test_label_change_is_drawn (void)
{
  MgWindow *window = open_example ();
  MgCanvas *canvas = mg_window_get_canvas (window);
  MgDocument *document = mg_window_get_document (window);
  MgMap *map = mg_document_get_map (document);
  MgScene *scene = mg_canvas_get_scene (canvas);
  MgActor *actor = NULL;
  const MgSceneActor *sa = NULL;
  double x0, y0, x1, y1;

  mg_canvas_zoom_by (canvas, 2);
  wait_for_frame (canvas);
  pan (canvas, 15, 8);

  /* An actor whose label is drawn in the view. */
  GPtrArray *actors = mg_map_get_actors (map);
  MgRect visible;
  mg_canvas_viewport_get_visible_rect (mg_canvas_get_viewport (canvas), &visible);
  for (guint i = 0; i < actors->len && actor == NULL; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      const MgSceneActor *s = mg_scene_lookup_actor (scene, a);
      if (s != NULL && s->n_label_lines > 0 && s->placement != MG_LABEL_DROPPED &&
          s->placement != MG_LABEL_INSIDE && s->label_rect.x > visible.x &&
          s->label_rect.y > visible.y &&
          s->label_rect.x + s->label_rect.width < visible.x + visible.width &&
          s->label_rect.y + s->label_rect.height < visible.y + visible.height)
        actor = a;
    }
  g_assert_nonnull (actor);

  mg_map_set_actor_label (map, actor, "WWWWWWWW");
  wait_for_frame (canvas);
  pan (canvas, 15, 8);
  sa = mg_scene_lookup_actor (scene, actor);
  g_assert_cmpstr (sa->label_lines[0], ==, "WWWWWWWW");

  /* Where the new label is drawn, the canvas shows exactly it. */
  MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
  mg_canvas_viewport_map_to_widget (viewport, sa->label_rect.x, sa->label_rect.y, &x0, &y0);
  mg_canvas_viewport_map_to_widget (viewport, sa->label_rect.x + sa->label_rect.width,
                                    sa->label_rect.y + sa->label_rect.height, &x1, &y1);
  cairo_rectangle_int_t area = { (int) floor (x0), (int) floor (y0), (int) ceil (x1 - x0) + 1,
                                 (int) ceil (y1 - y0) + 1 };
  Comparison c = compare_with_fresh (canvas, &area);
  g_assert_cmpint (c.max_diff, <=, 8);

  destroy_window (window);
}

int
main (int argc, char **argv)
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/canvas/cache/pan-matches-fresh-drawing", test_pan_matches_fresh_drawing);
  g_test_add_func ("/canvas/cache/fractional-pan-draws-afresh", test_fractional_pan_draws_afresh);
  g_test_add_func ("/canvas/cache/label-change-is-drawn", test_label_change_is_drawn);

  status = g_test_run ();
  app_test_teardown ();
  return status;
}
