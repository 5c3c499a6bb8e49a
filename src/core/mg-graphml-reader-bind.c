/* mg-graphml-reader-bind.c — which GraphML key feeds which Maillage field,
 * and values applied to fields.
 *
 * A key is bound by its attr.name, compared without case, against the
 * names below: the first name of each list is the exact one and wins over
 * the synonyms after it (then a key declared for that very domain wins over
 * a for="all" one, then file order).  Only one key per field and domain is
 * bound; the others stay plain attributes.  Keys of yEd / yFiles
 * (yfiles.type, y:attr.uri) are never bound.  A for="all" key is bound on
 * nodes first (its `field`), then on graphs if still free, and separately
 * on edges (its `edge_field`).
 *
 * A value a field cannot take (a weight that is not a number, unknown
 * lessons, markup) stays a plain attribute, with a warning.  Bound values
 * that are empty are stored as "no value".  The map is not visible to
 * anyone while it is read, so actor and relation fields are set directly
 * rather than through the mg_map_set_* functions (nobody can listen to
 * their signals yet, and a large map loads much faster); the setters' rules
 * are kept: empty text is "no value", a role or kind met gets its
 * vocabulary entry.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>


#include "mg-graphml-kept.h"
#include "mg-graphml-reader-private.h"

typedef struct {
  MgField            field;
  const char *const *names;
} FieldNames;

static const char *const label_names[] = { "label", "name", "title", NULL };
static const char *const role_names[] = { "role", "type", "category", "kind", NULL };
static const char *const territory_names[] = { "territory", "region", "location", "city",
                                               "place", NULL };
static const char *const lessons_names[] = { "lessons", "lesson", NULL };
static const char *const notes_names[] = { "notes", "note", "description", "comment", NULL };
static const char *const x_names[] = { "x", NULL };
static const char *const y_names[] = { "y", NULL };
static const char *const pinned_names[] = { "pinned", NULL };
static const char *const width_names[] = { "width", NULL };
static const char *const height_names[] = { "height", NULL };
static const char *const kind_names[] = { "kind", "type", "label", "relation", "edge label",
                                          NULL };
static const char *const weight_names[] = { "weight", NULL };
static const char *const route_names[] = { "maillage.route", NULL };
static const char *const title_names[] = { "title", "name", "label", NULL };
static const char *const description_names[] = { "description", "desc", NULL };
static const char *const provenance_names[] = { "provenance", NULL };

static const FieldNames node_fields[] = {
  { MG_FIELD_LABEL, label_names },
  { MG_FIELD_ROLE, role_names },
  { MG_FIELD_TERRITORY, territory_names },
  { MG_FIELD_LESSONS, lessons_names },
  { MG_FIELD_NOTES, notes_names },
  { MG_FIELD_X, x_names },
  { MG_FIELD_Y, y_names },
  { MG_FIELD_PINNED, pinned_names },
  { MG_FIELD_WIDTH, width_names },
  { MG_FIELD_HEIGHT, height_names },
  { MG_FIELD_PROVENANCE, provenance_names },
};

static const FieldNames edge_fields[] = {
  { MG_FIELD_KIND, kind_names },
  { MG_FIELD_WEIGHT, weight_names },
  { MG_FIELD_LESSONS, lessons_names },
  { MG_FIELD_NOTES, notes_names },
  { MG_FIELD_PROVENANCE, provenance_names },
  { MG_FIELD_ROUTE, route_names },
};

static const FieldNames graph_fields[] = {
  { MG_FIELD_TITLE, title_names },
  { MG_FIELD_DESCRIPTION, description_names },
};

static const char *const field_names[MG_N_FIELDS] = {
  "", "label", "role", "territory", "lessons", "notes", "x", "y", "pinned",
  "kind", "weight", "title", "description", "width", "height", "provenance", "maillage.route",
};

#define FIELD_BIT(f) (1u << (f))

const char *const *
mg_reader_field_synonyms (MgField field, MgKeyDomain domain)
{
  const FieldNames *fields = domain == MG_DOMAIN_EDGE ? edge_fields : node_fields;
  guint n = domain == MG_DOMAIN_EDGE ? G_N_ELEMENTS (edge_fields) : G_N_ELEMENTS (node_fields);

  for (guint f = 0; f < n; f++)
    if (fields[f].field == field)
      return fields[f].names;
  return NULL;
}

/* ---- binding --------------------------------------------------------- */

