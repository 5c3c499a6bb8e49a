/* mg-lens-controller.h — the lenses, filters, focus, saved views and
 * metrics of one window.
 *
 * Owns one MgVisibility for the document's map and copies its result into
 * the scene (mg_scene_bridge_apply_visibility) whenever settings or the map
 * change, after a new map and after a layout.  Never moves the layout.
 *
 * Actions (group "lens", insert it on the window):
 *   lens.valorize, lens.care, lens.combine, lens.learn  (boolean states)
 *   lens.all (any/all), lens.hide (fade/hide), lens.derived  (booleans)
 *   lens.level (u: the level lenses compare territories at),
 *   lens.threshold (u: the families combine asks for),
 *   lens.scales (s: the map's scales, "France, Europe, …"; set through undo)
 *   lens.clear-filters, lens.focus (u: hops, the selected actors),
 *   lens.focus-out, lens.focus-in (u), lens.clear-focus,
 *   lens.next-view, lens.previous-view, lens.apply-view (u)
 * Signals: "settings-changed" (), "views-changed" (), "metrics-changed" (). */
#pragma once

#include <gio/gio.h>
#include "mg-canvas.h"
#include "mg-document.h"
#include "mg-view.h"
#include "mg-visibility.h"

G_BEGIN_DECLS

#define MG_TYPE_LENS_CONTROLLER (mg_lens_controller_get_type ())
G_DECLARE_FINAL_TYPE (MgLensController, mg_lens_controller, MG, LENS_CONTROLLER, GObject)

MgLensController *mg_lens_controller_new (MgDocument *document, MgCanvas *canvas);
GActionGroup     *mg_lens_controller_get_actions (MgLensController *self);
/* NULL while no map is shown (transfer none). */
MgVisibility     *mg_lens_controller_get_visibility (MgLensController *self);

void              mg_lens_controller_get_lens_settings (MgLensController *self, MgLensSettings *out);
void              mg_lens_controller_set_lens_settings (MgLensController *self,
                                                        const MgLensSettings *settings);
/* (transfer none) never NULL. */
const MgFilter   *mg_lens_controller_get_filter (MgLensController *self);
void              mg_lens_controller_set_filter (MgLensController *self, const MgFilter *filter);

/* The views stored in the map (transfer container of MgView*, possibly
 * empty). */
GPtrArray        *mg_lens_controller_get_views (MgLensController *self);
/* Stores the current lenses, filters, focus and viewport as @name (a view
 * of that name is replaced) and marks the document modified. */
void              mg_lens_controller_save_view (MgLensController *self, const char *name);
gboolean          mg_lens_controller_apply_view (MgLensController *self, guint index);
void              mg_lens_controller_delete_view (MgLensController *self, guint index);
/* Applies the next (@delta 1) or previous (-1) view, wrapping; returns its
 * name (transfer none, valid until the views change) or NULL. */
const char       *mg_lens_controller_step_view (MgLensController *self, int delta);
/* Stores the current lenses, filters, focus and framing into view @index
 * (its name and note stay). */
void              mg_lens_controller_update_view (MgLensController *self, guint index);
/* Renames view @index (an empty @name keeps it) and sets its note (NULL or
 * empty: none). */
void              mg_lens_controller_rename_view (MgLensController *self, guint index,
                                                  const char *name, const char *note);
/* Moves view @from to the place @to (presentation order). */
void              mg_lens_controller_move_view (MgLensController *self, guint from, guint to);
/* A copy of view @index (NULL when out of range), and putting one back at
 * @index (undoing a deletion). */
MgView           *mg_lens_controller_copy_view (MgLensController *self, guint index);
void              mg_lens_controller_insert_view (MgLensController *self, guint index,
                                                  const MgView *view);
/* The map rectangle view @index shows; FALSE when it keeps the framing. */
gboolean          mg_lens_controller_get_view_frame (MgLensController *self, guint index,
                                                     MgRect *rect);
/* Index of the view applied last, or -1. */
int               mg_lens_controller_get_current_view (MgLensController *self);

/* Betweenness by MgActor.index, NULL until computed (transfer none). */
const double     *mg_lens_controller_get_betweenness (MgLensController *self, guint *n);
gboolean          mg_lens_controller_get_metrics_running (MgLensController *self);

G_END_DECLS
