/* mg-cli.h — the command line without a display (`maillage --info`,
 * `--save-as`, …), handled before any window exists. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  MG_CLI_EXIT_OK = 0,
  MG_CLI_EXIT_INPUT = 1, /* unreadable or invalid input, failed output */
  MG_CLI_EXIT_USAGE = 2, /* bad options */
} MgCliExit;

/* The options, to add with g_application_add_main_option_entries().  The
 * file arguments are collected with G_OPTION_REMAINING. */
const GOptionEntry *mg_cli_get_option_entries (void);

/* TRUE when the options ask for a command-line action (no window). */
gboolean mg_cli_wants_action (GVariantDict *options);

/* Runs the action the options ask for; returns the exit status. Output goes
 * to @out (stdout), messages and warnings to @err (stderr). */
int mg_cli_run (GVariantDict *options, GOutputStream *out, GOutputStream *err);

/* The file arguments (G_OPTION_REMAINING), or NULL.  (transfer full) */
char **mg_cli_get_files (GVariantDict *options);

/* The command line's options and --help summary, on @app: the front below
 * and the window application parse the same way. */
void mg_cli_add_options (GApplication *app);

/* The front of the executable, with no GTK loaded: parses @argv exactly as
 * MgApplication does (same options, same --help) and runs a command-line
 * action when one is asked for, returning its exit status.  When no action
 * is asked for, sets *@wants_window to TRUE and returns 0: the caller then
 * starts the window application with the same @argv. */
int mg_cli_main (int argc, char **argv, gboolean *wants_window);

G_END_DECLS
