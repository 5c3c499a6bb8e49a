/* The cairo renderer: level of detail and the direct pixel paths of big
 * maps, on image and recording surfaces. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <stdlib.h>

#include "mg-render-cairo.h"
#include "mg-render-raster.h"
#include "mg-scene.h"

static MgActor *
add_actor (MgMap *map, const char *id, const char *label, const char *role, double x, double y)
{
  MgActor *a = mg_map_add_actor (map, id);

  mg_map_set_actor_label (map, a, label);
  mg_map_set_actor_role (map, a, role);
  mg_map_set_actor_position (map, a, x, y);
  return a;
}

static void
assert_rgb_near (guint32 argb, guint32 rgb, int tolerance)
{
  int dr = (int) ((argb >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((argb >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (argb & 0xff) - (int) (rgb & 0xff);

  if (abs (dr) > tolerance || abs (dg) > tolerance || abs (db) > tolerance)
    g_error ("pixel %06x is not near %06x", argb & 0xffffff, rgb);
}

/* A 40 × 40 grid, each actor joined to its right and lower neighbours:
 * big enough for the renderer's direct pixel paths. */
static MgMap *
make_grid_map (void)
{
  MgMap *map = mg_map_new ();
  MgActor *grid[40][40];

  for (int r = 0; r < 40; r++)
    for (int c = 0; c < 40; c++)
      {
        g_autofree char *id = g_strdup_printf ("g%d-%d", r, c);
        grid[r][c] = add_actor (map, id, id, (r + c) % 2 ? "sme" : "university", c * 100.0, r * 100.0);
      }
  for (int r = 0; r < 40; r++)
    for (int c = 0; c < 40; c++)
      {
        if (c + 1 < 40)
          mg_map_set_relation_kind (map, mg_map_add_relation (map, grid[r][c], grid[r][c + 1], NULL, TRUE), "partnership");
        if (r + 1 < 40)
          mg_map_set_relation_kind (map, mg_map_add_relation (map, grid[r][c], grid[r + 1][c], NULL, FALSE), "knowledge");
      }
  return map;
}

static guint32
surface_pixel (cairo_surface_t *s, int x, int y)
{
  cairo_surface_flush (s);
  return *(const guint32 *) (cairo_image_surface_get_data (s) +
                             (gsize) y * cairo_image_surface_get_stride (s) + 4 * x);
}

/* Renders the grid map with @vp into a fresh 400 × 300 image, directly or
 * through a recording surface (the renderer then uses a scratch image). */
static cairo_surface_t *
render_grid (MgScene *scene, const MgViewport *vp, gboolean recording)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (image);

  if (recording)
    {
      cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *rcr = cairo_create (rec);
      mg_render_cairo (scene, rcr, vp, NULL);
      cairo_destroy (rcr);
      cairo_set_source_surface (cr, rec, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (rec);
    }
  else
    mg_render_cairo (scene, cr, vp, NULL);
  cairo_destroy (cr);
  return image;
}

static void
test_render_fast_paths (void)
{
  g_autoptr (MgMap) map = make_grid_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgVocabulary *vocab = mg_map_get_vocabulary (map);
  guint32 university = mg_vocabulary_ensure_role (vocab, "university")->color;
  guint32 sme = mg_vocabulary_ensure_role (vocab, "sme")->color;

  for (int recording = 0; recording < 2; recording++)
    {
      /* 0.1 px a unit: actors are 4 px squares, relations hairlines. */
      MgViewport tiny = { -50, -50, 0.1, 400, 300 };
      cairo_surface_t *s = render_grid (scene, &tiny, recording);
      /* Actor g0-0 at map (0, 0) → pixel (5, 5); g0-1 at (100, 0) → (15, 5). */
      assert_rgb_near (surface_pixel (s, 5, 5), university, 4);
      assert_rgb_near (surface_pixel (s, 15, 5), sme, 4);
      /* Between two rows of actors and their lines: background. */
      assert_rgb_near (surface_pixel (s, 10, 10), 0xffffff, 0);
      /* On the line from g0-0 to g0-1, halfway: some ink. */
      g_assert_cmpuint (surface_pixel (s, 10, 5) & 0xff, <, 0xf8);
      cairo_surface_destroy (s);

      /* 0.75 px a unit: 30 px actors (drawn once, copied), 1 px lines
       * with arrowheads, labels. */
      MgViewport mid = { -50, -50, 0.75, 400, 300 };
      s = render_grid (scene, &mid, recording);
      assert_rgb_near (surface_pixel (s, 37, 37), university, 4);  /* g0-0 */
      assert_rgb_near (surface_pixel (s, 112, 37), sme, 4);        /* g0-1 */
      guint32 line = surface_pixel (s, 75, 37);                     /* between them */
      g_assert_cmpuint (line & 0xff, <, 0xe0);
      assert_rgb_near (surface_pixel (s, 75, 75), 0xffffff, 0);     /* empty cell */
      g_assert_cmphex (surface_pixel (s, 5, 5) >> 24, ==, 0xff);
      cairo_surface_destroy (s);
    }
}

