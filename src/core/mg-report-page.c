/* mg-report-page.c — the territory report as a page (see mg-report-page.h).
 *
 * The page is laid out once into a short list of shapes and text lines (in
 * points), measured and wrapped with Pango; then drawn with cairo (PDF,
 * PNG: Pango draws the text, which stays text in a PDF) or written as SVG
 * with one <text> per line. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mg-atomic-file.h"
#include "mg-i18n.h"
#include "mg-report-page.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans"
#define FONT_CSS    "Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif"

#define INK        0x1d1d20
#define GREY       0x5e5c64
#define MISSING    0xb3261e
#define PRESENT_OK 0x26734d
#define SHADE      0xf3f1ec
#define TABLE      0xe6dfd2
#define RULE       0xcfcac0

/* A PDF stops there; its last page names the territories left. */
#define MAX_PDF_PAGES 20

typedef enum { ITEM_RECT, ITEM_CIRCLE, ITEM_TEXT } ItemKind;
typedef enum { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END } Anchor;

typedef struct {
  ItemKind kind;
  double   x, y, w, h;  /* rect; circle: centre x, y and radius w; text: x, baseline y */
  gboolean has_fill;
  guint32  fill;
  double   stroke_width; /* 0: none */
  guint32  stroke;
  gboolean dashed;
  char    *text;
  double   size;
  gboolean bold, italic;
  Anchor   anchor;
} Item;

typedef struct {
  const char   *lang;   /* of the page's words (NULL: the interface's) */
  double        width, height;
  GArray       *items;
  PangoContext *pango;
} Page;

static void
item_clear (gpointer data)
{
  g_free (((Item *) data)->text);
}

static void
add_rect (Page *page, double x, double y, double w, double h, guint32 fill)
{
  Item item = { ITEM_RECT, x, y, w, h, TRUE, fill, 0, 0, FALSE, NULL, 0, FALSE, FALSE, 0 };

  g_array_append_val (page->items, item);
}

static void
add_circle (Page *page, double cx, double cy, double r, gboolean has_fill, guint32 fill,
            double stroke_width, guint32 stroke, gboolean dashed)
{
  Item item = { ITEM_CIRCLE, cx, cy, r, 0, has_fill, fill, stroke_width, stroke, dashed,
                NULL, 0, FALSE, FALSE, 0 };

  g_array_append_val (page->items, item);
}

