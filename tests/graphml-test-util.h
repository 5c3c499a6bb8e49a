/* graphml-test-util.h — helpers shared by the GraphML writer tests: map
 * comparison with readable failure messages, XPath queries on written
 * output, and validation against the GraphML 1.1 schema of the corpus.
 *
 * Header-only (static functions) so that each test program stays one file
 * in tests/meson.build.
 */
#pragma once

#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "mg-graphml.h"
#include "mg-map.h"

#define MGT_GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

/* ---- assertions with context ------------------------------------------ */

#define mgt_check_str(ctx, what, a, b) \
  mgt_check_str_real (__FILE__, __LINE__, (ctx), (what), (a), (b))
#define mgt_check_int(ctx, what, a, b) \
  mgt_check_int_real (__FILE__, __LINE__, (ctx), (what), (gint64) (a), (gint64) (b))
#define mgt_check_double(ctx, what, a, b) \
  mgt_check_double_real (__FILE__, __LINE__, (ctx), (what), (a), (b))

G_GNUC_UNUSED static void
mgt_check_str_real (const char *file, int line, const char *ctx, const char *what,
                    const char *a, const char *b)
{
  if (g_strcmp0 (a, b) != 0)
    {
      g_autofree char *expr = g_strdup_printf ("%s: %s", ctx, what);

      g_assertion_message_cmpstr (G_LOG_DOMAIN, file, line, G_STRFUNC, expr, a, "==", b);
    }
}

G_GNUC_UNUSED static void
mgt_check_int_real (const char *file, int line, const char *ctx, const char *what,
                    gint64 a, gint64 b)
{
  if (a != b)
    {
      g_autofree char *expr = g_strdup_printf ("%s: %s", ctx, what);

      g_assertion_message_cmpnum (G_LOG_DOMAIN, file, line, G_STRFUNC, expr,
                                  (long double) a, "==", (long double) b, 'i');
    }
}

G_GNUC_UNUSED static void
mgt_check_double_real (const char *file, int line, const char *ctx, const char *what,
                       double a, double b)
{
  /* Exact: the writer prints the shortest text that reads back the same. */
  if (!(a == b || (a != a && b != b)))
    {
      g_autofree char *expr = g_strdup_printf ("%s: %s", ctx, what);

      g_assertion_message_cmpnum (G_LOG_DOMAIN, file, line, G_STRFUNC, expr,
                                  (long double) a, "==", (long double) b, 'f');
    }
}

/* ---- comparing two maps ------------------------------------------------ */

G_GNUC_UNUSED static void
mgt_assert_attrs_equal (const char *ctx, GPtrArray *a, GPtrArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  mgt_check_int (ctx, "number of extra attributes", na, nb);
  for (guint i = 0; i < na; i++)
    {
      MgXmlAttr *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      mgt_check_str (ctx, "attribute name", x->name, y->name);
      mgt_check_str (ctx, x->name, x->value, y->value);
    }
}

G_GNUC_UNUSED static void
mgt_assert_extra_equal (const char *ctx, const MgXmlExtra *a, const MgXmlExtra *b)
{
  mgt_assert_attrs_equal (ctx, a->attrs, b->attrs);
  mgt_check_str (ctx, "desc", a->desc, b->desc);
  mgt_check_str (ctx, "raw children", a->raw_children, b->raw_children);
}

G_GNUC_UNUSED static void
mgt_assert_data_equal (const char *ctx, GPtrArray *a, GPtrArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  mgt_check_int (ctx, "number of plain data", na, nb);
  for (guint i = 0; i < na; i++)
    {
      MgData *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_autofree char *sub = g_strdup_printf ("%s, data %u (key %s)", ctx, i,
                                              x->key ? x->key->id : "(none)");

      mgt_check_str (sub, "key id", x->key ? x->key->id : NULL, y->key ? y->key->id : NULL);
      mgt_check_str (sub, "key name", x->key ? x->key->name : NULL, y->key ? y->key->name : NULL);
      mgt_check_int (sub, "is_xml", x->is_xml, y->is_xml);
      mgt_check_str (sub, "value", x->value, y->value);
      mgt_assert_attrs_equal (sub, x->attrs, y->attrs);
    }
}

