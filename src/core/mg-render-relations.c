/* mg-render-relations.c — drawing relations: cairo strokes batched by
 * look, or hairlines straight into the pixels on big maps. */
#include "config.h"

#include <string.h>

#include "mg-render-private.h"

typedef struct {
  MgColor     color;
  MgLineStyle line;
  double      width;
  double      opacity;
  GPtrArray  *items;
  gboolean    rastered;
  gboolean    has_curves; /* after raster_wide_relations() */
} Batch;

/* What makes a batch, zero-filled so that it hashes as bytes. */
typedef struct {
  MgColor     color;
  MgLineStyle line;
  double      width;
  double      opacity;
} BatchKey;

static guint
batch_key_hash (gconstpointer p)
{
  const guchar *b = p;
  guint h = 2166136261u;

  for (gsize i = 0; i < sizeof (BatchKey); i++)
    h = (h ^ b[i]) * 16777619u;
  return h;
}

static gboolean
batch_key_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (a, b, sizeof (BatchKey)) == 0;
}

#define MG_BATCH_HASH_MIN 16

/* Batches are looked up by their look: maps with weighted relations have
 * hundreds of widths, too many to search one by one for every relation. */
static Batch *
find_batch (GArray *batches, GHashTable *index, const MgSceneRelation *sr, const MgColor *color,
            double width, double opacity)
{
  BatchKey key;

  /* A few looks (the usual case): searched in turn, cheaper than hashing. */
  if (batches->len < MG_BATCH_HASH_MIN)
    {
      for (guint i = batches->len; i-- > 0;)
        {
          Batch *b = &g_array_index (batches, Batch, i);
          if (b->line == sr->line && b->width == width && b->opacity == opacity &&
              memcmp (&b->color, color, sizeof (MgColor)) == 0)
            return b;
        }
    }
  else if (g_hash_table_size (index) == 0)
    {
      /* Past a few: every batch so far into the index. */
      for (guint i = 0; i < batches->len; i++)
        {
          const Batch *b = &g_array_index (batches, Batch, i);
          memset (&key, 0, sizeof key);
          key.color = b->color;
          key.line = b->line;
          key.width = b->width;
          key.opacity = b->opacity;
          g_hash_table_insert (index, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (i + 1));
        }
    }

  memset (&key, 0, sizeof key);
  key.color = *color;
  key.line = sr->line;
  key.width = width;
  key.opacity = opacity;
  gpointer found = batches->len < MG_BATCH_HASH_MIN ? NULL : g_hash_table_lookup (index, &key);
  if (found != NULL)
    return &g_array_index (batches, Batch, GPOINTER_TO_UINT (found) - 1);

  Batch nb = { *color, sr->line, width, opacity, g_ptr_array_new (), FALSE, FALSE };
  g_array_append_val (batches, nb);
  if (g_hash_table_size (index) > 0)
    g_hash_table_insert (index, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (batches->len));
  return &g_array_index (batches, Batch, batches->len - 1);
}

/* Liang–Barsky: the part of segment (x0,y0)–(x1,y1) inside @r, as
 * parameters *t0 ≤ *t1; FALSE when none. */
static gboolean
clip_segment (double x0, double y0, double x1, double y1, const MgRect *r, double *t0, double *t1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };

  *t0 = 0;
  *t1 = 1;
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
        *t0 = MAX (*t0, t);
      else
        *t1 = MIN (*t1, t);
      if (*t0 > *t1)
        return FALSE;
    }
  return TRUE;
}

/* Adds @sr's path to the current path.  Only what the view shows: a long
 * relation crossing the view is cut to it (a dashed one would otherwise
 * cost one dash per period over its whole length).  @period is the dash
 * period (0 when solid): the cut starts on a whole period so dashes do not
 * crawl while panning. */
