/* mg-scene-labels.c — wrapping, measuring and placing actor labels.
 *
 * Labels are wrapped by Pango to a few lines of about twenty characters,
 * the rest ellipsized, so a long institution name stays a compact block.
 * Placement is greedy by priority (degree, then shorter label, then map
 * order): each label tries below, above, right and left of its shape (or
 * inside, when the style allows and it fits), and takes the first spot that
 * covers neither another label nor another actor.  When every spot covers
 * some actor, the one covering least is taken if that is under a fifth of
 * the label; a label never covers another label: without a spot it is
 * dropped and only shown in the tooltip / SVG <title>.
 *
 * Seen from further away, labels keep a readable size: each is inflated
 * about its anchor on the shape, and only those that still clear each
 * other are drawn, by priority (see mg_scene_set_label_priority()).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "mg-scene-private.h"

/* Labels kept shaped at once: enough for a screenful, bounded for big maps. */
#define MG_LAYOUT_CACHE_SIZE 4096

/* How much of a label may lie over other actors' shapes, as a fraction of
 * its area, when no spot is clear. */
#define MG_LABEL_MAX_OVERLAP 0.2

void
mg_scene_actor_clear_label (MgSceneActor *sa)
{
  g_clear_pointer (&sa->full_label, g_free);
  g_clear_pointer (&sa->label_lines, g_strfreev);
  g_clear_pointer (&sa->baselines, g_free);
  g_clear_pointer (&sa->line_rects, g_free);
  sa->n_label_lines = 0;
  sa->text_width = sa->text_height = 0;
}

static void
rstrip (GString *s)
{
  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
}

static double
measure_width (PangoLayout *layout, const char *text)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* The geometry of the @n lines of @layout as they would be laid out on
 * their own, centred (see mg_scene_wrap_text_full()); FALSE, with nothing
 * set, when a line is not left to right or not broken at a space. */
static gboolean
geometry_from_wrapped (PangoLayout *layout, int n, double *width, double *height,
                       double **baselines, MgRect **line_rects)
{
  g_autofree PangoRectangle *rects = g_new (PangoRectangle, n);
  g_autofree int *base = g_new (int, n);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;
  int i = 0, widest = 0;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      /* Only lines broken at a space: broken inside a word, Pango draws
       * a hyphen the line's text does not have. */
      gboolean at_space = i + 1 >= n || (line->length > 0 &&
                                         pango_layout_get_text (layout)[line->start_index + line->length - 1] == ' ');
      if (i >= n || line->resolved_dir != PANGO_DIRECTION_LTR || !at_space)
        {
          pango_layout_iter_free (iter);
          return FALSE;
        }
      pango_layout_iter_get_line_extents (iter, NULL, &rects[i]);
      base[i] = pango_layout_iter_get_baseline (iter);
      widest = MAX (widest, rects[i].width);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (i != n)
    return FALSE;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = widest / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
  if (baselines)
    {
      *baselines = g_new (double, n);
      for (i = 0; i < n; i++)
        (*baselines)[i] = base[i] / (double) PANGO_SCALE;
    }
  if (line_rects)
    {
      *line_rects = g_new (MgRect, n);
      for (i = 0; i < n; i++)
        {
          /* As Pango centres a line (pango-layout.c, get_x_offset). */
          int x = (widest - rects[i].width) / 2;
          if (((widest | rects[i].width) & (PANGO_SCALE - 1)) == 0)
            x = PANGO_UNITS_ROUND (x);
          (*line_rects)[i] = (MgRect) { x / (double) PANGO_SCALE, rects[i].y / (double) PANGO_SCALE,
                                        rects[i].width / (double) PANGO_SCALE,
                                        rects[i].height / (double) PANGO_SCALE };
        }
    }
  return TRUE;
}

char **
mg_scene_wrap_text (MgScene *scene, const PangoFontDescription *font, const char *text,
                    double max_width, guint max_lines, double *width, double *height,
                    double **baselines)
{
  return mg_scene_wrap_text_full (scene, font, text, max_width, max_lines, width, height,
                                  baselines, NULL);
}

