/* mg-cli.c — maillage's command line: summary, normalised save, layout,
 * lenses and filters, export.  Runs without a display. */
#define G_LOG_DOMAIN "Maillage"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mg-cli.h"
#include "mg-export.h"
#include "mg-i18n.h"
#include "mg-metrics.h"
#include "mg-graphml.h"
#include "mg-layout.h"
#include "mg-report.h"
#include "mg-report-page.h"
#include "mg-scene-bridge.h"
#include "mg-sheet.h"
#include "mg-summary.h"
#include "mg-view.h"
#include "mg-visibility.h"

static const GOptionEntry option_entries[] = {
  { "info", 'i', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of the map (actors, relations, roles, territories, lessons) and exit"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --info or --report: print it as JSON"), NULL },
  { "report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the territory report (who is around the table, who is missing, the levers) "
       "and exit; with --export, export it as a page"), NULL },
  { "report-level", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: the territory level, 1 for regions (default), 2 for departments…"),
    N_("N") },
  { "save-as", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map as normalised GraphML to FILE (.graphml or .graphml.gz) and exit; "
       "FILE.csv or FILE.ods writes tables, as --export-tables does"), N_("FILE") },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the map to FILE (.png, .svg or .pdf) and exit"), N_("FILE") },
  { "layout", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Lay the map out with ENGINE: auto, dot, neato, fdp, sfdp, circo, twopi "
       "(default: keep saved positions, else auto)"), N_("ENGINE") },
  { "group-by", 'g', 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw territories as boxes: territory[:LEVEL], LEVEL being region, department, "
       "city or a number (lays the map out)"), N_("territory[:LEVEL]") },
  { "force", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run the layout engine even beyond the map size it handles well"), NULL },
  { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("PNG resolution, 72 to 600 (default 150)"), N_("N") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Size of one map point in the output (default 1)"), N_("F") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fit the map, title and legend to a page: slide-16:9, slide-4:3, a4 or a3, "
       "optionally -portrait or -landscape (paper without one suits the map); with "
       "--report, a slide gives a 16:9 report page, paper an A4 one"),
    N_("PAGE") },
  { "width", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("PNG width in pixels (the height follows); instead of --dpi"), N_("N") },
  { "size-by", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size actors by a measure: degree, betweenness or diversity (of partners’ roles)"),
    N_("METRIC") },
  { "transparent", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("No background (PNG and SVG)"), NULL },
  { "no-legend", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave the legend out"), NULL },
  { "title", 't', 0, G_OPTION_ARG_STRING, NULL,
    N_("Title drawn above the map (default: none)"), N_("TEXT") },
  { "lens", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Switch a lesson lens on: valorize, care, combine or learn (repeatable)"), N_("LESSON") },
  { "lens-mode", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With several lenses, what counts as matched: any (default) or all"), N_("any|all") },
  { "no-derived", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Lenses show only what is tagged, not what the rules derive"), NULL },
  { "hide-unmatched", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Hide what the lenses do not match (default: fade it)"), NULL },
  { "lens-level", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Lenses compare territories at LEVEL: 1 region (default), 2 department, 3 city, "
       "0 the whole path"), N_("N") },
  { "combine-threshold", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Stakeholder families an actor must work with to match “combine” (default 3)"),
    N_("N") },
  { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Show only actors of ROLE (repeatable)"), N_("ROLE") },
  { "territory", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show only actors in the territory PATH and below it"), N_("PATH") },
  { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Show only relations of KIND (repeatable)"), N_("KIND") },
  { "provenance", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Show only what is stated, inferred, illustrative, workshop or none (not "
       "recorded) (repeatable)"), N_("VALUE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show only actors whose label, id, notes or territory contain TEXT"), N_("TEXT") },
  { "min-degree", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Show only actors with at least N relations"), N_("N") },
  { "focus", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Show only the neighbourhood of an actor, HOPS deep (1–3, default 1; repeatable)"),
    N_("ACTOR_ID[:HOPS]") },
  { "focus-direction", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Which relations focus follows: both (default), out or in"), N_("both|out|in") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start from the saved view NAME (lenses, filters, focus, viewport)"), N_("NAME") },
  { "relations", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With a spreadsheet of actors: read the relations from FILE (CSV, TSV, ODS or XLSX)"),
    N_("FILE") },
  { "export-tables", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the actors and relations as tables to FILE and exit: one .ods workbook, or "
       "FILE.csv with the relations beside it in FILE-relations.csv"), N_("FILE") },
  { "relations-out", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export-tables FILE.csv: write the relations to FILE"), N_("FILE") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the export's legend and of --info: fr or en (default: the locale's)"),
    N_("fr|en") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[MAP…]") },
  { NULL }
};

/* Options that only make sense with an action. */
static const char *const action_options[] = {
  "info", "json", "save-as", "export", "version", "report", "export-tables",
};

static const char *const modifier_options[] = {
  "layout", "group-by", "force", "dpi", "scale", "page", "width", "size-by", "transparent", "no-legend", "title",
  "lens", "lens-mode", "no-derived", "hide-unmatched", "role", "territory", "kind",
  "search", "min-degree", "focus", "focus-direction", "view", "relations", "relations-out",
  "lens-level", "combine-threshold", "provenance",
  "lang",
  "report-level", "page",
};

const GOptionEntry *
mg_cli_get_option_entries (void)
{
  return option_entries;
}

char **
mg_cli_get_files (GVariantDict *options)
{
  char **files = NULL;

  g_return_val_if_fail (options != NULL, NULL);
  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files))
    return NULL;
  return files;
}

gboolean
mg_cli_wants_action (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (action_options); i++)
    if (g_variant_dict_contains (options, action_options[i]))
      return TRUE;
  /* A modifier alone is a usage error, reported by mg_cli_run(), rather than
   * silently opening a window. */
  for (guint i = 0; i < G_N_ELEMENTS (modifier_options); i++)
    if (g_variant_dict_contains (options, modifier_options[i]))
      return TRUE;
  return FALSE;
}

G_GNUC_PRINTF (2, 3)
static void
print_to (GOutputStream *stream, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, NULL);
}

/* ---- what the options ask for ----------------------------------------- */

typedef struct {
  char          *path;
  gboolean       info, json;
  gboolean       report;
  int            report_level;
  char          *save_as;
  char          *export_path;
  char          *relations_path;  /* --relations */
  char          *tables_path;     /* --export-tables, or --save-as .csv/.ods */
  char          *relations_out;   /* --relations-out */
  MgExportFormat format;

  gboolean       run_layout;
  MgLayoutOptions layout;

  double         dpi, scale;
  char          *page;
  int            width;
  char          *size_by;
  gboolean       transparent, no_legend;
  char          *title;
  char          *lang;          /* of legends and --info: "fr", "en"; NULL: the locale's */

  char          *view_name;
  gboolean       has_lens_options;   /* any lens option given */
  GStrv          lenses;
  char          *lens_mode;
  gboolean       no_derived, hide_unmatched;
  int            lens_level, combine_threshold; /* -1: not given */

  gboolean       has_filter_options;
  GStrv          roles, kinds, focus, provenance;
  char          *territory, *search, *focus_direction;
  int            min_degree;
} Request;

static void
request_clear (Request *r)
{
  g_free (r->path);
  g_free (r->save_as);
  g_free (r->page);
  g_free (r->export_path);
  g_free (r->relations_path);
  g_free (r->tables_path);
  g_free (r->relations_out);
  g_free (r->title);
  g_free (r->lang);
  g_free (r->size_by);
  g_free (r->view_name);
  g_strfreev (r->lenses);
  g_free (r->lens_mode);
  g_strfreev (r->roles);
  g_strfreev (r->kinds);
  g_strfreev (r->focus);
  g_strfreev (r->provenance);
  g_free (r->territory);
  g_free (r->search);
  g_free (r->focus_direction);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

static gboolean
parse_group_by (const char *text, guint *level, char **message)
{
  static const char *const level_names[] = { NULL, "region", "department", "city" };
  const char *colon;
  g_autofree char *what = NULL;

  colon = strchr (text, ':');
  what = colon ? g_strndup (text, (gsize) (colon - text)) : g_strdup (text);
  if (g_ascii_strcasecmp (what, "territory") != 0)
    {
      *message = g_strdup_printf (_("cannot group by “%s”: only “territory[:LEVEL]” is known"), text);
      return FALSE;
    }
  if (colon == NULL || colon[1] == '\0')
    {
      *level = 1;
      return TRUE;
    }
  for (guint i = 1; i < G_N_ELEMENTS (level_names); i++)
    if (g_ascii_strcasecmp (colon + 1, level_names[i]) == 0)
      {
        *level = i;
        return TRUE;
      }
  {
    guint64 value;

    if (g_ascii_string_to_unsigned (colon + 1, 10, 1, 16, &value, NULL))
      {
        *level = (guint) value;
        return TRUE;
      }
  }
  *message = g_strdup_printf (_("unknown territory level “%s”: use region, department, city "
                                "or a number from 1 to 16"), colon + 1);
  return FALSE;
}

static gboolean
has_suffix_nocase (const char *path, const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/* --save-as takes .graphml, .graphml.gz, or .csv/.ods (then it writes
 * tables, as --export-tables does); --export-tables takes .csv or .ods. */
static gboolean
parse_table_outputs (Request *r, char **message)
{
  if (r->save_as != NULL && !has_suffix_nocase (r->save_as, ".graphml") &&
      !has_suffix_nocase (r->save_as, ".graphml.gz"))
    {
      if (!has_suffix_nocase (r->save_as, ".csv") && !has_suffix_nocase (r->save_as, ".ods"))
        return (*message = g_strdup_printf (_("cannot tell the format of “%s”: name it .graphml, "
                                              ".graphml.gz, .csv or .ods"), r->save_as)), FALSE;
      if (r->tables_path != NULL)
        return (*message = g_strdup (_("give --save-as FILE.csv or --export-tables, not "
                                       "both"))), FALSE;
      r->tables_path = g_steal_pointer (&r->save_as);
    }
  if (r->tables_path != NULL && !has_suffix_nocase (r->tables_path, ".csv") &&
      !has_suffix_nocase (r->tables_path, ".ods"))
    return (*message = g_strdup_printf (_("cannot tell the format of “%s”: name it .csv or "
                                          ".ods"), r->tables_path)), FALSE;
  if (r->relations_out != NULL &&
      (r->tables_path == NULL || !has_suffix_nocase (r->tables_path, ".csv")))
    return (*message = g_strdup (_("--relations-out goes with --export-tables FILE.csv"))), FALSE;
  return TRUE;
}

/* Reads the options into @r; on a usage error returns FALSE with @message. */
static gboolean
request_parse (Request *r, GVariantDict *options, char **message)
{
  g_auto (GStrv) files = mg_cli_get_files (options);
  g_autofree char *engine = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *report_level = NULL;
  g_autofree char *lens_level = NULL;
  g_autofree char *combine_threshold = NULL;
  MgLensMode mode;
  MgFocusDirection direction;

  r->info = g_variant_dict_contains (options, "info");
  r->json = g_variant_dict_contains (options, "json");
  r->report = g_variant_dict_contains (options, "report");
  r->report_level = -1;
  /* A string: GApplication drops an integer option given as 0. */
  if (g_variant_dict_lookup (options, "report-level", "s", &report_level))
    {
      guint64 value = 0;

      static const char *const names[] = { "region", "department", "city" };

      r->report_level = g_ascii_string_to_unsigned (report_level, 10, 0, G_MAXINT, &value, NULL)
                          ? (int) value : 0;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (report_level, names[i]) == 0)
          r->report_level = (int) i + 1;
    }
  g_variant_dict_lookup (options, "save-as", "^ay", &r->save_as);
  g_variant_dict_lookup (options, "export", "^ay", &r->export_path);
  g_variant_dict_lookup (options, "relations", "^ay", &r->relations_path);
  g_variant_dict_lookup (options, "export-tables", "^ay", &r->tables_path);
  g_variant_dict_lookup (options, "relations-out", "^ay", &r->relations_out);
  g_variant_dict_lookup (options, "layout", "s", &engine);
  g_variant_dict_lookup (options, "group-by", "s", &group_by);
  r->dpi = -1;
  r->scale = -1;
  g_variant_dict_lookup (options, "dpi", "d", &r->dpi);
  g_variant_dict_lookup (options, "scale", "d", &r->scale);
  g_variant_dict_lookup (options, "page", "s", &r->page);
  g_variant_dict_lookup (options, "size-by", "s", &r->size_by);
  r->width = -1;
  g_variant_dict_lookup (options, "width", "i", &r->width);
  r->transparent = g_variant_dict_contains (options, "transparent");
  r->no_legend = g_variant_dict_contains (options, "no-legend");
  g_variant_dict_lookup (options, "title", "s", &r->title);
  g_variant_dict_lookup (options, "lang", "s", &r->lang);

  g_variant_dict_lookup (options, "view", "s", &r->view_name);
  g_variant_dict_lookup (options, "lens", "^as", &r->lenses);
  g_variant_dict_lookup (options, "lens-mode", "s", &r->lens_mode);
  r->no_derived = g_variant_dict_contains (options, "no-derived");
  r->hide_unmatched = g_variant_dict_contains (options, "hide-unmatched");
  /* Strings, not ints: GApplication drops an int option given as 0. */
  r->lens_level = r->combine_threshold = -1;
  g_variant_dict_lookup (options, "lens-level", "s", &lens_level);
  g_variant_dict_lookup (options, "combine-threshold", "s", &combine_threshold);
  r->has_lens_options = r->lenses || r->lens_mode || r->no_derived || r->hide_unmatched ||
                        lens_level != NULL || combine_threshold != NULL;

  g_variant_dict_lookup (options, "role", "^as", &r->roles);
  g_variant_dict_lookup (options, "kind", "^as", &r->kinds);
  g_variant_dict_lookup (options, "focus", "^as", &r->focus);
  g_variant_dict_lookup (options, "provenance", "^as", &r->provenance);
  g_variant_dict_lookup (options, "territory", "s", &r->territory);
  g_variant_dict_lookup (options, "search", "s", &r->search);
  g_variant_dict_lookup (options, "focus-direction", "s", &r->focus_direction);
  r->min_degree = -1;
  g_variant_dict_lookup (options, "min-degree", "i", &r->min_degree);
  r->has_filter_options = r->roles || r->kinds || r->focus || r->provenance ||
                          r->territory || r->search ||
                          r->focus_direction || r->min_degree >= 0;

  if (r->json && !r->info && !r->report)
    return (*message = g_strdup (_("--json goes with --info or --report"))), FALSE;
  if (r->json && r->info && r->report)
    return (*message = g_strdup (_("--json prints --info or --report, not both"))), FALSE;
  if (r->report_level >= 0 && !r->report)
    return (*message = g_strdup (_("--report-level goes with --report"))), FALSE;
  if (r->report_level >= 0 && (r->report_level < 1 || r->report_level > 16))
    return (*message = g_strdup (_("--report-level must be between 1 and 16"))), FALSE;
  if (r->report_level < 0)
    r->report_level = MG_REPORT_DEFAULT_LEVEL;
  if (!r->info && !r->report && r->save_as == NULL && r->export_path == NULL
      && r->tables_path == NULL)
    return (*message = g_strdup (_("say what to do: --info, --report, --export FILE or "
                                   "--save-as FILE"))), FALSE;
  if (!parse_table_outputs (r, message))
    return FALSE;
  if (files == NULL || files[0] == NULL)
    return (*message = g_strdup (_("no map file given"))), FALSE;
  if (files[1] != NULL)
    return (*message = g_strdup (_("give one map file at a time"))), FALSE;
  r->path = g_strdup (files[0]);
  if (r->relations_path != NULL && !mg_sheet_path_is_spreadsheet (r->path))
    return (*message = g_strdup_printf (_("--relations goes with a spreadsheet of actors (.csv, "
                                          ".tsv, .ods or .xlsx), not “%s”"), r->path)), FALSE;

  mg_layout_options_init (&r->layout);
  r->layout.force = g_variant_dict_contains (options, "force");
  if (engine != NULL)
    {
      if (!mg_layout_engine_from_string (engine, &r->layout.engine))
        return (*message = g_strdup_printf (_("unknown layout engine “%s”: use auto, dot, neato, "
                                              "fdp, sfdp, circo or twopi"), engine)), FALSE;
      r->run_layout = TRUE;
    }
  if (group_by != NULL)
    {
      if (!parse_group_by (group_by, &r->layout.group_by_territory_level, message))
        return FALSE;
      r->run_layout = TRUE;
    }

  if (r->export_path != NULL && !mg_export_format_from_filename (r->export_path, &r->format))
    return (*message = g_strdup_printf (_("cannot tell the format of “%s”: name it .png, .svg "
                                          "or .pdf"), r->export_path)), FALSE;
  if (r->dpi >= 0 && (r->dpi < MG_EXPORT_MIN_DPI || r->dpi > MG_EXPORT_MAX_DPI))
    return (*message = g_strdup_printf (_("--dpi must be between %g and %g"),
                                        MG_EXPORT_MIN_DPI, MG_EXPORT_MAX_DPI)), FALSE;
  if (r->scale >= 0 && (r->scale < 0.01 || r->scale > 100))
    return (*message = g_strdup (_("--scale must be between 0.01 and 100"))), FALSE;
  if (r->page != NULL)
    {
      double w, h;

      if (!mg_export_page_from_string (r->page, 0, &w, &h))
        return (*message = g_strdup_printf (_("unknown page “%s”: use slide-16:9, slide-4:3, a4 "
                                              "or a3, optionally followed by -portrait or "
                                              "-landscape"), r->page)), FALSE;
      if (r->scale >= 0)
        return (*message = g_strdup (_("--scale does not go with --page: the map is fitted to "
                                       "the page"))), FALSE;
    }
  if (r->width >= 0 && r->dpi >= 0)
    return (*message = g_strdup (_("--width sets the resolution itself: give --width or --dpi, "
                                   "not both"))), FALSE;
  if (r->width >= 0 && (r->width < 16 || r->width > MG_EXPORT_MAX_PIXELS_SIDE))
    return (*message = g_strdup_printf (_("--width must be between 16 and %d pixels"),
                                        MG_EXPORT_MAX_PIXELS_SIDE)), FALSE;
  if (r->width >= 0 && r->export_path != NULL && r->format != MG_EXPORT_FORMAT_PNG)
    return (*message = g_strdup (_("--width is for PNG images; SVG and PDF are sized by "
                                   "--page or --scale"))), FALSE;
  if (r->size_by != NULL && !mg_metrics_size_by_from_string (r->size_by, NULL))
    return (*message = g_strdup_printf (_("unknown measure “%s”: use degree, betweenness or "
                                          "diversity"), r->size_by)), FALSE;
  if (r->size_by != NULL && r->export_path == NULL)
    return (*message = g_strdup (_("--size-by goes with --export"))), FALSE;
  if ((r->page != NULL || r->width >= 0) && r->export_path == NULL)
    return (*message = g_strdup (_("--page and --width go with --export"))), FALSE;
  if ((r->dpi >= 0 || r->scale >= 0 || r->transparent || r->no_legend || r->title) &&
      r->export_path == NULL)
    return (*message = g_strdup (_("--dpi, --scale, --transparent, --no-legend and --title go "
                                   "with --export"))), FALSE;

  if (r->lang != NULL && !mg_i18n_language_is_known (r->lang))
    return (*message = g_strdup_printf (_("unknown language “%s”: use fr or en"), r->lang)), FALSE;

  for (guint i = 0; r->lenses && r->lenses[i]; i++)
    if (!mg_lesson_from_id (r->lenses[i], NULL))
      return (*message = g_strdup_printf (_("unknown lesson “%s”: use valorize, care, combine "
                                            "or learn"), r->lenses[i])), FALSE;
  if (lens_level != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (lens_level, 10, 0, 16, &value, NULL))
        return (*message = g_strdup (_("--lens-level must be a number from 0 to 16"))), FALSE;
      r->lens_level = (int) value;
    }
  if (combine_threshold != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (combine_threshold, 10, 1, MG_N_FAMILIES, &value, NULL))
        return (*message = g_strdup_printf (_("--combine-threshold must be a number from 1 to %d"),
                                            MG_N_FAMILIES)), FALSE;
      r->combine_threshold = (int) value;
    }
  for (guint i = 0; r->provenance && r->provenance[i]; i++)
    {
      g_autofree char *word = g_strstrip (g_strdup (r->provenance[i]));

      if (g_ascii_strcasecmp (word, "none") != 0 &&
          mg_provenance_id (mg_provenance_from_string (word)) == NULL)
        return (*message = g_strdup_printf (_("unknown provenance “%s”: use stated, inferred, "
                                              "illustrative, workshop or none"),
                                            r->provenance[i])), FALSE;
    }
  if (r->lens_mode != NULL && !mg_lens_mode_from_string (r->lens_mode, &mode))
    return (*message = g_strdup_printf (_("unknown lens mode “%s”: use any or all"),
                                        r->lens_mode)), FALSE;
  if (r->focus_direction != NULL && !mg_focus_direction_from_string (r->focus_direction, &direction))
    return (*message = g_strdup_printf (_("unknown focus direction “%s”: use both, out or in"),
                                        r->focus_direction)), FALSE;
  for (guint i = 0; r->focus && r->focus[i]; i++)
    {
      const char *colon = strrchr (r->focus[i], ':');

      if (colon != NULL &&
          !g_ascii_string_to_unsigned (colon + 1, 10, 1, 3, NULL, NULL))
        return (*message = g_strdup_printf (_("focus depth in “%s” must be 1, 2 or 3"),
                                            r->focus[i])), FALSE;
    }
  return TRUE;
}

