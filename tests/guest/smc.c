/* Self-modifying code: a function written into an RWX buffer is called,
 * then rewritten, with and without fence.i, and called again; each call
 * must run the code as it is now. A loop runs the function often enough to
 * get it translated first. Also data written on the same page as code,
 * many times (the page falls back to checking code bytes). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "jit_code.h"

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;
    fn f = (fn)(void *)code;
    emit(code, 1);
    __asm__ volatile("fence.i" ::: "memory");
    printf("with fence.i: %ld\n", call_many(f, 1000));
    emit(code, 2);
    __asm__ volatile("fence.i" ::: "memory");
    printf("rewritten, fence.i: %ld\n", call_many(f, 1000));
    emit(code, 3); /* no fence.i: still seen, as on QEMU and real harts */
    printf("rewritten, no fence.i: %ld\n", call_many(f, 1000));

    /* A counter on the code's page, written between calls. */
    volatile long *counter = (volatile long *)(code + 512);
    long sum = 0;
    for (int i = 0; i < 200; i++) {
        *counter += i;
        emit(code, i % 7);
        sum += f(i);
    }
    printf("data beside code: counter %ld, sum %ld\n", *counter, sum);
    munmap(code, 4096);
    return 0;
}
