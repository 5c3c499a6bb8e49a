/* test-corpus-roundtrip.c — every file of the GraphML corpus (and every
 * example map) survives read → write → read: same actors, relations, keys,
 * data, kept XML; and saving what was read back gives the same bytes.
 *
 * The corpus is never copied into the project: it is read from
 * MAILLAGE_CORPUS_DIR, and the tests skip when it is absent.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "graphml-test-util.h"

static MgMap *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  MgMap *map = mg_graphml_read_file (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static MgMap *
read_text (const char *text, gsize length, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  MgMap *map = mg_graphml_read_memory (text, length, name, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning on written file: %s", (char *) g_ptr_array_index (warnings, i));
  return map;
}

static char *
write_text (MgMap *map, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *text = mg_graphml_write_to_string (map, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* ---- strict: values of <data> as text, owner by owner --------------- */

static char *
owner_signature (xmlNodePtr owner)
{
  const char *name = (const char *) owner->name;
  g_autofree char *id = (char *) xmlGetProp (owner, BAD_CAST "id");

  if (strcmp (name, "edge") == 0)
    {
      g_autofree char *source = (char *) xmlGetProp (owner, BAD_CAST "source");
      g_autofree char *target = (char *) xmlGetProp (owner, BAD_CAST "target");

      return g_strdup_printf ("edge %s -> %s (%s)", source, target, id ? id : "");
    }
  return g_strdup_printf ("%s %s", name, id ? id : "");
}

static gboolean
has_element_child (xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

static void
collect_values (xmlNodePtr node, GHashTable *values, GHashTable *keys)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) node->name, "key") == 0)
        {
          xmlChar *id = xmlGetProp (node, BAD_CAST "id");

          if (id != NULL)
            g_hash_table_add (keys, g_strdup ((const char *) id));
          xmlFree (id);
        }
      else if (strcmp ((const char *) node->name, "data") == 0 && node->parent != NULL &&
               !has_element_child (node))
        {
          g_autofree char *key = (char *) xmlGetProp (node, BAD_CAST "key");
          g_autofree char *owner = owner_signature (node->parent);
          char *where = g_strdup_printf ("%s, key %s", owner, key ? key : "?");
          xmlChar *content = xmlNodeGetContent (node);
          GPtrArray *list = g_hash_table_lookup (values, where);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (values, where, list);
            }
          else
            g_free (where);
          g_ptr_array_add (list, g_strdup (content ? (const char *) content : ""));
          xmlFree (content);
          continue;
        }
      collect_values (node->children, values, keys);
    }
}

/* Equal texts, or equal numbers ("1.50" and "1.5"). */
static gboolean
same_value (const char *a, const char *b)
{
  g_autofree char *sa = g_strstrip (g_strdup (a));
  g_autofree char *sb = g_strstrip (g_strdup (b));
  double x, y;
  char *end_a, *end_b;

  if (strcmp (a, b) == 0)
    return TRUE;
  /* Numbers: the same number, spaces aside. */
  a = sa;
  b = sb;
  x = g_ascii_strtod (a, &end_a);
  y = g_ascii_strtod (b, &end_b);
  return end_a != a && *end_a == '\0' && end_b != b && *end_b == '\0' &&
         (x == y || fabs (x - y) <= 1e-12 * MAX (fabs (x), fabs (y)));
}

static void
assert_values_kept (const char *where, GPtrArray *before, GPtrArray *after)
{
  if (after == NULL)
    g_error ("%s: '%s' was dropped", where, (char *) g_ptr_array_index (before, 0));
  if (before->len != after->len)
    g_error ("%s: %u values became %u", where, before->len, after->len);
  for (guint i = 0; i < before->len; i++)
    if (!same_value (g_ptr_array_index (before, i), g_ptr_array_index (after, i)))
      g_error ("%s: '%s' became '%s'", where, (char *) g_ptr_array_index (before, i),
               (char *) g_ptr_array_index (after, i));
}

/* Strict round trip: every key written is typed; every value of the file
 * (text <data>) comes back on the same element, through the same key, with
 * the same text — empty ones and lists in their order too — and keys of the
 * file get no value where they had none. */
