/* test-report.c — the territory report on hand-built maps with known
 * answers: members at levels 1 and 2, shorter paths, scales, families,
 * every lever and its edge cases, the JSON contract. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mg-adjacency.h"
#include "mg-graphml.h"
#include "mg-map.h"
#include "mg-metrics.h"
#include "mg-report.h"

static MgActor *
actor (MgMap *map, const char *id, const char *role, const char *territory)
{
  MgActor *a = mg_map_add_actor (map, id);

  g_assert_nonnull (a);
  if (role != NULL)
    mg_map_set_actor_role (map, a, role);
  if (territory != NULL)
    mg_map_set_actor_territory (map, a, territory);
  return a;
}

static MgRelation *
relation (MgMap *map, const char *source, const char *target, const char *kind, gboolean directed)
{
  MgRelation *r = mg_map_add_relation (map, mg_map_lookup_actor (map, source),
                                       mg_map_lookup_actor (map, target), NULL, directed);

  g_assert_nonnull (r);
  mg_map_set_relation_kind (map, r, kind);
  return r;
}

/* The reference map (see the comments for the expected answers):
 *   R:       r1 local-authority "R", s1 sme "R/D1", s2 startup "R/D1/C",
 *            u1 university "R/D2"
 *   S:       x1 sme "S", x2 research-lab "S/E"
 *   scales:  n1 connector "France"; n2 connector "Monde" (local unless the
 *            map's scales name it)
 *   none:    z association (no territory) */
static MgMap *
reference_map (void)
{
  MgMap *map = mg_map_new ();

  actor (map, "r1", "local-authority", "R");
  actor (map, "s1", "sme", "R/D1");
  actor (map, "s2", "startup", "R / D1 / C");
  actor (map, "u1", "university", "R/D2");
  actor (map, "x1", "sme", "S");
  actor (map, "x2", "research-lab", "S/E");
  actor (map, "n1", "connector", "France/Paris");
  actor (map, "n2", "connector", "Monde");
  actor (map, "z", "association", NULL);

  relation (map, "r1", "s1", "support", TRUE);        /* e0: R inside */
  relation (map, "x1", "s1", "training", TRUE);       /* e1: R outside */
  relation (map, "s1", "x2", "research", FALSE);      /* e2: R and S outside, peers */
  relation (map, "s2", "x1", "partnership", FALSE);   /* e3: partnership outside R, S */
  relation (map, "s1", "n1", "membership", TRUE);     /* e4: national network R */
  relation (map, "n1", "u1", "membership", TRUE);     /* e5: not one (from the scale) */
  relation (map, "u1", "n1", "membership", FALSE);    /* e6: national network R */
  relation (map, "s1", "s1", "partnership", FALSE);   /* e7: self-loop, ignored */
  relation (map, "s2", "r1", "partnership", TRUE);    /* e8: r1 incoming 1 */
  relation (map, "u1", "r1", "membership", TRUE);     /* e9: r1 incoming 2 */
  relation (map, "s1", "r1", "partnership", FALSE);   /* e10: r1 incoming 3 */
  relation (map, "s2", "z", "knowledge", TRUE);       /* e11: z not local: no peer */
  relation (map, "x1", "x2", "knowledge", TRUE);      /* e12: inside S at level 1 */
  relation (map, "r1", "u1", "support", TRUE);        /* e13: R inside */
  return map;
}

static const MgReportTerritory *
find (const MgReport *report, const char *path)
{
  const MgReportTerritory *t = mg_report_find (report, path);

  if (t == NULL)
    g_error ("no territory %s in the report", path);
  return t;
}

static void
assert_items (const MgReportTerritory *t, MgLever lever, const guint *expected, guint n)
{
  GArray *items = t->levers[lever];

  g_assert_cmpuint (items->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (items, guint, i), ==, expected[i]);
}

