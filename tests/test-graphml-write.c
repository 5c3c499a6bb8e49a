/* test-graphml-write.c — the GraphML writer on maps built in code: what it
 * writes (checked with XPath on the output), that the output is valid
 * GraphML 1.1, and that reading it back gives the same map.  Saving to a file
 * is tested in test-graphml-save.c. */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "graphml-test-util.h"

#define YED_NS "http://www.yworks.com/xml/graphml"

typedef enum {
  RICH_PLAIN   = 0,
  RICH_FOREIGN = 1 << 0, /* yEd graphics, non-GraphML attributes: not schema-valid */
  RICH_ODD_IDS = 1 << 1, /* ids that are not NMTOKENs: not schema-valid */
} RichFlags;

static MgKey *
add_key (MgMap *map, const char *id, MgKeyDomain domain, const char *name,
         MgValueType type, const char *default_value)
{
  MgKey *key = mg_key_new (id, domain, name, type);

  key->default_value = g_strdup (default_value);
  g_assert_true (mg_map_add_key (map, key));
  return key;
}

static void
add_data (GPtrArray *data, MgKey *key, const char *value)
{
  g_ptr_array_add (data, mg_data_new (key, value, FALSE));
}

/* A map using every part of the model. */
static MgMap *
build_rich_map (RichFlags flags)
{
  MgMap *map = mg_map_new ();
  MgXmlExtra *root = mg_map_get_root_extra (map);
  gboolean odd = (flags & RICH_ODD_IDS) != 0;
  MgKey *k_count, *k_big, *k_ratio, *k_score, *k_active, *k_comment, *k_tag;
  MgKey *k_since, *k_graph_note, *k_creator;
  MgActor *a1, *a2, *a3, *group, *c1, *c2, *inner, *c3, *b1, *b2;
  MgRelation *r;
  MgGraphInfo *second;

  root->desc = g_strdup ("Root description <with> & \"quotes\" 'apostrophes'");
  mg_map_set_title (map, "Écosystème d'innovation — Clermont & co <2024>");
  mg_map_set_description (map, "Acteurs du territoire\nSecond line \"quoted\"\tand a tab");

  k_count = add_key (map, "count", MG_DOMAIN_NODE, "count", MG_VALUE_INT, "0");
  k_big = add_key (map, "big", MG_DOMAIN_NODE, "big", MG_VALUE_LONG, NULL);
  k_ratio = add_key (map, "ratio", MG_DOMAIN_NODE, "ratio", MG_VALUE_FLOAT, NULL);
  k_score = add_key (map, "score", MG_DOMAIN_NODE, "score", MG_VALUE_DOUBLE, "1.5");
  k_active = add_key (map, "active", MG_DOMAIN_NODE, "active", MG_VALUE_BOOLEAN, "false");
  k_comment = add_key (map, "comment", MG_DOMAIN_NODE, "comment", MG_VALUE_STRING, "none & <nothing>");
  k_comment->extra.desc = g_strdup ("Free text, \"as typed\"");
  k_tag = add_key (map, "tag", MG_DOMAIN_ALL, "tag", MG_VALUE_STRING, NULL);
  k_tag->typed = FALSE;
  k_since = add_key (map, "since", MG_DOMAIN_EDGE, "since", MG_VALUE_INT, NULL);
  k_graph_note = add_key (map, "graph_note", MG_DOMAIN_GRAPH, "graph_note", MG_VALUE_STRING, NULL);
  k_creator = add_key (map, "creator", MG_DOMAIN_GRAPHML, "creator", MG_VALUE_STRING, NULL);
  add_data (mg_map_get_document_data (map), k_creator, "Maillage tests ✓");

  if (flags & RICH_FOREIGN)
    {
      MgKey *k_graphics = add_key (map, "d_graphics", MG_DOMAIN_NODE, NULL, MG_VALUE_STRING, NULL);

      k_graphics->typed = FALSE;
      mg_xml_extra_add_attr (&k_graphics->extra, "yfiles.type", "nodegraphics");
      mg_xml_extra_add_attr (root, "xmlns:y", YED_NS);
    }

  a1 = mg_map_add_actor (map, odd ? "a&b<c>\"d'e" : "michelin");
  a2 = mg_map_add_actor (map, odd ? "é-日本-🚀 x" : "uca");
  a3 = mg_map_add_actor (map, NULL);
  mg_map_set_actor_label (map, a1, "Michelin & Cie <\"pneus\"> 'Bibendum'");
  mg_map_set_actor_role (map, a1, "large-company");
  mg_map_set_actor_territory (map, a1, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  mg_map_set_actor_lessons (map, a1, MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN));
  mg_map_set_actor_notes (map, a1, "Line one\nLine two & <three>\r\nwith CRLF and  double  spaces ");
  mg_map_set_actor_position (map, a1, 0.1 + 0.2, -1e-7);
  mg_map_set_actor_pinned (map, a1, TRUE);
  add_data (a1->data, k_count, "42");
  add_data (a1->data, k_big, "9007199254740993");
  add_data (a1->data, k_ratio, "0.25");
  add_data (a1->data, k_score, "-3.5e10");
  add_data (a1->data, k_active, "true");
  add_data (a1->data, k_comment, "  leading and trailing spaces  ");
  add_data (a1->data, k_tag, "& < > \" '");
  a1->extra.desc = g_strdup ("Actor description");
  mg_xml_extra_append_raw (&a1->extra, "<port name=\"north\"/><port name=\"south\"/>");

  mg_map_set_actor_label (map, a2, "Université Clermont Auvergne 大学 🚀");
  mg_map_set_actor_role (map, a2, "university");
  mg_map_set_actor_position (map, a2, 120.5, 80);
  add_data (a2->data, k_tag, "");
  if (flags & RICH_FOREIGN)
    {
      MgKey *k_graphics = mg_map_lookup_key (map, "d_graphics");

      g_ptr_array_add (a2->data, mg_data_new (k_graphics,
        "\n        <y:ShapeNode>\n          <y:Geometry height=\"30.0\" width=\"40.0\" x=\"100.5\" y=\"65.0\"/>\n"
        "          <y:NodeLabel alignment=\"center\">Université &amp; co &lt;x&gt;</y:NodeLabel>\n"
        "        </y:ShapeNode>\n      ", TRUE));
      mg_xml_extra_add_attr (&a2->extra, "yfiles.foldertype", "leaf");
      /* What the reader takes from the geometry. */
      mg_map_set_actor_size (map, a2, 40, 30);
    }

  /* A group with a nested group. */
  group = mg_map_add_actor (map, "group");
  mg_map_set_actor_label (map, group, "Clermont OpenLab");
  group->subgraph = mg_graph_info_new ();
  group->subgraph->id = g_strdup ("group:");
  group->subgraph->directed = FALSE;
  group->subgraph->has_edgedefault = TRUE;
  add_data (group->subgraph->data, k_graph_note, "nested graph data");
  c1 = mg_map_add_actor (map, "c1");
  c1->parent = group;
  c2 = mg_map_add_actor (map, "c2");
  c2->parent = group;
  mg_map_set_actor_role (map, c2, "startup");
  inner = mg_map_add_actor (map, "inner");
  inner->parent = group;
  inner->subgraph = mg_graph_info_new ();
  inner->subgraph->id = g_strdup ("inner:");
  c3 = mg_map_add_actor (map, "c3");
  c3->parent = inner;
  mg_map_set_actor_label (map, c3, "Deeply nested");

  /* Relations: parallel, self-loop, mixed directedness; in file order (the
   * nested graphs come inside their group's node, before the top-level
   * edges) so that reading back gives the same order. */
  r = mg_map_add_relation (map, c3, c3, "deepest", TRUE);
  r->parent = inner;
  r = mg_map_add_relation (map, c1, c2, "inside", FALSE);
  r->parent = group;
  r = mg_map_add_relation (map, c3, c1, "deep", TRUE);
  r->parent = group;
  r = mg_map_add_relation (map, a1, a2, "r1", TRUE);
  mg_map_set_relation_kind (map, r, "research");
  mg_map_set_relation_lessons (map, r, MG_LESSON_BIT (MG_LESSON_LEARN));
  mg_map_set_relation_notes (map, r, "Chaire & <labo>");
  mg_map_set_relation_weight (map, r, TRUE, 2.5);
  add_data (r->data, k_since, "2016");
  add_data (r->data, k_tag, "edge tag");
  r->extra.desc = g_strdup ("Relation description");
  mg_xml_extra_add_attr (&r->extra, "sourceport", "north");
  r = mg_map_add_relation (map, a1, a2, "r2", TRUE);
  mg_map_set_relation_kind (map, r, "funding");
  r->directed_attr = 1;
  r = mg_map_add_relation (map, a1, a2, NULL, FALSE);
  mg_map_set_relation_weight (map, r, TRUE, 1.0 / 3.0);
  r = mg_map_add_relation (map, a1, a1, "loop", TRUE);
  mg_map_set_relation_kind (map, r, "unknown-kind");
  r = mg_map_add_relation (map, a3, group, "to-group", TRUE);

  /* A hyperedge kept raw in the first graph. */
  mg_xml_extra_append_raw (&((MgGraphInfo *) g_ptr_array_index (mg_map_get_graphs (map), 0))->extra,
                           "<hyperedge id=\"h1\"><endpoint node=\"c1\"/><endpoint node=\"c2\" type=\"in\"/></hyperedge>");
  ((MgGraphInfo *) g_ptr_array_index (mg_map_get_graphs (map), 0))->id = g_strdup ("G");

  /* A second top-level graph, undirected. */
  second = mg_map_add_graph (map);
  second->id = g_strdup ("second");
  second->directed = FALSE;
  second->has_edgedefault = TRUE;
  second->extra.desc = g_strdup ("Another graph");
  b1 = mg_map_add_actor (map, "b1");
  b1->graph_index = 1;
  b2 = mg_map_add_actor (map, "b2");
  b2->graph_index = 1;
  mg_map_set_actor_lessons (map, b2, MG_LESSON_SET_ALL);
  r = mg_map_add_relation (map, b1, b2, "b-edge", FALSE);
  r->graph_index = 1;
  r = mg_map_add_relation (map, b2, b1, "b-directed", TRUE);
  r->graph_index = 1;

  /* Relations against their graph's edgedefault get a directed= attribute
   * in the file; say so here, as the reader will. */
  for (guint i = 0; i < mg_map_get_n_relations (map); i++)
    {
      MgRelation *rel = g_ptr_array_index (mg_map_get_relations (map), i);
      MgGraphInfo *graph = rel->parent ? rel->parent->subgraph
                                       : g_ptr_array_index (mg_map_get_graphs (map), rel->graph_index);

      if (rel->directed_attr == -1 && rel->directed != graph->directed)
        rel->directed_attr = rel->directed;
      rel->edits = 0;
    }
  /* Built as a reader builds: nothing counts as edited, so the kept yEd
   * graphics are written as they are. */
  for (guint i = 0; i < mg_map_get_n_actors (map); i++)
    ((MgActor *) g_ptr_array_index (mg_map_get_actors (map), i))->edits = 0;

  return map;
}

