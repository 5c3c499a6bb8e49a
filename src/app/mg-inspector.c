/* mg-inspector.c — the inspector's actor page, and what both pages share. */
#include "config.h"

#include "mg-resources.h"

#include <glib/gi18n.h>

#include "mg-a11y.h"
#include "mg-inspector-private.h"
#include "mg-role-swatch.h"
#include "mg-vocab-item.h"

G_DEFINE_FINAL_TYPE (MgInspector, mg_inspector, GTK_TYPE_WIDGET)

static void schedule_refresh (MgInspector *self);

void
mg_inspector_schedule_refresh (MgInspector *self)
{
  schedule_refresh (self);
}
static void on_attribute_apply (AdwEntryRow *row, MgInspector *self);

/* ---- shared helpers --------------------------------------------------------------- */

gboolean
mg_inspector_contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

MgUndoStack *
mg_inspector_get_undo (MgInspector *self)
{
  return self->document ? mg_document_get_undo_stack (self->document) : NULL;
}

char *
mg_inspector_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A lesson as a row: its colour, its name, the rule in the tooltip, and a
 * check button that can show "some of the selection". */
GtkWidget *
mg_inspector_lesson_row (const MgLessonInfo *info, GtkCheckButton **check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = mg_role_swatch_new ();
  GtkWidget *button = gtk_check_button_new ();
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", _(info->gloss), _(info->explanation));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->name));
  gtk_widget_set_tooltip_text (row, tooltip);
  mg_role_swatch_set_look (MG_ROLE_SWATCH (dot), info->color, MG_SHAPE_CIRCLE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* (The row labels its check button for screen readers.) */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  *check = GTK_CHECK_BUTTON (button);
  return row;
}

void
mg_inspector_set_check (GtkCheckButton *check, guint n_with, guint n_total)
{
  gtk_check_button_set_active (check, n_total > 0 && n_with == n_total);
  gtk_check_button_set_inconsistent (check, n_with > 0 && n_with < n_total);
}

/* ---- the actor page: from the model to the widgets ------------------------------------ */

static GPtrArray *
selected_actors (MgInspector *self)
{
  return mg_selection_get_actors (mg_document_get_selection (self->document));
}

/* The one value all @actors share, or @mixed when they differ. */
static const char *
common_text (GPtrArray *actors, gsize offset, gboolean *mixed)
{
  const char *first = NULL;

  *mixed = FALSE;
  for (guint i = 0; i < actors->len; i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, g_ptr_array_index (actors, i), offset);

      if (i == 0)
        first = value;
      else if (g_strcmp0 (first, value) != 0)
        {
          *mixed = TRUE;
          return NULL;
        }
    }
  return first;
}

static void
set_entry_text (AdwEntryRow *row, const char *text)
{
  if (mg_inspector_contains_focus (GTK_WIDGET (row)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
refresh_roles_model (MgInspector *self)
{
  MgVocabulary *vocab = mg_map_get_vocabulary (mg_document_get_map (self->document));
  guint n = mg_vocabulary_get_roles (vocab)->len;

  /* Roles are only ever added: a new count means a new list. */
  if (self->roles != NULL && self->n_roles_listed == n)
    return;
  g_clear_object (&self->roles);
  self->roles = mg_vocab_item_list_roles (vocab);
  self->n_roles_listed = n;
  adw_combo_row_set_model (self->role_row, self->roles);
}

static void
refresh_attributes (MgInspector *self, GPtrArray *actors)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (mg_inspector_contains_focus (GTK_WIDGET (self->attributes_group)))
    return;
  for (guint i = 0; i < self->attribute_rows->len; i++)
    adw_preferences_group_remove (self->attributes_group,
                                  g_ptr_array_index (self->attribute_rows, i));
  g_ptr_array_set_size (self->attribute_rows, 0);

  /* The union of the plain (text) attributes, in the order met. */
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);

      for (guint d = 0; actor->data != NULL && d < actor->data->len; d++)
        {
          MgData *data = g_ptr_array_index (actor->data, d);

          if (data->is_xml || data->key == NULL || data->key->name == NULL)
            continue;
          if (g_hash_table_add (seen, data->key->name))
            g_ptr_array_add (names, data->key->name);
        }
    }

  for (guint n = 0; n < names->len; n++)
    {
      const char *name = g_ptr_array_index (names, n);
      const char *common = NULL;
      gboolean mixed = FALSE;
      GtkWidget *row = adw_entry_row_new ();

      for (guint i = 0; i < actors->len; i++)
        {
          const char *value = mg_actor_get_attribute (g_ptr_array_index (actors, i), name);

          if (i == 0)
            common = value;
          else if (g_strcmp0 (common, value) != 0)
            mixed = TRUE;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (mixed)
        {
          g_autofree char *title = g_strdup_printf (_("%s (several values)"), name);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (row), common ? common : "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      mg_a11y_name_icon_buttons (row);
      g_object_set_data_full (G_OBJECT (row), "mg-attribute", g_strdup (name), g_free);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_attribute_apply), self, 0);
      adw_preferences_group_add (self->attributes_group, row);
      g_ptr_array_add (self->attribute_rows, row);
    }
}