static PangoLayout *
make_layout (PangoContext *pango, const char *text, double size, gboolean bold, gboolean italic)
{
  PangoLayout *layout = pango_layout_new (pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

typedef struct {
  double   size;
  gboolean bold, italic;
  guint32  color;
  Anchor   anchor;
  guint    max_lines;
} TextStyle;

/* Wraps @text into @width (0: one line) from @top, adds a text item per line
 * and returns the height used.  Beyond max_lines, the last line ends in "…". */
static double
add_text (Page *page, const char *text, double x, double top, double width, const TextStyle *style)
{
  g_autoptr (PangoLayout) layout = make_layout (page->pango, text, style->size, style->bold,
                                                style->italic);
  PangoLayoutIter *iter;
  double line_height = style->size * 1.22;
  guint n = 0;
  int height;

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *piece = g_strndup (text + line->start_index, (gsize) line->length);
      Item item = { ITEM_TEXT, x, top + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE,
                    0, 0, FALSE, style->color, 0, 0, FALSE, NULL, style->size, style->bold,
                    style->italic, style->anchor };

      if (style->max_lines > 0 && n == style->max_lines)
        {
          Item *last = &g_array_index (page->items, Item, page->items->len - 1);
          char *longer = g_strconcat (g_strchomp (last->text), "…", NULL);

          g_free (last->text);
          last->text = longer;
          break;
        }
      item.text = g_strdup (g_strchomp (piece));
      g_array_append_val (page->items, item);
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pango_layout_get_size (layout, NULL, &height);
  return MIN (height / (double) PANGO_SCALE, n * line_height);
}

/* Lines @text takes wrapped into @width. */
static guint
count_lines (Page *page, const char *text, double width, double size, gboolean bold)
{
  g_autoptr (PangoLayout) layout = make_layout (page->pango, text, size, bold, FALSE);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return (guint) pango_layout_get_line_count (layout);
}

/* ---- colours ---------------------------------------------------------------------- */

static gboolean
is_dark (guint32 rgb)
{
  double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0, b = (rgb & 0xff) / 255.0;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55;
}

/* ---- the page ---------------------------------------------------------------------- */

void
mg_report_page_options_init (MgReportPageOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->format = MG_EXPORT_FORMAT_PDF;
  options->size = MG_REPORT_PAGE_A4;
  options->dpi = 150;
}

void
mg_report_page_get_size (MgReportPageSize size, double *width, double *height)
{
  double w = size == MG_REPORT_PAGE_WIDE ? 960 : 842;
  double h = size == MG_REPORT_PAGE_WIDE ? 540 : 595;

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static gboolean
territory_matches (const char *path, const char *wanted)
{
  gsize n;

  if (wanted == NULL || *wanted == '\0')
    return TRUE;
  if (strcmp (path, wanted) == 0)
    return TRUE;
  n = strlen (wanted);
  if (strncmp (path, wanted, n) == 0 && path[n] == '/')
    return TRUE;
  n = strlen (path);
  return strncmp (wanted, path, n) == 0 && wanted[n] == '/';
}

/* Seats around a table: family f at angle -90° + f × 360°/7. */
static void
seat_position (guint f, double cx, double cy, double radius, double *x, double *y)
{
  double angle = -G_PI / 2 + f * 2 * G_PI / MG_N_FAMILIES;

  *x = cx + radius * cos (angle);
  *y = cy + radius * sin (angle);
}

static void
add_table (Page *page, const MgReportTerritory *t, double cx, double cy, double ring,
           double seat_r, gboolean key)
{
  char count[32];
  guint present = 0;
  TextStyle seat_text = { 8.5, TRUE, FALSE, 0xffffff, ANCHOR_MIDDLE, 1 };

  add_circle (page, cx, cy, ring - seat_r - 4, TRUE, TABLE, 0, 0, FALSE);
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    {
      double x, y;

      seat_position (f, cx, cy, ring, &x, &y);
      if (key || (t->present & MG_FAMILY_BIT (f)))
        {
          guint32 color = mg_report_family_color (f);

          add_circle (page, x, y, seat_r, TRUE, color, 0, 0, FALSE);
          if (!key)
            {
              g_snprintf (count, sizeof count, "%u", t->families[f]);
              seat_text.color = is_dark (color) ? 0xffffff : INK;
              add_text (page, count, x, y - 5.5, 0, &seat_text);
              present++;
            }
        }
      else
        add_circle (page, x, y, seat_r, TRUE, 0xffffff, 1.2, MISSING, TRUE);

      if (key)
        {
          double lx, ly;
          TextStyle label = { 7.5, FALSE, FALSE, INK, ANCHOR_MIDDLE, 1 };
          double c = cos (-G_PI / 2 + f * 2 * G_PI / MG_N_FAMILIES);

          seat_position (f, cx, cy, ring + seat_r + 3, &lx, &ly);
          label.anchor = c > 0.3 ? ANCHOR_START : (c < -0.3 ? ANCHOR_END : ANCHOR_MIDDLE);
          if (f == 0)
            ly -= 6;
          add_text (page, mg_i18n_gettext (page->lang, mg_family_name (f)), lx, ly - 4.5, 0, &label);
        }
    }
  if (!key)
    {
      TextStyle big = { 14, TRUE, FALSE, INK, ANCHOR_MIDDLE, 1 };
      TextStyle small = { 6.5, FALSE, FALSE, GREY, ANCHOR_MIDDLE, 1 };

      g_snprintf (count, sizeof count, "%u/%u", present, (guint) MG_N_FAMILIES);
      add_text (page, count, cx, cy - 11, 0, &big);
      add_text (page, mg_i18n_gettext (page->lang, "families"), cx, cy + 5, 0, &small);
    }
}

static char *
missing_text (Page *page, const MgReportTerritory *t)
{
  GString *names = g_string_new (NULL);
  MgFamilySet missing = mg_report_territory_missing (t);

  for (guint f = 0; f < MG_N_FAMILIES; f++)
    if (missing & MG_FAMILY_BIT (f))
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, mg_i18n_gettext (page->lang, mg_family_name (f)));
      }
  return g_string_free (names, FALSE);
}

static char *
lever_value (const MgReport *report, const MgReportTerritory *t, MgLever lever)
{
  if (lever == MG_LEVER_OPENNESS)
    return g_strdup_printf ("%.0f %%", t->openness * 100);
  if (lever == MG_LEVER_CATALYSTS && !report->has_betweenness)
    return g_strdup ("…");
  return g_strdup_printf ("%u", mg_report_territory_lever_count (t, lever));
}

static char *
catalyst_names (MgMap *map, const MgReportTerritory *t)
{
  GPtrArray *actors = mg_map_get_actors (map);
  GArray *c = t->levers[MG_LEVER_CATALYSTS];
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < c->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, mg_actor_get_display_label (g_ptr_array_index (actors,
                                                                  g_array_index (c, guint, i))));
    }
  return g_string_free (names, FALSE);
}

