/* mg-graphml-writer-private.h — shared state of the GraphML writer.
 *
 * The writer is split in three files:
 *   mg-graphml-writer.c         what goes where: keys for Maillage's fields,
 *                               the graph structure, the document;
 *   mg-graphml-writer-output.c  how it is written: elements, escaping,
 *                               kept XML, data and field values, keys;
 *   mg-graphml-writer-yed.c     kept yEd graphics brought up to date with
 *                               what was edited, and actor sizes.
 */
#pragma once

#include <libxml/xmlwriter.h>

#include "mg-graphml.h"

G_BEGIN_DECLS

/* Where a field's key is looked up. */
typedef enum {
  MG_SLOT_NODE,
  MG_SLOT_EDGE,
  MG_SLOT_GRAPH,
  MG_N_SLOTS
} MgWriterSlot;

/* The contents of one <graph> element. */
typedef struct {
  MgGraphInfo *info;      /* borrowed, or owned by MgWriter.owned_infos */
  GPtrArray   *actors;    /* MgActor*, borrowed, map order */
  GPtrArray   *relations; /* MgRelation*, borrowed, map order */
} MgWriterGraph;

typedef struct {
  MgMap           *map;
  xmlTextWriterPtr xml;
  gboolean         failed;
  GArray          *has_content; /* gboolean per open element */

  MgKey           *field_keys[MG_N_FIELDS][MG_N_SLOTS];
  GPtrArray       *made_keys;   /* MgKey*, owned: written after the map's */

  GPtrArray       *top;         /* MgWriterGraph*, one per top-level graph */
  GHashTable      *groups;      /* MgActor* → MgWriterGraph* of its nested graph */
  GPtrArray       *owned_infos; /* MgGraphInfo* made up for the output */

  GHashTable      *replaced;    /* MgData* → char*: kept XML written in its
                                   place (yEd graphics refreshed), or NULL */
  guint8          *size_needed; /* by actor index: write width / height */
} MgWriter;

/* Field values written for one element, to keep plain data off their keys. */
typedef struct {
  MgKey *keys[MG_N_FIELDS];
  guint  n;
} MgWriterUsed;

void mg_writer_check (MgWriter *w, int rc);
/* @text, or a copy in *@owned with what XML 1.0 cannot hold replaced. */
const char *mg_writer_safe_text (const char *text, char **owned);
void mg_writer_mark_content (MgWriter *w);
void mg_writer_open (MgWriter *w, const char *name);
void mg_writer_close (MgWriter *w);
void mg_writer_attr (MgWriter *w, const char *name, const char *value);
void mg_writer_text (MgWriter *w, const char *text);
void mg_writer_text_element (MgWriter *w, const char *name, const char *text);
void mg_writer_raw_block (MgWriter *w, const char *xml, gboolean last);
void mg_writer_extra_attrs (MgWriter *w, GPtrArray *attrs, const char *const *written);
void mg_writer_desc (MgWriter *w, const MgXmlExtra *extra);
void mg_writer_plain_data (MgWriter *w, GPtrArray *data, MgKey *const *used, guint n_used);
void mg_writer_field_text (MgWriter *w, MgWriterUsed *used, MgField field, MgWriterSlot slot, const char *value);
void mg_writer_field_number (MgWriter *w, MgWriterUsed *used, MgField field, MgWriterSlot slot, double value);
void mg_writer_field_boolean (MgWriter *w, MgWriterUsed *used, MgField field, MgWriterSlot slot, gboolean value);
void mg_writer_field_lessons (MgWriter *w, MgWriterUsed *used, MgWriterSlot slot, MgLessonSet lessons);
gboolean mg_writer_key_default_boolean (const MgKey *key);
void mg_writer_key (MgWriter *w, const MgKey *key);

/* mg-graphml-writer-yed.c */
/* Decides, before anything is written, which kept yEd graphics are
 * refreshed (w->replaced) and which actors need their size written
 * (w->size_needed). */
void mg_writer_plan_graphics (MgWriter *w);
void mg_writer_clear_graphics (MgWriter *w);

G_END_DECLS
