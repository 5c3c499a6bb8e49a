/* mg-scene-query.c — asking a scene what is where, and lens states. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "mg-i18n.h"
#include "mg-scene-private.h"

typedef struct {
  MgScene        *scene;
  const MgRect   *rect;
  GPtrArray      *out;
  guint           stamp;
} QueryData;

static gboolean
label_shown (const MgSceneActor *sa)
{
  return sa->label_in_index && sa->placement != MG_LABEL_DROPPED && sa->n_label_lines > 0;
}

static gboolean
relation_meets (const MgSceneRelation *sr, const MgRect *rect)
{
  double pad = sr->width / 2;
  MgRect r = { rect->x - pad, rect->y - pad, rect->width + 2 * pad, rect->height + 2 * pad };

  if (!mg_rect_intersects (&sr->item.bounds, rect))
    return FALSE;
  if (mg_polyline_meets_rect (sr->flat, sr->n_flat, &r))
    return TRUE;
  /* The arrowhead is wider than the line. */
  if (sr->has_arrow)
    {
      MgRect ab = { MIN (MIN (sr->arrow[0], sr->arrow[2]), sr->arrow[4]),
                    MIN (MIN (sr->arrow[1], sr->arrow[3]), sr->arrow[5]), 0, 0 };
      ab.width = MAX (MAX (sr->arrow[0], sr->arrow[2]), sr->arrow[4]) - ab.x;
      ab.height = MAX (MAX (sr->arrow[1], sr->arrow[3]), sr->arrow[5]) - ab.y;
      return mg_rect_intersects (&ab, rect);
    }
  return FALSE;
}

static gboolean
collect_item (gpointer item, gpointer data)
{
  QueryData *q = data;
  MgSceneItem *it = item;

  if (it->stamp == q->stamp)
    return TRUE;
  it->stamp = q->stamp;
  if (it->visibility == MG_ITEM_HIDDEN)
    return TRUE;

  if (it->type == MG_SCENE_ITEM_ACTOR)
    {
      MgSceneActor *sa = item;
      if (!sa->placed)
        return TRUE;
      if (mg_rect_intersects (&sa->item.bounds, q->rect) ||
          (label_shown (sa) && mg_rect_intersects (&sa->label_rect, q->rect)))
        g_ptr_array_add (q->out, it);
    }
  else
    {
      MgSceneRelation *sr = item;
      if (sr->placed && relation_meets (sr, q->rect))
        g_ptr_array_add (q->out, it);
    }
  return TRUE;
}

static int
compare_z (gconstpointer pa, gconstpointer pb)
{
  const MgSceneItem *a = *(const MgSceneItem **) pa, *b = *(const MgSceneItem **) pb;

  if (a->type != b->type)
    return a->type == MG_SCENE_ITEM_RELATION ? -1 : 1;
  return a->order < b->order ? -1 : (a->order > b->order);
}

/* The order of compare_z(), by a radix sort on (type, order): a frame
 * zoomed in on a big map sorts thousands of items, and qsort's calls back
 * were a tenth of its time. */
static void
sort_by_z (GPtrArray *items)
{
  guint n = items->len;

  if (n < 64)
    {
      g_ptr_array_sort (items, compare_z);
      return;
    }
  g_autofree guint64 *keys = g_new (guint64, 2 * (gsize) n);
  g_autofree gpointer *sorted = g_new (gpointer, n);
  guint64 *a = keys, *b = keys + n;

  for (guint i = 0; i < n; i++)
    {
      const MgSceneItem *it = g_ptr_array_index (items, i);
      guint32 key = (it->type == MG_SCENE_ITEM_RELATION ? 0u : 1u << 31) | MIN (it->order, 0x7fffffffu);
      a[i] = ((guint64) key << 32) | i;
    }
  for (guint shift = 32; shift < 64; shift += 8)
    {
      guint count[257] = { 0 };
      for (guint i = 0; i < n; i++)
        count[((a[i] >> shift) & 0xff) + 1]++;
      for (guint d = 0; d < 256; d++)
        count[d + 1] += count[d];
      for (guint i = 0; i < n; i++)
        b[count[(a[i] >> shift) & 0xff]++] = a[i];
      guint64 *t = a;
      a = b;
      b = t;
    }
  for (guint i = 0; i < n; i++)
    sorted[i] = g_ptr_array_index (items, (guint) (a[i] & 0xffffffffu));
  memcpy (items->pdata, sorted, n * sizeof (gpointer));
}

