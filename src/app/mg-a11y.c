/* mg-a11y.c — accessible names and announcements (see the header). */
#include "config.h"

#include <adwaita.h>

#include "mg-a11y.h"

void
mg_a11y_set_label (GtkWidget *widget, const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* GTK 4.8 labels a drop-down's inner button by nothing (a menu
   * button's by the menu button): the focus lands on the inner one. */
  if (GTK_IS_DROP_DOWN (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
}

void
mg_a11y_set_labelled_by (GtkWidget *widget, GtkWidget *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WIDGET (label));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
}

static void
update_pressed (GtkToggleButton *toggle)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_PRESSED,
                               gtk_toggle_button_get_active (toggle)
                               ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

void
mg_a11y_follow_pressed (GtkToggleButton *toggle)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));

  update_pressed (toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (update_pressed), NULL);
}

void
mg_a11y_announce (GtkWidget *widget, const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL || *text == '\0')
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
}

static void
name_icon_buttons (GtkWidget *widget, gboolean inside_entry_row)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  inside_entry_row |= ADW_IS_ENTRY_ROW (widget);
  if (inside_entry_row && GTK_IS_BUTTON (widget) && child != NULL && GTK_IS_IMAGE (child) &&
      gtk_widget_get_next_sibling (child) == NULL && gtk_widget_get_tooltip_text (widget) != NULL)
    mg_a11y_set_label (widget, gtk_widget_get_tooltip_text (widget));
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    name_icon_buttons (child, inside_entry_row);
}

void
mg_a11y_name_icon_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_icon_buttons (root, FALSE);
}
