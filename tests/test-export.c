/* Export: PNG, SVG and PDF files of a small fixed map. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>

#include "mg-atomic-file.h"
#include "mg-export.h"
#include "mg-graphml.h"
#include "mg-scene.h"
#include "mg-svg.h"

static MgActor *
add_actor (MgMap *map, const char *id, const char *label, const char *role, double x, double y)
{
  MgActor *a = mg_map_add_actor (map, id);

  mg_map_set_actor_label (map, a, label);
  mg_map_set_actor_role (map, a, role);
  mg_map_set_actor_position (map, a, x, y);
  return a;
}

static void
add_relation (MgMap *map, const char *s, const char *t, const char *kind, gboolean directed)
{
  MgRelation *r = mg_map_add_relation (map, mg_map_lookup_actor (map, s),
                                       mg_map_lookup_actor (map, t), NULL, directed);
  mg_map_set_relation_kind (map, r, kind);
}

/* Non-ASCII labels on purpose: accents, a ligature-prone name, CJK. */
static MgMap *
make_map (void)
{
  MgMap *map = mg_map_new ();

  mg_map_set_title (map, "Écosystème d'innovation");
  add_actor (map, "uca", "Université Clermont Auvergne", "university", 0, 0);
  add_actor (map, "michelin", "Michelin", "large-company", 300, 0);
  add_actor (map, "thesame", "Thésame", "connector", 150, 200);
  add_actor (map, "idf", "Île-de-France", "local-authority", 450, 200);
  add_actor (map, "cjk", "合作", "startup", 0, 200);
  add_relation (map, "uca", "michelin", "partnership", TRUE);
  add_relation (map, "thesame", "michelin", "support", TRUE);
  add_relation (map, "idf", "thesame", "funding", TRUE);
  add_relation (map, "cjk", "uca", "knowledge", FALSE);
  return map;
}

static char *
temp_path (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

typedef struct {
  char *dir;
} TmpDir;

static void
tmpdir_setup (TmpDir *t, gconstpointer data)
{
  t->dir = g_dir_make_tmp ("maillage-export-XXXXXX", NULL);
  g_assert_nonnull (t->dir);
}

static void
remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

static void
tmpdir_teardown (TmpDir *t, gconstpointer data)
{
  remove_tree (t->dir);
  g_free (t->dir);
}

static guint
count_entries (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_dir_close (d);
  return n;
}

/* The pixel of the image at page point (x, y). */
static guint32
pixel_at (cairo_surface_t *s, double x_pt, double y_pt, double dpi)
{
  int x = (int) floor (x_pt * dpi / 72.0), y = (int) floor (y_pt * dpi / 72.0);
  const guchar *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (s));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (s));
  return *(const guint32 *) (data + (gsize) y * stride + 4 * x);
}

