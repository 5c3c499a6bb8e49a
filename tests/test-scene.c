/* The scene: items built from a map, geometry, labels, index, updates. */
#include "config.h"

#include <math.h>

#include "mg-scene-private.h"
#include "mg-svg.h"
#include "mg-render-cairo.h"

/* A small fixed map (map coordinates in points):
 *
 *   uca (0,0) ───partnership──▶ michelin (300,0)
 *     │                           ▲
 *   knowledge               support (thesame → michelin)
 *     │                           │
 *   cjk (0,200)    thesame (150,200) ◀─funding── idf (450,200)
 */
static MgActor *
add_actor (MgMap *map, const char *id, const char *label, const char *role,
           const char *territory, double x, double y)
{
  MgActor *a = mg_map_add_actor (map, id);

  mg_map_set_actor_label (map, a, label);
  mg_map_set_actor_role (map, a, role);
  if (territory)
    mg_map_set_actor_territory (map, a, territory);
  mg_map_set_actor_position (map, a, x, y);
  return a;
}

static MgRelation *
add_relation (MgMap *map, const char *s, const char *t, const char *kind, gboolean directed)
{
  MgRelation *r = mg_map_add_relation (map, mg_map_lookup_actor (map, s),
                                       mg_map_lookup_actor (map, t), NULL, directed);
  mg_map_set_relation_kind (map, r, kind);
  return r;
}

static MgMap *
make_small_map (void)
{
  MgMap *map = mg_map_new ();

  add_actor (map, "uca", "Université Clermont Auvergne", "university",
             "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand", 0, 0);
  add_actor (map, "michelin", "Michelin", "large-company",
             "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand", 300, 0);
  add_actor (map, "thesame", "Thésame", "connector", "Auvergne-Rhône-Alpes/Haute-Savoie/Annecy",
             150, 200);
  add_actor (map, "idf", "Île-de-France", "local-authority", "Île-de-France", 450, 200);
  add_actor (map, "cjk", "合作", "startup", NULL, 0, 200);
  add_relation (map, "uca", "michelin", "partnership", TRUE);
  add_relation (map, "thesame", "michelin", "support", TRUE);
  add_relation (map, "idf", "thesame", "funding", TRUE);
  add_relation (map, "cjk", "uca", "knowledge", FALSE);
  return map;
}

static MgSceneActor *
scene_actor (MgScene *scene, MgMap *map, const char *id)
{
  MgSceneActor *sa = mg_scene_lookup_actor (scene, mg_map_lookup_actor (map, id));
  g_assert_nonnull (sa);
  return sa;
}

static void
test_build_counts (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  GPtrArray *actors = mg_scene_get_actors (scene);
  GPtrArray *relations = mg_scene_get_relations (scene);

  g_assert_cmpuint (actors->len, ==, 5);
  g_assert_cmpuint (relations->len, ==, 4);
  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (actors, i);
      g_assert_cmpint (sa->item.type, ==, MG_SCENE_ITEM_ACTOR);
      g_assert_nonnull (sa->role);
      g_assert_cmpuint (sa->n_label_lines, >, 0);
    }
  g_assert_cmpuint (scene_actor (scene, map, "michelin")->degree, ==, 2);
  g_assert_cmpuint (scene_actor (scene, map, "cjk")->degree, ==, 1);

  /* Colours and shapes come from the vocabulary. */
  MgSceneActor *uca = scene_actor (scene, map, "uca");
  const MgRole *university = mg_vocabulary_ensure_role (mg_map_get_vocabulary (map), "university");
  g_assert_cmphex (mg_color_to_rgb (&uca->fill), ==, university->color);
  g_assert_cmpint (uca->shape, ==, university->shape);
}

