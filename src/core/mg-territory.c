/* mg-territory.c — territories as places and scales, and the stakeholder
 * families (see mg-territory.h for the rules in words). */
#include "mg-territory.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* ---- segments ----------------------------------------------------------- */

/* Calls @each for every non-empty trimmed segment of @territory, in order,
 * until it returns FALSE.  Returns the number of segments visited. */
typedef gboolean (*SegmentFunc) (const char *start, gsize len, gpointer user_data);

static guint
foreach_segment (const char *territory, SegmentFunc each, gpointer user_data)
{
  const char *p = territory;
  guint depth = 0;

  if (territory == NULL)
    return 0;
  while (*p != '\0')
    {
      const char *end = strchr (p, '/');
      const char *start = p;
      const char *stop;

      if (end == NULL)
        end = p + strlen (p);
      stop = end;
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;
      if (stop > start)
        {
          depth++;
          if (each != NULL && !each (start, stop - start, user_data))
            break;
        }
      p = *end == '/' ? end + 1 : end;
    }
  return depth;
}

typedef struct {
  GString *key;
  guint level; /* 0: all */
  guint depth;
} CutState;

static gboolean
append_segment (const char *start, gsize len, gpointer user_data)
{
  CutState *state = user_data;

  if (state->depth > 0)
    g_string_append_c (state->key, '/');
  g_string_append_len (state->key, start, len);
  state->depth++;
  return state->level == 0 || state->depth < state->level;
}

char *
mg_territory_at_level (const char *territory, guint level)
{
  CutState state = { NULL, level, 0 };

  if (territory == NULL)
    return NULL;
  state.key = g_string_new (NULL);
  foreach_segment (territory, append_segment, &state);
  if (state.depth == 0)
    {
      g_string_free (state.key, TRUE);
      return NULL;
    }
  return g_string_free (state.key, FALSE);
}

guint
mg_territory_depth (const char *territory)
{
  return foreach_segment (territory, NULL, NULL);
}

/* ---- scales ------------------------------------------------------------- */

static gboolean
same_scale (const char *a, gsize a_len, const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, a_len);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return strcmp (fa, fb) == 0;
}

char **
mg_scales_parse (const char *text)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_auto (GStrv) items = g_strsplit_set (text != NULL ? text : "", ",;", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      gboolean seen = FALSE;

      if (*item == '\0' || !g_utf8_validate (item, -1, NULL))
        continue;
      for (guint j = 0; j < out->len && !seen; j++)
        seen = same_scale (item, strlen (item), g_ptr_array_index (out, j));
      if (!seen)
        g_ptr_array_add (out, g_strdup (item));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

char *
mg_scales_to_string (const char *const *scales)
{
  if (scales == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", (char **) scales);
}

char **
mg_map_dup_scales (MgMap *map)
{
  const char *text;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  text = mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME);
  return mg_scales_parse (text != NULL ? text : MG_DEFAULT_SCALES);
}

void
mg_map_set_scales (MgMap *map, const char *const *scales)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MG_IS_MAP (map));

  if (scales != NULL)
    text = mg_scales_to_string (scales);
  mg_map_set_graph_setting (map, MG_SCALES_KEY_NAME, text);
}

typedef struct {
  const char *const *scales;
  gboolean is_scale;
} FirstState;

static gboolean
check_first (const char *start, gsize len, gpointer user_data)
{
  FirstState *state = user_data;

  for (guint i = 0; state->scales != NULL && state->scales[i] != NULL; i++)
    if (same_scale (start, len, state->scales[i]))
      state->is_scale = TRUE;
  return FALSE;
}

gboolean
mg_territory_is_scale (const char *territory, const char *const *scales)
{
  FirstState state = { scales, FALSE };

  foreach_segment (territory, check_first, &state);
  return state.is_scale;
}

gboolean
mg_territory_is_local (const char *territory, const char *const *scales)
{
  return mg_territory_depth (territory) > 0 && !mg_territory_is_scale (territory, scales);
}

MgTerritoryRelation
mg_territory_relate (const char *a, const char *b, guint level, const char *const *scales)
{
  guint depth;
  g_autofree char *cut_a = NULL;
  g_autofree char *cut_b = NULL;

  if (!mg_territory_is_local (a, scales) || !mg_territory_is_local (b, scales))
    return MG_TERRITORY_UNRELATED;
  depth = MIN (mg_territory_depth (a), mg_territory_depth (b));
  if (level != 0)
    depth = MIN (depth, level);
  cut_a = mg_territory_at_level (a, depth);
  cut_b = mg_territory_at_level (b, depth);
  return strcmp (cut_a, cut_b) == 0 ? MG_TERRITORY_SHARE : MG_TERRITORY_CROSS;
}