/* The packed draw lists follow edits: removed actors vanish, moved ones
 * move, added ones appear, on whole-map frames of a big map. */
static void
test_render_follows_edits (void)
{
  g_autoptr (MgMap) map = make_grid_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgVocabulary *vocab = mg_map_get_vocabulary (map);
  MgViewport tiny = { -50, -50, 0.1, 400, 300 };

  /* g0-0 (university) removed, g0-1 moved down to (100, 2650) — an empty
   * spot below the grid —, a financier added at (1500, 2650). */
  mg_map_remove_actor (map, mg_map_lookup_actor (map, "g0-0"));
  mg_map_set_actor_position (map, mg_map_lookup_actor (map, "g0-1"), 100, 2650);
  add_actor (map, "new", "New", "financier", 1500, 2650);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("g5-%d", i % 40);
      MgActor *a = mg_map_lookup_actor (map, id);
      if (a != NULL)
        mg_map_remove_actor (map, a);
    }

  cairo_surface_t *s = render_grid (scene, &tiny, FALSE);
  assert_rgb_near (surface_pixel (s, 5, 5), 0xffffff, 8);                 /* g0-0 gone */
  assert_rgb_near (surface_pixel (s, 15, 270), mg_vocabulary_ensure_role (vocab, "sme")->color, 4);
  assert_rgb_near (surface_pixel (s, 155, 270),
                   mg_vocabulary_ensure_role (vocab, "financier")->color, 4);
  assert_rgb_near (surface_pixel (s, 105, 55), 0xffffff, 8);             /* row 5 gone */
  cairo_surface_destroy (s);
}

/* The canvas draws the strips a pan exposes as views of their own,
 * translated: with the direct pixel paths (big map, hairlines, sprites,
 * labels), strips drawn that way join into the view drawn whole. */
static void
test_render_strips_join (void)
{
  g_autoptr (MgMap) map = make_grid_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgViewport whole = { -37.3, -21.9, 0.75, 400, 300 };
  cairo_surface_t *a = render_grid (scene, &whole, FALSE);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (b);
  /* Four vertical strips, of odd widths. */
  const int edges[] = { 0, 17, 130, 291, 400 };
  guint far = 0;

  for (guint i = 0; i + 1 < G_N_ELEMENTS (edges); i++)
    {
      MgViewport strip = { whole.x + edges[i] / whole.scale, whole.y, whole.scale,
                           edges[i + 1] - edges[i], whole.height };
      cairo_save (cr);
      cairo_translate (cr, edges[i], 0);
      mg_render_cairo (scene, cr, &strip, NULL);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 p = surface_pixel (a, x, y), q = surface_pixel (b, x, y);
        int d = 0;
        for (int k = 0; k < 32; k += 8)
          d = MAX (d, abs ((int) ((p >> k) & 0xff) - (int) ((q >> k) & 0xff)));
        far += d > 24;
      }
  /* Seams may differ by a shade where lines cross them, no more. */
  g_assert_cmpuint (far, <, 400 * 300 / 500);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Alpha of every pixel of a 200 × 200 image, after @draw. */
static guint8 *
alpha_of (cairo_surface_t *s)
{
  guint8 *a = g_new (guint8, 200 * 200);

  cairo_surface_flush (s);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 200; x++)
      a[y * 200 + x] = (guint8) (surface_pixel (s, x, y) >> 24);
  return a;
}

/* Wide lines drawn straight into the pixels (PNG export of big maps) look
 * like cairo's strokes with butt caps: the same ink within 1.5 %, no pixel
 * more than an eighth off, dashes in the same places — at every angle,
 * clipped or not. */
