/* mg-selection.c — a set of actors and relations, kept in selection order. */
#include "config.h"

#include "mg-selection.h"

struct _MgSelection {
  GObject     parent_instance;

  MgMap      *map;
  GPtrArray  *actors;     /* MgActor*, borrowed, selection order */
  GHashTable *actor_set;
  GPtrArray  *relations;  /* MgRelation*, borrowed */
  GHashTable *relation_set;
};

enum { PROP_0, PROP_N_ACTORS, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgSelection, mg_selection, G_TYPE_OBJECT)

static void
emit_changed (MgSelection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACTORS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_actor_removed (MgMap *map, MgActor *actor, MgSelection *self)
{
  if (!g_hash_table_remove (self->actor_set, actor))
    return;
  g_ptr_array_remove (self->actors, actor);
  emit_changed (self);
}

static void
on_relation_removed (MgMap *map, MgRelation *relation, MgSelection *self)
{
  if (!g_hash_table_remove (self->relation_set, relation))
    return;
  g_ptr_array_remove (self->relations, relation);
  emit_changed (self);
}

static void
mg_selection_dispose (GObject *object)
{
  MgSelection *self = MG_SELECTION (object);

  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->map, self);
      g_clear_object (&self->map);
    }
  G_OBJECT_CLASS (mg_selection_parent_class)->dispose (object);
}

static void
mg_selection_finalize (GObject *object)
{
  MgSelection *self = MG_SELECTION (object);

  g_ptr_array_unref (self->actors);
  g_hash_table_unref (self->actor_set);
  g_ptr_array_unref (self->relations);
  g_hash_table_unref (self->relation_set);
  G_OBJECT_CLASS (mg_selection_parent_class)->finalize (object);
}

static void
mg_selection_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgSelection *self = MG_SELECTION (object);

  switch (prop_id)
    {
    case PROP_N_ACTORS:
      g_value_set_uint (value, self->actors->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_selection_class_init (MgSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_selection_dispose;
  object_class->finalize = mg_selection_finalize;
  object_class->get_property = mg_selection_get_property;

  properties[PROP_N_ACTORS] =
    g_param_spec_uint ("n-actors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mg_selection_init (MgSelection *self)
{
  self->actors = g_ptr_array_new ();
  self->actor_set = g_hash_table_new (NULL, NULL);
  self->relations = g_ptr_array_new ();
  self->relation_set = g_hash_table_new (NULL, NULL);
}

MgSelection *
mg_selection_new (MgMap *map)
{
  MgSelection *self;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  self = g_object_new (MG_TYPE_SELECTION, NULL);
  self->map = g_object_ref (map);
  g_signal_connect (map, "actor-removed", G_CALLBACK (on_actor_removed), self);
  g_signal_connect (map, "relation-removed", G_CALLBACK (on_relation_removed), self);
  return self;
}

MgMap *
mg_selection_get_map (MgSelection *self)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), NULL);
  return self->map;
}

GPtrArray *
mg_selection_get_actors (MgSelection *self)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), NULL);
  return self->actors;
}

GPtrArray *
mg_selection_get_relations (MgSelection *self)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), NULL);
  return self->relations;
}

guint
mg_selection_get_n_actors (MgSelection *self)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), 0);
  return self->actors->len;
}

gboolean
mg_selection_contains_actor (MgSelection *self, const MgActor *actor)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), FALSE);
  return g_hash_table_contains (self->actor_set, actor);
}

gboolean
mg_selection_contains_relation (MgSelection *self, const MgRelation *relation)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), FALSE);
  return g_hash_table_contains (self->relation_set, relation);
}

gboolean
mg_selection_is_empty (MgSelection *self)
{
  g_return_val_if_fail (MG_IS_SELECTION (self), TRUE);
  return self->actors->len == 0 && self->relations->len == 0;
}

static gboolean
clear_all (MgSelection *self)
{
  gboolean changed = self->actors->len > 0 || self->relations->len > 0;

  g_ptr_array_set_size (self->actors, 0);
  g_hash_table_remove_all (self->actor_set);
  g_ptr_array_set_size (self->relations, 0);
  g_hash_table_remove_all (self->relation_set);
  return changed;
}

/* Applies @mode to one item of a (list, set) pair; TRUE when it changed. */
static gboolean
apply_one (GPtrArray *list, GHashTable *set, gpointer item, MgSelectMode mode)
{
  if (g_hash_table_contains (set, item))
    {
      if (mode != MG_SELECT_TOGGLE)
        return FALSE;
      g_hash_table_remove (set, item);
      g_ptr_array_remove (list, item);
      return TRUE;
    }
  g_hash_table_add (set, item);
  g_ptr_array_add (list, item);
  return TRUE;
}

void
mg_selection_select_actors (MgSelection *self, GPtrArray *actors, MgSelectMode mode)
{
  gboolean changed = FALSE;

  g_return_if_fail (MG_IS_SELECTION (self));
  g_return_if_fail (actors != NULL);

  if (mode == MG_SELECT_REPLACE)
    {
      /* Nothing to do when it is already exactly that. */
      if (self->relations->len == 0 && self->actors->len == actors->len)
        {
          gboolean same = TRUE;

          for (guint i = 0; same && i < actors->len; i++)
            same = g_hash_table_contains (self->actor_set, g_ptr_array_index (actors, i));
          if (same)
            return;
        }
      changed = clear_all (self);
    }
  for (guint i = 0; i < actors->len; i++)
    changed |= apply_one (self->actors, self->actor_set, g_ptr_array_index (actors, i),
                          mode == MG_SELECT_REPLACE ? MG_SELECT_ADD : mode);
  if (changed)
    emit_changed (self);
}

void
mg_selection_select_actor (MgSelection *self, MgActor *actor, MgSelectMode mode)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();

  g_return_if_fail (MG_IS_SELECTION (self));
  g_return_if_fail (actor != NULL);
  g_ptr_array_add (one, actor);
  mg_selection_select_actors (self, one, mode);
}

void
mg_selection_select_relation (MgSelection *self, MgRelation *relation, MgSelectMode mode)
{
  gboolean changed = FALSE;

  g_return_if_fail (MG_IS_SELECTION (self));
  g_return_if_fail (relation != NULL);

  if (mode == MG_SELECT_REPLACE)
    {
      if (self->actors->len == 0 && self->relations->len == 1 &&
          g_ptr_array_index (self->relations, 0) == relation)
        return;
      changed = clear_all (self);
    }
  changed |= apply_one (self->relations, self->relation_set, relation,
                        mode == MG_SELECT_REPLACE ? MG_SELECT_ADD : mode);
  if (changed)
    emit_changed (self);
}

void
mg_selection_select_all (MgSelection *self)
{
  g_return_if_fail (MG_IS_SELECTION (self));
  mg_selection_select_actors (self, mg_map_get_actors (self->map), MG_SELECT_REPLACE);
}

void
mg_selection_clear (MgSelection *self)
{
  g_return_if_fail (MG_IS_SELECTION (self));
  if (clear_all (self))
    emit_changed (self);
}