static void
assert_strict (const char *path, const char *written, gsize length)
{
  xmlDocPtr original = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  g_autoptr(MgtXml) x = mgt_xml_parse (written, length);
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) keys_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer where, list;

  g_assert_cmpint (mgt_xml_count (x, "//g:key[not(@attr.type)]"), ==, 0);
  g_assert_nonnull (original);
  collect_values (xmlDocGetRootElement (original), before, keys_before);
  collect_values (xmlDocGetRootElement (x->doc), after, keys_after);
  xmlFreeDoc (original);

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &where, &list))
    assert_values_kept (where, list, g_hash_table_lookup (after, where));
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &where, &list))
    {
      const char *key = strstr (where, ", key ") + strlen (", key ");

      if (g_hash_table_contains (keys_before, key) && !g_hash_table_contains (before, where))
        g_error ("%s: the file's key got a value it did not have: '%s'", (char *) where,
                 (char *) g_ptr_array_index ((GPtrArray *) list, 0));
    }
}

static void
test_round_trip (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(MgMap) first = read_file (path);
  gsize l1, l2;
  g_autofree char *t1 = write_text (first, &l1);
  g_autoptr(MgMap) second = read_text (t1, l1, name);
  g_autofree char *t2 = NULL;
  xmlSchemaPtr schema;

  mgt_assert_maps_equal (first, second);
  assert_strict (path, t1, l1);

  /* load → save → load → save: the second save is byte-identical. */
  t2 = write_text (second, &l2);
  if (strcmp (t1, t2) != 0)
    g_test_message ("first save:\n%s\nsecond save:\n%s", t1, t2);
  g_assert_cmpstr (t1, ==, t2);

  /* A valid file stays valid. */
  schema = mgt_graphml_schema ();
  if (schema != NULL)
    {
      g_autofree char *after = mgt_schema_errors (schema, t1, l1);
      g_autofree char *before = after != NULL ? mgt_schema_errors_file (schema, path) : NULL;

      if (after != NULL && before == NULL)
        {
          g_test_message ("written GraphML:\n%s", t1);
          g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, after);
        }
    }
}

/* Example maps shipped with Maillage are made by Maillage: their output
 * must be valid GraphML 1.1, whatever the input looked like. */
static void
test_example_map (gconstpointer data)
{
  const char *path = data;
  g_autoptr(MgMap) first = read_file (path);
  gsize l1, l2;
  g_autofree char *t1 = write_text (first, &l1);
  g_autoptr(MgMap) second = read_text (t1, l1, path);
  g_autofree char *t2 = NULL;

  mgt_assert_maps_equal (first, second);
  t2 = write_text (second, &l2);
  g_assert_cmpstr (t1, ==, t2);
  mgt_assert_schema_valid (t1, l1);
}

/* What yEd sees of written GraphML: the file without the <data> of keys
 * that are not yFiles ones, read back (NULL when nothing is left to strip). */
static MgMap *
read_graphics_only (const char *text, gsize length, const char *name)
{
  g_autoptr(MgtXml) x = mgt_xml_parse (text, length);
  xmlXPathObjectPtr own = xmlXPathEvalExpression (
    BAD_CAST "//g:data[not(@key = //g:key[@yfiles.type]/@id)]", x->ctx);
  xmlChar *stripped = NULL;
  int size = 0;
  MgMap *map;

  g_assert_nonnull (own);
  for (int i = 0; own->nodesetval != NULL && i < own->nodesetval->nodeNr; i++)
    {
      xmlUnlinkNode (own->nodesetval->nodeTab[i]);
      xmlFreeNode (own->nodesetval->nodeTab[i]);
      own->nodesetval->nodeTab[i] = NULL;
    }
  xmlXPathFreeObject (own);
  xmlDocDumpMemory (x->doc, &stripped, &size);
  map = read_text ((const char *) stripped, (gsize) size, name);
  xmlFree (stripped);
  return map;
}

