/* mg-undo-geometry.c — undoable changes of the whole map: the geometry a
 * layout writes, and the title. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-undo-private.h"

/* ---- geometry of the whole map (layouts) -------------------------------------- */

struct _MgGeometrySnapshot {
  MgMap     *map;
  GPtrArray *ids;        /* char* */
  double    *xy;
  gboolean  *has_position;
  gboolean  *pinned;
  GPtrArray *handles;    /* MgRelationHandle*; NULL until bound to a stack */
  GPtrArray *relations;  /* MgRelation* (borrowed, valid until bound) */
  GPtrArray *routes;     /* GArray of double, or NULL for straight */
};

static void
route_free (GArray *route)
{
  if (route != NULL)
    g_array_unref (route);
}

MgGeometrySnapshot *
mg_geometry_snapshot_new (MgMap *map)
{
  MgGeometrySnapshot *snap;
  GPtrArray *actors, *relations;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  actors = mg_map_get_actors (map);
  relations = mg_map_get_relations (map);
  snap = g_new0 (MgGeometrySnapshot, 1);
  snap->map = g_object_ref (map);
  snap->ids = g_ptr_array_new_full (actors->len, g_free);
  snap->xy = g_new (double, 2 * actors->len + 1);
  snap->has_position = g_new (gboolean, actors->len + 1);
  snap->pinned = g_new (gboolean, actors->len + 1);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);

      g_ptr_array_add (snap->ids, g_strdup (actor->id));
      snap->xy[2 * i] = actor->x;
      snap->xy[2 * i + 1] = actor->y;
      snap->has_position[i] = actor->has_position;
      snap->pinned[i] = actor->pinned;
    }
  snap->relations = g_ptr_array_new_full (relations->len, NULL);
  snap->routes = g_ptr_array_new_full (relations->len, (GDestroyNotify) route_free);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      GArray *route = NULL;

      g_ptr_array_add (snap->relations, relation);
      if (relation->n_route_points > 0)
        {
          route = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * relation->n_route_points);
          g_array_append_vals (route, relation->route, 2 * relation->n_route_points);
        }
      g_ptr_array_add (snap->routes, route);
    }
  return snap;
}

void
mg_geometry_snapshot_free (MgGeometrySnapshot *snap)
{
  if (snap == NULL)
    return;
  g_clear_object (&snap->map);
  g_ptr_array_unref (snap->ids);
  g_free (snap->xy);
  g_free (snap->has_position);
  g_free (snap->pinned);
  g_clear_pointer (&snap->handles, g_ptr_array_unref);
  g_clear_pointer (&snap->relations, g_ptr_array_unref);
  g_ptr_array_unref (snap->routes);
  g_free (snap);
}

/* Relations are named by handles from here on (the snapshot may outlive
 * them). */
static void
geometry_snapshot_bind (MgGeometrySnapshot *snap, MgUndoStack *stack)
{
  MgMap *map = mg_undo_stack_get_map (stack);
  GPtrArray *relations = mg_map_get_relations (map);

  snap->handles = g_ptr_array_new_full (snap->relations->len,
                                        (GDestroyNotify) mg_relation_handle_unref);
  for (guint i = 0; i < snap->relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (snap->relations, i);
      MgRelationHandle *handle = NULL;

      /* Only relations still in the map (indices are kept by the map). */
      if (relation->index < relations->len && g_ptr_array_index (relations, relation->index) == relation)
        handle = mg_undo_stack_get_handle (stack, relation);
      g_ptr_array_add (snap->handles, handle);
    }
  g_clear_pointer (&snap->relations, g_ptr_array_unref);
}