const char *
mg_reader_field_name (MgField field)
{
  return field < MG_N_FIELDS ? field_names[field] : "";
}

static int
name_rank (const char *name, const char *const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return i;
  return -1;
}

static gboolean
matches_a_field (const char *name, const FieldNames *fields, guint n_fields)
{
  for (guint f = 0; f < n_fields; f++)
    if (name_rank (name, fields[f].names) >= 0)
      return TRUE;
  return FALSE;
}

/* The slot a key's binding for @domain is stored in. */
static MgField *
field_slot (MgKey *key, MgKeyDomain domain)
{
  return key->domain == MG_DOMAIN_ALL && domain == MG_DOMAIN_EDGE ? &key->edge_field
                                                                  : &key->field;
}

static void
bind_domain (MgReader *r, MgKeyDomain domain, const FieldNames *fields, guint n_fields)
{
  for (guint f = 0; f < n_fields; f++)
    {
      MgKey *best = NULL;
      int best_score = G_MAXINT;

      for (guint i = 0; i < r->keys->len; i++)
        {
          MgKeyInfo *info = g_ptr_array_index (r->keys, i);
          MgKey *key = info->key;
          int rank, score;

          if (!info->bindable || key->name == NULL ||
              (key->domain != domain && key->domain != MG_DOMAIN_ALL) ||
              *field_slot (key, domain) != MG_FIELD_NONE)
            continue;
          rank = name_rank (key->name, fields[f].names);
          if (rank < 0)
            continue;
          score = rank * 2 + (key->domain == MG_DOMAIN_ALL ? 1 : 0);
          if (score < best_score)
            {
              best = key;
              best_score = score;
            }
        }
      if (best != NULL)
        *field_slot (best, domain) = fields[f].field;
    }
}

