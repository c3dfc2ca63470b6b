/* Translations of F and D instructions to SSE, for the common case; the
 * rest goes to the interpreter's body (rv/fpu), out of line.
 *
 * The fast path relies on what rv/fpu guarantees: while frm is RNE, RTZ,
 * RDN or RUP the host MXCSR rounds the same way, and MXCSR's sticky flags
 * are the guest's pending fflags. So an operation whose rounding mode is
 * the dynamic one (or equals frm) is the host instruction itself. Where
 * x86 and RISC-V differ the fast path steps aside to the slow path, which
 * recomputes from the unchanged operands: a NaN result (RISC-V wants the
 * canonical NaN, and fma's inf*0+qNaN flag), a single that is not NaN-boxed,
 * an out-of-range conversion, RMM. Flags raised by the abandoned attempt
 * are the same ones the slow path raises again, so they do no harm. */
#include "jit/translate.h"
#include "rv/csr.h"
#include "rv/fpu.h"

#define B (&t->b)
#define D (&t->ip->d)

/* The host rounds like rm now (else: slow path). false when rm can never
 * be done on the host (RMM). The dynamic mode needs no check: translated
 * code runs only while frm is one the host has (jit_may_enter). */
static bool rounding_ok(struct tr *t, int rm)
{
    if (rm == 7)
        return true;
    if (rm > 3)
        return false;
    x64_cmp_mi(B, W32, x64_mem(JIT_STATE, HART_OFF(frm)), rm);
    tr_slow_if(t, CC_NE);
    return true;
}

/* A single operand must be NaN-boxed (upper half all ones). */
static void check_boxed(struct tr *t, int f)
{
    if (tr_f_known_boxed(t, f))
        return;
    tr_f_writeback(t, f);
    x64_cmp_mi(B, W32, x64_mem(JIT_STATE, HART_OFF(f) + 8 * f + 4), -1);
    tr_slow_if(t, CC_NE);
    if (!tr_f_slot_of(t, f)) {
        tr_f_read_boxed(t, f);
        t->fresh_boxed |= 1u << f;
    }
}

/* The single-precision sources rs1..rs<n> must be NaN-boxed (doubles
 * need no check). */
static void check_sources(struct tr *t, bool dbl, int n)
{
    if (dbl)
        return;
    check_boxed(t, D->rs1);
    if (n > 1)
        check_boxed(t, D->rs2);
    if (n > 2)
        check_boxed(t, D->rs3);
}

/* The XMM holding f (its copy), as a source operand. */
static enum x64_xmm src_f(struct tr *t, bool dbl, int f)
{
    return dbl ? tr_f_read(t, f) : tr_f_read_low(t, f);
}

/* x = f, a scratch XMM the operation then overwrites. */
static void load_f(struct tr *t, bool dbl, enum x64_xmm x, int f)
{
    x64_movaps_xx(B, x, src_f(t, dbl, f));
}

/* f[rd] = x: x's value becomes rd's copy (written back later). */
static void store_f(struct tr *t, bool dbl, enum x64_xmm x)
{
    tr_f_wrote(t, D->rd, x, !dbl);
}

/* f[rd] = x, an arithmetic result. A NaN is the host's, not RISC-V's
 * canonical one; but the host raised the same flags as RISC-V for it
 * (invalid for a signalling operand or an invalid operation, nothing for
 * a quiet operand), further arithmetic only sees that it is a NaN, and the
 * copy is made canonical only where its bits are seen (tr_fcache.c). */
static void store_result(struct tr *t, bool dbl, enum x64_xmm x)
{
    store_f(t, dbl, x);
    tr_f_may_be_nan(t, D->rd);
}

/* The XMM to compute rd in: its copy, unless a source not yet read lives
 * there (then XMM0, moved to the copy after). */
