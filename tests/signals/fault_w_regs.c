/* The registers a signal handler sees at a faulting load or store hold
 * their architectural values, also those written just before by W
 * instructions: translated code may leave a W result's upper half
 * unextended while only its low 32 bits are read (jit/demand.c), and the
 * fault's side table then has it sign-extended for the handler. Each probe
 * computes 0x40000000 + 0x40000000 with addw (0xffffffff80000000 when
 * sign-extended, 0x80000000 when not) right before an access that faults:
 * through the host MMU (a PROT_NONE page), through the translator's bounds
 * check (an address far beyond any guest space), and as the data of a
 * store. The handler records a5 and a7 and skips the access. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static volatile int faults;
static volatile uint64_t seen_a5, seen_a7;

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    (void)si;
    faults++;
    seen_a5 = uc->uc_mcontext.__gregs[15];
    seen_a7 = uc->uc_mcontext.__gregs[17];
    uc->uc_mcontext.__gregs[REG_PC] += 4;
}

/* a5 = x + x (addw), a7 = a5 << 1 (slliw); then the load faults; then
 * both are overwritten by W instructions that read only their low half. */
static long load_probe(const void *p, long x)
{
    long out;
    __asm__ volatile("addw a5, %[x], %[x]\n\t"
                     "slliw a7, %[x], 1\n\t"
                     "lw a6, 0(%[p])\n\t"
                     "addw a5, a5, a6\n\t"
                     "addw a7, a7, a6\n\t"
                     "add %[out], a5, a7"
                     : [out] "=r"(out)
                     : [x] "r"(x), [p] "r"(p)
                     : "a5", "a6", "a7", "memory");
    return out;
}

/* The W result is also the data the faulting store writes. */
static long store_probe(void *p, long x)
{
    long out;
    __asm__ volatile("li a6, 3\n\t"
                     "addw a5, %[x], %[x]\n\t"
                     "slliw a7, %[x], 1\n\t"
                     "sw a5, 0(%[p])\n\t"
                     "addw a5, a5, a6\n\t"
                     "addw a7, a7, a6\n\t"
                     "add %[out], a5, a7"
                     : [out] "=r"(out)
                     : [x] "r"(x), [p] "r"(p)
                     : "a5", "a6", "a7", "memory");
    return out;
}

static int check(const char *what, int n)
{
    int good = seen_a5 == 0xffffffff80000000u && seen_a7 == 0xffffffff80000000u;
    if (!good)
        printf("%s: a5 %#llx a7 %#llx\n", what, (unsigned long long)seen_a5,
               (unsigned long long)seen_a7);
    return good && faults == n;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    void *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (none == MAP_FAILED)
        return 1;
    void *far = (void *)(UINT64_C(1) << 62);
    int ok_mmu = 0, ok_bounds = 0, ok_store = 0;
    long sum = 0;
    for (int i = 0; i < 100; i++) {
        faults = 0;
        sum += load_probe(none, 0x40000000);
        ok_mmu += check("load, PROT_NONE", 1);
        faults = 0;
        sum += load_probe(far, 0x40000000);
        ok_bounds += check("load, far", 1);
        faults = 0;
        sum += store_probe(none, 0x40000000);
        ok_store += check("store, PROT_NONE", 1);
    }
    printf("PROT_NONE load: %d/100 far load: %d/100 store: %d/100 sum %ld\n",
           ok_mmu, ok_bounds, ok_store, sum);
    return 0;
}