GPtrArray *
mg_scene_query_rect (MgScene *scene, const MgRect *rect)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  QueryData q = { scene, rect, g_ptr_array_new (), mg_scene_next_stamp (scene) };

  if (scene->index != NULL)
    {
      mg_grid_foreach_in_rect (scene->index, rect, collect_item, &q);
      if (scene->label_index != NULL)
        mg_grid_foreach_in_rect (scene->label_index, rect, collect_item, &q);
    }
  sort_by_z (q.out);
  return q.out;
}

/* How far ahead of the point @sa lies, and how far across; FALSE when it is
 * not ahead at all. */
static gboolean
toward_offsets (const MgSceneActor *sa, double x, double y, double dx, double dy,
                double *along, double *across)
{
  double vx = sa->x - x, vy = sa->y - y;

  *along = vx * dx + vy * dy;
  *across = fabs (vx * dy - vy * dx);
  return *along > 1e-9;
}

MgSceneActor *
mg_scene_find_actor_toward (MgScene *scene, double x, double y, double dx, double dy,
                            const MgActor *from)
{
  MgSceneActor *best_cone = NULL, *best_ahead = NULL;
  double cone_score = G_MAXDOUBLE, ahead_score = G_MAXDOUBLE;
  double norm = hypot (dx, dy), reach, r;
  MgRect bounds;

  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  if (norm <= 0)
    return NULL;
  dx /= norm;
  dy /= norm;
  mg_scene_get_bounds (scene, &bounds);
  if (mg_rect_is_empty (&bounds))
    return NULL;
  /* The square that covers the whole map from the point. */
  reach = MAX (MAX (fabs (bounds.x - x), fabs (bounds.x + bounds.width - x)),
               MAX (fabs (bounds.y - y), fabs (bounds.y + bounds.height - y)));
  r = MAX (reach / 16, 1.0);
  for (;;)
    {
      MgRect square = { x - r, y - r, 2 * r, 2 * r };
      g_autoptr (GPtrArray) items = mg_scene_query_rect (scene, &square);

      for (guint i = 0; i < items->len; i++)
        {
          MgSceneItem *item = g_ptr_array_index (items, i);
          MgSceneActor *sa = (MgSceneActor *) item;
          double along, across, score;

          if (item->type != MG_SCENE_ITEM_ACTOR || sa->actor == from ||
              !toward_offsets (sa, x, y, dx, dy, &along, &across))
            continue;
          score = along + 2 * across;
          if (across <= along && score < cone_score)
            {
              cone_score = score;
              best_cone = sa;
            }
          if (score < ahead_score)
            {
              ahead_score = score;
              best_ahead = sa;
            }
        }
      /* An actor outside the square is farther than r, and its score is at
       * least its distance: nothing unseen can beat a score within r. */
      if (cone_score <= r || r >= reach)
        break;
      r *= 2;
    }
  return best_cone != NULL ? best_cone : best_ahead;
}

typedef struct {
  double        x, y, tol;
  guint         stamp;
  MgSceneActor *shape_hit;
  MgSceneActor *label_hit;
  MgSceneRelation *relation_hit;
  double        relation_d2;
} HitData;

static gboolean
above (const MgSceneItem *a, const MgSceneItem *b)
{
  if (b == NULL)
    return TRUE;
  if (a->highlight != b->highlight)
    return a->highlight;
  return a->order > b->order;
}