static void
test_actor_bounds (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  MgActor *m = mg_map_lookup_actor (map, "michelin");
  mg_map_set_actor_size (map, m, 60, 30);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneActor *sa = mg_scene_lookup_actor (scene, m);
  MgSceneActor *uca = scene_actor (scene, map, "uca");

  /* The shape box plus half the outline, centred on the actor. */
  g_assert_cmpfloat_with_epsilon (sa->width, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (sa->height, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (sa->item.bounds.x + sa->item.bounds.width / 2, 300, 1e-6);
  g_assert_cmpfloat_with_epsilon (sa->item.bounds.y + sa->item.bounds.height / 2, 0, 1e-6);
  g_assert_cmpfloat (sa->item.bounds.width, >=, 60);
  g_assert_cmpfloat (sa->item.bounds.width, <=, 64);
  g_assert_cmpfloat (sa->item.bounds.height, >=, 30);
  g_assert_cmpfloat (sa->item.bounds.height, <=, 34);

  /* Default size from the style: 40 pt. */
  g_assert_cmpfloat_with_epsilon (uca->width, 40, 1e-9);
  g_assert_cmpfloat (uca->item.bounds.x, <=, -20);
  g_assert_cmpfloat (uca->item.bounds.x, >=, -22);

  /* The label sits below the shape, centred. */
  g_assert_cmpint (uca->placement, ==, MG_LABEL_BELOW);
  g_assert_cmpfloat (uca->label_rect.y, >=, 20);
  g_assert_cmpfloat_with_epsilon (uca->label_rect.x + uca->label_rect.width / 2, 0, 1e-6);
}

static void
test_relation_clipped (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneRelation *sr = g_ptr_array_index (mg_scene_get_relations (scene), 0);

  /* uca (hexagon, 40 wide) → michelin (box, 40 wide), along y = 0: the line
   * leaves the hexagon's left/right vertex at x = 20 and the arrow tip
   * touches the box at x = 280. */
  g_assert_true (sr->relation->source == mg_map_lookup_actor (map, "uca"));
  g_assert_cmpfloat_with_epsilon (sr->points[0], 20, 0.01);
  g_assert_cmpfloat_with_epsilon (sr->points[1], 0, 0.01);
  g_assert_true (sr->has_arrow);
  g_assert_cmpfloat_with_epsilon (sr->arrow[0], 280, 0.01);
  g_assert_cmpfloat_with_epsilon (sr->arrow[1], 0, 0.01);
  /* The line ends under the arrowhead, before the tip. */
  g_assert_cmpfloat (sr->points[2 * (sr->n_points - 1)], <, 280);

  /* The undirected relation has no arrowhead. */
  MgSceneRelation *und = g_ptr_array_index (mg_scene_get_relations (scene), 3);
  g_assert_false (und->has_arrow);
}

static void
test_hit_test (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneItem *item;

  item = mg_scene_hit_test (scene, 300, 0, 2);
  g_assert_nonnull (item);
  g_assert_cmpint (item->type, ==, MG_SCENE_ITEM_ACTOR);
  g_assert_true (((MgSceneActor *) item)->actor == mg_map_lookup_actor (map, "michelin"));

  /* Empty space. */
  g_assert_null (mg_scene_hit_test (scene, 150, -150, 2));
  g_assert_null (mg_scene_hit_test (scene, 600, 600, 2));

  /* Near the uca → michelin line (y = 0), within the tolerance. */
  item = mg_scene_hit_test (scene, 150, 3, 4);
  g_assert_nonnull (item);
  g_assert_cmpint (item->type, ==, MG_SCENE_ITEM_RELATION);
  g_assert_true (((MgSceneRelation *) item)->relation->source == mg_map_lookup_actor (map, "uca"));
  /* Too far from it. */
  g_assert_null (mg_scene_hit_test (scene, 150, 12, 4));

  /* An actor wins over a relation touching it. */
  item = mg_scene_hit_test (scene, 281, 0, 4);
  g_assert_cmpint (item->type, ==, MG_SCENE_ITEM_ACTOR);

  /* Its label counts as the actor. */
  MgSceneActor *uca = scene_actor (scene, map, "uca");
  item = mg_scene_hit_test (scene, uca->label_rect.x + uca->label_rect.width / 2,
                            uca->label_rect.y + uca->label_rect.height / 2, 0);
  g_assert_true (item == &uca->item);
}

static void
test_query_rect (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GPtrArray) none = NULL, one = NULL, line = NULL, all = NULL;

  none = mg_scene_query_rect (scene, &(MgRect) { 100, -200, 100, 100 });
  g_assert_cmpuint (none->len, ==, 0);

  /* Inside michelin's box only: relations end at its border. */
  one = mg_scene_query_rect (scene, &(MgRect) { 285, -15, 30, 30 });
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_true (((MgSceneActor *) g_ptr_array_index (one, 0))->actor ==
                 mg_map_lookup_actor (map, "michelin"));

  /* A patch in the middle of the uca → michelin line. */
  line = mg_scene_query_rect (scene, &(MgRect) { 140, -5, 20, 10 });
  g_assert_cmpuint (line->len, ==, 1);
  g_assert_cmpint (((MgSceneItem *) g_ptr_array_index (line, 0))->type, ==, MG_SCENE_ITEM_RELATION);

  /* Everything, relations first then actors, each in map order. */
  all = mg_scene_query_rect (scene, &(MgRect) { -1000, -1000, 3000, 3000 });
  g_assert_cmpuint (all->len, ==, 9);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (((MgSceneItem *) g_ptr_array_index (all, i))->type, ==, MG_SCENE_ITEM_RELATION);
  for (guint i = 4; i < 9; i++)
    g_assert_cmpint (((MgSceneItem *) g_ptr_array_index (all, i))->type, ==, MG_SCENE_ITEM_ACTOR);
  g_assert_true (((MgSceneActor *) g_ptr_array_index (all, 4))->actor == mg_map_lookup_actor (map, "uca"));

  /* Hidden items are left out. */
  mg_scene_set_actor_visibility (scene, mg_map_lookup_actor (map, "michelin"), MG_ITEM_HIDDEN);
  g_clear_pointer (&one, g_ptr_array_unref);
  one = mg_scene_query_rect (scene, &(MgRect) { 285, -15, 30, 30 });
  g_assert_cmpuint (one->len, ==, 0);
  g_assert_null (mg_scene_hit_test (scene, 300, 0, 2));
}

static void
assert_labels_apart (MgScene *scene)
{
  GPtrArray *actors = mg_scene_get_actors (scene);

  for (guint i = 0; i < actors->len; i++)
    for (guint j = i + 1; j < actors->len; j++)
      {
        MgSceneActor *a = g_ptr_array_index (actors, i), *b = g_ptr_array_index (actors, j);
        if (a->placement == MG_LABEL_DROPPED || b->placement == MG_LABEL_DROPPED)
          continue;
        if (mg_rect_intersects (&a->label_rect, &b->label_rect))
          g_error ("labels of %s and %s overlap", a->actor->id, b->actor->id);
      }
}

static void
test_label_collision_pair (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  add_actor (map, "a", "Collision label number one", "sme", NULL, 1000, 1000);
  add_actor (map, "b", "Collision label number two", "sme", NULL, 1004, 1003);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneActor *a = scene_actor (scene, map, "a"), *b = scene_actor (scene, map, "b");
  g_autoptr (GPtrArray) dropped = mg_scene_get_dropped_labels (scene);

  if (a->placement != MG_LABEL_DROPPED && b->placement != MG_LABEL_DROPPED)
    g_assert_false (mg_rect_intersects (&a->label_rect, &b->label_rect));
  else
    g_assert_cmpuint (dropped->len, >=, 1);
  /* Both still have their full text for the tooltip. */
  g_assert_cmpstr (a->full_label, ==, "Collision label number one");
  g_assert_cmpstr (b->full_label, ==, "Collision label number two");
}

static void
test_label_collision_dense (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  GRand *rand = g_rand_new_with_seed (42);

  /* 150 actors in 1000 × 1000: more labels than room. */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *label = g_strdup_printf ("Organisation %u of the dense map", i);
      add_actor (map, id, label, "sme", NULL, g_rand_double_range (rand, 0, 1000),
                 g_rand_double_range (rand, 0, 1000));
    }
  /* n0 is the hub: it has the highest degree, so its label wins. */
  for (guint i = 1; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      add_relation (map, "n0", id, "partnership", FALSE);
    }
  g_rand_free (rand);

  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GPtrArray) dropped = mg_scene_get_dropped_labels (scene);
  GPtrArray *actors = mg_scene_get_actors (scene);
  guint placed = 0;

  assert_labels_apart (scene);
  for (guint i = 0; i < actors->len; i++)
    if (((MgSceneActor *) g_ptr_array_index (actors, i))->placement != MG_LABEL_DROPPED)
      placed++;
  g_assert_cmpuint (dropped->len, >, 0);
  g_assert_cmpuint (placed + dropped->len, ==, 150);
  g_assert_cmpint (scene_actor (scene, map, "n0")->placement, !=, MG_LABEL_DROPPED);

  /* Moving actors keeps labels apart. */
  for (guint i = 0; i < 30; i++)
    {
      MgActor *a = g_ptr_array_index (mg_map_get_actors (map), i * 5);
      mg_map_set_actor_position (map, a, a->y, a->x);
    }
  assert_labels_apart (scene);
}