static void
lay_out (Page *page, const MgReport *report, MgMap *map, const MgReportPageOptions *options,
         guint first, guint n_pages, guint page_number)
{
  const double m = 28, gap = 10;
  const double left = MAX (250, page->width * 0.3);
  double needed[MG_N_LEVERS], total_needed = 0, spare;
  guint missing_lines = 1;
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  g_autoptr (GString) others = g_string_new (NULL);
  g_autoptr (GString) discuss = g_string_new (NULL);
  const char *title = options->title != NULL ? options->title : mg_map_get_title (map);
  g_autofree char *subtitle = NULL;
  double W = page->width, H = page->height;
  double y, col_w, table_h, ring, seat_r, lever_top, lever_bottom, footer_h;
  TextStyle st;

  guint matching = 0;

  /* This page shows the matching territories from @first on; the last page
   * names those no page shows. */
  for (guint i = 0; i < report->territories->len; i++)
    {
      const MgReportTerritory *t = g_ptr_array_index (report->territories, i);

      if (!territory_matches (t->path, options->territory))
        continue;
      matching++;
      if (matching <= first)
        continue;
      if (shown->len < MG_REPORT_PAGE_MAX_COLUMNS)
        g_ptr_array_add (shown, (gpointer) t);
      else if (page_number == n_pages && matching > n_pages * MG_REPORT_PAGE_MAX_COLUMNS)
        {
          guint n_missing = 0;

          for (guint f = 0; f < MG_N_FAMILIES; f++)
            n_missing += (mg_report_territory_missing (t) & MG_FAMILY_BIT (f)) != 0;

          if (others->len > 0)
            g_string_append (others, " · ");
          g_string_append_printf (others, mg_i18n_ngettext (page->lang, "%s (%u actor, %u missing)",
                                                       "%s (%u actors, %u missing)", t->n_actors),
                                  t->path, t->n_actors, n_missing);
        }
    }

  /* Header. */
  if (n_pages > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u/%u", page_number, n_pages);

      st = (TextStyle) { 9, FALSE, FALSE, GREY, ANCHOR_END, 1 };
      add_text (page, number, W - m, H - m + 4, 0, &st);
    }
  st = (TextStyle) { 18, TRUE, FALSE, INK, ANCHOR_START, 1 };
  y = m;
  y += add_text (page, title != NULL ? title : mg_i18n_gettext (page->lang, "Territory report"), m, y, W - 2 * m, &st);
  subtitle = g_strdup_printf (mg_i18n_gettext (page->lang, "Who is missing around the table? Stakeholder families and "
                                "CGET levers, territories at level %u"), report->level);
  st = (TextStyle) { 10, FALSE, FALSE, GREY, ANCHOR_START, 1 };
  y += 2 + add_text (page, subtitle, m, y + 2, W - 2 * m, &st);
  y += 10;

  /* Footer, measured first: it sets where the levers stop. */
  g_string_append (discuss, mg_i18n_gettext (page->lang, "To discuss together (not computed: they need time or culture):"));
  for (guint i = 0; i < mg_report_n_levers_to_discuss (); i++)
    {
      const MgLeverToDiscuss *d = mg_report_lever_to_discuss (i);

      g_string_append (discuss, i == 0 ? " " : mg_i18n_gettext (page->lang, "; "));
      g_string_append_printf (discuss, "%u. %s", d->cget, mg_i18n_gettext (page->lang, d->name));
    }
  g_string_append_c (discuss, '.');
  footer_h = MIN (count_lines (page, discuss->str, W - 2 * m, 8, FALSE), 2) * 8 * 1.22 + 6;
  if (others->len > 0)
    {
      g_autofree char *line = g_strdup_printf (mg_i18n_gettext (page->lang, "Other territories: %s"), others->str);

      footer_h += MIN (count_lines (page, line, W - 2 * m, 7.5, FALSE), 2) * 7.5 * 1.22 + 2;
    }
  {
    double fy = H - m - footer_h;

    st = (TextStyle) { 8, FALSE, FALSE, INK, ANCHOR_START, 2 };
    fy += 4 + add_text (page, discuss->str, m, fy + 4, W - 2 * m, &st);
    if (others->len > 0)
      {
        g_autofree char *line = g_strdup_printf (mg_i18n_gettext (page->lang, "Other territories: %s"), others->str);

        st = (TextStyle) { 7.5, FALSE, FALSE, GREY, ANCHOR_START, 2 };
        add_text (page, line, m, fy + 2, W - 2 * m, &st);
      }
  }

  if (shown->len == 0)
    {
      st = (TextStyle) { 12, FALSE, TRUE, GREY, ANCHOR_START, 3 };
      add_text (page, mg_i18n_gettext (page->lang, "No actor of this map has a territory that is a place: nothing to "
                        "report by territory."), m, y + 20, W - 2 * m, &st);
      return;
    }
  col_w = MIN ((W - 2 * m - left) / shown->len, 260);

  /* Column heads: territory (its last segment, the rest of its path below
   * it) and members. */
  for (guint c = 0; c < shown->len; c++)
    {
      const MgReportTerritory *t = g_ptr_array_index (shown, c);
      double cx = m + left + c * col_w + col_w / 2;
      const char *slash = strrchr (t->path, '/');
      g_autofree char *parent = slash != NULL ? g_strndup (t->path, (gsize) (slash - t->path)) : NULL;
      g_autofree char *count = g_strdup_printf (mg_i18n_ngettext (page->lang, "%u member",
                                                             "%u members", t->n_actors),
                                                t->n_actors);
      /* The count first: a long path is what gets cut. */
      g_autofree char *members = parent != NULL ? g_strdup_printf ("%s · %s", count, parent)
                                                : g_strdup (count);
      double h;

      add_rect (page, m + left + c * col_w + gap / 2, y - 4, col_w - gap,
                H - m - footer_h - y + 4, SHADE);
      st = (TextStyle) { 12.5, TRUE, FALSE, INK, ANCHOR_MIDDLE, 1 };
      h = add_text (page, slash != NULL ? slash + 1 : t->path, cx, y, col_w - gap - 8, &st);
      st = (TextStyle) { 9, FALSE, FALSE, GREY, ANCHOR_MIDDLE, 1 };
      add_text (page, members, cx, y + h + 1, col_w - gap - 8, &st);
    }
  st = (TextStyle) { 9.5, TRUE, FALSE, INK, ANCHOR_START, 1 };
  add_text (page, mg_i18n_gettext (page->lang, "Around the table"), m, y, left - 8, &st);
  st = (TextStyle) { 7.5, FALSE, FALSE, GREY, ANCHOR_START, 3 };
  add_text (page, mg_i18n_gettext (page->lang, "One seat per stakeholder family, with its number of actors. "
                    "An empty seat is a family missing."), m, y + 13, left - 16, &st);
  y += 30;

  /* What the lever rows need: their name, their explanation, the catalysts'
   * names; the tables take what is left, within bounds. */
  for (MgLever l = MG_LEVER_CATALYSTS; l < MG_N_LEVERS; l++)
    {
      guint lines = MIN (count_lines (page, mg_i18n_gettext (page->lang, mg_lever_info (l)->explanation), left - 14, 7, FALSE), 3);

      needed[l] = 14 + lines * 7 * 1.22 + 4;
      if (l == MG_LEVER_CATALYSTS)
        needed[l] = MAX (needed[l], 20 + 3 * 6.8 * 1.22 + 4);
      if (l == MG_LEVER_OPENNESS)
        needed[l] = MAX (needed[l], 28);
      total_needed += needed[l];
    }
  for (guint c = 0; c < shown->len; c++)
    {
      const MgReportTerritory *t = g_ptr_array_index (shown, c);
      g_autofree char *names = missing_text (page, t);

      missing_lines = MAX (missing_lines, MIN (count_lines (page, names, col_w - gap - 10, 8.5, TRUE), 3));
    }
  spare = (H - m - footer_h - 4) - (y + 12 + missing_lines * 8.5 * 1.22 + 6) - total_needed;

  /* The tables. */
  table_h = CLAMP (spare - 8, 70, MIN (H * 0.21, col_w * 0.62));
  seat_r = CLAMP (table_h * 0.085, 7, 10.5);
  ring = table_h / 2 - seat_r - 1;
  for (guint c = 0; c < shown->len; c++)
    add_table (page, g_ptr_array_index (shown, c), m + left + c * col_w + col_w / 2,
               y + table_h / 2 + 6, ring, seat_r, FALSE);
  add_table (page, NULL, m + left / 2 - 4, y + table_h / 2 + 12, ring * 0.8, 7, TRUE);
  y += table_h + 12;

  /* Who is missing, in words. */
  st = (TextStyle) { 9.5, TRUE, FALSE, MISSING, ANCHOR_START, 1 };
  add_text (page, mg_i18n_gettext (page->lang, "Missing"), m, y, left - 8, &st);
  for (guint c = 0; c < shown->len; c++)
    {
      const MgReportTerritory *t = g_ptr_array_index (shown, c);
      double cx = m + left + c * col_w + col_w / 2;

      if (mg_report_territory_missing (t) != 0)
        {
          g_autofree char *names = missing_text (page, t);

          st = (TextStyle) { 8.5, TRUE, FALSE, MISSING, ANCHOR_MIDDLE, 3 };
          add_text (page, names, cx, y, col_w - gap - 10, &st);
        }
      else
        {
          st = (TextStyle) { 8.5, TRUE, FALSE, PRESENT_OK, ANCHOR_MIDDLE, 2 };
          add_text (page, mg_i18n_gettext (page->lang, "Every family is there"), cx, y, col_w - gap - 10, &st);
        }
    }
  y += missing_lines * 8.5 * 1.22 + 6;

  /* The levers. */
  lever_top = y;
  lever_bottom = H - m - footer_h - 4;
  spare = MAX (0, (lever_bottom - lever_top) - total_needed) / MG_N_LEVERS;
  y = lever_top;
  for (MgLever l = MG_LEVER_CATALYSTS; l < MG_N_LEVERS; l++)
    {
      const MgLeverInfo *info = mg_lever_info (l);
      double h = needed[l] + spare;
      g_autofree char *name = g_strdup_printf ("%u · %s", info->cget, mg_i18n_gettext (page->lang, info->name));

      add_rect (page, m, y, W - 2 * m, 0.6, RULE);
      st = (TextStyle) { 9, TRUE, FALSE, INK, ANCHOR_START, 1 };
      add_text (page, name, m, y + 3, left - 8, &st);
      st = (TextStyle) { 7, FALSE, FALSE, GREY, ANCHOR_START, 3 };
      add_text (page, mg_i18n_gettext (page->lang, info->explanation), m, y + 14, left - 14, &st);
      for (guint c = 0; c < shown->len; c++)
        {
          const MgReportTerritory *t = g_ptr_array_index (shown, c);
          double cx = m + left + c * col_w + col_w / 2;
          g_autofree char *value = lever_value (report, t, l);
          gboolean known = l != MG_LEVER_CATALYSTS || report->has_betweenness;
          gboolean weak = l != MG_LEVER_OPENNESS && known &&
                          mg_report_territory_lever_count (t, l) == 0;

          st = (TextStyle) { 14, TRUE, FALSE, weak ? MISSING : INK, ANCHOR_MIDDLE, 1 };
          add_text (page, value, cx, y + 2, 0, &st);
          if (l == MG_LEVER_CATALYSTS && mg_report_territory_lever_count (t, l) > 0)
            {
              g_autofree char *names = catalyst_names (map, t);

              st = (TextStyle) { 6.8, FALSE, FALSE, INK, ANCHOR_MIDDLE, 3 };
              add_text (page, names, cx, y + 20, col_w - gap - 12, &st);
            }
          if (l == MG_LEVER_OPENNESS)
            {
              double bw = MIN (col_w * 0.5, 80), bx = cx - bw / 2, by = y + 20;

              add_rect (page, bx, by, bw, 3.5, RULE);
              add_rect (page, bx, by, bw * CLAMP (t->openness, 0, 1), 3.5, GREY);
            }
        }
      y += h;
    }
}