/* ---- lenses and filters ----------------------------------------------- */

/* Applies the saved view, then the lens and filter options over it.  FALSE
 * with @message when the view does not exist. */
static gboolean
setup_visibility (Request *r, MgMap *map, MgVisibility *visibility, char **message)
{
  MgLensSettings lens;
  g_autoptr (MgFilter) filter = NULL;

  mg_lens_settings_init (&lens);
  filter = mg_filter_new ();

  if (r->view_name != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) views = mg_map_get_views (map, &error);
      const MgView *found = NULL;

      if (views == NULL)
        {
          *message = g_strdup_printf (_("the saved views of %s cannot be read: %s"),
                                      r->path, error->message);
          return FALSE;
        }
      for (guint i = 0; i < views->len && found == NULL; i++)
        {
          const MgView *view = g_ptr_array_index (views, i);

          if (g_strcmp0 (view->name, r->view_name) == 0)
            found = view;
        }
      if (found == NULL)
        {
          *message = g_strdup_printf (_("the map has no view named “%s”"), r->view_name);
          return FALSE;
        }
      lens = found->lens;
      mg_filter_free (filter);
      filter = mg_filter_copy (found->filter);
    }

  if (r->lenses != NULL)
    {
      lens.active = 0;
      for (guint i = 0; r->lenses[i]; i++)
        {
          MgLesson lesson;

          mg_lesson_from_id (r->lenses[i], &lesson);
          lens.active |= MG_LESSON_BIT (lesson);
        }
    }
  if (r->lens_mode != NULL)
    mg_lens_mode_from_string (r->lens_mode, &lens.mode);
  if (r->no_derived)
    lens.derived = FALSE;
  if (r->hide_unmatched)
    lens.unmatched = MG_UNMATCHED_HIDE;
  if (r->lens_level >= 0)
    lens.lens_level = (guint) r->lens_level;
  if (r->combine_threshold >= 0)
    lens.combine_threshold = (guint) r->combine_threshold;

  if (r->roles)
    mg_filter_set_roles (filter, (const char *const *) r->roles);
  if (r->kinds)
    mg_filter_set_kinds (filter, (const char *const *) r->kinds);
  if (r->territory)
    mg_filter_set_territory (filter, r->territory);
  if (r->provenance)
    mg_filter_set_provenance (filter, (const char *const *) r->provenance);
  if (r->search)
    mg_filter_set_search (filter, r->search);
  if (r->min_degree >= 0)
    filter->min_degree = (guint) r->min_degree;
  if (r->focus != NULL || r->focus_direction != NULL)
    {
      g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      guint hops = filter->focus_hops > 0 ? filter->focus_hops : MG_FILTER_DEFAULT_FOCUS_HOPS;
      MgFocusDirection direction = filter->focus_direction;

      if (r->focus != NULL)
        hops = MG_FILTER_DEFAULT_FOCUS_HOPS;
      for (guint i = 0; r->focus && r->focus[i]; i++)
        {
          const char *colon = strrchr (r->focus[i], ':');
          guint64 h = 0;

          if (colon != NULL && g_ascii_string_to_unsigned (colon + 1, 10, 1, 3, &h, NULL))
            {
              g_ptr_array_add (ids, g_strndup (r->focus[i], (gsize) (colon - r->focus[i])));
              hops = MAX (hops, (guint) h);
            }
          else
            g_ptr_array_add (ids, g_strdup (r->focus[i]));
        }
      for (guint i = 0; r->focus == NULL && filter->focus && filter->focus[i]; i++)
        g_ptr_array_add (ids, g_strdup (filter->focus[i]));
      g_ptr_array_add (ids, NULL);
      if (r->focus_direction != NULL)
        mg_focus_direction_from_string (r->focus_direction, &direction);
      mg_filter_set_focus (filter, (const char *const *) ids->pdata, hops, direction);
    }

  mg_visibility_set_lens_settings (visibility, &lens);
  mg_visibility_set_filter (visibility, filter);
  return TRUE;
}

