/* Formatting of --strace lines: each argument by its kind from
 * syscalls.def; flags as NAME|NAME|0x..., strings quoted with C escapes and
 * cut at STRACE_STRLEN bytes like strace's default -s 32, paths whole.
 * Everything is formatted after the call, so buffers the call filled (read)
 * can be shown and the line is written in one piece even when the guest
 * itself writes to stderr. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "linux/strace.h"
#include "core/diag.h"
#include "linux/sys.h"

#define STRACE_STRLEN 32

struct out {
    char *buf;
    size_t len, size;
};

__attribute__((format(printf, 2, 3))) static void put(struct out *o,
                                                       const char *fmt, ...)
{
    if (o->len + 1 >= o->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n < o->size - o->len ? (size_t)n : o->size - o->len - 1;
}

struct name {
    uint64_t value;
    const char *name;
};

#define N(x) {GUEST_##x, #x}

static const struct name open_flags[] = {
    N(O_TMPFILE), N(O_SYNC), N(O_CREAT), N(O_EXCL), N(O_NOCTTY), N(O_TRUNC),
    N(O_APPEND), N(O_NONBLOCK), N(O_DSYNC), N(O_ASYNC), N(O_DIRECT),
    N(O_LARGEFILE), N(O_DIRECTORY), N(O_NOFOLLOW), N(O_NOATIME),
    N(O_CLOEXEC), N(O_PATH), {0, NULL}};

static const struct name prot_flags[] = {
    N(PROT_READ), N(PROT_WRITE), N(PROT_EXEC), N(PROT_GROWSDOWN), {0, NULL}};

static const struct name map_flags[] = {
    N(MAP_FIXED), N(MAP_ANONYMOUS), N(MAP_GROWSDOWN), N(MAP_DENYWRITE),
    N(MAP_EXECUTABLE), N(MAP_LOCKED), N(MAP_NORESERVE), N(MAP_POPULATE),
    N(MAP_NONBLOCK), N(MAP_STACK), N(MAP_HUGETLB), N(MAP_SYNC),
    N(MAP_FIXED_NOREPLACE), {0, NULL}};

static const struct name at_flags[] = {
    N(AT_SYMLINK_NOFOLLOW), N(AT_REMOVEDIR), N(AT_SYMLINK_FOLLOW),
    N(AT_NO_AUTOMOUNT), N(AT_EMPTY_PATH), {0x2000, "AT_STATX_FORCE_SYNC"},
    {0x4000, "AT_STATX_DONT_SYNC"}, {0x8000, "AT_RECURSIVE"}, {0, NULL}};

static const struct name fcntl_cmds[] = {
    N(F_DUPFD), N(F_GETFD), N(F_SETFD), N(F_GETFL), N(F_SETFL), N(F_GETLK),
    N(F_SETLK), N(F_SETLKW), N(F_SETOWN), N(F_GETOWN), N(F_OFD_GETLK),
    N(F_OFD_SETLK), N(F_OFD_SETLKW), N(F_DUPFD_CLOEXEC), N(F_SETPIPE_SZ),
    N(F_GETPIPE_SZ), N(F_ADD_SEALS), N(F_GET_SEALS), {0, NULL}};

static const struct name ioctls[] = {
    N(TCGETS), N(TCSETS), N(TCSETSW), N(TCSETSF), N(TCSBRK), N(TCXONC),
    N(TCFLSH), N(TIOCSCTTY), N(TIOCGPGRP), N(TIOCSPGRP), N(TIOCOUTQ),
    N(TIOCGWINSZ), N(TIOCSWINSZ), N(FIONREAD), N(TIOCNOTTY), N(FIONBIO),
    N(TIOCGSID), N(TCGETS2), N(TCSETS2), N(TCSETSW2), N(TCSETSF2),
    N(TIOCGPTN), N(TIOCSPTLCK), N(TIOCGPTLCK), N(TIOCGPTPEER), N(FIONCLEX),
    N(FIOCLEX), N(FIOASYNC), {0, NULL}};

static const char *const clocks[] = {
    "CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
    "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE",
    "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM",
    "CLOCK_BOOTTIME_ALARM", NULL, "CLOCK_TAI"};

static const char *const signals[] = {
    NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
    "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE",
    "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
    "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
    "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

static const char *const rlimits[] = {
    "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
    "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE",
    "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING",
    "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Names the bits of v from table (each entry's whole mask must be set),
 * then what is left in hex; prefix is an already printed part. */
