/* mg-graphml-reader-scan.c — a byte-level look at the input, just ahead of
 * libxml2.
 *
 * Every byte libxml2 reads goes through mg_scan_feed() first.  The scan
 * knows just enough XML to measure what matters for safety and speed: the
 * length of each value (text run, attribute value, comment, processing
 * instruction, CDATA section), of each name, of each markup token, the
 * nesting depth, and where the input ends.  It stops the read itself, in
 * linear time and with a position, before libxml2 would spend a long time
 * (its push parser rescans an unfinished tag or comment on every 512 bytes
 * once it passes 10 MB) or a lot of memory.  libxml2's own messages are
 * never parsed: the limits are ours, measured here.
 */
#include "config.h"

#include <string.h>

#include "mg-graphml-reader-private.h"

void
mg_scan_init (MgScan *s)
{
  memset (s, 0, sizeof *s);
  s->line = s->column = 1;
  s->names = g_string_new (NULL);
  s->name_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  s->name_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
}

void
mg_scan_clear (MgScan *s)
{
  g_string_free (s->names, TRUE);
  g_array_unref (s->name_ends);
  g_array_unref (s->name_lines);
}

/* libxml2's own limits hold in a document with a DTD (no XML_PARSE_HUGE
 * there, for the entity amplification checks), and in the prolog until we
 * know there is none. */
static gboolean
strict (const MgScan *s)
{
  return s->dtd || !s->seen_root;
}

static guint64
value_limit (const MgScan *s)
{
  return strict (s) ? MG_READER_MAX_DTD_VALUE_BYTES : MG_GRAPHML_MAX_VALUE_BYTES;
}

static guint64
name_limit (const MgScan *s)
{
  return strict (s) ? MG_READER_MAX_DTD_NAME_BYTES : MG_READER_MAX_NAME_BYTES;
}

static void
fail (MgScan *s, guint64 line, guint64 column, GError **error, const char *what,
      guint64 limit)
{
  g_autofree char *size = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  s->failed = TRUE;
  g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
               "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s is longer than %s%s; "
               "the file is refused", s->name, line, column, what, size,
               strict (s) ? " (the limit in a document with a DTD)" : "");
}

/* A value begins with the byte after the current one. */
static void
begin_value (MgScan *s)
{
  s->value_len = 0;
  s->value_line = s->line;
  s->value_column = s->column + 1;
}

static void
push_name (MgScan *s)
{
  gsize end;

  /* Names are kept short: they only serve in messages. */
  g_string_append_len (s->names, s->elem, MIN (s->name_len, sizeof s->elem));
  end = s->names->len;
  g_array_append_val (s->name_ends, end);
  g_array_append_val (s->name_lines, s->token_line);
}

static void
pop_name (MgScan *s)
{
  if (s->name_ends->len == 0)
    return;
  g_array_set_size (s->name_ends, s->name_ends->len - 1);
  g_array_set_size (s->name_lines, s->name_lines->len - 1);
  g_string_truncate (s->names, s->name_ends->len > 0
                               ? g_array_index (s->name_ends, gsize, s->name_ends->len - 1)
                               : 0);
}