static char *
write_string (MgMap *map, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *text = mg_graphml_write_to_string (map, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, *length);
  return text;
}

/* ---- what is written ---------------------------------------------------- */

static void
test_write_empty_map (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  gsize length;
  g_autofree char *text = write_string (map, &length);
  g_autoptr(MgtXml) x = mgt_xml_parse (text, length);

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "));
  g_assert_true (g_str_has_suffix (text, "</graphml>\n"));
  g_assert_nonnull (strstr (text, "xmlns=\"" MGT_GRAPHML_NS "\""));
  g_assert_nonnull (strstr (text, "xsi:schemaLocation=\"" MGT_GRAPHML_NS
                            " http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd\""));
  mgt_assert_xpath_count (x, "/g:graphml/g:graph", 1);
  mgt_assert_xpath_str (x, "/g:graphml/g:graph/@edgedefault", "directed");
  mgt_assert_xpath_count (x, "//g:key", 0);
  mgt_assert_schema_valid (text, length);
}

static void
test_write_indented (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "a");
  gsize length;
  g_autofree char *text = NULL;

  mg_map_set_actor_label (map, a, "A");
  text = write_string (map, &length);
  g_assert_nonnull (strstr (text, "\n  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"));
  g_assert_nonnull (strstr (text, "\n  <graph edgedefault=\"directed\">\n"
                                  "    <node id=\"a\">\n"
                                  "      <data key=\"label\">A</data>\n"
                                  "    </node>\n"
                                  "  </graph>\n"));
}

