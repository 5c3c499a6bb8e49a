/* mg-vocab-item.h — a role or relation kind as a list item, for the
 * inspector's drop-downs (with "No role" and "New role…" entries). */
#pragma once

#include <gtk/gtk.h>
#include "mg-vocab.h"

G_BEGIN_DECLS

typedef enum {
  MG_VOCAB_ITEM_NONE, /* "No role" / "No kind" */
  MG_VOCAB_ITEM_ROLE,
  MG_VOCAB_ITEM_KIND,
  MG_VOCAB_ITEM_NEW,  /* "New role…" */
} MgVocabItemType;

#define MG_TYPE_VOCAB_ITEM (mg_vocab_item_get_type ())
G_DECLARE_FINAL_TYPE (MgVocabItem, mg_vocab_item, MG, VOCAB_ITEM, GObject)

MgVocabItem     *mg_vocab_item_new_role (const MgRole *role);
MgVocabItem     *mg_vocab_item_new_kind (const MgRelationKind *kind);
MgVocabItem     *mg_vocab_item_new_special (MgVocabItemType type, const char *name);
MgVocabItemType  mg_vocab_item_get_item_type (MgVocabItem *self);
const char      *mg_vocab_item_get_id (MgVocabItem *self);   /* NULL for specials */
const char      *mg_vocab_item_get_name (MgVocabItem *self); /* translated */

/* Roles of @vocab (with "No role" first and "New role…" last), or kinds. */
GListModel      *mg_vocab_item_list_roles (MgVocabulary *vocab);
GListModel      *mg_vocab_item_list_kinds (MgVocabulary *vocab);
/* Position of @id in such a list (0, the "none" entry, for NULL), or
 * GTK_INVALID_LIST_POSITION. */
guint            mg_vocab_item_find (GListModel *list, const char *id);

/* A factory drawing the swatch and the name (for AdwComboRow). */
GtkListItemFactory *mg_vocab_item_factory_new (void);

G_END_DECLS
