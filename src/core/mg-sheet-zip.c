/* mg-sheet-zip.c — ODS and XLSX workbooks: libgsf opens the zip container,
 * libxml2 streams the XML of its parts.
 *
 * Safety: a part is opened only if the sum of the decompressed sizes
 * declared so far stays under MG_SHEET_MAX_UNZIPPED (a zip bomb fails
 * before anything is inflated), and libgsf never inflates a part past its
 * declared size.  The XML is read without network, without loading any DTD
 * and without substituting entities; a part that declares a document type
 * or uses an entity (neither ever appears in a real workbook) is refused.
 * Repeated rows and cells of ODS are expanded only when they hold something,
 * within the table limits.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "mg-sheet-private.h"

/* libgsf declares no automatic cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

#define NS_OOXML_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_ODS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_ODS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_ODS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* Repeats of a non-empty ODS row expanded at most (a filled range). */
#define MAX_ROW_REPEAT 100000

typedef struct {
  char      *name;        /* base name of the file */
  GsfInfile *zip;
  gsize      unzipped;    /* declared sizes of the parts opened so far */
  GPtrArray *tables;
  GError    *error;
} Book;

typedef struct {
  Book            *book;
  GsfInput        *input;
  const char      *part;
  xmlTextReaderPtr reader;
  char            *xml_error;
} Part;

static void
book_fail (Book *book, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
book_fail (Book *book, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  if (book->error != NULL)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  book->error = g_error_new_literal (MG_SHEET_ERROR, code, text);
}

/* ---- parts -------------------------------------------------------------- */

static GsfInput *
open_part (Book *book, const char *part, gboolean required)
{
  g_auto (GStrv) names = g_strsplit (part[0] == '/' ? part + 1 : part, "/", -1);
  GsfInput *input = gsf_infile_child_by_aname (book->zip, (const char **) names);
  gsf_off_t size;

  if (input == NULL)
    {
      if (required)
        book_fail (book, MG_SHEET_ERROR_FORMAT,
                   _("%s is not a spreadsheet workbook: it has no part “%s”"), book->name,
                   part);
      return NULL;
    }
  size = gsf_input_size (input);
  if (size < 0 || (guint64) size > MG_SHEET_MAX_UNZIPPED - MIN (book->unzipped,
                                                               MG_SHEET_MAX_UNZIPPED))
    {
      book_fail (book, MG_SHEET_ERROR_LIMIT,
                 _("%s: its content would take more than 512 MB once decompressed; it is "
                   "refused (a zip bomb?)"), book->name);
      g_object_unref (input);
      return NULL;
    }
  book->unzipped += (gsize) size;
  return input;
}

static int
part_read (void *context, char *buffer, int len)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);
  size_t n = (size_t) MIN ((gsf_off_t) len, remaining);

  if (n == 0)
    return 0;
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

static void
part_error (void *arg, xmlErrorPtr error)
{
  Part *part = arg;

  if (part->xml_error == NULL && error != NULL && error->message != NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (error->message));

      part->xml_error = g_strdup_printf (_("XML line %d: %s"), error->line, message);
    }
}

