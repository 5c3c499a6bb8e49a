/* mg-actor-model.h — the actors of a map as a GListModel, for the actor
 * list.  Items follow the map (added, removed, renamed). */
#pragma once

#include <gio/gio.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_TYPE_ACTOR_ITEM (mg_actor_item_get_type ())
G_DECLARE_FINAL_TYPE (MgActorItem, mg_actor_item, MG, ACTOR_ITEM, GObject)

/* Properties (read-only, notified when the actor changes): "label" (display
 * label), "role-name" (translated role name, "" when none), "territory"
 * ("" when none), "search-key" (folded text the search matches). */
MgActor    *mg_actor_item_get_actor (MgActorItem *self);
const char *mg_actor_item_get_label (MgActorItem *self);
const char *mg_actor_item_get_role_name (MgActorItem *self);
const char *mg_actor_item_get_territory (MgActorItem *self);
const char *mg_actor_item_get_search_key (MgActorItem *self);

#define MG_TYPE_ACTOR_MODEL (mg_actor_model_get_type ())
G_DECLARE_FINAL_TYPE (MgActorModel, mg_actor_model, MG, ACTOR_MODEL, GObject)

MgActorModel *mg_actor_model_new (MgMap *map);
MgMap        *mg_actor_model_get_map (MgActorModel *self);

G_END_DECLS
