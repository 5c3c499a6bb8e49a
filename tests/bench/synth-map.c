/* synth-map.c — large synthetic ecosystem maps, for benchmarks.
 *
 * What makes them look like real ecosystems rather than random graphs:
 * - roles follow a plausible mix (many SMEs and start-ups, few universities
 *   and local authorities);
 * - actors sit in a few regions / departments / cities, some only at
 *   department, region or national level;
 * - relations are drawn by preferential attachment as the map grows, so
 *   degrees are heavy tailed with a few large hubs (20 000 actors and 60 000
 *   relations: median degree 4, largest about 350); "attractive" roles
 *   (connectors, universities, large companies) get a head start; about two
 *   relations in three stay inside a region;
 * - the giver of support or funding is the source; the kind follows the
 *   roles of the two ends;
 * - about 15 % of actors and relations carry lessons, each with a note.
 *
 * Labels are French with accents, so the reader's UTF-8 path is exercised.
 */
#include "synth-map.h"

#include <gio/gio.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdio.h>

typedef struct {
  const char *id;
  guint       per_mille;  /* share of actors */
  guint       attraction; /* initial weight in the attachment pools */
  gboolean    giver;      /* usually the source of its relations */
} RoleSpec;

static const RoleSpec roles[] = {
  { "sme",             380, 1, FALSE },
  { "startup",         220, 1, FALSE },
  { "association",      80, 2, FALSE },
  { "connector",        60, 8, TRUE },
  { "large-company",    50, 6, FALSE },
  { "education",        45, 2, TRUE },
  { "research-lab",     40, 3, TRUE },
  { "financier",        35, 4, TRUE },
  { "local-authority",  30, 5, TRUE },
  { "real-estate",      25, 1, TRUE },
  { "public-agency",    20, 4, TRUE },
  { "university",       15, 6, TRUE },
};
enum {
  ROLE_SME, ROLE_STARTUP, ROLE_ASSOCIATION, ROLE_CONNECTOR, ROLE_LARGE_COMPANY,
  ROLE_EDUCATION, ROLE_RESEARCH_LAB, ROLE_FINANCIER, ROLE_LOCAL_AUTHORITY,
  ROLE_REAL_ESTATE, ROLE_PUBLIC_AGENCY, ROLE_UNIVERSITY, N_ROLES
};
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == N_ROLES);

typedef struct {
  const char *name;
  const char *cities[5]; /* NULL-terminated when fewer */
} DepartmentSpec;

typedef struct {
  const char    *name;
  guint          per_mille;
  double         cx, cy; /* rough place on a map of France, for --positions */
  DepartmentSpec departments[6];
} RegionSpec;

static const RegionSpec regions[] = {
  { "Auvergne-Rhône-Alpes", 350, 650, 650, {
      { "Puy-de-Dôme", { "Clermont-Ferrand", "Thiers", "Riom", "Issoire" } },
      { "Rhône", { "Lyon", "Villeurbanne", "Vénissieux" } },
      { "Isère", { "Grenoble", "Échirolles", "Voiron" } },
      { "Haute-Savoie", { "Annecy", "Cluses", "Thonon-les-Bains" } },
      { "Loire", { "Saint-Étienne", "Roanne" } },
      { "Haute-Loire", { "Le Puy-en-Velay", "Yssingeaux" } } } },
  { "Hauts-de-France", 250, 500, 100, {
      { "Somme", { "Amiens", "Albert", "Abbeville" } },
      { "Aisne", { "Saint-Quentin", "Laon", "Soissons" } },
      { "Oise", { "Compiègne", "Beauvais", "Creil" } },
      { "Nord", { "Lille", "Roubaix", "Valenciennes", "Dunkerque" } },
      { "Pas-de-Calais", { "Arras", "Béthune", "Lens" } } } },
  { "Bretagne", 140, 100, 300, {
      { "Ille-et-Vilaine", { "Rennes", "Saint-Malo", "Fougères" } },
      { "Finistère", { "Brest", "Quimper", "Morlaix" } },
      { "Morbihan", { "Lorient", "Vannes" } } } },
  { "Occitanie", 140, 450, 850, {
      { "Haute-Garonne", { "Toulouse", "Blagnac", "Muret" } },
      { "Hérault", { "Montpellier", "Béziers", "Sète" } },
      { "Tarn", { "Albi", "Castres" } } } },
  { "Grand Est", 120, 800, 250, {
      { "Bas-Rhin", { "Strasbourg", "Haguenau" } },
      { "Moselle", { "Metz", "Thionville", "Forbach" } },
      { "Marne", { "Reims", "Châlons-en-Champagne" } } } },
};
#define N_REGIONS ((int) G_N_ELEMENTS (regions))

