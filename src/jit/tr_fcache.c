/* The copies of guest FP registers that a translation unit keeps in
 * XMM2-XMM15 (struct tr_fcache). FP code is chains of dependent operations;
 * reading each operand back from struct hart puts a store-to-load
 * forwarding delay on every link of the chain, while a register copy costs
 * nothing. A result stays in its copy only (dirty) until the code may
 * leave the unit's straight-line code: translate.c stores the dirty copies
 * before branches, jumps and calls into C, the stubs that leave store
 * those dirty where they branched off (struct tr_fdirty), and each fault
 * site records them for the fault handler, which takes them from the
 * signal context. A copy also goes to memory when its XMM is taken for
 * another register, and before code that reads the register from memory.
 * A unit is entered with no copies, and calls into C drop them all (the
 * SysV ABI lets C clobber every XMM register). */
#include <string.h>
#include "jit/translate.h"

#define FC (&t->fc)
#define FIRST_SLOT 2 /* XMM0 and XMM1 are the emitters' scratch */

static void touch(struct tr *t, int x)
{
    FC->last_use[x] = ++FC->clock;
}

void tr_f_load_canonical_nan(struct tr *t, enum x64_xmm x, bool single)
{
    if (single)
        x64_movss_xm(&t->b, x, x64_mem(JIT_STATE, HART_OFF(jit_nan_s)));
    else
        x64_movsd_xm(&t->b, x, x64_mem(JIT_STATE, HART_OFF(jit_nan_d)));
}

void tr_f_may_be_nan(struct tr *t, int r)
{
    FC->nanfix |= 1u << r;
}

void tr_f_canonical(struct tr *t, int r)
{
    if (!(FC->nanfix >> r & 1))
        return;
    enum x64_xmm x = (enum x64_xmm)FC->slot[r];
    bool single = FC->low32 >> r & 1;
    if (single)
        x64_ucomiss_xx(&t->b, x, x);
    else
        x64_ucomisd_xx(&t->b, x, x);
    tr_nan_canonical_if(t, x, single);
    FC->nanfix &= ~(1u << r);
}

/* Stores the copy in XMM x of f[r] (boxing a single) to struct hart. */
static void store_copy(struct tr *t, int x, int r, bool single)
{
    if (single) {
        x64_movss_mx(&t->b, FREG_MEM(r), (enum x64_xmm)x);
        x64_store_i(&t->b, W32, x64_mem(JIT_STATE, HART_OFF(f) + 8 * r + 4), -1);
    } else {
        x64_movsd_mx(&t->b, FREG_MEM(r), (enum x64_xmm)x);
    }
}

void tr_f_writeback(struct tr *t, int r)
{
    if (!(FC->dirty >> r & 1))
        return;
    tr_f_canonical(t, r);
    store_copy(t, FC->slot[r], r, FC->low32 >> r & 1);
    FC->dirty &= ~(1u << r);
}

void tr_f_writeback_all(struct tr *t)
{
    for (int r = 0; r < 32 && FC->dirty; r++)
        tr_f_writeback(t, r);
}

void tr_f_dirty_now(const struct tr *t, struct tr_fdirty *d)
{
    *d = (struct tr_fdirty){{0}, 0, 0, 0};
    for (int r = 0; r < 32 && FC->dirty >> r; r++) {
        if (!(FC->dirty >> r & 1))
            continue;
        int x = FC->slot[r];
        d->owner[x] = (uint8_t)(r + 1);
        d->slots |= (uint16_t)(1u << x);
        if (FC->low32 >> r & 1)
            d->single |= (uint16_t)(1u << x);
        if (FC->nanfix >> r & 1)
            d->nanfix |= (uint16_t)(1u << x);
    }
}

bool tr_f_dirty_equal(const struct tr_fdirty *a, const struct tr_fdirty *b)
{
    return a->slots == b->slots && a->single == b->single &&
           a->nanfix == b->nanfix &&
           !memcmp(a->owner, b->owner, sizeof a->owner);
}

