/* Translating one decoded block to x86-64: the block frame (interrupt check
 * and retired-instruction count at entry), the per-instruction emitters of
 * tr_*.c, the fallback that calls the interpreter's body for instructions
 * without a translation, and the out-of-line stubs at the end (chain exits
 * and out-of-range addresses).
 *
 * Guest registers of jit_host_reg[] stay in host registers for the whole
 * time translated code runs, across blocks; the others are read and written
 * in struct hart. Every instruction leaves guest state exactly as the
 * interpreter would, so the state is precise at every memory access: the
 * fault sites recorded here map a faulting host instruction back to its
 * guest instruction. */
#include "jit/translate.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "jit/jit.h"
#include "mem/space.h"
#include "rv/csr.h"
#include "rv/interp.h"

/* Sixteen host registers: RBP, R14, RSP and three scratch are taken; the
 * remaining ten hold guest registers. They start with the ones compiled
 * code uses most in general (stack pointer, return address, frame pointer,
 * s1, a0-a5); once enough code has been translated, jit_remap() picks the ten
 * this program's hot code uses most, for the next generation of code. The
 * mapping only changes while no translated code exists (jit_flush). */
static const enum x64_reg mapped_hosts[JIT_NMAPPED] = {
    RBX, R12, R13, RSI, RDI, R8, R9, R10, R11, R15};
uint8_t jit_mapped[JIT_NMAPPED] = {2, 1, 8, 10, 11, 12, 13, 14, 15, 9};
int8_t jit_host_reg[33] = {
    [0] = -1, [1] = R12, [2] = RBX, [3] = -1, [4] = -1, [5] = -1, [6] = -1,
    [7] = -1, [8] = R13, [9] = R15, [10] = RSI, [11] = RDI, [12] = R8,
    [13] = R9, [14] = R10, [15] = R11, [16] = -1, [17] = -1, [18] = -1,
    [19] = -1, [20] = -1, [21] = -1, [22] = -1, [23] = -1, [24] = -1,
    [25] = -1, [26] = -1, [27] = -1, [28] = -1, [29] = -1, [30] = -1,
    [31] = -1, [32] = -1,
};

/* Until the remap, translated code counts its executions in its block's
 * count (a profile: increments of threads running one block at once may
 * be lost), so that the remap weighs each block by how often it ran. */
bool jit_profiling = true;


/* Uses of each guest register, weighted by executions (jit_profile). */
static uint64_t reg_uses[32];

static bool is_cond_branch_insn(const struct block_insn *ip);

void jit_profile(const struct block *blk)
{
    uint64_t count = blk->count; /* of the segment of insn i */
    unsigned segment = 0;
    for (unsigned i = 0; i < blk->n; i++) {
        if (i > 0 && is_cond_branch_insn(&blk->insn[i - 1]) && blk->seg_count)
            count = blk->seg_count[segment++];
        const struct rv_insn *d = &blk->insn[i].d;
        if (d->op >= RV_OP_COUNT)
            continue;
        const uint8_t regs[3] = {d->rd, d->rs1, d->rs2};
        for (int k = 0; k < 3; k++)
            if (rv_regfile((enum rv_op)d->op, k) == RV_REG_X && regs[k] &&
                regs[k] < 32)
                reg_uses[regs[k]] += count;
    }
}

bool jit_remap(void)
{
    uint8_t best[JIT_NMAPPED];
    bool taken[32] = {true}; /* x0 never */
    for (int k = 0; k < JIT_NMAPPED; k++) {
        int pick = -1;
        for (int r = 1; r < 32; r++)
            if (!taken[r] && (pick < 0 || reg_uses[r] > reg_uses[pick]))
                pick = r;
        taken[pick] = true;
        best[k] = (uint8_t)pick;
    }
    /* Without a profile (translated code that did not count), the counts
     * are the interpreter's few runs of each block: no basis for a change. */
    bool profiled = reg_uses[best[0]] >= 100000;
    jit_profiling = false;
    memset(reg_uses, 0, sizeof reg_uses); /* a next profile starts anew */
    int changed = 0;
    for (int k = 0; k < JIT_NMAPPED; k++)
        changed += jit_host_reg[best[k]] < 0;
    if (!profiled || changed < 2)
        return false; /* not worth a retranslation */
    for (int r = 0; r < 33; r++)
        jit_host_reg[r] = -1;
    for (int k = 0; k < JIT_NMAPPED; k++) {
        jit_mapped[k] = best[k];
        jit_host_reg[best[k]] = (int8_t)mapped_hosts[k];
    }
    return true;
}

enum stub_kind {
    STUB_CHAIN, STUB_BOUNDS, STUB_INTERRUPT, STUB_SLOW, STUB_IC, STUB_LEAVE,
    STUB_SIDE, STUB_FNAN, STUB_REJOIN
};

struct tr_stub {
    uint8_t kind;
    int8_t base;        /* bounds: host register holding the base */
    int32_t disp;       /* bounds: displacement added to it */
    size_t site;        /* offset of the rel32 that jumps to the stub */
    bool cold_site;     /* chain: site is in the cold part (a side exit's) */
    uint64_t target;    /* chain: guest target; bounds, slow: guest pc;
                           leave: the pc the interpreter goes on at */
    unsigned index;     /* bounds, slow: instruction index */
    unsigned unretired; /* leave, side: instructions counted, not retired */
    int reason;         /* leave: JX_UNBOUNDED, JX_FRM or JX_UNBOXED */
    size_t more_sites[3]; /* slow: further branches to the same stub */
    unsigned nmore;
    size_t resume;      /* slow: where to go on after the fallback */
    uint8_t fowner[TR_FSLOTS]; /* slow: the FP copies expected there */
    uint32_t sext;      /* bounds: as jit_fault_site.sext */
    struct tr_fdirty fdirty; /* bounds, slow, leave: FP copies to store */
    int8_t xmm;         /* fnan: the XMM to make the canonical NaN */
    bool single;        /* fnan: of single precision */
};

