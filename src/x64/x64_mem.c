/* Memory operands: loads (with the zero/sign extension a guest load needs
 * folded in), stores, lea, the stack, and the atomic and ordering
 * instructions guest AMOs and fences map to. */
#include "x64/enc.h"

void x64_load(struct x64_buf *b, enum x64_width w, bool signext, enum x64_reg dst, struct x64_mem m)
{
    struct x64_rm rm = x64_m(m);
    switch (w) {
    case W8:  /* movsx r64, m8 / movzx r32, m8 */
        x64_enc(b, signext ? F_W : 0, signext ? 0x0FBE : 0x0FB6, dst, rm, 0, 0);
        break;
    case W16:
        x64_enc(b, signext ? F_W : 0, signext ? 0x0FBF : 0x0FB7, dst, rm, 0, 0);
        break;
    case W32: /* movsxd r64, m32 / mov r32, m32 */
        x64_enc(b, signext ? F_W : 0, signext ? 0x63 : 0x8B, dst, rm, 0, 0);
        break;
    case W64:
        x64_enc(b, F_W, 0x8B, dst, rm, 0, 0);
        break;
    default:
        x64_fail("bad load width");
    }
}

void x64_store(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg src)
{
    x64_enc(b, x64_wflags(w), 0x88 + (w != W8), src, x64_m(m), 0, 0);
}

void x64_store_i(struct x64_buf *b, enum x64_width w, struct x64_mem m, int32_t imm)
{
    unsigned bytes = w == W8 ? 1 : w == W16 ? 2 : 4;
    x64_enc(b, x64_wflags(w) & ~F_BREG, 0xC6 + (w != W8), 0, x64_m(m), bytes, imm);
}

void x64_lea(struct x64_buf *b, enum x64_width w, enum x64_reg dst, struct x64_mem m)
{
    if (w != W32 && w != W64)
        x64_fail("lea needs width 32 or 64");
    x64_enc(b, w == W64 ? F_W : 0, 0x8D, dst, x64_m(m), 0, 0);
}

void x64_push_r(struct x64_buf *b, enum x64_reg r)
{
    x64_enc_o(b, 0, 0x50, r, 0, 0);
}

void x64_pop_r(struct x64_buf *b, enum x64_reg r)
{
    x64_enc_o(b, 0, 0x58, r, 0, 0);
}

/* With the accumulator, the one-byte 90+r form, as as does; xchg rax, rax
 * is the nop 90, but xchg eax, eax zero-extends eax, so it is not 90. */
void x64_xchg_rr(struct x64_buf *b, enum x64_width w, enum x64_reg a, enum x64_reg c)
{
    if (w != W32 && w != W64)
        x64_fail("xchg needs width 32 or 64");
    unsigned f = w == W64 ? F_W : 0;
    if (a == RAX && c == RAX && w == W64)
        x64_byte(b, 0x90);
    else if (c == RAX && a != RAX)
        x64_enc_o(b, f, 0x90, a, 0, 0);
    else if (a == RAX && c != RAX)
        x64_enc_o(b, f, 0x90, c, 0, 0);
    else
        x64_enc(b, f, 0x87, c, x64_r(a), 0, 0);
}

void x64_xchg_mr(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg r)
{
    x64_enc(b, x64_wflags(w), 0x86 + (w != W8), r, x64_m(m), 0, 0);
}

void x64_lock(struct x64_buf *b)
{
    x64_byte(b, 0xF0);
}

void x64_lock_xadd(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg r)
{
    x64_enc(b, x64_wflags(w) | F_LOCK, 0x0FC0 + (w != W8), r, x64_m(m), 0, 0);
}

void x64_lock_cmpxchg(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg r)
{
    x64_enc(b, x64_wflags(w) | F_LOCK, 0x0FB0 + (w != W8), r, x64_m(m), 0, 0);
}

void x64_mfence(struct x64_buf *b)
{
    x64_byte(b, 0x0F);
    x64_byte(b, 0xAE);
    x64_byte(b, 0xF0);
}

void x64_pause(struct x64_buf *b)
{
    x64_byte(b, 0xF3);
    x64_byte(b, 0x90);
}
