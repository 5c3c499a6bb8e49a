/* mg-export-dialog.c — the export dialog over core's mg-export. */
#include "config.h"

#include "mg-resources.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mg-a11y.h"
#include "mg-export-dialog.h"
#include "mg-report-page.h"
#include "mg-report-panel.h"
#include "mg-lens-controller.h"
#include "mg-scene-bridge.h"
#include "mg-settings.h"

/* The page row's choices, in order: the map's own shape first. */
static const char *const page_presets[] = {
  NULL, "slide-16:9", "slide-4:3", "a4-landscape", "a4-portrait", "a3-landscape", "a3-portrait",
};
static const char *const page_names[] = {
  N_("Map’s own shape"), N_("Slide 16:9"), N_("Slide 4:3"), N_("A4 landscape"),
  N_("A4 portrait"), N_("A3 landscape"), N_("A3 portrait"), NULL,
};

#define PREVIEW_WIDTH 400

struct _MgExportDialog {
  AdwWindow     parent_instance;

  AdwComboRow  *content_row; /* the map, or the report page (A4, 16:9) */
  AdwComboRow  *format_row;
  AdwComboRow  *area_row;
  GtkSpinButton *scale_spin;
  AdwActionRow *dpi_row;
  GtkSpinButton *dpi_spin;
  AdwActionRow *size_row;
  GtkLabel     *size_label;
  GtkSwitch    *title_switch;
  AdwEntryRow  *title_entry;
  GtkSwitch    *legend_switch;
  AdwComboRow  *legend_language_row;
  AdwActionRow *transparent_row;
  GtkSwitch    *transparent_switch;
  GtkWidget    *export_button;
  AdwComboRow  *page_row;     /* the map's own shape, or a slide or sheet */
  GtkPicture   *preview;
  guint         preview_source;

  MgWindow     *window; /* weak */
  MgRect        visible; /* the canvas's area when the dialog opened */
  gboolean      loading_settings;
};

G_DEFINE_FINAL_TYPE (MgExportDialog, mg_export_dialog, ADW_TYPE_WINDOW)

static MgScene *
get_scene (MgExportDialog *self)
{
  if (self->window == NULL)
    return NULL;
  return mg_document_get_scene (mg_window_get_document (self->window));
}

/* The rows of "Legend Language", as MgExportOptions.legend_language and
 * the export-legend-language setting ("" for the interface's). */
static const char *const legend_languages[] = { NULL, "fr", "en" };

void
mg_export_dialog_get_options (MgExportDialog *self, MgExportOptions *options)
{
  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  mg_export_options_init (options);
  options->format = MIN (adw_combo_row_get_selected (self->format_row), MG_EXPORT_FORMAT_PDF);
  options->scale = gtk_spin_button_get_value (self->scale_spin) / 100.0;
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->legend = gtk_switch_get_active (self->legend_switch);
  options->legend_language = legend_languages[MIN (adw_combo_row_get_selected (self->legend_language_row),
                                                   G_N_ELEMENTS (legend_languages) - 1)];
  options->transparent = options->format != MG_EXPORT_FORMAT_PDF &&
                         gtk_switch_get_active (self->transparent_switch);
  if (gtk_switch_get_active (self->title_switch))
    {
      const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
      options->title = *title != '\0' ? title : NULL;
    }
  if (adw_combo_row_get_selected (self->area_row) == 1 && !mg_rect_is_empty (&self->visible))
    {
      options->has_region = TRUE;
      options->region = self->visible;
    }
  if (self->page_row != NULL)
    {
      guint page = adw_combo_row_get_selected (self->page_row);

      if (page > 0 && page < G_N_ELEMENTS (page_presets))
        mg_export_page_from_string (page_presets[page], 0, &options->page_width,
                                    &options->page_height);
    }
}

void
mg_export_dialog_set_page (MgExportDialog *self, const char *preset)
{
  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (page_presets); i++)
    if (g_strcmp0 (page_presets[i], preset) == 0)
      adw_combo_row_set_selected (self->page_row, i);
}

/* What an export draws: the light scene, and on a page its own copy with
 * labels readable at the page's scale (the screen's scene stays as it is). */
