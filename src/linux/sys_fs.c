/* System calls on the file-system name space: opening, stat in its three
 * forms, directories, links, permissions, times, statfs. Paths go through
 * sys_get_path (sysroot, /proc/self/exe); stat and statfs are converted to
 * the guest's layouts, statx and linux_dirent64 are the same on every
 * architecture and are copied as they are. */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452 /* the same number on every architecture */
#endif

_Static_assert(AT_FDCWD == GUEST_AT_FDCWD &&
                   AT_SYMLINK_NOFOLLOW == GUEST_AT_SYMLINK_NOFOLLOW &&
                   AT_REMOVEDIR == GUEST_AT_REMOVEDIR &&
                   AT_EMPTY_PATH == GUEST_AT_EMPTY_PATH &&
                   AT_SYMLINK_FOLLOW == GUEST_AT_SYMLINK_FOLLOW,
               "AT_* flags pass through unchanged");
_Static_assert(O_DIRECTORY == GUEST_O_DIRECTORY && O_PATH == GUEST_O_PATH &&
                   O_TMPFILE == GUEST_O_TMPFILE && O_NOFOLLOW == GUEST_O_NOFOLLOW,
               "open flags pass through unchanged");
_Static_assert(sizeof(struct statx) == 256, "statx is the same everywhere");

int64_t sys_openat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    const char *leaf = sys_proc_self(path);
    if (leaf) {
        int fd = sys_proc_file(leaf, (int)a[2]);
        if (fd != -ENOENT)
            return fd;
    }
    return sys_ret(openat((int)a[0], path, (int)a[2], (mode_t)a[3]));
}

/* Copies a converted stat to the guest; the host call came first, as in
 * Linux, so a missing file is ENOENT even with a bad buffer. */
static int64_t put_stat(uint64_t addr, const struct stat *st)
{
    void *out = sys_out(addr, sizeof(struct guest_stat));
    if (!out)
        return -EFAULT;
    struct guest_stat g;
    sys_conv_stat(&g, st);
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_fstat(struct hart *h, const uint64_t *a)
{
    struct stat st;
    if (fstat((int)a[0], &st) < 0)
        return -errno;
    return put_stat(a[1], &st);
}

int64_t sys_newfstatat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    struct stat st;
    if (fstatat((int)a[0], path, &st, (int)a[3]) < 0)
        return -errno;
    return put_stat(a[2], &st);
}

int64_t sys_statx(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX] = "";
    /* Linux 6.11 accepts a NULL path with AT_EMPTY_PATH. */
    if (a[1] || !(a[2] & GUEST_AT_EMPTY_PATH)) {
        int err = sys_get_path(a[1], path, sizeof path);
        if (err)
            return err;
    }
    struct statx stx;
    if (syscall(SYS_statx, (int)a[0], path, (int)a[2], (unsigned)a[3], &stx) < 0)
        return -errno;
    void *out = sys_out(a[4], sizeof stx);
    if (!out)
        return -EFAULT;
    memcpy(out, &stx, sizeof stx);
    return 0;
}

int64_t sys_getdents64(struct hart *h, const uint64_t *a)
{
    uint64_t len = (uint32_t)a[2];
    void *buf = sys_out(a[1], len);
    if (!buf)
        return -EFAULT;
    return sys_ret(syscall(SYS_getdents64, (int)a[0], buf, (size_t)len));
}

int64_t sys_readlinkat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_string(a[1], path, sizeof path);
    if (err)
        return err;
    int size = (int)a[3]; /* an int in Linux too */
    if (size <= 0)
        return -EINVAL;
    uint64_t n = sys_prefix(a[2], (uint64_t)size, PAGE_W);
    if (!n)
        return -EFAULT;
    const char *leaf = sys_proc_self(path);
    if (leaf && !strcmp(leaf, "exe") && sys_exe_path()) {
        size_t len = strlen(sys_exe_path());
        len = len < n ? len : n;
        memcpy(g2h(a[2]), sys_exe_path(), len);
        return (int64_t)len;
    }
    if ((err = sys_get_path(a[1], path, sizeof path)))
        return err;
    return sys_ret(readlinkat((int)a[0], path, g2h(a[2]), n));
}

int64_t sys_faccessat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(syscall(SYS_faccessat, (int)a[0], path, (int)a[2]));
}

int64_t sys_faccessat2(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(syscall(SYS_faccessat2, (int)a[0], path, (int)a[2],
                           (int)a[3]));
}

int64_t sys_mkdirat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(mkdirat((int)a[0], path, (mode_t)a[2]));
}

int64_t sys_unlinkat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(unlinkat((int)a[0], path, (int)a[2]));
}

int64_t sys_renameat2(struct hart *h, const uint64_t *a)
{
    char from[GUEST_PATH_MAX], to[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], from, sizeof from);
    if (!err)
        err = sys_get_path(a[3], to, sizeof to);
    if (err)
        return err;
    return sys_ret(syscall(SYS_renameat2, (int)a[0], from, (int)a[2], to,
                           (unsigned)a[4]));
}

