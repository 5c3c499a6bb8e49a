/* test-filter.c — filters and focus, alone and with lenses. */
#include <string.h>
#include "mg-map.h"
#include "mg-visibility.h"

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
relation (MgMap *map, const char *source, const char *target, const char *kind,
          gboolean directed)
{
  MgRelation *r = mg_map_add_relation (map, mg_map_lookup_actor (map, source),
                                       mg_map_lookup_actor (map, target), NULL, directed);

  g_assert_nonnull (r);
  if (kind != NULL)
    mg_map_set_relation_kind (map, r, kind);
  return r;
}

/* The ids of the actors not hidden, in map order, joined by spaces. */
static char *
visible_actors (MgVisibility *vis)
{
  const MgVisibilityResult *res = mg_visibility_get_result (vis);
  GPtrArray *actors = mg_map_get_actors (mg_visibility_get_map (vis));
  GString *out = g_string_new (NULL);

  for (guint v = 0; v < actors->len; v++)
    if (res->actor_state[v] != MG_VISIBILITY_HIDDEN)
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, ((MgActor *) g_ptr_array_index (actors, v))->id);
      }
  return g_string_free (out, FALSE);
}

static guint
n_visible_relations (MgVisibility *vis)
{
  return mg_visibility_get_result (vis)->n_relations_visible;
}

#define assert_visible(vis, expected)                    \
  G_STMT_START {                                         \
    g_autofree char *got_ = visible_actors (vis);        \
    g_assert_cmpstr (got_, ==, expected);                \
  } G_STMT_END

static MgMap *
sample_map (void)
{
  MgMap *map = mg_map_new ();
  MgActor *uca;

  actor (map, "michelin", "large-company", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  uca = actor (map, "uca", "university", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  actor (map, "cutlery", "sme", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Thiers");
  actor (map, "twin", "sme", "Auvergne-Rhône-Alpes/Puy-de-Dômes/Nowhere");
  actor (map, "busi", "connector", "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  actor (map, "ghost", NULL, NULL);
  mg_map_set_actor_label (map, uca, "Université Clermont Auvergne");
  mg_map_set_actor_notes (map, mg_map_lookup_actor (map, "busi"), "Incubateur régional, ÉCOLE d'ingénieurs partenaire");
  relation (map, "michelin", "uca", "research", FALSE);
  relation (map, "busi", "cutlery", "support", TRUE);
  relation (map, "uca", "busi", "partnership", FALSE);
  relation (map, "cutlery", "twin", "supply", TRUE);
  relation (map, "michelin", "cutlery", NULL, TRUE);
  return map;
}

static void
test_role (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();

  mg_filter_set_roles (filter, (const char *[]) { "sme", "university", NULL });
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "uca cutlery twin");
  g_assert_cmpuint (n_visible_relations (vis), ==, 1); /* cutlery → twin */

  /* "" stands for actors without a role; unknown roles match nothing. */
  mg_filter_set_roles (filter, (const char *[]) { "", "no-such-role", NULL });
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "ghost");

  mg_visibility_set_filter (vis, NULL);
  assert_visible (vis, "michelin uca cutlery twin busi ghost");
  g_assert_cmpuint (n_visible_relations (vis), ==, 5);
}

static void
test_territory_subtree (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();

  mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  mg_visibility_set_filter (vis, filter);
  /* Not "…/Puy-de-Dômes/…"; the node itself and what lies under it. */
  assert_visible (vis, "michelin uca cutlery busi");

  mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Thiers/");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "cutlery");

  mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "michelin uca cutlery twin busi");

  g_assert_true (mg_territory_in_subtree ("A/B/C", "A/B"));
  g_assert_true (mg_territory_in_subtree ("A/B", " A / B "));
  g_assert_false (mg_territory_in_subtree ("A/BC", "A/B"));
  g_assert_false (mg_territory_in_subtree ("A", "A/B"));
  g_assert_false (mg_territory_in_subtree (NULL, "A"));
  g_assert_true (mg_territory_in_subtree (NULL, NULL));
}

static void
test_kind (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();
  const MgVisibilityResult *res;

  mg_filter_set_kinds (filter, (const char *[]) { "support", "supply", NULL });
  mg_visibility_set_filter (vis, filter);
  res = mg_visibility_get_result (vis);
  /* Kinds hide relations, not actors. */
  g_assert_cmpuint (res->n_actors_visible, ==, 6);
  g_assert_cmpuint (res->n_relations_visible, ==, 2);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_NORMAL);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (res->relation_state[4], ==, MG_VISIBILITY_HIDDEN);

  mg_filter_set_kinds (filter, (const char *[]) { "", NULL });
  mg_visibility_set_filter (vis, filter);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->n_relations_visible, ==, 1);
  g_assert_cmpuint (res->relation_state[4], ==, MG_VISIBILITY_NORMAL);
}

