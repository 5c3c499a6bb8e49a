/* mg-lens-bar.h — the header-bar controls of the lenses: one toggle per
 * lesson in its colour (tooltip: the rule in plain words), and a popover
 * with any/all, fade/hide, derived matches, the level territories are
 * compared at, the combine threshold and the map's scales; "About the
 * Lenses" explains each lesson at projector size.  Bound to the "lens" action
 * group of mg-lens-controller.h. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A linked box of toggles and a menu button (transfer floating).
 * @lens_actions is the "lens" group: the scales entry shows and sets its
 * "scales" state. */
GtkWidget *mg_lens_bar_new (GActionGroup *lens_actions);

G_END_DECLS
