/* mg-graphml-writer-yed.c — kept yEd graphics brought up to date with the
 * edits made in Maillage, and actor sizes.
 *
 * A yEd file keeps each node's drawing (<y:ShapeNode>, <y:GenericNode>…)
 * as kept XML.  yEd reads only that drawing, so an actor moved, resized or
 * renamed in Maillage would look unchanged in yEd.  For what was edited
 * (MgActor.edits), and only for that, the drawing the reader read is
 * rewritten with libxml2: y:Geometry x, y (yEd's top-left corner, from
 * Maillage's centre), width, height, and the text of the label the reader
 * took.  The bends of a relation whose route was recomputed, or one of
 * whose ends moved, are stale: its y:Path loses its points and port
 * offsets, so yEd draws it straight between the moved nodes.  Whatever was
 * not edited is written back byte for byte.
 *
 * Sizes: an actor's width and height go into Maillage's own keys only when
 * reading the file back would not give them otherwise — from the yEd
 * geometry, a width / height key's default, or a Gephi size key.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "mg-graphml-writer-private.h"

#define GEOMETRY_EDITS (MG_CHANGE_POSITION | MG_CHANGE_SIZE)
#define GRAPHICS_EDITS (GEOMETRY_EDITS | MG_CHANGE_LABEL)

typedef struct {
  MgWriter        *w;
  xmlParserCtxtPtr parser;
  GHashTable      *moved;      /* MgActor* whose y:Geometry was rewritten */
  const MgKey     *gephi_size; /* the key the reader takes Gephi sizes from */
  const MgKey     *width_key, *height_key; /* bound to the size fields */
} Plan;

/* ---- parsing and writing a kept fragment ------------------------------ */

static gboolean
is_namespace_declaration (const char *name)
{
  return strcmp (name, "xmlns") == 0 || g_str_has_prefix (name, "xmlns:");
}

/* Namespace declarations in scope of a <data> of @actor (or of a relation
 * declared in @actor's nested graph): the root's, then those of the
 * enclosing groups, nested graphs and the element, inner ones last. */
static void
collect_scope (GPtrArray *attrs, GPtrArray *scope)
{
  if (attrs == NULL)
    return;
  for (guint i = 0; i < attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (attrs, i);

      if (attr->name != NULL && is_namespace_declaration (attr->name))
        g_ptr_array_add (scope, attr);
    }
}

static void
collect_actor_scope (const MgActor *actor, GPtrArray *scope, guint limit)
{
  if (actor == NULL || limit == 0)
    return;
  collect_actor_scope (actor->parent, scope, limit - 1);
  collect_scope (actor->extra.attrs, scope);
  if (actor->subgraph != NULL)
    collect_scope (actor->subgraph->extra.attrs, scope);
}

/* Parses the kept inner XML of a <data> inside a wrapper element that
 * declares the namespaces in scope.  NULL when it does not parse. */
static xmlDocPtr
parse_fragment (Plan *p, GPtrArray *scope, const MgData *data)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w");
  g_autoptr(GHashTable) declared = g_hash_table_new (g_str_hash, g_str_equal);
  xmlDocPtr doc;

  collect_scope (data->attrs, scope);
  /* Inner declarations win: walk from the innermost, skip repeats. */
  for (guint i = scope->len; i > 0; i--)
    {
      MgXmlAttr *attr = g_ptr_array_index (scope, i - 1);

      if (!g_hash_table_add (declared, attr->name))
        continue;
      g_string_append_printf (text, " %s=\"", attr->name);
      for (const char *c = attr->value; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append (text, "&quot;");
          else if (*c == '&')
            g_string_append (text, "&amp;");
          else if (*c == '<')
            g_string_append (text, "&lt;");
          else
            g_string_append_c (text, *c);
        }
      g_string_append_c (text, '"');
    }
  g_string_append_c (text, '>');
  g_string_append (text, data->value);
  g_string_append (text, "</w>");

  doc = xmlCtxtReadMemory (p->parser, text->str, (int) MIN (text->len, G_MAXINT), NULL,
                           "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
  if (doc != NULL && (!p->parser->wellFormed || !p->parser->nsWellFormed))
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}

