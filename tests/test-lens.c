/* test-lens.c — the four lessons' rules, lens modes, and the evaluation
 * object's caching and invalidation. */
#include <string.h>
#include "mg-map.h"
#include "mg-undo.h"
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

static gboolean
rel_has (const MgVisibilityResult *res, MgRelation *r, MgLesson lesson)
{
  return (rel_lessons (res, r) & MG_LESSON_BIT (lesson)) != 0;
}

static gboolean
actor_has (const MgVisibilityResult *res, MgMap *map, const char *id, MgLesson lesson)
{
  return (actor_lessons (res, map, id) & MG_LESSON_BIT (lesson)) != 0;
}

static const MgVisibilityResult *
with_level (MgVisibility *vis, guint level, guint threshold)
{
  MgLensSettings s;

  mg_visibility_get_lens_settings (vis, &s);
  s.lens_level = level;
  s.combine_threshold = threshold;
  mg_visibility_set_lens_settings (vis, &s);
  return mg_visibility_get_result (vis);
}

#define ARA "Auvergne-Rhône-Alpes"
#define CLERMONT ARA "/Puy-de-Dôme/Clermont-Ferrand"
#define THIERS ARA "/Puy-de-Dôme/Thiers"
#define MOULINS ARA "/Allier/Moulins"

/* ---- rules -------------------------------------------------------------- */

/* Valorize: a firm receives training or support; or two firms, one at
 * least an sme or a start-up, work together. */
static void
test_valorize_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "conn", "connector", CLERMONT);
  actor (map, "sme", "sme", CLERMONT);
  actor (map, "big", "large-company", CLERMONT);
  actor (map, "big2", "large-company", CLERMONT);
  actor (map, "su", "startup", NULL);
  actor (map, "uni", "university", CLERMONT);
  actor (map, "odd", "mystery", CLERMONT);
  MgRelation *support = relation (map, "conn", "sme", "support", TRUE);
  MgRelation *backwards = relation (map, "sme", "conn", "training", TRUE);
  MgRelation *undirected = relation (map, "uni", "big", "training", FALSE);
  MgRelation *two_big = relation (map, "big", "big2", "partnership", FALSE);
  MgRelation *supply = relation (map, "big", "su", "supply", TRUE);
  MgRelation *not_firms = relation (map, "uni", "su", "knowledge", FALSE);
  MgRelation *funding = relation (map, "conn", "su", "funding", TRUE);
  MgRelation *unknown = relation (map, "odd", "big2", "support", TRUE);
  MgRelation *loop = relation (map, "sme", "sme", "support", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  g_assert_true (rel_has (res, support, MG_LESSON_VALORIZE));
  /* The receiver of the training is a connector, not a firm. */
  g_assert_false (rel_has (res, backwards, MG_LESSON_VALORIZE));
  /* Read both ways: big receives training from uni. */
  g_assert_true (rel_has (res, undirected, MG_LESSON_VALORIZE));
  g_assert_false (rel_has (res, two_big, MG_LESSON_VALORIZE));
  g_assert_true (rel_has (res, supply, MG_LESSON_VALORIZE));
  g_assert_false (rel_has (res, not_firms, MG_LESSON_VALORIZE));
  g_assert_false (rel_has (res, funding, MG_LESSON_VALORIZE));
  /* An unknown role may give. */
  g_assert_true (rel_has (res, unknown, MG_LESSON_VALORIZE));
  g_assert_false (rel_has (res, loop, MG_LESSON_VALORIZE));

  /* The firms that receive or take part, never the givers. */
  g_assert_true (actor_has (res, map, "sme", MG_LESSON_VALORIZE));
  g_assert_true (actor_has (res, map, "big", MG_LESSON_VALORIZE));
  g_assert_true (actor_has (res, map, "su", MG_LESSON_VALORIZE));
  g_assert_true (actor_has (res, map, "big2", MG_LESSON_VALORIZE));
  g_assert_false (actor_has (res, map, "conn", MG_LESSON_VALORIZE));
  g_assert_false (actor_has (res, map, "uni", MG_LESSON_VALORIZE));
  g_assert_false (actor_has (res, map, "odd", MG_LESSON_VALORIZE));
  g_assert_cmpuint (res->relations_matching[MG_LESSON_VALORIZE], ==, 4);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_VALORIZE], ==, 4);

  /* Two large companies with a start-up in between do not make big2 a
   * taker: remove the support it receives and it drops out. */
  mg_map_remove_relation (map, unknown);
  res = mg_visibility_get_result (vis);
  g_assert_false (actor_has (res, map, "big2", MG_LESSON_VALORIZE));
}

