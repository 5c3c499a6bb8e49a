/* mg-style.c — how a map looks, on screen and in files. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-style.h"

typedef struct {
  guint32 color;
  MgShape shape;
} MgStyleRoleOverride;

typedef struct {
  guint32     color;
  MgLineStyle line;
} MgStyleKindOverride;

MgColor
mg_color_from_rgb (guint32 rgb, double alpha)
{
  MgColor c = {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
    alpha,
  };
  return c;
}

static guint
channel_to_byte (double v)
{
  return (guint) CLAMP (lround (v * 255.0), 0, 255);
}

guint32
mg_color_to_rgb (const MgColor *color)
{
  g_return_val_if_fail (color != NULL, 0);
  return (channel_to_byte (color->red) << 16) | (channel_to_byte (color->green) << 8) |
         channel_to_byte (color->blue);
}

char *
mg_color_to_hex (const MgColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);
  return g_strdup_printf ("#%06x", mg_color_to_rgb (color));
}

MgColor
mg_color_mix (const MgColor *a, const MgColor *b, double t)
{
  MgColor c = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
  return c;
}

static double
linear_channel (double v)
{
  return v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

double
mg_color_luminance (const MgColor *color)
{
  g_return_val_if_fail (color != NULL, 0);
  return 0.2126 * linear_channel (color->red) + 0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

double
mg_color_contrast (const MgColor *a, const MgColor *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  double la = mg_color_luminance (a), lb = mg_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

MgColor
mg_style_label_color_on (const MgStyle *style, const MgColor *fill)
{
  g_return_val_if_fail (style != NULL && fill != NULL, mg_color_from_rgb (0, 1.0));

  /* The palette's own label colour is the dark one in light mode, the
   * light one in dark mode; the other is near black or white. */
  MgColor own = style->label_color;
  MgColor other = mg_color_from_rgb (style->dark ? 0x1e1e1e : 0xffffff, 1.0);

  own.alpha = 1.0;
  return mg_color_contrast (&own, fill) >= mg_color_contrast (&other, fill) ? own : other;
}

MgStyle *
mg_style_new (void)
{
  MgStyle *style = g_new0 (MgStyle, 1);

  g_atomic_ref_count_init (&style->ref_count);
  style->role_overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  style->kind_overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  style->font_family = g_strdup ("Cantarell, Noto Sans, DejaVu Sans");
  style->label_size = 9.0;
  style->title_size = 18.0;
  style->legend_size = 9.0;
  style->cluster_label_size = 10.0;

  style->label_max_lines = 3;
  style->label_line_chars = 22;
  style->label_inside_if_fits = FALSE;
  style->label_gap = 3.0;
  style->label_padding = 1.5;

  style->actor_size = 40.0;
  style->actor_stroke_width = 1.25;
  style->stroke_darken = 0.38;

  style->relation_width = 1.3;
  style->relation_min_width = 0.6;
  style->relation_max_width = 6.0;
  style->relation_opacity = 0.85;
  style->relation_mute = 0.2;
  style->arrow_size = 8.0;
  style->parallel_spacing = 10.0;

  style->legend_padding = 10.0;

  style->fade_opacity = 0.2;
  style->fade_label_opacity = 0.45;
  style->context_opacity = 0.6;
  style->ring_width = 4.0;
  style->halo_width = 3.5;
  style->halo_tint = 0.4;
  style->matched_width = 0.6;

  mg_style_set_dark (style, FALSE);
  return style;
}

MgStyle *
mg_style_new_dark (void)
{
  MgStyle *style = mg_style_new ();

  mg_style_set_dark (style, TRUE);
  return style;
}

