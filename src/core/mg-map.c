/* mg-map.c — the map model and its change signals. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mg-map.h"

struct _MgMap {
  GObject parent_instance;

  MgVocabulary *vocab;
  char         *title;
  char         *description;

  GPtrArray    *actors;       /* MgActor*, owned */
  GHashTable   *actor_by_id;  /* borrowed id → MgActor* */
  GPtrArray    *relations;    /* MgRelation*, owned */

  GPtrArray    *keys;         /* MgKey*, owned */
  GPtrArray    *graphs;       /* MgGraphInfo*, owned */
  MgXmlExtra    root_extra;
  GPtrArray    *document_data; /* MgData*, owned */

  guint         next_actor_serial;
  guint         next_key_serial;

  guint         loading;       /* depth of mg_map_begin_load() */
  guint         load_n_actors, load_n_relations; /* counts when it began */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_N_ACTORS,
  PROP_N_RELATIONS,
  N_PROPS
};

enum {
  ACTOR_ADDED,
  ACTOR_REMOVED,
  ACTOR_CHANGED,
  RELATION_ADDED,
  RELATION_REMOVED,
  RELATION_CHANGED,
  METADATA_CHANGED,
  LAYOUT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgMap, mg_map, G_TYPE_OBJECT)

/* ---- plain struct helpers --------------------------------------------- */

MgXmlAttr *
mg_xml_attr_new (const char *name, const char *value)
{
  MgXmlAttr *attr = g_new (MgXmlAttr, 1);

  attr->name = g_strdup (name);
  attr->value = g_strdup (value ? value : "");
  return attr;
}

void
mg_xml_attr_free (MgXmlAttr *attr)
{
  if (attr == NULL)
    return;
  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

void
mg_xml_extra_clear (MgXmlExtra *extra)
{
  g_return_if_fail (extra != NULL);
  g_clear_pointer (&extra->attrs, g_ptr_array_unref);
  g_clear_pointer (&extra->desc, g_free);
  g_clear_pointer (&extra->raw_children, g_free);
}

void
mg_xml_extra_add_attr (MgXmlExtra *extra, const char *name, const char *value)
{
  g_return_if_fail (extra != NULL);
  g_return_if_fail (name != NULL);
  if (extra->attrs == NULL)
    extra->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_xml_attr_free);
  g_ptr_array_add (extra->attrs, mg_xml_attr_new (name, value));
}

void
mg_xml_extra_append_raw (MgXmlExtra *extra, const char *xml)
{
  char *joined;

  g_return_if_fail (extra != NULL);
  if (xml == NULL || *xml == '\0')
    return;
  if (extra->raw_children == NULL)
    {
      extra->raw_children = g_strdup (xml);
      return;
    }
  joined = g_strconcat (extra->raw_children, xml, NULL);
  g_free (extra->raw_children);
  extra->raw_children = joined;
}

MgKey *
mg_key_new (const char *id, MgKeyDomain domain, const char *name, MgValueType type)
{
  MgKey *key = g_new0 (MgKey, 1);

  key->id = g_strdup (id);
  key->domain = domain;
  key->name = g_strdup (name);
  key->type = type;
  key->typed = TRUE;
  return key;
}

void
mg_key_free (MgKey *key)
{
  if (key == NULL)
    return;
  g_free (key->id);
  g_free (key->name);
  g_free (key->default_value);
  g_free (key->default_raw);
  mg_xml_extra_clear (&key->extra);
  g_free (key);
}

MgData *
mg_data_new (MgKey *key, const char *value, gboolean is_xml)
{
  MgData *data = g_new0 (MgData, 1);

  data->key = key;
  data->value = g_strdup (value ? value : "");
  data->is_xml = is_xml;
  return data;
}

void
mg_data_free (MgData *data)
{
  if (data == NULL)
    return;
  g_free (data->value);
  g_clear_pointer (&data->attrs, g_ptr_array_unref);
  g_free (data);
}

MgGraphInfo *
mg_graph_info_new (void)
{
  MgGraphInfo *graph = g_new0 (MgGraphInfo, 1);

  graph->directed = TRUE;
  graph->data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
  return graph;
}

