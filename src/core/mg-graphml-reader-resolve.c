/* mg-graphml-reader-resolve.c — what the GraphML reader settles at the end
 * of the document.
 *
 * In order: the final key binding; keys of <data> declared after their use
 * (or never: a string key is made); relations of edges met before their
 * nodes (a node never declared is made, where the edge is); values left in
 * data lists whose key is bound; then, for what no value gave, yEd graphics
 * (label, centre of y:Geometry, size, y:Fill colour — a yEd edge label
 * becomes the relation's notes when none were given, never its kind: the
 * kinds are a vocabulary, edge labels are free text), the <default> of
 * bound keys, and last Gephi r/g/b (colour) and size keys (which also stay
 * plain data).  A position needs x and y: defaults of x / y only complete a
 * position, and a lone explicit coordinate stays a plain attribute.
 * Maillage's own width / height keys win over yEd and Gephi sizes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mg-graphml-kept.h"
#include "mg-graphml-reader-private.h"

#define FIELD_BIT(f) (1u << (f))

typedef struct {
  MgReader    *r;
  MgGraphInfo *first_graph;
  MgKey       *color_key[3];   /* Gephi r, g, b */
  MgKey       *size_key;       /* Gephi size */
} Resolve;

/* ---- keys declared after their use ------------------------------------ */

/* The key of a <data> not resolved while reading: one declared later for
 * its domain or for="all", else one declared for another domain (kept,
 * with a warning), else a string key made for it. */
static MgKey *
resolve_late_key (MgReader *r, const MgPendingData *pending)
{
  MgKeyDomain domain = mg_reader_owner_domain (pending->owner.kind);
  MgKeyInfo *info = mg_reader_lookup_key (r, pending->key_id, domain);
  g_autofree char *who = NULL;
  MgKey *key;

  if (info != NULL)
    return info->key;
  who = mg_reader_describe_owner (r, &pending->owner);
  for (info = g_hash_table_lookup (r->key_by_id, pending->key_id); info != NULL;
       info = info->next)
    {
      if (info->created)
        continue;
      if (!info->warned)
        {
          mg_reader_warn (r, pending->line, _("%s: key '%s' is declared for %s, not for %s; "
                                              "the value is kept"), who, info->key->id,
                          mg_key_domain_to_string (info->key->domain),
                          mg_key_domain_to_string (domain));
          info->warned = TRUE;
        }
      return info->key;
    }

  /* Undeclared: make a string key so the value is written back. */
  key = mg_key_new (pending->key_id, domain, pending->key_id, MG_VALUE_STRING);
  if (!mg_map_add_key (r->map, key))
    {
      mg_key_free (key);
      return NULL;
    }
  mg_reader_add_key_info (r, key, FALSE, pending->line)->created = TRUE;
  mg_reader_warn (r, pending->line, _("%s: key '%s' is not declared; a string key '%s' "
                                      "is made for it"), who, pending->key_id, pending->key_id);
  return key;
}

static void
resolve_late_keys (MgReader *r)
{
  for (guint i = 0; i < r->pending.len; i++)
    {
      MgPendingData *pending = mg_blocks_get (&r->pending, i);
      MgData *data = pending->data;

      data->key = resolve_late_key (r, pending);
      if (data->key != NULL)
        mg_reader_check_type (r, data->key, data->value, data->is_xml, &pending->owner,
                              pending->line);
    }
}

/* ---- edges that waited for their nodes -------------------------------- */

static MgActor *
endpoint (MgReader *r, const MgPendingEdge *edge, const char *id)
{
  MgActor *actor = NULL;
  MgActorState state = { .line = edge->line };

  if (g_hash_table_size (r->local_ids) > 0)
    {
      g_autofree char *local_key = g_strdup_printf ("%u\n%s", edge->graph_index, id);

      actor = g_hash_table_lookup (r->local_ids, local_key);
    }
  if (actor == NULL)
    actor = mg_map_lookup_actor (r->map, id);
  if (actor != NULL)
    return actor;

  /* Keep the relation: the node it needs is made, where the edge is. */
  actor = mg_map_add_actor (r->map, id);
  actor->parent = edge->parent;
  actor->graph_index = edge->graph_index;
  g_array_append_val (r->actor_states, state);
  if (edge->id != NULL)
    mg_reader_warn (r, edge->line, _("edge '%s' refers to node '%s', which is not declared; "
                                     "an actor '%s' is created for it"), edge->id, id, id);
  else
    mg_reader_warn (r, edge->line, _("an edge refers to node '%s', which is not declared; "
                                     "an actor '%s' is created for it"), id, id);
  return actor;
}

