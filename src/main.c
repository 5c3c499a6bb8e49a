/* main.c — Maillage.  Everything lives in the libraries the tests link.
 *
 * The command line runs with core only (mg_cli_main); GTK and libadwaita are
 * loaded, with the window module, only when a window is wanted.  Loading them
 * costs about 20 ms of dynamic linking that `maillage --export` does not need. */
#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mg-cli.h"

typedef int (*GuiMainFunc) (int argc, char **argv);

/* Opens the window module: $MAILLAGE_GUI_MODULE, else the build tree (next to
 * the executable), else the installed one.  NULL with *@error_message set
 * (the last failure) when none loads. */
static GModule *
open_gui_module (char **error_message)
{
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("MAILLAGE_GUI_MODULE");

  g_assert (error_message != NULL);
  if (env != NULL && *env != '\0')
    g_ptr_array_add (candidates, g_strdup (env));
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *in_build = g_build_filename (dir, "app", MG_GUI_MODULE_NAME, NULL);

      /* Only in a build tree: do not report a missing file there as the error. */
      if (g_file_test (in_build, G_FILE_TEST_EXISTS))
        g_ptr_array_add (candidates, g_steal_pointer (&in_build));
    }
  g_ptr_array_add (candidates, g_build_filename (MG_GUI_MODULE_DIR, MG_GUI_MODULE_NAME, NULL));

  for (guint i = 0; i < candidates->len; i++)
    {
      /* Local: its own symbols stay its own; core is the shared library
       * this executable has loaded already (one copy per process). */
      GModule *module = g_module_open (g_ptr_array_index (candidates, i), G_MODULE_BIND_LOCAL);

      if (module != NULL)
        return module;
      g_free (*error_message);
      *error_message = g_strdup (g_module_error ());
      /* An explicit module that does not load is an error, not a hint. */
      if (env != NULL && *env != '\0' && i == 0)
        break;
    }
  return NULL;
}

/* Where the translations are: in a build tree (the window module beside the
 * executable, as open_gui_module finds it) the .mo files meson built under
 * <build>/po, else the install prefix's.  Without our catalogue GLib also
 * leaves GTK's and libadwaita's strings untranslated (g_dgettext only
 * translates libraries when the program's own domain is translated). */
static char *
find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *module = g_build_filename (dir, "app", MG_GUI_MODULE_NAME, NULL);
      g_autofree char *po = g_build_filename (dir, "..", "po", NULL);

      if (g_file_test (module, G_FILE_TEST_EXISTS) && g_file_test (po, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&po);
    }
  return g_strdup (LOCALEDIR);
}

/* The user's locale is not generated on this system (LANG=fr_FR.UTF-8
 * without fr_FR in `locale -a`): setlocale() failed and left "C", where
 * glibc ignores LANGUAGE.  Keep UTF-8 (C.UTF-8, where LANGUAGE applies) and,
 * unless LANGUAGE says otherwise, ask for the messages of the locale's
 * language ("fr_FR.UTF-8" → "fr_FR"). */
static void
use_ungenerated_locale (void)
{
  const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  setlocale (LC_ALL, "C.UTF-8");
  if (g_getenv ("LANGUAGE") != NULL && *g_getenv ("LANGUAGE") != '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        {
          g_autofree char *language = g_strndup (value, strcspn (value, ".@"));

          if (*language != '\0' && !g_str_equal (language, "C") && !g_str_equal (language, "POSIX"))
            g_setenv ("LANGUAGE", language, TRUE);
          return;
        }
    }
}

int
main (int argc, char *argv[])
{
  gboolean wants_window = FALSE;
  g_autofree char *error_message = NULL;
  GuiMainFunc gui_main = NULL;
  GModule *module;
  int status;

  g_autofree char *locale_dir = find_locale_dir ();

  if (setlocale (LC_ALL, "") == NULL)
    use_ungenerated_locale ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = mg_cli_main (argc, argv, &wants_window);
  if (!wants_window)
    return status;

  module = open_gui_module (&error_message);
  if (module == NULL)
    {
      g_printerr ("maillage: %s: %s\n", _("cannot load the window module"), error_message);
      return 1;
    }
  if (!g_module_symbol (module, "mg_gui_main", (gpointer *) &gui_main) || gui_main == NULL)
    {
      g_printerr ("maillage: %s: %s\n", _("cannot load the window module"), g_module_error ());
      return 1;
    }
  /* The module stays loaded until exit: GTK's types and threads live in it. */
  return gui_main (argc, argv);
}
