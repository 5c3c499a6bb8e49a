/* mg-sheet-map.c — the map made from an actors table and a relations
 * table, with one use per column (mg-sheet-names.c guesses them).
 *
 * When several
 * columns have the same use (`type` and `catégorie`), each actor takes the
 * first non-empty value, and one warning says when two disagree.  Region,
 * department and city are joined into the territory path.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mg-sheet-private.h"

/* ---- building --------------------------------------------------------- */

typedef struct {
  GPtrArray  *warnings;
  guint       n_warnings;
  guint       n_dropped;
  /* Role and kind values already looked up: a table repeats a handful of
   * them thousands of times. */
  GHashTable *roles, *kinds;
} Builder;

static const char *
cached_value (GHashTable *cache, const char *text, gboolean kind)
{
  const char *id = g_hash_table_lookup (cache, text);

  if (id == NULL)
    {
      char *value = mg_sheet_value_from_text (text, kind);

      g_hash_table_insert (cache, g_strdup (text), value);
      id = value;
    }
  return id;
}

static void
warn (Builder *b, const MgSheetTable *table, guint row, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
warn (Builder *b, const MgSheetTable *table, guint row, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;

  if (b->warnings == NULL)
    return;
  if (b->n_warnings >= MG_SHEET_MAX_WARNINGS)
    {
      b->n_dropped++;
      return;
    }
  b->n_warnings++;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line each, whatever the cells quoted hold. */
  g_strdelimit (text, "\r\n", ' ');
  where = mg_sheet_table_describe (table);
  if (row > 0)
    /* TRANSLATORS: "actors.csv, row 7: the actor “X” is not known…" */
    g_ptr_array_add (b->warnings, g_strdup_printf (_("%s, row %u: %s"), where, row, text));
  else
    g_ptr_array_add (b->warnings, g_strdup_printf ("%s: %s", where, text));
}

static const char *
cell (const MgSheetRow *row, guint column)
{
  return column < row->n_cells ? row->cells[column] : "";
}

/* The first non-empty value among the columns of @use (trimmed, in
 * @scratch), or NULL.  *@column gets its column. */
static const char *
first_value (const MgSheetRow *row, const MgColumnUse *uses, guint n_columns, MgColumnUse use,
             GString *scratch, guint *column)
{
  for (guint c = 0; c < n_columns; c++)
    {
      const char *v, *end;

      if (uses[c] != use)
        continue;
      v = cell (row, c);
      while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
        v++;
      if (*v == '\0')
        continue;
      end = v + strlen (v);
      while (end > v && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        end--;
      /* Notes keep their text exactly, spaces included. */
      if (use == MG_COLUMN_NOTES)
        {
          v = cell (row, c);
          end = v + strlen (v);
        }
      g_string_truncate (scratch, 0);
      g_string_append_len (scratch, v, end - v);
      if (column != NULL)
        *column = c;
      return scratch->str;
    }
  return NULL;
}

/* Cells past the last header are left out: said once per table. */
static void
warn_extra_cells (Builder *b, const MgSheetTable *table, const MgSheetRow *row,
                  gboolean *warned)
{
  if (*warned || row->n_cells <= table->header->len)
    return;
  for (guint c = table->header->len; c < row->n_cells; c++)
    if (*row->cells[c] != '\0')
      {
        *warned = TRUE;
        warn (b, table, row->number, _("cells past the last column with a header are left "
                                       "out (here and on every row)"));
        return;
      }
}

/* Warns once per table and use when two synonym columns disagree. */
typedef struct {
  gboolean warned[MG_N_COLUMN_USES];
} Disagreements;

static void
check_agreement (Builder *b, const MgSheetTable *table, const MgSheetRow *row,
                 const MgColumnUse *uses, guint n_columns, MgColumnUse use, guint first_column,
                 Disagreements *seen, gboolean (*same) (const char *, const char *))
{
  const char *first;

  if (seen->warned[use])
    return;
  first = cell (row, first_column);
  for (guint c = first_column + 1; c < n_columns; c++)
    {
      const char *other;

      if (uses[c] != use)
        continue;
      other = cell (row, c);
      if (*other == '\0' || same (first, other))
        continue;
      seen->warned[use] = TRUE;
      warn (b, table, row->number,
            _("the columns “%s” and “%s” disagree (“%s” and “%s”); the first non-empty one is "
              "used, here and on every row"),
            (const char *) g_ptr_array_index (table->header, first_column),
            (const char *) g_ptr_array_index (table->header, c), first, other);
      return;
    }
}

static gboolean
same_normalized (const char *a, const char *b)
{
  g_autofree char *na = mg_sheet_normalize (a);
  g_autofree char *nb = mg_sheet_normalize (b);

  return strcmp (na, nb) == 0;
}

static gboolean
same_role (const char *a, const char *b)
{
  g_autofree char *ra = mg_sheet_role_from_text (a);
  g_autofree char *rb = mg_sheet_role_from_text (b);

  return g_strcmp0 (ra, rb) == 0 || same_normalized (a, b);
}

static gboolean
same_kind (const char *a, const char *b)
{
  g_autofree char *ka = mg_sheet_kind_from_text (a);
  g_autofree char *kb = mg_sheet_kind_from_text (b);

  return g_strcmp0 (ka, kb) == 0 || same_normalized (a, b);
}

/* The attribute keys of a table's kept columns, typed by their values:
 * boolean, long or double when every non-empty value is one, else string. */
static MgKey **
make_attribute_keys (MgMap *map, const MgSheetTable *table, const MgColumnUse *uses,
                     MgKeyDomain domain)
{
  guint n = table->header->len;
  MgKey **keys = g_new0 (MgKey *, MAX (n, 1));

  for (guint c = 0; c < n; c++)
    {
      const char *name = g_ptr_array_index (table->header, c);
      gboolean all_bool = TRUE, all_long = TRUE, all_double = TRUE, any = FALSE;
      MgValueType type = MG_VALUE_STRING;
      g_autofree char *id = NULL;
      MgKey *existing;

      if (uses[c] != MG_COLUMN_ATTRIBUTE || *name == '\0')
        continue;
      existing = mg_map_find_key_by_name (map, name, domain);
      if (existing != NULL && existing->field == MG_FIELD_NONE)
        {
          keys[c] = existing;
          continue;
        }
      for (guint r = 0; r < table->rows->len && (all_bool || all_long || all_double); r++)
        {
          const char *v = cell (&g_array_index (table->rows, MgSheetRow, r), c);
          gboolean b;
          double d;
          gint64 l;

          if (*v == '\0')
            continue;
          any = TRUE;
          if (all_bool && !mg_parse_boolean (v, &b))
            all_bool = FALSE;
          if (all_long && !g_ascii_string_to_signed (v, 10, G_MININT64, G_MAXINT64, &l, NULL))
            all_long = FALSE;
          if (all_double && !mg_sheet_parse_number (v, &d))
            all_double = FALSE;
        }
      if (any && all_bool)
        type = MG_VALUE_BOOLEAN;
      else if (any && all_long)
        type = MG_VALUE_LONG;
      else if (any && all_double)
        type = MG_VALUE_DOUBLE;
      id = mg_map_make_key_id (map);
      keys[c] = mg_key_new (id, domain, name, type);
      keys[c]->typed = TRUE;
      mg_map_add_key (map, keys[c]);
    }
  return keys;
}

static void
add_attributes (MgMap *map, GPtrArray **data, MgKey **keys, const MgSheetRow *row, guint n)
{
  for (guint c = 0; c < n; c++)
    {
      const char *v;
      g_autofree char *value = NULL;

      if (keys[c] == NULL)
        continue;
      v = cell (row, c);
      if (*v == '\0')
        continue;
      value = g_strstrip (g_strdup (v));
      if (keys[c]->type == MG_VALUE_DOUBLE)
        {
          double d;

          if (mg_sheet_parse_number (value, &d))
            {
              g_free (value);
              value = mg_format_double (d);
            }
        }
      if (*data == NULL)
        *data = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_data_free);
      g_ptr_array_add (*data, mg_data_new (keys[c], value, FALSE));
    }
}

typedef struct {
  GHashTable *by_label;  /* label → MgActor* (first) */
  GHashTable *by_normal; /* normalised label → MgActor* (first) */
  GHashTable *repeated;  /* labels held by several actors */
} ActorIndex;

static void
index_actor (ActorIndex *ix, MgActor *actor)
{
  const char *label = mg_actor_get_display_label (actor);

  if (!g_hash_table_contains (ix->by_label, label))
    g_hash_table_insert (ix->by_label, (gpointer) label, actor);
  else
    g_hash_table_add (ix->repeated, (gpointer) label);
  if (ix->by_normal != NULL)
    {
      char *normal = mg_sheet_normalize (label);

      if (!g_hash_table_contains (ix->by_normal, normal))
        g_hash_table_insert (ix->by_normal, normal, actor);
      else
        g_free (normal);
    }
}

/* Labels without case or accents, made at the first name not found as
 * written (most tables name actors exactly). */
static GHashTable *
normal_index (MgMap *map, ActorIndex *ix)
{
  GPtrArray *actors = mg_map_get_actors (map);

  if (ix->by_normal != NULL)
    return ix->by_normal;
  ix->by_normal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *actor = g_ptr_array_index (actors, i);
      char *normal = mg_sheet_normalize (mg_actor_get_display_label (actor));

      if (!g_hash_table_contains (ix->by_normal, normal))
        g_hash_table_insert (ix->by_normal, normal, actor);
      else
        g_free (normal);
    }
  return ix->by_normal;
}

