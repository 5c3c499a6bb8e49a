/* mg-sheet-names.c — the words of spreadsheets: what a header means, which
 * table holds what, and role, kind, lesson, provenance, number and yes/no
 * values, in French and English.
 *
 * Headers and values are compared normalised (lower case, no accents, runs
 * of punctuation as one space); unknown values are kept as they are.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mg-sheet-private.h"

/* ---- headers ------------------------------------------------------------ */

typedef struct {
  MgColumnUse        use;
  const char *const *names;   /* normalised */
} UseNames;

static const char *const id_names[] = {
  "id", "identifiant", "identifier", "ident", "ref", "reference", "key", "cle", "node",
  "noeud", "node id", "id acteur", "actor id", "code acteur", NULL };
static const char *const label_names[] = {
  "nom", "name", "label", "libelle", "intitule", "titre", "title", "acteur", "actor",
  "organisation", "organization", "organisme", "structure", "raison sociale", "denomination",
  "nom de l acteur", "nom de la structure", "nom de l organisation", "nom de l organisme",
  "actor name", "organisation name", "organization name", "entite", "entity", NULL };
static const char *const role_names[] = {
  "role", "type", "categorie", "category", "typologie", "type d acteur", "type de structure",
  "type acteur", "actor type", "role de l acteur", "kind", "nature", "statut",
  "categorie d acteur", "type de l acteur", "nature de l acteur", NULL };
static const char *const territory_names[] = {
  "territoire", "territory", "localisation", "location", "lieu", "place", "zone",
  "implantation", "territory path", NULL };
static const char *const region_names[] = { "region", NULL };
static const char *const department_names[] = {
  "departement", "department", "dept", "dpt", "county", "province", NULL };
static const char *const city_names[] = {
  "ville", "city", "commune", "town", "municipality", "localite", NULL };
static const char *const lessons_names[] = {
  "lecons", "lecon", "lessons", "lesson", "enseignements", "enseignement", NULL };
static const char *const notes_names[] = {
  "notes", "note", "remarques", "remarque", "description", "commentaire", "commentaires",
  "comment", "comments", "observations", "observation", "details", NULL };
static const char *const provenance_names[] = { "provenance", "origine", "origin", NULL };

static const char *const relation_id_names[] = {
  "id", "identifiant", "identifier", "relation id", "id relation", "edge id", "id lien",
  "ref", "reference", NULL };
static const char *const source_names[] = {
  "source", "de", "from", "depuis", "acteur source", "source id", "id source", "emetteur",
  "donneur", "giver", "acteur 1", "actor 1", "noeud 1", "node 1", "source actor", "origine",
  NULL };
static const char *const target_names[] = {
  "cible", "target", "vers", "to", "a", "destination", "destinataire", "receiver",
  "beneficiaire", "acteur cible", "target id", "id cible", "acteur 2", "actor 2",
  "noeud 2", "node 2", "target actor", NULL };
static const char *const kind_names[] = {
  "nature", "kind", "type", "type de relation", "type de lien", "relation type",
  "link type", "relation", "lien", "categorie", "category", "label", "libelle",
  "nature de la relation", "type de la relation", "nature du lien", NULL };
static const char *const weight_names[] = {
  "poids", "weight", "intensite", "force", "strength", "valeur", "value", NULL };
static const char *const directed_names[] = {
  "oriente", "orientee", "directed", "dirige", "dirigee", NULL };
static const char *const relation_provenance_names[] = { "provenance", NULL };
static const char *const x_names[] = { "x", NULL };
static const char *const y_names[] = { "y", NULL };
static const char *const pinned_names[] = { "pinned", "epingle", "fixe", NULL };

static const UseNames actor_uses[] = {
  { MG_COLUMN_ID, id_names },
  { MG_COLUMN_LABEL, label_names },
  { MG_COLUMN_ROLE, role_names },
  { MG_COLUMN_TERRITORY, territory_names },
  { MG_COLUMN_REGION, region_names },
  { MG_COLUMN_DEPARTMENT, department_names },
  { MG_COLUMN_CITY, city_names },
  { MG_COLUMN_LESSONS, lessons_names },
  { MG_COLUMN_NOTES, notes_names },
  { MG_COLUMN_PROVENANCE, provenance_names },
  { MG_COLUMN_X, x_names },
  { MG_COLUMN_Y, y_names },
  { MG_COLUMN_PINNED, pinned_names },
};

