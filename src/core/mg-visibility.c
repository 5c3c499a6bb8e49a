/* mg-visibility.c — caches, invalidation and the final states. */
#include "mg-visibility.h"

#include <string.h>
#include "mg-visibility-private.h"

/* What must be redone; each flag implies the later stages it feeds (see
 * propagate()). */
typedef enum {
  DIRTY_STRUCTURE   = 1 << 0, /* adjacency and every fact */
  DIRTY_ROLES       = 1 << 1,
  DIRTY_KINDS       = 1 << 2,
  DIRTY_TERRITORIES = 1 << 3,
  DIRTY_PROVENANCE  = 1 << 4,
  DIRTY_LESSONS     = 1 << 5,
  DIRTY_SEARCH_TEXT = 1 << 6,
  DIRTY_MATCHES     = 1 << 7,
  DIRTY_FILTER      = 1 << 8,
  DIRTY_STATES      = 1 << 9,
  DIRTY_THRESHOLD   = 1 << 10, /* the combine threshold alone */
  DIRTY_ALL         = (1 << 11) - 1,
} Dirty;

/* A transient state while computing: unmatched under "hide", kept as
 * context if a highlighted relation needs it. */
#define STATE_PENDING_HIDE 0xff

struct _MgVisibility {
  GObject parent_instance;

  MgMap         *map;
  MgLensSettings settings;
  MgFilter      *filter;
  guint          dirty;

  MgFacts        facts;
  char          *scales_text; /* the map's scales when territories were read */
  guint          n_actors;    /* size of the arrays below */
  guint          n_relations;
  MgMatches      matches;
  guint8        *actor_filtered;
  guint8        *relation_filtered;
  guint8        *actor_state;
  guint8        *relation_state;
  guint8        *actor_matched;
  guint8        *relation_matched;

  MgVisibilityResult result;
};

