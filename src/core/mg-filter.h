/* mg-filter.h — restrictions on what a map shows.
 *
 * A filter HIDES what it excludes (lenses only fade or hide the unmatched
 * among what is left).  Every restriction that is set must hold for an
 * actor to stay:
 *   roles      the actor's role is in the set ("" stands for no role);
 *   territory  the actor's territory lies in the place: the path equals
 *              the prefix or continues it after a "/" ("A/B" keeps "A/B"
 *              and "A/B/C", not "A/BC"; a region keeps its departments);
 *              segments compare trimmed, and a scale of the map ("France",
 *              mg-territory.h) without regard to case;
 *   search     the folded query (case and accents ignored) occurs in the
 *              actor's label, id, notes or territory;
 *   min_degree the actor has at least that many relation ends;
 *   focus      the actor is within focus_hops of one of the focus actors,
 *              walking relations in focus_direction (an undirected relation
 *              walks both ways).
 *   provenance the actor's provenance is in the set ("stated",
 *              "inferred", "illustrative", "workshop"; "none" or "" for
 *              not recorded), or it is an end of a relation whose
 *              provenance is (so that the relations kept have their ends).
 * A relation stays when both its ends stay, its kind is in the kinds set
 * ("" stands for no kind) and its provenance in the provenance set.  Every restriction is computed on the whole map
 * (degree, focus walks), so restrictions combine without ordering effects.
 * Focus actor ids that the map does not hold are ignored; when none is
 * found, focus does not restrict.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  MG_FOCUS_BOTH, /* neighbours in either direction */
  MG_FOCUS_OUT,  /* follow relations from source to target */
  MG_FOCUS_IN,   /* follow relations from target to source */
} MgFocusDirection;

#define MG_FILTER_DEFAULT_FOCUS_HOPS 1

typedef struct {
  GStrv            roles;       /* NULL or empty: any role */
  char            *territory;   /* NULL or "": anywhere */
  GStrv            kinds;       /* NULL or empty: any kind */
  char            *search;      /* NULL or "": no search */
  guint            min_degree;  /* 0: no restriction */
  GStrv            focus;       /* actor ids; NULL or empty: no focus */
  guint            focus_hops;  /* typically 1–3 */
  MgFocusDirection focus_direction;
  GStrv            provenance;  /* NULL or empty: any provenance */
} MgFilter;

#define MG_TYPE_FILTER (mg_filter_get_type ())
GType     mg_filter_get_type (void) G_GNUC_CONST;

/* A filter that restricts nothing (focus_hops 1, direction both). */
MgFilter *mg_filter_new (void);
MgFilter *mg_filter_copy (const MgFilter *filter);
void      mg_filter_free (MgFilter *filter);
gboolean  mg_filter_equal (const MgFilter *a, const MgFilter *b);
/* TRUE when the filter hides nothing. */
gboolean  mg_filter_is_empty (const MgFilter *filter);

/* Setters that copy their argument (NULL clears). */
void      mg_filter_set_roles (MgFilter *filter, const char *const *roles);
void      mg_filter_set_kinds (MgFilter *filter, const char *const *kinds);
void      mg_filter_set_provenance (MgFilter *filter, const char *const *provenance);
void      mg_filter_set_territory (MgFilter *filter, const char *territory);
void      mg_filter_set_search (MgFilter *filter, const char *search);
void      mg_filter_set_focus (MgFilter *filter, const char *const *actor_ids,
                               guint hops, MgFocusDirection direction);

const char *mg_focus_direction_to_string (MgFocusDirection direction); /* both/out/in */
gboolean    mg_focus_direction_from_string (const char *text, MgFocusDirection *out);

/* Text as search compares it: case folded, compatibility-decomposed, marks
 * (accents) removed.  "Université" → "universite".  (transfer full) */
char     *mg_fold_text (const char *text);

/* TRUE when @territory lies in the subtree named by @prefix (component
 * boundaries respected, surrounding "/" and white space ignored). */
gboolean  mg_territory_in_subtree (const char *territory, const char *prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgFilter, mg_filter_free)

G_END_DECLS
