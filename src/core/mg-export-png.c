/* mg-export-png.c — PNG export in bands, drawn and encoded at once.
 *
 * A 300-DPI image of a large map is hundreds of megapixels: drawn whole it
 * takes gigabytes, and cairo's PNG writer (libpng's defaults: zlib level 6,
 * every row filter tried) then spends most of the export compressing it.
 * So the image is drawn in bands of rows on this thread — each band draws
 * only the items that meet it — while a second thread encodes the bands
 * already drawn with libpng, at a fast zlib level and one row filter
 * (measured: 3–4× faster than the defaults for 5–20 % more bytes).  An
 * opaque image is written as RGB, a transparent one as RGBA with the
 * premultiplied alpha undone; the DPI goes in the pHYs chunk so that slide
 * and word processors place the image at its intended size.
 *
 * Only this thread touches the scene (and Pango); the encoder sees pixels.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>
#include <zlib.h>

#include "mg-export-private.h"

/* Bands of about this many pixels; three of them circulate. */
#define BAND_PIXELS (4 * 1024 * 1024)
#define N_BANDS     3
/* zlib level 2 and no row filter: the fastest of the settings measured on
 * map images (antialiased lines and text on a plain background), and the
 * smallest files of the fast ones. */
#define PNG_ZLIB_LEVEL 2

typedef struct {
  cairo_surface_t *surface;
  int              y0;
  int              rows; /* 0: the end */
} Band;

typedef struct {
  int          width;
  int          height;
  gboolean     alpha;
  double       dpi;
  GAsyncQueue *drawn;  /* of Band*, from the drawing thread */
  GAsyncQueue *free;   /* of Band*, back from the encoder */
  GByteArray  *out;
  Band        *current; /* being encoded */
  char        *error;   /* libpng's message, when it fails */
} Encoder;

static void
write_bytes (png_structp png, png_bytep data, size_t length)
{
  g_byte_array_append (png_get_io_ptr (png), data, (guint) length);
}

static void
flush_nothing (png_structp png)
{
  (void) png;
}