void
mg_style_set_dark (MgStyle *style, gboolean dark)
{
  g_return_if_fail (style != NULL);

  style->dark = !!dark;
  /* Amber stands out on both backgrounds. */
  style->highlight_color = mg_color_from_rgb (0xffb000, 1.0);
  if (!dark)
    {
      style->background = mg_color_from_rgb (0xffffff, 1.0);
      style->label_color = mg_color_from_rgb (0x1f2328, 1.0);
      style->label_background = mg_color_from_rgb (0xffffff, 0.82);
      style->actor_default_fill = mg_color_from_rgb (0xbfc4cc, 1.0);
      style->relation_default_color = mg_color_from_rgb (0x8c929b, 1.0);
      style->cluster_fill = mg_color_from_rgb (0xeef1f5, 0.65);
      style->cluster_stroke = mg_color_from_rgb (0xb9c0ca, 1.0);
      style->cluster_label_color = mg_color_from_rgb (0x586069, 1.0);
      style->legend_background = mg_color_from_rgb (0xffffff, 0.94);
      style->legend_border = mg_color_from_rgb (0xc8cdd4, 1.0);
      style->legend_text = mg_color_from_rgb (0x2b3038, 1.0);
      style->legend_heading = mg_color_from_rgb (0x111418, 1.0);
      style->title_color = mg_color_from_rgb (0x111418, 1.0);
      return;
    }
  /* libadwaita's dark view background, so the map sits in the window like
   * any other view; text and lines in light greys. */
  style->background = mg_color_from_rgb (0x1e1e1e, 1.0);
  style->label_color = mg_color_from_rgb (0xe8eaed, 1.0);
  style->label_background = mg_color_from_rgb (0x1e1e1e, 0.82);
  style->actor_default_fill = mg_color_from_rgb (0x8a9099, 1.0);
  style->relation_default_color = mg_color_from_rgb (0x9aa0a8, 1.0);
  style->cluster_fill = mg_color_from_rgb (0x343a44, 0.55);
  style->cluster_stroke = mg_color_from_rgb (0x5c6470, 1.0);
  style->cluster_label_color = mg_color_from_rgb (0xb4bcc6, 1.0);
  style->legend_background = mg_color_from_rgb (0x2a2a2a, 0.94);
  style->legend_border = mg_color_from_rgb (0x4c525a, 1.0);
  style->legend_text = mg_color_from_rgb (0xd9dde2, 1.0);
  style->legend_heading = mg_color_from_rgb (0xf4f5f7, 1.0);
  style->title_color = mg_color_from_rgb (0xf4f5f7, 1.0);
}

/* WCAG 2.1 asks 3:1 for shapes and lines that carry meaning. */
#define MIN_GRAPHIC_CONTRAST 3.0

/* @color, lightened towards white just enough to reach @ratio against the
 * (dark) background; unchanged when it already does. */
static MgColor
raise_contrast (const MgColor *color, const MgColor *background, double ratio)
{
  MgColor white = { 1, 1, 1, color->alpha };
  double lo = 0, hi = 1;

  if (mg_color_contrast (color, background) >= ratio)
    return *color;
  /* Contrast grows with the mix: bisect for the smallest that is enough. */
  for (guint i = 0; i < 16; i++)
    {
      double mid = (lo + hi) / 2;
      MgColor c = mg_color_mix (color, &white, mid);
      if (mg_color_contrast (&c, background) >= ratio)
        hi = mid;
      else
        lo = mid;
    }
  return mg_color_mix (color, &white, hi);
}

MgStyle *
mg_style_ref (MgStyle *style)
{
  g_return_val_if_fail (style != NULL, NULL);
  g_atomic_ref_count_inc (&style->ref_count);
  return style;
}

void
mg_style_unref (MgStyle *style)
{
  g_return_if_fail (style != NULL);
  if (!g_atomic_ref_count_dec (&style->ref_count))
    return;
  g_hash_table_unref (style->role_overrides);
  g_hash_table_unref (style->kind_overrides);
  g_free (style->font_family);
  g_free (style);
}