static gboolean
build_actors (Builder *b, MgMap *map, const MgSheetTable *table, const MgColumnUse *uses,
              ActorIndex *ix, GError **error)
{
  guint n = table->header->len;
  gboolean has_name = FALSE;
  g_autofree MgKey **keys = NULL;
  g_autoptr (GString) s1 = g_string_new (NULL);
  g_autoptr (GString) s2 = g_string_new (NULL);
  g_autoptr (GString) path = g_string_new (NULL);
  g_autoptr (GHashTable) row_of_id = g_hash_table_new (g_str_hash, g_str_equal);
  Disagreements seen = { { FALSE } };
  gboolean extra_warned = FALSE;
  gboolean territory_warned = FALSE;

  for (guint c = 0; c < n; c++)
    has_name |= uses[c] == MG_COLUMN_ID || uses[c] == MG_COLUMN_LABEL;
  if (!has_name)
    {
      g_autofree char *where = mg_sheet_table_describe (table);

      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_NO_TABLE,
                   _("%s: no column of actor names or ids (a header such as “nom”, “name”, "
                     "“label” or “id”)"), where);
      return FALSE;
    }
  keys = make_attribute_keys (map, table, uses, MG_DOMAIN_NODE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const MgSheetRow *row = &g_array_index (table->rows, MgSheetRow, r);

      warn_extra_cells (b, table, row, &extra_warned);
      const char *id, *label, *v;
      guint column = 0;
      MgActor *actor;

      id = first_value (row, uses, n, MG_COLUMN_ID, s1, NULL);
      label = first_value (row, uses, n, MG_COLUMN_LABEL, s2, &column);
      if (id == NULL && label == NULL)
        {
          warn (b, table, row->number, _("no name and no id; the row is skipped"));
          continue;
        }
      if (label != NULL)
        check_agreement (b, table, row, uses, n, MG_COLUMN_LABEL, column, &seen, same_normalized);
      actor = mg_map_add_actor (map, id);
      if (actor == NULL)
        {
          warn (b, table, row->number, _("the id “%s” is already used (row %u); the row is "
                                         "skipped"),
                id, GPOINTER_TO_UINT (g_hash_table_lookup (row_of_id, id)));
          continue;
        }
      g_hash_table_insert (row_of_id, actor->id, GUINT_TO_POINTER (row->number));
      if (label != NULL)
        mg_map_set_actor_label (map, actor, label);

      if ((v = first_value (row, uses, n, MG_COLUMN_ROLE, s1, &column)) != NULL)
        {
          const char *role = cached_value (b->roles, v, FALSE);

          check_agreement (b, table, row, uses, n, MG_COLUMN_ROLE, column, &seen, same_role);
          mg_map_set_actor_role (map, actor, role);
        }

      /* Territory: the territory column, else region/department/city
       * joined, empty parts dropped (a path has no empty level). */
      g_string_truncate (path, 0);
      {
        static const MgColumnUse parts[] = { MG_COLUMN_REGION, MG_COLUMN_DEPARTMENT,
                                             MG_COLUMN_CITY };

        for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
          {
            const char *part = first_value (row, uses, n, parts[i], s1, &column);

            if (part == NULL)
              continue;
            check_agreement (b, table, row, uses, n, parts[i], column, &seen, same_normalized);
            if (path->len > 0)
              g_string_append_c (path, '/');
            g_string_append (path, part);
          }
      }
      if ((v = first_value (row, uses, n, MG_COLUMN_TERRITORY, s1, &column)) != NULL)
        {
          check_agreement (b, table, row, uses, n, MG_COLUMN_TERRITORY, column, &seen,
                           same_normalized);
          if (path->len > 0 && !territory_warned && !same_normalized (v, path->str))
            {
              territory_warned = TRUE;
              warn (b, table, row->number,
                    _("the territory “%s” and the region, department and city “%s” disagree; "
                      "the territory column is used, here and on every row"), v, path->str);
            }
          mg_map_set_actor_territory (map, actor, v);
        }
      else if (path->len > 0)
        mg_map_set_actor_territory (map, actor, path->str);

      if ((v = first_value (row, uses, n, MG_COLUMN_LESSONS, s1, NULL)) != NULL)
        {
          MgLessonSet lessons;

          if (!mg_sheet_parse_lessons (v, &lessons))
            warn (b, table, row->number, _("unknown lesson in “%s” (use valorize, care, combine "
                                           "or learn)"), v);
          mg_map_set_actor_lessons (map, actor, lessons);
        }
      if ((v = first_value (row, uses, n, MG_COLUMN_NOTES, s1, &column)) != NULL)
        mg_map_set_actor_notes (map, actor, v);
      if ((v = first_value (row, uses, n, MG_COLUMN_PROVENANCE, s1, NULL)) != NULL)
        {
          g_autofree char *provenance = mg_sheet_provenance_from_text (v);
          mg_map_set_actor_provenance (map, actor, provenance);
        }
      /* A position needs both coordinates. */
      {
        const char *x_text = first_value (row, uses, n, MG_COLUMN_X, s1, NULL);
        const char *y_text = x_text != NULL ? first_value (row, uses, n, MG_COLUMN_Y, s2, NULL)
                                            : NULL;
        double x, y;
        gboolean pinned;

        if (x_text != NULL && y_text != NULL && mg_sheet_parse_number (x_text, &x) &&
            mg_sheet_parse_number (y_text, &y) && isfinite (x) && isfinite (y))
          mg_map_set_actor_position (map, actor, x, y);
        if ((v = first_value (row, uses, n, MG_COLUMN_PINNED, s1, NULL)) != NULL &&
            mg_sheet_parse_directed (v, &pinned))
          mg_map_set_actor_pinned (map, actor, pinned);
      }
      add_attributes (map, &actor->data, keys, row, n);
      if (ix != NULL)
        index_actor (ix, actor);
    }
  return TRUE;
}

