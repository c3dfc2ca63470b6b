/* The guest's /proc/self/{maps,auxv,cmdline,environ}, /proc/cpuinfo and
 * the /proc/self/exe link. hart's own versions would describe hart: its
 * 256 GiB reservation and its libraries, its argv ("hart prog args"), an
 * x86-64 CPU. These are built from what hart knows of the guest and handed
 * to the guest as a memfd (sys_proc_file), so read, lseek, fstat and mmap
 * work on them as on any file. Linux generates them when read; a memfd
 * holds a snapshot taken at open, which is what a program reading the file
 * in one go sees anyway.
 *
 * maps follows Linux's show_map_vma: "start-end rwxp offset mj:mn inode",
 * a space, then the name padded to column 73 (25 + 6 * sizeof(void *) - 1
 * on a 64-bit kernel). cmdline and environ are the guest's string areas as
 * the loader laid them out (Linux reads mm->arg_start..arg_end, so a guest
 * that rewrites its argv strings in place sees that, here too). cpuinfo is
 * a riscv64 one: one entry per host CPU (the guest's CPUs are the host's),
 * with the ISA hart implements, as riscv_hwprobe reports it. */
#include "linux/procfs.h"

#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/sys.h"

#define MAPS_NAME_COLUMN 73

/* What hart implements; the same set riscv_hwprobe reports. */
#define CPU_ISA "rv64imafdc_zicsr_zifencei_zba_zbb_zbs_zicond"

static void maps_line(const struct space_region *r, void *arg)
{
    FILE *f = arg;
    int n = fprintf(f, "%08" PRIx64 "-%08" PRIx64 " %c%c%c%c %08" PRIx64
                       " %02x:%02x %" PRIu64 " ",
                    r->start, r->end, r->flags & PAGE_R ? 'r' : '-',
                    r->flags & PAGE_W ? 'w' : '-', r->flags & PAGE_X ? 'x' : '-',
                    r->shared ? 's' : 'p', r->offset, major(r->dev),
                    minor(r->dev), r->inode);
    if (r->name)
        fprintf(f, "%*s%s", n < MAPS_NAME_COLUMN ? MAPS_NAME_COLUMN - n : 0,
                "", r->name);
    fputc('\n', f);
}

/* Copies [start, end) of guest memory, as far as it is readable. */
static void guest_bytes(FILE *f, uint64_t start, uint64_t end)
{
    if (end <= start)
        return;
    uint64_t n = sys_prefix(start, end - start, PAGE_R);
    if (n)
        fwrite(g2h(start), 1, n, f);
}

static void cpuinfo(FILE *f)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    for (long i = 0; i < (cpus > 0 ? cpus : 1); i++)
        fprintf(f,
                "processor\t: %ld\n"
                "hart\t\t: %ld\n"
                "isa\t\t: " CPU_ISA "\n"
                "mmu\t\t: sv39\n"
                "uarch\t\t: hart,rv64gc\n"
                "mvendorid\t: 0x0\n"
                "marchid\t\t: 0x0\n"
                "mimpid\t\t: 0x0\n"
                "hart isa\t: " CPU_ISA "\n"
                "\n",
                i, i);
}

bool procfs_generate(const char *leaf, FILE *f)
{
    if (!strcmp(leaf, "maps"))
        space_for_each(maps_line, f);
    else if (!strcmp(leaf, "auxv"))
        guest_bytes(f, proc.auxv_addr, proc.auxv_addr + proc.auxv_len);
    else if (!strcmp(leaf, "cmdline"))
        guest_bytes(f, proc.arg_start, proc.arg_end);
    else if (!strcmp(leaf, "environ"))
        guest_bytes(f, proc.arg_end, proc.env_end);
    else if (!strcmp(leaf, "../cpuinfo"))
        cpuinfo(f);
    else
        return false;
    return true;
}

int sys_proc_file(const char *leaf, int flags)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return -ENOMEM;
    bool ours = procfs_generate(leaf, f);
    if (fclose(f) != 0) {
        free(text);
        return -ENOMEM;
    }
    int fd = -ENOENT;
    if (!ours)
        goto out;
    fd = -EACCES; /* Linux's are read-only too */
    if ((flags & GUEST_O_ACCMODE) != GUEST_O_RDONLY)
        goto out;
    fd = memfd_create(leaf[0] == '.' ? leaf + 3 : leaf,
                      flags & GUEST_O_CLOEXEC ? MFD_CLOEXEC : 0);
    if (fd < 0) {
        fd = -errno;
        goto out;
    }
    if (write(fd, text, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        fd = -EIO;
    }
out:
    free(text);
    return fd;
}

/* Made once per program (a unit test may switch proc.exe_path; a guest
 * changes programs only by execve, which replaces hart too). */
const char *procfs_exe_link(void)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static char link[PATH_MAX];
    static const char *made_from;
    if (!proc.exe_path)
        return NULL;
    pthread_mutex_lock(&lock);
    if (made_from != proc.exe_path) {
        char root[PATH_MAX];
        if (!realpath(proc.exe_path, link))
            snprintf(link, sizeof link, "%s", proc.exe_path);
        size_t n;
        if (proc.sysroot && realpath(proc.sysroot, root) &&
            (n = strlen(root)) > 1 && !strncmp(link, root, n) && link[n] == '/')
            memmove(link, link + n, strlen(link + n) + 1);
        made_from = proc.exe_path;
    }
    pthread_mutex_unlock(&lock);
    return link;
}