MgStyle *
mg_style_copy (const MgStyle *style)
{
  g_return_val_if_fail (style != NULL, NULL);

  MgStyle *copy = g_new (MgStyle, 1);
  GHashTableIter iter;
  gpointer key, value;

  *copy = *style;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->font_family = g_strdup (style->font_family);
  copy->role_overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  copy->kind_overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, style->role_overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->role_overrides, g_strdup (key),
                         g_memdup2 (value, sizeof (MgStyleRoleOverride)));
  g_hash_table_iter_init (&iter, style->kind_overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->kind_overrides, g_strdup (key),
                         g_memdup2 (value, sizeof (MgStyleKindOverride)));
  return copy;
}

void
mg_style_set_role_look (MgStyle *style, const char *role_id, guint32 color, MgShape shape)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (role_id != NULL);
  g_return_if_fail (shape < MG_N_SHAPES);

  MgStyleRoleOverride *o = g_new (MgStyleRoleOverride, 1);
  o->color = color;
  o->shape = shape;
  g_hash_table_replace (style->role_overrides, g_strdup (role_id), o);
}

void
mg_style_set_kind_look (MgStyle *style, const char *kind_id, guint32 color, MgLineStyle line)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (kind_id != NULL);

  MgStyleKindOverride *o = g_new (MgStyleKindOverride, 1);
  o->color = color;
  o->line = line;
  g_hash_table_replace (style->kind_overrides, g_strdup (kind_id), o);
}

void
mg_style_get_shape_colors (const MgStyle *style, guint32 rgb, MgColor *fill, MgColor *stroke)
{
  g_return_if_fail (style != NULL);

  MgColor f = mg_color_from_rgb (rgb, 1.0);

  if (style->dark)
    f = raise_contrast (&f, &style->background, MIN_GRAPHIC_CONTRAST);
  if (fill)
    *fill = f;
  if (stroke)
    {
      /* A rim darker than the fill on paper, lighter on a dark background:
       * either way it parts the shape from what is behind. */
      MgColor rim = { style->dark ? 1 : 0, style->dark ? 1 : 0, style->dark ? 1 : 0, 1 };
      *stroke = mg_color_mix (&f, &rim, style->dark ? style->stroke_darken * 0.6
                                                     : style->stroke_darken);
    }
}

void
mg_style_get_role_look (const MgStyle *style, const MgRole *role, const MgActor *actor,
                        MgColor *fill, MgColor *stroke, MgShape *shape)
{
  g_return_if_fail (style != NULL);

  MgColor f = style->actor_default_fill;
  MgShape s = MG_SHAPE_ELLIPSE;

  if (role != NULL)
    {
      const MgStyleRoleOverride *o = g_hash_table_lookup (style->role_overrides, role->id);
      f = mg_color_from_rgb (o ? o->color : role->color, 1.0);
      s = o ? o->shape : role->shape;
    }
  else if (actor != NULL && actor->has_color)
    {
      /* Without a role, the colour the file gave (yEd, Gephi) still tells
       * actors apart. */
      f = mg_color_from_rgb (actor->color, 1.0);
    }
  if (s >= MG_N_SHAPES)
    s = MG_SHAPE_ELLIPSE;
  mg_style_get_shape_colors (style, mg_color_to_rgb (&f), fill, stroke);
  if (shape)
    *shape = s;
}

static MgColor
kind_base_color (const MgStyle *style, const MgRelationKind *kind, MgLineStyle *line)
{
  MgColor c = style->relation_default_color;
  MgLineStyle l = MG_LINE_SOLID;

  if (kind != NULL)
    {
      const MgStyleKindOverride *o = g_hash_table_lookup (style->kind_overrides, kind->id);
      c = mg_color_from_rgb (o ? o->color : kind->color, 1.0);
      l = o ? o->line : kind->line;
    }
  if (line)
    *line = l;
  return c;
}

