/* mg-render-lens.h — how lens marks look, shared by the cairo renderer and
 * the SVG writer so that screen, PNG, PDF and SVG agree.  Private to core.
 *
 * A matched actor gets a ring around its shape, cut into one segment per
 * matching lesson (starting at the top, clockwise, in lesson order), in the
 * lesson's colour over a thin band of background colour that keeps it
 * apart from the lines below.  A matched relation gets a halo: one band per
 * lesson, concentric, the first lesson innermost, in a tint of the lesson's
 * colour (opaque, so that bands do not muddy each other).  Derived marks
 * are dashed: ring dashes fitted to the segment so that they end cleanly;
 * halo dashes long, on a paler band, so as not to flicker against dashed
 * relation kinds.
 */
#pragma once

#include "mg-scene.h"

G_BEGIN_DECLS

/* TRUE when @item is drawn as matched: shown (not faded) with marks. */
static inline gboolean
mg_lens_item_matched (const MgSceneItem *item, guint n_marks)
{
  return n_marks > 0 && item->visibility == MG_ITEM_SHOWN;
}

/* The lesson's colour, opaque. */
MgColor  mg_lens_color (MgLesson lesson);
/* The halo colour of @lesson: its colour tinted towards the background.
 * A derived halo is a band of the @pale tint with dashes of the other on
 * it: the band stays whole, calm beside dashed relation kinds. */
MgColor  mg_lens_halo_color (const MgStyle *style, MgLesson lesson, gboolean pale);

/* Segment @k of @n on a ring of radii @rx, @ry (angles in radians, from
 * the x axis, y pointing down: -π/2 is the top). */
void     mg_lens_ring_segment (const MgStyle *style, guint k, guint n, double rx, double ry,
                               double *a0, double *a1);
/* The dash pattern of a derived ring segment from @a0 to @a1: two entries
 * (on, off) fitted so that the segment holds a whole number of periods. */
void     mg_lens_ring_dashes (const MgStyle *style, double rx, double ry, double a0, double a1,
                              double dashes[2]);

/* How far halo band @k of @n reaches beyond the relation line's edge. */
double   mg_lens_halo_extent (const MgStyle *style, guint k, guint n);
/* The dash pattern of a derived halo (on, off). */
void     mg_lens_halo_dashes (const MgStyle *style, double dashes[2]);

/* The lens swatch of a legend entry (MG_LEGEND_LENS): a ring centred on
 * (*cx, *cy) of radius *r and line width *line, and a halo sample from
 * (*hx0, *cy) to (*hx1, *cy) of width *halo. */
void     mg_lens_legend_swatch (const MgStyle *style, const MgLegendEntry *e, double column,
                                double *cx, double *cy, double *r, double *line, double *hx0,
                                double *hx1, double *halo);

/* The colours of that swatch: the ring, the halo (@pale for a derived
 * one) and the grey of the sample actor and line.  Lens entries use the
 * lesson's colours, the key (MG_LEGEND_LENS_KEY) greys. */
void     mg_lens_legend_colors (const MgStyle *style, const MgLegendEntry *e, MgColor *ring,
                                MgColor *tint, MgColor *pale, MgColor *grey);

/* The width a relation is drawn with: a little wider when matched. */
static inline double
mg_lens_relation_width (const MgStyle *style, const MgSceneRelation *sr)
{
  return mg_lens_item_matched (&sr->item, sr->n_marks) ? sr->width + style->matched_width
                                                        : sr->width;
}

G_END_DECLS
