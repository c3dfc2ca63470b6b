/* Which results of a translation unit are only ever read in their low 32
 * bits before they are overwritten: a W instruction's result then needs no
 * sign extension (its upper half stays as x86 left it), which takes a
 * movsxd off chains such as SHA-256's rotates and sums. And which
 * registers anything still reads or can see after each instruction (live),
 * for idiom.c, which asks that about a variant of the unit (a view) where
 * it has rewritten some instructions.
 *
 * A backward pass over the unit, per guest register: what the code after
 * this point demands of its value (nothing, the low 32 bits, a value a
 * fault can recover, or all 64 bits: enum demand).
 * Everywhere guest state can be seen from outside, all 64 bits are
 * demanded of every register: at the unit's end, and at every instruction
 * that is neither plain integer arithmetic nor a plain load or store
 * (branches may leave, fallbacks run the interpreter, writes to JIT_BOUNDED
 * registers are checked). A load or store may fault, and the fault sees
 * the registers a W form left unextended sign-extended from its side
 * table (FIXABLE below). Plain arithmetic never faults, and interrupts are
 * only taken at unit entries, so between those points a register with a
 * stale upper half is never observed. */
#include "jit/translate.h"

/* FIXABLE: the value must be recoverable at a fault, which it is when
 * precise or when a W form left it unextended: the fault's side table
 * lists those registers (struct jit_fault_site.sext), and whoever reads
 * the state there sign-extends them. */
enum demand { NONE, LOW32, FIXABLE, FULL };

enum kind {
    OTHER,  /* observable: everything demanded in full */
    MEMORY, /* a plain load or store: may fault, so everything must be
               recoverable there */
    WORD,   /* W form: reads the low 32 bits of its sources */
    CLOSED, /* the low 32 bits of the result depend only on those of the
               sources (add, logic, left shifts, multiply) */
    PURE,   /* arithmetic that reads its sources in full */
};

static enum kind kind_of(enum rv_op op)
{
    switch (op) {
    case RV_ADDW: case RV_SUBW: case RV_ADDIW: case RV_SLLW: case RV_SRLW:
    case RV_SRAW: case RV_SLLIW: case RV_SRLIW: case RV_SRAIW: case RV_MULW:
    case RV_RORIW: case RV_RORW: case RV_ROLW:
        return WORD;
    case RV_ADD: case RV_SUB: case RV_ADDI: case RV_AND: case RV_OR:
    case RV_XOR: case RV_ANDI: case RV_ORI: case RV_XORI: case RV_SLLI:
    case RV_SLL: case RV_MUL: case RV_ANDN: case RV_ORN: case RV_XNOR:
    case RV_SH1ADD: case RV_SH2ADD: case RV_SH3ADD: case RV_ADD_UW:
    case RV_SH1ADD_UW: case RV_SH2ADD_UW: case RV_SH3ADD_UW: case RV_SLLI_UW:
    case RV_SEXT_B: case RV_SEXT_H: case RV_ZEXT_H:
        return CLOSED;
    case RV_LUI: case RV_SLT: case RV_SLTU: case RV_SLTI: case RV_SLTIU:
    case RV_SRL: case RV_SRA: case RV_SRLI: case RV_SRAI: case RV_MULH:
    case RV_MULHU: case RV_MULHSU: case RV_RORI: case RV_ROR: case RV_ROL:
        return PURE;
    case RV_LB: case RV_LH: case RV_LW: case RV_LD: case RV_LBU: case RV_LHU:
    case RV_LWU: case RV_SB: case RV_SH: case RV_SW: case RV_SD: case RV_FLW:
    case RV_FLD: case RV_FSW: case RV_FSD:
        return MEMORY;
    default:
        return OTHER;
    }
}

/* What an operand of a CLOSED operation must supply when the result is
 * demanded as `result`. Some only ever use the low bits of an operand,
 * whatever is demanded of the result: the shift count, the .uw operand,
 * a byte or halfword extended, a left shift by 32 or more (zext.w is one
 * with a right shift after), an and with a positive immediate. */
