/* mg-render-raster.c — direct pixel drawing for the level of detail. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-render-raster.h"

/* A scratch image larger than this is not worth it: draw with cairo. */
#define MG_RASTER_MAX_SCRATCH 8192

guint32
mg_raster_color (double r, double g, double b, double alpha)
{
  alpha = CLAMP (alpha, 0, 1);
  guint a = (guint) lround (alpha * 255);
  guint rr = (guint) lround (CLAMP (r, 0, 1) * alpha * 255);
  guint gg = (guint) lround (CLAMP (g, 0, 1) * alpha * 255);
  guint bb = (guint) lround (CLAMP (b, 0, 1) * alpha * 255);
  return (a << 24) | (rr << 16) | (gg << 8) | bb;
}

static gboolean
direct_target (MgRaster *r, cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t ctm;
  double dsx, dsy, dox, doy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_format_t format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;

  cairo_get_matrix (cr, &ctm);
  if (ctm.xy != 0 || ctm.yx != 0 || ctm.xx <= 0 || ctm.yy <= 0)
    return FALSE;

  /* Only a clip that is one rectangle can be honoured pixel by pixel. */
  cairo_rectangle_list_t *list = cairo_copy_clip_rectangle_list (cr);
  gboolean ok = list->status == CAIRO_STATUS_SUCCESS && list->num_rectangles == 1;
  cairo_rectangle_t clip = ok ? list->rectangles[0] : (cairo_rectangle_t) { 0 };
  cairo_rectangle_list_destroy (list);
  if (!ok)
    return FALSE;

  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  r->sx = ctm.xx * dsx;
  r->sy = ctm.yy * dsy;
  r->tx = ctm.x0 * dsx + dox;
  r->ty = ctm.y0 * dsy + doy;

  r->surface = cairo_surface_reference (target);
  r->width = cairo_image_surface_get_width (target);
  r->height = cairo_image_surface_get_height (target);
  r->stride = cairo_image_surface_get_stride (target) / 4;
  r->opaque = format == CAIRO_FORMAT_RGB24;
  r->cx0 = (int) MAX (floor (clip.x * r->sx + r->tx), 0);
  r->cy0 = (int) MAX (floor (clip.y * r->sy + r->ty), 0);
  r->cx1 = (int) MIN (ceil ((clip.x + clip.width) * r->sx + r->tx), r->width);
  r->cy1 = (int) MIN (ceil ((clip.y + clip.height) * r->sy + r->ty), r->height);
  cairo_surface_flush (target);
  r->pixels = (guint32 *) cairo_image_surface_get_data (target);
  return r->pixels != NULL;
}

static gboolean
scratch_target (MgRaster *r, const cairo_matrix_t *to_device, double vx, double vy, double vs,
                double width, double height)
{
  if (to_device->xy != 0 || to_device->yx != 0 || to_device->xx <= 0 ||
      fabs (to_device->xx - to_device->yy) > 1e-9)
    return FALSE;

  double s = to_device->xx;
  int w = (int) ceil (width * s), h = (int) ceil (height * s);
  if (w <= 0 || h <= 0 || w > MG_RASTER_MAX_SCRATCH || h > MG_RASTER_MAX_SCRATCH)
    return FALSE;

  r->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (r->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&r->surface, cairo_surface_destroy);
      return FALSE;
    }
  r->scratch = TRUE;
  r->scratch_scale = s;
  r->to_device = *to_device;
  r->width = r->cx1 = w;
  r->height = r->cy1 = h;
  r->cx0 = r->cy0 = 0;
  r->stride = cairo_image_surface_get_stride (r->surface) / 4;
  r->pixels = (guint32 *) cairo_image_surface_get_data (r->surface);
  r->sx = r->sy = vs * s;
  r->tx = -vx * vs * s;
  r->ty = -vy * vs * s;
  return TRUE;
}

gboolean
mg_raster_begin (MgRaster *raster, cairo_t *cr, const cairo_matrix_t *to_device, double view_x,
                 double view_y, double view_scale, double width, double height)
{
  memset (raster, 0, sizeof *raster);
  raster->cr = cr;
  if (direct_target (raster, cr))
    return TRUE;
  g_clear_pointer (&raster->surface, cairo_surface_destroy);
  memset (raster, 0, sizeof *raster);
  raster->cr = cr;
  return scratch_target (raster, to_device, view_x, view_y, view_scale, width, height);
}

