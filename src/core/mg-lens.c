/* mg-lens.c — lens settings, the facts lenses read, and the derived rules
 * of the four lessons (see mg-lens.h and DESIGN.md for the rules in
 * words; the rules below read in the same order). */
#include "mg-lens.h"

#include <string.h>
#include "mg-visibility-private.h"

/* ---- the words the rules name ------------------------------------------ */

static const char *const firm_roles[] = { "large-company", "sme", "startup", NULL };
static const char *const small_firm_roles[] = { "sme", "startup", NULL };
static const char *const care_receiver_roles[] = { "sme", "startup", "local-authority",
                                                   "association", NULL };

/* valorize: help a firm receives */
static const char *const received_help_kinds[] = { "training", "support", NULL };
/* valorize: what two firms do together */
static const char *const firm_peer_kinds[] = { "partnership", "supply", "knowledge", NULL };
static const char *const care_kinds[] = { "support", "backing", "funding", "training",
                                          "hosting", "partnership", "supply", NULL };
static const char *const combine_kinds[] = { "partnership", "research", "supply",
                                             "knowledge", NULL };
static const char *const learn_kinds[] = { "knowledge", "research", NULL };

void
mg_lens_settings_init (MgLensSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  settings->active = 0;
  settings->mode = MG_LENS_MODE_ANY;
  settings->derived = TRUE;
  settings->unmatched = MG_UNMATCHED_FADE;
  settings->combine_threshold = MG_LENS_DEFAULT_COMBINE_THRESHOLD;
  settings->lens_level = MG_LENS_DEFAULT_LEVEL;
}

gboolean
mg_lens_settings_equal (const MgLensSettings *a, const MgLensSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return (a->active & MG_LESSON_SET_ALL) == (b->active & MG_LESSON_SET_ALL) &&
         a->mode == b->mode && !a->derived == !b->derived &&
         a->unmatched == b->unmatched &&
         a->combine_threshold == b->combine_threshold &&
         a->lens_level == b->lens_level;
}

const char *
mg_lens_mode_to_string (MgLensMode mode)
{
  return mode == MG_LENS_MODE_ALL ? "all" : "any";
}

gboolean
mg_lens_mode_from_string (const char *text, MgLensMode *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (text, "any") == 0)
    *out = MG_LENS_MODE_ANY;
  else if (g_strcmp0 (text, "all") == 0)
    *out = MG_LENS_MODE_ALL;
  else
    return FALSE;
  return TRUE;
}

const char *
mg_unmatched_to_string (MgUnmatched unmatched)
{
  return unmatched == MG_UNMATCHED_HIDE ? "hide" : "fade";
}

gboolean
mg_unmatched_from_string (const char *text, MgUnmatched *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (text, "fade") == 0)
    *out = MG_UNMATCHED_FADE;
  else if (g_strcmp0 (text, "hide") == 0)
    *out = MG_UNMATCHED_HIDE;
  else
    return FALSE;
  return TRUE;
}

gboolean
mg_lens_kind_matches (MgLesson lesson, const char *kind)
{
  if (kind == NULL)
    return FALSE;
  switch (lesson)
    {
    case MG_LESSON_VALORIZE:
      return g_strv_contains (received_help_kinds, kind) ||
             g_strv_contains (firm_peer_kinds, kind);
    case MG_LESSON_CARE:
      return g_strv_contains (care_kinds, kind);
    case MG_LESSON_COMBINE:
      return g_strv_contains (combine_kinds, kind);
    case MG_LESSON_LEARN:
      return g_strv_contains (learn_kinds, kind);
    case MG_N_LESSONS:
    default:
      return FALSE;
    }
}

static guint8
kind_class (const char *kind)
{
  guint8 cls = 0;

  if (g_strv_contains (received_help_kinds, kind))
    cls |= MG_KIND_CLASS_RECEIVED_HELP;
  if (g_strv_contains (firm_peer_kinds, kind))
    cls |= MG_KIND_CLASS_FIRM_PEERS;
  if (g_strv_contains (care_kinds, kind))
    cls |= MG_KIND_CLASS_CARE;
  if (g_strv_contains (combine_kinds, kind))
    cls |= MG_KIND_CLASS_COMBINE;
  if (g_strv_contains (learn_kinds, kind))
    cls |= MG_KIND_CLASS_LEARN;
  return cls;
}

