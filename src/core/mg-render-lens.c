/* mg-render-lens.c — how lens marks look (see mg-render-lens.h). */
#include "config.h"

#include <math.h>

#include "mg-render-lens.h"

MgColor
mg_lens_color (MgLesson lesson)
{
  return mg_color_from_rgb (mg_lesson_info (lesson)->color, 1.0);
}

/* @c tinted towards the background, as halos are. */
static MgColor
tint_of (const MgStyle *style, const MgColor *c, gboolean pale)
{
  MgColor bg = style->background;
  double t = style->halo_tint;

  bg.alpha = 1.0;
  return mg_color_mix (c, &bg, pale ? t + (1 - t) * 0.55 : t);
}

MgColor
mg_lens_halo_color (const MgStyle *style, MgLesson lesson, gboolean pale)
{
  MgColor c = mg_lens_color (lesson);

  return tint_of (style, &c, pale);
}

/* The mean radius: good enough to turn arc lengths into angles. */
static double
mean_radius (double rx, double ry)
{
  return MAX ((rx + ry) / 2, 1.0);
}

void
mg_lens_ring_segment (const MgStyle *style, guint k, guint n, double rx, double ry, double *a0,
                      double *a1)
{
  double step = 2 * G_PI / MAX (n, 1u);
  /* Segments are parted by a gap of about the ring's width, so that two
   * lessons read as two marks, not as one two-coloured ring. */
  double sep = n > 1 ? MIN (style->ring_width * 1.1 / mean_radius (rx, ry), step / 3) : 0;

  *a0 = -G_PI / 2 + k * step + sep / 2;
  *a1 = *a0 + step - sep;
}

void
mg_lens_ring_dashes (const MgStyle *style, double rx, double ry, double a0, double a1,
                     double dashes[2])
{
  /* Ramanujan's perimeter of the ellipse, prorated to the segment. */
  double h = (rx - ry) * (rx - ry) / MAX ((rx + ry) * (rx + ry), 1e-9);
  double perimeter = G_PI * (rx + ry) * (1 + 3 * h / (10 + sqrt (MAX (4 - 3 * h, 0))));
  double length = perimeter * (a1 - a0) / (2 * G_PI);
  double wanted = style->ring_width * 2.4;
  double periods = MAX (floor (length / wanted + 0.5), 1.0);
  double full = fabs (a1 - a0 - 2 * G_PI) < 1e-6;
  double period;

  /* A closed ring needs a whole number of periods; an open segment one
   * more dash than gaps, so that both ends are inked. */
  period = full ? length / periods : length / (periods + 0.45);
  dashes[0] = period * 0.55;
  dashes[1] = period * 0.45;
}

double
mg_lens_halo_extent (const MgStyle *style, guint k, guint n)
{
  /* The scene pads a relation with marks by 1 + 1.5 ring widths: every
   * band stays inside it (the index and culling rely on it). */
  double most = 0.5 + 1.5 * style->ring_width;
  double first = MIN (style->halo_width, most);
  double step = n > 1 ? MIN (style->halo_width * 0.7, (most - first) / (n - 1)) : 0;

  return first + step * k;
}

void
mg_lens_halo_dashes (const MgStyle *style, double dashes[2])
{
  /* Long dashes: a broken band, calm beside the short dashes and dots of
   * relation kinds. */
  dashes[0] = style->halo_width * 5;
  dashes[1] = style->halo_width * 1.6;
}

void
mg_lens_legend_swatch (const MgStyle *style, const MgLegendEntry *e, double column, double *cx,
                       double *cy, double *r, double *line, double *hx0, double *hx1,
                       double *halo)
{
  *line = MAX (style->ring_width * 0.7, 1.5);
  *r = e->swatch_w / 2 - *line / 2;
  *cx = e->swatch_x - column / 2 + e->swatch_w / 2;
  *cy = e->swatch_y;
  *hx0 = *cx + e->swatch_w / 2 + 2;
  *hx1 = e->swatch_x + column / 2;
  *halo = MAX (style->halo_width * 1.4, 3.0);
}

void
mg_lens_legend_colors (const MgStyle *style, const MgLegendEntry *e, MgColor *ring,
                       MgColor *tint, MgColor *pale, MgColor *grey)
{
  /* The key's ring is neutral: dark grey on a light legend, light grey on
   * a dark one. */
  *ring = e->type == MG_LEGEND_LENS_KEY ? mg_color_from_rgb (style->dark ? 0xaab0b9 : 0x5b616b, 1.0)
                                        : e->stroke;
  *tint = tint_of (style, ring, FALSE);
  *pale = tint_of (style, ring, TRUE);
  *grey = mg_color_from_rgb (0x8c929b, 1.0);
}
