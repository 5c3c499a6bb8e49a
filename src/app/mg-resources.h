/* mg-resources.h — the compiled-in UI resources (templates, CSS, icons). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Registers the resources once; every widget with a template calls it, so
 * widgets also work without the application (tests, benchmarks). */
void mg_resources_ensure (void);

G_END_DECLS
