/* mg-filter-panel.c — roles, territory, kinds, provenance, minimum degree and focus
 * (see the header).  Built in code: its rows depend on the map. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "mg-a11y.h"
#include "mg-filter-panel.h"
#include "mg-territory-picker.h"
#include "mg-role-swatch.h"

struct _MgFilterPanel {
  GtkWidget         parent_instance;

  MgLensController *controller;
  MgDocument       *document;
  GtkWidget        *scrolled;
  GtkWidget        *box;        /* rebuilt for each map */
  GPtrArray        *role_checks; /* GtkCheckButton*, data "role-id" */
  GPtrArray        *kind_checks;
  GPtrArray        *provenance_checks;
  GtkDropDown      *territory;
  GStrv             territories; /* the drop-down's paths; [0] is "anywhere" */
  GtkSpinButton    *min_degree;
  GtkWidget        *focus_label;
  gboolean          syncing;

  MgMap            *map;        /* followed for new roles, territories, kinds */
  char             *signature;  /* what the rows show, to rebuild only on a change */
  guint             refresh_source;
  double            restore_scroll;
};

/* Edits come in bursts (a bulk tag, an undo of many): the rows follow once
 * the burst is over. */
#define REFRESH_DELAY_MS 80

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
  g_auto (GStrv) provenance = NULL;
  guint territory;

  if (self->syncing || self->box == NULL)
    return;
  filter = mg_filter_copy (mg_lens_controller_get_filter (self->controller));
  roles = checked_ids (self->role_checks);
  kinds = checked_ids (self->kind_checks);
  mg_filter_set_roles (filter, (const char *const *) roles);
  mg_filter_set_kinds (filter, (const char *const *) kinds);
  provenance = checked_ids (self->provenance_checks);
  mg_filter_set_provenance (filter, (const char *const *) provenance);
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

/* "Focus: 2 actors, 1 hop(s), both directions". */
static const char *
focus_direction_text (MgFocusDirection direction)
{
  switch (direction)
    {
    case MG_FOCUS_OUT:
      return _("outgoing relations");
    case MG_FOCUS_IN:
      return _("incoming relations");
    case MG_FOCUS_BOTH:
    default:
      return _("both directions");
    }
}

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
  sync_checks (self->provenance_checks, filter->provenance);
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
                         focus_direction_text (filter->focus_direction));
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
  mg_a11y_set_label (check, name);
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

/* What the rows show: the roles, territory paths and kinds on the map. */
typedef struct {
  GHashTable *roles;     /* role id set */
  GHashTable *kinds;     /* kind id set */
  GHashTable *paths;     /* territory path prefix set */
  gboolean    no_role, no_kind;
} Contents;

static void
contents_clear (Contents *c)
{
  g_clear_pointer (&c->roles, g_hash_table_unref);
  g_clear_pointer (&c->kinds, g_hash_table_unref);
  g_clear_pointer (&c->paths, g_hash_table_unref);
}

static void
collect_contents (MgMap *map, Contents *c)
{
  GPtrArray *list;

  c->roles = g_hash_table_new (g_str_hash, g_str_equal);
  c->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  c->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->no_role = c->no_kind = FALSE;

  list = mg_map_get_actors (map);
  for (guint i = 0; i < list->len; i++)
    {
      MgActor *a = g_ptr_array_index (list, i);

      if (a->role != NULL)
        g_hash_table_add (c->roles, a->role);
      else
        c->no_role = TRUE;
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
              g_hash_table_add (c->paths, g_strdup (prefix->str));
            }
        }
    }
  list = mg_map_get_relations (map);
  for (guint i = 0; i < list->len; i++)
    {
      MgRelation *r = g_ptr_array_index (list, i);
      if (r->kind != NULL)
        g_hash_table_add (c->kinds, r->kind);
      else
        c->no_kind = TRUE;
    }
}

