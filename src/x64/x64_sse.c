/* Scalar floating point on SSE registers: SSE2 arithmetic, compares,
 * conversions, moves between GPRs and XMMs and MXCSR access, SSE4.1 round,
 * and FMA3 in its VEX encoding. The packed logic ops (andpd, xorpd...) are
 * here because sign manipulation and NaN checks on scalars need them. */
#include "x64/enc.h"

/* The mandatory prefix of an enum x64_sse value (its top byte). */
static unsigned sse_flags(uint32_t op)
{
    switch (op >> 16) {
    case 0x66: return F_66;
    case 0xF2: return F_F2;
    case 0xF3: return F_F3;
    default: return 0;
    }
}

void x64_sse_xx(struct x64_buf *b, enum x64_sse op, enum x64_xmm dst, enum x64_xmm src)
{
    x64_enc(b, sse_flags(op), op & 0xFFFF, dst, x64_r(src), 0, 0);
}

void x64_sse_xm(struct x64_buf *b, enum x64_sse op, enum x64_xmm dst, struct x64_mem src)
{
    x64_enc(b, sse_flags(op), op & 0xFFFF, dst, x64_m(src), 0, 0);
}

void x64_movsd_mx(struct x64_buf *b, struct x64_mem m, enum x64_xmm src)
{
    x64_enc(b, F_F2, 0x0F11, src, x64_m(m), 0, 0);
}

void x64_movss_mx(struct x64_buf *b, struct x64_mem m, enum x64_xmm src)
{
    x64_enc(b, F_F3, 0x0F11, src, x64_m(m), 0, 0);
}

/* 66 0F 6E (to XMM) and 66 0F 7E (from XMM), REX.W for 64 bits; the XMM is
 * always in the reg field. */
void x64_movq_xr(struct x64_buf *b, enum x64_xmm dst, enum x64_reg src)
{
    x64_enc(b, F_66 | F_W, 0x0F6E, dst, x64_r(src), 0, 0);
}

void x64_movq_rx(struct x64_buf *b, enum x64_reg dst, enum x64_xmm src)
{
    x64_enc(b, F_66 | F_W, 0x0F7E, src, x64_r(dst), 0, 0);
}

void x64_movd_xr(struct x64_buf *b, enum x64_xmm dst, enum x64_reg src)
{
    x64_enc(b, F_66, 0x0F6E, dst, x64_r(src), 0, 0);
}

void x64_movd_rx(struct x64_buf *b, enum x64_reg dst, enum x64_xmm src)
{
    x64_enc(b, F_66, 0x0F7E, src, x64_r(dst), 0, 0);
}

static unsigned wflag(enum x64_width w)
{
    if (w != W32 && w != W64)
        x64_fail("conversion needs width 32 or 64");
    return w == W64 ? F_W : 0;
}

void x64_cvtsi2sd_xr(struct x64_buf *b, enum x64_width w, enum x64_xmm dst, enum x64_reg src)
{
    x64_enc(b, F_F2 | wflag(w), 0x0F2A, dst, x64_r(src), 0, 0);
}

void x64_cvtsi2ss_xr(struct x64_buf *b, enum x64_width w, enum x64_xmm dst, enum x64_reg src)
{
    x64_enc(b, F_F3 | wflag(w), 0x0F2A, dst, x64_r(src), 0, 0);
}

void x64_cvttsd2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src)
{
    x64_enc(b, F_F2 | wflag(w), 0x0F2C, dst, x64_r(src), 0, 0);
}

void x64_cvtsd2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src)
{
    x64_enc(b, F_F2 | wflag(w), 0x0F2D, dst, x64_r(src), 0, 0);
}

void x64_cvttss2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src)
{
    x64_enc(b, F_F3 | wflag(w), 0x0F2C, dst, x64_r(src), 0, 0);
}

void x64_cvtss2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src)
{
    x64_enc(b, F_F3 | wflag(w), 0x0F2D, dst, x64_r(src), 0, 0);
}

void x64_roundsd_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t imm)
{
    x64_enc(b, F_66, 0x0F3A0B, dst, x64_r(src), 1, imm);
}

void x64_roundss_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t imm)
{
    x64_enc(b, F_66, 0x0F3A0A, dst, x64_r(src), 1, imm);
}

void x64_cmpsd_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t pred)
{
    x64_enc(b, F_F2, 0x0FC2, dst, x64_r(src), 1, pred);
}

void x64_cmpss_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t pred)
{
    x64_enc(b, F_F3, 0x0FC2, dst, x64_r(src), 1, pred);
}

void x64_ldmxcsr(struct x64_buf *b, struct x64_mem m)
{
    x64_enc(b, 0, 0x0FAE, 2, x64_m(m), 0, 0);
}

void x64_stmxcsr(struct x64_buf *b, struct x64_mem m)
{
    x64_enc(b, 0, 0x0FAE, 3, x64_m(m), 0, 0);
}

/* VEX.LIG.66.0F38.W1 (sd) / W0 (ss); the first source is in vvvv. */
void x64_avx_xxx(struct x64_buf *b, enum x64_sse op, enum x64_xmm d,
                 enum x64_xmm a, enum x64_xmm c)
{
    /* VEX.pp stands for the mandatory prefix: none, 66, F3, F2. */
    unsigned prefix = (unsigned)op >> 16;
    unsigned pp = prefix == 0x66 ? 1 : prefix == 0xF3 ? 2 : prefix == 0xF2 ? 3 : 0;
    if (((unsigned)op >> 8 & 0xFF) != 0x0F)
        x64_fail("not a 0F-map SSE op");
    x64_vex(b, pp, 1, false, a, (uint8_t)op, d, x64_r(c), 0, 0);
}

void x64_fma_xxx(struct x64_buf *b, enum x64_fma op, bool dbl, enum x64_xmm d,
                 enum x64_xmm a, enum x64_xmm c)
{
    x64_vex(b, 1, 2, dbl, a, op, d, x64_r(c), 0, 0);
}

void x64_fma_xxm(struct x64_buf *b, enum x64_fma op, bool dbl, enum x64_xmm d,
                 enum x64_xmm a, struct x64_mem c)
{
    x64_vex(b, 1, 2, dbl, a, op, d, x64_m(c), 0, 0);
}
