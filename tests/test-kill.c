/* test-kill.c — killed mid-way (SIGKILL), nothing is lost but the last two
 * seconds, and nothing is left lying around.
 *
 *   - a save or an export killed at any moment leaves its target as it was
 *     (or complete), and the next save of it removes what the killed one
 *     left beside it;
 *   - an app killed while editing has a recovery copy at most two seconds
 *     behind (the child is this program, run with --recovery-child).
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mg-atomic-file.h"
#include "mg-document.h"
#include "mg-graphml.h"
#include "mg-undo.h"

#define EDIT_INTERVAL_MS 100
#define MAX_LOST_MS 2000

typedef struct {
  char *dir;
} TempDir;

static void
temp_dir_init (TempDir *t)
{
  g_autoptr (GError) error = NULL;

  t->dir = g_dir_make_tmp ("mg-kill-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
temp_dir_clear (TempDir *t)
{
  remove_tree (t->dir);
  g_free (t->dir);
}

/* A map large enough that writing it takes a while. */
static char *
write_big_map (TempDir *t, guint n)
{
  GString *doc = g_string_new (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
    "<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
    "<graph edgedefault=\"directed\">\n");
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (t->dir, "big.graphml", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "<node id=\"n%u\"><data key=\"l\">Actor %u of the "
                            "territory</data><data key=\"x\">%u</data><data key=\"y\">%u"
                            "</data></node>\n", i, i, (i % 100) * 80, (i / 100) * 60);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (doc, "<edge source=\"n%u\" target=\"n%u\"/>\n", i, (i * 7) % i);
  g_string_append (doc, "</graph></graphml>\n");
  g_assert_true (g_file_set_contents (path, doc->str, (gssize) doc->len, &error));
  g_string_free (doc, TRUE);
  return path;
}

/* Files in @dir whose name starts with ".<base>." (temporary files). */
static guint
count_litter (const char *dir, const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    n += g_str_has_prefix (name, prefix);
  g_dir_close (d);
  return n;
}

static const char *
maillage_bin (void)
{
  const char *bin = g_getenv ("MAILLAGE_BIN");

  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return bin;
}

