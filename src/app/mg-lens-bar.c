/* mg-lens-bar.c — lens toggles in the lessons' colours (see the header). */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-a11y.h"
#include "mg-lens-bar.h"
#include "mg-vocab.h"

/* Short names on the buttons; the full name and rule go in the tooltip and
 * in "About the lenses". */
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
                              "button.lens-%s:checked .lens-dot { background-color: white; }\n"
                              ".lens-about .lens-%s .lens-dot { background-color: #%06x; "
                              "min-width: 16px; min-height: 16px; border-radius: 8px; }\n",
                              info->id, info->color, info->id, info->color, info->id,
                              info->id, info->color);
    }
  /* Projector size: large type for the meaning, a little smaller for the
   * rule. */
  g_string_append (css, ".lens-about .lens-gloss { font-size: 17pt; }\n"
                        ".lens-about .lens-rule { font-size: 13pt; }\n"
                        ".lens-about .title-2 { font-size: 20pt; }\n");
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

/* A labelled row of linked toggle buttons, one per value of a stateful
 * "u" action: the one whose target is the state is pressed. */
static GtkWidget *
choice_row (const char *label, const char *action, const char *tooltip,
            const guint *values, const char *const *names, guint n)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_tooltip_text (box, tooltip);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (names[i]);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_uint32 (values[i]));
      gtk_widget_set_hexpand (button, TRUE);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

/* "About the lenses": each lesson's meaning and rule, large enough to be
 * read on a projected screen, for the facilitator to open in front of the
 * room. */
static GtkWidget *
about_popover_new (void)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *key = gtk_label_new (_("On the map, a solid ring or halo is a tag someone set; "
                                    "a dashed one is found by the lesson’s rule."));

  gtk_widget_set_name (popover, "lens-about");
  gtk_widget_add_css_class (box, "lens-about");
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      const MgLessonInfo *info = mg_lesson_info (l);
      GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *name = gtk_label_new (_(info->name));
      GtkWidget *gloss = gtk_label_new (_(info->gloss));
      GtkWidget *rule = gtk_label_new (_(info->explanation));
      g_autofree char *css_class = g_strdup_printf ("lens-%s", info->id);

      gtk_widget_add_css_class (dot, "lens-dot");
      gtk_widget_add_css_class (section, css_class);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (name, "title-2");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_box_append (GTK_BOX (title), dot);
      gtk_box_append (GTK_BOX (title), name);
      gtk_widget_add_css_class (gloss, "lens-gloss");
      gtk_widget_add_css_class (rule, "lens-rule");
      for (GtkWidget *w = gloss; w != NULL; w = w == gloss ? rule : NULL)
        {
          gtk_label_set_wrap (GTK_LABEL (w), TRUE);
          gtk_label_set_xalign (GTK_LABEL (w), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (w), 60);
          gtk_label_set_width_chars (GTK_LABEL (w), 50);
        }
      gtk_box_append (GTK_BOX (section), title);
      gtk_box_append (GTK_BOX (section), gloss);
      gtk_box_append (GTK_BOX (section), rule);
      gtk_box_append (GTK_BOX (box), section);
    }
  gtk_label_set_wrap (GTK_LABEL (key), TRUE);
  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (key), 60);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_widget_add_css_class (key, "lens-rule");
  gtk_box_append (GTK_BOX (box), key);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 900);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  return popover;
}

/* The scales entry follows lens.scales; Enter sets it. */
static void
on_scales_state (GActionGroup *group, const char *name, GVariant *state, GtkEditable *entry)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), g_variant_get_string (state, NULL)) != 0)
    gtk_editable_set_text (entry, g_variant_get_string (state, NULL));
}

static void
on_scales_activate (GtkEntry *entry, GActionGroup *group)
{
  g_action_group_change_action_state (group, "scales",
                                      g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static GtkWidget *
scales_row (GActionGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new (_("Scales, Not Places"));
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr (GVariant) state = group != NULL ? g_action_group_get_action_state (group, "scales") : NULL;

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_name (entry, "lens-scales");
  gtk_widget_set_tooltip_text (box, _("Top-level territories where an actor acts at a scale "
                                      "(national, European…) rather than in a place; such actors "
                                      "neither share nor cross territories. Separate them with "
                                      "commas and press Enter."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scales, Not Places"), -1);
  if (state != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), g_variant_get_string (state, NULL));
  if (group != NULL)
    {
      g_signal_connect_object (group, "action-state-changed::scales", G_CALLBACK (on_scales_state),
                               entry, 0);
      g_signal_connect_object (entry, "activate", G_CALLBACK (on_scales_activate), group, 0);
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), entry);
  return box;
}

GtkWidget *
mg_lens_bar_new (GActionGroup *lens_actions)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *about = gtk_menu_button_new ();
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
      g_autofree char *meaning = g_strdup_printf ("%s\n%s", _(info->gloss), _(info->explanation));
      /* TRANSLATORS: a lens's tooltip: the lesson, its key (1 to 4), what it shows. */
      g_autofree char *tooltip = g_markup_printf_escaped (_("<b>%s</b> (key %u)\n%s"), _(info->name), l + 1,
                                                          meaning);

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
  {
    static const guint levels[] = { 1, 2, 3 };
    static const guint thresholds[] = { 2, 3, 4, 5 };
    const char *level_names[] = { _("Region"), _("Department"), _("City") };
    const char *threshold_names[] = { "2", "3", "4", "5" };

    gtk_box_append (GTK_BOX (options),
                    choice_row (_("Compare Territories by"), "lens.level",
                                _("Lenses say two actors share a territory when they are in "
                                  "the same region (or department, or city); a region contains "
                                  "its departments. Grouping the drawing does not change it."),
                                levels, level_names, G_N_ELEMENTS (levels)));
    gtk_box_append (GTK_BOX (options),
                    choice_row (_("Families for “Combine”"), "lens.threshold",
                                _("How many stakeholder families other than its own an actor "
                                  "must work with in its territory to match “Identifying "
                                  "winning combinations”."),
                                thresholds, threshold_names, G_N_ELEMENTS (thresholds)));
    gtk_box_append (GTK_BOX (options), scales_row (lens_actions));
  }
  gtk_popover_set_child (GTK_POPOVER (popover), options);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Lens Options"));
  mg_a11y_set_label (menu, _("Lens Options"));

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (about), about_popover_new ());
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (about), "help-about-symbolic");
  gtk_widget_set_tooltip_text (about, _("About the Lenses"));
  mg_a11y_set_label (about, _("About the Lenses"));
  gtk_widget_set_name (about, "lens-about-button");

  gtk_box_append (GTK_BOX (bar), toggles);
  gtk_box_append (GTK_BOX (bar), about);
  gtk_box_append (GTK_BOX (bar), menu);
  return bar;
}
