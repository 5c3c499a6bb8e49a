/* mg-undo-commands.c — the edits the undo stack knows: set a field on many
 * actors or relations, move, add, remove. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-undo-private.h"
#include "mg-territory.h"

gpointer
mg_undo_command_new (gsize size, const char *label,
             void (*apply) (MgUndoCommand *, MgUndoStack *),
             void (*revert) (MgUndoCommand *, MgUndoStack *),
             void (*free_func) (MgUndoCommand *))
{
  MgUndoCommand *command = g_malloc0 (size);

  command->apply = apply;
  command->revert = revert;
  command->free = free_func;
  command->label = g_strdup (label);
  return command;
}

/* ---- setting a text field on many actors ---------------------------------- */

typedef struct {
  MgUndoCommand    parent;
  MgUndoActorField field;
  char            *name;
  GPtrArray       *ids;        /* char* */
  GPtrArray       *old_values; /* char* or NULL */
  char            *new_value;
} ActorTextCommand;

static const char *
actor_text_get (MgActor *actor, MgUndoActorField field, const char *name)
{
  switch (field)
    {
    case MG_UNDO_ACTOR_LABEL:     return actor->label;
    case MG_UNDO_ACTOR_ROLE:      return actor->role;
    case MG_UNDO_ACTOR_TERRITORY: return actor->territory;
    case MG_UNDO_ACTOR_NOTES:     return actor->notes;
    case MG_UNDO_ACTOR_ATTRIBUTE: return mg_actor_get_attribute (actor, name);
    case MG_UNDO_ACTOR_PROVENANCE: return actor->provenance;
    default:                      g_assert_not_reached ();
    }
}

static void
actor_text_set (MgMap *map, MgActor *actor, MgUndoActorField field,
                const char *name, const char *value)
{
  switch (field)
    {
    case MG_UNDO_ACTOR_LABEL:     mg_map_set_actor_label (map, actor, value); break;
    case MG_UNDO_ACTOR_ROLE:      mg_map_set_actor_role (map, actor, value); break;
    case MG_UNDO_ACTOR_TERRITORY: mg_map_set_actor_territory (map, actor, value); break;
    case MG_UNDO_ACTOR_NOTES:     mg_map_set_actor_notes (map, actor, value); break;
    case MG_UNDO_ACTOR_ATTRIBUTE: mg_map_set_actor_attribute (map, actor, name, value); break;
    case MG_UNDO_ACTOR_PROVENANCE: mg_map_set_actor_provenance (map, actor, value); break;
    default:                      g_assert_not_reached ();
    }
}

static void
actor_text_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  ActorTextCommand *self = (ActorTextCommand *) command;
  MgMap *map = mg_undo_stack_get_map (stack);

  for (guint i = 0; i < self->ids->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (self->ids, i));
      if (actor != NULL)
        actor_text_set (map, actor, self->field, self->name, self->new_value);
    }
}

static void
actor_text_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  ActorTextCommand *self = (ActorTextCommand *) command;
  MgMap *map = mg_undo_stack_get_map (stack);

  for (guint i = self->ids->len; i > 0; i--)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (self->ids, i - 1));
      if (actor != NULL)
        actor_text_set (map, actor, self->field, self->name,
                        g_ptr_array_index (self->old_values, i - 1));
    }
}

static void
actor_text_free (MgUndoCommand *command)
{
  ActorTextCommand *self = (ActorTextCommand *) command;

  g_free (self->name);
  g_ptr_array_unref (self->ids);
  g_ptr_array_unref (self->old_values);
  g_free (self->new_value);
}

static const char *const actor_field_labels[] = {
  [MG_UNDO_ACTOR_LABEL] = "Rename",
  [MG_UNDO_ACTOR_ROLE] = "Set role",
  [MG_UNDO_ACTOR_TERRITORY] = "Set territory",
  [MG_UNDO_ACTOR_NOTES] = "Edit notes",
  [MG_UNDO_ACTOR_ATTRIBUTE] = "Edit attribute",
  [MG_UNDO_ACTOR_PROVENANCE] = "Set provenance",
};