static const UseNames relation_uses[] = {
  { MG_COLUMN_ID, relation_id_names },
  { MG_COLUMN_SOURCE, source_names },
  { MG_COLUMN_TARGET, target_names },
  { MG_COLUMN_KIND, kind_names },
  { MG_COLUMN_WEIGHT, weight_names },
  { MG_COLUMN_DIRECTED, directed_names },
  { MG_COLUMN_LESSONS, lessons_names },
  { MG_COLUMN_NOTES, notes_names },
  { MG_COLUMN_PROVENANCE, relation_provenance_names },
};

static const char *const use_names[MG_N_COLUMN_USES] = {
  NC_("spreadsheet column", "Ignore"), NC_("spreadsheet column", "Keep as attribute"),
  NC_("spreadsheet column", "Id"), NC_("spreadsheet column", "Label"),
  NC_("spreadsheet column", "Role"), NC_("spreadsheet column", "Territory"),
  NC_("spreadsheet column", "Region"), NC_("spreadsheet column", "Department"),
  NC_("spreadsheet column", "City"), NC_("spreadsheet column", "Lessons"),
  NC_("spreadsheet column", "Notes"), NC_("spreadsheet column", "Provenance"),
  NC_("spreadsheet column", "Source"), NC_("spreadsheet column", "Target"),
  NC_("spreadsheet column", "Kind"), NC_("spreadsheet column", "Weight"),
  NC_("spreadsheet column", "Directed"), NC_("spreadsheet column", "Position x"),
  NC_("spreadsheet column", "Position y"), NC_("spreadsheet column", "Pinned"),
};

const char *
mg_column_use_to_string (MgColumnUse use)
{
  g_return_val_if_fail (use < MG_N_COLUMN_USES, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "spreadsheet column", use_names[use]);
}

gboolean
mg_column_use_is_for (MgColumnUse use, gboolean relations)
{
  switch (use)
    {
    case MG_COLUMN_IGNORE:
    case MG_COLUMN_ATTRIBUTE:
    case MG_COLUMN_ID:
    case MG_COLUMN_LESSONS:
    case MG_COLUMN_NOTES:
    case MG_COLUMN_PROVENANCE:
      return TRUE;
    case MG_COLUMN_SOURCE:
    case MG_COLUMN_TARGET:
    case MG_COLUMN_KIND:
    case MG_COLUMN_WEIGHT:
    case MG_COLUMN_DIRECTED:
      return relations;
    default:
      return !relations;
    }
}

static gboolean
in_list (const char *normal, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (normal, names[i]) == 0)
      return TRUE;
  return FALSE;
}

MgColumnUse
mg_sheet_guess_use (const char *header, gboolean relations)
{
  g_autofree char *normal = mg_sheet_normalize (header);
  const UseNames *uses = relations ? relation_uses : actor_uses;
  guint n = relations ? G_N_ELEMENTS (relation_uses) : G_N_ELEMENTS (actor_uses);

  if (*normal == '\0')
    return MG_COLUMN_IGNORE;
  for (guint i = 0; i < n; i++)
    if (in_list (normal, uses[i].names))
      return uses[i].use;
  return MG_COLUMN_ATTRIBUTE;
}

MgColumnUse *
mg_sheet_guess_uses (const MgSheetTable *table, gboolean relations)
{
  MgColumnUse *uses;

  g_return_val_if_fail (table != NULL, NULL);
  uses = g_new0 (MgColumnUse, MAX (table->header->len, 1));
  for (guint i = 0; i < table->header->len; i++)
    uses[i] = mg_sheet_guess_use (g_ptr_array_index (table->header, i), relations);
  return uses;
}

gboolean
mg_sheet_table_is_relations (const MgSheetTable *table)
{
  gboolean source = FALSE, target = FALSE;

  g_return_val_if_fail (table != NULL, FALSE);
  for (guint i = 0; i < table->header->len; i++)
    {
      MgColumnUse use = mg_sheet_guess_use (g_ptr_array_index (table->header, i), TRUE);

      source |= use == MG_COLUMN_SOURCE;
      target |= use == MG_COLUMN_TARGET;
    }
  return source && target;
}

static gboolean
name_is (const MgSheetTable *table, const char *const *names)
{
  g_autofree char *normal = mg_sheet_normalize (table->name);

  return table->name != NULL && in_list (normal, names);
}

