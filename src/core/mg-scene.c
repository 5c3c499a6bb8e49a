/* mg-scene.c — what to draw: a map styled, in map coordinates. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mg-scene-private.h"

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgScene, mg_scene, G_TYPE_OBJECT)

/* ---- rectangles ----------------------------------------------------------- */

MgRect
mg_rect_empty (void)
{
  return (MgRect) { 0, 0, -1, -1 };
}

gboolean
mg_rect_is_empty (const MgRect *r)
{
  return r->width < 0 || r->height < 0;
}

gboolean
mg_rect_intersects (const MgRect *a, const MgRect *b)
{
  if (mg_rect_is_empty (a) || mg_rect_is_empty (b))
    return FALSE;
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

gboolean
mg_rect_contains_point (const MgRect *r, double x, double y)
{
  return !mg_rect_is_empty (r) && x >= r->x && x <= r->x + r->width && y >= r->y &&
         y <= r->y + r->height;
}

void
mg_rect_union (MgRect *r, const MgRect *other)
{
  if (mg_rect_is_empty (other))
    return;
  if (mg_rect_is_empty (r))
    {
      *r = *other;
      return;
    }
  double x0 = MIN (r->x, other->x), y0 = MIN (r->y, other->y);
  double x1 = MAX (r->x + r->width, other->x + other->width);
  double y1 = MAX (r->y + r->height, other->y + other->height);
  *r = (MgRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* ---- items ---------------------------------------------------------------- */

static void
scene_actor_free (MgScene *scene, MgSceneActor *sa)
{
  mg_scene_forget_far_label (scene, sa);
  mg_scene_draw_actor_remove (scene, sa);
  mg_scene_actor_clear_label (sa);
  mg_scene_actor_drop_cache (scene, sa);
  g_free (sa->marks);
  g_ptr_array_unref (sa->relations);
  g_free (sa);
}

static void
scene_relation_free (MgScene *scene, MgSceneRelation *sr)
{
  mg_scene_draw_relation_remove (scene, sr);
  mg_scene_relation_clear_geometry (sr);
  g_free (sr->marks);
  g_free (sr);
}

static void
cluster_clear (gpointer data)
{
  MgSceneCluster *c = data;

  g_free (c->label);
  g_free (c->path);
}

guint
mg_scene_next_stamp (MgScene *scene)
{
  if (++scene->stamp == 0)
    {
      /* Wrapped around: clear every stamp so none matches by accident. */
      for (guint i = 0; i < scene->actors->len; i++)
        ((MgSceneItem *) g_ptr_array_index (scene->actors, i))->stamp = 0;
      for (guint i = 0; i < scene->relations->len; i++)
        ((MgSceneItem *) g_ptr_array_index (scene->relations, i))->stamp = 0;
      scene->stamp = 1;
    }
  return scene->stamp;
}

void
mg_scene_invalidate_summary (MgScene *scene)
{
  scene->bounds_dirty = TRUE;
  g_clear_pointer (&scene->legend, mg_legend_free);
}

void
mg_scene_emit_changed (MgScene *scene, const MgRect *area)
{
  g_signal_emit (scene, signals[SIGNAL_CHANGED], 0, area);
}

/* Colours, shape, size and label of an actor from the map and style. */
static void
actor_refresh (MgScene *scene, MgSceneActor *sa)
{
  MgActor *a = sa->actor;
  MgStyle *style = scene->style;

  sa->role = a->role ? mg_vocabulary_ensure_role (mg_map_get_vocabulary (scene->map), a->role) : NULL;
  mg_style_get_role_look (style, sa->role, a, &sa->fill, &sa->stroke, &sa->shape);
  mg_style_actor_size (style, a, &sa->width, &sa->height);
  if (a->index < scene->n_size_factors && scene->size_factors[a->index] > 0)
    {
      sa->width *= scene->size_factors[a->index];
      sa->height *= scene->size_factors[a->index];
    }
  if (style->actor_scale > 0)
    {
      sa->width *= style->actor_scale;
      sa->height *= style->actor_scale;
    }
  if (sa->shape == MG_SHAPE_CIRCLE)
    sa->width = sa->height = MIN (sa->width, sa->height);
  sa->x = a->x;
  sa->y = a->y;
  sa->placed = a->has_position && isfinite (a->x) && isfinite (a->y);
  sa->provenance = mg_provenance_from_string (a->provenance);

  mg_scene_actor_compute_bounds (sa, style);
  mg_scene_layout_label (scene, sa);
  mg_scene_draw_actor_update (scene, sa);
}

static MgSceneActor *
actor_new (MgScene *scene, MgActor *actor, guint order)
{
  MgSceneActor *sa = g_new0 (MgSceneActor, 1);

  sa->item.type = MG_SCENE_ITEM_ACTOR;
  sa->item.order = order;
  sa->actor = actor;
  sa->relations = g_ptr_array_new ();
  sa->placement = MG_LABEL_DROPPED;
  return sa;
}

static MgSceneRelation *
relation_new (MgScene *scene, MgRelation *relation, guint order)
{
  MgSceneRelation *sr = g_new0 (MgSceneRelation, 1);

  sr->item.type = MG_SCENE_ITEM_RELATION;
  sr->item.order = order;
  sr->relation = relation;
  sr->source = g_hash_table_lookup (scene->actor_map, relation->source);
  sr->target = g_hash_table_lookup (scene->actor_map, relation->target);
  g_assert (sr->source != NULL && sr->target != NULL);
  return sr;
}

static void
attach_relation (MgSceneRelation *sr)
{
  g_ptr_array_add (sr->source->relations, sr);
  sr->source->degree++;
  if (sr->target != sr->source)
    {
      g_ptr_array_add (sr->target->relations, sr);
      sr->target->degree++;
    }
}

static void
detach_relation (MgSceneRelation *sr)
{
  if (g_ptr_array_remove (sr->source->relations, sr))
    sr->source->degree--;
  if (sr->target != sr->source && g_ptr_array_remove (sr->target->relations, sr))
    sr->target->degree--;
}

/* ---- the index ------------------------------------------------------------ */

static void
index_actor (MgScene *scene, MgSceneActor *sa)
{
  if (!sa->placed)
    return;
  sa->indexed = sa->item.bounds;
  mg_grid_insert_rect (scene->index, sa, &sa->indexed);
}

static void
unindex_actor (MgScene *scene, MgSceneActor *sa)
{
  if (!mg_rect_is_empty (&sa->indexed))
    mg_grid_remove_rect (scene->index, sa, &sa->indexed);
  sa->indexed = mg_rect_empty ();
}

static void
index_relation (MgScene *scene, MgSceneRelation *sr)
{
  if (!sr->placed || sr->n_flat == 0)
    return;
  mg_grid_insert_polyline (scene->index, sr, sr->flat, sr->n_flat, sr->index_pad);
  sr->in_index = TRUE;
}

static void
unindex_relation (MgScene *scene, MgSceneRelation *sr)
{
  if (!sr->in_index)
    return;
  mg_grid_remove_polyline (scene->index, sr, sr->flat, sr->n_flat, sr->index_pad);
  sr->in_index = FALSE;
}

/* Recomputes a relation's geometry and its place in the index. */
static void
relation_refresh (MgScene *scene, MgSceneRelation *sr)
{
  unindex_relation (scene, sr);
  mg_scene_relation_compute (scene, sr);
  index_relation (scene, sr);
}

/* ---- building --------------------------------------------------------------- */

static void
clear_items (MgScene *scene)
{
  g_hash_table_remove_all (scene->sprites);
  mg_scene_draw_lists_reset (scene);
  mg_scene_clear_label_index (scene);
  if (scene->far_labels != NULL)
    g_array_set_size (scene->far_labels, 0);
  g_clear_pointer (&scene->index, mg_grid_free);
  g_hash_table_remove_all (scene->actor_map);
  g_hash_table_remove_all (scene->relation_map);
  for (guint i = 0; i < scene->relations->len; i++)
    scene_relation_free (scene, g_ptr_array_index (scene->relations, i));
  g_ptr_array_set_size (scene->relations, 0);
  /* Emptying the layout cache first makes freeing the actors O(n). */
  while (!g_queue_is_empty (&scene->layout_cache))
    mg_scene_actor_drop_cache (scene, g_queue_peek_head (&scene->layout_cache));
  for (guint i = 0; i < scene->actors->len; i++)
    scene_actor_free (scene, g_ptr_array_index (scene->actors, i));
  g_ptr_array_set_size (scene->actors, 0);
  mg_scene_invalidate_summary (scene);
}

static MgRect
placed_extent (MgScene *scene)
{
  MgRect extent = mg_rect_empty ();

  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (sa->placed)
        mg_rect_union (&extent, &sa->item.bounds);
    }
  if (mg_rect_is_empty (&extent))
    extent = (MgRect) { 0, 0, 1000, 1000 };
  /* Room for relations bulging out, labels and later moves. */
  double m = scene->style->actor_size * 2 + scene->label_wrap_width;
  extent.x -= m;
  extent.y -= m;
  extent.width += 2 * m;
  extent.height += 2 * m;
  return extent;
}

static void
setup_fonts (MgScene *scene)
{
  g_clear_pointer (&scene->label_font, pango_font_description_free);
  scene->label_font = mg_style_font (scene->style, scene->style->label_size, FALSE);

  PangoFontMetrics *metrics = pango_context_get_metrics (scene->pango, scene->label_font, NULL);
  double cw = pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  if (cw <= 0)
    cw = scene->style->label_size * 0.55;
  scene->label_wrap_width = cw * MAX (scene->style->label_line_chars, 4u);
  mg_scene_check_wrap_cache (scene);
}

/* With the actors in place (and out of any index): a new index, the
 * relations' routes, the labels' spots. */
static void
place_and_index (MgScene *scene)
{
  MgRect extent = placed_extent (scene);

  scene->index = mg_grid_new (&extent, mg_grid_pick_cell_size (&extent, scene->actors->len));
  for (guint i = 0; i < scene->actors->len; i++)
    index_actor (scene, g_ptr_array_index (scene->actors, i));
  for (guint i = 0; i < scene->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (scene->relations, i);
      sr->in_index = FALSE;
      mg_scene_relation_compute (scene, sr);
      index_relation (scene, sr);
    }
  mg_scene_place_all_labels (scene);
  mg_scene_invalidate_summary (scene);
}

void
mg_scene_rebuild (MgScene *scene)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  GPtrArray *actors = mg_map_get_actors (scene->map);
  GPtrArray *relations = mg_map_get_relations (scene->map);

  clear_items (scene);
  setup_fonts (scene);

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      MgSceneActor *sa = actor_new (scene, a, i);
      g_ptr_array_add (scene->actors, sa);
      g_hash_table_insert (scene->actor_map, a, sa);
      actor_refresh (scene, sa);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);
      if (!g_hash_table_contains (scene->actor_map, r->source) ||
          !g_hash_table_contains (scene->actor_map, r->target))
        continue;
      MgSceneRelation *sr = relation_new (scene, r, i);
      g_ptr_array_add (scene->relations, sr);
      g_hash_table_insert (scene->relation_map, r, sr);
      attach_relation (sr);
    }
  for (guint i = 0; i < scene->actors->len; i++)
    mg_scene_rank_parallel (scene, g_ptr_array_index (scene->actors, i));

  place_and_index (scene);
}

