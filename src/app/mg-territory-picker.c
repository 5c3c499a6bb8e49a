/* mg-territory-picker.c — choosing a territory (see the header). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mg-territory-picker.h"

#define INDENT_PX 18

struct _MgTerritoryPicker {
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *search;
  GtkListBox *list;
  GtkWidget  *empty;
  char       *folded_search;
};

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MgTerritoryPicker, mg_territory_picker, GTK_TYPE_WIDGET)

/* ---- paths -------------------------------------------------------------------------------- */

char *
mg_territory_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *lower = NULL;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      /* Hyphens and spaces alike: "Puy de Dôme" is "Puy-de-Dôme". */
      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '_')
        {
          space = TRUE;
          continue;
        }
      if (c == '/')
        {
          space = FALSE;
          g_string_append_c (plain, '/');
          continue;
        }
      if (space && plain->len > 0 && plain->str[plain->len - 1] != '/')
        g_string_append_c (plain, ' ');
      space = FALSE;
      g_string_append_unichar (plain, c);
    }
  lower = g_utf8_casefold (plain->str, -1);
  return g_steal_pointer (&lower);
}

/* Level by level, so that a place comes right after the one it is in. */
static int
compare_paths (gconstpointer a, gconstpointer b)
{
  g_auto (GStrv) pa = g_strsplit (*(const char *const *) a, "/", -1);
  g_auto (GStrv) pb = g_strsplit (*(const char *const *) b, "/", -1);
  guint i;

  for (i = 0; pa[i] != NULL && pb[i] != NULL; i++)
    {
      int c = g_utf8_collate (pa[i], pb[i]);

      if (c == 0)
        c = strcmp (pa[i], pb[i]);
      if (c != 0)
        return c;
    }
  return pa[i] == NULL ? (pb[i] == NULL ? 0 : -1) : 1;
}

GStrv
mg_territory_paths (MgMap *map)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  GPtrArray *actors;

  if (map == NULL)
    return g_new0 (char *, 1);
  actors = mg_map_get_actors (map);
  for (guint i = 0; i < actors->len; i++)
    {
      const char *territory = ((MgActor *) g_ptr_array_index (actors, i))->territory;
      g_auto (GStrv) parts = NULL;
      g_autoptr (GString) path = g_string_new (NULL);

      if (territory == NULL || *territory == '\0')
        continue;
      parts = g_strsplit (territory, "/", -1);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          if (p > 0)
            g_string_append_c (path, '/');
          g_string_append (path, parts[p]);
          if (!g_hash_table_contains (seen, path->str))
            {
              char *copy = g_strdup (path->str);

              g_hash_table_add (seen, copy);
              g_ptr_array_add (paths, copy);
            }
        }
    }
  /* Sorted as a tree: a region, then its departments, then their cities. */
  g_ptr_array_sort (paths, compare_paths);
  {
    GStrv out = g_new0 (char *, paths->len + 1);

    for (guint i = 0; i < paths->len; i++)
      out[i] = g_strdup (g_ptr_array_index (paths, i));
    return out;
  }
}

/* The places above the last one: "Hauts-de-France › Somme", or NULL. */
static char *
parents_text (const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);

  if (n < 2)
    return NULL;
  g_free (parts[n - 1]);
  parts[n - 1] = NULL;
  return g_strjoinv (" › ", parts);
}

static const char *
last_part (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? slash + 1 : path;
}

char *
mg_territory_display (const char *path)
{
  g_autofree char *parents = NULL;

  if (path == NULL)
    return g_strdup ("");
  parents = parents_text (path);
  return parents != NULL ? g_strdup_printf ("%s (%s)", last_part (path), parents)
                         : g_strdup (path);
}

char *
mg_territory_find_similar (MgMap *map, const char *path)
{
  g_auto (GStrv) paths = mg_territory_paths (map);
  g_autofree char *folded = mg_territory_fold (path);

  if (path == NULL || *folded == '\0')
    return NULL;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *other = NULL;

      if (g_str_equal (paths[i], path))
        return NULL;
      other = mg_territory_fold (paths[i]);
      if (g_str_equal (other, folded))
        return g_strdup (paths[i]);
    }
  return NULL;
}

/* ---- rows --------------------------------------------------------------------------------- */

static GtkWidget *
make_row (const char *path)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (last_part (path));
  g_autofree char *parents = parents_text (path);
  g_autofree char *spoken = mg_territory_display (path);
  guint depth = 0;

  for (const char *p = path; *p != '\0'; p++)
    depth += *p == '/';
  gtk_widget_set_margin_start (box, INDENT_PX * depth);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
  if (depth == 0)
    gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);
  if (parents != NULL)
    {
      GtkWidget *above = gtk_label_new (parents);

      gtk_label_set_xalign (GTK_LABEL (above), 0);
      gtk_label_set_wrap (GTK_LABEL (above), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (above), 44);
      gtk_widget_add_css_class (above, "dim-label");
      gtk_widget_add_css_class (above, "caption");
      gtk_box_append (GTK_BOX (box), above);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (row), "folded", mg_territory_fold (path), g_free);
  return row;
}

static gboolean
row_shown (GtkListBoxRow *row, gpointer data)
{
  MgTerritoryPicker *self = data;
  const char *folded = g_object_get_data (G_OBJECT (row), "folded");

  if (self->folded_search == NULL || *self->folded_search == '\0')
    return TRUE;
  return folded != NULL && strstr (folded, self->folded_search) != NULL;
}

