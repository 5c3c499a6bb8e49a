/* mg-canvas-keyboard.c — the map without a mouse and with a screen reader.
 *
 * The canvas keeps a keyboard focus on one actor: the arrow keys move it to
 * the nearest actor in their direction (the scene's spatial index answers),
 * Space or Enter selects it, Shift adds to the selection, Ctrl toggles, and
 * the Menu key or Shift+F10 opens the context menu there.  A ring drawn
 * around the actor's shape shows where the focus is while the canvas has
 * the keyboard focus.
 *
 * For screen readers the canvas is labelled with what the map is (title,
 * counts, lenses on) and its description names the focused actor with its
 * role, territory, relations and lessons: changing it is what gets
 * announced when the focus or the selection moves. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mg-a11y.h"
#include "mg-canvas-private.h"
#include "mg-render-cairo.h"

#define CTRL_PAN_STEP 60.0
/* Room kept around an actor brought into view, in widget pixels. */
#define SHOW_MARGIN 48.0

/* ---- what screen readers are told ----------------------------------------------------- */

static void
append_part (GString *text, const char *part)
{
  if (text->len > 0)
    g_string_append (text, C_("a11y list separator", ", "));
  g_string_append (text, part);
}

/* "Large company" inside a sentence is "large company" ("grande
 * entreprise"); "SME" stays "SME". */
static char *
lower_initial (const char *name)
{
  gunichar first = g_utf8_get_char (name);
  const char *rest = g_utf8_next_char (name);
  char buf[8];
  int len;

  if (*name == '\0' || !g_unichar_isupper (first) || !g_unichar_islower (g_utf8_get_char (rest)))
    return g_strdup (name);
  len = g_unichar_to_utf8 (g_unichar_tolower (first), buf);
  buf[len] = '\0';
  return g_strconcat (buf, rest, NULL);
}

char *
mg_canvas_describe_actor (MgCanvas *self, const MgActor *actor)
{
  MgScene *scene;
  const MgSceneActor *sa;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  scene = mg_canvas_get_scene (self);
  sa = scene != NULL ? mg_scene_lookup_actor (scene, actor) : NULL;

  append_part (text, mg_actor_get_display_label (actor));
  if (sa != NULL && sa->role != NULL)
    {
      g_autofree char *role = lower_initial (_(sa->role->name));
      append_part (text, role);
    }
  else
    append_part (text, C_("a11y", "no role"));
  if (actor->territory != NULL && *actor->territory != '\0')
    {
      g_auto (GStrv) levels = g_strsplit (actor->territory, "/", -1);
      g_autofree char *territory = g_strjoinv (" / ", levels);
      append_part (text, territory);
    }
  else
    append_part (text, C_("a11y", "no territory"));
  if (sa != NULL)
    {
      g_autofree char *relations =
        g_strdup_printf (g_dngettext (NULL, "%u relation", "%u relations", sa->degree), sa->degree);
      append_part (text, relations);
    }
  if (actor->lessons != 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      g_autofree char *lessons = NULL;

      for (MgLesson l = 0; l < MG_N_LESSONS; l++)
        if (actor->lessons & MG_LESSON_BIT (l))
          {
            g_autofree char *name = lower_initial (_(mg_lesson_info (l)->name));

            if (names->len > 0)
              g_string_append (names, C_("a11y list separator", ", "));
            g_string_append (names, name);
          }
      lessons = g_strdup_printf (C_("a11y", "lessons: %s"), names->str);
      append_part (text, lessons);
    }
  if (mg_canvas_get_selection (self) != NULL &&
      mg_selection_contains_actor (mg_canvas_get_selection (self), actor))
    append_part (text, C_("a11y", "selected"));
  return g_string_free (text, FALSE);
}