static void
geometry_snapshot_restore (MgGeometrySnapshot *snap, MgUndoStack *stack)
{
  MgMap *map = mg_undo_stack_get_map (stack);
  GPtrArray *actors = mg_map_get_actors (map);
  g_autofree double *positions = g_new (double, 2 * actors->len + 1);

  for (guint i = 0; i < 2 * actors->len; i++)
    positions[i] = NAN;
  for (guint i = 0; i < snap->ids->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (snap->ids, i));

      if (actor == NULL || !snap->has_position[i])
        continue;
      positions[2 * actor->index] = snap->xy[2 * i];
      positions[2 * actor->index + 1] = snap->xy[2 * i + 1];
    }
  mg_map_apply_positions (map, positions, NULL);
  for (guint i = 0; i < snap->ids->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (snap->ids, i));

      if (actor != NULL)
        mg_map_set_actor_pinned (map, actor, snap->pinned[i]);
    }
  for (guint i = 0; i < snap->handles->len; i++)
    {
      MgRelationHandle *handle = g_ptr_array_index (snap->handles, i);
      GArray *route = g_ptr_array_index (snap->routes, i);
      MgRelation *relation = handle ? handle->relation : NULL;

      if (relation == NULL)
        continue;
      if (route == NULL && relation->n_route_points == 0)
        continue;
      if (route != NULL && route->len == 2 * relation->n_route_points &&
          memcmp (route->data, relation->route, sizeof (double) * route->len) == 0)
        continue;
      mg_map_set_relation_route (map, relation, route ? (double *) route->data : NULL,
                                 route ? route->len / 2 : 0);
    }
}

typedef struct {
  MgUndoCommand       parent;
  MgGeometrySnapshot *before, *after;
} GeometryCommand;

static void
geometry_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  geometry_snapshot_restore (((GeometryCommand *) command)->after, stack);
}

static void
geometry_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  geometry_snapshot_restore (((GeometryCommand *) command)->before, stack);
}

static void
geometry_free (MgUndoCommand *command)
{
  GeometryCommand *self = (GeometryCommand *) command;

  mg_geometry_snapshot_free (self->before);
  mg_geometry_snapshot_free (self->after);
}

void
mg_undo_record_geometry (MgUndoStack *stack, MgGeometrySnapshot *before, const char *label)
{
  GeometryCommand *self;

  g_return_if_fail (MG_IS_UNDO_STACK (stack));
  g_return_if_fail (before != NULL && before->relations != NULL);

  self = mg_undo_command_new (sizeof (GeometryCommand), label ? label : "Lay out",
                      geometry_apply, geometry_revert, geometry_free);
  self->before = before;
  self->after = mg_geometry_snapshot_new (mg_undo_stack_get_map (stack));
  geometry_snapshot_bind (self->before, stack);
  geometry_snapshot_bind (self->after, stack);
  mg_undo_stack_push_applied (stack, &self->parent, FALSE);
}

/* ---- the title ----------------------------------------------------------------- */

typedef struct {
  MgUndoCommand parent;
  char         *old_title, *new_title;
} TitleCommand;

static void
title_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  mg_map_set_title (mg_undo_stack_get_map (stack), ((TitleCommand *) command)->new_title);
}

static void
title_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  mg_map_set_title (mg_undo_stack_get_map (stack), ((TitleCommand *) command)->old_title);
}

static void
title_free (MgUndoCommand *command)
{
  TitleCommand *self = (TitleCommand *) command;

  g_free (self->old_title);
  g_free (self->new_title);
}

gboolean
mg_undo_set_title (MgUndoStack *stack, const char *title)
{
  TitleCommand *self;
  MgMap *map;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  map = mg_undo_stack_get_map (stack);
  if (title != NULL && *title == '\0')
    title = NULL;
  if (g_strcmp0 (mg_map_get_title (map), title) == 0)
    return FALSE;
  self = mg_undo_command_new (sizeof (TitleCommand), "Rename map", title_apply, title_revert, title_free);
  self->old_title = g_strdup (mg_map_get_title (map));
  self->new_title = g_strdup (title);
  self->parent.n_items = 1;
  mg_undo_stack_push_applied (stack, &self->parent, TRUE);
  return TRUE;
}
