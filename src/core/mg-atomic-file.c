/* mg-atomic-file.c — replacing a file so that a crash never leaves half of it. */
#include "config.h"

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
               "Could not save “%s”: %s: %s", display, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  gsize limit = length;
  gsize done = 0;

  if (test_failure == MG_ATOMIC_FILE_FAIL_MID_WRITE)
    limit = length / 2;
  while (done < limit)
    {
      gssize n = write (fd, data + done, limit - done);

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
  if (done < length)
    {
      errno = EIO; /* the simulated crash */
      return FALSE;
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

/* Closes @fd if open, removes the temporary file, reports @what. */
static gboolean
abandon (int fd, const char *tmp_path, GError **error, const char *path,
         const char *what, int saved_errno)
{
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return fail (error, path, what, saved_errno);
}

gboolean
mg_atomic_file_replace (const char *path, const char *contents, gsize length, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat st;
  gboolean existed;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Through a symbolic link, replace the file it points to, not the link. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  existed = g_stat (target, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    return fail (error, path, "not a regular file", S_ISDIR (st.st_mode) ? EISDIR : EINVAL);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);
      g_autofree char *what = g_strdup_printf ("cannot create a file in “%s”", dir_display);

      return fail (error, path, what, saved_errno);
    }

  /* The new file keeps the old one's permissions (and owner, when we may). */
  if (existed)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0)
        return abandon (fd, tmp_path, error, path, "cannot keep its permissions", errno);
      if (st.st_uid != geteuid () || st.st_gid != getegid ())
        (void) !fchown (fd, st.st_uid, st.st_gid);
    }

  if (!write_all (fd, contents, length))
    return abandon (fd, tmp_path, error, path, "cannot write", errno);
  if (fsync (fd) != 0)
    return abandon (fd, tmp_path, error, path, "cannot flush to disk", errno);
  if (close (fd) != 0)
    return abandon (-1, tmp_path, error, path, "cannot write", errno);
  if (test_failure == MG_ATOMIC_FILE_FAIL_BEFORE_RENAME)
    return abandon (-1, tmp_path, error, path, "simulated failure", EIO);
  if (g_rename (tmp_path, target) != 0)
    return abandon (-1, tmp_path, error, path, "cannot replace it", errno);
  sync_directory (dir);
  return TRUE;
}
