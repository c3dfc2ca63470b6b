/* Guest paths as the host sees them. Two things differ from passing the
 * string through: -L (proc.sysroot) makes absolute paths that exist under
 * the sysroot resolve there, as qemu-user does, so a foreign dynamic
 * loader and its libraries are found; and the /proc files that describe
 * the process itself must describe the guest, not hart: /proc/self/exe is
 * the guest program (readlinkat and openat); /proc/self/maps, auxv,
 * cmdline, environ and /proc/cpuinfo are built by linux/procfs.c. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/procfs.h"
#include "linux/sys.h"

/* The guest's name for its program (linux/procfs.c). */
const char *sys_exe_path(void)
{
    return procfs_exe_link();
}

/* The part of path after "/proc/self/" or "/proc/PID/" for hart's own pid
 * (the guest's pid is hart's), or NULL when path names no such file.
 * /proc/cpuinfo, the one file outside the process's directory that hart
 * builds, is "../cpuinfo": the name it has from /proc/self. */
const char *sys_proc_self(const char *path)
{
    if (strncmp(path, "/proc/", 6))
        return NULL;
    path += 6;
    if (!strcmp(path, "cpuinfo"))
        return "../cpuinfo";
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
    return err ? err : sys_host_path(buf, size);
}

int sys_host_path(char *buf, size_t size)
{
    const char *leaf = sys_proc_self(buf);
    if (leaf && !strcmp(leaf, "exe") && sys_exe_path()) {
        /* The guest's name for its program, which the sysroot step below
         * turns back into the host's. */
        if (strlen(sys_exe_path()) >= size)
            return -ENAMETOOLONG;
        strcpy(buf, sys_exe_path());
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
