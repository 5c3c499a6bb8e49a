/* mg-style.h — how a map looks, on screen and in files.
 *
 * One style object serves the canvas and every export, so an exported image
 * looks like the screen.  Sizes are in map units (points at scale 1); colours
 * are RGBA doubles for cairo and are written as #rrggbb + opacity in SVG.
 *
 * Role and kind colours come from the map's vocabulary (colour-blind-safe
 * palette in mg-vocab.c); the style may override them per id.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include "mg-map.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} MgColor;

/* 0xRRGGBB → colour with @alpha. */
MgColor  mg_color_from_rgb (guint32 rgb, double alpha);
guint32  mg_color_to_rgb (const MgColor *color);
/* "#rrggbb" (transfer full); alpha is not included. */
char    *mg_color_to_hex (const MgColor *color);
/* @a mixed towards @b by @t (0 = a, 1 = b); alpha mixed too. */
MgColor  mg_color_mix (const MgColor *a, const MgColor *b, double t);
/* Relative luminance (0 black … 1 white), for choosing text contrast. */
double   mg_color_luminance (const MgColor *color);
/* The WCAG contrast ratio of two opaque colours: 1 (same) … 21 (black on
 * white).  Alpha is ignored. */
double   mg_color_contrast (const MgColor *a, const MgColor *b);

typedef struct _MgStyle MgStyle;

struct _MgStyle {
  /*< private >*/
  gatomicrefcount ref_count;
  GHashTable *role_overrides; /* id → MgStyleRoleOverride* */
  GHashTable *kind_overrides; /* id → MgStyleKindOverride* */

  /*< public >*/
  /* Fonts: a Pango family list; sizes in points (map units). */
  char    *font_family;        /* "Cantarell, Noto Sans, DejaVu Sans" */
  double   label_size;
  double   title_size;
  double   legend_size;
  double   cluster_label_size;

  /* Actor labels: wrapped to label_max_lines lines of about
   * label_line_chars characters, the rest ellipsized. */
  guint    label_max_lines;
  guint    label_line_chars;
  gboolean label_inside_if_fits;
  double   label_gap;          /* between shape and label */
  MgColor  label_color;
  MgColor  label_background;   /* the rounded box behind a label */
  double   label_padding;

  /* Actors. */
  double   actor_size;         /* default width/height when the actor has none */
  double   actor_scale;        /* every actor drawn this much larger (0 or 1: as is;
                                  presentation mode) */
  double   actor_stroke_width;
  MgColor  actor_default_fill; /* actors without role or file colour */
  double   stroke_darken;      /* outline = fill darkened by this fraction */

  /* Relations: width = relation_width × √weight, clamped. */
  double   relation_width;
  double   relation_min_width;
  double   relation_max_width;
  double   relation_opacity;
  double   relation_mute;      /* how much kind colours are mixed towards grey */
  MgColor  relation_default_color;
  double   arrow_size;         /* length of an arrowhead */
  double   parallel_spacing;   /* between parallel relations of one pair */

  /* Map background (exports may make it transparent). */
  MgColor  background;

  /* Territory cluster boxes. */
  MgColor  cluster_fill;
  MgColor  cluster_stroke;
  MgColor  cluster_label_color;

  /* Legend and title. */
  MgColor  legend_background;
  MgColor  legend_border;
  MgColor  legend_text;
  MgColor  legend_heading;
  double   legend_padding;
  /* A compact legend (presentation mode): lenses and roles, without the
   * relation kinds. */
  gboolean legend_compact;
  MgColor  title_color;

  /* Lenses.  Matched items are drawn in full colour, on top, with a ring
   * (actors) or halo (relations) in each matching lesson's colour: solid
   * when tagged, dashed when derived.  The unmatched fade; the unmatched
   * actors kept as ends of matched relations are drawn as context. */
  double   fade_opacity;        /* unmatched shapes and lines */
  double   fade_label_opacity;  /* their labels: readable as context */
  double   context_opacity;     /* unmatched actors at ends of matched relations */
  double   ring_width;
  double   halo_width;          /* each side of a matched relation, first lesson */
  double   halo_tint;           /* halo colour: lesson colour mixed towards the
                                   background by this much */
  double   matched_width;       /* added to a matched relation's width */
  MgColor  highlight_color;     /* emphasis outline (hover) */

