/* mg-report.c — the territory report (see mg-report.h for the rules in
 * words).  One pass over the actors, one over the relations: territories
 * are the interned prefixes of MgTerritoryIndex, roles are interned once. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mg-adjacency.h"
#include "mg-metrics.h"
#include "mg-report.h"

/* ---- the levers in words ------------------------------------------------- */

static const MgLeverInfo lever_infos[MG_N_LEVERS] = {
  { MG_LEVER_CATALYSTS, "catalysts", 2, N_("Catalysts"),
    N_("Actors who link at least three kinds of partners and sit on the paths between others"),
    FALSE },
  { MG_LEVER_ENGINEERING_INSIDE, "engineering-inside", 4, N_("Engineering from inside"),
    N_("Support, research and training that members receive from other members"), TRUE },
  { MG_LEVER_ENGINEERING_OUTSIDE, "engineering-outside", 4, N_("Engineering from outside"),
    N_("Support, research and training that members receive from actors outside"), TRUE },
  { MG_LEVER_PARTNERSHIPS_OUTSIDE, "partnerships-outside", 5, N_("Partnerships outside"),
    N_("Partnerships between a member and an actor outside the territory"), TRUE },
  { MG_LEVER_NATIONAL_NETWORKS, "national-networks", 6, N_("National networks"),
    N_("Memberships of national or European networks"), TRUE },
  { MG_LEVER_PEER_EXCHANGES, "peer-exchanges", 7, N_("Peer exchanges"),
    N_("Knowledge or research exchanged with actors of other territories"), TRUE },
  { MG_LEVER_COLLECTIVE_ORGANISATION, "collective-organisation", 9,
    N_("Collective organisation"),
    N_("Members that at least three other members join or partner with"), FALSE },
  { MG_LEVER_OPENNESS, "openness", 1, N_("Openness"),
    N_("Share of the members’ relations that leave the territory"), TRUE },
};

static const MgLeverToDiscuss levers_to_discuss[] = {
  { 1, N_("Renewing the territory’s social capital with newcomers from outside") },
  { 3, N_("A long-term strategy that brings the actors together") },
  { 8, N_("Schemes and a culture that allow experimenting and the right to fail") },
  { 10, N_("A communication strategy that mobilises the actors and makes the project visible") },
};

const MgLeverInfo *
mg_lever_info (MgLever lever)
{
  g_return_val_if_fail (lever >= 0 && lever < MG_N_LEVERS, NULL);
  return &lever_infos[lever];
}

guint32
mg_report_family_color (MgFamily family)
{
  g_return_val_if_fail (family >= 0 && family < MG_N_FAMILIES, 0x808080);

  for (guint i = 0; i < mg_vocab_n_builtin_roles (); i++)
    {
      const MgRole *role = mg_vocab_builtin_role (i);

      if (mg_role_family (role->id) == family)
        return role->color;
    }
  return 0x808080;
}

guint
mg_report_n_levers_to_discuss (void)
{
  return G_N_ELEMENTS (levers_to_discuss);
}

const MgLeverToDiscuss *
mg_report_lever_to_discuss (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (levers_to_discuss), NULL);
  return &levers_to_discuss[index];
}

/* ---- entries --------------------------------------------------------------- */

static MgReportTerritory *
territory_new (const char *path, gboolean with_levers)
{
  MgReportTerritory *t = g_new0 (MgReportTerritory, 1);

  t->path = g_strdup (path);
  t->members = g_array_new (FALSE, FALSE, sizeof (guint));
  t->roles = g_array_new (FALSE, FALSE, sizeof (MgReportCount));
  for (guint l = 0; with_levers && l < MG_N_LEVERS; l++)
    t->levers[l] = g_array_new (FALSE, FALSE, sizeof (guint));
  return t;
}

static void
territory_free (gpointer data)
{
  MgReportTerritory *t = data;

  g_free (t->path);
  g_array_unref (t->members);
  g_array_unref (t->roles);
  for (guint l = 0; l < MG_N_LEVERS; l++)
    if (t->levers[l] != NULL)
      g_array_unref (t->levers[l]);
  g_free (t);
}

void
mg_report_free (MgReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->territories);
  territory_free (report->map);
  g_ptr_array_unref (report->role_ids);
  g_free (report);
}

/* ---- building ---------------------------------------------------------------- */

typedef enum {
  KIND_OTHER,
  KIND_PARTNERSHIP,
  KIND_MEMBERSHIP,
  KIND_ENGINEERING, /* support, training */
  KIND_RESEARCH,    /* engineering and peer learning */
  KIND_KNOWLEDGE,
} KindClass;

/* One comparison per relation at most: the first letter picks the
 * candidate (the report's cost is mostly this loop). */
