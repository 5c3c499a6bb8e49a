/* mg-graphml-reader-walk.c — the streaming walk of the GraphML reader.
 *
 * One pass over the document with xmlTextReader: never a whole DOM.  Only
 * structural elements (<graphml>, <graph>, <node>, <edge>, <key>) get a
 * frame; everything else met inside them (<data>, <desc>, <default>, ports,
 * hyperedges, locators, foreign elements) is read whole at once.  Actors are
 * created as their <node> is met (so a duplicate id is seen at once);
 * relations as their <edge> is met when both nodes are known, else at the
 * end.
 *
 * Where things go: GraphML elements are those of the GraphML namespace, of
 * the old 1.0rc one, of no namespace, or of whatever namespace the root
 * <graphml> has; any prefix.  Elements of other namespaces, hyperedges,
 * ports and locators are kept, serialised, in raw_children of the element
 * holding them; <desc> in its desc; attributes GraphML does not define in
 * its attrs.  A <graph> inside a <node> makes the node a group.  A <graph>
 * directly inside a <graph> or an <edge>, or a node's second <graph>, is
 * not valid GraphML: it becomes a separate top-level graph (with a warning),
 * so nothing it holds is lost and the file written back is valid.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mg-graphml-reader-private.h"

#define GRAPHML_NS     "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_OLD_NS "http://graphml.graphdrawing.org/xmlns/graphml"

typedef enum {
  FRAME_ROOT,
  FRAME_GRAPH,
  FRAME_NODE,
  FRAME_EDGE,
  FRAME_KEY,
} FrameKind;

/* One open structural element.  Everything else (<data>, <desc>, kept
 * foreign elements…) is read whole when met, so it never gets a frame. */
typedef struct {
  FrameKind    kind;
  int          depth;
  MgGraphInfo *graph;       /* FRAME_GRAPH */
  MgActor     *actor;       /* FRAME_NODE: the node; FRAME_GRAPH: its group */
  guint        graph_index; /* top-level graph it belongs to */
  gboolean     directed;    /* FRAME_GRAPH: edgedefault */
  MgRelation  *relation;    /* FRAME_EDGE: the relation, or NULL when it */
  guint        edge;        /* waits for its nodes: index in MgReader.edges */
} Frame;

struct _MgWalk {
  MgReader      *r;
  GArray        *frames;
  MgKey         *open_key;  /* the <key> being read, owned until added */
  guint          open_key_line;
  guint          root_end_line;   /* of </graphml> */
  int            root_end_column;
  gboolean       open_key_bindable;
  MgXmlExtra     discard;   /* extras of elements that are dropped */

  /* Recent answers of lookup_endpoint(). */
  struct {
    GString *id;
    MgActor *actor;
  } recent[4];
  guint next_recent;

  /* Scratch copies of attribute values that must outlive the attribute. */
  GString       *key_id, *edge_id, *source_id, *target_id, *node_id;

  /* Interned (libxml2 dictionary) names, compared by pointer. */
  const xmlChar *ns_graphml, *ns_old, *ns_root;
  const xmlChar *n_graphml, *n_graph, *n_node, *n_edge, *n_key, *n_data,
                *n_desc, *n_default, *n_hyperedge, *n_port, *n_locator;
};

/* ---- small helpers ---------------------------------------------------- */

