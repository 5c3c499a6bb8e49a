/* mg-vocab.c — built-in roles, relation kinds and lessons, and the per-map
 * vocabulary that also holds the ones met in files. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mg-vocab.h"

/* Colours: Paul Tol's "muted" and "bright" schemes and Okabe–Ito, chosen to
 * stay apart for the common forms of colour blindness; the shape tells apart
 * what colour alone cannot. */
typedef struct {
  const char *id;
  const char *name;
  guint32 color;
  MgShape shape;
} BuiltinRole;

static const BuiltinRole builtin_roles[] = {
  { "large-company",   N_("Large company"),            0x332288, MG_SHAPE_BOX },
  { "sme",             N_("SME"),                      0x44AA99, MG_SHAPE_ROUNDED_BOX },
  { "startup",         N_("Start-up"),                 0xEE7733, MG_SHAPE_TRIANGLE },
  { "university",      N_("University"),               0x0077BB, MG_SHAPE_HEXAGON },
  { "research-lab",    N_("Research lab"),             0x88CCEE, MG_SHAPE_OCTAGON },
  { "education",       N_("Education and training"),   0x999933, MG_SHAPE_PENTAGON },
  { "local-authority", N_("Local authority"),          0xCC6677, MG_SHAPE_HOUSE },
  { "public-agency",   N_("Public agency"),            0x882255, MG_SHAPE_PARALLELOGRAM },
  { "connector",       N_("Connector"),                0xDDAA33, MG_SHAPE_DIAMOND },
  { "financier",       N_("Bank or investor"),         0x117733, MG_SHAPE_CIRCLE },
  { "real-estate",     N_("Real-estate developer"),    0x997700, MG_SHAPE_TRAPEZOID },
  { "association",     N_("Association or foundation"),0xAA4499, MG_SHAPE_ELLIPSE },
  { "programme",       N_("Programme or scheme"),      0x5D6D7E, MG_SHAPE_TAG },
};

typedef struct {
  const char *id;
  const char *name;
  guint32 color;
  MgLineStyle line;
} BuiltinKind;

/* Relation colours are quieter than role colours so actors stand out. */
static const BuiltinKind builtin_kinds[] = {
  { "partnership", N_("Partnership"),          0x555555, MG_LINE_SOLID },
  { "funding",     N_("Funding"),              0x117733, MG_LINE_SOLID },
  { "support",     N_("Support"),              0xCC7722, MG_LINE_SOLID },
  { "supply",      N_("Customer–supplier"),    0x446688, MG_LINE_DASHED },
  { "knowledge",   N_("Knowledge exchange"),   0x2288AA, MG_LINE_DOTTED },
  { "training",    N_("Training"),             0x888833, MG_LINE_DASH_DOT },
  { "research",    N_("Research collaboration"),0x6644AA, MG_LINE_DASHED },
  { "membership",  N_("Membership"),           0x999999, MG_LINE_DOTTED },
  { "hosting",     N_("Hosting"),              0x996644, MG_LINE_DASH_DOT },
  { "backing",     N_("Backing"),              0xB5466B, MG_LINE_LONG_DASH },
  { "affiliation", N_("Affiliation"),          0x3B7A57, MG_LINE_DASH_PAIRS },
};

/* The gloss says what the lesson means (DESIGN.md's "— …"); the
 * explanation says what a lens shows, tags first, then the derived rule of
 * mg-lens.c in words. */