bool jit_is_cond_branch(enum rv_op op)
{
    switch (op) {
    case RV_BEQ: case RV_BNE: case RV_BLT: case RV_BGE: case RV_BLTU:
    case RV_BGEU:
        return true;
    default:
        return false;
    }
}

static bool is_cond_branch_insn(const struct block_insn *ip)
{
    return ip->d.op < RV_OP_COUNT && jit_is_cond_branch((enum rv_op)ip->d.op);
}

unsigned jit_unretired(const struct block *b, unsigned index)
{
    unsigned counted = index < b->count_split ? b->count_split : b->n;
    return counted - index;
}

/* A unit counts its instructions as retired on entry, and a side exit
 * takes back those it skips. A loop that goes round from the middle of
 * its unit (the way out is part of the superblock: strcmp's byte loop)
 * would take some back on every round, so such a unit counts up to its
 * branch back on entry and the rest after it; the branch back is then a
 * plain jump to the unit's entry. */
static uint16_t count_split(const struct block *blk)
{
    for (unsigned i = 0; i + 1 < blk->n; i++) {
        const struct block_insn *ip = &blk->insn[i];
        if (is_cond_branch_insn(ip) &&
            blk->pc + ip->off + (uint64_t)(int64_t)ip->d.imm == blk->pc)
            return (uint16_t)(i + 1);
    }
    return 0;
}

/* A unit whose last instruction goes back to its start (a loop that
 * goes round without leaving it). */
static bool is_self_loop(const struct block *blk)
{
    const struct block_insn *ip = &blk->insn[blk->n - 1];
    if (ip->d.op >= RV_OP_COUNT ||
        !(is_cond_branch_insn(ip) || (ip->d.op == RV_JAL && ip->d.rd == RV_SINK)))
        return false;
    return blk->pc + ip->off + (uint64_t)(int64_t)ip->d.imm == blk->pc;
}

static bool add_stub(struct tr *t, enum stub_kind kind, size_t site,
                     uint64_t target)
{
    if (t->nstubs == t->max_stubs) {
        t->b.overflow = true;
        return false;
    }
    t->stubs[t->nstubs++] =
        (struct tr_stub){.kind = kind, .site = site, .target = target,
                         .index = t->index};
    /* An inline cache's stub leaves without swapping out. (A slow path
     * swaps around its call into C, a leave before it goes, and making a
     * canonical NaN touches no integer register.) */
    if (t->nswaps && kind == STUB_IC)
        t->remap_failed = true;
    if (kind == STUB_BOUNDS || kind == STUB_SLOW || kind == STUB_LEAVE)
        tr_f_dirty_now(t, &t->stubs[t->nstubs - 1].fdirty);
    return true;
}

int tr_forwarded(const struct tr *t, int r)
{
    if (r != 0 && r == t->fwd_guest && x64_offset(&t->b) == t->fwd_at)
        return (int)t->fwd_host;
    return -1;
}

enum x64_reg tr_src(struct tr *t, int r, enum x64_reg scratch)
{
    if (r == 0) {
        x64_zero(&t->b, scratch);
        return scratch;
    }
    if (t->host[r] >= 0)
        return (enum x64_reg)t->host[r];
    if (tr_forwarded(t, r) == (int)scratch)
        return scratch; /* already there: no reload */
    x64_load(&t->b, W64, false, scratch, XREG_MEM(r));
    return scratch;
}

enum x64_reg tr_dst(struct tr *t, int rd)
{
    return t->host[rd] >= 0 ? (enum x64_reg)t->host[rd] : RAX;
}

void tr_commit(struct tr *t, int rd, enum x64_reg r)
{
    if (t->host[rd] < 0) {
        x64_store(&t->b, W64, XREG_MEM(rd), r);
        if (rd < 32 && (r == RAX || r == RCX || r == RDX)) {
            t->fwd_guest = rd;
            t->fwd_host = r;
            t->fwd_at = x64_offset(&t->b);
        }
    } else if ((enum x64_reg)t->host[rd] != r)
        x64_mov_rr(&t->b, W64, (enum x64_reg)t->host[rd], r);
}

void tr_set_constant(struct tr *t, int rd, uint64_t value)
{
    enum x64_reg d = tr_dst(t, rd);
    x64_mov_ri(&t->b, d, value);
    tr_commit(t, rd, d);
    if (rd < 32 && value < GUEST_SPACE_SIZE)
        t->in_bounds |= 1u << rd;
}

/* Pads so that the rel32 of the branch about to be emitted (op_len bytes
 * in) is 4-byte aligned: chaining rewrites it while other threads may be
 * running it, which is atomic only for an aligned word. */
void tr_align_rel32(struct tr *t, unsigned op_len)
{
    unsigned mis = (unsigned)((x64_here(&t->b) + op_len) & 3);
    if (mis)
        x64_branch_pad(&t->b, 4 - mis);
}

/* A loop unit's registers move between their global places and the
 * unit's (loopmap.c): in at its entry, out on every way out. */
static void swap_in(struct tr *t)
{
    for (unsigned k = 0; k < t->nswaps; k++) {
        const struct tr_swap *w = &t->swaps[k];
        x64_store(&t->b, W64, XREG_MEM(w->global_guest), (enum x64_reg)w->host);
        x64_load(&t->b, W64, false, (enum x64_reg)w->host, XREG_MEM(w->unit_guest));
    }
}

