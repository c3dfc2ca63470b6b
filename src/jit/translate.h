/* Internal to the translator (the files of jit/): the layout translated code relies
 * on, the guest-to-host register mapping, and the translation context that
 * the per-instruction emitters (tr_*.c) share. */
#ifndef HART_JIT_TRANSLATE_H
#define HART_JIT_TRANSLATE_H

#include <stddef.h>
#include "core/hart.h"
#include "mem/space.h"
#include "rv/block.h"
#include "x64/x64.h"

/* Register conventions inside translated code:
 *   RBP  the struct hart (JIT_STATE_BIAS bytes into it)
 *   GS base  guest_base (host address of 0)
 *   R14  h->instret, counted in a register: a count in memory would chain
 *        every iteration of a small loop through a store and a load; its
 *        bit 63 asks the thread to stop (JIT_INTERRUPT_BIT)
 *   RAX, RCX, RDX  scratch          RSP  host stack, 16-byte aligned
 *   the other ten hold the guest registers of jit_host_reg[].
 * Guest memory is addressed through the GS segment (jit_run sets each
 * thread's GS base once; x86-64 Linux user space leaves GS unused), so the
 * guest base costs a prefix byte instead of a register. */
#define JIT_STATE RBP
#define JIT_INSTRET R14
#define JIT_NMAPPED 10

/* The indirect-jump table: 2^JIT_JTAB_BITS host code addresses, indexed
 * by the low 16 bits of the guest pc, which one movzx extracts (the odd
 * entries only ever hold lookup_miss: no translation has an odd pc). */
#define JIT_JTAB_BITS 16

/* Host register of guest register r, or -1 when it lives in struct hart. */
extern int8_t jit_host_reg[33];
extern uint8_t jit_mapped[JIT_NMAPPED]; /* the mapped guest registers */

/* Chooses the mapped registers from the profile of the code translated
 * since the last flush, fed block by block to jit_profile; true if the
 * mapping changed (only call with no translated code in use). Ends the
 * profiling (jit.c may turn it on again for a later remap). */
extern bool jit_profiling;
void jit_profile(const struct block *blk);
bool jit_remap(void);

/* FP arithmetic uses the VEX three-operand forms (the host has AVX, and
 * the environment has no HART_TEST_NO_AVX, which tests/jit sets to run
 * the SSE forms too); set by jit_init. */
extern bool jit_avx;

/* JIT_STATE points JIT_STATE_BIAS bytes into the struct hart, so that
 * jit_limit (each bounds check) and x[0..30] (every guest register that
 * lives in memory) are addressed with a one-byte displacement, [rbp - 128]
 * to [rbp + 120], three bytes shorter than the four-byte one most of them
 * would need from the start of the struct: python's hot translated code
 * is 7% smaller. */
#define JIT_STATE_BIAS 128
#define HART_OFF(field) ((int32_t)offsetof(struct hart, field) - JIT_STATE_BIAS)
_Static_assert(offsetof(struct hart, jit_limit) == JIT_STATE_BIAS - 128 &&
                   offsetof(struct hart, x) + 8 * 30 - JIT_STATE_BIAS <= 127,
               "jit_limit and x[0..30] within a one-byte displacement");
#define XREG_MEM(r) x64_mem(JIT_STATE, HART_OFF(x) + 8 * (r))
#define FREG_MEM(r) x64_mem(JIT_STATE, HART_OFF(f) + 8 * (r))

/* The shared routines translated code jumps to (jit.c), by run address:
 *   exit         spill the guest registers and return to jit_run (EAX: why)
 *   lookup_miss  the indirect target in RAX is not in the jump table: it
 *                becomes h->pc, bit 0 cleared (jalr leaves that to the
 *                ways out), then exit
 *   lookup       look up the jump table for the guest pc in RAX (bit 0
 *                cleared first, as jalr does), jump there
 *   ras_mismatch a return landed after a call that was not its own: the
 *                return-address stack is dropped, then as lookup */
struct jit_routines {
    uintptr_t exit, lookup_miss, lookup, ras_mismatch;
};

/* The inline cache at each indirect jump (tr_insn.c), by offset from its
 * 8-byte constant (the guest pc it caches, or JIT_IC_EMPTY): the rel32 of
 * the miss branch, the rel32 of the hit jump or call, and the lookup code
 * the miss branch goes to once filled (after a call, past a 2-byte jump). */
