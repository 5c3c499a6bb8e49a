/* mg-map.h — the map model shared by the whole application.
 *
 * A map is one GraphML document: actors (nodes), relations (edges), map-level
 * data, the GraphML keys, and everything read from the file that Maillage does
 * not interpret, kept so that load → save → load loses nothing.
 *
 * Actors and relations are plain structs owned by the map; their fields may be
 * read directly, but every change goes through an mg_map_* function so that
 * the map emits its change signals (views follow edits through them).
 *
 * Coordinates: map space, in points, y pointing down, (x, y) is the centre of
 * the actor.
 */
#pragma once

#include <glib-object.h>
#include "mg-vocab.h"

G_BEGIN_DECLS

/* ---- GraphML keys and data ------------------------------------------- */

typedef enum {
  MG_VALUE_STRING,
  MG_VALUE_BOOLEAN,
  MG_VALUE_INT,
  MG_VALUE_LONG,
  MG_VALUE_FLOAT,
  MG_VALUE_DOUBLE,
} MgValueType;

typedef enum {
  MG_DOMAIN_ALL,
  MG_DOMAIN_GRAPHML,
  MG_DOMAIN_GRAPH,
  MG_DOMAIN_NODE,
  MG_DOMAIN_EDGE,
  MG_DOMAIN_HYPEREDGE,
  MG_DOMAIN_PORT,
  MG_DOMAIN_ENDPOINT,
} MgKeyDomain;

/* What Maillage reads a key as.  A key bound to a field feeds that field of
 * the actor / relation / map, and the writer writes the field back through
 * the same key. */
typedef enum {
  MG_FIELD_NONE = 0,    /* a plain attribute, kept as is */
  MG_FIELD_LABEL,       /* actor label */
  MG_FIELD_ROLE,
  MG_FIELD_TERRITORY,
  MG_FIELD_LESSONS,     /* actor or relation lessons */
  MG_FIELD_NOTES,       /* actor or relation notes */
  MG_FIELD_X,
  MG_FIELD_Y,
  MG_FIELD_PINNED,
  MG_FIELD_KIND,        /* relation kind */
  MG_FIELD_WEIGHT,      /* relation weight */
  MG_FIELD_TITLE,       /* map title (graph level) */
  MG_FIELD_DESCRIPTION, /* map description (graph level) */
  MG_FIELD_WIDTH,       /* actor width */
  MG_FIELD_HEIGHT,      /* actor height */
  MG_FIELD_PROVENANCE,  /* actor or relation provenance */
  MG_FIELD_ROUTE,       /* relation route: "x,y x,y …" (attr.name "maillage.route") */
  MG_N_FIELDS
} MgField;

/* An XML attribute kept verbatim (qualified name as written, e.g.
 * "yfiles.type", "xml:space", "sourceport"). */
typedef struct {
  char *name;
  char *value;
} MgXmlAttr;

/* What an element carried that Maillage does not interpret, written back as
 * it was read. */
typedef struct {
  GPtrArray *attrs;        /* of MgXmlAttr*, may be NULL; file order */
  char      *desc;         /* text of <desc>, or NULL */
  char      *raw_children; /* serialised XML of kept child elements (ports,
                              hyperedges, locators, foreign-namespace
                              elements), in file order, or NULL */
} MgXmlExtra;

typedef struct {
  char       *id;            /* key id as in the file (or made by Maillage) */
  MgKeyDomain domain;        /* for= */
  char       *name;          /* attr.name, or NULL */
  MgValueType type;          /* attr.type (string when absent) */
  gboolean    typed;         /* attr.type was present */
  char       *default_value; /* text of <default>, or NULL */
  MgField     field;         /* what Maillage reads it as (for a for="all"
                                key: as seen on nodes and graphs) */
  MgField     edge_field;    /* for a for="all" key: what it is on edges */
  MgXmlExtra  extra;         /* other attributes (yfiles.type, attr.list…),
                                <desc>, foreign children */
  char       *default_raw;   /* <default> holding elements, serialised, or NULL */
} MgKey;

/* One <data> element that is not bound to a field, kept as read. */
typedef struct {
  MgKey     *key;
  char      *value;  /* text content; or serialised inner XML when is_xml */
  gboolean   is_xml; /* the data held elements (e.g. yEd graphics) */
  GPtrArray *attrs;  /* other attributes of <data> (xml:space…), or NULL */
} MgData;