void tr_f_store_dirty(struct tr *t, const struct tr_fdirty *d)
{
    for (int x = FIRST_SLOT; x < TR_FSLOTS && d->slots >> x; x++) {
        if (!(d->slots >> x & 1))
            continue;
        bool single = d->single >> x & 1;
        if (d->nanfix >> x & 1) { /* in a stub: the fix-up inline */
            if (single)
                x64_ucomiss_xx(&t->b, (enum x64_xmm)x, (enum x64_xmm)x);
            else
                x64_ucomisd_xx(&t->b, (enum x64_xmm)x, (enum x64_xmm)x);
            size_t number = x64_jcc8_fwd(&t->b, CC_NP);
            tr_f_load_canonical_nan(t, (enum x64_xmm)x, single);
            x64_bind8(&t->b, number);
        }
        store_copy(t, x, d->owner[x] - 1, single);
    }
}

/* An XMM for f[r], with no copy in it yet: a free one, else the least
 * recently used (never one the current instruction read, which were used
 * last). */
static int take_slot(struct tr *t, int r)
{
    int pick = FIRST_SLOT;
    for (int x = FIRST_SLOT; x < TR_FSLOTS; x++) {
        if (!FC->owner[x]) {
            pick = x;
            break;
        }
        if (FC->last_use[x] < FC->last_use[pick])
            pick = x;
    }
    if (FC->owner[pick]) {
        tr_f_writeback(t, FC->owner[pick] - 1);
        FC->slot[FC->owner[pick] - 1] = 0;
    }
    FC->owner[pick] = (uint8_t)(r + 1);
    FC->slot[r] = (uint8_t)pick;
    touch(t, pick);
    return pick;
}

enum x64_xmm tr_f_read_low(struct tr *t, int r)
{
    int x = FC->slot[r];
    if (!x) {
        x = take_slot(t, r);
        x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        FC->low32 &= ~(1u << r);
    }
    touch(t, x);
    return (enum x64_xmm)x;
}

void tr_f_read_boxed(struct tr *t, int r)
{
    /* Only the single: loading all 64 bits would read the two halves that
     * two 4-byte stores wrote (the value and its box), which the host
     * cannot forward from its store buffer, and an FP loop that keeps its
     * sum in memory would wait for both stores to retire every round. */
    if (!FC->slot[r]) {
        int x = take_slot(t, r);
        x64_movss_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        FC->low32 |= 1u << r;
    }
    touch(t, FC->slot[r]);
}

enum x64_xmm tr_f_read(struct tr *t, int r)
{
    int x = FC->slot[r];
    if (x && (FC->low32 >> r & 1)) { /* the whole register, from memory */
        tr_f_writeback(t, r);
        x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        FC->low32 &= ~(1u << r);
    }
    return tr_f_read_low(t, r);
}

bool tr_f_is_dirty(const struct tr *t, int r)
{
    return FC->dirty >> r & 1;
}

bool tr_f_known_boxed(const struct tr *t, int r)
{
    return FC->slot[r] && (FC->low32 >> r & 1);
}

void tr_f_wrote(struct tr *t, int r, enum x64_xmm x, bool single)
{
    int s = FC->slot[r] ? FC->slot[r] : take_slot(t, r);
    if ((int)x != s)
        x64_movaps_xx(&t->b, (enum x64_xmm)s, x);
    if (single)
        FC->low32 |= 1u << r;
    else
        FC->low32 &= ~(1u << r);
    FC->dirty |= 1u << r;
    FC->nanfix &= ~(1u << r);
    touch(t, s);
}

enum x64_xmm tr_f_slot_for(struct tr *t, int r)
{
    int s = FC->slot[r] ? FC->slot[r] : take_slot(t, r);
    touch(t, s);
    return (enum x64_xmm)s;
}

enum x64_xmm tr_f_slot_of(const struct tr *t, int r)
{
    return (enum x64_xmm)FC->slot[r];
}

void tr_f_forget(struct tr *t, int r)
{
    int x = FC->slot[r];
    if (x) {
        FC->owner[x] = 0;
        FC->slot[r] = 0;
    }
    FC->dirty &= ~(1u << r);
    FC->nanfix &= ~(1u << r);
}

void tr_f_forget_all(struct tr *t)
{
    for (int r = 0; r < 32; r++)
        tr_f_forget(t, r);
}

