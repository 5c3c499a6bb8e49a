/* mg-inspector-relation.c — the inspector's relation page: kind, weight,
 * lessons and notes of the selected relations. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mg-inspector-private.h"
#include "mg-vocab-item.h"

static GPtrArray *
selected_relations (MgInspector *self)
{
  return mg_selection_get_relations (mg_document_get_selection (self->document));
}

static void
refresh_kinds_model (MgInspector *self)
{
  MgVocabulary *vocab = mg_map_get_vocabulary (mg_document_get_map (self->document));
  guint n = mg_vocabulary_get_kinds (vocab)->len;

  if (self->kinds != NULL && self->n_kinds_listed == n)
    return;
  g_clear_object (&self->kinds);
  self->kinds = mg_vocab_item_list_kinds (vocab);
  self->n_kinds_listed = n;
  adw_combo_row_set_model (self->kind_row, self->kinds);
}

void
mg_inspector_relation_refresh (MgInspector *self)
{
  GPtrArray *relations = selected_relations (self);
  MgVocabulary *vocab = mg_map_get_vocabulary (mg_document_get_map (self->document));
  guint n = relations->len;
  MgRelation *first = g_ptr_array_index (relations, 0);
  gboolean kind_mixed = FALSE, weight_mixed = FALSE, notes_mixed = FALSE;
  g_autofree char *heading = NULL;

  if (n == 1)
    heading = g_strdup_printf ("%s %s %s", mg_actor_get_display_label (first->source),
                               first->directed ? "→" : "—",
                               mg_actor_get_display_label (first->target));
  else
    heading = g_strdup_printf (g_dngettext (NULL, "%u relation", "%u relations", n), n);
  gtk_label_set_text (self->relation_heading, heading);

  for (guint i = 1; i < n; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      kind_mixed |= g_strcmp0 (r->kind, first->kind) != 0;
      weight_mixed |= r->has_weight != first->has_weight || r->weight != first->weight;
      notes_mixed |= g_strcmp0 (r->notes, first->notes) != 0;
    }

  if (first->kind != NULL)
    mg_vocabulary_ensure_kind (vocab, first->kind);
  refresh_kinds_model (self);
  if (kind_mixed)
    {
      adw_combo_row_set_selected (self->kind_row, GTK_INVALID_LIST_POSITION);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), _("Several kinds"));
    }
  else
    {
      adw_combo_row_set_selected (self->kind_row, mg_vocab_item_find (self->kinds, first->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), NULL);
    }

  if (!mg_inspector_contains_focus (GTK_WIDGET (self->weight_row)))
    {
      g_autofree char *weight = NULL;

      if (!weight_mixed && first->has_weight)
        weight = mg_format_double (first->weight);
      gtk_editable_set_text (GTK_EDITABLE (self->weight_row), weight ? weight : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->weight_row),
                                     weight_mixed ? _("Weight (several values)") : _("Weight"));
    }

  for (MgLesson l = 0; l < MG_N_LESSONS; l++)
    {
      guint with = 0;

      for (guint i = 0; i < n; i++)
        with += (((MgRelation *) g_ptr_array_index (relations, i))->lessons & MG_LESSON_BIT (l)) ? 1 : 0;
      mg_inspector_set_check (self->relation_lesson_checks[l], with, n);
    }

  if (!mg_inspector_contains_focus (GTK_WIDGET (self->relation_notes_view)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->relation_notes_view),
                              notes_mixed || first->notes == NULL ? "" : first->notes, -1);
}

static void
on_kind_selected (AdwComboRow *row, GParamSpec *pspec, MgInspector *self)
{
  MgVocabItem *item;

  if (self->updating || self->document == NULL)
    return;
  item = adw_combo_row_get_selected_item (row);
  if (item == NULL)
    return;
  mg_undo_set_relations_text (mg_inspector_get_undo (self), selected_relations (self),
                              MG_UNDO_RELATION_KIND, NULL, mg_vocab_item_get_id (item));
}

static void
on_weight_apply (AdwEntryRow *row, MgInspector *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  double weight = 0;

  if (self->updating || self->document == NULL)
    return;
  if (*text != '\0' && !mg_parse_double (text, &weight))
    {
      /* Accept a decimal comma, as typed in French. */
      g_strdelimit (text, ",", '.');
      if (!mg_parse_double (text, &weight))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          return;
        }
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  mg_undo_set_relations_weight (mg_inspector_get_undo (self), selected_relations (self),
                                *text != '\0', weight);
}