static void
relation_path (Frame *f, const MgSceneRelation *sr, double period)
{
  const double *p = sr->points;
  const MgRect *v = &f->clip;

  if (sr->straight)
    {
      double t0, t1, x0 = p[0], y0 = p[1], x1 = p[6], y1 = p[7];
      if (!clip_segment (x0, y0, x1, y1, v, &t0, &t1))
        return;
      if (period > 0 && t0 > 0)
        {
          double len = hypot (x1 - x0, y1 - y0);
          t0 = floor (t0 * len / period) * period / len;
        }
      cairo_move_to (f->cr, x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0);
      cairo_line_to (f->cr, x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1);
      return;
    }

  gboolean pen_down = FALSE;
  for (guint i = 0; i + 3 < sr->n_points; i += 3)
    {
      const double *c = p + 2 * i;
      double minx = MIN (MIN (c[0], c[2]), MIN (c[4], c[6]));
      double maxx = MAX (MAX (c[0], c[2]), MAX (c[4], c[6]));
      double miny = MIN (MIN (c[1], c[3]), MIN (c[5], c[7]));
      double maxy = MAX (MAX (c[1], c[3]), MAX (c[5], c[7]));
      MgRect box = { minx, miny, maxx - minx, maxy - miny };
      if (!mg_rect_intersects (&box, v))
        {
          pen_down = FALSE;
          continue;
        }
      if (!pen_down)
        cairo_move_to (f->cr, c[0], c[1]);
      cairo_curve_to (f->cr, c[2], c[3], c[4], c[5], c[6], c[7]);
      pen_down = TRUE;
    }
}

double
mg_render_dash_period (Frame *f, MgLineStyle line, double width)
{
  double dashes[4], period = 0;
  guint n = mg_style_get_dashes (line, width, dashes);

  for (guint i = 0; i < n; i++)
    period += dashes[i];
  if (n == 0 || (f->opt->level_of_detail && period * f->px < 4))
    return 0;
  return period;
}

void
mg_render_set_dashes (Frame *f, MgLineStyle line, double width)
{
  double dashes[4];
  guint n = mg_style_get_dashes (line, width, dashes);
  double period = 0;

  for (guint i = 0; i < n; i++)
    period += dashes[i];
  /* Dashes finer than a few pixels read as a grey line and cost a lot. */
  if (n == 0 || (f->opt->level_of_detail && period * f->px < 4))
    cairo_set_dash (f->cr, NULL, 0, 0);
  else
    cairo_set_dash (f->cr, dashes, (int) n, 0);
}

/* Halo bands of one look.  Batching them orders the bands (widest first,
 * over all relations) and sets each look once. */
typedef struct {
  double     width;
  MgLesson   lesson;
  gboolean   derived;
  double     opacity;
  GPtrArray *items; /* MgSceneRelation* */
} HaloBatch;

static int
compare_halo_batches (gconstpointer a, gconstpointer b)
{
  const HaloBatch *x = a, *y = b;

  /* Widest first: a relation's outer bands go under its inner ones. */
  return x->width < y->width ? 1 : x->width > y->width ? -1 : (int) x->lesson - (int) y->lesson;
}

static void
stroke_halo_batch (Frame *f, const HaloBatch *b, const double halo_dashes[2])
{
  cairo_t *cr = f->cr;
  MgColor c = mg_lens_halo_color (f->style, b->lesson, FALSE);
  double period = b->derived ? halo_dashes[0] + halo_dashes[1] : 0;

  /* Dashes too fine to see: the pale band alone. */
  if (b->derived && f->opt->level_of_detail && period * f->px < 4)
    period = 0;
  cairo_set_line_width (cr, b->width);
  /* One stroke per relation: cairo strokes a path of many overlapping
   * wide lines much more slowly than the lines one by one. */
  for (guint i = 0; i < b->items->len; i++)
    {
      cairo_new_path (cr);
      relation_path (f, g_ptr_array_index (b->items, i), period);
      cairo_set_dash (cr, NULL, 0, 0);
      if (b->derived)
        {
          MgColor pale = mg_lens_halo_color (f->style, b->lesson, TRUE);
          set_color (cr, &pale, b->opacity);
          if (period > 0)
            {
              cairo_stroke_preserve (cr);
              cairo_set_dash (cr, halo_dashes, 2, 0);
            }
        }
      if (!b->derived || period > 0)
        set_color (cr, &c, b->opacity);
      cairo_stroke (cr);
    }
}

/* Highlights (emphasis) and lesson halos, under every line.  Halo bands
 * are opaque tints drawn outermost first, so that each lesson shows as a
 * clean band (see mg-render-lens.h). */
