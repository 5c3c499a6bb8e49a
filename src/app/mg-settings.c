/* mg-settings.c — GSettings without aborting when the schema is missing. */
#include "config.h"

#include "mg-settings.h"

GSettings *
mg_settings_get (void)
{
  static GSettings *settings;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr (GSettingsSchema) schema = NULL;

      /* g_settings_new() aborts on a missing schema; a missing schema only
       * means "no saved preferences" for us. */
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_debug ("Schema %s not found: preferences are not kept", APP_ID);
      g_once_init_leave (&initialized, 1);
    }
  return settings;
}
