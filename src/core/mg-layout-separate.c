/* mg-layout-separate.c — removes overlaps between actors after an engine
 * that leaves them (sfdp on big maps, where Graphviz's prism costs a minute
 * at 20,000 actors).
 *
 * Two steps, both linear in the number of actors:
 *   1. a uniform spread about the centre, when the footprints cover more of
 *      the layout's box than a readable map does (sfdp packs big maps into
 *      a disc where footprints cover it several times over);
 *   2. rounds of local pushes: every overlapping pair, found through a grid,
 *      is pushed apart along the axis where it overlaps least, each actor
 *      by half (Jacobi: the moves of a round are summed, then applied, so
 *      the result does not depend on the order of actors).
 * When pushes stall, the spread grows a little and the pushes go on.  The
 * layout's shape and neighbourhoods are kept: actors move by about their
 * own size. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-layout-private.h"

/* Footprints should cover at most this share of the spread layout's box. */
#define TARGET_DENSITY 0.25
/* A gap kept between footprints, in points. */
#define GAP    2.0
#define ROUNDS 60
/* A round that removes less than 1/STALL of the overlaps has stalled. */
#define STALL         50
#define SPREAD_STEPS  40
#define SPREAD_GROWTH 1.05

typedef struct {
  guint n;
  double *cx, *cy; /* footprint centres */
  double *hw, *hh; /* half sizes, gap included */
  double *dx, *dy; /* moves of the round */
  /* The grid: cells of cell_w × cell_h from (x0, y0), gx × gy of them,
   * listing the actors whose footprint meets them (CSR). */
  double x0, y0, cell_w, cell_h;
  guint gx, gy;
  guint *start; /* gx * gy + 1 */
  guint *items;
  gsize n_items, items_size;
} Separation;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_of (const double *values, guint n)
{
  g_autofree double *copy = g_memdup2 (values, n * sizeof (double));

  qsort (copy, n, sizeof (double), compare_double);
  return copy[n / 2];
}

static void
cell_range (const Separation *s, guint i, guint *ax, guint *ay, guint *bx, guint *by)
{
  double fx0 = (s->cx[i] - s->hw[i] - s->x0) / s->cell_w;
  double fy0 = (s->cy[i] - s->hh[i] - s->y0) / s->cell_h;
  double fx1 = (s->cx[i] + s->hw[i] - s->x0) / s->cell_w;
  double fy1 = (s->cy[i] + s->hh[i] - s->y0) / s->cell_h;

  *ax = (guint) CLAMP (fx0, 0, s->gx - 1);
  *ay = (guint) CLAMP (fy0, 0, s->gy - 1);
  *bx = (guint) CLAMP (fx1, 0, s->gx - 1);
  *by = (guint) CLAMP (fy1, 0, s->gy - 1);
}

/* Lays the grid over the current positions: cells about twice the median
 * footprint, at most about four per actor. */
