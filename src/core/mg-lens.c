/* mg-lens.c — lens settings, the facts lenses read, and the derived rules
 * of the four lessons (see mg-lens.h for the rules in words). */
#include "mg-lens.h"

#include <string.h>
#include "mg-visibility-private.h"

#define LARGE_COMPANY_ROLE "large-company"

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
  settings->territory_level = 0;
}

gboolean
mg_lens_settings_equal (const MgLensSettings *a, const MgLensSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return (a->active & MG_LESSON_SET_ALL) == (b->active & MG_LESSON_SET_ALL) &&
         a->mode == b->mode && !a->derived == !b->derived &&
         a->unmatched == b->unmatched &&
         a->combine_threshold == b->combine_threshold &&
         a->territory_level == b->territory_level;
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
  static const char *const valorize[] = { "support", "training", "hosting", "funding", NULL };
  static const char *const learn[] = { "knowledge", "training", "research", NULL };

  if (kind == NULL)
    return FALSE;
  if (lesson == MG_LESSON_VALORIZE)
    return g_strv_contains (valorize, kind);
  if (lesson == MG_LESSON_LEARN)
    return g_strv_contains (learn, kind);
  return FALSE;
}

/* ---- facts ------------------------------------------------------------ */

void
mg_facts_clear (MgFacts *facts, guint n_actors)
{
  g_assert (facts != NULL);

  g_clear_pointer (&facts->adj, mg_adjacency_unref);
  g_clear_pointer (&facts->role_index, g_hash_table_unref);
  g_clear_pointer (&facts->actor_role, g_free);
  g_clear_pointer (&facts->role_diversity, g_free);
  g_clear_pointer (&facts->kind_index, g_hash_table_unref);
  g_clear_pointer (&facts->relation_kind, g_free);
  g_clear_pointer (&facts->relation_kind_class, g_free);
  if (facts->actor_territory_path != NULL)
    for (guint v = 0; v < n_actors; v++)
      g_free (facts->actor_territory_path[v]);
  g_clear_pointer (&facts->actor_territory_path, g_free);
  g_clear_pointer (&facts->actor_territory, g_free);
  g_clear_pointer (&facts->actor_lessons, g_free);
  g_clear_pointer (&facts->relation_lessons, g_free);
  if (facts->actor_search != NULL)
    for (guint v = 0; v < n_actors; v++)
      g_free (facts->actor_search[v]);
  g_clear_pointer (&facts->actor_search, g_free);
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

/* Roles, and the neighbourhood role diversity that the combine rule and the
 * metrics read: for each actor, distinct roles among distinct neighbours.
 * A stamp per role (the last actor that counted it) makes it O(arcs). */
void
mg_facts_build_roles (MgFacts *facts, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  const MgAdjacency *adj = facts->adj;
  guint n = adj->n_actors;
  gpointer lc;

  g_clear_pointer (&facts->role_index, g_hash_table_unref);
  g_free (facts->actor_role);
  g_free (facts->role_diversity);
  facts->role_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->n_roles = 0;
  facts->actor_role = g_new (int, MAX (n, 1));
  facts->role_diversity = g_new0 (guint, MAX (n, 1));

  for (guint v = 0; v < n; v++)
    {
      MgActor *actor = g_ptr_array_index (actors, v);
      facts->actor_role[v] = intern (facts->role_index, &facts->n_roles, actor->role);
    }
  lc = g_hash_table_lookup (facts->role_index, LARGE_COMPANY_ROLE);
  facts->large_company = lc != NULL ? (int) GPOINTER_TO_UINT (lc) - 1 : -2;

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
  facts->relation_kind = g_new (int, MAX (m, 1));
  facts->relation_kind_class = g_new0 (guint8, MAX (m, 1));

  for (guint r = 0; r < m; r++)
    {
      MgRelation *rel = g_ptr_array_index (relations, r);
      guint before = n_kinds;
      int kind = intern (facts->kind_index, &n_kinds, rel->kind);

      if (n_kinds != before)
        {
          guint8 cls = 0;

          if (mg_lens_kind_matches (MG_LESSON_VALORIZE, rel->kind))
            cls |= MG_KIND_CLASS_VALORIZE;
          if (mg_lens_kind_matches (MG_LESSON_LEARN, rel->kind))
            cls |= MG_KIND_CLASS_LEARN;
          g_array_append_val (classes, cls);
        }
      facts->relation_kind[r] = kind;
      facts->relation_kind_class[r] = kind >= 0 ? g_array_index (classes, guint8, kind) : 0;
    }
}

/* Normalised full paths; the keys at a level are derived from them by
 * mg_facts_build_territory_keys() so that changing the grouping level does
 * not read the map again. */
void
mg_facts_build_territories (MgFacts *facts, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  guint n = facts->adj->n_actors;

  if (facts->actor_territory_path != NULL)
    for (guint v = 0; v < n; v++)
      g_free (facts->actor_territory_path[v]);
  g_free (facts->actor_territory_path);
  facts->actor_territory_path = g_new0 (char *, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    {
      MgActor *actor = g_ptr_array_index (actors, v);
      facts->actor_territory_path[v] = mg_territory_at_level (actor->territory, 0);
    }
}

void
mg_facts_build_territory_keys (MgFacts *facts, guint level)
{
  guint n = facts->adj->n_actors;
  guint n_keys = 0;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_free (facts->actor_territory);
  facts->actor_territory = g_new (int, MAX (n, 1));
  facts->territory_level = level;
  for (guint v = 0; v < n; v++)
    {
      const char *path = facts->actor_territory_path[v];
      g_autofree char *key = NULL;

      if (path == NULL)
        {
          facts->actor_territory[v] = -1;
          continue;
        }
      if (level > 0)
        {
          /* The path is normalised: cutting at the level-th "/" is enough. */
          const char *p = path;
          guint depth = 1;

          while ((p = strchr (p, '/')) != NULL && depth < level)
            {
              p++;
              depth++;
            }
          if (p != NULL)
            key = g_strndup (path, p - path);
        }
      facts->actor_territory[v] = intern (keys, &n_keys, key != NULL ? key : path);
    }
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

/* ---- the rules -------------------------------------------------------- */

void
mg_lens_compute_matches (const MgFacts *facts, const MgLensSettings *settings,
                         MgMatches *out)
{
  const MgAdjacency *adj = facts->adj;
  const guint8 valorize = MG_LESSON_BIT (MG_LESSON_VALORIZE);
  const guint8 care = MG_LESSON_BIT (MG_LESSON_CARE);
  const guint8 combine = MG_LESSON_BIT (MG_LESSON_COMBINE);
  const guint8 learn = MG_LESSON_BIT (MG_LESSON_LEARN);
  guint n = adj->n_actors;
  guint m = adj->n_relations;

  memcpy (out->actor_explicit, facts->actor_lessons, n);
  memcpy (out->relation_explicit, facts->relation_lessons, m);
  memset (out->actor_derived, 0, n);
  memset (out->relation_derived, 0, m);
  if (!settings->derived)
    return;

  /* Combine on actors first: relations read it. */
  for (guint v = 0; v < n; v++)
    if (facts->role_diversity[v] >= settings->combine_threshold)
      out->actor_derived[v] = combine;

  for (guint r = 0; r < m; r++)
    {
      guint s = adj->rel_source[r];
      guint t = adj->rel_target[r];
      guint8 cls = facts->relation_kind_class[r];
      guint8 d = 0;

      if (cls & MG_KIND_CLASS_VALORIZE)
        {
          d |= valorize;
          out->actor_derived[s] |= valorize;
          if (!adj->rel_directed[r])
            out->actor_derived[t] |= valorize;
        }
      if (s != t)
        {
          int ts = facts->actor_territory[s];
          int tt = facts->actor_territory[t];

          if (ts >= 0 && tt >= 0)
            {
              if (ts != tt)
                d |= learn;
              else if (facts->actor_role[s] != facts->large_company ||
                       facts->actor_role[t] != facts->large_company)
                d |= care;
            }
          if (cls & MG_KIND_CLASS_LEARN)
            d |= learn;
          if ((out->actor_derived[s] | out->actor_derived[t]) & combine)
            d |= combine;
        }
      out->relation_derived[r] = d & ~out->relation_explicit[r];
    }

  /* Explicit wins: a derived bit only where the tag is absent. */
  for (guint v = 0; v < n; v++)
    out->actor_derived[v] &= ~out->actor_explicit[v];
}
