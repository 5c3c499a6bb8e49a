/* mg-lens.h — lesson lenses: which actors and relations illustrate a lesson.
 *
 * An item matches a lesson *explicitly* when the user tagged it with that
 * lesson (MgActor.lessons, MgRelation.lessons), and *derived* when the
 * documented rule of the lesson (DESIGN.md, "The four lessons") says so:
 *
 *   valorize  relations of kind support, training, hosting or funding, and
 *             the actors giving them (the source; both ends when the
 *             relation is undirected);
 *   care      relations whose two ends have a territory, the same at the
 *             grouping level, and at least one end not a large company;
 *   combine   actors whose neighbours (distinct other actors, either
 *             direction) cover at least combine_threshold distinct roles (an
 *             unknown role counts as itself, an actor without role adds
 *             none), and the relations linking such an actor to them;
 *   learn     relations of kind knowledge, training or research, and
 *             relations whose ends both have a territory and differ at the
 *             grouping level.
 * Self-loops never match care, learn or combine.
 *
 * Territories are paths "Region/Department/City"; the level-k key is the
 * first k components (the whole path when it has fewer, or when k is 0).
 *
 * Derived matches are computed on the whole map, not on what filters leave:
 * a lesson is a property of the ecosystem, and this keeps a lens steady
 * while the user narrows the view.
 *
 * The evaluation itself (with filters, into one visibility result) is
 * MgVisibility in mg-visibility.h; this header holds the settings.
 */
#pragma once

#include <glib-object.h>
#include "mg-territory.h"
#include "mg-vocab.h"

G_BEGIN_DECLS

/* What counts as matched when several lenses are on. */
typedef enum {
  MG_LENS_MODE_ANY, /* matches at least one active lens */
  MG_LENS_MODE_ALL, /* matches every active lens */
} MgLensMode;

/* What becomes of items that match no (resp. not all) active lenses. */
typedef enum {
  MG_UNMATCHED_FADE,
  MG_UNMATCHED_HIDE,
} MgUnmatched;

#define MG_LENS_DEFAULT_COMBINE_THRESHOLD 3

typedef struct {
  MgLessonSet active;            /* lenses switched on */
  MgLensMode  mode;
  gboolean    derived;           /* show derived matches (default TRUE) */
  MgUnmatched unmatched;
  guint       combine_threshold; /* distinct neighbour roles, default 3 */
  guint       territory_level;   /* grouping level, 0 = the full path */
} MgLensSettings;

/* Defaults: no lens on, any, derived on, fade, threshold 3, full path. */
void        mg_lens_settings_init (MgLensSettings *settings);
gboolean    mg_lens_settings_equal (const MgLensSettings *a, const MgLensSettings *b);

const char *mg_lens_mode_to_string (MgLensMode mode);          /* "any" / "all" */
gboolean    mg_lens_mode_from_string (const char *text, MgLensMode *out);
const char *mg_unmatched_to_string (MgUnmatched unmatched);    /* "fade" / "hide" */
gboolean    mg_unmatched_from_string (const char *text, MgUnmatched *out);

/* TRUE when @kind is one of the relation kinds the derived rule of @lesson
 * names (valorize: support, training, hosting, funding; learn: knowledge,
 * training, research). */
gboolean    mg_lens_kind_matches (MgLesson lesson, const char *kind);

G_END_DECLS
