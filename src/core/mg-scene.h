/* mg-scene.h — what to draw: a map styled, in map coordinates.
 *
 * The scene turns an MgMap and an MgStyle into drawable items: one per actor
 * (shape, colours, wrapped label placed without collisions) and one per
 * relation (a path clipped to the shapes' borders, arrowhead, line style),
 * plus territory cluster boxes and the legend.  A spatial index answers
 * "which items meet this rectangle" (culling) and "what is under this point"
 * (hit-testing).  Renderers (mg-render-cairo, mg-svg) only read a scene.
 *
 * The scene follows its map: it listens to the map's change signals and
 * updates only what changed, emitting "changed" so a canvas can redraw.  It is
 * also usable without a main loop (command line): build, render, drop.
 *
 * Item structs are owned by the scene and may be read directly; they are
 * valid until the next change of the map or call that rebuilds the scene.
 * A scene is not thread-safe: use it from one thread at a time.
 */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>
#include "mg-filter.h"
#include "mg-map.h"
#include "mg-style.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} MgRect;

gboolean mg_rect_intersects (const MgRect *a, const MgRect *b);
gboolean mg_rect_contains_point (const MgRect *r, double x, double y);
/* Grows @r to include @other (an empty rect — width or height < 0 — is
 * replaced). */
void     mg_rect_union (MgRect *r, const MgRect *other);
/* An empty rect (width = height = -1). */
MgRect   mg_rect_empty (void);
gboolean mg_rect_is_empty (const MgRect *r);

typedef enum {
  MG_SCENE_ITEM_ACTOR,
  MG_SCENE_ITEM_RELATION,
} MgSceneItemType;

/* Set by lenses and filters (issue 5); the renderers honour it. */
typedef enum {
  MG_ITEM_SHOWN,
  MG_ITEM_FADED,
  MG_ITEM_HIDDEN,
} MgItemVisibility;

typedef enum {
  MG_LABEL_BELOW,
  MG_LABEL_ABOVE,
  MG_LABEL_RIGHT,
  MG_LABEL_LEFT,
  MG_LABEL_INSIDE,
  MG_LABEL_DROPPED,  /* no room: only in the tooltip / SVG <title> */
} MgLabelPlacement;

/* One lesson drawn on an item: a ring segment on an actor, a halo on a
 * relation, in the lesson's colour.  Derived matches are drawn dashed.  A
 * shown item with marks is drawn as matched: full colour, on top. */
typedef struct {
  MgLesson lesson;
  gboolean derived;
} MgLessonMark;

typedef struct {
  MgSceneItemType  type;
  MgItemVisibility visibility;
  gboolean         highlight; /* emphasis, e.g. under the pointer (an outline);
                                 lens matches are shown by their marks */
  MgRect           bounds;  /* everything drawn for the item, label excepted */
  guint            order;   /* z-order: higher is drawn later */
  /*< private >*/
  guint            stamp;
} MgSceneItem;

typedef struct {
  MgSceneItem   item;
  MgActor      *actor;
  const MgRole *role;       /* NULL when the actor has none */
  MgShape       shape;
  MgColor       fill, stroke;
  double        x, y;       /* centre */
  double        width, height;

  char         *full_label; /* the whole text (tooltips, SVG <title>) */
  char        **label_lines;/* what is drawn: wrapped, ellipsized */
  guint         n_label_lines;
  double       *baselines;  /* per line, from the top of label_rect's text */
  MgRect       *line_rects; /* per line, its extents from the same origin
                               (lines are centred: backgrounds follow them) */
  double        text_width, text_height;
  MgRect        label_rect; /* placed text box, padding included */
  MgLabelPlacement placement;
  guint         degree;     /* relations touching it */

  MgLessonMark *marks;      /* ring segments, or NULL */
  guint         n_marks;
  guint8        provenance; /* MgProvenance: workshop additions get a badge */

  /*< private >*/
  GPtrArray    *relations;  /* MgSceneRelation* touching it */
  PangoLayout  *layout;     /* cached, created when first drawn */
  gpointer      glyphs;     /* MgLabelGlyphs, cached likewise */
  GList        *cache_link; /* in the scene's layout cache */
  gboolean      placed;     /* has a position: drawn and indexed */
  MgRect        indexed;    /* bounds as inserted in the index */
  guint         draw_index; /* in the scene's compact draw list */
  gboolean      label_in_index;
  double        label_zoom; /* its label is drawn up to this inflation
                               (mg_scene_label_zoom()); 0 when dropped */
  double        priority;   /* label priority: the metric, else degree */
} MgSceneActor;

