/* mg-report.h — the territory report: "who is missing around the table?"
 * (DESIGN.md, "The territory report"; issue 14).
 *
 * For a level L (1: regions) the report has one entry per territory and one
 * for the whole map.  The *members* of territory T at level L are the local
 * actors (mg-territory.h) whose path cut to L segments is T; an actor whose
 * path is shorter than L is its own entry ("Hauts-de-France" at level 2
 * sits beside "Hauts-de-France/Somme").  Actors without a territory or at a
 * scale belong to no territory, only to the whole map.
 *
 * A relation's giver is its source and its receiver its target; an
 * undirected relation is read both ways.  Self-loops are ignored everywhere
 * (they count in no lever and in no openness).  The levers (seed 004, the
 * CGET's ten levers for innovation in non-dense territories):
 *   catalysts (2)      members with at least 3 distinct partner roles
 *                      (non-empty roles of their neighbours, unknown roles
 *                      included), by betweenness on the whole map
 *                      (undirected simple graph), highest first (ties: map
 *                      order), at most 5 — actors with a betweenness of 0
 *                      included;
 *   engineering (4)    support, research and training relations whose
 *                      receiver is a member: inside when the giver is a
 *                      member too, else outside;
 *   partnerships outside (5)  partnership relations with exactly one end a
 *                      member;
 *   national networks (6)  membership relations from a member to a scale
 *                      actor;
 *   peer exchanges (7) knowledge or research relations between a member
 *                      and a local non-member;
 *   collective organisation (9)  members with at least 3 incoming
 *                      membership or partnership relations from other
 *                      members (relations counted, parallel ones too);
 *   openness (1)       relations with exactly one end a member ÷ relations
 *                      with at least one end a member; 0 when the territory
 *                      has no relation.
 * Levers 1 (its renewal part), 3, 8 and 10 need time or culture: they are
 * named "to discuss", never computed.
 *
 * Order: territories by member count, most first, then by name (UTF-8
 * collation); roles by count, most first, then by id; families in the
 * order of MgFamily (authorities, industry, startups, connectors,
 * real-estate, education, universities).  Actors without a role count in
 * no role.
 *
 * The report is a snapshot of the map: indices are MgActor.index and
 * MgRelation.index when it was built; rebuild it after the map changes (it
 * is cheap: see tests/bench/README.md). */
#pragma once

#include <json-glib/json-glib.h>
#include "mg-map.h"
#include "mg-territory.h"

G_BEGIN_DECLS

#define MG_REPORT_DEFAULT_LEVEL 1
#define MG_REPORT_MAX_CATALYSTS 5
#define MG_REPORT_MIN_PARTNER_ROLES 3
#define MG_REPORT_MIN_COLLECTIVE 3

/* What each lever's number counts, and what stands behind it. */
typedef enum {
  MG_LEVER_CATALYSTS,               /* actors */
  MG_LEVER_ENGINEERING_INSIDE,      /* relations */
  MG_LEVER_ENGINEERING_OUTSIDE,     /* relations */
  MG_LEVER_PARTNERSHIPS_OUTSIDE,    /* relations */
  MG_LEVER_NATIONAL_NETWORKS,       /* relations */
  MG_LEVER_PEER_EXCHANGES,          /* relations */
  MG_LEVER_COLLECTIVE_ORGANISATION, /* actors */
  MG_LEVER_OPENNESS,                /* relations: those leaving the territory */
  MG_N_LEVERS
} MgLever;

typedef struct {
  MgLever     lever;
  const char *id;          /* "catalysts", "engineering-inside"… */
  guint       cget;        /* the lever's number in seed 004 */
  const char *name;        /* untranslated (translate with _()) */
  const char *explanation; /* untranslated, one plain line */
  gboolean    relations;   /* its items are relations, else actors */
} MgLeverInfo;

const MgLeverInfo *mg_lever_info (MgLever lever);

/* The colour a family is drawn with: that of its first built-in role
 * (0xRRGGBB). */
guint32            mg_report_family_color (MgFamily family);

/* The levers that need time or culture, named but not computed. */
typedef struct {
  guint       cget;
  const char *name;        /* untranslated */
} MgLeverToDiscuss;

guint                   mg_report_n_levers_to_discuss (void);
const MgLeverToDiscuss *mg_report_lever_to_discuss (guint index);

typedef struct {
  const char *role;  /* role id (owned by the report) */
  guint       count;
} MgReportCount;

typedef struct {
  char        *path;                    /* the territory; NULL for the whole map */
  guint        n_actors;
  GArray      *members;                 /* guint actor indices, map order */
  GArray      *roles;                   /* MgReportCount, see "Order" */
  guint        families[MG_N_FAMILIES]; /* members per family */
  MgFamilySet  present;                 /* families with at least one member */
  /* Items behind each lever (guint actor or relation indices; catalysts
   * ranked, the others in map order).  Empty for the whole map. */
  GArray      *levers[MG_N_LEVERS];
  guint        n_relations;             /* relations with at least one end a member */
  double       openness;                /* 0..1 */
} MgReportTerritory;

typedef struct {
  guint        level;
  gboolean     has_betweenness;  /* FALSE: catalysts were not ranked (empty) */
  GPtrArray   *territories;      /* MgReportTerritory*, see "Order" */
  MgReportTerritory *map;        /* the whole map: actors, roles, families */
  GPtrArray   *role_ids;         /* private: the role strings counts point to */
} MgReport;

/* Builds the report of @map at @level (0 counts as 1).  @betweenness holds
 * one value per actor (mg_metrics_betweenness(), undirected), or is NULL:
 * then no catalysts are given and has_betweenness is FALSE.  (transfer full) */
MgReport *mg_report_new (MgMap *map, guint level, const double *betweenness, guint n_betweenness);
void      mg_report_free (MgReport *report);

/* Computes the betweenness the report needs (undirected, raw), for callers
 * without a cached one.  (transfer full, one value per actor) */
double   *mg_report_compute_betweenness (MgMap *map);

/* The entry of territory @path, or NULL. */
const MgReportTerritory *mg_report_find (const MgReport *report, const char *path);

static inline guint
mg_report_territory_lever_count (const MgReportTerritory *territory, MgLever lever)
{
  return territory->levers[lever] != NULL ? territory->levers[lever]->len : 0;
}

static inline MgFamilySet
mg_report_territory_missing (const MgReportTerritory *territory)
{
  return MG_FAMILY_SET_ALL & ~territory->present;
}

/* The JSON of `maillage --report --json`:
 *   {"level": N, "territories": [{"territory", "actors", "roles",
 *    "families", "missing_families", "catalysts", "engineering":
 *    {"inside", "outside"}, "partnerships_outside", "national_networks",
 *    "peer_exchanges", "collective_organisation", "openness"}…],
 *    "map": {"actors", "roles", "families", "missing_families"}}
 * roles and families are objects id → count (present ones only, in the
 * report's order), missing_families an array of family ids, catalysts an
 * array of actor ids (ranked), the levers integers, openness a number in
 * 0..1.  (transfer full) */
JsonNode *mg_report_to_json (const MgReport *report, MgMap *map);
/* The same, pretty-printed.  (transfer full) */
char     *mg_report_to_json_string (const MgReport *report, MgMap *map);
/* The report in plain, translated words, for people.  (transfer full) */
char     *mg_report_to_text (const MgReport *report, MgMap *map);
/* The same in @lang ("fr", "en"; NULL: the interface's, see mg-i18n.h). */
char     *mg_report_to_text_in (const MgReport *report, MgMap *map, const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgReport, mg_report_free)

G_END_DECLS