char **
mg_scene_wrap_text_full (MgScene *scene, const PangoFontDescription *font, const char *text,
                         double max_width, guint max_lines, double *width, double *height,
                         double **baselines, MgRect **line_rects)
{
  PangoLayout *layout = scene->measure;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  int n_lines;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text, -1);
  n_lines = pango_layout_get_line_count (layout);

  int keep = (max_lines > 0 && (guint) n_lines > max_lines) ? (int) max_lines : n_lines;
  int rest_start = -1;
  for (int i = 0; i < keep; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      GString *s = g_string_new_len (text + line->start_index, line->length);
      g_strdelimit (s->str, "\r\n\t", ' ');
      rstrip (s);
      if (i == keep - 1 && keep < n_lines)
        rest_start = line->start_index;
      g_ptr_array_add (lines, g_string_free (s, FALSE));
    }

  if (rest_start >= 0)
    {
      /* Ellipsize the last kept line: drop characters until "line…" fits. */
      GString *s = g_string_new (g_ptr_array_index (lines, keep - 1));
      for (;;)
        {
          g_autofree char *candidate = g_strconcat (s->str, "…", NULL);
          if (s->len == 0 || measure_width (layout, candidate) <= max_width)
            break;
          const char *prev = g_utf8_find_prev_char (s->str, s->str + s->len);
          g_string_truncate (s, prev ? (gsize) (prev - s->str) : 0);
          rstrip (s);
          while (s->len > 0 && strchr (",;:-–(", s->str[s->len - 1]) != NULL)
            {
              g_string_truncate (s, s->len - 1);
              rstrip (s);
            }
        }
      g_string_append (s, "…");
      g_free (g_ptr_array_index (lines, keep - 1));
      g_ptr_array_index (lines, keep - 1) = g_string_free (s, FALSE);
    }

  /* Drop empty lines (blank lines in a file's label). */
  for (guint i = lines->len; i-- > 0;)
    if (((char *) g_ptr_array_index (lines, i))[0] == '\0')
      g_ptr_array_remove_index (lines, i);

  /* Wrapped as it is — no line cut short or dropped, no control
   * characters, left to right —: the layout that wrapped the label
   * measures its lines too (a wrapped line's closing space has no width),
   * so the lines need no second layout of their own, centred as Pango
   * centres them.  Most multi-line labels; a second layout was a third of
   * building a scene. */
  if (n_lines > 1 && rest_start < 0 && lines->len == (guint) n_lines &&
      strpbrk (text, "\r\n\t") == NULL && geometry_from_wrapped (layout, n_lines, width, height,
                                                                    baselines, line_rects))
    {
      g_ptr_array_add (lines, NULL);
      return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
    }

  /* Most labels fit on one line as they are: the layout that wrapped
   * them measures them too (one Pango layout instead of two, the larger
   * part of building a scene). */
  if (n_lines == 1 && lines->len == 1 && strcmp (g_ptr_array_index (lines, 0), text) == 0)
    {
      PangoRectangle logical;
      pango_layout_get_extents (layout, NULL, &logical);
      *width = logical.width / (double) PANGO_SCALE;
      *height = logical.height / (double) PANGO_SCALE;
      if (baselines)
        {
          *baselines = g_new (double, 1);
          (*baselines)[0] = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
        }
      if (line_rects)
        {
          *line_rects = g_new (MgRect, 1);
          (*line_rects)[0] = (MgRect) { logical.x / (double) PANGO_SCALE,
                                        logical.y / (double) PANGO_SCALE, *width, *height };
        }
      g_ptr_array_add (lines, NULL);
      return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
    }

  g_ptr_array_add (lines, NULL);
  char **result = (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
  guint n = g_strv_length (result);

  if (n == 0)
    {
      *width = *height = 0;
      if (baselines)
        *baselines = NULL;
      if (line_rects)
        *line_rects = NULL;
      return result;
    }

  g_autofree char *joined = g_strjoinv ("\n", result);
  PangoRectangle logical;
  pango_layout_set_width (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, joined, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;

  if (baselines || line_rects)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      guint i = 0;
      if (baselines)
        *baselines = g_new0 (double, n);
      if (line_rects)
        *line_rects = g_new0 (MgRect, n);
      do
        {
          if (i < n && baselines)
            (*baselines)[i] = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
          if (i < n && line_rects)
            {
              PangoRectangle line;
              pango_layout_iter_get_line_extents (iter, NULL, &line);
              (*line_rects)[i] = (MgRect) { line.x / (double) PANGO_SCALE,
                                            line.y / (double) PANGO_SCALE,
                                            line.width / (double) PANGO_SCALE,
                                            line.height / (double) PANGO_SCALE };
            }
          i++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return result;
}

guint
mg_scene_actor_label_boxes (const MgSceneActor *sa, double pad, MgRect *boxes)
{
  const MgRect *r = &sa->label_rect;
  guint n = sa->n_label_lines;

  if (n == 0)
    return 0;
  if (sa->line_rects == NULL)
    {
      boxes[0] = *r;
      return 1;
    }
  for (guint i = 0; i < n; i++)
    {
      const MgRect *line = &sa->line_rects[i];
      double top = i == 0 ? r->y : r->y + pad + line->y - 0.5;
      double bottom = i == n - 1 ? r->y + r->height : r->y + pad + line->y + line->height + 0.5;

      boxes[i] = (MgRect) { r->x + line->x, top, line->width + 2 * pad, bottom - top };
    }
  return n;
}

/* A label's lines and size depend only on its text, the font, the wrap
 * width and the line limit: the scene keeps them, so that rebuilding it
 * (after a layout, a filter, a style change that keeps the font) does
 * not shape every label again, the larger part of building a scene. */
typedef struct {
  char   **lines;
  guint    n_lines;
  double   width, height;
  double  *baselines;
  MgRect  *line_rects;
} Wrapped;

static void
wrapped_free (gpointer data)
{
  Wrapped *w = data;

  g_strfreev (w->lines);
  g_free (w->baselines);
  g_free (w->line_rects);
  g_free (w);
}

void
mg_scene_check_wrap_cache (MgScene *scene)
{
  g_autofree char *font = pango_font_description_to_string (scene->label_font);
  char width[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *key = g_strdup_printf ("%s|%s|%u", font,
                                          g_ascii_dtostr (width, sizeof width,
                                                          scene->label_wrap_width),
                                          scene->style->label_max_lines);

  if (scene->wrap_cache == NULL || g_strcmp0 (key, scene->wrap_cache_key) != 0 ||
      g_hash_table_size (scene->wrap_cache) > 2 * scene->actors->len + 1024)
    {
      /* Another font or width, or many labels that are gone. */
      g_clear_pointer (&scene->wrap_cache, g_hash_table_unref);
      scene->wrap_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wrapped_free);
      g_free (scene->wrap_cache_key);
      scene->wrap_cache_key = g_steal_pointer (&key);
    }
}

static const Wrapped *
wrap_label (MgScene *scene, const char *text)
{
  Wrapped *w;

  if (scene->wrap_cache == NULL)
    mg_scene_check_wrap_cache (scene);
  w = g_hash_table_lookup (scene->wrap_cache, text);
  if (w == NULL)
    {
      w = g_new0 (Wrapped, 1);
      w->lines = mg_scene_wrap_text_full (scene, scene->label_font, text,
                                          scene->label_wrap_width, scene->style->label_max_lines,
                                          &w->width, &w->height, &w->baselines, &w->line_rects);
      w->n_lines = g_strv_length (w->lines);
      g_hash_table_insert (scene->wrap_cache, g_strdup (text), w);
    }
  return w;
}

void
mg_scene_layout_label (MgScene *scene, MgSceneActor *sa)
{
  const char *text = mg_actor_get_display_label (sa->actor);

  mg_scene_actor_clear_label (sa);
  mg_scene_actor_drop_cache (scene, sa);

  sa->full_label = g_strdup (text ? text : "");
  if (sa->full_label[0] == '\0')
    {
      sa->label_lines = g_new0 (char *, 1);
      return;
    }
  const Wrapped *w = wrap_label (scene, sa->full_label);
  sa->label_lines = g_strdupv (w->lines);
  sa->n_label_lines = g_strv_length (sa->label_lines);
  sa->text_width = w->width;
  sa->text_height = w->height;
  sa->baselines = w->n_lines > 0 ? g_memdup2 (w->baselines, w->n_lines * sizeof (double)) : NULL;
  sa->line_rects = w->n_lines > 0 ? g_memdup2 (w->line_rects, w->n_lines * sizeof (MgRect)) : NULL;
}

static void
glyphs_free (MgLabelGlyphs *g)
{
  if (g == NULL)
    return;
  for (guint i = 0; i < g->n_runs; i++)
    {
      cairo_scaled_font_destroy (g->runs[i].font);
      g_free (g->runs[i].glyphs);
    }
  g_free (g->runs);
  g_free (g);
}

void
mg_scene_actor_drop_cache (MgScene *scene, MgSceneActor *sa)
{
  if (sa->cache_link != NULL)
    {
      g_queue_delete_link (&scene->layout_cache, sa->cache_link);
      sa->cache_link = NULL;
    }
  g_clear_object (&sa->layout);
  g_clear_pointer ((MgLabelGlyphs **) &sa->glyphs, glyphs_free);
}

/* Keeps at most MG_LAYOUT_CACHE_SIZE actors with cached text. */
static void
cache_touch (MgScene *scene, MgSceneActor *sa)
{
  if (sa->cache_link != NULL)
    return;
  if (g_queue_get_length (&scene->layout_cache) >= MG_LAYOUT_CACHE_SIZE)
    {
      MgSceneActor *old = g_queue_peek_head (&scene->layout_cache);
      mg_scene_actor_drop_cache (scene, old);
    }
  g_queue_push_tail (&scene->layout_cache, sa);
  sa->cache_link = scene->layout_cache.tail;
}

PangoLayout *
mg_scene_actor_layout (MgScene *scene, MgSceneActor *sa)
{
  if (sa->layout != NULL)
    return sa->layout;

  g_autofree char *joined = g_strjoinv ("\n", sa->label_lines);
  cache_touch (scene, sa);
  sa->layout = pango_layout_new (scene->pango);
  pango_layout_set_font_description (sa->layout, scene->label_font);
  pango_layout_set_alignment (sa->layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (sa->layout, joined, -1);
  return sa->layout;
}

const MgLabelGlyphs *
mg_scene_actor_glyphs (MgScene *scene, MgSceneActor *sa)
{
  if (sa->glyphs != NULL)
    return sa->glyphs;

  PangoLayout *layout = mg_scene_actor_layout (scene, sa);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (MgGlyphRun));

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_scaled_font_t *font =
        pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      if (font == NULL)
        continue;
      MgGlyphRun gr = { cairo_scaled_font_reference (font), 0,
                        g_new (cairo_glyph_t, MAX (run->glyphs->num_glyphs, 1)) };
      int x = logical.x;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];
          if (gi->glyph != PANGO_GLYPH_EMPTY && !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            gr.glyphs[gr.n_glyphs++] = (cairo_glyph_t) {
              gi->glyph, (x + gi->geometry.x_offset) / (double) PANGO_SCALE,
              baseline + gi->geometry.y_offset / (double) PANGO_SCALE };
          x += gi->geometry.width;
        }
      g_array_append_val (runs, gr);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  MgLabelGlyphs *g = g_new0 (MgLabelGlyphs, 1);
  g->n_runs = runs->len;
  g->runs = (MgGlyphRun *) g_array_free (g_steal_pointer (&runs), FALSE);
  /* The layout is not needed any more for this label. */
  g_clear_object (&sa->layout);
  sa->glyphs = g;
  return g;
}

/* ---- placement -------------------------------------------------------------- */

void
mg_scene_clear_label_index (MgScene *scene)
{
  g_clear_pointer (&scene->label_index, mg_grid_free);
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      sa->label_in_index = FALSE;
    }
}

