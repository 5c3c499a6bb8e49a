/* mg-layout-subprocess.c — fdp with territory boxes, in a child process.
 *
 * Graphviz 2.42's fdp crashes (segfault) in about 1–7 % of layouts with
 * clusters of 40–300 actors, in the fdp program as in the library.  In
 * process, a crash would take the application, and the user's unsaved work,
 * down with it.  So the graph mg_layout_graphviz_run() would lay out is
 * written in DOT to a temporary file, laid out by the fdp program (-Tdot, on
 * its standard output), and read back into the result as an in-process
 * layout would be (positions, routes, territory boxes).  When the child
 * crashes or fails, it runs once more with another seed; when that fails
 * too, or the program is missing, the map is laid out in process with dot,
 * which draws territory boxes too, and a message says so.  Cancelling kills
 * the child.
 *
 * Costs: starting the program (about 0.05 s) and going through text
 * (0.02 s at 300 actors, 0.1–0.2 s at 1,000), and coordinates rounded to
 * five significant digits (-Tdot prints "%.5g": a hundredth of a point on a
 * map 1,000 points wide, a tenth at 10,000).
 *
 * The program is `fdp` from PATH, or MAILLAGE_FDP_PROGRAM when set (for the
 * tests: a program that crashes, hangs or prints nonsense).
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mg-layout-private.h"

/* "start" of the second attempt: another seed gives fdp another initial
 * placement (the first attempt keeps fdp's default, like in process). */
#define RETRY_SEED 2

typedef enum {
  ATTEMPT_DONE,
  ATTEMPT_FAILED,
  ATTEMPT_CANCELLED,
} Attempt;

static char *
find_program (void)
{
  const char *program = g_getenv ("MAILLAGE_FDP_PROGRAM");

  if (program == NULL || *program == '\0')
    program = "fdp";
  return g_find_program_in_path (program);
}

/* In the child, before exec: a crash is expected now and then, and must not
 * leave a core file behind (async-signal-safe calls only). */
static void
no_core_file (gpointer data)
{
  struct rlimit limit = { 0, 0 };

  setrlimit (RLIMIT_CORE, &limit);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  return data != NULL ? g_strndup (data, length) : g_strdup ("");
}

/* What the program printed on its standard error, one message a line,
 * as the in-process path reports Graphviz's warnings. */
static void
add_program_messages (GPtrArray *messages, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && g_utf8_validate (line, -1, NULL))
        g_ptr_array_add (messages, g_strconcat ("Graphviz: ", line, NULL));
    }
}

/* Lays @request out once with @program.  DONE with @result filled in;
 * FAILED with @why; CANCELLED with @error set (the child killed). */
static Attempt
attempt (const MgLayoutRequest *request, const char *program, const char *input_path,
         guint seed, MgLayoutResult *result, GCancellable *cancellable, char **why,
         GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GBytes) out = NULL, err = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree guint *owners = NULL;
  g_autofree char *text = NULL, *err_text = NULL, *read_error = NULL;
  gint64 start = g_get_monotonic_time (), started, ended;

  if (!mg_layout_graphviz_write_for_program (request, input_path, seed, &owners, &local_error))
    {
      *why = g_strdup (local_error->message);
      return ATTEMPT_FAILED;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Numbers in the output are read as C numbers. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, no_core_file, NULL, NULL);
  started = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawn (launcher, &local_error, program, "-Tdot", input_path, NULL);
  if (child == NULL)
    {
      *why = g_strdup_printf ("it could not be started: %s", local_error->message);
      return ATTEMPT_FAILED;
    }
  if (!g_subprocess_communicate (child, NULL, cancellable, &out, &err, &local_error))
    {
      /* Cancelled, or the pipes broke: the child must not outlive this. */
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return ATTEMPT_CANCELLED;
        }
      *why = g_strdup_printf ("its output could not be read: %s", local_error->message);
      return ATTEMPT_FAILED;
    }
  ended = g_get_monotonic_time ();
  result->seconds += (ended - started) / 1e6;

  err_text = g_strstrip (bytes_to_string (err));
  if (g_subprocess_get_if_signaled (child))
    {
      *why = g_strdup_printf ("it crashed: %s", g_strsignal (g_subprocess_get_term_sig (child)));
      return ATTEMPT_FAILED;
    }
  if (!g_subprocess_get_successful (child))
    {
      /* Quote what it said, if it is text, within reason. */
      g_autofree char *said = g_utf8_validate (err_text, -1, NULL)
                                ? g_utf8_substring (err_text, 0, MIN (g_utf8_strlen (err_text, -1), 300))
                                : g_strdup ("");

      *why = g_strdup_printf ("it stopped with status %d%s%s",
                              g_subprocess_get_if_exited (child)
                                  ? g_subprocess_get_exit_status (child) : -1,
                              *said != '\0' ? ": " : "", said);
      return ATTEMPT_FAILED;
    }
  text = bytes_to_string (out);
  if (!mg_layout_graphviz_read_laid_out (request, text, owners, result, &read_error))
    {
      *why = g_strdup_printf ("its output could not be read: %s",
                              read_error != NULL && *read_error != '\0' ? read_error
                                                                        : "Graphviz error");
      return ATTEMPT_FAILED;
    }
  g_debug ("fdp program: writing %.3f s, running %.3f s, reading %.3f s",
           (started - start) / 1e6, (ended - started) / 1e6,
           (g_get_monotonic_time () - ended) / 1e6);
  add_program_messages (result->messages, err_text);
  return ATTEMPT_DONE;
}

