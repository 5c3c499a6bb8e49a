/* Reading hostile or broken GraphML: clear errors or warnings, no secrets
 * read, bounded time and memory.  Big inputs are made at run time. */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "graphml-read-util.h"

/* MG_READER_MAX_STREAM_MARKUP_BYTES (mg-graphml-reader-private.h). */
#define MG_READER_TEST_STREAM_MARKUP (1024 * 1024)

/* A temporary folder for one test, removed with what it holds. */
typedef struct {
  char *dir;
} TempDir;

static void
temp_dir_init (TempDir *t)
{
  g_autoptr (GError) error = NULL;

  t->dir = g_dir_make_tmp ("mg-hostile-XXXXXX", &error);
  g_assert_no_error (error);
}

static char *
temp_file (TempDir *t, const char *name, const char *contents, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (t->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static void
temp_dir_clear (TempDir *t)
{
  GDir *dir = g_dir_open (t->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_dir_close (dir);
  g_assert_cmpint (g_rmdir (t->dir), ==, 0);
  g_free (t->dir);
}

/* "NAME:LINE:COLUMN: …" */
static void
assert_located (const char *message, const char *name)
{
  g_autofree char *escaped = g_regex_escape_string (name, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: .+", escaped);

  if (!g_regex_match_simple (pattern, message, 0, 0))
    g_error ("message not located as %s:LINE:COLUMN: %s", name, message);
}

static void
test_billion_laughs (void)
{
  g_autofree char *path = mgr_fixture ("billion-laughs.graphml");
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_file (path, NULL, &error);

  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT);
  assert_located (error->message, path);
  g_assert_nonnull (strstr (error->message, "entity references expand too much"));
}

/* Entities declared in the document but standing for outside files: the
 * files are never read. */
static void
test_external_entities (void)
{
  TempDir t;
  g_autofree char *token = g_strdup_printf ("SECRET-%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *secret = NULL, *dtd = NULL, *doc = NULL, *path = NULL;
  g_autofree char *dtd_text = g_strdup_printf ("<!ENTITY tok \"%s\">", token);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  g_autofree char *all = NULL;

  temp_dir_init (&t);
  secret = temp_file (&t, "secret.txt", token, -1);
  dtd = temp_file (&t, "secret.dtd", dtd_text, -1);
  doc = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE graphml SYSTEM \"file://%s\" [\n"
    "  <!ENTITY xxe SYSTEM \"file://%s\">\n"
    "  <!ENTITY %% pe SYSTEM \"file://%s\">\n"
    "  %%pe;\n"
    "]>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"label\"/>\n"
    "  <key id=\"d1\" for=\"node\" attr.name=\"note\"/>\n"
    "  <graph edgedefault=\"directed\">\n"
    "    <node id=\"a\"><data key=\"d0\">A&xxe;B</data><data key=\"d1\">C&tok;D</data></node>\n"
    "  </graph>\n"
    "</graphml>\n",
    dtd, secret, dtd);
  path = temp_file (&t, "xxe.graphml", doc, -1);

  map = mg_graphml_read_file (path, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
  all = mgr_all_text (map);
  g_assert_null (strstr (all, token));
  g_assert_cmpstr (mgr_actor (map, "a")->label, ==, "AB");
  g_assert_cmpstr (mgr_actor (map, "a")->notes, ==, "CD");
  mgr_assert_warning (warnings, "line 11: external entity '&xxe;' is not read (for safety)");
  mgr_assert_warning (warnings, "entity '&tok;' is not declared");
  temp_dir_clear (&t);
}

static void
test_xinclude_not_processed (void)
{
  TempDir t;
  g_autofree char *token = g_strdup_printf ("SECRET-%08x", g_random_int ());
  g_autofree char *secret = NULL, *doc = NULL, *path = NULL, *all = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  MgActor *a;

  temp_dir_init (&t);
  secret = temp_file (&t, "secret.txt", token, -1);
  doc = g_strdup_printf ("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                         "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><graph>"
                         "<node id=\"a\"><xi:include href=\"file://%s\" parse=\"text\"/></node>"
                         "</graph></graphml>", secret);
  path = temp_file (&t, "xinclude.graphml", doc, -1);
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_no_error (error);
  all = mgr_all_text (map);
  g_assert_null (strstr (all, token));
  /* The include element itself is kept, as a foreign element. */
  a = mgr_actor (map, "a");
  g_assert_nonnull (strstr (a->extra.raw_children, "<xi:include href=\"file://"));
  temp_dir_clear (&t);
}

static void
test_truncated (void)
{
  TempDir t;
  g_autofree char *source = mgr_fixture ("synonyms.graphml");
  g_autofree char *contents = NULL, *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  temp_dir_init (&t);
  path = temp_file (&t, "truncated.graphml", contents, (gssize) length / 2);
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML);
  assert_located (error->message, path);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ": the file ends before the end of "));
  g_assert_nonnull (strstr (error->message, "<graphml> opened at line"));
  g_assert_nonnull (strstr (error->message, "it is truncated"));
  temp_dir_clear (&t);

  /* Cut inside a start tag or a comment: said so too. */
  {
    static const char *const cuts[][2] = {
      { "<graphml><graph edgedefault=\"directed\"><node id=\"a", "an attribute value" },
      { "<graphml><graph edgedefault=\"directed\"><!-- a comm", "a comment" },
      { "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\"/>\n", "<graph> opened at line 2" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autoptr (GError) cut_error = NULL;
        g_autoptr (MgMap) cut_map = mgr_read_string (cuts[i][0], NULL, &cut_error);

        g_assert_null (cut_map);
        g_assert_error (cut_error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML);
        assert_located (cut_error->message, "inline.graphml");
        g_test_message ("%s", cut_error->message);
        g_assert_nonnull (strstr (cut_error->message, "the file ends before"));
        g_assert_nonnull (strstr (cut_error->message, cuts[i][1]));
      }
  }
}

static void
test_truncated_gzip (void)
{
  TempDir t;
  g_autoptr (GConverter) deflater =
    G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autofree char *source = mgr_fixture ("yed.graphml");
  g_autofree char *contents = NULL, *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  gsize length, read, written;
  char packed[65536];

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_converter_convert (deflater, contents, length, packed, sizeof packed,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  temp_dir_init (&t);
  path = temp_file (&t, "truncated.graphml.gz", packed, (gssize) written / 2);
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "cannot decompress"));
  temp_dir_clear (&t);
}

static void
test_empty (void)
{
  TempDir t;
  g_autofree char *path = NULL, *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  temp_dir_init (&t);
  path = temp_file (&t, "empty.graphml", "", 0);
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML);
  expected = g_strdup_printf ("%s:1:1: the file is empty", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* White space only is no document either. */
  g_assert_null (mgr_read_string ("  \n\n ", NULL, &error));
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML);
  assert_located (error->message, "inline.graphml");
  temp_dir_clear (&t);
}

