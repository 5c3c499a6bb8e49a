/* test-lens.c — the four lessons' rules, lens modes, and the evaluation
 * object's caching and invalidation. */
#include <string.h>
#include "mg-map.h"
#include "mg-visibility.h"

/* ---- helpers ------------------------------------------------------------ */

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

static MgRelation *
rel_by_index (MgMap *map, guint index)
{
  return g_ptr_array_index (mg_map_get_relations (map), index);
}

static guint8
actor_lessons (const MgVisibilityResult *res, MgMap *map, const char *id)
{
  MgActor *a = mg_map_lookup_actor (map, id);

  return res->actor_explicit[a->index] | res->actor_derived[a->index];
}

static guint8
rel_lessons (const MgVisibilityResult *res, MgRelation *r)
{
  return res->relation_explicit[r->index] | res->relation_derived[r->index];
}

static guint8
actor_state (const MgVisibilityResult *res, MgMap *map, const char *id)
{
  return mg_visibility_result_actor_state (res, mg_map_lookup_actor (map, id));
}

#define BIT(l) MG_LESSON_BIT (MG_LESSON_##l)

static const MgVisibilityResult *
evaluate (MgVisibility *vis, MgLessonSet active, MgLensMode mode, MgUnmatched unmatched)
{
  MgLensSettings s;

  mg_visibility_get_lens_settings (vis, &s);
  s.active = active;
  s.mode = mode;
  s.unmatched = unmatched;
  mg_visibility_set_lens_settings (vis, &s);
  return mg_visibility_get_result (vis);
}

/* ---- rules -------------------------------------------------------------- */

static void
test_valorize_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "a", "connector", NULL);
  actor (map, "b", "startup", NULL);
  actor (map, "c", "financier", NULL);
  actor (map, "d", "sme", NULL);
  actor (map, "e", "sme", NULL);
  MgRelation *support = relation (map, "a", "b", "support", TRUE);
  MgRelation *funding = relation (map, "c", "d", "funding", FALSE);
  MgRelation *supply = relation (map, "d", "e", "supply", TRUE);
  MgRelation *hosting = relation (map, "e", "b", "hosting", TRUE);
  MgRelation *training = relation (map, "b", "d", "training", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  g_assert_cmpuint (rel_lessons (res, support) & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, funding) & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, hosting) & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, training) & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, supply) & BIT (VALORIZE), ==, 0);
  /* The giver (source) of a directed relation, both ends of an undirected one. */
  g_assert_cmpuint (actor_lessons (res, map, "a") & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (actor_lessons (res, map, "c") & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (actor_lessons (res, map, "d") & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (actor_lessons (res, map, "e") & BIT (VALORIZE), !=, 0); /* hosts b */
  g_assert_cmpuint (actor_lessons (res, map, "b") & BIT (VALORIZE), !=, 0); /* trains d */

  /* Without the training relation, b only receives. */
  mg_map_remove_relation (map, training);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (actor_lessons (res, map, "b") & BIT (VALORIZE), ==, 0);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_VALORIZE], ==, 4);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_VALORIZE], ==, 3);
}