static char *
serialise_fragment (xmlDocPtr doc)
{
  xmlNodePtr wrapper = xmlDocGetRootElement (doc);
  xmlBufferPtr buffer = xmlBufferCreate ();
  char *result;

  for (xmlNodePtr child = wrapper->children; child != NULL; child = child->next)
    xmlNodeDump (buffer, doc, child, 0, 0);
  result = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return result;
}

/* ---- yEd elements ----------------------------------------------------- */

/* The reader's test: yEd's namespaces all live under yworks.com. */
static gboolean
is_yed (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         strstr ((const char *) node->ns->href, "yworks.com") != NULL;
}

static gboolean
is_yed_named (xmlNodePtr node, const char *name)
{
  return is_yed (node) && strcmp ((const char *) node->name, name) == 0;
}

static gboolean
has_element_children (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

static xmlNodePtr
first_yed_child (xmlNodePtr parent, const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (name != NULL ? is_yed_named (child, name) : is_yed (child))
      return child;
  return NULL;
}

/* The element drawing a node or an edge, found as the reader finds it: the
 * first yEd element of the data, when its name ends in Node (Edge); for a
 * group (y:ProxyAutoBoundsNode), the active one of its y:Realizers. */
static xmlNodePtr
find_realizer (xmlDocPtr doc, gboolean edge)
{
  xmlNodePtr top = first_yed_child (xmlDocGetRootElement (doc), NULL);
  const char *suffix = edge ? "Edge" : "Node";
  xmlNodePtr realizers;
  xmlChar *active_text;
  int active, seen = 0;
  gsize n;

  if (top == NULL)
    return NULL;
  if (!edge && strcmp ((const char *) top->name, "ProxyAutoBoundsNode") == 0)
    {
      realizers = first_yed_child (top, "Realizers");
      if (realizers == NULL)
        return NULL;
      active_text = xmlGetProp (realizers, BAD_CAST "active");
      active = active_text != NULL ? atoi ((const char *) active_text) : 0;
      xmlFree (active_text);
      for (xmlNodePtr child = realizers->children; child != NULL; child = child->next)
        if (is_yed (child) && seen++ == active)
          return child->children != NULL ? child : NULL;
      return NULL;
    }
  n = strlen ((const char *) top->name);
  if (n < strlen (suffix) || strcmp ((const char *) top->name + n - strlen (suffix), suffix) != 0)
    return NULL;
  return top->children != NULL ? top : NULL;
}

static gboolean
prop_double (xmlNodePtr node, const char *name, double *out)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  gboolean ok = value != NULL && mg_parse_double ((const char *) value, out);

  xmlFree (value);
  return ok;
}

/* Numbers as yEd writes them (Java doubles: "120.0"), so that refreshed
 * graphics look like their neighbours. */
static void
set_number (xmlNodePtr node, const char *name, double value)
{
  g_autofree char *text = mg_format_double (value);

  if (strpbrk (text, ".eEIN") == NULL)
    {
      char *with_point = g_strconcat (text, ".0", NULL);

      g_free (text);
      text = with_point;
    }
  xmlSetProp (node, BAD_CAST name, BAD_CAST text);
}

/* The text of a label as the reader takes it: its own text children,
 * stripped.  (transfer full) */
static char *
label_text (xmlNodePtr label)
{
  GString *text = g_string_new (NULL);

  for (xmlNodePtr child = label->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != NULL)
      g_string_append (text, (const char *) child->content);
  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}

/* ---- nodes ------------------------------------------------------------ */

typedef struct {
  gboolean found;        /* a realizer */
  gboolean has_geometry; /* with a y:Geometry the reader accepts */
  double   width, height;/* of that geometry, as written */
  gboolean moved;        /* the geometry was rewritten */
  gboolean changed;      /* anything was rewritten */
} NodeGraphics;

