/* Internal interface of the random program generator, shared by its files:
 * the generator's state, random numbers, edge values, slot emission and
 * constant-pool fix-ups (prog.c), and the item generators (items.c). */
#ifndef HART_GEN_GEN_H
#define HART_GEN_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include "gen/encode.h"
#include "gen/prog.h"

/* Registers the body never writes: sp points into the scratch buffer (for
 * the sp-based compressed forms), x30 counts loops, x31 is the scratch
 * base every memory access is formed from. */
enum { GEN_SP = 2, GEN_LOOP_REG = 30, GEN_BASE = 31 };
/* Offsets of those pointers from the start of the scratch buffer. */
enum { GEN_BASE_OFF = 2048, GEN_SP_OFF = 1024 };

/* A pc-relative reference to a constant-pool entry: auipc in slot auipc,
 * then op (ld, fld, flw or addi) in slot second; patched once the code size,
 * and so the pool's address, is known. */
struct gen_fixup {
    size_t auipc, second, pool;
    uint16_t op;
    uint8_t rd, tmp;
};

struct gen {
    struct gen_prog *p;
    const struct gen_options *opt;
    uint64_t rng;
    int32_t unit;          /* unit of the slots emitted now */
    uint32_t off;          /* code size so far */
    unsigned depth;        /* nesting of forward branches and jumps */
    bool in_loop;
    int avoid;             /* a register xd() must not return, or -1 */
    unsigned smc_slot;     /* next slot of the run-time code area */
    size_t handler_pool;   /* pool entry holding the signal handler address */
    unsigned total_weight;
    struct gen_fixup *fix;
    size_t nfix, fix_cap;
};

/* Random numbers (splitmix64: fast, and the same on every host). */
uint64_t gen_rand(struct gen *g);
unsigned gen_below(struct gen *g, unsigned n);
bool gen_chance(struct gen *g, unsigned percent);

/* Edge values. */
uint64_t gen_edge_int(struct gen *g);
int32_t gen_edge_imm12(struct gen *g);
unsigned gen_edge_shamt(struct gen *g, unsigned bits);
uint64_t gen_edge_double(struct gen *g);
uint32_t gen_edge_single(struct gen *g);
uint64_t gen_edge_fp(struct gen *g);   /* doubles, boxed and unboxed singles */

/* Register choices: a destination the body may write (x0 now and then),
 * any source, a non-zero writable temporary, x8..x15, any FP register. */
unsigned gen_xd(struct gen *g);
unsigned gen_xs(struct gen *g);
unsigned gen_xtmp(struct gen *g);
unsigned gen_xc(struct gen *g);
unsigned gen_fr(struct gen *g);

/* Slot emission; each returns the slot's index. */
size_t gen_emit(struct gen *g, uint32_t word);
size_t gen_emit_c(struct gen *g, uint16_t half);
size_t gen_emit_ref(struct gen *g, uint32_t word, uint32_t ref);
/* Re-encodes slot i (for forward targets known only later). */
void gen_patch(struct gen *g, size_t i, uint32_t word);

/* rd = value, in one to three instructions; loads from the pool (through
 * tmp when rd is x0) when the value needs more than 32 bits. */
void gen_li(struct gen *g, unsigned rd, uint64_t value);
/* op rd, pool[value] via auipc tmp (op is LD, FLD or FLW). */
void gen_load_const(struct gen *g, enum rv_op op, unsigned rd, unsigned tmp,
                    uint64_t value);
/* Adds a pool entry; returns its index. */
size_t gen_pool_add(struct gen *g, uint64_t value);
/* tmp = address of pool entry index. */
void gen_addr_pool(struct gen *g, unsigned tmp, size_t index);

/* Emits one random item of the body, in a unit of its own. */
void gen_item(struct gen *g);

/* Fault programs (fault.c): the handler set-up at the start, the fault at
 * the end of the body, the handler after the epilogue. */
void gen_fault_setup(struct gen *g);
void gen_fault(struct gen *g, bool cond, int32_t counter);
void gen_fault_handler(struct gen *g);
/* The data segment: the dump area, then the alternate signal stack. */
uint64_t gen_altstack_base(void);
size_t gen_data_size(void);

#endif
