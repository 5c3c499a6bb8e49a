/* bench-write — how fast Maillage saves a large map.
 *
 *   bench-write [FILE…] [--runs N] [--actors N] [--relations N]
 *
 * Without FILE, a synthetic ecosystem map (20 000 actors, 60 000 relations,
 * with positions; the document gen-map writes) is generated into a temporary
 * file and read.  Each map is then written N times to a string
 * (mg_graphml_write_to_string) and N times atomically to a file beside the
 * temporary one (mg_graphml_write_file: temporary file, fsync, rename); the
 * medians are printed with the output size.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mg-graphml.h"
#include "synth-map.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static gboolean
bench_map (const char *name, const char *path, const char *out_dir, guint runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgMap) map = mg_graphml_read_file (path, NULL, &error);
  g_autofree double *to_string = g_new (double, runs);
  g_autofree double *to_file = g_new (double, runs);
  g_autofree char *out_path = g_build_filename (out_dir, "bench-write-out.graphml", NULL);
  gsize length = 0;

  if (map == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return FALSE;
    }
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *text = mg_graphml_write_to_string (map, &length, &error);

      to_string[i] = (g_get_monotonic_time () - start) / 1e6;
      if (text == NULL)
        {
          g_printerr ("%s: %s\n", name, error->message);
          return FALSE;
        }
    }
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!mg_graphml_write_file (map, out_path, &error))
        {
          g_printerr ("%s: %s\n", name, error->message);
          return FALSE;
        }
      to_file[i] = (g_get_monotonic_time () - start) / 1e6;
    }
  g_unlink (out_path);

  printf ("%-40s %7u actors %7u relations  %8.2f MB  to string %8.1f ms (%6.1f MB/s)"
          "  to file (atomic, fsync) %8.1f ms\n",
          name, mg_map_get_n_actors (map), mg_map_get_n_relations (map),
          length / 1e6, median (to_string, runs) * 1e3,
          length / 1e6 / median (to_string, runs), median (to_file, runs) * 1e3);
  return TRUE;
}

int
main (int argc, char **argv)
{
  SynthOptions options = SYNTH_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  guint runs = 5;
  gboolean ok = TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        runs = (guint) MAX (1, strtol (argv[i + 1], NULL, 10)), i++;
      else if (strcmp (argv[i], "--actors") == 0 && i + 1 < argc)
        options.n_actors = atoi (argv[++i]);
      else if (strcmp (argv[i], "--relations") == 0 && i + 1 < argc)
        options.n_relations = atoi (argv[++i]);
      else
        g_ptr_array_add (files, argv[i]);
    }

  dir = g_dir_make_tmp ("bench-write-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (files->len == 0)
    {
      g_autofree char *synth = g_build_filename (dir, "synthetic.graphml", NULL);
      g_autofree char *name = g_strdup_printf ("synthetic %u/%u", options.n_actors,
                                               options.n_relations);

      options.positions = TRUE;
      if (!synth_map_write (&options, synth, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      ok = bench_map (name, synth, dir, runs);
      g_unlink (synth);
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (path);

      ok &= bench_map (name, path, dir, runs);
    }
  g_rmdir (dir);
  return ok ? 0 : 1;
}
