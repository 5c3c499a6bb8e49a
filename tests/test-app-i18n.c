/* The window in French, through the real catalogue of the build tree
 * (run with LANGUAGE=fr, MAILLAGE_LOCALE_DIR=<build>/po: tests/meson.build):
 * our strings, GTK's own, and the export dialog's legend language. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "mg-application.h"
#include "mg-export-dialog.h"
#include "mg-window.h"
#include "app-test-util.h"

/* Every label, button label, tooltip and row title under @widget, one a line. */
static void
collect_texts (GtkWidget *widget, GString *out)
{
  const char *text = NULL;
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (text != NULL)
    g_string_append_printf (out, "%s\n", text);
  if (tooltip != NULL)
    g_string_append_printf (out, "%s\n", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static AdwComboRow *
find_combo_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row = find_combo_row (child, title);
      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
has_line (const GString *texts, const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", texts->str);

  return strstr (haystack, needle) != NULL;
}

static void
test_window_in_french (void)
{
  MgWindow *window = open_example ();
  g_autoptr (GString) texts = g_string_new (NULL);

  collect_texts (GTK_WIDGET (window), texts);
  /* The lens bar, the side panel's pages, the tools. */
  g_assert_true (has_line (texts, "Valoriser"));
  g_assert_true (has_line (texts, "Prendre soin"));
  g_assert_true (has_line (texts, "Combiner"));
  g_assert_true (has_line (texts, "Apprendre"));
  g_assert_true (has_line (texts, "Acteurs"));
  g_assert_true (has_line (texts, "Filtres"));
  g_assert_true (has_line (texts, "Aucune sélection"));
  g_assert_true (has_line (texts, "Exporter une image (Ctrl+E)"));
  g_assert_false (has_line (texts, "Valorize"));
  g_assert_false (has_line (texts, "Actors"));
  g_assert_false (has_line (texts, "Nothing Selected"));

  /* GTK's own catalogue is used too (GLib translates libraries only when
   * the program's own domain is translated). */
  g_assert_nonnull (strstr (g_dgettext ("gtk40", "_Cancel"), "nnuler")); /* "A_nnuler" */
  destroy_window (window);
}

static void
test_export_legend_language (void)
{
  MgWindow *window = open_example ();
  GtkWidget *dialog = mg_export_dialog_new (window);
  g_autoptr (GString) texts = g_string_new (NULL);
  AdwComboRow *row;
  MgExportOptions options;
  struct { guint row; const char *lang; const char *legend; const char *role; } cases[] = {
    { 0, NULL, ">Légende<", ">Connecteur (incubateur, CCI, pôle, réseau)<" },
    { 1, "fr", ">Légende<", ">Connecteur (incubateur, CCI, pôle, réseau)<" },
    { 2, "en", ">Legend<", ">Connector<" },
  };

  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();
  collect_texts (dialog, texts);
  g_assert_true (has_line (texts, "Fond transparent"));
  row = find_combo_row (dialog, "Langue de la légende");
  g_assert_nonnull (row);

  mg_export_dialog_set_format (MG_EXPORT_DIALOG (dialog), MG_EXPORT_FORMAT_SVG);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (MgScene) scene = mg_window_dup_export_scene (window);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *svg = NULL;

      adw_combo_row_set_selected (row, cases[i].row);
      mg_export_dialog_get_options (MG_EXPORT_DIALOG (dialog), &options);
      g_assert_cmpstr (options.legend_language, ==, cases[i].lang);
      bytes = mg_export_scene_to_bytes (scene, &options, &error);
      g_assert_no_error (error);
      svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_nonnull (strstr (svg, cases[i].legend));
      g_assert_nonnull (strstr (svg, cases[i].role));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

int
main (int argc, char *argv[])
{
  const char *locale_dir = g_getenv ("MAILLAGE_LOCALE_DIR");
  int status;

  g_assert_nonnull (locale_dir);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!app_test_setup (&argc, &argv))
    return 0;
  /* gtk_test_init set an English locale: the user's, French, again (C.UTF-8,
   * where LANGUAGE still applies, when fr_FR.UTF-8 is not generated). */
  if (setlocale (LC_ALL, "") == NULL || strncmp (setlocale (LC_MESSAGES, NULL), "fr", 2) != 0)
    setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/i18n/window/in-french", test_window_in_french);
  g_test_add_func ("/i18n/export/legend-language", test_export_legend_language);
  status = g_test_run ();

  app_test_teardown ();
  return status;
}
