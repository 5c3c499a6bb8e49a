/* bench-render — the scene and the cairo renderer on a 20,000-actor map.
 *
 * The map is built in code with positions, as a force-directed layout would
 * leave it: a jittered grid (100 pt apart) where relations mostly join near
 * neighbours — 95 % within two cells, 4 % within ten, 1 % anywhere across
 * the map (the fourth argument sets that last share, in percent).  Prints the scene build time, the median frame
 * time on a 1920×1080 ARGB32 surface zoomed to fit (level of detail on) and
 * zoomed to a tenth of the map's width (culling), hit-testing, incremental
 * updates and whole-map exports.
 *
 * Targets: ≤ 16 ms a frame at fit, ≤ 4 ms at a tenth.  Frame times are
 * printed as wall-clock and CPU medians: on a busy machine the CPU time of
 * the drawing thread is the steadier figure.  BENCH_RENDER_PNG_DIR=dir
 * writes the two frames there as PNG.
 *
 *   bench-render [n_actors] [n_relations] [frames] [percent_long]
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mg-export.h"
#include "mg-render-cairo.h"
#include "mg-scene.h"

/* CPU time of this thread, µs: less disturbed than the wall clock when the
 * machine is busy with other work. */
static gint64
cpu_time (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static MgMap *
build_map (guint n_actors, guint n_relations, double percent_long)
{
  MgMap *map = mg_map_new ();
  GRand *rand = g_rand_new_with_seed (2024);
  guint cols = (guint) ceil (sqrt (n_actors));
  g_autofree double *xy = g_new (double, 2 * n_actors);
  const char *roles[] = { "large-company", "sme", "startup", "university", "research-lab",
                          "education", "local-authority", "public-agency", "connector",
                          "financier", "real-estate", "association" };
  const char *kinds[] = { "partnership", "funding", "support", "supply", "knowledge",
                          "training", "research", "membership", "hosting" };
  const char *words[] = { "Innovation", "Agency", "Laboratory", "Cluster", "Foundation",
                          "Industries", "Campus", "Network", "Regional", "Partners" };
  GPtrArray *actors;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = (i % 3 == 0)
                                 ? g_strdup_printf ("%s %s %u", words[i % 10], words[(i / 10) % 10], i)
                                 : g_strdup_printf ("Actor %u", i);
      MgActor *a = mg_map_add_actor (map, id);
      mg_map_set_actor_label (map, a, label);
      mg_map_set_actor_role (map, a, roles[i % G_N_ELEMENTS (roles)]);
      xy[2 * i] = (i % cols) * 100.0 + g_rand_double_range (rand, -25, 25);
      xy[2 * i + 1] = (i / cols) * 100.0 + g_rand_double_range (rand, -25, 25);
    }
  mg_map_apply_positions (map, xy, NULL);
  actors = mg_map_get_actors (map);

  for (guint k = 0; k < n_relations; k++)
    {
      guint s = g_rand_int_range (rand, 0, (gint32) n_actors), t;
      double kind = g_rand_double_range (rand, 0, 100);
      if (kind < percent_long)
        t = g_rand_int_range (rand, 0, (gint32) n_actors);
      else
        {
          int reach = kind < percent_long + 4 ? 10 : 2;
          int dx = g_rand_int_range (rand, -reach, reach + 1);
          int dy = g_rand_int_range (rand, -reach, reach + 1);
          int c = (int) (s % cols) + dx, r = (int) (s / cols) + dy;
          if (c < 0 || c >= (int) cols || r < 0 || (guint) (r * cols + c) >= n_actors ||
              (dx == 0 && dy == 0))
            c = (int) (s % cols), r = (int) (s / cols) + (r > 0 ? -1 : 1);
          t = (guint) r * cols + (guint) c;
          if (t >= n_actors)
            t = (s + 1) % n_actors;
        }
      MgRelation *rel = mg_map_add_relation (map, g_ptr_array_index (actors, s),
                                             g_ptr_array_index (actors, t), NULL, k % 2 == 0);
      mg_map_set_relation_kind (map, rel, kinds[k % G_N_ELEMENTS (kinds)]);
    }
  g_rand_free (rand);
  return map;
}

/* Median wall-clock time of a frame (ms); its median CPU time in *cpu. */
static double
median_frame (MgScene *scene, cairo_t *cr, const MgViewport *vp, guint frames, double *cpu,
              double *max)
{
  g_autofree double *t = g_new (double, frames);
  g_autofree double *c = g_new (double, frames);
  MgRenderOptions options;

  mg_render_options_init (&options);
  /* One frame to warm caches (glyphs, layouts), as a canvas would have. */
  mg_render_cairo (scene, cr, vp, &options);
  for (guint i = 0; i < frames; i++)
    {
      gint64 start = g_get_monotonic_time (), cstart = cpu_time ();
      mg_render_cairo (scene, cr, vp, &options);
      cairo_surface_flush (cairo_get_target (cr));
      t[i] = (g_get_monotonic_time () - start) / 1000.0;
      c[i] = (cpu_time () - cstart) / 1000.0;
    }
  qsort (t, frames, sizeof (double), compare_double);
  qsort (c, frames, sizeof (double), compare_double);
  *cpu = c[frames / 2];
  *max = t[frames - 1];
  return t[frames / 2];
}