/* The link's contents are the guest's string as it is: only the name of
 * the new link is a path to resolve. */
int64_t sys_symlinkat(struct hart *h, const uint64_t *a)
{
    char target[GUEST_PATH_MAX], path[GUEST_PATH_MAX];
    int err = sys_get_string(a[0], target, sizeof target);
    if (!err)
        err = sys_get_path(a[2], path, sizeof path);
    if (err)
        return err;
    return sys_ret(symlinkat(target, (int)a[1], path));
}

int64_t sys_linkat(struct hart *h, const uint64_t *a)
{
    char from[GUEST_PATH_MAX], to[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], from, sizeof from);
    if (!err)
        err = sys_get_path(a[3], to, sizeof to);
    if (err)
        return err;
    return sys_ret(linkat((int)a[0], from, (int)a[2], to, (int)a[4]));
}

int64_t sys_getcwd(struct hart *h, const uint64_t *a)
{
    char cwd[GUEST_PATH_MAX];
    long len = syscall(SYS_getcwd, cwd, sizeof cwd);
    if (len < 0)
        return -errno;
    if ((uint64_t)len > a[1])
        return -ERANGE;
    void *out = sys_out(a[0], (uint64_t)len);
    if (!out)
        return -EFAULT;
    memcpy(out, cwd, (size_t)len);
    return len;
}

int64_t sys_chdir(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[0], path, sizeof path);
    if (err)
        return err;
    return sys_ret(chdir(path));
}

int64_t sys_fchdir(struct hart *h, const uint64_t *a)
{
    return sys_ret(fchdir((int)a[0]));
}

int64_t sys_fchmod(struct hart *h, const uint64_t *a)
{
    return sys_ret(fchmod((int)a[0], (mode_t)a[1]));
}

int64_t sys_fchmodat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(syscall(SYS_fchmodat, (int)a[0], path, (mode_t)a[2]));
}

int64_t sys_fchmodat2(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(syscall(SYS_fchmodat2, (int)a[0], path, (mode_t)a[2],
                           (unsigned)a[3]));
}

int64_t sys_fchown(struct hart *h, const uint64_t *a)
{
    return sys_ret(fchown((int)a[0], (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_fchownat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(fchownat((int)a[0], path, (uid_t)a[2], (gid_t)a[3],
                            (int)a[4]));
}

int64_t sys_truncate(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[0], path, sizeof path);
    if (err)
        return err;
    return sys_ret(truncate(path, (off_t)a[1]));
}

/* The path may be NULL (futimens), and so may the times (now). */
int64_t sys_utimensat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    const char *p = NULL;
    if (a[1]) {
        int err = sys_get_path(a[1], path, sizeof path);
        if (err)
            return err;
        p = path;
    }
    struct timespec ts[2], *t = NULL;
    if (a[2]) {
        const void *in = sys_in(a[2], 2 * sizeof(struct guest_timespec));
        if (!in)
            return -EFAULT;
        struct guest_timespec g[2];
        memcpy(g, in, sizeof g);
        for (int i = 0; i < 2; i++) {
            ts[i].tv_sec = g[i].tv_sec;
            ts[i].tv_nsec = g[i].tv_nsec;
        }
        t = ts;
    }
    return sys_ret(syscall(SYS_utimensat, (int)a[0], p, t, (int)a[3]));
}

static int64_t put_statfs(uint64_t addr, const struct statfs *s)
{
    void *out = sys_out(addr, sizeof(struct guest_statfs));
    if (!out)
        return -EFAULT;
    struct guest_statfs g;
    sys_conv_statfs(&g, s);
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_statfs(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[0], path, sizeof path);
    if (err)
        return err;
    struct statfs s;
    if (statfs(path, &s) < 0)
        return -errno;
    return put_statfs(a[1], &s);
}

int64_t sys_fstatfs(struct hart *h, const uint64_t *a)
{
    struct statfs s;
    if (fstatfs((int)a[0], &s) < 0)
        return -errno;
    return put_statfs(a[1], &s);
}

int64_t sys_umask(struct hart *h, const uint64_t *a)
{
    return umask((mode_t)a[0] & 0777);
}

int64_t sys_memfd_create(struct hart *h, const uint64_t *a)
{
    char name[GUEST_PATH_MAX];
    int err = sys_get_string(a[0], name, sizeof name);
    if (err)
        return err == -ENAMETOOLONG ? -EINVAL : err;
    return sys_ret(memfd_create(name, (unsigned)a[1]));
}

/* The device number is the kernel's 32-bit encoding on both sides. */
int64_t sys_mknodat(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(syscall(SYS_mknodat, (int)a[0], path, (mode_t)a[2],
                           (unsigned)a[3]));
}
