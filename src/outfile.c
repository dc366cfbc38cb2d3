/*
 * outfile.c — atomic output files.
 *
 * Input: a target path. Output: a stream onto a temporary file in the
 * target's directory (".NAME.XXXXXX"), renamed over the target only after
 * every write, the flush and the close succeeded, so a failed or
 * interrupted run leaves any previous file untouched. Open temporaries are
 * listed in a fixed table that a signal handler may clean with unlink(),
 * the one async-signal-safe way to do it. "-" writes to standard output.
 * A target that is a symbolic link is written through it, even when the
 * file it points to does not exist yet (the temporary goes beside that
 * file); one that is a device, a FIFO or a socket (/dev/null), or one of
 * the process's own streams (/dev/stdout, /dev/fd/N, /proc/self/fd/N), is
 * written in place, appending, since renaming over it would replace it
 * with a plain file.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/io.h"
#include "internal.h"

#define MAX_OPEN 64
#define TMP_PATH_MAX 4096

struct ag_outfile {
    char *path;            /* the file written (a link's target) */
    char *tmp;
    FILE *fp;
    int is_stdout;
    int in_place;          /* a device or a pipe: written directly, no rename */
    int slot;
};

/* For the signal handler: paths of open temporaries; a slot is in use when
 * its first byte is not NUL. */
static char open_tmp[MAX_OPEN][TMP_PATH_MAX];
static volatile sig_atomic_t open_used[MAX_OPEN];

static int claim_slot(const char *tmp)
{
    if (strlen(tmp) >= TMP_PATH_MAX)
        return -1;
    for (int i = 0; i < MAX_OPEN; i++) {
        if (!open_used[i]) {
            memcpy(open_tmp[i], tmp, strlen(tmp) + 1);
            open_used[i] = 1;
            return i;
        }
    }
    return -1;
}

static void release_slot(int slot)
{
    if (slot >= 0)
        open_used[slot] = 0;
}

void ag_outfile_cleanup_all(void)
{
    for (int i = 0; i < MAX_OPEN; i++) {
        if (open_used[i]) {
            unlink(open_tmp[i]);
            open_used[i] = 0;
        }
    }
}

/* The file a symbolic link leads to (malloc'ed), followed through every
 * link, whether or not it exists yet (a dangling link names the file to
 * create). The link itself when it cannot be followed (a loop); NULL when
 * out of memory. */
static char *link_target(const char *link)
{
    char *cur = realpath(link, NULL);
    if (cur)
        return cur;
    if (!(cur = ag__strdup(link)))
        return NULL;
    for (int hops = 0; hops < 40; hops++) {
        struct stat lb;
        char to[TMP_PATH_MAX];
        ssize_t n;
        const char *slash;
        size_t dirlen;
        char *next;
        if (lstat(cur, &lb) != 0 || !S_ISLNK(lb.st_mode))
            return cur;
        n = readlink(cur, to, sizeof to - 1);
        if (n < 0)
            return cur;
        to[n] = '\0';
        slash = strrchr(cur, '/');
        dirlen = to[0] != '/' && slash ? (size_t)(slash - cur) + 1 : 0;   /* relative to the link's directory */
        next = (char *)malloc(dirlen + (size_t)n + 1);
        if (!next) {
            free(cur);
            return NULL;
        }
        memcpy(next, cur, dirlen);
        memcpy(next + dirlen, to, (size_t)n + 1);
        free(cur);
        cur = next;
    }
    return cur;
}