void
mg_raster_flush (MgRaster *raster)
{
  if (!raster->dirty)
    return;
  raster->dirty = FALSE;
  cairo_surface_mark_dirty (raster->surface);
  if (!raster->scratch)
    return;

  cairo_t *cr = raster->cr;
  cairo_save (cr);
  cairo_set_matrix (cr, &raster->to_device);
  cairo_scale (cr, 1 / raster->scratch_scale, 1 / raster->scratch_scale);
  cairo_set_source_surface (cr, raster->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  /* Empty again for what comes next. */
  cairo_surface_flush (raster->surface);
  memset (raster->pixels, 0, (gsize) raster->stride * 4 * raster->height);
  cairo_surface_mark_dirty (raster->surface);
}

void
mg_raster_end (MgRaster *raster)
{
  if (raster->surface == NULL)
    return;
  mg_raster_flush (raster);
  g_clear_pointer (&raster->surface, cairo_surface_destroy);
}

/* dst OVER (src × cov/256), premultiplied, two channels per multiply. */
static inline __attribute__ ((always_inline)) void
blend (guint32 *p, guint32 src, guint cov)
{
  guint32 d = *p;
  guint32 s_rb = ((src & 0x00ff00ffu) * cov >> 8) & 0x00ff00ffu;
  guint32 s_ag = (((src >> 8) & 0x00ff00ffu) * cov >> 8) & 0x00ff00ffu;
  guint inv = 256 - (s_ag >> 16);
  guint32 d_rb = ((d & 0x00ff00ffu) * inv >> 8) & 0x00ff00ffu;
  guint32 d_ag = (((d >> 8) & 0x00ff00ffu) * inv >> 8) & 0x00ff00ffu;

  *p = (s_rb + d_rb) | ((s_ag + d_ag) << 8);
}

/* floor() without the libm call (it is not inlined for baseline x86-64). */
static inline int
ifloor (double v)
{
  int i = (int) v;
  return i - (v < i);
}

/* Liang–Barsky: the parameters [*t0, *t1] (narrowed from what they hold)
 * of the line x = x0 + t·dx, y = y0 + t·dy inside the rectangle; FALSE
 * when none.  p = (−dx, dx, −dy, dy), q = distances of (x0, y0) to the
 * left, right, top and bottom sides. */
static gboolean
liang_barsky (const double p[4], const double q[4], double *t0, double *t1)
{
  for (int i = 0; i < 4; i++)
    {
      if (fabs (p[i]) < 1e-12)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        *t0 = MAX (*t0, t);
      else
        *t1 = MIN (*t1, t);
      if (*t0 > *t1)
        return FALSE;
    }
  return TRUE;
}

/* The line on pixel coordinates cut to the clip (two pixels of slack). */
static gboolean
clip_line (const MgRaster *r, double *x0, double *y0, double *x1, double *y1, double *t_start)
{
  double xmin = r->cx0 - 2, ymin = r->cy0 - 2, xmax = r->cx1 + 2, ymax = r->cy1 + 2;
  double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - xmin, xmax - *x0, *y0 - ymin, ymax - *y0 };

  if (!liang_barsky (p, q, &t0, &t1))
    return FALSE;
  double ox = *x0, oy = *y0;
  *x0 = ox + dx * t0;
  *y0 = oy + dy * t0;
  *x1 = ox + dx * t1;
  *y1 = oy + dy * t1;
  *t_start = t0;
  return TRUE;
}

/* Where we are in a dash pattern, advanced step by step (no fmod per
 * pixel). */
typedef struct {
  const double *dashes;
  guint         n, index;
  double        left;   /* of the current dash or gap */
} DashState;

static void
dash_start (DashState *d, const double *dashes, guint n, double period, double s)
{
  double m = fmod (s, period);

  if (m < 0)
    m += period;
  d->dashes = dashes;
  d->n = n;
  d->index = 0;
  while (m >= dashes[d->index])
    {
      m -= dashes[d->index];
      d->index = (d->index + 1) % n;
    }
  d->left = dashes[d->index] - m;
}

