/* mg-graphml-reader.c — reading GraphML: input, passes, libxml2 errors.
 *
 * Files are read with plain reads (gzip inflated on the way, recognised by
 * its magic bytes, whatever the name); memory is handed to libxml2 as it is.
 * The walk over the document is in mg-graphml-reader-walk.c, what is
 * settled at the end in mg-graphml-reader-resolve.c.
 *
 * Safety: XML_PARSE_NONET, no entity substitution, no DTD loading, no
 * XInclude.  Every byte goes through the scan of mg-graphml-reader-scan.c
 * first, which enforces our limits (mg-graphml.h) in linear time with a
 * position, before libxml2 could spend long or grow large.  The prolog is
 * looked at before the parse starts: without a DTD (so without entities)
 * XML_PARSE_HUGE is set, which then only lifts libxml2's size limits (ours
 * hold); with one, libxml2's defaults and its amplification checks stay.
 * A document with a markup token too long for the streaming reader is read
 * into a tree by the pull parser and walked by the same code.
 *
 * libxml2's errors are told apart by their code, never by their text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "mg-graphml-reader-private.h"

G_DEFINE_QUARK (mg-graphml-error-quark, mg_graphml_error)

typedef struct {
  MgReader       base;
  GInputStream  *stream;      /* file or gzip input, or NULL for memory */
  const guchar  *memory;      /* plain input in memory */
  gsize          memory_len, memory_pos;
  GByteArray    *prolog;      /* read ahead before the parse, given first */
  gsize          prolog_pos;
  guint64        compressed;  /* size of gzip input, 0 for plain input */
  MgScan         scan;
  gboolean       streaming;   /* the streaming reader: watch markup sizes */
  gboolean       want_tree;   /* out: a markup token was too long for it */
  xmlDocPtr      doc;         /* the tree walked, freed after the reader */
  GError        *io_error;
} Pass;

/* ---- warnings and errors ---------------------------------------------- */

void
mg_reader_warn (MgReader *r, guint line, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (r->warnings == NULL)
    return;
  if (r->n_warnings >= MG_READER_MAX_WARNINGS)
    {
      r->n_dropped_warnings++;
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->warnings, g_strdup_printf (_("line %u: %s"), line, message));
  r->n_warnings++;
}

const char *
mg_reader_intern (MgReader *r, const char *text)
{
  return g_string_chunk_insert_const (r->strings, text);
}

/* libxml2 messages end with a newline and some span two lines. */
static char *
trimmed_message (const char *message)
{
  char *copy = g_strdup (message ? message : "unknown error");

  g_strstrip (copy);
  g_strdelimit (copy, "\r\n", ' ');
  return copy;
}

/* When the input ended inside the document and libxml2 stops at its end,
 * the truncation is the message. */
gboolean
mg_reader_set_truncated_error (MgReader *r, int line)
{
  Pass *p = (Pass *) r;
  g_autofree char *end = mg_scan_describe_end (&p->scan);

  if (end == NULL || (guint64) line + 1 < p->scan.line)
    return FALSE;
  g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
               "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s", r->name,
               p->scan.line, p->scan.column, end);
  return TRUE;
}

/* libxml2 reports through here (never to the terminal).  The first fatal
 * error ends the read; lesser ones become warnings. */
static void
on_xml_error (void *user_data, xmlErrorPtr err)
{
  MgReader *r = user_data;
  g_autofree char *message = NULL;
  int line, column;

  if (r == NULL || err == NULL)
    return;
  message = trimmed_message (err->message);
  line = err->line > 0 ? err->line : 1;
  column = err->int2 > 0 ? err->int2 : 1;

  /* Memory failures stop the parser even when reported as mere errors. */
  if (err->level != XML_ERR_FATAL && err->code != XML_ERR_NO_MEMORY)
    {
      mg_reader_warn (r, (guint) line, "%s", message);
      return;
    }
  if (r->error != NULL)
    return;

  switch (err->code)
    {
    case XML_ERR_ENTITY_LOOP:
      /* Also libxml2's amplification check.  The position given is inside
       * the entity's text: the reader's is more useful. */
      if (r->reader != NULL)
        {
          line = MAX (1, xmlTextReaderGetParserLineNumber (r->reader));
          column = MAX (1, xmlTextReaderGetParserColumnNumber (r->reader));
        }
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                   _("%s:%d:%d: entity references expand too much, the file is refused "
                     "(%s)"), r->name, line, column, message);
      break;
    case XML_ERR_DOCUMENT_EMPTY:
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                   _("%s:%d:%d: no XML content found: this is not a GraphML file (%s)"),
                   r->name, line, column, message);
      break;
    case XML_ERR_NO_MEMORY:
    case XML_ERR_NAME_TOO_LONG:
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                   "%s:%d:%d: %s", r->name, line, column, message);
      break;
    default:
      if (!mg_reader_set_truncated_error (r, line))
        g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                     "%s:%d:%d: %s", r->name, line, column, message);
      break;
    }
}

