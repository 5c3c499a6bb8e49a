/* mg-export.c — exporting a map as PNG, SVG or PDF. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mg-atomic-file.h"
#include "mg-export-private.h"
#include "mg-svg.h"

G_DEFINE_QUARK (mg-export-error-quark, mg_export_error)

void
mg_export_options_init (MgExportOptions *options)
{
  g_return_if_fail (options != NULL);
  *options = (MgExportOptions) {
    .format = MG_EXPORT_FORMAT_PNG,
    .dpi = 150.0,
    .scale = 1.0,
    .transparent = FALSE,
    .legend = TRUE,
    .title = NULL,
    .has_region = FALSE,
    .margin = 24.0,
    .legend_language = NULL,
  };
}

gboolean
mg_export_format_from_filename (const char *filename, MgExportFormat *format)
{
  g_return_val_if_fail (filename != NULL, FALSE);

  const char *dot = strrchr (filename, '.');
  const char *slash = strrchr (filename, G_DIR_SEPARATOR);
  MgExportFormat f;

  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    f = MG_EXPORT_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    f = MG_EXPORT_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    f = MG_EXPORT_FORMAT_PDF;
  else
    return FALSE;
  if (format)
    *format = f;
  return TRUE;
}

const char *
mg_export_format_to_string (MgExportFormat format)
{
  switch (format)
    {
    case MG_EXPORT_FORMAT_PNG: return "png";
    case MG_EXPORT_FORMAT_SVG: return "svg";
    case MG_EXPORT_FORMAT_PDF: return "pdf";
    default: return NULL;
    }
}

gboolean
mg_export_page_from_string (const char *text, double map_aspect, double *width_pt,
                            double *height_pt)
{
  static const struct { const char *name; double w, h; gboolean slide; } pages[] = {
    { "slide-16:9", 960, 540, TRUE },
    { "slide-4:3", 720, 540, TRUE },
    { "a4", 841.89, 595.276, FALSE }, /* 297 × 210 mm */
    { "a3", 1190.551, 841.89, FALSE }, /* 420 × 297 mm */
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (width_pt != NULL && height_pt != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gsize n = strlen (pages[i].name);
      const char *rest = lower + n;
      gboolean portrait;

      if (strncmp (lower, pages[i].name, n) != 0)
        continue;
      if (*rest == '\0')
        portrait = !pages[i].slide && map_aspect > 0 && map_aspect < 1;
      else if (g_str_equal (rest, "-landscape"))
        portrait = FALSE;
      else if (g_str_equal (rest, "-portrait"))
        portrait = TRUE;
      else
        continue;
      *width_pt = portrait ? pages[i].h : pages[i].w;
      *height_pt = portrait ? pages[i].w : pages[i].h;
      return TRUE;
    }
  return FALSE;
}

gboolean
mg_export_check_options (const MgExportOptions *o, GError **error)
{
  if (o->format > MG_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID, _("Unknown export format"));
      return FALSE;
    }
  if (o->format == MG_EXPORT_FORMAT_PNG && o->pixel_width != 0 &&
      !(o->pixel_width >= 16 && o->pixel_width <= MG_EXPORT_MAX_PIXELS_SIDE))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("The width must be between 16 and %d pixels (%d was asked)"),
                   MG_EXPORT_MAX_PIXELS_SIDE, o->pixel_width);
      return FALSE;
    }
  if ((o->page_width != 0 || o->page_height != 0) &&
      !(o->page_width > 0 && o->page_height > 0 && o->page_width <= MG_EXPORT_MAX_PDF_POINTS &&
        o->page_height <= MG_EXPORT_MAX_PDF_POINTS))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("The page size must be above 0 and at most %g points a side"),
                   MG_EXPORT_MAX_PDF_POINTS);
      return FALSE;
    }
  if (o->format == MG_EXPORT_FORMAT_PNG && o->pixel_width == 0 &&
      !(o->dpi >= MG_EXPORT_MIN_DPI && o->dpi <= MG_EXPORT_MAX_DPI))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("The resolution must be between %g and %g dpi (%g was asked)"),
                   MG_EXPORT_MIN_DPI, MG_EXPORT_MAX_DPI, o->dpi);
      return FALSE;
    }
  if (!(o->scale > 0 && o->scale <= 100))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("The scale must be above 0 and at most 100 (%g was asked)"), o->scale);
      return FALSE;
    }
  if (!(o->margin >= 0 && o->margin <= 2000))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("The margin must be between 0 and 2000 points (%g was asked)"), o->margin);
      return FALSE;
    }
  if (o->has_region &&
      !(o->region.width > 0 && o->region.height > 0 && isfinite (o->region.x) &&
        isfinite (o->region.y) && isfinite (o->region.width) && isfinite (o->region.height)))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("The region to export is empty"));
      return FALSE;
    }
  return TRUE;
}

