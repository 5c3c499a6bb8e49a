/* mg-scene-legend.c — the legend: only the roles and relation kinds the
 * scene shows, laid out once for every renderer. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mg-scene-private.h"

#define SWATCH_COLUMN 32.0 /* width of the sample column */
#define SWATCH_GAP 8.0

static void
entry_free (gpointer data)
{
  MgLegendEntry *e = data;

  g_free (e->text);
  g_free (e);
}

void
mg_legend_free (MgLegend *legend)
{
  if (legend == NULL)
    return;
  g_ptr_array_unref (legend->entries);
  g_free (legend);
}

typedef struct {
  MgScene              *scene;
  MgLegend             *legend;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  PangoFontDescription *heading;
  double                y;
  double                width;
} Builder;

static void
measure (Builder *b, const PangoFontDescription *font, const char *text, double *w, double *h,
         double *baseline)
{
  PangoLayout *layout = b->scene->measure;
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *w = logical.width / (double) PANGO_SCALE;
  *h = logical.height / (double) PANGO_SCALE;
  *baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
}

static MgLegendEntry *
add_text_entry (Builder *b, MgLegendEntryType type, const char *text, double space_before)
{
  MgLegendEntry *e = g_new0 (MgLegendEntry, 1);
  const PangoFontDescription *font = type == MG_LEGEND_HEADING ? b->heading
                                     : type == MG_LEGEND_SECTION ? b->bold
                                                                 : b->font;
  double pad = b->scene->style->legend_padding;
  double w, h, baseline;
  gboolean has_swatch = type == MG_LEGEND_ROLE || type == MG_LEGEND_KIND;
  double row = has_swatch ? MAX (b->legend->font_size * 1.55, 14.0) : 0;

  measure (b, font, text, &w, &h, &baseline);
  b->y += space_before;
  e->type = type;
  e->text = g_strdup (text);
  e->x = pad + (has_swatch ? SWATCH_COLUMN + SWATCH_GAP : 0);
  row = MAX (row, h);
  e->y = b->y + (row - h) / 2;
  e->baseline = baseline;
  if (has_swatch)
    {
      e->swatch_y = b->y + row / 2;
      e->swatch_x = pad + SWATCH_COLUMN / 2;
    }
  b->y += MAX (row, h);
  b->width = MAX (b->width, e->x + w + pad);
  g_ptr_array_add (b->legend->entries, e);
  return e;
}

MgLegend *
mg_legend_build (MgScene *scene)
{
  MgStyle *style = scene->style;
  MgVocabulary *vocab = mg_map_get_vocabulary (scene->map);
  MgLegend *legend = g_new0 (MgLegend, 1);
  g_autoptr (GHashTable) roles = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) kinds = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) directed_kinds = g_hash_table_new (NULL, NULL);
  gboolean no_role = FALSE, no_kind = FALSE, no_kind_directed = FALSE;

  legend->entries = g_ptr_array_new_with_free_func (entry_free);
  legend->font_size = style->legend_size;

  for (guint i = 0; i < scene->actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (scene->actors, i);
      if (!sa->placed || sa->item.visibility == MG_ITEM_HIDDEN)
        continue;
      if (sa->role)
        g_hash_table_add (roles, (gpointer) sa->role);
      else
        no_role = TRUE;
    }
  for (guint i = 0; i < scene->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (scene->relations, i);
      if (!sr->placed || sr->item.visibility == MG_ITEM_HIDDEN)
        continue;
      if (sr->kind)
        {
          g_hash_table_add (kinds, (gpointer) sr->kind);
          if (sr->relation->directed)
            g_hash_table_add (directed_kinds, (gpointer) sr->kind);
        }
      else
        {
          no_kind = TRUE;
          no_kind_directed |= sr->relation->directed;
        }
    }

  if (g_hash_table_size (roles) == 0 && !no_role && g_hash_table_size (kinds) == 0 && !no_kind)
    return legend; /* nothing to explain: 0 × 0 */

  Builder b = { scene, legend, NULL, NULL, NULL, style->legend_padding, 0 };
  b.font = mg_style_font (style, style->legend_size, FALSE);
  b.bold = mg_style_font (style, style->legend_size, TRUE);
  b.heading = mg_style_font (style, style->legend_size * 1.2, TRUE);

  add_text_entry (&b, MG_LEGEND_HEADING, _("Legend"), 0);

  if (g_hash_table_size (roles) > 0 || no_role)
    {
      GPtrArray *all = mg_vocabulary_get_roles (vocab);
      add_text_entry (&b, MG_LEGEND_SECTION, _("Actors"), style->legend_size * 0.6);
      for (guint i = 0; i <= all->len; i++)
        {
          const MgRole *role = i < all->len ? g_ptr_array_index (all, i) : NULL;
          if (role ? !g_hash_table_contains (roles, role) : !no_role)
            continue;
          MgLegendEntry *e = add_text_entry (&b, MG_LEGEND_ROLE,
                                             role ? _(role->name) : _("No role"), 0);
          e->id = role ? role->id : NULL;
          mg_style_get_role_look (style, role, NULL, &e->fill, &e->stroke, &e->shape);
          e->swatch_w = e->swatch_h = MAX (legend->font_size * 1.3, 10.0);
        }
    }

  if (g_hash_table_size (kinds) > 0 || no_kind)
    {
      GPtrArray *all = mg_vocabulary_get_kinds (vocab);
      add_text_entry (&b, MG_LEGEND_SECTION, _("Relations"), style->legend_size * 0.6);
      for (guint i = 0; i <= all->len; i++)
        {
          const MgRelationKind *kind = i < all->len ? g_ptr_array_index (all, i) : NULL;
          if (kind ? !g_hash_table_contains (kinds, kind) : !no_kind)
            continue;
          MgLegendEntry *e = add_text_entry (&b, MG_LEGEND_KIND,
                                             kind ? _(kind->name) : _("Other relation"), 0);
          e->id = kind ? kind->id : NULL;
          e->stroke = mg_style_get_kind_swatch (style, kind);
          mg_style_get_kind_look (style, kind, NULL, &e->line);
          e->directed = kind ? g_hash_table_contains (directed_kinds, kind) : no_kind_directed;
          e->swatch_w = SWATCH_COLUMN;
          e->swatch_h = MAX (style->relation_width * 1.5, 1.5);
        }
    }

  legend->width = ceil (MAX (b.width, 100.0));
  legend->height = ceil (b.y + style->legend_padding);

  pango_font_description_free (b.font);
  pango_font_description_free (b.bold);
  pango_font_description_free (b.heading);
  return legend;
}
