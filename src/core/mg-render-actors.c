/* mg-render-actors.c — drawing actors (shapes, lesson rings, highlight;
 * copied from a cached image at small sizes) and their labels. */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "mg-render-private.h"

static void draw_actor (Frame *f, const MgSceneActor *sa);

static void
raster_actor_list (Frame *f)
{
  MgScene *scene = f->scene;
  const MgRect *v = &f->visible;
  gboolean decorated = FALSE;

  cairo_surface_flush (cairo_get_target (f->cr));
  for (guint i = 0; i < scene->draw_actors->len; i++)
    {
      const MgDrawActor *e = &g_array_index (scene->draw_actors, MgDrawActor, i);
      if ((e->flags & (MG_DRAW_PLACED | MG_DRAW_HIDDEN)) != MG_DRAW_PLACED)
        continue;
      if (e->x + e->w < v->x || e->x > v->x + v->width || e->y + e->h < v->y ||
          e->y > v->y + v->height)
        continue;
      guint32 argb = e->argb;
      if (e->flags & MG_DRAW_FADED)
        argb = faded (argb, f->style->fade_opacity);
      else if (e->flags & MG_DRAW_DECORATED)
        {
          decorated = TRUE; /* on top, below */
          continue;
        }
      else if (f->lens_on)
        argb = faded (argb, f->style->context_opacity);
      mg_raster_rect (&f->raster, e->x, e->y, e->w, e->h, argb);
    }
  mg_raster_flush (&f->raster);
  if (!decorated)
    return;

  /* Matched actors on top, framed in their (first) lesson's colour: at a
   * few pixels a ring would not show; the emphasised ones with cairo. */
  g_autoptr (GPtrArray) emphasised = g_ptr_array_new ();
  double pad = MAX (f->style->ring_width, 1.5 / f->px);
  cairo_surface_flush (cairo_get_target (f->cr));
  for (guint i = 0; i < scene->draw_actors->len; i++)
    {
      const MgDrawActor *e = &g_array_index (scene->draw_actors, MgDrawActor, i);
      MgSceneActor *sa = e->sa;
      if ((e->flags & (MG_DRAW_PLACED | MG_DRAW_HIDDEN | MG_DRAW_FADED | MG_DRAW_DECORATED)) !=
          (MG_DRAW_PLACED | MG_DRAW_DECORATED))
        continue;
      if (e->x + e->w + pad < v->x || e->x - pad > v->x + v->width || e->y + e->h + pad < v->y ||
          e->y - pad > v->y + v->height)
        continue;
      if (sa->item.highlight)
        {
          g_ptr_array_add (emphasised, sa);
          continue;
        }
      if (sa->n_marks > 0)
        {
          MgColor c = mg_lens_color (sa->marks[0].lesson);
          mg_raster_rect (&f->raster, e->x - pad, e->y - pad, e->w + 2 * pad, e->h + 2 * pad,
                          mg_raster_color (c.red, c.green, c.blue, 1.0));
        }
      mg_raster_rect (&f->raster, e->x, e->y, e->w, e->h, e->argb);
    }
  mg_raster_flush (&f->raster);
  cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < emphasised->len; i++)
    draw_actor (f, g_ptr_array_index (emphasised, i));
}

/* ---- actors --------------------------------------------------------------------- */

