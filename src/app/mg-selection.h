/* mg-selection.h — which actors and relations of a map are selected.
 *
 * Shared by the canvas, the actor list and the inspector of one window.
 * Follows the map: removed items leave the selection. */
#pragma once

#include <glib-object.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_TYPE_SELECTION (mg_selection_get_type ())
G_DECLARE_FINAL_TYPE (MgSelection, mg_selection, MG, SELECTION, GObject)

typedef enum {
  MG_SELECT_REPLACE, /* the selection becomes exactly these */
  MG_SELECT_ADD,     /* added to the selection */
  MG_SELECT_TOGGLE,  /* selected ones leave, others join */
} MgSelectMode;

/* Signal "changed" () after every change.  Property "n-actors". */

MgSelection *mg_selection_new (MgMap *map);
MgMap       *mg_selection_get_map (MgSelection *self);

/* (transfer none) in the order they were selected. */
GPtrArray   *mg_selection_get_actors (MgSelection *self);
GPtrArray   *mg_selection_get_relations (MgSelection *self);
guint        mg_selection_get_n_actors (MgSelection *self);
gboolean     mg_selection_contains_actor (MgSelection *self, const MgActor *actor);
gboolean     mg_selection_contains_relation (MgSelection *self, const MgRelation *relation);
gboolean     mg_selection_is_empty (MgSelection *self);

void         mg_selection_select_actor (MgSelection *self, MgActor *actor, MgSelectMode mode);
void         mg_selection_select_actors (MgSelection *self, GPtrArray *actors, MgSelectMode mode);
void         mg_selection_select_relation (MgSelection *self, MgRelation *relation, MgSelectMode mode);
void         mg_selection_select_all (MgSelection *self);
void         mg_selection_clear (MgSelection *self);

G_END_DECLS