static void swap_out(struct tr *t)
{
    for (unsigned k = 0; k < t->nswaps; k++) {
        const struct tr_swap *w = &t->swaps[k];
        x64_store(&t->b, W64, XREG_MEM(w->unit_guest), (enum x64_reg)w->host);
        x64_load(&t->b, W64, false, (enum x64_reg)w->host, XREG_MEM(w->global_guest));
    }
}

void tr_chain(struct tr *t, enum x64_cc cc, bool conditional, uint64_t target)
{
    if ((t->nswaps || t->nfpin) && target == t->blk->pc) {
        /* Round the loop, past the swaps in and the pinned FP loads,
         * which must be where the loads put them. */
        if (t->nfpin &&
            !tr_f_pinned_intact(t, t->fpin, t->fpin_single, t->nfpin))
            t->remap_failed = true;
        if (conditional)
            x64_jcc(&t->b, cc, t->loop_run);
        else
            x64_jmp(&t->b, t->loop_run);
        return;
    }
    if (t->nswaps) {
        /* Anywhere else through a stub that swaps out before its chained
         * jump. */
        size_t site = conditional ? x64_jcc_fwd(&t->b, cc) : x64_jmp_fwd(&t->b);
        if (add_stub(t, STUB_SIDE, site, target))
            t->stubs[t->nstubs - 1].unretired = 0;
        return;
    }
    tr_align_rel32(t, conditional ? 2 : 1);
    size_t site = conditional ? x64_jcc_fwd(&t->b, cc) : x64_jmp_fwd(&t->b);
    add_stub(t, STUB_CHAIN, site, target);
}

void tr_side_exit(struct tr *t, enum x64_cc cc, uint64_t target)
{
    unsigned skipped = jit_unretired(t->blk, t->index) - 1;
    if (!skipped) {
        tr_chain(t, cc, true, target);
        return;
    }
    size_t site = x64_jcc_fwd(&t->b, cc);
    if (add_stub(t, STUB_SIDE, site, target))
        t->stubs[t->nstubs - 1].unretired = skipped;
}

bool tr_branch_within(struct tr *t, enum x64_cc cc, uint64_t target)
{
    const struct block *blk = t->blk;
    /* With the count split the two ways would count differently; an
     * idiom reaching into the then-part or the landing would read
     * differently there (tr_fuse makes no pair across a landing). */
    if (blk->count_split || t->njoins == TR_MAX_JOINS)
        return false;
    unsigned at = 0;
    for (unsigned k = t->index + 2; k < blk->n && k <= t->index + 16; k++)
        if (blk->pc + blk->insn[k].off == target) {
            at = k;
            break;
        }
    if (!at)
        return false;
    for (unsigned k = t->index + 1; t->role && k <= at; k++)
        if (t->role[k] != TR_PLAIN)
            return false;
    size_t site = x64_jcc_fwd(&t->b, cc);
    if (!add_stub(t, STUB_REJOIN, site, target))
        return true; /* the unit overflows and is not used */
    t->stubs[t->nstubs - 1].unretired = at - t->index - 1;
    t->joins[t->njoins++] = (struct tr_join){.at = at,
                                             .stub = t->nstubs - 1,
                                             .checked = t->checked,
                                             .unextended = t->unextended};
    return true;
}

bool tr_is_join(const struct tr *t, unsigned i)
{
    for (unsigned k = 0; k < t->njoins; k++)
        if (t->joins[k].at == i)
            return true;
    return false;
}

/* Where branches within the unit land (tr_branch_within): the state both
 * paths agree on. The path that ran the skipped instructions stores and
 * drops its FP copies first; the other comes with what it knew at the
 * branch. */
static void land_joins(struct tr *t, unsigned i)
{
    if (!tr_is_join(t, i))
        return;
    tr_f_writeback_all(t);
    tr_f_forget_all(t);
    for (unsigned k = 0; k < t->njoins;) {
        struct tr_join *j = &t->joins[k];
        if (j->at != i) {
            k++;
            continue;
        }
        t->stubs[j->stub].resume = x64_offset(&t->b);
        t->checked &= j->checked;
        t->unextended |= j->unextended;
        *j = t->joins[--t->njoins];
    }
    t->fwd_guest = 0;
    t->zf_guest = 0;
    t->lowered_guest = 0;
}

void tr_chain_site(struct tr *t, size_t site, uint64_t target)
{
    if (t->nswaps)
        t->remap_failed = true; /* a hot jump to chain: no swap out */
    add_stub(t, STUB_CHAIN, site, target);
}

/* The host operand for guest address rs1 + imm. Only the base is checked
 * against the limit: the 12-bit displacement cannot carry an address past
 * the guards around the guest space (mem/space.h), where it faults like any
 * unmapped guest address. A base at or past the limit goes to a stub that
 * raises SIGSEGV. */
struct x64_mem tr_guest_mem(struct tr *t, int rs1, int32_t imm)
{
    enum x64_reg base = tr_src(t, rs1, RAX);
    /* x0 needs no check (the displacement alone stays in the guards), nor
     * a register already checked in this block and not written since. */
    if (rs1 == 0 || (t->checked >> rs1 & 1))
        return x64_mem_gs(base, imm);
    t->checked |= 1u << rs1;
    x64_cmp_rm(&t->b, W64, base, x64_mem(JIT_STATE, HART_OFF(jit_limit)));
    size_t site = x64_jcc_fwd(&t->b, CC_AE);
    if (add_stub(t, STUB_BOUNDS, site, t->pc)) {
        t->stubs[t->nstubs - 1].base = (int8_t)base;
        t->stubs[t->nstubs - 1].disp = imm;
        t->stubs[t->nstubs - 1].sext = t->unextended;
    }
    return x64_mem_gs(base, imm);
}

