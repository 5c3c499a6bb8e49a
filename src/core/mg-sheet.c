/* mg-sheet.c — spreadsheet tables: building them with limits, telling a
 * spreadsheet file from others, and reading one of any kind. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "mg-sheet-private.h"

G_DEFINE_QUARK (mg-sheet-error-quark, mg_sheet_error)

MgSheetTable *
mg_sheet_table_new (const char *file, const char *name)
{
  MgSheetTable *table = g_new0 (MgSheetTable, 1);

  table->file = g_strdup (file);
  table->name = g_strdup (name);
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_array_new (FALSE, FALSE, sizeof (MgSheetRow));
  table->strings = g_string_chunk_new (64 * 1024);
  table->warnings = g_ptr_array_new_with_free_func (g_free);
  return table;
}

void
mg_sheet_table_free (MgSheetTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    g_free (g_array_index (table->rows, MgSheetRow, i).cells);
  g_array_unref (table->rows);
  g_ptr_array_unref (table->header);
  g_string_chunk_free (table->strings);
  g_ptr_array_unref (table->warnings);
  g_free (table->file);
  g_free (table->name);
  g_free (table);
}

char *
mg_sheet_table_describe (const MgSheetTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  if (table->name == NULL)
    return g_strdup (table->file);
  /* TRANSLATORS: a file and one of its sheets, in messages. */
  return g_strdup_printf (_("%s, sheet %s"), table->file, table->name);
}

/* ---- building ----------------------------------------------------------- */

void
mg_table_builder_init (MgTableBuilder *b, MgSheetTable *table)
{
  memset (b, 0, sizeof *b);
  b->table = table;
  b->cells = g_ptr_array_new ();
}

void
mg_table_builder_clear (MgTableBuilder *b)
{
  g_clear_pointer (&b->cells, g_ptr_array_unref);
}

static gboolean
limit_error (MgTableBuilder *b, guint row_number, GError **error, const char *what)
{
  g_autofree char *where = mg_sheet_table_describe (b->table);

  g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_LIMIT,
               /* TRANSLATORS: "actors.csv, row 12: a cell is longer than …" */
               _("%s, row %u: %s; the file is refused"), where, row_number, what);
  return FALSE;
}

gboolean
mg_table_builder_add_cell (MgTableBuilder *b, const char *text, gssize len,
                           guint row_number, GError **error)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  if (n > MG_SHEET_MAX_CELL_BYTES)
    return limit_error (b, row_number, error, _("a cell is longer than 1 MB"));
  if (b->cells->len >= MG_SHEET_MAX_COLUMNS)
    {
      /* Empty cells past the limit (a trailing separator run) are harmless. */
      if (n == 0)
        return TRUE;
      return limit_error (b, row_number, error, _("more than 1024 columns"));
    }
  b->text_bytes += n;
  if (b->text_bytes > MG_SHEET_MAX_TEXT_BYTES)
    return limit_error (b, row_number, error, _("more than 512 MB of text"));
  if (n == 0)
    g_ptr_array_add (b->cells, (gpointer) "");
  else
    {
      g_ptr_array_add (b->cells, g_string_chunk_insert_len (b->table->strings, text, (gssize) n));
      b->n_nonempty++;
    }
  return TRUE;
}

gboolean
mg_table_builder_add_empty (MgTableBuilder *b, guint n, guint row_number, GError **error)
{
  for (guint i = 0; i < n && b->cells->len < MG_SHEET_MAX_COLUMNS; i++)
    g_ptr_array_add (b->cells, (gpointer) "");
  return TRUE;
}

gboolean
mg_table_builder_end_row (MgTableBuilder *b, guint row_number, GError **error)
{
  MgSheetRow row;
  guint n = b->cells->len;

  if (b->n_nonempty == 0)
    {
      g_ptr_array_set_size (b->cells, 0);
      return TRUE;
    }
  /* Trailing empty cells say nothing. */
  while (n > 0 && *(const char *) g_ptr_array_index (b->cells, n - 1) == '\0')
    n--;
  if (!b->have_header)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (b->table->header,
                         g_strstrip (g_strdup (g_ptr_array_index (b->cells, i))));
      b->have_header = TRUE;
    }
  else
    {
      if (b->table->rows->len >= MG_SHEET_MAX_ROWS)
        return limit_error (b, row_number, error, _("more than 2,000,000 rows"));
      b->n_cells += n;
      if (b->n_cells > MG_SHEET_MAX_CELLS)
        return limit_error (b, row_number, error, _("more than 16 million cells"));
      row.number = row_number;
      row.n_cells = n;
      row.cells = g_memdup2 (b->cells->pdata, n * sizeof (gpointer));
      g_array_append_val (b->table->rows, row);
    }
  g_ptr_array_set_size (b->cells, 0);
  b->n_nonempty = 0;
  return TRUE;
}

/* ---- what a file is ----------------------------------------------------- */

static const char *const csv_extensions[] = { ".csv", ".tsv", ".tab", ".txt", NULL };
static const char *const workbook_extensions[] = { ".ods", ".xlsx", NULL };

static gboolean
has_extension (const char *path, const char *const *extensions)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

gboolean
mg_sheet_path_is_spreadsheet (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return has_extension (path, csv_extensions) || has_extension (path, workbook_extensions);
}

gboolean
mg_sheet_data_is_zip (const char *data, gsize size)
{
  return size >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

static gboolean
file_starts_with_zip (const char *path)
{
  char head[4];
  gboolean zip = FALSE;
  FILE *f = fopen (path, "rb");

  if (f != NULL)
    {
      zip = fread (head, 1, 4, f) == 4 && mg_sheet_data_is_zip (head, 4);
      fclose (f);
    }
  return zip;
}

GPtrArray *
mg_sheet_read_file (const char *path, GError **error)
{
  GPtrArray *tables;
  MgSheetTable *table;

  g_return_val_if_fail (path != NULL, NULL);
  if (has_extension (path, workbook_extensions) || file_starts_with_zip (path))
    return mg_sheet_read_workbook (path, error);
  table = mg_sheet_read_csv_file (path, error);
  if (table == NULL)
    return NULL;
  tables = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_sheet_table_free);
  g_ptr_array_add (tables, table);
  return tables;
}

/* ---- names -------------------------------------------------------------- */

char *
mg_sheet_normalize (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  /* Most headers are plain ASCII: no transliteration needed then. */
  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        {
          ascii = g_strdup (text);
          break;
        }
      if ((guchar) *p >= 0x80)
        {
          ascii = g_str_to_ascii (text, "C");
          break;
        }
    }
  out = g_string_sized_new (strlen (ascii));
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}