/* ---- the index ---------------------------------------------------------- */

struct _MgTerritoryIndex {
  guint n_actors;
  guint8 *depth;    /* per actor; 0 when not local (no territory or a scale) */
  guint8 *scale;    /* per actor: at a scale */
  guint *first;     /* per actor: offset of its prefix ids in @prefix */
  int *prefix;      /* prefix id of depth 1, 2, … for each local actor */
  GPtrArray *paths; /* prefix id → path */
  GHashTable *ids;  /* path → prefix id + 1 */
};

/* Deeper paths than this are cut: no real territory has 255 levels. */
#define MAX_DEPTH 255

typedef struct {
  GString *path;
  GHashTable *ids; /* path → id + 1 */
  GPtrArray *paths;
  GArray *prefix;
  guint depth;
} InternState;

static gboolean
intern_prefix (const char *start, gsize len, gpointer user_data)
{
  InternState *state = user_data;
  gpointer found;
  int id;

  if (state->depth > 0)
    g_string_append_c (state->path, '/');
  g_string_append_len (state->path, start, len);
  found = g_hash_table_lookup (state->ids, state->path->str);
  if (found != NULL)
    id = GPOINTER_TO_INT (found) - 1;
  else
    {
      char *path = g_strdup (state->path->str);

      id = (int) state->paths->len;
      g_ptr_array_add (state->paths, path);
      g_hash_table_insert (state->ids, path, GINT_TO_POINTER (id + 1));
    }
  g_array_append_val (state->prefix, id);
  state->depth++;
  return state->depth < MAX_DEPTH;
}

MgTerritoryIndex *
mg_territory_index_new (MgMap *map)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen =
      g_hash_table_new (g_str_hash, g_str_equal); /* territory → actor + 1 */
  g_auto (GStrv) scales = NULL;
  GPtrArray *actors;
  MgTerritoryIndex *index;
  InternState state;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  scales = mg_map_dup_scales (map);
  actors = mg_map_get_actors (map);
  index = g_new0 (MgTerritoryIndex, 1);
  index->n_actors = actors->len;
  index->depth = g_new0 (guint8, MAX (actors->len, 1));
  index->scale = g_new0 (guint8, MAX (actors->len, 1));
  index->first = g_new0 (guint, MAX (actors->len, 1));
  index->paths = g_ptr_array_new_with_free_func (g_free);
  index->ids = ids;

  state.path = g_string_new (NULL);
  state.ids = ids;
  state.paths = index->paths;
  state.prefix = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint v = 0; v < actors->len; v++)
    {
      const MgActor *actor = g_ptr_array_index (actors, v);
      guint same;

      index->first[v] = state.prefix->len;
      if (actor->territory == NULL)
        continue;
      /* Many actors share a territory: split and look it up once. */
      same = GPOINTER_TO_UINT (g_hash_table_lookup (seen, actor->territory));
      if (same != 0)
        {
          guint u = same - 1;

          index->scale[v] = index->scale[u];
          index->depth[v] = index->depth[u];
          for (guint d = 0; d < index->depth[u]; d++)
            {
              int id = g_array_index (state.prefix, int, index->first[u] + d);

              g_array_append_val (state.prefix, id);
            }
          continue;
        }
      g_hash_table_insert (seen, actor->territory, GUINT_TO_POINTER (v + 1));
      if (mg_territory_is_scale (actor->territory, (const char *const *) scales))
        {
          index->scale[v] = TRUE;
          continue;
        }
      g_string_truncate (state.path, 0);
      state.depth = 0;
      foreach_segment (actor->territory, intern_prefix, &state);
      index->depth[v] = (guint8) state.depth;
    }
  g_string_free (state.path, TRUE);
  index->prefix = (int *) g_array_free (state.prefix, FALSE);
  return index;
}

void
mg_territory_index_free (MgTerritoryIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->depth);
  g_free (index->scale);
  g_free (index->first);
  g_free (index->prefix);
  g_hash_table_unref (index->ids);
  g_ptr_array_unref (index->paths);
  g_free (index);
}

guint
mg_territory_index_get_n_actors (const MgTerritoryIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->n_actors;
}

gboolean
mg_territory_index_is_local (const MgTerritoryIndex *index, guint actor)
{
  g_return_val_if_fail (index != NULL && actor < index->n_actors, FALSE);
  return index->depth[actor] > 0;
}