void tr_ic_stub(struct tr *t, size_t at, size_t miss, size_t hit)
{
    if (add_stub(t, STUB_IC, miss, at)) {
        t->stubs[t->nstubs - 1].more_sites[0] = hit;
        t->stubs[t->nstubs - 1].nmore = 1;
    }
}

void tr_slow_if(struct tr *t, enum x64_cc cc)
{
    size_t site = x64_jcc_fwd(&t->b, cc);
    /* A further branch shares the instruction's slow stub only while the
     * FP copies it must store are the same: between two branches an XMM
     * may have been written back and taken for another register, and the
     * stub would then store that register's value in the old one's place. */
    if (t->slow_stub >= 0 && t->stubs[t->slow_stub].nmore < 3) {
        struct tr_stub *s = &t->stubs[t->slow_stub];
        struct tr_fdirty now;
        tr_f_dirty_now(t, &now);
        if (tr_f_dirty_equal(&now, &s->fdirty)) {
            s->more_sites[s->nmore++] = site;
            return;
        }
    }
    if (add_stub(t, STUB_SLOW, site, t->pc))
        t->slow_stub = (int)t->nstubs - 1;
}

void tr_nan_canonical_if(struct tr *t, enum x64_xmm x, bool single)
{
    size_t site = x64_jcc_fwd(&t->b, CC_P);
    if (add_stub(t, STUB_FNAN, site, t->pc)) {
        t->stubs[t->nstubs - 1].xmm = (int8_t)x;
        t->stubs[t->nstubs - 1].single = single;
        t->stubs[t->nstubs - 1].resume = x64_offset(&t->b);
    }
}

void tr_slow_resume(struct tr *t)
{
    /* A single loaded after its NaN-box check is known boxed only where
     * the check passed; the slow path comes back here with an unboxed one
     * too, so neither path keeps such a copy past the instruction (unless
     * the instruction wrote the register). */
    for (int r = 0; r < 32 && t->fresh_boxed; r++)
        if ((t->fresh_boxed >> r & 1) && !tr_f_is_dirty(t, r))
            tr_f_forget(t, r);
    t->fresh_boxed = 0;
    /* Every slow stub this instruction made (several when one ran out of
     * sites) comes back here. */
    for (unsigned k = t->first_stub; k < t->nstubs; k++)
        if (t->stubs[k].kind == STUB_SLOW) {
            t->stubs[k].resume = x64_offset(&t->b);
            memcpy(t->stubs[k].fowner, t->fc.owner, sizeof t->fc.owner);
            t->fwd_guest = 0; /* the slow path joins here with other scratch */
        }
    t->slow_stub = -1;
}

void tr_note_fault(struct tr *t)
{
    if (t->nfaults == t->max_faults) {
        t->b.overflow = true;
        return;
    }
    struct jit_fault_site *f = &t->faults[t->nfaults++];
    *f = (struct jit_fault_site){.host_off = (uint32_t)x64_offset(&t->b),
                                 .index = t->index, .sext = t->unextended};
    tr_f_dirty_now(t, &f->fdirty);
}

void tr_exit_with(struct tr *t, int reason)
{
    x64_mov_ri(&t->b, RAX, (uint64_t)(uint32_t)reason);
    x64_jmp(&t->b, t->exit_code);
}

void jit_spill(struct x64_buf *b)
{
    for (int i = 0; i < JIT_NMAPPED; i++)
        x64_store(b, W64, XREG_MEM(jit_mapped[i]),
                  (enum x64_reg)jit_host_reg[jit_mapped[i]]);
    /* h->interrupt, set by whoever set the bit, still says it */
    x64_bt_ri(b, X64_BTR, W64, JIT_INSTRET, JIT_INTERRUPT_BIT);
    x64_store(b, W64, x64_mem(JIT_STATE, HART_OFF(instret)), JIT_INSTRET);
}

uintptr_t jit_reload(struct x64_buf *b)
{
    for (int i = 0; i < JIT_NMAPPED; i++)
        x64_load(b, W64, false, (enum x64_reg)jit_host_reg[jit_mapped[i]],
                 XREG_MEM(jit_mapped[i]));
    x64_load(b, W64, false, JIT_INSTRET, x64_mem(JIT_STATE, HART_OFF(instret)));
    /* A request made while R14 was spilled (in C, or before the load above)
     * is in h->interrupt alone. */
    uintptr_t check = x64_here(b);
    x64_cmp_mi(b, W32, x64_mem(JIT_STATE, HART_OFF(interrupt)), 0);
    size_t none = x64_jcc8_fwd(b, CC_E);
    x64_bt_ri(b, X64_BTS, W64, JIT_INSTRET, JIT_INTERRUPT_BIT);
    x64_bind8(b, none);
    return check;
}

/* Instruction index runs in the interpreter: all guest registers go to
 * struct hart around the call. */
static void emit_fallback_call(struct tr *t, unsigned index)
{
    const struct block_insn *ip = &t->blk->insn[index];
    jit_spill(&t->b);
    /* C runs on the thread's stack, below where enter left it (16-byte
     * aligned there), not on the return-address stack: the old RSP goes
     * there too, popped after. */
    x64_mov_rr(&t->b, W64, RAX, RSP);
    x64_load(&t->b, W64, false, RSP, x64_mem(JIT_STATE, HART_OFF(jit_c_rsp)));
    x64_push_r(&t->b, RAX);
    x64_push_r(&t->b, RAX);
    x64_lea(&t->b, W64, RDI, x64_mem(JIT_STATE, -JIT_STATE_BIAS));
    x64_mov_ri(&t->b, RSI, (uintptr_t)ip);
    x64_mov_ri(&t->b, RDX, t->blk->pc + ip->off);
    x64_mov_ri(&t->b, RCX, jit_unretired(t->blk, index));
    x64_call_abs(&t->b, (uintptr_t)jit_fallback, RAX);
    x64_pop_r(&t->b, RSP);
    jit_reload(&t->b);
    if (rv_ends_block(ip->d.op) || ip->d.op >= RV_OP_COUNT) {
        x64_jmp(&t->b, t->exit_code);
    } else {
        x64_cmp_ri(&t->b, W32, RAX, STEP_NEXT);
        x64_jcc(&t->b, CC_NE, t->exit_code);
    }
}

