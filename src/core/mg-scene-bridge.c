/* mg-scene-bridge.c — layout clusters and lens/filter states into a scene. */
#include "config.h"

#include "mg-scene-bridge.h"

void
mg_scene_bridge_set_clusters (MgScene *scene, const MgLayoutResult *result)
{
  g_autofree MgSceneCluster *clusters = NULL;

  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (result != NULL);

  clusters = g_new0 (MgSceneCluster, MAX (result->n_clusters, 1));
  for (guint i = 0; i < result->n_clusters; i++)
    {
      const MgLayoutCluster *c = &result->clusters[i];

      /* The scene copies the strings. */
      clusters[i].label = c->label;
      clusters[i].path = c->territory;
      clusters[i].x = c->box.x0;
      clusters[i].y = c->box.y0;
      clusters[i].width = c->box.x1 - c->box.x0;
      clusters[i].height = c->box.y1 - c->box.y0;
      clusters[i].depth = c->depth > 0 ? c->depth - 1 : 0;
    }
  mg_scene_set_clusters (scene, clusters, result->n_clusters);
}

static guint
marks_for (MgLessonSet active, guint8 explicit_set, guint8 derived_set, MgLessonMark *marks)
{
  guint n = 0;

  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      if (!(active & MG_LESSON_BIT (l)))
        continue;
      if (explicit_set & MG_LESSON_BIT (l))
        marks[n++] = (MgLessonMark) { .lesson = l, .derived = FALSE };
      else if (derived_set & MG_LESSON_BIT (l))
        marks[n++] = (MgLessonMark) { .lesson = l, .derived = TRUE };
    }
  return n;
}

static MgItemVisibility
item_visibility (MgVisibilityState state)
{
  switch (state)
    {
    case MG_VISIBILITY_HIDDEN:
      return MG_ITEM_HIDDEN;
    case MG_VISIBILITY_FADED:
      return MG_ITEM_FADED;
    case MG_VISIBILITY_NORMAL:
    case MG_VISIBILITY_HIGHLIGHTED:
    default:
      return MG_ITEM_SHOWN;
    }
}

void
mg_scene_bridge_apply_visibility (MgScene *scene, MgVisibility *visibility)
{
  const MgVisibilityResult *result;
  GPtrArray *actors, *relations;
  MgLessonMark marks[MG_N_LESSONS];

  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (MG_IS_VISIBILITY (visibility));
  g_return_if_fail (mg_scene_get_map (scene) == mg_visibility_get_map (visibility));

  result = mg_visibility_get_result (visibility);
  actors = mg_map_get_actors (mg_scene_get_map (scene));
  relations = mg_map_get_relations (mg_scene_get_map (scene));

  for (guint i = 0; i < actors->len && i < result->n_actors; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      MgVisibilityState state = result->actor_state[i];
      guint n = marks_for (result->active, result->actor_explicit[i],
                           result->actor_derived[i], marks);

      mg_scene_set_actor_visibility (scene, actor, item_visibility (state));
      mg_scene_set_actor_highlight (scene, actor, state == MG_VISIBILITY_HIGHLIGHTED);
      mg_scene_set_actor_marks (scene, actor, n ? marks : NULL, n);
    }
  for (guint i = 0; i < relations->len && i < result->n_relations; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      MgVisibilityState state = result->relation_state[i];
      guint n = marks_for (result->active, result->relation_explicit[i],
                           result->relation_derived[i], marks);

      mg_scene_set_relation_visibility (scene, relation, item_visibility (state));
      mg_scene_set_relation_highlight (scene, relation, state == MG_VISIBILITY_HIGHLIGHTED);
      mg_scene_set_relation_marks (scene, relation, n ? marks : NULL, n);
    }
}
