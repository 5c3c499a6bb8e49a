/* bench-sheets — reading a large map from spreadsheets against GraphML.
 *
 *   bench-sheets [--runs N] [--actors N] [--relations N] [--seed N]
 *
 * The synthetic map of gen-map (20 000 actors, 60 000 relations by default)
 * is written as GraphML, then as tables: a CSV pair (mg_sheet_write_csv),
 * an ODS workbook (mg_sheet_write_ods) and an XLSX workbook written here as
 * Excel does (shared strings, deflated parts).  Each is read N times into a
 * map; the median wall time, CPU time and the peak memory of each reader
 * are printed side by side.  Target: the CSV pair no slower than GraphML.
 */
#include "config.h"

#include <gsf/gsf-outfile-zip.h>
#include <locale.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "mg-graphml.h"
#include "mg-sheet.h"
#include "synth-map.h"

/* ---- memory and time ---------------------------------------------------- */

static long
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  g_autofree char *prefix = g_strconcat (field, ":", NULL);
  char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  line = strstr (text, prefix);
  return line != NULL ? strtol (line + strlen (prefix), NULL, 10) : -1;
}

/* Frees what can be freed and makes the peak the current size. */
static double
reset_peak (void)
{
  FILE *f;

  malloc_trim (0);
  f = fopen ("/proc/self/clear_refs", "w");
  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
  return status_kb ("VmRSS") / 1024.0;
}

static double
cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef MgMap *(*ReadFunc) (const char *path, const char *relations, GPtrArray *warnings,
                            GError **error);

static MgMap *
read_graphml (const char *path, const char *relations, GPtrArray *warnings, GError **error)
{
  return mg_graphml_read_file (path, warnings, error);
}

typedef struct {
  const char *name;
  double      wall, cpu, peak_mb, base_mb, bytes;
  guint       actors, relations;
} Result;

static gboolean
time_reader (Result *r, ReadFunc read, const char *path, const char *relations, guint runs)
{
  g_autofree double *walls = g_new (double, runs);
  g_autofree double *cpus = g_new (double, runs);
  GStatBuf st;

  r->base_mb = reset_peak ();
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      double c0 = cpu_s ();
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (MgMap) map = read (path, relations, warnings, &error);

      walls[i] = (g_get_monotonic_time () - t0) / 1e6;
      cpus[i] = cpu_s () - c0;
      if (map == NULL)
        {
          g_printerr ("%s: %s\n", r->name, error->message);
          return FALSE;
        }
      r->actors = mg_map_get_n_actors (map);
      r->relations = mg_map_get_n_relations (map);
      if (i == 0 && warnings->len > 0)
        g_print ("note: %s gave %u warnings, the first: %s\n", r->name, warnings->len,
                 (const char *) warnings->pdata[0]);
    }
  r->peak_mb = status_kb ("VmHWM") / 1024.0;
  r->wall = median (walls, runs);
  r->cpu = median (cpus, runs);
  r->bytes = 0;
  if (g_stat (path, &st) == 0)
    r->bytes += (double) st.st_size;
  if (relations != NULL && g_stat (relations, &st) == 0)
    r->bytes += (double) st.st_size;
  return TRUE;
}

/* ---- an XLSX workbook as Excel writes it -------------------------------- */

typedef struct {
  GString    *xml;
  GHashTable *index;   /* string → position + 1 */
  GPtrArray  *strings;
} Shared;

