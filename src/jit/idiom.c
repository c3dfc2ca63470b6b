/* Idioms: sequences of guest instructions a translation unit translates
 * as one host operation (a rotate, rotate.c; a load assembled from bytes,
 * byteload.c). Each idiom is translated at one of its instructions (`at`)
 * and the others not at all, so the registers they write keep their old
 * values, and the idiom's destination gets its value at `at`. That must
 * not be observable, which is decided here, for all idioms of the unit
 * together:
 *   - between an idiom's first and last instructions, the others are plain
 *     arithmetic (no access that may fault, no branch, nothing that leaves)
 *     that neither reads nor writes the idiom's destination;
 *   - every other register its instructions write is dead after them: the
 *     demand analysis (demand.c), run on the unit as it will be translated
 *     (a view where each idiom is its one instruction at `at` and the
 *     others do nothing), finds nothing reading or seeing it before it is
 *     overwritten. Or, for a load assembled from bytes, the instruction is
 *     the last of the idiom to write that register, and its value, some
 *     bytes of the load's, is made from the load's there instead (an
 *     extract: the partial assemblies gcc leaves in registers live on to
 *     the next store, where a fault would see them).
 * An idiom that fails is dropped and the analysis run again, since what
 * it left out may read another's results; so it is when an extract is
 * added, which reads the load's destination. Overlapping idioms keep the one
 * with more instructions (a doubleword over the halfword inside it). */
#include <string.h>
#include "jit/translate.h"

#define MAX_IDIOMS 64

static bool member(const struct tr_idiom *c, unsigned i)
{
    return c->members[i / 64] >> i % 64 & 1;
}

static unsigned first_member(const struct tr_idiom *c)
{
    unsigned i = 0;
    while (!member(c, i))
        i++;
    return i;
}

static unsigned count_members(const struct tr_idiom *c)
{
    unsigned n = 0;
    for (unsigned w = 0; w < TR_UNIT_WORDS; w++)
        n += (unsigned)__builtin_popcountll(c->members[w]);
    return n;
}

static bool overlap(const struct tr_idiom *a, const struct tr_idiom *b)
{
    for (unsigned w = 0; w < TR_UNIT_WORDS; w++)
        if (a->members[w] & b->members[w])
            return true;
    return false;
}

static bool reads_reg(const struct rv_insn *d, int r)
{
    return (rv_regfile((enum rv_op)d->op, 1) == RV_REG_X && d->rs1 == r) ||
           (rv_regfile((enum rv_op)d->op, 2) == RV_REG_X && d->rs2 == r);
}

/* The first rule above, and no instruction of it writing sp, gp or tp
 * (translated code checks those). */
static bool quiet_between(const struct block *blk, const struct tr_idiom *c)
{
    int dest = c->insn.rd;
    for (unsigned i = first_member(c); i <= c->last; i++) {
        const struct rv_insn *d = &blk->insn[i].d;
        if (member(c, i)) {
            if (jit_bounded(jit_x_dest(d)))
                return false;
            continue;
        }
        if (!jit_plain_int(d) || reads_reg(d, dest) || jit_x_dest(d) == dest)
            return false;
    }
    return true;
}

/* The extract of instruction i, or NULL. */
static struct tr_extract *extract_of(struct tr_idiom *c, unsigned i)
{
    for (unsigned k = 0; k < c->nextracts; k++)
        if (c->extracts[k].index == i)
            return &c->extracts[k];
    return NULL;
}

/* Whether i is the last instruction of c that writes register r. */
static bool last_write(const struct block *blk, const struct tr_idiom *c,
                       unsigned i, int r)
{
    for (unsigned k = i + 1; k <= c->last; k++)
        if (member(c, k) && jit_x_dest(&blk->insn[k].d) == r)
            return false;
    return true;
}

/* Turns on the extract of each instruction of load c that is the last of
 * c to write its register and whose result is read after it (given live,
 * jit_demand on the view); sets *more if it did. */
static void add_extracts(const struct block *blk, struct tr_idiom *c,
                         const uint64_t *live, bool *more)
{
    for (unsigned k = 0; k < c->nextracts; k++) {
        struct tr_extract *e = &c->extracts[k];
        int r = jit_x_dest(&blk->insn[e->index].d);
        if (!e->on && e->usable && e->index != c->at && r >= 0 &&
            r != c->insn.rd && (live[e->index] >> r & 1) &&
            last_write(blk, c, e->index, r))
            *more = e->on = true;
    }
}

