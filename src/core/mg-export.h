/* mg-export.h — exporting a map as PNG, SVG or PDF.
 *
 * The same scene and style as the screen.  A page holds the title (when
 * given) centred on top, the map region below it, and the legend (when
 * asked and not empty) to the right of the map, top-aligned, all within the
 * margin.  Page sizes are in points: one map unit is `scale` points.
 *
 *   PNG  pixels = points × dpi / 72; level of detail applies (labels under
 *        5 px are left out).  Refused (MG_EXPORT_ERROR_TOO_LARGE) beyond
 *        32,767 pixels a side — cairo's limit — or 400 megapixels.
 *   SVG  width/height in pt, viewBox in points; text stays <text>.
 *   PDF  one page whose size is the content size (not A4): the map prints
 *        or scales without white bands, and text stays text.  A page
 *        beyond 14,400 pt a side (200 inches, what viewers accept) is
 *        scaled down to fit; it stays vector.  Never transparent.
 *
 * Files are written atomically (temporary file beside the target, then
 * renamed): a failed export never leaves a partial file behind.
 */
#pragma once

#include <gio/gio.h>
#include "mg-render-cairo.h"
#include "mg-scene.h"

G_BEGIN_DECLS

#define MG_EXPORT_ERROR (mg_export_error_quark ())
GQuark mg_export_error_quark (void);

typedef enum {
  MG_EXPORT_ERROR_INVALID,      /* an option out of range, unknown format */
  MG_EXPORT_ERROR_TOO_LARGE,    /* the output would be absurdly large */
  MG_EXPORT_ERROR_NO_POSITIONS, /* the map has actors without position */
  MG_EXPORT_ERROR_RENDER,       /* cairo failed (out of memory…) */
  MG_EXPORT_ERROR_WRITE,        /* the file could not be written */
} MgExportError;

typedef enum {
  MG_EXPORT_FORMAT_PNG,
  MG_EXPORT_FORMAT_SVG,
  MG_EXPORT_FORMAT_PDF,
} MgExportFormat;

#define MG_EXPORT_MIN_DPI 72.0
#define MG_EXPORT_MAX_DPI 600.0
#define MG_EXPORT_MAX_PIXELS_SIDE 32767
#define MG_EXPORT_MAX_MEGAPIXELS 400.0
#define MG_EXPORT_MAX_PDF_POINTS 14400.0

typedef struct {
  MgExportFormat format;
  double         dpi;          /* PNG only: 72–600 (default 150) */
  double         scale;        /* points per map unit (default 1) */
  gboolean       transparent;  /* no background (PNG, SVG; PDF stays white) */
  gboolean       legend;       /* default TRUE */
  const char    *title;        /* NULL: no title */
  gboolean       has_region;   /* FALSE: the whole map */
  MgRect         region;       /* map coordinates, when has_region */
  double         margin;       /* points around everything (default 24) */
  const char    *legend_language; /* "fr", "en"; NULL: the interface's (mg-i18n.h) */
  /* A page of a given size (a slide, a sheet: mg_export_page_from_string),
   * points; 0 × 0: the content's own size.  The map is fitted to it and
   * `scale` is not used. */
  double         page_width, page_height;
  /* PNG only: the image's width in pixels (0: from `dpi`); the DPI is then
   * what gives it. */
  int            pixel_width;
} MgExportOptions;

/* Page presets: "slide-16:9" (960 × 540 pt), "slide-4:3" (720 × 540), "a4",
 * "a3", each optionally followed by "-landscape" or "-portrait" (slides are
 * landscape; paper without one takes the orientation that suits the map:
 * pass its aspect, width / height, or 0 for landscape).  FALSE when not
 * one of them. */
gboolean        mg_export_page_from_string (const char *text, double map_aspect,
                                            double *width_pt, double *height_pt);

/* PNG, 150 dpi, scale 1, opaque, legend, no title, whole map, 24 pt margin. */
void            mg_export_options_init (MgExportOptions *options);

/* From the file name's extension (.png, .svg, .pdf, any case); FALSE when
 * not one of them. */
gboolean        mg_export_format_from_filename (const char *filename, MgExportFormat *format);
const char     *mg_export_format_to_string (MgExportFormat format); /* "png"… */

/* The page size in points, and for PNG in pixels (@pixel_width and
 * @pixel_height may be NULL), that @options would give; FALSE with @error
 * when the options are invalid or the output too large. */
gboolean        mg_export_measure (MgScene *scene, const MgExportOptions *options,
                                   double *width_pt, double *height_pt,
                                   int *pixel_width, int *pixel_height, GError **error);

/* On a page (options->page_width), the map is scaled to fit and its labels
 * would shrink with it: gives @scene's style labels of at least
 * MG_EXPORT_PAGE_LABEL_PT points on the page (lower-priority labels are
 * dropped rather than shrunk).  Nothing without a page. */
#define MG_EXPORT_PAGE_LABEL_PT 8.0
void            mg_export_fit_labels_to_page (MgScene *scene, const MgExportOptions *options);

/* Exports @scene to @path in options->format. */
gboolean        mg_export_scene_to_file (MgScene *scene, const MgExportOptions *options,
                                         const char *path, GError **error);
/* Builds a scene of @map with the default style (the map must have
 * positions: lay it out first) and exports it. */
gboolean        mg_export_map_to_file (MgMap *map, const MgExportOptions *options,
                                       const char *path, GError **error);

/* The export in memory, whatever the format (for "copy image" and tests).
 * (transfer full) */
GBytes         *mg_export_scene_to_bytes (MgScene *scene, const MgExportOptions *options,
                                          GError **error);
/* A PNG in memory (options->format is ignored). */
GBytes         *mg_export_render_png_bytes (MgScene *scene, const MgExportOptions *options,
                                            GError **error);
/* An ARGB32 image surface of the page (options->format ignored), e.g. for a
 * GdkTexture.  (transfer full) */
cairo_surface_t *mg_export_render_surface (MgScene *scene, const MgExportOptions *options,
                                           GError **error);

G_END_DECLS
