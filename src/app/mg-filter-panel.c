/* mg-filter-panel.c — roles, territory, kinds, minimum degree and focus
 * (see the header).  Built in code: its rows depend on the map. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "mg-filter-panel.h"
#include "mg-role-swatch.h"

struct _MgFilterPanel {
  GtkWidget         parent_instance;

  MgLensController *controller;
  MgDocument       *document;
  GtkWidget        *scrolled;
  GtkWidget        *box;        /* rebuilt for each map */
  GPtrArray        *role_checks; /* GtkCheckButton*, data "role-id" */
  GPtrArray        *kind_checks;
  GtkDropDown      *territory;
  GStrv             territories; /* the drop-down's paths; [0] is "anywhere" */
  GtkSpinButton    *min_degree;
  GtkWidget        *focus_label;
  gboolean          syncing;
};

G_DEFINE_FINAL_TYPE (MgFilterPanel, mg_filter_panel, GTK_TYPE_WIDGET)

/* A set that is not restricted: NULL when every box is ticked; a value no
 * map holds when none is (the core reads an empty set as "any"). */
static GStrv
checked_ids (GPtrArray *checks)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "id"));
        n++;
      }
  if (n == checks->len)
    return NULL;
  if (n == 0)
    g_strv_builder_add (builder, "\x01none");
  return g_strv_builder_end (builder);
}

static void
push_filter (MgFilterPanel *self)
{
  g_autoptr (MgFilter) filter = NULL;
  g_auto (GStrv) roles = NULL;
  g_auto (GStrv) kinds = NULL;
  guint territory;

  if (self->syncing || self->box == NULL)
    return;
  filter = mg_filter_copy (mg_lens_controller_get_filter (self->controller));
  roles = checked_ids (self->role_checks);
  kinds = checked_ids (self->kind_checks);
  mg_filter_set_roles (filter, (const char *const *) roles);
  mg_filter_set_kinds (filter, (const char *const *) kinds);
  territory = gtk_drop_down_get_selected (self->territory);
  mg_filter_set_territory (filter, territory > 0 && territory < g_strv_length (self->territories)
                                     ? self->territories[territory] : NULL);
  filter->min_degree = (guint) gtk_spin_button_get_value_as_int (self->min_degree);
  mg_lens_controller_set_filter (self->controller, filter);
}

static void
on_check_toggled (GtkCheckButton *check, MgFilterPanel *self)
{
  push_filter (self);
}

static void
on_value_changed (GObject *object, GParamSpec *pspec, MgFilterPanel *self)
{
  push_filter (self);
}

static void
sync_checks (GPtrArray *checks, GStrv ids)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "id");

      gtk_check_button_set_active (check, ids == NULL || ids[0] == NULL ||
                                            g_strv_contains ((const char *const *) ids, id));
    }
}

/* Shows the controller's filter (after a view is applied or filters are
 * cleared). */
static void
on_settings_changed (MgLensController *controller, MgFilterPanel *self)
{
  const MgFilter *filter = mg_lens_controller_get_filter (controller);
  guint territory = 0;

  if (self->box == NULL)
    return;
  self->syncing = TRUE;
  sync_checks (self->role_checks, filter->roles);
  sync_checks (self->kind_checks, filter->kinds);
  for (guint i = 1; filter->territory != NULL && self->territories[i] != NULL; i++)
    if (g_str_equal (self->territories[i], filter->territory))
      territory = i;
  gtk_drop_down_set_selected (self->territory, territory);
  gtk_spin_button_set_value (self->min_degree, filter->min_degree);
  if (filter->focus != NULL && filter->focus[0] != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Focus: %u actor, %u hop(s), %s", "Focus: %u actors, %u hop(s), %s",
                                   g_strv_length (filter->focus)),
                         g_strv_length (filter->focus), filter->focus_hops,
                         mg_focus_direction_to_string (filter->focus_direction));
      gtk_label_set_text (GTK_LABEL (self->focus_label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->focus_label), _("No focus. Right-click an actor to focus on its neighbours."));
  self->syncing = FALSE;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
