/* execve and execveat: the guest replaces its program.
 *
 * A riscv64 program (or a "#!" script whose interpreter chain ends in one)
 * runs under a new hart: hart host-execve's itself (/proc/self/exe) with
 * the options it was started with, the guest's name for the program and
 * its argv (argv[0] through -0) and, as the host environment, the guest's
 * envp unchanged. The host kernel then does what Linux's exec does to a
 * process: same pid, descriptors kept but close-on-exec ones, other threads
 * gone, handled signals back to their default (hart's host dispositions
 * are the guest's: ignored stays ignored), mask and pending signals kept.
 * The new hart follows the "#!" lines itself (main.c, exec_follow_scripts),
 * so AT_EXECFN and /proc/self/exe come out as Linux's would.
 * Any other file goes to the host's execve as it is (with the argv a
 * script chain produced): an x86-64 program runs natively; anything the
 * host cannot run fails there with Linux's own error (ENOEXEC).
 *
 * Every error is found before the host exec, as the guest must get it back
 * with its old program intact: the name, argv and envp are copied and
 * checked (EFAULT, E2BIG, ENOENT, EACCES, ELOOP), the script chain is
 * followed, and a riscv64 program is opened and checked as the loader
 * will (linux/elf.c, with its interpreter: ENOENT when that is missing, as
 * on Linux). */
#include "linux/exec.h"

#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux/elf.h"
#include "linux/process.h"
#include "linux/procfs.h"
#include "linux/strace.h"
#include "linux/sys.h"
#include "linux/vfork_share.h"

/* Linux's limits: one string at most 32 pages (MAX_ARG_STRLEN); strings
 * and pointers together at most a quarter of the stack limit (8 MiB). */
#define ARG_STRLEN_MAX (32 * 4096)
#define ARG_TOTAL_MAX (2u << 20)

/* Options for the next hart (exec_keep_option, exec_keep_unset). Written
 * by main before the guest starts, read-only afterwards. */
static char **kept;
static int nkept;
static const char **unsets;
static int nunsets;

static void *grow(void *v, size_t n, size_t size)
{
    void *p = realloc(v, n * size);
    if (!p) {
        perror("hart");
        exit(1);
    }
    return p;
}

void exec_keep_option(char **words, int n)
{
    kept = grow(kept, (size_t)(nkept + n), sizeof *kept);
    memcpy(kept + nkept, words, (size_t)n * sizeof *kept);
    nkept += n;
}

void exec_keep_unset(const char *name)
{
    unsets = grow(unsets, (size_t)nunsets + 1, sizeof *unsets);
    unsets[nunsets++] = name;
}

/* Following "#!" lines. */

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Splits the "#!" line at the start of buf (EXEC_LINE_MAX bytes as read,
 * zeroes after the end of the file, and one more NUL) into the interpreter
 * and its optional argument, NUL-terminated in place. A line without a
 * newline in those bytes is used only if the interpreter's name ends in
 * them, as Linux would rather fail than run a truncated name. */
static int parse_shebang(char *buf, char **interp, char **arg)
{
    char *end = memchr(buf, '\n', EXEC_LINE_MAX), *p;
    if (!end) {
        char *last = buf + EXEC_LINE_MAX - 1;
        for (p = buf + 2; p <= last && blank(*p); p++)
            ;
        while (p <= last && *p && !blank(*p))
            p++;
        if (p > last)
            return -ENOEXEC;
        end = last;
    }
    while (end > buf + 2 && blank(end[-1]))
        end--;
    for (p = buf + 2; p < end && blank(*p); p++)
        ;
    if (p == end)
        return -ENOEXEC;
    *interp = p;
    while (p < end && *p && !blank(*p))
        p++;
    *arg = NULL;
    if (p < end && *p) {
        char *q = p;
        while (q < end && blank(*q))
            q++;
        if (q < end)
            *arg = q; /* the rest of the line, inner blanks included */
    }
    *p = '\0';
    *end = '\0';
    return 0;
}

