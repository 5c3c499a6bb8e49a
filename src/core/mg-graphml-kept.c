/* mg-graphml-kept.c — texts as read, beside the map (mg-graphml-kept.h). */
#include "config.h"

#include "mg-graphml-kept.h"

#define KEPT_KEY "mg-graphml-kept-fields"

static void
kept_fields_free (gpointer data)
{
  MgKeptFields *kept = data;

  for (guint i = 0; i < MG_N_FIELDS; i++)
    g_free (kept->text[i]);
  g_free (kept->derived_notes);
  g_free (kept);
}

/* Keyed by the owner's address: an entry left by a removed actor can only
 * be used for a value equal to what it gives, so it never changes meaning. */
MgKeptFields *
mg_kept_fields_ensure (MgMap *map, gconstpointer owner)
{
  GHashTable *table = g_object_get_data (G_OBJECT (map), KEPT_KEY);
  MgKeptFields *kept;

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, kept_fields_free);
      g_object_set_data_full (G_OBJECT (map), KEPT_KEY, table,
                              (GDestroyNotify) g_hash_table_unref);
    }
  kept = g_hash_table_lookup (table, owner);
  if (kept == NULL)
    {
      kept = g_new0 (MgKeptFields, 1);
      g_hash_table_insert (table, (gpointer) owner, kept);
    }
  return kept;
}

const MgKeptFields *
mg_kept_fields_lookup (MgMap *map, gconstpointer owner)
{
  GHashTable *table = g_object_get_data (G_OBJECT (map), KEPT_KEY);

  return table != NULL ? g_hash_table_lookup (table, owner) : NULL;
}

char *
mg_kept_normalise (MgField field, const char *text)
{
  char *value;

  if (text == NULL)
    return NULL;
  value = g_strdup (text);
  if (field == MG_FIELD_ROLE || field == MG_FIELD_KIND)
    g_strstrip (value);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}
