/* mg-scene-index.c — a uniform bucket grid over items' bounding boxes.
 *
 * Maps laid out by Graphviz spread their actors fairly evenly, so a uniform
 * grid answers "what meets this rectangle" in time proportional to the
 * answer, with far less code than an R-tree.  Relations are inserted along
 * their path (not their bounding box), so a long diagonal does not fill a
 * whole block of cells.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-scene-private.h"

typedef struct {
  gpointer *items;
  guint     len, cap;
} MgCell;

struct _MgGrid {
  double  x0, y0, cell;
  int     cols, rows;
  MgCell *cells;
};

#define MG_GRID_MAX_CELLS (1 << 20)

double
mg_grid_pick_cell_size (const MgRect *extent, guint n_items)
{
  double w = MAX (extent->width, 1.0), h = MAX (extent->height, 1.0);
  double cell = sqrt (w * h / MAX (n_items, 1u));

  cell = MAX (cell, 16.0);
  while ((w / cell + 1) * (h / cell + 1) > MG_GRID_MAX_CELLS)
    cell *= 1.5;
  return cell;
}

MgGrid *
mg_grid_new (const MgRect *extent, double cell_size)
{
  MgGrid *grid = g_new0 (MgGrid, 1);
  double w = MAX (extent->width, 1.0), h = MAX (extent->height, 1.0);

  g_assert (cell_size > 0);
  grid->x0 = extent->x;
  grid->y0 = extent->y;
  grid->cell = cell_size;
  grid->cols = (int) CLAMP (ceil (w / cell_size), 1, 4096);
  grid->rows = (int) CLAMP (ceil (h / cell_size), 1, 4096);
  while ((gint64) grid->cols * grid->rows > MG_GRID_MAX_CELLS)
    {
      grid->cell *= 1.5;
      grid->cols = (int) MAX (ceil (w / grid->cell), 1);
      grid->rows = (int) MAX (ceil (h / grid->cell), 1);
    }
  grid->cells = g_new0 (MgCell, (gsize) grid->cols * grid->rows);
  return grid;
}

void
mg_grid_free (MgGrid *grid)
{
  if (grid == NULL)
    return;
  for (gsize i = 0; i < (gsize) grid->cols * grid->rows; i++)
    g_free (grid->cells[i].items);
  g_free (grid->cells);
  g_free (grid);
}

double
mg_grid_get_cell_size (MgGrid *grid)
{
  return grid->cell;
}

static inline int
col_of (const MgGrid *grid, double x)
{
  double c = floor ((x - grid->x0) / grid->cell);
  if (!(c >= 0)) /* also catches NaN */
    return 0;
  return c >= grid->cols ? grid->cols - 1 : (int) c;
}

static inline int
row_of (const MgGrid *grid, double y)
{
  double r = floor ((y - grid->y0) / grid->cell);
  if (!(r >= 0))
    return 0;
  return r >= grid->rows ? grid->rows - 1 : (int) r;
}

static void
cell_add (MgCell *cell, gpointer item)
{
  /* Consecutive inserts of one item (polyline pieces) land in the same
   * cells: skip the repeat. */
  if (cell->len > 0 && cell->items[cell->len - 1] == item)
    return;
  if (cell->len == cell->cap)
    {
      cell->cap = cell->cap ? cell->cap * 2 : 4;
      cell->items = g_renew (gpointer, cell->items, cell->cap);
    }
  cell->items[cell->len++] = item;
}

static void
cell_remove (MgCell *cell, gpointer item)
{
  for (guint i = 0; i < cell->len; i++)
    if (cell->items[i] == item)
      {
        /* Keep order: items are mostly in z-order, which keeps cells'
         * contents predictable. */
        memmove (&cell->items[i], &cell->items[i + 1], (cell->len - i - 1) * sizeof (gpointer));
        cell->len--;
        return;
      }
}

static void
for_cells_in_box (MgGrid *grid, double x0, double y0, double x1, double y1,
                  gpointer item, gboolean add)
{
  int c0 = col_of (grid, x0), c1 = col_of (grid, x1);
  int r0 = row_of (grid, y0), r1 = row_of (grid, y1);

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        MgCell *cell = &grid->cells[(gsize) r * grid->cols + c];
        if (add)
          cell_add (cell, item);
        else
          cell_remove (cell, item);
      }
}

void
mg_grid_insert_rect (MgGrid *grid, gpointer item, const MgRect *rect)
{
  for_cells_in_box (grid, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height,
                    item, TRUE);
}

void
mg_grid_remove_rect (MgGrid *grid, gpointer item, const MgRect *rect)
{
  for_cells_in_box (grid, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height,
                    item, FALSE);
}

static void
walk_polyline (MgGrid *grid, gpointer item, const double *xy, guint n_points, double pad,
               gboolean add)
{
  if (n_points == 1)
    {
      for_cells_in_box (grid, xy[0] - pad, xy[1] - pad, xy[0] + pad, xy[1] + pad, item, add);
      return;
    }
  for (guint i = 0; i + 1 < n_points; i++)
    {
      double ax = xy[2 * i], ay = xy[2 * i + 1];
      double bx = xy[2 * i + 2], by = xy[2 * i + 3];
      double len = hypot (bx - ax, by - ay);
      /* Pieces no longer than a cell touch at most 2×2 cells each. */
      guint pieces = (guint) CLAMP (ceil (len / grid->cell), 1, 100000);

      for (guint k = 0; k < pieces; k++)
        {
          double t0 = (double) k / pieces, t1 = (double) (k + 1) / pieces;
          double px0 = ax + (bx - ax) * t0, py0 = ay + (by - ay) * t0;
          double px1 = ax + (bx - ax) * t1, py1 = ay + (by - ay) * t1;
          for_cells_in_box (grid, MIN (px0, px1) - pad, MIN (py0, py1) - pad,
                            MAX (px0, px1) + pad, MAX (py0, py1) + pad, item, add);
        }
    }
}

void
mg_grid_insert_polyline (MgGrid *grid, gpointer item, const double *xy, guint n_points, double pad)
{
  walk_polyline (grid, item, xy, n_points, pad, TRUE);
}

void
mg_grid_remove_polyline (MgGrid *grid, gpointer item, const double *xy, guint n_points, double pad)
{
  walk_polyline (grid, item, xy, n_points, pad, FALSE);
}

gboolean
mg_grid_foreach_in_rect (MgGrid *grid, const MgRect *rect, MgGridFunc func, gpointer data)
{
  int c0 = col_of (grid, rect->x), c1 = col_of (grid, rect->x + rect->width);
  int r0 = row_of (grid, rect->y), r1 = row_of (grid, rect->y + rect->height);

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        MgCell *cell = &grid->cells[(gsize) r * grid->cols + c];
        for (guint i = 0; i < cell->len; i++)
          if (!func (cell->items[i], data))
            return FALSE;
      }
  return TRUE;
}