static enum x64_xmm dest_f(struct tr *t, enum x64_xmm unread)
{
    enum x64_xmm s = tr_f_slot_of(t, D->rd);
    if (s != XMM0 && s == unread)
        return XMM0;
    return tr_f_slot_for(t, D->rd);
}

static bool arith(struct tr *t, enum x64_sse op, bool dbl, bool unary)
{
    if (!rounding_ok(t, D->rm))
        return false;
    check_sources(t, dbl, unary ? 1 : 2);
    enum x64_xmm d;
    if (unary) {
        enum x64_xmm a = src_f(t, dbl, D->rs1);
        d = dest_f(t, XMM0);
        x64_sse_xx(B, op, d, a);
    } else if (jit_avx) {
        /* Three operands: straight into rd's copy, whichever sources it
         * held (both were read just now, so its slot evicts neither). */
        enum x64_xmm b = src_f(t, dbl, D->rs2);
        enum x64_xmm a = src_f(t, dbl, D->rs1);
        d = tr_f_slot_for(t, D->rd);
        x64_avx_xxx(B, op, d, a, b);
    } else {
        enum x64_xmm b = src_f(t, dbl, D->rs2);
        enum x64_xmm a = src_f(t, dbl, D->rs1);
        d = dest_f(t, b);
        if (d != a)
            x64_movaps_xx(B, d, a);
        x64_sse_xx(B, op, d, b);
    }
    store_result(t, dbl, d);
    return true;
}

/* rd = rs1 * rs2 +- rs3, with the 231 forms (the addend is the
 * destination). */
static bool fused(struct tr *t, enum x64_fma op, bool dbl)
{
    if (!(x64_cpu() & X64_HAS_FMA) || !rounding_ok(t, D->rm))
        return false;
    check_sources(t, dbl, 3);
    enum x64_xmm a = src_f(t, dbl, D->rs1), c = src_f(t, dbl, D->rs2);
    enum x64_xmm e = src_f(t, dbl, D->rs3);
    /* In XMM0: a NaN recomputes in the slow path (for inf*0+qNaN's flag,
     * which the host does not raise), from sources that must be intact. */
    x64_movaps_xx(B, XMM0, e);
    x64_fma_xxx(B, op, dbl, XMM0, a, c);
    if (dbl)
        x64_ucomisd_xx(B, XMM0, XMM0);
    else
        x64_ucomiss_xx(B, XMM0, XMM0);
    tr_slow_if(t, CC_P);
    store_f(t, dbl, XMM0);
    return true;
}

/* feq (quiet: NV only for sNaN, as ucomisd) and flt/fle (signalling: NV
 * for any NaN, as comisd). An unordered pair compares false either way. */
static bool compare(struct tr *t, bool dbl, int kind)
{
    check_sources(t, dbl, 2);
    enum x64_reg d = tr_dst(t, D->rd);
    enum x64_xmm a = src_f(t, dbl, D->rs1), b = src_f(t, dbl, D->rs2);
    if (kind == 2) { /* feq: equal and ordered */
        x64_sse_xx(B, dbl ? X64_UCOMISD : X64_UCOMISS, a, b);
        x64_setcc_r(B, CC_E, RDX);
        x64_setcc_r(B, CC_NP, RCX);
        x64_and_rr(B, W32, RDX, RCX);
    } else { /* b > a, or b >= a: false when unordered */
        x64_sse_xx(B, dbl ? X64_COMISD : X64_COMISS, b, a);
        x64_setcc_r(B, kind == 1 ? CC_A : CC_AE, RDX);
    }
    x64_movzx_rr(B, W8, d, RDX);
    tr_commit(t, D->rd, d);
    return true;
}

