/* mg-document.c — an open map: loading off the main thread, saving,
 * autosave to a recovery copy.  Layouts are in mg-document-layout.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-document-private.h"
#include "mg-atomic-file.h"
#include "mg-graphml.h"
#include "mg-scene-bridge.h"
#include "mg-sheet.h"

/* How long after an edit the recovery copy is written: edits within it
 * are coalesced into one write, and a killed app loses at most about this
 * much (plus the write itself, done off the main thread). */
#define RECOVERY_DELAY_MS 1000

enum {
  PROP_0,
  PROP_STATE,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_LAYOUT_RUNNING,
  PROP_LAYOUT_ENGINE,
  PROP_GROUP_LEVEL,
  N_PROPS
};

enum { MAP_CHANGED, LAYOUT_FINISHED, LAYOUT_NOTES, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgDocument, mg_document, G_TYPE_OBJECT)

/* ---- state ---------------------------------------------------------------- */

static void
set_state (MgDocument *self, MgDocumentState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_title (MgDocument *self)
{
  g_autofree char *title = NULL;
  const char *map_title = self->map ? mg_map_get_title (self->map) : NULL;

  if (map_title != NULL && *map_title != '\0')
    title = g_strdup (map_title);
  else if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);
      char *dot;

      /* "clermont.graphml.gz" reads better as "clermont". */
      if ((dot = strstr (base, ".graphml")) != NULL && dot != base)
        *dot = '\0';
      title = g_filename_display_name (base);
    }
  else
    title = g_strdup (_("Untitled Map"));

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static gboolean write_recovery_cb (gpointer data);