static inline gboolean
dash_step (DashState *d, double advance)
{
  gboolean on = (d->index % 2) == 0;

  d->left -= advance;
  while (d->left <= 0)
    {
      d->index = (d->index + 1) % d->n;
      d->left += d->dashes[d->index];
    }
  return on;
}

#define MG_PREFETCH_ROWS 8

/* The inner loop of a Wu line: @n steps (at least one) from major
 * coordinate @x, the minor coordinate @yf and its change per step @gf in
 * 16.16 fixed point (offset by 16384 so that it stays positive).  @checked
 * tests every pixel against the clip; without it the caller has made sure
 * all are inside.  @prefetch: a long steep line, walking down (or up) rows,
 * each a new cache line: the pixels a few rows ahead are asked for before
 * they are needed. */
static inline __attribute__ ((always_inline)) void
wu_run (MgRaster *r, gboolean steep, gboolean checked, gboolean prefetch, int x, int n, int inc,
        gint64 yf, gint64 gf, guint k256, guint32 color, DashState *dash, double step)
{
  /* Lines of half a pixel or less carry little ink: spread over two
   * pixels or put in one, nobody sees the difference, and it is half the
   * work on a whole-map view. */
  gboolean thin = k256 <= 128;
  guint32 *pixels = r->pixels;
  gsize stride = (gsize) r->stride;
  int cx0 = r->cx0, cy0 = r->cy0, cx1 = r->cx1, cy1 = r->cy1;
  int xe = x + (n - 1) * inc;
  gintptr ahead = (gintptr) (MG_PREFETCH_ROWS * inc) * (gintptr) stride * 4;
  gint64 ahead_f = MG_PREFETCH_ROWS * gf;

  for (;; x += inc, yf += gf)
    {
      if (prefetch)
        __builtin_prefetch ((const void *) ((guintptr) (pixels + (gsize) x * stride) + ahead +
                                            4 * (gintptr) (((yf + ahead_f) >> 16) - 16384)), 1);
      if (thin && (dash == NULL || dash_step (dash, step)))
        {
          /* Faint hairline: one pixel a column is enough. */
          int yi = (int) ((yf + 32768) >> 16) - 16384;
          int px = steep ? yi : x, py = steep ? x : yi;
          if (!checked || (px >= cx0 && px < cx1 && py >= cy0 && py < cy1))
            blend (pixels + (gsize) py * stride + px, color, k256);
        }
      else if (!thin && (dash == NULL || dash_step (dash, step)))
        {
          int yi = (int) (yf >> 16) - 16384;
          guint f = (guint) ((yf >> 8) & 0xff);
          guint c1 = MIN (((256 - f) * k256) >> 8, 256u), c2 = MIN ((f * k256) >> 8, 256u);
          int px = steep ? yi : x, py = steep ? x : yi;
          int qx = steep ? yi + 1 : x, qy = steep ? x : yi + 1;
          if (!checked || (px >= cx0 && px < cx1 && py >= cy0 && py < cy1))
            if (c1)
              blend (pixels + (gsize) py * stride + px, color, c1);
          if (!checked || (qx >= cx0 && qx < cx1 && qy >= cy0 && qy < cy1))
            if (c2)
              blend (pixels + (gsize) qy * stride + qx, color, c2);
        }
      if (x == xe)
        break;
    }
}

/* @n steps all within the clip: the copy of the loop for this steepness,
 * dash pattern and length (long steep runs prefetch rows ahead). */
static void
run_inside (MgRaster *r, gboolean steep, int x, int n, int inc, gint64 yf, gint64 gf,
            guint k256, guint32 c, DashState *d, double step)
{
  gboolean ahead = steep && n > 4 * MG_PREFETCH_ROWS;

  if (d != NULL && ahead)
    wu_run (r, TRUE, FALSE, TRUE, x, n, inc, yf, gf, k256, c, d, step);
  else if (d != NULL && steep)
    wu_run (r, TRUE, FALSE, FALSE, x, n, inc, yf, gf, k256, c, d, step);
  else if (d != NULL)
    wu_run (r, FALSE, FALSE, FALSE, x, n, inc, yf, gf, k256, c, d, step);
  else if (ahead)
    wu_run (r, TRUE, FALSE, TRUE, x, n, inc, yf, gf, k256, c, NULL, step);
  else if (steep)
    wu_run (r, TRUE, FALSE, FALSE, x, n, inc, yf, gf, k256, c, NULL, step);
  else
    wu_run (r, FALSE, FALSE, FALSE, x, n, inc, yf, gf, k256, c, NULL, step);
}

