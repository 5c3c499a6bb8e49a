/* bench-app — the application on a 20,000-actor map, under a display (run
 * it through xvfb-run):
 *
 *   - open to first frame: reading (worker thread), scene, first drawing;
 *   - frame time while panning and zooming (target ≤ 16 ms), whole map in
 *     view and zoomed in: the frame clock's update/layout/paint phases;
 *   - a role set on 1,000 selected actors through the inspector
 *     (target ≤ 50 ms), and until that change is on screen.
 *
 *   bench-app [--actors N] [--relations N] [--frames N]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>

#include "mg-application.h"
#include "mg-window.h"
#include "synth-map.h"

static gint64 paint_start;
static GArray *paint_times; /* double, ms */
static GArray *draw_times;  /* double, ms: the canvas's own drawing */
static guint paints;

static void
on_frame_drawn (MgCanvas *canvas, double ms, gpointer data)
{
  if (draw_times != NULL)
    g_array_append_val (draw_times, ms);
}

static void
on_before_paint (GdkFrameClock *clock, gpointer data)
{
  paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  double ms = (g_get_monotonic_time () - paint_start) / 1000.0;

  if (paint_times != NULL)
    g_array_append_val (paint_times, ms);
  paints++;
}

static void
wait_paint (guint after)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (paints <= after && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (paints <= after)
    g_error ("no frame painted within a minute");
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *what, GArray *times)
{
  double sum = 0;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  g_print ("  %-34s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   mean %6.2f ms  (%u frames)\n",
           what, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, (guint) ceil (times->len * 0.95) - 1)),
           g_array_index (times, double, times->len - 1), sum / times->len, times->len);
}

typedef enum { PAN, ZOOM } Motion;

static void
measure_motion (MgCanvas *canvas, Motion motion, guint frames, const char *what)
{
  MgCanvasViewport *viewport = mg_canvas_get_viewport (canvas);
  double w = gtk_widget_get_width (GTK_WIDGET (canvas));
  double h = gtk_widget_get_height (GTK_WIDGET (canvas));

  paint_times = g_array_new (FALSE, FALSE, sizeof (double));
  draw_times = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < frames; i++)
    {
      guint before = paints;

      if (motion == PAN)
        mg_canvas_viewport_pan (viewport, (i / 20) % 2 ? -15 : 15, (i / 10) % 2 ? 8 : -8);
      else
        mg_canvas_viewport_zoom_at (viewport, (i / 15) % 2 ? 1 / 1.06 : 1.06, w * 0.4, h * 0.6);
      wait_paint (before);
    }
  report (what, paint_times);
  {
    g_autofree char *label = g_strdup_printf ("  of which the canvas's drawing");
    report (label, draw_times);
  }
  g_clear_pointer (&paint_times, g_array_unref);
  g_clear_pointer (&draw_times, g_array_unref);
}

static gboolean
document_ready (MgDocument *document)
{
  MgDocumentState state = mg_document_get_state (document);
  return state == MG_DOCUMENT_READY || state == MG_DOCUMENT_FAILED;
}

