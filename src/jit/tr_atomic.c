/* Translations of the A extension and of fence, as the interpreter's bodies
 * (rv/interp_a.inc) do them but inline: amoswap is xchg, amoadd is lock
 * xadd, amoand/or/xor whose old value nobody reads are a locked and/or/xor,
 * and LR/SC is the same compare-and-swap emulation, on the same
 * reservation fields, so translated and interpreted halves of one LR/SC
 * pair work together. A misaligned address takes the slow path, where the
 * interpreter's body raises SIGBUS; the others (min/max, and/or/xor with a
 * result) are left to the interpreter's body. */
#include "jit/translate.h"

#define B (&t->b)
#define D (&t->ip->d)

/* The guest address rs1 (A instructions have no offset), bounds-checked,
 * copied to RDX so that RAX and RCX stay free; misaligned goes slow. */
static struct x64_mem atomic_address(struct tr *t, enum x64_width w)
{
    struct x64_mem m = tr_guest_mem(t, D->rs1, 0);
    if ((enum x64_reg)m.base != RDX)
        x64_mov_rr(B, W64, RDX, (enum x64_reg)m.base);
    x64_test_ri(B, W64, RDX, w == W64 ? 7 : 3);
    tr_slow_if(t, CC_NE);
    return x64_mem_gs(RDX, 0);
}

/* rd = the old value in r, sign-extended for the W forms. */
static void old_value_to_rd(struct tr *t, enum x64_width w, enum x64_reg r)
{
    if (w == W32)
        x64_movsxd_rr(B, r, r);
    tr_commit(t, D->rd, r);
}

static bool amo(struct tr *t, enum x64_width w, enum x64_alu op, bool swap)
{
    bool want_old = D->rd != RV_SINK;
    if (!swap && op != X64_ADD && want_old)
        return false; /* fetch-and/or/xor: a compare-and-swap loop */
    enum x64_reg v = tr_src(t, D->rs2, RCX);
    if (v != RCX)
        x64_mov_rr(B, W64, RCX, v);
    struct x64_mem m = atomic_address(t, w);
    tr_note_fault(t);
    if (swap) {
        x64_xchg_mr(B, w, m, RCX);
    } else if (op == X64_ADD) {
        x64_lock_xadd(B, w, m, RCX);
    } else {
        x64_lock(B);
        x64_alu_mr(B, op, w, m, RCX);
    }
    if (want_old)
        old_value_to_rd(t, w, RCX);
    return true;
}

static void load_reserved(struct tr *t, enum x64_width w)
{
    struct x64_mem m = atomic_address(t, w);
    tr_note_fault(t);
    x64_load(B, w, w == W32, RCX, m);
    x64_store(B, W64, x64_mem(JIT_STATE, HART_OFF(resv_addr)), RDX);
    x64_store(B, W64, x64_mem(JIT_STATE, HART_OFF(resv_value)), RCX);
    x64_store_i(B, W8, x64_mem(JIT_STATE, HART_OFF(resv_valid)), 1);
    tr_commit(t, D->rd, RCX);
}

/* rd = 0 when memory still holds what LR saw and the new value went in,
 * else 1; the reservation is gone either way. */
static void store_conditional(struct tr *t, enum x64_width w)
{
    enum x64_reg v = tr_src(t, D->rs2, RCX);
    if (v != RCX)
        x64_mov_rr(B, W64, RCX, v);
    struct x64_mem m = atomic_address(t, w);
    x64_mov_ri(B, RAX, 1); /* the result if there is no reservation */
    x64_cmp_mi(B, W8, x64_mem(JIT_STATE, HART_OFF(resv_valid)), 0);
    size_t none = x64_jcc8_fwd(B, CC_E);
    x64_cmp_rm(B, W64, RDX, x64_mem(JIT_STATE, HART_OFF(resv_addr)));
    size_t other = x64_jcc8_fwd(B, CC_NE);
    x64_load(B, W64, false, RAX, x64_mem(JIT_STATE, HART_OFF(resv_value)));
    tr_note_fault(t);
    x64_lock_cmpxchg(B, w, m, RCX);
    x64_setcc_r(B, CC_NE, RAX);
    x64_movzx_rr(B, W8, RAX, RAX);
    x64_bind8(B, none);
    x64_bind8(B, other);
    x64_store_i(B, W8, x64_mem(JIT_STATE, HART_OFF(resv_valid)), 0);
    tr_commit(t, D->rd, RAX);
}

bool tr_atomic(struct tr *t)
{
    switch (D->op) {
    case RV_FENCE:
        /* x86 orders all but a store before a later load (interp_i.inc) */
        if ((D->imm & 0x10) && (D->imm & 0x2))
            x64_mfence(B);
        return true;
    case RV_AMOSWAP_W: return amo(t, W32, X64_ADD, true);
    case RV_AMOSWAP_D: return amo(t, W64, X64_ADD, true);
    case RV_AMOADD_W: return amo(t, W32, X64_ADD, false);
    case RV_AMOADD_D: return amo(t, W64, X64_ADD, false);
    case RV_AMOAND_W: return amo(t, W32, X64_AND, false);
    case RV_AMOAND_D: return amo(t, W64, X64_AND, false);
    case RV_AMOOR_W: return amo(t, W32, X64_OR, false);
    case RV_AMOOR_D: return amo(t, W64, X64_OR, false);
    case RV_AMOXOR_W: return amo(t, W32, X64_XOR, false);
    case RV_AMOXOR_D: return amo(t, W64, X64_XOR, false);
    case RV_LR_W: load_reserved(t, W32); return true;
    case RV_LR_D: load_reserved(t, W64); return true;
    case RV_SC_W: store_conditional(t, W32); return true;
    case RV_SC_D: store_conditional(t, W64); return true;
    default:
        return false;
    }
}