static void
test_binary_garbage (void)
{
  TempDir t;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  char bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  bytes[0] = 0x7f; /* not a gzip header */
  temp_dir_init (&t);
  path = temp_file (&t, "garbage.graphml", bytes, sizeof bytes);
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML);
  assert_located (error->message, path);
  temp_dir_clear (&t);
}

static char *
deep_document (guint levels, gboolean in_data)
{
  GString *doc = g_string_new ("<graphml><key id=\"k\" for=\"node\"/><graph>");

  if (in_data)
    {
      g_string_append (doc, "<node id=\"n\"><data key=\"k\">");
      for (guint i = 0; i < levels; i++)
        g_string_append (doc, "<x>");
      for (guint i = 0; i < levels; i++)
        g_string_append (doc, "</x>");
      g_string_append (doc, "</data></node>");
    }
  else
    {
      for (guint i = 0; i < levels; i++)
        g_string_append_printf (doc, "<node id=\"n%u\"><graph>", i);
      for (guint i = 0; i < levels; i++)
        g_string_append (doc, "</graph></node>");
    }
  g_string_append (doc, "</graph></graphml>");
  return g_string_free (doc, FALSE);
}

static void
test_deep_nesting (void)
{
  for (int in_data = 0; in_data <= 1; in_data++)
    {
      g_autofree char *doc = deep_document (100000, in_data);
      g_autoptr (GError) error = NULL;
      g_autoptr (MgMap) map = mgr_read_string (doc, NULL, &error);

      g_assert_null (map);
      g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT);
      assert_located (error->message, "inline.graphml");
      g_assert_nonnull (strstr (error->message, "nested more than 256 levels deep"));
    }

  /* Moderate nesting of groups is fine. */
  {
    g_autofree char *doc = deep_document (100, FALSE);
    g_autoptr (GError) error = NULL;
    g_autoptr (MgMap) map = mgr_read_string (doc, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (mg_map_get_n_actors (map), ==, 100);
    g_assert_true (mgr_actor (map, "n99")->parent == mgr_actor (map, "n98"));
  }
}

