/* mg-undo.c — the undo stack: a list of applied commands, a position in it,
 * a clean point, groups, and relation handles. */
#include "config.h"

#include "mg-undo-private.h"

struct _MgUndoStack {
  GObject     parent_instance;

  MgMap      *map;
  GPtrArray  *commands;    /* MgUndoCommand*, owned; [0, position) applied */
  guint       position;
  gint64      clean_index; /* position at the last save, -1 when unreachable */

  GPtrArray  *open_groups; /* MgUndoCommand* (groups) being filled */

  GHashTable *handles;     /* MgRelation* → MgRelationHandle* (ref) */
  gulong      removed_id;

  char       *new_provenance; /* given to actors and relations added */
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CLEAN,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum { CHANGED, BATCH_BEGIN, BATCH_END, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgUndoStack, mg_undo_stack, G_TYPE_OBJECT)

/* ---- handles ------------------------------------------------------------ */

MgRelationHandle *
mg_relation_handle_ref (MgRelationHandle *handle)
{
  g_atomic_ref_count_inc (&handle->ref_count);
  return handle;
}

void
mg_relation_handle_unref (MgRelationHandle *handle)
{
  if (handle != NULL && g_atomic_ref_count_dec (&handle->ref_count))
    g_free (handle);
}

MgRelationHandle *
mg_undo_stack_get_handle (MgUndoStack *stack, MgRelation *relation)
{
  MgRelationHandle *handle = g_hash_table_lookup (stack->handles, relation);

  if (handle == NULL)
    {
      handle = g_new0 (MgRelationHandle, 1);
      g_atomic_ref_count_init (&handle->ref_count);
      handle->relation = relation;
      g_hash_table_insert (stack->handles, relation, handle);
    }
  return mg_relation_handle_ref (handle);
}

void
mg_undo_stack_rebind_handle (MgUndoStack *stack, MgRelationHandle *handle,
                             MgRelation *relation)
{
  g_assert (handle->relation == NULL);
  handle->relation = relation;
  g_hash_table_insert (stack->handles, relation, mg_relation_handle_ref (handle));
}

/* A relation is going away (through a command or not): its handle stops
 * pointing at the freed struct. */
static void
on_relation_removed (MgMap *map, MgRelation *relation, MgUndoStack *self)
{
  MgRelationHandle *handle = g_hash_table_lookup (self->handles, relation);

  if (handle == NULL)
    return;
  handle->relation = NULL;
  g_hash_table_remove (self->handles, relation);
}

/* ---- groups -------------------------------------------------------------- */

typedef struct {
  MgUndoCommand parent;
  GPtrArray    *children; /* MgUndoCommand*, in order applied */
} GroupCommand;

static void
group_apply (MgUndoCommand *command, MgUndoStack *stack)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = 0; i < self->children->len; i++)
    {
      MgUndoCommand *child = g_ptr_array_index (self->children, i);
      child->apply (child, stack);
    }
}

static void
group_revert (MgUndoCommand *command, MgUndoStack *stack)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = self->children->len; i > 0; i--)
    {
      MgUndoCommand *child = g_ptr_array_index (self->children, i - 1);
      child->revert (child, stack);
    }
}

static void
group_free (MgUndoCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;

  g_ptr_array_unref (self->children);
}

void
mg_undo_command_free (MgUndoCommand *command)
{
  if (command == NULL)
    return;
  if (command->free != NULL)
    command->free (command);
  g_free (command->label);
  g_free (command);
}

/* ---- the stack ------------------------------------------------------------ */

/* Runs the command's apply or revert, between "batch-begin" and
 * "batch-end" when it touches many items. */
static void
run_command (MgUndoStack *stack, MgUndoCommand *command, gboolean forward)
{
  gboolean batch = command->n_items >= MG_UNDO_BATCH_THRESHOLD;

  if (batch)
    g_signal_emit (stack, signals[BATCH_BEGIN], 0, command->n_items);
  if (forward)
    command->apply (command, stack);
  else
    command->revert (command, stack);
  if (batch)
    g_signal_emit (stack, signals[BATCH_END], 0, command->n_items);
}

static void
notify_all (MgUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mg_undo_stack_push_applied (MgUndoStack *stack, MgUndoCommand *command, gboolean apply)
{
  if (apply)
    run_command (stack, command, TRUE);

  if (stack->open_groups->len > 0)
    {
      GroupCommand *group = g_ptr_array_index (stack->open_groups, stack->open_groups->len - 1);
      g_ptr_array_add (group->children, command);
      group->parent.n_items += command->n_items;
      return;
    }

  /* A new edit forgets what could be redone; if the saved state was up
   * there, it cannot be reached any more. */
  if (stack->position < stack->commands->len)
    {
      if (stack->clean_index > (gint64) stack->position)
        stack->clean_index = -1;
      g_ptr_array_remove_range (stack->commands, stack->position,
                                stack->commands->len - stack->position);
    }
  g_ptr_array_add (stack->commands, command);
  stack->position = stack->commands->len;
  notify_all (stack);
}

void
mg_undo_stack_begin_group (MgUndoStack *stack, const char *label)
{
  GroupCommand *group;

  g_return_if_fail (MG_IS_UNDO_STACK (stack));
  group = g_new0 (GroupCommand, 1);
  group->parent.apply = group_apply;
  group->parent.revert = group_revert;
  group->parent.free = group_free;
  group->parent.label = g_strdup (label);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_undo_command_free);
  g_ptr_array_add (stack->open_groups, group);
}

