/* mg-export-dialog.c — the export dialog over core's mg-export. */
#include "config.h"

#include "mg-resources.h"

#include <glib/gi18n.h>

#include "mg-export-dialog.h"
#include "mg-settings.h"

struct _MgExportDialog {
  AdwWindow     parent_instance;

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

  mg_export_dialog_get_options (self, &options);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), options.format == MG_EXPORT_FORMAT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), options.format != MG_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->title_entry), gtk_switch_get_active (self->title_switch));
  save_settings (self);

  if (scene == NULL)
    return;
  if (!mg_export_measure (scene, &options, &width_pt, &height_pt, &width_px, &height_px, &error))
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
  {
    /* Reports and slides stay light when the screen is dark. */
    g_autoptr (MgScene) light = mg_window_dup_export_scene (self->window);

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
    g_autoptr (MgScene) light = mg_window_dup_export_scene (window);

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

/* ---- GObject ------------------------------------------------------------------------------------ */

static void
mg_export_dialog_dispose (GObject *object)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
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
