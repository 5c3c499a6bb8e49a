/* bench-export.c — `maillage --export` against the Graphviz programs.
 *
 * Issue 3's target: `maillage --export out.svg --layout sfdp` of a generated
 * map costs at most 1.2× `sfdp -Tsvg` on the same graph (the engine is the
 * floor), at 1,000 and 5,000 actors, and the same for PNG at 300 DPI
 * against `sfdp -Tpng -Gdpi=300`.
 *
 * "The same graph" is the one our layout hands to Graphviz, written by
 * mg_layout_request_write_dot(): the actors' footprints as node sizes and
 * the overlap removal we ask for, so that both sides do the same layout
 * work.  The bare structure (what `graphml2gv` would give: default node
 * sizes, no overlap removal) is timed too, for reference.
 *
 * Runs alternate between the programs; the figure is the median CPU time
 * (user + system) of each child, steadier than wall time on a shared
 * machine.  Then the time of each phase of our command, in process.
 *
 *   bench-export [--runs N] [--actors N[,N…]] [MAILLAGE]
 *
 * MAILLAGE is the maillage executable (default: $MAILLAGE_BIN, else
 * the build tree's, else `maillage` in PATH).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>

#include "mg-export.h"
#include "mg-graphml.h"
#include "mg-layout.h"
#include "mg-scene.h"
#include "synth-map.h"

typedef struct {
  double cpu;  /* user + system, seconds */
  double wall; /* seconds */
} Cost;

static double
tv_seconds (const struct timeval *tv)
{
  return tv->tv_sec + tv->tv_usec / 1e6;
}

/* Runs @argv with stdout/stderr to /dev/null; FALSE if it fails. */
static gboolean
run_child (char **argv, Cost *cost)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;
  cost->wall = (g_get_monotonic_time () - start) / 1e6;
  cost->cpu = tv_seconds (&usage.ru_utime) + tv_seconds (&usage.ru_stime);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct {
  const char *name;
  char      **argv;
  double     *cpu;
  double     *wall;
  gboolean    failed;
} Contender;

/* Alternates the contenders @runs times (after one warm-up each). */
static void
race (Contender *contenders, guint n, guint runs)
{
  for (guint r = 0; r <= runs; r++)
    for (guint c = 0; c < n; c++)
      {
        Cost cost = { 0, 0 };

        if (contenders[c].failed)
          continue;
        if (!run_child (contenders[c].argv, &cost))
          {
            g_autofree char *line = g_strjoinv (" ", contenders[c].argv);
            fprintf (stderr, "bench-export: failed: %s\n", line);
            contenders[c].failed = TRUE;
            continue;
          }
        if (r > 0)
          {
            contenders[c].cpu[r - 1] = cost.cpu;
            contenders[c].wall[r - 1] = cost.wall;
          }
      }
}

static void
report (Contender *contenders, guint n, guint runs)
{
  double ours = 0, floor_cpu = 0;

  for (guint c = 0; c < n; c++)
    {
      if (contenders[c].failed)
        {
          printf ("    %-48s failed\n", contenders[c].name);
          continue;
        }
      double cpu = median (contenders[c].cpu, runs);
      double wall = median (contenders[c].wall, runs);
      if (c == 0)
        ours = cpu;
      else if (c == 1)
        floor_cpu = cpu;
      printf ("    %-48s %7.3f s CPU  %7.3f s wall\n", contenders[c].name, cpu, wall);
    }
  if (ours > 0 && floor_cpu > 0)
    printf ("    ratio maillage / sfdp on the same graph: %.2f× (target ≤ 1.2×)\n",
            ours / floor_cpu);
}

static void
append_attributes (GString *out, void *object, int kind, Agraph_t *g, gboolean defaults)
{
  Agsym_t *sym = NULL;
  gboolean first = TRUE;

  while ((sym = agnxtattr (g, kind, sym)) != NULL)
    {
      /* A graph's own values are its attributes' defaults. */
      gboolean all = defaults || kind == AGRAPH;
      const char *value = defaults ? sym->defval : agxget (object, sym);
      if (value == NULL || (!all && g_strcmp0 (value, sym->defval) == 0) || (all && *value == '\0'))
        continue;
      g_string_append_printf (out, "%s%s=\"%s\"", first ? " [" : ", ", sym->name, value);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, "]");
}

/* agwrite() declares a node where it first meets it, so reading its output
 * back creates the nodes in another order than ours, and sfdp's result
 * (and its cost) depends on that order.  Rewrites @path with the nodes in
 * our order (a0, a1, …) and each node's edges in their order, so that the
 * `sfdp` program does exactly the layout our pipeline does.  Without
 * territory boxes (sfdp has none). */
