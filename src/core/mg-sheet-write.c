/* mg-sheet-write.c — a map written as tables: actors and relations as two
 * CSV files, or as one ODS workbook with two sheets.
 *
 * The columns are those the readers know (id, label, role, territory,
 * lessons, notes, provenance, and x, y, pinned when every actor has a
 * position; id, source, target, kind, weight, directed,
 * lessons, notes, provenance), then one per attribute, so that a table read
 * back gives the same map.  Values stay language-neutral (role and kind
 * ids); only the separator and the decimal mark follow the locale, as
 * spreadsheets in that locale expect.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-output.h>
#include <gsf/gsf-utils.h>
#include <locale.h>
#include <string.h>

#include "mg-atomic-file.h"
#include "mg-sheet-private.h"

/* libgsf declares no automatic cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

/* ---- the table, whatever the format ---------------------------------------- */

typedef enum {
  CELL_TEXT,
  CELL_NUMBER,  /* a number as mg_format_double writes it */
} CellType;

typedef struct {
  GPtrArray *names;   /* char* header */
  GPtrArray *rows;    /* GPtrArray* of char* (NULL = empty) */
  GArray    *types;   /* CellType per column */
} Table;

static void
table_clear (Table *t)
{
  g_ptr_array_unref (t->names);
  g_ptr_array_unref (t->rows);
  g_array_unref (t->types);
}

static void
table_init (Table *t, const char *const *names)
{
  t->names = g_ptr_array_new_with_free_func (g_free);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  t->types = g_array_new (FALSE, TRUE, sizeof (CellType));
  for (guint i = 0; names[i] != NULL; i++)
    {
      CellType type = CELL_TEXT;

      g_ptr_array_add (t->names, g_strdup (names[i]));
      g_array_append_val (t->types, type);
    }
}

/* The attribute keys used by @data lists, in key order. */
static GPtrArray *
attribute_keys (MgMap *map, GPtrArray *owners, gboolean relations)
{
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  GPtrArray *keys = g_ptr_array_new ();
  GPtrArray *all = mg_map_get_keys (map);

  for (guint i = 0; i < owners->len; i++)
    {
      GPtrArray *data = relations ? ((MgRelation *) g_ptr_array_index (owners, i))->data
                                  : ((MgActor *) g_ptr_array_index (owners, i))->data;

      for (guint d = 0; data != NULL && d < data->len; d++)
        {
          MgData *item = g_ptr_array_index (data, d);

          if (item->key != NULL && !item->is_xml && item->key->name != NULL &&
              g_strcmp0 (item->key->name, "provenance") != 0)
            g_hash_table_add (used, item->key);
        }
    }
  for (guint i = 0; i < all->len; i++)
    if (g_hash_table_contains (used, g_ptr_array_index (all, i)))
      g_ptr_array_add (keys, g_ptr_array_index (all, i));
  return keys;
}

static const char *
data_value (GPtrArray *data, MgKey *key)
{
  for (guint d = 0; data != NULL && d < data->len; d++)
    {
      MgData *item = g_ptr_array_index (data, d);

      if (item->key == key && !item->is_xml)
        return item->value;
    }
  return NULL;
}

static gboolean
key_is_numeric (const MgKey *key)
{
  return key->type == MG_VALUE_DOUBLE || key->type == MG_VALUE_FLOAT ||
         key->type == MG_VALUE_INT || key->type == MG_VALUE_LONG;
}

static void
add_attribute_columns (Table *t, GPtrArray *keys)
{
  for (guint k = 0; k < keys->len; k++)
    {
      MgKey *key = g_ptr_array_index (keys, k);
      CellType type = key_is_numeric (key) ? CELL_NUMBER : CELL_TEXT;

      g_ptr_array_add (t->names, g_strdup (key->name));
      g_array_append_val (t->types, type);
    }
}

