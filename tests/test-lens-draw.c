/* Lens drawing: the legend's lens and filter lines, lesson rings and halos
 * in PNG and SVG, derived marks drawn apart from tagged ones, hidden items
 * left out. */
#include "config.h"

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>

#include "mg-export.h"
#include "mg-render-lens.h"
#include "mg-scene-bridge.h"
#include "mg-scene.h"
#include "mg-visibility.h"

#define AURA "Auvergne-Rhône-Alpes/Puy-de-Dôme"

static MgActor *
add_actor (MgMap *map, const char *id, const char *label, const char *role, const char *territory,
           double x, double y)
{
  MgActor *a = mg_map_add_actor (map, id);

  mg_map_set_actor_label (map, a, label);
  mg_map_set_actor_role (map, a, role);
  mg_map_set_actor_territory (map, a, territory);
  mg_map_set_actor_position (map, a, x, y);
  return a;
}

static MgRelation *
add_relation (MgMap *map, const char *s, const char *t, const char *kind)
{
  MgRelation *r = mg_map_add_relation (map, mg_map_lookup_actor (map, s),
                                       mg_map_lookup_actor (map, t), NULL, TRUE);
  mg_map_set_relation_kind (map, r, kind);
  return r;
}

/* Four actors far apart:
 *   a  SME in AURA, tagged care and valorize
 *   b  SME in AURA
 *   c  large company in Hauts-de-France (matches no care: its only
 *      relation crosses territories)
 *   d  start-up in AURA, gives support to a (a takes it: valorize)
 * Relations: a→b partnership tagged care (and care by the rule), b→c
 * knowledge (learn by the rule), d→a support (care and valorize by the
 * rule); a→b and b→c are between firms (valorize by the rule). */
static MgMap *
make_map (void)
{
  MgMap *map = mg_map_new ();

  add_actor (map, "a", "Alpha", "sme", AURA, 0, 0);
  add_actor (map, "b", "Beta", "sme", AURA, 400, 0);
  add_actor (map, "c", "Gamma", "large-company", "Hauts-de-France/Aisne", 200, 400);
  add_actor (map, "d", "Delta", "startup", AURA, 600, 400);
  mg_map_set_actor_lessons (map, mg_map_lookup_actor (map, "a"),
                            MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_VALORIZE));
  MgRelation *ab = add_relation (map, "a", "b", "partnership");
  mg_map_set_relation_lessons (map, ab, MG_LESSON_BIT (MG_LESSON_CARE));
  add_relation (map, "b", "c", "knowledge");
  add_relation (map, "d", "a", "support");
  return map;
}

typedef struct {
  MgMap        *map;
  MgScene      *scene;
  MgVisibility *vis;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->map = make_map ();
  f->scene = mg_scene_new (f->map, NULL);
  f->vis = mg_visibility_new (f->map);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->vis);
  g_clear_object (&f->scene);
  g_clear_object (&f->map);
}

static void
set_lenses (Fixture *f, MgLessonSet active, MgLensMode mode, MgUnmatched unmatched)
{
  MgLensSettings s;

  mg_lens_settings_init (&s);
  s.active = active;
  s.mode = mode;
  s.unmatched = unmatched;
  mg_visibility_set_lens_settings (f->vis, &s);
  mg_scene_bridge_apply_visibility (f->scene, f->vis);
}

static const MgLegendEntry *
find_entry (const MgLegend *legend, MgLegendEntryType type, const char *id, guint nth)
{
  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      if (e->type == type && (id == NULL || g_strcmp0 (e->id, id) == 0) && nth-- == 0)
        return e;
    }
  return NULL;
}

static guint
count_entries (const MgLegend *legend, MgLegendEntryType type)
{
  guint n = 0;

  for (guint i = 0; i < legend->entries->len; i++)
    n += ((const MgLegendEntry *) g_ptr_array_index (legend->entries, i))->type == type;
  return n;
}

/* ---- legend ------------------------------------------------------------------ */

