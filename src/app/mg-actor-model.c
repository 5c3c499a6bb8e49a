/* mg-actor-model.c — one item per actor, in map order. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-actor-model.h"
#include "mg-filter.h"

struct _MgActorItem {
  GObject  parent_instance;

  MgMap   *map;   /* borrowed: the model outlives no map */
  MgActor *actor;
  char    *search_key; /* made on first search */
};

enum { ITEM_PROP_0, ITEM_PROP_LABEL, ITEM_PROP_ROLE_NAME, ITEM_PROP_TERRITORY, N_ITEM_PROPS };
static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (MgActorItem, mg_actor_item, G_TYPE_OBJECT)

MgActor *
mg_actor_item_get_actor (MgActorItem *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_ITEM (self), NULL);
  return self->actor;
}

const char *
mg_actor_item_get_label (MgActorItem *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_ITEM (self), NULL);
  return self->actor ? mg_actor_get_display_label (self->actor) : "";
}

const char *
mg_actor_item_get_role_name (MgActorItem *self)
{
  const MgRole *role;

  g_return_val_if_fail (MG_IS_ACTOR_ITEM (self), NULL);
  if (self->actor == NULL || self->actor->role == NULL)
    return "";
  role = mg_vocabulary_lookup_role (mg_map_get_vocabulary (self->map), self->actor->role);
  return role ? _(role->name) : self->actor->role;
}

const char *
mg_actor_item_get_territory (MgActorItem *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_ITEM (self), NULL);
  return self->actor && self->actor->territory ? self->actor->territory : "";
}

const char *
mg_actor_item_get_search_key (MgActorItem *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_ITEM (self), NULL);
  if (self->actor == NULL)
    return "";
  if (self->search_key == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", mg_actor_get_display_label (self->actor),
                                           self->actor->id,
                                           mg_actor_item_get_role_name (self),
                                           mg_actor_item_get_territory (self), NULL);
      self->search_key = mg_fold_text (joined);
    }
  return self->search_key;
}

static void
mg_actor_item_changed (MgActorItem *self, MgChangeFlags flags)
{
  if (flags & (MG_CHANGE_LABEL | MG_CHANGE_ROLE | MG_CHANGE_TERRITORY))
    g_clear_pointer (&self->search_key, g_free);
  if (flags & MG_CHANGE_LABEL)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_LABEL]);
  if (flags & MG_CHANGE_ROLE)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ROLE_NAME]);
  if (flags & MG_CHANGE_TERRITORY)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_TERRITORY]);
}

static void
mg_actor_item_finalize (GObject *object)
{
  g_free (MG_ACTOR_ITEM (object)->search_key);
  G_OBJECT_CLASS (mg_actor_item_parent_class)->finalize (object);
}

static void
mg_actor_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgActorItem *self = MG_ACTOR_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LABEL:     g_value_set_string (value, mg_actor_item_get_label (self)); break;
    case ITEM_PROP_ROLE_NAME: g_value_set_string (value, mg_actor_item_get_role_name (self)); break;
    case ITEM_PROP_TERRITORY: g_value_set_string (value, mg_actor_item_get_territory (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_actor_item_class_init (MgActorItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mg_actor_item_finalize;
  object_class->get_property = mg_actor_item_get_property;

  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_ROLE_NAME] =
    g_param_spec_string ("role-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TERRITORY] =
    g_param_spec_string ("territory", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
mg_actor_item_init (MgActorItem *self)
{
}

/* ---- the model ------------------------------------------------------------------ */

struct _MgActorModel {
  GObject    parent_instance;

  MgMap     *map;
  GPtrArray *items; /* MgActorItem*, owned, in map order */
};

static void mg_actor_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MgActorModel, mg_actor_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mg_actor_model_list_model_init))

static GType
mg_actor_model_get_item_type (GListModel *model)
{
  return MG_TYPE_ACTOR_ITEM;
}

static guint
mg_actor_model_get_n_items (GListModel *model)
{
  return MG_ACTOR_MODEL (model)->items->len;
}

static gpointer
mg_actor_model_get_item (GListModel *model, guint position)
{
  MgActorModel *self = MG_ACTOR_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
mg_actor_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mg_actor_model_get_item_type;
  iface->get_n_items = mg_actor_model_get_n_items;
  iface->get_item = mg_actor_model_get_item;
}

static MgActorItem *
item_new (MgActorModel *self, MgActor *actor)
{
  MgActorItem *item = g_object_new (MG_TYPE_ACTOR_ITEM, NULL);

  item->map = self->map;
  item->actor = actor;
  return item;
}

static void
on_actor_added (MgMap *map, MgActor *actor, MgActorModel *self)
{
  guint position = self->items->len;

  g_ptr_array_add (self->items, item_new (self, actor));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
on_actor_removed (MgMap *map, MgActor *actor, MgActorModel *self)
{
  guint position = actor->index;

  /* The map emits before removing, so the index is still the actor's. */
  g_assert (position < self->items->len);
  g_assert (((MgActorItem *) g_ptr_array_index (self->items, position))->actor == actor);
  /* Rows may keep the item a little longer: it must not point at a freed
   * actor. */
  ((MgActorItem *) g_ptr_array_index (self->items, position))->actor = NULL;
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
on_actor_changed (MgMap *map, MgActor *actor, guint flags, MgActorModel *self)
{
  if (actor->index < self->items->len)
    mg_actor_item_changed (g_ptr_array_index (self->items, actor->index), flags);
}

static void
mg_actor_model_dispose (GObject *object)
{
  MgActorModel *self = MG_ACTOR_MODEL (object);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  G_OBJECT_CLASS (mg_actor_model_parent_class)->dispose (object);
}

static void
mg_actor_model_finalize (GObject *object)
{
  g_ptr_array_unref (MG_ACTOR_MODEL (object)->items);
  G_OBJECT_CLASS (mg_actor_model_parent_class)->finalize (object);
}

static void
mg_actor_model_class_init (MgActorModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_actor_model_dispose;
  object_class->finalize = mg_actor_model_finalize;
}

static void
mg_actor_model_init (MgActorModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

MgActorModel *
mg_actor_model_new (MgMap *map)
{
  MgActorModel *self;
  GPtrArray *actors;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  self = g_object_new (MG_TYPE_ACTOR_MODEL, NULL);
  self->map = g_object_ref (map);
  actors = mg_map_get_actors (map);
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (self->items, item_new (self, g_ptr_array_index (actors, i)));
  g_signal_connect (map, "actor-added", G_CALLBACK (on_actor_added), self);
  g_signal_connect (map, "actor-removed", G_CALLBACK (on_actor_removed), self);
  g_signal_connect (map, "actor-changed", G_CALLBACK (on_actor_changed), self);
  return self;
}

MgMap *
mg_actor_model_get_map (MgActorModel *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_MODEL (self), NULL);
  return self->map;
}