static void
refresh_geometry (const MgActor *actor, xmlNodePtr realizer, NodeGraphics *out)
{
  xmlNodePtr geometry = first_yed_child (realizer, "Geometry");
  double x, y, width, height, new_width, new_height;

  if (geometry == NULL || !prop_double (geometry, "x", &x) || !prop_double (geometry, "y", &y) ||
      !prop_double (geometry, "width", &width) || !prop_double (geometry, "height", &height) ||
      width < 0 || height < 0)
    return;
  out->has_geometry = TRUE;
  out->width = width;
  out->height = height;
  if (!(actor->edits & GEOMETRY_EDITS))
    return;

  /* An actor drawn at the style's default size keeps yEd's size. */
  new_width = actor->width > 0 ? actor->width : width;
  new_height = actor->height > 0 ? actor->height : height;
  if (new_width != width || new_height != height)
    {
      set_number (geometry, "width", new_width);
      set_number (geometry, "height", new_height);
      out->width = new_width;
      out->height = new_height;
      out->moved = TRUE;
    }
  /* Compared the way the reader converts (corner + half size), so an
   * actor moved back where it was is left alone. */
  if (actor->has_position &&
      (out->moved || x + width / 2 != actor->x || y + height / 2 != actor->y))
    {
      set_number (geometry, "x", actor->x - new_width / 2);
      set_number (geometry, "y", actor->y - new_height / 2);
      out->moved = TRUE;
    }
  out->changed |= out->moved;
}

/* Where a new y:NodeLabel goes: after the geometry, fill, border and
 * other labels, as yEd's schema orders a node's children. */
static xmlNodePtr
label_anchor (xmlNodePtr realizer)
{
  static const char *const before[] = { "Geometry", "Fill", "BorderStyle", "NodeLabel", NULL };
  xmlNodePtr anchor = NULL;

  for (xmlNodePtr child = realizer->children; child != NULL; child = child->next)
    if (is_yed (child) && g_strv_contains (before, (const char *) child->name))
      anchor = child;
  return anchor;
}

static void
refresh_label (const MgActor *actor, xmlNodePtr realizer, NodeGraphics *out)
{
  g_autofree char *wanted = g_strstrip (g_strdup (actor->label != NULL ? actor->label : ""));
  xmlNodePtr label = NULL, first = NULL, child, next;
  g_autofree char *current = NULL;

  /* The label the reader takes: the first one with text. */
  for (child = realizer->children; child != NULL && label == NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (!is_yed_named (child, "NodeLabel"))
        continue;
      if (first == NULL)
        first = child;
      text = label_text (child);
      if (*text != '\0')
        {
          label = child;
          current = g_steal_pointer (&text);
        }
    }
  if (g_strcmp0 (current != NULL ? current : "", wanted) == 0)
    return;

  if (label == NULL && first != NULL)
    label = first;
  if (label == NULL)
    {
      xmlNodePtr anchor = label_anchor (realizer);

      label = xmlNewDocNode (realizer->doc, realizer->ns, BAD_CAST "NodeLabel", NULL);
      if (anchor != NULL)
        {
          xmlAddNextSibling (anchor, label);
          /* Indented like the element it follows. */
          if (anchor->prev != NULL && anchor->prev->type == XML_TEXT_NODE &&
              xmlIsBlankNode (anchor->prev))
            xmlAddPrevSibling (label, xmlNewDocText (realizer->doc, anchor->prev->content));
        }
      else
        xmlAddChild (realizer, label);
    }

  /* The new text replaces the label's own text; its child elements
   * (label model, parameters) stay. */
  for (child = label->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
    }
  if (*wanted != '\0')
    {
      g_autofree char *owned = NULL;
      xmlNodePtr text = xmlNewDocText (realizer->doc,
                                       BAD_CAST mg_writer_safe_text (actor->label, &owned));

      if (label->children != NULL)
        xmlAddPrevSibling (label->children, text);
      else
        xmlAddChild (label, text);
      /* A label yEd was told has no text would not show it. */
      if (xmlHasProp (label, BAD_CAST "hasText") != NULL)
        xmlSetProp (label, BAD_CAST "hasText", BAD_CAST "true");
    }
  out->changed = TRUE;
}

/* Looks at (and, for what was edited, rewrites) the first kept data of
 * @actor that holds yEd node graphics. */