/* Errors raised outside the parser context (encoding conversion, I/O) go
 * to the thread's generic handler: swallow those while we read. */
static void
silent_generic_error (void *ctx, const char *msg, ...)
{
}

void
mg_reader_check_nmtoken (MgReader *r, const char *value, guint line, gboolean key_name)
{
  if (value == NULL || xmlValidateNMToken (BAD_CAST value, 0) == 0)
    return;
  if (key_name)
    {
      if (r->n_bad_names++ == 0)
        {
          r->first_bad_name = g_strdup (value);
          r->first_bad_name_line = line;
        }
    }
  else if (r->n_bad_ids++ == 0)
    {
      r->first_bad_id = g_strdup (value);
      r->first_bad_id_line = line;
    }
}

void
mg_reader_report_nmtokens (MgReader *r)
{
  g_autofree char *id = NULL, *name = NULL;

  if (r->n_bad_ids > 0)
    {
      id = mg_reader_short_value (r->first_bad_id);
      mg_reader_warn (r, r->first_bad_id_line,
                      ngettext ("%u id is not valid GraphML (an id is one word: no spaces, "
                                "no commas…; first: “%s”); kept as it is, but other tools may "
                                "refuse the file",
                                "%u ids are not valid GraphML (an id is one word: no spaces, "
                                "no commas…; first: “%s”); kept as they are, but other tools "
                                "may refuse the file", r->n_bad_ids),
                      r->n_bad_ids, id);
    }
  if (r->n_bad_names > 0)
    {
      name = mg_reader_short_value (r->first_bad_name);
      mg_reader_warn (r, r->first_bad_name_line,
                      ngettext ("%u key name is not valid GraphML (attr.name is one word: "
                                "no spaces…; first: “%s”); kept as it is, but other tools may "
                                "refuse the file",
                                "%u key names are not valid GraphML (attr.name is one word: "
                                "no spaces…; first: “%s”); kept as they are, but other tools "
                                "may refuse the file", r->n_bad_names),
                      r->n_bad_names, name);
    }
}

guint
mg_reader_current_line (MgReader *r)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  /* Element nodes store at most 65535; past that, the parser's position
   * (a few lines ahead at worst) is the best we have. */
  if (line <= 0 || line >= 65535)
    line = xmlTextReaderGetParserLineNumber (r->reader);
  return line > 0 ? (guint) line : 1;
}

void
mg_reader_fail_limit (MgReader *r, const char *what)
{
  if (r->error != NULL)
    return;
  g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT, "%s:%u:%d: %s",
               r->name, mg_reader_current_line (r),
               MAX (1, xmlTextReaderGetParserColumnNumber (r->reader)), what);
}

/* ---- input ------------------------------------------------------------ */

