/* mg-render-page.c — the legend, the title and the page around the map. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mg-render-private.h"

/* A lens sample: a ring around a grey actor, and a halo around a grey
 * line.  Lens entries show it in the lesson's colours; the key in greys,
 * solid (tagged) or dashed (derived), as the map draws them. */
static void
draw_lens_swatch (cairo_t *cr, const MgStyle *style, const MgLegendEntry *e)
{
  double cx, cy, r, line, hx0, hx1, halo;
  gboolean derived = e->type == MG_LEGEND_LENS_KEY && e->derived;
  MgColor ring, tint, pale, grey;

  mg_lens_legend_colors (style, e, &ring, &tint, &pale, &grey);
  mg_lens_legend_swatch (style, e, MG_LEGEND_SWATCH_COLUMN, &cx, &cy, &r, &line, &hx0, &hx1,
                         &halo);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, MAX (r - line / 2 - 1.6, 1.0), 0, 2 * G_PI);
  set_color (cr, &grey, 1);
  cairo_fill (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, -G_PI / 2, 3 * G_PI / 2);
  set_color (cr, &ring, 1);
  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (derived)
    {
      /* Four dashes: the sample ring is small. */
      double period = 2 * G_PI * r / 4;
      double dashes[2] = { period * 0.6, period * 0.4 };
      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);

  cairo_move_to (cr, hx0, cy);
  cairo_line_to (cr, hx1, cy);
  cairo_set_line_width (cr, halo);
  if (derived)
    {
      double dashes[2] = { (hx1 - hx0) * 0.38, (hx1 - hx0) * 0.24 };
      set_color (cr, &pale, 1);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, dashes, 2, 0);
    }
  set_color (cr, &tint, 1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, hx0, cy);
  cairo_line_to (cr, hx1, cy);
  set_color (cr, &grey, 1);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