/* The lesson ring: one segment per mark (see mg-render-lens.h). */
static void
draw_rings (Frame *f, const MgSceneActor *sa, double op)
{
  cairo_t *cr = f->cr;
  /* On a zoomed-out screen the ring keeps a few pixels: it is what shows
   * the lens there. */
  double rw = device_floor (f, f->style->ring_width, 2.5), rx, ry;

  mg_scene_actor_ring (sa, f->style, &rx, &ry);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* A band of background under the ring parts it from the lines it
   * crosses and from a fill of a similar hue. */
  cairo_new_path (cr);
  cairo_save (cr);
  cairo_translate (cr, sa->x, sa->y);
  cairo_scale (cr, rx, ry);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  set_color (cr, &f->style->background, 0.85 * op);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, rw + 1);
  cairo_stroke (cr);

  cairo_set_line_width (cr, rw);
  for (guint k = 0; k < sa->n_marks; k++)
    {
      const MgLessonMark *m = &sa->marks[k];
      MgColor c = mg_lens_color (m->lesson);
      double a0, a1;

      mg_lens_ring_segment (f->style, k, sa->n_marks, rx, ry, &a0, &a1);
      cairo_new_path (cr);
      cairo_save (cr);
      cairo_translate (cr, sa->x, sa->y);
      cairo_scale (cr, rx, ry);
      cairo_arc (cr, 0, 0, 1, a0, a1);
      cairo_restore (cr);
      set_color (cr, &c, op);
      if (m->derived)
        {
          double dashes[2];
          mg_lens_ring_dashes (f->style, rx, ry, a0, a1, dashes);
          cairo_set_dash (cr, dashes, 2, 0);
        }
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_actor (Frame *f, const MgSceneActor *sa)
{
  cairo_t *cr = f->cr;
  double op = actor_opacity (f, sa);
  double stroke = f->style->actor_stroke_width;

  if (sa->item.highlight)
    {
      cairo_new_path (cr);
      mg_shape_outline (sa->shape, sa->x, sa->y, sa->width, sa->height, &mg_cairo_sink, cr);
      set_color (cr, &f->style->highlight_color, 0.7 * op);
      cairo_set_line_width (cr, 7);
      cairo_stroke (cr);
    }
  if (sa->n_marks > 0)
    draw_rings (f, sa, op);
  if (mg_lens_item_matched (&sa->item, sa->n_marks))
    stroke *= 1.4;
  cairo_new_path (cr);
  mg_shape_outline (sa->shape, sa->x, sa->y, sa->width, sa->height, &mg_cairo_sink, cr);
  set_color (cr, &sa->fill, op);
  cairo_fill_preserve (cr);
  set_color (cr, &sa->stroke, op);
  cairo_set_line_width (cr, device_floor (f, stroke, 0.5));
  cairo_stroke (cr);
}

/* Actors a few pixels wide: one fill per colour, no outline. */
static void
draw_actors_batched (Frame *f, gboolean boxes)
{
  cairo_t *cr = f->cr;
  g_autoptr (GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < f->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (f->actors, i);
      guint key = mg_color_to_rgb (&sa->fill) | (guint) lround (actor_opacity (f, sa) * 100) << 24;
      GPtrArray *g = g_hash_table_lookup (groups, GUINT_TO_POINTER (key + 1));
      if (g == NULL)
        {
          g = g_ptr_array_new ();
          g_hash_table_insert (groups, GUINT_TO_POINTER (key + 1), g);
          g_ptr_array_add (order, g);
        }
      g_ptr_array_add (g, sa);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *g = g_ptr_array_index (order, i);
      MgSceneActor *first = g_ptr_array_index (g, 0);
      cairo_new_path (cr);
      for (guint k = 0; k < g->len; k++)
        {
          MgSceneActor *sa = g_ptr_array_index (g, k);
          if (boxes)
            cairo_rectangle (cr, sa->x - sa->width / 2, sa->y - sa->height / 2, sa->width,
                             sa->height);
          else
            mg_shape_outline (sa->shape, sa->x, sa->y, sa->width, sa->height, &mg_cairo_sink, cr);
        }
      set_color (cr, &first->fill, actor_opacity (f, first));
      cairo_fill (cr);
    }
}

/* Actors a few pixels wide, as squares of the same area, into the pixels. */
static void
raster_actors (Frame *f)
{
  cairo_surface_flush (cairo_get_target (f->cr));
  for (guint i = 0; i < f->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (f->actors, i);
      double k = (sa->shape == MG_SHAPE_BOX || sa->shape == MG_SHAPE_ROUNDED_BOX) ? 1.0 : 0.8;
      double w = sa->width * k, h = sa->height * k;
      mg_raster_rect (&f->raster, sa->x - w / 2, sa->y - h / 2, w, h,
                      mg_raster_color (sa->fill.red, sa->fill.green, sa->fill.blue,
                                       actor_opacity (f, sa)));
    }
  mg_raster_flush (&f->raster);
}

/* ---- actor sprites ---------------------------------------------------------- */

/* Between a few and a few dozen pixels, every actor of a role looks the
 * same: draw it once with cairo into a small image, then copy that image
 * for each actor (a pixel-rounded position is invisible at that size). */
#define MG_SPRITE_MAX_PX 64.0
#define MG_SPRITE_CACHE_MAX 512

typedef struct {
  guint32 fill, stroke;
  guint16 w4, h4, line4; /* quarter pixels */
  guint8  shape, opacity;
} MgSpriteKey;

static cairo_surface_t *
actor_sprite (Frame *f, const MgSceneActor *sa, double *ax, double *ay)
{
  double op = actor_opacity (f, sa);
  double line = MAX (f->style->actor_stroke_width * f->px, 0.5);
  MgSpriteKey key = {
    mg_color_to_rgb (&sa->fill), mg_color_to_rgb (&sa->stroke),
    (guint16) lround (sa->width * f->px * 4), (guint16) lround (sa->height * f->px * 4),
    (guint16) lround (line * 4), (guint8) sa->shape, (guint8) lround (op * 255),
  };
  g_autoptr (GBytes) bytes = g_bytes_new (&key, sizeof key);
  double w = key.w4 / 4.0, h = key.h4 / 4.0;
  int sw = (int) ceil (w + line) + 2, sh = (int) ceil (h + line) + 2;
  cairo_surface_t *sprite = g_hash_table_lookup (f->scene->sprites, bytes);

  /* The shape's centre sits on this point of the image. */
  *ax = sw / 2.0;
  *ay = sh / 2.0;
  if (sprite != NULL)
    return sprite;

  if (g_hash_table_size (f->scene->sprites) >= MG_SPRITE_CACHE_MAX)
    g_hash_table_remove_all (f->scene->sprites);
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  cairo_t *cr = cairo_create (sprite);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  mg_shape_outline (sa->shape, *ax, *ay, w, h, &mg_cairo_sink, cr);
  set_color (cr, &sa->fill, op);
  cairo_fill_preserve (cr);
  set_color (cr, &sa->stroke, op);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (sprite);
  g_hash_table_insert (f->scene->sprites, g_steal_pointer (&bytes), sprite);
  return sprite;
}

static gboolean
blit_actors (Frame *f)
{
  double size_px = f->scene->style->actor_size * f->px;

  if (!f->has_raster || size_px > MG_SPRITE_MAX_PX)
    return FALSE;

  cairo_surface_flush (cairo_get_target (f->cr));
  for (guint i = 0; i < f->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (f->actors, i);
      double ax, ay;
      if (sa->item.highlight || sa->n_marks > 0 || sa->width * f->px > MG_SPRITE_MAX_PX ||
          sa->height * f->px > MG_SPRITE_MAX_PX)
        continue;
      cairo_surface_t *sprite = actor_sprite (f, sa, &ax, &ay);
      mg_raster_blit (&f->raster, sprite, ax, ay, sa->x, sa->y);
    }
  mg_raster_flush (&f->raster);

  /* Decorated and oversized ones with cairo, on top. */
  cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < f->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (f->actors, i);
      if (sa->item.highlight || sa->n_marks > 0 || sa->width * f->px > MG_SPRITE_MAX_PX ||
          sa->height * f->px > MG_SPRITE_MAX_PX)
        draw_actor (f, sa);
    }
  return TRUE;
}

