/* Spreadsheets: CSV/TSV, ODS and XLSX read as maps, hostile files refused
 * in bounded time and memory, tables written and read back. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "mg-graphml.h"
#include "mg-sheet.h"
#include "sheet-test-util.h"

static MgActor *
actor_labelled (MgMap *map, const char *label)
{
  GPtrArray *actors = mg_map_get_actors (map);

  for (guint i = 0; i < actors->len; i++)
    {
      MgActor *a = g_ptr_array_index (actors, i);

      if (g_strcmp0 (a->label, label) == 0)
        return a;
    }
  return NULL;
}

static MgRelation *
relation_between (MgMap *map, MgActor *source, MgActor *target)
{
  GPtrArray *relations = mg_map_get_relations (map);

  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      if (r->source == source && r->target == target)
        return r;
    }
  return NULL;
}

static gboolean
warnings_have (GPtrArray *warnings, const char *a, const char *b)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *w = g_ptr_array_index (warnings, i);

      if (strstr (w, a) != NULL && (b == NULL || strstr (w, b) != NULL))
        return TRUE;
    }
  return FALSE;
}

static char *
tmp_dir (void)
{
  return g_dir_make_tmp ("maillage-sheets-XXXXXX", NULL);
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

/* ---- CSV ------------------------------------------------------------------ */

static void
test_csv_french_excel (void)
{
  g_autofree char *actors = sheet_fixture ("fr-acteurs.csv");
  g_autofree char *relations = sheet_fixture ("fr-relations.csv");
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_sheet_read_map (actors, relations, warnings, &error);
  MgActor *michelin, *cai, *uca, *region, *limagrain, *unknown;
  MgRelation *r;

  g_assert_no_error (error);
  g_assert_nonnull (map);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 6);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 5);

  michelin = actor_labelled (map, "Michelin");
  cai = actor_labelled (map, "Clermont Auvergne Innovation");
  uca = actor_labelled (map, "Université Clermont Auvergne");
  region = actor_labelled (map, "Région Auvergne-Rhône-Alpes");
  limagrain = actor_labelled (map, "Limagrain");
  unknown = actor_labelled (map, "Sté Éphémère");
  g_assert_nonnull (michelin);
  g_assert_nonnull (cai);
  g_assert_nonnull (uca);
  g_assert_nonnull (region);
  g_assert_nonnull (limagrain);
  g_assert_nonnull (unknown);

  /* Windows-1252 read right; roles in French; territory joined, empty
   * trailing parts dropped; a quoted cell with a line break and a ';'. */
  g_assert_cmpstr (michelin->role, ==, "large-company");
  g_assert_cmpstr (cai->role, ==, "connector");
  g_assert_cmpstr (uca->role, ==, "university");
  g_assert_cmpstr (region->role, ==, "local-authority");
  g_assert_cmpstr (limagrain->role, ==, "programme");
  g_assert_cmpstr (unknown->role, ==, "Entreprise générale");
  g_assert_cmpstr (michelin->territory, ==, "Auvergne-Rhône-Alpes/Puy-de-Dôme/Clermont-Ferrand");
  g_assert_cmpstr (cai->territory, ==, "Auvergne-Rhône-Alpes/Puy-de-Dôme");
  g_assert_cmpstr (uca->territory, ==, "Auvergne-Rhône-Alpes");
  g_assert_cmpstr (michelin->notes, ==, "Leader mondial du pneu; siège\nplace des Carmes");
  g_assert_cmpstr (cai->notes, ==, "Incubateur « Busi »");
  g_assert_cmpstr (limagrain->notes, ==, "Coopérative agricole – semences");
  /* An unknown column is kept, typed by its values (decimal comma). */
  g_assert_cmpstr (mg_actor_get_attribute (michelin, "Effectif"), ==, "3500");
  g_assert_cmpstr (mg_actor_get_attribute (limagrain, "Effectif"), ==, "2.5");
  g_assert_cmpint (mg_map_find_key_by_name (map, "Effectif", MG_DOMAIN_NODE)->type, ==,
                   MG_VALUE_DOUBLE);

  /* Relations by label (case and accents ignored), decimal commas. */
  r = relation_between (map, michelin, uca);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->kind, ==, "research");
  g_assert_true (r->has_weight);
  g_assert_cmpfloat (r->weight, ==, 2.5);
  r = relation_between (map, cai, michelin);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->kind, ==, "support");
  r = relation_between (map, region, cai);
  g_assert_cmpstr (r->kind, ==, "funding");
  g_assert_cmpfloat (r->weight, ==, 3.75);
  r = relation_between (map, region, limagrain);
  g_assert_cmpstr (r->kind, ==, "backing");
  g_assert_false (r->has_weight);
  r = relation_between (map, uca, limagrain);
  g_assert_cmpstr (r->kind, ==, "affiliation");

  /* Bad rows are warnings naming the file and the row. */
  g_assert_true (warnings_have (warnings, "fr-relations.csv, row 5", "Acteur inconnu"));
  g_assert_true (warnings_have (warnings, "fr-relations.csv, row 7", "beaucoup"));
}

