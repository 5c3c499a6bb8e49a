/* test-pages.c — slides and pages: the presets give pages of the right
 * size and aspect with the title and legend inside, the map fitted to
 * them; a PNG can be asked for by its width in pixels; and the command
 * line's --page and --width do the same. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "mg-export.h"
#include "mg-graphml.h"
#include "mg-layout.h"
#include "mg-render-cairo.h"

static MgMap *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps",
                                            "france-territorial-innovation.graphml", NULL);
  g_autoptr (GError) error = NULL;
  MgMap *map = mg_graphml_read_file (path, NULL, &error);
  MgLayoutOptions options;

  g_assert_no_error (error);
  /* Without saved positions: laid out, as the command line does. */
  mg_layout_options_init (&options);
  g_assert_true (mg_layout_map_sync (map, &options, NULL, &error));
  g_assert_no_error (error);
  return map;
}

static void
test_presets (void)
{
  struct { const char *name; double aspect; double w, h; } cases[] = {
    { "slide-16:9", 0.5, 960, 540 },
    { "slide-4:3", 0, 720, 540 },
    { "a4-landscape", 0.5, 841.89, 595.276 },
    { "a4-portrait", 2, 595.276, 841.89 },
    { "A3-Portrait", 0, 841.89, 1190.551 },
    { "a4", 0.6, 595.276, 841.89 },  /* a tall map: portrait */
    { "a4", 1.5, 841.89, 595.276 },  /* a wide one: landscape */
    { "a3", 0, 1190.551, 841.89 },
  };
  double w, h;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (mg_export_page_from_string (cases[i].name, cases[i].aspect, &w, &h));
      g_assert_cmpfloat (fabs (w - cases[i].w), <, 0.01);
      g_assert_cmpfloat (fabs (h - cases[i].h), <, 0.01);
    }
  g_assert_false (mg_export_page_from_string ("letter", 0, &w, &h));
  g_assert_false (mg_export_page_from_string ("a4-sideways", 0, &w, &h));
  g_assert_false (mg_export_page_from_string ("slide-16:10", 0, &w, &h));
}

static void
test_page_holds_title_map_and_legend (void)
{
  g_autoptr (MgMap) map = example ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  const char *presets[] = { "slide-16:9", "slide-4:3", "a4-portrait", "a4-landscape", "a3" };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      const MgLegend *legend = mg_scene_get_legend (scene);
      MgExportOptions options;
      MgPage page;
      MgRect bounds;
      double margin;

      mg_export_options_init (&options);
      g_assert_true (mg_export_page_from_string (presets[i], 0, &options.page_width,
                                                 &options.page_height));
      options.title = "France: three territorial innovation ecosystems";
      margin = options.margin;
      mg_page_compute_fixed (&page, scene, NULL, options.page_width, options.page_height, margin,
                             options.title, TRUE, FALSE);
      g_assert_cmpfloat (page.width, ==, options.page_width);
      g_assert_cmpfloat (page.height, ==, options.page_height);
      /* The legend inside the page, beside the map. */
      g_assert_true (page.legend);
      g_assert_cmpfloat (page.legend_x, >=, margin - 0.01);
      g_assert_cmpfloat (page.legend_x + legend->width * page.legend_scale, <=, page.width - margin + 0.01);
      g_assert_cmpfloat (page.legend_y + legend->height * page.legend_scale, <=, page.height - margin + 0.01);
      /* The title above the map. */
      g_assert_nonnull (page.title_lines);
      g_assert_cmpfloat (page.map_y, >, page.title_y);
      /* The whole map inside the page, left of the legend. */
      mg_scene_get_bounds (scene, &bounds);
      g_assert_cmpfloat (page.map_x + (bounds.x - page.region.x) * page.scale, >=, margin - 0.01);
      g_assert_cmpfloat (page.map_x + (bounds.x + bounds.width - page.region.x) * page.scale, <=,
                         page.legend_x + 0.01);
      g_assert_cmpfloat (page.map_y + (bounds.y + bounds.height - page.region.y) * page.scale, <=,
                         page.height - margin + 0.01);
      /* Fitted: one direction filled. */
      g_assert_true (fabs (bounds.width * page.scale - (page.legend_x - margin - 12)) < 40 ||
                     fabs (bounds.height * page.scale - (page.height - margin - page.map_y)) < 1);
      mg_page_clear (&page);
    }
}