static void
test_members_level_1 (void)
{
  g_autoptr (MgMap) map = reference_map ();
  g_autoptr (MgReport) report = mg_report_new (map, 1, NULL, 0);
  const MgReportTerritory *r, *s, *monde, *first;

  g_assert_cmpuint (report->level, ==, 1);
  /* R (4), S (2), Monde (1): France is a scale, z has no territory. */
  g_assert_cmpuint (report->territories->len, ==, 3);
  first = g_ptr_array_index (report->territories, 0);
  g_assert_cmpstr (first->path, ==, "R");
  g_assert_cmpstr (((MgReportTerritory *) g_ptr_array_index (report->territories, 1))->path, ==, "S");
  r = find (report, "R");
  s = find (report, "S");
  monde = find (report, "Monde");
  g_assert_cmpuint (r->n_actors, ==, 4);
  g_assert_cmpuint (s->n_actors, ==, 2);
  g_assert_cmpuint (monde->n_actors, ==, 1);
  g_assert_null (mg_report_find (report, "France"));
  /* The whole map counts everyone. */
  g_assert_cmpuint (report->map->n_actors, ==, 9);
}

static void
test_members_level_2 (void)
{
  g_autoptr (MgMap) map = reference_map ();
  g_autoptr (MgReport) report = mg_report_new (map, 2, NULL, 0);

  g_assert_cmpuint (report->level, ==, 2);
  /* A shorter path is its own entry: "R" beside "R/D1" and "R/D2". */
  g_assert_cmpuint (find (report, "R")->n_actors, ==, 1);
  g_assert_cmpuint (find (report, "R/D1")->n_actors, ==, 2);
  g_assert_cmpuint (find (report, "R/D2")->n_actors, ==, 1);
  g_assert_cmpuint (find (report, "S")->n_actors, ==, 1);
  g_assert_cmpuint (find (report, "S/E")->n_actors, ==, 1);
  g_assert_cmpuint (report->territories->len, ==, 6);
  /* Most members first. */
  g_assert_cmpstr (((MgReportTerritory *) g_ptr_array_index (report->territories, 0))->path, ==,
                   "R/D1");
}

static void
test_roles_and_families (void)
{
  g_autoptr (MgMap) map = reference_map ();
  g_autoptr (MgReport) report = mg_report_new (map, 1, NULL, 0);
  const MgReportTerritory *r = find (report, "R");
  const MgReportTerritory *s = find (report, "S");
  MgFamilySet missing = mg_report_territory_missing (r);

  g_assert_cmpuint (r->roles->len, ==, 4);
  g_assert_cmpuint (r->families[MG_FAMILY_AUTHORITIES], ==, 1);
  g_assert_cmpuint (r->families[MG_FAMILY_INDUSTRY], ==, 1);
  g_assert_cmpuint (r->families[MG_FAMILY_STARTUPS], ==, 1);
  g_assert_cmpuint (r->families[MG_FAMILY_UNIVERSITIES], ==, 1);
  /* Several families missing. */
  g_assert_cmpuint (missing, ==, MG_FAMILY_BIT (MG_FAMILY_CONNECTORS) |
                                 MG_FAMILY_BIT (MG_FAMILY_REAL_ESTATE) |
                                 MG_FAMILY_BIT (MG_FAMILY_EDUCATION));
  g_assert_cmpuint (s->present, ==, MG_FAMILY_BIT (MG_FAMILY_INDUSTRY) |
                                    MG_FAMILY_BIT (MG_FAMILY_UNIVERSITIES));
  /* The whole map: the association counts in its role, in no family. */
  g_assert_cmpuint (report->map->families[MG_FAMILY_CONNECTORS], ==, 2);
  g_assert_cmpuint (report->map->families[MG_FAMILY_INDUSTRY], ==, 2);
  g_assert_cmpuint (report->map->roles->len, ==, 7);
  /* Roles by count, then id: sme and connector (2) before the others. */
  g_assert_cmpstr (g_array_index (report->map->roles, MgReportCount, 0).role, ==, "connector");
  g_assert_cmpstr (g_array_index (report->map->roles, MgReportCount, 1).role, ==, "sme");
  g_assert_cmpstr (g_array_index (report->map->roles, MgReportCount, 2).role, ==, "association");
}