G_GNUC_UNUSED static void
mgt_assert_graph_info_equal (const char *ctx, const MgGraphInfo *a, const MgGraphInfo *b)
{
  if (a == NULL || b == NULL)
    {
      mgt_check_int (ctx, "has a nested graph", a != NULL, b != NULL);
      return;
    }
  mgt_check_str (ctx, "graph id", a->id, b->id);
  mgt_check_int (ctx, "graph directed", a->directed, b->directed);
  mgt_assert_data_equal (ctx, a->data, b->data);
  mgt_assert_extra_equal (ctx, &a->extra, &b->extra);
}

G_GNUC_UNUSED static const char *
mgt_actor_id (const MgActor *actor)
{
  return actor ? actor->id : NULL;
}

G_GNUC_UNUSED static void
mgt_assert_key_equal (const char *ctx, const MgKey *x, const MgKey *y)
{
  mgt_check_str (ctx, "key id", x->id, y->id);
  mgt_check_int (ctx, "key domain", x->domain, y->domain);
  mgt_check_str (ctx, "key name", x->name, y->name);
  mgt_check_int (ctx, "key type", x->type, y->type);
  /* Every key written carries attr.type (an untyped one as string). */
  mgt_check_int (ctx, "key typed once written", TRUE, y->typed);
  mgt_check_str (ctx, "key default", x->default_value, y->default_value);
  mgt_check_str (ctx, "key default (raw)", x->default_raw, y->default_raw);
  mgt_check_int (ctx, "key field", x->field, y->field);
  mgt_check_int (ctx, "key edge field", x->edge_field, y->edge_field);
  mgt_assert_extra_equal (ctx, &x->extra, &y->extra);
}

/* Keys of @a must come first in @b, unchanged; @b may have more keys, made by
 * the writer for fields @a had no key for (those are bound to a field). */
G_GNUC_UNUSED static void
mgt_assert_keys_equal (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, <=, b->len);
  for (guint i = 0; i < b->len; i++)
    {
      MgKey *y = g_ptr_array_index (b, i);
      g_autofree char *ctx = g_strdup_printf ("key %u (%s)", i, y->id);

      if (i < a->len)
        mgt_assert_key_equal (ctx, g_ptr_array_index (a, i), y);
      else
        g_assert_true (y->field != MG_FIELD_NONE || y->edge_field != MG_FIELD_NONE);
    }
}

G_GNUC_UNUSED static gboolean
mgt_is_namespace_attr (const char *name)
{
  return strcmp (name, "xmlns") == 0 || strcmp (name, "xmlns:xsi") == 0 ||
         g_str_has_suffix (name, ":schemaLocation");
}

/* Root attributes other than the ones the writer rewrites (default and xsi
 * namespaces, schema location). */
G_GNUC_UNUSED static GPtrArray *
mgt_other_root_attrs (MgMap *map)
{
  MgXmlExtra *root = mg_map_get_root_extra (map);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; root->attrs && i < root->attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (root->attrs, i);

      if (!mgt_is_namespace_attr (attr->name))
        g_ptr_array_add (out, attr);
    }
  return out;
}

G_GNUC_UNUSED static void
mgt_assert_actor_equal (const MgActor *x, const MgActor *y)
{
  g_autofree char *ctx = g_strdup_printf ("actor %u (%s)", x->index, x->id);

  mgt_check_str (ctx, "id", x->id, y->id);
  mgt_check_str (ctx, "label", x->label, y->label);
  mgt_check_str (ctx, "role", x->role, y->role);
  mgt_check_str (ctx, "territory", x->territory, y->territory);
  mgt_check_int (ctx, "lessons", x->lessons, y->lessons);
  mgt_check_str (ctx, "notes", x->notes, y->notes);
  mgt_check_int (ctx, "has_position", x->has_position, y->has_position);
  if (x->has_position)
    {
      mgt_check_double (ctx, "x", x->x, y->x);
      mgt_check_double (ctx, "y", x->y, y->y);
    }
  mgt_check_int (ctx, "pinned", x->pinned, y->pinned);
  mgt_check_double (ctx, "width", x->width, y->width);
  mgt_check_double (ctx, "height", x->height, y->height);
  mgt_check_int (ctx, "has_color", x->has_color, y->has_color);
  mgt_check_int (ctx, "color", x->color, y->color);
  mgt_check_str (ctx, "parent", mgt_actor_id (x->parent), mgt_actor_id (y->parent));
  mgt_check_int (ctx, "graph index", x->graph_index, y->graph_index);
  mgt_assert_graph_info_equal (ctx, x->subgraph, y->subgraph);
  mgt_assert_data_equal (ctx, x->data, y->data);
  mgt_assert_extra_equal (ctx, &x->extra, &y->extra);
}

