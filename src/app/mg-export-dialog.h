/* mg-export-dialog.h — exporting the map as PNG, SVG or PDF (the same core
 * export as the command line), and copying it as an image for slides. */
#pragma once

#include <adwaita.h>
#include "mg-export.h"
#include "mg-window.h"

G_BEGIN_DECLS

#define MG_TYPE_EXPORT_DIALOG (mg_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MgExportDialog, mg_export_dialog, MG, EXPORT_DIALOG, AdwWindow)

GtkWidget *mg_export_dialog_new (MgWindow *window);

/* The options the dialog's rows say (title points into the dialog). */
void       mg_export_dialog_get_options (MgExportDialog *self, MgExportOptions *options);
void       mg_export_dialog_set_format (MgExportDialog *self, MgExportFormat format);
/* Chooses a page preset ("slide-16:9", "a4-portrait"… as
 * mg_export_page_from_string() reads them; NULL: the map's own shape). */
void       mg_export_dialog_set_page (MgExportDialog *self, const char *preset);
/* The preview of what the export will be (rendered now if it was due). */
GdkPaintable *mg_export_dialog_get_preview (MgExportDialog *self);
/* What the Export button does once a file is chosen: writes @file, shows
 * a toast in the window.  FALSE with @error when it failed. */
gboolean   mg_export_dialog_export_to_file (MgExportDialog *self, GFile *file, GError **error);

/* Puts a PNG image of @window's map on the clipboard, with @options (NULL:
 * the whole map, legend, 150 dpi). */
gboolean   mg_export_dialog_copy_image (MgWindow *window, const MgExportOptions *options,
                                        GError **error);

G_END_DECLS