gboolean
mg_undo_set_actors_text (MgUndoStack *stack, GPtrArray *actors,
                         MgUndoActorField field, const char *name,
                         const char *value)
{
  ActorTextCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (actors != NULL, FALSE);
  g_return_val_if_fail (field <= MG_UNDO_ACTOR_PROVENANCE, FALSE);
  g_return_val_if_fail (field != MG_UNDO_ACTOR_ATTRIBUTE || name != NULL, FALSE);

  /* The map stores "" as no value: compare the same way. */
  if (value != NULL && *value == '\0')
    value = NULL;

  self = mg_undo_command_new (sizeof (ActorTextCommand), actor_field_labels[field],
                      actor_text_apply, actor_text_revert, actor_text_free);
  self->field = field;
  self->name = g_strdup (name);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->old_values = g_ptr_array_new_with_free_func (g_free);
  self->new_value = g_strdup (value);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      const char *old = actor_text_get (actor, field, name);

      if (g_strcmp0 (old, value) == 0)
        continue;
      g_ptr_array_add (self->ids, g_strdup (actor->id));
      g_ptr_array_add (self->old_values, g_strdup (old));
    }
  return mg_undo_push_if_any (stack, &self->parent, self->ids->len);
}

/* ---- lessons and pins on many actors --------------------------------------- */

typedef enum { VALUE_LESSONS, VALUE_PINNED } ValueField;

typedef struct {
  MgUndoCommand parent;
  ValueField    field;
  GPtrArray    *ids;
  GArray       *old_values; /* guint */
  GArray       *new_values; /* guint */
} ActorValueCommand;

static void
actor_value_set_all (ActorValueCommand *self, MgUndoStack *stack, GArray *values)
{
  MgMap *map = mg_undo_stack_get_map (stack);

  for (guint i = 0; i < self->ids->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (self->ids, i));
      guint value = g_array_index (values, guint, i);

      if (actor == NULL)
        continue;
      if (self->field == VALUE_LESSONS)
        mg_map_set_actor_lessons (map, actor, value);
      else
        mg_map_set_actor_pinned (map, actor, value);
    }
}

static void
actor_value_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  ActorValueCommand *self = (ActorValueCommand *) command;
  actor_value_set_all (self, stack, self->new_values);
}

static void
actor_value_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  ActorValueCommand *self = (ActorValueCommand *) command;
  actor_value_set_all (self, stack, self->old_values);
}

static void
actor_value_free (MgUndoCommand *command)
{
  ActorValueCommand *self = (ActorValueCommand *) command;

  g_ptr_array_unref (self->ids);
  g_array_unref (self->old_values);
  g_array_unref (self->new_values);
}

static ActorValueCommand *
actor_value_command_new (const char *label, ValueField field)
{
  ActorValueCommand *self = mg_undo_command_new (sizeof (ActorValueCommand), label,
                                         actor_value_apply, actor_value_revert,
                                         actor_value_free);
  self->field = field;
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->old_values = g_array_new (FALSE, FALSE, sizeof (guint));
  self->new_values = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

gboolean
mg_undo_push_if_any (MgUndoStack *stack, MgUndoCommand *command, guint n)
{
  if (n == 0)
    {
      mg_undo_command_free (command);
      return FALSE;
    }
  command->n_items = n;
  mg_undo_stack_push_applied (stack, command, TRUE);
  return TRUE;
}

gboolean
mg_undo_change_actors_lessons (MgUndoStack *stack, GPtrArray *actors,
                               MgLessonSet add, MgLessonSet remove)
{
  ActorValueCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (actors != NULL, FALSE);

  self = actor_value_command_new ("Set lessons", VALUE_LESSONS);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      guint old = actor->lessons;
      guint new = ((old | add) & ~remove) & MG_LESSON_SET_ALL;

      if (old == new)
        continue;
      g_ptr_array_add (self->ids, g_strdup (actor->id));
      g_array_append_val (self->old_values, old);
      g_array_append_val (self->new_values, new);
    }
  return mg_undo_push_if_any (stack, &self->parent, self->ids->len);
}

