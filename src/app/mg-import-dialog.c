/* mg-import-dialog.c — the import dialog: core reads the tables and
 * guesses (mg-sheet.h); this only shows them and lets the user change
 * which table and which column is what. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-import-dialog.h"

#define PREVIEW_ROWS 5

struct _MgImportDialog {
  AdwWindow    parent_instance;

  GPtrArray   *tables;        /* MgSheetTable*, owned */
  int          table[2];      /* actors, relations: index or -1 */
  MgColumnUse *uses[2];
  GPtrArray   *warnings;      /* of the current choices */
  gboolean     can_import;

  GtkWidget   *table_drop[2];
  GtkWidget   *preview_box[2];
  GtkWidget   *warnings_label;
  GtkWidget   *import_button;
  GtkWidget   *summary;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (MgImportDialog, mg_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The uses offered for a table of actors, and of relations. */
static const MgColumnUse actor_choices[] = {
  MG_COLUMN_LABEL, MG_COLUMN_ID, MG_COLUMN_ROLE, MG_COLUMN_TERRITORY, MG_COLUMN_REGION,
  MG_COLUMN_DEPARTMENT, MG_COLUMN_CITY, MG_COLUMN_LESSONS, MG_COLUMN_NOTES,
  MG_COLUMN_PROVENANCE, MG_COLUMN_X, MG_COLUMN_Y, MG_COLUMN_PINNED, MG_COLUMN_ATTRIBUTE,
  MG_COLUMN_IGNORE,
};
static const MgColumnUse relation_choices[] = {
  MG_COLUMN_SOURCE, MG_COLUMN_TARGET, MG_COLUMN_KIND, MG_COLUMN_WEIGHT, MG_COLUMN_DIRECTED,
  MG_COLUMN_ID, MG_COLUMN_LESSONS, MG_COLUMN_NOTES, MG_COLUMN_PROVENANCE, MG_COLUMN_ATTRIBUTE,
  MG_COLUMN_IGNORE,
};

static const MgColumnUse *
choices (gboolean relations, guint *n)
{
  *n = relations ? G_N_ELEMENTS (relation_choices) : G_N_ELEMENTS (actor_choices);
  return relations ? relation_choices : actor_choices;
}

static MgSheetTable *
chosen_table (MgImportDialog *self, gboolean relations)
{
  int i = self->table[relations];

  return i >= 0 && (guint) i < self->tables->len ? g_ptr_array_index (self->tables, i) : NULL;
}

/* ---- warnings: a trial build with the current choices ----------------------------- */

static void
update_warnings (MgImportDialog *self)
{
  MgSheetTable *actors = chosen_table (self, FALSE);
  MgSheetTable *relations = chosen_table (self, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  g_ptr_array_set_size (self->warnings, 0);
  self->can_import = FALSE;
  if (actors == NULL && relations == NULL)
    g_ptr_array_add (self->warnings, g_strdup (_("Choose a table of actors or of relations.")));
  else if (actors == relations)
    g_ptr_array_add (self->warnings,
                     g_strdup (_("The actors and the relations cannot be the same table.")));
  else
    {
      map = mg_sheet_build_map (actors, self->uses[0], relations, self->uses[1], self->warnings,
                                &error);
      if (map == NULL)
        g_ptr_array_insert (self->warnings, 0, g_strdup (error->message));
      self->can_import = map != NULL;
    }
  gtk_widget_set_sensitive (self->import_button, self->can_import);
  if (map != NULL)
    {
      g_autofree char *actors_text = g_strdup_printf (g_dngettext (NULL, "%u actor", "%u actors",
                                                                   mg_map_get_n_actors (map)),
                                                      mg_map_get_n_actors (map));
      g_autofree char *relations_text =
        g_strdup_printf (g_dngettext (NULL, "%u relation", "%u relations",
                                      mg_map_get_n_relations (map)),
                         mg_map_get_n_relations (map));
      g_autofree char *summary = NULL;

      /* TRANSLATORS: "12 actors and 30 relations will be imported" */
      summary = g_strdup_printf (_("%s and %s will be imported"), actors_text, relations_text);
      gtk_label_set_text (GTK_LABEL (self->summary), summary);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->summary), "");

  if (self->warnings->len == 0)
    g_string_append (text, _("No problem found."));
  for (guint i = 0; i < self->warnings->len && i < 50; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->warnings, i));
    }
  if (self->warnings->len > 50)
    g_string_append_printf (text, "\n…");
  gtk_label_set_text (GTK_LABEL (self->warnings_label), text->str);
}

/* ---- the preview of one table ------------------------------------------------ */