static void
add_attribute_cells (GPtrArray *row, GPtrArray *data, GPtrArray *keys)
{
  for (guint k = 0; k < keys->len; k++)
    {
      MgKey *key = g_ptr_array_index (keys, k);
      const char *v = data_value (data, key);
      double number;

      if (v != NULL && key_is_numeric (key) && mg_parse_double (v, &number))
        g_ptr_array_add (row, mg_format_double (number));
      else
        g_ptr_array_add (row, g_strdup (v));
    }
}

static void
actors_table (MgMap *map, Table *t)
{
  static const char *const names[] = { "id", "label", "role", "territory", "lessons", "notes",
                                       "provenance", NULL };
  GPtrArray *actors = mg_map_get_actors (map);
  g_autoptr (GPtrArray) keys = attribute_keys (map, actors, FALSE);

  gboolean positions = mg_map_has_positions (map) && actors->len > 0;
  CellType number = CELL_NUMBER, text = CELL_TEXT;

  table_init (t, names);
  /* Positions, so that a map laid out by hand comes back as it was. */
  if (positions)
    {
      g_ptr_array_add (t->names, g_strdup ("x"));
      g_array_append_val (t->types, number);
      g_ptr_array_add (t->names, g_strdup ("y"));
      g_array_append_val (t->types, number);
      g_ptr_array_add (t->names, g_strdup ("pinned"));
      g_array_append_val (t->types, text);
    }
  add_attribute_columns (t, keys);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (row, g_strdup (a->id));
      g_ptr_array_add (row, g_strdup (a->label));
      g_ptr_array_add (row, g_strdup (a->role));
      g_ptr_array_add (row, g_strdup (a->territory));
      g_ptr_array_add (row, a->lessons ? mg_lesson_set_to_string (a->lessons) : NULL);
      g_ptr_array_add (row, g_strdup (a->notes));
      g_ptr_array_add (row, g_strdup (a->provenance));
      if (positions)
        {
          g_ptr_array_add (row, mg_format_double (a->x));
          g_ptr_array_add (row, mg_format_double (a->y));
          g_ptr_array_add (row, g_strdup (a->pinned ? "yes" : "no"));
        }
      add_attribute_cells (row, a->data, keys);
      g_ptr_array_add (t->rows, row);
    }
}

static void
relations_table (MgMap *map, Table *t)
{
  static const char *const names[] = { "id", "source", "target", "kind", "weight", "directed",
                                       "lessons", "notes", "provenance", NULL };
  GPtrArray *relations = mg_map_get_relations (map);
  g_autoptr (GPtrArray) keys = attribute_keys (map, relations, TRUE);
  CellType number = CELL_NUMBER;

  table_init (t, names);
  g_array_index (t->types, CellType, 4) = number;
  add_attribute_columns (t, keys);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (row, g_strdup (r->id));
      g_ptr_array_add (row, g_strdup (r->source->id));
      g_ptr_array_add (row, g_strdup (r->target->id));
      g_ptr_array_add (row, g_strdup (r->kind));
      g_ptr_array_add (row, r->has_weight ? mg_format_double (r->weight) : NULL);
      g_ptr_array_add (row, g_strdup (r->directed ? "yes" : "no"));
      g_ptr_array_add (row, r->lessons ? mg_lesson_set_to_string (r->lessons) : NULL);
      g_ptr_array_add (row, g_strdup (r->notes));
      g_ptr_array_add (row, g_strdup (r->provenance));
      add_attribute_cells (row, r->data, keys);
      g_ptr_array_add (t->rows, row);
    }
}

/* ---- CSV ----------------------------------------------------------------- */

char
mg_sheet_default_separator (void)
{
  const struct lconv *conv = localeconv ();

  return conv != NULL && conv->decimal_point != NULL && conv->decimal_point[0] == ',' ? ';' : ',';
}

