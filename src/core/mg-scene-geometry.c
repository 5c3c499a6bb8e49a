/* mg-scene-geometry.c — shapes, Bézier curves and distances.
 *
 * Every shape is described once here: its outline (for cairo and SVG), a
 * point-inside test (hit-testing) and where a ray from its centre leaves it
 * (clipping relations at the border), so that what is drawn, what is hit and
 * where lines stop always agree.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-scene-private.h"

/* Polygonal shapes in a unit box centred on 0 (y down). */
typedef struct {
  guint  n;
  double xy[20];
} MgUnitPolygon;

static const MgUnitPolygon polygon_box = { 4, { -.5, -.5, .5, -.5, .5, .5, -.5, .5 } };
static const MgUnitPolygon polygon_diamond = { 4, { 0, -.5, .5, 0, 0, .5, -.5, 0 } };
static const MgUnitPolygon polygon_triangle = { 3, { 0, -.5, .5, .5, -.5, .5 } };
static const MgUnitPolygon polygon_hexagon = {
  6, { -.5, 0, -.25, -.5, .25, -.5, .5, 0, .25, .5, -.25, .5 }
};
static const MgUnitPolygon polygon_octagon = {
  8, { -.2071, -.5, .2071, -.5, .5, -.2071, .5, .2071,
       .2071, .5, -.2071, .5, -.5, .2071, -.5, -.2071 }
};
static const MgUnitPolygon polygon_house = {
  5, { 0, -.5, .5, -.08, .5, .5, -.5, .5, -.5, -.08 }
};
static const MgUnitPolygon polygon_parallelogram = {
  4, { -.3, -.5, .5, -.5, .3, .5, -.5, .5 }
};
static const MgUnitPolygon polygon_trapezoid = {
  4, { -.3, -.5, .3, -.5, .5, .5, -.5, .5 }
};
static const MgUnitPolygon polygon_tag = {
  5, { -.5, -.5, .22, -.5, .5, 0, .22, .5, -.5, .5 }
};

/* Regular pentagon and five-pointed star, point up, stretched to fill the
 * unit box (computed once). */
static MgUnitPolygon polygon_pentagon;
static MgUnitPolygon polygon_star;

static void
make_radial_polygon (MgUnitPolygon *poly, guint n_tips, double inner)
{
  guint n = inner > 0 ? 2 * n_tips : n_tips;
  double minx = G_MAXDOUBLE, maxx = -G_MAXDOUBLE, miny = G_MAXDOUBLE, maxy = -G_MAXDOUBLE;

  poly->n = n;
  for (guint i = 0; i < n; i++)
    {
      double a = -G_PI / 2 + 2 * G_PI * i / n;
      double r = (inner > 0 && (i % 2) == 1) ? inner : 1.0;
      poly->xy[2 * i] = r * cos (a);
      poly->xy[2 * i + 1] = r * sin (a);
      minx = MIN (minx, poly->xy[2 * i]);
      maxx = MAX (maxx, poly->xy[2 * i]);
      miny = MIN (miny, poly->xy[2 * i + 1]);
      maxy = MAX (maxy, poly->xy[2 * i + 1]);
    }
  for (guint i = 0; i < n; i++)
    {
      poly->xy[2 * i] = (poly->xy[2 * i] - minx) / (maxx - minx) - 0.5;
      poly->xy[2 * i + 1] = (poly->xy[2 * i + 1] - miny) / (maxy - miny) - 0.5;
    }
}

static const MgUnitPolygon *
shape_polygon (MgShape shape)
{
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      make_radial_polygon (&polygon_pentagon, 5, 0);
      make_radial_polygon (&polygon_star, 5, 0.48);
      g_once_init_leave (&init, 1);
    }

  switch (shape)
    {
    case MG_SHAPE_BOX: return &polygon_box;
    case MG_SHAPE_DIAMOND: return &polygon_diamond;
    case MG_SHAPE_TRIANGLE: return &polygon_triangle;
    case MG_SHAPE_HEXAGON: return &polygon_hexagon;
    case MG_SHAPE_OCTAGON: return &polygon_octagon;
    case MG_SHAPE_PENTAGON: return &polygon_pentagon;
    case MG_SHAPE_HOUSE: return &polygon_house;
    case MG_SHAPE_PARALLELOGRAM: return &polygon_parallelogram;
    case MG_SHAPE_STAR: return &polygon_star;
    case MG_SHAPE_TRAPEZOID: return &polygon_trapezoid;
    case MG_SHAPE_TAG: return &polygon_tag;
    case MG_SHAPE_ELLIPSE:
    case MG_SHAPE_CIRCLE:
    case MG_SHAPE_ROUNDED_BOX:
    case MG_N_SHAPES:
    default:
      return NULL;
    }
}

static double
rounded_radius (double w, double h)
{
  return MIN (w, h) * 0.22;
}