static void
draw_relation_halos (Frame *f, gboolean marks)
{
  cairo_t *cr = f->cr;
  double halo_dashes[2];
  g_autoptr (GHashTable) index = NULL;
  g_autoptr (GArray) batches = NULL;
  g_autoptr (GPtrArray) emphasised = NULL;

  for (guint i = 0; i < f->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (f->relations, i);
      double op;

      if (!sr->item.highlight && (sr->n_marks == 0 || !marks))
        continue;
      op = opacity_of (f, &sr->item);
      if (sr->item.highlight)
        {
          if (emphasised == NULL)
            emphasised = g_ptr_array_new ();
          g_ptr_array_add (emphasised, sr);
        }
      if (batches == NULL)
        {
          index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          batches = g_array_new (FALSE, FALSE, sizeof (HaloBatch));
        }
      for (guint k = 0; marks && k < sr->n_marks; k++)
        {
          const MgLessonMark *m = &sr->marks[k];
          /* A few pixels at least, each band apart from the next; widths
           * kept to a hundredth of a unit so that batches stay few. */
          double width = device_floor (f, sr->width + 2 * mg_lens_halo_extent (f->style, k, sr->n_marks),
                                       4.0 + 3.0 * k);
          gint64 w100 = (gint64) lround (width * 100);
          gint64 key = (w100 << 4) | (m->lesson << 2) | (m->derived << 1) | (op < 1);
          gpointer found = g_hash_table_lookup (index, &key);
          HaloBatch *b;

          if (found == NULL)
            {
              HaloBatch nb = { w100 / 100.0, m->lesson, m->derived, op, g_ptr_array_new () };
              g_array_append_val (batches, nb);
              /* The table owns a copy of the key. */
              gint64 *stored = g_new (gint64, 1);
              *stored = key;
              g_hash_table_insert (index, stored, GUINT_TO_POINTER (batches->len));
              b = &g_array_index (batches, HaloBatch, batches->len - 1);
            }
          else
            b = &g_array_index (batches, HaloBatch, GPOINTER_TO_UINT (found) - 1);
          g_ptr_array_add (b->items, sr);
        }
    }
  if (batches != NULL)
    {
      g_array_sort (batches, compare_halo_batches);
      mg_lens_halo_dashes (f->style, halo_dashes);
      for (guint i = 0; i < batches->len; i++)
        {
          HaloBatch *b = &g_array_index (batches, HaloBatch, i);
          stroke_halo_batch (f, b, halo_dashes);
          g_ptr_array_unref (b->items);
        }
    }
  /* Emphasis (the pointer over it) over the halos, so that it shows. */
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; emphasised && i < emphasised->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (emphasised, i);
      cairo_new_path (cr);
      relation_path (f, sr, 0);
      set_color (cr, &f->style->highlight_color, 0.55 * opacity_of (f, &sr->item));
      cairo_set_line_width (cr, sr->width + 5);
      cairo_stroke (cr);
    }
}

/* Hairlines straight into the pixels (see mg-render-raster.h). */
static void
raster_relations (Frame *f, const Batch *b, double width_px)
{
  double dashes[4], dashes_px[4];
  guint n = mg_render_dash_period (f, b->line, b->width) > 0 ? mg_style_get_dashes (b->line, b->width, dashes) : 0;
  guint32 color = mg_raster_color (b->color.red, b->color.green, b->color.blue,
                                   b->color.alpha * b->opacity);

  for (guint i = 0; i < n; i++)
    dashes_px[i] = dashes[i] * f->px;
  for (guint k = 0; k < b->items->len; k++)
    {
      const MgSceneRelation *sr = g_ptr_array_index (b->items, k);
      /* Relations lie scattered in memory: ask for the next ones' points
       * while this one is drawn. */
      if (k + 4 < b->items->len)
        __builtin_prefetch (g_ptr_array_index (b->items, k + 4));
      if (k + 2 < b->items->len)
        __builtin_prefetch (((const MgSceneRelation *) g_ptr_array_index (b->items, k + 2))->points);
      if (sr->straight)
        {
          mg_raster_line (&f->raster, sr->points[0], sr->points[1], sr->points[6], sr->points[7],
                          color, width_px, n ? dashes_px : NULL, n, 0);
          continue;
        }
      /* The flattened path (its last point is the arrow tip, not drawn). */
      guint m = sr->has_arrow ? sr->n_flat - 1 : sr->n_flat;
      double travelled = 0;
      for (guint i = 0; i + 1 < m; i++)
        {
          const double *q = sr->flat + 2 * i;
          mg_raster_line (&f->raster, q[0], q[1], q[2], q[3], color, width_px,
                          n ? dashes_px : NULL, n, travelled);
          travelled += hypot (q[2] - q[0], q[3] - q[1]) * f->px;
        }
    }
}

