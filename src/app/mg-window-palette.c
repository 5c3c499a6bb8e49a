/* mg-window-palette.c — the map follows the desktop's dark mode, live;
 * exports stay light. */
#include "config.h"

#include "mg-window-private.h"

static gboolean
wants_dark (MgWindow *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
apply_palette (MgWindow *self)
{
  mg_document_set_dark (self->document, wants_dark (self));
}

static void
on_style_manager_dark (AdwStyleManager *manager, GParamSpec *pspec, MgWindow *self)
{
  apply_palette (self);
}

void
mg_window_init_palette (MgWindow *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark), self, 0);
  apply_palette (self);
}

MgScene *
mg_window_dup_export_scene (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);
  return mg_document_dup_export_scene (self->document,
                                       self->lenses ? mg_lens_controller_get_visibility (self->lenses)
                                                    : NULL);
}
