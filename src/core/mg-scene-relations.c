/* mg-scene-relations.c — the path of each relation: the layout's route or a
 * straight (or, for parallel relations, gently curved) line, clipped to the
 * shapes' borders, with room for the arrowhead. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mg-scene-private.h"

void
mg_scene_relation_clear_geometry (MgSceneRelation *sr)
{
  g_clear_pointer (&sr->points, g_free);
  g_clear_pointer (&sr->flat, g_free);
  sr->n_points = 0;
  sr->n_flat = 0;
  sr->has_arrow = FALSE;
  sr->straight = FALSE;
}

/* ---- parallel relations ------------------------------------------------- */

static MgSceneActor *
other_end (MgSceneRelation *sr, MgSceneActor *a)
{
  return sr->source == a ? sr->target : sr->source;
}

typedef struct {
  MgSceneRelation *sr;
  MgSceneActor    *other;
} RankEntry;

static int
compare_rank_entries (const void *pa, const void *pb)
{
  const RankEntry *a = pa, *b = pb;

  if (a->other != b->other)
    return (guintptr) a->other < (guintptr) b->other ? -1 : 1;
  return a->sr->item.order < b->sr->item.order ? -1 : (a->sr->item.order > b->sr->item.order);
}

void
mg_scene_rank_parallel (MgScene *scene, MgSceneActor *a)
{
  guint n = a->relations->len;

  if (n == 0)
    return;

  g_autofree RankEntry *entries = g_new (RankEntry, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].sr = g_ptr_array_index (a->relations, i);
      entries[i].other = other_end (entries[i].sr, a);
    }
  qsort (entries, n, sizeof (RankEntry), compare_rank_entries);

  for (guint i = 0; i < n;)
    {
      guint j = i;
      while (j < n && entries[j].other == entries[i].other)
        j++;
      guint k = j - i;
      for (guint m = 0; m < k; m++)
        {
          MgSceneRelation *sr = entries[i + m].sr;
          if (sr->source == sr->target)
            sr->parallel_rank = (int) m * 2; /* loops grow outwards */
          else
            sr->parallel_rank = 2 * (int) m - ((int) k - 1);
        }
      i = j;
    }
}

/* ---- clipping ------------------------------------------------------------ */

static gboolean
inside_actor (const MgSceneActor *a, double x, double y)
{
  return mg_shape_contains (a->shape, a->x, a->y, a->width, a->height, x, y);
}

/* Cuts the start of the cubic path @pts (3n+1 points) where it leaves @a.
 * Returns the new number of points. */
static guint
clip_start (double *pts, guint n_points, const MgSceneActor *a)
{
  guint n_seg = (n_points - 1) / 3;

  for (guint s = 0; s < n_seg; s++)
    {
      double *p = pts + 6 * s;
      double t_in = 0, t_out = -1;
      const int samples = 24;

      for (int k = 1; k <= samples; k++)
        {
          double t = (double) k / samples, x, y;
          mg_bezier_point (p, t, &x, &y);
          if (!inside_actor (a, x, y))
            {
              t_out = t;
              break;
            }
          t_in = t;
        }
      if (t_out < 0)
        continue;
      for (int it = 0; it < 24; it++)
        {
          double t = (t_in + t_out) / 2, x, y;
          mg_bezier_point (p, t, &x, &y);
          if (inside_actor (a, x, y))
            t_in = t;
          else
            t_out = t;
        }
      double right[8];
      mg_bezier_split (p, t_out, NULL, right);
      memcpy (p, right, sizeof right);
      guint drop = 3 * s;
      memmove (pts, pts + 2 * drop, (n_points - drop) * 2 * sizeof (double));
      return n_points - drop;
    }
  return n_points; /* never leaves: keep as is */
}

/* Cuts the end of the path where it enters @a. */
static guint
clip_end (double *pts, guint n_points, const MgSceneActor *a)
{
  guint n_seg = (n_points - 1) / 3;

  for (guint s = n_seg; s-- > 0;)
    {
      double *p = pts + 6 * s;
      double t_in = 1, t_out = -1;
      const int samples = 24;

      for (int k = samples - 1; k >= 0; k--)
        {
          double t = (double) k / samples, x, y;
          mg_bezier_point (p, t, &x, &y);
          if (!inside_actor (a, x, y))
            {
              t_out = t;
              break;
            }
          t_in = t;
        }
      if (t_out < 0)
        continue;
      for (int it = 0; it < 24; it++)
        {
          double t = (t_in + t_out) / 2, x, y;
          mg_bezier_point (p, t, &x, &y);
          if (inside_actor (a, x, y))
            t_in = t;
          else
            t_out = t;
        }
      double left[8];
      mg_bezier_split (p, t_out, left, NULL);
      memcpy (p, left, sizeof left);
      return 3 * (s + 1) + 1;
    }
  return n_points;
}

/* Shortens the path's end by @len (along its last segment) and returns the
 * point where it now ends through (*bx, *by). */