static void
test_huge_label (void)
{
  const gsize size = 18 * 1024 * 1024;
  GString *doc = g_string_sized_new (size + 512);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  MgActor *a;

  g_string_append (doc, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                        "<key id=\"l\" for=\"node\" attr.name=\"label\"/><graph>"
                        "<node id=\"a\"><data key=\"l\">");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (doc, (char) ('a' + i % 26));
  g_string_append (doc, "</data></node><node id=\"b\"/></graph></graphml>");

  /* Larger than libxml2's 10 MB text limit, in a file without a DTD:
   * it loads. */
  map = mg_graphml_read_memory (doc->str, doc->len, "huge.graphml", NULL, &error);
  g_assert_no_error (error);
  a = mgr_actor (map, "a");
  g_assert_cmpuint (strlen (a->label), ==, size);
  g_assert_true (g_str_has_prefix (a->label, "abcdefghijklmnopqrstuvwxyzabc"));
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 2);
  g_clear_object (&map);

  /* With a DTD (and so possibly entities) the limit holds. */
  g_string_prepend (doc, "<!DOCTYPE graphml [ <!ENTITY e \"x\"> ]>\n");
  map = mg_graphml_read_memory (doc->str, doc->len, "huge-dtd.graphml", NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT);
  assert_located (error->message, "huge-dtd.graphml");
  g_string_free (doc, TRUE);
}

static void
test_many_keys_on_one_node (void)
{
  GString *doc = g_string_new ("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  MgActor *a;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (doc, "<key id=\"k%u\" for=\"node\" attr.name=\"attribute %u\" "
                                 "attr.type=\"int\"/>\n", i, i);
  g_string_append (doc, "<graph edgedefault=\"directed\"><node id=\"a\">\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (doc, "<data key=\"k%u\">%u</data>\n", i, i * 7);
  g_string_append (doc, "</node></graph></graphml>\n");

  map = mg_graphml_read_memory (doc->str, doc->len, "keys.graphml", warnings, &error);
  g_assert_no_error (error);
  a = mgr_actor (map, "a");
  g_assert_cmpuint (mg_map_get_keys (map)->len, ==, 5000);
  g_assert_cmpuint (a->data->len, ==, 5000);
  g_assert_cmpstr (mgr_value (a->data, "k4999"), ==, "34993");
  /* "attribute 12" is not a valid key name: said once for all. */
  g_assert_cmpuint (warnings->len, ==, 1);
  mgr_assert_warning (warnings, "5000 key names are not valid GraphML");
  g_string_free (doc, TRUE);
}

static void
test_not_graphml (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string ("<?xml version=\"1.0\"?>\n<html><body/></html>",
                                           NULL, &error);

  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_GRAPHML);
  g_assert_cmpstr (error->message, ==,
                   "inline.graphml: not a GraphML file: the root element is <html>, not <graphml>");
}