/* The steps [*k0, *k1] of a run (@n steps from @x by @inc, minor
 * coordinate @yf + k·@gf) whose pixels are all within the clip; *k0 > *k1
 * when none.  A step or two of slack on each side. */
static void
interior_steps (const MgRaster *r, gboolean steep, int x, int n, int inc, gint64 yf, gint64 gf,
                gint64 *k0, gint64 *k1)
{
  int major0 = steep ? r->cy0 : r->cx0, major1 = steep ? r->cy1 : r->cx1;
  int minor0 = steep ? r->cx0 : r->cy0, minor1 = steep ? r->cx1 : r->cy1;
  gint64 lo = 0, hi = n - 1;

  /* Major axis: x + k·inc within [major0, major1 - 1]. */
  if (inc > 0)
    lo = MAX (lo, (gint64) major0 - x), hi = MIN (hi, (gint64) major1 - 1 - x);
  else
    lo = MAX (lo, (gint64) x - (major1 - 1)), hi = MIN (hi, (gint64) x - major0);

  /* Minor axis: the pixel and the next one within [minor0, minor1 - 1],
   * that is yf + k·gf within [lo_f, hi_f]. */
  gint64 lo_f = ((gint64) minor0 + 16384) * 65536, hi_f = ((gint64) minor1 - 2 + 16384) * 65536;
  if (gf == 0)
    {
      if (yf < lo_f || yf > hi_f)
        hi = lo - 1;
    }
  else
    {
      gint64 a = (lo_f - yf) / gf, b = (hi_f - yf) / gf;
      lo = MAX (lo, MIN (a, b) + 1);
      hi = MIN (hi, MAX (a, b) - 1);
    }
  *k0 = lo;
  *k1 = hi;
}

/* A line that meets the clip's edge: tested pixel by pixel only near it
 * (out of line: the common case, a line inside, stays small). */
static void __attribute__ ((noinline))
run_clipped (MgRaster *r, gboolean steep, int xs, int n, int inc, gint64 yf, gint64 gf,
             guint k256, guint32 c, DashState *d, double step)
{
  gint64 k0, k1;

  interior_steps (r, steep, xs, n, inc, yf, gf, &k0, &k1);
  if (k0 > k1)
    {
      k0 = n;
      k1 = n - 1;
    }
  if (k0 > 0)
    {
      if (steep)
        wu_run (r, TRUE, TRUE, FALSE, xs, (int) k0, inc, yf, gf, k256, c, d, step);
      else
        wu_run (r, FALSE, TRUE, FALSE, xs, (int) k0, inc, yf, gf, k256, c, d, step);
    }
  if (k1 >= k0)
    {
      int x = xs + (int) k0 * inc, m = (int) (k1 - k0 + 1);
      run_inside (r, steep, x, m, inc, yf + k0 * gf, gf, k256, c, d, step);
    }
  if (k1 + 1 < n && k1 >= k0)
    {
      int x = xs + (int) (k1 + 1) * inc, m = (int) (n - 1 - k1);
      gint64 y0f = yf + (k1 + 1) * gf;
      if (steep)
        wu_run (r, TRUE, TRUE, FALSE, x, m, inc, y0f, gf, k256, c, d, step);
      else
        wu_run (r, FALSE, TRUE, FALSE, x, m, inc, y0f, gf, k256, c, d, step);
    }
}

