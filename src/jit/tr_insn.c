/* Per-instruction translations: one small function per kind of RISC-V
 * instruction, built from the operand helpers of translate.c. Operations
 * not listed here fall back to the interpreter's body. Results written to
 * x0 go to the sink register (block.c), so pure operations whose rd is the
 * sink are dropped, while loads still run for their fault. */
#include <signal.h>
#include "jit/jit.h"
#include "jit/translate.h"
#include "rv/interp.h"

#define B (&t->b)
#define D (&t->ip->d)

static bool has(unsigned feature)
{
    return (x64_cpu() & feature) != 0;
}

/* Operations with x0 as an operand reduce to a move (mv, sext.w, li...):
 * rd = v when v OP 0 == v and 0 OP v == v. */
static bool identity_with_zero(enum x64_alu op)
{
    return op == X64_ADD || op == X64_OR || op == X64_XOR;
}

/* rd = a, sign-extended from 32 bits for W forms. */
static void move_to_rd(struct tr *t, int src, enum x64_width w)
{
    enum x64_reg d = tr_dst(t, D->rd);
    if (src == 0) {
        x64_zero(B, d);
    } else if (t->host[src] >= 0 && t->host[D->rd] < 0 && w == W64) {
        /* mapped to unmapped: one store */
        x64_store(B, W64, XREG_MEM(D->rd), (enum x64_reg)t->host[src]);
        return;
    } else if (t->host[src] >= 0) {
        enum x64_reg a = (enum x64_reg)t->host[src];
        if (w == W32 && d == a && tr_low32_only(t)) {
            /* sext.w whose upper half nobody reads: nothing to do, but
             * ZF no longer describes the register */
            if (t->zf_guest == D->rd)
                t->zf_guest = 0;
            return;
        }
        if (w == W32)
            x64_movsxd_rr(B, d, a);
        else if (d != a)
            x64_mov_rr(B, W64, d, a);
    } else if (tr_forwarded(t, src) >= 0) { /* just computed, in scratch */
        enum x64_reg f = (enum x64_reg)tr_forwarded(t, src);
        if (w == W32)
            x64_movsxd_rr(B, d, f);
        else if (d != f)
            x64_mov_rr(B, W64, d, f);
    } else if (w == W32) {
        x64_load(B, W32, true, d, XREG_MEM(src));
    } else {
        x64_load(B, W64, false, d, XREG_MEM(src));
    }
    tr_commit(t, D->rd, d);
}

/* rd's value was just computed by an x86 add, sub, and, or or xor, which
 * set ZF by it, and nothing that touches flags has been emitted since. */
static void zf_from(struct tr *t, int rd)
{
    if (rd > 0 && rd < 32) {
        t->zf_guest = rd;
        t->zf_at = x64_offset(B);
    }
}

/* neg and negw (sub rd, x0, rs2): the value into rd, then x86's neg,
 * whose ZF is the result's. */
static void negate(struct tr *t, enum x64_width w)
{
    enum x64_reg d = tr_dst(t, D->rd);
    enum x64_reg s = tr_src(t, D->rs2, d);
    if (s != d)
        x64_mov_rr(B, W64, d, s);
    x64_neg_r(B, w, d);
    if (w == W32 && !tr_low32_only(t))
        x64_movsxd_rr(B, d, d);
    tr_commit(t, D->rd, d);
    zf_from(t, D->rd);
}

/* rd = rs1 OP rs2 (or OP imm), computed so that rd may alias either. An
 * unmapped rs2 is used straight from memory. A W form computes 32 bits
 * (x86 clears the upper half) and sign-extends them, which leaves ZF as
 * the 32-bit result's: zero exactly when rd is. */