static void
update_modified (MgDocument *self)
{
  gboolean modified = mg_document_get_modified (self);

  if (modified && self->recovery_source == 0 && self->file != NULL)
    self->recovery_source = g_timeout_add (RECOVERY_DELAY_MS, write_recovery_cb, self);
  if (modified == self->was_modified)
    return;
  self->was_modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_undo_changed (MgUndoStack *undo, MgDocument *self)
{
  update_modified (self);
}

static void
on_map_metadata_changed (MgMap *map, MgDocument *self)
{
  update_title (self);
}

static void
set_file (MgDocument *self, GFile *file)
{
  if (file == self->file || (file && self->file && g_file_equal (file, self->file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_title (self);
}

static void
drop_map (MgDocument *self)
{
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->undo);
  g_clear_object (&self->scene);
  g_clear_object (&self->map);
}

void
mg_document_set_clusters (MgDocument *self, const MgLayoutResult *result)
{
  if (result == NULL || self->scene == NULL)
    return;
  mg_scene_bridge_set_clusters (self->scene, result);
}

/* Puts a freshly read map in place (main thread). */
static void
install_map (MgDocument *self, MgMap *map, GFile *file, const MgLayoutResult *layout)
{
  /* A layout of the previous map must not land on this one. */
  self->layout_generation++;
  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  drop_map (self);
  self->map = g_object_ref (map);
  {
    g_autoptr (MgStyle) style = self->dark ? mg_style_new_dark () : mg_style_new ();
    self->scene = mg_scene_new (map, style);
  }
  self->undo = mg_undo_stack_new (map);
  self->selection = mg_selection_new (map);
  self->dirty = FALSE;
  mg_document_set_clusters (self, layout);

  g_signal_connect (self->undo, "changed", G_CALLBACK (on_undo_changed), self);
  g_signal_connect (self->map, "metadata-changed", G_CALLBACK (on_map_metadata_changed), self);

  set_file (self, file);
  update_title (self);
  update_modified (self);
  set_state (self, MG_DOCUMENT_READY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_RUNNING]);
  g_signal_emit (self, signals[MAP_CHANGED], 0);
}

/* ---- loading -------------------------------------------------------------- */

/* From this size on, a map without positions is shown at once in a quick
 * arrangement, and laid out by Graphviz in the background (sfdp takes
 * seconds there). */
#define MG_DOCUMENT_QUICK_MIN_ACTORS 1000

typedef struct {
  char            *path;
  GFile           *file;
  gboolean         from_recovery;
  MgLayoutOptions  options;
  /* results */
  MgMap           *map;
  GPtrArray       *warnings;
  MgLayoutResult  *layout;
  gboolean         refine;  /* quickly arranged: lay out in the background */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_object (&data->file);
  g_clear_object (&data->map);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_clear_pointer (&data->layout, mg_layout_result_free);
  g_free (data);
}

/* On a worker thread.  Until the task returns, the map is known to this
 * thread only, so laying it out here is safe too. */
static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  data->warnings = g_ptr_array_new_with_free_func (g_free);
  /* A spreadsheet read directly takes the guessed columns (the window asks
   * first, with the import dialog). */
  if (!data->from_recovery && mg_sheet_path_is_spreadsheet (data->path))
    data->map = mg_sheet_read_map (data->path, NULL, data->warnings, &error);
  else
    data->map = mg_graphml_read_file (data->path, data->warnings, &error);
  if (data->map == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!mg_map_has_positions (data->map) &&
      mg_map_get_n_actors (data->map) >= MG_DOCUMENT_QUICK_MIN_ACTORS)
    {
      /* Something to show at once: a quick first arrangement, refined by
       * Graphviz in the background once the map is shown. */
      g_autoptr (MgLayoutRequest) request = mg_layout_request_new (data->map, &data->options);
      data->layout = mg_layout_run_quick (request);
      mg_layout_result_apply (data->layout, data->map);
      data->refine = TRUE;
    }
  else if (!mg_map_has_positions (data->map) && mg_map_get_n_actors (data->map) > 0)
    {
      g_autoptr (GError) layout_error = NULL;

      if (!mg_layout_map_sync (data->map, &data->options, &data->layout, &layout_error))
        {
          /* A map that cannot be laid out still opens: say why it looks bare. */
          g_ptr_array_add (data->warnings,
                           g_strdup_printf (_("The map could not be laid out: %s"),
                                            layout_error->message));
        }
      else
        for (guint i = 0; data->layout->messages && i < data->layout->messages->len; i++)
          g_ptr_array_add (data->warnings,
                           g_strdup (g_ptr_array_index (data->layout->messages, i)));
    }
  g_task_return_boolean (task, TRUE);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  MgDocument *self = MG_DOCUMENT (source);
  GTask *outer = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_state (self, self->map ? MG_DOCUMENT_READY : MG_DOCUMENT_FAILED);
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_steal_pointer (&data->warnings);
  /* A map read from a spreadsheet is new and unsaved: saving it must not
   * write GraphML over the spreadsheet. */
  install_map (self, data->map,
               !data->from_recovery && mg_sheet_path_is_spreadsheet (data->path) ? NULL
                                                                                 : data->file,
               data->layout);
  if (data->refine)
    mg_document_refine_layout (self);
  if (data->from_recovery)
    mg_document_mark_modified (self);
  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

void
mg_document_load_async (MgDocument *self, GFile *file, gboolean from_recovery,
                        GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) inner = NULL;
  GTask *outer;
  LoadData *data;

  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, mg_document_load_async);

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->from_recovery = from_recovery;
  data->path = from_recovery ? mg_document_recovery_path_for (file) : g_file_get_path (file);
  mg_layout_options_init (&data->options);
  data->options.engine = self->engine;
  data->options.group_by_territory_level = self->group_level;
  if (data->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      load_data_free (data);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is not a local file"), uri);
      g_object_unref (outer);
      return;
    }

  set_state (self, MG_DOCUMENT_LOADING);
  /* The worker runs in an inner task so that the outer one completes on the
   * main thread after the map is installed. */
  inner = g_task_new (self, cancellable, load_done, outer);
  g_task_set_task_data (inner, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
mg_document_load_finish (MgDocument *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mg_document_set_map (MgDocument *self, MgMap *map, GFile *file)
{
  g_autoptr (MgLayoutResult) layout = NULL;

  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_return_if_fail (MG_IS_MAP (map));

  if (!mg_map_has_positions (map) && mg_map_get_n_actors (map) > 0)
    {
      MgLayoutOptions options;
      g_autoptr (GError) error = NULL;

      mg_layout_options_init (&options);
      options.engine = self->engine;
      options.group_by_territory_level = self->group_level;
      if (!mg_layout_map_sync (map, &options, &layout, &error))
        g_warning ("Cannot lay out the map: %s", error->message);
    }
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  install_map (self, map, file, layout);
}

/* ---- saving ---------------------------------------------------------------- */

gboolean
mg_document_save (MgDocument *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->map != NULL, FALSE);

  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Maps can only be saved to local files"));
      return FALSE;
    }
  if (!mg_graphml_write_file (self->map, path, error))
    return FALSE;

  /* The recovery copy belongs to the old name: it is obsolete now. */
  mg_document_discard_recovery (self);
  set_file (self, file);
  self->dirty = FALSE;
  mg_undo_stack_set_clean (self->undo);
  update_modified (self);
  return TRUE;
}

MgLayoutEngine
mg_document_get_layout_engine (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), MG_LAYOUT_ENGINE_AUTO);
  return self->engine;
}