void
mg_graph_info_free (MgGraphInfo *graph)
{
  if (graph == NULL)
    return;
  g_free (graph->id);
  g_clear_pointer (&graph->data, g_ptr_array_unref);
  mg_xml_extra_clear (&graph->extra);
  g_free (graph);
}

static void
actor_free (MgActor *actor)
{
  g_free (actor->id);
  g_free (actor->label);
  g_free (actor->role);
  g_free (actor->territory);
  g_free (actor->notes);
  g_free (actor->provenance);
  g_clear_pointer (&actor->subgraph, mg_graph_info_free);
  g_clear_pointer (&actor->data, g_ptr_array_unref);
  mg_xml_extra_clear (&actor->extra);
  g_free (actor);
}

static void
relation_free (MgRelation *relation)
{
  g_free (relation->id);
  g_free (relation->kind);
  g_free (relation->notes);
  g_free (relation->provenance);
  g_free (relation->route);
  g_clear_pointer (&relation->data, g_ptr_array_unref);
  mg_xml_extra_clear (&relation->extra);
  g_free (relation);
}

/* ---- value types ------------------------------------------------------ */

static const char *value_type_names[] = {
  "string", "boolean", "int", "long", "float", "double",
};

static const char *domain_names[] = {
  "all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint",
};

const char *
mg_value_type_to_string (MgValueType type)
{
  g_return_val_if_fail (type <= MG_VALUE_DOUBLE, "string");
  return value_type_names[type];
}