gboolean
mg_undo_set_actors_pinned (MgUndoStack *stack, GPtrArray *actors, gboolean pinned)
{
  ActorValueCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (actors != NULL, FALSE);

  self = actor_value_command_new (pinned ? "Pin" : "Unpin", VALUE_PINNED);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      guint old = !!actor->pinned, new = !!pinned;

      if (old == new)
        continue;
      g_ptr_array_add (self->ids, g_strdup (actor->id));
      g_array_append_val (self->old_values, old);
      g_array_append_val (self->new_values, new);
    }
  return mg_undo_push_if_any (stack, &self->parent, self->ids->len);
}

/* ---- moves ------------------------------------------------------------------ */

typedef struct {
  MgUndoCommand parent;
  GPtrArray    *ids;
  double       *old_xy, *new_xy;
  gboolean     *old_pinned, *new_pinned;
} MoveCommand;

static void
move_set_all (MoveCommand *self, MgUndoStack *stack, const double *xy, const gboolean *pinned)
{
  MgMap *map = mg_undo_stack_get_map (stack);

  for (guint i = 0; i < self->ids->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (self->ids, i));

      if (actor == NULL)
        continue;
      mg_map_set_actor_position (map, actor, xy[2 * i], xy[2 * i + 1]);
      mg_map_set_actor_pinned (map, actor, pinned[i]);
    }
}

static void
move_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  MoveCommand *self = (MoveCommand *) command;
  move_set_all (self, stack, self->new_xy, self->new_pinned);
}

static void
move_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  MoveCommand *self = (MoveCommand *) command;
  move_set_all (self, stack, self->old_xy, self->old_pinned);
}

static void
move_free (MgUndoCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  g_ptr_array_unref (self->ids);
  g_free (self->old_xy);
  g_free (self->new_xy);
  g_free (self->old_pinned);
  g_free (self->new_pinned);
}

gboolean
mg_undo_record_move (MgUndoStack *stack, GPtrArray *actors,
                     const double *old_xy, const gboolean *old_pinned,
                     gboolean pin)
{
  MoveCommand *self;
  gboolean changed = FALSE;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (actors != NULL, FALSE);
  g_return_val_if_fail (old_xy != NULL || actors->len == 0, FALSE);

  self = mg_undo_command_new (sizeof (MoveCommand), "Move", move_apply, move_revert, move_free);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->old_xy = g_new (double, 2 * actors->len + 1);
  self->new_xy = g_new (double, 2 * actors->len + 1);
  self->old_pinned = g_new0 (gboolean, actors->len + 1);
  self->new_pinned = g_new0 (gboolean, actors->len + 1);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);

      g_ptr_array_add (self->ids, g_strdup (actor->id));
      self->old_xy[2 * i] = old_xy[2 * i];
      self->old_xy[2 * i + 1] = old_xy[2 * i + 1];
      self->new_xy[2 * i] = actor->x;
      self->new_xy[2 * i + 1] = actor->y;
      self->old_pinned[i] = old_pinned ? !!old_pinned[i] : FALSE;
      self->new_pinned[i] = pin ? TRUE : !!actor->pinned;
      if (self->old_xy[2 * i] != actor->x || self->old_xy[2 * i + 1] != actor->y ||
          self->old_pinned[i] != self->new_pinned[i])
        changed = TRUE;
    }
  return mg_undo_push_if_any (stack, &self->parent, changed ? self->ids->len : 0);
}

/* ---- adding and removing actors ---------------------------------------------- */

typedef struct {
  MgUndoCommand  parent;
  ActorSnapshot *actor;
} AddActorCommand;

static void
add_actor_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  AddActorCommand *self = (AddActorCommand *) command;
  mg_undo_actor_snapshot_restore (self->actor, mg_undo_stack_get_map (stack));
}

static void
add_actor_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  AddActorCommand *self = (AddActorCommand *) command;
  MgMap *map = mg_undo_stack_get_map (stack);
  MgActor *actor = mg_map_lookup_actor (map, self->actor->id);

  if (actor != NULL)
    mg_map_remove_actor (map, actor);
}