static void alu(struct tr *t, enum x64_alu op, enum x64_width w, bool use_imm)
{
    if (identity_with_zero(op)) {
        if (use_imm && D->imm == 0) {
            move_to_rd(t, D->rs1, w);
            return;
        }
        if (!use_imm && (D->rs1 == 0 || D->rs2 == 0) && op != X64_SUB) {
            move_to_rd(t, D->rs1 ? D->rs1 : D->rs2, w);
            return;
        }
    }
    if (op == X64_SUB && !use_imm && D->rs1 == 0 && D->rs2 != 0) {
        negate(t, w);
        return;
    }
    bool commutative = op == X64_ADD || op == X64_OR || op == X64_XOR ||
                       op == X64_AND;
    if (w == W64 && D->rs1 == D->rd && D->rd < 32 && t->host[D->rd] < 0 &&
        (use_imm || (D->rs2 != D->rd && (D->rs2 == 0 || t->host[D->rs2] >= 0 ||
                                        tr_forwarded(t, D->rs2) >= 0)))) {
        /* rd OP= imm or a register, rd in memory: one read-modify-write
         * (a pointer or counter stepped in place). */
        struct x64_mem m = XREG_MEM(D->rd);
        if (use_imm)
            x64_alu_mi(B, op, W64, m, D->imm);
        else
            x64_alu_mr(B, op, W64, m, tr_src(t, D->rs2, RCX));
        zf_from(t, D->rd);
        return;
    }
    if (!use_imm && (commutative || op == X64_SUB) && D->rs2 == D->rd &&
        D->rs1 != D->rd && D->rs1 != 0 && t->host[D->rd] >= 0) {
        /* rd = rs1 OP rd, with rd mapped: one instruction on rd, whether
         * rs1 is in a register, just computed, or in memory; rs1 - rd is
         * -rd + rs1. */
        enum x64_reg d = (enum x64_reg)t->host[D->rd];
        int forwarded = tr_forwarded(t, D->rs1); /* before the neg */
        if (op == X64_SUB) {
            x64_neg_r(B, w, d);
            op = X64_ADD;
        }
        if (t->host[D->rs1] >= 0)
            x64_alu_rr(B, op, w, d, (enum x64_reg)t->host[D->rs1]);
        else if (forwarded >= 0)
            x64_alu_rr(B, op, w, d, (enum x64_reg)forwarded);
        else
            x64_alu_rm(B, op, w, d, XREG_MEM(D->rs1));
        if (w == W32 && !tr_low32_only(t))
            x64_movsxd_rr(B, d, d);
        tr_commit(t, D->rd, d);
        zf_from(t, D->rd);
        return;
    }
    if (!use_imm && tr_forwarded(t, D->rs2) == RAX) {
        /* rs2 was just computed into RAX: use it from there, with rs1 in
         * RCX and the result in RCX unless rd is mapped. */
        enum x64_reg a = tr_src(t, D->rs1, RCX);
        enum x64_reg d = t->host[D->rd] >= 0 ? tr_dst(t, D->rd) : RCX;
        if (d != a)
            x64_mov_rr(B, W64, d, a);
        x64_alu_rr(B, op, w, d, RAX);
        if (w == W32 && !tr_low32_only(t))
            x64_movsxd_rr(B, d, d);
        tr_commit(t, D->rd, d);
        zf_from(t, D->rd);
        return;
    }
    bool rs2_in_memory = !use_imm && D->rs2 != 0 && t->host[D->rs2] < 0;
    enum x64_reg c = use_imm || rs2_in_memory ? RCX : tr_src(t, D->rs2, RCX);
    enum x64_reg d = tr_dst(t, D->rd);
    /* An rs1 that must be loaded goes straight into a mapped rd, unless
     * rd holds rs2. */
    bool load_into_d = d != RAX && D->rs1 != 0 && t->host[D->rs1] < 0 &&
                       tr_forwarded(t, D->rs1) < 0 && (use_imm || rs2_in_memory || c != d);
    enum x64_reg a = tr_src(t, D->rs1, load_into_d ? d : RAX);
    if (op == X64_ADD && w == W64 && !use_imm && !rs2_in_memory && d != a && d != c &&
        D->rs1 != 0 && D->rs2 != 0) {
        x64_lea(B, W64, d, x64_mem_idx(a, c, 1, 0)); /* three operands */
        tr_commit(t, D->rd, d);
        return;
    }
    if (!use_imm && !rs2_in_memory && d == c && d != a) {
        if (a != RAX)
            x64_mov_rr(B, W64, RAX, a);
        x64_alu_rr(B, op, w, RAX, c);
        d = RAX;
    } else {
        if (d != a)
            x64_mov_rr(B, W64, d, a);
        if (use_imm)
            x64_alu_ri(B, op, w, d, D->imm);
        else if (rs2_in_memory)
            x64_alu_rm(B, op, w, d, XREG_MEM(D->rs2));
        else
            x64_alu_rr(B, op, w, d, c);
    }
    if (w == W32 && !tr_low32_only(t))
        x64_movsxd_rr(B, d, d);
    tr_commit(t, D->rd, d);
    zf_from(t, D->rd);
}

/* r is read from struct hart (not mapped, not just stored from a scratch
 * register), so an instruction can take it as its memory operand. */
static bool in_memory(const struct tr *t, int r)
{
    return r != 0 && t->host[r] < 0 && tr_forwarded(t, r) < 0;
}

/* rd = (rs1 cmp rs2) ? 1 : 0 */
static void set_if(struct tr *t, enum x64_cc cc, bool use_imm)
{
    if (in_memory(t, D->rs1) && (use_imm || !in_memory(t, D->rs2))) {
        /* compared where it is */
        struct x64_mem m = XREG_MEM(D->rs1);
        if (use_imm)
            x64_cmp_mi(B, W64, m, D->imm);
        else
            x64_alu_mr(B, X64_CMP, W64, m, tr_src(t, D->rs2, RCX));
    } else {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        if (use_imm)
            x64_cmp_ri(B, W64, a, D->imm);
        else if (in_memory(t, D->rs2))
            x64_cmp_rm(B, W64, a, XREG_MEM(D->rs2));
        else
            x64_cmp_rr(B, W64, a, tr_src(t, D->rs2, RCX));
    }
    x64_setcc_r(B, cc, RDX);
    enum x64_reg d = tr_dst(t, D->rd);
    x64_movzx_rr(B, W8, d, RDX);
    tr_commit(t, D->rd, d);
}

