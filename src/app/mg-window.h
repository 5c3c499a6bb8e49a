/* mg-window.h — one window per map: header bar, canvas, side panel with the
 * actor list and the inspector, empty and loading states, toasts. */
#pragma once

#include <adwaita.h>
#include "mg-actor-list.h"
#include "mg-canvas.h"
#include "mg-document.h"
#include "mg-inspector.h"
#include "mg-lens-controller.h"

G_BEGIN_DECLS

#define MG_TYPE_WINDOW (mg_window_get_type ())
G_DECLARE_FINAL_TYPE (MgWindow, mg_window, MG, WINDOW, AdwApplicationWindow)

/* Properties: "presentation" (boolean, fullscreen with panels hidden),
 * "panel-visible" (boolean). */

MgWindow    *mg_window_new (GtkApplication *application);
MgDocument  *mg_window_get_document (MgWindow *self);
MgCanvas    *mg_window_get_canvas (MgWindow *self);
MgInspector *mg_window_get_inspector (MgWindow *self);
MgActorList *mg_window_get_actor_list (MgWindow *self);
/* Lenses, filters, saved views, metrics (mg-window-lenses.c). */
MgLensController *mg_window_get_lens_controller (MgWindow *self);
/* The side panel's pages: "map" (actors and inspector), "filters",
 * "views". */
GtkWidget   *mg_window_get_side_page (MgWindow *self, const char *name);
/* Presentation mode and the legend (mg-window-present.c): whether the
 * legend is on the map now, and the caption over the map while presenting
 * (NULL when hidden; its title is the current view's name). */
gboolean     mg_window_get_legend_shown (MgWindow *self);
const char  *mg_window_get_caption_title (MgWindow *self);
/* The chip over the map while a focus or filter hides actors (its text,
 * NULL when hidden), and its one-click "Show All". */
const char  *mg_window_get_filter_chip (MgWindow *self);
void         mg_window_clear_filter_chip (MgWindow *self);

/* Opens @file in this window (asking first whether to restore a recovery
 * copy when there is one); reading happens off the main thread. */
void         mg_window_open_file (MgWindow *self, GFile *file);
/* TRUE when the window shows no map and is not loading one. */
gboolean     mg_window_is_empty (MgWindow *self);
/* TRUE when the window shows (or is loading) @file. */
gboolean     mg_window_has_file (MgWindow *self, GFile *file);

void         mg_window_add_toast (MgWindow *self, AdwToast *toast);
/* The dialog asking about unsaved changes or a recovery copy, while one is
 * shown (tests answer it), else NULL. */
AdwMessageDialog *mg_window_get_pending_dialog (MgWindow *self);

/* What exports draw: the document's scene with the light palette, lens and
 * filter states included, whatever the screen shows (transfer full; NULL
 * without a map). */
MgScene     *mg_window_dup_export_scene (MgWindow *self);

/* The example map's path, or NULL when it cannot be found.  (transfer full) */
char        *mg_window_find_example_map (void);

G_END_DECLS