static gboolean
close_to (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* A yEd file edited in Maillage: every actor moved and renamed.  yEd, which
 * reads only its graphics, sees the new places and names; the file stays
 * valid and saving it again gives the same bytes. */
static void
test_yed_edit (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(MgMap) map = read_file (path);
  GPtrArray *actors = mg_map_get_actors (map);
  gsize l0, l1, l2;
  g_autofree char *t0 = write_text (map, &l0);
  g_autoptr(MgMap) before = read_graphics_only (t0, l0, name);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr(MgMap) after = NULL;
  g_autoptr(MgMap) second = NULL;
  guint n_placed = 0;

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      g_autofree char *label = g_strdup_printf ("L-%s <%u>", actor->id, i);

      if (actor->has_position)
        mg_map_set_actor_position (map, actor, actor->x + 10.5, actor->y - 7);
      mg_map_set_actor_label (map, actor, label);
    }
  t1 = write_text (map, &l1);
  after = read_graphics_only (t1, l1, name);
  g_assert_cmpuint (mg_map_get_n_actors (after), ==, actors->len);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *old = g_ptr_array_index (mg_map_get_actors (before), i);
      MgActor *now = g_ptr_array_index (mg_map_get_actors (after), i);
      g_autofree char *label = g_strdup_printf ("L-%s <%u>", now->id, i);

      /* Actors yEd placed: moved in yEd too, and renamed. */
      if (!old->has_position)
        continue;
      n_placed++;
      g_assert_true (now->has_position);
      if (!close_to (now->x, old->x + 10.5) || !close_to (now->y, old->y - 7))
        g_error ("%s: actor %s at (%g, %g) in yEd, expected (%g, %g)", name, now->id,
                 now->x, now->y, old->x + 10.5, old->y - 7);
      g_assert_cmpstr (now->label, ==, label);
    }
  g_test_message ("%s: %u actors placed by yEd graphics", name, n_placed);

  second = read_text (t1, l1, name);
  t2 = write_text (second, &l2);
  g_assert_cmpstr (t1, ==, t2);
  if (mgt_graphml_schema () != NULL)
    {
      g_autofree char *invalid_before = mgt_schema_errors_file (mgt_graphml_schema (), path);

      if (invalid_before == NULL)
        mgt_assert_schema_valid (t1, l1);
    }
}

static void
test_skip (gconstpointer data)
{
  g_test_skip (data);
}

static gboolean
is_graphml_name (const char *name)
{
  return g_str_has_suffix (name, ".graphml") || g_str_has_suffix (name, ".xml");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Files under @dir, recursively, sorted, as paths relative to @root. */
static void
collect (const char *root, const char *rel, GPtrArray *out)
{
  g_autofree char *dir_path = g_build_filename (root, rel, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      g_autofree char *child_rel = *rel ? g_build_filename (rel, child, NULL) : g_strdup (child);
      g_autofree char *child_path = g_build_filename (root, child_rel, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        {
          if (*rel == '\0' && strcmp (child, "schema") == 0)
            continue;
          collect (root, child_rel, out);
        }
      else if (is_graphml_name (child))
        g_ptr_array_add (out, g_steal_pointer (&child_rel));
    }
}

static void
add_directory_tests (const char *env, const char *prefix, GTestDataFunc func, GPtrArray *keep)
{
  const char *root = g_getenv (env);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (root != NULL && g_file_test (root, G_FILE_TEST_IS_DIR))
    collect (root, "", files);
  if (files->len == 0)
    {
      g_autofree char *test = g_strdup_printf ("%s/absent", prefix);
      char *why = g_strdup_printf ("no GraphML files found through %s", env);

      g_ptr_array_add (keep, why);
      g_test_add_data_func (test, why, test_skip);
      return;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = g_ptr_array_index (files, i);
      g_autofree char *test = g_strdup_printf ("%s/%s", prefix, rel);
      char *path = g_build_filename (root, rel, NULL);

      g_ptr_array_add (keep, path);
      g_test_add_data_func (test, path, func);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *maps = NULL;
  const char *data_dir;
  int rc;

  g_test_init (&argc, &argv, NULL);

  add_directory_tests ("MAILLAGE_CORPUS_DIR", "/corpus/round-trip", test_round_trip, keep);
  if (g_getenv ("MAILLAGE_CORPUS_DIR") != NULL)
    {
      g_autofree char *yed = g_build_filename (g_getenv ("MAILLAGE_CORPUS_DIR"), "yed", NULL);

      g_setenv ("MGT_CORPUS_YED_DIR", yed, TRUE);
    }
  add_directory_tests ("MGT_CORPUS_YED_DIR", "/corpus/yed-edit", test_yed_edit, keep);

  data_dir = g_getenv ("MAILLAGE_DATA_DIR");
  if (data_dir != NULL)
    {
      maps = g_build_filename (data_dir, "maps", NULL);
      g_setenv ("MGT_EXAMPLE_MAPS_DIR", maps, TRUE);
    }
  add_directory_tests ("MGT_EXAMPLE_MAPS_DIR", "/example-maps/round-trip-valid", test_example_map, keep);

  rc = g_test_run ();
  mgt_cleanup ();
  return rc;
}