/* Care: support, backing, funding, training, hosting, partnership or
 * supply between two actors sharing a territory at L, received by an sme,
 * a start-up, a local authority or an association; actors: givers to at
 * least 2 distinct receivers. */
static void
test_care_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "region", "local-authority", ARA);
  actor (map, "sme", "sme", CLERMONT);
  actor (map, "su", "startup", THIERS);
  actor (map, "big", "large-company", CLERMONT);
  actor (map, "assoc", "association", MOULINS);
  actor (map, "state", "public-agency", "France");
  actor (map, "paris", "sme", "France/Paris");
  actor (map, "occ", "sme", "Occitanie/Haute-Garonne");
  actor (map, "nowhere", "sme", NULL);
  actor (map, "prog", "programme", ARA);
  actor (map, "lab", "research-lab", CLERMONT);
  MgRelation *contained = relation (map, "region", "sme", "funding", TRUE);
  MgRelation *second = relation (map, "region", "su", "support", TRUE);
  MgRelation *from_scale = relation (map, "state", "sme", "funding", TRUE);
  MgRelation *scale_pair = relation (map, "state", "paris", "backing", TRUE);
  MgRelation *to_big = relation (map, "sme", "big", "supply", TRUE);
  MgRelation *both_ways = relation (map, "big", "assoc", "backing", FALSE);
  MgRelation *crossing = relation (map, "region", "occ", "funding", TRUE);
  MgRelation *no_territory = relation (map, "region", "nowhere", "funding", TRUE);
  MgRelation *programme = relation (map, "prog", "sme", "funding", TRUE);
  MgRelation *wrong_kind = relation (map, "lab", "sme", "knowledge", TRUE);
  MgRelation *twice = relation (map, "lab", "sme", "hosting", TRUE);
  MgRelation *again = relation (map, "lab", "sme", "training", TRUE);
  MgRelation *loop = relation (map, "su", "su", "funding", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  /* A region contains its cities. */
  g_assert_true (rel_has (res, contained, MG_LESSON_CARE));
  g_assert_true (rel_has (res, second, MG_LESSON_CARE));
  /* National actors are at a scale, not in a region. */
  g_assert_false (rel_has (res, from_scale, MG_LESSON_CARE));
  g_assert_false (rel_has (res, scale_pair, MG_LESSON_CARE));
  g_assert_false (rel_has (res, to_big, MG_LESSON_CARE));
  /* Read both ways: the association receives from big. */
  g_assert_true (rel_has (res, both_ways, MG_LESSON_CARE));
  g_assert_false (rel_has (res, crossing, MG_LESSON_CARE));
  g_assert_false (rel_has (res, no_territory, MG_LESSON_CARE));
  g_assert_true (rel_has (res, programme, MG_LESSON_CARE));
  g_assert_false (rel_has (res, wrong_kind, MG_LESSON_CARE));
  g_assert_true (rel_has (res, twice, MG_LESSON_CARE));
  g_assert_true (rel_has (res, again, MG_LESSON_CARE));
  g_assert_false (rel_has (res, loop, MG_LESSON_CARE));
  g_assert_cmpuint (res->relations_matching[MG_LESSON_CARE], ==, 6);

  /* Givers to 2 distinct receivers: the region; not the lab (one receiver
   * twice), nor big or the programme (one each). */
  g_assert_true (actor_has (res, map, "region", MG_LESSON_CARE));
  g_assert_false (actor_has (res, map, "lab", MG_LESSON_CARE));
  g_assert_false (actor_has (res, map, "big", MG_LESSON_CARE));
  g_assert_false (actor_has (res, map, "prog", MG_LESSON_CARE));
  g_assert_false (actor_has (res, map, "sme", MG_LESSON_CARE));
  g_assert_cmpuint (res->actors_matching[MG_LESSON_CARE], ==, 1);

  /* Level 2: Clermont and Moulins are different departments; the region
   * still contains both. */
  res = with_level (vis, 2, 3);
  g_assert_false (rel_has (res, both_ways, MG_LESSON_CARE));
  g_assert_true (rel_has (res, contained, MG_LESSON_CARE));
  /* Level 3: Clermont and Thiers are different cities (both under the
   * region). */
  res = with_level (vis, 3, 3);
  g_assert_true (rel_has (res, second, MG_LESSON_CARE));
  g_assert_true (rel_has (res, twice, MG_LESSON_CARE));

  /* The map's own scales: without "France", France is a place. */
  res = with_level (vis, 1, 3);
  mg_map_set_scales (map, (const char *[]) { "Europe", NULL });
  res = mg_visibility_get_result (vis);
  g_assert_true (rel_has (res, scale_pair, MG_LESSON_CARE));
  g_assert_false (rel_has (res, from_scale, MG_LESSON_CARE));
  mg_map_set_scales (map, NULL);
  res = mg_visibility_get_result (vis);
  g_assert_false (rel_has (res, scale_pair, MG_LESSON_CARE));

  /* Care givers: a second receiver makes the lab one. */
  relation (map, "lab", "su", "support", TRUE);
  res = mg_visibility_get_result (vis);
  g_assert_true (actor_has (res, map, "lab", MG_LESSON_CARE));
}