static void
escape (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
column_ref (GString *out, guint column, guint row)
{
  char letters[4];
  int n = 0;

  column++;
  while (column > 0)
    {
      letters[n++] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (out, letters[--n]);
  g_string_append_printf (out, "%u", row);
}

static void
add_cell (GString *sheet, Shared *shared, guint column, guint row, const char *text,
          gboolean number)
{
  guint id;

  if (text == NULL || *text == '\0')
    return;
  g_string_append (sheet, "<c r=\"");
  column_ref (sheet, column, row);
  if (number)
    {
      g_string_append_printf (sheet, "\"><v>%s</v></c>", text);
      return;
    }
  id = GPOINTER_TO_UINT (g_hash_table_lookup (shared->index, text));
  if (id == 0)
    {
      char *copy = g_strdup (text);

      g_ptr_array_add (shared->strings, copy);
      id = shared->strings->len;
      g_hash_table_insert (shared->index, copy, GUINT_TO_POINTER (id));
    }
  g_string_append_printf (sheet, "\" t=\"s\"><v>%u</v></c>", id - 1);
}

static void
add_part (GsfOutfile *zip, const char *dir, const char *name, const GString *text)
{
  GsfOutfile *parent = zip;
  GsfOutput *child;

  if (dir != NULL)
    parent = GSF_OUTFILE (gsf_outfile_new_child (zip, dir, TRUE));
  child = gsf_outfile_new_child_full (parent, name, FALSE, "compression-level",
                                      GSF_ZIP_DEFLATED, NULL);
  gsf_output_write (child, text->len, (const guint8 *) text->str);
  gsf_output_close (child);
  g_object_unref (child);
  if (dir != NULL)
    {
      gsf_output_close (GSF_OUTPUT (parent));
      g_object_unref (parent);
    }
}

static gboolean
write_xlsx (MgMap *map, const char *path)
{
  static const char *const head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  Shared shared = { NULL, g_hash_table_new (g_str_hash, g_str_equal),
                    g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (GString) actors = g_string_new (head);
  g_autoptr (GString) relations = g_string_new (head);
  g_autoptr (GString) sst = g_string_new (NULL);
  g_autoptr (GString) part = g_string_new (NULL);
  GPtrArray *list;
  GsfOutput *sink;
  GsfOutfile *zip, *xl, *sheets;

  g_string_append (actors, "<row r=\"1\">");
  {
    static const char *const names[] = { "id", "label", "role", "territory", "notes" };
    for (guint c = 0; c < G_N_ELEMENTS (names); c++)
      add_cell (actors, &shared, c, 1, names[c], FALSE);
  }
  g_string_append (actors, "</row>");
  list = mg_map_get_actors (map);
  for (guint i = 0; i < list->len; i++)
    {
      MgActor *a = g_ptr_array_index (list, i);

      g_string_append_printf (actors, "<row r=\"%u\">", i + 2);
      add_cell (actors, &shared, 0, i + 2, a->id, FALSE);
      add_cell (actors, &shared, 1, i + 2, a->label, FALSE);
      add_cell (actors, &shared, 2, i + 2, a->role, FALSE);
      add_cell (actors, &shared, 3, i + 2, a->territory, FALSE);
      add_cell (actors, &shared, 4, i + 2, a->notes, FALSE);
      g_string_append (actors, "</row>");
    }
  g_string_append (actors, "</sheetData></worksheet>");

  g_string_append (relations, "<row r=\"1\">");
  {
    static const char *const names[] = { "source", "target", "kind", "weight" };
    for (guint c = 0; c < G_N_ELEMENTS (names); c++)
      add_cell (relations, &shared, c, 1, names[c], FALSE);
  }
  g_string_append (relations, "</row>");
  list = mg_map_get_relations (map);
  for (guint i = 0; i < list->len; i++)
    {
      MgRelation *r = g_ptr_array_index (list, i);
      g_autofree char *weight = r->has_weight ? g_strdup_printf ("%.17g", r->weight) : NULL;

      g_string_append_printf (relations, "<row r=\"%u\">", i + 2);
      add_cell (relations, &shared, 0, i + 2, r->source->id, FALSE);
      add_cell (relations, &shared, 1, i + 2, r->target->id, FALSE);
      add_cell (relations, &shared, 2, i + 2, r->kind, FALSE);
      add_cell (relations, &shared, 3, i + 2, weight, TRUE);
      g_string_append (relations, "</row>");
    }
  g_string_append (relations, "</sheetData></worksheet>");

  g_string_append_printf (sst, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://"
                          "schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"%u\" "
                          "uniqueCount=\"%u\">", shared.strings->len, shared.strings->len);
  for (guint i = 0; i < shared.strings->len; i++)
    {
      g_string_append (sst, "<si><t xml:space=\"preserve\">");
      escape (sst, g_ptr_array_index (shared.strings, i));
      g_string_append (sst, "</t></si>");
    }
  g_string_append (sst, "</sst>");

  sink = gsf_output_stdio_new (path, NULL);
  zip = GSF_OUTFILE (gsf_outfile_zip_new (sink, NULL));
  g_string_assign (part, "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                         "package/2006/content-types\"/>");
  add_part (zip, NULL, "[Content_Types].xml", part);
  xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  g_string_assign (part, "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats."
                         "org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org"
                         "/officeDocument/2006/relationships\"><sheets>"
                         "<sheet name=\"Actors\" sheetId=\"1\" r:id=\"rId1\"/>"
                         "<sheet name=\"Relations\" sheetId=\"2\" r:id=\"rId2\"/></sheets>"
                         "</workbook>");
  add_part (xl, NULL, "workbook.xml", part);
  g_string_assign (part, "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                         "openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"ws\" Target=\"worksheets/sheet1.xml\"/>"
                         "<Relationship Id=\"rId2\" Type=\"ws\" Target=\"worksheets/sheet2.xml\"/>"
                         "</Relationships>");
  add_part (xl, "_rels", "workbook.xml.rels", part);
  add_part (xl, NULL, "sharedStrings.xml", sst);
  sheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets", TRUE));
  add_part (sheets, NULL, "sheet1.xml", actors);
  add_part (sheets, NULL, "sheet2.xml", relations);
  gsf_output_close (GSF_OUTPUT (sheets));
  g_object_unref (sheets);
  gsf_output_close (GSF_OUTPUT (xl));
  g_object_unref (xl);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (sink);
  g_object_unref (sink);
  g_hash_table_unref (shared.index);
  g_ptr_array_unref (shared.strings);
  return TRUE;
}

/* ---- main -------------------------------------------------------------------- */

int
main (int argc, char **argv)
{
  SynthOptions synth = SYNTH_OPTIONS_INIT;
  int runs = 5, actors = (int) synth.n_actors, relations = (int) synth.n_relations;
  int seed = (int) synth.seed;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Reads of each file (median)", "N" },
    { "actors", 0, 0, G_OPTION_ARG_INT, &actors, "Actors", "N" },
    { "relations", 0, 0, G_OPTION_ARG_INT, &relations, "Relations", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— spreadsheets against GraphML");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-sheets-XXXXXX", NULL);
  g_autofree char *graphml = g_build_filename (dir, "map.graphml", NULL);
  g_autofree char *csv = g_build_filename (dir, "actors.csv", NULL);
  g_autofree char *csv_relations = g_build_filename (dir, "actors-relations.csv", NULL);
  g_autofree char *ods = g_build_filename (dir, "map.ods", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "map.xlsx", NULL);
  Result results[4] = { { "GraphML" }, { "CSV pair" }, { "XLSX" }, { "ODS" } };
  g_autoptr (MgMap) map = NULL;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  synth.n_actors = (guint) actors;
  synth.n_relations = (guint) relations;
  synth.seed = (guint32) seed;
  runs = CLAMP (runs, 1, 100);

  if (!synth_map_write (&synth, graphml, &error) ||
      (map = mg_graphml_read_file (graphml, NULL, &error)) == NULL ||
      !mg_sheet_write_csv (map, csv, csv_relations, ',', &error) ||
      !mg_sheet_write_ods (map, ods, &error) || !write_xlsx (map, xlsx))
    {
      g_printerr ("bench-sheets: %s\n", error ? error->message : "cannot write the files");
      return 1;
    }
  g_clear_object (&map);

  ok = time_reader (&results[0], read_graphml, graphml, NULL, (guint) runs) &&
       time_reader (&results[1], mg_sheet_read_map, csv, csv_relations, (guint) runs) &&
       time_reader (&results[2], mg_sheet_read_map, xlsx, NULL, (guint) runs) &&
       time_reader (&results[3], mg_sheet_read_map, ods, NULL, (guint) runs);

  g_print ("Reading %d actors / %d relations, median of %d runs\n\n", actors, relations, runs);
  g_print ("%-9s %9s %8s %8s %9s %10s %16s\n", "format", "size MB", "wall s", "CPU s",
           "peak MB", "over base", "actors/relations");
  for (guint i = 0; i < G_N_ELEMENTS (results) && ok; i++)
    g_print ("%-9s %9.1f %8.3f %8.3f %9.1f %10.1f %8u/%u\n", results[i].name,
             results[i].bytes / 1e6, results[i].wall, results[i].cpu, results[i].peak_mb,
             results[i].peak_mb - results[i].base_mb, results[i].actors, results[i].relations);
  if (ok)
    g_print ("\nCSV / GraphML: %.2f× wall, %.2f× CPU (target ≤ 1)\n",
             results[1].wall / results[0].wall, results[1].cpu / results[0].cpu);

  g_unlink (graphml);
  g_unlink (csv);
  g_unlink (csv_relations);
  g_unlink (ods);
  g_unlink (xlsx);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
