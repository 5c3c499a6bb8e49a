/* test-graphml-yed.c — a yEd map edited in Maillage looks edited in yEd too:
 * the kept yEd graphics of what was moved, resized or renamed are brought up
 * to date when saving, stale bends are dropped, and what was not edited is
 * written back byte for byte.  Also: actor sizes in Maillage's own keys, and
 * yEd edge labels that stay out of the relation kinds. */
#include "config.h"

#include "graphml-read-util.h"
#include "graphml-test-util.h"

static char *
write_string (MgMap *map, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *text = mg_graphml_write_to_string (map, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static MgMap *
read_string (const char *text, gsize length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  MgMap *map = mg_graphml_read_memory (text, length, "written.graphml", warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  mgr_dump_warnings (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  return map;
}

/* What yEd sees of a written file: the file without any <data> of
 * Maillage's own keys (every key that is not a yFiles one), read back. */
static MgMap *
read_graphics_only (const char *text, gsize length)
{
  g_autoptr(MgtXml) x = mgt_xml_parse (text, length);
  xmlXPathObjectPtr own = xmlXPathEvalExpression (
    BAD_CAST "//g:data[not(@key = //g:key[@yfiles.type]/@id)]", x->ctx);
  xmlChar *stripped = NULL;
  int size = 0;
  MgMap *map;

  g_assert_nonnull (own);
  g_assert_cmpint (own->nodesetval != NULL ? own->nodesetval->nodeNr : 0, >, 0);
  for (int i = 0; own->nodesetval != NULL && i < own->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = own->nodesetval->nodeTab[i];

      xmlUnlinkNode (node);
      xmlFreeNode (node);
      own->nodesetval->nodeTab[i] = NULL;
    }
  xmlXPathFreeObject (own);
  xmlDocDumpMemory (x->doc, &stripped, &size);
  map = read_string ((const char *) stripped, (gsize) size);
  xmlFree (stripped);
  return map;
}

/* The serialised graphics (value of the first kept XML data) of an actor
 * or relation. */
static const char *
graphics_of (GPtrArray *data)
{
  for (guint i = 0; i < data->len; i++)
    {
      MgData *d = g_ptr_array_index (data, i);

      if (d->is_xml)
        return d->value;
    }
  g_assert_not_reached ();
  return NULL;
}

#define N0_GEOMETRY "//g:node[@id='n0']/g:data[@key='d1']/y:ShapeNode/y:Geometry"

static void
test_moved_renamed_actor (void)
{
  g_autoptr(MgMap) map = mgr_read_fixture ("yed-edit.graphml", NULL);
  g_autoptr(MgMap) untouched = mgr_read_fixture ("yed-edit.graphml", NULL);
  MgActor *michelin = mgr_actor (map, "n0");
  gsize length, length2;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(MgtXml) x = NULL;
  g_autoptr(MgMap) back = NULL;
  g_autoptr(MgMap) seen = NULL;

  /* As read: the centre of yEd's top-left geometry. */
  g_assert_cmpfloat (michelin->x, ==, 50.0);
  g_assert_cmpfloat (michelin->y, ==, 35.0);

  mg_map_set_actor_position (map, michelin, 300.25, -400);
  mg_map_set_actor_label (map, michelin, "Michelin & Cie <R&D>");
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);

  /* yEd's x, y is the top-left corner: centre minus half the size. */
  mgt_assert_xpath_str (x, N0_GEOMETRY "/@x", "260.25");
  mgt_assert_xpath_str (x, N0_GEOMETRY "/@y", "-415.0");
  mgt_assert_xpath_str (x, N0_GEOMETRY "/@width", "80.0");
  mgt_assert_xpath_str (x, N0_GEOMETRY "/@height", "30.0");
  mgt_assert_xpath_str (x, "//g:node[@id='n0']//y:NodeLabel/text()", "Michelin & Cie <R&D>");
  /* The rest of the drawing stays: label model, fill, shape, attributes. */
  mgt_assert_xpath_count (x, "//g:node[@id='n0']//y:NodeLabel/y:LabelModel/y:SmartNodeLabelModel", 1);
  mgt_assert_xpath_str (x, "//g:node[@id='n0']//y:NodeLabel/@autoSizePolicy", "content");
  mgt_assert_xpath_str (x, "//g:node[@id='n0']//y:Fill/@color", "#FFCC00");
  mgt_assert_xpath_str (x, "//g:node[@id='n0']//y:Shape/@type", "rectangle");
  /* Bends of an edge whose end moved are stale: dropped, with the port
   * offsets, so yEd draws it straight; its label and style stay. */
  mgt_assert_xpath_count (x, "//g:edge[@id='e0']//y:Path/y:Point", 0);
  mgt_assert_xpath_str (x, "//g:edge[@id='e0']//y:Path/@sx", "0.0");
  mgt_assert_xpath_str (x, "//g:edge[@id='e0']//y:Path/@tx", "0.0");
  mgt_assert_xpath_str (x, "//g:edge[@id='e0']//y:EdgeLabel", "co-develops tyres since 2019");
  mgt_assert_xpath_str (x, "//g:edge[@id='e0']//y:Arrows/@target", "standard");
  /* An edge between actors left alone keeps its bends. */
  mgt_assert_xpath_count (x, "//g:edge[@id='e1']//y:Path/y:Point", 1);

  /* Read back, Maillage and yEd agree; what was not edited is the same,
   * byte for byte. */
  back = read_string (text, length);
  g_assert_cmpfloat (mgr_actor (back, "n0")->x, ==, 300.25);
  g_assert_cmpfloat (mgr_actor (back, "n0")->y, ==, -400.0);
  g_assert_cmpstr (mgr_actor (back, "n0")->label, ==, "Michelin & Cie <R&D>");
  seen = read_graphics_only (text, length);
  g_assert_cmpfloat (mgr_actor (seen, "n0")->x, ==, 300.25);
  g_assert_cmpfloat (mgr_actor (seen, "n0")->y, ==, -400.0);
  g_assert_cmpstr (mgr_actor (seen, "n0")->label, ==, "Michelin & Cie <R&D>");
  for (guint i = 1; i < 4; i++)
    g_assert_cmpstr (graphics_of (((MgActor *) g_ptr_array_index (mg_map_get_actors (back), i))->data),
                     ==,
                     graphics_of (((MgActor *) g_ptr_array_index (mg_map_get_actors (untouched), i))->data));
  g_assert_cmpstr (graphics_of (mgr_relation (back, "e1")->data), ==,
                   graphics_of (mgr_relation (untouched, "e1")->data));
  g_assert_cmpstr (graphics_of (mgr_relation (back, "e0")->data), !=,
                   graphics_of (mgr_relation (untouched, "e0")->data));

  /* Saving what was read back gives the same bytes. */
  text2 = write_string (back, &length2);
  g_assert_cmpstr (text, ==, text2);
}

static void
test_resized_actor (void)
{
  g_autoptr(MgMap) map = mgr_read_fixture ("yed-edit.graphml", NULL);
  MgActor *uca = mgr_actor (map, "n1");
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;
  g_autoptr(MgMap) back = NULL;
  g_autoptr(MgMap) seen = NULL;

  g_assert_cmpfloat (uca->x, ==, 230.0);
  g_assert_cmpfloat (uca->y, ==, 120.0);
  mg_map_set_actor_size (map, uca, 100, 50);
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);

  /* Resized about its centre: yEd's corner moves. */
  mgt_assert_xpath_str (x, "//g:node[@id='n1']//y:Geometry/@width", "100.0");
  mgt_assert_xpath_str (x, "//g:node[@id='n1']//y:Geometry/@height", "50.0");
  mgt_assert_xpath_str (x, "//g:node[@id='n1']//y:Geometry/@x", "180.0");
  mgt_assert_xpath_str (x, "//g:node[@id='n1']//y:Geometry/@y", "95.0");
  /* The label was not edited: left as it was, non-ASCII text included. */
  mgt_assert_xpath_str (x, "//g:node[@id='n1']//y:NodeLabel", "Université Clermont Auvergne");
  g_assert_nonnull (strstr (text, ">Université Clermont Auvergne</y:NodeLabel>"));
  /* Both ends of e0 and e1 … n1 moved its corner: their bends go. */
  mgt_assert_xpath_count (x, "//y:Path/y:Point", 0);
  /* The yEd geometry holds the size: no key of Maillage's is needed. */
  mgt_assert_xpath_count (x, "//g:key[@attr.name='width']", 0);

  back = read_string (text, length);
  g_assert_cmpfloat (mgr_actor (back, "n1")->width, ==, 100.0);
  g_assert_cmpfloat (mgr_actor (back, "n1")->height, ==, 50.0);
  seen = read_graphics_only (text, length);
  g_assert_cmpfloat (mgr_actor (seen, "n1")->x, ==, 230.0);
  g_assert_cmpfloat (mgr_actor (seen, "n1")->y, ==, 120.0);
  g_assert_cmpfloat (mgr_actor (seen, "n1")->width, ==, 100.0);
}

static void
test_label_added (void)
{
  g_autoptr(MgMap) map = mgr_read_fixture ("yed-edit.graphml", NULL);
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;
  g_autoptr(MgMap) seen = NULL;

  /* n2's only label is an empty one yEd does not show; n3 has none. */
  g_assert_null (mgr_actor (map, "n2")->label);
  g_assert_null (mgr_actor (map, "n3")->label);
  mg_map_set_actor_label (map, mgr_actor (map, "n2"), "Busi");
  mg_map_set_actor_label (map, mgr_actor (map, "n3"), "Limagrain\001");
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);

  mgt_assert_xpath_count (x, "//g:node[@id='n2']//y:NodeLabel", 1);
  mgt_assert_xpath_str (x, "//g:node[@id='n2']//y:NodeLabel", "Busi");
  mgt_assert_xpath_str (x, "//g:node[@id='n2']//y:NodeLabel/@hasText", "true");
  mgt_assert_xpath_str (x, "//g:node[@id='n2']//y:NodeLabel/@visible", "true");
  /* A new label goes where yEd puts labels: after the fill, before the
   * shape; a character XML cannot hold is replaced. */
  mgt_assert_xpath_str (x, "name(//g:node[@id='n3']//y:ShapeNode/*[3])", "y:NodeLabel");
  mgt_assert_xpath_str (x, "//g:node[@id='n3']//y:NodeLabel", "Limagrain\357\277\275");
  mgt_assert_xpath_str (x, "name(//g:node[@id='n3']//y:ShapeNode/*[4])", "y:Shape");
  /* Renaming moves nothing: the geometry and the bends stay. */
  mgt_assert_xpath_str (x, "//g:node[@id='n3']//y:Geometry/@x", "400.0");
  mgt_assert_xpath_count (x, "//y:Path/y:Point", 3);

  seen = read_graphics_only (text, length);
  g_assert_cmpstr (mgr_actor (seen, "n2")->label, ==, "Busi");
  g_assert_cmpstr (mgr_actor (seen, "n3")->label, ==, "Limagrain\357\277\275");

  /* A label removed in Maillage is removed in yEd too. */
  mg_map_set_actor_label (map, mgr_actor (map, "n0"), NULL);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&x, mgt_xml_free);
  g_clear_object (&seen);
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_count (x, "//g:node[@id='n0']//y:NodeLabel/text()", 0);
  mgt_assert_xpath_count (x, "//g:node[@id='n0']//y:NodeLabel/y:LabelModel", 1);
  seen = read_graphics_only (text, length);
  g_assert_null (mgr_actor (seen, "n0")->label);
}