static void
test_care_rule (void)
{
  const char *here = "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand";
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "sme", "sme", here);
  actor (map, "big1", "large-company", here);
  actor (map, "big2", "large-company", here);
  actor (map, "nowhere", "sme", NULL);
  actor (map, "norole", NULL, here);
  actor (map, "thiers", "sme", "Auvergne-Rhône-Alpes/Puy-de-Dôme/Thiers");
  MgRelation *mixed = relation (map, "sme", "big1", "supply", TRUE);
  MgRelation *two_big = relation (map, "big1", "big2", "partnership", FALSE);
  MgRelation *no_territory = relation (map, "sme", "nowhere", "partnership", FALSE);
  MgRelation *no_role = relation (map, "big2", "norole", "partnership", FALSE);
  MgRelation *other_city = relation (map, "sme", "thiers", "partnership", FALSE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);
  MgLensSettings s;

  g_assert_cmpuint (rel_lessons (res, mixed) & BIT (CARE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, two_big) & BIT (CARE), ==, 0);
  g_assert_cmpuint (rel_lessons (res, no_territory) & BIT (CARE), ==, 0);
  g_assert_cmpuint (rel_lessons (res, no_role) & BIT (CARE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, other_city) & BIT (CARE), ==, 0);
  /* Care speaks of relations only. */
  for (guint v = 0; v < res->n_actors; v++)
    g_assert_cmpuint ((res->actor_explicit[v] | res->actor_derived[v]) & BIT (CARE), ==, 0);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_CARE], ==, 2);

  /* At the department level Clermont-Ferrand and Thiers are one territory. */
  mg_visibility_get_lens_settings (vis, &s);
  s.territory_level = 2;
  mg_visibility_set_lens_settings (vis, &s);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (rel_lessons (res, other_city) & BIT (CARE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, two_big) & BIT (CARE), ==, 0);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_CARE], ==, 3);
}

static void
test_combine_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "hub", "connector", NULL);
  actor (map, "s1", "sme", NULL);
  actor (map, "s2", "sme", NULL);
  actor (map, "u", "university", NULL);
  actor (map, "x", "mystery-role", NULL); /* unknown role: counts as itself */
  actor (map, "none", NULL, NULL);        /* no role: adds none */
  MgRelation *r1 = relation (map, "hub", "s1", "partnership", TRUE);
  MgRelation *r2 = relation (map, "s2", "hub", "partnership", TRUE); /* incoming counts */
  MgRelation *r3 = relation (map, "hub", "u", "partnership", FALSE);
  MgRelation *r3b = relation (map, "hub", "u", "research", FALSE);   /* parallel */
  MgRelation *r4 = relation (map, "hub", "none", "partnership", FALSE);
  MgRelation *between = relation (map, "s1", "u", "partnership", FALSE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);
  const guint *diversity = mg_visibility_get_role_diversity (vis);
  MgLensSettings s;

  /* hub sees sme (twice), university and nothing for "none": 2 roles. */
  g_assert_cmpuint (diversity[mg_map_lookup_actor (map, "hub")->index], ==, 2);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_COMBINE], ==, 0);

  /* The unknown role makes the third. */
  MgRelation *r5 = relation (map, "x", "hub", "membership", TRUE);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (actor_lessons (res, map, "hub") & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_COMBINE], ==, 1);
  /* With those relations: every relation of hub, not the one between two
   * of its neighbours. */
  g_assert_cmpuint (rel_lessons (res, r1) & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, r2) & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, r3) & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, r3b) & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, r4) & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, r5) & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, between) & BIT (COMBINE), ==, 0);

  /* Threshold is adjustable. */
  mg_visibility_get_lens_settings (vis, &s);
  s.combine_threshold = 4;
  mg_visibility_set_lens_settings (vis, &s);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_COMBINE], ==, 0);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_COMBINE], ==, 0);
  s.combine_threshold = 2;
  mg_visibility_set_lens_settings (vis, &s);
  res = mg_visibility_get_result (vis);
  /* hub (3 roles), s1 (connector, university), u (connector, sme) */
  g_assert_cmpuint (res->actors_matching[MG_LESSON_COMBINE], ==, 3);
  g_assert_cmpuint (rel_lessons (res, between) & BIT (COMBINE), !=, 0);

  /* A role change reaches the neighbours' diversity. */
  s.combine_threshold = 3;
  mg_visibility_set_lens_settings (vis, &s);
  mg_map_set_actor_role (map, mg_map_lookup_actor (map, "x"), "sme");
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (actor_lessons (res, map, "hub") & BIT (COMBINE), ==, 0);
}

