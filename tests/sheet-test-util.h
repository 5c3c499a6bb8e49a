/* sheet-test-util.h — spreadsheets made at test time: a minimal zip writer
 * (stored parts, and deflated runs of zeros for a zip bomb), XLSX and ODS
 * workbooks from their XML, and fixture paths. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zlib.h>

typedef struct {
  GByteArray *data;
  GByteArray *central;
  guint       n_entries;
} TestZip;

static inline void
test_zip_put16 (GByteArray *b, guint v)
{
  guint8 x[2] = { v & 0xff, (v >> 8) & 0xff };
  g_byte_array_append (b, x, 2);
}

static inline void
test_zip_put32 (GByteArray *b, guint32 v)
{
  guint8 x[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };
  g_byte_array_append (b, x, 4);
}

static inline void
test_zip_init (TestZip *z)
{
  z->data = g_byte_array_new ();
  z->central = g_byte_array_new ();
  z->n_entries = 0;
}

/* Adds an entry whose bytes (@payload, stored or raw deflate) are given. */
static inline void
test_zip_add_raw (TestZip *z, const char *name, guint method, const guint8 *payload,
                  gsize payload_len, guint32 crc, guint32 size)
{
  guint32 offset = z->data->len;
  guint name_len = (guint) strlen (name);

  test_zip_put32 (z->data, 0x04034b50);
  test_zip_put16 (z->data, 20);
  test_zip_put16 (z->data, 0);
  test_zip_put16 (z->data, method);
  test_zip_put16 (z->data, 0);
  test_zip_put16 (z->data, 0x21);
  test_zip_put32 (z->data, crc);
  test_zip_put32 (z->data, (guint32) payload_len);
  test_zip_put32 (z->data, size);
  test_zip_put16 (z->data, name_len);
  test_zip_put16 (z->data, 0);
  g_byte_array_append (z->data, (const guint8 *) name, name_len);
  g_byte_array_append (z->data, payload, (guint) payload_len);

  test_zip_put32 (z->central, 0x02014b50);
  test_zip_put16 (z->central, 20);
  test_zip_put16 (z->central, 20);
  test_zip_put16 (z->central, 0);
  test_zip_put16 (z->central, method);
  test_zip_put16 (z->central, 0);
  test_zip_put16 (z->central, 0x21);
  test_zip_put32 (z->central, crc);
  test_zip_put32 (z->central, (guint32) payload_len);
  test_zip_put32 (z->central, size);
  test_zip_put16 (z->central, name_len);
  test_zip_put16 (z->central, 0);
  test_zip_put16 (z->central, 0);
  test_zip_put16 (z->central, 0);
  test_zip_put16 (z->central, 0);
  test_zip_put32 (z->central, 0);
  test_zip_put32 (z->central, offset);
  g_byte_array_append (z->central, (const guint8 *) name, name_len);
  z->n_entries++;
}

static inline void
test_zip_add (TestZip *z, const char *name, const char *text)
{
  gsize len = strlen (text);

  test_zip_add_raw (z, name, 0, (const guint8 *) text, len,
                    (guint32) crc32 (0, (const Bytef *) text, (uInt) len), (guint32) len);
}

/* A deflated entry of @megabytes MB of zeros, made cheaply: one fully
 * flushed block of 1 MB repeated. */
static inline void
test_zip_add_zeros (TestZip *z, const char *name, guint megabytes)
{
  g_autofree guint8 *zeros = g_malloc0 (1 << 20);
  guint8 block[8192], tail[64];
  z_stream s = { 0 };
  gsize block_len, tail_len;
  GByteArray *payload = g_byte_array_new ();
  uLong crc = 0;

  deflateInit2 (&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  s.next_in = zeros;
  s.avail_in = 1 << 20;
  s.next_out = block;
  s.avail_out = sizeof block;
  deflate (&s, Z_FULL_FLUSH);
  block_len = sizeof block - s.avail_out;
  s.next_out = tail;
  s.avail_out = sizeof tail;
  deflate (&s, Z_FINISH);
  tail_len = sizeof tail - s.avail_out;
  deflateEnd (&s);
  for (guint i = 0; i < megabytes; i++)
    {
      g_byte_array_append (payload, block, (guint) block_len);
      crc = crc32 (crc, zeros, 1 << 20);
    }
  g_byte_array_append (payload, tail, (guint) tail_len);
  test_zip_add_raw (z, name, 8, payload->data, payload->len, (guint32) crc,
                    (guint32) ((guint64) megabytes << 20));
  g_byte_array_unref (payload);
}

static inline void
test_zip_write (TestZip *z, const char *path)
{
  guint32 central_offset = z->data->len;
  GError *error = NULL;

  g_byte_array_append (z->data, z->central->data, z->central->len);
  test_zip_put32 (z->data, 0x06054b50);
  test_zip_put16 (z->data, 0);
  test_zip_put16 (z->data, 0);
  test_zip_put16 (z->data, z->n_entries);
  test_zip_put16 (z->data, z->n_entries);
  test_zip_put32 (z->data, z->central->len);
  test_zip_put32 (z->data, central_offset);
  test_zip_put16 (z->data, 0);
  g_file_set_contents (path, (const char *) z->data->data, z->data->len, &error);
  g_assert_no_error (error);
  g_byte_array_unref (z->data);
  g_byte_array_unref (z->central);
}

#define TEST_XLSX_WORKBOOK(SHEETS) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
  "<sheets>" SHEETS "</sheets></workbook>"

/* An XLSX with sheets Acteurs (sheet1) and Relations (sheet2). */
static inline void
test_write_xlsx (const char *path, const char *shared, const char *sheet1, const char *sheet2)
{
  TestZip z;

  test_zip_init (&z);
  test_zip_add (&z, "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                "package/2006/content-types\"/>");
  test_zip_add (&z, "xl/workbook.xml",
                TEST_XLSX_WORKBOOK ("<sheet name=\"Acteurs\" sheetId=\"1\" r:id=\"rId1\"/>"
                                    "<sheet name=\"Relations\" sheetId=\"2\" r:id=\"rId2\"/>"));
  test_zip_add (&z, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                "package/2006/relationships\">"
                "<Relationship Id=\"rId2\" Type=\"t\" Target=\"worksheets/sheet2.xml\"/>"
                "<Relationship Id=\"rId1\" Type=\"t\" Target=\"/xl/worksheets/sheet1.xml\"/>"
                "</Relationships>");
  if (shared != NULL)
    test_zip_add (&z, "xl/sharedStrings.xml", shared);
  test_zip_add (&z, "xl/worksheets/sheet1.xml", sheet1);
  if (sheet2 != NULL)
    test_zip_add (&z, "xl/worksheets/sheet2.xml", sheet2);
  test_zip_write (&z, path);
}

static inline void
test_write_ods (const char *path, const char *content)
{
  TestZip z;

  test_zip_init (&z);
  test_zip_add (&z, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  test_zip_add (&z, "content.xml", content);
  test_zip_add (&z, "META-INF/manifest.xml",
                "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
                "opendocument:xmlns:manifest:1.0\"/>");
  test_zip_write (&z, path);
}

static inline char *
sheet_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sheets", name, NULL);
}