static gboolean
part_open (Part *p, Book *book, const char *part, gboolean required)
{
  memset (p, 0, sizeof *p);
  p->book = book;
  p->part = part;
  p->input = open_part (book, part, required);
  if (p->input == NULL)
    return FALSE;
  /* No network, no DTD, no entity substitution (XML_PARSE_NOENT absent). */
  p->reader = xmlReaderForIO (part_read, NULL, p->input, part, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (p->reader == NULL)
    {
      book_fail (book, MG_SHEET_ERROR_FORMAT, _("%s: cannot read the part “%s”"), book->name,
                 part);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (p->reader, part_error, p);
  return TRUE;
}

static void
part_close (Part *p)
{
  g_clear_pointer (&p->reader, xmlFreeTextReader);
  g_clear_object (&p->input);
  g_clear_pointer (&p->xml_error, g_free);
}

/* Steps to the next node; FALSE at the end or on an error (then book->error
 * is set). */
static gboolean
part_next (Part *p)
{
  int status = xmlTextReaderRead (p->reader);
  int type;

  if (status == 0)
    return FALSE;
  if (status < 0)
    {
      book_fail (p->book, MG_SHEET_ERROR_FORMAT, _("%s: the part “%s” is damaged: %s"),
                 p->book->name, p->part, p->xml_error ? p->xml_error : _("not well-formed XML"));
      return FALSE;
    }
  type = xmlTextReaderNodeType (p->reader);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
      type == XML_READER_TYPE_ENTITY)
    {
      book_fail (p->book, MG_SHEET_ERROR_FORMAT,
                 _("%s: the part “%s” declares a document type or uses entities, which "
                   "workbooks never do; it is refused for safety"), p->book->name, p->part);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_element (Part *p, const char *ns, const char *local)
{
  const char *uri;

  if (xmlTextReaderNodeType (p->reader) != XML_READER_TYPE_ELEMENT)
    return FALSE;
  if (strcmp ((const char *) xmlTextReaderConstLocalName (p->reader), local) != 0)
    return FALSE;
  if (ns == NULL)
    return TRUE;
  uri = (const char *) xmlTextReaderConstNamespaceUri (p->reader);
  return uri != NULL && strcmp (uri, ns) == 0;
}

static gboolean
is_end (Part *p, int depth)
{
  return xmlTextReaderNodeType (p->reader) == XML_READER_TYPE_END_ELEMENT &&
         xmlTextReaderDepth (p->reader) == depth;
}

static char *
get_attr (Part *p, const char *ns, const char *local)
{
  xmlChar *v = ns != NULL ? xmlTextReaderGetAttributeNs (p->reader, BAD_CAST local, BAD_CAST ns)
                          : xmlTextReaderGetAttribute (p->reader, BAD_CAST local);
  char *copy = v != NULL ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return copy;
}

static void
add_text (Part *p, GString *out)
{
  int type = xmlTextReaderNodeType (p->reader);

  if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
      type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
    {
      const char *v = (const char *) xmlTextReaderConstValue (p->reader);

      if (v != NULL && out->len + strlen (v) <= MG_SHEET_MAX_CELL_BYTES + 1)
        g_string_append (out, v);
    }
}

/* A number as stored (C locale, maybe "1.1000000000000001") in its
 * shortest form; integers are left as they are. */
static char *
tidy_number (const char *text)
{
  double value;

  if (text == NULL)
    return g_strdup ("");
  if (strpbrk (text, ".eE") != NULL && mg_parse_double (text, &value))
    return mg_format_double (value);
  return g_strdup (text);
}

/* ---- XLSX ---------------------------------------------------------------- */

typedef struct {
  char *name;
  char *rel_id;
  char *target;
} XlsxSheet;

static void
xlsx_sheet_free (XlsxSheet *s)
{
  g_free (s->name);
  g_free (s->rel_id);
  g_free (s->target);
  g_free (s);
}

static GPtrArray *
xlsx_read_sheet_list (Book *book)
{
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) xlsx_sheet_free);
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Part p;

  if (!part_open (&p, book, "xl/workbook.xml", TRUE))
    return NULL;
  while (part_next (&p))
    if (is_element (&p, NULL, "sheet"))
      {
        XlsxSheet *s = g_new0 (XlsxSheet, 1);

        s->name = get_attr (&p, NULL, "name");
        s->rel_id = get_attr (&p, NS_OOXML_REL, "id");
        if (s->name == NULL)
          s->name = g_strdup_printf ("%u", sheets->len + 1);
        g_ptr_array_add (sheets, s);
      }
  part_close (&p);
  if (book->error != NULL)
    return NULL;

  if (part_open (&p, book, "xl/_rels/workbook.xml.rels", FALSE))
    {
      while (part_next (&p))
        if (is_element (&p, NULL, "Relationship"))
          {
            char *id = get_attr (&p, NULL, "Id");
            char *target = get_attr (&p, NULL, "Target");

            if (id != NULL && target != NULL)
              g_hash_table_replace (targets, id, target);
            else
              {
                g_free (id);
                g_free (target);
              }
          }
      part_close (&p);
    }
  if (book->error != NULL)
    return NULL;

  for (guint i = 0; i < sheets->len; i++)
    {
      XlsxSheet *s = g_ptr_array_index (sheets, i);
      const char *target = s->rel_id ? g_hash_table_lookup (targets, s->rel_id) : NULL;

      if (target == NULL)
        s->target = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      else if (target[0] == '/')
        s->target = g_strdup (target + 1);
      else
        s->target = g_strconcat ("xl/", target, NULL);
    }
  return g_steal_pointer (&sheets);
}

/* The text of the <t> elements inside the current element (rich text runs
 * included, phonetic runs left out); the reader ends on its end tag. */
static void
xlsx_collect_text (Part *p, GString *out)
{
  int depth = xmlTextReaderDepth (p->reader);
  int in_t = 0, in_phonetic = 0;

  if (xmlTextReaderIsEmptyElement (p->reader))
    return;
  while (part_next (p) && !is_end (p, depth))
    {
      int type = xmlTextReaderNodeType (p->reader);
      const char *local = (const char *) xmlTextReaderConstLocalName (p->reader);

      if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (p->reader))
        {
          if (strcmp (local, "t") == 0)
            in_t++;
          else if (strcmp (local, "rPh") == 0)
            in_phonetic++;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (strcmp (local, "t") == 0)
            in_t--;
          else if (strcmp (local, "rPh") == 0)
            in_phonetic--;
        }
      else if (in_t > 0 && in_phonetic == 0)
        add_text (p, out);
    }
}

