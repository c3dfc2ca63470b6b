/* Code generated at run time while other threads run: the main thread
 * writes small functions into a page, makes them visible with
 * __builtin___clear_cache (fence.i / riscv_flush_icache), calls them and
 * checks their results, 300 times, rewriting the same page and also
 * mapping and unmapping fresh pages; meanwhile four threads spin in hot
 * loops (translated code) and make system calls. Every flush of hart's
 * decoded and translated code must wait for, and not deadlock with, the
 * spinning threads; the spinners' results stay exact. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static atomic_int stop;
static _Atomic long spins[4];

static void *spinner(void *arg)
{
    long me = (long)arg, n = 0;
    unsigned x = (unsigned)me + 1;
    while (!atomic_load(&stop)) {
        for (int i = 0; i < 1000; i++)
            x = x * 1103515245u + 12345u;
        spins[me] = ++n;
        if (n % 64 == 0)
            getppid(); /* a system call now and then */
    }
    return (void *)(uintptr_t)x;
}

/* li a0, imm (addi a0, zero, imm; |imm| < 2048) then ret. */
static void emit(uint32_t *p, int imm)
{
    p[0] = ((uint32_t)(imm & 0xfff) << 20) | (10u << 7) | 0x13u;
    p[1] = 0x00008067u; /* jalr zero, 0(ra) */
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, spinner, (void *)i);
    for (int i = 0; i < 4; i++) /* all of them are running */
        while (atomic_load(&spins[i]) == 0)
            usleep(1000);
    long pg = sysconf(_SC_PAGESIZE);
    uint32_t *page = mmap(NULL, pg, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int good = 0;
    for (int round = 0; round < 300; round++) {
        int want = round % 2000 - 1000;
        uint32_t *code = page;
        uint32_t *fresh = NULL;
        if (round % 3 == 2) {
            fresh = mmap(NULL, pg, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            code = fresh;
        }
        emit(code, want);
        __builtin___clear_cache((char *)code, (char *)(code + 2));
        int (*fn)(void) = (int (*)(void))(uintptr_t)code;
        int got = 0;
        for (int k = 0; k < 20; k++) /* hot enough to be translated */
            got += fn();
        good += got == 20 * want;
        if (fresh)
            munmap(fresh, pg);
    }
    atomic_store(&stop, 1);
    uintptr_t check = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        check += spins[i] > 0;
    }
    printf("generated functions right: %d/300, spinners ran: %d/4\n", good,
           (int)check);
    return 0;
}