/* Straight relations wider than hairlines, straight into the pixels
 * (see mg_raster_wide_line()); notes in b->has_curves whether some are
 * left for cairo. */
static void
raster_wide_relations (Frame *f, Batch *b, double period)
{
  double dashes[4], dashes_px[4];
  guint n = period > 0 ? mg_style_get_dashes (b->line, b->width, dashes) : 0;
  guint32 color = mg_raster_color (b->color.red, b->color.green, b->color.blue,
                                   b->color.alpha * b->opacity);
  double width_px = b->width * f->px;

  for (guint i = 0; i < n; i++)
    dashes_px[i] = dashes[i] * f->px;
  cairo_surface_flush (cairo_get_target (f->cr));
  b->has_curves = FALSE;
  for (guint k = 0; k < b->items->len; k++)
    {
      const MgSceneRelation *sr = g_ptr_array_index (b->items, k);
      if (!sr->straight)
        {
          b->has_curves = TRUE;
          continue;
        }
      mg_raster_wide_line (&f->raster, sr->points[0], sr->points[1], sr->points[6], sr->points[7],
                           color, width_px, n ? dashes_px : NULL, n, 0);
    }
  mg_raster_flush (&f->raster);
}

static void
draw_arrows (Frame *f, const Batch *b)
{
  cairo_t *cr = f->cr;
  gboolean any = FALSE;

  /* Arrowheads of a dozen pixels or less: straight into the pixels. */
  if (f->has_raster && f->style->arrow_size * f->px <= 12)
    {
      guint32 color = mg_raster_color (b->color.red, b->color.green, b->color.blue,
                                       b->color.alpha * b->opacity);
      cairo_surface_flush (cairo_get_target (cr));
      for (guint k = 0; k < b->items->len; k++)
        {
          MgSceneRelation *sr = g_ptr_array_index (b->items, k);
          if (sr->has_arrow && mg_rect_contains_point (&f->clip, sr->arrow[0], sr->arrow[1]))
            mg_raster_triangle (&f->raster, sr->arrow, color);
        }
      mg_raster_flush (&f->raster);
      return;
    }

  cairo_new_path (cr);
  for (guint k = 0; k < b->items->len; k++)
    {
      MgSceneRelation *sr = g_ptr_array_index (b->items, k);
      if (!sr->has_arrow || !mg_rect_contains_point (&f->clip, sr->arrow[0], sr->arrow[1]))
        continue;
      cairo_move_to (cr, sr->arrow[0], sr->arrow[1]);
      cairo_line_to (cr, sr->arrow[2], sr->arrow[3]);
      cairo_line_to (cr, sr->arrow[4], sr->arrow[5]);
      cairo_close_path (cr);
      any = TRUE;
    }
  if (any)
    {
      set_color (cr, &b->color, b->opacity);
      cairo_fill (cr);
    }
}

/* Whole-map frames of big maps under a lens: matched relations again, on
 * top, in their (first) lesson's colour — halos would be a pixel or two —
 * and the emphasised ones with cairo. */