int
main (int argc, char **argv)
{
  guint n_actors = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  guint n_relations = argc > 2 ? (guint) atoi (argv[2]) : 60000;
  guint frames = argc > 3 ? (guint) atoi (argv[3]) : 21;
  double percent_long = argc > 4 ? g_ascii_strtod (argv[4], NULL) : 1.0;
  gint64 start;
  double mn, mx, med;
  MgRect bounds;

  printf ("bench-render: %u actors, %u relations (%g %% across the map), %u frames per figure\n",
          n_actors, n_relations, percent_long, frames);

  start = g_get_monotonic_time ();
  g_autoptr (MgMap) map = build_map (n_actors, n_relations, percent_long);
  printf ("  map built in code          %8.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  printf ("  scene build                %8.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  {
    g_autoptr (GPtrArray) dropped = mg_scene_get_dropped_labels (scene);
    printf ("  labels dropped             %8u of %u\n", dropped->len, n_actors);
  }

  mg_scene_get_bounds (scene, &bounds);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);

  MgViewport fit;
  mg_viewport_fit (&fit, &bounds, 1920, 1080, 10);
  med = median_frame (scene, cr, &fit, frames, &mn, &mx);
  printf ("  frame, fit (scale %.3f)    %8.2f ms median, %.2f ms CPU (max %.2f)  target ≤ 16\n",
          fit.scale, med, mn, mx);
  /* BENCH_RENDER_PNG_DIR=dir keeps the frames, to look at them. */
  const char *png_dir = g_getenv ("BENCH_RENDER_PNG_DIR");
  if (png_dir)
    {
      g_autofree char *path = g_build_filename (png_dir, "bench-render-fit.png", NULL);
      cairo_surface_write_to_png (surface, path);
    }

  MgViewport tenth = fit;
  tenth.scale = fit.scale * 10;
  tenth.x = bounds.x + bounds.width / 2 - 1920 / (2 * tenth.scale);
  tenth.y = bounds.y + bounds.height / 2 - 1080 / (2 * tenth.scale);
  {
    MgRect visible;
    mg_viewport_get_visible_rect (&tenth, &visible);
    g_autoptr (GPtrArray) items = mg_scene_query_rect (scene, &visible);
    med = median_frame (scene, cr, &tenth, frames, &mn, &mx);
    printf ("  frame, 1/10 (scale %.3f)   %8.2f ms median, %.2f ms CPU (max %.2f)  target ≤ 4;"
            " %u items visible\n", tenth.scale, med, mn, mx, items->len);
  }
  if (png_dir)
    {
      g_autofree char *path = g_build_filename (png_dir, "bench-render-tenth.png", NULL);
      cairo_surface_write_to_png (surface, path);
    }

  /* A tenth of the map, but at a corner (denser edges, fewer items). */
  {
    MgViewport corner = tenth;
    corner.x = bounds.x;
    corner.y = bounds.y;
    med = median_frame (scene, cr, &corner, frames, &mn, &mx);
    printf ("  frame, 1/10 at a corner    %8.2f ms median, %.2f ms CPU\n", med, mn);
  }

  /* Hit tests at random points, with a 4-pixel tolerance at 1/10 zoom. */
  {
    GRand *rand = g_rand_new_with_seed (7);
    guint n = 100000, hits = 0;
    start = g_get_monotonic_time ();
    for (guint i = 0; i < n; i++)
      {
        double x = g_rand_double_range (rand, bounds.x, bounds.x + bounds.width);
        double y = g_rand_double_range (rand, bounds.y, bounds.y + bounds.height);
        if (mg_scene_hit_test (scene, x, y, 4 / tenth.scale))
          hits++;
      }
    double us = (g_get_monotonic_time () - start) / (double) n;
    printf ("  hit test                   %8.2f µs each (%u%% of random points hit)\n", us,
            hits * 100 / n);
    g_rand_free (rand);
  }

  /* Moving actors one at a time, as a drag does (the scene follows the
   * map's signal, with its relations and nearby labels). */
  {
    GPtrArray *actors = mg_map_get_actors (map);
    guint n = 2000;
    start = g_get_monotonic_time ();
    for (guint i = 0; i < n; i++)
      {
        MgActor *a = g_ptr_array_index (actors, (i * 7919) % actors->len);
        mg_map_set_actor_position (map, a, a->x + 3, a->y + 2);
      }
    printf ("  update one actor (drag)    %8.2f µs each\n",
            (g_get_monotonic_time () - start) / (double) n);
  }

  /* Whole-map exports to memory. */
  {
    MgExportOptions o;
    g_autoptr (GError) error = NULL;
    mg_export_options_init (&o);
    o.dpi = 72;
    o.scale = 0.25;
    const MgExportFormat formats[] = { MG_EXPORT_FORMAT_PNG, MG_EXPORT_FORMAT_SVG, MG_EXPORT_FORMAT_PDF };
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        o.format = formats[i];
        start = g_get_monotonic_time ();
        g_autoptr (GBytes) bytes = mg_export_scene_to_bytes (scene, &o, &error);
        if (bytes == NULL)
          {
            printf ("  export %s failed: %s\n", mg_export_format_to_string (o.format), error->message);
            g_clear_error (&error);
            continue;
          }
        printf ("  export %s (scale 0.25)    %8.1f ms, %.1f MB\n",
                mg_export_format_to_string (o.format),
                (g_get_monotonic_time () - start) / 1000.0,
                g_bytes_get_size (bytes) / 1e6);
      }
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
