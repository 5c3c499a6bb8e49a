/* mg-scene-private.h — scene internals shared by the scene's files and the
 * renderers.  Not for the GTK layer. */
#pragma once

#include <cairo.h>

#include "mg-scene.h"

G_BEGIN_DECLS

/* ---- uniform bucket grid (mg-scene-index.c) --------------------------- */

typedef struct _MgGrid MgGrid;

/* Called for each item of the visited cells; may see an item more than
 * once (callers dedupe).  Return FALSE to stop. */
typedef gboolean (*MgGridFunc) (gpointer item, gpointer data);

/* A grid over @extent with square cells of about @cell_size.  Items outside
 * the extent go to the border cells, so nothing is ever lost. */
MgGrid  *mg_grid_new (const MgRect *extent, double cell_size);
void     mg_grid_free (MgGrid *grid);
void     mg_grid_insert_rect (MgGrid *grid, gpointer item, const MgRect *rect);
void     mg_grid_remove_rect (MgGrid *grid, gpointer item, const MgRect *rect);
/* A polyline (x,y pairs), widened by @pad on each side. */
void     mg_grid_insert_polyline (MgGrid *grid, gpointer item, const double *xy,
                                  guint n_points, double pad);
void     mg_grid_remove_polyline (MgGrid *grid, gpointer item, const double *xy,
                                  guint n_points, double pad);
gboolean mg_grid_foreach_in_rect (MgGrid *grid, const MgRect *rect, MgGridFunc func,
                                  gpointer data);
double   mg_grid_get_cell_size (MgGrid *grid);

/* A cell size giving about one cell per @n_items over @extent, bounded so
 * the grid stays small. */
double   mg_grid_pick_cell_size (const MgRect *extent, guint n_items);

/* ---- geometry (mg-scene-geometry.c) ------------------------------------ */

/* Where a renderer sends a path: cairo or an SVG "d" string. */
typedef struct {
  void (*move_to) (gpointer data, double x, double y);
  void (*line_to) (gpointer data, double x, double y);
  void (*curve_to) (gpointer data, double x1, double y1, double x2, double y2,
                    double x3, double y3);
  void (*close_path) (gpointer data);
} MgPathSink;

/* The outline of @shape in the box centred on (cx, cy). */
void     mg_shape_outline (MgShape shape, double cx, double cy, double w, double h,
                           const MgPathSink *sink, gpointer data);
/* TRUE when (px, py) is inside @shape. */
gboolean mg_shape_contains (MgShape shape, double cx, double cy, double w, double h,
                            double px, double py);
/* Distance from the centre to the border along (dx, dy) (need not be
 * normalised), as a multiple of |(dx, dy)|. */
double   mg_shape_ray_exit (MgShape shape, double w, double h, double dx, double dy);
/* The largest box centred in the shape with @w:@h proportions kept loose:
 * used to decide whether a label fits inside. */
void     mg_shape_inner_box (MgShape shape, double w, double h, double *iw, double *ih);

/* Splits the cubic p[0..3] at t into two cubics left[0..3], right[0..3]
 * (points as x,y pairs: 8 doubles each). */
void     mg_bezier_split (const double *p, double t, double *left, double *right);
void     mg_bezier_point (const double *p, double t, double *x, double *y);
/* Appends the flattened cubic path (3n+1 points) to @out (x,y doubles),
 * first point included. */
void     mg_bezier_flatten (const double *pts, guint n_points, double tolerance, GArray *out);
/* Squared distance from (px, py) to the polyline. */
double   mg_polyline_distance2 (const double *xy, guint n_points, double px, double py);
/* TRUE when the polyline meets @rect. */
gboolean mg_polyline_meets_rect (const double *xy, guint n_points, const MgRect *rect);

/* The centre line of the lesson ring around @sa (an ellipse of radii
 * @rx, @ry around its centre): hugging round shapes, enclosing the corners
 * of the others. */
void     mg_scene_actor_ring (const MgSceneActor *sa, const MgStyle *style, double *rx, double *ry);
/* The badge of a workshop addition: a small disc on the shape's corner. */
void     mg_scene_actor_badge (const MgSceneActor *sa, const MgStyle *style, double *cx,
                               double *cy, double *r);
