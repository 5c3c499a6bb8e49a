/* mg-application.c — command line first, then windows. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-application.h"
#include "mg-cli.h"

#include <gio/gunixoutputstream.h>
#include <unistd.h>

struct _MgApplication {
  AdwApplication parent_instance;

  gboolean handled_locally; /* handle_local_options ran */
};

G_DEFINE_FINAL_TYPE (MgApplication, mg_application, ADW_TYPE_APPLICATION)

/* Runs before any window or display exists: the command-line actions
 * (--info, --save-as, --export…) never need a display. */
static int
mg_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GOutputStream) err = NULL;

  MG_APPLICATION (app)->handled_locally = TRUE;
  if (!mg_cli_wants_action (options))
    return -1;

  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  err = g_unix_output_stream_new (STDERR_FILENO, FALSE);
  return mg_cli_run (options, out, err);
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
mg_application_activate (GApplication *app)
{
}

static void
mg_application_class_init (MgApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = mg_application_local_command_line;
  app_class->handle_local_options = mg_application_handle_local_options;
  app_class->activate = mg_application_activate;
}

static void
mg_application_init (MgApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), mg_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[MAP…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Map the collaborative innovation ecosystem of a territory."));
}

MgApplication *
mg_application_new (void)
{
  return g_object_new (MG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
