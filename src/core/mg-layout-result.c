/* mg-layout-result.c — running a layout request, placing its result in map
 * coordinates (anchoring on pinned actors), and applying it to the map. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-layout-private.h"

/* ---- result ------------------------------------------------------------- */

void
mg_layout_result_free (MgLayoutResult *result)
{
  if (result == NULL)
    return;
  for (guint i = 0; i < result->n_actors; i++)
    g_free (result->actors[i].id);
  g_free (result->actors);
  for (guint i = 0; i < result->n_routes; i++)
    g_free (result->routes[i].points);
  g_free (result->routes);
  for (guint i = 0; i < result->n_clusters; i++)
    {
      g_free (result->clusters[i].territory);
      g_free (result->clusters[i].label);
    }
  g_free (result->clusters);
  g_ptr_array_unref (result->messages);
  g_free (result);
}

static void
box_add_point (MgLayoutBox *box, gboolean *empty, double x, double y)
{
  if (*empty)
    {
      box->x0 = box->x1 = x;
      box->y0 = box->y1 = y;
      *empty = FALSE;
      return;
    }
  box->x0 = MIN (box->x0, x);
  box->y0 = MIN (box->y0, y);
  box->x1 = MAX (box->x1, x);
  box->y1 = MAX (box->y1, y);
}

static MgLayoutBox
result_bounds (const MgLayoutResult *result)
{
  MgLayoutBox bounds = { 0, 0, 0, 0 };
  gboolean empty = TRUE;

  for (guint i = 0; i < result->n_actors; i++)
    {
      const MgLayoutBox *b = &result->actors[i].footprint;
      box_add_point (&bounds, &empty, b->x0, b->y0);
      box_add_point (&bounds, &empty, b->x1, b->y1);
    }
  for (guint i = 0; i < result->n_clusters; i++)
    {
      const MgLayoutBox *b = &result->clusters[i].box;
      box_add_point (&bounds, &empty, b->x0, b->y0);
      box_add_point (&bounds, &empty, b->x1, b->y1);
    }
  for (guint i = 0; i < result->n_routes; i++)
    for (guint k = 0; k < result->routes[i].n_points; k++)
      box_add_point (&bounds, &empty, result->routes[i].points[2 * k],
                     result->routes[i].points[2 * k + 1]);
  return bounds;
}

static void
box_translate (MgLayoutBox *box, double dx, double dy)
{
  box->x0 += dx;
  box->x1 += dx;
  box->y0 += dy;
  box->y1 += dy;
}

static void
result_translate (MgLayoutResult *result, double dx, double dy)
{
  for (guint i = 0; i < result->n_actors; i++)
    {
      result->actors[i].x += dx;
      result->actors[i].y += dy;
      box_translate (&result->actors[i].footprint, dx, dy);
    }
  for (guint i = 0; i < result->n_clusters; i++)
    box_translate (&result->clusters[i].box, dx, dy);
  for (guint i = 0; i < result->n_routes; i++)
    for (guint k = 0; k < result->routes[i].n_points; k++)
      {
        result->routes[i].points[2 * k] += dx;
        result->routes[i].points[2 * k + 1] += dy;
      }
}

/* Turns the whole layout by @angle about (@cx, @cy).  Labels stay
 * horizontal: each footprint turns about its centre (the Graphviz node),
 * and the ends of routes follow their actors' shapes. */
static void
result_rotate (const MgLayoutRequest *request, MgLayoutResult *result, double angle,
               double cx, double cy)
{
  double c = cos (angle), s = sin (angle);

#define ROTATE(px, py)                                                                    \
  G_STMT_START                                                                            \
  {                                                                                       \
    double rx = (px) - cx, ry = (py) - cy;                                                \
    (px) = cx + c * rx - s * ry;                                                          \
    (py) = cy + s * rx + c * ry;                                                          \
  }                                                                                       \
  G_STMT_END

  for (guint i = 0; i < result->n_actors; i++)
    {
      MgLayoutActor *actor = &result->actors[i];
      double offset = mg_layout_request_actor_offset (&request->actors[i]);
      double fx = actor->x, fy = actor->y + offset;

      ROTATE (fx, fy);
      box_translate (&actor->footprint, fx - actor->x, fy - offset - actor->y);
      actor->x = fx;
      actor->y = fy - offset;
    }
  for (guint i = 0; i < result->n_routes; i++)
    {
      MgLayoutRoute *route = &result->routes[i];
      double *p = route->points;
      guint n = route->n_points;
      double dx, dy;

      if (p == NULL)
        continue;
      for (guint k = 0; k < n; k++)
        ROTATE (p[2 * k], p[2 * k + 1]);
      dx = result->actors[route->source].x - p[0];
      dy = result->actors[route->source].y - p[1];
      p[0] += dx, p[1] += dy, p[2] += dx, p[3] += dy;
      dx = result->actors[route->target].x - p[2 * n - 2];
      dy = result->actors[route->target].y - p[2 * n - 1];
      p[2 * n - 2] += dx, p[2 * n - 1] += dy, p[2 * n - 4] += dx, p[2 * n - 3] += dy;
    }
#undef ROTATE
}