static void
test_png_width_and_aspect (void)
{
  g_autoptr (MgMap) map = example ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  MgExportOptions options;
  double w, h;
  int pw = 0, ph = 0;

  mg_export_options_init (&options);
  g_assert_true (mg_export_page_from_string ("slide-16:9", 0, &options.page_width, &options.page_height));
  options.pixel_width = 1920;
  g_assert_true (mg_export_measure (scene, &options, &w, &h, &pw, &ph, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw, ==, 1920);
  g_assert_cmpint (ph, ==, 1080);
  /* Without a page, the width alone sets the size; the height follows. */
  options.page_width = options.page_height = 0;
  options.pixel_width = 800;
  g_assert_true (mg_export_measure (scene, &options, &w, &h, &pw, &ph, &error));
  g_assert_cmpint (pw, ==, 800);
  g_assert_cmpint (abs (ph - (int) round (800 * h / w)), <=, 1);
  /* Out of range: refused, saying why. */
  options.pixel_width = 4;
  g_assert_false (mg_export_measure (scene, &options, &w, &h, &pw, &ph, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID);
}

static void
test_page_labels_readable (void)
{
  g_autoptr (MgMap) map = example ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgExportOptions options;
  MgPage page;

  mg_export_options_init (&options);
  g_assert_true (mg_export_page_from_string ("slide-16:9", 0, &options.page_width, &options.page_height));
  mg_export_fit_labels_to_page (scene, &options);
  mg_page_compute_fixed (&page, scene, NULL, options.page_width, options.page_height,
                         options.margin, NULL, TRUE, FALSE);
  /* The size drawn: labels seen from afar are inflated. */
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size * page.scale *
                       mg_scene_label_zoom (page.scale), >=, MG_EXPORT_PAGE_LABEL_PT * 0.9);
  /* And not twice: no larger than the page needs (or the style gave). */
  g_assert_cmpfloat (mg_scene_get_style (scene)->label_size * page.scale *
                       mg_scene_label_zoom (page.scale), <=,
                     MAX (MG_EXPORT_PAGE_LABEL_PT * 1.1,
                          mg_scene_get_style (scene)->label_size * page.scale));
  mg_page_clear (&page);
}

/* ---- the command line ------------------------------------------------------------------ */

static void
run (const char *const *args, int *status, char **err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  int wait = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MAILLAGE_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, err, &wait, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait) ? WEXITSTATUS (wait) : -1;
}

static void
test_cli_page_and_width (void)
{
  g_autofree char *map = g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps",
                                           "france-territorial-innovation.graphml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("maillage-pages-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "slide.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  int status;

  if (g_getenv ("MAILLAGE_BIN") == NULL)
    {
      g_test_skip ("MAILLAGE_BIN not set");
      return;
    }
  run ((const char *[]) { "--export", png, "--page", "slide-16:9", "--width", "1280",
                          "--title", "Slide", map, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 720);
  cairo_surface_destroy (image);
  g_clear_pointer (&err, g_free);

  run ((const char *[]) { "--export", pdf, "--page", "a4-portrait", map, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 0);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    /* A binary file: memmem, not a string search that stops at a NUL. */
    g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 595 841 ]", 25));
  }
  g_clear_pointer (&err, g_free);

  /* Clear refusals. */
  run ((const char *[]) { "--export", png, "--page", "letter", map, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "letter"));
  g_clear_pointer (&err, g_free);
  run ((const char *[]) { "--export", png, "--width", "800", "--dpi", "100", map, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--width"));
  g_clear_pointer (&err, g_free);
  run ((const char *[]) { "--export", pdf, "--width", "800", map, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--width"));

  g_clear_pointer (&err, g_free);
  run ((const char *[]) { "--export", png, "--size-by", "popularity", map, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "popularity"));
  g_clear_pointer (&err, g_free);
  run ((const char *[]) { "--export", png, "--size-by", "betweenness", "--width", "600", map, NULL },
       &status, &err);
  g_assert_cmpint (status, ==, 0);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/page/presets", test_presets);
  g_test_add_func ("/export/page/title-map-legend-inside", test_page_holds_title_map_and_legend);
  g_test_add_func ("/export/page/png-width-and-aspect", test_png_width_and_aspect);
  g_test_add_func ("/export/page/labels-readable", test_page_labels_readable);
  g_test_add_func ("/cli/export/page-and-width", test_cli_page_and_width);
  return g_test_run ();
}
