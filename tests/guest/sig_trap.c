/* Synchronous signals from instructions, each with its si_code and
 * si_addr, handled by moving the saved pc past the instruction:
 *   an all-zero word (illegal) and unimp: SIGILL, ILL_ILLOPC at the pc;
 *   a CSR write to a read-only counter, an FP op with an invalid rounding
 *   mode and a machine-mode CSR read: SIGILL;
 *   ebreak and c.ebreak: SIGTRAP, TRAP_BRKPT at the pc;
 *   a misaligned amoadd.w or lr.d: SIGBUS, BUS_ADRALN at the address (sc.w
 *   is in tests/signals: qemu lets a misaligned one fail quietly);
 *   division by zero and INT_MIN / -1: no signal at all (RISC-V does not
 *   trap), the defined results instead.
 * Each runs in a loop so that translated code raises them too. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile int got_sig, got_code, skip;
static volatile uintptr_t got_addr, got_pc;

static void on_sig(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    got_pc = uc->uc_mcontext.__gregs[REG_PC];
    uc->uc_mcontext.__gregs[REG_PC] += skip;
}

/* Each probe returns the address of its trapping instruction. */
#define PROBE(name, insn)                                                      \
    __attribute__((noinline)) static uintptr_t name(void)                      \
    {                                                                          \
        uintptr_t at;                                                          \
        __asm__ volatile("lla %0, 1f\n1: " insn "\n" : "=r"(at) : : "memory"); \
        return at;                                                             \
    }
PROBE(zero_word, ".word 0")
PROBE(unimp, ".4byte 0xc0001073") /* csrrw x0, cycle, x0 */
PROBE(csr_mstatus, "csrr t0, mstatus")
PROBE(bad_rm, ".4byte 0x02b55553") /* fadd.d fa0, fa0, fa1, rm=5 */
PROBE(ebrk, ".4byte 0x00100073") /* ebreak, never compressed */
PROBE(cbrk, "c.ebreak")

static char buf[64] __attribute__((aligned(16)));

__attribute__((noinline)) static uintptr_t amo_misaligned(void)
{
    int one = 1, old;
    char *p = buf + 1;
    __asm__ volatile("amoadd.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(one)
                     : "memory");
    return (uintptr_t)p;
}

__attribute__((noinline)) static uintptr_t lr_misaligned(void)
{
    long v;
    char *p = buf + 4;
    __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"(p) : "memory");
    return (uintptr_t)p;
}

static void probe(const char *what, uintptr_t (*fn)(void), int len,
                  int want_sig, int want_code, int addr_is_pc)
{
    int ok = 0, rounds = 100;
    skip = len;
    for (int i = 0; i < rounds; i++) {
        got_sig = got_code = 0;
        uintptr_t at = fn();
        /* For faults on data, the probe returns the data address; the pc
         * is then somewhere inside the probe. */
        if (got_sig == want_sig && got_code == want_code &&
            got_addr == at && (!addr_is_pc || got_pc == at))
            ok++;
    }
    printf("%-24s sig=%d code=%d: %d/%d\n", what, got_sig, got_code, ok,
           rounds);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);

    probe("zero word", zero_word, 4, SIGILL, ILL_ILLOPC, 1);
    probe("write to cycle", unimp, 4, SIGILL, ILL_ILLOPC, 1);
    probe("csrr mstatus", csr_mstatus, 4, SIGILL, ILL_ILLOPC, 1);
    probe("fadd.d rm=5", bad_rm, 4, SIGILL, ILL_ILLOPC, 1);
    probe("ebreak", ebrk, 4, SIGTRAP, TRAP_BRKPT, 1);
    probe("c.ebreak", cbrk, 2, SIGTRAP, TRAP_BRKPT, 1);
    probe("amoadd.w misaligned", amo_misaligned, 4, SIGBUS, BUS_ADRALN, 0);
    probe("lr.d misaligned", lr_misaligned, 4, SIGBUS, BUS_ADRALN, 0);

    got_sig = 0;
    volatile long zero = 0, minus1 = -1, big = INT64_MIN;
    volatile int izero = 0, iminus1 = -1, ibig = INT32_MIN;
    long q = 0;
    for (int i = 0; i < 100; i++)
        q += 7 / zero + 7 % zero + big / minus1 + big % minus1;
    printf("division: q=%ld int: %d %d %d %d sig=%d\n", q, 7 / izero,
           7 % izero, ibig / iminus1, ibig % iminus1, got_sig);
    unsigned long uq = 7ul / (unsigned long)zero;
    printf("unsigned division by zero: %lx\n", uq);
    return 0;
}