static void
create_waiting_relations (MgReader *r)
{
  for (guint i = 0; i < r->edges.len; i++)
    {
      MgPendingEdge *edge = mg_reader_edge (r, i);
      MgActor *source, *target;
      MgRelation *relation;
      gboolean directed;

      if (edge->source_id == NULL || edge->target_id == NULL)
        continue;
      source = endpoint (r, edge, edge->source_id);
      target = endpoint (r, edge, edge->target_id);
      directed = edge->directed_attr >= 0 ? edge->directed_attr == 1 : edge->graph_directed;
      relation = mg_map_add_relation (r->map, source, target, edge->id, directed);
      relation->directed_attr = edge->directed_attr;
      relation->parent = edge->parent;
      relation->graph_index = edge->graph_index;
      relation->extra = edge->extra;
      memset (&edge->extra, 0, sizeof edge->extra);
      if (edge->data != NULL)
        {
          g_ptr_array_unref (relation->data);
          relation->data = g_steal_pointer (&edge->data);
        }
      edge->relation = relation;
      mg_reader_relation_added (r, relation, edge->line);
    }

  if (r->n_repeated_edge_ids == 1)
    mg_reader_warn (r, r->first_repeat_line, _("1 edge reuses the id of an earlier edge ('%s'); "
                                               "it is kept with its id"), r->first_repeat_id);
  else if (r->n_repeated_edge_ids > 1)
    mg_reader_warn (r, r->first_repeat_line, _("%u edges reuse the id of an earlier edge "
                                               "(first: '%s'); they are kept with their ids"), r->n_repeated_edge_ids,
                    r->first_repeat_id);
}

/* ---- values left in data lists ---------------------------------------- */

static void
note_gephi_value (Resolve *s, MgActorState *state, const MgKey *key, const char *text,
                  gboolean is_default)
{
  double value;

  if (!mg_parse_double (text, &value))
    return;
  for (guint c = 0; c < 3; c++)
    if (key == s->color_key[c] && value >= 0 && value <= 255 &&
        !(is_default && (state->rgb_set & (1u << c))))
      {
        state->rgb[c] = (guint8) (value + 0.5);
        state->rgb_set |= 1u << c;
      }
  if (key == s->size_key && value > 0 && !(is_default && state->has_size))
    {
      state->size = value;
      state->has_size = TRUE;
    }
}

/* Values of bound keys still in @owner's list (keys declared late, edges
 * made late, every value of a deferred pass) go to their fields. */
static void
bind_list (Resolve *s, const MgOwner *owner, GPtrArray *list, guint line)
{
  MgReader *r = s->r;
  MgActorState *state = owner->kind == MG_OWNER_NODE
                          ? mg_reader_actor_state (r, owner->owner) : NULL;
  guint kept = 0;

  for (guint i = 0; i < list->len; i++)
    {
      MgData *data = list->pdata[i];
      MgField field = data->key != NULL ? mg_reader_owner_field (r, data->key, owner)
                                        : MG_FIELD_NONE;

      if (state != NULL && field == MG_FIELD_NONE && data->key != NULL && !data->is_xml)
        note_gephi_value (s, state, data->key, data->value, FALSE);
      if (field == MG_FIELD_NONE ||
          (r->kept_bound != NULL && g_hash_table_contains (r->kept_bound, data)))
        {
          list->pdata[kept++] = data;
          continue;
        }
      if (!data->is_xml && mg_reader_apply_field (r, owner, field, data->value))
        {
          mg_data_free (data);
          continue;
        }
      mg_reader_warn_unreadable (r, line, owner, data, field);
      list->pdata[kept++] = data;
    }
  if (kept < list->len)
    {
      g_ptr_array_set_free_func (list, NULL);
      g_ptr_array_set_size (list, kept);
      g_ptr_array_set_free_func (list, (GDestroyNotify) mg_data_free);
    }
}

static void
bind_lists (Resolve *s)
{
  MgReader *r = s->r;
  GPtrArray *actors = mg_map_get_actors (r->map);
  GPtrArray *relations = mg_map_get_relations (r->map);
  MgOwner owner;

  owner.kind = MG_OWNER_NODE;
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = actors->pdata[i];

      if (actor->data->len == 0)
        continue;
      owner.owner = actor;
      bind_list (s, &owner, actor->data, mg_reader_actor_state (r, actor)->line);
    }
  owner.kind = MG_OWNER_EDGE;
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = relations->pdata[i];

      if (relation->data->len == 0)
        continue;
      owner.owner = relation;
      bind_list (s, &owner, relation->data, g_array_index (r->relation_lines, guint, i));
    }
  owner.kind = MG_OWNER_GRAPH;
  owner.owner = s->first_graph;
  bind_list (s, &owner, s->first_graph->data, 1);
}

