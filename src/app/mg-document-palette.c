/* mg-document-palette.c — the screen's palette (light or dark) and the
 * light scene exports draw. */
#include "config.h"

#include "mg-document-private.h"
#include "mg-scene-bridge.h"

void
mg_document_set_dark (MgDocument *self, gboolean dark)
{
  MgStyle *current;

  g_return_if_fail (MG_IS_DOCUMENT (self));

  self->dark = !!dark;
  if (self->scene == NULL)
    return;
  /* Compared with the scene's style rather than our flag: whoever set the
   * style last (presentation mode copies a style) may have had the other
   * palette. */
  current = mg_scene_get_style (self->scene);
  if (current->dark != self->dark)
    {
      g_autoptr (MgStyle) style = mg_style_copy (current);

      mg_style_set_dark (style, self->dark);
      mg_scene_set_style (self->scene, style);
    }
}

gboolean
mg_document_get_dark (MgDocument *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (self), FALSE);
  return self->dark;
}

MgScene *
mg_document_dup_export_scene (MgDocument *self, MgVisibility *visibility)
{
  MgStyle *current;
  const MgSceneCluster *clusters;
  guint n_clusters = 0;
  MgScene *scene;

  g_return_val_if_fail (MG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (visibility == NULL || MG_IS_VISIBILITY (visibility), NULL);

  if (self->scene == NULL)
    return NULL;
  current = mg_scene_get_style (self->scene);
  if (!current->dark)
    return g_object_ref (self->scene);

  {
    g_autoptr (MgStyle) light = mg_style_copy (current);

    mg_style_set_dark (light, FALSE);
    scene = mg_scene_new (self->map, light);
  }
  {
    guint n = 0;
    const double *factors = mg_scene_get_size_factors (self->scene, &n);

    if (factors != NULL)
      mg_scene_set_size_by (scene, factors, n, mg_scene_get_size_by (self->scene));
  }
  clusters = mg_scene_get_clusters (self->scene, &n_clusters);
  mg_scene_set_clusters (scene, clusters, n_clusters);
  if (visibility != NULL)
    mg_scene_bridge_apply_visibility (scene, visibility);
  return scene;
}
