/* mg-render-cairo.c — drawing a scene with cairo: the frame.
 *
 * Speed on big maps comes from culling through the scene's index when the
 * view shows a small part of the map (or the packed draw lists when it
 * shows most of it), batching (relations of one look are one cairo stroke;
 * labels one glyph call per font), level of detail (no text below a few
 * pixels, no arrowheads below two, no dashes too small to see), and direct
 * pixel drawing of what is tiny (mg-render-raster.h).  Relations are drawn
 * in mg-render-relations.c, actors and labels in mg-render-actors.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mg-render-private.h"

void
mg_viewport_get_visible_rect (const MgViewport *viewport, MgRect *rect)
{
  g_return_if_fail (viewport != NULL && rect != NULL);
  double s = viewport->scale > 0 ? viewport->scale : 1.0;
  *rect = (MgRect) { viewport->x, viewport->y, viewport->width / s, viewport->height / s };
}

void
mg_viewport_fit (MgViewport *viewport, const MgRect *content, double width, double height,
                 double margin)
{
  g_return_if_fail (viewport != NULL && content != NULL);

  double cw = MAX (content->width, 1.0), ch = MAX (content->height, 1.0);
  double aw = MAX (width - 2 * margin, 1.0), ah = MAX (height - 2 * margin, 1.0);
  double s = MIN (aw / cw, ah / ch);

  viewport->scale = s;
  viewport->width = width;
  viewport->height = height;
  viewport->x = content->x + cw / 2 - width / (2 * s);
  viewport->y = content->y + ch / 2 - height / (2 * s);
}

void
mg_render_options_init (MgRenderOptions *options)
{
  g_return_if_fail (options != NULL);
  *options = (MgRenderOptions) {
    .background = TRUE,
    .labels = TRUE,
    .level_of_detail = TRUE,
    .min_label_px = 5.0,
    .min_arrow_px = 2.0,
    .legend = MG_LEGEND_NONE,
  };
}

/* ---- cairo as a path sink ---------------------------------------------------- */

static void
collect_visible (Frame *f)
{
  MgScene *scene = f->scene;
  MgRect extent;
  gboolean use_index;

  f->actors = g_ptr_array_new ();
  f->relations = g_ptr_array_new ();
  mg_scene_get_bounds (scene, &extent);

  /* Scanning every item in order costs less than sorting the index's
   * answer when the view shows much of the map. */
  use_index = !mg_rect_is_empty (&extent) &&
              f->visible.width * f->visible.height < 0.3 * extent.width * extent.height;

  /* Whole-map views of big maps at a few pixels an actor: the packed draw
   * lists, without touching the items (see mg-scene-private.h); lens marks
   * and emphasis are drawn over them afterwards. */
  if (!use_index && f->has_raster)
    {
      gboolean labels = f->opt->labels &&
                        scene->style->label_size * f->px >= f->opt->min_label_px;
      gboolean arrows = scene->style->arrow_size * f->px >= f->opt->min_arrow_px;
      f->list_relations = !arrows && scene->max_relation_width * f->px <= MG_RASTER_MAX_LINE_PX;
      f->list_actors = !labels && scene->style->actor_size * f->px < MG_TINY_ACTOR_PX;
    }

  if (use_index)
    {
      g_autoptr (GPtrArray) items = mg_scene_query_rect (scene, &f->visible);
      for (guint i = 0; i < items->len; i++)
        {
          MgSceneItem *it = g_ptr_array_index (items, i);
          g_ptr_array_add (it->type == MG_SCENE_ITEM_ACTOR ? f->actors : f->relations, it);
        }
      return;
    }

  for (guint i = 0; i < (f->list_relations ? 0 : scene->relations->len); i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (scene->relations, i);
      if (sr->placed && sr->item.visibility != MG_ITEM_HIDDEN &&
          mg_rect_intersects (&sr->item.bounds, &f->visible))
        g_ptr_array_add (f->relations, sr);
    }
  for (guint i = 0; i < (f->list_actors ? 0 : scene->actors->len); i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (!sa->placed || sa->item.visibility == MG_ITEM_HIDDEN)
        continue;
      if (mg_rect_intersects (&sa->item.bounds, &f->visible) ||
          (sa->label_in_index && mg_rect_intersects (&sa->label_rect, &f->visible)))
        g_ptr_array_add (f->actors, sa);
    }
}

/* ---- clusters ------------------------------------------------------------------- */

static int
compare_depth (gconstpointer a, gconstpointer b)
{
  const MgSceneCluster *ca = *(const MgSceneCluster **) a, *cb = *(const MgSceneCluster **) b;
  return (int) ca->depth - (int) cb->depth;
}