static void
add_actor_free (MgUndoCommand *command)
{
  mg_undo_actor_snapshot_free (((AddActorCommand *) command)->actor);
}

MgActor *
mg_undo_add_actor (MgUndoStack *stack, const char *label, const char *role,
                   double x, double y)
{
  MgMap *map;
  MgActor *actor;
  AddActorCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (isfinite (x) && isfinite (y), NULL);

  map = mg_undo_stack_get_map (stack);
  actor = mg_map_add_actor (map, NULL);
  mg_map_set_actor_label (map, actor, label);
  mg_map_set_actor_role (map, actor, role);
  mg_map_set_actor_position (map, actor, x, y);
  mg_map_set_actor_provenance (map, actor, mg_undo_stack_get_new_provenance (stack));
  /* Placed by hand: a re-layout keeps it where the user put it. */
  mg_map_set_actor_pinned (map, actor, TRUE);

  self = mg_undo_command_new (sizeof (AddActorCommand), "Add actor",
                      add_actor_apply, add_actor_revert, add_actor_free);
  self->actor = mg_undo_actor_snapshot_new (actor);
  self->parent.n_items = 1;
  mg_undo_stack_push_applied (stack, &self->parent, FALSE);
  return actor;
}

typedef struct {
  MgUndoCommand parent;
  GPtrArray    *ids;       /* the actors to remove */
  GPtrArray    *actors;    /* ActorSnapshot*, taken when applied */
  GPtrArray    *relations; /* RelationSnapshot*, taken when applied */
} RemoveActorsCommand;

static void
remove_actors_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  RemoveActorsCommand *self = (RemoveActorsCommand *) command;
  MgMap *map = mg_undo_stack_get_map (stack);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) to_remove = g_ptr_array_new ();

  g_ptr_array_set_size (self->actors, 0);
  g_ptr_array_set_size (self->relations, 0);

  for (guint i = 0; i < self->ids->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (self->ids, i));

      if (actor == NULL)
        continue;
      g_ptr_array_add (self->actors, mg_undo_actor_snapshot_new (actor));
      g_hash_table_add (seen, actor);
    }
  /* Relations in map order, so they come back in the same relative order. */
  for (guint i = 0; i < mg_map_get_n_relations (map); i++)
    {
      MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), i);

      if (g_hash_table_contains (seen, relation->source) ||
          g_hash_table_contains (seen, relation->target))
        {
          g_ptr_array_add (self->relations, mg_undo_relation_snapshot_new (stack, relation));
          g_ptr_array_add (to_remove, relation);
        }
    }
  for (guint i = to_remove->len; i > 0; i--)
    mg_map_remove_relation (map, g_ptr_array_index (to_remove, i - 1));
  for (guint i = 0; i < self->actors->len; i++)
    {
      ActorSnapshot *snap = g_ptr_array_index (self->actors, i);
      MgActor *actor = mg_map_lookup_actor (map, snap->id);

      if (actor != NULL)
        mg_map_remove_actor (map, actor);
    }
}

static void
remove_actors_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  RemoveActorsCommand *self = (RemoveActorsCommand *) command;
  MgMap *map = mg_undo_stack_get_map (stack);

  for (guint i = 0; i < self->actors->len; i++)
    mg_undo_actor_snapshot_restore (g_ptr_array_index (self->actors, i), map);
  for (guint i = 0; i < self->relations->len; i++)
    mg_undo_relation_snapshot_restore (g_ptr_array_index (self->relations, i), stack);
}

static void
remove_actors_free (MgUndoCommand *command)
{
  RemoveActorsCommand *self = (RemoveActorsCommand *) command;

  g_ptr_array_unref (self->ids);
  g_ptr_array_unref (self->actors);
  g_ptr_array_unref (self->relations);
}

gboolean
mg_undo_remove_actors (MgUndoStack *stack, GPtrArray *actors)
{
  RemoveActorsCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (actors != NULL, FALSE);

  self = mg_undo_command_new (sizeof (RemoveActorsCommand),
                      actors->len == 1 ? "Delete actor" : "Delete actors",
                      remove_actors_apply, remove_actors_revert, remove_actors_free);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_undo_actor_snapshot_free);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_undo_relation_snapshot_free);
  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (self->ids, g_strdup (((MgActor *) g_ptr_array_index (actors, i))->id));
  return mg_undo_push_if_any (stack, &self->parent, self->ids->len);
}

