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

/* mg-sheet-names.c: values (see mg-sheet.h for roles and kinds).  A role
 * (@kind FALSE) or kind id, or the text trimmed; NULL for blank text. */
char         *mg_sheet_value_from_text (const char *text, gboolean kind);
/* stated, inferred, illustrative, workshop — or the text trimmed. */
char         *mg_sheet_provenance_from_text (const char *text);
/* Lessons separated by commas, semicolons, slashes or line breaks, by id or
 * by French or English name; FALSE when one is unknown (the others are set). */
gboolean      mg_sheet_parse_lessons (const char *text, MgLessonSet *out);
/* A number with a decimal point or comma, spaces as thousands separators. */
gboolean      mg_sheet_parse_number (const char *text, double *out);
/* oui/non, yes/no, true/false, 1/0… */
gboolean      mg_sheet_parse_directed (const char *text, gboolean *out);

G_END_DECLS