static void
test_learn_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "a", "sme", "R/D1/C1");
  actor (map, "b", "sme", "R/D1/C1");
  actor (map, "c", "sme", "R/D2/C9");
  actor (map, "d", "sme", NULL);
  actor (map, "e", "university", "R/D1");
  MgRelation *knowledge = relation (map, "a", "b", "knowledge", FALSE);
  MgRelation *research = relation (map, "a", "b", "research", TRUE);
  MgRelation *training = relation (map, "b", "a", "training", TRUE);
  MgRelation *local = relation (map, "a", "b", "supply", TRUE);
  MgRelation *crossing = relation (map, "b", "c", "supply", TRUE);
  MgRelation *unknown_end = relation (map, "c", "d", "supply", TRUE);
  MgRelation *shallow = relation (map, "a", "e", "supply", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);
  MgLensSettings s;

  g_assert_cmpuint (rel_lessons (res, knowledge) & BIT (LEARN), !=, 0);
  g_assert_cmpuint (rel_lessons (res, research) & BIT (LEARN), !=, 0);
  g_assert_cmpuint (rel_lessons (res, training) & BIT (LEARN), !=, 0);
  g_assert_cmpuint (rel_lessons (res, local) & BIT (LEARN), ==, 0);
  g_assert_cmpuint (rel_lessons (res, crossing) & BIT (LEARN), !=, 0);
  g_assert_cmpuint (rel_lessons (res, unknown_end) & BIT (LEARN), ==, 0);
  /* "R/D1" and "R/D1/C1" differ as full paths... */
  g_assert_cmpuint (rel_lessons (res, shallow) & BIT (LEARN), !=, 0);
  for (guint v = 0; v < res->n_actors; v++)
    g_assert_cmpuint ((res->actor_explicit[v] | res->actor_derived[v]) & BIT (LEARN), ==, 0);

  /* ...but not at the department level, where b–c still crosses. */
  mg_visibility_get_lens_settings (vis, &s);
  s.territory_level = 2;
  mg_visibility_set_lens_settings (vis, &s);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (rel_lessons (res, shallow) & BIT (LEARN), ==, 0);
  g_assert_cmpuint (rel_lessons (res, crossing) & BIT (LEARN), !=, 0);
  /* At the region level nothing crosses. */
  s.territory_level = 1;
  mg_visibility_set_lens_settings (vis, &s);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (rel_lessons (res, crossing) & BIT (LEARN), ==, 0);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_LEARN], ==, 3);
}

static void
test_self_loop (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "a", "connector", "R/D/C");
  actor (map, "b", "sme", "R/D/C");
  actor (map, "c", "university", "R/E/F");
  actor (map, "d", "startup", "R/D/C");
  relation (map, "a", "b", "partnership", FALSE);
  relation (map, "a", "c", "partnership", FALSE);
  relation (map, "a", "d", "partnership", FALSE);
  MgRelation *loop = relation (map, "a", "a", "knowledge", TRUE);
  MgRelation *giving_loop = relation (map, "b", "b", "funding", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  /* a matches combine, yet its self-loop does not; nor care (same
   * territory, not large companies), nor learn (knowledge kind). */
  g_assert_cmpuint (actor_lessons (res, map, "a") & BIT (COMBINE), !=, 0);
  g_assert_cmpuint (rel_lessons (res, loop) & (BIT (CARE) | BIT (LEARN) | BIT (COMBINE)), ==, 0);
  /* A self-loop does not make a neighbour. */
  g_assert_cmpuint (mg_visibility_get_role_diversity (vis)[mg_map_lookup_actor (map, "b")->index], ==, 1);
  /* Valorize is not excluded for self-loops: the rule names kinds only. */
  g_assert_cmpuint (rel_lessons (res, giving_loop) & BIT (VALORIZE), !=, 0);
  g_assert_cmpuint (actor_lessons (res, map, "b") & BIT (VALORIZE), !=, 0);
}

