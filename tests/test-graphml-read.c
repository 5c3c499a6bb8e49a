/* Reading GraphML: one fixture per feature of the reader (tests/data/graphml). */
#include "config.h"

#include <math.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "graphml-read-util.h"

static void
test_synonyms (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("synonyms.graphml", &warnings);
  MgActor *michelin = mgr_actor (map, "michelin");
  MgActor *uca = mgr_actor (map, "uca");
  MgRelation *e0 = mgr_relation (map, "e0");

  /* The exact "label" wins over "Name", declared before it. */
  g_assert_cmpint (mgr_key (map, "k1", MG_DOMAIN_NODE)->field, ==, MG_FIELD_LABEL);
  g_assert_cmpint (mgr_key (map, "k0", MG_DOMAIN_NODE)->field, ==, MG_FIELD_NONE);
  g_assert_cmpint (mgr_key (map, "k7", MG_DOMAIN_NODE)->field, ==, MG_FIELD_NONE);
  g_assert_cmpstr (michelin->label, ==, "Michelin");
  g_assert_cmpstr (mgr_value (michelin->data, "k0"), ==, "Manufacture Michelin");
  g_assert_cmpstr (mgr_value (michelin->data, "k7"), ==, "Group");
  /* With no label, the first non-empty synonym gives it (and stays plain). */
  g_assert_cmpstr (uca->label, ==, "Université Clermont Auvergne");
  g_assert_cmpstr (mgr_value (uca->data, "k0"), ==, "Université Clermont Auvergne");

  /* Synonyms, in any case. */
  g_assert_cmpstr (michelin->role, ==, "large-company");
  g_assert_cmpstr (uca->role, ==, "university");
  g_assert_cmpstr (michelin->territory, ==, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  g_assert_cmpuint (michelin->lessons, ==,
                    MG_LESSON_BIT (MG_LESSON_VALORIZE) | MG_LESSON_BIT (MG_LESSON_COMBINE));
  g_assert_cmpstr (michelin->notes, ==, "Industrial anchor of the territory.");
  g_assert_true (michelin->pinned);
  g_assert_false (uca->pinned);
  /* Bound values leave the plain data. */
  g_assert_null (mgr_data (michelin->data, "k2"));
  g_assert_cmpuint (michelin->data->len, ==, 2);

  g_assert_cmpstr (e0->kind, ==, "research");
  g_assert_true (e0->has_weight);
  g_assert_cmpfloat (e0->weight, ==, 2.5);
  g_assert_cmpstr (e0->notes, ==, "Joint laboratory.");
  g_assert_cmpuint (e0->lessons, ==, MG_LESSON_BIT (MG_LESSON_LEARN));
  g_assert_cmpuint (e0->data->len, ==, 0);

  g_assert_cmpstr (mg_map_get_title (map), ==, "Clermont-Ferrand ecosystem");
  g_assert_cmpstr (mg_map_get_description (map), ==, "Who works with whom around the OpenLab.");
  /* One warning: label and Name (and Title) disagree on michelin. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "'Manufacture Michelin' disagree"));
  /* The writer finds the bound keys again. */
  g_assert_true (mg_map_find_field_key (map, MG_FIELD_LABEL, MG_DOMAIN_NODE) ==
                 mgr_key (map, "k1", MG_DOMAIN_NODE));
  g_assert_true (mg_map_find_field_key (map, MG_FIELD_TITLE, MG_DOMAIN_GRAPH) ==
                 mgr_key (map, "k12", MG_DOMAIN_GRAPH));
}

static void
test_defaults (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("defaults.graphml", &warnings);
  GPtrArray *relations = mg_map_get_relations (map);
  MgRelation *ab = g_ptr_array_index (relations, 0);
  MgRelation *bc = g_ptr_array_index (relations, 1);
  MgActor *c = mgr_actor (map, "c");

  /* Bound keys: the default fills what has no value. */
  g_assert_cmpstr (mgr_actor (map, "a")->role, ==, "sme");
  g_assert_cmpstr (mgr_actor (map, "b")->role, ==, "startup");
  g_assert_cmpstr (c->role, ==, "sme");
  g_assert_cmpstr (ab->kind, ==, "partnership");
  g_assert_cmpfloat (ab->weight, ==, 1.5);
  g_assert_cmpstr (bc->kind, ==, "funding");
  g_assert_cmpfloat (bc->weight, ==, 3.0);

  /* A plain key keeps its default in the key; actors keep explicit data. */
  g_assert_cmpstr (mgr_key (map, "size", MG_DOMAIN_NODE)->default_value, ==, "10");
  g_assert_null (mgr_data (mgr_actor (map, "a")->data, "size"));
  g_assert_cmpstr (mgr_value (c->data, "size"), ==, "250");
  g_assert_cmpstr (mgr_key (map, "role", MG_DOMAIN_NODE)->default_value, ==, "sme");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_all_types (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("types.graphml", &warnings);
  MgActor *n1 = mgr_actor (map, "n1");
  MgActor *n2 = mgr_actor (map, "n2");
  static const struct {
    const char *id;
    MgValueType type;
  } keys[] = {
    { "s", MG_VALUE_STRING }, { "b", MG_VALUE_BOOLEAN }, { "i", MG_VALUE_INT },
    { "l", MG_VALUE_LONG }, { "f", MG_VALUE_FLOAT }, { "d", MG_VALUE_DOUBLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      MgKey *key = mgr_key (map, keys[i].id, MG_DOMAIN_NODE);

      g_assert_cmpint (key->type, ==, keys[i].type);
      g_assert_true (key->typed);
      g_assert_cmpint (key->field, ==, MG_FIELD_NONE);
    }
  /* Values are kept as written, white space included. */
  g_assert_cmpstr (mgr_value (n1->data, "b"), ==, "  true  ");
  g_assert_cmpstr (mgr_value (n1->data, "i"), ==, "1889");
  g_assert_cmpstr (mgr_value (n1->data, "l"), ==, "9000000000");
  g_assert_cmpstr (mgr_value (n1->data, "f"), ==, "0.25");
  g_assert_cmpstr (mgr_value (n1->data, "d"), ==, "-1.5e3");
  g_assert_cmpstr (mgr_value (n2->data, "d"), ==, "INF");
  g_assert_cmpuint (n2->data->len, ==, 3);
  mgr_dump_warnings (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_for_all (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("for-all.graphml", &warnings);
  MgKey *lbl = mgr_key (map, "lbl", MG_DOMAIN_ALL);
  MgKey *nt = mgr_key (map, "nt", MG_DOMAIN_ALL);
  MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), 0);
  MgGraphInfo *graph = g_ptr_array_index (mg_map_get_graphs (map), 0);

  g_assert_cmpint (lbl->field, ==, MG_FIELD_LABEL);
  g_assert_cmpint (lbl->edge_field, ==, MG_FIELD_KIND);
  g_assert_cmpint (nt->field, ==, MG_FIELD_NOTES);
  g_assert_cmpint (nt->edge_field, ==, MG_FIELD_NOTES);
  g_assert_cmpstr (mgr_actor (map, "a")->label, ==, "Bpifrance");
  g_assert_cmpstr (mgr_actor (map, "a")->notes, ==, "Public bank.");
  g_assert_cmpstr (mgr_actor (map, "b")->label, ==, "Busi");
  g_assert_cmpstr (relation->kind, ==, "funding");
  g_assert_cmpstr (relation->notes, ==, "Seed loan.");
  /* An unbound for="all" key stays plain on every element. */
  g_assert_cmpstr (mgr_value (relation->data, "cr"), ==, "2023");
  g_assert_cmpstr (mgr_value (graph->data, "cr"), ==, "2024");
  g_assert_true (mg_map_find_field_key (map, MG_FIELD_KIND, MG_DOMAIN_EDGE) == lbl);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_late_keys (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("late-keys.graphml", &warnings);
  MgActor *lyon = mgr_actor (map, "1");
  MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), 0);

  g_assert_cmpstr (lyon->label, ==, "Lyon");
  g_assert_cmpstr (mgr_actor (map, "2")->label, ==, "Grenoble");
  g_assert_cmpstr (mgr_value (lyon->data, "pop"), ==, "522250");
  g_assert_true (mgr_data (lyon->data, "pop")->key == mgr_key (map, "pop", MG_DOMAIN_NODE));
  g_assert_cmpstr (relation->kind, ==, "knowledge");
  g_assert_cmpuint (mg_map_get_keys (map)->len, ==, 3);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_keys_inside_graph (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("keys-in-graph.graphml", &warnings);
  MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), 0);

  /* One id, two domains: each element picks the key of its own domain. */
  g_assert_cmpint (mgr_key (map, "lbl", MG_DOMAIN_NODE)->field, ==, MG_FIELD_LABEL);
  g_assert_cmpint (mgr_key (map, "lbl", MG_DOMAIN_EDGE)->field, ==, MG_FIELD_KIND);
  g_assert_cmpstr (mgr_actor (map, "n0")->label, ==, "Thésame <PEAK>");
  g_assert_cmpstr (relation->kind, ==, "membership");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_yed (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("yed.graphml", &warnings);
  MgActor *group = mgr_actor (map, "n0");
  MgActor *michelin = mgr_actor (map, "n0::n0");
  MgActor *limagrain = mgr_actor (map, "n0::n1");
  MgActor *busi = mgr_actor (map, "n1");
  MgRelation *inner = mgr_relation (map, "n0::e0");
  MgRelation *e1 = mgr_relation (map, "e1");
  MgData *graphics;

  /* Label: the first y:NodeLabel with text; the group's from its active
   * realizer. */
  g_assert_cmpstr (michelin->label, ==, "Michelin\nR&D");
  g_assert_cmpstr (limagrain->label, ==, "Limagrain");
  g_assert_cmpstr (group->label, ==, "Clermont OpenLab");
  /* Geometry: yEd's x, y is the top-left corner; actors are centred. */
  g_assert_true (michelin->has_position);
  g_assert_cmpfloat (michelin->x, ==, 150.0);
  g_assert_cmpfloat (michelin->y, ==, 95.0);
  g_assert_cmpfloat (michelin->width, ==, 60.0);
  g_assert_cmpfloat (michelin->height, ==, 30.0);
  g_assert_cmpfloat (group->x, ==, 250.0);
  g_assert_cmpfloat (group->y, ==, 140.0);
  g_assert_cmpfloat (busi->x, ==, 10.0);
  g_assert_cmpfloat (busi->y, ==, -20.0);
  /* Fill colour, alpha ignored; none when hasColor="false". */
  g_assert_true (michelin->has_color);
  g_assert_cmphex (michelin->color, ==, 0xFFCC00);
  g_assert_cmphex (group->color, ==, 0xCAECFF);
  g_assert_cmphex (busi->color, ==, 0x3366FF);
  g_assert_false (limagrain->has_color);

  /* The group and its nested graph. */
  g_assert_nonnull (group->subgraph);
  g_assert_cmpstr (group->subgraph->id, ==, "n0:");
  g_assert_true (michelin->parent == group);
  g_assert_true (limagrain->parent == group);
  g_assert_null (busi->parent);
  g_assert_true (inner->parent == group);
  g_assert_null (e1->parent);
  g_assert_cmpuint (group->extra.attrs->len, ==, 1);
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (group->extra.attrs, 0))->name, ==,
                   "yfiles.foldertype");

  /* Graphics are kept whole, as XML, and their keys are never bound. */
  graphics = mgr_data (michelin->data, "d5");
  g_assert_nonnull (graphics);
  g_assert_true (graphics->is_xml);
  g_assert_nonnull (strstr (graphics->value, "<y:ShapeNode>"));
  g_assert_nonnull (strstr (graphics->value, "R&amp;D</y:NodeLabel>"));
  g_assert_nonnull (strstr (graphics->value, "<y:Geometry height=\"30.0\" width=\"60.0\" x=\"120.0\" y=\"80.0\"/>"));
  g_assert_cmpint (mgr_key (map, "d5", MG_DOMAIN_NODE)->field, ==, MG_FIELD_NONE);
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (mgr_key (map, "d5", MG_DOMAIN_NODE)->extra.attrs, 0))->name,
                   ==, "yfiles.type");
  /* The description key feeds notes. */
  g_assert_cmpstr (michelin->notes, ==, "Tyre maker.");
  g_assert_cmpstr (mgr_value (busi->data, "d3"), ==, "https://example.org/incubator");

  /* A yEd edge label is free text: it becomes the notes when none were
   * given, never the kind; it stays in the kept graphics either way. */
  g_assert_null (inner->kind);
  g_assert_cmpstr (inner->notes, ==, "partnership");
  g_assert_null (e1->kind);
  g_assert_cmpstr (e1->notes, ==, "Incubation contract");
  g_assert_nonnull (strstr (mgr_data (e1->data, "d8")->value, "<y:EdgeLabel>support</y:EdgeLabel>"));
  g_assert_true (mgr_data (e1->data, "d8")->is_xml);

  /* Root namespace declarations and graphml-level data are kept. */
  g_assert_nonnull (mgr_data (mg_map_get_document_data (map), "d0"));
  g_assert_true (mgr_data (mg_map_get_document_data (map), "d0")->is_xml);
  {
    MgXmlExtra *root = mg_map_get_root_extra (map);
    gboolean has_y = FALSE, has_schema = FALSE;

    for (guint i = 0; i < root->attrs->len; i++)
      {
        MgXmlAttr *attr = g_ptr_array_index (root->attrs, i);

        has_y |= strcmp (attr->name, "xmlns:y") == 0 &&
                 strcmp (attr->value, "http://www.yworks.com/xml/graphml") == 0;
        has_schema |= strcmp (attr->name, "xsi:schemaLocation") == 0;
      }
    g_assert_true (has_y);
    g_assert_true (has_schema);
  }
  mgr_dump_warnings (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
count_signal (MgMap *map, gpointer item, guint *count)
{
  (*count)++;
}

/* The reader adds actors and relations quietly, then hands over a map
 * that signals its changes like any other. */
static void
test_map_signals_after_read (void)
{
  g_autoptr (MgMap) map = mgr_read_fixture ("yed.graphml", NULL);
  guint actors_added = 0, relations_added = 0;
  MgActor *a;

  g_signal_connect (map, "actor-added", G_CALLBACK (count_signal), &actors_added);
  g_signal_connect (map, "relation-added", G_CALLBACK (count_signal), &relations_added);
  a = mg_map_add_actor (map, "new");
  mg_map_add_relation (map, a, mgr_actor (map, "n1"), NULL, TRUE);
  g_assert_cmpuint (actors_added, ==, 1);
  g_assert_cmpuint (relations_added, ==, 1);
  g_assert_cmpuint (a->edits, ==, 0);
  g_assert_cmpuint (mgr_actor (map, "n1")->edits, ==, 0);
}

static void
test_gephi (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("gephi.graphml", &warnings);
  MgActor *limagrain = mgr_actor (map, "0");
  MgActor *michelin = mgr_actor (map, "1");
  GPtrArray *relations = mg_map_get_relations (map);

  g_assert_cmpstr (limagrain->label, ==, "Limagrain");
  g_assert_true (limagrain->has_position);
  g_assert_cmpfloat (limagrain->x, ==, -87.93);
  g_assert_cmpfloat (limagrain->y, ==, 6.8);
  g_assert_true (limagrain->has_color);
  g_assert_cmphex (limagrain->color, ==, 0xF55B5B);
  g_assert_cmpfloat (limagrain->width, ==, 20.5);
  g_assert_cmpfloat (limagrain->height, ==, 20.5);
  /* r, g, b and size stay plain data too. */
  g_assert_cmpstr (mgr_value (limagrain->data, "r"), ==, "245");
  g_assert_cmpstr (mgr_value (limagrain->data, "size"), ==, "20.5");
  g_assert_cmpstr (mgr_value (limagrain->data, "modularity_class"), ==, "1");
  g_assert_null (mgr_data (limagrain->data, "x"));
  /* Without b, no colour. */
  g_assert_false (michelin->has_color);
  g_assert_true (michelin->has_position);

  g_assert_cmpfloat (((MgRelation *) g_ptr_array_index (relations, 0))->weight, ==, 3.0);
  g_assert_cmpstr (((MgRelation *) g_ptr_array_index (relations, 1))->kind, ==, "supply");
  g_assert_false (((MgRelation *) g_ptr_array_index (relations, 1))->directed);
  /* "Edge Label" and the like are kept, reported once: the schema wants one word. */
  g_assert_cmpuint (warnings->len, ==, 1);
  mgr_assert_warning (warnings, "line 3: 2 key names are not valid GraphML");
  mgr_assert_warning (warnings, "first: “Edge Label”");
}

static void
test_networkx (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("networkx.graphml", &warnings);
  GPtrArray *relations = mg_map_get_relations (map);
  MgActor *bpi = mgr_actor (map, "0");

  g_assert_cmpstr (mg_map_get_title (map), ==, "Innovation tour");
  g_assert_cmpstr (bpi->label, ==, "Bpifrance");
  g_assert_cmpstr (mgr_value (bpi->data, "d2"), ==, "3000");
  g_assert_cmpint (mgr_key (map, "d2", MG_DOMAIN_NODE)->type, ==, MG_VALUE_LONG);
  g_assert_cmpstr (mgr_value (bpi->data, "d3"), ==, "True");
  g_assert_cmpuint (relations->len, ==, 3);
  /* Multigraph keys repeat edge ids: kept, one warning. */
  g_assert_cmpstr (((MgRelation *) g_ptr_array_index (relations, 0))->id, ==, "0");
  g_assert_cmpstr (((MgRelation *) g_ptr_array_index (relations, 2))->id, ==, "0");
  g_assert_cmpfloat (((MgRelation *) g_ptr_array_index (relations, 1))->weight, ==, 2.0);
  g_assert_cmpstr (mgr_value (((MgRelation *) g_ptr_array_index (relations, 0))->data, "d5"),
                   ==, "2015");
  g_assert_cmpuint (warnings->len, ==, 1);
  mgr_assert_warning (warnings, "line 25: 1 edge reuses the id of an earlier edge ('0'); it is kept");
}

static void
test_igraph (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("igraph.graphml", &warnings);
  MgGraphInfo *graph = g_ptr_array_index (mg_map_get_graphs (map), 0);
  GPtrArray *relations = mg_map_get_relations (map);
  MgRelation *nan_edge = g_ptr_array_index (relations, 1);

  g_assert_cmpstr (mg_map_get_title (map), ==, "Auvergne network");
  g_assert_cmpstr (mgr_value (graph->data, "g_loops"), ==, "false");
  g_assert_null (mgr_data (graph->data, "g_name"));
  g_assert_cmpstr (mgr_actor (map, "n0")->label, ==, "Clermont Auvergne Métropole");
  g_assert_cmpstr (mgr_value (mgr_actor (map, "n0")->data, "v_degree"), ==, "2");
  g_assert_false (((MgRelation *) g_ptr_array_index (relations, 0))->directed);
  g_assert_cmpfloat (((MgRelation *) g_ptr_array_index (relations, 0))->weight, ==, 1.25);
  /* NaN is a valid double but no weight: kept as plain data, warned. */
  g_assert_false (nan_edge->has_weight);
  g_assert_cmpstr (mgr_value (nan_edge->data, "e_weight"), ==, "NaN");
  mgr_assert_warning (warnings, "line 31: edge from 'n0' to 'n2': NaN cannot be read as its weight");
}

static void
test_parallel_loops_mixed (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("parallel-loops-mixed.graphml", &warnings);
  MgGraphInfo *h = g_ptr_array_index (mg_map_get_graphs (map), 1);

  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 7);
  g_assert_true (mgr_relation (map, "e1")->source == mgr_relation (map, "e2")->source);
  g_assert_true (mgr_relation (map, "e4")->source == mgr_relation (map, "e4")->target);
  g_assert_false (mgr_relation (map, "e1")->directed);
  g_assert_cmpint (mgr_relation (map, "e1")->directed_attr, ==, -1);
  g_assert_true (mgr_relation (map, "e3")->directed);
  g_assert_cmpint (mgr_relation (map, "e3")->directed_attr, ==, 1);
  g_assert_false (mgr_relation (map, "e5")->directed);
  g_assert_cmpint (mgr_relation (map, "e5")->directed_attr, ==, 0);
  g_assert_true (mgr_relation (map, "e6")->directed);
  /* A graph without edgedefault: undirected (as the GraphML primer, NetworkX
   * and igraph read it), with a warning, and the absence is kept. */
  g_assert_false (h->has_edgedefault);
  g_assert_false (mgr_relation (map, "e7")->directed);
  g_assert_cmpuint (mgr_relation (map, "e7")->graph_index, ==, 1);
  g_assert_cmpuint (mgr_actor (map, "c")->graph_index, ==, 1);
  g_assert_cmpuint (warnings->len, ==, 1);
  mgr_assert_warning (warnings, "no edgedefault; its edges are read as undirected");
}