/* The actor a relation names: by id, else by label, else by label without
 * case or accents; with no actors table, made on first mention. */
static MgActor *
find_actor (MgMap *map, ActorIndex *ix, const char *text, gboolean make, Builder *b,
            const MgSheetTable *table, guint row)
{
  MgActor *actor = mg_map_lookup_actor (map, text);
  g_autofree char *normal = NULL;

  if (actor != NULL)
    return actor;
  actor = g_hash_table_lookup (ix->by_label, text);
  if (actor == NULL)
    {
      normal = mg_sheet_normalize (text);
      actor = g_hash_table_lookup (normal_index (map, ix), normal);
    }
  if (actor != NULL)
    {
      if (g_hash_table_contains (ix->repeated, mg_actor_get_display_label (actor)))
        warn (b, table, row, _("several actors are named “%s”; the first one is used"), text);
      return actor;
    }
  if (!make)
    return NULL;
  actor = mg_map_add_actor (map, NULL);
  mg_map_set_actor_label (map, actor, text);
  index_actor (ix, actor);
  return actor;
}

static gboolean
build_relations (Builder *b, MgMap *map, const MgSheetTable *table, const MgColumnUse *uses,
                 ActorIndex *ix, gboolean make_actors, GError **error)
{
  guint n = table->header->len;
  gboolean has_source = FALSE, has_target = FALSE;
  g_autofree MgKey **keys = NULL;
  g_autoptr (GString) s1 = g_string_new (NULL);
  g_autoptr (GString) s2 = g_string_new (NULL);
  Disagreements seen = { { FALSE } };
  gboolean extra_warned = FALSE;

  for (guint c = 0; c < n; c++)
    {
      has_source |= uses[c] == MG_COLUMN_SOURCE;
      has_target |= uses[c] == MG_COLUMN_TARGET;
    }
  if (!has_source || !has_target)
    {
      g_autofree char *where = mg_sheet_table_describe (table);

      g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_NO_TABLE,
                   _("%s: relations need a source column and a target column (headers such as "
                     "“source” and “cible”, or “from” and “to”)"), where);
      return FALSE;
    }
  keys = make_attribute_keys (map, table, uses, MG_DOMAIN_EDGE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const MgSheetRow *row = &g_array_index (table->rows, MgSheetRow, r);

      warn_extra_cells (b, table, row, &extra_warned);
      const char *source_text, *target_text, *v, *id;
      MgActor *source, *target;
      MgRelation *relation;
      gboolean directed = TRUE;
      guint column = 0;

      source_text = first_value (row, uses, n, MG_COLUMN_SOURCE, s1, NULL);
      target_text = first_value (row, uses, n, MG_COLUMN_TARGET, s2, NULL);
      if (source_text == NULL || target_text == NULL)
        {
          warn (b, table, row->number, _("the source or the target is missing; the row is "
                                         "skipped"));
          continue;
        }
      source = find_actor (map, ix, source_text, make_actors, b, table, row->number);
      if (source == NULL)
        {
          warn (b, table, row->number, _("no actor has the id or name “%s”; the relation is "
                                         "skipped"), source_text);
          continue;
        }
      target = find_actor (map, ix, target_text, make_actors, b, table, row->number);
      if (target == NULL)
        {
          warn (b, table, row->number, _("no actor has the id or name “%s”; the relation is "
                                         "skipped"), target_text);
          continue;
        }
      if ((v = first_value (row, uses, n, MG_COLUMN_DIRECTED, s1, NULL)) != NULL &&
          !mg_sheet_parse_directed (v, &directed))
        warn (b, table, row->number, _("“%s” does not say whether the relation is directed "
                                       "(use yes or no); it is directed"), v);
      id = first_value (row, uses, n, MG_COLUMN_ID, s1, NULL);
      relation = mg_map_add_relation (map, source, target, id, directed);

      if ((v = first_value (row, uses, n, MG_COLUMN_KIND, s1, &column)) != NULL)
        {
          const char *kind = cached_value (b->kinds, v, TRUE);

          check_agreement (b, table, row, uses, n, MG_COLUMN_KIND, column, &seen, same_kind);
          mg_map_set_relation_kind (map, relation, kind);
        }
      if ((v = first_value (row, uses, n, MG_COLUMN_WEIGHT, s1, NULL)) != NULL)
        {
          double weight;

          if (mg_sheet_parse_number (v, &weight))
            mg_map_set_relation_weight (map, relation, TRUE, weight);
          else
            warn (b, table, row->number, _("the weight “%s” is not a number; it is left out"),
                  v);
        }
      if ((v = first_value (row, uses, n, MG_COLUMN_LESSONS, s1, NULL)) != NULL)
        {
          MgLessonSet lessons;

          if (!mg_sheet_parse_lessons (v, &lessons))
            warn (b, table, row->number, _("unknown lesson in “%s” (use valorize, care, combine "
                                           "or learn)"), v);
          mg_map_set_relation_lessons (map, relation, lessons);
        }
      if ((v = first_value (row, uses, n, MG_COLUMN_NOTES, s1, NULL)) != NULL)
        mg_map_set_relation_notes (map, relation, v);
      if ((v = first_value (row, uses, n, MG_COLUMN_PROVENANCE, s1, NULL)) != NULL)
        {
          g_autofree char *provenance = mg_sheet_provenance_from_text (v);
          mg_map_set_relation_provenance (map, relation, provenance);
        }
      add_attributes (map, &relation->data, keys, row, n);
    }
  return TRUE;
}

