/* mg-report-page.h — the territory report as one page (PDF, PNG or SVG), a
 * facilitator's workshop opener.
 *
 * Landscape A4 (842 × 595 pt) or 16:9 (960 × 540 pt).  A wall chart: one
 * column per territory (the largest ones, at most three; the others named
 * at the foot), each with its round table of seven seats — one per
 * stakeholder family, filled with the family's colour and count, or left
 * empty (dashed) when the family is missing, the missing ones then named
 * in words — and below, one row per lever with its number, name and a
 * plain one-line explanation on the left and each territory's value in
 * its column (zeros stand out).  The levers to discuss close the page.
 * A PDF has one page per three territories (up to 20 pages); PNG and SVG
 * are one page.  Text stays text in PDF and SVG.  Strings follow the
 * user's language. */
#pragma once

#include <cairo.h>
#include "mg-export.h"
#include "mg-report.h"

G_BEGIN_DECLS

typedef enum {
  MG_REPORT_PAGE_A4,   /* landscape, 842 × 595 pt */
  MG_REPORT_PAGE_WIDE, /* 16:9, 960 × 540 pt */
} MgReportPageSize;

#define MG_REPORT_PAGE_MAX_COLUMNS 3

typedef struct {
  MgExportFormat   format;
  MgReportPageSize size;
  double           dpi;       /* PNG: 72–600 (default 150) */
  const char      *title;     /* NULL: the map's title */
  const char      *territory; /* NULL: the largest territories; else the
                                 territories equal to or inside this path */
  const char      *lang;      /* "fr", "en"; NULL: the interface's */
} MgReportPageOptions;

void     mg_report_page_options_init (MgReportPageOptions *options);
/* Page size in points. */
void     mg_report_page_get_size (MgReportPageSize size, double *width, double *height);

/* Draws the page on @cr, in points, from (0, 0). */
void     mg_report_page_draw (const MgReport *report, MgMap *map,
                              const MgReportPageOptions *options, cairo_t *cr);
/* The page as a file in options->format, written atomically. */
gboolean mg_report_page_export (const MgReport *report, MgMap *map,
                                const MgReportPageOptions *options, const char *path,
                                GError **error);
/* The same in memory.  (transfer full) */
GBytes  *mg_report_page_to_bytes (const MgReport *report, MgMap *map,
                                  const MgReportPageOptions *options, GError **error);

G_END_DECLS
