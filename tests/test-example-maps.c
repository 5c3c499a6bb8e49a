/* test-example-maps.c — the example maps in data/maps are clean, complete
 * examples of Maillage's format: they load without warnings, use only the
 * built-in vocabulary, explain every lesson, and the joined map really joins
 * the three others. */
#include "config.h"

#include <string.h>

#include "mg-graphml.h"

static const char *const example_maps[] = {
  "clermont-auvergne.graphml",
  "peak-auvergne-rhone-alpes.graphml",
  "innovente-hauts-de-france.graphml",
  "france-territorial-innovation.graphml",
};
#define JOINED_MAP "france-territorial-innovation.graphml"
#define DEFAULT_MAP "clermont-auvergne.graphml"

static char *
map_path (const char *name)
{
  const char *data_dir = g_getenv ("MAILLAGE_DATA_DIR");
  if (data_dir != NULL)
    return g_build_filename (data_dir, "maps", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "maps", name, NULL);
}

/* Reads an example map, failing the test on any error or warning. */
static MgMap *
read_example (const char *name)
{
  g_autofree char *path = map_path (name);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  MgMap *map = mg_graphml_read_file (path, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s: %s", name, (const char *) warnings->pdata[i]);
  g_assert_cmpuint (warnings->len, ==, 0);
  return map;
}

static gboolean
is_builtin_role (const char *id)
{
  for (guint i = 0; id != NULL && i < mg_vocab_n_builtin_roles (); i++)
    if (g_strcmp0 (mg_vocab_builtin_role (i)->id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_builtin_kind (const char *id)
{
  for (guint i = 0; id != NULL && i < mg_vocab_n_builtin_kinds (); i++)
    if (g_strcmp0 (mg_vocab_builtin_kind (i)->id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* Every map: read cleanly, titled, built-in vocabulary, lessons explained. */
static void
test_map_is_complete (gconstpointer data)
{
  const char *name = data;
  g_autoptr(MgMap) map = read_example (name);

  g_assert_true (has_text (mg_map_get_title (map)));
  g_assert_true (has_text (mg_map_get_description (map)));
  g_assert_cmpuint (mg_map_get_n_actors (map), >=, 15);
  g_assert_cmpuint (mg_map_get_n_relations (map), >=, 20);

  /* Every problem is listed, then the test fails once with all of them. */
  g_autoptr(GString) problems = g_string_new (NULL);
  GPtrArray *actors = mg_map_get_actors (map);
  for (guint i = 0; i < actors->len; i++)
    {
      const MgActor *actor = actors->pdata[i];
      if (!is_builtin_role (actor->role))
        g_string_append_printf (problems, "\nactor %s has role “%s”, not a built-in one", actor->id,
                                actor->role != NULL ? actor->role : "(none)");
      if (!has_text (actor->territory))
        g_string_append_printf (problems, "\nactor %s has no territory", actor->id);
      if (!has_text (actor->label))
        g_string_append_printf (problems, "\nactor %s has no label", actor->id);
      if (actor->lessons != 0 && !has_text (actor->notes))
        g_string_append_printf (problems, "\nactor %s has lessons but no notes saying why", actor->id);
    }

  GPtrArray *relations = mg_map_get_relations (map);
  for (guint i = 0; i < relations->len; i++)
    {
      const MgRelation *relation = relations->pdata[i];
      if (!is_builtin_kind (relation->kind))
        g_string_append_printf (problems, "\nrelation %s has kind “%s”, not a built-in one",
                                relation->id, relation->kind != NULL ? relation->kind : "(none)");
      if (relation->lessons != 0 && !has_text (relation->notes))
        g_string_append_printf (problems, "\nrelation %s has lessons but no notes saying why",
                                relation->id);
      if (!relation->directed)
        g_string_append_printf (problems, "\nrelation %s is not directed", relation->id);
      if (relation->source == relation->target)
        g_string_append_printf (problems, "\nrelation %s is a self-loop", relation->id);
    }
  if (problems->len > 0)
    g_test_message ("%s:%s", name, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* The joined map holds every actor of the three regional maps, same ids. */
static void
test_joined_map_contains_all_actors (void)
{
  g_autoptr(MgMap) joined = read_example (JOINED_MAP);
  guint expected_relations = 0;

  for (guint m = 0; m < G_N_ELEMENTS (example_maps); m++)
    {
      if (g_str_equal (example_maps[m], JOINED_MAP))
        continue;
      g_autoptr(MgMap) map = read_example (example_maps[m]);
      GPtrArray *actors = mg_map_get_actors (map);
      for (guint i = 0; i < actors->len; i++)
        {
          const MgActor *actor = actors->pdata[i];
          const MgActor *same = mg_map_lookup_actor (joined, actor->id);
          if (same == NULL)
            g_test_message ("%s: actor %s of %s is missing", JOINED_MAP, actor->id, example_maps[m]);
          g_assert_nonnull (same);
          g_assert_cmpstr (same->role, ==, actor->role);
          g_assert_cmpstr (same->territory, ==, actor->territory);
        }
      expected_relations += mg_map_get_n_relations (map);
    }
  /* Every relation of the three, plus the cross-territory links. */
  g_assert_cmpuint (mg_map_get_n_relations (joined), >, expected_relations);
}

/* Distinct "Region/Department" prefixes among the actors' territories. */
static guint
count_departments (MgMap *map)
{
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *actors = mg_map_get_actors (map);

  for (guint i = 0; i < actors->len; i++)
    {
      const MgActor *actor = actors->pdata[i];
      g_auto(GStrv) parts = g_strsplit (actor->territory != NULL ? actor->territory : "", "/", 3);
      if (g_strv_length (parts) >= 2)
        g_hash_table_add (departments, g_strconcat (parts[0], "/", parts[1], NULL));
    }
  return g_hash_table_size (departments);
}

/* Grouping by department must mean something in the default map. */
static void
test_default_map_spans_departments (void)
{
  g_autoptr(MgMap) map = read_example (DEFAULT_MAP);
  g_autoptr(MgMap) joined = read_example (JOINED_MAP);

  g_assert_cmpuint (count_departments (map), >=, 3);
  g_assert_cmpuint (count_departments (joined), >=, 3);
}

/* Each lens has something to show in the default map. */
static void
test_default_map_tags_every_lesson (void)
{
  g_autoptr(MgMap) map = read_example (DEFAULT_MAP);
  guint counts[MG_N_LESSONS] = { 0 };
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < actors->len; i++)
    for (guint l = 0; l < MG_N_LESSONS; l++)
      if (((const MgActor *) actors->pdata[i])->lessons & MG_LESSON_BIT (l))
        counts[l]++;
  for (guint i = 0; i < relations->len; i++)
    for (guint l = 0; l < MG_N_LESSONS; l++)
      if (((const MgRelation *) relations->pdata[i])->lessons & MG_LESSON_BIT (l))
        counts[l]++;

  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      g_test_message ("%s: %u", mg_lesson_info (l)->id, counts[l]);
      g_assert_cmpuint (counts[l], >=, 2);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (example_maps); i++)
    {
      g_autofree char *stem = g_strndup (example_maps[i], strlen (example_maps[i]) - strlen (".graphml"));
      g_autofree char *test_path = g_strdup_printf ("/example-maps/%s/complete-and-clean", stem);
      g_test_add_data_func (test_path, example_maps[i], test_map_is_complete);
    }
  g_test_add_func ("/example-maps/joined/contains-every-actor", test_joined_map_contains_all_actors);
  g_test_add_func ("/example-maps/default/spans-departments", test_default_map_spans_departments);
  g_test_add_func ("/example-maps/default/tags-every-lesson-twice", test_default_map_tags_every_lesson);

  return g_test_run ();
}
