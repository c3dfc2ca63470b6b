/* Guest paths as the host sees them. Two things differ from passing the
 * string through: -L (proc.sysroot) makes absolute paths that exist under
 * the sysroot resolve there, as qemu-user does, so a foreign dynamic
 * loader and its libraries are found; and the /proc files that describe
 * the process itself must describe the guest, not hart: /proc/self/exe is
 * the guest program (readlinkat and openat); /proc/self/maps and
 * /proc/self/auxv are built from hart's view of the guest (sys_proc_file). */
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/sys.h"

/* Made absolute once per program (execve may change proc.exe_path, and
 * leaves one thread, so the text never changes under a reader). */
const char *sys_exe_path(void)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static char abs[GUEST_PATH_MAX];
    static const char *made_from;
    if (!proc.exe_path)
        return NULL;
    pthread_mutex_lock(&lock);
    if (made_from != proc.exe_path) {
        if (!realpath(proc.exe_path, abs))
            snprintf(abs, sizeof abs, "%s", proc.exe_path);
        made_from = proc.exe_path;
    }
    pthread_mutex_unlock(&lock);
    return abs;
}

/* The part of path after "/proc/self/" or "/proc/PID/" for hart's own pid
 * (the guest's pid is hart's), or NULL when path names no such file. */
const char *sys_proc_self(const char *path)
{
    if (strncmp(path, "/proc/", 6))
        return NULL;
    path += 6;
    if (!strncmp(path, "self/", 5))
        return path + 5;
    if (!strncmp(path, "thread-self/", 12))
        return path + 12;
    char *end;
    long pid = strtol(path, &end, 10);
    if (end != path && *end == '/' && pid == getpid())
        return end + 1;
    return NULL;
}

int sys_get_path(uint64_t addr, char *buf, size_t size)
{
    int err = sys_get_string(addr, buf, size);
    if (err)
        return err;
    const char *leaf = sys_proc_self(buf);
    if (leaf && !strcmp(leaf, "exe") && sys_exe_path()) {
        if (strlen(sys_exe_path()) >= size)
            return -ENAMETOOLONG;
        strcpy(buf, sys_exe_path());
        return 0;
    }
    if (proc.sysroot && buf[0] == '/') {
        char alt[GUEST_PATH_MAX + PATH_MAX];
        int n = snprintf(alt, sizeof alt, "%s%s", proc.sysroot, buf);
        if (n >= 0 && (size_t)n < size &&
            faccessat(AT_FDCWD, alt, F_OK, AT_SYMLINK_NOFOLLOW) == 0)
            memcpy(buf, alt, (size_t)n + 1);
    }
    return 0;
}

/* The contents of /proc/self/maps, one line per guest mapping in Linux's
 * format (with guest addresses). */
struct maps_out {
    FILE *f;
};

static void maps_line(const struct space_region *r, void *arg)
{
    struct maps_out *m = arg;
    fprintf(m->f, "%08" PRIx64 "-%08" PRIx64 " %c%c%cp %08" PRIx64
                  " 00:00 0",
            r->start, r->end, r->flags & PAGE_R ? 'r' : '-',
            r->flags & PAGE_W ? 'w' : '-', r->flags & PAGE_X ? 'x' : '-',
            r->offset);
    if (r->name)
        fprintf(m->f, "%*s%s", 20, "", r->name);
    fputc('\n', m->f);
}

/* Opens a memfd holding the guest's version of /proc/self/LEAF, or
 * returns -ENOENT when LEAF is not one hart builds. The caller's open
 * flags matter only for O_CLOEXEC: the file is read-only content. */
int sys_proc_file(const char *leaf, int flags)
{
    bool maps = !strcmp(leaf, "maps"), auxv = !strcmp(leaf, "auxv");
    if (!maps && !auxv)
        return -ENOENT;
    if ((flags & GUEST_O_ACCMODE) != GUEST_O_RDONLY)
        return -EACCES;
    int fd = memfd_create(leaf, (flags & GUEST_O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0)
        return -errno;
    int dup_fd = dup(fd); /* fdopen's FILE owns this one */
    FILE *f = dup_fd >= 0 ? fdopen(dup_fd, "w") : NULL;
    if (!f) {
        if (dup_fd >= 0)
            close(dup_fd);
        close(fd);
        return -ENOMEM;
    }
    if (maps) {
        struct maps_out m = {f};
        space_for_each(maps_line, &m);
    } else {
        const void *p = sys_in(proc.auxv_addr, proc.auxv_len);
        if (p)
            fwrite(p, 1, proc.auxv_len, f);
    }
    fclose(f);
    lseek(fd, 0, SEEK_SET);
    return fd;
}