static KindClass
classify_kind (const char *kind)
{
  if (kind == NULL)
    return KIND_OTHER;
  switch (kind[0])
    {
    case 'p':
      return strcmp (kind, "partnership") == 0 ? KIND_PARTNERSHIP : KIND_OTHER;
    case 'm':
      return strcmp (kind, "membership") == 0 ? KIND_MEMBERSHIP : KIND_OTHER;
    case 's':
      return strcmp (kind, "support") == 0 ? KIND_ENGINEERING : KIND_OTHER;
    case 't':
      return strcmp (kind, "training") == 0 ? KIND_ENGINEERING : KIND_OTHER;
    case 'r':
      return strcmp (kind, "research") == 0 ? KIND_RESEARCH : KIND_OTHER;
    case 'k':
      return strcmp (kind, "knowledge") == 0 ? KIND_KNOWLEDGE : KIND_OTHER;
    default:
      return KIND_OTHER;
    }
}

typedef struct {
  GPtrArray  *role_ids;   /* interned role id → string (owned by report) */
  GHashTable *role_index; /* string → id + 1 */
  guint      *actor_role; /* per actor: role id + 1, 0 for none */
} Roles;

/* Role counts of @members into @out, by count then id. */
static int
compare_counts (gconstpointer a, gconstpointer b)
{
  const MgReportCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->role, y->role);
}

static void
fill_roles (MgReportTerritory *t, const Roles *roles, guint *scratch)
{
  memset (scratch, 0, sizeof (guint) * (roles->role_ids->len + 1));
  for (guint i = 0; i < t->members->len; i++)
    scratch[roles->actor_role[g_array_index (t->members, guint, i)]]++;
  for (guint r = 1; r <= roles->role_ids->len; r++)
    if (scratch[r] > 0)
      {
        MgReportCount c = { g_ptr_array_index (roles->role_ids, r - 1), scratch[r] };

        g_array_append_val (t->roles, c);
      }
  g_array_sort (t->roles, compare_counts);
}

static void
fill_families (MgReportTerritory *t, const MgFamily *actor_family)
{
  for (guint i = 0; i < t->members->len; i++)
    {
      MgFamily f = actor_family[g_array_index (t->members, guint, i)];

      if (f != MG_FAMILY_NONE)
        {
          t->families[f]++;
          t->present |= MG_FAMILY_BIT (f);
        }
    }
}

static void
push (MgReportTerritory *t, MgLever lever, guint item)
{
  g_array_append_val (t->levers[lever], item);
}

typedef struct {
  const double *values;
} RankData;

static int
compare_catalysts (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const double *values = ((const RankData *) user_data)->values;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = values[i], y = values[j];
  double tolerance = 1e-9 * MAX (1.0, MAX (fabs (x), fabs (y)));

  /* Brandes sums in a different order for symmetric actors: values equal
   * in exact arithmetic may differ in the last bits; they tie. */
  if (isfinite (x) && isfinite (y) && fabs (x - y) > tolerance)
    return x > y ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

/* The MG_REPORT_MAX_CATALYSTS best of @c, ranked: a selection in one pass
 * (a territory may have thousands of candidates), then a sort of five. */
static void
keep_top_catalysts (GArray *c, RankData *rank)
{
  guint top[MG_REPORT_MAX_CATALYSTS];
  guint n = 0;

  for (guint i = 0; i < c->len; i++)
    {
      guint v = g_array_index (c, guint, i);
      guint at = n;

      /* Insert v into the sorted top, dropping the last when full. */
      while (at > 0 && compare_catalysts (&v, &top[at - 1], rank) < 0)
        at--;
      if (at >= MG_REPORT_MAX_CATALYSTS)
        continue;
      if (n < MG_REPORT_MAX_CATALYSTS)
        n++;
      memmove (&top[at + 1], &top[at], (n - 1 - at) * sizeof (guint));
      top[at] = v;
    }
  g_array_set_size (c, 0);
  g_array_append_vals (c, top, n);
}

typedef struct {
  MgReportTerritory *t;
  char              *collate_key;
} SortEntry;

static int
compare_territories (gconstpointer a, gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  int c;

  if (x->t->n_actors != y->t->n_actors)
    return x->t->n_actors > y->t->n_actors ? -1 : 1;
  c = strcmp (x->collate_key, y->collate_key);
  return c != 0 ? c : strcmp (x->t->path, y->t->path);
}

static void
sort_territories (GPtrArray *territories)
{
  g_autoptr (GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry),
                                                  territories->len);

  for (guint i = 0; i < territories->len; i++)
    {
      SortEntry e = { g_ptr_array_index (territories, i), NULL };

      e.collate_key = g_utf8_collate_key (e.t->path, -1);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_territories);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *e = &g_array_index (entries, SortEntry, i);

      territories->pdata[i] = e->t;
      g_free (e->collate_key);
    }
}