static char *
describe_map (MgCanvas *self)
{
  MgMap *map = mg_document_get_map (self->document);
  MgScene *scene = mg_canvas_get_scene (self);
  const MgLensLegend *lens = scene != NULL ? mg_scene_get_lens_legend (scene) : NULL;
  GFile *file = mg_document_get_file (self->document);
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  const char *title = mg_map_get_title (map);
  GString *text = g_string_new (NULL);
  guint n_actors = mg_map_get_n_actors (map);
  guint n_relations = mg_map_get_relations (map)->len;

  if (title == NULL || *title == '\0')
    title = basename;
  if (title != NULL)
    g_string_printf (text, C_("a11y", "Map “%s”"), title);
  else
    g_string_assign (text, C_("a11y", "Map"));
  g_string_append (text, C_("a11y list separator", ", "));
  g_string_append_printf (text, g_dngettext (NULL, "%u actor", "%u actors", n_actors), n_actors);
  g_string_append (text, C_("a11y list separator", ", "));
  g_string_append_printf (text, g_dngettext (NULL, "%u relation", "%u relations", n_relations),
                          n_relations);
  g_string_append (text, C_("a11y list separator", ", "));
  if (lens != NULL && lens->active != 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (MgLesson l = 0; l < MG_N_LESSONS; l++)
        if (lens->active & MG_LESSON_BIT (l))
          {
            if (names->len > 0)
              g_string_append (names, C_("a11y list separator", ", "));
            g_string_append (names, _(mg_lesson_info (l)->name));
          }
      g_string_append_printf (text, C_("a11y", "lenses on: %s"), names->str);
    }
  else
    g_string_append (text, C_("a11y", "no lens on"));
  return g_string_free (text, FALSE);
}

/* The label follows the map (cheap: counts), told only when it changes. */
void
mg_canvas_update_accessible_label (MgCanvas *self)
{
  g_autofree char *label = NULL;

  if (self->document == NULL || mg_document_get_map (self->document) == NULL)
    label = g_strdup (C_("a11y", "Map (none open)"));
  else
    label = describe_map (self);
  if (g_strcmp0 (label, self->accessible_label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->accessible_label, -1);
}

static void
update_description (MgCanvas *self)
{
  g_autofree char *text = NULL;

  if (self->focus_actor != NULL)
    text = mg_canvas_describe_actor (self, self->focus_actor);
  if (g_strcmp0 (text, self->accessible_description) == 0)
    return;
  g_free (self->accessible_description);
  self->accessible_description = g_steal_pointer (&text);
  mg_a11y_announce (GTK_WIDGET (self), self->accessible_description);
}

const char *
mg_canvas_get_accessible_description (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  return self->accessible_description;
}

/* ---- the focused actor --------------------------------------------------------------------- */

MgActor *
mg_canvas_get_focus_actor (MgCanvas *self)
{
  g_return_val_if_fail (MG_IS_CANVAS (self), NULL);
  return self->focus_actor;
}

void
mg_canvas_set_focus_actor (MgCanvas *self, MgActor *actor)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  self->focus_actor = actor;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mg_canvas_show_actor (MgCanvas *self, const MgActor *actor)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y;

  g_return_if_fail (MG_IS_CANVAS (self));
  g_return_if_fail (actor != NULL);
  if (!mg_canvas_actor_to_widget (self, actor, &x, &y) || width <= 0 || height <= 0)
    return;
  /* Already in view: the map stays still. */
  if (x >= SHOW_MARGIN && x <= width - SHOW_MARGIN && y >= SHOW_MARGIN && y <= height - SHOW_MARGIN)
    return;
  mg_canvas_viewport_pan (self->viewport, width / 2.0 - x, height / 2.0 - y);
}

/* Where travel starts without a focused actor: the last selected one, else
 * the actor nearest to the centre of the view. */
static MgActor *
starting_actor (MgCanvas *self)
{
  MgSelection *selection = mg_canvas_get_selection (self);
  MgScene *scene = mg_canvas_get_scene (self);
  g_autoptr (GPtrArray) items = NULL;
  MgActor *best = NULL;
  double best_d2 = G_MAXDOUBLE, cx, cy;
  MgRect visible;

  if (scene == NULL)
    return NULL;
  if (selection != NULL && mg_selection_get_n_actors (selection) > 0)
    {
      GPtrArray *actors = mg_selection_get_actors (selection);
      return g_ptr_array_index (actors, actors->len - 1);
    }
  mg_canvas_viewport_get_visible_rect (self->viewport, &visible);
  mg_canvas_get_centre (self, &cx, &cy);
  items = mg_scene_query_rect (scene, &visible);
  for (guint i = 0; i < items->len; i++)
    {
      MgSceneItem *item = g_ptr_array_index (items, i);
      const MgSceneActor *sa = (const MgSceneActor *) item;
      double d2;

      if (item->type != MG_SCENE_ITEM_ACTOR)
        continue;
      d2 = (sa->x - cx) * (sa->x - cx) + (sa->y - cy) * (sa->y - cy);
      if (d2 < best_d2)
        {
          best_d2 = d2;
          best = sa->actor;
        }
    }
  return best;
}

