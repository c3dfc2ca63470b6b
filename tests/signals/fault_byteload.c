/* A doubleword read byte by byte, as gcc does for a possibly misaligned
 * one, faults where its byte loads do: translated code reads the eight
 * bytes with one load (jit/byteload.c), and when that faults the bytes
 * are read again one by one. load8 below is gcc's sequence (zstd's
 * MEM_readLE64), its byte loads at offsets 1, 0, 2, 3, ..., 7 in that
 * order, after setting t4, t5 and a4 to 0x44, 0x55, 0x66. Its bytes end 3
 * bytes, then 0 bytes, before a PROT_NONE page: the fault must be at the
 * byte load of offset 3 with the three bytes before it loaded into t4, t5
 * and a4 (and at the first byte load, of offset 1, with nothing loaded, in
 * the second case); an address far outside any guest space faults at that
 * first byte load too. load4be, a big-endian word with its partial values
 * live, ends 2 bytes before the page: the fault is at
 * its byte load of offset 2, with t4 and t5 holding the first two bytes.
 * The handler records the fault and returns past the call. Before, both
 * run often enough to be translated. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

uint64_t load8(const unsigned char *p);
extern const char load8_first[], load8_byte3[];
__asm__(".text\n"
        ".globl load8\n"
        "load8:\n"
        "    li t4, 0x44\n"
        "    li t5, 0x55\n"
        "    li a4, 0x66\n"
        ".globl load8_first\n"
        "load8_first:\n"
        "    lbu t4, 1(a0)\n"
        "    lbu t5, 0(a0)\n"
        "    lbu a4, 2(a0)\n"
        ".globl load8_byte3\n"
        "load8_byte3:\n"
        "    lbu t0, 3(a0)\n"
        "    lbu t6, 4(a0)\n"
        "    slli t4, t4, 8\n"
        "    or t4, t4, t5\n"
        "    slli a4, a4, 16\n"
        "    lbu t5, 5(a0)\n"
        "    or a4, a4, t4\n"
        "    slli t0, t0, 24\n"
        "    lbu t4, 6(a0)\n"
        "    or t0, t0, a4\n"
        "    slli t6, t6, 32\n"
        "    lbu a4, 7(a0)\n"
        "    or t6, t6, t0\n"
        "    slli t5, t5, 40\n"
        "    or t5, t5, t6\n"
        "    slli t4, t4, 48\n"
        "    or t4, t4, t5\n"
        "    slli a4, a4, 56\n"
        "    or a0, a4, t4\n"
        "    li t0, 0\n"
        "    li t4, 0\n"
        "    li t5, 0\n"
        "    li t6, 0\n"
        "    li a4, 0\n"
        "    ret\n");

/* A big-endian word as p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3] on
 * uint32_t compiles to: byte loads at offsets 0..3 in order, slliw, and
 * the partial values still live after. */
uint64_t load4be(const unsigned char *p);
extern const char load4be_byte2[];
__asm__(".text\n"
        ".globl load4be\n"
        "load4be:\n"
        "    li t4, 0x44\n"
        "    li t5, 0x55\n"
        "    li a4, 0x66\n"
        "    lbu t4, 0(a0)\n"
        "    lbu t5, 1(a0)\n"
        ".globl load4be_byte2\n"
        "load4be_byte2:\n"
        "    lbu a4, 2(a0)\n"
        "    lbu a5, 3(a0)\n"
        "    slliw t4, t4, 24\n"
        "    slliw t5, t5, 16\n"
        "    or t4, t4, t5\n"
        "    slliw a4, a4, 8\n"
        "    or t4, t4, a4\n"
        "    or a0, t4, a5\n"
        "    ret\n");

static sigjmp_buf back;
static volatile uint64_t fault_addr, fault_pc, t4, t5, a4;

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    fault_addr = (uint64_t)si->si_addr;
    fault_pc = uc->uc_mcontext.__gregs[REG_PC];
    t4 = uc->uc_mcontext.__gregs[29];
    t5 = uc->uc_mcontext.__gregs[30];
    a4 = uc->uc_mcontext.__gregs[14];
    siglongjmp(back, 1);
}

static void probe(const char *what, const unsigned char *p, bool big)
{
    fault_addr = fault_pc = t4 = t5 = a4 = 0;
    if (sigsetjmp(back, 1) == 0) {
        uint64_t v = big ? load4be(p) : load8(p);
        printf("%s: no fault, %016llx\n", what, (unsigned long long)v);
        return;
    }
    printf("%s: fault at p%+lld, pc %s, t4 %llx t5 %llx a4 %llx\n", what,
           (long long)(fault_addr - (uint64_t)p),
           fault_pc == (uint64_t)load8_byte3 ? "at byte 3"
           : fault_pc == (uint64_t)load8_first ? "at the first byte load"
           : fault_pc == (uint64_t)load4be_byte2 ? "at byte 2"
                                               : "elsewhere",
           (unsigned long long)t4, (unsigned long long)t5,
           (unsigned long long)a4);
}

int main(void)
{
    unsigned char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + 4096, 4096, PROT_NONE) != 0)
        return 1;
    for (int i = 0; i < 4096; i++)
        m[i] = (unsigned char)(i * 7 + 1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    uint64_t sum = 0;
    for (int i = 0; i < 1000; i++)
        sum += load8(m + i % 4000) + load4be(m + i % 4000);
    printf("sum %016llx\n", (unsigned long long)sum);
    probe("misaligned", m + 4093 - 3000, false);
    probe("3 bytes before the page", m + 4093, false);
    probe("at the page", m + 4096, false);
    probe("far outside", (const unsigned char *)0x4000000000000000ull, false);
    probe("big-endian, misaligned", m + 4094 - 3000, true);
    probe("big-endian, 2 bytes before the page", m + 4094, true);
    return 0;
}
