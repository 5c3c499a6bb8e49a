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

/* The same in @lang, counting only the actors and relations whose entry in
 * @keep_actor / @keep_relation (by MgActor.index / MgRelation.index) is
 * non-zero; NULL keeps all.  `--info --territory` counts what it keeps. */
char *mg_summary_to_text_masked (MgMap *map, const char *path, GPtrArray *warnings,
                                 const char *lang, const guint8 *keep_actor,
                                 const guint8 *keep_relation);
void  mg_summary_add_json_members_masked (JsonBuilder *builder, MgMap *map,
                                          const char *path, GPtrArray *warnings,
                                          const guint8 *keep_actor,
                                          const guint8 *keep_relation);

G_END_DECLS
