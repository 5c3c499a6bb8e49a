/* bench-lens.c — how fast lenses, filters and metrics answer on a large map.
 *
 * Builds (in code, deterministically) an ecosystem of 20,000 actors and
 * 60,000 relations by preferential attachment, with roles, territories
 * "Region/Department/City", relation kinds and explicit lessons on ~15% of
 * the items, then prints:
 *   - the time to build the CSR adjacency;
 *   - the median time to re-evaluate after a lens toggle, a mode / hide
 *     switch, a filter change, a derived-rule change, a change of lens
 *     level, a change of combine threshold and a map edit (target: ≤ 5 ms
 *     after a toggle, a level or a threshold change);
 *   - the time of betweenness centrality (all threads, and one).
 *
 * Usage: bench-lens [N_ACTORS [N_RELATIONS]] [--no-betweenness]
 */
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>
#include <time.h>
#include "mg-map.h"
#include "mg-metrics.h"
#include "mg-visibility.h"

#define REPEATS 41

static MgMap *
build_map (guint n_actors, guint n_relations, guint32 seed)
{
  static const char *const departments[] = { "Puy-de-Dôme", "Allier", "Cantal", "Haute-Loire",
                                             "Isère", "Rhône", "Savoie", "Loire" };
  MgMap *map = mg_map_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  guint n_roles = mg_vocab_n_builtin_roles ();
  guint n_kinds = mg_vocab_n_builtin_kinds ();
  /* Every relation end once: picking a random entry picks an actor in
   * proportion to its degree (preferential attachment). */
  g_autoptr(GArray) ends = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * n_relations);
  GPtrArray *actors;
  guint per_actor = MAX (n_relations / MAX (n_actors, 1), 1);
  guint made = 0;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *label = g_strdup_printf ("Acteur %u de l'écosystème", i);
      MgActor *actor = mg_map_add_actor (map, id);
      guint r = g_rand_int_range (rand, 0, 100);

      mg_map_set_actor_label (map, actor, label);
      /* A few unknown roles, a few actors without role. */
      if (r < 3)
        mg_map_set_actor_role (map, actor, "mystery");
      else if (r >= 5)
        mg_map_set_actor_role (map, actor, mg_vocab_builtin_role (g_rand_int_range (rand, 0, n_roles))->id);
      if (g_rand_int_range (rand, 0, 100) >= 4)
        {
          g_autofree char *territory =
            g_strdup_printf ("Auvergne-Rhône-Alpes/%s/Ville %u",
                             departments[g_rand_int_range (rand, 0, G_N_ELEMENTS (departments))],
                             g_rand_int_range (rand, 0, 12));
          mg_map_set_actor_territory (map, actor, territory);
        }
      if (g_rand_int_range (rand, 0, 100) < 15)
        mg_map_set_actor_lessons (map, actor, 1u << g_rand_int_range (rand, 0, MG_N_LESSONS));
    }

  actors = mg_map_get_actors (map);
  for (guint i = 1; i < n_actors && made < n_relations; i++)
    for (guint k = 0; k < per_actor && made < n_relations; k++)
      {
        guint target = ends->len > 0 && g_rand_boolean (rand)
                         ? g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len))
                         : (guint) g_rand_int_range (rand, 0, i);
        MgRelation *rel = mg_map_add_relation (map, g_ptr_array_index (actors, i),
                                               g_ptr_array_index (actors, target), NULL,
                                               g_rand_int_range (rand, 0, 100) < 70);

        mg_map_set_relation_kind (map, rel, mg_vocab_builtin_kind (g_rand_int_range (rand, 0, n_kinds))->id);
        if (g_rand_int_range (rand, 0, 100) < 15)
          mg_map_set_relation_lessons (map, rel, 1u << g_rand_int_range (rand, 0, MG_N_LESSONS));
        g_array_append_val (ends, i);
        g_array_append_val (ends, target);
        made++;
      }
  /* Top up with preferential pairs if the per-actor quota fell short. */
  while (made < n_relations && n_actors > 1)
    {
      guint s = g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len));
      guint t = g_rand_int_range (rand, 0, n_actors);
      MgRelation *rel = mg_map_add_relation (map, g_ptr_array_index (actors, s),
                                             g_ptr_array_index (actors, t), NULL, TRUE);

      mg_map_set_relation_kind (map, rel, mg_vocab_builtin_kind (g_rand_int_range (rand, 0, n_kinds))->id);
      g_array_append_val (ends, s);
      g_array_append_val (ends, t);
      made++;
    }
  g_rand_free (rand);
  return map;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *samples, guint n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[n / 2];
}