static guint8
role_class (const char *role)
{
  guint8 cls = 0;

  if (role == NULL)
    return 0;
  if (g_strv_contains (firm_roles, role))
    cls |= MG_ROLE_CLASS_FIRM;
  if (g_strv_contains (small_firm_roles, role))
    cls |= MG_ROLE_CLASS_SMALL_FIRM;
  if (g_strv_contains (care_receiver_roles, role))
    cls |= MG_ROLE_CLASS_CARE_RECEIVER;
  return cls;
}

/* ---- facts ------------------------------------------------------------ */

void
mg_facts_clear (MgFacts *facts, guint n_actors)
{
  g_assert (facts != NULL);

  g_clear_pointer (&facts->adj, mg_adjacency_unref);
  g_clear_pointer (&facts->role_index, g_hash_table_unref);
  g_clear_pointer (&facts->actor_role, g_free);
  g_clear_pointer (&facts->actor_role_class, g_free);
  g_clear_pointer (&facts->actor_family, g_free);
  g_clear_pointer (&facts->role_diversity, g_free);
  g_clear_pointer (&facts->kind_index, g_hash_table_unref);
  g_clear_pointer (&facts->relation_kind, g_free);
  g_clear_pointer (&facts->relation_kind_class, g_free);
  g_clear_pointer (&facts->territories, mg_territory_index_free);
  g_clear_pointer (&facts->actor_lessons, g_free);
  g_clear_pointer (&facts->relation_lessons, g_free);
  g_clear_pointer (&facts->actor_provenance, g_free);
  g_clear_pointer (&facts->relation_provenance, g_free);
  if (facts->actor_search != NULL)
    for (guint v = 0; v < n_actors; v++)
      g_free (facts->actor_search[v]);
  g_clear_pointer (&facts->actor_search, g_free);
  g_clear_pointer (&facts->combine_families, g_free);
  g_clear_pointer (&facts->combine_partner, g_free);
  g_clear_pointer (&facts->level_free_actor, g_free);
  g_clear_pointer (&facts->level_free_relation, g_free);
  memset (facts, 0, sizeof *facts);
}

static int
intern (GHashTable *table, guint *n, const char *id)
{
  gpointer value;

  if (id == NULL)
    return -1;
  value = g_hash_table_lookup (table, id);
  if (value == NULL)
    {
      value = GUINT_TO_POINTER (++*n);
      g_hash_table_insert (table, g_strdup (id), value);
    }
  return (int) GPOINTER_TO_UINT (value) - 1;
}

/* Roles, their classes and families, and the neighbourhood role diversity
 * that the metrics read: for each actor, distinct roles among distinct
 * neighbours.  A stamp per role (the last actor that counted it) makes it
 * O(arcs). */
void
mg_facts_build_roles (MgFacts *facts, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  const MgAdjacency *adj = facts->adj;
  guint n = adj->n_actors;
  g_autoptr(GArray) classes = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GArray) families = g_array_new (FALSE, FALSE, sizeof (gint8));

  g_clear_pointer (&facts->role_index, g_hash_table_unref);
  g_free (facts->actor_role);
  g_free (facts->actor_role_class);
  g_free (facts->actor_family);
  g_free (facts->role_diversity);
  facts->role_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->n_roles = 0;
  facts->level_free_valid = FALSE;
  facts->actor_role = g_new (int, MAX (n, 1));
  facts->actor_role_class = g_new0 (guint8, MAX (n, 1));
  facts->actor_family = g_new (gint8, MAX (n, 1));
  facts->role_diversity = g_new0 (guint, MAX (n, 1));

  for (guint v = 0; v < n; v++)
    {
      MgActor *actor = g_ptr_array_index (actors, v);
      guint before = facts->n_roles;
      int role = intern (facts->role_index, &facts->n_roles, actor->role);

      if (facts->n_roles != before)
        {
          guint8 cls = role_class (actor->role);
          gint8 family = (gint8) mg_role_family (actor->role);

          g_array_append_val (classes, cls);
          g_array_append_val (families, family);
        }
      facts->actor_role[v] = role;
      facts->actor_role_class[v] = role >= 0 ? g_array_index (classes, guint8, role) : 0;
      facts->actor_family[v] = role >= 0 ? g_array_index (families, gint8, role) : MG_FAMILY_NONE;
    }

  g_autofree guint *stamp = g_new (guint, MAX (facts->n_roles, 1));
  for (guint i = 0; i < facts->n_roles; i++)
    stamp[i] = G_MAXUINT;
  for (guint v = 0; v < n; v++)
    {
      guint count = 0;

      for (guint k = adj->offsets[v]; k < adj->offsets[v + 1]; k++)
        {
          int role = facts->actor_role[adj->neighbour[k]];

          if (role >= 0 && stamp[role] != v)
            {
              stamp[role] = v;
              count++;
            }
        }
      facts->role_diversity[v] = count;
    }
}