static void shift_imm(struct tr *t, enum x64_shift op, enum x64_width w)
{
    if (w == W64 && D->rd == D->rs1 && D->rd < 32 && t->host[D->rd] < 0 &&
        D->imm) {
        /* rd shifted in place, in memory: one read-modify-write */
        x64_shift_mi(B, op, W64, XREG_MEM(D->rd), (uint8_t)D->imm);
        return;
    }
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    enum x64_reg d = tr_dst(t, D->rd);
    if (w == W32 && op == X64_SAR && d != a) {
        /* sraiw: shifting the sign-extended word is the same, and the
         * sign extension doubles as the move. */
        x64_movsxd_rr(B, d, a);
        if (D->imm)
            x64_shift_ri(B, X64_SAR, W64, d, (uint8_t)D->imm);
        tr_commit(t, D->rd, d);
        return;
    }
    if (op == X64_ROR && D->imm && d != a && has(X64_HAS_BMI2)) {
        x64_rorx(B, w, d, a, (uint8_t)D->imm); /* no move first */
    } else {
        if (d != a)
            x64_mov_rr(B, W64, d, a);
        if (D->imm)
            x64_shift_ri(B, op, w, d, (uint8_t)D->imm);
    }
    /* srliw by 1 or more leaves bit 31 clear, so the 32-bit result, zero-
     * extended by x86, is already sign-extended. */
    if (w == W32 && !(op == X64_SHR && D->imm) && !tr_low32_only(t))
        x64_movsxd_rr(B, d, d);
    tr_commit(t, D->rd, d);
}

/* Shift by register: x86 masks the count like RISC-V (6 bits, 5 for W). */
static void shift_reg(struct tr *t, enum x64_shift op, enum x64_width w)
{
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    enum x64_reg c = tr_src(t, D->rs2, RCX);
    enum x64_reg d = tr_dst(t, D->rd);
    if (has(X64_HAS_BMI2) && op != X64_ROL && op != X64_ROR) {
        if (op == X64_SHL)
            x64_shlx(B, w, d, a, c);
        else if (op == X64_SHR)
            x64_shrx(B, w, d, a, c);
        else
            x64_sarx(B, w, d, a, c);
    } else {
        if (c != RCX)
            x64_mov_rr(B, W64, RCX, c);
        if (a != RAX)
            x64_mov_rr(B, W64, RAX, a);
        x64_shift_cl(B, op, w, RAX);
        d = tr_dst(t, D->rd);
        x64_mov_rr(B, W64, d, RAX);
    }
    if (w == W32 && !tr_low32_only(t))
        x64_movsxd_rr(B, d, d);
    tr_commit(t, D->rd, d);
}

static void mul(struct tr *t, enum x64_width w)
{
    int x = D->rs1, y = D->rs2;
    if (in_memory(t, x) && !in_memory(t, y)) { /* it commutes */
        x = D->rs2;
        y = D->rs1;
    }
    if (in_memory(t, y)) { /* imul's memory operand, not a load first */
        enum x64_reg a = tr_src(t, x, RAX);
        enum x64_reg d = tr_dst(t, D->rd);
        if (d != a)
            x64_mov_rr(B, W64, d, a);
        x64_imul_rm(B, W64, d, XREG_MEM(y));
        if (w == W32 && !tr_low32_only(t))
            x64_movsxd_rr(B, d, d);
        tr_commit(t, D->rd, d);
        return;
    }
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    enum x64_reg c = tr_src(t, D->rs2, RCX);
    enum x64_reg d = tr_dst(t, D->rd);
    if (d == c && d != a) {
        x64_imul_rr(B, W64, d, a);
    } else {
        if (d != a)
            x64_mov_rr(B, W64, d, a);
        x64_imul_rr(B, W64, d, c);
    }
    if (w == W32 && !tr_low32_only(t))
        x64_movsxd_rr(B, d, d);
    tr_commit(t, D->rd, d);
}

/* High half of the 128-bit product, from rdx. */
static void mul_high(struct tr *t, bool is_signed)
{
    enum x64_reg c = tr_src(t, D->rs2, RCX);
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    if (a != RAX)
        x64_mov_rr(B, W64, RAX, a);
    if (is_signed)
        x64_imul_r(B, W64, c);
    else
        x64_mul_r(B, W64, c);
    tr_commit(t, D->rd, RDX);
}

/* div, rem and their unsigned and W forms. x86 traps where RISC-V
 * defines a result: a zero divisor gives a quotient of all ones and the
 * dividend as remainder; the most negative number over -1 gives itself and
 * a remainder of 0 (negation wraps the same way, so any divisor of -1 goes
 * that path). */