static void
test_legend_lists_lenses_with_counts (Fixture *f, gconstpointer data)
{
  const MgLegend *legend;
  const MgLegendEntry *care, *learn, *section;

  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN),
              MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  legend = mg_scene_get_legend (f->scene);

  /* One entry per active lens, in lesson order, before the roles. */
  g_assert_cmpuint (count_entries (legend, MG_LEGEND_LENS), ==, 2);
  care = find_entry (legend, MG_LEGEND_LENS, "care", 0);
  learn = find_entry (legend, MG_LEGEND_LENS, "learn", 0);
  g_assert_nonnull (care);
  g_assert_nonnull (learn);
  g_assert_cmpstr (care->text, ==, "Caring for the territory");
  g_assert_cmpstr (learn->text, ==, "Learning from others");
  /* care: actor a (tagged); relations a→b (tagged) and d→a (rule). */
  g_assert_cmpstr (care->detail, ==, "1 actor, 2 relations match");
  /* learn: only the knowledge relation b→c. */
  g_assert_cmpstr (learn->detail, ==, "0 actors, 1 relation match");
  g_assert_cmpuint (care->lesson, ==, MG_LESSON_CARE);
  g_assert_cmphex (mg_color_to_rgb (&care->stroke), ==, mg_lesson_info (MG_LESSON_CARE)->color);
  g_assert_cmpfloat (care->y, <, learn->y);
  g_assert_cmpfloat (learn->y, <, find_entry (legend, MG_LEGEND_ROLE, NULL, 0)->y);

  section = find_entry (legend, MG_LEGEND_SECTION, NULL, 0);
  g_assert_cmpstr (section->text, ==, "Lenses (matching any)");

  /* The key: solid for tagged, dashed for derived. */
  g_assert_cmpuint (count_entries (legend, MG_LEGEND_LENS_KEY), ==, 2);
  g_assert_false (find_entry (legend, MG_LEGEND_LENS_KEY, NULL, 0)->derived);
  g_assert_true (find_entry (legend, MG_LEGEND_LENS_KEY, NULL, 1)->derived);

  /* What they match together (drawn as matched); no filter, unmatched
   * faded: no other note. */
  g_assert_cmpuint (count_entries (legend, MG_LEGEND_NOTE), ==, 1);
  g_assert_cmpstr (find_entry (legend, MG_LEGEND_NOTE, NULL, 0)->text, ==,
                   "Matching any: 1 actor, 3 relations");
  /* Everything fits in the legend box. */
  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      g_assert_cmpfloat (e->y, <, legend->height);
      g_assert_nonnull (e->lines);
      g_assert_nonnull (e->lines[0]);
    }

  /* With "all", the section says so; one lens: "Lens". */
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN),
              MG_LENS_MODE_ALL, MG_UNMATCHED_FADE);
  section = find_entry (mg_scene_get_legend (f->scene), MG_LEGEND_SECTION, NULL, 0);
  g_assert_cmpstr (section->text, ==, "Lenses (matching all)");
  g_assert_cmpstr (find_entry (mg_scene_get_legend (f->scene), MG_LEGEND_NOTE, NULL, 0)->text, ==,
                   "Matching all: 0 actors, 0 relations");
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_VALORIZE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  legend = mg_scene_get_legend (f->scene);
  g_assert_cmpstr (find_entry (legend, MG_LEGEND_SECTION, NULL, 0)->text, ==, "Lens");
  g_assert_cmpuint (count_entries (legend, MG_LEGEND_NOTE), ==, 0);
  /* valorize: the firms a (tagged), b and c, which work together or take
   * support; the three relations between firms or to a firm. */
  g_assert_cmpstr (find_entry (legend, MG_LEGEND_LENS, "valorize", 0)->detail, ==,
                   "3 actors, 3 relations match");

  /* Lenses off: the section goes. */
  set_lenses (f, 0, MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  legend = mg_scene_get_legend (f->scene);
  g_assert_cmpuint (count_entries (legend, MG_LEGEND_LENS), ==, 0);
  g_assert_cmpuint (count_entries (legend, MG_LEGEND_LENS_KEY), ==, 0);
  g_assert_nonnull (find_entry (legend, MG_LEGEND_ROLE, NULL, 0));
}

static char *
drop_spaces (char *s)
{
  char *out = s;

  for (char *p = s; *p; p++)
    if (*p != ' ')
      *out++ = *p;
  *out = '\0';
  return s;
}