void
mg_raster_line (MgRaster *r, double x0, double y0, double x1, double y1, guint32 color,
                double width_px, const double *dashes, guint n_dashes, double dash_offset)
{
  double px0 = x0 * r->sx + r->tx, py0 = y0 * r->sy + r->ty;
  double px1 = x1 * r->sx + r->tx, py1 = y1 * r->sy + r->ty;
  double t_start = 0, period = 0, full = 0;
  /* Two pixels of margin: a Wu line touches the row or column beside it. */
  gboolean inside = MIN (px0, px1) >= r->cx0 + 2 && MAX (px0, px1) < r->cx1 - 2 &&
                    MIN (py0, py1) >= r->cy0 + 2 && MAX (py0, py1) < r->cy1 - 2;

  for (guint i = 0; i < n_dashes; i++)
    period += dashes[i];
  if (period <= 0)
    n_dashes = 0;
  if (n_dashes > 0)
    full = hypot (px1 - px0, py1 - py0);
  if (!inside && !clip_line (r, &px0, &py0, &px1, &py1, &t_start))
    return;
  r->dirty = TRUE;

  /* Pixel centres at integer coordinates.  Walk the major axis from the
   * first end to the second, so a dash pattern runs the right way. */
  px0 -= 0.5;
  py0 -= 0.5;
  px1 -= 0.5;
  py1 -= 0.5;

  gboolean steep = fabs (py1 - py0) > fabs (px1 - px0);
  double ax = steep ? py0 : px0, ay = steep ? px0 : py0;
  double bx = steep ? py1 : px1, by = steep ? px1 : py1;
  double dx = bx - ax;
  double g = fabs (dx) > 1e-9 ? (by - ay) / dx : 0;
  double step = sqrt (1 + g * g);
  /* A Wu line puts one pixel of ink per column: scale by the true
   * coverage of a line of this width and slope. */
  double k = MAX (width_px, 0.25) * step;
  int xs = ifloor (ax + 0.5), xe = ifloor (bx + 0.5);
  int inc = xs <= xe ? 1 : -1, n = ABS (xe - xs) + 1;
  DashState dash = { 0 }, *d = NULL;
  guint k256 = (guint) MIN (k * 256, 65536.0);
  double y = ay + g * (xs - ax);
  gint64 yf = (gint64) ((y + 16384.0) * 65536.0), gf = (gint64) (g * inc * 65536.0);
  guint32 c = color;

  if (n_dashes > 0)
    {
      dash_start (&dash, dashes, n_dashes, period,
                  dash_offset + t_start * full + (xs - ax) * inc * step);
      d = &dash;
    }

  /* Specialised copies of the loop, so that the branches on steepness,
   * clipping and dashes fold away.  A line that meets the clip's edge is
   * tested pixel by pixel only near it. */
  if (inside)
    {
      /* Most lines, most of them short: straight to the loop. */
      run_inside (r, steep, xs, n, inc, yf, gf, k256, c, d, step);
      return;
    }
  run_clipped (r, steep, xs, n, inc, yf, gf, k256, c, d, step);
}

/* The part of a pixel (a unit square) on the inner side of a straight
 * edge whose centre lies at signed distance @t from it (positive inside),
 * the edge's normal having components of absolute values @p ≥ @q: linear
 * in the middle, quadratic where the edge cuts a corner.  Exact. */
static inline float
half_plane (float t, float p, float q, float inv_2pq)
{
  float e = 0.5f * (p + q), m = 0.5f * (p - q);

  if (t <= -e)
    return 0;
  if (t >= e)
    return 1;
  if (t > m)
    return 1 - (e - t) * (e - t) * inv_2pq;
  if (t < -m)
    return (e + t) * (e + t) * inv_2pq;
  return 0.5f + t / p;
}

/* One butt-capped piece of a wide line, in pixel coordinates (pixel
 * centres at half-integers): from (ax, ay), direction (ux, uy) (a unit
 * vector), @len long, @h half the width.  A pixel's coverage is the exact
 * area of it inside the band the line sweeps, times the same along the
 * line near the ends (where it is close).  Each row is walked only over
 * the pixels the piece, grown by a pixel, can touch. */