/* Combine: actors whose partnership, research, supply or knowledge
 * neighbours sharing their territory cover at least the threshold of
 * families other than their own; their relations to those neighbours. */
static void
test_combine_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "hub", "connector", CLERMONT);
  actor (map, "sme", "sme", MOULINS);
  actor (map, "uni", "university", CLERMONT);
  actor (map, "region", "local-authority", ARA);
  actor (map, "bank", "financier", CLERMONT);     /* same family as hub */
  actor (map, "occ", "startup", "Occitanie");     /* another region */
  actor (map, "school", "education", CLERMONT);
  actor (map, "prog", "programme", CLERMONT);     /* no family */
  actor (map, "odd", "mystery", CLERMONT);        /* no family */
  actor (map, "state", "public-agency", "France");/* at a scale */
  actor (map, "assoc", "association", CLERMONT);
  MgRelation *to_sme = relation (map, "hub", "sme", "partnership", TRUE);
  MgRelation *to_uni = relation (map, "uni", "hub", "research", TRUE); /* incoming */
  MgRelation *to_region = relation (map, "hub", "region", "knowledge", FALSE);
  MgRelation *to_bank = relation (map, "hub", "bank", "partnership", FALSE);
  MgRelation *to_occ = relation (map, "hub", "occ", "partnership", FALSE);
  MgRelation *to_school = relation (map, "hub", "school", "funding", TRUE);
  MgRelation *to_prog = relation (map, "hub", "prog", "partnership", FALSE);
  MgRelation *to_odd = relation (map, "hub", "odd", "supply", FALSE);
  MgRelation *to_state = relation (map, "hub", "state", "partnership", FALSE);
  MgRelation *between = relation (map, "uni", "sme", "research", FALSE);
  MgRelation *loop = relation (map, "hub", "hub", "partnership", FALSE);
  relation (map, "assoc", "sme", "partnership", FALSE);
  relation (map, "assoc", "uni", "partnership", FALSE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  /* hub: industry, universities, authorities = 3 other families. */
  g_assert_true (actor_has (res, map, "hub", MG_LESSON_COMBINE));
  g_assert_true (rel_has (res, to_sme, MG_LESSON_COMBINE));
  g_assert_true (rel_has (res, to_uni, MG_LESSON_COMBINE));
  g_assert_true (rel_has (res, to_region, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_bank, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_occ, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_school, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_prog, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_odd, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_state, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, loop, MG_LESSON_COMBINE));
  /* uni sees connectors and industry: 2, not a match; so the relation
   * between two of hub's neighbours is not one either. */
  g_assert_false (actor_has (res, map, "uni", MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, between, MG_LESSON_COMBINE));
  /* An actor of no family: industry and universities only (2). */
  g_assert_false (actor_has (res, map, "assoc", MG_LESSON_COMBINE));
  g_assert_cmpuint (res->actors_matching[MG_LESSON_COMBINE], ==, 1);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_COMBINE], ==, 3);

  /* Threshold 2: uni, sme and assoc too (the association finds every
   * family "other"). */
  res = with_level (vis, 1, 2);
  g_assert_true (actor_has (res, map, "uni", MG_LESSON_COMBINE));
  g_assert_true (actor_has (res, map, "sme", MG_LESSON_COMBINE));
  g_assert_true (actor_has (res, map, "assoc", MG_LESSON_COMBINE));
  g_assert_true (rel_has (res, between, MG_LESSON_COMBINE));
  g_assert_false (actor_has (res, map, "bank", MG_LESSON_COMBINE));
  /* Threshold 4: nobody. */
  res = with_level (vis, 1, 4);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_COMBINE], ==, 0);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_COMBINE], ==, 0);

  /* Level 2: the sme in the Allier no longer shares hub's territory. */
  res = with_level (vis, 2, 3);
  g_assert_false (actor_has (res, map, "hub", MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_sme, MG_LESSON_COMBINE));
  /* ...and a third family in the Puy-de-Dôme brings it back. */
  actor (map, "firm", "large-company", THIERS);
  MgRelation *to_firm = relation (map, "firm", "hub", "supply", TRUE);
  res = mg_visibility_get_result (vis);
  g_assert_true (actor_has (res, map, "hub", MG_LESSON_COMBINE));
  g_assert_true (rel_has (res, to_firm, MG_LESSON_COMBINE));
  g_assert_false (rel_has (res, to_sme, MG_LESSON_COMBINE));

  /* A change of threshold alone (worked out from what the last evaluation
   * kept) gives what a fresh evaluation gives, tags included. */
  mg_map_set_actor_lessons (map, mg_map_lookup_actor (map, "uni"), BIT (COMBINE));
  with_level (vis, 1, 3);
  for (guint threshold = 1; threshold <= 4; threshold++)
    {
      g_autoptr(MgVisibility) fresh = mg_visibility_new (map);
      const MgVisibilityResult *a = with_level (vis, 1, threshold);
      const MgVisibilityResult *b = with_level (fresh, 1, threshold);

      g_assert_cmpmem (a->actor_derived, a->n_actors, b->actor_derived, b->n_actors);
      g_assert_cmpmem (a->relation_derived, a->n_relations, b->relation_derived, b->n_relations);
      g_assert_cmpmem (a->actor_explicit, a->n_actors, b->actor_explicit, b->n_actors);
    }
}