static void
test_legend_filter_summary (Fixture *f, gconstpointer data)
{
  g_autoptr (MgFilter) filter = mg_filter_new ();
  const char *roles[] = { "sme", NULL };
  const MgLegendEntry *note;

  mg_filter_set_roles (filter, roles);
  mg_filter_set_territory (filter, AURA);
  mg_visibility_set_filter (f->vis, filter);
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);

  note = find_entry (mg_scene_get_legend (f->scene), MG_LEGEND_NOTE, NULL, 0);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->text, ==,
                   "Filtered: role SME, territory " AURA "; showing 2 of 4 actors");
  /* Wrapped (lines break at spaces or hyphens): the lines hold the text. */
  g_autofree char *joined = g_strjoinv ("", note->lines);
  g_autofree char *bare = g_strdup (note->text);
  g_assert_cmpuint (g_strv_length (note->lines), >=, 1);
  g_assert_cmpstr (drop_spaces (joined), ==, drop_spaces (bare));
  g_assert_cmpfloat (note->x, >=, 0);

  /* The filter alone, without a lens, still says what it hides. */
  set_lenses (f, 0, MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  note = find_entry (mg_scene_get_legend (f->scene), MG_LEGEND_NOTE, NULL, 0);
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note->text, "Filtered: role SME"));
  g_assert_cmpuint (count_entries (mg_scene_get_legend (f->scene), MG_LEGEND_LENS), ==, 0);

  /* Hiding the unmatched, no filter: that is said, with what is left. */
  mg_visibility_set_filter (f->vis, NULL);
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_LEARN), MG_LENS_MODE_ANY, MG_UNMATCHED_HIDE);
  note = find_entry (mg_scene_get_legend (f->scene), MG_LEGEND_NOTE, NULL, 0);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->text, ==, "Unmatched hidden; showing 2 of 4 actors");
}

static void
test_describe_filter (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgFilter) filter = mg_filter_new ();
  const char *roles[] = { "sme", "startup", "", NULL };
  const char *kinds[] = { "support", NULL };
  const char *focus[] = { "a", "nobody", NULL };
  g_autofree char *empty = mg_scene_bridge_describe_filter (map, filter);

  g_assert_null (empty);
  mg_filter_set_roles (filter, roles);
  mg_filter_set_kinds (filter, kinds);
  mg_filter_set_search (filter, "lab");
  filter->min_degree = 2;
  mg_filter_set_focus (filter, focus, 2, MG_FOCUS_OUT);
  g_autofree char *text = mg_scene_bridge_describe_filter (map, filter);
  g_assert_cmpstr (text, ==,
                   "roles SME, Start-up or no role, relation kind Support, search “lab”, "
                   "at least 2 relations, around Alpha (2 steps, outgoing)");
}

/* ---- the bridge ------------------------------------------------------------------ */

static void
test_bridge_marks_matches_only (Fixture *f, gconstpointer data)
{
  MgSceneActor *a, *b, *c, *d;

  /* "all" of care and valorize: a, d→a and a→b (tagged care, valorize
   * between firms) match both; b→c is valorize only. */
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_VALORIZE),
              MG_LENS_MODE_ALL, MG_UNMATCHED_FADE);
  a = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "a"));
  b = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "b"));
  c = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "c"));
  d = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "d"));

  /* a: tagged both, two solid marks. */
  g_assert_cmpuint (a->n_marks, ==, 2);
  g_assert_cmpint (a->item.visibility, ==, MG_ITEM_SHOWN);
  g_assert_false (a->marks[0].derived);
  g_assert_false (a->marks[1].derived);
  /* d: valorize by the rule only, so not matched under "all"; it is kept
   * as the end of d→a (which matches both) and must not look matched. */
  g_assert_cmpint (d->item.visibility, ==, MG_ITEM_SHOWN);
  g_assert_cmpuint (d->n_marks, ==, 0);
  /* b: valorize only, kept as the end of a→b, unmarked; c: valorize
   * only, faded with its one (dashed) mark. */
  g_assert_cmpint (b->item.visibility, ==, MG_ITEM_SHOWN);
  g_assert_cmpuint (b->n_marks, ==, 0);
  g_assert_cmpint (c->item.visibility, ==, MG_ITEM_FADED);
  g_assert_cmpuint (c->n_marks, ==, 1);
  g_assert_true (c->marks[0].derived);

  /* Highlights stay the window's (hover): the bridge leaves them. */
  g_assert_false (a->item.highlight);
  mg_scene_set_actor_highlight (f->scene, mg_map_lookup_actor (f->map, "c"), TRUE);
  mg_scene_bridge_apply_visibility (f->scene, f->vis);
  g_assert_true (c->item.highlight);

  /* The relation d→a: derived care and valorize, dashed both. */
  MgRelation *da = g_ptr_array_index (mg_map_get_relations (f->map), 2);
  MgSceneRelation *sr = mg_scene_lookup_relation (f->scene, da);
  g_assert_cmpuint (sr->n_marks, ==, 2);
  g_assert_true (sr->marks[0].derived && sr->marks[1].derived);
  g_assert_cmpint (sr->item.visibility, ==, MG_ITEM_SHOWN);
}

