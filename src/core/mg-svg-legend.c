/* mg-svg-legend.c — the legend (lenses, filter note, roles, relation
 * kinds) and the title, in SVG. */
#include "config.h"

#include <math.h>

#include "mg-render-lens.h"
#include "mg-svg-private.h"

/* As draw_lens_swatch() in mg-render-page.c. */
static void
write_lens_swatch (Svg *svg, const MgLegendEntry *e)
{
  const MgStyle *style = svg->style;
  double cx, cy, r, line, hx0, hx1, halo;
  gboolean derived = e->type == MG_LEGEND_LENS_KEY && e->derived;
  MgColor ring, tint, pale, grey;
  g_autoptr (GString) d = g_string_new (NULL);
  g_autoptr (GString) h = g_string_new (NULL);

  mg_lens_legend_colors (style, e, &ring, &tint, &pale, &grey);
  mg_lens_legend_swatch (style, e, MG_LEGEND_SWATCH_COLUMN, &cx, &cy, &r, &line, &hx0, &hx1,
                         &halo);

  mg_svg_start (svg, "circle");
  mg_svg_attr_num (svg, "cx", cx);
  mg_svg_attr_num (svg, "cy", cy);
  mg_svg_attr_num (svg, "r", MAX (r - line / 2 - 1.6, 1.0));
  mg_svg_attr_color (svg, "fill", &grey);
  mg_svg_end (svg);
  mg_svg_ring_path (d, cx, cy, r, r, -G_PI / 2, 3 * G_PI / 2);
  mg_svg_path_element (svg, "ring", d->str);
  mg_svg_stroke_attrs (svg, &ring, line, MG_LINE_SOLID);
  if (derived)
    {
      double period = 2 * G_PI * r / 4;
      double dashes[2] = { period * 0.6, period * 0.4 };
      mg_svg_dash_attr (svg, dashes, 2);
    }
  mg_svg_end (svg);

  mg_svg_d_move_to (h, hx0, cy);
  mg_svg_d_line_to (h, hx1, cy);
  mg_svg_path_element (svg, "halo", h->str);
  mg_svg_stroke_attrs (svg, derived ? &pale : &tint, halo, MG_LINE_SOLID);
  mg_svg_end (svg);
  if (derived)
    {
      double dashes[2] = { (hx1 - hx0) * 0.38, (hx1 - hx0) * 0.24 };
      mg_svg_path_element (svg, "halo-dashes", h->str);
      mg_svg_stroke_attrs (svg, &tint, halo, MG_LINE_SOLID);
      mg_svg_dash_attr (svg, dashes, 2);
      mg_svg_end (svg);
    }
  mg_svg_path_element (svg, "line", h->str);
  mg_svg_stroke_attrs (svg, &grey, 1.2, MG_LINE_SOLID);
  mg_svg_end (svg);
}