static void
test_label_wrapping (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  const char *long_label = "Communauté de communes du Pays du Coquelicot et des territoires voisins "
                           "réunis pour l'innovation collaborative";
  add_actor (map, "long", long_label, "local-authority", NULL, 0, 0);
  add_actor (map, "short", "CNRS", "research-lab", NULL, 500, 0);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneActor *l = scene_actor (scene, map, "long"), *s = scene_actor (scene, map, "short");
  MgStyle *style = mg_scene_get_style (scene);

  g_assert_cmpuint (l->n_label_lines, ==, style->label_max_lines);
  g_assert_true (g_str_has_suffix (l->label_lines[l->n_label_lines - 1], "…"));
  g_assert_cmpstr (l->full_label, ==, long_label);
  for (guint i = 0; i < l->n_label_lines; i++)
    g_assert_cmpuint (g_utf8_strlen (l->label_lines[i], -1), <=, style->label_line_chars + 8);
  g_assert_cmpuint (s->n_label_lines, ==, 1);
  g_assert_cmpstr (s->label_lines[0], ==, "CNRS");
  g_assert_cmpfloat (l->text_width, >, s->text_width);
  g_assert_cmpfloat (l->text_height, >, 2.5 * s->text_height);

  /* Measuring a label gives the box the scene places. */
  double w, h;
  mg_scene_measure_label (scene, long_label, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, l->label_rect.width, 1e-6);
  g_assert_cmpfloat_with_epsilon (h, l->label_rect.height, 1e-6);
  mg_scene_measure_label (scene, "", &w, &h);
  g_assert_cmpfloat (w, ==, 0);
}

/* Labels wrapped over several lines are measured from the layout that
 * wrapped them: the same geometry, to the Pango unit, as laying the lines
 * out again on their own, centred — for hyphens, accents, digits, long
 * words, ideographs; right-to-left text takes the long way. */