static void
test_csv_english_bom_ids (void)
{
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_autofree char *relations = sheet_fixture ("en-relations.csv");
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_sheet_read_map (actors, relations, warnings, &error);
  MgActor *mich, *bpi;
  MgRelation *r;
  MgLesson lesson;

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 4);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 4);
  mich = mg_map_lookup_actor (map, "mich");
  bpi = mg_map_lookup_actor (map, "bpi");
  g_assert_nonnull (mich);
  g_assert_cmpstr (mich->label, ==, "Michelin");
  g_assert_cmpstr (mich->notes, ==, "Tyres, since 1889");
  g_assert_true (mg_lesson_from_id ("learn", &lesson));
  g_assert_true (mich->lessons & MG_LESSON_BIT (lesson));
  g_assert_cmpstr (mich->provenance, ==, "stated");
  g_assert_cmpstr (mg_actor_get_attribute (mich, "website"), ==, "https://michelin.com");
  g_assert_cmpstr (bpi->role, ==, "financier");
  g_assert_cmpstr (bpi->notes, ==, "National bank \"Bpi\"");
  g_assert_cmpstr (mg_map_lookup_actor (map, "oplab")->role, ==, "connector");
  r = relation_between (map, mg_map_lookup_actor (map, "oplab"), mich);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->id, ==, "r3");
  g_assert_cmpstr (r->kind, ==, "knowledge");
  r = relation_between (map, mich, mg_map_lookup_actor (map, "uca"));
  g_assert_cmpstr (r->notes, ==, "Joint lab");
  g_assert_cmpfloat (r->weight, ==, 2.5);
}

