/* mg-svg.c — writing a scene as SVG that stays editable. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mg-i18n.h"
#include "mg-render-lens.h"
#include "mg-svg-private.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* ---- the map --------------------------------------------------------------------- */

static void
write_clusters (Svg *svg)
{
  guint n;
  const MgSceneCluster *clusters = mg_scene_get_clusters (svg->scene, &n);
  PangoFontDescription *font = mg_style_font (svg->style, svg->style->cluster_label_size, TRUE);

  if (n == 0)
    goto out;
  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "id", "clusters");
  for (guint depth = 0, done = 0; done < n && depth < 64; depth++)
    for (guint i = 0; i < n; i++)
      {
        const MgSceneCluster *c = &clusters[i];
        if (c->depth != depth)
          continue;
        done++;
        g_autofree char *id = mg_svg_unique_id (svg, "cluster-", c->path ? c->path : c->label);
        g_autofree char *cls = g_strdup_printf ("cluster depth-%u", c->depth);
        mg_svg_start (svg, "g");
        mg_svg_attr (svg, "id", id);
        mg_svg_attr (svg, "class", cls);
        mg_svg_text_element (svg, "title", c->path ? c->path : (c->label ? c->label : ""));
        mg_svg_start (svg, "rect");
        mg_svg_attr_num (svg, "x", c->x);
        mg_svg_attr_num (svg, "y", c->y);
        mg_svg_attr_num (svg, "width", c->width);
        mg_svg_attr_num (svg, "height", c->height);
        mg_svg_attr (svg, "rx", "10");
        mg_svg_attr_color (svg, "fill", &svg->style->cluster_fill);
        mg_svg_attr_color (svg, "stroke", &svg->style->cluster_stroke);
        mg_svg_attr (svg, "stroke-width", "1");
        mg_svg_end (svg);
        if (c->label && *c->label)
          {
            char *lines[2] = { c->label, NULL };
            double base = mg_svg_baseline_of (svg->scene, font, c->label);
            mg_svg_text_lines (svg, lines, &base, c->x + 8, c->y + 5, svg->style->cluster_label_size,
                        TRUE, &svg->style->cluster_label_color, "start");
          }
        mg_svg_end (svg);
      }
  mg_svg_end (svg);
out:
  pango_font_description_free (font);
}

/* " lens-care lens-learn" for the lessons of @marks. */
static void
append_lens_classes (GString *cls, const MgLessonMark *marks, guint n_marks)
{
  for (guint k = 0; k < n_marks; k++)
    g_string_append_printf (cls, " lens-%s", mg_lesson_info (marks[k].lesson)->id);
}

static void
relation_d (GString *d, const MgSceneRelation *sr)
{
  mg_svg_d_move_to (d, sr->points[0], sr->points[1]);
  for (guint i = 1; i + 2 < sr->n_points; i += 3)
    mg_svg_d_curve_to (d, sr->points[2 * i], sr->points[2 * i + 1], sr->points[2 * i + 2],
                sr->points[2 * i + 3], sr->points[2 * i + 4], sr->points[2 * i + 5]);
}

/* The emphasis and halos of a relation, outermost first, in a layer under
 * every relation line (as mg-render-relations.c draws them). */