/* Sign injection on the bits, in integer registers. */
static bool sign_inject(struct tr *t, bool dbl, int kind)
{
    if (dbl && kind == 0 && D->rs1 == D->rs2) { /* fmv.d: a copy */
        enum x64_xmm s = tr_f_read(t, D->rs1);
        tr_f_canonical(t, D->rs1);
        store_f(t, true, s);
        return true;
    }
    check_sources(t, dbl, 2);
    enum x64_width w = dbl ? W64 : W32;
    uint64_t sign = dbl ? 1ull << 63 : 1ull << 31;
    tr_f_writeback(t, D->rs1);
    tr_f_writeback(t, D->rs2);
    x64_load(B, w, false, RAX, FREG_MEM(D->rs1));
    x64_load(B, w, false, RCX, FREG_MEM(D->rs2));
    x64_mov_ri(B, RDX, sign);
    if (kind == 0) { /* sign of rs2 */
        x64_and_rr(B, W64, RCX, RDX);
        x64_not_r(B, W64, RDX);
        x64_and_rr(B, W64, RAX, RDX);
        x64_or_rr(B, W64, RAX, RCX);
    } else if (kind == 1) { /* opposite sign of rs2 */
        x64_not_r(B, W64, RCX);
        x64_and_rr(B, W64, RCX, RDX);
        x64_not_r(B, W64, RDX);
        x64_and_rr(B, W64, RAX, RDX);
        x64_or_rr(B, W64, RAX, RCX);
    } else { /* xor of the signs */
        x64_and_rr(B, W64, RCX, RDX);
        x64_xor_rr(B, W64, RAX, RCX);
    }
    x64_store(B, w, FREG_MEM(D->rd), RAX);
    if (!dbl)
        x64_store_i(B, W32, x64_mem(JIT_STATE, HART_OFF(f) + 8 * D->rd + 4), -1);
    tr_f_forget(t, D->rd);
    return true;
}

/* fcvt from a signed integer. */
static bool from_int(struct tr *t, bool dbl, enum x64_width w)
{
    /* Even an exact conversion checks the mode: an invalid frm makes any
     * instruction with a rounding-mode field illegal. */
    if (!rounding_ok(t, D->rm))
        return false;
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    if (dbl)
        x64_cvtsi2sd_xr(B, w, XMM0, a);
    else
        x64_cvtsi2ss_xr(B, w, XMM0, a);
    store_f(t, dbl, XMM0);
    return true;
}

/* RDX = xmm0 converted to a w-bit signed integer, truncated or rounded by
 * MXCSR. */
static void xmm0_to_rdx(struct tr *t, bool dbl, bool truncate, enum x64_width w)
{
    if (dbl && truncate)
        x64_cvttsd2si_rx(B, w, RDX, XMM0);
    else if (dbl)
        x64_cvtsd2si_rx(B, w, RDX, XMM0);
    else if (truncate)
        x64_cvttss2si_rx(B, w, RDX, XMM0);
    else
        x64_cvtss2si_rx(B, w, RDX, XMM0);
}

/* fcvt to a signed integer. x86 answers an out-of-range value or a NaN
 * with the "integer indefinite" (the minimum), which RISC-V saturates
 * instead: that answer goes the slow way (a true minimum recomputes to
 * itself). Truncation is the static rtz of C casts; other modes round by
 * MXCSR. */
static bool to_int(struct tr *t, bool dbl, enum x64_width w)
{
    bool truncate = D->rm == 1;
    if (!truncate && !rounding_ok(t, D->rm))
        return false;
    check_sources(t, dbl, 1);
    load_f(t, dbl, XMM0, D->rs1);
    enum x64_reg d = tr_dst(t, D->rd);
    xmm0_to_rdx(t, dbl, truncate, w);
    if (w == W32) {
        x64_cmp_ri(B, W32, RDX, INT32_MIN);
        tr_slow_if(t, CC_E);
        x64_movsxd_rr(B, d, RDX);
    } else {
        x64_mov_ri(B, RCX, (uint64_t)INT64_MIN);
        x64_cmp_rr(B, W64, RDX, RCX);
        tr_slow_if(t, CC_E);
        x64_mov_rr(B, W64, d, RDX);
    }
    tr_commit(t, D->rd, d);
    return true;
}