static void
add_name_byte (MgScan *s, guchar c)
{
  if (s->name_len < sizeof s->elem)
    s->elem[s->name_len] = (char) c;
  s->name_len++;
}

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One byte.  FALSE with @error set when a limit is passed. */
static gboolean
feed_byte (MgScan *s, guchar c, GError **error)
{
  gboolean markup = s->state != MG_SCAN_TEXT;

  if (markup)
    {
      s->token_len++;
      if (s->token_len > s->max_markup)
        s->max_markup = s->token_len;
    }

  switch (s->state)
    {
    case MG_SCAN_TEXT:
      if (c == '<')
        {
          s->state = MG_SCAN_LT;
          s->token_len = 1;
          s->token_line = s->line;
          s->token_column = s->column;
          s->bang_len = 0;
        }
      else if (++s->value_len > value_limit (s))
        {
          fail (s, s->value_line, s->value_column, error, "a text", value_limit (s));
          return FALSE;
        }
      break;

    case MG_SCAN_LT:
      if (c == '/')
        {
          s->state = MG_SCAN_END_NAME;
          s->name_len = 0;
        }
      else if (c == '?')
        {
          s->state = MG_SCAN_PI;
          s->tail = 0;
          begin_value (s);
        }
      else if (c == '!')
        s->state = MG_SCAN_BANG;
      else
        {
          s->state = MG_SCAN_START_NAME;
          s->seen_root = TRUE;
          s->name_len = 0;
          add_name_byte (s, c);
        }
      break;

    case MG_SCAN_BANG:
      s->bang[s->bang_len++] = (char) c;
      if (s->bang_len == 2 && memcmp (s->bang, "--", 2) == 0)
        {
          s->state = MG_SCAN_COMMENT;
          s->tail = 0;
          begin_value (s);
        }
      else if (s->bang_len == 7 && memcmp (s->bang, "[CDATA[", 7) == 0)
        {
          s->state = MG_SCAN_CDATA;
          s->tail = 0;
          begin_value (s);
        }
      else if (s->bang_len == 7 && memcmp (s->bang, "DOCTYPE", 7) == 0)
        {
          s->state = MG_SCAN_DOCTYPE;
          s->dtd = TRUE;
          s->quote = 0;
          s->brackets = 0;
          s->tail = 0;
        }
      else if (c == '>' || s->bang_len == sizeof s->bang ||
               (strncmp (s->bang, "--", s->bang_len) != 0 &&
                strncmp (s->bang, "[CDATA[", s->bang_len) != 0 &&
                strncmp (s->bang, "DOCTYPE", s->bang_len) != 0))
        {
          /* Not well-formed: libxml2 says so; the scan goes on. */
          s->state = c == '>' ? MG_SCAN_TEXT : MG_SCAN_OTHER;
          if (s->state == MG_SCAN_TEXT)
            begin_value (s);
        }
      break;

    case MG_SCAN_START_NAME:
    case MG_SCAN_END_NAME:
      if (is_space (c) || c == '>' || c == '/')
        {
          if (s->state == MG_SCAN_START_NAME)
            {
              s->state = MG_SCAN_ATTRS;
              s->slash = FALSE;
              s->attr_name_len = 0;
            }
          else
            s->state = MG_SCAN_END_TAIL;
          /* The byte that ends the name is read again in the new state. */
          s->token_len--;
          return feed_byte (s, c, error);
        }
      add_name_byte (s, c);
      if (s->name_len > name_limit (s))
        {
          fail (s, s->token_line, s->token_column, error, "an element name", name_limit (s));
          return FALSE;
        }
      break;

    case MG_SCAN_ATTRS:
      if (c == '"' || c == '\'')
        {
          s->quote = (char) c;
          s->state = MG_SCAN_VALUE;
          begin_value (s);
        }
      else if (c == '>')
        {
          if (!s->slash)
            {
              if (++s->depth > MG_READER_MAX_DEPTH)
                {
                  s->failed = TRUE;
                  g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_LIMIT,
                               "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT
                               ": elements are nested more than %d levels deep",
                               s->name, s->token_line, s->token_column, MG_READER_MAX_DEPTH);
                  return FALSE;
                }
              push_name (s);
            }
          s->state = MG_SCAN_TEXT;
          begin_value (s);
        }
      else if (!is_space (c) && c != '=')
        {
          s->slash = c == '/';
          if (!s->slash)
            {
              if (s->attr_name_len++ == 0)
                {
                  s->attr_line = s->line;
                  s->attr_column = s->column;
                }
              if (s->attr_name_len > name_limit (s))
                {
                  fail (s, s->attr_line, s->attr_column, error, "an attribute name",
                        name_limit (s));
                  return FALSE;
                }
            }
        }
      else
        s->attr_name_len = 0;
      break;

    case MG_SCAN_VALUE:
      if (c == (guchar) s->quote)
        {
          s->state = MG_SCAN_ATTRS;
          s->slash = FALSE;
          s->attr_name_len = 0;
        }
      else if (++s->value_len > value_limit (s))
        {
          fail (s, s->value_line, s->value_column, error, "an attribute value",
                value_limit (s));
          return FALSE;
        }
      break;

    case MG_SCAN_END_TAIL:
      if (c == '>')
        {
          if (s->depth > 0)
            s->depth--;
          pop_name (s);
          s->state = MG_SCAN_TEXT;
          begin_value (s);
        }
      break;

    case MG_SCAN_COMMENT:
    case MG_SCAN_PI:
    case MG_SCAN_CDATA:
      {
        static const char *const what[] = {
          [MG_SCAN_COMMENT] = "a comment",
          [MG_SCAN_PI] = "a processing instruction",
          [MG_SCAN_CDATA] = "a CDATA section",
        };
        gboolean end = c == '>' &&
          ((s->state == MG_SCAN_COMMENT && (s->tail & 0xffff) == ('-' << 8 | '-')) ||
           (s->state == MG_SCAN_PI && (s->tail & 0xff) == '?') ||
           (s->state == MG_SCAN_CDATA && (s->tail & 0xffff) == (']' << 8 | ']')));

        if (end)
          {
            s->state = MG_SCAN_TEXT;
            begin_value (s);
            break;
          }
        s->tail = s->tail << 8 | c;
        if (++s->value_len > value_limit (s))
          {
            fail (s, s->token_line, s->token_column, error, what[s->state],
                  value_limit (s));
            return FALSE;
          }
      }
      break;

    case MG_SCAN_DOCTYPE:
      /* Quotes and brackets, and comments in the internal subset (they
       * may hold a lone quote). */
      if (s->in_comment)
        {
          if (c == '>' && (s->tail & 0xffff) == ('-' << 8 | '-'))
            s->in_comment = FALSE;
        }
      else if (s->quote != 0)
        {
          if (c == (guchar) s->quote)
            s->quote = 0;
        }
      else if (c == '"' || c == '\'')
        s->quote = (char) c;
      else if (c == '[')
        s->brackets++;
      else if (c == ']' && s->brackets > 0)
        s->brackets--;
      else if (c == '-' && s->brackets > 0 && (s->tail & 0xffffff) == ('<' << 16 | '!' << 8 | '-'))
        {
          s->in_comment = TRUE;
          c = 0;
        }
      else if (c == '>' && s->brackets == 0)
        {
          s->state = MG_SCAN_TEXT;
          begin_value (s);
          break;
        }
      s->tail = (s->tail << 8) | c;
      break;

    case MG_SCAN_OTHER:
      if (c == '>')
        {
          s->state = MG_SCAN_TEXT;
          begin_value (s);
        }
      break;
    }

  if (markup && s->token_len > MG_READER_MAX_DTD_VALUE_BYTES && strict (s) &&
      s->state != MG_SCAN_TEXT)
    {
      fail (s, s->token_line, s->token_column, error, "a tag", MG_READER_MAX_DTD_VALUE_BYTES);
      return FALSE;
    }
  return TRUE;
}