gboolean
mg_value_type_from_string (const char *text, MgValueType *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (value_type_names); i++)
    if (g_ascii_strcasecmp (text, value_type_names[i]) == 0)
      {
        if (out)
          *out = (MgValueType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mg_key_domain_to_string (MgKeyDomain domain)
{
  g_return_val_if_fail (domain <= MG_DOMAIN_ENDPOINT, "all");
  return domain_names[domain];
}

gboolean
mg_key_domain_from_string (const char *text, MgKeyDomain *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (domain_names); i++)
    if (strcmp (text, domain_names[i]) == 0)
      {
        if (out)
          *out = (MgKeyDomain) i;
        return TRUE;
      }
  return FALSE;
}

/* Copies @text without leading and trailing XML white space into @buf (or
 * returns NULL when it does not fit). */
static const char *
trim_into (const char *text, char *buf, gsize size)
{
  const char *start = text;
  const char *end;
  gsize len;

  while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
    start++;
  end = start + strlen (start);
  while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
    end--;
  len = (gsize) (end - start);
  if (len >= size)
    return NULL;
  memcpy (buf, start, len);
  buf[len] = '\0';
  return buf;
}

gboolean
mg_parse_boolean (const char *text, gboolean *out)
{
  char buf[16];
  const char *t;

  if (text == NULL || (t = trim_into (text, buf, sizeof buf)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (t, "true") == 0 || strcmp (t, "1") == 0)
    {
      if (out)
        *out = TRUE;
      return TRUE;
    }
  if (g_ascii_strcasecmp (t, "false") == 0 || strcmp (t, "0") == 0)
    {
      if (out)
        *out = FALSE;
      return TRUE;
    }
  return FALSE;
}

gboolean
mg_parse_double (const char *text, double *out)
{
  char buf[128];
  const char *t;
  char *end = NULL;
  double value;

  if (text == NULL || (t = trim_into (text, buf, sizeof buf)) == NULL || *t == '\0')
    return FALSE;
  errno = 0;
  value = g_ascii_strtod (t, &end);
  if (end == t || *end != '\0' || !isfinite (value))
    return FALSE;
  if (out)
    *out = value;
  return TRUE;
}

static gboolean
parse_integer (const char *text, gint64 min, gint64 max)
{
  char buf[64];
  const char *t;
  char *end = NULL;
  gint64 value;

  if (text == NULL || (t = trim_into (text, buf, sizeof buf)) == NULL || *t == '\0')
    return FALSE;
  errno = 0;
  value = g_ascii_strtoll (t, &end, 10);
  if (end == t || *end != '\0' || errno == ERANGE)
    return FALSE;
  return value >= min && value <= max;
}

gboolean
mg_value_is_valid (MgValueType type, const char *text)
{
  char buf[128];
  const char *t;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  switch (type)
    {
    case MG_VALUE_STRING:
      return TRUE;
    case MG_VALUE_BOOLEAN:
      return mg_parse_boolean (text, NULL);
    case MG_VALUE_INT:
      return parse_integer (text, G_MININT32, G_MAXINT32);
    case MG_VALUE_LONG:
      return parse_integer (text, G_MININT64, G_MAXINT64);
    case MG_VALUE_FLOAT:
    case MG_VALUE_DOUBLE:
      if ((t = trim_into (text, buf, sizeof buf)) == NULL || *t == '\0')
        return FALSE;
      /* XSD spells the specials INF, -INF and NaN. */
      if (strcmp (t, "INF") == 0 || strcmp (t, "-INF") == 0 ||
          strcmp (t, "+INF") == 0 || strcmp (t, "NaN") == 0)
        return TRUE;
      if (g_ascii_strcasecmp (t, "inf") == 0 || g_ascii_strcasecmp (t, "nan") == 0 ||
          g_ascii_strncasecmp (t, "0x", 2) == 0)
        return FALSE;
      g_ascii_strtod (t, &end);
      return end != t && *end == '\0';
    default:
      return FALSE;
    }
}

char *
mg_format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup (isnan (value) ? "NaN" : (value > 0 ? "INF" : "-INF"));
  /* The shortest of 15, 16, 17 significant digits that reads back exactly,
   * so files stay readable and lose nothing. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/* ---- GObject ---------------------------------------------------------- */

static void
mg_map_finalize (GObject *object)
{
  MgMap *self = MG_MAP (object);

  g_ptr_array_unref (self->relations);
  g_hash_table_unref (self->actor_by_id);
  g_ptr_array_unref (self->actors);
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->graphs);
  g_ptr_array_unref (self->document_data);
  mg_xml_extra_clear (&self->root_extra);
  mg_vocabulary_free (self->vocab);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (mg_map_parent_class)->finalize (object);
}

static void
mg_map_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgMap *self = MG_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_N_ACTORS:
      g_value_set_uint (value, self->actors->len);
      break;
    case PROP_N_RELATIONS:
      g_value_set_uint (value, self->relations->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_map_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MgMap *self = MG_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      mg_map_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      mg_map_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_map_class_init (MgMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mg_map_finalize;
  object_class->get_property = mg_map_get_property;
  object_class->set_property = mg_map_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ACTORS] =
    g_param_spec_uint ("n-actors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RELATIONS] =
    g_param_spec_uint ("n-relations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTOR_ADDED] =
    g_signal_new ("actor-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[ACTOR_REMOVED] =
    g_signal_new ("actor-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[ACTOR_CHANGED] =
    g_signal_new ("actor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);
  signals[RELATION_ADDED] =
    g_signal_new ("relation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[RELATION_CHANGED] =
    g_signal_new ("relation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);
  signals[METADATA_CHANGED] =
    g_signal_new ("metadata-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mg_map_init (MgMap *self)
{
  self->vocab = mg_vocabulary_new ();
  self->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) actor_free);
  self->actor_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_key_free);
  self->graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_graph_info_free);
  self->document_data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
  self->next_actor_serial = 1;
  self->next_key_serial = 0;
}

MgMap *
mg_map_new (void)
{
  return g_object_new (MG_TYPE_MAP, NULL);
}

MgVocabulary *
mg_map_get_vocabulary (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->vocab;
}

/* Replaces *field by a copy of @value; TRUE when it changed.  Empty strings
 * are stored as NULL so "no value" has one spelling. */
static gboolean
replace_string (char **field, const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
mg_map_get_title (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->title;
}

void
mg_map_set_title (MgMap *map, const char *title)
{
  g_return_if_fail (MG_IS_MAP (map));
  if (!replace_string (&map->title, title))
    return;
  g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_TITLE]);
  g_signal_emit (map, signals[METADATA_CHANGED], 0);
}

const char *
mg_map_get_description (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->description;
}

void
mg_map_set_description (MgMap *map, const char *description)
{
  g_return_if_fail (MG_IS_MAP (map));
  if (!replace_string (&map->description, description))
    return;
  g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_DESCRIPTION]);
  g_signal_emit (map, signals[METADATA_CHANGED], 0);
}

/* ---- actors ----------------------------------------------------------- */

GPtrArray *
mg_map_get_actors (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->actors;
}

GPtrArray *
mg_map_get_relations (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->relations;
}

guint
mg_map_get_n_actors (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), 0);
  return map->actors->len;
}

guint
mg_map_get_n_relations (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), 0);
  return map->relations->len;
}