void
mg_sheet_pick_tables (GPtrArray *tables, MgSheetTable **actors, MgSheetTable **relations)
{
  static const char *const actor_sheet_names[] = {
    "acteurs", "actors", "noeuds", "nodes", "organisations", "organizations", "structures",
    NULL };
  static const char *const relation_sheet_names[] = {
    "relations", "liens", "links", "edges", "aretes", "connexions", "connections", NULL };

  g_return_if_fail (tables != NULL && actors != NULL && relations != NULL);
  *actors = *relations = NULL;
  /* Names first (a relations sheet named so), then headers. */
  for (guint i = 0; i < tables->len; i++)
    {
      MgSheetTable *t = g_ptr_array_index (tables, i);

      if (*relations == NULL && name_is (t, relation_sheet_names) && mg_sheet_table_is_relations (t))
        *relations = t;
      else if (*actors == NULL && name_is (t, actor_sheet_names))
        *actors = t;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      MgSheetTable *t = g_ptr_array_index (tables, i);

      if (t == *actors || t == *relations)
        continue;
      if (*relations == NULL && mg_sheet_table_is_relations (t))
        *relations = t;
      else if (*actors == NULL && !mg_sheet_table_is_relations (t))
        *actors = t;
    }
}

/* ---- values ------------------------------------------------------------- */

typedef struct {
  const char *id;
  const char *const names[24];
} ValueNames;

static const ValueNames role_values[] = {
  { "large-company", { "grande entreprise", "grand groupe", "groupe", "groupe industriel",
                       "grand compte", "large enterprise", "corporation", "industrial group",
                       "grande entreprise groupe industriel", NULL } },
  { "sme", { "pme", "pmi", "pme pmi", "tpe", "tpe pme", "small business", NULL } },
  { "startup", { "start up", "startup", "start ups", "jeune pousse", NULL } },
  { "university", { "universite", "enseignement superieur", "higher education",
                    "universite enseignement superieur", NULL } },
  { "research-lab", { "laboratoire de recherche", "laboratoire", "labo", "research laboratory",
                      "laboratory", "centre de recherche", "research centre", "research center",
                      NULL } },
  { "education", { "formation", "education", "enseignement", "enseignement et formation",
                   "education et formation", "ecole", "school", "organisme de formation",
                   "training", NULL } },
  { "local-authority", { "collectivite", "collectivite territoriale", "collectivite locale",
                         "local government", NULL } },
  { "public-agency", { "agence publique", "etat", "agence", "etablissement public",
                       "organisme public", "agence de l etat", "state agency",
                       "government agency", "state or public agency", NULL } },
  { "connector", { "connecteur", "incubateur", "accelerateur", "cluster", "pole de competitivite",
                   "technopole", "cci", "chambre de commerce", "reseau", "network", "incubator",
                   "accelerator", NULL } },
  { "financier", { "financeur", "financier", "banque", "investisseur", "bank", "investor",
                   "banque ou investisseur", NULL } },
  { "real-estate", { "immobilier", "promoteur immobilier", "real estate", "amenageur",
                     NULL } },
  { "association", { "association", "fondation", "foundation", "association ou fondation",
                     NULL } },
  { "programme", { "dispositif", "programme", "program", "scheme", NULL } },
};

static const ValueNames kind_values[] = {
  { "partnership", { "partenariat", "partenaire", "partner", "cooperation", "collaboration",
                     NULL } },
  { "funding", { "financement", "finance", "investissement", "investment", "subvention",
                 "grant", NULL } },
  { "support", { "accompagnement", "incubation", "mentorat", "mentoring", "coaching",
                 "acceleration", "accompaniment", NULL } },
  { "backing", { "soutien", "parrainage", "sponsorship", "patronage", NULL } },
  { "supply", { "fournisseur", "client fournisseur", "customer supplier", "sous traitance",
                "subcontracting", "achat", "supplier", NULL } },
  { "knowledge", { "echange de connaissances", "knowledge exchange", "echange",
                   "partage de connaissances", "echange de savoirs", NULL } },
  { "training", { "formation", NULL } },
  { "research", { "recherche", "collaboration de recherche", "research collaboration", NULL } },
  { "membership", { "adhesion", "membre", "member", NULL } },
  { "affiliation", { "rattachement", "tutelle", NULL } },
  { "hosting", { "hebergement", "heberge", "locaux", "premises", NULL } },
};

static const ValueNames provenance_values[] = {
  { "stated", { "declare", "affirme", "source", "sourced", "cite", "fact", "fait", NULL } },
  { "inferred", { "deduit", "infere", "suppose", "inference", NULL } },
  { "illustrative", { "illustratif", "illustration", "exemple", "example", NULL } },
  { "workshop", { "atelier", "seance", "participants", NULL } },
};

static const char *
lookup_value (const char *normal, const ValueNames *values, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id_normal = mg_sheet_normalize (values[i].id);

      if (strcmp (normal, id_normal) == 0 || in_list (normal, values[i].names))
        return values[i].id;
    }
  return NULL;
}

