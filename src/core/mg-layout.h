/* mg-layout.h — laying a map out with Graphviz (cgraph + gvc, in process).
 *
 * A layout runs in three steps so that the window can do the heavy part on a
 * worker thread:
 *
 *   1. mg_layout_request_new()   — on the thread that owns the map: copies
 *      everything the layout needs (ids, label sizes, pins, territories,
 *      relations) into plain data.  The map is not touched afterwards.
 *   2. mg_layout_run()           — on any thread: builds a fresh Graphviz
 *      graph, lays it out, copies the geometry into an MgLayoutResult and
 *      frees every Graphviz structure.  Graphviz 2.42 is not re-entrant (not
 *      even with one context per thread), so runs are serialised by one
 *      process-wide mutex: a second run waits for the first.
 *   3. mg_layout_result_apply()  — on the thread that owns the map: writes
 *      positions and routes into the map.  Never called after a failure, so a
 *      failed layout leaves the map as it was.
 *
 * Messages: Graphviz's warnings are captured (never printed) into the
 * result's messages, prefixed "Graphviz: "; a Graphviz error fails the run
 * with MG_LAYOUT_ERROR_GRAPHVIZ quoting it, except that a failure to route
 * curves is retried once with straight relations (and a message).
 * Known Graphviz 2.42 defects we live with: dot with territory boxes leaks
 * about 250 KB per layout of 60 actors inside Graphviz; its path planner may
 * print a line to stderr when a triangulation fails (not seen in tests).
 *
 * fdp with territory boxes runs in a child process: Graphviz 2.42's fdp
 * crashes (segfault) on clusters in about 1–7 % of layouts of 40–300
 * actors, which in process would take the application, and the user's
 * unsaved work, down.  The very graph an in-process layout would use goes
 * to the `fdp` program (Debian package graphviz) as DOT, and its output
 * (-Tdot) is read back into the same result: positions, routes, territory
 * boxes (coordinates rounded to five significant digits).  When the child
 * crashes or fails, it runs once more with another seed ("start"); when
 * that fails too, or the program is not installed, the map is laid out in
 * process with dot, which draws territory boxes too: the result's engine
 * is then dot, and a message says why.  It costs the program's start and
 * the round trip through text: about 0.1 s of CPU per layout at 300
 * actors, 0.1–0.3 s at 1,000 (tests/bench/README.md).  The environment
 * variable MAILLAGE_FDP_PROGRAM, when set, names another program (for
 * tests).  Every other layout runs in process.
 *
 * Cancellation: a running Graphviz layout cannot be interrupted in
 * process.  The GCancellable given to mg_layout_run() is checked before
 * Graphviz starts and after it returns (the result is then discarded);
 * the fdp child process is killed at once.  Callers that start a newer
 * layout should also drop stale results by a generation counter.
 *
 * Geometry: map coordinates are points, y pointing down; (x, y) is the
 * centre of the actor's shape.
 *
 * Actor sizes.  Graphviz is given, for each actor, a fixed-size box (its
 * "footprint") that holds the actor's shape (the actor's own width/height, or
 * MG_LAYOUT_DEFAULT_SHAPE_SIZE when it has none) with room for its label
 * BELOW the shape: width = max(shape width, estimated label width), height =
 * shape height + MG_LAYOUT_LABEL_GAP + label height.  The label itself is not
 * given to Graphviz (label=""), so the text never has to be escaped or
 * measured there; its size is estimated from the number of characters
 * (MG_LAYOUT_LABEL_FONT_SIZE × MG_LAYOUT_LABEL_CHAR_WIDTH per character,
 * wrapped at MG_LAYOUT_LABEL_MAX_WIDTH, at most 3 lines).  A renderer that
 * draws labels inside the shape simply gets a little more room below.
 * The layout never changes an actor's size: apply writes positions and
 * routes only.
 *
 * Pinned actors (pinned with a position, when options.keep_pinned): neato
 * holds them through Graphviz ("pos=x,y!", with overlap removal that does
 * not move them), and fdp does on maps of up to 100 actors without
 * territory boxes.  The other engines (sfdp, dot, circo, twopi, fdp beyond
 * that) ignore pins or may move them: their layout is turned (sfdp, circo,
 * twopi only: a rigid fit) and translated so that the pinned actors come as
 * close as possible to their stored positions, then each pinned actor is put
 * back exactly at its stored position.  Its neighbours may then sit oddly
 * close or far, and routes touching a pinned actor that had to be moved back
 * are dropped (drawn straight).  With pins, the result keeps the pinned
 * actors' coordinates; without, the layout's top-left corner is at (0, 0).
 */
#pragma once

#include <gio/gio.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_LAYOUT_DEFAULT_SHAPE_SIZE 40.0 /* points, for actors without a size */
#define MG_LAYOUT_LABEL_FONT_SIZE    10.0 /* points */
#define MG_LAYOUT_LABEL_CHAR_WIDTH   0.6  /* average character width, in ems (Sans) */
#define MG_LAYOUT_LABEL_LINE_HEIGHT  1.25 /* in ems */
#define MG_LAYOUT_LABEL_MAX_WIDTH    150.0 /* points; longer labels wrap */
#define MG_LAYOUT_LABEL_GAP          3.0   /* points between shape and label */