static void
on_use_selected (GtkDropDown *drop, GParamSpec *pspec, MgImportDialog *self)
{
  gboolean relations = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop), "mg-relations"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "mg-column"));
  guint n;
  const MgColumnUse *list = choices (relations, &n);
  guint selected = gtk_drop_down_get_selected (drop);

  if (self->updating || selected >= n)
    return;
  self->uses[relations][column] = list[selected];
  update_warnings (self);
}

static GtkWidget *
cell_label (const char *text, gboolean header)
{
  g_autofree char *one_line = g_strdup (text);
  GtkWidget *label;

  g_strdelimit (one_line, "\n\r\t", ' ');
  label = gtk_label_new (one_line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_widget_set_tooltip_text (label, text);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (MgImportDialog *self, gboolean relations)
{
  GtkWidget *box = self->preview_box[relations];
  MgSheetTable *table = chosen_table (self, relations);
  GtkWidget *child, *grid, *scroller;
  guint n_choices;
  const MgColumnUse *list = choices (relations, &n_choices);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  if (table == NULL)
    {
      GtkWidget *none = gtk_label_new (relations ? _("No relations: only actors are imported.")
                                                 : _("No table of actors: the relations name "
                                                     "them."));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
      return;
    }

  for (guint i = 0; i < n_choices; i++)
    g_ptr_array_add (names, (gpointer) mg_column_use_to_string (list[i]));
  g_ptr_array_add (names, NULL);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_bottom (grid, 12);
  for (guint c = 0; c < table->header->len; c++)
    {
      const char *header = g_ptr_array_index (table->header, c);
      GtkWidget *drop = gtk_drop_down_new_from_strings ((const char *const *) names->pdata);
      g_autofree char *accessible = NULL;

      gtk_grid_attach (GTK_GRID (grid), cell_label (header, TRUE), (int) c, 0, 1, 1);
      for (guint i = 0; i < n_choices; i++)
        if (list[i] == self->uses[relations][c])
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
      g_object_set_data (G_OBJECT (drop), "mg-relations", GINT_TO_POINTER (relations));
      g_object_set_data (G_OBJECT (drop), "mg-column", GUINT_TO_POINTER (c));
      /* TRANSLATORS: accessible name of the drop-down saying what a column holds */
      accessible = g_strdup_printf (_("Column “%s” holds"), header);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect_object (drop, "notify::selected", G_CALLBACK (on_use_selected), self, 0);
      gtk_grid_attach (GTK_GRID (grid), drop, (int) c, 1, 1, 1);
      for (guint r = 0; r < table->rows->len && r < PREVIEW_ROWS; r++)
        {
          const MgSheetRow *row = &g_array_index (table->rows, MgSheetRow, r);

          gtk_grid_attach (GTK_GRID (grid), cell_label (c < row->n_cells ? row->cells[c] : "",
                                                        FALSE), (int) c, (int) r + 2, 1, 1);
        }
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_box_append (GTK_BOX (box), scroller);
  {
    g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "%u row in all", "%u rows in all",
                                                          table->rows->len), table->rows->len);
    GtkWidget *label = gtk_label_new (more);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (box), label);
  }
}

/* ---- tables ------------------------------------------------------------------ */

static void
choose_table (MgImportDialog *self, gboolean relations, int index)
{
  MgSheetTable *table;

  self->table[relations] = index;
  g_clear_pointer (&self->uses[relations], g_free);
  table = chosen_table (self, relations);
  if (table != NULL)
    self->uses[relations] = mg_sheet_guess_uses (table, relations);
  fill_preview (self, relations);
}

static void
fill_table_drops (MgImportDialog *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->tables->len; i++)
    g_ptr_array_add (names, mg_sheet_table_describe (g_ptr_array_index (self->tables, i)));
  g_ptr_array_add (names, g_strdup (_("None")));
  g_ptr_array_add (names, NULL);
  self->updating = TRUE;
  for (int k = 0; k < 2; k++)
    {
      g_autoptr (GtkStringList) model = gtk_string_list_new ((const char *const *) names->pdata);

      gtk_drop_down_set_model (GTK_DROP_DOWN (self->table_drop[k]), G_LIST_MODEL (model));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->table_drop[k]),
                                  self->table[k] >= 0 ? (guint) self->table[k] : self->tables->len);
    }
  self->updating = FALSE;
}

static void
on_table_selected (GtkDropDown *drop, GParamSpec *pspec, MgImportDialog *self)
{
  gboolean relations = drop == GTK_DROP_DOWN (self->table_drop[1]);
  guint selected = gtk_drop_down_get_selected (drop);

  if (self->updating)
    return;
  choose_table (self, relations, selected < self->tables->len ? (int) selected : -1);
  update_warnings (self);
}