static void
test_write_fields_make_keys (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  MgActor *a = mg_map_add_actor (map, "a");
  MgActor *b = mg_map_add_actor (map, "b");
  MgRelation *r = mg_map_add_relation (map, a, b, "r", TRUE);
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;

  mg_map_set_title (map, "Title");
  mg_map_set_actor_label (map, a, "Alpha");
  mg_map_set_actor_role (map, a, "sme");
  mg_map_set_actor_territory (map, a, "Auvergne/Allier");
  mg_map_set_actor_lessons (map, a, MG_LESSON_BIT (MG_LESSON_VALORIZE) | MG_LESSON_BIT (MG_LESSON_COMBINE));
  mg_map_set_actor_position (map, a, 12.25, -3);
  mg_map_set_actor_pinned (map, a, TRUE);
  mg_map_set_actor_position (map, b, 1e300, 0.1);
  mg_map_set_relation_kind (map, r, "supply");
  mg_map_set_relation_weight (map, r, TRUE, 0.5);

  gt_signal_logger_connect (logger, map, "actor-changed");
  gt_signal_logger_connect (logger, map, "relation-changed");
  gt_signal_logger_connect (logger, map, "metadata-changed");
  gt_signal_logger_connect (logger, map, "notify");

  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);

  /* Saving does not touch the map: no signal, no key added to it. */
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (mg_map_get_keys (map)->len, ==, 0);

  mgt_assert_xpath_str (x, "//g:key[@id='label']/@attr.name", "label");
  mgt_assert_xpath_str (x, "//g:key[@id='label']/@for", "node");
  mgt_assert_xpath_str (x, "//g:key[@id='label']/@attr.type", "string");
  mgt_assert_xpath_str (x, "//g:key[@id='x']/@attr.type", "double");
  mgt_assert_xpath_str (x, "//g:key[@id='y']/@attr.type", "double");
  mgt_assert_xpath_str (x, "//g:key[@id='pinned']/@attr.type", "boolean");
  mgt_assert_xpath_str (x, "//g:key[@id='pinned']/g:default", "false");
  mgt_assert_xpath_str (x, "//g:key[@id='kind']/@for", "edge");
  mgt_assert_xpath_str (x, "//g:key[@id='weight']/@attr.type", "double");
  mgt_assert_xpath_str (x, "//g:key[@id='title']/@for", "graph");
  /* No key for a field nobody has a value for. */
  mgt_assert_xpath_count (x, "//g:key[@attr.name='notes']", 0);
  mgt_assert_xpath_count (x, "//g:key[@attr.name='description']", 0);
  mgt_assert_xpath_count (x, "//g:key[@attr.name='lessons'][@for='edge']", 0);
  mgt_assert_xpath_count (x, "//g:key", 10);

  mgt_assert_xpath_str (x, "//g:graph/g:data[@key='title']", "Title");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='label']", "Alpha");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='role']", "sme");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='territory']", "Auvergne/Allier");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='lessons']", "valorize,combine");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='x']", "12.25");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='y']", "-3");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='pinned']", "true");
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='x']", "1e+300");
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='y']", "0.1");
  /* Unpinned is the key's default: not written. */
  mgt_assert_xpath_count (x, "//g:node[@id='b']/g:data[@key='pinned']", 0);
  mgt_assert_xpath_count (x, "//g:node[@id='b']/g:data[@key='label']", 0);
  mgt_assert_xpath_str (x, "//g:edge[@id='r']/g:data[@key='kind']", "supply");
  mgt_assert_xpath_str (x, "//g:edge[@id='r']/g:data[@key='weight']", "0.5");
  mgt_assert_schema_valid (text, length);
}

