/* The user-level counters and fences: rdcycle, rdtime and rdinstret never go
 * backwards, rdinstret advances while instructions run, and every kind of
 * fence (fence, fence.tso, fence.i, pause) executes. Values differ between
 * runs, so only "ok" or the failed check is printed. */
#include <stdint.h>
#include <stdio.h>

static inline uint64_t rdcycle(void)
{
    uint64_t v;
    __asm__ volatile("rdcycle %0" : "=r"(v));
    return v;
}
static inline uint64_t rdtime(void)
{
    uint64_t v;
    __asm__ volatile("rdtime %0" : "=r"(v));
    return v;
}
static inline uint64_t rdinstret(void)
{
    uint64_t v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

int main(void)
{
    int fails = 0;
    uint64_t c0 = rdcycle(), t0 = rdtime(), i0 = rdinstret();
    volatile uint64_t sink = 0;
    for (int round = 0; round < 2000; round++) {
        for (int k = 0; k < 50; k++)
            sink += (uint64_t)k * round;
        __asm__ volatile("fence rw, rw" ::: "memory");
        __asm__ volatile("fence.tso" ::: "memory");
        __asm__ volatile("fence r, w" ::: "memory");
        __asm__ volatile("fence.i" ::: "memory");
        __asm__ volatile(".insn i 0x0f, 0, x0, x0, 0x010" ::: "memory"); /* pause */
        uint64_t c = rdcycle(), t = rdtime(), i = rdinstret();
        if (c < c0 || t < t0 || i < i0) {
            printf("counter went backwards at round %d: cycle %d time %d instret %d\n",
                   round, c < c0, t < t0, i < i0);
            fails++;
            break;
        }
        c0 = c, t0 = t, i0 = i;
    }
    uint64_t a = rdinstret();
    for (int k = 0; k < 1000; k++)
        sink += (uint64_t)k;
    uint64_t b = rdinstret();
    if (b <= a) {
        printf("rdinstret did not advance over 1000 iterations\n");
        fails++;
    }
    if (!fails)
        printf("ok\n");
    return fails;
}
