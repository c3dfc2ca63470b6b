/* Decoded basic blocks: the interpreter's unit of execution and the unit the
 * translator will work on. A block is a run of guest instructions, decoded
 * once, that ends with a control transfer (or an instruction the run loop
 * must see); it remembers its successors so that going from one block to
 * the next usually costs a pointer load, and counts its executions: the
 * profile that tells the translator what is hot.
 *
 * The cache is process-wide and shared by guest threads: lookups are
 * lock-free, building takes a lock, flushing needs every thread out of the
 * engine (see block.c). */
#ifndef HART_RV_BLOCK_H
#define HART_RV_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rv/insn.h"

/* Operations that exist only in prepared blocks, numbered after the ISA's. */
enum {
    OP_FETCH_FAULT = RV_OP_COUNT, /* the instruction here cannot be fetched */
    OP_FALLTHROUGH,               /* block cut short: continue at this pc */
    OP_TOTAL
};

struct block_insn {
    struct rv_insn d;   /* rd remapped to RV_SINK when it names x0 */
    uint16_t off;       /* byte offset of the instruction from block->pc */
    uint16_t index;     /* position in the block, to find the block again */
    int32_t handler;    /* the interpreter's body for d.op (interp_handler) */
};

struct block {
    uint64_t pc;              /* guest address of the first instruction */
    uint64_t count;           /* times entered: the profile */
    struct block *succ[2];    /* cached successors: [0] taken/target, [1] next */
    struct block *hash_next;
    void *code;               /* translated code, or NULL; set once */
    uint32_t n;               /* instructions, the terminating one included */
    uint32_t bytes;           /* guest bytes covered */
    bool check;               /* from a volatile page: compare with copy */
    bool targets_vary;        /* the indirect jump ending it went to more
                                 than one block in the interpreter */
    uint16_t count_split;     /* a translator's superblock that goes round a
                                 loop from its middle: the instructions its
                                 entry counts as retired (up to that branch
                                 back), else 0: all of them; set under
                                 jit_lock before its translation is seen */
    const uint8_t *copy;      /* the guest bytes it was decoded from */
    uint64_t *seg_count;      /* a translator's superblock: the counts of
                                 its segments after the first, else NULL */
    struct block_insn insn[]; /* n entries */
};

/* The block an instruction belongs to. */
static inline struct block *block_of(const struct block_insn *ip)
{
    return (struct block *)((const char *)(ip - ip->index) -
                            offsetof(struct block, insn));
}

/* The block starting at pc, decoded now if it is not cached. NULL when the
 * cache is full: the caller must leave the engine and call block_flush. */
struct block *block_get(uint64_t pc);
/* Registers the fork handler that takes block_lock around a fork. A fork
 * takes the locks of handlers registered later first (pthread_atfork), so
 * this must come before the handlers of locks held while block_get runs
 * (jit_init's jit_lock: the translator builds superblocks under it);
 * otherwise a fork and a translating thread each wait for the other's. */
void block_init(void);

/* For a block decoded from a page that is written to often: b if its code
 * is unchanged, else a fresh decoding (NULL when the cache is full). */
struct block *block_recheck(struct block *b);

/* Drops every block (fence.i, code unmapped, cache full). No block pointer
 * may be in use. */
void block_flush(void);

/* Counters for --stats. */
struct block_stats {
    uint64_t built, flushes, insns_decoded;
};
extern struct block_stats block_stats;

#endif