static MgSheetTable *
csv_of (const char *text, const char *name)
{
  g_autoptr (GError) error = NULL;
  MgSheetTable *table = mg_sheet_read_csv_memory (text, strlen (text), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const char *
cell_at (MgSheetTable *t, guint row, guint col)
{
  MgSheetRow *r = &g_array_index (t->rows, MgSheetRow, row);
  return col < r->n_cells ? r->cells[col] : "";
}

static void
test_csv_parser (void)
{
  g_autoptr (MgSheetTable) a = NULL;
  g_autoptr (MgSheetTable) b = NULL;
  g_autoptr (MgSheetTable) c = NULL;
  g_autoptr (MgSheetTable) d = NULL;
  g_autoptr (MgSheetTable) e = NULL;

  /* Comma, quotes holding separators, doubled quotes and CRLF breaks. */
  a = csv_of ("name,notes\r\n\"A, B\",\"say \"\"hi\"\"\r\nthen go\"\r\n\r\nC,\r\n", "a.csv");
  g_assert_cmpint (a->separator, ==, ',');
  g_assert_cmpuint (a->header->len, ==, 2);
  g_assert_cmpuint (a->rows->len, ==, 2);
  g_assert_cmpstr (cell_at (a, 0, 0), ==, "A, B");
  g_assert_cmpstr (cell_at (a, 0, 1), ==, "say \"hi\"\nthen go");
  g_assert_cmpstr (cell_at (a, 1, 0), ==, "C");
  g_assert_cmpuint (g_array_index (a->rows, MgSheetRow, 1).number, ==, 4);

  /* Tab, detected even with commas in the cells. */
  b = csv_of ("nom\tnotes\nX\tun, deux, trois\nY\tquatre\n", "b.txt");
  g_assert_cmpint (b->separator, ==, '\t');
  g_assert_cmpstr (cell_at (b, 0, 1), ==, "un, deux, trois");

  /* Semicolon with decimal commas in the rows. */
  c = csv_of ("source;cible;poids\nA;B;1,5\nB;C;2,25\n", "c.csv");
  g_assert_cmpint (c->separator, ==, ';');
  g_assert_cmpstr (cell_at (c, 1, 2), ==, "2,25");

  /* Excel's "sep=" line names the separator. */
  {
    g_autoptr (MgSheetTable) hinted = csv_of ("sep=,\r\nnom;a,b\r\nx;y,z\r\n", "h.csv");

    g_assert_cmpint (hinted->separator, ==, ',');
    g_assert_cmpstr (g_ptr_array_index (hinted->header, 0), ==, "nom;a");
    g_assert_cmpstr (cell_at (hinted, 0, 1), ==, "z");
  }

  /* A quote never closed: the rest is its cell, with a warning. */
  d = csv_of ("name,notes\nA,\"open\nB,x\n", "d.csv");
  g_assert_cmpuint (d->warnings->len, ==, 1);
  g_assert_cmpuint (d->rows->len, ==, 1);

  /* UTF-16 with a BOM, as Excel's "Unicode text". */
  {
    g_autofree char *utf16 = NULL;
    gsize len = 0;
    g_autoptr (GError) error = NULL;
    GString *bytes = g_string_new (NULL);

    utf16 = g_convert ("nom\trôle\nÉcole\tFormation\n", -1, "UTF-16LE", "UTF-8", NULL, &len,
                       NULL);
    g_string_append_len (bytes, "\xFF\xFE", 2);
    g_string_append_len (bytes, utf16, (gssize) len);
    e = mg_sheet_read_csv_memory (bytes->str, bytes->len, "e.txt", &error);
    g_string_free (bytes, TRUE);
    g_assert_no_error (error);
    g_assert_cmpstr (g_ptr_array_index (e->header, 1), ==, "rôle");
    g_assert_cmpstr (cell_at (e, 0, 0), ==, "École");
  }
}

static void
test_headers_and_values (void)
{
  g_autofree char *role = NULL;

  g_assert_cmpint (mg_sheet_guess_use ("Nom", FALSE), ==, MG_COLUMN_LABEL);
  g_assert_cmpint (mg_sheet_guess_use ("RÔLE", FALSE), ==, MG_COLUMN_ROLE);
  g_assert_cmpint (mg_sheet_guess_use ("Catégorie", FALSE), ==, MG_COLUMN_ROLE);
  g_assert_cmpint (mg_sheet_guess_use ("département", FALSE), ==, MG_COLUMN_DEPARTMENT);
  g_assert_cmpint (mg_sheet_guess_use ("Leçons", FALSE), ==, MG_COLUMN_LESSONS);
  g_assert_cmpint (mg_sheet_guess_use ("Remarques", FALSE), ==, MG_COLUMN_NOTES);
  g_assert_cmpint (mg_sheet_guess_use ("Site web", FALSE), ==, MG_COLUMN_ATTRIBUTE);
  g_assert_cmpint (mg_sheet_guess_use ("De", TRUE), ==, MG_COLUMN_SOURCE);
  g_assert_cmpint (mg_sheet_guess_use ("Vers", TRUE), ==, MG_COLUMN_TARGET);
  g_assert_cmpint (mg_sheet_guess_use ("to", TRUE), ==, MG_COLUMN_TARGET);
  g_assert_cmpint (mg_sheet_guess_use ("Nature", TRUE), ==, MG_COLUMN_KIND);
  g_assert_cmpint (mg_sheet_guess_use ("Poids", TRUE), ==, MG_COLUMN_WEIGHT);
  g_assert_cmpint (mg_sheet_guess_use ("provenance", TRUE), ==, MG_COLUMN_PROVENANCE);

  static const char *const roles[][2] = {
    { "PME", "sme" }, { "Grande entreprise", "large-company" }, { "Start-up", "startup" },
    { "Université", "university" }, { "Laboratoire de recherche", "research-lab" },
    { "Formation", "education" }, { "Collectivité", "local-authority" },
    { "Agence publique", "public-agency" }, { "Connecteur", "connector" },
    { "Financeur", "financier" }, { "Immobilier", "real-estate" },
    { "Association", "association" }, { "Dispositif", "programme" },
    { "Bank or investor", "financier" }, { "startup", "startup" }, { "Boulangerie", "Boulangerie" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_free (role);
      role = mg_sheet_role_from_text (roles[i][0]);
      g_assert_cmpstr (role, ==, roles[i][1]);
    }
  static const char *const kinds[][2] = {
    { "Partenariat", "partnership" }, { "Financement", "funding" },
    { "Accompagnement", "support" }, { "Soutien", "backing" }, { "Fournisseur", "supply" },
    { "Échange de connaissances", "knowledge" }, { "Formation", "training" },
    { "Recherche", "research" }, { "Adhésion", "membership" },
    { "Rattachement", "affiliation" }, { "Hébergement", "hosting" },
    { "Knowledge exchange", "knowledge" }, { "Mécénat", "Mécénat" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *kind = mg_sheet_kind_from_text (kinds[i][0]);
      g_assert_cmpstr (kind, ==, kinds[i][1]);
    }
}

static void
test_synonym_columns (void)
{
  const char *text = "nom;type;catégorie;territoire;région;ville\n"
                     "A;PME;;;Bretagne;Rennes\n"
                     "B;;Start-up;Occitanie;;\n"
                     "C;PME;Grande entreprise;;Bretagne;\n"
                     "D;PME;Collectivité;;;\n";
  g_autoptr (MgSheetTable) t = csv_of (text, "syn.csv");
  g_autofree MgColumnUse *uses = mg_sheet_guess_uses (t, FALSE);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_sheet_build_map (t, uses, NULL, NULL, warnings, &error);
  guint disagree = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (actor_labelled (map, "A")->role, ==, "sme");
  g_assert_cmpstr (actor_labelled (map, "A")->territory, ==, "Bretagne/Rennes");
  g_assert_cmpstr (actor_labelled (map, "B")->role, ==, "startup");
  g_assert_cmpstr (actor_labelled (map, "B")->territory, ==, "Occitanie");
  g_assert_cmpstr (actor_labelled (map, "C")->role, ==, "sme");
  g_assert_cmpstr (actor_labelled (map, "C")->territory, ==, "Bretagne");
  /* One warning, at the first row where type and catégorie disagree. */
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), "disagree") != NULL)
      disagree++;
  g_assert_cmpuint (disagree, ==, 1);
  g_assert_true (warnings_have (warnings, "syn.csv, row 4", "catégorie"));
}

static void
test_relations_only (void)
{
  const char *text = "from,to,kind\nAlpha,Beta,funding\nBeta,Gamma,,extra\n";
  g_autoptr (MgSheetTable) t = csv_of (text, "links.csv");
  g_autofree MgColumnUse *uses = mg_sheet_guess_uses (t, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  g_assert_true (mg_sheet_table_is_relations (t));
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  map = mg_sheet_build_map (NULL, NULL, t, uses, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 3);
  /* The cell without a header is said to be left out. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (warnings_have (warnings, "links.csv, row 3", "left out"));
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 2);
}

/* ---- workbooks --------------------------------------------------------------- */

static const char xlsx_shared[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<si><t>Nom</t></si><si><t>Rôle</t></si><si><t>Région</t></si><si><t>Ville</t></si>"
  "<si><t>Michelin</t></si><si><t>Grande entreprise</t></si>"
  "<si><t>Auvergne-Rhône-Alpes</t></si><si><t>Clermont-Ferrand</t></si>"
  "<si><r><t>Univ</t></r><r><rPr><b/></rPr><t>ersité</t></r><rPh><t>yomi</t></rPh></si>"
  "<si><t>Source</t></si><si><t>Cible</t></si><si><t>Nature</t></si><si><t>Poids</t></si>"
  "<si><t>Recherche</t></si></sst>";

static const char xlsx_sheet1[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
  "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
  "<c r=\"E1\" t=\"inlineStr\"><is><t>Effectif</t></is></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
  "<c r=\"C2\" t=\"s\"><v>6</v></c><c r=\"D2\" t=\"s\"><v>7</v></c><c r=\"E2\"><v>3500</v></c></row>"
  "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>8</v></c><c r=\"C4\" t=\"s\"><v>6</v></c></row>"
  "</sheetData></worksheet>";

static const char xlsx_sheet2[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c><c r=\"B1\" t=\"s\"><v>10</v></c>"
  "<c r=\"C1\" t=\"s\"><v>11</v></c><c r=\"D1\" t=\"s\"><v>12</v></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>8</v></c>"
  "<c r=\"C2\" t=\"s\"><v>13</v></c><c r=\"D2\"><v>1.1000000000000001</v></c></row>"
  "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>4</v></c><c r=\"B3\" t=\"str\"><v>Nobody</v></c></row>"
  "</sheetData></worksheet>";

static void
check_workbook_map (MgMap *map, GPtrArray *warnings, const char *where)
{
  MgActor *michelin = actor_labelled (map, "Michelin");
  MgActor *uni = actor_labelled (map, "Université");
  MgRelation *r;

  g_assert_cmpuint (mg_map_get_n_actors (map), ==, 2);
  g_assert_cmpuint (mg_map_get_n_relations (map), ==, 1);
  g_assert_nonnull (michelin);
  g_assert_nonnull (uni);
  g_assert_cmpstr (michelin->role, ==, "large-company");
  g_assert_cmpstr (michelin->territory, ==, "Auvergne-Rhône-Alpes/Clermont-Ferrand");
  g_assert_cmpstr (uni->territory, ==, "Auvergne-Rhône-Alpes");
  g_assert_cmpstr (mg_actor_get_attribute (michelin, "Effectif"), ==, "3500");
  r = relation_between (map, michelin, uni);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->kind, ==, "research");
  g_assert_cmpfloat (r->weight, ==, 1.1);
  g_assert_true (warnings_have (warnings, where, "Nobody"));
}

static void
test_xlsx_two_sheets (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  test_write_xlsx (path, xlsx_shared, xlsx_sheet1, xlsx_sheet2);
  map = mg_sheet_read_map (path, NULL, warnings, &error);
  g_assert_no_error (error);
  check_workbook_map (map, warnings, "book.xlsx, sheet Relations, row 3");
  remove_dir (dir);
}

#define ODS_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">" \
  "<office:body><office:spreadsheet>"
#define ODS_TAIL "</office:spreadsheet></office:body></office:document-content>"
#define S(x) "<table:table-cell office:value-type=\"string\"><text:p>" x "</text:p></table:table-cell>"

static const char ods_content[] =
  ODS_HEAD
  "<table:table table:name=\"Liens\">"
  "<table:table-column table:number-columns-repeated=\"4\"/>"
  "<table:table-row>" S ("Source") S ("Cible") S ("Nature") S ("Poids") "</table:table-row>"
  "<table:table-row>" S ("Michelin") S ("Université") S ("Recherche")
  "<table:table-cell office:value-type=\"float\" office:value=\"1.1\"><text:p>1,10</text:p>"
  "</table:table-cell><table:table-cell table:number-columns-repeated=\"16380\"/></table:table-row>"
  "<table:table-row>" S ("Michelin") S ("Nobody") "</table:table-row>"
  "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell "
  "table:number-columns-repeated=\"16384\"/></table:table-row>"
  "</table:table>"
  "<table:table table:name=\"Acteurs\">"
  "<table:table-row>" S ("Nom") S ("Rôle") S ("Région") S ("Ville") S ("Effectif")
  S ("Notes") "</table:table-row>"
  "<table:table-row>" S ("Michelin") S ("Grande entreprise") S ("Auvergne-Rhône-Alpes")
  S ("Clermont-Ferrand")
  "<table:table-cell office:value-type=\"float\" office:value=\"3500\"><text:p>3 500</text:p>"
  "</table:table-cell>"
  "<table:table-cell office:value-type=\"string\"><text:p>Pneus,<text:s text:c=\"2\"/>"
  "<text:span>Bibendum</text:span></text:p><text:p>ligne<text:tab/>deux</text:p>"
  "<office:annotation><text:p>commentaire</text:p></office:annotation></table:table-cell>"
  "</table:table-row>"
  "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell/></table:table-row>"
  "<table:table-row>" S ("Université") "<table:table-cell/>" S ("Auvergne-Rhône-Alpes")
  "</table:table-row>"
  "</table:table>"
  ODS_TAIL;

static void
test_ods_two_sheets (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.ods", NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = NULL;

  test_write_ods (path, ods_content);
  map = mg_sheet_read_map (path, NULL, warnings, &error);
  g_assert_no_error (error);
  check_workbook_map (map, warnings, "book.ods, sheet Liens, row 3");
  g_assert_cmpstr (actor_labelled (map, "Michelin")->notes, ==, "Pneus,  Bibendum\nligne\tdeux");
  remove_dir (dir);
}

/* ---- hostile files ------------------------------------------------------------------ */

/* Runs @func in a subprocess with a time limit; the child checks its own
 * peak memory. */
static void
run_bounded (const char *expected_stdout)
{
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  if (expected_stdout != NULL)
    g_test_trap_assert_stdout (expected_stdout);
}

static void
expect_refused (const char *path, int code, const char *message_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_sheet_read_map (path, NULL, NULL, &error);
  struct rusage usage;

  g_assert_null (map);
  g_assert_error (error, MG_SHEET_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_null (strchr (error->message, '\n'));
  g_print ("%s\n", error->message);
  getrusage (RUSAGE_SELF, &usage);
  /* Bounded memory: far below the size of the hostile content. */
  g_assert_cmpint (usage.ru_maxrss, <, 96 * 1024);
}

static void
test_hostile_binary_csv (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "garbage.csv", NULL);
      g_autofree guint8 *bytes = g_malloc (64 * 1024);
      GRand *rand = g_rand_new_with_seed (42);

      for (guint i = 0; i < 64 * 1024; i++)
        bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
      g_rand_free (rand);
      g_file_set_contents (path, (const char *) bytes, 64 * 1024, NULL);
      expect_refused (path, MG_SHEET_ERROR_FORMAT, "binary");
      remove_dir (dir);
      return;
    }
  run_bounded ("*garbage.csv is not a spreadsheet*");
}

static void
test_hostile_long_line (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "long.csv", NULL);
      g_autofree char *block = g_malloc (1 << 20);
      FILE *f = fopen (path, "wb");

      memset (block, 'a', 1 << 20);
      fputs ("name,notes\nA,", f);
      for (guint i = 0; i < 100; i++)
        fwrite (block, 1, 1 << 20, f);
      fclose (f);
      expect_refused (path, MG_SHEET_ERROR_LIMIT, "longer than 1 MB");
      remove_dir (dir);
      return;
    }
  run_bounded ("*long.csv, row 2: a cell is longer than 1 MB*");
}

static void
test_hostile_zip_bomb (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "bomb.xlsx", NULL);
      TestZip z;

      test_zip_init (&z);
      test_zip_add (&z, "xl/workbook.xml",
                    TEST_XLSX_WORKBOOK ("<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"));
      test_zip_add_zeros (&z, "xl/worksheets/sheet1.xml", 2000);
      test_zip_write (&z, path);
      expect_refused (path, MG_SHEET_ERROR_LIMIT, "zip bomb");
      remove_dir (dir);
      return;
    }
  run_bounded ("*bomb.xlsx: its content would take more than 512 MB*");
}