int
main (int argc, char *argv[])
{
  SynthOptions synth = SYNTH_OPTIONS_INIT;
  gint actors = 20000, relations = 60000, frames = 120;
  gboolean no_cache = FALSE, no_positions = FALSE;
  const GOptionEntry entries[] = {
    { "actors", 'a', 0, G_OPTION_ARG_INT, &actors, "Actors (default 20000)", "N" },
    { "relations", 'r', 0, G_OPTION_ARG_INT, &relations, "Relations (default 60000)", "N" },
    { "frames", 'f', 0, G_OPTION_ARG_INT, &frames, "Frames per motion (default 120)", "N" },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache, "Draw every frame afresh (no image kept while moving)", NULL },
    { "no-positions", 0, 0, G_OPTION_ARG_NONE, &no_positions, "A map without positions: time the quick arrangement and the layout behind it", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time the application on a large map");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (MgApplication) app = NULL;
  MgWindow *window;
  MgDocument *document;
  MgCanvas *canvas;
  GdkFrameClock *clock;
  gint64 start, loaded, drawn;
  guint before;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-app: %s\n", error->message);
      return 2;
    }
  /* Under Xvfb, GL is software (llvmpipe) and costs ~130 ms a frame by
   * itself: measure the application with GTK's cairo renderer unless told
   * otherwise. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (no_cache)
    g_setenv ("MAILLAGE_CANVAS_CACHE", "0", TRUE);
  if (!gtk_init_check ())
    {
      g_print ("bench-app: no display (run it through xvfb-run); skipped\n");
      return 77;
    }

  dir = g_dir_make_tmp ("bench-app-XXXXXX", NULL);
  path = g_build_filename (dir, "synthetic.graphml", NULL);
  synth.n_actors = actors;
  synth.n_relations = relations;
  synth.positions = !no_positions;
  if (!synth_map_write (&synth, path, &error))
    g_error ("%s", error->message);
  file = g_file_new_for_path (path);

  app = mg_application_new_for_tests ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));
  window = mg_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  document = mg_window_get_document (window);
  canvas = mg_window_get_canvas (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  g_signal_connect (canvas, "frame-drawn", G_CALLBACK (on_frame_drawn), NULL);

  g_print ("bench-app: %d actors, %d relations, renderer %s, canvas %s\n", actors, relations,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           no_cache ? "drawn afresh every frame" : "drawn afresh when still, image kept while moving");

  /* ---- open to first frame ---- */
  start = g_get_monotonic_time ();
  mg_window_open_file (window, file);
  while (!document_ready (document))
    g_main_context_iteration (NULL, TRUE);
  loaded = g_get_monotonic_time ();
  if (mg_document_get_state (document) != MG_DOCUMENT_READY)
    g_error ("the map did not load");
  {
    guint frames_before = mg_canvas_get_frame_count (canvas);

    before = paints;
    while (mg_canvas_get_frame_count (canvas) == frames_before || paints == before)
      g_main_context_iteration (NULL, TRUE);
  }
  drawn = g_get_monotonic_time ();
  g_print ("open to first frame:                 %8.1f ms  (read + scene %.1f ms, first frame %.1f ms)\n",
           (drawn - start) / 1000.0, (loaded - start) / 1000.0, (drawn - loaded) / 1000.0);
  if (no_positions)
    {
      /* The quick arrangement is on screen; Graphviz refines it behind. */
      while (mg_document_get_layout_running (document))
        g_main_context_iteration (NULL, TRUE);
      g_print ("open to refined layout on screen:    %8.1f ms\n",
               (g_get_monotonic_time () - start) / 1000.0);
    }

  /* ---- panning and zooming ---- */
  g_print ("frame time (update + layout + paint), target ≤ 16 ms:\n");
  mg_canvas_zoom_to_fit (canvas);
  measure_motion (canvas, PAN, frames, "pan, whole map in view");
  mg_canvas_zoom_to_fit (canvas);
  measure_motion (canvas, ZOOM, frames, "zoom, whole map in view");
  mg_canvas_zoom_by (canvas, 8);
  measure_motion (canvas, PAN, frames, "pan, zoomed in ×8");
  measure_motion (canvas, ZOOM, frames, "zoom, zoomed in ×8");
  mg_canvas_zoom_by (canvas, 6);
  measure_motion (canvas, PAN, frames, "pan, zoomed in ×48 (labels)");

  /* ---- a role on 1,000 selected actors ---- */
  {
    MgMap *map = mg_document_get_map (document);
    g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
    GPtrArray *all = mg_map_get_actors (map);
    gint64 t0, t1;
    guint n_set = 0;

    mg_canvas_zoom_to_fit (canvas);
    for (guint i = 0; i < all->len && chosen->len < 1000; i += 7)
      g_ptr_array_add (chosen, g_ptr_array_index (all, i));
    mg_selection_select_actors (mg_document_get_selection (document), chosen, MG_SELECT_REPLACE);
    before = paints;
    wait_paint (before);

    before = paints;
    t0 = g_get_monotonic_time ();
    mg_inspector_choose_role (mg_window_get_inspector (window), "financier");
    t1 = g_get_monotonic_time ();
    wait_paint (before);
    for (guint i = 0; i < chosen->len; i++)
      n_set += g_strcmp0 (((MgActor *) g_ptr_array_index (chosen, i))->role, "financier") == 0;
    g_print ("role on %u selected actors:           %8.1f ms  (target ≤ 50 ms; on screen after %.1f ms; %u set)\n",
             chosen->len, (t1 - t0) / 1000.0, (g_get_monotonic_time () - t0) / 1000.0, n_set);

    t0 = g_get_monotonic_time ();
    mg_undo_stack_undo (mg_document_get_undo_stack (document));
    g_print ("undo of it:                           %8.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  }

  mg_document_discard_recovery (document);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_application_release (G_APPLICATION (app));
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
