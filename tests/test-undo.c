/* test-undo.c — the undo stack: every edit undoes and redoes exactly. */
#include "config.h"

#include "mg-undo.h"

static MgMap *
make_map (void)
{
  MgMap *map = mg_map_new ();

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      MgActor *actor = mg_map_add_actor (map, id);

      mg_map_set_actor_label (map, actor, id);
      mg_map_set_actor_position (map, actor, 10.0 * i, 5.0 * i);
    }
  for (guint i = 0; i + 1 < 5; i++)
    {
      MgActor *a = g_ptr_array_index (mg_map_get_actors (map), i);
      MgActor *b = g_ptr_array_index (mg_map_get_actors (map), i + 1);
      MgRelation *r = mg_map_add_relation (map, a, b, NULL, TRUE);

      mg_map_set_relation_kind (map, r, "partnership");
    }
  return map;
}

static GPtrArray *
actors_of (MgMap *map, const char *first, ...)
{
  GPtrArray *actors = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (actors, mg_map_lookup_actor (map, id));
  va_end (args);
  return actors;
}

static void
test_bulk_role (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);
  g_autoptr (GPtrArray) actors = actors_of (map, "n0", "n1", "n2", NULL);

  mg_map_set_actor_role (map, mg_map_lookup_actor (map, "n1"), "sme");
  g_assert_true (mg_undo_set_actors_text (stack, actors, MG_UNDO_ACTOR_ROLE, NULL, "startup"));
  g_assert_cmpuint (mg_undo_stack_get_depth (stack), ==, 1);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (((MgActor *) g_ptr_array_index (actors, i))->role, ==, "startup");
  g_assert_false (mg_undo_stack_is_clean (stack));

  g_assert_true (mg_undo_stack_undo (stack));
  g_assert_null (mg_map_lookup_actor (map, "n0")->role);
  g_assert_cmpstr (mg_map_lookup_actor (map, "n1")->role, ==, "sme");
  g_assert_null (mg_map_lookup_actor (map, "n2")->role);
  g_assert_true (mg_undo_stack_is_clean (stack));

  g_assert_true (mg_undo_stack_redo (stack));
  g_assert_cmpstr (mg_map_lookup_actor (map, "n2")->role, ==, "startup");

  /* Setting what is already there records nothing. */
  g_assert_false (mg_undo_set_actors_text (stack, actors, MG_UNDO_ACTOR_ROLE, NULL, "startup"));
  g_assert_cmpuint (mg_undo_stack_get_depth (stack), ==, 1);
}

static void
test_lessons_keep_others (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);
  g_autoptr (GPtrArray) actors = actors_of (map, "n0", "n1", NULL);

  mg_map_set_actor_lessons (map, mg_map_lookup_actor (map, "n0"), MG_LESSON_BIT (MG_LESSON_CARE));
  g_assert_true (mg_undo_change_actors_lessons (stack, actors, MG_LESSON_BIT (MG_LESSON_LEARN), 0));
  g_assert_cmpuint (mg_map_lookup_actor (map, "n0")->lessons, ==,
                    MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN));
  g_assert_cmpuint (mg_map_lookup_actor (map, "n1")->lessons, ==, MG_LESSON_BIT (MG_LESSON_LEARN));
  mg_undo_stack_undo (stack);
  g_assert_cmpuint (mg_map_lookup_actor (map, "n0")->lessons, ==, MG_LESSON_BIT (MG_LESSON_CARE));
  g_assert_cmpuint (mg_map_lookup_actor (map, "n1")->lessons, ==, 0);
}

static void
test_delete_restores_relations (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);
  g_autoptr (GPtrArray) actors = actors_of (map, "n2", NULL);
  MgRelation *relation = g_ptr_array_index (mg_map_get_relations (map), 1); /* n1 → n2 */
  g_autoptr (GPtrArray) relations = g_ptr_array_new ();
  MgActor *n2;

  mg_map_set_actor_attribute (map, mg_map_lookup_actor (map, "n2"), "website", "https://example.org");
  /* An edit of a relation made before the delete must still undo after
   * the delete is undone (the relation struct is a new one by then). */
  g_ptr_array_add (relations, relation);
  g_assert_true (mg_undo_set_relations_text (stack, relations, MG_UNDO_RELATION_KIND, NULL, "funding"));
  g_assert_true (mg_undo_remove_actors (stack, actors));
  g_assert_null (mg_map_lookup_actor (map, "n2"));
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 2);

  g_assert_true (mg_undo_stack_undo (stack));
  n2 = mg_map_lookup_actor (map, "n2");
  g_assert_nonnull (n2);
  g_assert_cmpstr (n2->label, ==, "n2");
  g_assert_cmpfloat (n2->x, ==, 20.0);
  g_assert_cmpstr (mg_actor_get_attribute (n2, "website"), ==, "https://example.org");
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 4);

  g_assert_true (mg_undo_stack_undo (stack));
  for (guint i = 0; i < mg_map_get_n_relations (map); i++)
    {
      MgRelation *r = g_ptr_array_index (mg_map_get_relations (map), i);
      g_assert_cmpstr (r->kind, ==, "partnership");
    }
  g_assert_true (mg_undo_stack_redo (stack));
  g_assert_true (mg_undo_stack_redo (stack));
  g_assert_null (mg_map_lookup_actor (map, "n2"));
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 2);
}

