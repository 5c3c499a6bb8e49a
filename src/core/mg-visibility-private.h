/* mg-visibility-private.h — what mg-lens.c, mg-filter.c and
 * mg-visibility.c share: the facts about a map that evaluation reads, as
 * plain arrays indexed like the map (MgActor.index, MgRelation.index).
 *
 * Each group of facts is rebuilt only when what it depends on changes (see
 * the dirty flags in mg-visibility.c), so that toggling a lens or a filter
 * touches arrays only, never the map's structs or strings.
 */
#pragma once

#include "mg-adjacency.h"
#include "mg-filter.h"
#include "mg-lens.h"
#include "mg-map.h"

G_BEGIN_DECLS

/* Which lesson rules a relation kind feeds. */
typedef enum {
  MG_KIND_CLASS_VALORIZE = 1 << 0,
  MG_KIND_CLASS_LEARN    = 1 << 1,
} MgKindClass;

typedef struct {
  MgAdjacency *adj;

  /* Roles, interned: role id → small integer. */
  GHashTable  *role_index;      /* char* → GUINT_TO_POINTER (index + 1) */
  guint        n_roles;
  int         *actor_role;      /* -1: no role */
  int          large_company;   /* index of "large-company", or -2 */
  guint       *role_diversity;  /* distinct roles among neighbours */

  /* Relation kinds, interned likewise. */
  GHashTable  *kind_index;
  int         *relation_kind;   /* -1: no kind */
  guint8      *relation_kind_class; /* MgKindClass */

  /* Territories. */
  char       **actor_territory_path; /* normalised full path, or NULL */
  guint        territory_level;
  int         *actor_territory; /* key at territory_level, interned; -1 none */

  /* Explicit lessons. */
  guint8      *actor_lessons;
  guint8      *relation_lessons;

  /* Folded search text (label, id, notes, territory), built on first use. */
  char       **actor_search;
} MgFacts;

/* Lesson matches, per item. */
typedef struct {
  guint8 *actor_explicit;
  guint8 *actor_derived;    /* never overlaps actor_explicit */
  guint8 *relation_explicit;
  guint8 *relation_derived; /* never overlaps relation_explicit */
} MgMatches;

/* mg-lens.c */
void mg_facts_clear (MgFacts *facts, guint n_actors);
void mg_facts_build_roles (MgFacts *facts, MgMap *map);
void mg_facts_build_kinds (MgFacts *facts, MgMap *map);
void mg_facts_build_territories (MgFacts *facts, MgMap *map);
void mg_facts_build_territory_keys (MgFacts *facts, guint level);
void mg_facts_build_lessons (MgFacts *facts, MgMap *map);
void mg_lens_compute_matches (const MgFacts *facts, const MgLensSettings *settings,
                              MgMatches *out);

/* mg-filter.c */
void mg_facts_build_search (MgFacts *facts, MgMap *map);
/* Fills @actor_hidden / @relation_hidden (1 = excluded by @filter).
 * Needs roles, kinds and territories; search text when @filter searches. */
void mg_filter_compute_hidden (const MgFilter *filter, MgMap *map, MgFacts *facts,
                               guint8 *actor_hidden, guint8 *relation_hidden);

G_END_DECLS
