/* mg-application.h — the Maillage application object. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MG_TYPE_APPLICATION (mg_application_get_type ())
G_DECLARE_FINAL_TYPE (MgApplication, mg_application, MG, APPLICATION, AdwApplication)

typedef struct _MgWindow MgWindow;

/* The application as installed: unique (a second instance hands its maps
 * to the first). */
MgApplication *mg_application_new (void);
/* A non-unique instance with its own id, for tests. */
MgApplication *mg_application_new_for_tests (void);

/* Opens @file in its window: focuses the window already showing it, else
 * uses an empty window, else a new one.  Returns that window. */
MgWindow      *mg_application_open_file (MgApplication *self, GFile *file);

G_END_DECLS
