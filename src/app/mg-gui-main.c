/* mg-gui-main.c — the entry of the window module (libmaillage-gui.so).
 *
 * src/main.c loads this module only once the command line asked for a window,
 * so that `maillage --export …` and the other command-line actions never load
 * GTK and libadwaita (about 80 libraries and their constructors). */
#include "config.h"

#include <epoxy/gl.h>
#include <gmodule.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mg-application.h"

/* TRUE when this machine has a GPU render node (/dev/dri/renderD*). */
static gboolean
has_render_node (void)
{
  g_autoptr (GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

/* The OpenGL renderer's name, when a context can be made; else NULL. */
static char *
gl_renderer_name (void)
{
  GdkDisplay *display;
  g_autoptr (GdkGLContext) context = NULL;
  char *name = NULL;

  if (!gtk_init_check () || (display = gdk_display_get_default ()) == NULL)
    return NULL;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  const char *renderer = (const char *) glGetString (GL_RENDERER);
  name = g_strdup (renderer != NULL ? renderer : "");
  gdk_gl_context_clear_current ();
  return name;
}

/* Without a GPU (virtual machines, remote desktops, basic drivers) GTK's
 * OpenGL renderer runs in software (llvmpipe): every frame costs the CPU
 * far more than cairo does, and memory besides.  The canvas draws the map
 * with cairo anyway: take GTK's cairo renderer there, unless the user
 * chose one (GSK_RENDERER). */
static void
choose_renderer (void)
{
  g_autofree char *gl = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (g_getenv ("LIBGL_ALWAYS_SOFTWARE") != NULL || !has_render_node ())
    {
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      return;
    }
  gl = gl_renderer_name ();
  if (gl != NULL && (strstr (gl, "llvmpipe") != NULL || strstr (gl, "softpipe") != NULL ||
                     strstr (gl, "Software") != NULL || strstr (gl, "SWR") != NULL))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
}

/* The module's only exported symbol, looked up by name by src/main.c.
 * Runs the window application with the program's original arguments. */
G_MODULE_EXPORT int mg_gui_main (int argc, char **argv);

int
mg_gui_main (int argc, char **argv)
{
  g_autoptr (MgApplication) app = NULL;

  g_return_val_if_fail (argc >= 0, 1);

  choose_renderer ();
  app = mg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
