/* mg-adjacency.c — CSR snapshot of a map's structure. */
#include "mg-adjacency.h"

typedef struct {
  MgAdjacency adj;
  gatomicrefcount ref_count;
} MgAdjacencyBox;

MgAdjacency *
mg_adjacency_new (MgMap *map)
{
  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);
  MgAdjacencyBox *box = g_new0 (MgAdjacencyBox, 1);
  MgAdjacency *adj = &box->adj;
  guint n = actors->len;
  guint m = relations->len;

  g_atomic_ref_count_init (&box->ref_count);
  adj->n_actors = n;
  adj->n_relations = m;
  adj->offsets = g_new0 (guint, n + 1);
  adj->rel_source = g_new (guint, m);
  adj->rel_target = g_new (guint, m);
  adj->rel_directed = g_new (guint8, m);
  adj->in_degree = g_new0 (guint, n);
  adj->out_degree = g_new0 (guint, n);
  adj->degree = g_new0 (guint, n);

  /* First pass: endpoints and degrees; count arcs per actor into
   * offsets[v + 1] so that a prefix sum turns them into offsets. */
  for (guint r = 0; r < m; r++)
    {
      MgRelation *rel = g_ptr_array_index (relations, r);
      guint s = rel->source->index;
      guint t = rel->target->index;

      g_assert (s < n && t < n);
      adj->rel_source[r] = s;
      adj->rel_target[r] = t;
      adj->rel_directed[r] = rel->directed ? 1 : 0;

      adj->degree[s]++;
      adj->degree[t]++;
      adj->out_degree[s]++;
      adj->in_degree[t]++;
      if (!rel->directed)
        {
          adj->in_degree[s]++;
          adj->out_degree[t]++;
        }
      if (s != t)
        {
          adj->offsets[s + 1]++;
          adj->offsets[t + 1]++;
        }
    }
  for (guint v = 0; v < n; v++)
    adj->offsets[v + 1] += adj->offsets[v];

  guint n_arcs = adj->offsets[n];
  g_autofree guint *fill = g_memdup2 (adj->offsets, sizeof (guint) * n);

  adj->neighbour = g_new (guint, MAX (n_arcs, 1));
  adj->relation = g_new (guint, MAX (n_arcs, 1));
  adj->arc_flags = g_new (guint8, MAX (n_arcs, 1));

  /* Second pass: arcs, in relation order within each actor. */
  for (guint r = 0; r < m; r++)
    {
      guint s = adj->rel_source[r];
      guint t = adj->rel_target[r];
      guint8 both = MG_ARC_OUT | MG_ARC_IN;
      guint k;

      if (s == t)
        continue;
      k = fill[s]++;
      adj->neighbour[k] = t;
      adj->relation[k] = r;
      adj->arc_flags[k] = adj->rel_directed[r] ? MG_ARC_OUT : both;
      k = fill[t]++;
      adj->neighbour[k] = s;
      adj->relation[k] = r;
      adj->arc_flags[k] = adj->rel_directed[r] ? MG_ARC_IN : both;
    }

  return adj;
}

MgAdjacency *
mg_adjacency_ref (MgAdjacency *adj)
{
  g_return_val_if_fail (adj != NULL, NULL);

  g_atomic_ref_count_inc (&((MgAdjacencyBox *) adj)->ref_count);
  return adj;
}

void
mg_adjacency_unref (MgAdjacency *adj)
{
  MgAdjacencyBox *box = (MgAdjacencyBox *) adj;

  if (adj == NULL)
    return;
  if (!g_atomic_ref_count_dec (&box->ref_count))
    return;
  g_free (adj->offsets);
  g_free (adj->neighbour);
  g_free (adj->relation);
  g_free (adj->arc_flags);
  g_free (adj->rel_source);
  g_free (adj->rel_target);
  g_free (adj->rel_directed);
  g_free (adj->in_degree);
  g_free (adj->out_degree);
  g_free (adj->degree);
  g_free (box);
}