static void
raster_decorated_relations (Frame *f)
{
  MgScene *scene = f->scene;
  const MgRect *v = &f->clip;
  g_autoptr (GPtrArray) emphasised = g_ptr_array_new ();

  cairo_surface_flush (cairo_get_target (f->cr));
  for (guint i = 0; i < scene->draw_relations->len; i++)
    {
      const MgDrawRelation *e = &g_array_index (scene->draw_relations, MgDrawRelation, i);
      MgSceneRelation *sr = e->sr;
      if ((e->flags & (MG_DRAW_PLACED | MG_DRAW_HIDDEN | MG_DRAW_DECORATED)) !=
          (MG_DRAW_PLACED | MG_DRAW_DECORATED))
        continue;
      if (!mg_rect_intersects (&sr->item.bounds, v))
        continue;
      if (sr->item.highlight)
        {
          g_ptr_array_add (emphasised, sr);
          continue;
        }
      if (!mg_lens_item_matched (&sr->item, sr->n_marks))
        continue;
      MgColor c = mg_lens_color (sr->marks[0].lesson);
      guint32 argb = mg_raster_color (c.red, c.green, c.blue, 1.0);
      double width = MAX (mg_lens_relation_width (f->style, sr) * f->px, 1.0);
      guint m = sr->has_arrow ? sr->n_flat - 1 : sr->n_flat;
      for (guint k = 0; k + 1 < m; k++)
        {
          const double *q = sr->flat + 2 * k;
          mg_raster_line (&f->raster, q[0], q[1], q[2], q[3], argb, width, NULL, 0, 0);
        }
    }
  mg_raster_flush (&f->raster);

  for (guint i = 0; i < emphasised->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (emphasised, i);
      double op = opacity_of (f, &sr->item);
      cairo_new_path (f->cr);
      relation_path (f, sr, 0);
      set_color (f->cr, &f->style->highlight_color, 0.55 * op);
      cairo_set_line_width (f->cr, sr->width + 5);
      cairo_stroke_preserve (f->cr);
      set_color (f->cr, &sr->color, op);
      cairo_set_line_width (f->cr, device_floor (f, sr->width, 0.5));
      cairo_stroke (f->cr);
    }
}

static void
raster_relation_list (Frame *f)
{
  MgScene *scene = f->scene;
  GArray *styles = scene->draw_styles;
  g_autofree double *dashes = g_new0 (double, 4 * MAX (styles->len, 1u));
  g_autofree guint *n_dashes = g_new0 (guint, MAX (styles->len, 1u));
  g_autofree double *widths = g_new0 (double, MAX (styles->len, 1u));
  const MgRect *v = &f->clip;
  float vx0 = (float) v->x, vy0 = (float) v->y;
  float vx1 = (float) (v->x + v->width), vy1 = (float) (v->y + v->height);

  for (guint i = 0; i < styles->len; i++)
    {
      const MgDrawStyle *st = &g_array_index (styles, MgDrawStyle, i);
      widths[i] = st->width * f->px;
      if (mg_render_dash_period (f, st->line, st->width) > 0)
        {
          n_dashes[i] = mg_style_get_dashes (st->line, st->width, dashes + 4 * i);
          for (guint k = 0; k < n_dashes[i]; k++)
            dashes[4 * i + k] *= f->px;
        }
    }

  cairo_surface_flush (cairo_get_target (f->cr));
  for (guint i = 0; i < scene->draw_relations->len; i++)
    {
      const MgDrawRelation *e = &g_array_index (scene->draw_relations, MgDrawRelation, i);
      if ((e->flags & (MG_DRAW_PLACED | MG_DRAW_HIDDEN)) != MG_DRAW_PLACED)
        continue;
      if (MAX (e->x0, e->x1) < vx0 || MIN (e->x0, e->x1) > vx1 || MAX (e->y0, e->y1) < vy0 ||
          MIN (e->y0, e->y1) > vy1)
        continue;
      guint32 argb = (e->flags & MG_DRAW_FADED) ? faded (e->argb, f->style->fade_opacity) : e->argb;
      guint st = e->style;
      const double *d = n_dashes[st] ? dashes + 4 * st : NULL;
      if (e->flags & MG_DRAW_STRAIGHT)
        {
          mg_raster_line (&f->raster, e->x0, e->y0, e->x1, e->y1, argb, widths[st], d,
                          n_dashes[st], 0);
          continue;
        }
      const MgSceneRelation *sr = e->sr;
      guint m = sr->has_arrow ? sr->n_flat - 1 : sr->n_flat;
      double travelled = 0;
      for (guint k = 0; k + 1 < m; k++)
        {
          const double *q = sr->flat + 2 * k;
          mg_raster_line (&f->raster, q[0], q[1], q[2], q[3], argb, widths[st], d, n_dashes[st],
                          travelled);
          travelled += hypot (q[2] - q[0], q[3] - q[1]) * f->px;
        }
    }
  mg_raster_flush (&f->raster);
  if (scene->n_decorated > 0)
    raster_decorated_relations (f);
}