/* ---- graphics and defaults -------------------------------------------- */

static void
find_gephi_keys (Resolve *s)
{
  static const char *const rgb[] = { "r", "g", "b" };
  MgReader *r = s->r;

  for (guint i = 0; i < r->keys->len; i++)
    {
      MgKeyInfo *info = g_ptr_array_index (r->keys, i);
      MgKey *key = info->key;

      if (!info->bindable || key->name == NULL ||
          (key->domain != MG_DOMAIN_NODE && key->domain != MG_DOMAIN_ALL) ||
          mg_reader_field_for (key, MG_DOMAIN_NODE) != MG_FIELD_NONE)
        continue;
      for (guint c = 0; c < 3; c++)
        if (s->color_key[c] == NULL && g_ascii_strcasecmp (key->name, rgb[c]) == 0)
          s->color_key[c] = key;
      if (s->size_key == NULL && g_ascii_strcasecmp (key->name, "size") == 0)
        s->size_key = key;
    }
}

static void
apply_yed (Resolve *s)
{
  MgReader *r = s->r;

  for (guint i = 0; i < r->yed->len; i++)
    {
      const MgYedInfo *info = &g_array_index (r->yed, MgYedInfo, i);
      MgOwner owner = info->owner;

      if (owner.kind == MG_OWNER_NODE)
        {
          MgActor *actor = owner.owner;
          MgActorState *state = mg_reader_actor_state (r, actor);

          if (info->label != NULL && !(state->fields & FIELD_BIT (MG_FIELD_LABEL)))
            mg_reader_apply_field (r, &owner, MG_FIELD_LABEL, info->label);
          if (info->has_geometry)
            {
              /* yEd gives the top-left corner; actors are placed by centre. */
              if (!state->has_x && !state->has_y)
                {
                  state->x = info->x + info->width / 2;
                  state->y = info->y + info->height / 2;
                  state->has_x = state->has_y = TRUE;
                  state->fields |= FIELD_BIT (MG_FIELD_X) | FIELD_BIT (MG_FIELD_Y);
                }
              if (!(state->fields & FIELD_BIT (MG_FIELD_WIDTH)))
                actor->width = info->width;
              if (!(state->fields & FIELD_BIT (MG_FIELD_HEIGHT)))
                actor->height = info->height;
              state->fields |= FIELD_BIT (MG_FIELD_WIDTH) | FIELD_BIT (MG_FIELD_HEIGHT);
              state->sized = TRUE;
            }
          if (info->has_fill)
            {
              actor->has_color = TRUE;
              actor->color = info->fill;
            }
          continue;
        }

      if (owner.kind == MG_OWNER_PENDING_EDGE)
        {
          owner.kind = MG_OWNER_EDGE;
          owner.owner = mg_reader_edge (r, owner.edge)->relation;
        }
      /* A yEd edge label is free text ("funds", "€2M", "since 2019"): it
       * describes the relation when nothing else does, and stays in the
       * kept graphics either way. */
      if (owner.owner != NULL && info->label != NULL &&
          ((MgRelation *) owner.owner)->notes == NULL &&
          !(g_array_index (r->relation_fields, guint32,
                           ((MgRelation *) owner.owner)->index) & FIELD_BIT (MG_FIELD_NOTES)) &&
          mg_reader_apply_field (r, &owner, MG_FIELD_NOTES, info->label))
        {
          /* Shown as notes, but written back only where it came from
           * (unless the notes are edited). */
          MgKeptFields *kept = mg_kept_fields_ensure (r->map, owner.owner);

          g_clear_pointer (&kept->text[MG_FIELD_NOTES], g_free);
          g_free (kept->derived_notes);
          kept->derived_notes = g_strdup (((MgRelation *) owner.owner)->notes);
        }
    }
}

static void
warn_bad_default (MgReader *r, const MgKeyInfo *info, MgField field)
{
  g_autofree char *value = mg_reader_short_value (info->key->default_value);

  mg_reader_warn (r, info->line, _("key '%s': default '%s' cannot be read as a %s; "
                                   "it is not applied"), info->key->id, value, mg_reader_field_name (field));
}

/* A value from a key's <default>: marked, so that writing the file back
 * does not spell it out on every element (mg-graphml-kept.h). */
static gboolean
apply_default (MgReader *r, const MgOwner *owner, MgField field, const char *value)
{
  gboolean ok;

  r->applying_default = TRUE;
  ok = mg_reader_apply_field (r, owner, field, value);
  r->applying_default = FALSE;
  if (ok)
    mg_kept_fields_ensure (r->map, owner->kind == MG_OWNER_GRAPH ? (gpointer) r->map
                                                                 : owner->owner)->from_default |=
      MG_KEPT_BIT (field);
  return ok;
}