static void
ensure_label_index (MgScene *scene)
{
  if (scene->label_index != NULL)
    return;

  MgRect extent = mg_rect_empty ();
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (sa->placed)
        mg_rect_union (&extent, &sa->item.bounds);
    }
  if (mg_rect_is_empty (&extent))
    extent = (MgRect) { 0, 0, 1000, 1000 };
  double cell = MAX (mg_grid_pick_cell_size (&extent, scene->actors->len),
                     scene->label_wrap_width * 0.75);
  scene->label_index = mg_grid_new (&extent, cell);
}

typedef struct {
  MgSceneActor *self;
  const MgRect *rect;
  gboolean      blocked;
  double        shape_overlap; /* area of the rect over other shapes */
  double        limit;         /* past this much overlap, the spot is out */
  guint         stamp;         /* an actor in several cells counts once */
} BlockData;

static double
overlap_area (const MgRect *a, const MgRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);
  return w > 0 && h > 0 ? w * h : 0;
}

static gboolean
label_blocks (gpointer item, gpointer data)
{
  BlockData *b = data;
  MgSceneActor *other = item;

  if (other == b->self || !other->label_in_index)
    return TRUE;
  if (mg_rect_intersects (&other->label_rect, b->rect))
    {
      b->blocked = TRUE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
shape_blocks (gpointer item, gpointer data)
{
  BlockData *b = data;
  MgSceneItem *it = item;

  if (it->type != MG_SCENE_ITEM_ACTOR || item == b->self || it->visibility == MG_ITEM_HIDDEN)
    return TRUE;
  MgSceneActor *other = item;
  if (it->stamp == b->stamp)
    return TRUE;
  it->stamp = b->stamp;
  if (other->placed && mg_rect_intersects (&other->item.bounds, b->rect))
    b->shape_overlap += overlap_area (&other->item.bounds, b->rect);
  /* No need to add up the rest: the spot cannot win any more (dense maps
   * have dozens of shapes under a spot). */
  return b->shape_overlap <= b->limit;
}

/* Returns FALSE when @rect meets a placed label; else the area of @rect
 * over other actors' shapes in @shape_overlap — or some area above @limit
 * when it is more than that. */
static gboolean
spot_free (MgScene *scene, MgSceneActor *sa, const MgRect *rect, double limit,
           double *shape_overlap)
{
  BlockData b = { sa, rect, FALSE, 0, limit, 0 };

  mg_grid_foreach_in_rect (scene->label_index, rect, label_blocks, &b);
  if (b.blocked)
    return FALSE;
  b.stamp = mg_scene_next_stamp (scene);
  if (scene->label_shapes != NULL)
    mg_grid_foreach_in_rect (scene->label_shapes, rect, shape_blocks, &b);
  else if (scene->index != NULL)
    mg_grid_foreach_in_rect (scene->index, rect, shape_blocks, &b);
  *shape_overlap = b.shape_overlap;
  return TRUE;
}

static MgRect
candidate_rect (MgScene *scene, MgSceneActor *sa, MgLabelPlacement p)
{
  const MgStyle *style = scene->style;
  double pad = style->label_padding, gap = style->label_gap;
  double bw = sa->text_width + 2 * pad, bh = sa->text_height + 2 * pad;
  double hw = sa->width / 2, hh = sa->height / 2;

  /* A lesson ring lies outside the shape: the label goes outside the ring,
   * never under it. */
  if (sa->n_marks > 0 && p != MG_LABEL_INSIDE)
    {
      double rx, ry, half = style->ring_width / 2 + 0.5;

      mg_scene_actor_ring (sa, style, &rx, &ry);
      hw = MAX (hw, rx + half);
      hh = MAX (hh, ry + half);
    }

  switch (p)
    {
    case MG_LABEL_INSIDE:
      return (MgRect) { sa->x - bw / 2, sa->y - bh / 2, bw, bh };
    case MG_LABEL_ABOVE:
      return (MgRect) { sa->x - bw / 2, sa->y - hh - gap - bh, bw, bh };
    case MG_LABEL_RIGHT:
      return (MgRect) { sa->x + hw + gap, sa->y - bh / 2, bw, bh };
    case MG_LABEL_LEFT:
      return (MgRect) { sa->x - hw - gap - bw, sa->y - bh / 2, bw, bh };
    case MG_LABEL_BELOW:
    case MG_LABEL_DROPPED:
    default:
      return (MgRect) { sa->x - bw / 2, sa->y + hh + gap, bw, bh };
    }
}

void
mg_scene_refit_label (MgScene *scene, MgSceneActor *sa)
{
  MgRect old = sa->label_rect;

  if (!sa->label_in_index || sa->placement == MG_LABEL_INSIDE ||
      sa->placement == MG_LABEL_DROPPED)
    return;
  sa->label_rect = candidate_rect (scene, sa, sa->placement);
  if (memcmp (&old, &sa->label_rect, sizeof old) == 0)
    return;
  mg_grid_remove_rect (scene->label_index, sa, &old);
  mg_grid_insert_rect (scene->label_index, sa, &sa->label_rect);
  scene->bounds_dirty = TRUE;
}

static void
unplace_label (MgScene *scene, MgSceneActor *sa)
{
  if (sa->label_in_index)
    mg_grid_remove_rect (scene->label_index, sa, &sa->label_rect);
  sa->label_in_index = FALSE;
  sa->placement = MG_LABEL_DROPPED;
}

static void
place_label (MgScene *scene, MgSceneActor *sa)
{
  static const MgLabelPlacement order[] = {
    MG_LABEL_BELOW, MG_LABEL_ABOVE, MG_LABEL_RIGHT, MG_LABEL_LEFT,
  };

  unplace_label (scene, sa);
  if (!sa->placed || sa->n_label_lines == 0 || sa->item.visibility == MG_ITEM_HIDDEN)
    return;

  if (scene->style->label_inside_if_fits)
    {
      double iw, ih;
      mg_shape_inner_box (sa->shape, sa->width, sa->height, &iw, &ih);
      if (sa->text_width <= iw && sa->text_height <= ih)
        {
          sa->label_rect = candidate_rect (scene, sa, MG_LABEL_INSIDE);
          sa->placement = MG_LABEL_INSIDE;
          sa->label_in_index = TRUE;
          mg_grid_insert_rect (scene->label_index, sa, &sa->label_rect);
          return;
        }
    }

  /* The first spot clear of labels and shapes; failing that, the spot
   * clear of labels that covers the least of other actors, if that is
   * little: a label partly over a neighbour beats no label at all. */
  MgLabelPlacement best = MG_LABEL_DROPPED;
  double best_overlap = G_MAXDOUBLE;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      MgRect r = candidate_rect (scene, sa, order[i]);
      double limit = MIN (best_overlap, MG_LABEL_MAX_OVERLAP * r.width * r.height);
      double overlap;
      if (!spot_free (scene, sa, &r, limit, &overlap))
        continue;
      if (overlap == 0)
        {
          best = order[i];
          break;
        }
      if (overlap < best_overlap && overlap <= MG_LABEL_MAX_OVERLAP * r.width * r.height)
        {
          best = order[i];
          best_overlap = overlap;
        }
    }
  sa->label_rect = candidate_rect (scene, sa, best == MG_LABEL_DROPPED ? MG_LABEL_BELOW : best);
  if (best == MG_LABEL_DROPPED)
    return;
  sa->placement = best;
  sa->label_in_index = TRUE;
  mg_grid_insert_rect (scene->label_index, sa, &sa->label_rect);
}

static double
actor_priority (MgScene *scene, const MgSceneActor *sa)
{
  guint i = sa->actor->index;

  if (scene->label_priority != NULL && i < scene->n_label_priority &&
      isfinite (scene->label_priority[i]))
    return scene->label_priority[i];
  return sa->degree;
}

static int
compare_priority (const void *pa, const void *pb)
{
  const MgSceneActor *a = *(MgSceneActor *const *) pa, *b = *(MgSceneActor *const *) pb;
  size_t la = a->full_label ? strlen (a->full_label) : 0;
  size_t lb = b->full_label ? strlen (b->full_label) : 0;

  if (a->priority != b->priority)
    return a->priority > b->priority ? -1 : 1;
  if (a->degree != b->degree)
    return a->degree > b->degree ? -1 : 1;
  /* Shorter labels first: more of them fit. */
  if (la != lb)
    return la < lb ? -1 : 1;
  return a->item.order < b->item.order ? -1 : (a->item.order > b->item.order);
}

static void
sort_by_priority (MgScene *scene, GPtrArray *actors)
{
  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (actors, i);
      sa->priority = actor_priority (scene, sa);
    }
  /* An empty GPtrArray has pdata == NULL, and qsort (NULL, 0, …) is undefined. */
  if (actors->len > 1)
    qsort (actors->pdata, actors->len, sizeof (gpointer), compare_priority);
}