/* Makes the guest registers of mask (left unextended by W forms, where
 * the code goes on to a fault) hold their true values. */
static void sign_extend(struct tr *t, uint32_t mask)
{
    for (int r = 1; r < 32; r++) {
        if (!(mask >> r & 1))
            continue;
        if (t->host[r] >= 0) {
            enum x64_reg h = (enum x64_reg)t->host[r];
            x64_movsxd_rr(&t->b, h, h);
        } else {
            x64_load(&t->b, W32, true, RAX, XREG_MEM(r));
            x64_store(&t->b, W64, XREG_MEM(r), RAX);
        }
    }
}

static bool writes_x(const struct rv_insn *d)
{
    return d->op < RV_OP_COUNT && rv_regfile((enum rv_op)d->op, 0) == RV_REG_X &&
           d->rd > 0 && d->rd < 32;
}

/* Leaves for the interpreter, which goes on at pc (reason: why the
 * translated code after this point cannot run). */
void tr_leave_if(struct tr *t, enum x64_cc cc, int reason, uint64_t pc,
                 unsigned unretired)
{
    size_t site = x64_jcc_fwd(&t->b, cc);
    if (add_stub(t, STUB_LEAVE, site, pc)) {
        t->stubs[t->nstubs - 1].unretired = unretired;
        t->stubs[t->nstubs - 1].reason = reason;
    }
}

static bool writes_frm(const struct rv_insn *d)
{
    bool csr_op = d->op == RV_CSRRW || d->op == RV_CSRRS || d->op == RV_CSRRC ||
                  d->op == RV_CSRRWI || d->op == RV_CSRRSI || d->op == RV_CSRRCI;
    return csr_op && (d->imm == CSR_FRM || d->imm == CSR_FCSR);
}

static void emit_fallback(struct tr *t)
{
    if (t->nswaps) {
        t->remap_failed = true; /* its spill and reload are the global ones */
        return;
    }
    tr_f_writeback_all(t);
    emit_fallback_call(t, t->index);
    tr_f_forget_all(t);
    jit_stats.fallbacks_emitted++;
    jit_stats.fallback_count[t->ip->d.op]++;
    /* Translated FP code takes the dynamic rounding mode to be one the
     * host has (jit_may_enter); a CSR write that made it RMM or invalid
     * hands the rest to the interpreter, this instruction retired. */
    if (writes_frm(&t->ip->d) && !rv_ends_block(t->ip->d.op)) {
        x64_cmp_mi(&t->b, W32, x64_mem(JIT_STATE, HART_OFF(frm)), 3);
        tr_leave_if(t, CC_A, JX_FRM, t->pc + t->ip->d.len,
                    jit_unretired(t->blk, t->index) - 1);
    }
}

/* After an instruction wrote rd, one of JIT_BOUNDED: the code after it
 * relies on rd holding a guest-space address, so anything else leaves for
 * the interpreter, with the instruction retired. */
static void check_bounded(struct tr *t, int rd, uint64_t next_pc,
                          unsigned next_index)
{
    if (t->lowered_guest == rd && t->lowered_at == x64_offset(&t->b)) {
        /* add r, -N: CF clear exactly when r wrapped */
        tr_leave_if(t, CC_AE, JX_UNBOUNDED, next_pc,
                    jit_unretired(t->blk, next_index - 1) - 1);
        return;
    }
    enum x64_reg r = t->host[rd] >= 0 ? (enum x64_reg)t->host[rd]
                                           : RAX;
    if (r == RAX) {
        int fwd = tr_forwarded(t, rd);
        if (fwd >= 0)
            r = (enum x64_reg)fwd;
        else
            x64_load(&t->b, W64, false, RAX, XREG_MEM(rd));
    }
    x64_cmp_rm(&t->b, W64, r, x64_mem(JIT_STATE, HART_OFF(jit_limit)));
    tr_leave_if(t, CC_AE, JX_UNBOUNDED, next_pc,
                jit_unretired(t->blk, next_index - 1) - 1);
}

/* The stubs go to the cold buffer: t->b is switched to it while they are
 * emitted, and the branches in the hot code (hot) are pointed at them. */
