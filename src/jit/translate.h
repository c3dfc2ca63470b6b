/* Internal to the translator (the files of jit/): the layout translated code relies
 * on, the guest-to-host register mapping, and the translation context that
 * the per-instruction emitters (tr_*.c) share. */
#ifndef HART_JIT_TRANSLATE_H
#define HART_JIT_TRANSLATE_H

#include <stddef.h>
#include "core/hart.h"
#include "rv/block.h"
#include "x64/x64.h"

/* Register conventions inside translated code:
 *   RBP  the struct hart            R15  guest_base (host address of 0)
 *   R14  h->instret, counted in a register: a count in memory would chain
 *        every iteration of a small loop through a store and a load
 *   RAX, RCX, RDX  scratch          RSP  host stack, 16-byte aligned
 *   the other nine hold the guest registers of jit_host_reg[]. */
#define JIT_STATE RBP
#define JIT_BASE R15
#define JIT_INSTRET R14
#define JIT_NMAPPED 9

/* The indirect-jump table: 2^JIT_JTAB_BITS entries {guest pc, host code},
 * indexed by pc >> 1. */
#define JIT_JTAB_BITS 14

/* Host register of guest register r, or -1 when it lives in struct hart. */
extern int8_t jit_host_reg[33];
extern uint8_t jit_mapped[JIT_NMAPPED]; /* the mapped guest registers */

/* Chooses the mapped registers from the code translated so far; true if
 * the mapping changed (only call with no translated code in use). */
bool jit_remap(void);

#define HART_OFF(field) ((int32_t)offsetof(struct hart, field))
#define XREG_MEM(r) x64_mem(JIT_STATE, HART_OFF(x) + 8 * (r))
#define FREG_MEM(r) x64_mem(JIT_STATE, HART_OFF(f) + 8 * (r))

/* Reasons translated code returns to jit_run, besides enum interp_exit. */
enum {
    JX_CHAIN = 100, /* direct branch to h->pc; chain h->jit_site to it */
    JX_LOOKUP,      /* indirect branch to h->pc not in the jump table */
    JX_INTERRUPT,   /* h->interrupt set, at the start of the block at h->pc */
    JX_STEP,        /* fallback changed control flow: continue at h->pc */
};

/* One place that can fault in a translated block: the host offset of the
 * instruction and the guest instruction it belongs to. */
struct jit_fault_site {
    uint32_t host_off;
    uint32_t index;
};

struct tr_stub;

struct tr {
    struct x64_buf b;
    struct block *blk;
    const struct block_insn *ip;
    unsigned index;              /* of ip in blk */
    uint64_t pc;                 /* of ip */
    struct tr_stub *stubs;
    unsigned nstubs, max_stubs;
    struct jit_fault_site *faults;
    unsigned nfaults, max_faults;
    uintptr_t exit_code;         /* the shared exit routine */
    uintptr_t lookup_miss;       /* indirect jump not in the table: exit */
    int slow_stub;               /* this instruction's fallback stub, or -1 */
    unsigned first_stub;         /* stubs from here on are this instruction's */
    uint32_t checked;            /* guest registers bounds-checked so far */
    unsigned fused;              /* following instructions tr_fuse consumed */
};

/* Emits the translation of tr->ip; false if the op has no translation (the
 * caller then emits a call to the interpreter's body). */
bool tr_insn(struct tr *t);
bool tr_fp(struct tr *t); /* F and D, from tr_insn */
/* Pairs translated as one (macro-op fusion); sets t->fused. */
bool tr_fuse(struct tr *t);

/* Translates blk into mem (size bytes, to run at run_at); returns the
 * bytes used, or 0 when it did not fit. Fills faults[0..*nfaults). */
size_t jit_translate(struct block *blk, uint8_t *mem, size_t size,
                     uintptr_t run_at, uintptr_t exit_routine,
                     uintptr_t lookup_miss, struct jit_fault_site *faults,
                     unsigned max_faults, unsigned *nfaults);

/* The interpreter's body for one instruction, called from translated code
 * with all guest registers in struct hart. */
int jit_fallback(struct hart *h, const struct block_insn *ip, uint64_t pc,
                 uint64_t unretired);

/* Moves the registers translated code keeps (mapped guest registers and
 * the instruction count) to struct hart, and back. */
void jit_spill(struct x64_buf *b);
void jit_reload(struct x64_buf *b);

/* Helpers for the per-instruction emitters. */
enum x64_reg tr_src(struct tr *t, int r, enum x64_reg scratch);
enum x64_reg tr_dst(int rd);
void tr_commit(struct tr *t, int rd, enum x64_reg r);
void tr_chain(struct tr *t, enum x64_cc cc, bool conditional, uint64_t target);
struct x64_mem tr_guest_mem(struct tr *t, int rs1, int32_t imm);
void tr_note_fault(struct tr *t);
/* Fast paths with a way out: tr_slow_if branches (on cc) to an
 * out-of-line call of the interpreter's body for this instruction, which
 * returns to the point tr_slow_resume marks (the end of the fast path). */
void tr_slow_if(struct tr *t, enum x64_cc cc);
void tr_slow_resume(struct tr *t);
void tr_exit_with(struct tr *t, int reason);

#endif
