/* Integer instructions on registers: ALU operations, moves and extensions,
 * shifts and rotates (legacy and BMI2), multiply and divide, bit counts and
 * bit tests, setcc and cmov. Each picks the shortest encoding GNU as would:
 * imm8 forms, the accumulator forms, `mov r32, imm32` for constants that
 * zero-extend. */
#include "x64/enc.h"

static void need_w3264(enum x64_width w)
{
    if (w != W32 && w != W64)
        x64_fail("operation needs width 32 or 64");
}

static unsigned w3264(enum x64_width w)
{
    need_w3264(w);
    return w == W64 ? F_W : 0;
}

/* The immediate operand of a w-bit operation: imm8 sign-extended when it
 * fits (op83 is then used), else the full width (at most 32 bits). */
static unsigned imm_bytes(enum x64_width w)
{
    return w == W8 ? 1 : w == W16 ? 2 : 4;
}

static int64_t imm_norm(enum x64_width w, int32_t imm)
{
    return w == W8 ? (int8_t)imm : w == W16 ? (int16_t)imm : imm;
}

/* The ALU rows of the opcode map: op*8 + 0 r/m8,r8  1 r/m,r  2 r8,r/m8
 * 3 r,r/m  4 al,imm8  5 eax,imm32; and group 1 (80/81/83 /op). */
void x64_alu_rr(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, x64_wflags(w), op * 8u + (w != W8), src, x64_r(dst), 0, 0);
}

void x64_alu_rm(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                enum x64_reg dst, struct x64_mem src)
{
    x64_enc(b, x64_wflags(w), op * 8u + 2 + (w != W8), dst, x64_m(src), 0, 0);
}

void x64_alu_mr(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                struct x64_mem dst, enum x64_reg src)
{
    x64_enc(b, x64_wflags(w), op * 8u + (w != W8), src, x64_m(dst), 0, 0);
}

static void alu_imm(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                    struct x64_rm dst, int32_t imm)
{
    int64_t v = imm_norm(w, imm);
    unsigned f = x64_wflags(w) & ~F_BREG; /* reg holds /op, not a register */
    if (w == W8)
        x64_enc(b, f, 0x80, op, dst, 1, v);
    else if (x64_fits8(v))
        x64_enc(b, f, 0x83, op, dst, 1, v);
    else if (!dst.is_mem && dst.reg == RAX) {
        if (f & F_66)
            x64_byte(b, 0x66);
        if (f & F_W)
            x64_byte(b, 0x48);
        x64_byte(b, op * 8u + 5);
        x64_imm(b, v, imm_bytes(w));
    } else
        x64_enc(b, f, 0x81, op, dst, imm_bytes(w), v);
}

void x64_alu_ri(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                enum x64_reg dst, int32_t imm)
{
    if (w == W8 && dst == RAX) {
        x64_byte(b, op * 8u + 4);
        x64_byte(b, (uint8_t)imm);
        return;
    }
    alu_imm(b, op, w, x64_r(dst), imm);
}

void x64_alu_mi(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                struct x64_mem dst, int32_t imm)
{
    alu_imm(b, op, w, x64_m(dst), imm);
}

void x64_test_rr(struct x64_buf *b, enum x64_width w, enum x64_reg a, enum x64_reg c)
{
    x64_enc(b, x64_wflags(w), 0x84 + (w != W8), c, x64_r(a), 0, 0);
}

void x64_test_mr(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg c)
{
    x64_enc(b, x64_wflags(w), 0x84 + (w != W8), c, x64_m(m), 0, 0);
}

/* test has no imm8 form: the immediate is always the operand width. */
void x64_test_ri(struct x64_buf *b, enum x64_width w, enum x64_reg a, int32_t imm)
{
    if (a == RAX) {
        unsigned f = x64_wflags(w);
        if (f & F_66)
            x64_byte(b, 0x66);
        if (f & F_W)
            x64_byte(b, 0x48);
        x64_byte(b, 0xA8 + (w != W8));
        x64_imm(b, imm, imm_bytes(w));
        return;
    }
    x64_enc(b, x64_wflags(w) & ~F_BREG, 0xF6 + (w != W8), 0, x64_r(a), imm_bytes(w), imm);
}

void x64_test_mi(struct x64_buf *b, enum x64_width w, struct x64_mem m, int32_t imm)
{
    x64_enc(b, x64_wflags(w) & ~F_BREG, 0xF6 + (w != W8), 0, x64_m(m), imm_bytes(w), imm);
}

