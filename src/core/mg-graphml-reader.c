/* mg-graphml-reader.c — reading GraphML: input, passes, libxml2 errors.
 *
 * Files are read with plain reads (gzip inflated on the way, recognised by
 * its magic bytes, whatever the name); memory is handed to libxml2 as it is.
 * The walk over the document is in mg-graphml-reader-walk.c, what is
 * settled at the end in mg-graphml-reader-resolve.c.
 *
 * Safety: XML_PARSE_NONET, no entity substitution, no DTD loading, no
 * XInclude.  libxml2 2.9.14 then bounds entity amplification itself, limits
 * nesting to 256 levels and text nodes to 10 MB.  A document without a DTD
 * (so without entities) that only trips the 10 MB text limit is read again
 * with XML_PARSE_HUGE: with no entities that option only lifts size limits,
 * and we keep our own nesting limit.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "mg-graphml-reader-private.h"

G_DEFINE_QUARK (mg-graphml-error-quark, mg_graphml_error)

/* Decompressed gzip input beyond this is refused (decompression bombs). */
#define MAX_INFLATED_SIZE (G_GUINT64_CONSTANT (2) << 30)

typedef struct {
  MgReader       base;
  GInputStream  *stream;    /* file or gzip input, or NULL for memory */
  xmlDocPtr      doc;       /* taken from the reader, to free after it */
  GError        *io_error;
  guint64        inflated;
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

static gboolean
is_size_limit (const xmlError *err)
{
  static const char *const needles[] = {
    "huge text node", "AttValue length too long", "Name too long",
    "too big found", "Huge input lookup",
  };

  if (err->message == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (strstr (err->message, needles[i]) != NULL)
      return TRUE;
  return FALSE;
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

  /* Size limits and memory failures stop the parser even when reported
   * as mere errors. */
  if (err->level != XML_ERR_FATAL && err->code != XML_ERR_NO_MEMORY && !is_size_limit (err))
    {
      mg_reader_warn (r, (guint) line, "%s", message);
      return;
    }
  if (r->error != NULL)
    return;

  if (err->code == XML_ERR_ENTITY_LOOP)
    {
      /* The position given is inside the entity's text: the reader's is
       * more useful. */
      if (r->reader != NULL)
        {
          line = MAX (1, xmlTextReaderGetParserLineNumber (r->reader));
          column = MAX (1, xmlTextReaderGetParserColumnNumber (r->reader));
        }
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                 _("%s:%d:%d: entity references expand too much, the file is refused "
                   "(%s)"), r->name, line, column, message);
    }
  else if (err->code == XML_ERR_DOCUMENT_EMPTY)
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                 _("%s:%d:%d: no XML content found: this is not a GraphML file (%s)"),
                 r->name, line, column, message);
  else if (strstr (message, "Excessive depth") != NULL)
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                 _("%s:%d:%d: elements are nested more than %d levels deep"),
                 r->name, line, column, MG_READER_MAX_DEPTH);
  else if (is_size_limit (err))
    {
      r->xml_error_is_size_limit = TRUE;
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                   _("%s:%d:%d: a text, name or attribute is larger than 10 MB in a "
                     "document with a DTD, which is refused for safety (%s)"),
                   r->name, line, column, message);
    }
  else
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                 "%s:%d:%d: %s", r->name, line, column, message);
}

/* Errors raised outside the parser context (encoding conversion, I/O) go
 * to the thread's generic handler: swallow those while we read. */
static void
silent_generic_error (void *ctx, const char *msg, ...)
{
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

static int
io_read (void *context, char *buffer, int len)
{
  Pass *p = context;
  gssize n;

  if (p->io_error != NULL)
    return -1;
  n = g_input_stream_read (p->stream, buffer, (gsize) len, NULL, &p->io_error);
  if (n < 0)
    return -1;
  p->inflated += (guint64) n;
  if (p->inflated > MAX_INFLATED_SIZE)
    {
      g_set_error (&p->io_error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                   _("%s: the content is larger than 2 GB"), p->base.name);
      return -1;
    }
  return (int) n;
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

/* Opens @src as a stream (inflating gzip), or returns NULL with *memory
 * TRUE when libxml2 may read the bytes directly.  *empty tells an empty
 * input. */
static GInputStream *
open_source (const Source *src, gboolean *memory, gboolean *empty, GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  guchar head[2];
  gsize got = 0;

  *memory = FALSE;
  *empty = FALSE;
  if (src->path == NULL)
    {
      *empty = src->size == 0;
      if (!is_gzip ((const guchar *) src->bytes, src->size) && src->size <= G_MAXINT)
        {
          *memory = TRUE;
          return NULL;
        }
      stream = g_memory_input_stream_new_from_data (src->bytes, (gssize) src->size, NULL);
      memcpy (head, src->bytes, 2);
      got = 2;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (src->path);
      g_autoptr(GError) local = NULL;

      stream = G_INPUT_STREAM (g_file_read (file, NULL, &local));
      if (stream == NULL ||
          !g_input_stream_read_all (stream, head, sizeof head, &got, NULL, &local) ||
          !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, NULL, &local))
        {
          g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO, "%s: %s",
                       src->name, local->message);
          return NULL;
        }
      *empty = got == 0;
    }
  if (is_gzip (head, got))
    {
      g_autoptr(GZlibDecompressor) inflater =
        g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      return g_converter_input_stream_new (stream, G_CONVERTER (inflater));
    }
  /* libxml2 asks for 4 KB at a time: read the file in larger blocks. */
  return g_buffered_input_stream_new_sized (stream, 64 * 1024);
}