/* A ring never lies under its actor's label: with a lens on, the label box
 * keeps clear of the ring's circle; off, it comes back near the shape. */
static void
test_label_outside_ring (Fixture *f, gconstpointer data)
{
  MgSceneActor *a = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "a"));
  double ring = 0, before, after, back;

  g_assert_true (a->label_in_index);
  before = a->label_rect.y;
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  g_assert_cmpuint (a->n_marks, ==, 1);
  after = a->label_rect.y;
  /* Below the shape: the ring's bottom (a box's ring is its circumscribed
   * circle, radius half the diagonal plus a gap) is above the label. */
  ring = hypot (a->width, a->height) / 2;
  g_assert_cmpint (a->placement, ==, MG_LABEL_BELOW);
  g_assert_cmpfloat (after, >=, a->y + ring + 2);
  g_assert_cmpfloat (after, >, before);
  set_lenses (f, 0, MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  back = a->label_rect.y;
  g_assert_cmpfloat (back, ==, before);
}

/* ---- PNG ------------------------------------------------------------------------- */

#define DPI 144.0

typedef struct {
  cairo_surface_t *surface;
  MgPage           page;
} Png;

static void
render_png (Fixture *f, Png *png)
{
  g_autoptr (GError) error = NULL;
  MgExportOptions o;

  mg_export_options_init (&o);
  o.legend = FALSE;
  o.dpi = DPI;
  png->surface = mg_export_render_surface (f->scene, &o, &error);
  g_assert_no_error (error);
  mg_page_compute (&png->page, f->scene, NULL, 1.0, o.margin, NULL, FALSE, FALSE);
}

static void
png_clear (Png *png)
{
  cairo_surface_destroy (png->surface);
  mg_page_clear (&png->page);
}

/* The pixel at map point (x, y). */
static guint32
map_pixel (Png *png, double x, double y)
{
  int px = (int) floor ((png->page.map_x + x - png->page.region.x) * DPI / 72.0);
  int py = (int) floor ((png->page.map_y + y - png->page.region.y) * DPI / 72.0);
  cairo_surface_t *s = png->surface;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (s));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (s));
  return *(const guint32 *) (cairo_image_surface_get_data (s) +
                             (gsize) py * cairo_image_surface_get_stride (s) + 4 * px);
}

static gboolean
near_rgb (guint32 argb, guint32 rgb, int tolerance)
{
  return abs ((int) ((argb >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff)) <= tolerance &&
         abs ((int) ((argb >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff)) <= tolerance &&
         abs ((int) (argb & 0xff) - (int) (rgb & 0xff)) <= tolerance;
}

/* The ring's centre line, from the drawn bounds (ring + half its width +
 * half a unit). */
static double
ring_radius (MgScene *scene, const MgSceneActor *sa)
{
  return sa->item.bounds.width / 2 - mg_scene_get_style (scene)->ring_width / 2 - 0.5;
}

/* The share of @rgb pixels along the upper half of @sa's ring (the lower
 * half may hide under its label). */
static double
ring_share (Png *png, MgScene *scene, const MgSceneActor *sa, guint32 rgb)
{
  double r = ring_radius (scene, sa);
  guint n = 0, hit = 0;

  for (double t = -G_PI + 0.15; t < -0.15; t += 0.005, n++)
    hit += near_rgb (map_pixel (png, sa->x + r * cos (t), sa->y + r * sin (t)), rgb, 40);
  return (double) hit / n;
}

/* Pixels of @rgb in the square around (x, y) of half-side @half. */
static guint
count_colour (Png *png, double x, double y, double half, guint32 rgb)
{
  guint n = 0;

  for (double v = y - half; v <= y + half; v += 0.5)
    for (double u = x - half; u <= x + half; u += 0.5)
      n += near_rgb (map_pixel (png, u, v), rgb, 40);
  return n;
}

static void
test_png_care_ring_on_matched_only (Fixture *f, gconstpointer data)
{
  guint32 care = mg_lesson_info (MG_LESSON_CARE)->color;
  Png png;

  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  render_png (f, &png);

  MgSceneActor *a = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "a"));
  MgSceneActor *c = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "c"));
  g_assert_cmpuint (a->n_marks, ==, 1);
  g_assert_cmpuint (c->n_marks, ==, 0);

  /* The top of a's ring is care-coloured; a is tagged: a solid ring. */
  double r = ring_radius (f->scene, a);
  g_assert_true (near_rgb (map_pixel (&png, a->x, a->y - r), care, 40));
  g_assert_cmpfloat (ring_share (&png, f->scene, a, care), >, 0.9);
  /* Nothing of that colour around c (faded, unmatched). */
  g_assert_cmpuint (count_colour (&png, c->x, c->y, r + 4, care), ==, 0);
  g_assert_cmpint (c->item.visibility, ==, MG_ITEM_FADED);
  png_clear (&png);

  /* Without the lens, no ring at all. */
  set_lenses (f, 0, MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  render_png (f, &png);
  g_assert_cmpuint (count_colour (&png, a->x, a->y - r, 3, care), ==, 0);
  png_clear (&png);
}

