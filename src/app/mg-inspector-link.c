/* mg-inspector-link.c — "Add Relation…" on the actor page: the other actor
 * from a list searched by any part of its name, the kind, then one undoable
 * step (the same as drawing the relation on the canvas). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mg-inspector-private.h"
#include "mg-vocab-item.h"

static MgActor *
single_actor (MgInspector *self)
{
  GPtrArray *actors;

  if (self->document == NULL || mg_document_get_map (self->document) == NULL)
    return NULL;
  actors = mg_selection_get_actors (mg_document_get_selection (self->document));
  return actors->len == 1 ? g_ptr_array_index (actors, 0) : NULL;
}

static MgActor *
link_source (MgInspector *self)
{
  MgMap *map;

  if (self->link_source_id == NULL || self->document == NULL ||
      (map = mg_document_get_map (self->document)) == NULL)
    return NULL;
  return mg_map_lookup_actor (map, self->link_source_id);
}

/* ---- the popover's lists ------------------------------------------------------------- */

typedef struct {
  char *label;
  char *key;   /* collation key: sorting thousands of names stays quick */
  char *id;
} Target;

static int
compare_targets (gconstpointer a, gconstpointer b)
{
  const Target *ta = a, *tb = b;
  int c = strcmp (ta->key, tb->key);

  return c != 0 ? c : strcmp (ta->id, tb->id);
}

/* Every other actor, by name; two actors of the same name are told apart
 * by their ids. */
static void
fill_targets (MgInspector *self, MgActor *source)
{
  MgMap *map = mg_document_get_map (self->document);
  GPtrArray *actors = mg_map_get_actors (map);
  g_autoptr (GArray) targets = g_array_sized_new (FALSE, FALSE, sizeof (Target), actors->len);
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      const char *label = mg_actor_get_display_label (a);

      if (a == source)
        continue;
      g_hash_table_insert (counts, (gpointer) label,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, label)) + 1));
    }
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      const char *label = mg_actor_get_display_label (a);
      Target t;

      if (a == source)
        continue;
      t.id = a->id;
      t.label = GPOINTER_TO_UINT (g_hash_table_lookup (counts, label)) > 1
                ? g_strdup_printf ("%s (%s)", label, a->id) : g_strdup (label);
      t.key = g_utf8_collate_key (t.label, -1);
      g_array_append_val (targets, t);
    }
  g_array_sort (targets, compare_targets);

  for (guint i = 0; i < targets->len; i++)
    {
      Target *t = &g_array_index (targets, Target, i);
      GtkStringObject *item = gtk_string_object_new (t->label);

      g_object_set_data_full (G_OBJECT (item), "mg-id", g_strdup (t->id), g_free);
      g_ptr_array_add (items, item);
      g_free (t->label);
      g_free (t->key);
    }
  g_list_store_splice (self->link_targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->link_targets)),
                       items->pdata, items->len);
  /* Nothing chosen yet: "Add" waits for a choice, so that a relation is
   * never made to whichever actor happens to come first. */
  gtk_single_selection_set_selected (self->link_selection, GTK_INVALID_LIST_POSITION);
}

static void
fill_kinds (MgInspector *self)
{
  MgVocabulary *vocab = mg_map_get_vocabulary (mg_document_get_map (self->document));
  g_autoptr (GListModel) kinds = mg_vocab_item_list_kinds (vocab);
  guint position = mg_vocab_item_find (kinds, self->link_kind_id);

  gtk_drop_down_set_model (self->relation_kind, kinds);
  gtk_drop_down_set_selected (self->relation_kind,
                              position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
on_add_relation_popover_show (GtkPopover *popover, MgInspector *self)
{
  MgActor *source = single_actor (self);

  if (source == NULL)
    {
      gtk_popover_popdown (popover);
      return;
    }
  g_free (self->link_source_id);
  self->link_source_id = g_strdup (source->id);
  gtk_editable_set_text (GTK_EDITABLE (self->relation_search), "");
  gtk_string_filter_set_search (self->link_filter, NULL);
  fill_targets (self, source);
  fill_kinds (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_relation_confirm), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->relation_search));
}

/* The id of the chosen actor, or NULL. */
static const char *
chosen_target (MgInspector *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->link_selection);

  return item ? g_object_get_data (item, "mg-id") : NULL;
}

static void
on_target_selection_changed (GtkSingleSelection *selection, GParamSpec *pspec, MgInspector *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_relation_confirm), chosen_target (self) != NULL);
}