static void
set_string (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
is_graphml_ns (MgWalk *p, const xmlChar *ns)
{
  return ns == NULL || ns == p->ns_graphml || ns == p->ns_old || ns == p->ns_root;
}

static Frame *
top_frame (MgWalk *p)
{
  return &g_array_index (p->frames, Frame, p->frames->len - 1);
}

static MgXmlExtra *
frame_extra (MgWalk *p, const Frame *f)
{
  switch (f->kind)
    {
    case FRAME_ROOT:
      return mg_map_get_root_extra (p->r->map);
    case FRAME_GRAPH:
      return &f->graph->extra;
    case FRAME_NODE:
      return &f->actor->extra;
    case FRAME_EDGE:
      return f->relation != NULL ? &f->relation->extra
                                 : &mg_reader_edge (p->r, f->edge)->extra;
    case FRAME_KEY:
      return p->open_key != NULL ? &p->open_key->extra : &p->discard;
    default:
      g_assert_not_reached ();
    }
}

/* Unqualified attribute names belong to GraphML; prefixed ones
 * (xml:space, y:attr.uri, xmlns:y) are kept as they are. */
static gboolean
attribute_is (MgReader *r, const char *name)
{
  return xmlTextReaderConstNamespaceUri (r->reader) == NULL &&
         strcmp ((const char *) xmlTextReaderConstLocalName (r->reader), name) == 0;
}

/* ---- elements read whole ---------------------------------------------- */

/* Keeps the current element, serialised whole, in @extra->raw_children. */
static int
keep_raw (MgWalk *p, MgXmlExtra *extra)
{
  gboolean has_elements;
  int ret = mg_reader_capture (p->r, TRUE, NULL, &has_elements);

  if (ret >= 0 && p->r->error == NULL)
    mg_xml_extra_append_raw (extra, p->r->raw->str);
  return ret;
}

static int
read_desc (MgWalk *p, MgXmlExtra *extra)
{
  MgReader *r = p->r;
  guint line = mg_reader_current_line (r);
  gboolean has_elements;
  int ret = mg_reader_capture (r, FALSE, NULL, &has_elements);

  if (ret < 0 || r->error != NULL)
    return ret;
  if (has_elements)
    mg_reader_warn (r, line, _("markup inside <desc> is dropped, its text is kept"));
  if (extra->desc != NULL)
    mg_reader_warn (r, line, _("a second <desc> replaces the first"));
  g_free (extra->desc);
  extra->desc = g_strdup (r->text->str);
  return ret;
}

static int
read_default (MgWalk *p)
{
  MgReader *r = p->r;
  gboolean has_elements;
  int ret = mg_reader_capture (r, FALSE, NULL, &has_elements);

  if (ret < 0 || r->error != NULL || p->open_key == NULL)
    return ret;
  if (has_elements)
    {
      g_free (p->open_key->default_raw);
      p->open_key->default_raw = g_strdup (r->raw->str);
    }
  else
    {
      g_free (p->open_key->default_value);
      p->open_key->default_value = g_strdup (r->text->str);
    }
  return ret;
}

/* Reads a <data>; its value is settled by mg_reader_take_value(). */
static int
read_data (MgWalk *p, const MgOwner *owner)
{
  MgReader *r = p->r;
  gboolean has_key = FALSE;
  GPtrArray *attrs = NULL;
  guint line = mg_reader_current_line (r);
  gboolean graphics = owner->kind == MG_OWNER_NODE || owner->kind == MG_OWNER_EDGE ||
                      owner->kind == MG_OWNER_PENDING_EDGE;
  MgYedScan scan;
  gboolean has_elements;
  int ret;

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      if (attribute_is (r, "key"))
        {
          g_string_assign (p->key_id, mg_reader_attribute_value (r));
          has_key = TRUE;
        }
      else
        {
          if (attrs == NULL)
            attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_xml_attr_free);
          g_ptr_array_add (attrs, mg_xml_attr_new (mg_reader_attribute_name (r),
                                                   mg_reader_attribute_value (r)));
        }
    }
  xmlTextReaderMoveToElement (r->reader);

  mg_yed_scan_init (&scan, owner->kind != MG_OWNER_NODE, xmlTextReaderDepth (r->reader));
  ret = mg_reader_capture (r, FALSE, graphics ? &scan : NULL, &has_elements);
  if (ret >= 0 && r->error == NULL && !has_key)
    mg_reader_warn (r, line, _("<data> without a key attribute is ignored"));
  if (ret < 0 || r->error != NULL || !has_key)
    {
      g_clear_pointer (&attrs, g_ptr_array_unref);
      mg_yed_scan_clear (&scan);
      return ret;
    }

  mg_reader_take_value (r, owner, p->key_id->str, has_elements ? r->raw->str : r->text->str,
                        has_elements, attrs, line);
  if (scan.found)
    {
      scan.info.owner = *owner;
      g_array_append_val (r->yed, scan.info);
    }
  mg_yed_scan_clear (&scan);
  return r->error != NULL ? -1 : ret;
}