void
mg_style_get_kind_look (const MgStyle *style, const MgRelationKind *kind, MgColor *color,
                        MgLineStyle *line)
{
  g_return_if_fail (style != NULL);

  MgColor c = kind_base_color (style, kind, line);
  MgColor grey = style->relation_default_color;

  if (color)
    {
      /* Muted towards grey so that the actors, not the lines, catch the eye;
       * lightened towards the background rather than made translucent, so
       * crossings and arrowheads over their line do not darken. */
      MgColor bg = style->background;
      MgColor muted = mg_color_mix (&c, &grey, kind ? style->relation_mute : 0.0);
      bg.alpha = 1.0;
      muted.alpha = 1.0;
      *color = mg_color_mix (&muted, &bg, 1.0 - style->relation_opacity);
      if (style->dark)
        *color = raise_contrast (color, &bg, MIN_GRAPHIC_CONTRAST);
    }
}

MgColor
mg_style_get_kind_swatch (const MgStyle *style, const MgRelationKind *kind)
{
  MgColor c;

  mg_style_get_kind_look (style, kind, &c, NULL);
  c.alpha = 1.0;
  return c;
}

double
mg_style_relation_width (const MgStyle *style, const MgRelation *relation)
{
  g_return_val_if_fail (style != NULL, 1.0);

  double w = style->relation_width;

  /* √weight keeps heavy relations visible without drowning the map. */
  if (relation != NULL && relation->has_weight && isfinite (relation->weight))
    w = style->relation_width * sqrt (MAX (relation->weight, 0.0));
  return CLAMP (w, style->relation_min_width, style->relation_max_width);
}

void
mg_style_actor_size (const MgStyle *style, const MgActor *actor, double *width, double *height)
{
  g_return_if_fail (style != NULL);

  double w = style->actor_size, h = style->actor_size;

  if (actor != NULL && actor->width > 0 && isfinite (actor->width))
    w = actor->width;
  if (actor != NULL && actor->height > 0 && isfinite (actor->height))
    h = actor->height;
  /* A huge or tiny size from a file must not break the drawing. */
  *width = CLAMP (w, 4.0, 2000.0);
  *height = CLAMP (h, 4.0, 2000.0);
}

guint
mg_style_get_dashes (MgLineStyle line, double width, double dashes[4])
{
  double u = MAX (width, 0.8);

  switch (line)
    {
    case MG_LINE_DASHED:
      dashes[0] = 6 * u;
      dashes[1] = 4 * u;
      return 2;
    case MG_LINE_DOTTED:
      dashes[0] = 1.2 * u;
      dashes[1] = 2.2 * u;
      return 2;
    case MG_LINE_DASH_DOT:
      dashes[0] = 7 * u;
      dashes[1] = 3 * u;
      dashes[2] = 1.2 * u;
      dashes[3] = 3 * u;
      return 4;
    case MG_LINE_LONG_DASH:
      dashes[0] = 14 * u;
      dashes[1] = 4 * u;
      return 2;
    case MG_LINE_DASH_PAIRS:
      dashes[0] = 3.5 * u;
      dashes[1] = 2 * u;
      dashes[2] = 3.5 * u;
      dashes[3] = 7 * u;
      return 4;
    case MG_LINE_SOLID:
    default:
      return 0;
    }
}

PangoFontDescription *
mg_style_font (const MgStyle *style, double size, gboolean bold)
{
  g_return_val_if_fail (style != NULL, NULL);

  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family);
  pango_font_description_set_size (desc, (int) lround (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  return desc;
}

char *
mg_style_font_family_css (const MgStyle *style)
{
  g_return_val_if_fail (style != NULL, NULL);

  g_auto (GStrv) families = g_strsplit (style->font_family, ",", -1);
  GString *css = g_string_new (NULL);

  for (guint i = 0; families[i] != NULL; i++)
    {
      const char *f = g_strstrip (families[i]);
      if (*f == '\0')
        continue;
      if (css->len > 0)
        g_string_append (css, ", ");
      if (strchr (f, ' ') != NULL)
        g_string_append_printf (css, "'%s'", f);
      else
        g_string_append (css, f);
    }
  if (css->len > 0)
    g_string_append (css, ", ");
  g_string_append (css, "sans-serif");
  return g_string_free (css, FALSE);
}
