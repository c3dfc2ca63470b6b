/* Rotates written as shifts. RV64GC has no rotate instruction (Zbb does),
 * so compiled code spells rotl32(x, n) as
 *     slliw t, x, n ; srliw u, x, 32-n ; or r, t, u
 * (in any order, with other instructions between, and likewise slli/srli
 * by n and 64-n for 64 bits): five x86 instructions with the moves, for
 * what one rorx does. Hashes and ciphers (SHA-256, xxHash, SipHash) are
 * made of them.
 *
 * This finds such triples in a translation unit: the or can be translated
 * as the rotate of x, and the two shifts not at all, if x holds the same
 * value at the or as at the shifts (nothing between writes it, except the
 * later shift, itself left out) and, which idiom.c decides, nothing but
 * the or reads the shifts' results or could see them. */
#include "jit/translate.h"

/* The amount a left shift of x by n and a right shift by m add up to a
 * rotate of, as RORI/RORIW's op, or 0 when they do not. */
static unsigned rotate_op(const struct rv_insn *l, const struct rv_insn *r)
{
    if (l->rs1 != r->rs1 || l->rs1 == 0 || l->imm <= 0 || r->imm <= 0)
        return 0;
    if (l->op == RV_SLLIW && r->op == RV_SRLIW && l->imm + r->imm == 32)
        return RV_RORIW;
    if (l->op == RV_SLLI && r->op == RV_SRLI && l->imm + r->imm == 64)
        return RV_RORI;
    return 0;
}

/* Whether the or at k of the results of instructions a and b (the last
 * writers of its sources) is a rotate; fills *c if so. */
static bool rotate_at(const struct block *blk, unsigned k, int a, int b,
                      struct tr_idiom *c)
{
    const struct rv_insn *da = &blk->insn[a].d, *db = &blk->insn[b].d;
    unsigned op = rotate_op(da, db);
    const struct rv_insn *right = db;
    if (!op) {
        op = rotate_op(db, da);
        right = da;
    }
    if (!op)
        return false;
    unsigned first = (unsigned)(a < b ? a : b), second = (unsigned)(a < b ? b : a);
    int x = da->rs1;
    if (blk->insn[first].d.rd == x)
        return false; /* the second shift reads another x */
    /* Nothing else writes x from the first shift to the or. */
    for (unsigned i = first + 1; i < k; i++)
        if (i != second && jit_x_dest(&blk->insn[i].d) == x)
            return false;
    *c = (struct tr_idiom){.at = k, .last = k, .insn = blk->insn[k].d};
    c->members[first / 64] |= UINT64_C(1) << first % 64;
    c->members[second / 64] |= UINT64_C(1) << second % 64;
    c->members[k / 64] |= UINT64_C(1) << k % 64;
    c->insn.op = (uint16_t)op;
    c->insn.rs1 = (uint8_t)x;
    c->insn.rs2 = 0;
    c->insn.imm = right->imm;
    return true;
}

unsigned jit_rotate_candidates(const struct block *blk, struct tr_idiom *out,
                               unsigned max)
{
    unsigned n = 0;
    int writer[33];
    for (int r = 0; r < 33; r++)
        writer[r] = -1;
    for (unsigned k = 0; k < blk->n && n < max; k++) {
        const struct rv_insn *d = &blk->insn[k].d;
        if ((d->op == RV_OR || d->op == RV_XOR || d->op == RV_ADD) &&
            d->rs1 != d->rs2 && d->rs1 && d->rs2 && writer[d->rs1] >= 0 &&
            writer[d->rs2] >= 0 &&
            rotate_at(blk, k, writer[d->rs1], writer[d->rs2], &out[n]))
            n++;
        if (jit_x_dest(d) >= 0)
            writer[d->rd] = (int)k;
    }
    return n;
}