static void
test_edge_to_missing_node (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"a\"/>\n"
    "<edge id=\"e1\" source=\"a\" target=\"ghost\"/>\n"
    "<edge source=\"ghost\" target=\"b\"/>\n"
    "<node id=\"b\"/>\n"
    "</graph></graphml>", warnings, &error);
  MgActor *ghost;

  g_assert_no_error (error);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 3);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 2);
  ghost = mgr_actor (map, "ghost");
  g_assert_true (mgr_relation (map, "e1")->target == ghost);
  g_assert_true (((MgRelation *) g_ptr_array_index (mg_map_get_relations (map), 1))->target ==
                 mgr_actor (map, "b"));
  /* One warning for the node never declared, none for "b" declared later. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "line 4: edge 'e1' refers to node 'ghost', which is not declared; "
                   "an actor 'ghost' is created for it");
}

static void
test_duplicate_node_id (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"x\"><data key=\"l\">first</data></node>\n"
    "<node id=\"x\"><data key=\"l\">second</data></node>\n"
    "<node id=\"y\"/>\n"
    "<edge source=\"y\" target=\"x\"/>\n"
    "</graph></graphml>", warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 3);
  g_assert_cmpstr (mgr_actor (map, "x")->label, ==, "first");
  g_assert_cmpstr (mgr_actor (map, "x-2")->label, ==, "second");
  g_assert_true (((MgRelation *) g_ptr_array_index (mg_map_get_relations (map), 0))->target ==
                 mgr_actor (map, "x"));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "line 5: duplicate node id 'x': this node is renamed 'x-2' "
                   "(edges to 'x' go to the first one)");
}

static void
test_invalid_type_value (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"age\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/>\n"
    "<key id=\"ok\" for=\"node\" attr.name=\"public\" attr.type=\"boolean\"/>\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"x\"><data key=\"age\">abc</data><data key=\"ok\">yes</data></node>\n"
    "<node id=\"y\"><data key=\"age\">99999999999</data></node>\n"
    "</graph></graphml>", warnings, &error);

  g_assert_no_error (error);
  /* The value is kept as text. */
  g_assert_cmpstr (mgr_value (mgr_actor (map, "x")->data, "age"), ==, "abc");
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "line 5: node 'x': value 'abc' is not a valid int for key 'age'");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "line 5: node 'x': value 'yes' is not a valid boolean for key 'public'");
  g_assert_cmpstr (g_ptr_array_index (warnings, 2), ==,
                   "line 6: node 'y': value '99999999999' is not a valid int for key 'age'");
}

static void
test_undeclared_key (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"x\"><data key=\"mystery\">42</data></node>\n"
    "<node id=\"y\"><data key=\"mystery\">43</data></node>\n"
    "</graph></graphml>", warnings, &error);
  MgKey *key;

  g_assert_no_error (error);
  key = mgr_key (map, "mystery", MG_DOMAIN_NODE);
  g_assert_cmpint (key->type, ==, MG_VALUE_STRING);
  g_assert_cmpint (key->field, ==, MG_FIELD_NONE);
  g_assert_true (mgr_data (mgr_actor (map, "x")->data, "mystery")->key == key);
  g_assert_cmpstr (mgr_value (mgr_actor (map, "y")->data, "mystery"), ==, "43");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "line 3: node 'x': key 'mystery' is not declared; a string key 'mystery' "
                   "is made for it");
}

static void
test_invalid_utf8 (void)
{
  static const char doc[] = "<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph>"
                            "<node id=\"a\"><data key=\"l\">caf\xe9 \xff</data></node>"
                            "</graph></graphml>";
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_memory (doc, sizeof doc - 1, "bad-utf8.graphml",
                                                  NULL, &error);

  /* libxml2 refuses bad UTF-8 as a fatal error. */
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML);
  assert_located (error->message, "bad-utf8.graphml");
  g_assert_nonnull (strstr (error->message, "UTF-8"));

  /* The same bytes declared as Latin-1 are fine. */
  {
    g_autofree char *latin1 = g_strconcat ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
                                           doc, NULL);
    g_autoptr (GError) error2 = NULL;
    g_autoptr (MgMap) map2 = mgr_read_string (latin1, NULL, &error2);

    g_assert_no_error (error2);
    g_assert_cmpstr (mgr_actor (map2, "a")->label, ==, "café ÿ");
  }
}