enum {
    JIT_IC_EMPTY = 1, /* no guest pc is odd */
    JIT_IC_MISS = 16,
    JIT_IC_HIT = 24,
    JIT_IC_LOOKUP = 28,
    JIT_IC_LOOKUP_CALL = 30,
};

/* Interrupts. Bit 63 of R14 (JIT_INTERRUPT_BIT: an instruction count
 * never gets there) says the thread is asked to stop: every unit starts
 * with add r14, N; js -> stop, so the check costs one jump fused with the
 * count. Whatever sets h->interrupt sets the bit too: a host signal
 * handler, in the context it interrupted (jit_interrupt_context), another
 * thread through a kick (a signal), and jit_reload from h->interrupt
 * after a call into C. jit_spill stores R14 without it. */
#define JIT_INTERRUPT_BIT 63

/* Most calls the return-address stack holds (8 host bytes each). */
#define JIT_RAS_DEPTH 512

/* Reasons translated code returns to jit_run, besides enum interp_exit. */
enum {
    JX_CHAIN = 100, /* direct branch to h->pc; chain h->jit_site to it */
    JX_LOOKUP,      /* indirect branch to h->pc not in the jump table */
    JX_INTERRUPT,   /* h->interrupt set, at the start of the block at h->pc */
    JX_STEP,        /* fallback changed control flow: continue at h->pc */
    JX_UNBOUNDED,   /* a JIT_BOUNDED register left the guest space: the
                       interpreter goes on at h->pc */
    JX_FRM,         /* frm became RMM or invalid: as JX_UNBOUNDED */
    JX_UNBOXED,     /* a loop's pinned single was not NaN-boxed at its
                       entry (tr_f_pin): as JX_UNBOUNDED */
};

/* Guest registers that hold guest-space addresses wherever translated code
 * runs: sp, gp and tp, the bases of stack, global and thread-local
 * accesses, which then need no bounds check of their own. jit_run enters
 * translated code only while they hold such addresses, and translated code
 * that writes one checks it and leaves for the interpreter (JX_UNBOUNDED)
 * when it does not; the program goes on correctly either way, as the
 * interpreter checks every access. */
#define JIT_BOUNDED ((1u << 2) | (1u << 3) | (1u << 4))

static inline bool jit_bounded(int r)
{
    return r > 0 && r < 32 && (JIT_BOUNDED >> r & 1);
}

static inline bool jit_bounded_ok(const struct hart *h)
{
    return (h->x[2] | h->x[3] | h->x[4]) < GUEST_SPACE_SIZE;
}

/* What translated code assumes wherever it runs, checked before jit_run
 * enters it and wherever translated code may break it: the JIT_BOUNDED
 * registers in bounds, and a dynamic rounding mode (frm) that the host
 * has (RNE, RTZ, RDN, RUP), so that FP instructions need not check it.
 * A CSR write to frm happens in the interpreter's body, and the code after
 * it checks (JX_FRM); RMM, rarely used, runs in the interpreter. */
static inline bool jit_may_enter(const struct hart *h)
{
    return jit_bounded_ok(h) && h->frm <= 3;
}

#define TR_FSLOTS 16 /* XMM registers; 0 and 1 are scratch */

/* The FP register copies (struct tr_fcache) whose value struct hart does
 * not have yet, at one point of the code: enough for a stub to store them
 * or for the fault handler to take them from a signal context. */
struct tr_fdirty {
    uint8_t owner[TR_FSLOTS]; /* guest f register + 1 in each dirty XMM */
    uint16_t slots;           /* the dirty XMMs */
    uint16_t single;          /* of those, the XMMs that hold a single (its
                                 32 bits; memory wants them NaN-boxed) */
    uint16_t nanfix;          /* of those, the XMMs whose NaN, if they hold
                                 one, is the host's: RISC-V's canonical NaN
                                 is the value */
};

/* One place that can fault in a translated block: the host offset of the
 * instruction and the guest instruction it belongs to. */
struct jit_fault_site {
    uint32_t host_off;
    uint32_t index;
    uint32_t sext; /* guest registers a W form left unextended (demand.c):
                      their true value is their low 32 bits sign-extended */
    uint32_t replay; /* if not 0: a load made of this many instructions
                        (idiom.c), which a fault runs again in the
                        interpreter from index on, to fault where they do */
    struct tr_fdirty fdirty;
};