gboolean
mg_territory_index_is_scale (const MgTerritoryIndex *index, guint actor)
{
  g_return_val_if_fail (index != NULL && actor < index->n_actors, FALSE);
  return index->scale[actor];
}

guint
mg_territory_index_depth (const MgTerritoryIndex *index, guint actor)
{
  g_return_val_if_fail (index != NULL && actor < index->n_actors, 0);
  return index->depth[actor];
}

int
mg_territory_index_key (const MgTerritoryIndex *index, guint actor, guint level)
{
  guint depth;

  g_return_val_if_fail (index != NULL && actor < index->n_actors, -1);

  depth = index->depth[actor];
  if (depth == 0)
    return -1;
  if (level != 0 && level < depth)
    depth = level;
  return index->prefix[index->first[actor] + depth - 1];
}

MgTerritoryRelation
mg_territory_index_relate (const MgTerritoryIndex *index, guint a, guint b, guint level)
{
  guint depth;

  g_return_val_if_fail (index != NULL && a < index->n_actors && b < index->n_actors,
                        MG_TERRITORY_UNRELATED);

  depth = MIN (index->depth[a], index->depth[b]);
  if (depth == 0)
    return MG_TERRITORY_UNRELATED;
  if (level != 0 && level < depth)
    depth = level;
  return index->prefix[index->first[a] + depth - 1] == index->prefix[index->first[b] + depth - 1]
             ? MG_TERRITORY_SHARE
             : MG_TERRITORY_CROSS;
}

void
mg_territory_index_relate_pairs (const MgTerritoryIndex *index, guint n, const guint *a,
                                 const guint *b, guint level, guint8 *out)
{
  g_return_if_fail (index != NULL);
  g_return_if_fail (n == 0 || (a != NULL && b != NULL && out != NULL));

  for (guint i = 0; i < n; i++)
    {
      guint x = a[i], y = b[i], depth;

      g_assert (x < index->n_actors && y < index->n_actors);
      depth = MIN (index->depth[x], index->depth[y]);
      if (depth == 0)
        {
          out[i] = MG_TERRITORY_UNRELATED;
          continue;
        }
      if (level != 0 && level < depth)
        depth = level;
      out[i] = index->prefix[index->first[x] + depth - 1] == index->prefix[index->first[y] + depth - 1]
                 ? MG_TERRITORY_SHARE
                 : MG_TERRITORY_CROSS;
    }
}

const char *
mg_territory_index_key_path (const MgTerritoryIndex *index, int key)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (key >= 0 && (guint) key < index->paths->len, NULL);
  return g_ptr_array_index (index->paths, key);
}

guint
mg_territory_index_get_n_keys (const MgTerritoryIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->paths->len;
}

int
mg_territory_index_lookup (const MgTerritoryIndex *index, const char *path)
{
  gpointer found;

  g_return_val_if_fail (index != NULL, -1);

  if (path == NULL)
    return -1;
  found = g_hash_table_lookup (index->ids, path);
  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

/* ---- families ----------------------------------------------------------- */

static const struct {
  const char *id;
  const char *name;
  const char *roles[3];
} families[MG_N_FAMILIES] = {
  { "authorities", N_ ("Authorities"), { "local-authority", "public-agency", NULL } },
  { "industry", N_ ("Industry"), { "large-company", "sme", NULL } },
  { "startups", N_ ("Start-ups"), { "startup", NULL } },
  { "connectors", N_ ("Connectors"), { "connector", "financier", NULL } },
  { "real-estate", N_ ("Real estate"), { "real-estate", NULL } },
  { "education", N_ ("Education system"), { "education", NULL } },
  { "universities", N_ ("Universities"), { "university", "research-lab", NULL } },
};

MgFamily
mg_role_family (const char *role)
{
  if (role == NULL)
    return MG_FAMILY_NONE;
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    for (guint r = 0; families[f].roles[r] != NULL; r++)
      if (strcmp (role, families[f].roles[r]) == 0)
        return (MgFamily) f;
  return MG_FAMILY_NONE;
}

const char *
mg_family_id (MgFamily family)
{
  g_return_val_if_fail (family >= 0 && family < MG_N_FAMILIES, NULL);
  return families[family].id;
}

gboolean
mg_family_from_id (const char *id, MgFamily *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint f = 0; id != NULL && f < MG_N_FAMILIES; f++)
    if (strcmp (id, families[f].id) == 0)
      {
        *out = (MgFamily) f;
        return TRUE;
      }
  return FALSE;
}

const char *
mg_family_name (MgFamily family)
{
  g_return_val_if_fail (family >= 0 && family < MG_N_FAMILIES, NULL);
  return families[family].name;
}