static void
build_grid (Separation *s)
{
  double minx = G_MAXDOUBLE, miny = G_MAXDOUBLE, maxx = -G_MAXDOUBLE, maxy = -G_MAXDOUBLE;
  double w, h;
  gsize n_cells, count = 0;

  for (guint i = 0; i < s->n; i++)
    {
      minx = MIN (minx, s->cx[i] - s->hw[i]);
      miny = MIN (miny, s->cy[i] - s->hh[i]);
      maxx = MAX (maxx, s->cx[i] + s->hw[i]);
      maxy = MAX (maxy, s->cy[i] + s->hh[i]);
    }
  w = MAX (maxx - minx, 1.0);
  h = MAX (maxy - miny, 1.0);
  s->cell_w = 4 * median_of (s->hw, s->n);
  s->cell_h = 4 * median_of (s->hh, s->n);
  while ((w / s->cell_w) * (h / s->cell_h) > 4.0 * s->n + 16)
    s->cell_w *= 1.5, s->cell_h *= 1.5;
  s->x0 = minx;
  s->y0 = miny;
  s->gx = (guint) MAX (1.0, ceil (w / s->cell_w));
  s->gy = (guint) MAX (1.0, ceil (h / s->cell_h));
  n_cells = (gsize) s->gx * s->gy;

  g_free (s->start);
  s->start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < s->n; i++)
    {
      guint ax, ay, bx, by;

      cell_range (s, i, &ax, &ay, &bx, &by);
      for (guint y = ay; y <= by; y++)
        for (guint x = ax; x <= bx; x++)
          s->start[(gsize) y * s->gx + x + 1]++;
    }
  for (gsize c = 0; c < n_cells; c++)
    {
      count += s->start[c + 1];
      s->start[c + 1] = (guint) count;
    }
  if (count > s->items_size)
    {
      g_free (s->items);
      s->items_size = count;
      s->items = g_new (guint, count);
    }
  s->n_items = count;
  {
    g_autofree guint *fill = g_memdup2 (s->start, n_cells * sizeof (guint));

    for (guint i = 0; i < s->n; i++)
      {
        guint ax, ay, bx, by;

        cell_range (s, i, &ax, &ay, &bx, &by);
        for (guint y = ay; y <= by; y++)
          for (guint x = ax; x <= bx; x++)
            s->items[fill[(gsize) y * s->gx + x]++] = i;
      }
  }
}

/* One round of pushes; returns the number of overlapping pairs met. */
static guint64
push_round (Separation *s)
{
  guint64 overlaps = 0;

  build_grid (s);
  memset (s->dx, 0, s->n * sizeof (double));
  memset (s->dy, 0, s->n * sizeof (double));
  for (guint cy = 0; cy < s->gy; cy++)
    for (guint cx = 0; cx < s->gx; cx++)
      {
        gsize c = (gsize) cy * s->gx + cx;

        for (guint a = s->start[c]; a < s->start[c + 1]; a++)
          for (guint b = a + 1; b < s->start[c + 1]; b++)
            {
              guint i = s->items[a], j = s->items[b];
              double ddx = s->cx[j] - s->cx[i], ddy = s->cy[j] - s->cy[i];
              double ox = s->hw[i] + s->hw[j] - fabs (ddx);
              double oy = s->hh[i] + s->hh[j] - fabs (ddy);
              double ix, iy;

              if (ox <= 0 || oy <= 0)
                continue;
              /* A pair sharing several cells is handled in the one that
               * holds the top-left corner of their intersection. */
              ix = MAX (s->cx[i] - s->hw[i], s->cx[j] - s->hw[j]);
              iy = MAX (s->cy[i] - s->hh[i], s->cy[j] - s->hh[j]);
              if ((guint) CLAMP ((ix - s->x0) / s->cell_w, 0, s->gx - 1) != cx
                  || (guint) CLAMP ((iy - s->y0) / s->cell_h, 0, s->gy - 1) != cy)
                continue;
              overlaps++;
              if (ox < oy)
                {
                  /* Coincident centres part by index, so that the result
                   * stays deterministic. */
                  double dir = ddx > 0 || (ddx == 0 && j > i) ? 1.0 : -1.0;
                  s->dx[i] -= dir * ox / 2;
                  s->dx[j] += dir * ox / 2;
                }
              else
                {
                  double dir = ddy > 0 || (ddy == 0 && j > i) ? 1.0 : -1.0;
                  s->dy[i] -= dir * oy / 2;
                  s->dy[j] += dir * oy / 2;
                }
            }
      }
  /* Summed pushes overshoot in crowds: no actor moves more than its own
   * size in a round. */
  for (guint i = 0; i < s->n; i++)
    {
      s->cx[i] += CLAMP (s->dx[i], -2 * s->hw[i], 2 * s->hw[i]);
      s->cy[i] += CLAMP (s->dy[i], -2 * s->hh[i], 2 * s->hh[i]);
    }
  return overlaps;
}