/* fcvt from an unsigned integer: a 32-bit one zero-extended is a
 * non-negative 64-bit one, converted (and rounded) once; a 64-bit one
 * with its top bit set goes the slow way. */
static bool from_uint(struct tr *t, bool dbl, enum x64_width w)
{
    if (!rounding_ok(t, D->rm))
        return false;
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    if (w == W32) {
        x64_mov_rr(B, W32, RCX, a);
        a = RCX;
    } else {
        x64_test_rr(B, W64, a, a);
        tr_slow_if(t, CC_S);
    }
    if (dbl)
        x64_cvtsi2sd_xr(B, W64, XMM0, a);
    else
        x64_cvtsi2ss_xr(B, W64, XMM0, a);
    store_f(t, dbl, XMM0);
    return true;
}

/* fcvt to an unsigned integer: only a value already known to convert
 * cleanly (not NaN, not below 0, below a limit that rounding cannot
 * carry past the range) is converted on the host, through the 64-bit
 * signed conversion; anything else goes the slow way, before the host
 * conversion could raise a flag (NX for -1.5, say) that RISC-V's answer
 * (0 and NV) does not have. */
static const double uint_limits_d[3] = {0.0, 4294967295.0, 9223372036854775808.0};
static const float uint_limits_s[3] = {0.0f, 4294967296.0f, 9223372036854775808.0f};

static bool to_uint(struct tr *t, bool dbl, enum x64_width w)
{
    bool truncate = D->rm == 1;
    if (!truncate && !rounding_ok(t, D->rm))
        return false;
    check_sources(t, dbl, 1);
    load_f(t, dbl, XMM0, D->rs1);
    enum x64_sse ucomi = dbl ? X64_UCOMISD : X64_UCOMISS;
    x64_mov_ri(B, RCX, dbl ? (uintptr_t)uint_limits_d : (uintptr_t)uint_limits_s);
    x64_sse_xm(B, ucomi, XMM0, x64_mem(RCX, 0));
    tr_slow_if(t, CC_P);  /* NaN */
    tr_slow_if(t, CC_B);  /* below 0 */
    int limit = (w == W32 ? 1 : 2) * (dbl ? 8 : 4);
    x64_sse_xm(B, ucomi, XMM0, x64_mem(RCX, limit));
    tr_slow_if(t, CC_AE);
    xmm0_to_rdx(t, dbl, truncate, W64);
    enum x64_reg d = tr_dst(t, D->rd);
    if (w == W32)
        x64_movsxd_rr(B, d, RDX); /* W results are sign-extended */
    else
        x64_mov_rr(B, W64, d, RDX);
    tr_commit(t, D->rd, d);
    return true;
}

/* fmin/fmax of two ordered, different numbers is minsd/maxsd; a NaN (the
 * other operand, or the canonical NaN, and NV for a signalling one) and
 * equal operands (-0 against +0) go the slow way. */
static bool min_max(struct tr *t, bool dbl, bool max)
{
    check_sources(t, dbl, 2);
    enum x64_xmm b = src_f(t, dbl, D->rs2);
    load_f(t, dbl, XMM0, D->rs1);
    x64_sse_xx(B, dbl ? X64_UCOMISD : X64_UCOMISS, XMM0, b);
    tr_slow_if(t, CC_P);
    tr_slow_if(t, CC_E);
    x64_sse_xx(B, dbl ? (max ? X64_MAXSD : X64_MINSD) : (max ? X64_MAXSS : X64_MINSS),
               XMM0, b);
    store_f(t, dbl, XMM0); /* of two ordered numbers: no NaN */
    return true;
}

/* Between S and D: a NaN goes the slow way (RISC-V wants it canonical). */
static bool convert_fp(struct tr *t, bool to_double)
{
    if (!rounding_ok(t, D->rm))
        return false;
    if (to_double)
        check_boxed(t, D->rs1);
    x64_sse_xx(B, to_double ? X64_CVTSS2SD : X64_CVTSD2SS, XMM0,
               src_f(t, !to_double, D->rs1));
    store_result(t, to_double, XMM0);
    return true;
}

