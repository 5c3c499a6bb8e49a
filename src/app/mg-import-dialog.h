/* mg-import-dialog.h — a spreadsheet made into a map: the tables found, a
 * preview of their first rows, what each column holds (guessed, and
 * changeable), the relations table to pair, and the warnings. */
#pragma once

#include <adwaita.h>
#include "mg-map.h"
#include "mg-sheet.h"

G_BEGIN_DECLS

#define MG_TYPE_IMPORT_DIALOG (mg_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MgImportDialog, mg_import_dialog, MG, IMPORT_DIALOG, AdwWindow)

/* Signal "imported" (MgMap *map, GPtrArray *warnings): the user pressed
 * Import; the dialog closes after it. */

/* Reads the tables of @file; NULL with @error when it cannot be read. */
MgImportDialog *mg_import_dialog_new (GtkWindow *parent, GFile *file, GError **error);

/* Adds the tables of another file (a relations CSV beside the actors) and
 * pairs its relations table. */
gboolean        mg_import_dialog_add_file (MgImportDialog *self, GFile *file, GError **error);

guint           mg_import_dialog_get_n_tables (MgImportDialog *self);
/* Which table holds the actors / relations: an index, or -1 for none. */
int             mg_import_dialog_get_table (MgImportDialog *self, gboolean relations);
void            mg_import_dialog_set_table (MgImportDialog *self, gboolean relations, int index);
MgColumnUse     mg_import_dialog_get_column_use (MgImportDialog *self, gboolean relations,
                                                 guint column);
void            mg_import_dialog_set_column_use (MgImportDialog *self, gboolean relations,
                                                 guint column, MgColumnUse use);
/* The warnings the current choices give ((transfer none) of char*), or
 * the reason nothing can be made in the first entry. */
GPtrArray      *mg_import_dialog_get_warnings (MgImportDialog *self);
/* Presses Import: emits "imported" and closes; FALSE when no map can be
 * made with the current choices. */
gboolean        mg_import_dialog_import (MgImportDialog *self);

G_END_DECLS