static const MgLessonInfo lessons[MG_N_LESSONS] = {
  { MG_LESSON_VALORIZE, "valorize", N_("Valorizing resources"),
    N_("Tagged, or found by the rule: a company (large company, SME or start-up) "
       "receives support or training; or two companies, one of them an SME or a "
       "start-up, work together (partnership, supply, knowledge exchange). The "
       "companies involved are highlighted."),
    0xE69F00,
    N_("A company grows by drawing on what others bring it: advice, training, "
       "partners, suppliers.") },
  { MG_LESSON_CARE, "care", N_("Caring for the territory"),
    N_("Tagged, or found by the rule: support, backing, funding, training, hosting, "
       "partnership or supply between two actors of the same territory, received by "
       "an SME, a start-up, a local authority or an association. Highlighted actors "
       "give such help to at least two of them."),
    0x009E73,
    N_("Initiatives that benefit a wide range of local actors, not only large "
       "companies.") },
  { MG_LESSON_COMBINE, "combine", N_("Identifying winning combinations"),
    N_("Tagged, or found by the rule: actors whose partners in their own territory "
       "(partnership, research, supply, knowledge exchange) come from at least three "
       "stakeholder families other than theirs (companies, start-ups, universities, "
       "authorities, connectors…), with those relations."),
    0xCC79A7,
    N_("Working alongside many kinds of stakeholders at once, so that their "
       "strengths add up.") },
  { MG_LESSON_LEARN, "learn", N_("Learning from others"),
    N_("Tagged, or found by the rule: knowledge-exchange and research relations, and "
       "any relation between two different territories. Highlighted actors exchange "
       "knowledge both ways, or receive it from at least two others."),
    0x0072B2,
    N_("A learning territory: its actors exchange what they know and learn from "
       "elsewhere.") },
};

/* Greys, pastels and dark tones that stay apart from the built-in role
 * colours; for roles and kinds met in files (drawn as ellipses). */
static const guint32 unknown_palette[] = {
  0xBBBBBB, 0xEE99AA, 0x77AADD, 0xAAAA00, 0x555555, 0xEEDD88,
  0x99DDFF, 0x994455, 0xFFAABB, 0x225555,
};

static const char *shape_names[MG_N_SHAPES] = {
  "ellipse", "box", "rounded-box", "hexagon", "diamond", "triangle",
  "octagon", "pentagon", "house", "parallelogram", "circle", "star",
  "trapezoid", "tag",
};

static const struct {
  const char *id;
  const char *name;
} provenances[MG_N_PROVENANCES] = {
  { NULL, N_("Not recorded") },
  { "stated", N_("Stated") },
  { "inferred", N_("Inferred") },
  { "illustrative", N_("Illustrative") },
  { "workshop", N_("Workshop") },
  { NULL, N_("Other") },
};

const char *
mg_provenance_id (MgProvenance provenance)
{
  g_return_val_if_fail (provenance < MG_N_PROVENANCES, NULL);
  return provenances[provenance].id;
}

const char *
mg_provenance_name (MgProvenance provenance)
{
  g_return_val_if_fail (provenance < MG_N_PROVENANCES, NULL);
  return provenances[provenance].name;
}

MgProvenance
mg_provenance_from_string (const char *text)
{
  g_autofree char *word = NULL;

  if (text == NULL)
    return MG_PROVENANCE_NONE;
  word = g_strstrip (g_strdup (text));
  if (*word == '\0')
    return MG_PROVENANCE_NONE;
  for (guint p = MG_PROVENANCE_STATED; p <= MG_PROVENANCE_WORKSHOP; p++)
    if (g_ascii_strcasecmp (word, provenances[p].id) == 0)
      return (MgProvenance) p;
  return MG_PROVENANCE_OTHER;
}

gboolean
mg_provenance_is_weak (MgProvenance provenance)
{
  return provenance == MG_PROVENANCE_INFERRED || provenance == MG_PROVENANCE_ILLUSTRATIVE;
}

guint
mg_vocab_n_builtin_roles (void)
{
  return G_N_ELEMENTS (builtin_roles);
}

guint
mg_vocab_n_builtin_kinds (void)
{
  return G_N_ELEMENTS (builtin_kinds);
}

const MgLessonInfo *
mg_lesson_info (MgLesson lesson)
{
  g_return_val_if_fail (lesson < MG_N_LESSONS, NULL);
  return &lessons[lesson];
}

const char *
mg_shape_to_string (MgShape shape)
{
  g_return_val_if_fail (shape < MG_N_SHAPES, "ellipse");
  return shape_names[shape];
}