static void
shorten_end (double *pts, guint n_points, double len, double *bx, double *by)
{
  double *p = pts + 2 * (n_points - 4);
  double ex = p[6], ey = p[7];
  double lo = 0, hi = 1;

  if (hypot (p[0] - ex, p[1] - ey) <= len)
    {
      *bx = p[0];
      *by = p[1];
      return;
    }
  for (int it = 0; it < 30; it++)
    {
      double t = (lo + hi) / 2, x, y;
      mg_bezier_point (p, t, &x, &y);
      if (hypot (x - ex, y - ey) > len)
        lo = t;
      else
        hi = t;
    }
  double left[8];
  mg_bezier_split (p, lo, left, NULL);
  memcpy (p, left, sizeof left);
  *bx = p[6];
  *by = p[7];
}

static double
path_length (const double *pts, guint n_points)
{
  double len = 0;

  for (guint i = 0; i + 1 < n_points; i++)
    len += hypot (pts[2 * i + 2] - pts[2 * i], pts[2 * i + 3] - pts[2 * i + 1]);
  return len;
}

/* ---- building the path -------------------------------------------------- */

static gboolean
route_usable (const MgRelation *r, const MgSceneActor *s, const MgSceneActor *t, gboolean *reversed)
{
  if (r->route == NULL || r->n_route_points < 4 || (r->n_route_points - 1) % 3 != 0)
    return FALSE;

  const double *p = r->route;
  guint last = r->n_route_points - 1;
  double reach_s = MAX (s->width, s->height) + 12, reach_t = MAX (t->width, t->height) + 12;
  double d_ss = hypot (p[0] - s->x, p[1] - s->y);
  double d_tt = hypot (p[2 * last] - t->x, p[2 * last + 1] - t->y);

  for (guint i = 0; i < 2 * r->n_route_points; i++)
    if (!isfinite (p[i]))
      return FALSE;

  /* A route from an earlier layout, before an actor moved, is stale. */
  if (d_ss <= reach_s && d_tt <= reach_t)
    {
      *reversed = FALSE;
      return TRUE;
    }
  double d_st = hypot (p[0] - t->x, p[1] - t->y);
  double d_ts = hypot (p[2 * last] - s->x, p[2 * last + 1] - s->y);
  if (d_st <= reach_t && d_ts <= reach_s)
    {
      *reversed = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* The raw path from centre to centre, before clipping. */
static double *
raw_path (MgScene *scene, MgSceneRelation *sr, guint *n_points, gboolean *clipped)
{
  MgSceneActor *s = sr->source, *t = sr->target;
  const MgRelation *r = sr->relation;
  gboolean reversed = FALSE;
  double *pts;

  *clipped = FALSE;

  if (s == t)
    {
      /* A loop on the upper right, growing for each further loop. */
      double k = MAX (s->width, s->height) * 1.6 + 12 + sr->parallel_rank * 5.0;
      pts = g_new (double, 8);
      pts[0] = s->x;
      pts[1] = s->y;
      pts[2] = s->x + k * cos (-G_PI * 0.44);
      pts[3] = s->y + k * sin (-G_PI * 0.44);
      pts[4] = s->x + k * cos (-G_PI * 0.06);
      pts[5] = s->y + k * sin (-G_PI * 0.06);
      pts[6] = s->x;
      pts[7] = s->y;
      *n_points = 4;
      return pts;
    }

  if (route_usable (r, s, t, &reversed))
    {
      guint n = r->n_route_points;
      pts = g_new (double, 2 * n);
      for (guint i = 0; i < n; i++)
        {
          guint j = reversed ? n - 1 - i : i;
          pts[2 * i] = r->route[2 * j];
          pts[2 * i + 1] = r->route[2 * j + 1];
        }
      /* Start and end at the centres: our shapes may be larger or smaller
       * than the layout's, and clipping finds the borders. */
      pts[0] = s->x;
      pts[1] = s->y;
      pts[2 * n - 2] = t->x;
      pts[2 * n - 1] = t->y;
      *n_points = n;
      return pts;
    }

  double dx = t->x - s->x, dy = t->y - s->y;
  double len = hypot (dx, dy);
  double off = 0;
  pts = g_new (double, 8);
  *n_points = 4;

  if (sr->parallel_rank != 0 && len > 0)
    {
      /* Offset towards one side, the same side whichever way the relation
       * points, so A→B and B→A do not overlap. */
      double sign = s->item.order < t->item.order ? 1.0 : -1.0;
      off = sign * sr->parallel_rank * 0.5 * scene->style->parallel_spacing * 1.33;
    }
  double nx = len > 0 ? -dy / len : 0, ny = len > 0 ? dx / len : 0;

  if (off == 0 && len > 0)
    {
      /* Straight: clip exactly with the shapes' ray exits. */
      double ts = mg_shape_ray_exit (s->shape, s->width, s->height, dx, dy);
      double tt = mg_shape_ray_exit (t->shape, t->width, t->height, -dx, -dy);
      double x0 = s->x + dx * ts, y0 = s->y + dy * ts;
      double x3 = t->x - dx * tt, y3 = t->y - dy * tt;
      if (ts + tt >= 1.0)
        {
          /* Overlapping shapes: join the centres. */
          x0 = s->x, y0 = s->y, x3 = t->x, y3 = t->y;
        }
      pts[0] = x0;
      pts[1] = y0;
      pts[2] = x0 + (x3 - x0) / 3;
      pts[3] = y0 + (y3 - y0) / 3;
      pts[4] = x0 + 2 * (x3 - x0) / 3;
      pts[5] = y0 + 2 * (y3 - y0) / 3;
      pts[6] = x3;
      pts[7] = y3;
      *clipped = TRUE;
      return pts;
    }

  pts[0] = s->x;
  pts[1] = s->y;
  pts[2] = s->x + dx / 3 + nx * off;
  pts[3] = s->y + dy / 3 + ny * off;
  pts[4] = s->x + 2 * dx / 3 + nx * off;
  pts[5] = s->y + 2 * dy / 3 + ny * off;
  pts[6] = t->x;
  pts[7] = t->y;
  return pts;
}

void
mg_scene_relation_compute (MgScene *scene, MgSceneRelation *sr)
{
  MgStyle *style = scene->style;
  MgVocabulary *vocab = mg_map_get_vocabulary (scene->map);
  MgRelation *r = sr->relation;
  guint n = 0;

  mg_scene_relation_clear_geometry (sr);

  sr->kind = r->kind ? mg_vocabulary_ensure_kind (vocab, r->kind) : NULL;
  mg_style_get_kind_look (style, sr->kind, &sr->color, &sr->line);
  sr->width = mg_style_relation_width (style, r);
  sr->provenance = mg_provenance_from_string (r->provenance);
  if (mg_provenance_is_weak (sr->provenance))
    {
      /* What no source states is drawn apart: thinner and lighter. */
      sr->width *= MG_WEAK_RELATION_WIDTH;
      sr->color.alpha *= MG_WEAK_RELATION_ALPHA;
    }
  sr->placed = sr->source->placed && sr->target->placed;
  if (!sr->placed)
    {
      sr->item.bounds = mg_rect_empty ();
      mg_scene_draw_relation_update (scene, sr);
      return;
    }

  gboolean clipped = FALSE;
  double *pts = raw_path (scene, sr, &n, &clipped);

  if (!clipped)
    {
      if (inside_actor (sr->source, pts[0], pts[1]))
        n = clip_start (pts, n, sr->source);
      if (inside_actor (sr->target, pts[2 * n - 2], pts[2 * n - 1]))
        n = clip_end (pts, n, sr->target);
    }

  if (r->directed)
    {
      double len = path_length (pts, n);
      double alen = style->arrow_size + sr->width * 1.2;
      if (len < alen * 1.5)
        alen = len / 1.5;
      if (alen > 0.5)
        {
          double tipx = pts[2 * n - 2], tipy = pts[2 * n - 1], bx, by;
          /* The line stops under the arrowhead, not at its tip, so a thick
           * line does not blunt the point. */
          shorten_end (pts, n, alen * 0.7, &bx, &by);
          double dx = tipx - bx, dy = tipy - by, d = hypot (dx, dy);
          if (d > 0)
            {
              dx /= d;
              dy /= d;
              double basex = tipx - dx * alen, basey = tipy - dy * alen;
              double half = alen * 0.42;
              sr->has_arrow = TRUE;
              sr->arrow[0] = tipx;
              sr->arrow[1] = tipy;
              sr->arrow[2] = basex - dy * half;
              sr->arrow[3] = basey + dx * half;
              sr->arrow[4] = basex + dy * half;
              sr->arrow[5] = basey - dx * half;
            }
        }
    }

  sr->points = pts;
  sr->n_points = n;
  sr->straight = clipped;

  g_autoptr (GArray) flat = g_array_new (FALSE, FALSE, sizeof (double));
  mg_bezier_flatten (pts, n, 0.5, flat);
  if (sr->has_arrow)
    g_array_append_vals (flat, sr->arrow, 2);
  sr->n_flat = flat->len / 2;
  sr->flat = (double *) g_array_free (g_steal_pointer (&flat), FALSE);

  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, pts[2 * i]);
      x1 = MAX (x1, pts[2 * i]);
      y0 = MIN (y0, pts[2 * i + 1]);
      y1 = MAX (y1, pts[2 * i + 1]);
    }
  if (sr->has_arrow)
    for (int i = 0; i < 3; i++)
      {
        x0 = MIN (x0, sr->arrow[2 * i]);
        x1 = MAX (x1, sr->arrow[2 * i]);
        y0 = MIN (y0, sr->arrow[2 * i + 1]);
        y1 = MAX (y1, sr->arrow[2 * i + 1]);
      }
  double pad = sr->width / 2 + 1 + (sr->n_marks > 0 ? style->ring_width * 1.5 : 0);
  sr->item.bounds = (MgRect) { x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad };
  sr->index_pad = pad;
  mg_scene_draw_relation_update (scene, sr);
}
