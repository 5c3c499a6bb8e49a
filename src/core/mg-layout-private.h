/* mg-layout-private.h — the plain snapshot a layout works from, shared by
 * mg-layout.c (snapshot and plan), mg-layout-result.c (run, anchor, apply)
 * and mg-layout-graphviz.c (Graphviz). */
#pragma once

#include "mg-layout.h"

G_BEGIN_DECLS

typedef struct {
  char    *id;
  double   width, height;         /* shape */
  double   box_width, box_height; /* footprint: shape + label below */
  double   x, y;                  /* stored position (shape centre) */
  gboolean pinned;                /* kept at (x, y) */
  int      cluster;               /* innermost territory cluster, or -1 */
  guint    component;             /* connected component */
  guint    degree;                /* relations to other actors */
} MgLayoutRequestActor;

typedef struct {
  guint source, target;
} MgLayoutRequestRelation;

typedef struct {
  char *territory; /* path down to this depth */
  char *label;     /* last component */
  int   parent;    /* index, or -1 */
  guint depth;     /* 1 = top level */
} MgLayoutRequestCluster;

struct _MgLayoutRequest {
  MgLayoutRequestActor    *actors;
  guint                    n_actors;
  MgLayoutRequestRelation *relations;
  guint                    n_relations;
  MgLayoutRequestCluster  *clusters;   /* parents before children */
  guint                    n_clusters;
  guint                    n_pinned;
  gboolean                 any_directed;
  char                   **graph_attributes; /* name, value… (owned) */

  /* The plan, decided when the request is made. */
  MgLayoutEngine engine;       /* never AUTO */
  gboolean       use_clusters; /* give Graphviz the territory clusters */
  gboolean       splines;      /* ask for curved routes */
  const char    *overlap;      /* value of "overlap", or NULL: not declared */
  gboolean       separate;     /* remove overlaps ourselves after Graphviz */
  char          *refusal;      /* why the run is refused, or NULL */
  GPtrArray     *notes;        /* char*, copied into the result's messages */
};

/* The shape centre is above the footprint centre by this much (the label
 * sits below the shape). */
static inline double
mg_layout_request_actor_offset (const MgLayoutRequestActor *actor)
{
  return (actor->box_height - actor->height) / 2.0;
}

/* mg-layout-separate.c: moves actors of @result (no territory boxes) so
 * that no two footprints overlap, keeping the layout's shape; drops curved
 * routes.  Returns the overlapping pairs left (0 but in pathological
 * cases). */
guint64  mg_layout_separate (MgLayoutResult *result);

/* mg-layout-quick.c: a quick first arrangement of @request into @result
 * (footprints may overlap; not anchored). */
void     mg_layout_quick_place (MgLayoutRequest *request, MgLayoutResult *result);

/* mg-layout-graphviz.c: lays @request out with Graphviz, under the global
 * mutex, and fills in the geometry of @result (in Graphviz coordinates
 * converted to y-down, not yet anchored).  FALSE with @error on failure. */
gboolean mg_layout_graphviz_run (MgLayoutRequest *request, MgLayoutResult *result,
                                 GCancellable *cancellable, GError **error);
/* Drops the routes and territory boxes read into @result (before a retry). */
void     mg_layout_graphviz_clear_geometry (MgLayoutResult *result);

/* For a layout made by a Graphviz program in a child process
 * (mg-layout-subprocess.c).  Writes the graph of @request to @path, each
 * Graphviz edge numbered by the relation that made it (attribute "mgi"),
 * and "start" set to @seed when not 0; @owners receives, per relation, the
 * number of the edge that stands for it (parallel relations may share one
 * edge).  Serialised. */
gboolean mg_layout_graphviz_write_for_program (const MgLayoutRequest *request, const char *path,
                                               guint seed, guint **owners, GError **error);
/* Reads @text, the program's DOT output (-Tdot), into @result like
 * mg_layout_graphviz_run() does: positions, routes and territory boxes
 * (through neato -n2, which keeps them as given).  FALSE with @error_text
 * when the output is not a layout of that graph.  Serialised. */
gboolean mg_layout_graphviz_read_laid_out (const MgLayoutRequest *request, const char *text,
                                           const guint *owners, MgLayoutResult *result,
                                           char **error_text);

/* mg-layout-subprocess.c: fdp with territory boxes, which crashes now and
 * then in Graphviz 2.42, runs as the fdp program in a child process (with
 * one retry, then dot in process); the same contract as
 * mg_layout_graphviz_run(), and cancelling kills the child. */
gboolean mg_layout_subprocess_run (MgLayoutRequest *request, MgLayoutResult *result,
                                   GCancellable *cancellable, GError **error);

G_END_DECLS