static void
test_nested_and_several_graphs (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("nested.graphml", &warnings);
  GPtrArray *graphs = mg_map_get_graphs (map);
  MgActor *auvergne = mgr_actor (map, "auvergne");
  MgActor *clermont = mgr_actor (map, "clermont");
  MgGraphInfo *stray, *second;

  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 9);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 5);
  g_assert_cmpuint (graphs->len, ==, 3);

  /* Groups and their members, at any depth. */
  g_assert_nonnull (auvergne->subgraph);
  g_assert_true (auvergne->subgraph->directed);
  g_assert_cmpstr (mgr_value (auvergne->subgraph->data, "t"), ==, "Auvergne");
  g_assert_true (clermont->parent == auvergne);
  g_assert_nonnull (clermont->subgraph);
  g_assert_true (mgr_actor (map, "michelin")->parent == clermont);
  g_assert_true (mgr_actor (map, "vichy")->parent == auvergne);
  g_assert_null (mgr_actor (map, "lyon")->parent);
  g_assert_true (mgr_relation (map, "inner")->parent == clermont);
  g_assert_false (mgr_relation (map, "inner")->directed);
  g_assert_true (mgr_relation (map, "mid")->parent == auvergne);
  g_assert_true (mgr_relation (map, "mid")->directed);
  g_assert_null (mgr_relation (map, "cross")->parent);
  g_assert_cmpstr (mg_map_get_title (map), ==, "Territories");

  /* A <graph> directly in a <graph> becomes a top-level graph. */
  stray = g_ptr_array_index (graphs, 1);
  g_assert_cmpstr (stray->id, ==, "stray");
  g_assert_cmpstr (mgr_value (stray->data, "t"), ==, "Stray");
  g_assert_cmpuint (mgr_actor (map, "s1")->graph_index, ==, 1);
  g_assert_null (mgr_actor (map, "s1")->parent);
  g_assert_cmpuint (mgr_relation (map, "se")->graph_index, ==, 1);
  mgr_assert_warning (warnings, "line 26: a <graph> inside another <graph> is not valid GraphML");

  /* Several top-level graphs; edges may cross them. */
  second = g_ptr_array_index (graphs, 2);
  g_assert_cmpstr (second->id, ==, "Second");
  g_assert_cmpuint (mgr_actor (map, "annecy")->graph_index, ==, 2);
  g_assert_cmpuint (mgr_relation (map, "far")->graph_index, ==, 2);
  g_assert_true (mgr_relation (map, "far")->target == mgr_actor (map, "vichy"));
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_hyperedges_ports (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("hyperedges-ports.graphml", &warnings);
  MgGraphInfo *graph = g_ptr_array_index (mg_map_get_graphs (map), 0);
  MgActor *a = mgr_actor (map, "a");
  MgRelation *e = mgr_relation (map, "e");
  MgKey *pk = mgr_key (map, "pk", MG_DOMAIN_PORT);

  /* Hyperedges are not relations; they are kept on their graph. */
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 1);
  g_assert_nonnull (graph->extra.raw_children);
  g_assert_cmpstr (graph->extra.raw_children, ==,
                   "<hyperedge id=\"h1\">\n"
                   "      <endpoint node=\"a\" port=\"south\" type=\"out\"/>\n"
                   "      <endpoint node=\"b\" type=\"in\"/>\n"
                   "      <endpoint node=\"c\"/>\n"
                   "    </hyperedge><hyperedge>\n"
                   "      <endpoint node=\"b\"/>\n"
                   "      <endpoint node=\"c\"/>\n"
                   "    </hyperedge>");
  g_assert_cmpstr (graph->extra.desc, ==, "The graph");
  g_assert_cmpuint (graph->extra.attrs->len, ==, 2);

  /* Ports and locators stay with their node. */
  g_assert_cmpstr (a->extra.raw_children, ==,
                   "<port name=\"north\"><data key=\"pk\">top</data></port><port name=\"south\"/>");
  g_assert_cmpstr (a->extra.desc, ==, "Actor A");
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (a->extra.attrs, 0))->name, ==,
                   "parse.indegree");
  g_assert_cmpstr (mgr_actor (map, "c")->extra.raw_children, ==,
                   "<locator xlink:href=\"other.graphml#c\"/>");

  /* sourceport / targetport are kept attributes of the relation. */
  g_assert_cmpuint (e->extra.attrs->len, ==, 2);
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (e->extra.attrs, 0))->name, ==, "sourceport");
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (e->extra.attrs, 1))->value, ==, "west");
  g_assert_cmpstr (e->extra.desc, ==, "A to B");

  g_assert_cmpstr (mg_map_get_root_extra (map)->desc, ==, "Ports & hyperedges");
  g_assert_cmpstr (pk->extra.desc, ==, "Which side");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_foreign_subtrees (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("foreign.graphml", &warnings);
  MgActor *a = mgr_actor (map, "a");
  MgGraphInfo *graph = g_ptr_array_index (mg_map_get_graphs (map), 0);
  MgXmlExtra *root = mg_map_get_root_extra (map);
  MgData *shape;

  /* ns0:-prefixed GraphML is GraphML. */
  g_assert_cmpstr (a->label, ==, "Limagrain");
  g_assert_cmpstr (root->raw_children, ==,
                   "<m:provenance source=\"seed\" date=\"2024-05-01\"><m:note>Hand made &amp; "
                   "checked</m:note></m:provenance>");
  g_assert_cmpstr (graph->extra.raw_children, ==, "<m:layout engine=\"neato\"/>");
  g_assert_cmpstr (a->extra.raw_children, ==,
                   "<m:extra><m:deep level=\"1\">text<!-- comment --></m:deep></m:extra>");
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (a->extra.attrs, 0))->name, ==, "m:flag");
  shape = mgr_data (a->data, "d1");
  g_assert_true (shape->is_xml);
  g_assert_cmpstr (shape->value, ==, "<m:svg width=\"10\">&lt;circle&gt;</m:svg>");
  /* Root attributes, namespace declarations included. */
  g_assert_cmpuint (root->attrs->len, ==, 3);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_old_namespace (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (MgMap) map = mgr_read_fixture ("old-namespace.graphml", &warnings);

  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 2);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 1);
  g_assert_cmpstr (mgr_actor (map, "a")->label, ==, "Old A");
  g_assert_false (mgr_key (map, "d0", MG_DOMAIN_NODE)->typed);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_gzip (void)
{
  g_autofree char *source = mgr_fixture ("synonyms.graphml");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GConverter) deflater =
    G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autoptr (GBytes) plain = NULL, packed = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-read-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (MgMap) map = NULL, from_memory = NULL;
  gsize length;
  GOutputStream *memory;
  GOutputStream *stream;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  memory = g_memory_output_stream_new_resizable ();
  stream = g_converter_output_stream_new (memory, deflater);
  g_assert_true (g_output_stream_write_all (stream, contents, length, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  packed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  g_object_unref (stream);
  g_object_unref (memory);
  g_assert_cmphex (((const guchar *) g_bytes_get_data (packed, NULL))[0], ==, 0x1f);

  /* A .graphml name: the gzip magic decides, not the extension. */
  path = g_build_filename (dir, "packed.graphml", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (packed, NULL),
                                      (gssize) g_bytes_get_size (packed), &error));
  map = mg_graphml_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mgr_actor (map, "michelin")->label, ==, "Michelin");
  g_assert_cmpstr (mg_map_get_title (map), ==, "Clermont-Ferrand ecosystem");
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 1);

  from_memory = mg_graphml_read_memory (g_bytes_get_data (packed, NULL),
                                        g_bytes_get_size (packed), "packed", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_map_get_n_actors (from_memory), ==, 2);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_memory_and_file_agree (void)
{
  g_autofree char *path = mgr_fixture ("yed.graphml");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) from_file = NULL, from_memory = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  from_file = mg_graphml_read_file (path, NULL, &error);
  g_assert_no_error (error);
  from_memory = mg_graphml_read_memory (contents, length, "yed", NULL, &error);
  g_assert_no_error (error);
  a = mgr_all_text (from_file);
  b = mgr_all_text (from_memory);
  g_assert_cmpstr (a, ==, b);
}

