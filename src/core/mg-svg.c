/* mg-svg.c — writing a scene as SVG that stays editable. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

#include "mg-scene-private.h"
#include "mg-svg.h"

#define SVG_NS "http://www.w3.org/2000/svg"

typedef struct {
  MgScene         *scene;
  const MgStyle   *style;
  const MgPage    *page;
  xmlTextWriterPtr w;
  GHashTable      *ids;   /* ids already used */
  char            *font_family;
  gboolean         failed;
} Svg;

/* ---- small helpers ---------------------------------------------------------- */

/* Shortest fixed notation with 2 decimals, C locale: "12.5", "-3", "0.25". */
static void
fmt_num (char *buf, gsize size, double v)
{
  if (!isfinite (v))
    v = 0;
  if (fabs (v) < 0.005)
    v = 0;
  g_ascii_formatd (buf, (int) size, "%.2f", v);
  char *dot = strchr (buf, '.');
  if (dot != NULL)
    {
      char *end = buf + strlen (buf) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
}

static void
check (Svg *svg, int rc)
{
  if (rc < 0)
    svg->failed = TRUE;
}

static void
start (Svg *svg, const char *name)
{
  check (svg, xmlTextWriterStartElement (svg->w, BAD_CAST name));
}

static void
end (Svg *svg)
{
  check (svg, xmlTextWriterEndElement (svg->w));
}

static void
attr (Svg *svg, const char *name, const char *value)
{
  check (svg, xmlTextWriterWriteAttribute (svg->w, BAD_CAST name, BAD_CAST value));
}

static void
attr_num (Svg *svg, const char *name, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  fmt_num (buf, sizeof buf, v);
  attr (svg, name, buf);
}

static void
attr_color (Svg *svg, const char *name, const MgColor *c)
{
  g_autofree char *hex = mg_color_to_hex (c);
  attr (svg, name, hex);
  if (c->alpha < 0.999)
    {
      g_autofree char *op = g_strconcat (name, "-opacity", NULL);
      attr_num (svg, op, c->alpha);
    }
}

static void
text_element (Svg *svg, const char *name, const char *content)
{
  check (svg, xmlTextWriterWriteElement (svg->w, BAD_CAST name, BAD_CAST content));
}

/* ---- ids ---------------------------------------------------------------------- */

char *
mg_svg_make_id (const char *prefix, const char *text)
{
  g_return_val_if_fail (prefix != NULL, NULL);

  GString *id = g_string_new (prefix);

  if (id->len == 0 || !g_ascii_isalpha (id->str[0]))
    g_string_prepend_c (id, 'x');
  for (const guchar *p = (const guchar *) (text ? text : ""); *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_')
        g_string_append_c (id, (char) *p);
      else
        g_string_append_printf (id, "_%02x", *p);
    }
  return g_string_free (id, FALSE);
}

static char *
unique_id (Svg *svg, const char *prefix, const char *text)
{
  char *id = mg_svg_make_id (prefix, text);

  if (g_hash_table_contains (svg->ids, id))
    {
      for (guint n = 2;; n++)
        {
          char *again = g_strdup_printf ("%s-%u", id, n);
          if (!g_hash_table_contains (svg->ids, again))
            {
              g_free (id);
              id = again;
              break;
            }
          g_free (again);
        }
    }
  g_hash_table_add (svg->ids, g_strdup (id));
  return id;
}

/* A CSS class name: the same escaping, no uniqueness. */
static char *
class_name (const char *prefix, const char *id)
{
  return mg_svg_make_id (prefix, id ? id : "none");
}

/* ---- paths ---------------------------------------------------------------------- */

static void
d_num (GString *d, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  fmt_num (buf, sizeof buf, v);
  g_string_append (d, buf);
}

static void
d_move_to (gpointer data, double x, double y)
{
  GString *d = data;
  g_string_append (d, d->len ? " M" : "M");
  d_num (d, x);
  g_string_append_c (d, ' ');
  d_num (d, y);
}

static void
d_line_to (gpointer data, double x, double y)
{
  GString *d = data;
  g_string_append (d, " L");
  d_num (d, x);
  g_string_append_c (d, ' ');
  d_num (d, y);
}

static void
d_curve_to (gpointer data, double x1, double y1, double x2, double y2, double x3, double y3)
{
  GString *d = data;
  double v[6] = { x1, y1, x2, y2, x3, y3 };

  g_string_append (d, " C");
  for (int i = 0; i < 6; i++)
    {
      if (i)
        g_string_append_c (d, ' ');
      d_num (d, v[i]);
    }
}

static void
d_close (gpointer data)
{
  g_string_append (data, " Z");
}

static const MgPathSink svg_sink = { d_move_to, d_line_to, d_curve_to, d_close };

static void
path_element (Svg *svg, const char *cls, const char *d)
{
  start (svg, "path");
  if (cls)
    attr (svg, "class", cls);
  attr (svg, "d", d);
}

static void
stroke_attrs (Svg *svg, const MgColor *color, double width, MgLineStyle line)
{
  double dashes[4];
  guint n = mg_style_get_dashes (line, width, dashes);

  attr (svg, "fill", "none");
  attr_color (svg, "stroke", color);
  attr_num (svg, "stroke-width", width);
  if (n > 0)
    {
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        {
          if (i)
            g_string_append_c (s, ' ');
          d_num (s, dashes[i]);
        }
      attr (svg, "stroke-dasharray", s->str);
      g_string_free (s, TRUE);
    }
}

/* <text> with one <tspan> per line; indentation off inside, since white
 * space between tspans would be drawn. */
static void
text_lines (Svg *svg, char **lines, const double *baselines, double cx, double top,
            double size, gboolean bold, const MgColor *color, const char *anchor)
{
  start (svg, "text");
  attr (svg, "font-family", svg->font_family);
  attr_num (svg, "font-size", size);
  if (bold)
    attr (svg, "font-weight", "bold");
  attr_color (svg, "fill", color);
  attr (svg, "text-anchor", anchor);
  check (svg, xmlTextWriterSetIndent (svg->w, 0));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      start (svg, "tspan");
      attr_num (svg, "x", cx);
      attr_num (svg, "y", top + baselines[i]);
      check (svg, xmlTextWriterWriteString (svg->w, BAD_CAST lines[i]));
      end (svg);
    }
  end (svg);
  /* Back to indenting: end the line ourselves, the writer will not. */
  check (svg, xmlTextWriterWriteRaw (svg->w, BAD_CAST "\n"));
  check (svg, xmlTextWriterSetIndent (svg->w, 1));
}