int exec_follow_scripts(struct exec_chain *c, const char *name, int argc,
                        char **argv)
{
    c->depth = 0;
    c->failed = name;
    c->argc = argc;
    c->argv = malloc(((size_t)argc + 2 * EXEC_MAX_DEPTH + 2) * sizeof *c->argv);
    if (!c->argv)
        return -ENOMEM;
    memcpy(c->argv, argv, (size_t)argc * sizeof *argv);
    c->argv[argc] = NULL;
    for (const char *cur = name;;) {
        c->failed = cur;
        if (strlen(cur) >= sizeof c->path)
            return -ENAMETOOLONG;
        strcpy(c->path, cur);
        int err = sys_host_path(c->path, sizeof c->path);
        if (err)
            return err;
        int fd = open(c->path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return -errno;
        char buf[EXEC_LINE_MAX + 1] = {0};
        ssize_t n = pread(fd, buf, EXEC_LINE_MAX, 0);
        struct stat st;
        int stat_err = fstat(fd, &st);
        close(fd);
        if (n < 2 || buf[0] != '#' || buf[1] != '!')
            return 0; /* not a script: the caller's to check */
        if (stat_err || !S_ISREG(st.st_mode) ||
            faccessat(AT_FDCWD, c->path, X_OK, AT_EACCESS) < 0)
            return -EACCES;
        if (c->depth == EXEC_MAX_DEPTH)
            return -ELOOP;
        char *line = c->line[c->depth++], *interp, *arg;
        memcpy(line, buf, sizeof buf);
        if ((err = parse_shebang(line, &interp, &arg)))
            return err;
        /* argv[0] gives way to: interpreter, argument, script name. */
        int drop = c->argc > 0, add = arg ? 3 : 2;
        memmove(c->argv + add, c->argv + drop,
                (size_t)(c->argc - drop + 1) * sizeof *c->argv);
        c->argv[0] = interp;
        if (arg)
            c->argv[1] = arg;
        c->argv[add - 1] = (char *)cur;
        c->argc += add - drop;
        cur = interp;
    }
}

void exec_chain_free(struct exec_chain *c)
{
    free(c->argv);
    c->argv = NULL;
}

/* The system calls. */

/* A NULL-terminated copy of a guest string vector. */
struct strvec {
    char **v;
    int n;
};

static void strvec_free(struct strvec *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

static int strvec_push(struct strvec *s, char *str)
{
    if (!str)
        return -ENOMEM;
    if (!(s->n & (s->n + 1))) { /* n + 1 is a power of two: full */
        char **v = realloc(s->v, (size_t)(s->n + 1) * 2 * sizeof *v);
        if (!v) {
            free(str);
            return -ENOMEM;
        }
        s->v = v;
    }
    s->v[s->n++] = str;
    s->v[s->n] = NULL;
    return 0;
}

/* Copies the guest's argv or envp; *total counts strings and pointers
 * against ARG_TOTAL_MAX. A NULL vector is an empty one, as on Linux. */
static int strvec_copy(struct strvec *s, uint64_t addr, uint64_t *total)
{
    s->v = malloc(sizeof *s->v);
    s->n = 0;
    if (!s->v)
        return -ENOMEM;
    s->v[0] = NULL;
    for (uint64_t i = 0; addr; i++) {
        const void *slot = sys_in(addr + 8 * i, 8);
        if (!slot)
            return -EFAULT;
        uint64_t p;
        memcpy(&p, slot, 8);
        if (!p)
            break;
        int64_t len = space_strnlen(p, ARG_STRLEN_MAX);
        if (len < 0)
            return len == -ENAMETOOLONG ? -E2BIG : (int)len;
        *total += (uint64_t)len + 1 + 8;
        if (*total > ARG_TOTAL_MAX)
            return -E2BIG;
        int err = strvec_push(s, strndup(g2h(p), (size_t)len));
        if (err)
            return err;
    }
    return 0;
}

/* The name Linux runs the program by (bprm->filename: argv's script
 * name, AT_EXECFN): the name given, or for execveat with a directory
 * descriptor "/dev/fd/N/NAME", and "/dev/fd/N" for AT_EMPTY_PATH. *closing
 * is set when that name needs a close-on-exec descriptor, so the new
 * program cannot open it (a script interpreter could not read it). */
static int exec_filename(int dirfd, const char *name, int64_t flags,
                         char *out, size_t size, bool *closing)
{
    *closing = false;
    int n;
    if (name[0] == '/' || (dirfd == GUEST_AT_FDCWD && name[0]))
        n = snprintf(out, size, "%s", name);
    else if (dirfd == GUEST_AT_FDCWD)
        return -EACCES; /* AT_EMPTY_PATH: the working directory itself */
    else if (!name[0])
        n = snprintf(out, size, "/dev/fd/%d", dirfd);
    else
        n = snprintf(out, size, "/dev/fd/%d/%s", dirfd, name);
    if (n < 0 || (size_t)n >= size)
        return -ENAMETOOLONG;
    if (name[0] != '/' && dirfd != GUEST_AT_FDCWD) {
        int fdflags = fcntl(dirfd, F_GETFD);
        if (fdflags < 0)
            return -errno;
        *closing = fdflags & FD_CLOEXEC;
        struct stat st;
        if (name[0] && fstat(dirfd, &st) == 0 && !S_ISDIR(st.st_mode))
            return -ENOTDIR;
    }
    return 0;
}

/* A name for file that works in the hart that will run it, whose
 * descriptors are this one's less the close-on-exec ones, and where
 * /proc/self/exe is hart: the program's path for the latter, and for a
 * name through a closing descriptor, the path the descriptor's file has
 * (or, a deleted file or a memfd, a copy of the descriptor that stays
 * open in the new program: *copy, else -1). */
static int hart_name(const char *file, bool closing, char *out, size_t size,
                     int *copy)
{
    *copy = -1;
    const char *leaf = sys_proc_self(file);
    if (leaf && !strcmp(leaf, "exe") && procfs_exe_link())
        file = procfs_exe_link();
    int n = snprintf(out, size, "%s", file);
    if (closing) {
        int fd = atoi(file + strlen("/dev/fd/"));
        const char *rest = file + strlen("/dev/fd/") + strcspn(file + 8, "/");
        char link[64], path[GUEST_PATH_MAX];
        struct stat st, there;
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t len = readlink(link, path, sizeof path - 1);
        if (len > 0)
            path[len] = '\0';
        if (len > 0 && path[0] == '/' && fstat(fd, &st) == 0 &&
            stat(path, &there) == 0 && there.st_dev == st.st_dev &&
            there.st_ino == st.st_ino) {
            n = snprintf(out, size, "%s%s", path, rest);
        } else {
            if ((*copy = fcntl(fd, F_DUPFD, 3)) < 0)
                return -errno;
            n = snprintf(out, size, "/dev/fd/%d%s", *copy, rest);
        }
    }
    return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* Linux's checks on a file to execute: it exists, is a regular file, and
 * we may execute it. */
static int check_exec(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode))
        return -EACCES;
    return faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) < 0 ? -errno : 0;
}