static void
wide_piece (MgRaster *r, double ax, double ay, double ux, double uy, double len, double h,
            guint32 color)
{
  /* Normal (nx, ny); the piece grown by a pixel all round. */
  double nx = -uy, ny = ux, hg = h + 1;
  double by = ay + uy * len;
  double ymin = MIN (ay, by) - fabs (ny) * hg - fabs (uy);
  double ymax = MAX (ay, by) + fabs (ny) * hg + fabs (uy);
  int y0 = MAX (ifloor (ymin), r->cy0), y1 = MIN (ifloor (ymax) + 1, r->cy1);
  gboolean opaque = (color >> 24) == 0xff;
  /* The normal and the direction have the same components, swapped. */
  float p = (float) MAX (fabs (nx), fabs (ny)), q = (float) MIN (fabs (nx), fabs (ny));
  float inv_2pq = q > 1e-6f ? 1.0f / (2 * p * q) : 0;
  float e = 0.5f * (p + q); /* beyond this, a pixel is wholly on one side */
  float fh = (float) h, flen = (float) len;

  for (int py = y0; py < y1; py++)
    {
      double yc = py + 0.5, dy = yc - ay;
      double xl = -G_MAXDOUBLE, xr = G_MAXDOUBLE;

      /* Across: |(c − a)·n| < hg; along: −1 < (c − a)·u < len + 1. */
      if (fabs (nx) > 1e-12)
        {
          double c = ax - dy * ny / nx, w = hg / fabs (nx);
          xl = MAX (xl, c - w);
          xr = MIN (xr, c + w);
        }
      else if (fabs (dy * ny) > hg)
        continue;
      if (fabs (ux) > 1e-12)
        {
          double c = ax - dy * uy / ux;
          double e0 = c - 1 / ux, e1 = c + (len + 1) / ux;
          xl = MAX (xl, MIN (e0, e1));
          xr = MIN (xr, MAX (e0, e1));
        }
      else if (dy * uy < -1 || dy * uy > len + 1)
        continue;

      int x0 = MAX (ifloor (xl - 0.5) + 1, r->cx0);
      int x1 = MIN (ifloor (xr - 0.5) + 1, r->cx1);
      if (x0 >= x1)
        continue;
      double dx = x0 + 0.5 - ax;
      float across = (float) (dx * nx + dy * ny), along = (float) (dx * ux + dy * uy);
      float fnx = (float) nx, fux = (float) ux;
      guint32 *dst = r->pixels + (gsize) py * r->stride + x0;

      for (int x = x0; x < x1; x++, dst++, across += fnx, along += fux)
        {
          float a = fabsf (across) <= fh - e
                      ? 1.0f
                      : half_plane (fh - across, p, q, inv_2pq) - half_plane (-fh - across, p, q, inv_2pq);
          float b = along >= e && along <= flen - e
                      ? 1.0f
                      : half_plane (flen - along, p, q, inv_2pq) - half_plane (-along, p, q, inv_2pq);
          guint cov = (guint) (a * b * 256.0f + 0.5f);
          if (cov >= 256 && opaque)
            *dst = color;
          else if (cov > 0)
            blend (dst, color, MIN (cov, 256u));
        }
    }
}

void
mg_raster_wide_line (MgRaster *r, double x0, double y0, double x1, double y1, guint32 color,
                     double width_px, const double *dashes, guint n_dashes, double dash_offset)
{
  double px0 = x0 * r->sx + r->tx, py0 = y0 * r->sy + r->ty;
  double px1 = x1 * r->sx + r->tx, py1 = y1 * r->sy + r->ty;
  double len = hypot (px1 - px0, py1 - py0), h = CLAMP (width_px, 0.5, MG_RASTER_MAX_WIDE_PX) / 2;
  double period = 0;

  if (len < 1e-9)
    return;
  double ux = (px1 - px0) / len, uy = (py1 - py0) / len;

  /* Only the part near the clip: the clip grown by the half width. */
  double xmin = r->cx0 - h - 2, ymin = r->cy0 - h - 2, xmax = r->cx1 + h + 2, ymax = r->cy1 + h + 2;
  double t0 = 0, t1 = len;
  const double p[4] = { -ux, ux, -uy, uy };
  const double q[4] = { px0 - xmin, xmax - px0, py0 - ymin, ymax - py0 };
  if (!liang_barsky (p, q, &t0, &t1) || t0 >= t1)
    return;
  r->dirty = TRUE;

  for (guint i = 0; i < n_dashes; i++)
    period += dashes[i];
  if (n_dashes == 0 || period <= 0)
    {
      wide_piece (r, px0 + ux * t0, py0 + uy * t0, ux, uy, t1 - t0, h, color);
      return;
    }

  /* Dashed: each dash a piece of its own, from where the pattern stands
   * at the first visible point. */
  DashState d;
  double s = t0;
  dash_start (&d, dashes, n_dashes, period, dash_offset + t0);
  while (s < t1)
    {
      double e = s + d.left;
      if (d.index % 2 == 0 && MIN (e, t1) > s)
        wide_piece (r, px0 + ux * s, py0 + uy * s, ux, uy, MIN (e, t1) - s, h, color);
      /* On to the next dash or gap (whole: a sliver left by rounding must
       * not stall the walk). */
      d.left = 0;
      dash_step (&d, 0);
      s = e;
    }
}