gboolean
mg_canvas_move_focus (MgCanvas *self, double dx, double dy, gboolean extend)
{
  MgScene *scene;
  MgActor *target = NULL;

  g_return_val_if_fail (MG_IS_CANVAS (self), FALSE);
  scene = mg_canvas_get_scene (self);
  if (scene == NULL)
    return FALSE;
  if (self->focus_actor == NULL || mg_scene_lookup_actor (scene, self->focus_actor) == NULL)
    target = starting_actor (self);
  else
    {
      const MgSceneActor *from = mg_scene_lookup_actor (scene, self->focus_actor);
      MgSceneActor *next = mg_scene_find_actor_toward (scene, from->x, from->y, dx, dy,
                                                       self->focus_actor);
      target = next != NULL ? next->actor : NULL;
    }
  if (target == NULL)
    {
      /* The edge of the map: the focus stays, and says so again. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  mg_canvas_set_focus_actor (self, target);
  if (extend && mg_canvas_get_selection (self) != NULL)
    mg_selection_select_actor (mg_canvas_get_selection (self), target, MG_SELECT_ADD);
  mg_canvas_show_actor (self, target);
  return TRUE;
}

void
mg_canvas_select_focus (MgCanvas *self, MgSelectMode mode)
{
  MgSelection *selection;

  g_return_if_fail (MG_IS_CANVAS (self));
  selection = mg_canvas_get_selection (self);
  if (selection == NULL)
    return;
  if (self->focus_actor == NULL)
    self->focus_actor = starting_actor (self);
  if (self->focus_actor == NULL)
    return;
  mg_selection_select_actor (selection, self->focus_actor, mode);
  update_description (self);
}

/* The focus follows the selection made elsewhere (a click, the list, the
 * search): it goes to the last selected actor when the focused one is not
 * selected. */
void
mg_canvas_keyboard_selection_changed (MgCanvas *self)
{
  MgSelection *selection = mg_canvas_get_selection (self);
  GPtrArray *actors;

  if (selection == NULL)
    return;
  actors = mg_selection_get_actors (selection);
  if (actors->len > 0 && (self->focus_actor == NULL ||
                          !mg_selection_contains_actor (selection, self->focus_actor)))
    self->focus_actor = g_ptr_array_index (actors, actors->len - 1);
  update_description (self);
}

void
mg_canvas_keyboard_forget (MgCanvas *self, const MgActor *actor)
{
  if (actor == NULL || self->focus_actor == actor)
    {
      self->focus_actor = NULL;
      update_description (self);
    }
}

/* ---- the focus ring ---------------------------------------------------------------------- */

void
mg_canvas_draw_focus_ring (MgCanvas *self, cairo_t *cr, const MgRect *visible, double zoom)
{
  MgScene *scene = mg_canvas_get_scene (self);
  const MgSceneActor *sa;
  GdkRGBA accent;
  double px = 1.0 / zoom, pad = 8 * px;
  gboolean dark;

  /* Drawn whenever the canvas has the focus: GTK 4.8 forgets that the
   * keyboard is in use (focus-visible) too soon for a map being read. */
  if (scene == NULL || self->focus_actor == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  sa = mg_scene_lookup_actor (scene, self->focus_actor);
  if (sa == NULL || !sa->actor->has_position || sa->item.visibility == MG_ITEM_HIDDEN ||
      !mg_rect_intersects (&sa->item.bounds, visible))
    return;
  dark = mg_scene_get_style (scene)->dark;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The actor's own shape, grown: a wide band of the background's
   * opposite under a dashed line in the accent colour, visible on any fill
   * and unlike the selection's halo. */
  cairo_save (cr);
  cairo_new_path (cr);
  mg_render_cairo_shape_path (cr, sa->shape, sa->x, sa->y, sa->width + 2 * pad, sa->height + 2 * pad);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.85);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 6 * px);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
  cairo_set_line_width (cr, 3 * px);
  cairo_set_dash (cr, (double[]) { 7 * px, 4 * px }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---- keys ------------------------------------------------------------------------------------ */

static gboolean
move_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  MgCanvas *self = MG_CANVAS (widget);
  double dx, dy;
  gboolean extend;

  g_variant_get (args, "(ddb)", &dx, &dy, &extend);
  if (mg_canvas_get_scene (self) == NULL)
    return FALSE;
  /* A map without actors: the arrows move the view, as Ctrl+arrows do. */
  if (mg_map_get_n_actors (mg_document_get_map (self->document)) == 0)
    {
      mg_canvas_viewport_pan (self->viewport, -dx * CTRL_PAN_STEP, -dy * CTRL_PAN_STEP);
      return TRUE;
    }
  mg_canvas_move_focus (self, dx, dy, extend);
  return TRUE;
}

static gboolean
select_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  MgCanvas *self = MG_CANVAS (widget);
  MgSelectMode mode;

  if (mg_canvas_get_selection (self) == NULL)
    return FALSE;
  g_variant_get (args, "i", &mode);
  mg_canvas_select_focus (self, mode);
  return TRUE;
}

static gboolean
ctrl_pan_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  MgCanvas *self = MG_CANVAS (widget);
  double dx, dy;

  g_variant_get (args, "(dd)", &dx, &dy);
  mg_canvas_viewport_pan (self->viewport, dx, dy);
  return TRUE;
}