static void
test_write_uses_bound_keys (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgKey *name = add_key (map, "n_name", MG_DOMAIN_NODE, "name", MG_VALUE_STRING, NULL);
  MgKey *px = add_key (map, "px", MG_DOMAIN_NODE, "xpos", MG_VALUE_INT, NULL);
  MgKey *py = add_key (map, "py", MG_DOMAIN_NODE, "ypos", MG_VALUE_LONG, NULL);
  MgKey *lab = add_key (map, "label", MG_DOMAIN_EDGE, "label", MG_VALUE_STRING, NULL);
  MgKey *pin = add_key (map, "fixed", MG_DOMAIN_NODE, "fixed", MG_VALUE_BOOLEAN, "true");
  MgKey *all = add_key (map, "everything", MG_DOMAIN_ALL, "notes", MG_VALUE_STRING, NULL);
  MgActor *a = mg_map_add_actor (map, "a");
  MgActor *b = mg_map_add_actor (map, "b");
  MgRelation *r = mg_map_add_relation (map, a, b, NULL, TRUE);
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;

  name->field = MG_FIELD_LABEL;
  px->field = MG_FIELD_X;
  py->field = MG_FIELD_Y;
  pin->field = MG_FIELD_PINNED;
  all->field = MG_FIELD_NOTES;
  all->edge_field = MG_FIELD_NOTES;
  mg_map_set_actor_label (map, a, "Alpha");
  mg_map_set_actor_position (map, a, 10.5, -2.5);
  mg_map_set_actor_position (map, b, 3.49, 1e12);
  mg_map_set_actor_pinned (map, b, TRUE);
  mg_map_set_actor_notes (map, a, "actor notes");
  mg_map_set_relation_notes (map, r, "relation notes");
  /* A plain "label" key for edges is not the node label key. */
  add_data (r->data, lab, "edge label");

  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);

  mgt_assert_xpath_count (x, "//g:key", 6);
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='n_name']", "Alpha");
  /* Integer keys get integers (half away from zero), so the file stays valid. */
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='px']", "11");
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='py']", "-3");
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='px']", "3");
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='py']", "1000000000000");
  /* The pinned key defaults to true: only the unpinned actor says so. */
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='fixed']", "false");
  mgt_assert_xpath_count (x, "//g:node[@id='b']/g:data[@key='fixed']", 0);
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='everything']", "actor notes");
  mgt_assert_xpath_str (x, "//g:edge/g:data[@key='everything']", "relation notes");
  mgt_assert_xpath_str (x, "//g:edge/g:data[@key='label']", "edge label");
  mgt_assert_schema_valid (text, length);
}

static void
test_write_made_key_ids_avoid_clashes (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "a");
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;

  /* Ids "label" and "label_2" are taken by keys unrelated to labels. */
  add_key (map, "label", MG_DOMAIN_EDGE, "something", MG_VALUE_STRING, NULL);
  add_key (map, "label_2", MG_DOMAIN_GRAPH, "other", MG_VALUE_STRING, NULL);
  mg_map_set_actor_label (map, a, "A");
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_str (x, "//g:key[@attr.name='label']/@id", "label_3");
  mgt_assert_xpath_str (x, "//g:node/g:data[@key='label_3']", "A");
  mgt_assert_schema_valid (text, length);
}

static void
test_write_directedness (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "a");
  MgActor *b = mg_map_add_actor (map, "b");
  MgRelation *r;
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;

  mg_map_add_relation (map, a, b, "follows", TRUE);
  mg_map_add_relation (map, a, b, "against", FALSE);
  r = mg_map_add_relation (map, a, b, "explicit", TRUE);
  r->directed_attr = 1;
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_str (x, "//g:graph/@edgedefault", "directed");
  mgt_assert_xpath_count (x, "//g:edge[@id='follows'][@directed]", 0);
  mgt_assert_xpath_str (x, "//g:edge[@id='against']/@directed", "false");
  mgt_assert_xpath_str (x, "//g:edge[@id='explicit']/@directed", "true");
}