static void
test_levers_level_1 (void)
{
  g_autoptr (MgMap) map = reference_map ();
  g_autoptr (MgReport) report = mg_report_new (map, 1, NULL, 0);
  const MgReportTerritory *r = find (report, "R");
  const MgReportTerritory *s = find (report, "S");
  const MgReportTerritory *monde = find (report, "Monde");

  assert_items (r, MG_LEVER_ENGINEERING_INSIDE, (guint[]) { 0, 13 }, 2);
  assert_items (r, MG_LEVER_ENGINEERING_OUTSIDE, (guint[]) { 1, 2 }, 2);
  /* x1→s1 training: the receiver is not S's, so nothing for S; the
   * undirected research s1–x2 is received by x2 from outside. */
  assert_items (s, MG_LEVER_ENGINEERING_INSIDE, NULL, 0);
  assert_items (s, MG_LEVER_ENGINEERING_OUTSIDE, (guint[]) { 2 }, 1);
  assert_items (r, MG_LEVER_PARTNERSHIPS_OUTSIDE, (guint[]) { 3 }, 1);
  assert_items (s, MG_LEVER_PARTNERSHIPS_OUTSIDE, (guint[]) { 3 }, 1);
  assert_items (r, MG_LEVER_NATIONAL_NETWORKS, (guint[]) { 4, 6 }, 2);
  assert_items (r, MG_LEVER_PEER_EXCHANGES, (guint[]) { 2 }, 1);
  assert_items (s, MG_LEVER_PEER_EXCHANGES, (guint[]) { 2 }, 1);
  assert_items (r, MG_LEVER_COLLECTIVE_ORGANISATION, (guint[]) { 0 }, 1); /* r1 */
  assert_items (s, MG_LEVER_COLLECTIVE_ORGANISATION, NULL, 0);
  /* Openness: R touches e0–e6, e8–e11, e13 (12, the self-loop left out);
   * e1–e6 and e11 leave: 7/12.  S: e1, e2, e3, e12; 3 leave. */
  g_assert_cmpuint (r->n_relations, ==, 12);
  assert_items (r, MG_LEVER_OPENNESS, (guint[]) { 1, 2, 3, 4, 5, 6, 11 }, 7);
  g_assert_cmpfloat_with_epsilon (r->openness, 7.0 / 12.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s->openness, 3.0 / 4.0, 1e-12);
  /* No relation: openness 0. */
  g_assert_cmpuint (monde->n_relations, ==, 0);
  g_assert_cmpfloat (monde->openness, ==, 0.0);
  /* Without betweenness, no catalysts. */
  g_assert_false (report->has_betweenness);
  g_assert_cmpuint (mg_report_territory_lever_count (r, MG_LEVER_CATALYSTS), ==, 0);
}

static void
test_levers_level_2 (void)
{
  g_autoptr (MgMap) map = reference_map ();
  g_autoptr (MgReport) report = mg_report_new (map, 2, NULL, 0);
  const MgReportTerritory *d1 = find (report, "R/D1");
  const MgReportTerritory *d2 = find (report, "R/D2");
  const MgReportTerritory *r = find (report, "R");
  const MgReportTerritory *s = find (report, "S");
  const MgReportTerritory *se = find (report, "S/E");

  /* r1 ("R") now gives from another entry. */
  assert_items (d1, MG_LEVER_ENGINEERING_INSIDE, NULL, 0);
  assert_items (d1, MG_LEVER_ENGINEERING_OUTSIDE, (guint[]) { 0, 1, 2 }, 3);
  assert_items (d2, MG_LEVER_ENGINEERING_OUTSIDE, (guint[]) { 13 }, 1);
  /* x1 "S" → x2 "S/E" knowledge is now a peer exchange. */
  assert_items (s, MG_LEVER_PEER_EXCHANGES, (guint[]) { 12 }, 1);
  assert_items (se, MG_LEVER_PEER_EXCHANGES, (guint[]) { 2, 12 }, 2);
  /* r1's incoming come from other entries: no collective organisation. */
  assert_items (r, MG_LEVER_COLLECTIVE_ORGANISATION, NULL, 0);
  assert_items (d2, MG_LEVER_NATIONAL_NETWORKS, (guint[]) { 6 }, 1);
}