/* ---- incremental updates ----------------------------------------------------- */

static MgRect
actor_area (MgSceneActor *sa)
{
  MgRect area = sa->item.bounds;

  if (sa->label_in_index)
    mg_rect_union (&area, &sa->label_rect);
  for (guint i = 0; i < sa->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (sa->relations, i);
      if (sr->placed)
        mg_rect_union (&area, &sr->item.bounds);
    }
  return area;
}

void
mg_scene_update_actor (MgScene *scene, MgActor *actor)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (actor != NULL);

  MgSceneActor *sa = g_hash_table_lookup (scene->actor_map, actor);
  if (sa == NULL)
    return;

  MgRect area = actor_area (sa);

  unindex_actor (scene, sa);
  actor_refresh (scene, sa);
  index_actor (scene, sa);
  for (guint i = 0; i < sa->relations->len; i++)
    relation_refresh (scene, g_ptr_array_index (sa->relations, i));

  MgRect now = actor_area (sa);
  mg_rect_union (&area, &now);
  mg_scene_replace_labels_near (scene, sa, &area);
  now = actor_area (sa);
  mg_rect_union (&area, &now);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, mg_rect_is_empty (&area) ? NULL : &area);
}

void
mg_scene_update_relation (MgScene *scene, MgRelation *relation)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (relation != NULL);

  MgSceneRelation *sr = g_hash_table_lookup (scene->relation_map, relation);
  if (sr == NULL)
    return;

  MgSceneActor *s = g_hash_table_lookup (scene->actor_map, relation->source);
  MgSceneActor *t = g_hash_table_lookup (scene->actor_map, relation->target);
  MgRect area = sr->item.bounds;

  if (s == NULL || t == NULL)
    return;
  if (s != sr->source || t != sr->target)
    {
      /* New ends: move it to their lists and rank both pairs again. */
      MgSceneActor *old_s = sr->source, *old_t = sr->target;
      detach_relation (sr);
      sr->source = s;
      sr->target = t;
      attach_relation (sr);
      mg_scene_rank_parallel (scene, old_s);
      mg_scene_rank_parallel (scene, old_t);
      for (guint i = 0; i < old_s->relations->len; i++)
        relation_refresh (scene, g_ptr_array_index (old_s->relations, i));
      for (guint i = 0; i < old_t->relations->len; i++)
        relation_refresh (scene, g_ptr_array_index (old_t->relations, i));
      mg_scene_rank_parallel (scene, s);
    }
  relation_refresh (scene, sr);
  mg_rect_union (&area, &sr->item.bounds);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, mg_rect_is_empty (&area) ? NULL : &area);
}