static void
on_relation_lesson_toggled (GtkCheckButton *check, MgInspector *self)
{
  MgLesson lesson = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mg-lesson"));
  gboolean on = gtk_check_button_get_active (check);

  if (self->updating || self->document == NULL)
    return;
  gtk_check_button_set_inconsistent (check, FALSE);
  mg_undo_change_relations_lessons (mg_inspector_get_undo (self), selected_relations (self),
                                    on ? MG_LESSON_BIT (lesson) : 0,
                                    on ? 0 : MG_LESSON_BIT (lesson));
}

static void
on_relation_removed (MgMap *map, MgRelation *relation, MgInspector *self)
{
  g_ptr_array_remove (self->relation_notes_targets, relation);
}

static void
on_notes_enter (GtkEventControllerFocus *focus, MgInspector *self)
{
  GPtrArray *relations;

  if (self->document == NULL)
    return;
  relations = selected_relations (self);
  g_ptr_array_set_size (self->relation_notes_targets, 0);
  for (guint i = 0; i < relations->len; i++)
    g_ptr_array_add (self->relation_notes_targets, g_ptr_array_index (relations, i));
  /* A relation deleted while its notes are being typed leaves the list. */
  g_signal_handlers_disconnect_by_func (mg_document_get_map (self->document),
                                        on_relation_removed, self);
  g_signal_connect_object (mg_document_get_map (self->document), "relation-removed",
                           G_CALLBACK (on_relation_removed), self, 0);
}

void
mg_inspector_relation_commit_notes (MgInspector *self)
{
  g_autofree char *text = mg_inspector_get_text (self->relation_notes_view);
  g_autoptr (GPtrArray) relations = NULL;
  gboolean changed = FALSE;

  if (self->document == NULL || self->relation_notes_targets->len == 0)
    return;
  relations = g_ptr_array_copy (self->relation_notes_targets, NULL, NULL);
  g_ptr_array_set_size (self->relation_notes_targets, 0);
  for (guint i = 0; i < relations->len; i++)
    changed |= g_strcmp0 (((MgRelation *) g_ptr_array_index (relations, i))->notes ?: "", text) != 0;
  if (changed)
    mg_undo_set_relations_text (mg_inspector_get_undo (self), relations,
                                MG_UNDO_RELATION_NOTES, NULL, text);
}

static void
on_notes_leave (GtkEventControllerFocus *focus, MgInspector *self)
{
  mg_inspector_relation_commit_notes (self);
}

void
mg_inspector_relation_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relation_heading);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, weight_row);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relation_lessons_group);
  gtk_widget_class_bind_template_child (widget_class, MgInspector, relation_notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_apply);
}

void
mg_inspector_relation_init (MgInspector *self)
{
  g_autoptr (GtkListItemFactory) factory = mg_vocab_item_factory_new ();
  GtkEventController *focus;

  adw_combo_row_set_factory (self->kind_row, factory);
  for (MgLesson l = 0; l < MG_N_LESSONS; l++)
    {
      GtkWidget *row = mg_inspector_lesson_row (mg_lesson_info (l), &self->relation_lesson_checks[l]);

      g_object_set_data (G_OBJECT (self->relation_lesson_checks[l]), "mg-lesson", GUINT_TO_POINTER (l));
      g_signal_connect (self->relation_lesson_checks[l], "toggled",
                        G_CALLBACK (on_relation_lesson_toggled), self);
      adw_preferences_group_add (self->relation_lessons_group, row);
    }
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_notes_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_notes_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->relation_notes_view), focus);
}
