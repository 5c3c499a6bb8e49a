/* bench-report.c — how fast the territory report is computed on a large map.
 *
 *   bench-report [--actors N] [--relations N] [--runs N] [--betweenness]
 *
 * Generates the synthetic ecosystem gen-map writes (20,000 actors, 60,000
 * relations by default: five regions with departments and cities, national
 * actors at "France"), reads it, and times mg_report_new() at levels 1 and 2
 * (median and worst of N runs), then the JSON and text outputs.  Betweenness
 * is excluded, as in the app, which keeps it cached (it takes tens of
 * seconds on this size: see bench-lens); the report is given one value per
 * actor (the degrees, unless --betweenness computes the real one first).
 * Target: <= 50 ms per level.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mg-adjacency.h"
#include "mg-graphml.h"
#include "mg-metrics.h"
#include "mg-report.h"
#include "synth-map.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* CPU time of this thread, in ms: steadier than wall time on a shared
 * machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
time_level (MgMap *map, guint level, const double *values, guint runs)
{
  g_autofree double *ms = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  guint n_territories = 0;

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();
      g_autoptr (MgReport) report = mg_report_new (map, level, values, mg_map_get_n_actors (map));

      cpu[i] = cpu_ms () - c0;
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      n_territories = report->territories->len;
    }
  qsort (ms, runs, sizeof (double), compare_doubles);
  qsort (cpu, runs, sizeof (double), compare_doubles);
  printf ("report level %u: %u territories, wall median %.2f ms (best %.2f, worst %.2f), "
          "CPU median %.2f ms (target 50 ms)\n", level, n_territories, ms[runs / 2], ms[0],
          ms[runs - 1], cpu[runs / 2]);
}

int
main (int argc, char **argv)
{
  SynthOptions options = SYNTH_OPTIONS_INIT;
  guint runs = 21;
  gboolean real_betweenness = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree double *values = NULL;
  g_autoptr (MgMap) map = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--actors") == 0 && i + 1 < argc)
        options.n_actors = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "--relations") == 0 && i + 1 < argc)
        options.n_relations = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          runs = n > 0 ? (guint) n : 1;
        }
      else if (strcmp (argv[i], "--betweenness") == 0)
        real_betweenness = TRUE;
      else
        {
          fprintf (stderr, "usage: %s [--actors N] [--relations N] [--runs N] [--betweenness]\n",
                   argv[0]);
          return 2;
        }
    }

  dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "map.graphml", NULL);
  if (!synth_map_write (&options, path, &error))
    g_error ("%s", error->message);
  map = mg_graphml_read_file (path, warnings, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  printf ("map: %u actors, %u relations\n", mg_map_get_n_actors (map),
          mg_map_get_n_relations (map));

  {
    g_autoptr (MgAdjacency) adj = mg_adjacency_new (map);
    gint64 t0 = g_get_monotonic_time ();

    if (real_betweenness)
      {
        values = mg_metrics_betweenness (adj, MG_BETWEENNESS_DEFAULT, 0, NULL, NULL, NULL, NULL);
        printf ("betweenness (not in the report's time): %.1f s\n",
                (g_get_monotonic_time () - t0) / 1e6);
      }
    else
      values = mg_metrics_degree_values (adj);
  }

  /* The part the report builds on: territories split and interned. */
  {
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr (MgTerritoryIndex) index = mg_territory_index_new (map);

    printf ("territory index: %.2f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  }
  time_level (map, 1, values, runs);
  time_level (map, 2, values, runs);
  {
    g_autoptr (MgReport) report = mg_report_new (map, 2, values, mg_map_get_n_actors (map));
    gint64 t0 = g_get_monotonic_time ();
    g_autofree char *json = mg_report_to_json_string (report, map);
    gint64 t1 = g_get_monotonic_time ();
    g_autofree char *text = mg_report_to_text (report, map);
    gint64 t2 = g_get_monotonic_time ();

    printf ("level 2 as JSON: %.2f ms (%zu bytes); as text: %.2f ms\n", (t1 - t0) / 1000.0,
            strlen (json), (t2 - t1) / 1000.0);
  }
  return 0;
}