typedef struct {
  gboolean huge;         /* XML_PARSE_HUGE */
  gboolean deferred;     /* settle every value at the end */
  gboolean retry_huge;   /* out: only size limits stopped the pass */
  gboolean restart;      /* out: read again with deferred set */
} PassMode;

/* One reading of the document.  Returns the map, or NULL with @error set
 * or a reason to read again in @mode. */
static MgMap *
run_pass (const Source *src, GPtrArray *warnings, PassMode *mode, GError **error)
{
  Pass p = { 0 };
  MgReader *r = &p.base;
  int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | (mode->huge ? XML_PARSE_HUGE : 0);
  xmlStructuredErrorFunc old_structured = xmlStructuredError;
  void *old_structured_context = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_generic = xmlGenericError;
  void *old_generic_context = xmlGenericErrorContext;
  gboolean memory = FALSE, empty = FALSE;
  MgMap *map = NULL;

  mode->retry_huge = mode->restart = FALSE;
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

  xmlSetGenericErrorFunc (NULL, silent_generic_error);
  xmlSetStructuredErrorFunc (r, on_xml_error);

  p.stream = open_source (src, &memory, &empty, &r->error);
  if (r->error == NULL && empty)
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                 _("%s:1:1: the file is empty"), src->name);
  else if (r->error == NULL)
    {
      if (memory)
        r->reader = xmlReaderForMemory (src->bytes, (int) src->size, src->name, NULL, options);
      else
        r->reader = xmlReaderForIO (io_read, io_close, &p, src->name, NULL, options);
      if (r->reader == NULL)
        g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                     _("%s: cannot start reading the document"), src->name);
    }

  if (r->reader != NULL)
    {
      MgWalk *walk;
      gboolean walked;

      xmlTextReaderSetStructuredErrorHandler (r->reader, on_xml_error, r);
      r->map = mg_map_new ();
      /* Nobody can listen to the map yet: no signal per actor and
       * relation. */
      mg_map_begin_load (r->map);
      walk = mg_walk_new (r);
      walked = mg_walk_run (walk);
      mg_walk_free (walk);
      if (p.io_error != NULL)
        {
          /* A failing input explains the parse error that follows it. */
          g_clear_error (&r->error);
          if (p.io_error->domain == MG_GRAPHML_ERROR)
            r->error = g_steal_pointer (&p.io_error);
          else
            g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                         _("%s: cannot decompress: %s"), r->name, p.io_error->message);
          walked = FALSE;
        }
      if (walked && mg_reader_resolve (r))
        map = g_steal_pointer (&r->map);
      if (r->map != NULL || map != NULL)
        mg_map_end_load (map != NULL ? map : r->map);
    }

  if (map == NULL)
    {
      if (r->restart)
        mode->restart = TRUE;
      else if (r->xml_error_is_size_limit && !mode->huge && !r->saw_doctype)
        {
          /* The reader gives the document away with this call: it is
           * freed after the reader. */
          p.doc = xmlTextReaderCurrentDoc (r->reader);
          mode->retry_huge = p.doc == NULL ||
                             (p.doc->intSubset == NULL && p.doc->extSubset == NULL);
        }
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

  /* At most three passes: size limits lifted once, values deferred once. */
  for (int pass = 0; pass < 3; pass++)
    {
      map = run_pass (src, warnings, &mode, &local);
      if (map != NULL || !(mode.retry_huge || mode.restart))
        break;
      /* Only size limits stopped us, in a document without a DTD, or a late
       * key changed a binding in use: read again, with what was learnt. */
      mode.huge = mode.huge || mode.retry_huge;
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