static void
spread (Separation *s, double factor)
{
  double mx = 0, my = 0;

  for (guint i = 0; i < s->n; i++)
    mx += s->cx[i], my += s->cy[i];
  mx /= s->n, my /= s->n;
  for (guint i = 0; i < s->n; i++)
    {
      s->cx[i] = mx + (s->cx[i] - mx) * factor;
      s->cy[i] = my + (s->cy[i] - my) * factor;
    }
}

/* The spread that brings footprints down to TARGET_DENSITY of the box of
 * the centres (1 when they already are). */
static double
initial_spread (const Separation *s)
{
  double minx = G_MAXDOUBLE, miny = G_MAXDOUBLE, maxx = -G_MAXDOUBLE, maxy = -G_MAXDOUBLE;
  double covered = 0, area;

  for (guint i = 0; i < s->n; i++)
    {
      minx = MIN (minx, s->cx[i]);
      miny = MIN (miny, s->cy[i]);
      maxx = MAX (maxx, s->cx[i]);
      maxy = MAX (maxy, s->cy[i]);
      covered += 4 * s->hw[i] * s->hh[i];
    }
  /* A disc fills π/4 of its box. */
  area = MAX (maxx - minx, 1.0) * MAX (maxy - miny, 1.0) * G_PI / 4;
  return MAX (1.0, sqrt (covered / (TARGET_DENSITY * area)));
}

guint64
mg_layout_separate (MgLayoutResult *result)
{
  Separation s = { 0 };
  guint64 overlaps = 0;
  double total_spread;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (result != NULL, 0);

  if (result->n_actors < 2)
    return 0;
  s.n = result->n_actors;
  s.cx = g_new (double, s.n);
  s.cy = g_new (double, s.n);
  s.hw = g_new (double, s.n);
  s.hh = g_new (double, s.n);
  s.dx = g_new (double, s.n);
  s.dy = g_new (double, s.n);
  for (guint i = 0; i < s.n; i++)
    {
      const MgLayoutBox *box = &result->actors[i].footprint;

      s.cx[i] = (box->x0 + box->x1) / 2;
      s.cy[i] = (box->y0 + box->y1) / 2;
      s.hw[i] = MAX (box->x1 - box->x0, 1.0) / 2 + GAP / 2;
      s.hh[i] = MAX (box->y1 - box->y0, 1.0) / 2 + GAP / 2;
    }

  total_spread = initial_spread (&s);
  spread (&s, total_spread);
  for (guint step = 0; step < SPREAD_STEPS; step++)
    {
      guint64 before = G_MAXUINT64;

      /* Push while it pays; a crowd that pushing only shuffles needs room. */
      for (guint round = 0; round < ROUNDS; round++)
        {
          overlaps = push_round (&s);
          if (overlaps == 0 || overlaps > before - before / STALL)
            break;
          before = overlaps;
        }
      if (overlaps == 0)
        break;
      spread (&s, SPREAD_GROWTH);
      total_spread *= SPREAD_GROWTH;
    }

  for (guint i = 0; i < s.n; i++)
    {
      MgLayoutActor *actor = &result->actors[i];
      MgLayoutBox *box = &actor->footprint;
      double mx = s.cx[i] - (box->x0 + box->x1) / 2;
      double my = s.cy[i] - (box->y0 + box->y1) / 2;

      actor->x += mx, actor->y += my;
      box->x0 += mx, box->x1 += mx, box->y0 += my, box->y1 += my;
    }
  /* Curves drawn for the old places would end in the void. */
  for (guint i = 0; i < result->n_routes; i++)
    {
      g_clear_pointer (&result->routes[i].points, g_free);
      result->routes[i].n_points = 0;
    }
  g_debug ("separation: %.3f s, spread %.2f×, %" G_GUINT64_FORMAT " overlapping pairs left",
           (g_get_monotonic_time () - start) / 1e6, total_spread, overlaps);

  g_free (s.cx);
  g_free (s.cy);
  g_free (s.hw);
  g_free (s.hh);
  g_free (s.dx);
  g_free (s.dy);
  g_free (s.start);
  g_free (s.items);
  return overlaps;
}
