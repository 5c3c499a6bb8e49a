/* mg-cli.c — maillage's command line: summary, normalised save. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mg-cli.h"
#include "mg-graphml.h"
#include "mg-summary.h"

static const GOptionEntry option_entries[] = {
  { "info", 'i', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of the map (actors, relations, roles, territories, lessons) and exit"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --info: print the summary as JSON"), NULL },
  { "save-as", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map as normalised GraphML to FILE and exit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[MAP…]") },
  { NULL }
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
  return g_variant_dict_contains (options, "info") ||
         g_variant_dict_contains (options, "save-as") ||
         g_variant_dict_contains (options, "json") ||
         g_variant_dict_contains (options, "version");
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

static int
usage_error (GOutputStream *err, const char *message)
{
  print_to (err, "maillage: %s\n%s\n", message,
            _("Run “maillage --help” to see the options."));
  return MG_CLI_EXIT_USAGE;
}

static void
print_warnings (GOutputStream *err, const char *path, GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    print_to (err, "%s: %s: %s\n", path, _("warning"),
              (const char *) g_ptr_array_index (warnings, i));
}

static int
run_info (MgMap *map, const char *path, GPtrArray *warnings, gboolean json,
          GOutputStream *out)
{
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      mg_summary_add_json_members (builder, map, path, warnings);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      print_to (out, "%s\n", text);
    }
  else
    {
      g_autofree char *text = mg_summary_to_text (map, path, warnings);

      print_to (out, "%s", text);
    }
  return MG_CLI_EXIT_OK;
}

int
mg_cli_run (GVariantDict *options, GOutputStream *out, GOutputStream *err)
{
  g_auto (GStrv) files = NULL;
  g_autofree char *save_as = NULL;
  gboolean info, json;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  int status = MG_CLI_EXIT_OK;

  g_return_val_if_fail (options != NULL, MG_CLI_EXIT_USAGE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), MG_CLI_EXIT_USAGE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (err), MG_CLI_EXIT_USAGE);

  if (g_variant_dict_contains (options, "version"))
    {
      print_to (out, "maillage %s\n", PACKAGE_VERSION);
      return MG_CLI_EXIT_OK;
    }

  info = g_variant_dict_contains (options, "info");
  json = g_variant_dict_contains (options, "json");
  g_variant_dict_lookup (options, "save-as", "^ay", &save_as);
  files = mg_cli_get_files (options);

  if (json && !info)
    return usage_error (err, _("--json goes with --info"));
  if (files == NULL || files[0] == NULL)
    return usage_error (err, _("no map file given"));
  if (files[1] != NULL)
    return usage_error (err, _("give one map file at a time"));

  warnings = g_ptr_array_new_with_free_func (g_free);
  map = mg_graphml_read_file (files[0], warnings, &error);
  if (map == NULL)
    {
      print_to (err, "maillage: %s\n", error->message);
      return MG_CLI_EXIT_INPUT;
    }
  print_warnings (err, files[0], warnings);

  if (save_as != NULL)
    {
      if (!mg_graphml_write_file (map, save_as, &error))
        {
          print_to (err, "maillage: %s\n", error->message);
          return MG_CLI_EXIT_INPUT;
        }
    }
  if (info)
    status = run_info (map, files[0], warnings, json, out);
  return status;
}
