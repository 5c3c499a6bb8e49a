/* mg-view.c — saved views and their JSON storage in the map. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mg-view.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (mg-view-error-quark, mg_view_error)
G_DEFINE_BOXED_TYPE (MgView, mg_view, mg_view_copy, mg_view_free)

MgView *
mg_view_new (const char *name)
{
  MgView *view = g_new0 (MgView, 1);

  view->name = g_strdup (name != NULL ? name : "");
  mg_lens_settings_init (&view->lens);
  view->filter = mg_filter_new ();
  view->viewport.kind = MG_VIEW_FRAME_NONE;
  view->viewport.zoom = 1.0;
  return view;
}

MgView *
mg_view_copy (const MgView *view)
{
  MgView *copy;

  g_return_val_if_fail (view != NULL, NULL);

  copy = g_new0 (MgView, 1);
  copy->name = g_strdup (view->name);
  copy->note = g_strdup (view->note);
  copy->lens = view->lens;
  copy->filter = mg_filter_copy (view->filter);
  copy->viewport = view->viewport;
  return copy;
}

void
mg_view_free (MgView *view)
{
  if (view == NULL)
    return;
  g_free (view->name);
  g_free (view->note);
  mg_filter_free (view->filter);
  g_free (view);
}

static gboolean
viewport_equal (const MgViewFrame *a, const MgViewFrame *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case MG_VIEW_FRAME_CENTRE:
      return a->centre_x == b->centre_x && a->centre_y == b->centre_y && a->zoom == b->zoom;
    case MG_VIEW_FRAME_RECT:
      return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
    case MG_VIEW_FRAME_NONE:
    default:
      return TRUE;
    }
}

gboolean
mg_view_equal (const MgView *a, const MgView *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->note, b->note) == 0 && mg_lens_settings_equal (&a->lens, &b->lens) &&
         mg_filter_equal (a->filter, b->filter) && viewport_equal (&a->viewport, &b->viewport);
}

/* ---- writing ----------------------------------------------------------- */

static void
add_strv (JsonBuilder *builder, const char *member, char **strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_double (JsonBuilder *builder, double value)
{
  /* JSON has no NaN or infinity. */
  json_builder_add_double_value (builder, isfinite (value) ? value : 0.0);
}

static void
add_view (JsonBuilder *builder, const MgView *view)
{
  const MgFilter *filter = view->filter;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, view->name != NULL ? view->name : "");
  if (view->note != NULL && *view->note != '\0')
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, view->note);
    }

  json_builder_set_member_name (builder, "lenses");
  json_builder_begin_array (builder);
  for (guint l = 0; l < MG_N_LESSONS; l++)
    if (view->lens.active & MG_LESSON_BIT (l))
      json_builder_add_string_value (builder, mg_lesson_info (l)->id);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, mg_lens_mode_to_string (view->lens.mode));
  json_builder_set_member_name (builder, "derived");
  json_builder_add_boolean_value (builder, view->lens.derived);
  json_builder_set_member_name (builder, "unmatched");
  json_builder_add_string_value (builder, mg_unmatched_to_string (view->lens.unmatched));
  json_builder_set_member_name (builder, "combine-threshold");
  json_builder_add_int_value (builder, view->lens.combine_threshold);
  json_builder_set_member_name (builder, "lens-level");
  json_builder_add_int_value (builder, view->lens.lens_level);

  json_builder_set_member_name (builder, "filters");
  json_builder_begin_object (builder);
  if (filter->roles != NULL && filter->roles[0] != NULL)
    add_strv (builder, "roles", filter->roles);
  if (filter->territory != NULL && filter->territory[0] != '\0')
    {
      json_builder_set_member_name (builder, "territory");
      json_builder_add_string_value (builder, filter->territory);
    }
  if (filter->kinds != NULL && filter->kinds[0] != NULL)
    add_strv (builder, "kinds", filter->kinds);
  if (filter->provenance != NULL && filter->provenance[0] != NULL)
    add_strv (builder, "provenance", filter->provenance);
  if (filter->search != NULL && filter->search[0] != '\0')
    {
      json_builder_set_member_name (builder, "search");
      json_builder_add_string_value (builder, filter->search);
    }
  if (filter->min_degree > 0)
    {
      json_builder_set_member_name (builder, "min-degree");
      json_builder_add_int_value (builder, filter->min_degree);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "focus");
  json_builder_begin_object (builder);
  add_strv (builder, "actors", filter->focus);
  json_builder_set_member_name (builder, "hops");
  json_builder_add_int_value (builder, filter->focus_hops);
  json_builder_set_member_name (builder, "direction");
  json_builder_add_string_value (builder, mg_focus_direction_to_string (filter->focus_direction));
  json_builder_end_object (builder);

  if (view->viewport.kind != MG_VIEW_FRAME_NONE)
    {
      const MgViewFrame *vp = &view->viewport;

      json_builder_set_member_name (builder, "viewport");
      json_builder_begin_object (builder);
      if (vp->kind == MG_VIEW_FRAME_CENTRE)
        {
          json_builder_set_member_name (builder, "centre");
          json_builder_begin_array (builder);
          add_double (builder, vp->centre_x);
          add_double (builder, vp->centre_y);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "zoom");
          add_double (builder, vp->zoom);
        }
      else
        {
          json_builder_set_member_name (builder, "rect");
          json_builder_begin_array (builder);
          add_double (builder, vp->x);
          add_double (builder, vp->y);
          add_double (builder, vp->width);
          add_double (builder, vp->height);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

char *
mg_views_to_json (GPtrArray *views)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MG_VIEWS_FORMAT_VERSION);
  json_builder_set_member_name (builder, "views");
  json_builder_begin_array (builder);
  for (guint i = 0; views != NULL && i < views->len; i++)
    add_view (builder, g_ptr_array_index (views, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* ---- reading ----------------------------------------------------------- */

/* The member @name of @object when present and not null; FALSE with an
 * error when present with another JSON type than @type. */
static gboolean
get_member (JsonObject *object, const char *name, JsonNodeType type, JsonNode **out,
            guint view_number, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_node_type (node) != type)
    {
      g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                   _("Saved view %u: “%s” has the wrong type"), view_number, name);
      return FALSE;
    }
  *out = node;
  return TRUE;
}