static void
test_explicit_vs_derived (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = actor (map, "a", "sme", "R/D/C");
  actor (map, "b", "sme", "R/D/X");
  MgRelation *both = relation (map, "a", "b", "knowledge", TRUE); /* derived learn */
  MgRelation *tagged = relation (map, "a", "b", "supply", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res;
  MgLensSettings s;

  mg_map_set_relation_lessons (map, both, BIT (LEARN));
  mg_map_set_relation_lessons (map, tagged, BIT (COMBINE));
  mg_map_set_actor_lessons (map, a, BIT (CARE));
  res = mg_visibility_get_result (vis);

  /* Explicit wins: no derived bit where the tag is. */
  g_assert_cmpuint (res->relation_explicit[both->index], ==, BIT (LEARN));
  g_assert_cmpuint (res->relation_derived[both->index] & BIT (LEARN), ==, 0);
  g_assert_cmpuint (res->relation_explicit[tagged->index], ==, BIT (COMBINE));
  /* tagged crosses territories: learn derived only. */
  g_assert_cmpuint (res->relation_derived[tagged->index], ==, BIT (LEARN));
  g_assert_cmpuint (res->actor_explicit[a->index], ==, BIT (CARE));
  g_assert_cmpuint (res->actor_derived[a->index], ==, 0);

  /* Derived rules off: explicit matches only. */
  mg_visibility_get_lens_settings (vis, &s);
  s.derived = FALSE;
  s.active = BIT (LEARN);
  mg_visibility_set_lens_settings (vis, &s);
  res = mg_visibility_get_result (vis);
  for (guint r = 0; r < res->n_relations; r++)
    g_assert_cmpuint (res->relation_derived[r], ==, 0);
  for (guint v = 0; v < res->n_actors; v++)
    g_assert_cmpuint (res->actor_derived[v], ==, 0);
  g_assert_cmpuint (res->relation_state[both->index], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[tagged->index], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_LEARN], ==, 1);

  /* Tags changed in the map are seen. */
  mg_map_set_relation_lessons (map, tagged, BIT (LEARN) | BIT (COMBINE));
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->relation_state[tagged->index], ==, MG_VISIBILITY_HIGHLIGHTED);
}

/* ---- modes and states ---------------------------------------------------- */

/* a→b knowledge (learn), b–c in one territory (care) with knowledge too,
 * c→d supply across territories (learn), d→e supply, same territory,
 * both large companies (nothing). */
static MgMap *
modes_map (void)
{
  MgMap *map = mg_map_new ();

  actor (map, "a", "sme", "R/D/C");
  actor (map, "b", "sme", "R/D/X");
  actor (map, "c", "sme", "R/D/X");
  actor (map, "d", "large-company", "R/E/Y");
  actor (map, "e", "large-company", "R/E/Y");
  actor (map, "lonely", "sme", NULL);
  relation (map, "a", "b", "supply", TRUE);    /* 0: learn (crossing) */
  mg_map_set_relation_kind (map, mg_map_add_relation (map, mg_map_lookup_actor (map, "b"),
                                                      mg_map_lookup_actor (map, "c"), "bc", TRUE),
                            "knowledge");      /* 1: care + learn, id "bc" */
  relation (map, "c", "d", "supply", TRUE);    /* 2: learn */
  relation (map, "d", "e", "supply", TRUE);    /* 3: nothing */
  return map;
}

static void
test_mode_any_all (void)
{
  g_autoptr(MgMap) map = modes_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res;

  /* No lens: everything normal. */
  res = mg_visibility_get_result (vis);
  for (guint v = 0; v < res->n_actors; v++)
    g_assert_cmpuint (res->actor_state[v], ==, MG_VISIBILITY_NORMAL);
  for (guint r = 0; r < res->n_relations; r++)
    g_assert_cmpuint (res->relation_state[r], ==, MG_VISIBILITY_NORMAL);

  res = evaluate (vis, BIT (CARE) | BIT (LEARN), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[2], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[3], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 3);

  res = evaluate (vis, BIT (CARE) | BIT (LEARN), MG_LENS_MODE_ALL, MG_UNMATCHED_FADE);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[2], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 1);
  /* Actors match neither care nor learn. */
  g_assert_cmpuint (res->n_actors_highlighted, ==, 0);
  g_assert_cmpuint (res->n_actors_visible, ==, 6);
}

