/* fuzz-sheet-read.c — libFuzzer target: the spreadsheet readers on any
 * bytes.  A workbook (the bytes start like a zip) goes through the ODS and
 * XLSX reader from a scratch file; anything else through the CSV reader in
 * memory.  The tables found are made into a map with the guessed columns.
 * It must give tables or an error, never crash, hang or leak. */
#include "config.h"

#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-sheet.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
build_map (MgSheetTable *actors, MgSheetTable *relations)
{
  g_autofree MgColumnUse *actor_uses = actors ? mg_sheet_guess_uses (actors, FALSE) : NULL;
  g_autofree MgColumnUse *relation_uses = relations ? mg_sheet_guess_uses (relations, TRUE) : NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  if (actors == NULL && relations == NULL)
    return;
  map = mg_sheet_build_map (actors, actor_uses, relations, relation_uses, warnings, &error);
  if ((map == NULL) == (error == NULL))
    g_error ("build gave %s", map == NULL ? "neither map nor error" : "both map and error");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;

  if (mg_sheet_data_is_zip ((const char *) data, size))
    {
      static char *path;
      g_autoptr (GPtrArray) tables = NULL;
      MgSheetTable *actors = NULL, *relations = NULL;

      if (path == NULL)
        path = g_strdup_printf ("%s/maillage-fuzz-%d.xlsx", g_get_tmp_dir (), (int) getpid ());
      if (!g_file_set_contents (path, (const char *) data, size, NULL))
        return 0;
      tables = mg_sheet_read_file (path, &error);
      if ((tables == NULL) == (error == NULL))
        g_error ("read gave %s", tables == NULL ? "neither tables nor error" : "both");
      if (tables != NULL)
        {
          mg_sheet_pick_tables (tables, &actors, &relations);
          build_map (actors, relations);
        }
      g_unlink (path);
    }
  else
    {
      g_autoptr (MgSheetTable) table = mg_sheet_read_csv_memory ((const char *) data, size,
                                                                 "fuzz.csv", &error);

      if ((table == NULL) == (error == NULL))
        g_error ("read gave %s", table == NULL ? "neither table nor error" : "both");
      if (table != NULL)
        {
          if (mg_sheet_table_is_relations (table))
            build_map (NULL, table);
          else
            build_map (table, NULL);
        }
    }
  return 0;
}