static void divide(struct tr *t, bool is_signed, bool rem, enum x64_width w)
{
    enum x64_reg c = tr_src(t, D->rs2, RCX);
    if (c != RCX)
        x64_mov_rr(B, W64, RCX, c);
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    if (a != RAX)
        x64_mov_rr(B, W64, RAX, a);
    x64_test_rr(B, w, RCX, RCX);
    size_t by_zero = x64_jcc8_fwd(B, CC_E);
    size_t by_minus_one_done = 0;
    if (is_signed) {
        x64_cmp_ri(B, w, RCX, -1);
        size_t plain = x64_jcc8_fwd(B, CC_NE);
        x64_neg_r(B, w, RAX);
        x64_zero(B, RDX);
        by_minus_one_done = x64_jmp8_fwd(B);
        x64_bind8(B, plain);
        if (w == W64)
            x64_cqo(B);
        else
            x64_cdq(B);
        x64_idiv_r(B, w, RCX);
    } else {
        x64_zero(B, RDX);
        x64_div_r(B, w, RCX);
    }
    size_t done = x64_jmp8_fwd(B);
    x64_bind8(B, by_zero);
    x64_mov_rr(B, W64, RDX, RAX);
    x64_mov_ri(B, RAX, UINT64_MAX);
    x64_bind8(B, done);
    if (is_signed)
        x64_bind8(B, by_minus_one_done);
    enum x64_reg r = rem ? RDX : RAX;
    if (w == W32)
        x64_movsxd_rr(B, r, r);
    tr_commit(t, D->rd, r);
}

static void load(struct tr *t, enum x64_width w, bool signext)
{
    struct x64_mem m = tr_guest_mem(t, D->rs1, D->imm);
    enum x64_reg d = tr_dst(t, D->rd);
    tr_note_fault(t);
    x64_load(B, w, signext, d, m);
    tr_commit(t, D->rd, d);
}

static void store(struct tr *t, enum x64_width w)
{
    enum x64_reg v = tr_src(t, D->rs2, RCX);
    struct x64_mem m = tr_guest_mem(t, D->rs1, D->imm);
    tr_note_fault(t);
    x64_store(B, w, m, v);
}

/* A value is loaded straight into the copy of rd (tr_fcache.c) and
 * stored from the copy of rs2. A single's copy holds its 32 bits, and
 * its NaN box goes to memory: known boxed, later single operations on it
 * need no check. */
static void fp_load(struct tr *t, bool single)
{
    struct x64_mem m = tr_guest_mem(t, D->rs1, D->imm);
    enum x64_xmm x = tr_f_slot_for(t, D->rd);
    tr_note_fault(t); /* the copy's old value is intact until the load */
    if (single)
        x64_movss_xm(B, x, m);
    else
        x64_movsd_xm(B, x, m);
    tr_f_wrote(t, D->rd, x, single);
}

static void fp_store(struct tr *t, bool single)
{
    enum x64_xmm x = single ? tr_f_read_low(t, D->rs2) : tr_f_read(t, D->rs2);
    tr_f_canonical(t, D->rs2); /* its bits go to memory */
    struct x64_mem m = tr_guest_mem(t, D->rs1, D->imm);
    tr_note_fault(t);
    if (single)
        x64_movss_mx(B, m, x);
    else
        x64_movsd_mx(B, m, x);
}

static void branch(struct tr *t, enum x64_cc cc)
{
    /* (zf_guest 0 means no register: a branch on x0 never takes ZF) */
    bool zf_known = D->rs2 == 0 && D->rs1 != 0 && (cc == CC_E || cc == CC_NE) &&
                    t->zf_guest == D->rs1 && t->zf_at == x64_offset(B);
    if (zf_known) {
        /* the instruction before left ZF by rs1 */
    } else if (D->rs2 == 0 && in_memory(t, D->rs1)) {
        x64_cmp_mi(B, W64, XREG_MEM(D->rs1), 0); /* the flags of a test */
    } else if (D->rs2 == 0) {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        x64_test_rr(B, W64, a, a);
    } else if (in_memory(t, D->rs1) && !in_memory(t, D->rs2)) {
        x64_alu_mr(B, X64_CMP, W64, XREG_MEM(D->rs1), tr_src(t, D->rs2, RCX));
    } else {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        if (t->host[D->rs2] < 0 && tr_forwarded(t, D->rs2) < 0)
            x64_cmp_rm(B, W64, a, XREG_MEM(D->rs2));
        else
            x64_cmp_rr(B, W64, a, tr_src(t, D->rs2, RCX));
    }
    uint64_t taken = t->pc + (uint64_t)(int64_t)D->imm;
    uint64_t next = t->pc + D->len;
    if (t->index + 1 == t->blk->n) {
        tr_chain(t, cc, true, taken);
        tr_chain(t, CC_E, false, next);
    } else if (t->blk->pc + t->ip[1].off == taken && taken != next) {
        /* A superblock that goes on at the target leaves when not taken. */
        tr_side_exit(t, x64_cc_not(cc), next);
    } else if (!tr_branch_within(t, cc, taken)) {
        tr_side_exit(t, cc, taken);
    }
}

