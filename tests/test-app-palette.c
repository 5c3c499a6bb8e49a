/* test-app-palette.c — the map follows dark mode, live: the scene's style
 * and the pixels the canvas draws turn dark and back; labels, lines and
 * role colours stay readable; exports stay light; presentation mode keeps
 * the palette. */
#include "config.h"

#include <gtk/gtk.h>

#include "mg-application.h"
#include "mg-export.h"
#include "mg-vocab.h"
#include "mg-window.h"

#include "app-test-util.h"

static void
set_scheme (AdwColorScheme scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  flush_events ();
}

/* A widget point outside everything the map draws: the middle of the
 * widest margin that zoom-to-fit leaves around the map. */
static void
background_point (MgCanvas *canvas, double *x, double *y)
{
  MgScene *scene = mg_document_get_scene (mg_canvas_get_document (canvas));
  MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
  double w = gtk_widget_get_width (GTK_WIDGET (canvas));
  double h = gtk_widget_get_height (GTK_WIDGET (canvas));
  double x0, y0, x1, y1;
  MgRect bounds;

  mg_scene_get_bounds (scene, &bounds);
  mg_canvas_viewport_map_to_widget (viewport, bounds.x, bounds.y, &x0, &y0);
  mg_canvas_viewport_map_to_widget (viewport, bounds.x + bounds.width, bounds.y + bounds.height,
                                    &x1, &y1);
  if (MAX (x0, w - x1) >= MAX (y0, h - y1))
    {
      *x = x0 >= w - x1 ? x0 / 2 : (x1 + w) / 2;
      *y = h / 2;
    }
  else
    {
      *x = w / 2;
      *y = y0 >= h - y1 ? y0 / 2 : (y1 + h) / 2;
    }
  g_assert_cmpfloat (*x, >=, 0);
  g_assert_cmpfloat (*y, >=, 0);
  g_assert_null (mg_canvas_actor_at (canvas, *x, *y));
  g_assert_null (mg_canvas_relation_at (canvas, *x, *y));
}

/* The colour the canvas draws at (x, y), through the window's own renderer
 * (what the screen shows). */
static MgColor
canvas_pixel (MgCanvas *canvas, double x, double y)
{
  int w = gtk_widget_get_width (GTK_WIDGET (canvas));
  int h = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (canvas));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (canvas)));
  g_autofree guchar *pixels = NULL;
  int tw, th, px, py;
  guint32 argb;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  tw = gdk_texture_get_width (texture);
  th = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) tw * th * 4);
  gdk_texture_download (texture, pixels, (gsize) tw * 4);
  px = CLAMP ((int) (x * tw / w), 0, tw - 1);
  py = CLAMP ((int) (y * th / h), 0, th - 1);
  memcpy (&argb, pixels + ((gsize) py * tw + px) * 4, 4);
  return mg_color_from_rgb (argb & 0xffffff, 1.0);
}

static double
pixel_luminance (MgCanvas *canvas)
{
  double x, y;
  MgColor c;

  wait_for_frame (canvas);
  background_point (canvas, &x, &y);
  c = canvas_pixel (canvas, x, y);
  return mg_color_luminance (&c);
}

/* ---- tests ---------------------------------------------------------------------------- */