static void
print_visibility_text (MgVisibility *visibility, const char *lang, GOutputStream *out)
{
  const MgVisibilityResult *result = mg_visibility_get_result (visibility);

  if (result->active != 0)
    {
      print_to (out, "\n%s\n", mg_i18n_gettext (lang, "Lenses:"));
      for (guint l = 0; l < MG_N_LESSONS; l++)
        if (result->active & MG_LESSON_BIT (l))
          print_to (out, mg_i18n_gettext (lang, "  %u actors, %u relations match %s\n"),
                    result->actors_matching[l], result->relations_matching[l],
                    mg_i18n_gettext (lang, mg_lesson_info (l)->name));
      print_to (out, mg_i18n_gettext (lang, "  matched: %u actors, %u relations\n"),
                result->n_actors_highlighted, result->n_relations_highlighted);
    }
  print_to (out, mg_i18n_gettext (lang, "Shown: %u of %u actors, %u of %u relations\n"),
            result->n_actors_visible, result->n_actors,
            result->n_relations_visible, result->n_relations);
}

/* ---- the actions ------------------------------------------------------ */

static void
print_info (Request *r, MgMap *map, GPtrArray *warnings, MgVisibility *visibility,
            GOutputStream *out)
{
  g_autofree guint8 *keep_actor = NULL;
  g_autofree guint8 *keep_relation = NULL;

  /* With filters (--territory…), the counts are those of what is shown. */
  if (visibility != NULL)
    {
      const MgVisibilityResult *result = mg_visibility_get_result (visibility);

      keep_actor = g_new0 (guint8, MAX (result->n_actors, 1));
      keep_relation = g_new0 (guint8, MAX (result->n_relations, 1));
      for (guint i = 0; i < result->n_actors; i++)
        keep_actor[i] = result->actor_state[i] != MG_VISIBILITY_HIDDEN;
      for (guint i = 0; i < result->n_relations; i++)
        keep_relation[i] = result->relation_state[i] != MG_VISIBILITY_HIDDEN;
    }
  if (r->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      mg_summary_add_json_members_masked (builder, map, r->path, warnings,
                                          keep_actor, keep_relation);
      if (visibility != NULL)
        mg_visibility_build_json (visibility, builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      print_to (out, "%s\n", text);
    }
  else
    {
      g_autofree char *text = mg_summary_to_text_masked (map, r->path, warnings, r->lang,
                                                         keep_actor, keep_relation);

      print_to (out, "%s", text);
      if (visibility != NULL)
        print_visibility_text (visibility, r->lang, out);
    }
}

static void
print_report (Request *r, MgMap *map, GOutputStream *out)
{
  g_autofree double *betweenness = mg_report_compute_betweenness (map);
  g_autoptr (MgReport) report = mg_report_new (map, (guint) r->report_level, betweenness,
                                               mg_map_get_n_actors (map));
  g_autofree char *text = r->json ? mg_report_to_json_string (report, map)
                                  : mg_report_to_text_in (report, map, r->lang);

  print_to (out, "%s\n", text);
}

/* Phase times, for `G_MESSAGES_DEBUG=Maillage maillage --export …`: where
 * the time of a command goes (see tests/bench/README.md). */
static void
debug_phase (const char *what, gint64 *since)
{
  gint64 t = g_get_monotonic_time ();
  g_debug ("%s: %.3f s", what, (t - *since) / 1e6);
  *since = t;
}

static gpointer
scene_thread (gpointer map)
{
  return mg_scene_new (map, NULL);
}

/* Lays @map out.  With @scene_out (an export), the scene is built on
 * another thread while Graphviz works on this one: shaping the labels,
 * most of a scene's cost, then overlaps the layout, and the scene only has
 * to place things once the positions arrive (it keeps the shaped labels).
 * Graphviz stays on the main thread: measured, it costs about a tenth more
 * on another one (glibc gives other threads slower heaps, and Graphviz
 * allocates a lot).  The layout reads its request, not the map, so the
 * scene may read the map meanwhile; after the join the scene is this
 * thread's alone (Pango objects are used by one thread at a time). */
static gboolean
lay_out (Request *r, MgMap *map, MgLayoutResult **out_result, MgScene **scene_out,
         GError **error)
{
  gint64 t = g_get_monotonic_time ();
  g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, &r->layout);
  GThread *thread = scene_out != NULL ? g_thread_new ("mg-scene", scene_thread, map) : NULL;
  MgLayoutResult *result;

  debug_phase ("layout request", &t);
  result = mg_layout_run (request, NULL, error);
  debug_phase ("Graphviz, while the labels are shaped", &t);
  if (thread != NULL)
    {
      *scene_out = g_thread_join (thread);
      debug_phase ("waiting for the scene", &t);
    }
  if (result == NULL)
    return FALSE;
  mg_layout_result_apply (result, map);
  debug_phase ("applying the layout", &t);
  *out_result = result;
  return TRUE;
}