static void
assert_rgb_near (guint32 argb, guint32 rgb, int tolerance)
{
  int dr = (int) ((argb >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((argb >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (argb & 0xff) - (int) (rgb & 0xff);

  if (abs (dr) > tolerance || abs (dg) > tolerance || abs (db) > tolerance)
    g_error ("pixel %06x is not near %06x", argb & 0xffffff, rgb);
}

static void
test_format_from_filename (void)
{
  MgExportFormat f;

  g_assert_true (mg_export_format_from_filename ("map.png", &f));
  g_assert_cmpint (f, ==, MG_EXPORT_FORMAT_PNG);
  g_assert_true (mg_export_format_from_filename ("/tmp/Carte.SVG", &f));
  g_assert_cmpint (f, ==, MG_EXPORT_FORMAT_SVG);
  g_assert_true (mg_export_format_from_filename ("a.b/report.pdf", &f));
  g_assert_cmpint (f, ==, MG_EXPORT_FORMAT_PDF);
  g_assert_false (mg_export_format_from_filename ("map.graphml", &f));
  g_assert_false (mg_export_format_from_filename ("a.png/noext", &f));
  g_assert_false (mg_export_format_from_filename ("png", &f));
}

static void
test_png_size_and_colours (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  MgExportOptions o;
  double w_pt, h_pt;
  int w72 = 0, h72 = 0;

  mg_export_options_init (&o);
  o.legend = FALSE;
  o.dpi = 72;
  g_assert_true (mg_export_measure (scene, &o, &w_pt, &h_pt, NULL, NULL, &error));
  g_assert_no_error (error);

  for (int k = 1; k <= 2; k++)
    {
      g_autofree char *name = g_strdup_printf ("map-%d.png", 72 * k);
      g_autofree char *path = temp_path (t->dir, name);
      o.dpi = 72.0 * k;
      g_assert_true (mg_export_scene_to_file (scene, &o, path, &error));
      g_assert_no_error (error);

      cairo_surface_t *s = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
      int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
      g_assert_cmpint (w, ==, (int) ceil (w_pt * k));
      g_assert_cmpint (h, ==, (int) ceil (h_pt * k));
      if (k == 1)
        {
          w72 = w;
          h72 = h;
          /* The map is 450 pt wide plus shapes, labels and margins. */
          g_assert_cmpint (w, >, 450 + 40 + 48);
          g_assert_cmpint (w, <, 900);
        }
      else
        {
          g_assert_cmpint (abs (w - 2 * w72), <=, 1);
          g_assert_cmpint (abs (h - 2 * h72), <=, 1);
        }

      /* The pixel at each actor's centre has its role's colour; the page
       * corner has the background's. */
      MgPage page;
      mg_page_compute (&page, scene, NULL, 1.0, o.margin, NULL, FALSE, FALSE);
      const char *ids[] = { "uca", "michelin", "thesame", "idf" };
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          MgActor *a = mg_map_lookup_actor (map, ids[i]);
          const MgRole *role = mg_vocabulary_ensure_role (mg_map_get_vocabulary (map), a->role);
          guint32 p = pixel_at (s, page.map_x + a->x - page.region.x,
                                page.map_y + a->y - page.region.y, o.dpi);
          assert_rgb_near (p, role->color, 3);
          g_assert_cmphex (p >> 24, ==, 0xff);
        }
      assert_rgb_near (pixel_at (s, 1, 1, o.dpi), 0xffffff, 0);
      mg_page_clear (&page);
      cairo_surface_destroy (s);
    }
}

static void
test_png_legend_and_transparency (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  MgExportOptions o;

  mg_export_options_init (&o);
  o.dpi = 72;
  o.legend = TRUE;
  cairo_surface_t *with = mg_export_render_surface (scene, &o, &error);
  g_assert_no_error (error);
  o.legend = FALSE;
  cairo_surface_t *without = mg_export_render_surface (scene, &o, &error);
  g_assert_no_error (error);

  /* The legend sits right of the map: the page grows by its width. */
  const MgLegend *legend = mg_scene_get_legend (scene);
  int ww = cairo_image_surface_get_width (with), wo = cairo_image_surface_get_width (without);
  g_assert_cmpint (ww, >=, wo + (int) legend->width);

  /* Its first role swatch is drawn in that role's colour, where the page
   * without legend has nothing (or no pixel at all). */
  MgPage page;
  mg_page_compute (&page, scene, NULL, 1.0, o.margin, NULL, TRUE, FALSE);
  g_assert_true (page.legend);
  const MgLegendEntry *swatch = NULL;
  for (guint i = 0; i < legend->entries->len && swatch == NULL; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      if (e->type == MG_LEGEND_ROLE)
        swatch = e;
    }
  g_assert_nonnull (swatch);
  double sx = page.legend_x + swatch->swatch_x, sy = page.legend_y + swatch->swatch_y;
  assert_rgb_near (pixel_at (with, sx, sy, 72), mg_color_to_rgb (&swatch->fill), 3);
  if (sx < wo)
    assert_rgb_near (pixel_at (without, sx, sy, 72), 0xffffff, 0);
  mg_page_clear (&page);

  /* Legend text: the legend area is not blank. */
  guint dark = 0;
  for (double y = page.legend_y; y < page.legend_y + legend->height; y += 1)
    for (double x = page.legend_x; x < page.legend_x + legend->width; x += 1)
      if ((pixel_at (with, x, y, 72) & 0xff) < 0x80)
        dark++;
  g_assert_cmpuint (dark, >, 100);

  /* Transparent background: alpha 0 in the corners, opaque actors. */
  o.transparent = TRUE;
  o.legend = FALSE;
  g_autofree char *path = temp_path (t->dir, "transparent.png");
  g_assert_true (mg_export_scene_to_file (scene, &o, path, &error));
  g_assert_no_error (error);
  cairo_surface_t *tr = cairo_image_surface_create_from_png (path);
  int tw = cairo_image_surface_get_width (tr), th = cairo_image_surface_get_height (tr);
  g_assert_cmphex (pixel_at (tr, 0, 0, 72) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (tr, (tw - 1) * 1.0, (th - 1) * 1.0, 72) >> 24, ==, 0);
  mg_page_compute (&page, scene, NULL, 1.0, o.margin, NULL, FALSE, TRUE);
  g_assert_cmphex (pixel_at (tr, page.map_x - page.region.x + 300, page.map_y - page.region.y, 72) >> 24,
                   ==, 0xff);
  mg_page_clear (&page);

  cairo_surface_destroy (tr);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static void
test_png_title (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  MgExportOptions o;
  double h0, h1, w;

  mg_export_options_init (&o);
  g_assert_true (mg_export_measure (scene, &o, &w, &h0, NULL, NULL, &error));
  o.title = "Écosystème d'innovation — Clermont-Ferrand";
  g_assert_true (mg_export_measure (scene, &o, &w, &h1, NULL, NULL, &error));
  /* The title adds a line on top. */
  g_assert_cmpfloat (h1, >, h0 + mg_scene_get_style (scene)->title_size);
  g_assert_no_error (error);
}

static xmlXPathObjectPtr
xpath (xmlXPathContextPtr ctx, const char *expr)
{
  xmlXPathObjectPtr r = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (r);
  return r;
}

static int
xpath_count (xmlXPathContextPtr ctx, const char *expr)
{
  xmlXPathObjectPtr r = xpath (ctx, expr);
  int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (r);
  return n;
}

/* The text of <text>: its tspans joined by spaces. */
static char *
text_of (xmlNodePtr text)
{
  GString *s = g_string_new (NULL);

  for (xmlNodePtr c = text->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        xmlChar *t = xmlNodeGetContent (c);
        if (s->len)
          g_string_append_c (s, ' ');
        g_string_append (s, (const char *) t);
        xmlFree (t);
      }
  return g_string_free (s, FALSE);
}

static void
test_svg_structure (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path (t->dir, "map.svg");
  g_autofree char *contents = NULL;
  gsize length;
  MgExportOptions o;

  mg_export_options_init (&o);
  o.format = MG_EXPORT_FORMAT_SVG;
  o.title = "Écosystème d'innovation";
  g_assert_true (mg_export_scene_to_file (scene, &o, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  xmlDocPtr doc = xmlReadMemory (contents, (int) length, "map.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");

  /* One group per actor, each with a <title>; one per relation. */
  g_assert_cmpint (xpath_count (ctx, "//s:g[contains(concat(' ', @class, ' '), ' actor ')]"), ==, 5);
  g_assert_cmpint (xpath_count (ctx, "//s:g[contains(concat(' ', @class, ' '), ' actor ')]/s:title"), ==, 5);
  g_assert_cmpint (xpath_count (ctx, "//s:g[contains(concat(' ', @class, ' '), ' relation ')]/s:title"), ==, 4);
  g_assert_cmpint (xpath_count (ctx, "//s:g[@id='actor-michelin' and contains(@class, 'role-large-company')]"), ==, 1);
  g_assert_cmpint (xpath_count (ctx, "//s:g[@id='legend']"), ==, 1);
  g_assert_cmpint (xpath_count (ctx, "//s:g[@id='title']/s:text"), ==, 1);

  /* One <text> per label shown, and it spells the label (accents, CJK). */
  guint shown = 0;
  GPtrArray *actors = mg_scene_get_actors (scene);
  for (guint i = 0; i < actors->len; i++)
    if (((MgSceneActor *) g_ptr_array_index (actors, i))->placement != MG_LABEL_DROPPED)
      shown++;
  g_assert_cmpuint (shown, ==, 5);
  g_assert_cmpint (xpath_count (ctx, "//s:g[contains(concat(' ', @class, ' '), ' actor ')]/s:text"), ==, (int) shown);

  const char *labels[] = { "Université Clermont Auvergne", "Michelin", "Thésame", "Île-de-France", "合作" };
  const char *ids[] = { "uca", "michelin", "thesame", "idf", "cjk" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *expr = g_strdup_printf ("//s:g[@id='actor-%s']/s:text", ids[i]);
      xmlXPathObjectPtr r = xpath (ctx, expr);
      g_assert_cmpint (r->nodesetval->nodeNr, ==, 1);
      g_autofree char *text = text_of (r->nodesetval->nodeTab[0]);
      g_assert_cmpstr (text, ==, labels[i]);
      xmlXPathFreeObject (r);

      g_autofree char *texpr = g_strdup_printf ("//s:g[@id='actor-%s']/s:title", ids[i]);
      r = xpath (ctx, texpr);
      xmlChar *title = xmlNodeGetContent (r->nodesetval->nodeTab[0]);
      g_assert_true (g_str_has_prefix ((const char *) title, labels[i]));
      xmlFree (title);
      xmlXPathFreeObject (r);
    }

  /* Ids are unique. */
  xmlXPathObjectPtr all = xpath (ctx, "//@id");
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; i < all->nodesetval->nodeNr; i++)
    {
      char *id = (char *) xmlNodeGetContent (all->nodesetval->nodeTab[i]);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, g_strdup (id));
      xmlFree (id);
    }
  g_assert_cmpuint (g_hash_table_size (seen), >=, 5 + 4);
  xmlXPathFreeObject (all);

  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

static void
test_svg_awkward_ids (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (GError) error = NULL;
  add_actor (map, "a b", "Space", "sme", 0, 0);
  add_actor (map, "a_20b", "Lookalike", "sme", 100, 0);
  add_actor (map, "1<2>&\"", "Markup", "sme", 200, 0);
  add_actor (map, "relation-0", "Impostor", "mystery-role", 300, 0);
  add_relation (map, "a b", "1<2>&\"", NULL, FALSE);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgExportOptions o;

  mg_export_options_init (&o);
  o.format = MG_EXPORT_FORMAT_SVG;
  g_autoptr (GBytes) bytes = mg_export_scene_to_bytes (scene, &o, &error);
  g_assert_no_error (error);
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);
  xmlDocPtr doc = xmlReadMemory (data, (int) n, "ids.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr all = xmlXPathEvalExpression (BAD_CAST "//@id", ctx);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; i < all->nodesetval->nodeNr; i++)
    {
      char *id = (char *) xmlNodeGetContent (all->nodesetval->nodeTab[i]);
      g_assert_true (g_ascii_isalpha (id[0]));
      for (const char *p = id; *p; p++)
        g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.');
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, g_strdup (id));
      xmlFree (id);
    }
  g_assert_cmpuint (g_hash_table_size (seen), >=, 5);
  xmlXPathFreeObject (all);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

/* Runs @argv[0] from PATH; FALSE when it is not installed. */
static gboolean
run_tool (const char **argv, char **out)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = 0;

  if (program == NULL)
    return FALSE;
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
test_pdf_text (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path (t->dir, "map.pdf");
  g_autofree char *text = NULL, *info = NULL, *head = NULL;
  MgExportOptions o;

  mg_export_options_init (&o);
  o.format = MG_EXPORT_FORMAT_PDF;
  o.title = "Écosystème d'innovation";
  g_assert_true (mg_export_scene_to_file (scene, &o, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  const char *info_argv[] = { "pdfinfo", path, NULL };
  if (run_tool (info_argv, &info))
    g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0));

  /* Text stays text: every label can be extracted, accents and CJK too. */
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  if (!run_tool (text_argv, &text))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Thésame"));
  g_assert_nonnull (strstr (text, "Île-de-France"));
  g_assert_nonnull (strstr (text, "Université"));
  g_assert_nonnull (strstr (text, "合作"));
  g_assert_nonnull (strstr (text, "Écosystème"));
}

static void
test_absurd_sizes (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  MgExportOptions o;

  mg_export_options_init (&o);
  o.dpi = 5000;
  g_assert_null (mg_export_render_png_bytes (scene, &o, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dpi"));
  g_clear_error (&error);

  /* 600 dpi at scale 100: hundreds of thousands of pixels a side. */
  o.dpi = 600;
  o.scale = 100;
  g_assert_null (mg_export_render_png_bytes (scene, &o, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "pixels"));
  g_assert_nonnull (strstr (error->message, "SVG or PDF"));
  g_clear_error (&error);

  /* The same as SVG is fine. */
  o.format = MG_EXPORT_FORMAT_SVG;
  g_autoptr (GBytes) svg = mg_export_scene_to_bytes (scene, &o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (svg);

  o.scale = 0;
  g_assert_null (mg_export_scene_to_bytes (scene, &o, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  o.scale = 1;
  o.has_region = TRUE;
  o.region = (MgRect) { 0, 0, 0, 10 };
  g_assert_null (mg_export_scene_to_bytes (scene, &o, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_INVALID);
}

static void
test_region (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  MgExportOptions o;
  int w, h;

  mg_export_options_init (&o);
  o.dpi = 72;
  o.legend = FALSE;
  o.margin = 10;
  o.has_region = TRUE;
  o.region = (MgRect) { 250, -50, 100, 100 }; /* michelin only */
  g_assert_true (mg_export_measure (scene, &o, NULL, NULL, &w, &h, &error));
  g_assert_cmpint (w, ==, 120);
  g_assert_cmpint (h, ==, 120);

  cairo_surface_t *s = mg_export_render_surface (scene, &o, &error);
  g_assert_no_error (error);
  const MgRole *role = mg_vocabulary_ensure_role (mg_map_get_vocabulary (map), "large-company");
  assert_rgb_near (pixel_at (s, 60, 60, 72), role->color, 3);
  cairo_surface_destroy (s);
}

static void
test_unwritable_path (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (t->dir, "no-such-dir", "map.png", NULL);
  MgExportOptions o;

  mg_export_options_init (&o);
  o.dpi = 72;
  g_assert_false (mg_export_scene_to_file (scene, &o, missing, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A directory in the way: refused, and nothing left behind. */
  g_autofree char *dir = g_build_filename (t->dir, "taken.svg", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  guint before = count_entries (t->dir);
  o.format = MG_EXPORT_FORMAT_SVG;
  g_assert_false (mg_export_scene_to_file (scene, &o, dir, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "taken.svg"));
  g_assert_cmpuint (count_entries (t->dir), ==, before);
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

static void
test_replaces_atomically (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path (t->dir, "map.pdf");
  MgExportOptions o;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  mg_export_options_init (&o);
  o.format = MG_EXPORT_FORMAT_PDF;
  g_assert_true (mg_export_scene_to_file (scene, &o, path, &error));
  g_assert_no_error (error);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_entries (t->dir), ==, 1);
}

static MgMap *make_grid_map (void);

static gboolean
collect_piece (const char *data, gsize length, gpointer user_data, GError **error)
{
  GPtrArray *pieces = user_data;

  g_ptr_array_add (pieces, g_bytes_new (data, length));
  return TRUE;
}

static gboolean
refuse_piece (const char *data, gsize length, gpointer user_data, GError **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "No space left");
  return FALSE;
}

/* An SVG export streams to its file: the pieces make the same document as
 * the one written whole; a sink that fails stops the writing with its
 * error; a file that fails mid-way keeps the old one and leaves nothing
 * behind. */
static void
test_svg_streams (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = make_grid_map ();
  g_autoptr (MgScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GString) joined = g_string_new (NULL);
  g_autofree char *path = temp_path (t->dir, "map.svg");
  g_autofree char *whole = NULL, *contents = NULL;
  MgExportOptions o;
  MgPage page;
  gsize length = 0;
  guint calls = 0;

  /* Some 1,000 more actors: a document of several pieces. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("b%u", i);
      g_autofree char *label = g_strdup_printf ("Plateforme d’innovation ouverte n°%u", i);
      add_actor (map, id, label, "research", (i % 40) * 150.0, 3200 + (i / 40) * 150.0);
    }
  scene = mg_scene_new (map, NULL);
  mg_export_options_init (&o);
  o.format = MG_EXPORT_FORMAT_SVG;
  mg_page_compute (&page, scene, NULL, 1.0, o.margin, NULL, TRUE, FALSE);
  whole = mg_svg_write_page (scene, &page, &length, &error);
  g_assert_no_error (error);
  /* The 200-actor map is larger than one piece. */
  g_assert_true (mg_svg_write_page_to (scene, &page, collect_piece, pieces, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pieces->len, >=, 2);
  for (guint i = 0; i < pieces->len; i++)
    {
      gsize n;
      const char *d = g_bytes_get_data (g_ptr_array_index (pieces, i), &n);
      g_string_append_len (joined, d, (gssize) n);
    }
  g_assert_cmpuint (joined->len, ==, length);
  g_assert_true (memcmp (joined->str, whole, length) == 0);

  g_assert_false (mg_svg_write_page_to (scene, &page, refuse_piece, &calls, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_error (&error);
  mg_page_clear (&page);

  /* To a file: the same bytes; a failure mid-way keeps the old file. */
  g_assert_true (mg_export_scene_to_file (scene, &o, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, joined->len);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  mg_atomic_file_set_test_failure (MG_ATOMIC_FILE_FAIL_MID_WRITE);
  g_assert_false (mg_export_scene_to_file (scene, &o, path, &error));
  mg_atomic_file_set_test_failure (MG_ATOMIC_FILE_FAIL_NONE);
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_WRITE);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (t->dir), ==, 1);
}

static void
test_map_without_positions (TmpDir *t, gconstpointer data)
{
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path (t->dir, "unplaced.png");
  MgExportOptions o;

  mg_map_add_actor (map, "floating");
  mg_export_options_init (&o);
  g_assert_false (mg_export_map_to_file (map, &o, path, &error));
  g_assert_error (error, MG_EXPORT_ERROR, MG_EXPORT_ERROR_NO_POSITIONS);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_autoptr (MgMap) placed = make_map ();
  g_assert_true (mg_export_map_to_file (placed, &o, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_example_maps (TmpDir *t, gconstpointer data)
{
  const char *dir = g_getenv ("MAILLAGE_DATA_DIR");
  g_autofree char *maps = dir ? g_build_filename (dir, "maps", NULL) : NULL;
  g_autoptr (GDir) d = maps ? g_dir_open (maps, 0, NULL) : NULL;
  const char *name;
  guint done = 0;

  if (d == NULL)
    {
      g_test_skip ("no example maps");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_suffix (name, ".graphml"))
        continue;
      g_autofree char *path = g_build_filename (maps, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (MgMap) map = mg_graphml_read_file (path, NULL, &error);
      g_assert_no_error (error);
      /* Example maps may come without positions: a grid will do. */
      guint n = mg_map_get_n_actors (map);
      g_autofree double *xy = g_new (double, 2 * n);
      for (guint i = 0; i < n; i++)
        {
          xy[2 * i] = (i % 8) * 170.0;
          xy[2 * i + 1] = (i / 8) * 120.0;
        }
      if (!mg_map_has_positions (map))
        mg_map_apply_positions (map, xy, NULL);

      MgExportOptions o;
      mg_export_options_init (&o);
      o.dpi = 72;
      for (MgExportFormat f = MG_EXPORT_FORMAT_PNG; f <= MG_EXPORT_FORMAT_PDF; f++)
        {
          g_autofree char *out = g_strdup_printf ("%s/%s.%s", t->dir, name, mg_export_format_to_string (f));
          o.format = f;
          g_assert_true (mg_export_map_to_file (map, &o, out, &error));
          g_assert_no_error (error);
        }
      done++;
    }
  if (done == 0)
    g_test_skip ("no example maps");
}

/* ---- PNG in bands ------------------------------------------------------------ */

typedef struct {
  const guchar *data;
  gsize         length;
  gsize         offset;
} Reader;

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  Reader *r = closure;

  if (r->offset + length > r->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* A map wide enough that its PNG is drawn in several bands. */
static MgMap *
make_grid_map (void)
{
  MgMap *map = mg_map_new ();
  const char *roles[] = { "company", "research", "public-body", "cluster" };

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = g_strdup_printf ("Acteur n°%u de l’écosystème", i);
      add_actor (map, id, label, roles[i % 4], (i % 20) * 150.0 + (i / 20) * 13.0,
                 (i / 20) * 150.0);
    }
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *s = g_strdup_printf ("a%u", i);
      g_autofree char *t1 = g_strdup_printf ("a%u", (i * 7 + 3) % 200);
      add_relation (map, s, t1, i % 3 ? "partnership" : "funding", i % 2);
    }
  return map;
}

/* The banded, threaded encoder gives the pixels of the image drawn whole,
 * opaque (RGB) and transparent (RGBA, alpha undone), and records the DPI. */
static void
test_png_bands (void)
{
  g_autoptr (MgMap) map = make_grid_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);

  for (guint transparent = 0; transparent <= 1; transparent++)
    {
      g_autoptr (GError) error = NULL;
      MgExportOptions o;

      mg_export_options_init (&o);
      o.dpi = 100;
      o.transparent = transparent;
      cairo_surface_t *whole = mg_export_render_surface (scene, &o, &error);
      g_assert_no_error (error);
      g_autoptr (GBytes) png = mg_export_render_png_bytes (scene, &o, &error);
      g_assert_no_error (error);

      Reader r = { g_bytes_get_data (png, &r.length), 0, 0 };
      r.length = g_bytes_get_size (png);
      cairo_surface_t *decoded = cairo_image_surface_create_from_png_stream (read_bytes, &r);
      g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
      int w = cairo_image_surface_get_width (whole), h = cairo_image_surface_get_height (whole);
      g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, w);
      g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, h);
      /* Several bands of 4 megapixels (mg-export-png.c). */
      g_assert_cmpfloat ((double) w * h, >, 2 * 4 * 1024 * 1024);
      g_assert_cmpint (cairo_image_surface_get_format (decoded), ==,
                       transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24);

      cairo_surface_flush (decoded);
      const guchar *a = cairo_image_surface_get_data (whole);
      const guchar *b = cairo_image_surface_get_data (decoded);
      int sa = cairo_image_surface_get_stride (whole), sb = cairo_image_surface_get_stride (decoded);
      guint64 same = 0, translucent = 0, inked = 0;
      /* A band draws with the index, the whole image by scanning, so thin
       * relations may take the other antialiasing path (a fraction of a
       * pixel apart): nearly every pixel is the same, and every 8 × 8 block
       * is the same within a few levels. */
      int bw = (w + 7) / 8, bh = (h + 7) / 8;
      g_autofree double *blocks = g_new0 (double, (gsize) bw * bh * 4);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 pa = ((const guint32 *) (a + (gsize) y * sa))[x];
            guint32 pb = ((const guint32 *) (b + (gsize) y * sb))[x];
            guint32 mask = transparent ? 0xffffffff : 0xffffff;
            guint alpha = pa >> 24;
            gboolean equal = TRUE;
            for (int c = 0; c < (transparent ? 4 : 3); c++)
              {
                int va = (pa >> (8 * c)) & 0xff, vb = (pb >> (8 * c)) & 0xff;
                /* Undoing and redoing premultiplied alpha rounds. */
                equal = equal && abs (va - vb) <= (transparent && alpha < 255 ? 1 : 0);
                blocks[((gsize) (y / 8) * bw + x / 8) * 4 + c] += va - vb;
              }
            same += equal;
            translucent += alpha > 0 && alpha < 255;
            inked += (pa & mask) != (((const guint32 *) a)[0] & mask);
          }
      g_assert_cmpfloat ((double) same / ((double) w * h), >=, 0.98);
      for (gsize k = 0; k < (gsize) bw * bh * 4; k++)
        g_assert_cmpfloat (fabs (blocks[k]) / 64, <=, 16);
      g_assert_cmpuint (inked, >, 10000); /* the map was drawn at all */
      if (transparent)
        g_assert_cmpuint (translucent, >, 1000);

      /* pHYs: 100 dpi is 3937 pixels a metre. */
      const guchar *bytes = g_bytes_get_data (png, NULL);
      const guchar *phys = memmem (bytes, r.length, "pHYs", 4);
      g_assert_nonnull (phys);
      guint32 ppm = (guint32) phys[4] << 24 | (guint32) phys[5] << 16 | (guint32) phys[6] << 8 | phys[7];
      g_assert_cmpuint (ppm, ==, 3937);
      g_assert_cmpuint (phys[12], ==, 1); /* the unit is the metre */

      cairo_surface_destroy (decoded);
      cairo_surface_destroy (whole);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-from-filename", test_format_from_filename);
  g_test_add ("/export/png/size-and-colours", TmpDir, NULL, tmpdir_setup,
              test_png_size_and_colours, tmpdir_teardown);
  g_test_add ("/export/png/legend-and-transparency", TmpDir, NULL, tmpdir_setup,
              test_png_legend_and_transparency, tmpdir_teardown);
  g_test_add_func ("/export/png/title", test_png_title);
  g_test_add_func ("/export/png/region", test_region);
  g_test_add_func ("/export/png/bands-match-whole-image", test_png_bands);
  g_test_add ("/export/svg/structure-and-text", TmpDir, NULL, tmpdir_setup, test_svg_structure,
              tmpdir_teardown);
  g_test_add_func ("/export/svg/awkward-ids", test_svg_awkward_ids);
  g_test_add ("/export/svg/streams-to-file", TmpDir, NULL, tmpdir_setup, test_svg_streams,
              tmpdir_teardown);
  g_test_add ("/export/pdf/text-and-pages", TmpDir, NULL, tmpdir_setup, test_pdf_text,
              tmpdir_teardown);
  g_test_add_func ("/export/errors/absurd-sizes", test_absurd_sizes);
  g_test_add ("/export/errors/unwritable-path", TmpDir, NULL, tmpdir_setup, test_unwritable_path,
              tmpdir_teardown);
  g_test_add ("/export/file/replaces-atomically", TmpDir, NULL, tmpdir_setup,
              test_replaces_atomically, tmpdir_teardown);
  g_test_add ("/export/map/needs-positions", TmpDir, NULL, tmpdir_setup,
              test_map_without_positions, tmpdir_teardown);
  g_test_add ("/export/example-maps", TmpDir, NULL, tmpdir_setup, test_example_maps,
              tmpdir_teardown);

  return g_test_run ();
}