void tr_f_reload(struct tr *t, const uint8_t owner[TR_FSLOTS])
{
    /* A low-32 copy reloads as the whole register: its low half is the
     * same, and the code after this only reads the low half. */
    for (int x = FIRST_SLOT; x < TR_FSLOTS; x++)
        if (owner[x])
            x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(owner[x] - 1));
}

/* How a loop unit uses f register r, if all its uses agree: 1 as a
 * single, 2 as a double, 0 mixed. */
static int precision_of(const struct rv_insn *d, int r)
{
    enum rv_op op = (enum rv_op)d->op;
    if (op == RV_FLW || op == RV_FSW || op == RV_FMV_X_W)
        return 1;
    if (op == RV_FLD || op == RV_FSD)
        return 2;
    const char *m = rv_opinfo[op].mnemonic;
    size_t len = strlen(m);
    /* fcvt.D.S reads a single and writes a double, and so on. */
    if (!strncmp(m, "fcvt.", 5) && len == 8) {
        bool reads = rv_regfile(op, 1) == RV_REG_F && d->rs1 == r;
        bool writes = rv_regfile(op, 0) == RV_REG_F && d->rd == r;
        int from = m[7] == 's' ? 1 : m[7] == 'd' ? 2 : 0;
        int to = m[5] == 's' ? 1 : m[5] == 'd' ? 2 : 0;
        if (reads && writes && from != to)
            return 0;
        return reads ? from : writes ? to : 0;
    }
    /* the others: the precision is the suffix (fmv.w.x and the like,
     * with none, count as mixed) */
    if (m[len - 2] != '.')
        return 0;
    return m[len - 1] == 's' ? 1 : m[len - 1] == 'd' ? 2 : 0;
}

unsigned tr_f_pin_choose(const struct block *blk, uint8_t regs[TR_FPIN],
                         bool single[TR_FPIN])
{
    int prec[32] = {0};
    bool read[32] = {false}, bad[32] = {false};
    unsigned order[32], nread = 0;
    for (unsigned i = 0; i < blk->n; i++) {
        const struct rv_insn *d = &blk->insn[i].d;
        if (d->op >= RV_OP_COUNT)
            continue;
        enum rv_op op = (enum rv_op)d->op;
        const uint8_t f[4] = {d->rd, d->rs1, d->rs2, d->rs3};
        for (int k = 0; k < 4; k++) {
            if (rv_regfile(op, k) != RV_REG_F || f[k] >= 32)
                continue;
            int r = f[k], p = precision_of(d, r);
            if (!p || (prec[r] && prec[r] != p))
                bad[r] = true;
            prec[r] = p;
            if (k > 0 && !read[r]) {
                read[r] = true;
                order[nread++] = (unsigned)r;
            }
        }
    }
    unsigned n = 0;
    for (unsigned k = 0; k < nread && n < TR_FPIN; k++) {
        int r = (int)order[k];
        if (bad[r])
            continue;
        regs[n] = (uint8_t)r;
        single[n++] = prec[r] == 1;
    }
    return n;
}

void tr_f_pin(struct tr *t, const uint8_t regs[], const bool single[],
              unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        int r = regs[k], x = FIRST_SLOT + (int)k;
        if (single[k]) {
            /* A pinned single is known boxed, as everything that reads a
             * single from struct hart after a check expects; one that is
             * not (rare: a single op on a double) runs interpreted. */
            x64_cmp_mi(&t->b, W32,
                       x64_mem(JIT_STATE, HART_OFF(f) + 8 * r + 4), -1);
            tr_leave_if(t, CC_NE, JX_UNBOXED, t->blk->pc, 0);
            x64_movss_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        } else {
            x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        }
        FC->owner[x] = (uint8_t)(r + 1);
        FC->slot[r] = (uint8_t)x;
        if (single[k])
            FC->low32 |= 1u << r;
        touch(t, x);
    }
}

bool tr_f_pinned_intact(const struct tr *t, const uint8_t regs[],
                        const bool single[], unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        int r = regs[k];
        if (FC->slot[r] != FIRST_SLOT + (int)k || (FC->dirty >> r & 1) ||
            (FC->nanfix >> r & 1) || (bool)(FC->low32 >> r & 1) != single[k])
            return false;
    }
    return true;
}
