/* mg-summary.c — counts per role, kind, territory and lesson. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mg-i18n.h"
#include "mg-summary.h"

typedef struct {
  char *value;
  guint count;
} Count;

/* Counts in first-met order, so output is stable for a given file. */
typedef struct {
  GHashTable *index; /* value → Count* */
  GPtrArray  *order; /* Count*, owned */
} Counter;

static void
count_free (gpointer data)
{
  Count *c = data;

  g_free (c->value);
  g_free (c);
}

static void
counter_init (Counter *counter)
{
  counter->index = g_hash_table_new (g_str_hash, g_str_equal);
  counter->order = g_ptr_array_new_with_free_func (count_free);
}

static void
counter_clear (Counter *counter)
{
  g_hash_table_unref (counter->index);
  g_ptr_array_unref (counter->order);
}

static void
counter_add (Counter *counter, const char *value)
{
  Count *c = g_hash_table_lookup (counter->index, value);

  if (c == NULL)
    {
      c = g_new0 (Count, 1);
      c->value = g_strdup (value);
      g_ptr_array_add (counter->order, c);
      g_hash_table_insert (counter->index, c->value, c);
    }
  c->count++;
}

static int
compare_counts (gconstpointer a, gconstpointer b)
{
  const Count *ca = *(const Count * const *) a;
  const Count *cb = *(const Count * const *) b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  return g_utf8_collate (ca->value, cb->value);
}

typedef struct {
  guint   n_actors, n_relations, n_groups;
  Counter roles, kinds, territories, regions;
  guint   lessons_actors[MG_N_LESSONS];
  guint   lessons_relations[MG_N_LESSONS];
  guint   provenance_actors[MG_N_PROVENANCES];
  guint   provenance_relations[MG_N_PROVENANCES];
} Summary;

#define NO_ROLE "(none)"

/* @keep_actor / @keep_relation (by index, may be NULL: all) say what to
 * count: `--info --territory` counts within the territory. */
static void
summary_compute (Summary *s, MgMap *map, const guint8 *keep_actor, const guint8 *keep_relation)
{
  GPtrArray *actors = mg_map_get_actors (map);
  GPtrArray *relations = mg_map_get_relations (map);

  memset (s, 0, sizeof *s);
  counter_init (&s->roles);
  counter_init (&s->kinds);
  counter_init (&s->territories);
  counter_init (&s->regions);
  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      if (keep_actor != NULL && !keep_actor[i])
        continue;
      s->n_actors++;

      if (a->subgraph != NULL)
        s->n_groups++;
      counter_add (&s->roles, a->role ? a->role : NO_ROLE);
      counter_add (&s->territories, a->territory ? a->territory : NO_ROLE);
      if (a->territory != NULL)
        {
          const char *slash = strchr (a->territory, '/');
          g_autofree char *region = slash ? g_strndup (a->territory, (gsize) (slash - a->territory))
                                          : g_strdup (a->territory);
          counter_add (&s->regions, region);
        }
      for (guint l = 0; l < MG_N_LESSONS; l++)
        if (a->lessons & MG_LESSON_BIT (l))
          s->lessons_actors[l]++;
      s->provenance_actors[mg_provenance_from_string (a->provenance)]++;
    }
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      if (keep_relation != NULL && !keep_relation[i])
        continue;
      s->n_relations++;
      counter_add (&s->kinds, r->kind ? r->kind : NO_ROLE);
      for (guint l = 0; l < MG_N_LESSONS; l++)
        if (r->lessons & MG_LESSON_BIT (l))
          s->lessons_relations[l]++;
      s->provenance_relations[mg_provenance_from_string (r->provenance)]++;
    }
  g_ptr_array_sort (s->roles.order, compare_counts);
  g_ptr_array_sort (s->kinds.order, compare_counts);
  g_ptr_array_sort (s->territories.order, compare_counts);
  g_ptr_array_sort (s->regions.order, compare_counts);
}

static void
summary_clear (Summary *s)
{
  counter_clear (&s->roles);
  counter_clear (&s->kinds);
  counter_clear (&s->territories);
  counter_clear (&s->regions);
}

static void
append_counter (GString *out, const char *heading, Counter *counter, guint limit,
                const char *lang)
{
  if (counter->order->len == 0)
    return;
  g_string_append_printf (out, "\n%s\n", heading);
  for (guint i = 0; i < counter->order->len && i < limit; i++)
    {
      Count *c = g_ptr_array_index (counter->order, i);

      g_string_append_printf (out, "  %6u  %s\n", c->count, c->value);
    }
  if (counter->order->len > limit)
    g_string_append_printf (out, mg_i18n_gettext (lang, "  … and %u more\n"), counter->order->len - limit);
}

/* The word for a provenance in --info: its id, "none" when not recorded,
 * "other" for words Maillage does not know. */
static const char *
provenance_key (MgProvenance provenance)
{
  if (provenance == MG_PROVENANCE_NONE)
    return "none";
  if (provenance == MG_PROVENANCE_OTHER)
    return "other";
  return mg_provenance_id (provenance);
}

static void
add_provenance_counts (JsonBuilder *builder, const char *name, const guint *counts)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint p = 0; p < MG_N_PROVENANCES; p++)
    if (p != MG_PROVENANCE_OTHER || counts[p] > 0)
      {
        json_builder_set_member_name (builder, provenance_key (p));
        json_builder_add_int_value (builder, counts[p]);
      }
  json_builder_end_object (builder);
}

char *
mg_summary_to_text (MgMap *map, const char *path, GPtrArray *warnings)
{
  return mg_summary_to_text_in (map, path, warnings, NULL);
}

