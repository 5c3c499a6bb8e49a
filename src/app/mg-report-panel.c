/* mg-report-panel.c — the territory report in the side panel (see the
 * header).  The report itself is core's (mg-report.h); this file only lays
 * it out as cards and turns clicks into selections. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "mg-report-panel.h"

#include "mg-a11y.h"

struct _MgReportPanel {
  GtkWidget         parent_instance;

  MgLensController *controller;
  MgDocument       *document;
  MgMap            *map;     /* the map listened to */
  GtkWidget        *scrolled;
  GtkWidget        *cards;   /* vertical box of cards */
  GtkDropDown      *level_dropdown;
  GtkWidget        *status;

  guint             level;
  MgReport         *report;
  gboolean          dirty;
  guint             idle_id;
};

G_DEFINE_FINAL_TYPE (MgReportPanel, mg_report_panel, GTK_TYPE_WIDGET)

/* ---- the round table ----------------------------------------------------------------- */

typedef struct {
  MgFamilySet present;
  guint       counts[MG_N_FAMILIES];
} Seats;

static void
set_rgb (cairo_t *cr, guint32 rgb, double alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
draw_table (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  const Seats *seats = data;
  static const double dashes[] = { 3, 2.5 };
  double cx = width / 2.0, cy = height / 2.0;
  double seat_r = MIN (width, height) * 0.095;
  double ring = MIN (width, height) / 2.0 - seat_r - 2;
  GdkRGBA fg;
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 8");
  guint present = 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  cairo_arc (cr, cx, cy, ring - seat_r - 4, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.09);
  cairo_fill (cr);
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    {
      double angle = -G_PI / 2 + f * 2 * G_PI / MG_N_FAMILIES;
      double x = cx + ring * cos (angle), y = cy + ring * sin (angle);

      cairo_new_path (cr);
      cairo_arc (cr, x, y, seat_r, 0, 2 * G_PI);
      if (seats->present & MG_FAMILY_BIT (f))
        {
          guint32 color = mg_report_family_color (f);
          double r = ((color >> 16) & 0xff) / 255.0, g = ((color >> 8) & 0xff) / 255.0;
          double b = (color & 0xff) / 255.0;
          g_autofree char *count = g_strdup_printf ("%u", seats->counts[f]);
          PangoRectangle ink;

          set_rgb (cr, color, 1);
          cairo_fill (cr);
          if (0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55)
            cairo_set_source_rgb (cr, 1, 1, 1);
          else
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          pango_layout_set_text (layout, count, -1);
          pango_layout_get_pixel_extents (layout, NULL, &ink);
          cairo_move_to (cr, x - ink.width / 2.0, y - ink.height / 2.0);
          pango_cairo_show_layout (cr, layout);
          present++;
        }
      else
        {
          set_rgb (cr, 0xc01c28, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
  {
    g_autofree char *text = g_strdup_printf ("%u/%u", present, (guint) MG_N_FAMILIES);
    PangoFontDescription *big = pango_font_description_from_string ("Sans Bold 12");
    PangoRectangle logical;

    pango_layout_set_font_description (layout, big);
    pango_font_description_free (big);
    pango_layout_set_text (layout, text, -1);
    pango_layout_get_pixel_extents (layout, NULL, &logical);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha);
    cairo_move_to (cr, cx - logical.width / 2.0, cy - logical.height / 2.0);
    pango_cairo_show_layout (cr, layout);
  }
}

static char *
family_list (MgFamilySet set)
{
  GString *names = g_string_new (NULL);

  for (guint f = 0; f < MG_N_FAMILIES; f++)
    if (set & MG_FAMILY_BIT (f))
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, _(mg_family_name (f)));
      }
  return g_string_free (names, FALSE);
}

static GtkWidget *
make_table (const MgReportTerritory *t)
{
  GtkWidget *area = gtk_drawing_area_new ();
  Seats *seats = g_new0 (Seats, 1);
  g_autofree char *present = family_list (t->present);
  g_autofree char *missing = family_list (mg_report_territory_missing (t));
  g_autofree char *description = NULL;

  seats->present = t->present;
  memcpy (seats->counts, t->families, sizeof seats->counts);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 132);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 132);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_table, seats, g_free);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  /* The drawing says it at a glance; words say it to a screen reader. */
  description = g_strdup_printf (_("Around the table: %s. Missing: %s."),
                                 *present ? present : _("nobody"),
                                 *missing ? missing : _("nobody"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_set_tooltip_text (area, description);
  return area;
}

/* ---- selecting what stands behind a number --------------------------------------- */

static void
select_items (MgReportPanel *self, const MgReportTerritory *t, MgLever lever)
{
  MgMap *map = mg_document_get_map (self->document);
  MgSelection *selection = mg_document_get_selection (self->document);
  GArray *items = t->levers[lever];
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  g_autoptr (GPtrArray) ends = g_ptr_array_new ();

  if (!mg_lever_info (lever)->relations)
    {
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (ends, g_ptr_array_index (actors, g_array_index (items, guint, i)));
      mg_selection_select_actors (selection, ends, MG_SELECT_REPLACE);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, g_array_index (items, guint, i));

      g_ptr_array_add (ends, r->source);
      g_ptr_array_add (ends, r->target);
    }
  mg_selection_select_actors (selection, ends, MG_SELECT_REPLACE);
  for (guint i = 0; i < items->len; i++)
    mg_selection_select_relation (selection,
                                  g_ptr_array_index (relations, g_array_index (items, guint, i)),
                                  MG_SELECT_ADD);
}

