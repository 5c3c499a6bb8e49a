/* mg-view.h — saved views: a name for a combination of lenses, filters,
 * focus and viewport, stored in the map.
 *
 * A map's views are kept as one JSON text in the data of its first graph,
 * under the key with attr.name "maillage.views" (for="graph"), so that
 * they travel with the GraphML file:
 *
 *   {"version": 1, "views": [
 *     {"name": "Care in Puy-de-Dôme", "note": "Who cares for SMEs here?",
 *      "lenses": ["care"], "mode": "any", "derived": true,
 *      "unmatched": "fade", "combine-threshold": 3, "territory-level": 0,
 *      "filters": {"roles": [...], "territory": "...", "kinds": [...],
 *                  "search": "...", "min-degree": 2},
 *      "focus": {"actors": [...], "hops": 1, "direction": "both"},
 *      "viewport": {"centre": [x, y], "zoom": 1.5}    (or {"rect": [x, y, w, h]})
 *     }]}
 *
 * Reading is lenient with what it does not know (members, lesson ids are
 * ignored; missing members take their defaults) and strict with what it
 * does (a known member of the wrong type is an error).
 */
#pragma once

#include <glib-object.h>
#include "mg-filter.h"
#include "mg-lens.h"
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_VIEWS_KEY_NAME "maillage.views"
#define MG_VIEWS_FORMAT_VERSION 1

#define MG_VIEW_ERROR (mg_view_error_quark ())
GQuark mg_view_error_quark (void);

typedef enum {
  MG_VIEW_ERROR_INVALID, /* not JSON, or not the shape of a views list */
} MgViewError;

typedef enum {
  MG_VIEW_FRAME_NONE,   /* keep whatever is shown */
  MG_VIEW_FRAME_CENTRE, /* centre_x, centre_y, zoom */
  MG_VIEW_FRAME_RECT,   /* the map rectangle to fit in the window */
} MgViewFrameKind;

typedef struct {
  MgViewFrameKind kind;
  double centre_x, centre_y; /* map coordinates */
  double zoom;               /* 1 = one map point per screen pixel */
  double x, y, width, height;/* map rectangle (top-left, size) */
} MgViewFrame;

typedef struct {
  char          *name;
  MgLensSettings lens;
  MgFilter      *filter;   /* never NULL; focus is part of it */
  MgViewFrame     viewport;
  char          *note;     /* shown with the name while presenting; NULL: none */
} MgView;

#define MG_TYPE_VIEW (mg_view_get_type ())
GType    mg_view_get_type (void) G_GNUC_CONST;

/* A view showing everything: no lens, no filter, no viewport. */
MgView  *mg_view_new (const char *name);
MgView  *mg_view_copy (const MgView *view);
void     mg_view_free (MgView *view);
gboolean mg_view_equal (const MgView *a, const MgView *b);

/* A list of views (array of MgView*) as JSON.  (transfer full) */
char      *mg_views_to_json (GPtrArray *views);
/* Parses what mg_views_to_json() wrote.  (transfer full) array of MgView*
 * that frees its elements; NULL with MG_VIEW_ERROR_INVALID on error. */
GPtrArray *mg_views_from_json (const char *json, GError **error);

/* The views stored in @map; an empty array when it has none.  NULL with an
 * error when the stored text is not valid. */
GPtrArray *mg_map_get_views (MgMap *map, GError **error);
/* Stores @views in @map (NULL or empty removes them), creating the key and
 * the first graph when missing.  The map emits no signal for it: mark the
 * document modified yourself. */
void       mg_map_set_views (MgMap *map, GPtrArray *views);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgView, mg_view_free)

G_END_DECLS
