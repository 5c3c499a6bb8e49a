/* mg-territory-picker.h — choosing a territory of the map: a search entry
 * over the territories as a tree (region › department › city), each row
 * the place's own name, indented, with the places above it in small type;
 * typing filters on any part of the path, ignoring case and accents.
 *
 * Also the helpers the territory drop-downs share: readable names for a
 * path, every path of a map, and the existing path that a typed one
 * differs from only by case, accents or spacing. */
#pragma once

#include <gtk/gtk.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_TYPE_TERRITORY_PICKER (mg_territory_picker_get_type ())
G_DECLARE_FINAL_TYPE (MgTerritoryPicker, mg_territory_picker, MG, TERRITORY_PICKER, GtkWidget)

/* Signal "chosen" (const char *path) when a row is activated (or Enter
 * typed in the search with rows shown: the first one). */

GtkWidget  *mg_territory_picker_new (void);
/* Lists the territories of @map and every level above them; clears the
 * search. */
void        mg_territory_picker_set_map (MgTerritoryPicker *self, MgMap *map);
/* Filters as typing in the search entry does. */
void        mg_territory_picker_set_search (MgTerritoryPicker *self, const char *text);
/* The paths of the rows shown now (tests), in order.  (transfer full) */
GStrv       mg_territory_picker_get_shown (MgTerritoryPicker *self);
/* What the row of @path reads: "Albert — Hauts-de-France › Somme".
 * (transfer full) */
char       *mg_territory_picker_row_text (MgTerritoryPicker *self, const char *path);
GtkWidget  *mg_territory_picker_get_search_entry (MgTerritoryPicker *self);

/* Makes a drop-down of "Anywhere" then territory paths readable: each
 * place by its own name, indented under the places above it, searchable by
 * typing its name. */
void        mg_territory_setup_drop_down (GtkDropDown *dropdown);

/* Every territory path of @map and every level above each, sorted.
 * (transfer full) */
GStrv       mg_territory_paths (MgMap *map);
/* @path written for people: "Albert (Hauts-de-France › Somme)". */
char       *mg_territory_display (const char *path);
/* @text without case, accents or extra spaces (around '/' too), to compare
 * paths as people read them.  (transfer full) */
char       *mg_territory_fold (const char *text);
/* The path of @map (or a level of one) that @path differs from only by
 * case, accents or spacing, NULL when there is none or it is the same.
 * (transfer full) */
char       *mg_territory_find_similar (MgMap *map, const char *path);

G_END_DECLS