static void
test_write_structure (void)
{
  g_autoptr(MgMap) map = build_rich_map (RICH_PLAIN);
  gsize length;
  g_autofree char *text = write_string (map, &length);
  g_autoptr(MgtXml) x = mgt_xml_parse (text, length);

  mgt_assert_xpath_count (x, "/g:graphml/g:graph", 2);
  mgt_assert_xpath_str (x, "/g:graphml/g:graph[1]/@id", "G");
  mgt_assert_xpath_str (x, "/g:graphml/g:graph[2]/@id", "second");
  mgt_assert_xpath_str (x, "/g:graphml/g:graph[2]/@edgedefault", "undirected");
  mgt_assert_xpath_str (x, "/g:graphml/g:graph[2]/g:desc", "Another graph");
  /* Schema order: desc, key*, data, graph. */
  mgt_assert_xpath_str (x, "name(/g:graphml/*[1])", "desc");
  mgt_assert_xpath_str (x, "name(/g:graphml/*[2])", "key");
  mgt_assert_xpath_str (x, "/g:graphml/g:data[@key='creator']", "Maillage tests ✓");
  mgt_assert_xpath_count (x, "/g:graphml/g:data/following-sibling::g:key", 0);
  /* Title in the first graph only. */
  mgt_assert_xpath_count (x, "//g:data[@key='title']", 1);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:data[@key='title']", 1);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:data[@key='description']", 1);
  /* Groups hold their nested graph, with its relations. */
  mgt_assert_xpath_str (x, "//g:node[@id='group']/g:graph/@id", "group:");
  mgt_assert_xpath_str (x, "//g:node[@id='group']/g:graph/@edgedefault", "undirected");
  mgt_assert_xpath_str (x, "//g:node[@id='group']/g:graph/g:data[@key='graph_note']", "nested graph data");
  mgt_assert_xpath_count (x, "//g:node[@id='group']/g:graph/g:node", 3);
  mgt_assert_xpath_count (x, "//g:node[@id='group']/g:graph/g:edge[@id='inside']", 1);
  mgt_assert_xpath_count (x, "//g:node[@id='group']/g:graph/g:edge[@id='inside'][@directed]", 0);
  mgt_assert_xpath_str (x, "//g:node[@id='inner']/g:graph/@edgedefault", "directed");
  mgt_assert_xpath_count (x, "//g:node[@id='inner']/g:graph/g:node[@id='c3']", 1);
  mgt_assert_xpath_count (x, "//g:node[@id='group']/g:graph/g:edge[@id='deep']", 1);
  mgt_assert_xpath_count (x, "//g:node[@id='inner']/g:graph/g:edge[@id='deepest']", 1);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:node", 4);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[2]/g:node", 2);
  mgt_assert_xpath_str (x, "/g:graphml/g:graph[2]/g:edge[@id='b-directed']/@directed", "true");
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[2]/g:edge[@id='b-edge'][@directed]", 0);
  /* Parallel edges and the self-loop are all there. */
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:edge[@source='michelin'][@target='uca']", 3);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:edge[@source='michelin'][@target='michelin']", 1);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:edge[not(@id)]", 1);
  /* Ports come before the nested graph; hyperedges after edges. */
  mgt_assert_xpath_count (x, "//g:node[@id='michelin']/g:port", 2);
  mgt_assert_xpath_str (x, "//g:node[@id='michelin']/g:desc", "Actor description");
  mgt_assert_xpath_str (x, "name(//g:node[@id='michelin']/*[1])", "desc");
  mgt_assert_xpath_str (x, "//g:edge[@id='r1']/@sourceport", "north");
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:hyperedge/g:endpoint", 2);
  mgt_assert_xpath_count (x, "/g:graphml/g:graph[1]/g:hyperedge/following-sibling::*", 0);
  /* Key extras. */
  mgt_assert_xpath_str (x, "//g:key[@id='comment']/g:desc", "Free text, \"as typed\"");
  mgt_assert_xpath_str (x, "//g:key[@id='comment']/g:default", "none & <nothing>");
  mgt_assert_xpath_str (x, "//g:key[@id='tag']/@for", "all");
  mgt_assert_xpath_str (x, "//g:key[@id='tag']/@attr.type", "string");
  mgt_assert_xpath_str (x, "//g:key[@id='count']/@attr.type", "int");
  mgt_assert_schema_valid (text, length);
}

static void
test_write_special_characters (void)
{
  g_autoptr(MgMap) map = build_rich_map (RICH_ODD_IDS | RICH_FOREIGN);
  MgActor *a1 = g_ptr_array_index (mg_map_get_actors (map), 0);
  MgActor *a2 = g_ptr_array_index (mg_map_get_actors (map), 1);
  gsize length;
  g_autofree char *text = write_string (map, &length);
  g_autoptr(MgtXml) x = mgt_xml_parse (text, length);
  g_autofree char *label = mgt_xml_string (x, "//g:node[1]/g:data[@key='label']");
  g_autofree char *notes = mgt_xml_string (x, "//g:node[1]/g:data[@key='notes']");
  g_autofree char *id = mgt_xml_string (x, "//g:node[1]/@id");
  g_autofree char *id2 = mgt_xml_string (x, "//g:node[2]/@id");
  g_autofree char *source = mgt_xml_string (x, "//g:edge[@id='r1']/@source");

  g_assert_cmpstr (id, ==, a1->id);
  g_assert_cmpstr (id2, ==, a2->id);
  g_assert_cmpstr (source, ==, a1->id);
  g_assert_cmpstr (label, ==, a1->label);
  g_assert_cmpstr (notes, ==, a1->notes);
  mgt_assert_xpath_str (x, "//g:node[1]/g:data[@key='tag']", "& < > \" '");
  mgt_assert_xpath_str (x, "//g:node[1]/g:data[@key='comment']", "  leading and trailing spaces  ");
  mgt_assert_xpath_str (x, "/g:graphml/g:desc", "Root description <with> & \"quotes\" 'apostrophes'");
  /* The yEd subtree is real XML in the output, not escaped text. */
  mgt_assert_xpath_str (x, "//g:node[2]/g:data[@key='d_graphics']/y:ShapeNode/y:NodeLabel",
                        "Université & co <x>");
  mgt_assert_xpath_str (x, "//g:node[2]/@yfiles.foldertype", "leaf");
  mgt_assert_xpath_str (x, "//g:key[@id='d_graphics']/@yfiles.type", "nodegraphics");
  g_assert_nonnull (strstr (text, "\n        <y:ShapeNode>\n          <y:Geometry height=\"30.0\""));
}

static void
test_write_invalid_characters_replaced (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "a");
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;

  /* A control character and a broken UTF-8 sequence would make the file
   * unreadable; they become U+FFFD. */
  mg_map_set_actor_label (map, a, "bell\a and \x01 end");
  mg_map_set_actor_notes (map, a, "bad \xff byte");
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_str (x, "//g:node/g:data[@key='label']", "bell\xef\xbf\xbd and \xef\xbf\xbd end");
  mgt_assert_xpath_str (x, "//g:node/g:data[@key='notes']", "bad \xef\xbf\xbd byte");
}