G_GNUC_UNUSED static void
mgt_assert_relation_equal (const MgRelation *x, const MgRelation *y)
{
  g_autofree char *ctx = g_strdup_printf ("relation %u (%s → %s)", x->index,
                                          x->source->id, x->target->id);

  mgt_check_str (ctx, "id", x->id, y->id);
  mgt_check_str (ctx, "source", x->source->id, y->source->id);
  mgt_check_str (ctx, "target", x->target->id, y->target->id);
  mgt_check_str (ctx, "kind", x->kind, y->kind);
  mgt_check_int (ctx, "lessons", x->lessons, y->lessons);
  mgt_check_str (ctx, "notes", x->notes, y->notes);
  mgt_check_int (ctx, "has_weight", x->has_weight, y->has_weight);
  if (x->has_weight)
    mgt_check_double (ctx, "weight", x->weight, y->weight);
  mgt_check_int (ctx, "directed", x->directed, y->directed);
  mgt_check_int (ctx, "directed attribute", x->directed_attr, y->directed_attr);
  mgt_check_str (ctx, "parent", mgt_actor_id (x->parent), mgt_actor_id (y->parent));
  mgt_check_int (ctx, "graph index", x->graph_index, y->graph_index);
  mgt_assert_data_equal (ctx, x->data, y->data);
  mgt_assert_extra_equal (ctx, &x->extra, &y->extra);
}

/* Everything @a holds is in @b, as it was.  @b was read back from what the
 * writer made of @a. */
G_GNUC_UNUSED static void
mgt_assert_maps_equal (MgMap *a, MgMap *b)
{
  GPtrArray *aa = mg_map_get_actors (a), *ba = mg_map_get_actors (b);
  GPtrArray *ar = mg_map_get_relations (a), *br = mg_map_get_relations (b);
  GPtrArray *ag = mg_map_get_graphs (a), *bg = mg_map_get_graphs (b);
  g_autoptr(GPtrArray) a_root = mgt_other_root_attrs (a);
  g_autoptr(GPtrArray) b_root = mgt_other_root_attrs (b);
  MgXmlExtra *a_extra = mg_map_get_root_extra (a), *b_extra = mg_map_get_root_extra (b);

  mgt_check_str ("map", "title", mg_map_get_title (a), mg_map_get_title (b));
  mgt_check_str ("map", "description", mg_map_get_description (a), mg_map_get_description (b));
  mgt_assert_keys_equal (mg_map_get_keys (a), mg_map_get_keys (b));

  mgt_check_int ("map", "number of actors", aa->len, ba->len);
  for (guint i = 0; i < aa->len; i++)
    mgt_assert_actor_equal (g_ptr_array_index (aa, i), g_ptr_array_index (ba, i));
  mgt_check_int ("map", "number of relations", ar->len, br->len);
  for (guint i = 0; i < ar->len; i++)
    mgt_assert_relation_equal (g_ptr_array_index (ar, i), g_ptr_array_index (br, i));

  /* A map built in code may have no graph: the writer then writes one. */
  if (ag->len > 0)
    {
      mgt_check_int ("map", "number of graphs", ag->len, bg->len);
      for (guint i = 0; i < ag->len; i++)
        {
          g_autofree char *ctx = g_strdup_printf ("graph %u", i);

          mgt_assert_graph_info_equal (ctx, g_ptr_array_index (ag, i), g_ptr_array_index (bg, i));
        }
    }

  mgt_assert_data_equal ("document", mg_map_get_document_data (a), mg_map_get_document_data (b));
  mgt_assert_attrs_equal ("root", a_root, b_root);
  mgt_check_str ("root", "desc", a_extra->desc, b_extra->desc);
  mgt_check_str ("root", "raw children", a_extra->raw_children, b_extra->raw_children);
}