static const char *const lesson_ids[] = { "valorize", "care", "combine", "learn" };

/* One reason per lesson and variant, for the notes of tagged items. */
static const char *const lesson_reasons[4][3] = {
  { "shares its equipment and know-how with partners",
    "builds on what its staff and partners contribute",
    "turns local skills into new offers" },
  { "works for the whole territory, not only for itself",
    "keeps jobs and suppliers in the area",
    "supports small firms of its city" },
  { "brings together firms, schools and authorities",
    "pairs start-ups with an industrial group",
    "mixes research, training and business" },
  { "takes part in exchanges with other territories",
    "runs regular sessions where members compare practice",
    "sends staff on learning expeditions" },
};

static const char *const surnames[] = {
  "Dupré", "Lefèvre", "Bérard", "Mercier", "Gauthier", "Chevalier", "Rousseau",
  "Faure", "Girard", "Bonnet", "Lemaître", "Perrin", "Morel", "Fournier",
  "Étienne", "Noël", "Hébert", "Célestin", "Thévenet", "Roché", "Aubé", "Ménard",
  "Pélissier", "Dubœuf", "Mathé", "Sauvé", "Gérard", "Benoît", "Lacôte", "Nguyễn",
};
static const char *const sme_words[] = {
  "Ateliers", "Forges", "Établissements", "Société", "Menuiserie", "Fonderie",
  "Plasturgie", "Imprimerie", "Décolletage", "Mécanique", "Céramiques", "Tôlerie",
};
static const char *const startup_prefixes[] = {
  "Néo", "Éco", "Bio", "Agri", "Hélio", "Cyber", "Méca", "Data", "Géo", "Opti",
  "Vélo", "Hydro", "Robo", "Clim", "Nano", "Sénso",
};
static const char *const startup_suffixes[] = {
  "lys", "tech", "via", "nov", "sens", "mind", "lab", "flow", "gène", "wave",
  "ia", "forge", "log", "pulse",
};
static const char *const brand_words[] = {
  "Émergence", "Créativité", "Synergie", "Élan", "Cœur d'industrie", "Horizon",
  "Ruche", "Volcans", "Sillon", "Canopée", "Éclosion", "Tremplin", "Réseau",
};
static const char *const school_names[] = {
  "Jules-Ferry", "Marie-Curie", "Léonard-de-Vinci", "Blaise-Pascal",
  "Simone-Veil", "Émile-Zola", "Condorcet", "Gustave-Eiffel",
};
static const char *const kinds[] = {
  "partnership", "funding", "support", "supply", "knowledge", "training",
  "research", "membership", "hosting",
};
enum {
  KIND_PARTNERSHIP, KIND_FUNDING, KIND_SUPPORT, KIND_SUPPLY, KIND_KNOWLEDGE,
  KIND_TRAINING, KIND_RESEARCH, KIND_MEMBERSHIP, KIND_HOSTING,
};

typedef struct {
  guint8 role;
  gint8  region;     /* -1: national actor ("France") */
  gint8  department; /* -1: region level only */
  gint8  city;       /* -1: department level only */
} SynthActor;

typedef struct {
  GRand            *rand;
  xmlTextWriterPtr  writer;
  gboolean          failed;
  SynthActor       *actors;
  guint             n_actors;
  guint             n_arrived;           /* actors that may be picked so far */
  GArray           *pool;                /* guint actor indices, whole map */
  GArray           *region_pool[N_REGIONS];
} Synth;

#define PICK(s, array) ((array)[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])

static guint
n_departments (int region)
{
  guint n = 0;
  while (n < G_N_ELEMENTS (regions[region].departments) &&
         regions[region].departments[n].name != NULL)
    n++;
  return n;
}

static guint
n_cities (int region, int department)
{
  const DepartmentSpec *d = &regions[region].departments[department];
  guint n = 0;
  while (n < G_N_ELEMENTS (d->cities) && d->cities[n] != NULL)
    n++;
  return n;
}

/* Index drawn from a table of shares in per mille. */
static guint
pick_share (GRand *rand, const guint *shares, guint n)
{
  guint r = (guint) g_rand_int_range (rand, 0, 1000);
  for (guint i = 0; i < n; i++)
    {
      if (r < shares[i])
        return i;
      r -= shares[i];
    }
  return n - 1;
}

