/* mg-sheet-private.h — what the spreadsheet readers share. */
#pragma once

#include "mg-sheet.h"

G_BEGIN_DECLS

/* At most this many warnings per read; one more line counts the rest. */
#define MG_SHEET_MAX_WARNINGS 1000

/* Builds a table row by row, checking the limits. */
typedef struct {
  MgSheetTable *table;
  GPtrArray    *cells;     /* const char* of the row being built (in strings) */
  guint         n_nonempty;
  gsize         text_bytes;
  gsize         n_cells;
  gboolean      have_header;
} MgTableBuilder;

MgSheetTable *mg_sheet_table_new (const char *file, const char *name);
void          mg_table_builder_init (MgTableBuilder *b, MgSheetTable *table);
void          mg_table_builder_clear (MgTableBuilder *b);
/* Appends a cell to the current row (@len bytes; -1: NUL-terminated);
 * FALSE with @error past a limit. */
gboolean      mg_table_builder_add_cell (MgTableBuilder *b, const char *text, gssize len,
                                         guint row_number, GError **error);
/* Appends @n empty cells (repeated empty cells of a workbook). */
gboolean      mg_table_builder_add_empty (MgTableBuilder *b, guint n, guint row_number,
                                          GError **error);
/* Ends the current row: kept unless all its cells are empty; the first kept
 * row is the header. */
gboolean      mg_table_builder_end_row (MgTableBuilder *b, guint row_number, GError **error);

/* mg-sheet-zip.c */
GPtrArray    *mg_sheet_read_workbook (const char *path, GError **error);
/* mg-sheet-csv.c */
MgSheetTable *mg_sheet_read_csv_file (const char *path, GError **error);

/* Lower-case ASCII without accents, every run of other characters one
 * space, trimmed: "Département " → "departement".  (transfer full) */
char         *mg_sheet_normalize (const char *text);

G_END_DECLS
