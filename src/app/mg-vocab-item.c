/* mg-vocab-item.c — roles and kinds as list items with a swatch. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-role-swatch.h"
#include "mg-vocab-item.h"

struct _MgVocabItem {
  GObject         parent_instance;

  MgVocabItemType type;
  char           *id;
  char           *name;
  guint32         color;
  MgShape         shape;
  MgLineStyle     line;
};

enum { PROP_0, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MgVocabItem, mg_vocab_item, G_TYPE_OBJECT)

static void
mg_vocab_item_finalize (GObject *object)
{
  MgVocabItem *self = MG_VOCAB_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  G_OBJECT_CLASS (mg_vocab_item_parent_class)->finalize (object);
}

static void
mg_vocab_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, MG_VOCAB_ITEM (object)->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_vocab_item_class_init (MgVocabItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mg_vocab_item_finalize;
  object_class->get_property = mg_vocab_item_get_property;
  /* "name" lets AdwComboRow find a text for the item (and search it). */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mg_vocab_item_init (MgVocabItem *self)
{
}

MgVocabItem *
mg_vocab_item_new_role (const MgRole *role)
{
  MgVocabItem *self = g_object_new (MG_TYPE_VOCAB_ITEM, NULL);

  g_return_val_if_fail (role != NULL, NULL);
  self->type = MG_VOCAB_ITEM_ROLE;
  self->id = g_strdup (role->id);
  self->name = g_strdup (_(role->name));
  self->color = role->color;
  self->shape = role->shape;
  return self;
}

MgVocabItem *
mg_vocab_item_new_kind (const MgRelationKind *kind)
{
  MgVocabItem *self = g_object_new (MG_TYPE_VOCAB_ITEM, NULL);

  g_return_val_if_fail (kind != NULL, NULL);
  self->type = MG_VOCAB_ITEM_KIND;
  self->id = g_strdup (kind->id);
  self->name = g_strdup (_(kind->name));
  self->color = kind->color;
  self->line = kind->line;
  return self;
}

MgVocabItem *
mg_vocab_item_new_special (MgVocabItemType type, const char *name)
{
  MgVocabItem *self = g_object_new (MG_TYPE_VOCAB_ITEM, NULL);

  self->type = type;
  self->name = g_strdup (name);
  return self;
}

MgVocabItemType
mg_vocab_item_get_item_type (MgVocabItem *self)
{
  g_return_val_if_fail (MG_IS_VOCAB_ITEM (self), MG_VOCAB_ITEM_NONE);
  return self->type;
}

const char *
mg_vocab_item_get_id (MgVocabItem *self)
{
  g_return_val_if_fail (MG_IS_VOCAB_ITEM (self), NULL);
  return self->id;
}

const char *
mg_vocab_item_get_name (MgVocabItem *self)
{
  g_return_val_if_fail (MG_IS_VOCAB_ITEM (self), NULL);
  return self->name;
}

GListModel *
mg_vocab_item_list_roles (MgVocabulary *vocab)
{
  GListStore *store = g_list_store_new (MG_TYPE_VOCAB_ITEM);
  GPtrArray *roles = mg_vocabulary_get_roles (vocab);
  g_autoptr (MgVocabItem) none = mg_vocab_item_new_special (MG_VOCAB_ITEM_NONE, _("No role"));
  g_autoptr (MgVocabItem) new_role = mg_vocab_item_new_special (MG_VOCAB_ITEM_NEW, _("New role…"));

  g_list_store_append (store, none);
  for (guint i = 0; i < roles->len; i++)
    {
      g_autoptr (MgVocabItem) item = mg_vocab_item_new_role (g_ptr_array_index (roles, i));
      g_list_store_append (store, item);
    }
  g_list_store_append (store, new_role);
  return G_LIST_MODEL (store);
}

GListModel *
mg_vocab_item_list_kinds (MgVocabulary *vocab)
{
  GListStore *store = g_list_store_new (MG_TYPE_VOCAB_ITEM);
  GPtrArray *kinds = mg_vocabulary_get_kinds (vocab);
  g_autoptr (MgVocabItem) none = mg_vocab_item_new_special (MG_VOCAB_ITEM_NONE, _("No kind"));

  g_list_store_append (store, none);
  for (guint i = 0; i < kinds->len; i++)
    {
      g_autoptr (MgVocabItem) item = mg_vocab_item_new_kind (g_ptr_array_index (kinds, i));
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

guint
mg_vocab_item_find (GListModel *list, const char *id)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MgVocabItem) item = g_list_model_get_item (list, i);

      if (id == NULL ? item->type == MG_VOCAB_ITEM_NONE : g_strcmp0 (item->id, id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
setup_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), mg_role_swatch_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  MgVocabItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (swatch);

  gtk_label_set_text (GTK_LABEL (label), item->name);
  gtk_widget_set_visible (swatch, item->type != MG_VOCAB_ITEM_NEW);
  switch (item->type)
    {
    case MG_VOCAB_ITEM_ROLE:
      mg_role_swatch_set_look (MG_ROLE_SWATCH (swatch), item->color, item->shape);
      break;
    case MG_VOCAB_ITEM_KIND:
      mg_role_swatch_set_line (MG_ROLE_SWATCH (swatch), item->color, item->line);
      break;
    case MG_VOCAB_ITEM_NONE:
    case MG_VOCAB_ITEM_NEW:
    default:
      mg_role_swatch_set_empty (MG_ROLE_SWATCH (swatch));
      break;
    }
}

GtkListItemFactory *
mg_vocab_item_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  return factory;
}
