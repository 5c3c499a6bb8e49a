/* mg-metrics.h — structural measures of a map: degree, betweenness
 * centrality, neighbourhood role diversity, top brokers, sizing by a
 * measure.
 *
 * Everything reads an MgAdjacency snapshot (mg-adjacency.h), so the costly
 * betweenness can run in a thread while the map is edited: take the
 * snapshot on the main thread (mg_adjacency_new() or
 * mg_visibility_get_adjacency()), then use mg_metrics_betweenness_async().
 * Results are arrays indexed by MgActor.index at snapshot time.
 */
#pragma once

#include <gio/gio.h>
#include "mg-adjacency.h"
#include "mg-map.h"

G_BEGIN_DECLS

typedef enum {
  MG_BETWEENNESS_DEFAULT    = 0,      /* undirected, raw pair counts */
  MG_BETWEENNESS_DIRECTED   = 1 << 0, /* follow directed relations one way */
  MG_BETWEENNESS_NORMALIZED = 1 << 1, /* divide by the number of pairs */
} MgBetweennessFlags;

/* Called now and then with the fraction done (0..1), from the thread that
 * runs mg_metrics_betweenness(). */
typedef void (*MgProgressFunc) (double fraction, gpointer user_data);

/* Degrees (relation ends) per actor, copied into caller arrays of
 * adj->n_actors entries (any may be NULL); see MgAdjacency for their
 * meaning. */
void     mg_metrics_degrees (const MgAdjacency *adj, guint *in, guint *out, guint *total);

/* Betweenness centrality (Brandes 2001, unweighted) of every actor.
 * Parallel relations count once and self-loops not at all.  Undirected
 * (default): every relation is walked both ways and each pair counts once,
 * as NetworkX's betweenness_centrality(G).  Directed: directed relations
 * one way, undirected ones both ways.  Normalised: divided by
 * (n-1)(n-2)/2 undirected, (n-1)(n-2) directed.
 * Work is O(actors × relations); it is split over @n_threads threads (0:
 * one per processor); the result depends only on the map and on the
 * number of threads (sums are added in a fixed order).  Returns NULL with
 * G_IO_ERROR_CANCELLED when @cancellable is cancelled.  (transfer full:
 * g_free, adj->n_actors doubles) */
double  *mg_metrics_betweenness (const MgAdjacency *adj, MgBetweennessFlags flags,
                                 guint n_threads, GCancellable *cancellable,
                                 MgProgressFunc progress, gpointer progress_data,
                                 GError **error);

/* The same in a GTask thread.  @progress (may be NULL) is called in the
 * thread-default main context of the caller, at most ~20 times a second.
 * The snapshot is referenced until the task completes. */
void     mg_metrics_betweenness_async (MgAdjacency *adj, MgBetweennessFlags flags,
                                       GCancellable *cancellable,
                                       MgProgressFunc progress, gpointer progress_data,
                                       GAsyncReadyCallback callback, gpointer user_data);
/* (transfer full) the array, NULL on error. */
double  *mg_metrics_betweenness_finish (GAsyncResult *result, GError **error);

/* Distinct roles among each actor's neighbours (distinct other actors in
 * either direction; an unknown role counts as itself, no role adds none),
 * into @out (adj->n_actors entries).  @map gives the roles and must have
 * the structure the snapshot was built from. */
void     mg_metrics_role_diversity (const MgAdjacency *adj, MgMap *map, guint *out);

/* Indices of the @top_n largest @values (fewer when @n_values is smaller),
 * largest first, ties by lower index.  (transfer full) GArray of guint. */
GArray  *mg_metrics_top_indices (const double *values, guint n_values, guint top_n);

/* The @top_n actors of @map with the highest betweenness @values, as
 * MgActor* (transfer container).  Actors with a value of 0 are left out:
 * they broker nothing. */
GPtrArray *mg_metrics_top_brokers (MgMap *map, const double *values, guint top_n);

typedef enum {
  MG_SIZE_SCALE_LINEAR, /* size grows with the value */
  MG_SIZE_SCALE_AREA,   /* area grows with the value (size with its root) */
} MgSizeScale;

/* Sizes for "size actors by a measure": each value mapped into
 * [@min_size, @max_size], the smallest value to @min_size and the largest
 * to @max_size (with MG_SIZE_SCALE_AREA, by the square root of the
 * position between them); when all values are equal, every size is
 * @min_size.  Non-finite values count as the smallest.  @out has @n_values
 * entries. */
void     mg_metrics_scale_sizes (const double *values, guint n_values,
                                 double min_size, double max_size, MgSizeScale scale,
                                 double *out);

/* "Size actors by": "degree", "betweenness" or "diversity" (partner-role
 * diversity; also "role-diversity", "partner-roles"), any case, into the
 * canonical name.  FALSE when not one of them. */
gboolean mg_metrics_size_by_from_string (const char *text, const char **canonical);
/* Its name for people, translated ("betweenness"). */
const char *mg_metrics_size_by_name (const char *metric);
/* Size factors for every actor of @map by @metric (degree, betweenness,
 * diversity), from 0.6 to 2.4 times the actor's size, by area; NULL when
 * @metric is unknown.  (transfer full: g_free, *n doubles) */
double  *mg_metrics_size_factors (MgMap *map, const char *metric, guint *n);

/* Convenience: degrees as doubles, for mg_metrics_scale_sizes(). */
double  *mg_metrics_degree_values (const MgAdjacency *adj);

G_END_DECLS