void
mg_facts_build_kinds (MgFacts *facts, MgMap *map)
{
  GPtrArray *relations = mg_map_get_relations (map);
  guint m = facts->adj->n_relations;
  guint n_kinds = 0;
  g_autoptr(GArray) classes = g_array_new (FALSE, TRUE, sizeof (guint8));

  g_clear_pointer (&facts->kind_index, g_hash_table_unref);
  g_free (facts->relation_kind);
  g_free (facts->relation_kind_class);
  facts->kind_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->level_free_valid = FALSE;
  facts->relation_kind = g_new (int, MAX (m, 1));
  facts->relation_kind_class = g_new0 (guint8, MAX (m, 1));

  for (guint r = 0; r < m; r++)
    {
      MgRelation *rel = g_ptr_array_index (relations, r);
      guint before = n_kinds;
      int kind = intern (facts->kind_index, &n_kinds, rel->kind);

      if (n_kinds != before)
        {
          guint8 cls = kind_class (rel->kind);

          g_array_append_val (classes, cls);
        }
      facts->relation_kind[r] = kind;
      facts->relation_kind_class[r] = kind >= 0 ? g_array_index (classes, guint8, kind) : 0;
    }
}

/* Places and scales, prefixes interned once: comparing at another level
 * reads no string. */
void
mg_facts_build_territories (MgFacts *facts, MgMap *map)
{
  g_clear_pointer (&facts->territories, mg_territory_index_free);
  facts->territories = mg_territory_index_new (map);
}

void
mg_facts_build_lessons (MgFacts *facts, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  guint n = facts->adj->n_actors;
  guint m = facts->adj->n_relations;

  g_free (facts->actor_lessons);
  g_free (facts->relation_lessons);
  facts->actor_lessons = g_new (guint8, MAX (n, 1));
  facts->relation_lessons = g_new (guint8, MAX (m, 1));
  for (guint v = 0; v < n; v++)
    facts->actor_lessons[v] = ((MgActor *) g_ptr_array_index (actors, v))->lessons & MG_LESSON_SET_ALL;
  for (guint r = 0; r < m; r++)
    facts->relation_lessons[r] = ((MgRelation *) g_ptr_array_index (relations, r))->lessons & MG_LESSON_SET_ALL;
}

void
mg_facts_build_provenance (MgFacts *facts, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  guint n = facts->adj->n_actors;
  guint m = facts->adj->n_relations;

  g_free (facts->actor_provenance);
  g_free (facts->relation_provenance);
  facts->actor_provenance = g_new (guint8, MAX (n, 1));
  facts->relation_provenance = g_new (guint8, MAX (m, 1));
  for (guint v = 0; v < n; v++)
    facts->actor_provenance[v] =
      mg_provenance_from_string (((MgActor *) g_ptr_array_index (actors, v))->provenance);
  for (guint r = 0; r < m; r++)
    facts->relation_provenance[r] =
      mg_provenance_from_string (((MgRelation *) g_ptr_array_index (relations, r))->provenance);
}

/* ---- the rules -------------------------------------------------------- */

