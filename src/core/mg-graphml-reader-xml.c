/* mg-graphml-reader-xml.c — the XML level of the GraphML reader: escaping,
 * attribute values, subtrees read whole (and kept verbatim), entity
 * references and yEd graphics. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>

#include "mg-graphml-reader-private.h"

/* ---- escaping --------------------------------------------------------- */

/* Text content: only what XML requires, plus CR which a parser would
 * otherwise turn into LF. */
void
mg_reader_escape_text (GString *out, const char *text, gssize len)
{
  const char *end, *run;

  if (text == NULL)
    return;
  end = text + (len < 0 ? (gssize) strlen (text) : len);
  run = text;
  for (const char *c = text; c < end; c++)
    {
      const char *entity;

      switch (*c)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '\r': entity = "&#13;"; break;
        default: continue;
        }
      g_string_append_len (out, run, c - run);
      g_string_append (out, entity);
      run = c + 1;
    }
  g_string_append_len (out, run, end - run);
}

/* Attribute values: white space other than a plain space is escaped so
 * that attribute-value normalisation gives back the same value. */
void
mg_reader_escape_attribute (GString *out, const char *text)
{
  const char *run = text;

  if (text == NULL)
    return;
  for (const char *c = text; *c != '\0'; c++)
    {
      const char *entity;

      switch (*c)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\t': entity = "&#9;"; break;
        case '\n': entity = "&#10;"; break;
        case '\r': entity = "&#13;"; break;
        default: continue;
        }
      g_string_append_len (out, run, c - run);
      g_string_append (out, entity);
      run = c + 1;
    }
  g_string_append (out, run);
}


/* ---- attributes and whole subtrees ----------------------------------- */

/* The value of the attribute the reader is on.  Values built from entity
 * references are charged to the entity budget. */
const char *
mg_reader_attribute_value (MgReader *r)
{
  const char *value = (const char *) xmlTextReaderConstValue (r->reader);
  xmlNodePtr node = xmlTextReaderCurrentNode (r->reader);

  if (value == NULL)
    return "";
  if (node != NULL && node->type == XML_ATTRIBUTE_NODE && node->children != NULL &&
      (node->children->next != NULL || node->children->type != XML_TEXT_NODE))
    {
      r->entity_bytes += strlen (value);
      if (r->entity_bytes > MG_READER_MAX_ENTITY_BYTES)
        mg_reader_fail_limit (r, "entity references expand to more than 10 MB of text");
    }
  return value;
}

const char *
mg_reader_attribute_name (MgReader *r)
{
  return (const char *) xmlTextReaderConstName (r->reader);
}

static void
write_start_tag (MgReader *r, GString *out)
{
  g_string_append_c (out, '<');
  g_string_append (out, (const char *) xmlTextReaderConstName (r->reader));
  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, mg_reader_attribute_name (r));
      g_string_append (out, "=\"");
      mg_reader_escape_attribute (out, mg_reader_attribute_value (r));
      g_string_append_c (out, '"');
    }
  xmlTextReaderMoveToElement (r->reader);
  g_string_append (out, xmlTextReaderIsEmptyElement (r->reader) ? "/>" : ">");
}

static void
write_end_tag (MgReader *r, GString *out)
{
  g_string_append (out, "</");
  g_string_append (out, (const char *) xmlTextReaderConstName (r->reader));
  g_string_append_c (out, '>');
}

int
mg_reader_capture (MgReader *r, gboolean outer, MgYedScan *scan, gboolean *has_elements)
{
  xmlTextReaderPtr reader = r->reader;
  int depth0 = xmlTextReaderDepth (reader);
  gboolean raw_mode = outer;
  int ret;

  g_string_truncate (r->text, 0);
  g_string_truncate (r->raw, 0);
  *has_elements = FALSE;
  if (outer)
    write_start_tag (r, r->raw);
  if (xmlTextReaderIsEmptyElement (reader))
    return xmlTextReaderRead (reader);

  while ((ret = xmlTextReaderRead (reader)) == 1 && r->error == NULL)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *value;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          if (xmlTextReaderDepth (reader) > MG_READER_MAX_DEPTH)
            {
              mg_reader_fail_limit (r, "elements are nested more than 256 levels deep");
              return -1;
            }
          if (!raw_mode)
            {
              raw_mode = TRUE;
              mg_reader_escape_text (r->raw, r->text->str, r->text->len);
            }
          *has_elements = TRUE;
          if (scan != NULL)
            mg_yed_scan_start (r, scan);
          write_start_tag (r, r->raw);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          if (xmlTextReaderDepth (reader) == depth0)
            {
              if (outer)
                write_end_tag (r, r->raw);
              return xmlTextReaderRead (reader);
            }
          if (scan != NULL)
            mg_yed_scan_end (r, scan);
          write_end_tag (r, r->raw);
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_CDATA:
          value = (const char *) xmlTextReaderConstValue (reader);
          if (value == NULL)
            break;
          g_string_append (r->text, value);
          if (scan != NULL)
            mg_yed_scan_text (r, scan, value);
          if (!raw_mode)
            break;
          if (type == XML_READER_TYPE_CDATA)
            {
              g_string_append (r->raw, "<![CDATA[");
              g_string_append (r->raw, value);
              g_string_append (r->raw, "]]>");
            }
          else
            mg_reader_escape_text (r->raw, value, -1);
          break;

        case XML_READER_TYPE_COMMENT:
          if (raw_mode)
            {
              g_string_append (r->raw, "<!--");
              g_string_append (r->raw, (const char *) xmlTextReaderConstValue (reader));
              g_string_append (r->raw, "-->");
            }
          break;

        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
          if (raw_mode)
            {
              const char *pi = (const char *) xmlTextReaderConstValue (reader);

              g_string_append (r->raw, "<?");
              g_string_append (r->raw, (const char *) xmlTextReaderConstName (reader));
              if (pi != NULL && *pi != '\0')
                {
                  g_string_append_c (r->raw, ' ');
                  g_string_append (r->raw, pi);
                }
              g_string_append (r->raw, "?>");
            }
          break;

        case XML_READER_TYPE_ENTITY_REFERENCE:
          mg_reader_append_entity (r, r->text, raw_mode ? r->raw : NULL,
                                   xmlTextReaderCurrentNode (reader), mg_reader_current_line (r));
          break;

        default:
          break;
        }
    }
  return r->error != NULL ? -1 : ret;
}