/* The territory paths, sorted (transfer container). */
static char **
sorted_paths (const Contents *c, guint *n)
{
  char **keys = (char **) g_hash_table_get_keys_as_array (c->paths, n);

  qsort (keys, *n, sizeof (char *), compare_strings);
  return keys;
}

/* One string for what the rows would show, in their order. */
static char *
contents_signature (MgMap *map, const Contents *c)
{
  MgVocabulary *vocab = mg_map_get_vocabulary (map);
  GString *sig = g_string_new (NULL);
  GPtrArray *list;
  guint n_paths = 0;
  g_autofree char **paths = sorted_paths (c, &n_paths);

  list = mg_vocabulary_get_roles (vocab);
  for (guint i = 0; i < list->len; i++)
    {
      const MgRole *role = g_ptr_array_index (list, i);
      if (g_hash_table_contains (c->roles, role->id))
        g_string_append_printf (sig, "%s\x1f%s\x1f%06x\x1f%u\x1e", role->id, role->name,
                                role->color, role->shape);
    }
  g_string_append_printf (sig, "%d\x1d", c->no_role);
  for (guint i = 0; i < n_paths; i++)
    g_string_append_printf (sig, "%s\x1e", paths[i]);
  g_string_append_c (sig, '\x1d');
  list = mg_vocabulary_get_kinds (vocab);
  for (guint i = 0; i < list->len; i++)
    {
      const MgRelationKind *kind = g_ptr_array_index (list, i);
      if (g_hash_table_contains (c->kinds, kind->id))
        g_string_append_printf (sig, "%s\x1f%s\x1f%06x\x1f%u\x1e", kind->id, kind->name,
                                kind->color, kind->line);
    }
  g_string_append_printf (sig, "%d", c->no_kind);
  return g_string_free (sig, FALSE);
}

static void
on_vadjustment_changed (GtkAdjustment *adjustment, MgFilterPanel *self)
{
  g_signal_handlers_disconnect_by_func (adjustment, on_vadjustment_changed, self);
  gtk_adjustment_set_value (adjustment, self->restore_scroll);
}

static void
build (MgFilterPanel *self, MgMap *map, const Contents *contents)
{
  g_autoptr (GStrvBuilder) territories = g_strv_builder_new ();
  GtkWidget *box, *clear;
  MgVocabulary *vocab = mg_map_get_vocabulary (map);
  GPtrArray *list;
  GHashTable *roles = contents->roles, *kinds = contents->kinds;
  gboolean no_role = contents->no_role, no_kind = contents->no_kind;

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
    g_autofree char **keys = sorted_paths (contents, &n_paths);

    for (guint i = 0; i < n_paths; i++)
      g_strv_builder_add (territories, keys[i]);
  }
  self->territories = g_strv_builder_end (territories);
  self->territory = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) self->territories));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->territory),
                               _("Keep actors of this territory and the places within it"));
  mg_a11y_set_label (GTK_WIDGET (self->territory), _("Territory"));
  mg_territory_setup_drop_down (self->territory);
  gtk_widget_set_hexpand (GTK_WIDGET (self->territory), TRUE);
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

  /* Provenance: always the same five rows, "not recorded" first. */
  gtk_box_append (GTK_BOX (box), heading (_("Provenance")));
  {
    static const MgProvenance values[] = {
      MG_PROVENANCE_NONE, MG_PROVENANCE_STATED, MG_PROVENANCE_INFERRED,
      MG_PROVENANCE_ILLUSTRATIVE, MG_PROVENANCE_WORKSHOP,
    };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        const char *id = mg_provenance_id (values[i]);
        GtkWidget *row = check_row (self, id != NULL ? id : "none",
                                    _(mg_provenance_name (values[i])), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0),
                                    self->provenance_checks);

        gtk_widget_set_name (row, id != NULL ? id : "none");
        gtk_box_append (GTK_BOX (box), row);
      }
  }

  gtk_box_append (GTK_BOX (box), heading (_("Minimum Degree")));
  self->min_degree = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 1));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->min_degree), _("Hide actors with fewer relations"));
  mg_a11y_set_label (GTK_WIDGET (self->min_degree), _("Minimum Degree"));
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
clear_rows (MgFilterPanel *self)
{
  if (self->box != NULL)
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), NULL);
  self->box = NULL;
  g_ptr_array_set_size (self->role_checks, 0);
  g_ptr_array_set_size (self->kind_checks, 0);
  g_ptr_array_set_size (self->provenance_checks, 0);
  g_clear_pointer (&self->territories, g_strfreev);
  g_clear_pointer (&self->signature, g_free);
}

