/* mg-inspector-metrics.c — the "Measures" group of the inspector: degree,
 * betweenness (once the background computation is done) and the diversity
 * of roles around one selected actor. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-inspector-private.h"
#include "mg-lens-controller.h"

typedef struct {
  MgLensController *controller; /* weak */
  GtkWidget        *group;
  AdwActionRow     *degree;
  AdwActionRow     *betweenness;
  AdwActionRow     *diversity;
} Measures;

static void
measures_free (gpointer data)
{
  Measures *m = data;

  g_clear_weak_pointer (&m->controller);
  g_free (m);
}

static void
set_row (AdwActionRow *row, const char *value)
{
  adw_action_row_set_subtitle (row, value);
}

static void
refresh_measures (MgInspector *self)
{
  Measures *m = g_object_get_data (G_OBJECT (self), "mg-measures");
  MgSelection *selection;
  MgVisibility *visibility;
  MgAdjacency *adj;
  MgActor *actor;
  const double *betweenness;
  guint n_betweenness = 0;
  g_autofree char *degree = NULL;
  g_autofree char *between = NULL;
  g_autofree char *diversity = NULL;

  if (m == NULL || m->controller == NULL || self->document == NULL)
    return;
  selection = mg_document_get_selection (self->document);
  visibility = mg_lens_controller_get_visibility (m->controller);
  if (selection == NULL || visibility == NULL || mg_selection_get_n_actors (selection) != 1)
    {
      gtk_widget_set_visible (m->group, FALSE);
      return;
    }
  actor = g_ptr_array_index (mg_selection_get_actors (selection), 0);
  adj = mg_visibility_get_adjacency (visibility);
  if (actor->index >= adj->n_actors)
    {
      gtk_widget_set_visible (m->group, FALSE);
      return;
    }
  gtk_widget_set_visible (m->group, TRUE);
  degree = g_strdup_printf (_("%u (%u in, %u out)"), adj->degree[actor->index],
                            adj->in_degree[actor->index], adj->out_degree[actor->index]);
  set_row (m->degree, degree);
  betweenness = mg_lens_controller_get_betweenness (m->controller, &n_betweenness);
  if (betweenness != NULL && actor->index < n_betweenness)
    between = g_strdup_printf ("%.1f", betweenness[actor->index]);
  set_row (m->betweenness, between != NULL ? between : _("Computing…"));
  diversity = g_strdup_printf (ngettext ("%u role among its partners", "%u roles among its partners",
                                         mg_visibility_get_role_diversity (visibility)[actor->index]),
                               mg_visibility_get_role_diversity (visibility)[actor->index]);
  set_row (m->diversity, diversity);
}

static void
on_selection_changed (MgSelection *selection, MgInspector *self)
{
  refresh_measures (self);
}

static void
on_map_changed (MgDocument *document, MgInspector *self)
{
  MgSelection *selection = mg_document_get_selection (document);

  if (selection != NULL)
    g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed), self, 0);
  refresh_measures (self);
}

static AdwActionRow *
measure_row (Measures *m, const char *title, const char *tooltip)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), tooltip);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (m->group), GTK_WIDGET (row));
  return row;
}

void
mg_inspector_set_lens_controller (MgInspector *self, MgLensController *controller)
{
  Measures *m;

  g_return_if_fail (MG_IS_INSPECTOR (self));
  g_return_if_fail (MG_IS_LENS_CONTROLLER (controller));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (self), "mg-measures") == NULL);

  m = g_new0 (Measures, 1);
  g_set_weak_pointer (&m->controller, controller);
  m->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (m->group), _("Measures"));
  m->degree = measure_row (m, _("Degree"), _("Relations touching this actor"));
  m->betweenness = measure_row (m, _("Betweenness"),
                                _("How many shortest paths between other actors pass through "
                                  "this one: a broker scores high"));
  m->diversity = measure_row (m, _("Partner Roles"),
                              _("Distinct roles among the actors it is related to"));
  {
    GtkWidget *focus = gtk_menu_button_new ();
    g_autoptr (GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("_Focus on Neighbours"), "lens.focus(uint32 1)");
    g_menu_append (menu, _("Within _2 Hops"), "lens.focus(uint32 2)");
    g_menu_append (menu, _("Within _3 Hops"), "lens.focus(uint32 3)");
    g_menu_append (menu, _("Partners It _Reaches"), "lens.focus-out(uint32 1)");
    g_menu_append (menu, _("Partners Reaching _It"), "lens.focus-in(uint32 1)");
    g_menu_append (menu, _("_Clear Focus"), "lens.clear-focus");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (focus), G_MENU_MODEL (menu));
    gtk_menu_button_set_label (GTK_MENU_BUTTON (focus), _("Focus"));
    gtk_widget_add_css_class (focus, "flat");
    gtk_widget_set_tooltip_text (focus, _("Show only this actor's neighbourhood"));
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (m->group), focus);
  }
  gtk_widget_insert_after (m->group, gtk_widget_get_parent (GTK_WIDGET (self->lessons_group)),
                           GTK_WIDGET (self->lessons_group));
  g_object_set_data_full (G_OBJECT (self), "mg-measures", m, measures_free);

  g_signal_connect_object (controller, "metrics-changed", G_CALLBACK (refresh_measures), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "map-changed", G_CALLBACK (on_map_changed), self, 0);
  on_map_changed (self->document, self);
}