/* ---- structural elements ---------------------------------------------- */

static void
push_frame (MgWalk *p, const Frame *frame)
{
  g_array_append_val (p->frames, *frame);
}

static void
finish_key (MgWalk *p)
{
  MgReader *r = p->r;
  MgKey *key = g_steal_pointer (&p->open_key);

  if (key == NULL)
    return;
  if (!mg_map_add_key (r->map, key))
    {
      mg_reader_warn (r, p->open_key_line,
                      _("key '%s' is declared twice; the later declaration is ignored"),
                      key->id);
      mg_key_free (key);
      return;
    }
  mg_reader_add_key_info (r, key, p->open_key_bindable, p->open_key_line);
}

static void
pop_frame (MgWalk *p)
{
  Frame *f = top_frame (p);

  if (f->kind == FRAME_KEY)
    finish_key (p);
  g_array_set_size (p->frames, p->frames->len - 1);
}

static void
start_root (MgWalk *p, const xmlChar *local, const xmlChar *ns)
{
  MgReader *r = p->r;
  MgXmlExtra *extra = mg_map_get_root_extra (r->map);
  Frame frame = { .kind = FRAME_ROOT };

  if (local != p->n_graphml)
    {
      g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_GRAPHML,
                   _("%s: not a GraphML file: the root element is <%s>, not <graphml>"),
                   r->name, (const char *) xmlTextReaderConstName (r->reader));
      return;
    }
  if (ns != NULL && ns != p->ns_graphml && ns != p->ns_old)
    mg_reader_warn (r, mg_reader_current_line (r),
                    _("the root element is in the namespace '%s', not GraphML's; "
                      "it is read as GraphML"), (const char *) ns);
  p->ns_root = ns;

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    mg_xml_extra_add_attr (extra, mg_reader_attribute_name (r), mg_reader_attribute_value (r));
  xmlTextReaderMoveToElement (r->reader);

  frame.depth = xmlTextReaderDepth (r->reader);
  push_frame (p, &frame);
}

static void
start_key (MgWalk *p)
{
  MgReader *r = p->r;
  Frame frame = { .kind = FRAME_KEY, .depth = xmlTextReaderDepth (r->reader) };
  g_autofree char *id = NULL, *name = NULL, *for_text = NULL, *type_text = NULL;
  GPtrArray *extras = NULL;
  gboolean bindable = TRUE;
  MgKeyDomain domain = MG_DOMAIN_ALL;
  MgValueType type = MG_VALUE_STRING;
  guint line = mg_reader_current_line (r);
  MgKey *key;

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (r->reader);

      if (attribute_is (r, "id"))
        {
          set_string (&id, mg_reader_attribute_value (r));
          mg_reader_check_nmtoken (r, id, line, FALSE);
        }
      else if (attribute_is (r, "for"))
        set_string (&for_text, mg_reader_attribute_value (r));
      else if (attribute_is (r, "attr.name"))
        {
          set_string (&name, mg_reader_attribute_value (r));
          mg_reader_check_nmtoken (r, name, line, TRUE);
        }
      else if (attribute_is (r, "attr.type"))
        set_string (&type_text, mg_reader_attribute_value (r));
      else
        {
          /* yEd / yFiles keys hold graphics, never Maillage fields. */
          if (strcmp (local, "yfiles.type") == 0 || strcmp (local, "attr.uri") == 0)
            bindable = FALSE;
          if (extras == NULL)
            extras = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_xml_attr_free);
          g_ptr_array_add (extras, mg_xml_attr_new (mg_reader_attribute_name (r),
                                                    mg_reader_attribute_value (r)));
        }
    }
  xmlTextReaderMoveToElement (r->reader);

  if (for_text != NULL && !mg_key_domain_from_string (for_text, &domain))
    {
      mg_reader_warn (r, line, _("key '%s': unknown for=\"%s\", read as for=\"all\""),
                      id ? id : "", for_text);
      domain = MG_DOMAIN_ALL;
    }
  if (type_text != NULL && !mg_value_type_from_string (type_text, &type))
    {
      mg_reader_warn (r, line, _("key '%s': unknown attr.type \"%s\", read as string"),
                      id ? id : "", type_text);
      g_clear_pointer (&type_text, g_free);
      type = MG_VALUE_STRING;
    }

  g_clear_pointer (&p->open_key, mg_key_free);
  if (id == NULL)
    {
      mg_reader_warn (r, line, _("a <key> without id is ignored"));
      g_clear_pointer (&extras, g_ptr_array_unref);
    }
  else
    {
      key = mg_key_new (id, domain, name, type);
      key->typed = type_text != NULL;
      key->extra.attrs = extras;
      p->open_key = key;
    }
  p->open_key_line = line;
  p->open_key_bindable = bindable;
  push_frame (p, &frame);
}

