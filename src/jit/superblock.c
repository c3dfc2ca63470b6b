/* Superblocks: what the translator translates when a hot block ends in a
 * conditional branch or a forward jump. The block the branch more often
 * goes on to (its fall-through, or a forward target that ran more often
 * in the interpreter), or the jump's target, joins the same translation,
 * and so on for a few blocks, so that the branch becomes a side exit (the
 * jump, nothing) and the usual path runs straight on. A block the branch
 * went to less than half the time does not join (a side exit costs a
 * fix-up of the instruction count, translate.c), so a unit never goes on
 * past a loop's taken branch back. On the usual path there is
 * no block entry (interrupt check, chained jump), and the
 * registers already bounds-checked before the branch need no check after
 * it. A branch that skips a few instructions of the fall-through block
 * (an if-then) keeps both ways in the unit.
 *
 * A superblock is a struct block of its own: a copy of its blocks' decoded
 * instructions, with offsets from the first block's pc and indexes into
 * the copy, so that everything that maps a translation back to guest state
 * (fault sites, fallbacks, -d in_asm) works on it as on a block. The
 * translation owns it (jit.c frees it at a flush). Internal edges only go
 * forward, so every loop still passes an interrupt check (translate.c). */
#include "jit/jit.h"

#include <stdlib.h>
#include "jit/translate.h"

/* Small enough for the translator's per-block limits (fault sites, stubs,
 * 16-bit instruction offsets) with room to spare. */
enum { SUPER_MAX_BLOCKS = 8, SUPER_MAX_INSNS = 96, SUPER_MAX_BYTES = 1024 };

/* Times the block at pc ran in the interpreter so far. */
static uint64_t runs(uint64_t pc)
{
    struct block *b = block_get(pc);
    return b ? b->count : 0;
}

/* Whether the block at pc, run from its start, reaches target. */
static bool holds(uint64_t pc, uint64_t target)
{
    const struct block *b = block_get(pc);
    for (uint32_t i = 0; b && i < b->n; i++)
        if (b->pc + b->insn[i].off == target)
            return true;
    return false;
}

/* Where the unit may go on after block b: for a conditional branch, its
 * fall-through address, or its target when that is forward and has run
 * more often; for a forward jump that links nothing (j), its target; 0 if
 * the unit ends there. */
static uint64_t continues_at(const struct block *b)
{
    if (!b->n || b->check)
        return 0;
    const struct block_insn *last = &b->insn[b->n - 1];
    if (last->d.op >= RV_OP_COUNT)
        return 0;
    uint64_t at = b->pc + last->off;
    uint64_t target = at + (uint64_t)(int64_t)last->d.imm;
    if (jit_is_cond_branch((enum rv_op)last->d.op)) {
        uint64_t next = at + last->d.len;
        /* An if-then: the branch skips a few instructions that the
         * fall-through block runs before it reaches the target. Going on
         * there keeps both ways in the unit (translate.c lands the branch
         * on the target's code), unless the skipped ones seldom run. */
        if (last->d.imm > 0 && target - next <= 32 && 4 * runs(next) >= b->count &&
            holds(next, target))
            return next;
        uint64_t go = last->d.imm > 0 && runs(target) > runs(next) ? target : next;
        /* Not where the branch seldom goes (the exit of a loop whose
         * branch back is taken): then the usual way would be the side
         * exit, which costs more than a unit's last branch. */
        if (2 * runs(go) < b->count)
            return 0;
        return go;
    }
    if (last->d.op == RV_JAL && last->d.rd == RV_SINK && last->d.imm > 0)
        return target;
    return 0;
}

struct block *jit_superblock(struct block *head)
{
    struct block *parts[SUPER_MAX_BLOCKS] = {head};
    uint64_t next_pc = continues_at(head);
    unsigned nparts = 1;
    uint32_t n = head->n;
    while (next_pc && nparts < SUPER_MAX_BLOCKS) {
        /* NULL when the block cache is full: the run loop flushes soon. */
        struct block *next = block_get(next_pc);
        if (!next || next->check || n + next->n > SUPER_MAX_INSNS ||
            next_pc - head->pc + next->bytes > SUPER_MAX_BYTES)
            break;
        parts[nparts++] = next;
        n += next->n;
        next_pc = continues_at(next);
    }
    if (nparts == 1)
        return head;
    /* The segment counts (for the register remap's profile) go after the
     * instructions: one per conditional branch, which is more than enough. */
    size_t insns = sizeof(struct block) + n * sizeof(struct block_insn);
    size_t counts_at = (insns + 7) & ~(size_t)7;
    struct block *sb = calloc(1, counts_at + n * sizeof(uint64_t));
    if (!sb)
        return head; /* translated as a plain block */
    sb->pc = head->pc;
    sb->n = n;
    sb->targets_vary = parts[nparts - 1]->targets_vary;
    sb->seg_count = (uint64_t *)(void *)((char *)sb + counts_at);
    uint32_t k = 0;
    for (unsigned p = 0; p < nparts; p++) {
        uint32_t base = (uint32_t)(parts[p]->pc - head->pc);
        for (uint32_t i = 0; i < parts[p]->n; i++, k++) {
            sb->insn[k] = parts[p]->insn[i];
            sb->insn[k].off = (uint16_t)(base + parts[p]->insn[i].off);
            sb->insn[k].index = (uint16_t)k;
        }
        sb->bytes = base + parts[p]->bytes; /* the span it covers */
    }
    return sb;
}