static void put_flags(struct out *o, uint64_t v, const struct name *t,
                      bool any)
{
    for (; t->name; t++) {
        if (t->value && (v & t->value) == t->value) {
            put(o, "%s%s", any ? "|" : "", t->name);
            v &= ~t->value;
            any = true;
        }
    }
    if (v || !any)
        put(o, "%s%#" PRIx64, any ? "|" : "", v);
}

static void put_enum(struct out *o, uint64_t v, const struct name *t)
{
    for (; t->name; t++) {
        if (t->value == v) {
            put(o, "%s", t->name);
            return;
        }
    }
    put(o, "%#" PRIx64, v);
}

static void put_indexed(struct out *o, int64_t v, const char *const *names,
                        size_t n)
{
    if (v >= 0 && (uint64_t)v < n && names[v])
        put(o, "%s", names[v]);
    else
        put(o, "%" PRId64, v);
}

static void put_ptr(struct out *o, uint64_t p)
{
    if (p)
        put(o, "%#" PRIx64, p);
    else
        put(o, "NULL");
}

/* Quoted with C escapes; octal escapes are as short as the next byte
 * allows, as strace prints them. */
static void put_quoted(struct out *o, const uint8_t *s, size_t n, bool more)
{
    put(o, "\"");
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        const char *esc = NULL;
        switch (c) {
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        case '\v': esc = "\\v"; break;
        case '\f': esc = "\\f"; break;
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        }
        if (esc)
            put(o, "%s", esc);
        else if (c >= 0x20 && c < 0x7f)
            put(o, "%c", c);
        else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7')
            put(o, "\\%03o", c);
        else
            put(o, "\\%o", c);
    }
    put(o, "\"%s", more ? "..." : "");
}

static void put_buf(struct out *o, uint64_t addr, uint64_t len)
{
    uint64_t n = len < STRACE_STRLEN ? len : STRACE_STRLEN;
    const uint8_t *p = addr ? sys_in(addr, n) : NULL;
    if (!p)
        put_ptr(o, addr);
    else
        put_quoted(o, p, n, len > n);
}

static void put_string(struct out *o, uint64_t addr, uint64_t max)
{
    int64_t n = space_strnlen(addr, max + 1);
    if (n == -ENAMETOOLONG && sys_in(addr, max))
        put_quoted(o, g2h(addr), max, true);
    else if (n < 0)
        put_ptr(o, addr);
    else
        put_quoted(o, g2h(addr), (size_t)n, false);
}