static void
plan_actor_graphics (Plan *p, MgActor *actor, NodeGraphics *out)
{
  for (guint i = 0; i < actor->data->len && !out->found; i++)
    {
      MgData *data = g_ptr_array_index (actor->data, i);
      g_autoptr(GPtrArray) scope = NULL;
      xmlDocPtr doc;
      xmlNodePtr realizer;

      if (!data->is_xml || data->key == NULL || strstr (data->value, "Node") == NULL)
        continue;
      scope = g_ptr_array_new ();
      collect_scope (mg_map_get_root_extra (p->w->map)->attrs, scope);
      collect_actor_scope (actor, scope, mg_map_get_n_actors (p->w->map));
      doc = parse_fragment (p, scope, data);
      if (doc == NULL)
        continue;
      realizer = find_realizer (doc, FALSE);
      if (realizer != NULL)
        {
          out->found = TRUE;
          refresh_geometry (actor, realizer, out);
          if (actor->edits & MG_CHANGE_LABEL)
            refresh_label (actor, realizer, out);
          if (out->changed)
            g_hash_table_insert (p->w->replaced, data, serialise_fragment (doc));
        }
      xmlFreeDoc (doc);
    }
}

/* ---- sizes ------------------------------------------------------------ */

static const MgKey *
find_gephi_size_key (MgMap *map)
{
  GPtrArray *keys = mg_map_get_keys (map);

  for (guint i = 0; i < keys->len; i++)
    {
      const MgKey *key = g_ptr_array_index (keys, i);
      gboolean yed = FALSE;

      if (key->extra.attrs != NULL)
        for (guint j = 0; j < key->extra.attrs->len; j++)
          {
            const char *name = ((MgXmlAttr *) g_ptr_array_index (key->extra.attrs, j))->name;
            const char *colon = strchr (name, ':');
            const char *local = colon != NULL ? colon + 1 : name;

            yed |= strcmp (local, "yfiles.type") == 0 || strcmp (local, "attr.uri") == 0;
          }
      if (!yed && key->name != NULL && g_ascii_strcasecmp (key->name, "size") == 0 &&
          (key->domain == MG_DOMAIN_NODE || key->domain == MG_DOMAIN_ALL) &&
          key->field == MG_FIELD_NONE)
        return key;
    }
  return NULL;
}

static gboolean
positive_number (const char *text, double *out)
{
  return text != NULL && mg_parse_double (text, out) && *out > 0;
}

/* The size reading the file back gives an actor whose size is not written
 * in Maillage's keys: yEd geometry, else the size keys' defaults, else a
 * Gephi size, else none. */
static void
implied_size (Plan *p, const MgActor *actor, const NodeGraphics *graphics,
              double *width, double *height)
{
  double gephi = 0, value;
  gboolean has_gephi = FALSE;

  if (graphics->has_geometry)
    {
      *width = graphics->width;
      *height = graphics->height;
      return;
    }
  if (p->gephi_size != NULL)
    {
      const char *text = p->gephi_size->default_value;

      for (guint i = 0; i < actor->data->len; i++)
        {
          MgData *data = g_ptr_array_index (actor->data, i);

          if (data->key == p->gephi_size && !data->is_xml)
            {
              text = data->value;
              break;
            }
        }
      has_gephi = positive_number (text, &gephi);
    }
  *width = has_gephi ? gephi : 0;
  *height = has_gephi ? gephi : 0;
  if (p->width_key != NULL && mg_parse_double (p->width_key->default_value, &value) &&
      value >= 0)
    *width = value;
  if (p->height_key != NULL && mg_parse_double (p->height_key->default_value, &value) &&
      value >= 0)
    *height = value;
}

/* ---- relations -------------------------------------------------------- */

/* Drops the bends and port offsets of an edge's y:Path.  TRUE when there
 * was something to drop. */
