/* cli-test-util.c — see cli-test-util.h. */
#include "config.h"

#include <sys/wait.h>

#include "cli-test-util.h"

void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

void
cli_run (Run *run, const char *const *args, const char *const *env)
{
  const char *bin = g_getenv ("MAILLAGE_BIN");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (bin);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (env[i], "=", 2);

      envp = kv[1] != NULL ? g_environ_setenv (envp, kv[0], kv[1], TRUE)
                           : g_environ_unsetenv (envp, kv[0]);
    }
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("maillage did not exit (wait status %d); it said: %s", wait_status,
             run->err != NULL ? run->err : "");
  run->status = WEXITSTATUS (wait_status);
}
