/* loadelf: loads a RISC-V program into a fresh guest address space exactly
 * as hart would, without running it, and prints the result: the mappings
 * (like /proc/self/maps), the registers a new process starts with, and the
 * auxiliary vector. On failure it prints hart's one-line message and exits
 * with hart's status (126/127), so tests/elf can check the loader alone.
 *   loadelf [-L SYSROOT] PROGRAM [ARGS...] */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/hart.h"
#include "linux/loader.h"
#include "linux/process.h"
#include "mem/access.h"
#include "mem/space.h"

/* hart's main.c defines the process; this tool is its own main. */
__attribute__((weak)) struct process proc;

static void print_region(const struct space_region *r, void *arg)
{
    (void)arg;
    printf("%010" PRIx64 "-%010" PRIx64 " %c%c%c%c %08" PRIx64 " %s\n",
           r->start, r->end, r->flags & PAGE_R ? 'r' : '-',
           r->flags & PAGE_W ? 'w' : '-', r->flags & PAGE_X ? 'x' : '-',
           r->shared ? 's' : 'p', r->offset, r->name ? r->name : "");
}

int main(int argc, char **argv)
{
    extern char **environ;
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "-L")) {
        proc.sysroot = argv[i + 1];
        i += 2;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: loadelf [-L SYSROOT] PROGRAM [ARGS...]\n");
        return 2;
    }
    static struct hart h;
    char err[512];
    int r = loader_exec(&h, argv[i], argc - i, argv + i, environ, err,
                        sizeof err);
    if (r) {
        fprintf(stderr, "hart: %s\n", err);
        return r;
    }
    space_for_each(print_region, NULL);
    printf("pc %#" PRIx64 " sp %#" PRIx64 " brk %#" PRIx64 "\n", h.pc, h.x[2],
           space_brk(0));
    for (uint64_t a = proc.auxv_addr; a < proc.auxv_addr + proc.auxv_len;
         a += 16)
        printf("auxv %2" PRIu64 " %#" PRIx64 "\n", guest_load64(a),
               guest_load64(a + 8));
    return 0;
}