void
mg_document_set_layout_engine (MgDocument *self, MgLayoutEngine engine)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_return_if_fail (engine < MG_LAYOUT_N_ENGINES);
  if (self->engine == engine)
    return;
  self->engine = engine;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_ENGINE]);
}

guint
mg_document_get_group_level (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), 0);
  return self->group_level;
}

void
mg_document_set_group_level (MgDocument *self, guint level)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  if (self->group_level == level)
    return;
  self->group_level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_LEVEL]);
}


/* ---- layout helpers (mg-document-layout.c) ---- */

void
mg_document_notify_layout_running (MgDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_RUNNING]);
}

void
mg_document_emit_layout_finished (MgDocument *self, const char *message)
{
  g_signal_emit (self, signals[LAYOUT_FINISHED], 0, message);
}

void
mg_document_emit_layout_notes (MgDocument *self, GStrv notes)
{
  g_signal_emit (self, signals[LAYOUT_NOTES], 0, notes);
}

/* ---- recovery ---------------------------------------------------------------- */

char *
mg_document_recovery_path_for (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  uri = g_file_get_uri (file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
  name = g_strconcat (hash, ".graphml", NULL);
  return g_build_filename (g_get_user_state_dir (), "maillage", "recovery", name, NULL);
}

gboolean
mg_document_has_recovery (GFile *file)
{
  g_autofree char *recovery = NULL;
  g_autofree char *path = NULL;
  GStatBuf rec_stat, file_stat;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  recovery = mg_document_recovery_path_for (file);
  if (g_stat (recovery, &rec_stat) != 0)
    return FALSE;
  path = g_file_get_path (file);
  /* A copy older than the file was overtaken by a save elsewhere. */
  if (path != NULL && g_stat (path, &file_stat) == 0 && file_stat.st_mtime > rec_stat.st_mtime)
    return FALSE;
  return TRUE;
}

gboolean
mg_document_write_recovery (MgDocument *self, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (MG_IS_DOCUMENT (self), FALSE);
  if (self->map == NULL || self->file == NULL)
    return TRUE;
  path = mg_document_recovery_path_for (self->file);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return mg_graphml_write_file (self->map, path, error);
}

/* ---- the recovery copy, written by a worker thread ---- */

typedef struct {
  char  *path;
  char  *text;   /* the snapshot: the map serialised when the timer fired */
  gsize  length;
  guint  generation;
} RecoveryWrite;

static void
recovery_write_free (RecoveryWrite *data)
{
  g_free (data->path);
  g_free (data->text);
  g_free (data);
}

static void
recovery_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RecoveryWrite *data = task_data;
  g_autofree char *dir = g_path_get_dirname (data->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               "%s: %s", dir, g_strerror (saved));
      return;
    }
  if (!mg_atomic_file_replace (data->path, data->text, data->length, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_recovery_write (MgDocument *self);

static void
recovery_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  MgDocument *self = MG_DOCUMENT (source);
  RecoveryWrite *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->recovery_running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Cannot write the recovery copy: %s", error->message);
  if (data->generation != self->recovery_generation)
    {
      /* Saved or discarded while it was written: the copy is obsolete. */
      g_remove (data->path);
      return;
    }
  if (self->recovery_again)
    {
      self->recovery_again = FALSE;
      start_recovery_write (self);
    }
}

/* Takes the snapshot now and writes it on a worker thread. */
static void
start_recovery_write (MgDocument *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  RecoveryWrite *data;
  char *text;
  gsize length = 0;

  if (self->map == NULL || self->file == NULL || !mg_document_get_modified (self))
    return;
  if (self->recovery_running)
    {
      self->recovery_again = TRUE;
      return;
    }
  text = mg_graphml_write_to_string (self->map, &length, &error);
  if (text == NULL)
    {
      g_warning ("Cannot write the recovery copy: %s", error->message);
      return;
    }
  data = g_new0 (RecoveryWrite, 1);
  data->path = mg_document_recovery_path_for (self->file);
  data->text = text;
  data->length = length;
  data->generation = self->recovery_generation;
  self->recovery_running = TRUE;
  task = g_task_new (self, NULL, recovery_written, NULL);
  g_task_set_source_tag (task, start_recovery_write);
  g_task_set_task_data (task, data, (GDestroyNotify) recovery_write_free);
  g_task_run_in_thread (task, recovery_thread);
}

static gboolean
write_recovery_cb (gpointer user_data)
{
  MgDocument *self = user_data;

  self->recovery_source = 0;
  start_recovery_write (self);
  return G_SOURCE_REMOVE;
}

void
mg_document_discard_recovery (MgDocument *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  /* A copy being written is removed when it is done. */
  self->recovery_generation++;
  self->recovery_again = FALSE;
  if (self->file == NULL)
    return;
  path = mg_document_recovery_path_for (self->file);
  g_remove (path);
}

/* ---- accessors ---------------------------------------------------------------- */

MgDocumentState
mg_document_get_state (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), MG_DOCUMENT_EMPTY);
  return self->state;
}