static void
test_warnings_capped (void)
{
  GString *doc = g_string_new ("<graphml><graph edgedefault=\"directed\"><node id=\"a\"/>");
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (doc, "<edge source=\"a\" target=\"missing%u\"/>", i);
  g_string_append (doc, "</graph></graphml>");
  map = mg_graphml_read_memory (doc->str, doc->len, "many.graphml", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 3000);
  g_assert_cmpuint (warnings->len, ==, 1001);
  g_assert_cmpstr (g_ptr_array_index (warnings, 1000), ==, "… and 2000 more warnings");
  g_string_free (doc, TRUE);
}

static void
test_io_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-hostile-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.graphml", NULL);

  g_assert_null (mg_graphml_read_file (missing, NULL, &error));
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  g_assert_null (mg_graphml_read_file (dir, NULL, &error));
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* libxml2 must print nothing itself: everything comes back as GError or
 * warnings. */
static void
test_silent (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = mgr_fixture ("billion-laughs.graphml");
      g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL;
      MgMap *map;

      g_assert_null (mg_graphml_read_file (path, NULL, &e1));
      g_assert_null (mgr_read_string ("<graphml><graph></graphml>", NULL, &e2));
      map = mgr_read_string ("<graphml xmlns:a=\"relative\"><graph><node id=\"n\"><a:b/>"
                             "<c:d/></node></graph></graphml>", NULL, &e3);
      g_clear_object (&map);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout ("");
}

/* ---- limits: bounded in time (the trap's timeout) and in memory -------- */

/* In the child of a trap: at most 2 GB of address space, so a limit that
 * does not hold fails the test instead of the machine.  Not under
 * AddressSanitizer, which reserves terabytes of address space. */
static void
limit_memory (void)
{
#if !defined(__SANITIZE_ADDRESS__)
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MG_NO_RLIMIT 1
#endif
#endif
#ifndef MG_NO_RLIMIT
  struct rlimit limit = { 2UL << 30, 2UL << 30 };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif
#endif
}

/* Runs the current test's body in a child with a time limit. */
static gboolean
in_bounded_child (guint seconds)
{
  if (g_test_subprocess ())
    {
      limit_memory ();
      return TRUE;
    }
  g_test_trap_subprocess (NULL, (guint64) seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

#define DOC_HEAD "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" \
                 "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n" \
                 "<graph edgedefault=\"directed\">\n"
#define DOC_TAIL "<node id=\"b\"/></graph></graphml>\n"

/* A document with one run of @size bytes 'a' between @before and @after,
 * on line 4. */
static GString *
document_with_run (const char *before, gsize size, const char *after)
{
  GString *doc = g_string_sized_new (size + 512);

  g_string_append (doc, DOC_HEAD);
  g_string_append (doc, before);
  g_string_set_size (doc, doc->len + size);
  memset (doc->str + doc->len - size, 'a', size);
  g_string_append (doc, after);
  g_string_append (doc, DOC_TAIL);
  return doc;
}

/* One value or name past the limit: one clear error, where it begins. */
static void
test_value_limit (void)
{
  static const struct {
    const char *before, *after, *what, *where;
    guint64 size;
  } cases[] = {
    { "<node id=\"", "\"/>", "an attribute value is longer than 64", ":4:11: ",
      MG_GRAPHML_MAX_VALUE_BYTES + 1 },
    { "<node id=\"x\"><data key=\"l\">", "</data></node>", "a text is longer than 64",
      ":4:28: ", MG_GRAPHML_MAX_VALUE_BYTES + 1 },
    { "<!--", "-->", "a comment is longer than 64", ":4:1: ", MG_GRAPHML_MAX_VALUE_BYTES + 1 },
    { "<x", "/>", "an element name is longer than", ":4:1: ", MG_GRAPHML_MAX_NAME_BYTES + 1 },
  };

  if (!in_bounded_child (60))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *doc = document_with_run (cases[i].before, cases[i].size, cases[i].after);
      g_autoptr (GError) error = NULL;
      g_autoptr (MgMap) map = mg_graphml_read_memory (doc->str, doc->len, "big.graphml",
                                                      NULL, &error);

      g_assert_null (map);
      g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT);
      g_test_message ("%s", error->message);
      assert_located (error->message, "big.graphml");
      g_assert_nonnull (strstr (error->message, cases[i].where));
      g_assert_nonnull (strstr (error->message, cases[i].what));
      g_string_free (doc, TRUE);
    }
}