static void
write_halos (Svg *svg, const MgSceneRelation *sr)
{
  double dashes[2];
  g_autoptr (GString) cls = g_string_new (NULL);
  g_autoptr (GString) path = g_string_new (NULL);
  const char *d;

  relation_d (path, sr);
  d = path->str;
  g_string_printf (cls, "halos relation-%u", sr->relation->index);
  append_lens_classes (cls, sr->marks, sr->n_marks);
  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "class", cls->str);
  if (sr->item.visibility == MG_ITEM_FADED)
    mg_svg_attr_num (svg, "opacity", svg->style->fade_opacity);
  mg_lens_halo_dashes (svg->style, dashes);
  for (guint k = sr->n_marks; k-- > 0;)
    {
      const MgLessonMark *m = &sr->marks[k];
      const char *id = mg_lesson_info (m->lesson)->id;
      double width = sr->width + 2 * mg_lens_halo_extent (svg->style, k, sr->n_marks);
      MgColor c = mg_lens_halo_color (svg->style, m->lesson, FALSE);
      g_autofree char *hcls = g_strdup_printf ("halo lens-%s%s", id, m->derived ? " derived" : "");

      if (m->derived)
        {
          /* A pale band, and the dashes on it. */
          MgColor pale = mg_lens_halo_color (svg->style, m->lesson, TRUE);
          g_autofree char *dcls = g_strdup_printf ("halo-dashes lens-%s derived", id);
          mg_svg_path_element (svg, hcls, d);
          mg_svg_stroke_attrs (svg, &pale, width, MG_LINE_SOLID);
          mg_svg_end (svg);
          mg_svg_path_element (svg, dcls, d);
          mg_svg_stroke_attrs (svg, &c, width, MG_LINE_SOLID);
          mg_svg_dash_attr (svg, dashes, 2);
          mg_svg_end (svg);
        }
      else
        {
          mg_svg_path_element (svg, hcls, d);
          mg_svg_stroke_attrs (svg, &c, width, MG_LINE_SOLID);
          mg_svg_end (svg);
        }
    }
  /* Emphasis over the halos, as on screen. */
  if (sr->item.highlight)
    {
      MgColor c = svg->style->highlight_color;
      c.alpha = 0.55;
      mg_svg_path_element (svg, "highlight", d);
      mg_svg_stroke_attrs (svg, &c, sr->width + 5, MG_LINE_SOLID);
      mg_svg_end (svg);
    }
  mg_svg_end (svg);
}

/* "kind-…", made once a kind. */
static const char *
kind_class (Svg *svg, const MgRelationKind *kind)
{
  const char *key = kind ? kind->id : "";
  char *cls = g_hash_table_lookup (svg->kind_classes, key);

  if (cls == NULL)
    {
      cls = mg_svg_class_name ("kind-", kind ? kind->id : NULL);
      g_hash_table_insert (svg->kind_classes, g_strdup (key), cls);
    }
  return cls;
}

static void
write_relation (Svg *svg, const MgSceneRelation *sr)
{
  g_autofree char *id = g_strdup_printf ("relation-%u", sr->relation->index);
  g_autofree char *title = mg_scene_describe_item_in (svg->scene, &sr->item,
                                                          mg_scene_get_legend_language (svg->scene));
  GString *cls = svg->cls, *d = svg->d;
  gboolean matched = mg_lens_item_matched (&sr->item, sr->n_marks);
  MgColor line = sr->color;

  if (g_hash_table_contains (svg->ids, id))
    {
      g_free (id);
      id = mg_svg_unique_id (svg, "relation-", NULL);
    }
  else
    g_hash_table_add (svg->ids, g_strdup (id));

  g_string_assign (cls, "relation ");
  g_string_append (cls, kind_class (svg, sr->kind));
  g_string_truncate (d, 0);
  if (matched)
    g_string_append (cls, " matched");
  else if (sr->item.visibility == MG_ITEM_FADED)
    g_string_append (cls, " faded");
  append_lens_classes (cls, sr->marks, sr->n_marks);
  if (mg_provenance_id (sr->provenance) != NULL)
    {
      g_string_append (cls, " provenance-");
      g_string_append (cls, mg_provenance_id (sr->provenance));
    }

  relation_d (d, sr);

  mg_svg_start (svg, "g");
  mg_svg_attr_plain (svg, "id", id);
  mg_svg_attr_plain (svg, "class", cls->str);
  if (sr->item.visibility == MG_ITEM_FADED)
    mg_svg_attr_num (svg, "opacity", svg->style->fade_opacity);
  mg_svg_text_element (svg, "title", title);

  /* Matched: opaque and a little wider, as on screen (what no source
   * states stays lighter). */
  if (matched)
    line.alpha = mg_provenance_is_weak (sr->provenance) ? MG_WEAK_RELATION_ALPHA : 1.0;
  mg_svg_path_element (svg, "line", d->str);
  mg_svg_stroke_attrs (svg, &line, mg_lens_relation_width (svg->style, sr), sr->line);
  mg_svg_end (svg);

  if (sr->has_arrow)
    {
      GString *a = d;
      g_string_truncate (a, 0);
      mg_svg_d_move_to (a, sr->arrow[0], sr->arrow[1]);
      mg_svg_d_line_to (a, sr->arrow[2], sr->arrow[3]);
      mg_svg_d_line_to (a, sr->arrow[4], sr->arrow[5]);
      mg_svg_d_close (a);
      mg_svg_path_element (svg, "arrowhead", a->str);
      mg_svg_attr_color (svg, "fill", &line);
      mg_svg_end (svg);
    }
  mg_svg_end (svg);
}


