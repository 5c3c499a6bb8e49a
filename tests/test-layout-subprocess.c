/* test-layout-subprocess.c — fdp with territory boxes runs as the fdp
 * program in a child process (Graphviz 2.42's fdp crashes now and then on
 * clusters): its result is read back like an in-process layout, a crash or
 * nonsense falls back to dot with a note, and cancelling kills the child.
 * Stand-in programs are shell scripts given by MAILLAGE_FDP_PROGRAM. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mg-graphml.h"
#include "mg-layout.h"

#define EPS 0.01

static const char *const territories[] = {
  "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand",
  "Auvergne-Rhône-Alpes/Puy-de-Dôme/Riom",
  "Auvergne-Rhône-Alpes/Haute-Savoie/Annecy",
  "Grand Est/Moselle/Metz",
  "Grand Est/Bas-Rhin/Strasbourg",
};

/* @n actors in a ring with chords, a self-loop and parallel relations
 * both ways; every 7th actor has no territory. */
static MgMap *
make_map (guint n)
{
  MgMap *map = mg_map_new ();
  GPtrArray *actors;

  for (guint i = 0; i < n; i++)
    {
      MgActor *actor = mg_map_add_actor (map, NULL);
      g_autofree char *label = g_strdup_printf ("Actor number %u", i);

      mg_map_set_actor_label (map, actor, label);
      if (i % 7 != 6)
        mg_map_set_actor_territory (map, actor, territories[i % G_N_ELEMENTS (territories)]);
    }
  actors = mg_map_get_actors (map);
  for (guint i = 0; i < n; i++)
    {
      mg_map_add_relation (map, actors->pdata[i], actors->pdata[(i + 1) % n], NULL, TRUE);
      if (i % 3 == 0)
        mg_map_add_relation (map, actors->pdata[i], actors->pdata[(i * 7 + 2) % n], NULL, FALSE);
    }
  mg_map_add_relation (map, actors->pdata[1], actors->pdata[2], NULL, TRUE);
  mg_map_add_relation (map, actors->pdata[2], actors->pdata[1], NULL, TRUE);
  mg_map_add_relation (map, actors->pdata[3], actors->pdata[3], NULL, FALSE);
  return map;
}

static gboolean
box_contains (const MgLayoutBox *outer, const MgLayoutBox *inner)
{
  return inner->x0 >= outer->x0 - EPS && inner->y0 >= outer->y0 - EPS
         && inner->x1 <= outer->x1 + EPS && inner->y1 <= outer->y1 + EPS;
}

static gboolean
in_territory (const char *territory, const char *path)
{
  gsize len = strlen (path);

  return territory != NULL && strncmp (territory, path, len) == 0
         && (territory[len] == '\0' || territory[len] == '/');
}

/* Finite geometry; routes from their source to their target; every box
 * inside its parent's; every actor inside the boxes of its territory, and
 * as many of them as the grouping level (the territories here are deep
 * enough), the others in none. */
static void
assert_grouped_layout (const MgLayoutResult *result, MgMap *map, guint level)
{
  GPtrArray *actors = mg_map_get_actors (map);

  g_assert_cmpuint (result->n_actors, ==, actors->len);
  g_assert_cmpuint (result->n_routes, ==, mg_map_get_n_relations (map));
  g_assert_cmpuint (result->n_clusters, >, 0);
  for (guint i = 0; i < result->n_actors; i++)
    {
      const MgLayoutActor *a = &result->actors[i];

      g_assert_true (isfinite (a->x) && isfinite (a->y));
      g_assert_cmpfloat (fabs (a->y - a->height / 2 - a->footprint.y0), <, EPS);
      g_assert_true (box_contains (&result->bounds, &a->footprint));
    }
  for (guint i = 0; i < result->n_routes; i++)
    {
      const MgLayoutRoute *r = &result->routes[i];
      const MgLayoutActor *s = &result->actors[r->source], *t = &result->actors[r->target];

      if (r->points == NULL)
        continue;
      g_assert_cmpuint (r->n_points % 3, ==, 1);
      g_assert_cmpfloat (hypot (r->points[0] - s->x, r->points[1] - s->y), <, 1.0);
      g_assert_cmpfloat (hypot (r->points[2 * r->n_points - 2] - t->x,
                                r->points[2 * r->n_points - 1] - t->y), <, 1.0);
    }
  for (guint c = 0; c < result->n_clusters; c++)
    {
      const MgLayoutCluster *cluster = &result->clusters[c];

      g_assert_true (isfinite (cluster->box.x0) && isfinite (cluster->box.y1));
      g_assert_cmpfloat (cluster->box.x1, >, cluster->box.x0);
      g_assert_true (g_str_has_suffix (cluster->territory, cluster->label));
      if (cluster->parent >= 0)
        g_assert_true (box_contains (&result->clusters[cluster->parent].box, &cluster->box));
      else
        g_assert_cmpuint (cluster->depth, ==, 1);
    }
  for (guint i = 0; i < actors->len; i++)
    {
      const char *territory = ((MgActor *) actors->pdata[i])->territory;
      guint inside = 0;

      for (guint c = 0; c < result->n_clusters; c++)
        if (in_territory (territory, result->clusters[c].territory))
          {
            g_assert_true (box_contains (&result->clusters[c].box, &result->actors[i].footprint));
            inside++;
          }
      if (territory == NULL)
        g_assert_cmpuint (inside, ==, 0);
      else
        g_assert_cmpuint (inside, ==, MIN (level, 1 + (guint) (strchr (territory, '/') != NULL)
                                                    + (guint) (strrchr (territory, '/')
                                                               != strchr (territory, '/'))));
    }
}

