/* mg-graphml-reader-synonyms.c — several keys for one field.
 *
 * Binding gives each field one key (mg-graphml-reader-bind.c); the other
 * keys named like it (`type` and `category` beside `role`) stay plain
 * attributes, written back as they were.  At the end of the document, an
 * actor or relation that got no value from the bound key takes the first
 * non-empty value of the others, by the rank of their names; one warning
 * per field says when two of them disagree.  Separate `region`,
 * `department` and `city` keys are joined into the territory path: when
 * two or more of them exist, none of them is the territory key (its values
 * stay plain data, so that the file is written back with a territory key
 * of its own and reads back the same).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mg-graphml-reader-private.h"
#include "mg-sheet-private.h"

#define FIELD_BIT(f) (1u << (f))

typedef enum { PART_REGION, PART_DEPARTMENT, PART_CITY, N_PARTS } Part;

static int
part_of_name (const char *name)
{
  static const char *const names[N_PARTS][6] = {
    { "region", NULL },
    { "department", "departement", "dept", "dpt", NULL },
    { "city", "ville", "commune", "town", NULL },
  };
  g_autofree char *normal = mg_sheet_normalize (name);

  for (int p = 0; p < N_PARTS; p++)
    for (int i = 0; names[p][i] != NULL; i++)
      if (strcmp (normal, names[p][i]) == 0)
        return p;
  return -1;
}

static gboolean
covers (const MgKey *key, MgKeyDomain domain)
{
  return key->domain == domain || key->domain == MG_DOMAIN_ALL;
}

static const char *
plain_value (GPtrArray *data, const MgKey *key)
{
  for (guint i = 0; data != NULL && i < data->len; i++)
    {
      const MgData *d = g_ptr_array_index (data, i);

      if (d->key == key && !d->is_xml && d->value != NULL)
        {
          const char *v = d->value;

          while (g_ascii_isspace (*v))
            v++;
          return *v != '\0' ? d->value : NULL;
        }
    }
  return NULL;
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a));
  g_autofree char *y = g_strstrip (g_strdup (b));

  return strcmp (x, y) == 0;
}

/* ---- region / department / city ------------------------------------------------- */

/* Returns TRUE when two or more parts were found (then joined). */
static gboolean
join_territory_parts (MgReader *r)
{
  MgKey *parts[N_PARTS] = { NULL };
  GPtrArray *actors = mg_map_get_actors (r->map);
  MgKey *territory_key;
  guint n_parts = 0;
  gboolean warned = FALSE;

  for (guint k = 0; k < r->keys->len; k++)
    {
      MgKeyInfo *info = g_ptr_array_index (r->keys, k);
      int p;

      if (!info->bindable || info->key->name == NULL || !covers (info->key, MG_DOMAIN_NODE))
        continue;
      p = part_of_name (info->key->name);
      if (p >= 0 && parts[p] == NULL)
        {
          parts[p] = info->key;
          n_parts++;
        }
    }
  if (n_parts < 2)
    return FALSE;

  /* A part bound as the territory goes back to being a plain attribute. */
  territory_key = mg_map_find_field_key (r->map, MG_FIELD_TERRITORY, MG_DOMAIN_NODE);
  for (int p = 0; p < N_PARTS; p++)
    if (territory_key != NULL && parts[p] == territory_key)
      {
        for (guint i = 0; i < actors->len; i++)
          {
            MgActor *actor = g_ptr_array_index (actors, i);
            MgActorState *state = mg_reader_actor_state (r, actor);

            if (actor->territory != NULL)
              g_ptr_array_add (actor->data, mg_data_new (territory_key, actor->territory, FALSE));
            g_clear_pointer (&actor->territory, g_free);
            state->fields &= ~FIELD_BIT (MG_FIELD_TERRITORY);
          }
        territory_key->field = MG_FIELD_NONE;
      }

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      g_autoptr (GString) path = g_string_new (NULL);

      for (int p = 0; p < N_PARTS; p++)
        {
          const char *v = parts[p] != NULL ? plain_value (actor->data, parts[p]) : NULL;
          g_autofree char *trimmed = NULL;

          if (v == NULL)
            continue;
          trimmed = g_strstrip (g_strdup (v));
          if (path->len > 0)
            g_string_append_c (path, '/');
          g_string_append (path, trimmed);
        }
      if (path->len == 0)
        continue;
      if (actor->territory == NULL)
        {
          MgOwner owner = { MG_OWNER_NODE, actor, 0 };

          mg_reader_apply_field (r, &owner, MG_FIELD_TERRITORY, path->str);
        }
      else if (!warned && !same_text (actor->territory, path->str))
        {
          warned = TRUE;
          mg_reader_warn (r, mg_reader_actor_state (r, actor)->line,
                          _("node '%s': its territory '%s' and its region, department and city "
                            "'%s' disagree; the territory is used (here and for every node)"),
                          actor->id, actor->territory, path->str);
        }
    }
  return TRUE;
}