void
mg_export_compute_page (MgScene *scene, const MgExportOptions *o, MgPage *page)
{
  /* Every export starts here: the legend is measured and drawn in its language. */
  mg_scene_set_legend_language (scene, o->legend_language);
  if (o->page_width > 0 && o->page_height > 0)
    mg_page_compute_fixed (page, scene, o->has_region ? &o->region : NULL, o->page_width,
                           o->page_height, o->margin, o->title, o->legend,
                           o->transparent && o->format != MG_EXPORT_FORMAT_PDF);
  else
    mg_page_compute (page, scene, o->has_region ? &o->region : NULL, o->scale, o->margin,
                     o->title, o->legend,
                     o->transparent && o->format != MG_EXPORT_FORMAT_PDF);
}

gboolean
mg_export_check_pixels (const MgPage *page, MgExportOptions *o, int *pw, int *ph, GError **error)
{
  double w, h;

  if (o->pixel_width > 0)
    {
      o->dpi = o->pixel_width * 72.0 / MAX (page->width, 1);
      w = o->pixel_width;
      h = MAX (round (page->height * o->dpi / 72.0), 1);
    }
  else
    {
      w = ceil (page->width * o->dpi / 72.0);
      h = ceil (page->height * o->dpi / 72.0);
    }

  if (w > MG_EXPORT_MAX_PIXELS_SIDE || h > MG_EXPORT_MAX_PIXELS_SIDE ||
      w * h > MG_EXPORT_MAX_MEGAPIXELS * 1e6)
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_TOO_LARGE,
                   _("The image would be %.0f × %.0f pixels at %g dpi, more than PNG export "
                     "allows (%d pixels a side, %.0f megapixels); lower the DPI or the scale, "
                     "export a region, or export SVG or PDF"),
                   w, h, o->dpi, MG_EXPORT_MAX_PIXELS_SIDE, MG_EXPORT_MAX_MEGAPIXELS);
      return FALSE;
    }
  if (pw)
    *pw = (int) MAX (w, 1);
  if (ph)
    *ph = (int) MAX (h, 1);
  return TRUE;
}

gboolean
mg_export_measure (MgScene *scene, const MgExportOptions *options, double *width_pt,
                   double *height_pt, int *pixel_width, int *pixel_height, GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  MgPage page;
  MgExportOptions o = *options;
  gboolean ok = TRUE;

  if (!mg_export_check_options (&o, error))
    return FALSE;
  mg_export_compute_page (scene, &o, &page);
  if (width_pt)
    *width_pt = page.width;
  if (height_pt)
    *height_pt = page.height;
  if (o.format == MG_EXPORT_FORMAT_PNG)
    ok = mg_export_check_pixels (&page, &o, pixel_width, pixel_height, error);
  mg_page_clear (&page);
  return ok;
}

void
mg_export_fit_labels_to_page (MgScene *scene, const MgExportOptions *options)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (options != NULL);

  if (!(options->page_width > 0 && options->page_height > 0))
    return;
  /* Labels are part of the map's bounds: twice settles both. */
  for (guint pass = 0; pass < 2; pass++)
    {
      const MgStyle *style = mg_scene_get_style (scene);
      MgPage page;
      double scale;

      mg_export_compute_page (scene, options, &page);
      scale = page.scale;
      mg_page_clear (&page);
      /* Labels are drawn inflated when the page shrinks the map
       * (mg_scene_label_zoom()): what counts is the size drawn. */
      if (!(scale > 0) ||
          style->label_size * scale * mg_scene_label_zoom (scale) >= MG_EXPORT_PAGE_LABEL_PT * 0.98)
        return;
      {
        g_autoptr (MgStyle) bigger = mg_style_copy (style);

        bigger->label_size = MG_EXPORT_PAGE_LABEL_PT / (scale * mg_scene_label_zoom (scale));
        bigger->cluster_label_size = MAX (bigger->cluster_label_size,
                                          MG_EXPORT_PAGE_LABEL_PT * 1.1 / scale);
        bigger->label_padding *= MIN (bigger->label_size / style->label_size, 4.0);
        mg_scene_set_style (scene, bigger);
      }
    }
}

/* ---- cairo outputs ------------------------------------------------------------- */

void
mg_export_paint_background (cairo_t *cr, MgScene *scene, const MgPage *page)
{
  cairo_save (cr);
  if (page->transparent)
    cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  else
    {
      const MgColor *c = &mg_scene_get_style (scene)->background;
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_rgb (cr, c->red, c->green, c->blue);
    }
  cairo_paint (cr);
  cairo_restore (cr);
}

