/* mg-svg-util.c — the SVG writer's small helpers: elements and attributes,
 * ids, path data, text lines. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-svg-private.h"

/* ---- small helpers ---------------------------------------------------------- */

/* Shortest fixed notation with 2 decimals, C locale: "12.5", "-3", "0.25". */
void
mg_svg_fmt_num (char *buf, gsize size, double v)
{
  char digits[24];
  gint64 hundredths;
  guint n = 0, frac;
  char *p = buf;

  g_assert (size >= G_ASCII_DTOSTR_BUF_SIZE);
  if (!isfinite (v) || fabs (v) < 0.005)
    v = 0;
  if (fabs (v) >= 1e15)
    {
      /* Beyond exact hundredths in 64 bits: never a page coordinate. */
      g_ascii_formatd (buf, (int) size, "%.0f", v);
      return;
    }
  /* Two decimals without trailing zeros, by integer arithmetic: an SVG
   * writes hundreds of thousands of numbers and printf is the slow part.
   * Locale-independent by construction. */
  hundredths = llround (v * 100);
  if (hundredths < 0)
    {
      *p++ = '-';
      hundredths = -hundredths;
    }
  frac = (guint) (hundredths % 100);
  hundredths /= 100;
  do
    {
      digits[n++] = (char) ('0' + hundredths % 10);
      hundredths /= 10;
    }
  while (hundredths > 0);
  while (n > 0)
    *p++ = digits[--n];
  if (frac != 0)
    {
      *p++ = '.';
      *p++ = (char) ('0' + frac / 10);
      if (frac % 10 != 0)
        *p++ = (char) ('0' + frac % 10);
    }
  *p = '\0';
}

void
mg_svg_check (Svg *svg, int rc)
{
  if (rc < 0)
    svg->failed = TRUE;
}

void
mg_svg_start (Svg *svg, const char *name)
{
  mg_svg_check (svg, xmlTextWriterStartElement (svg->w, BAD_CAST name));
}

void
mg_svg_end (Svg *svg)
{
  mg_svg_check (svg, xmlTextWriterEndElement (svg->w));
}

void
mg_svg_attr (Svg *svg, const char *name, const char *value)
{
  mg_svg_check (svg, xmlTextWriterWriteAttribute (svg->w, BAD_CAST name, BAD_CAST value));
}

/* For values this file makes of characters that never need escaping
 * (numbers from mg_svg_fmt_num, path data, #rrggbb): written as they are,
 * without libxml2's escaping pass, which is most of the cost of a large
 * SVG.  Never for text that comes from a map. */
void
mg_svg_attr_plain (Svg *svg, const char *name, const char *value)
{
  mg_svg_check (svg, xmlTextWriterStartAttribute (svg->w, BAD_CAST name));
  mg_svg_check (svg, xmlTextWriterWriteRaw (svg->w, BAD_CAST value));
  mg_svg_check (svg, xmlTextWriterEndAttribute (svg->w));
}

void
mg_svg_attr_num (Svg *svg, const char *name, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  mg_svg_fmt_num (buf, sizeof buf, v);
  mg_svg_attr_plain (svg, name, buf);
}

void
mg_svg_attr_color (Svg *svg, const char *name, const MgColor *c)
{
  static const char digits[] = "0123456789abcdef";
  guint32 rgb = mg_color_to_rgb (c);
  char hex[8];

  hex[0] = '#';
  for (int i = 0; i < 6; i++)
    hex[1 + i] = digits[(rgb >> (20 - 4 * i)) & 0xf];
  hex[7] = '\0';
  mg_svg_attr_plain (svg, name, hex);
  if (c->alpha < 0.999)
    {
      char op[64];
      g_snprintf (op, sizeof op, "%s-opacity", name);
      mg_svg_attr_num (svg, op, c->alpha);
    }
}

void
mg_svg_text_element (Svg *svg, const char *name, const char *content)
{
  mg_svg_check (svg, xmlTextWriterWriteElement (svg->w, BAD_CAST name, BAD_CAST content));
}

/* ---- ids ---------------------------------------------------------------------- */

char *
mg_svg_make_id (const char *prefix, const char *text)
{
  g_return_val_if_fail (prefix != NULL, NULL);

  GString *id = g_string_new (prefix);

  if (id->len == 0 || !g_ascii_isalpha (id->str[0]))
    g_string_prepend_c (id, 'x');
  for (const guchar *p = (const guchar *) (text ? text : ""); *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_')
        g_string_append_c (id, (char) *p);
      else
        g_string_append_printf (id, "_%02x", *p);
    }
  return g_string_free (id, FALSE);
}

char *
mg_svg_unique_id (Svg *svg, const char *prefix, const char *text)
{
  char *id = mg_svg_make_id (prefix, text);

  if (g_hash_table_contains (svg->ids, id))
    {
      for (guint n = 2;; n++)
        {
          char *again = g_strdup_printf ("%s-%u", id, n);
          if (!g_hash_table_contains (svg->ids, again))
            {
              g_free (id);
              id = again;
              break;
            }
          g_free (again);
        }
    }
  g_hash_table_add (svg->ids, g_strdup (id));
  return id;
}

/* A CSS class name: the same escaping, no uniqueness. */
char *
mg_svg_class_name (const char *prefix, const char *id)
{
  return mg_svg_make_id (prefix, id ? id : "none");
}

/* ---- paths ---------------------------------------------------------------------- */

void
mg_svg_d_num (GString *d, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  mg_svg_fmt_num (buf, sizeof buf, v);
  g_string_append (d, buf);
}

void
mg_svg_d_move_to (gpointer data, double x, double y)
{
  GString *d = data;
  g_string_append (d, d->len ? " M" : "M");
  mg_svg_d_num (d, x);
  g_string_append_c (d, ' ');
  mg_svg_d_num (d, y);
}