/* ---- one field, several keys --------------------------------------------------- */

static int
name_rank (const char *name, const char *const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return i;
  return -1;
}

static gint
compare_rank (gconstpointer a, gconstpointer b, gpointer names)
{
  int ra = name_rank ((*(MgKey *const *) a)->name, names);
  int rb = name_rank ((*(MgKey *const *) b)->name, names);

  return ra - rb;
}

static const char *
field_value (gpointer owner, gboolean edge, MgField field)
{
  MgActor *actor = owner;
  MgRelation *relation = owner;

  switch (field)
    {
    case MG_FIELD_LABEL: return actor->label;
    case MG_FIELD_ROLE: return actor->role;
    case MG_FIELD_TERRITORY: return actor->territory;
    case MG_FIELD_NOTES: return edge ? relation->notes : actor->notes;
    case MG_FIELD_KIND: return relation->kind;
    default: return NULL;
    }
}

static void
fill_field (MgReader *r, MgKeyDomain domain, MgField field, gboolean parts_joined)
{
  const char *const *names = mg_reader_field_synonyms (field, domain);
  gboolean edge = domain == MG_DOMAIN_EDGE;
  GPtrArray *owners = edge ? mg_map_get_relations (r->map) : mg_map_get_actors (r->map);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  MgKey *bound = mg_map_find_field_key (r->map, field, domain);
  gboolean warned = FALSE;

  if (names == NULL)
    return;
  for (guint k = 0; k < r->keys->len; k++)
    {
      MgKeyInfo *info = g_ptr_array_index (r->keys, k);
      MgKey *key = info->key;

      if (!info->bindable || key->name == NULL || key == bound || !covers (key, domain) ||
          mg_reader_field_for (key, domain) != MG_FIELD_NONE ||
          name_rank (key->name, names) < 0 ||
          (field == MG_FIELD_TERRITORY && parts_joined && part_of_name (key->name) >= 0))
        continue;
      g_ptr_array_add (keys, key);
    }
  if (keys->len == 0)
    return;
  g_ptr_array_sort_with_data (keys, compare_rank, (gpointer) names);

  for (guint i = 0; i < owners->len; i++)
    {
      gpointer owner = g_ptr_array_index (owners, i);
      GPtrArray *data = edge ? ((MgRelation *) owner)->data : ((MgActor *) owner)->data;

      for (guint k = 0; k < keys->len; k++)
        {
          MgKey *key = g_ptr_array_index (keys, k);
          const char *v = plain_value (data, key);
          const char *current;

          if (v == NULL)
            continue;
          current = field_value (owner, edge, field);
          if (current == NULL)
            {
              MgOwner o = { edge ? MG_OWNER_EDGE : MG_OWNER_NODE, owner, 0 };

              mg_reader_apply_field (r, &o, field, v);
            }
          else if (!warned && !same_text (current, v))
            {
              guint line = edge ? g_array_index (r->relation_lines, guint,
                                                 ((MgRelation *) owner)->index)
                                : mg_reader_actor_state (r, owner)->line;
              MgOwner o = { edge ? MG_OWNER_EDGE : MG_OWNER_NODE, owner, 0 };
              g_autofree char *who = mg_reader_describe_owner (r, &o);

              warned = TRUE;
              mg_reader_warn (r, line, _("%s: its %s '%s' and its '%s' value '%s' disagree; the "
                                         "first is used (here and wherever they differ)"),
                              who, mg_reader_field_name (field), current, key->name, v);
            }
        }
    }
}

void
mg_reader_apply_synonyms (MgReader *r)
{
  gboolean joined = join_territory_parts (r);

  fill_field (r, MG_DOMAIN_NODE, MG_FIELD_LABEL, joined);
  fill_field (r, MG_DOMAIN_NODE, MG_FIELD_ROLE, joined);
  fill_field (r, MG_DOMAIN_NODE, MG_FIELD_TERRITORY, joined);
  fill_field (r, MG_DOMAIN_NODE, MG_FIELD_NOTES, joined);
  fill_field (r, MG_DOMAIN_EDGE, MG_FIELD_KIND, joined);
  fill_field (r, MG_DOMAIN_EDGE, MG_FIELD_NOTES, joined);
}