void x64_mov_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, x64_wflags(w), 0x88 + (w != W8), src, x64_r(dst), 0, 0);
}

void x64_mov_ri(struct x64_buf *b, enum x64_reg dst, uint64_t imm)
{
    if (imm <= UINT32_MAX)                     /* mov r32, imm32 zero-extends */
        x64_enc_o(b, 0, 0xB8, dst, 4, (int64_t)imm);
    else if (x64_fits32((int64_t)imm))         /* mov r64, simm32 */
        x64_enc(b, F_W, 0xC7, 0, x64_r(dst), 4, (int64_t)imm);
    else                                       /* movabs */
        x64_enc_o(b, F_W, 0xB8, dst, 8, (int64_t)imm);
}

size_t x64_movabs(struct x64_buf *b, enum x64_reg dst, uint64_t imm)
{
    x64_enc_o(b, F_W, 0xB8, dst, 8, (int64_t)imm);
    return x64_offset(b) - 8;
}

void x64_zero(struct x64_buf *b, enum x64_reg dst)
{
    x64_alu_rr(b, X64_XOR, W32, dst, dst);
}

void x64_movzx_rr(struct x64_buf *b, enum x64_width from, enum x64_reg dst, enum x64_reg src)
{
    if (from == W8)
        x64_enc(b, F_BRM, 0x0FB6, dst, x64_r(src), 0, 0);
    else if (from == W16)
        x64_enc(b, 0, 0x0FB7, dst, x64_r(src), 0, 0);
    else if (from == W32)
        x64_mov_rr(b, W32, dst, src);
    else
        x64_fail("movzx from 64 bits");
}

void x64_movsx_rr(struct x64_buf *b, enum x64_width from, enum x64_reg dst, enum x64_reg src)
{
    if (from == W8)
        x64_enc(b, F_W | F_BRM, 0x0FBE, dst, x64_r(src), 0, 0);
    else if (from == W16)
        x64_enc(b, F_W, 0x0FBF, dst, x64_r(src), 0, 0);
    else if (from == W32)
        x64_enc(b, F_W, 0x63, dst, x64_r(src), 0, 0);
    else
        x64_fail("movsx from 64 bits");
}

/* Group 2: C1 /op ib, D1 /op (by one, as as prefers), D3 /op (by CL). */
/* C1 /op ib, or D1 /op for a count of 1. */
static void shift_imm(struct x64_buf *b, enum x64_shift op, enum x64_width w,
                      struct x64_rm rm, uint8_t imm)
{
    if (imm == 1)
        x64_enc(b, w3264(w), 0xD1, op, rm, 0, 0);
    else
        x64_enc(b, w3264(w), 0xC1, op, rm, 1, imm);
}

void x64_shift_ri(struct x64_buf *b, enum x64_shift op, enum x64_width w,
                  enum x64_reg r, uint8_t imm)
{
    shift_imm(b, op, w, x64_r(r), imm);
}

void x64_shift_mi(struct x64_buf *b, enum x64_shift op, enum x64_width w,
                  struct x64_mem m, uint8_t imm)
{
    shift_imm(b, op, w, x64_m(m), imm);
}

void x64_shift_cl(struct x64_buf *b, enum x64_shift op, enum x64_width w, enum x64_reg r)
{
    x64_enc(b, w3264(w), 0xD3, op, x64_r(r), 0, 0);
}

/* BMI2 shifts: VEX.LZ.0F38 F7 with the prefix choosing the shift, the count
 * in vvvv. */
static void shiftx(struct x64_buf *b, unsigned pp, enum x64_width w,
                   enum x64_reg dst, enum x64_reg src, enum x64_reg count)
{
    need_w3264(w);
    x64_vex(b, pp, 2, w == W64, count, 0xF7, dst, x64_r(src), 0, 0);
}

void x64_shlx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, enum x64_reg count)
{
    shiftx(b, 1, w, dst, src, count);
}

void x64_shrx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, enum x64_reg count)
{
    shiftx(b, 3, w, dst, src, count);
}

void x64_sarx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, enum x64_reg count)
{
    shiftx(b, 2, w, dst, src, count);
}

void x64_rorx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, uint8_t imm)
{
    need_w3264(w);
    x64_vex(b, 3, 3, w == W64, 0, 0xF0, dst, x64_r(src), 1, imm);
}

