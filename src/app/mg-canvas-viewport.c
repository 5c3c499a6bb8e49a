/* mg-canvas-viewport.c — centre, zoom and size, and the conversions. */
#include "config.h"

#include <math.h>

#include "mg-canvas-viewport.h"

struct _MgCanvasViewport {
  GObject parent_instance;

  double  centre_x, centre_y;
  double  zoom;
  double  width, height;
};

enum { PROP_0, PROP_CENTRE_X, PROP_CENTRE_Y, PROP_ZOOM, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgCanvasViewport, mg_canvas_viewport, G_TYPE_OBJECT)

static void
mg_canvas_viewport_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  MgCanvasViewport *self = MG_CANVAS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_CENTRE_X: g_value_set_double (value, self->centre_x); break;
    case PROP_CENTRE_Y: g_value_set_double (value, self->centre_y); break;
    case PROP_ZOOM:     g_value_set_double (value, self->zoom); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_canvas_viewport_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  MgCanvasViewport *self = MG_CANVAS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_CENTRE_X:
      mg_canvas_viewport_set (self, g_value_get_double (value), self->centre_y, self->zoom);
      break;
    case PROP_CENTRE_Y:
      mg_canvas_viewport_set (self, self->centre_x, g_value_get_double (value), self->zoom);
      break;
    case PROP_ZOOM:
      mg_canvas_viewport_set (self, self->centre_x, self->centre_y, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_canvas_viewport_class_init (MgCanvasViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mg_canvas_viewport_get_property;
  object_class->set_property = mg_canvas_viewport_set_property;

  properties[PROP_CENTRE_X] =
    g_param_spec_double ("centre-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTRE_Y] =
    g_param_spec_double ("centre-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MG_CANVAS_MIN_ZOOM, MG_CANVAS_MAX_ZOOM, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mg_canvas_viewport_init (MgCanvasViewport *self)
{
  self->zoom = 1.0;
}

MgCanvasViewport *
mg_canvas_viewport_new (void)
{
  return g_object_new (MG_TYPE_CANVAS_VIEWPORT, NULL);
}

double
mg_canvas_viewport_get_centre_x (MgCanvasViewport *self)
{
  g_return_val_if_fail (MG_IS_CANVAS_VIEWPORT (self), 0);
  return self->centre_x;
}

double
mg_canvas_viewport_get_centre_y (MgCanvasViewport *self)
{
  g_return_val_if_fail (MG_IS_CANVAS_VIEWPORT (self), 0);
  return self->centre_y;
}

double
mg_canvas_viewport_get_zoom (MgCanvasViewport *self)
{
  g_return_val_if_fail (MG_IS_CANVAS_VIEWPORT (self), 1);
  return self->zoom;
}

double
mg_canvas_viewport_get_width (MgCanvasViewport *self)
{
  g_return_val_if_fail (MG_IS_CANVAS_VIEWPORT (self), 0);
  return self->width;
}

double
mg_canvas_viewport_get_height (MgCanvasViewport *self)
{
  g_return_val_if_fail (MG_IS_CANVAS_VIEWPORT (self), 0);
  return self->height;
}

void
mg_canvas_viewport_set (MgCanvasViewport *self, double centre_x, double centre_y, double zoom)
{
  gboolean changed = FALSE;

  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  g_return_if_fail (isfinite (centre_x) && isfinite (centre_y) && isfinite (zoom));

  zoom = CLAMP (zoom, MG_CANVAS_MIN_ZOOM, MG_CANVAS_MAX_ZOOM);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->centre_x != centre_x)
    {
      self->centre_x = centre_x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTRE_X]);
      changed = TRUE;
    }
  if (self->centre_y != centre_y)
    {
      self->centre_y = centre_y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTRE_Y]);
      changed = TRUE;
    }
  if (self->zoom != zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
mg_canvas_viewport_set_size (MgCanvasViewport *self, double width, double height)
{
  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  if (self->width == width && self->height == height)
    return;
  self->width = width;
  self->height = height;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mg_canvas_viewport_map_to_widget (MgCanvasViewport *self, double mx, double my,
                                  double *wx, double *wy)
{
  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  if (wx)
    *wx = (mx - self->centre_x) * self->zoom + self->width / 2.0;
  if (wy)
    *wy = (my - self->centre_y) * self->zoom + self->height / 2.0;
}

void
mg_canvas_viewport_widget_to_map (MgCanvasViewport *self, double wx, double wy,
                                  double *mx, double *my)
{
  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  if (mx)
    *mx = (wx - self->width / 2.0) / self->zoom + self->centre_x;
  if (my)
    *my = (wy - self->height / 2.0) / self->zoom + self->centre_y;
}

void
mg_canvas_viewport_get_visible_rect (MgCanvasViewport *self, MgRect *rect)
{
  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  g_return_if_fail (rect != NULL);
  rect->width = self->width / self->zoom;
  rect->height = self->height / self->zoom;
  rect->x = self->centre_x - rect->width / 2.0;
  rect->y = self->centre_y - rect->height / 2.0;
}

void
mg_canvas_viewport_pan (MgCanvasViewport *self, double dx, double dy)
{
  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  mg_canvas_viewport_set (self, self->centre_x - dx / self->zoom,
                          self->centre_y - dy / self->zoom, self->zoom);
}

void
mg_canvas_viewport_zoom_at (MgCanvasViewport *self, double factor, double wx, double wy)
{
  double mx, my, zoom;

  g_return_if_fail (MG_IS_CANVAS_VIEWPORT (self));
  g_return_if_fail (factor > 0);

  mg_canvas_viewport_widget_to_map (self, wx, wy, &mx, &my);
  zoom = CLAMP (self->zoom * factor, MG_CANVAS_MIN_ZOOM, MG_CANVAS_MAX_ZOOM);
  /* The anchor stays under the pointer: solve for the new centre. */
  mg_canvas_viewport_set (self,
                          mx - (wx - self->width / 2.0) / zoom,
                          my - (wy - self->height / 2.0) / zoom,
                          zoom);
}

gboolean
mg_canvas_viewport_fit (MgCanvasViewport *self, const MgRect *rect, double margin)
{
  double avail_w, avail_h, zoom;

  g_return_val_if_fail (MG_IS_CANVAS_VIEWPORT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (rect->width < 0 || rect->height < 0 || self->width <= 0 || self->height <= 0)
    return FALSE;
  avail_w = MAX (1.0, self->width - 2 * margin);
  avail_h = MAX (1.0, self->height - 2 * margin);
  zoom = MIN (avail_w / MAX (rect->width, 1.0), avail_h / MAX (rect->height, 1.0));
  /* A map of three actors should not fill a screen with giant circles. */
  zoom = MIN (zoom, 2.0);
  mg_canvas_viewport_set (self, rect->x + rect->width / 2.0, rect->y + rect->height / 2.0, zoom);
  return TRUE;
}