/* rd = the return address; RCX, not RAX, for an unmapped rd, because
 * jalr holds its target in RAX. */
static void link_reg(struct tr *t, int rd, uint64_t after)
{
    if (rd == RV_SINK)
        return;
    enum x64_reg d = t->host[rd] >= 0 ? tr_dst(t, rd) : RCX;
    x64_mov_ri(B, d, after);
    tr_commit(t, rd, d);
}

static void link_rd(struct tr *t)
{
    link_reg(t, D->rd, t->pc + D->len);
}

void jit_emit_lookup(struct x64_buf *b, bool call)
{
    struct x64_mem entry;
    _Static_assert(JIT_JTAB_BITS == 16, "the index is one movzx");
    x64_movzx_rr(b, W16, RCX, RAX);
    if (jit_jtab_low) {
        entry = x64_mem_idx(X64_NONE, RCX, 8, (int32_t)jit_jtab_low);
    } else {
        x64_load(b, W64, false, RDX, x64_mem(JIT_STATE, HART_OFF(jit_table)));
        entry = x64_mem_idx(RDX, RCX, 8, 0);
    }
    if (call)
        x64_call_m(b, entry);
    else
        x64_jmp_m(b, entry);
}

/* The return-address stack. A guest call (jal or jalr linking ra or t0,
 * the registers the RISC-V calling convention marks for it) becomes a host
 * call, so the host pushes the address of the landing pad that follows it;
 * a guest return (jalr x0 through ra or t0) becomes a host ret, which the
 * host's own return predictor sends straight to that pad. The pad checks
 * that the guest target is the address after its call and goes on there;
 * anything else (longjmp, a return from a frame that was never called from
 * translated code) goes through ras_mismatch, which drops the stack. An
 * empty stack holds the address of a routine that looks the target up. */
static bool is_link_reg(int r)
{
    return r == 1 || r == 5;
}

/* After a host call: where the matching return lands, with its target in
 * RAX. A call ends its unit, so an address that needs 64 bits goes after
 * the unit's last jump, as data compared RIP-relative (one instruction
 * where movabs and cmp would be two). */
static void ras_landing(struct tr *t, uint64_t after)
{
    size_t disp_end = 0;
    if (after <= INT32_MAX) {
        x64_cmp_ri(B, W64, RAX, (int32_t)after);
    } else {
        x64_cmp_rm(B, W64, RAX, x64_mem_rip(x64_here(B))); /* patched below */
        disp_end = x64_offset(B);
    }
    x64_jcc(B, CC_NE, t->ras_mismatch);
    tr_chain(t, CC_E, false, after);
    if (disp_end) {
        unsigned mis = (unsigned)(x64_here(B) & 7);
        if (mis)
            x64_nop(B, 8 - mis); /* never run: aligns the data */
        uintptr_t data = x64_here(B);
        x64_data64(B, after);
        x64_patch32(B, disp_end - 4, data);
        t->data_tail = 8;
    }
}

void tr_jump_direct(struct tr *t, int rd, uint64_t target, uint64_t after)
{
    link_reg(t, rd, after);
    if (!is_link_reg(rd)) {
        tr_chain(t, CC_E, false, target);
        return;
    }
    tr_align_rel32(t, 1);
    tr_chain_site(t, x64_call_fwd(B), target);
    ras_landing(t, after);
}

static void jal(struct tr *t)
{
    if (t->index + 1 < t->blk->n && D->rd == RV_SINK)
        return; /* a superblock goes on at the target */
    tr_jump_direct(t, D->rd, t->pc + (uint64_t)(int64_t)D->imm, t->pc + D->len);
}

/* The inline cache of an indirect jump (other than a return): the first
 * target it sees, compared as a constant, then a direct jump or call to
 * its translation; other targets go through the jump table. Its layout is
 * fixed (translate.h: JIT_IC_*) so that the run loop can fill it in from
 * the address of the constant alone:
 *     movabs rcx, pc          the 8-byte constant, 8-byte aligned
 *     cmp rax, rcx
 *     jne lookup              rel32 4-byte aligned (after 3 pad prefixes)
 *     jmp/call code           rel32 4-byte aligned (after 3 pad prefixes)
 *     [jmp landing]           (for a call: where its return comes back)
 *     lookup: ...
 * Until it is filled, both branches go to a stub that asks the run loop
 * to fill it (JX_LOOKUP with jit_site set). */
static void inline_cache(struct tr *t, bool call)
{
    unsigned mis = (unsigned)((x64_here(B) + 2) & 7);
    if (mis)
        x64_nop(B, 8 - mis);
    size_t at = x64_movabs(B, RCX, JIT_IC_EMPTY);
    x64_cmp_rr(B, W64, RAX, RCX);
    x64_branch_pad(B, 3);
    size_t miss = x64_jcc_fwd(B, CC_NE);
    x64_branch_pad(B, 3);
    size_t hit = call ? x64_call_fwd(B) : x64_jmp_fwd(B);
    if (miss != at + JIT_IC_MISS || hit != at + JIT_IC_HIT) {
        t->b.overflow = true; /* cannot happen: the encodings are fixed */
        return;
    }
    tr_ic_stub(t, at, miss, hit);
}

