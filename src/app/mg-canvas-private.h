/* mg-canvas-private.h — the canvas's state, shared by mg-canvas.c (drawing,
 * API) and mg-canvas-input.c (gestures and keys). */
#pragma once

#include "mg-canvas.h"

G_BEGIN_DECLS

typedef enum {
  DRAG_NONE,     /* pressed, not moved past the threshold yet */
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RUBBER,
  DRAG_LINK,
} DragKind;

struct _MgCanvas {
  GtkWidget         parent_instance;

  MgDocument       *document;
  MgCanvasViewport *viewport;
  MgCanvasTool      tool;
  gboolean          presentation;
  MgStyle          *normal_style;  /* the style before presentation mode */
  gboolean          fit_pending;   /* zoom to fit once the size is known */
  gboolean          legend_visible;
  double            inset_left, inset_top, inset_right, inset_bottom; /* kept clear by fits */
  gboolean          has_fit_rect;  /* with fit_pending: fit this, not the map */
  MgRect            pending_fit_rect;
  gint64            refit_until;   /* monotonic µs: size changes fit again until then */
  int               fitted_width, fitted_height;
  double            styled_zoom;   /* presentation: the zoom its label size was set for */
  guint             restyle_source;
  guint             frame_count;

  /* hover */
  MgActor          *hover_actor;
  MgRelation       *hover_relation;
  double            pointer_x, pointer_y;
  gboolean          pointer_inside;

  /* the current primary-button drag */
  gboolean          dragging;            /* between begin and end */
  DragKind          drag;
  double            press_x, press_y;
  double            drag_x, drag_y;      /* current pointer, widget coords */
  GdkModifierType   press_state;
  MgActor          *press_actor;
  GPtrArray        *moving;              /* MgActor* being moved */
  double           *moving_start;        /* their x,y pairs before the move */
  gboolean         *moving_pinned;
  double            move_origin_x, move_origin_y; /* map point under the press */

  /* pinch zoom */
  double            pinch_start_zoom;

  /* label editor */
  GtkWidget        *label_popover;
  GtkWidget        *label_entry;
  MgActor          *editing_actor;

  /* context menu */
  GtkWidget        *context_menu;
  double            context_x, context_y;

  /* keyboard travel and screen readers (mg-canvas-keyboard.c) */
  MgActor          *focus_actor;
  char             *accessible_label;
  char             *accessible_description;

  /* the last frame's drawing time */
  double            last_frame_ms;

  /* the last drawing of the view, exact, moved by whole pixels when the
   * view pans and redrawn only where that exposes something new
   * (mg-canvas-cache.c) */
  cairo_surface_t  *view_image;   /* NULL when stale */
  cairo_surface_t  *spare_image;  /* the one before, to draw the next frame into */
  double            view_x, view_y; /* map point at its top-left corner */
  double            view_zoom;
  int               view_width, view_height, view_scale; /* logical pixels */
  guint             partial_frames; /* frames drawn by moving the last one */
  double            drawn_zoom;     /* of the last frame, whatever drew it */

  /* the drawing kept while the view zooms (mg-canvas-cache.c) */
  gboolean          use_cache;
  cairo_surface_t  *cache;
  MgRect            cache_rect;  /* map area it shows */
  double            cache_zoom;
  double            fresh_ms;    /* what drawing the view afresh took */
  gint64            last_motion; /* monotonic µs of the last viewport change */
  guint             settle_source;
};

/* mg-canvas-input.c */
void mg_canvas_setup_input (MgCanvas *self);
void mg_canvas_class_setup_input (GtkWidgetClass *widget_class);
void mg_canvas_set_hover (MgCanvas *self, MgActor *actor, MgRelation *relation);
void mg_canvas_cancel_drag (MgCanvas *self);

/* mg-canvas-keyboard.c */
void mg_canvas_class_setup_keyboard (GtkWidgetClass *widget_class);
void mg_canvas_setup_keyboard (MgCanvas *self);
void mg_canvas_keyboard_selection_changed (MgCanvas *self);
/* Drops the focus from @actor (removed), or from any actor when NULL. */
void mg_canvas_keyboard_forget (MgCanvas *self, const MgActor *actor);
void mg_canvas_update_accessible_label (MgCanvas *self);
void mg_canvas_draw_focus_ring (MgCanvas *self, cairo_t *cr, const MgRect *visible, double zoom);
/* What screen readers are told about the focused actor (tests). */
const char *mg_canvas_get_accessible_description (MgCanvas *self);

/* mg-canvas-cache.c */
void mg_canvas_cache_draw (MgCanvas *self, GtkSnapshot *snapshot, int width, int height);
void mg_canvas_cache_invalidate (MgCanvas *self);
void mg_canvas_cache_note_motion (MgCanvas *self);
void mg_canvas_cache_clear (MgCanvas *self);
/* For tests: frames shown from the kept image (without drawing the whole
 * view), and that image with the view's top-left corner in it, in device
 * pixels (NULL when there is none). */
guint            mg_canvas_cache_get_partial_frames (MgCanvas *self);
cairo_surface_t *mg_canvas_cache_get_view_image (MgCanvas *self, int *x, int *y);

/* mg-canvas-legend.c */
void   mg_canvas_draw_legend (MgCanvas *self, GtkSnapshot *snapshot, int width, int height);
double mg_canvas_legend_scale (MgCanvas *self, int width, int height);

/* mg-canvas.c */
MgScene     *mg_canvas_get_scene (MgCanvas *self);
/* Presentation mode: the label size readable at the current zoom. */
double       mg_canvas_present_label_px (MgCanvas *self);
/* Presentation mode: sizes for the zoom shown, now. */
void         mg_canvas_restyle_now (MgCanvas *self);
MgUndoStack *mg_canvas_get_undo (MgCanvas *self);
MgSelection *mg_canvas_get_selection (MgCanvas *self);

G_END_DECLS
