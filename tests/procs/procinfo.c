/* The /proc files hart builds whose exact content qemu-riscv64 does not
 * reproduce: /proc/cpuinfo (a riscv64 one, one entry per CPU),
 * /proc/self/maps in Linux's exact format (addresses at least 8 digits,
 * names from column 74, "[heap]" around the break, a trailing blank after
 * an unnamed mapping), /proc/self/environ. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    ssize_t r;
    while (fd >= 0 && (r = read(fd, buf + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    if (fd >= 0)
        close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(void)
{
    size_t len;
    char *info = slurp("/proc/cpuinfo", &len);
    char *end = strstr(info, "\n\n");
    printf("%.*s\n", end ? (int)(end - info) : (int)len, info);
    int cpus = 0;
    for (char *p = info; (p = strstr(p, "processor\t:")); p++)
        cpus++;
    printf("one entry per CPU: %s\n",
           cpus == sysconf(_SC_NPROCESSORS_ONLN) ? "yes" : "no");
    free(info);

    void *heap = malloc(100000);
    uintptr_t brk_now = (uintptr_t)sbrk(0);
    char *maps = slurp("/proc/self/maps", &len);
    int lines = 0, bad = 0, heap_found = 0;
    for (char *line = strtok(maps, "\n"); line; line = strtok(NULL, "\n")) {
        lines++;
        unsigned long start, end_addr, off, inode;
        unsigned mj, mn;
        char perms[5];
        int name_at = 0, dash = (int)strcspn(line, "-");
        if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %n", &start, &end_addr,
                   perms, &off, &mj, &mn, &inode, &name_at) < 7 || dash < 8 ||
            strlen(perms) != 4) {
            bad++;
            printf("bad line: %s\n", line);
            continue;
        }
        if (line[name_at]) {
            if (name_at != 73) {
                bad++;
                printf("name not at column 74: %s\n", line);
            }
            if (!strcmp(line + name_at, "[heap]") && start < brk_now &&
                brk_now <= end_addr)
                heap_found = 1;
        } else if (line[strlen(line) - 1] != ' ') {
            bad++;
            printf("no blank after the inode: %s\n", line);
        }
    }
    printf("maps: %s, heap %s\n", lines && !bad ? "Linux's format" : "bad",
           heap_found ? "found" : "missing");
    free(maps);
    free(heap);

    char *env = slurp("/proc/self/environ", &len);
    size_t at = 0;
    int same = 1;
    for (char **e = environ; *e; e++) {
        size_t l = strlen(*e) + 1;
        if (at + l > len || memcmp(env + at, *e, l))
            same = 0;
        at += l;
    }
    printf("environ is the environment: %s\n", same && at == len ? "yes" : "no");
    return 0;
}
