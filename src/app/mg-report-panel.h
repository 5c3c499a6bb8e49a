/* mg-report-panel.h — the side-panel page of the territory report ("who is
 * missing around the table?").
 *
 * One card per territory at the chosen level: its members, its round table
 * of seven seats (one per stakeholder family; an empty, dashed seat and the
 * family named in red when it is missing), and the CGET levers, each with a
 * one-line explanation.  A lever's number and each catalyst are buttons:
 * clicking selects the actors (and relations) behind them on the map.  The
 * report follows the map as people tag actors (role, territory) and
 * relations (kind): it is recomputed, cheaply, once per burst of edits.
 * Catalysts need betweenness: the lens controller's cached one. */
#pragma once

#include <gtk/gtk.h>
#include "mg-lens-controller.h"
#include "mg-report.h"

G_BEGIN_DECLS

#define MG_TYPE_REPORT_PANEL (mg_report_panel_get_type ())
G_DECLARE_FINAL_TYPE (MgReportPanel, mg_report_panel, MG, REPORT_PANEL, GtkWidget)

/* At most this many cards; the others are named in one line. */
#define MG_REPORT_PANEL_MAX_CARDS 40

GtkWidget      *mg_report_panel_new (MgLensController *controller, MgDocument *document);

guint           mg_report_panel_get_level (MgReportPanel *self);
void            mg_report_panel_set_level (MgReportPanel *self, guint level);
/* The report shown (NULL without a map), brought up to date first.
 * (transfer none) */
const MgReport *mg_report_panel_get_report (MgReportPanel *self);
/* Brings the cards up to date now (a pending recomputation runs). */
void            mg_report_panel_update (MgReportPanel *self);

/* For tests: the card of @territory, or NULL; its "Missing" label; the
 * button of @lever's number, or of its @index-th catalyst with
 * MG_LEVER_CATALYSTS and @index >= 0. */
GtkWidget      *mg_report_panel_get_card (MgReportPanel *self, const char *territory);
GtkWidget      *mg_report_panel_get_missing_label (MgReportPanel *self, const char *territory);
GtkWidget      *mg_report_panel_get_lever_button (MgReportPanel *self, const char *territory,
                                                  MgLever lever, int index);

G_END_DECLS