static gboolean
export_map (Request *r, MgMap *map, MgScene *prepared, MgVisibility *visibility,
            MgLayoutResult *layout, GError **error)
{
  g_autoptr (MgScene) scene = prepared != NULL ? g_object_ref (prepared) : mg_scene_new (map, NULL);
  MgExportOptions options;
  gint64 t = g_get_monotonic_time ();
  gboolean done;

  if (r->size_by != NULL)
    {
      guint n = 0;
      g_autofree double *factors = mg_metrics_size_factors (map, r->size_by, &n);
      const char *metric = r->size_by;

      mg_metrics_size_by_from_string (r->size_by, &metric);
      mg_scene_set_size_by (scene, factors, n, mg_metrics_size_by_name (metric));
    }
  if (layout != NULL && layout->n_clusters > 0)
    mg_scene_bridge_set_clusters (scene, layout);
  if (visibility != NULL)
    mg_scene_bridge_apply_visibility (scene, visibility);

  mg_export_options_init (&options);
  options.format = r->format;
  if (r->dpi > 0)
    options.dpi = r->dpi;
  if (r->scale > 0)
    options.scale = r->scale;
  if (r->width > 0)
    options.pixel_width = r->width;
  if (r->page != NULL)
    {
      MgRect bounds;

      /* Paper without an orientation takes the one that suits the map. */
      mg_scene_get_bounds (scene, &bounds);
      mg_export_page_from_string (r->page, bounds.height > 0 ? bounds.width / bounds.height : 0,
                                  &options.page_width, &options.page_height);
    }
  options.title = r->title;
  options.legend = !r->no_legend;
  if (options.page_width > 0)
    {
      /* A new style rebuilds the scene: lenses and boxes again. */
      mg_export_fit_labels_to_page (scene, &options);
      if (layout != NULL && layout->n_clusters > 0)
        mg_scene_bridge_set_clusters (scene, layout);
      if (visibility != NULL)
        mg_scene_bridge_apply_visibility (scene, visibility);
    }
  options.transparent = r->transparent;
  options.legend = !r->no_legend;
  options.title = r->title;
  options.legend_language = r->lang;
  debug_phase ("scene", &t);
  done = mg_export_scene_to_file (scene, &options, r->export_path, error);
  debug_phase ("export", &t);
  return done;
}