static void
test_hide_vs_fade (void)
{
  g_autoptr(MgMap) map = modes_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res;

  res = evaluate (vis, BIT (CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (actor_state (res, map, "lonely"), ==, MG_VISIBILITY_FADED);
  /* The ends of a highlighted relation are shown plainly, not faded. */
  g_assert_cmpuint (actor_state (res, map, "b"), ==, MG_VISIBILITY_NORMAL);
  g_assert_cmpuint (actor_state (res, map, "c"), ==, MG_VISIBILITY_NORMAL);
  g_assert_cmpuint (actor_state (res, map, "a"), ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->n_actors_visible, ==, 6);
  g_assert_cmpuint (res->n_relations_visible, ==, 4);

  res = evaluate (vis, BIT (CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_HIDE);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (res->relation_state[2], ==, MG_VISIBILITY_HIDDEN);
  /* The ends of a highlighted relation stay, as plain context. */
  g_assert_cmpuint (actor_state (res, map, "b"), ==, MG_VISIBILITY_NORMAL);
  g_assert_cmpuint (actor_state (res, map, "c"), ==, MG_VISIBILITY_NORMAL);
  g_assert_cmpuint (actor_state (res, map, "a"), ==, MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (actor_state (res, map, "lonely"), ==, MG_VISIBILITY_HIDDEN);
  g_assert_cmpuint (res->n_actors_visible, ==, 2);
  g_assert_cmpuint (res->n_relations_visible, ==, 1);
}

static void
test_counts (void)
{
  g_autoptr(MgMap) map = modes_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  /* Counted for every lesson even with no lens on. */
  g_assert_cmpuint (res->relations_matching[MG_LESSON_CARE], ==, 1);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_LEARN], ==, 3);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_VALORIZE], ==, 0);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_CARE], ==, 0);
}

static void
test_layout_untouched (void)
{
  g_autoptr(MgMap) map = modes_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  GPtrArray *actors = mg_map_get_actors (map);
  g_autoptr(MgFilter) filter = mg_filter_new ();
  guint positions_changed = 0;

  for (guint v = 0; v < actors->len; v++)
    mg_map_set_actor_position (map, g_ptr_array_index (actors, v), 10.0 * v, 5.0 * v);
  evaluate (vis, MG_LESSON_SET_ALL, MG_LENS_MODE_ALL, MG_UNMATCHED_HIDE);
  mg_filter_set_search (filter, "a");
  mg_visibility_set_filter (vis, filter);
  mg_visibility_get_result (vis);
  for (guint v = 0; v < actors->len; v++)
    {
      MgActor *a = g_ptr_array_index (actors, v);

      positions_changed += a->x != 10.0 * v || a->y != 5.0 * v;
    }
  g_assert_cmpuint (positions_changed, ==, 0);
}

static void
count_changed (MgVisibility *vis, guint *count)
{
  (*count)++;
}