/* The lesson ring of a matched actor (as mg-render-actors.c draws it). */
static void
write_rings (Svg *svg, const MgSceneActor *sa, double op)
{
  double rw = svg->style->ring_width, rx, ry;
  MgColor band = svg->style->background;
  g_autoptr (GString) whole = g_string_new (NULL);

  mg_scene_actor_ring (sa, svg->style, &rx, &ry);
  mg_svg_ring_path (whole, sa->x, sa->y, rx, ry, -G_PI / 2, 3 * G_PI / 2);
  band.alpha *= 0.85 * op;
  mg_svg_path_element (svg, "ring-band", whole->str);
  mg_svg_stroke_attrs (svg, &band, rw + 1, MG_LINE_SOLID);
  mg_svg_end (svg);

  for (guint k = 0; k < sa->n_marks; k++)
    {
      const MgLessonMark *m = &sa->marks[k];
      MgColor c = mg_lens_color (m->lesson);
      double a0, a1;
      g_autoptr (GString) d = g_string_new (NULL);
      g_autofree char *cls = g_strdup_printf ("ring lens-%s%s", mg_lesson_info (m->lesson)->id,
                                              m->derived ? " derived" : "");

      mg_lens_ring_segment (svg->style, k, sa->n_marks, rx, ry, &a0, &a1);
      mg_svg_ring_path (d, sa->x, sa->y, rx, ry, a0, a1);
      c.alpha *= op;
      mg_svg_path_element (svg, cls, d->str);
      mg_svg_stroke_attrs (svg, &c, rw, MG_LINE_SOLID);
      if (m->derived)
        {
          double dashes[2];
          mg_lens_ring_dashes (svg->style, rx, ry, a0, a1, dashes);
          mg_svg_dash_attr (svg, dashes, 2);
        }
      mg_svg_end (svg);
    }
}