gboolean
mg_reader_update_binding (MgReader *r)
{
  if (r->binding_done && !r->binding_dirty)
    return TRUE;

  for (guint i = 0; i < r->keys->len; i++)
    {
      MgKey *key = ((MgKeyInfo *) g_ptr_array_index (r->keys, i))->key;

      key->field = key->edge_field = MG_FIELD_NONE;
    }
  /* Nodes first: a for="all" key bound there is not bound on graphs. */
  bind_domain (r, MG_DOMAIN_NODE, node_fields, G_N_ELEMENTS (node_fields));
  bind_domain (r, MG_DOMAIN_GRAPH, graph_fields, G_N_ELEMENTS (graph_fields));
  bind_domain (r, MG_DOMAIN_EDGE, edge_fields, G_N_ELEMENTS (edge_fields));
  r->binding_done = TRUE;
  r->binding_dirty = FALSE;

  for (guint i = 0; i < r->keys->len; i++)
    {
      MgKeyInfo *info = g_ptr_array_index (r->keys, i);

      if (info->used && (info->key->field != info->used_field ||
                         info->key->edge_field != info->used_edge_field))
        {
          r->restart = TRUE;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_graph_field (MgField field)
{
  return field == MG_FIELD_TITLE || field == MG_FIELD_DESCRIPTION;
}

MgField
mg_reader_field_for (const MgKey *key, MgKeyDomain domain)
{
  if (key->domain == domain)
    return key->field;
  if (key->domain != MG_DOMAIN_ALL)
    return MG_FIELD_NONE;
  switch (domain)
    {
    case MG_DOMAIN_EDGE:
      return key->edge_field;
    case MG_DOMAIN_NODE:
      return is_graph_field (key->field) ? MG_FIELD_NONE : key->field;
    case MG_DOMAIN_GRAPH:
      return is_graph_field (key->field) ? key->field : MG_FIELD_NONE;
    default:
      return MG_FIELD_NONE;
    }
}

MgField
mg_reader_owner_field (MgReader *r, const MgKey *key, const MgOwner *owner)
{
  switch (owner->kind)
    {
    case MG_OWNER_NODE:
      return mg_reader_field_for (key, MG_DOMAIN_NODE);
    case MG_OWNER_EDGE:
      return mg_reader_field_for (key, MG_DOMAIN_EDGE);
    case MG_OWNER_GRAPH:
      /* Only the first top-level graph gives the map its title. */
      if (owner->owner != g_ptr_array_index (mg_map_get_graphs (r->map), 0))
        return MG_FIELD_NONE;
      return mg_reader_field_for (key, MG_DOMAIN_GRAPH);
    default:
      return MG_FIELD_NONE;
    }
}

/* ---- keys ------------------------------------------------------------- */

MgKeyInfo *
mg_reader_add_key_info (MgReader *r, MgKey *key, gboolean bindable, guint line)
{
  MgKeyInfo *info = g_new0 (MgKeyInfo, 1);
  MgKeyInfo *first;

  info->key = key;
  info->id = key->id;
  info->bindable = bindable;
  info->line = line;
  g_ptr_array_add (r->keys, info);

  first = g_hash_table_lookup (r->key_by_id, info->id);
  if (first == NULL)
    g_hash_table_insert (r->key_by_id, (gpointer) info->id, info);
  else
    {
      while (first->next != NULL)
        first = first->next;
      first->next = info;
    }

  /* Only a key that could be bound can change the binding. */
  if (bindable && key->name != NULL &&
      (matches_a_field (key->name, node_fields, G_N_ELEMENTS (node_fields)) ||
       matches_a_field (key->name, edge_fields, G_N_ELEMENTS (edge_fields)) ||
       matches_a_field (key->name, graph_fields, G_N_ELEMENTS (graph_fields))))
    r->binding_dirty = TRUE;
  return info;
}

MgKeyInfo *
mg_reader_lookup_key (MgReader *r, const char *key_id, MgKeyDomain domain)
{
  MgKeyInfo *all = NULL;

  for (MgKeyInfo *info = g_hash_table_lookup (r->key_by_id, key_id); info != NULL;
       info = info->next)
    {
      if (info->key->domain == domain)
        return info;
      if (info->key->domain == MG_DOMAIN_ALL && all == NULL)
        all = info;
    }
  return all;
}

MgKeyDomain
mg_reader_owner_domain (MgOwnerKind kind)
{
  switch (kind)
    {
    case MG_OWNER_DOCUMENT: return MG_DOMAIN_GRAPHML;
    case MG_OWNER_GRAPH: return MG_DOMAIN_GRAPH;
    case MG_OWNER_NODE: return MG_DOMAIN_NODE;
    case MG_OWNER_EDGE:
    case MG_OWNER_PENDING_EDGE: return MG_DOMAIN_EDGE;
    default: g_assert_not_reached ();
    }
}

/* ---- messages --------------------------------------------------------- */

const char *
mg_reader_key_label (const MgKey *key)
{
  return key->name != NULL ? key->name : key->id;
}

char *
mg_reader_short_value (const char *value)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (value, 41) <= 40)
    return g_strdup (value);
  start = g_utf8_substring (value, 0, 37);
  return g_strconcat (start, "…", NULL);
}

char *
mg_reader_describe_owner (MgReader *r, const MgOwner *owner)
{
  switch (owner->kind)
    {
    case MG_OWNER_DOCUMENT:
      return g_strdup ("<graphml>");
    case MG_OWNER_GRAPH:
      {
        const MgGraphInfo *graph = owner->owner;

        return graph->id != NULL ? g_strdup_printf (_("graph '%s'"), graph->id)
                                 : g_strdup (_("graph"));
      }
    case MG_OWNER_NODE:
      return g_strdup_printf (_("node '%s'"), ((const MgActor *) owner->owner)->id);
    case MG_OWNER_EDGE:
      {
        const MgRelation *relation = owner->owner;

        if (relation->id != NULL)
          return g_strdup_printf (_("edge '%s'"), relation->id);
        return g_strdup_printf (_("edge from '%s' to '%s'"), relation->source->id,
                                relation->target->id);
      }
    case MG_OWNER_PENDING_EDGE:
      {
        const MgPendingEdge *edge = mg_reader_edge (r, owner->edge);

        if (edge->id != NULL)
          return g_strdup_printf (_("edge '%s'"), edge->id);
        return g_strdup_printf (_("edge from '%s' to '%s'"),
                                edge->source_id ? edge->source_id : "",
                                edge->target_id ? edge->target_id : "");
      }
    default:
      g_assert_not_reached ();
    }
}

void
mg_reader_check_type (MgReader *r, const MgKey *key, const char *value, gboolean is_xml,
                      const MgOwner *owner, guint line)
{
  g_autofree char *who = NULL;
  g_autofree char *shown = NULL;

  if (!key->typed || is_xml || key->type == MG_VALUE_STRING ||
      mg_value_is_valid (key->type, value))
    return;
  who = mg_reader_describe_owner (r, owner);
  shown = mg_reader_short_value (value);
  mg_reader_warn (r, line, _("%s: value '%s' is not a valid %s for key '%s'"), who, shown,
                  mg_value_type_to_string (key->type), mg_reader_key_label (key));
}

void
mg_reader_warn_unreadable (MgReader *r, guint line, const MgOwner *owner,
                           const MgData *data, MgField field)
{
  g_autofree char *who = mg_reader_describe_owner (r, owner);
  g_autofree char *value = data->is_xml ? NULL : mg_reader_short_value (data->value);

  mg_reader_warn (r, line, _("%s: %s cannot be read as its %s; it is kept as a plain "
                             "attribute of key '%s'"), who,
                  data->is_xml ? "a value holding markup" : value, field_names[field],
                  mg_reader_key_label (data->key));
}

/* ---- values ----------------------------------------------------------- */

static void
set_text (char **field, const char *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
set_id (char **field, const char *value)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (value));
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

static gboolean
parse_lessons (const char *text, MgLessonSet *out)
{
  g_autoptr(GPtrArray) unknown = NULL;
  MgLesson lesson;

  /* Most values are one lesson id: skip the splitting then. */
  if (mg_lesson_from_id (text, &lesson))
    {
      *out = MG_LESSON_BIT (lesson);
      return TRUE;
    }
  unknown = g_ptr_array_new_with_free_func (g_free);
  *out = mg_lesson_set_parse (text, unknown);
  return unknown->len == 0;
}

static gboolean
apply_actor_field (MgReader *r, MgActor *actor, MgField field, const char *text)
{
  MgActorState *state = mg_reader_actor_state (r, actor);
  MgLessonSet lessons;
  gboolean pinned;
  double number;

  switch (field)
    {
    case MG_FIELD_LABEL:
      set_text (&actor->label, text);
      break;
    case MG_FIELD_ROLE:
      set_id (&actor->role, text);
      if (actor->role != NULL)
        mg_vocabulary_ensure_role (mg_map_get_vocabulary (r->map), actor->role);
      break;
    case MG_FIELD_TERRITORY:
      set_text (&actor->territory, text);
      break;
    case MG_FIELD_LESSONS:
      if (!parse_lessons (text, &lessons))
        return FALSE;
      actor->lessons = lessons & MG_LESSON_SET_ALL;
      break;
    case MG_FIELD_NOTES:
      set_text (&actor->notes, text);
      break;
    case MG_FIELD_PROVENANCE:
      set_text (&actor->provenance, text);
      break;
    case MG_FIELD_X:
    case MG_FIELD_Y:
      if (!mg_parse_double (text, &number))
        return FALSE;
      if (field == MG_FIELD_X)
        {
          state->x = number;
          state->has_x = TRUE;
        }
      else
        {
          state->y = number;
          state->has_y = TRUE;
        }
      break;
    case MG_FIELD_PINNED:
      if (!mg_parse_boolean (text, &pinned))
        return FALSE;
      actor->pinned = pinned;
      break;
    case MG_FIELD_WIDTH:
    case MG_FIELD_HEIGHT:
      if (!mg_parse_double (text, &number) || number < 0)
        return FALSE;
      if (field == MG_FIELD_WIDTH)
        actor->width = number;
      else
        actor->height = number;
      break;
    default:
      return FALSE;
    }
  state->fields |= FIELD_BIT (field);
  return TRUE;
}

/* "x,y x,y …" with '.' decimals: the cubic Bézier control points of a
 * route (3n+1 of them); FALSE for anything else. */
static gboolean
parse_route (const char *text, double **points, guint *n_points)
{
  g_auto (GStrv) pairs = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *comma;
      double x, y;

      if (pairs[i][0] == '\0')
        continue;
      comma = strchr (pairs[i], ',');
      if (comma == NULL)
        return FALSE;
      *comma = '\0';
      if (!mg_parse_double (pairs[i], &x))
        return FALSE;
      if (!mg_parse_double (comma + 1, &y))
        return FALSE;
      g_array_append_val (values, x);
      g_array_append_val (values, y);
    }
  n = values->len / 2;
  if (n < 4 || (n - 1) % 3 != 0)
    return FALSE;
  *n_points = n;
  *points = (double *) g_array_free (g_steal_pointer (&values), FALSE);
  return TRUE;
}