/* A <graph> element (top-level, or nested inside a group actor). */
typedef struct {
  char      *id;            /* may be NULL */
  gboolean   directed;      /* edgedefault="directed" */
  gboolean   has_edgedefault;
  GPtrArray *data;          /* of MgData*, graph-level data not bound */
  MgXmlExtra extra;
} MgGraphInfo;

/* ---- actors and relations -------------------------------------------- */

typedef struct _MgActor MgActor;
typedef struct _MgRelation MgRelation;

struct _MgActor {
  char        *id;
  char        *label;      /* NULL when none: display the id */
  char        *role;       /* role id, or NULL */
  char        *territory;  /* "Region/Department/City", or NULL */
  MgLessonSet  lessons;
  char        *notes;      /* or NULL */
  char        *provenance; /* "stated", "inferred", "illustrative",
                              "workshop" (or a word Maillage keeps without
                              knowing it); NULL: not recorded */

  double       x, y;       /* centre, map coordinates (points, y down) */
  double       width, height; /* size from the file or layout; 0 = style default */
  gboolean     has_position;
  gboolean     pinned;
  gboolean     has_color;  /* colour read from the file (yEd fill, Gephi r/g/b) */
  guint32      color;      /* 0xRRGGBB */

  MgActor     *parent;     /* the group actor whose nested graph holds it */
  MgGraphInfo *subgraph;   /* non-NULL when this actor is a group (nested graph) */
  guint        graph_index;/* which top-level <graph> it belongs to */

  GPtrArray   *data;       /* of MgData*, attributes not bound to a field */
  MgXmlExtra   extra;

  guint        index;      /* position in mg_map_get_actors(); kept by the map */
  /* MgChangeFlags of the edits made through the mg_map_* functions since
   * the actor was added (a reader leaves it 0).  The writer refreshes the
   * kept yEd graphics of what was edited, and only of that. */
  guint        edits;
};

struct _MgRelation {
  char        *id;         /* may be NULL; not necessarily unique (NetworkX
                              multigraph keys) */
  MgActor     *source;
  MgActor     *target;
  char        *kind;       /* kind id, or NULL */
  MgLessonSet  lessons;
  char        *notes;
  char        *provenance; /* as for actors */
  double       weight;
  gboolean     has_weight;
  gboolean     directed;   /* effective directedness */
  int          directed_attr; /* the directed= attribute: -1 absent, 0, 1 */

  MgActor     *parent;     /* group whose nested graph declared it, or NULL */
  guint        graph_index;

  /* Route from the last layout: cubic Bézier control points in map
   * coordinates (x0,y0, x1,y1, …; 3n+1 points), or NULL for a straight line. */
  double      *route;
  guint        n_route_points;

  GPtrArray   *data;       /* of MgData* */
  MgXmlExtra   extra;      /* sourceport, targetport… */

  guint        index;      /* position in mg_map_get_relations() */
  guint        edits;      /* MgChangeFlags edited since added, as for actors */
};

/* What changed, for the *-changed signals. */
typedef enum {
  MG_CHANGE_LABEL     = 1 << 0,
  MG_CHANGE_ROLE      = 1 << 1,
  MG_CHANGE_TERRITORY = 1 << 2,
  MG_CHANGE_LESSONS   = 1 << 3,
  MG_CHANGE_NOTES     = 1 << 4,
  MG_CHANGE_POSITION  = 1 << 5,
  MG_CHANGE_PINNED    = 1 << 6,
  MG_CHANGE_ATTRIBUTE = 1 << 7,
  MG_CHANGE_KIND      = 1 << 8,
  MG_CHANGE_WEIGHT    = 1 << 9,
  MG_CHANGE_SIZE      = 1 << 10,
  MG_CHANGE_ENDPOINTS = 1 << 11,
  MG_CHANGE_ROUTE     = 1 << 12,
  MG_CHANGE_PROVENANCE = 1 << 13,
} MgChangeFlags;

/* ---- the map ---------------------------------------------------------- */

#define MG_TYPE_MAP (mg_map_get_type ())
G_DECLARE_FINAL_TYPE (MgMap, mg_map, MG, MAP, GObject)