void
mg_svg_write_legend (Svg *svg)
{
  const MgLegend *legend = mg_scene_get_legend (svg->scene);
  const MgStyle *style = svg->style;
  char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE];

  if (!svg->page->legend || legend->entries->len == 0)
    return;

  mg_svg_fmt_num (tx, sizeof tx, svg->page->legend_x);
  mg_svg_fmt_num (ty, sizeof ty, svg->page->legend_y);
  g_autofree char *transform = NULL;

  if (svg->page->legend_scale > 0 && svg->page->legend_scale != 1.0)
    {
      char ts[G_ASCII_DTOSTR_BUF_SIZE];

      mg_svg_fmt_num (ts, sizeof ts, svg->page->legend_scale);
      transform = g_strdup_printf ("translate(%s %s) scale(%s)", tx, ty, ts);
    }
  else
    transform = g_strdup_printf ("translate(%s %s)", tx, ty);

  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "id", "legend");
  mg_svg_attr (svg, "class", "legend");
  mg_svg_attr (svg, "transform", transform);
  mg_svg_start (svg, "rect");
  mg_svg_attr (svg, "x", "0.5");
  mg_svg_attr (svg, "y", "0.5");
  mg_svg_attr_num (svg, "width", legend->width - 1);
  mg_svg_attr_num (svg, "height", legend->height - 1);
  mg_svg_attr (svg, "rx", "6");
  mg_svg_attr_color (svg, "fill", &style->legend_background);
  mg_svg_attr_color (svg, "stroke", &style->legend_border);
  mg_svg_attr (svg, "stroke-width", "0.8");
  mg_svg_end (svg);

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      char *lines[2] = { e->text, NULL };
      gboolean group = e->type == MG_LEGEND_ROLE || e->type == MG_LEGEND_KIND ||
                       e->type == MG_LEGEND_LENS || e->type == MG_LEGEND_LENS_KEY ||
                       e->type == MG_LEGEND_NOTE;

      if (group)
        {
          g_autofree char *cls = e->type == MG_LEGEND_ROLE ? mg_svg_class_name ("legend-role role-", e->id)
                                 : e->type == MG_LEGEND_KIND ? mg_svg_class_name ("legend-kind kind-", e->id)
                                 : e->type == MG_LEGEND_LENS ? mg_svg_class_name ("legend-lens lens-", e->id)
                                 : e->type == MG_LEGEND_LENS_KEY
                                   ? g_strdup (e->derived ? "legend-key derived" : "legend-key tagged")
                                   : g_strdup ("legend-note");
          mg_svg_start (svg, "g");
          mg_svg_attr (svg, "class", cls);
        }
      if (e->type == MG_LEGEND_ROLE)
        {
          g_autoptr (GString) d = g_string_new (NULL);
          mg_shape_outline (e->shape, e->swatch_x, e->swatch_y, e->swatch_w, e->swatch_h, &mg_svg_sink, d);
          mg_svg_path_element (svg, NULL, d->str);
          mg_svg_attr_color (svg, "fill", &e->fill);
          mg_svg_attr_color (svg, "stroke", &e->stroke);
          mg_svg_attr (svg, "stroke-width", "0.9");
          mg_svg_end (svg);
        }
      else if (e->type == MG_LEGEND_KIND)
        {
          g_autoptr (GString) d = g_string_new (NULL);
          double x0 = e->swatch_x - e->swatch_w / 2, x1 = e->swatch_x + e->swatch_w / 2;
          double alen = e->directed ? 7.0 : 0;
          mg_svg_d_move_to (d, x0, e->swatch_y);
          mg_svg_d_line_to (d, x1 - alen * 0.7, e->swatch_y);
          mg_svg_path_element (svg, NULL, d->str);
          mg_svg_stroke_attrs (svg, &e->stroke, style->relation_width * 1.2, e->line);
          mg_svg_end (svg);
          if (e->directed)
            {
              g_autoptr (GString) a = g_string_new (NULL);
              mg_svg_d_move_to (a, x1, e->swatch_y);
              mg_svg_d_line_to (a, x1 - alen, e->swatch_y - alen * 0.42);
              mg_svg_d_line_to (a, x1 - alen, e->swatch_y + alen * 0.42);
              mg_svg_d_close (a);
              mg_svg_path_element (svg, NULL, a->str);
              mg_svg_attr_color (svg, "fill", &e->stroke);
              mg_svg_end (svg);
            }
        }
      else if (e->type == MG_LEGEND_LENS || e->type == MG_LEGEND_LENS_KEY)
        write_lens_swatch (svg, e);
      double size = e->type == MG_LEGEND_HEADING ? legend->font_size * 1.2 : legend->font_size;
      mg_svg_text_lines (svg, e->lines ? e->lines : lines, e->lines ? e->baselines : &e->baseline, e->x,
                  e->y, size,
                  e->type == MG_LEGEND_HEADING || e->type == MG_LEGEND_SECTION ||
                    e->type == MG_LEGEND_LENS,
                  e->type == MG_LEGEND_HEADING ? &style->legend_heading : &style->legend_text,
                  "start");
      if (e->detail != NULL)
        {
          char *detail[2] = { e->detail, NULL };
          mg_svg_text_lines (svg, detail, &e->detail_baseline, e->x, e->detail_y, legend->font_size,
                      FALSE, &style->legend_text, "start");
        }
      if (group)
        mg_svg_end (svg);
    }
  mg_svg_end (svg);
}

void
mg_svg_write_title (Svg *svg)
{
  const MgPage *page = svg->page;

  if (page->title_lines == NULL)
    return;
  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "id", "title");
  mg_svg_attr (svg, "class", "title");
  mg_svg_text_lines (svg, page->title_lines, page->title_baselines, page->title_x, page->title_y,
              page->title_size, TRUE, &svg->style->title_color, "middle");
  mg_svg_end (svg);
}
