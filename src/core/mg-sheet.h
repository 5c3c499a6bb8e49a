/* mg-sheet.h — actors and relations in spreadsheets: CSV/TSV, ODS and XLSX
 * read as tables, tables made into a map, and a map written back as tables.
 *
 * Reading is in two steps so that the window can show and change what was
 * guessed: mg_sheet_read_file() gives the tables of a file (one for a CSV,
 * one per sheet of a workbook), mg_sheet_guess_uses() says what each column
 * is, and mg_sheet_build_map() makes the map.  mg_sheet_read_map() does all
 * of it with the guesses, for the command line.
 */
#pragma once

#include <gio/gio.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_SHEET_ERROR (mg_sheet_error_quark ())
GQuark mg_sheet_error_quark (void);

typedef enum {
  MG_SHEET_ERROR_IO,        /* cannot open / read / write the file */
  MG_SHEET_ERROR_FORMAT,    /* not a spreadsheet, or a damaged one */
  MG_SHEET_ERROR_LIMIT,     /* a safety limit was hit (size, cells…) */
  MG_SHEET_ERROR_NO_TABLE,  /* no table of actors or relations found */
} MgSheetError;

/* Safety limits: a spreadsheet beyond them is refused with a clear error. */
#define MG_SHEET_MAX_CELL_BYTES   (1024 * 1024)          /* one cell */
#define MG_SHEET_MAX_COLUMNS      1024
#define MG_SHEET_MAX_ROWS         2000000
#define MG_SHEET_MAX_CELLS        (16 * 1024 * 1024)     /* all rows */
#define MG_SHEET_MAX_TEXT_BYTES   ((gsize) 512 * 1024 * 1024) /* all cells */
/* Sum of the decompressed sizes of the parts of a workbook read. */
#define MG_SHEET_MAX_UNZIPPED     ((gsize) 512 * 1024 * 1024)

typedef struct {
  guint        number;   /* row number in the file or sheet (1-based) */
  guint        n_cells;
  const char **cells;    /* n_cells texts (never NULL; "" when empty) */
} MgSheetRow;

typedef struct {
  char         *file;    /* base name of the file, for messages */
  char         *name;    /* sheet name; NULL for a CSV file */
  GPtrArray    *header;  /* char*, the first non-empty row, trimmed */
  GArray       *rows;    /* MgSheetRow, the rows after the header */
  GStringChunk *strings; /* the cells' texts */
  GPtrArray    *warnings;/* char*, problems met while reading ("row 4: …") */
  char          separator; /* of a CSV file, else 0 */
} MgSheetTable;

void          mg_sheet_table_free (MgSheetTable *table);
/* "actors.csv" or "book.ods, sheet Actors", for messages. */
char         *mg_sheet_table_describe (const MgSheetTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgSheetTable, mg_sheet_table_free)

/* TRUE when the file name says spreadsheet: .csv, .tsv, .tab, .txt, .ods,
 * .xlsx (any case). */
gboolean      mg_sheet_path_is_spreadsheet (const char *path);
/* TRUE when the first bytes are a zip's (an ODS or XLSX workbook). */
gboolean      mg_sheet_data_is_zip (const char *data, gsize size);

/* The tables of a spreadsheet file (transfer full: a new array of
 * MgSheetTable* that frees them), or NULL with @error. */
GPtrArray    *mg_sheet_read_file (const char *path, GError **error);
/* The same for a CSV held in memory; @name is used in messages. */
MgSheetTable *mg_sheet_read_csv_memory (const char *data, gsize size, const char *name,
                                        GError **error);

/* ---- what the columns hold ---------------------------------------------- */

typedef enum {
  MG_COLUMN_IGNORE,
  MG_COLUMN_ATTRIBUTE,  /* kept as an attribute of that name */
  MG_COLUMN_ID,
  MG_COLUMN_LABEL,
  MG_COLUMN_ROLE,
  MG_COLUMN_TERRITORY,
  MG_COLUMN_REGION,     /* joined with department and city into the territory */
  MG_COLUMN_DEPARTMENT,
  MG_COLUMN_CITY,
  MG_COLUMN_LESSONS,
  MG_COLUMN_NOTES,
  MG_COLUMN_PROVENANCE,
  MG_COLUMN_SOURCE,     /* relations */
  MG_COLUMN_TARGET,
  MG_COLUMN_KIND,
  MG_COLUMN_WEIGHT,
  MG_COLUMN_DIRECTED,
  MG_COLUMN_X,          /* actors: position, as the tables export it */
  MG_COLUMN_Y,
  MG_COLUMN_PINNED,
  MG_N_COLUMN_USES
} MgColumnUse;

/* A short name of the use, to show (translated). */
const char   *mg_column_use_to_string (MgColumnUse use);
/* TRUE when @use makes sense in a table of relations (else of actors). */
gboolean      mg_column_use_is_for (MgColumnUse use, gboolean relations);

/* What a header means: matched in French and English, without case or
 * accents.  MG_COLUMN_ATTRIBUTE when unknown. */
MgColumnUse   mg_sheet_guess_use (const char *header, gboolean relations);
/* One use per column of @table (transfer full, g_free). */
MgColumnUse  *mg_sheet_guess_uses (const MgSheetTable *table, gboolean relations);
/* TRUE when the table has a source-like and a target-like column. */
gboolean      mg_sheet_table_is_relations (const MgSheetTable *table);
/* Picks the actors table and the relations table among @tables (by their
 * headers, then by sheet names); either may be NULL. */
void          mg_sheet_pick_tables (GPtrArray *tables, MgSheetTable **actors,
                                    MgSheetTable **relations);

/* Role and kind values in French or English → ids; unknown values are
 * returned as they are (trimmed).  (transfer full) */
char         *mg_sheet_role_from_text (const char *text);
char         *mg_sheet_kind_from_text (const char *text);

/* ---- the map ------------------------------------------------------------ */

/* Makes a map from an actors table and a relations table (either may be
 * NULL, not both), with one use per column.  Bad rows become warnings
 * ("actors.csv, row 7: …") appended to @warnings (may be NULL); the rest
 * loads.  NULL with @error when nothing can be made (no label or id column,
 * no source/target column). */
MgMap        *mg_sheet_build_map (const MgSheetTable *actors, const MgColumnUse *actor_uses,
                                  const MgSheetTable *relations,
                                  const MgColumnUse *relation_uses,
                                  GPtrArray *warnings, GError **error);

/* Reads @path (a CSV, or a workbook holding both tables), with the
 * relations in @relations_path when not NULL, with the guessed uses. */
MgMap        *mg_sheet_read_map (const char *path, const char *relations_path,
                                 GPtrArray *warnings, GError **error);

/* ---- writing tables ----------------------------------------------------- */

/* ';' when the locale writes decimals with a comma (as Excel there
 * expects), else ','. */
char          mg_sheet_default_separator (void);
/* "actors-relations.csv" beside "actors.csv".  (transfer full) */
char         *mg_sheet_relations_path_for (const char *actors_path);
/* Writes the actors to @actors_path and the relations to @relations_path
 * as CSV, UTF-8 with a BOM, separated by @separator (',' ';' or '\t');
 * decimals take a comma when the separator is ';'.  Atomic. */
gboolean      mg_sheet_write_csv (MgMap *map, const char *actors_path,
                                  const char *relations_path, char separator,
                                  GError **error);
/* Writes one ODS workbook with the sheets "Actors" and "Relations". */
gboolean      mg_sheet_write_ods (MgMap *map, const char *path, GError **error);

G_END_DECLS