static void jalr(struct tr *t)
{
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    if (D->imm)
        x64_lea(B, W64, RAX, x64_mem(a, D->imm));
    else if (a != RAX)
        x64_mov_rr(B, W64, RAX, a);
    if (D->rd == RV_SINK && is_link_reg(D->rs1)) {
        /* To the landing pad of the call, which compares the target with
         * the (even) address after the call: an odd target goes on to the
         * lookup routine, which clears bit 0 as jalr does. */
        x64_ret(B);
        return;
    }
    link_rd(t); /* after the target: rd may be rs1 */
    /* The target stays in RAX, bit 0 not yet cleared: an odd one matches
     * no inline cache and no translation's pc check, so it always leaves
     * through the inline cache's stub or lookup_miss, which clear it as
     * they store it as h->pc. */
    bool call = is_link_reg(D->rd);
    /* A site whose target already varied in the interpreter (a dispatch
     * through a table) would mostly miss its inline cache: the table
     * lookup alone is cheaper. */
    bool cached = !t->blk->targets_vary;
    if (cached)
        inline_cache(t, call);
    else
        jit_stats.ic_skipped++;
    size_t to_landing = 0;
    if (call && cached)
        to_landing = x64_jmp8_fwd(B);
    /* The jump table lookup, inline: each jalr gets its own indirect jump,
     * which the host predicts per site (a shared one would mispredict
     * whenever two sites alternate). */
    jit_emit_lookup(B, call);
    if (call) {
        if (cached)
            x64_bind8(B, to_landing);
        ras_landing(t, t->pc + D->len);
    }
}

/* rd = base + (shifted << s), as one lea; zext32 first for the .uw forms. */
void tr_shadd(struct tr *t, int rd, int shifted, int base, unsigned s,
              bool uw)
{
    enum x64_reg a = tr_src(t, shifted, RAX);
    enum x64_reg c = tr_src(t, base, RCX);
    if (uw) {
        x64_mov_rr(B, W32, RDX, a);
        a = RDX;
    }
    enum x64_reg d = tr_dst(t, rd);
    x64_lea(B, W64, d, x64_mem_idx(c, a, 1u << s, 0));
    tr_commit(t, rd, d);
}

static void shadd(struct tr *t, unsigned s, bool uw)
{
    tr_shadd(t, D->rd, D->rs1, D->rs2, s, uw);
}

static void unary(struct tr *t, void (*op)(struct x64_buf *, enum x64_width,
                                           enum x64_reg, enum x64_reg),
                  enum x64_width w)
{
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    enum x64_reg d = tr_dst(t, D->rd);
    op(B, w, d, a);
    tr_commit(t, D->rd, d);
}

static void minmax(struct tr *t, enum x64_cc keep_rs1)
{
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    enum x64_reg c = tr_src(t, D->rs2, RCX);
    x64_mov_rr(B, W64, RDX, c);
    x64_cmp_rr(B, W64, a, c);
    x64_cmov_rr(B, keep_rs1, W64, RDX, a);
    tr_commit(t, D->rd, RDX);
}

/* czero: rd = (rs2 cond 0) ? 0 : rs1 */
static void czero(struct tr *t, enum x64_cc zero_if)
{
    enum x64_reg c = tr_src(t, D->rs2, RCX);
    enum x64_reg a = tr_src(t, D->rs1, RAX);
    x64_zero(B, RDX);
    x64_test_rr(B, W64, c, c);
    x64_cmov_rr(B, x64_cc_not(zero_if), W64, RDX, a);
    tr_commit(t, D->rd, RDX);
}

static bool pure(enum rv_op op)
{
    switch (op) {
    case RV_LB: case RV_LH: case RV_LW: case RV_LD: case RV_LBU: case RV_LHU:
    case RV_LWU: case RV_JAL: case RV_JALR:
        return false;
    default:
        return rv_regfile(op, 0) == RV_REG_X && rv_opinfo[op].format != RV_FMT_CSR
               && rv_opinfo[op].format != RV_FMT_CSRI
               && rv_opinfo[op].ext[0] != 'A'
               && rv_opinfo[op].ext[0] != 'F' && rv_opinfo[op].ext[0] != 'D';
    }
}

/* li: an immediate operation on x0 is a constant (addi, addiw, ori and
 * xori give the immediate, andi gives 0). */
static bool constant_from_x0(struct tr *t, enum rv_op op)
{
    if (D->rs1 != 0)
        return false;
    switch (op) {
    case RV_ADDI: case RV_ADDIW: case RV_ORI: case RV_XORI:
        tr_set_constant(t, D->rd, (uint64_t)(int64_t)D->imm);
        return true;
    case RV_ANDI:
        tr_set_constant(t, D->rd, 0);
        return true;
    default:
        return false;
    }
}

