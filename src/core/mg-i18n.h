/* mg-i18n.h — texts written into files (export legends, `--info`) in a
 * language chosen for them, whatever the interface's.
 *
 * The interface follows the locale through gettext.  An export may be asked
 * in another language ("--lang en" under a French locale, or the export
 * dialog's "Legend language"): its texts are then looked up in that
 * language's catalogue, read once from the same directory gettext uses, so
 * that nothing process-wide (locale, environment) changes while the window
 * runs.  English is the source language: it needs no catalogue. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for the languages a legend can be written in: "fr" and "en". */
gboolean    mg_i18n_language_is_known (const char *lang);

/* The interface's language among the known ones: "fr" when the messages
 * are shown in French, else "en".  (transfer none) */
const char *mg_i18n_interface_language (void);

/* @msgid in @lang; NULL (or the interface's language) translates as _()
 * does.  An unknown language, or a missing catalogue or message, gives
 * @msgid.  The result lives as long as the process.  (transfer none) */
const char *mg_i18n_gettext (const char *lang, const char *msgid) G_GNUC_FORMAT (2);

/* The form of @msgid / @msgid_plural for @n in @lang (as ngettext). */
const char *mg_i18n_ngettext (const char *lang, const char *msgid, const char *msgid_plural,
                              gulong n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

G_END_DECLS