static gboolean
apply_relation_field (MgReader *r, MgRelation *relation, MgField field, const char *text)
{
  MgLessonSet lessons;
  double weight;

  switch (field)
    {
    case MG_FIELD_KIND:
      set_id (&relation->kind, text);
      if (relation->kind != NULL)
        mg_vocabulary_ensure_kind (mg_map_get_vocabulary (r->map), relation->kind);
      break;
    case MG_FIELD_WEIGHT:
      if (!mg_parse_double (text, &weight))
        return FALSE;
      relation->weight = weight;
      relation->has_weight = TRUE;
      break;
    case MG_FIELD_LESSONS:
      if (!parse_lessons (text, &lessons))
        return FALSE;
      relation->lessons = lessons & MG_LESSON_SET_ALL;
      break;
    case MG_FIELD_NOTES:
      set_text (&relation->notes, text);
      break;
    case MG_FIELD_PROVENANCE:
      set_text (&relation->provenance, text);
      break;
    case MG_FIELD_ROUTE:
      {
        double *points = NULL;
        guint n = 0;

        if (!parse_route (text, &points, &n))
          return FALSE;
        g_free (relation->route);
        relation->route = points;
        relation->n_route_points = n;
      }
      break;
    default:
      return FALSE;
    }
  g_array_index (r->relation_fields, guint32, relation->index) |= FIELD_BIT (field);
  return TRUE;
}