/* Values and markup past libxml2's 10 MB, below our limit: they load, in
 * linear time (the streaming reader would take hours on them). */
static void
test_long_markup_fast (void)
{
  static const struct {
    const char *before, *after;
  } cases[] = {
    { "<node id=\"", "\"/>" },
    { "<!--", "-->" },
    { "<node id=\"x\" note=\">", "\"/>" },
    { "<?pi ", "?>" },
    { "<node id=\"x\"><data key=\"l\"><![CDATA[", "]]></data></node>" },
  };
  const gsize size = 12 * 1024 * 1024;

  if (!in_bounded_child (60))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *doc = document_with_run (cases[i].before, size, cases[i].after);
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GError) error = NULL;
      g_autoptr (MgMap) map = NULL;

      /* '>' inside a value is what made libxml2 rescan the tag. */
      if (i == 2)
        for (gsize j = 1000; j < size; j += 1000)
          doc->str[strlen (DOC_HEAD) + strlen (cases[i].before) + j] = '>';
      map = mg_graphml_read_memory (doc->str, doc->len, "long.graphml", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (mgr_actor (map, "b"));
      g_test_message ("case %u: %.2f s", i, (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_string_free (doc, TRUE);
    }
}

/* A long comment sends the read through a tree: what is read is the same. */
static void
test_tree_read_same (void)
{
  g_autofree char *source = mgr_fixture ("yed.graphml");
  g_autofree char *contents = NULL, *plain_text = NULL, *tree_text = NULL;
  g_autoptr (GPtrArray) plain_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) tree_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) plain = NULL, tree = NULL;
  GString *doc;
  const char *root;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  plain = mg_graphml_read_memory (contents, length, "yed.graphml", plain_warnings, &error);
  g_assert_no_error (error);

  /* The comment on the root's line keeps the line numbers. */
  root = strstr (contents, "<graphml");
  g_assert_nonnull (root);
  doc = g_string_new_len (contents, root - contents);
  g_string_append (doc, "<!--");
  for (guint i = 0; i < 2 * MG_READER_TEST_STREAM_MARKUP; i++)
    g_string_append_c (doc, 'c');
  g_string_append (doc, "-->");
  g_string_append (doc, root);
  tree = mg_graphml_read_memory (doc->str, doc->len, "yed.graphml", tree_warnings, &error);
  g_assert_no_error (error);

  plain_text = mg_graphml_write_to_string (plain, NULL, &error);
  g_assert_no_error (error);
  tree_text = mg_graphml_write_to_string (tree, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain_text, ==, tree_text);
  g_assert_cmpuint (plain_warnings->len, ==, tree_warnings->len);
  for (guint i = 0; i < plain_warnings->len; i++)
    g_assert_cmpstr (g_ptr_array_index (plain_warnings, i), ==,
                     g_ptr_array_index (tree_warnings, i));
  g_string_free (doc, TRUE);
}

static char *
gzip_bytes (const char *data, gsize size, gsize *out_size)
{
  g_autoptr (GConverter) deflater =
    G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autoptr (GInputStream) plain = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr (GInputStream) packed = g_converter_input_stream_new (plain, deflater);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_output_stream_splice (out, packed, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                           NULL, &error), >=, 0);
  g_assert_no_error (error);
  *out_size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A small .gz that expands a thousandfold is refused early, in little
 * memory; an ordinary one loads. */