static void
test_write_root_namespaces (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgXmlExtra *root = mg_map_get_root_extra (map);
  MgActor *node;
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;

  /* As read from an old yFiles file: 1.0rc default namespace. */
  mg_xml_extra_add_attr (root, "xmlns", "http://graphml.graphdrawing.org/xmlns/graphml");
  mg_xml_extra_add_attr (root, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  mg_xml_extra_add_attr (root, "xsi:schemaLocation",
                         "http://graphml.graphdrawing.org/xmlns/graphml http://www.yworks.com/xml/schema/graphml/1.0/ygraphml.xsd"
                         " http://example.org/ext http://example.org/ext.xsd");
  mg_xml_extra_add_attr (root, "xmlns:y", YED_NS);
  node = mg_map_add_actor (map, "n0");
  /* A default namespace on an inner element would take it out of GraphML. */
  mg_xml_extra_add_attr (&node->extra, "xmlns", "http://graphml.graphdrawing.org/xmlns/graphml");
  mg_xml_extra_add_attr (&node->extra, "xmlns:z", "http://example.org/z");
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);

  g_assert_nonnull (strstr (text, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                                  "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                                  "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd "
                                  "http://example.org/ext http://example.org/ext.xsd\" "
                                  "xmlns:y=\"" YED_NS "\">"));
  mgt_assert_xpath_count (x, "/g:graphml/g:graph/g:node", 1);
  g_assert_nonnull (strstr (text, "<node id=\"n0\" xmlns:z=\"http://example.org/z\"/>"));
}

static void
test_write_deterministic (void)
{
  g_autoptr(MgMap) map = build_rich_map (RICH_FOREIGN);
  gsize l1, l2;
  g_autofree char *t1 = write_string (map, &l1);
  g_autofree char *t2 = write_string (map, &l2);

  g_assert_cmpstr (t1, ==, t2);
}

static void
test_write_schema_valid (void)
{
  g_autoptr(MgMap) map = build_rich_map (RICH_PLAIN);
  gsize length;
  g_autofree char *text = write_string (map, &length);

  if (!mgt_assert_schema_valid (text, length))
    g_test_skip ("GraphML schema not found (MAILLAGE_CORPUS_DIR unset or absent)");
}

/* The schema check above is not vacuous: an id that is not an NMTOKEN (kept
 * as read from a file) is reported. */
static void
test_write_schema_check_sees_invalid_ids (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  xmlSchemaPtr schema = mgt_graphml_schema ();
  gsize length;
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;

  if (schema == NULL)
    {
      g_test_skip ("GraphML schema not found (MAILLAGE_CORPUS_DIR unset or absent)");
      return;
    }
  mg_map_add_actor (map, "two words");
  text = write_string (map, &length);
  errors = mgt_schema_errors (schema, text, length);
  g_assert_nonnull (errors);
  g_assert_nonnull (strstr (errors, "NMTOKEN"));
}

/* ---- reading back ------------------------------------------------------ */

static MgMap *
read_back (const char *text, gsize length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  MgMap *map = mg_graphml_read_memory (text, length, "written.graphml", warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("reader warning: %s", (char *) g_ptr_array_index (warnings, i));
  return map;
}

static void
check_round_trip (RichFlags flags)
{
  g_autoptr(MgMap) map = build_rich_map (flags);
  gsize l1, l2;
  g_autofree char *t1 = write_string (map, &l1);
  g_autoptr(MgMap) back = read_back (t1, l1);
  g_autofree char *t2 = NULL;

  mgt_assert_maps_equal (map, back);
  /* Saving what was read gives the same bytes. */
  t2 = write_string (back, &l2);
  g_assert_cmpstr (t1, ==, t2);
}

static void
test_round_trip_plain (void)
{
  check_round_trip (RICH_PLAIN);
}

static void
test_round_trip_foreign_and_odd_ids (void)
{
  check_round_trip (RICH_FOREIGN | RICH_ODD_IDS);
}

static void
test_round_trip_no_graph_undirected (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a, *b;
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgMap) back = NULL;
  MgRelation *r;

  /* Actors added before any graph get one; relations undirected. */
  a = mg_map_add_actor (map, "a");
  b = mg_map_add_actor (map, "b");
  mg_map_add_relation (map, a, b, NULL, FALSE);
  text = write_string (map, &length);
  back = read_back (text, length);
  g_assert_cmpuint (mg_map_get_n_relations (back), ==, 1);
  r = g_ptr_array_index (mg_map_get_relations (back), 0);
  g_assert_false (r->directed);
  g_assert_null (r->id);
}

/* Provenance on actors and relations: keys named "provenance" for nodes and
 * edges, typed string; any word kept as written; absent stays absent. */