typedef struct {
  MgSceneItem   item;
  MgRelation   *relation;
  MgSceneActor *source, *target;
  const MgRelationKind *kind;
  MgColor       color;
  MgLineStyle   line;
  double        width;
  /* Path: cubic Bézier control points x0,y0, x1,y1 … (3n+1 points), from
   * the source's border to the arrowhead base (or the target's border). */
  double       *points;
  guint         n_points;
  gboolean      has_arrow;
  double        arrow[6];   /* tip, then the two base corners */

  MgLessonMark *marks;      /* halos, or NULL */
  guint         n_marks;
  guint8        provenance; /* MgProvenance: inferred and illustrative
                               relations are drawn thinner and lighter */

  /*< private >*/
  double       *flat;       /* flattened path for hit-testing (x,y pairs) */
  guint         n_flat;
  gboolean      placed;
  gboolean      straight;   /* one segment along a line */
  guint         draw_index;
  gboolean      in_index;
  double        index_pad;
  int           parallel_rank; /* twice the offset among parallel relations */
} MgSceneRelation;

/* A territory box (from the layout), in map coordinates: (x, y) is the
 * top-left corner.  @path is the territory path, @label what is shown. */
typedef struct {
  char  *label;
  char  *path;
  double x, y, width, height;
  guint  depth;  /* 0 for the outermost */
} MgSceneCluster;

/* The legend, laid out in its own coordinates (points, origin top-left).
 * Lists only the roles and relation kinds present (not hidden). */
typedef enum {
  MG_LEGEND_HEADING,   /* the legend title */
  MG_LEGEND_SECTION,   /* "Lenses", "Actors", "Relations" */
  MG_LEGEND_ROLE,
  MG_LEGEND_KIND,
  MG_LEGEND_LENS,      /* an active lens: ring swatch, lesson name, counts in detail */
  MG_LEGEND_LENS_KEY,  /* "tagged" (solid) or "derived" (dashed): see `derived` */
  MG_LEGEND_NOTE,      /* a wrapped remark: matches of several lenses, the filter */
} MgLegendEntryType;

typedef struct {
  MgLegendEntryType type;
  char        *text;          /* the whole text */
  char       **lines;         /* what is drawn: text wrapped (NULL-terminated) */
  double      *baselines;     /* per line, from y */
  double       x, y;          /* text box top-left */
  double       baseline;      /* of the first line, from y */
  char        *detail;        /* a smaller second line (lens counts), or NULL */
  double       detail_y, detail_baseline;
  MgLesson     lesson;        /* MG_LEGEND_LENS */
  gboolean     derived;       /* MG_LEGEND_LENS_KEY: the dashed sample */
  double       swatch_x, swatch_y;   /* centre of the shape or line sample */
  double       swatch_w, swatch_h;   /* its size (a line: length, width) */
  MgShape      shape;
  MgColor      fill, stroke;  /* role swatch; kind: stroke = line colour */
  MgLineStyle  line;
  gboolean     directed;      /* kind drawn with an arrow */
  const char  *id;            /* role or kind id, NULL for the unnamed */
} MgLegendEntry;

typedef struct {
  double     width, height;
  double     font_size;
  GPtrArray *entries;         /* of MgLegendEntry* */
} MgLegend;

/* What lenses and filters do to the scene, told to the legend: one entry
 * per active lens with its counts, a key for solid (tagged) and dashed
 * (derived) marks, and a note on what the filter hides.  The bridge
 * (mg_scene_bridge_apply_visibility) fills it; a window may as well. */
typedef struct {
  MgLessonSet active;                    /* lenses on; 0: no lens section */
  gboolean    match_all;                 /* matched = every active lens */
  gboolean    derived;                   /* derived matches are drawn */
  gboolean    hide_unmatched;
  guint       actors_matching[MG_N_LESSONS];    /* filter applied */
  guint       relations_matching[MG_N_LESSONS];
  guint       n_actors_matched;          /* under the mode (any/all), filter applied */
  guint       n_relations_matched;
  const char *filter;                    /* "role SME, territory …"; NULL: none */
  guint       n_actors_shown, n_actors;  /* not hidden, of all */
  guint       n_relations_shown, n_relations;
} MgLensLegend;