gboolean
mg_lesson_from_id (const char *id, MgLesson *out)
{
  /* Ids first, then the words people actually type. */
  static const struct { const char *word; MgLesson lesson; } words[] = {
    { "valorize", MG_LESSON_VALORIZE }, { "valorise", MG_LESSON_VALORIZE },
    { "valorizing", MG_LESSON_VALORIZE }, { "resources", MG_LESSON_VALORIZE },
    { "valoriser", MG_LESSON_VALORIZE },
    { "care", MG_LESSON_CARE }, { "caring", MG_LESSON_CARE },
    { "territory", MG_LESSON_CARE }, { "prendre-soin", MG_LESSON_CARE },
    { "combine", MG_LESSON_COMBINE }, { "combinations", MG_LESSON_COMBINE },
    { "combiner", MG_LESSON_COMBINE },
    { "learn", MG_LESSON_LEARN }, { "learning", MG_LESSON_LEARN },
    { "apprendre", MG_LESSON_LEARN },
  };

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (id, words[i].word) == 0)
      {
        if (out)
          *out = words[i].lesson;
        return TRUE;
      }
  return FALSE;
}

MgLessonSet
mg_lesson_set_parse (const char *text, GPtrArray *unknown)
{
  MgLessonSet set = 0;
  g_auto (GStrv) words = NULL;

  if (text == NULL)
    return 0;
  words = g_strsplit_set (text, ",; \t\r\n|", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      MgLesson lesson;

      if (words[i][0] == '\0')
        continue;
      if (mg_lesson_from_id (words[i], &lesson))
        set |= MG_LESSON_BIT (lesson);
      else if (unknown != NULL)
        g_ptr_array_add (unknown, g_strdup (words[i]));
    }
  return set;
}

char *
mg_lesson_set_to_string (MgLessonSet set)
{
  GString *s = g_string_new (NULL);

  for (guint l = 0; l < MG_N_LESSONS; l++)
    if (set & MG_LESSON_BIT (l))
      {
        if (s->len > 0)
          g_string_append_c (s, ',');
        g_string_append (s, lessons[l].id);
      }
  return g_string_free (s, FALSE);
}

guint32
mg_vocab_color_for_unknown (const char *id)
{
  g_return_val_if_fail (id != NULL, unknown_palette[0]);
  return unknown_palette[g_str_hash (id) % G_N_ELEMENTS (unknown_palette)];
}

/* ---- per-map vocabulary ---------------------------------------------- */

struct _MgVocabulary {
  GPtrArray  *roles;      /* MgRole*, owned */
  GHashTable *role_by_id; /* borrowed keys → MgRole* */
  GPtrArray  *kinds;
  GHashTable *kind_by_id;
};

static void
role_free (gpointer data)
{
  MgRole *role = data;

  g_free (role->id);
  g_free (role->name);
  g_free (role);
}

static void
kind_free (gpointer data)
{
  MgRelationKind *kind = data;

  g_free (kind->id);
  g_free (kind->name);
  g_free (kind);
}

static MgRole *
add_role (MgVocabulary *vocab, const char *id, const char *name,
          guint32 color, MgShape shape, gboolean builtin)
{
  MgRole *role = g_new0 (MgRole, 1);

  role->id = g_strdup (id);
  role->name = g_strdup (name);
  role->color = color;
  role->shape = shape;
  role->builtin = builtin;
  g_ptr_array_add (vocab->roles, role);
  g_hash_table_insert (vocab->role_by_id, role->id, role);
  return role;
}

static MgRelationKind *
add_kind (MgVocabulary *vocab, const char *id, const char *name,
          guint32 color, MgLineStyle line, gboolean builtin)
{
  MgRelationKind *kind = g_new0 (MgRelationKind, 1);

  kind->id = g_strdup (id);
  kind->name = g_strdup (name);
  kind->color = color;
  kind->line = line;
  kind->builtin = builtin;
  g_ptr_array_add (vocab->kinds, kind);
  g_hash_table_insert (vocab->kind_by_id, kind->id, kind);
  return kind;
}

MgVocabulary *
mg_vocabulary_new (void)
{
  MgVocabulary *vocab = g_new0 (MgVocabulary, 1);

  vocab->roles = g_ptr_array_new_with_free_func (role_free);
  vocab->role_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  vocab->kinds = g_ptr_array_new_with_free_func (kind_free);
  vocab->kind_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_roles); i++)
    add_role (vocab, builtin_roles[i].id, builtin_roles[i].name,
              builtin_roles[i].color, builtin_roles[i].shape, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_kinds); i++)
    add_kind (vocab, builtin_kinds[i].id, builtin_kinds[i].name,
              builtin_kinds[i].color, builtin_kinds[i].line, TRUE);
  return vocab;
}