static void
refresh_actors (MgInspector *self, GPtrArray *actors)
{
  MgMap *map = mg_document_get_map (self->document);
  guint n = actors->len;
  gboolean mixed;
  const char *text;
  guint n_pinned = 0;
  g_autofree char *heading = NULL;

  if (n == 1)
    heading = g_strdup (mg_actor_get_display_label (g_ptr_array_index (actors, 0)));
  else
    heading = g_strdup_printf (g_dngettext (NULL, "%u actor", "%u actors", n), n);
  gtk_label_set_text (self->actor_heading, heading);

  gtk_widget_set_visible (GTK_WIDGET (self->label_row), n == 1);
  if (n == 1)
    set_entry_text (self->label_row, ((MgActor *) g_ptr_array_index (actors, 0))->label);

  refresh_roles_model (self);
  text = common_text (actors, G_STRUCT_OFFSET (MgActor, role), &mixed);
  if (mixed)
    {
      adw_combo_row_set_selected (self->role_row, GTK_INVALID_LIST_POSITION);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row), _("Several roles"));
    }
  else
    {
      if (text != NULL)
        mg_vocabulary_ensure_role (mg_map_get_vocabulary (map), text);
      refresh_roles_model (self);
      adw_combo_row_set_selected (self->role_row, mg_vocab_item_find (self->roles, text));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row), NULL);
    }

  text = common_text (actors, G_STRUCT_OFFSET (MgActor, territory), &mixed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->territory_row),
                                 mixed ? _("Territory (several values)") : _("Territory"));
  set_entry_text (self->territory_row, mixed ? NULL : text);

  for (guint i = 0; i < n; i++)
    n_pinned += ((MgActor *) g_ptr_array_index (actors, i))->pinned ? 1 : 0;
  gtk_switch_set_active (self->pinned_switch, n_pinned == n);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pinned_row),
                               n_pinned > 0 && n_pinned < n
                               ? _("Some of the selection is pinned")
                               : _("Stays in place when the map is laid out again"));

  for (MgLesson l = 0; l < MG_N_LESSONS; l++)
    {
      guint with = 0;

      for (guint i = 0; i < n; i++)
        with += (((MgActor *) g_ptr_array_index (actors, i))->lessons & MG_LESSON_BIT (l)) ? 1 : 0;
      mg_inspector_set_check (self->lesson_checks[l], with, n);
    }

  if (!mg_inspector_contains_focus (GTK_WIDGET (self->notes_view)))
    {
      text = common_text (actors, G_STRUCT_OFFSET (MgActor, notes), &mixed);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                mixed || text == NULL ? "" : text, -1);
      adw_preferences_group_set_description (self->notes_group,
                                             mixed ? _("The selected actors have different notes: typing here replaces them all")
                                                   : NULL);
    }

  refresh_attributes (self, actors);
  mg_inspector_link_refresh (self, actors);
}