static MgScene *
dup_scene_for (MgExportDialog *self, const MgExportOptions *options)
{
  MgScene *shown = mg_window_dup_export_scene (self->window);
  MgVisibility *visibility;
  const MgSceneCluster *clusters;
  guint n_clusters = 0;
  MgScene *scene;

  if (shown == NULL || !(options->page_width > 0))
    return shown;
  visibility = mg_lens_controller_get_visibility (mg_window_get_lens_controller (self->window));
  {
    g_autoptr (MgStyle) style = mg_style_copy (mg_scene_get_style (shown));

    guint n = 0;
    const double *factors = mg_scene_get_size_factors (shown, &n);

    scene = mg_scene_new (mg_scene_get_map (shown), style);
    if (factors != NULL)
      mg_scene_set_size_by (scene, factors, n, mg_scene_get_size_by (shown));
  }
  clusters = mg_scene_get_clusters (shown, &n_clusters);
  for (guint pass = 0; pass < 2; pass++)
    {
      mg_scene_set_clusters (scene, clusters, n_clusters);
      if (visibility != NULL)
        mg_scene_bridge_apply_visibility (scene, visibility);
      /* A new style rebuilds the scene: boxes and lenses once more. */
      if (pass == 0)
        mg_export_fit_labels_to_page (scene, options);
    }
  g_object_unref (shown);
  return scene;
}

/* ---- the preview ------------------------------------------------------------------------------ */

static gboolean
render_preview (gpointer data)
{
  MgExportDialog *self = data;
  MgExportOptions options;
  g_autoptr (MgScene) scene = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  self->preview_source = 0;
  if (self->window == NULL)
    return G_SOURCE_REMOVE;
  mg_export_dialog_get_options (self, &options);
  /* The page as it will come out, small: PNG whatever the format. */
  options.format = MG_EXPORT_FORMAT_PNG;
  options.pixel_width = PREVIEW_WIDTH;
  scene = dup_scene_for (self, &options);
  if (scene != NULL)
    png = mg_export_render_png_bytes (scene, &options, NULL);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  return G_SOURCE_REMOVE;
}

static void
queue_preview (MgExportDialog *self)
{
  if (self->preview == NULL)
    return;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (120, render_preview, self);
}

GdkPaintable *
mg_export_dialog_get_preview (MgExportDialog *self)
{
  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), NULL);
  if (self->preview_source != 0)
    {
      g_clear_handle_id (&self->preview_source, g_source_remove);
      render_preview (self);
    }
  return gtk_picture_get_paintable (self->preview);
}

