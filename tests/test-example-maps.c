/* test-example-maps.c — the example maps in data/maps are clean, complete
 * examples of Maillage's format: they load without warnings, use only the
 * built-in vocabulary, explain every lesson, and the joined map really joins
 * the three others.  They also keep the facts the seeds state: programmes
 * are `programme` actors, institutional backing is `backing`, parts of an
 * institution are `affiliation`, national actors sit at a scale, and every
 * actor and relation records its provenance. */
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

/* DESIGN.md's vocabulary: the built-in one, plus the role and kinds DESIGN
 * added (the built-in lists may already hold them). */
static const char *const design_roles[] = { "programme", NULL };
static const char *const design_kinds[] = { "backing", "affiliation", NULL };

static gboolean
is_builtin_role (const char *id)
{
  for (guint i = 0; id != NULL && i < mg_vocab_n_builtin_roles (); i++)
    if (g_strcmp0 (mg_vocab_builtin_role (i)->id, id) == 0)
      return TRUE;
  return id != NULL && g_strv_contains (design_roles, id);
}

static gboolean
is_builtin_kind (const char *id)
{
  for (guint i = 0; id != NULL && i < mg_vocab_n_builtin_kinds (); i++)
    if (g_strcmp0 (mg_vocab_builtin_kind (i)->id, id) == 0)
      return TRUE;
  return id != NULL && g_strv_contains (design_kinds, id);
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* The notes say why a lesson is tagged, in a sentence starting "care: …". */
static gboolean
explains_lesson (const char *notes, guint lesson)
{
  g_autofree char *marker = g_strdup_printf ("%s: ", mg_lesson_info (lesson)->id);
  return notes != NULL && strstr (notes, marker) != NULL;
}

/* ---- provenance, read from the file ------------------------------------ */

/* The provenance of each actor and relation, read from the GraphML text by
 * the keys' attr.name, so that the test does not depend on where the model
 * keeps it.  Keys of the table: "n:ID" for actors, "e:ID" for relations. */
typedef struct {
  GHashTable *provenance_keys; /* key ids whose attr.name is "provenance" */
  GHashTable *values;
  char       *owner;           /* "n:ID" / "e:ID" of the open node or edge */
  GString    *text;            /* inside a provenance <data>, else NULL */
} ProvenanceReader;

static const char *
markup_attribute (const char **names, const char **values, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
provenance_start (GMarkupParseContext *context, const char *element, const char **names,
                  const char **values, gpointer user_data, GError **error)
{
  ProvenanceReader *reader = user_data;
  const char *id = markup_attribute (names, values, "id");

  if (g_str_equal (element, "key")
      && g_strcmp0 (markup_attribute (names, values, "attr.name"), "provenance") == 0 && id != NULL)
    g_hash_table_add (reader->provenance_keys, g_strdup (id));
  else if ((g_str_equal (element, "node") || g_str_equal (element, "edge")) && id != NULL)
    {
      g_free (reader->owner);
      reader->owner = g_strdup_printf ("%c:%s", element[0], id);
    }
  else if (g_str_equal (element, "data") && reader->owner != NULL
           && g_hash_table_contains (reader->provenance_keys,
                                     markup_attribute (names, values, "key")))
    reader->text = g_string_new (NULL);
}

static void
provenance_end (GMarkupParseContext *context, const char *element, gpointer user_data,
                GError **error)
{
  ProvenanceReader *reader = user_data;

  if (g_str_equal (element, "data") && reader->text != NULL)
    g_hash_table_insert (reader->values, g_strdup (reader->owner),
                         g_string_free (g_steal_pointer (&reader->text), FALSE));
  else if (g_str_equal (element, "node") || g_str_equal (element, "edge"))
    g_clear_pointer (&reader->owner, g_free);
}

static void
provenance_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
                 GError **error)
{
  ProvenanceReader *reader = user_data;

  if (reader->text != NULL)
    g_string_append_len (reader->text, text, (gssize) len);
}

static GHashTable *
read_provenance (const char *name)
{
  static const GMarkupParser parser = { provenance_start, provenance_end, provenance_text,
                                        NULL, NULL };
  g_autofree char *path = map_path (name);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  ProvenanceReader reader = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    NULL, NULL,
  };

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, (gssize) length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_hash_table_unref (reader.provenance_keys);
  g_free (reader.owner);
  return reader.values;
}