/* Workshop additions: a small vermilion disc ringed with the background,
 * on top of every shape. */
static void
draw_workshop_badges (Frame *f)
{
  cairo_t *cr = f->cr;
  MgColor badge = mg_color_from_rgb (MG_WORKSHOP_BADGE_COLOR, 1.0);

  for (guint i = 0; i < f->actors->len; i++)
    {
      const MgSceneActor *sa = g_ptr_array_index (f->actors, i);
      double cx, cy, r, op;

      if (sa->provenance != MG_PROVENANCE_WORKSHOP || sa->item.visibility == MG_ITEM_HIDDEN)
        continue;
      op = actor_opacity (f, sa);
      mg_scene_actor_badge (sa, f->style, &cx, &cy, &r);
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      set_color (cr, &badge, op);
      cairo_fill_preserve (cr);
      set_color (cr, &f->style->background, op);
      cairo_set_line_width (cr, MAX (r * 0.35, 1.0));
      cairo_stroke (cr);
    }
}

static void draw_actor_shapes (Frame *f);

void
mg_render_draw_actors (Frame *f)
{
  double size_px = f->scene->style->actor_size * f->px;

  draw_actor_shapes (f);
  if (!f->list_actors && !(f->opt->level_of_detail && size_px < MG_TINY_ACTOR_PX))
    draw_workshop_badges (f);
}

