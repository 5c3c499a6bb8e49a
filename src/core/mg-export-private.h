/* mg-export-private.h — what the export files share (mg-export.c and
 * mg-export-png.c). */
#pragma once

#include "mg-export.h"
#include "mg-render-cairo.h"

G_BEGIN_DECLS

gboolean mg_export_check_options (const MgExportOptions *options, GError **error);
void     mg_export_compute_page (MgScene *scene, const MgExportOptions *options, MgPage *page);
/* The pixel size of @page at the options' DPI, or FALSE with
 * MG_EXPORT_ERROR_TOO_LARGE when it is beyond what PNG export allows.
 * With a width in pixels, sets the DPI that gives it. */
gboolean mg_export_check_pixels (const MgPage *page, MgExportOptions *options,
                                 int *pixel_width, int *pixel_height, GError **error);

/* Clears the whole surface of @cr: to the map's background when @page is
 * opaque (so that the pixel row or column the page's fractional size only
 * half covers is not left translucent), else to transparency. */
void     mg_export_paint_background (cairo_t *cr, MgScene *scene, const MgPage *page);

G_END_DECLS