/* The provenance of actor ('n') or relation ('e') ID, or NULL. */
static const char *
provenance_of (GHashTable *provenance, char what, const char *id)
{
  g_autofree char *owner = g_strdup_printf ("%c:%s", what, id);
  return g_hash_table_lookup (provenance, owner);
}

static GHashTable *
relations_by_id (MgMap *map)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = relations->pdata[i];
      if (relation->id != NULL)
        g_hash_table_insert (table, relation->id, relation);
    }
  return table;
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
      /* No territory only when the sources give no place, and the notes
       * say so ("… so it has no territory"). */
      if (!has_text (actor->territory)
          && (actor->notes == NULL || strstr (actor->notes, "no territory") == NULL))
        g_string_append_printf (problems, "\nactor %s has no territory and no note saying why",
                                actor->id);
      if (!has_text (actor->label))
        g_string_append_printf (problems, "\nactor %s has no label", actor->id);
      if (actor->lessons != 0 && !has_text (actor->notes))
        g_string_append_printf (problems, "\nactor %s has lessons but no notes saying why", actor->id);
      for (guint l = 0; l < MG_N_LESSONS; l++)
        if ((actor->lessons & MG_LESSON_BIT (l)) && !explains_lesson (actor->notes, l))
          g_string_append_printf (problems, "\nactor %s is tagged %s but its notes have no “%s:”",
                                  actor->id, mg_lesson_info (l)->id, mg_lesson_info (l)->id);
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
      for (guint l = 0; l < MG_N_LESSONS; l++)
        if ((relation->lessons & MG_LESSON_BIT (l)) && !explains_lesson (relation->notes, l))
          g_string_append_printf (problems, "\nrelation %s is tagged %s but its notes have no “%s:”",
                                  relation->id, mg_lesson_info (l)->id, mg_lesson_info (l)->id);
      if (!relation->directed)
        g_string_append_printf (problems, "\nrelation %s is not directed", relation->id);
      if (relation->source == relation->target)
        g_string_append_printf (problems, "\nrelation %s is a self-loop", relation->id);
    }
  if (problems->len > 0)
    g_test_message ("%s:%s", name, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* The joined map holds every actor and relation of the three regional maps,
 * same ids and same facts (build-aux/join-example-maps.py rebuilds it). */
static void
test_joined_map_contains_all_actors (void)
{
  g_autoptr(MgMap) joined = read_example (JOINED_MAP);
  g_autoptr(GHashTable) joined_provenance = read_provenance (JOINED_MAP);
  g_autoptr(GHashTable) joined_relations = relations_by_id (joined);
  guint expected_relations = 0;

  for (guint m = 0; m < G_N_ELEMENTS (example_maps); m++)
    {
      if (g_str_equal (example_maps[m], JOINED_MAP))
        continue;
      g_autoptr(MgMap) map = read_example (example_maps[m]);
      g_autoptr(GHashTable) provenance = read_provenance (example_maps[m]);
      GPtrArray *actors = mg_map_get_actors (map);
      for (guint i = 0; i < actors->len; i++)
        {
          const MgActor *actor = actors->pdata[i];
          const MgActor *same = mg_map_lookup_actor (joined, actor->id);
          if (same == NULL)
            g_test_message ("%s: actor %s of %s is missing", JOINED_MAP, actor->id, example_maps[m]);
          g_assert_nonnull (same);
          g_assert_cmpstr (same->label, ==, actor->label);
          g_assert_cmpstr (same->role, ==, actor->role);
          g_assert_cmpstr (same->territory, ==, actor->territory);
          g_assert_cmpuint (same->lessons, ==, actor->lessons);
          g_assert_cmpstr (same->notes, ==, actor->notes);
          g_assert_cmpstr (provenance_of (joined_provenance, 'n', actor->id), ==,
                           provenance_of (provenance, 'n', actor->id));
        }
      GPtrArray *relations = mg_map_get_relations (map);
      for (guint i = 0; i < relations->len; i++)
        {
          const MgRelation *relation = relations->pdata[i];
          const MgRelation *same = g_hash_table_lookup (joined_relations, relation->id);
          if (same == NULL)
            g_test_message ("%s: relation %s of %s is missing", JOINED_MAP, relation->id,
                            example_maps[m]);
          g_assert_nonnull (same);
          g_assert_cmpstr (same->source->id, ==, relation->source->id);
          g_assert_cmpstr (same->target->id, ==, relation->target->id);
          g_assert_cmpstr (same->kind, ==, relation->kind);
          g_assert_cmpuint (same->lessons, ==, relation->lessons);
          g_assert_cmpstr (same->notes, ==, relation->notes);
          g_assert_cmpstr (provenance_of (joined_provenance, 'e', relation->id), ==,
                           provenance_of (provenance, 'e', relation->id));
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

/* ---- facts checked against the seeds ----------------------------------- */

static gboolean
is_provenance (const char *value)
{
  static const char *const values[] = { "stated", "inferred", "illustrative", "workshop", NULL };
  return value != NULL && g_strv_contains (values, value);
}

/* Every actor and relation says where it comes from, and relation notes that
 * start "Illustrative" or "Inferred" agree with the recorded provenance. */
static void
test_map_records_provenance (gconstpointer data)
{
  const char *name = data;
  g_autoptr(MgMap) map = read_example (name);
  g_autoptr(GHashTable) provenance = read_provenance (name);
  g_autoptr(GString) problems = g_string_new (NULL);
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < actors->len; i++)
    {
      const MgActor *actor = actors->pdata[i];
      const char *value = provenance_of (provenance, 'n', actor->id);
      if (!is_provenance (value) || g_str_equal (value, "workshop"))
        g_string_append_printf (problems, "\nactor %s has provenance “%s”", actor->id,
                                value != NULL ? value : "(none)");
    }
  for (guint i = 0; i < relations->len; i++)
    {
      const MgRelation *relation = relations->pdata[i];
      const char *value = provenance_of (provenance, 'e', relation->id);
      const char *notes = relation->notes != NULL ? relation->notes : "";
      if (!is_provenance (value) || g_str_equal (value, "workshop"))
        g_string_append_printf (problems, "\nrelation %s has provenance “%s”", relation->id,
                                value != NULL ? value : "(none)");
      else if (g_str_has_prefix (notes, "Illustrative") != g_str_equal (value, "illustrative"))
        g_string_append_printf (problems, "\nrelation %s is %s but its notes read “%.24s…”",
                                relation->id, value, notes);
      else if (g_str_has_prefix (notes, "Inferred") != g_str_equal (value, "inferred"))
        g_string_append_printf (problems, "\nrelation %s is %s but its notes read “%.24s…”",
                                relation->id, value, notes);
    }
  if (problems->len > 0)
    g_test_message ("%s:%s", name, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* Relations that no seed states are marked, and a few the seeds state are
 * marked stated. */
static void
test_unstated_relations_are_marked (void)
{
  static const char *const unstated[] = {
    "clermont-7", "clermont-11", "clermont-13", "clermont-15", "clermont-16", "clermont-17",
    "clermont-18", "clermont-19", "clermont-20", "clermont-21", "clermont-22", "clermont-23",
    "clermont-24", "clermont-25", "clermont-26", "clermont-27", "clermont-28", "clermont-29",
    "clermont-30", "clermont-36", "clermont-37", "clermont-51", "clermont-55", "clermont-56",
    "clermont-57", "peak-7", "peak-11", "peak-13", "peak-18", "peak-21", "peak-22", "peak-23",
    "peak-24", "peak-25", "innovente-14", "innovente-15", "innovente-19", "innovente-20",
    "innovente-25", "innovente-35", "link-8", "link-9", "link-10", "link-11",
  };
  static const char *const stated[] = {
    "clermont-1", "clermont-31", "clermont-35", "clermont-44", "peak-1", "peak-2", "peak-3",
    "peak-4", "innovente-1", "innovente-12", "innovente-16", "innovente-27",
  };
  g_autoptr(MgMap) joined = read_example (JOINED_MAP);
  g_autoptr(GHashTable) provenance = read_provenance (JOINED_MAP);
  g_autoptr(GHashTable) relations = relations_by_id (joined);

  for (guint i = 0; i < G_N_ELEMENTS (unstated); i++)
    {
      const char *value = provenance_of (provenance, 'e', unstated[i]);
      g_test_message ("%s: %s", unstated[i], value);
      g_assert_nonnull (g_hash_table_lookup (relations, unstated[i]));
      g_assert_true (g_strcmp0 (value, "inferred") == 0 || g_strcmp0 (value, "illustrative") == 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stated); i++)
    {
      g_assert_nonnull (g_hash_table_lookup (relations, stated[i]));
      g_assert_cmpstr (provenance_of (provenance, 'e', stated[i]), ==, "stated");
    }
  /* Actors the seeds do not name. */
  g_assert_cmpstr (provenance_of (provenance, 'n', "smes-saint-quentin"), ==, "inferred");
  g_assert_cmpstr (provenance_of (provenance, 'n', "cci-france"), ==, "inferred");
  g_assert_cmpstr (provenance_of (provenance, 'n', "michelin"), ==, "stated");
}

/* A relation SOURCE → TARGET of KIND, or NULL. */
static const MgRelation *
find_relation (MgMap *map, const char *source, const char *target, const char *kind)
{
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < relations->len; i++)
    {
      const MgRelation *relation = relations->pdata[i];
      if (g_strcmp0 (relation->source->id, source) == 0
          && g_strcmp0 (relation->target->id, target) == 0
          && g_strcmp0 (relation->kind, kind) == 0)
        return relation;
    }
  g_test_message ("no %s relation %s → %s", kind, source, target);
  return NULL;
}

static const char *
role_of (MgMap *map, const char *id)
{
  const MgActor *actor = mg_map_lookup_actor (map, id);
  g_assert_nonnull (actor);
  return actor->role;
}

static const char *
territory_of (MgMap *map, const char *id)
{
  const MgActor *actor = mg_map_lookup_actor (map, id);
  g_assert_nonnull (actor);
  return actor->territory;
}

/* Programmes, schemes, events are `programme` actors, and their backers back
 * them with `backing`, not `support` or `funding`. */
static void
test_programmes_and_backing (void)
{
  static const char *const programmes[] = {
    "peak-programme", "peak-forum", "relocation-plan", "openlab-exploration-innovation",
    "enterprise-europe-network", "idefi-innovente", "pia", "innovation-tour",
  };
  static const char *const tour_backers[] = {
    "dgti", "bpifrance", "mesri", "cpme", "pink-innov", "mma-foundation", "apec",
    "local-development-actors",
  };
  static const char *const idefi_backers[] = {
    "region-normandie", "region-bretagne", "region-centre-val-de-loire",
    "region-hauts-de-france", "region-grand-est", "region-pays-de-la-loire",
  };
  g_autoptr(MgMap) joined = read_example (JOINED_MAP);

  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    g_assert_cmpstr (role_of (joined, programmes[i]), ==, "programme");

  g_assert_nonnull (find_relation (joined, "region-aura", "peak-programme", "backing"));
  g_assert_nonnull (find_relation (joined, "uimm", "peak-programme", "backing"));
  g_assert_nonnull (find_relation (joined, "pfa", "peak-programme", "backing"));
  g_assert_null (find_relation (joined, "region-aura", "thesame", "funding"));
  for (guint i = 0; i < G_N_ELEMENTS (tour_backers); i++)
    {
      g_assert_nonnull (find_relation (joined, tour_backers[i], "innovation-tour", "backing"));
      g_assert_null (find_relation (joined, tour_backers[i], "innovente-institute", "support"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (idefi_backers); i++)
    g_assert_nonnull (find_relation (joined, idefi_backers[i], "idefi-innovente", "backing"));

  /* Whose programme it is: part of its organiser. */
  g_assert_nonnull (find_relation (joined, "peak-programme", "thesame", "affiliation"));
  g_assert_nonnull (find_relation (joined, "innovation-tour", "innovente-institute", "affiliation"));
  g_assert_nonnull (find_relation (joined, "idefi-innovente", "pia", "affiliation"));
  g_assert_nonnull (find_relation (joined, "relocation-plan", "region-aura", "affiliation"));
}

/* Parts of an institution are affiliated with it. */
static void
test_affiliations (void)
{
  g_autoptr(MgMap) map = read_example (DEFAULT_MAP);

  g_assert_cmpstr (role_of (map, "eum"), ==, "university");
  g_assert_nonnull (find_relation (map, "eum", "uca", "affiliation"));
  g_assert_null (find_relation (map, "eum", "uca", "membership"));
  g_assert_nonnull (find_relation (map, "crcgm", "uca", "affiliation"));
  g_assert_nonnull (find_relation (map, "human-capital-innovation-chair", "grenoble-inp-iae",
                                   "affiliation"));
  g_assert_null (find_relation (map, "grenoble-inp-iae", "human-capital-innovation-chair",
                                "hosting"));
  g_assert_nonnull (find_relation (map, "village-by-ca-network", "credit-agricole", "affiliation"));

  g_autoptr(MgMap) peak = read_example ("peak-auvergne-rhone-alpes.graphml");
  g_assert_nonnull (find_relation (peak, "lab-peak", "thesame", "affiliation"));
}

/* The CGET's ten levers are a reading of the map (its description), not an
 * actor with relations of its own. */
static void
test_no_levers_actor (void)
{
  for (guint m = 0; m < G_N_ELEMENTS (example_maps); m++)
    {
      g_autoptr(MgMap) map = read_example (example_maps[m]);
      GPtrArray *actors = mg_map_get_actors (map);
      for (guint i = 0; i < actors->len; i++)
        {
          const MgActor *actor = actors->pdata[i];
          g_autofree char *id = g_ascii_strdown (actor->id, -1);
          g_autofree char *label = g_utf8_casefold (mg_actor_get_display_label (actor), -1);
          if (strstr (id, "lever") != NULL || strstr (label, "lever") != NULL
              || strstr (id, "cget") != NULL || strstr (label, "cget") != NULL)
            g_test_message ("%s: actor %s", example_maps[m], actor->id);
          g_assert_null (strstr (id, "lever"));
          g_assert_null (strstr (label, "lever"));
          g_assert_null (strstr (id, "cget"));
          g_assert_null (strstr (label, "cget"));
        }
    }
  g_autoptr(MgMap) joined = read_example (JOINED_MAP);
  g_assert_nonnull (strstr (mg_map_get_description (joined), "ten levers"));
}

/* Territories: national actors sit at a scale (a single segment, never
 * "France/Île-de-France/Paris"); actors whose place no source gives have
 * none; roles the seeds contradict are fixed. */
static void
test_territories_and_roles (gconstpointer data)
{
  const char *name = data;
  static const char *const scales[] = { "France", "Europe", "International", "National", NULL };
  g_autoptr(MgMap) map = read_example (name);
  GPtrArray *actors = mg_map_get_actors (map);

  for (guint i = 0; i < actors->len; i++)
    {
      const MgActor *actor = actors->pdata[i];
      if (actor->territory == NULL)
        continue;
      g_auto(GStrv) parts = g_strsplit (actor->territory, "/", -1);
      if (g_strv_contains (scales, parts[0]) && g_strv_length (parts) > 1)
        g_test_message ("%s: actor %s at %s", name, actor->id, actor->territory);
      g_assert_false (g_strv_contains (scales, parts[0]) && g_strv_length (parts) > 1);
    }
  if (!g_str_equal (name, JOINED_MAP))
    return;
  g_assert_cmpstr (territory_of (map, "mesri"), ==, "France");
  g_assert_cmpstr (territory_of (map, "ministry-economy"), ==, "France");
  g_assert_cmpstr (territory_of (map, "cci-france"), ==, "France");
  g_assert_null (territory_of (map, "cime"));
  g_assert_null (territory_of (map, "expedition-participants"));
  g_assert_cmpstr (territory_of (map, "eum"), ==, territory_of (map, "uca"));
  /* "Industrial companies of the region": their size is not given; the SME
   * role would say they are small. */
  g_assert_cmpstr (role_of (map, "regional-industrial-companies"), ==, "large-company");
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
      g_autofree char *provenance_path = g_strdup_printf ("/example-maps/%s/provenance", stem);
      g_test_add_data_func (provenance_path, example_maps[i], test_map_records_provenance);
      g_autofree char *territory_path = g_strdup_printf ("/example-maps/%s/territories", stem);
      g_test_add_data_func (territory_path, example_maps[i], test_territories_and_roles);
    }
  g_test_add_func ("/example-maps/joined/contains-every-actor", test_joined_map_contains_all_actors);
  g_test_add_func ("/example-maps/default/spans-departments", test_default_map_spans_departments);
  g_test_add_func ("/example-maps/default/tags-every-lesson-twice", test_default_map_tags_every_lesson);
  g_test_add_func ("/example-maps/joined/unstated-relations-marked", test_unstated_relations_are_marked);
  g_test_add_func ("/example-maps/joined/programmes-and-backing", test_programmes_and_backing);
  g_test_add_func ("/example-maps/default/affiliations", test_affiliations);
  g_test_add_func ("/example-maps/all/no-levers-actor", test_no_levers_actor);

  return g_test_run ();
}