char *
mg_sheet_relations_path_for (const char *actors_path)
{
  const char *dot;

  g_return_val_if_fail (actors_path != NULL, NULL);
  dot = strrchr (actors_path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return g_strconcat (actors_path, "-relations.csv", NULL);
  return g_strdup_printf ("%.*s-relations%s", (int) (dot - actors_path), actors_path, dot);
}

static void
csv_cell (GString *out, const char *value, char separator, gboolean number)
{
  if (value == NULL)
    return;
  if (number && separator == ';')
    {
      for (const char *p = value; *p != '\0'; p++)
        g_string_append_c (out, *p == '.' ? ',' : *p);
      return;
    }
  if (strchr (value, separator) != NULL || strpbrk (value, "\"\n\r") != NULL ||
      value[0] == ' ' || (*value != '\0' && value[strlen (value) - 1] == ' '))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static GString *
csv_of_table (const Table *t, char separator)
{
  GString *out = g_string_sized_new (64 * 1024);

  /* The BOM makes Excel read the file as UTF-8. */
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; c < t->names->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      csv_cell (out, g_ptr_array_index (t->names, c), separator, FALSE);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, separator);
          csv_cell (out, g_ptr_array_index (row, c), separator,
                    g_array_index (t->types, CellType, c) == CELL_NUMBER);
        }
      g_string_append (out, "\r\n");
    }
  return out;
}

static gboolean
write_string (const char *path, GString *text, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!mg_atomic_file_replace (path, text->str, text->len, &local))
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mg_sheet_write_csv (MgMap *map, const char *actors_path, const char *relations_path,
                    char separator, GError **error)
{
  Table actors, relations;
  g_autoptr (GString) a = NULL;
  g_autoptr (GString) r = NULL;
  gboolean ok;

  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  g_return_val_if_fail (actors_path != NULL && relations_path != NULL, FALSE);
  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', FALSE);

  actors_table (map, &actors);
  relations_table (map, &relations);
  a = csv_of_table (&actors, separator);
  r = csv_of_table (&relations, separator);
  table_clear (&actors);
  table_clear (&relations);
  ok = write_string (actors_path, a, error) && write_string (relations_path, r, error);
  return ok;
}

/* ---- ODS ----------------------------------------------------------------- */

static void
xml_escape (GString *out, const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    switch (text[i])
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default:
        /* Control characters other than tab and line breaks are not XML. */
        if ((guchar) text[i] >= 0x20 || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')
          g_string_append_c (out, text[i]);
      }
}

/* One paragraph of cell text: spaces that XML would fold become <text:s/>,
 * tabs <text:tab/>. */
static void
ods_paragraph (GString *out, const char *text, gsize len)
{
  g_string_append (out, "<text:p>");
  for (gsize i = 0; i < len; )
    {
      if (text[i] == ' ' && (i == 0 || i + 1 == len || text[i + 1] == ' '))
        {
          gsize n = 0;

          while (i + n < len && text[i + n] == ' ')
            n++;
          if (n == 1)
            g_string_append (out, "<text:s/>");
          else
            g_string_append_printf (out, "<text:s text:c=\"%" G_GSIZE_FORMAT "\"/>", n);
          i += n;
        }
      else if (text[i] == '\t')
        {
          g_string_append (out, "<text:tab/>");
          i++;
        }
      else
        {
          gsize n = 0;

          while (i + n < len && text[i + n] != '\t' &&
                 !(text[i + n] == ' ' && (i + n + 1 == len || text[i + n + 1] == ' ')))
            n++;
          xml_escape (out, text + i, n);
          i += n;
        }
    }
  g_string_append (out, "</text:p>");
}

static void
ods_cell (GString *out, const char *value, CellType type)
{
  double number;

  if (value == NULL || *value == '\0')
    {
      g_string_append (out, "<table:table-cell/>");
      return;
    }
  if (type == CELL_NUMBER && mg_parse_double (value, &number))
    {
      g_string_append_printf (out, "<table:table-cell office:value-type=\"float\" "
                                   "office:value=\"%s\">", value);
      ods_paragraph (out, value, strlen (value));
    }
  else
    {
      const char *line = value;

      g_string_append (out, "<table:table-cell office:value-type=\"string\">");
      for (;;)
        {
          const char *end = strchr (line, '\n');

          ods_paragraph (out, line, end != NULL ? (gsize) (end - line) : strlen (line));
          if (end == NULL)
            break;
          line = end + 1;
        }
    }
  g_string_append (out, "</table:table-cell>");
}

