/* test-graphml-save.c — saving a map to a file is atomic: the old file
 * survives any failure (missing or unwritable directory, a crash in the
 * middle of writing or before the rename), keeps its permissions, and a
 * symbolic link keeps pointing at the saved file. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-atomic-file.h"
#include "mg-graphml.h"

/* A small map with something in every part a file shows. */
static MgMap *
build_map (void)
{
  MgMap *map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "michelin");
  MgActor *b = mg_map_add_actor (map, "uca");
  MgRelation *r = mg_map_add_relation (map, a, b, "r1", TRUE);

  mg_map_set_title (map, "Clermont");
  mg_map_set_actor_label (map, a, "Michelin");
  mg_map_set_actor_role (map, a, "large-company");
  mg_map_set_actor_position (map, a, 10, 20);
  mg_map_set_actor_label (map, b, "Université Clermont Auvergne");
  mg_map_set_relation_kind (map, r, "research");
  return map;
}

static char *
write_string (MgMap *map, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *text = mg_graphml_write_to_string (map, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("maillage-write-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_save_creates_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.graphml", NULL);
  g_autoptr(MgMap) map = build_map ();
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *expected = write_string (map, &length);
  g_autofree char *contents = NULL;

  g_assert_true (mg_graphml_write_file (map, path, &error));
  g_assert_no_error (error);
  contents = read_text (path);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_save_keeps_permissions (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.graphml", NULL);
  g_autoptr(MgMap) map = build_map ();
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (mg_graphml_write_file (map, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.graphml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.graphml", NULL);
  g_autoptr(MgMap) map = build_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.graphml", link), ==, 0);
  g_assert_true (mg_graphml_write_file (map, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  contents = read_text (real);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_tree (dir);
}

static void
test_save_missing_directory_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "map.graphml", NULL);
  g_autoptr(MgMap) map = build_map ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mg_graphml_write_file (map, path, &error));
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tree (dir);
}

static void
test_save_over_directory_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.graphml", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  g_autoptr(MgMap) map = build_map ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));
  g_assert_false (mg_graphml_write_file (map, path, &error));
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* The directory is not writable: the save fails and the old file stays.
 * Root ignores permissions, so as root the check runs in a subprocess that
 * drops to the "nobody" user first. */
static void
test_save_unwritable_directory_keeps_old_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      const char *child_dir = g_getenv ("MGT_UNWRITABLE_DIR");
      g_autofree char *child_path = g_build_filename (child_dir, "map.graphml", NULL);
      g_autoptr(MgMap) map = build_map ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_cmpint (access (child_dir, W_OK), !=, 0);
      g_assert_false (mg_graphml_write_file (map, child_path, &error));
      g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
      g_assert_nonnull (strstr (error->message, child_path));
      g_test_message ("error: %s", error->message);
      contents = read_text (child_path);
      g_assert_cmpstr (contents, ==, "old contents");
      g_assert_cmpuint (count_entries (child_dir), ==, 1);
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "map.graphml", NULL);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, geteuid () == 0 ? 0755 : 0555), ==, 0);
  g_setenv ("MGT_UNWRITABLE_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_chmod (dir, 0755);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
check_simulated_failure (MgAtomicFileFailure step)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.graphml", NULL);
  g_autoptr(MgMap) map = build_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  mg_atomic_file_set_test_failure (step);
  ok = mg_graphml_write_file (map, path, &error);
  mg_atomic_file_set_test_failure (MG_ATOMIC_FILE_FAIL_NONE);
  g_assert_false (ok);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  contents = read_text (path);
  g_assert_cmpstr (contents, ==, "old contents");
  /* No temporary file left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* And the next save works. */
  g_clear_error (&error);
  g_assert_true (mg_graphml_write_file (map, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = read_text (path);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  remove_tree (dir);
}

static void
test_save_failure_mid_write_keeps_old_file (void)
{
  check_simulated_failure (MG_ATOMIC_FILE_FAIL_MID_WRITE);
}

static void
test_save_failure_before_rename_keeps_old_file (void)
{
  check_simulated_failure (MG_ATOMIC_FILE_FAIL_BEFORE_RENAME);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphml/save/creates-file", test_save_creates_file);
  g_test_add_func ("/graphml/save/keeps-permissions", test_save_keeps_permissions);
  g_test_add_func ("/graphml/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/graphml/save/missing-directory-fails", test_save_missing_directory_fails);
  g_test_add_func ("/graphml/save/over-directory-fails", test_save_over_directory_fails);
  g_test_add_func ("/graphml/save/unwritable-directory-keeps-old-file",
                   test_save_unwritable_directory_keeps_old_file);
  g_test_add_func ("/graphml/save/failure-mid-write-keeps-old-file",
                   test_save_failure_mid_write_keeps_old_file);
  g_test_add_func ("/graphml/save/failure-before-rename-keeps-old-file",
                   test_save_failure_before_rename_keeps_old_file);

  return g_test_run ();
}
