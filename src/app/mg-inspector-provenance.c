/* mg-inspector-provenance.c — where a fact comes from, in the inspector:
 * one row for the selected actors, one for the selected relations, each
 * editing all of them at once (one undo step). */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-inspector-private.h"
#include "mg-selection.h"

/* The rows list the values in this order; position 0 is "not recorded". */
static const MgProvenance order[] = {
  MG_PROVENANCE_NONE,         MG_PROVENANCE_STATED,   MG_PROVENANCE_INFERRED,
  MG_PROVENANCE_ILLUSTRATIVE, MG_PROVENANCE_WORKSHOP,
};

static guint
position_of (MgProvenance provenance)
{
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == provenance)
      return i;
  return GTK_INVALID_LIST_POSITION; /* a word Maillage keeps without knowing */
}

static void
on_selected (AdwComboRow *row, GParamSpec *pspec, MgInspector *self)
{
  guint position = adw_combo_row_get_selected (row);
  const char *value;

  if (self->updating || self->document == NULL || position >= G_N_ELEMENTS (order))
    return;
  value = mg_provenance_id (order[position]);
  if (row == self->provenance_row)
    mg_undo_set_actors_text (mg_inspector_get_undo (self),
                             mg_selection_get_actors (mg_document_get_selection (self->document)),
                             MG_UNDO_ACTOR_PROVENANCE, NULL, value);
  else
    mg_undo_set_relations_text (
        mg_inspector_get_undo (self),
        mg_selection_get_relations (mg_document_get_selection (self->document)),
        MG_UNDO_RELATION_PROVENANCE, NULL, value);
}

static AdwComboRow *
provenance_row_new (MgInspector *self, GtkWidget *beside, const char *name)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  GtkWidget *group = gtk_widget_get_ancestor (beside, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    gtk_string_list_append (model, _ (mg_provenance_name (order[i])));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Provenance"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                               _ ("Where this comes from: stated by a source, inferred, drawn "
                                  "to illustrate a point, or added during the workshop"));
  gtk_widget_set_name (GTK_WIDGET (row), name);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_selected), self, 0);
  g_return_val_if_fail (group != NULL, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  return row;
}

void
mg_inspector_provenance_init (MgInspector *self)
{
  self->provenance_row = provenance_row_new (self, GTK_WIDGET (self->pinned_row), "provenance");
  self->relation_provenance_row =
      provenance_row_new (self, GTK_WIDGET (self->kind_row), "relation-provenance");
}

/* @items hold a `char *provenance` at @offset (MgActor or MgRelation). */
static void
refresh_row (AdwComboRow *row, GPtrArray *items, gsize offset)
{
  const char *first = NULL;
  gboolean mixed = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), offset);

      if (i == 0)
        first = value;
      else if (mg_provenance_from_string (value) != mg_provenance_from_string (first))
        mixed = TRUE;
    }
  if (mixed)
    {
      adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("Several values"));
    }
  else
    {
      MgProvenance p = mg_provenance_from_string (first);

      adw_combo_row_set_selected (row, position_of (p));
      /* A word from a file that Maillage does not know is shown, kept. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p == MG_PROVENANCE_OTHER ? first : NULL);
    }
}

void
mg_inspector_provenance_refresh (MgInspector *self, GPtrArray *actors, GPtrArray *relations)
{
  if (actors != NULL && actors->len > 0)
    refresh_row (self->provenance_row, actors, G_STRUCT_OFFSET (MgActor, provenance));
  if (relations != NULL && relations->len > 0)
    refresh_row (self->relation_provenance_row, relations,
                 G_STRUCT_OFFSET (MgRelation, provenance));
}