static gboolean
hit_item (gpointer item, gpointer data)
{
  HitData *h = data;
  MgSceneItem *it = item;

  if (it->stamp == h->stamp)
    return TRUE;
  it->stamp = h->stamp;
  if (it->visibility == MG_ITEM_HIDDEN)
    return TRUE;

  if (it->type == MG_SCENE_ITEM_ACTOR)
    {
      MgSceneActor *sa = item;
      if (!sa->placed)
        return TRUE;
      if (mg_shape_contains (sa->shape, sa->x, sa->y, sa->width + 2 * h->tol,
                             sa->height + 2 * h->tol, h->x, h->y))
        {
          if (above (it, (MgSceneItem *) h->shape_hit))
            h->shape_hit = sa;
        }
      else if (label_shown (sa) && mg_rect_contains_point (&sa->label_rect, h->x, h->y))
        {
          if (above (it, (MgSceneItem *) h->label_hit))
            h->label_hit = sa;
        }
    }
  else
    {
      MgSceneRelation *sr = item;
      if (!sr->placed || sr->n_flat == 0)
        return TRUE;
      double reach = h->tol + sr->width / 2;
      double d2 = mg_polyline_distance2 (sr->flat, sr->n_flat, h->x, h->y);
      if (d2 <= reach * reach &&
          (h->relation_hit == NULL || d2 < h->relation_d2 ||
           (d2 == h->relation_d2 && above (it, (MgSceneItem *) h->relation_hit))))
        {
          h->relation_hit = sr;
          h->relation_d2 = d2;
        }
    }
  return TRUE;
}

MgSceneItem *
mg_scene_hit_test (MgScene *scene, double x, double y, double tolerance)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);

  if (scene->index == NULL || !isfinite (x) || !isfinite (y))
    return NULL;

  tolerance = MAX (tolerance, 0);
  HitData h = { x, y, tolerance, mg_scene_next_stamp (scene), NULL, NULL, NULL, 0 };
  MgRect r = { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };

  mg_grid_foreach_in_rect (scene->index, &r, hit_item, &h);
  if (scene->label_index != NULL)
    mg_grid_foreach_in_rect (scene->label_index, &r, hit_item, &h);

  if (h.shape_hit)
    return &h.shape_hit->item;
  if (h.label_hit)
    return &h.label_hit->item;
  if (h.relation_hit)
    return &h.relation_hit->item;
  return NULL;
}

GPtrArray *
mg_scene_get_dropped_labels (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);

  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (sa->placed && sa->item.visibility != MG_ITEM_HIDDEN && sa->n_label_lines > 0 &&
          sa->placement == MG_LABEL_DROPPED)
        g_ptr_array_add (out, sa);
    }
  return out;
}

void
mg_scene_place_labels (MgScene *scene)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  mg_scene_place_all_labels (scene);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, NULL);
}

/* ---- states --------------------------------------------------------------- */

static void
actor_state_changed (MgScene *scene, MgSceneActor *sa, gboolean geometry)
{
  MgRect area = sa->item.bounds;

  if (geometry)
    {
      /* Rings and highlight widen the drawn bounds. */
      if (!mg_rect_is_empty (&sa->indexed))
        mg_grid_remove_rect (scene->index, sa, &sa->indexed);
      sa->indexed = mg_rect_empty ();
      mg_scene_actor_compute_bounds (sa, scene->style);
      if (sa->placed)
        {
          sa->indexed = sa->item.bounds;
          mg_grid_insert_rect (scene->index, sa, &sa->indexed);
        }
      mg_rect_union (&area, &sa->item.bounds);
    }
  if (sa->label_in_index)
    mg_rect_union (&area, &sa->label_rect);
  mg_scene_draw_actor_update (scene, sa);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, mg_rect_is_empty (&area) ? NULL : &area);
}

/* TRUE when the item already carries exactly these marks: applying a lens
 * result again then costs nothing (no re-indexing, no redraw). */
static gboolean
same_marks (const MgLessonMark *have, guint n_have, const MgLessonMark *marks, guint n_marks)
{
  if (n_have != n_marks)
    return FALSE;
  for (guint i = 0; i < n_marks; i++)
    if (have[i].lesson != marks[i].lesson || !have[i].derived != !marks[i].derived)
      return FALSE;
  return TRUE;
}

