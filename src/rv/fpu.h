/* RISC-V floating point (F and D) on the x86-64 host: every operation with
 * RISC-V's results and exception flags. Operands and results are raw
 * register bits; single-precision values are NaN-boxed in 64 bits (a single
 * operand that is not properly boxed reads as the canonical NaN, results are
 * boxed).
 *
 * rm is the instruction's rounding-mode field: 0..4, or 7 (dynamic, frm).
 * Callers check fpu_rm_ok first: an invalid mode is an illegal instruction.
 * Flags accrue into the hart (fpu_read_fflags is the only correct reader). */
#ifndef HART_RV_FPU_H
#define HART_RV_FPU_H

#include <stdbool.h>
#include <stdint.h>
#include "core/hart.h"

#define RV_CANONICAL_NAN_S 0x7fc00000u
#define RV_CANONICAL_NAN_D 0x7ff8000000000000ull

/* Puts the host FP environment in the state fpu functions expect for this
 * hart (rounding from frm, flags clear); call when a hart starts running on
 * a host thread. */
void fpu_init(struct hart *h);

/* fflags, frm and fcsr as the guest's CSR instructions see them. */
uint32_t fpu_read_fflags(struct hart *h);
void fpu_write_fflags(struct hart *h, uint32_t fflags);
void fpu_write_frm(struct hart *h, uint32_t frm);

/* True when rounding-mode field rm is usable now (static 0..4, or dynamic
 * with a valid frm). */
static inline bool fpu_rm_ok(const struct hart *h, int rm)
{
    return rm < 5 || (rm == 7 && h->frm < 5);
}

/* NaN-boxing. */
static inline uint64_t fpu_box_s(uint32_t bits)
{
    return 0xffffffff00000000ull | bits;
}
static inline uint32_t fpu_unbox_s(uint64_t reg)
{
    return (reg >> 32) == 0xffffffffu ? (uint32_t)reg : RV_CANONICAL_NAN_S;
}

/* fmv.x.w sign-extends bit 31; fmv.x.d and fmv.d.x move bits unchanged. */
static inline uint64_t fpu_fmv_x_w(uint64_t reg)
{
    return (uint64_t)(int64_t)(int32_t)(uint32_t)reg;
}
static inline uint64_t fpu_fmv_w_x(uint64_t x)
{
    return fpu_box_s((uint32_t)x);
}

/* One function per operation, named after its mnemonic. Comparisons and
 * conversions to integers return the integer register's value (conversions
 * to 32-bit integers sign-extend, as the W forms do). */
uint64_t fpu_fmadd_s(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fmsub_s(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fnmsub_s(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fnmadd_s(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fadd_s(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fsub_s(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fmul_s(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fdiv_s(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fsqrt_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fsgnj_s(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjn_s(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjx_s(uint64_t a, uint64_t b);
uint64_t fpu_fmin_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fmax_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_feq_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_flt_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fle_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fcvt_w_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_wu_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_l_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_lu_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_s_w(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_s_wu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_s_l(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_s_lu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fclass_s(uint64_t a);
uint64_t fpu_fmadd_d(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fmsub_d(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fnmsub_d(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fnmadd_d(struct hart *h, uint64_t a, uint64_t b, uint64_t c, int rm);
uint64_t fpu_fadd_d(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fsub_d(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fmul_d(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fdiv_d(struct hart *h, uint64_t a, uint64_t b, int rm);
uint64_t fpu_fsqrt_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fsgnj_d(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjn_d(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjx_d(uint64_t a, uint64_t b);
uint64_t fpu_fmin_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fmax_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_feq_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_flt_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fle_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fcvt_w_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_wu_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_l_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_lu_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_d_w(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_d_wu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_d_l(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_d_lu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fclass_d(uint64_t a);
uint64_t fpu_fcvt_s_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_d_s(struct hart *h, uint64_t a, int rm);

#endif
