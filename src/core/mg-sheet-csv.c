/* mg-sheet-csv.c — CSV and TSV files (RFC 4180 and what spreadsheets
 * really write).
 *
 * A small state machine, fed the file in pieces so that memory stays
 * bounded whatever the file: a cell past 1 MB, a row past 1024 columns or
 * a NUL byte stops the read at once.  The separator (comma, semicolon or
 * tab) is guessed from the first lines: the one that appears in the header
 * and the same number of times on the following lines.  Quoted fields may
 * hold separators, doubled quotes and line breaks.  The encoding is UTF-8
 * (with or without BOM) unless some cell is not valid UTF-8: then the file
 * is Windows-1252, as French Excel writes it, and every cell is converted
 * at the end (g_convert).  UTF-16 with a BOM (Excel's "Unicode text") is
 * converted first.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mg-sheet-private.h"

#define CHUNK_SIZE (256 * 1024)
/* Lines looked at to guess the separator. */
#define SNIFF_LINES 20

typedef struct {
  MgTableBuilder b;
  char           separator;
  GString       *field;
  gboolean       in_quotes;
  gboolean       after_quote;  /* a quote met inside quotes: end or doubled */
  gboolean       skip_lf;      /* a CR ended the row: ignore the LF after it */
  gboolean       field_started;
  guint          line;         /* current line (1-based) */
  guint          row_line;     /* the current row's number, as a spreadsheet shows it
                                  (line breaks inside quotes do not count) */
  gboolean       not_utf8;
  gboolean       first_bytes;
  GError        *error;
} CsvParser;

static void
parser_init (CsvParser *p, MgSheetTable *table)
{
  memset (p, 0, sizeof *p);
  mg_table_builder_init (&p->b, table);
  p->field = g_string_sized_new (256);
  p->line = 1;
  p->row_line = 1;
  p->first_bytes = TRUE;
}

static void
parser_clear (CsvParser *p)
{
  mg_table_builder_clear (&p->b);
  g_string_free (p->field, TRUE);
  g_clear_error (&p->error);
}

static gboolean
end_field (CsvParser *p)
{
  if (!p->not_utf8 && !g_utf8_validate (p->field->str, (gssize) p->field->len, NULL))
    p->not_utf8 = TRUE;
  /* Line breaks inside a cell become plain LF. */
  if (memchr (p->field->str, '\r', p->field->len) != NULL)
    {
      gsize w = 0;

      for (gsize r = 0; r < p->field->len; r++)
        if (!(p->field->str[r] == '\r' && r + 1 < p->field->len && p->field->str[r + 1] == '\n'))
          p->field->str[w++] = p->field->str[r];
      g_string_truncate (p->field, w);
    }
  if (!mg_table_builder_add_cell (&p->b, p->field->str, (gssize) p->field->len, p->row_line,
                                  &p->error))
    return FALSE;
  g_string_truncate (p->field, 0);
  p->field_started = FALSE;
  return TRUE;
}

static gboolean
end_row (CsvParser *p)
{
  if (!end_field (p) || !mg_table_builder_end_row (&p->b, p->row_line, &p->error))
    return FALSE;
  p->row_line++;
  return TRUE;
}

static gboolean
binary_error (CsvParser *p)
{
  g_set_error (&p->error, MG_SHEET_ERROR, MG_SHEET_ERROR_FORMAT,
               _("%s is not a spreadsheet: it holds binary data (line %u)"),
               p->b.table->file, p->line);
  return FALSE;
}

static gboolean
cell_too_long (CsvParser *p)
{
  g_set_error (&p->error, MG_SHEET_ERROR, MG_SHEET_ERROR_LIMIT,
               _("%s, row %u: a cell is longer than 1 MB; the file is refused"),
               p->b.table->file, p->row_line);
  return FALSE;
}