/* Reads from the source, through the scan and the size limits. */
static gssize
read_scanned (Pass *p, guchar *buffer, gsize len)
{
  guint64 allowed;
  gssize n;

  if (p->io_error != NULL || p->want_tree)
    return -1;
  if (p->stream == NULL)
    {
      n = (gssize) MIN (len, p->memory_len - p->memory_pos);
      memcpy (buffer, p->memory + p->memory_pos, (gsize) n);
      p->memory_pos += (gsize) n;
    }
  else if ((n = g_input_stream_read (p->stream, buffer, len, NULL, &p->io_error)) < 0)
    return -1;
  if (n == 0)
    {
      p->scan.eof = TRUE;
      return 0;
    }

  if (p->scan.total + (guint64) n > MG_GRAPHML_MAX_CONTENT_BYTES)
    {
      g_set_error (&p->io_error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                   "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": the document is larger "
                   "than 1 GB%s; the file is refused", p->base.name, p->scan.line,
                   p->scan.column, p->compressed > 0 ? " once decompressed" : "");
      return -1;
    }
  allowed = MAX (p->compressed * MG_GRAPHML_MAX_INFLATE_RATIO, MG_GRAPHML_MIN_INFLATE_ALLOWANCE);
  if (p->compressed > 0 && p->scan.total + (guint64) n > allowed)
    {
      g_autofree char *packed = g_format_size (p->compressed);

      g_set_error (&p->io_error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                   "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": the compressed file "
                   "(%s) expands more than %d times; it is refused as a decompression "
                   "bomb", p->base.name, p->scan.line, p->scan.column, packed,
                   MG_GRAPHML_MAX_INFLATE_RATIO);
      return -1;
    }
  if (!mg_scan_feed (&p->scan, buffer, (gsize) n, &p->io_error))
    return -1;
  if (p->streaming && p->scan.max_markup > MG_READER_MAX_STREAM_MARKUP_BYTES)
    {
      p->want_tree = TRUE;
      return -1;
    }
  return n;
}

static int
io_read (void *context, char *buffer, int len)
{
  Pass *p = context;

  if (len <= 0)
    return 0;
  if (p->prolog != NULL && p->prolog_pos < p->prolog->len)
    {
      gsize n = MIN ((gsize) len, p->prolog->len - p->prolog_pos);

      memcpy (buffer, p->prolog->data + p->prolog_pos, n);
      p->prolog_pos += n;
      return (int) n;
    }
  return (int) read_scanned (p, (guchar *) buffer, (gsize) len);
}

/* Reads ahead until the first element (or a DOCTYPE) is met; TRUE when the
 * document has no DTD. */
static gboolean
read_prolog (Pass *p)
{
  guchar buffer[4096];

  p->prolog = g_byte_array_new ();
  while (!p->scan.seen_root && !p->scan.dtd && p->prolog->len < MG_READER_PROLOG_BYTES)
    {
      gssize n = read_scanned (p, buffer, sizeof buffer);

      if (n <= 0)
        break;
      g_byte_array_append (p->prolog, buffer, (guint) n);
    }
  return p->scan.seen_root && !p->scan.dtd;
}

static int
io_close (void *context)
{
  return 0;
}

static void
pass_clear (Pass *p)
{
  MgReader *r = &p->base;

  for (guint i = 0; i < r->edges.len; i++)
    {
      MgPendingEdge *edge = mg_reader_edge (r, i);

      mg_xml_extra_clear (&edge->extra);
      g_clear_pointer (&edge->data, g_ptr_array_unref);
    }
  g_array_unref (r->actor_states);
  g_array_unref (r->relation_fields);
  g_array_unref (r->relation_lines);
  g_clear_pointer (&r->kept_bound, g_hash_table_unref);
  g_hash_table_unref (r->edge_ids);
  g_free (r->first_repeat_id);
  g_free (r->first_bad_id);
  g_free (r->first_bad_name);
  mg_blocks_clear (&r->pending);
  mg_blocks_clear (&r->edges);
  g_array_unref (r->yed);
  g_ptr_array_unref (r->keys);
  g_hash_table_unref (r->key_by_id);
  g_hash_table_unref (r->local_ids);
  g_string_chunk_free (r->strings);
  g_string_free (r->text, TRUE);
  g_string_free (r->raw, TRUE);
  g_clear_object (&p->stream);
  g_clear_pointer (&p->prolog, g_byte_array_unref);
  mg_scan_clear (&p->scan);
  g_clear_error (&p->io_error);
  g_clear_error (&r->error);
  if (r->reader != NULL)
    xmlFreeTextReader (r->reader);
  if (p->doc != NULL)
    xmlFreeDoc (p->doc);
}