void
mg_render_draw_relations (Frame *f)
{
  cairo_t *cr = f->cr;
  g_autoptr (GArray) batches = g_array_new (FALSE, FALSE, sizeof (Batch));
  g_autoptr (GHashTable) index = g_hash_table_new_full (batch_key_hash, batch_key_equal, g_free, NULL);
  gboolean arrows = !f->opt->level_of_detail ||
                    f->style->arrow_size * f->px >= f->opt->min_arrow_px;

  if (f->list_relations)
    {
      raster_relation_list (f);
      return;
    }
  /* Zoomed out on a big map, halos would be thousands of cairo strokes a
   * few pixels wide: the matched relations take their lesson's colour
   * instead, and go into the pixels with the others. */
  gboolean lens_lines = f->has_raster &&
                        (f->style->relation_width + 2 * f->style->halo_width) * f->px < 4.0;
  draw_relation_halos (f, !lens_lines);

  /* Matched relations in a second pass: their batches come last, on top,
   * opaque and a little wider. */
  gboolean any_matched = FALSE;
  for (guint i = 0; i < f->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (f->relations, i);
      if (i + 4 < f->relations->len)
        __builtin_prefetch (g_ptr_array_index (f->relations, i + 4));
      if (mg_lens_item_matched (&sr->item, sr->n_marks))
        {
          any_matched = TRUE;
          continue;
        }
      Batch *b = find_batch (batches, index, sr, &sr->color, sr->width, opacity_of (f, &sr->item));
      g_ptr_array_add (b->items, sr);
    }
  for (guint i = 0; any_matched && i < f->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (f->relations, i);
      if (!mg_lens_item_matched (&sr->item, sr->n_marks))
        continue;
      MgColor c = lens_lines ? mg_lens_color (sr->marks[0].lesson) : sr->color;
      c.alpha = mg_provenance_is_weak (sr->provenance) ? MG_WEAK_RELATION_ALPHA : 1.0;
      Batch *b = find_batch (batches, index, sr, &c, mg_lens_relation_width (f->style, sr), 1.0);
      g_ptr_array_add (b->items, sr);
    }

  /* Thin lines first, all batches, straight into the pixels… */
  if (f->has_raster)
    {
      cairo_surface_flush (cairo_get_target (cr));
      for (guint i = 0; i < batches->len; i++)
        {
          Batch *b = &g_array_index (batches, Batch, i);
          double width_px = b->width * f->px;
          if (width_px <= MG_RASTER_MAX_LINE_PX)
            {
              raster_relations (f, b, width_px);
              b->rastered = TRUE;
            }
        }
      mg_raster_flush (&f->raster);
    }

  /* …then the others: straight ones into the pixels too while they are
   * not too wide (a big map at print resolution: cairo would take seconds),
   * curves with cairo, one stroke each (cairo strokes a path of many
   * overlapping lines much more slowly than the lines one by one). */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < batches->len; i++)
    {
      Batch *b = &g_array_index (batches, Batch, i);
      if (b->rastered)
        continue;
      double period = mg_render_dash_period (f, b->line, b->width);
      gboolean wide = f->has_raster && !f->raster.scratch &&
                      b->width * f->px <= MG_RASTER_MAX_WIDE_PX;
      gboolean curves = FALSE;
      if (wide)
        {
          raster_wide_relations (f, b, period);
          curves = b->has_curves;
        }
      if (wide && !curves)
        continue;
      set_color (cr, &b->color, b->opacity);
      cairo_set_line_width (cr, device_floor (f, b->width, 0.5));
      mg_render_set_dashes (f, b->line, b->width);
      for (guint k = 0; k < b->items->len; k++)
        {
          const MgSceneRelation *sr = g_ptr_array_index (b->items, k);
          if (wide && sr->straight)
            continue;
          cairo_new_path (cr);
          relation_path (f, sr, period);
          cairo_stroke (cr);
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);

  if (arrows)
    for (guint i = 0; i < batches->len; i++)
      draw_arrows (f, &g_array_index (batches, Batch, i));

  for (guint i = 0; i < batches->len; i++)
    g_ptr_array_unref (g_array_index (batches, Batch, i).items);
}
