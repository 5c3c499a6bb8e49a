/* mg-filter.c — filters: the struct, text folding, and what a filter hides. */
#include "mg-filter.h"

#include <string.h>
#include "mg-lens.h"
#include "mg-visibility-private.h"

G_DEFINE_BOXED_TYPE (MgFilter, mg_filter, mg_filter_copy, mg_filter_free)

MgFilter *
mg_filter_new (void)
{
  MgFilter *filter = g_new0 (MgFilter, 1);

  filter->focus_hops = MG_FILTER_DEFAULT_FOCUS_HOPS;
  filter->focus_direction = MG_FOCUS_BOTH;
  return filter;
}

MgFilter *
mg_filter_copy (const MgFilter *filter)
{
  MgFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_new0 (MgFilter, 1);
  copy->roles = g_strdupv (filter->roles);
  copy->territory = g_strdup (filter->territory);
  copy->kinds = g_strdupv (filter->kinds);
  copy->search = g_strdup (filter->search);
  copy->min_degree = filter->min_degree;
  copy->focus = g_strdupv (filter->focus);
  copy->focus_hops = filter->focus_hops;
  copy->focus_direction = filter->focus_direction;
  copy->provenance = g_strdupv (filter->provenance);
  return copy;
}

void
mg_filter_free (MgFilter *filter)
{
  if (filter == NULL)
    return;
  g_strfreev (filter->roles);
  g_free (filter->territory);
  g_strfreev (filter->kinds);
  g_free (filter->search);
  g_strfreev (filter->focus);
  g_strfreev (filter->provenance);
  g_free (filter);
}

static gboolean
strv_is_empty (char **strv)
{
  return strv == NULL || strv[0] == NULL;
}

static gboolean
strv_equal (char **a, char **b)
{
  if (strv_is_empty (a) || strv_is_empty (b))
    return strv_is_empty (a) == strv_is_empty (b);
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

static gboolean
str_is_empty (const char *s)
{
  return s == NULL || s[0] == '\0';
}

gboolean
mg_filter_equal (const MgFilter *a, const MgFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return strv_equal (a->roles, b->roles) && strv_equal (a->kinds, b->kinds) &&
         strv_equal (a->focus, b->focus) && strv_equal (a->provenance, b->provenance) &&
         g_strcmp0 (str_is_empty (a->territory) ? NULL : a->territory,
                    str_is_empty (b->territory) ? NULL : b->territory) == 0 &&
         g_strcmp0 (str_is_empty (a->search) ? NULL : a->search,
                    str_is_empty (b->search) ? NULL : b->search) == 0 &&
         a->min_degree == b->min_degree && a->focus_hops == b->focus_hops &&
         a->focus_direction == b->focus_direction;
}

gboolean
mg_filter_is_empty (const MgFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return strv_is_empty (filter->roles) && strv_is_empty (filter->kinds) &&
         strv_is_empty (filter->focus) && strv_is_empty (filter->provenance) &&
         str_is_empty (filter->territory) &&
         str_is_empty (filter->search) && filter->min_degree == 0;
}

void
mg_filter_set_roles (MgFilter *filter, const char *const *roles)
{
  g_return_if_fail (filter != NULL);

  g_strfreev (filter->roles);
  filter->roles = g_strdupv ((char **) roles);
}

void
mg_filter_set_kinds (MgFilter *filter, const char *const *kinds)
{
  g_return_if_fail (filter != NULL);

  g_strfreev (filter->kinds);
  filter->kinds = g_strdupv ((char **) kinds);
}

void
mg_filter_set_provenance (MgFilter *filter, const char *const *provenance)
{
  g_return_if_fail (filter != NULL);

  g_strfreev (filter->provenance);
  filter->provenance = g_strdupv ((char **) provenance);
}

void
mg_filter_set_territory (MgFilter *filter, const char *territory)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->territory);
  filter->territory = g_strdup (territory);
}

void
mg_filter_set_search (MgFilter *filter, const char *search)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->search);
  filter->search = g_strdup (search);
}

void
mg_filter_set_focus (MgFilter *filter, const char *const *actor_ids, guint hops,
                     MgFocusDirection direction)
{
  g_return_if_fail (filter != NULL);

  g_strfreev (filter->focus);
  filter->focus = g_strdupv ((char **) actor_ids);
  filter->focus_hops = hops;
  filter->focus_direction = direction;
}

const char *
mg_focus_direction_to_string (MgFocusDirection direction)
{
  switch (direction)
    {
    case MG_FOCUS_OUT:
      return "out";
    case MG_FOCUS_IN:
      return "in";
    case MG_FOCUS_BOTH:
    default:
      return "both";
    }
}

gboolean
mg_focus_direction_from_string (const char *text, MgFocusDirection *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (text, "both") == 0)
    *out = MG_FOCUS_BOTH;
  else if (g_strcmp0 (text, "out") == 0)
    *out = MG_FOCUS_OUT;
  else if (g_strcmp0 (text, "in") == 0)
    *out = MG_FOCUS_IN;
  else
    return FALSE;
  return TRUE;
}

