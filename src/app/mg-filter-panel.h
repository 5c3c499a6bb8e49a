/* mg-filter-panel.h — the side-panel page that narrows the map: roles,
 * territory, relation kinds, minimum degree, focus; "Clear filters". */
#pragma once

#include <gtk/gtk.h>
#include "mg-lens-controller.h"

G_BEGIN_DECLS

#define MG_TYPE_FILTER_PANEL (mg_filter_panel_get_type ())
G_DECLARE_FINAL_TYPE (MgFilterPanel, mg_filter_panel, MG, FILTER_PANEL, GtkWidget)

GtkWidget *mg_filter_panel_new (MgLensController *controller, MgDocument *document);
/* Ticks or unticks a role check button, as a click would ("" for no role);
 * FALSE when the map has no such role. */
gboolean   mg_filter_panel_set_role_checked (MgFilterPanel *self, const char *role_id,
                                             gboolean checked);

G_END_DECLS
