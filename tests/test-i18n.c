/* The command line in French through the real catalogue: the maillage
 * binary of the build tree finds <build>/po/fr/LC_MESSAGES/maillage.mo;
 * `--help`, `--info` and export legends follow LANGUAGE, and `--lang`
 * overrides it for legends and --info.  Numbers in files stay C. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli-test-util.h"

/* A French locale when the system has one generated, else C.UTF-8 (where
 * LANGUAGE still chooses the messages). */
static const char *french_lang;

/* Runs maillage with @args, in French (@french) or English. */
static void
run_maillage (Run *run, gboolean french, const char *const *args)
{
  g_autofree char *lang = g_strconcat ("LANG=", french_lang, NULL);

  if (french)
    cli_run (run, args, (const char *const[]) { "LC_ALL", "LC_MESSAGES", "LANGUAGE=fr", lang, NULL });
  else
    cli_run (run, args, (const char *const[]) { "LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG=C.UTF-8",
                                                 NULL });
}

static char *
example_map (void)
{
  return g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps", "clermont-auvergne.graphml", NULL);
}

/* Exports the example with the Care lens and an SME filter to SVG and
 * returns the file's text. */
static char *
export_svg (gboolean french, const char *lang)
{
  g_autofree char *dir = g_dir_make_tmp ("maillage-i18n-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *map = example_map ();
  g_auto (Run) run = { 0 };
  char *text = NULL;

  if (lang != NULL)
    run_maillage (&run, french, (const char *[]) { "--export", svg, "--lens", "care", "--role", "sme",
                                                   "--lang", lang, map, NULL });
  else
    run_maillage (&run, french, (const char *[]) { "--export", svg, "--lens", "care", "--role", "sme",
                                                   map, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_remove (svg);
  g_rmdir (dir);
  return text;
}

static void
assert_french_legend (const char *svg)
{
  g_assert_nonnull (strstr (svg, ">Légende<"));
  g_assert_nonnull (strstr (svg, ">Prendre soin de son territoire<"));
  g_assert_nonnull (strstr (svg, ">PME<"));
  g_assert_nonnull (strstr (svg, "rôle PME"));
  g_assert_null (strstr (svg, ">Legend<"));
  g_assert_null (strstr (svg, "Caring for the territory"));
}

static void
assert_english_legend (const char *svg)
{
  g_assert_nonnull (strstr (svg, ">Legend<"));
  g_assert_nonnull (strstr (svg, ">Caring for the territory<"));
  g_assert_nonnull (strstr (svg, ">SME<"));
  g_assert_null (strstr (svg, "Légende"));
  g_assert_null (strstr (svg, "Prendre soin"));
}

static void
test_help_in_french (void)
{
  g_auto (Run) run = { 0 };

  run_maillage (&run, TRUE, (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Cartographier l’écosystème d’innovation collaborative"));
  g_assert_nonnull (strstr (run.out, "Exporter la carte dans FICHIER"));
  g_assert_nonnull (strstr (run.out, "--lang=fr|en"));
  /* GLib's own words, translated because ours are. */
  g_assert_nonnull (strstr (run.out, "Options de l’aide"));
  g_assert_null (strstr (run.out, "Export the map to FILE"));
}

static void
test_usage_error_in_french (void)
{
  g_auto (Run) run = { 0 };

  run_maillage (&run, TRUE, (const char *[]) { "--info", "--lang", "de", "x.graphml", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "langue inconnue"));
  g_assert_nonnull (strstr (run.err, "maillage --help"));
}

static void
test_svg_legend_follows_locale (void)
{
  g_autofree char *french = export_svg (TRUE, NULL);
  g_autofree char *english = export_svg (FALSE, NULL);

  assert_french_legend (french);
  assert_english_legend (english);
  g_assert_nonnull (strstr (french, "<desc>Réalisé avec Maillage</desc>"));
}

static void
test_lang_overrides_locale (void)
{
  g_autofree char *english_under_french = export_svg (TRUE, "en");
  g_autofree char *french_under_english = export_svg (FALSE, "fr");
  g_autofree char *french_under_french = export_svg (TRUE, "fr");

  assert_english_legend (english_under_french);
  assert_french_legend (french_under_english);
  assert_french_legend (french_under_french);
}

/* Numbers written into files never take the locale's decimal comma. */
static void
test_svg_numbers_stay_c (void)
{
  g_autofree char *svg = export_svg (TRUE, NULL);
  g_autoptr (GRegex) comma = g_regex_new ("=\"-?[0-9]+,[0-9]", 0, 0, NULL);
  g_autoptr (GRegex) point = g_regex_new ("=\"-?[0-9]+\\.[0-9]", 0, 0, NULL);

  g_assert_false (g_regex_match (comma, svg, 0, NULL));
  g_assert_true (g_regex_match (point, svg, 0, NULL));
}

static void
test_info_lang (void)
{
  g_autofree char *map = example_map ();
  g_auto (Run) french = { 0 };
  g_auto (Run) english = { 0 };
  g_auto (Run) json = { 0 };

  run_maillage (&french, FALSE, (const char *[]) { "--info", "--lens", "learn", "--lang", "fr", map, NULL });
  g_assert_cmpint (french.status, ==, 0);
  g_assert_nonnull (strstr (french.out, "Acteurs\u00a0: 27"));
  g_assert_nonnull (strstr (french.out, "Apprendre des autres"));
  g_assert_nonnull (strstr (french.out, "Lentilles\u00a0:"));

  run_maillage (&english, TRUE, (const char *[]) { "--info", "--lens", "learn", "--lang", "en", map, NULL });
  g_assert_cmpint (english.status, ==, 0);
  g_assert_nonnull (strstr (english.out, "Actors: 27"));
  g_assert_nonnull (strstr (english.out, "Learning from others"));
  g_assert_null (strstr (english.out, "Acteurs"));

  /* JSON stays language-neutral: ids, not names. */
  run_maillage (&json, TRUE, (const char *[]) { "--info", "--json", map, NULL });
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "\"sme\""));
  g_assert_null (strstr (json.out, "PME"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  french_lang = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL ? "fr_FR.UTF-8" : "C.UTF-8";
  setlocale (LC_ALL, "C");

  g_test_add_func ("/i18n/cli/help-in-french", test_help_in_french);
  g_test_add_func ("/i18n/cli/usage-error-in-french", test_usage_error_in_french);
  g_test_add_func ("/i18n/cli/svg-legend-follows-locale", test_svg_legend_follows_locale);
  g_test_add_func ("/i18n/cli/lang-overrides-locale", test_lang_overrides_locale);
  g_test_add_func ("/i18n/cli/svg-numbers-stay-c", test_svg_numbers_stay_c);
  g_test_add_func ("/i18n/cli/info-lang", test_info_lang);
  return g_test_run ();
}
