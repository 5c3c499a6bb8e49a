/* mg-document-private.h — the document's state, shared by mg-document.c
 * (loading, saving, recovery) and mg-document-layout.c (layouts). */
#pragma once

#include "mg-document.h"

G_BEGIN_DECLS

struct _MgDocument {
  GObject          parent_instance;

  MgDocumentState  state;
  GFile           *file;
  char            *title;
  MgMap           *map;
  MgScene         *scene;
  MgUndoStack     *undo;
  MgSelection     *selection;
  GPtrArray       *warnings;
  gboolean         dirty;        /* modified outside the undo stack */
  gboolean         was_modified; /* last value notified */

  MgLayoutEngine   engine;
  guint            group_level;
  guint            layout_generation;
  GCancellable    *layout_cancellable;

  guint            recovery_source;
  gboolean         recovery_running;  /* a copy is being written by a worker */
  gboolean         recovery_again;    /* edits came during that write */
  guint            recovery_generation; /* bumped when the copy is discarded */
  gboolean         dark;         /* the screen's palette */
};

/* mg-document.c */
void mg_document_set_clusters (MgDocument *self, const MgLayoutResult *result);
void mg_document_notify_layout_running (MgDocument *self);
/* Lays the map out in the background after a quick first arrangement
 * (mg-document-layout.c): not an undoable step. */
void mg_document_refine_layout (MgDocument *self);
void mg_document_emit_layout_finished (MgDocument *self, const char *message);
void mg_document_emit_layout_notes (MgDocument *self, GStrv notes);

G_END_DECLS