static void
canonicalise_dot (const char *path)
{
  FILE *in = g_fopen (path, "r");
  Agraph_t *g = in ? agread (in, NULL) : NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) nodes = g_ptr_array_new ();
  Agnode_t *n;

  if (in != NULL)
    fclose (in);
  if (g == NULL)
    g_error ("cannot read back %s", path);
  g_string_append_printf (out, "%s maillage {\n  graph", agisdirected (g) ? "digraph" : "graph");
  append_attributes (out, g, AGRAPH, g, FALSE);
  g_string_append (out, ";\n  node");
  append_attributes (out, NULL, AGNODE, g, TRUE);
  /* Our nodes are unlabelled; agwrite() leaves the empty default out. */
  g_string_append (out, ";\n  node [label=\"\"];\n  edge");
  append_attributes (out, NULL, AGEDGE, g, TRUE);
  g_string_append (out, ";\n");
  g_ptr_array_set_size (nodes, agnnodes (g));
  for (n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      guint index = (guint) g_ascii_strtoull (agnameof (n) + 1, NULL, 10);
      g_assert (index < nodes->len);
      nodes->pdata[index] = n;
    }
  for (guint i = 0; i < nodes->len; i++)
    {
      g_string_append_printf (out, "  %s", agnameof (nodes->pdata[i]));
      append_attributes (out, nodes->pdata[i], AGNODE, g, FALSE);
      g_string_append (out, ";\n");
    }
  for (guint i = 0; i < nodes->len; i++)
    for (Agedge_t *e = agfstout (g, nodes->pdata[i]); e != NULL; e = agnxtout (g, e))
      g_string_append_printf (out, "  %s %s %s;\n", agnameof (agtail (e)),
                              agisdirected (g) ? "->" : "--", agnameof (aghead (e)));
  g_string_append (out, "}\n");
  agclose (g);
  g_file_set_contents (path, out->str, out->len, NULL);
}

/* The bare structure of the map, as `graphml2gv` would give it. */
static void
write_bare_gv (MgMap *map, const char *path)
{
  g_autoptr (GString) gv = g_string_new ("digraph bare {\n");
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);
      g_string_append_printf (gv, "  n%u -> n%u;\n", r->source->index, r->target->index);
    }
  g_string_append (gv, "}\n");
  g_file_set_contents (path, gv->str, gv->len, NULL);
}

static double
seconds_since (gint64 *t)
{
  gint64 now = g_get_monotonic_time ();
  double s = (now - *t) / 1e6;
  *t = now;
  return s;
}

/* Each phase of the command, in process (one run). */
static void
phases (const char *graphml, const char *dir, MgExportFormat format, double dpi)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (dir, format == MG_EXPORT_FORMAT_PNG ? "phase.png"
                                                                                : "phase.svg",
                                           NULL);
  gint64 t = g_get_monotonic_time ();
  g_autoptr (MgMap) map = mg_graphml_read_file (graphml, NULL, &error);
  double read = seconds_since (&t);
  MgLayoutOptions layout;
  MgExportOptions options;

  g_assert_no_error (error);
  mg_layout_options_init (&layout);
  layout.engine = MG_LAYOUT_ENGINE_SFDP;
  if (!mg_layout_map_sync (map, &layout, NULL, &error))
    g_error ("layout: %s", error->message);
  double lay = seconds_since (&t);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  double build = seconds_since (&t);
  mg_export_options_init (&options);
  options.format = format;
  if (dpi > 0)
    options.dpi = dpi;
  if (!mg_export_scene_to_file (scene, &options, out, &error))
    g_error ("export: %s", error->message);
  double export = seconds_since (&t);
  printf ("    phases in process: read %.3f s, layout %.3f s, scene %.3f s, %s %.3f s\n",
          read, lay, build, mg_export_format_to_string (format), export);
  g_unlink (out);
}