static guint
next_order (GPtrArray *items)
{
  if (items->len == 0)
    return 0;
  return ((MgSceneItem *) g_ptr_array_index (items, items->len - 1))->order + 1;
}

static void
on_actor_added (MgMap *map, MgActor *actor, MgScene *scene)
{
  MgSceneActor *sa = actor_new (scene, actor, next_order (scene->actors));

  g_ptr_array_add (scene->actors, sa);
  g_hash_table_insert (scene->actor_map, actor, sa);
  actor_refresh (scene, sa);
  index_actor (scene, sa);
  MgRect area = actor_area (sa);
  mg_scene_replace_labels_near (scene, sa, &area);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, NULL);
}

static void
on_actor_removed (MgMap *map, MgActor *actor, MgScene *scene)
{
  MgSceneActor *sa = g_hash_table_lookup (scene->actor_map, actor);

  if (sa == NULL)
    return;
  /* The map removes the actor's relations first; drop any left anyway. */
  while (sa->relations->len > 0)
    {
      MgSceneRelation *sr = g_ptr_array_index (sa->relations, 0);
      unindex_relation (scene, sr);
      detach_relation (sr);
      g_hash_table_remove (scene->relation_map, sr->relation);
      g_ptr_array_remove (scene->relations, sr);
      scene_relation_free (scene, sr);
    }
  MgRect area = actor_area (sa);
  unindex_actor (scene, sa);
  sa->placed = FALSE;
  sa->n_label_lines = 0;
  mg_scene_replace_labels_near (scene, sa, &area);
  g_hash_table_remove (scene->actor_map, actor);
  g_ptr_array_remove (scene->actors, sa);
  scene_actor_free (scene, sa);
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, NULL);
}