void
mg_scene_set_actor_visibility (MgScene *scene, const MgActor *actor, MgItemVisibility visibility)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  MgSceneActor *sa = g_hash_table_lookup (scene->actor_map, actor);
  if (sa == NULL || sa->item.visibility == visibility)
    return;
  sa->item.visibility = visibility;
  actor_state_changed (scene, sa, FALSE);
}

void
mg_scene_set_actor_highlight (MgScene *scene, const MgActor *actor, gboolean highlight)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  MgSceneActor *sa = g_hash_table_lookup (scene->actor_map, actor);
  if (sa == NULL || sa->item.highlight == !!highlight)
    return;
  sa->item.highlight = !!highlight;
  actor_state_changed (scene, sa, TRUE);
}

void
mg_scene_set_actor_marks (MgScene *scene, const MgActor *actor, const MgLessonMark *marks,
                          guint n_marks)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (n_marks == 0 || marks != NULL);

  MgSceneActor *sa = g_hash_table_lookup (scene->actor_map, actor);
  if (sa == NULL || same_marks (sa->marks, sa->n_marks, marks, n_marks))
    return;
  gboolean ring_changed = (sa->n_marks == 0) != (n_marks == 0);
  MgRect old_label = sa->label_rect;

  g_free (sa->marks);
  sa->marks = n_marks ? g_memdup2 (marks, n_marks * sizeof (MgLessonMark)) : NULL;
  sa->n_marks = n_marks;
  if (ring_changed && sa->label_in_index)
    {
      mg_scene_refit_label (scene, sa);
      if (memcmp (&old_label, &sa->label_rect, sizeof old_label) != 0)
        mg_scene_emit_changed (scene, &old_label);
    }
  actor_state_changed (scene, sa, TRUE);
}

static void
relation_state_changed (MgScene *scene, MgSceneRelation *sr, gboolean geometry)
{
  MgRect area = sr->item.bounds;

  if (geometry && sr->placed)
    {
      /* Halos widen the bounds: recompute and re-index. */
      if (sr->in_index)
        mg_grid_remove_polyline (scene->index, sr, sr->flat, sr->n_flat, sr->index_pad);
      sr->in_index = FALSE;
      mg_scene_relation_compute (scene, sr);
      mg_grid_insert_polyline (scene->index, sr, sr->flat, sr->n_flat, sr->index_pad);
      sr->in_index = TRUE;
      mg_rect_union (&area, &sr->item.bounds);
    }
  mg_scene_draw_relation_update (scene, sr);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, mg_rect_is_empty (&area) ? NULL : &area);
}

void
mg_scene_set_relation_visibility (MgScene *scene, const MgRelation *relation,
                                  MgItemVisibility visibility)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  MgSceneRelation *sr = g_hash_table_lookup (scene->relation_map, relation);
  if (sr == NULL || sr->item.visibility == visibility)
    return;
  sr->item.visibility = visibility;
  relation_state_changed (scene, sr, FALSE);
}

void
mg_scene_set_relation_highlight (MgScene *scene, const MgRelation *relation, gboolean highlight)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  MgSceneRelation *sr = g_hash_table_lookup (scene->relation_map, relation);
  if (sr == NULL || sr->item.highlight == !!highlight)
    return;
  sr->item.highlight = !!highlight;
  relation_state_changed (scene, sr, FALSE);
}

void
mg_scene_set_relation_marks (MgScene *scene, const MgRelation *relation,
                             const MgLessonMark *marks, guint n_marks)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (n_marks == 0 || marks != NULL);

  MgSceneRelation *sr = g_hash_table_lookup (scene->relation_map, relation);
  if (sr == NULL || same_marks (sr->marks, sr->n_marks, marks, n_marks))
    return;
  g_free (sr->marks);
  sr->marks = n_marks ? g_memdup2 (marks, n_marks * sizeof (MgLessonMark)) : NULL;
  sr->n_marks = n_marks;
  relation_state_changed (scene, sr, TRUE);
}