static void
test_invalidation (void)
{
  g_autoptr(MgMap) map = modes_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = evaluate (vis, BIT (VALORIZE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  guint64 generation = res->generation;
  guint changed = 0;

  g_signal_connect (vis, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 0);

  /* Nothing changed: nothing recomputed. */
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->generation, ==, generation);

  /* A kind change is seen, and announced once until read. */
  mg_map_set_relation_kind (map, rel_by_index (map, 3), "funding");
  mg_map_set_relation_kind (map, rel_by_index (map, 2), "hosting");
  g_assert_cmpuint (changed, ==, 1);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->generation, >, generation);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 2);
  g_assert_cmpuint (actor_state (res, map, "d"), ==, MG_VISIBILITY_HIGHLIGHTED);

  /* A move is not a change for lenses. */
  generation = res->generation;
  mg_map_set_actor_position (map, mg_map_lookup_actor (map, "a"), 1, 2);
  g_assert_cmpuint (mg_visibility_get_result (vis)->generation, ==, generation);

  /* Structure changes resize the result. */
  actor (map, "new", "sme", NULL);
  relation (map, "new", "a", "support", TRUE);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->n_actors, ==, 7);
  g_assert_cmpuint (res->n_relations, ==, 5);
  g_assert_cmpuint (actor_state (res, map, "new"), ==, MG_VISIBILITY_HIGHLIGHTED);
  mg_map_remove_actor (map, mg_map_lookup_actor (map, "d"));
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->n_actors, ==, 6);
  g_assert_cmpuint (res->n_relations, ==, 3);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 1);
  g_assert_cmpuint (actor_state (res, map, "new"), ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (changed, >=, 3);
}

static void
test_territory_at_level (void)
{
  g_autofree char *full = mg_territory_at_level (" R / D /C/", 0);
  g_autofree char *two = mg_territory_at_level ("R/D/C", 2);
  g_autofree char *deep = mg_territory_at_level ("R/D", 5);
  g_autofree char *empty = mg_territory_at_level (" / ", 0);

  g_assert_cmpstr (full, ==, "R/D/C");
  g_assert_cmpstr (two, ==, "R/D");
  g_assert_cmpstr (deep, ==, "R/D");
  g_assert_null (empty);
  g_assert_null (mg_territory_at_level (NULL, 1));
}

/* ---- JSON for the command line ---------------------------------------- */

static void
test_cli_json (void)
{
  g_autoptr(MgMap) map = modes_map ();
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MgFilter) filter = mg_filter_new ();
  g_autofree char *text = NULL;
  const char *kinds[] = { "knowledge", "supply", NULL };

  mg_filter_set_kinds (filter, kinds);
  mg_filter_set_roles (filter, (const char *[]) { "sme", NULL });
  mg_visibility_set_filter (vis, filter);
  evaluate (vis, BIT (CARE) | BIT (LEARN), MG_LENS_MODE_ANY, MG_UNMATCHED_HIDE);

  json_builder_begin_object (builder);
  mg_visibility_build_json (vis, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  g_assert_cmpstr (text, ==,
                   "{\"matches\":{"
                   "\"care\":{\"actors\":[],\"relations\":[\"bc\"]},"
                   "\"learn\":{\"actors\":[],\"relations\":[\"e0\",\"bc\"]}},"
                   "\"matched\":{\"actors\":[],\"relations\":[\"e0\",\"bc\"]},"
                   "\"visible\":{\"actors\":[\"a\",\"b\",\"c\"],\"relations\":[\"e0\",\"bc\"]}}");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lens/valorize/kinds-and-givers", test_valorize_rule);
  g_test_add_func ("/lens/care/shared-territory", test_care_rule);
  g_test_add_func ("/lens/combine/distinct-neighbour-roles", test_combine_rule);
  g_test_add_func ("/lens/learn/kinds-and-crossings", test_learn_rule);
  g_test_add_func ("/lens/self-loop/never-care-learn-combine", test_self_loop);
  g_test_add_func ("/lens/explicit-wins-and-derived-off", test_explicit_vs_derived);
  g_test_add_func ("/lens/mode/any-all", test_mode_any_all);
  g_test_add_func ("/lens/unmatched/hide-vs-fade", test_hide_vs_fade);
  g_test_add_func ("/lens/counts/per-lesson", test_counts);
  g_test_add_func ("/lens/layout-never-moves", test_layout_untouched);
  g_test_add_func ("/lens/invalidation/follows-map-signals", test_invalidation);
  g_test_add_func ("/lens/territory/level-prefix", test_territory_at_level);
  g_test_add_func ("/lens/cli-json/matches-matched-visible", test_cli_json);

  return g_test_run ();
}