/* 1 for a riscv64 ELF that hart can load (with its interpreter), 0 for a
 * file that is not a riscv64 ELF, -errno for one hart cannot load. */
static int check_riscv(const char *path)
{
    Elf64_Ehdr eh;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = pread(fd, &eh, sizeof eh, 0);
    close(fd);
    if (n < (ssize_t)sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
        eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_RISCV)
        return 0;
    struct elf_file prog, interp;
    char err[512];
    if (elf_open(&prog, path, path, true, err, sizeof err))
        return -ENOEXEC;
    int r = 1;
    if (prog.interp) {
        char ipath[GUEST_PATH_MAX];
        snprintf(ipath, sizeof ipath, "%s", prog.interp);
        r = sys_host_path(ipath, sizeof ipath);
        int e = r ? 127 : elf_open(&interp, ipath, ipath, false, err, sizeof err);
        r = e == 0 ? 1 : e == 127 ? -ENOENT : -ELIBBAD;
        if (e == 0)
            elf_close(&interp);
    }
    elf_close(&prog);
    return r;
}

static bool has_var(char **env, const char *name)
{
    size_t len = strlen(name);
    for (; *env; env++)
        if (!strncmp(*env, name, len) && (*env)[len] == '=')
            return true;
    return false;
}

/* Replaces this process by a hart running name; returns only on failure. */
static int exec_hart(const char *name, struct strvec *av, struct strvec *ev)
{
    struct strvec hv = {0}, he = {0};
    int err = 0;
#define PUSH(s, str) (err = err ? err : strvec_push(s, strdup(str)))
    PUSH(&hv, "hart");
    for (int i = 0; i < nkept; i++)
        PUSH(&hv, kept[i]);
    if (proc.sysroot) {
        PUSH(&hv, "-L");
        PUSH(&hv, proc.sysroot);
    }
    if (proc.strace)
        PUSH(&hv, "--strace");
    for (int i = 0; i < ev->n; i++)
        PUSH(&he, ev->v[i]);
    /* hart's own variables, which the guest did not see, go to the next
     * hart and are hidden from its guest again. */
    for (int i = 0; i < nunsets; i++) {
        const char *value = getenv(unsets[i]);
        if (!value || has_var(ev->v, unsets[i]))
            continue;
        char *var;
        if (asprintf(&var, "%s=%s", unsets[i], value) < 0)
            var = NULL;
        if (!err)
            err = strvec_push(&he, var);
        PUSH(&hv, "-U");
        PUSH(&hv, unsets[i]);
    }
    PUSH(&hv, "-0");
    PUSH(&hv, av->v[0]);
    PUSH(&hv, "--");
    PUSH(&hv, name);
    for (int i = 1; i < av->n; i++)
        PUSH(&hv, av->v[i]);
#undef PUSH
    if (!err) {
        fflush(NULL);
        vfork_share_child_send();
        execve("/proc/self/exe", hv.v, he.v);
        err = -errno;
    }
    strvec_free(&hv);
    strvec_free(&he);
    return err;
}

