/* The host FP environment as guest state (see the design note in fpu.h):
 * MXCSR set-up, fflags/frm access, and the slow paths of arithmetic for
 * rounding modes the host is not in. A static mode other than frm runs the
 * host instruction with MXCSR switched around it; RMM runs it in RNE (whose
 * flags are RMM's: the two modes differ only on exact ties, which are
 * inexact either way and never move a result across the overflow or
 * tininess thresholds) and takes the value from the exact software path
 * when the host reports it inexact. */
#include "rv/fpu.h"
#include <ucontext.h>

bool fpu_host_has_fma;

/* Before main, so that harts starting on several threads only read it. */
__attribute__((constructor)) static void fpu_detect(void)
{
    __builtin_cpu_init();
    fpu_host_has_fma = __builtin_cpu_supports("fma");
}

/* MXCSR fields. */
enum {
    MX_IE = 0x01, MX_DE = 0x02, MX_ZE = 0x04, MX_OE = 0x08, MX_UE = 0x10,
    MX_PE = 0x20, MX_FLAGS = 0x3f, MX_DAZ = 0x40, MX_MASKS = 0x1f80,
    MX_RC = 0x6000, MX_FTZ = 0x8000,
};

static inline uint32_t mx_get(void)
{
    uint32_t m;
    __asm__ volatile("stmxcsr %0" : "=m"(m));
    return m;
}
static inline void mx_set(uint32_t m)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(m));
}

/* MXCSR rounding control for a RISC-V mode; RNE for RMM, whose paths
 * start from the RNE result, and for the invalid modes, which never
 * reach an operation. */
static uint32_t mx_rc(uint32_t rvmode)
{
    switch (rvmode) {
    case RV_RTZ: return 0x6000;
    case RV_RDN: return 0x2000;
    case RV_RUP: return 0x4000;
    default: return 0;
    }
}

/* RISC-V fflags for MXCSR flags; DE (denormal operand) has no
 * counterpart. */
static uint32_t mx_fflags(uint32_t m)
{
    return (m & MX_IE ? RV_NV : 0) | (m & MX_ZE ? RV_DZ : 0) |
           (m & MX_OE ? RV_OF : 0) | (m & MX_UE ? RV_UF : 0) |
           (m & MX_PE ? RV_NX : 0);
}

uint32_t fpu_mxcsr_fflags(uint32_t mxcsr)
{
    return mx_fflags(mxcsr);
}

void fpu_init(struct hart *h)
{
    mx_set(MX_MASKS | mx_rc(h->frm));
}

void fpu_host_signal(struct hart *h, const void *ucontext)
{
    const ucontext_t *uc = ucontext;
    if (uc && uc->uc_mcontext.fpregs)
        h->fflags |= mx_fflags(uc->uc_mcontext.fpregs->mxcsr);
    fpu_init(h);
}

uint32_t fpu_read_fflags(struct hart *h)
{
    uint32_t m = mx_get();
    if (m & MX_FLAGS) {
        h->fflags |= mx_fflags(m);
        mx_set(m & ~MX_FLAGS);
    }
    return h->fflags;
}

void fpu_write_fflags(struct hart *h, uint32_t fflags)
{
    h->fflags = fflags & 0x1f;
    mx_set(mx_get() & ~MX_FLAGS);
}

void fpu_write_frm(struct hart *h, uint32_t frm)
{
    h->frm = frm & 7;
    mx_set((mx_get() & ~MX_RC) | mx_rc(h->frm));
}

static bool is_inf_zero(uint64_t a, uint64_t b, bool single)
{
    uint64_t mag = single ? 0x7fffffffull : ~(1ull << 63);
    uint64_t inf = single ? 0x7f800000ull : 0x7ff0000000000000ull;
    a &= mag;
    b &= mag;
    return (a == inf && b == 0) || (a == 0 && b == inf);
}

uint64_t fpu_fma_nan(struct hart *h, uint64_t a, uint64_t b, uint64_t c,
                     bool single)
{
    (void)c; /* NV whatever the addend is, even a quiet NaN */
    if (is_inf_zero(a, b, single))
        h->fflags |= RV_NV;
    return single ? fpu_box_s(RV_CANONICAL_NAN_S) : RV_CANONICAL_NAN_D;
}

