/* mg-lens-bar.h — the header-bar controls of the lenses: one toggle per
 * lesson in its colour (tooltip: the rule in plain words), and a popover
 * with any/all, fade/hide and derived matches.  Bound to the "lens" action
 * group of mg-lens-controller.h. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A linked box of toggles and a menu button (transfer floating). */
GtkWidget *mg_lens_bar_new (void);

G_END_DECLS
