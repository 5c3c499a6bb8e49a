/* mg-svg-private.h — what the SVG writer's files share: the document being
 * written and its small helpers (mg-svg-util.c).  Private to core. */
#pragma once

#include <libxml/xmlwriter.h>

#include "mg-scene-private.h"
#include "mg-svg.h"

G_BEGIN_DECLS

typedef struct {
  MgScene         *scene;
  const MgStyle   *style;
  const MgPage    *page;
  xmlTextWriterPtr w;
  GHashTable      *ids;   /* ids already used */
  char            *font_family;
  gboolean         failed;
  gboolean         lens_on;  /* a lens is active: unmarked actors are context */
  /* Scratch, reused from one relation to the next. */
  GString         *d, *cls;
  GHashTable      *kind_classes; /* kind id → "kind-…" */
} Svg;

/* Shortest fixed notation with 2 decimals, C locale: "12.5", "-3". */
void   mg_svg_fmt_num (char *buf, gsize size, double v);
/* Notes a failed xmlTextWriter call (@rc < 0). */
void   mg_svg_check (Svg *svg, int rc);
void   mg_svg_start (Svg *svg, const char *name);
void   mg_svg_end (Svg *svg);
void   mg_svg_attr (Svg *svg, const char *name, const char *value);
void   mg_svg_attr_plain (Svg *svg, const char *name, const char *value);
void   mg_svg_attr_num (Svg *svg, const char *name, double v);
/* name="#rrggbb", and name-opacity when not opaque. */
void   mg_svg_attr_color (Svg *svg, const char *name, const MgColor *c);
void   mg_svg_text_element (Svg *svg, const char *name, const char *content);

/* A unique id (see mg_svg_make_id), remembered (transfer full). */
char  *mg_svg_unique_id (Svg *svg, const char *prefix, const char *text);
/* A CSS class name: the same escaping, no uniqueness (transfer full). */
char  *mg_svg_class_name (const char *prefix, const char *id);

/* Path data into a GString. */
void   mg_svg_d_num (GString *d, double v);
void   mg_svg_d_move_to (gpointer data, double x, double y);
void   mg_svg_d_line_to (gpointer data, double x, double y);
void   mg_svg_d_curve_to (gpointer data, double x1, double y1, double x2, double y2, double x3,
                          double y3);
void   mg_svg_d_close (gpointer data);
extern const MgPathSink mg_svg_sink;
/* An arc of the ellipse of radii @rx, @ry from angle @a0 to @a1 (a whole
 * ring too). */
void   mg_svg_ring_path (GString *d, double cx, double cy, double rx, double ry, double a0,
                         double a1);

/* <path class=… d=…> left open for more attributes. */
void   mg_svg_path_element (Svg *svg, const char *cls, const char *d);
/* fill none, stroke colour and width, dashes of @line. */
void   mg_svg_stroke_attrs (Svg *svg, const MgColor *color, double width, MgLineStyle line);
void   mg_svg_dash_attr (Svg *svg, const double *dashes, guint n);
/* <text> with one <tspan> per line, each on its baseline. */
void   mg_svg_text_lines (Svg *svg, char **lines, const double *baselines, double cx, double top,
                          double size, gboolean bold, const MgColor *color, const char *anchor);
double mg_svg_baseline_of (MgScene *scene, const PangoFontDescription *font, const char *text);

/* mg-svg-legend.c */
void   mg_svg_write_legend (Svg *svg);
void   mg_svg_write_title (Svg *svg);

G_END_DECLS
