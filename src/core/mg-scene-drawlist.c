/* mg-scene-drawlist.c — packed copies of what whole-map frames draw. */
#include "config.h"

#include <math.h>

#include "mg-render-raster.h"
#include "mg-scene-private.h"

void
mg_scene_draw_lists_reset (MgScene *scene)
{
  if (scene->draw_relations == NULL)
    {
      scene->draw_relations = g_array_new (FALSE, FALSE, sizeof (MgDrawRelation));
      scene->draw_actors = g_array_new (FALSE, FALSE, sizeof (MgDrawActor));
      scene->draw_styles = g_array_new (FALSE, FALSE, sizeof (MgDrawStyle));
    }
  g_array_set_size (scene->draw_relations, 0);
  g_array_set_size (scene->draw_actors, 0);
  g_array_set_size (scene->draw_styles, 0);
  scene->max_relation_width = 0;
  scene->n_decorated = 0;
}

static guint16
style_index (MgScene *scene, MgLineStyle line, double width)
{
  GArray *styles = scene->draw_styles;

  for (guint i = 0; i < styles->len; i++)
    {
      const MgDrawStyle *st = &g_array_index (styles, MgDrawStyle, i);
      if (st->line == line && st->width == width)
        return (guint16) i;
    }
  /* Widths come from weights: quantised, they stay few.  Past 65,535
   * styles (never in practice) share the last one. */
  if (styles->len >= G_MAXUINT16)
    return G_MAXUINT16 - 1;
  MgDrawStyle st = { line, width };
  g_array_append_val (styles, st);
  return (guint16) (styles->len - 1);
}

static guint8
item_flags (const MgSceneItem *item, gboolean placed, gboolean decorated)
{
  guint8 flags = placed ? MG_DRAW_PLACED : 0;

  if (item->visibility == MG_ITEM_FADED)
    flags |= MG_DRAW_FADED;
  if (item->visibility == MG_ITEM_HIDDEN)
    flags |= MG_DRAW_HIDDEN;
  if (decorated)
    flags |= MG_DRAW_DECORATED;
  return flags;
}

static void
count_decorated (MgScene *scene, guint8 old_flags, guint8 new_flags)
{
  if ((old_flags & MG_DRAW_DECORATED) && !(new_flags & MG_DRAW_DECORATED))
    scene->n_decorated--;
  else if (!(old_flags & MG_DRAW_DECORATED) && (new_flags & MG_DRAW_DECORATED))
    scene->n_decorated++;
}

void
mg_scene_draw_relation_update (MgScene *scene, MgSceneRelation *sr)
{
  GArray *list = scene->draw_relations;
  MgDrawRelation *e;
  guint8 old_flags = 0;

  if (sr->draw_index < list->len && g_array_index (list, MgDrawRelation, sr->draw_index).sr == sr)
    {
      e = &g_array_index (list, MgDrawRelation, sr->draw_index);
      old_flags = e->flags;
    }
  else
    {
      MgDrawRelation blank = { 0 };
      blank.sr = sr;
      g_array_append_val (list, blank);
      sr->draw_index = list->len - 1;
      e = &g_array_index (list, MgDrawRelation, sr->draw_index);
    }

  e->flags = item_flags (&sr->item, sr->placed && sr->n_points > 0,
                         sr->item.highlight || sr->n_marks > 0);
  count_decorated (scene, old_flags, e->flags);
  if (!(e->flags & MG_DRAW_PLACED))
    return;
  if (sr->straight)
    {
      e->flags |= MG_DRAW_STRAIGHT;
      e->x0 = (float) sr->points[0];
      e->y0 = (float) sr->points[1];
      e->x1 = (float) sr->points[6];
      e->y1 = (float) sr->points[7];
    }
  else
    {
      e->x0 = (float) sr->item.bounds.x;
      e->y0 = (float) sr->item.bounds.y;
      e->x1 = (float) (sr->item.bounds.x + sr->item.bounds.width);
      e->y1 = (float) (sr->item.bounds.y + sr->item.bounds.height);
    }
  e->argb = mg_raster_color (sr->color.red, sr->color.green, sr->color.blue, sr->color.alpha);
  e->style = style_index (scene, sr->line, sr->width);
  scene->max_relation_width = MAX (scene->max_relation_width, sr->width);
}

void
mg_scene_draw_relation_remove (MgScene *scene, MgSceneRelation *sr)
{
  GArray *list = scene->draw_relations;
  guint i = sr->draw_index;

  if (list == NULL || i >= list->len || g_array_index (list, MgDrawRelation, i).sr != sr)
    return;
  count_decorated (scene, g_array_index (list, MgDrawRelation, i).flags, 0);
  g_array_remove_index_fast (list, i);
  if (i < list->len)
    g_array_index (list, MgDrawRelation, i).sr->draw_index = i;
}

void
mg_scene_draw_actor_update (MgScene *scene, MgSceneActor *sa)
{
  GArray *list = scene->draw_actors;
  MgDrawActor *e;
  guint8 old_flags = 0;

  if (sa->draw_index < list->len && g_array_index (list, MgDrawActor, sa->draw_index).sa == sa)
    {
      e = &g_array_index (list, MgDrawActor, sa->draw_index);
      old_flags = e->flags;
    }
  else
    {
      MgDrawActor blank = { 0 };
      blank.sa = sa;
      g_array_append_val (list, blank);
      sa->draw_index = list->len - 1;
      e = &g_array_index (list, MgDrawActor, sa->draw_index);
    }

  e->flags = item_flags (&sa->item, sa->placed, sa->item.highlight || sa->n_marks > 0);
  count_decorated (scene, old_flags, e->flags);
  /* At a few pixels a shape is a blot: a square of about its area. */
  double k = (sa->shape == MG_SHAPE_BOX || sa->shape == MG_SHAPE_ROUNDED_BOX) ? 1.0 : 0.8;
  e->w = (float) (sa->width * k);
  e->h = (float) (sa->height * k);
  e->x = (float) (sa->x - e->w / 2);
  e->y = (float) (sa->y - e->h / 2);
  e->argb = mg_raster_color (sa->fill.red, sa->fill.green, sa->fill.blue, 1.0);
}

void
mg_scene_draw_actor_remove (MgScene *scene, MgSceneActor *sa)
{
  GArray *list = scene->draw_actors;
  guint i = sa->draw_index;

  if (list == NULL || i >= list->len || g_array_index (list, MgDrawActor, i).sa != sa)
    return;
  count_decorated (scene, g_array_index (list, MgDrawActor, i).flags, 0);
  g_array_remove_index_fast (list, i);
  if (i < list->len)
    g_array_index (list, MgDrawActor, i).sa->draw_index = i;
}
