/* mg-undo-private.h — commands of the undo stack, shared by mg-undo.c (the
 * stack) and mg-undo-commands.c (the edits). */
#pragma once

#include "mg-undo.h"

G_BEGIN_DECLS

typedef struct _MgUndoCommand MgUndoCommand;

/* A command applies itself and reverts itself through the mg_map_* setters.
 * apply() is called once when pushed (the edit itself) and again on redo. */
struct _MgUndoCommand {
  void (*apply)  (MgUndoCommand *command, MgUndoStack *stack);
  void (*revert) (MgUndoCommand *command, MgUndoStack *stack);
  void (*free)   (MgUndoCommand *command);
  char *label;
  guint n_items; /* actors or relations it touches (for "batch-begin") */
};

/* A relation's identity across delete and undo: commands hold handles, and
 * restoring a deleted relation points its handle at the new struct. */
typedef struct {
  gatomicrefcount ref_count;
  MgRelation     *relation; /* NULL while deleted */
} MgRelationHandle;

MgRelationHandle *mg_relation_handle_ref (MgRelationHandle *handle);
void              mg_relation_handle_unref (MgRelationHandle *handle);

/* The handle of @relation, made on first use. */
MgRelationHandle *mg_undo_stack_get_handle (MgUndoStack *stack, MgRelation *relation);
/* After a relation was recreated: @handle now names @relation. */
void              mg_undo_stack_rebind_handle (MgUndoStack *stack, MgRelationHandle *handle,
                                               MgRelation *relation);

/* Applies @command (the edit) and records it, or adds it to the open group. */
void              mg_undo_stack_push_applied (MgUndoStack *stack, MgUndoCommand *command,
                                              gboolean apply);

void              mg_undo_command_free (MgUndoCommand *command);
/* A zeroed command of @size bytes with its functions and label. */
gpointer          mg_undo_command_new (gsize size, const char *label,
                                       void (*apply) (MgUndoCommand *, MgUndoStack *),
                                       void (*revert) (MgUndoCommand *, MgUndoStack *),
                                       void (*free_func) (MgUndoCommand *));
/* Pushes @command (applied now) when it touches @n > 0 items; else frees
 * it and returns FALSE. */
gboolean          mg_undo_push_if_any (MgUndoStack *stack, MgUndoCommand *command, guint n);

/* ---- snapshots (mg-undo-snapshots.c) ------------------------------------- */

typedef struct {
  char        *id, *label, *role, *territory, *notes, *provenance, *parent_id;
  MgLessonSet  lessons;
  double       x, y, width, height;
  gboolean     has_position, pinned, has_color;
  guint32      color;
  guint        graph_index;
  MgGraphInfo *subgraph;
  GPtrArray   *data;
  MgXmlExtra   extra;
} ActorSnapshot;

ActorSnapshot    *mg_undo_actor_snapshot_new (const MgActor *actor);
void              mg_undo_actor_snapshot_free (ActorSnapshot *snap);
/* Re-creates the actor as it was (same id); NULL when the id is taken. */
MgActor          *mg_undo_actor_snapshot_restore (const ActorSnapshot *snap, MgMap *map);

typedef struct {
  MgRelationHandle *handle;
  char        *id, *source_id, *target_id, *kind, *notes, *provenance, *parent_id;
  MgLessonSet  lessons;
  double       weight;
  gboolean     has_weight, directed;
  int          directed_attr;
  guint        graph_index;
  double      *route;
  guint        n_route_points;
  GPtrArray   *data;
  MgXmlExtra   extra;
} RelationSnapshot;

RelationSnapshot *mg_undo_relation_snapshot_new (MgUndoStack *stack, MgRelation *relation);
void              mg_undo_relation_snapshot_free (RelationSnapshot *snap);
/* Re-creates the relation between its actors and rebinds its handle. */
MgRelation       *mg_undo_relation_snapshot_restore (const RelationSnapshot *snap, MgUndoStack *stack);

G_END_DECLS