static void
place_in_priority (MgScene *scene, GPtrArray *actors)
{
  sort_by_priority (scene, actors);
  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (actors, i);
      place_label (scene, sa);
      sa->label_zoom = sa->label_in_index ? 1.0 : 0.0;
    }
}

/* ---- labels by importance at every zoom ------------------------------------ */

/* Inflations tried, each this much above the last. */
#define MG_LABEL_ZOOM_STEP G_SQRT2
#define MG_LABEL_MAX_LEVELS 40

double
mg_scene_label_zoom (double scale)
{
  return scale > 0 && scale < MG_LABEL_MIN_SCALE ? MG_LABEL_MIN_SCALE / scale : 1.0;
}

gboolean
mg_scene_actor_label_shown_at (const MgSceneActor *sa, double zoom)
{
  return sa->label_in_index && sa->n_label_lines > 0 && sa->label_zoom >= zoom;
}

void
mg_scene_actor_label_anchor (const MgSceneActor *sa, double *x, double *y)
{
  const MgRect *r = &sa->label_rect;

  /* The point of the box nearest its shape: inflated about it, the label
   * stays beside its shape, and two labels apart at some inflation are
   * apart at every smaller one. */
  switch (sa->placement)
    {
    case MG_LABEL_ABOVE:
      *x = r->x + r->width / 2;
      *y = r->y + r->height;
      break;
    case MG_LABEL_RIGHT:
      *x = r->x;
      *y = r->y + r->height / 2;
      break;
    case MG_LABEL_LEFT:
      *x = r->x + r->width;
      *y = r->y + r->height / 2;
      break;
    case MG_LABEL_INSIDE:
      *x = r->x + r->width / 2;
      *y = r->y + r->height / 2;
      break;
    case MG_LABEL_BELOW:
    case MG_LABEL_DROPPED:
    default:
      *x = r->x + r->width / 2;
      *y = r->y;
      break;
    }
}