G_DEFINE_FINAL_TYPE (MgVisibility, mg_visibility, G_TYPE_OBJECT)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
mark_dirty (MgVisibility *self, guint what)
{
  gboolean was_clean = self->dirty == 0;

  self->dirty |= what;
  if (was_clean && self->dirty != 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ---- map signals ------------------------------------------------------ */

static void
on_structure_changed (MgMap *map, gpointer item, gpointer user_data)
{
  mark_dirty (MG_VISIBILITY (user_data), DIRTY_STRUCTURE);
}

/* The map's scales are graph data: a change of them comes with
 * "metadata-changed" (mg_undo_set_scales()). */
static void
on_metadata_changed (MgMap *map, gpointer user_data)
{
  MgVisibility *self = MG_VISIBILITY (user_data);

  if (g_strcmp0 (self->scales_text, mg_map_get_graph_setting (map, MG_SCALES_KEY_NAME)) != 0)
    mark_dirty (self, DIRTY_TERRITORIES);
}

static void
on_actor_changed (MgMap *map, MgActor *actor, guint flags, gpointer user_data)
{
  guint what = 0;

  if (flags & MG_CHANGE_ROLE)
    what |= DIRTY_ROLES;
  if (flags & MG_CHANGE_TERRITORY)
    what |= DIRTY_TERRITORIES | DIRTY_SEARCH_TEXT;
  if (flags & MG_CHANGE_LESSONS)
    what |= DIRTY_LESSONS;
  if (flags & MG_CHANGE_PROVENANCE)
    what |= DIRTY_PROVENANCE;
  if (flags & (MG_CHANGE_LABEL | MG_CHANGE_NOTES))
    what |= DIRTY_SEARCH_TEXT;
  if (what != 0)
    mark_dirty (MG_VISIBILITY (user_data), what);
}

static void
on_relation_changed (MgMap *map, MgRelation *relation, guint flags, gpointer user_data)
{
  guint what = 0;

  if (flags & MG_CHANGE_ENDPOINTS)
    what |= DIRTY_STRUCTURE;
  if (flags & MG_CHANGE_KIND)
    what |= DIRTY_KINDS;
  if (flags & MG_CHANGE_LESSONS)
    what |= DIRTY_LESSONS;
  if (flags & MG_CHANGE_PROVENANCE)
    what |= DIRTY_PROVENANCE;
  if (what != 0)
    mark_dirty (MG_VISIBILITY (user_data), what);
}

/* ---- object ------------------------------------------------------------ */

static void
free_arrays (MgVisibility *self)
{
  mg_facts_clear (&self->facts, self->n_actors);
  g_clear_pointer (&self->matches.actor_explicit, g_free);
  g_clear_pointer (&self->matches.actor_derived, g_free);
  g_clear_pointer (&self->matches.relation_explicit, g_free);
  g_clear_pointer (&self->matches.relation_derived, g_free);
  g_clear_pointer (&self->actor_filtered, g_free);
  g_clear_pointer (&self->relation_filtered, g_free);
  g_clear_pointer (&self->actor_state, g_free);
  g_clear_pointer (&self->relation_state, g_free);
  g_clear_pointer (&self->actor_matched, g_free);
  g_clear_pointer (&self->relation_matched, g_free);
  self->n_actors = self->n_relations = 0;
}

static void
mg_visibility_dispose (GObject *object)
{
  MgVisibility *self = MG_VISIBILITY (object);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  G_OBJECT_CLASS (mg_visibility_parent_class)->dispose (object);
}

static void
mg_visibility_finalize (GObject *object)
{
  MgVisibility *self = MG_VISIBILITY (object);

  free_arrays (self);
  g_free (self->scales_text);
  g_clear_pointer (&self->filter, mg_filter_free);
  G_OBJECT_CLASS (mg_visibility_parent_class)->finalize (object);
}

static void
mg_visibility_class_init (MgVisibilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_visibility_dispose;
  object_class->finalize = mg_visibility_finalize;

  /**
   * MgVisibility::changed:
   * The result is out of date; emitted once until it is read again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mg_visibility_init (MgVisibility *self)
{
  mg_lens_settings_init (&self->settings);
  self->filter = mg_filter_new ();
  self->dirty = DIRTY_ALL;
}

MgVisibility *
mg_visibility_new (MgMap *map)
{
  MgVisibility *self;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  self = g_object_new (MG_TYPE_VISIBILITY, NULL);
  self->map = g_object_ref (map);
  g_signal_connect (map, "actor-added", G_CALLBACK (on_structure_changed), self);
  g_signal_connect (map, "actor-removed", G_CALLBACK (on_structure_changed), self);
  g_signal_connect (map, "relation-added", G_CALLBACK (on_structure_changed), self);
  g_signal_connect (map, "relation-removed", G_CALLBACK (on_structure_changed), self);
  g_signal_connect (map, "actor-changed", G_CALLBACK (on_actor_changed), self);
  g_signal_connect (map, "relation-changed", G_CALLBACK (on_relation_changed), self);
  g_signal_connect (map, "metadata-changed", G_CALLBACK (on_metadata_changed), self);
  return self;
}

MgMap *
mg_visibility_get_map (MgVisibility *self)
{
  g_return_val_if_fail (MG_IS_VISIBILITY (self), NULL);

  return self->map;
}

void
mg_visibility_set_lens_settings (MgVisibility *self, const MgLensSettings *settings)
{
  guint what = 0;

  g_return_if_fail (MG_IS_VISIBILITY (self));
  g_return_if_fail (settings != NULL);

  if ((settings->active & MG_LESSON_SET_ALL) != self->settings.active ||
      settings->mode != self->settings.mode ||
      settings->unmatched != self->settings.unmatched)
    what |= DIRTY_STATES;
  if (!settings->derived != !self->settings.derived ||
      settings->lens_level != self->settings.lens_level)
    what |= DIRTY_MATCHES;
  if (settings->combine_threshold != self->settings.combine_threshold)
    what |= DIRTY_THRESHOLD;

  self->settings = *settings;
  self->settings.active &= MG_LESSON_SET_ALL;
  self->settings.derived = !!settings->derived;
  if (what != 0)
    mark_dirty (self, what);
}

void
mg_visibility_get_lens_settings (MgVisibility *self, MgLensSettings *out)
{
  g_return_if_fail (MG_IS_VISIBILITY (self));
  g_return_if_fail (out != NULL);

  *out = self->settings;
}

void
mg_visibility_set_lesson_active (MgVisibility *self, MgLesson lesson, gboolean active)
{
  MgLensSettings settings;

  g_return_if_fail (MG_IS_VISIBILITY (self));
  g_return_if_fail (lesson < MG_N_LESSONS);

  settings = self->settings;
  if (active)
    settings.active |= MG_LESSON_BIT (lesson);
  else
    settings.active &= ~MG_LESSON_BIT (lesson);
  mg_visibility_set_lens_settings (self, &settings);
}

void
mg_visibility_set_filter (MgVisibility *self, const MgFilter *filter)
{
  g_autoptr(MgFilter) empty = NULL;

  g_return_if_fail (MG_IS_VISIBILITY (self));

  if (filter == NULL)
    filter = empty = mg_filter_new ();
  if (mg_filter_equal (filter, self->filter))
    return;
  mg_filter_free (self->filter);
  self->filter = mg_filter_copy (filter);
  mark_dirty (self, DIRTY_FILTER);
}

const MgFilter *
mg_visibility_get_filter (MgVisibility *self)
{
  g_return_val_if_fail (MG_IS_VISIBILITY (self), NULL);

  return self->filter;
}

void
mg_visibility_invalidate (MgVisibility *self)
{
  g_return_if_fail (MG_IS_VISIBILITY (self));

  mark_dirty (self, DIRTY_ALL);
}

/* ---- evaluation -------------------------------------------------------- */

static guint
propagate (guint dirty)
{
  if (dirty & DIRTY_STRUCTURE)
    dirty |= DIRTY_ALL;
  if (dirty & DIRTY_TERRITORIES)
    dirty |= DIRTY_SEARCH_TEXT;
  if (dirty & (DIRTY_ROLES | DIRTY_KINDS | DIRTY_TERRITORIES | DIRTY_LESSONS))
    dirty |= DIRTY_MATCHES;
  if (dirty & (DIRTY_ROLES | DIRTY_KINDS | DIRTY_TERRITORIES | DIRTY_SEARCH_TEXT |
               DIRTY_PROVENANCE))
    dirty |= DIRTY_FILTER;
  if (dirty & (DIRTY_MATCHES | DIRTY_FILTER | DIRTY_THRESHOLD))
    dirty |= DIRTY_STATES;
  return dirty;
}

static void
rebuild_structure (MgVisibility *self)
{
  guint n, m;

  free_arrays (self);
  self->facts.adj = mg_adjacency_new (self->map);
  n = self->n_actors = self->facts.adj->n_actors;
  m = self->n_relations = self->facts.adj->n_relations;
  self->matches.actor_explicit = g_new0 (guint8, MAX (n, 1));
  self->matches.actor_derived = g_new0 (guint8, MAX (n, 1));
  self->matches.relation_explicit = g_new0 (guint8, MAX (m, 1));
  self->matches.relation_derived = g_new0 (guint8, MAX (m, 1));
  self->actor_filtered = g_new0 (guint8, MAX (n, 1));
  self->relation_filtered = g_new0 (guint8, MAX (m, 1));
  self->actor_state = g_new0 (guint8, MAX (n, 1));
  self->relation_state = g_new0 (guint8, MAX (m, 1));
  self->actor_matched = g_new0 (guint8, MAX (n, 1));
  self->relation_matched = g_new0 (guint8, MAX (m, 1));
}

static inline gboolean
is_matched (guint8 lessons, MgLessonSet active, MgLensMode mode)
{
  guint8 hit = lessons & active;

  return mode == MG_LENS_MODE_ALL ? hit == active : hit != 0;
}

static void
compute_states (MgVisibility *self)
{
  const MgAdjacency *adj = self->facts.adj;
  const MgMatches *mt = &self->matches;
  MgVisibilityResult *res = &self->result;
  MgLessonSet active = self->settings.active;
  MgLensMode mode = self->settings.mode;
  gboolean hide = self->settings.unmatched == MG_UNMATCHED_HIDE;
  guint unmatched_state = hide ? STATE_PENDING_HIDE : MG_VISIBILITY_FADED;
  guint n = self->n_actors, m = self->n_relations;

  memset (res->actors_matching, 0, sizeof res->actors_matching);
  memset (res->relations_matching, 0, sizeof res->relations_matching);
  res->n_actors_highlighted = res->n_relations_highlighted = 0;
  res->n_actors_visible = res->n_relations_visible = 0;

  for (guint v = 0; v < n; v++)
    {
      guint8 lessons = mt->actor_explicit[v] | mt->actor_derived[v];
      gboolean matched = active != 0 && is_matched (lessons, active, mode);

      self->actor_matched[v] = matched;
      if (self->actor_filtered[v])
        {
          self->actor_state[v] = MG_VISIBILITY_HIDDEN;
          continue;
        }
      for (guint l = 0; l < MG_N_LESSONS; l++)
        res->actors_matching[l] += (lessons >> l) & 1;
      if (active == 0)
        self->actor_state[v] = MG_VISIBILITY_NORMAL;
      else if (matched)
        self->actor_state[v] = MG_VISIBILITY_HIGHLIGHTED;
      else
        self->actor_state[v] = unmatched_state;
    }

  for (guint r = 0; r < m; r++)
    {
      guint8 lessons = mt->relation_explicit[r] | mt->relation_derived[r];
      gboolean matched = active != 0 && is_matched (lessons, active, mode);
      guint8 state;

      self->relation_matched[r] = matched;
      if (self->relation_filtered[r])
        {
          self->relation_state[r] = MG_VISIBILITY_HIDDEN;
          continue;
        }
      for (guint l = 0; l < MG_N_LESSONS; l++)
        res->relations_matching[l] += (lessons >> l) & 1;
      if (active == 0)
        state = MG_VISIBILITY_NORMAL;
      else if (matched)
        {
          state = MG_VISIBILITY_HIGHLIGHTED;
          /* Its ends are the context that makes it readable: shown, not
           * faded (a highlighted relation between two ghosts reads as a
           * drawing error), though not highlighted themselves. */
          if (self->actor_state[adj->rel_source[r]] == unmatched_state)
            self->actor_state[adj->rel_source[r]] = MG_VISIBILITY_NORMAL;
          if (self->actor_state[adj->rel_target[r]] == unmatched_state)
            self->actor_state[adj->rel_target[r]] = MG_VISIBILITY_NORMAL;
        }
      else
        state = hide ? MG_VISIBILITY_HIDDEN : MG_VISIBILITY_FADED;
      self->relation_state[r] = state;
    }

  for (guint v = 0; v < n; v++)
    {
      guint8 state = self->actor_state[v];

      if (state == STATE_PENDING_HIDE)
        state = self->actor_state[v] = MG_VISIBILITY_HIDDEN;
      res->n_actors_highlighted += state == MG_VISIBILITY_HIGHLIGHTED;
      res->n_actors_visible += state != MG_VISIBILITY_HIDDEN;
    }
  for (guint r = 0; r < m; r++)
    {
      guint8 state = self->relation_state[r];

      res->n_relations_highlighted += state == MG_VISIBILITY_HIGHLIGHTED;
      res->n_relations_visible += state != MG_VISIBILITY_HIDDEN;
    }
}

static void
update (MgVisibility *self)
{
  guint dirty;

  /* Signals may have been missed (a map filled without them): a change in
   * size is a change in structure. */
  if (self->facts.adj == NULL ||
      self->facts.adj->n_actors != mg_map_get_n_actors (self->map) ||
      self->facts.adj->n_relations != mg_map_get_n_relations (self->map))
    self->dirty |= DIRTY_STRUCTURE;
  /* Scales are graph data, changed without a signal. */
  if (g_strcmp0 (self->scales_text, mg_map_get_graph_setting (self->map, MG_SCALES_KEY_NAME)) != 0)
    {
      g_free (self->scales_text);
      self->scales_text = g_strdup (mg_map_get_graph_setting (self->map, MG_SCALES_KEY_NAME));
      self->dirty |= DIRTY_TERRITORIES;
    }

  dirty = propagate (self->dirty);
  if (dirty == 0)
    return;

  if (dirty & DIRTY_STRUCTURE)
    rebuild_structure (self);
  if (dirty & DIRTY_ROLES)
    mg_facts_build_roles (&self->facts, self->map);
  if (dirty & DIRTY_KINDS)
    mg_facts_build_kinds (&self->facts, self->map);
  if (dirty & DIRTY_TERRITORIES)
    mg_facts_build_territories (&self->facts, self->map);
  if (dirty & DIRTY_PROVENANCE)
    mg_facts_build_provenance (&self->facts, self->map);
  if (dirty & DIRTY_LESSONS)
    mg_facts_build_lessons (&self->facts, self->map);
  if ((dirty & DIRTY_SEARCH_TEXT) && self->facts.actor_search != NULL)
    {
      /* Rebuilt on the next search only. */
      for (guint v = 0; v < self->n_actors; v++)
        g_free (self->facts.actor_search[v]);
      g_clear_pointer (&self->facts.actor_search, g_free);
    }
  if (dirty & DIRTY_MATCHES)
    mg_lens_compute_matches (&self->facts, &self->settings, &self->matches);
  else if (dirty & DIRTY_THRESHOLD)
    mg_lens_update_combine (&self->facts, &self->settings, &self->matches);
  if (dirty & DIRTY_FILTER)
    mg_filter_compute_hidden (self->filter, self->map, &self->facts,
                              self->actor_filtered, self->relation_filtered);
  if (dirty & DIRTY_STATES)
    compute_states (self);

  self->dirty = 0;
  self->result.generation++;
  self->result.n_actors = self->n_actors;
  self->result.n_relations = self->n_relations;
  self->result.active = self->settings.active;
  self->result.actor_state = self->actor_state;
  self->result.actor_matched = self->actor_matched;
  self->result.relation_matched = self->relation_matched;
  self->result.actor_explicit = self->matches.actor_explicit;
  self->result.actor_derived = self->matches.actor_derived;
  self->result.relation_state = self->relation_state;
  self->result.relation_explicit = self->matches.relation_explicit;
  self->result.relation_derived = self->matches.relation_derived;
}

const MgVisibilityResult *
mg_visibility_get_result (MgVisibility *self)
{
  g_return_val_if_fail (MG_IS_VISIBILITY (self), NULL);

  update (self);
  return &self->result;
}

MgAdjacency *
mg_visibility_get_adjacency (MgVisibility *self)
{
  g_return_val_if_fail (MG_IS_VISIBILITY (self), NULL);

  update (self);
  return self->facts.adj;
}

const guint *
mg_visibility_get_role_diversity (MgVisibility *self)
{
  g_return_val_if_fail (MG_IS_VISIBILITY (self), NULL);

  update (self);
  return self->facts.role_diversity;
}

/* ---- JSON for the command line ----------------------------------------- */

static void
add_relation_id (JsonBuilder *builder, MgRelation *relation)
{
  if (relation->id != NULL)
    json_builder_add_string_value (builder, relation->id);
  else
    {
      char id[32];

      g_snprintf (id, sizeof id, "e%u", relation->index);
      json_builder_add_string_value (builder, id);
    }
}

/* Adds {"actors": [...], "relations": [...]} for the items where @pick says
 * so. */
typedef gboolean (*PickFunc) (MgVisibility *self, gboolean is_actor, guint index, guint lesson);

static void
add_item_lists (MgVisibility *self, JsonBuilder *builder, PickFunc pick, guint lesson)
{
  GPtrArray *actors = mg_map_get_actors (self->map);
  GPtrArray *relations = mg_map_get_relations (self->map);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint v = 0; v < self->n_actors; v++)
    if (pick (self, TRUE, v, lesson))
      json_builder_add_string_value (builder, ((MgActor *) g_ptr_array_index (actors, v))->id);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->n_relations; r++)
    if (pick (self, FALSE, r, lesson))
      add_relation_id (builder, g_ptr_array_index (relations, r));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
pick_lesson (MgVisibility *self, gboolean is_actor, guint i, guint lesson)
{
  const MgMatches *mt = &self->matches;

  if (is_actor)
    return !self->actor_filtered[i] &&
           ((mt->actor_explicit[i] | mt->actor_derived[i]) & MG_LESSON_BIT (lesson));
  return !self->relation_filtered[i] &&
         ((mt->relation_explicit[i] | mt->relation_derived[i]) & MG_LESSON_BIT (lesson));
}

static gboolean
pick_highlighted (MgVisibility *self, gboolean is_actor, guint i, guint lesson)
{
  return (is_actor ? self->actor_state[i] : self->relation_state[i]) == MG_VISIBILITY_HIGHLIGHTED;
}

static gboolean
pick_visible (MgVisibility *self, gboolean is_actor, guint i, guint lesson)
{
  return (is_actor ? self->actor_state[i] : self->relation_state[i]) != MG_VISIBILITY_HIDDEN;
}

void
mg_visibility_build_json (MgVisibility *self, JsonBuilder *builder)
{
  g_return_if_fail (MG_IS_VISIBILITY (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  update (self);

  json_builder_set_member_name (builder, "matches");
  json_builder_begin_object (builder);
  for (guint l = 0; l < MG_N_LESSONS; l++)
    if (self->settings.active & MG_LESSON_BIT (l))
      {
        json_builder_set_member_name (builder, mg_lesson_info (l)->id);
        add_item_lists (self, builder, pick_lesson, l);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "matched");
  add_item_lists (self, builder, pick_highlighted, 0);
  json_builder_set_member_name (builder, "visible");
  add_item_lists (self, builder, pick_visible, 0);
}