/* ---- XPath on written output ------------------------------------------- */

typedef struct {
  xmlDocPtr          doc;
  xmlXPathContextPtr ctx;
} MgtXml;

G_GNUC_UNUSED static void
mgt_xml_free (MgtXml *x)
{
  xmlXPathFreeContext (x->ctx);
  xmlFreeDoc (x->doc);
  g_free (x);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgtXml, mgt_xml_free)

/* Parses written GraphML (must be well-formed); prefix g: is GraphML 1.1. */
G_GNUC_UNUSED static MgtXml *
mgt_xml_parse (const char *text, gsize length)
{
  MgtXml *x = g_new0 (MgtXml, 1);

  x->doc = xmlReadMemory (text, (int) length, "written.graphml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (x->doc);
  x->ctx = xmlXPathNewContext (x->doc);
  xmlXPathRegisterNs (x->ctx, BAD_CAST "g", BAD_CAST MGT_GRAPHML_NS);
  xmlXPathRegisterNs (x->ctx, BAD_CAST "y", BAD_CAST "http://www.yworks.com/xml/graphml");
  return x;
}

G_GNUC_UNUSED static int
mgt_xml_count (MgtXml *x, const char *xpath)
{
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST xpath, x->ctx);
  int n;

  g_assert_nonnull (obj);
  n = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (obj);
  return n;
}

/* The string value of @xpath (NULL when it selects nothing). */
G_GNUC_UNUSED static char *
mgt_xml_string (MgtXml *x, const char *xpath)
{
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST xpath, x->ctx);
  char *result = NULL;

  g_assert_nonnull (obj);
  if (obj->type != XPATH_NODESET)
    {
      xmlChar *s = xmlXPathCastToString (obj);

      result = g_strdup ((const char *) s);
      xmlFree (s);
    }
  else if (obj->nodesetval && obj->nodesetval->nodeNr > 0)
    {
      xmlChar *s = xmlNodeGetContent (obj->nodesetval->nodeTab[0]);

      result = g_strdup ((const char *) s);
      xmlFree (s);
    }
  xmlXPathFreeObject (obj);
  return result;
}

#define mgt_assert_xpath_count(x, xpath, n) \
  G_STMT_START { \
    int mgt_n_ = mgt_xml_count ((x), (xpath)); \
    if (mgt_n_ != (n)) \
      g_assertion_message_cmpnum (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                  "count(" xpath ")", mgt_n_, "==", (n), 'i'); \
  } G_STMT_END

#define mgt_assert_xpath_str(x, xpath, expected) \
  G_STMT_START { \
    g_autofree char *mgt_s_ = mgt_xml_string ((x), (xpath)); \
    if (g_strcmp0 (mgt_s_, (expected)) != 0) \
      g_assertion_message_cmpstr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                  "string(" xpath ")", mgt_s_, "==", (expected)); \
  } G_STMT_END

/* ---- schema validation ------------------------------------------------- */

/* libxml2 propagates the node_id_key table of a nested <graph> to the
 * enclosing one and then finds every nested node twice, so any reference
 * from an outer graph to a nested node is reported as "More than one match"
 * (the corpus' yEd files show the same).  Not an error of the document:
 * missing ids ("No match found") and duplicates are still reported. */
static gboolean
mgt_is_libxml2_keyref_artefact (xmlErrorPtr error)
{
  return error->message != NULL &&
         strstr (error->message, "More than one match found for key-sequence") != NULL;
}

