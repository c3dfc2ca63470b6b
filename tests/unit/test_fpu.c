/* src/rv/fpu*.c against the hand-derived table of test_fpu_cases.h: every
 * case in its static mode with frm set elsewhere (the slow path), with frm
 * equal (the fast path when the host has the mode) and as a dynamic-mode
 * instruction; result bits and exact fflags each time, and no host state
 * left behind (stray MXCSR flags, a rounding control out of step with
 * frm). Also the CSR accessors and host signal handling. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include "rv/fpu.h"
#include "test.h"
#include "test_fpu_cases.h"
#include "test_fpu_run.h"

/* Runs one case; returns true when result and flags match. */
static bool run_case(const struct fpu_case *k, int rm, uint32_t frm,
                     const char *how)
{
    struct hart h = {0};
    h.frm = frm;
    fpu_init(&h);
    uint64_t r = fpu_test_run(&h, k->op, rm, k->a, k->b, k->c);
    uint32_t mx = fpu_test_mxcsr();
    uint32_t fl = fpu_read_fflags(&h);
    bool ok = r == k->want && fl == k->flags;
    if (!ok)
        printf("  %s rm=%d (%s, frm %u) a=%016llx b=%016llx c=%016llx: "
               "got %016llx/%02x want %016llx/%02x\n",
               fpu_test_names[k->op], k->rm, how, (unsigned)frm,
               (unsigned long long)k->a, (unsigned long long)k->b,
               (unsigned long long)k->c, (unsigned long long)r, fl,
               (unsigned long long)k->want, k->flags);
    /* The rounding control still mirrors frm, and operations that compute
     * their flags explicitly raised nothing on the host. */
    if ((mx & 0x6000) != fpu_test_mx_rc(frm)) {
        printf("  %s rm=%d (%s): MXCSR rounding %04x after the op, frm %u\n",
               fpu_test_names[k->op], k->rm, how, mx & 0x6000, (unsigned)frm);
        ok = false;
    }
    if (!fpu_test_uses_host_flags(k->op) && (mx & 0x3f)) {
        printf("  %s: stray host flags %02x\n", fpu_test_names[k->op],
               mx & 0x3f);
        ok = false;
    }
    return ok;
}

TEST(fpu_cases_table)
{
    unsigned bad = 0;
    for (unsigned i = 0; i < FPU_CASE_COUNT; i++) {
        const struct fpu_case *k = &fpu_cases[i];
        if (!fpu_test_has_rm[k->op]) {
            bad += !run_case(k, 0, 0, "no rm");
            bad += !run_case(k, 0, 3, "no rm");
            continue;
        }
        bad += !run_case(k, k->rm, (k->rm + 1) % 5, "static");
        bad += !run_case(k, k->rm, k->rm, "static = frm");
        bad += !run_case(k, RV_DYN, k->rm, "dynamic");
    }
    CHECK_EQ(bad, 0);
    CHECK(FPU_CASE_COUNT > 500);
}

/* The libm fallback for hosts without FMA3 gives the same answers. */
TEST(fpu_cases_without_fma3)
{
    bool had = fpu_host_has_fma;
    unsigned bad = 0;
    for (unsigned i = 0; i < FPU_CASE_COUNT; i++) {
        const struct fpu_case *k = &fpu_cases[i];
        if (k->op != T_fmadd_d && k->op != T_fmadd_s && k->op != T_fnmadd_d &&
            k->op != T_fmsub_s && k->op != T_fmsub_d && k->op != T_fnmsub_d)
            continue;
        struct hart h = {0};
        h.frm = k->rm;
        fpu_init(&h);
        fpu_host_has_fma = false;
        uint64_t r = fpu_test_run(&h, k->op, RV_DYN, k->a, k->b, k->c);
        uint32_t fl = fpu_read_fflags(&h);
        fpu_host_has_fma = had;
        if (r != k->want || fl != k->flags) {
            printf("  %s rm=%d without FMA3: got %016llx/%02x\n",
                   fpu_test_names[k->op], k->rm, (unsigned long long)r, fl);
            bad++;
        }
    }
    CHECK_EQ(bad, 0);
}

/* fflags and frm as the CSRs see them: host flags fold in (DE ignored),
 * writes clear or replace, frm drives the host rounding. */
