/* mg-lens.h — lesson lenses: which actors and relations illustrate a lesson.
 *
 * An item matches a lesson *explicitly* when the user tagged it with that
 * lesson (MgActor.lessons, MgRelation.lessons), and *derived* when the rule
 * of the lesson (DESIGN.md, "The four lessons, and how a lens matches")
 * says so.  Firms are large-company, sme and startup.  A relation's giver
 * is its source and its receiver its target; an undirected relation is read
 * both ways and matches when either reading does.  Self-loops never match.
 * "Share" and "cross" are territories compared at the lens level L
 * (mg-territory.h); families are the stakeholder families.
 *
 *   valorize  relations: training or support received by a firm; or
 *             partnership, supply or knowledge between two firms of which
 *             one at least is an sme or a start-up.  Actors: the firms that
 *             receive or take part in those relations.
 *   care      relations: support, backing, funding, training, hosting,
 *             partnership or supply between two actors that share a
 *             territory, received by an sme, a start-up, a local authority
 *             or an association.  Actors: givers of such relations to at
 *             least 2 distinct receivers.
 *   combine   actors whose partnership, research, supply or knowledge
 *             neighbours (either direction) that share their territory
 *             cover at least combine_threshold families other than their
 *             own (an actor of no family may match); relations: those of a
 *             matched actor to such a neighbour.
 *   learn     relations: knowledge or research, and any relation between
 *             two actors that cross territories.  Actors: in a reciprocal
 *             knowledge or research exchange (both directions, or one
 *             undirected relation), or receiving knowledge or research from
 *             at least 2 distinct actors.
 *
 * Derived rules read roles, kinds and territories only, never the explicit
 * tags; an explicit tag wins (the item is drawn solid, not dashed).
 *
 * Derived matches are computed on the whole map, not on what filters leave:
 * a lesson is a property of the ecosystem, and this keeps a lens steady
 * while the user narrows the view.  The drawing's grouping level does not
 * change what a lens matches.
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
#define MG_LENS_DEFAULT_LEVEL             1

typedef struct {
  MgLessonSet active;            /* lenses switched on */
  MgLensMode  mode;
  gboolean    derived;           /* show derived matches (default TRUE) */
  MgUnmatched unmatched;
  guint       combine_threshold; /* families other than one's own, default 3 */
  guint       lens_level;        /* territories compared at this level
                                    (1 = region, the default; 0 = the
                                    whole path) */
} MgLensSettings;

/* Defaults: no lens on, any, derived on, fade, threshold 3, level 1. */
void        mg_lens_settings_init (MgLensSettings *settings);
gboolean    mg_lens_settings_equal (const MgLensSettings *a, const MgLensSettings *b);

const char *mg_lens_mode_to_string (MgLensMode mode);          /* "any" / "all" */
gboolean    mg_lens_mode_from_string (const char *text, MgLensMode *out);
const char *mg_unmatched_to_string (MgUnmatched unmatched);    /* "fade" / "hide" */
gboolean    mg_unmatched_from_string (const char *text, MgUnmatched *out);

/* TRUE when @kind is one of the relation kinds the derived rule of @lesson
 * names (see above). */
gboolean    mg_lens_kind_matches (MgLesson lesson, const char *kind);

G_END_DECLS