/* Learn: knowledge or research relations, and any relation crossing
 * territories at L; actors in a reciprocal exchange, or receiving from at
 * least 2 distinct actors. */
static void
test_learn_rule (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "a", "sme", CLERMONT);
  actor (map, "b", "sme", CLERMONT);
  actor (map, "c", "sme", "Occitanie/Haute-Garonne");
  actor (map, "state", "public-agency", "France");
  actor (map, "x", "sme", NULL);
  actor (map, "d", "sme", MOULINS);
  actor (map, "e", "university", ARA "/Puy-de-Dôme");
  actor (map, "f", "research-lab", CLERMONT);
  actor (map, "g", "university", CLERMONT);
  actor (map, "h", "startup", CLERMONT);
  actor (map, "i", "connector", CLERMONT);
  actor (map, "j", "connector", CLERMONT);
  actor (map, "k", "startup", CLERMONT);
  MgRelation *ab = relation (map, "a", "b", "knowledge", TRUE);
  MgRelation *ba = relation (map, "b", "a", "research", TRUE);
  MgRelation *crossing = relation (map, "a", "c", "supply", FALSE);
  MgRelation *to_scale = relation (map, "a", "state", "supply", TRUE);
  MgRelation *to_nowhere = relation (map, "a", "x", "supply", TRUE);
  MgRelation *departments = relation (map, "d", "e", "supply", TRUE);
  MgRelation *fg = relation (map, "f", "g", "knowledge", FALSE);
  relation (map, "i", "h", "knowledge", TRUE);
  relation (map, "j", "h", "research", TRUE);
  relation (map, "i", "k", "knowledge", TRUE);
  relation (map, "i", "k", "research", TRUE);
  MgRelation *loop = relation (map, "x", "x", "knowledge", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  g_assert_true (rel_has (res, ab, MG_LESSON_LEARN));
  g_assert_true (rel_has (res, ba, MG_LESSON_LEARN));
  g_assert_true (rel_has (res, crossing, MG_LESSON_LEARN));
  g_assert_false (rel_has (res, to_scale, MG_LESSON_LEARN));
  g_assert_false (rel_has (res, to_nowhere, MG_LESSON_LEARN));
  g_assert_false (rel_has (res, departments, MG_LESSON_LEARN));
  g_assert_true (rel_has (res, fg, MG_LESSON_LEARN));
  g_assert_false (rel_has (res, loop, MG_LESSON_LEARN));

  /* Reciprocal: two directed relations, or one undirected. */
  g_assert_true (actor_has (res, map, "a", MG_LESSON_LEARN));
  g_assert_true (actor_has (res, map, "b", MG_LESSON_LEARN));
  g_assert_true (actor_has (res, map, "f", MG_LESSON_LEARN));
  g_assert_true (actor_has (res, map, "g", MG_LESSON_LEARN));
  /* Receiving from 2 distinct actors, not twice from one. */
  g_assert_true (actor_has (res, map, "h", MG_LESSON_LEARN));
  g_assert_false (actor_has (res, map, "k", MG_LESSON_LEARN));
  g_assert_false (actor_has (res, map, "i", MG_LESSON_LEARN));
  /* A crossing supply relation does not make learners. */
  g_assert_false (actor_has (res, map, "c", MG_LESSON_LEARN));
  g_assert_false (actor_has (res, map, "x", MG_LESSON_LEARN));
  g_assert_cmpuint (res->actors_matching[MG_LESSON_LEARN], ==, 5);

  /* Level 2: the Allier and the Puy-de-Dôme are crossed. */
  res = with_level (vis, 2, 3);
  g_assert_true (rel_has (res, departments, MG_LESSON_LEARN));
  /* Level 1 again. */
  res = with_level (vis, 1, 3);
  g_assert_false (rel_has (res, departments, MG_LESSON_LEARN));
}