/* Top-level graph, nested graph of a group node, or — not valid GraphML —
 * a graph inside a graph or an edge, or a node's second graph: those become
 * separate top-level graphs (nothing they hold is lost, and the file written
 * back is valid). */
static void
start_graph (MgWalk *p, const Frame *parent)
{
  MgReader *r = p->r;
  Frame frame = { .kind = FRAME_GRAPH, .depth = xmlTextReaderDepth (r->reader) };
  guint line = mg_reader_current_line (r);
  MgGraphInfo *graph;
  GPtrArray *graphs = mg_map_get_graphs (r->map);
  gboolean saw_edgedefault = FALSE;

  if (parent->kind == FRAME_NODE && parent->actor->subgraph == NULL)
    {
      graph = mg_graph_info_new ();
      parent->actor->subgraph = graph;
      frame.actor = parent->actor;
      frame.graph_index = parent->graph_index;
    }
  else
    {
      if (parent->kind != FRAME_ROOT)
        mg_reader_warn (r, line,
                        _("a <graph> inside %s is not valid GraphML; "
                          "it is read as a separate top-level graph"),
                        parent->kind == FRAME_GRAPH ? "another <graph>"
                        : parent->kind == FRAME_EDGE ? "an <edge>"
                        : "a <node> that already has one");
      graph = mg_map_add_graph (r->map);
      frame.graph_index = graphs->len - 1;
    }

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      if (attribute_is (r, "id"))
        {
          set_string (&graph->id, mg_reader_attribute_value (r));
          mg_reader_check_nmtoken (r, graph->id, line, FALSE);
        }
      else if (attribute_is (r, "edgedefault"))
        {
          const char *value = mg_reader_attribute_value (r);

          if (strcmp (value, "directed") == 0 || strcmp (value, "undirected") == 0)
            {
              graph->directed = value[0] == 'd';
              graph->has_edgedefault = TRUE;
            }
          else
            mg_reader_warn (r, line, _("graph: edgedefault=\"%s\" is not directed or "
                                       "undirected; edges are read as directed"), value);
          saw_edgedefault = TRUE;
        }
      else
        mg_xml_extra_add_attr (&graph->extra, mg_reader_attribute_name (r),
                               mg_reader_attribute_value (r));
    }
  xmlTextReaderMoveToElement (r->reader);
  /* Without edgedefault: undirected, as the GraphML primer, NetworkX and
   * igraph read it (yFiles writes such files).  The absence is kept. */
  if (!saw_edgedefault)
    {
      graph->directed = FALSE;
      if (!r->warned_edgedefault)
        mg_reader_warn (r, line, _("graph: no edgedefault; its edges are read as undirected "
                                   "unless they say otherwise"));
      r->warned_edgedefault = TRUE;
    }

  frame.graph = graph;
  frame.directed = graph->directed;
  push_frame (p, &frame);
}

