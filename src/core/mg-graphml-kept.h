/* mg-graphml-kept.h — how a read file said things, so that writing it back
 * says them the same way.
 *
 * A field's value read from a <data> is normalised in the model (lessons
 * as a set, an empty value as none, a role id trimmed).  The text as read is
 * kept here, beside the map, for the values it differs from the model's;
 * the writer writes that text again for as long as the value is unchanged:
 * lessons keep their order, empty values stay empty values.  Values the
 * reader took from elsewhere than a <data> (a yEd edge label shown as a
 * relation's notes) are marked, so that they are not written into a key
 * unless edited.
 */
#pragma once

#include "mg-map.h"

G_BEGIN_DECLS

typedef struct {
  char        *text[MG_N_FIELDS];  /* as read, or NULL */
  MgLessonSet  lessons;            /* the set text[MG_FIELD_LESSONS] gave */
  char        *derived_notes;      /* notes taken from a yEd edge label */
  guint32      from_default;       /* bits (1 << MgField) given by a key's <default> */
} MgKeptFields;

#define MG_KEPT_BIT(field) (1u << (field))

/* @owner: an MgActor* or MgRelation* of @map. */
MgKeptFields       *mg_kept_fields_ensure (MgMap *map, gconstpointer owner);
const MgKeptFields *mg_kept_fields_lookup (MgMap *map, gconstpointer owner);
/* The model's form of a text field's value read as @text (NULL for none). */
char               *mg_kept_normalise (MgField field, const char *text);

G_END_DECLS
