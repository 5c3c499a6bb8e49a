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
#include "mg-territory.h"

G_BEGIN_DECLS

/* What the derived rules read of a relation's kind (mg-lens.c says which
 * kinds are in which class). */
typedef enum {
  MG_KIND_CLASS_RECEIVED_HELP = 1 << 0, /* valorize: given to a firm */
  MG_KIND_CLASS_FIRM_PEERS    = 1 << 1, /* valorize: between firms */
  MG_KIND_CLASS_CARE          = 1 << 2,
  MG_KIND_CLASS_COMBINE       = 1 << 3,
  MG_KIND_CLASS_LEARN         = 1 << 4,
} MgKindClass;

/* What the derived rules read of an actor's role. */
typedef enum {
  MG_ROLE_CLASS_FIRM          = 1 << 0, /* large-company, sme, startup */
  MG_ROLE_CLASS_SMALL_FIRM    = 1 << 1, /* sme, startup */
  MG_ROLE_CLASS_CARE_RECEIVER = 1 << 2, /* sme, startup, local-authority, association */
} MgRoleClass;

typedef struct {
  MgAdjacency *adj;

  /* Roles, interned: role id → small integer. */
  GHashTable  *role_index;      /* char* → GUINT_TO_POINTER (index + 1) */
  guint        n_roles;
  int         *actor_role;      /* -1: no role */
  guint8      *actor_role_class;/* MgRoleClass */
  gint8       *actor_family;    /* MgFamily, MG_FAMILY_NONE (-1) for none */
  guint       *role_diversity;  /* distinct roles among neighbours */

  /* Relation kinds, interned likewise. */
  GHashTable  *kind_index;
  int         *relation_kind;   /* -1: no kind */
  guint8      *relation_kind_class; /* MgKindClass */

  /* Territories: places, scales, and prefixes interned. */
  MgTerritoryIndex *territories;

  /* Explicit lessons. */
  guint8      *actor_lessons;
  guint8      *relation_lessons;

  /* Provenance (MgProvenance), for the filter. */
  guint8      *actor_provenance;
  guint8      *relation_provenance;

  /* Folded search text (label, id, notes, territory), built on first use. */
  char       **actor_search;

  /* Left by mg_lens_compute_matches() for a change of threshold alone:
   * the families around each actor (MgFamilySet), and for each relation
   * which end the other counts for (bit 0: the target for the source, bit
   * 1: the source for the target). */
  guint8      *combine_families;
  guint8      *combine_partner;

  /* What the rules derive whatever the lens level (valorize; learn's
   * learners and knowledge/research relations), kept until roles, kinds
   * or the structure change. */
  guint8      *level_free_actor;
  guint8      *level_free_relation;
  gboolean     level_free_valid;
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
void mg_facts_build_provenance (MgFacts *facts, MgMap *map);
void mg_facts_build_lessons (MgFacts *facts, MgMap *map);
void mg_lens_compute_matches (MgFacts *facts, const MgLensSettings *settings,
                              MgMatches *out);
/* After a change of combine threshold alone, on matches computed by
 * mg_lens_compute_matches() with the same other settings. */
void mg_lens_update_combine (const MgFacts *facts, const MgLensSettings *settings,
                             MgMatches *out);

/* mg-filter.c */
void mg_facts_build_search (MgFacts *facts, MgMap *map);
/* Fills @actor_hidden / @relation_hidden (1 = excluded by @filter).
 * Needs roles, kinds and territories; search text when @filter searches. */
void mg_filter_compute_hidden (const MgFilter *filter, MgMap *map, MgFacts *facts,
                               guint8 *actor_hidden, guint8 *relation_hidden);

G_END_DECLS