struct tr_stub;

/* Copies of guest FP registers in XMM2-XMM15 within one translation unit
 * (tr_fcache.c), written back: a result goes to struct hart only when
 * something outside the unit's straight-line code may look (a branch or
 * jump, a call into C, a stub that leaves) or its XMM is needed, so a
 * value rewritten in between is stored once. Every copy is dropped at a
 * call into C, which may clobber any XMM register. */
struct tr_fcache {
    uint8_t owner[TR_FSLOTS]; /* guest f register + 1 in each XMM, or 0 */
    uint8_t slot[32];         /* XMM holding f[r], or 0 */
    uint32_t low32;           /* f[r]'s copy holds only its low 32 bits (a
                                 single); memory has or gets the NaN box */
    uint32_t dirty;           /* f[r]'s copy is newer than struct hart */
    uint32_t nanfix;          /* f[r]'s copy is an arithmetic result whose
                                 NaN, if it is one, has the host's payload:
                                 canonical only where someone looks (only
                                 the NaN-ness matters to arithmetic) */
    uint32_t last_use[TR_FSLOTS];
    uint32_t clock;
};

/* A host register that a loop unit (loopmap.c) gives to another guest
 * register than the global mapping does. */
struct tr_swap {
    uint8_t host;         /* enum x64_reg */
    uint8_t global_guest; /* its guest register outside the unit */
    uint8_t unit_guest;   /* and inside */
};

/* A forward branch to an instruction further on in the same unit (an
 * if-then: the branch skips a few instructions that the unit translates
 * on its fall-through path): where the two paths meet, what was known at
 * the branch (translate.c, tr_branch_within). */
struct tr_join {
    unsigned at;         /* the instruction where the paths meet */
    unsigned stub;       /* the cold stub that uncounts the skipped ones */
    uint32_t checked;    /* registers bounds-checked at the branch */
    uint32_t unextended; /* and holding an unextended W result there */
};
enum { TR_MAX_JOINS = 8 };
enum { TR_FPIN = 6 }; /* FP registers a loop unit pins at most (tr_f_pin) */

struct tr {
    struct x64_buf b;
    /* Where each guest register lives in this unit: the host register, or
     * -1 for struct hart. The global mapping, but for the swaps of a loop
     * unit with a mapping of its own. */
    int8_t host[33];
    struct tr_swap swaps[JIT_NMAPPED];
    unsigned nswaps;
    uintptr_t loop_run;  /* a loop unit's head, past the swaps in (run address) */
    bool remap_failed;   /* a loop unit made an exit that does not swap out */
    struct block *blk;
    const struct block_insn *ip;
    unsigned index;              /* of ip in blk */
    uint64_t pc;                 /* of ip */
    struct tr_stub *stubs;
    unsigned nstubs, max_stubs;
    struct jit_fault_site *faults;
    unsigned nfaults, max_faults;
    uintptr_t exit_code;         /* the shared routines: see jit_routines */
    uintptr_t lookup_miss;
    uintptr_t ras_mismatch;
    int slow_stub;               /* this instruction's fallback stub, or -1 */
    unsigned first_stub;         /* stubs from here on are this instruction's */
    uint32_t checked;            /* guest registers bounds-checked so far */
    uint32_t in_bounds;          /* written by this instruction with a
                                    constant inside the guest space */
    unsigned fused;              /* following instructions tr_fuse consumed */
    /* The scratch register an unmapped guest register was just stored
     * from: valid while the code ends where that store ended, so the next
     * instruction reads it without the store-to-load round trip. */
    int fwd_guest;               /* 0: none */
    enum x64_reg fwd_host;
    size_t fwd_at;
    struct tr_fcache fc;         /* tr_fcache.c */
    /* The guest register whose 64-bit value the host's ZF reflects (a
     * result of add, sub, and, or, xor), while the code ends at zf_at: a
     * beqz/bnez on it right after needs no test. */
    int zf_guest;                /* 0: none */
    uint32_t fresh_boxed;        /* f registers this instruction loaded as
                                    singles after a NaN-box check */
    size_t zf_at;
    /* A JIT_BOUNDED register (in bounds before) that an x86 add of a
     * negative immediate just lowered, while the code ends at lowered_at:
     * it left the guest space exactly if it wrapped below 0, which CF
     * says without a compare (check_bounded). */
    int lowered_guest;           /* 0: none */
    size_t lowered_at;
    unsigned data_tail;          /* bytes of data ending the hot code */
    /* Per instruction of the unit: its result is only read in its low 32
     * bits before being overwritten (demand.c), so a W form may leave the
     * upper half as x86 left it instead of sign-extending; NULL: always
     * extend. */
    const bool *low32;
    /* Per instruction: enum tr_role, what a TR_IDIOM translates, and how
     * many instructions a fault there replays (jit_find_idioms); NULL:
     * all TR_PLAIN. */
    const uint8_t *role;
    const struct rv_insn *idiom_insn;
    const uint8_t *replay;
    uint32_t unextended; /* guest registers holding such a W result now */
    struct tr_join joins[TR_MAX_JOINS]; /* pending: at a later instruction */
    unsigned njoins;
    /* A loop unit's pinned FP registers (tr_f_pin); its branch back goes
     * to loop_run, past their loads. */
    uint8_t fpin[TR_FPIN];
    bool fpin_single[TR_FPIN];
    unsigned nfpin;
};