void
mg_export_dialog_set_format (MgExportDialog *self, MgExportFormat format)
{
  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

static void
save_settings (MgExportDialog *self)
{
  GSettings *settings = mg_settings_get ();

  if (settings == NULL || self->loading_settings)
    return;
  g_settings_set_string (settings, "export-format",
                         mg_export_format_to_string (adw_combo_row_get_selected (self->format_row)));
  g_settings_set_double (settings, "export-scale", gtk_spin_button_get_value (self->scale_spin) / 100.0);
  g_settings_set_double (settings, "export-dpi", gtk_spin_button_get_value (self->dpi_spin));
  g_settings_set_boolean (settings, "export-legend", gtk_switch_get_active (self->legend_switch));
  {
    guint i = MIN (adw_combo_row_get_selected (self->legend_language_row),
                   G_N_ELEMENTS (legend_languages) - 1);
    g_settings_set_string (settings, "export-legend-language",
                           legend_languages[i] ? legend_languages[i] : "");
  }
  g_settings_set_boolean (settings, "export-transparent", gtk_switch_get_active (self->transparent_switch));
  g_settings_set_boolean (settings, "export-title", gtk_switch_get_active (self->title_switch));
  if (self->page_row != NULL)
    {
      guint page = adw_combo_row_get_selected (self->page_row);

      g_settings_set_string (settings, "export-page",
                             page < G_N_ELEMENTS (page_presets) && page_presets[page] != NULL
                             ? page_presets[page] : "");
    }
}

static void
load_settings (MgExportDialog *self)
{
  GSettings *settings = mg_settings_get ();
  g_autofree char *format = NULL;
  MgExportFormat fmt = MG_EXPORT_FORMAT_PNG;

  if (settings == NULL)
    return;
  format = g_settings_get_string (settings, "export-format");
  for (MgExportFormat f = MG_EXPORT_FORMAT_PNG; f <= MG_EXPORT_FORMAT_PDF; f++)
    if (g_str_equal (format, mg_export_format_to_string (f)))
      fmt = f;
  adw_combo_row_set_selected (self->format_row, fmt);
  gtk_spin_button_set_value (self->scale_spin, 100.0 * g_settings_get_double (settings, "export-scale"));
  gtk_spin_button_set_value (self->dpi_spin, g_settings_get_double (settings, "export-dpi"));
  gtk_switch_set_active (self->legend_switch, g_settings_get_boolean (settings, "export-legend"));
  {
    g_autofree char *lang = g_settings_get_string (settings, "export-legend-language");
    for (guint i = 1; i < G_N_ELEMENTS (legend_languages); i++)
      if (g_str_equal (lang, legend_languages[i]))
        adw_combo_row_set_selected (self->legend_language_row, i);
  }
  gtk_switch_set_active (self->transparent_switch, g_settings_get_boolean (settings, "export-transparent"));
  gtk_switch_set_active (self->title_switch, g_settings_get_boolean (settings, "export-title"));
  {
    g_autofree char *page = g_settings_get_string (settings, "export-page");

    mg_export_dialog_set_page (self, *page != '\0' ? page : NULL);
  }
}

/* The rows that apply to the format, and the size the file will have. */
static void
on_option_changed (MgExportDialog *self)
{
  MgExportOptions options;
  MgScene *scene = get_scene (self);
  g_autoptr (GError) error = NULL;
  double width_pt, height_pt;
  int width_px, height_px;
  g_autofree char *size = NULL;
  gboolean report;

  mg_export_dialog_get_options (self, &options);
  report = adw_combo_row_get_selected (self->content_row) > 0;
  /* The report page has its own size: no area, scale, legend or background. */
  gtk_widget_set_visible (GTK_WIDGET (self->area_row), !report);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->scale_spin), ADW_TYPE_ACTION_ROW),
                          !report);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->legend_switch),
                                                   ADW_TYPE_ACTION_ROW), !report);
  gtk_widget_set_visible (GTK_WIDGET (self->transparent_row), !report);
  if (self->page_row != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->page_row), !report);
  /* On a page the map is fitted to it: no scale to choose. */
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (self->scale_spin), ADW_TYPE_ACTION_ROW),
                            !(options.page_width > 0));
  queue_preview (self);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), options.format == MG_EXPORT_FORMAT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), options.format != MG_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->title_entry), gtk_switch_get_active (self->title_switch));
  save_settings (self);

  if (scene == NULL)
    return;
  if (report)
    {
      mg_report_page_get_size (adw_combo_row_get_selected (self->content_row) == 2
                                 ? MG_REPORT_PAGE_WIDE : MG_REPORT_PAGE_A4,
                               &width_pt, &height_pt);
      width_px = (int) ceil (width_pt * options.dpi / 72);
      height_px = (int) ceil (height_pt * options.dpi / 72);
    }
  else if (!mg_export_measure (scene, &options, &width_pt, &height_pt, &width_px, &height_px, &error))
    {
      gtk_label_set_text (self->size_label, _("Too large"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->size_label), error->message);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->size_label), NULL);
  if (options.format == MG_EXPORT_FORMAT_PNG)
    size = g_strdup_printf (_("%d × %d pixels"), width_px, height_px);
  else
    size = g_strdup_printf (_("%.0f × %.0f mm"), width_pt * 25.4 / 72.0, height_pt * 25.4 / 72.0);
  gtk_label_set_text (self->size_label, size);
}

/* ---- exporting ------------------------------------------------------------------------------ */

static void
on_open_export (AdwToast *toast, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri (uri, NULL, NULL);
}

