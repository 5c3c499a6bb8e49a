/* mg-settings.h — the application's GSettings, when its schema is found. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The shared settings object (org.maillage.Maillage), or NULL when the
 * schema is not installed (running from an unconfigured build tree): callers
 * then use their defaults.  (transfer none) */
GSettings *mg_settings_get (void);

G_END_DECLS