static void
on_relation_search_changed (GtkSearchEntry *entry, MgInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_string_filter_set_search (self->link_filter, *text ? text : NULL);
  /* One match left: that is the one. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->link_selection)) == 1)
    gtk_single_selection_set_selected (self->link_selection, 0);
}

static MgRelation *
add_chosen_relation (MgInspector *self)
{
  MgActor *source = link_source (self);
  const char *target_id = chosen_target (self);
  MgVocabItem *kind = gtk_drop_down_get_selected_item (self->relation_kind);
  MgActor *target;
  const char *kind_id = kind ? mg_vocab_item_get_id (kind) : NULL;

  if (source == NULL || target_id == NULL)
    return NULL;
  target = mg_map_lookup_actor (mg_document_get_map (self->document), target_id);
  if (target == NULL || target == source)
    return NULL;
  g_free (self->link_kind_id);
  self->link_kind_id = g_strdup (kind_id);
  /* Directed, from the inspected actor: as drawn on the canvas. */
  return mg_undo_add_relation (mg_inspector_get_undo (self), source, target, kind_id, TRUE);
}

static void
on_add_relation_clicked (GtkButton *button, MgInspector *self)
{
  add_chosen_relation (self);
  gtk_popover_popdown (self->add_relation_popover);
}

/* Enter in the search: the first match is chosen; Enter again adds. */
static void
on_relation_search_activate (GtkSearchEntry *entry, MgInspector *self)
{
  if (chosen_target (self) != NULL)
    {
      on_add_relation_clicked (self->add_relation_confirm, self);
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->link_selection)) > 0)
    gtk_single_selection_set_selected (self->link_selection, 0);
}

/* A double click or Enter on an actor of the list adds at once. */
static void
on_relation_target_activate (GtkListView *list, guint position, MgInspector *self)
{
  gtk_single_selection_set_selected (self->link_selection, position);
  on_add_relation_clicked (self->add_relation_confirm, self);
}

/* Down from the search goes into the list, as in GNOME's search fields. */
static gboolean
on_search_key (GtkEventControllerKey *controller, guint keyval, guint keycode,
               GdkModifierType state, MgInspector *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->link_selection)) == 0)
    return FALSE;
  if (chosen_target (self) == NULL)
    gtk_single_selection_set_selected (self->link_selection, 0);
  gtk_widget_child_focus (GTK_WIDGET (self->relation_target_list), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/* ---- following the map -------------------------------------------------------------- */

static void
on_relation_added_or_removed (MgMap *map, MgRelation *relation, MgInspector *self)
{
  MgSelection *selection;

  if (self->document == NULL)
    return;
  selection = mg_document_get_selection (self->document);
  /* The count of the selected actor's relations. */
  if (mg_selection_contains_actor (selection, relation->source) ||
      mg_selection_contains_actor (selection, relation->target))
    mg_inspector_schedule_refresh (self);
}

void
mg_inspector_link_map_changed (MgInspector *self, MgMap *map)
{
  gtk_popover_popdown (self->add_relation_popover);
  g_clear_pointer (&self->link_source_id, g_free);
  if (map == NULL)
    return;
  g_signal_connect_object (map, "relation-added", G_CALLBACK (on_relation_added_or_removed), self, 0);
  g_signal_connect_object (map, "relation-removed", G_CALLBACK (on_relation_added_or_removed), self, 0);
}

void
mg_inspector_link_refresh (MgInspector *self, GPtrArray *actors)
{
  MgActor *actor = actors->len == 1 ? g_ptr_array_index (actors, 0) : NULL;
  g_autoptr (GPtrArray) relations = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->relations_group), actor != NULL);
  /* The popover adds from the actor it was opened for: another one
   * selected meanwhile closes it. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->add_relation_popover)) &&
      (actor == NULL || g_strcmp0 (actor->id, self->link_source_id) != 0))
    gtk_popover_popdown (self->add_relation_popover);
  if (actor == NULL)
    return;
  relations = mg_map_get_actor_relations (mg_document_get_map (self->document), actor);
  if (relations->len == 0)
    description = g_strdup (_("None yet: add one here, or drag from this actor to another with the link tool"));
  else
    description = g_strdup_printf (g_dngettext (NULL, "%u relation on the map", "%u relations on the map",
                                                relations->len),
                                   relations->len);
  adw_preferences_group_set_description (self->relations_group, description);
}

/* ---- public ---------------------------------------------------------------------------- */