static void
pick_tables (MgImportDialog *self, guint first)
{
  g_autoptr (GPtrArray) subset = g_ptr_array_new ();
  MgSheetTable *actors = NULL, *relations = NULL;

  for (guint i = first; i < self->tables->len; i++)
    g_ptr_array_add (subset, g_ptr_array_index (self->tables, i));
  mg_sheet_pick_tables (subset, &actors, &relations);
  for (guint i = 0; i < self->tables->len; i++)
    {
      if (first == 0 && g_ptr_array_index (self->tables, i) == actors)
        self->table[0] = (int) i;
      if (g_ptr_array_index (self->tables, i) == relations)
        self->table[1] = (int) i;
    }
}

static gboolean
add_tables (MgImportDialog *self, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  GPtrArray *tables;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("“%s” is not a local file"),
                   uri);
      return FALSE;
    }
  tables = mg_sheet_read_file (path, error);
  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (self->tables, g_steal_pointer (&tables->pdata[i]));
  g_ptr_array_set_free_func (tables, NULL);
  g_ptr_array_unref (tables);
  return TRUE;
}

gboolean
mg_import_dialog_add_file (MgImportDialog *self, GFile *file, GError **error)
{
  guint first;

  g_return_val_if_fail (MG_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  first = self->tables->len;
  if (!add_tables (self, file, error))
    return FALSE;
  /* The tables are picked again among all (two files dropped together may
   * come in any order); without a relations table by its headers, the new
   * file's first table is taken for the relations. */
  self->table[0] = self->table[1] = -1;
  pick_tables (self, 0);
  if (self->table[1] < 0)
    self->table[1] = self->table[0] == (int) first && first > 0 ? 0 : (int) first;
  fill_table_drops (self);
  choose_table (self, FALSE, self->table[0]);
  choose_table (self, TRUE, self->table[1]);
  update_warnings (self);
  return TRUE;
}

static void
on_other_file_response (GtkNativeDialog *chooser, int response, MgImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;

      if (!mg_import_dialog_add_file (self, file, &error))
        {
          g_ptr_array_set_size (self->warnings, 0);
          gtk_label_set_text (GTK_LABEL (self->warnings_label), error->message);
        }
    }
  g_object_unref (chooser);
}

static void
on_other_file_clicked (GtkButton *button, MgImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Relations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_file_filter_set_name (filter, _("Spreadsheets"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "ods");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_other_file_response), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- import ------------------------------------------------------------------ */

gboolean
mg_import_dialog_import (MgImportDialog *self)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  g_return_val_if_fail (MG_IS_IMPORT_DIALOG (self), FALSE);
  if (!self->can_import)
    return FALSE;
  map = mg_sheet_build_map (chosen_table (self, FALSE), self->uses[0],
                            chosen_table (self, TRUE), self->uses[1], warnings, &error);
  if (map == NULL)
    return FALSE;
  g_signal_emit (self, signals[IMPORTED], 0, map, warnings);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_import_clicked (GtkButton *button, MgImportDialog *self)
{
  mg_import_dialog_import (self);
}

static void
on_cancel_clicked (GtkButton *button, MgImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- accessors ----------------------------------------------------------------- */

guint
mg_import_dialog_get_n_tables (MgImportDialog *self)
{
  g_return_val_if_fail (MG_IS_IMPORT_DIALOG (self), 0);
  return self->tables->len;
}

int
mg_import_dialog_get_table (MgImportDialog *self, gboolean relations)
{
  g_return_val_if_fail (MG_IS_IMPORT_DIALOG (self), -1);
  return self->table[relations ? 1 : 0];
}

void
mg_import_dialog_set_table (MgImportDialog *self, gboolean relations, int index)
{
  g_return_if_fail (MG_IS_IMPORT_DIALOG (self));
  g_return_if_fail (index < (int) self->tables->len);
  relations = relations ? 1 : 0;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->table_drop[relations]),
                              index >= 0 ? (guint) index : self->tables->len);
}

MgColumnUse
mg_import_dialog_get_column_use (MgImportDialog *self, gboolean relations, guint column)
{
  MgSheetTable *table;

  g_return_val_if_fail (MG_IS_IMPORT_DIALOG (self), MG_COLUMN_IGNORE);
  relations = relations ? 1 : 0;
  table = chosen_table (self, relations);
  g_return_val_if_fail (table != NULL && column < table->header->len, MG_COLUMN_IGNORE);
  return self->uses[relations][column];
}