static void
on_png_error (png_structp png, png_const_charp message)
{
  Encoder *e = png_get_error_ptr (png);

  if (e->error == NULL)
    e->error = g_strdup (message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp png, png_const_charp message)
{
  (void) png;
  (void) message;
}

/* One row of cairo's ARGB32 (premultiplied, native endian) as PNG RGB or
 * RGBA (straight alpha). */
static void
convert_row (const guint32 *src, guchar *dst, int width, gboolean alpha)
{
  if (!alpha)
    {
      for (int x = 0; x < width; x++, dst += 3)
        {
          guint32 p = src[x];
          dst[0] = (guchar) (p >> 16);
          dst[1] = (guchar) (p >> 8);
          dst[2] = (guchar) p;
        }
      return;
    }
  for (int x = 0; x < width; x++, dst += 4)
    {
      guint32 p = src[x];
      guint a = p >> 24;

      if (a == 0)
        dst[0] = dst[1] = dst[2] = 0;
      else if (a == 255)
        {
          dst[0] = (guchar) (p >> 16);
          dst[1] = (guchar) (p >> 8);
          dst[2] = (guchar) p;
        }
      else
        {
          dst[0] = (guchar) ((((p >> 16) & 0xff) * 255 + a / 2) / a);
          dst[1] = (guchar) ((((p >> 8) & 0xff) * 255 + a / 2) / a);
          dst[2] = (guchar) (((p & 0xff) * 255 + a / 2) / a);
        }
      dst[3] = (guchar) a;
    }
}

/* Encodes the bands as they come, until the end marker.  FALSE when libpng
 * fails (its message in e->error). */
static gboolean
encode_bands (Encoder *e, png_structp png, png_infop info, guchar *row)
{
  if (setjmp (png_jmpbuf (png)) != 0)
    return FALSE;

  png_uint_32 per_metre = (png_uint_32) lround (e->dpi / 0.0254);
  png_set_write_fn (png, e->out, write_bytes, flush_nothing);
  png_set_IHDR (png, info, (png_uint_32) e->width, (png_uint_32) e->height, 8,
                e->alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_pHYs (png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  png_set_compression_level (png, PNG_ZLIB_LEVEL);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (png, info);
  /* e->current, not a local: it must survive a longjmp. */
  while ((e->current = g_async_queue_pop (e->drawn))->rows > 0)
    {
      const guchar *pixels = cairo_image_surface_get_data (e->current->surface);
      int stride = cairo_image_surface_get_stride (e->current->surface);

      for (int y = 0; y < e->current->rows; y++)
        {
          convert_row ((const guint32 *) (pixels + (gsize) y * stride), row, e->width, e->alpha);
          png_write_row (png, row);
        }
      g_async_queue_push (e->free, e->current);
      e->current = NULL;
    }
  png_write_end (png, info);
  return TRUE;
}

static gpointer
encode_thread (gpointer data)
{
  Encoder *e = data;
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, e, on_png_error,
                                             on_png_warning);
  png_infop info = png != NULL ? png_create_info_struct (png) : NULL;
  guchar *row = g_malloc ((gsize) e->width * (e->alpha ? 4 : 3));
  gboolean ok = png != NULL && info != NULL && encode_bands (e, png, info, row);

  if (!ok)
    {
      if (e->error == NULL)
        e->error = g_strdup (_("libpng could not start"));
      /* Give the drawing thread its bands back, unencoded, to the end:
       * it must never wait forever. */
      if (e->current == NULL || e->current->rows > 0)
        {
          if (e->current != NULL)
            g_async_queue_push (e->free, e->current);
          while ((e->current = g_async_queue_pop (e->drawn))->rows > 0)
            g_async_queue_push (e->free, e->current);
        }
    }

  png_destroy_write_struct (png != NULL ? &png : NULL, info != NULL ? &info : NULL);
  g_free (row);
  return GINT_TO_POINTER (ok);
}

GBytes *
mg_export_render_png_bytes (MgScene *scene, const MgExportOptions *options, GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  MgExportOptions o = *options;
  Band bands[N_BANDS + 1] = { { 0 } };
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  Encoder e = { 0 };
  GThread *thread;
  MgPage page;
  int band_rows;
  gboolean encoded;

  o.format = MG_EXPORT_FORMAT_PNG;
  if (!mg_export_check_options (&o, error))
    return NULL;
  mg_export_compute_page (scene, &o, &page);
  if (!mg_export_check_pixels (&page, &o, &e.width, &e.height, error))
    {
      mg_page_clear (&page);
      return NULL;
    }

  band_rows = CLAMP (BAND_PIXELS / e.width, 16, e.height);
  for (guint i = 0; i < N_BANDS; i++)
    {
      bands[i].surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, e.width, band_rows);
      if (cairo_surface_status (bands[i].surface) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER,
                       _("Could not create a %d × %d image: %s"), e.width, band_rows,
                       cairo_status_to_string (cairo_surface_status (bands[i].surface)));
          for (guint k = 0; k <= i; k++)
            cairo_surface_destroy (bands[k].surface);
          mg_page_clear (&page);
          return NULL;
        }
    }

  e.alpha = page.transparent;
  e.dpi = o.dpi;
  e.drawn = g_async_queue_new ();
  e.free = g_async_queue_new ();
  e.out = g_byte_array_sized_new (1024 * 1024);
  for (guint i = 0; i < N_BANDS; i++)
    g_async_queue_push (e.free, &bands[i]);
  thread = g_thread_new ("mg-png-encoder", encode_thread, &e);

  for (int y0 = 0; y0 < e.height; y0 += band_rows)
    {
      Band *band = g_async_queue_pop (e.free);
      cairo_t *cr = cairo_create (band->surface);

      band->y0 = y0;
      band->rows = MIN (band_rows, e.height - y0);
      mg_export_paint_background (cr, scene, &page);
      cairo_translate (cr, 0, -y0);
      cairo_scale (cr, o.dpi / 72.0, o.dpi / 72.0);
      mg_render_cairo_page (scene, cr, &page, TRUE);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (band->surface);
      g_async_queue_push (e.drawn, band);
    }
  bands[N_BANDS].rows = 0;
  g_async_queue_push (e.drawn, &bands[N_BANDS]);
  encoded = GPOINTER_TO_INT (g_thread_join (thread));

  for (guint i = 0; i < N_BANDS; i++)
    cairo_surface_destroy (bands[i].surface);
  g_async_queue_unref (e.drawn);
  g_async_queue_unref (e.free);
  mg_page_clear (&page);

  if (status != CAIRO_STATUS_SUCCESS || !encoded)
    {
      if (status != CAIRO_STATUS_SUCCESS)
        g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER,
                     _("Could not draw the map: %s"), cairo_status_to_string (status));
      else
        g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER,
                     _("Could not encode the PNG image: %s"), e.error);
      g_free (e.error);
      g_byte_array_unref (e.out);
      return NULL;
    }
  g_free (e.error);
  return g_byte_array_free_to_bytes (e.out);
}