MgActor *
mg_map_lookup_actor (MgMap *map, const char *id)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (map->actor_by_id, id);
}

static void
ensure_graph (MgMap *map)
{
  if (map->graphs->len == 0)
    g_ptr_array_add (map->graphs, mg_graph_info_new ());
}

MgActor *
mg_map_add_actor (MgMap *map, const char *id)
{
  g_autofree char *fresh = NULL;
  MgActor *actor;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  if (id == NULL)
    {
      do
        {
          g_free (fresh);
          fresh = g_strdup_printf ("a%u", map->next_actor_serial++);
        }
      while (g_hash_table_contains (map->actor_by_id, fresh));
      id = fresh;
    }
  else if (g_hash_table_contains (map->actor_by_id, id))
    return NULL;

  ensure_graph (map);
  actor = g_new0 (MgActor, 1);
  actor->id = g_strdup (id);
  actor->data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
  actor->index = map->actors->len;
  g_ptr_array_add (map->actors, actor);
  g_hash_table_insert (map->actor_by_id, actor->id, actor);

  if (map->loading > 0)
    return actor;
  g_signal_emit (map, signals[ACTOR_ADDED], 0, actor);
  g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_N_ACTORS]);
  return actor;
}

static void
reindex_actors (MgMap *map, guint from)
{
  for (guint i = from; i < map->actors->len; i++)
    ((MgActor *) g_ptr_array_index (map->actors, i))->index = i;
}

static void
reindex_relations (MgMap *map, guint from)
{
  for (guint i = from; i < map->relations->len; i++)
    ((MgRelation *) g_ptr_array_index (map->relations, i))->index = i;
}

void
mg_map_remove_relation (MgMap *map, MgRelation *relation)
{
  guint index;

  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  index = relation->index;
  g_return_if_fail (index < map->relations->len &&
                    g_ptr_array_index (map->relations, index) == relation);

  g_signal_emit (map, signals[RELATION_REMOVED], 0, relation);
  g_ptr_array_remove_index (map->relations, index);
  reindex_relations (map, index);
  g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_N_RELATIONS]);
}

void
mg_map_remove_actor (MgMap *map, MgActor *actor)
{
  guint index;

  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  index = actor->index;
  g_return_if_fail (index < map->actors->len &&
                    g_ptr_array_index (map->actors, index) == actor);

  /* Relations first, from the end so indices stay cheap to fix. */
  for (guint i = map->relations->len; i > 0; i--)
    {
      MgRelation *relation = g_ptr_array_index (map->relations, i - 1);

      if (relation->source == actor || relation->target == actor)
        mg_map_remove_relation (map, relation);
      else if (relation->parent == actor)
        relation->parent = actor->parent;
    }
  for (guint i = 0; i < map->actors->len; i++)
    {
      MgActor *other = g_ptr_array_index (map->actors, i);

      if (other->parent == actor)
        other->parent = actor->parent;
    }

  g_signal_emit (map, signals[ACTOR_REMOVED], 0, actor);
  g_hash_table_remove (map->actor_by_id, actor->id);
  g_ptr_array_remove_index (map->actors, index);
  reindex_actors (map, index);
  g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_N_ACTORS]);
}