static void
write_actor (Svg *svg, const MgSceneActor *sa)
{
  const MgStyle *style = svg->style;
  g_autofree char *id = mg_svg_unique_id (svg, "actor-", sa->actor->id);
  g_autofree char *role_class = mg_svg_class_name ("role-", sa->role ? sa->role->id : NULL);
  g_autoptr (GString) cls = g_string_new ("actor ");
  g_autofree char *title = mg_scene_describe_item_in (svg->scene, &sa->item,
                                                          mg_scene_get_legend_language (svg->scene));
  g_autoptr (GString) d = g_string_new (NULL);
  gboolean matched = mg_lens_item_matched (&sa->item, sa->n_marks);
  gboolean faded = sa->item.visibility == MG_ITEM_FADED;
  /* As actor_opacity() in mg-render-private.h: faded, context or full. */
  double op = faded ? style->fade_opacity
              : (svg->lens_on && sa->n_marks == 0 && !sa->item.highlight) ? style->context_opacity
                                                                           : 1.0;
  double label_op = faded ? style->fade_label_opacity : 1.0;
  MgColor fill = sa->fill, stroke = sa->stroke;

  g_string_append (cls, role_class);
  if (matched)
    g_string_append (cls, " matched");
  else if (faded)
    g_string_append (cls, " faded");
  else if (op < 1)
    g_string_append (cls, " context");
  append_lens_classes (cls, sa->marks, sa->n_marks);
  if (mg_provenance_id (sa->provenance) != NULL)
    {
      g_string_append (cls, " provenance-");
      g_string_append (cls, mg_provenance_id (sa->provenance));
    }

  mg_shape_outline (sa->shape, sa->x, sa->y, sa->width, sa->height, &mg_svg_sink, d);

  mg_svg_start (svg, "g");
  mg_svg_attr_plain (svg, "id", id);
  mg_svg_attr_plain (svg, "class", cls->str);
  mg_svg_text_element (svg, "title", title);

  if (sa->item.highlight)
    {
      MgColor c = style->highlight_color;
      c.alpha = 0.7 * op;
      mg_svg_path_element (svg, "highlight", d->str);
      mg_svg_stroke_attrs (svg, &c, 7, MG_LINE_SOLID);
      mg_svg_end (svg);
    }
  if (sa->n_marks > 0)
    write_rings (svg, sa, op);
  fill.alpha *= op;
  stroke.alpha *= op;
  mg_svg_path_element (svg, "shape", d->str);
  mg_svg_attr_color (svg, "fill", &fill);
  mg_svg_attr_color (svg, "stroke", &stroke);
  mg_svg_attr_num (svg, "stroke-width", style->actor_stroke_width * (matched ? 1.4 : 1.0));
  mg_svg_end (svg);
  if (sa->provenance == MG_PROVENANCE_WORKSHOP)
    {
      MgColor badge = mg_color_from_rgb (MG_WORKSHOP_BADGE_COLOR, op);
      MgColor ring = style->background;
      double cx, cy, r;

      ring.alpha *= op;
      mg_scene_actor_badge (sa, style, &cx, &cy, &r);
      mg_svg_start (svg, "circle");
      mg_svg_attr (svg, "class", "workshop-badge");
      mg_svg_attr_num (svg, "cx", cx);
      mg_svg_attr_num (svg, "cy", cy);
      mg_svg_attr_num (svg, "r", r);
      mg_svg_attr_color (svg, "fill", &badge);
      mg_svg_attr_color (svg, "stroke", &ring);
      mg_svg_attr_num (svg, "stroke-width", MAX (r * 0.35, 1.0));
      mg_svg_end (svg);
    }

  /* Labels by importance, as on screen: seen from further away than
   * MG_LABEL_MIN_SCALE, the labels that keep their place, inflated. */
  double zoom = mg_scene_label_zoom (svg->page->scale);
  if (mg_scene_actor_label_shown_at (sa, zoom))
    {
      const MgRect *r = &sa->label_rect;
      if (zoom != 1.0)
        {
          double ax, ay;
          char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE], z[G_ASCII_DTOSTR_BUF_SIZE];
          mg_scene_actor_label_anchor (sa, &ax, &ay);
          mg_svg_fmt_num (tx, sizeof tx, ax * (1 - zoom));
          mg_svg_fmt_num (ty, sizeof ty, ay * (1 - zoom));
          g_ascii_formatd (z, sizeof z, "%.6g", zoom);
          g_autofree char *transform = g_strdup_printf ("matrix(%s 0 0 %s %s %s)", z, z, tx, ty);
          mg_svg_start (svg, "g");
          mg_svg_attr (svg, "transform", transform);
        }
      MgColor text = style->label_color;
      if (sa->placement == MG_LABEL_INSIDE)
        text = mg_style_label_color_on (style, &sa->fill);
      else
        {
          MgColor bg = style->label_background;
          g_autofree MgRect *boxes = g_new (MgRect, sa->n_label_lines);
          guint n = mg_scene_actor_label_boxes (sa, style->label_padding, boxes);
          bg.alpha *= label_op;
          if (n == 1)
            {
              mg_svg_start (svg, "rect");
              mg_svg_attr (svg, "class", "label-background");
              mg_svg_attr_num (svg, "x", boxes[0].x);
              mg_svg_attr_num (svg, "y", boxes[0].y);
              mg_svg_attr_num (svg, "width", boxes[0].width);
              mg_svg_attr_num (svg, "height", boxes[0].height);
              mg_svg_attr (svg, "rx", "2.5");
            }
          else
            {
              /* A box a line, as on screen: one path, so that where the
               * boxes meet the background is not doubled. */
              g_autoptr (GString) boxes_d = g_string_new (NULL);
              for (guint k = 0; k < n; k++)
                {
                  mg_svg_d_move_to (boxes_d, boxes[k].x, boxes[k].y);
                  mg_svg_d_line_to (boxes_d, boxes[k].x + boxes[k].width, boxes[k].y);
                  mg_svg_d_line_to (boxes_d, boxes[k].x + boxes[k].width, boxes[k].y + boxes[k].height);
                  mg_svg_d_line_to (boxes_d, boxes[k].x, boxes[k].y + boxes[k].height);
                  mg_svg_d_close (boxes_d);
                }
              mg_svg_start (svg, "path");
              mg_svg_attr (svg, "class", "label-background");
              mg_svg_attr_plain (svg, "d", boxes_d->str);
            }
          mg_svg_attr_color (svg, "fill", &bg);
          mg_svg_end (svg);
        }
      text.alpha *= label_op;
      mg_svg_text_lines (svg, sa->label_lines, sa->baselines, r->x + r->width / 2,
                  r->y + style->label_padding, style->label_size, FALSE, &text, "middle");
      if (zoom != 1.0)
        mg_svg_end (svg);
    }
  mg_svg_end (svg);
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