/* Where the document comes from: bytes in memory, or a file (read with
 * plain reads: mapping it costs a page fault per 4 KB). */
typedef struct {
  const char *bytes;
  gsize       size;
  const char *path;
  const char *name;
} Source;

static gboolean
is_gzip (const guchar *head, gsize len)
{
  return len >= 2 && head[0] == 0x1f && head[1] == 0x8b;
}

/* Opens @src: sets p->stream (inflating gzip), or p->memory when the bytes
 * are read as they are.  *empty tells an empty input. */
static gboolean
open_source (Pass *p, const Source *src, gboolean *empty, GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  guchar head[2];
  gsize got = 0;
  guint64 size;

  *empty = FALSE;
  if (src->path == NULL)
    {
      *empty = src->size == 0;
      size = src->size;
      if (!is_gzip ((const guchar *) src->bytes, src->size))
        {
          p->memory = (const guchar *) src->bytes;
          p->memory_len = src->size;
          return TRUE;
        }
      stream = g_memory_input_stream_new_from_data (src->bytes, (gssize) src->size, NULL);
      memcpy (head, src->bytes, 2);
      got = 2;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (src->path);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local = NULL;

      stream = G_INPUT_STREAM (g_file_read (file, NULL, &local));
      if (stream == NULL ||
          (info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                                  G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  NULL, &local)) == NULL ||
          !g_input_stream_read_all (stream, head, sizeof head, &got, NULL, &local) ||
          !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, NULL, &local))
        {
          g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO, "%s: %s",
                       src->name, local->message);
          return FALSE;
        }
      size = (guint64) g_file_info_get_size (info);
      *empty = got == 0;
    }
  if (is_gzip (head, got))
    {
      g_autoptr(GZlibDecompressor) inflater =
        g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      p->compressed = MAX (size, 1);
      p->stream = g_converter_input_stream_new (stream, G_CONVERTER (inflater));
    }
  else
    /* libxml2 asks for 4 KB at a time: read the file in larger blocks. */
    p->stream = g_buffered_input_stream_new_sized (stream, 64 * 1024);
  return TRUE;
}

typedef struct {
  gboolean tree;         /* pull parser into a tree, then walked */
  gboolean deferred;     /* settle every value at the end */
  gboolean retry_tree;   /* out: a markup token too long for streaming */
  gboolean restart;      /* out: read again with deferred set */
} PassMode;

/* One reading of the document.  Returns the map, or NULL with @error set
 * or a reason to read again in @mode. */