static GPtrArray *
xlsx_read_shared_strings (Book *book, GStringChunk *chunk)
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  Part p;

  if (!part_open (&p, book, "xl/sharedStrings.xml", FALSE))
    return book->error == NULL ? g_steal_pointer (&strings) : NULL;
  while (part_next (&p))
    if (is_element (&p, NULL, "si"))
      {
        if (strings->len >= MG_SHEET_MAX_CELLS)
          {
            book_fail (book, MG_SHEET_ERROR_LIMIT,
                       _("%s: more than 16 million shared strings; the file is refused"),
                       book->name);
            break;
          }
        g_string_truncate (text, 0);
        xlsx_collect_text (&p, text);
        g_ptr_array_add (strings, g_string_chunk_insert_len (chunk, text->str, (gssize) text->len));
      }
  part_close (&p);
  if (book->error != NULL)
    return NULL;
  return g_steal_pointer (&strings);
}

/* Column index (0-based) of a cell reference like "AB12", or -1. */
static int
column_of_ref (const char *ref)
{
  int col = 0;
  const char *s = ref;

  if (ref == NULL)
    return -1;
  for (; g_ascii_isalpha (*s); s++)
    {
      col = col * 26 + (g_ascii_toupper (*s) - 'A' + 1);
      if (col > 16384)
        return -1;
    }
  return s == ref ? -1 : col - 1;
}