static const MgReportTerritory *
button_territory (MgReportPanel *self, GtkWidget *button)
{
  const char *path = g_object_get_data (G_OBJECT (button), "territory");

  return self->report != NULL ? mg_report_find (self->report, path) : NULL;
}

static void
on_lever_clicked (GtkButton *button, MgReportPanel *self)
{
  const MgReportTerritory *t = button_territory (self, GTK_WIDGET (button));
  MgLever lever = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lever"));

  if (t != NULL && mg_document_get_map (self->document) != NULL)
    select_items (self, t, lever);
}

static void
on_catalyst_clicked (GtkButton *button, MgReportPanel *self)
{
  MgMap *map = mg_document_get_map (self->document);
  const char *id = g_object_get_data (G_OBJECT (button), "actor-id");
  MgActor *actor = map != NULL ? mg_map_lookup_actor (map, id) : NULL;

  if (actor != NULL)
    mg_selection_select_actor (mg_document_get_selection (self->document), actor,
                               MG_SELECT_REPLACE);
}

/* ---- cards --------------------------------------------------------------------------- */

static GtkWidget *
label_new (const char *text, const char *css, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
lever_row (MgReportPanel *self, const MgReportTerritory *t, MgLever lever, MgMap *map,
           GtkSizeGroup *numbers)
{
  const MgLeverInfo *info = mg_lever_info (lever);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *button;
  g_autofree char *value = NULL;
  g_autofree char *name = g_strdup_printf ("%u · %s", info->cget, _(info->name));
  g_autofree char *tip = NULL;
  guint count = mg_report_territory_lever_count (t, lever);
  gboolean known = lever != MG_LEVER_CATALYSTS || self->report->has_betweenness;

  if (lever == MG_LEVER_OPENNESS)
    value = g_strdup_printf ("%.0f %%", t->openness * 100);
  else
    value = known ? g_strdup_printf ("%u", count) : g_strdup ("…");
  button = gtk_button_new_with_label (value);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_add_css_class (button, "title-3");
  if (known && count == 0 && lever != MG_LEVER_OPENNESS)
    gtk_widget_add_css_class (button, "error");
  gtk_widget_set_size_request (button, 64, -1);
  gtk_size_group_add_widget (numbers, button);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  tip = g_strdup_printf (info->relations ? _("Select the relations behind “%s” on the map")
                                         : _("Select the actors behind “%s” on the map"),
                         _(info->name));
  gtk_widget_set_tooltip_text (button, tip);
  {
    /* A screen reader says the number too, not only what a click does. */
    g_autofree char *spoken = g_strdup_printf ("%s: %s", _(info->name), value);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip, -1);
  }
  /* Nothing to select behind a zero: not a button then, but it stays
   * legible (an insensitive button would fade it). */
  gtk_widget_set_can_target (button, count > 0);
  gtk_widget_set_focusable (button, count > 0);
  g_object_set_data_full (G_OBJECT (button), "territory", g_strdup (t->path), g_free);
  g_object_set_data (G_OBJECT (button), "lever", GINT_TO_POINTER (lever));
  g_object_set_data (G_OBJECT (button), "catalyst", GINT_TO_POINTER (-1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_lever_clicked), self);

  gtk_box_append (GTK_BOX (words), label_new (name, "heading", TRUE));
  gtk_box_append (GTK_BOX (words), label_new (_(info->explanation), "dim-label", TRUE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (words), "caption");
  gtk_widget_set_hexpand (words, TRUE);

  if (lever == MG_LEVER_CATALYSTS && count > 0)
    {
      GArray *c = t->levers[MG_LEVER_CATALYSTS];
      GPtrArray *actors = mg_map_get_actors (map);
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (words), list);

      for (guint i = 0; i < c->len; i++)
        {
          MgActor *a = g_ptr_array_index (actors, g_array_index (c, guint, i));
          GtkWidget *link = gtk_button_new_with_label (mg_actor_get_display_label (a));
          GtkWidget *child = gtk_button_get_child (GTK_BUTTON (link));

          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_widget_add_css_class (link, "flat");
          gtk_widget_add_css_class (child, "caption-heading");
          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (link, _("Select this catalyst on the map"));
          g_object_set_data_full (G_OBJECT (link), "actor-id", g_strdup (a->id), g_free);
          g_object_set_data_full (G_OBJECT (link), "territory", g_strdup (t->path), g_free);
          g_object_set_data (G_OBJECT (link), "lever", GINT_TO_POINTER (MG_LEVER_CATALYSTS));
          g_object_set_data (G_OBJECT (link), "catalyst", GINT_TO_POINTER (i));
          g_signal_connect (link, "clicked", G_CALLBACK (on_catalyst_clicked), self);
          gtk_widget_add_css_class (link, "mg-catalyst");
          gtk_box_append (GTK_BOX (list), link);
        }
    }
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (row), words);
  return row;
}

