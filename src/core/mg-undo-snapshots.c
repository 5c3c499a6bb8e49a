/* mg-undo-snapshots.c — copies of actors and relations, so that a delete
 * can be undone with everything they carried (attributes, kept XML). */
#include "config.h"

#include "mg-undo-private.h"

/* ---- copies of what an actor or relation carries -------------------------- */

static GPtrArray *
copy_attrs (GPtrArray *attrs)
{
  GPtrArray *copy;

  if (attrs == NULL)
    return NULL;
  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_xml_attr_free);
  for (guint i = 0; i < attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (attrs, i);
      g_ptr_array_add (copy, mg_xml_attr_new (attr->name, attr->value));
    }
  return copy;
}

static void
copy_extra (MgXmlExtra *dest, const MgXmlExtra *src)
{
  dest->attrs = copy_attrs (src->attrs);
  dest->desc = g_strdup (src->desc);
  dest->raw_children = g_strdup (src->raw_children);
}

static GPtrArray *
copy_data (GPtrArray *data)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);

  for (guint i = 0; data != NULL && i < data->len; i++)
    {
      MgData *d = g_ptr_array_index (data, i);
      MgData *c = mg_data_new (d->key, d->value, d->is_xml);

      c->attrs = copy_attrs (d->attrs);
      g_ptr_array_add (copy, c);
    }
  return copy;
}

static MgGraphInfo *
copy_graph_info (const MgGraphInfo *graph)
{
  MgGraphInfo *copy;

  if (graph == NULL)
    return NULL;
  copy = mg_graph_info_new ();
  copy->id = g_strdup (graph->id);
  copy->directed = graph->directed;
  copy->has_edgedefault = graph->has_edgedefault;
  g_ptr_array_unref (copy->data);
  copy->data = copy_data (graph->data);
  copy_extra (&copy->extra, &graph->extra);
  return copy;
}

/* ---- actor snapshots (delete and its undo) ------------------------------- */


ActorSnapshot *
mg_undo_actor_snapshot_new (const MgActor *actor)
{
  ActorSnapshot *snap = g_new0 (ActorSnapshot, 1);

  snap->id = g_strdup (actor->id);
  snap->label = g_strdup (actor->label);
  snap->role = g_strdup (actor->role);
  snap->territory = g_strdup (actor->territory);
  snap->notes = g_strdup (actor->notes);
  snap->provenance = g_strdup (actor->provenance);
  snap->parent_id = actor->parent ? g_strdup (actor->parent->id) : NULL;
  snap->lessons = actor->lessons;
  snap->x = actor->x;
  snap->y = actor->y;
  snap->width = actor->width;
  snap->height = actor->height;
  snap->has_position = actor->has_position;
  snap->pinned = actor->pinned;
  snap->has_color = actor->has_color;
  snap->color = actor->color;
  snap->graph_index = actor->graph_index;
  snap->subgraph = copy_graph_info (actor->subgraph);
  snap->data = copy_data (actor->data);
  copy_extra (&snap->extra, &actor->extra);
  return snap;
}

void
mg_undo_actor_snapshot_free (ActorSnapshot *snap)
{
  g_free (snap->id);
  g_free (snap->label);
  g_free (snap->role);
  g_free (snap->territory);
  g_free (snap->notes);
  g_free (snap->provenance);
  g_free (snap->parent_id);
  g_clear_pointer (&snap->subgraph, mg_graph_info_free);
  g_clear_pointer (&snap->data, g_ptr_array_unref);
  mg_xml_extra_clear (&snap->extra);
  g_free (snap);
}

/* Re-creates the actor as it was.  The plain parts are written before the
 * setters run, so every listener sees a complete actor after the last
 * actor-changed. */