static void
unref_closure_data (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

/* The territory report as a page, at the level the report panel shows, with
 * the catalysts when betweenness is known (cached, or quick to compute). */
static gboolean
export_report (MgExportDialog *self, const MgExportOptions *options, const char *path,
               GError **error)
{
  MgMap *map = mg_document_get_map (mg_window_get_document (self->window));
  GtkWidget *panel = mg_window_get_side_page (self->window, "report");
  guint level = MG_IS_REPORT_PANEL (panel) ? mg_report_panel_get_level (MG_REPORT_PANEL (panel))
                                           : MG_REPORT_DEFAULT_LEVEL;
  guint n = 0;
  const double *cached = mg_lens_controller_get_betweenness (
    mg_window_get_lens_controller (self->window), &n);
  g_autofree double *computed = NULL;
  g_autoptr (MgReport) report = NULL;
  MgReportPageOptions page;

  if ((cached == NULL || n != mg_map_get_n_actors (map)) && mg_map_get_n_actors (map) <= 3000)
    {
      computed = mg_report_compute_betweenness (map);
      cached = computed;
      n = mg_map_get_n_actors (map);
    }
  report = mg_report_new (map, level, cached, n);
  mg_report_page_options_init (&page);
  page.format = options->format;
  page.dpi = options->dpi;
  page.title = options->title;
  page.lang = options->legend_language;
  page.size = adw_combo_row_get_selected (self->content_row) == 2 ? MG_REPORT_PAGE_WIDE
                                                                  : MG_REPORT_PAGE_A4;
  /* Filtered on a territory, the map shows it: so does the page. */
  page.territory = mg_lens_controller_get_filter (mg_window_get_lens_controller (self->window))
                     ->territory;
  return mg_report_page_export (report, map, &page, path, error);
}

gboolean
mg_export_dialog_export_to_file (MgExportDialog *self, GFile *file, GError **error)
{
  MgExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  MgScene *scene;
  AdwToast *toast;

  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scene = get_scene (self);
  path = g_file_get_path (file);
  if (scene == NULL || path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("There is no map to export, or the file is not a local one"));
      return FALSE;
    }
  mg_export_dialog_get_options (self, &options);
  if (adw_combo_row_get_selected (self->content_row) > 0)
    {
      if (!export_report (self, &options, path, error))
        return FALSE;
    }
  else
  {
    /* Reports and slides stay light when the screen is dark. */
    g_autoptr (MgScene) light = dup_scene_for (self, &options);

    if (!mg_export_scene_to_file (light, &options, path, error))
      return FALSE;
  }

  name = g_file_get_basename (file);
  text = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_export),
                         g_object_ref (file), unref_closure_data, 0);
  if (self->window != NULL)
    mg_window_add_toast (self->window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, MgExportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (mg_export_dialog_export_to_file (self, file, &error))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Export"),
                                                      error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked (GtkButton *button, MgExportDialog *self)
{
  MgExportOptions options;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *ext;
  const char *title = self->window ? mg_document_get_title (mg_window_get_document (self->window)) : NULL;
  g_autofree char *name = NULL;

  mg_export_dialog_get_options (self, &options);
  ext = mg_export_format_to_string (options.format);
  if (adw_combo_row_get_selected (self->content_row) > 0)
    name = g_strdup_printf ("%s — %s.%s", title ? title : _("map"), _("report"), ext);
  else
    name = g_strdup_printf ("%s.%s", title ? title : _("map"), ext);
  g_strdelimit (name, "/\\:", '-');

  chooser = gtk_file_chooser_native_new (_("Export Image"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, options.format == MG_EXPORT_FORMAT_PNG ? _("PNG images")
                                    : options.format == MG_EXPORT_FORMAT_SVG ? _("SVG drawings")
                                                                             : _("PDF documents"));
  gtk_file_filter_add_suffix (filter, ext);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
mg_export_dialog_copy_image (MgWindow *window, const MgExportOptions *options, GError **error)
{
  MgScene *scene;
  MgExportOptions defaults;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  g_return_val_if_fail (MG_IS_WINDOW (window), FALSE);
  scene = mg_document_get_scene (mg_window_get_document (window));
  if (scene == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no map to copy"));
      return FALSE;
    }
  if (options == NULL)
    {
      mg_export_options_init (&defaults);
      options = &defaults;
    }
  {
    g_autoptr (MgScene) light = NULL;

    if (options->page_width > 0)
      {
        /* A slide: labels readable at the page's scale, on a copy. */
        g_autoptr (MgScene) shown = mg_window_dup_export_scene (window);
        g_autoptr (MgStyle) style = mg_style_copy (mg_scene_get_style (shown));
        MgVisibility *visibility = mg_lens_controller_get_visibility (mg_window_get_lens_controller (window));
        const MgSceneCluster *clusters;
        guint n_clusters = 0;

        guint n = 0;
        const double *factors = mg_scene_get_size_factors (shown, &n);

        light = mg_scene_new (mg_scene_get_map (shown), style);
        if (factors != NULL)
          mg_scene_set_size_by (light, factors, n, mg_scene_get_size_by (shown));
        mg_export_fit_labels_to_page (light, options);
        clusters = mg_scene_get_clusters (shown, &n_clusters);
        mg_scene_set_clusters (light, clusters, n_clusters);
        if (visibility != NULL)
          mg_scene_bridge_apply_visibility (light, visibility);
      }
    else
      light = mg_window_dup_export_scene (window);
    png = mg_export_render_png_bytes (light, options, error);
  }
  if (png == NULL)
    return FALSE;
  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (window)), texture);
  return TRUE;
}

static void
on_copy_clicked (GtkButton *button, MgExportDialog *self)
{
  MgExportOptions options;
  g_autoptr (GError) error = NULL;

  if (self->window == NULL)
    return;
  mg_export_dialog_get_options (self, &options);
  if (!mg_export_dialog_copy_image (self->window, &options, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Copy"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  mg_window_add_toast (self->window, adw_toast_new (_("Image copied: paste it into your slides")));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The page presets (a row after the area) and the preview (a group of its
 * own, at the end of the page). */
static void
add_page_and_preview (MgExportDialog *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->area_row), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->area_row), ADW_TYPE_PREFERENCES_PAGE);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *preview_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  for (guint i = 0; page_names[i] != NULL; i++)
    gtk_string_list_append (names, _(page_names[i]));
  self->page_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->page_row), _("Page"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_row),
                               _("Slides and sheets hold the title, the map and the legend"));
  adw_combo_row_set_model (self->page_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->page_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->page_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview_group), _("Preview"));
  self->preview = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->preview, TRUE);
  gtk_picture_set_content_fit (self->preview, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), -1, 220);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the export"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->preview));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview_group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (preview_group));
  /* Seen first: the groups of a page are children of one box. */
  if (GTK_IS_BOX (gtk_widget_get_parent (preview_group)))
    gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (preview_group)), preview_group, NULL);
}

/* ---- GObject ------------------------------------------------------------------------------------ */

static void
mg_export_dialog_dispose (GObject *object)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (mg_export_dialog_parent_class)->dispose (object);
}

static void
mg_export_dialog_class_init (MgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_export_dialog_dispose;

  mg_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/maillage/Maillage/mg-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, title_switch);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, legend_language_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mg_export_dialog_init (MgExportDialog *self)
{
  self->visible = mg_rect_empty ();
  /* Until the settings are read, the rows' signals must not write them. */
  self->loading_settings = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_page_and_preview (self);
  mg_a11y_name_icon_buttons (GTK_WIDGET (self));
}

GtkWidget *
mg_export_dialog_new (MgWindow *window)
{
  MgExportDialog *self;
  const char *title;

  g_return_val_if_fail (MG_IS_WINDOW (window), NULL);
  self = g_object_new (MG_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  mg_canvas_viewport_get_visible_rect (mg_canvas_get_viewport (mg_window_get_canvas (window)),
                                       &self->visible);
  title = mg_document_get_title (mg_window_get_document (window));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
  load_settings (self);
  self->loading_settings = FALSE;
  on_option_changed (self);
  return GTK_WIDGET (self);
}