/* A loop unit's own mapping (loopmap.c): fills host (the global mapping,
 * or the unit's) and returns the swaps from the global one, 0 when the
 * unit keeps the global mapping. */
unsigned jit_loop_mapping(const struct block *blk, int8_t host[33],
                          struct tr_swap swaps[JIT_NMAPPED]);

/* The most instructions a translation unit has (a block, rv/block.c, or
 * a superblock, superblock.c). */
#define JIT_MAX_UNIT 256

/* Fills low32[0..blk->n) (see struct tr) and, if live is not NULL,
 * live[0..blk->n): bit r set if guest register r is read or can be
 * observed after the instruction before it is overwritten. The unit is
 * blk's instructions, or view[0..blk->n) in their place if view is not
 * NULL (demand.c). */
void jit_demand(const struct block *blk, const struct rv_insn *view,
                bool *low32, uint64_t *live);
/* The integer register d writes (RV_SINK for x0), or -1 if none. */
static inline int jit_x_dest(const struct rv_insn *d)
{
    if (d->op >= RV_OP_COUNT || rv_regfile((enum rv_op)d->op, 0) != RV_REG_X)
        return -1;
    return d->rd;
}

/* Integer arithmetic that cannot fault, leave or be seen from outside
 * (and writes none of sp, gp, tp). */
bool jit_plain_int(const struct rv_insn *d);

/* Idioms: sequences of instructions translated as one (idiom.c). */
enum tr_role {
    TR_PLAIN,   /* translated as itself */
    TR_SKIP,    /* part of an idiom translated elsewhere: nothing */
    TR_IDIOM,   /* where an idiom is translated, as idiom_insn[i] */
    TR_EXTRACT, /* part of a load from bytes whose result is still read:
                   idiom_insn[i].rd = bytes of the load's destination rs1
                   (see struct tr_extract: imm is skip, rs2 is bytes, rm
                   is sext) */
};

/* The value a byte load, shift or or of a load from bytes leaves in its
 * register, as bytes of the whole load's value: (value >> 8 * skip, or <<
 * for a negative skip) with only the bytes in mask kept, one run of them,
 * and sign-extended from bit 31 if sext (slliw made it). */
struct tr_extract {
    uint8_t index;               /* of the instruction in the idiom's span */
    int8_t skip;
    uint8_t mask;                /* bit p: byte p kept */
    bool sext;                   /* then sign-extended from bit 31 */
    bool usable;                 /* the bytes make one run */
    bool on;                     /* translated: its result is read */
};

#define TR_UNIT_WORDS (JIT_MAX_UNIT / 64)
#define TR_MAX_EXTRACTS 32
struct tr_idiom {
    unsigned at;                 /* the instruction it is translated at */
    unsigned last;               /* its last instruction */
    uint64_t members[TR_UNIT_WORDS]; /* its instructions, at included */
    struct rv_insn insn;         /* what is translated at `at`; a load
                                    with rm 1 is big-endian */
    bool replay;                 /* a load that, if it faults, the
                                    interpreter runs again as written */
    unsigned nextracts;          /* loads: one per other instruction */
    struct tr_extract extracts[TR_MAX_EXTRACTS];
};

