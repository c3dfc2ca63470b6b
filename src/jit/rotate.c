/* Rotates written as shifts. RV64GC has no rotate instruction (Zbb does),
 * so compiled code spells rotl32(x, n) as
 *     slliw t, x, n ; srliw u, x, 32-n ; or r, t, u
 * (in any order, with other instructions between, and likewise slli/srli
 * by n and 64-n for 64 bits): five x86 instructions with the moves, for
 * what one rorx does. Hashes and ciphers (SHA-256, xxHash, SipHash) are
 * made of them.
 *
 * This finds such triples in a translation unit and has the or translated
 * as the rotate of x, and the two shifts not at all, where that cannot be
 * told apart from running them: their results must be read by nothing but
 * the or and be overwritten before anything could see them (a fault, an
 * exit, the unit's end). Which is a question for the demand analysis
 * (demand.c), asked of a view of the unit where each or writes its result
 * and reads nothing; a triple whose shift turns out not to be dead is
 * dropped and the question asked again, as that shift may read another's.
 * x itself must hold the same value at the or as at the shifts: nothing
 * between writes it, except the later shift, skipped too. */
#include "jit/translate.h"

struct triple {
    unsigned first, second, or_at; /* first < second < or_at */
};

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

static bool writes_x_reg(const struct rv_insn *d)
{
    return d->op < RV_OP_COUNT && rv_regfile((enum rv_op)d->op, 0) == RV_REG_X;
}

/* Whether the or at k of the results of instructions a and b (the last
 * writers of its sources) is a rotate; fills *rot and *tr if so. */
static bool rotate_at(const struct block *blk, unsigned k, int a, int b,
                      struct rv_insn *rot, struct triple *tr)
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
    /* Nothing else writes x from the first shift to the or. (Nor may the
     * first shift, which the second then reads: the demand analysis finds
     * its result read, so not dead.) */
    for (unsigned i = first + 1; i < k; i++)
        if (i != second && writes_x_reg(&blk->insn[i].d) &&
            blk->insn[i].d.rd == x)
            return false;
    *rot = blk->insn[k].d;
    rot->op = (uint16_t)op;
    rot->rs1 = (uint8_t)x;
    rot->rs2 = 0;
    rot->imm = right->imm;
    *tr = (struct triple){first, second, k};
    return true;
}

unsigned jit_find_rotates(const struct block *blk, uint8_t *role,
                          struct rv_insn *rotates, bool *low32)
{
    struct rv_insn view[JIT_MAX_UNIT];
    struct triple found[JIT_MAX_UNIT]; /* at most one per or */
    unsigned n = 0;
    int writer[33];
    for (int r = 0; r < 33; r++)
        writer[r] = -1;
    for (unsigned i = 0; i < blk->n; i++)
        role[i] = TR_PLAIN;
    for (unsigned k = 0; k < blk->n; k++) {
        const struct rv_insn *d = &blk->insn[k].d;
        if ((d->op == RV_OR || d->op == RV_XOR || d->op == RV_ADD) &&
            d->rs1 != d->rs2 && d->rs1 && d->rs2 && !jit_bounded(d->rd) &&
            writer[d->rs1] >= 0 && writer[d->rs2] >= 0 &&
            rotate_at(blk, k, writer[d->rs1], writer[d->rs2], &rotates[k],
                      &found[n]))
            n++;
        if (writes_x_reg(d))
            writer[d->rd] = (int)k;
    }
    if (n == 0) {
        jit_demand(blk, NULL, low32, NULL);
        return 0;
    }
    for (unsigned i = 0; i < blk->n; i++)
        view[i] = blk->insn[i].d;
    for (unsigned f = 0; f < n; f++) {
        view[found[f].or_at] = rotates[found[f].or_at];
        view[found[f].or_at].rs1 = 0; /* x is read where the shifts read it */
    }
    bool dead[JIT_MAX_UNIT];
    for (;;) {
        jit_demand(blk, view, low32, dead);
        unsigned kept = 0;
        for (unsigned f = 0; f < n; f++) {
            if (dead[found[f].first] && dead[found[f].second])
                found[kept++] = found[f];
            else
                view[found[f].or_at] = blk->insn[found[f].or_at].d;
        }
        if (kept == n)
            break;
        n = kept; /* the or reads its shifts again: ask again */
    }
    for (unsigned f = 0; f < n; f++) {
        role[found[f].first] = TR_SKIP;
        role[found[f].second] = TR_SKIP;
        role[found[f].or_at] = TR_ROTATE;
    }
    return n;
}