/* A new role with the same footprint: new colours and shape, same place,
 * same label, so nothing around it needs to move.  Bulk tagging a thousand
 * actors stays cheap that way.  FALSE when the size changed (the caller then
 * does the full update). */
static gboolean
restyle_actor (MgScene *scene, MgActor *actor)
{
  MgSceneActor *sa = g_hash_table_lookup (scene->actor_map, actor);
  double width, height;
  MgShape shape;
  MgColor fill, stroke;
  const MgRole *role;

  if (sa == NULL)
    return TRUE;
  role = actor->role ? mg_vocabulary_ensure_role (mg_map_get_vocabulary (scene->map), actor->role)
                     : NULL;
  mg_style_get_role_look (scene->style, role, actor, &fill, &stroke, &shape);
  mg_style_actor_size (scene->style, actor, &width, &height);
  if (actor->index < scene->n_size_factors && scene->size_factors[actor->index] > 0)
    {
      width *= scene->size_factors[actor->index];
      height *= scene->size_factors[actor->index];
    }
  if (scene->style->actor_scale > 0)
    {
      width *= scene->style->actor_scale;
      height *= scene->style->actor_scale;
    }
  if (shape == MG_SHAPE_CIRCLE)
    width = height = MIN (width, height);
  if (width != sa->width || height != sa->height)
    return FALSE;

  sa->role = role;
  sa->fill = fill;
  sa->stroke = stroke;
  sa->shape = shape;
  mg_scene_draw_actor_update (scene, sa);
  mg_scene_invalidate_summary (scene);
  {
    MgRect area = sa->item.bounds;
    mg_scene_emit_changed (scene, mg_rect_is_empty (&area) ? NULL : &area);
  }
  return TRUE;
}

