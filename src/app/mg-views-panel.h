/* mg-views-panel.h — the side-panel page of saved views ("Save current
 * view…", apply on click; per view: update from what is shown, rename and
 * note, move up or down, delete with Undo) and of the top brokers
 * (betweenness). */
#pragma once

#include <gtk/gtk.h>
#include "mg-lens-controller.h"

G_BEGIN_DECLS

#define MG_TYPE_VIEWS_PANEL (mg_views_panel_get_type ())
G_DECLARE_FINAL_TYPE (MgViewsPanel, mg_views_panel, MG, VIEWS_PANEL, GtkWidget)

GtkWidget *mg_views_panel_new (MgLensController *controller, MgDocument *document);
/* Number of rows in the views list / the brokers list (tests). */
guint      mg_views_panel_get_n_views (MgViewsPanel *self);
guint      mg_views_panel_get_n_brokers (MgViewsPanel *self);
/* Deletes view @index, offering Undo in a toast; undoes the last deletion. */
void       mg_views_panel_delete_view (MgViewsPanel *self, guint index);
void       mg_views_panel_undo_delete (MgViewsPanel *self);

G_END_DECLS