static void put_arg(struct out *o, uint64_t nr, int kind, const uint64_t *a,
                    int i, int64_t r, bool done)
{
    uint64_t v = a[i];
    bool ok = done && r >= 0;
    switch (kind) {
    case A_INT:
    case A_FD:
        put(o, "%d", (int)v);
        break;
    case A_UINT:
        put(o, "%u", (unsigned)v);
        break;
    case A_LONG:
        put(o, "%" PRId64, (int64_t)v);
        break;
    case A_ULONG:
        put(o, "%" PRIu64, v);
        break;
    case A_OCT:
        put(o, "%#" PRIo64, v);
        break;
    case A_MODE:
        put(o, "0%03" PRIo64, v & 07777);
        break;
    case A_PTR:
        put_ptr(o, v);
        break;
    case A_DIRFD:
        if ((int)v == GUEST_AT_FDCWD)
            put(o, "AT_FDCWD");
        else
            put(o, "%d", (int)v);
        break;
    case A_PATH:
        put_string(o, v, GUEST_PATH_MAX);
        break;
    case A_STR:
        put_string(o, v, STRACE_STRLEN);
        break;
    case A_OSTR:
        if (ok)
            put_string(o, v, GUEST_PATH_MAX);
        else
            put_ptr(o, v);
        break;
    case A_IBUF:
        put_buf(o, v, i < 5 ? a[i + 1] : 0);
        break;
    case A_OBUF:
        if (ok)
            put_buf(o, v, (uint64_t)r);
        else
            put_ptr(o, v);
        break;
    case A_FDPAIR: {
        const void *p = ok ? sys_in(v, 8) : NULL;
        int32_t fds[2];
        if (p) {
            memcpy(fds, p, sizeof fds);
            put(o, "[%d, %d]", fds[0], fds[1]);
        } else {
            put_ptr(o, v);
        }
        break;
    }
    case A_OFLAGS: {
        static const char *const modes[] = {"O_RDONLY", "O_WRONLY", "O_RDWR",
                                            "O_ACCMODE"};
        put(o, "%s", modes[v & GUEST_O_ACCMODE]);
        if (v & ~(uint64_t)GUEST_O_ACCMODE)
            put_flags(o, v & ~(uint64_t)GUEST_O_ACCMODE, open_flags, true);
        break;
    }
    case A_FDFLAGS:
        if (v)
            put_flags(o, v, open_flags, false);
        else
            put(o, "0");
        break;
    case A_PROT:
        if (v)
            put_flags(o, v, prot_flags, false);
        else
            put(o, "PROT_NONE");
        break;
    case A_MFLAGS: {
        static const char *const types[] = {"0", "MAP_SHARED", "MAP_PRIVATE",
                                            "MAP_SHARED_VALIDATE"};
        put(o, "%s", types[v & 3]);
        if (v & ~3ull)
            put_flags(o, v & ~3ull, map_flags, true);
        break;
    }
    case A_ATFLAGS:
        if (!v)
            put(o, "0");
        else if (nr == 48 || nr == 439) /* faccessat: 0x200 is AT_EACCESS */
            put_flags(o, v, (const struct name[]){N(AT_EACCESS),
                                                   N(AT_SYMLINK_NOFOLLOW),
                                                   N(AT_EMPTY_PATH), {0, NULL}},
                      false);
        else
            put_flags(o, v, at_flags, false);
        break;
    case A_WHENCE: {
        static const char *const w[] = {"SEEK_SET", "SEEK_CUR", "SEEK_END",
                                        "SEEK_DATA", "SEEK_HOLE"};
        put_indexed(o, (int)v, w, COUNT(w));
        break;
    }
    case A_FCNTL:
        put_enum(o, (uint32_t)v, fcntl_cmds);
        break;
    case A_IOCTL:
        put_enum(o, (uint32_t)v, ioctls);
        break;
    case A_CLOCK:
        put_indexed(o, (int)v, clocks, COUNT(clocks));
        break;
    case A_SIG:
        if ((int)v >= 34 && (int)v <= GUEST_NSIG)
            put(o, "SIGRT_%d", (int)v - 32);
        else
            put_indexed(o, (int)v, signals, COUNT(signals));
        break;
    case A_SIGHOW: {
        static const char *const how[] = {"SIG_BLOCK", "SIG_UNBLOCK",
                                          "SIG_SETMASK"};
        put_indexed(o, (int)v, how, COUNT(how));
        break;
    }
    case A_RLIMIT:
        put_indexed(o, (int)v, rlimits, COUNT(rlimits));
        break;
    default:
        put(o, "%#" PRIx64, v);
        break;
    }
}

static void put_result(struct out *o, int ret, int64_t r)
{
    if (r < 0 && r >= -4095) {
        int e = (int)-r;
        const char *name = strerrorname_np(e);
        if (name)
            put(o, " = -1 %s (%s)", name, strerror(e));
        else
            put(o, " = -1 errno %d", e);
    } else if (ret == R_HEX) {
        put(o, " = %#" PRIx64, (uint64_t)r);
    } else if (ret == R_OCT) {
        put(o, " = %#" PRIo64, (uint64_t)r);
    } else {
        put(o, " = %" PRId64, r);
    }
}

size_t strace_format(char *buf, size_t size, uint64_t nr, const uint64_t *a,
                     int64_t r, bool done)
{
    struct out o = {buf, 0, size};
    if (size)
        buf[0] = 0;
    const struct sys_entry *e = sys_entry_of(nr);
    if (!e) {
        put(&o, "syscall_%" PRIu64 "(", nr);
        for (int i = 0; i < 6; i++)
            put(&o, "%s%#" PRIx64, i ? ", " : "", a[i]);
        put(&o, ")");
    } else {
        put(&o, "%s(", e->name);
        for (int i = 0; i < 6 && e->arg[i] != A_VOID; i++) {
            /* openat's mode means something only when creating. */
            if (e->arg[i] == A_MODE && i > 0 && e->arg[i - 1] == A_OFLAGS &&
                !(a[i - 1] & GUEST_O_CREAT) &&
                (a[i - 1] & GUEST_O_TMPFILE) != GUEST_O_TMPFILE)
                break;
            if (i)
                put(&o, ", ");
            put_arg(&o, nr, e->arg[i], a, i, r, done);
        }
        put(&o, ")");
    }
    if (done)
        put_result(&o, e ? e->ret : R_INT, r);
    else
        put(&o, " = ?");
    return o.len;
}

void strace_print(uint64_t nr, const uint64_t *a, int64_t r, bool done)
{
    char line[8192];
    int n = snprintf(line, sizeof line, "%d ", (int)getpid());
    n += (int)strace_format(line + n, sizeof line - (size_t)n - 1, nr, a, r,
                            done);
    line[n++] = '\n';
    ssize_t w = write(diag_fd, line, (size_t)n);
    (void)w;
}
