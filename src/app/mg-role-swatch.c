/* mg-role-swatch.c — a role's shape in its colour, drawn at icon size. */
#include "config.h"

#include <adwaita.h>

#include "mg-render-cairo.h"
#include "mg-role-swatch.h"

#define SWATCH_SIZE 16

struct _MgRoleSwatch {
  GtkWidget parent_instance;

  guint32   color;
  MgShape   shape;
  gboolean  empty;
  gboolean  is_line;
  MgLineStyle line;
};

G_DEFINE_FINAL_TYPE (MgRoleSwatch, mg_role_swatch, GTK_TYPE_WIDGET)

/* The map's own shapes, from the core renderer, inset so the outline
 * stays inside the swatch. */
static void
trace_shape (cairo_t *cr, MgShape shape, double s)
{
  mg_render_cairo_shape_path (cr, shape, s / 2, s / 2, s - 3, s - 3);
}

/* In dark mode the map lightens colours too dark to see on its background:
 * the swatches follow, so that they match the map.  (Created once.) */
static const MgStyle *
dark_style (void)
{
  static MgStyle *style;

  if (style == NULL)
    style = mg_style_new_dark ();
  return style;
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

static void
mg_role_swatch_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  MgRoleSwatch *self = MG_ROLE_SWATCH (widget);
  double s = SWATCH_SIZE;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  MgColor fill = mg_color_from_rgb (self->color, 1.0);
  MgColor stroke = { fill.red * 0.6, fill.green * 0.6, fill.blue * 0.6, 1.0 };
  double r, g, b;
  cairo_t *cr;

  if (dark)
    mg_style_get_shape_colors (dark_style (), self->color, &fill, &stroke);
  r = fill.red;
  g = fill.green;
  b = fill.blue;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, s, s));
  cairo_set_line_width (cr, 1.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (self->empty)
    {
      GdkRGBA fg;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
      G_GNUC_END_IGNORE_DEPRECATIONS
      trace_shape (cr, MG_SHAPE_CIRCLE, s);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      cairo_set_dash (cr, (double[]) { 2, 2 }, 2, 0);
      cairo_stroke (cr);
    }
  else if (self->is_line)
    {
      static const double dashed[] = { 4, 2 }, dotted[] = { 1, 2 }, dash_dot[] = { 4, 2, 1, 2 };
      static const double long_dash[] = { 7, 2 }, dash_pairs[] = { 2, 1.2, 2, 3.5 };

      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, self->line == MG_LINE_DOTTED ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      if (self->line == MG_LINE_DASHED)
        cairo_set_dash (cr, dashed, 2, 0);
      else if (self->line == MG_LINE_DOTTED)
        cairo_set_dash (cr, dotted, 2, 0);
      else if (self->line == MG_LINE_DASH_DOT)
        cairo_set_dash (cr, dash_dot, 4, 0);
      else if (self->line == MG_LINE_LONG_DASH)
        cairo_set_dash (cr, long_dash, 2, 0);
      else if (self->line == MG_LINE_DASH_PAIRS)
        cairo_set_dash (cr, dash_pairs, 4, 0);
      cairo_move_to (cr, 0.5, s / 2);
      cairo_line_to (cr, s - 0.5, s / 2);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_stroke (cr);
    }
  else
    {
      trace_shape (cr, self->shape, s);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, stroke.red, stroke.green, stroke.blue, 1.0);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
mg_role_swatch_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
mg_role_swatch_class_init (MgRoleSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = mg_role_swatch_snapshot;
  widget_class->measure = mg_role_swatch_measure;
  gtk_widget_class_set_css_name (widget_class, "mg-role-swatch");
}

static void
mg_role_swatch_init (MgRoleSwatch *self)
{
  self->empty = TRUE;
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, 0);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
mg_role_swatch_new (void)
{
  return g_object_new (MG_TYPE_ROLE_SWATCH, NULL);
}

void
mg_role_swatch_set_look (MgRoleSwatch *self, guint32 color, MgShape shape)
{
  g_return_if_fail (MG_IS_ROLE_SWATCH (self));
  if (!self->empty && !self->is_line && self->color == color && self->shape == shape)
    return;
  self->empty = FALSE;
  self->is_line = FALSE;
  self->color = color;
  self->shape = shape;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mg_role_swatch_set_role (MgRoleSwatch *self, const MgRole *role)
{
  g_return_if_fail (MG_IS_ROLE_SWATCH (self));
  if (role == NULL)
    mg_role_swatch_set_empty (self);
  else
    mg_role_swatch_set_look (self, role->color, role->shape);
}

void
mg_role_swatch_set_empty (MgRoleSwatch *self)
{
  g_return_if_fail (MG_IS_ROLE_SWATCH (self));
  if (self->empty)
    return;
  self->empty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mg_role_swatch_set_line (MgRoleSwatch *self, guint32 color, MgLineStyle line)
{
  g_return_if_fail (MG_IS_ROLE_SWATCH (self));
  self->empty = FALSE;
  self->is_line = TRUE;
  self->color = color;
  self->line = line;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