static void
copy_table_warnings (Builder *b, const MgSheetTable *table)
{
  for (guint i = 0; table != NULL && i < table->warnings->len; i++)
    warn (b, table, 0, "%s", (const char *) g_ptr_array_index (table->warnings, i));
}

MgMap *
mg_sheet_build_map (const MgSheetTable *actors, const MgColumnUse *actor_uses_in,
                    const MgSheetTable *relations, const MgColumnUse *relation_uses_in,
                    GPtrArray *warnings, GError **error)
{
  g_autoptr (MgMap) map = mg_map_new ();
  Builder b = { warnings, 0, 0, NULL, NULL };
  ActorIndex ix;
  gboolean ok = TRUE;

  g_return_val_if_fail (actors != NULL || relations != NULL, NULL);
  g_return_val_if_fail (actors == NULL || actor_uses_in != NULL, NULL);
  g_return_val_if_fail (relations == NULL || relation_uses_in != NULL, NULL);

  ix.by_label = g_hash_table_new (g_str_hash, g_str_equal);
  ix.by_normal = NULL;
  b.roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ix.repeated = g_hash_table_new (g_str_hash, g_str_equal);

  copy_table_warnings (&b, actors);
  if (relations != actors)
    copy_table_warnings (&b, relations);
  mg_map_begin_load (map);
  if (mg_map_get_graphs (map)->len == 0)
    mg_map_add_graph (map)->directed = TRUE;
  if (actors != NULL)
    ok = build_actors (&b, map, actors, actor_uses_in, &ix, error);
  if (ok && relations != NULL)
    ok = build_relations (&b, map, relations, relation_uses_in, &ix, actors == NULL, error);
  mg_map_end_load (map);

  g_hash_table_unref (ix.by_label);
  g_clear_pointer (&ix.by_normal, g_hash_table_unref);
  g_hash_table_unref (b.roles);
  g_hash_table_unref (b.kinds);
  g_hash_table_unref (ix.repeated);
  if (!ok)
    return NULL;
  if (b.n_dropped > 0 && warnings != NULL)
    g_ptr_array_add (warnings, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u more warning not shown",
                                                             "%u more warnings not shown",
                                                             b.n_dropped), b.n_dropped));
  return g_steal_pointer (&map);
}

