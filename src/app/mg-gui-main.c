/* mg-gui-main.c — the entry of the window module (libmaillage-gui.so).
 *
 * src/main.c loads this module only once the command line asked for a window,
 * so that `maillage --export …` and the other command-line actions never load
 * GTK and libadwaita (about 80 libraries and their constructors). */
#include "config.h"

#include <gmodule.h>

#include "mg-application.h"

/* The module's only exported symbol, looked up by name by src/main.c.
 * Runs the window application with the program's original arguments. */
G_MODULE_EXPORT int mg_gui_main (int argc, char **argv);

int
mg_gui_main (int argc, char **argv)
{
  g_autoptr (MgApplication) app = NULL;

  g_return_val_if_fail (argc >= 0, 1);

  app = mg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