static void
test_follows_dark_mode (void)
{
  MgWindow *window;
  MgDocument *document;
  MgCanvas *canvas;
  MgStyle *style;

  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_example ();
  document = mg_window_get_document (window);
  canvas = mg_window_get_canvas (window);
  style = mg_scene_get_style (mg_document_get_scene (document));
  g_assert_false (style->dark);
  g_assert_cmpfloat (mg_color_luminance (&style->background), >, 0.8);
  g_assert_cmpfloat (pixel_luminance (canvas), >, 0.8);

  /* Live: no reopening. */
  set_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (mg_document_get_dark (document));
  style = mg_scene_get_style (mg_document_get_scene (document));
  g_assert_true (style->dark);
  g_assert_cmpfloat (mg_color_luminance (&style->background), <, 0.05);
  g_assert_cmpfloat (pixel_luminance (canvas), <, 0.05);

  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  style = mg_scene_get_style (mg_document_get_scene (document));
  g_assert_false (style->dark);
  g_assert_cmpfloat (pixel_luminance (canvas), >, 0.8);

  destroy_window (window);
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* A map opened while dark is drawn dark from its first frame. */
static void
test_opens_dark (void)
{
  MgWindow *window;
  MgScene *scene;

  set_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_example ();
  scene = mg_document_get_scene (mg_window_get_document (window));
  g_assert_true (mg_scene_get_style (scene)->dark);
  g_assert_cmpfloat (pixel_luminance (mg_window_get_canvas (window)), <, 0.05);
  destroy_window (window);
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* Text 4.5:1 and shapes and lines 3:1 against the dark background (WCAG),
 * for every role and kind the legend shows and the territory labels. */
static void
test_dark_is_readable (void)
{
  MgWindow *window;
  MgScene *scene;
  const MgStyle *style;
  const MgLegend *legend;
  guint n_roles = 0, n_kinds = 0;
  MgColor legend_bg;

  set_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_example ();
  scene = mg_document_get_scene (mg_window_get_document (window));
  style = mg_scene_get_style (scene);
  g_assert_true (style->dark);

  g_assert_cmpfloat (mg_color_contrast (&style->label_color, &style->background), >=, 4.5);
  g_assert_cmpfloat (mg_color_contrast (&style->cluster_label_color, &style->background), >=, 4.5);
  g_assert_cmpfloat (mg_color_contrast (&style->title_color, &style->background), >=, 4.5);
  legend_bg = mg_color_mix (&style->background, &style->legend_background,
                            style->legend_background.alpha);
  g_assert_cmpfloat (mg_color_contrast (&style->legend_text, &legend_bg), >=, 4.5);
  g_assert_cmpfloat (mg_color_contrast (&style->legend_heading, &legend_bg), >=, 4.5);

  legend = mg_scene_get_legend (scene);
  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);

      if (e->type == MG_LEGEND_ROLE)
        {
          g_assert_cmpfloat (mg_color_contrast (&e->fill, &style->background), >=, 2.99);
          n_roles++;
        }
      else if (e->type == MG_LEGEND_KIND)
        {
          g_assert_cmpfloat (mg_color_contrast (&e->stroke, &style->background), >=, 2.99);
          n_kinds++;
        }
    }
  g_assert_cmpuint (n_roles, >, 5);
  g_assert_cmpuint (n_kinds, >, 3);

  /* Every role of the vocabulary, not only those on this map. */
  for (guint i = 0; i < mg_vocab_n_builtin_roles (); i++)
    {
      const MgRole *role = mg_vocab_builtin_role (i);
      MgColor fill;

      mg_style_get_role_look (style, role, NULL, &fill, NULL, NULL);
      g_assert_cmpfloat (mg_color_contrast (&fill, &style->background), >=, 2.99);
    }
  destroy_window (window);
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* Consultants' reports: an export made in dark mode is light, with the
 * screen's lens states. */
static void
test_exports_stay_light (void)
{
  MgWindow *window;
  MgScene *screen;
  g_autoptr (MgScene) export_scene = NULL;
  MgExportOptions options;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  guint32 corner;

  set_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_example ();
  screen = mg_document_get_scene (mg_window_get_document (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "lens.care", NULL));
  flush_events ();

  export_scene = mg_window_dup_export_scene (window);
  g_assert_true (export_scene != screen);
  g_assert_false (mg_scene_get_style (export_scene)->dark);
  g_assert_nonnull (mg_scene_get_lens_legend (export_scene));
  g_assert_cmpuint (mg_scene_get_lens_legend (export_scene)->active, ==,
                    mg_scene_get_lens_legend (screen)->active);

  mg_export_options_init (&options);
  options.dpi = 72;
  surface = mg_export_render_surface (export_scene, &options, &error);
  g_assert_no_error (error);
  cairo_surface_flush (surface);
  memcpy (&corner, cairo_image_surface_get_data (surface), 4);
  g_assert_cmphex (corner & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (surface);
  g_clear_object (&export_scene);

  /* Light already: the screen's scene itself. */
  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  export_scene = mg_window_dup_export_scene (window);
  g_assert_true (export_scene == screen);
  g_clear_object (&export_scene);

  destroy_window (window);
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* Presentation mode restyles the scene bigger; in and out of it, after a
 * change of dark mode, the palette stays the desktop's. */
static void
test_presentation_keeps_palette (void)
{
  MgWindow *window;
  MgScene *scene;
  double normal_label;

  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_example ();
  scene = mg_document_get_scene (mg_window_get_document (window));
  normal_label = mg_scene_get_style (scene)->label_size;

  set_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  g_object_set (window, "presentation", TRUE, NULL);
  flush_events ();
  g_assert_true (mg_scene_get_style (scene)->dark);
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size, >, normal_label);

  set_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (mg_scene_get_style (scene)->dark);
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size, >, normal_label);

  set_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  g_object_set (window, "presentation", FALSE, NULL);
  flush_events ();
  g_assert_true (mg_scene_get_style (scene)->dark);
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size, ==, normal_label);

  destroy_window (window);
  set_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;

  g_test_add_func ("/app/palette/follows-dark-mode-live", test_follows_dark_mode);
  g_test_add_func ("/app/palette/opens-dark", test_opens_dark);
  g_test_add_func ("/app/palette/dark-is-readable", test_dark_is_readable);
  g_test_add_func ("/app/palette/exports-stay-light", test_exports_stay_light);
  g_test_add_func ("/app/palette/presentation-keeps-palette", test_presentation_keeps_palette);
  status = g_test_run ();

  app_test_teardown ();
  return status;
}