MgMap *
mg_document_get_map (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->map;
}

MgScene *
mg_document_get_scene (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->scene;
}

MgUndoStack *
mg_document_get_undo_stack (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->undo;
}

MgSelection *
mg_document_get_selection (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->selection;
}

GFile *
mg_document_get_file (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
mg_document_get_title (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->title;
}

gboolean
mg_document_get_modified (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), FALSE);
  if (self->undo == NULL)
    return FALSE;
  return self->dirty || !mg_undo_stack_is_clean (self->undo);
}

void
mg_document_mark_modified (MgDocument *self)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  self->dirty = TRUE;
  update_modified (self);
}

GPtrArray *
mg_document_get_warnings (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  return self->warnings;
}

void
mg_document_set_warnings (MgDocument *self, GPtrArray *warnings)
{
  g_return_if_fail (MG_IS_DOCUMENT (self));
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (warnings, i)));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
mg_document_dispose (GObject *object)
{
  MgDocument *self = MG_DOCUMENT (object);

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  drop_map (self);
  G_OBJECT_CLASS (mg_document_parent_class)->dispose (object);
}

static void
mg_document_finalize (GObject *object)
{
  MgDocument *self = MG_DOCUMENT (object);

  g_clear_object (&self->file);
  g_free (self->title);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  G_OBJECT_CLASS (mg_document_parent_class)->finalize (object);
}

static void
mg_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MgDocument *self = MG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STATE:          g_value_set_int (value, self->state); break;
    case PROP_FILE:           g_value_set_object (value, self->file); break;
    case PROP_TITLE:          g_value_set_string (value, self->title); break;
    case PROP_MODIFIED:       g_value_set_boolean (value, mg_document_get_modified (self)); break;
    case PROP_LAYOUT_RUNNING: g_value_set_boolean (value, mg_document_get_layout_running (self)); break;
    case PROP_LAYOUT_ENGINE:  g_value_set_uint (value, self->engine); break;
    case PROP_GROUP_LEVEL:    g_value_set_uint (value, self->group_level); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MgDocument *self = MG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LAYOUT_ENGINE:
      mg_document_set_layout_engine (self, g_value_get_uint (value));
      break;
    case PROP_GROUP_LEVEL:
      mg_document_set_group_level (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_document_class_init (MgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_document_dispose;
  object_class->finalize = mg_document_finalize;
  object_class->get_property = mg_document_get_property;
  object_class->set_property = mg_document_set_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, MG_DOCUMENT_EMPTY, MG_DOCUMENT_FAILED,
                      MG_DOCUMENT_EMPTY,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT_RUNNING] =
    g_param_spec_boolean ("layout-running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT_ENGINE] =
    g_param_spec_uint ("layout-engine", NULL, NULL, 0, MG_LAYOUT_N_ENGINES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_LEVEL] =
    g_param_spec_uint ("group-level", NULL, NULL, 0, 3, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MAP_CHANGED] =
    g_signal_new ("map-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LAYOUT_FINISHED] =
    g_signal_new ("layout-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[LAYOUT_NOTES] =
    g_signal_new ("layout-notes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
mg_document_init (MgDocument *self)
{
  self->engine = MG_LAYOUT_ENGINE_AUTO;
  self->title = g_strdup (_("Untitled Map"));
}

MgDocument *
mg_document_new (void)
{
  return g_object_new (MG_TYPE_DOCUMENT, NULL);
}
