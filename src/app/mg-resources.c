/* mg-resources.c — registering the GResource bundle once. */
#include "config.h"

#include "mg-resources.h"
#include "mg-resources-bundle.h"

void
mg_resources_ensure (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      mg_register_resource ();
      g_once_init_leave (&done, 1);
    }
}