MgRect
mg_scene_actor_label_inflate (const MgSceneActor *sa, const MgRect *rect, double zoom)
{
  double ax, ay;

  if (zoom == 1.0)
    return *rect;
  mg_scene_actor_label_anchor (sa, &ax, &ay);
  return (MgRect) { ax + zoom * (rect->x - ax), ay + zoom * (rect->y - ay),
                    zoom * rect->width, zoom * rect->height };
}

typedef struct {
  MgSceneActor *sa;
  MgRect        rect;
} LevelBox;

typedef struct {
  const MgRect *rect;
  gboolean      blocked;
} LevelQuery;

static gboolean
level_blocks (gpointer item, gpointer data)
{
  LevelQuery *q = data;
  const LevelBox *b = item;

  if (mg_rect_intersects (&b->rect, q->rect))
    {
      q->blocked = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* From the placed labels, most important first: at each inflation in
 * turn, those that still clear the ones kept before them (greedily, by
 * priority) keep it as their label_zoom, and go on to the next.  Each
 * level holds fewer labels than the last: about twice the labels' count
 * in all, whatever the number of levels.  The last one left is always
 * drawn. */
static void
compute_label_zooms (MgScene *scene, GPtrArray *placed)
{
  g_autoptr (GPtrArray) cur = g_ptr_array_copy (placed, NULL, NULL);
  g_autofree LevelBox *boxes = g_new (LevelBox, MAX (placed->len, 1));
  double zoom = 1.0;

  for (guint level = 0; level < MG_LABEL_MAX_LEVELS && cur->len > 1; level++)
    {
      MgRect extent = mg_rect_empty ();
      double widest = 0;
      guint kept = 0;

      zoom *= MG_LABEL_ZOOM_STEP;
      for (guint i = 0; i < cur->len; i++)
        {
          MgSceneActor *sa = g_ptr_array_index (cur, i);
          boxes[i].sa = sa;
          boxes[i].rect = mg_scene_actor_label_inflate (sa, &sa->label_rect, zoom);
          mg_rect_union (&extent, &boxes[i].rect);
          widest = MAX (widest, MAX (boxes[i].rect.width, boxes[i].rect.height));
        }
      MgGrid *grid = mg_grid_new (&extent, MAX (mg_grid_pick_cell_size (&extent, cur->len),
                                                widest / 2));
      for (guint i = 0; i < cur->len; i++)
        {
          LevelQuery q = { &boxes[i].rect, FALSE };
          mg_grid_foreach_in_rect (grid, &boxes[i].rect, level_blocks, &q);
          if (q.blocked)
            continue;
          mg_grid_insert_rect (grid, &boxes[i], &boxes[i].rect);
          boxes[i].sa->label_zoom = zoom;
          g_ptr_array_index (cur, kept++) = boxes[i].sa;
        }
      mg_grid_free (grid);
      g_ptr_array_set_size (cur, kept);
    }
  for (guint i = 0; i < cur->len; i++)
    ((MgSceneActor *) g_ptr_array_index (cur, i))->label_zoom = G_MAXDOUBLE;
}

static int
compare_far (gconstpointer pa, gconstpointer pb)
{
  const MgFarLabel *a = pa, *b = pb;

  return a->zoom > b->zoom ? -1 : a->zoom < b->zoom;
}

static void
compute_all_label_zooms (MgScene *scene)
{
  g_autoptr (GPtrArray) placed = g_ptr_array_new ();

  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      sa->label_zoom = sa->label_in_index && sa->placement != MG_LABEL_DROPPED ? 1.0 : 0.0;
      if (sa->label_zoom > 0 && sa->n_label_lines > 0)
        g_ptr_array_add (placed, sa);
    }
  sort_by_priority (scene, placed);
  compute_label_zooms (scene, placed);

  /* Frames from afar walk these alone, not every actor. */
  if (scene->far_labels == NULL)
    scene->far_labels = g_array_new (FALSE, FALSE, sizeof (MgFarLabel));
  g_array_set_size (scene->far_labels, 0);
  for (guint i = 0; i < placed->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (placed, i);
      if (sa->label_zoom > 1.0)
        {
          MgFarLabel far = { sa, sa->label_zoom };
          g_array_append_val (scene->far_labels, far);
        }
    }
  g_array_sort (scene->far_labels, compare_far);
}

void
mg_scene_forget_far_label (MgScene *scene, MgSceneActor *sa)
{
  for (guint i = 0; scene->far_labels != NULL && i < scene->far_labels->len; i++)
    if (g_array_index (scene->far_labels, MgFarLabel, i).sa == sa)
      {
        g_array_remove_index (scene->far_labels, i);
        return;
      }
}

void
mg_scene_set_label_priority (MgScene *scene, const double *values, guint n_values)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  g_clear_pointer (&scene->label_priority, g_free);
  scene->n_label_priority = 0;
  if (values != NULL && n_values > 0)
    {
      scene->label_priority = g_memdup2 (values, n_values * sizeof (double));
      scene->n_label_priority = n_values;
    }

  /* Redrawn only when a label moved or shows at other zooms. */
  typedef struct { MgLabelPlacement placement; MgRect rect; double zoom; } Was;
  g_autofree Was *was = g_new (Was, MAX (scene->actors->len, 1));
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      was[i] = (Was) { sa->placement, sa->label_rect, sa->label_zoom };
    }
  mg_scene_place_all_labels (scene);
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (was[i].placement != sa->placement || was[i].zoom != sa->label_zoom ||
          memcmp (&was[i].rect, &sa->label_rect, sizeof (MgRect)) != 0)
        {
          mg_scene_invalidate_summary (scene);
          mg_scene_emit_changed (scene, NULL);
          return;
        }
    }
}