static void
test_label_wrapped_geometry (void)
{
  static const char *labels[] = {
    "Association Réseau de Thonon-les-Bains",
    "Communauté d’agglomération du Grand Annecy",
    "Laboratoire LTHE – Université Grenoble Alpes 2",
    "Établissement public de coopération intercommunale",
    "Incubateur Supernova Invest & partenaires",
    "Anticonstitutionnellementissimementaires du coin",
    "合作创新平台与地方政府共同发展的项目",
    "جمعية الابتكار المفتوح في المنطقة الجبلية",
  };
  g_autoptr (MgMap) map = mg_map_new ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (PangoLayout) check = pango_layout_new (scene->pango);
  guint multi = 0;

  pango_layout_set_font_description (check, scene->label_font);
  pango_layout_set_alignment (check, PANGO_ALIGN_CENTER);
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      double w, h;
      g_autofree double *baselines = NULL;
      g_autofree MgRect *rects = NULL;
      g_auto (GStrv) lines = mg_scene_wrap_text_full (scene, scene->label_font, labels[k],
                                                      scene->label_wrap_width, 0, &w, &h,
                                                      &baselines, &rects);
      guint n = g_strv_length (lines);
      g_autofree char *joined = g_strjoinv ("\n", lines);
      PangoRectangle logical;

      multi += n > 1;
      pango_layout_set_text (check, joined, -1);
      pango_layout_get_extents (check, NULL, &logical);
      g_assert_cmpfloat (w, ==, logical.width / (double) PANGO_SCALE);
      g_assert_cmpfloat (h, ==, logical.height / (double) PANGO_SCALE);
      PangoLayoutIter *iter = pango_layout_get_iter (check);
      for (guint i = 0; i < n; i++, pango_layout_iter_next_line (iter))
        {
          PangoRectangle line;
          pango_layout_iter_get_line_extents (iter, NULL, &line);
          g_assert_cmpfloat (baselines[i], ==, pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
          g_assert_cmpfloat (rects[i].x, ==, line.x / (double) PANGO_SCALE);
          g_assert_cmpfloat (rects[i].y, ==, line.y / (double) PANGO_SCALE);
          g_assert_cmpfloat (rects[i].width, ==, line.width / (double) PANGO_SCALE);
          g_assert_cmpfloat (rects[i].height, ==, line.height / (double) PANGO_SCALE);
        }
      pango_layout_iter_free (iter);
    }
  g_assert_cmpuint (multi, >=, 6);
}

/* A label's background hugs each line: a short line's box is narrower
 * than the label, every box lies within the label's rectangle, the boxes
 * follow one another down the label, and each covers its line's text. */
static void
test_label_boxes (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  add_actor (map, "a", "Pôle\nAgence régionale de développement", "agency", NULL, 0, 0);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneActor *sa = scene_actor (scene, map, "a");
  double pad = mg_scene_get_style (scene)->label_padding;
  const MgRect *r = &sa->label_rect;
  MgRect boxes[8];

  g_assert_true (sa->label_in_index);
  g_assert_cmpuint (sa->n_label_lines, >=, 2);
  g_assert_cmpstr (sa->label_lines[0], ==, "Pôle");
  guint n = mg_scene_actor_label_boxes (sa, pad, boxes);
  g_assert_cmpuint (n, ==, sa->n_label_lines);
  g_assert_cmpfloat (boxes[0].width, <, 0.6 * r->width);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (boxes[i].x, >=, r->x - 1e-6);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, r->x + r->width + 1e-6);
      g_assert_cmpfloat (boxes[i].y, >=, r->y - 1e-6);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, r->y + r->height + 1e-6);
      /* Centred lines: each box is centred on the label. */
      g_assert_cmpfloat (fabs (boxes[i].x + boxes[i].width / 2 - (r->x + r->width / 2)), <, 1.0);
      g_assert_cmpfloat (boxes[i].width, >=, sa->line_rects[i].width);
      if (i > 0)
        g_assert_cmpfloat (boxes[i].y, <=, boxes[i - 1].y + boxes[i - 1].height);
    }
  g_assert_cmpfloat (boxes[0].y, ==, r->y);
  g_assert_cmpfloat (boxes[n - 1].y + boxes[n - 1].height, ==, r->y + r->height);
}

/* The scene keeps shaped labels across rebuilds, but never past a change
 * of what they depend on: the text, the font size, the line limit. */
static void
test_label_wrap_cache (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  MgActor *a = add_actor (map, "a", "Agence régionale de développement économique", "agency",
                          NULL, 0, 0);
  add_actor (map, "b", "Agence régionale de développement économique", "agency", NULL, 400, 0);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneActor *sa = scene_actor (scene, map, "a");
  double width = sa->text_width, height = sa->text_height;
  guint lines = sa->n_label_lines;

  g_assert_cmpuint (lines, >=, 2);
  /* The same text on another actor, and after a rebuild: the same lines. */
  g_assert_cmpfloat (scene_actor (scene, map, "b")->text_width, ==, width);
  mg_map_apply_positions (map, (double[]) { 10, 10, 500, 10 }, NULL);
  sa = scene_actor (scene, map, "a");
  g_assert_cmpfloat (sa->text_width, ==, width);
  g_assert_cmpuint (sa->n_label_lines, ==, lines);

  /* A new text is shaped anew. */
  mg_map_set_actor_label (map, a, "CNRS");
  sa = scene_actor (scene, map, "a");
  g_assert_cmpuint (sa->n_label_lines, ==, 1);
  g_assert_cmpfloat (sa->text_width, <, width / 2);

  /* A bigger font, fewer lines: measured again. */
  g_autoptr (MgStyle) big = mg_style_copy (mg_scene_get_style (scene));
  big->label_size *= 2;
  big->label_max_lines = 1;
  mg_scene_set_style (scene, big);
  sa = scene_actor (scene, map, "b");
  g_assert_cmpuint (sa->n_label_lines, ==, 1);
  g_assert_true (g_str_has_suffix (sa->label_lines[0], "…"));
  g_assert_cmpfloat (sa->text_height, >, 1.5 * height / lines);
}

static void
on_changed (MgScene *scene, gpointer area, guint *count)
{
  (*count)++;
}