/* A layout moves every actor and routes every relation: yEd sees the new
 * places and no stale bend. */
static void
test_layout (void)
{
  g_autoptr(MgMap) map = mgr_read_fixture ("yed-edit.graphml", NULL);
  const double positions[] = { 0, 0, 100, 0, 200, 0, 300, 0 };
  const double route[] = { 0, 0, 30, 10, 70, 10, 100, 0 };
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;
  g_autoptr(MgMap) seen = NULL;

  mg_map_apply_positions (map, positions, NULL);
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_count (x, "//y:Path/y:Point", 0);
  mgt_assert_xpath_str (x, "//g:node[@id='n2']//y:Geometry/@x", "190.0");
  seen = read_graphics_only (text, length);
  for (guint i = 0; i < 4; i++)
    {
      MgActor *actor = g_ptr_array_index (mg_map_get_actors (seen), i);

      g_assert_cmpfloat (actor->x, ==, positions[2 * i]);
      g_assert_cmpfloat (actor->y, ==, positions[2 * i + 1]);
    }

  /* A relation routed again, between actors that did not move. */
  g_clear_object (&map);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&x, mgt_xml_free);
  map = mgr_read_fixture ("yed-edit.graphml", NULL);
  mg_map_set_relation_route (map, mgr_relation (map, "e1"), route, 4);
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_count (x, "//g:edge[@id='e1']//y:Path/y:Point", 0);
  mgt_assert_xpath_count (x, "//g:edge[@id='e0']//y:Path/y:Point", 2);
  mgt_assert_xpath_str (x, "//g:edge[@id='e0']//y:Path/@sx", "10.0");
}

