/* bench-layout.c — how long Graphviz layouts take through mg_layout_run().
 *
 * Random sparse maps (about 2.5 relations per actor) of 100 to 20,000
 * actors are built in code and laid out by each engine within its range
 * (mg-layout.h); each configuration runs in a child process of its own so
 * that its peak memory is its own (and a Graphviz crash only loses its
 * row).  fdp with territory boxes runs the fdp program in a child process
 * of its own (mg-layout-subprocess.c): its CPU time counts, and its peak
 * memory when larger than ours.  Prints a table: median seconds of a few
 * runs, CPU seconds per run (ours and children's), peak RSS, overlapping
 * actor pairs, curved routes, territory boxes and faults.  Then compares
 * sfdp through our pipeline with the `sfdp -Tsvg` program on the same
 * graph.
 *
 *   bench-layout            the table (about ten minutes: circo, curves)
 *   bench-layout --quick    100, 300 and 1,000 actors only
 *   bench-layout --one ENGINE N LEVEL ROUTES RUNS [name value]…
 *                           one configuration (what the table runs)
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mg-layout.h"

/* ---- maps ---------------------------------------------------------------- */

/* @n actors; a random tree plus 1.5 n random relations; with @level > 0,
 * territories "Region r/Department d/City c" (about √n / 3 regions of four
 * departments of three cities). */
