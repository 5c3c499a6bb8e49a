/* gen-map — writes a large synthetic ecosystem map, for benchmarks.
 *
 *   gen-map --actors 20000 --relations 60000 [--seed N] [--positions] [--output FILE]
 *
 * Deterministic for a seed; standard output when no --output is given.
 */
#include <locale.h>
#include <stdlib.h>

#include "synth-map.h"

int
main (int argc, char **argv)
{
  SynthOptions options = SYNTH_OPTIONS_INIT;
  gint actors = (gint) options.n_actors, relations = (gint) options.n_relations;
  gint64 seed = options.seed;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;

  const GOptionEntry entries[] = {
    { "actors", 'a', 0, G_OPTION_ARG_INT, &actors, "Number of actors (default 20000)", "N" },
    { "relations", 'r', 0, G_OPTION_ARG_INT, &relations, "Number of relations (default 60000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "N" },
    { "positions", 'p', 0, G_OPTION_ARG_NONE, &options.positions, "Write x and y for every actor", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (default: standard output)", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_autoptr(GOptionContext) context = g_option_context_new ("— write a synthetic ecosystem map (GraphML)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gen-map: %s\n", error->message);
      return 2;
    }
  if (actors < 0 || relations < 0 || seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("gen-map: counts must be positive and the seed a 32-bit unsigned number\n");
      return 2;
    }

  options.n_actors = (guint) actors;
  options.n_relations = (guint) relations;
  options.seed = (guint32) seed;
  if (!synth_map_write (&options, output, &error))
    {
      g_printerr ("gen-map: %s\n", error->message);
      return 1;
    }
  return 0;
}