void
mg_raster_rect (MgRaster *r, double x, double y, double w, double h, guint32 color)
{
  double x0 = x * r->sx + r->tx, y0 = y * r->sy + r->ty;
  double x1 = (x + w) * r->sx + r->tx, y1 = (y + h) * r->sy + r->ty;

  x0 = MAX (x0, r->cx0);
  y0 = MAX (y0, r->cy0);
  x1 = MIN (x1, r->cx1);
  y1 = MIN (y1, r->cy1);
  if (x0 >= x1 || y0 >= y1)
    return;
  r->dirty = TRUE;

  int ix0 = ifloor (x0), ix1 = -ifloor (-x1);
  int iy0 = ifloor (y0), iy1 = -ifloor (-y1);
  for (int py = iy0; py < iy1; py++)
    {
      double cy = MIN (py + 1, y1) - MAX (py, y0);
      guint32 *row = r->pixels + (gsize) py * r->stride;
      for (int px = ix0; px < ix1; px++)
        {
          double cx = MIN (px + 1, x1) - MAX (px, x0);
          double c = cx * cy;
          blend (row + px, color, c >= 1 ? 256 : (guint) (c * 256));
        }
    }
}

/* Each row of a sprite: where its pixels are not transparent, [l, r), and
 * the opaque run inside, [o0, o1) (shapes are convex: one run). */
typedef struct {
  gint16 l, r, o0, o1;
} SpriteRow;

static const cairo_user_data_key_t sprite_rows_key;

static const SpriteRow *
sprite_rows (cairo_surface_t *sprite, const guint32 *src, int sw, int sh, int sstride)
{
  SpriteRow *rows = cairo_surface_get_user_data (sprite, &sprite_rows_key);

  if (rows != NULL)
    return rows;
  rows = g_new (SpriteRow, MAX (sh, 1));
  for (int y = 0; y < sh; y++)
    {
      const guint32 *s = src + (gsize) y * sstride;
      int l = 0, r = sw, o0 = 0, o1 = 0, best = 0;
      while (l < r && (s[l] >> 24) == 0)
        l++;
      while (r > l && (s[r - 1] >> 24) == 0)
        r--;
      for (int x = l; x < r;)
        {
          int e = x;
          while (e < r && (s[e] >> 24) == 255)
            e++;
          if (e - x > best)
            best = e - x, o0 = x, o1 = e;
          x = e + 1;
        }
      if (best == 0)
        o0 = o1 = l;
      rows[y] = (SpriteRow) { (gint16) l, (gint16) r, (gint16) o0, (gint16) o1 };
    }
  if (cairo_surface_set_user_data (sprite, &sprite_rows_key, rows, g_free) != CAIRO_STATUS_SUCCESS)
    {
      g_free (rows);
      return NULL;
    }
  return rows;
}

static inline void
blit_pixels (guint32 *d, const guint32 *s, int n)
{
  for (int i = 0; i < n; i++)
    {
      guint32 c = s[i];
      guint a = c >> 24;
      if (a == 255)
        d[i] = c;
      else if (a != 0)
        blend (d + i, c, 256);
    }
}