static void
test_png_derived_ring_is_dashed (Fixture *f, gconstpointer data)
{
  guint32 valorize = mg_lesson_info (MG_LESSON_VALORIZE)->color;
  Png png;

  set_lenses (f, MG_LESSON_BIT (MG_LESSON_VALORIZE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  render_png (f, &png);

  MgSceneActor *a = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "a"));
  /* b takes part in a partnership between firms: valorize by the rule. */
  MgSceneActor *d = mg_scene_lookup_actor (f->scene, mg_map_lookup_actor (f->map, "b"));
  g_assert_cmpuint (a->n_marks, ==, 1);
  g_assert_cmpuint (d->n_marks, ==, 1);
  g_assert_false (a->marks[0].derived);
  g_assert_true (d->marks[0].derived);

  /* Tagged: the ring is whole; derived: about half of it is inked. */
  double solid = ring_share (&png, f->scene, a, valorize);
  double dashed = ring_share (&png, f->scene, d, valorize);
  g_test_message ("valorize ring: tagged %.2f, derived %.2f inked", solid, dashed);
  g_assert_cmpfloat (solid, >, 0.9);
  g_assert_cmpfloat (dashed, >, 0.3);
  g_assert_cmpfloat (dashed, <, 0.75);
  png_clear (&png);
}

/* ---- SVG ----------------------------------------------------------------------- */

typedef struct {
  xmlDocPtr          doc;
  xmlXPathContextPtr ctx;
} Svg;

