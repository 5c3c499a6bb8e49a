/* mg-graphml-writer.c — writing a map as GraphML 1.1.
 *
 * The writer is the mirror of the reader: Maillage's own fields (label, role,
 * position…) go out through the key the reader bound them to, and everything
 * the reader kept without understanding it (unknown keys and data, yEd
 * graphics, ports, hyperedges, foreign attributes) goes out as it came in.
 *
 * Keys for fields the map has no key for are made here, on a private list,
 * and written after the map's own keys.  The map is never modified by a save:
 * no change signal fires, the document does not look edited, and two saves of
 * the same map give the same bytes (ids of made keys are derived from their
 * names, not from a counter).
 *
 * Output order follows the model's order (file order), never a hash table's,
 * so that a map kept in version control diffs cleanly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "mg-atomic-file.h"
#include "mg-graphml-kept.h"
#include "mg-graphml-writer-private.h"

#define GRAPHML_NS      "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_OLD_NS  "http://graphml.graphdrawing.org/xmlns/graphml"
#define GRAPHML_XSD     "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd"
#define XSI_NS          "http://www.w3.org/2001/XMLSchema-instance"

static MgWriterGraph *
graph_plan_new (MgGraphInfo *info)
{
  MgWriterGraph *plan = g_new0 (MgWriterGraph, 1);

  plan->info = info;
  plan->actors = g_ptr_array_new ();
  plan->relations = g_ptr_array_new ();
  return plan;
}

static void
graph_plan_free (MgWriterGraph *plan)
{
  g_ptr_array_unref (plan->actors);
  g_ptr_array_unref (plan->relations);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgWriterGraph, graph_plan_free)

/* ---- keys ------------------------------------------------------------- */