static void
test_scales_setting (void)
{
  g_autoptr (MgMap) map = reference_map ();
  const char *const scales[] = { "France", "Monde", NULL };
  g_autoptr (MgReport) before = NULL;
  g_autoptr (MgReport) after = NULL;

  relation (map, "x1", "n2", "membership", TRUE); /* e14 */
  before = mg_report_new (map, 1, NULL, 0);
  assert_items (find (before, "S"), MG_LEVER_NATIONAL_NETWORKS, NULL, 0);
  g_assert_nonnull (mg_report_find (before, "Monde"));

  mg_map_set_scales (map, scales);
  after = mg_report_new (map, 1, NULL, 0);
  g_assert_null (mg_report_find (after, "Monde"));
  assert_items (find (after, "S"), MG_LEVER_NATIONAL_NETWORKS, (guint[]) { 14 }, 1);
  g_assert_cmpuint (after->territories->len, ==, 2);
}

static void
test_catalysts (void)
{
  g_autoptr (MgMap) map = reference_map ();
  /* By index: r1 s1 s2 u1 x1 x2 n1 n2 z.  Partner roles: s1 4 (r1, x1, x2,
   * n1 — not itself), r1 3, s2 3 (x1, r1, z), u1 2; x1 3 (s1, s2, x2). */
  const double values[] = { 5, 2, 9, 100, 0, 1, 0, 0, 0 };
  g_autoptr (MgReport) report = mg_report_new (map, 1, values, G_N_ELEMENTS (values));
  g_autoptr (MgReport) mismatch = mg_report_new (map, 1, values, 3);
  g_autofree double *real = mg_report_compute_betweenness (map);
  g_autoptr (MgReport) computed = mg_report_new (map, 1, real, mg_map_get_n_actors (map));
  GArray *c;

  g_assert_true (report->has_betweenness);
  /* u1 has the highest betweenness but only 2 partner roles. */
  assert_items (find (report, "R"), MG_LEVER_CATALYSTS, (guint[]) { 2, 0, 1 }, 3);
  /* A betweenness of 0 still counts: x1 has 3 partner roles. */
  assert_items (find (report, "S"), MG_LEVER_CATALYSTS, (guint[]) { 4 }, 1);
  g_assert_false (mismatch->has_betweenness);

  c = find (computed, "R")->levers[MG_LEVER_CATALYSTS];
  g_assert_cmpuint (c->len, ==, 3);
  for (guint i = 1; i < c->len; i++)
    g_assert_cmpfloat (real[g_array_index (c, guint, i - 1)], >=,
                       real[g_array_index (c, guint, i)] - 1e-9);
}

static void
test_catalysts_at_most_five (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  const char *roles[] = { "sme", "startup", "university" };
  g_autofree double *values = NULL;
  g_autoptr (MgReport) report = NULL;
  GArray *c;

  /* Seven hubs, each linked to three leaves of three roles. */
  for (guint h = 0; h < 7; h++)
    {
      g_autofree char *hub = g_strdup_printf ("h%u", h);

      actor (map, hub, "connector", "T");
      for (guint l = 0; l < 3; l++)
        {
          g_autofree char *leaf = g_strdup_printf ("h%u-%u", h, l);

          actor (map, leaf, roles[l], "T");
          relation (map, hub, leaf, "knowledge", TRUE);
        }
    }
  values = g_new0 (double, mg_map_get_n_actors (map));
  for (guint h = 0; h < 7; h++)
    values[h * 4] = h; /* the last hub is the most central */
  report = mg_report_new (map, 1, values, mg_map_get_n_actors (map));
  c = find (report, "T")->levers[MG_LEVER_CATALYSTS];
  g_assert_cmpuint (c->len, ==, MG_REPORT_MAX_CATALYSTS);
  g_assert_cmpuint (g_array_index (c, guint, 0), ==, 6 * 4);
  g_assert_cmpuint (g_array_index (c, guint, 4), ==, 2 * 4);
}

/* On the joined example map, the catalysts agree with core's metrics:
 * members with at least 3 partner roles, by betweenness. */
