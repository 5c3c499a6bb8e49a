/* mg-atomic-file.h — replacing a file so that a crash never leaves half of it.
 *
 * The contents go to a temporary file in the same directory, are flushed to
 * disk, then renamed over the target: whoever opens the file sees the old
 * version or the new one.  The target keeps its permissions; saving through
 * a symbolic link replaces the file it points to.  Temporary files a killed
 * run left beside the target are removed by the next save of it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors are in G_FILE_ERROR, with a message naming @path. */
gboolean mg_atomic_file_replace (const char *path, const char *contents, gsize length,
                                 GError **error);

/* The same, written piece by piece (a large export streams into it rather
 * than being built whole in memory first): begin, write as often as
 * needed, then commit — or abort, which leaves the target untouched.
 * Commit and abort free @file; after a failed write, abort it. */
typedef struct _MgAtomicFile MgAtomicFile;

MgAtomicFile *mg_atomic_file_begin (const char *path, GError **error);
gboolean      mg_atomic_file_write (MgAtomicFile *file, const char *data, gsize length,
                                    GError **error);
gboolean      mg_atomic_file_commit (MgAtomicFile *file, GError **error);
void          mg_atomic_file_abort (MgAtomicFile *file);

/* Removes, from @dir, the temporary files of the target named @base that a
 * killed run left (".<base>.mgtmp-<pid>-XXXXXX", held by no live writer).
 * mg_atomic_file_begin() does it for its target.  Returns how many. */
guint         mg_atomic_file_clean_stale (const char *dir, const char *base);

/* ---- for tests only ---- */

typedef enum {
  MG_ATOMIC_FILE_FAIL_NONE = 0,
  MG_ATOMIC_FILE_FAIL_MID_WRITE,     /* after half of the bytes reached the temporary file
                                        (streamed: at the second write) */
  MG_ATOMIC_FILE_FAIL_BEFORE_RENAME, /* temporary file complete and synced, not renamed */
} MgAtomicFileFailure;

/* Makes the following mg_atomic_file_replace() calls fail at @step, as a
 * crash would, until reset with MG_ATOMIC_FILE_FAIL_NONE. */
void mg_atomic_file_set_test_failure (MgAtomicFileFailure step);

G_END_DECLS