/* Rotates spelled, without Zbb, as a left and a right shift of one
 * register and an or (add, xor) of the two (rotate.c); byte loads
 * assembled into a little-endian halfword, word or doubleword by shifts
 * and ors (byteload.c). Each adds its candidates to out (at most max) and
 * returns how many; idiom.c keeps those that can be told apart from the
 * instructions they replace by nothing. */
unsigned jit_rotate_candidates(const struct block *blk, struct tr_idiom *out,
                               unsigned max);
unsigned jit_byte_load_candidates(const struct block *blk,
                                  struct tr_idiom *out, unsigned max);

/* Finds the unit's idioms and returns how many; if any, fills
 * role[0..blk->n), idiom_insn[] where role is TR_IDIOM or TR_EXTRACT, and
 * replay[] (the instructions from there to the idiom's last if a fault
 * there must replay them, else 0). Fills low32 in any case (as jit_demand
 * does, for the unit as it will be translated). */
unsigned jit_find_idioms(const struct block *blk, uint8_t *role,
                         struct rv_insn *idiom_insn, uint8_t *replay,
                         bool *low32);

/* This instruction is a W form whose sign extension nobody reads. */
static inline bool tr_low32_only(const struct tr *t)
{
    return t->low32 && t->low32[t->index];
}

/* The scratch register holding unmapped guest register r, if r was the
 * last thing stored and nothing was emitted since; else -1. */
int tr_forwarded(const struct tr *t, int r);

/* Emits the translation of tr->ip; false if the op has no translation (the
 * caller then emits a call to the interpreter's body). */
bool tr_insn(struct tr *t);
bool tr_fp(struct tr *t); /* F and D, from tr_insn */
bool tr_atomic(struct tr *t); /* A and fence, from tr_insn */
/* Pairs translated as one (macro-op fusion); sets t->fused. */
bool tr_fuse(struct tr *t);
/* frflags; an FP compare; fsflags, as one (tr_fp.c, from tr_fuse). */
bool tr_fp_quiet_compare(struct tr *t);
/* rd = base + (shifted << s), shifted zero-extended from 32 bits if uw. */
void tr_shadd(struct tr *t, int rd, int shifted, int base, unsigned s,
              bool uw);
/* jal rd, target (a call when rd is ra or t0), returning to after. */
void tr_jump_direct(struct tr *t, int rd, uint64_t target, uint64_t after);

/* Where a block's translation goes: the hot part (the code that runs),
 * and the cold part (its exit, error and slow-path stubs), each a writable
 * buffer and the address it will run at. */
struct jit_code_space {
    uint8_t *hot, *cold;
    size_t hot_size, cold_size;
    uintptr_t hot_run, cold_run;
    size_t cold_used; /* set by jit_translate */
    /* If not NULL (-d out_asm), jit_translate sets insn_at[i] to the hot
     * offset where instruction i's code starts (one entry per instruction
     * of the unit; instructions fused into one share it). */
    uint32_t *insn_at;
    /* Set by jit_translate: the hot code ends with this many bytes of data
     * (a return address its landing compares, tr_insn.c), never run. */
    size_t data_tail;
    /* Set by jit_translate: where each guest register lives in the code
     * (struct tr.host), for the fault handler; loop_swaps says how many
     * host registers differ from the global mapping. */
    int8_t host_reg[33];
    unsigned loop_swaps;
};

/* Conditional branches: the only control transfers a translation unit
 * may have before its last instruction. */
bool jit_is_cond_branch(enum rv_op op);
/* The unit to translate for hot block head (superblock.c): head itself, or
 * a superblock of it and the blocks it falls through to, which the caller
 * owns (and frees with free). */
struct block *jit_superblock(struct block *head);
/* R14 counts a unit's instructions as it is entered, all of them; a side
 * exit takes back those it skips (tr_side_exit). The instructions from
 * index to the unit's end, counted but not yet retired while instruction
 * index runs: */
unsigned jit_unretired(const struct block *b, unsigned index);

/* Translates blk into space; returns the bytes of hot code (cold_used
 * says how much of the cold part), or 0 when it did not fit. Fills
 * faults[0..*nfaults). */