#define MG_TYPE_SCENE (mg_scene_get_type ())
G_DECLARE_FINAL_TYPE (MgScene, mg_scene, MG, SCENE, GObject)

/* Signals:
 *   "changed" (gpointer const MgRect *area)  — @area in map coordinates, or
 *             NULL when everything may have changed. */

/* @style may be NULL (the default style).  The scene keeps a reference on
 * both and follows the map's changes. */
MgScene      *mg_scene_new (MgMap *map, MgStyle *style);
MgMap        *mg_scene_get_map (MgScene *scene);
MgStyle      *mg_scene_get_style (MgScene *scene);
void          mg_scene_set_style (MgScene *scene, MgStyle *style);
/* Rebuilds every item (after many changes at once). */
void          mg_scene_rebuild (MgScene *scene);

/* Incremental updates (the map's signals call them; callers may too). */
void          mg_scene_update_actor (MgScene *scene, MgActor *actor);
void          mg_scene_update_relation (MgScene *scene, MgRelation *relation);

/* Items, in z-order.  (transfer none) of MgSceneActor* / MgSceneRelation*. */
GPtrArray    *mg_scene_get_actors (MgScene *scene);
GPtrArray    *mg_scene_get_relations (MgScene *scene);
MgSceneActor *mg_scene_lookup_actor (MgScene *scene, const MgActor *actor);
MgSceneRelation *mg_scene_lookup_relation (MgScene *scene, const MgRelation *relation);

/* Territory boxes (copied).  Pass NULL, 0 to remove them. */
void          mg_scene_set_clusters (MgScene *scene, const MgSceneCluster *clusters, guint n);
const MgSceneCluster *mg_scene_get_clusters (MgScene *scene, guint *n);

/* Everything drawn (shapes, labels, relations, clusters), map coordinates;
 * empty when nothing is placed. */
void          mg_scene_get_bounds (MgScene *scene, MgRect *bounds);

/* Items (not hidden) whose drawing meets @rect, in z-order: relations
 * first, then actors.  (transfer container) of MgSceneItem*. */
GPtrArray    *mg_scene_query_rect (MgScene *scene, const MgRect *rect);
/* The topmost item at (x, y), map coordinates: an actor whose shape or
 * label contains the point, else the relation whose path passes within
 * @tolerance (map units) of it; NULL over empty space. */
MgSceneItem  *mg_scene_hit_test (MgScene *scene, double x, double y, double tolerance);

/* Keyboard travel on the map: the actor (shown or faded, placed) nearest
 * to (x, y) in the direction (dx, dy), skipping @from (may be NULL).
 * Actors within 45° of the direction come first, the nearest by distance
 * along it plus twice the distance across; when there are none, anything
 * ahead.  NULL when nothing lies that way.  Asks the spatial index in
 * growing squares around the point. */
MgSceneActor *mg_scene_find_actor_toward (MgScene *scene, double x, double y, double dx,
                                          double dy, const MgActor *from);

/* The background boxes of @sa's label, one a line, hugging each line
 * (padding @pad around the text); they overlap slightly so that one fill
 * of their union shows no seams.  Returns their number (≤ n_label_lines),
 * filled into @boxes. */
guint         mg_scene_actor_label_boxes (const MgSceneActor *sa, double pad, MgRect *boxes);
/* Actors whose label found no room (they keep it in tooltips and the SVG
 * <title>).  (transfer container) of MgSceneActor*. */
GPtrArray    *mg_scene_get_dropped_labels (MgScene *scene);
/* Places every label again (after visibility changes, for instance). */
void          mg_scene_place_labels (MgScene *scene);

/* Sizes actors by a measure: each actor's size (from the map or the style)
 * multiplied by @factors[actor->index] (@n of them); @name says what they
 * show, in the legend ("Size: betweenness").  NULL @factors: every actor
 * at its own size again.  Rebuilds the scene (emits "changed" for all). */
void          mg_scene_set_size_by (MgScene *scene, const double *factors, guint n,
                                    const char *name);