/* What the rules read: the facts, and how the two ends of each relation
 * stand at the lens level (MgTerritoryRelation, worked out once per
 * evaluation: territories are symmetric). */
typedef struct {
  const MgFacts *facts;
  const guint8  *place;
} Rules;

static inline gboolean
is_role (const Rules *rules, guint actor, MgRoleClass cls)
{
  return (rules->facts->actor_role_class[actor] & cls) != 0;
}

static inline gboolean
has_kind (const Rules *rules, guint relation, MgKindClass cls)
{
  return (rules->facts->relation_kind_class[relation] & cls) != 0;
}

static inline MgTerritoryRelation
relate (const Rules *rules, guint relation)
{
  return (MgTerritoryRelation) rules->place[relation];
}

/* Valorizing resources — a company draws on the contributions of others.
 * The relation from @giver to @receiver (one reading of it) matches when a
 * firm receives training or support, or when two firms, one at least an sme
 * or a start-up, work together (partnership, supply, knowledge).  Says in
 * @receiver_matches / @giver_matches which ends are the firms the lesson
 * is about. */
static inline gboolean
valorize_reading (const Rules *rules, guint relation, guint giver, guint receiver,
                  guint8 *receiver_matches, guint8 *giver_matches)
{
  *receiver_matches = *giver_matches = FALSE;
  if (has_kind (rules, relation, MG_KIND_CLASS_RECEIVED_HELP) &&
      is_role (rules, receiver, MG_ROLE_CLASS_FIRM))
    *receiver_matches = TRUE;
  if (has_kind (rules, relation, MG_KIND_CLASS_FIRM_PEERS) &&
      is_role (rules, giver, MG_ROLE_CLASS_FIRM) && is_role (rules, receiver, MG_ROLE_CLASS_FIRM) &&
      (is_role (rules, giver, MG_ROLE_CLASS_SMALL_FIRM) ||
       is_role (rules, receiver, MG_ROLE_CLASS_SMALL_FIRM)))
    *receiver_matches = *giver_matches = TRUE;
  return *receiver_matches || *giver_matches;
}

/* Caring for the territory — initiatives that benefit a wide range of
 * actors beyond large companies.  The reading from @giver to @receiver
 * matches when its kind is one of care's, the two share a territory at L,
 * and the receiver is an sme, a start-up, a local authority or an
 * association. */
static inline gboolean
care_reading (const Rules *rules, guint relation, guint giver, guint receiver)
{
  return has_kind (rules, relation, MG_KIND_CLASS_CARE) &&
         is_role (rules, receiver, MG_ROLE_CLASS_CARE_RECEIVER) &&
         relate (rules, relation) == MG_TERRITORY_SHARE;
}

/* Identifying winning combinations — working alongside many kinds of
 * stakeholders.  @neighbour counts for @actor when they are linked by a
 * partnership, research, supply or knowledge relation, share a territory
 * at L, and the neighbour belongs to a family other than the actor's (an
 * actor of no family finds every family "other"). */
static inline gboolean
combine_partner (const Rules *rules, guint relation, guint actor, guint neighbour)
{
  int family = rules->facts->actor_family[neighbour];

  return has_kind (rules, relation, MG_KIND_CLASS_COMBINE) && family != MG_FAMILY_NONE &&
         family != rules->facts->actor_family[actor] &&
         relate (rules, relation) == MG_TERRITORY_SHARE;
}

/* Learning from others — a learning territory.  A relation matches when it
 * is a knowledge or research exchange, or when its two ends cross
 * territories at L. */
static inline gboolean
learn_relation (const Rules *rules, guint relation)
{
  return has_kind (rules, relation, MG_KIND_CLASS_LEARN) ||
         relate (rules, relation) == MG_TERRITORY_CROSS;
}

/* The parts of the rules that do not read territories: valorize (relations
 * and the firms in them) and learn's knowledge or research relations and
 * learners.  Worked out once for a map's roles and kinds, so that a change
 * of lens level redoes only care, combine and learn's crossings. */