static gboolean
value_is_number (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
get_string (JsonObject *object, const char *name, const char **out, guint n, GError **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (object, name, JSON_NODE_VALUE, &node, n, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                   _("Saved view %u: “%s” must be a string"), n, name);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_uint (JsonObject *object, const char *name, guint *inout, guint n, GError **error)
{
  JsonNode *node;
  gint64 value;

  if (!get_member (object, name, JSON_NODE_VALUE, &node, n, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 0 || value > G_MAXINT)
    {
      g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                   _("Saved view %u: “%s” must be a whole number ≥ 0"), n, name);
      return FALSE;
    }
  *inout = (guint) value;
  return TRUE;
}

static gboolean
get_strv (JsonObject *object, const char *name, GStrv *out, guint n, GError **error)
{
  JsonNode *node;
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = NULL;

  *out = NULL;
  if (!get_member (object, name, JSON_NODE_ARRAY, &node, n, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                       _("Saved view %u: “%s” must hold strings"), n, name);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Reads a fixed-length array of numbers. */
static gboolean
get_numbers (JsonObject *object, const char *name, double *out, guint count,
             gboolean *found, guint n, GError **error)
{
  JsonNode *node;
  JsonArray *array;

  *found = FALSE;
  if (!get_member (object, name, JSON_NODE_ARRAY, &node, n, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != count)
    goto bad;
  for (guint i = 0; i < count; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || !value_is_number (item))
        goto bad;
      out[i] = json_node_get_double (item);
    }
  *found = TRUE;
  return TRUE;

bad:
  g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
               _("Saved view %u: “%s” must hold %u numbers"), n, name, count);
  return FALSE;
}

static gboolean
bad_word (const char *name, const char *word, guint n, GError **error)
{
  g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
               _("Saved view %u: “%s” cannot be “%s”"), n, name, word);
  return FALSE;
}

static gboolean
read_lens (JsonObject *object, MgView *view, guint n, GError **error)
{
  g_auto(GStrv) lenses = NULL;
  guint ignored_level = 0;
  const char *word;
  JsonNode *node;

  if (!get_strv (object, "lenses", &lenses, n, error))
    return FALSE;
  for (guint i = 0; lenses != NULL && lenses[i] != NULL; i++)
    {
      MgLesson lesson;

      if (mg_lesson_from_id (lenses[i], &lesson))
        view->lens.active |= MG_LESSON_BIT (lesson);
    }
  if (!get_string (object, "mode", &word, n, error))
    return FALSE;
  if (word != NULL && !mg_lens_mode_from_string (word, &view->lens.mode))
    return bad_word ("mode", word, n, error);
  if (!get_string (object, "unmatched", &word, n, error))
    return FALSE;
  if (word != NULL && !mg_unmatched_from_string (word, &view->lens.unmatched))
    return bad_word ("unmatched", word, n, error);
  if (!get_member (object, "derived", JSON_NODE_VALUE, &node, n, error))
    return FALSE;
  if (node != NULL)
    {
      if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                       _("Saved view %u: “derived” must be true or false"), n);
          return FALSE;
        }
      view->lens.derived = json_node_get_boolean (node);
    }
  /* Views written before the lens level existed hold "territory-level",
   * the drawing's grouping level, which no longer changes what a lens
   * matches: it is read (and must be a number) but not used. */
  return get_uint (object, "combine-threshold", &view->lens.combine_threshold, n, error) &&
         get_uint (object, "territory-level", &ignored_level, n, error) &&
         get_uint (object, "lens-level", &view->lens.lens_level, n, error);
}