/* Feeds @len bytes; FALSE with p->error set on a fatal problem. */
static gboolean
parser_feed (CsvParser *p, const char *data, gsize len)
{
  const char sep = p->separator;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\0')
        return binary_error (p);
      if (p->skip_lf)
        {
          p->skip_lf = FALSE;
          if (c == '\n')
            continue;
        }
      if (p->in_quotes)
        {
          if (p->after_quote)
            {
              p->after_quote = FALSE;
              if (c == '"')
                {
                  g_string_append_c (p->field, '"');
                  continue;
                }
              p->in_quotes = FALSE;
              /* falls through to the unquoted handling of c below */
            }
          else
            {
              /* Copy the run up to the next quote at once. */
              const char *start = data + i;
              const char *quote = memchr (start, '"', len - i);
              gsize run = quote != NULL ? (gsize) (quote - start) : len - i;

              if (memchr (start, '\0', run) != NULL)
                return binary_error (p);
              for (gsize k = 0; k < run; k++)
                if (start[k] == '\n')
                  p->line++;
              g_string_append_len (p->field, start, (gssize) run);
              if (p->field->len > MG_SHEET_MAX_CELL_BYTES)
                return cell_too_long (p);
              i += run;
              if (quote != NULL)
                p->after_quote = TRUE;
              continue;
            }
        }
      if (c == sep)
        {
          if (!end_field (p))
            return FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          p->line++;
          if (c == '\r')
            p->skip_lf = TRUE;
          if (!end_row (p))
            return FALSE;
        }
      else if (c == '"' && !p->field_started)
        {
          p->in_quotes = TRUE;
          p->field_started = TRUE;
        }
      else
        {
          g_string_append_c (p->field, c);
          p->field_started = TRUE;
          if (p->field->len > MG_SHEET_MAX_CELL_BYTES)
            return cell_too_long (p);
        }
    }
  return TRUE;
}

static gboolean
parser_finish (CsvParser *p)
{
  if (p->in_quotes && !p->after_quote)
    g_ptr_array_add (p->b.table->warnings,
                     g_strdup_printf (_("row %u: a quoted cell is never closed; it runs to the "
                                        "end of the file"), p->row_line));
  p->in_quotes = FALSE;
  if (p->field->len > 0 || p->field_started || p->b.cells->len > 0)
    return end_row (p);
  return TRUE;
}

/* ---- guessing --------------------------------------------------------- */

/* Counts of each candidate separator on the first lines, outside quotes. */
static char
guess_separator (const char *data, gsize len, char fallback)
{
  static const char candidates[] = { ';', '\t', ',' , '|' };
  guint counts[SNIFF_LINES][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_lines = 0;
  gboolean in_quotes = FALSE;
  int best = -1;
  guint best_consistent = 0, best_header = 0;

  for (gsize i = 0; i < len && n_lines < SNIFF_LINES; i++)
    {
      char c = data[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && c == '\n')
        n_lines++;
      else if (!in_quotes)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[n_lines][k]++;
    }
  if (n_lines < SNIFF_LINES && len > 0)
    n_lines++; /* the last line, without its line break */

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint header = counts[0][k], consistent = 0;

      if (header == 0)
        continue;
      for (guint l = 1; l < n_lines; l++)
        if (counts[l][k] == header)
          consistent++;
      if (best < 0 || consistent > best_consistent ||
          (consistent == best_consistent && header > best_header))
        {
          best = (int) k;
          best_consistent = consistent;
          best_header = header;
        }
    }
  return best >= 0 ? candidates[best] : fallback;
}

/* TRUE when the bytes look like text: no NUL, few control characters. */
static gboolean
looks_like_text (const char *data, gsize len)
{
  gsize controls = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0)
        return FALSE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
        controls++;
    }
  return controls * 100 <= len;
}

static gboolean
convert_from_windows_1252 (MgSheetTable *table, GError **error)
{
  GStringChunk *strings = g_string_chunk_new (64 * 1024);

  for (guint i = 0; i <= table->rows->len; i++)
    {
      const char **cells;
      guint n;

      if (i == table->rows->len)
        {
          cells = (const char **) table->header->pdata;
          n = table->header->len;
        }
      else
        {
          MgSheetRow *row = &g_array_index (table->rows, MgSheetRow, i);
          cells = row->cells;
          n = row->n_cells;
        }
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *utf8 = NULL;

          if (cells[c][0] == '\0')
            continue;
          utf8 = g_convert (cells[c], -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
          /* Five bytes are undefined in Windows-1252: Latin-1 takes them. */
          if (utf8 == NULL)
            utf8 = g_convert (cells[c], -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
          if (utf8 == NULL)
            {
              g_string_chunk_free (strings);
              g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_FORMAT,
                           _("%s: the text is neither UTF-8 nor Windows-1252"), table->file);
              return FALSE;
            }
          if (i == table->rows->len)
            {
              g_free (table->header->pdata[c]);
              table->header->pdata[c] = g_steal_pointer (&utf8);
            }
          else
            cells[c] = g_string_chunk_insert (strings, utf8);
        }
    }
  g_string_chunk_free (table->strings);
  table->strings = strings;
  return TRUE;
}

/* ---- reading ------------------------------------------------------------ */

typedef gssize (*ReadFunc) (gpointer source, char *buffer, gsize size, GError **error);

