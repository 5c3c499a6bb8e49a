/* fuzz-graphml-roundtrip.c — libFuzzer target: load → save → load.  Whatever
 * loads must save, and what is saved must load again with as many actors
 * and relations. */
#include "config.h"

#include <stdint.h>

#include "mg-graphml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) first = mg_graphml_read_memory ((const char *) data, size, "fuzz.graphml",
                                                    NULL, &error);
  g_autoptr (MgMap) second = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (first == NULL)
    return 0;
  text = mg_graphml_write_to_string (first, &length, &error);
  if (text == NULL)
    g_error ("a map that loaded does not save: %s", error->message);
  second = mg_graphml_read_memory (text, length, "saved.graphml", NULL, &error);
  if (second == NULL)
    g_error ("the saved map does not load: %s\n%s", error->message, text);
  if (mg_map_get_n_actors (first) != mg_map_get_n_actors (second) ||
      mg_map_get_n_relations (first) != mg_map_get_n_relations (second))
    g_error ("load → save → load: %u actors, %u relations became %u, %u\n%s",
             mg_map_get_n_actors (first), mg_map_get_n_relations (first),
             mg_map_get_n_actors (second), mg_map_get_n_relations (second), text);
  return 0;
}
