/* mg-actor-list.c — actors in a column view over a filter and sort model. */
#include "config.h"

#include "mg-resources.h"

#include <glib/gi18n.h>

#include "mg-a11y.h"
#include "mg-actor-list.h"
#include "mg-actor-model.h"
#include "mg-filter.h"
#include "mg-role-swatch.h"

struct _MgActorList {
  GtkWidget           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *territory_column;
  GtkLabel           *count_label;

  MgDocument         *document;
  MgActorModel       *model;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkMultiSelection  *selection_model;
  char               *folded_search;
  const char         *sort_by;  /* "name", "role", "territory" or "none" */
  gboolean            syncing; /* copying the selection one way or the other */
};

enum { PROP_0, PROP_SORT_BY, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { ACTOR_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgActorList, mg_actor_list, GTK_TYPE_WIDGET)

/* ---- sorting (the headers, or the sort menu for hidden columns) ---------------- */

/* GTK 4.8 cannot tell which column sorts: the menu keeps its own answer
 * (a click on a header may leave it behind, harmlessly). */
static const char *
get_sort_by (MgActorList *self)
{
  return self->sort_by;
}

static void
set_sort_by (MgActorList *self, const char *by)
{
  GtkColumnViewColumn *column = NULL;

  if (g_strcmp0 (by, "name") == 0)
    column = self->name_column;
  else if (g_strcmp0 (by, "role") == 0)
    column = self->role_column;
  else if (g_strcmp0 (by, "territory") == 0)
    column = self->territory_column;
  self->sort_by = column == self->name_column ? "name"
                : column == self->role_column ? "role"
                : column == self->territory_column ? "territory" : "none";
  gtk_column_view_sort_by_column (self->column_view, column, GTK_SORT_ASCENDING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}


static void
mg_actor_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT_BY:
      g_value_set_string (value, get_sort_by (MG_ACTOR_LIST (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_actor_list_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT_BY:
      set_sort_by (MG_ACTOR_LIST (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- rows -------------------------------------------------------------------- */

static void
setup_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
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
on_item_notify (MgActorItem *item, GParamSpec *pspec, GtkListItem *list_item);

/* Screen readers read each row as "name, role, territory": the list is the
 * whole map for them.  The name cell and its row carry it. */
static void
label_row (GtkWidget *cell_child, MgActorItem *item)
{
  const char *role = mg_actor_item_get_role_name (item);
  const char *path = mg_actor_item_get_territory (item);
  g_auto (GStrv) levels = g_strsplit (path != NULL ? path : "", "/", -1);
  g_autofree char *territory = g_strjoinv (" / ", levels);
  g_autofree char *text = NULL;

  text = g_strjoin (C_("a11y list separator", ", "), mg_actor_item_get_label (item),
                    role != NULL && *role != '\0' ? role : C_("a11y", "no role"),
                    *territory != '\0' ? territory : C_("a11y", "no territory"),
                    NULL);
  mg_a11y_set_label (cell_child, text);
  for (GtkWidget *w = gtk_widget_get_parent (cell_child); w != NULL && !GTK_IS_COLUMN_VIEW (w);
       w = gtk_widget_get_parent (w))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_ROW)
      {
        mg_a11y_set_label (w, text);
        break;
      }
}

static void
update_name (GtkListItem *list_item)
{
  MgActorItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (swatch);
  MgActor *actor = mg_actor_item_get_actor (item);
  MgActorList *self = g_object_get_data (G_OBJECT (list_item), "mg-list");
  const MgRole *role = NULL;

  gtk_label_set_text (GTK_LABEL (label), mg_actor_item_get_label (item));
  if (actor != NULL && actor->role != NULL && self->document != NULL)
    role = mg_vocabulary_lookup_role (mg_map_get_vocabulary (mg_document_get_map (self->document)),
                                      actor->role);
  mg_role_swatch_set_role (MG_ROLE_SWATCH (swatch), role);
  label_row (box, item);
}

static void
on_item_notify (MgActorItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  update_name (list_item);
}

static void
bind_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, MgActorList *self)
{
  MgActorItem *item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "mg-list", self);
  update_name (list_item);
  /* A rename or a new role shows at once in the row. */
  g_signal_connect (item, "notify", G_CALLBACK (on_item_notify), list_item);
}

static void
unbind_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  MgActorItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_notify, list_item);
}

static void
setup_text (GtkSignalListItemFactory *factory, GtkListItem *list_item, const char *property)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *item_expr, *prop_expr;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);

  /* Bound through an expression, so the cell follows edits by itself. */
  item_expr = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  prop_expr = gtk_property_expression_new (MG_TYPE_ACTOR_ITEM, item_expr, property);
  gtk_expression_bind (prop_expr, label, "label", list_item);
}

static GtkListItemFactory *
text_factory (const char *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_text), (gpointer) property);
  return factory;
}