static MgMap *
make_map (guint n, guint level)
{
  MgMap *map = mg_map_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (n);
  guint n_regions = MAX (2, (guint) sqrt (n) / 3);
  GPtrArray *actors;

  for (guint i = 0; i < n; i++)
    {
      MgActor *actor = mg_map_add_actor (map, NULL);
      if (level > 0)
        {
          g_autofree char *territory = g_strdup_printf (
              "Region %u/Department %u/City %u", g_rand_int_range (rand, 0, n_regions),
              g_rand_int_range (rand, 0, 4), g_rand_int_range (rand, 0, 3));
          mg_map_set_actor_territory (map, actor, territory);
        }
    }
  actors = mg_map_get_actors (map);
  for (guint i = 1; i < n; i++)
    mg_map_add_relation (map, actors->pdata[i], actors->pdata[g_rand_int_range (rand, 0, i)],
                         NULL, FALSE);
  for (guint i = 0; i < n * 3 / 2; i++)
    mg_map_add_relation (map, actors->pdata[g_rand_int_range (rand, 0, n)],
                         actors->pdata[g_rand_int_range (rand, 0, n)], NULL, FALSE);
  return map;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static int
compare_box_x0 (const void *a, const void *b)
{
  return compare_double (&((const MgLayoutBox *) a)->x0, &((const MgLayoutBox *) b)->x0);
}

/* Pairs of actors whose footprints overlap by more than a point (sweep on x). */
static guint64
count_overlaps (const MgLayoutResult *result)
{
  g_autofree MgLayoutBox *boxes = g_new (MgLayoutBox, MAX (result->n_actors, 1));
  guint64 n = 0;

  for (guint i = 0; i < result->n_actors; i++)
    boxes[i] = result->actors[i].footprint;
  qsort (boxes, result->n_actors, sizeof *boxes, compare_box_x0);
  for (guint i = 0; i < result->n_actors; i++)
    for (guint j = i + 1; j < result->n_actors && boxes[j].x0 + 1 < boxes[i].x1; j++)
      n += boxes[i].y0 + 1 < boxes[j].y1 && boxes[j].y0 + 1 < boxes[i].y1;
  return n;
}

static gboolean
box_inside (const MgLayoutBox *outer, const MgLayoutBox *inner)
{
  return inner->x0 >= outer->x0 - 0.5 && inner->y0 >= outer->y0 - 0.5
         && inner->x1 <= outer->x1 + 0.5 && inner->y1 <= outer->y1 + 0.5;
}

/* Territory boxes that overlap a sibling, plus actors outside their
 * innermost box: what grouping must avoid. */
static guint
count_cluster_faults (const MgLayoutResult *result, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  guint faults = 0;

  for (guint i = 0; i < result->n_clusters; i++)
    for (guint j = i + 1; j < result->n_clusters; j++)
      {
        const MgLayoutBox *a = &result->clusters[i].box, *b = &result->clusters[j].box;
        if (result->clusters[i].parent == result->clusters[j].parent
            && a->x0 + 1 < b->x1 && b->x0 + 1 < a->x1 && a->y0 + 1 < b->y1 && b->y0 + 1 < a->y1)
          faults++;
      }
  for (guint i = 0; i < result->n_actors && result->n_clusters > 0; i++)
    {
      const char *territory = ((MgActor *) actors->pdata[i])->territory;
      int best = -1;

      for (guint c = 0; c < result->n_clusters; c++)
        {
          const char *path = result->clusters[c].territory;
          gsize len = strlen (path);

          if (territory != NULL && strncmp (territory, path, len) == 0
              && (territory[len] == '\0' || territory[len] == '/')
              && (best < 0 || result->clusters[c].depth > result->clusters[best].depth))
            best = (int) c;
        }
      if (best >= 0 && !box_inside (&result->clusters[best].box, &result->actors[i].footprint))
        faults++;
    }
  return faults;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Ours, or that of the largest child (the fdp program) when larger. */
static long
peak_rss_kb (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return MAX (self.ru_maxrss, children.ru_maxrss);
}

static double
cpu_seconds (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return self.ru_utime.tv_sec + self.ru_stime.tv_sec + children.ru_utime.tv_sec
         + children.ru_stime.tv_sec
         + (self.ru_utime.tv_usec + self.ru_stime.tv_usec + children.ru_utime.tv_usec
            + children.ru_stime.tv_usec) / 1e6;
}

/* ---- one configuration (child process) ---------------------------------- */

static int
run_one (int argc, char **argv)
{
  MgLayoutOptions options;
  g_autoptr (MgMap) map = NULL;
  g_autoptr (GPtrArray) attributes = g_ptr_array_new ();
  double times[9];
  guint n, level, runs, done = 0;
  guint64 overlaps = 0;
  guint routes = 0, cluster_faults = 0, n_clusters = 0;
  MgLayoutEngine engine_used = MG_LAYOUT_ENGINE_AUTO;
  double cpu = 0;

  if (argc < 7)
    return 2;
  mg_layout_options_init (&options);
  if (!mg_layout_engine_from_string (argv[2], &options.engine))
    return 2;
  n = atoi (argv[3]);
  level = atoi (argv[4]);
  options.group_by_territory_level = level;
  options.routes = g_str_equal (argv[5], "curved") ? MG_LAYOUT_ROUTES_CURVED
                   : g_str_equal (argv[5], "straight") ? MG_LAYOUT_ROUTES_STRAIGHT
                                                       : MG_LAYOUT_ROUTES_AUTO;
  runs = CLAMP (atoi (argv[6]), 1, (int) G_N_ELEMENTS (times));
  options.force = TRUE;
  for (int i = 7; i + 1 < argc; i += 2)
    {
      g_ptr_array_add (attributes, argv[i]);
      g_ptr_array_add (attributes, argv[i + 1]);
    }
  g_ptr_array_add (attributes, NULL);
  options.graph_attributes = (const char *const *) attributes->pdata;

  map = make_map (n, level);
  while (done < runs)
    {
      g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, &options);
      g_autoptr (MgLayoutResult) result = NULL;
      g_autoptr (GError) error = NULL;
      double start = now (), cpu_start = cpu_seconds ();

      result = mg_layout_run (request, NULL, &error);
      cpu += cpu_seconds () - cpu_start;
      if (result == NULL)
        {
          printf ("error %s\n", error->message);
          return 1;
        }
      times[done++] = now () - start;
      if (done == 1)
        {
          overlaps = count_overlaps (result);
          cluster_faults = count_cluster_faults (result, map);
          n_clusters = result->n_clusters;
          engine_used = result->engine;
          for (guint i = 0; i < result->n_routes; i++)
            routes += result->routes[i].points != NULL;
        }
      if (times[0] > 5.0)
        break; /* slow: one run tells enough */
    }
  qsort (times, done, sizeof (double), compare_double);
  printf ("%.3f %ld %" G_GUINT64_FORMAT " %u %s %u %u %u %.3f\n", times[done / 2], peak_rss_kb (),
          overlaps, routes, mg_layout_engine_to_string (engine_used), done, n_clusters,
          cluster_faults, cpu / done);
  return 0;
}

/* ---- the table ------------------------------------------------------------ */

static char *self_path;

static gboolean
spawn_one (const char *engine, guint n, guint level, const char *routes,
           const char *const *extra, char **out_line)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_ptr_array_add (args, g_strdup (self_path));
  g_ptr_array_add (args, g_strdup ("--one"));
  g_ptr_array_add (args, g_strdup (engine));
  g_ptr_array_add (args, g_strdup_printf ("%u", n));
  g_ptr_array_add (args, g_strdup_printf ("%u", level));
  g_ptr_array_add (args, g_strdup (routes));
  g_ptr_array_add (args, g_strdup (n <= 1000 ? "5" : "3"));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (extra[i]));
  g_ptr_array_add (args, NULL);
  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      /* A Graphviz crash (fdp with territory boxes runs in a process of
       * its own, and falls back to dot). */
      *out_line = g_strdup (out != NULL && *out ? g_strstrip (out) : error->message);
      return FALSE;
    }
  *out_line = g_strdup (g_strstrip (out));
  return TRUE;
}