/* Bézier approximation of a quarter circle. */
#define KAPPA 0.5522847498

static void
ellipse_outline (double cx, double cy, double rx, double ry, const MgPathSink *sink, gpointer data)
{
  double kx = rx * KAPPA, ky = ry * KAPPA;

  sink->move_to (data, cx + rx, cy);
  sink->curve_to (data, cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
  sink->curve_to (data, cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
  sink->curve_to (data, cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
  sink->curve_to (data, cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
  sink->close_path (data);
}

static void
rounded_outline (double x0, double y0, double x1, double y1, double r,
                 const MgPathSink *sink, gpointer data)
{
  double k = r * (1 - KAPPA);

  sink->move_to (data, x0 + r, y0);
  sink->line_to (data, x1 - r, y0);
  sink->curve_to (data, x1 - k, y0, x1, y0 + k, x1, y0 + r);
  sink->line_to (data, x1, y1 - r);
  sink->curve_to (data, x1, y1 - k, x1 - k, y1, x1 - r, y1);
  sink->line_to (data, x0 + r, y1);
  sink->curve_to (data, x0 + k, y1, x0, y1 - k, x0, y1 - r);
  sink->line_to (data, x0, y0 + r);
  sink->curve_to (data, x0, y0 + k, x0 + k, y0, x0 + r, y0);
  sink->close_path (data);
}

void
mg_shape_outline (MgShape shape, double cx, double cy, double w, double h,
                  const MgPathSink *sink, gpointer data)
{
  const MgUnitPolygon *poly = shape_polygon (shape);

  if (poly != NULL)
    {
      for (guint i = 0; i < poly->n; i++)
        {
          double x = cx + poly->xy[2 * i] * w, y = cy + poly->xy[2 * i + 1] * h;
          if (i == 0)
            sink->move_to (data, x, y);
          else
            sink->line_to (data, x, y);
        }
      sink->close_path (data);
      return;
    }

  switch (shape)
    {
    case MG_SHAPE_CIRCLE:
      ellipse_outline (cx, cy, MIN (w, h) / 2, MIN (w, h) / 2, sink, data);
      break;
    case MG_SHAPE_ROUNDED_BOX:
      rounded_outline (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, rounded_radius (w, h),
                       sink, data);
      break;
    case MG_SHAPE_ELLIPSE:
    default:
      ellipse_outline (cx, cy, w / 2, h / 2, sink, data);
      break;
    }
}

static gboolean
polygon_contains (const MgUnitPolygon *poly, double px, double py)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = poly->n - 1; i < poly->n; j = i++)
    {
      double xi = poly->xy[2 * i], yi = poly->xy[2 * i + 1];
      double xj = poly->xy[2 * j], yj = poly->xy[2 * j + 1];
      if (((yi > py) != (yj > py)) && (px < (xj - xi) * (py - yi) / (yj - yi) + xi))
        inside = !inside;
    }
  return inside;
}

gboolean
mg_shape_contains (MgShape shape, double cx, double cy, double w, double h, double px, double py)
{
  const MgUnitPolygon *poly = shape_polygon (shape);
  double dx = px - cx, dy = py - cy;

  if (w <= 0 || h <= 0)
    return FALSE;
  if (poly != NULL)
    return polygon_contains (poly, dx / w, dy / h);

  switch (shape)
    {
    case MG_SHAPE_CIRCLE:
      {
        double r = MIN (w, h) / 2;
        return dx * dx + dy * dy <= r * r;
      }
    case MG_SHAPE_ROUNDED_BOX:
      {
        double a = w / 2, b = h / 2, r = rounded_radius (w, h);
        double ax = fabs (dx), ay = fabs (dy);
        if (ax > a || ay > b)
          return FALSE;
        if (ax > a - r && ay > b - r)
          {
            double ex = ax - (a - r), ey = ay - (b - r);
            return ex * ex + ey * ey <= r * r;
          }
        return TRUE;
      }
    case MG_SHAPE_ELLIPSE:
    default:
      {
        double ex = dx / (w / 2), ey = dy / (h / 2);
        return ex * ex + ey * ey <= 1.0;
      }
    }
}

double
mg_shape_ray_exit (MgShape shape, double w, double h, double dx, double dy)
{
  const MgUnitPolygon *poly = shape_polygon (shape);

  if (dx == 0 && dy == 0)
    return 0;

  if (poly != NULL)
    {
      double best = G_MAXDOUBLE;
      for (guint i = 0, j = poly->n - 1; i < poly->n; j = i++)
        {
          double ax = poly->xy[2 * j] * w, ay = poly->xy[2 * j + 1] * h;
          double bx = poly->xy[2 * i] * w, by = poly->xy[2 * i + 1] * h;
          double ex = bx - ax, ey = by - ay;
          double den = dx * ey - dy * ex;
          if (fabs (den) < 1e-12)
            continue;
          /* Solve t·d = a + s·e. */
          double t = (ax * ey - ay * ex) / den;
          double s = (ax * dy - ay * dx) / den;
          if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9)
            best = MIN (best, t);
        }
      return best == G_MAXDOUBLE ? 0 : best;
    }

  switch (shape)
    {
    case MG_SHAPE_CIRCLE:
      return (MIN (w, h) / 2) / hypot (dx, dy);
    case MG_SHAPE_ROUNDED_BOX:
      {
        double a = w / 2, b = h / 2, r = rounded_radius (w, h);
        double t = MIN (dx != 0 ? a / fabs (dx) : G_MAXDOUBLE, dy != 0 ? b / fabs (dy) : G_MAXDOUBLE);
        double hx = fabs (t * dx), hy = fabs (t * dy);
        if (hx > a - r + 1e-9 && hy > b - r + 1e-9)
          {
            /* In a corner: meet the corner's circle instead. */
            double ux = fabs (dx), uy = fabs (dy);
            double ccx = a - r, ccy = b - r;
            double qa = ux * ux + uy * uy;
            double qb = -2 * (ux * ccx + uy * ccy);
            double qc = ccx * ccx + ccy * ccy - r * r;
            double disc = qb * qb - 4 * qa * qc;
            if (disc >= 0)
              t = (-qb + sqrt (disc)) / (2 * qa);
          }
        return t;
      }
    case MG_SHAPE_ELLIPSE:
    default:
      {
        double ex = dx / (w / 2), ey = dy / (h / 2);
        return 1.0 / sqrt (ex * ex + ey * ey);
      }
    }
}

void
mg_shape_inner_box (MgShape shape, double w, double h, double *iw, double *ih)
{
  switch (shape)
    {
    case MG_SHAPE_BOX:
      *iw = w - 4;
      *ih = h - 4;
      break;
    case MG_SHAPE_ROUNDED_BOX:
      *iw = w - rounded_radius (w, h);
      *ih = h - 4;
      break;
    case MG_SHAPE_CIRCLE:
      *iw = *ih = MIN (w, h) * M_SQRT1_2;
      break;
    case MG_SHAPE_ELLIPSE:
      *iw = w * M_SQRT1_2;
      *ih = h * M_SQRT1_2;
      break;
    case MG_SHAPE_DIAMOND:
    case MG_SHAPE_TRIANGLE:
    case MG_SHAPE_STAR:
      *iw = w * 0.45;
      *ih = h * 0.4;
      break;
    case MG_SHAPE_TRAPEZOID:
      *iw = w * 0.6;
      *ih = h * 0.6;
      break;
    default:
      *iw = w * 0.7;
      *ih = h * 0.6;
      break;
    }
  *iw = MAX (*iw, 0);
  *ih = MAX (*ih, 0);
}

/* ---- Bézier curves ------------------------------------------------------ */

void
mg_bezier_point (const double *p, double t, double *x, double *y)
{
  double u = 1 - t;
  double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;

  *x = b0 * p[0] + b1 * p[2] + b2 * p[4] + b3 * p[6];
  *y = b0 * p[1] + b1 * p[3] + b2 * p[5] + b3 * p[7];
}

void
mg_bezier_split (const double *p, double t, double *left, double *right)
{
  double ab[2], bc[2], cd[2], abc[2], bcd[2], m[2];

  for (int k = 0; k < 2; k++)
    {
      ab[k] = p[k] + (p[2 + k] - p[k]) * t;
      bc[k] = p[2 + k] + (p[4 + k] - p[2 + k]) * t;
      cd[k] = p[4 + k] + (p[6 + k] - p[4 + k]) * t;
      abc[k] = ab[k] + (bc[k] - ab[k]) * t;
      bcd[k] = bc[k] + (cd[k] - bc[k]) * t;
      m[k] = abc[k] + (bcd[k] - abc[k]) * t;
    }
  if (left)
    {
      double l[8] = { p[0], p[1], ab[0], ab[1], abc[0], abc[1], m[0], m[1] };
      memcpy (left, l, sizeof l);
    }
  if (right)
    {
      double r[8] = { m[0], m[1], bcd[0], bcd[1], cd[0], cd[1], p[6], p[7] };
      memcpy (right, r, sizeof r);
    }
}

static double
point_line_distance (double px, double py, double ax, double ay, double bx, double by)
{
  double ex = bx - ax, ey = by - ay;
  double len = hypot (ex, ey);

  if (len < 1e-9)
    return hypot (px - ax, py - ay);
  return fabs ((px - ax) * ey - (py - ay) * ex) / len;
}

void
mg_bezier_flatten (const double *pts, guint n_points, double tolerance, GArray *out)
{
  g_assert (n_points >= 1);

  g_array_append_vals (out, pts, 2);
  for (guint i = 0; i + 3 < n_points; i += 3)
    {
      const double *p = pts + 2 * i;
      double flat = MAX (point_line_distance (p[2], p[3], p[0], p[1], p[6], p[7]),
                         point_line_distance (p[4], p[5], p[0], p[1], p[6], p[7]));
      guint n = 1;

      if (flat > tolerance)
        n = (guint) CLAMP (ceil (sqrt (flat / tolerance) * 2), 2, 32);
      for (guint k = 1; k <= n; k++)
        {
          double xy[2];
          mg_bezier_point (p, (double) k / n, &xy[0], &xy[1]);
          g_array_append_vals (out, xy, 2);
        }
    }
}

double
mg_polyline_distance2 (const double *xy, guint n_points, double px, double py)
{
  double best = G_MAXDOUBLE;

  if (n_points == 1)
    return (px - xy[0]) * (px - xy[0]) + (py - xy[1]) * (py - xy[1]);
  for (guint i = 0; i + 1 < n_points; i++)
    {
      double ax = xy[2 * i], ay = xy[2 * i + 1], bx = xy[2 * i + 2], by = xy[2 * i + 3];
      double ex = bx - ax, ey = by - ay;
      double len2 = ex * ex + ey * ey;
      double t = len2 > 0 ? ((px - ax) * ex + (py - ay) * ey) / len2 : 0;
      t = CLAMP (t, 0, 1);
      double qx = ax + t * ex - px, qy = ay + t * ey - py;
      best = MIN (best, qx * qx + qy * qy);
    }
  return best;
}

/* Liang–Barsky: does the segment meet the rectangle? */
static gboolean
segment_meets_rect (double x0, double y0, double x1, double y1, const MgRect *r)
{
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        {
          if (t > t1)
            return FALSE;
          t0 = MAX (t0, t);
        }
      else
        {
          if (t < t0)
            return FALSE;
          t1 = MIN (t1, t);
        }
    }
  return TRUE;
}