static void
svg_export (Fixture *f, Svg *svg)
{
  g_autoptr (GError) error = NULL;
  MgExportOptions o;

  mg_export_options_init (&o);
  o.format = MG_EXPORT_FORMAT_SVG;
  g_autoptr (GBytes) bytes = mg_export_scene_to_bytes (f->scene, &o, &error);
  g_assert_no_error (error);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  svg->doc = xmlReadMemory (data, (int) size, "map.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (svg->doc);
  svg->ctx = xmlXPathNewContext (svg->doc);
  xmlXPathRegisterNs (svg->ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
}

static void
svg_clear (Svg *svg)
{
  xmlXPathFreeContext (svg->ctx);
  xmlFreeDoc (svg->doc);
}

static int
count (Svg *svg, const char *expr)
{
  xmlXPathObjectPtr r = xmlXPathEvalExpression (BAD_CAST expr, svg->ctx);
  g_assert_nonnull (r);
  int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (r);
  return n;
}

#define HAS_CLASS(c) "contains(concat(' ', @class, ' '), ' " c " ')"

static void
test_svg_lens_classes_and_legend (Fixture *f, gconstpointer data)
{
  Svg svg;

  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  svg_export (f, &svg);

  /* a is matched: classed by its lens, a solid care ring. */
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-a' and " HAS_CLASS ("lens-care") " and "
                                HAS_CLASS ("matched") "]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-a']/s:path[" HAS_CLASS ("ring") " and "
                                HAS_CLASS ("lens-care") " and not(@stroke-dasharray)]"), ==, 1);
  /* c is faded, without ring. */
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-c' and " HAS_CLASS ("faded") "]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-c']/s:path[" HAS_CLASS ("ring") "]"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[" HAS_CLASS ("actor") " and " HAS_CLASS ("lens-care") "]"), ==, 1);

  /* Halos, under the relations: a→b tagged (solid), d→a derived (a pale
   * band with dashes). */
  g_assert_cmpint (count (&svg, "//s:g[@id='halos']/s:g[" HAS_CLASS ("relation-0") "]/s:path["
                                HAS_CLASS ("halo") " and " HAS_CLASS ("lens-care")
                                " and not(" HAS_CLASS ("derived") ")]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='halos']/s:g[" HAS_CLASS ("relation-0") "]//*[@stroke-dasharray]"),
                   ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='halos']/s:g[" HAS_CLASS ("relation-2") "]/s:path["
                                HAS_CLASS ("halo-dashes") " and " HAS_CLASS ("lens-care")
                                " and @stroke-dasharray]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='halos']/s:g[" HAS_CLASS ("relation-1") "]"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='relation-2' and " HAS_CLASS ("matched") " and "
                                HAS_CLASS ("lens-care") "]"), ==, 1);

  /* The legend names the lens with its counts, and the key. */
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']/s:g[" HAS_CLASS ("legend-lens") " and "
                                HAS_CLASS ("lens-care") "]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']//s:tspan[text()='Caring for the territory']"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']//s:tspan[text()='1 actor, 2 relations match']"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']/s:g[" HAS_CLASS ("legend-key") " and "
                                HAS_CLASS ("derived") "]//*[@stroke-dasharray]"), >=, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']/s:g[" HAS_CLASS ("legend-key") " and "
                                HAS_CLASS ("tagged") "]//*[@stroke-dasharray]"), ==, 0);
  svg_clear (&svg);

  /* valorize: b's ring is derived, dashed; a's stays solid. */
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_VALORIZE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  svg_export (f, &svg);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-b']/s:path[" HAS_CLASS ("ring") " and "
                                HAS_CLASS ("lens-valorize") " and " HAS_CLASS ("derived")
                                " and @stroke-dasharray]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-a']/s:path[" HAS_CLASS ("ring") " and "
                                HAS_CLASS ("lens-valorize") " and not(@stroke-dasharray)]"), ==, 1);
  svg_clear (&svg);
}

/* Provenance drawn apart: inferred relations thinner and lighter, workshop
 * actors with a badge, and the legend says so. */
