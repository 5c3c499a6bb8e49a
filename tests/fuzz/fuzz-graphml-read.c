/* fuzz-graphml-read.c — libFuzzer target: the GraphML reader on any bytes.
 * It must return a map or an error, never crash, hang or leak. */
#include "config.h"

#include <stdint.h>

#include "mg-graphml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_memory ((const char *) data, size, "fuzz.graphml",
                                                  warnings, &error);

  /* Exactly one of a map and an error. */
  if ((map == NULL) == (error == NULL))
    g_error ("read gave %s", map == NULL ? "neither map nor error" : "both map and error");
  return 0;
}