static GPid
spawn (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  GPid pid;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static int
kill_and_reap (GPid pid)
{
  int status = 0;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

/* The target is the old file, or a complete new one: never half. */
static void
assert_target_whole (const char *target, const char *old_contents, gboolean graphml)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  if (strcmp (contents, old_contents) == 0)
    return;
  if (graphml)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (MgMap) map = mg_graphml_read_memory (contents, length, target, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (mg_map_get_n_actors (map), ==, 4000);
    }
  else
    g_assert_nonnull (g_strrstr (contents, "</svg>"));
}

/* Kills `maillage @option=target big.graphml` at moments spread over its
 * run, then saves once more: the target is always whole, and no temporary
 * file is left. */
static void
kill_writes (const char *option, const char *target_name, gboolean graphml)
{
  const char *bin = maillage_bin ();
  TempDir t;
  g_autofree char *big = NULL, *target = NULL, *arg = NULL;
  const char *old_contents = graphml
    ? "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
      "<node id=\"old\"/></graph></graphml>\n"
    : "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
  gint64 full_run;
  guint kills = 0, litter_seen = 0;

  if (bin == NULL)
    {
      g_test_skip ("MAILLAGE_BIN is not set");
      return;
    }
  temp_dir_init (&t);
  big = write_big_map (&t, 4000);
  target = g_build_filename (t.dir, target_name, NULL);
  arg = g_strdup_printf ("%s=%s", option, target);
  g_assert_true (g_file_set_contents (target, old_contents, -1, NULL));

  /* How long a whole run takes, to kill inside it. */
  {
    const char *argv[] = { bin, arg, big, NULL };
    GPid pid = spawn (argv);
    int status;

    full_run = g_get_monotonic_time ();
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    full_run = g_get_monotonic_time () - full_run;
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    assert_target_whole (target, old_contents, graphml);
    g_assert_true (g_file_set_contents (target, old_contents, -1, NULL));
  }
  g_test_message ("%s: a whole run takes %.0f ms", option, full_run / 1000.0);

  for (guint i = 0; i < 12; i++)
    {
      const char *argv[] = { bin, arg, big, NULL };
      GPid pid = spawn (argv);

      g_usleep ((gulong) (full_run * (i + 1) / 13));
      if (WIFSIGNALED (kill_and_reap (pid)))
        kills++;
      assert_target_whole (target, old_contents, graphml);
      litter_seen += count_litter (t.dir, target_name) > 0;
    }
  g_test_message ("%u runs killed, %u left a temporary file", kills, litter_seen);

  /* A whole run: it removes what the killed ones left. */
  {
    const char *argv[] = { bin, arg, big, NULL };
    GPid pid = spawn (argv);
    int status;

    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  assert_target_whole (target, "", graphml);
  g_assert_cmpuint (count_litter (t.dir, target_name), ==, 0);
  temp_dir_clear (&t);
}

static void
test_kill_save (void)
{
  kill_writes ("--save-as", "saved.graphml", TRUE);
}

static void
test_kill_export (void)
{
  kill_writes ("--export", "map.svg", FALSE);
}

/* A temporary file a live writer holds is never taken for litter, even
 * when its process looks gone (another pid namespace). */
static void
test_live_temporary_kept (void)
{
  TempDir t;
  g_autofree char *target = NULL;
  g_autoptr (GError) error = NULL;
  MgAtomicFile *live;

  temp_dir_init (&t);
  target = g_build_filename (t.dir, "map.graphml", NULL);
  live = mg_atomic_file_begin (target, &error);
  g_assert_no_error (error);
  g_assert_true (mg_atomic_file_write (live, "x", 1, &error));
  g_assert_cmpuint (count_litter (t.dir, "map.graphml"), ==, 1);
  g_assert_cmpuint (mg_atomic_file_clean_stale (t.dir, "map.graphml"), ==, 0);
  g_assert_cmpuint (count_litter (t.dir, "map.graphml"), ==, 1);

  /* A file of the pattern from a dead process, unlocked: litter.  Others
   * that only look alike are left alone. */
  {
    g_autofree char *dead = g_build_filename (t.dir, ".map.graphml.mgtmp-999999999-AbC123", NULL);
    g_autofree char *other = g_build_filename (t.dir, ".map.graphml.mgtmp-999999999-AbC12", NULL);
    g_autofree char *foreign = g_build_filename (t.dir, ".map.graphml.swp", NULL);

    g_assert_true (g_file_set_contents (dead, "old", -1, NULL));
    g_assert_true (g_file_set_contents (other, "old", -1, NULL));
    g_assert_true (g_file_set_contents (foreign, "old", -1, NULL));
    g_assert_cmpuint (mg_atomic_file_clean_stale (t.dir, "map.graphml"), ==, 1);
    g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  }
  g_assert_true (mg_atomic_file_commit (live, &error));
  g_assert_no_error (error);
  temp_dir_clear (&t);
}

/* ---- the app killed while editing ------------------------------------- */

typedef struct {
  MgDocument *document;
  guint       n;
} Editor;

static gboolean
edit_once (gpointer data)
{
  Editor *e = data;
  MgMap *map = mg_document_get_map (e->document);
  g_autoptr (GPtrArray) actors = g_ptr_array_new ();
  g_autofree char *label = NULL;

  if (map == NULL || mg_map_get_n_actors (map) == 0)
    return G_SOURCE_CONTINUE;
  g_ptr_array_add (actors, g_ptr_array_index (mg_map_get_actors (map), 0));
  label = g_strdup_printf ("edit-%u", ++e->n);
  mg_undo_set_actors_text (mg_document_get_undo_stack (e->document), actors,
                           MG_UNDO_ACTOR_LABEL, NULL, label);
  g_print ("%u\n", e->n);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static void
loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  if (!mg_document_load_finish (MG_DOCUMENT (source), result, &error))
    g_error ("cannot load: %s", error->message);
  g_timeout_add (EDIT_INTERVAL_MS, edit_once, data);
}

/* The child: opens @path and edits it every 100 ms until killed, printing
 * the number of each edit once made. */
static int
recovery_child (const char *path)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  Editor e = { mg_document_new (), 0 };

  mg_document_load_async (e.document, file, FALSE, NULL, loaded, &e);
  g_main_loop_run (loop);
  return 0;
}

static void
test_kill_recovery (void)
{
  TempDir t;
  g_autofree char *big = NULL, *state = NULL, *recovery = NULL, *out = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GIOChannel) channel = NULL;
  g_autoptr (MgMap) copy = NULL;
  g_auto (GStrv) env = NULL;
  const char *label;
  guint last = 0, kept;
  gint64 start;
  GPid pid;
  int out_fd;

  temp_dir_init (&t);
  big = write_big_map (&t, 500);
  state = g_build_filename (t.dir, "state", NULL);
  env = g_environ_setenv (g_get_environ (), "XDG_STATE_HOME", state, TRUE);
  {
    const char *argv[] = { self, "--recovery-child", big, NULL };

    g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, env,
                                             G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                             NULL, &out_fd, NULL, &error));
    g_assert_no_error (error);
  }

  /* Let it edit for a few seconds, reading what it did. */
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      g_autofree char *line = NULL;

      if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
        break;
      last = (guint) g_ascii_strtoull (line, NULL, 10);
    }
  kill_and_reap (pid);
  g_test_message ("%u edits made before the kill", last);
  g_assert_cmpuint (last, >, MAX_LOST_MS / EDIT_INTERVAL_MS);

  /* The recovery copy, read as the app would. */
  file = g_file_new_for_path (big);
  recovery = g_build_filename (state, "maillage", "recovery", NULL);
  {
    GDir *d = g_dir_open (recovery, 0, NULL);
    const char *name;

    g_assert_nonnull (d);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_assert_true (g_str_has_suffix (name, ".graphml"));
        g_free (out);
        out = g_build_filename (recovery, name, NULL);
      }
    g_dir_close (d);
  }
  g_assert_nonnull (out);
  copy = mg_graphml_read_file (out, NULL, &error);
  g_assert_no_error (error);
  label = ((MgActor *) g_ptr_array_index (mg_map_get_actors (copy), 0))->label;
  g_assert_true (g_str_has_prefix (label, "edit-"));
  kept = (guint) g_ascii_strtoull (label + 5, NULL, 10);
  g_test_message ("the recovery copy has edit %u of %u", kept, last);
  /* At most two seconds of edits lost. */
  g_assert_cmpuint (kept + MAX_LOST_MS / EDIT_INTERVAL_MS, >=, last);
  temp_dir_clear (&t);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--recovery-child") == 0)
    return recovery_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kill/save", test_kill_save);
  g_test_add_func ("/kill/export", test_kill_export);
  g_test_add_func ("/kill/live-temporary-kept", test_live_temporary_kept);
  g_test_add_func ("/kill/recovery", test_kill_recovery);
  return g_test_run ();
}