static void
on_actor_changed (MgMap *map, MgActor *actor, guint flags, MgScene *scene)
{
  /* Notes, pins, plain attributes, territory and lessons do not change the
   * drawing (tooltips are written on demand; lenses set their own marks). */
  flags &= ~(MG_CHANGE_NOTES | MG_CHANGE_PINNED | MG_CHANGE_ATTRIBUTE |
             MG_CHANGE_TERRITORY | MG_CHANGE_LESSONS);
  if (flags == 0)
    return;
  if (flags == MG_CHANGE_ROLE && restyle_actor (scene, actor))
    return;
  mg_scene_update_actor (scene, actor);
}

static void
on_relation_added (MgMap *map, MgRelation *relation, MgScene *scene)
{
  if (!g_hash_table_contains (scene->actor_map, relation->source) ||
      !g_hash_table_contains (scene->actor_map, relation->target))
    return;

  MgSceneRelation *sr = relation_new (scene, relation, next_order (scene->relations));
  g_ptr_array_add (scene->relations, sr);
  g_hash_table_insert (scene->relation_map, relation, sr);
  attach_relation (sr);
  mg_scene_rank_parallel (scene, sr->source);
  for (guint i = 0; i < sr->source->relations->len; i++)
    {
      MgSceneRelation *other = g_ptr_array_index (sr->source->relations, i);
      if (other == sr || (other->source == sr->target || other->target == sr->target))
        relation_refresh (scene, other);
    }
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, NULL);
}

static void
on_relation_removed (MgMap *map, MgRelation *relation, MgScene *scene)
{
  MgSceneRelation *sr = g_hash_table_lookup (scene->relation_map, relation);

  if (sr == NULL)
    return;

  MgSceneActor *s = sr->source, *t = sr->target;
  unindex_relation (scene, sr);
  detach_relation (sr);
  g_hash_table_remove (scene->relation_map, relation);
  g_ptr_array_remove (scene->relations, sr);
  scene_relation_free (scene, sr);

  mg_scene_rank_parallel (scene, s);
  for (guint i = 0; i < s->relations->len; i++)
    {
      MgSceneRelation *other = g_ptr_array_index (s->relations, i);
      if (other->source == t || other->target == t)
        relation_refresh (scene, other);
    }
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, NULL);
}