static void
xlsx_read_sheet (Book *book, XlsxSheet *sheet, GPtrArray *shared)
{
  g_autoptr (MgSheetTable) table = mg_sheet_table_new (book->name, sheet->name);
  g_autoptr (GString) value = g_string_new (NULL);
  MgTableBuilder b;
  guint row_number = 0;
  gboolean in_row = FALSE;
  Part p;

  if (!part_open (&p, book, sheet->target, TRUE))
    return;
  mg_table_builder_init (&b, table);
  while (book->error == NULL && part_next (&p))
    {
      if (is_element (&p, NULL, "row"))
        {
          g_autofree char *r = get_attr (&p, NULL, "r");
          guint64 n = 0;

          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &n, NULL))
            row_number = (guint) n;
          else
            row_number++;
          in_row = !xmlTextReaderIsEmptyElement (p.reader);
        }
      else if (xmlTextReaderNodeType (p.reader) == XML_READER_TYPE_END_ELEMENT &&
               strcmp ((const char *) xmlTextReaderConstLocalName (p.reader), "row") == 0)
        {
          in_row = FALSE;
          if (!mg_table_builder_end_row (&b, row_number, &book->error))
            break;
        }
      else if (in_row && is_element (&p, NULL, "c"))
        {
          g_autofree char *ref = get_attr (&p, NULL, "r");
          g_autofree char *type = get_attr (&p, NULL, "t");
          g_autofree char *text = NULL;
          int col = column_of_ref (ref);
          int depth = xmlTextReaderDepth (p.reader);
          gboolean in_v = FALSE;

          g_string_truncate (value, 0);
          if (g_strcmp0 (type, "inlineStr") == 0)
            xlsx_collect_text (&p, value);
          else if (!xmlTextReaderIsEmptyElement (p.reader))
            while (part_next (&p) && !is_end (&p, depth))
              {
                if (is_element (&p, NULL, "v"))
                  in_v = !xmlTextReaderIsEmptyElement (p.reader);
                else if (xmlTextReaderNodeType (p.reader) == XML_READER_TYPE_END_ELEMENT)
                  in_v = FALSE;
                else if (in_v)
                  add_text (&p, value);
              }
          if (book->error != NULL)
            break;

          if (g_strcmp0 (type, "s") == 0)
            {
              guint64 index;

              if (g_ascii_string_to_unsigned (value->str, 10, 0, G_MAXUINT, &index, NULL) &&
                  index < shared->len)
                text = g_strdup (g_ptr_array_index (shared, index));
              else
                text = g_strdup ("");
            }
          else if (g_strcmp0 (type, "b") == 0)
            text = g_strdup (g_str_equal (value->str, "1") ? "TRUE" : "FALSE");
          else if (type == NULL || g_strcmp0 (type, "n") == 0)
            text = tidy_number (value->str);
          else
            text = g_strdup (value->str);

          if (col >= 0 && (guint) col > b.cells->len &&
              !mg_table_builder_add_empty (&b, (guint) col - b.cells->len, row_number,
                                           &book->error))
            break;
          if (!mg_table_builder_add_cell (&b, text, -1, row_number, &book->error))
            break;
        }
    }
  part_close (&p);
  if (book->error == NULL)
    mg_table_builder_end_row (&b, row_number, &book->error);
  mg_table_builder_clear (&b);
  if (book->error == NULL && table->header->len > 0)
    g_ptr_array_add (book->tables, g_steal_pointer (&table));
}

static void
read_xlsx (Book *book)
{
  g_autoptr (GPtrArray) sheets = xlsx_read_sheet_list (book);
  g_autoptr (GStringChunk) chunk = NULL;
  g_autoptr (GPtrArray) shared = NULL;

  if (sheets == NULL)
    return;
  chunk = g_string_chunk_new (64 * 1024);
  shared = xlsx_read_shared_strings (book, chunk);
  for (guint i = 0; shared != NULL && i < sheets->len && book->error == NULL; i++)
    xlsx_read_sheet (book, g_ptr_array_index (sheets, i), shared);
  g_string_chunk_free (g_steal_pointer (&chunk));
}

/* ---- ODS ----------------------------------------------------------------- */

/* The text of a table cell: its paragraphs joined by line breaks, with
 * <text:s/>, <text:tab/> and <text:line-break/> made characters. */
