/* mg-layout-quick.c — a quick first arrangement, shown while Graphviz
 * lays a big map out properly in the background.
 *
 * Force-directed (Fruchterman and Reingold), with the repulsion of near
 * actors only, found through a grid: linear in the map's size, a fixed
 * number of rounds from seeded random places.  At 5,000 actors it takes
 * a few hundred milliseconds; the result is rougher than sfdp's but shows
 * the map's hubs and clusters, and mg_layout_separate() makes it free of
 * overlaps.  Pinned actors stay where they are. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-layout-private.h"

#define ROUNDS 80
#define MAX_PER_CELL 12

typedef struct {
  guint   n;
  double *x, *y, *dx, *dy;
  /* grid (CSR) */
  double  x0, y0, cell;
  guint   gx, gy;
  guint  *start, *items;
} Quick;

static void
build_grid (Quick *q)
{
  double x1 = q->x[0], y1 = q->y[0];

  q->x0 = q->x[0];
  q->y0 = q->y[0];
  for (guint i = 1; i < q->n; i++)
    {
      q->x0 = MIN (q->x0, q->x[i]);
      q->y0 = MIN (q->y0, q->y[i]);
      x1 = MAX (x1, q->x[i]);
      y1 = MAX (y1, q->y[i]);
    }
  q->gx = MIN ((guint) ((x1 - q->x0) / q->cell) + 1, 4096u);
  q->gy = MIN ((guint) ((y1 - q->y0) / q->cell) + 1, 4096u);
  g_free (q->start);
  q->start = g_new0 (guint, (gsize) q->gx * q->gy + 1);
  g_autofree guint *cell_of = g_new (guint, q->n);
  for (guint i = 0; i < q->n; i++)
    {
      guint cx = MIN ((guint) ((q->x[i] - q->x0) / q->cell), q->gx - 1);
      guint cy = MIN ((guint) ((q->y[i] - q->y0) / q->cell), q->gy - 1);
      cell_of[i] = cy * q->gx + cx;
      q->start[cell_of[i] + 1]++;
    }
  for (gsize c = 0; c < (gsize) q->gx * q->gy; c++)
    q->start[c + 1] += q->start[c];
  g_autofree guint *fill = g_memdup2 (q->start, ((gsize) q->gx * q->gy) * sizeof (guint));
  for (guint i = 0; i < q->n; i++)
    q->items[fill[cell_of[i]]++] = i;
}