static void
count_changes (MgVisibility *vis, guint *count)
{
  (*count)++;
}

/* Scales edited through undo: the lenses follow at once (the visibility
 * hears the map's "metadata-changed"), and back on undo. */
static void
test_scales_undo (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "state", "public-agency", "France");
  actor (map, "paris", "sme", "France/Paris");
  MgRelation *backing = relation (map, "state", "paris", "backing", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  g_autoptr(MgUndoStack) stack = mg_undo_stack_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);
  guint changed = 0;

  g_signal_connect (vis, "changed", G_CALLBACK (count_changes), &changed);
  g_assert_false (rel_has (res, backing, MG_LESSON_CARE));
  g_assert_true (mg_undo_set_scales (stack, (const char *[]) { "Europe", NULL }));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME), ==, "Europe");
  res = mg_visibility_get_result (vis);
  g_assert_true (rel_has (res, backing, MG_LESSON_CARE));
  g_assert_false (mg_undo_set_scales (stack, (const char *[]) { "Europe", NULL }));

  g_assert_true (mg_undo_stack_undo (stack));
  g_assert_null (mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME));
  res = mg_visibility_get_result (vis);
  g_assert_false (rel_has (res, backing, MG_LESSON_CARE));
  g_assert_true (mg_undo_stack_redo (stack));
  res = mg_visibility_get_result (vis);
  g_assert_true (rel_has (res, backing, MG_LESSON_CARE));
}