static void
update_empty (MgTerritoryPicker *self)
{
  g_auto (GStrv) shown = mg_territory_picker_get_shown (self);

  gtk_widget_set_visible (self->empty, shown[0] == NULL);
}

static void
on_search_changed (GtkSearchEntry *entry, MgTerritoryPicker *self)
{
  g_free (self->folded_search);
  self->folded_search = mg_territory_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_list_box_invalidate_filter (self->list);
  update_empty (self);
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, MgTerritoryPicker *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, path);
}

static void
on_search_activate (GtkSearchEntry *entry, MgTerritoryPicker *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
        row_shown (GTK_LIST_BOX_ROW (child), self))
      {
        on_row_activated (self->list, GTK_LIST_BOX_ROW (child), self);
        return;
      }
}

/* ---- public ------------------------------------------------------------------------------- */

void
mg_territory_picker_set_map (MgTerritoryPicker *self, MgMap *map)
{
  g_auto (GStrv) paths = mg_territory_paths (map);
  GtkWidget *child;

  g_return_if_fail (MG_IS_TERRITORY_PICKER (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; paths[i] != NULL; i++)
    gtk_list_box_append (self->list, make_row (paths[i]));
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  g_clear_pointer (&self->folded_search, g_free);
  gtk_list_box_invalidate_filter (self->list);
  gtk_label_set_text (GTK_LABEL (self->empty), paths[0] == NULL ? _("No territory in this map yet")
                                                                : _("No territory matches"));
  update_empty (self);
}

void
mg_territory_picker_set_search (MgTerritoryPicker *self, const char *text)
{
  g_return_if_fail (MG_IS_TERRITORY_PICKER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text != NULL ? text : "");
  /* The entry tells "search-changed" after a delay: filter now. */
  on_search_changed (GTK_SEARCH_ENTRY (self->search), self);
}

GStrv
mg_territory_picker_get_shown (MgTerritoryPicker *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MG_IS_TERRITORY_PICKER (self), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_shown (GTK_LIST_BOX_ROW (child), self))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "path"));
  return g_strv_builder_end (builder);
}

char *
mg_territory_picker_row_text (MgTerritoryPicker *self, const char *path)
{
  g_return_val_if_fail (MG_IS_TERRITORY_PICKER (self), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "path"), path) == 0)
      {
        GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));
        GtkWidget *name = gtk_widget_get_first_child (box);
        GtkWidget *above = gtk_widget_get_next_sibling (name);

        return above != NULL ? g_strdup_printf ("%s — %s", gtk_label_get_text (GTK_LABEL (name)),
                                                gtk_label_get_text (GTK_LABEL (above)))
                             : g_strdup (gtk_label_get_text (GTK_LABEL (name)));
      }
  return NULL;
}

GtkWidget *
mg_territory_picker_get_search_entry (MgTerritoryPicker *self)
{
  g_return_val_if_fail (MG_IS_TERRITORY_PICKER (self), NULL);
  return self->search;
}

/* ---- drop-downs --------------------------------------------------------------------------- */

static void
setup_list_item (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *above = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (above), 0);
  gtk_label_set_ellipsize (GTK_LABEL (above), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (above), 40);
  gtk_widget_add_css_class (above, "dim-label");
  gtk_widget_add_css_class (above, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), above);
  gtk_list_item_set_child (item, box);
}

static void
bind_list_item (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *above = gtk_widget_get_next_sibling (name);
  GtkStringObject *object = gtk_list_item_get_item (item);
  const char *path = gtk_string_object_get_string (object);
  g_autofree char *parents = NULL;
  guint depth = 0;

  /* "Anywhere" reads as a path of one level: as it is. */
  for (const char *p = path; *p != '\0'; p++)
    depth += *p == '/';
  parents = parents_text (path);
  gtk_widget_set_margin_start (box, INDENT_PX * depth);
  gtk_label_set_text (GTK_LABEL (name), depth > 0 ? last_part (path) : path);
  gtk_label_set_text (GTK_LABEL (above), parents != NULL ? parents : "");
  gtk_widget_set_visible (above, parents != NULL);
}

static void
setup_button_item (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_button_item (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  const char *path = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *text = mg_territory_display (path);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* What typing in the drop-down's search matches: the place's own name. */
static char *
place_name (GtkStringObject *object)
{
  return g_strdup (last_part (gtk_string_object_get_string (object)));
}

void
mg_territory_setup_drop_down (GtkDropDown *dropdown)
{
  GtkListItemFactory *list = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_signal_connect (list, "setup", G_CALLBACK (setup_list_item), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_list_item), NULL);
  g_signal_connect (button, "setup", G_CALLBACK (setup_button_item), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (bind_button_item), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (place_name), NULL, NULL));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  g_object_unref (list);
  g_object_unref (button);
}

/* ---- object ------------------------------------------------------------------------------- */

static void
mg_territory_picker_dispose (GObject *object)
{
  MgTerritoryPicker *self = MG_TERRITORY_PICKER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->folded_search, g_free);
  G_OBJECT_CLASS (mg_territory_picker_parent_class)->dispose (object);
}

static void
mg_territory_picker_class_init (MgTerritoryPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mg_territory_picker_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
mg_territory_picker_init (MgTerritoryPicker *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search territories"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search territories"), -1);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search, "activate", G_CALLBACK (on_search_activate), self);
  gtk_box_append (GTK_BOX (self->box), self->search);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->list, row_shown, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  /* Readable names, never cut to "…", in a list that stays on screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, 360, -1);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self->box), scrolled);
  self->empty = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
mg_territory_picker_new (void)
{
  return g_object_new (MG_TYPE_TERRITORY_PICKER, NULL);
}