/* ---- text ------------------------------------------------------------- */

char *
mg_fold_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  /* Most identifiers and many labels are ASCII: no Unicode tables needed. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  valid = g_utf8_make_valid (text, -1);
  /* Decompose first so that compatibility forms (ligatures, "ℌ") become
   * letters that case folding knows, then drop the marks left over. */
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
  folded = g_utf8_casefold (decomposed != NULL ? decomposed : valid, -1);
  out = g_string_sized_new (strlen (folded));
  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_NON_SPACING_MARK:
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
mg_territory_in_subtree (const char *territory, const char *prefix)
{
  g_autofree char *path = mg_territory_at_level (territory, 0);
  g_autofree char *root = mg_territory_at_level (prefix, 0);
  size_t len;

  if (root == NULL)
    return TRUE;
  if (path == NULL)
    return FALSE;
  len = strlen (root);
  return strncmp (path, root, len) == 0 && (path[len] == '\0' || path[len] == '/');
}

/* ---- evaluation ------------------------------------------------------- */

void
mg_facts_build_search (MgFacts *facts, MgMap *map)
{
  GPtrArray *actors = mg_map_get_actors (map);
  guint n = facts->adj->n_actors;

  g_assert (facts->actor_search == NULL);
  facts->actor_search = g_new0 (char *, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    {
      MgActor *actor = g_ptr_array_index (actors, v);
      /* A separator that folding keeps and no query contains, so that a
       * match never spans two fields. */
      g_autofree char *joined = g_strjoin ("\x01",
                                           actor->label != NULL ? actor->label : "",
                                           actor->id != NULL ? actor->id : "",
                                           actor->notes != NULL ? actor->notes : "",
                                           actor->territory != NULL ? actor->territory : "",
                                           NULL);
      facts->actor_search[v] = mg_fold_text (joined);
    }
}

/* Marks in @allowed (indexed like @index) the ids of @set; returns whether
 * "" (no value) is in the set. */
static gboolean
mark_allowed (GHashTable *index, char **set, guint8 *allowed)
{
  gboolean allow_none = FALSE;

  for (guint i = 0; set[i] != NULL; i++)
    {
      gpointer value;

      if (set[i][0] == '\0')
        {
          allow_none = TRUE;
          continue;
        }
      value = g_hash_table_lookup (index, set[i]);
      if (value != NULL)
        allowed[GPOINTER_TO_UINT (value) - 1] = 1;
    }
  return allow_none;
}

/* The provenance words of a filter as a set of MgProvenance bits. */
static guint8
provenance_set (char **words)
{
  guint8 set = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_strstrip (g_strdup (words[i]));
      MgProvenance p = g_ascii_strcasecmp (word, "none") == 0 ? MG_PROVENANCE_NONE
                                                               : mg_provenance_from_string (word);
      set |= 1u << p;
    }
  return set;
}

/* A scale's first segment compares without regard to case, the rest as
 * written. */
static gboolean
in_scale_place (const char *territory, const char *place)
{
  g_autofree char *path = mg_territory_at_level (territory, 0);
  const char *p_rest, *t_rest;
  gsize p_len, t_len;

  if (path == NULL)
    return FALSE;
  p_rest = strchr (place, '/');
  t_rest = strchr (path, '/');
  p_len = p_rest != NULL ? (gsize) (p_rest - place) : strlen (place);
  t_len = t_rest != NULL ? (gsize) (t_rest - path) : strlen (path);
  {
    g_autofree char *a = g_utf8_casefold (place, p_len);
    g_autofree char *b = g_utf8_casefold (path, t_len);

    if (strcmp (a, b) != 0)
      return FALSE;
  }
  if (p_rest == NULL)
    return TRUE;
  return t_rest != NULL && g_str_has_prefix (t_rest, p_rest) &&
         (t_rest[strlen (p_rest)] == '\0' || t_rest[strlen (p_rest)] == '/');
}

/* Hides the actors outside @place (a region keeps its departments). */
static void
hide_outside_place (const char *place_text, MgMap *map, MgFacts *facts, guint8 *actor_hidden)
{
  g_autofree char *place = mg_territory_at_level (place_text, 0);
  const MgTerritoryIndex *index = facts->territories;
  GPtrArray *actors = mg_map_get_actors (map);
  guint n = facts->adj->n_actors;
  guint depth;
  int key;

  if (place == NULL)
    return;
  depth = mg_territory_depth (place);
  key = mg_territory_index_lookup (index, place);
  for (guint v = 0; v < n; v++)
    {
      gboolean inside;

      if (mg_territory_index_is_local (index, v))
        inside = key >= 0 && mg_territory_index_depth (index, v) >= depth &&
                 mg_territory_index_key (index, v, depth) == key;
      else if (mg_territory_index_is_scale (index, v))
        inside = in_scale_place (((MgActor *) g_ptr_array_index (actors, v))->territory, place);
      else
        inside = FALSE;
      if (!inside)
        actor_hidden[v] = 1;
    }
}