static void
test_catalysts_agree_with_metrics (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MAILLAGE_DATA_DIR"), "maps",
                                            "france-territorial-innovation.graphml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_file (path, NULL, &error);
  g_autoptr (MgAdjacency) adj = NULL;
  g_autofree guint *diversity = NULL;
  g_autofree double *values = NULL;
  g_autoptr (MgReport) report = NULL;

  g_assert_no_error (error);
  adj = mg_adjacency_new (map);
  diversity = g_new0 (guint, adj->n_actors);
  mg_metrics_role_diversity (adj, map, diversity);
  values = mg_report_compute_betweenness (map);
  report = mg_report_new (map, 1, values, adj->n_actors);
  for (guint i = 0; i < report->territories->len; i++)
    {
      const MgReportTerritory *t = g_ptr_array_index (report->territories, i);
      GArray *c = t->levers[MG_LEVER_CATALYSTS];
      guint eligible = 0;
      double lowest = G_MAXDOUBLE;

      for (guint k = 0; k < c->len; k++)
        {
          guint v = g_array_index (c, guint, k);

          g_assert_cmpuint (diversity[v], >=, 3);
          lowest = MIN (lowest, values[v]);
        }
      for (guint m = 0; m < t->members->len; m++)
        {
          guint v = g_array_index (t->members, guint, m);
          gboolean listed = FALSE;

          if (diversity[v] < 3)
            continue;
          eligible++;
          for (guint k = 0; k < c->len; k++)
            listed |= g_array_index (c, guint, k) == v;
          if (!listed)
            g_assert_cmpfloat (values[v], <=, lowest + 1e-9);
        }
      g_assert_cmpuint (c->len, ==, MIN (eligible, MG_REPORT_MAX_CATALYSTS));
    }
}

static void
test_collective_edge_cases (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (MgReport) report = NULL;

  actor (map, "hub", "connector", "T");
  actor (map, "a", "sme", "T");
  actor (map, "b", "sme", "T");
  actor (map, "out", "sme", "U");
  actor (map, "hub2", "connector", "T");
  actor (map, "c", "sme", "T");
  /* hub: 2 incoming from members + 1 from outside + 1 of another kind
   * + an outgoing one: not enough. */
  relation (map, "a", "hub", "membership", TRUE);
  relation (map, "b", "hub", "partnership", TRUE);
  relation (map, "out", "hub", "membership", TRUE);
  relation (map, "a", "hub", "support", TRUE);
  relation (map, "hub", "b", "membership", TRUE);
  relation (map, "hub", "hub", "membership", TRUE);
  /* hub2: three incoming, one of them undirected (read both ways). */
  relation (map, "a", "hub2", "membership", TRUE);
  relation (map, "b", "hub2", "membership", TRUE);
  relation (map, "hub2", "c", "partnership", FALSE);
  report = mg_report_new (map, 1, NULL, 0);
  assert_items (find (report, "T"), MG_LEVER_COLLECTIVE_ORGANISATION, (guint[]) { 4 }, 1);
}

static void
test_empty_map (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (MgReport) report = mg_report_new (map, 0, NULL, 0);
  g_autofree char *json = mg_report_to_json_string (report, map);
  g_autofree char *text = mg_report_to_text (report, map);

  g_assert_cmpuint (report->level, ==, 1);
  g_assert_cmpuint (report->territories->len, ==, 0);
  g_assert_cmpuint (report->map->n_actors, ==, 0);
  g_assert_cmpuint (mg_report_territory_missing (report->map), ==, MG_FAMILY_SET_ALL);
  g_assert_nonnull (strstr (json, "\"territories\""));
  g_assert_nonnull (text);
}