static double
baseline_of (MgScene *scene, const PangoFontDescription *font, const char *text)
{
  pango_layout_set_font_description (scene->measure, font);
  pango_layout_set_width (scene->measure, -1);
  pango_layout_set_text (scene->measure, text, -1);
  return pango_layout_get_baseline (scene->measure) / (double) PANGO_SCALE;
}

/* ---- the map --------------------------------------------------------------------- */

static void
write_clusters (Svg *svg)
{
  guint n;
  const MgSceneCluster *clusters = mg_scene_get_clusters (svg->scene, &n);
  PangoFontDescription *font = mg_style_font (svg->style, svg->style->cluster_label_size, TRUE);

  if (n == 0)
    goto out;
  start (svg, "g");
  attr (svg, "id", "clusters");
  for (guint depth = 0, done = 0; done < n && depth < 64; depth++)
    for (guint i = 0; i < n; i++)
      {
        const MgSceneCluster *c = &clusters[i];
        if (c->depth != depth)
          continue;
        done++;
        g_autofree char *id = unique_id (svg, "cluster-", c->path ? c->path : c->label);
        g_autofree char *cls = g_strdup_printf ("cluster depth-%u", c->depth);
        start (svg, "g");
        attr (svg, "id", id);
        attr (svg, "class", cls);
        text_element (svg, "title", c->path ? c->path : (c->label ? c->label : ""));
        start (svg, "rect");
        attr_num (svg, "x", c->x);
        attr_num (svg, "y", c->y);
        attr_num (svg, "width", c->width);
        attr_num (svg, "height", c->height);
        attr (svg, "rx", "10");
        attr_color (svg, "fill", &svg->style->cluster_fill);
        attr_color (svg, "stroke", &svg->style->cluster_stroke);
        attr (svg, "stroke-width", "1");
        end (svg);
        if (c->label && *c->label)
          {
            char *lines[2] = { c->label, NULL };
            double base = baseline_of (svg->scene, font, c->label);
            text_lines (svg, lines, &base, c->x + 8, c->y + 5, svg->style->cluster_label_size,
                        TRUE, &svg->style->cluster_label_color, "start");
          }
        end (svg);
      }
  end (svg);
out:
  pango_font_description_free (font);
}

