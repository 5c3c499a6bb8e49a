/* mg-a11y.h — small helpers for screen readers: names for controls whose
 * text is not a plain label (icon buttons, custom children, switches,
 * drop-downs), and announcements through an accessible description. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget the accessible name @label.  A drop-down's inner button
 * (where the focus goes) is named too. */
void mg_a11y_set_label (GtkWidget *widget, const char *label);
/* Names @widget by the text of @label (a GtkLabel shown next to it). */
void mg_a11y_set_labelled_by (GtkWidget *widget, GtkWidget *label);
/* Tells the pressed state of a toggle to screen readers, following it. */
void mg_a11y_follow_pressed (GtkToggleButton *toggle);
/* Announces @text: sets it as @widget's accessible description (screen
 * readers read description changes of the focused or live widgets). */
void mg_a11y_announce (GtkWidget *widget, const char *text);

G_END_DECLS

G_BEGIN_DECLS
/* Names the icon-only buttons under @root that libraries make without a
 * name (the apply button of an AdwEntryRow) after their tooltip. */
void mg_a11y_name_icon_buttons (GtkWidget *root);
G_END_DECLS