/* Places the layout in map coordinates: on the pinned actors when there are
 * some (see mg-layout.h), else with its top-left corner at the origin. */
static void
anchor (const MgLayoutRequest *request, MgLayoutResult *result)
{
  double sx = 0, sy = 0, lx = 0, ly = 0;
  g_autofree gboolean *moved = NULL;
  gboolean any_moved = FALSE;
  guint n_pinned = request->n_pinned;

  if (n_pinned == 0)
    {
      MgLayoutBox bounds = result_bounds (result);
      result_translate (result, -bounds.x0, -bounds.y0);
      return;
    }

  for (guint i = 0; i < request->n_actors; i++)
    if (request->actors[i].pinned)
      {
        sx += request->actors[i].x;
        sy += request->actors[i].y;
        lx += result->actors[i].x;
        ly += result->actors[i].y;
      }
  sx /= n_pinned, sy /= n_pinned, lx /= n_pinned, ly /= n_pinned;

  /* Engines that ignore pins place the actors anywhere and in any
   * orientation: turn their layout so that the pinned actors come as close
   * as possible to their places (a rigid fit).  Not dot, whose ranks run
   * top to bottom, nor layouts with axis-aligned territory boxes. */
  if (n_pinned >= 2 && result->n_clusters == 0
      && (request->engine == MG_LAYOUT_ENGINE_SFDP || request->engine == MG_LAYOUT_ENGINE_CIRCO
          || request->engine == MG_LAYOUT_ENGINE_TWOPI))
    {
      double cross = 0, dot = 0;

      for (guint i = 0; i < request->n_actors; i++)
        if (request->actors[i].pinned)
          {
            double ax = result->actors[i].x - lx, ay = result->actors[i].y - ly;
            double bx = request->actors[i].x - sx, by = request->actors[i].y - sy;
            cross += ax * by - ay * bx;
            dot += ax * bx + ay * by;
          }
      if (cross != 0 || dot != 0)
        result_rotate (request, result, atan2 (cross, dot), lx, ly);
    }
  result_translate (result, sx - lx, sy - ly);

  moved = g_new0 (gboolean, request->n_actors);
  for (guint i = 0; i < request->n_actors; i++)
    {
      MgLayoutActor *actor = &result->actors[i];
      double dx, dy;

      if (!request->actors[i].pinned)
        continue;
      dx = request->actors[i].x - actor->x;
      dy = request->actors[i].y - actor->y;
      actor->x = request->actors[i].x;
      actor->y = request->actors[i].y;
      box_translate (&actor->footprint, dx, dy);
      moved[i] = fabs (dx) > 0.5 || fabs (dy) > 0.5;
      any_moved |= moved[i];
    }
  if (!any_moved)
    return;
  /* A route ending at an actor put back in place would end in the void. */
  for (guint i = 0; i < result->n_routes; i++)
    {
      MgLayoutRoute *route = &result->routes[i];
      if (moved[route->source] || moved[route->target])
        {
          g_clear_pointer (&route->points, g_free);
          route->n_points = 0;
        }
    }
}

static MgLayoutResult *
result_new (const MgLayoutRequest *request)
{
  MgLayoutResult *result = g_new0 (MgLayoutResult, 1);

  result->engine = request->engine;
  result->messages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < request->notes->len; i++)
    g_ptr_array_add (result->messages, g_strdup (g_ptr_array_index (request->notes, i)));

  result->n_actors = request->n_actors;
  result->actors = g_new0 (MgLayoutActor, MAX (request->n_actors, 1));
  for (guint i = 0; i < request->n_actors; i++)
    {
      const MgLayoutRequestActor *ra = &request->actors[i];
      MgLayoutActor *actor = &result->actors[i];

      actor->id = g_strdup (ra->id);
      actor->width = ra->width;
      actor->height = ra->height;
      actor->pinned = ra->pinned;
    }
  result->n_routes = request->n_relations;
  result->routes = g_new0 (MgLayoutRoute, MAX (request->n_relations, 1));
  for (guint i = 0; i < request->n_relations; i++)
    {
      result->routes[i].source = request->relations[i].source;
      result->routes[i].target = request->relations[i].target;
    }
  return result;
}