static void
ods_collect_text (Part *p, GString *out)
{
  int depth = xmlTextReaderDepth (p->reader);
  guint paragraphs = 0;

  if (xmlTextReaderIsEmptyElement (p->reader))
    return;
  while (part_next (p) && !is_end (p, depth))
    {
      if (xmlTextReaderNodeType (p->reader) == XML_READER_TYPE_ELEMENT)
        {
          const char *uri = (const char *) xmlTextReaderConstNamespaceUri (p->reader);
          const char *local = (const char *) xmlTextReaderConstLocalName (p->reader);

          if (uri != NULL && strcmp (uri, NS_ODS_OFFICE) == 0 && strcmp (local, "annotation") == 0)
            {
              /* A comment on the cell is not its text: skip it. */
              if (!xmlTextReaderIsEmptyElement (p->reader))
                {
                  int d = xmlTextReaderDepth (p->reader);

                  while (part_next (p) && !is_end (p, d))
                    ;
                }
              continue;
            }
          if (uri == NULL || strcmp (uri, NS_ODS_TEXT) != 0)
            continue;
          if (strcmp (local, "p") == 0 || strcmp (local, "h") == 0)
            {
              if (paragraphs++ > 0)
                g_string_append_c (out, '\n');
            }
          else if (strcmp (local, "s") == 0)
            {
              g_autofree char *c = get_attr (p, NS_ODS_TEXT, "c");
              guint64 n = 1;

              if (c != NULL)
                g_ascii_string_to_unsigned (c, 10, 1, 1024, &n, NULL);
              for (guint64 i = 0; i < n; i++)
                g_string_append_c (out, ' ');
            }
          else if (strcmp (local, "tab") == 0)
            g_string_append_c (out, '\t');
          else if (strcmp (local, "line-break") == 0)
            g_string_append_c (out, '\n');
          else if (strcmp (local, "note") == 0 && !xmlTextReaderIsEmptyElement (p->reader))
            {
              /* A footnote is not the cell's text either. */
              int d = xmlTextReaderDepth (p->reader);

              while (part_next (p) && !is_end (p, d))
                ;
            }
        }
      else
        add_text (p, out);
    }
}

static guint
repeat_count (Part *p, const char *local, guint max)
{
  g_autofree char *text = get_attr (p, NS_ODS_TABLE, local);
  guint64 n = 1;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &n, NULL))
    n = 1;
  return (guint) MIN (n, (guint64) max);
}

static void
ods_read_cell (Part *p, GString *value)
{
  g_autofree char *type = get_attr (p, NS_ODS_OFFICE, "value-type");
  g_autofree char *number = NULL;

  g_string_truncate (value, 0);
  if (type != NULL && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0 ||
                       strcmp (type, "currency") == 0))
    number = get_attr (p, NS_ODS_OFFICE, "value");
  else if (g_strcmp0 (type, "boolean") == 0)
    {
      g_autofree char *b = get_attr (p, NS_ODS_OFFICE, "boolean-value");
      number = g_strdup (g_strcmp0 (b, "true") == 0 ? "TRUE" : "FALSE");
    }
  else if (g_strcmp0 (type, "date") == 0)
    number = get_attr (p, NS_ODS_OFFICE, "date-value");

  if (number != NULL)
    {
      g_autofree char *tidy = g_strcmp0 (type, "date") == 0 || g_strcmp0 (type, "boolean") == 0
                                ? g_strdup (number) : tidy_number (number);

      g_string_append (value, tidy);
      /* Step over the displayed text. */
      if (!xmlTextReaderIsEmptyElement (p->reader))
        {
          int depth = xmlTextReaderDepth (p->reader);
          while (part_next (p) && !is_end (p, depth))
            ;
        }
    }
  else
    ods_collect_text (p, value);
}

