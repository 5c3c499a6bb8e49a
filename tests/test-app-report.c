/* test-app-report.c — the report panel on the joined example map: missing
 * families shown, a catalyst or a lever's number selects what stands behind
 * it, and tagging an actor's role updates the card. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mg-application.h"
#include "mg-export-dialog.h"
#include "mg-report-panel.h"
#include "mg-window.h"

#include "app-test-util.h"

static gboolean
catalysts_ranked (gpointer data)
{
  const MgReport *report = mg_report_panel_get_report (data);

  return report != NULL && report->has_betweenness;
}

static const char *
missing_text (MgReportPanel *panel, const char *territory)
{
  GtkWidget *label;

  mg_report_panel_update (panel);
  label = mg_report_panel_get_missing_label (panel, territory);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

typedef struct {
  MgReportPanel *panel;
  const char    *territory;
  const char    *text;
} MissingWait;

/* Reads the card as it is: the panel must have updated itself. */
static gboolean
missing_is (gpointer data)
{
  MissingWait *wait = data;
  GtkWidget *label = mg_report_panel_get_missing_label (wait->panel, wait->territory);

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), wait->text) == 0;
}

static MgWindow *
open_joined_map (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps",
                                            "france-territorial-innovation.graphml", NULL);

  return open_map (path);
}

static MgReportPanel *
show_panel (MgWindow *window)
{
  GtkWidget *panel = mg_window_get_side_page (window, "report");

  g_assert_true (MG_IS_REPORT_PANEL (panel));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (panel)), panel);
  flush_events ();
  wait_until (catalysts_ranked, panel, "betweenness for the catalysts");
  return MG_REPORT_PANEL (panel);
}

static void
test_missing_families_shown (void)
{
  MgWindow *window = open_joined_map ();
  MgReportPanel *panel = show_panel (window);
  const MgReport *report = mg_report_panel_get_report (panel);
  GtkWidget *card = mg_report_panel_get_card (panel, "Hauts-de-France");

  g_assert_cmpuint (mg_report_panel_get_level (panel), ==, 1);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_nonnull (mg_report_find (report, "Auvergne-Rhône-Alpes"));
  g_assert_cmpstr (missing_text (panel, "Hauts-de-France"), ==,
                   "Missing: Start-ups, Real estate, Education system");
  g_assert_cmpstr (missing_text (panel, "Auvergne-Rhône-Alpes"), ==, "Every family is there");

  /* Departments at level 2. */
  mg_report_panel_set_level (panel, 2);
  mg_report_panel_update (panel);
  g_assert_nonnull (mg_report_panel_get_card (panel, "Hauts-de-France/Somme"));
  g_assert_null (mg_report_panel_get_card (panel, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand"));
  destroy_window (window);
}

static void
test_clicking_selects (void)
{
  MgWindow *window = open_joined_map ();
  MgReportPanel *panel = show_panel (window);
  MgSelection *selection = mg_document_get_selection (mg_window_get_document (window));
  GtkWidget *catalyst = mg_report_panel_get_lever_button (panel, "Hauts-de-France",
                                                          MG_LEVER_CATALYSTS, 0);
  GtkWidget *networks = mg_report_panel_get_lever_button (panel, "Hauts-de-France",
                                                          MG_LEVER_NATIONAL_NETWORKS, -1);
  const MgReportTerritory *hdf = mg_report_find (mg_report_panel_get_report (panel),
                                                 "Hauts-de-France");
  MgActor *first;

  g_assert_nonnull (catalyst);
  g_assert_nonnull (networks);
  g_signal_emit_by_name (catalyst, "clicked");
  g_assert_cmpuint (mg_selection_get_n_actors (selection), ==, 1);
  first = g_ptr_array_index (mg_selection_get_actors (selection), 0);
  g_assert_cmpuint (first->index, ==, g_array_index (hdf->levers[MG_LEVER_CATALYSTS], guint, 0));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (catalyst)), ==,
                   mg_actor_get_display_label (first));

  /* A relation lever: its relations and their ends. */
  g_signal_emit_by_name (networks, "clicked");
  g_assert_cmpuint (mg_selection_get_relations (selection)->len, ==,
                    mg_report_territory_lever_count (hdf, MG_LEVER_NATIONAL_NETWORKS));
  g_assert_cmpuint (mg_selection_get_relations (selection)->len, ==, 2);
  g_assert_cmpuint (mg_selection_get_n_actors (selection), >=, 2);
  destroy_window (window);
}

static void
test_tagging_updates_card (void)
{
  MgWindow *window = open_joined_map ();
  MgReportPanel *panel = show_panel (window);
  MgMap *map = mg_document_get_map (mg_window_get_document (window));
  const MgReportTerritory *hdf = mg_report_find (mg_report_panel_get_report (panel),
                                                 "Hauts-de-France");
  MgActor *sme = NULL;
  MissingWait wait = { panel, "Hauts-de-France",
                       "Missing: Real estate, Education system" };

  for (guint i = 0; i < hdf->members->len && sme == NULL; i++)
    {
      MgActor *a = g_ptr_array_index (mg_map_get_actors (map),
                                      g_array_index (hdf->members, guint, i));

      if (g_strcmp0 (a->role, "sme") == 0)
        sme = a;
    }
  g_assert_nonnull (sme);
  /* A participant says: that one is a start-up. */
  mg_map_set_actor_role (map, sme, "startup");
  wait_until (missing_is, &wait, "the card to show the start-up");
  /* And back: Start-ups is missing again. */
  mg_map_set_actor_role (map, sme, "sme");
  wait.text = "Missing: Start-ups, Real estate, Education system";
  wait_until (missing_is, &wait, "the card to lose the start-up");
  destroy_window (window);
}

static AdwComboRow *
find_combo_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      AdwComboRow *found = find_combo_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_export_dialog_report_page (void)
{
  MgWindow *window = open_joined_map ();
  GtkWidget *dialog = mg_export_dialog_new (window);
  AdwComboRow *content = find_combo_row (dialog, "Export");
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "maillage-test-report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_nonnull (content);
  adw_combo_row_set_selected (content, 1);
  mg_export_dialog_set_format (MG_EXPORT_DIALOG (dialog), MG_EXPORT_FORMAT_PDF);
  g_assert_true (mg_export_dialog_export_to_file (MG_EXPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

int
main (int argc, char *argv[])
{
  int status;

  if (!app_test_setup (&argc, &argv))
    return 0;
  g_test_add_func ("/app/report-panel/missing-families-shown", test_missing_families_shown);
  g_test_add_func ("/app/report-panel/clicking-selects", test_clicking_selects);
  g_test_add_func ("/app/report-panel/tagging-updates-card", test_tagging_updates_card);
  g_test_add_func ("/app/export-dialog/report-page", test_export_dialog_report_page);
  status = g_test_run ();
  app_test_teardown ();
  return status;
}