static void
test_incremental_update (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgActor *m = mg_map_lookup_actor (map, "michelin");
  MgSceneActor *sa = mg_scene_lookup_actor (scene, m);
  MgSceneRelation *sr = g_ptr_array_index (mg_scene_get_relations (scene), 0);
  guint changed = 0;

  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &changed);

  /* Move: the scene follows the map's signal. */
  mg_map_set_actor_position (map, m, 300, 400);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_true (mg_scene_lookup_actor (scene, m) == sa);
  g_assert_null (mg_scene_hit_test (scene, 300, 0, 1));
  g_assert_true (mg_scene_hit_test (scene, 300, 400, 1) == &sa->item);
  /* The relation now ends near the new place. */
  g_assert_cmpfloat (hypot (sr->arrow[0] - 300, sr->arrow[1] - 400), <, 30);

  /* Role: new colour and shape. */
  mg_map_set_actor_role (map, m, "financier");
  const MgRole *fin = mg_vocabulary_ensure_role (mg_map_get_vocabulary (map), "financier");
  g_assert_cmphex (mg_color_to_rgb (&sa->fill), ==, fin->color);
  g_assert_cmpint (sa->shape, ==, fin->shape);

  /* Label. */
  mg_map_set_actor_label (map, m, "Manufacture française des pneumatiques Michelin");
  g_assert_cmpstr (sa->full_label, ==, "Manufacture française des pneumatiques Michelin");
  g_assert_cmpuint (sa->n_label_lines, >=, 2);

  /* Relations and actors added or removed. */
  MgActor *n = add_actor (map, "new", "Nouvel acteur", "sme", NULL, 600, 400);
  MgRelation *r = add_relation (map, "new", "michelin", "supply", TRUE);
  g_assert_cmpuint (mg_scene_get_actors (scene)->len, ==, 6);
  g_assert_cmpuint (mg_scene_get_relations (scene)->len, ==, 5);
  g_assert_nonnull (mg_scene_lookup_relation (scene, r));
  g_assert_true (mg_scene_hit_test (scene, 600, 400, 1) == &mg_scene_lookup_actor (scene, n)->item);
  mg_map_remove_actor (map, m);
  g_assert_cmpuint (mg_scene_get_actors (scene)->len, ==, 5);
  g_assert_cmpuint (mg_scene_get_relations (scene)->len, ==, 2);
  g_assert_null (mg_scene_hit_test (scene, 300, 400, 1));
  g_assert_null (mg_scene_hit_test (scene, 450, 400, 4)); /* the supply line is gone */
}

static void
assert_rect_equal (const MgRect *a, const MgRect *b)
{
  g_assert_cmpfloat_with_epsilon (a->x, b->x, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->width, b->width, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->height, b->height, 1e-9);
}

/* A layout moves every actor at once ("layout-changed"): the scene keeps
 * its items (their shaped labels with them) and ends up as a scene built
 * afresh on the moved map would be — bounds, routes, label spots, index. */
static void
test_layout_keeps_items (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  GPtrArray *actors = mg_map_get_actors (map);
  g_autofree double *xy = g_new (double, 2 * actors->len);
  g_autoptr (GPtrArray) before = g_ptr_array_new ();
  guint changed = 0;

  for (guint i = 0; i < mg_scene_get_actors (scene)->len; i++)
    g_ptr_array_add (before, g_ptr_array_index (mg_scene_get_actors (scene), i));
  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &changed);

  /* Mirrored and squeezed: the Île-de-France actor ends up where nothing
   * was, and labels have other neighbours. */
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);
      xy[2 * i] = 1000 - a->x * 0.5;
      xy[2 * i + 1] = 40 + a->y * 0.6;
    }
  mg_map_apply_positions (map, xy, NULL);
  g_assert_cmpuint (changed, ==, 1);

  g_autoptr (MgScene) fresh = mg_scene_new (map, NULL);
  g_assert_cmpuint (mg_scene_get_actors (scene)->len, ==, mg_scene_get_actors (fresh)->len);
  for (guint i = 0; i < mg_scene_get_actors (scene)->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (mg_scene_get_actors (scene), i);
      MgSceneActor *fa = g_ptr_array_index (mg_scene_get_actors (fresh), i);
      g_assert_true (sa == g_ptr_array_index (before, i));
      g_assert_cmpfloat (sa->x, ==, xy[2 * i]);
      assert_rect_equal (&sa->item.bounds, &fa->item.bounds);
      g_assert_cmpint (sa->placement, ==, fa->placement);
      assert_rect_equal (&sa->label_rect, &fa->label_rect);
      g_assert_true (mg_scene_hit_test (scene, sa->x, sa->y, 1) == &sa->item);
    }
  for (guint i = 0; i < mg_scene_get_relations (scene)->len; i++)
    {
      MgSceneRelation *sr = g_ptr_array_index (mg_scene_get_relations (scene), i);
      MgSceneRelation *fr = g_ptr_array_index (mg_scene_get_relations (fresh), i);
      g_assert_cmpuint (sr->n_points, ==, fr->n_points);
      for (guint k = 0; k < 2 * sr->n_points; k++)
        g_assert_cmpfloat_with_epsilon (sr->points[k], fr->points[k], 1e-9);
      assert_rect_equal (&sr->item.bounds, &fr->item.bounds);
    }
  /* Nothing is left where the actors were. */
  g_assert_null (mg_scene_hit_test (scene, 0, 0, 1));
  MgRect a, b;
  mg_scene_get_bounds (scene, &a);
  mg_scene_get_bounds (fresh, &b);
  assert_rect_equal (&a, &b);
}

