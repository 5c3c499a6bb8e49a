/* mg-actor-list-metrics.c — Degree and Betweenness columns of the actor
 * list, sortable, filled as the background computation finishes. */
#include "config.h"

#include <glib/gi18n.h>

#include "mg-actor-list.h"
#include "mg-actor-model.h"

typedef struct {
  MgLensController *controller; /* weak */
  MgDocument       *document;   /* weak */
  GPtrArray        *bound;      /* GtkLabel* showing a value now */
  GtkSorter        *degree_sorter;
  GtkSorter        *betweenness_sorter;
} Columns;

static void
columns_free (gpointer data)
{
  Columns *c = data;

  g_clear_weak_pointer (&c->controller);
  g_clear_weak_pointer (&c->document);
  g_ptr_array_unref (c->bound);
  g_free (c);
}

static guint
degree_of (Columns *c, MgActor *actor)
{
  MgScene *scene = c->document != NULL ? mg_document_get_scene (c->document) : NULL;
  MgSceneActor *sa = scene != NULL ? mg_scene_lookup_actor (scene, actor) : NULL;

  return sa != NULL ? sa->degree : 0;
}

/* -1 while not computed: sorts first ascending, and shows a dash. */
static double
betweenness_of (Columns *c, MgActor *actor)
{
  guint n = 0;
  const double *values = c->controller != NULL ? mg_lens_controller_get_betweenness (c->controller, &n) : NULL;

  return values != NULL && actor->index < n ? values[actor->index] : -1;
}

static void
show_value (Columns *c, GtkLabel *label)
{
  MgActorItem *item = g_object_get_data (G_OBJECT (label), "item");
  gboolean betweenness = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "betweenness"));
  g_autofree char *text = NULL;

  if (item == NULL)
    return;
  if (betweenness)
    {
      double v = betweenness_of (c, mg_actor_item_get_actor (item));
      text = v < 0 ? g_strdup ("–") : g_strdup_printf ("%.1f", v);
    }
  else
    text = g_strdup_printf ("%u", degree_of (c, mg_actor_item_get_actor (item)));
  gtk_label_set_text (label, text);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, Columns *c)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "betweenness", g_object_get_data (G_OBJECT (factory), "betweenness"));
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, Columns *c)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (label), "item", gtk_list_item_get_item (list_item));
  g_ptr_array_add (c->bound, label);
  show_value (c, GTK_LABEL (label));
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, Columns *c)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (label), "item", NULL);
  g_ptr_array_remove_fast (c->bound, label);
}

static int
compare_degree (gconstpointer a, gconstpointer b, gpointer data)
{
  guint x = degree_of (data, mg_actor_item_get_actor ((MgActorItem *) a));
  guint y = degree_of (data, mg_actor_item_get_actor ((MgActorItem *) b));

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_betweenness (gconstpointer a, gconstpointer b, gpointer data)
{
  double x = betweenness_of (data, mg_actor_item_get_actor ((MgActorItem *) a));
  double y = betweenness_of (data, mg_actor_item_get_actor ((MgActorItem *) b));

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
on_metrics_changed (MgLensController *controller, MgActorList *list)
{
  Columns *c = g_object_get_data (G_OBJECT (list), "mg-metric-columns");

  for (guint i = 0; i < c->bound->len; i++)
    show_value (c, g_ptr_array_index (c->bound, i));
  gtk_sorter_changed (c->betweenness_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (c->degree_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static GtkColumnViewColumn *
add_column (MgActorList *list, Columns *c, const char *title, int width, gboolean betweenness,
            GtkSorter *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "betweenness", GINT_TO_POINTER (betweenness));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), c);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), c);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), c);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  /* Narrow: the side panel is narrow and names matter more. */
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (mg_actor_list_get_column_view (list), column);
  g_object_unref (column);
  return column;
}

void
mg_actor_list_add_metric_columns (MgActorList *self, MgLensController *controller,
                                  MgDocument *document)
{
  Columns *c;

  g_return_if_fail (MG_IS_ACTOR_LIST (self));
  g_return_if_fail (MG_IS_LENS_CONTROLLER (controller));
  g_return_if_fail (g_object_get_data (G_OBJECT (self), "mg-metric-columns") == NULL);

  c = g_new0 (Columns, 1);
  g_set_weak_pointer (&c->controller, controller);
  g_set_weak_pointer (&c->document, document);
  c->bound = g_ptr_array_new ();
  c->degree_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_degree, c, NULL));
  c->betweenness_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_betweenness, c, NULL));
  g_object_set_data_full (G_OBJECT (self), "mg-metric-columns", c, columns_free);
  /* The columns own the sorters; the struct only borrows them. */
  /* Abbreviated headers: "Degree" and "Betweenness" in the inspector. */
  add_column (self, c, C_("column header, degree", "Deg."), 52, FALSE, c->degree_sorter);
  add_column (self, c, C_("column header, betweenness", "Betw."), 62, TRUE, c->betweenness_sorter);
  g_object_unref (c->degree_sorter);
  g_object_unref (c->betweenness_sorter);
  g_signal_connect_object (controller, "metrics-changed", G_CALLBACK (on_metrics_changed), self, 0);
}