static void
start_node (MgWalk *p, const Frame *graph)
{
  MgReader *r = p->r;
  Frame frame = { .kind = FRAME_NODE, .depth = xmlTextReaderDepth (r->reader) };
  const char *id = NULL;
  GPtrArray *extras = NULL;
  guint line = mg_reader_current_line (r);
  MgActor *actor;

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      if (attribute_is (r, "id"))
        {
          id = g_string_assign (p->node_id, mg_reader_attribute_value (r))->str;
          mg_reader_check_nmtoken (r, id, line, FALSE);
        }
      else
        {
          if (extras == NULL)
            extras = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_xml_attr_free);
          g_ptr_array_add (extras, mg_xml_attr_new (mg_reader_attribute_name (r),
                                                    mg_reader_attribute_value (r)));
        }
    }
  xmlTextReaderMoveToElement (r->reader);

  if (id == NULL)
    {
      actor = mg_map_add_actor (r->map, NULL);
      mg_reader_warn (r, line, _("a <node> without id is given the id '%s'"),
                      actor->id);
    }
  else if ((actor = mg_map_add_actor (r->map, id)) == NULL)
    {
      MgActor *first = mg_map_lookup_actor (r->map, id);
      g_autofree char *local_key = g_strdup_printf ("%u\n%s", graph->graph_index, id);
      gboolean other_graph = first->graph_index != graph->graph_index &&
                             !g_hash_table_contains (r->local_ids, local_key);

      /* Keep the first, rename the later one "<id>-2" ("-3"… if taken): a
       * '-' keeps an NMTOKEN id one, so the file written back stays valid. */
      for (guint n = 2; actor == NULL; n++)
        {
          g_autofree char *renamed = g_strdup_printf ("%s-%u", id, n);

          actor = mg_map_add_actor (r->map, renamed);
        }
      if (other_graph)
        {
          /* Another top-level graph may reuse ids: its edges mean its node. */
          g_hash_table_insert (r->local_ids, g_steal_pointer (&local_key), actor);
          mg_reader_warn (r, line,
                          _("node id '%s' is already used in another top-level graph: "
                            "this node is renamed '%s' (edges of this graph to '%s' go to it)"),
                          id, actor->id, id);
        }
      else
        mg_reader_warn (r, line,
                        _("duplicate node id '%s': this node is renamed '%s' "
                          "(edges to '%s' go to the first one)"), id, actor->id, id);
    }
  actor->parent = graph->actor;
  actor->graph_index = graph->graph_index;
  actor->extra.attrs = extras;
  {
    MgActorState state = { .line = line };

    g_array_append_val (r->actor_states, state);
  }

  frame.actor = actor;
  frame.graph_index = graph->graph_index;
  push_frame (p, &frame);
}

static MgActor *
lookup_endpoint (MgWalk *p, guint graph_index, const char *id)
{
  MgReader *r = p->r;
  MgActor *actor;
  guint slot;

  if (g_hash_table_size (r->local_ids) > 0)
    {
      g_autofree char *local_key = g_strdup_printf ("%u\n%s", graph_index, id);

      actor = g_hash_table_lookup (r->local_ids, local_key);
      return actor != NULL ? actor : mg_map_lookup_actor (r->map, id);
    }
  /* Consecutive edges often share a node (all edges of one node written
   * together): a few recent answers spare a hash lookup, whose string
   * comparison misses the cache on large maps. */
  for (slot = 0; slot < G_N_ELEMENTS (p->recent); slot++)
    if (p->recent[slot].actor != NULL && strcmp (p->recent[slot].id->str, id) == 0)
      return p->recent[slot].actor;
  actor = mg_map_lookup_actor (r->map, id);
  if (actor != NULL)
    {
      slot = p->next_recent++ % G_N_ELEMENTS (p->recent);
      g_string_assign (p->recent[slot].id, id);
      p->recent[slot].actor = actor;
    }
  return actor;
}

