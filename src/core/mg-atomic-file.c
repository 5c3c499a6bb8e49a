/* mg-atomic-file.c — replacing a file so that a crash never leaves half of it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
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

/* ---- temporary files left by a killed run ----------------------------- */

/* A temporary file is ".<target name>.mgtmp-<pid>-XXXXXX" beside its target.
 * Its writer holds an flock() on it from creation to rename, and the kernel
 * drops the lock when the writer dies, however it dies: a temporary file of
 * the pattern that nobody holds is litter.  A second test — its process is
 * gone, or it is a minute old — covers the instant between creation and
 * lock, so that a live writer's file is never taken. */
#define TMP_MARK ".mgtmp-"
#define STALE_AGE_SECONDS 60

/* The pid in @name when it is exactly ".<base>.mgtmp-<pid>-XXXXXX". */
static gboolean
parse_tmp_name (const char *name, const char *base, long *pid)
{
  gsize base_len = strlen (base);
  const char *p, *digits;
  char *end;

  if (name[0] != '.' || strncmp (name + 1, base, base_len) != 0)
    return FALSE;
  p = name + 1 + base_len;
  if (strncmp (p, TMP_MARK, strlen (TMP_MARK)) != 0)
    return FALSE;
  digits = p + strlen (TMP_MARK);
  if (!g_ascii_isdigit (*digits))
    return FALSE;
  *pid = strtol (digits, &end, 10);
  if (*end != '-' || *pid <= 0)
    return FALSE;
  end++;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (end[i]))
      return FALSE;
  return end[6] == '\0';
}

static gboolean
process_gone (long pid)
{
  return pid != (long) getpid () && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

guint
mg_atomic_file_clean_stale (const char *dir, const char *base)
{
  GDir *d;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL && base != NULL, 0);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      long pid;
      int fd;

      if (!parse_tmp_name (name, base, &pid))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      if (fd < 0)
        continue;
      /* Held by a live writer: not ours to touch. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          (process_gone (pid) || time (NULL) - st.st_mtime > STALE_AGE_SECONDS))
        {
          /* Still the file we locked (not replaced meanwhile). */
          struct stat now;

          if (lstat (path, &now) == 0 && now.st_ino == st.st_ino && now.st_dev == st.st_dev &&
              g_unlink (path) == 0)
            removed++;
        }
      close (fd);
    }
  g_dir_close (d);
  return removed;
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
  /* What a killed save or export of this file left behind goes now. */
  mg_atomic_file_clean_stale (f->dir, base);
  tmp_name = g_strdup_printf (".%s" TMP_MARK "%ld-XXXXXX", base, (long) getpid ());
  f->tmp_path = g_build_filename (f->dir, tmp_name, NULL);

  f->fd = g_mkstemp_full (f->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (f->fd >= 0)
    (void) flock (f->fd, LOCK_EX | LOCK_NB);
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
  if (test_failure == MG_ATOMIC_FILE_FAIL_BEFORE_RENAME)
    return abandon (f, error, "simulated failure", EIO);
  /* Renamed while still open, so still locked: until it has its name, the
   * file is never taken for litter. */
  if (g_rename (f->tmp_path, f->target) != 0)
    return abandon (f, error, "cannot replace it", errno);
  sync_directory (f->dir);
  close (f->fd);
  f->fd = -1;
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
