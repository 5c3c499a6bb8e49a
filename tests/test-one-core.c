/* test-one-core.c — the window's process holds one copy of core: the window
 * module links the core shared library that the executable has already
 * loaded, and defines none of core's functions itself. */
#include "config.h"

#include <dlfcn.h>
#include <gmodule.h>
#include <string.h>

#include "mg-map.h"

static char *
build_path (const char *relative)
{
  const char *bin = g_getenv ("MAILLAGE_BIN");
  g_autofree char *dir = NULL;

  g_assert_nonnull (bin);
  dir = g_path_get_dirname (bin);
  return g_build_filename (dir, relative, NULL);
}

/* The symbols @path defines (every symbol table, local ones included). */
static char *
defined_symbols (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *argv[] = { "nm", "--defined-only", path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    {
      g_test_skip ("nm is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
defines (const char *nm_output, const char *symbol)
{
  g_auto (GStrv) lines = g_strsplit (nm_output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *name = strrchr (lines[i], ' ');
      if (name != NULL && strcmp (name + 1, symbol) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_module_defines_no_core (void)
{
  g_autofree char *module_path = build_path ("app/libmaillage-gui.so");
  g_autofree char *core_path = build_path ("core/libmaillage-core.so");
  g_autofree char *module_symbols = defined_symbols (module_path);
  g_autofree char *core_symbols = NULL;

  if (module_symbols == NULL)
    return;
  core_symbols = defined_symbols (core_path);
  g_assert_true (defines (core_symbols, "mg_map_new"));
  g_assert_true (defines (core_symbols, "mg_scene_new"));
  g_assert_true (defines (module_symbols, "mg_gui_main"));
  g_assert_false (defines (module_symbols, "mg_map_new"));
  g_assert_false (defines (module_symbols, "mg_scene_new"));
  g_assert_false (defines (module_symbols, "mg_graphml_read_file"));
}

static void
test_module_binds_to_loaded_core (void)
{
  g_autofree char *module_path = build_path ("app/libmaillage-gui.so");
  GModule *module = g_module_open (module_path, G_MODULE_BIND_LOCAL | G_MODULE_BIND_LAZY);
  gpointer symbol = NULL;
  Dl_info seen_by_module = { 0 }, seen_here = { 0 };

  g_assert_nonnull (module);
  /* Core's functions, looked up through the module, are those of the one
   * core library of this process. */
  g_assert_true (g_module_symbol (module, "mg_map_new", &symbol));
  g_assert_nonnull (symbol);
  g_assert_true (dladdr (symbol, &seen_by_module) != 0);
  g_assert_true (dladdr ((void *) mg_map_get_type, &seen_here) != 0);
  g_assert_nonnull (strstr (seen_by_module.dli_fname, "libmaillage-core"));
  g_assert_cmpstr (seen_by_module.dli_fname, ==, seen_here.dli_fname);
  g_assert_true (seen_by_module.dli_fbase == seen_here.dli_fbase);
  g_module_close (module);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/architecture/one-core/module-defines-no-core", test_module_defines_no_core);
  g_test_add_func ("/architecture/one-core/module-binds-to-loaded-core",
                   test_module_binds_to_loaded_core);
  return g_test_run ();
}
