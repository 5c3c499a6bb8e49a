/* graphml-read-util.h — helpers shared by the GraphML reader tests.
 *
 * Header-only (static functions) so that each test program stays one file
 * in tests/meson.build.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "mg-graphml.h"
#include "mg-map.h"

G_GNUC_UNUSED static char *
mgr_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "graphml", name, NULL);
}

/* Reads a fixture that must load; returns the map and its warnings. */
G_GNUC_UNUSED static MgMap *
mgr_read_fixture (const char *name, GPtrArray **warnings_out)
{
  g_autofree char *path = mgr_fixture (name);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  MgMap *map = mg_graphml_read_file (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  if (warnings_out != NULL)
    *warnings_out = g_steal_pointer (&warnings);
  return map;
}

G_GNUC_UNUSED static MgMap *
mgr_read_string (const char *text, GPtrArray *warnings, GError **error)
{
  return mg_graphml_read_memory (text, strlen (text), "inline.graphml", warnings, error);
}

/* The first warning containing @needle, or NULL. */
G_GNUC_UNUSED static const char *
mgr_find_warning (GPtrArray *warnings, const char *needle)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), needle) != NULL)
      return g_ptr_array_index (warnings, i);
  return NULL;
}

G_GNUC_UNUSED static void
mgr_dump_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (warnings, i));
}

#define mgr_assert_warning(warnings, needle)                                   \
  G_STMT_START                                                                 \
  {                                                                            \
    if (mgr_find_warning ((warnings), (needle)) == NULL)                       \
      {                                                                        \
        mgr_dump_warnings (warnings);                                          \
        g_error ("no warning contains \"%s\"", (needle));                      \
      }                                                                        \
  }                                                                            \
  G_STMT_END

/* The MgData of @data whose key has id @key_id, or NULL. */
G_GNUC_UNUSED static MgData *
mgr_data (GPtrArray *data, const char *key_id)
{
  for (guint i = 0; data != NULL && i < data->len; i++)
    {
      MgData *d = g_ptr_array_index (data, i);

      if (d->key != NULL && g_strcmp0 (d->key->id, key_id) == 0)
        return d;
    }
  return NULL;
}

G_GNUC_UNUSED static const char *
mgr_value (GPtrArray *data, const char *key_id)
{
  MgData *d = mgr_data (data, key_id);

  return d != NULL ? d->value : NULL;
}

G_GNUC_UNUSED static MgActor *
mgr_actor (MgMap *map, const char *id)
{
  MgActor *actor = mg_map_lookup_actor (map, id);

  if (actor == NULL)
    g_error ("no actor '%s'", id);
  return actor;
}

G_GNUC_UNUSED static MgRelation *
mgr_relation (MgMap *map, const char *id)
{
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);

      if (g_strcmp0 (relation->id, id) == 0)
        return relation;
    }
  g_error ("no relation '%s'", id);
  return NULL;
}

G_GNUC_UNUSED static MgKey *
mgr_key (MgMap *map, const char *id, MgKeyDomain domain)
{
  GPtrArray *keys = mg_map_get_keys (map);

  for (guint i = 0; i < keys->len; i++)
    {
      MgKey *key = g_ptr_array_index (keys, i);

      if (strcmp (key->id, id) == 0 && key->domain == domain)
        return key;
    }
  g_error ("no key '%s' for %s", id, mg_key_domain_to_string (domain));
  return NULL;
}

/* ---- every string a map holds, to look for leaked secrets ------------- */

G_GNUC_UNUSED static void
mgr_collect (GString *all, const char *text)
{
  if (text != NULL)
    {
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
}

G_GNUC_UNUSED static void
mgr_collect_attrs (GString *all, GPtrArray *attrs)
{
  for (guint i = 0; attrs != NULL && i < attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (attrs, i);

      mgr_collect (all, attr->name);
      mgr_collect (all, attr->value);
    }
}

G_GNUC_UNUSED static void
mgr_collect_extra (GString *all, const MgXmlExtra *extra)
{
  mgr_collect_attrs (all, extra->attrs);
  mgr_collect (all, extra->desc);
  mgr_collect (all, extra->raw_children);
}

G_GNUC_UNUSED static void
mgr_collect_data (GString *all, GPtrArray *data)
{
  for (guint i = 0; data != NULL && i < data->len; i++)
    {
      MgData *d = g_ptr_array_index (data, i);

      mgr_collect (all, d->value);
      mgr_collect_attrs (all, d->attrs);
    }
}

G_GNUC_UNUSED static void
mgr_collect_graph (GString *all, const MgGraphInfo *graph)
{
  mgr_collect (all, graph->id);
  mgr_collect_data (all, graph->data);
  mgr_collect_extra (all, &graph->extra);
}

G_GNUC_UNUSED static char *
mgr_all_text (MgMap *map)
{
  GString *all = g_string_new (NULL);
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  GPtrArray *keys = mg_map_get_keys (map);
  GPtrArray *graphs = mg_map_get_graphs (map);

  mgr_collect (all, mg_map_get_title (map));
  mgr_collect (all, mg_map_get_description (map));
  mgr_collect_extra (all, mg_map_get_root_extra (map));
  mgr_collect_data (all, mg_map_get_document_data (map));
  for (guint i = 0; i < keys->len; i++)
    {
      MgKey *key = g_ptr_array_index (keys, i);

      mgr_collect (all, key->id);
      mgr_collect (all, key->name);
      mgr_collect (all, key->default_value);
      mgr_collect (all, key->default_raw);
      mgr_collect_extra (all, &key->extra);
    }
  for (guint i = 0; i < graphs->len; i++)
    mgr_collect_graph (all, g_ptr_array_index (graphs, i));
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      mgr_collect (all, a->id);
      mgr_collect (all, a->label);
      mgr_collect (all, a->role);
      mgr_collect (all, a->territory);
      mgr_collect (all, a->notes);
      mgr_collect_data (all, a->data);
      mgr_collect_extra (all, &a->extra);
      if (a->subgraph != NULL)
        mgr_collect_graph (all, a->subgraph);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      mgr_collect (all, r->id);
      mgr_collect (all, r->kind);
      mgr_collect (all, r->notes);
      mgr_collect_data (all, r->data);
      mgr_collect_extra (all, &r->extra);
    }
  return g_string_free (all, FALSE);
}