MgLayoutResult *
mg_layout_run (MgLayoutRequest *request, GCancellable *cancellable, GError **error)
{
  g_autoptr (MgLayoutResult) result = NULL;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (request->refusal != NULL)
    {
      g_set_error_literal (error, MG_LAYOUT_ERROR, MG_LAYOUT_ERROR_TOO_LARGE, request->refusal);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result = result_new (request);

  if (request->n_actors > 0)
    {
      /* fdp with territory boxes may crash Graphviz: in a child process. */
      gboolean ok = request->engine == MG_LAYOUT_ENGINE_FDP && request->use_clusters
                      ? mg_layout_subprocess_run (request, result, cancellable, error)
                      : mg_layout_graphviz_run (request, result, cancellable, error);

      if (!ok)
        return NULL;
      if (request->separate && result->n_clusters == 0)
        mg_layout_separate (result);
      anchor (request, result);
    }
  result->bounds = result_bounds (result);
  return g_steal_pointer (&result);
}

MgLayoutResult *
mg_layout_run_quick (MgLayoutRequest *request)
{
  MgLayoutResult *result;

  g_return_val_if_fail (request != NULL, NULL);

  result = result_new (request);
  if (request->n_actors > 0)
    {
      mg_layout_quick_place (request, result);
      mg_layout_separate (result);
      anchor (request, result);
    }
  result->bounds = result_bounds (result);
  return result;
}

/* ---- apply --------------------------------------------------------------- */

static MgActor *
match_actor (GPtrArray *actors, MgMap *map, guint index, const char *id)
{
  if (index < actors->len)
    {
      MgActor *actor = g_ptr_array_index (actors, index);
      if (g_strcmp0 (actor->id, id) == 0)
        return actor;
    }
  return mg_map_lookup_actor (map, id);
}

void
mg_layout_result_apply (MgLayoutResult *result, MgMap *map)
{
  GPtrArray *actors, *relations;
  g_autofree double *positions = NULL;
  g_autofree gboolean *mask = NULL;
  g_autofree MgActor **matched = NULL;

  g_return_if_fail (result != NULL);
  g_return_if_fail (MG_IS_MAP (map));

  actors = mg_map_get_actors (map);
  positions = g_new0 (double, 2 * MAX (actors->len, 1));
  mask = g_new0 (gboolean, MAX (actors->len, 1));
  matched = g_new0 (MgActor *, MAX (result->n_actors, 1));
  for (guint i = 0; i < result->n_actors; i++)
    {
      const MgLayoutActor *la = &result->actors[i];
      MgActor *actor = match_actor (actors, map, i, la->id);

      matched[i] = actor;
      if (actor == NULL || la->pinned)
        continue;
      positions[2 * actor->index] = la->x;
      positions[2 * actor->index + 1] = la->y;
      mask[actor->index] = TRUE;
    }
  mg_map_apply_positions (map, positions, mask);

  /* Routes follow the new positions: a relation whose endpoints are not
   * those of the result loses its old route (drawn straight). */
  relations = mg_map_get_relations (map);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      const MgLayoutRoute *route = NULL;

      if (i < result->n_routes && matched[result->routes[i].source] == relation->source
          && matched[result->routes[i].target] == relation->target)
        route = &result->routes[i];
      if (route != NULL && route->points != NULL)
        mg_map_set_relation_route (map, relation, route->points, route->n_points);
      else if (relation->route != NULL)
        mg_map_set_relation_route (map, relation, NULL, 0);
    }
}

gboolean
mg_layout_map_sync (MgMap *map, const MgLayoutOptions *options,
                    MgLayoutResult **out_result, GError **error)
{
  g_autoptr (MgLayoutRequest) request = NULL;
  g_autoptr (MgLayoutResult) result = NULL;

  g_return_val_if_fail (MG_IS_MAP (map), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  request = mg_layout_request_new (map, options);
  result = mg_layout_run (request, NULL, error);
  if (result == NULL)
    return FALSE;
  mg_layout_result_apply (result, map);
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return TRUE;
}