static void
test_parallel_and_loops (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  MgRelation *r1 = add_relation (map, "michelin", "uca", "research", TRUE);
  MgRelation *loop = add_relation (map, "thesame", "thesame", "membership", FALSE);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneRelation *a = g_ptr_array_index (mg_scene_get_relations (scene), 0);
  MgSceneRelation *b = mg_scene_lookup_relation (scene, r1);
  MgSceneRelation *l = mg_scene_lookup_relation (scene, loop);

  /* Two relations between uca and michelin bow apart instead of
   * overlapping. */
  g_assert_cmpuint (a->n_points, ==, 4);
  double ay = (a->points[3] + a->points[5]) / 2;
  double by = (b->points[3] + b->points[5]) / 2;
  g_assert_cmpfloat (fabs (ay - by), >, 5);

  /* The loop leaves and comes back at the border of its actor (a 40 pt
   * diamond at (150, 200)) and rises above it. */
  g_assert_true (l->placed);
  g_assert_cmpfloat (l->item.bounds.y, <, 200 - 20);
  double sx = l->points[0], sy = l->points[1];
  double ex = l->points[2 * l->n_points - 2], ey = l->points[2 * l->n_points - 1];
  g_assert_cmpfloat (fabs (sx - 150) / 20 + fabs (sy - 200) / 20, >, 0.95);
  g_assert_cmpfloat (fabs (sx - 150) / 20 + fabs (sy - 200) / 20, <, 1.05);
  g_assert_cmpfloat (hypot (ex - 150, ey - 200), <, 40);
}

static void
test_route_followed (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  MgRelation *r = g_ptr_array_index (mg_map_get_relations (map), 0);
  /* A route bulging far below the straight line, as a layout would give. */
  double route[] = { 20, 0, 100, 150, 200, 150, 280, 0 };
  mg_map_set_relation_route (map, r, route, 4);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgSceneRelation *sr = mg_scene_lookup_relation (scene, r);

  g_assert_nonnull (mg_scene_hit_test (scene, 150, 112, 3));
  g_assert_true (mg_scene_hit_test (scene, 150, 112, 3) == &sr->item);
  g_assert_null (mg_scene_hit_test (scene, 150, 0, 3));

  /* A stale route (the actor moved far away) is ignored: straight line. */
  mg_map_set_actor_position (map, mg_map_lookup_actor (map, "michelin"), 300, -400);
  if (r->route != NULL)
    {
      g_assert_null (mg_scene_hit_test (scene, 150, 112, 3));
      g_assert_true (mg_scene_hit_test (scene, 150, -200, 3) == &sr->item);
    }
}

static void
test_legend_lists_present (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  const MgLegend *legend = mg_scene_get_legend (scene);
  guint roles = 0, kinds = 0;
  gboolean directed_partnership = FALSE, undirected_knowledge = FALSE;

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const MgLegendEntry *e = g_ptr_array_index (legend->entries, i);
      if (e->type == MG_LEGEND_ROLE)
        roles++;
      if (e->type == MG_LEGEND_KIND)
        {
          kinds++;
          if (g_strcmp0 (e->id, "partnership") == 0)
            directed_partnership = e->directed;
          if (g_strcmp0 (e->id, "knowledge") == 0)
            undirected_knowledge = !e->directed;
        }
      g_assert_cmpfloat (e->x, <, legend->width);
      g_assert_cmpfloat (e->y, <, legend->height);
    }
  g_assert_cmpuint (roles, ==, 5);
  g_assert_cmpuint (kinds, ==, 4);
  g_assert_true (directed_partnership);
  g_assert_true (undirected_knowledge);
  g_assert_cmpfloat (legend->width, >, 50);

  /* Hiding the only start-up removes its role from the legend. */
  mg_scene_set_actor_visibility (scene, mg_map_lookup_actor (map, "cjk"), MG_ITEM_HIDDEN);
  legend = mg_scene_get_legend (scene);
  roles = 0;
  for (guint i = 0; i < legend->entries->len; i++)
    if (((MgLegendEntry *) g_ptr_array_index (legend->entries, i))->type == MG_LEGEND_ROLE)
      roles++;
  g_assert_cmpuint (roles, ==, 4);

  /* An empty map has an empty legend. */
  g_autoptr (MgMap) empty = mg_map_new ();
  g_autoptr (MgScene) empty_scene = mg_scene_new (empty, NULL);
  g_assert_cmpuint (mg_scene_get_legend (empty_scene)->entries->len, ==, 0);
}

static void
test_describe (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  mg_map_set_actor_lessons (map, mg_map_lookup_actor (map, "thesame"),
                            MG_LESSON_BIT (MG_LESSON_CARE));
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autofree char *text = mg_scene_describe_item (scene, &scene_actor (scene, map, "thesame")->item);
  g_autofree char *rel = mg_scene_describe_item (
    scene, g_ptr_array_index (mg_scene_get_relations (scene), 1));

  g_assert_true (g_str_has_prefix (text, "Thésame\n"));
  g_assert_nonnull (strstr (text, "Connector"));
  g_assert_nonnull (strstr (text, "Auvergne-Rhône-Alpes/Haute-Savoie/Annecy"));
  g_assert_nonnull (strstr (text, mg_lesson_info (MG_LESSON_CARE)->name));
  g_assert_nonnull (strstr (rel, "Thésame → Michelin"));
  g_assert_nonnull (strstr (rel, "Support"));
}