/* The host instruction for op, in the current MXCSR mode. */
static uint64_t host_op_d(enum fpu_op op, uint64_t a, uint64_t b, uint64_t c)
{
    double x = fpu_d(a), y = fpu_d(b);
    switch (op) {
    case FPU_ADD: return fpu_bits_d(fpu_host_add_d(x, y));
    case FPU_SUB: return fpu_bits_d(fpu_host_sub_d(x, y));
    case FPU_MUL: return fpu_bits_d(fpu_host_mul_d(x, y));
    case FPU_DIV: return fpu_bits_d(fpu_host_div_d(x, y));
    case FPU_SQRT: return fpu_bits_d(fpu_host_sqrt_d(x));
    case FPU_FMA: return fpu_bits_d(fpu_host_fma_d(x, y, fpu_d(c)));
    case FPU_CVT_FROM_I64: return fpu_bits_d(fpu_host_cvt_d_i64(a));
    case FPU_CVT_FROM_U64: return fpu_bits_d(fpu_host_cvt_d_u64(a));
    default: /* the other conversions to double are exact: no slow path */
        return RV_CANONICAL_NAN_D;
    }
}

static uint32_t host_op_s(enum fpu_op op, uint64_t a, uint32_t b, uint32_t c)
{
    float x = fpu_f((uint32_t)a), y = fpu_f(b);
    switch (op) {
    case FPU_ADD: return fpu_bits_f(fpu_host_add_s(x, y));
    case FPU_SUB: return fpu_bits_f(fpu_host_sub_s(x, y));
    case FPU_MUL: return fpu_bits_f(fpu_host_mul_s(x, y));
    case FPU_DIV: return fpu_bits_f(fpu_host_div_s(x, y));
    case FPU_SQRT: return fpu_bits_f(fpu_host_sqrt_s(x));
    case FPU_FMA: return fpu_bits_f(fpu_host_fma_s(x, y, fpu_f(c)));
    case FPU_CVT_SD: return fpu_bits_f(fpu_host_cvt_s_d(fpu_d(a)));
    case FPU_CVT_FROM_I32: return fpu_bits_f(fpu_host_cvt_s_i64((int32_t)a));
    case FPU_CVT_FROM_U32: return fpu_bits_f(fpu_host_cvt_s_i64((uint32_t)a));
    case FPU_CVT_FROM_I64: return fpu_bits_f(fpu_host_cvt_s_i64(a));
    case FPU_CVT_FROM_U64: return fpu_bits_f(fpu_host_cvt_s_u64(a));
    default:
        return RV_CANONICAL_NAN_S;
    }
}

/* Square roots are never exactly halfway between two floating-point
 * numbers (the square of a (p+1)-bit odd significand has more than p
 * bits), so RMM's square root is RNE's. */
static bool rmm_needs_soft(enum fpu_op op, uint32_t mx)
{
    return (mx & MX_PE) && op != FPU_SQRT;
}

uint64_t fpu_slow_d(struct hart *h, enum fpu_op op, uint64_t a, uint64_t b,
                    uint64_t c, int rm)
{
    uint32_t mode = rm == RV_DYN ? h->frm : (uint32_t)rm;
    uint32_t old = mx_get();
    uint64_t r;
    if (mode == RV_RMM) {
        mx_set(old & ~(MX_RC | MX_FLAGS));
        r = host_op_d(op, a, b, c);
        uint32_t flags = mx_get() & MX_FLAGS;
        mx_set(old | flags);
        if (rmm_needs_soft(op, flags)) {
            uint32_t ignored = 0;
            r = fpu_soft_op(op, false, a, b, c, RV_RMM, &ignored);
        }
    } else {
        mx_set((old & ~MX_RC) | mx_rc(mode));
        r = host_op_d(op, a, b, c);
        mx_set((mx_get() & ~MX_RC) | (old & MX_RC));
    }
    if (fpu_isnan_d(r))
        return op == FPU_FMA ? fpu_fma_nan(h, a, b, c, false)
                             : RV_CANONICAL_NAN_D;
    return r;
}

uint64_t fpu_slow_s(struct hart *h, enum fpu_op op, uint64_t a, uint32_t b,
                    uint32_t c, int rm)
{
    uint32_t mode = rm == RV_DYN ? h->frm : (uint32_t)rm;
    uint32_t old = mx_get();
    uint32_t r;
    if (mode == RV_RMM) {
        mx_set(old & ~(MX_RC | MX_FLAGS));
        r = host_op_s(op, a, b, c);
        uint32_t flags = mx_get() & MX_FLAGS;
        mx_set(old | flags);
        if (rmm_needs_soft(op, flags)) {
            uint32_t ignored = 0;
            r = (uint32_t)fpu_soft_op(op, true, a, b, c, RV_RMM, &ignored);
        }
    } else {
        mx_set((old & ~MX_RC) | mx_rc(mode));
        r = host_op_s(op, a, b, c);
        mx_set((mx_get() & ~MX_RC) | (old & MX_RC));
    }
    if (fpu_isnan_s(r))
        return op == FPU_FMA ? fpu_fma_nan(h, (uint32_t)a, b, c, true)
                             : fpu_box_s(RV_CANONICAL_NAN_S);
    return fpu_box_s(r);
}