static void
test_svg_provenance (Fixture *f, gconstpointer data)
{
  MgRelation *bc = g_ptr_array_index (mg_map_get_relations (f->map), 1);
  MgRelation *da = g_ptr_array_index (mg_map_get_relations (f->map), 2);
  MgSceneRelation *weak, *stated;
  Svg svg;

  mg_map_set_relation_provenance (f->map, bc, "inferred");
  mg_map_set_relation_provenance (f->map, da, "stated");
  mg_map_set_actor_provenance (f->map, mg_map_lookup_actor (f->map, "c"), "workshop");
  weak = mg_scene_lookup_relation (f->scene, bc);
  stated = mg_scene_lookup_relation (f->scene, da);
  g_assert_cmpint (weak->provenance, ==, MG_PROVENANCE_INFERRED);
  g_assert_cmpfloat (weak->width, <, stated->width);
  g_assert_cmpfloat (weak->color.alpha, <, stated->color.alpha);

  svg_export (f, &svg);
  g_assert_cmpint (count (&svg, "//s:g[" HAS_CLASS ("relation") " and " HAS_CLASS ("provenance-inferred") "]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-c']/s:circle[" HAS_CLASS ("workshop-badge") "]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:circle[" HAS_CLASS ("workshop-badge") "]"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']//s:tspan[text()='Provenance']"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']//s:tspan[text()='Added in the workshop']"), ==, 1);
  svg_clear (&svg);

  /* Not recorded again: drawn as stated, no legend section. */
  mg_map_set_relation_provenance (f->map, bc, NULL);
  mg_map_set_actor_provenance (f->map, mg_map_lookup_actor (f->map, "c"), NULL);
  g_assert_cmpfloat (weak->width, ==, stated->width);
  svg_export (f, &svg);
  g_assert_cmpint (count (&svg, "//s:circle[" HAS_CLASS ("workshop-badge") "]"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']//s:tspan[text()='Provenance']"), ==, 0);
  svg_clear (&svg);
}

static void
test_svg_hidden_items_absent (Fixture *f, gconstpointer data)
{
  g_autoptr (MgFilter) filter = mg_filter_new ();
  Svg svg;

  /* Everything there first. */
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  svg_export (f, &svg);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-c']"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='relation-1']"), ==, 1);
  svg_clear (&svg);

  /* Hiding the unmatched: c and b→c go, the care relations stay. */
  set_lenses (f, MG_LESSON_BIT (MG_LESSON_CARE), MG_LENS_MODE_ANY, MG_UNMATCHED_HIDE);
  svg_export (f, &svg);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-c']"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='relation-1']"), ==, 0);
  g_assert_cmpint (count (&svg, "//*[" HAS_CLASS ("relation-1") "]"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:title[contains(text(), 'Gamma')]"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='relation-0']"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='relation-2']"), ==, 1);
  g_assert_cmpint (count (&svg, "//s:g[@id='legend']//s:tspan[contains(text(), 'Unmatched hidden')]"),
                   >=, 1);
  svg_clear (&svg);

  /* A filter hides likewise (here d, not an SME). */
  const char *roles[] = { "sme", "large-company", NULL };
  mg_filter_set_roles (filter, roles);
  mg_visibility_set_filter (f->vis, filter);
  set_lenses (f, 0, MG_LENS_MODE_ANY, MG_UNMATCHED_FADE);
  svg_export (f, &svg);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-d']"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='relation-2']"), ==, 0);
  g_assert_cmpint (count (&svg, "//s:g[@id='actor-c']"), ==, 1);
  svg_clear (&svg);
}

/* The lens key's ring reads on the legend in both palettes (it was a dark
 * grey on the dark legend too). */
static void
test_lens_key_contrast (void)
{
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr (MgStyle) style = dark ? mg_style_new_dark () : mg_style_new ();
      MgLegendEntry key = { 0 };
      MgColor ring, tint, pale, grey;
      MgColor bg = mg_color_mix (&style->background, &style->legend_background,
                                 style->legend_background.alpha);

      key.type = MG_LEGEND_LENS_KEY;
      mg_lens_legend_colors (style, &key, &ring, &tint, &pale, &grey);
      g_assert_cmpfloat (mg_color_contrast (&ring, &bg), >=, 3.0);
      g_assert_cmpfloat (mg_color_contrast (&grey, &bg), >=, 2.0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lens-draw/legend/lenses-with-counts", Fixture, NULL, fixture_setup,
              test_legend_lists_lenses_with_counts, fixture_teardown);
  g_test_add ("/lens-draw/legend/filter-summary", Fixture, NULL, fixture_setup,
              test_legend_filter_summary, fixture_teardown);
  g_test_add_func ("/lens-draw/legend/describe-filter", test_describe_filter);
  g_test_add_func ("/lens-draw/legend/key-contrast", test_lens_key_contrast);
  g_test_add ("/lens-draw/bridge/marks-matches-only", Fixture, NULL, fixture_setup,
              test_bridge_marks_matches_only, fixture_teardown);
  g_test_add ("/lens-draw/svg/provenance-drawn-apart", Fixture, NULL, fixture_setup,
              test_svg_provenance, fixture_teardown);
  g_test_add ("/lens-draw/labels/outside-the-ring", Fixture, NULL, fixture_setup,
              test_label_outside_ring, fixture_teardown);
  g_test_add ("/lens-draw/png/care-ring-on-matched-only", Fixture, NULL, fixture_setup,
              test_png_care_ring_on_matched_only, fixture_teardown);
  g_test_add ("/lens-draw/png/derived-ring-dashed", Fixture, NULL, fixture_setup,
              test_png_derived_ring_is_dashed, fixture_teardown);
  g_test_add ("/lens-draw/svg/lens-classes-and-legend", Fixture, NULL, fixture_setup,
              test_svg_lens_classes_and_legend, fixture_teardown);
  g_test_add ("/lens-draw/svg/hidden-absent", Fixture, NULL, fixture_setup,
              test_svg_hidden_items_absent, fixture_teardown);
  return g_test_run ();
}