static int64_t do_exec(uint64_t nr, const uint64_t *a, int dirfd,
                       uint64_t name_addr, uint64_t argv_addr,
                       uint64_t envp_addr, int64_t flags)
{
    char name[GUEST_PATH_MAX], file[GUEST_PATH_MAX], host[GUEST_PATH_MAX];
    bool closing;
    int err = sys_get_string(name_addr, name, sizeof name);
    if (err)
        return err;
    if (flags & ~(int64_t)(GUEST_AT_EMPTY_PATH | GUEST_AT_SYMLINK_NOFOLLOW))
        return -EINVAL;
    if (!name[0] && !(flags & GUEST_AT_EMPTY_PATH))
        return -ENOENT;
    if ((err = exec_filename(dirfd, name, flags, file, sizeof file, &closing)))
        return err;
    /* The file itself is checked before the vectors are read, as Linux
     * opens it first. */
    strcpy(host, file);
    if ((err = sys_host_path(host, sizeof host)))
        return err;
    struct stat st;
    if ((flags & GUEST_AT_SYMLINK_NOFOLLOW) && lstat(host, &st) == 0 &&
        S_ISLNK(st.st_mode))
        return -ELOOP;
    if ((err = check_exec(host)))
        return err;

    struct strvec av = {0}, ev = {0};
    struct exec_chain c = {.argv = NULL};
    uint64_t total = strlen(file) + 1;
    if ((err = strvec_copy(&av, argv_addr, &total)) ||
        (err = strvec_copy(&ev, envp_addr, &total)))
        goto out;
    /* Linux 5.18+ gives a program run without arguments an empty argv[0]. */
    if (!av.n && (err = strvec_push(&av, strdup(""))))
        goto out;
    if ((err = exec_follow_scripts(&c, file, av.n, av.v)))
        goto out;
    err = -ENOENT; /* the interpreter could not open the script */
    if ((c.depth && closing) || (err = check_exec(c.path)))
        goto out;
    int riscv = check_riscv(c.path);
    if (riscv < 0) {
        err = riscv;
        goto out;
    }
    if (proc.strace)
        strace_print(nr, a, 0, true);
    if (riscv) {
        int copy;
        if (!(err = hart_name(file, closing, host, sizeof host, &copy)))
            err = exec_hart(host, &av, &ev);
        if (copy >= 0)
            close(copy);
    } else {
        fflush(NULL);
        vfork_share_child_send();
        execve(c.path, c.argv, ev.v);
        err = -errno;
    }
out:
    exec_chain_free(&c);
    strvec_free(&av);
    strvec_free(&ev);
    return err;
}

int64_t sys_execve(struct hart *h, const uint64_t *a)
{
    return do_exec(GUEST_NR_execve, a, GUEST_AT_FDCWD, a[0], a[1], a[2], 0);
}

int64_t sys_execveat(struct hart *h, const uint64_t *a)
{
    return do_exec(GUEST_NR_execveat, a, (int)a[0], a[1], a[2], a[3],
                   (int)a[4]);
}