/* `--export FILE --report`: the territory report as a page. */
static gboolean
export_report (Request *r, MgMap *map, GError **error)
{
  g_autofree double *betweenness = mg_report_compute_betweenness (map);
  g_autoptr (MgReport) report = mg_report_new (map, (guint) r->report_level, betweenness,
                                               mg_map_get_n_actors (map));
  MgReportPageOptions options;

  mg_report_page_options_init (&options);
  options.format = r->format;
  if (r->dpi > 0)
    options.dpi = r->dpi;
  options.title = r->title;
  options.territory = r->territory;
  options.lang = r->lang;
  if (r->page != NULL && g_str_has_prefix (r->page, "slide-"))
    options.size = MG_REPORT_PAGE_WIDE;
  return mg_report_page_export (report, map, &options, r->export_path, error);
}

/* What a file that is not a spreadsheet by its name holds: GraphML starts
 * with markup (or is gzipped); anything else is refused in one line. */
static gboolean
looks_like_graphml (const char *path)
{
  guchar head[256];
  gsize n = 0;
  FILE *f = fopen (path, "rb");

  if (f == NULL)
    return TRUE; /* the GraphML reader says why it cannot be read */
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    return TRUE;
  for (gsize i = (n >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0; i < n; i++)
    {
      if (head[i] == '<')
        return TRUE;
      if (!g_ascii_isspace (head[i]))
        return FALSE;
    }
  return n == 0;
}

static MgMap *
read_map (Request *r, GPtrArray *warnings, GError **error)
{
  g_autoptr (GError) local = NULL;
  MgMap *map;

  if (mg_sheet_path_is_spreadsheet (r->path))
    map = mg_sheet_read_map (r->path, r->relations_path, warnings, &local);
  else if (!looks_like_graphml (r->path))
    {
      FILE *f = fopen (r->path, "rb");
      char head[4] = { 0 };
      gboolean zip = f != NULL && fread (head, 1, 4, f) == 4 && mg_sheet_data_is_zip (head, 4);

      if (f != NULL)
        fclose (f);
      if (zip)
        map = mg_sheet_read_map (r->path, NULL, warnings, &local);
      else
        {
          g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_FORMAT,
                       _("%s is neither a GraphML map nor a spreadsheet (CSV, TSV, ODS or XLSX)"),
                       r->path);
          return NULL;
        }
    }
  else
    return mg_graphml_read_file (r->path, warnings, error);
  if (map == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return map;
}

static gboolean
export_tables (Request *r, MgMap *map, GError **error)
{
  g_autofree char *relations = NULL;

  if (has_suffix_nocase (r->tables_path, ".ods"))
    return mg_sheet_write_ods (map, r->tables_path, error);
  relations = r->relations_out != NULL ? g_strdup (r->relations_out)
                                       : mg_sheet_relations_path_for (r->tables_path);
  return mg_sheet_write_csv (map, r->tables_path, relations, mg_sheet_default_separator (),
                             error);
}

int
mg_cli_run (GVariantDict *options, GOutputStream *out, GOutputStream *err)
{
  g_auto (Request) r = { 0 };
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  g_autoptr (MgVisibility) visibility = NULL;
  g_autoptr (MgLayoutResult) layout = NULL;
  g_autoptr (MgScene) scene = NULL;
  gint64 t = g_get_monotonic_time ();

  g_return_val_if_fail (options != NULL, MG_CLI_EXIT_USAGE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), MG_CLI_EXIT_USAGE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (err), MG_CLI_EXIT_USAGE);

  if (g_variant_dict_contains (options, "version"))
    {
      print_to (out, "maillage %s\n", PACKAGE_VERSION);
      return MG_CLI_EXIT_OK;
    }
  if (!request_parse (&r, options, &message))
    {
      print_to (err, "maillage: %s\n%s\n", message,
                _("Run “maillage --help” to see the options."));
      return MG_CLI_EXIT_USAGE;
    }

  warnings = g_ptr_array_new_with_free_func (g_free);
  map = read_map (&r, warnings, &error);
  if (map == NULL)
    {
      print_to (err, "maillage: %s\n", error->message);
      return MG_CLI_EXIT_INPUT;
    }
  debug_phase ("read", &t);
  for (guint i = 0; i < warnings->len; i++)
    print_to (err, "%s: %s: %s\n", r.path, _("warning"),
              (const char *) g_ptr_array_index (warnings, i));

  if (r.view_name || r.has_lens_options || r.has_filter_options)
    {
      visibility = mg_visibility_new (map);
      if (!setup_visibility (&r, map, visibility, &message))
        {
          print_to (err, "maillage: %s\n", message);
          return MG_CLI_EXIT_INPUT;
        }
    }

  /* Saved positions are kept unless a layout is asked for; a map without
   * them is laid out before it is exported. */
  /* The report page draws no map: no layout for it. */
  if (r.run_layout || (r.export_path != NULL && !r.report && !mg_map_has_positions (map)))
    {
      if (!lay_out (&r, map, &layout, r.export_path != NULL ? &scene : NULL, &error))
        {
          print_to (err, "maillage: %s: %s\n", r.path, error->message);
          return MG_CLI_EXIT_INPUT;
        }
      g_debug ("Graphviz (%s): %.3f s", mg_layout_engine_to_string (layout->engine),
               layout->seconds);
      debug_phase ("layout", &t);
      for (guint i = 0; layout->messages && i < layout->messages->len; i++)
        print_to (err, "%s: %s: %s\n", r.path, _("layout"),
                  (const char *) g_ptr_array_index (layout->messages, i));
    }

  if (r.save_as != NULL && !mg_graphml_write_file (map, r.save_as, &error))
    {
      print_to (err, "maillage: %s\n", error->message);
      return MG_CLI_EXIT_INPUT;
    }
  if (r.export_path != NULL && r.report && !export_report (&r, map, &error))
    {
      print_to (err, "maillage: %s\n", error->message);
      return MG_CLI_EXIT_INPUT;
    }
  if (r.tables_path != NULL && !export_tables (&r, map, &error))
    {
      print_to (err, "maillage: %s\n", error->message);
      return MG_CLI_EXIT_INPUT;
    }
  if (r.export_path != NULL && !r.report &&
      !export_map (&r, map, scene, visibility, layout, &error))
    {
      print_to (err, "maillage: %s\n", error->message);
      return MG_CLI_EXIT_INPUT;
    }
  if (r.info)
    print_info (&r, map, warnings, visibility, out);
  if (r.report && r.export_path == NULL)
    print_report (&r, map, out);
  return MG_CLI_EXIT_OK;
}

