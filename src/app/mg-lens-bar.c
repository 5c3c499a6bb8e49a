/* mg-lens-bar.c — lens toggles in the lessons' colours (see the header). */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-a11y.h"
#include "mg-lens-bar.h"
#include "mg-vocab.h"

/* Short names on the buttons; the full name and rule go in the tooltip. */
static const char *const short_names[MG_N_LESSONS] = {
  N_("Valorize"), N_("Care"), N_("Combine"), N_("Learn"),
};

/* Each toggle shows its lesson's colour: a dot when off, a filled button
 * when on (colours from mg_lesson_info(), never repeated here). */
static void
ensure_css (void)
{
  static gboolean done;
  g_autoptr (GString) css = g_string_new (NULL);
  g_autoptr (GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      const MgLessonInfo *info = mg_lesson_info (l);

      g_string_append_printf (css,
                              "button.lens-%s .lens-dot { background-color: #%06x; "
                              "min-width: 10px; min-height: 10px; border-radius: 5px; }\n"
                              "button.lens-%s:checked { background-color: #%06x; color: white; }\n"
                              "button.lens-%s:checked .lens-dot { background-color: white; }\n",
                              info->id, info->color, info->id, info->color, info->id);
    }
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkWidget *
switch_row (const char *label, const char *action, const char *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sw), action);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (box, tooltip);
  mg_a11y_set_labelled_by (sw, text);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), sw);
  return box;
}

GtkWidget *
mg_lens_bar_new (void)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  ensure_css ();
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_name (bar, "lens-bar");
  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      const MgLessonInfo *info = mg_lesson_info (l);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *action = g_strdup_printf ("lens.%s", info->id);
      g_autofree char *css_class = g_strdup_printf ("lens-%s", info->id);
      /* TRANSLATORS: a lens's tooltip: the lesson, its key (1 to 4), what it shows. */
      g_autofree char *tooltip = g_markup_printf_escaped (_("<b>%s</b> (key %u)\n%s"), _(info->name), l + 1,
                                                  _(info->explanation));

      gtk_widget_add_css_class (dot, "lens-dot");
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (content), dot);
      gtk_box_append (GTK_BOX (content), gtk_label_new (_(short_names[l])));
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, css_class);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_widget_set_tooltip_markup (button, tooltip);
      gtk_widget_set_name (button, info->id);
      /* Screen readers say the lesson's full name and whether it is on. */
      mg_a11y_set_label (button, _(info->name));
      mg_a11y_follow_pressed (GTK_TOGGLE_BUTTON (button));
      gtk_box_append (GTK_BOX (toggles), button);
    }

  gtk_widget_set_margin_top (options, 6);
  gtk_widget_set_margin_bottom (options, 6);
  gtk_widget_set_margin_start (options, 6);
  gtk_widget_set_margin_end (options, 6);
  gtk_box_append (GTK_BOX (options),
                  switch_row (_("Match All Lenses"), "lens.all",
                              _("Off: an item matching any lens on is highlighted. "
                                "On: only items matching every lens on.")));
  gtk_box_append (GTK_BOX (options),
                  switch_row (_("Hide Unmatched"), "lens.hide",
                              _("Off: what no lens matches is faded. On: it is hidden.")));
  gtk_box_append (GTK_BOX (options),
                  switch_row (_("Derived Matches"), "lens.derived",
                              _("Also match what a lesson's rule finds, not only what was "
                                "tagged (drawn dashed).")));
  gtk_popover_set_child (GTK_POPOVER (popover), options);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Lens Options"));
  mg_a11y_set_label (menu, _("Lens Options"));

  gtk_box_append (GTK_BOX (bar), toggles);
  gtk_box_append (GTK_BOX (bar), menu);
  return bar;
}
