/* mg-atomic-file.c — replacing a file so that a crash never leaves half of it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-atomic-file.h"

static MgAtomicFileFailure test_failure = MG_ATOMIC_FILE_FAIL_NONE;

void
mg_atomic_file_set_test_failure (MgAtomicFileFailure step)
{
  test_failure = step;
}

static gboolean
fail (GError **error, const char *path, const char *what, int saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not save “%s”: %s: %s"), display, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

/* Makes the rename durable: without it a crash may forget the new name. */
static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

struct _MgAtomicFile {
  char    *path;     /* as given, for messages */
  char    *target;   /* the file replaced (through symbolic links) */
  char    *dir;
  char    *tmp_path;
  int      fd;
  guint    n_writes;
};

static void
atomic_file_free (MgAtomicFile *f)
{
  if (f->fd >= 0)
    close (f->fd);
  g_free (f->path);
  g_free (f->target);
  g_free (f->dir);
  g_free (f->tmp_path);
  g_free (f);
}

/* Removes the temporary file, reports @what, frees @f. */
static gboolean
abandon (MgAtomicFile *f, GError **error, const char *what, int saved_errno)
{
  g_autofree char *path = g_strdup (f->path);

  mg_atomic_file_abort (f);
  return fail (error, path, what, saved_errno);
}

MgAtomicFile *
mg_atomic_file_begin (const char *path, GError **error)
{
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  struct stat st;
  gboolean existed;
  MgAtomicFile *f;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  f = g_new0 (MgAtomicFile, 1);
  f->fd = -1;
  f->path = g_strdup (path);
  /* Through a symbolic link, replace the file it points to, not the link. */
  f->target = realpath (path, NULL);
  if (f->target == NULL)
    f->target = g_strdup (path);

  existed = g_stat (f->target, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    {
      fail (error, path, "not a regular file", S_ISDIR (st.st_mode) ? EISDIR : EINVAL);
      atomic_file_free (f);
      return NULL;
    }

  f->dir = g_path_get_dirname (f->target);
  base = g_path_get_basename (f->target);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  f->tmp_path = g_build_filename (f->dir, tmp_name, NULL);

  f->fd = g_mkstemp_full (f->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (f->fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *dir_display = g_filename_display_name (f->dir);
      g_autofree char *what = g_strdup_printf ("cannot create a file in “%s”", dir_display);

      fail (error, path, what, saved_errno);
      atomic_file_free (f);
      return NULL;
    }

  /* The new file keeps the old one's permissions (and owner, when we may). */
  if (existed)
    {
      if (fchmod (f->fd, st.st_mode & 07777) != 0)
        {
          abandon (f, error, "cannot keep its permissions", errno);
          return NULL;
        }
      if (st.st_uid != geteuid () || st.st_gid != getegid ())
        (void) !fchown (f->fd, st.st_uid, st.st_gid);
    }
  return f;
}

gboolean
mg_atomic_file_write (MgAtomicFile *f, const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (f != NULL && f->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (test_failure == MG_ATOMIC_FILE_FAIL_MID_WRITE && f->n_writes++ > 0)
    {
      /* The simulated crash, once some bytes reached the file. */
      fail (error, f->path, "cannot write", EIO);
      return FALSE;
    }
  if (!write_all (f->fd, data, length))
    {
      fail (error, f->path, "cannot write", errno);
      return FALSE;
    }
  return TRUE;
}

void
mg_atomic_file_abort (MgAtomicFile *f)
{
  if (f == NULL)
    return;
  if (f->fd >= 0)
    close (f->fd);
  f->fd = -1;
  g_unlink (f->tmp_path);
  atomic_file_free (f);
}

gboolean
mg_atomic_file_commit (MgAtomicFile *f, GError **error)
{
  g_return_val_if_fail (f != NULL && f->fd >= 0, FALSE);

  if (fsync (f->fd) != 0)
    return abandon (f, error, "cannot flush to disk", errno);
  if (close (f->fd) != 0)
    {
      f->fd = -1;
      return abandon (f, error, "cannot write", errno);
    }
  f->fd = -1;
  if (test_failure == MG_ATOMIC_FILE_FAIL_BEFORE_RENAME)
    return abandon (f, error, "simulated failure", EIO);
  if (g_rename (f->tmp_path, f->target) != 0)
    return abandon (f, error, "cannot replace it", errno);
  sync_directory (f->dir);
  atomic_file_free (f);
  return TRUE;
}

gboolean
mg_atomic_file_replace (const char *path, const char *contents, gsize length, GError **error)
{
  MgAtomicFile *f;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  f = mg_atomic_file_begin (path, error);
  if (f == NULL)
    return FALSE;
  /* In two halves, so that a simulated crash mid-write leaves half. */
  if (length > 0 && (!mg_atomic_file_write (f, contents, length / 2, error) ||
                     !mg_atomic_file_write (f, contents + length / 2, length - length / 2, error)))
    {
      mg_atomic_file_abort (f);
      return FALSE;
    }
  return mg_atomic_file_commit (f, error);
}
