/* mg-undo.h — undo and redo for every edit of a map.
 *
 * Edits are commands: each knows how to apply itself to the map and how to
 * revert, through the mg_map_* setters, so the map's change signals keep
 * every view up to date in both directions.  A bulk edit (one tag on a
 * thousand actors) is one command, undone in one step.
 *
 * Actors are named by id (unique, never renamed); relations are named by
 * handles that survive their deletion and restoration, so a command made
 * before a delete still finds its relation after the delete is undone.
 *
 * The stack remembers a "clean" point (the last save): mg_undo_stack_is_clean()
 * tells whether the map differs from the saved file.  No GTK here.
 */
#pragma once

#include <glib-object.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_TYPE_UNDO_STACK (mg_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (MgUndoStack, mg_undo_stack, MG, UNDO_STACK, GObject)

/* Properties (read-only, notified): "can-undo", "can-redo", "clean",
 * "undo-label", "redo-label".  Signals:
 *   "changed" ()            after every push, undo, redo or clear;
 *   "batch-begin" (guint n) before a command touching at least
 *                           MG_UNDO_BATCH_THRESHOLD items is applied or
 *                           reverted (a bulk tag of many actors): views that
 *                           update item by item may pause and catch up once
 *                           at "batch-end" (guint n). */
#define MG_UNDO_BATCH_THRESHOLD 32

MgUndoStack *mg_undo_stack_new (MgMap *map);
MgMap       *mg_undo_stack_get_map (MgUndoStack *stack);

gboolean     mg_undo_stack_can_undo (MgUndoStack *stack);
gboolean     mg_undo_stack_can_redo (MgUndoStack *stack);
/* What the next undo / redo does, e.g. "Set role" (untranslated, mark with
 * N_ when made; NULL when there is nothing). */
const char  *mg_undo_stack_get_undo_label (MgUndoStack *stack);
const char  *mg_undo_stack_get_redo_label (MgUndoStack *stack);
gboolean     mg_undo_stack_undo (MgUndoStack *stack);
gboolean     mg_undo_stack_redo (MgUndoStack *stack);
guint        mg_undo_stack_get_depth (MgUndoStack *stack);

/* The map as it is now is the saved one. */
void         mg_undo_stack_set_clean (MgUndoStack *stack);
gboolean     mg_undo_stack_is_clean (MgUndoStack *stack);
/* Forgets every command (and the clean point becomes the present). */
void         mg_undo_stack_clear (MgUndoStack *stack);

/* The provenance given to the actors and relations that
 * mg_undo_add_actor() and mg_undo_add_relation() add ("workshop" during a
 * session, say); NULL: none recorded (the default). */
void         mg_undo_stack_set_new_provenance (MgUndoStack *stack, const char *provenance);
const char  *mg_undo_stack_get_new_provenance (MgUndoStack *stack);

/* ---- actor edits: each applies at once and is one undo step ----------- */

/* Which actor field a bulk set changes. */
typedef enum {
  MG_UNDO_ACTOR_LABEL,
  MG_UNDO_ACTOR_ROLE,
  MG_UNDO_ACTOR_TERRITORY,
  MG_UNDO_ACTOR_NOTES,
  MG_UNDO_ACTOR_ATTRIBUTE, /* a plain attribute named by @name */
  MG_UNDO_ACTOR_PROVENANCE,
} MgUndoActorField;

/* Sets @field to @value (NULL clears) on every actor of @actors (MgActor*).
 * Actors that already hold the value are left out; returns FALSE (and
 * records nothing) when nothing changes. */
gboolean mg_undo_set_actors_text (MgUndoStack *stack, GPtrArray *actors,
                                  MgUndoActorField field, const char *name,
                                  const char *value);
/* Adds the lessons of @add and removes those of @remove on every actor,
 * keeping their other lessons. */
gboolean mg_undo_change_actors_lessons (MgUndoStack *stack, GPtrArray *actors,
                                        MgLessonSet add, MgLessonSet remove);
gboolean mg_undo_set_actors_pinned (MgUndoStack *stack, GPtrArray *actors,
                                    gboolean pinned);

/* Records a move already shown live (a drag): @old_xy holds x,y pairs of the
 * actors before the move and @old_pinned their pin state (may be NULL: all
 * unpinned).  The actors' present positions are the new ones; with @pin they
 * are pinned too (applied now). */
gboolean mg_undo_record_move (MgUndoStack *stack, GPtrArray *actors,
                              const double *old_xy, const gboolean *old_pinned,
                              gboolean pin);

/* Adds a new actor with a fresh id at (x, y); returns it. */
MgActor *mg_undo_add_actor (MgUndoStack *stack, const char *label,
                            const char *role, double x, double y);
/* Removes the actors and every relation touching them. */
gboolean mg_undo_remove_actors (MgUndoStack *stack, GPtrArray *actors);

/* ---- relation edits ---------------------------------------------------- */

MgRelation *mg_undo_add_relation (MgUndoStack *stack, MgActor *source,
                                  MgActor *target, const char *kind,
                                  gboolean directed);
gboolean mg_undo_remove_relations (MgUndoStack *stack, GPtrArray *relations);

typedef enum {
  MG_UNDO_RELATION_KIND,
  MG_UNDO_RELATION_NOTES,
  MG_UNDO_RELATION_ATTRIBUTE,
  MG_UNDO_RELATION_PROVENANCE,
} MgUndoRelationField;

gboolean mg_undo_set_relations_text (MgUndoStack *stack, GPtrArray *relations,
                                     MgUndoRelationField field, const char *name,
                                     const char *value);
gboolean mg_undo_change_relations_lessons (MgUndoStack *stack, GPtrArray *relations,
                                           MgLessonSet add, MgLessonSet remove);
gboolean mg_undo_set_relations_weight (MgUndoStack *stack, GPtrArray *relations,
                                       gboolean has_weight, double weight);

/* ---- whole-map edits --------------------------------------------------- */

/* Sets the map's scales (mg-territory.h; NULL: back to the defaults) as one
 * step; the map emits "metadata-changed".  FALSE when nothing changes. */
gboolean mg_undo_set_scales (MgUndoStack *stack, const char *const *scales);

/* Geometry of every actor (position, pin) and relation (route), taken before
 * a change of many positions at once (a layout), to record it afterwards. */
typedef struct _MgGeometrySnapshot MgGeometrySnapshot;

MgGeometrySnapshot *mg_geometry_snapshot_new (MgMap *map);
void                mg_geometry_snapshot_free (MgGeometrySnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgGeometrySnapshot, mg_geometry_snapshot_free)

/* Records that the map's geometry went from @before (taken earlier, consumed)
 * to what it is now, under @label ("Lay out"). */
void     mg_undo_record_geometry (MgUndoStack *stack, MgGeometrySnapshot *before,
                                  const char *label);

/* Sets the map title (an undoable edit). */
gboolean mg_undo_set_title (MgUndoStack *stack, const char *title);

/* Groups the commands pushed between begin and end into one undo step
 * (nesting allowed); @label names it. */
void     mg_undo_stack_begin_group (MgUndoStack *stack, const char *label);
void     mg_undo_stack_end_group (MgUndoStack *stack);

G_END_DECLS
