/* Reading the GraphML conformance corpus (MAILLAGE_CORPUS_DIR): every file
 * loads, with as many actors and relations as SOURCES.md counts <node> and
 * <edge> elements (hyperedges are not relations).  Skipped when the corpus
 * is absent. */
#include "config.h"

#include <string.h>

#include "graphml-read-util.h"

typedef struct {
  guint nodes;
  guint edges;
} Counts;

/* Files whose edges point at nodes never declared: the reader makes an
 * actor for each, and says so. */
static const struct {
  const char *file;
  guint       created;
} created_actors[] = {
  { "other/graphology-missing-nodes.graphml", 36 },
};

static const char *
corpus_dir (void)
{
  const char *dir = g_getenv ("MAILLAGE_CORPUS_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

/* "| `path` | … | 55 / 50 … |" rows of SOURCES.md → path → Counts. */
static GHashTable *
read_sources (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "SOURCES.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) row = g_regex_new ("^\\| `([^`]+)` \\|.*?\\| (\\d+) / (\\d+)[^|]*\\|",
                                        G_REGEX_MULTILINE, 0, &error);
  g_autoptr (GMatchInfo) match = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_regex_match (row, text, 0, &match);
  while (g_match_info_matches (match))
    {
      Counts *counts = g_new (Counts, 1);
      g_autofree char *nodes = g_match_info_fetch (match, 2);
      g_autofree char *edges = g_match_info_fetch (match, 3);

      counts->nodes = (guint) g_ascii_strtoull (nodes, NULL, 10);
      counts->edges = (guint) g_ascii_strtoull (edges, NULL, 10);
      g_hash_table_insert (table, g_match_info_fetch (match, 1), counts);
      g_match_info_next (match, NULL);
    }
  return table;
}

static void
collect_files (const char *root, const char *relative, GPtrArray *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL)
                                         : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (strcmp (child, "schema") != 0)
            collect_files (root, child, out);
        }
      else if (g_str_has_suffix (name, ".graphml") || g_str_has_suffix (name, ".xml") ||
               g_str_has_suffix (name, ".gz"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static guint
expected_created (const char *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (created_actors); i++)
    if (strcmp (created_actors[i].file, file) == 0)
      return created_actors[i].created;
  return 0;
}

static MgMap *
read_corpus_file (const char *dir, const char *file, GPtrArray *warnings)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GError) error = NULL;
  MgMap *map = mg_graphml_read_file (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static void
test_counts (void)
{
  const char *dir = corpus_dir ();
  g_autoptr (GHashTable) sources = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (dir == NULL)
    {
      g_test_skip ("MAILLAGE_CORPUS_DIR is not set or absent");
      return;
    }
  sources = read_sources (dir);
  g_assert_cmpuint (g_hash_table_size (sources), >=, 40);
  collect_files (dir, "", files);
  g_assert_cmpuint (files->len, >=, 40);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      const Counts *counts = g_hash_table_lookup (sources, file);
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (MgMap) map = NULL;
      guint created = 0;

      g_test_message ("%s", file);
      if (counts == NULL)
        g_error ("%s is not described in SOURCES.md", file);
      map = read_corpus_file (dir, file, warnings);
      for (guint w = 0; w < warnings->len; w++)
        if (strstr (g_ptr_array_index (warnings, w), "which is not declared; an actor") != NULL)
          created++;
      g_assert_cmpuint (created, ==, expected_created (file));
      g_assert_cmpuint (mg_map_get_n_actors (map), ==, counts->nodes + created);
      g_assert_cmpuint (mg_map_get_n_relations (map), ==, counts->edges);
      g_assert_cmpuint (mg_map_get_graphs (map)->len, >=, 1);
    }
}

#define SKIP_WITHOUT_CORPUS(dir)                                     \
  G_STMT_START                                                       \
  {                                                                  \
    if ((dir = corpus_dir ()) == NULL)                               \
      {                                                              \
        g_test_skip ("MAILLAGE_CORPUS_DIR is not set or absent");    \
        return;                                                      \
      }                                                              \
  }                                                                  \
  G_STMT_END

static void
test_yed_groups (void)
{
  const char *dir;
  g_autoptr (MgMap) map = NULL;
  GPtrArray *actors;
  guint groups = 0, labelled = 0, placed = 0;

  SKIP_WITHOUT_CORPUS (dir);
  map = read_corpus_file (dir, "yed/yed3.14-nested-sample-graph.graphml", NULL);
  actors = mg_map_get_actors (map);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);

      groups += actor->subgraph != NULL;
      labelled += actor->label != NULL;
      placed += actor->has_position;
      if (actor->parent != NULL)
        g_assert_nonnull (actor->parent->subgraph);
    }
  g_assert_cmpuint (groups, ==, 11);
  g_assert_cmpuint (placed, ==, actors->len);
  g_assert_cmpuint (labelled, >, actors->len / 2);
  g_assert_true (mgr_actor (map, "n20::n0")->parent == mgr_actor (map, "n20"));
  g_assert_true (mgr_actor (map, "n28::n1::n0")->parent == mgr_actor (map, "n28::n1"));
}

static void
test_gephi_les_miserables (void)
{
  const char *dir;
  g_autoptr (MgMap) map = NULL;
  MgActor *valjean;

  SKIP_WITHOUT_CORPUS (dir);
  map = read_corpus_file (dir, "gephi/les-miserables.graphml", NULL);
  valjean = mgr_actor (map, "11");
  g_assert_cmpstr (valjean->label, ==, "Valjean");
  g_assert_true (valjean->has_position);
  g_assert_true (valjean->has_color);
  g_assert_cmpfloat (valjean->width, >, 0);
  g_assert_true (mg_map_has_positions (map));
  g_assert_true (((MgRelation *) g_ptr_array_index (mg_map_get_relations (map), 0))->has_weight);
}

static void
test_primer_nested_and_hyperedges (void)
{
  const char *dir;
  g_autoptr (MgMap) nested = NULL, hyper = NULL;
  MgGraphInfo *graph;
  const char *raw;
  guint n = 0;

  SKIP_WITHOUT_CORPUS (dir);
  nested = read_corpus_file (dir, "primer/nested.graphml", NULL);
  g_assert_true (mgr_actor (nested, "n6::n0::n0")->parent == mgr_actor (nested, "n6::n0"));
  g_assert_true (mgr_relation (nested, "e10")->parent == mgr_actor (nested, "n6"));
  g_assert_null (mgr_relation (nested, "e2")->parent);

  hyper = read_corpus_file (dir, "primer/hyperedges.graphml", NULL);
  graph = g_ptr_array_index (mg_map_get_graphs (hyper), 0);
  for (raw = graph->extra.raw_children; (raw = strstr (raw, "<hyperedge")) != NULL; raw++)
    n++;
  g_assert_cmpuint (n, ==, 3);
}

static void
test_special_inputs (void)
{
  const char *dir;
  g_autoptr (MgMap) gz = NULL, exptest = NULL, rome = NULL, multi = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  SKIP_WITHOUT_CORPUS (dir);
  /* gzip despite its name, two top-level graphs reusing node ids. */
  gz = read_corpus_file (dir, "other/graphiojl-twographs-gzip.graphml", warnings);
  g_assert_cmpuint (mg_map_get_graphs (gz)->len, ==, 2);
  mgr_assert_warning (warnings, "is already used in another top-level graph");
  g_assert_cmpuint (mgr_actor (gz, "n0-2")->graph_index, ==, 1);
  /* Keys after the graph, no namespace. */
  exptest = read_corpus_file (dir, "cytoscape/exptest.graphml", NULL);
  g_assert_nonnull (((MgActor *) g_ptr_array_index (mg_map_get_actors (exptest), 0))->label);
  /* A DOCTYPE pointing at the network is not fetched. */
  rome = read_corpus_file (dir, "other/rome-g.10.0.graphml", NULL);
  g_assert_cmpuint (mg_map_get_n_actors (rome), ==, 10);
  /* Edges between top-level graphs. */
  multi = read_corpus_file (dir, "other/graphinout-multi-graph-structure.graphml", NULL);
  g_assert_cmpuint (mg_map_get_graphs (multi)->len, ==, 5);
  g_assert_cmpuint (mgr_relation (multi, "id--graph1-edge-2")->target->graph_index, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/read/counts-match-sources", test_counts);
  g_test_add_func ("/corpus/read/yed-groups", test_yed_groups);
  g_test_add_func ("/corpus/read/gephi-les-miserables", test_gephi_les_miserables);
  g_test_add_func ("/corpus/read/primer-nested-and-hyperedges", test_primer_nested_and_hyperedges);
  g_test_add_func ("/corpus/read/special-inputs", test_special_inputs);

  return g_test_run ();
}