check_row (MgFilterPanel *self, const char *id, const char *name, GtkWidget *swatch, GPtrArray *into)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), swatch);
  gtk_box_append (GTK_BOX (content), gtk_label_new (name));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), content);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  g_ptr_array_add (into, check);
  return check;
}

static int
compare_strings (const void *a, const void *b)
{
  return g_utf8_collate (*(char *const *) a, *(char *const *) b);
}

static void
rebuild (MgFilterPanel *self)
{
  MgMap *map = mg_document_get_map (self->document);
  g_autoptr (GHashTable) roles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GStrvBuilder) territories = g_strv_builder_new ();
  GtkWidget *box, *clear;
  MgVocabulary *vocab;
  GPtrArray *list;
  gboolean no_role = FALSE, no_kind = FALSE;

  if (self->box != NULL)
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), NULL);
  self->box = NULL;
  g_ptr_array_set_size (self->role_checks, 0);
  g_ptr_array_set_size (self->kind_checks, 0);
  g_clear_pointer (&self->territories, g_strfreev);
  if (map == NULL)
    return;
  vocab = mg_map_get_vocabulary (map);

  list = mg_map_get_actors (map);
  for (guint i = 0; i < list->len; i++)
    {
      MgActor *a = g_ptr_array_index (list, i);

      if (a->role != NULL)
        g_hash_table_add (roles, a->role);
      else
        no_role = TRUE;
      if (a->territory != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (a->territory, "/", -1);
          g_autoptr (GString) prefix = g_string_new (NULL);

          /* Every prefix: the user picks a region, a department or a city. */
          for (guint k = 0; parts[k] != NULL; k++)
            {
              g_autofree char *part = g_strstrip (g_strdup (parts[k]));
              if (*part == '\0')
                continue;
              if (prefix->len > 0)
                g_string_append_c (prefix, '/');
              g_string_append (prefix, part);
              g_hash_table_add (paths, g_strdup (prefix->str));
            }
        }
    }
  list = mg_map_get_relations (map);
  for (guint i = 0; i < list->len; i++)
    {
      MgRelation *r = g_ptr_array_index (list, i);
      if (r->kind != NULL)
        g_hash_table_add (kinds, r->kind);
      else
        no_kind = TRUE;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_box_append (GTK_BOX (box), heading (_("Roles")));
  list = mg_vocabulary_get_roles (vocab);
  for (guint i = 0; i < list->len; i++)
    {
      const MgRole *role = g_ptr_array_index (list, i);
      GtkWidget *swatch;

      if (!g_hash_table_contains (roles, role->id))
        continue;
      swatch = mg_role_swatch_new ();
      mg_role_swatch_set_role (MG_ROLE_SWATCH (swatch), role);
      gtk_box_append (GTK_BOX (box), check_row (self, role->id, _(role->name), swatch, self->role_checks));
    }
  if (no_role)
    gtk_box_append (GTK_BOX (box), check_row (self, "", _("No role"), mg_role_swatch_new (), self->role_checks));

  gtk_box_append (GTK_BOX (box), heading (_("Territory")));
  g_strv_builder_add (territories, _("Anywhere"));
  {
    guint n_paths = 0;
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array (paths, &n_paths);

    qsort (keys, n_paths, sizeof (gpointer), compare_strings);
    for (guint i = 0; i < n_paths; i++)
      g_strv_builder_add (territories, keys[i]);
  }
  self->territories = g_strv_builder_end (territories);
  self->territory = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) self->territories));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->territory),
                               _("Keep actors of this territory and the places within it"));
  g_signal_connect (self->territory, "notify::selected", G_CALLBACK (on_value_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->territory));

  gtk_box_append (GTK_BOX (box), heading (_("Relation Kinds")));
  list = mg_vocabulary_get_kinds (vocab);
  for (guint i = 0; i < list->len; i++)
    {
      const MgRelationKind *kind = g_ptr_array_index (list, i);
      GtkWidget *swatch;

      if (!g_hash_table_contains (kinds, kind->id))
        continue;
      swatch = mg_role_swatch_new ();
      mg_role_swatch_set_line (MG_ROLE_SWATCH (swatch), kind->color, kind->line);
      gtk_box_append (GTK_BOX (box), check_row (self, kind->id, _(kind->name), swatch, self->kind_checks));
    }
  if (no_kind)
    gtk_box_append (GTK_BOX (box), check_row (self, "", _("No kind"), mg_role_swatch_new (), self->kind_checks));

  gtk_box_append (GTK_BOX (box), heading (_("Minimum Degree")));
  self->min_degree = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 1));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->min_degree), _("Hide actors with fewer relations"));
  g_signal_connect (self->min_degree, "notify::value", G_CALLBACK (on_value_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->min_degree));

  gtk_box_append (GTK_BOX (box), heading (_("Focus")));
  self->focus_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->focus_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->focus_label), 0);
  gtk_widget_add_css_class (self->focus_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->focus_label);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *focus = gtk_button_new_with_label (_("Focus on Selection"));
    GtkWidget *unfocus = gtk_button_new_with_label (_("Clear Focus"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (focus), "lens.focus");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (focus), "u", 1);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (unfocus), "lens.clear-focus");
    gtk_box_append (GTK_BOX (row), focus);
    gtk_box_append (GTK_BOX (row), unfocus);
    gtk_box_append (GTK_BOX (box), row);
  }

  clear = gtk_button_new_with_label (_("Clear Filters"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "lens.clear-filters");
  gtk_widget_set_margin_top (clear, 12);
  gtk_box_append (GTK_BOX (box), clear);

  self->box = box;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
  on_settings_changed (self->controller, self);
}