static void
apply_defaults (Resolve *s)
{
  MgReader *r = s->r;
  GPtrArray *actors = mg_map_get_actors (r->map);
  GPtrArray *relations = mg_map_get_relations (r->map);

  for (guint k = 0; k < r->keys->len; k++)
    {
      MgKeyInfo *info = g_ptr_array_index (r->keys, k);
      const char *value = info->key->default_value;
      MgOwner owner = { 0 };
      MgField field;

      if (value == NULL)
        continue;

      field = mg_reader_field_for (info->key, MG_DOMAIN_NODE);
      owner.kind = MG_OWNER_NODE;
      if (field != MG_FIELD_NONE)
        for (guint i = 0; i < actors->len; i++)
          {
            MgActorState *state = mg_reader_actor_state (r, actors->pdata[i]);

            if (state->fields & FIELD_BIT (field))
              continue;
            if ((field == MG_FIELD_X || field == MG_FIELD_Y) && !state->has_x && !state->has_y)
              continue;
            owner.owner = actors->pdata[i];
            if (!apply_default (r, &owner, field, value))
              {
                warn_bad_default (r, info, field);
                break;
              }
          }

      field = mg_reader_field_for (info->key, MG_DOMAIN_EDGE);
      owner.kind = MG_OWNER_EDGE;
      if (field != MG_FIELD_NONE)
        for (guint i = 0; i < relations->len; i++)
          {
            if (g_array_index (r->relation_fields, guint32, i) & FIELD_BIT (field))
              continue;
            owner.owner = relations->pdata[i];
            if (!apply_default (r, &owner, field, value))
              {
                warn_bad_default (r, info, field);
                break;
              }
          }

      field = mg_reader_field_for (info->key, MG_DOMAIN_GRAPH);
      owner.kind = MG_OWNER_GRAPH;
      owner.owner = s->first_graph;
      if (field != MG_FIELD_NONE && !(r->graph_fields & FIELD_BIT (field)))
        apply_default (r, &owner, field, value);

      /* Gephi colour and size keys may default too. */
      if (info->key == s->color_key[0] || info->key == s->color_key[1] ||
          info->key == s->color_key[2] || info->key == s->size_key)
        for (guint i = 0; i < actors->len; i++)
          note_gephi_value (s, mg_reader_actor_state (r, actors->pdata[i]), info->key,
                            value, TRUE);
    }
}

/* A lone explicit coordinate cannot place an actor: it is kept as a plain
 * attribute of its key. */
static void
keep_lone_coordinate (MgReader *r, MgActor *actor, MgField field, double value)
{
  MgKey *key = mg_map_find_field_key (r->map, field, MG_DOMAIN_NODE);
  g_autofree char *text = mg_format_double (value);

  if (key != NULL)
    g_ptr_array_add (actor->data, mg_data_new (key, text, FALSE));
}

static void
finish_actors (Resolve *s)
{
  MgReader *r = s->r;
  GPtrArray *actors = mg_map_get_actors (r->map);

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      MgActorState *state = mg_reader_actor_state (r, actor);

      if (state->has_x && state->has_y)
        {
          actor->x = state->x;
          actor->y = state->y;
          actor->has_position = TRUE;
        }
      else if (state->has_x)
        keep_lone_coordinate (r, actor, MG_FIELD_X, state->x);
      else if (state->has_y)
        keep_lone_coordinate (r, actor, MG_FIELD_Y, state->y);

      if (!actor->has_color && state->rgb_set == 7)
        {
          actor->has_color = TRUE;
          actor->color = ((guint32) state->rgb[0] << 16) | ((guint32) state->rgb[1] << 8) |
                         state->rgb[2];
        }
      if (!state->sized && state->has_size)
        {
          if (!(state->fields & FIELD_BIT (MG_FIELD_WIDTH)))
            actor->width = state->size;
          if (!(state->fields & FIELD_BIT (MG_FIELD_HEIGHT)))
            actor->height = state->size;
        }
    }
}

/* ---- entry point ------------------------------------------------------ */

gboolean
mg_reader_resolve (MgReader *r)
{
  Resolve s = { .r = r };
  GPtrArray *graphs = mg_map_get_graphs (r->map);

  if (!mg_reader_update_binding (r))
    return FALSE;
  if (graphs->len == 0)
    mg_map_add_graph (r->map);
  s.first_graph = g_ptr_array_index (graphs, 0);

  resolve_late_keys (r);
  create_waiting_relations (r);
  find_gephi_keys (&s);
  bind_lists (&s);
  apply_yed (&s);
  apply_defaults (&s);
  mg_reader_apply_synonyms (r);
  finish_actors (&s);
  return TRUE;
}