/* An edge whose nodes are known becomes a relation at once; one that
 * points at a node not met yet waits for the end of the document. */
static void
start_edge (MgWalk *p, const Frame *graph)
{
  MgReader *r = p->r;
  Frame frame = { .kind = FRAME_EDGE, .depth = xmlTextReaderDepth (r->reader) };
  const char *id = NULL, *source_id = NULL, *target_id = NULL;
  MgXmlExtra extra = { 0 };
  int directed_attr = -1;
  guint line = mg_reader_current_line (r);
  MgActor *source = NULL, *target = NULL;

  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1)
    {
      if (attribute_is (r, "id"))
        {
          id = g_string_assign (p->edge_id, mg_reader_attribute_value (r))->str;
          mg_reader_check_nmtoken (r, id, line, FALSE);
        }
      else if (attribute_is (r, "source"))
        source_id = g_string_assign (p->source_id, mg_reader_attribute_value (r))->str;
      else if (attribute_is (r, "target"))
        target_id = g_string_assign (p->target_id, mg_reader_attribute_value (r))->str;
      else if (attribute_is (r, "directed"))
        {
          gboolean directed;

          if (mg_parse_boolean (mg_reader_attribute_value (r), &directed))
            directed_attr = directed ? 1 : 0;
          else
            mg_reader_warn (r, line, _("edge: directed=\"%s\" is not a boolean; "
                                       "the graph's default is used"), mg_reader_attribute_value (r));
        }
      else
        mg_xml_extra_add_attr (&extra, mg_reader_attribute_name (r), mg_reader_attribute_value (r));
    }
  xmlTextReaderMoveToElement (r->reader);

  if (source_id == NULL || target_id == NULL)
    mg_reader_warn (r, line, _("an <edge> without %s is ignored"),
                    source_id == NULL ? "source" : "target");
  else
    {
      source = lookup_endpoint (p, graph->graph_index, source_id);
      target = lookup_endpoint (p, graph->graph_index, target_id);
    }

  if (source != NULL && target != NULL)
    {
      MgRelation *relation =
        mg_map_add_relation (r->map, source, target, id,
                             directed_attr >= 0 ? directed_attr == 1 : graph->directed);

      relation->directed_attr = directed_attr;
      relation->parent = graph->actor;
      relation->graph_index = graph->graph_index;
      relation->extra = extra;
      mg_reader_relation_added (r, relation, line);
      frame.relation = relation;
    }
  else
    {
      MgPendingEdge *edge = mg_blocks_append (&r->edges);

      /* An edge without source or target is kept here only to swallow its
       * content; it never becomes a relation. */
      edge->id = id ? g_string_chunk_insert (r->strings, id) : NULL;
      edge->source_id = source_id ? g_string_chunk_insert (r->strings, source_id) : NULL;
      edge->target_id = target_id ? g_string_chunk_insert (r->strings, target_id) : NULL;
      edge->parent = graph->actor;
      edge->graph_index = graph->graph_index;
      edge->directed_attr = directed_attr;
      edge->graph_directed = graph->directed;
      edge->extra = extra;
      edge->line = line;
      frame.edge = r->edges.len - 1;
    }
  frame.graph_index = graph->graph_index;
  push_frame (p, &frame);
}

/* A GraphML element where GraphML does not put it: kept, not interpreted. */
static int
keep_unexpected (MgWalk *p, const Frame *parent)
{
  MgReader *r = p->r;
  static const char *const names[] = { "graphml", "graph", "node", "edge", "key" };

  mg_reader_warn (r, mg_reader_current_line (r), _("<%s> inside <%s> is not expected; it is kept "
                                                   "as it is but not read"), (const char *) xmlTextReaderConstName (r->reader),
                  names[parent->kind]);
  return keep_raw (p, frame_extra (p, parent));
}

