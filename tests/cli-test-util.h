/* cli-test-util.h — running the maillage binary of the build tree from the
 * command-line tests (compiled once, linked into each of them). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status; /* exit status */
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $MAILLAGE_BIN with @args (NULL-terminated), without a display, with
 * the environment changed by @env (NULL-terminated, may be NULL):
 * "NAME=VALUE" sets, "NAME" alone unsets.  Fails the test, saying what the
 * program printed, when it does not exit (a crash). */
void cli_run (Run *run, const char *const *args, const char *const *env);

G_END_DECLS
