/* mg-graphml-writer-output.c — writing elements, text, kept XML, data and
 * keys for the GraphML writer (see mg-graphml-writer-private.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-graphml-writer-private.h"

/* ---- low-level output ------------------------------------------------- */

void
mg_writer_check (MgWriter *w, int rc)
{
  if (rc < 0)
    w->failed = TRUE;
}

void
mg_writer_mark_content (MgWriter *w)
{
  if (w->has_content->len > 0)
    g_array_index (w->has_content, gboolean, w->has_content->len - 1) = TRUE;
}

void
mg_writer_open (MgWriter *w, const char *name)
{
  gboolean empty = FALSE;

  mg_writer_mark_content (w);
  mg_writer_check (w, xmlTextWriterStartElement (w->xml, BAD_CAST name));
  g_array_append_val (w->has_content, empty);
}

void
mg_writer_close (MgWriter *w)
{
  g_assert (w->has_content->len > 0);
  g_array_set_size (w->has_content, w->has_content->len - 1);
  mg_writer_check (w, xmlTextWriterEndElement (w->xml));
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Text that can go into an XML 1.0 document: invalid UTF-8 and characters
 * XML forbids (control characters) become U+FFFD, so that a stray byte in an
 * attribute never makes the whole file unreadable.  Returns @text itself when
 * it is fine, else a copy stored in *@owned. */
const char *
mg_writer_safe_text (const char *text, char **owned)
{
  g_autofree char *valid = NULL;
  gboolean ascii = TRUE;
  const guchar *b;
  const char *p;
  GString *out;

  *owned = NULL;
  if (text == NULL)
    return "";

  /* Fast path, one pass over the bytes: most text is plain and stays as is.
   * Forbidden code points are C0 controls and U+FFFE/U+FFFF (EF BF BE/BF). */
  for (b = (const guchar *) text; *b != '\0'; b++)
    {
      if (*b < 0x20 && *b != '\t' && *b != '\n' && *b != '\r')
        break;
      if (*b >= 0x80)
        {
          ascii = FALSE;
          if (b[0] == 0xEF && b[1] == 0xBF && (b[2] == 0xBE || b[2] == 0xBF))
            break;
        }
    }
  if (*b == '\0' && (ascii || g_utf8_validate (text, -1, NULL)))
    return text;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, is_xml_char (c) ? c : 0xFFFD);
    }
  *owned = g_string_free (out, FALSE);
  return *owned;
}

void
mg_writer_attr (MgWriter *w, const char *name, const char *value)
{
  g_autofree char *owned = NULL;

  mg_writer_check (w, xmlTextWriterWriteAttribute (w->xml, BAD_CAST name,
                                         BAD_CAST mg_writer_safe_text (value, &owned)));
}

void
mg_writer_text (MgWriter *w, const char *text)
{
  g_autofree char *owned = NULL;

  mg_writer_mark_content (w);
  mg_writer_check (w, xmlTextWriterWriteString (w->xml, BAD_CAST mg_writer_safe_text (text, &owned)));
}

void
mg_writer_text_element (MgWriter *w, const char *name, const char *text)
{
  mg_writer_open (w, name);
  mg_writer_text (w, text);
  mg_writer_close (w);
}

static void
append_indent (GString *out, guint depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Writes serialised elements kept from the file (ports, hyperedges…) on a
 * line of their own, indented like their siblings.  @last: nothing else
 * follows before the end tag of the current element, whose indentation we
 * then write ourselves (xmlTextWriter does not indent after raw text). */
void
mg_writer_raw_block (MgWriter *w, const char *xml, gboolean last)
{
  guint depth = w->has_content->len;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert (depth > 0);
  if (xml == NULL || *xml == '\0')
    return;
  if (!g_array_index (w->has_content, gboolean, depth - 1))
    g_string_append_c (out, '\n');
  append_indent (out, depth);
  g_string_append (out, xml);
  g_string_append_c (out, '\n');
  if (last)
    append_indent (out, depth - 1);
  mg_writer_mark_content (w);
  mg_writer_check (w, xmlTextWriterWriteRaw (w->xml, BAD_CAST out->str));
}

/* Extra attributes, skipping the names the writer already wrote itself (a
 * duplicate attribute would make the file unreadable). */
void
mg_writer_extra_attrs (MgWriter *w, GPtrArray *attrs, const char *const *written)
{
  if (attrs == NULL)
    return;
  for (guint i = 0; i < attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (attrs, i);

      /* A default namespace declaration would move a GraphML element out
       * of the GraphML namespace. */
      if (attr->name == NULL || *attr->name == '\0' || strcmp (attr->name, "xmlns") == 0)
        continue;
      if (written != NULL && g_strv_contains (written, attr->name))
        continue;
      mg_writer_attr (w, attr->name, attr->value);
    }
}

void
mg_writer_desc (MgWriter *w, const MgXmlExtra *extra)
{
  if (extra->desc != NULL)
    mg_writer_text_element (w, "desc", extra->desc);
}

/* ---- data ------------------------------------------------------------- */

static void
write_data_element (MgWriter *w, const char *key_id, const char *value,
                    gboolean is_xml, GPtrArray *attrs)
{
  static const char *const written[] = { "key", NULL };

  mg_writer_open (w, "data");
  mg_writer_attr (w, "key", key_id);
  mg_writer_extra_attrs (w, attrs, written);
  if (is_xml)
    {
      /* Kept subtrees (yEd graphics…) go back byte for byte. */
      mg_writer_mark_content (w);
      mg_writer_check (w, xmlTextWriterWriteRaw (w->xml, BAD_CAST (value ? value : "")));
    }
  else
    mg_writer_text (w, value);
  mg_writer_close (w);
}

/* Plain data, except those whose key just carried a field of this element
 * (two <data> with one key on an element would be ambiguous). */
void
mg_writer_plain_data (MgWriter *w, GPtrArray *data, MgKey *const *used, guint n_used)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->len; i++)
    {
      MgData *d = g_ptr_array_index (data, i);
      gboolean skip = FALSE;

      if (d->key == NULL || d->key->id == NULL)
        continue;
      for (guint j = 0; j < n_used; j++)
        skip |= used[j] == d->key;
      if (skip)
        continue;
      if (d->is_xml && w->replaced != NULL)
        {
          const char *fresh = g_hash_table_lookup (w->replaced, d);

          if (fresh != NULL)
            {
              write_data_element (w, d->key->id, fresh, TRUE, d->attrs);
              continue;
            }
        }
      write_data_element (w, d->key->id, d->value, d->is_xml, d->attrs);
    }
}