/* Derived rules never read the tags: a tagged relation does not make its
 * giver a care actor, nor its actor a combine one. */
static void
test_tags_not_read (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "region", "local-authority", ARA);
  actor (map, "sme", "sme", CLERMONT);
  actor (map, "big", "large-company", CLERMONT);
  relation (map, "region", "sme", "funding", TRUE);
  MgRelation *tagged = relation (map, "region", "big", "funding", TRUE);
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res;

  mg_map_set_relation_lessons (map, tagged, BIT (CARE));
  mg_map_set_actor_lessons (map, mg_map_lookup_actor (map, "big"), BIT (CARE));
  res = mg_visibility_get_result (vis);
  g_assert_true (rel_has (res, tagged, MG_LESSON_CARE));
  g_assert_cmpuint (res->relation_derived[tagged->index], ==, 0);
  g_assert_false (actor_has (res, map, "region", MG_LESSON_CARE));
}

static void
test_self_loop (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  actor (map, "a", "connector", CLERMONT);
  actor (map, "b", "sme", CLERMONT);
  MgRelation *loops[] = {
    relation (map, "b", "b", "support", TRUE),
    relation (map, "b", "b", "partnership", FALSE),
    relation (map, "b", "b", "knowledge", TRUE),
    relation (map, "b", "b", "research", FALSE),
  };
  g_autoptr(MgVisibility) vis = mg_visibility_new (map);
  const MgVisibilityResult *res = mg_visibility_get_result (vis);

  for (guint i = 0; i < G_N_ELEMENTS (loops); i++)
    g_assert_cmpuint (rel_lessons (res, loops[i]), ==, 0);
  g_assert_cmpuint (actor_lessons (res, map, "b"), ==, 0);
  /* A self-loop does not make a neighbour. */
  g_assert_cmpuint (mg_visibility_get_role_diversity (vis)[mg_map_lookup_actor (map, "b")->index], ==, 0);
}