static void
write_relation (Svg *svg, const MgSceneRelation *sr)
{
  g_autofree char *id = g_strdup_printf ("relation-%u", sr->relation->index);
  g_autofree char *kind_class = class_name ("kind-", sr->kind ? sr->kind->id : NULL);
  g_autofree char *cls = g_strconcat ("relation ", kind_class, NULL);
  g_autofree char *title = mg_scene_describe_item (svg->scene, &sr->item);
  g_autoptr (GString) d = g_string_new (NULL);

  if (g_hash_table_contains (svg->ids, id))
    {
      g_free (id);
      id = unique_id (svg, "relation-", NULL);
    }
  else
    g_hash_table_add (svg->ids, g_strdup (id));

  d_move_to (d, sr->points[0], sr->points[1]);
  for (guint i = 1; i + 2 < sr->n_points; i += 3)
    d_curve_to (d, sr->points[2 * i], sr->points[2 * i + 1], sr->points[2 * i + 2],
                sr->points[2 * i + 3], sr->points[2 * i + 4], sr->points[2 * i + 5]);

  start (svg, "g");
  attr (svg, "id", id);
  attr (svg, "class", cls);
  if (sr->item.visibility == MG_ITEM_FADED)
    attr_num (svg, "opacity", svg->style->fade_opacity);
  text_element (svg, "title", title);

  if (sr->item.highlight)
    {
      MgColor c = svg->style->highlight_color;
      c.alpha = 0.55;
      path_element (svg, "highlight", d->str);
      stroke_attrs (svg, &c, sr->width + 5, MG_LINE_SOLID);
      end (svg);
    }
  for (guint k = sr->n_marks; k-- > 0;)
    {
      MgColor c = mg_color_from_rgb (mg_lesson_info (sr->marks[k].lesson)->color, 0.45);
      g_autofree char *mc = g_strdup_printf ("lesson lesson-%s%s", mg_lesson_info (sr->marks[k].lesson)->id,
                                             sr->marks[k].derived ? " derived" : "");
      path_element (svg, mc, d->str);
      stroke_attrs (svg, &c, sr->width + svg->style->ring_width * (k + 1),
                    sr->marks[k].derived ? MG_LINE_DASHED : MG_LINE_SOLID);
      end (svg);
    }

  path_element (svg, "line", d->str);
  stroke_attrs (svg, &sr->color, sr->width, sr->line);
  end (svg);

  if (sr->has_arrow)
    {
      g_autoptr (GString) a = g_string_new (NULL);
      d_move_to (a, sr->arrow[0], sr->arrow[1]);
      d_line_to (a, sr->arrow[2], sr->arrow[3]);
      d_line_to (a, sr->arrow[4], sr->arrow[5]);
      d_close (a);
      path_element (svg, "arrowhead", a->str);
      attr_color (svg, "fill", &sr->color);
      end (svg);
    }
  end (svg);
}

static void
ring_arc (GString *d, double cx, double cy, double rx, double ry, double a0, double a1)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE * 2];

  d_move_to (d, cx + rx * cos (a0), cy + ry * sin (a0));
  g_string_append (d, " A");
  d_num (d, rx);
  g_string_append_c (d, ' ');
  d_num (d, ry);
  g_snprintf (buf, sizeof buf, " 0 %d 1 ", (a1 - a0) > G_PI ? 1 : 0);
  g_string_append (d, buf);
  d_num (d, cx + rx * cos (a1));
  g_string_append_c (d, ' ');
  d_num (d, cy + ry * sin (a1));
}