void
mg_scene_reset_states (MgScene *scene)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  gboolean any = FALSE;

  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (sa->item.visibility != MG_ITEM_SHOWN || sa->item.highlight || sa->n_marks > 0)
        {
          sa->item.visibility = MG_ITEM_SHOWN;
          sa->item.highlight = FALSE;
          g_clear_pointer (&sa->marks, g_free);
          sa->n_marks = 0;
          any = TRUE;
        }
    }
  for (guint i = 0; i < scene->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (scene->relations, i);
      if (sr->item.visibility != MG_ITEM_SHOWN || sr->item.highlight || sr->n_marks > 0)
        {
          sr->item.visibility = MG_ITEM_SHOWN;
          sr->item.highlight = FALSE;
          g_clear_pointer (&sr->marks, g_free);
          sr->n_marks = 0;
          any = TRUE;
        }
    }
  if (any)
    {
      /* Bounds shrink back: simplest is to rebuild the geometry. */
      mg_scene_rebuild (scene);
      mg_scene_emit_changed (scene, NULL);
    }
}

/* ---- descriptions ----------------------------------------------------------- */

static void
append_lessons (GString *s, MgLessonSet lessons, const MgLessonMark *marks, guint n_marks,
                const char *lang)
{
  gboolean first = TRUE;

  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      gboolean derived = FALSE, present = (lessons & MG_LESSON_BIT (l)) != 0;
      for (guint i = 0; !present && i < n_marks; i++)
        if (marks[i].lesson == l)
          present = TRUE, derived = marks[i].derived;
      if (!present)
        continue;
      g_string_append (s, first ? "\n" : ", ");
      if (first)
        g_string_append_printf (s, "%s ", mg_i18n_gettext (lang, "Lessons:"));
      g_string_append (s, mg_i18n_gettext (lang, mg_lesson_info (l)->name));
      if (derived)
        g_string_append_printf (s, " (%s)", mg_i18n_gettext (lang, "derived"));
      first = FALSE;
    }
}

/* "\nName: value" (a tooltip or an SVG title is written for every item
 * of a map: no printf). */
static void
append_line (GString *s, const char *name, const char *value)
{
  g_string_append_c (s, '\n');
  g_string_append (s, name);
  g_string_append_c (s, ' ');
  g_string_append (s, value);
}

char *
mg_scene_describe_item (MgScene *scene, const MgSceneItem *item)
{
  return mg_scene_describe_item_in (scene, item, NULL);
}

char *
mg_scene_describe_item_in (MgScene *scene, const MgSceneItem *item, const char *lang)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  GString *s = g_string_new (NULL);

  if (item->type == MG_SCENE_ITEM_ACTOR)
    {
      const MgSceneActor *sa = (const MgSceneActor *) item;
      g_string_append (s, sa->full_label ? sa->full_label : sa->actor->id);
      if (sa->role)
        append_line (s, mg_i18n_gettext (lang, "Role:"), mg_i18n_gettext (lang, sa->role->name));
      if (sa->actor->territory && *sa->actor->territory)
        append_line (s, mg_i18n_gettext (lang, "Territory:"), sa->actor->territory);
      append_lessons (s, sa->actor->lessons, sa->marks, sa->n_marks, lang);
    }
  else
    {
      const MgSceneRelation *sr = (const MgSceneRelation *) item;
      g_string_append (s, mg_actor_get_display_label (sr->source->actor));
      g_string_append (s, sr->relation->directed ? " → " : " — ");
      g_string_append (s, mg_actor_get_display_label (sr->target->actor));
      if (sr->kind)
        append_line (s, mg_i18n_gettext (lang, "Kind:"), mg_i18n_gettext (lang, sr->kind->name));
      if (sr->relation->has_weight)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_printf (s, "\n%s %s", mg_i18n_gettext (lang, "Weight:"),
                                  g_ascii_formatd (buf, sizeof buf, "%g", sr->relation->weight));
        }
      append_lessons (s, sr->relation->lessons, sr->marks, sr->n_marks, lang);
    }
  return g_string_free (s, FALSE);
}