MgRelation *
mg_inspector_add_relation (MgInspector *self, const char *target_id, const char *kind_id)
{
  GListModel *kinds;
  guint kind, target = GTK_INVALID_LIST_POSITION, n;

  g_return_val_if_fail (MG_IS_INSPECTOR (self), NULL);
  g_return_val_if_fail (target_id != NULL, NULL);

  if (single_actor (self) == NULL)
    return NULL;
  /* Through the widgets, as the user would: open, search, choose, click. */
  gtk_menu_button_popup (self->add_relation_button);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->add_relation_popover)))
    on_add_relation_popover_show (self->add_relation_popover, self);
  {
    MgActor *actor = mg_map_lookup_actor (mg_document_get_map (self->document), target_id);

    gtk_editable_set_text (GTK_EDITABLE (self->relation_search),
                           actor ? mg_actor_get_display_label (actor) : target_id);
    /* The entry reports searches after a short delay: now, here. */
    on_relation_search_changed (self->relation_search, self);
  }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->link_selection));
  for (guint i = 0; i < n && target == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->link_selection), i);

      if (g_strcmp0 (g_object_get_data (item, "mg-id"), target_id) == 0)
        target = i;
    }
  kinds = gtk_drop_down_get_model (self->relation_kind);
  kind = kinds ? mg_vocab_item_find (kinds, kind_id) : GTK_INVALID_LIST_POSITION;
  if (target == GTK_INVALID_LIST_POSITION || kind == GTK_INVALID_LIST_POSITION)
    {
      gtk_popover_popdown (self->add_relation_popover);
      return NULL;
    }
  gtk_single_selection_set_selected (self->link_selection, target);
  gtk_drop_down_set_selected (self->relation_kind, kind);
  g_return_val_if_fail (gtk_widget_get_sensitive (GTK_WIDGET (self->add_relation_confirm)), NULL);
  {
    guint before = mg_map_get_n_relations (mg_document_get_map (self->document));
    GPtrArray *relations;

    /* "clicked" itself: activation would wait for the press animation. */
    g_signal_emit_by_name (self->add_relation_confirm, "clicked");
    relations = mg_map_get_relations (mg_document_get_map (self->document));
    return relations->len > before ? g_ptr_array_index (relations, relations->len - 1) : NULL;
  }
}

/* ---- set-up ---------------------------------------------------------------------------- */

void
mg_inspector_link_init (MgInspector *self)
{
  g_autoptr (GtkListItemFactory) factory = mg_vocab_item_factory_new ();

  g_autoptr (GtkListItemFactory) labels = NULL;
  GtkEventController *keys;
  GtkFilterListModel *filtered;

  /* Any part of the name, any case: "clermont" finds "Université
   * Clermont Auvergne". */
  self->link_targets = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->link_filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                          NULL, "string"));
  gtk_string_filter_set_match_mode (self->link_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->link_filter, TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->link_targets)),
                                        GTK_FILTER (g_object_ref (self->link_filter)));
  self->link_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->link_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->link_selection, TRUE);
  g_signal_connect (self->link_selection, "notify::selected-item",
                    G_CALLBACK (on_target_selection_changed), self);
  static const char label_item[] =
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<property name=\"ellipsize\">end</property><binding name=\"label\">"
    "<lookup name=\"string\" type=\"GtkStringObject\"><lookup name=\"item\">GtkListItem</lookup>"
    "</lookup></binding></object></property></template></interface>";
  g_autoptr (GBytes) label_bytes = g_bytes_new_static (label_item, sizeof label_item - 1);

  labels = gtk_builder_list_item_factory_new_from_bytes (NULL, label_bytes);
  gtk_list_view_set_factory (self->relation_target_list, labels);
  gtk_list_view_set_model (self->relation_target_list, GTK_SELECTION_MODEL (self->link_selection));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->relation_search), keys);
  gtk_drop_down_set_factory (self->relation_kind, factory);
  gtk_popover_set_default_widget (self->add_relation_popover,
                                  GTK_WIDGET (self->add_relation_confirm));
}

void
mg_inspector_link_finalize (MgInspector *self)
{
  g_clear_object (&self->link_selection);
  g_clear_object (&self->link_filter);
  g_clear_object (&self->link_targets);
  g_free (self->link_source_id);
  g_free (self->link_kind_id);
}

void
mg_inspector_link_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relations_group);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, add_relation_button);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, add_relation_popover);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relation_search);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relation_target_list);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relation_kind);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, add_relation_confirm);
  gtk_widget_class_bind_template_callback (widget_class, on_add_relation_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_relation_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_relation_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_relation_target_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_relation_clicked);
}