/* ---- entity references ------------------------------------------------ */

static gboolean
charge (MgReader *r, gsize len)
{
  r->entity_bytes += len;
  if (r->entity_bytes <= MG_READER_MAX_ENTITY_BYTES)
    return TRUE;
  mg_reader_fail_limit (r, "entity references expand to more than 10 MB of text; "
                           "the file is refused");
  return FALSE;
}

static void append_entity_content (MgReader *r, GString *text, GString *raw,
                                   const xmlChar *name, xmlDocPtr doc, int level,
                                   guint line);

static void
append_nodes (MgReader *r, GString *text, GString *raw, xmlNodePtr node, int level,
              guint line)
{
  for (; node != NULL && r->error == NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content == NULL)
            break;
          if (!charge (r, strlen ((const char *) node->content)))
            return;
          g_string_append (text, (const char *) node->content);
          if (raw != NULL)
            mg_reader_escape_text (raw, (const char *) node->content, -1);
          break;
        case XML_ENTITY_REF_NODE:
          append_entity_content (r, text, raw, node->name, node->doc, level + 1, line);
          break;
        case XML_ELEMENT_NODE:
          /* Markup inside an entity: its text is kept, the tags are not. */
          if (level < 32)
            append_nodes (r, text, raw, node->children, level + 1, line);
          break;
        default:
          break;
        }
    }
}

static void
append_entity_content (MgReader *r, GString *text, GString *raw, const xmlChar *name,
                       xmlDocPtr doc, int level, guint line)
{
  xmlEntityPtr entity = xmlGetDocEntity (doc, name);

  if (level > 32)
    {
      mg_reader_fail_limit (r, "entity references are nested too deeply");
      return;
    }
  if (entity == NULL)
    {
      mg_reader_warn (r, line, _("entity '&%s;' is not declared; it is left out"),
                      (const char *) name);
      return;
    }
  if (entity->etype != XML_INTERNAL_GENERAL_ENTITY &&
      entity->etype != XML_INTERNAL_PREDEFINED_ENTITY)
    {
      mg_reader_warn (r, line, _("external entity '&%s;' is not read (for safety); "
                                 "it is left out"), (const char *) name);
      return;
    }
  if (entity->children != NULL)
    append_nodes (r, text, raw, entity->children, level, line);
  else if (entity->content != NULL &&
           strchr ((const char *) entity->content, '&') == NULL &&
           strchr ((const char *) entity->content, '<') == NULL)
    {
      if (!charge (r, strlen ((const char *) entity->content)))
        return;
      g_string_append (text, (const char *) entity->content);
      if (raw != NULL)
        mg_reader_escape_text (raw, (const char *) entity->content, -1);
    }
}

void
mg_reader_append_entity (MgReader *r, GString *text, GString *raw, xmlNodePtr ref,
                         guint line)
{
  if (ref == NULL || ref->type != XML_ENTITY_REF_NODE)
    return;
  append_entity_content (r, text, raw, ref->name, ref->doc, 0, line);
}

/* ---- yEd graphics ----------------------------------------------------- */

static gboolean
is_yed_namespace (const xmlChar *uri)
{
  return uri != NULL && strstr ((const char *) uri, "yworks.com") != NULL;
}

static gboolean
ends_with (const char *text, const char *suffix)
{
  gsize n = strlen (text), m = strlen (suffix);

  return n >= m && strcmp (text + n - m, suffix) == 0;
}

static gboolean
attribute_double (xmlTextReaderPtr reader, const char *name, double *out)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  gboolean ok = value != NULL && mg_parse_double ((const char *) value, out);

  xmlFree (value);
  return ok;
}