static MgMap *
run_pass (const Source *src, GPtrArray *warnings, PassMode *mode, GError **error)
{
  Pass p = { 0 };
  MgReader *r = &p.base;
  int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
  xmlStructuredErrorFunc old_structured = xmlStructuredError;
  void *old_structured_context = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_generic = xmlGenericError;
  void *old_generic_context = xmlGenericErrorContext;
  gboolean empty = FALSE;
  MgMap *map = NULL;

  mode->retry_tree = mode->restart = FALSE;
  r->name = src->name;
  r->warnings = warnings;
  r->deferred = mode->deferred;
  r->strings = g_string_chunk_new (16 * 1024);
  mg_blocks_init (&r->pending, sizeof (MgPendingData));
  mg_blocks_init (&r->edges, sizeof (MgPendingEdge));
  r->actor_states = g_array_new (FALSE, FALSE, sizeof (MgActorState));
  r->relation_fields = g_array_new (FALSE, TRUE, sizeof (guint32));
  r->relation_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  r->edge_ids = g_hash_table_new (g_str_hash, g_str_equal);
  r->yed = g_array_new (FALSE, FALSE, sizeof (MgYedInfo));
  r->keys = g_ptr_array_new_with_free_func (g_free);
  r->key_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  r->local_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->text = g_string_sized_new (256);
  r->raw = g_string_sized_new (256);
  mg_scan_init (&p.scan);
  p.scan.name = src->name;
  p.streaming = !mode->tree;

  xmlSetGenericErrorFunc (NULL, silent_generic_error);
  xmlSetStructuredErrorFunc (r, on_xml_error);

  open_source (&p, src, &empty, &r->error);
  if (r->error == NULL && empty)
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                 _("%s:1:1: the file is empty"), src->name);
  else if (r->error == NULL)
    {
      if (read_prolog (&p))
        options |= XML_PARSE_HUGE;
      if (mode->tree)
        {
          p.doc = xmlReadIO (io_read, io_close, &p, src->name, NULL, options);
          if (p.doc != NULL)
            {
              r->reader = xmlReaderWalker (p.doc);
              r->tree_dict = p.doc->dict;
            }
        }
      else
        r->reader = xmlReaderForIO (io_read, io_close, &p, src->name, NULL, options);
      if (r->reader == NULL && r->error == NULL && p.io_error == NULL)
        g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                     _("%s: cannot start reading the document"), src->name);
    }

  if (r->reader != NULL)
    {
      MgWalk *walk;
      gboolean walked;

      if (!mode->tree)
        xmlTextReaderSetStructuredErrorHandler (r->reader, on_xml_error, r);
      r->map = mg_map_new ();
      /* Nobody can listen to the map yet: no signal per actor and
       * relation. */
      mg_map_begin_load (r->map);
      walk = mg_walk_new (r);
      walked = mg_walk_run (walk);
      mg_walk_free (walk);
      if (walked && mg_reader_resolve (r))
        {
          mg_reader_report_nmtokens (r);
          map = g_steal_pointer (&r->map);
        }
      if (r->map != NULL || map != NULL)
        mg_map_end_load (map != NULL ? map : r->map);
    }
  if (p.want_tree)
    {
      g_clear_error (&r->error);
      g_clear_object (&r->map);
      mode->retry_tree = TRUE;
    }
  else if (p.io_error != NULL)
    {
      /* A failing input explains the parse error that follows it. */
      g_clear_error (&r->error);
      g_clear_object (&r->map);
      map = NULL;
      if (p.io_error->domain == MG_GRAPHML_ERROR)
        r->error = g_steal_pointer (&p.io_error);
      else
        g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                     p.compressed > 0 ? "%s: cannot decompress: %s" : "%s: cannot read: %s",
                     r->name, p.io_error->message);
    }

  if (map == NULL)
    {
      if (r->restart)
        mode->restart = TRUE;
      if (r->error != NULL)
        g_propagate_error (error, g_steal_pointer (&r->error));
      g_clear_object (&r->map);
    }
  if (warnings != NULL && r->n_dropped_warnings > 0)
    g_ptr_array_add (warnings, g_strdup_printf ("… and %u more warnings",
                                                r->n_dropped_warnings));

  pass_clear (&p);
  xmlSetStructuredErrorFunc (old_structured_context, old_structured);
  xmlSetGenericErrorFunc (old_generic_context, old_generic);
  return map;
}

static MgMap *
read_source (const Source *src, GPtrArray *warnings, GError **error)
{
  guint first_warning = warnings != NULL ? warnings->len : 0;
  PassMode mode = { 0 };
  GError *local = NULL;
  MgMap *map = NULL;

  /* At most three passes: into a tree once, values deferred once. */
  for (int pass = 0; pass < 3; pass++)
    {
      map = run_pass (src, warnings, &mode, &local);
      if (map != NULL || !(mode.retry_tree || mode.restart))
        break;
      /* A markup token too long for the streaming reader, or a late key
       * changed a binding in use: read again, with what was learnt. */
      mode.tree = mode.tree || mode.retry_tree;
      mode.deferred = mode.deferred || mode.restart;
      if (warnings != NULL)
        g_ptr_array_set_size (warnings, first_warning);
      g_clear_error (&local);
    }
  if (map == NULL)
    g_propagate_error (error, local);
  return map;
}

MgMap *
mg_graphml_read_memory (const char *data, gsize size, const char *name,
                        GPtrArray *warnings, GError **error)
{
  Source src = { .bytes = data, .size = size, .name = name ? name : "(memory)" };

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_source (&src, warnings, error);
}

MgMap *
mg_graphml_read_file (const char *path, GPtrArray *warnings, GError **error)
{
  Source src = { .path = path, .name = path };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                   _("%s: is a folder, not a file"), path);
      return NULL;
    }
  return read_source (&src, warnings, error);
}