static GtkWidget *
make_card (MgReportPanel *self, const MgReportTerritory *t, MgMap *map)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = label_new (t->path, "title-4", TRUE);
  g_autofree char *members = g_strdup_printf (ngettext ("%u member", "%u members",
                                                           t->n_actors), t->n_actors);
  GtkWidget *missing;
  MgFamilySet missing_set = mg_report_territory_missing (t);
  /* The numbers line up in one column, "21 %" as wide as "4". */
  g_autoptr (GtkSizeGroup) numbers = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 6);
  g_object_set_data_full (G_OBJECT (card), "territory", g_strdup (t->path), g_free);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), label_new (members, "dim-label", FALSE));
  gtk_widget_set_margin_start (head, 12);
  gtk_widget_set_margin_end (head, 12);
  gtk_widget_set_margin_top (head, 10);
  gtk_box_append (GTK_BOX (card), head);
  gtk_box_append (GTK_BOX (card), make_table (t));

  if (missing_set != 0)
    {
      g_autofree char *names = family_list (missing_set);
      g_autofree char *text = g_strdup_printf (_("Missing: %s"), names);

      missing = label_new (text, "error", TRUE);
      gtk_widget_add_css_class (missing, "heading");
    }
  else
    missing = label_new (_("Every family is there"), "success", TRUE);
  gtk_label_set_xalign (GTK_LABEL (missing), 0.5);
  gtk_label_set_justify (GTK_LABEL (missing), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (missing, 12);
  gtk_widget_set_margin_end (missing, 12);
  g_object_set_data (G_OBJECT (card), "missing-label", missing);
  gtk_box_append (GTK_BOX (card), missing);

  for (MgLever l = MG_LEVER_CATALYSTS; l < MG_N_LEVERS; l++)
    {
      GtkWidget *row = lever_row (self, t, l, map, numbers);

      gtk_widget_set_margin_start (row, 4);
      gtk_widget_set_margin_end (row, 10);
      if (l == MG_N_LEVERS - 1)
        gtk_widget_set_margin_bottom (row, 10);
      gtk_box_append (GTK_BOX (card), row);
    }
  return card;
}