void
mg_canvas_popup_context_menu (MgCanvas *self)
{
  MgSelection *selection;
  MgActor *actor;
  double x, y;

  g_return_if_fail (MG_IS_CANVAS (self));
  selection = mg_canvas_get_selection (self);
  if (selection == NULL)
    return;
  actor = self->focus_actor;
  if (actor != NULL && !mg_selection_contains_actor (selection, actor))
    mg_selection_select_actor (selection, actor, MG_SELECT_REPLACE);
  if (actor == NULL || !mg_canvas_actor_to_widget (self, actor, &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  self->context_x = x;
  self->context_y = y;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static gboolean
menu_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  mg_canvas_popup_context_menu (MG_CANVAS (widget));
  return TRUE;
}

static void
on_focus_changed (GtkEventControllerFocus *focus, MgCanvas *self)
{
  /* Tabbing into the map lands on an actor: the ring shows at once and
   * the screen reader says which. */
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->focus_actor == NULL && mg_canvas_get_scene (self) != NULL &&
      gtk_event_controller_focus_is_focus (focus) && GTK_IS_WINDOW (root) &&
      gtk_window_get_focus_visible (GTK_WINDOW (root)))
    mg_canvas_set_focus_actor (self, starting_actor (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_root_focus_visible (GtkWindow *window, GParamSpec *pspec, MgCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_root_changed (MgCanvas *self, GParamSpec *pspec, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::focus-visible", G_CALLBACK (on_root_focus_visible),
                             self, 0);
}

void
mg_canvas_class_setup_keyboard (GtkWidgetClass *widget_class)
{
  const struct { guint key, kp_key; double dx, dy; } moves[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },     { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };
  const struct { guint key; GdkModifierType mods; MgSelectMode mode; } selects[] = {
    { GDK_KEY_space, 0, MG_SELECT_REPLACE },
    { GDK_KEY_Return, 0, MG_SELECT_REPLACE },
    { GDK_KEY_KP_Enter, 0, MG_SELECT_REPLACE },
    { GDK_KEY_space, GDK_SHIFT_MASK, MG_SELECT_ADD },
    { GDK_KEY_Return, GDK_SHIFT_MASK, MG_SELECT_ADD },
    { GDK_KEY_KP_Enter, GDK_SHIFT_MASK, MG_SELECT_ADD },
    { GDK_KEY_space, GDK_CONTROL_MASK, MG_SELECT_TOGGLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      guint keys[] = { moves[i].key, moves[i].kp_key };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gtk_widget_class_add_binding (widget_class, keys[k], 0, move_key, "(ddb)",
                                        moves[i].dx, moves[i].dy, FALSE);
          gtk_widget_class_add_binding (widget_class, keys[k], GDK_SHIFT_MASK, move_key, "(ddb)",
                                        moves[i].dx, moves[i].dy, TRUE);
        }
      /* Ctrl+arrows move the view (as the arrows did before they walked
       * the actors); with Shift, farther. */
      gtk_widget_class_add_binding (widget_class, moves[i].key, GDK_CONTROL_MASK, ctrl_pan_key,
                                    "(dd)", -moves[i].dx * CTRL_PAN_STEP, -moves[i].dy * CTRL_PAN_STEP);
      gtk_widget_class_add_binding (widget_class, moves[i].key, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                    ctrl_pan_key, "(dd)", -moves[i].dx * CTRL_PAN_STEP * 4,
                                    -moves[i].dy * CTRL_PAN_STEP * 4);
    }
  for (guint i = 0; i < G_N_ELEMENTS (selects); i++)
    gtk_widget_class_add_binding (widget_class, selects[i].key, selects[i].mods, select_key, "i",
                                  (int) selects[i].mode);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key, NULL);
}

void
mg_canvas_setup_keyboard (MgCanvas *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "notify::root", G_CALLBACK (on_root_changed), NULL);
  mg_canvas_update_accessible_label (self);
}