static void
write_rings (Svg *svg, const MgSceneActor *sa)
{
  double rw = svg->style->ring_width, rx, ry;
  double step = 2 * G_PI / sa->n_marks, sep = sa->n_marks > 1 ? 0.08 : 0;

  mg_scene_actor_ring (sa, svg->style, &rx, &ry);
  for (guint k = 0; k < sa->n_marks; k++)
    {
      const MgLessonMark *m = &sa->marks[k];
      MgColor c = mg_color_from_rgb (mg_lesson_info (m->lesson)->color, 1.0);
      double a0 = -G_PI / 2 + k * step + sep / 2, a1 = a0 + step - sep;
      g_autoptr (GString) d = g_string_new (NULL);
      g_autofree char *cls = g_strdup_printf ("lesson lesson-%s%s", mg_lesson_info (m->lesson)->id,
                                              m->derived ? " derived" : "");
      if (a1 - a0 > G_PI * 1.5)
        {
          /* A whole ring: two half arcs (an arc cannot end where it starts). */
          ring_arc (d, sa->x, sa->y, rx, ry, a0, a0 + G_PI);
          ring_arc (d, sa->x, sa->y, rx, ry, a0 + G_PI, a1);
        }
      else
        ring_arc (d, sa->x, sa->y, rx, ry, a0, a1);
      path_element (svg, cls, d->str);
      stroke_attrs (svg, &c, rw, m->derived ? MG_LINE_DOTTED : MG_LINE_SOLID);
      end (svg);
    }
}

static void
write_actor (Svg *svg, const MgSceneActor *sa)
{
  const MgStyle *style = svg->style;
  g_autofree char *id = unique_id (svg, "actor-", sa->actor->id);
  g_autofree char *role_class = class_name ("role-", sa->role ? sa->role->id : NULL);
  g_autofree char *cls = g_strconcat ("actor ", role_class, NULL);
  g_autofree char *title = mg_scene_describe_item (svg->scene, &sa->item);
  g_autoptr (GString) d = g_string_new (NULL);

  mg_shape_outline (sa->shape, sa->x, sa->y, sa->width, sa->height, &svg_sink, d);

  start (svg, "g");
  attr (svg, "id", id);
  attr (svg, "class", cls);
  if (sa->item.visibility == MG_ITEM_FADED)
    attr_num (svg, "opacity", style->fade_opacity);
  text_element (svg, "title", title);

  if (sa->item.highlight)
    {
      MgColor c = style->highlight_color;
      c.alpha = 0.7;
      path_element (svg, "highlight", d->str);
      stroke_attrs (svg, &c, 7, MG_LINE_SOLID);
      end (svg);
    }
  path_element (svg, "shape", d->str);
  attr_color (svg, "fill", &sa->fill);
  attr_color (svg, "stroke", &sa->stroke);
  attr_num (svg, "stroke-width", style->actor_stroke_width);
  end (svg);
  if (sa->n_marks > 0)
    write_rings (svg, sa);

  if (sa->label_in_index && sa->n_label_lines > 0)
    {
      const MgRect *r = &sa->label_rect;
      MgColor text = style->label_color;
      if (sa->placement == MG_LABEL_INSIDE)
        {
          if (mg_color_luminance (&sa->fill) < 0.35)
            text = mg_color_from_rgb (0xffffff, 1.0);
        }
      else
        {
          start (svg, "rect");
          attr (svg, "class", "label-background");
          attr_num (svg, "x", r->x);
          attr_num (svg, "y", r->y);
          attr_num (svg, "width", r->width);
          attr_num (svg, "height", r->height);
          attr (svg, "rx", "2.5");
          attr_color (svg, "fill", &style->label_background);
          end (svg);
        }
      text_lines (svg, sa->label_lines, sa->baselines, r->x + r->width / 2,
                  r->y + style->label_padding, style->label_size, FALSE, &text, "middle");
    }
  end (svg);
}

static gboolean
region_covers_scene (Svg *svg)
{
  MgRect b;
  const MgRect *r = &svg->page->region;

  mg_scene_get_bounds (svg->scene, &b);
  return mg_rect_is_empty (&b) ||
         (r->x <= b.x + 0.01 && r->y <= b.y + 0.01 && r->x + r->width >= b.x + b.width - 0.01 &&
          r->y + r->height >= b.y + b.height - 0.01);
}

