/* mg-window-private.h — the window's parts, shared by mg-window.c (states,
 * loading, closing) and mg-window-actions.c (actions and shortcuts). */
#pragma once

#include "mg-lens-controller.h"
#include "mg-window.h"

G_BEGIN_DECLS

struct _MgWindow {
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay  *toast_overlay;
  GtkRevealer      *header_revealer;
  AdwHeaderBar     *header_bar;
  AdwWindowTitle   *window_title;
  GtkToggleButton  *panel_button;
  GtkWidget        *save_button;
  GtkWidget        *undo_box;
  GtkWidget        *search_button;
  GtkWidget        *export_button;
  GtkMenuButton    *layout_button;
  GtkDropDown      *engine_dropdown;
  GtkDropDown      *group_dropdown;
  GtkStack         *stack;
  AdwStatusPage    *loading_page;
  GtkLabel         *loading_elapsed;
  AdwPreferencesGroup *recent_group;
  GtkListBox       *recent_list;
  GtkWidget        *example_button;
  AdwFlap          *flap;
  MgCanvas         *canvas;
  GtkWidget        *tool_box;
  GtkWidget        *zoom_box;
  GtkToggleButton  *select_tool;
  GtkToggleButton  *link_tool;
  GtkRevealer      *layout_revealer;
  GtkLabel         *layout_elapsed;
  /* Opening or laying out: a static page whose elapsed seconds change
   * twice a second, no animation (see update_busy() in mg-window.c). */
  guint             busy_timer;
  gint64            busy_since;
  MgActorList      *actor_list;
  MgInspector      *inspector;

  /* mg-window-lenses.c */
  MgLensController *lenses;
  GtkWidget        *lens_bar;   /* shown with a map only */
  GtkWidget        *filter_panel;
  GtkWidget        *views_panel;
  GtkStack         *side_stack;

  MgDocument       *document;
  GFile            *loading_file;
  GCancellable     *load_cancellable;
  AdwMessageDialog *pending_dialog;
  gboolean          force_close;
  gboolean          close_after_save; /* Save As from the close dialog */
  gboolean          presentation;
  gboolean          panel_before_presentation;

  /* mg-window-present.c */
  GtkWidget        *caption;      /* presentation: view name, note, keys */
  GtkLabel         *caption_title;
  GtkLabel         *caption_note;
  GtkLabel         *caption_position;
  GtkLabel         *caption_hint;
  guint             hint_source;
  int               caption_view;
  gboolean          show_legend;  /* in the window */
  gboolean          show_present_legend;
  gboolean          show_caption;
  GtkWidget        *chip;         /* "a focus or filter is on" */
  GtkLabel         *chip_label;
  GSimpleActionGroup *view_actions; /* view.legend: the menu's check box */
};

/* mg-window-actions.c */
void mg_window_class_init_actions (GtkWidgetClass *widget_class);
void mg_window_init_actions (MgWindow *self);
void mg_window_update_actions (MgWindow *self);
void mg_window_set_presentation (MgWindow *self, gboolean presentation);
void mg_window_save_as (MgWindow *self);

/* mg-window-open.c */
void     mg_window_fill_recent (MgWindow *self);
void     mg_window_on_recent_activated (GtkListBox *list, GtkListBoxRow *row, MgWindow *self);
gboolean mg_window_on_drop (GtkDropTarget *target, const GValue *value, double x, double y,
                            MgWindow *self);

/* mg-window-lenses.c */
void mg_window_init_lenses (MgWindow *self);

/* mg-window-present.c */
void     mg_window_class_init_present (GtkWidgetClass *widget_class);
void     mg_window_init_present (MgWindow *self);
void     mg_window_dispose_present (MgWindow *self);
void     mg_window_presentation_changed (MgWindow *self);
gboolean mg_window_present_key (MgWindow *self, guint keyval, GdkModifierType state);

/* mg-window-palette.c */
void mg_window_init_palette (MgWindow *self);

/* mg-window.c */
void mg_window_update_state (MgWindow *self);
void mg_window_set_pending_dialog (MgWindow *self, AdwMessageDialog *dialog);
void mg_window_show_error (MgWindow *self, const char *heading, const char *message);

G_END_DECLS
