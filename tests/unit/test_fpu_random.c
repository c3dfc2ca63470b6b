/* Random tests of src/rv/fpu*.c against two independent references:
 * qemu-riscv64's softfloat, through hashes of the same random operations
 * (tests/guest/fp_random.c computed them; test_fpu_golden.h holds them),
 * and fpu_soft_op, the integer implementation, against the host-instruction
 * paths in the four modes x86 has (and the RMM path against it in RMM,
 * which also checks that RMM's flags are RNE's, as fpu.c assumes). */
#include <stdio.h>
#include <string.h>
#include "rv/fpu.h"
#include "test.h"
#include "test_fpu_golden.h"
#include "test_fpu_run.h"

static uint64_t hash_ops(int op, int rm, bool dynamic)
{
    struct hart h = {0};
    h.frm = dynamic ? (uint32_t)rm : (uint32_t)(rm + 1) % 5;
    fpu_init(&h);
    uint64_t s = fpu_test_seed(op), hash = FPU_TEST_HASH_INIT;
    for (int i = 0; i < FPU_TEST_RANDOM_N; i++) {
        uint64_t a, b, c;
        fpu_test_operands(op, &s, &a, &b, &c);
        fpu_write_fflags(&h, 0);
        uint64_t r = fpu_test_run(&h, op, dynamic ? RV_DYN : rm, a, b, c);
        hash = fpu_test_hash(hash, r, fpu_read_fflags(&h));
    }
    return hash;
}

TEST(fpu_random_vs_qemu)
{
    unsigned n = sizeof fpu_golden / sizeof fpu_golden[0], expected = 0;
    for (int op = 0; op < T_COUNT; op++)
        expected += fpu_test_has_rm[op] ? 5 : 1;
    CHECK_EQ(n, expected); /* every operation and mode has its hash */
    for (unsigned i = 0; i < n; i++) {
        const struct fpu_golden *g = &fpu_golden[i];
        int op = 0;
        while (op < T_COUNT && strcmp(fpu_test_names[op], g->op))
            op++;
        if (op == T_COUNT) {
            printf("  unknown operation %s\n", g->op);
            test_failures++;
            continue;
        }
        uint64_t st = hash_ops(op, g->rm, false);
        uint64_t dy = fpu_test_has_rm[op] ? hash_ops(op, g->rm, true) : st;
        if ((st != g->hash || dy != g->hash) && test_failures++ < 10) {
            printf("  %s mode %d: static %016llx dynamic %016llx, qemu %016llx"
                   " (compare with: qemu-riscv64 o/guest/fp_random %s %d)\n",
                   g->op, g->rm, (unsigned long long)st,
                   (unsigned long long)dy, (unsigned long long)g->hash, g->op,
                   g->rm);
        }
    }
}

/* Operations with a software twin: the op, its fpu_op, whether its result
 * is single, and the signs the fused forms apply to a and c. */
static const struct {
    int op;
    enum fpu_op soft;
    bool single;
    uint64_t neg_a, neg_c;
} twins[] = {
    {T_fadd_s, FPU_ADD, true, 0, 0},
    {T_fsub_s, FPU_SUB, true, 0, 0},
    {T_fmul_s, FPU_MUL, true, 0, 0},
    {T_fdiv_s, FPU_DIV, true, 0, 0},
    {T_fsqrt_s, FPU_SQRT, true, 0, 0},
    {T_fmadd_s, FPU_FMA, true, 0, 0},
    {T_fmsub_s, FPU_FMA, true, 0, FPU_SIGN_S},
    {T_fnmsub_s, FPU_FMA, true, FPU_SIGN_S, 0},
    {T_fnmadd_s, FPU_FMA, true, FPU_SIGN_S, FPU_SIGN_S},
    {T_fadd_d, FPU_ADD, false, 0, 0},
    {T_fsub_d, FPU_SUB, false, 0, 0},
    {T_fmul_d, FPU_MUL, false, 0, 0},
    {T_fdiv_d, FPU_DIV, false, 0, 0},
    {T_fsqrt_d, FPU_SQRT, false, 0, 0},
    {T_fmadd_d, FPU_FMA, false, 0, 0},
    {T_fmsub_d, FPU_FMA, false, 0, FPU_SIGN_D},
    {T_fnmsub_d, FPU_FMA, false, FPU_SIGN_D, 0},
    {T_fnmadd_d, FPU_FMA, false, FPU_SIGN_D, FPU_SIGN_D},
    {T_fcvt_s_d, FPU_CVT_SD, true, 0, 0},
    {T_fcvt_s_w, FPU_CVT_FROM_I32, true, 0, 0},
    {T_fcvt_s_wu, FPU_CVT_FROM_U32, true, 0, 0},
    {T_fcvt_s_l, FPU_CVT_FROM_I64, true, 0, 0},
    {T_fcvt_s_lu, FPU_CVT_FROM_U64, true, 0, 0},
    {T_fcvt_d_l, FPU_CVT_FROM_I64, false, 0, 0},
    {T_fcvt_d_lu, FPU_CVT_FROM_U64, false, 0, 0},
};

static bool finite_operand(uint64_t x, bool single)
{
    if (single)
        return (x >> 32) == 0xffffffffu && (x & 0x7f800000u) != 0x7f800000u;
    return (x & 0x7ff0000000000000ull) != 0x7ff0000000000000ull;
}

TEST(fpu_soft_matches_host)
{
    unsigned bad = 0, compared = 0;
    for (unsigned t = 0; t < sizeof twins / sizeof twins[0]; t++) {
        int op = twins[t].op;
        bool from_int = twins[t].soft >= FPU_CVT_FROM_I32;
        bool in_single = fpu_test_single_operands(op);
        for (int mode = 0; mode < 5; mode++) {
            uint64_t s = fpu_test_seed(op) ^ 0x5deece66dull;
            struct hart h = {0};
            h.frm = mode == RV_RMM ? RV_RNE : (uint32_t)mode;
            fpu_init(&h);
            for (int i = 0; i < 3000; i++) {
                uint64_t a, b, c;
                fpu_test_operands(op, &s, &a, &b, &c);
                if (!from_int &&
                    (!finite_operand(a, in_single) ||
                     !finite_operand(b, in_single) ||
                     !finite_operand(c, in_single)))
                    continue;
                fpu_write_fflags(&h, 0);
                uint64_t hr = fpu_test_run(&h, op, mode, a, b, c);
                uint32_t hf = fpu_read_fflags(&h);
                uint32_t sf = 0;
                uint64_t mask = in_single && !from_int ? 0xffffffffull : ~0ull;
                uint64_t sr = fpu_soft_op(twins[t].soft, twins[t].single,
                                          (a & mask) ^ twins[t].neg_a,
                                          b & mask, (c & mask) ^ twins[t].neg_c,
                                          mode, &sf);
                if (twins[t].single)
                    sr = fpu_box_s((uint32_t)sr);
                compared++;
                if (hr != sr || hf != sf) {
                    if (bad++ < 10)
                        printf("  %s mode %d a=%016llx b=%016llx c=%016llx: "
                               "host %016llx/%02x soft %016llx/%02x\n",
                               fpu_test_names[op], mode, (unsigned long long)a,
                               (unsigned long long)b, (unsigned long long)c,
                               (unsigned long long)hr, hf,
                               (unsigned long long)sr, sf);
                }
            }
        }
    }
    CHECK_EQ(bad, 0);
    CHECK(compared > 200000);
}
