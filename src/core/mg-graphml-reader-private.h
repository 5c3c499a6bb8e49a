/* mg-graphml-reader-private.h — shared state of the GraphML reader.
 *
 * The reader is split in five files:
 *   mg-graphml-reader.c          input, passes, libxml2 errors, warnings;
 *   mg-graphml-reader-walk.c     the streaming walk over the elements;
 *   mg-graphml-reader-bind.c     which key feeds which field, and values;
 *   mg-graphml-reader-resolve.c  what is settled at the end of the document;
 *   mg-graphml-reader-xml.c      attribute values, subtrees read whole,
 *                                escaping, entity references, yEd graphics.
 *
 * Values are applied while streaming whenever their key is already known
 * (the usual case: keys first).  Keys may also be declared after their use
 * or inside <graph>: such data waits in its owner's list with a NULL key
 * until the end.  Should a late key change what an already used key was
 * bound to, the pass stops and the document is read again with every
 * value settled at the end (a rare, slower path).
 */
#pragma once

#include <libxml/xmlreader.h>

#include "mg-graphml.h"

G_BEGIN_DECLS

/* At most this many warnings are kept; one more line counts the rest, so a
 * hostile file cannot fill memory with messages. */
#define MG_READER_MAX_WARNINGS 1000

/* Deepest element nesting accepted (libxml2's own default limit). */
#define MG_READER_MAX_DEPTH 256

/* Text produced by entity references, in the whole document.  libxml2
 * bounds what it expands itself; this bounds what we expand. */
#define MG_READER_MAX_ENTITY_BYTES (10 * 1024 * 1024)

/* In a document with a DTD, XML_PARSE_HUGE stays off (libxml2 checks entity
 * amplification only without it), so libxml2's default limits hold: 10 MB
 * of text in a node or value (XML_MAX_TEXT_LENGTH) and of unparsed input
 * (XML_MAX_LOOKUP_LIMIT), 50000 bytes in a name (XML_MAX_NAME_LENGTH).  The
 * scan enforces them first, a little below, to give its own message. */
#define MG_READER_MAX_DTD_VALUE_BYTES (10000000 - 65536)
#define MG_READER_MAX_DTD_NAME_BYTES 50000
/* Even with XML_PARSE_HUGE, libxml2 refuses names over 10 MB. */
#define MG_READER_MAX_NAME_BYTES MG_GRAPHML_MAX_NAME_BYTES

/* libxml2's reader (a push parser fed 512 bytes at a time) rescans an
 * unfinished tag, comment or processing instruction at each step, in time
 * quadratic in its length.  A document with a markup token longer than this
 * is read again with the pull parser into a tree, walked by the same code
 * (xmlReaderWalker), in linear time. */
#define MG_READER_MAX_STREAM_MARKUP_BYTES (1024 * 1024)

/* The input is looked at this far for a DTD before the parse starts. */
#define MG_READER_PROLOG_BYTES (1024 * 1024)

typedef enum {
  MG_SCAN_TEXT,
  MG_SCAN_LT,          /* after '<' */
  MG_SCAN_BANG,        /* after "<!" */
  MG_SCAN_START_NAME,
  MG_SCAN_ATTRS,
  MG_SCAN_VALUE,       /* a quoted attribute value */
  MG_SCAN_END_NAME,
  MG_SCAN_END_TAIL,
  MG_SCAN_COMMENT,
  MG_SCAN_PI,
  MG_SCAN_CDATA,
  MG_SCAN_DOCTYPE,
  MG_SCAN_OTHER,       /* a malformed "<!…": to its '>' */
} MgScanState;

/* mg-graphml-reader-scan.c: sizes, nesting and end of the raw input. */
typedef struct {
  const char *name;              /* file name for messages */
  MgScanState state;
  gboolean    dtd;               /* a <!DOCTYPE was met */
  gboolean    seen_root;         /* the first start tag was met */
  gboolean    failed;
  gboolean    eof;               /* the input has ended */
  guint64     line, column;      /* of the next byte */
  guint64     total;             /* bytes seen */
  guint64     token_len, token_line, token_column; /* current markup */
  guint64     max_markup;        /* longest markup token so far */
  guint64     value_len, value_line, value_column; /* current value */
  guint64     attr_name_len, attr_line, attr_column;
  guint64     name_len;
  char        elem[64];          /* start of the current element name */
  char        bang[8];
  guint       bang_len;
  char        quote;
  gboolean    slash;
  gboolean    in_comment;
  guint       brackets;
  guint32     tail;              /* last bytes, for "-->", "?>", "]]>" */
  int         depth;             /* open elements */
  GString    *names;             /* open elements' names, end to end */
  GArray     *name_ends;         /* gsize */
  GArray     *name_lines;        /* guint64 */
} MgScan;

