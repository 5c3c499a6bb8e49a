/* mg-document.h — one open map and what goes with it: its file, the scene
 * that draws it, the undo stack, the selection, layouts off the main thread,
 * saving and the recovery copy.
 *
 * No widgets here: a window shows a document; tests drive one directly. */
#pragma once

#include <gio/gio.h>
#include "mg-layout.h"
#include "mg-map.h"
#include "mg-scene.h"
#include "mg-selection.h"
#include "mg-undo.h"
#include "mg-visibility.h"

G_BEGIN_DECLS

typedef enum {
  MG_DOCUMENT_EMPTY,   /* nothing loaded */
  MG_DOCUMENT_LOADING, /* reading (and laying out) on a worker thread */
  MG_DOCUMENT_READY,   /* a map is shown */
  MG_DOCUMENT_FAILED,  /* the last load failed; nothing shown */
} MgDocumentState;

#define MG_TYPE_DOCUMENT (mg_document_get_type ())
G_DECLARE_FINAL_TYPE (MgDocument, mg_document, MG, DOCUMENT, GObject)

/* Properties (read-only unless said): "state", "file", "title" (what a
 * window shows), "modified", "layout-running", "layout-engine" and
 * "group-level" (read-write).
 * Signals:
 *   "map-changed" ()  — a new map (and scene, undo stack, selection) is in
 *                       place, after a load or mg_document_set_map();
 *   "layout-finished" (const char *message) — a re-layout ended: @message is
 *                       NULL on success, else why it failed or was refused;
 *   "layout-notes" (GStrv notes) — messages from Graphviz worth showing. */

MgDocument      *mg_document_new (void);

MgDocumentState  mg_document_get_state (MgDocument *self);
MgMap           *mg_document_get_map (MgDocument *self);
MgScene         *mg_document_get_scene (MgDocument *self);
MgUndoStack     *mg_document_get_undo_stack (MgDocument *self);
MgSelection     *mg_document_get_selection (MgDocument *self);
GFile           *mg_document_get_file (MgDocument *self);
const char      *mg_document_get_title (MgDocument *self);
gboolean         mg_document_get_modified (MgDocument *self);
/* Changes that the undo stack does not track (a restored recovery copy,
 * saved views) make the document modified until saved. */
void             mg_document_mark_modified (MgDocument *self);
/* Warnings from the last load ("line 12: …"), (transfer none) of char*. */
GPtrArray       *mg_document_get_warnings (MgDocument *self);
/* Replaces them (an import from a spreadsheet has its own), (transfer none). */
void             mg_document_set_warnings (MgDocument *self, GPtrArray *warnings);

/* Shows @map (taken with a new reference) as if read from @file (may be
 * NULL: a new, unsaved map).  Actors without position are laid out
 * synchronously first. */
void             mg_document_set_map (MgDocument *self, MgMap *map, GFile *file);

/* Reads @file on a worker thread (and lays it out when it has no
 * positions).  With @from_recovery, reads the recovery copy of @file instead
 * and the document starts modified. */
void             mg_document_load_async (MgDocument *self, GFile *file, gboolean from_recovery,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
gboolean         mg_document_load_finish (MgDocument *self, GAsyncResult *result,
                                          GError **error);

/* Writes the map to @file (NULL: the current file), atomically; the
 * document then names @file, is unmodified, and its recovery copy goes. */
gboolean         mg_document_save (MgDocument *self, GFile *file, GError **error);

/* ---- palette ---------------------------------------------------------------- */

/* Whether the scene (what the screen shows) uses the dark palette
 * (mg_style_set_dark); the window follows the desktop's dark mode.  The
 * style keeps its sizes (presentation mode). */
void             mg_document_set_dark (MgDocument *self, gboolean dark);
gboolean         mg_document_get_dark (MgDocument *self);
/* What exports draw: the scene itself when it is light, else a scene of the
 * same map with the light palette, the same territory boxes and, when
 * @visibility is given, the same lens and filter states — reports and
 * slides stay light whatever the screen shows.  NULL without a map.
 * (transfer full) */
MgScene         *mg_document_dup_export_scene (MgDocument *self, MgVisibility *visibility);

/* ---- layout ---------------------------------------------------------------- */

MgLayoutEngine   mg_document_get_layout_engine (MgDocument *self);
void             mg_document_set_layout_engine (MgDocument *self, MgLayoutEngine engine);
guint            mg_document_get_group_level (MgDocument *self);
void             mg_document_set_group_level (MgDocument *self, guint level);
gboolean         mg_document_get_layout_running (MgDocument *self);
/* Lays the map out again on a worker thread (pinned actors stay); a newer
 * call supersedes a running one.  The result is applied as one undoable
 * step. */
void             mg_document_relayout (MgDocument *self);

/* ---- recovery ---------------------------------------------------------------- */

/* Where the recovery copy of @file lives (transfer full). */
char            *mg_document_recovery_path_for (GFile *file);
/* TRUE when @file has a recovery copy newer than itself. */
gboolean         mg_document_has_recovery (GFile *file);
/* Writes the recovery copy now (normally done on a timer while modified). */
gboolean         mg_document_write_recovery (MgDocument *self, GError **error);
/* Deletes the recovery copy (the user discarded the changes). */
void             mg_document_discard_recovery (MgDocument *self);

G_END_DECLS