static void
refresh (MgInspector *self)
{
  MgSelection *selection;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document == NULL || mg_document_get_map (self->document) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  selection = mg_document_get_selection (self->document);
  self->updating = TRUE;
  if (mg_selection_get_n_actors (selection) > 0)
    {
      refresh_actors (self, mg_selection_get_actors (selection));
      mg_inspector_provenance_refresh (self, mg_selection_get_actors (selection), NULL);
      gtk_stack_set_visible_child_name (self->stack, "actors");
    }
  else if (mg_selection_get_relations (selection)->len > 0)
    {
      mg_inspector_relation_refresh (self);
      mg_inspector_provenance_refresh (self, NULL, mg_selection_get_relations (selection));
      gtk_stack_set_visible_child_name (self->stack, "relations");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "none");
  self->updating = FALSE;
}

static gboolean
refresh_idle_cb (gpointer data)
{
  MgInspector *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many actors may change at once (bulk tags): refresh once, when idle. */
static void
schedule_refresh (MgInspector *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
on_actor_changed (MgMap *map, MgActor *actor, guint flags, MgInspector *self)
{
  if (flags == MG_CHANGE_POSITION)
    return;
  if (mg_selection_contains_actor (mg_document_get_selection (self->document), actor))
    schedule_refresh (self);
}

static void
on_relation_changed (MgMap *map, MgRelation *relation, guint flags, MgInspector *self)
{
  if (flags == MG_CHANGE_ROUTE)
    return;
  if (mg_selection_contains_relation (mg_document_get_selection (self->document), relation))
    schedule_refresh (self);
}



/* ---- the actor page: from the widgets to the model ------------------------------------- */

static void
set_text_field (MgInspector *self, MgUndoActorField field, const char *name, const char *value)
{
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;

  if (self->updating || self->document == NULL)
    return;
  mg_undo_set_actors_text (mg_inspector_get_undo (self), selected_actors (self), field, name,
                           stripped);
}

static void
on_label_apply (AdwEntryRow *row, MgInspector *self)
{
  set_text_field (self, MG_UNDO_ACTOR_LABEL, NULL, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_similar_territory_response (AdwMessageDialog *dialog, const char *response, MgInspector *self)
{
  const char *key = g_str_equal (response, "existing") ? "mg-existing"
                    : g_str_equal (response, "new") ? "mg-typed" : NULL;
  const char *path = key != NULL ? g_object_get_data (G_OBJECT (dialog), key) : NULL;
  GPtrArray *actors = g_object_get_data (G_OBJECT (dialog), "mg-actors");

  if (path == NULL || self->document == NULL || actors == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->territory_row), path);
  /* The actors selected when the question was asked, still on the map. */
  for (guint i = actors->len; i > 0; i--)
    if (mg_map_lookup_actor (mg_document_get_map (self->document),
                             ((MgActor *) g_ptr_array_index (actors, i - 1))->id) !=
        g_ptr_array_index (actors, i - 1))
      g_ptr_array_remove_index (actors, i - 1);
  if (actors->len > 0)
    mg_undo_set_actors_text (mg_inspector_get_undo (self), actors, MG_UNDO_ACTOR_TERRITORY, NULL, path);
}

/* A typo must not make a second "Puy-de-Dôme": a territory that differs
 * from one of the map only by case, accents or spacing asks first. */
static void
on_territory_apply (AdwEntryRow *row, MgInspector *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *similar = NULL;
  g_autofree char *shown_typed = NULL, *shown_similar = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->updating || self->document == NULL)
    return;
  similar = mg_territory_find_similar (mg_document_get_map (self->document), typed);
  if (similar == NULL)
    {
      set_text_field (self, MG_UNDO_ACTOR_TERRITORY, NULL, typed);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  shown_typed = mg_territory_display (typed);
  shown_similar = mg_territory_display (similar);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Use the Existing Territory?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The map already has “%s”. “%s” differs from it only by "
                                    "capitals, accents or spaces."),
                                  shown_similar, shown_typed);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("Create _New"),
                                    "existing", _("Use _Existing"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "existing",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "existing");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mg-existing", g_steal_pointer (&similar), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "mg-typed", g_steal_pointer (&typed), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "mg-actors",
                          g_ptr_array_copy (selected_actors (self), NULL, NULL),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_similar_territory_response), self, 0);
  self->territory_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->territory_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_role_response (AdwMessageDialog *dialog, const char *response, MgInspector *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "mg-entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "create") && *name != '\0' && self->document != NULL)
    {
      /* An unknown role's colour is derived from its id, so the map reopens
       * with the same colours: the name is the id. */
      mg_vocabulary_ensure_role (mg_map_get_vocabulary (mg_document_get_map (self->document)), name);
      set_text_field (self, MG_UNDO_ACTOR_ROLE, NULL, name);
    }
  refresh (self);
}

