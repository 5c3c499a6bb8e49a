/* mg-graphml.h — reading and writing GraphML maps. */
#pragma once

#include <gio/gio.h>
#include "mg-map.h"

G_BEGIN_DECLS

#define MG_GRAPHML_ERROR (mg_graphml_error_quark ())
GQuark mg_graphml_error_quark (void);

typedef enum {
  MG_GRAPHML_ERROR_IO,          /* cannot open / read / write the file */
  MG_GRAPHML_ERROR_NOT_XML,     /* not well-formed XML (message names line and column) */
  MG_GRAPHML_ERROR_NOT_GRAPHML, /* well-formed, but the root is not <graphml> */
  MG_GRAPHML_ERROR_LIMIT,       /* a safety limit was hit (size, depth…) */
} MgGraphmlError;

/* Reader limits: past any of them the read stops with MG_GRAPHML_ERROR_LIMIT
 * and a message naming file, line and column.  No input of any size or
 * shape takes more than time linear in its size.
 *   - one value (text, attribute value, comment, processing instruction,
 *     CDATA section): at most MG_GRAPHML_MAX_VALUE_BYTES;
 *   - one element or attribute name: at most MG_GRAPHML_MAX_NAME_BYTES
 *     (libxml2 refuses longer ones even with XML_PARSE_HUGE);
 *   - the document, once decompressed: at most MG_GRAPHML_MAX_CONTENT_BYTES;
 *   - gzip input: at most MG_GRAPHML_MAX_INFLATE_RATIO times the compressed
 *     size once decompressed (MG_GRAPHML_MIN_INFLATE_ALLOWANCE at least);
 *   - nesting: 256 levels.
 * A document with a DTD keeps libxml2's smaller defaults (10 MB). */
#define MG_GRAPHML_MAX_VALUE_BYTES (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define MG_GRAPHML_MAX_NAME_BYTES (10000000 - 65536)
#define MG_GRAPHML_MAX_CONTENT_BYTES (G_GUINT64_CONSTANT (1) << 30)
#define MG_GRAPHML_MAX_INFLATE_RATIO 200
#define MG_GRAPHML_MIN_INFLATE_ALLOWANCE (G_GUINT64_CONSTANT (1) * 1024 * 1024)

/* Reads a GraphML file (plain or gzip-compressed).  On success returns a new
 * map and appends human-readable warnings (char*, "line 12: …") to @warnings
 * (may be NULL).  On failure returns NULL and sets @error with one clear
 * message naming the file, line and column. */
MgMap   *mg_graphml_read_file (const char *path, GPtrArray *warnings, GError **error);
/* The same from memory; @name is used in messages. */
MgMap   *mg_graphml_read_memory (const char *data, gsize size, const char *name,
                                 GPtrArray *warnings, GError **error);

/* Writes @map as GraphML 1.1.  Atomic: writes a temporary file beside @path
 * and renames it over, so a crash mid-save leaves the old file intact. */
gboolean mg_graphml_write_file (MgMap *map, const char *path, GError **error);
/* Serialises @map to a new string (transfer full). */
char    *mg_graphml_write_to_string (MgMap *map, gsize *length, GError **error);

G_END_DECLS
