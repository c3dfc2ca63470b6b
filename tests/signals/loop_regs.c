/* The registers a signal handler sees inside a hot loop that works on more
 * registers than the translator's global mapping holds (s2-s11, t3-t6),
 * and the values the loop leaves behind: such a loop gets a host register
 * mapping of its own (jit/loopmap.c), which every way out of it must undo
 * and the fault handler must read. Each round of the loop adds a distinct
 * constant to each register, so after n rounds register k holds k*n.
 *   walk: a linked list whose last node points at a PROT_NONE page (the
 *         load faults through the host MMU) or far beyond any guest space
 *         (the translator's bounds check); the SIGSEGV handler checks every
 *         register against the round count and the fault address.
 *   spin: runs until SIGALRM's handler sets a flag; the handler checks the
 *         registers where the signal interrupted the loop, and the program
 *         checks them after the loop.
 * Failures print the first wrong register; the summary is fixed text. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>

/* The loop registers with the constant each gains per round. */
#define NREGS 14
static const int reg_num[NREGS] = {18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
static const uint64_t reg_step[NREGS] = {1, 3, 5, 7, 9, 11, 13, 17, 19, 23, 29, 31, 37, 41};

#define ZERO_REGS                                                              \
    "li s2, 0\n\tli s3, 0\n\tli s4, 0\n\tli s5, 0\n\tli s6, 0\n\t"          \
    "li s7, 0\n\tli s8, 0\n\tli s9, 0\n\tli s10, 0\n\tli s11, 0\n\t"        \
    "li t3, 0\n\tli t4, 0\n\tli t5, 0\n\tli t6, 0\n\t"
#define STEP_REGS                                                              \
    "addi s2, s2, 1\n\taddi s3, s3, 3\n\taddi s4, s4, 5\n\t"                \
    "addi s5, s5, 7\n\taddi s6, s6, 9\n\taddi s7, s7, 11\n\t"               \
    "addi s8, s8, 13\n\taddi s9, s9, 17\n\taddi s10, s10, 19\n\t"           \
    "addi s11, s11, 23\n\taddi t3, t3, 29\n\taddi t4, t4, 31\n\t"           \
    "addi t5, t5, 37\n\taddi t6, t6, 41\n\t"
#define SAVE_REGS(base)                                                        \
    "sd s2, 0(" base ")\n\tsd s3, 8(" base ")\n\tsd s4, 16(" base ")\n\t"   \
    "sd s5, 24(" base ")\n\tsd s6, 32(" base ")\n\tsd s7, 40(" base ")\n\t" \
    "sd s8, 48(" base ")\n\tsd s9, 56(" base ")\n\tsd s10, 64(" base ")\n\t" \
    "sd s11, 72(" base ")\n\tsd t3, 80(" base ")\n\tsd t4, 88(" base ")\n\t" \
    "sd t5, 96(" base ")\n\tsd t6, 104(" base ")\n\t"
#define CLOBBERS                                                               \
    "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", \
        "t5", "t6", "memory"

static sigjmp_buf out;
static volatile int bad, faults;
static volatile uint64_t fault_at;
static volatile int stop;
static volatile uint64_t seen_rounds;

/* Whether regs (register k at regs[k], or uc's) hold k*n for one n; n is
 * s2's value. Prints the first that does not. */
static int consistent(const char *what, const uint64_t *x, uint64_t *rounds)
{
    uint64_t n = x[reg_num[0]];
    for (int k = 0; k < NREGS; k++)
        if (x[reg_num[k]] != reg_step[k] * n) {
            printf("%s: x%d = %#llx, not %llu * %llu\n", what, reg_num[k],
                   (unsigned long long)x[reg_num[k]], (unsigned long long)reg_step[k],
                   (unsigned long long)n);
            return 0;
        }
    *rounds = n;
    return 1;
}

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    uint64_t x[32];
    memcpy(x, uc->uc_mcontext.__gregs, sizeof x);
    uint64_t n = 0;
    faults++;
    if (!consistent("walk", x, &n))
        bad++;
    else if (x[10] != (uint64_t)si->si_addr || x[10] != fault_at) {
        printf("walk: a0 %#llx, fault at %#llx\n", (unsigned long long)x[10],
               (unsigned long long)(uint64_t)si->si_addr);
        bad++;
    }
    seen_rounds = n;
    siglongjmp(out, 1);
}

static void on_alarm(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    (void)si;
    uint64_t x[32], n;
    memcpy(x, uc->uc_mcontext.__gregs, sizeof x);
    if (!consistent("spin, in the handler", x, &n))
        bad++;
    stop = 1;
}

/* Follows next pointers from p until a load faults. */
static void walk(void *p)
{
    uint64_t keep[NREGS];
    __asm__ volatile("mv a0, %[p]\n\t" ZERO_REGS
                     "1:\n\t"
                     "ld a0, 0(a0)\n\t" STEP_REGS
                     "bnez a0, 1b\n\t" SAVE_REGS("%[keep]")
                     :
                     : [p] "r"(p), [keep] "r"(keep)
                     : "a0", CLOBBERS);
}

/* Rounds until stop is set; returns the registers it left. */
static void spin(uint64_t x[32])
{
    uint64_t keep[NREGS];
    __asm__ volatile(ZERO_REGS
                     "1:\n\t"
                     "lw a1, 0(%[stop])\n\t" STEP_REGS
                     "beqz a1, 1b\n\t" SAVE_REGS("%[keep]")
                     :
                     : [stop] "r"(&stop), [keep] "r"(keep)
                     : "a1", CLOBBERS);
    for (int k = 0; k < NREGS; k++)
        x[reg_num[k]] = keep[k];
}

enum { NODES = 2000 };
static void *nodes[NODES];

static int walk_probe(const char *what, void *end)
{
    for (int i = 0; i < NODES - 1; i++)
        nodes[i] = &nodes[i + 1];
    nodes[NODES - 1] = end;
    fault_at = (uint64_t)end;
    int before = faults, wrong = bad;
    if (!sigsetjmp(out, 1))
        walk(nodes);
    int ok = faults == before + 1 && bad == wrong && seen_rounds == NODES;
    if (!ok && bad == wrong)
        printf("%s: %d faults, %llu rounds\n", what, faults - before,
               (unsigned long long)seen_rounds);
    return ok;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGALRM, &sa, NULL);
    void *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (none == MAP_FAILED)
        return 1;
    void *far = (void *)(UINT64_C(1) << 62);
    int ok_mmu = 0, ok_far = 0, ok_spin = 0;
    for (int i = 0; i < 20; i++) {
        ok_mmu += walk_probe("walk to PROT_NONE", none);
        ok_far += walk_probe("walk far", far);
    }
    for (int i = 0; i < 3; i++) {
        stop = 0;
        struct itimerval t = {{0, 0}, {0, 20000}};
        setitimer(ITIMER_REAL, &t, NULL);
        uint64_t x[32] = {0}, n;
        int wrong = bad;
        spin(x);
        ok_spin += consistent("spin, after the loop", x, &n) && bad == wrong && n > 0;
    }
    printf("walk to PROT_NONE: %d/20 walk far: %d/20 spin: %d/3\n", ok_mmu, ok_far,
           ok_spin);
    return 0;
}