static GtkSorter *
string_sorter (const char *property)
{
  GtkExpression *expr = gtk_property_expression_new (MG_TYPE_ACTOR_ITEM, NULL, property);
  GtkStringSorter *sorter = gtk_string_sorter_new (expr);

  gtk_string_sorter_set_ignore_case (sorter, TRUE);
  return GTK_SORTER (sorter);
}

/* ---- search ---------------------------------------------------------------------- */

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  MgActorList *self = user_data;

  if (self->folded_search == NULL)
    return TRUE;
  return strstr (mg_actor_item_get_search_key (item), self->folded_search) != NULL;
}

static void
update_count (MgActorList *self)
{
  guint shown = self->sorted ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;
  guint total = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (NULL, "%u actor", "%u actors", total), total);
  else
    text = g_strdup_printf (_("%u of %u actors"), shown, total);
  gtk_label_set_text (self->count_label, text);
}

void
mg_actor_list_set_search (MgActorList *self, const char *text)
{
  g_return_if_fail (MG_IS_ACTOR_LIST (self));
  g_clear_pointer (&self->folded_search, g_free);
  if (text != NULL && *text != '\0')
    self->folded_search = mg_fold_text (text);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_search_changed (GtkSearchEntry *entry, MgActorList *self)
{
  mg_actor_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search (or on a row): that actor is chosen, selected and
 * shown on the map. */
static void
activate_position (MgActorList *self, guint position)
{
  g_autoptr (MgActorItem) item = NULL;
  MgActor *actor;

  if (self->sorted == NULL || self->document == NULL ||
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  actor = mg_actor_item_get_actor (item);
  if (actor == NULL)
    return;
  mg_selection_select_actor (mg_document_get_selection (self->document), actor, MG_SELECT_REPLACE);
  g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, actor);
}

static void
on_search_activate (GtkSearchEntry *entry, MgActorList *self)
{
  /* The entry tells its changes late: search what it shows now. */
  mg_actor_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  activate_position (self, 0);
}

static void
on_row_activate (GtkColumnView *view, guint position, MgActorList *self)
{
  activate_position (self, position);
}

static void
on_stop_search (GtkSearchEntry *entry, MgActorList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* ---- Tab leaves the list ---------------------------------------------------------------------- */

/* GTK 4.8 lists take Tab from row to row: with hundreds of actors the
 * keyboard would be stuck there.  Tab and Shift+Tab go on to the widgets
 * before and after the list instead (the arrows move between rows). */
static gboolean
on_list_key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode,
                     GdkModifierType state, MgActorList *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkRoot *root = gtk_widget_get_root (view);
  GtkDirectionType direction;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  direction = (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? GTK_DIR_TAB_BACKWARD
                                                                          : GTK_DIR_TAB_FORWARD;
  /* A list that cannot take the focus is stepped over by GTK's search. */
  gtk_widget_set_can_focus (view, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (view, TRUE);
  return TRUE;
}

/* ---- selection in step with the canvas -------------------------------------------------- */

static void
on_list_selection_changed (GtkSelectionModel *model, guint position, guint n_items,
                           MgActorList *self)
{
  g_autoptr (GtkBitset) bitset = NULL;
  g_autoptr (GPtrArray) actors = g_ptr_array_new ();
  GtkBitsetIter iter;
  guint pos;

  if (self->syncing || self->document == NULL)
    return;
  bitset = gtk_selection_model_get_selection (model);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, bitset, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr (MgActorItem) item = g_list_model_get_item (G_LIST_MODEL (model), pos);
      if (mg_actor_item_get_actor (item) != NULL)
        g_ptr_array_add (actors, mg_actor_item_get_actor (item));
    }
  self->syncing = TRUE;
  mg_selection_select_actors (mg_document_get_selection (self->document), actors,
                              MG_SELECT_REPLACE);
  self->syncing = FALSE;
}

static void
on_document_selection_changed (MgSelection *selection, MgActorList *self)
{
  g_autoptr (GtkBitset) bitset = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  GListModel *shown = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (shown);
  int first = -1;

  if (self->syncing)
    return;
  if (mg_selection_get_n_actors (selection) > 0)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (MgActorItem) item = g_list_model_get_item (shown, i);
        MgActor *actor = mg_actor_item_get_actor (item);

        if (actor != NULL && mg_selection_contains_actor (selection, actor))
          {
            gtk_bitset_add (bitset, i);
            if (first < 0)
              first = i;
          }
      }
  mask = gtk_bitset_new_range (0, n);
  self->syncing = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection_model), bitset, mask);
  self->syncing = FALSE;
  /* Bring the first selected actor into view (the list's own action). */
  if (first >= 0)
    {
      GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (self->column_view));
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL)
        g_object_ref (focus);
      if (child != NULL)
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", (guint) first);
      /* GTK 4.8 scrolls by focusing the row: the keyboard stays where it
       * was (the canvas, the search). */
      if (focus != NULL && gtk_root_get_focus (root) != focus &&
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
        gtk_widget_grab_focus (focus);
      g_clear_object (&focus);
    }
}

