/* mg-inspector-private.h — the inspector's state, shared by mg-inspector.c
 * (actors) and mg-inspector-relation.c (relations). */
#pragma once

#include "mg-inspector.h"
#include "mg-territory-picker.h"

G_BEGIN_DECLS

struct _MgInspector {
  GtkWidget            parent_instance;

  GtkStack            *stack;
  /* actors */
  GtkLabel            *actor_heading;
  AdwEntryRow         *label_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *territory_row;
  GtkMenuButton       *territory_button;
  GtkPopover          *territory_popover;
  MgTerritoryPicker   *territory_picker;
  AdwMessageDialog    *territory_dialog; /* "use the existing territory?", while open */
  AdwActionRow        *pinned_row;
  GtkSwitch           *pinned_switch;
  AdwPreferencesGroup *lessons_group;
  AdwPreferencesGroup *notes_group;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *attributes_group;
  GtkPopover          *add_attribute_popover;
  GtkEntry            *new_attribute_name;
  GtkEntry            *new_attribute_value;
  GtkCheckButton      *lesson_checks[MG_N_LESSONS];
  GPtrArray           *attribute_rows;  /* GtkWidget* in attributes_group */
  GListModel          *roles;
  guint                n_roles_listed;
  GPtrArray           *notes_targets;   /* actor ids being annotated */

  /* adding a relation from the actor page (mg-inspector-link.c) */
  AdwPreferencesGroup *relations_group;
  GtkMenuButton       *add_relation_button;
  GtkPopover          *add_relation_popover;
  GtkSearchEntry      *relation_search;
  GtkListView         *relation_target_list;
  GtkDropDown         *relation_kind;
  GtkButton           *add_relation_confirm;
  GListStore          *link_targets;    /* GtkStringObject, data "mg-id" */
  GtkStringFilter     *link_filter;
  GtkSingleSelection  *link_selection;
  char                *link_source_id;  /* the actor the popover adds from */
  char                *link_kind_id;    /* the kind chosen last (sticky) */

  /* relations */
  GtkLabel            *relation_heading;
  AdwComboRow         *kind_row;
  AdwEntryRow         *weight_row;
  AdwPreferencesGroup *relation_lessons_group;
  GtkTextView         *relation_notes_view;
  GtkCheckButton      *relation_lesson_checks[MG_N_LESSONS];
  GListModel          *kinds;
  guint                n_kinds_listed;
  GPtrArray           *relation_notes_targets; /* MgRelation* being annotated */

  /* provenance (mg-inspector-provenance.c) */
  AdwComboRow         *provenance_row;
  AdwComboRow         *relation_provenance_row;

  MgDocument          *document;
  gboolean             updating;  /* widgets being set from the model */
  guint                refresh_idle;
};

/* mg-inspector-relation.c */
void mg_inspector_relation_init (MgInspector *self);
void mg_inspector_relation_refresh (MgInspector *self);
void mg_inspector_relation_class_init (GtkWidgetClass *widget_class);
void mg_inspector_relation_commit_notes (MgInspector *self);

/* mg-inspector-provenance.c */
void mg_inspector_provenance_init (MgInspector *self);
void mg_inspector_provenance_refresh (MgInspector *self, GPtrArray *actors, GPtrArray *relations);

/* mg-inspector-link.c */
void mg_inspector_link_class_init (GtkWidgetClass *widget_class);
void mg_inspector_link_init (MgInspector *self);
void mg_inspector_link_finalize (MgInspector *self);
void mg_inspector_link_map_changed (MgInspector *self, MgMap *map);
void mg_inspector_link_refresh (MgInspector *self, GPtrArray *actors);

/* shared helpers (mg-inspector.c) */
gboolean     mg_inspector_contains_focus (GtkWidget *widget);
GtkWidget   *mg_inspector_lesson_row (const MgLessonInfo *info, GtkCheckButton **check);
void         mg_inspector_set_check (GtkCheckButton *check, guint n_with, guint n_total);
char        *mg_inspector_get_text (GtkTextView *view);
MgUndoStack *mg_inspector_get_undo (MgInspector *self);
void         mg_inspector_schedule_refresh (MgInspector *self);

G_END_DECLS