/* ---- the front of the executable -------------------------------------------------- */

void
mg_cli_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));
  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_summary (app,
    _("Map the collaborative innovation ecosystem of a territory."));
}

typedef struct {
  gboolean handled_locally; /* handle-local-options ran */
  gboolean wants_window;
} CliMain;

static int
cli_main_handle_local_options (GApplication *app, GVariantDict *options, gpointer user_data)
{
  CliMain *state = user_data;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GOutputStream) err = NULL;

  state->handled_locally = TRUE;
  if (!mg_cli_wants_action (options))
    {
      /* Stop here, unregistered: the window application parses the same
       * arguments again and does the registering (remote instance…). */
      state->wants_window = TRUE;
      return 0;
    }
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  err = g_unix_output_stream_new (STDERR_FILENO, FALSE);
  return mg_cli_run (options, out, err);
}

int
mg_cli_main (int argc, char **argv, gboolean *wants_window)
{
  g_autoptr (GApplication) app = NULL;
  CliMain state = { 0 };
  int status;

  g_return_val_if_fail (argc >= 0, MG_CLI_EXIT_USAGE);
  g_return_val_if_fail (wants_window != NULL, MG_CLI_EXIT_USAGE);

  *wants_window = FALSE;
  /* The same id, flags, options and summary as MgApplication (src/app/
   * mg-application.c), so that parsing and --help are identical; never
   * registered, hence NON_UNIQUE. */
  app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  mg_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (cli_main_handle_local_options),
                    &state);

  status = g_application_run (app, argc, argv);
  /* GApplication exits with 1 on an unknown option; our contract says 2 for
   * usage errors (as MgApplication's local_command_line does). */
  if (status == 1 && !state.handled_locally)
    status = MG_CLI_EXIT_USAGE;
  *wants_window = state.wants_window;
  return status;
}