static gboolean
valid_id (const char *id)
{
  if (!g_ascii_isalpha (id[0]) && id[0] != '_')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static void
test_svg_ids (void)
{
  const char *texts[] = { "michelin", "Thésame", "a b/c", "a_20b", "合作", "1st", "", "x:y" };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *id = mg_svg_make_id ("actor-", texts[i]);
      g_assert_true (valid_id (id));
      g_assert_false (g_hash_table_contains (seen, id) && strcmp (texts[i], "a_20b") != 0);
      g_hash_table_add (seen, id);
    }
  g_autofree char *plain = mg_svg_make_id ("actor-", "michelin");
  g_assert_cmpstr (plain, ==, "actor-michelin");
}

static void
test_unplaced_actor (void)
{
  g_autoptr (MgMap) map = make_small_map ();
  MgActor *lost = mg_map_add_actor (map, "lost"); /* no position */
  add_relation (map, "lost", "uca", "partnership", FALSE);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgRect bounds;

  g_assert_false (mg_scene_lookup_actor (scene, lost)->placed);
  /* Its relation is not drawn either. */
  g_assert_false (g_ptr_array_index (mg_scene_get_relations (scene), 4) == NULL);
  g_assert_false (((MgSceneRelation *) g_ptr_array_index (mg_scene_get_relations (scene), 4))->placed);
  mg_scene_get_bounds (scene, &bounds);
  /* Bounds cover the placed actors and their labels only. */
  g_assert_cmpfloat (bounds.x, >, -100);
  g_assert_cmpfloat (bounds.x + bounds.width, <, 560);
}

/* Keyboard travel: the nearest actor that way, within 45° first, else
 * anything ahead; hidden actors and the starting one are skipped. */
static void
test_find_actor_toward (void)
{
  g_autoptr (MgMap) map = mg_map_new ();
  const struct { const char *id; double x, y; } placed[] = {
    { "c", 0, 0 }, { "e", 400, 10 }, { "d", 90, 150 }, { "n", 0, -300 }, { "far", 3000, 2900 },
  };
  MgSceneActor *found;

  for (guint i = 0; i < G_N_ELEMENTS (placed); i++)
    mg_map_set_actor_position (map, mg_map_add_actor (map, placed[i].id), placed[i].x, placed[i].y);
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgActor *c = mg_map_lookup_actor (map, "c");

  /* Right: E, not D (nearer, but more across than along). */
  found = mg_scene_find_actor_toward (scene, 0, 0, 1, 0, c);
  g_assert_cmpstr (found->actor->id, ==, "e");
  /* Down: D is within 45°. */
  found = mg_scene_find_actor_toward (scene, 0, 0, 0, 1, c);
  g_assert_cmpstr (found->actor->id, ==, "d");
  /* Up: N; left: nothing. */
  found = mg_scene_find_actor_toward (scene, 0, 0, 0, -1, c);
  g_assert_cmpstr (found->actor->id, ==, "n");
  g_assert_null (mg_scene_find_actor_toward (scene, 0, 0, -1, 0, c));
  /* From E rightwards nothing lies within 45°: the far one, ahead, is it. */
  found = mg_scene_find_actor_toward (scene, 400, 10, 1, 0, mg_map_lookup_actor (map, "e"));
  g_assert_cmpstr (found->actor->id, ==, "far");
  /* A hidden actor is stepped over. */
  mg_scene_set_actor_visibility (scene, mg_map_lookup_actor (map, "e"), MG_ITEM_HIDDEN);
  found = mg_scene_find_actor_toward (scene, 0, 0, 1, 0, c);
  g_assert_cmpstr (found->actor->id, ==, "far");
}

/* A big sparse map: 1,500 actors in 9000 × 9000, two hubs. */
static MgMap *
make_importance_map (void)
{
  MgMap *map = mg_map_new ();
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *label = g_strdup_printf ("Organisation %u", i);
      add_actor (map, id, label, "sme", NULL, g_rand_double_range (rand, 0, 9000),
                 g_rand_double_range (rand, 0, 9000));
    }
  for (guint i = 2; i < 42; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      add_relation (map, "n0", id, "partnership", FALSE);
      if (i < 32)
        add_relation (map, "n1", id, "partnership", FALSE);
    }
  g_rand_free (rand);
  return map;
}

static guint
count_shown_apart (MgScene *scene, double zoom)
{
  GPtrArray *actors = mg_scene_get_actors (scene);
  g_autoptr (GArray) rects = g_array_new (FALSE, FALSE, sizeof (MgRect));

  for (guint i = 0; i < actors->len; i++)
    {
      MgSceneActor *sa = g_ptr_array_index (actors, i);
      if (!mg_scene_actor_label_shown_at (sa, zoom))
        continue;
      MgRect r = mg_scene_actor_label_inflate (sa, &sa->label_rect, zoom);
      for (guint j = 0; j < rects->len; j++)
        g_assert_false (mg_rect_intersects (&r, &g_array_index (rects, MgRect, j)));
      g_array_append_val (rects, r);
    }
  return rects->len;
}