/* Signals (all run-last, no return value):
 *   "actor-added"      (MgActor *actor)
 *   "actor-removed"    (MgActor *actor)       — before it is freed
 *   "actor-changed"    (MgActor *actor, guint MgChangeFlags)
 *   "relation-added"   (MgRelation *relation)
 *   "relation-removed" (MgRelation *relation) — before it is freed
 *   "relation-changed" (MgRelation *relation, guint MgChangeFlags)
 *   "metadata-changed" ()                      — title or description
 *   "layout-changed"   ()                      — many positions at once
 * Properties: "title", "description" (strings), "n-actors", "n-relations". */

MgMap        *mg_map_new (void);

MgVocabulary *mg_map_get_vocabulary (MgMap *map);

const char   *mg_map_get_title (MgMap *map);
void          mg_map_set_title (MgMap *map, const char *title);
const char   *mg_map_get_description (MgMap *map);
void          mg_map_set_description (MgMap *map, const char *description);

/* Actors, in insertion (file) order.  (transfer none) arrays of MgActor* /
 * MgRelation*; do not modify them. */
GPtrArray    *mg_map_get_actors (MgMap *map);
GPtrArray    *mg_map_get_relations (MgMap *map);
guint         mg_map_get_n_actors (MgMap *map);
guint         mg_map_get_n_relations (MgMap *map);

MgActor      *mg_map_lookup_actor (MgMap *map, const char *id);
/* Adds an actor with a new unique @id; returns NULL if @id is taken.  With a
 * NULL id a fresh one ("a1", "a2"…) is made. */
MgActor      *mg_map_add_actor (MgMap *map, const char *id);
/* Removes the actor and every relation touching it (relation-removed is
 * emitted for each first).  Children of a group lose their parent. */
void          mg_map_remove_actor (MgMap *map, MgActor *actor);

MgRelation   *mg_map_add_relation (MgMap *map, MgActor *source, MgActor *target,
                                   const char *id, gboolean directed);
void          mg_map_remove_relation (MgMap *map, MgRelation *relation);
/* Relations touching @actor (in either direction), (transfer container). */
GPtrArray    *mg_map_get_actor_relations (MgMap *map, MgActor *actor);

void mg_map_set_actor_label     (MgMap *map, MgActor *actor, const char *label);
void mg_map_set_actor_role      (MgMap *map, MgActor *actor, const char *role);
void mg_map_set_actor_territory (MgMap *map, MgActor *actor, const char *territory);
void mg_map_set_actor_lessons   (MgMap *map, MgActor *actor, MgLessonSet lessons);
void mg_map_set_actor_notes     (MgMap *map, MgActor *actor, const char *notes);
void mg_map_set_actor_provenance (MgMap *map, MgActor *actor, const char *provenance);
void mg_map_set_actor_position  (MgMap *map, MgActor *actor, double x, double y);
void mg_map_set_actor_size      (MgMap *map, MgActor *actor, double width, double height);
void mg_map_set_actor_pinned    (MgMap *map, MgActor *actor, gboolean pinned);
/* Sets (or with NULL removes) a plain attribute by key attr.name, creating a
 * string key for nodes if the map has none of that name. */
void mg_map_set_actor_attribute (MgMap *map, MgActor *actor, const char *name, const char *value);
const char *mg_actor_get_attribute (MgActor *actor, const char *name);
/* The label to show: label, else id. */
const char *mg_actor_get_display_label (const MgActor *actor);

void mg_map_set_relation_kind    (MgMap *map, MgRelation *relation, const char *kind);
void mg_map_set_relation_lessons (MgMap *map, MgRelation *relation, MgLessonSet lessons);
void mg_map_set_relation_notes   (MgMap *map, MgRelation *relation, const char *notes);
void mg_map_set_relation_provenance (MgMap *map, MgRelation *relation, const char *provenance);
void mg_map_set_relation_weight  (MgMap *map, MgRelation *relation, gboolean has_weight, double weight);
void mg_map_set_relation_route   (MgMap *map, MgRelation *relation, const double *points, guint n_points);
void mg_map_set_relation_attribute (MgMap *map, MgRelation *relation, const char *name, const char *value);
const char *mg_relation_get_attribute (MgRelation *relation, const char *name);

/* Positions of many actors at once (after a layout): emits "layout-changed"
 * once instead of one actor-changed per actor.  @positions holds x,y pairs in
 * the order of mg_map_get_actors(); actors whose @mask entry is FALSE (or all
 * when mask is NULL) are updated. */
