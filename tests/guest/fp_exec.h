/* Executes one F/D operation of tests/unit/test_fpu_ops.h as the real
 * riscv64 instruction, with a static rounding mode (0..4) or the dynamic
 * one (7, frm set by the caller), and returns the destination register's
 * raw bits and the fflags it raised. FP operands are loaded with fmv.d.x,
 * so single operands keep whatever NaN-boxing the test gives them. */
#ifndef HART_FP_EXEC_H
#define HART_FP_EXEC_H

#include <stdint.h>
#include "../unit/test_fpu_ops.h"

#define FP_IN3 "fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tfmv.d.x ft2, %4\n\t"
#define FP_PRE "fsflags zero\n\t"
#define FP_POST "\n\tfrflags %1"
#define FP_OUTF "\n\tfmv.x.d %0, ft3"
#define FP_ARGS                                                                \
    : "=&r"(r), "=&r"(fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"

/* One asm statement per kind; rmn is the mode's name, rmi its number (for
 * .insn, where binutils refuses a mode on an exact conversion). */
#define FP_ASM_R3(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " ft3, ft0, ft1, ft2, " rmn FP_POST    \
                     FP_OUTF FP_ARGS)
#define FP_ASM_R2(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " ft3, ft0, ft1, " rmn FP_POST FP_OUTF \
                     FP_ARGS)
#define FP_ASM_R1(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " ft3, ft0, " rmn FP_POST FP_OUTF FP_ARGS)
#define FP_ASM_SG(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " ft3, ft0, ft1" FP_POST FP_OUTF FP_ARGS)
#define FP_ASM_MM FP_ASM_SG
#define FP_ASM_CMP(mn, rmn, rmi)                                               \
    __asm__ volatile(FP_IN3 FP_PRE mn " %0, ft0, ft1" FP_POST FP_ARGS)
#define FP_ASM_FX(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " %0, ft0, " rmn FP_POST FP_ARGS)
#define FP_ASM_XF(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " ft3, %2, " rmn FP_POST FP_OUTF FP_ARGS)
#define FP_ASM_CL(mn, rmn, rmi)                                                \
    __asm__ volatile(FP_IN3 FP_PRE mn " %0, ft0" FP_POST FP_ARGS)
/* OP-FP, funct7 0x69 (fcvt.d.w[u]: rs2 0 or 1) and 0x21 (fcvt.d.s). */
#define FP_ASM_INSN(enc, rmi)                                                  \
    __asm__ volatile(FP_IN3 FP_PRE ".insn r 0x53, " rmi ", " enc FP_POST       \
                     FP_OUTF FP_ARGS)

#define FP_EACH_RM(X, ...)                                                     \
    X(0, "rne", "0", __VA_ARGS__)                                              \
    X(1, "rtz", "1", __VA_ARGS__)                                              \
    X(2, "rdn", "2", __VA_ARGS__)                                              \
    X(3, "rup", "3", __VA_ARGS__)                                              \
    X(4, "rmm", "4", __VA_ARGS__)                                              \
    X(7, "dyn", "7", __VA_ARGS__)

#define FP_CASE_RM(i, rmn, rmi, name, mn, kind)                                \
    case T_##name * 8 + i:                                                     \
        FP_ASM_##kind(mn, rmn, rmi);                                           \
        break;
#define FP_CASE_INSN(i, rmn, rmi, name, enc)                                   \
    case T_##name * 8 + i:                                                     \
        FP_ASM_INSN(enc, rmi);                                                 \
        break;

static inline uint64_t fp_exec(int op, int rm, uint64_t a, uint64_t b,
                               uint64_t c, unsigned *flags)
{
    uint64_t r = 0, fl = 0;
    switch (op * 8 + rm) {
        FP_EACH_RM(FP_CASE_INSN, fcvt_d_w, "0x69, ft3, %2, x0")
        FP_EACH_RM(FP_CASE_INSN, fcvt_d_wu, "0x69, ft3, %2, x1")
        FP_EACH_RM(FP_CASE_INSN, fcvt_d_s, "0x21, ft3, ft0, x0")
#define X(name, mn, kind) FP_X_##kind(name, mn, kind)
#define FP_X_R3(name, mn, kind) FP_EACH_RM(FP_CASE_RM, name, mn, kind)
#define FP_X_R2 FP_X_R3
#define FP_X_FX FP_X_R3
        /* R1 and XF include the .insn ops, listed separately above */
#define FP_X_R1(name, mn, kind) FP_X_ONE_##name(name, mn, kind)
#define FP_X_XF FP_X_R1
#define FP_X_SG(name, mn, kind) FP_CASE_RM(0, "", "", name, mn, kind)
#define FP_X_MM FP_X_SG
#define FP_X_CMP FP_X_SG
#define FP_X_CL FP_X_SG
#define FP_X_ONE_fsqrt_s FP_X_R3
#define FP_X_ONE_fsqrt_d FP_X_R3
#define FP_X_ONE_fcvt_s_d FP_X_R3
#define FP_X_ONE_fcvt_s_w FP_X_R3
#define FP_X_ONE_fcvt_s_wu FP_X_R3
#define FP_X_ONE_fcvt_s_l FP_X_R3
#define FP_X_ONE_fcvt_s_lu FP_X_R3
#define FP_X_ONE_fcvt_d_l FP_X_R3
#define FP_X_ONE_fcvt_d_lu FP_X_R3
#define FP_X_ONE_fcvt_d_w(name, mn, kind)
#define FP_X_ONE_fcvt_d_wu(name, mn, kind)
#define FP_X_ONE_fcvt_d_s(name, mn, kind)
        FPU_TEST_OPS(X)
#undef X
    default:
        break;
    }
    *flags = (unsigned)fl;
    return r;
}

static inline void fp_set_frm(int frm)
{
    __asm__ volatile("fsrm %0" : : "r"(frm));
}

#endif