static void
bench_size (const char *maillage, const char *sfdp, guint n, guint runs)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_autofree char *graphml = g_build_filename (dir, "map.graphml", NULL);
  g_autofree char *gv = g_build_filename (dir, "map.gv", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.gv", NULL);
  g_autofree char *ours_svg = g_build_filename (dir, "ours.svg", NULL);
  g_autofree char *theirs_svg = g_build_filename (dir, "theirs.svg", NULL);
  g_autofree char *ours_png = g_build_filename (dir, "ours.png", NULL);
  g_autofree char *theirs_png = g_build_filename (dir, "theirs.png", NULL);
  g_autoptr (GError) error = NULL;
  SynthOptions synth = SYNTH_OPTIONS_INIT;
  MgLayoutOptions layout;

  synth.n_actors = n;
  synth.n_relations = n * 5 / 2;
  synth.seed = 3;
  if (!synth_map_write (&synth, graphml, &error))
    g_error ("%s", error->message);
  {
    g_autoptr (MgMap) map = mg_graphml_read_file (graphml, NULL, &error);
    g_assert_no_error (error);
    mg_layout_options_init (&layout);
    layout.engine = MG_LAYOUT_ENGINE_SFDP;
    g_autoptr (MgLayoutRequest) request = mg_layout_request_new (map, &layout);
    if (!mg_layout_request_write_dot (request, gv, &error))
      g_error ("%s", error->message);
    canonicalise_dot (gv);
    if (g_getenv ("BENCH_EXPORT_KEEP_DOT") != NULL)
      {
        g_autofree char *kept = g_strdup_printf ("bench-export-%u.gv", n);
        g_autofree char *text = NULL;
        gsize len;
        if (g_file_get_contents (gv, &text, &len, NULL))
          g_file_set_contents (kept, text, len, NULL);
      }
    write_bare_gv (map, bare);
  }

  printf ("%u actors, %u relations (gen-map --actors %u --relations %u --seed 3)\n", n,
          synth.n_relations, n, synth.n_relations);

  double cpu[4][64], wall[4][64];
  char *svg_ours[] = { (char *) maillage, "--export", ours_svg, "--layout", "sfdp", graphml, NULL };
  char *svg_theirs[] = { (char *) sfdp, "-Tsvg", "-o", theirs_svg, gv, NULL };
  char *svg_bare[] = { (char *) sfdp, "-Tsvg", "-o", theirs_svg, bare, NULL };
  Contender svg[] = {
    { "maillage --export out.svg --layout sfdp", svg_ours, cpu[0], wall[0], FALSE },
    { "sfdp -Tsvg (same graph)", svg_theirs, cpu[1], wall[1], FALSE },
    { "sfdp -Tsvg (bare structure, no overlap removal)", svg_bare, cpu[2], wall[2], FALSE },
  };
  printf ("  SVG\n");
  race (svg, G_N_ELEMENTS (svg), runs);
  report (svg, G_N_ELEMENTS (svg), runs);
  phases (graphml, dir, MG_EXPORT_FORMAT_SVG, 0);

  char *png_ours[] = { (char *) maillage, "--export", ours_png, "--dpi", "300", "--layout", "sfdp",
                       graphml, NULL };
  char *png_theirs[] = { (char *) sfdp, "-Tpng", "-Gdpi=300", "-o", theirs_png, gv, NULL };
  Contender png[] = {
    { "maillage --export out.png --dpi 300", png_ours, cpu[0], wall[0], FALSE },
    { "sfdp -Tpng -Gdpi=300 (same graph)", png_theirs, cpu[1], wall[1], FALSE },
  };
  printf ("  PNG at 300 DPI\n");
  race (png, G_N_ELEMENTS (png), runs);
  report (png, G_N_ELEMENTS (png), runs);
  phases (graphml, dir, MG_EXPORT_FORMAT_PNG, 300);
  {
    /* What each side drew: the sizes say whether the work compares. */
    guint w, h;
    for (guint k = 0; k < 2; k++)
      {
        const char *path = k == 0 ? ours_png : theirs_png;
        g_autofree char *bytes = NULL;
        gsize len;
        if (g_file_get_contents (path, &bytes, &len, NULL) && len > 24)
          {
            const guchar *b = (const guchar *) bytes;
            w = (guint) b[16] << 24 | (guint) b[17] << 16 | (guint) b[18] << 8 | b[19];
            h = (guint) b[20] << 24 | (guint) b[21] << 16 | (guint) b[22] << 8 | b[23];
            printf ("    %s image: %u × %u pixels (%.1f MP), %.1f MB\n",
                    k == 0 ? "maillage" : "sfdp", w, h, w * (double) h / 1e6, len / 1e6);
          }
      }
  }

  const char *files[] = { graphml, gv, bare, ours_svg, theirs_svg, ours_png, theirs_png };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_unlink (files[i]);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *maillage = NULL;
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  g_autofree char *sizes_text = NULL;
  g_auto (GStrv) sizes = NULL;
  int runs = 5;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each program (default 5)", "N" },
    { "actors", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Map sizes (default 1000,5000)", "N,…" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[MAILLAGE]");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-export: %s\n", error->message);
      return 2;
    }
  runs = CLAMP (runs, 1, 64);
  if (argc > 1)
    maillage = g_strdup (argv[1]);
  else if (g_getenv ("MAILLAGE_BIN") != NULL)
    maillage = g_strdup (g_getenv ("MAILLAGE_BIN"));
  else
    {
      /* Run by hand from the build tree: build/tests/bench → build/src. */
      g_autofree char *here = g_path_get_dirname (argv[0]);
      g_autofree char *built = g_build_filename (here, "..", "..", "src", "maillage", NULL);
      maillage = g_file_test (built, G_FILE_TEST_IS_EXECUTABLE) ? g_steal_pointer (&built)
                                                                 : g_find_program_in_path ("maillage");
    }
  if (maillage == NULL || sfdp == NULL)
    {
      fprintf (stderr, "bench-export: needs %s\n", maillage == NULL ? "maillage" : "sfdp");
      return 77;
    }
  sizes = g_strsplit (sizes_text != NULL ? sizes_text : "1000,5000", ",", -1);

  printf ("Median CPU time (user + system) of %d alternating runs of each program.\n", runs);
  for (guint i = 0; sizes[i] != NULL; i++)
    bench_size (maillage, sfdp, (guint) g_ascii_strtoull (sizes[i], NULL, 10), (guint) runs);
  return 0;
}