/* Keeps (in @keep) the actors within @hops of the seeds.  Returns FALSE when
 * no seed is in the map (focus then does not restrict). */
static gboolean
focus_reach (const MgFilter *filter, MgMap *map, const MgAdjacency *adj, guint8 *keep)
{
  guint n = adj->n_actors;
  guint8 want = filter->focus_direction == MG_FOCUS_OUT ? MG_ARC_OUT
                : filter->focus_direction == MG_FOCUS_IN ? MG_ARC_IN
                : (MG_ARC_OUT | MG_ARC_IN);
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  guint head = 0, tail = 0;

  memset (keep, 0, n);
  for (guint i = 0; filter->focus[i] != NULL; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, filter->focus[i]);

      if (actor != NULL && actor->index < n && !keep[actor->index])
        {
          keep[actor->index] = 1;
          queue[tail++] = actor->index;
        }
    }
  if (tail == 0)
    return FALSE;

  /* Breadth first, one ring per hop. */
  for (guint hop = 0; hop < filter->focus_hops && head < tail; hop++)
    {
      guint ring_end = tail;

      for (; head < ring_end; head++)
        {
          guint v = queue[head];

          for (guint k = adj->offsets[v]; k < adj->offsets[v + 1]; k++)
            {
              guint w = adj->neighbour[k];

              if ((adj->arc_flags[k] & want) && !keep[w])
                {
                  keep[w] = 1;
                  queue[tail++] = w;
                }
            }
        }
    }
  return TRUE;
}

void
mg_filter_compute_hidden (const MgFilter *filter, MgMap *map, MgFacts *facts,
                          guint8 *actor_hidden, guint8 *relation_hidden)
{
  const MgAdjacency *adj = facts->adj;
  guint n = adj->n_actors;
  guint m = adj->n_relations;

  gboolean by_provenance = !strv_is_empty (filter->provenance);

  memset (actor_hidden, 0, n);
  memset (relation_hidden, 0, m);

  if (!strv_is_empty (filter->roles))
    {
      g_autofree guint8 *allowed = g_new0 (guint8, facts->n_roles + 1);
      gboolean allow_none = mark_allowed (facts->role_index, filter->roles, allowed);

      for (guint v = 0; v < n; v++)
        {
          int role = facts->actor_role[v];

          if (role < 0 ? !allow_none : !allowed[role])
            actor_hidden[v] = 1;
        }
    }

  if (!str_is_empty (filter->territory))
    hide_outside_place (filter->territory, map, facts, actor_hidden);

  if (!str_is_empty (filter->search))
    {
      g_autofree char *needle = mg_fold_text (filter->search);

      if (needle[0] != '\0')
        {
          if (facts->actor_search == NULL)
            mg_facts_build_search (facts, map);
          for (guint v = 0; v < n; v++)
            if (!actor_hidden[v] && strstr (facts->actor_search[v], needle) == NULL)
              actor_hidden[v] = 1;
        }
    }

  if (filter->min_degree > 0)
    for (guint v = 0; v < n; v++)
      if (adj->degree[v] < filter->min_degree)
        actor_hidden[v] = 1;

  if (!strv_is_empty (filter->focus))
    {
      g_autofree guint8 *keep = g_new (guint8, MAX (n, 1));

      if (focus_reach (filter, map, adj, keep))
        for (guint v = 0; v < n; v++)
          actor_hidden[v] |= !keep[v];
    }

  {
    g_autofree guint8 *allowed = NULL;
    gboolean allow_none = TRUE;
    gboolean by_kind = !strv_is_empty (filter->kinds);
    guint8 provenances = by_provenance ? provenance_set (filter->provenance) : 0;

    if (by_kind)
      {
        allowed = g_new0 (guint8, g_hash_table_size (facts->kind_index) + 1);
        allow_none = mark_allowed (facts->kind_index, filter->kinds, allowed);
      }
    if (by_provenance)
      {
        /* An actor of another provenance stays as the end of a relation
         * that is kept for its own. */
        for (guint v = 0; v < n; v++)
          if (!(provenances & (1u << facts->actor_provenance[v])))
            actor_hidden[v] |= 2;
        for (guint r = 0; r < m; r++)
          if (provenances & (1u << facts->relation_provenance[r]))
            {
              guint s = adj->rel_source[r], t = adj->rel_target[r];

              if (!(actor_hidden[s] & 1) && !(actor_hidden[t] & 1))
                actor_hidden[s] = actor_hidden[t] = 0;
            }
        for (guint v = 0; v < n; v++)
          actor_hidden[v] = actor_hidden[v] != 0;
      }
    for (guint r = 0; r < m; r++)
      {
        int kind = facts->relation_kind[r];

        if (actor_hidden[adj->rel_source[r]] || actor_hidden[adj->rel_target[r]])
          relation_hidden[r] = 1;
        else if (by_kind && (kind < 0 ? !allow_none : !allowed[kind]))
          relation_hidden[r] = 1;
        else if (by_provenance && !(provenances & (1u << facts->relation_provenance[r])))
          relation_hidden[r] = 1;
      }
  }
}
