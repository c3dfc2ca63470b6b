/* The FP registers a signal handler sees at a faulting access hold their
 * architectural values, also results computed just before: translated
 * code keeps FP results in host registers until the unit may be left
 * (jit/tr_fcache.c), and the fault's side table (or the stub of a failed
 * bounds check) then puts them in the guest's state. Each probe computes
 * fa5 = x + 2, fa4 = fa5 * fa5 (doubles) and fa3 = xs + 0.5 (a single,
 * NaN-boxed in the register), with x different on every call, right
 * before an access that faults: a load into fa5 itself (the handler must
 * see fa5's value from before the load), a store of fa4, and each through
 * the host MMU (a PROT_NONE page) and through the translator's bounds
 * check (an address far beyond any guest space). The handler records
 * fa3..fa5 and skips the access. A last probe makes fa4 and fa3 NaNs
 * (inf - inf), which translated code keeps as the host's NaN until their
 * bits are seen: the handler must see RISC-V's canonical NaNs. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static volatile int faults;
static volatile uint64_t seen[3]; /* fa3, fa4, fa5 */

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    (void)si;
    faults++;
    for (int k = 0; k < 3; k++)
        memcpy((void *)&seen[k], &uc->uc_mcontext.__fpregs.__d.__f[13 + k], 8);
    uc->uc_mcontext.__gregs[REG_PC] += 4;
}

/* fa5 = x + 2, fa4 = fa5 * fa5, fa3 = xs + 0.5; then ACCESS (which
 * faults, and the handler skips); then all three are read. */
#define PROBE(name, access)                                                    \
    static double name(void *p, double x, float xs)                           \
    {                                                                          \
        double out;                                                            \
        __asm__ volatile(".option push\n\t"                                    \
                         ".option norvc\n\t" /* the handler skips 4 bytes */  \
                         "fadd.d fa5, %[x], %[two]\n\t"                        \
                         "fmul.d fa4, fa5, fa5\n\t"                            \
                         "fadd.s fa3, %[xs], %[half]\n\t"                      \
                         access "\n\t"                                         \
                         "fadd.d fa5, fa5, fa4\n\t"                            \
                         "fcvt.d.s fa3, fa3\n\t"                               \
                         "fadd.d %[out], fa5, fa3\n\t"                         \
                         ".option pop"                                         \
                         : [out] "=f"(out)                                     \
                         : [x] "f"(x), [two] "f"(2.0), [xs] "f"(xs),           \
                           [half] "f"(0.5f), [p] "r"(p)                        \
                         : "fa3", "fa4", "fa5", "memory");                     \
        return out;                                                            \
    }
PROBE(load_probe, "fld fa5, 0(%[p])")  /* into fa5: its old value stands */
PROBE(store_probe, "fsd fa4, 0(%[p])")

static void nan_probe(const void *p, double inf, float sinf)
{
    __asm__ volatile(".option push\n\t"
                     ".option norvc\n\t"
                     "fsub.d fa4, %[inf], %[inf]\n\t"
                     "fsub.s fa3, %[sinf], %[sinf]\n\t"
                     "fld fa5, 0(%[p])\n\t"
                     ".option pop"
                     :
                     : [inf] "f"(inf), [sinf] "f"(sinf), [p] "r"(p)
                     : "fa3", "fa4", "fa5", "memory");
}

static int check_nan(const char *what)
{
    int good = faults == 1 && seen[0] == UINT64_C(0xffffffff7fc00000) &&
               seen[1] == UINT64_C(0x7ff8000000000000);
    if (!good)
        printf("%s: fa3 %#llx fa4 %#llx\n", what, (unsigned long long)seen[0],
               (unsigned long long)seen[1]);
    return good;
}

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static int check(const char *what, double x, float xs)
{
    uint32_t s;
    float single = xs + 0.5f;
    memcpy(&s, &single, 4);
    uint64_t want[3] = {UINT64_C(0xffffffff00000000) | s, bits((x + 2) * (x + 2)),
                        bits(x + 2)};
    int good = faults == 1;
    for (int k = 0; k < 3; k++)
        if (seen[k] != want[k]) {
            printf("%s, x %g: fa%d %#llx, want %#llx\n", what, x, 3 + k,
                   (unsigned long long)seen[k], (unsigned long long)want[k]);
            good = 0;
        }
    return good;
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
    int ok[6] = {0};
    volatile double inf = __builtin_inf();
    volatile float sinf = __builtin_inff();
    double sum = 0;
    for (int i = 0; i < 100; i++) {
        double x = i;
        float xs = (float)i;
        faults = 0;
        sum += load_probe(none, x, xs);
        ok[0] += check("load, PROT_NONE", x, xs);
        faults = 0;
        sum += load_probe(far, x + 1000, xs + 1000);
        ok[1] += check("load, far", x + 1000, xs + 1000);
        faults = 0;
        sum += store_probe(none, x + 2000, xs + 2000);
        ok[2] += check("store, PROT_NONE", x + 2000, xs + 2000);
        faults = 0;
        sum += store_probe(far, x + 3000, xs + 3000);
        ok[3] += check("store, far", x + 3000, xs + 3000);
        faults = 0;
        nan_probe(none, inf, sinf);
        ok[4] += check_nan("NaN, PROT_NONE");
        faults = 0;
        nan_probe(far, inf, sinf);
        ok[5] += check_nan("NaN, far");
    }
    printf("PROT_NONE load: %d/100 far load: %d/100 PROT_NONE store: %d/100 "
           "far store: %d/100 NaN: %d/100 %d/100 sum %.1f\n",
           ok[0], ok[1], ok[2], ok[3], ok[4], ok[5], sum);
    return 0;
}
