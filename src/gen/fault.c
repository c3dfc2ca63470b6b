/* Programs that end in a fault. With the fault option the prologue installs
 * one handler (SA_SIGINFO, on an alternate stack outside the dumped memory)
 * for SIGILL, SIGTRAP, SIGBUS and SIGSEGV, and the body ends in one of the
 * faults below. The handler dumps the state the signal frame holds (pc,
 * x1..x31, f0..f31, fcsr of the interrupted code) plus the signal number,
 * si_code and si_addr, then exits 0: so exceptions must be precise and the
 * riscv64 signal frame laid out as Linux lays it out.
 *
 * Frame layout (Linux arch/riscv uapi ucontext.h, sigcontext.h):
 * siginfo: si_signo 0, si_code 8, si_addr 16. ucontext: flags, link,
 * stack_t (24 bytes), sigmask padded to 128 bytes, then at 176 (aligned to
 * 16) the mcontext: pc, x1..x31, then f0..f31 and fcsr (32 bits) at 432. */
#include <signal.h>
#include "gen/gen.h"

enum {
    NR_SIGALTSTACK = 132, NR_RT_SIGACTION = 134, NR_WRITE = 64, NR_EXIT = 93,
    SA_SIGINFO_ = 4, SA_ONSTACK_ = 0x08000000,
    UC_REGS = 176, UC_FREGS = 432, UC_FCSR = 688,
    ALTSTACK_SIZE = 16384,
};
/* The signals handled; their numbers are the same on riscv64 and x86-64. */
static const int handled[] = {SIGILL, SIGTRAP, SIGBUS, SIGSEGV};

uint64_t gen_altstack_base(void)
{
    return (GEN_DATA_BASE + GEN_DUMP_SIZE + 15) & ~15u;
}

size_t gen_data_size(void)
{
    return gen_altstack_base() + ALTSTACK_SIZE - GEN_DATA_BASE;
}

void gen_fault_setup(struct gen *g)
{
    /* struct sigaction {handler, flags, mask} and stack_t {sp, flags, size}
     * as constants; the handler's address is filled in by gen_fault_end. */
    g->handler_pool = gen_pool_add(g, 0);
    gen_pool_add(g, SA_SIGINFO_ | SA_ONSTACK_);
    gen_pool_add(g, 0);
    size_t stack = gen_pool_add(g, gen_altstack_base());
    gen_pool_add(g, 0);
    gen_pool_add(g, ALTSTACK_SIZE);
    gen_addr_pool(g, 10, stack);
    gen_li(g, 11, 0);
    gen_li(g, 17, NR_SIGALTSTACK);
    gen_emit(g, gen_enc(RV_ECALL, 0, 0, 0, 0));
    for (unsigned i = 0; i < sizeof handled / sizeof *handled; i++) {
        gen_li(g, 10, (uint64_t)handled[i]);
        gen_addr_pool(g, 11, g->handler_pool);
        gen_li(g, 12, 0);
        gen_li(g, 13, 8);
        gen_li(g, 17, NR_RT_SIGACTION);
        gen_emit(g, gen_enc(RV_ECALL, 0, 0, 0, 0));
    }
}

/* Registers of the conditional form: x30 (free between loops) is 1 on the
 * last run of a repeated body, else 0; MASK is then -x30. */
enum { LAST = 30 };

/* addr = last run ? fault : safe (fault and safe are registers). */
static void select_addr(struct gen *g, unsigned addr, unsigned fault,
                        unsigned safe, unsigned mask)
{
    gen_emit(g, gen_enc(RV_SUB, fault, fault, safe, 0));
    gen_emit(g, gen_enc(RV_AND, fault, fault, mask, 0));
    gen_emit(g, gen_enc(RV_ADD, addr, safe, fault, 0));
}

/* The fault that ends the body; sets the signal it must raise. When cond,
 * the body is repeated and this is its end: the fault must happen only on
 * the last run, in code that ran before, so that a translator has
 * translated it; most faults are then made by the data (an address, a
 * rounding mode) rather than by a branch around them. */