static gboolean
in_range (MgLayoutEngine engine, guint n, guint level, MgLayoutRoutes routes)
{
  g_autoptr (MgMap) map = make_map (n, level);
  MgLayoutOptions options;
  g_autoptr (MgLayoutRequest) request = NULL;
  g_autofree char *reason = NULL;

  mg_layout_options_init (&options);
  options.engine = engine;
  options.group_by_territory_level = level;
  options.routes = routes;
  request = mg_layout_request_new (map, &options);
  mg_layout_request_get_engine (request, &reason);
  return reason == NULL;
}

static void
table_row (const char *label, const char *engine, guint n, guint level, const char *routes,
           const char *const *extra)
{
  g_autofree char *line = NULL;
  g_auto (GStrv) f = NULL;

  printf ("%-34s %6u  ", label, n);
  fflush (stdout);
  if (!spawn_one (engine, n, level, routes, extra, &line))
    {
      printf ("%s\n", line);
      return;
    }
  f = g_strsplit (line, " ", -1);
  if (g_strv_length (f) < 9)
    {
      printf ("%s\n", line);
      return;
    }
  printf ("%8s s  %6s s  %7.1f MB  %9s  %7s  %-6s  %6s/%-4s (%s run%s)\n", f[0], f[8],
          atol (f[1]) / 1024.0, f[2], f[3], f[4], f[6], f[7], f[5],
          g_str_equal (f[5], "1") ? "" : "s");
}

static void
engine_rows (guint n, gboolean quick)
{
  static const MgLayoutEngine engines[] = {
    MG_LAYOUT_ENGINE_AUTO, MG_LAYOUT_ENGINE_SFDP,  MG_LAYOUT_ENGINE_FDP,
    MG_LAYOUT_ENGINE_NEATO, MG_LAYOUT_ENGINE_TWOPI, MG_LAYOUT_ENGINE_CIRCO,
    MG_LAYOUT_ENGINE_DOT,
  };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      const char *name = mg_layout_engine_to_string (engines[e]);
      g_autofree char *label = NULL;

      if (!in_range (engines[e], n, 0, MG_LAYOUT_ROUTES_STRAIGHT))
        continue;
      label = g_strdup_printf ("%s, straight", name);
      table_row (label, name, n, 0, "straight", NULL);
      if (in_range (engines[e], n, 0, MG_LAYOUT_ROUTES_CURVED) && n <= 300)
        {
          g_clear_pointer (&label, g_free);
          label = g_strdup_printf ("%s, curved routes", name);
          table_row (label, name, n, 0, "curved", NULL);
        }
    }
  if (in_range (MG_LAYOUT_ENGINE_FDP, n, 1, MG_LAYOUT_ROUTES_STRAIGHT))
    {
      table_row ("fdp, regions (straight)", "fdp", n, 1, "straight", NULL);
      if (!quick || n <= 1000)
        table_row ("fdp, departments (straight)", "fdp", n, 2, "straight", NULL);
    }
  if (n <= 300)
    table_row ("dot, regions, curved", "dot", n, 1, "curved", NULL);
  table_row ("auto, regions (auto routes)", "auto", n, 1, "auto", NULL);
}

/* ---- our pipeline against the sfdp program ------------------------------ */