static void emit_stubs(struct tr *t, struct x64_buf *cold)
{
    struct x64_buf hot = t->b;
    t->b = *cold;
#define HOT_RUN(off) ((uintptr_t)hot.start + (off) + (uintptr_t)hot.delta)
#define BIND_HOT(site) x64_patch32(&hot, (site), x64_here(&t->b))
#define COLD_RUN(off) ((uintptr_t)t->b.start + (off) + (uintptr_t)t->b.delta)
    for (unsigned i = 0; i < t->nstubs; i++) {
        struct tr_stub *s = &t->stubs[i];
        if (s->cold_site)
            x64_patch32(&t->b, s->site, x64_here(&t->b));
        else
            BIND_HOT(s->site);
        switch (s->kind) {
        case STUB_CHAIN: {
            uintptr_t site = s->cold_site ? COLD_RUN(s->site) : HOT_RUN(s->site);
            x64_mov_ri(&t->b, RAX, s->target);
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(pc)), RAX);
            x64_mov_ri(&t->b, RAX, site);
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(jit_site)), RAX);
            tr_exit_with(t, JX_CHAIN);
            break;
        }
        case STUB_SLOW:
            for (unsigned k = 0; k < s->nmore; k++)
                BIND_HOT(s->more_sites[k]);
            tr_f_store_dirty(t, &s->fdirty);
            /* C sees the global mapping, and so does the exit taken when
             * the instruction does not go on to the next. */
            swap_out(t);
            emit_fallback_call(t, s->index);
            swap_in(t);
            tr_f_reload(t, s->fowner);
            x64_jmp(&t->b, HOT_RUN(s->resume));
            break;
        case STUB_IC: /* target: the offset of the cache's constant */
            BIND_HOT(s->more_sites[0]);
            x64_and_ri(&t->b, W64, RAX, -2); /* jalr left bit 0 to here */
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(pc)), RAX);
            x64_mov_ri(&t->b, RCX, HOT_RUN(s->target));
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(jit_site)), RCX);
            x64_mov_ri(&t->b, RAX, JX_LOOKUP);
            x64_jmp(&t->b, t->exit_code);
            break;
        case STUB_INTERRUPT:
            x64_sub_ri(&t->b, W64, JIT_INSTRET, (int32_t)s->unretired);
            swap_out(t);
            x64_mov_ri(&t->b, RAX, s->target);
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(pc)), RAX);
            tr_exit_with(t, JX_INTERRUPT);
            break;
        case STUB_BOUNDS:
            x64_lea(&t->b, W64, RAX, x64_mem((enum x64_reg)s->base, s->disp));
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(exit_addr)), RAX);
            sign_extend(t, s->sext);
            tr_f_store_dirty(t, &s->fdirty);
            swap_out(t);
            x64_store_i(&t->b, W32, x64_mem(JIT_STATE, HART_OFF(exit_signal)),
                        SIGSEGV);
            x64_store_i(&t->b, W32, x64_mem(JIT_STATE, HART_OFF(exit_code)),
                        SEGV_MAPERR);
            x64_mov_ri(&t->b, RAX, s->target);
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(pc)), RAX);
            x64_sub_ri(&t->b, W64, JIT_INSTRET,
                       (int32_t)jit_unretired(t->blk, s->index));
            tr_exit_with(t, EXIT_SIGNAL);
            break;
        case STUB_SIDE: {
            /* The unit counted all its instructions on entry: a side exit
             * takes back those it skips, then goes on as a chained jump
             * whose rel32 is here in the cold part. */
            if (s->unretired)
                x64_sub_ri(&t->b, W64, JIT_INSTRET, (int32_t)s->unretired);
            if (t->nswaps && s->target == t->blk->pc) {
                x64_jmp(&t->b, t->loop_run); /* round a loop unit */
                break;
            }
            swap_out(t);
            tr_align_rel32(t, 1);
            size_t site = x64_jmp_fwd(&t->b);
            unsigned index = s->index;
            uint64_t target = s->target;
            if (add_stub(t, STUB_CHAIN, site, target)) {
                t->stubs[t->nstubs - 1].index = index;
                t->stubs[t->nstubs - 1].cold_site = true;
            }
            break;
        }
        case STUB_REJOIN:
            /* The branch skipped instructions the unit counted on entry;
             * nothing else differs (FP copies were stored before it). */
            x64_sub_ri(&t->b, W64, JIT_INSTRET, (int32_t)s->unretired);
            x64_jmp(&t->b, HOT_RUN(s->resume));
            break;
        case STUB_FNAN:
            tr_f_load_canonical_nan(t, (enum x64_xmm)s->xmm, s->single);
            x64_jmp(&t->b, HOT_RUN(s->resume));
            break;
        case STUB_LEAVE:
            tr_f_store_dirty(t, &s->fdirty);
            swap_out(t);
            x64_mov_ri(&t->b, RAX, s->target);
            x64_store(&t->b, W64, x64_mem(JIT_STATE, HART_OFF(pc)), RAX);
            if (s->unretired)
                x64_sub_ri(&t->b, W64, JIT_INSTRET, (int32_t)s->unretired);
            tr_exit_with(t, s->reason);
            break;
        }
    }
#undef HOT_RUN
#undef COLD_RUN
#undef BIND_HOT
    *cold = t->b;
    t->b = hot;
}

/* Whether the code of instruction i (and of the one tr_fuse may join to
 * it) can leave the unit other than through a stub: dirty FP copies go to
 * struct hart first (tr_fcache.c). */
static bool may_leave(const struct block *blk, unsigned i)
{
    const struct rv_insn *d = &blk->insn[i].d;
    if (i + 1 >= blk->n || d->op >= RV_OP_COUNT)
        return true;
    enum rv_op op = (enum rv_op)d->op;
    if (jit_is_cond_branch(op) || rv_ends_block(op))
        return true;
    return op == RV_AUIPC && blk->insn[i + 1].d.op == RV_JALR;
}

/* The idiom at t->ip (idiom.c), as the instruction it is; a load that
 * replays reports a bad base where its first byte load would, and says
 * at its fault site how many instructions a fault replays. */