static void
make_actor (Synth *s, SynthActor *a)
{
  guint role_shares[N_ROLES], region_shares[N_REGIONS];

  for (guint i = 0; i < N_ROLES; i++)
    role_shares[i] = roles[i].per_mille;
  for (int i = 0; i < N_REGIONS; i++)
    region_shares[i] = regions[i].per_mille;

  a->role = (guint8) pick_share (s->rand, role_shares, N_ROLES);
  a->region = (gint8) pick_share (s->rand, region_shares, N_REGIONS);
  a->department = (gint8) g_rand_int_range (s->rand, 0, (gint32) n_departments (a->region));
  a->city = (gint8) g_rand_int_range (s->rand, 0, (gint32) n_cities (a->region, a->department));

  /* Some actors are anchored only at a coarser level; national ones are
   * mostly state agencies and financiers. */
  double depth = g_rand_double (s->rand);
  gboolean national_role = a->role == ROLE_PUBLIC_AGENCY || a->role == ROLE_FINANCIER;
  if (depth < (national_role ? 0.35 : 0.04))
    a->region = -1;
  else if (depth < (national_role ? 0.45 : 0.09))
    a->department = -1;
  if (a->region < 0)
    a->department = -1;
  if (a->department < 0 || depth < (national_role ? 0.55 : 0.17))
    a->city = -1;
}

static void
pool_add (Synth *s, guint index, guint times)
{
  const SynthActor *a = &s->actors[index];
  for (guint i = 0; i < times; i++)
    {
      g_array_append_val (s->pool, index);
      if (a->region >= 0)
        g_array_append_val (s->region_pool[a->region], index);
    }
}

static guint
pool_pick (Synth *s, GArray *pool)
{
  return g_array_index (pool, guint, g_rand_int_range (s->rand, 0, (gint32) pool->len));
}

/* ---- text --------------------------------------------------------------- */

static void
append_territory (GString *out, const SynthActor *a)
{
  if (a->region < 0)
    {
      g_string_append (out, "France");
      return;
    }
  const RegionSpec *r = &regions[a->region];
  g_string_append (out, r->name);
  if (a->department >= 0)
    {
      g_string_append_printf (out, "/%s", r->departments[a->department].name);
      if (a->city >= 0)
        g_string_append_printf (out, "/%s", r->departments[a->department].cities[a->city]);
    }
}

/* A city to name the actor after: its own, or any city of its region. */
static const char *
label_city (Synth *s, const SynthActor *a)
{
  /* A coarser territory only says less; the label may still name a city. */
  int region = a->region >= 0 ? a->region : g_rand_int_range (s->rand, 0, N_REGIONS);
  int dept = a->department >= 0 ? a->department
                                : g_rand_int_range (s->rand, 0, (gint32) n_departments (region));
  int city = a->city >= 0 ? a->city : g_rand_int_range (s->rand, 0, (gint32) n_cities (region, dept));
  g_assert (a->region >= 0 || a->department < 0);
  return regions[region].departments[dept].cities[city];
}

static void
append_label (Synth *s, GString *out, const SynthActor *a)
{
  const char *city = label_city (s, a);
  guint variant = (guint) g_rand_int_range (s->rand, 0, 3);

  switch (a->role)
    {
    case ROLE_SME:
      g_string_append_printf (out, "%s %s%s", PICK (s, sme_words), PICK (s, surnames),
                              variant == 0 ? " & Fils" : "");
      break;
    case ROLE_STARTUP:
      g_string_append_printf (out, "%s%s", PICK (s, startup_prefixes), PICK (s, startup_suffixes));
      break;
    case ROLE_LARGE_COMPANY:
      g_string_append_printf (out, variant == 0 ? "Industries %s" : "Groupe %s", PICK (s, surnames));
      break;
    case ROLE_UNIVERSITY:
      g_string_append_printf (out, variant == 0 ? "École d'ingénieurs de %s" : "Université de %s", city);
      break;
    case ROLE_RESEARCH_LAB:
      g_string_append (out, "Laboratoire ");
      for (int i = 0, n = g_rand_int_range (s->rand, 3, 6); i < n; i++)
        g_string_append_c (out, (char) ('A' + g_rand_int_range (s->rand, 0, 26)));
      g_string_append_printf (out, " – %s", city);
      break;
    case ROLE_EDUCATION:
      if (variant == 0)
        g_string_append_printf (out, "CFA de l'industrie – %s", city);
      else
        g_string_append_printf (out, "Lycée professionnel %s", PICK (s, school_names));
      break;
    case ROLE_LOCAL_AUTHORITY:
      g_string_append_printf (out, variant == 0 ? "Ville de %s" : "Communauté d'agglomération de %s", city);
      break;
    case ROLE_PUBLIC_AGENCY:
      g_string_append_printf (out, "Agence de développement « %s »", PICK (s, brand_words));
      break;
    case ROLE_CONNECTOR:
      if (variant == 0)
        g_string_append_printf (out, "Technopole de %s", city);
      else
        g_string_append_printf (out, variant == 1 ? "Incubateur %s" : "Cluster %s", PICK (s, brand_words));
      break;
    case ROLE_FINANCIER:
      g_string_append_printf (out, variant == 0 ? "Business angels de %s" : "Fonds d'amorçage %s",
                              variant == 0 ? city : PICK (s, brand_words));
      break;
    case ROLE_REAL_ESTATE:
      g_string_append_printf (out, "Foncière %s", PICK (s, surnames));
      break;
    case ROLE_ASSOCIATION:
    default:
      g_string_append_printf (out, "Association %s de %s", PICK (s, brand_words), city);
      break;
    }
}