/* Handles the element the reader is on; returns the reader's status after
 * moving on. */
static int
on_element (MgWalk *p)
{
  MgReader *r = p->r;
  xmlTextReaderPtr reader = r->reader;
  const xmlChar *local = xmlTextReaderConstLocalName (reader);
  const xmlChar *ns = xmlTextReaderConstNamespaceUri (reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader);
  guint frames_before = p->frames->len;
  Frame parent;

  if (xmlTextReaderDepth (reader) > MG_READER_MAX_DEPTH)
    {
      mg_reader_fail_limit (r, "elements are nested more than 256 levels deep");
      return -1;
    }
  if (p->frames->len == 0)
    start_root (p, local, ns);
  else
    {
      parent = *top_frame (p);
      if (!is_graphml_ns (p, ns))
        return keep_raw (p, frame_extra (p, &parent));

      switch (parent.kind)
        {
        case FRAME_ROOT:
          if (local == p->n_key)
            start_key (p);
          else if (local == p->n_graph)
            start_graph (p, &parent);
          else if (local == p->n_data)
            {
              MgOwner owner = { MG_OWNER_DOCUMENT, NULL, 0 };

              return read_data (p, &owner);
            }
          else if (local == p->n_desc)
            return read_desc (p, frame_extra (p, &parent));
          else
            return keep_unexpected (p, &parent);
          break;

        case FRAME_GRAPH:
          if (local == p->n_node)
            start_node (p, &parent);
          else if (local == p->n_edge)
            start_edge (p, &parent);
          else if (local == p->n_data)
            {
              MgOwner owner = { MG_OWNER_GRAPH, parent.graph, 0 };

              return read_data (p, &owner);
            }
          else if (local == p->n_key)
            start_key (p);
          else if (local == p->n_graph)
            start_graph (p, &parent);
          else if (local == p->n_desc)
            return read_desc (p, &parent.graph->extra);
          else if (local == p->n_hyperedge || local == p->n_locator)
            return keep_raw (p, &parent.graph->extra);
          else
            return keep_unexpected (p, &parent);
          break;

        case FRAME_NODE:
          if (local == p->n_data)
            {
              MgOwner owner = { MG_OWNER_NODE, parent.actor, 0 };

              return read_data (p, &owner);
            }
          else if (local == p->n_graph)
            start_graph (p, &parent);
          else if (local == p->n_desc)
            return read_desc (p, &parent.actor->extra);
          else if (local == p->n_port || local == p->n_locator)
            return keep_raw (p, &parent.actor->extra);
          else
            return keep_unexpected (p, &parent);
          break;

        case FRAME_EDGE:
          if (local == p->n_data)
            {
              MgOwner owner = { MG_OWNER_EDGE, parent.relation, 0 };

              if (parent.relation == NULL)
                {
                  owner.kind = MG_OWNER_PENDING_EDGE;
                  owner.edge = parent.edge;
                }
              return read_data (p, &owner);
            }
          else if (local == p->n_graph)
            start_graph (p, &parent);
          else if (local == p->n_desc)
            return read_desc (p, frame_extra (p, &parent));
          else
            return keep_unexpected (p, &parent);
          break;

        case FRAME_KEY:
          if (local == p->n_default)
            return read_default (p);
          else if (local == p->n_desc)
            return read_desc (p, frame_extra (p, &parent));
          else
            return keep_raw (p, frame_extra (p, &parent));

        default:
          g_assert_not_reached ();
        }
    }

  if (r->error != NULL)
    return -1;
  if (empty && p->frames->len > frames_before)
    pop_frame (p);
  return xmlTextReaderRead (reader);
}

