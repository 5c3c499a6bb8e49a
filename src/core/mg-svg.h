/* mg-svg.h — writing a scene as SVG that stays editable.
 *
 * Written with libxml2's xmlTextWriter (never by pasting strings), not with
 * cairo's SVG surface: every label is a real <text> (one <tspan> per wrapped
 * line) in the style's font family, so it can be edited in Inkscape,
 * LibreOffice or PowerPoint and searched; each actor is a
 * <g id="actor-ID" class="actor role-ROLE"> with a <title> (full label,
 * role, territory, lessons), each relation a <g id="relation-N"
 * class="relation kind-KIND"> with a <title>; clusters and the legend are
 * groups too.  Ids are valid XML ids: characters other than ASCII letters,
 * digits, '-', '_' and '.' are written as _XX (hex of their UTF-8 bytes),
 * and a suffix keeps them unique.
 */
#pragma once

#include "mg-render-cairo.h"

G_BEGIN_DECLS

/* The SVG document of @page (as composed by mg_page_compute()), UTF-8
 * (transfer full); @length may be NULL. */
char *mg_svg_write_page (MgScene *scene, const MgPage *page, gsize *length, GError **error);

/* Takes the next piece of a document being written; FALSE (with @error
 * set) stops the writing. */
typedef gboolean (*MgSvgSink) (const char *data, gsize length, gpointer user_data,
                               GError **error);

/* The same document, handed to @sink in pieces of a few hundred
 * kilobytes as it is written (a large export goes to its file without
 * being held whole in memory).  On failure, @error is the sink's own or
 * one in G_IO_ERROR. */
gboolean mg_svg_write_page_to (MgScene *scene, const MgPage *page, MgSvgSink sink,
                               gpointer user_data, GError **error);

/* A valid, readable XML id for @text after @prefix, e.g. "actor-" +
 * "Thésame" → "actor-Th_c3_a9same" (transfer full). */
char *mg_svg_make_id (const char *prefix, const char *text);

G_END_DECLS
