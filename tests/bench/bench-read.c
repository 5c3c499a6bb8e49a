/* bench-read — how fast Maillage reads a large GraphML map.
 *
 *   bench-read [FILE] [--runs N] [--actors N] [--relations N] [--seed N]
 *
 * Without FILE, a synthetic ecosystem map is generated (20 000 actors, 60 000
 * relations by default, the same document gen-map writes) into a temporary
 * file.  The file is read N times with mg_graphml_read_file; the figures are
 * compared with `xmllint --stream --noout` (a floor: it parses and builds
 * nothing) and, when this build has it, igraph's GraphML reader.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "mg-graphml.h"
#include "synth-map.h"

#ifdef BENCH_HAVE_IGRAPH
#include <igraph.h>
#endif

typedef struct {
  const char *name;
  gboolean    ran;
  const char *skipped;  /* why not, when !ran */
  double      median_s, min_s;
  double      peak_mb;  /* < 0 when unknown */
  double      base_mb;  /* resident memory when the phase began, < 0 when unknown */
  guint       n_actors, n_relations;
  double      startup_s; /* for a subprocess: median time on an empty document */
} Result;

/* ---- memory ------------------------------------------------------------- */

/* A field of /proc/self/status in kB, or -1. */
static long
proc_status_kb (const char *field)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  g_autofree char *prefix = g_strconcat (field, ":", NULL);
  for (char *line = text; line != NULL && *line != '\0';)
    {
      char *next = strchr (line, '\n');
      if (g_str_has_prefix (line, prefix))
        return strtol (line + strlen (prefix), NULL, 10);
      line = next != NULL ? next + 1 : NULL;
    }
  return -1;
}

/* Gives freed memory back and resets the peak (VmHWM) to the current RSS, so
 * each phase's peak is its own.  FALSE when the kernel does not allow it. */
static gboolean
reset_peak_memory (Result *r)
{
  malloc_trim (0);
  long rss = proc_status_kb ("VmRSS");
  r->base_mb = rss > 0 ? rss / 1024.0 : -1;
  FILE *f = fopen ("/proc/self/clear_refs", "w");
  if (f == NULL)
    return FALSE;
  gboolean ok = fputs ("5", f) >= 0;
  ok = fclose (f) == 0 && ok;
  return ok;
}

static double
peak_mb (gboolean peak_was_reset)
{
  long hwm = proc_status_kb ("VmHWM");
  if (peak_was_reset && hwm > 0)
    return hwm / 1024.0;
  struct rusage usage;
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    return usage.ru_maxrss / 1024.0;
  return -1;
}

/* ---- timing ------------------------------------------------------------- */

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
summarise (Result *r, double *times, guint runs)
{
  qsort (times, runs, sizeof *times, compare_doubles);
  r->min_s = times[0];
  r->median_s = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  r->ran = TRUE;
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* ---- the readers -------------------------------------------------------- */

static gboolean
time_maillage (const char *path, guint runs, Result *r, GError **error)
{
  g_autofree double *times = g_new (double, runs);
  gboolean reset = reset_peak_memory (r);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      double t0 = now_s ();
      g_autoptr(MgMap) map = mg_graphml_read_file (path, warnings, error);
      times[i] = now_s () - t0;
      if (map == NULL)
        return FALSE;
      if (i == 0)
        {
          r->n_actors = mg_map_get_n_actors (map);
          r->n_relations = mg_map_get_n_relations (map);
          if (warnings->len > 0)
            g_print ("note: the reader gave %u warnings, the first: %s\n", warnings->len,
                     (const char *) warnings->pdata[0]);
        }
    }
  r->peak_mb = peak_mb (reset);
  summarise (r, times, runs);
  return TRUE;
}

/* Times @runs runs of `xmllint --stream --noout @path` into @times, and
 * returns the child's peak resident memory in kB in @peak_kb (-1 unknown).
 *
 * The peak comes from GNU time when it is installed: a child forked by this
 * (large) process inherits its resident-memory high-water mark through exec,
 * so our own getrusage(RUSAGE_CHILDREN) would report this process's size,
 * not xmllint's; GNU time forks xmllint from a small process instead. */
static gboolean
run_xmllint (const char *xmllint, const char *gnu_time, const char *path, guint runs,
             double *times, long *peak_kb)
{
  const char *plain[] = { xmllint, "--stream", "--noout", path, NULL };
  const char *timed[] = { gnu_time, "-f", "maxrss-kb=%M", xmllint, "--stream", "--noout", path, NULL };
  const char **argv = gnu_time != NULL ? timed : plain;

  *peak_kb = -1;
  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;
      double t0 = now_s ();
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, &err, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("xmllint failed: %s %s\n", error->message, err != NULL ? err : "");
          return FALSE;
        }
      times[i] = now_s () - t0;
      const char *mark = err != NULL ? strstr (err, "maxrss-kb=") : NULL;
      if (mark != NULL)
        *peak_kb = MAX (*peak_kb, strtol (mark + strlen ("maxrss-kb="), NULL, 10));
    }
  return TRUE;
}