bool tr_insn(struct tr *t)
{
    enum rv_op op = (enum rv_op)D->op;
    if ((unsigned)op < RV_OP_COUNT && D->rd == RV_SINK && pure(op))
        return true; /* a hint or nop: nothing to do */
    if (constant_from_x0(t, op))
        return true;
    switch ((int)op) {
    case RV_LUI:
        tr_set_constant(t, D->rd, (uint64_t)(int64_t)D->imm);
        return true;
    case RV_AUIPC:
        tr_set_constant(t, D->rd, t->pc + (uint64_t)(int64_t)D->imm);
        return true;
    case RV_ADDI:
        if (D->rs1 == D->rd && t->host[D->rd] >= 0) { /* flags too */
            x64_add_ri(B, W64, (enum x64_reg)t->host[D->rd], D->imm);
            zf_from(t, D->rd);
            if (D->imm < 0 && jit_bounded(D->rd)) { /* addi sp, sp, -N */
                t->lowered_guest = D->rd;
                t->lowered_at = x64_offset(B);
            }
            return true;
        }
        if (D->rs1 != 0 && t->host[D->rs1] >= 0) {
            enum x64_reg d = tr_dst(t, D->rd);
            x64_lea(B, W64, d, x64_mem((enum x64_reg)t->host[D->rs1], D->imm));
            tr_commit(t, D->rd, d);
            return true;
        }
        alu(t, X64_ADD, W64, true);
        return true;
    case RV_ADDIW:
        if (D->rs1 != D->rd && D->rs1 != 0 && D->imm != 0 &&
            t->host[D->rs1] >= 0) {
            /* rd = rs1 + imm in 32 bits, then sign-extended: no move */
            enum x64_reg d = tr_dst(t, D->rd);
            x64_lea(B, W32, d, x64_mem((enum x64_reg)t->host[D->rs1], D->imm));
            if (!tr_low32_only(t))
                x64_movsxd_rr(B, d, d);
            tr_commit(t, D->rd, d);
            return true;
        }
        alu(t, X64_ADD, W32, true);
        return true;
    case RV_XORI: alu(t, X64_XOR, W64, true); return true;
    case RV_ORI: alu(t, X64_OR, W64, true); return true;
    case RV_ANDI:
        if (D->imm == 0xff && D->rd != D->rs1) { /* zext.b: one movzx */
            enum x64_reg d = tr_dst(t, D->rd);
            int f = tr_forwarded(t, D->rs1);
            if (t->host[D->rs1] >= 0 || f >= 0)
                x64_movzx_rr(B, W8, d, f >= 0 ? (enum x64_reg)f
                                              : (enum x64_reg)t->host[D->rs1]);
            else
                x64_load(B, W8, false, d, XREG_MEM(D->rs1));
            tr_commit(t, D->rd, d);
            return true;
        }
        alu(t, X64_AND, W64, true);
        return true;
    case RV_ADD: alu(t, X64_ADD, W64, false); return true;
    case RV_SUB: alu(t, X64_SUB, W64, false); return true;
    case RV_XOR: alu(t, X64_XOR, W64, false); return true;
    case RV_OR: alu(t, X64_OR, W64, false); return true;
    case RV_AND: alu(t, X64_AND, W64, false); return true;
    case RV_ADDW: alu(t, X64_ADD, W32, false); return true;
    case RV_SUBW: alu(t, X64_SUB, W32, false); return true;
    case RV_SLTI: set_if(t, CC_L, true); return true;
    case RV_SLTIU: set_if(t, CC_B, true); return true;
    case RV_SLT: set_if(t, CC_L, false); return true;
    case RV_SLTU: set_if(t, CC_B, false); return true;
    case RV_SLLI: shift_imm(t, X64_SHL, W64); return true;
    case RV_SRLI: shift_imm(t, X64_SHR, W64); return true;
    case RV_SRAI: shift_imm(t, X64_SAR, W64); return true;
    case RV_SLLIW: shift_imm(t, X64_SHL, W32); return true;
    case RV_SRLIW: shift_imm(t, X64_SHR, W32); return true;
    case RV_SRAIW: shift_imm(t, X64_SAR, W32); return true;
    case RV_RORI: shift_imm(t, X64_ROR, W64); return true;
    case RV_RORIW: shift_imm(t, X64_ROR, W32); return true;
    case RV_SLL: shift_reg(t, X64_SHL, W64); return true;
    case RV_SRL: shift_reg(t, X64_SHR, W64); return true;
    case RV_SRA: shift_reg(t, X64_SAR, W64); return true;
    case RV_SLLW: shift_reg(t, X64_SHL, W32); return true;
    case RV_SRLW: shift_reg(t, X64_SHR, W32); return true;
    case RV_SRAW: shift_reg(t, X64_SAR, W32); return true;
    case RV_ROL: shift_reg(t, X64_ROL, W64); return true;
    case RV_ROR: shift_reg(t, X64_ROR, W64); return true;
    case RV_ROLW: shift_reg(t, X64_ROL, W32); return true;
    case RV_RORW: shift_reg(t, X64_ROR, W32); return true;
    case RV_MUL: mul(t, W64); return true;
    case RV_MULW: mul(t, W32); return true;
    case RV_MULH: mul_high(t, true); return true;
    case RV_MULHU: mul_high(t, false); return true;
    case RV_DIV: divide(t, true, false, W64); return true;
    case RV_DIVU: divide(t, false, false, W64); return true;
    case RV_REM: divide(t, true, true, W64); return true;
    case RV_REMU: divide(t, false, true, W64); return true;
    case RV_DIVW: divide(t, true, false, W32); return true;
    case RV_DIVUW: divide(t, false, false, W32); return true;
    case RV_REMW: divide(t, true, true, W32); return true;
    case RV_REMUW: divide(t, false, true, W32); return true;

    case RV_LB: load(t, W8, true); return true;
    case RV_LH: load(t, W16, true); return true;
    case RV_LW: load(t, W32, true); return true;
    case RV_LD: load(t, W64, false); return true;
    case RV_LBU: load(t, W8, false); return true;
    case RV_LHU: load(t, W16, false); return true;
    case RV_LWU: load(t, W32, false); return true;
    case RV_SB: store(t, W8); return true;
    case RV_SH: store(t, W16); return true;
    case RV_SW: store(t, W32); return true;
    case RV_SD: store(t, W64); return true;
    case RV_FLW: fp_load(t, true); return true;
    case RV_FLD: fp_load(t, false); return true;
    case RV_FSW: fp_store(t, true); return true;
    case RV_FSD: fp_store(t, false); return true;

    case RV_BEQ: branch(t, CC_E); return true;
    case RV_BNE: branch(t, CC_NE); return true;
    case RV_BLT: branch(t, CC_L); return true;
    case RV_BGE: branch(t, CC_GE); return true;
    case RV_BLTU: branch(t, CC_B); return true;
    case RV_BGEU: branch(t, CC_AE); return true;
    case RV_JAL: jal(t); return true;
    case RV_JALR: jalr(t); return true;
    case OP_FALLTHROUGH: tr_chain(t, CC_E, false, t->pc); return true;

    case RV_SH1ADD: shadd(t, 1, false); return true;
    case RV_SH2ADD: shadd(t, 2, false); return true;
    case RV_SH3ADD: shadd(t, 3, false); return true;
    case RV_SH1ADD_UW: shadd(t, 1, true); return true;
    case RV_SH2ADD_UW: shadd(t, 2, true); return true;
    case RV_SH3ADD_UW: shadd(t, 3, true); return true;
    case RV_ADD_UW: shadd(t, 0, true); return true;
    case RV_ANDN:
        if (!has(X64_HAS_BMI1))
            return false;
        {
            enum x64_reg a = tr_src(t, D->rs1, RAX);
            enum x64_reg c = tr_src(t, D->rs2, RCX);
            x64_andn(B, W64, RDX, c, a);
            tr_commit(t, D->rd, RDX);
        }
        return true;
    case RV_MAX: minmax(t, CC_G); return true;
    case RV_MAXU: minmax(t, CC_A); return true;
    case RV_MIN: minmax(t, CC_L); return true;
    case RV_MINU: minmax(t, CC_B); return true;
    case RV_SEXT_B: {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        enum x64_reg d = tr_dst(t, D->rd);
        x64_movsx_rr(B, W8, d, a);
        tr_commit(t, D->rd, d);
        return true;
    }
    case RV_SEXT_H: {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        enum x64_reg d = tr_dst(t, D->rd);
        x64_movsx_rr(B, W16, d, a);
        tr_commit(t, D->rd, d);
        return true;
    }
    case RV_ZEXT_H: {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        enum x64_reg d = tr_dst(t, D->rd);
        x64_movzx_rr(B, W16, d, a);
        tr_commit(t, D->rd, d);
        return true;
    }
    case RV_REV8: {
        enum x64_reg a = tr_src(t, D->rs1, RAX);
        enum x64_reg d = tr_dst(t, D->rd);
        if (d != a)
            x64_mov_rr(B, W64, d, a);
        x64_bswap_r(B, W64, d);
        tr_commit(t, D->rd, d);
        return true;
    }
    case RV_CLZ:
        if (!has(X64_HAS_LZCNT))
            return false;
        unary(t, x64_lzcnt_rr, W64);
        return true;
    case RV_CTZ:
        if (!has(X64_HAS_BMI1))
            return false;
        unary(t, x64_tzcnt_rr, W64);
        return true;
    case RV_CPOP:
        if (!has(X64_HAS_POPCNT))
            return false;
        unary(t, x64_popcnt_rr, W64);
        return true;
    case RV_CZERO_EQZ: czero(t, CC_E); return true;
    case RV_CZERO_NEZ: czero(t, CC_NE); return true;
    default:
        return tr_atomic(t) || tr_fp(t);
    }
}