void     mg_scan_init (MgScan *s);
void     mg_scan_clear (MgScan *s);
/* FALSE, with @error set (MG_GRAPHML_ERROR_LIMIT), past a limit. */
gboolean mg_scan_feed (MgScan *s, const guchar *bytes, gsize len, GError **error);
/* "the file ends before …" when the input ended inside the document, else
 * NULL. */
char    *mg_scan_describe_end (MgScan *s);

/* An append-only array in fixed blocks: growing it never copies, and
 * element addresses stay valid. */
#define MG_BLOCK_SHIFT 10
#define MG_BLOCK_LEN (1u << MG_BLOCK_SHIFT)

typedef struct {
  GPtrArray *blocks;
  gsize      element_size;
  guint      len;
} MgBlocks;

static inline void
mg_blocks_init (MgBlocks *b, gsize element_size)
{
  b->blocks = g_ptr_array_new_with_free_func (g_free);
  b->element_size = element_size;
  b->len = 0;
}

static inline gpointer
mg_blocks_get (const MgBlocks *b, guint i)
{
  return (char *) g_ptr_array_index (b->blocks, i >> MG_BLOCK_SHIFT) +
         (gsize) (i & (MG_BLOCK_LEN - 1)) * b->element_size;
}

/* A new zeroed element at the end. */
static inline gpointer
mg_blocks_append (MgBlocks *b)
{
  if ((b->len & (MG_BLOCK_LEN - 1)) == 0)
    g_ptr_array_add (b->blocks, g_malloc0 (MG_BLOCK_LEN * b->element_size));
  return mg_blocks_get (b, b->len++);
}

static inline void
mg_blocks_clear (MgBlocks *b)
{
  g_clear_pointer (&b->blocks, g_ptr_array_unref);
  b->len = 0;
}

typedef enum {
  MG_OWNER_DOCUMENT,     /* <data> directly in <graphml> */
  MG_OWNER_GRAPH,        /* owner: MgGraphInfo* */
  MG_OWNER_NODE,         /* owner: MgActor* */
  MG_OWNER_EDGE,         /* owner: MgRelation* */
  MG_OWNER_PENDING_EDGE, /* an edge waiting for its nodes: index in edges */
} MgOwnerKind;

typedef struct {
  MgOwnerKind kind;
  gpointer    owner;
  guint       edge;      /* MG_OWNER_PENDING_EDGE */
} MgOwner;

/* A <data> whose key was not known (for its domain) when it was read. */
typedef struct {
  MgData     *data;      /* in its owner's list, key NULL until the end */
  MgOwner     owner;
  const char *key_id;    /* in MgReader.strings */
  guint       line;
} MgPendingData;

/* An <edge> met before one of its nodes: made a relation at the end. */
typedef struct {
  const char *id;        /* may be NULL */
  const char *source_id;
  const char *target_id;
  MgActor    *parent;    /* group whose nested graph declared it */
  guint       graph_index;
  int         directed_attr;
  gboolean    graph_directed;
  MgXmlExtra  extra;
  GPtrArray  *data;      /* MgData* of its <data>, or NULL */
  guint       line;
  MgRelation *relation;  /* set when made */
} MgPendingEdge;

/* What yEd graphics told about a node or an edge. */
typedef struct {
  MgOwner     owner;     /* node, edge or pending edge */
  const char *label;     /* in MgReader.strings, or NULL */
  double      x, y, width, height;
  gboolean    has_geometry;
  gboolean    has_fill;
  guint32     fill;
} MgYedInfo;

/* State of the look for yEd graphics inside one <data>, fed with the
 * reader's events while the data is read. */
typedef struct {
  gboolean  edge;
  int       base;       /* depth of the <data> element */
  gboolean  proxy;      /* in a y:ProxyAutoBoundsNode (group) */
  int       realizers;  /* depth of its y:Realizers, 0 = not met */
  int       active;     /* the realizer shown */
  int       seen;       /* realizers met so far */
  int       realizer;   /* depth of the realizer element, 0 = not met */
  int       label;      /* depth of the label being read, 0 = none */
  gboolean  label_done;
  gboolean  done;
  gboolean  found;
  GString  *label_text;
  MgYedInfo info;
} MgYedScan;