MgRelation *
mg_map_add_relation (MgMap *map, MgActor *source, MgActor *target,
                     const char *id, gboolean directed)
{
  MgRelation *relation;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  g_return_val_if_fail (source != NULL && target != NULL, NULL);

  ensure_graph (map);
  relation = g_new0 (MgRelation, 1);
  relation->id = g_strdup (id);
  relation->source = source;
  relation->target = target;
  relation->directed = directed;
  relation->directed_attr = -1;
  relation->data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
  relation->index = map->relations->len;
  g_ptr_array_add (map->relations, relation);

  if (map->loading > 0)
    return relation;
  g_signal_emit (map, signals[RELATION_ADDED], 0, relation);
  g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_N_RELATIONS]);
  return relation;
}

GPtrArray *
mg_map_get_actor_relations (MgMap *map, MgActor *actor)
{
  GPtrArray *result;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < map->relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (map->relations, i);

      if (relation->source == actor || relation->target == actor)
        g_ptr_array_add (result, relation);
    }
  return result;
}

static void
actor_changed (MgMap *map, MgActor *actor, MgChangeFlags flags)
{
  actor->edits |= flags;
  g_signal_emit (map, signals[ACTOR_CHANGED], 0, actor, (guint) flags);
}

static void
relation_changed (MgMap *map, MgRelation *relation, MgChangeFlags flags)
{
  relation->edits |= flags;
  g_signal_emit (map, signals[RELATION_CHANGED], 0, relation, (guint) flags);
}

#define ACTOR_STRING_SETTER(func, member, flag)                              \
  void                                                                       \
  func (MgMap *map, MgActor *actor, const char *value)                       \
  {                                                                          \
    g_return_if_fail (MG_IS_MAP (map));                                      \
    g_return_if_fail (actor != NULL);                                        \
    if (replace_string (&actor->member, value))                              \
      actor_changed (map, actor, flag);                                      \
  }

ACTOR_STRING_SETTER (mg_map_set_actor_label, label, MG_CHANGE_LABEL)
ACTOR_STRING_SETTER (mg_map_set_actor_territory, territory, MG_CHANGE_TERRITORY)
ACTOR_STRING_SETTER (mg_map_set_actor_notes, notes, MG_CHANGE_NOTES)
ACTOR_STRING_SETTER (mg_map_set_actor_provenance, provenance, MG_CHANGE_PROVENANCE)

void
mg_map_set_actor_role (MgMap *map, MgActor *actor, const char *role)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  if (!replace_string (&actor->role, role))
    return;
  /* Make sure an unknown role has its colour before anyone draws it. */
  if (actor->role != NULL)
    mg_vocabulary_ensure_role (map->vocab, actor->role);
  actor_changed (map, actor, MG_CHANGE_ROLE);
}

void
mg_map_set_actor_lessons (MgMap *map, MgActor *actor, MgLessonSet lessons)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  lessons &= MG_LESSON_SET_ALL;
  if (actor->lessons == lessons)
    return;
  actor->lessons = lessons;
  actor_changed (map, actor, MG_CHANGE_LESSONS);
}

void
mg_map_set_actor_position (MgMap *map, MgActor *actor, double x, double y)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (isfinite (x) && isfinite (y));
  if (actor->has_position && actor->x == x && actor->y == y)
    return;
  actor->x = x;
  actor->y = y;
  actor->has_position = TRUE;
  actor_changed (map, actor, MG_CHANGE_POSITION);
}

void
mg_map_set_actor_size (MgMap *map, MgActor *actor, double width, double height)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (width >= 0 && height >= 0);
  if (actor->width == width && actor->height == height)
    return;
  actor->width = width;
  actor->height = height;
  actor_changed (map, actor, MG_CHANGE_SIZE);
}

void
mg_map_set_actor_pinned (MgMap *map, MgActor *actor, gboolean pinned)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  pinned = !!pinned;
  if (actor->pinned == pinned)
    return;
  actor->pinned = pinned;
  actor_changed (map, actor, MG_CHANGE_PINNED);
}