void
mg_render_cairo_legend (MgScene *scene, cairo_t *cr, double x, double y)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (cr != NULL);

  const MgLegend *legend = mg_scene_get_legend (scene);
  const MgStyle *style = scene->style;

  if (legend->entries->len == 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);

  cairo_new_path (cr);
  rounded_rect (cr, 0.5, 0.5, legend->width - 1, legend->height - 1, 6);
  set_color (cr, &style->legend_background, 1);
  cairo_fill_preserve (cr);
  set_color (cr, &style->legend_border, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  g_autoptr (PangoLayout) layout = pango_layout_new (scene->pango);
  PangoFontDescription *fonts[3] = {
    mg_style_font (style, legend->font_size * 1.2, TRUE),
    mg_style_font (style, legend->font_size, TRUE),
    mg_style_font (style, legend->font_size, FALSE),
  };

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);

      switch (e->type)
        {
        case MG_LEGEND_ROLE:
          cairo_new_path (cr);
          mg_shape_outline (e->shape, e->swatch_x, e->swatch_y, e->swatch_w, e->swatch_h,
                            &mg_cairo_sink, cr);
          set_color (cr, &e->fill, 1);
          cairo_fill_preserve (cr);
          set_color (cr, &e->stroke, 1);
          cairo_set_line_width (cr, 0.9);
          cairo_stroke (cr);
          break;
        case MG_LEGEND_KIND:
          {
            double dashes[4];
            double w = style->relation_width * 1.2;
            guint nd = mg_style_get_dashes (e->line, w, dashes);
            double x0 = e->swatch_x - e->swatch_w / 2, x1 = e->swatch_x + e->swatch_w / 2;
            double alen = e->directed ? 7.0 : 0;
            cairo_new_path (cr);
            cairo_move_to (cr, x0, e->swatch_y);
            cairo_line_to (cr, x1 - alen * 0.7, e->swatch_y);
            set_color (cr, &e->stroke, 1);
            cairo_set_line_width (cr, w);
            cairo_set_dash (cr, nd ? dashes : NULL, (int) nd, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
            if (e->directed)
              {
                cairo_move_to (cr, x1, e->swatch_y);
                cairo_line_to (cr, x1 - alen, e->swatch_y - alen * 0.42);
                cairo_line_to (cr, x1 - alen, e->swatch_y + alen * 0.42);
                cairo_close_path (cr);
                cairo_fill (cr);
              }
          }
          break;
        case MG_LEGEND_LENS:
        case MG_LEGEND_LENS_KEY:
          draw_lens_swatch (cr, style, e);
          break;
        case MG_LEGEND_HEADING:
        case MG_LEGEND_SECTION:
        case MG_LEGEND_NOTE:
        default:
          break;
        }

      pango_layout_set_font_description (layout, fonts[e->type == MG_LEGEND_HEADING ? 0
                                                       : (e->type == MG_LEGEND_SECTION ||
                                                          e->type == MG_LEGEND_LENS) ? 1
                                                                                     : 2]);
      set_color (cr, e->type == MG_LEGEND_HEADING ? &style->legend_heading : &style->legend_text, 1);
      /* Each line set on its baseline, as the SVG writer does. */
      for (guint k = 0; e->lines && e->lines[k]; k++)
        {
          pango_layout_set_text (layout, e->lines[k], -1);
          cairo_move_to (cr, e->x,
                         e->y + e->baselines[k] - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
          pango_cairo_show_layout (cr, layout);
        }
      if (e->detail != NULL)
        {
          pango_layout_set_font_description (layout, fonts[2]);
          pango_layout_set_text (layout, e->detail, -1);
          cairo_move_to (cr, e->x, e->detail_y);
          pango_cairo_show_layout (cr, layout);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    pango_font_description_free (fonts[i]);
  cairo_restore (cr);
}

/* ---- pages ---------------------------------------------------------------------- */

void
mg_page_clear (MgPage *page)
{
  g_return_if_fail (page != NULL);
  g_clear_pointer (&page->title_lines, g_strfreev);
  g_clear_pointer (&page->title_baselines, g_free);
}

void
mg_page_compute (MgPage *page, MgScene *scene, const MgRect *region, double scale,
                 double margin, const char *title, gboolean legend, gboolean transparent)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (MG_IS_SCENE (scene));

  const MgStyle *style = scene->style;
  double legend_w = 0, legend_h = 0, gap = MAX (margin, 16.0);
  double title_w = 0, title_h = 0;

  memset (page, 0, sizeof *page);
  page->scale = scale > 0 ? scale : 1.0;
  page->transparent = transparent;
  margin = MAX (margin, 0);

  if (region != NULL)
    page->region = *region;
  else
    mg_scene_get_bounds (scene, &page->region);
  if (mg_rect_is_empty (&page->region))
    page->region = (MgRect) { 0, 0, 0, 0 };

  double map_w = page->region.width * page->scale, map_h = page->region.height * page->scale;

  if (legend)
    {
      const MgLegend *l = mg_scene_get_legend (scene);
      if (l->entries->len > 0)
        {
          page->legend = TRUE;
          legend_w = l->width;
          legend_h = l->height;
        }
    }
  double content_w = map_w + (page->legend ? (map_w > 0 ? gap : 0) + legend_w : 0);

  if (title != NULL && *title != '\0')
    {
      PangoFontDescription *font = mg_style_font (style, style->title_size, TRUE);
      page->title_size = style->title_size;
      page->title_lines = mg_scene_wrap_text (scene, font, title, MAX (content_w, 320.0), 0,
                                              &title_w, &title_h, &page->title_baselines);
      pango_font_description_free (font);
      if (page->title_lines[0] == NULL)
        mg_page_clear (page);
    }

  double inner_w = MAX (content_w, title_w);
  page->width = ceil (inner_w + 2 * margin);
  page->title_x = page->width / 2;
  page->title_y = margin;
  page->map_y = margin + (page->title_lines ? title_h + style->title_size * 0.8 : 0);
  page->map_x = margin + (inner_w - content_w) / 2;
  page->legend_x = page->map_x + content_w - legend_w;
  page->legend_y = page->map_y;
  page->height = ceil (page->map_y + MAX (map_h, legend_h) + margin);
  page->width = MAX (page->width, 1);
  page->height = MAX (page->height, 1);
  page->legend_scale = 1.0;
}

void
mg_page_compute_fixed (MgPage *page, MgScene *scene, const MgRect *region, double width,
                       double height, double margin, const char *title, gboolean legend,
                       gboolean transparent)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (width > 0 && height > 0);

  const MgStyle *style = scene->style;
  double legend_w = 0, legend_h = 0, title_w = 0, title_h = 0;
  double gap, top, avail_w, avail_h, box_w, box_h;

  memset (page, 0, sizeof *page);
  page->width = width;
  page->height = height;
  page->transparent = transparent;
  page->legend_scale = 1.0;
  margin = CLAMP (margin, 0, MIN (width, height) / 4);
  gap = MAX (margin / 2, 12.0);

  if (region != NULL)
    page->region = *region;
  else
    mg_scene_get_bounds (scene, &page->region);
  if (mg_rect_is_empty (&page->region))
    page->region = (MgRect) { 0, 0, 0, 0 };

  if (title != NULL && *title != '\0')
    {
      /* Readable on a slide seen from afar, not shouting on paper. */
      double size = CLAMP (height * 0.045, style->title_size, 36.0);
      PangoFontDescription *font = mg_style_font (style, size, TRUE);

      page->title_size = size;
      page->title_lines = mg_scene_wrap_text (scene, font, title, width - 2 * margin, 0,
                                              &title_w, &title_h, &page->title_baselines);
      pango_font_description_free (font);
      if (page->title_lines != NULL && page->title_lines[0] == NULL)
        g_clear_pointer (&page->title_lines, g_strfreev);
    }
  page->title_x = width / 2;
  page->title_y = margin;
  top = margin + (page->title_lines != NULL ? title_h + gap : 0);
  avail_w = MAX (width - 2 * margin, 1);
  avail_h = MAX (height - top - margin, 1);

  if (legend)
    {
      const MgLegend *l = mg_scene_get_legend (scene);

      if (l->entries->len > 0)
        {
          page->legend = TRUE;
          /* Smaller rather than off the page, and never more than a third
           * of its width. */
          page->legend_scale = MIN (1.0, MIN (avail_h / l->height, avail_w / 3 / l->width));
          legend_w = l->width * page->legend_scale;
          legend_h = l->height * page->legend_scale;
        }
    }
  box_w = MAX (avail_w - (page->legend ? legend_w + gap : 0), 1);
  box_h = avail_h;
  page->legend_x = width - margin - legend_w;
  page->legend_y = top;
  page->map_x = margin;
  page->map_y = top;

  if (page->region.width > 0 || page->region.height > 0)
    {
      double rw = MAX (page->region.width, 1), rh = MAX (page->region.height, 1);

      page->scale = MIN (box_w / rw, box_h / rh);
      /* The region widened to the whole box, the map centred in it. */
      page->region.x -= (box_w / page->scale - page->region.width) / 2;
      page->region.y -= (box_h / page->scale - page->region.height) / 2;
      page->region.width = box_w / page->scale;
      page->region.height = box_h / page->scale;
    }
  else
    page->scale = 1.0;
  (void) legend_h;
}