/* Keeps @text beside the map when the model's value says it otherwise
 * (mg-graphml-kept.h). */
static void
keep_text (MgReader *r, gconstpointer owner, MgField field, const char *text,
           const char *value, MgLessonSet lessons)
{
  MgKeptFields *kept;
  g_autofree char *canonical = NULL;

  if (r->applying_default)
    return;
  if (field == MG_FIELD_LESSONS)
    {
      canonical = mg_lesson_set_to_string (lessons);
      if (g_strcmp0 (canonical, text) == 0)
        return;
    }
  else if (g_strcmp0 (value, text) == 0)
    return;
  kept = mg_kept_fields_ensure (r->map, owner);
  g_free (kept->text[field]);
  kept->text[field] = g_strdup (text);
  kept->lessons = lessons;
}

static const char *
text_field_value (MgField field, const char *label, const char *role, const char *territory,
                  const char *notes, const char *kind)
{
  switch (field)
    {
    case MG_FIELD_LABEL: return label;
    case MG_FIELD_ROLE: return role;
    case MG_FIELD_TERRITORY: return territory;
    case MG_FIELD_NOTES: return notes;
    case MG_FIELD_KIND: return kind;
    default: return NULL;
    }
}

gboolean
mg_reader_apply_field (MgReader *r, const MgOwner *owner, MgField field, const char *text)
{
  switch (owner->kind)
    {
    case MG_OWNER_NODE:
      {
        MgActor *a = owner->owner;

        if (!apply_actor_field (r, a, field, text))
          return FALSE;
        if (field <= MG_FIELD_NOTES)
          keep_text (r, a, field, text,
                     text_field_value (field, a->label, a->role, a->territory, a->notes, NULL),
                     a->lessons);
        return TRUE;
      }
    case MG_OWNER_EDGE:
      {
        MgRelation *rel = owner->owner;

        if (!apply_relation_field (r, rel, field, text))
          return FALSE;
        if (field == MG_FIELD_KIND || field == MG_FIELD_LESSONS || field == MG_FIELD_NOTES)
          keep_text (r, rel, field, text,
                     text_field_value (field, NULL, NULL, NULL, rel->notes, rel->kind),
                     rel->lessons);
        return TRUE;
      }
    case MG_OWNER_GRAPH:
      if (field == MG_FIELD_TITLE)
        mg_map_set_title (r->map, text);
      else if (field == MG_FIELD_DESCRIPTION)
        mg_map_set_description (r->map, text);
      else
        return FALSE;
      r->graph_fields |= FIELD_BIT (field);
      /* The map's own fields are kept under the map. */
      keep_text (r, r->map, field, text,
                 field == MG_FIELD_TITLE ? mg_map_get_title (r->map)
                                         : mg_map_get_description (r->map), 0);
      return TRUE;
    default:
      return FALSE;
    }
}