static bool move(struct tr *t, bool to_x, bool dbl)
{
    if (to_x) {
        enum x64_reg d = tr_dst(t, D->rd);
        if (dbl) {
            enum x64_xmm s = tr_f_read(t, D->rs1);
            tr_f_canonical(t, D->rs1);
            x64_movq_rx(B, d, s);
        } else {
            tr_f_writeback(t, D->rs1);
            x64_load(B, W32, true, d, FREG_MEM(D->rs1));
        }
        tr_commit(t, D->rd, d);
        return true;
    }
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    if (dbl) {
        x64_store(B, W64, FREG_MEM(D->rd), a);
    } else {
        x64_store(B, W32, FREG_MEM(D->rd), a);
        x64_store_i(B, W32, x64_mem(JIT_STATE, HART_OFF(f) + 8 * D->rd + 4), -1);
    }
    tr_f_forget(t, D->rd);
    return true;
}

static uint8_t mxcsr_to_fflags[64];

/* rd = fflags, which is h->fflags together with the sticky bits MXCSR
 * collected since they were last folded in (rv/fpu.c). Unlike
 * fpu_read_fflags, this leaves those bits in MXCSR: reading fflags
 * changes nothing, every write of it clears them, and the ldmxcsr that
 * folding would take costs more than all the rest (in a loop whose
 * arithmetic is inexact, it ran on every read). */
static void read_fflags(struct tr *t, int rd)
{
    if (!mxcsr_to_fflags[0x3f]) /* filled once, under jit_lock */
        for (unsigned m = 0; m < 64; m++)
            mxcsr_to_fflags[m] = (uint8_t)fpu_mxcsr_fflags(m);
    struct x64_mem mx = x64_mem(JIT_STATE, HART_OFF(jit_mxcsr));
    x64_stmxcsr(B, mx);
    x64_load(B, W8, false, RAX, mx);
    x64_and_ri(B, W32, RAX, 0x3f);
    x64_mov_ri(B, RCX, (uintptr_t)mxcsr_to_fflags);
    x64_load(B, W8, false, RCX, x64_mem_idx(RCX, RAX, 1, 0));
    x64_or_rm(B, W32, RCX, x64_mem(JIT_STATE, HART_OFF(fflags)));
    tr_commit(t, rd, RCX);
}

static bool is_frflags(const struct rv_insn *d)
{
    return d->op == RV_CSRRS && d->rs1 == 0 && d->imm == CSR_FFLAGS &&
           d->rd != RV_SINK && d->rd != 0;
}

static bool is_fsflags_of(const struct rv_insn *d, int r)
{
    return d->op == RV_CSRRW && d->imm == CSR_FFLAGS && d->rd == RV_SINK &&
           d->rs1 == r;
}

/* frflags t; flt.d/fle.d/feq.d rd, a, b; fsflags t: how C's isless and
 * the like come out, a compare whose flags are thrown away. t gets fflags
 * as frflags does, the compare is a quiet ucomisd, and fsflags then has
 * nothing to restore: fflags is t already, as the compare raises nothing
 * unless an operand was a NaN (invalid, for a signalling one). Only then
 * does fsflags run, as h->fflags = t and MXCSR's sticky bits cleared.
 * Doubles only: a single would need a NaN-box check, whose slow path
 * would redo the frflags alone. */
