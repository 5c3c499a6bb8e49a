/* mg-canvas-input.c — the canvas's gestures and keys: pan, zoom, select,
 * rubber band, move, link, hover, context menu. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mg-canvas-private.h"

#define DRAG_THRESHOLD 4.0
#define WHEEL_PAN_STEP 48.0

/* ---- hover ----------------------------------------------------------------------- */

static void
highlight (MgCanvas *self, MgActor *actor, MgRelation *relation, gboolean on)
{
  MgScene *scene = mg_canvas_get_scene (self);

  if (scene == NULL)
    return;
  if (actor != NULL)
    {
      g_autoptr (GPtrArray) relations =
        mg_map_get_actor_relations (mg_document_get_map (self->document), actor);

      mg_scene_set_actor_highlight (scene, actor, on);
      for (guint i = 0; i < relations->len; i++)
        mg_scene_set_relation_highlight (scene, g_ptr_array_index (relations, i), on);
    }
  if (relation != NULL)
    mg_scene_set_relation_highlight (scene, relation, on);
}

void
mg_canvas_set_hover (MgCanvas *self, MgActor *actor, MgRelation *relation)
{
  if (self->hover_actor == actor && self->hover_relation == relation)
    return;
  highlight (self, self->hover_actor, self->hover_relation, FALSE);
  self->hover_actor = actor;
  self->hover_relation = relation;
  highlight (self, actor, relation, TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool == MG_CANVAS_TOOL_LINK ? "crosshair"
                                   : actor != NULL ? "pointer" : NULL);
}

static void
update_hover (MgCanvas *self, double x, double y)
{
  MgActor *actor;
  MgRelation *relation = NULL;

  if (self->drag != DRAG_NONE && self->drag != DRAG_LINK)
    return;
  actor = mg_canvas_actor_at (self, x, y);
  if (actor == NULL)
    relation = mg_canvas_relation_at (self, x, y);
  mg_canvas_set_hover (self, actor, relation);
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, MgCanvas *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  update_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *motion, MgCanvas *self)
{
  self->pointer_inside = FALSE;
  mg_canvas_set_hover (self, NULL, NULL);
}

/* ---- primary drag: select, move, rubber band, pan, link ------------------------------- */