static void
test_search (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();

  mg_filter_set_search (filter, "universite");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "uca");
  g_assert_cmpuint (n_visible_relations (vis), ==, 0);

  mg_filter_set_search (filter, "UNIVERSITÉ clermont");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "uca");

  /* Notes, territory and id are searched too. */
  mg_filter_set_search (filter, "ecole d'ingenieurs");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "busi");
  mg_filter_set_search (filter, "thiers");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "cutlery");
  mg_filter_set_search (filter, "GHO");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "ghost");
  mg_filter_set_search (filter, "dome");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "michelin uca cutlery twin busi");

  /* Edits reach the search text. */
  mg_map_set_actor_label (map, mg_map_lookup_actor (map, "ghost"), "Pôle Dôme");
  assert_visible (vis, "michelin uca cutlery twin busi ghost");

  /* A match never spans two fields (label + id). */
  mg_filter_set_search (filter, "auvergneuca");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "");
}

static void
test_fold_text (void)
{
  g_autofree char *a = mg_fold_text ("Université");
  g_autofree char *b = mg_fold_text ("ÉCOLE Supérieure");
  g_autofree char *c = mg_fold_text ("ﬁlière Straße");
  g_autofree char *d = mg_fold_text ("PLAIN ascii");

  g_assert_cmpstr (a, ==, "universite");
  g_assert_cmpstr (b, ==, "ecole superieure");
  g_assert_cmpstr (c, ==, "filiere strasse");
  g_assert_cmpstr (d, ==, "plain ascii");
}

static void
test_min_degree (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();

  /* degrees: michelin 2, uca 2, cutlery 3, twin 1, busi 2, ghost 0 */
  filter->min_degree = 2;
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "michelin uca cutlery busi");
  filter->min_degree = 3;
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "cutlery");
  g_assert_cmpuint (n_visible_relations (vis), ==, 0);

  /* A self-loop counts twice. */
  relation (map, "ghost", "ghost", "knowledge", TRUE);
  filter->min_degree = 2;
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "michelin uca cutlery busi ghost");
}

/* a → b → c, d → b, b – e (undirected), c → f, e – g */
static MgMap *
focus_map (void)
{
  MgMap *map = mg_map_new ();

  const char *ids[] = { "a", "b", "c", "d", "e", "f", "g" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    actor (map, ids[i], "sme", NULL);
  relation (map, "a", "b", "partnership", TRUE);
  relation (map, "b", "c", "partnership", TRUE);
  relation (map, "d", "b", "partnership", TRUE);
  relation (map, "b", "e", "partnership", FALSE);
  relation (map, "c", "f", "partnership", TRUE);
  relation (map, "e", "g", "partnership", FALSE);
  return map;
}

static void
test_focus_directions (void)
{
  g_autoptr(MgMap) map = focus_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();
  const char *b[] = { "b", NULL };

  mg_filter_set_focus (filter, b, 1, MG_FOCUS_OUT);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "b c e");
  g_assert_cmpuint (n_visible_relations (vis), ==, 2);

  mg_filter_set_focus (filter, b, 1, MG_FOCUS_IN);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "a b d e");

  mg_filter_set_focus (filter, b, 1, MG_FOCUS_BOTH);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "a b c d e");
  g_assert_cmpuint (n_visible_relations (vis), ==, 4);

  mg_filter_set_focus (filter, b, 2, MG_FOCUS_OUT);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "b c e f g");

  mg_filter_set_focus (filter, b, 2, MG_FOCUS_IN);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "a b d e g");

  mg_filter_set_focus (filter, b, 0, MG_FOCUS_BOTH);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "b");
}

