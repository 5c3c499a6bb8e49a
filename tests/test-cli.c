/* The command line: maillage --info / --json / --save-as, exit codes. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* Runs the maillage binary with @args (NULL-terminated) without a display,
 * with @extra_env (NAME=VALUE…, NULL-terminated) if not NULL. */
static void
run_maillage_env (Run *run, const char * const *args, const char * const *extra_env)
{
  cli_run (run, args, extra_env);
}

static void
run_maillage (Run *run, const char * const *args)
{
  run_maillage_env (run, args, NULL);
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


static char *
tmp_path (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
png_size (const char *path, int *width, int *height)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  const guchar *p;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  p = (const guchar *) data;
  g_assert_true (memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0);
  *width = (p[16] << 24) | (p[17] << 16) | (p[18] << 8) | p[19];
  *height = (p[20] << 24) | (p[21] << 16) | (p[22] << 8) | p[23];
}

static void
test_export_formats (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-XXXXXX", NULL);
  g_autofree char *png72 = tmp_path (dir, "m72.png");
  g_autofree char *png144 = tmp_path (dir, "m144.png");
  g_autofree char *svg = tmp_path (dir, "m.svg");
  g_autofree char *pdf = tmp_path (dir, "m.PDF");
  g_autofree char *svg_text = NULL;
  g_autofree char *pdf_text = NULL;
  int w1, h1, w2, h2;

  {
    g_auto (Run) run = { 0 };
    run_maillage (&run, (const char *[]) { "--export", png72, "--dpi", "72", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };
    run_maillage (&run, (const char *[]) { "--export", png144, "--dpi", "144", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  png_size (png72, &w1, &h1);
  png_size (png144, &w2, &h2);
  /* Twice the resolution, twice the pixels on each side (rounding aside). */
  g_assert_cmpint (ABS (w2 - 2 * w1), <=, 2);
  g_assert_cmpint (ABS (h2 - 2 * h1), <=, 2);
  /* --dpi and --scale together: the map twice as large at 144 dpi is
   * about twice the pixels of scale 1 at 144 dpi (margins do not scale). */
  {
    g_auto (Run) one = { 0 };
    g_auto (Run) two = { 0 };
    g_autofree char *at1 = tmp_path (dir, "m144x1.png");
    g_autofree char *at2 = tmp_path (dir, "m144x2.png");
    int w3, h3, w4, h4;

    run_maillage (&one, (const char *[]) { "--export", at1, "--dpi", "144", "--no-legend",
                                           path, NULL });
    run_maillage (&two, (const char *[]) { "--export", at2, "--dpi", "144", "--scale", "2",
                                           "--no-legend", path, NULL });
    g_assert_cmpint (one.status, ==, 0);
    g_assert_cmpint (two.status, ==, 0);
    png_size (at1, &w3, &h3);
    png_size (at2, &w4, &h4);
    g_assert_cmpint (w4, >, w3 * 3 / 2);
    g_assert_cmpint (w4, <, w3 * 2);
    g_assert_cmpint (h4, >, h3 * 3 / 2);
    g_assert_cmpint (h4, <, h3 * 2);
    g_unlink (at1);
    g_unlink (at2);
  }

  {
    g_auto (Run) run = { 0 };
    run_maillage (&run, (const char *[]) { "--export", svg, "--title", "Écosystème", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "<text"));
  g_assert_nonnull (strstr (svg_text, "Écosystème"));

  {
    g_auto (Run) run = { 0 };
    run_maillage (&run, (const char *[]) { "--export", pdf, path, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (pdf, &pdf_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF"));

  g_unlink (png72);
  g_unlink (png144);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_export_errors (void)
{
  g_autofree char *path = fixture ("small.graphml");
  struct {
    const char *args[8];
    int status;
    const char *message;
  } cases[] = {
    { { "--export", "/tmp/x.jpeg", NULL }, 2, "x.jpeg" },
    { { "--export", "/tmp/x.png", "--layout", "spring", NULL }, 2, "spring" },
    { { "--export", "/tmp/x.png", "--dpi", "100", "--width", "800", NULL }, 2, "--width" },
    { { "--export", "/tmp/x.png", "--dpi", "1000", NULL }, 2, "--dpi" },
    { { "--export", "/nonexistent-dir/x.png", NULL }, 1, "/nonexistent-dir/x.png" },
    { { "--info", "--lens", "wisdom", NULL }, 2, "wisdom" },
    { { "--info", "--group-by", "colour", NULL }, 2, "colour" },
    { { "--lens", "care", NULL }, 2, "--info" },
    { { "--info", "--view", "Nope", NULL }, 1, "Nope" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };
      g_auto (GStrv) lines = NULL;
      const char *args[10] = { 0 };
      guint n = 0;

      for (; cases[i].args[n]; n++)
        args[n] = cases[i].args[n];
      args[n] = path;
      run_maillage (&run, args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      /* One clear line (plus the --help hint for usage errors). */
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), <=, 3);
    }
}

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
array_has (JsonArray *array, const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
test_info_lenses_json (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *matches, *learn, *visible;

  run_maillage (&run, (const char *[]) { "--info", "--json", "--lens", "learn", "--lens", "care",
                                         "--role", "university", "--role", "sme", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  matches = json_object_get_object_member (root, "matches");
  g_assert_nonnull (matches);
  learn = json_object_get_object_member (matches, "learn");
  g_assert_nonnull (learn);
  g_assert_true (json_object_has_member (matches, "care"));
  g_assert_false (json_object_has_member (matches, "valorize"));
  /* wichard is tagged learn; michelin is filtered out by role. */
  g_assert_true (array_has (json_object_get_array_member (learn, "actors"), "wichard"));
  visible = json_object_get_object_member (root, "visible");
  g_assert_false (array_has (json_object_get_array_member (visible, "actors"), "michelin"));
  g_assert_true (array_has (json_object_get_array_member (visible, "actors"), "uca"));
  g_assert_true (json_object_has_member (root, "matched"));
}

/* The combine actors of tests/data/cli/lessons.graphml under @options. */
static gboolean
hub_combines (const char *const *options)
{
  g_autofree char *path = fixture ("lessons.graphml");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  JsonObject *root, *combine;

  g_ptr_array_add (args, (gpointer) "--info");
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, (gpointer) "--lens");
  g_ptr_array_add (args, (gpointer) "combine");
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) options[i]);
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, NULL);
  run_maillage (&run, (const char *const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  combine = json_object_get_object_member (json_object_get_object_member (root, "matches"),
                                           "combine");
  g_assert_nonnull (combine);
  return array_has (json_object_get_array_member (combine, "actors"), "hub");
}

/* hub works with industry (the sme, in the Allier), a university and the
 * region: 3 families at the region level, 2 at the department level. */
static void
test_lens_level_and_threshold (void)
{
  g_autofree char *path = fixture ("lessons.graphml");
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "maillage-test-lens-level.svg", NULL);

  g_assert_true (hub_combines ((const char *[]) { NULL }));
  g_assert_true (hub_combines ((const char *[]) { "--lens-level", "1", NULL }));
  g_assert_false (hub_combines ((const char *[]) { "--lens-level", "2", NULL }));
  g_assert_false (hub_combines ((const char *[]) { "--combine-threshold", "4", NULL }));
  g_assert_true (hub_combines ((const char *[]) { "--combine-threshold", "2", "--lens-level", "2",
                                                  NULL }));

  /* Usage errors. */
  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--info", "--combine-threshold", "0", path, NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--info", "--lens-level", "-1", path, NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  /* And with --export. */
  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--export", out, "--lens", "combine", "--lens-level",
                                           "2", "--combine-threshold", "2", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
    g_unlink (out);
  }
}

static gint64
count_member (JsonObject *object, const char *group, const char *value)
{
  return json_object_get_int_member (json_object_get_object_member (object, group), value);
}

static void
test_provenance (void)
{
  g_autofree char *path = fixture ("lessons.graphml");
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *provenance, *visible;

  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--info", "--json", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    provenance = json_object_get_object_member (root, "provenance");
    g_assert_nonnull (provenance);
    g_assert_cmpint (count_member (provenance, "actors", "workshop"), ==, 1);
    g_assert_cmpint (count_member (provenance, "actors", "none"), ==, 4);
    g_assert_cmpint (count_member (provenance, "relations", "inferred"), ==, 1);
    g_assert_cmpint (count_member (provenance, "relations", "illustrative"), ==, 1);
    g_assert_cmpint (count_member (provenance, "relations", "stated"), ==, 0);
    g_assert_cmpint (count_member (provenance, "relations", "none"), ==, 2);
  }
  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--info", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Provenance"));
    g_assert_nonnull (strstr (run.out, "illustrative"));
  }
  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--info", "--json", "--provenance", "inferred",
                                           "--provenance", "workshop", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    visible = json_object_get_object_member (root, "visible");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (visible, "relations")), ==, 1);
    g_assert_true (array_has (json_object_get_array_member (visible, "relations"), "hub-region"));
    g_assert_true (array_has (json_object_get_array_member (visible, "actors"), "sme"));
    g_assert_true (array_has (json_object_get_array_member (visible, "actors"), "region"));
    g_assert_false (array_has (json_object_get_array_member (visible, "actors"), "firm"));
  }
  {
    g_auto (Run) run = { 0 };

    run_maillage (&run, (const char *[]) { "--info", "--provenance", "rumour", path, NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_focus_hides_the_rest (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *actors;

  run_maillage (&run, (const char *[]) { "--info", "--json", "--focus", "michelin:1",
                                         "--focus-direction", "out", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  actors = json_object_get_array_member (json_object_get_object_member (root, "visible"), "actors");
  g_assert_true (array_has (actors, "michelin"));
  g_assert_true (array_has (actors, "uca"));
  g_assert_false (array_has (actors, "wichard"));
}

static void
test_layout_then_save_keeps_positions (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-XXXXXX", NULL);
  g_autofree char *out = tmp_path (dir, "laid-out.graphml");
  g_autofree char *text = NULL;

  {
    g_auto (Run) run = { 0 };
    run_maillage (&run, (const char *[]) { "--layout", "neato", "--save-as", out, path, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "attr.name=\"x\""));
  g_assert_nonnull (strstr (text, "attr.name=\"y\""));
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_version (void)
{
  g_auto (Run) run = { 0 };

  run_maillage (&run, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, PACKAGE_VERSION));
}

/* The command line never loads GTK: an export runs with the window module
 * unloadable, and the dynamic loader opens no GTK library for it.  Asked
 * for a window without the module, maillage says so in one line. */
static void
test_no_gtk_for_the_command_line (void)
{
  g_autofree char *path = fixture ("small.graphml");
  g_autofree char *dir = g_dir_make_tmp ("maillage-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.svg", NULL);
  g_auto (Run) run = { 0 };
  g_auto (Run) window = { 0 };

  run_maillage_env (&run, (const char *[]) { "--export", out, path, NULL },
                    (const char *[]) { "MAILLAGE_GUI_MODULE=/nonexistent/libmaillage-gui.so",
                                       "LD_DEBUG=files", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  /* LD_DEBUG lists every library opened; cairo and pango are, GTK not. */
  g_assert_nonnull (strstr (run.err, "libpango"));
  g_assert_null (strstr (run.err, "libgtk-4"));
  g_assert_null (strstr (run.err, "libadwaita"));

  run_maillage_env (&window, (const char *[]) { path, NULL },
                    (const char *[]) { "MAILLAGE_GUI_MODULE=/nonexistent/libmaillage-gui.so", NULL });
  g_assert_cmpint (window.status, ==, 1);
  g_assert_nonnull (strstr (window.err, "cannot load the window module"));
  g_assert_nonnull (strstr (window.err, "/nonexistent/libmaillage-gui.so"));
  /* One line. */
  const char *end = strchr (window.err, '\n');
  g_assert_nonnull (end);
  g_assert_cmpstr (end + 1, ==, "");

  g_unlink (out);
  g_rmdir (dir);
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
  g_test_add_func ("/cli/no-gtk-for-the-command-line", test_no_gtk_for_the_command_line);
  g_test_add_func ("/cli/export/formats", test_export_formats);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/info/lenses-json", test_info_lenses_json);
  g_test_add_func ("/cli/lens-level-and-combine-threshold", test_lens_level_and_threshold);
  g_test_add_func ("/cli/provenance/counts-and-filter", test_provenance);
  g_test_add_func ("/cli/info/focus-hides-the-rest", test_focus_hides_the_rest);
  g_test_add_func ("/cli/layout-then-save-keeps-positions", test_layout_then_save_keeps_positions);
  return g_test_run ();
}
