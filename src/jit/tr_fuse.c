/* Macro-op fusion: common two-instruction idioms of compiled RISC-V code
 * that x86-64 does in one instruction. The intermediate result is either
 * overwritten by the second instruction or written all the same (the
 * register auipc+jalr goes through), so no guest-visible state is lost;
 * neither instruction of a pair can fault.
 *   lui rd, hi; addi(w) rd, rd, lo    ->  mov rd, constant
 *   auipc rd, hi; addi rd, rd, lo     ->  mov rd, pc-relative address
 *   auipc rt, hi; jalr rd, lo(rt)     ->  direct jump or call (far call
 *                                         and tail), chained like jal
 *   slli rd, rs, k; srli rd, rd, k    ->  mov rd32 / movzx / and rd32, mask
 *                                         (zero-extension of 8 to 32 bits)
 *   slli rd, rs, j; srli rd, rd, k>j  ->  rorx and `and` (a bit field of
 *                                         up to 31 bits)
 *   slli rd, rs, 1..3; add rd, rd, rt ->  lea rd, [rt + rs*2..8]
 * and one triple, frflags; flt.d/fle.d/feq.d; fsflags (tr_fp.c). */
#include "jit/translate.h"

#define B (&t->b)

/* slli rd, rs, up; srli rd, rd, down: the (64 - down)-bit field of rs
 * that starts at bit down - up, moved to bit 0. With up == down it is a
 * zero-extension (zext.w, zext.h, a mask of the low bits), which x86 does
 * with movzx, mov r32 or `and r32, mask`; a narrower field further up is
 * a rotate that brings it down (rorx, which leaves its source alone) and
 * the mask. Other shapes are left to the two instructions. */
static bool bit_field(struct tr *t, int rd, int rs, unsigned up, unsigned down)
{
    unsigned width = 64 - down;
    if (up > down || up == 0 || width > 32 || (up < down && width > 31))
        return false;
    bool rotate = up < down;
    if (rotate && !(x64_cpu() & X64_HAS_BMI2))
        return false;
    enum x64_reg src = tr_src(t, rs, RAX);
    enum x64_reg d = tr_dst(t, rd);
    if (rotate) {
        x64_rorx(B, W64, d, src, (uint8_t)(down - up));
        x64_and_ri(B, W32, d, (int32_t)((1u << width) - 1));
    } else if (width == 32 || width == 16 || width == 8) {
        x64_movzx_rr(B, width == 32 ? W32 : width == 16 ? W16 : W8, d, src);
    } else {
        if (d != src)
            x64_mov_rr(B, W32, d, src);
        x64_and_ri(B, W32, d, (int32_t)((1u << width) - 1));
    }
    tr_commit(t, rd, d);
    t->fused = 1;
    return true;
}

bool tr_fuse(struct tr *t)
{
    if (t->index + 1 >= t->blk->n || tr_is_join(t, t->index + 1) ||
        (t->index + 2 < t->blk->n && tr_is_join(t, t->index + 2)))
        return false;
    /* Not with what rotate.c took (a pair takes one more instruction,
     * the FP compare two). */
    if (t->role && (t->role[t->index + 1] != TR_PLAIN ||
                    (t->index + 2 < t->blk->n && t->role[t->index + 2] != TR_PLAIN)))
        return false;
    if (tr_fp_quiet_compare(t))
        return true;
    const struct rv_insn *a = &t->ip->d, *b = &t->ip[1].d;
    if (a->op == RV_AUIPC && b->op == RV_JALR && a->rd != RV_SINK &&
        b->rs1 == a->rd && !jit_bounded(a->rd) && !jit_bounded(b->rd)) {
        /* call/tail to a pc-relative address: a direct jump or call */
        uint64_t base = t->pc + (uint64_t)(int64_t)a->imm;
        if (a->rd != b->rd)
            tr_set_constant(t, a->rd, base);
        uint64_t b_pc = t->blk->pc + t->ip[1].off;
        tr_jump_direct(t, b->rd, (base + (uint64_t)(int64_t)b->imm) & ~1ull,
                       b_pc + b->len);
        t->fused = 1;
        return true;
    }
    if (a->op == RV_SLLI && a->imm >= 1 && a->imm <= 3 && a->rd != RV_SINK &&
        b->op == RV_ADD && b->rd == a->rd) {
        /* array indexing without Zba's shNadd; the shifted value in rd is
         * overwritten by the add, so nobody sees it */
        int base = b->rs1 == a->rd ? b->rs2 : b->rs2 == a->rd ? b->rs1 : a->rd;
        if (base != a->rd) {
            tr_shadd(t, a->rd, a->rs1, base, (unsigned)a->imm, false);
            t->fused = 1;
            return true;
        }
    }
    if (a->rd == RV_SINK || a->rd != b->rd || b->rs1 != a->rd)
        return false;
    int rd = a->rd;
    if (a->op == RV_LUI && b->op == RV_ADDI) {
        tr_set_constant(t, rd, (uint64_t)((int64_t)a->imm + b->imm));
    } else if (a->op == RV_LUI && b->op == RV_ADDIW) {
        tr_set_constant(t, rd, (uint64_t)(int64_t)(int32_t)((uint32_t)a->imm +
                                                         (uint32_t)b->imm));
    } else if (a->op == RV_AUIPC && b->op == RV_ADDI) {
        tr_set_constant(t, rd, t->pc + (uint64_t)(int64_t)a->imm +
                                (uint64_t)(int64_t)b->imm);
    } else if (a->op == RV_SLLI && b->op == RV_SRLI) {
        return bit_field(t, rd, a->rs1, (unsigned)a->imm, (unsigned)b->imm);
    } else {
        return false;
    }
    t->fused = 1;
    return true;
}
