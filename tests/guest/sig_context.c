/* The ucontext a handler gets, and what sigreturn takes back from it:
 *  - the saved pc, ra, sp and a0 are those of the interrupted code; a
 *    handler that rewrites pc and a0 makes execution resume where it says
 *    with the a0 it says; one that rewrites an FP register and fcsr's
 *    rounding mode changes them for the interrupted code;
 *  - integer and FP registers, the rounding mode and the accrued flags of
 *    the interrupted code survive a handler that clobbers all of them;
 *  - uc_sigmask is the mask of the interrupted code; a handler that adds a
 *    signal there leaves it blocked after sigreturn.
 * Uses SIGILL from an illegal instruction as a synchronous entry point. */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile int mode;
static volatile uintptr_t seen_pc, seen_a0, seen_a1;
static volatile uint32_t seen_fcsr;
static volatile double seen_fa0;
extern char resume_here[], trap_at[];

static void on_ill(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    mcontext_t *mc = &uc->uc_mcontext;
    seen_pc = mc->__gregs[REG_PC];
    seen_a0 = mc->__gregs[10];
    seen_a1 = mc->__gregs[11];
    seen_fcsr = mc->__fpregs.__d.__fcsr;
    memcpy((void *)&seen_fa0, &mc->__fpregs.__d.__f[10], 8);
    switch (mode) {
    case 0: /* resume elsewhere with a new a0 */
        mc->__gregs[REG_PC] = (uintptr_t)resume_here;
        mc->__gregs[10] = 4242;
        break;
    case 1: { /* skip, change fa0 and the rounding mode */
        double d = 2.5;
        memcpy(&mc->__fpregs.__d.__f[10], &d, 8);
        mc->__fpregs.__d.__fcsr = (mc->__fpregs.__d.__fcsr & 0x1f) | (2 << 5);
        mc->__gregs[REG_PC] += 4;
        break;
    }
    case 2: /* block SIGUSR1 for the interrupted code */
        sigaddset(&uc->uc_sigmask, SIGUSR1);
        mc->__gregs[REG_PC] += 4;
        break;
    }
}

/* a0 = 1, a1 = 2, trap; the handler sends us to resume_here with its a0. */
static long redirect(void)
{
    long r;
    __asm__ volatile("li a0, 1\n\tli a1, 2\n"
                     "trap_at: .word 0\n"
                     "\tli a0, 99\n" /* skipped */
                     "resume_here: mv %0, a0\n"
                     : "=r"(r) : : "a0", "a1", "memory");
    return r;
}

static double fp_trap(double x)
{
    register double fa0 __asm__("fa0") = x;
    __asm__ volatile(".word 0" : "+f"(fa0) : : "memory");
    return fa0;
}

/* A handler that uses the FPU hard: other rounding mode, all flags. */
static volatile double sink;
static void on_usr1(int sig)
{
    fesetround(FE_TOWARDZERO);
    volatile double z = 0.0, one = 1.0, tiny = 1e-308, huge = 1e308;
    sink = one / z;           /* DZ */
    sink = huge * huge;       /* OF, NX */
    sink = tiny * tiny;       /* UF */
    sink = sqrt(-one);        /* NV */
    double acc = 0;
    for (int i = 1; i < 100; i++)
        acc += 1.0 / i;
    sink = acc;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_ill;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);

    for (int i = 0; i < 3; i++) {
        mode = 0;
        long r = redirect();
        printf("redirect: r=%ld pc_ok=%d a0=%lu a1=%lu\n", r,
               seen_pc == (uintptr_t)trap_at, (unsigned long)seen_a0,
               (unsigned long)seen_a1);
    }

    mode = 1;
    fesetround(FE_UPWARD);
    feclearexcept(FE_ALL_EXCEPT);
    double d = fp_trap(1.25);
    printf("fp context: fa0 seen=%g now=%g frm seen=%u now-downward=%d\n",
           seen_fa0, d, (unsigned)(seen_fcsr >> 5) & 7,
           fegetround() == FE_DOWNWARD);
    fesetround(FE_TONEAREST);

    mode = 2;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("usr1 blocked before=%d", sigismember(&cur, SIGUSR1));
    fp_trap(0);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf(" after=%d\n", sigismember(&cur, SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &cur, NULL);

    /* FP state across an asynchronous handler that clobbers it. */
    signal(SIGUSR1, on_usr1);
    fesetround(FE_DOWNWARD);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double three = 3.0;
    volatile double before = 1.0 / three; /* NX, rounded down */
    int flags_before = fetestexcept(FE_ALL_EXCEPT);
    double a = 1.5, b = -2.25, c = 1e10;
    raise(SIGUSR1);
    volatile double after = 1.0 / three;
    printf("fp across handler: rounding-kept=%d same-result=%d "
           "flags before=%#x after=%#x regs=%g %g %g\n",
           fegetround() == FE_DOWNWARD, before == after, flags_before,
           fetestexcept(FE_ALL_EXCEPT), a * three, b * three, c * three);
    return 0;
}
