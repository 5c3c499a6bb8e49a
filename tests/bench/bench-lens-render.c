/* bench-lens-render — drawing lenses on a 20,000-actor map.
 *
 * The map is built in code like bench-render's (a jittered grid, 100 pt
 * apart, relations mostly between near neighbours, 1 % across the map),
 * with territories by blocks of 10 × 10 cells so that the care and learn
 * rules both match thousands of relations, and every 7th actor tagged
 * "combine".  Prints the time to copy a lens result into the scene (the
 * bridge) and the median frame times (wall and CPU) on a 1920×1080 ARGB32
 * surface, zoomed to fit and to a tenth of the map's width, with no lens,
 * one lens and two — the no-lens figures are bench-render's, for
 * comparison.  BENCH_LENS_PNG_DIR=dir writes the frames there as PNG.
 *
 *   bench-lens-render [n_actors] [n_relations] [frames]
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mg-render-cairo.h"
#include "mg-scene-bridge.h"

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
build_map (guint n_actors, guint n_relations)
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
  GPtrArray *actors;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = g_strdup_printf ("Actor %u", i);
      g_autofree char *territory = g_strdup_printf ("Region %u/Department %u", (i / cols) / 30,
                                                    ((i % cols) / 10) + 100 * ((i / cols) / 10));
      MgActor *a = mg_map_add_actor (map, id);
      mg_map_set_actor_label (map, a, label);
      mg_map_set_actor_role (map, a, roles[i % G_N_ELEMENTS (roles)]);
      mg_map_set_actor_territory (map, a, territory);
      if (i % 7 == 0)
        mg_map_set_actor_lessons (map, a, MG_LESSON_BIT (MG_LESSON_COMBINE));
      xy[2 * i] = (i % cols) * 100.0 + g_rand_double_range (rand, -25, 25);
      xy[2 * i + 1] = (i / cols) * 100.0 + g_rand_double_range (rand, -25, 25);
    }
  mg_map_apply_positions (map, xy, NULL);
  actors = mg_map_get_actors (map);

  for (guint k = 0; k < n_relations; k++)
    {
      guint s = g_rand_int_range (rand, 0, (gint32) n_actors), t;
      if (g_rand_double_range (rand, 0, 100) < 1.0)
        t = g_rand_int_range (rand, 0, (gint32) n_actors);
      else
        {
          int dx = g_rand_int_range (rand, -2, 3), dy = g_rand_int_range (rand, -2, 3);
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

static double
median_frame (MgScene *scene, cairo_t *cr, const MgViewport *vp, guint frames, double *cpu)
{
  g_autofree double *t = g_new (double, frames);
  g_autofree double *c = g_new (double, frames);
  MgRenderOptions options;

  mg_render_options_init (&options);
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
  return t[frames / 2];
}

static void
frames_for (const char *name, MgScene *scene, cairo_t *cr, const MgViewport *fit,
            const MgViewport *tenth, guint frames)
{
  const char *dir = g_getenv ("BENCH_LENS_PNG_DIR");
  double cpu, wall;

  wall = median_frame (scene, cr, fit, frames, &cpu);
  printf ("  frame, fit, %-14s %7.2f ms median, %6.2f ms CPU\n", name, wall, cpu);
  if (dir)
    {
      g_autofree char *file = g_strdup_printf ("%s/lens-fit-%s.png", dir, name);
      cairo_surface_write_to_png (cairo_get_target (cr), file);
    }
  wall = median_frame (scene, cr, tenth, frames, &cpu);
  printf ("  frame, 1/10, %-14s %7.2f ms median, %6.2f ms CPU\n", name, wall, cpu);
  if (dir)
    {
      g_autofree char *file = g_strdup_printf ("%s/lens-tenth-%s.png", dir, name);
      cairo_surface_write_to_png (cairo_get_target (cr), file);
    }
}

static void
apply (MgScene *scene, MgVisibility *vis, MgLessonSet active)
{
  MgLensSettings settings;
  gint64 start;

  mg_lens_settings_init (&settings);
  settings.active = active;
  mg_visibility_set_lens_settings (vis, &settings);
  mg_visibility_get_result (vis);
  start = g_get_monotonic_time ();
  mg_scene_bridge_apply_visibility (scene, vis);
  printf ("  bridge, %-21s %7.1f ms\n", active ? "lens into scene" : "lens off",
          (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int argc, char **argv)
{
  guint n_actors = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  guint n_relations = argc > 2 ? (guint) atoi (argv[2]) : 60000;
  guint frames = argc > 3 ? (guint) atoi (argv[3]) : 11;
  g_autoptr (MgMap) map = build_map (n_actors, n_relations);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (MgVisibility) vis = mg_visibility_new (map);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  MgViewport fit, tenth;
  MgRect bounds;

  printf ("bench-lens-render: %u actors, %u relations, %u frames per figure\n", n_actors,
          n_relations, frames);
  mg_scene_get_bounds (scene, &bounds);
  mg_viewport_fit (&fit, &bounds, 1920, 1080, 10);
  tenth = fit;
  tenth.scale = fit.scale * 10;
  tenth.x = bounds.x + bounds.width / 2 - 960 / tenth.scale;
  tenth.y = bounds.y + bounds.height / 2 - 540 / tenth.scale;

  frames_for ("no lens", scene, cr, &fit, &tenth, frames);

  apply (scene, vis, MG_LESSON_BIT (MG_LESSON_CARE));
  const MgVisibilityResult *r = mg_visibility_get_result (vis);
  printf ("  care matches                %u actors, %u relations\n",
          r->actors_matching[MG_LESSON_CARE], r->relations_matching[MG_LESSON_CARE]);
  frames_for ("care", scene, cr, &fit, &tenth, frames);

  apply (scene, vis, MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN));
  r = mg_visibility_get_result (vis);
  printf ("  learn matches               %u actors, %u relations\n",
          r->actors_matching[MG_LESSON_LEARN], r->relations_matching[MG_LESSON_LEARN]);
  frames_for ("care+learn", scene, cr, &fit, &tenth, frames);

  apply (scene, vis, MG_LESSON_BIT (MG_LESSON_COMBINE));
  frames_for ("combine", scene, cr, &fit, &tenth, frames);

  apply (scene, vis, 0);
  frames_for ("lenses off", scene, cr, &fit, &tenth, frames);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