static void
test_focus_several (void)
{
  g_autoptr(MgMap) map = focus_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();

  mg_filter_set_focus (filter, (const char *[]) { "a", "g", "nobody", NULL }, 1, MG_FOCUS_BOTH);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "a b e g");

  mg_filter_set_focus (filter, (const char *[]) { "a", NULL }, 3, MG_FOCUS_OUT);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "a b c e f g");

  /* No focus actor in the map: focus does not restrict. */
  mg_filter_set_focus (filter, (const char *[]) { "nobody", NULL }, 1, MG_FOCUS_BOTH);
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "a b c d e f g");
}

static void
test_with_lenses (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();
  const MgVisibilityResult *res;
  MgLensSettings s;

  mg_lens_settings_init (&s);
  s.active = MG_LESSON_BIT (MG_LESSON_VALORIZE);
  mg_visibility_set_lens_settings (vis, &s);
  mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  mg_visibility_set_filter (vis, filter);
  res = mg_visibility_get_result (vis);

  /* Filter hides twin and ghost; the lens highlights cutlery (a firm
   * receiving support) and that relation, keeps busi (its giver) plain, and
   * fades the rest. */
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "twin")), ==,
                    MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "ghost")), ==,
                    MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "cutlery")), ==,
                    MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "busi")), ==,
                    MG_VISIBILITY_NORMAL);
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "uca")), ==,
                    MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->relation_state[3], ==, MG_VISIBILITY_HIDDEN); /* to twin */
  g_assert_cmpuint (res->n_actors_visible, ==, 4);
  g_assert_cmpuint (res->n_relations_visible, ==, 4);

  /* Counts are among what the filter keeps. */
  g_assert_cmpuint (res->actors_matching[MG_LESSON_VALORIZE], ==, 1);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_VALORIZE], ==, 1);

  /* Hiding the unmatched keeps the highlighted relation's giver. */
  s.unmatched = MG_UNMATCHED_HIDE;
  mg_visibility_set_lens_settings (vis, &s);
  assert_visible (vis, "cutlery busi");
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "busi")), ==,
                    MG_VISIBILITY_NORMAL);

  /* "matched" ignores the filter; the state does not. */
  mg_filter_set_roles (filter, (const char *[]) { "connector", NULL });
  mg_visibility_set_filter (vis, filter);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->actor_matched[mg_map_lookup_actor (map, "cutlery")->index], ==, 1);
  g_assert_cmpuint (res->relation_matched[1], ==, 1);
  g_assert_cmpuint (res->relation_matched[0], ==, 0);
  g_assert_cmpuint (mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, "cutlery")), ==,
                    MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIDDEN);
}

/* A region keeps its departments and cities; a scale of the map keeps
 * the actors there, whatever the case; the map's own scales count. */
static void
test_territory_scales (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();

  actor (map, "region", "local-authority", "Auvergne-Rhône-Alpes");
  actor (map, "city", "sme", " Auvergne-Rhône-Alpes / Puy-de-Dôme / Thiers ");
  actor (map, "state", "public-agency", "France");
  actor (map, "bpi", "financier", "france/Paris");
  actor (map, "eu", "public-agency", "Europe");

  mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "region city");
  mg_filter_set_territory (filter, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "city");
  mg_filter_set_territory (filter, "France");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "state bpi");
  mg_filter_set_territory (filter, "FRANCE/Paris");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "bpi");

  /* Without scales, France is a place compared as written. */
  mg_map_set_scales (map, (const char *const[]) { NULL });
  mg_filter_set_territory (filter, "France");
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "state");
}