void
mg_writer_field_text (MgWriter *w, MgWriterUsed *used, MgField field, MgWriterSlot slot, const char *value)
{
  MgKey *key = w->field_keys[field][slot];

  if (key == NULL || value == NULL)
    return;
  write_data_element (w, key->id, value, FALSE, NULL);
  used->keys[used->n++] = key;
}

/* A number as the key's type wants it: integers for int/long keys (so the
 * file stays valid), the shortest exact text otherwise. */
static char *
format_number (const MgKey *key, double value)
{
  if (key->type == MG_VALUE_INT || key->type == MG_VALUE_LONG)
    {
      double lo = key->type == MG_VALUE_INT ? G_MININT32 : -9.2e18;
      double hi = key->type == MG_VALUE_INT ? G_MAXINT32 : 9.2e18;

      if (isnan (value))
        return NULL;
      value = CLAMP (round (value), lo, hi);
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
    }
  return mg_format_double (value);
}

void
mg_writer_field_number (MgWriter *w, MgWriterUsed *used, MgField field, MgWriterSlot slot, double value)
{
  MgKey *key = w->field_keys[field][slot];
  g_autofree char *text = NULL;

  if (key == NULL)
    return;
  text = format_number (key, value);
  if (text != NULL)
    mg_writer_field_text (w, used, field, slot, text);
}

gboolean
mg_writer_key_default_boolean (const MgKey *key)
{
  gboolean value = FALSE;

  if (key != NULL && key->default_value != NULL &&
      mg_parse_boolean (key->default_value, &value))
    return value;
  return FALSE;
}

void
mg_writer_field_boolean (MgWriter *w, MgWriterUsed *used, MgField field, MgWriterSlot slot, gboolean value)
{
  MgKey *key = w->field_keys[field][slot];

  if (key == NULL)
    return;
  if (key->type == MG_VALUE_INT || key->type == MG_VALUE_LONG)
    mg_writer_field_text (w, used, field, slot, value ? "1" : "0");
  else
    mg_writer_field_text (w, used, field, slot, value ? "true" : "false");
}

void
mg_writer_field_lessons (MgWriter *w, MgWriterUsed *used, MgWriterSlot slot, MgLessonSet lessons)
{
  g_autofree char *text = NULL;

  if (lessons == 0)
    return;
  text = mg_lesson_set_to_string (lessons);
  mg_writer_field_text (w, used, MG_FIELD_LESSONS, slot, text);
}

void
mg_writer_key (MgWriter *w, const MgKey *key)
{
  static const char *const written[] = { "id", "for", "attr.name", "attr.type", NULL };

  mg_writer_open (w, "key");
  mg_writer_attr (w, "id", key->id);
  mg_writer_attr (w, "for", mg_key_domain_to_string (key->domain));
  if (key->name != NULL)
    mg_writer_attr (w, "attr.name", key->name);
  /* Always typed: igraph drops keys without attr.type (an untyped key reads
   * as string everywhere else). */
  mg_writer_attr (w, "attr.type", mg_value_type_to_string (key->type));
  mg_writer_extra_attrs (w, key->extra.attrs, written);
  mg_writer_desc (w, &key->extra);
  if (key->default_raw != NULL)
    {
      mg_writer_open (w, "default");
      mg_writer_mark_content (w);
      mg_writer_check (w, xmlTextWriterWriteRaw (w->xml, BAD_CAST key->default_raw));
      mg_writer_close (w);
    }
  else if (key->default_value != NULL)
    mg_writer_text_element (w, "default", key->default_value);
  mg_writer_raw_block (w, key->extra.raw_children, TRUE);
  mg_writer_close (w);
}
