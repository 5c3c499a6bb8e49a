/* mg-application.c — command line first, then windows: one per map. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-application.h"
#include "mg-cli.h"
#include "mg-resources.h"
#include "mg-window.h"

#include <gio/gunixoutputstream.h>
#include <unistd.h>

struct _MgApplication {
  AdwApplication parent_instance;

  gboolean handled_locally; /* handle_local_options ran */

  /* Maps named on the command line of the first instance, opened once the
   * application is up (activate). */
  GPtrArray     *pending_files;
};

G_DEFINE_FINAL_TYPE (MgApplication, mg_application, ADW_TYPE_APPLICATION)

/* ---- the command line ------------------------------------------------------------- */

static GPtrArray *
files_from_options (GVariantDict *options)
{
  g_auto (GStrv) paths = mg_cli_get_files (options);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));
  return files;
}

/* Runs before any window or display exists: the command-line actions
 * (--info, --save-as, --export…) never need a display. */
static int
mg_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  MgApplication *self = MG_APPLICATION (app);
  g_autoptr (GOutputStream) out = NULL;

  self->handled_locally = TRUE;
  g_autoptr (GOutputStream) err = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;

  if (mg_cli_wants_action (options))
    {
      out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      err = g_unix_output_stream_new (STDERR_FILENO, FALSE);
      return mg_cli_run (options, out, err);
    }

  /* The option parser took the file arguments (G_OPTION_REMAINING), so
   * GApplication will not: route them ourselves. */
  files = files_from_options (options);
  if (files->len == 0)
    return -1;
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("maillage: %s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (app))
    {
      /* Another Maillage is running: it opens them (or focuses them). */
      g_application_open (app, (GFile **) files->pdata, files->len, "");
      return 0;
    }
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  self->pending_files = g_steal_pointer (&files);
  return -1;
}

/* ---- windows ----------------------------------------------------------------------------- */

static MgWindow *
find_window (MgApplication *self, GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MG_IS_WINDOW (l->data) && mg_window_has_file (l->data, file))
      return l->data;
  return NULL;
}

static MgWindow *
find_empty_window (MgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MG_IS_WINDOW (l->data) && mg_window_is_empty (l->data))
      return l->data;
  return NULL;
}

MgWindow *
mg_application_open_file (MgApplication *self, GFile *file)
{
  MgWindow *window;

  g_return_val_if_fail (MG_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* One window per map: the same file twice focuses its window. */
  window = find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  window = find_empty_window (self);
  if (window == NULL)
    window = mg_window_new (GTK_APPLICATION (self));
  /* Shown first, so that a question about a recovery copy sits on top. */
  gtk_window_present (GTK_WINDOW (window));
  mg_window_open_file (window, file);
  return window;
}

static void
mg_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    mg_application_open_file (MG_APPLICATION (app), files[i]);
}

static void
mg_application_activate (GApplication *app)
{
  MgApplication *self = MG_APPLICATION (app);
  GtkWindow *window;

  if (self->pending_files != NULL)
    {
      g_autoptr (GPtrArray) files = g_steal_pointer (&self->pending_files);
      mg_application_open (app, (GFile **) files->pdata, files->len, "");
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (mg_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

/* ---- application actions ---------------------------------------------------------------- */

static void
new_window_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (mg_window_new (GTK_APPLICATION (user_data))));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  /* Each window asks about its own unsaved changes. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;
  const char *developers[] = { "The Maillage contributors", NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Maillage",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Maillage contributors"),
                        "developers", developers,
                        /* TRANSLATORS: your names, one a line (shown in the About window). */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Map the collaborative innovation ecosystem of a territory: "
                                      "its actors, their relations, where they are, and the four "
                                      "lessons of territorial open innovation."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2024 The Maillage contributors",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "quit", quit_action },
  { "about", about_action },
};

static void
mg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };

  mg_resources_ensure ();
  G_APPLICATION_CLASS (mg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
mg_application_finalize (GObject *object)
{
  MgApplication *self = MG_APPLICATION (object);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  G_OBJECT_CLASS (mg_application_parent_class)->finalize (object);
}

/* GApplication exits with 1 on an unknown option; our contract says 2 for
 * usage errors, 1 for bad input.  An option error is the only way to come
 * back with 1 before handle_local_options ran. */
static gboolean
mg_application_local_command_line (GApplication *app, char ***arguments, int *exit_status)
{
  gboolean handled =
    G_APPLICATION_CLASS (mg_application_parent_class)->local_command_line (app, arguments, exit_status);

  if (handled && *exit_status == 1 && !MG_APPLICATION (app)->handled_locally)
    *exit_status = 2;
  return handled;
}

static void
mg_application_class_init (MgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mg_application_finalize;
  app_class->local_command_line = mg_application_local_command_line;
  app_class->handle_local_options = mg_application_handle_local_options;
  app_class->activate = mg_application_activate;
  app_class->open = mg_application_open;
  app_class->startup = mg_application_startup;
}

static void
mg_application_init (MgApplication *self)
{
  mg_cli_add_options (G_APPLICATION (self));
}

MgApplication *
mg_application_new (void)
{
  /* Unique: a second "maillage map.graphml" hands the map to the running
   * instance, which focuses the map's window if it is already open. */
  return g_object_new (MG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/maillage/Maillage",
                       NULL);
}

MgApplication *
mg_application_new_for_tests (void)
{
  /* Tests run side by side and never talk to a running Maillage. */
  return g_object_new (MG_TYPE_APPLICATION,
                       "application-id", APP_ID ".Tests",
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/maillage/Maillage",
                       NULL);
}