static gboolean
relation_written (const MgSceneRelation *sr, gboolean clip, const MgRect *region)
{
  return sr->placed && sr->n_points > 0 && sr->item.visibility != MG_ITEM_HIDDEN &&
         (!clip || mg_rect_intersects (&sr->item.bounds, region));
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
      mg_svg_start (svg, "clipPath");
      mg_svg_attr (svg, "id", "map-clip");
      mg_svg_start (svg, "rect");
      mg_svg_attr_num (svg, "x", r->x);
      mg_svg_attr_num (svg, "y", r->y);
      mg_svg_attr_num (svg, "width", r->width);
      mg_svg_attr_num (svg, "height", r->height);
      mg_svg_end (svg);
      mg_svg_end (svg);
    }

  mg_svg_fmt_num (tx, sizeof tx, page->map_x - r->x * page->scale);
  mg_svg_fmt_num (ty, sizeof ty, page->map_y - r->y * page->scale);
  g_ascii_formatd (s, sizeof s, "%.6g", page->scale);
  g_autofree char *transform = g_strdup_printf ("translate(%s %s) scale(%s)", tx, ty, s);

  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "id", "map");
  mg_svg_attr (svg, "transform", transform);
  if (clip)
    mg_svg_attr (svg, "clip-path", "url(#map-clip)");

  write_clusters (svg);

  GPtrArray *relations = mg_scene_get_relations (svg->scene);
  gboolean any_halo = FALSE;
  for (guint i = 0; i < relations->len && !any_halo; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (relations, i);
      any_halo = relation_written (sr, clip, r) && (sr->n_marks > 0 || sr->item.highlight);
    }
  if (any_halo)
    {
      mg_svg_start (svg, "g");
      mg_svg_attr (svg, "id", "halos");
      mg_svg_attr (svg, "stroke-linejoin", "round");
      for (guint i = 0; i < relations->len; i++)
        {
          MgSceneRelation *sr = g_ptr_array_index (relations, i);
          if (relation_written (sr, clip, r) && (sr->n_marks > 0 || sr->item.highlight))
            write_halos (svg, sr);
        }
      mg_svg_end (svg);
    }

  /* What a lens matches on top, as on screen. */
  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "id", "relations");
  mg_svg_attr (svg, "stroke-linejoin", "round");
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < relations->len; i++)
      {
        MgSceneRelation *sr = g_ptr_array_index (relations, i);
        if (relation_written (sr, clip, r) &&
            mg_lens_item_matched (&sr->item, sr->n_marks) == (pass == 1))
          write_relation (svg, sr);
      }
  mg_svg_end (svg);

  GPtrArray *actors = mg_scene_get_actors (svg->scene);
  mg_svg_start (svg, "g");
  mg_svg_attr (svg, "id", "actors");
  mg_svg_attr (svg, "stroke-linejoin", "round");
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < actors->len; i++)
      {
        MgSceneActor *sa = g_ptr_array_index (actors, i);
        gboolean top = sa->item.highlight || mg_lens_item_matched (&sa->item, sa->n_marks);
        if (!sa->placed || sa->item.visibility == MG_ITEM_HIDDEN || top != (pass == 1))
          continue;
        if (clip && !mg_rect_intersects (&sa->item.bounds, r) &&
            !(sa->label_in_index && mg_rect_intersects (&sa->label_rect, r)))
          continue;
        write_actor (svg, sa);
      }
  mg_svg_end (svg);
  mg_svg_end (svg);
}