static void
test_write_provenance_round_trip (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "a");
  MgActor *b = mg_map_add_actor (map, "b");
  MgActor *c = mg_map_add_actor (map, "c");
  MgRelation *ab = mg_map_add_relation (map, a, b, "ab", TRUE);
  MgRelation *bc = mg_map_add_relation (map, b, c, "bc", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(MgMap) back = NULL;
  gsize length;

  mg_map_set_actor_provenance (map, a, "workshop");
  mg_map_set_actor_provenance (map, b, "Hearsay");
  mg_map_set_relation_provenance (map, ab, "inferred");
  text = mg_graphml_write_to_string (map, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "for=\"node\" attr.name=\"provenance\""));
  g_assert_nonnull (strstr (text, "for=\"edge\" attr.name=\"provenance\""));

  back = mg_graphml_read_memory (text, length, "provenance.graphml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_map_lookup_actor (back, "a")->provenance, ==, "workshop");
  g_assert_cmpstr (mg_map_lookup_actor (back, "b")->provenance, ==, "Hearsay");
  g_assert_null (mg_map_lookup_actor (back, "c")->provenance);
  g_assert_cmpstr (((MgRelation *) g_ptr_array_index (mg_map_get_relations (back), 0))->provenance,
                   ==, "inferred");
  g_assert_null (((MgRelation *) g_ptr_array_index (mg_map_get_relations (back), 1))->provenance);
  g_assert_cmpint (mg_provenance_from_string ("Hearsay"), ==, MG_PROVENANCE_OTHER);
  g_assert_cmpint (mg_provenance_from_string (" Illustrative "), ==, MG_PROVENANCE_ILLUSTRATIVE);
  g_assert_cmpint (mg_provenance_from_string (NULL), ==, MG_PROVENANCE_NONE);
  (void) bc;

  /* Written again, the same text. */
  again = mg_graphml_write_to_string (back, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
}

/* ---- a stricter writer: what a file says is said again the same way ---- */

static const char strict_doc[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"" YED_NS "\">\n"
  "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
  "  <key id=\"d1\" for=\"node\" attr.name=\"lessons\" attr.type=\"string\"/>\n"
  "  <key id=\"d2\" for=\"node\" attr.name=\"comment\"/>\n"
  "  <key id=\"d3\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
  "  <key id=\"d4\" for=\"edge\" attr.name=\"description\" attr.type=\"string\"/>\n"
  "  <key id=\"d5\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n"
  "  <key id=\"d6\" for=\"node\" attr.name=\"notes\" attr.type=\"string\"/>\n"
  "  <key id=\"d7\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default>1.0</default></key>\n"
  "  <key id=\"d8\" for=\"edge\" attr.name=\"lessons\" attr.type=\"string\"/>\n"
  "  <graph id=\"G\" edgedefault=\"directed\">\n"
  "    <node id=\"a\"><data key=\"d0\">A</data><data key=\"d1\">care,valorize</data>"
  "<data key=\"d2\"></data><data key=\"d3\"></data><data key=\"d6\"/></node>\n"
  "    <node id=\"b\"><data key=\"d0\"></data><data key=\"d1\">learn, combine</data></node>\n"
  "    <edge id=\"e1\" source=\"a\" target=\"b\"><data key=\"d4\">why</data>"
  "<data key=\"d8\">learn,care</data>"
  "<data key=\"d5\"><y:PolyLineEdge><y:EdgeLabel>funds</y:EdgeLabel></y:PolyLineEdge></data></edge>\n"
  "    <edge id=\"e2\" source=\"b\" target=\"a\">"
  "<data key=\"d5\"><y:PolyLineEdge><y:EdgeLabel>since 2019</y:EdgeLabel></y:PolyLineEdge></data></edge>\n"
  "  </graph>\n"
  "</graphml>\n";

static MgMap *
read_strict_doc (void)
{
  g_autoptr (GError) error = NULL;
  MgMap *map = mg_graphml_read_memory (strict_doc, sizeof strict_doc - 1, "strict.graphml",
                                       NULL, &error);

  g_assert_no_error (error);
  return map;
}

static MgtXml *
written (MgMap *map)
{
  gsize length;
  g_autofree char *text = write_string (map, &length);

  return mgt_xml_parse (text, length);
}

/* igraph drops keys without attr.type: every key written has one, made
 * keys (label from yEd graphics, role added when tagging) included. */
static void
test_write_every_key_typed (void)
{
  g_autoptr (MgMap) map = read_strict_doc ();
  g_autoptr (MgtXml) x = NULL;

  mg_map_set_actor_role (map, mg_map_lookup_actor (map, "b"), "startup");
  x = written (map);
  mgt_assert_xpath_count (x, "//g:key[not(@attr.type)]", 0);
  mgt_assert_xpath_str (x, "//g:key[@id='d2']/@attr.type", "string");
  mgt_assert_xpath_str (x, "//g:key[@id='d5']/@attr.type", "string");
  mgt_assert_xpath_str (x, "//g:key[@id='d5']/@yfiles.type", "edgegraphics");
}

static void
test_write_empty_values_kept (void)
{
  g_autoptr (MgMap) map = read_strict_doc ();
  g_autoptr (MgtXml) x = written (map);

  /* Bound keys (label, role, notes) and a plain one alike. */
  mgt_assert_xpath_count (x, "//g:node[@id='a']/g:data[@key='d2']", 1);
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='d2']", "");
  mgt_assert_xpath_count (x, "//g:node[@id='a']/g:data[@key='d3']", 1);
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='d3']", "");
  mgt_assert_xpath_count (x, "//g:node[@id='a']/g:data[@key='d6']", 1);
  mgt_assert_xpath_count (x, "//g:node[@id='b']/g:data[@key='d0']", 1);
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='d0']", "");
}

static void
test_write_lessons_order_kept (void)
{
  g_autoptr (MgMap) map = read_strict_doc ();
  g_autoptr (MgtXml) x = written (map);
  g_autoptr (MgtXml) edited = NULL;
  MgActor *a = mg_map_lookup_actor (map, "a");

  /* The first save of a file does not reorder its lists. */
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='d1']", "care,valorize");
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='d1']", "learn, combine");
  mgt_assert_xpath_str (x, "//g:edge[@id='e1']/g:data[@key='d8']", "learn,care");

  /* Edited: written as Maillage writes lessons. */
  mg_map_set_actor_lessons (map, a, a->lessons | MG_LESSON_BIT (MG_LESSON_LEARN));
  edited = written (map);
  mgt_assert_xpath_str (edited, "//g:node[@id='a']/g:data[@key='d1']", "valorize,care,learn");
  mgt_assert_xpath_str (edited, "//g:node[@id='b']/g:data[@key='d1']", "learn, combine");
}