static gboolean
straighten_path (xmlNodePtr realizer)
{
  static const char *const offsets[] = { "sx", "sy", "tx", "ty" };
  xmlNodePtr path = first_yed_child (realizer, "Path");
  gboolean changed = FALSE;
  xmlNodePtr child, next;

  if (path == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      double value;

      if (prop_double (path, offsets[i], &value) && value != 0)
        {
          xmlSetProp (path, BAD_CAST offsets[i], BAD_CAST "0.0");
          changed = TRUE;
        }
    }
  if (has_element_children (path))
    {
      for (child = path->children; child != NULL; child = next)
        {
          next = child->next;
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      changed = TRUE;
    }
  return changed;
}

static void
plan_relation_graphics (Plan *p, MgRelation *relation)
{
  for (guint i = 0; i < relation->data->len; i++)
    {
      MgData *data = g_ptr_array_index (relation->data, i);
      g_autoptr(GPtrArray) scope = NULL;
      xmlDocPtr doc;
      xmlNodePtr realizer;

      if (!data->is_xml || data->key == NULL || strstr (data->value, "Path") == NULL)
        continue;
      scope = g_ptr_array_new ();
      collect_scope (mg_map_get_root_extra (p->w->map)->attrs, scope);
      collect_actor_scope (relation->parent, scope, mg_map_get_n_actors (p->w->map));
      collect_scope (relation->extra.attrs, scope);
      doc = parse_fragment (p, scope, data);
      if (doc == NULL)
        continue;
      realizer = find_realizer (doc, TRUE);
      if (realizer != NULL && straighten_path (realizer))
        g_hash_table_insert (p->w->replaced, data, serialise_fragment (doc));
      xmlFreeDoc (doc);
      if (realizer != NULL)
        return;
    }
}

/* ---- entry points ----------------------------------------------------- */

void
mg_writer_plan_graphics (MgWriter *w)
{
  GPtrArray *actors = mg_map_get_actors (w->map);
  GPtrArray *relations = mg_map_get_relations (w->map);
  Plan p = { .w = w };

  w->replaced = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  w->size_needed = g_new0 (guint8, actors->len + 1);
  p.moved = g_hash_table_new (NULL, NULL);
  p.gephi_size = find_gephi_size_key (w->map);
  p.width_key = mg_map_find_field_key (w->map, MG_FIELD_WIDTH, MG_DOMAIN_NODE);
  p.height_key = mg_map_find_field_key (w->map, MG_FIELD_HEIGHT, MG_DOMAIN_NODE);

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      NodeGraphics graphics = { FALSE };
      double width, height;
      /* A size never edited, in a map read without size keys of ours, is
       * what the file's graphics or Gephi keys gave: it needs no key, and
       * the graphics need no parsing.  Most saves parse nothing. */
      gboolean check_size = (actor->width != 0 || actor->height != 0) &&
                            ((actor->edits & MG_CHANGE_SIZE) || p.width_key != NULL ||
                             p.height_key != NULL);

      if ((actor->edits & GRAPHICS_EDITS) || check_size)
        {
          if (p.parser == NULL)
            p.parser = xmlNewParserCtxt ();
          if (p.parser != NULL)
            plan_actor_graphics (&p, actor, &graphics);
        }
      if (graphics.moved)
        g_hash_table_add (p.moved, actor);
      if (!check_size && !(actor->edits & MG_CHANGE_SIZE) && p.width_key == NULL &&
          p.height_key == NULL)
        continue;
      implied_size (&p, actor, &graphics, &width, &height);
      w->size_needed[i] = width != actor->width || height != actor->height;
    }

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);

      if (!(relation->edits & (MG_CHANGE_ROUTE | MG_CHANGE_ENDPOINTS)) &&
          !g_hash_table_contains (p.moved, relation->source) &&
          !g_hash_table_contains (p.moved, relation->target))
        continue;
      if (p.parser == NULL)
        p.parser = xmlNewParserCtxt ();
      if (p.parser != NULL)
        plan_relation_graphics (&p, relation);
    }

  if (p.parser != NULL)
    xmlFreeParserCtxt (p.parser);
  g_hash_table_unref (p.moved);
}

void
mg_writer_clear_graphics (MgWriter *w)
{
  g_clear_pointer (&w->replaced, g_hash_table_unref);
  g_clear_pointer (&w->size_needed, g_free);
}