/* ---- adding and removing relations ---------------------------------------------- */

typedef struct {
  MgUndoCommand parent;
  GPtrArray    *handles;   /* MgRelationHandle*: the relations to remove */
  GPtrArray    *snapshots; /* RelationSnapshot*, taken when applied */
  gboolean      is_add;    /* the command adds (revert removes) */
} RelationsCommand;

static void
relations_remove (RelationsCommand *self, MgUndoStack *stack)
{
  MgMap *map = mg_undo_stack_get_map (stack);

  g_ptr_array_set_size (self->snapshots, 0);
  for (guint i = 0; i < self->handles->len; i++)
    {
      MgRelationHandle *handle = g_ptr_array_index (self->handles, i);

      if (handle->relation == NULL)
        continue;
      g_ptr_array_add (self->snapshots, mg_undo_relation_snapshot_new (stack, handle->relation));
    }
  for (guint i = self->handles->len; i > 0; i--)
    {
      MgRelationHandle *handle = g_ptr_array_index (self->handles, i - 1);

      if (handle->relation != NULL)
        mg_map_remove_relation (map, handle->relation);
    }
}

static void
relations_restore (RelationsCommand *self, MgUndoStack *stack)
{
  for (guint i = 0; i < self->snapshots->len; i++)
    mg_undo_relation_snapshot_restore (g_ptr_array_index (self->snapshots, i), stack);
}

static void
relations_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  RelationsCommand *self = (RelationsCommand *) command;

  if (self->is_add)
    relations_restore (self, stack);
  else
    relations_remove (self, stack);
}

static void
relations_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  RelationsCommand *self = (RelationsCommand *) command;

  if (self->is_add)
    relations_remove (self, stack);
  else
    relations_restore (self, stack);
}

static void
relations_free (MgUndoCommand *command)
{
  RelationsCommand *self = (RelationsCommand *) command;

  g_ptr_array_unref (self->handles);
  g_ptr_array_unref (self->snapshots);
}

static RelationsCommand *
relations_command_new (const char *label, gboolean is_add)
{
  RelationsCommand *self = mg_undo_command_new (sizeof (RelationsCommand), label,
                                        relations_apply, relations_revert, relations_free);
  self->is_add = is_add;
  self->handles = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_relation_handle_unref);
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_undo_relation_snapshot_free);
  return self;
}

MgRelation *
mg_undo_add_relation (MgUndoStack *stack, MgActor *source, MgActor *target,
                      const char *kind, gboolean directed)
{
  MgMap *map;
  MgRelation *relation;
  RelationsCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (source != NULL && target != NULL, NULL);

  map = mg_undo_stack_get_map (stack);
  relation = mg_map_add_relation (map, source, target, NULL, directed);
  mg_map_set_relation_kind (map, relation, kind);
  mg_map_set_relation_provenance (map, relation, mg_undo_stack_get_new_provenance (stack));

  self = relations_command_new ("Add relation", TRUE);
  g_ptr_array_add (self->handles, mg_undo_stack_get_handle (stack, relation));
  self->parent.n_items = 1;
  /* The snapshot a redo restores from is taken when undo removes it. */
  mg_undo_stack_push_applied (stack, &self->parent, FALSE);
  return relation;
}

gboolean
mg_undo_remove_relations (MgUndoStack *stack, GPtrArray *relations)
{
  RelationsCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (relations != NULL, FALSE);

  self = relations_command_new (relations->len == 1 ? "Delete relation" : "Delete relations",
                                FALSE);
  for (guint i = 0; i < relations->len; i++)
    g_ptr_array_add (self->handles,
                     mg_undo_stack_get_handle (stack, g_ptr_array_index (relations, i)));
  return mg_undo_push_if_any (stack, &self->parent, self->handles->len);
}

/* ---- relation fields --------------------------------------------------------- */