static void
on_relation_changed (MgMap *map, MgRelation *relation, guint flags, MgScene *scene)
{
  if ((flags & ~(MG_CHANGE_NOTES | MG_CHANGE_ATTRIBUTE)) == 0)
    return;
  mg_scene_update_relation (scene, relation);
}

/* After a layout: the same actors and relations, in new places.  Their
 * items stay — looks, shaped labels, lens marks —; only the geometry, the
 * index and the placement of labels are redone.  FALSE (nothing done)
 * when the map's items are not the scene's any more. */
static gboolean
scene_relayout (MgScene *scene)
{
  GPtrArray *actors = mg_map_get_actors (scene->map);
  GPtrArray *relations = mg_map_get_relations (scene->map);

  if (actors->len != scene->actors->len || relations->len != scene->relations->len)
    return FALSE;
  for (guint i = 0; i < actors->len; i++)
    if (((MgSceneActor *) g_ptr_array_index (scene->actors, i))->actor !=
        g_ptr_array_index (actors, i))
      return FALSE;
  for (guint i = 0; i < relations->len; i++)
    if (((MgSceneRelation *) g_ptr_array_index (scene->relations, i))->relation !=
        g_ptr_array_index (relations, i))
      return FALSE;

  mg_scene_clear_label_index (scene);
  g_clear_pointer (&scene->index, mg_grid_free);
  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      MgActor *a = sa->actor;
      sa->x = a->x;
      sa->y = a->y;
      sa->placed = a->has_position && isfinite (a->x) && isfinite (a->y);
      sa->indexed = mg_rect_empty ();
      mg_scene_actor_compute_bounds (sa, scene->style);
      mg_scene_draw_actor_update (scene, sa);
    }

  place_and_index (scene);
  return TRUE;
}

static void
on_layout_changed (MgMap *map, MgScene *scene)
{
  if (!scene_relayout (scene))
    mg_scene_rebuild (scene);
  mg_scene_emit_changed (scene, NULL);
}

/* ---- object ------------------------------------------------------------------ */

static void
mg_scene_finalize (GObject *object)
{
  MgScene *scene = MG_SCENE (object);

  clear_items (scene);
  g_ptr_array_unref (scene->actors);
  g_ptr_array_unref (scene->relations);
  g_hash_table_unref (scene->actor_map);
  g_hash_table_unref (scene->relation_map);
  g_array_unref (scene->clusters);
  g_array_unref (scene->draw_relations);
  g_array_unref (scene->draw_actors);
  g_array_unref (scene->draw_styles);
  g_hash_table_unref (scene->sprites);
  g_clear_pointer (&scene->legend, mg_legend_free);
  g_clear_pointer (&scene->lens_filter, g_free);
  g_clear_pointer (&scene->lens_filter_spec, mg_filter_free);
  g_clear_pointer (&scene->legend_language, g_free);
  g_clear_pointer (&scene->size_factors, g_free);
  g_clear_pointer (&scene->size_by, g_free);
  g_clear_pointer (&scene->label_font, pango_font_description_free);
  g_clear_object (&scene->measure);
  g_clear_pointer (&scene->wrap_cache, g_hash_table_unref);
  g_clear_pointer (&scene->wrap_cache_key, g_free);
  g_clear_pointer (&scene->label_priority, g_free);
  g_clear_pointer (&scene->far_labels, g_array_unref);
  g_clear_object (&scene->pango);
  g_clear_pointer (&scene->style, mg_style_unref);
  g_clear_object (&scene->map);

  G_OBJECT_CLASS (mg_scene_parent_class)->finalize (object);
}