/* The second rule, given live (jit_demand on the view). */
static bool results_ok(const struct block *blk, struct tr_idiom *c,
                       const uint64_t *live)
{
    for (unsigned i = first_member(c); i <= c->last; i++) {
        if (!member(c, i))
            continue;
        const struct tr_extract *e = extract_of(c, i);
        int r = jit_x_dest(&blk->insn[i].d);
        if (r >= 0 && r != c->insn.rd && !(e && e->on) && (live[i] >> r & 1))
            return false;
    }
    return true;
}

static void make_view(const struct block *blk, struct tr_idiom *c,
                      unsigned n, struct rv_insn *view)
{
    static const struct rv_insn nothing = {.op = RV_ADDI, .rd = RV_SINK};
    for (unsigned i = 0; i < blk->n; i++)
        view[i] = blk->insn[i].d;
    for (unsigned k = 0; k < n; k++)
        for (unsigned i = first_member(&c[k]); i <= c[k].last; i++) {
            if (!member(&c[k], i))
                continue;
            const struct tr_extract *e = extract_of(&c[k], i);
            if (i == c[k].at)
                view[i] = c[k].insn;
            else if (e && e->on) /* reads the load's result */
                view[i] = (struct rv_insn){.op = RV_SRLI, .rd = blk->insn[i].d.rd,
                                           .rs1 = c[k].insn.rd, .imm = 1};
            else
                view[i] = nothing;
        }
}

unsigned jit_find_idioms(const struct block *blk, uint8_t *role,
                         struct rv_insn *idiom_insn, uint8_t *replay,
                         bool *low32)
{
    /* Most units have neither a right shift by an immediate (half of a
     * rotate) nor a byte load: nothing to look for there. */
    bool shifts = false, bytes = false;
    for (unsigned i = 0; i < blk->n; i++) {
        unsigned op = blk->insn[i].d.op;
        shifts |= op == RV_SRLI || op == RV_SRLIW;
        bytes |= op == RV_LBU;
    }
    struct tr_idiom found[MAX_IDIOMS];
    unsigned n = shifts ? jit_rotate_candidates(blk, found, MAX_IDIOMS) : 0;
    if (bytes)
        n += jit_byte_load_candidates(blk, found + n, MAX_IDIOMS - n);
    /* Larger first, then drop what overlaps a kept one or breaks rule 1. */
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && count_members(&found[j]) >
                                         count_members(&found[j - 1]); j--) {
            struct tr_idiom swap = found[j];
            found[j] = found[j - 1];
            found[j - 1] = swap;
        }
    unsigned kept = 0;
    for (unsigned i = 0; i < n; i++) {
        bool ok = quiet_between(blk, &found[i]) &&
                  found[i].last - first_member(&found[i]) < 64;
        for (unsigned k = 0; ok && k < kept; k++)
            ok = !overlap(&found[i], &found[k]);
        if (ok)
            found[kept++] = found[i];
    }
    n = kept;
    if (n == 0) {
        jit_demand(blk, NULL, low32, NULL);
        return 0;
    }
    struct rv_insn view[JIT_MAX_UNIT];
    uint64_t live[JIT_MAX_UNIT];
    for (;;) {
        make_view(blk, found, n, view);
        jit_demand(blk, view, low32, live);
        bool more = false;
        for (unsigned k = 0; k < n; k++)
            add_extracts(blk, &found[k], live, &more);
        if (more)
            continue;
        kept = 0;
        for (unsigned k = 0; k < n; k++)
            if (results_ok(blk, &found[k], live))
                found[kept++] = found[k];
        if (kept == n)
            break;
        n = kept;
    }
    for (unsigned i = 0; i < blk->n; i++) {
        role[i] = TR_PLAIN;
        replay[i] = 0;
    }
    for (unsigned k = 0; k < n; k++) {
        for (unsigned i = first_member(&found[k]); i <= found[k].last; i++) {
            const struct tr_extract *e = extract_of(&found[k], i);
            if (!member(&found[k], i)) {
                continue;
            } else if (e && e->on) {
                role[i] = TR_EXTRACT;
                idiom_insn[i] = (struct rv_insn){
                    .op = RV_SRLI, /* what it writes, for translate.c */
                    .rd = blk->insn[i].d.rd, .rs1 = found[k].insn.rd,
                    .rs2 = e->mask, .rm = e->sext, .imm = e->skip};
            } else {
                role[i] = TR_SKIP;
            }
        }
        role[found[k].at] = TR_IDIOM;
        idiom_insn[found[k].at] = found[k].insn;
        if (found[k].replay)
            replay[found[k].at] = (uint8_t)(found[k].last - found[k].at + 1);
    }
    return n;
}
