/* System calls on open descriptors: reading and writing (plain, vectored,
 * positioned), seeking, duplicating, closing, pipes, fcntl, the sync
 * family, readahead, and splicing (sendfile, copy_file_range, splice, tee,
 * vmsplice). Guest descriptors are host descriptors, so most calls pass
 * straight through once their buffers are checked. */
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "linux/sys.h"

_Static_assert(O_CLOEXEC == GUEST_O_CLOEXEC && O_NONBLOCK == GUEST_O_NONBLOCK &&
                   O_APPEND == GUEST_O_APPEND && O_DIRECT == GUEST_O_DIRECT,
               "open flags pass through unchanged");
_Static_assert(F_DUPFD_CLOEXEC == GUEST_F_DUPFD_CLOEXEC &&
                   F_OFD_SETLKW == GUEST_F_OFD_SETLKW &&
                   F_GET_SEALS == GUEST_F_GET_SEALS,
               "fcntl commands pass through unchanged");

/* A buffer of which nothing is accessible: Linux checks the descriptor
 * and its access mode before the buffer, so a bad descriptor still wins
 * over a bad pointer. F_GETFL asks without side effects. */
static int64_t bad_buffer(int fd, bool writing)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -errno;
    int mode = fl & O_ACCMODE;
    if ((fl & O_PATH) || mode == (writing ? O_RDONLY : O_WRONLY))
        return -EBADF;
    return -EFAULT;
}

static int64_t do_read(int fd, uint64_t buf, uint64_t len, int64_t off,
                       bool positioned)
{
    uint64_t n = sys_prefix(buf, len, PAGE_W);
    if (len && !n)
        return bad_buffer(fd, false);
    if (n > SSIZE_MAX)
        n = SSIZE_MAX;
    return sys_ret(positioned ? pread(fd, g2h(buf), n, off)
                              : read(fd, g2h(buf), n));
}

static int64_t do_write(int fd, uint64_t buf, uint64_t len, int64_t off,
                        bool positioned)
{
    uint64_t n = sys_prefix(buf, len, PAGE_R);
    if (len && !n)
        return bad_buffer(fd, true);
    if (n > SSIZE_MAX)
        n = SSIZE_MAX;
    return sys_ret(positioned ? pwrite(fd, g2h(buf), n, off)
                              : write(fd, g2h(buf), n));
}

int64_t sys_read(struct hart *h, const uint64_t *a)
{
    return do_read((int)a[0], a[1], a[2], 0, false);
}

int64_t sys_write(struct hart *h, const uint64_t *a)
{
    return do_write((int)a[0], a[1], a[2], 0, false);
}

int64_t sys_pread64(struct hart *h, const uint64_t *a)
{
    return do_read((int)a[0], a[1], a[2], (int64_t)a[3], true);
}

int64_t sys_pwrite64(struct hart *h, const uint64_t *a)
{
    return do_write((int)a[0], a[1], a[2], (int64_t)a[3], true);
}

/* Builds the host iovec array for a guest one; like read and write, the
 * transfer stops at the first inaccessible byte and fails only when that
 * leaves nothing. Returns the count to pass, or -errno. */
int sys_get_iov(uint64_t addr, uint64_t cnt, int need, struct iovec *iov)
{
    if (cnt > GUEST_IOV_MAX)
        return -EINVAL;
    const char *g = sys_in(addr, cnt * sizeof(struct guest_iovec));
    if (!g)
        return -EFAULT;
    uint64_t total = 0;
    int n = 0;
    for (uint64_t i = 0; i < cnt; i++) {
        struct guest_iovec v;
        memcpy(&v, g + i * sizeof v, sizeof v);
        if (v.iov_len > SSIZE_MAX || total + v.iov_len > SSIZE_MAX)
            return -EINVAL;
        uint64_t ok = sys_prefix(v.iov_base, v.iov_len, need);
        if (ok == 0 && v.iov_len) {
            if (total == 0)
                return -EFAULT;
            break;
        }
        iov[n].iov_base = ok ? g2h(v.iov_base) : NULL;
        iov[n++].iov_len = ok;
        total += ok;
        if (ok < v.iov_len)
            break;
    }
    return n;
}

/* The four vectored calls, one body: readv/writev (no offset), preadv and
 * pwritev (offset; riscv64 passes it whole in pos_l), preadv2/pwritev2
 * (offset -1 means the file position, and flags). */