/* A yEd edge label shows as the relation's notes but stays in the yEd
 * graphics: never copied into the file's description key, nor into a made
 * notes key — unless the notes are edited. */
static void
test_write_yed_edge_label_stays (void)
{
  g_autoptr (MgMap) map = read_strict_doc ();
  g_autoptr (MgtXml) x = NULL;
  g_autoptr (MgtXml) edited = NULL;
  MgRelation *e2 = NULL;

  for (guint i = 0; i < mg_map_get_n_relations (map); i++)
    if (g_strcmp0 (((MgRelation *) g_ptr_array_index (mg_map_get_relations (map), i))->id, "e2") == 0)
      e2 = g_ptr_array_index (mg_map_get_relations (map), i);
  g_assert_nonnull (e2);
  g_assert_cmpstr (e2->notes, ==, "since 2019");
  x = written (map);
  mgt_assert_xpath_count (x, "//g:edge[@id='e2']/g:data[@key='d4']", 0);
  mgt_assert_xpath_count (x, "//g:key[@attr.name='notes'][@for='edge']", 0);
  mgt_assert_xpath_str (x, "//g:edge[@id='e1']/g:data[@key='d4']", "why");

  mg_map_set_relation_notes (map, e2, "since 2020");
  edited = written (map);
  mgt_assert_xpath_str (edited, "//g:edge[@id='e2']/g:data[@key='d4']", "since 2020");
}

/* A value the key's <default> gave is not spelt out on every element. */
static void
test_write_defaults_not_spelt_out (void)
{
  g_autoptr (MgMap) map = read_strict_doc ();
  g_autoptr (MgtXml) x = written (map);

  g_assert_cmpfloat (((MgRelation *) g_ptr_array_index (mg_map_get_relations (map), 0))->weight, ==, 1.0);
  mgt_assert_xpath_count (x, "//g:data[@key='d7']", 0);
}

/* Ids and key names the schema rejects are kept, and said once. */
static void
test_read_invalid_ids_reported_once (void)
{
  static const char doc[] =
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"k 1\" for=\"node\" attr.name=\"my key\" attr.type=\"string\"/>\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"a b\"/><node id=\"c d\"/><node id=\"ok\"/>\n"
    "<edge id=\"e\" source=\"a b\" target=\"ok\"/><edge id=\"e\" source=\"c d\" target=\"ok\"/>\n"
    "</graph></graphml>\n";
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_memory (doc, sizeof doc - 1, "ids.graphml",
                                                  warnings, &error);
  g_autoptr (MgtXml) x = NULL;
  guint n_id_warnings = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    n_id_warnings += strstr (g_ptr_array_index (warnings, i), "not valid GraphML") != NULL;
  g_assert_cmpuint (n_id_warnings, ==, 2);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "1 edge reuses the id"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "line 2: 3 ids are not valid GraphML"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "“k 1”"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), "line 2: 1 key name is not valid"));
  /* Kept as they are. */
  x = written (map);
  mgt_assert_xpath_count (x, "//g:node[@id='a b']", 1);
  mgt_assert_xpath_count (x, "//g:edge[@id='e']", 2);
  mgt_assert_xpath_count (x, "//g:key[@id='k 1'][@attr.name='my key']", 1);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphml/write/empty-map", test_write_empty_map);
  g_test_add_func ("/graphml/write/provenance-round-trip", test_write_provenance_round_trip);
  g_test_add_func ("/graphml/write/indented", test_write_indented);
  g_test_add_func ("/graphml/write/fields-make-keys-without-touching-map", test_write_fields_make_keys);
  g_test_add_func ("/graphml/write/fields-use-bound-keys", test_write_uses_bound_keys);
  g_test_add_func ("/graphml/write/made-key-ids-avoid-clashes", test_write_made_key_ids_avoid_clashes);
  g_test_add_func ("/graphml/write/directedness", test_write_directedness);
  g_test_add_func ("/graphml/write/structure", test_write_structure);
  g_test_add_func ("/graphml/write/special-characters", test_write_special_characters);
  g_test_add_func ("/graphml/write/invalid-characters-replaced", test_write_invalid_characters_replaced);
  g_test_add_func ("/graphml/write/root-namespaces", test_write_root_namespaces);
  g_test_add_func ("/graphml/write/deterministic", test_write_deterministic);
  g_test_add_func ("/graphml/write/schema-valid", test_write_schema_valid);
  g_test_add_func ("/graphml/write/schema-check-sees-invalid-ids", test_write_schema_check_sees_invalid_ids);
  g_test_add_func ("/graphml/write/every-key-typed", test_write_every_key_typed);
  g_test_add_func ("/graphml/write/empty-values-kept", test_write_empty_values_kept);
  g_test_add_func ("/graphml/write/lessons-order-kept", test_write_lessons_order_kept);
  g_test_add_func ("/graphml/write/yed-edge-label-stays", test_write_yed_edge_label_stays);
  g_test_add_func ("/graphml/write/defaults-not-spelt-out", test_write_defaults_not_spelt_out);
  g_test_add_func ("/graphml/read/invalid-ids-reported-once", test_read_invalid_ids_reported_once);
  g_test_add_func ("/graphml/round-trip/rich-map", test_round_trip_plain);
  g_test_add_func ("/graphml/round-trip/foreign-xml-and-odd-ids", test_round_trip_foreign_and_odd_ids);
  g_test_add_func ("/graphml/round-trip/undirected-relation", test_round_trip_no_graph_undirected);

  rc = g_test_run ();
  mgt_cleanup ();
  return rc;
}