static void
write_map (Svg *svg)
{
  const MgPage *page = svg->page;
  const MgRect *r = &page->region;
  char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE], s[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean clip = !region_covers_scene (svg);

  if (r->width <= 0 || r->height <= 0)
    return;

  if (clip)
    {
      start (svg, "clipPath");
      attr (svg, "id", "map-clip");
      start (svg, "rect");
      attr_num (svg, "x", r->x);
      attr_num (svg, "y", r->y);
      attr_num (svg, "width", r->width);
      attr_num (svg, "height", r->height);
      end (svg);
      end (svg);
    }

  fmt_num (tx, sizeof tx, page->map_x - r->x * page->scale);
  fmt_num (ty, sizeof ty, page->map_y - r->y * page->scale);
  g_ascii_formatd (s, sizeof s, "%.6g", page->scale);
  g_autofree char *transform = g_strdup_printf ("translate(%s %s) scale(%s)", tx, ty, s);

  start (svg, "g");
  attr (svg, "id", "map");
  attr (svg, "transform", transform);
  if (clip)
    attr (svg, "clip-path", "url(#map-clip)");

  write_clusters (svg);

  GPtrArray *relations = mg_scene_get_relations (svg->scene);
  start (svg, "g");
  attr (svg, "id", "relations");
  attr (svg, "stroke-linejoin", "round");
  for (guint i = 0; i < relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (relations, i);
      if (sr->placed && sr->n_points > 0 && sr->item.visibility != MG_ITEM_HIDDEN &&
          (!clip || mg_rect_intersects (&sr->item.bounds, r)))
        write_relation (svg, sr);
    }
  end (svg);

  GPtrArray *actors = mg_scene_get_actors (svg->scene);
  start (svg, "g");
  attr (svg, "id", "actors");
  attr (svg, "stroke-linejoin", "round");
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < actors->len; i++)
      {
        MgSceneActor *sa = g_ptr_array_index (actors, i);
        if (!sa->placed || sa->item.visibility == MG_ITEM_HIDDEN || sa->item.highlight != (pass == 1))
          continue;
        if (clip && !mg_rect_intersects (&sa->item.bounds, r) &&
            !(sa->label_in_index && mg_rect_intersects (&sa->label_rect, r)))
          continue;
        write_actor (svg, sa);
      }
  end (svg);
  end (svg);
}

/* ---- legend and title ----------------------------------------------------------- */

static void
write_legend (Svg *svg)
{
  const MgLegend *legend = mg_scene_get_legend (svg->scene);
  const MgStyle *style = svg->style;
  char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE];

  if (!svg->page->legend || legend->entries->len == 0)
    return;

  fmt_num (tx, sizeof tx, svg->page->legend_x);
  fmt_num (ty, sizeof ty, svg->page->legend_y);
  g_autofree char *transform = g_strdup_printf ("translate(%s %s)", tx, ty);

  start (svg, "g");
  attr (svg, "id", "legend");
  attr (svg, "class", "legend");
  attr (svg, "transform", transform);
  start (svg, "rect");
  attr (svg, "x", "0.5");
  attr (svg, "y", "0.5");
  attr_num (svg, "width", legend->width - 1);
  attr_num (svg, "height", legend->height - 1);
  attr (svg, "rx", "6");
  attr_color (svg, "fill", &style->legend_background);
  attr_color (svg, "stroke", &style->legend_border);
  attr (svg, "stroke-width", "0.8");
  end (svg);

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      char *lines[2] = { e->text, NULL };
      gboolean group = e->type == MG_LEGEND_ROLE || e->type == MG_LEGEND_KIND;

      if (group)
        {
          g_autofree char *cls = e->type == MG_LEGEND_ROLE ? class_name ("legend-role role-", e->id)
                                                           : class_name ("legend-kind kind-", e->id);
          start (svg, "g");
          attr (svg, "class", cls);
        }
      if (e->type == MG_LEGEND_ROLE)
        {
          g_autoptr (GString) d = g_string_new (NULL);
          mg_shape_outline (e->shape, e->swatch_x, e->swatch_y, e->swatch_w, e->swatch_h, &svg_sink, d);
          path_element (svg, NULL, d->str);
          attr_color (svg, "fill", &e->fill);
          attr_color (svg, "stroke", &e->stroke);
          attr (svg, "stroke-width", "0.9");
          end (svg);
        }
      else if (e->type == MG_LEGEND_KIND)
        {
          g_autoptr (GString) d = g_string_new (NULL);
          double x0 = e->swatch_x - e->swatch_w / 2, x1 = e->swatch_x + e->swatch_w / 2;
          double alen = e->directed ? 7.0 : 0;
          d_move_to (d, x0, e->swatch_y);
          d_line_to (d, x1 - alen * 0.7, e->swatch_y);
          path_element (svg, NULL, d->str);
          stroke_attrs (svg, &e->stroke, style->relation_width * 1.2, e->line);
          end (svg);
          if (e->directed)
            {
              g_autoptr (GString) a = g_string_new (NULL);
              d_move_to (a, x1, e->swatch_y);
              d_line_to (a, x1 - alen, e->swatch_y - alen * 0.42);
              d_line_to (a, x1 - alen, e->swatch_y + alen * 0.42);
              d_close (a);
              path_element (svg, NULL, a->str);
              attr_color (svg, "fill", &e->stroke);
              end (svg);
            }
        }
      double size = e->type == MG_LEGEND_HEADING ? legend->font_size * 1.2 : legend->font_size;
      text_lines (svg, lines, &e->baseline, e->x, e->y, size,
                  e->type == MG_LEGEND_HEADING || e->type == MG_LEGEND_SECTION,
                  e->type == MG_LEGEND_HEADING ? &style->legend_heading : &style->legend_text,
                  "start");
      if (group)
        end (svg);
    }
  end (svg);
}

