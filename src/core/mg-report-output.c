/* mg-report-output.c — the territory report as JSON (the command line's
 * contract) and as plain text for people. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mg-i18n.h"
#include "mg-report.h"


/* ---- JSON ------------------------------------------------------------------------ */

static void
add_roles (JsonBuilder *builder, const MgReportTerritory *t)
{
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_object (builder);
  for (guint i = 0; i < t->roles->len; i++)
    {
      const MgReportCount *c = &g_array_index (t->roles, MgReportCount, i);

      json_builder_set_member_name (builder, c->role);
      json_builder_add_int_value (builder, c->count);
    }
  json_builder_end_object (builder);
}

static void
add_families (JsonBuilder *builder, const MgReportTerritory *t)
{
  MgFamilySet missing = mg_report_territory_missing (t);

  json_builder_set_member_name (builder, "families");
  json_builder_begin_object (builder);
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    if (t->present & MG_FAMILY_BIT (f))
      {
        json_builder_set_member_name (builder, mg_family_id (f));
        json_builder_add_int_value (builder, t->families[f]);
      }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "missing_families");
  json_builder_begin_array (builder);
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    if (missing & MG_FAMILY_BIT (f))
      json_builder_add_string_value (builder, mg_family_id (f));
  json_builder_end_array (builder);
}

static void
add_count (JsonBuilder *builder, const char *name, const MgReportTerritory *t, MgLever lever)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, mg_report_territory_lever_count (t, lever));
}

JsonNode *
mg_report_to_json (const MgReport *report, MgMap *map)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GPtrArray *actors;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  actors = mg_map_get_actors (map);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, report->level);
  json_builder_set_member_name (builder, "territories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->territories->len; i++)
    {
      const MgReportTerritory *t = g_ptr_array_index (report->territories, i);
      GArray *catalysts = t->levers[MG_LEVER_CATALYSTS];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "territory");
      json_builder_add_string_value (builder, t->path);
      json_builder_set_member_name (builder, "actors");
      json_builder_add_int_value (builder, t->n_actors);
      add_roles (builder, t);
      add_families (builder, t);
      json_builder_set_member_name (builder, "catalysts");
      json_builder_begin_array (builder);
      for (guint c = 0; c < catalysts->len; c++)
        {
          guint v = g_array_index (catalysts, guint, c);

          json_builder_add_string_value (builder,
                                         ((const MgActor *) g_ptr_array_index (actors, v))->id);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "engineering");
      json_builder_begin_object (builder);
      add_count (builder, "inside", t, MG_LEVER_ENGINEERING_INSIDE);
      add_count (builder, "outside", t, MG_LEVER_ENGINEERING_OUTSIDE);
      json_builder_end_object (builder);
      add_count (builder, "partnerships_outside", t, MG_LEVER_PARTNERSHIPS_OUTSIDE);
      add_count (builder, "national_networks", t, MG_LEVER_NATIONAL_NETWORKS);
      add_count (builder, "peer_exchanges", t, MG_LEVER_PEER_EXCHANGES);
      add_count (builder, "collective_organisation", t, MG_LEVER_COLLECTIVE_ORGANISATION);
      json_builder_set_member_name (builder, "openness");
      json_builder_add_double_value (builder, t->openness);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "map");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actors");
  json_builder_add_int_value (builder, report->map->n_actors);
  add_roles (builder, report->map);
  add_families (builder, report->map);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
mg_report_to_json_string (const MgReport *report, MgMap *map)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = mg_report_to_json (report, map);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ---- text -------------------------------------------------------------------------- */

static const char *
role_name (MgMap *map, const char *role, const char *lang)
{
  const MgRole *info = mg_vocabulary_lookup_role (mg_map_get_vocabulary (map), role);

  return info != NULL && info->name != NULL ? mg_i18n_gettext (lang, info->name) : role;
}

static void
append_roles (GString *out, MgMap *map, const MgReportTerritory *t, const char *lang)
{
  g_string_append_printf (out, "  %s ", mg_i18n_gettext (lang, "Roles:"));
  for (guint i = 0; i < t->roles->len; i++)
    {
      const MgReportCount *c = &g_array_index (t->roles, MgReportCount, i);

      g_string_append_printf (out, "%s%s %u", i > 0 ? ", " : "", role_name (map, c->role, lang),
                              c->count);
    }
  if (t->roles->len == 0)
    g_string_append (out, "—");
  g_string_append_c (out, '\n');
}