void
mg_raster_blit (MgRaster *r, cairo_surface_t *sprite, double ax, double ay, double x, double y)
{
  int sw = cairo_image_surface_get_width (sprite), sh = cairo_image_surface_get_height (sprite);
  int sstride = cairo_image_surface_get_stride (sprite) / 4;
  const guint32 *src = (const guint32 *) cairo_image_surface_get_data (sprite);
  int dx = ifloor (x * r->sx + r->tx - ax + 0.5), dy = ifloor (y * r->sy + r->ty - ay + 0.5);
  int x0 = MAX (dx, r->cx0), y0 = MAX (dy, r->cy0);
  int x1 = MIN (dx + sw, r->cx1), y1 = MIN (dy + sh, r->cy1);
  const SpriteRow *rows;

  if (x0 >= x1 || y0 >= y1 || src == NULL)
    return;
  r->dirty = TRUE;
  rows = sw <= G_MAXINT16 ? sprite_rows (sprite, src, sw, sh, sstride) : NULL;
  for (int py = y0; py < y1; py++)
    {
      const guint32 *s = src + (gsize) (py - dy) * sstride; /* image column x is s[x - dx] */
      guint32 *d = r->pixels + (gsize) py * r->stride;
      if (rows == NULL)
        {
          blit_pixels (d + x0, s + (x0 - dx), x1 - x0);
          continue;
        }
      /* Sprite columns l … r, in image columns, within the clip: the
       * edges blended, the opaque run copied. */
      const SpriteRow *row = &rows[py - dy];
      int l = MAX (row->l + dx, x0), e = MIN (row->r + dx, x1);
      if (l >= e)
        continue;
      int o0 = CLAMP (row->o0 + dx, l, e), o1 = CLAMP (row->o1 + dx, o0, e);
      blit_pixels (d + l, s + (l - dx), o0 - l);
      memcpy (d + o0, s + (o0 - dx), 4 * (gsize) (o1 - o0));
      blit_pixels (d + o1, s + (o1 - dx), e - o1);
    }
}

void
mg_raster_triangle (MgRaster *r, const double xy[6], guint32 color)
{
  double p[6], e[9];

  for (int i = 0; i < 3; i++)
    {
      p[2 * i] = xy[2 * i] * r->sx + r->tx;
      p[2 * i + 1] = xy[2 * i + 1] * r->sy + r->ty;
    }
  double area = (p[2] - p[0]) * (p[5] - p[1]) - (p[3] - p[1]) * (p[4] - p[0]);
  if (fabs (area) < 1e-9)
    return;

  /* Each edge as a signed distance in pixels, positive inside: coverage
   * is the distance to the nearest edge, ±half a pixel (one evaluation a
   * pixel, good enough for a dozen pixels). */
  for (int i = 0; i < 3; i++)
    {
      const double *a = p + 2 * i, *b = p + 2 * ((i + 1) % 3);
      double nx = -(b[1] - a[1]), ny = b[0] - a[0], len = hypot (nx, ny);
      double sign = area > 0 ? 1 : -1;
      e[3 * i] = sign * nx / len;
      e[3 * i + 1] = sign * ny / len;
      e[3 * i + 2] = -(e[3 * i] * a[0] + e[3 * i + 1] * a[1]);
    }

  int x0 = MAX (ifloor (MIN (MIN (p[0], p[2]), p[4])), r->cx0);
  int y0 = MAX (ifloor (MIN (MIN (p[1], p[3]), p[5])), r->cy0);
  int x1 = MIN (ifloor (MAX (MAX (p[0], p[2]), p[4])) + 1, r->cx1);
  int y1 = MIN (ifloor (MAX (MAX (p[1], p[3]), p[5])) + 1, r->cy1);
  if (x0 >= x1 || y0 >= y1 || (gint64) (x1 - x0) * (y1 - y0) > 4096)
    return;
  r->dirty = TRUE;

  /* The edge distances change by a constant from one pixel to the next
   * in a row: added up rather than evaluated (in float: a few dozen
   * steps at most). */
  float a0 = (float) e[0], a1 = (float) e[3], a2 = (float) e[6];
  for (int py = y0; py < y1; py++)
    {
      double cx = x0 + 0.5, cy = py + 0.5;
      float d0 = (float) (e[0] * cx + e[1] * cy + e[2]);
      float d1 = (float) (e[3] * cx + e[4] * cy + e[5]);
      float d2 = (float) (e[6] * cx + e[7] * cy + e[8]);
      guint32 *dst = r->pixels + (gsize) py * r->stride + x0;
      for (int px = x0; px < x1; px++, dst++, d0 += a0, d1 += a1, d2 += a2)
        {
          float d = MIN (MIN (d0, d1), d2);
          if (d <= -0.5f)
            continue;
          guint cov = d >= 0.5f ? 256 : (guint) ((d + 0.5f) * 256);
          blend (dst, color, cov);
        }
    }
}