void
mg_layout_quick_place (MgLayoutRequest *request, MgLayoutResult *result)
{
  Quick q = { 0 };
  double area = 0;
  GRand *rand = g_rand_new_with_seed (1);

  q.n = request->n_actors;
  if (q.n == 0)
    {
      g_rand_free (rand);
      return;
    }
  q.x = g_new (double, q.n);
  q.y = g_new (double, q.n);
  q.dx = g_new (double, q.n);
  q.dy = g_new (double, q.n);
  q.items = g_new (guint, q.n);

  for (guint i = 0; i < q.n; i++)
    area += request->actors[i].box_width * request->actors[i].box_height;
  /* The ideal distance: footprints covering about a fifth of the map. */
  double k = sqrt (area / q.n) * 2.2;
  double side = k * sqrt (q.n);
  for (guint i = 0; i < q.n; i++)
    {
      const MgLayoutRequestActor *ra = &request->actors[i];
      if (ra->pinned)
        {
          q.x[i] = ra->x;
          q.y[i] = ra->y + mg_layout_request_actor_offset (ra);
        }
      else
        {
          q.x[i] = g_rand_double_range (rand, 0, side);
          q.y[i] = g_rand_double_range (rand, 0, side);
        }
    }
  g_rand_free (rand);

  q.cell = 2 * k;
  double k2 = k * k, reach2 = q.cell * q.cell;
  for (guint round = 0; round < ROUNDS; round++)
    {
      double t = k * 4 * (1.0 - (double) round / ROUNDS) + k / 20;

      memset (q.dx, 0, q.n * sizeof (double));
      memset (q.dy, 0, q.n * sizeof (double));
      build_grid (&q);
      /* Repulsion from the actors within two ideal distances. */
      for (guint i = 0; i < q.n; i++)
        {
          int cx = (int) MIN ((guint) ((q.x[i] - q.x0) / q.cell), q.gx - 1);
          int cy = (int) MIN ((guint) ((q.y[i] - q.y0) / q.cell), q.gy - 1);
          for (int yy = MAX (cy - 1, 0); yy <= MIN (cy + 1, (int) q.gy - 1); yy++)
            for (int xx = MAX (cx - 1, 0); xx <= MIN (cx + 1, (int) q.gx - 1); xx++)
              {
                gsize c = (gsize) yy * q.gx + xx;
                /* A crowded cell (the first rounds pull the map
                 * together): a sample of it, weighed up, bounds the work. */
                guint count = q.start[c + 1] - q.start[c];
                guint step = count > MAX_PER_CELL ? (count + MAX_PER_CELL - 1) / MAX_PER_CELL : 1;
                for (guint p = q.start[c] + (i % step); p < q.start[c + 1]; p += step)
                  {
                    guint j = q.items[p];
                    if (j == i)
                      continue;
                    double ddx = q.x[i] - q.x[j], ddy = q.y[i] - q.y[j];
                    double d2 = ddx * ddx + ddy * ddy;
                    if (d2 >= reach2)
                      continue;
                    if (d2 < 1e-6)
                      {
                        ddx = (i < j ? 1 : -1) * 0.1;
                        d2 = 0.01;
                      }
                    /* k² / d along the unit vector. */
                    double f = step * k2 / d2;
                    q.dx[i] += ddx * f;
                    q.dy[i] += ddy * f;
                  }
              }
        }
      /* Attraction along relations: d² / k. */
      for (guint r = 0; r < request->n_relations; r++)
        {
          guint s = request->relations[r].source, e = request->relations[r].target;
          if (s == e || s >= q.n || e >= q.n)
            continue;
          double ddx = q.x[s] - q.x[e], ddy = q.y[s] - q.y[e];
          double d = sqrt (ddx * ddx + ddy * ddy);
          double f = d / k;
          q.dx[s] -= ddx * f;
          q.dy[s] -= ddy * f;
          q.dx[e] += ddx * f;
          q.dy[e] += ddy * f;
        }
      /* A weak pull to the centre keeps apart components together. */
      for (guint i = 0; i < q.n; i++)
        {
          q.dx[i] -= (q.x[i] - side / 2) * 0.01;
          q.dy[i] -= (q.y[i] - side / 2) * 0.01;
        }
      for (guint i = 0; i < q.n; i++)
        {
          if (request->actors[i].pinned)
            continue;
          double d = sqrt (q.dx[i] * q.dx[i] + q.dy[i] * q.dy[i]);
          if (d > t)
            {
              q.dx[i] *= t / d;
              q.dy[i] *= t / d;
            }
          q.x[i] += q.dx[i];
          q.y[i] += q.dy[i];
        }
    }

  for (guint i = 0; i < q.n; i++)
    {
      const MgLayoutRequestActor *ra = &request->actors[i];
      MgLayoutActor *actor = &result->actors[i];
      actor->footprint = (MgLayoutBox) { q.x[i] - ra->box_width / 2, q.y[i] - ra->box_height / 2,
                                         q.x[i] + ra->box_width / 2, q.y[i] + ra->box_height / 2 };
      actor->x = q.x[i];
      actor->y = q.y[i] - mg_layout_request_actor_offset (ra);
    }
  g_free (q.x);
  g_free (q.y);
  g_free (q.dx);
  g_free (q.dy);
  g_free (q.items);
  g_free (q.start);
}