static void
ask_new_role (MgInspector *self)
{
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("New Role"),
                                   _("The selected actors get this role; it gets a colour of its own."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Role name, e.g. Fab lab"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "mg-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_role_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_role_selected (AdwComboRow *row, GParamSpec *pspec, MgInspector *self)
{
  MgVocabItem *item;

  if (self->updating || self->document == NULL)
    return;
  item = adw_combo_row_get_selected_item (row);
  if (item == NULL)
    return;
  switch (mg_vocab_item_get_item_type (item))
    {
    case MG_VOCAB_ITEM_NEW:
      ask_new_role (self);
      break;
    case MG_VOCAB_ITEM_NONE:
      set_text_field (self, MG_UNDO_ACTOR_ROLE, NULL, NULL);
      break;
    case MG_VOCAB_ITEM_ROLE:
    case MG_VOCAB_ITEM_KIND:
    default:
      set_text_field (self, MG_UNDO_ACTOR_ROLE, NULL, mg_vocab_item_get_id (item));
      break;
    }
}

static void
on_pinned_toggled (GtkSwitch *toggle, GParamSpec *pspec, MgInspector *self)
{
  if (self->updating || self->document == NULL)
    return;
  mg_undo_set_actors_pinned (mg_inspector_get_undo (self), selected_actors (self),
                             gtk_switch_get_active (toggle));
}

static void
on_lesson_toggled (GtkCheckButton *check, MgInspector *self)
{
  MgLesson lesson = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mg-lesson"));
  gboolean on = gtk_check_button_get_active (check);

  if (self->updating || self->document == NULL)
    return;
  gtk_check_button_set_inconsistent (check, FALSE);
  mg_undo_change_actors_lessons (mg_inspector_get_undo (self), selected_actors (self),
                                 on ? MG_LESSON_BIT (lesson) : 0, on ? 0 : MG_LESSON_BIT (lesson));
}

static void
on_notes_focus_enter (GtkEventControllerFocus *focus, MgInspector *self)
{
  GPtrArray *actors;

  if (self->document == NULL)
    return;
  /* Remember whose notes these are: the selection may change before the
   * focus leaves. */
  actors = selected_actors (self);
  g_ptr_array_set_size (self->notes_targets, 0);
  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (self->notes_targets, g_strdup (((MgActor *) g_ptr_array_index (actors, i))->id));
}

static void
commit_actor_notes (MgInspector *self)
{
  g_autofree char *text = mg_inspector_get_text (self->notes_view);
  g_autoptr (GPtrArray) actors = g_ptr_array_new ();
  MgMap *map;
  gboolean mixed;
  const char *common;

  if (self->document == NULL || (map = mg_document_get_map (self->document)) == NULL)
    return;
  for (guint i = 0; i < self->notes_targets->len; i++)
    {
      MgActor *actor = mg_map_lookup_actor (map, g_ptr_array_index (self->notes_targets, i));
      if (actor != NULL)
        g_ptr_array_add (actors, actor);
    }
  g_ptr_array_set_size (self->notes_targets, 0);
  /* Leaving mixed notes untouched is not an edit. */
  common = common_text (actors, G_STRUCT_OFFSET (MgActor, notes), &mixed);
  if (actors->len == 0 || (mixed && *text == '\0') || g_strcmp0 (common ? common : "", text) == 0)
    return;
  mg_undo_set_actors_text (mg_inspector_get_undo (self), actors, MG_UNDO_ACTOR_NOTES, NULL, text);
}

static void
on_notes_focus_leave (GtkEventControllerFocus *focus, MgInspector *self)
{
  commit_actor_notes (self);
}

static void
on_selection_changed (MgSelection *selection, MgInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Notes typed for the old selection are kept before the page changes,
   * and the views let go of the focus so they show the new selection's. */
  commit_actor_notes (self);
  mg_inspector_relation_commit_notes (self);
  if (root != NULL && (mg_inspector_contains_focus (GTK_WIDGET (self->notes_view)) ||
                       mg_inspector_contains_focus (GTK_WIDGET (self->relation_notes_view))))
    gtk_root_set_focus (root, NULL);
  refresh (self);
}

static void
on_attribute_apply (AdwEntryRow *row, MgInspector *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "mg-attribute");

  set_text_field (self, MG_UNDO_ACTOR_ATTRIBUTE, name, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_new_attribute (GtkWidget *widget, MgInspector *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_attribute_name))));
  const char *value = gtk_editable_get_text (GTK_EDITABLE (self->new_attribute_value));

  if (*name == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->new_attribute_name));
      return;
    }
  set_text_field (self, MG_UNDO_ACTOR_ATTRIBUTE, name, *value ? value : "?");
  gtk_editable_set_text (GTK_EDITABLE (self->new_attribute_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_attribute_value), "");
  gtk_popover_popdown (self->add_attribute_popover);
  schedule_refresh (self);
}