static void
derive_level_free (MgFacts *facts)
{
  const MgAdjacency *adj = facts->adj;
  const guint8 valorize = MG_LESSON_BIT (MG_LESSON_VALORIZE);
  const guint8 learn = MG_LESSON_BIT (MG_LESSON_LEARN);
  guint n = adj->n_actors;
  guint m = adj->n_relations;
  Rules rules = { facts, NULL };
  g_autofree guint *stamp = g_new (guint, MAX (n, 1));
  g_autofree guint8 *seen = g_new0 (guint8, MAX (n, 1));
  guint8 *actor, *relation;

  g_free (facts->level_free_actor);
  g_free (facts->level_free_relation);
  actor = facts->level_free_actor = g_new0 (guint8, MAX (n, 1));
  relation = facts->level_free_relation = g_new0 (guint8, MAX (m, 1));

  /* learn's learners: a reciprocal exchange, or knowledge received from at
   * least 2 distinct actors.  A stamp per neighbour counts it once. */
  for (guint v = 0; v < n; v++)
    stamp[v] = G_MAXUINT;
  for (guint v = 0; v < n; v++)
    {
      guint sources = 0;
      gboolean reciprocal = FALSE;

      for (guint k = adj->offsets[v]; k < adj->offsets[v + 1]; k++)
        {
          guint w = adj->neighbour[k];
          guint8 flags = adj->arc_flags[k] & (MG_ARC_IN | MG_ARC_OUT);

          if (!has_kind (&rules, adj->relation[k], MG_KIND_CLASS_LEARN))
            continue;
          if (stamp[w] != v)
            {
              stamp[w] = v;
              seen[w] = 0;
            }
          if ((flags & MG_ARC_IN) && !(seen[w] & MG_ARC_IN))
            sources++;
          seen[w] |= flags;
          reciprocal |= seen[w] == (MG_ARC_IN | MG_ARC_OUT);
        }
      if (reciprocal || sources >= 2)
        actor[v] |= learn;
    }

  for (guint r = 0; r < m; r++)
    {
      guint s = adj->rel_source[r];
      guint t = adj->rel_target[r];
      guint8 to_target, to_source;

      if (s == t)
        continue;
      /* valorize, reading the relation both ways when it is undirected */
      if (valorize_reading (&rules, r, s, t, &to_target, &to_source))
        {
          relation[r] |= valorize;
          actor[t] |= to_target ? valorize : 0;
          actor[s] |= to_source ? valorize : 0;
        }
      if (!adj->rel_directed[r] && valorize_reading (&rules, r, t, s, &to_source, &to_target))
        {
          relation[r] |= valorize;
          actor[t] |= to_target ? valorize : 0;
          actor[s] |= to_source ? valorize : 0;
        }
      if (has_kind (&rules, r, MG_KIND_CLASS_LEARN))
        relation[r] |= learn;
    }
  facts->level_free_valid = TRUE;
}