const char *
mg_actor_get_display_label (const MgActor *actor)
{
  g_return_val_if_fail (actor != NULL, NULL);
  return actor->label != NULL ? actor->label : actor->id;
}

static gboolean
key_has_name (const MgKey *key, const char *name)
{
  return g_strcmp0 (key->name != NULL ? key->name : key->id, name) == 0;
}

static MgData *
find_data (GPtrArray *data, const char *name, guint *index_out)
{
  for (guint i = 0; i < data->len; i++)
    {
      MgData *d = g_ptr_array_index (data, i);

      if (key_has_name (d->key, name))
        {
          if (index_out)
            *index_out = i;
          return d;
        }
    }
  return NULL;
}

static gboolean
domain_covers (MgKeyDomain key_domain, MgKeyDomain wanted)
{
  return key_domain == wanted || key_domain == MG_DOMAIN_ALL;
}

/* Sets or removes a plain attribute in @data; creates a string key of
 * @domain when none of that name exists.  TRUE when something changed. */
static gboolean
set_plain_attribute (MgMap *map, GPtrArray *data, MgKeyDomain domain,
                     const char *name, const char *value)
{
  guint index;
  MgData *d = find_data (data, name, &index);
  MgKey *key;

  if (value == NULL)
    {
      if (d == NULL)
        return FALSE;
      g_ptr_array_remove_index (data, index);
      return TRUE;
    }
  if (d != NULL)
    {
      if (!d->is_xml && g_strcmp0 (d->value, value) == 0)
        return FALSE;
      g_free (d->value);
      d->value = g_strdup (value);
      d->is_xml = FALSE;
      return TRUE;
    }

  key = NULL;
  for (guint i = 0; i < map->keys->len; i++)
    {
      MgKey *k = g_ptr_array_index (map->keys, i);

      if (k->field == MG_FIELD_NONE && domain_covers (k->domain, domain) && key_has_name (k, name))
        {
          key = k;
          break;
        }
    }
  if (key == NULL)
    {
      g_autofree char *id = mg_map_make_key_id (map);

      key = mg_key_new (id, domain, name, MG_VALUE_STRING);
      mg_map_add_key (map, key);
    }
  g_ptr_array_add (data, mg_data_new (key, value, FALSE));
  return TRUE;
}

void
mg_map_set_actor_attribute (MgMap *map, MgActor *actor, const char *name, const char *value)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (name != NULL);
  if (set_plain_attribute (map, actor->data, MG_DOMAIN_NODE, name, value))
    actor_changed (map, actor, MG_CHANGE_ATTRIBUTE);
}

const char *
mg_actor_get_attribute (MgActor *actor, const char *name)
{
  MgData *d;

  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  d = find_data (actor->data, name, NULL);
  return d != NULL ? d->value : NULL;
}

/* ---- relations -------------------------------------------------------- */

void
mg_map_set_relation_kind (MgMap *map, MgRelation *relation, const char *kind)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  if (!replace_string (&relation->kind, kind))
    return;
  if (relation->kind != NULL)
    mg_vocabulary_ensure_kind (map->vocab, relation->kind);
  relation_changed (map, relation, MG_CHANGE_KIND);
}

void
mg_map_set_relation_lessons (MgMap *map, MgRelation *relation, MgLessonSet lessons)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  lessons &= MG_LESSON_SET_ALL;
  if (relation->lessons == lessons)
    return;
  relation->lessons = lessons;
  relation_changed (map, relation, MG_CHANGE_LESSONS);
}

void
mg_map_set_relation_notes (MgMap *map, MgRelation *relation, const char *notes)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  if (replace_string (&relation->notes, notes))
    relation_changed (map, relation, MG_CHANGE_NOTES);
}

void
mg_map_set_relation_provenance (MgMap *map, MgRelation *relation, const char *provenance)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  if (replace_string (&relation->provenance, provenance))
    relation_changed (map, relation, MG_CHANGE_PROVENANCE);
}