void gen_fault(struct gen *g, bool cond, int32_t counter)
{
    static const uint16_t fp_ops[] = {RV_FADD_D, RV_FMUL_S, RV_FSQRT_D,
                                      RV_FCVT_W_D, RV_FCVT_D_L, RV_FMADD_S};
    /* Not sc: QEMU lets a misaligned sc without a reservation just fail
     * (docs/qemu-divergences.md, qemu-sc-misaligned). */
    static const uint16_t amo_ops[] = {RV_AMOADD_W, RV_AMOSWAP_D, RV_LR_W,
                                       RV_LR_D, RV_AMOMAXU_W, RV_AMOOR_D};
    unsigned tmp = gen_xtmp(g), mask, rm = RV_DYN;
    do
        mask = gen_xtmp(g);
    while (mask == tmp);
    if (cond) {
        gen_emit(g, gen_enc(RV_LD, LAST, GEN_SP, 0, counter));
        gen_emit(g, gen_enc(RV_ADDI, LAST, LAST, 0, -1));
        gen_emit(g, gen_enc(RV_SLTIU, LAST, LAST, 0, 1));
        gen_emit(g, gen_enc(RV_SUB, mask, 0, LAST, 0));
    }
    unsigned kind = gen_below(g, 8);
    size_t skip = 0;
    if (cond && (kind == 1 || kind == 5 || kind == 6))
        skip = gen_emit(g, gen_enc(RV_BEQ, 0, LAST, 0, 0));
    enum rv_op op;
    switch (kind) {
    case 0: /* an invalid rounding mode in frm, then dynamic rounding */
        if (cond) { /* frm = 5 * last */
            gen_emit(g, gen_enc(RV_SLLI, tmp, LAST, 0, 2));
            gen_emit(g, gen_enc(RV_ADD, tmp, tmp, LAST, 0));
            gen_emit(g, gen_enc(RV_CSRRW, 0, tmp, 0, 2));
        } else {
            gen_emit(g, gen_enc(RV_CSRRWI, 0, 5 + gen_below(g, 3), 0, 2));
        }
        /* fall through */
    case 1: /* (or a reserved static rounding mode) */
        if (kind == 1)
            rm = 5 + gen_below(g, 2);
        op = fp_ops[gen_below(g, sizeof fp_ops / sizeof *fp_ops)];
        gen_emit(g, gen_enc_fp(op, rv_regfile(op, 0) == RV_REG_X ?
                               gen_xtmp(g) : gen_fr(g),
                               rv_regfile(op, 1) == RV_REG_X ?
                               gen_xs(g) : gen_fr(g),
                               gen_fr(g), gen_fr(g), rm));
        g->p->expect_signal = SIGILL;
        break;
    case 2: { /* a misaligned atomic */
        op = amo_ops[gen_below(g, sizeof amo_ops / sizeof *amo_ops)];
        gen_emit(g, gen_enc(RV_ADDI, tmp, GEN_BASE, 0,
                            8 * (int32_t)gen_below(g, 200) +
                            (cond ? 0 : 1 + (int32_t)gen_below(g, 3))));
        if (cond)
            gen_emit(g, gen_enc(RV_ADD, tmp, tmp, LAST, 0));
        struct rv_insn in = {.op = (uint16_t)op, .rd = (uint8_t)gen_xd(g),
                             .rs1 = (uint8_t)tmp, .rs2 = (uint8_t)gen_xs(g)};
        gen_emit(g, gen_encode(&in));
        g->p->expect_signal = SIGBUS;
        break;
    }
    case 3: /* a load from the unmapped first page */
        if (cond) { /* base = last ? 0 : x31 */
            gen_emit(g, gen_enc(RV_ADDI, tmp, LAST, 0, -1));
            gen_emit(g, gen_enc(RV_AND, tmp, tmp, GEN_BASE, 0));
        }
        gen_emit(g, gen_enc(gen_chance(g, 50) ? RV_LD : RV_LBU, gen_xd(g),
                            cond ? tmp : 0, 0, (int32_t)gen_below(g, 2040)));
        g->p->expect_signal = SIGSEGV;
        break;
    case 4: /* a store to the (read-only) code */
        gen_emit(g, gen_enc(RV_AUIPC, tmp, 0, 0, 0));
        if (cond)
            select_addr(g, tmp, tmp, GEN_BASE, mask);
        gen_emit(g, gen_enc(RV_SD, 0, tmp, gen_xs(g), -8));
        g->p->expect_signal = SIGSEGV;
        break;
    case 5:
        if (gen_chance(g, 50))
            gen_emit(g, gen_enc(RV_EBREAK, 0, 0, 0, 0));
        else
            gen_emit_c(g, gen_cencode(GEN_C_EBREAK, 0, 0, 0, 0));
        g->p->expect_signal = SIGTRAP;
        break;
    case 6: /* words that are no instruction */
        if (gen_chance(g, 50))
            gen_emit_c(g, 0x0000);
        else
            gen_emit(g, 0xffffffff);
        g->p->expect_signal = SIGILL;
        break;
    default: { /* a jump into data, which is not executable */
        gen_li(g, tmp, GEN_DATA_BASE + 8 * gen_below(g, 64));
        unsigned rd = gen_xd(g), safe = LAST;
        if (cond) { /* safe target: just after the jalr */
            do
                safe = gen_xtmp(g);
            while (safe == tmp || safe == mask);
            gen_emit(g, gen_enc(RV_AUIPC, safe, 0, 0, 0));
            gen_emit(g, gen_enc(RV_ADDI, safe, safe, 0, 6 * 4));
            select_addr(g, tmp, tmp, safe, mask);
        }
        gen_emit(g, gen_enc(RV_JALR, rd, tmp, 0, 0));
        g->p->expect_signal = SIGSEGV;
        break;
    }
    }
    if (skip)
        gen_patch(g, skip, gen_enc(RV_BEQ, 0, LAST, 0,
                                   (int32_t)(g->off - g->p->slot[skip].off)));
}

