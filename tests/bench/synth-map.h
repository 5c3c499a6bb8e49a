/* synth-map.h — large synthetic ecosystem maps, for benchmarks.
 *
 * Shared by the gen-map tool and the bench-read benchmark so that both write
 * exactly the same document for the same options.  The output is GraphML 1.1
 * in Maillage's own format (the keys of the example maps in data/maps), deterministic
 * for a seed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint    n_actors;
  guint    n_relations;
  guint32  seed;
  gboolean positions; /* write x and y for every actor */
} SynthOptions;

#define SYNTH_OPTIONS_INIT { 20000, 60000, 1, FALSE }

/* Writes the map to @path, or to standard output when @path is NULL. */
gboolean synth_map_write (const SynthOptions *options, const char *path, GError **error);

G_END_DECLS