/* A role or kind: the built-in ids and names (English and translated),
 * then the French and English words above; else the text itself. */
char *
mg_sheet_value_from_text (const char *text, gboolean kind)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *normal = mg_sheet_normalize (trimmed);
  const char *found;
  guint n = kind ? mg_vocab_n_builtin_kinds () : mg_vocab_n_builtin_roles ();

  if (*normal == '\0')
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      const char *id = kind ? mg_vocab_builtin_kind (i)->id : mg_vocab_builtin_role (i)->id;
      const char *name = kind ? mg_vocab_builtin_kind (i)->name : mg_vocab_builtin_role (i)->name;
      g_autofree char *n_id = mg_sheet_normalize (id);
      g_autofree char *n_name = mg_sheet_normalize (name);
      g_autofree char *n_translated = mg_sheet_normalize (_(name));

      if (strcmp (normal, n_id) == 0 || strcmp (normal, n_name) == 0 ||
          strcmp (normal, n_translated) == 0)
        return g_strdup (id);
    }
  found = kind ? lookup_value (normal, kind_values, G_N_ELEMENTS (kind_values))
               : lookup_value (normal, role_values, G_N_ELEMENTS (role_values));
  return g_strdup (found != NULL ? found : trimmed);
}

char *
mg_sheet_role_from_text (const char *text)
{
  return mg_sheet_value_from_text (text, FALSE);
}

char *
mg_sheet_kind_from_text (const char *text)
{
  return mg_sheet_value_from_text (text, TRUE);
}

char *
mg_sheet_provenance_from_text (const char *text)
{
  g_autofree char *normal = mg_sheet_normalize (text);
  const char *found = lookup_value (normal, provenance_values, G_N_ELEMENTS (provenance_values));

  if (found != NULL)
    return g_strdup (found);
  return g_strstrip (g_strdup (text));
}

static const struct {
  MgLesson    lesson;
  const char *names[8];
} lesson_words[] = {
  { MG_LESSON_VALORIZE, { "valoriser", "valorisation", "valoriser les ressources",
                          "valorisation des ressources", "valorizing resources", NULL } },
  { MG_LESSON_CARE, { "prendre soin", "prendre soin du territoire", "soin", "caring",
                      "caring for the territory", NULL } },
  { MG_LESSON_COMBINE, { "combiner", "combinaisons gagnantes", "combinaison",
                         "identifier des combinaisons gagnantes",
                         "identifying winning combinations", NULL } },
  { MG_LESSON_LEARN, { "apprendre", "apprendre des autres", "apprentissage",
                       "learning from others", NULL } },
};

/* Lessons separated by commas, semicolons, slashes or line breaks; FALSE
 * when one is not known. */
gboolean
mg_sheet_parse_lessons (const char *text, MgLessonSet *out)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ",;/|\n+", -1);
  gboolean ok = TRUE;

  *out = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *normal = mg_sheet_normalize (parts[i]);
      MgLesson lesson;
      gboolean found = FALSE;

      if (*normal == '\0')
        continue;
      if (mg_lesson_from_id (normal, &lesson))
        found = TRUE;
      for (guint l = 0; !found && l < G_N_ELEMENTS (lesson_words); l++)
        if (in_list (normal, lesson_words[l].names))
          {
            lesson = lesson_words[l].lesson;
            found = TRUE;
          }
      if (found)
        *out |= MG_LESSON_BIT (lesson);
      else
        ok = FALSE;
    }
  return ok;
}

/* A number with a decimal point or comma, spaces as thousands separators. */
gboolean
mg_sheet_parse_number (const char *text, double *out)
{
  g_autoptr (GString) clean = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',')
        g_string_append_c (clean, '.');
      else if (*p == ' ' || *p == '\t')
        continue;
      else if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        p++; /* no-break space */
      else if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
        p += 2; /* narrow no-break space */
      else
        g_string_append_c (clean, *p);
    }
  return clean->len > 0 && mg_parse_double (clean->str, out);
}

gboolean
mg_sheet_parse_directed (const char *text, gboolean *out)
{
  static const char *const yes[] = { "oui", "yes", "true", "vrai", "1", "x", "o", "y",
                                     "directed", "oriente", "orientee", NULL };
  static const char *const no[] = { "non", "no", "false", "faux", "0", "n",
                                    "undirected", "non oriente", "non orientee", NULL };
  g_autofree char *normal = mg_sheet_normalize (text);

  if (in_list (normal, yes))
    *out = TRUE;
  else if (in_list (normal, no))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