typedef struct _MgKeyInfo MgKeyInfo;
struct _MgKeyInfo {
  MgKey     *key;        /* owned by the map */
  const char *id;        /* the key's id */
  gboolean   bindable;   /* FALSE for yEd / yFiles keys */
  gboolean   created;    /* made by the reader for an undeclared key */
  gboolean   warned;     /* a wrong-domain use was reported */
  gboolean   used;       /* a value was settled with its binding */
  MgField    used_field, used_edge_field;
  guint      line;
  MgKeyInfo *next;       /* next key with the same id */
};

/* Per-actor state while values are applied. */
typedef struct {
  guint32  fields;       /* bit (1 << MgField) of fields given */
  guint    line;         /* of its <node> */
  double   x, y, size;
  gboolean has_x, has_y, has_size, sized;
  guint8   rgb[3];
  guint8   rgb_set;      /* bit i: rgb[i] given */
} MgActorState;

typedef struct {
  MgMap           *map;
  const char      *name;      /* file name for messages */
  GPtrArray       *warnings;  /* the caller's, or NULL */
  guint            n_warnings;
  guint            n_dropped_warnings;

  xmlTextReaderPtr reader;
  xmlDictPtr       tree_dict; /* names of the tree walked, or NULL */
  gboolean         saw_doctype;
  gboolean         warned_edgedefault;
  gboolean         applying_default; /* values come from a key's <default> */
  gsize            entity_bytes; /* text produced by entity references */
  gboolean         deferred;  /* settle every value at the end */

  /* The first fatal problem; reading stops there. */
  GError          *error;
  gboolean         restart;   /* a late key changed a binding in use */

  GStringChunk    *strings;
  MgBlocks         pending;   /* MgPendingData */
  MgBlocks         edges;     /* MgPendingEdge */
  GArray          *yed;       /* MgYedInfo */
  GPtrArray       *keys;      /* MgKeyInfo*, file order, owned */
  GHashTable      *key_by_id; /* key id → first MgKeyInfo */
  gboolean         binding_dirty;
  gboolean         binding_done;
  /* Nodes renamed because their id was taken in another top-level graph:
   * "graph-index\nid" → MgActor*, so edges of that graph find them. */
  GHashTable      *local_ids;
  GArray          *actor_states;   /* MgActorState, by actor index */
  GArray          *relation_fields;/* guint32 field bits, by relation index */
  GArray          *relation_lines; /* guint, by relation index */
  guint32          graph_fields;   /* field bits of the first graph */
  GHashTable      *kept_bound;     /* MgData* of bound keys that stay plain */
  GHashTable      *edge_ids;       /* ids of relations, to spot repeats */
  guint            n_repeated_edge_ids;
  guint            first_repeat_line;
  char            *first_repeat_id;
  /* Ids and key names the GraphML schema rejects (not NMTOKENs): kept as
   * they are, counted, reported once each. */
  guint            n_bad_ids, n_bad_names;
  guint            first_bad_id_line, first_bad_name_line;
  char            *first_bad_id, *first_bad_name;

  GString         *text;      /* scratch buffers */
  GString         *raw;
} MgReader;

static inline MgPendingEdge *
mg_reader_edge (const MgReader *r, guint index)
{
  return mg_blocks_get (&r->edges, index);
}

static inline MgActorState *
mg_reader_actor_state (const MgReader *r, const MgActor *actor)
{
  return &g_array_index (r->actor_states, MgActorState, actor->index);
}

/* mg-graphml-reader.c */
void        mg_reader_warn (MgReader *r, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);
const char *mg_reader_intern (MgReader *r, const char *text);
/* Stops the read with MG_GRAPHML_ERROR_LIMIT at the current position. */
void        mg_reader_fail_limit (MgReader *r, const char *what);
/* Sets a "the file ends before …" error when the input ended inside the
 * document and @line (of libxml2's complaint) is at its end. */
gboolean    mg_reader_set_truncated_error (MgReader *r, int line);
/* Counts @value when the schema rejects it as an id (or a key name). */
void        mg_reader_check_nmtoken (MgReader *r, const char *value, guint line,
                                     gboolean key_name);
/* The warnings of mg_reader_check_nmtoken(), once each. */
void        mg_reader_report_nmtokens (MgReader *r);
/* Line of the node the reader is on (approximate past line 65535). */
guint       mg_reader_current_line (MgReader *r);

/* mg-graphml-reader-walk.c */
typedef struct _MgWalk MgWalk;