typedef enum { REL_TEXT, REL_LESSONS, REL_WEIGHT } RelationValueKind;

typedef struct {
  MgUndoCommand       parent;
  RelationValueKind   kind;
  MgUndoRelationField field;
  char               *name;
  GPtrArray          *handles;
  GPtrArray          *old_texts; /* REL_TEXT */
  char               *new_text;
  GArray             *old_values, *new_values; /* REL_LESSONS: guint; REL_WEIGHT: double (NAN = none) */
} RelationValueCommand;

static void
relation_set_text (MgMap *map, MgRelation *relation, MgUndoRelationField field,
                   const char *name, const char *value)
{
  switch (field)
    {
    case MG_UNDO_RELATION_KIND:      mg_map_set_relation_kind (map, relation, value); break;
    case MG_UNDO_RELATION_NOTES:     mg_map_set_relation_notes (map, relation, value); break;
    case MG_UNDO_RELATION_ATTRIBUTE: mg_map_set_relation_attribute (map, relation, name, value); break;
    case MG_UNDO_RELATION_PROVENANCE: mg_map_set_relation_provenance (map, relation, value); break;
    default:                         g_assert_not_reached ();
    }
}

static void
relation_value_set (RelationValueCommand *self, MgUndoStack *stack, gboolean forward)
{
  MgMap *map = mg_undo_stack_get_map (stack);

  for (guint i = 0; i < self->handles->len; i++)
    {
      MgRelationHandle *handle = g_ptr_array_index (self->handles, i);
      MgRelation *relation = handle->relation;

      if (relation == NULL)
        continue;
      switch (self->kind)
        {
        case REL_TEXT:
          relation_set_text (map, relation, self->field, self->name,
                             forward ? self->new_text : g_ptr_array_index (self->old_texts, i));
          break;
        case REL_LESSONS:
          mg_map_set_relation_lessons (map, relation,
                                       g_array_index (forward ? self->new_values : self->old_values,
                                                      guint, i));
          break;
        case REL_WEIGHT:
          {
            double w = g_array_index (forward ? self->new_values : self->old_values, double, i);
            mg_map_set_relation_weight (map, relation, !isnan (w), isnan (w) ? 0 : w);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
relation_value_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  relation_value_set ((RelationValueCommand *) command, stack, TRUE);
}

static void
relation_value_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  relation_value_set ((RelationValueCommand *) command, stack, FALSE);
}

static void
relation_value_free (MgUndoCommand *command)
{
  RelationValueCommand *self = (RelationValueCommand *) command;

  g_free (self->name);
  g_ptr_array_unref (self->handles);
  g_clear_pointer (&self->old_texts, g_ptr_array_unref);
  g_free (self->new_text);
  g_clear_pointer (&self->old_values, g_array_unref);
  g_clear_pointer (&self->new_values, g_array_unref);
}

static RelationValueCommand *
relation_value_command_new (const char *label, RelationValueKind kind, gsize value_size)
{
  RelationValueCommand *self = mg_undo_command_new (sizeof (RelationValueCommand), label,
                                            relation_value_apply, relation_value_revert,
                                            relation_value_free);
  self->kind = kind;
  self->handles = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_relation_handle_unref);
  if (kind == REL_TEXT)
    self->old_texts = g_ptr_array_new_with_free_func (g_free);
  else
    {
      self->old_values = g_array_new (FALSE, FALSE, value_size);
      self->new_values = g_array_new (FALSE, FALSE, value_size);
    }
  return self;
}

gboolean
mg_undo_set_relations_text (MgUndoStack *stack, GPtrArray *relations,
                            MgUndoRelationField field, const char *name,
                            const char *value)
{
  static const char *const labels[] = { "Set relation kind", "Edit relation notes",
                                        "Edit relation attribute", "Set relation provenance" };
  RelationValueCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (relations != NULL, FALSE);
  g_return_val_if_fail (field <= MG_UNDO_RELATION_PROVENANCE, FALSE);
  g_return_val_if_fail (field != MG_UNDO_RELATION_ATTRIBUTE || name != NULL, FALSE);

  if (value != NULL && *value == '\0')
    value = NULL;
  self = relation_value_command_new (labels[field], REL_TEXT, 0);
  self->field = field;
  self->name = g_strdup (name);
  self->new_text = g_strdup (value);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      const char *old = field == MG_UNDO_RELATION_KIND ? relation->kind
                      : field == MG_UNDO_RELATION_NOTES ? relation->notes
                      : field == MG_UNDO_RELATION_PROVENANCE ? relation->provenance
                      : mg_relation_get_attribute (relation, name);

      if (g_strcmp0 (old, value) == 0)
        continue;
      g_ptr_array_add (self->handles, mg_undo_stack_get_handle (stack, relation));
      g_ptr_array_add (self->old_texts, g_strdup (old));
    }
  return mg_undo_push_if_any (stack, &self->parent, self->handles->len);
}