/* A key declared late that takes a field from a key already used: the
 * document is read again with every value settled at the end. */
static void
test_late_key_changes_binding (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"a\"><data key=\"n\">Alpha</data><data key=\"l\">Label A</data></node>\n"
    "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
    "<node id=\"b\"><data key=\"n\">Beta</data></node>\n"
    "</graph></graphml>", warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mgr_key (map, "l", MG_DOMAIN_NODE)->field, ==, MG_FIELD_LABEL);
  g_assert_cmpint (mgr_key (map, "n", MG_DOMAIN_NODE)->field, ==, MG_FIELD_NONE);
  g_assert_cmpstr (mgr_actor (map, "a")->label, ==, "Label A");
  /* "name" gives a label where "label" has none (synonyms). */
  g_assert_cmpstr (mgr_actor (map, "b")->label, ==, "Beta");
  g_assert_cmpstr (mgr_value (mgr_actor (map, "a")->data, "n"), ==, "Alpha");
  g_assert_cmpstr (mgr_value (mgr_actor (map, "b")->data, "n"), ==, "Beta");
  g_assert_cmpuint (mgr_actor (map, "a")->data->len, ==, 1);
  /* Only that label and name disagree on a. */
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_positions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) lone = mgr_read_string (
    "<graphml><key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>"
    "<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>"
    "<key id=\"g\" for=\"node\" yfiles.type=\"nodegraphics\"/><graph>"
    "<node id=\"both\"><data key=\"x\">1.5</data><data key=\"y\">-2</data></node>"
    "<node id=\"lone\"><data key=\"x\">7</data></node>"
    "<node id=\"yed\" xmlns:y=\"http://www.yworks.com/xml/graphml\"><data key=\"x\">100</data>"
    "<data key=\"y\">200</data><data key=\"g\"><y:ShapeNode><y:Geometry x=\"0\" y=\"0\" "
    "width=\"10\" height=\"20\"/></y:ShapeNode></data></node>"
    "</graph></graphml>", NULL, &error);
  g_autoptr (MgMap) completed = NULL;

  g_assert_no_error (error);
  g_assert_true (mgr_actor (lone, "both")->has_position);
  g_assert_cmpfloat (mgr_actor (lone, "both")->x, ==, 1.5);
  g_assert_cmpfloat (mgr_actor (lone, "both")->y, ==, -2.0);
  g_assert_cmpuint (mgr_actor (lone, "both")->data->len, ==, 0);
  /* A lone coordinate cannot place an actor: it stays a plain value. */
  g_assert_false (mgr_actor (lone, "lone")->has_position);
  g_assert_cmpstr (mgr_value (mgr_actor (lone, "lone")->data, "x"), ==, "7");
  /* Explicit x / y win over yEd geometry, which still gives the size. */
  g_assert_cmpfloat (mgr_actor (lone, "yed")->x, ==, 100.0);
  g_assert_cmpfloat (mgr_actor (lone, "yed")->y, ==, 200.0);
  g_assert_cmpfloat (mgr_actor (lone, "yed")->height, ==, 20.0);

  /* A default completes a position but never places an actor alone. */
  completed = mgr_read_string (
    "<graphml><key id=\"x\" for=\"node\" attr.name=\"x\"/>"
    "<key id=\"y\" for=\"node\" attr.name=\"y\"><default>5</default></key><graph>"
    "<node id=\"a\"><data key=\"x\">3</data></node><node id=\"b\"/>"
    "</graph></graphml>", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mgr_actor (completed, "a")->has_position);
  g_assert_cmpfloat (mgr_actor (completed, "a")->y, ==, 5.0);
  g_assert_false (mgr_actor (completed, "b")->has_position);
}