void
mg_vocabulary_free (MgVocabulary *vocab)
{
  if (vocab == NULL)
    return;
  g_hash_table_unref (vocab->role_by_id);
  g_ptr_array_unref (vocab->roles);
  g_hash_table_unref (vocab->kind_by_id);
  g_ptr_array_unref (vocab->kinds);
  g_free (vocab);
}

const MgRole *
mg_vocab_builtin_role (guint index)
{
  static MgRole roles[G_N_ELEMENTS (builtin_roles)];
  static gsize initialised = 0;

  g_return_val_if_fail (index < G_N_ELEMENTS (builtin_roles), NULL);
  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (builtin_roles); i++)
        {
          /* Static storage: the strings are never freed. */
          roles[i].id = (char *) builtin_roles[i].id;
          roles[i].name = (char *) builtin_roles[i].name;
          roles[i].color = builtin_roles[i].color;
          roles[i].shape = builtin_roles[i].shape;
          roles[i].builtin = TRUE;
        }
      g_once_init_leave (&initialised, 1);
    }
  return &roles[index];
}

const MgRelationKind *
mg_vocab_builtin_kind (guint index)
{
  static MgRelationKind kinds[G_N_ELEMENTS (builtin_kinds)];
  static gsize initialised = 0;

  g_return_val_if_fail (index < G_N_ELEMENTS (builtin_kinds), NULL);
  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (builtin_kinds); i++)
        {
          kinds[i].id = (char *) builtin_kinds[i].id;
          kinds[i].name = (char *) builtin_kinds[i].name;
          kinds[i].color = builtin_kinds[i].color;
          kinds[i].line = builtin_kinds[i].line;
          kinds[i].builtin = TRUE;
        }
      g_once_init_leave (&initialised, 1);
    }
  return &kinds[index];
}

const MgRole *
mg_vocabulary_lookup_role (MgVocabulary *vocab, const char *id)
{
  g_return_val_if_fail (vocab != NULL, NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (vocab->role_by_id, id);
}

const MgRole *
mg_vocabulary_ensure_role (MgVocabulary *vocab, const char *id)
{
  const MgRole *role;

  g_return_val_if_fail (vocab != NULL, NULL);
  if (id == NULL)
    return NULL;
  role = g_hash_table_lookup (vocab->role_by_id, id);
  if (role != NULL)
    return role;
  /* An unknown role is kept with its id as name and a colour of its own. */
  return add_role (vocab, id, id, mg_vocab_color_for_unknown (id),
                   MG_SHAPE_ELLIPSE, FALSE);
}

const MgRole *
mg_vocabulary_define_role (MgVocabulary *vocab, const char *id,
                           const char *name, guint32 color, MgShape shape)
{
  MgRole *role;

  g_return_val_if_fail (vocab != NULL, NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (shape < MG_N_SHAPES, NULL);

  role = g_hash_table_lookup (vocab->role_by_id, id);
  if (role == NULL)
    return add_role (vocab, id, name ? name : id, color, shape, FALSE);
  g_free (role->name);
  role->name = g_strdup (name ? name : id);
  role->color = color;
  role->shape = shape;
  return role;
}

const MgRelationKind *
mg_vocabulary_lookup_kind (MgVocabulary *vocab, const char *id)
{
  g_return_val_if_fail (vocab != NULL, NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (vocab->kind_by_id, id);
}

const MgRelationKind *
mg_vocabulary_ensure_kind (MgVocabulary *vocab, const char *id)
{
  const MgRelationKind *kind;

  g_return_val_if_fail (vocab != NULL, NULL);
  if (id == NULL)
    return NULL;
  kind = g_hash_table_lookup (vocab->kind_by_id, id);
  if (kind != NULL)
    return kind;
  return add_kind (vocab, id, id, mg_vocab_color_for_unknown (id),
                   MG_LINE_SOLID, FALSE);
}

GPtrArray *
mg_vocabulary_get_roles (MgVocabulary *vocab)
{
  g_return_val_if_fail (vocab != NULL, NULL);
  return vocab->roles;
}

GPtrArray *
mg_vocabulary_get_kinds (MgVocabulary *vocab)
{
  g_return_val_if_fail (vocab != NULL, NULL);
  return vocab->kinds;
}
