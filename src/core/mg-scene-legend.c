/* mg-scene-legend.c — the legend: the active lenses with their counts and
 * what filters hide, then only the roles and relation kinds the scene
 * shows; laid out once for every renderer. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mg-i18n.h"
#include "mg-scene-bridge.h"
#include "mg-scene-private.h"

#define SWATCH_COLUMN MG_LEGEND_SWATCH_COLUMN
#define SWATCH_GAP 8.0

static void
entry_free (gpointer data)
{
  MgLegendEntry *e = data;

  g_free (e->text);
  g_strfreev (e->lines);
  g_free (e->baselines);
  g_free (e->detail);
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
  const char           *lang;  /* of the texts: scene->legend_language */
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
  gboolean has_swatch = type == MG_LEGEND_ROLE || type == MG_LEGEND_KIND ||
                        type == MG_LEGEND_LENS_KEY;
  double row = has_swatch ? MAX (b->legend->font_size * 1.55, 14.0) : 0;

  measure (b, font, text, &w, &h, &baseline);
  b->y += space_before;
  e->type = type;
  e->text = g_strdup (text);
  e->lines = g_new0 (char *, 2);
  e->lines[0] = g_strdup (text);
  e->baselines = g_new (double, 1);
  e->baselines[0] = baseline;
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

/* ---- lenses and filters ------------------------------------------------- */

/* A lens: a ring in the lesson's colour, the lesson's name, and below it
 * how many actors and relations match. */
static void
add_lens_entry (Builder *b, MgLesson lesson, guint n_actors, guint n_relations)
{
  MgLegendEntry *e = g_new0 (MgLegendEntry, 1);
  double pad = b->scene->style->legend_padding;
  double w, h, baseline, dw, dh, dbaseline;
  g_autofree char *actors = NULL, *relations = NULL;
  double ring = MAX (b->legend->font_size * 1.6, 12.0);

  e->type = MG_LEGEND_LENS;
  e->lesson = lesson;
  e->id = mg_lesson_info (lesson)->id;
  e->text = g_strdup (mg_i18n_gettext (b->lang, mg_lesson_info (lesson)->name));
  actors = g_strdup_printf (mg_i18n_ngettext (b->lang, "%u actor", "%u actors", n_actors),
                            n_actors);
  relations = g_strdup_printf (mg_i18n_ngettext (b->lang, "%u relation", "%u relations",
                                            n_relations), n_relations);
  /* TRANSLATORS: "14 actors, 21 relations match" (a lesson lens, in the legend). */
  e->detail = g_strdup_printf (mg_i18n_gettext (b->lang, "%s, %s match"), actors, relations);

  measure (b, b->bold, e->text, &w, &h, &baseline);
  measure (b, b->font, e->detail, &dw, &dh, &dbaseline);
  b->y += b->legend->font_size * 0.35;
  double row = MAX (ring + 4, h + dh);
  e->x = pad + SWATCH_COLUMN + SWATCH_GAP;
  e->y = b->y + (row - h - dh) / 2;
  e->baseline = baseline;
  e->lines = g_new0 (char *, 2);
  e->lines[0] = g_strdup (e->text);
  e->baselines = g_new (double, 1);
  e->baselines[0] = baseline;
  e->detail_y = e->y + h;
  e->detail_baseline = dbaseline;
  e->swatch_x = pad + SWATCH_COLUMN / 2;
  e->swatch_y = b->y + row / 2;
  e->swatch_w = e->swatch_h = ring;
  e->stroke = mg_color_from_rgb (mg_lesson_info (lesson)->color, 1.0);
  b->y += row;
  b->width = MAX (b->width, e->x + MAX (w, dw) + pad);
  g_ptr_array_add (b->legend->entries, e);
}