static void
draw_clusters (Frame *f)
{
  guint n;
  const MgSceneCluster *clusters = mg_scene_get_clusters (f->scene, &n);
  cairo_t *cr = f->cr;

  if (n == 0)
    return;

  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      MgRect r = { clusters[i].x, clusters[i].y, clusters[i].width, clusters[i].height };
      if (mg_rect_intersects (&r, &f->visible))
        g_ptr_array_add (sorted, (gpointer) &clusters[i]);
    }
  g_ptr_array_sort (sorted, compare_depth);

  gboolean text = !f->opt->level_of_detail ||
                  f->style->cluster_label_size * f->px >= f->opt->min_label_px;
  g_autoptr (PangoLayout) layout = text ? pango_layout_new (f->scene->pango) : NULL;
  if (layout)
    {
      PangoFontDescription *font = mg_style_font (f->style, f->style->cluster_label_size, TRUE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      const MgSceneCluster *c = g_ptr_array_index (sorted, i);
      cairo_new_path (cr);
      rounded_rect (cr, c->x, c->y, c->width, c->height, 10);
      set_color (cr, &f->style->cluster_fill, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &f->style->cluster_stroke, 1);
      cairo_set_line_width (cr, device_floor (f, 1.0, 0.6));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
      if (layout && c->label && *c->label)
        {
          pango_layout_set_text (layout, c->label, -1);
          cairo_move_to (cr, c->x + 8, c->y + 5);
          set_color (cr, &f->style->cluster_label_color, 1);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

/* ---- relations ------------------------------------------------------------------ */

/* Clips to the view.  On an image, when the view's edges fall between
 * pixels (an export at a resolution that is not a multiple of 72 dpi),
 * they are moved to the nearest pixel edges, less than half a pixel: the
 * clip is then a set of pixels, which the direct pixel paths can honour
 * (see mg-render-raster.h) — otherwise they would draw into a scratch
 * image as big as the view.  Vector outputs keep the exact edges. */
static void
clip_to_view (cairo_t *cr, const MgViewport *viewport)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 ||
      cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    {
      cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
      cairo_clip (cr);
      return;
    }
  double x0 = 0, y0 = 0, x1 = viewport->width, y1 = viewport->height;
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  cairo_identity_matrix (cr);
  x0 = round (x0);
  y0 = round (y0);
  x1 = round (x1);
  y1 = round (y1);
  cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  cairo_clip (cr);
  cairo_set_matrix (cr, &m);
}

void
mg_render_cairo (MgScene *scene, cairo_t *cr, const MgViewport *viewport,
                 const MgRenderOptions *options)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL && viewport->scale > 0);

  MgRenderOptions defaults;
  if (options == NULL)
    {
      mg_render_options_init (&defaults);
      options = &defaults;
    }

  Frame f = { .scene = scene, .style = scene->style, .cr = cr, .opt = options,
              .lens_on = scene->has_lens_legend && scene->lens_legend.active != 0 };
  double ux = 1, uy = 0;

  cairo_save (cr);
  cairo_user_to_device_distance (cr, &ux, &uy);
  f.px = hypot (ux, uy) * viewport->scale;
  f.label_zoom = mg_scene_label_zoom (viewport->scale);

  clip_to_view (cr, viewport);
  if (options->background)
    {
      cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
      set_color (cr, &scene->style->background, 1);
      cairo_fill (cr);
    }

  cairo_matrix_t to_device;
  cairo_get_matrix (cr, &to_device);
  cairo_save (cr);
  cairo_scale (cr, viewport->scale, viewport->scale);
  cairo_translate (cr, -viewport->x, -viewport->y);
  /* Small maps are drawn by cairo alone, exactly; the direct pixel paths
   * are for big ones, where they make frames fast enough to pan. */
  if (options->level_of_detail &&
      scene->actors->len + scene->relations->len >= MG_FAST_PATH_MIN_ITEMS)
    f.has_raster = mg_raster_begin (&f.raster, cr, &to_device, viewport->x, viewport->y,
                                    viewport->scale, viewport->width, viewport->height);
  mg_viewport_get_visible_rect (viewport, &f.visible);
  {
    /* Only what meets the clip is drawn: a band of a large PNG
     * (mg-export-png.c) costs what it shows, not the whole map. */
    double cx0, cy0, cx1, cy1;
    cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
    double x0 = MAX (cx0, f.visible.x), y0 = MAX (cy0, f.visible.y);
    double x1 = MIN (cx1, f.visible.x + f.visible.width);
    double y1 = MIN (cy1, f.visible.y + f.visible.height);
    f.visible = (MgRect) { x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0) };
  }
  /* A pixel of slack so that strokes on the edge are not cut. */
  double slack = 2.0 / viewport->scale;
  f.visible.x -= slack;
  f.visible.y -= slack;
  f.visible.width += 2 * slack;
  f.visible.height += 2 * slack;

  /* Strokes reach beyond their path by half their width, halos more. */
  f.clip = f.visible;
  double reach = scene->style->relation_max_width + scene->style->ring_width * (MG_N_LESSONS + 1) +
                 scene->style->arrow_size;
  f.clip.x -= reach;
  f.clip.y -= reach;
  f.clip.width += 2 * reach;
  f.clip.height += 2 * reach;

  collect_visible (&f);
  draw_clusters (&f);
  mg_render_draw_relations (&f);
  mg_render_draw_actors (&f);
  mg_render_draw_labels (&f);
  if (f.has_raster)
    mg_raster_end (&f.raster);
  cairo_restore (cr);

  if (options->legend != MG_LEGEND_NONE)
    {
      const MgLegend *legend = mg_scene_get_legend (scene);
      double m = 12;
      double lx = (options->legend == MG_LEGEND_TOP_LEFT || options->legend == MG_LEGEND_BOTTOM_LEFT)
                    ? m : viewport->width - legend->width - m;
      double ly = (options->legend == MG_LEGEND_TOP_LEFT || options->legend == MG_LEGEND_TOP_RIGHT)
                    ? m : viewport->height - legend->height - m;
      mg_render_cairo_legend (scene, cr, lx, ly);
    }

  cairo_restore (cr);
  g_ptr_array_unref (f.actors);
  g_ptr_array_unref (f.relations);
}

void
mg_render_cairo_shape_path (cairo_t *cr, MgShape shape, double cx, double cy,
                            double width, double height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (shape < MG_N_SHAPES);
  mg_shape_outline (shape, cx, cy, width, height, &mg_cairo_sink, cr);
}