static gboolean
read_filters (JsonObject *object, MgFilter *filter, guint n, GError **error)
{
  JsonNode *node;
  JsonObject *filters, *focus;
  const char *word;

  if (!get_member (object, "filters", JSON_NODE_OBJECT, &node, n, error))
    return FALSE;
  if (node != NULL)
    {
      filters = json_node_get_object (node);
      if (!get_strv (filters, "roles", &filter->roles, n, error) ||
          !get_strv (filters, "kinds", &filter->kinds, n, error) ||
          !get_strv (filters, "provenance", &filter->provenance, n, error) ||
          !get_uint (filters, "min-degree", &filter->min_degree, n, error))
        return FALSE;
      if (!get_string (filters, "territory", &word, n, error))
        return FALSE;
      filter->territory = g_strdup (word);
      if (!get_string (filters, "search", &word, n, error))
        return FALSE;
      filter->search = g_strdup (word);
    }

  if (!get_member (object, "focus", JSON_NODE_OBJECT, &node, n, error))
    return FALSE;
  if (node != NULL)
    {
      focus = json_node_get_object (node);
      if (!get_strv (focus, "actors", &filter->focus, n, error) ||
          !get_uint (focus, "hops", &filter->focus_hops, n, error) ||
          !get_string (focus, "direction", &word, n, error))
        return FALSE;
      if (word != NULL && !mg_focus_direction_from_string (word, &filter->focus_direction))
        return bad_word ("direction", word, n, error);
    }
  return TRUE;
}

static gboolean
read_viewport (JsonObject *object, MgViewFrame *vp, guint n, GError **error)
{
  JsonNode *node;
  JsonObject *viewport;
  double numbers[4];
  gboolean found;

  if (!get_member (object, "viewport", JSON_NODE_OBJECT, &node, n, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  viewport = json_node_get_object (node);

  if (!get_numbers (viewport, "rect", numbers, 4, &found, n, error))
    return FALSE;
  if (found)
    {
      vp->kind = MG_VIEW_FRAME_RECT;
      vp->x = numbers[0];
      vp->y = numbers[1];
      vp->width = numbers[2];
      vp->height = numbers[3];
      return TRUE;
    }
  if (!get_numbers (viewport, "centre", numbers, 2, &found, n, error))
    return FALSE;
  if (found)
    {
      vp->kind = MG_VIEW_FRAME_CENTRE;
      vp->centre_x = numbers[0];
      vp->centre_y = numbers[1];
      if (!get_member (viewport, "zoom", JSON_NODE_VALUE, &node, n, error))
        return FALSE;
      if (node != NULL)
        {
          if (!value_is_number (node) || !(json_node_get_double (node) > 0.0))
            {
              g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                           _("Saved view %u: “zoom” must be a positive number"), n);
              return FALSE;
            }
          vp->zoom = json_node_get_double (node);
        }
    }
  return TRUE;
}

static MgView *
read_view (JsonNode *node, guint n, GError **error)
{
  g_autoptr(MgView) view = NULL;
  JsonObject *object;
  const char *name, *note;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                   _("Saved view %u is not a JSON object"), n);
      return NULL;
    }
  object = json_node_get_object (node);
  view = mg_view_new (NULL);
  if (!get_string (object, "name", &name, n, error))
    return NULL;
  if (name != NULL)
    {
      g_free (view->name);
      view->name = g_strdup (name);
    }
  if (!get_string (object, "note", &note, n, error))
    return NULL;
  if (note != NULL && *note != '\0')
    view->note = g_strdup (note);
  if (!read_lens (object, view, n, error) ||
      !read_filters (object, view->filter, n, error) ||
      !read_viewport (object, &view->viewport, n, error))
    return NULL;
  return g_steal_pointer (&view);
}

GPtrArray *
mg_views_from_json (const char *json, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *list;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                   _("Saved views are not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "views")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error_literal (error, MG_VIEW_ERROR, MG_VIEW_ERROR_INVALID,
                           _("Saved views: expected an object with a “views” list"));
      return NULL;
    }

  array = json_node_get_array (list);
  views = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_view_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      MgView *view = read_view (json_array_get_element (array, i), i + 1, error);

      if (view == NULL)
        return NULL;
      g_ptr_array_add (views, view);
    }
  return g_steal_pointer (&views);
}

/* ---- storage in the map ------------------------------------------------- */

GPtrArray *
mg_map_get_views (MgMap *map, GError **error)
{
  const char *text;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  text = mg_map_get_graph_setting (map, MG_VIEWS_KEY_NAME);
  if (text == NULL || text[strspn (text, " \t\r\n")] == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) mg_view_free);
  return mg_views_from_json (text, error);
}

void
mg_map_set_views (MgMap *map, GPtrArray *views)
{
  g_autofree char *json = NULL;

  g_return_if_fail (MG_IS_MAP (map));

  if (views != NULL && views->len > 0)
    json = mg_views_to_json (views);
  mg_map_set_graph_setting (map, MG_VIEWS_KEY_NAME, json);
}