static void
test_hostile_external_entity (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "xxe.xlsx", NULL);

      test_write_xlsx (path, NULL,
                       "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "
                       "\"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxml"
                       "formats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                       "<c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row><row r=\"2\">"
                       "<c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
                       "</sheetData></worksheet>", NULL);
      expect_refused (path, MG_SHEET_ERROR_FORMAT, "refused for safety");
      remove_dir (dir);
      return;
    }
  run_bounded ("*xxe.xlsx: the part “xl/worksheets/sheet1.xml” declares a document type*");
}

static void
test_hostile_ods_repeats (void)
{
  /* A huge repeated non-empty row is cut at the row limit of one repeat. */
  if (g_test_subprocess ())
    {
      g_autofree char *dir = tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "repeat.ods", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) tables = NULL;
      struct rusage usage;

      test_write_ods (path, ODS_HEAD "<table:table table:name=\"A\"><table:table-row>" S ("nom")
                      "</table:table-row><table:table-row table:number-rows-repeated="
                      "\"4000000000\">" "<table:table-cell table:number-columns-repeated="
                      "\"4000000000\" office:value-type=\"string\"><text:p>x</text:p>"
                      "</table:table-cell></table:table-row></table:table>" ODS_TAIL);
      tables = mg_sheet_read_file (path, &error);
      /* 100,000 rows of 1024 cells pass the cell limit: refused. */
      g_assert_null (tables);
      g_assert_error (error, MG_SHEET_ERROR, MG_SHEET_ERROR_LIMIT);
      getrusage (RUSAGE_SELF, &usage);
      g_assert_cmpint (usage.ru_maxrss, <, 400 * 1024);
      remove_dir (dir);
      return;
    }
  run_bounded (NULL);
}