static bool emit_idiom(struct tr *t)
{
    const struct block_insn *original = t->ip;
    struct block_insn idiom = *original;
    idiom.d = t->idiom_insn[t->index];
    t->ip = &idiom;
    unsigned stubs = t->nstubs, faults = t->nfaults;
    bool done = true;
    if (idiom.d.rm) { /* a big-endian load: swapped after */
        const struct rv_insn *d = &idiom.d;
        enum x64_width w = d->op == RV_LD ? W64 : d->op == RV_LHU ? W16 : W32;
        struct x64_mem m = tr_guest_mem(t, d->rs1, d->imm);
        enum x64_reg r = tr_dst(t, d->rd);
        tr_note_fault(t);
        x64_load(&t->b, w, false, r, m);
        x64_bswap_r(&t->b, w == W64 ? W64 : W32, r);
        if (w == W16)
            x64_shift_ri(&t->b, X64_SHR, W32, r, 16);
        if (d->op == RV_LW) /* its top byte came through slliw */
            x64_movsxd_rr(&t->b, r, r);
        tr_commit(t, d->rd, r);
    } else {
        done = tr_insn(t); /* rotates and loads always are */
    }
    t->ip = original;
    unsigned replay = t->replay[t->index];
    if (!done || !replay)
        return done;
    for (unsigned s = stubs; s < t->nstubs; s++)
        if (t->stubs[s].kind == STUB_BOUNDS)
            t->stubs[s].disp = original->d.imm;
    for (unsigned f = faults; f < t->nfaults; f++)
        t->faults[f].replay = replay;
    return true;
}

/* An instruction of a load from bytes whose result is read (idiom.c,
 * struct tr_extract): its bytes taken from the load's destination. */
static void emit_extract(struct tr *t)
{
    const struct rv_insn *e = &t->idiom_insn[t->index];
    unsigned mask = e->rs2, lo = (unsigned)__builtin_ctz(mask);
    unsigned hi = 8 - (unsigned)__builtin_clz(mask << 24);
    enum x64_reg s = tr_src(t, e->rs1, RCX), d = tr_dst(t, e->rd);
    if (e->imm == 0 && lo == 0 && (hi == 1 || hi == 2)) {
        x64_movzx_rr(&t->b, hi == 1 ? W8 : W16, d, s);
    } else if (e->imm == 0 && lo == 0 && hi == 4) {
        x64_mov_rr(&t->b, W32, d, s);
    } else {
        /* the load's bytes skip.. at 0.., then only lo..hi-1 kept */
        x64_mov_rr(&t->b, W64, d, s);
        if (e->imm > 0)
            x64_shift_ri(&t->b, X64_SHR, W64, d, (uint8_t)(8 * e->imm));
        else if (e->imm < 0)
            x64_shift_ri(&t->b, X64_SHL, W64, d, (uint8_t)(-8 * e->imm));
        if (hi < 8)
            x64_shift_ri(&t->b, X64_SHL, W64, d, (uint8_t)(8 * (8 - hi)));
        if (hi < 8 || lo > 0)
            x64_shift_ri(&t->b, X64_SHR, W64, d, (uint8_t)(8 * (8 - hi + lo)));
        if (lo > 0)
            x64_shift_ri(&t->b, X64_SHL, W64, d, (uint8_t)(8 * lo));
    }
    if (e->rm) /* from slliw */
        x64_movsxd_rr(&t->b, d, d);
    tr_commit(t, e->rd, d);
}

