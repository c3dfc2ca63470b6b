/* Runs the operations of test_fpu_ops.h through src/rv/fpu.h, for the FP
 * unit tests. */
#ifndef HART_TEST_FPU_RUN_H
#define HART_TEST_FPU_RUN_H

#include "rv/fpu.h"
#include "test_fpu_ops.h"

#define FPU_TEST_CALL_R3(n) fpu_##n(h, a, b, c, rm)
#define FPU_TEST_CALL_R2(n) fpu_##n(h, a, b, rm)
#define FPU_TEST_CALL_R1(n) fpu_##n(h, a, rm)
#define FPU_TEST_CALL_FX(n) fpu_##n(h, a, rm)
#define FPU_TEST_CALL_XF(n) fpu_##n(h, a, rm)
#define FPU_TEST_CALL_SG(n) fpu_##n(a, b)
#define FPU_TEST_CALL_MM(n) fpu_##n(h, a, b)
#define FPU_TEST_CALL_CMP(n) fpu_##n(h, a, b)
#define FPU_TEST_CALL_CL(n) fpu_##n(a)

static inline uint64_t fpu_test_run(struct hart *h, int op, int rm, uint64_t a,
                                    uint64_t b, uint64_t c)
{
    (void)b, (void)c;
    switch (op) {
#define X(name, mnem, kind)                                                    \
    case T_##name:                                                             \
        return FPU_TEST_CALL_##kind(name);
        FPU_TEST_OPS(X)
#undef X
    }
    return 0xdeadbeef;
}

/* Whether the operation leaves its flags in MXCSR (the others must not
 * touch the host flags at all). */
static inline bool fpu_test_uses_host_flags(int op)
{
    switch (op) {
#define X(name, mnem, kind)                                                    \
    case T_##name:                                                             \
        return FPU_TEST_HOSTFL_##kind;
#define FPU_TEST_HOSTFL_R3 1
#define FPU_TEST_HOSTFL_R2 1
#define FPU_TEST_HOSTFL_R1 1
#define FPU_TEST_HOSTFL_XF 1
#define FPU_TEST_HOSTFL_FX 1
#define FPU_TEST_HOSTFL_SG 0
#define FPU_TEST_HOSTFL_MM 0
#define FPU_TEST_HOSTFL_CMP 0
#define FPU_TEST_HOSTFL_CL 0
        FPU_TEST_OPS(X)
#undef X
    }
    return true;
}

static inline uint32_t fpu_test_mxcsr(void)
{
    uint32_t m;
    __asm__ volatile("stmxcsr %0" : "=m"(m));
    return m;
}

/* The MXCSR rounding control that should mirror frm. */
static inline uint32_t fpu_test_mx_rc(uint32_t frm)
{
    return frm == RV_RTZ ? 0x6000 : frm == RV_RDN ? 0x2000
         : frm == RV_RUP ? 0x4000 : 0;
}

#endif
