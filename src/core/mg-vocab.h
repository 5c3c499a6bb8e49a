/* mg-vocab.h — the vocabularies of a map: roles, relation kinds, lessons.
 *
 * They are data, not scattered constants: every place that needs a role's
 * colour or a lesson's name asks here.  Names are translatable (marked with
 * N_() and translated by the caller with _() / g_dgettext()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MG_SHAPE_ELLIPSE,
  MG_SHAPE_BOX,
  MG_SHAPE_ROUNDED_BOX,
  MG_SHAPE_HEXAGON,
  MG_SHAPE_DIAMOND,
  MG_SHAPE_TRIANGLE,
  MG_SHAPE_OCTAGON,
  MG_SHAPE_PENTAGON,
  MG_SHAPE_HOUSE,
  MG_SHAPE_PARALLELOGRAM,
  MG_SHAPE_CIRCLE,
  MG_SHAPE_STAR,
  MG_SHAPE_TRAPEZOID,  /* wider at the base, like a building */
  MG_SHAPE_TAG,        /* a label pointing right: a programme, an event */
  MG_N_SHAPES
} MgShape;

typedef enum {
  MG_LINE_SOLID,
  MG_LINE_DASHED,
  MG_LINE_DOTTED,
  MG_LINE_DASH_DOT,
  MG_LINE_LONG_DASH,   /* long dashes, short gaps */
  MG_LINE_DASH_PAIRS,  /* two short dashes, then a gap */
} MgLineStyle;

/* A role: what kind of actor.  Colour is 0xRRGGBB. */
typedef struct {
  char    *id;        /* stable id written in files, e.g. "sme" */
  char    *name;      /* untranslated display name (translate with _()) */
  guint32  color;
  MgShape  shape;
  gboolean builtin;   /* FALSE for roles met in a file or added by the user */
} MgRole;

/* A relation kind. */
typedef struct {
  char       *id;
  char       *name;
  guint32     color;
  MgLineStyle line;
  gboolean    builtin;
} MgRelationKind;

/* The four transversal lessons, as bits of a lesson set. */
typedef enum {
  MG_LESSON_VALORIZE = 0,
  MG_LESSON_CARE,
  MG_LESSON_COMBINE,
  MG_LESSON_LEARN,
  MG_N_LESSONS
} MgLesson;

typedef guint MgLessonSet; /* bit (1u << MgLesson) */

#define MG_LESSON_BIT(l) (1u << (l))
#define MG_LESSON_SET_ALL ((1u << MG_N_LESSONS) - 1)

typedef struct {
  MgLesson    lesson;
  const char *id;          /* "valorize", "care", "combine", "learn" */
  const char *name;        /* untranslated: "Valorizing resources" … */
  const char *explanation; /* untranslated, plain words, the derived rule */
  guint32     color;
  const char *gloss;       /* untranslated: what the lesson means, in one or
                              two sentences a workshop audience follows */
} MgLessonInfo;

/* Where a fact comes from (DESIGN.md, "Provenance"). */
typedef enum {
  MG_PROVENANCE_NONE = 0,     /* not recorded: drawn as stated */
  MG_PROVENANCE_STATED,       /* a source says so */
  MG_PROVENANCE_INFERRED,
  MG_PROVENANCE_ILLUSTRATIVE, /* drawn to illustrate a point */
  MG_PROVENANCE_WORKSHOP,     /* added or tagged live by participants */
  MG_PROVENANCE_OTHER,        /* a word Maillage does not know, kept */
  MG_N_PROVENANCES
} MgProvenance;

/* "stated", "inferred", "illustrative", "workshop"; NULL for NONE and
 * OTHER. */
const char  *mg_provenance_id (MgProvenance provenance);
/* Untranslated display name ("Stated"…; "Not recorded", "Other"). */
const char  *mg_provenance_name (MgProvenance provenance);
/* NULL or "" → NONE; a known id (any case, surrounding space ignored) →
 * its value; anything else → OTHER. */
MgProvenance mg_provenance_from_string (const char *text);
/* TRUE for inferred and illustrative: drawn weaker than stated facts. */
gboolean     mg_provenance_is_weak (MgProvenance provenance);

/* The built-in vocabularies, in their display order. */
guint                 mg_vocab_n_builtin_roles (void);
const MgRole         *mg_vocab_builtin_role (guint index);
guint                 mg_vocab_n_builtin_kinds (void);
const MgRelationKind *mg_vocab_builtin_kind (guint index);
const MgLessonInfo   *mg_lesson_info (MgLesson lesson);

/* Parsing and printing of lesson sets: "care,learn" (commas, semicolons or
 * white space separate; the English names and a few synonyms are accepted).
 * Unknown words are returned in @unknown (may be NULL) and ignored. */
MgLessonSet mg_lesson_set_parse (const char *text, GPtrArray *unknown);
char       *mg_lesson_set_to_string (MgLessonSet set);
gboolean    mg_lesson_from_id (const char *id, MgLesson *out);

/* Colour for a role or kind that is not built in: stable for an id, drawn
 * from a palette distinct from the built-in one. */
guint32 mg_vocab_color_for_unknown (const char *id);

const char *mg_shape_to_string (MgShape shape);

/* A vocabulary instance: the built-ins plus roles and kinds met in a map or
 * added by the user.  Owned by an MgMap. */
typedef struct _MgVocabulary MgVocabulary;

MgVocabulary         *mg_vocabulary_new (void);
void                  mg_vocabulary_free (MgVocabulary *vocab);
/* Returns the role with @id, creating an unknown (non built-in) one with a
 * colour of its own if needed.  Never NULL for a non-NULL id. */
const MgRole         *mg_vocabulary_ensure_role (MgVocabulary *vocab, const char *id);
const MgRole         *mg_vocabulary_lookup_role (MgVocabulary *vocab, const char *id);
const MgRelationKind *mg_vocabulary_ensure_kind (MgVocabulary *vocab, const char *id);
const MgRelationKind *mg_vocabulary_lookup_kind (MgVocabulary *vocab, const char *id);
/* Add or update a user role (name, colour, shape).  Returns it. */
const MgRole         *mg_vocabulary_define_role (MgVocabulary *vocab, const char *id,
                                                 const char *name, guint32 color, MgShape shape);
/* All roles / kinds known: built-ins first, then others in order met. */
GPtrArray            *mg_vocabulary_get_roles (MgVocabulary *vocab); /* (transfer none) of MgRole* */
GPtrArray            *mg_vocabulary_get_kinds (MgVocabulary *vocab); /* (transfer none) of MgRelationKind* */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgVocabulary, mg_vocabulary_free)

G_END_DECLS