MgReport *
mg_report_new (MgMap *map, guint level, const double *betweenness, guint n_betweenness)
{
  GPtrArray *actors, *relations;
  g_autoptr (MgTerritoryIndex) index = NULL;
  g_autoptr (GArray) role_family = NULL;  /* role id → MgFamily */
  g_autofree guint64 *partners = NULL;   /* per actor: bit set of its neighbours' roles */
  guint n_words = 0;
  g_autofree int *slot_of_key = NULL;
  g_autofree int *slot = NULL;           /* per actor: its territory's slot, -1 */
  g_autofree MgFamily *family = NULL;
  g_autofree guint *incoming = NULL;     /* per actor, collective organisation */
  g_autofree guint *diversity = NULL;
  g_autofree guint *scratch = NULL;
  Roles roles = { 0 };
  MgReport *report;
  guint n_keys;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  actors = mg_map_get_actors (map);
  relations = mg_map_get_relations (map);
  if (level == 0)
    level = MG_REPORT_DEFAULT_LEVEL;
  if (betweenness != NULL && n_betweenness != actors->len)
    betweenness = NULL;

  report = g_new0 (MgReport, 1);
  report->level = level;
  report->has_betweenness = betweenness != NULL;
  report->territories = g_ptr_array_new_with_free_func (territory_free);
  report->map = territory_new (NULL, FALSE);

  index = mg_territory_index_new (map);
  n_keys = mg_territory_index_get_n_keys (index);
  slot_of_key = g_new (int, MAX (n_keys, 1));
  for (guint k = 0; k < n_keys; k++)
    slot_of_key[k] = -1;
  slot = g_new (int, MAX (actors->len, 1));
  family = g_new (MgFamily, MAX (actors->len, 1));
  incoming = g_new0 (guint, MAX (actors->len, 1));

  roles.role_ids = g_ptr_array_new_with_free_func (g_free);
  roles.role_index = g_hash_table_new (g_str_hash, g_str_equal);
  roles.actor_role = g_new0 (guint, MAX (actors->len, 1));
  role_family = g_array_new (FALSE, FALSE, sizeof (MgFamily));
  {
    MgFamily none = MG_FAMILY_NONE;

    g_array_append_val (role_family, none); /* role id 0: no role */
  }

  /* Actors: their territory, role and family. */
  for (guint v = 0; v < actors->len; v++)
    {
      const MgActor *actor = g_ptr_array_index (actors, v);
      int key = mg_territory_index_key (index, v, level);

      if (actor->role != NULL && *actor->role != '\0')
        {
          guint id = GPOINTER_TO_UINT (g_hash_table_lookup (roles.role_index, actor->role));

          if (id == 0)
            {
              char *copy = g_strdup (actor->role);

              MgFamily f = mg_role_family (copy);

              g_ptr_array_add (roles.role_ids, copy);
              id = roles.role_ids->len;
              g_hash_table_insert (roles.role_index, copy, GUINT_TO_POINTER (id));
              g_array_append_val (role_family, f);
            }
          roles.actor_role[v] = id;
        }
      family[v] = g_array_index (role_family, MgFamily, roles.actor_role[v]);
      g_array_append_val (report->map->members, v);

      slot[v] = -1;
      if (key < 0)
        continue;
      if (slot_of_key[key] < 0)
        {
          slot_of_key[key] = (int) report->territories->len;
          g_ptr_array_add (report->territories,
                           territory_new (mg_territory_index_key_path (index, key), TRUE));
        }
      slot[v] = slot_of_key[key];
      g_array_append_val (((MgReportTerritory *) g_ptr_array_index (report->territories, slot[v]))
                            ->members, v);
    }

  /* Partner roles (for the catalysts): a bit per role id, set in the
   * relation pass — no adjacency needed. */
  if (betweenness != NULL)
    {
      n_words = (roles.role_ids->len + 63) / 64 + 1;
      partners = g_new0 (guint64, (gsize) MAX (actors->len, 1) * n_words);
    }

  /* Relations: each lever in one pass. */
  for (guint e = 0; e < relations->len; e++)
    {
      const MgRelation *relation = g_ptr_array_index (relations, e);
      guint s = relation->source->index, t = relation->target->index;
      int ss, st;
      KindClass kind;
      MgReportTerritory *ts, *tt;

      if (s == t)
        continue;
      if (partners != NULL)
        {
          guint rs = roles.actor_role[s], rt = roles.actor_role[t];

          if (rt != 0)
            partners[(gsize) s * n_words + rt / 64] |= G_GUINT64_CONSTANT (1) << (rt % 64);
          if (rs != 0)
            partners[(gsize) t * n_words + rs / 64] |= G_GUINT64_CONSTANT (1) << (rs % 64);
        }
      ss = slot[s];
      st = slot[t];
      if (ss < 0 && st < 0)
        continue;
      ts = ss >= 0 ? g_ptr_array_index (report->territories, ss) : NULL;
      tt = st >= 0 ? g_ptr_array_index (report->territories, st) : NULL;
      kind = classify_kind (relation->kind);

      /* Openness: counted once per territory it touches. */
      if (ss == st)
        ts->n_relations++;
      else
        {
          if (ts != NULL)
            {
              ts->n_relations++;
              push (ts, MG_LEVER_OPENNESS, e);
            }
          if (tt != NULL)
            {
              tt->n_relations++;
              push (tt, MG_LEVER_OPENNESS, e);
            }
        }

      switch (kind)
        {
        case KIND_PARTNERSHIP:
        case KIND_MEMBERSHIP:
          if (ss == st)
            {
              /* Incoming from another member: the target, and the source
               * too when the relation reads both ways. */
              incoming[t]++;
              if (!relation->directed)
                incoming[s]++;
            }
          else if (kind == KIND_PARTNERSHIP)
            {
              if (ts != NULL)
                push (ts, MG_LEVER_PARTNERSHIPS_OUTSIDE, e);
              if (tt != NULL)
                push (tt, MG_LEVER_PARTNERSHIPS_OUTSIDE, e);
            }
          if (kind == KIND_MEMBERSHIP)
            {
              if (ts != NULL && mg_territory_index_is_scale (index, t))
                push (ts, MG_LEVER_NATIONAL_NETWORKS, e);
              else if (tt != NULL && !relation->directed && mg_territory_index_is_scale (index, s))
                push (tt, MG_LEVER_NATIONAL_NETWORKS, e);
            }
          break;
        case KIND_ENGINEERING:
        case KIND_RESEARCH:
          if (ss == st)
            push (ts, MG_LEVER_ENGINEERING_INSIDE, e);
          else
            {
              if (tt != NULL)
                push (tt, MG_LEVER_ENGINEERING_OUTSIDE, e);
              if (ts != NULL && !relation->directed)
                push (ts, MG_LEVER_ENGINEERING_OUTSIDE, e);
            }
          if (kind == KIND_ENGINEERING)
            break;
          G_GNUC_FALLTHROUGH;
        case KIND_KNOWLEDGE:
          if (ts != NULL && tt != NULL && ss != st)
            {
              push (ts, MG_LEVER_PEER_EXCHANGES, e);
              push (tt, MG_LEVER_PEER_EXCHANGES, e);
            }
          break;
        case KIND_OTHER:
        default:
          break;
        }
    }

  if (partners != NULL)
    {
      diversity = g_new0 (guint, MAX (actors->len, 1));
      for (guint v = 0; v < actors->len; v++)
        for (guint w = 0; w < n_words; w++)
          diversity[v] += (guint) __builtin_popcountll (partners[(gsize) v * n_words + w]);
    }

  scratch = g_new (guint, roles.role_ids->len + 1);
  for (guint i = 0; i < report->territories->len; i++)
    {
      MgReportTerritory *t = g_ptr_array_index (report->territories, i);
      RankData rank = { betweenness };

      t->n_actors = t->members->len;
      fill_roles (t, &roles, scratch);
      fill_families (t, family);
      t->openness = t->n_relations > 0
                      ? (double) t->levers[MG_LEVER_OPENNESS]->len / t->n_relations
                      : 0.0;
      for (guint m = 0; m < t->members->len; m++)
        {
          guint v = g_array_index (t->members, guint, m);

          if (incoming[v] >= MG_REPORT_MIN_COLLECTIVE)
            push (t, MG_LEVER_COLLECTIVE_ORGANISATION, v);
          if (diversity != NULL && diversity[v] >= MG_REPORT_MIN_PARTNER_ROLES)
            push (t, MG_LEVER_CATALYSTS, v);
        }
      if (betweenness != NULL)
        keep_top_catalysts (t->levers[MG_LEVER_CATALYSTS], &rank);
    }
  sort_territories (report->territories);

  report->map->n_actors = actors->len;
  fill_roles (report->map, &roles, scratch);
  fill_families (report->map, family);

  /* The report keeps the role strings its counts point to. */
  g_hash_table_unref (roles.role_index);
  g_free (roles.actor_role);
  report->role_ids = roles.role_ids;
  return report;
}

double *
mg_report_compute_betweenness (MgMap *map)
{
  g_autoptr (MgAdjacency) adj = NULL;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  adj = mg_adjacency_new (map);
  return mg_metrics_betweenness (adj, MG_BETWEENNESS_DEFAULT, 0, NULL, NULL, NULL, NULL);
}

const MgReportTerritory *
mg_report_find (const MgReport *report, const char *path)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; path != NULL && i < report->territories->len; i++)
    {
      const MgReportTerritory *t = g_ptr_array_index (report->territories, i);

      if (strcmp (t->path, path) == 0)
        return t;
    }
  return NULL;
}