/* ---- writing and reading back ---------------------------------------------------- */

static void
assert_same_map (MgMap *a, MgMap *b)
{
  GPtrArray *aa = mg_map_get_actors (a), *ba = mg_map_get_actors (b);
  GPtrArray *ar = mg_map_get_relations (a), *br = mg_map_get_relations (b);

  g_assert_cmpuint (aa->len, ==, ba->len);
  g_assert_cmpuint (ar->len, ==, br->len);
  for (guint i = 0; i < aa->len; i++)
    {
      MgActor *x = g_ptr_array_index (aa, i), *y = g_ptr_array_index (ba, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->role, ==, y->role);
      g_assert_cmpstr (x->territory, ==, y->territory);
      g_assert_cmpuint (x->lessons, ==, y->lessons);
      g_assert_cmpstr (x->notes, ==, y->notes);
      g_assert_cmpstr (x->provenance, ==,
                       y->provenance);
      g_assert_cmpint (x->has_position, ==, y->has_position);
      g_assert_cmpfloat (x->x, ==, y->x);
      g_assert_cmpfloat (x->y, ==, y->y);
      g_assert_cmpint (x->pinned, ==, y->pinned);
      for (guint d = 0; d < x->data->len; d++)
        {
          MgData *data = g_ptr_array_index (x->data, d);

          if (data->key->name != NULL && !data->is_xml)
            g_assert_cmpstr (data->value, ==, mg_actor_get_attribute (y, data->key->name));
        }
    }
  for (guint i = 0; i < ar->len; i++)
    {
      MgRelation *x = g_ptr_array_index (ar, i), *y = g_ptr_array_index (br, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->source->id, ==, y->source->id);
      g_assert_cmpstr (x->target->id, ==, y->target->id);
      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpint (x->has_weight, ==, y->has_weight);
      if (x->has_weight)
        g_assert_cmpfloat (x->weight, ==, y->weight);
      g_assert_cmpint (x->directed, ==, y->directed);
      g_assert_cmpuint (x->lessons, ==, y->lessons);
      g_assert_cmpstr (x->notes, ==, y->notes);
      g_assert_cmpstr (x->provenance, ==,
                       y->provenance);
    }
}

