/* mg-territory.h — territories as places and scales, and the stakeholder
 * families (DESIGN.md, "Territories: places and scales", "Stakeholder
 * families").  One implementation for the lenses, the filters and the
 * territory report.
 *
 * A territory is a path "Region/Department/City" (any depth; level 1 is
 * the region).  Segments are trimmed of white space and empty ones are
 * dropped, so "Auvergne-Rhône-Alpes / Puy-de-Dôme" has depth 2.
 *
 * Some first segments are *scales*, not places ("France", "Europe"…): an
 * actor there acts at that scale, it is not in a region.  The map keeps its
 * scales in the graph data "maillage.scales" (comma-separated); without it
 * the defaults apply.  Scales are compared without regard to case.
 *
 * An actor is *local* when its territory has a first segment that is not a
 * scale.  Two local actors *share a territory at level L* when their first
 * min(L, depth A, depth B) segments are equal (a region contains its
 * departments); two local actors that do not share one *cross*.  Actors
 * without a territory, or at a scale, neither share nor cross.  Level 0
 * means "the whole path".
 */
#pragma once

#include <glib.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_SCALES_KEY_NAME "maillage.scales"
#define MG_DEFAULT_SCALES  "France, Europe, International, National"

/* ---- scales ------------------------------------------------------------- */

/* "France, Europe" → {"France", "Europe", NULL}: commas or semicolons
 * separate, white space is trimmed, empty items and repeats (ignoring case)
 * are dropped.  Never NULL.  (transfer full) */
char  **mg_scales_parse (const char *text);
/* {"France", "Europe"} → "France, Europe".  (transfer full) */
char   *mg_scales_to_string (const char *const *scales);

/* The map's scales: its "maillage.scales" data when present (even empty:
 * then the map has no scales), else the defaults.  (transfer full) */
char  **mg_map_dup_scales (MgMap *map);
/* Stores @scales in the map (NULL: back to the defaults, the data removed).
 * Emits no signal: callers that edit it through the app go through undo. */
void    mg_map_set_scales (MgMap *map, const char *const *scales);

/* ---- one territory ------------------------------------------------------ */

typedef enum {
  MG_TERRITORY_UNRELATED, /* one end has no territory, or is at a scale */
  MG_TERRITORY_SHARE,     /* both local, equal down to the level */
  MG_TERRITORY_CROSS,     /* both local, different at the level */
} MgTerritoryRelation;

/* The first @level segments of @territory (all of them when @level is 0 or
 * exceeds the depth), trimmed, joined by "/".  NULL when it has no segment.
 * (transfer full) */
char       *mg_territory_at_level (const char *territory, guint level);
/* Number of non-empty segments (0 for NULL). */
guint       mg_territory_depth (const char *territory);
gboolean    mg_territory_is_scale (const char *territory, const char *const *scales);
gboolean    mg_territory_is_local (const char *territory, const char *const *scales);
MgTerritoryRelation mg_territory_relate (const char *a, const char *b, guint level,
                                         const char *const *scales);

/* ---- all the actors of a map, for fast comparisons ---------------------- */

/* Each actor's territory split once and its prefixes interned, so that
 * "share at level L" is one integer comparison.  A snapshot: rebuild it
 * after territories, scales or the set of actors change.  Actors are given
 * by MgActor.index. */
typedef struct _MgTerritoryIndex MgTerritoryIndex;

MgTerritoryIndex   *mg_territory_index_new (MgMap *map);
void                mg_territory_index_free (MgTerritoryIndex *index);
guint               mg_territory_index_get_n_actors (const MgTerritoryIndex *index);
gboolean            mg_territory_index_is_local (const MgTerritoryIndex *index, guint actor);
gboolean            mg_territory_index_is_scale (const MgTerritoryIndex *index, guint actor);
guint               mg_territory_index_depth (const MgTerritoryIndex *index, guint actor);
MgTerritoryRelation mg_territory_index_relate (const MgTerritoryIndex *index,
                                               guint a, guint b, guint level);
/* mg_territory_index_relate() for @n pairs (@a[i], @b[i]) at once, into
 * @out[i] (an MgTerritoryRelation each): one call for a whole map's
 * relations. */
void                mg_territory_index_relate_pairs (const MgTerritoryIndex *index, guint n,
                                                     const guint *a, const guint *b,
                                                     guint level, guint8 *out);
/* The territory an actor belongs to at @level: its path cut to @level
 * segments (the whole path when shorter), as an id shared by every actor
 * with the same cut; -1 when the actor is not local. */
int                 mg_territory_index_key (const MgTerritoryIndex *index, guint actor, guint level);
/* The path of a key id, e.g. "Auvergne-Rhône-Alpes/Puy-de-Dôme". */
const char         *mg_territory_index_key_path (const MgTerritoryIndex *index, int key);
guint               mg_territory_index_get_n_keys (const MgTerritoryIndex *index);
/* The key id of a place path as mg_territory_at_level() writes it (e.g.
 * "Auvergne-Rhône-Alpes/Puy-de-Dôme"), or -1 when no local actor is
 * there or below. */
int                 mg_territory_index_lookup (const MgTerritoryIndex *index, const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgTerritoryIndex, mg_territory_index_free)

/* ---- stakeholder families ----------------------------------------------- */

typedef enum {
  MG_FAMILY_NONE = -1,    /* association, programme, unknown or no role */
  MG_FAMILY_AUTHORITIES,  /* local-authority, public-agency */
  MG_FAMILY_INDUSTRY,     /* large-company, sme */
  MG_FAMILY_STARTUPS,     /* startup */
  MG_FAMILY_CONNECTORS,   /* connector, financier */
  MG_FAMILY_REAL_ESTATE,  /* real-estate */
  MG_FAMILY_EDUCATION,    /* education */
  MG_FAMILY_UNIVERSITIES, /* university, research-lab */
  MG_N_FAMILIES
} MgFamily;

typedef guint MgFamilySet; /* bit (1u << MgFamily) */
#define MG_FAMILY_BIT(f) (1u << (f))
#define MG_FAMILY_SET_ALL ((1u << MG_N_FAMILIES) - 1)

MgFamily    mg_role_family (const char *role);
/* Stable ids: "authorities", "industry", "startups", "connectors",
 * "real-estate", "education", "universities". */
const char *mg_family_id (MgFamily family);
gboolean    mg_family_from_id (const char *id, MgFamily *out);
/* Untranslated display name (translate with _()). */
const char *mg_family_name (MgFamily family);

G_END_DECLS