gboolean
mg_polyline_meets_rect (const double *xy, guint n_points, const MgRect *rect)
{
  if (n_points == 1)
    return mg_rect_contains_point (rect, xy[0], xy[1]);
  for (guint i = 0; i + 1 < n_points; i++)
    if (segment_meets_rect (xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], rect))
      return TRUE;
  return FALSE;
}

/* ---- actor decorations ---------------------------------------------------------- */

void
mg_scene_actor_ring (const MgSceneActor *sa, const MgStyle *style, double *rx, double *ry)
{
  gboolean round = sa->shape == MG_SHAPE_ELLIPSE || sa->shape == MG_SHAPE_CIRCLE;
  double gap = 2.0 + style->ring_width / 2;

  *rx = (round ? sa->width / 2 : hypot (sa->width, sa->height) / 2) + gap;
  *ry = (round ? sa->height / 2 : hypot (sa->width, sa->height) / 2) + gap;
}

void
mg_scene_actor_badge (const MgSceneActor *sa, const MgStyle *style, double *cx, double *cy,
                      double *r)
{
  /* On the top-right corner of the shape's box, pulled in a little for
   * round shapes so that it touches the outline. */
  gboolean round = sa->shape == MG_SHAPE_ELLIPSE || sa->shape == MG_SHAPE_CIRCLE;
  double k = round ? 0.36 : 0.5;

  *r = MAX (style->actor_size * 0.13, 3.0);
  *cx = sa->x + sa->width * k;
  *cy = sa->y - sa->height * k;
}