static void
test_key_extras (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mgr_read_string (
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"urn:y\" xmlns:x=\"urn:x\">\n"
    "<key id=\"p\" for=\"port\" attr.name=\"Location\" y:attr.uri=\"urn:loc\" attr.list=\"x\">"
    "<desc>Where</desc><default><x:Static Member=\"Center\"/></default></key>\n"
    "<key id=\"n\" for=\"node\" attr.name=\"count\" attr.type=\"integer\"/>\n"
    "<key id=\"g\" for=\"node\" attr.name=\"label\" yfiles.type=\"nodegraphics\"/>\n"
    "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"n\">3</data><data key=\"g\">not a label</data></node></graph>\n"
    "</graphml>", warnings, &error);
  MgKey *p, *n, *g;

  g_assert_no_error (error);
  p = mgr_key (map, "p", MG_DOMAIN_PORT);
  g_assert_cmpstr (p->extra.desc, ==, "Where");
  g_assert_null (p->default_value);
  g_assert_cmpstr (p->default_raw, ==, "<x:Static Member=\"Center\"/>");
  g_assert_cmpuint (p->extra.attrs->len, ==, 2);
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (p->extra.attrs, 0))->name, ==, "y:attr.uri");
  g_assert_cmpstr (((MgXmlAttr *) g_ptr_array_index (p->extra.attrs, 1))->name, ==, "attr.list");
  /* An unknown attr.type reads as string, untyped. */
  n = mgr_key (map, "n", MG_DOMAIN_NODE);
  g_assert_false (n->typed);
  g_assert_cmpint (n->type, ==, MG_VALUE_STRING);
  mgr_assert_warning (warnings, "line 3: key 'n': unknown attr.type \"integer\", read as string");
  /* A yEd key is never bound, whatever its name. */
  g = mgr_key (map, "g", MG_DOMAIN_NODE);
  g_assert_cmpint (g->field, ==, MG_FIELD_NONE);
  g_assert_null (mgr_actor (map, "a")->label);
  g_assert_cmpstr (mgr_value (mgr_actor (map, "a")->data, "g"), ==, "not a label");
  g_assert_cmpuint (warnings->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphml/read/synonyms", test_synonyms);
  g_test_add_func ("/graphml/read/defaults", test_defaults);
  g_test_add_func ("/graphml/read/all-types", test_all_types);
  g_test_add_func ("/graphml/read/for-all-keys", test_for_all);
  g_test_add_func ("/graphml/read/keys-after-graph", test_late_keys);
  g_test_add_func ("/graphml/read/keys-inside-graph", test_keys_inside_graph);
  g_test_add_func ("/graphml/read/yed-label-geometry-fill-group", test_yed);
  g_test_add_func ("/graphml/read/map-signals-after-read", test_map_signals_after_read);
  g_test_add_func ("/graphml/read/gephi-position-colour-size", test_gephi);
  g_test_add_func ("/graphml/read/networkx-typed-keys", test_networkx);
  g_test_add_func ("/graphml/read/igraph-typed-keys", test_igraph);
  g_test_add_func ("/graphml/read/parallel-loops-mixed-directedness", test_parallel_loops_mixed);
  g_test_add_func ("/graphml/read/nested-and-several-graphs", test_nested_and_several_graphs);
  g_test_add_func ("/graphml/read/hyperedges-ports-kept", test_hyperedges_ports);
  g_test_add_func ("/graphml/read/foreign-subtrees-verbatim", test_foreign_subtrees);
  g_test_add_func ("/graphml/read/old-namespace", test_old_namespace);
  g_test_add_func ("/graphml/read/gzip", test_gzip);
  g_test_add_func ("/graphml/read/late-key-changes-binding", test_late_key_changes_binding);
  g_test_add_func ("/graphml/read/positions", test_positions);
  g_test_add_func ("/graphml/read/key-extras-and-default-markup", test_key_extras);
  g_test_add_func ("/graphml/read/memory-and-file-agree", test_memory_and_file_agree);

  return g_test_run ();
}