static gboolean
walk (MgWalk *p)
{
  MgReader *r = p->r;
  gboolean saw_root = FALSE;
  int ret = xmlTextReaderRead (r->reader);

  while (ret == 1 && r->error == NULL)
    {
      switch (xmlTextReaderNodeType (r->reader))
        {
        case XML_READER_TYPE_ELEMENT:
          saw_root = TRUE;
          ret = on_element (p);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (p->frames->len == 1)
            {
              p->root_end_line = mg_reader_current_line (r);
              p->root_end_column = MAX (1, xmlTextReaderGetParserColumnNumber (r->reader));
            }
          if (p->frames->len > 0)
            pop_frame (p);
          ret = xmlTextReaderRead (r->reader);
          break;
        case XML_READER_TYPE_DOCUMENT_TYPE:
          r->saw_doctype = TRUE;
          ret = xmlTextReaderRead (r->reader);
          break;
        default:
          ret = xmlTextReaderRead (r->reader);
          break;
        }
    }

  if (r->error == NULL && ret < 0 &&
      !mg_reader_set_truncated_error (r, xmlTextReaderGetParserLineNumber (r->reader)))
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                 _("%s:%d:%d: not well-formed XML"), r->name,
                 MAX (1, xmlTextReaderGetParserLineNumber (r->reader)),
                 MAX (1, xmlTextReaderGetParserColumnNumber (r->reader)));
  if (r->error == NULL && !saw_root)
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_XML,
                 _("%s:1:1: no root element: the document is empty"), r->name);
  if (r->error == NULL && mg_map_get_graphs (r->map)->len == 0)
    g_set_error (&r->error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_NOT_GRAPHML,
                 _("%s:%u:%d: the document has no <graph> element, so no map to read"),
                 r->name, p->root_end_line, p->root_end_column);
  return r->error == NULL;
}

static void
intern_names (MgWalk *p)
{
  xmlTextReaderPtr reader = p->r->reader;

  /* Namespace URIs come from the reader's dictionary; local names from the
   * parser's, which is the reader's too unless a tree is walked. */
#define INTERN(s) xmlTextReaderConstString (reader, BAD_CAST (s))
#define NAME(s) (p->r->tree_dict != NULL ? xmlDictLookup (p->r->tree_dict, BAD_CAST (s), -1) \
                                         : INTERN (s))
  p->ns_graphml = INTERN (GRAPHML_NS);
  p->ns_old = INTERN (GRAPHML_OLD_NS);
  p->n_graphml = NAME ("graphml");
  p->n_graph = NAME ("graph");
  p->n_node = NAME ("node");
  p->n_edge = NAME ("edge");
  p->n_key = NAME ("key");
  p->n_data = NAME ("data");
  p->n_desc = NAME ("desc");
  p->n_default = NAME ("default");
  p->n_hyperedge = NAME ("hyperedge");
  p->n_port = NAME ("port");
  p->n_locator = NAME ("locator");
#undef NAME
#undef INTERN
}

MgWalk *
mg_walk_new (MgReader *r)
{
  MgWalk *p = g_new0 (MgWalk, 1);

  p->r = r;
  p->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  p->key_id = g_string_new (NULL);
  p->edge_id = g_string_new (NULL);
  p->source_id = g_string_new (NULL);
  p->target_id = g_string_new (NULL);
  p->node_id = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (p->recent); i++)
    p->recent[i].id = g_string_new (NULL);
  intern_names (p);
  return p;
}

gboolean
mg_walk_run (MgWalk *p)
{
  return walk (p);
}

void
mg_walk_free (MgWalk *p)
{
  g_array_unref (p->frames);
  g_clear_pointer (&p->open_key, mg_key_free);
  mg_xml_extra_clear (&p->discard);
  g_string_free (p->key_id, TRUE);
  g_string_free (p->edge_id, TRUE);
  g_string_free (p->source_id, TRUE);
  g_string_free (p->target_id, TRUE);
  g_string_free (p->node_id, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (p->recent); i++)
    g_string_free (p->recent[i].id, TRUE);
  g_free (p);
}