void
mg_scene_place_all_labels (MgScene *scene)
{
  mg_scene_clear_label_index (scene);
  ensure_label_index (scene);

  g_autoptr (GPtrArray) all = g_ptr_array_sized_new (scene->actors->len);
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      sa->placement = MG_LABEL_DROPPED;
      g_ptr_array_add (all, sa);
    }
  /* The scene's index holds the relations too, several times as many
   * items as actors: candidate spots are checked against the actors
   * alone. */
  MgRect extent = mg_rect_empty ();
  for (guint i = 0; i < all->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (all, i);
      if (sa->placed && sa->item.visibility != MG_ITEM_HIDDEN)
        mg_rect_union (&extent, &sa->item.bounds);
    }
  if (!mg_rect_is_empty (&extent))
    {
      scene->label_shapes = mg_grid_new (&extent, mg_grid_pick_cell_size (&extent, all->len));
      for (guint i = 0; i < all->len; i++)
        {
          MgSceneActor *sa = g_ptr_array_index (all, i);
          if (sa->placed && sa->item.visibility != MG_ITEM_HIDDEN)
            mg_grid_insert_rect (scene->label_shapes, sa, &sa->item.bounds);
        }
    }
  place_in_priority (scene, all);
  g_clear_pointer (&scene->label_shapes, mg_grid_free);
  compute_all_label_zooms (scene);
  scene->bounds_dirty = TRUE;
}