static void
test_label_importance (void)
{
  g_autoptr (MgMap) map = make_importance_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  g_autoptr (GPtrArray) dropped = mg_scene_get_dropped_labels (scene);
  static const double zooms[] = { 1, 1.3, 2, 3, 5, 8, 16, 40, 100, 1000 };
  guint last = G_MAXUINT;

  /* At the map's scale, every placed label; from further away fewer, the
   * ones shown there shown at every nearer zoom, never overlapping; the
   * hub's at every zoom. */
  g_assert_cmpuint (count_shown_apart (scene, 1), ==, 1500 - dropped->len);
  g_assert_cmpuint (dropped->len, <, 150);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      guint n = count_shown_apart (scene, zooms[z]);
      g_assert_cmpuint (n, <=, last);
      g_assert_cmpuint (n, >=, 1);
      g_assert_true (mg_scene_actor_label_shown_at (scene_actor (scene, map, "n0"), zooms[z]));
      last = n;
    }
  g_assert_cmpuint (count_shown_apart (scene, 16), <, count_shown_apart (scene, 2) / 4);
  g_assert_cmpfloat (mg_scene_label_zoom (1.0), ==, 1.0);
  g_assert_cmpfloat (mg_scene_label_zoom (MG_LABEL_MIN_SCALE), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (mg_scene_label_zoom (MG_LABEL_MIN_SCALE / 10), 10, 1e-9);

  /* A metric (betweenness once computed) orders them instead of degree. */
  g_autofree double *values = g_new0 (double, 1500);
  values[700] = 5;
  values[1] = 3;
  mg_scene_set_label_priority (scene, values, 1500);
  g_assert_true (mg_scene_actor_label_shown_at (scene_actor (scene, map, "n700"), 1000));
  g_assert_false (mg_scene_actor_label_shown_at (scene_actor (scene, map, "n0"), 1000));
  count_shown_apart (scene, 5);
  mg_scene_set_label_priority (scene, NULL, 0);
  g_assert_true (mg_scene_actor_label_shown_at (scene_actor (scene, map, "n0"), 1000));

  /* Moving an actor keeps them apart at every zoom. */
  mg_map_set_actor_position (map, mg_map_lookup_actor (map, "n0"), 4500, 4500);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    count_shown_apart (scene, zooms[z]);
}

/* Zoomed so that labels would be 3 px high, some are still drawn, at a
 * readable size (the window drew none between fit and close up). */
static void
test_label_drawn_far (void)
{
  g_autoptr (MgMap) map = make_importance_map ();
  g_autoptr (MgScene) scene = mg_scene_new (map, NULL);
  MgRect bounds;
  guint differ = 0;

  mg_scene_get_bounds (scene, &bounds);
  cairo_surface_t *img[2];
  for (int labels = 0; labels < 2; labels++)
    {
      MgViewport vp;
      MgRenderOptions opt;
      mg_viewport_fit (&vp, &bounds, 600, 600, 0);
      g_assert_cmpfloat (vp.scale, <, 0.35);
      mg_render_options_init (&opt);
      opt.labels = labels;
      img[labels] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 600);
      cairo_t *cr = cairo_create (img[labels]);
      mg_render_cairo (scene, cr, &vp, &opt);
      cairo_destroy (cr);
      cairo_surface_flush (img[labels]);
    }
  const guint8 *a = cairo_image_surface_get_data (img[0]);
  const guint8 *b = cairo_image_surface_get_data (img[1]);
  for (int i = 0; i < 600 * cairo_image_surface_get_stride (img[0]); i++)
    differ += a[i] != b[i];
  g_assert_cmpuint (differ, >, 2000);
  cairo_surface_destroy (img[0]);
  cairo_surface_destroy (img[1]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scene/build/item-counts", test_build_counts);
  g_test_add_func ("/scene/build/actor-bounds", test_actor_bounds);
  g_test_add_func ("/scene/relation/clipped-at-borders", test_relation_clipped);
  g_test_add_func ("/scene/relation/parallel-and-loops", test_parallel_and_loops);
  g_test_add_func ("/scene/relation/follows-route", test_route_followed);
  g_test_add_func ("/scene/index/hit-test", test_hit_test);
  g_test_add_func ("/scene/index/query-rect", test_query_rect);
  g_test_add_func ("/scene/labels/collision-pair", test_label_collision_pair);
  g_test_add_func ("/scene/labels/collision-dense", test_label_collision_dense);
  g_test_add_func ("/scene/labels/wrapping", test_label_wrapping);
  g_test_add_func ("/scene/labels/wrap-cache", test_label_wrap_cache);
  g_test_add_func ("/scene/labels/wrapped-geometry", test_label_wrapped_geometry);
  g_test_add_func ("/scene/labels/background-hugs-lines", test_label_boxes);
  g_test_add_func ("/scene/labels/by-importance", test_label_importance);
  g_test_add_func ("/scene/labels/drawn-from-afar", test_label_drawn_far);
  g_test_add_func ("/scene/update/follows-map", test_incremental_update);
  g_test_add_func ("/scene/update/layout-keeps-items", test_layout_keeps_items);
  g_test_add_func ("/scene/legend/lists-present", test_legend_lists_present);
  g_test_add_func ("/scene/describe", test_describe);
  g_test_add_func ("/scene/unplaced-actor", test_unplaced_actor);
  g_test_add_func ("/svg/ids/valid-unique", test_svg_ids);
  g_test_add_func ("/scene/index/find-actor-toward", test_find_actor_toward);

  return g_test_run ();
}