static void
test_move_pins (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);
  g_autoptr (GPtrArray) actors = actors_of (map, "n3", NULL);
  MgActor *n3 = mg_map_lookup_actor (map, "n3");
  double old_xy[2] = { n3->x, n3->y };

  mg_map_set_actor_position (map, n3, 100, 200);
  g_assert_true (mg_undo_record_move (stack, actors, old_xy, NULL, TRUE));
  g_assert_true (n3->pinned);
  mg_undo_stack_undo (stack);
  g_assert_false (n3->pinned);
  g_assert_cmpfloat (n3->x, ==, 30.0);
  g_assert_cmpfloat (n3->y, ==, 15.0);
  mg_undo_stack_redo (stack);
  g_assert_cmpfloat (n3->x, ==, 100.0);
  g_assert_true (n3->pinned);
}

static void
test_add_actor_and_relation (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);
  MgActor *actor;
  MgRelation *relation;
  g_autofree char *id = NULL;

  mg_undo_stack_begin_group (stack, "Add linked actor");
  actor = mg_undo_add_actor (stack, "Michelin", "large-company", 1, 2);
  id = g_strdup (actor->id);
  relation = mg_undo_add_relation (stack, actor, mg_map_lookup_actor (map, "n0"), "funding", TRUE);
  g_assert_nonnull (relation);
  mg_undo_stack_end_group (stack);
  g_assert_cmpuint (mg_undo_stack_get_depth (stack), ==, 1);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 6);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 5);

  mg_undo_stack_undo (stack);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 5);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 4);
  mg_undo_stack_redo (stack);
  actor = mg_map_lookup_actor (map, id);
  g_assert_nonnull (actor);
  g_assert_cmpstr (actor->label, ==, "Michelin");
  g_assert_cmpstr (actor->role, ==, "large-company");
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 5);
  relation = g_ptr_array_index (mg_map_get_relations (map), 4);
  g_assert_cmpstr (relation->kind, ==, "funding");
}

static void
test_geometry (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);
  MgGeometrySnapshot *before = mg_geometry_snapshot_new (map);
  double positions[10] = { 0 };
  MgActor *n4 = mg_map_lookup_actor (map, "n4");

  mg_map_apply_positions (map, positions, NULL);
  mg_undo_record_geometry (stack, before, "Lay out");
  g_assert_cmpfloat (n4->x, ==, 0.0);
  mg_undo_stack_undo (stack);
  g_assert_cmpfloat (n4->x, ==, 40.0);
  g_assert_cmpfloat (n4->y, ==, 20.0);
  mg_undo_stack_redo (stack);
  g_assert_cmpfloat (n4->x, ==, 0.0);
}

static void
test_clean_point (void)
{
  g_autoptr (MgMap) map = make_map ();
  g_autoptr (MgUndoStack) stack = mg_undo_stack_new (map);

  mg_undo_set_title (stack, "A");
  mg_undo_stack_set_clean (stack);
  g_assert_true (mg_undo_stack_is_clean (stack));
  mg_undo_set_title (stack, "B");
  g_assert_false (mg_undo_stack_is_clean (stack));
  mg_undo_stack_undo (stack);
  g_assert_true (mg_undo_stack_is_clean (stack));
  mg_undo_stack_undo (stack);
  g_assert_false (mg_undo_stack_is_clean (stack));
  /* A new edit from before the save: the saved state is out of reach. */
  mg_undo_set_title (stack, "C");
  mg_undo_stack_undo (stack);
  g_assert_false (mg_undo_stack_is_clean (stack));
  g_assert_cmpstr (mg_undo_stack_get_redo_label (stack), ==, "Rename map");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/bulk-role-is-one-step", test_bulk_role);
  g_test_add_func ("/undo/lessons-keep-other-lessons", test_lessons_keep_others);
  g_test_add_func ("/undo/delete-restores-actor-and-relations", test_delete_restores_relations);
  g_test_add_func ("/undo/move-pins-and-unpins", test_move_pins);
  g_test_add_func ("/undo/add-actor-and-relation-grouped", test_add_actor_and_relation);
  g_test_add_func ("/undo/layout-geometry", test_geometry);
  g_test_add_func ("/undo/clean-point", test_clean_point);
  return g_test_run ();
}