static gboolean
key_id_taken (MgWriter *w, const char *id)
{
  if (mg_map_lookup_key (w->map, id) != NULL)
    return TRUE;
  for (guint i = 0; i < w->made_keys->len; i++)
    if (strcmp (((MgKey *) g_ptr_array_index (w->made_keys, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

/* Finds the key a field is written through, or makes one with a readable
 * id ("label", "edge_notes", then "label_2"…). */
static void
bind_field (MgWriter *w, MgField field, MgWriterSlot slot, MgKeyDomain domain,
            const char *id, const char *name, MgValueType type, const char *default_value)
{
  MgKey *key = mg_map_find_field_key (w->map, field, domain);
  g_autofree char *unique = NULL;

  if (key == NULL && domain == MG_DOMAIN_GRAPH)
    key = mg_map_find_field_key (w->map, field, MG_DOMAIN_GRAPHML);
  if (key == NULL)
    {
      unique = g_strdup (id);
      for (guint n = 2; key_id_taken (w, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s_%u", id, n);
        }
      key = mg_key_new (unique, domain, name, type);
      key->typed = type != MG_VALUE_STRING;
      key->field = field;
      key->edge_field = domain == MG_DOMAIN_EDGE ? field : MG_FIELD_NONE;
      key->default_value = g_strdup (default_value);
      g_ptr_array_add (w->made_keys, key);
    }
  w->field_keys[field][slot] = key;
}

/* ---- texts of fields ------------------------------------------------- */

static MgKey *
field_key (MgWriter *w, MgField field)
{
  for (guint slot = 0; slot < MG_N_SLOTS; slot++)
    if (w->field_keys[field][slot] != NULL)
      return w->field_keys[field][slot];
  return mg_map_find_field_key (w->map, field, field == MG_FIELD_KIND || field == MG_FIELD_WEIGHT
                                ? MG_DOMAIN_EDGE : MG_DOMAIN_NODE);
}

/* TRUE when @value is what the key's <default> gave and is unchanged: the
 * file said nothing there, and neither does the file written. */
static gboolean
from_default (MgWriter *w, const MgKeptFields *kept, MgField field, const char *value)
{
  MgKey *key;
  g_autofree char *default_value = NULL, *current = NULL;

  if (kept == NULL || !(kept->from_default & MG_KEPT_BIT (field)))
    return FALSE;
  key = field_key (w, field);
  if (key == NULL)
    return FALSE;
  default_value = mg_kept_normalise (field, key->default_value);
  current = mg_kept_normalise (field, value);
  return g_strcmp0 (default_value, current) == 0;
}

/* The text a field of @owner is written with: the text read while the
 * value is unchanged (an empty value stays an empty value, a role id keeps
 * its spaces), else the value.  NULL: nothing to write. */
static const char *
field_text (MgWriter *w, gconstpointer owner, MgField field, const char *value)
{
  const MgKeptFields *kept = mg_kept_fields_lookup (w->map, owner);
  g_autofree char *read_value = NULL;

  if (kept == NULL)
    return value;
  if (from_default (w, kept, field, value))
    return NULL;
  if (field == MG_FIELD_NOTES && kept->derived_notes != NULL &&
      g_strcmp0 (kept->derived_notes, value) == 0)
    return NULL;  /* a yEd edge label, not edited: it stays in the graphics */
  if (kept->text[field] == NULL)
    return value;
  read_value = mg_kept_normalise (field, kept->text[field]);
  return g_strcmp0 (read_value, value) == 0 ? kept->text[field] : value;
}

/* Lessons: in the order and spelling read while the set is unchanged. */
static char *
lessons_text (MgWriter *w, gconstpointer owner, MgLessonSet lessons)
{
  const MgKeptFields *kept = mg_kept_fields_lookup (w->map, owner);
  g_autofree char *text = lessons != 0 ? mg_lesson_set_to_string (lessons) : NULL;
  MgKey *key;

  if (kept != NULL && (kept->from_default & MG_KEPT_BIT (MG_FIELD_LESSONS)) &&
      (key = field_key (w, MG_FIELD_LESSONS)) != NULL && key->default_value != NULL)
    {
      /* Unchanged from the default: nothing written. */
      g_autofree char *default_text = NULL;
      MgLessonSet set = mg_lesson_set_parse (key->default_value, NULL) & MG_LESSON_SET_ALL;

      default_text = set != 0 ? mg_lesson_set_to_string (set) : NULL;
      if (g_strcmp0 (default_text, text) == 0)
        return NULL;
    }
  if (kept != NULL && kept->text[MG_FIELD_LESSONS] != NULL && kept->lessons == lessons)
    return g_strdup (kept->text[MG_FIELD_LESSONS]);
  return g_steal_pointer (&text);
}

/* A weight is written unless the key's <default> gave it, unchanged. */
static gboolean
weight_written (MgWriter *w, const MgRelation *r)
{
  const MgKeptFields *kept = mg_kept_fields_lookup (w->map, r);
  MgKey *key;
  double value;

  if (!r->has_weight)
    return FALSE;
  if (kept == NULL || !(kept->from_default & MG_KEPT_BIT (MG_FIELD_WEIGHT)) ||
      (key = field_key (w, MG_FIELD_WEIGHT)) == NULL)
    return TRUE;
  return !(key->default_value != NULL && mg_parse_double (key->default_value, &value) &&
           value == r->weight);
}

/* Binds a key for every field that some element has a value for: a file
 * never gets a key nobody uses. */
static void
plan_keys (MgWriter *w)
{
  GPtrArray *actors = mg_map_get_actors (w->map);
  GPtrArray *relations = mg_map_get_relations (w->map);
  gboolean need[MG_N_FIELDS][MG_N_SLOTS] = { { FALSE } };
  MgKey *pinned_key = mg_map_find_field_key (w->map, MG_FIELD_PINNED, MG_DOMAIN_NODE);
  gboolean pinned_default = mg_writer_key_default_boolean (pinned_key);

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      g_autofree char *lessons = lessons_text (w, a, a->lessons);

      need[MG_FIELD_LABEL][MG_SLOT_NODE] |= field_text (w, a, MG_FIELD_LABEL, a->label) != NULL;
      need[MG_FIELD_ROLE][MG_SLOT_NODE] |= field_text (w, a, MG_FIELD_ROLE, a->role) != NULL;
      need[MG_FIELD_TERRITORY][MG_SLOT_NODE] |=
        field_text (w, a, MG_FIELD_TERRITORY, a->territory) != NULL;
      need[MG_FIELD_LESSONS][MG_SLOT_NODE] |= lessons != NULL;
      need[MG_FIELD_NOTES][MG_SLOT_NODE] |= field_text (w, a, MG_FIELD_NOTES, a->notes) != NULL;
      need[MG_FIELD_PROVENANCE][MG_SLOT_NODE] |=
        field_text (w, a, MG_FIELD_PROVENANCE, a->provenance) != NULL;
      need[MG_FIELD_X][MG_SLOT_NODE] |= a->has_position;
      need[MG_FIELD_Y][MG_SLOT_NODE] |= a->has_position;
      need[MG_FIELD_PINNED][MG_SLOT_NODE] |= (!a->pinned) != (!pinned_default);
      need[MG_FIELD_WIDTH][MG_SLOT_NODE] |= w->size_needed[i];
      need[MG_FIELD_HEIGHT][MG_SLOT_NODE] |= w->size_needed[i];
    }
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      g_autofree char *lessons = lessons_text (w, r, r->lessons);

      need[MG_FIELD_KIND][MG_SLOT_EDGE] |= field_text (w, r, MG_FIELD_KIND, r->kind) != NULL;
      need[MG_FIELD_LESSONS][MG_SLOT_EDGE] |= lessons != NULL;
      need[MG_FIELD_NOTES][MG_SLOT_EDGE] |= field_text (w, r, MG_FIELD_NOTES, r->notes) != NULL;
      need[MG_FIELD_WEIGHT][MG_SLOT_EDGE] |= weight_written (w, r);
      need[MG_FIELD_PROVENANCE][MG_SLOT_EDGE] |=
        field_text (w, r, MG_FIELD_PROVENANCE, r->provenance) != NULL;
      need[MG_FIELD_ROUTE][MG_SLOT_EDGE] |= r->route != NULL && r->n_route_points > 0;
    }
  need[MG_FIELD_TITLE][MG_SLOT_GRAPH] =
    field_text (w, w->map, MG_FIELD_TITLE, mg_map_get_title (w->map)) != NULL;
  need[MG_FIELD_DESCRIPTION][MG_SLOT_GRAPH] =
    field_text (w, w->map, MG_FIELD_DESCRIPTION, mg_map_get_description (w->map)) != NULL;

#define BIND(field, slot, domain, id, name, type, def) \
  if (need[field][slot]) bind_field (w, field, slot, domain, id, name, type, def)
  BIND (MG_FIELD_LABEL, MG_SLOT_NODE, MG_DOMAIN_NODE, "label", "label", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_ROLE, MG_SLOT_NODE, MG_DOMAIN_NODE, "role", "role", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_TERRITORY, MG_SLOT_NODE, MG_DOMAIN_NODE, "territory", "territory", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_LESSONS, MG_SLOT_NODE, MG_DOMAIN_NODE, "lessons", "lessons", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_NOTES, MG_SLOT_NODE, MG_DOMAIN_NODE, "notes", "notes", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_PROVENANCE, MG_SLOT_NODE, MG_DOMAIN_NODE, "provenance", "provenance", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_X, MG_SLOT_NODE, MG_DOMAIN_NODE, "x", "x", MG_VALUE_DOUBLE, NULL);
  BIND (MG_FIELD_Y, MG_SLOT_NODE, MG_DOMAIN_NODE, "y", "y", MG_VALUE_DOUBLE, NULL);
  BIND (MG_FIELD_PINNED, MG_SLOT_NODE, MG_DOMAIN_NODE, "pinned", "pinned", MG_VALUE_BOOLEAN, "false");
  BIND (MG_FIELD_WIDTH, MG_SLOT_NODE, MG_DOMAIN_NODE, "width", "width", MG_VALUE_DOUBLE, NULL);
  BIND (MG_FIELD_HEIGHT, MG_SLOT_NODE, MG_DOMAIN_NODE, "height", "height", MG_VALUE_DOUBLE, NULL);
  BIND (MG_FIELD_KIND, MG_SLOT_EDGE, MG_DOMAIN_EDGE, "kind", "kind", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_LESSONS, MG_SLOT_EDGE, MG_DOMAIN_EDGE, "edge_lessons", "lessons", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_NOTES, MG_SLOT_EDGE, MG_DOMAIN_EDGE, "edge_notes", "notes", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_PROVENANCE, MG_SLOT_EDGE, MG_DOMAIN_EDGE, "edge_provenance", "provenance", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_WEIGHT, MG_SLOT_EDGE, MG_DOMAIN_EDGE, "weight", "weight", MG_VALUE_DOUBLE, NULL);
  BIND (MG_FIELD_ROUTE, MG_SLOT_EDGE, MG_DOMAIN_EDGE, "route", "maillage.route", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_TITLE, MG_SLOT_GRAPH, MG_DOMAIN_GRAPH, "title", "title", MG_VALUE_STRING, NULL);
  BIND (MG_FIELD_DESCRIPTION, MG_SLOT_GRAPH, MG_DOMAIN_GRAPH, "description", "description", MG_VALUE_STRING, NULL);
#undef BIND
}

/* ---- structure -------------------------------------------------------- */

static gboolean
is_map_actor (MgWriter *w, const MgActor *actor)
{
  GPtrArray *actors = mg_map_get_actors (w->map);

  return actor != NULL && actor->index < actors->len &&
         g_ptr_array_index (actors, actor->index) == actor;
}

/* TRUE when @actor's chain of parents ends at a top-level actor of the map
 * (a broken chain or a cycle would make actors vanish from the file). */
static gboolean
parent_chain_ok (MgWriter *w, const MgActor *actor)
{
  guint limit = mg_map_get_n_actors (w->map);
  const MgActor *p = actor->parent;

  for (guint steps = 0; p != NULL; steps++, p = p->parent)
    if (steps > limit || p == actor || !is_map_actor (w, p))
      return FALSE;
  return TRUE;
}

static MgWriterGraph *
group_plan (MgWriter *w, MgActor *group)
{
  MgWriterGraph *plan = g_hash_table_lookup (w->groups, group);

  if (plan == NULL)
    {
      plan = graph_plan_new (group->subgraph);
      g_hash_table_insert (w->groups, group, plan);
    }
  return plan;
}

static MgWriterGraph *
top_plan (MgWriter *w, guint graph_index)
{
  return g_ptr_array_index (w->top, graph_index < w->top->len ? graph_index : 0);
}

static void
plan_structure (MgWriter *w)
{
  GPtrArray *graphs = mg_map_get_graphs (w->map);
  GPtrArray *actors = mg_map_get_actors (w->map);
  GPtrArray *relations = mg_map_get_relations (w->map);

  for (guint i = 0; i < graphs->len; i++)
    g_ptr_array_add (w->top, graph_plan_new (g_ptr_array_index (graphs, i)));
  if (w->top->len == 0)
    {
      /* A map built in code without any graph: one, directed unless every
       * relation says otherwise. */
      MgGraphInfo *info = mg_graph_info_new ();
      gboolean all_undirected = relations->len > 0;

      for (guint i = 0; i < relations->len; i++)
        all_undirected &= !((MgRelation *) g_ptr_array_index (relations, i))->directed;
      info->directed = !all_undirected;
      g_ptr_array_add (w->owned_infos, info);
      g_ptr_array_add (w->top, graph_plan_new (info));
    }

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      if (a->parent != NULL && parent_chain_ok (w, a))
        g_ptr_array_add (group_plan (w, a->parent)->actors, a);
      else
        g_ptr_array_add (top_plan (w, a->graph_index)->actors, a);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      /* A relation declared in a group's nested graph stays there; one
       * whose "group" has no nested graph goes to the top level rather
       * than making up a graph around it. */
      if (r->parent != NULL && is_map_actor (w, r->parent) &&
          (r->parent->subgraph != NULL || g_hash_table_contains (w->groups, r->parent)))
        g_ptr_array_add (group_plan (w, r->parent)->relations, r);
      else
        g_ptr_array_add (top_plan (w, r->graph_index)->relations, r);
    }
}

/* ---- elements --------------------------------------------------------- */

static void write_graph (MgWriter *w, MgWriterGraph *plan, gboolean container_directed, gboolean first);

static void
write_actor (MgWriter *w, MgActor *a, gboolean container_directed)
{
  static const char *const written[] = { "id", NULL };
  g_autofree char *lessons = lessons_text (w, a, a->lessons);
  MgWriterGraph *nested = g_hash_table_lookup (w->groups, a);
  gboolean has_nested = nested != NULL || a->subgraph != NULL;
  MgWriterUsed used = { { NULL }, 0 };

  mg_writer_open (w, "node");
  mg_writer_attr (w, "id", a->id);
  mg_writer_extra_attrs (w, a->extra.attrs, written);
  mg_writer_desc (w, &a->extra);

  mg_writer_field_text (w, &used, MG_FIELD_LABEL, MG_SLOT_NODE,
                        field_text (w, a, MG_FIELD_LABEL, a->label));
  mg_writer_field_text (w, &used, MG_FIELD_ROLE, MG_SLOT_NODE,
                        field_text (w, a, MG_FIELD_ROLE, a->role));
  mg_writer_field_text (w, &used, MG_FIELD_TERRITORY, MG_SLOT_NODE,
                        field_text (w, a, MG_FIELD_TERRITORY, a->territory));
  mg_writer_field_text (w, &used, MG_FIELD_LESSONS, MG_SLOT_NODE, lessons);
  mg_writer_field_text (w, &used, MG_FIELD_NOTES, MG_SLOT_NODE,
                        field_text (w, a, MG_FIELD_NOTES, a->notes));
  mg_writer_field_text (w, &used, MG_FIELD_PROVENANCE, MG_SLOT_NODE,
                        field_text (w, a, MG_FIELD_PROVENANCE, a->provenance));
  if (a->has_position)
    {
      mg_writer_field_number (w, &used, MG_FIELD_X, MG_SLOT_NODE, a->x);
      mg_writer_field_number (w, &used, MG_FIELD_Y, MG_SLOT_NODE, a->y);
    }
  if ((!a->pinned) != (!mg_writer_key_default_boolean (w->field_keys[MG_FIELD_PINNED][MG_SLOT_NODE])))
    mg_writer_field_boolean (w, &used, MG_FIELD_PINNED, MG_SLOT_NODE, a->pinned);
  if (w->size_needed[a->index])
    {
      mg_writer_field_number (w, &used, MG_FIELD_WIDTH, MG_SLOT_NODE, a->width);
      mg_writer_field_number (w, &used, MG_FIELD_HEIGHT, MG_SLOT_NODE, a->height);
    }
  mg_writer_plain_data (w, a->data, used.keys, used.n);

  /* Ports and other kept children come before the nested graph, as the
   * schema wants. */
  mg_writer_raw_block (w, a->extra.raw_children, !has_nested);
  if (has_nested)
    {
      g_autoptr(MgWriterGraph) empty = NULL;

      if (nested == NULL)
        nested = empty = graph_plan_new (a->subgraph);
      write_graph (w, nested, container_directed, FALSE);
    }
  mg_writer_close (w);
}

static void
write_relation (MgWriter *w, MgRelation *r, gboolean graph_directed)
{
  static const char *const written[] = { "id", "source", "target", "directed", NULL };
  g_autofree char *lessons = lessons_text (w, r, r->lessons);
  MgWriterUsed used = { { NULL }, 0 };

  mg_writer_open (w, "edge");
  if (r->id != NULL)
    mg_writer_attr (w, "id", r->id);
  mg_writer_attr (w, "source", r->source->id);
  mg_writer_attr (w, "target", r->target->id);
  /* Keep an explicit directed= as read, and add one whenever the relation
   * does not follow its graph's edgedefault, so the meaning survives. */
  if (r->directed_attr != -1 || (!r->directed) != (!graph_directed))
    mg_writer_attr (w, "directed", r->directed ? "true" : "false");
  mg_writer_extra_attrs (w, r->extra.attrs, written);
  mg_writer_desc (w, &r->extra);

  mg_writer_field_text (w, &used, MG_FIELD_KIND, MG_SLOT_EDGE,
                        field_text (w, r, MG_FIELD_KIND, r->kind));
  mg_writer_field_text (w, &used, MG_FIELD_LESSONS, MG_SLOT_EDGE, lessons);
  mg_writer_field_text (w, &used, MG_FIELD_NOTES, MG_SLOT_EDGE,
                        field_text (w, r, MG_FIELD_NOTES, r->notes));
  mg_writer_field_text (w, &used, MG_FIELD_PROVENANCE, MG_SLOT_EDGE,
                        field_text (w, r, MG_FIELD_PROVENANCE, r->provenance));
  if (weight_written (w, r))
    mg_writer_field_number (w, &used, MG_FIELD_WEIGHT, MG_SLOT_EDGE, r->weight);
  if (r->route != NULL && r->n_route_points > 0)
    {
      /* The layout's curve, so that the map reopens as it was drawn; '.'
       * decimals whatever the locale, shortest text that reads back exact. */
      g_autoptr (GString) route = g_string_new (NULL);

      for (guint i = 0; i < r->n_route_points; i++)
        {
          g_autofree char *x = mg_format_double (r->route[2 * i]);
          g_autofree char *y = mg_format_double (r->route[2 * i + 1]);

          g_string_append_printf (route, "%s%s,%s", i > 0 ? " " : "", x, y);
        }
      mg_writer_field_text (w, &used, MG_FIELD_ROUTE, MG_SLOT_EDGE, route->str);
    }
  mg_writer_plain_data (w, r->data, used.keys, used.n);
  mg_writer_raw_block (w, r->extra.raw_children, TRUE);
  mg_writer_close (w);
}

/* Title and description go into the first top-level graph, or into the
 * document when the file bound them to a for="graphml" key. */
static void
write_map_fields (MgWriter *w, MgWriterUsed *used, gboolean document_level)
{
  static const MgField fields[] = { MG_FIELD_TITLE, MG_FIELD_DESCRIPTION };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      MgKey *key = w->field_keys[fields[i]][MG_SLOT_GRAPH];
      const char *value = fields[i] == MG_FIELD_TITLE ? mg_map_get_title (w->map)
                                                      : mg_map_get_description (w->map);

      if (key != NULL && (key->domain == MG_DOMAIN_GRAPHML) == document_level)
        mg_writer_field_text (w, used, fields[i], MG_SLOT_GRAPH,
                              field_text (w, w->map, fields[i], value));
    }
}

static void
write_graph (MgWriter *w, MgWriterGraph *plan, gboolean container_directed, gboolean first)
{
  static const char *const written[] = { "id", "edgedefault", NULL };
  MgGraphInfo *info = plan->info;
  gboolean directed = info != NULL ? info->directed : container_directed;
  MgWriterUsed used = { { NULL }, 0 };

  mg_writer_open (w, "graph");
  if (info != NULL && info->id != NULL)
    mg_writer_attr (w, "id", info->id);
  /* Required by the schema: always written, even when the file had none. */
  mg_writer_attr (w, "edgedefault", directed ? "directed" : "undirected");
  if (info != NULL)
    {
      mg_writer_extra_attrs (w, info->extra.attrs, written);
      mg_writer_desc (w, &info->extra);
    }
  if (first)
    write_map_fields (w, &used, FALSE);
  if (info != NULL)
    mg_writer_plain_data (w, info->data, used.keys, used.n);

  for (guint i = 0; i < plan->actors->len; i++)
    write_actor (w, g_ptr_array_index (plan->actors, i), directed);
  for (guint i = 0; i < plan->relations->len; i++)
    write_relation (w, g_ptr_array_index (plan->relations, i), directed);
  if (info != NULL)
    mg_writer_raw_block (w, info->extra.raw_children, TRUE);
  mg_writer_close (w);
}

/* ---- root ------------------------------------------------------------- */

static gboolean
is_xsi_prefix (MgXmlExtra *root, const char *prefix)
{
  if (g_strcmp0 (prefix, "xsi") == 0)
    return TRUE;
  if (root->attrs == NULL)
    return FALSE;
  for (guint i = 0; i < root->attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (root->attrs, i);

      if (g_str_has_prefix (attr->name, "xmlns:") &&
          strcmp (attr->name + 6, prefix) == 0 &&
          g_strcmp0 (attr->value, XSI_NS) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_schema_location (MgXmlExtra *root, const char *name)
{
  const char *colon = strchr (name, ':');
  g_autofree char *prefix = NULL;

  if (colon == NULL || strcmp (colon + 1, "schemaLocation") != 0)
    return FALSE;
  prefix = g_strndup (name, colon - name);
  return is_xsi_prefix (root, prefix);
}

/* The GraphML 1.1 schema location, followed by the file's locations for
 * other namespaces (yEd's, for instance). */
static char *
merged_schema_location (MgXmlExtra *root)
{
  GString *out = g_string_new (GRAPHML_NS " " GRAPHML_XSD);

  if (root->attrs == NULL)
    return g_string_free (out, FALSE);
  for (guint i = 0; i < root->attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (root->attrs, i);
      g_auto(GStrv) tokens = NULL;
      guint n;

      if (!is_schema_location (root, attr->name))
        continue;
      tokens = g_strsplit_set (attr->value, " \t\r\n", -1);
      n = 0;
      for (guint j = 0; tokens[j] != NULL; j++)
        if (*tokens[j] != '\0')
          tokens[n++] = tokens[j];
        else
          g_free (tokens[j]);
      tokens[n] = NULL;
      if (n % 2 != 0)
        continue; /* not namespace/location pairs: nothing usable */
      for (guint j = 0; j + 1 < n; j += 2)
        if (strcmp (tokens[j], GRAPHML_NS) != 0 && strcmp (tokens[j], GRAPHML_OLD_NS) != 0 &&
            strstr (out->str, tokens[j]) == NULL)
          g_string_append_printf (out, " %s %s", tokens[j], tokens[j + 1]);
    }
  return g_string_free (out, FALSE);
}

static void
write_root_attrs (MgWriter *w)
{
  MgXmlExtra *root = mg_map_get_root_extra (w->map);
  g_autofree char *location = merged_schema_location (root);

  mg_writer_attr (w, "xmlns", GRAPHML_NS);
  mg_writer_attr (w, "xmlns:xsi", XSI_NS);
  mg_writer_attr (w, "xsi:schemaLocation", location);
  if (root->attrs == NULL)
    return;
  for (guint i = 0; i < root->attrs->len; i++)
    {
      MgXmlAttr *attr = g_ptr_array_index (root->attrs, i);

      /* Whatever namespace the file used, the output is GraphML 1.1. */
      if (strcmp (attr->name, "xmlns") == 0 || strcmp (attr->name, "xmlns:xsi") == 0 ||
          is_schema_location (root, attr->name))
        continue;
      mg_writer_attr (w, attr->name, attr->value);
    }
}

static void
write_document (MgWriter *w)
{
  MgXmlExtra *root = mg_map_get_root_extra (w->map);
  GPtrArray *keys = mg_map_get_keys (w->map);
  MgWriterUsed used = { { NULL }, 0 };

  mg_writer_check (w, xmlTextWriterSetIndent (w->xml, 1));
  mg_writer_check (w, xmlTextWriterSetIndentString (w->xml, BAD_CAST "  "));
  mg_writer_check (w, xmlTextWriterStartDocument (w->xml, "1.0", "UTF-8", NULL));
  mg_writer_open (w, "graphml");
  write_root_attrs (w);
  mg_writer_desc (w, root);
  for (guint i = 0; i < keys->len; i++)
    mg_writer_key (w, g_ptr_array_index (keys, i));
  for (guint i = 0; i < w->made_keys->len; i++)
    mg_writer_key (w, g_ptr_array_index (w->made_keys, i));
  write_map_fields (w, &used, TRUE);
  mg_writer_plain_data (w, mg_map_get_document_data (w->map), used.keys, used.n);
  for (guint i = 0; i < w->top->len; i++)
    write_graph (w, g_ptr_array_index (w->top, i), TRUE, i == 0);
  mg_writer_raw_block (w, root->raw_children, TRUE);
  mg_writer_close (w);
  mg_writer_check (w, xmlTextWriterEndDocument (w->xml));
  mg_writer_check (w, xmlTextWriterFlush (w->xml));
}

static int
gstring_write (void *context, const char *buffer, int len)
{
  g_string_append_len (context, buffer, len);
  return len;
}

static int
gstring_close (void *context)
{
  return 0;
}

char *
mg_graphml_write_to_string (MgMap *map, gsize *length, GError **error)
{
  GString *out;
  xmlOutputBufferPtr buffer;
  MgWriter w = { 0 };
  gboolean failed;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_sized_new (16384);
  buffer = xmlOutputBufferCreateIO (gstring_write, gstring_close, out, NULL);
  w.map = map;
  w.xml = buffer != NULL ? xmlNewTextWriter (buffer) : NULL;
  if (w.xml == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_string_free (out, TRUE);
      g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                   _("Could not start writing GraphML"));
      return NULL;
    }
  w.has_content = g_array_new (FALSE, FALSE, sizeof (gboolean));
  w.made_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_key_free);
  w.top = g_ptr_array_new_with_free_func ((GDestroyNotify) graph_plan_free);
  w.groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) graph_plan_free);
  w.owned_infos = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_graph_info_free);

  mg_writer_plan_graphics (&w);
  plan_keys (&w);
  plan_structure (&w);
  write_document (&w);
  failed = w.failed;
  mg_writer_clear_graphics (&w);

  xmlFreeTextWriter (w.xml); /* closes the buffer */
  g_array_unref (w.has_content);
  g_ptr_array_unref (w.made_keys);
  g_ptr_array_unref (w.top);
  g_hash_table_unref (w.groups);
  g_ptr_array_unref (w.owned_infos);

  if (failed)
    {
      g_string_free (out, TRUE);
      g_set_error (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO,
                   _("Could not write GraphML: the XML writer failed"));
      return NULL;
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}


gboolean
mg_graphml_write_file (MgMap *map, const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = mg_graphml_write_to_string (map, &length, error);
  if (contents == NULL)
    return FALSE;
  if (!mg_atomic_file_replace (path, contents, length, &local_error))
    {
      g_set_error_literal (error, MG_GRAPHML_ERROR, MG_GRAPHML_ERROR_IO, local_error->message);
      return FALSE;
    }
  return TRUE;
}