static void
mg_scene_class_init (MgSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mg_scene_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
mg_scene_init (MgScene *scene)
{
  scene->actors = g_ptr_array_new ();
  scene->relations = g_ptr_array_new ();
  scene->actor_map = g_hash_table_new (NULL, NULL);
  scene->relation_map = g_hash_table_new (NULL, NULL);
  scene->clusters = g_array_new (FALSE, TRUE, sizeof (MgSceneCluster));
  g_array_set_clear_func (scene->clusters, cluster_clear);
  g_queue_init (&scene->layout_cache);
  mg_scene_draw_lists_reset (scene);
  scene->sprites = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                          (GDestroyNotify) g_bytes_unref,
                                          (GDestroyNotify) cairo_surface_destroy);
  scene->bounds_dirty = TRUE;
}

static PangoContext *
make_pango_context (void)
{
  PangoFontMap *fontmap = pango_cairo_font_map_get_default ();
  PangoContext *ctx = pango_font_map_create_context (fontmap);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* 72 dpi: one point is one map unit.  Unhinted metrics: glyph advances do
   * not snap to the pixel grid, so a label is as wide at every zoom and in
   * every file format. */
  pango_cairo_context_set_resolution (ctx, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (ctx, FALSE);
  return ctx;
}

MgScene *
mg_scene_new (MgMap *map, MgStyle *style)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  MgScene *scene = g_object_new (MG_TYPE_SCENE, NULL);

  scene->map = g_object_ref (map);
  scene->style = style ? mg_style_ref (style) : mg_style_new ();
  scene->pango = make_pango_context ();
  scene->measure = pango_layout_new (scene->pango);

  g_signal_connect_object (map, "actor-added", G_CALLBACK (on_actor_added), scene, 0);
  g_signal_connect_object (map, "actor-removed", G_CALLBACK (on_actor_removed), scene, 0);
  g_signal_connect_object (map, "actor-changed", G_CALLBACK (on_actor_changed), scene, 0);
  g_signal_connect_object (map, "relation-added", G_CALLBACK (on_relation_added), scene, 0);
  g_signal_connect_object (map, "relation-removed", G_CALLBACK (on_relation_removed), scene, 0);
  g_signal_connect_object (map, "relation-changed", G_CALLBACK (on_relation_changed), scene, 0);
  g_signal_connect_object (map, "layout-changed", G_CALLBACK (on_layout_changed), scene, 0);

  mg_scene_rebuild (scene);
  return scene;
}

MgMap *
mg_scene_get_map (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->map;
}

MgStyle *
mg_scene_get_style (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->style;
}

void
mg_scene_set_style (MgScene *scene, MgStyle *style)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (style != NULL);

  if (style == scene->style)
    return;
  mg_style_ref (style);
  mg_style_unref (scene->style);
  scene->style = style;
  mg_scene_rebuild (scene);
  mg_scene_emit_changed (scene, NULL);
}

PangoContext *
mg_scene_get_pango_context (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->pango;
}

GPtrArray *
mg_scene_get_actors (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->actors;
}

GPtrArray *
mg_scene_get_relations (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->relations;
}

MgSceneActor *
mg_scene_lookup_actor (MgScene *scene, const MgActor *actor)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return g_hash_table_lookup (scene->actor_map, actor);
}

MgSceneRelation *
mg_scene_lookup_relation (MgScene *scene, const MgRelation *relation)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return g_hash_table_lookup (scene->relation_map, relation);
}

void
mg_scene_set_clusters (MgScene *scene, const MgSceneCluster *clusters, guint n)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (n == 0 || clusters != NULL);

  g_array_set_size (scene->clusters, 0);
  for (guint i = 0; i < n; i++)
    {
      MgSceneCluster c = clusters[i];
      c.label = g_strdup (clusters[i].label);
      c.path = g_strdup (clusters[i].path);
      g_array_append_val (scene->clusters, c);
    }
  mg_scene_invalidate_summary (scene);
  mg_scene_emit_changed (scene, NULL);
}

