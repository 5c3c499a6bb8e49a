/* mg-scene-bridge.h — feeding the scene from the other core modules: the
 * territory boxes of a layout result, and the states and lesson marks of a
 * lens/filter evaluation.  Used alike by the command line and the window. */
#pragma once

#include "mg-layout.h"
#include "mg-scene.h"
#include "mg-visibility.h"

G_BEGIN_DECLS

/* Gives @scene the territory boxes of @result (none when it has none). */
void mg_scene_bridge_set_clusters (MgScene *scene, const MgLayoutResult *result);

/* Copies the current result of @visibility into @scene: hidden and faded
 * items, highlights, and one mark per active lesson an item matches
 * (explicit: solid; derived: dashed).  Call again after "changed" on
 * @visibility. */
void mg_scene_bridge_apply_visibility (MgScene *scene, MgVisibility *visibility);

G_END_DECLS
