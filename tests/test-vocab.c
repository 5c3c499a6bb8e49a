/* Vocabularies: built-in roles, kinds and lessons, unknown ones from files. */
#include "config.h"

#include <string.h>

#include "mg-vocab.h"

static void
test_builtin_roles_have_distinct_looks (void)
{
  guint n = mg_vocab_n_builtin_roles ();

  g_assert_cmpuint (n, ==, 13);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const MgRole *a = mg_vocab_builtin_role (i);
        const MgRole *b = mg_vocab_builtin_role (j);

        g_assert_cmpstr (a->id, !=, b->id);
        /* Every built-in role has its own colour and its own shape (the
         * shape tells them apart in grey print). */
        g_assert_cmpuint (a->color, !=, b->color);
        g_assert_cmpint (a->shape, !=, b->shape);
      }
  g_assert_cmpstr (mg_vocab_builtin_role (0)->id, ==, "large-company");
  g_assert_cmpstr (mg_vocab_builtin_role (n - 1)->id, ==, "programme");
  g_assert_cmpstr (mg_vocab_builtin_role (n - 1)->name, ==, "Programme or scheme");
  for (guint s = 0; s < MG_N_SHAPES; s++)
    g_assert_nonnull (mg_shape_to_string (s));
}

static void
test_lesson_set_parse (void)
{
  g_autoptr (GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  MgLessonSet set = mg_lesson_set_parse (" care, Learn;bogus  valorize", unknown);
  g_autofree char *text = mg_lesson_set_to_string (set);

  g_assert_cmpuint (set, ==, MG_LESSON_BIT (MG_LESSON_CARE) | MG_LESSON_BIT (MG_LESSON_LEARN) |
                               MG_LESSON_BIT (MG_LESSON_VALORIZE));
  g_assert_cmpstr (text, ==, "valorize,care,learn");
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "bogus");
  g_assert_cmpuint (mg_lesson_set_parse ("", NULL), ==, 0);
  g_assert_cmpuint (mg_lesson_set_parse (NULL, NULL), ==, 0);
}

static void
test_unknown_role_gets_own_colour (void)
{
  g_autoptr (MgVocabulary) vocab = mg_vocabulary_new ();
  const MgRole *sme = mg_vocabulary_lookup_role (vocab, "sme");
  const MgRole *odd = mg_vocabulary_ensure_role (vocab, "cooperative");
  const MgRole *again = mg_vocabulary_ensure_role (vocab, "cooperative");
  GPtrArray *roles = mg_vocabulary_get_roles (vocab);

  g_assert_nonnull (sme);
  g_assert_true (sme->builtin);
  g_assert_nonnull (odd);
  g_assert_false (odd->builtin);
  g_assert_true (odd == again);
  g_assert_cmpstr (odd->name, ==, "cooperative");
  for (guint i = 0; i < mg_vocab_n_builtin_roles (); i++)
    g_assert_cmpuint (odd->color, !=, mg_vocab_builtin_role (i)->color);
  g_assert_cmpuint (roles->len, ==, mg_vocab_n_builtin_roles () + 1);
  g_assert_null (mg_vocabulary_lookup_role (vocab, "nobody"));
}

static void
test_define_role_updates (void)
{
  g_autoptr (MgVocabulary) vocab = mg_vocabulary_new ();
  const MgRole *r = mg_vocabulary_define_role (vocab, "fablab", "Fab lab", 0x123456, MG_SHAPE_STAR);

  g_assert_cmpstr (r->name, ==, "Fab lab");
  r = mg_vocabulary_define_role (vocab, "fablab", "FabLab", 0x654321, MG_SHAPE_BOX);
  g_assert_cmpstr (r->name, ==, "FabLab");
  g_assert_cmpuint (r->color, ==, 0x654321);
  g_assert_cmpint (r->shape, ==, MG_SHAPE_BOX);
}

static void
test_kinds_and_lessons (void)
{
  g_autoptr (MgVocabulary) vocab = mg_vocabulary_new ();

  g_assert_cmpuint (mg_vocab_n_builtin_kinds (), ==, 11);
  g_assert_nonnull (mg_vocabulary_lookup_kind (vocab, "backing"));
  g_assert_nonnull (mg_vocabulary_lookup_kind (vocab, "affiliation"));
  /* Every built-in kind looks apart from the others in grey: its line
   * style differs, or (for the solid ones) its colour's lightness. */
  for (guint i = 0; i < mg_vocab_n_builtin_kinds (); i++)
    for (guint j = i + 1; j < mg_vocab_n_builtin_kinds (); j++)
      g_assert_cmpuint (mg_vocab_builtin_kind (i)->color, !=, mg_vocab_builtin_kind (j)->color);
  g_assert_cmpint (mg_vocabulary_lookup_kind (vocab, "backing")->line, ==, MG_LINE_LONG_DASH);
  g_assert_cmpint (mg_vocabulary_lookup_kind (vocab, "affiliation")->line, ==, MG_LINE_DASH_PAIRS);
  for (guint i = 0; i < mg_vocab_n_builtin_kinds (); i++)
    {
      const MgRelationKind *k = mg_vocab_builtin_kind (i);

      if (g_strcmp0 (k->id, "backing") != 0 && g_strcmp0 (k->id, "affiliation") != 0)
        {
          g_assert_cmpint (k->line, !=, MG_LINE_LONG_DASH);
          g_assert_cmpint (k->line, !=, MG_LINE_DASH_PAIRS);
        }
    }
  g_assert_nonnull (mg_vocabulary_lookup_kind (vocab, "knowledge"));
  g_assert_false (mg_vocabulary_ensure_kind (vocab, "friendship")->builtin);
  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      MgLesson back;

      g_assert_true (mg_lesson_from_id (mg_lesson_info (l)->id, &back));
      g_assert_cmpint (back, ==, l);
      g_assert_true (strlen (mg_lesson_info (l)->explanation) > 20);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vocab/roles/builtin-distinct", test_builtin_roles_have_distinct_looks);
  g_test_add_func ("/vocab/roles/unknown-own-colour", test_unknown_role_gets_own_colour);
  g_test_add_func ("/vocab/roles/define-updates", test_define_role_updates);
  g_test_add_func ("/vocab/lessons/parse", test_lesson_set_parse);
  g_test_add_func ("/vocab/kinds-and-lessons", test_kinds_and_lessons);
  return g_test_run ();
}