/* GNU time, which reports a child's peak memory with -f %M, or NULL. */
static char *
find_gnu_time (void)
{
  char *path = g_find_program_in_path ("time");
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { path, "-f", "maxrss-kb=%M", "true", NULL };

  if (path != NULL &&
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_SEARCH_PATH,
                    NULL, NULL, NULL, &err, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL) && err != NULL && strstr (err, "maxrss-kb=") != NULL)
    return path;
  g_free (path);
  return NULL;
}

static void
time_xmllint (const char *path, guint runs, Result *r)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    {
      r->skipped = "xmllint not found in PATH";
      return;
    }
  g_autofree char *gnu_time = find_gnu_time ();
  g_autofree double *times = g_new (double, runs);
  long peak_kb = -1;

  /* Process start-up is part of every run; measured on an empty document
   * so that the reader can tell it from parsing. */
  g_autofree char *empty = NULL;
  int fd = g_file_open_tmp ("bench-read-empty-XXXXXX.xml", &empty, NULL);
  if (fd >= 0)
    {
      gboolean written = write (fd, "<a/>\n", 5) == 5;
      close (fd);
      if (written && run_xmllint (xmllint, gnu_time, empty, runs, times, &peak_kb))
        {
          qsort (times, runs, sizeof *times, compare_doubles);
          r->startup_s = times[runs / 2];
        }
      g_unlink (empty);
    }

  if (!run_xmllint (xmllint, gnu_time, path, runs, times, &peak_kb))
    {
      r->skipped = "xmllint failed";
      return;
    }
  r->peak_mb = peak_kb > 0 ? peak_kb / 1024.0 : -1;
  summarise (r, times, runs);
}

static void
time_igraph (const char *path, guint runs, Result *r)
{
#ifdef BENCH_HAVE_IGRAPH
  g_autofree double *times = g_new (double, runs);

  /* With the C attribute handler igraph keeps every <data> value, as our
   * reader does; without it, it would skip them and the match would be unfair. */
  igraph_set_attribute_table (&igraph_cattribute_table);
  igraph_set_error_handler (igraph_error_handler_printignore);
  igraph_set_warning_handler (igraph_warning_handler_ignore);
  gboolean reset = reset_peak_memory (r);

  for (guint i = 0; i < runs; i++)
    {
      FILE *f = fopen (path, "rb");
      if (f == NULL)
        {
          r->skipped = "cannot open the file";
          return;
        }
      igraph_t graph;
      double t0 = now_s ();
      igraph_error_t rc = igraph_read_graph_graphml (&graph, f, 0);
      times[i] = now_s () - t0;
      fclose (f);
      if (rc == IGRAPH_UNIMPLEMENTED)
        {
          r->skipped = "this igraph was built without GraphML support";
          return;
        }
      if (rc != IGRAPH_SUCCESS)
        {
          r->skipped = "igraph could not read the file";
          return;
        }
      r->n_actors = (guint) igraph_vcount (&graph);
      r->n_relations = (guint) igraph_ecount (&graph);
      igraph_destroy (&graph);
    }
  r->peak_mb = peak_mb (reset);
  summarise (r, times, runs);
#else
  r->skipped = "not built with igraph (install libigraph-dev and reconfigure)";
#endif
}

/* ---- report ------------------------------------------------------------- */

static void
print_row (const Result *r, const Result *ours, double size_mb, guint n_actors)
{
  if (!r->ran)
    {
      g_print ("%-28s  skipped: %s\n", r->name, r->skipped);
      return;
    }
  g_autofree char *peak = r->peak_mb >= 0 ? g_strdup_printf ("%8.1f", r->peak_mb) : g_strdup ("       ?");
  g_autofree char *ratio = ours->ran ? g_strdup_printf ("%6.2f×", r->median_s / ours->median_s)
                                     : g_strdup ("      —");
  g_print ("%-28s %9.1f %9.1f %8.1f %11.0f %s %s\n", r->name, r->median_s * 1e3, r->min_s * 1e3,
           size_mb / r->median_s, n_actors / r->median_s, peak, ratio);
}