static void
append_families (GString *out, const MgReportTerritory *t, const char *lang)
{
  MgFamilySet missing = mg_report_territory_missing (t);
  gboolean first = TRUE;

  g_string_append_printf (out, "  %s ", mg_i18n_gettext (lang, "Around the table:"));
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    if (t->present & MG_FAMILY_BIT (f))
      {
        g_string_append_printf (out, "%s%s %u", first ? "" : ", ", mg_i18n_gettext (lang, mg_family_name (f)),
                                t->families[f]);
        first = FALSE;
      }
  if (first)
    g_string_append (out, "—");
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "  %s ", mg_i18n_gettext (lang, "Missing:"));
  first = TRUE;
  for (guint f = 0; f < MG_N_FAMILIES; f++)
    if (missing & MG_FAMILY_BIT (f))
      {
        g_string_append_printf (out, "%s%s", first ? "" : ", ", mg_i18n_gettext (lang, mg_family_name (f)));
        first = FALSE;
      }
  if (first)
    g_string_append (out, mg_i18n_gettext (lang, "nobody — every family is there"));
  g_string_append_c (out, '\n');
}

static void
append_lever (GString *out, MgLever lever, const char *value, const char *lang)
{
  const MgLeverInfo *info = mg_lever_info (lever);
  g_autofree char *head = g_strdup_printf ("%u. %s", info->cget, mg_i18n_gettext (lang, info->name));
  glong width = g_utf8_strlen (head, -1);

  /* Padded by characters, not bytes: "Réseaux" lines up with "Openness". */
  g_string_append_printf (out, "    %s%*s %6s\n", head, (int) MAX (0, 34 - width), "", value);
}

static void
append_levers (GString *out, const MgReport *report, MgMap *map, const MgReportTerritory *t,
               const char *lang)
{
  GPtrArray *actors = mg_map_get_actors (map);
  GArray *catalysts = t->levers[MG_LEVER_CATALYSTS];

  g_string_append_printf (out, "  %s\n", mg_i18n_gettext (lang, "Levers:"));
  for (MgLever l = MG_LEVER_CATALYSTS; l < MG_N_LEVERS; l++)
    {
      g_autofree char *value = NULL;

      if (l == MG_LEVER_OPENNESS)
        value = g_strdup_printf ("%.0f%%", t->openness * 100);
      else if (l == MG_LEVER_CATALYSTS && !report->has_betweenness)
        value = g_strdup ("…");
      else
        value = g_strdup_printf ("%u", mg_report_territory_lever_count (t, l));
      append_lever (out, l, value, lang);
      if (l == MG_LEVER_CATALYSTS && catalysts->len > 0)
        {
          g_string_append (out, "        ");
          for (guint c = 0; c < catalysts->len; c++)
            g_string_append_printf (out, "%s%s", c > 0 ? ", " : "",
                                    mg_actor_get_display_label (
                                      g_ptr_array_index (actors, g_array_index (catalysts, guint, c))));
          g_string_append_c (out, '\n');
        }
    }
}

char *
mg_report_to_text (const MgReport *report, MgMap *map)
{
  return mg_report_to_text_in (report, map, NULL);
}

char *
mg_report_to_text_in (const MgReport *report, MgMap *map, const char *lang)
{
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (MG_IS_MAP (map), NULL);

  out = g_string_new (NULL);
  if (mg_map_get_title (map) != NULL)
    g_string_append_printf (out, "%s\n", mg_map_get_title (map));
  g_string_append_printf (out, mg_i18n_gettext (lang, "Territory report, level %u: who is around the table, "
                                 "who is missing, which levers\n"), report->level);
  for (guint i = 0; i < report->territories->len; i++)
    {
      const MgReportTerritory *t = g_ptr_array_index (report->territories, i);

      g_string_append_printf (out, "\n%s — ", t->path);
      g_string_append_printf (out, mg_i18n_ngettext (lang, "%u actor\n", "%u actors\n",
                                                t->n_actors), t->n_actors);
      append_roles (out, map, t, lang);
      append_families (out, t, lang);
      append_levers (out, report, map, t, lang);
    }
  g_string_append_printf (out, "\n%s — ", mg_i18n_gettext (lang, "Whole map"));
  g_string_append_printf (out, mg_i18n_ngettext (lang, "%u actor\n", "%u actors\n",
                                            report->map->n_actors), report->map->n_actors);
  append_roles (out, map, report->map, lang);
  append_families (out, report->map, lang);
  g_string_append_printf (out, "\n%s\n", mg_i18n_gettext (lang, "What the levers count:"));
  for (MgLever l = MG_LEVER_CATALYSTS; l < MG_N_LEVERS; l++)
    {
      const MgLeverInfo *info = mg_lever_info (l);

      if (l == MG_LEVER_ENGINEERING_OUTSIDE)
        continue;
      g_string_append_printf (out, "    %u. %s: %s\n", info->cget, mg_i18n_gettext (lang, info->name),
                              mg_i18n_gettext (lang, info->explanation));
    }
  g_string_append_printf (out, "\n%s\n", mg_i18n_gettext (lang, "To discuss (not computed: they need time or culture):"));
  for (guint i = 0; i < mg_report_n_levers_to_discuss (); i++)
    {
      const MgLeverToDiscuss *d = mg_report_lever_to_discuss (i);

      g_string_append_printf (out, "    %u. %s\n", d->cget, mg_i18n_gettext (lang, d->name));
    }
  return g_string_free (out, FALSE);
}