/* About 15 % of items carry lessons: mostly one, sometimes two or three. */
static guint
pick_lessons (Synth *s)
{
  if (g_rand_double (s->rand) >= 0.15)
    return 0;
  double r = g_rand_double (s->rand);
  guint n = r < 0.70 ? 1 : r < 0.95 ? 2 : 3;
  guint set = 0;
  for (guint count = 0; count < n;)
    {
      guint bit = 1u << g_rand_int_range (s->rand, 0, 4);
      if (!(set & bit))
        set |= bit, count++;
    }
  return set;
}

static void
append_lessons (GString *ids, GString *notes, Synth *s, guint set)
{
  for (guint l = 0; l < 4; l++)
    {
      if (!(set & (1u << l)))
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, lesson_ids[l]);
      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      g_string_append_printf (notes, "%s: %s.", lesson_ids[l],
                              lesson_reasons[l][g_rand_int_range (s->rand, 0, 3)]);
    }
}

/* ---- XML ---------------------------------------------------------------- */

static void
check (Synth *s, int rc)
{
  if (rc < 0)
    s->failed = TRUE;
}

static void
write_data (Synth *s, const char *key, const char *value)
{
  check (s, xmlTextWriterStartElement (s->writer, BAD_CAST "data"));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "key", BAD_CAST key));
  check (s, xmlTextWriterWriteString (s->writer, BAD_CAST value));
  check (s, xmlTextWriterEndElement (s->writer));
}

static void
write_key (Synth *s, const char *id, const char *domain, const char *name, const char *type)
{
  check (s, xmlTextWriterStartElement (s->writer, BAD_CAST "key"));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "id", BAD_CAST id));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "for", BAD_CAST domain));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "attr.name", BAD_CAST name));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "attr.type", BAD_CAST type));
  check (s, xmlTextWriterEndElement (s->writer));
}

static void
write_header (Synth *s, const SynthOptions *o)
{
  xmlTextWriterPtr w = s->writer;

  check (s, xmlTextWriterSetIndent (w, 1));
  check (s, xmlTextWriterSetIndentString (w, BAD_CAST "  "));
  check (s, xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL));
  check (s, xmlTextWriterStartElement (w, BAD_CAST "graphml"));
  check (s, xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns",
                                         BAD_CAST "http://graphml.graphdrawing.org/xmlns"));
  check (s, xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:xsi",
                                         BAD_CAST "http://www.w3.org/2001/XMLSchema-instance"));
  check (s, xmlTextWriterWriteAttribute (w, BAD_CAST "xsi:schemaLocation",
                                         BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                                                  "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd"));
  write_key (s, "title", "graph", "title", "string");
  write_key (s, "description", "graph", "description", "string");
  write_key (s, "label", "node", "label", "string");
  write_key (s, "role", "node", "role", "string");
  write_key (s, "territory", "node", "territory", "string");
  write_key (s, "lessons", "node", "lessons", "string");
  write_key (s, "notes", "node", "notes", "string");
  if (o->positions)
    {
      write_key (s, "x", "node", "x", "double");
      write_key (s, "y", "node", "y", "double");
    }
  write_key (s, "kind", "edge", "kind", "string");
  write_key (s, "relation-lessons", "edge", "lessons", "string");
  write_key (s, "relation-notes", "edge", "notes", "string");
  write_key (s, "weight", "edge", "weight", "double");

  check (s, xmlTextWriterStartElement (w, BAD_CAST "graph"));
  check (s, xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST "synthetic"));
  check (s, xmlTextWriterWriteAttribute (w, BAD_CAST "edgedefault", BAD_CAST "directed"));

  g_autofree char *title = g_strdup_printf ("Synthetic ecosystem (%u actors, %u relations, seed %u)",
                                            o->n_actors, o->n_relations, o->seed);
  write_data (s, "title", title);
  write_data (s, "description",
              "Generated by gen-map for benchmarks: plausible roles, territories in five French "
              "regions, relations by preferential attachment. Not real actors.");
}