/* The graph mg_layout_run() gives sfdp, as a .gv file. */
static void
write_gv (MgMap *map, const char *path, gboolean overlap_removal)
{
  g_autoptr (GString) gv = g_string_new ("graph maillage {\n");
  GPtrArray *relations = mg_map_get_relations (map);
  char w[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (gv, "  graph [splines=none, fontname=Sans, fontsize=12");
  if (overlap_removal)
    g_string_append (gv, ", overlap=prism");
  g_string_append_printf (gv, "];\n  node [shape=box, fixedsize=true, label=\"\", width=%s, height=%s];\n",
                          g_ascii_formatd (w, sizeof w, "%.3f", MG_LAYOUT_DEFAULT_SHAPE_SIZE / 72.0),
                          w);
  g_string_append (gv, "  edge [dir=none, headclip=false, tailclip=false];\n");
  for (guint i = 0; i < mg_map_get_n_actors (map); i++)
    g_string_append_printf (gv, "  a%u;\n", i);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);
      g_string_append_printf (gv, "  a%u -- a%u;\n", r->source->index, r->target->index);
    }
  g_string_append (gv, "}\n");
  g_file_set_contents (path, gv->str, gv->len, NULL);
}

static void
compare_with_program (guint n)
{
  g_autoptr (MgMap) map = make_map (n, 0);
  g_autofree char *dir = g_dir_make_tmp ("bench-layout-XXXXXX", NULL);
  g_autofree char *gv_path = g_build_filename (dir, "map.gv", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *program = g_find_program_in_path ("sfdp");
  double ours[3], theirs[3], pipeline[3];

  for (guint r = 0; r < 3; r++)
    {
      MgLayoutOptions options;
      g_autoptr (MgLayoutRequest) request = NULL;
      g_autoptr (MgLayoutResult) result = NULL;
      double t0, t1;

      mg_layout_options_init (&options);
      options.engine = MG_LAYOUT_ENGINE_SFDP;
      t0 = now ();
      request = mg_layout_request_new (map, &options);
      t1 = now ();
      result = mg_layout_run (request, NULL, NULL);
      ours[r] = now () - t1;
      mg_layout_result_apply (result, map);
      pipeline[r] = now () - t0;
    }
  write_gv (map, gv_path, n <= 1000);
  for (guint r = 0; r < 3 && program != NULL; r++)
    {
      const char *argv[] = { program, "-Tsvg", gv_path, "-o", svg_path, NULL };
      double t0 = now ();
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                         &status, NULL))
        program = NULL;
      theirs[r] = now () - t0;
    }
  qsort (ours, 3, sizeof (double), compare_double);
  qsort (pipeline, 3, sizeof (double), compare_double);
  qsort (theirs, 3, sizeof (double), compare_double);
  printf ("sfdp %6u actors: mg_layout_run %.3f s, request+run+apply %.3f s, "
          "`sfdp -Tsvg` program %s%.3f s\n",
          n, ours[1], pipeline[1], program ? "" : "(not found) ", program ? theirs[1] : 0.0);
  g_unlink (gv_path);
  g_unlink (svg_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");
  const guint sizes[] = { 100, 300, 1000, 5000, 20000 };

  if (argc > 1 && g_str_equal (argv[1], "--one"))
    return run_one (argc, argv);

  self_path = g_canonicalize_filename (argv[0], NULL);
  printf ("Layout through mg_layout_run(), random maps with 2.5 relations per actor.\n"
          "Median of up to 5 runs (3 beyond 1,000 actors; 1 when a run takes > 5 s);\n"
          "CPU seconds per run, with the fdp program's for fdp with boxes; peak RSS of\n"
          "the process (or of the fdp program when larger); overlapping actor pairs;\n"
          "curved routes; territory boxes and faults (sibling boxes overlapping,\n"
          "actors outside their box).\n\n");
  printf ("%-34s %6s  %10s  %8s  %10s  %9s  %7s  %-6s  %s\n", "configuration", "actors", "time",
          "CPU", "peak RSS", "overlaps", "curves", "engine", "boxes/faults");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      if (quick && sizes[s] > 1000)
        break;
      engine_rows (sizes[s], quick);
      printf ("\n");
    }
  for (guint n = 1000; n <= (quick ? 1000u : 5000u); n *= 5)
    compare_with_program (n);
  return 0;
}