static MgMap *
rich_map (void)
{
  g_autofree char *actors = sheet_fixture ("en-actors.csv");
  g_autofree char *relations = sheet_fixture ("en-relations.csv");
  g_autoptr (GError) error = NULL;
  MgMap *map = mg_sheet_read_map (actors, relations, NULL, &error);
  GPtrArray *rel;

  g_assert_no_error (error);
  /* What the fixture lacks: notes with line breaks, separators and spaces
   * that XML would fold, an undirected relation, lessons and provenance on
   * relations, a fractional weight. */
  mg_map_set_actor_notes (map, mg_map_lookup_actor (map, "uca"),
                          "  two  spaces; a \"quote\",\nand a\tsecond line ");
  /* A map laid out by hand, one actor pinned. */
  for (guint i = 0; i < mg_map_get_n_actors (map); i++)
    mg_map_set_actor_position (map, g_ptr_array_index (mg_map_get_actors (map), i),
                               12.5 * i - 30, 1.0 / 3 + i);
  mg_map_set_actor_pinned (map, mg_map_lookup_actor (map, "bpi"), TRUE);
  rel = mg_map_get_relations (map);
  mg_map_set_relation_lessons (map, g_ptr_array_index (rel, 0), MG_LESSON_SET_ALL);
  mg_map_set_relation_attribute (map, g_ptr_array_index (rel, 1), "provenance", "illustrative");
  mg_map_set_relation_weight (map, g_ptr_array_index (rel, 1), TRUE, 0.1 + 0.2);
  {
    MgRelation *undirected = mg_map_add_relation (map, mg_map_lookup_actor (map, "bpi"),
                                                  mg_map_lookup_actor (map, "oplab"), "r5",
                                                  FALSE);
    mg_map_set_relation_kind (map, undirected, "partnership");
    mg_map_set_relation_notes (map, undirected, "Deux;points, et virgule");
  }
  return map;
}