static void
test_raster_wide_lines (void)
{
  static const double widths[] = { 1.6, 2.5, 4.17, 9 };
  static const double angles[] = { 0, 0.3, 0.785398, 1.2, 1.5708, 2.9 };
  double dashes[2] = { 14, 6 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint k = 0; k < G_N_ELEMENTS (angles); k++)
      for (int dashed = 0; dashed < 2; dashed++)
        {
          /* From the middle out past the right or bottom edge: clipped. */
          double x0 = 100 - 70 * cos (angles[k]), y0 = 100 - 70 * sin (angles[k]);
          double x1 = 100 + 150 * cos (angles[k]), y1 = 100 + 150 * sin (angles[k]);
          cairo_surface_t *ours = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
          cairo_surface_t *theirs = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
          cairo_t *cr = cairo_create (ours);
          cairo_matrix_t identity;
          MgRaster raster;

          cairo_rectangle (cr, 0, 0, 200, 200);
          cairo_clip (cr);
          cairo_matrix_init_identity (&identity);
          g_assert_true (mg_raster_begin (&raster, cr, &identity, 0, 0, 1, 200, 200));
          g_assert_false (raster.scratch);
          mg_raster_wide_line (&raster, x0, y0, x1, y1, mg_raster_color (0, 0, 0, 1), widths[w],
                               dashed ? dashes : NULL, dashed ? 2 : 0, 0);
          mg_raster_end (&raster);
          cairo_destroy (cr);

          cr = cairo_create (theirs);
          cairo_set_line_width (cr, widths[w]);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          if (dashed)
            cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
          cairo_destroy (cr);

          g_autofree guint8 *a = alpha_of (ours);
          g_autofree guint8 *b = alpha_of (theirs);
          gint64 ink_a = 0, ink_b = 0;
          int worst = 0;
          for (int i = 0; i < 200 * 200; i++)
            {
              ink_a += a[i];
              ink_b += b[i];
              worst = MAX (worst, abs ((int) a[i] - (int) b[i]));
            }
          if (g_test_verbose ())
            g_test_message ("width %g angle %g%s: ink %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                            ", worst pixel %d", widths[w], angles[k], dashed ? " dashed" : "",
                            ink_a, ink_b, worst);
          g_assert_cmpfloat (fabs ((double) (ink_a - ink_b)), <=, 0.015 * (double) ink_b);
          g_assert_cmpint (worst, <=, 32);
          cairo_surface_destroy (ours);
          cairo_surface_destroy (theirs);
        }
}

/* A label inside a shape reads on its fill in both palettes: dark text on
 * a light fill and light text on a dark one, 4.5:1 at least here. */
static void
test_label_inside_reads (void)
{
  static const guint32 fills[] = { 0xffffff, 0xf6d55c, 0x8fd3c1, 0x3caea3, 0x20639b, 0x173f5f, 0x000000 };

  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr (MgStyle) style = dark ? mg_style_new_dark () : mg_style_new ();
      for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
        {
          MgColor fill = mg_color_from_rgb (fills[i], 1.0);
          MgColor text = mg_style_label_color_on (style, &fill);
          g_assert_cmpfloat (mg_color_contrast (&text, &fill), >=, 4.5);
          g_assert_cmpfloat (text.alpha, ==, 1.0);
        }
    }
}

static void
test_render_small_map_options (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgActor *a = add_actor (map, "a", "Alpha", "financier", 0, 0);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgViewport vp = { -100, -100, 1, 200, 200 };
  MgRenderOptions options;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (s);
  guint32 color = mg_vocabulary_ensure_role (mg_map_get_vocabulary (map), a->role)->color;

  /* Without background the corners stay transparent; the actor is drawn. */
  mg_render_options_init (&options);
  options.background = FALSE;
  mg_render_cairo (scene, cr, &vp, &options);
  g_assert_cmphex (surface_pixel (s, 2, 2) >> 24, ==, 0);
  assert_rgb_near (surface_pixel (s, 100, 100), color, 3);

  /* The legend overlay in the top-left corner covers that corner. */
  options.legend = MG_LEGEND_TOP_LEFT;
  mg_render_cairo (scene, cr, &vp, &options);
  g_assert_cmphex (surface_pixel (s, 14, 14) >> 24, !=, 0);

  /* Fit: the actor ends up in the middle. */
  MgRect bounds;
  MgViewport fit;
  mg_scene_get_bounds (scene, &bounds);
  mg_viewport_fit (&fit, &bounds, 400, 100, 10);
  g_assert_cmpfloat (fit.scale, >, 0);
  double cx = (0 - fit.x) * fit.scale, cy = (0 - fit.y) * fit.scale;
  g_assert_cmpfloat (fabs (cx - 200), <, 60);
  g_assert_cmpfloat (cy, >, 0);
  g_assert_cmpfloat (cy, <, 100);

  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/fast-paths", test_render_fast_paths);
  g_test_add_func ("/render/follows-edits", test_render_follows_edits);
  g_test_add_func ("/render/strips-join", test_render_strips_join);
  g_test_add_func ("/render/raster/wide-lines", test_raster_wide_lines);
  g_test_add_func ("/render/label-inside-reads", test_label_inside_reads);
  g_test_add_func ("/render/options-and-fit", test_render_small_map_options);

  return g_test_run ();
}