static void
ods_table (GString *out, const Table *t, const char *name)
{
  g_string_append (out, "<table:table table:name=\"");
  xml_escape (out, name, strlen (name));
  g_string_append (out, "\">");
  g_string_append_printf (out, "<table:table-column table:number-columns-repeated=\"%u\"/>",
                          t->names->len);
  g_string_append (out, "<table:table-row>");
  for (guint c = 0; c < t->names->len; c++)
    ods_cell (out, g_ptr_array_index (t->names, c), CELL_TEXT);
  g_string_append (out, "</table:table-row>\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);

      g_string_append (out, "<table:table-row>");
      for (guint c = 0; c < row->len; c++)
        ods_cell (out, g_ptr_array_index (row, c), g_array_index (t->types, CellType, c));
      g_string_append (out, "</table:table-row>\n");
    }
  g_string_append (out, "</table:table>");
}

static const char ods_manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"1.2\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
  "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

static gboolean
zip_add (GsfOutfile *zip, const char *name, const char *data, gsize len, gboolean stored)
{
  GsfOutput *child = gsf_outfile_new_child_full (zip, name, FALSE, "compression-level",
                                                 stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED,
                                                 NULL);
  gboolean ok;

  if (child == NULL)
    return FALSE;
  ok = gsf_output_write (child, len, (const guint8 *) data);
  ok = gsf_output_close (child) && ok;
  g_object_unref (child);
  return ok;
}

gboolean
mg_sheet_write_ods (MgMap *map, const char *path, GError **error)
{
  static const char mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";
  g_autoptr (GString) content = g_string_sized_new (256 * 1024);
  g_autoptr (GsfOutput) sink = NULL;
  g_autoptr (GsfOutfile) zip = NULL;
  g_autoptr (GError) local = NULL;
  GsfOutfile *meta_inf;
  Table actors, relations;
  gboolean ok;

  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  actors_table (map, &actors);
  relations_table (map, &relations);
  g_string_append (content,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-content "
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "office:version=\"1.2\">\n<office:body><office:spreadsheet>\n");
  ods_table (content, &actors, "Actors");
  ods_table (content, &relations, "Relations");
  g_string_append (content, "</office:spreadsheet></office:body></office:document-content>\n");
  table_clear (&actors);
  table_clear (&relations);

  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, &local);
  if (zip == NULL)
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, _("cannot write the workbook %s: %s"), path,
                   local ? local->message : "zip");
      return FALSE;
    }
  /* The mimetype first and stored, so that a reader can tell the format
   * from the first bytes. */
  ok = zip_add (zip, "mimetype", mimetype, strlen (mimetype), TRUE) &&
       zip_add (zip, "content.xml", content->str, content->len, FALSE);
  meta_inf = ok ? GSF_OUTFILE (gsf_outfile_new_child (zip, "META-INF", TRUE)) : NULL;
  if (meta_inf != NULL)
    {
      ok = zip_add (meta_inf, "manifest.xml", ods_manifest, strlen (ods_manifest), FALSE);
      ok = gsf_output_close (GSF_OUTPUT (meta_inf)) && ok;
      g_object_unref (meta_inf);
    }
  else
    ok = FALSE;
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  if (!ok)
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, _("cannot write the workbook %s"), path);
      return FALSE;
    }
  if (!mg_atomic_file_replace (path, (const char *) gsf_output_memory_get_bytes (
                                 GSF_OUTPUT_MEMORY (sink)),
                               (gsize) gsf_output_size (sink), &local))
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