/* Builds the rows for the map, unless they already show what it holds.  A
 * rebuild keeps the scroll position: the user may be reading further down. */
static void
refresh (MgFilterPanel *self)
{
  Contents contents = { 0 };
  g_autofree char *signature = NULL;
  gboolean had_rows = self->box != NULL;
  GtkAdjustment *vadjustment;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->map == NULL)
    {
      clear_rows (self);
      return;
    }
  collect_contents (self->map, &contents);
  signature = contents_signature (self->map, &contents);
  if (had_rows && g_strcmp0 (signature, self->signature) == 0)
    {
      contents_clear (&contents);
      return;
    }
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  self->restore_scroll = gtk_adjustment_get_value (vadjustment);
  clear_rows (self);
  build (self, self->map, &contents);
  self->signature = g_steal_pointer (&signature);
  contents_clear (&contents);
  if (had_rows && self->restore_scroll > 0)
    {
      g_signal_handlers_disconnect_by_func (vadjustment, on_vadjustment_changed, self);
      g_signal_connect (vadjustment, "changed", G_CALLBACK (on_vadjustment_changed), self);
    }
}

static gboolean
refresh_cb (gpointer data)
{
  MgFilterPanel *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (MgFilterPanel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
on_actor_added_or_removed (MgMap *map, MgActor *actor, MgFilterPanel *self)
{
  queue_refresh (self);
}

static void
on_actor_changed (MgMap *map, MgActor *actor, guint flags, MgFilterPanel *self)
{
  if (flags & (MG_CHANGE_ROLE | MG_CHANGE_TERRITORY))
    queue_refresh (self);
}

static void
on_relation_added_or_removed (MgMap *map, MgRelation *relation, MgFilterPanel *self)
{
  queue_refresh (self);
}

static void
on_relation_changed (MgMap *map, MgRelation *relation, guint flags, MgFilterPanel *self)
{
  if (flags & MG_CHANGE_KIND)
    queue_refresh (self);
}

static void
follow_map (MgFilterPanel *self, MgMap *map)
{
  if (self->map == map)
    return;
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  if (map == NULL)
    return;
  g_signal_connect (map, "actor-added", G_CALLBACK (on_actor_added_or_removed), self);
  g_signal_connect (map, "actor-removed", G_CALLBACK (on_actor_added_or_removed), self);
  g_signal_connect (map, "actor-changed", G_CALLBACK (on_actor_changed), self);
  g_signal_connect (map, "relation-added", G_CALLBACK (on_relation_added_or_removed), self);
  g_signal_connect (map, "relation-removed", G_CALLBACK (on_relation_added_or_removed), self);
  g_signal_connect (map, "relation-changed", G_CALLBACK (on_relation_changed), self);
}

static void
on_map_changed (MgDocument *document, MgFilterPanel *self)
{
  follow_map (self, mg_document_get_map (document));
  clear_rows (self);
  refresh (self);
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
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  follow_map (self, NULL);
  if (self->scrolled != NULL)
    g_signal_handlers_disconnect_by_func (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)),
      on_vadjustment_changed, self);
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
  g_ptr_array_unref (self->provenance_checks);
  g_strfreev (self->territories);
  g_free (self->signature);
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
  self->provenance_checks = g_ptr_array_new ();
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
  on_map_changed (document, self);
  return GTK_WIDGET (self);
}