size_t jit_translate(struct block *blk, struct jit_code_space *space,
                     const struct jit_routines *routines,
                     struct jit_fault_site *faults, unsigned max_faults,
                     unsigned *nfaults);

/* Every translation starts with a check that RAX holds its guest pc,
 * where jumps through the jump table enter it; the block entry (b->code)
 * follows, this many bytes in. A pc that fits a sign-extended 32-bit
 * immediate (code below 2 GB: programs that are not position-independent)
 * is compared directly (cmp rax, imm32; jne lookup_miss) after padding
 * that is never run; a larger one is kept as 8 bytes of data at the start
 * and compared RIP-relative (cmp rax, [pc]; jne), one instruction where
 * movabs and cmp would be two. The check starts jit_pc_check_skip bytes
 * in. */
#define JIT_PC_CHECK_BYTES 21
static inline size_t jit_pc_check_skip(uint64_t pc)
{
    if (pc > INT32_MAX)
        return 8;
    return JIT_PC_CHECK_BYTES - (pc <= 127 ? 4 : 6) - 6;
}
/* The jump table's address when it lies in the low 2 GB, else 0. */
extern uintptr_t jit_jtab_low;
/* The jump-table lookup of the guest pc in RAX: jumps (or, for a call,
 * calls) through its entry, to the pc check of a translation or to
 * lookup_miss. */
void jit_emit_lookup(struct x64_buf *b, bool call);

/* The interpreter's body for one instruction, called from translated code
 * with all guest registers in struct hart. */
int jit_fallback(struct hart *h, const struct block_insn *ip, uint64_t pc,
                 uint64_t unretired);

/* Moves the registers translated code keeps (mapped guest registers and
 * the instruction count) to struct hart, and back; the reload sets R14's
 * interrupt bit from h->interrupt, and returns the run address of the
 * compare that reads it (before which R14 holds no count yet). */
void jit_spill(struct x64_buf *b);
uintptr_t jit_reload(struct x64_buf *b);

/* Helpers for the per-instruction emitters. */
enum x64_reg tr_src(struct tr *t, int r, enum x64_reg scratch);
enum x64_reg tr_dst(struct tr *t, int rd);
void tr_commit(struct tr *t, int rd, enum x64_reg r);
/* rd = value, a constant known at translation time; a guest address
 * then needs no bounds check in this block (tr_guest_mem). */
void tr_set_constant(struct tr *t, int rd, uint64_t value);
void tr_chain(struct tr *t, enum x64_cc cc, bool conditional, uint64_t target);
/* Chains the rel32 at site (an open call: x64_call_fwd), which
 * tr_align_rel32 aligned, to target. */
void tr_chain_site(struct tr *t, size_t site, uint64_t target);
/* A conditional branch (on cc) out of the middle of a unit, to target:
 * through a cold stub that uncounts the instructions skipped. */
void tr_side_exit(struct tr *t, enum x64_cc cc, uint64_t target);
/* A conditional branch (on cc) to target, when target is an instruction
 * further on in this unit: a jump there (through a cold stub that uncounts
 * the instructions skipped) instead of a way out. false: it is not, or
 * the unit cannot take one more; the caller makes a side exit. */
bool tr_branch_within(struct tr *t, enum x64_cc cc, uint64_t target);
/* Whether instruction i is where a branch within the unit lands: code
 * for i must begin there (no fused pair ends at i). */
bool tr_is_join(const struct tr *t, unsigned i);
void tr_align_rel32(struct tr *t, unsigned op_len);
struct x64_mem tr_guest_mem(struct tr *t, int rs1, int32_t imm);
void tr_note_fault(struct tr *t);
/* Fast paths with a way out: tr_slow_if branches (on cc) to an
 * out-of-line call of the interpreter's body for this instruction, which
 * returns to the point tr_slow_resume marks (the end of the fast path). */
void tr_slow_if(struct tr *t, enum x64_cc cc);
/* After a compare of x with itself: a NaN in x (PF set) becomes RISC-V's
 * canonical NaN, out of line. It may happen where an XMM copy is stored
 * in the middle of an instruction's code, so it leaves every general
 * register as it was (tr_f_load_canonical_nan). */