void mg_map_apply_positions (MgMap *map, const double *positions, const gboolean *mask);
/* TRUE when every actor has a position (the map can be shown without layout). */
gboolean mg_map_has_positions (MgMap *map);

/* Loading: for a reader building a fresh map that nobody listens to yet.
 * Between the two calls, adding actors and relations emits no signal and
 * no notification; mg_map_end_load() notifies "n-actors" / "n-relations"
 * once.  Calls nest. */
void     mg_map_begin_load (MgMap *map);
void     mg_map_end_load (MgMap *map);

/* ---- keys, graphs and document-level extras (for the GraphML layer) --- */

GPtrArray   *mg_map_get_keys (MgMap *map); /* (transfer none) of MgKey*, file order */
MgKey       *mg_map_lookup_key (MgMap *map, const char *id);
/* The key bound to @field for @domain (an exact-domain key first, then a
 * for="all" one), or NULL. */
MgKey       *mg_map_find_field_key (MgMap *map, MgField field, MgKeyDomain domain);
/* The first key with attr.name @name usable for @domain, or NULL. */
MgKey       *mg_map_find_key_by_name (MgMap *map, const char *name, MgKeyDomain domain);
/* Adds a key (the map takes ownership).  Returns FALSE, and frees nothing,
 * when a key with that id and an overlapping domain already exists. */
gboolean     mg_map_add_key (MgMap *map, MgKey *key);
/* A key id not used yet, like "d7". */
char        *mg_map_make_key_id (MgMap *map);

/* Top-level graphs (at least one once a file is read or an actor added). */
GPtrArray   *mg_map_get_graphs (MgMap *map); /* (transfer none) of MgGraphInfo* */
MgGraphInfo *mg_map_add_graph (MgMap *map); /* appends a new one, owned by the map */

/* Graph-level settings Maillage keeps in the data of the first graph, under
 * a string key found by its attr.name (e.g. "maillage.views").  Getting
 * gives the data's text, else the key's <default>, else NULL.  Setting NULL
 * removes the data; setting a value adds the key (typed string) when the map
 * has none.  Neither emits a signal. */
const char  *mg_map_get_graph_setting (MgMap *map, const char *key_name);
void         mg_map_set_graph_setting (MgMap *map, const char *key_name, const char *value);

/* Extras of the <graphml> root element (namespace declarations,
 * schemaLocation, <desc>) and graphml-level <data>. */
MgXmlExtra  *mg_map_get_root_extra (MgMap *map);
GPtrArray   *mg_map_get_document_data (MgMap *map); /* of MgData* */

/* ---- helpers for the plain structs ------------------------------------ */

MgKey       *mg_key_new (const char *id, MgKeyDomain domain, const char *name, MgValueType type);
void         mg_key_free (MgKey *key);
MgData      *mg_data_new (MgKey *key, const char *value, gboolean is_xml);
void         mg_data_free (MgData *data);
MgGraphInfo *mg_graph_info_new (void);
void         mg_graph_info_free (MgGraphInfo *graph);
void         mg_xml_extra_clear (MgXmlExtra *extra);
void         mg_xml_extra_add_attr (MgXmlExtra *extra, const char *name, const char *value);
/* Appends serialised XML to raw_children. */
void         mg_xml_extra_append_raw (MgXmlExtra *extra, const char *xml);
MgXmlAttr   *mg_xml_attr_new (const char *name, const char *value);
void         mg_xml_attr_free (MgXmlAttr *attr);

const char  *mg_value_type_to_string (MgValueType type);
gboolean     mg_value_type_from_string (const char *text, MgValueType *out);
const char  *mg_key_domain_to_string (MgKeyDomain domain);
gboolean     mg_key_domain_from_string (const char *text, MgKeyDomain *out);
/* TRUE if @text is a valid lexical value of @type (GraphML / XSD rules,
 * surrounding white space allowed). */
gboolean     mg_value_is_valid (MgValueType type, const char *text);
/* Parses an xs:boolean ("true"/"false"/"1"/"0", any case, white space
 * trimmed); returns FALSE when not a boolean. */
gboolean     mg_parse_boolean (const char *text, gboolean *out);
/* Parses a double with the C locale; FALSE when not a finite number. */
gboolean     mg_parse_double (const char *text, double *out);
/* Shortest text that reads back to the same double, C locale.  (transfer full) */
char        *mg_format_double (double value);

G_END_DECLS
