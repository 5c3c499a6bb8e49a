/* mg-scene-bridge.c — layout clusters and lens/filter states into a scene. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mg-i18n.h"
#include "mg-scene-bridge.h"

void
mg_scene_bridge_set_clusters (MgScene *scene, const MgLayoutResult *result)
{
  g_autofree MgSceneCluster *clusters = NULL;

  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (result != NULL);

  clusters = g_new0 (MgSceneCluster, MAX (result->n_clusters, 1));
  for (guint i = 0; i < result->n_clusters; i++)
    {
      const MgLayoutCluster *c = &result->clusters[i];

      /* The scene copies the strings. */
      clusters[i].label = c->label;
      clusters[i].path = c->territory;
      clusters[i].x = c->box.x0;
      clusters[i].y = c->box.y0;
      clusters[i].width = c->box.x1 - c->box.x0;
      clusters[i].height = c->box.y1 - c->box.y0;
      clusters[i].depth = c->depth > 0 ? c->depth - 1 : 0;
    }
  mg_scene_set_clusters (scene, clusters, result->n_clusters);
}

/* The marks of an item in @state.  An item kept only as the end of a
 * matched relation (NORMAL while lenses are on) gets none: with "all", a
 * partial match drawn there in full colour would read as a match. */
static guint
marks_for (MgLessonSet active, MgVisibilityState state, guint8 explicit_set, guint8 derived_set,
           MgLessonMark *marks)
{
  guint n = 0;

  if (state == MG_VISIBILITY_NORMAL || state == MG_VISIBILITY_HIDDEN)
    return 0;

  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      if (!(active & MG_LESSON_BIT (l)))
        continue;
      if (explicit_set & MG_LESSON_BIT (l))
        marks[n++] = (MgLessonMark) { .lesson = l, .derived = FALSE };
      else if (derived_set & MG_LESSON_BIT (l))
        marks[n++] = (MgLessonMark) { .lesson = l, .derived = TRUE };
    }
  return n;
}

static MgItemVisibility
item_visibility (MgVisibilityState state)
{
  switch (state)
    {
    case MG_VISIBILITY_HIDDEN:
      return MG_ITEM_HIDDEN;
    case MG_VISIBILITY_FADED:
      return MG_ITEM_FADED;
    case MG_VISIBILITY_NORMAL:
    case MG_VISIBILITY_HIGHLIGHTED:
    default:
      return MG_ITEM_SHOWN;
    }
}

void
mg_scene_bridge_apply_visibility (MgScene *scene, MgVisibility *visibility)
{
  const MgVisibilityResult *result;
  GPtrArray *actors, *relations;
  MgLessonMark marks[MG_N_LESSONS];

  g_return_if_fail (MG_IS_SCENE (scene));
  g_return_if_fail (MG_IS_VISIBILITY (visibility));
  g_return_if_fail (mg_scene_get_map (scene) == mg_visibility_get_map (visibility));

  result = mg_visibility_get_result (visibility);
  actors = mg_map_get_actors (mg_scene_get_map (scene));
  relations = mg_map_get_relations (mg_scene_get_map (scene));

  for (guint i = 0; i < actors->len && i < result->n_actors; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      MgVisibilityState state = result->actor_state[i];
      guint n = marks_for (result->active, state, result->actor_explicit[i],
                           result->actor_derived[i], marks);

      mg_scene_set_actor_visibility (scene, actor, item_visibility (state));
      mg_scene_set_actor_marks (scene, actor, n ? marks : NULL, n);
    }
  for (guint i = 0; i < relations->len && i < result->n_relations; i++)
    {
      MgRelation *relation = g_ptr_array_index (relations, i);
      MgVisibilityState state = result->relation_state[i];
      guint n = marks_for (result->active, state, result->relation_explicit[i],
                           result->relation_derived[i], marks);

      mg_scene_set_relation_visibility (scene, relation, item_visibility (state));
      mg_scene_set_relation_marks (scene, relation, n ? marks : NULL, n);
    }

  MgLensSettings settings;
  const MgFilter *spec = mg_visibility_get_filter (visibility);
  g_autofree char *filter = mg_scene_bridge_describe_filter_in (mg_scene_get_map (scene), spec,
                                                                mg_scene_get_legend_language (scene));
  MgLensLegend lens = {
    .active = result->active,
    .filter = filter,
    .n_actors_shown = result->n_actors_visible,
    .n_actors = result->n_actors,
    .n_relations_shown = result->n_relations_visible,
    .n_relations = result->n_relations,
    .n_actors_matched = result->n_actors_highlighted,
    .n_relations_matched = result->n_relations_highlighted,
  };
  mg_visibility_get_lens_settings (visibility, &settings);
  lens.match_all = settings.mode == MG_LENS_MODE_ALL;
  lens.derived = settings.derived;
  lens.hide_unmatched = settings.unmatched == MG_UNMATCHED_HIDE;
  memcpy (lens.actors_matching, result->actors_matching, sizeof lens.actors_matching);
  memcpy (lens.relations_matching, result->relations_matching, sizeof lens.relations_matching);
  mg_scene_set_lens_legend (scene, &lens);
  mg_scene_set_lens_filter (scene, filter != NULL ? spec : NULL);
}

