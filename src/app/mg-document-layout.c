/* mg-document-layout.c — laying the map out again off the main thread:
 * a request made here, Graphviz on a worker, the result applied here as
 * one undoable step; a newer layout makes older results stale. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-document-private.h"

typedef struct {
  guint generation;
  MgLayoutRequest *request;
  gboolean refine;   /* after the quick first arrangement: not undoable */
  double *before;    /* positions when asked, x,y by actor index */
  guint n_before;
} LayoutData;

static void
layout_data_free (LayoutData *data)
{
  g_clear_pointer (&data->request, mg_layout_request_free);
  g_free (data->before);
  g_free (data);
}

/* Actors the user moved while the layout ran keep their place, as pinned
 * ones do. */
static void
keep_moved (MgDocument *self, LayoutData *data, MgLayoutResult *result)
{
  GPtrArray *actors = mg_map_get_actors (self->map);

  for (guint i = 0; i < result->n_actors; i++)
    {
      MgLayoutActor *la = &result->actors[i];
      MgActor *actor = i < actors->len ? g_ptr_array_index (actors, i) : NULL;

      if (actor == NULL || g_strcmp0 (actor->id, la->id) != 0)
        actor = mg_map_lookup_actor (self->map, la->id);
      if (actor == NULL || actor->index >= data->n_before)
        continue;
      if (actor->has_position && (actor->x != data->before[2 * actor->index] ||
                                  actor->y != data->before[2 * actor->index + 1]))
        la->pinned = TRUE;
    }
}

static void
layout_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LayoutData *data = task_data;
  GError *error = NULL;
  MgLayoutResult *result = mg_layout_run (data->request, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) mg_layout_result_free);
}

static void
emit_notes (MgDocument *self, GPtrArray *messages)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) notes = NULL;

  if (messages == NULL || messages->len == 0)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < messages->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (messages, i));
  notes = g_strv_builder_end (builder);
  mg_document_emit_layout_notes (self, notes);
}

static void
layout_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  MgDocument *self = MG_DOCUMENT (source);
  LayoutData *data = g_task_get_task_data (G_TASK (res));
  g_autoptr (MgLayoutResult) result = NULL;
  g_autoptr (GError) error = NULL;
  MgGeometrySnapshot *before;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  /* A newer layout, or another map, made this one stale. */
  if (data->generation != self->layout_generation || self->map == NULL)
    return;
  g_clear_object (&self->layout_cancellable);
  mg_document_notify_layout_running (self);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mg_document_emit_layout_finished (self, error->message);
      return;
    }
  keep_moved (self, data, result);
  if (data->refine)
    mg_layout_result_apply (result, self->map);
  else
    {
      /* Taken just before applying, so that it holds only live relations. */
      before = mg_geometry_snapshot_new (self->map);
      mg_layout_result_apply (result, self->map);
      mg_undo_record_geometry (self->undo, before, N_("Lay out"));
    }
  mg_document_set_clusters (self, result);
  emit_notes (self, result->messages);
  mg_document_emit_layout_finished (self, NULL);
}

static void
start_layout (MgDocument *self, gboolean refine)
{
  MgLayoutOptions options;
  g_autoptr (GTask) task = NULL;
  g_autofree char *reason = NULL;
  LayoutData *data;

  if (self->map == NULL)
    return;

  mg_layout_options_init (&options);
  options.engine = self->engine;
  options.group_by_territory_level = self->group_level;
  options.keep_pinned = TRUE;

  data = g_new0 (LayoutData, 1);
  data->refine = refine;
  data->request = mg_layout_request_new (self->map, &options);
  {
    GPtrArray *actors = mg_map_get_actors (self->map);
    data->n_before = actors->len;
    data->before = g_new (double, 2 * MAX (actors->len, 1));
    for (guint i = 0; i < actors->len; i++)
      {
        MgActor *actor = g_ptr_array_index (actors, i);
        data->before[2 * i] = actor->x;
        data->before[2 * i + 1] = actor->y;
      }
  }
  mg_layout_request_get_engine (data->request, &reason);
  if (reason != NULL)
    {
      /* Refused before anything starts: say so, change nothing. */
      layout_data_free (data);
      mg_document_emit_layout_finished (self, reason);
      return;
    }

  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  self->layout_cancellable = g_cancellable_new ();
  data->generation = ++self->layout_generation;

  task = g_task_new (self, self->layout_cancellable, layout_done, NULL);
  g_task_set_source_tag (task, mg_document_relayout);
  g_task_set_task_data (task, data, (GDestroyNotify) layout_data_free);
  g_task_run_in_thread (task, layout_thread);
  mg_document_notify_layout_running (self);
}

void
mg_document_relayout (MgDocument *self)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  start_layout (self, FALSE);
}

void
mg_document_refine_layout (MgDocument *self)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  start_layout (self, TRUE);
}

gboolean
mg_document_get_layout_running (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), FALSE);
  return self->layout_cancellable != NULL;
}