static int64_t do_vec(const uint64_t *a, bool writing, bool positioned,
                      uint64_t flags)
{
    struct iovec iov[GUEST_IOV_MAX];
    int fd = (int)a[0];
    int n = sys_get_iov(a[1], (uint32_t)a[2], writing ? PAGE_R : PAGE_W, iov);
    if (n < 0)
        return n == -EFAULT ? bad_buffer(fd, writing) : n;
    long nr;
    if (!positioned)
        nr = writing ? SYS_writev : SYS_readv;
    else if (flags == UINT64_MAX)
        nr = writing ? SYS_pwritev : SYS_preadv;
    else
        nr = writing ? SYS_pwritev2 : SYS_preadv2;
    flags = flags == UINT64_MAX ? 0 : flags;
    return sys_ret(syscall(nr, fd, iov, n, positioned ? a[3] : 0, 0, flags));
}

int64_t sys_readv(struct hart *h, const uint64_t *a)
{
    return do_vec(a, false, false, UINT64_MAX);
}

int64_t sys_writev(struct hart *h, const uint64_t *a)
{
    return do_vec(a, true, false, UINT64_MAX);
}

int64_t sys_preadv(struct hart *h, const uint64_t *a)
{
    return do_vec(a, false, true, UINT64_MAX);
}

int64_t sys_pwritev(struct hart *h, const uint64_t *a)
{
    return do_vec(a, true, true, UINT64_MAX);
}

int64_t sys_preadv2(struct hart *h, const uint64_t *a)
{
    return do_vec(a, false, true, (uint32_t)a[5]);
}

int64_t sys_pwritev2(struct hart *h, const uint64_t *a)
{
    return do_vec(a, true, true, (uint32_t)a[5]);
}

int64_t sys_lseek(struct hart *h, const uint64_t *a)
{
    return sys_ret(lseek((int)a[0], (off_t)a[1], (int)a[2]));
}

int64_t sys_close(struct hart *h, const uint64_t *a)
{
    return sys_ret(close((int)a[0]));
}

/* close_range must not close hart's own descriptors: the range is cut
 * around them. */
int64_t sys_close_range(struct hart *h, const uint64_t *a)
{
    unsigned first = (unsigned)a[0], last = (unsigned)a[1];
    unsigned flags = (unsigned)a[2];
    if (first > last)
        return -EINVAL;
    int res[SYS_MAX_RESERVED];
    int n = sys_reserved_in(first, last, res);
    int64_t from = first;
    for (int i = 0; i <= n; i++) {
        int64_t to = i < n ? (int64_t)res[i] - 1 : (int64_t)last;
        if (from <= to && syscall(SYS_close_range, (unsigned)from,
                                  (unsigned)to, flags) < 0)
            return -errno;
        if (i < n)
            from = (int64_t)res[i] + 1;
    }
    return 0;
}

int64_t sys_dup(struct hart *h, const uint64_t *a)
{
    return sys_ret(dup((int)a[0]));
}

