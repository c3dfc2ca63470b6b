/* Executable mappings that change. Mapped and unmapped without running
 * (as ld.so maps a library in several steps, and dlopen'd libraries come
 * and go), they leave translated code alone: tests/jit checks with --stats
 * that this program causes no cache flush. Code that did run from a page
 * whose mapping is then replaced must not run again: the new code at the
 * same address must. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "jit_code.h"

int main(void)
{
    int fd = open("/proc/self/exe", O_RDONLY);
    if (fd < 0)
        return 1;
    int mapped = 0;
    for (int i = 0; i < 20; i++) {
        void *p = mmap(NULL, 8192, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED)
            return 2;
        mapped += mprotect(p, 4096, PROT_READ) == 0;
        mapped += munmap(p, 8192) == 0;
    }
    close(fd);
    printf("unused executable mappings: %d of 40 calls succeeded\n", mapped);

    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 3;
    emit(code, 1);
    __asm__ volatile("fence.i" ::: "memory");
    printf("first code: %ld\n", call_many((fn)(void *)code, 1000));
    /* A new page in its place, written through another mapping so that
     * no store to the old one gives the change away. */
    munmap(code, 4096);
    uint32_t *again = mmap(code, 4096, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (again != code)
        return 4;
    emit(again, 5);
    /* No fence.i: Linux makes the instruction cache see a page that
     * becomes executable, and the munmap above is what must drop the
     * translation of the old code. */
    mprotect(again, 4096, PROT_READ | PROT_EXEC);
    printf("replaced code: %ld\n", call_many((fn)(void *)again, 1000));
    return 0;
}