MgWalk     *mg_walk_new (MgReader *r);
/* Walks the whole document into r->map; FALSE when r->error is set. */
gboolean    mg_walk_run (MgWalk *walk);
void        mg_walk_free (MgWalk *walk);

/* mg-graphml-reader-bind.c */
MgKeyInfo  *mg_reader_add_key_info (MgReader *r, MgKey *key, gboolean bindable, guint line);
/* The key declared so far for @domain (or for="all") with that id. */
MgKeyInfo  *mg_reader_lookup_key (MgReader *r, const char *key_id, MgKeyDomain domain);
MgKeyDomain mg_reader_owner_domain (MgOwnerKind kind);
/* Binds keys to fields (again if a key that could be bound came since);
 * FALSE, with r->restart set, when a binding already used changed. */
gboolean    mg_reader_update_binding (MgReader *r);
MgField     mg_reader_field_for (const MgKey *key, MgKeyDomain domain);
/* The attr.names bound to @field on nodes (or edges), best first. */
const char *const *mg_reader_field_synonyms (MgField field, MgKeyDomain domain);
/* The field @key feeds on @owner (none for data kept as it is). */
MgField     mg_reader_owner_field (MgReader *r, const MgKey *key, const MgOwner *owner);
/* Gives @owner's @field the value @text; FALSE when the text cannot be one. */
gboolean    mg_reader_apply_field (MgReader *r, const MgOwner *owner, MgField field,
                                   const char *text);
GPtrArray  *mg_reader_owner_list (MgReader *r, const MgOwner *owner);
/* Remembers a value of a bound key that stays plain (it was unreadable). */
void        mg_reader_keep_bound (MgReader *r, MgData *data);
const char *mg_reader_field_name (MgField field);
const char *mg_reader_key_label (const MgKey *key);
char       *mg_reader_short_value (const char *value);
char       *mg_reader_describe_owner (MgReader *r, const MgOwner *owner);
/* Warns when @value is not valid for @key's attr.type. */
void        mg_reader_check_type (MgReader *r, const MgKey *key, const char *value,
                                  gboolean is_xml, const MgOwner *owner, guint line);
void        mg_reader_warn_unreadable (MgReader *r, guint line, const MgOwner *owner,
                                       const MgData *data, MgField field);
/* Records a relation (repeated ids, lines, field bits). */
void        mg_reader_relation_added (MgReader *r, MgRelation *relation, guint line);
/* Handles one <data> value read while streaming: feeds a field, or
 * becomes an MgData in its owner's list. */
void        mg_reader_take_value (MgReader *r, const MgOwner *owner, const char *key_id,
                                  const char *value, gboolean is_xml, GPtrArray *attrs,
                                  guint line);

/* mg-graphml-reader-resolve.c */
/* FALSE when the document must be read again with values deferred. */
gboolean    mg_reader_resolve (MgReader *r);

/* mg-graphml-reader-synonyms.c */
/* Values of synonym keys for what the bound key left empty; region,
 * department and city joined into the territory. */
void        mg_reader_apply_synonyms (MgReader *r);

/* mg-graphml-reader-xml.c */
/* The value of the attribute the reader is on (entity-made text is charged
 * to the entity budget), and its qualified name. */
const char *mg_reader_attribute_value (MgReader *r);
const char *mg_reader_attribute_name (MgReader *r);
/* Reads the current element to its end.  r->text gets all the text inside;
 * r->raw the serialised XML — of the whole element when @outer, else of its
 * content once an element child is met (*has_elements).  Returns the
 * reader's status after stepping past the element. */
int         mg_reader_capture (MgReader *r, gboolean outer, MgYedScan *scan,
                               gboolean *has_elements);
void        mg_reader_escape_text (GString *out, const char *text, gssize len);
void        mg_reader_escape_attribute (GString *out, const char *text);
/* Appends the text an entity reference stands for (to @raw escaped, when
 * not NULL); external entities are never read. */
void        mg_reader_append_entity (MgReader *r, GString *text, GString *raw,
                                     xmlNodePtr ref, guint line);
void        mg_yed_scan_init (MgYedScan *scan, gboolean edge, int data_depth);
void        mg_yed_scan_start (MgReader *r, MgYedScan *scan);
void        mg_yed_scan_end (MgReader *r, MgYedScan *scan);
void        mg_yed_scan_text (MgReader *r, MgYedScan *scan, const char *text);
void        mg_yed_scan_clear (MgYedScan *scan);

G_END_DECLS