int64_t sys_dup3(struct hart *h, const uint64_t *a)
{
    return sys_ret(dup3((int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_pipe2(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[0], 2 * sizeof(int32_t));
    if (!out)
        return -EFAULT;
    int fds[2];
    if (pipe2(fds, (int)a[1]) < 0)
        return -errno;
    int32_t g[2] = {fds[0], fds[1]};
    memcpy(out, g, sizeof g);
    return 0;
}

static int64_t fcntl_lock(int fd, int cmd, uint64_t addr)
{
    bool get = cmd == F_GETLK || cmd == F_OFD_GETLK;
    void *p = get ? sys_out(addr, sizeof(struct guest_flock))
                  : sys_in(addr, sizeof(struct guest_flock));
    if (!p)
        return -EFAULT;
    struct guest_flock g;
    memcpy(&g, p, sizeof g);
    struct flock fl = {.l_type = g.l_type, .l_whence = g.l_whence,
                       .l_start = g.l_start, .l_len = g.l_len,
                       .l_pid = g.l_pid};
    if (fcntl(fd, cmd, &fl) < 0)
        return -errno;
    if (get) {
        g.l_type = fl.l_type;
        g.l_whence = fl.l_whence;
        g.l_start = fl.l_start;
        g.l_len = fl.l_len;
        g.l_pid = fl.l_pid;
        memcpy(p, &g, sizeof g);
    }
    return 0;
}

int64_t sys_fcntl(struct hart *h, const uint64_t *a)
{
    int fd = (int)a[0], cmd = (int)a[1];
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETFD:
    case F_SETFL:
    case F_SETOWN:
    case F_SETPIPE_SZ:
    case F_ADD_SEALS:
    case F_SETSIG:
    case F_SETLEASE:
    case F_NOTIFY:
        return sys_ret(fcntl(fd, cmd, (int)a[2]));
    case F_GETFD:
    case F_GETFL:
    case F_GETOWN:
    case F_GETPIPE_SZ:
    case F_GET_SEALS:
    case F_GETSIG:
    case F_GETLEASE:
        return sys_ret(fcntl(fd, cmd));
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        return fcntl_lock(fd, cmd, a[2]);
    default:
        return -EINVAL;
    }
}

int64_t sys_flock(struct hart *h, const uint64_t *a)
{
    return sys_ret(flock((int)a[0], (int)a[1]));
}

/* An optional in/out 64-bit offset argument (sendfile, copy_file_range). */
static int get_off(uint64_t addr, int64_t *off, int64_t **p)
{
    *p = NULL;
    if (!addr)
        return 0;
    void *g = sys_out(addr, 8);
    if (!g)
        return -EFAULT;
    memcpy(off, g, 8);
    *p = off;
    return 0;
}

static void put_off(uint64_t addr, const int64_t *p)
{
    if (p)
        memcpy(g2h(addr), p, 8);
}

int64_t sys_sendfile(struct hart *h, const uint64_t *a)
{
    int64_t off, *p;
    if (get_off(a[2], &off, &p))
        return -EFAULT;
    int64_t r = sys_ret(syscall(SYS_sendfile, (int)a[0], (int)a[1], p,
                                (size_t)a[3]));
    put_off(a[2], p);
    return r;
}

int64_t sys_copy_file_range(struct hart *h, const uint64_t *a)
{
    int64_t in, out, *pin, *pout;
    if (get_off(a[1], &in, &pin) || get_off(a[3], &out, &pout))
        return -EFAULT;
    int64_t r = sys_ret(syscall(SYS_copy_file_range, (int)a[0], pin,
                                (int)a[2], pout, (size_t)a[4],
                                (unsigned)a[5]));
    put_off(a[1], pin);
    put_off(a[3], pout);
    return r;
}

int64_t sys_fsync(struct hart *h, const uint64_t *a)
{
    return sys_ret(fsync((int)a[0]));
}

int64_t sys_fdatasync(struct hart *h, const uint64_t *a)
{
    return sys_ret(fdatasync((int)a[0]));
}

int64_t sys_syncfs(struct hart *h, const uint64_t *a)
{
    return sys_ret(syncfs((int)a[0]));
}

int64_t sys_sync(struct hart *h, const uint64_t *a)
{
    sync();
    return 0;
}

int64_t sys_ftruncate(struct hart *h, const uint64_t *a)
{
    return sys_ret(ftruncate((int)a[0], (off_t)a[1]));
}

int64_t sys_fallocate(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_fallocate, (int)a[0], (int)a[1], (off_t)a[2],
                           (off_t)a[3]));
}

int64_t sys_fadvise64(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_fadvise64, (int)a[0], (off_t)a[1],
                           (off_t)a[2], (int)a[3]));
}

int64_t sys_readahead(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_readahead, (int)a[0], (off_t)a[1], (size_t)a[2]));
}

int64_t sys_sync_file_range(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_sync_file_range, (int)a[0], (off_t)a[1],
                           (off_t)a[2], (unsigned)a[3]));
}

/* Pipes and splicing: the offsets are in/out loff_t, as for sendfile. */
int64_t sys_splice(struct hart *h, const uint64_t *a)
{
    int64_t in, out, *pin, *pout;
    if (get_off(a[1], &in, &pin) || get_off(a[3], &out, &pout))
        return -EFAULT;
    int64_t r = sys_ret(syscall(SYS_splice, (int)a[0], pin, (int)a[2], pout,
                                (size_t)a[4], (unsigned)a[5]));
    put_off(a[1], pin);
    put_off(a[3], pout);
    return r;
}

int64_t sys_tee(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_tee, (int)a[0], (int)a[1], (size_t)a[2],
                           (unsigned)a[3]));
}

/* vmsplice moves between a pipe and guest memory: the pipe's end says
 * which way, hence whether the memory is read or written. */
int64_t sys_vmsplice(struct hart *h, const uint64_t *a)
{
    int fd = (int)a[0];
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -errno;
    bool to_memory = (fl & O_ACCMODE) == O_RDONLY;
    struct iovec iov[GUEST_IOV_MAX];
    int n = sys_get_iov(a[1], a[2], to_memory ? PAGE_W : PAGE_R, iov);
    if (n < 0)
        return n;
    return sys_ret(syscall(SYS_vmsplice, fd, iov, (unsigned long)n,
                           (unsigned)a[3]));
}
