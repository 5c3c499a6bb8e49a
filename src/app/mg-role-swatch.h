/* mg-role-swatch.h — a small picture of a role: its shape in its colour,
 * for lists, drop-downs and the legend. */
#pragma once

#include <gtk/gtk.h>
#include "mg-vocab.h"

G_BEGIN_DECLS

#define MG_TYPE_ROLE_SWATCH (mg_role_swatch_get_type ())
G_DECLARE_FINAL_TYPE (MgRoleSwatch, mg_role_swatch, MG, ROLE_SWATCH, GtkWidget)

/* An empty swatch (the default) is a dashed circle: "no role". */

GtkWidget *mg_role_swatch_new (void);
void       mg_role_swatch_set_role (MgRoleSwatch *self, const MgRole *role);
void       mg_role_swatch_set_look (MgRoleSwatch *self, guint32 color, MgShape shape);
void       mg_role_swatch_set_empty (MgRoleSwatch *self);
/* A line sample instead of a shape: for relation kinds. */
void       mg_role_swatch_set_line (MgRoleSwatch *self, guint32 color, MgLineStyle line);

G_END_DECLS