static void
mgt_collect_error (void *data, xmlErrorPtr error)
{
  GString *out = data;

  if (mgt_is_libxml2_keyref_artefact (error))
    return;
  if (out->len < 4000)
    g_string_append_printf (out, "line %d: %s", error->line, error->message ? error->message : "?\n");
}

G_GNUC_UNUSED static void
mgt_ignore_error (void *data, xmlErrorPtr error)
{
}

/* The GraphML 1.1 schema from the corpus (imports only local files), parsed
 * once with network access disabled; NULL when the corpus is absent. */
static xmlSchemaPtr mgt_schema = NULL;

G_GNUC_UNUSED static xmlSchemaPtr
mgt_graphml_schema (void)
{
  static gboolean tried = FALSE;
  xmlSchemaPtr schema;
  const char *corpus = g_getenv ("MAILLAGE_CORPUS_DIR");
  g_autofree char *path = NULL;
  xmlSchemaParserCtxtPtr parser;

  if (tried)
    return mgt_schema;
  tried = TRUE;
  if (corpus == NULL)
    return NULL;
  path = g_build_filename (corpus, "schema", "graphml-1.1-local", "graphml.xsd", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  xmlSetExternalEntityLoader (xmlNoNetExternalEntityLoader);
  parser = xmlSchemaNewParserCtxt (path);
  xmlSchemaSetParserStructuredErrors (parser, mgt_ignore_error, NULL);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  mgt_schema = schema;
  return schema;
}

/* Frees the schema and libxml2's global state, at the end of main(), so that
 * leak checkers only report our own leaks. */
G_GNUC_UNUSED static void
mgt_cleanup (void)
{
  g_clear_pointer (&mgt_schema, xmlSchemaFree);
  xmlCleanupParser ();
}

/* Validates while reading (streaming): libxml2's tree validation is very
 * slow on documents with thousands of identity-constraint errors (a
 * multigraph with duplicate edge ids takes a minute), streaming is not.
 * Reads to the end: a reader stopped early leaks in libxml2 2.9. */
G_GNUC_UNUSED static char *
mgt_schema_errors_reader (xmlSchemaPtr schema, xmlTextReaderPtr reader)
{
  GString *errors = g_string_new (NULL);
  int rc;

  g_assert_nonnull (reader);
  g_assert_cmpint (xmlTextReaderSetSchema (reader, schema), ==, 0);
  xmlTextReaderSetStructuredErrorHandler (reader, mgt_collect_error, errors);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    ;
  xmlFreeTextReader (reader);
  if (rc < 0 && errors->len == 0)
    g_string_append (errors, "the document could not be read");
  if (errors->len == 0)
    {
      g_string_free (errors, TRUE);
      return NULL;
    }
  return g_string_free (errors, FALSE);
}

/* NULL when @text is valid GraphML 1.1, else the validator's messages. */
G_GNUC_UNUSED static char *
mgt_schema_errors (xmlSchemaPtr schema, const char *text, gsize length)
{
  return mgt_schema_errors_reader (schema, xmlReaderForMemory (text, (int) length, "written.graphml",
                                                               NULL, XML_PARSE_NONET));
}

/* The same for a file (plain or gzip). */
G_GNUC_UNUSED static char *
mgt_schema_errors_file (xmlSchemaPtr schema, const char *path)
{
  return mgt_schema_errors_reader (schema, xmlReaderForFile (path, NULL, XML_PARSE_NONET));
}

/* Asserts @text validates against the GraphML 1.1 schema.  When the corpus
 * (and its schema) is absent, only says so: the rest of the test still
 * counts.  FALSE when not checked. */
G_GNUC_UNUSED static gboolean
mgt_assert_schema_valid (const char *text, gsize length)
{
  xmlSchemaPtr schema = mgt_graphml_schema ();
  g_autofree char *errors = NULL;

  if (schema == NULL)
    {
      g_test_message ("schema check skipped: GraphML schema not found (MAILLAGE_CORPUS_DIR unset or absent)");
      return FALSE;
    }
  errors = mgt_schema_errors (schema, text, length);
  if (errors != NULL)
    {
      g_test_message ("written GraphML:\n%s", text);
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, errors);
    }
  return TRUE;
}