void
mg_render_cairo_page (MgScene *scene, cairo_t *cr, const MgPage *page, gboolean level_of_detail)
{
  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (cr != NULL && page != NULL);

  const MgStyle *style = scene->style;

  cairo_save (cr);
  if (!page->transparent)
    {
      cairo_rectangle (cr, 0, 0, page->width, page->height);
      set_color (cr, &style->background, 1);
      cairo_fill (cr);
    }

  if (page->title_lines != NULL)
    {
      g_autoptr (PangoLayout) layout = pango_layout_new (scene->pango);
      PangoFontDescription *font = mg_style_font (style, page->title_size, TRUE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      set_color (cr, &style->title_color, 1);
      for (guint i = 0; page->title_lines[i] != NULL; i++)
        {
          PangoRectangle logical;
          pango_layout_set_text (layout, page->title_lines[i], -1);
          pango_layout_get_extents (layout, NULL, &logical);
          double w = logical.width / (double) PANGO_SCALE;
          double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
          cairo_move_to (cr, page->title_x - w / 2,
                         page->title_y + page->title_baselines[i] - baseline);
          pango_cairo_show_layout (cr, layout);
        }
    }

  if (page->region.width > 0 && page->region.height > 0)
    {
      MgViewport vp = { page->region.x, page->region.y, page->scale,
                        page->region.width * page->scale, page->region.height * page->scale };
      MgRenderOptions options;
      mg_render_options_init (&options);
      options.background = FALSE;
      options.level_of_detail = level_of_detail;
      cairo_save (cr);
      cairo_translate (cr, page->map_x, page->map_y);
      mg_render_cairo (scene, cr, &vp, &options);
      cairo_restore (cr);
    }

  if (page->legend && page->legend_scale > 0 && page->legend_scale != 1.0)
    {
      cairo_save (cr);
      cairo_translate (cr, page->legend_x, page->legend_y);
      cairo_scale (cr, page->legend_scale, page->legend_scale);
      mg_render_cairo_legend (scene, cr, 0, 0);
      cairo_restore (cr);
    }
  else if (page->legend)
    mg_render_cairo_legend (scene, cr, page->legend_x, page->legend_y);
  cairo_restore (cr);
}