gboolean
mg_undo_change_relations_lessons (MgUndoStack *stack, GPtrArray *relations,
                                  MgLessonSet add, MgLessonSet remove)
{
  RelationValueCommand *self;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (relations != NULL, FALSE);

  self = relation_value_command_new ("Set relation lessons", REL_LESSONS, sizeof (guint));
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      guint old = relation->lessons;
      guint new = ((old | add) & ~remove) & MG_LESSON_SET_ALL;

      if (old == new)
        continue;
      g_ptr_array_add (self->handles, mg_undo_stack_get_handle (stack, relation));
      g_array_append_val (self->old_values, old);
      g_array_append_val (self->new_values, new);
    }
  return mg_undo_push_if_any (stack, &self->parent, self->handles->len);
}

gboolean
mg_undo_set_relations_weight (MgUndoStack *stack, GPtrArray *relations,
                              gboolean has_weight, double weight)
{
  RelationValueCommand *self;
  double new = has_weight ? weight : NAN;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (relations != NULL, FALSE);
  g_return_val_if_fail (!has_weight || isfinite (weight), FALSE);

  self = relation_value_command_new ("Set relation weight", REL_WEIGHT, sizeof (double));
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      double old = relation->has_weight ? relation->weight : NAN;

      if ((isnan (old) && isnan (new)) || old == new)
        continue;
      g_ptr_array_add (self->handles, mg_undo_stack_get_handle (stack, relation));
      g_array_append_val (self->old_values, old);
      g_array_append_val (self->new_values, new);
    }
  return mg_undo_push_if_any (stack, &self->parent, self->handles->len);
}

/* ---- the map's scales ------------------------------------------------------------ */

typedef struct {
  MgUndoCommand parent;
  char         *old_text; /* the "maillage.scales" data, NULL when absent */
  char         *new_text;
} ScalesCommand;

static void
scales_set (MgUndoStack *stack, const char *text)
{
  MgMap *map = mg_undo_stack_get_map (stack);

  mg_map_set_graph_setting (map, MG_SCALES_KEY_NAME, text);
  /* Graph data changes without a signal of its own: tell those who show
   * or evaluate the map (lenses, filters) that its settings changed. */
  g_signal_emit_by_name (map, "metadata-changed");
}

static void
scales_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  scales_set (stack, ((ScalesCommand *) command)->new_text);
}

static void
scales_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  scales_set (stack, ((ScalesCommand *) command)->old_text);
}

static void
scales_free (MgUndoCommand *command)
{
  ScalesCommand *self = (ScalesCommand *) command;

  g_free (self->old_text);
  g_free (self->new_text);
}

gboolean
mg_undo_set_scales (MgUndoStack *stack, const char *const *scales)
{
  MgMap *map;
  ScalesCommand *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);

  map = mg_undo_stack_get_map (stack);
  if (scales != NULL)
    text = mg_scales_to_string (scales);
  if (g_strcmp0 (text, mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME)) == 0)
    return FALSE;
  self = mg_undo_command_new (sizeof (ScalesCommand), "Set scales", scales_apply, scales_revert,
                              scales_free);
  self->old_text = g_strdup (mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME));
  self->new_text = g_steal_pointer (&text);
  return mg_undo_push_if_any (stack, &self->parent, 1);
}