typedef struct {
  GPtrArray    *set;
  GHashTable   *seen;
  const MgRect *area;
} NearData;

static gboolean
collect_near (gpointer item, gpointer data)
{
  NearData *n = data;
  MgSceneItem *it = item;

  if (it->type != MG_SCENE_ITEM_ACTOR || g_hash_table_contains (n->seen, item))
    return TRUE;
  g_hash_table_add (n->seen, item);
  g_ptr_array_add (n->set, item);
  return TRUE;
}

void
mg_scene_replace_labels_near (MgScene *scene, MgSceneActor *sa, const MgRect *area)
{
  ensure_label_index (scene);

  /* Labels that may now fit, or now collide: those around the old and new
   * places, dropped ones included. */
  double m = scene->label_wrap_width + scene->style->actor_size;
  MgRect wide = *area;
  if (mg_rect_is_empty (&wide))
    wide = sa->item.bounds;
  if (mg_rect_is_empty (&wide))
    wide = (MgRect) { sa->x, sa->y, 0, 0 };
  wide.x -= m;
  wide.y -= m;
  wide.width += 2 * m;
  wide.height += 2 * m;

  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) set = g_ptr_array_new ();
  NearData n = { set, seen, &wide };

  g_hash_table_add (seen, sa);
  g_ptr_array_add (set, sa);
  mg_grid_foreach_in_rect (scene->label_index, &wide, collect_near, &n);
  if (scene->index != NULL)
    mg_grid_foreach_in_rect (scene->index, &wide, collect_near, &n);

  for (guint i = 0; i < set->len; i++)
    unplace_label (scene, g_ptr_array_index (set, i));
  place_in_priority (scene, set);
  /* Seen from further away: the labels around are kept at the zooms they
   * had (those placed again only at the map's scale, which cannot collide
   * with them), unless the map is small enough to weigh them all again. */
  if (scene->actors->len <= 2000)
    compute_all_label_zooms (scene);
  scene->bounds_dirty = TRUE;
}

void
mg_scene_measure_label (MgScene *scene, const char *text, double *width, double *height)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  double w = 0, h = 0, pad = scene->style->label_padding;

  if (text != NULL && *text != '\0')
    {
      g_auto (GStrv) lines = mg_scene_wrap_text (scene, scene->label_font, text,
                                                 scene->label_wrap_width,
                                                 scene->style->label_max_lines, &w, &h, NULL);
      if (lines[0] != NULL)
        {
          w += 2 * pad;
          h += 2 * pad;
        }
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
}