void
mg_undo_stack_end_group (MgUndoStack *stack)
{
  GroupCommand *group;

  g_return_if_fail (MG_IS_UNDO_STACK (stack));
  g_return_if_fail (stack->open_groups->len > 0);

  group = g_ptr_array_steal_index (stack->open_groups, stack->open_groups->len - 1);
  if (group->children->len == 0)
    {
      mg_undo_command_free (&group->parent);
      return;
    }
  /* A group of one is that one command, under the group's label. */
  if (group->children->len == 1)
    {
      MgUndoCommand *only = g_ptr_array_steal_index (group->children, 0);

      if (group->parent.label != NULL)
        {
          g_free (only->label);
          only->label = g_strdup (group->parent.label);
        }
      mg_undo_command_free (&group->parent);
      mg_undo_stack_push_applied (stack, only, FALSE);
      return;
    }
  mg_undo_stack_push_applied (stack, &group->parent, FALSE);
}

gboolean
mg_undo_stack_undo (MgUndoStack *stack)
{
  MgUndoCommand *command;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (stack->open_groups->len == 0, FALSE);
  if (stack->position == 0)
    return FALSE;
  command = g_ptr_array_index (stack->commands, stack->position - 1);
  run_command (stack, command, FALSE);
  stack->position--;
  notify_all (stack);
  return TRUE;
}

gboolean
mg_undo_stack_redo (MgUndoStack *stack)
{
  MgUndoCommand *command;

  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (stack->open_groups->len == 0, FALSE);
  if (stack->position >= stack->commands->len)
    return FALSE;
  command = g_ptr_array_index (stack->commands, stack->position);
  run_command (stack, command, TRUE);
  stack->position++;
  notify_all (stack);
  return TRUE;
}

gboolean
mg_undo_stack_can_undo (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  return stack->position > 0;
}

gboolean
mg_undo_stack_can_redo (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), FALSE);
  return stack->position < stack->commands->len;
}

const char *
mg_undo_stack_get_undo_label (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), NULL);
  if (stack->position == 0)
    return NULL;
  return ((MgUndoCommand *) g_ptr_array_index (stack->commands, stack->position - 1))->label;
}

const char *
mg_undo_stack_get_redo_label (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), NULL);
  if (stack->position >= stack->commands->len)
    return NULL;
  return ((MgUndoCommand *) g_ptr_array_index (stack->commands, stack->position))->label;
}

guint
mg_undo_stack_get_depth (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), 0);
  return stack->position;
}

void
mg_undo_stack_set_clean (MgUndoStack *stack)
{
  g_return_if_fail (MG_IS_UNDO_STACK (stack));
  stack->clean_index = stack->position;
  g_object_notify_by_pspec (G_OBJECT (stack), properties[PROP_CLEAN]);
  g_signal_emit (stack, signals[CHANGED], 0);
}

gboolean
mg_undo_stack_is_clean (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), TRUE);
  return stack->clean_index == (gint64) stack->position;
}

void
mg_undo_stack_clear (MgUndoStack *stack)
{
  gboolean was_clean;

  g_return_if_fail (MG_IS_UNDO_STACK (stack));
  was_clean = mg_undo_stack_is_clean (stack);
  g_ptr_array_set_size (stack->commands, 0);
  stack->position = 0;
  stack->clean_index = was_clean ? 0 : -1;
  notify_all (stack);
}

MgMap *
mg_undo_stack_get_map (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), NULL);
  return stack->map;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
mg_undo_stack_dispose (GObject *object)
{
  MgUndoStack *self = MG_UNDO_STACK (object);

  if (self->map != NULL)
    {
      g_clear_signal_handler (&self->removed_id, self->map);
      g_clear_object (&self->map);
    }
  G_OBJECT_CLASS (mg_undo_stack_parent_class)->dispose (object);
}

static void
mg_undo_stack_finalize (GObject *object)
{
  MgUndoStack *self = MG_UNDO_STACK (object);

  g_ptr_array_unref (self->open_groups);
  g_ptr_array_unref (self->commands);
  g_hash_table_unref (self->handles);
  g_free (self->new_provenance);
  G_OBJECT_CLASS (mg_undo_stack_parent_class)->finalize (object);
}

void
mg_undo_stack_set_new_provenance (MgUndoStack *stack, const char *provenance)
{
  g_return_if_fail (MG_IS_UNDO_STACK (stack));

  g_free (stack->new_provenance);
  stack->new_provenance = provenance != NULL && *provenance != '\0' ? g_strdup (provenance) : NULL;
}

const char *
mg_undo_stack_get_new_provenance (MgUndoStack *stack)
{
  g_return_val_if_fail (MG_IS_UNDO_STACK (stack), NULL);
  return stack->new_provenance;
}

static void
mg_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgUndoStack *self = MG_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mg_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mg_undo_stack_can_redo (self));
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, mg_undo_stack_is_clean (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, mg_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, mg_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_undo_stack_class_init (MgUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_undo_stack_dispose;
  object_class->finalize = mg_undo_stack_finalize;
  object_class->get_property = mg_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLEAN] =
    g_param_spec_boolean ("clean", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[BATCH_BEGIN] =
    g_signal_new ("batch-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[BATCH_END] =
    g_signal_new ("batch-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
mg_undo_stack_init (MgUndoStack *self)
{
  self->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_undo_command_free);
  self->open_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_undo_command_free);
  self->handles = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) mg_relation_handle_unref);
  self->clean_index = 0;
}

MgUndoStack *
mg_undo_stack_new (MgMap *map)
{
  MgUndoStack *self;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);
  self = g_object_new (MG_TYPE_UNDO_STACK, NULL);
  self->map = g_object_ref (map);
  self->removed_id = g_signal_connect (map, "relation-removed",
                                       G_CALLBACK (on_relation_removed), self);
  return self;
}
