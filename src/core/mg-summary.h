/* mg-summary.h — what a map holds, in numbers: for `maillage --info`. */
#pragma once

#include <json-glib/json-glib.h>
#include "mg-map.h"

G_BEGIN_DECLS

/* Writes a readable summary of @map (from @path, with its load @warnings)
 * into a new string. */
char *mg_summary_to_text (MgMap *map, const char *path, GPtrArray *warnings);
/* The same in @lang ("fr", "en"; NULL: the interface's; see mg-i18n.h). */
char *mg_summary_to_text_in (MgMap *map, const char *path, GPtrArray *warnings,
                             const char *lang);

/* Adds the summary members to an object being built: "file", "title",
 * "actors", "relations" (counts), "groups", "roles", "kinds",
 * "territories", "regions" (count per value), "lessons" (count per lesson
 * of the actors and relations tagged with it), "lessons_actors",
 * "lessons_relations", "warnings" (list of strings).  @builder must be
 * inside an object. */
void  mg_summary_add_json_members (JsonBuilder *builder, MgMap *map,
                                   const char *path, GPtrArray *warnings);

G_END_DECLS