static void
test_gzip_bomb (void)
{
  TempDir t;
  GString *doc;
  g_autofree char *packed = NULL, *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  gsize packed_size;
  struct rusage usage;

  if (!in_bounded_child (60))
    return;
  doc = document_with_run ("<!--", 64 * 1024 * 1024, "-->");
  packed = gzip_bytes (doc->str, doc->len, &packed_size);
  g_string_free (doc, TRUE);
  g_test_message ("%zu bytes packed", packed_size);
  g_assert_cmpuint (packed_size, <, 1024 * 1024);
  temp_dir_init (&t);
  path = temp_file (&t, "bomb.graphml.gz", packed, (gssize) packed_size);
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT);
  assert_located (error->message, path);
  g_assert_nonnull (strstr (error->message, "expands more than 200 times"));
  g_clear_error (&error);

  /* In memory too. */
  map = mg_graphml_read_memory (packed, packed_size, "bomb.graphml.gz", NULL, &error);
  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT);
  g_clear_error (&error);

  /* An ordinary compressed map loads. */
  {
    g_autofree char *source = mgr_fixture ("yed.graphml");
    g_autofree char *contents = NULL, *small = NULL;
    gsize length, small_size;
    g_autoptr (MgMap) fine = NULL;

    g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
    small = gzip_bytes (contents, length, &small_size);
    fine = mg_graphml_read_memory (small, small_size, "fine.graphml.gz", NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fine);
  }
  temp_dir_clear (&t);

  /* Little memory was used (the 64 MB were never held). */
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  g_test_message ("peak %ld KB", usage.ru_maxrss);
}

static void
test_no_graph (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
    "</graphml>\n", NULL, &error);

  g_assert_null (map);
  g_assert_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_GRAPHML);
  assert_located (error->message, "inline.graphml");
  g_assert_nonnull (strstr (error->message, "no <graph>"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphml/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/graphml/hostile/external-entities-not-read", test_external_entities);
  g_test_add_func ("/graphml/hostile/xinclude-not-processed", test_xinclude_not_processed);
  g_test_add_func ("/graphml/hostile/truncated", test_truncated);
  g_test_add_func ("/graphml/hostile/truncated-gzip", test_truncated_gzip);
  g_test_add_func ("/graphml/hostile/empty", test_empty);
  g_test_add_func ("/graphml/hostile/binary-garbage", test_binary_garbage);
  g_test_add_func ("/graphml/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/graphml/hostile/huge-label", test_huge_label);
  g_test_add_func ("/graphml/hostile/many-keys-on-one-node", test_many_keys_on_one_node);
  g_test_add_func ("/graphml/hostile/not-graphml", test_not_graphml);
  g_test_add_func ("/graphml/hostile/edge-to-missing-node", test_edge_to_missing_node);
  g_test_add_func ("/graphml/hostile/duplicate-node-id", test_duplicate_node_id);
  g_test_add_func ("/graphml/hostile/invalid-type-value", test_invalid_type_value);
  g_test_add_func ("/graphml/hostile/undeclared-key", test_undeclared_key);
  g_test_add_func ("/graphml/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/graphml/hostile/warnings-capped", test_warnings_capped);
  g_test_add_func ("/graphml/hostile/io-errors", test_io_errors);
  g_test_add_func ("/graphml/hostile/libxml2-prints-nothing", test_silent);
  g_test_add_func ("/graphml/hostile/value-limit", test_value_limit);
  g_test_add_func ("/graphml/hostile/long-markup-fast", test_long_markup_fast);
  g_test_add_func ("/graphml/hostile/long-markup-read-as-tree", test_tree_read_same);
  g_test_add_func ("/graphml/hostile/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/graphml/hostile/no-graph", test_no_graph);

  return g_test_run ();
}
