/* The command line: maillage --info / --json / --save-as, exit codes. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the maillage binary with @args (NULL-terminated) without a display. */
static void
run_maillage (Run *run, const char * const *args)
{
  const char *bin = g_getenv ("MAILLAGE_BIN");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (bin);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

static void
test_info_text (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_auto (Run) run = { 0 };

  run_maillage (&run, (const char *[]) { "--info", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Actors: 3"));
  g_assert_nonnull (strstr (run.out, "Relations: 2"));
  g_assert_nonnull (strstr (run.out, "Small test map"));
  g_assert_nonnull (strstr (run.out, "university"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_info_json (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *roles, *lessons, *territories;

  run_maillage (&run, (const char *[]) { "--info", "--json", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "actors"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "relations"), ==, 2);
  roles = json_object_get_object_member (root, "roles");
  g_assert_cmpint (json_object_get_int_member (roles, "sme"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (roles, "university"), ==, 1);
  territories = json_object_get_object_member (root, "territories");
  g_assert_cmpint (json_object_get_int_member (territories,
                   "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand"), ==, 2);
  lessons = json_object_get_object_member (root, "lessons");
  /* learn: wichard + the michelin→uca relation. */
  g_assert_cmpint (json_object_get_int_member (lessons, "learn"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (lessons, "valorize"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
}

static void
test_usage_errors_exit_2 (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_auto (Run) none = { 0 };
  g_auto (Run) json_alone = { 0 };
  g_auto (Run) bogus = { 0 };

  run_maillage (&none, (const char *[]) { "--info", NULL });
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "no map file"));
  run_maillage (&json_alone, (const char *[]) { "--json", path, NULL });
  g_assert_cmpint (json_alone.status, ==, 2);
  run_maillage (&bogus, (const char *[]) { "--no-such-option", path, NULL });
  g_assert_cmpint (bogus.status, ==, 2);
}

static void
test_bad_input_exit_1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-XXXXXX", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.graphml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.graphml", NULL);
  g_auto (Run) run1 = { 0 };
  g_auto (Run) run2 = { 0 };

  g_assert_true (g_file_set_contents (broken, "<graphml><graph>\n<node id='a'>", -1, NULL));
  run_maillage (&run1, (const char *[]) { "--info", broken, NULL });
  g_assert_cmpint (run1.status, ==, 1);
  /* One clear line naming the file. */
  g_assert_nonnull (strstr (run1.err, "broken.graphml"));
  g_assert_cmpstr (run1.out, ==, "");

  run_maillage (&run2, (const char *[]) { "--info", missing, NULL });
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_nonnull (strstr (run2.err, "missing.graphml"));

  g_unlink (broken);
  g_rmdir (dir);
}

static void
test_save_as_round_trip (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.graphml", NULL);
  g_auto (Run) save = { 0 };
  g_auto (Run) info = { 0 };

  run_maillage (&save, (const char *[]) { "--save-as", out, path, NULL });
  g_assert_cmpint (save.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  run_maillage (&info, (const char *[]) { "--info", out, NULL });
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "Actors: 3"));
  g_assert_nonnull (strstr (info.out, "Relations: 2"));

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_save_as_unwritable (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_auto (Run) run = { 0 };

  run_maillage (&run, (const char *[]) { "--save-as", "/nonexistent-dir/x.graphml", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent-dir/x.graphml"));
}

static void
test_version (void)
{
  g_auto (Run) run = { 0 };

  run_maillage (&run, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, PACKAGE_VERSION));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/info/text", test_info_text);
  g_test_add_func ("/cli/info/json", test_info_json);
  g_test_add_func ("/cli/usage-errors-exit-2", test_usage_errors_exit_2);
  g_test_add_func ("/cli/bad-input-exit-1", test_bad_input_exit_1);
  g_test_add_func ("/cli/save-as/round-trip", test_save_as_round_trip);
  g_test_add_func ("/cli/save-as/unwritable", test_save_as_unwritable);
  g_test_add_func ("/cli/version", test_version);
  return g_test_run ();
}