bool tr_fp_quiet_compare(struct tr *t)
{
    if (t->index + 2 >= t->blk->n)
        return false;
    const struct rv_insn *f = &t->ip->d, *c = &t->ip[1].d, *g = &t->ip[2].d;
    int kind = c->op == RV_FLE_D ? 0 : c->op == RV_FLT_D ? 1 :
               c->op == RV_FEQ_D ? 2 : -1;
    if (!is_frflags(f) || kind < 0 || !is_fsflags_of(g, f->rd) ||
        c->rd == RV_SINK || c->rd == f->rd)
        return false;
    read_fflags(t, f->rd);
    enum x64_xmm a = tr_f_read(t, c->rs1), b = tr_f_read(t, c->rs2);
    if (kind == 2) {
        x64_sse_xx(B, X64_UCOMISD, a, b);
        x64_setcc_r(B, CC_E, RDX);
        x64_setcc_r(B, CC_NP, RCX);
    } else { /* b > a, or b >= a: false when unordered */
        x64_sse_xx(B, X64_UCOMISD, b, a);
        x64_setcc_r(B, kind == 1 ? CC_A : CC_AE, RDX);
    }
    size_t ordered = x64_jcc8_fwd(B, CC_NP);
    x64_store(B, W32, x64_mem(JIT_STATE, HART_OFF(fflags)), tr_src(t, f->rd, RAX));
    struct x64_mem mx = x64_mem(JIT_STATE, HART_OFF(jit_mxcsr));
    x64_stmxcsr(B, mx);
    x64_and_mi(B, W32, mx, ~0x3f);
    x64_ldmxcsr(B, mx);
    x64_bind8(B, ordered);
    if (kind == 2)
        x64_and_rr(B, W32, RDX, RCX);
    enum x64_reg e = tr_dst(t, c->rd);
    x64_movzx_rr(B, W8, e, RDX);
    tr_commit(t, c->rd, e);
    t->fused = 2;
    return true;
}

/* frflags, fsflags and frrm, which code around quiet comparisons
 * (isless ...) runs in its inner loops, and csrs fflags; other CSR
 * accesses go to the interpreter's body. */
static bool fp_csr(struct tr *t)
{
    unsigned csr = (unsigned)D->imm;
    if (D->op == RV_CSRRS && D->rs1 == 0 && csr == CSR_FFLAGS) {
        read_fflags(t, D->rd);
        return true;
    }
    if (D->op == RV_CSRRS && D->rd == RV_SINK && csr == CSR_FFLAGS) {
        /* csrs fflags, rs (libm raising a flag): setting bits needs
         * nothing from MXCSR, whose bits stay where they are */
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        x64_mov_rr(B, W32, RAX, a);
        x64_and_ri(B, W32, RAX, 0x1f);
        x64_or_mr(B, W32, x64_mem(JIT_STATE, HART_OFF(fflags)), RAX);
        return true;
    }
    if (D->op == RV_CSRRS && D->rs1 == 0 && csr == CSR_FRM) {
        enum x64_reg d = tr_dst(t, D->rd);
        x64_load(B, W32, false, d, x64_mem(JIT_STATE, HART_OFF(frm)));
        tr_commit(t, D->rd, d);
        return true;
    }
    if (D->op == RV_CSRRW && D->rd == RV_SINK && csr == CSR_FFLAGS) {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        x64_mov_rr(B, W32, RDX, a);
        x64_and_ri(B, W32, RDX, 0x1f);
        x64_store(B, W32, x64_mem(JIT_STATE, HART_OFF(fflags)), RDX);
        struct x64_mem mx = x64_mem(JIT_STATE, HART_OFF(jit_mxcsr));
        x64_stmxcsr(B, mx);
        x64_test_mi(B, W32, mx, 0x3f);
        size_t clean = x64_jcc8_fwd(B, CC_E);
        x64_and_mi(B, W32, mx, ~0x3f);
        x64_ldmxcsr(B, mx);
        x64_bind8(B, clean);
        return true;
    }
    return false;
}