/* Territories the options keep. */
static guint
count_matching (const MgReport *report, const MgReportPageOptions *options)
{
  guint n = 0;

  for (guint i = 0; i < report->territories->len; i++)
    n += territory_matches (((MgReportTerritory *) g_ptr_array_index (report->territories, i))->path,
                            options->territory);
  return n;
}

static Page *
page_new (const MgReport *report, MgMap *map, const MgReportPageOptions *options,
          guint page_number, guint n_pages)
{
  Page *page = g_new0 (Page, 1);

  page->lang = options->lang;
  mg_report_page_get_size (options->size, &page->width, &page->height);
  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);
  page->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (page->pango, 72.0);
  lay_out (page, report, map, options, (page_number - 1) * MG_REPORT_PAGE_MAX_COLUMNS, n_pages,
           page_number);
  return page;
}

static void
page_free (Page *page)
{
  g_array_unref (page->items);
  g_object_unref (page->pango);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_free)

/* ---- cairo ------------------------------------------------------------------------ */

static void
set_rgb (cairo_t *cr, guint32 rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
draw_page (Page *page, cairo_t *cr)
{
  static const double dashes[] = { 2.5, 2 };

  cairo_save (cr);
  set_rgb (cr, 0xffffff);
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_fill (cr);
  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      switch (item->kind)
        {
        case ITEM_RECT:
          set_rgb (cr, item->fill);
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_fill (cr);
          break;
        case ITEM_CIRCLE:
          cairo_new_path (cr);
          cairo_arc (cr, item->x, item->y, item->w, 0, 2 * G_PI);
          if (item->has_fill)
            {
              set_rgb (cr, item->fill);
              cairo_fill_preserve (cr);
            }
          if (item->stroke_width > 0)
            {
              set_rgb (cr, item->stroke);
              cairo_set_line_width (cr, item->stroke_width);
              cairo_set_dash (cr, dashes, item->dashed ? 2 : 0, 0);
              cairo_stroke_preserve (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          cairo_new_path (cr);
          break;
        case ITEM_TEXT:
          {
            g_autoptr (PangoLayout) layout = make_layout (page->pango, item->text, item->size,
                                                          item->bold, item->italic);
            PangoRectangle logical;
            double x = item->x;

            pango_layout_get_extents (layout, NULL, &logical);
            if (item->anchor == ANCHOR_MIDDLE)
              x -= logical.width / (double) PANGO_SCALE / 2;
            else if (item->anchor == ANCHOR_END)
              x -= logical.width / (double) PANGO_SCALE;
            set_rgb (cr, item->fill);
            cairo_move_to (cr, x, item->y - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
            pango_cairo_show_layout (cr, layout);
          }
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);
}

void
mg_report_page_draw (const MgReport *report, MgMap *map, const MgReportPageOptions *options,
                     cairo_t *cr)
{
  g_autoptr (Page) page = NULL;

  g_return_if_fail (report != NULL && MG_IS_MAP (map) && options != NULL && cr != NULL);
  page = page_new (report, map, options, 1, 1);
  draw_page (page, cr);
}

/* ---- SVG ------------------------------------------------------------------------- */

static void
svg_color (GString *out, const char *attr, guint32 rgb)
{
  g_string_append_printf (out, " %s=\"#%06x\"", attr, rgb & 0xffffff);
}

static char *
page_to_svg (Page *page)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  char c[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];

#define N(buf, v) g_ascii_formatd (buf, sizeof buf, "%.6g", (v))
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%spt\" "
                               "height=\"%spt\" viewBox=\"0 0 %s %s\" font-family=\"%s\">\n",
                          N (a, page->width), N (b, page->height), N (c, page->width),
                          N (d, page->height), FONT_CSS);
  g_string_append_printf (out, "<rect width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n",
                          N (a, page->width), N (b, page->height));
  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      switch (item->kind)
        {
        case ITEM_RECT:
          g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"",
                                  N (a, item->x), N (b, item->y), N (c, item->w), N (d, item->h));
          svg_color (out, "fill", item->fill);
          g_string_append (out, "/>\n");
          break;
        case ITEM_CIRCLE:
          g_string_append_printf (out, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\"", N (a, item->x),
                                  N (b, item->y), N (c, item->w));
          if (item->has_fill)
            svg_color (out, "fill", item->fill);
          else
            g_string_append (out, " fill=\"none\"");
          if (item->stroke_width > 0)
            {
              svg_color (out, "stroke", item->stroke);
              g_string_append_printf (out, " stroke-width=\"%s\"", N (a, item->stroke_width));
              if (item->dashed)
                g_string_append (out, " stroke-dasharray=\"2.5 2\"");
            }
          g_string_append (out, "/>\n");
          break;
        case ITEM_TEXT:
          {
            g_autofree char *text = g_markup_escape_text (item->text, -1);
            static const char *const anchors[] = { "start", "middle", "end" };

            g_string_append_printf (out, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"", N (a, item->x),
                                    N (b, item->y), N (c, item->size));
            if (item->bold)
              g_string_append (out, " font-weight=\"bold\"");
            if (item->italic)
              g_string_append (out, " font-style=\"italic\"");
            if (item->anchor != ANCHOR_START)
              g_string_append_printf (out, " text-anchor=\"%s\"", anchors[item->anchor]);
            svg_color (out, "fill", item->fill);
            g_string_append_printf (out, " xml:space=\"preserve\">%s</text>\n", text);
          }
          break;
        default:
          break;
        }
    }
#undef N
  g_string_append (out, "</svg>\n");
  return g_string_free (out, FALSE);
}

