/* mg-actor-list.h — the side panel's list of actors: searchable, sortable
 * by name, role or territory, its selection kept in step with the canvas. */
#pragma once

#include <gtk/gtk.h>
#include "mg-document.h"
#include "mg-lens-controller.h"

G_BEGIN_DECLS

#define MG_TYPE_ACTOR_LIST (mg_actor_list_get_type ())
G_DECLARE_FINAL_TYPE (MgActorList, mg_actor_list, MG, ACTOR_LIST, GtkWidget)

GtkWidget *mg_actor_list_new (void);
void       mg_actor_list_set_document (MgActorList *self, MgDocument *document);
void       mg_actor_list_focus_search (MgActorList *self);
/* Shows or hides the territory column (wide panels). */
void       mg_actor_list_set_show_territory (MgActorList *self, gboolean show);
/* The list's models, for tests: what the search and sort leave. */
GListModel *mg_actor_list_get_shown (MgActorList *self);
void       mg_actor_list_set_search (MgActorList *self, const char *text);
GtkColumnView *mg_actor_list_get_column_view (MgActorList *self);

/* Adds sortable Degree and Betweenness columns fed by @controller
 * (mg-actor-list-metrics.c).  Call once. */
void       mg_actor_list_add_metric_columns (MgActorList *self, MgLensController *controller,
                                             MgDocument *document);

G_END_DECLS