/* Provenance: what is in the set, and the ends of relations kept for
 * theirs. */
static void
test_provenance (void)
{
  g_autoptr(MgMap) map = sample_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();
  GPtrArray *relations = mg_map_get_relations (map);
  g_autoptr(MgFilter) copy = NULL;

  mg_map_set_actor_provenance (map, mg_map_lookup_actor (map, "ghost"), "workshop");
  mg_map_set_relation_provenance (map, g_ptr_array_index (relations, 1), "workshop");
  mg_map_set_relation_provenance (map, g_ptr_array_index (relations, 0), "inferred");
  mg_map_set_relation_provenance (map, g_ptr_array_index (relations, 2), "stated");

  mg_filter_set_provenance (filter, (const char *[]) { "workshop", NULL });
  mg_visibility_set_filter (vis, filter);
  assert_visible (vis, "cutlery busi ghost");
  g_assert_cmpuint (n_visible_relations (vis), ==, 1);

  mg_filter_set_provenance (filter, (const char *[]) { "stated", "none", NULL });
  mg_visibility_set_filter (vis, filter);
  /* Every actor but ghost is not recorded; relations 2 (stated), 3 and 4
   * (not recorded). */
  assert_visible (vis, "michelin uca cutlery twin busi");
  g_assert_cmpuint (n_visible_relations (vis), ==, 3);

  /* Edits are seen. */
  mg_map_set_relation_provenance (map, g_ptr_array_index (relations, 0), NULL);
  g_assert_cmpuint (n_visible_relations (vis), ==, 4);

  copy = mg_filter_copy (filter);
  g_assert_true (mg_filter_equal (copy, filter));
  g_assert_false (mg_filter_is_empty (copy));
  mg_filter_set_provenance (copy, NULL);
  g_assert_false (mg_filter_equal (copy, filter));
}

static void
test_filter_struct (void)
{
  g_autoptr(MgFilter) a = mg_filter_new ();
  g_autoptr(MgFilter) b = NULL;
  MgFocusDirection dir;

  g_assert_true (mg_filter_is_empty (a));
  mg_filter_set_roles (a, (const char *[]) { "sme", NULL });
  mg_filter_set_focus (a, (const char *[]) { "x", NULL }, 2, MG_FOCUS_IN);
  b = mg_filter_copy (a);
  g_assert_true (mg_filter_equal (a, b));
  g_assert_false (mg_filter_is_empty (b));
  b->focus_hops = 3;
  g_assert_false (mg_filter_equal (a, b));
  g_assert_true (mg_focus_direction_from_string ("out", &dir));
  g_assert_cmpint (dir, ==, MG_FOCUS_OUT);
  g_assert_false (mg_focus_direction_from_string ("sideways", &dir));
  g_assert_cmpstr (mg_focus_direction_to_string (MG_FOCUS_IN), ==, "in");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/role", test_role);
  g_test_add_func ("/filter/territory/subtree-on-component-boundary", test_territory_subtree);
  g_test_add_func ("/filter/territory/regions-and-scales", test_territory_scales);
  g_test_add_func ("/filter/provenance/values-and-ends", test_provenance);
  g_test_add_func ("/filter/kind/hides-relations", test_kind);
  g_test_add_func ("/filter/search/case-and-accent-insensitive", test_search);
  g_test_add_func ("/filter/search/fold-text", test_fold_text);
  g_test_add_func ("/filter/min-degree", test_min_degree);
  g_test_add_func ("/filter/focus/directions-and-hops", test_focus_directions);
  g_test_add_func ("/filter/focus/several-actors", test_focus_several);
  g_test_add_func ("/filter/combined-with-lenses", test_with_lenses);
  g_test_add_func ("/filter/struct/copy-equal-strings", test_filter_struct);

  return g_test_run ();
}
