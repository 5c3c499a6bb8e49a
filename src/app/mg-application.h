/* mg-application.h — the Maillage application object. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MG_TYPE_APPLICATION (mg_application_get_type ())
G_DECLARE_FINAL_TYPE (MgApplication, mg_application, MG, APPLICATION, AdwApplication)

MgApplication *mg_application_new (void);

G_END_DECLS