static double
gaussian (GRand *rand)
{
  /* Box–Muller; 1 - u keeps the logarithm finite. */
  double u = 1.0 - g_rand_double (rand), v = g_rand_double (rand);
  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static void
write_actor (Synth *s, const SynthOptions *o, guint index)
{
  const SynthActor *a = &s->actors[index];
  g_autoptr(GString) text = g_string_new (NULL);
  char id[32];

  g_snprintf (id, sizeof id, "n%u", index);
  check (s, xmlTextWriterStartElement (s->writer, BAD_CAST "node"));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "id", BAD_CAST id));

  append_label (s, text, a);
  write_data (s, "label", text->str);
  write_data (s, "role", roles[a->role].id);
  g_string_truncate (text, 0);
  append_territory (text, a);
  write_data (s, "territory", text->str);

  g_autoptr(GString) lessons = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  append_lessons (lessons, notes, s, pick_lessons (s));
  if (lessons->len > 0)
    write_data (s, "lessons", lessons->str);
  else if (g_rand_double (s->rand) < 0.1)
    g_string_append (notes, "Met during a territorial workshop; contact through the local network.");
  if (notes->len > 0)
    write_data (s, "notes", notes->str);

  if (o->positions)
    {
      /* Regions as clouds on a rough map of France, spread so that density
       * stays about the same whatever the size. */
      double scale = sqrt (MAX (s->n_actors, 100) / 100.0);
      double cx = a->region >= 0 ? regions[a->region].cx : 450.0;
      double cy = a->region >= 0 ? regions[a->region].cy : 450.0;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      write_data (s, "x", g_ascii_formatd (buf, sizeof buf, "%.2f", (cx + 60.0 * gaussian (s->rand)) * scale));
      write_data (s, "y", g_ascii_formatd (buf, sizeof buf, "%.2f", (cy + 60.0 * gaussian (s->rand)) * scale));
    }
  check (s, xmlTextWriterEndElement (s->writer));
}

/* The kind of a relation from its giver (source) to its receiver. */
static guint
pick_kind (Synth *s, guint source_role, guint target_role)
{
  double r = g_rand_double (s->rand);

  switch (source_role)
    {
    case ROLE_FINANCIER:
      return r < 0.75 ? KIND_FUNDING : KIND_PARTNERSHIP;
    case ROLE_LOCAL_AUTHORITY:
    case ROLE_PUBLIC_AGENCY:
      return r < 0.4 ? KIND_SUPPORT : r < 0.8 ? KIND_FUNDING : KIND_PARTNERSHIP;
    case ROLE_CONNECTOR:
      return r < 0.5 ? KIND_SUPPORT : r < 0.8 ? KIND_KNOWLEDGE : KIND_HOSTING;
    case ROLE_UNIVERSITY:
    case ROLE_RESEARCH_LAB:
      return r < 0.4 ? KIND_RESEARCH : r < 0.7 ? KIND_TRAINING : KIND_KNOWLEDGE;
    case ROLE_EDUCATION:
      return r < 0.7 ? KIND_TRAINING : KIND_PARTNERSHIP;
    case ROLE_REAL_ESTATE:
      return r < 0.8 ? KIND_HOSTING : KIND_PARTNERSHIP;
    default:
      break;
    }
  if (target_role == ROLE_CONNECTOR || target_role == ROLE_ASSOCIATION)
    return r < 0.6 ? KIND_MEMBERSHIP : r < 0.8 ? KIND_KNOWLEDGE : KIND_PARTNERSHIP;
  if (target_role == ROLE_LARGE_COMPANY)
    return r < 0.6 ? KIND_SUPPLY : KIND_PARTNERSHIP;
  return r < 0.5 ? KIND_PARTNERSHIP : r < 0.75 ? KIND_KNOWLEDGE : KIND_SUPPLY;
}

