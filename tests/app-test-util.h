/* app-test-util.h — helpers shared by the in-process GUI tests: run the
 * main loop until a condition holds (with a timeout that fails the test),
 * open a map in a window and wait for its first frame, close a window.
 * Each test program includes it once and owns the `app` it declares. */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mg-application.h"
#include "mg-window.h"

#define TIMEOUT_SECONDS 30

static MgApplication *app;
static char *tmp_dir;

/* ---- helpers ---------------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static G_GNUC_UNUSED gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test after
 * TIMEOUT_SECONDS. */
static G_GNUC_UNUSED void
wait_until (Condition condition, gpointer data, const char *what)
{
  gboolean timed_out = FALSE;
  const char *env = g_getenv ("MAILLAGE_TEST_TIMEOUT"); /* longer under valgrind */
  guint seconds = env ? (guint) g_ascii_strtoull (env, NULL, 10) : TIMEOUT_SECONDS;
  guint source = g_timeout_add_seconds (MAX (seconds, 1), on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (source);
}

static G_GNUC_UNUSED gboolean
document_ready (gpointer data)
{
  MgDocument *document = mg_window_get_document (data);
  return mg_document_get_state (document) == MG_DOCUMENT_READY ||
         mg_document_get_state (document) == MG_DOCUMENT_FAILED;
}

typedef struct {
  MgCanvas *canvas;
  guint     frames;
} FrameWait;

static G_GNUC_UNUSED gboolean
frame_drawn_since (gpointer data)
{
  FrameWait *wait = data;
  return mg_canvas_get_frame_count (wait->canvas) > wait->frames;
}

/* Waits for the canvas to draw a frame after now. */
static G_GNUC_UNUSED void
wait_for_frame (MgCanvas *canvas)
{
  FrameWait wait = { canvas, mg_canvas_get_frame_count (canvas) };

  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  wait_until (frame_drawn_since, &wait, "a frame");
}

/* Lets idle handlers and pending redraws run (bounded: an animation may
 * keep the loop busy for ever). */
static G_GNUC_UNUSED void
flush_events (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static G_GNUC_UNUSED MgWindow *
open_map (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  MgWindow *window = mg_application_open_file (app, file);

  g_assert_nonnull (window);
  wait_until (document_ready, window, "the map to load");
  g_assert_cmpint (mg_document_get_state (mg_window_get_document (window)), ==, MG_DOCUMENT_READY);
  wait_for_frame (mg_window_get_canvas (window));
  return window;
}

static G_GNUC_UNUSED MgWindow *
open_example (void)
{
  g_autofree char *path = mg_window_find_example_map ();

  g_assert_nonnull (path);
  return open_map (path);
}

static G_GNUC_UNUSED gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes without asking (discarding changes), and waits until it is gone. */
static G_GNUC_UNUSED void
destroy_window (MgWindow *window)
{
  gpointer weak = window;

  MgDocument *document = mg_window_get_document (window);
  GFile *file = mg_document_get_file (document);
  g_autofree char *recovery = file != NULL ? mg_document_recovery_path_for (file) : NULL;
  gint64 end;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  mg_document_discard_recovery (document);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (window_gone, &weak, "the window to go");
  /* A recovery copy being written when the window went is removed when its
   * worker is done: let that happen, so that the next test opening the
   * same map is not asked about it. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (recovery != NULL && g_file_test (recovery, G_FILE_TEST_EXISTS) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Removes @path and everything below it (the test's scratch folder). */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

/* Prepares a GUI test program: FALSE (after printing a TAP skip) when there
 * is no display — run the gui suite through xvfb-run.  Keeps the user's
 * state and recent files out of the tests, and makes `app`, held alive
 * between windows. */
static G_GNUC_UNUSED gboolean
app_test_setup (int *argc, char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  tmp_dir = g_dir_make_tmp ("maillage-test-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  gtk_test_init (argc, argv, NULL);

  app = mg_application_new_for_tests ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  return TRUE;
}

static G_GNUC_UNUSED void
app_test_teardown (void)
{
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}