MgActor *
mg_undo_actor_snapshot_restore (const ActorSnapshot *snap, MgMap *map)
{
  MgActor *actor = mg_map_add_actor (map, snap->id);

  if (actor == NULL)
    return NULL;
  actor->has_color = snap->has_color;
  actor->color = snap->color;
  actor->graph_index = snap->graph_index;
  actor->parent = snap->parent_id ? mg_map_lookup_actor (map, snap->parent_id) : NULL;
  if (snap->subgraph != NULL)
    actor->subgraph = copy_graph_info (snap->subgraph);
  g_ptr_array_unref (actor->data);
  actor->data = copy_data (snap->data);
  mg_xml_extra_clear (&actor->extra);
  copy_extra (&actor->extra, &snap->extra);

  mg_map_set_actor_size (map, actor, snap->width, snap->height);
  mg_map_set_actor_label (map, actor, snap->label);
  mg_map_set_actor_role (map, actor, snap->role);
  mg_map_set_actor_territory (map, actor, snap->territory);
  mg_map_set_actor_lessons (map, actor, snap->lessons);
  mg_map_set_actor_notes (map, actor, snap->notes);
  mg_map_set_actor_provenance (map, actor, snap->provenance);
  if (snap->has_position)
    mg_map_set_actor_position (map, actor, snap->x, snap->y);
  mg_map_set_actor_pinned (map, actor, snap->pinned);
  return actor;
}

/* ---- relation snapshots --------------------------------------------------- */


RelationSnapshot *
mg_undo_relation_snapshot_new (MgUndoStack *stack, MgRelation *relation)
{
  RelationSnapshot *snap = g_new0 (RelationSnapshot, 1);

  snap->handle = mg_undo_stack_get_handle (stack, relation);
  snap->id = g_strdup (relation->id);
  snap->source_id = g_strdup (relation->source->id);
  snap->target_id = g_strdup (relation->target->id);
  snap->kind = g_strdup (relation->kind);
  snap->notes = g_strdup (relation->notes);
  snap->provenance = g_strdup (relation->provenance);
  snap->parent_id = relation->parent ? g_strdup (relation->parent->id) : NULL;
  snap->lessons = relation->lessons;
  snap->weight = relation->weight;
  snap->has_weight = relation->has_weight;
  snap->directed = relation->directed;
  snap->directed_attr = relation->directed_attr;
  snap->graph_index = relation->graph_index;
  if (relation->n_route_points > 0)
    snap->route = g_memdup2 (relation->route, sizeof (double) * 2 * relation->n_route_points);
  snap->n_route_points = relation->n_route_points;
  snap->data = copy_data (relation->data);
  copy_extra (&snap->extra, &relation->extra);
  return snap;
}

void
mg_undo_relation_snapshot_free (RelationSnapshot *snap)
{
  mg_relation_handle_unref (snap->handle);
  g_free (snap->id);
  g_free (snap->source_id);
  g_free (snap->target_id);
  g_free (snap->kind);
  g_free (snap->notes);
  g_free (snap->provenance);
  g_free (snap->parent_id);
  g_free (snap->route);
  g_clear_pointer (&snap->data, g_ptr_array_unref);
  mg_xml_extra_clear (&snap->extra);
  g_free (snap);
}

MgRelation *
mg_undo_relation_snapshot_restore (const RelationSnapshot *snap, MgUndoStack *stack)
{
  MgMap *map = mg_undo_stack_get_map (stack);
  MgActor *source = mg_map_lookup_actor (map, snap->source_id);
  MgActor *target = mg_map_lookup_actor (map, snap->target_id);
  MgRelation *relation;

  if (source == NULL || target == NULL || snap->handle->relation != NULL)
    return NULL;
  relation = mg_map_add_relation (map, source, target, snap->id, snap->directed);
  relation->directed_attr = snap->directed_attr;
  relation->graph_index = snap->graph_index;
  relation->parent = snap->parent_id ? mg_map_lookup_actor (map, snap->parent_id) : NULL;
  g_ptr_array_unref (relation->data);
  relation->data = copy_data (snap->data);
  mg_xml_extra_clear (&relation->extra);
  copy_extra (&relation->extra, &snap->extra);
  mg_undo_stack_rebind_handle (stack, snap->handle, relation);

  mg_map_set_relation_kind (map, relation, snap->kind);
  mg_map_set_relation_lessons (map, relation, snap->lessons);
  mg_map_set_relation_notes (map, relation, snap->notes);
  mg_map_set_relation_provenance (map, relation, snap->provenance);
  mg_map_set_relation_weight (map, relation, snap->has_weight, snap->weight);
  if (snap->n_route_points > 0)
    mg_map_set_relation_route (map, relation, snap->route, snap->n_route_points);
  return relation;
}