static void
test_roundtrip_csv (gconstpointer separator_p)
{
  char separator = (char) GPOINTER_TO_INT (separator_p);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *actors = g_build_filename (dir, "actors.csv", NULL);
  g_autofree char *relations = mg_sheet_relations_path_for (actors);
  g_autoptr (MgMap) map = rich_map ();
  g_autoptr (MgMap) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  g_assert_true (g_str_has_suffix (relations, "actors-relations.csv"));
  g_assert_true (mg_sheet_write_csv (map, actors, relations, separator, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (actors, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid"));
  g_assert_cmpint (text[5], ==, separator);
  back = mg_sheet_read_map (actors, relations, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  assert_same_map (map, back);
  if (separator == ';')
    {
      g_free (text);
      g_assert_true (g_file_get_contents (relations, &text, NULL, NULL));
      g_assert_nonnull (strstr (text, ";2,5;"));
    }
  remove_dir (dir);
}

static void
test_roundtrip_ods (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.ods", NULL);
  g_autoptr (MgMap) map = rich_map ();
  g_autoptr (MgMap) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (mg_sheet_write_ods (map, path, &error));
  g_assert_no_error (error);
  /* The mimetype is the first entry, stored (method 0). */
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 80);
  g_assert_cmpint (memcmp (bytes, "PK\003\004", 4), ==, 0);
  g_assert_cmpint (bytes[8], ==, 0);
  g_assert_cmpint (bytes[9], ==, 0);
  g_assert_cmpint (memcmp (bytes + 30, "mimetype", 8), ==, 0);
  g_assert_cmpint (memcmp (bytes + 38, "application/vnd.oasis.opendocument.spreadsheet", 46), ==, 0);

  back = mg_sheet_read_map (path, NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  assert_same_map (map, back);
  remove_dir (dir);
}

static void
test_roundtrip_graphml (void)
{
  /* Attributes from a sheet are saved into the GraphML as typed keys. */
  g_autofree char *actors = sheet_fixture ("fr-acteurs.csv");
  g_autoptr (MgMap) map = mg_sheet_read_map (actors, NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = mg_graphml_write_to_string (map, NULL, &error);
  g_autoptr (MgMap) back = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "attr.name=\"Effectif\" attr.type=\"double\""));
  back = mg_graphml_read_memory (xml, strlen (xml), "x.graphml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_actor_get_attribute (actor_labelled (back, "Limagrain"), "Effectif"), ==,
                   "2.5");
}

/* ---- synonyms in GraphML ------------------------------------------------------ */

static const char graphml_synonyms[] =
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
  "<key id=\"t\" for=\"node\" attr.name=\"type\"/>"
  "<key id=\"c\" for=\"node\" attr.name=\"category\"/>"
  "<key id=\"r\" for=\"node\" attr.name=\"region\"/>"
  "<key id=\"d\" for=\"node\" attr.name=\"department\"/>"
  "<key id=\"v\" for=\"node\" attr.name=\"city\"/>"
  "<graph edgedefault=\"directed\">"
  "<node id=\"a\"><data key=\"t\">sme</data><data key=\"r\">Bretagne</data>"
  "<data key=\"d\">Ille-et-Vilaine</data><data key=\"v\">Rennes</data></node>"
  "<node id=\"b\"><data key=\"c\">startup</data><data key=\"r\">Occitanie</data></node>"
  "<node id=\"c\"><data key=\"t\">sme</data><data key=\"c\">university</data>"
  "<data key=\"v\">Brest</data></node>"
  "<node id=\"d\"><data key=\"t\">sme</data><data key=\"c\">association</data></node>"
  "</graph></graphml>";

static void
test_graphml_synonyms (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) warnings_back = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MgMap) map = mg_graphml_read_memory (graphml_synonyms, strlen (graphml_synonyms),
                                                  "syn.graphml", warnings, &error);
  g_autoptr (MgMap) back = NULL;
  g_autofree char *xml = NULL;
  guint disagree = 0;

  g_assert_no_error (error);
  /* Role from type, else category. */
  g_assert_cmpstr (mg_map_lookup_actor (map, "a")->role, ==, "sme");
  g_assert_cmpstr (mg_map_lookup_actor (map, "b")->role, ==, "startup");
  g_assert_cmpstr (mg_map_lookup_actor (map, "c")->role, ==, "sme");
  /* Region, department and city joined. */
  g_assert_cmpstr (mg_map_lookup_actor (map, "a")->territory, ==,
                   "Bretagne/Ille-et-Vilaine/Rennes");
  g_assert_cmpstr (mg_map_lookup_actor (map, "b")->territory, ==, "Occitanie");
  g_assert_cmpstr (mg_map_lookup_actor (map, "c")->territory, ==, "Brest");
  /* One warning for type and category, though they disagree twice. */
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), "disagree") != NULL)
      disagree++;
  g_assert_cmpuint (disagree, ==, 1);
  g_assert_cmpuint (warnings->len, ==, 1);

  /* Written and read back: the same, without new warnings. */
  xml = mg_graphml_write_to_string (map, NULL, &error);
  g_assert_no_error (error);
  back = mg_graphml_read_memory (xml, strlen (xml), "back.graphml", warnings_back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_map_lookup_actor (back, "a")->territory, ==,
                   "Bretagne/Ille-et-Vilaine/Rennes");
  g_assert_cmpstr (mg_actor_get_attribute (mg_map_lookup_actor (back, "a"), "region"), ==,
                   "Bretagne");
  g_assert_cmpstr (mg_map_lookup_actor (back, "b")->role, ==, "startup");
  g_assert_cmpuint (warnings_back->len, ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheets/csv/french-excel", test_csv_french_excel);
  g_test_add_func ("/sheets/csv/english-bom-ids", test_csv_english_bom_ids);
  g_test_add_func ("/sheets/csv/parser", test_csv_parser);
  g_test_add_func ("/sheets/headers-and-values", test_headers_and_values);
  g_test_add_func ("/sheets/synonym-columns", test_synonym_columns);
  g_test_add_func ("/sheets/relations-only", test_relations_only);
  g_test_add_func ("/sheets/xlsx/two-sheets", test_xlsx_two_sheets);
  g_test_add_func ("/sheets/ods/two-sheets", test_ods_two_sheets);
  g_test_add_func ("/sheets/hostile/binary-csv", test_hostile_binary_csv);
  g_test_add_func ("/sheets/hostile/100mb-line", test_hostile_long_line);
  g_test_add_func ("/sheets/hostile/zip-bomb", test_hostile_zip_bomb);
  g_test_add_func ("/sheets/hostile/external-entity", test_hostile_external_entity);
  g_test_add_func ("/sheets/hostile/ods-repeats", test_hostile_ods_repeats);
  g_test_add_data_func ("/sheets/roundtrip/csv-comma", GINT_TO_POINTER (','), test_roundtrip_csv);
  g_test_add_data_func ("/sheets/roundtrip/csv-semicolon", GINT_TO_POINTER (';'),
                        test_roundtrip_csv);
  g_test_add_func ("/sheets/roundtrip/ods", test_roundtrip_ods);
  g_test_add_func ("/sheets/roundtrip/graphml-typed-keys", test_roundtrip_graphml);
  g_test_add_func ("/sheets/graphml/synonym-keys", test_graphml_synonyms);
  return g_test_run ();
}