void
mg_import_dialog_set_column_use (MgImportDialog *self, gboolean relations, guint column,
                                 MgColumnUse use)
{
  GtkWidget *grid, *drop;
  guint n;
  const MgColumnUse *list;

  g_return_if_fail (MG_IS_IMPORT_DIALOG (self));
  relations = relations ? 1 : 0;
  g_return_if_fail (chosen_table (self, relations) != NULL);
  list = choices (relations, &n);
  /* Through the drop-down, as a click would. */
  grid = gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (self->preview_box[relations])));
  if (GTK_IS_VIEWPORT (grid))
    grid = gtk_viewport_get_child (GTK_VIEWPORT (grid));
  drop = gtk_grid_get_child_at (GTK_GRID (grid), (int) column, 1);
  g_return_if_fail (GTK_IS_DROP_DOWN (drop));
  for (guint i = 0; i < n; i++)
    if (list[i] == use)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
}

GPtrArray *
mg_import_dialog_get_warnings (MgImportDialog *self)
{
  g_return_val_if_fail (MG_IS_IMPORT_DIALOG (self), NULL);
  return self->warnings;
}

/* ---- construction ---------------------------------------------------------------- */

static GtkWidget *
section (GtkWidget *parent, const char *title, GtkWidget **box)
{
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (parent), heading);
  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (parent), *box);
  return heading;
}

static void
mg_import_dialog_init (MgImportDialog *self)
{
  GtkWidget *content, *header, *cancel, *scroller, *clamp, *body, *group, *row, *other;
  GtkWidget *warnings_box, *preview;

  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_sheet_table_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->table[0] = self->table[1] = -1;

  gtk_window_set_title (GTK_WINDOW (self), _("Import a Spreadsheet"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (content), header);

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Tables"));
  for (int k = 0; k < 2; k++)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     k == 0 ? _("Actors") : _("Relations"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   k == 0 ? _("One row per actor")
                                          : _("One row per relation, naming its two actors "
                                              "by id or by name"));
      self->table_drop[k] = gtk_drop_down_new (NULL, NULL);
      gtk_widget_set_valign (self->table_drop[k], GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_drop[k]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      k == 0 ? _("Table of actors") : _("Table of relations"),
                                      -1);
      g_signal_connect (self->table_drop[k], "notify::selected", G_CALLBACK (on_table_selected),
                        self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->table_drop[k]);
      if (k == 1)
        {
          other = gtk_button_new_with_mnemonic (_("_Other File…"));
          gtk_widget_set_valign (other, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (other, _("Read the relations from another file"));
          g_signal_connect (other, "clicked", G_CALLBACK (on_other_file_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), other);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (body), group);

  section (body, _("Actors"), &preview);
  self->preview_box[0] = preview;
  section (body, _("Relations"), &preview);
  self->preview_box[1] = preview;

  section (body, _("Warnings"), &warnings_box);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_box_append (GTK_BOX (warnings_box), self->summary);
  self->warnings_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->warnings_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->warnings_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->warnings_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->warnings_label), TRUE);
  gtk_box_append (GTK_BOX (warnings_box), self->warnings_label);

  adw_clamp_set_child (ADW_CLAMP (clamp), body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
}

static void
mg_import_dialog_finalize (GObject *object)
{
  MgImportDialog *self = MG_IMPORT_DIALOG (object);

  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->warnings);
  g_free (self->uses[0]);
  g_free (self->uses[1]);
  G_OBJECT_CLASS (mg_import_dialog_parent_class)->finalize (object);
}

static void
mg_import_dialog_class_init (MgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mg_import_dialog_finalize;
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, MG_TYPE_MAP,
                                    G_TYPE_PTR_ARRAY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

MgImportDialog *
mg_import_dialog_new (GtkWindow *parent, GFile *file, GError **error)
{
  MgImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A toplevel: GTK holds it until it is destroyed. */
  self = g_object_new (MG_TYPE_IMPORT_DIALOG, NULL);
  if (!add_tables (self, file, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  pick_tables (self, 0);
  /* Tables exported as NAME.csv keep their relations in NAME-relations.csv:
   * pair them at once. */
  if (self->table[1] < 0)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *lower = g_ascii_strdown (path, -1);
      g_autofree char *beside = g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, "-relations.csv")
                                  ? mg_sheet_relations_path_for (path) : NULL;

      if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr (GFile) relations = g_file_new_for_path (beside);
          guint first = self->tables->len;

          if (add_tables (self, relations, NULL))
            {
              pick_tables (self, first);
              if (self->table[1] < 0)
                self->table[1] = (int) first;
            }
        }
    }
  fill_table_drops (self);
  choose_table (self, FALSE, self->table[0]);
  choose_table (self, TRUE, self->table[1]);
  update_warnings (self);
  return self;
}