/* The handler, placed after the epilogue: copies the frame's state into the
 * dump area and writes the dump. a0 = signal, a1 = siginfo, a2 = ucontext. */
void gen_fault_handler(struct gen *g)
{
    g->p->pool[g->handler_pool] = GEN_TEXT + g->off;
    enum { DUMP = 5, SIG = 6, T = 7 };
    gen_li(g, DUMP, GEN_DATA_BASE);
    gen_li(g, SIG, GEN_DATA_BASE + offsetof(struct gen_dump, sig));
    gen_emit(g, gen_enc(RV_SD, 0, SIG, 10, 0));
    gen_emit(g, gen_enc(RV_LW, T, 11, 0, 8));
    gen_emit(g, gen_enc(RV_SD, 0, SIG, T, 8));
    gen_emit(g, gen_enc(RV_LD, T, 11, 0, 16));
    gen_emit(g, gen_enc(RV_SD, 0, SIG, T, 16));
    gen_emit(g, gen_enc(RV_LD, T, 12, 0, UC_REGS));
    gen_emit(g, gen_enc(RV_SD, 0, SIG, T, 24));
    for (int r = 1; r < 32; r++) {
        gen_emit(g, gen_enc(RV_LD, T, 12, 0, UC_REGS + 8 * r));
        gen_emit(g, gen_enc(RV_SD, 0, DUMP, T, 8 * r));
    }
    for (int r = 0; r < 32; r++) {
        gen_emit(g, gen_enc(RV_LD, T, 12, 0, UC_FREGS + 8 * r));
        gen_emit(g, gen_enc(RV_SD, 0, DUMP, T, 256 + 8 * r));
    }
    gen_emit(g, gen_enc(RV_LWU, T, 12, 0, UC_FCSR));
    gen_emit(g, gen_enc(RV_SD, 0, DUMP, T, 512));
    gen_li(g, 10, 1);
    gen_emit(g, gen_enc(RV_ADDI, 11, DUMP, 0, 0));
    gen_li(g, 12, GEN_DUMP_SIZE);
    gen_li(g, 17, NR_WRITE);
    gen_emit(g, gen_enc(RV_ECALL, 0, 0, 0, 0));
    gen_li(g, 10, 0);
    gen_li(g, 17, NR_EXIT);
    gen_emit(g, gen_enc(RV_ECALL, 0, 0, 0, 0));
}