/* ---- territory suggestions ---------------------------------------------------------------- */

static void
on_territory_popover_show (GtkPopover *popover, MgInspector *self)
{
  if (self->document == NULL)
    return;
  mg_territory_picker_set_map (self->territory_picker, mg_document_get_map (self->document));
  gtk_widget_grab_focus (mg_territory_picker_get_search_entry (self->territory_picker));
}

static void
on_territory_chosen (MgTerritoryPicker *picker, const char *path, MgInspector *self)
{
  gtk_popover_popdown (self->territory_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->territory_row), path);
  set_text_field (self, MG_UNDO_ACTOR_TERRITORY, NULL, path);
}

/* ---- public -------------------------------------------------------------------------------- */

static void
on_map_changed (MgDocument *document, MgInspector *self)
{
  MgMap *map = mg_document_get_map (document);

  g_clear_object (&self->roles);
  g_clear_object (&self->kinds);
  self->n_roles_listed = self->n_kinds_listed = 0;
  if (map != NULL)
    {
      g_signal_connect_object (map, "actor-changed", G_CALLBACK (on_actor_changed), self, 0);
      g_signal_connect_object (map, "relation-changed", G_CALLBACK (on_relation_changed), self, 0);
      g_signal_connect_object (mg_document_get_selection (document), "changed",
                               G_CALLBACK (on_selection_changed), self, 0);
    }
  mg_inspector_link_map_changed (self, map);
  refresh (self);
}

void
mg_inspector_set_document (MgInspector *self, MgDocument *document)
{
  g_return_if_fail (MG_IS_INSPECTOR (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "map-changed", G_CALLBACK (on_map_changed), self, 0);
      if (mg_document_get_map (document) != NULL)
        on_map_changed (document, self);
    }
  else
    refresh (self);
}

void
mg_inspector_choose_role (MgInspector *self, const char *role_id)
{
  guint position;

  g_return_if_fail (MG_IS_INSPECTOR (self));
  refresh (self);
  if (self->roles == NULL)
    return;
  if (role_id != NULL)
    mg_vocabulary_ensure_role (mg_map_get_vocabulary (mg_document_get_map (self->document)), role_id);
  refresh_roles_model (self);
  position = mg_vocab_item_find (self->roles, role_id);
  g_return_if_fail (position != GTK_INVALID_LIST_POSITION);
  /* Through the widget, as a click in the drop-down would. */
  adw_combo_row_set_selected (self->role_row, position);
}

MgTerritoryPicker *
mg_inspector_get_territory_picker (MgInspector *self)
{
  g_return_val_if_fail (MG_IS_INSPECTOR (self), NULL);
  if (self->document != NULL)
    mg_territory_picker_set_map (self->territory_picker, mg_document_get_map (self->document));
  return self->territory_picker;
}

AdwMessageDialog *
mg_inspector_get_territory_dialog (MgInspector *self)
{
  g_return_val_if_fail (MG_IS_INSPECTOR (self), NULL);
  return self->territory_dialog;
}