void
mg_svg_d_line_to (gpointer data, double x, double y)
{
  GString *d = data;
  g_string_append (d, " L");
  mg_svg_d_num (d, x);
  g_string_append_c (d, ' ');
  mg_svg_d_num (d, y);
}

void
mg_svg_d_curve_to (gpointer data, double x1, double y1, double x2, double y2, double x3, double y3)
{
  GString *d = data;
  double v[6] = { x1, y1, x2, y2, x3, y3 };

  g_string_append (d, " C");
  for (int i = 0; i < 6; i++)
    {
      if (i)
        g_string_append_c (d, ' ');
      mg_svg_d_num (d, v[i]);
    }
}

void
mg_svg_d_close (gpointer data)
{
  g_string_append (data, " Z");
}

const MgPathSink mg_svg_sink = { mg_svg_d_move_to, mg_svg_d_line_to, mg_svg_d_curve_to, mg_svg_d_close };

void
mg_svg_path_element (Svg *svg, const char *cls, const char *d)
{
  mg_svg_start (svg, "path");
  /* Classes are this file's own words and escaped ids. */
  if (cls)
    mg_svg_attr_plain (svg, "class", cls);
  mg_svg_attr_plain (svg, "d", d);
}

void
mg_svg_stroke_attrs (Svg *svg, const MgColor *color, double width, MgLineStyle line)
{
  double dashes[4];
  guint n = mg_style_get_dashes (line, width, dashes);

  mg_svg_attr_plain (svg, "fill", "none");
  mg_svg_attr_color (svg, "stroke", color);
  mg_svg_attr_num (svg, "stroke-width", width);
  if (n > 0)
    {
      char buf[4 * G_ASCII_DTOSTR_BUF_SIZE + 4], *p = buf;
      for (guint i = 0; i < n; i++)
        {
          if (i)
            *p++ = ' ';
          mg_svg_fmt_num (p, G_ASCII_DTOSTR_BUF_SIZE, dashes[i]);
          p += strlen (p);
        }
      mg_svg_attr_plain (svg, "stroke-dasharray", buf);
    }
}

/* <text> with one <tspan> per line; indentation off inside, since white
 * space between tspans would be drawn. */
void
mg_svg_text_lines (Svg *svg, char **lines, const double *baselines, double cx, double top,
            double size, gboolean bold, const MgColor *color, const char *anchor)
{
  mg_svg_start (svg, "text");
  mg_svg_attr (svg, "font-family", svg->font_family);
  mg_svg_attr_num (svg, "font-size", size);
  if (bold)
    mg_svg_attr (svg, "font-weight", "bold");
  mg_svg_attr_color (svg, "fill", color);
  mg_svg_attr (svg, "text-anchor", anchor);
  mg_svg_check (svg, xmlTextWriterSetIndent (svg->w, 0));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      mg_svg_start (svg, "tspan");
      mg_svg_attr_num (svg, "x", cx);
      mg_svg_attr_num (svg, "y", top + baselines[i]);
      mg_svg_check (svg, xmlTextWriterWriteString (svg->w, BAD_CAST lines[i]));
      mg_svg_end (svg);
    }
  mg_svg_end (svg);
  /* Back to indenting: end the line ourselves, the writer will not. */
  mg_svg_check (svg, xmlTextWriterWriteRaw (svg->w, BAD_CAST "\n"));
  mg_svg_check (svg, xmlTextWriterSetIndent (svg->w, 1));
}

double
mg_svg_baseline_of (MgScene *scene, const PangoFontDescription *font, const char *text)
{
  pango_layout_set_font_description (scene->measure, font);
  pango_layout_set_width (scene->measure, -1);
  pango_layout_set_text (scene->measure, text, -1);
  return pango_layout_get_baseline (scene->measure) / (double) PANGO_SCALE;
}


void
mg_svg_dash_attr (Svg *svg, const double *dashes, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      mg_svg_d_num (s, dashes[i]);
    }
  mg_svg_attr (svg, "stroke-dasharray", s->str);
  g_string_free (s, TRUE);
}


static void
ring_arc (GString *d, double cx, double cy, double rx, double ry, double a0, double a1)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE * 2];

  mg_svg_d_move_to (d, cx + rx * cos (a0), cy + ry * sin (a0));
  g_string_append (d, " A");
  mg_svg_d_num (d, rx);
  g_string_append_c (d, ' ');
  mg_svg_d_num (d, ry);
  g_snprintf (buf, sizeof buf, " 0 %d 1 ", (a1 - a0) > G_PI ? 1 : 0);
  g_string_append (d, buf);
  mg_svg_d_num (d, cx + rx * cos (a1));
  g_string_append_c (d, ' ');
  mg_svg_d_num (d, cy + ry * sin (a1));
}

/* An arc of the ring from @a0 to @a1 (a whole ring in two halves: an SVG
 * arc cannot end where it starts). */
void
mg_svg_ring_path (GString *d, double cx, double cy, double rx, double ry, double a0, double a1)
{
  if (a1 - a0 > G_PI * 1.5)
    {
      ring_arc (d, cx, cy, rx, ry, a0, a0 + (a1 - a0) / 2);
      g_string_append (d, " A");
      mg_svg_d_num (d, rx);
      g_string_append_c (d, ' ');
      mg_svg_d_num (d, ry);
      g_string_append (d, " 0 0 1 ");
      mg_svg_d_num (d, cx + rx * cos (a1));
      g_string_append_c (d, ' ');
      mg_svg_d_num (d, cy + ry * sin (a1));
    }
  else
    ring_arc (d, cx, cy, rx, ry, a0, a1);
}