/* ---- the document ---------------------------------------------------------------------- */

static void
clear_models (MgActorList *self)
{
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection_model);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
}

static void
on_map_changed (MgDocument *document, MgActorList *self)
{
  MgMap *map = mg_document_get_map (document);

  clear_models (self);
  if (map == NULL)
    return;
  self->model = mg_actor_model_new (map);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->model)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection_model = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  g_signal_connect (self->selection_model, "selection-changed",
                    G_CALLBACK (on_list_selection_changed), self);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (update_count), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection_model));
  g_signal_connect_object (mg_document_get_selection (document), "changed",
                           G_CALLBACK (on_document_selection_changed), self, 0);
  update_count (self);
}

void
mg_actor_list_set_document (MgActorList *self, MgDocument *document)
{
  g_return_if_fail (MG_IS_ACTOR_LIST (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  clear_models (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "map-changed", G_CALLBACK (on_map_changed), self, 0);
      if (mg_document_get_map (document) != NULL)
        on_map_changed (document, self);
    }
}

void
mg_actor_list_focus_search (MgActorList *self)
{
  g_return_if_fail (MG_IS_ACTOR_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
mg_actor_list_set_show_territory (MgActorList *self, gboolean show)
{
  g_return_if_fail (MG_IS_ACTOR_LIST (self));
  gtk_column_view_column_set_visible (self->territory_column, show);
}

GListModel *
mg_actor_list_get_shown (MgActorList *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_LIST (self), NULL);
  return self->sorted ? G_LIST_MODEL (self->sorted) : NULL;
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
mg_actor_list_dispose (GObject *object)
{
  MgActorList *self = MG_ACTOR_LIST (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  clear_models (self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_ACTOR_LIST);
  /* Template children without an id bound to a field are ours too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (mg_actor_list_parent_class)->dispose (object);
}

static void
mg_actor_list_finalize (GObject *object)
{
  g_free (MG_ACTOR_LIST (object)->folded_search);
  G_OBJECT_CLASS (mg_actor_list_parent_class)->finalize (object);
}

static void
mg_actor_list_class_init (MgActorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_actor_list_dispose;
  object_class->finalize = mg_actor_list_finalize;
  object_class->get_property = mg_actor_list_get_property;
  object_class->set_property = mg_actor_list_set_property;

  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* "actor-activated" (MgActor *): chosen by Enter in the search or on a
   * row (already selected): the window shows it on the map. */
  signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  gtk_widget_class_install_property_action (widget_class, "list.sort-by", "sort-by");

  mg_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/maillage/Maillage/mg-actor-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MgActorList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MgActorList, column_view);
  gtk_widget_class_bind_template_child (widget_class, MgActorList, name_column);
  gtk_widget_class_bind_template_child (widget_class, MgActorList, role_column);
  gtk_widget_class_bind_template_child (widget_class, MgActorList, territory_column);
  gtk_widget_class_bind_template_child (widget_class, MgActorList, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
}

static void
mg_actor_list_init (MgActorList *self)
{
  GtkListItemFactory *factory;
  g_autoptr (GtkSorter) name_sorter = NULL;
  g_autoptr (GtkSorter) role_sorter = NULL;
  g_autoptr (GtkSorter) territory_sorter = NULL;
  g_autoptr (GtkListItemFactory) role_factory = NULL;
  g_autoptr (GtkListItemFactory) territory_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sort_by = "none";
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_name), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_name), self);
  gtk_column_view_column_set_factory (self->name_column, factory);
  g_object_unref (factory);

  role_factory = text_factory ("role-name");
  territory_factory = text_factory ("territory");
  gtk_column_view_column_set_factory (self->role_column, role_factory);
  gtk_column_view_column_set_factory (self->territory_column, territory_factory);

  name_sorter = string_sorter ("label");
  role_sorter = string_sorter ("role-name");
  territory_sorter = string_sorter ("territory");
  gtk_column_view_column_set_sorter (self->name_column, name_sorter);
  gtk_column_view_column_set_sorter (self->role_column, role_sorter);
  gtk_column_view_column_set_sorter (self->territory_column, territory_sorter);
  update_count (self);
}

GtkColumnView *
mg_actor_list_get_column_view (MgActorList *self)
{
  g_return_val_if_fail (MG_IS_ACTOR_LIST (self), NULL);
  return self->column_view;
}

GtkWidget *
mg_actor_list_new (void)
{
  return g_object_new (MG_TYPE_ACTOR_LIST, NULL);
}
