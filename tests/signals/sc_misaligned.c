/* sc.w and sc.d on a misaligned address raise SIGBUS (BUS_ADRALN, si_addr
 * the address), whether or not a reservation is held: the ISA requires an
 * address-misaligned (or access-fault) exception for LR/SC, and Linux
 * does not emulate misaligned atomics. qemu-riscv64 7.2 instead lets the
 * SC fail quietly when no reservation matches. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile int got_sig, got_code;
static volatile uintptr_t got_addr;

static void on_bus(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    uc->uc_mcontext.__gregs[REG_PC] += 4;
}

static char buf[64] __attribute__((aligned(16)));

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    int ok_w = 0, ok_d = 0, ok_held = 0;
    for (int i = 0; i < 100; i++) {
        long r = 7;
        got_sig = 0;
        __asm__ volatile("sc.w %0, %2, (%1)" : "+r"(r) : "r"(buf + 2), "r"(1L)
                         : "memory");
        ok_w += got_sig == SIGBUS && got_code == BUS_ADRALN &&
                got_addr == (uintptr_t)(buf + 2) && r == 7;
        got_sig = 0;
        __asm__ volatile("sc.d %0, %2, (%1)" : "+r"(r) : "r"(buf + 4), "r"(1L)
                         : "memory");
        ok_d += got_sig == SIGBUS && got_addr == (uintptr_t)(buf + 4);
        /* With a reservation held on the aligned word before it. */
        got_sig = 0;
        long v;
        __asm__ volatile("lr.d %0, (%1)\n\tsc.d %0, %3, (%2)"
                         : "=&r"(v) : "r"(buf), "r"(buf + 1), "r"(1L)
                         : "memory");
        ok_held += got_sig == SIGBUS && got_addr == (uintptr_t)(buf + 1);
    }
    printf("sc.w: %d/100 sc.d: %d/100 after lr: %d/100\n", ok_w, ok_d, ok_held);
    return 0;
}
