/* The map model: ownership, lookups and change signals. */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <math.h>

#include "mg-map.h"

static void
test_add_lookup_remove (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "michelin");
  MgActor *b = mg_map_add_actor (map, "uca");
  MgActor *c = mg_map_add_actor (map, NULL);
  MgRelation *r1, *r2;

  g_assert_nonnull (a);
  g_assert_null (mg_map_add_actor (map, "michelin"));
  g_assert_cmpstr (c->id, ==, "a1");
  g_assert_true (mg_map_lookup_actor (map, "uca") == b);
  g_assert_cmpuint (b->index, ==, 1);

  r1 = mg_map_add_relation (map, a, b, "e0", TRUE);
  r2 = mg_map_add_relation (map, b, c, NULL, FALSE);
  g_assert_cmpint (r1->directed_attr, ==, -1);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 2);
  {
    g_autoptr (GPtrArray) rels = mg_map_get_actor_relations (map, b);
    g_assert_cmpuint (rels->len, ==, 2);
  }

  mg_map_remove_actor (map, a);
  g_assert_null (mg_map_lookup_actor (map, "michelin"));
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 2);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 1);
  g_assert_true (g_ptr_array_index (mg_map_get_relations (map), 0) == r2);
  g_assert_cmpuint (r2->index, ==, 0);
  g_assert_cmpuint (b->index, ==, 0);
  g_assert_cmpuint (c->index, ==, 1);
  g_assert_cmpuint (mg_map_get_graphs (map)->len, ==, 1);
}

static void
test_signals_follow_edits (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (GtSignalLogger) logger = gt_signal_logger_new ();
  MgActor *a, *b;
  MgRelation *r;
  gpointer p = NULL;
  guint flags = 0;

  gt_signal_logger_connect (logger, map, "actor-added");
  gt_signal_logger_connect (logger, map, "actor-removed");
  gt_signal_logger_connect (logger, map, "actor-changed");
  gt_signal_logger_connect (logger, map, "relation-added");
  gt_signal_logger_connect (logger, map, "relation-removed");
  gt_signal_logger_connect (logger, map, "relation-changed");
  gt_signal_logger_connect (logger, map, "metadata-changed");
  gt_signal_logger_connect (logger, map, "layout-changed");

  a = mg_map_add_actor (map, "cci");
  gt_signal_logger_assert_emission_pop (logger, map, "actor-added", &p);
  g_assert_true (p == a);
  b = mg_map_add_actor (map, "crcgm");
  gt_signal_logger_assert_emission_pop (logger, map, "actor-added", &p);

  mg_map_set_actor_role (map, a, "connector");
  gt_signal_logger_assert_emission_pop (logger, map, "actor-changed", &p, &flags);
  g_assert_true (p == a);
  g_assert_cmpuint (flags, ==, MG_CHANGE_ROLE);

  /* Setting the same value again is not a change. */
  mg_map_set_actor_role (map, a, "connector");
  gt_signal_logger_assert_no_emissions (logger);

  mg_map_set_actor_territory (map, a, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  gt_signal_logger_assert_emission_pop (logger, map, "actor-changed", &p, &flags);
  g_assert_cmpuint (flags, ==, MG_CHANGE_TERRITORY);
  mg_map_set_actor_lessons (map, a, MG_LESSON_BIT (MG_LESSON_CARE));
  gt_signal_logger_assert_emission_pop (logger, map, "actor-changed", &p, &flags);
  g_assert_cmpuint (flags, ==, MG_CHANGE_LESSONS);
  mg_map_set_actor_position (map, a, 10, 20);
  gt_signal_logger_assert_emission_pop (logger, map, "actor-changed", &p, &flags);
  g_assert_cmpuint (flags, ==, MG_CHANGE_POSITION);
  mg_map_set_actor_pinned (map, a, TRUE);
  gt_signal_logger_assert_emission_pop (logger, map, "actor-changed", &p, &flags);
  g_assert_cmpuint (flags, ==, MG_CHANGE_PINNED);
  mg_map_set_actor_attribute (map, a, "website", "https://example.org");
  gt_signal_logger_assert_emission_pop (logger, map, "actor-changed", &p, &flags);
  g_assert_cmpuint (flags, ==, MG_CHANGE_ATTRIBUTE);
  g_assert_cmpstr (mg_actor_get_attribute (a, "website"), ==, "https://example.org");

  r = mg_map_add_relation (map, a, b, NULL, TRUE);
  gt_signal_logger_assert_emission_pop (logger, map, "relation-added", &p);
  g_assert_true (p == r);
  mg_map_set_relation_kind (map, r, "knowledge");
  gt_signal_logger_assert_emission_pop (logger, map, "relation-changed", &p, &flags);
  g_assert_cmpuint (flags, ==, MG_CHANGE_KIND);

  mg_map_set_title (map, "Clermont");
  gt_signal_logger_assert_emission_pop (logger, map, "metadata-changed", NULL);

  {
    double pos[4] = { 1, 2, 3, 4 };
    mg_map_apply_positions (map, pos, NULL);
    gt_signal_logger_assert_emission_pop (logger, map, "layout-changed", NULL);
    g_assert_cmpfloat (b->x, ==, 3);
    g_assert_true (mg_map_has_positions (map));
  }

  /* Removing an actor removes its relations first. */
  mg_map_remove_actor (map, b);
  gt_signal_logger_assert_emission_pop (logger, map, "relation-removed", &p);
  g_assert_true (p == r);
  gt_signal_logger_assert_emission_pop (logger, map, "actor-removed", &p);
  g_assert_true (p == b);
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_unknown_role_registered (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgActor *a = mg_map_add_actor (map, "x");

  mg_map_set_actor_role (map, a, "fablab");
  g_assert_nonnull (mg_vocabulary_lookup_role (mg_map_get_vocabulary (map), "fablab"));
  mg_map_set_actor_role (map, a, "");
  g_assert_null (a->role);
}

static void
test_values_and_numbers (void)
{
  gboolean b;
  double d;
  const double samples[] = { 0.1, 12.5, -3, 1e-300, 123456.789, 1.0 / 3.0 };

  g_assert_true (mg_value_is_valid (MG_VALUE_INT, " 42 "));
  g_assert_false (mg_value_is_valid (MG_VALUE_INT, "4.2"));
  g_assert_false (mg_value_is_valid (MG_VALUE_INT, "99999999999"));
  g_assert_true (mg_value_is_valid (MG_VALUE_LONG, "99999999999"));
  g_assert_true (mg_value_is_valid (MG_VALUE_DOUBLE, "-1.5e3"));
  g_assert_true (mg_value_is_valid (MG_VALUE_DOUBLE, "INF"));
  g_assert_false (mg_value_is_valid (MG_VALUE_DOUBLE, "abc"));
  g_assert_false (mg_value_is_valid (MG_VALUE_BOOLEAN, "yes"));
  g_assert_true (mg_parse_boolean ("  fAlSe ", &b));
  g_assert_false (b);
  g_assert_true (mg_parse_double ("2.5", &d));
  g_assert_cmpfloat (d, ==, 2.5);
  g_assert_false (mg_parse_double ("nan", &d));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *text = mg_format_double (samples[i]);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, samples[i]);
    }
  {
    g_autofree char *t = mg_format_double (0.1);
    g_assert_cmpstr (t, ==, "0.1");
  }
}