/* ---- engines ------------------------------------------------------------ */

/* MG_LAYOUT_ENGINE_AUTO chooses by size and grouping (n = number of actors;
 * times measured on random maps with 2.5 relations per actor, see
 * tests/bench/bench-layout.c):
 *   - grouping by territory (and some actor has a territory at that level):
 *       n ≤ 1,000: fdp with territory boxes, in a child process (see
 *       above; 0.5 s at 300 actors, 2 s at 1,000): on the example maps it
 *       takes up to 55 % less area than dot (once 5 % more) and keeps
 *       aspect ratios ≤ 2.1:1 where dot's ranks make strips up to 5.2:1,
 *       unreadable on a projector;
 *       1,000 < n ≤ 2,000: dot with territory boxes (1–1.7 s at 2,000);
 *       beyond: sfdp without boxes, and a message says so;
 *   - otherwise n ≤ 150: neato, overlaps removed (vpsc);
 *   - 150 < n ≤ 2,000: sfdp, overlaps removed (prism);
 *   - n > 2,000: sfdp without overlap removal (actors may overlap).
 * Curved routes (MG_LAYOUT_ROUTES_AUTO) are asked from Graphviz when n ≤ 60
 * and there are at most 180 relations (n ≤ 200 with dot); beyond, relations
 * are straight (route NULL).  Graphviz's spline router costs ~3 s at 100
 * actors and a minute at 300.  With curves, parallel relations between two
 * actors share one route (except with dot): Graphviz 2.42 crashes routing
 * parallel edges on some maps; the renderer may fan them out.
 *
 * The range of each explicit engine (beyond it, mg_layout_run() refuses with
 * MG_LAYOUT_ERROR_TOO_LARGE unless options.force):
 *   dot ≤ 200 (≤ 5,000 grouped by territory, which is much faster: 0.1 s
 *   at 300, 1.7 s at 2,000), neato ≤ 2,000, circo ≤ 100,
 *   fdp ≤ 2,000 (≤ 5,000 grouped), twopi and sfdp unlimited; curved routes
 *   ≤ 200 actors except with dot.
 *
 * Engines: dot lays out in ranks (directed relations point down); neato,
 * fdp and sfdp are force-directed; twopi is radial around the best-connected
 * actor of each connected component; circo puts actors on circles.  Only
 * dot and fdp draw territory boxes.  fdp (and dot with boxes) may give
 * slightly different layouts from one run to the next: Graphviz orders some
 * of its internal sets by memory address. */
typedef enum {
  MG_LAYOUT_ENGINE_AUTO,
  MG_LAYOUT_ENGINE_DOT,
  MG_LAYOUT_ENGINE_NEATO,
  MG_LAYOUT_ENGINE_FDP,
  MG_LAYOUT_ENGINE_SFDP,
  MG_LAYOUT_ENGINE_CIRCO,
  MG_LAYOUT_ENGINE_TWOPI,
  MG_LAYOUT_N_ENGINES
} MgLayoutEngine;

/* "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi". */
const char *mg_layout_engine_to_string (MgLayoutEngine engine);
/* Parses a name (any case); FALSE when unknown. */
gboolean    mg_layout_engine_from_string (const char *text, MgLayoutEngine *out);
/* TRUE for the engines that draw territory boxes (dot, fdp). */
gboolean    mg_layout_engine_supports_clusters (MgLayoutEngine engine);

/* How relations are routed. */
typedef enum {
  MG_LAYOUT_ROUTES_AUTO,     /* curved when the map is small (see above) */
  MG_LAYOUT_ROUTES_CURVED,   /* ask Graphviz for splines (refused > 500 actors) */
  MG_LAYOUT_ROUTES_STRAIGHT, /* no routes: every relation is a straight line */
} MgLayoutRoutes;

/* ---- options ------------------------------------------------------------- */

typedef struct {
  MgLayoutEngine engine;
  /* 0: no grouping; 1: region, 2: department, 3: city… (territory paths are
   * "Region/Department/City", split on '/', components trimmed).  dot and
   * fdp draw territories as nested boxes down to that level (Graphviz
   * clusters); actors without a territory stay outside the boxes.  The
   * other engines lay the map out without boxes, say so in the result's
   * messages, and return no boxes (boxes around actors placed without
   * regard to their territory would overlap and mislead). */
  guint          group_by_territory_level;
  gboolean       keep_pinned;  /* pinned actors keep their position */
  gboolean       force;        /* run an engine even beyond its range */
  MgLayoutRoutes routes;
  /* For experts and tests: extra Graphviz graph attributes, as a
   * NULL-terminated list of name, value, name, value…, NULL; set after ours
   * (so they win).  Not copied by mg_layout_options_init(). */
  const char *const *graph_attributes;
} MgLayoutOptions;