static void
test_explicit_vs_derived (void)
{
  g_autoptr(MgMap) map = mg_map_new ();
  MgActor *a = actor (map, "a", "association", "R/D/C");
  actor (map, "b", "association", "S/D/X");
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

/* a→b supply across regions (learn), b→c support in one region to an sme
 * (care, valorize), c→d membership across regions (learn), d→e supply
 * between two large companies of one city (nothing). */
static MgMap *
modes_map (void)
{
  MgMap *map = mg_map_new ();

  actor (map, "a", "association", "R/D/C");
  actor (map, "b", "association", "S/X");
  actor (map, "c", "sme", "S/X");
  actor (map, "d", "large-company", "T/E/Y");
  actor (map, "e", "large-company", "T/E/Y");
  actor (map, "lonely", "sme", NULL);
  relation (map, "a", "b", "supply", TRUE);    /* 0: learn (crossing) */
  mg_map_set_relation_kind (map, mg_map_add_relation (map, mg_map_lookup_actor (map, "b"),
                                                      mg_map_lookup_actor (map, "c"), "bc", TRUE),
                            "support");        /* 1: care + valorize, id "bc" */
  relation (map, "c", "d", "membership", TRUE); /* 2: learn (crossing) */
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

  res = evaluate (vis, BIT (CARE) | BIT (VALORIZE), MG_LENS_MODE_ALL, MG_UNMATCHED_FADE);
  g_assert_cmpuint (res->relation_state[0], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->relation_state[1], ==, MG_VISIBILITY_HIGHLIGHTED);
  g_assert_cmpuint (res->relation_state[2], ==, MG_VISIBILITY_FADED);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 1);
  /* c takes support (valorize) but gives nothing (care): no actor has
   * both. */
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
  g_assert_cmpuint (res->relations_matching[MG_LESSON_LEARN], ==, 2);
  g_assert_cmpuint (res->relations_matching[MG_LESSON_VALORIZE], ==, 1);
  g_assert_cmpuint (res->actors_matching[MG_LESSON_VALORIZE], ==, 1);
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
  g_assert_cmpuint (res->n_relations_highlighted, ==, 1);

  /* Nothing changed: nothing recomputed. */
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->generation, ==, generation);

  /* A kind change is seen, and announced once until read. */
  mg_map_set_relation_kind (map, rel_by_index (map, 3), "support");
  mg_map_set_relation_kind (map, rel_by_index (map, 2), "training");
  g_assert_cmpuint (changed, ==, 1);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->generation, >, generation);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 3);
  g_assert_cmpuint (actor_state (res, map, "d"), ==, MG_VISIBILITY_HIGHLIGHTED);

  /* A move is not a change for lenses. */
  generation = res->generation;
  mg_map_set_actor_position (map, mg_map_lookup_actor (map, "a"), 1, 2);
  g_assert_cmpuint (mg_visibility_get_result (vis)->generation, ==, generation);

  /* Structure changes resize the result. */
  actor (map, "new", "sme", NULL);
  relation (map, "a", "new", "support", TRUE);
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->n_actors, ==, 7);
  g_assert_cmpuint (res->n_relations, ==, 5);
  g_assert_cmpuint (actor_state (res, map, "new"), ==, MG_VISIBILITY_HIGHLIGHTED);
  mg_map_remove_actor (map, mg_map_lookup_actor (map, "d"));
  res = mg_visibility_get_result (vis);
  g_assert_cmpuint (res->n_actors, ==, 6);
  g_assert_cmpuint (res->n_relations, ==, 3);
  g_assert_cmpuint (res->n_relations_highlighted, ==, 2);
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
  const char *kinds[] = { "support", "supply", NULL };

  mg_filter_set_kinds (filter, kinds);
  mg_filter_set_roles (filter, (const char *[]) { "sme", "association", NULL });
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
                   "\"learn\":{\"actors\":[],\"relations\":[\"e0\"]}},"
                   "\"matched\":{\"actors\":[],\"relations\":[\"e0\",\"bc\"]},"
                   "\"visible\":{\"actors\":[\"a\",\"b\",\"c\"],\"relations\":[\"e0\",\"bc\"]}}");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lens/valorize/firms-receive-or-work-together", test_valorize_rule);
  g_test_add_func ("/lens/care/shared-territory-and-givers", test_care_rule);
  g_test_add_func ("/lens/combine/families-around-an-actor", test_combine_rule);
  g_test_add_func ("/lens/learn/exchanges-and-crossings", test_learn_rule);
  g_test_add_func ("/lens/derived/never-read-tags", test_tags_not_read);
  g_test_add_func ("/lens/scales/undoable-and-followed", test_scales_undo);
  g_test_add_func ("/lens/self-loop/never-match", test_self_loop);
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