/* CPU time of the whole process (all threads), in ms: the machine may be
 * shared, and wall time then says little about the work. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread, in ms: what a step costs when the machine is
 * shared (wall time then waits for the other processes). */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef void (*Step) (MgVisibility *vis, guint i);

static double last_cpu_median;

/* Median time of (step + re-evaluation); the median CPU time of the same
 * steps is left in last_cpu_median. */
static double
time_steps (MgVisibility *vis, Step step)
{
  double samples[REPEATS], cpu[REPEATS];

  for (guint i = 0; i < REPEATS; i++)
    {
      double t0 = now_ms (), c0 = thread_cpu_ms ();

      step (vis, i);
      mg_visibility_get_result (vis);
      samples[i] = now_ms () - t0;
      cpu[i] = thread_cpu_ms () - c0;
    }
  last_cpu_median = median (cpu, REPEATS);
  return median (samples, REPEATS);
}

static void
step_toggle_lens (MgVisibility *vis, guint i)
{
  mg_visibility_set_lesson_active (vis, i % MG_N_LESSONS, !(i & 4));
}

static void
step_mode (MgVisibility *vis, guint i)
{
  MgLensSettings s;

  mg_visibility_get_lens_settings (vis, &s);
  s.active = MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN);
  s.mode = i & 1 ? MG_LENS_MODE_ALL : MG_LENS_MODE_ANY;
  s.unmatched = i & 2 ? MG_UNMATCHED_HIDE : MG_UNMATCHED_FADE;
  mg_visibility_set_lens_settings (vis, &s);
}

static void
step_derived (MgVisibility *vis, guint i)
{
  MgLensSettings s;

  mg_visibility_get_lens_settings (vis, &s);
  s.combine_threshold = 3 + (i & 1);
  s.lens_level = (i / 2) % 3;
  mg_visibility_set_lens_settings (vis, &s);
}

/* The lens level alone: region, department, city in turn. */
static void
step_level (MgVisibility *vis, guint i)
{
  MgLensSettings s;

  mg_visibility_get_lens_settings (vis, &s);
  s.lens_level = 1 + i % 3;
  mg_visibility_set_lens_settings (vis, &s);
}

/* The combine threshold alone: 2, 3, 4 families in turn. */
static void
step_threshold (MgVisibility *vis, guint i)
{
  MgLensSettings s;

  mg_visibility_get_lens_settings (vis, &s);
  s.combine_threshold = 2 + i % 3;
  mg_visibility_set_lens_settings (vis, &s);
}

static void
step_filter (MgVisibility *vis, guint i)
{
  g_autoptr(MgFilter) filter = mg_filter_new ();

  switch (i % 4)
    {
    case 0:
      mg_filter_set_roles (filter, (const char *[]) { "sme", "startup", "university", NULL });
      break;
    case 1:
      mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
      mg_filter_set_kinds (filter, (const char *[]) { "support", "funding", NULL });
      break;
    case 2:
      mg_filter_set_search (filter, i & 4 ? "ecosysteme 12" : "ÉCOSYSTÈME 1");
      break;
    default:
      mg_filter_set_focus (filter, (const char *[]) { "n0", "n17", NULL }, 2, MG_FOCUS_BOTH);
      filter->min_degree = 2;
      break;
    }
  mg_visibility_set_filter (vis, filter);
}

static void
step_edit (MgVisibility *vis, guint i)
{
  MgMap *map = mg_visibility_get_map (vis);
  MgRelation *rel = g_ptr_array_index (mg_map_get_relations (map), (i * 7919) % mg_map_get_n_relations (map));

  mg_map_set_relation_kind (map, rel, i & 1 ? "knowledge" : "supply");
}