void
mg_map_set_relation_weight (MgMap *map, MgRelation *relation, gboolean has_weight, double weight)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  g_return_if_fail (!has_weight || isfinite (weight));
  has_weight = !!has_weight;
  if (!has_weight)
    weight = 0;
  if (relation->has_weight == has_weight && relation->weight == weight)
    return;
  relation->has_weight = has_weight;
  relation->weight = weight;
  relation_changed (map, relation, MG_CHANGE_WEIGHT);
}

void
mg_map_set_relation_route (MgMap *map, MgRelation *relation, const double *points, guint n_points)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  g_return_if_fail (n_points == 0 || points != NULL);

  g_clear_pointer (&relation->route, g_free);
  relation->n_route_points = 0;
  if (n_points > 0)
    {
      relation->route = g_memdup2 (points, sizeof (double) * 2 * n_points);
      relation->n_route_points = n_points;
    }
  relation_changed (map, relation, MG_CHANGE_ROUTE);
}

void
mg_map_set_relation_attribute (MgMap *map, MgRelation *relation, const char *name, const char *value)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (relation != NULL);
  g_return_if_fail (name != NULL);
  if (set_plain_attribute (map, relation->data, MG_DOMAIN_EDGE, name, value))
    relation_changed (map, relation, MG_CHANGE_ATTRIBUTE);
}

const char *
mg_relation_get_attribute (MgRelation *relation, const char *name)
{
  MgData *d;

  g_return_val_if_fail (relation != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  d = find_data (relation->data, name, NULL);
  return d != NULL ? d->value : NULL;
}

void
mg_map_apply_positions (MgMap *map, const double *positions, const gboolean *mask)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (positions != NULL || map->actors->len == 0);

  for (guint i = 0; i < map->actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (map->actors, i);
      double x = positions[2 * i], y = positions[2 * i + 1];

      if ((mask != NULL && !mask[i]) || !isfinite (x) || !isfinite (y))
        continue;
      if (!actor->has_position || actor->x != x || actor->y != y)
        actor->edits |= MG_CHANGE_POSITION;
      actor->x = x;
      actor->y = y;
      actor->has_position = TRUE;
    }
  g_signal_emit (map, signals[LAYOUT_CHANGED], 0);
}

void
mg_map_begin_load (MgMap *map)
{
  g_return_if_fail (MG_IS_MAP (map));
  if (map->loading++ > 0)
    return;
  map->load_n_actors = map->actors->len;
  map->load_n_relations = map->relations->len;
}

void
mg_map_end_load (MgMap *map)
{
  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (map->loading > 0);
  if (--map->loading > 0)
    return;
  if (map->actors->len != map->load_n_actors)
    g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_N_ACTORS]);
  if (map->relations->len != map->load_n_relations)
    g_object_notify_by_pspec (G_OBJECT (map), properties[PROP_N_RELATIONS]);
}

gboolean
mg_map_has_positions (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  for (guint i = 0; i < map->actors->len; i++)
    if (!((MgActor *) g_ptr_array_index (map->actors, i))->has_position)
      return FALSE;
  return TRUE;
}

/* ---- keys and document ------------------------------------------------ */

GPtrArray *
mg_map_get_keys (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->keys;
}

MgKey *
mg_map_lookup_key (MgMap *map, const char *id)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < map->keys->len; i++)
    {
      MgKey *key = g_ptr_array_index (map->keys, i);

      if (strcmp (key->id, id) == 0)
        return key;
    }
  return NULL;
}

MgKey *
mg_map_find_field_key (MgMap *map, MgField field, MgKeyDomain domain)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  g_return_val_if_fail (field != MG_FIELD_NONE, NULL);

  for (guint i = 0; i < map->keys->len; i++)
    {
      MgKey *key = g_ptr_array_index (map->keys, i);

      if (key->domain == domain && key->field == field)
        return key;
    }
  for (guint i = 0; i < map->keys->len; i++)
    {
      MgKey *key = g_ptr_array_index (map->keys, i);

      if (key->domain != MG_DOMAIN_ALL)
        continue;
      if ((domain == MG_DOMAIN_EDGE ? key->edge_field : key->field) == field)
        return key;
    }
  return NULL;
}