void tr_nan_canonical_if(struct tr *t, enum x64_xmm x, bool single);
void tr_f_load_canonical_nan(struct tr *t, enum x64_xmm x, bool single);
/* The stub that sends a jump through the empty inline cache at offset at
 * to the run loop, through the rel32s at miss and hit. */
void tr_ic_stub(struct tr *t, size_t at, size_t miss, size_t hit);

void tr_slow_resume(struct tr *t);

/* The FP register copies (tr_fcache.c). Reads return an XMM whose low 64
 * bits (tr_f_read) or low 32 bits (tr_f_read_low) are f[r], loading it
 * first if no copy is there. */
enum x64_xmm tr_f_read(struct tr *t, int r);
enum x64_xmm tr_f_read_low(struct tr *t, int r);
/* f[r] is a NaN-boxed single, known at translation time. */
bool tr_f_known_boxed(const struct tr *t, int r);
/* f[r] is now the low 64 bits of x (or the low 32, a single): x's value
 * becomes its copy, newer than struct hart until written back. */
void tr_f_wrote(struct tr *t, int r, enum x64_xmm x, bool single);
/* f[r]'s copy, just passed to tr_f_wrote, is an arithmetic result that
 * may be a NaN other than RISC-V's canonical one (tr_fcache.nanfix). */
void tr_f_may_be_nan(struct tr *t, int r);
/* f[r]'s copy holds RISC-V's value from here on: a host NaN is replaced
 * by the canonical one (out of line). */
void tr_f_canonical(struct tr *t, int r);
/* Stores f[r]'s copy, or all copies, to struct hart if newer. */
void tr_f_writeback(struct tr *t, int r);
/* f[r], just checked to be NaN-boxed in struct hart, into its copy as a
 * single, unless it has a copy. */
void tr_f_read_boxed(struct tr *t, int r);
/* Whether f[r]'s copy is newer than struct hart. */
bool tr_f_is_dirty(const struct tr *t, int r);
void tr_f_writeback_all(struct tr *t);
/* The copies newer than struct hart now, whether two such records are
 * the same, and the code that stores them (in a stub, where the XMM
 * registers still hold them). */
void tr_f_dirty_now(const struct tr *t, struct tr_fdirty *d);
bool tr_f_dirty_equal(const struct tr_fdirty *a, const struct tr_fdirty *b);
void tr_f_store_dirty(struct tr *t, const struct tr_fdirty *d);
/* An XMM to load or compute f[r] into as its copy; until the value is
 * passed to tr_f_wrote, the copy's old value must still be there wherever
 * the code may fault or leave (a load into it may fault: the load has not
 * happened then). */
enum x64_xmm tr_f_slot_for(struct tr *t, int r);
/* The XMM holding f[r]'s copy, or XMM0 (never a copy) when none does. */
enum x64_xmm tr_f_slot_of(const struct tr *t, int r);
/* f[r] was written to struct hart some other way: its copy, if any, is
 * stale. */
void tr_f_forget(struct tr *t, int r);
/* After a call into C: no copy survives. */
void tr_f_forget_all(struct tr *t);
/* In a stub that returns to translated code after a call into C: loads
 * the copies the code there expects (owner, as tr_fcache.owner). */
void tr_f_reload(struct tr *t, const uint8_t owner[TR_FSLOTS]);
/* Leaves for the interpreter (on cc), which goes on at pc; unretired:
 * instructions counted but not run. */
void tr_leave_if(struct tr *t, enum x64_cc cc, int reason, uint64_t pc,
                 unsigned unretired);
/* A loop unit's FP registers kept in XMMs from round to round (pinned):
 * chosen among those its loop reads, each always as a single or always
 * as a double, loaded at its entry into XMM2 on (a single that is not
 * NaN-boxed there leaves for the interpreter), and at its branch back
 * still there, stored, in the same form (else the unit is translated
 * again without). A sum in an FP register then goes round in a register
 * instead of through struct hart. */
unsigned tr_f_pin_choose(const struct block *blk, uint8_t regs[TR_FPIN],
                         bool single[TR_FPIN]);
void tr_f_pin(struct tr *t, const uint8_t regs[], const bool single[],
              unsigned n);
bool tr_f_pinned_intact(const struct tr *t, const uint8_t regs[],
                        const bool single[], unsigned n);
void tr_exit_with(struct tr *t, int reason);

#endif
