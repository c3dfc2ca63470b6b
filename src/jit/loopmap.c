/* Loop units with a register mapping of their own. The global mapping
 * (jit_host_reg) suits the program's hot code as a whole, but one hot loop
 * often works on other registers: SHA-256's round loop uses 24, of which
 * the global ten hold about half the uses. A unit that branches back to
 * its own start gets the ten guest registers its loop body uses most, as
 * long as the loop runs often enough per entry to pay for the moves:
 * the unit's entry stores the guest registers it displaces to struct hart
 * and loads the ones it takes in (translate.c, swap_in), its branch back
 * goes to the code after that, and every way out (chain exits, the
 * interrupt check, bounds-check stubs) moves them back first (swap_out).
 * Slots whose global guest register the loop uses keep it, so only the
 * displaced slots move.
 *
 * Only units whose every way out goes through such a stub qualify:
 * integer computation, loads and stores, branches and plain jumps. A
 * translation that makes any other kind of exit anyway (a fallback, a
 * slow path) is redone with the global mapping (t->remap_failed).
 * --cosim compares each round with the interpreter's, so it leaves every
 * round through the unit's exit instead. */
#include <string.h>
#include "jit/jit.h"
#include "jit/translate.h"

/* An operation that can only leave the unit through the stubs swap_out
 * knows. */
static bool stays_in_unit(const struct rv_insn *d)
{
    if (d->op == OP_FALLTHROUGH)
        return true;
    if (d->op >= RV_OP_COUNT)
        return false;
    enum rv_op op = (enum rv_op)d->op;
    switch (op) {
    case RV_JALR: case RV_ECALL: case RV_EBREAK: case RV_FENCE:
        return false;
    case RV_JAL:
        return d->rd == 0 || d->rd == RV_SINK;
    default:
        break;
    }
    const char *ext = rv_opinfo[op].ext;
    return !strcmp(ext, "I") || !strcmp(ext, "M") || !strcmp(ext, "Zba") ||
           !strcmp(ext, "Zbb") || !strcmp(ext, "Zbs") || !strcmp(ext, "Zicond") ||
           !strcmp(ext, "F") || !strcmp(ext, "D");
}

static uint64_t target_of(const struct block *blk, unsigned i)
{
    return blk->pc + blk->insn[i].off + (uint64_t)(int64_t)blk->insn[i].d.imm;
}

static bool is_back_edge(const struct block *blk, unsigned i)
{
    const struct rv_insn *d = &blk->insn[i].d;
    if (d->op >= RV_OP_COUNT)
        return false;
    bool jump = jit_is_cond_branch((enum rv_op)d->op) || d->op == RV_JAL;
    return jump && target_of(blk, i) == blk->pc;
}

static uint64_t runs(uint64_t pc)
{
    struct block *b = block_get(pc);
    return b ? b->count : 0;
}

/* How often the loop went round per entry while interpreted: the runs of
 * its head over the runs of the blocks it leaves to (which other code may
 * reach too, so this errs low). A branch inside a superblock leaves to
 * whichever of its target and fall-through the unit does not go on at. */
static uint64_t rounds_per_entry(const struct block *blk)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < blk->n; i++) {
        const struct rv_insn *d = &blk->insn[i].d;
        uint64_t pc = blk->pc + blk->insn[i].off;
        if (d->op == OP_FALLTHROUGH)
            out += runs(pc);
        if (d->op >= RV_OP_COUNT || !jit_is_cond_branch((enum rv_op)d->op))
            continue;
        uint64_t taken = target_of(blk, i), next = pc + d->len;
        if (i + 1 < blk->n) {
            uint64_t on = blk->pc + blk->insn[i + 1].off;
            out += runs(taken == on ? next : taken);
        } else {
            out += is_back_edge(blk, i) ? runs(next) : runs(taken) + runs(next);
        }
    }
    uint64_t head = runs(blk->pc);
    return head / (out ? out : 1);
}

unsigned jit_loop_mapping(const struct block *blk, int8_t host[33],
                          struct tr_swap swaps[JIT_NMAPPED])
{
    memcpy(host, jit_host_reg, 33);
    if (jit_cosim)
        return 0; /* it runs one round at a time, to compare each */
    int last_back = -1; /* most units are no loop: this first */
    for (unsigned i = 0; i < blk->n; i++)
        if (is_back_edge(blk, i))
            last_back = (int)i;
    if (last_back < 0)
        return 0;
    for (unsigned i = 0; i < blk->n; i++)
        if (!stays_in_unit(&blk->insn[i].d))
            return 0;

    /* Uses in the loop body: the instructions up to the last branch back. */
    unsigned uses[32] = {0};
    for (int i = 0; i <= last_back; i++) {
        const struct rv_insn *d = &blk->insn[i].d;
        if (d->op >= RV_OP_COUNT)
            continue;
        const uint8_t regs[3] = {d->rd, d->rs1, d->rs2};
        for (int k = 0; k < 3; k++)
            if (rv_regfile((enum rv_op)d->op, k) == RV_REG_X && regs[k] > 0 &&
                regs[k] < 32)
                uses[regs[k]]++;
    }
    /* The ten most used; a globally mapped register wins a tie. */
    bool chosen[32] = {false};
    for (int k = 0; k < JIT_NMAPPED; k++) {
        int pick = -1;
        for (int r = 1; r < 32; r++) {
            if (chosen[r] || !uses[r])
                continue;
            if (pick < 0 || uses[r] > uses[pick] ||
                (uses[r] == uses[pick] && jit_host_reg[r] >= 0 &&
                 jit_host_reg[pick] < 0))
                pick = r;
        }
        if (pick < 0)
            break;
        chosen[pick] = true;
    }
    /* Newly chosen registers go to slots whose global register was not
     * chosen. */
    unsigned n = 0, gained = 0, lost = 0, slot = 0;
    for (int r = 1; r < 32; r++) {
        if (!chosen[r] || jit_host_reg[r] >= 0)
            continue;
        while (chosen[jit_mapped[slot]])
            slot++; /* a free one exists: ten chosen at most */
        int old = jit_mapped[slot++];
        swaps[n++] = (struct tr_swap){.host = (uint8_t)jit_host_reg[old],
                                      .global_guest = (uint8_t)old,
                                      .unit_guest = (uint8_t)r};
        gained += uses[r];
        lost += uses[old];
    }
    /* Each swap costs two moves at the entry and two at each way out. */
    uint64_t rounds = rounds_per_entry(blk);
    if (!n || gained <= lost || (gained - lost) * rounds < 8 * n)
        return 0;
    for (unsigned k = 0; k < n; k++) {
        host[swaps[k].global_guest] = -1;
        host[swaps[k].unit_guest] = (int8_t)swaps[k].host;
    }
    return n;
}
