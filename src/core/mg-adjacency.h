/* mg-adjacency.h — a compact, immutable snapshot of a map's structure.
 *
 * Lenses, filters and metrics all walk neighbourhoods; walking the map's
 * structs (pointers to pointers) for that is slow.  An MgAdjacency is built
 * once per change of the map's structure (actors or relations added or
 * removed, endpoints changed) and holds plain index arrays in compressed
 * sparse row (CSR) form: the arcs of actor v are entries offsets[v] ..
 * offsets[v+1]-1 of neighbour[], relation[] and arc_flags[].
 *
 * Indices are MgActor.index and MgRelation.index at build time.  The
 * snapshot never changes after it is built and is reference counted, so a
 * worker thread (betweenness) may keep using it while the map is edited on
 * the main thread.
 */
#pragma once

#include <glib.h>
#include "mg-map.h"

G_BEGIN_DECLS

/* Which way an arc may be walked from the actor that owns it. */
typedef enum {
  MG_ARC_OUT = 1 << 0, /* the owner is the source, or the relation is undirected */
  MG_ARC_IN  = 1 << 1, /* the owner is the target, or the relation is undirected */
} MgArcFlags;

typedef struct {
  guint    n_actors;
  guint    n_relations;

  /* CSR over every relation that is not a self-loop: each such relation
   * gives one arc at each of its two ends. */
  guint   *offsets;     /* n_actors + 1 */
  guint   *neighbour;   /* actor index at the other end */
  guint   *relation;    /* relation index */
  guint8  *arc_flags;   /* MgArcFlags */

  /* Per relation. */
  guint   *rel_source;
  guint   *rel_target;
  guint8  *rel_directed;

  /* Per actor: relation ends, in (arrivals; undirected relations count),
   * out (departures; undirected relations count) and total (every relation
   * end, a self-loop counting twice, as in NetworkX). */
  guint   *in_degree;
  guint   *out_degree;
  guint   *degree;
} MgAdjacency;

/* Builds the snapshot of @map's current structure.  (transfer full) */
MgAdjacency *mg_adjacency_new (MgMap *map);
MgAdjacency *mg_adjacency_ref (MgAdjacency *adj);
void         mg_adjacency_unref (MgAdjacency *adj);

/* Number of arcs (twice the number of relations that are not self-loops). */
static inline guint
mg_adjacency_n_arcs (const MgAdjacency *adj)
{
  return adj->offsets[adj->n_actors];
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgAdjacency, mg_adjacency_unref)

G_END_DECLS