void
mg_lens_compute_matches (MgFacts *facts, const MgLensSettings *settings,
                         MgMatches *out)
{
  const MgAdjacency *adj = facts->adj;
  const guint8 care = MG_LESSON_BIT (MG_LESSON_CARE);
  const guint8 combine = MG_LESSON_BIT (MG_LESSON_COMBINE);
  const guint8 learn = MG_LESSON_BIT (MG_LESSON_LEARN);
  guint n = adj->n_actors;
  guint m = adj->n_relations;
  g_autofree guint *stamp = NULL;
  g_autofree guint8 *place = NULL;
  Rules rules = { facts, NULL };

  memcpy (out->actor_explicit, facts->actor_lessons, n);
  memcpy (out->relation_explicit, facts->relation_lessons, m);
  memset (out->actor_derived, 0, n);
  memset (out->relation_derived, 0, m);
  g_free (facts->combine_families);
  g_free (facts->combine_partner);
  facts->combine_families = g_new0 (guint8, MAX (n, 1));
  facts->combine_partner = g_new0 (guint8, MAX (m, 1));
  if (!settings->derived)
    return;

  if (!facts->level_free_valid)
    derive_level_free (facts);
  memcpy (out->actor_derived, facts->level_free_actor, n);
  memcpy (out->relation_derived, facts->level_free_relation, m);

  /* Self-loops are never read (the loops below skip them). */
  place = g_new (guint8, MAX (m, 1));
  mg_territory_index_relate_pairs (facts->territories, m, adj->rel_source, adj->rel_target,
                                   settings->lens_level, place);
  rules.place = place;

  /* Per actor, over its arcs (self-loops have none): care's givers and the
   * families around each actor (combine).  A stamp per neighbour (the
   * actor that last gave to it) counts each receiver once. */
  stamp = g_new (guint, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    stamp[v] = G_MAXUINT;
  for (guint v = 0; v < n; v++)
    {
      guint care_receivers = 0;
      MgFamilySet families = 0;

      for (guint k = adj->offsets[v]; k < adj->offsets[v + 1]; k++)
        {
          guint r = adj->relation[k];
          guint w = adj->neighbour[k];

          /* care: v gives (source, or an undirected end) to w */
          if ((adj->arc_flags[k] & MG_ARC_OUT) && stamp[w] != v && care_reading (&rules, r, v, w))
            {
              stamp[w] = v;
              care_receivers++;
            }
          /* combine: the families around v */
          if (combine_partner (&rules, r, v, w))
            families |= MG_FAMILY_BIT (facts->actor_family[w]);
        }
      facts->combine_families[v] = (guint8) families;
      if (care_receivers >= 2)
        out->actor_derived[v] |= care;
      if (settings->combine_threshold > 0 &&
          (guint) __builtin_popcount (families) >= settings->combine_threshold)
        out->actor_derived[v] |= combine;
    }

  /* Per relation: care (either reading), combine (to a matched actor's
   * partner), learn (crossing territories). */
  for (guint r = 0; r < m; r++)
    {
      guint s = adj->rel_source[r];
      guint t = adj->rel_target[r];
      guint8 d = out->relation_derived[r];

      if (s == t)
        continue;
      if (care_reading (&rules, r, s, t) || (!adj->rel_directed[r] && care_reading (&rules, r, t, s)))
        d |= care;
      facts->combine_partner[r] = (combine_partner (&rules, r, s, t) ? 1 : 0) |
                                  (combine_partner (&rules, r, t, s) ? 2 : 0);
      if (((out->actor_derived[s] & combine) && (facts->combine_partner[r] & 1)) ||
          ((out->actor_derived[t] & combine) && (facts->combine_partner[r] & 2)))
        d |= combine;
      if (learn_relation (&rules, r))
        d |= learn;
      out->relation_derived[r] = d & ~out->relation_explicit[r];
    }

  /* Explicit wins: a derived bit only where the tag is absent. */
  for (guint v = 0; v < n; v++)
    out->actor_derived[v] &= ~out->actor_explicit[v];
}

void
mg_lens_update_combine (const MgFacts *facts, const MgLensSettings *settings, MgMatches *out)
{
  const MgAdjacency *adj = facts->adj;
  const guint8 combine = MG_LESSON_BIT (MG_LESSON_COMBINE);
  guint n = adj->n_actors;
  guint m = adj->n_relations;
  g_autofree guint8 *matched = g_new (guint8, MAX (n, 1));

  if (!settings->derived)
    return;
  /* The rule reads the families, never the tags: decide first, mask the
   * tagged afterwards. */
  for (guint v = 0; v < n; v++)
    {
      matched[v] = settings->combine_threshold > 0 &&
                   (guint) __builtin_popcount (facts->combine_families[v]) >= settings->combine_threshold;
      out->actor_derived[v] = (out->actor_derived[v] & ~combine) |
                              (matched[v] ? combine & ~out->actor_explicit[v] : 0);
    }
  for (guint r = 0; r < m; r++)
    {
      guint8 partner = facts->combine_partner[r];
      gboolean hit = (partner & 1 && matched[adj->rel_source[r]]) ||
                     (partner & 2 && matched[adj->rel_target[r]]);

      out->relation_derived[r] = (out->relation_derived[r] & ~combine) |
                                 (hit ? combine & ~out->relation_explicit[r] : 0);
    }
}