void
mg_scene_actor_compute_bounds (MgSceneActor *sa, const MgStyle *style)
{
  double hw = sa->width / 2 + style->actor_stroke_width / 2 + 0.5;
  double hh = sa->height / 2 + style->actor_stroke_width / 2 + 0.5;

  if (!sa->placed)
    {
      sa->item.bounds = mg_rect_empty ();
      return;
    }
  if (sa->item.highlight)
    {
      /* The highlight is a 7-unit stroke along the outline. */
      hw += 3.5;
      hh += 3.5;
    }
  if (sa->n_marks > 0)
    {
      double rx, ry;
      mg_scene_actor_ring (sa, style, &rx, &ry);
      hw = MAX (hw, rx + style->ring_width / 2 + 0.5);
      hh = MAX (hh, ry + style->ring_width / 2 + 0.5);
    }
  if (sa->provenance == MG_PROVENANCE_WORKSHOP)
    {
      double cx, cy, r;
      mg_scene_actor_badge (sa, style, &cx, &cy, &r);
      hw = MAX (hw, fabs (cx - sa->x) + r + 1);
      hh = MAX (hh, fabs (cy - sa->y) + r + 1);
    }
  sa->item.bounds = (MgRect) { sa->x - hw, sa->y - hh, 2 * hw, 2 * hh };
}