char *
mg_summary_to_text_in (MgMap *map, const char *path, GPtrArray *warnings, const char *lang)
{
  return mg_summary_to_text_masked (map, path, warnings, lang, NULL, NULL);
}

char *
mg_summary_to_text_masked (MgMap *map, const char *path, GPtrArray *warnings, const char *lang,
                           const guint8 *keep_actor, const guint8 *keep_relation)
{
  GString *out = g_string_new (NULL);
  Summary s;

  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  summary_compute (&s, map, keep_actor, keep_relation);
  if (path != NULL)
    g_string_append_printf (out, "%s\n", path);
  if (mg_map_get_title (map) != NULL)
    g_string_append_printf (out, mg_i18n_gettext (lang, "Title: %s\n"), mg_map_get_title (map));
  g_string_append_printf (out, mg_i18n_gettext (lang, "Actors: %u\n"), s.n_actors);
  g_string_append_printf (out, mg_i18n_gettext (lang, "Relations: %u\n"), s.n_relations);
  if (s.n_groups > 0)
    g_string_append_printf (out, mg_i18n_gettext (lang, "Groups: %u\n"), s.n_groups);

  append_counter (out, mg_i18n_gettext (lang, "Roles:"), &s.roles, 30, lang);
  append_counter (out, mg_i18n_gettext (lang, "Relation kinds:"), &s.kinds, 30, lang);
  append_counter (out, mg_i18n_gettext (lang, "Regions:"), &s.regions, 30, lang);
  append_counter (out, mg_i18n_gettext (lang, "Territories:"), &s.territories, 30, lang);

  g_string_append_printf (out, "\n%s\n", mg_i18n_gettext (lang, "Lessons (actors, relations):"));
  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      const MgLessonInfo *info = mg_lesson_info (l);

      g_string_append_printf (out, "  %-9s %4u %4u  %s\n", info->id,
                              s.lessons_actors[l], s.lessons_relations[l], mg_i18n_gettext (lang, info->name));
    }

  g_string_append_printf (out, "\n%s\n", mg_i18n_gettext (lang, "Provenance (actors, relations):"));
  for (guint p = 0; p < MG_N_PROVENANCES; p++)
    {
      if (p == MG_PROVENANCE_OTHER && s.provenance_actors[p] + s.provenance_relations[p] == 0)
        continue;
      g_string_append_printf (out, "  %-12s %4u %4u  %s\n", provenance_key (p),
                              s.provenance_actors[p], s.provenance_relations[p],
                              mg_i18n_gettext (lang, mg_provenance_name (p)));
    }

  if (warnings != NULL && warnings->len > 0)
    g_string_append_printf (out, mg_i18n_ngettext (lang, "\n%u warning (see above)\n",
                                              "\n%u warnings (see above)\n", warnings->len),
                            warnings->len);
  summary_clear (&s);
  return g_string_free (out, FALSE);
}

static void
add_counter_member (JsonBuilder *builder, const char *name, Counter *counter)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < counter->order->len; i++)
    {
      Count *c = g_ptr_array_index (counter->order, i);

      json_builder_set_member_name (builder, c->value);
      json_builder_add_int_value (builder, c->count);
    }
  json_builder_end_object (builder);
}

static void
add_lesson_member (JsonBuilder *builder, const char *name, const guint *a, const guint *b)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint l = 0; l < MG_N_LESSONS; l++)
    {
      json_builder_set_member_name (builder, mg_lesson_info (l)->id);
      json_builder_add_int_value (builder, a[l] + (b ? b[l] : 0));
    }
  json_builder_end_object (builder);
}

void
mg_summary_add_json_members (JsonBuilder *builder, MgMap *map,
                             const char *path, GPtrArray *warnings)
{
  mg_summary_add_json_members_masked (builder, map, path, warnings, NULL, NULL);
}

void
mg_summary_add_json_members_masked (JsonBuilder *builder, MgMap *map,
                                    const char *path, GPtrArray *warnings,
                                    const guint8 *keep_actor, const guint8 *keep_relation)
{
  Summary s;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (MG_IS_MAP (map));

  summary_compute (&s, map, keep_actor, keep_relation);
  if (path != NULL)
    {
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, path);
    }
  json_builder_set_member_name (builder, "title");
  if (mg_map_get_title (map) != NULL)
    json_builder_add_string_value (builder, mg_map_get_title (map));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "actors");
  json_builder_add_int_value (builder, s.n_actors);
  json_builder_set_member_name (builder, "relations");
  json_builder_add_int_value (builder, s.n_relations);
  json_builder_set_member_name (builder, "groups");
  json_builder_add_int_value (builder, s.n_groups);
  add_counter_member (builder, "roles", &s.roles);
  add_counter_member (builder, "kinds", &s.kinds);
  add_counter_member (builder, "regions", &s.regions);
  add_counter_member (builder, "territories", &s.territories);
  add_lesson_member (builder, "lessons", s.lessons_actors, s.lessons_relations);
  add_lesson_member (builder, "lessons_actors", s.lessons_actors, NULL);
  add_lesson_member (builder, "lessons_relations", s.lessons_relations, NULL);
  /* "provenance": {"actors": {"stated": n, …, "none": n}, "relations": {…}} */
  json_builder_set_member_name (builder, "provenance");
  json_builder_begin_object (builder);
  add_provenance_counts (builder, "actors", s.provenance_actors);
  add_provenance_counts (builder, "relations", s.provenance_relations);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (warnings, i));
  json_builder_end_array (builder);
  summary_clear (&s);
}