  /* The palette is for a dark background (the screen in dark mode).  Role
   * and kind colours then stay, but are lightened where they would fall
   * under 3:1 contrast with the background (WCAG non-text contrast), and
   * actor outlines are lighter than their fill instead of darker.  Exports
   * keep the light palette. */
  gboolean dark;
};

MgStyle *mg_style_new (void);
/* The default style with the dark palette (mg_style_set_dark). */
MgStyle *mg_style_new_dark (void);
MgStyle *mg_style_ref (MgStyle *style);
void     mg_style_unref (MgStyle *style);
MgStyle *mg_style_copy (const MgStyle *style);

/* Gives @style the dark palette (dark background, light labels, lines,
 * territory boxes and legend) or the light one; only colours change, sizes
 * and fonts stay (a presentation style stays big). */
void     mg_style_set_dark (MgStyle *style, gboolean dark);

/* Per-id overrides of the vocabulary's colours and shapes. */
void     mg_style_set_role_look (MgStyle *style, const char *role_id,
                                 guint32 color, MgShape shape);
void     mg_style_set_kind_look (MgStyle *style, const char *kind_id,
                                 guint32 color, MgLineStyle line);

/* What an actor of @role looks like (@role may be NULL).  @actor may be
 * NULL; when given and it has no role, its file colour is used. */
void     mg_style_get_role_look (const MgStyle *style, const MgRole *role,
                                 const MgActor *actor, MgColor *fill,
                                 MgColor *stroke, MgShape *shape);
/* The fill and outline of a shape of colour @rgb (0xRRGGBB): on a dark
 * background the fill is lightened where it would fall under 3:1 contrast.
 * Either may be NULL.  (Role swatches in panels use it too.) */
void     mg_style_get_shape_colors (const MgStyle *style, guint32 rgb, MgColor *fill,
                                    MgColor *stroke);
/* The colour of a label written inside a shape filled with @fill: the
 * darker or the lighter text colour, whichever reads better on it — in
 * either palette. */
MgColor  mg_style_label_color_on (const MgStyle *style, const MgColor *fill);
/* The drawn colour (already muted, with relation_opacity) and line style of
 * a relation of @kind (may be NULL). */
void     mg_style_get_kind_look (const MgStyle *style, const MgRelationKind *kind,
                                 MgColor *color, MgLineStyle *line);
/* The legend swatch colour of @kind: like the drawn one, but opaque. */
MgColor  mg_style_get_kind_swatch (const MgStyle *style, const MgRelationKind *kind);

double   mg_style_relation_width (const MgStyle *style, const MgRelation *relation);
void     mg_style_actor_size (const MgStyle *style, const MgActor *actor,
                              double *width, double *height);

/* Dash pattern of @line for a stroke of @width, in map units.  Returns the
 * number of entries written to @dashes (0 = solid; at most 4). */
guint    mg_style_get_dashes (MgLineStyle line, double width, double dashes[4]);

/* A new font description for the style's family at @size points. */
PangoFontDescription *mg_style_font (const MgStyle *style, double size, gboolean bold);
/* The family list as a CSS font-family value for SVG (transfer full):
 * "Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif". */
char    *mg_style_font_family_css (const MgStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgStyle, mg_style_unref)

/* Inferred and illustrative relations: this share of the width and of the
 * opacity of a stated one. */
#define MG_WEAK_RELATION_WIDTH 0.55
#define MG_WEAK_RELATION_ALPHA 0.5
/* The badge of a workshop addition (Okabe–Ito vermilion). */
#define MG_WORKSHOP_BADGE_COLOR 0xD55E00

G_END_DECLS
