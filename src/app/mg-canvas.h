/* mg-canvas.h — the map on screen: one widget drawing the document's scene
 * through the core cairo renderer (never a widget per actor), with pan,
 * zoom, selection, moves, hover, label editing and relation drawing.
 *
 * Where it looks is an MgCanvasViewport; what it draws is the scene. */
#pragma once

#include <gtk/gtk.h>
#include "mg-canvas-viewport.h"
#include "mg-document.h"

G_BEGIN_DECLS

/* What a primary-button drag on an actor does. */
typedef enum {
  MG_CANVAS_TOOL_SELECT, /* select and move */
  MG_CANVAS_TOOL_LINK,   /* draw a relation to another actor */
} MgCanvasTool;

#define MG_TYPE_CANVAS (mg_canvas_get_type ())
G_DECLARE_FINAL_TYPE (MgCanvas, mg_canvas, MG, CANVAS, GtkWidget)

/* Properties: "document" (MgDocument), "tool" (MgCanvasTool, as int),
 * "presentation" (boolean: larger labels for projectors).
 * Actions (on the widget): canvas.zoom-in, canvas.zoom-out, canvas.zoom-fit,
 * canvas.zoom-one, canvas.rename (edit the label of the selected actor).
 * Signal "frame-drawn" (double milliseconds): after each drawing of the map,
 * with the time the renderer took. */

GtkWidget        *mg_canvas_new (void);
void              mg_canvas_set_document (MgCanvas *self, MgDocument *document);
MgDocument       *mg_canvas_get_document (MgCanvas *self);
MgCanvasViewport *mg_canvas_get_viewport (MgCanvas *self);
MgCanvasTool      mg_canvas_get_tool (MgCanvas *self);
void              mg_canvas_set_tool (MgCanvas *self, MgCanvasTool tool);

/* Shows the whole map (done by itself after a map is loaded). */
void              mg_canvas_zoom_to_fit (MgCanvas *self);
/* Shows the whole map once the widget has its next size (after a panel
 * appears or goes). */
void              mg_canvas_queue_fit (MgCanvas *self);
/* Zooms by @factor about the centre of the widget. */
void              mg_canvas_zoom_by (MgCanvas *self, double factor);

/* Hit-testing, in widget coordinates: the actor under (x, y), or NULL. */
MgActor          *mg_canvas_actor_at (MgCanvas *self, double x, double y);
MgRelation       *mg_canvas_relation_at (MgCanvas *self, double x, double y);
/* Where an actor's centre is on the widget; FALSE when it has no position. */
gboolean          mg_canvas_actor_to_widget (MgCanvas *self, const MgActor *actor,
                                             double *x, double *y);
/* What a primary click at (x, y) with @state (Shift/Ctrl for several) does:
 * selects the actor or relation there, or clears the selection. */
void              mg_canvas_click (MgCanvas *self, double x, double y, GdkModifierType state);
/* Selects the actors in the widget rectangle (a rubber band). */
void              mg_canvas_select_in_rect (MgCanvas *self, double x0, double y0,
                                            double x1, double y1, gboolean add);
/* A primary-button drag, as the gesture drives it (tests call these too):
 * pressed at (x, y) with @state, moved by (dx, dy) from there, released.
 * On an actor it moves the selection (then pinned); with the link tool or
 * Alt it draws a relation; on the background it pans, or with Shift/Ctrl
 * draws a rubber band.  Without motion it is a click. */
void              mg_canvas_drag_begin (MgCanvas *self, double x, double y, GdkModifierType state);
void              mg_canvas_drag_update (MgCanvas *self, double dx, double dy);
void              mg_canvas_drag_end (MgCanvas *self);
/* Opens the label editor on @actor (the popover with an entry). */
void              mg_canvas_edit_label (MgCanvas *self, MgActor *actor);
/* The map point at the centre of the view. */
void              mg_canvas_get_centre (MgCanvas *self, double *mx, double *my);
/* Keyboard travel: the actor with the keyboard focus (a ring shows it
 * while the canvas has the focus), or NULL.  Arrow keys move it to the
 * nearest actor that way (Shift: adding it to the selection); Space or
 * Enter select it (Shift: add, Ctrl+Space: toggle); the Menu key or
 * Shift+F10 open the context menu on it; Ctrl+arrows move the view. */
MgActor          *mg_canvas_get_focus_actor (MgCanvas *self);
void              mg_canvas_set_focus_actor (MgCanvas *self, MgActor *actor);
/* Moves the focus to the nearest actor in the direction (dx, dy), map
 * axes (y down); @extend adds it to the selection.  FALSE when there is
 * none that way. */
gboolean          mg_canvas_move_focus (MgCanvas *self, double dx, double dy, gboolean extend);
/* Selects the focused actor (the one nearest the centre when none). */
void              mg_canvas_select_focus (MgCanvas *self, MgSelectMode mode);
/* Pans the view so that @actor is well in it (nothing when it already is). */
void              mg_canvas_show_actor (MgCanvas *self, const MgActor *actor);
void              mg_canvas_popup_context_menu (MgCanvas *self);
/* "Michelin, large company, Auvergne-Rhône-Alpes / Puy-de-Dôme /
 * Clermont-Ferrand, 7 relations, lessons: caring for the territory, …"
 * (transfer full). */
char             *mg_canvas_describe_actor (MgCanvas *self, const MgActor *actor);
/* The free place nearest the centre of the view, where no actor or label
 * is (where new actors go). */
void              mg_canvas_find_free_spot (MgCanvas *self, double *mx, double *my);
/* The legend of the scene (the one exports draw) over the top-right
 * corner; fits keep clear of it.  Off by default. */
void              mg_canvas_set_legend_visible (MgCanvas *self, gboolean visible);
gboolean          mg_canvas_get_legend_visible (MgCanvas *self);
/* Where the legend is drawn, in widget coordinates; FALSE when it is not. */
gboolean          mg_canvas_get_legend_rect (MgCanvas *self, graphene_rect_t *rect);
/* Pixels along each edge that fits keep clear (captions over the map). */
void              mg_canvas_set_fit_insets (MgCanvas *self, double left, double top,
                                            double right, double bottom);
/* Shows all of @rect (map coordinates) in the part of the widget that the
 * insets and the legend leave; FALSE when the size is not known yet. */
gboolean          mg_canvas_fit_rect (MgCanvas *self, const MgRect *rect);
/* The map rectangle that mg_canvas_fit_rect() shows again as it is now. */
gboolean          mg_canvas_get_frame_rect (MgCanvas *self, MgRect *rect);
/* Fits @rect (or the whole map, when NULL) once the widget has its next
 * size. */
void              mg_canvas_queue_fit_rect (MgCanvas *self, const MgRect *rect);
/* Number of frames drawn so far (tests and benchmarks wait on it). */
guint             mg_canvas_get_frame_count (MgCanvas *self);

G_END_DECLS