static void
rebuild (MgReportPanel *self)
{
  MgMap *map = mg_document_get_map (self->document);
  GtkWidget *child;
  guint n_between = 0;
  const double *between = NULL;

  self->dirty = FALSE;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->report, mg_report_free);
  while ((child = gtk_widget_get_first_child (self->cards)) != NULL)
    gtk_box_remove (GTK_BOX (self->cards), child);
  if (map == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status), "");
      return;
    }
  between = mg_lens_controller_get_betweenness (self->controller, &n_between);
  self->report = mg_report_new (map, self->level, between, n_between);
  if (self->report->territories->len == 0)
    gtk_label_set_text (GTK_LABEL (self->status),
                        _("No actor has a territory that is a place: tag territories "
                          "(Region/Department/City) to see who is around each table."));
  else if (!self->report->has_betweenness)
    gtk_label_set_text (GTK_LABEL (self->status), _("Computing betweenness for the catalysts…"));
  else
    gtk_label_set_text (GTK_LABEL (self->status),
                        _("Click a number to select what stands behind it on the map."));

  for (guint i = 0; i < self->report->territories->len; i++)
    {
      const MgReportTerritory *t = g_ptr_array_index (self->report->territories, i);

      if (i == MG_REPORT_PANEL_MAX_CARDS)
        {
          g_autofree char *more = g_strdup_printf (
            ngettext ("… and %u more territory", "… and %u more territories",
                         self->report->territories->len - i),
            self->report->territories->len - i);

          gtk_box_append (GTK_BOX (self->cards), label_new (more, "dim-label", TRUE));
          break;
        }
      gtk_box_append (GTK_BOX (self->cards), make_card (self, t, map));
    }
  {
    GtkWidget *discuss = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    gtk_box_append (GTK_BOX (discuss), label_new (_("To discuss together"), "heading", TRUE));
    gtk_box_append (GTK_BOX (discuss), label_new (_("Not computed: these levers need time or "
                                                    "culture."), "dim-label", TRUE));
    for (guint i = 0; i < mg_report_n_levers_to_discuss (); i++)
      {
        const MgLeverToDiscuss *d = mg_report_lever_to_discuss (i);
        g_autofree char *text = g_strdup_printf ("%u · %s", d->cget, _(d->name));

        gtk_box_append (GTK_BOX (discuss), label_new (text, NULL, TRUE));
      }
    gtk_box_append (GTK_BOX (self->cards), discuss);
  }
}

static gboolean
rebuild_idle (gpointer data)
{
  MgReportPanel *self = data;

  self->idle_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (an undo, a paste): one recomputation per burst,
 * and none while the page is not shown. */
static void
queue_rebuild (MgReportPanel *self)
{
  self->dirty = TRUE;
  if (self->idle_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle, self, NULL);
}

/* ---- following the map ----------------------------------------------------------------- */

static void
on_actor_changed (MgMap *map, MgActor *actor, guint flags, MgReportPanel *self)
{
  if (flags & (MG_CHANGE_ROLE | MG_CHANGE_TERRITORY | MG_CHANGE_LABEL))
    queue_rebuild (self);
}

static void
on_relation_changed (MgMap *map, MgRelation *relation, guint flags, MgReportPanel *self)
{
  if (flags & (MG_CHANGE_KIND | MG_CHANGE_ENDPOINTS))
    queue_rebuild (self);
}

static void
on_structure_changed (MgReportPanel *self)
{
  queue_rebuild (self);
}

static void
watch_map (MgReportPanel *self)
{
  MgMap *map = mg_document_get_map (self->document);

  if (self->map == map)
    return;
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  if (map == NULL)
    return;
  g_signal_connect (map, "actor-changed", G_CALLBACK (on_actor_changed), self);
  g_signal_connect (map, "relation-changed", G_CALLBACK (on_relation_changed), self);
  g_signal_connect_swapped (map, "actor-added", G_CALLBACK (on_structure_changed), self);
  g_signal_connect_swapped (map, "actor-removed", G_CALLBACK (on_structure_changed), self);
  g_signal_connect_swapped (map, "relation-added", G_CALLBACK (on_structure_changed), self);
  g_signal_connect_swapped (map, "relation-removed", G_CALLBACK (on_structure_changed), self);
}

static void
on_map_changed (MgDocument *document, MgReportPanel *self)
{
  watch_map (self);
  queue_rebuild (self);
}

static void
on_level_selected (GtkDropDown *dropdown, GParamSpec *pspec, MgReportPanel *self)
{
  mg_report_panel_set_level (self, gtk_drop_down_get_selected (dropdown) + 1);
}

/* ---- public ------------------------------------------------------------------------------ */

guint
mg_report_panel_get_level (MgReportPanel *self)
{
  g_return_val_if_fail (MG_IS_REPORT_PANEL (self), MG_REPORT_DEFAULT_LEVEL);
  return self->level;
}

void
mg_report_panel_set_level (MgReportPanel *self, guint level)
{
  g_return_if_fail (MG_IS_REPORT_PANEL (self));
  level = CLAMP (level, 1, 3);
  if (level == self->level)
    return;
  self->level = level;
  if (gtk_drop_down_get_selected (self->level_dropdown) != level - 1)
    gtk_drop_down_set_selected (self->level_dropdown, level - 1);
  queue_rebuild (self);
}

void
mg_report_panel_update (MgReportPanel *self)
{
  g_return_if_fail (MG_IS_REPORT_PANEL (self));
  if (self->dirty || self->report == NULL)
    rebuild (self);
}

const MgReport *
mg_report_panel_get_report (MgReportPanel *self)
{
  g_return_val_if_fail (MG_IS_REPORT_PANEL (self), NULL);
  mg_report_panel_update (self);
  return self->report;
}

GtkWidget *
mg_report_panel_get_card (MgReportPanel *self, const char *territory)
{
  g_return_val_if_fail (MG_IS_REPORT_PANEL (self), NULL);
  for (GtkWidget *c = gtk_widget_get_first_child (self->cards); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "territory"), territory) == 0)
      return c;
  return NULL;
}