ag_status ag_outfile_open(const char *path, ag_outfile **out, ag_error *err)
{
    ag_outfile *f;
    const char *slash;
    size_t dirlen;
    int fd;
    mode_t mask;

    *out = NULL;
    f = (ag_outfile *)calloc(1, sizeof *f);
    if (!f)
        return ag__fail(err, AG_ENOMEM, "out of memory opening %s", path);
    f->slot = -1;
    if (strcmp(path, "-") == 0) {
        f->is_stdout = 1;
        f->fp = stdout;
        *out = f;
        return AG_OK;
    }
    {
        /* /dev/stdout, /dev/fd/N, /proc/self/fd/N are this process's own
         * streams; they, and any device, FIFO or socket, are written in
         * place. A symbolic link is written through. */
        struct stat lb, sb;
        int stream = strncmp(path, "/dev/std", 8) == 0 || strncmp(path, "/dev/fd/", 8) == 0 ||
                     strncmp(path, "/proc/self/fd/", 14) == 0;
        if (!stream && lstat(path, &lb) == 0 && S_ISLNK(lb.st_mode)) {
            if (!(f->path = link_target(path))) {
                ag_outfile_abort(f);
                return ag__fail(err, AG_ENOMEM, "out of memory opening %s", path);
            }
            path = f->path;
        }
        if (stream || (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))) {
            if (!f->path && !(f->path = ag__strdup(path))) {
                ag_outfile_abort(f);
                return ag__fail(err, AG_ENOMEM, "out of memory opening %s", path);
            }
            f->in_place = 1;
            f->fp = fopen(path, "ab");   /* appending: /dev/stdout may be a file opened with >> */
            if (!f->fp) {
                int e = errno;
                ag_status st = ag__fail_at(err, AG_EIO, f->path, 0, 0, "cannot open the output file: %s", strerror(e));
                ag_outfile_abort(f);
                return st;
            }
            *out = f;
            return AG_OK;
        }
    }
    if (!f->path)
        f->path = ag__strdup(path);
    slash = strrchr(path, '/');
    dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    f->tmp = (char *)malloc(strlen(path) + 16);
    if (!f->path || !f->tmp) {
        ag_outfile_abort(f);
        return ag__fail(err, AG_ENOMEM, "out of memory opening %s", path);
    }
    memcpy(f->tmp, path, dirlen);
    sprintf(f->tmp + dirlen, ".%s.XXXXXX", path + dirlen);
    fd = mkstemp(f->tmp);
    if (fd < 0) {
        int e = errno;
        free(f->tmp);
        f->tmp = NULL;
        ag_outfile_abort(f);
        return ag__fail_at(err, AG_EIO, path, 0, 0, "cannot create the output file: %s", strerror(e));
    }
    f->slot = claim_slot(f->tmp);
    {
        /* mkstemp makes 0600: keep the mode of the file replaced, or give
         * a new one the mode a plain fopen() would */
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            fchmod(fd, sb.st_mode & 07777);
        } else {
            mask = umask(0);
            umask(mask);
            fchmod(fd, 0666 & ~mask);
        }
    }
    f->fp = fdopen(fd, "wb");
    if (!f->fp) {
        int e = errno;
        close(fd);
        ag_outfile_abort(f);
        return ag__fail_at(err, AG_EIO, path, 0, 0, "cannot open the output file: %s", strerror(e));
    }
    *out = f;
    return AG_OK;
}

FILE *ag_outfile_stream(ag_outfile *f)
{
    return f->fp;
}

ag_status ag_outfile_flush(ag_outfile *f, ag_error *err)
{
    int e = 0;
    if (f->is_stdout) {
        if (fflush(stdout) != 0 || ferror(stdout))
            return ag__fail_at(err, AG_EIO, "-", 0, 0, "cannot write to standard output: %s", strerror(errno));
        return AG_OK;
    }
    if (!f->fp)
        return AG_OK;   /* flushed and closed before */
    errno = 0;
    if (fflush(f->fp) != 0 || ferror(f->fp))
        e = errno ? errno : EIO;
    if (fclose(f->fp) != 0 && !e)
        e = errno ? errno : EIO;
    f->fp = NULL;
    if (e)
        return ag__fail_at(err, AG_EIO, f->path, 0, 0, "cannot write the output file: %s", strerror(e));
    return AG_OK;
}

ag_status ag_outfile_commit(ag_outfile *f, ag_error *err)
{
    ag_status st = AG_OK;
    int e = 0;

    if (f->is_stdout) {
        st = ag_outfile_flush(f, err);
        free(f);
        return st;
    }
    if ((st = ag_outfile_flush(f, err)) != AG_OK) {
        ag_outfile_abort(f);
        return st;
    }
    if (!f->in_place && rename(f->tmp, f->path) != 0)
        e = errno;
    if (e) {
        st = ag__fail_at(err, AG_EIO, f->path, 0, 0, "cannot write the output file: %s", strerror(e));
        ag_outfile_abort(f);
        return st;
    }
    release_slot(f->slot);
    free(f->tmp);
    free(f->path);
    free(f);
    return AG_OK;
}

void ag_outfile_abort(ag_outfile *f)
{
    if (!f)
        return;
    if (f->fp && !f->is_stdout)
        fclose(f->fp);
    if (f->tmp)
        unlink(f->tmp);
    release_slot(f->slot);
    free(f->tmp);
    free(f->path);
    free(f);
}