/* "#RRGGBB" or "#RRGGBBAA" (the alpha is ignored). */
static gboolean
parse_color (const char *text, guint32 *out)
{
  guint32 color = 0;

  if (text == NULL || text[0] != '#')
    return FALSE;
  for (int i = 1; i <= 6; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      color = (color << 4) | (guint32) digit;
    }
  if (text[7] != '\0' && (!g_ascii_isxdigit (text[7]) || !g_ascii_isxdigit (text[8]) ||
                          text[9] != '\0'))
    return FALSE;
  *out = color;
  return TRUE;
}

void
mg_yed_scan_init (MgYedScan *scan, gboolean edge, int data_depth)
{
  memset (scan, 0, sizeof *scan);
  scan->edge = edge;
  scan->base = data_depth;
}

void
mg_yed_scan_clear (MgYedScan *scan)
{
  if (scan->label_text != NULL)
    g_string_free (scan->label_text, TRUE);
  scan->label_text = NULL;
}

/* The realizer is the element drawing the node or edge: y:ShapeNode,
 * y:GenericNode, y:PolyLineEdge…, or for a group (y:ProxyAutoBoundsNode)
 * the active one of its y:Realizers.  Its children y:Geometry, y:Fill and
 * y:NodeLabel / y:EdgeLabel hold what Maillage shows. */
void
mg_yed_scan_start (MgReader *r, MgYedScan *scan)
{
  xmlTextReaderPtr reader = r->reader;
  int depth;
  const char *local;

  if (scan->done || !is_yed_namespace (xmlTextReaderConstNamespaceUri (reader)))
    return;
  depth = xmlTextReaderDepth (reader);
  local = (const char *) xmlTextReaderConstLocalName (reader);

  if (scan->realizer == 0)
    {
      if (depth == scan->base + 1 && !scan->proxy)
        {
          if (!scan->edge && strcmp (local, "ProxyAutoBoundsNode") == 0)
            scan->proxy = TRUE;
          else if (ends_with (local, scan->edge ? "Edge" : "Node") &&
                   !xmlTextReaderIsEmptyElement (reader))
            scan->realizer = depth;
          else
            scan->done = TRUE;
        }
      else if (scan->proxy && scan->realizers == 0 && depth == scan->base + 2 &&
               strcmp (local, "Realizers") == 0)
        {
          xmlChar *active = xmlTextReaderGetAttribute (reader, BAD_CAST "active");

          scan->realizers = depth;
          scan->active = active != NULL ? atoi ((const char *) active) : 0;
          xmlFree (active);
        }
      else if (scan->realizers != 0 && depth == scan->realizers + 1)
        {
          if (scan->seen++ == scan->active && !xmlTextReaderIsEmptyElement (reader))
            scan->realizer = depth;
        }
      return;
    }

  if (depth != scan->realizer + 1)
    return;
  if (!scan->edge && strcmp (local, "Geometry") == 0)
    {
      MgYedInfo *info = &scan->info;

      if (attribute_double (reader, "x", &info->x) &&
          attribute_double (reader, "y", &info->y) &&
          attribute_double (reader, "width", &info->width) &&
          attribute_double (reader, "height", &info->height) &&
          info->width >= 0 && info->height >= 0)
        info->has_geometry = scan->found = TRUE;
    }
  else if (!scan->edge && strcmp (local, "Fill") == 0)
    {
      xmlChar *has_color = xmlTextReaderGetAttribute (reader, BAD_CAST "hasColor");
      xmlChar *color = xmlTextReaderGetAttribute (reader, BAD_CAST "color");

      if ((has_color == NULL || xmlStrcmp (has_color, BAD_CAST "false") != 0) &&
          parse_color ((const char *) color, &scan->info.fill))
        scan->info.has_fill = scan->found = TRUE;
      xmlFree (has_color);
      xmlFree (color);
    }
  else if (!scan->label_done && !xmlTextReaderIsEmptyElement (reader) &&
           strcmp (local, scan->edge ? "EdgeLabel" : "NodeLabel") == 0)
    {
      scan->label = depth;
      if (scan->label_text == NULL)
        scan->label_text = g_string_new (NULL);
      g_string_truncate (scan->label_text, 0);
    }
}

void
mg_yed_scan_text (MgReader *r, MgYedScan *scan, const char *text)
{
  if (scan->label != 0 && xmlTextReaderDepth (r->reader) == scan->label + 1)
    g_string_append (scan->label_text, text);
}

void
mg_yed_scan_end (MgReader *r, MgYedScan *scan)
{
  int depth = xmlTextReaderDepth (r->reader);

  if (scan->label != 0 && depth == scan->label)
    {
      /* The label text sits among the label's child elements, so white
       * space around it is layout, not content. */
      char *stripped = g_strstrip (scan->label_text->str);

      if (*stripped != '\0')
        {
          scan->info.label = g_string_chunk_insert (r->strings, stripped);
          scan->label_done = scan->found = TRUE;
        }
      scan->label = 0;
    }
  else if (scan->realizer != 0 && depth == scan->realizer)
    {
      scan->realizer = 0;
      scan->done = TRUE;
    }
}