static void
test_keys (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgKey *label = mg_key_new ("label", MG_DOMAIN_NODE, "label", MG_VALUE_STRING);
  MgKey *all = mg_key_new ("k", MG_DOMAIN_ALL, "label", MG_VALUE_STRING);
  g_autofree char *id = NULL;

  label->field = MG_FIELD_LABEL;
  all->edge_field = MG_FIELD_KIND;
  g_assert_true (mg_map_add_key (map, label));
  g_assert_true (mg_map_add_key (map, all));
  {
    MgKey *dup = mg_key_new ("label", MG_DOMAIN_EDGE, "x", MG_VALUE_STRING);
    g_assert_true (mg_map_add_key (map, dup)); /* same id, other domain: fine */
  }
  {
    MgKey *clash = mg_key_new ("k", MG_DOMAIN_NODE, "x", MG_VALUE_STRING);
    g_assert_false (mg_map_add_key (map, clash));
    mg_key_free (clash);
  }
  g_assert_true (mg_map_find_field_key (map, MG_FIELD_LABEL, MG_DOMAIN_NODE) == label);
  g_assert_true (mg_map_find_field_key (map, MG_FIELD_KIND, MG_DOMAIN_EDGE) == all);
  g_assert_null (mg_map_find_field_key (map, MG_FIELD_ROLE, MG_DOMAIN_NODE));
  id = mg_map_make_key_id (map);
  g_assert_null (mg_map_lookup_key (map, id));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/map/actors/add-lookup-remove", test_add_lookup_remove);
  g_test_add_func ("/map/signals/follow-edits", test_signals_follow_edits);
  g_test_add_func ("/map/roles/unknown-registered", test_unknown_role_registered);
  g_test_add_func ("/map/values/types-and-numbers", test_values_and_numbers);
  g_test_add_func ("/map/keys/fields-and-domains", test_keys);
  return g_test_run ();
}