/* Recomputes @sa->item.bounds: shape, outline, ring and highlight. */
void     mg_scene_actor_compute_bounds (MgSceneActor *sa, const MgStyle *style);

/* ---- labels (mg-scene-labels.c) ---------------------------------------- */

/* Wraps and measures @actor's label (fills label_lines, baselines,
 * text_width/height). */
void     mg_scene_layout_label (MgScene *scene, MgSceneActor *sa);
/* Places every label, by priority. */
void     mg_scene_place_all_labels (MgScene *scene);
/* Places @sa's label again, with the labels near @area. */
void     mg_scene_replace_labels_near (MgScene *scene, MgSceneActor *sa, const MgRect *area);
/* Moves a placed label out past the actor's lesson ring (or back when the
 * ring goes), keeping its side; no other label moves, so a lens toggle
 * stays cheap. */
void mg_scene_refit_label (MgScene *scene, MgSceneActor *sa);
/* Drops @sa from the labels drawn from afar (before freeing it). */
void     mg_scene_forget_far_label (MgScene *scene, MgSceneActor *sa);
/* Drops the label index (before a rebuild). */
void     mg_scene_clear_label_index (MgScene *scene);
/* Drops the scene's shaped labels when the label font, wrap width or line
 * limit changed (call after setting them). */
void     mg_scene_check_wrap_cache (MgScene *scene);
/* The wrapped lines of @text at most @max_width wide (no line limit);
 * used for titles (transfer full). */
char   **mg_scene_wrap_text (MgScene *scene, const PangoFontDescription *font,
                             const char *text, double max_width, guint max_lines,
                             double *width, double *height, double **baselines);
/* The same, with each line's extents (@line_rects, transfer full; from the
 * top-left of the text) for backgrounds that follow the lines. */
char   **mg_scene_wrap_text_full (MgScene *scene, const PangoFontDescription *font,
                                  const char *text, double max_width, guint max_lines,
                                  double *width, double *height, double **baselines,
                                  MgRect **line_rects);
/* A layout of @sa's drawn lines, cached on the actor. */
PangoLayout *mg_scene_actor_layout (MgScene *scene, MgSceneActor *sa);

/* The label's glyphs, positioned from the top-left of its text, grouped by
 * font: drawn in one cairo_show_glyphs() per font for all labels of a frame
 * (pango_cairo_show_layout() per label costs several times more). */
typedef struct {
  cairo_scaled_font_t *font;
  guint                n_glyphs;
  cairo_glyph_t       *glyphs;
} MgGlyphRun;

typedef struct {
  guint       n_runs;
  MgGlyphRun *runs;
} MgLabelGlyphs;

const MgLabelGlyphs *mg_scene_actor_glyphs (MgScene *scene, MgSceneActor *sa);
/* Frees the cached layout and glyphs of @sa. */
void     mg_scene_actor_drop_cache (MgScene *scene, MgSceneActor *sa);
void     mg_scene_actor_clear_label (MgSceneActor *sa);

/* ---- legend (mg-scene-legend.c) ---------------------------------------- */

/* Width of the legend's sample column (swatches are centred in it). */
#define MG_LEGEND_SWATCH_COLUMN 32.0

MgLegend *mg_legend_build (MgScene *scene);
void      mg_legend_free (MgLegend *legend);

/* ---- compact draw lists (mg-scene-drawlist.c) ---------------------------- */

/* Whole-map frames of big maps go through every relation and actor: their
 * structs, scattered in memory, cost more in cache misses than the drawing.
 * These packed arrays hold just what a level-of-detail frame needs, in
 * whatever order (removal swaps the last entry in). */
enum {
  MG_DRAW_PLACED   = 1 << 0,
  MG_DRAW_STRAIGHT = 1 << 1,
  MG_DRAW_FADED    = 1 << 2,
  MG_DRAW_HIDDEN   = 1 << 3,
  MG_DRAW_DECORATED = 1 << 4, /* highlight or lesson marks: not for the fast path */
};

typedef struct {
  float            x0, y0, x1, y1;   /* straight: the segment; else the bounds */
  guint32          argb;             /* premultiplied, opaque */
  guint16          style;            /* into draw_styles */
  guint8           flags;
  MgSceneRelation *sr;
} MgDrawRelation;