TEST(fpu_csr_access)
{
    struct hart h = {0};
    fpu_init(&h);
    CHECK_EQ(fpu_read_fflags(&h), 0);
    fpu_fdiv_d(&h, D1, D0, RV_DYN);
    CHECK_EQ(fpu_read_fflags(&h), DZ);
    CHECK_EQ(fpu_test_mxcsr() & 0x3f, 0); /* folded and cleared */
    fpu_fadd_d(&h, D1, DE53, RV_DYN);
    CHECK_EQ(fpu_read_fflags(&h), DZ | NX); /* accrues */
    fpu_write_fflags(&h, 0);
    CHECK_EQ(fpu_read_fflags(&h), 0);
    fpu_fmul_d(&h, DMAX, D2, RV_DYN);
    fpu_write_fflags(&h, UF); /* a write discards pending host flags */
    CHECK_EQ(fpu_read_fflags(&h), UF);
    fpu_write_fflags(&h, 0xff);
    CHECK_EQ(fpu_read_fflags(&h), 0x1f);
    fpu_write_fflags(&h, 0);
    fpu_fadd_d(&h, DMIN, DMINSUB, RV_DYN); /* denormal operand: DE only */
    CHECK_EQ(fpu_read_fflags(&h), 0);

    fpu_write_frm(&h, RV_RUP);
    CHECK_EQ(h.frm, RV_RUP);
    CHECK_EQ(fpu_test_mxcsr() & 0x6000, 0x4000);
    CHECK_EQ(fpu_fadd_d(&h, D1, DE53, RV_DYN), D1U);
    fpu_write_frm(&h, RV_RTZ);
    CHECK_EQ(fpu_test_mxcsr() & 0x6000, 0x6000);
    fpu_write_frm(&h, RV_RDN);
    CHECK_EQ(fpu_test_mxcsr() & 0x6000, 0x2000);
    CHECK_EQ(fpu_fadd_d(&h, D1, DN1, RV_DYN), DN0);
    fpu_write_frm(&h, RV_RMM);
    CHECK_EQ(fpu_fadd_d(&h, D1, DE53, RV_DYN), D1U);
    fpu_write_frm(&h, RV_RNE);
    CHECK_EQ(fpu_test_mxcsr() & 0x6000, 0);
    CHECK_EQ(fpu_fadd_d(&h, D1, DE53, RV_DYN), D1);

    /* fpu_init: masks all, flags clear, FTZ and DAZ off, RC from frm */
    h.frm = RV_RTZ;
    fpu_init(&h);
    CHECK_EQ(fpu_test_mxcsr(), 0x1f80 | 0x6000);
    /* subnormal results and operands survive (no FTZ/DAZ) */
    CHECK_EQ(fpu_fmul_d(&h, DMIN, DH, RV_DYN), 0x0008000000000000ull);
    CHECK_EQ(fpu_fadd_d(&h, DMINSUB, D0, RV_DYN), DMINSUB);

    CHECK(fpu_rm_ok(&h, 0) && fpu_rm_ok(&h, 4) && !fpu_rm_ok(&h, 5));
    CHECK(!fpu_rm_ok(&h, 6) && fpu_rm_ok(&h, 7));
    h.frm = 5;
    CHECK(!fpu_rm_ok(&h, 7) && fpu_rm_ok(&h, 1));
    h.frm = 7;
    CHECK(!fpu_rm_ok(&h, 7));
}

TEST(fpu_moves_and_boxing)
{
    CHECK_EQ(fpu_fmv_x_w(B(0x80000000u)), 0xffffffff80000000ull);
    CHECK_EQ(fpu_fmv_x_w(0x123456787f800000ull), 0x7f800000);
    CHECK_EQ(fpu_fmv_w_x(0xabcdef0012345678ull), B(0x12345678u));
    CHECK_EQ(fpu_unbox_s(B(0x3f800000u)), 0x3f800000);
    CHECK_EQ(fpu_unbox_s(0x7fffffff3f800000ull), RV_CANONICAL_NAN_S);
    CHECK_EQ(fpu_box_s(1), 0xffffffff00000001ull);
}

/* A guest memory fault: the host handler runs with a fresh MXCSR and
 * leaves by siglongjmp; fpu_host_signal keeps the flags accrued lazily
 * before the fault and puts frm's rounding back. */
static sigjmp_buf fault_env;
static struct hart *fault_hart;
static uint32_t fault_handler_mxcsr;
static void fault_handler(int sig, siginfo_t *info, void *uc)
{
    (void)sig, (void)info;
    fault_handler_mxcsr = fpu_test_mxcsr();
    fpu_host_signal(fault_hart, uc);
    siglongjmp(fault_env, 1);
}

TEST(fpu_host_signal_keeps_state)
{
    struct sigaction sa = {0}, old;
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, &old);
    volatile char *page = mmap(NULL, 4096, PROT_NONE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(page != MAP_FAILED);
    struct hart h = {0};
    h.frm = RV_RUP;
    fpu_init(&h);
    fault_hart = &h;
    fpu_fadd_d(&h, D1, DE53, RV_DYN); /* NX, pending in MXCSR */
    if (!sigsetjmp(fault_env, 1))
        *page = 1;
    sigaction(SIGSEGV, &old, NULL);
    munmap((void *)page, 4096);
    CHECK_EQ(fault_handler_mxcsr & 0x6000, 0); /* what the kernel gave it */
    CHECK_EQ(fpu_test_mxcsr() & 0x6000, 0x4000); /* RUP again */
    CHECK_EQ(fpu_read_fflags(&h), NX);
    CHECK_EQ(fpu_fadd_d(&h, D1, DE53, RV_DYN), D1U);
}