static void
test_json_contract (void)
{
  g_autoptr (MgMap) map = reference_map ();
  const double values[] = { 5, 2, 9, 100, 0, 1, 0, 0, 0 };
  g_autoptr (MgReport) report = mg_report_new (map, 1, values, G_N_ELEMENTS (values));
  g_autofree char *text = mg_report_to_json_string (report, map);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *const keys[] = { "territory", "actors", "roles", "families", "missing_families",
                               "catalysts", "engineering", "partnerships_outside",
                               "national_networks", "peer_exchanges",
                               "collective_organisation", "openness", NULL };
  JsonObject *root, *r, *whole, *engineering, *families;
  JsonArray *territories, *missing, *catalysts;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "level"), ==, 1);
  territories = json_object_get_array_member (root, "territories");
  g_assert_cmpuint (json_array_get_length (territories), ==, 3);
  r = json_array_get_object_element (territories, 0);
  g_assert_cmpuint (json_object_get_size (r), ==, g_strv_length ((char **) keys));
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (r, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (r, "territory"), ==, "R");
  g_assert_cmpint (json_object_get_int_member (r, "actors"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "roles"), "sme"),
                   ==, 1);
  families = json_object_get_object_member (r, "families");
  g_assert_cmpuint (json_object_get_size (families), ==, 4);
  g_assert_cmpint (json_object_get_int_member (families, "startups"), ==, 1);
  g_assert_false (json_object_has_member (families, "connectors"));
  missing = json_object_get_array_member (r, "missing_families");
  g_assert_cmpuint (json_array_get_length (missing), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (missing, 0), ==, "connectors");
  g_assert_cmpstr (json_array_get_string_element (missing, 1), ==, "real-estate");
  g_assert_cmpstr (json_array_get_string_element (missing, 2), ==, "education");
  catalysts = json_object_get_array_member (r, "catalysts");
  g_assert_cmpuint (json_array_get_length (catalysts), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (catalysts, 0), ==, "s2");
  g_assert_cmpstr (json_array_get_string_element (catalysts, 1), ==, "r1");
  g_assert_cmpstr (json_array_get_string_element (catalysts, 2), ==, "s1");
  engineering = json_object_get_object_member (r, "engineering");
  g_assert_cmpuint (json_object_get_size (engineering), ==, 2);
  g_assert_cmpint (json_object_get_int_member (engineering, "inside"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (engineering, "outside"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (r, "partnerships_outside"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (r, "national_networks"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (r, "peer_exchanges"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (r, "collective_organisation"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (r, "openness")));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (r, "openness"), 7.0 / 12.0,
                                  1e-12);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (r, "actors")), ==,
                   G_TYPE_INT64);

  whole = json_object_get_object_member (root, "map");
  g_assert_cmpuint (json_object_get_size (whole), ==, 4);
  g_assert_cmpint (json_object_get_int_member (whole, "actors"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (whole, "roles"),
                                               "association"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (whole, "missing_families")),
                    ==, 2); /* real estate, education */
}

static void
test_text_names_everything (void)
{
  g_autoptr (MgMap) map = reference_map ();
  g_autoptr (MgReport) report = mg_report_new (map, 1, NULL, 0);
  g_autofree char *text = mg_report_to_text (report, map);

  g_assert_nonnull (strstr (text, "R — 4 actors"));
  g_assert_nonnull (strstr (text, "Missing: Connectors, Real estate, Education system"));
  g_assert_nonnull (strstr (text, "Openness"));
  g_assert_nonnull (strstr (text, "To discuss"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/members/level-1", test_members_level_1);
  g_test_add_func ("/report/members/level-2-shorter-path-own-entry", test_members_level_2);
  g_test_add_func ("/report/roles-and-families", test_roles_and_families);
  g_test_add_func ("/report/levers/level-1", test_levers_level_1);
  g_test_add_func ("/report/levers/level-2", test_levers_level_2);
  g_test_add_func ("/report/scales-setting", test_scales_setting);
  g_test_add_func ("/report/catalysts/ranked", test_catalysts);
  g_test_add_func ("/report/catalysts/at-most-five", test_catalysts_at_most_five);
  g_test_add_func ("/report/catalysts/agree-with-metrics", test_catalysts_agree_with_metrics);
  g_test_add_func ("/report/collective/edge-cases", test_collective_edge_cases);
  g_test_add_func ("/report/empty-map", test_empty_map);
  g_test_add_func ("/report/json-contract", test_json_contract);
  g_test_add_func ("/report/text", test_text_names_everything);
  return g_test_run ();
}