const MgSceneCluster *
mg_scene_get_clusters (MgScene *scene, guint *n)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  if (n)
    *n = scene->clusters->len;
  return (const MgSceneCluster *) scene->clusters->data;
}

void
mg_scene_get_bounds (MgScene *scene, MgRect *bounds)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (bounds != NULL);

  if (scene->bounds_dirty)
    {
      MgRect b = mg_rect_empty ();
      for (guint i = 0; i < scene->actors->len; i++)
        {
          MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
          if (!sa->placed || sa->item.visibility == MG_ITEM_HIDDEN)
            continue;
          mg_rect_union (&b, &sa->item.bounds);
          if (sa->label_in_index)
            mg_rect_union (&b, &sa->label_rect);
        }
      for (guint i = 0; i < scene->relations->len; i++)
        {
          MgSceneRelation *sr = g_ptr_array_index (scene->relations, i);
          if (sr->placed && sr->item.visibility != MG_ITEM_HIDDEN)
            mg_rect_union (&b, &sr->item.bounds);
        }
      for (guint i = 0; i < scene->clusters->len; i++)
        {
          const MgSceneCluster *c = &g_array_index (scene->clusters, MgSceneCluster, i);
          MgRect cr = { c->x - 1, c->y - 1, c->width + 2, c->height + 2 };
          mg_rect_union (&b, &cr);
        }
      scene->bounds = b;
      scene->bounds_dirty = FALSE;
    }
  *bounds = scene->bounds;
}

void
mg_scene_set_size_by (MgScene *scene, const double *factors, guint n, const char *name)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  g_clear_pointer (&scene->size_factors, g_free);
  g_clear_pointer (&scene->size_by, g_free);
  scene->n_size_factors = 0;
  if (factors != NULL && n > 0)
    {
      scene->size_factors = g_memdup2 (factors, n * sizeof (double));
      scene->n_size_factors = n;
      scene->size_by = g_strdup (name);
    }
  mg_scene_rebuild (scene);
}

const double *
mg_scene_get_size_factors (MgScene *scene, guint *n)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  if (n != NULL)
    *n = scene->n_size_factors;
  return scene->size_factors;
}

const char *
mg_scene_get_size_by (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->size_by;
}

const MgLegend *
mg_scene_get_legend (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  if (scene->legend == NULL)
    scene->legend = mg_legend_build (scene);
  return scene->legend;
}

void
mg_scene_set_lens_legend (MgScene *scene, const MgLensLegend *lens)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  g_clear_pointer (&scene->lens_filter, g_free);
  scene->has_lens_legend = lens != NULL;
  if (lens != NULL)
    {
      scene->lens_legend = *lens;
      scene->lens_filter = g_strdup (lens->filter);
      scene->lens_legend.filter = scene->lens_filter;
    }
  else
    memset (&scene->lens_legend, 0, sizeof scene->lens_legend);
  g_clear_pointer (&scene->legend, mg_legend_free);
  mg_scene_emit_changed (scene, NULL);
}

const MgLensLegend *
mg_scene_get_lens_legend (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->has_lens_legend ? &scene->lens_legend : NULL;
}

void
mg_scene_set_lens_filter (MgScene *scene, const MgFilter *filter)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  g_clear_pointer (&scene->lens_filter_spec, mg_filter_free);
  if (filter != NULL)
    scene->lens_filter_spec = mg_filter_copy (filter);
  g_clear_pointer (&scene->legend, mg_legend_free);
}

void
mg_scene_set_legend_language (MgScene *scene, const char *lang)
{
  g_return_if_fail (MG_IS_SCENE (scene));

  if (g_strcmp0 (scene->legend_language, lang) == 0)
    return;
  g_free (scene->legend_language);
  scene->legend_language = g_strdup (lang);
  g_clear_pointer (&scene->legend, mg_legend_free);
}

const char *
mg_scene_get_legend_language (MgScene *scene)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  return scene->legend_language;
}