/* Where the writer's output goes: straight into a growing string (@out),
 * or through @sink in pieces gathered in @staging. */
typedef struct {
  GString  *out;
  MgSvgSink sink;
  gpointer  user_data;
  GString  *staging;
  GError   *error;  /* the sink's */
} Output;

#define MG_SVG_PIECE (256 * 1024)

static gboolean
output_flush (Output *o)
{
  if (o->sink == NULL || o->error != NULL || o->staging->len == 0)
    return o->error == NULL;
  if (!o->sink (o->staging->str, o->staging->len, o->user_data, &o->error))
    {
      if (o->error == NULL)
        g_set_error_literal (&o->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not write the SVG document"));
      return FALSE;
    }
  g_string_truncate (o->staging, 0);
  return TRUE;
}

/* libxml2's xmlBuffer grows by exact sizes in 2.9 (a copy per write on
 * large documents): the writer streams into a GString instead, which
 * doubles, and whose data is handed over without a last copy — or, for a
 * sink, into a reused buffer of a few hundred kilobytes. */
static int
output_write (void *context, const char *data, int len)
{
  Output *o = context;

  if (o->sink == NULL)
    {
      g_string_append_len (o->out, data, len);
      return len;
    }
  if (o->error != NULL)
    return -1;
  g_string_append_len (o->staging, data, len);
  if (o->staging->len >= MG_SVG_PIECE && !output_flush (o))
    return -1;
  return len;
}

/* Frees what the document's writing state owns (not the writer). */
static void
svg_clear (Svg *svg)
{
  g_hash_table_unref (svg->ids);
  g_free (svg->font_family);
  g_string_free (svg->d, TRUE);
  g_string_free (svg->cls, TRUE);
  g_hash_table_unref (svg->kind_classes);
}

static gboolean
write_document (MgScene *scene, const MgPage *page, Output *o, GError **error)
{
  xmlOutputBufferPtr output = xmlOutputBufferCreateIO (output_write, NULL, o, NULL);
  xmlTextWriterPtr writer = output != NULL ? xmlNewTextWriter (output) : NULL;
  Svg svg = { scene, scene->style, page, writer, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
              mg_style_font_family_css (scene->style), FALSE,
              scene->has_lens_legend && scene->lens_legend.active != 0,
              g_string_sized_new (256), g_string_sized_new (64),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };

  if (writer == NULL)
    {
      if (output != NULL)
        xmlOutputBufferClose (output);
      svg_clear (&svg);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the SVG writer"));
      return FALSE;
    }

  /* Names reserved for the document's own groups. */
  const char *reserved[] = { "map", "map-clip", "clusters", "halos", "relations", "actors",
                             "legend", "title", "background" };
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    g_hash_table_add (svg.ids, g_strdup (reserved[i]));

  mg_svg_check (&svg, xmlTextWriterSetIndent (writer, 1));
  mg_svg_check (&svg, xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  mg_svg_check (&svg, xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  mg_svg_start (&svg, "svg");
  mg_svg_attr (&svg, "xmlns", SVG_NS);
  mg_svg_attr (&svg, "version", "1.1");
  {
    char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
    mg_svg_fmt_num (w, sizeof w, page->width);
    mg_svg_fmt_num (h, sizeof h, page->height);
    g_autofree char *wpt = g_strconcat (w, "pt", NULL);
    g_autofree char *hpt = g_strconcat (h, "pt", NULL);
    g_autofree char *view = g_strdup_printf ("0 0 %s %s", w, h);
    mg_svg_attr (&svg, "width", wpt);
    mg_svg_attr (&svg, "height", hpt);
    mg_svg_attr (&svg, "viewBox", view);
  }

  const char *doc_title = page->title_lines ? NULL : mg_map_get_title (scene->map);
  if (page->title_lines)
    {
      g_autofree char *joined = g_strjoinv (" ", page->title_lines);
      mg_svg_text_element (&svg, "title", joined);
    }
  else if (doc_title && *doc_title)
    mg_svg_text_element (&svg, "title", doc_title);
  mg_svg_text_element (&svg, "desc",
                       mg_i18n_gettext (mg_scene_get_legend_language (scene), "Made with Maillage"));

  if (!page->transparent)
    {
      mg_svg_start (&svg, "rect");
      mg_svg_attr (&svg, "id", "background");
      mg_svg_attr (&svg, "width", "100%");
      mg_svg_attr (&svg, "height", "100%");
      mg_svg_attr_color (&svg, "fill", &scene->style->background);
      mg_svg_end (&svg);
    }
  mg_svg_write_title (&svg);
  write_map (&svg);
  mg_svg_write_legend (&svg);
  mg_svg_end (&svg);
  mg_svg_check (&svg, xmlTextWriterEndDocument (writer));
  xmlFreeTextWriter (writer); /* flushes and closes @output */
  svg_clear (&svg);

  if (o->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&o->error));
      return FALSE;
    }
  if (svg.failed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the SVG document"));
      return FALSE;
    }
  return TRUE;
}

char *
mg_svg_write_page (MgScene *scene, const MgPage *page, gsize *length, GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), NULL);
  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  Output o = { g_string_sized_new (64 * 1024), NULL, NULL, NULL, NULL };

  if (!write_document (scene, page, &o, error))
    {
      g_string_free (o.out, TRUE);
      return NULL;
    }
  if (length)
    *length = o.out->len;
  return g_string_free (o.out, FALSE);
}

gboolean
mg_svg_write_page_to (MgScene *scene, const MgPage *page, MgSvgSink sink, gpointer user_data,
                      GError **error)
{
  g_return_val_if_fail (MG_IS_SCENE (scene), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  Output o = { NULL, sink, user_data, g_string_sized_new (MG_SVG_PIECE + 64 * 1024), NULL };
  gboolean ok = write_document (scene, page, &o, error);

  /* The last piece. */
  if (ok && !output_flush (&o))
    {
      g_propagate_error (error, g_steal_pointer (&o.error));
      ok = FALSE;
    }
  g_clear_error (&o.error);
  g_string_free (o.staging, TRUE);
  return ok;
}