gboolean
mg_scan_feed (MgScan *s, const guchar *bytes, gsize len, GError **error)
{
  if (s->failed)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = bytes[i];

      if (!feed_byte (s, c, error))
        return FALSE;
      /* Columns count bytes, as libxml2's do for ASCII. */
      if (c == '\n')
        {
          s->line++;
          s->column = 1;
        }
      else
        s->column++;
    }
  s->total += len;
  return TRUE;
}

/* What the input ends in, when it ends too early. */
char *
mg_scan_describe_end (MgScan *s)
{
  static const char *const inside[] = {
    [MG_SCAN_LT] = "a tag",
    [MG_SCAN_BANG] = "a declaration",
    [MG_SCAN_START_NAME] = "a start tag",
    [MG_SCAN_ATTRS] = "a start tag",
    [MG_SCAN_VALUE] = "an attribute value",
    [MG_SCAN_END_NAME] = "an end tag",
    [MG_SCAN_END_TAIL] = "an end tag",
    [MG_SCAN_COMMENT] = "a comment",
    [MG_SCAN_PI] = "a processing instruction",
    [MG_SCAN_CDATA] = "a CDATA section",
    [MG_SCAN_DOCTYPE] = "the document type declaration",
    [MG_SCAN_OTHER] = "a declaration",
  };
  GString *out;

  if (!s->eof || (s->state == MG_SCAN_TEXT && s->depth == 0))
    return NULL;
  if (s->depth == 0 && !s->seen_root)
    return NULL;
  out = g_string_new ("the file ends before ");
  if (s->state != MG_SCAN_TEXT)
    g_string_append_printf (out, "the end of %s begun at line %" G_GUINT64_FORMAT
                            ", column %" G_GUINT64_FORMAT, inside[s->state],
                            s->token_line, s->token_column);
  if (s->name_ends->len > 0)
    {
      guint i = s->name_ends->len - 1;
      gsize start = i > 0 ? g_array_index (s->name_ends, gsize, i - 1) : 0;
      gsize end = g_array_index (s->name_ends, gsize, i);

      g_string_append_printf (out, "%sthe end of <%.*s> opened at line %" G_GUINT64_FORMAT,
                              s->state != MG_SCAN_TEXT ? ", and " : "",
                              (int) (end - start), s->names->str + start,
                              g_array_index (s->name_lines, guint64, i));
      if (s->name_ends->len > 1)
        g_string_append_printf (out, " (%u elements are left open)", s->name_ends->len);
    }
  g_string_append (out, ": it is truncated");
  return g_string_free (out, FALSE);
}