GPtrArray *
mg_reader_owner_list (MgReader *r, const MgOwner *owner)
{
  MgPendingEdge *edge;

  switch (owner->kind)
    {
    case MG_OWNER_DOCUMENT:
      return mg_map_get_document_data (r->map);
    case MG_OWNER_GRAPH:
      return ((MgGraphInfo *) owner->owner)->data;
    case MG_OWNER_NODE:
      return ((MgActor *) owner->owner)->data;
    case MG_OWNER_EDGE:
      return ((MgRelation *) owner->owner)->data;
    case MG_OWNER_PENDING_EDGE:
      edge = mg_reader_edge (r, owner->edge);
      if (edge->data == NULL)
        edge->data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
      return edge->data;
    default:
      g_assert_not_reached ();
    }
}

void
mg_reader_keep_bound (MgReader *r, MgData *data)
{
  if (r->kept_bound == NULL)
    r->kept_bound = g_hash_table_new (NULL, NULL);
  g_hash_table_add (r->kept_bound, data);
}

void
mg_reader_take_value (MgReader *r, const MgOwner *owner, const char *key_id,
                      const char *value, gboolean is_xml, GPtrArray *attrs, guint line)
{
  GPtrArray *list = mg_reader_owner_list (r, owner);
  MgKeyInfo *info = NULL;
  MgField field;
  MgData *data;

  if (!r->deferred)
    info = mg_reader_lookup_key (r, key_id, mg_reader_owner_domain (owner->kind));

  if (info == NULL)
    {
      /* Its key comes later (or never): settled at the end. */
      MgPendingData *pending = mg_blocks_append (&r->pending);

      key_id = mg_reader_intern (r, key_id);
      data = mg_data_new (NULL, value, is_xml);
      data->attrs = attrs;
      g_ptr_array_add (list, data);
      pending->data = data;
      pending->owner = *owner;
      pending->key_id = key_id;
      pending->line = line;
      return;
    }

  if (!mg_reader_update_binding (r))
    {
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                   _("%s: a key declared late changes the fields read"), r->name);
      g_clear_pointer (&attrs, g_ptr_array_unref);
      return;
    }
  if (!info->used)
    {
      info->used = TRUE;
      info->used_field = info->key->field;
      info->used_edge_field = info->key->edge_field;
    }

  field = mg_reader_owner_field (r, info->key, owner);
  if (field != MG_FIELD_NONE && !is_xml && mg_reader_apply_field (r, owner, field, value))
    {
      /* A number a numeric field took is a valid float / double, unless
       * written in hexadecimal, which XML Schema does not allow. */
      if (!((field == MG_FIELD_X || field == MG_FIELD_Y || field == MG_FIELD_WEIGHT ||
             field == MG_FIELD_WIDTH || field == MG_FIELD_HEIGHT) &&
            (info->key->type == MG_VALUE_DOUBLE || info->key->type == MG_VALUE_FLOAT) &&
            strpbrk (value, "xX") == NULL))
        mg_reader_check_type (r, info->key, value, is_xml, owner, line);
      g_clear_pointer (&attrs, g_ptr_array_unref);
      return;
    }
  mg_reader_check_type (r, info->key, value, is_xml, owner, line);

  data = mg_data_new (info->key, value, is_xml);
  data->attrs = attrs;
  g_ptr_array_add (list, data);
  if (field != MG_FIELD_NONE)
    {
      mg_reader_warn_unreadable (r, line, owner, data, field);
      mg_reader_keep_bound (r, data);
    }
}

void
mg_reader_relation_added (MgReader *r, MgRelation *relation, guint line)
{
  guint32 no_fields = 0;

  g_array_append_val (r->relation_fields, no_fields);
  g_array_append_val (r->relation_lines, line);
  /* NetworkX multigraphs number parallel edges "0", "1"…: ids repeat.
   * They are kept; one warning at the end says so. */
  if (relation->id != NULL && !g_hash_table_add (r->edge_ids, relation->id))
    {
      if (r->n_repeated_edge_ids++ == 0)
        {
          r->first_repeat_line = line;
          r->first_repeat_id = g_strdup (relation->id);
        }
    }
}