static void
on_map_changed (MgDocument *document, MgFilterPanel *self)
{
  rebuild (self);
}

gboolean
mg_filter_panel_set_role_checked (MgFilterPanel *self, const char *role_id, gboolean checked)
{
  g_return_val_if_fail (MG_IS_FILTER_PANEL (self), FALSE);
  for (guint i = 0; i < self->role_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->role_checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "id"), role_id) == 0)
        {
          gtk_check_button_set_active (check, checked);
          return TRUE;
        }
    }
  return FALSE;
}

static void
mg_filter_panel_dispose (GObject *object)
{
  MgFilterPanel *self = MG_FILTER_PANEL (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->document);
  g_clear_object (&self->controller);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (mg_filter_panel_parent_class)->dispose (object);
}

static void
mg_filter_panel_finalize (GObject *object)
{
  MgFilterPanel *self = MG_FILTER_PANEL (object);

  g_ptr_array_unref (self->role_checks);
  g_ptr_array_unref (self->kind_checks);
  g_strfreev (self->territories);
  G_OBJECT_CLASS (mg_filter_panel_parent_class)->finalize (object);
}

static void
mg_filter_panel_class_init (MgFilterPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mg_filter_panel_dispose;
  G_OBJECT_CLASS (klass)->finalize = mg_filter_panel_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mg_filter_panel_init (MgFilterPanel *self)
{
  self->role_checks = g_ptr_array_new ();
  self->kind_checks = g_ptr_array_new ();
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
mg_filter_panel_new (MgLensController *controller, MgDocument *document)
{
  MgFilterPanel *self;

  g_return_val_if_fail (MG_IS_LENS_CONTROLLER (controller), NULL);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);
  self = g_object_new (MG_TYPE_FILTER_PANEL, NULL);
  self->controller = g_object_ref (controller);
  self->document = g_object_ref (document);
  g_signal_connect (controller, "settings-changed", G_CALLBACK (on_settings_changed), self);
  g_signal_connect (document, "map-changed", G_CALLBACK (on_map_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