MgKey *
mg_map_find_key_by_name (MgMap *map, const char *name, MgKeyDomain domain)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < map->keys->len; i++)
    {
      MgKey *key = g_ptr_array_index (map->keys, i);

      if (domain_covers (key->domain, domain) && g_strcmp0 (key->name, name) == 0)
        return key;
    }
  return NULL;
}

gboolean
mg_map_add_key (MgMap *map, MgKey *key)
{
  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  g_return_val_if_fail (key != NULL && key->id != NULL, FALSE);

  for (guint i = 0; i < map->keys->len; i++)
    {
      MgKey *other = g_ptr_array_index (map->keys, i);

      if (strcmp (other->id, key->id) == 0 &&
          (other->domain == key->domain || other->domain == MG_DOMAIN_ALL ||
           key->domain == MG_DOMAIN_ALL))
        return FALSE;
    }
  g_ptr_array_add (map->keys, key);
  return TRUE;
}

char *
mg_map_make_key_id (MgMap *map)
{
  char *id = NULL;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  do
    {
      g_free (id);
      id = g_strdup_printf ("d%u", map->next_key_serial++);
    }
  while (mg_map_lookup_key (map, id) != NULL);
  return id;
}

GPtrArray *
mg_map_get_graphs (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->graphs;
}

MgGraphInfo *
mg_map_add_graph (MgMap *map)
{
  MgGraphInfo *graph;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  graph = mg_graph_info_new ();
  g_ptr_array_add (map->graphs, graph);
  return graph;
}

static MgData *
find_graph_setting (MgMap *map, const char *key_name, MgGraphInfo **graph_out, MgKey **key_out)
{
  MgKey *key = mg_map_find_key_by_name (map, key_name, MG_DOMAIN_GRAPH);
  MgGraphInfo *graph = map->graphs->len > 0 ? g_ptr_array_index (map->graphs, 0) : NULL;

  *graph_out = graph;
  *key_out = key;
  if (graph == NULL || key == NULL || graph->data == NULL)
    return NULL;
  for (guint i = 0; i < graph->data->len; i++)
    {
      MgData *data = g_ptr_array_index (graph->data, i);

      if (data->key == key)
        return data;
    }
  return NULL;
}

const char *
mg_map_get_graph_setting (MgMap *map, const char *key_name)
{
  MgGraphInfo *graph;
  MgKey *key;
  MgData *data;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  g_return_val_if_fail (key_name != NULL, NULL);

  data = find_graph_setting (map, key_name, &graph, &key);
  if (data != NULL)
    return data->is_xml ? NULL : data->value;
  return key != NULL ? key->default_value : NULL;
}

void
mg_map_set_graph_setting (MgMap *map, const char *key_name, const char *value)
{
  MgGraphInfo *graph;
  MgKey *key;
  MgData *data;

  g_return_if_fail (MG_IS_MAP (map));
  g_return_if_fail (key_name != NULL);

  data = find_graph_setting (map, key_name, &graph, &key);
  if (value == NULL)
    {
      if (data != NULL)
        g_ptr_array_remove (graph->data, data);
      return;
    }
  if (data != NULL)
    {
      g_free (data->value);
      data->value = g_strdup (value);
      data->is_xml = FALSE;
      return;
    }
  if (graph == NULL)
    graph = mg_map_add_graph (map);
  if (graph->data == NULL)
    graph->data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
  if (key == NULL)
    {
      g_autofree char *id = mg_map_make_key_id (map);

      key = mg_key_new (id, MG_DOMAIN_GRAPH, key_name, MG_VALUE_STRING);
      if (!mg_map_add_key (map, key))
        {
          /* mg_map_make_key_id() gives an unused id, so this cannot
           * happen; do not leak if it does. */
          mg_key_free (key);
          g_return_if_reached ();
        }
    }
  g_ptr_array_add (graph->data, mg_data_new (key, value, FALSE));
}

MgXmlExtra *
mg_map_get_root_extra (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return &map->root_extra;
}

GPtrArray *
mg_map_get_document_data (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  return map->document_data;
}
