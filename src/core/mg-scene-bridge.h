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
 * items, one mark per active lesson an item matches (explicit: solid;
 * derived: dashed; a shown item with marks is drawn as matched), and the
 * lens and filter lines of the legend (mg_scene_set_lens_legend: counts per
 * lens, filter summary).  Highlights are left alone: they are the window's
 * emphasis (hover).  Call again after "changed" on @visibility. */
void mg_scene_bridge_apply_visibility (MgScene *scene, MgVisibility *visibility);

/* What @filter keeps, in a few words for the legend or a status line:
 * "role SME, territory Auvergne-Rhône-Alpes/Puy-de-Dôme".  Role and kind
 * names come from @map's vocabulary, focus actors by their labels.  NULL
 * when the filter restricts nothing (transfer full). */
char *mg_scene_bridge_describe_filter (MgMap *map, const MgFilter *filter);
/* The same in @lang ("fr", "en"; NULL: the interface's, see mg-i18n.h). */
char *mg_scene_bridge_describe_filter_in (MgMap *map, const MgFilter *filter, const char *lang);

G_END_DECLS