static size_t translate_unit(struct block *blk, struct jit_code_space *space,
                             const struct jit_routines *routines,
                             struct jit_fault_site *faults,
                             unsigned max_faults, unsigned *nfaults,
                             bool own_mapping, bool *remap_failed)
{
    struct tr_stub stubs[2 * 256 + 8];
    struct tr t = {0};
    if (own_mapping)
        t.nswaps = jit_loop_mapping(blk, t.host, t.swaps);
    else
        memcpy(t.host, jit_host_reg, sizeof t.host);
    x64_init_at(&t.b, space->hot, space->hot_size, space->hot_run);
    struct x64_buf cold;
    x64_init_at(&cold, space->cold, space->cold_size, space->cold_run);
    t.blk = blk;
    t.stubs = stubs;
    t.max_stubs = sizeof stubs / sizeof *stubs;
    t.faults = faults;
    t.max_faults = max_faults;
    t.exit_code = routines->exit;
    t.lookup_miss = routines->lookup_miss;
    t.ras_mismatch = routines->ras_mismatch;
    t.checked = JIT_BOUNDED; /* jit_run enters with them in bounds */
    /* Off for the second try, in case what failed was a fusion across it
     * (which no fusion makes: a branch is the last of any it is in). Only
     * a superblock, the translation's own copy, ever has one: a block of
     * the shared cache is not written. */
    uint16_t split = own_mapping ? count_split(blk) : 0;
    if (blk->count_split != split)
        blk->count_split = split;
    if (own_mapping && !jit_cosim && !split && is_self_loop(blk))
        t.nfpin = tr_f_pin_choose(blk, t.fpin, t.fpin_single);
    bool low32[JIT_MAX_UNIT];
    uint8_t role[JIT_MAX_UNIT], replay[JIT_MAX_UNIT];
    struct rv_insn idiom_insn[JIT_MAX_UNIT];
    if (blk->n <= JIT_MAX_UNIT) {
        if (jit_find_idioms(blk, role, idiom_insn, replay, low32)) {
            t.role = role;
            t.idiom_insn = idiom_insn;
            t.replay = replay;
        }
        t.low32 = low32;
    }

    /* The jump table's way in: the entry it took may be another pc's. */
    if (blk->pc <= INT32_MAX) {
        /* never run: the table enters after */
        x64_nop(&t.b, (unsigned)jit_pc_check_skip(blk->pc));
        x64_cmp_ri(&t.b, W64, RAX, (int32_t)blk->pc);
    } else {
        x64_data64(&t.b, blk->pc);
        x64_cmp_rm(&t.b, W64, RAX, x64_mem_rip(space->hot_run));
    }
    x64_patch32(&t.b, x64_jcc_fwd(&t.b, CC_NE), t.lookup_miss);
    if (x64_offset(&t.b) != JIT_PC_CHECK_BYTES)
        return 0; /* cannot happen: the encodings are fixed */

    /* Entry: count the unit as retired, and stop here if asked to (the
     * interrupt bit makes the count negative). */
    swap_in(&t);
    tr_f_pin(&t, t.fpin, t.fpin_single, t.nfpin);
    t.loop_run = x64_here(&t.b);
    x64_add_ri(&t.b, W64, JIT_INSTRET, (int32_t)jit_unretired(blk, 0));
    size_t site = x64_jcc_fwd(&t.b, CC_S);
    if (add_stub(&t, STUB_INTERRUPT, site, blk->pc))
        t.stubs[t.nstubs - 1].unretired = jit_unretired(blk, 0);
    if (jit_profiling) {
        x64_mov_ri(&t.b, RAX, (uintptr_t)&blk->count);
        x64_add_mi(&t.b, W64, x64_mem(RAX, 0), 1);
    }

    unsigned segment = 0; /* of blk->seg_count, after the first */
    for (unsigned i = 0; i < blk->n && !t.b.overflow; i++) {
        t.ip = &blk->insn[i];
        t.index = i;
        t.pc = blk->pc + t.ip->off;
        t.slow_stub = -1;
        t.first_stub = t.nstubs;
        t.fresh_boxed = 0;
        t.fused = 0;
        land_joins(&t, i);
        size_t insn_start = x64_offset(&t.b);
        if (i > 0 && is_cond_branch_insn(&blk->insn[i - 1])) { /* fell through */
            if (jit_profiling && blk->seg_count) {
                x64_mov_ri(&t.b, RAX, (uintptr_t)&blk->seg_count[segment]);
                x64_add_mi(&t.b, W64, x64_mem(RAX, 0), 1);
            }
            segment++;
        }
        if (t.role && t.role[i] == TR_SKIP) {
            /* nothing: the idiom is translated at one instruction */
            int rd = t.ip->d.rd;
            if (rd < 32)
                t.checked &= ~(1u << rd);
            if (t.fwd_guest == rd)
                t.fwd_guest = 0;
            if (t.zf_guest == rd)
                t.zf_guest = 0;
            if (space->insn_at)
                space->insn_at[i] = (uint32_t)insn_start;
            continue;
        }
        if (may_leave(blk, i))
            tr_f_writeback_all(&t);
        /* A jump that writes a JIT_BOUNDED register leaves the block with
         * no code after it to check the register: the run loop checks. */
        if (rv_ends_block(t.ip->d.op) && writes_x(&t.ip->d) &&
            jit_bounded(t.ip->d.rd))
            emit_fallback(&t);
        else if (t.role && t.role[i] == TR_IDIOM) {
            if (!emit_idiom(&t))
                return 0;
        } else if (t.role && t.role[i] == TR_EXTRACT) {
            emit_extract(&t);
        } else if (!tr_fuse(&t) && !tr_insn(&t))
            emit_fallback(&t);
        tr_slow_resume(&t);
        uint32_t written = 0;
        for (unsigned k = i; k <= i + t.fused; k++) {
            const struct rv_insn *d =
                t.role && (t.role[k] == TR_IDIOM || t.role[k] == TR_EXTRACT)
                    ? &t.idiom_insn[k]
                    : &blk->insn[k].d;
            if (!writes_x(d))
                continue;
            uint32_t bit = 1u << d->rd;
            written |= bit;
            /* a W result still sign-extended (fused) is fixed all the same */
            t.unextended = (t.unextended & ~bit) |
                           (t.low32 && t.low32[k] ? bit : 0);
        }
        t.checked &= ~written;
        t.checked |= t.in_bounds; /* lui, auipc: a known address */
        for (unsigned k = i; space->insn_at && k <= i + t.fused; k++)
            space->insn_at[k] = (uint32_t)insn_start;
        i += t.fused;
        uint32_t unknown = written & JIT_BOUNDED & ~t.in_bounds;
        t.in_bounds = 0;
        for (int r = 2; r <= 4 && unknown; r++)
            if (unknown >> r & 1)
                check_bounded(&t, r, blk->pc + blk->insn[i].off +
                                         blk->insn[i].d.len, i + 1);
        t.checked |= JIT_BOUNDED;
        if (blk->count_split && i + 1 >= blk->count_split &&
            i + 1 - t.fused <= blk->count_split) {
            if (i + 1 != blk->count_split) { /* fused across it */
                *remap_failed = true;
                return 0;
            }
            /* The rest of the unit, past the branch back. */
            x64_add_ri(&t.b, W64, JIT_INSTRET,
                       (int32_t)(blk->n - blk->count_split));
            t.zf_guest = 0; /* the flags are the add's */
        }
    }
    emit_stubs(&t, &cold);
    if (t.remap_failed) {
        *remap_failed = true;
        return 0;
    }
    if (t.b.overflow || cold.overflow)
        return 0;
    memcpy(space->host_reg, t.host, sizeof t.host);
    space->loop_swaps = t.nswaps;
    *nfaults = t.nfaults;
    jit_stats.guest_insns += blk->n;
    space->cold_used = x64_offset(&cold);
    space->data_tail = t.data_tail;
    return x64_offset(&t.b);
}

size_t jit_translate(struct block *blk, struct jit_code_space *space,
                     const struct jit_routines *routines,
                     struct jit_fault_site *faults, unsigned max_faults,
                     unsigned *nfaults)
{
    bool failed = false;
    size_t used = translate_unit(blk, space, routines, faults, max_faults,
                                 nfaults, true, &failed);
    if (failed) /* an exit that keeps the global mapping: do without */
        used = translate_unit(blk, space, routines, faults, max_faults,
                              nfaults, false, &failed);
    return used;
}