void x64_andn(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg a, enum x64_reg c)
{
    need_w3264(w);
    x64_vex(b, 0, 2, w == W64, a, 0xF2, dst, x64_r(c), 0, 0);
}

void x64_imul_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w), 0x0FAF, dst, x64_r(src), 0, 0);
}

void x64_imul_rm(struct x64_buf *b, enum x64_width w, enum x64_reg dst, struct x64_mem src)
{
    x64_enc(b, w3264(w), 0x0FAF, dst, x64_m(src), 0, 0);
}

void x64_imul_rri(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, int32_t imm)
{
    if (x64_fits8(imm))
        x64_enc(b, w3264(w), 0x6B, dst, x64_r(src), 1, imm);
    else
        x64_enc(b, w3264(w), 0x69, dst, x64_r(src), 4, imm);
}

/* Group 3: F7 /2 not, /3 neg, /4 mul, /5 imul, /6 div, /7 idiv. */
static void group3(struct x64_buf *b, unsigned ext, enum x64_width w, enum x64_reg r)
{
    x64_enc(b, w3264(w), 0xF7, ext, x64_r(r), 0, 0);
}

void x64_not_r(struct x64_buf *b, enum x64_width w, enum x64_reg r) { group3(b, 2, w, r); }
void x64_neg_r(struct x64_buf *b, enum x64_width w, enum x64_reg r) { group3(b, 3, w, r); }
void x64_mul_r(struct x64_buf *b, enum x64_width w, enum x64_reg r) { group3(b, 4, w, r); }
void x64_imul_r(struct x64_buf *b, enum x64_width w, enum x64_reg r) { group3(b, 5, w, r); }
void x64_div_r(struct x64_buf *b, enum x64_width w, enum x64_reg r) { group3(b, 6, w, r); }
void x64_idiv_r(struct x64_buf *b, enum x64_width w, enum x64_reg r) { group3(b, 7, w, r); }

void x64_cqo(struct x64_buf *b)
{
    x64_byte(b, 0x48);
    x64_byte(b, 0x99);
}

void x64_cdq(struct x64_buf *b)
{
    x64_byte(b, 0x99);
}

void x64_bswap_r(struct x64_buf *b, enum x64_width w, enum x64_reg r)
{
    x64_enc_o(b, w3264(w), 0x0FC8, r, 0, 0);
}

/* lzcnt/tzcnt/popcnt are F3-prefixed; without F3 the first two are bsr/bsf,
 * which is what a host without LZCNT/BMI1 silently executes. */
void x64_lzcnt_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w) | F_F3, 0x0FBD, dst, x64_r(src), 0, 0);
}

void x64_tzcnt_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w) | F_F3, 0x0FBC, dst, x64_r(src), 0, 0);
}

void x64_popcnt_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w) | F_F3, 0x0FB8, dst, x64_r(src), 0, 0);
}

void x64_bsr_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w), 0x0FBD, dst, x64_r(src), 0, 0);
}

void x64_bsf_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w), 0x0FBC, dst, x64_r(src), 0, 0);
}

/* 0F A3/AB/B3/BB /r (bt bts btr btc) and 0F BA /4../7 ib. */
void x64_bt_rr(struct x64_buf *b, enum x64_bt op, enum x64_width w, enum x64_reg r, enum x64_reg bit)
{
    x64_enc(b, w3264(w), 0x0FA3 + (op - 4u) * 8, bit, x64_r(r), 0, 0);
}

void x64_bt_ri(struct x64_buf *b, enum x64_bt op, enum x64_width w, enum x64_reg r, uint8_t bit)
{
    x64_enc(b, w3264(w), 0x0FBA, op, x64_r(r), 1, bit);
}

void x64_setcc_r(struct x64_buf *b, enum x64_cc cc, enum x64_reg r)
{
    x64_enc(b, F_BRM, 0x0F90 + cc, 0, x64_r(r), 0, 0);
}

void x64_cmov_rr(struct x64_buf *b, enum x64_cc cc, enum x64_width w, enum x64_reg dst, enum x64_reg src)
{
    x64_enc(b, w3264(w), 0x0F40 + cc, dst, x64_r(src), 0, 0);
}

void x64_cmov_rm(struct x64_buf *b, enum x64_cc cc, enum x64_width w, enum x64_reg dst, struct x64_mem src)
{
    x64_enc(b, w3264(w), 0x0F40 + cc, dst, x64_m(src), 0, 0);
}
