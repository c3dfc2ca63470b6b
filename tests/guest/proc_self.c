/* The /proc files that describe the program: /proc/self/exe (readlink and
 * open), /proc/PID/exe, /proc/self/auxv, /proc/self/cmdline and
 * /proc/self/maps, checked for facts both emulators must get right (the
 * exact layout of maps differs: tests/procs checks it against Linux's
 * format). Run with the arguments in proc_self.args. */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int initialised = 42;

static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: cannot open\n", path);
        exit(1);
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    ssize_t r;
    while ((r = read(fd, buf + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

struct map {
    unsigned long start, end, offset, inode;
    unsigned major, minor;
    char perms[5], name[PATH_MAX];
};

/* The maps line holding addr (false when none does), after checking that
 * every line parses and that the lines are in order without overlaps. */
static bool find_map(uintptr_t addr, struct map *out)
{
    size_t len;
    char *text = slurp("/proc/self/maps", &len);
    bool found = false, sane = true;
    unsigned long prev_end = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        struct map m;
        int name_at = 0;
        m.name[0] = '\0';
        if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %n", &m.start, &m.end,
                   m.perms, &m.offset, &m.major, &m.minor, &m.inode,
                   &name_at) < 7) {
            printf("maps: bad line '%s'\n", line);
            sane = false;
            continue;
        }
        if (name_at)
            snprintf(m.name, sizeof m.name, "%s", line + name_at);
        if (m.start >= m.end || m.start < prev_end)
            sane = false;
        prev_end = m.end;
        if (addr >= m.start && addr < m.end) {
            *out = m;
            found = true;
        }
    }
    free(text);
    if (!sane)
        printf("maps: lines out of order or overlapping\n");
    return found;
}

static void show_map(const char *what, uintptr_t addr, const char *exe)
{
    struct map m;
    if (!find_map(addr, &m)) {
        printf("%s: not in maps\n", what);
        return;
    }
    const char *name = m.name;
    if (exe && !strcmp(name, exe))
        name = "(the program)";
    printf("%s: %s %s\n", what, m.perms, name[0] ? name : "(anonymous)");
}

int main(int argc, char **argv)
{
    /* exe: the program, whatever name it was run by. */
    char exe[PATH_MAX], real[PATH_MAX], link[64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    printf("exe is the program: %s\n",
           realpath(argv[0], real) && !strcmp(exe, real) ? "yes" : "no");
    snprintf(link, sizeof link, "/proc/%d/exe", (int)getpid());
    char other[PATH_MAX];
    n = readlink(link, other, sizeof other - 1);
    other[n > 0 ? n : 0] = '\0';
    printf("/proc/PID/exe too: %s\n", !strcmp(exe, other) ? "yes" : "no");
    char small[4];
    printf("readlink into 4 bytes: %d\n",
           (int)readlink("/proc/self/exe", small, sizeof small));
    int fd = open("/proc/self/exe", O_RDONLY);
    Elf64_Ehdr eh;
    printf("exe opens to a riscv64 ELF: %s\n",
           fd >= 0 && read(fd, &eh, sizeof eh) == sizeof eh &&
                   !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
                   eh.e_machine == EM_RISCV ? "yes" : "no");
    struct stat st_exe, st_prog;
    printf("exe is the same file: %s\n",
           fd >= 0 && fstat(fd, &st_exe) == 0 && stat(argv[0], &st_prog) == 0 &&
                   st_exe.st_ino == st_prog.st_ino ? "yes" : "no");
    close(fd);

    /* auxv: the vector the program started with. */
    size_t len;
    char *auxv = slurp("/proc/self/auxv", &len);
    printf("auxv size is whole pairs: %s\n", len % 16 == 0 ? "yes" : "no");
    bool same = true, ended = false;
    for (size_t i = 0; i + 16 <= len; i += 16) {
        uint64_t type, value;
        memcpy(&type, auxv + i, 8);
        memcpy(&value, auxv + i + 8, 8);
        if (type == AT_NULL) {
            ended = i + 16 == len;
            break;
        }
        if (type == AT_PAGESZ)
            printf("AT_PAGESZ: %llu\n", (unsigned long long)value);
        if (getauxval(type) != value)
            same = false;
    }
    printf("auxv ends with AT_NULL: %s\n", ended ? "yes" : "no");
    printf("auxv values are getauxval's: %s\n", same ? "yes" : "no");
    free(auxv);

    /* cmdline: argv, each string with its NUL. */
    char *cmd = slurp("/proc/self/cmdline", &len);
    size_t want = 0;
    bool match = true;
    for (int i = 0; i < argc; i++) {
        size_t l = strlen(argv[i]) + 1;
        if (want + l > len || memcmp(cmd + want, argv[i], l))
            match = false;
        want += l;
    }
    printf("cmdline is argv: %s (%d arguments)\n",
           match && want == len ? "yes" : "no", argc);
    free(cmd);

    /* maps: where things are, and changes as they happen. */
    show_map("code", (uintptr_t)main, exe);
    show_map("data", (uintptr_t)&initialised, exe);
    int local;
    show_map("stack", (uintptr_t)&local, exe);
    char *p = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    show_map("mmap read-only", (uintptr_t)p + 4096, exe);
    mprotect(p + 4096, 4096, PROT_READ | PROT_WRITE);
    show_map("mprotect middle page", (uintptr_t)p + 4096, exe);
    show_map("page after it", (uintptr_t)p + 8192, exe);
    munmap(p, 3 * 4096);
    show_map("munmap", (uintptr_t)p + 4096, exe);
    fd = open("mapped-file", O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, 3 * 4096);
    p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 4096);
    struct map m;
    struct stat st;
    fstat(fd, &st);
    if (find_map((uintptr_t)p, &m))
        printf("file mapping: %s offset %lx inode %s dev %s name %s\n",
               m.perms, m.offset, m.inode == st.st_ino ? "right" : "wrong",
               m.major == major(st.st_dev) && m.minor == minor(st.st_dev)
                   ? "right" : "wrong",
               strstr(m.name, "/mapped-file") ? "right" : m.name);
    else
        printf("file mapping: not in maps\n");
    return 0;
}