static cairo_surface_t *
render_surface (MgScene *scene, const MgExportOptions *options, GError **error)
{
  MgExportOptions copy = *options;
  MgExportOptions *o = &copy;
  MgPage page;
  int pw, ph;

  mg_export_compute_page (scene, o, &page);
  if (!mg_export_check_pixels (&page, o, &pw, &ph, error))
    {
      mg_page_clear (&page);
      return NULL;
    }

  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER,
                   _("Could not create a %d × %d image: %s"), pw, ph,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      mg_page_clear (&page);
      return NULL;
    }

  cairo_t *cr = cairo_create (surface);
  mg_export_paint_background (cr, scene, &page);
  cairo_scale (cr, o->dpi / 72.0, o->dpi / 72.0);
  mg_render_cairo_page (scene, cr, &page, TRUE);
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  mg_page_clear (&page);
  cairo_surface_flush (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

cairo_surface_t *
mg_export_render_surface (MgScene *scene, const MgExportOptions *options, GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  MgExportOptions o = *options;
  o.format = MG_EXPORT_FORMAT_PNG;
  if (!mg_export_check_options (&o, error))
    return NULL;
  return render_surface (scene, &o, error);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf_bytes (MgScene *scene, const MgExportOptions *o, GError **error)
{
  MgPage page;
  GByteArray *bytes = g_byte_array_new ();

  mg_export_compute_page (scene, o, &page);

  /* Beyond 200 inches a side, viewers refuse the page: scale it down (it
   * stays vector, nothing is lost). */
  double fit = MIN (1.0, MG_EXPORT_MAX_PDF_POINTS / MAX (page.width, page.height));
  double w = MAX (floor (page.width * fit), 1), h = MAX (floor (page.height * fit), 1);

  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, w, h);
  const char *title = o->title ? o->title : mg_map_get_title (mg_scene_get_map (scene));
  if (title && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Maillage");

  cairo_t *cr = cairo_create (surface);
  cairo_scale (cr, fit, fit);
  mg_render_cairo_page (scene, cr, &page, FALSE);
  cairo_show_page (cr);
  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  mg_page_clear (&page);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER,
                   _("Could not make the PDF document: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
render_svg_bytes (MgScene *scene, const MgExportOptions *o, GError **error)
{
  MgPage page;
  gsize length = 0;
  char *text;

  mg_export_compute_page (scene, o, &page);
  text = mg_svg_write_page (scene, &page, &length, error);
  mg_page_clear (&page);
  if (text == NULL)
    return NULL;
  return g_bytes_new_take (text, length);
}

GBytes *
mg_export_scene_to_bytes (MgScene *scene, const MgExportOptions *options, GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!mg_export_check_options (options, error))
    return NULL;
  switch (options->format)
    {
    case MG_EXPORT_FORMAT_SVG:
      return render_svg_bytes (scene, options, error);
    case MG_EXPORT_FORMAT_PDF:
      return render_pdf_bytes (scene, options, error);
    case MG_EXPORT_FORMAT_PNG:
    default:
      return mg_export_render_png_bytes (scene, options, error);
    }
}

static gboolean
atomic_sink (const char *data, gsize length, gpointer file, GError **error)
{
  return mg_atomic_file_write (file, data, length, error);
}

static gboolean
export_svg_to_file (MgScene *scene, const MgExportOptions *o, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  MgAtomicFile *file;
  MgPage page;
  gboolean ok;

  if (!mg_export_check_options (o, error))
    return FALSE;
  file = mg_atomic_file_begin (path, &local);
  if (file == NULL)
    {
      g_set_error_literal (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_WRITE, local->message);
      return FALSE;
    }
  mg_export_compute_page (scene, o, &page);
  ok = mg_svg_write_page_to (scene, &page, atomic_sink, file, &local);
  mg_page_clear (&page);
  if (ok)
    ok = mg_atomic_file_commit (file, &local);
  else
    mg_atomic_file_abort (file);
  if (!ok)
    {
      /* The file's errors are write errors; the writer's its own. */
      if (local->domain == G_FILE_ERROR)
        g_set_error_literal (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_WRITE, local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
    }
  return ok;
}

gboolean
mg_export_scene_to_file (MgScene *scene, const MgExportOptions *options, const char *path,
                         GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr (GError) local = NULL;

  /* SVG goes to its file as it is written. */
  if (options->format == MG_EXPORT_FORMAT_SVG)
    return export_svg_to_file (scene, options, path, error);

  g_autoptr (GBytes) bytes = mg_export_scene_to_bytes (scene, options, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!mg_atomic_file_replace (path, data ? data : "", length, &local))
    {
      g_set_error_literal (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_WRITE, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mg_export_map_to_file (MgMap *map, const MgExportOptions *options, const char *path,
                       GError **error)
{
  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mg_map_get_n_actors (map) > 0 && !mg_map_has_positions (map))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_NO_POSITIONS,
                   _("Some actors have no position: lay the map out before exporting it"));
      return FALSE;
    }

  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  return mg_export_scene_to_file (scene, options, path, error);
}