bool tr_fp(struct tr *t)
{
    switch (D->op) {
    case RV_CSRRS:
    case RV_CSRRW:
        return fp_csr(t);
    case RV_FCVT_D_WU: return from_uint(t, true, W32);
    case RV_FCVT_D_LU: return from_uint(t, true, W64);
    case RV_FCVT_S_WU: return from_uint(t, false, W32);
    case RV_FCVT_S_LU: return from_uint(t, false, W64);
    case RV_FCVT_WU_D: return to_uint(t, true, W32);
    case RV_FCVT_LU_D: return to_uint(t, true, W64);
    case RV_FCVT_WU_S: return to_uint(t, false, W32);
    case RV_FCVT_LU_S: return to_uint(t, false, W64);
    case RV_FMIN_D: return min_max(t, true, false);
    case RV_FMAX_D: return min_max(t, true, true);
    case RV_FMIN_S: return min_max(t, false, false);
    case RV_FMAX_S: return min_max(t, false, true);
    case RV_FADD_D: return arith(t, X64_ADDSD, true, false);
    case RV_FSUB_D: return arith(t, X64_SUBSD, true, false);
    case RV_FMUL_D: return arith(t, X64_MULSD, true, false);
    case RV_FDIV_D: return arith(t, X64_DIVSD, true, false);
    case RV_FSQRT_D: return arith(t, X64_SQRTSD, true, true);
    case RV_FADD_S: return arith(t, X64_ADDSS, false, false);
    case RV_FSUB_S: return arith(t, X64_SUBSS, false, false);
    case RV_FMUL_S: return arith(t, X64_MULSS, false, false);
    case RV_FDIV_S: return arith(t, X64_DIVSS, false, false);
    case RV_FSQRT_S: return arith(t, X64_SQRTSS, false, true);
    case RV_FMADD_D: return fused(t, X64_VFMADD231, true);
    case RV_FMSUB_D: return fused(t, X64_VFMSUB231, true);
    case RV_FNMSUB_D: return fused(t, X64_VFNMADD231, true);
    case RV_FNMADD_D: return fused(t, X64_VFNMSUB231, true);
    case RV_FMADD_S: return fused(t, X64_VFMADD231, false);
    case RV_FMSUB_S: return fused(t, X64_VFMSUB231, false);
    case RV_FNMSUB_S: return fused(t, X64_VFNMADD231, false);
    case RV_FNMADD_S: return fused(t, X64_VFNMSUB231, false);
    case RV_FLE_D: return compare(t, true, 0);
    case RV_FLT_D: return compare(t, true, 1);
    case RV_FEQ_D: return compare(t, true, 2);
    case RV_FLE_S: return compare(t, false, 0);
    case RV_FLT_S: return compare(t, false, 1);
    case RV_FEQ_S: return compare(t, false, 2);
    case RV_FSGNJ_D: return sign_inject(t, true, 0);
    case RV_FSGNJN_D: return sign_inject(t, true, 1);
    case RV_FSGNJX_D: return sign_inject(t, true, 2);
    case RV_FSGNJ_S: return sign_inject(t, false, 0);
    case RV_FSGNJN_S: return sign_inject(t, false, 1);
    case RV_FSGNJX_S: return sign_inject(t, false, 2);
    case RV_FCVT_D_W: return from_int(t, true, W32);
    case RV_FCVT_D_L: return from_int(t, true, W64);
    case RV_FCVT_S_W: return from_int(t, false, W32);
    case RV_FCVT_S_L: return from_int(t, false, W64);
    case RV_FCVT_W_D: return to_int(t, true, W32);
    case RV_FCVT_L_D: return to_int(t, true, W64);
    case RV_FCVT_W_S: return to_int(t, false, W32);
    case RV_FCVT_L_S: return to_int(t, false, W64);
    case RV_FCVT_D_S: return convert_fp(t, true);
    case RV_FCVT_S_D: return convert_fp(t, false);
    case RV_FMV_X_D: return move(t, true, true);
    case RV_FMV_X_W: return move(t, true, false);
    case RV_FMV_D_X: return move(t, false, true);
    case RV_FMV_W_X: return move(t, false, false);
    default: return false;
    }
}
