/* mg-visibility.h — lenses and filters evaluated into one result.
 *
 * MgVisibility watches one map.  Given lens settings (mg-lens.h) and a
 * filter (mg-filter.h) it tells, for every actor and relation, which
 * lessons it matches (explicitly, or only by a derived rule) and how it is
 * shown:
 *   HIDDEN       excluded by the filter (a relation also when either end is
 *                hidden or its kind is filtered out), or unmatched by the
 *                active lenses when they hide the unmatched;
 *   HIGHLIGHTED  matched by the active lenses (any: at least one; all: every
 *                one);
 *   FADED        not matched, lenses fading the unmatched;
 *   NORMAL       no lens is on and the filter keeps it; also an unmatched
 *                actor at an end of a highlighted relation, kept as plain
 *                context (fade or hide alike) so that the relation has ends.
 * The layout never moves: evaluation reads the map and never writes it.
 *
 * The result is plain arrays indexed by MgActor.index / MgRelation.index,
 * read in O(1) by the scene.  Evaluation is lazy: mg_visibility_get_result()
 * brings the result up to date, redoing only what the changes since the
 * last call require — a lens toggle touches a few byte arrays; a filter
 * change re-runs the filter; the CSR adjacency and the interned roles,
 * kinds and territories are rebuilt only when the map changes.
 *
 * Invalidation: the object listens to the map's actor-/relation-
 * added/-removed/-changed signals and marks what they affect.  It also
 * notices a change in the number of actors or relations by itself.  After
 * changing the map's structs by other means (the GraphML layer filling a
 * map without signals, for example), call mg_visibility_invalidate().
 *
 * "changed" is emitted when the result has become out of date (once, until
 * it is read again): re-read it then, or at the next draw.  A result stays
 * valid until the next call that updates it; compare `generation` to know
 * whether anything was recomputed, and do not keep its arrays across calls.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include "mg-adjacency.h"
#include "mg-filter.h"
#include "mg-lens.h"
#include "mg-map.h"

G_BEGIN_DECLS

typedef enum {
  MG_VISIBILITY_NORMAL = 0,
  MG_VISIBILITY_HIGHLIGHTED,
  MG_VISIBILITY_FADED,
  MG_VISIBILITY_HIDDEN,
} MgVisibilityState;

typedef struct {
  guint64      generation;   /* grows each time the result is recomputed */
  guint        n_actors;
  guint        n_relations;
  MgLessonSet  active;       /* the lenses on (draw only these lessons) */

  /* Per actor (by MgActor.index). */
  const guint8 *actor_state;       /* MgVisibilityState */
  const guint8 *actor_matched;     /* 1: matched by the active lenses under
                                      the mode, whatever the filter; 0 also
                                      when no lens is on */
  const guint8 *actor_explicit;    /* MgLessonSet: tagged */
  const guint8 *actor_derived;     /* MgLessonSet: derived only (never
                                      overlaps actor_explicit: explicit
                                      wins — draw solid, derived dashed) */
  /* Per relation (by MgRelation.index). */
  const guint8 *relation_state;
  const guint8 *relation_matched;
  const guint8 *relation_explicit;
  const guint8 *relation_derived;

  /* Items matching each lesson (explicitly or derived), among those the
   * filter keeps; counted for every lesson, active or not. */
  guint        actors_matching[MG_N_LESSONS];
  guint        relations_matching[MG_N_LESSONS];
  /* Totals under the current settings. */
  guint        n_actors_highlighted, n_relations_highlighted;
  guint        n_actors_visible, n_relations_visible; /* not hidden */
} MgVisibilityResult;

#define MG_TYPE_VISIBILITY (mg_visibility_get_type ())
G_DECLARE_FINAL_TYPE (MgVisibility, mg_visibility, MG, VISIBILITY, GObject)

MgVisibility *mg_visibility_new (MgMap *map);
MgMap        *mg_visibility_get_map (MgVisibility *self);

void          mg_visibility_set_lens_settings (MgVisibility *self, const MgLensSettings *settings);
void          mg_visibility_get_lens_settings (MgVisibility *self, MgLensSettings *out);
/* Switches one lens on or off. */
void          mg_visibility_set_lesson_active (MgVisibility *self, MgLesson lesson, gboolean active);

/* Copies @filter; NULL restricts nothing. */
void          mg_visibility_set_filter (MgVisibility *self, const MgFilter *filter);
const MgFilter *mg_visibility_get_filter (MgVisibility *self);

/* Forgets every cache (see "Invalidation" above). */
void          mg_visibility_invalidate (MgVisibility *self);

/* Brings the result up to date and returns it (transfer none). */
const MgVisibilityResult *mg_visibility_get_result (MgVisibility *self);

/* The adjacency snapshot of the current map structure (transfer none; ref
 * it to keep it, e.g. for mg_metrics_betweenness() in a thread). */
MgAdjacency  *mg_visibility_get_adjacency (MgVisibility *self);

/* Distinct roles among each actor's neighbours (transfer none, n_actors). */
const guint  *mg_visibility_get_role_diversity (MgVisibility *self);

/* For `maillage --info --json`: adds to the object @builder is building
 *   "matches": { "<lesson id>": { "actors": [ids], "relations": [ids] }, … }
 *              for each active lesson (explicit or derived, filter applied),
 *   "matched": { "actors": […], "relations": […] }   highlighted items,
 *   "visible": { "actors": […], "relations": […] }   all but the hidden.
 * Relation ids are MgRelation.id, or "e<index>" when it has none. */
void          mg_visibility_build_json (MgVisibility *self, JsonBuilder *builder);

static inline MgVisibilityState
mg_visibility_result_actor_state (const MgVisibilityResult *result, const MgActor *actor)
{
  return actor->index < result->n_actors ? (MgVisibilityState) result->actor_state[actor->index]
                                         : MG_VISIBILITY_NORMAL;
}

static inline MgVisibilityState
mg_visibility_result_relation_state (const MgVisibilityResult *result, const MgRelation *relation)
{
  return relation->index < result->n_relations
           ? (MgVisibilityState) result->relation_state[relation->index]
           : MG_VISIBILITY_NORMAL;
}

G_END_DECLS