static MgSheetTable *
read_csv (const char *name, gboolean tab_default, const char *first, gsize first_len,
          ReadFunc read_more, gpointer source, GError **error)
{
  g_autoptr (MgSheetTable) table = mg_sheet_table_new (name, NULL);
  CsvParser p;
  g_autofree char *buffer = NULL;
  gboolean ok = TRUE;

  if (!looks_like_text (first, MIN (first_len, 64 * 1024)))
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_FORMAT,
                   _("%s is not a spreadsheet: it holds binary data"), name);
      return NULL;
    }
  parser_init (&p, table);
  if (first_len >= 3 && memcmp (first, "\xEF\xBB\xBF", 3) == 0)
    {
      first += 3;
      first_len -= 3;
    }
  /* Excel's hint line, "sep=;", names the separator. */
  if (first_len >= 5 && g_ascii_strncasecmp (first, "sep=", 4) == 0 &&
      (first_len == 5 || first[5] == '\r' || first[5] == '\n'))
    {
      p.separator = first[4];
      first += 5;
      first_len -= 5;
      if (first_len > 0 && first[0] == '\r')
        first++, first_len--;
      if (first_len > 0 && first[0] == '\n')
        first++, first_len--;
    }
  else
    p.separator = guess_separator (first, first_len, tab_default ? '\t' : ',');
  table->separator = p.separator;

  ok = parser_feed (&p, first, first_len);
  if (ok && read_more != NULL)
    {
      buffer = g_malloc (CHUNK_SIZE);
      for (;;)
        {
          gssize n = read_more (source, buffer, CHUNK_SIZE, &p.error);

          if (n < 0)
            {
              ok = FALSE;
              break;
            }
          if (n == 0)
            break;
          if (!(ok = parser_feed (&p, buffer, (gsize) n)))
            break;
        }
    }
  if (ok)
    ok = parser_finish (&p);
  if (ok && p.not_utf8)
    ok = convert_from_windows_1252 (table, &p.error);
  if (ok && table->header->len == 0)
    {
      g_set_error (&p.error, MG_SHEET_ERROR, MG_SHEET_ERROR_NO_TABLE,
                   _("%s is empty: no header row"), name);
      ok = FALSE;
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&p.error));
      parser_clear (&p);
      return NULL;
    }
  parser_clear (&p);
  return g_steal_pointer (&table);
}

static gboolean
name_says_tab (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".tab");
}

/* UTF-16 text with its BOM, converted to UTF-8 whole. */
static MgSheetTable *
read_utf16 (const char *name, const char *data, gsize len, GError **error)
{
  g_autofree char *utf8 = NULL;
  gsize utf8_len = 0;

  utf8 = g_convert (data, (gssize) len, "UTF-8", "UTF-16", NULL, &utf8_len, NULL);
  if (utf8 == NULL)
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_FORMAT,
                   _("%s: the UTF-16 text cannot be read"), name);
      return NULL;
    }
  return read_csv (name, name_says_tab (name), utf8, utf8_len, NULL, NULL, error);
}

static gboolean
is_utf16_bom (const char *data, gsize len)
{
  return len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF));
}

MgSheetTable *
mg_sheet_read_csv_memory (const char *data, gsize size, const char *name, GError **error)
{
  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  if (is_utf16_bom (data, size))
    return read_utf16 (name, data, size, error);
  return read_csv (name, name_says_tab (name), data, size, NULL, NULL, error);
}

static gssize
read_stream (gpointer source, char *buffer, gsize size, GError **error)
{
  return g_input_stream_read (source, buffer, size, NULL, error);
}

MgSheetTable *
mg_sheet_read_csv_file (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *first = g_malloc (CHUNK_SIZE);
  g_autoptr (GError) local = NULL;
  gsize first_len = 0;

  stream = g_file_read (file, NULL, &local);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), first, CHUNK_SIZE, &first_len, NULL,
                                &local))
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, _("cannot read the spreadsheet %s: %s"), path,
                   local->message);
      return NULL;
    }
  if (is_utf16_bom (first, first_len))
    {
      g_autofree char *all = NULL;
      gsize all_len = 0;

      g_clear_object (&stream);
      if (!g_file_load_contents (file, NULL, &all, &all_len, NULL, &local))
        {
          g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, _("cannot read the spreadsheet %s: %s"), path,
                       local->message);
          return NULL;
        }
      if (all_len > MG_SHEET_MAX_TEXT_BYTES)
        {
          g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_LIMIT,
                       _("%s: more than 512 MB of text; the file is refused"), name);
          return NULL;
        }
      return read_utf16 (name, all, all_len, error);
    }
  return read_csv (name, name_says_tab (name), first, first_len, read_stream, stream, error);
}