GtkWidget *
mg_report_panel_get_missing_label (MgReportPanel *self, const char *territory)
{
  GtkWidget *card = mg_report_panel_get_card (self, territory);

  return card != NULL ? g_object_get_data (G_OBJECT (card), "missing-label") : NULL;
}

static GtkWidget *
find_button (GtkWidget *widget, MgLever lever, int index)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "territory") != NULL &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "lever")) == (int) lever &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "catalyst")) == index)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, lever, index);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
mg_report_panel_get_lever_button (MgReportPanel *self, const char *territory, MgLever lever,
                                  int index)
{
  GtkWidget *card = mg_report_panel_get_card (self, territory);

  return card != NULL ? find_button (card, lever, index) : NULL;
}

/* ---- widget ------------------------------------------------------------------------------ */

static void
on_mapped (GtkWidget *widget, gpointer data)
{
  MgReportPanel *self = MG_REPORT_PANEL (widget);

  if (self->dirty)
    queue_rebuild (self);
}

static void
mg_report_panel_dispose (GObject *object)
{
  MgReportPanel *self = MG_REPORT_PANEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  g_clear_object (&self->controller);
  g_clear_object (&self->document);
  g_clear_pointer (&self->report, mg_report_free);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (mg_report_panel_parent_class)->dispose (object);
}

/* Catalysts are a short list of names: compact buttons. */
static void
add_css (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider,
                                       "button.mg-catalyst { min-height: 0; padding: 2px 6px; }",
                                       -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&done, 1);
    }
}

static void
mg_report_panel_class_init (MgReportPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mg_report_panel_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mg_report_panel_init (MgReportPanel *self)
{
  const char *levels[] = { N_("Regions"), N_("Departments"), N_("Cities"), NULL };
  const char *shown[4] = { NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *level_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *level_label = label_new (_("Territories:"), NULL, FALSE);

  self->level = MG_REPORT_DEFAULT_LEVEL;
  add_css ();
  for (guint i = 0; levels[i] != NULL; i++)
    shown[i] = _(levels[i]);
  self->level_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (shown));
  mg_a11y_set_label (GTK_WIDGET (self->level_dropdown), _("Territory level"));
  gtk_widget_set_hexpand (level_label, TRUE);
  gtk_box_append (GTK_BOX (level_box), level_label);
  gtk_box_append (GTK_BOX (level_box), GTK_WIDGET (self->level_dropdown));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), label_new (_("Who Is Missing Around the Table?"), "heading", TRUE));
  gtk_box_append (GTK_BOX (box), level_box);
  self->status = label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (self->status, "caption");
  gtk_box_append (GTK_BOX (box), self->status);
  {
    /* Which seat is which: the same places at every table. */
    g_autofree char *families = family_list (MG_FAMILY_SET_ALL);
    g_autofree char *seats = g_strdup_printf (_("Seats clockwise from the top: %s. An empty "
                                                "seat is a family missing."), families);
    GtkWidget *key = label_new (seats, "dim-label", TRUE);

    gtk_widget_add_css_class (key, "caption");
    gtk_box_append (GTK_BOX (box), key);
  }
  self->cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->cards);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_mapped), NULL);
}

GtkWidget *
mg_report_panel_new (MgLensController *controller, MgDocument *document)
{
  MgReportPanel *self;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (controller), NULL);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);

  self = g_object_new (MG_TYPE_REPORT_PANEL, NULL);
  self->controller = g_object_ref (controller);
  self->document = g_object_ref (document);
  self->dirty = TRUE;
  g_signal_connect (document, "map-changed", G_CALLBACK (on_map_changed), self);
  g_signal_connect_swapped (controller, "metrics-changed", G_CALLBACK (queue_rebuild), self);
  g_signal_connect (self->level_dropdown, "notify::selected", G_CALLBACK (on_level_selected), self);
  watch_map (self);
  return GTK_WIDGET (self);
}