/* Tries the program twice; TRUE when a layout came out, FALSE with @why
 * (or with @error when cancelled). */
static gboolean
run_program (const MgLayoutRequest *request, const char *program, MgLayoutResult *result,
             GCancellable *cancellable, char **why, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *input_path = NULL;
  Attempt outcome = ATTEMPT_FAILED;
  int fd;

  fd = g_file_open_tmp ("maillage-fdp-XXXXXX.gv", &input_path, &local_error);
  if (fd < 0)
    {
      *why = g_strdup (local_error->message);
      return FALSE;
    }
  g_close (fd, NULL);
  for (guint i = 0; i < 2 && outcome == ATTEMPT_FAILED; i++)
    {
      g_clear_pointer (why, g_free);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          outcome = ATTEMPT_CANCELLED;
          break;
        }
      outcome = attempt (request, program, input_path, i == 0 ? 0 : RETRY_SEED, result,
                         cancellable, why, error);
      if (outcome == ATTEMPT_FAILED)
        {
          g_debug ("fdp program, attempt %u: %s", i + 1, *why);
          mg_layout_graphviz_clear_geometry (result);
        }
    }
  g_unlink (input_path);
  if (outcome != ATTEMPT_FAILED)
    g_clear_pointer (why, g_free);
  return outcome == ATTEMPT_DONE;
}

gboolean
mg_layout_subprocess_run (MgLayoutRequest *request, MgLayoutResult *result,
                          GCancellable *cancellable, GError **error)
{
  g_autofree char *program = find_program ();
  g_autofree char *why = NULL;
  g_autofree char *note = NULL;
  MgLayoutRequest fallback;

  g_assert (request->engine == MG_LAYOUT_ENGINE_FDP && request->use_clusters);

  if (program != NULL)
    {
      if (run_program (request, program, result, cancellable, &why, error))
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      if (why == NULL)
        return FALSE; /* cancelled */
      note = g_strdup_printf ("The fdp layout failed twice (%s); the map was laid out with dot "
                              "instead, with its territory boxes.", why);
    }
  else
    note = g_strdup ("The fdp program (Graphviz) was not found; the map was laid out with dot "
                     "instead, with its territory boxes.");

  /* dot draws territory boxes too, and does not crash on them. */
  fallback = *request;
  fallback.engine = MG_LAYOUT_ENGINE_DOT;
  fallback.overlap = NULL;
  if (!mg_layout_graphviz_run (&fallback, result, cancellable, error))
    {
      if (error != NULL && *error != NULL
          && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, "%s; ", program != NULL ? "The fdp layout failed twice"
                                                       : "The fdp program was not found");
      return FALSE;
    }
  result->engine = MG_LAYOUT_ENGINE_DOT;
  g_ptr_array_add (result->messages, g_steal_pointer (&note));
  return TRUE;
}