static void
write_title (Svg *svg)
{
  const MgPage *page = svg->page;

  if (page->title_lines == NULL)
    return;
  start (svg, "g");
  attr (svg, "id", "title");
  attr (svg, "class", "title");
  text_lines (svg, page->title_lines, page->title_baselines, page->title_x, page->title_y,
              page->title_size, TRUE, &svg->style->title_color, "middle");
  end (svg);
}

char *
mg_svg_write_page (MgScene *scene, const MgPage *page, gsize *length, GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  Svg svg = { scene, scene->style, page, writer, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
              mg_style_font_family_css (scene->style), FALSE };
  char *result = NULL;

  if (writer == NULL)
    {
      xmlBufferFree (buffer);
      g_hash_table_unref (svg.ids);
      g_free (svg.font_family);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the SVG writer"));
      return NULL;
    }

  /* Names reserved for the document's own groups. */
  const char *reserved[] = { "map", "map-clip", "clusters", "relations", "actors", "legend",
                             "title", "background" };
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    g_hash_table_add (svg.ids, g_strdup (reserved[i]));

  check (&svg, xmlTextWriterSetIndent (writer, 1));
  check (&svg, xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  check (&svg, xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  start (&svg, "svg");
  attr (&svg, "xmlns", SVG_NS);
  attr (&svg, "version", "1.1");
  {
    char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
    fmt_num (w, sizeof w, page->width);
    fmt_num (h, sizeof h, page->height);
    g_autofree char *wpt = g_strconcat (w, "pt", NULL);
    g_autofree char *hpt = g_strconcat (h, "pt", NULL);
    g_autofree char *view = g_strdup_printf ("0 0 %s %s", w, h);
    attr (&svg, "width", wpt);
    attr (&svg, "height", hpt);
    attr (&svg, "viewBox", view);
  }

  const char *doc_title = page->title_lines ? NULL : mg_map_get_title (scene->map);
  if (page->title_lines)
    {
      g_autofree char *joined = g_strjoinv (" ", page->title_lines);
      text_element (&svg, "title", joined);
    }
  else if (doc_title && *doc_title)
    text_element (&svg, "title", doc_title);
  text_element (&svg, "desc", _("Made with Maillage"));

  if (!page->transparent)
    {
      start (&svg, "rect");
      attr (&svg, "id", "background");
      attr (&svg, "width", "100%");
      attr (&svg, "height", "100%");
      attr_color (&svg, "fill", &scene->style->background);
      end (&svg);
    }
  write_title (&svg);
  write_map (&svg);
  write_legend (&svg);
  end (&svg);
  check (&svg, xmlTextWriterEndDocument (writer));
  xmlFreeTextWriter (writer);

  if (svg.failed)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the SVG document"));
  else
    {
      result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
      if (length)
        *length = (gsize) xmlBufferLength (buffer);
    }
  xmlBufferFree (buffer);
  g_hash_table_unref (svg.ids);
  g_free (svg.font_family);
  return result;
}