const char   *mg_scene_get_size_by (MgScene *scene);
/* The factors set (transfer none), NULL when none. */
const double *mg_scene_get_size_factors (MgScene *scene, guint *n);
/* Labels by importance at every zoom.  Labels are placed at the map's
 * scale, by priority (the actor's degree, or @values indexed by
 * MgActor.index when set: betweenness once computed); seen from further
 * away, a label is never drawn smaller than MG_LABEL_MIN_SCALE of its size
 * in target units (pixels, points): it is inflated about its anchor on
 * the shape by mg_scene_label_zoom(), and only the labels that still
 * clear each other at that inflation are drawn, the most important first
 * (each actor's label_zoom).  More appear as one zooms in; from scale
 * MG_LABEL_MIN_SCALE on, every placed label.  NULL values: degree again.
 * Places the labels again and emits "changed". */
#define MG_LABEL_MIN_SCALE 0.9
void          mg_scene_set_label_priority (MgScene *scene, const double *values, guint n_values);
/* How much labels are inflated at @scale target units per map unit (1
 * from MG_LABEL_MIN_SCALE up). */
double        mg_scene_label_zoom (double scale);
/* Whether @sa's label is drawn at inflation @zoom. */
gboolean      mg_scene_actor_label_shown_at (const MgSceneActor *sa, double zoom);
/* @sa's label box (@rect, one of its line boxes or label_rect) inflated
 * by @zoom about the label's anchor on its shape. */
MgRect        mg_scene_actor_label_inflate (const MgSceneActor *sa, const MgRect *rect, double zoom);
/* The anchor that mg_scene_actor_label_inflate() scales about. */
void          mg_scene_actor_label_anchor (const MgSceneActor *sa, double *x, double *y);

/* The legend for what the scene shows (owned by the scene). */
const MgLegend *mg_scene_get_legend (MgScene *scene);

/* Lens and filter state.  Changing it emits "changed". */
void          mg_scene_set_actor_visibility (MgScene *scene, const MgActor *actor,
                                             MgItemVisibility visibility);
void          mg_scene_set_actor_highlight (MgScene *scene, const MgActor *actor,
                                            gboolean highlight);
void          mg_scene_set_actor_marks (MgScene *scene, const MgActor *actor,
                                        const MgLessonMark *marks, guint n_marks);
void          mg_scene_set_relation_visibility (MgScene *scene, const MgRelation *relation,
                                                MgItemVisibility visibility);
void          mg_scene_set_relation_highlight (MgScene *scene, const MgRelation *relation,
                                               gboolean highlight);
void          mg_scene_set_relation_marks (MgScene *scene, const MgRelation *relation,
                                           const MgLessonMark *marks, guint n_marks);
/* Every item shown, unhighlighted, without marks. */
void          mg_scene_reset_states (MgScene *scene);

/* The lens and filter part of the legend (copied; NULL removes it).  Also
 * tells the renderers that lenses are on, so that unmatched actors kept as
 * relation ends are drawn as context.  Emits "changed". */
void          mg_scene_set_lens_legend (MgScene *scene, const MgLensLegend *lens);
/* NULL when none was set (transfer none). */
const MgLensLegend *mg_scene_get_lens_legend (MgScene *scene);
/* The filter that the lens legend's filter note describes (copied; NULL:
 * none), so that the note can be written in the legend's language. */
void          mg_scene_set_lens_filter (MgScene *scene, const MgFilter *filter);

/* The language of the legend: "fr", "en", or NULL (the default) for the
 * interface's.  Exports set it for their time (MgExportOptions.
 * legend_language); it does not emit "changed". */
void          mg_scene_set_legend_language (MgScene *scene, const char *lang);
const char   *mg_scene_get_legend_language (MgScene *scene);

/* The tooltip / SVG <title> text of an item: full label, role, territory,
 * lessons (transfer full). */
char         *mg_scene_describe_item (MgScene *scene, const MgSceneItem *item);
/* The same in @lang ("fr", "en"; NULL: the interface's; see mg-i18n.h). */
char         *mg_scene_describe_item_in (MgScene *scene, const MgSceneItem *item,
                                         const char *lang);

/* The size of the label box the scene would draw for @text (wrapped and
 * ellipsized as actor labels are, padding included), in map units — for a
 * layout that wants to leave room for labels. */
void          mg_scene_measure_label (MgScene *scene, const char *text, double *width,
                                      double *height);

/* The Pango context the scene measures text with: 72 dpi (1 pt = 1 map
 * unit), metrics unhinted so that text scales linearly with zoom. */
PangoContext *mg_scene_get_pango_context (MgScene *scene);

G_END_DECLS