typedef struct {
  float         x, y, w, h;          /* the area-equivalent square of the shape */
  guint32       argb;                /* premultiplied fill */
  guint8        flags;
  MgSceneActor *sa;
} MgDrawActor;

typedef struct {
  MgLineStyle line;
  double      width;
} MgDrawStyle;

void     mg_scene_draw_lists_reset (MgScene *scene);
void     mg_scene_draw_relation_update (MgScene *scene, MgSceneRelation *sr);
void     mg_scene_draw_relation_remove (MgScene *scene, MgSceneRelation *sr);
void     mg_scene_draw_actor_update (MgScene *scene, MgSceneActor *sa);
void     mg_scene_draw_actor_remove (MgScene *scene, MgSceneActor *sa);

/* ---- the scene's private state ----------------------------------------- */

/* A label drawn from further away than the map's scale, with the
 * label_zoom it had when the list was made (a later local placement may
 * lower the actor's own). */
typedef struct {
  MgSceneActor *sa;
  double        zoom;
} MgFarLabel;

struct _MgScene {
  GObject      parent_instance;

  MgMap       *map;
  MgStyle     *style;
  PangoContext *pango;
  PangoLayout *measure;        /* reused for measuring */
  GHashTable  *wrap_cache;     /* label text → MgWrapped, for wrap_cache_key */
  char        *wrap_cache_key; /* font, wrap width and line limit it is for */
  PangoFontDescription *label_font;
  double       label_wrap_width;

  GPtrArray   *actors;         /* MgSceneActor*, z-order (map order) */
  GPtrArray   *relations;      /* MgSceneRelation*, map order */
  GHashTable  *actor_map;      /* MgActor* → MgSceneActor* */
  GHashTable  *relation_map;   /* MgRelation* → MgSceneRelation* */
  GArray      *clusters;       /* MgSceneCluster */

  MgGrid      *index;          /* MgSceneItem* by drawn bounds */
  MgGrid      *label_index;    /* MgSceneActor* by label_rect */
  MgGrid      *label_shapes;   /* while placing all labels: the placed,
                                  shown MgSceneActor* by bounds, without
                                  the relations of @index */
  guint        stamp;          /* for deduplicating grid results */

  MgRect       bounds;
  gboolean     bounds_dirty;
  MgLegend    *legend;         /* cached, NULL when stale */
  MgLensLegend lens_legend;    /* its filter points to lens_filter */
  char        *lens_filter;
  gboolean     has_lens_legend;
  MgFilter    *lens_filter_spec; /* what lens_filter describes, for other languages */
  char        *legend_language;  /* "fr", "en"; NULL: the interface's */

  double      *label_priority; /* by MgActor.index, or NULL: degree */
  guint        n_label_priority;
  GArray      *far_labels;     /* MgFarLabel: labels drawn beyond the map's
                                  scale, largest label_zoom first */

  GQueue       layout_cache;   /* MgSceneActor* holding a PangoLayout */

  GArray      *draw_relations; /* MgDrawRelation */
  GArray      *draw_actors;    /* MgDrawActor */
  GArray      *draw_styles;    /* MgDrawStyle */
  double       max_relation_width;
  guint        n_decorated;    /* items with highlight or marks */

  GHashTable  *sprites;        /* MgSpriteKey* → cairo_surface_t*, see mg-render-cairo.c */

  double      *size_factors;   /* by MgActor.index (mg_scene_set_size_by), or NULL */
  guint        n_size_factors;
  char        *size_by;        /* what they show, for the legend */
};

/* A fresh stamp for a grid query. */
guint    mg_scene_next_stamp (MgScene *scene);
/* Marks the cached bounds and legend stale. */
void     mg_scene_invalidate_summary (MgScene *scene);
/* Emits "changed". */
void     mg_scene_emit_changed (MgScene *scene, const MgRect *area);

/* Relation geometry (mg-scene-relations.c). */
void     mg_scene_relation_compute (MgScene *scene, MgSceneRelation *sr);
void     mg_scene_relation_clear_geometry (MgSceneRelation *sr);
/* Sets parallel_rank for the relations between the ends of @sr. */
void     mg_scene_rank_parallel (MgScene *scene, MgSceneActor *a);

G_END_DECLS