/* "SME", "SME or Start-up", "SME, Start-up or University". */
static void
append_alternatives (GString *s, GPtrArray *names, const char *lang)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == names->len ? mg_i18n_gettext (lang, " or ") : ", ");
      g_string_append (s, g_ptr_array_index (names, i));
    }
}

static void
start_part (GString *s)
{
  if (s->len > 0)
    g_string_append (s, ", ");
}

char *
mg_scene_bridge_describe_filter (MgMap *map, const MgFilter *filter)
{
  return mg_scene_bridge_describe_filter_in (map, filter, NULL);
}

char *
mg_scene_bridge_describe_filter_in (MgMap *map, const MgFilter *filter, const char *lang)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  if (filter == NULL || mg_filter_is_empty (filter))
    return NULL;

  MgVocabulary *vocab = mg_map_get_vocabulary (map);
  g_autoptr (GString) s = g_string_new (NULL);
  guint n;

  n = filter->roles ? g_strv_length (filter->roles) : 0;
  if (n > 0)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          const MgRole *role = *filter->roles[i] ? mg_vocabulary_lookup_role (vocab, filter->roles[i])
                                                 : NULL;
          g_ptr_array_add (names, (gpointer) (*filter->roles[i] == '\0'
                                              ? mg_i18n_gettext (lang, "no role")
                                              : role ? mg_i18n_gettext (lang, role->name)
                                                     : filter->roles[i]));
        }
      g_string_append (s, mg_i18n_ngettext (lang, "role ", "roles ", n));
      append_alternatives (s, names, lang);
    }
  if (filter->territory && *filter->territory)
    {
      start_part (s);
      g_string_append_printf (s, mg_i18n_gettext (lang, "territory %s"), filter->territory);
    }
  n = filter->kinds ? g_strv_length (filter->kinds) : 0;
  if (n > 0)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          const MgRelationKind *kind = *filter->kinds[i] ? mg_vocabulary_lookup_kind (vocab, filter->kinds[i])
                                                         : NULL;
          g_ptr_array_add (names, (gpointer) (*filter->kinds[i] == '\0'
                                              ? mg_i18n_gettext (lang, "no kind")
                                              : kind ? mg_i18n_gettext (lang, kind->name)
                                                     : filter->kinds[i]));
        }
      start_part (s);
      g_string_append (s, mg_i18n_ngettext (lang, "relation kind ", "relation kinds ", n));
      append_alternatives (s, names, lang);
    }
  if (filter->search && *filter->search)
    {
      start_part (s);
      g_string_append_printf (s, mg_i18n_gettext (lang, "search “%s”"), filter->search);
    }
  if (filter->min_degree > 0)
    {
      start_part (s);
      g_string_append_printf (s, mg_i18n_ngettext (lang, "at least %u relation",
                                              "at least %u relations", filter->min_degree),
                              filter->min_degree);
    }
  n = filter->focus ? g_strv_length (filter->focus) : 0;
  if (n > 0)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          MgActor *actor = mg_map_lookup_actor (map, filter->focus[i]);
          if (actor != NULL)
            g_ptr_array_add (names, (gpointer) mg_actor_get_display_label (actor));
        }
      if (names->len > 0)
        {
          guint hops = MAX (filter->focus_hops, 1u);
          start_part (s);
          g_string_append (s, mg_i18n_gettext (lang, "around "));
          append_alternatives (s, names, lang);
          g_string_append (s, " (");
          g_string_append_printf (s, mg_i18n_ngettext (lang, "%u step", "%u steps", hops),
                                  hops);
          if (filter->focus_direction == MG_FOCUS_OUT)
            g_string_append (s, mg_i18n_gettext (lang, ", outgoing"));
          else if (filter->focus_direction == MG_FOCUS_IN)
            g_string_append (s, mg_i18n_gettext (lang, ", incoming"));
          g_string_append_c (s, ')');
        }
    }
  return s->len > 0 ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}
