/* mg-i18n.c — a message catalogue per language, read from the .mo file
 * that gettext would read, for texts written in a language of their own. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "mg-i18n.h"

/* One .mo file: the original strings ("msgid", or "context\004msgid") to
 * their translations (the plural forms one after the other, NUL-separated). */
typedef struct {
  const char *forms;
  guint32     length;       /* of all the forms, separators included */
} Translation;

typedef struct {
  GBytes      *data;
  GHashTable  *messages;     /* const char * → Translation *, into data */
  Translation *translations;
  gboolean    plural_gt_1;  /* "plural=(n > 1)" (French) rather than n != 1 */
} Catalogue;

G_LOCK_DEFINE_STATIC (catalogues);
static GHashTable *catalogues; /* language → Catalogue* (NULL: none found) */

gboolean
mg_i18n_language_is_known (const char *lang)
{
  return lang != NULL && (g_str_equal (lang, "fr") || g_str_equal (lang, "en"));
}

const char *
mg_i18n_interface_language (void)
{
  /* The header of our own catalogue as gettext found it: empty when the
   * messages are not translated. */
  const char *header = dgettext (GETTEXT_PACKAGE, "");

  if (header != NULL && *header != '\0' && strstr (header, "Language: fr") != NULL)
    return "fr";
  return "en";
}

static guint32
read_u32 (const guint8 *p, gboolean swap)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The string at table entry @i (length, offset pairs), or NULL when it lies
 * outside the file or is not NUL-terminated. */
static const char *
mo_string (const guint8 *base, gsize size, guint32 table, guint32 i, gboolean swap, guint32 *length)
{
  guint64 entry = (guint64) table + 8 * (guint64) i;
  guint32 len, offset;

  if (entry + 8 > size)
    return NULL;
  len = read_u32 (base + entry, swap);
  offset = read_u32 (base + entry + 4, swap);
  if ((guint64) offset + len >= size || base[offset + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) base + offset;
}

static Catalogue *
catalogue_load (const char *lang)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autoptr (GMappedFile) file = NULL;
  const guint8 *base;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swap;
  Catalogue *c;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    return NULL;
  base = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return NULL;
  magic = read_u32 (base, FALSE);
  if (magic != 0x950412de && GUINT32_SWAP_LE_BE (magic) != 0x950412de)
    return NULL;
  swap = magic != 0x950412de;
  n = read_u32 (base + 8, swap);
  originals = read_u32 (base + 12, swap);
  translations = read_u32 (base + 16, swap);

  c = g_new0 (Catalogue, 1);
  c->data = g_mapped_file_get_bytes (file);
  c->messages = g_hash_table_new (g_str_hash, g_str_equal);
  c->translations = g_new0 (Translation, n);
  base = g_bytes_get_data (c->data, &size);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen, tlen;
      const char *original = mo_string (base, size, originals, i, swap, &olen);
      const char *translation = mo_string (base, size, translations, i, swap, &tlen);

      if (original == NULL || translation == NULL)
        continue;
      if (*original == '\0')
        c->plural_gt_1 = strstr (translation, "plural=(n > 1)") != NULL ||
                         strstr (translation, "plural=n > 1") != NULL ||
                         strstr (translation, "plural=(n>1)") != NULL;
      else if (tlen > 0)
        {
          c->translations[i] = (Translation) { translation, tlen };
          g_hash_table_insert (c->messages, (gpointer) original, &c->translations[i]);
        }
    }
  return c;
}

/* The catalogue of @lang, loaded on first use; NULL when there is none. */
static Catalogue *
catalogue_get (const char *lang)
{
  Catalogue *c;

  G_LOCK (catalogues);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogues, lang, NULL, (gpointer *) &c))
    {
      c = catalogue_load (lang);
      g_hash_table_insert (catalogues, (gpointer) g_intern_string (lang), c);
    }
  G_UNLOCK (catalogues);
  return c;
}

/* TRUE when @lang is to be looked up in its own catalogue, not gettext's. */
static gboolean
needs_catalogue (const char *lang)
{
  return lang != NULL && !g_str_equal (lang, "en") &&
         !g_str_equal (lang, mg_i18n_interface_language ());
}

const char *
mg_i18n_gettext (const char *lang, const char *msgid)
{
  Catalogue *c;
  const Translation *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (lang == NULL || (!g_str_equal (lang, "en") && !needs_catalogue (lang)))
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (g_str_equal (lang, "en") || (c = catalogue_get (lang)) == NULL)
    return msgid;
  translation = g_hash_table_lookup (c->messages, msgid);
  return translation != NULL ? translation->forms : msgid;
}

const char *
mg_i18n_ngettext (const char *lang, const char *msgid, const char *msgid_plural, gulong n)
{
  Catalogue *c;
  const Translation *t;
  gsize first;
  guint index;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (lang == NULL || (!g_str_equal (lang, "en") && !needs_catalogue (lang)))
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (g_str_equal (lang, "en") || (c = catalogue_get (lang)) == NULL ||
      (t = g_hash_table_lookup (c->messages, msgid)) == NULL)
    return n == 1 ? msgid : msgid_plural;
  index = c->plural_gt_1 ? n > 1 : n != 1;
  /* Forms are NUL-separated; a missing second form falls back on the first. */
  first = strlen (t->forms);
  if (index == 1 && first + 1 < t->length)
    return t->forms + first + 1;
  return t->forms;
}