/* Edits undone, or that change nothing yEd shows, leave the file as a
 * plain save writes it. */
static void
test_undone_edits (void)
{
  g_autoptr(MgMap) map = mgr_read_fixture ("yed-edit.graphml", NULL);
  MgActor *michelin = mgr_actor (map, "n0");
  gsize length, length2;
  g_autofree char *before = write_string (map, &length);
  g_autofree char *after = NULL;

  mg_map_set_actor_position (map, michelin, 1, 2);
  mg_map_set_actor_position (map, michelin, 50, 35);
  mg_map_set_actor_label (map, michelin, "Other");
  mg_map_set_actor_label (map, michelin, "Michelin");
  mg_map_set_actor_size (map, michelin, 80, 30);
  g_assert_cmpuint (michelin->edits, !=, 0);
  after = write_string (map, &length2);
  g_assert_cmpstr (before, ==, after);
}

static void
test_edge_label_not_kind (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(MgMap) map = mgr_read_fixture ("yed-edit.graphml", &warnings);
  MgVocabulary *vocab = mg_map_get_vocabulary (map);
  MgRelation *e0 = mgr_relation (map, "e0");

  g_assert_null (e0->kind);
  g_assert_cmpstr (e0->notes, ==, "co-develops tyres since 2019");
  g_assert_null (mg_vocabulary_lookup_kind (vocab, "co-develops tyres since 2019"));
  g_assert_null (mgr_relation (map, "e1")->kind);
  g_assert_null (mgr_relation (map, "e1")->notes);
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* ---- sizes ------------------------------------------------------------ */

static void
test_size_round_trip (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *sized = mg_map_add_actor (map, "sized");
  MgActor *plain = mg_map_add_actor (map, "plain");
  gsize length, length2;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(MgtXml) x = NULL;
  g_autoptr(MgMap) back = NULL;

  mg_map_set_actor_size (map, sized, 42.5, 17);
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_str (x, "//g:key[@id='width']/@attr.name", "width");
  mgt_assert_xpath_str (x, "//g:key[@id='width']/@attr.type", "double");
  mgt_assert_xpath_str (x, "//g:key[@id='height']/@for", "node");
  mgt_assert_xpath_str (x, "//g:node[@id='sized']/g:data[@key='width']", "42.5");
  mgt_assert_xpath_str (x, "//g:node[@id='sized']/g:data[@key='height']", "17");
  /* The style's default size (0) is not written. */
  mgt_assert_xpath_count (x, "//g:node[@id='plain']/g:data", 0);
  mgt_assert_schema_valid (text, length);

  back = read_string (text, length);
  g_assert_cmpfloat (mgr_actor (back, "sized")->width, ==, 42.5);
  g_assert_cmpfloat (mgr_actor (back, "sized")->height, ==, 17);
  g_assert_cmpfloat (mgr_actor (back, "plain")->width, ==, 0);
  g_assert_cmpuint (mgr_actor (back, "sized")->data->len, ==, 0);
  mgt_assert_maps_equal (map, back);
  text2 = write_string (back, &length2);
  g_assert_cmpstr (text, ==, text2);
  (void) plain;
}

/* Maillage's keys win over yEd's geometry and Gephi's size; an actor set
 * back to the style's size keeps yEd's size in yEd. */
static void
test_size_keys_win (void)
{
  static const char file[] =
    "<graphml xmlns='http://graphml.graphdrawing.org/xmlns' xmlns:y='http://www.yworks.com/xml/graphml'>"
    "<key id='w' for='node' attr.name='width' attr.type='double'/>"
    "<key id='h' for='node' attr.name='height' attr.type='double'/>"
    "<key id='s' for='node' attr.name='size' attr.type='float'/>"
    "<key id='g' for='node' yfiles.type='nodegraphics'/>"
    "<graph edgedefault='directed'>"
    "<node id='a'><data key='w'>12</data><data key='h'>8</data>"
    "<data key='g'><y:ShapeNode><y:Geometry x='0' y='0' width='40' height='20'/></y:ShapeNode></data></node>"
    "<node id='b'><data key='w'>5</data><data key='h'>6</data><data key='s'>30</data></node>"
    "<node id='c'><data key='s'>30</data></node>"
    "</graph></graphml>";
  g_autoptr(MgMap) map = read_string (file, sizeof file - 1);
  MgActor *a = mgr_actor (map, "a");
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(MgtXml) x = NULL;
  g_autoptr(MgMap) back = NULL;

  g_assert_cmpfloat (a->width, ==, 12);
  g_assert_cmpfloat (a->height, ==, 8);
  g_assert_cmpfloat (a->x, ==, 20);
  g_assert_cmpfloat (mgr_actor (map, "b")->width, ==, 5);
  g_assert_cmpfloat (mgr_actor (map, "b")->height, ==, 6);
  g_assert_cmpfloat (mgr_actor (map, "c")->width, ==, 30);

  /* Untouched, the sizes go back through the file's keys. */
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='w']", "12");
  mgt_assert_xpath_str (x, "//g:node[@id='a']//y:Geometry/@width", "40");
  mgt_assert_xpath_str (x, "//g:node[@id='b']/g:data[@key='h']", "6");
  mgt_assert_xpath_count (x, "//g:node[@id='c']/g:data[@key='w']", 0);

  /* Back to the style's size: 0 in Maillage, yEd's size kept for yEd. */
  mg_map_set_actor_size (map, a, 0, 0);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&x, mgt_xml_free);
  text = write_string (map, &length);
  x = mgt_xml_parse (text, length);
  mgt_assert_xpath_str (x, "//g:node[@id='a']/g:data[@key='w']", "0");
  mgt_assert_xpath_str (x, "//g:node[@id='a']//y:Geometry/@width", "40");
  back = read_string (text, length);
  g_assert_cmpfloat (mgr_actor (back, "a")->width, ==, 0);
  g_assert_cmpfloat (mgr_actor (back, "a")->x, ==, 20);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graphml/yed/moved-renamed-actor-updates-graphics", test_moved_renamed_actor);
  g_test_add_func ("/graphml/yed/resized-actor-updates-geometry", test_resized_actor);
  g_test_add_func ("/graphml/yed/label-added-or-removed", test_label_added);
  g_test_add_func ("/graphml/yed/layout-drops-stale-bends", test_layout);
  g_test_add_func ("/graphml/yed/undone-edits-change-nothing", test_undone_edits);
  g_test_add_func ("/graphml/yed/edge-label-is-not-a-kind", test_edge_label_not_kind);
  g_test_add_func ("/graphml/size/round-trip", test_size_round_trip);
  g_test_add_func ("/graphml/size/own-keys-win", test_size_keys_win);
  rc = g_test_run ();
  mgt_cleanup ();
  return rc;
}
