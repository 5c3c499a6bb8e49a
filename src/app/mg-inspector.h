/* mg-inspector.h — tags the selection: label, role, territory, lessons,
 * notes and other attributes of the selected actors (several at once:
 * bulk tagging, mixed values shown as such), or kind, weight, lessons and
 * notes of the selected relations.  Every change is one undoable step. */
#pragma once

#include <adwaita.h>
#include "mg-territory-picker.h"

#include <adwaita.h>
#include "mg-document.h"

#include "mg-lens-controller.h"

G_BEGIN_DECLS

#define MG_TYPE_INSPECTOR (mg_inspector_get_type ())
G_DECLARE_FINAL_TYPE (MgInspector, mg_inspector, MG, INSPECTOR, GtkWidget)

GtkWidget *mg_inspector_new (void);
void       mg_inspector_set_document (MgInspector *self, MgDocument *document);

/* What the inspector's widgets do, for tests and keyboard actions: set the
 * role (by id, NULL for none) or the territory of the selected actors, as
 * if chosen in the drop-down / typed in the entry. */
void       mg_inspector_choose_role (MgInspector *self, const char *role_id);
void       mg_inspector_enter_territory (MgInspector *self, const char *territory);
void       mg_inspector_toggle_lesson (MgInspector *self, MgLesson lesson, gboolean on);
/* Adds a relation from the one selected actor to @target_id, of @kind_id
 * (NULL: no kind), as if chosen in the "Add Relation…" popover and "Add"
 * clicked: one undoable step.  Returns the new relation, or NULL when the
 * popover cannot offer it (not one actor selected, unknown target). */
MgRelation *mg_inspector_add_relation (MgInspector *self, const char *target_id,
                                       const char *kind_id);
/* The territory picker of the inspector, filled as opening its popover
 * does; the question asked when a territory typed differs from one of the
 * map only by case, accents or spacing (NULL when none is open). */
MgTerritoryPicker *mg_inspector_get_territory_picker (MgInspector *self);
AdwMessageDialog  *mg_inspector_get_territory_dialog (MgInspector *self);
/* The page shown: "none", "actors" or "relations". */
const char *mg_inspector_get_page (MgInspector *self);

/* Adds the "Measures" group (degree, betweenness, partner roles of one
 * selected actor) and a focus button, fed by @controller
 * (mg-inspector-metrics.c).  Call once, after mg_inspector_set_document(). */
void       mg_inspector_set_lens_controller (MgInspector *self, MgLensController *controller);

G_END_DECLS