static gboolean
has_message (const MgLayoutResult *result, const char *part)
{
  for (guint i = 0; i < result->messages->len; i++)
    if (strstr (g_ptr_array_index (result->messages, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static MgLayoutResult *
run_fdp (MgMap *map, guint level, MgLayoutRoutes routes)
{
  MgLayoutOptions options;
  g_autoptr (MgLayoutRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  MgLayoutResult *result;

  mg_layout_options_init (&options);
  options.engine = MG_LAYOUT_ENGINE_FDP;
  options.group_by_territory_level = level;
  options.routes = routes;
  request = mg_layout_request_new (map, &options);
  result = mg_layout_run (request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gboolean
skip_without_fdp (void)
{
  g_autofree char *fdp = g_find_program_in_path ("fdp");

  if (fdp == NULL)
    g_test_skip ("the fdp program (Graphviz) is not installed");
  return fdp == NULL;
}

/* ---- stand-in programs ------------------------------------------------- */

typedef struct {
  char *dir;
  char *program; /* the script */
  char *calls;   /* a file the script appends a line to per call */
} FakeFdp;

/* Writes a script that first records its call, then runs @body, and makes
 * it the fdp program of the layouts. */
static FakeFdp *
fake_fdp_new (const char *body)
{
  FakeFdp *fake = g_new0 (FakeFdp, 1);
  g_autofree char *script = NULL;
  g_autoptr (GError) error = NULL;

  fake->dir = g_dir_make_tmp ("test-layout-fdp-XXXXXX", &error);
  g_assert_no_error (error);
  fake->program = g_build_filename (fake->dir, "fdp", NULL);
  fake->calls = g_build_filename (fake->dir, "calls", NULL);
  script = g_strdup_printf ("#!/bin/sh\n"
                            "ulimit -c 0\n"
                            "echo \"$*\" >> '%s'\n"
                            "%s\n",
                            fake->calls, body);
  g_file_set_contents (fake->program, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fake->program, 0755), ==, 0);
  g_setenv ("MAILLAGE_FDP_PROGRAM", fake->program, TRUE);
  return fake;
}

static guint
fake_fdp_calls (FakeFdp *fake)
{
  g_autofree char *text = NULL;
  guint n = 0;

  if (!g_file_get_contents (fake->calls, &text, NULL, NULL))
    return 0;
  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
fake_fdp_free (FakeFdp *fake)
{
  g_autoptr (GDir) dir = g_dir_open (fake->dir, 0, NULL);
  const char *name;

  g_setenv ("MAILLAGE_FDP_PROGRAM", "", TRUE); /* the real fdp */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fake->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fake->dir);
  g_free (fake->dir);
  g_free (fake->program);
  g_free (fake->calls);
  g_free (fake);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeFdp, fake_fdp_free)

/* ---- tests --------------------------------------------------------------- */

/* The example maps, grouped by region and by department: fdp's boxes, read
 * back from the program, hold their actors. */
static void
test_example_map (void)
{
  const char *names[] = { "clermont-auvergne.graphml", "france-territorial-innovation.graphml" };

  if (skip_without_fdp ())
    return;
  for (guint m = 0; m < G_N_ELEMENTS (names); m++)
    for (guint level = 1; level <= 2; level++)
      {
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "maps",
                                                       names[m], NULL);
        g_autoptr (GError) error = NULL;
        g_autoptr (MgMap) map = mg_graphml_read_file (path, NULL, &error);
        g_autoptr (MgLayoutResult) result = NULL;

        g_assert_no_error (error);
        result = run_fdp (map, level, MG_LAYOUT_ROUTES_AUTO);
        g_test_message ("%s, level %u: %u boxes", names[m], level, result->n_clusters);
        /* A crash twice in a row (rare at this size) would give dot. */
        if (result->engine == MG_LAYOUT_ENGINE_DOT)
          g_assert_true (has_message (result, "The fdp layout failed twice"));
        else
          g_assert_cmpint (result->engine, ==, MG_LAYOUT_ENGINE_FDP);
        assert_grouped_layout (result, map, level);
        mg_layout_result_apply (result, map);
        g_assert_true (mg_map_has_positions (map));
      }
}

/* Curved routes on a map with parallel relations and a self-loop: each
 * relation gets the route of its own edge back (the program's output is
 * matched by edge number, not by endpoints). */
static void
test_curved_parallel (void)
{
  g_autoptr (MgMap) map = make_map (24);
  g_autoptr (MgLayoutResult) result = NULL;
  guint curved = 0;

  if (skip_without_fdp ())
    return;
  result = run_fdp (map, 3, MG_LAYOUT_ROUTES_CURVED);
  if (result->engine == MG_LAYOUT_ENGINE_DOT)
    g_assert_true (has_message (result, "The fdp layout failed twice"));
  else
    g_assert_false (has_message (result, "dot"));
  assert_grouped_layout (result, map, 3);
  for (guint i = 0; i < result->n_routes; i++)
    curved += result->routes[i].points != NULL;
  g_assert_cmpuint (curved, ==, result->n_routes);
}

/* Pinned actors stay where they are (fdp is given their positions; the
 * layout is then anchored on them, as in process), and the territory
 * boxes still hold their actors. */
static void
test_pinned (void)
{
  g_autoptr (MgMap) map = make_map (24);
  g_autoptr (MgLayoutResult) result = NULL;
  GPtrArray *actors = mg_map_get_actors (map);
  const guint pinned[] = { 0, 5, 11 };
  const double px[] = { 1000, 1400, 1200 }, py[] = { -500, -500, -100 };

  if (skip_without_fdp ())
    return;
  for (guint k = 0; k < G_N_ELEMENTS (pinned); k++)
    {
      mg_map_set_actor_position (map, actors->pdata[pinned[k]], px[k], py[k]);
      mg_map_set_actor_pinned (map, actors->pdata[pinned[k]], TRUE);
    }
  result = run_fdp (map, 1, MG_LAYOUT_ROUTES_STRAIGHT);
  for (guint i = 0; i < result->messages->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (result->messages, i));
  for (guint k = 0; k < G_N_ELEMENTS (pinned); k++)
    {
      g_assert_true (result->actors[pinned[k]].pinned);
      g_assert_cmpfloat (result->actors[pinned[k]].x, ==, px[k]);
      g_assert_cmpfloat (result->actors[pinned[k]].y, ==, py[k]);
    }
  /* Anchored near the pins: no box outside the region they span, give or
   * take the map's size. */
  g_assert_cmpfloat (result->bounds.x0, >, -2000);
  g_assert_cmpfloat (result->bounds.x1, <, 4000);
  for (guint c = 0; c < result->n_clusters; c++)
    g_assert_true (isfinite (result->clusters[c].box.x0));
}

static void
check_fallback (const char *body, guint expected_calls, const char *why)
{
  g_autoptr (FakeFdp) fake = fake_fdp_new (body);
  g_autoptr (MgMap) map = make_map (30);
  g_autoptr (MgLayoutResult) result = run_fdp (map, 2, MG_LAYOUT_ROUTES_AUTO);

  g_assert_cmpuint (fake_fdp_calls (fake), ==, expected_calls);
  g_assert_cmpint (result->engine, ==, MG_LAYOUT_ENGINE_DOT);
  g_assert_true (has_message (result, "The fdp layout failed twice"));
  g_assert_true (has_message (result, why));
  g_assert_true (has_message (result, "laid out with dot instead, with its territory boxes"));
  assert_grouped_layout (result, map, 2);
}

/* The program crashes every time: tried twice, then dot, and told so. */
static void
test_crash_falls_back_to_dot (void)
{
  check_fallback ("kill -SEGV $$", 2, "it crashed: Segmentation fault");
}

/* Nonsense, or a graph without positions, is a failure, not a crash. */
static void
test_bad_output_falls_back_to_dot (void)
{
  check_fallback ("echo 'graph { this is [not a layout'", 2, "its output could not be read");
  /* Valid DOT, but not laid out: the input itself. */
  check_fallback ("cat \"$2\"", 2, "its output could not be read");
  /* Positions, but no relations. */
  check_fallback ("echo 'graph { a0 [pos=\"1,2\"]; }'", 2, "its output could not be read");
  check_fallback ("echo 'oops' >&2; exit 3", 2, "it stopped with status 3: oops");
}

/* A crash once: the second attempt, with another seed, is used. */
static void
test_crash_once_then_retry (void)
{
  g_autofree char *fdp = g_find_program_in_path ("fdp");
  g_autofree char *body = NULL;
  g_autoptr (FakeFdp) fake = NULL;
  g_autoptr (MgMap) map = make_map (30);
  g_autoptr (MgLayoutResult) result = NULL;

  if (skip_without_fdp ())
    return;
  /* First call: crash.  Second: the real fdp, once the seed is checked. */
  body = g_strdup_printf ("[ $(wc -l < \"$(dirname \"$0\")/calls\") -ge 2 ] || kill -SEGV $$\n"
                          "grep -q 'start=2' \"$2\" || exit 9\n"
                          "exec '%s' \"$@\"", fdp);
  fake = fake_fdp_new (body);
  result = run_fdp (map, 2, MG_LAYOUT_ROUTES_AUTO);
  g_assert_cmpuint (fake_fdp_calls (fake), ==, 2);
  g_assert_cmpint (result->engine, ==, MG_LAYOUT_ENGINE_FDP);
  g_assert_false (has_message (result, "dot"));
  assert_grouped_layout (result, map, 2);
}

/* No fdp program: dot, and a note. */
static void
test_missing_program (void)
{
  g_autoptr (MgMap) map = make_map (20);
  g_autoptr (MgLayoutResult) result = NULL;

  g_setenv ("MAILLAGE_FDP_PROGRAM", "/nonexistent/maillage-test/fdp", TRUE);
  result = run_fdp (map, 1, MG_LAYOUT_ROUTES_AUTO);
  g_setenv ("MAILLAGE_FDP_PROGRAM", "", TRUE); /* the real fdp */
  g_assert_cmpint (result->engine, ==, MG_LAYOUT_ENGINE_DOT);
  g_assert_true (has_message (result, "The fdp program (Graphviz) was not found"));
  assert_grouped_layout (result, map, 1);
}

typedef struct {
  MgLayoutRequest *request;
  GCancellable    *cancellable;
  GError          *error;
  MgLayoutResult  *result;
} CancelJob;

static gpointer
run_job (gpointer data)
{
  CancelJob *job = data;

  job->result = mg_layout_run (job->request, job->cancellable, &job->error);
  return NULL;
}

/* A program that hangs: cancelling ends the run at once and kills it. */
static void
test_cancel_kills_child (void)
{
  g_autoptr (FakeFdp) fake = fake_fdp_new ("echo $$ > \"$(dirname \"$0\")/pid\"; exec sleep 120");
  g_autofree char *pid_path = g_build_filename (fake->dir, "pid", NULL);
  g_autoptr (MgMap) map = make_map (20);
  MgLayoutOptions options;
  CancelJob job = { 0 };
  g_autofree char *pid_text = NULL;
  GThread *thread;
  gint64 start, deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  int pid;

  mg_layout_options_init (&options);
  options.engine = MG_LAYOUT_ENGINE_FDP;
  options.group_by_territory_level = 1;
  job.request = mg_layout_request_new (map, &options);
  job.cancellable = g_cancellable_new ();
  thread = g_thread_new ("layout", run_job, &job);

  /* Wait until the child runs (and has written its whole pid). */
  while (!g_file_get_contents (pid_path, &pid_text, NULL, NULL) || strchr (pid_text, '\n') == NULL)
    {
      g_clear_pointer (&pid_text, g_free);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
  pid = atoi (pid_text);
  g_assert_cmpint (pid, >, 1);
  g_assert_cmpint (kill (pid, 0), ==, 0); /* running */

  start = g_get_monotonic_time ();
  g_cancellable_cancel (job.cancellable);
  g_thread_join (thread);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_TIME_SPAN_SECOND);
  g_assert_null (job.result);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Killed and reaped: no such process any more. */
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
  g_assert_cmpuint (fake_fdp_calls (fake), ==, 1);
  g_assert_false (mg_map_has_positions (map));

  g_error_free (job.error);
  g_object_unref (job.cancellable);
  mg_layout_request_free (job.request);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("MAILLAGE_FDP_PROGRAM", "", TRUE); /* the real fdp */
  g_test_add_func ("/layout/child-process/fdp-example-maps", test_example_map);
  g_test_add_func ("/layout/child-process/curved-parallel-relations", test_curved_parallel);
  g_test_add_func ("/layout/child-process/pinned", test_pinned);
  g_test_add_func ("/layout/child-process/crash-falls-back-to-dot", test_crash_falls_back_to_dot);
  g_test_add_func ("/layout/child-process/bad-output-falls-back-to-dot",
                   test_bad_output_falls_back_to_dot);
  g_test_add_func ("/layout/child-process/crash-once-then-retry", test_crash_once_then_retry);
  g_test_add_func ("/layout/child-process/missing-program", test_missing_program);
  g_test_add_func ("/layout/child-process/cancel-kills-child", test_cancel_kills_child);
  return g_test_run ();
}