static void
draw_actor_shapes (Frame *f)
{
  double size_px = f->scene->style->actor_size * f->px;

  if (f->list_actors)
    {
      raster_actor_list (f);
      return;
    }
  if (f->opt->level_of_detail && size_px < MG_TINY_ACTOR_PX)
    {
      if (f->has_raster)
        raster_actors (f);
      else
        draw_actors_batched (f, size_px < 3);
      return;
    }
  if (f->opt->level_of_detail && blit_actors (f))
    return;
  cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
  /* What a lens matches, and what is emphasised, on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < f->actors->len; i++)
      {
        MgSceneActor *sa = g_ptr_array_index (f->actors, i);
        gboolean top = sa->item.highlight || mg_lens_item_matched (&sa->item, sa->n_marks);
        if (top == (pass == 1))
          draw_actor (f, sa);
      }
}

typedef struct {
  cairo_scaled_font_t *font;
  MgColor              color;
  GArray              *glyphs;
} GlyphGroup;

static GlyphGroup *
glyph_group (GArray *groups, cairo_scaled_font_t *font, const MgColor *color)
{
  for (guint i = 0; i < groups->len; i++)
    {
      GlyphGroup *g = &g_array_index (groups, GlyphGroup, i);
      if (g->font == font && memcmp (&g->color, color, sizeof (MgColor)) == 0)
        return g;
    }
  GlyphGroup g = { font, *color, g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t)) };
  g_array_append_val (groups, g);
  return &g_array_index (groups, GlyphGroup, groups->len - 1);
}

static MgColor
label_text_color (Frame *f, const MgSceneActor *sa)
{
  MgColor text = sa->placement == MG_LABEL_INSIDE ? mg_style_label_color_on (f->style, &sa->fill)
                                                  : f->style->label_color;

  text.alpha *= label_opacity (f, sa);
  return text;
}

static int
compare_order (gconstpointer pa, gconstpointer pb)
{
  const MgSceneActor *a = *(MgSceneActor *const *) pa, *b = *(MgSceneActor *const *) pb;

  return a->item.order < b->item.order ? -1 : a->item.order > b->item.order;
}

void
mg_render_draw_labels (Frame *f)
{
  cairo_t *cr = f->cr;
  const MgStyle *style = f->style;
  double pad = style->label_padding;
  double zoom = f->label_zoom;
  double font_px = style->label_size * zoom * f->px;

  if (!f->opt->labels)
    return;
  if (f->opt->level_of_detail && font_px < f->opt->min_label_px)
    return;

  /* At the map's scale, the labels of the actors drawn; seen from
   * further away, those that keep their place at this inflation, from
   * the whole scene (a label may reach into the view from an actor out
   * of it, and the actors may have been drawn from the packed lists). */
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  GArray *far = f->scene->far_labels;
  /* A little beyond the map's scale, most labels still show: those of the
   * actors in view (a label reaching in from outside may be cut). */
  gboolean use_far = zoom > 2.0 || (zoom > 1.0 && f->list_actors);
  guint n_from = use_far ? (far != NULL ? far->len : 0) : f->actors->len;
  for (guint i = 0; i < n_from; i++)
    {
      MgSceneActor *sa;
      if (use_far)
        {
          const MgFarLabel *fl = &g_array_index (far, MgFarLabel, i);
          if (fl->zoom < zoom)
            break;
          sa = fl->sa;
        }
      else
        sa = g_ptr_array_index (f->actors, i);
      if (!mg_scene_actor_label_shown_at (sa, zoom) || !sa->placed ||
          sa->item.visibility == MG_ITEM_HIDDEN)
        continue;
      MgRect r = mg_scene_actor_label_inflate (sa, &sa->label_rect, zoom);
      if (mg_rect_intersects (&r, &f->visible))
        g_ptr_array_add (shown, sa);
    }
  /* Drawn in the map's order, as the actors are. */
  if (use_far && shown->len > 1)
    g_ptr_array_sort (shown, compare_order);

  /* Backgrounds first, all in one fill per opacity (plain rectangles when
   * the rounding would not show).  Text below 8 px is left bare: a box
   * around it would hide more than it helps. */
  if (!f->opt->level_of_detail || font_px >= 8)
    for (int faded_pass = 0; faded_pass < 2; faded_pass++)
      {
        gboolean any = FALSE;
        cairo_new_path (cr);
        for (guint i = 0; i < shown->len; i++)
          {
            MgSceneActor *sa = g_ptr_array_index (shown, i);
            if (sa->placement == MG_LABEL_INSIDE || (sa->item.visibility == MG_ITEM_FADED) != faded_pass)
              continue;
            /* A box a line, hugging it: a short first line does not hide
             * the shapes beside it behind the width of a long second. */
            MgRect few[8];
            g_autofree MgRect *many = sa->n_label_lines > G_N_ELEMENTS (few)
                                        ? g_new (MgRect, sa->n_label_lines) : NULL;
            MgRect *boxes = many != NULL ? many : few;
            guint n = mg_scene_actor_label_boxes (sa, pad, boxes);
            for (guint k = 0; k < n; k++)
              {
                MgRect r = mg_scene_actor_label_inflate (sa, &boxes[k], zoom);
                if (2.5 * zoom * f->px < 3)
                  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
                else
                  rounded_rect (cr, r.x, r.y, r.width, r.height, 2.5 * zoom);
              }
            any = TRUE;
          }
        if (any)
          {
            set_color (cr, &style->label_background, faded_pass ? style->fade_label_opacity : 1.0);
            cairo_fill (cr);
          }
      }

  if (!f->opt->level_of_detail)
    {
      /* Exact text for files: pango keeps the characters with the glyphs
       * (PDF text can be searched and copied). */
      for (guint i = 0; i < shown->len; i++)
        {
          MgSceneActor *sa = g_ptr_array_index (shown, i);
          MgColor text = label_text_color (f, sa);
          double ax, ay;
          cairo_save (cr);
          if (zoom != 1.0)
            {
              mg_scene_actor_label_anchor (sa, &ax, &ay);
              cairo_translate (cr, ax, ay);
              cairo_scale (cr, zoom, zoom);
              cairo_translate (cr, -ax, -ay);
            }
          cairo_move_to (cr, sa->label_rect.x + pad, sa->label_rect.y + pad);
          set_color (cr, &text, 1);
          pango_cairo_show_layout (cr, mg_scene_actor_layout (f->scene, sa));
          cairo_restore (cr);
        }
      return;
    }

  /* On screen: every label's glyphs in one call per font and colour. */
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (GlyphGroup));
  for (guint i = 0; i < shown->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (shown, i);
      const MgLabelGlyphs *lg = mg_scene_actor_glyphs (f->scene, sa);
      MgColor text = label_text_color (f, sa);
      double ox = sa->label_rect.x + pad, oy = sa->label_rect.y + pad;
      double ax = 0, ay = 0;
      if (zoom != 1.0)
        mg_scene_actor_label_anchor (sa, &ax, &ay);
      for (guint k = 0; k < lg->n_runs; k++)
        {
          const MgGlyphRun *run = &lg->runs[k];
          GlyphGroup *g = glyph_group (groups, run->font, &text);
          guint base = g->glyphs->len;
          g_array_set_size (g->glyphs, base + run->n_glyphs);
          cairo_glyph_t *out = &g_array_index (g->glyphs, cairo_glyph_t, base);
          for (guint j = 0; j < run->n_glyphs; j++)
            out[j] = (cairo_glyph_t) { run->glyphs[j].index,
                                       ax + zoom * (run->glyphs[j].x + ox - ax),
                                       ay + zoom * (run->glyphs[j].y + oy - ay) };
        }
    }
  for (guint i = 0; i < groups->len; i++)
    {
      GlyphGroup *g = &g_array_index (groups, GlyphGroup, i);
      cairo_set_scaled_font (cr, g->font);
      if (zoom != 1.0)
        {
          /* The same face, inflated. */
          cairo_matrix_t m;
          cairo_scaled_font_get_font_matrix (g->font, &m);
          cairo_matrix_scale (&m, zoom, zoom);
          cairo_set_font_matrix (cr, &m);
        }
      set_color (cr, &g->color, 1);
      cairo_show_glyphs (cr, (cairo_glyph_t *) g->glyphs->data, (int) g->glyphs->len);
      g_array_unref (g->glyphs);
    }
}