/* Actors "arrive" in order as relations are drawn, so that the map grows as
 * in the Barabási–Albert model: each newcomer links to actors already there,
 * chosen in proportion to their degree (plus a head start for attractive
 * roles).  That is what gives a heavy tail and a few large hubs. */
static void
arrive_until (Synth *s, guint index)
{
  for (; s->n_arrived <= index && s->n_arrived < s->n_actors; s->n_arrived++)
    pool_add (s, s->n_arrived, roles[s->actors[s->n_arrived].role].attraction);
}

static void
write_relation (Synth *s, const SynthOptions *o, guint index)
{
  guint a = (guint) ((guint64) index * s->n_actors / o->n_relations);
  guint b = a;

  arrive_until (s, MAX (a, 1));
  /* The other end by preferential attachment, mostly within a's region. */
  for (int attempt = 0; attempt < 8 && b == a; attempt++)
    {
      int region = s->actors[a].region;
      if (region >= 0 && s->region_pool[region]->len > 0 && g_rand_double (s->rand) < 0.65)
        b = pool_pick (s, s->region_pool[region]);
      else
        b = pool_pick (s, s->pool);
    }
  if (b == a)
    b = a == 0 ? 1 : (guint) g_rand_int_range (s->rand, 0, (gint32) a);
  pool_add (s, a, 1);
  pool_add (s, b, 1);

  guint source = a, target = b;
  if (roles[s->actors[b].role].giver && g_rand_double (s->rand) < 0.75)
    source = b, target = a;

  char id[32], source_id[32], target_id[32];
  g_snprintf (id, sizeof id, "e%u", index);
  g_snprintf (source_id, sizeof source_id, "n%u", source);
  g_snprintf (target_id, sizeof target_id, "n%u", target);
  check (s, xmlTextWriterStartElement (s->writer, BAD_CAST "edge"));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "id", BAD_CAST id));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "source", BAD_CAST source_id));
  check (s, xmlTextWriterWriteAttribute (s->writer, BAD_CAST "target", BAD_CAST target_id));

  write_data (s, "kind", kinds[pick_kind (s, s->actors[source].role, s->actors[target].role)]);
  g_autoptr(GString) lessons = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  append_lessons (lessons, notes, s, pick_lessons (s));
  if (lessons->len > 0)
    {
      write_data (s, "relation-lessons", lessons->str);
      write_data (s, "relation-notes", notes->str);
    }
  if (g_rand_double (s->rand) < 0.3)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      write_data (s, "weight", g_ascii_formatd (buf, sizeof buf, "%.2f", 0.1 + 4.9 * g_rand_double (s->rand)));
    }
  check (s, xmlTextWriterEndElement (s->writer));
}

gboolean
synth_map_write (const SynthOptions *options, const char *path, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->n_relations > 0 && options->n_actors < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Relations need at least two actors (got %u)", options->n_actors);
      return FALSE;
    }

  Synth s = { 0 };
  s.rand = g_rand_new_with_seed (options->seed);
  s.n_actors = options->n_actors;
  s.actors = g_new0 (SynthActor, MAX (s.n_actors, 1));
  s.pool = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int r = 0; r < N_REGIONS; r++)
    s.region_pool[r] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < s.n_actors; i++)
    make_actor (&s, &s.actors[i]);

  if (path != NULL)
    s.writer = xmlNewTextWriterFilename (path, 0);
  else
    s.writer = xmlNewTextWriter (xmlOutputBufferCreateFile (stdout, NULL));

  if (s.writer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot open “%s” for writing",
                   path != NULL ? path : "standard output");
    }
  else
    {
      write_header (&s, options);
      for (guint i = 0; i < s.n_actors && !s.failed; i++)
        write_actor (&s, options, i);
      for (guint i = 0; i < options->n_relations && !s.failed; i++)
        write_relation (&s, options, i);
      check (&s, xmlTextWriterEndDocument (s.writer)); /* closes graph and graphml */
      xmlFreeTextWriter (s.writer);
      if (path == NULL)
        fflush (stdout);
      if (s.failed)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Writing “%s” failed",
                     path != NULL ? path : "standard output");
    }

  gboolean ok = s.writer != NULL && !s.failed;
  for (int r = 0; r < N_REGIONS; r++)
    g_array_unref (s.region_pool[r]);
  g_array_unref (s.pool);
  g_free (s.actors);
  g_rand_free (s.rand);
  return ok;
}