/* AUTO engine, no grouping, keep_pinned TRUE, no force, AUTO routes. */
void mg_layout_options_init (MgLayoutOptions *options);

/* ---- errors -------------------------------------------------------------- */

#define MG_LAYOUT_ERROR (mg_layout_error_quark ())
GQuark mg_layout_error_quark (void);

typedef enum {
  MG_LAYOUT_ERROR_TOO_LARGE, /* the engine (or curved routes) refused for this size */
  MG_LAYOUT_ERROR_GRAPHVIZ,  /* Graphviz reported an error; message quotes it */
} MgLayoutError;
/* A cancelled run gives G_IO_ERROR_CANCELLED. */

/* ---- result -------------------------------------------------------------- */

typedef struct {
  double x0, y0; /* top-left, map coordinates */
  double x1, y1; /* bottom-right */
} MgLayoutBox;

typedef struct {
  char       *id;           /* the actor's id when the request was made */
  double      x, y;         /* centre of the shape */
  double      width, height;/* the shape size laid out */
  MgLayoutBox footprint;    /* shape and label box given to Graphviz */
  gboolean    pinned;       /* kept at its stored position */
} MgLayoutActor;

typedef struct {
  guint   source, target; /* actor indices in the result */
  double *points;         /* x0,y0, x1,y1…: cubic Bézier control points, 3n+1
                             points, from source to target; NULL = straight */
  guint   n_points;
} MgLayoutRoute;

typedef struct {
  char       *territory;   /* full path down to this level, "Region/Department" */
  char       *label;       /* last component, "Department" */
  MgLayoutBox box;
  guint       depth;       /* 1 for regions, 2 for departments… */
  int         parent;      /* index of the enclosing cluster, or -1 */
} MgLayoutCluster;

typedef struct {
  MgLayoutEngine   engine;      /* the engine actually used (never AUTO) */
  MgLayoutActor   *actors;      /* n_actors, in mg_map_get_actors() order */
  guint            n_actors;
  MgLayoutRoute   *routes;      /* n_routes = number of relations, in order */
  guint            n_routes;
  MgLayoutCluster *clusters;    /* parents before children */
  guint            n_clusters;
  MgLayoutBox      bounds;      /* all footprints, clusters and routes */
  GPtrArray       *messages;    /* of char*: Graphviz warnings and our notes */
  double           seconds;     /* time spent in Graphviz */
} MgLayoutResult;

void mg_layout_result_free (MgLayoutResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgLayoutResult, mg_layout_result_free)

/* ---- the three steps ---------------------------------------------------- */

typedef struct _MgLayoutRequest MgLayoutRequest;

/* Snapshots @map (on its thread).  @options may be NULL for defaults. */
MgLayoutRequest *mg_layout_request_new (MgMap *map, const MgLayoutOptions *options);
void             mg_layout_request_free (MgLayoutRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgLayoutRequest, mg_layout_request_free)
/* The engine the request will use (AUTO resolved) and, in @reason when not
 * NULL, why it would be refused (NULL when it runs).  Lets a caller warn
 * before starting. */
MgLayoutEngine   mg_layout_request_get_engine (MgLayoutRequest *request, char **reason);

/* Writes the graph mg_layout_run() would give Graphviz, in the DOT
 * language, to @path: to compare our pipeline with the Graphviz programs
 * on the very same input (tests/bench/bench-export) and to reproduce a
 * Graphviz problem outside Maillage.  Any thread; serialised. */
gboolean         mg_layout_request_write_dot (MgLayoutRequest *request, const char *path,
                                              GError **error);

/* Runs the layout (any thread; serialised).  Returns NULL with @error set
 * when refused (MG_LAYOUT_ERROR_TOO_LARGE), when Graphviz reports an error
 * (MG_LAYOUT_ERROR_GRAPHVIZ) or when @cancellable was cancelled. */
MgLayoutResult  *mg_layout_run (MgLayoutRequest *request, GCancellable *cancellable,
                                GError **error);
/* A quick first arrangement, without Graphviz (any thread, not serialised):
 * force-directed with near repulsion only, overlap-free, straight routes,
 * pinned actors kept; about a second or less at 5,000 actors.  For showing
 * a big map at once while mg_layout_run() refines it. */
MgLayoutResult  *mg_layout_run_quick (MgLayoutRequest *request);

/* Writes the result into @map (on its thread): positions of every actor
 * still present (matched by index and id, else by id) except the pinned ones
 * that were kept, and the routes of relations whose endpoints still match.
 * Emits "layout-changed" once, and relation-changed for routes. */
void             mg_layout_result_apply (MgLayoutResult *result, MgMap *map);

/* The three steps at once, for the command line.  @out_result (may be NULL)
 * receives the result after it was applied. */
gboolean         mg_layout_map_sync (MgMap *map, const MgLayoutOptions *options,
                                     MgLayoutResult **out_result, GError **error);

G_END_DECLS