void
mg_canvas_cancel_drag (MgCanvas *self)
{
  self->dragging = FALSE;
  self->drag = DRAG_NONE;
  self->press_actor = NULL;
  g_clear_pointer (&self->moving, g_ptr_array_unref);
  g_clear_pointer (&self->moving_start, g_free);
  g_clear_pointer (&self->moving_pinned, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mg_canvas_drag_begin (MgCanvas *self, double x, double y, GdkModifierType state)
{
  g_return_if_fail (MG_IS_CANVAS (self));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  mg_canvas_cancel_drag (self);
  self->press_x = self->drag_x = x;
  self->press_y = self->drag_y = y;
  self->press_state = state;
  self->press_actor = mg_canvas_actor_at (self, x, y);
  self->dragging = TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, MgCanvas *self)
{
  mg_canvas_drag_begin (self, x, y,
                        gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
start_move (MgCanvas *self)
{
  MgSelection *selection = mg_canvas_get_selection (self);
  GPtrArray *selected;

  if (!mg_selection_contains_actor (selection, self->press_actor))
    mg_selection_select_actor (selection, self->press_actor,
                               (self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
                               ? MG_SELECT_ADD : MG_SELECT_REPLACE);
  selected = mg_selection_get_actors (selection);
  self->moving = g_ptr_array_new ();
  self->moving_start = g_new (double, 2 * selected->len + 1);
  self->moving_pinned = g_new (gboolean, selected->len + 1);
  for (guint i = 0; i < selected->len; i++)
    {
      MgActor *actor = g_ptr_array_index (selected, i);
      guint n = self->moving->len;

      if (!actor->has_position)
        continue;
      g_ptr_array_add (self->moving, actor);
      self->moving_start[2 * n] = actor->x;
      self->moving_start[2 * n + 1] = actor->y;
      self->moving_pinned[n] = actor->pinned;
    }
}

void
mg_canvas_drag_update (MgCanvas *self, double dx, double dy)
{
  double last_x = self->drag_x, last_y = self->drag_y;
  double zoom;

  g_return_if_fail (MG_IS_CANVAS (self));
  if (mg_canvas_get_scene (self) == NULL || !self->dragging)
    return;
  zoom = mg_canvas_viewport_get_zoom (self->viewport);
  self->drag_x = self->press_x + dx;
  self->drag_y = self->press_y + dy;

  if (self->drag == DRAG_NONE)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      if (self->press_actor != NULL &&
          (self->tool == MG_CANVAS_TOOL_LINK || (self->press_state & GDK_ALT_MASK)))
        self->drag = DRAG_LINK;
      else if (self->press_actor != NULL)
        {
          self->drag = DRAG_MOVE;
          start_move (self);
        }
      else if (self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
        self->drag = DRAG_RUBBER;
      else
        {
          self->drag = DRAG_PAN;
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
          last_x = self->press_x;
          last_y = self->press_y;
        }
      mg_canvas_set_hover (self, NULL, NULL);
    }

  switch (self->drag)
    {
    case DRAG_PAN:
      mg_canvas_viewport_pan (self->viewport, self->drag_x - last_x, self->drag_y - last_y);
      break;
    case DRAG_MOVE:
      {
        MgMap *map = mg_document_get_map (self->document);

        /* Shown live; recorded as one undoable move when the drag ends. */
        for (guint i = 0; i < self->moving->len; i++)
          mg_map_set_actor_position (map, g_ptr_array_index (self->moving, i),
                                     self->moving_start[2 * i] + dx / zoom,
                                     self->moving_start[2 * i + 1] + dy / zoom);
      }
      break;
    case DRAG_RUBBER:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_LINK:
      update_hover (self, self->drag_x, self->drag_y);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, MgCanvas *self)
{
  mg_canvas_drag_update (self, dx, dy);
}

void
mg_canvas_drag_end (MgCanvas *self)
{
  MgUndoStack *undo;

  g_return_if_fail (MG_IS_CANVAS (self));
  if (!self->dragging || mg_canvas_get_scene (self) == NULL)
    {
      mg_canvas_cancel_drag (self);
      return;
    }
  undo = mg_canvas_get_undo (self);
  switch (self->drag)
    {
    case DRAG_NONE:
      mg_canvas_click (self, self->press_x, self->press_y, self->press_state);
      break;
    case DRAG_MOVE:
      mg_undo_record_move (undo, self->moving, self->moving_start, self->moving_pinned, TRUE);
      break;
    case DRAG_RUBBER:
      mg_canvas_select_in_rect (self, self->press_x, self->press_y, self->drag_x, self->drag_y,
                                (self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0);
      break;
    case DRAG_LINK:
      {
        MgActor *target = mg_canvas_actor_at (self, self->drag_x, self->drag_y);

        if (target != NULL && self->press_actor != NULL)
          {
            MgRelation *relation = mg_undo_add_relation (undo, self->press_actor, target,
                                                         NULL, TRUE);
            mg_selection_select_relation (mg_canvas_get_selection (self), relation,
                                          MG_SELECT_REPLACE);
          }
      }
      break;
    case DRAG_PAN:
    default:
      break;
    }
  mg_canvas_cancel_drag (self);
  mg_canvas_set_hover (self, NULL, NULL);
  if (self->pointer_inside)
    update_hover (self, self->pointer_x, self->pointer_y);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, MgCanvas *self)
{
  mg_canvas_drag_end (self);
}

/* Double-click an actor: edit its label. */
static void
on_click_pressed (GtkGestureClick *gesture, int n_press, double x, double y, MgCanvas *self)
{
  MgActor *actor;

  if (n_press != 2)
    return;
  actor = mg_canvas_actor_at (self, x, y);
  if (actor != NULL)
    mg_canvas_edit_label (self, actor);
}

/* ---- middle-button drag: always pans ------------------------------------------------- */

static void
on_pan_update (GtkGestureDrag *gesture, double dx, double dy, MgCanvas *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  mg_canvas_viewport_pan (self->viewport, x + dx - self->drag_x, y + dy - self->drag_y);
  self->drag_x = x + dx;
  self->drag_y = y + dy;
}

static void
on_pan_begin (GtkGestureDrag *gesture, double x, double y, MgCanvas *self)
{
  self->drag_x = x;
  self->drag_y = y;
}

/* ---- context menu ---------------------------------------------------------------------- */

static void
on_secondary_pressed (GtkGestureClick *gesture, int n_press, double x, double y, MgCanvas *self)
{
  MgSelection *selection = mg_canvas_get_selection (self);
  MgActor *actor;
  MgRelation *relation = NULL;

  if (selection == NULL)
    return;
  actor = mg_canvas_actor_at (self, x, y);
  if (actor == NULL)
    relation = mg_canvas_relation_at (self, x, y);
  /* Acting on what is under the pointer, as file managers do. */
  if (actor != NULL && !mg_selection_contains_actor (selection, actor))
    mg_selection_select_actor (selection, actor, MG_SELECT_REPLACE);
  else if (relation != NULL && !mg_selection_contains_relation (selection, relation))
    mg_selection_select_relation (selection, relation, MG_SELECT_REPLACE);

  self->context_x = x;
  self->context_y = y;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GMenuModel *
build_context_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) edit = g_menu_new ();
  g_autoptr (GMenu) tag = g_menu_new ();
  g_autoptr (GMenu) add = g_menu_new ();
  g_autoptr (GMenu) view = g_menu_new ();
  g_autoptr (GMenu) focus = g_menu_new ();
  g_autoptr (GMenu) focus_more = g_menu_new ();

  g_menu_append (edit, _("_Rename…"), "canvas.rename");
  g_menu_append (edit, _("Select _Neighbours"), "win.select-neighbours");
  g_menu_append (tag, _("_Pin Position"), "win.pin");
  g_menu_append (tag, _("_Unpin"), "win.unpin");
  g_menu_append (tag, _("_Delete"), "win.delete");
  g_menu_append (add, _("_Add Actor Here"), "canvas.add-actor-here");
  g_menu_append (add, _("_Link From Selected"), "canvas.link-tool");
  g_menu_append (view, _("Zoom to _Fit"), "canvas.zoom-fit");
  /* The "lens" group lives on the window (mg-lens-controller.h). */
  g_menu_append (focus, _("_Focus on Neighbours"), "lens.focus(uint32 1)");
  g_menu_append (focus_more, _("Within _2 Hops"), "lens.focus(uint32 2)");
  g_menu_append (focus_more, _("Within _3 Hops"), "lens.focus(uint32 3)");
  g_menu_append (focus_more, _("Partners It _Reaches"), "lens.focus-out(uint32 1)");
  g_menu_append (focus_more, _("Partners Reaching _It"), "lens.focus-in(uint32 1)");
  g_menu_append_submenu (focus, _("F_ocus…"), G_MENU_MODEL (focus_more));
  g_menu_append (focus, _("_Clear Focus"), "lens.clear-focus");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (focus));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tag));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  return G_MENU_MODEL (menu);
}

static void
add_actor_here_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  MgCanvas *self = MG_CANVAS (widget);
  MgUndoStack *undo = mg_canvas_get_undo (self);
  MgActor *actor;
  double mx, my;

  if (undo == NULL)
    return;
  mg_canvas_viewport_widget_to_map (self->viewport, self->context_x, self->context_y, &mx, &my);
  actor = mg_undo_add_actor (undo, _("New actor"), NULL, mx, my);
  mg_selection_select_actor (mg_canvas_get_selection (self), actor, MG_SELECT_REPLACE);
  mg_canvas_edit_label (self, actor);
}

static void
link_tool_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  mg_canvas_set_tool (MG_CANVAS (widget), MG_CANVAS_TOOL_LINK);
}

/* ---- scroll and pinch ------------------------------------------------------------------ */

static gboolean
on_scroll (GtkEventControllerScroll *scroll, double dx, double dy, MgCanvas *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (mg_canvas_get_scene (self) == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      /* Anchored at the pointer: the point under it stays put. */
      double factor = pow (wheel ? 1.2 : 1.01, -dy);
      mg_canvas_viewport_zoom_at (self->viewport, factor, x, y);
    }
  else
    {
      double step = wheel ? WHEEL_PAN_STEP : 1.0;

      if (state & GDK_SHIFT_MASK && dx == 0)
        mg_canvas_viewport_pan (self->viewport, -dy * step, 0);
      else
        mg_canvas_viewport_pan (self->viewport, -dx * step, -dy * step);
    }
  return TRUE;
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, MgCanvas *self)
{
  self->pinch_start_zoom = mg_canvas_viewport_get_zoom (self->viewport);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, MgCanvas *self)
{
  double x, y;
  double zoom = mg_canvas_viewport_get_zoom (self->viewport);

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  mg_canvas_viewport_zoom_at (self->viewport, self->pinch_start_zoom * scale / zoom, x, y);
}

/* ---- keys ------------------------------------------------------------------------------- */

static gboolean
escape_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  MgCanvas *self = MG_CANVAS (widget);

  if (self->drag != DRAG_NONE)
    {
      mg_canvas_cancel_drag (self);
      return TRUE;
    }
  if (self->tool != MG_CANVAS_TOOL_SELECT)
    {
      mg_canvas_set_tool (self, MG_CANVAS_TOOL_SELECT);
      return TRUE;
    }
  if (mg_canvas_get_selection (self) != NULL)
    mg_selection_clear (mg_canvas_get_selection (self));
  return TRUE;
}

void
mg_canvas_class_setup_input (GtkWidgetClass *widget_class)
{
  const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  gtk_widget_class_install_action (widget_class, "canvas.add-actor-here", NULL,
                                   add_actor_here_action);
  gtk_widget_class_install_action (widget_class, "canvas.link-tool", NULL, link_tool_action);

  /* The arrows walk the actors and Ctrl+arrows pan: mg-canvas-keyboard.c. */
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], 0, "canvas.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK,
                                           "canvas.zoom-in", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK,
                                       "canvas.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], 0, "canvas.zoom-out", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK,
                                           "canvas.zoom-out", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "canvas.zoom-one", NULL);
  /* Enter selects the focused actor (mg-canvas-keyboard.c); F2 renames. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "canvas.link-tool", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_key, NULL);
}

void
mg_canvas_setup_input (MgCanvas *self)
{
  g_autoptr (GMenuModel) menu = NULL;
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  menu = build_context_menu ();
  self->context_menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}