/* ---- all at once -------------------------------------------------------- */

MgMap *
mg_sheet_read_map (const char *path, const char *relations_path, GPtrArray *warnings,
                   GError **error)
{
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GPtrArray) relation_tables = NULL;
  g_autofree MgColumnUse *actor_uses_guess = NULL;
  g_autofree MgColumnUse *relation_uses_guess = NULL;
  MgSheetTable *actors = NULL, *relations = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  tables = mg_sheet_read_file (path, error);
  if (tables == NULL)
    return NULL;
  mg_sheet_pick_tables (tables, &actors, &relations);
  if (relations_path != NULL)
    {
      MgSheetTable *unused = NULL;

      relation_tables = mg_sheet_read_file (relations_path, error);
      if (relation_tables == NULL)
        return NULL;
      mg_sheet_pick_tables (relation_tables, &unused, &relations);
      if (relations == NULL)
        {
          g_set_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_NO_TABLE,
                       _("%s: no table of relations (it needs a source column and a target "
                         "column, such as “source” and “cible”)"), relations_path);
          return NULL;
        }
      /* The relations come from their own file; the first file is the
       * actors, whatever its headers. */
      if (actors == NULL && tables->len > 0)
        actors = g_ptr_array_index (tables, 0);
    }
  if (actors != NULL)
    actor_uses_guess = mg_sheet_guess_uses (actors, FALSE);
  if (relations != NULL)
    relation_uses_guess = mg_sheet_guess_uses (relations, TRUE);
  return mg_sheet_build_map (actors, actor_uses_guess, relations, relation_uses_guess, warnings,
                             error);
}