int
main (int argc, char **argv)
{
  SynthOptions synth = SYNTH_OPTIONS_INIT;
  gint runs = 5, actors = (gint) synth.n_actors, relations = (gint) synth.n_relations;
  gint64 seed = synth.seed;
  g_autoptr(GError) error = NULL;

  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Reads per reader (default 5)", "N" },
    { "actors", 'a', 0, G_OPTION_ARG_INT, &actors, "Actors of the generated map (default 20000)", "N" },
    { "relations", 'r', 0, G_OPTION_ARG_INT, &relations, "Relations of the generated map (default 60000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated map (default 1)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE] — time reading a GraphML map");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-read: %s\n", error->message);
      return 2;
    }
  if (runs < 1 || actors < 0 || relations < 0 || seed < 0 || seed > G_MAXUINT32 || argc > 2)
    {
      g_printerr ("bench-read: bad arguments (see --help)\n");
      return 2;
    }

  g_autofree char *path = NULL;
  gboolean generated = argc < 2;
  if (generated)
    {
      int fd = g_file_open_tmp ("bench-read-XXXXXX.graphml", &path, &error);
      if (fd < 0)
        {
          g_printerr ("bench-read: %s\n", error->message);
          return 1;
        }
      close (fd);
      synth.n_actors = (guint) actors;
      synth.n_relations = (guint) relations;
      synth.seed = (guint32) seed;
      double t0 = now_s ();
      if (!synth_map_write (&synth, path, &error))
        {
          g_printerr ("bench-read: %s\n", error->message);
          g_unlink (path);
          return 1;
        }
      g_print ("Generated %u actors, %u relations (seed %u) in %.0f ms\n", synth.n_actors,
               synth.n_relations, synth.seed, (now_s () - t0) * 1e3);
    }
  else
    path = g_strdup (argv[1]);

  GStatBuf st;
  if (g_stat (path, &st) != 0)
    {
      g_printerr ("bench-read: %s: %s\n", path, g_strerror (errno));
      return 1;
    }
  double size_mb = st.st_size / (1024.0 * 1024.0);

  /* Read once so that every reader starts with the file in the page cache. */
  {
    g_autofree char *contents = NULL;
    g_file_get_contents (path, &contents, NULL, NULL);
  }

  Result ours = { .name = "maillage mg_graphml_read", .peak_mb = -1, .base_mb = -1, .startup_s = -1 };
  Result xmllint = { .name = "xmllint --stream --noout", .peak_mb = -1, .base_mb = -1, .startup_s = -1 };
  Result igraph = { .name = "igraph_read_graph_graphml", .peak_mb = -1, .base_mb = -1, .startup_s = -1 };

  int status = 0;
  if (!time_maillage (path, (guint) runs, &ours, &error))
    {
      g_printerr ("bench-read: mg_graphml_read_file failed: %s\n", error->message);
      status = 1;
    }
  time_xmllint (path, (guint) runs, &xmllint);
  time_igraph (path, (guint) runs, &igraph);

  g_print ("\nFile %s: %.1f MB", path, size_mb);
  if (ours.ran)
    g_print (", %u actors, %u relations", ours.n_actors, ours.n_relations);
  g_print (" — %d runs per reader\n\n", runs);
  g_print ("%-28s %9s %9s %8s %11s %8s %7s\n", "reader", "median ms", "min ms", "MB/s", "actors/s",
           "peak MB", "vs ours");
  guint n_actors = ours.ran ? ours.n_actors : igraph.n_actors;
  print_row (&ours, &ours, size_mb, n_actors);
  print_row (&xmllint, &ours, size_mb, n_actors);
  print_row (&igraph, &ours, size_mb, n_actors);
  if (igraph.ran && ours.ran && (igraph.n_actors != ours.n_actors || igraph.n_relations != ours.n_relations))
    g_print ("note: igraph read %u vertices and %u edges\n", igraph.n_actors, igraph.n_relations);
  g_print ("\npeak MB: highest resident memory while that reader ran: for xmllint, of the child "
           "process (measured through GNU time, ? without it); for the in-process readers, of this "
           "whole process");
  if (ours.base_mb >= 0)
    g_print (", which held %.1f MB before reading", ours.base_mb);
  g_print (".\n");
  if (xmllint.ran && xmllint.startup_s > 0 && xmllint.median_s > xmllint.startup_s)
    g_print ("xmllint times include starting the process: %.1f ms on an empty document, so about "
             "%.1f ms of parsing.\n", xmllint.startup_s * 1e3, (xmllint.median_s - xmllint.startup_s) * 1e3);
  g_print (""
           "vs ours: median time relative to Maillage's reader (above 1: slower than ours).\n");

  if (generated)
    g_unlink (path);
  return status;
}