static enum demand closed_source(const struct rv_insn *d, int operand,
                                 enum demand result)
{
    enum rv_op op = (enum rv_op)d->op;
    if (op == RV_SLL && operand == 2)
        return LOW32;
    if (op == RV_SEXT_B || op == RV_SEXT_H || op == RV_ZEXT_H ||
        (op == RV_SLLI && d->imm >= 32) || (op == RV_ANDI && d->imm >= 0))
        return LOW32;
    if ((op == RV_ADD_UW || op == RV_SH1ADD_UW || op == RV_SH2ADD_UW ||
         op == RV_SH3ADD_UW || op == RV_SLLI_UW) && operand == 1)
        return LOW32;
    return result <= LOW32 ? LOW32 : FULL;
}

/* The demand on each guest register (and the sink, 32) as bit masks:
 * at[d] holds the registers demanded at least d. */
struct demands {
    uint64_t at[FULL + 1];
};

static void raise_to(struct demands *n, uint64_t regs, enum demand d)
{
    for (int k = LOW32; k <= (int)d; k++)
        n->at[k] |= regs;
}

static enum demand demand_of(const struct demands *n, int r)
{
    enum demand d = NONE;
    while (d < FULL && (n->at[d + 1] >> r & 1))
        d++;
    return d;
}

bool jit_plain_int(const struct rv_insn *d)
{
    if (d->op >= RV_OP_COUNT)
        return false;
    enum kind k = kind_of((enum rv_op)d->op);
    return (k == WORD || k == CLOSED || k == PURE) && !jit_bounded(d->rd);
}

void jit_demand(const struct block *blk, const struct rv_insn *view,
                bool *low32, uint64_t *live)
{
    /* Most units have no W form: nothing to find there, unless the caller
     * asks what is live. */
    unsigned w = 0;
    for (unsigned i = 0; i < blk->n; i++) {
        low32[i] = false;
        if (live)
            live[i] = ~UINT64_C(0);
        unsigned op = view ? view[i].op : blk->insn[i].d.op;
        w += op < RV_OP_COUNT && kind_of((enum rv_op)op) == WORD;
    }
    if (w == 0 && !live)
        return;
    const uint64_t all = (UINT64_C(1) << 33) - 1;
    struct demands need = {{0, all, all, all}};
    for (unsigned i = blk->n; i-- > 0;) {
        const struct rv_insn *d = view ? &view[i] : &blk->insn[i].d;
        enum rv_op op = (enum rv_op)d->op;
        enum kind k = d->op < RV_OP_COUNT ? kind_of(op) : OTHER;
        bool writes = k != OTHER && rv_regfile(op, 0) == RV_REG_X;
        if (live)
            live[i] = need.at[LOW32];
        if (k == OTHER || (writes && jit_bounded(d->rd))) {
            raise_to(&need, all, FULL);
            continue;
        }
        enum demand result = writes ? demand_of(&need, d->rd) : NONE;
        low32[i] = k == WORD && result != FULL;
        if (writes)
            for (int l = LOW32; l <= FULL; l++)
                need.at[l] &= ~(UINT64_C(1) << d->rd);
        if (k == MEMORY) /* where it may fault */
            raise_to(&need, all, FIXABLE);
        const uint8_t src[3] = {0, d->rs1, d->rs2};
        for (int s = 1; s <= 2; s++) {
            if (rv_regfile(op, s) != RV_REG_X || src[s] == 0)
                continue;
            enum demand want;
            if (k == WORD)
                want = LOW32;
            else if (k == CLOSED)
                want = closed_source(d, s, result);
            else if (k == MEMORY && s == 2 && op != RV_SD)
                want = FIXABLE; /* stored in part */
            else
                want = FULL; /* an address, or read in full */
            raise_to(&need, UINT64_C(1) << src[s], want);
        }
    }
}