int
main (int argc, char **argv)
{
  guint n_actors = 20000, n_relations = 60000;
  gboolean with_betweenness = TRUE;
  guint positional = 0;
  g_autoptr(MgMap) map = NULL;
  g_autoptr(MgVisibility) vis = NULL;
  const MgVisibilityResult *res;
  double samples[REPEATS];
  double t0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--no-betweenness") == 0)
        with_betweenness = FALSE;
      else if (positional++ == 0)
        n_actors = (guint) atoi (argv[i]);
      else
        n_relations = (guint) atoi (argv[i]);
    }

  t0 = now_ms ();
  map = build_map (n_actors, n_relations, 20240601);
  g_print ("map: %u actors, %u relations (built in %.0f ms)\n",
           mg_map_get_n_actors (map), mg_map_get_n_relations (map), now_ms () - t0);

  for (guint i = 0; i < REPEATS; i++)
    {
      g_autoptr(MgAdjacency) adj = NULL;

      t0 = now_ms ();
      adj = mg_adjacency_new (map);
      samples[i] = now_ms () - t0;
    }
  g_print ("adjacency (CSR) build:              median %7.3f ms\n", median (samples, REPEATS));

  vis = mg_visibility_new (map);
  t0 = now_ms ();
  res = mg_visibility_get_result (vis);
  g_print ("first evaluation (all caches):      %7.3f ms\n", now_ms () - t0);
  for (guint l = 0; l < MG_N_LESSONS; l++)
    g_print ("  %-9s %6u actors, %6u relations match\n", mg_lesson_info (l)->id,
             res->actors_matching[l], res->relations_matching[l]);

  g_print ("re-evaluate after a lens toggle:    median %7.3f ms  (target <= 5 ms)",
           time_steps (vis, step_toggle_lens));
  g_print (", CPU %.3f ms\n", last_cpu_median);
  g_print ("after any/all or fade/hide switch:  median %7.3f ms\n", time_steps (vis, step_mode));
  g_print ("after a filter change:              median %7.3f ms\n", time_steps (vis, step_filter));
  g_print ("after a derived-rule change:        median %7.3f ms\n", time_steps (vis, step_derived));
  g_print ("after a change of lens level:       median %7.3f ms  (target <= 5 ms)",
           time_steps (vis, step_level));
  g_print (", CPU %.3f ms\n", last_cpu_median);
  g_print ("after a change of combine threshold: median %6.3f ms  (target <= 5 ms)",
           time_steps (vis, step_threshold));
  g_print (", CPU %.3f ms\n", last_cpu_median);
  g_print ("after a map edit (relation kind):   median %7.3f ms\n", time_steps (vis, step_edit));

  res = mg_visibility_get_result (vis);
  g_print ("  (last result: %u actors, %u relations visible)\n",
           res->n_actors_visible, res->n_relations_visible);

  if (with_betweenness)
    {
      MgAdjacency *adj = mg_visibility_get_adjacency (vis);
      guint threads[] = { 0, 1 };

      for (guint k = 0; k < G_N_ELEMENTS (threads); k++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree double *values = NULL;
          g_autoptr(GPtrArray) brokers = NULL;

          double c0 = cpu_ms ();

          t0 = now_ms ();
          values = mg_metrics_betweenness (adj, MG_BETWEENNESS_DEFAULT, threads[k],
                                           NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          g_print ("betweenness (%u thread%s):         %9.0f ms wall, %9.0f ms CPU\n",
                   threads[k] ? threads[k] : g_get_num_processors (),
                   (threads[k] ? threads[k] : g_get_num_processors ()) > 1 ? "s" : " ",
                   now_ms () - t0, cpu_ms () - c0);
          brokers = mg_metrics_top_brokers (map, values, 3);
          for (guint i = 0; i < brokers->len; i++)
            g_print ("  broker %u: %s (%.0f)\n", i + 1, ((MgActor *) brokers->pdata[i])->id,
                     values[((MgActor *) brokers->pdata[i])->index]);
        }
    }
  return 0;
}