static void
ods_read_table (Book *book, Part *p)
{
  g_autofree char *name = get_attr (p, NS_ODS_TABLE, "name");
  g_autoptr (MgSheetTable) table = NULL;
  g_autoptr (GString) value = g_string_new (NULL);
  g_autoptr (GPtrArray) row_cells = g_ptr_array_new_with_free_func (g_free);
  int depth = xmlTextReaderDepth (p->reader);
  MgTableBuilder b;
  guint row_number = 0;

  table = mg_sheet_table_new (book->name, name ? name : "");
  if (xmlTextReaderIsEmptyElement (p->reader))
    return;
  mg_table_builder_init (&b, table);
  while (book->error == NULL && part_next (p) && !is_end (p, depth))
    {
      guint rows, pending_empty = 0;
      int row_depth;

      if (!is_element (p, NS_ODS_TABLE, "table-row"))
        continue;
      rows = repeat_count (p, "number-rows-repeated", G_MAXUINT32);
      row_depth = xmlTextReaderDepth (p->reader);
      g_ptr_array_set_size (row_cells, 0);
      /* Cells as (repeat, text) pairs: empty runs are only counted. */
      if (!xmlTextReaderIsEmptyElement (p->reader))
        while (part_next (p) && !is_end (p, row_depth))
          {
            guint repeat;

            if (!is_element (p, NS_ODS_TABLE, "table-cell") &&
                !is_element (p, NS_ODS_TABLE, "covered-table-cell"))
              continue;
            repeat = repeat_count (p, "number-columns-repeated", MG_SHEET_MAX_COLUMNS + 1);
            ods_read_cell (p, value);
            if (value->len == 0)
              {
                pending_empty += repeat;
                continue;
              }
            for (; pending_empty > 0 && row_cells->len <= MG_SHEET_MAX_COLUMNS; pending_empty--)
              g_ptr_array_add (row_cells, g_strdup (""));
            pending_empty = 0;
            for (guint i = 0; i < repeat && row_cells->len <= MG_SHEET_MAX_COLUMNS; i++)
              g_ptr_array_add (row_cells, g_strndup (value->str, value->len));
          }
      if (book->error != NULL)
        break;
      if (row_cells->len == 0)
        {
          /* Empty rows, however many, take no room. */
          row_number += rows;
          continue;
        }
      rows = MIN (rows, MAX_ROW_REPEAT);
      for (guint r = 0; r < rows && book->error == NULL; r++)
        {
          row_number++;
          for (guint c = 0; c < row_cells->len; c++)
            if (!mg_table_builder_add_cell (&b, g_ptr_array_index (row_cells, c), -1, row_number,
                                            &book->error))
              break;
          if (book->error == NULL)
            mg_table_builder_end_row (&b, row_number, &book->error);
        }
    }
  mg_table_builder_clear (&b);
  if (book->error == NULL && table->header->len > 0)
    g_ptr_array_add (book->tables, g_steal_pointer (&table));
}

static void
read_ods (Book *book)
{
  Part p;

  if (!part_open (&p, book, "content.xml", TRUE))
    return;
  while (book->error == NULL && part_next (&p))
    if (is_element (&p, NS_ODS_TABLE, "table"))
      ods_read_table (book, &p);
  part_close (&p);
}

/* ---- the workbook -------------------------------------------------------- */

static void
init_gsf (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      gsf_init ();
      g_once_init_leave (&done, 1);
    }
}

GPtrArray *
mg_sheet_read_workbook (const char *path, GError **error)
{
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GsfInput) probe = NULL;
  Book book = { 0 };
  GPtrArray *result;

  init_gsf ();
  book.name = g_path_get_basename (path);
  input = gsf_input_stdio_new (path, &local);
  if (input == NULL)
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_IO, _("cannot read the spreadsheet %s: %s"), path,
                   local ? local->message : g_strerror (errno));
      g_free (book.name);
      return NULL;
    }
  book.zip = (GsfInfile *) gsf_infile_zip_new (input, &local);
  if (book.zip == NULL)
    {
      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_FORMAT,
                   _("%s is not a spreadsheet workbook (ODS or XLSX): %s"), book.name,
                   local ? local->message : _("not a zip archive"));
      g_free (book.name);
      return NULL;
    }
  book.tables = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_sheet_table_free);

  probe = gsf_infile_child_by_name (book.zip, "content.xml");
  if (probe != NULL)
    read_ods (&book);
  else
    {
      g_autoptr (GsfInput) xl = gsf_infile_child_by_name (book.zip, "xl");

      if (xl != NULL)
        read_xlsx (&book);
      else
        book_fail (&book, MG_SHEET_ERROR_FORMAT,
                   _("%s is a zip archive, but neither an ODS nor an XLSX workbook"), book.name);
    }
  if (book.error == NULL && book.tables->len == 0)
    book_fail (&book, MG_SHEET_ERROR_NO_TABLE, _("%s holds no table: every sheet is empty"),
               book.name);

  g_object_unref (book.zip);
  g_free (book.name);
  if (book.error != NULL)
    {
      g_propagate_error (error, book.error);
      g_ptr_array_unref (book.tables);
      return NULL;
    }
  result = book.tables;
  return result;
}