/* A wrapped remark, full width. */
static void
add_note_entry (Builder *b, const char *text, double max_width)
{
  MgLegendEntry *e = g_new0 (MgLegendEntry, 1);
  double pad = b->scene->style->legend_padding;
  double w, h;

  e->type = MG_LEGEND_NOTE;
  e->text = g_strdup (text);
  /* A little wider rather than one word alone on a line. */
  measure (b, b->font, text, &w, &h, &e->baseline);
  if (w <= max_width * 1.2)
    max_width = w + 1;
  e->lines = mg_scene_wrap_text (b->scene, b->font, text, max_width, 0, &w, &h, &e->baselines);
  b->y += b->legend->font_size * 0.6;
  e->x = pad;
  e->y = b->y;
  e->baseline = e->baselines ? e->baselines[0] : 0;
  b->y += h;
  b->width = MAX (b->width, e->x + w + pad);
  g_ptr_array_add (b->legend->entries, e);
}

/* "Filtered: role SME, territory …; showing 12 of 27 actors", or NULL. */
static char *
filter_note (Builder *b, const MgLensLegend *lens)
{
  g_autoptr (GString) s = g_string_new (NULL);
  gboolean hides = lens->hide_unmatched && lens->active != 0;
  /* TRANSLATORS: between the parts of the legend's filter note (French: " ; "). */
  const char *separator = mg_i18n_gettext (b->lang, "; ");

  if (lens->filter == NULL && !hides)
    return NULL;
  if (lens->filter != NULL)
    {
      /* In the legend's language when the filter itself is known. */
      g_autofree char *filter =
        b->scene->lens_filter_spec != NULL
          ? mg_scene_bridge_describe_filter_in (b->scene->map, b->scene->lens_filter_spec, b->lang)
          : g_strdup (lens->filter);
      g_string_append_printf (s, mg_i18n_gettext (b->lang, "Filtered: %s"),
                              filter != NULL ? filter : lens->filter);
    }
  if (hides)
    {
      if (s->len > 0)
        g_string_append (s, separator);
      g_string_append (s, s->len > 0 ? mg_i18n_gettext (b->lang, "unmatched hidden")
                                     : mg_i18n_gettext (b->lang, "Unmatched hidden"));
    }
  g_string_append (s, separator);
  g_string_append_printf (s, mg_i18n_ngettext (b->lang, "showing %u of %u actor",
                                               "showing %u of %u actors", lens->n_actors),
                          lens->n_actors_shown, lens->n_actors);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
add_lens_section (Builder *b, const MgLensLegend *lens)
{
  guint n_active = 0;

  for (guint l = 0; l < MG_N_LESSONS; l++)
    n_active += (lens->active >> l) & 1;

  if (n_active > 0)
    {
      const char *title = n_active == 1 ? mg_i18n_gettext (b->lang, "Lens")
                          : lens->match_all ? mg_i18n_gettext (b->lang, "Lenses (matching all)")
                                            : mg_i18n_gettext (b->lang, "Lenses (matching any)");
      add_text_entry (b, MG_LEGEND_SECTION, title, b->legend->font_size * 0.6);
      for (guint l = 0; l < MG_N_LESSONS; l++)
        if (lens->active & MG_LESSON_BIT (l))
          add_lens_entry (b, l, lens->actors_matching[l], lens->relations_matching[l]);
      if (n_active > 1)
        {
          /* What the lenses match together: what is drawn as matched. */
          g_autofree char *actors = g_strdup_printf (
            mg_i18n_ngettext (b->lang, "%u actor", "%u actors", lens->n_actors_matched),
            lens->n_actors_matched);
          g_autofree char *relations = g_strdup_printf (
            mg_i18n_ngettext (b->lang, "%u relation", "%u relations", lens->n_relations_matched),
            lens->n_relations_matched);
          g_autofree char *text =
            g_strdup_printf (lens->match_all ? mg_i18n_gettext (b->lang, "Matching all: %s, %s")
                                             : mg_i18n_gettext (b->lang, "Matching any: %s, %s"),
                             actors, relations);
          add_note_entry (b, text, MAX (b->width - 2 * b->scene->style->legend_padding,
                                        b->legend->font_size * 22));
        }

      /* The key: solid for what users tagged, dashed for what the rules
       * derive from the map. */
      MgLegendEntry *e;
      b->y += b->legend->font_size * 0.3;
      e = add_text_entry (b, MG_LEGEND_LENS_KEY,
                          lens->derived ? mg_i18n_gettext (b->lang, "solid: tagged by someone")
                                        : mg_i18n_gettext (b->lang, "solid: tagged (rules off)"),
                          0);
      e->derived = FALSE;
      e->swatch_w = e->swatch_h = MAX (b->legend->font_size * 1.3, 10.0);
      if (lens->derived)
        {
          e = add_text_entry (b, MG_LEGEND_LENS_KEY,
                              mg_i18n_gettext (b->lang, "dashed: found by the lesson’s rule"), 0);
          e->derived = TRUE;
          e->swatch_w = e->swatch_h = MAX (b->legend->font_size * 1.3, 10.0);
        }
    }

  g_autofree char *note = filter_note (b, lens);
  if (note != NULL)
    add_note_entry (b, note, MAX (b->width - 2 * b->scene->style->legend_padding,
                                  b->legend->font_size * 22));
}

MgLegend *
mg_legend_build (MgScene *scene)
{
  MgStyle *style = scene->style;
  const char *lang = scene->legend_language;
  MgVocabulary *vocab = mg_map_get_vocabulary (scene->map);
  MgLegend *legend = g_new0 (MgLegend, 1);
  g_autoptr (GHashTable) roles = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) kinds = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) directed_kinds = g_hash_table_new (NULL, NULL);
  gboolean no_role = FALSE, no_kind = FALSE, no_kind_directed = FALSE;
  gboolean weak = FALSE, workshop = FALSE;

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
      workshop |= sa->provenance == MG_PROVENANCE_WORKSHOP;
    }
  for (guint i = 0; i < scene->relations->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (scene->relations, i);
      if (!sr->placed || sr->item.visibility == MG_ITEM_HIDDEN)
        continue;
      weak |= mg_provenance_is_weak (sr->provenance);
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

  const MgLensLegend *lens = scene->has_lens_legend ? &scene->lens_legend : NULL;
  gboolean has_lens = lens != NULL && (lens->active != 0 || lens->filter != NULL);

  if (g_hash_table_size (roles) == 0 && !no_role && g_hash_table_size (kinds) == 0 && !no_kind &&
      !has_lens)
    return legend; /* nothing to explain: 0 × 0 */

  Builder b = { scene, legend, NULL, NULL, NULL, style->legend_padding, 0, lang };
  b.font = mg_style_font (style, style->legend_size, FALSE);
  b.bold = mg_style_font (style, style->legend_size, TRUE);
  b.heading = mg_style_font (style, style->legend_size * 1.2, TRUE);

  if (has_lens)
    {
      /* The filter note wraps to the legend's width: know it beforehand
       * from the widest role or kind name. */
      GPtrArray *all_roles = mg_vocabulary_get_roles (vocab);
      GPtrArray *all_kinds = mg_vocabulary_get_kinds (vocab);
      for (guint i = 0; i < all_roles->len + all_kinds->len; i++)
        {
          const char *name;
          double w, h, baseline;
          if (i < all_roles->len)
            {
              const MgRole *role = g_ptr_array_index (all_roles, i);
              if (!g_hash_table_contains (roles, role))
                continue;
              name = mg_i18n_gettext (lang, role->name);
            }
          else
            {
              const MgRelationKind *kind = g_ptr_array_index (all_kinds, i - all_roles->len);
              if (!g_hash_table_contains (kinds, kind))
                continue;
              name = mg_i18n_gettext (lang, kind->name);
            }
          measure (&b, b.font, name, &w, &h, &baseline);
          b.width = MAX (b.width, 2 * style->legend_padding + SWATCH_COLUMN + SWATCH_GAP + w);
        }
    }

  add_text_entry (&b, MG_LEGEND_HEADING, mg_i18n_gettext (lang, "Legend"), 0);
  if (has_lens)
    add_lens_section (&b, lens);

  if (g_hash_table_size (roles) > 0 || no_role)
    {
      GPtrArray *all = mg_vocabulary_get_roles (vocab);
      add_text_entry (&b, MG_LEGEND_SECTION, mg_i18n_gettext (lang, "Actors"),
                      style->legend_size * 0.6);
      for (guint i = 0; i <= all->len; i++)
        {
          const MgRole *role = i < all->len ? g_ptr_array_index (all, i) : NULL;
          if (role ? !g_hash_table_contains (roles, role) : !no_role)
            continue;
          MgLegendEntry *e = add_text_entry (&b, MG_LEGEND_ROLE,
                                             role ? mg_i18n_gettext (lang, role->name)
                                                  : mg_i18n_gettext (lang, "No role"), 0);
          e->id = role ? role->id : NULL;
          mg_style_get_role_look (style, role, NULL, &e->fill, &e->stroke, &e->shape);
          e->swatch_w = e->swatch_h = MAX (legend->font_size * 1.3, 10.0);
        }
    }

  if ((g_hash_table_size (kinds) > 0 || no_kind) && !style->legend_compact)
    {
      GPtrArray *all = mg_vocabulary_get_kinds (vocab);
      add_text_entry (&b, MG_LEGEND_SECTION, mg_i18n_gettext (lang, "Relations"),
                      style->legend_size * 0.6);
      for (guint i = 0; i <= all->len; i++)
        {
          const MgRelationKind *kind = i < all->len ? g_ptr_array_index (all, i) : NULL;
          if (kind ? !g_hash_table_contains (kinds, kind) : !no_kind)
            continue;
          MgLegendEntry *e = add_text_entry (&b, MG_LEGEND_KIND,
                                             kind ? mg_i18n_gettext (lang, kind->name)
                                                  : mg_i18n_gettext (lang, "Other relation"), 0);
          e->id = kind ? kind->id : NULL;
          e->stroke = mg_style_get_kind_swatch (style, kind);
          mg_style_get_kind_look (style, kind, NULL, &e->line);
          e->directed = kind ? g_hash_table_contains (directed_kinds, kind) : no_kind_directed;
          e->swatch_w = SWATCH_COLUMN;
          e->swatch_h = MAX (style->relation_width * 1.5, 1.5);
        }
    }

  if (weak || workshop)
    {
      add_text_entry (&b, MG_LEGEND_SECTION, mg_i18n_gettext (b.lang, "Provenance"),
                      style->legend_size * 0.6);
      if (weak)
        {
          MgLegendEntry *e = add_text_entry (&b, MG_LEGEND_KIND,
                                             mg_i18n_gettext (b.lang, "Inferred or illustrative (no source states it)"),
                                             0);
          e->id = "provenance-weak";
          e->stroke = mg_style_get_kind_swatch (style, NULL);
          e->stroke.alpha *= MG_WEAK_RELATION_ALPHA;
          e->line = MG_LINE_SOLID;
          e->swatch_w = SWATCH_COLUMN;
          e->swatch_h = MAX (style->relation_width * 1.5 * MG_WEAK_RELATION_WIDTH, 1.0);
        }
      if (workshop)
        {
          MgLegendEntry *e = add_text_entry (&b, MG_LEGEND_ROLE,
                                             mg_i18n_gettext (b.lang, "Added in the workshop"), 0);
          e->id = "provenance-workshop";
          e->shape = MG_SHAPE_CIRCLE;
          e->fill = mg_color_from_rgb (MG_WORKSHOP_BADGE_COLOR, 1.0);
          e->stroke = style->background;
          e->swatch_w = e->swatch_h = MAX (legend->font_size * 0.8, 7.0);
        }
    }
  if (scene->size_by != NULL)
    {
      /* TRANSLATORS: the size key of the legend; %s is a measure
       * ("betweenness"). */
      g_autofree char *text = g_strdup_printf (mg_i18n_gettext (b.lang, "Size: %s (larger shapes, higher values)"),
                                               scene->size_by);

      add_text_entry (&b, MG_LEGEND_SECTION, mg_i18n_gettext (b.lang, "Size"), style->legend_size * 0.6);
      add_note_entry (&b, text, MAX (b.width - 2 * style->legend_padding, legend->font_size * 16));
    }

  legend->width = ceil (MAX (b.width, 100.0));
  legend->height = ceil (b.y + style->legend_padding);

  pango_font_description_free (b.font);
  pango_font_description_free (b.bold);
  pango_font_description_free (b.heading);
  return legend;
}