void
mg_inspector_enter_territory (MgInspector *self, const char *territory)
{
  g_return_if_fail (MG_IS_INSPECTOR (self));
  refresh (self);
  gtk_editable_set_text (GTK_EDITABLE (self->territory_row), territory ? territory : "");
  g_signal_emit_by_name (self->territory_row, "apply");
}

void
mg_inspector_toggle_lesson (MgInspector *self, MgLesson lesson, gboolean on)
{
  g_return_if_fail (MG_IS_INSPECTOR (self));
  g_return_if_fail (lesson < MG_N_LESSONS);
  refresh (self);
  if (g_str_equal (mg_inspector_get_page (self), "relations"))
    gtk_check_button_set_active (self->relation_lesson_checks[lesson], on);
  else
    gtk_check_button_set_active (self->lesson_checks[lesson], on);
}

const char *
mg_inspector_get_page (MgInspector *self)
{
  g_return_val_if_fail (MG_IS_INSPECTOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
mg_inspector_dispose (GObject *object)
{
  MgInspector *self = MG_INSPECTOR (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->territory_dialog != NULL)
    {
      AdwMessageDialog *dialog = self->territory_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->territory_dialog);
      self->territory_dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->roles);
  g_clear_object (&self->kinds);
  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_INSPECTOR);
  /* Template children without an id bound to a field are ours too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (mg_inspector_parent_class)->dispose (object);
}

static void
mg_inspector_finalize (GObject *object)
{
  MgInspector *self = MG_INSPECTOR (object);

  g_ptr_array_unref (self->attribute_rows);
  g_ptr_array_unref (self->notes_targets);
  g_ptr_array_unref (self->relation_notes_targets);
  mg_inspector_link_finalize (self);
  G_OBJECT_CLASS (mg_inspector_parent_class)->finalize (object);
}

static void
mg_inspector_class_init (MgInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_inspector_dispose;
  object_class->finalize = mg_inspector_finalize;

  mg_resources_ensure ();
  g_type_ensure (MG_TYPE_TERRITORY_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/maillage/Maillage/mg-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, MgInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, actor_heading);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, label_row);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, role_row);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, territory_row);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, territory_button);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, territory_popover);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, territory_picker);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, pinned_row);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, pinned_switch);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, lessons_group);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, notes_group);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, attributes_group);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, add_attribute_popover);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, new_attribute_name);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, new_attribute_value);
  gtk_widget_class_bind_template_callback (widget_class, on_label_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_territory_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_territory_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_territory_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_pinned_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_new_attribute);
  mg_inspector_relation_class_init (widget_class);
  mg_inspector_link_class_init (widget_class);
}

static void
mg_inspector_init (MgInspector *self)
{
  GtkEventController *focus;
  g_autoptr (GtkListItemFactory) factory = NULL;

  self->attribute_rows = g_ptr_array_new ();
  self->notes_targets = g_ptr_array_new_with_free_func (g_free);
  self->relation_notes_targets = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  factory = mg_vocab_item_factory_new ();
  adw_combo_row_set_factory (self->role_row, factory);

  for (MgLesson l = 0; l < MG_N_LESSONS; l++)
    {
      GtkWidget *row = mg_inspector_lesson_row (mg_lesson_info (l), &self->lesson_checks[l]);

      g_object_set_data (G_OBJECT (self->lesson_checks[l]), "mg-lesson", GUINT_TO_POINTER (l));
      g_signal_connect (self->lesson_checks[l], "toggled", G_CALLBACK (on_lesson_toggled), self);
      adw_preferences_group_add (self->lessons_group, row);
    }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_notes_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_notes_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);

  mg_inspector_relation_init (self);
  mg_inspector_link_init (self);
  mg_inspector_provenance_init (self);
  mg_a11y_set_label (GTK_WIDGET (self->relation_kind), C_("a11y", "Relation Kind"));
  mg_a11y_name_icon_buttons (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "none");
}

GtkWidget *
mg_inspector_new (void)
{
  return g_object_new (MG_TYPE_INSPECTOR, NULL);
}