/* ---- files ---------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
mg_report_page_to_bytes (const MgReport *report, MgMap *map, const MgReportPageOptions *options,
                         GError **error)
{
  g_autoptr (Page) page = NULL;
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages = 1;

  g_return_val_if_fail (report != NULL && MG_IS_MAP (map) && options != NULL, NULL);

  if (options->format == MG_EXPORT_FORMAT_PNG &&
      (options->dpi < MG_EXPORT_MIN_DPI || options->dpi > MG_EXPORT_MAX_DPI))
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID,
                   _("--dpi must be between %g and %g"), MG_EXPORT_MIN_DPI, MG_EXPORT_MAX_DPI);
      return NULL;
    }
  /* A PDF has a page per three territories (at most MAX_PDF_PAGES); a
   * picture is one page. */
  if (options->format == MG_EXPORT_FORMAT_PDF)
    n_pages = CLAMP ((count_matching (report, options) + MG_REPORT_PAGE_MAX_COLUMNS - 1) /
                       MG_REPORT_PAGE_MAX_COLUMNS, 1, MAX_PDF_PAGES);
  page = page_new (report, map, options, 1, n_pages);
  if (options->format == MG_EXPORT_FORMAT_SVG)
    {
      char *svg = page_to_svg (page);

      return g_bytes_new_take (svg, strlen (svg));
    }

  bytes = g_byte_array_new ();
  if (options->format == MG_EXPORT_FORMAT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, page->width, page->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Maillage");
      if (mg_map_get_title (map) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, mg_map_get_title (map));
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                          (int) ceil (page->width * options->dpi / 72),
                                          (int) ceil (page->height * options->dpi / 72));
  cr = cairo_create (surface);
  if (options->format == MG_EXPORT_FORMAT_PNG)
    cairo_scale (cr, options->dpi / 72, options->dpi / 72);
  draw_page (page, cr);
  for (guint p = 2; p <= n_pages; p++)
    {
      g_autoptr (Page) next = page_new (report, map, options, p, n_pages);

      cairo_show_page (cr);
      draw_page (next, cr);
    }
  cairo_destroy (cr);
  if (options->format == MG_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_RENDER, "%s",
                   cairo_status_to_string (status));
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

gboolean
mg_report_page_export (const MgReport *report, MgMap *map, const MgReportPageOptions *options,
                       const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = mg_report_page_to_bytes (report, map, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return mg_atomic_file_replace (path, data, size, error);
}
