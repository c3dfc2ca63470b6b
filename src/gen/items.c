/* The random items of a program body, one generator per class. An item is
 * one instruction or a short sequence that must stay together (an address
 * set-up and its access, an LR/SC pair, a jump and its target computation);
 * forward branches, jumps and loops contain further items. Operations are
 * drawn from the rv_opinfo table, so a new line in isa.def is generated as
 * soon as its format is known here.
 *
 * Every access stays inside the scratch buffer (addresses are always formed
 * from x31 or sp within the item) or, for code written at run time, inside
 * the executable area. Loops count down x30, which nothing else
 * writes, and end on "x30 > 0", so every program terminates whatever the
 * shrinker removes. */
#include <string.h>
#include "gen/gen.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define MAX_DEPTH 2
enum { CSR_FFLAGS = 1, CSR_FRM = 2, CSR_FCSR = 3 };

static uint16_t alu_ops[160], fp_ops[160], amo_ops[32];
static unsigned n_alu, n_fp, n_amo;

static bool ext_is(enum rv_op op, const char *const *exts)
{
    for (; *exts; exts++)
        if (!strcmp(rv_opinfo[op].ext, *exts))
            return true;
    return false;
}

/* Sorts the operations of the table into the classes that pick from them. */
static void init_tables(void)
{
    static const char *const int_exts[] = {"I", "M", "Zba", "Zbb", "Zbs", 0};
    static const char *const fp_exts[] = {"F", "D", 0};
    if (n_alu)
        return;
    for (int op = 1; op < RV_OP_COUNT; op++) {
        uint8_t f = rv_opinfo[op].format;
        if (ext_is(op, int_exts) && op != RV_JALR &&
            (f == RV_FMT_R || f == RV_FMT_R1 || f == RV_FMT_I ||
             f == RV_FMT_SH6 || f == RV_FMT_SH5 || f == RV_FMT_U)) {
            if (n_alu < COUNT(alu_ops))
                alu_ops[n_alu++] = (uint16_t)op;
        } else if (ext_is(op, fp_exts) &&
                   (f == RV_FMT_RM || f == RV_FMT_RM1 || f == RV_FMT_R4 ||
                    f == RV_FMT_R || f == RV_FMT_R1)) {
            if (n_fp < COUNT(fp_ops))
                fp_ops[n_fp++] = (uint16_t)op;
        } else if (f == RV_FMT_AMO && op != RV_SC_W && op != RV_SC_D) {
            if (n_amo < COUNT(amo_ops))
                amo_ops[n_amo++] = (uint16_t)op;
        }
    }
}

/* ctzw. QEMU 7.2 counts into the upper word when the lower one is zero
 * (docs/qemu-divergences.md, qemu-ctzw); both versions set bit 32 of a
 * copy, then hart's runs ctzw on the original and the reference's runs ctz
 * on the copy, which gives what ctzw must. */
static void alu_ctzw(struct gen *g, unsigned rd)
{
    unsigned rs1 = gen_xs(g), t = gen_xtmp(g);
    gen_emit(g, gen_enc(RV_BSETI, t, rs1, 0, 32));
    gen_emit_ref(g, gen_enc(RV_CTZW, rd, rs1, 0, 0),
                 gen_enc(RV_CTZ, rd, t, 0, 0));
}

static void alu_op(struct gen *g, enum rv_op op)
{
    static const int32_t upper_edges[] = {0, INT32_MIN, 0x7ffff000, -4096};
    unsigned rd = gen_xd(g);
    int32_t imm;
    if (op == RV_CTZW) {
        alu_ctzw(g, rd);
        return;
    }
    switch (rv_opinfo[op].format) {
    case RV_FMT_R:
        gen_emit(g, gen_enc(op, rd, gen_xs(g), gen_xs(g), 0));
        break;
    case RV_FMT_R1:
        gen_emit(g, gen_enc(op, rd, gen_xs(g), 0, 0));
        break;
    case RV_FMT_I:
        gen_emit(g, gen_enc(op, rd, gen_xs(g), 0, gen_edge_imm12(g)));
        break;
    case RV_FMT_SH6:
        gen_emit(g, gen_enc(op, rd, gen_xs(g), 0, (int32_t)gen_edge_shamt(g, 64)));
        break;
    case RV_FMT_SH5:
        gen_emit(g, gen_enc(op, rd, gen_xs(g), 0, (int32_t)gen_edge_shamt(g, 32)));
        break;
    default: /* lui, auipc */
        imm = gen_chance(g, 30) ? upper_edges[gen_below(g, COUNT(upper_edges))]
                                : (int32_t)(gen_rand(g) & 0xfffff000u);
        gen_emit(g, gen_enc(op, rd, 0, 0, imm));
        break;
    }
}

/* A rotate as RV64GC spells it, a left and a right shift of one register
 * and an or, add or xor of the two (which the translator may turn into
 * one rotate, jit/rotate.c), or now and then a near miss: amounts that do
 * not add up. Later items decide whether the shifts' results are read. */
static void alu_rotate(struct gen *g)
{
    static const enum rv_op joins[] = {RV_OR, RV_ADD, RV_XOR};
    bool word = gen_chance(g, 50);
    unsigned width = word ? 32 : 64;
    unsigned left = 1 + gen_below(g, width - 1);
    unsigned right = gen_chance(g, 15) ? gen_below(g, width) : width - left;
    unsigned x = gen_xs(g), a = gen_xd(g), b = gen_xd(g);
    enum rv_op sll = word ? RV_SLLIW : RV_SLLI, srl = word ? RV_SRLIW : RV_SRLI;
    bool left_first = gen_chance(g, 50);
    gen_emit(g, gen_enc(left_first ? sll : srl, a, x, 0,
                        (int32_t)(left_first ? left : right)));
    gen_emit(g, gen_enc(left_first ? srl : sll, b, x, 0,
                        (int32_t)(left_first ? right : left)));
    gen_emit(g, gen_enc(joins[gen_below(g, COUNT(joins))], gen_xd(g), a, b, 0));
}

static void item_alu(struct gen *g)
{
    init_tables();
    if (gen_chance(g, 6))
        alu_rotate(g);
    else
        alu_op(g, alu_ops[gen_below(g, n_alu)]);
}

static int32_t imm6(struct gen *g)
{
    return (int32_t)gen_below(g, 64) - 32;
}

/* Destination for the compressed forms that take any register: rarely x0,
 * which makes the instruction a HINT (executes as a no-op). */
static unsigned cdest(struct gen *g)
{
    return gen_chance(g, 4) && g->avoid != 0 ? 0 : gen_xtmp(g);
}

static void item_calu(struct gen *g)
{
    static const uint16_t ca[] = {GEN_C_SUB, GEN_C_XOR, GEN_C_OR, GEN_C_AND,
                                  GEN_C_SUBW, GEN_C_ADDW};
    int32_t v;
    switch (gen_below(g, 12)) {
    case 0:
        gen_emit_c(g, gen_cencode(GEN_C_ADDI, cdest(g), 0, 0, imm6(g)));
        break;
    case 1:
        gen_emit_c(g, gen_cencode(GEN_C_ADDIW, gen_xtmp(g), 0, 0, imm6(g)));
        break;
    case 2:
        gen_emit_c(g, gen_cencode(GEN_C_LI, cdest(g), 0, 0, imm6(g)));
        break;
    case 3:
        v = imm6(g);
        v = v ? v : 1;
        gen_emit_c(g, gen_cencode(GEN_C_LUI, gen_xtmp(g), 0, 0, v * 4096));
        break;
    case 4:
    case 5:
        gen_emit_c(g, gen_cencode(gen_chance(g, 50) ? GEN_C_SRLI : GEN_C_SRAI,
                                  gen_xc(g), 0, 0,
                                  (int32_t)gen_edge_shamt(g, 64)));
        break;
    case 6:
        gen_emit_c(g, gen_cencode(GEN_C_ANDI, gen_xc(g), 0, 0, imm6(g)));
        break;
    case 7:
        gen_emit_c(g, gen_cencode(ca[gen_below(g, COUNT(ca))], gen_xc(g), 0,
                                  8 + gen_below(g, 8), 0));
        break;
    case 8:
        gen_emit_c(g, gen_cencode(GEN_C_SLLI, cdest(g), 0, 0,
                                  (int32_t)gen_edge_shamt(g, 64)));
        break;
    case 9:
    case 10:
        gen_emit_c(g, gen_cencode(gen_chance(g, 50) ? GEN_C_MV : GEN_C_ADD,
                                  cdest(g), 0, 1 + gen_below(g, 31), 0));
        break;
    default:
        gen_emit_c(g, gen_cencode(GEN_C_ADDI4SPN, gen_xc(g), 0, 0,
                                  (int32_t)(4 + 4 * gen_below(g, 255))));
        break;
    }
}

/* Sometimes the division corner cases outright: the most negative value
 * divided by -1 (overflow) and anything divided by zero. */
static void item_li(struct gen *g)
{
    static const uint16_t div_ops[] = {RV_DIV, RV_DIVU, RV_REM, RV_REMU,
                                       RV_DIVW, RV_DIVUW, RV_REMW, RV_REMUW};
    static const uint64_t dividends[] = {0x8000000000000000ull,
                                         0xffffffff80000000ull,
                                         0x80000000ull, 1, 0};
    if (gen_chance(g, 85)) {
        gen_li(g, gen_xd(g), gen_edge_int(g));
        return;
    }
    unsigned a = gen_xtmp(g), b = gen_xtmp(g);
    gen_li(g, a, gen_chance(g, 70) ? dividends[gen_below(g, 5)]
                                   : gen_edge_int(g));
    gen_li(g, b, gen_chance(g, 50) ? -1ull : 0);
    gen_emit(g, gen_enc(div_ops[gen_below(g, 8)], gen_xd(g), a, b, 0));
}

/* An offset into the scratch buffer for an access of size bytes: aligned
 * most of the time, anywhere otherwise. */
static int32_t scratch_addr(struct gen *g, unsigned size)
{
    if (gen_chance(g, 70))
        return (int32_t)(gen_below(g, GEN_SCRATCH_SIZE / size) * size);
    return (int32_t)gen_below(g, GEN_SCRATCH_SIZE - size + 1);
}

/* tmp = x31 + some offset, so that tmp + disp reaches scratch offset a;
 * returns disp (which fits in 12 bits). */
static int32_t addr_setup(struct gen *g, unsigned tmp, int32_t a)
{
    int32_t d = a - GEN_BASE_OFF;
    int32_t lo = d - 2047 > -2048 ? d - 2047 : -2048;
    int32_t hi = d + 2048 < 2047 ? d + 2048 : 2047;
    int32_t off = lo + (int32_t)gen_below(g, (unsigned)(hi - lo + 1));
    gen_emit(g, gen_enc(RV_ADDI, tmp, GEN_BASE, 0, off));
    return d - off;
}

static unsigned access_size(enum rv_op op)
{
    switch (op) {
    case RV_LB: case RV_LBU: case RV_SB: return 1;
    case RV_LH: case RV_LHU: case RV_SH: return 2;
    case RV_LW: case RV_LWU: case RV_SW: case RV_FLW: case RV_FSW: return 4;
    default: return 8;
    }
}

/* A value read byte by byte, as gcc does for a possibly misaligned one,
 * little- or big-endian (which the translator may read with one load,
 * jit/byteload.c): each byte loaded into a temporary, shifted to its place
 * and or-ed (added) into an accumulator, in a random order; now and then a
 * near miss, a byte shifted one place too far. */
static void mem_bytes(struct gen *g)
{
    static const unsigned sizes[] = {2, 4, 8};
    unsigned n = sizes[gen_below(g, COUNT(sizes))];
    int32_t disp = scratch_addr(g, n) - GEN_BASE_OFF;
    unsigned order[8], acc = gen_xtmp(g);
    bool big = gen_chance(g, 30);
    for (unsigned j = 0; j < n; j++)
        order[j] = j;
    for (unsigned j = n - 1; j > 0; j--) {
        unsigned k = gen_below(g, j + 1), swap = order[j];
        order[j] = order[k];
        order[k] = swap;
    }
    for (unsigned j = 0; j < n; j++) {
        unsigned t = j == 0 ? acc : gen_xtmp(g);
        if (j > 0 && t == acc)
            continue; /* that byte left out: a near miss too */
        gen_emit(g, gen_enc(RV_LBU, t, GEN_BASE, 0, disp + (int32_t)order[j]));
        unsigned place = (big ? n - 1 - order[j] : order[j]);
        place += gen_chance(g, 3) && place < 7;
        if (place)
            gen_emit(g, gen_enc(RV_SLLI, t, t, 0, (int32_t)(8 * place)));
        if (j > 0)
            gen_emit(g, gen_enc(gen_chance(g, 80) ? RV_OR : RV_ADD, acc, acc, t, 0));
    }
}

static void item_mem(struct gen *g)
{
    if (gen_chance(g, 10)) {
        mem_bytes(g);
        return;
    }
    static const uint16_t ops[] = {
        RV_LB, RV_LH, RV_LW, RV_LD, RV_LBU, RV_LHU, RV_LWU, RV_SB, RV_SH,
        RV_SW, RV_SD, RV_FLW, RV_FSW, RV_FLD, RV_FSD};
    enum rv_op op = ops[gen_below(g, COUNT(ops))];
    unsigned size = access_size(op), base = GEN_BASE;
    int32_t a = scratch_addr(g, size), disp = a - GEN_BASE_OFF;
    unsigned k = gen_below(g, 100);
    if (k < 15 && a - GEN_SP_OFF < 2048) {
        base = GEN_SP;
        disp = a - GEN_SP_OFF;
    } else if (k >= 40) {
        base = gen_xtmp(g);
        disp = addr_setup(g, base, a);
    }
    bool fp = rv_regfile(op, 0) == RV_REG_F || rv_regfile(op, 2) == RV_REG_F;
    if (rv_opinfo[op].format == RV_FMT_S)
        gen_emit(g, gen_enc(op, 0, base, fp ? gen_fr(g) : gen_xs(g), disp));
    else
        gen_emit(g, gen_enc(op, fp ? gen_fr(g) : gen_xd(g), base, 0, disp));
}

static void item_cmem(struct gen *g)
{
    static const uint16_t ops[] = {
        GEN_C_LW, GEN_C_LD, GEN_C_FLD, GEN_C_SW, GEN_C_SD, GEN_C_FSD,
        GEN_C_LWSP, GEN_C_LDSP, GEN_C_FLDSP, GEN_C_SWSP, GEN_C_SDSP,
        GEN_C_FSDSP};
    enum gen_cop op = ops[gen_below(g, COUNT(ops))];
    unsigned size = op == GEN_C_LW || op == GEN_C_SW || op == GEN_C_LWSP ||
                    op == GEN_C_SWSP ? 4 : 8;
    unsigned f8 = 8 + gen_below(g, 8);
    if (op <= GEN_C_SD) { /* the register-based forms */
        int32_t a = scratch_addr(g, size);
        unsigned most = (unsigned)a / size + 1;
        int32_t uimm = (int32_t)(size * gen_below(g, most < 32 ? most : 32));
        unsigned base = gen_xc(g);
        gen_emit(g, gen_enc(RV_ADDI, base, GEN_BASE, 0, a - GEN_BASE_OFF - uimm));
        switch (op) {
        case GEN_C_LW: case GEN_C_LD:
            gen_emit_c(g, gen_cencode(op, gen_xc(g), base, 0, uimm));
            break;
        case GEN_C_FLD:
            gen_emit_c(g, gen_cencode(op, f8, base, 0, uimm));
            break;
        case GEN_C_FSD:
            gen_emit_c(g, gen_cencode(op, 0, base, f8, uimm));
            break;
        default:
            gen_emit_c(g, gen_cencode(op, 0, base, 8 + gen_below(g, 8), uimm));
            break;
        }
        return;
    }
    /* sp-based: sometimes move sp first (and back), as stack frames do. */
    int32_t adjust = 16 * ((int32_t)gen_below(g, 63) - 31);
    if (adjust && gen_chance(g, 40))
        gen_emit_c(g, gen_cencode(GEN_C_ADDI16SP, GEN_SP, 0, 0, adjust));
    else
        adjust = 0;
    int32_t uimm = (int32_t)(size * gen_below(g, 64));
    switch (op) {
    case GEN_C_LWSP: case GEN_C_LDSP:
        gen_emit_c(g, gen_cencode(op, gen_xtmp(g), GEN_SP, 0, uimm));
        break;
    case GEN_C_FLDSP:
        gen_emit_c(g, gen_cencode(op, gen_fr(g), GEN_SP, 0, uimm));
        break;
    case GEN_C_FSDSP:
        gen_emit_c(g, gen_cencode(op, 0, GEN_SP, gen_fr(g), uimm));
        break;
    default:
        gen_emit_c(g, gen_cencode(op, 0, GEN_SP, gen_xs(g), uimm));
        break;
    }
    if (adjust)
        gen_emit_c(g, gen_cencode(GEN_C_ADDI16SP, GEN_SP, 0, 0, -adjust));
}

static unsigned amo_size(enum rv_op op)
{
    return ((rv_opinfo[op].match >> 12) & 7) == 2 ? 4 : 8;
}

static void item_amo(struct gen *g)
{
    init_tables();
    enum rv_op op = amo_ops[gen_below(g, n_amo)];
    unsigned size = amo_size(op), base = gen_xtmp(g);
    int32_t a = (int32_t)(gen_below(g, GEN_SCRATCH_SIZE / size) * size);
    gen_emit(g, gen_enc(RV_ADDI, base, GEN_BASE, 0, a - GEN_BASE_OFF));
    struct rv_insn in = {.op = (uint16_t)op, .rd = (uint8_t)gen_xd(g),
                         .rs1 = (uint8_t)base, .rs2 = (uint8_t)gen_xs(g),
                         .rm = (uint8_t)gen_below(g, 4)};
    gen_emit(g, gen_encode(&in));
}

/* LR, a few register operations, SC on the same address: the SC succeeds.
 * Sometimes the SC comes alone and must fail (no reservation is held:
 * every earlier SC cleared it). No store comes between the two, since
 * whether the hart's own store breaks a reservation is left open by the
 * specification. */
static void item_lrsc(struct gen *g)
{
    init_tables();
    bool d = gen_chance(g, 50);
    unsigned size = d ? 8 : 4, base = gen_xtmp(g);
    int32_t a = (int32_t)(gen_below(g, GEN_SCRATCH_SIZE / size) * size);
    gen_emit(g, gen_enc(RV_ADDI, base, GEN_BASE, 0, a - GEN_BASE_OFF));
    g->avoid = (int)base;
    if (!gen_chance(g, 10)) {
        struct rv_insn lr = {.op = d ? RV_LR_D : RV_LR_W,
                             .rd = (uint8_t)gen_xd(g), .rs1 = (uint8_t)base,
                             .rm = (uint8_t)gen_below(g, 4)};
        gen_emit(g, gen_encode(&lr));
        for (unsigned n = gen_below(g, 3); n; n--)
            alu_op(g, alu_ops[gen_below(g, n_alu)]);
    }
    struct rv_insn sc = {.op = d ? RV_SC_D : RV_SC_W, .rd = (uint8_t)gen_xd(g),
                         .rs1 = (uint8_t)base, .rs2 = (uint8_t)gen_xs(g),
                         .rm = (uint8_t)gen_below(g, 4)};
    gen_emit(g, gen_encode(&sc));
    g->avoid = -1;
}

/* A static rounding mode, or dynamic (7) about a third of the time. */
static unsigned pick_rm(struct gen *g)
{
    return gen_chance(g, 35) ? RV_DYN : gen_below(g, 5);
}

static void item_fp(struct gen *g)
{
    init_tables();
    enum rv_op op = fp_ops[gen_below(g, n_fp)];
    const char *regs = rv_opinfo[op].regs;
    unsigned rd = regs[0] == 'x' ? gen_xd(g) : gen_fr(g);
    unsigned rs1 = regs[1] == 'x' ? gen_xs(g) : gen_fr(g);
    unsigned rs2 = regs[2] == 'f' ? gen_fr(g) : 0;
    unsigned rs3 = regs[3] == 'f' ? gen_fr(g) : 0;
    uint8_t f = rv_opinfo[op].format;
    unsigned rm = f == RV_FMT_RM || f == RV_FMT_RM1 || f == RV_FMT_R4 ?
                  pick_rm(g) : 0;
    gen_emit(g, gen_enc_fp(op, rd, rs1, rs2, rs3, rm));
}

static void item_fconst(struct gen *g)
{
    unsigned tmp = gen_xtmp(g);
    switch (gen_below(g, 4)) {
    case 0:
        gen_load_const(g, RV_FLD, gen_fr(g), tmp, gen_edge_fp(g));
        break;
    case 1:
        gen_load_const(g, RV_FLW, gen_fr(g), tmp, gen_edge_single(g));
        break;
    case 2:
        gen_li(g, tmp, gen_edge_fp(g));
        gen_emit(g, gen_enc(RV_FMV_D_X, gen_fr(g), tmp, 0, 0));
        break;
    default:
        gen_li(g, tmp, (uint64_t)(int64_t)(int32_t)gen_edge_single(g));
        gen_emit(g, gen_enc(RV_FMV_W_X, gen_fr(g), tmp, 0, 0));
        break;
    }
}

/* Reads and writes of the FP CSRs. frm never receives 5-7 here: csrrsi
 * could set them, and a register write only gets a checked value. */
static void item_fcsr(struct gen *g)
{
    static const uint16_t rw[] = {RV_CSRRW, RV_CSRRS, RV_CSRRC};
    static const uint16_t rwi[] = {RV_CSRRWI, RV_CSRRSI, RV_CSRRCI};
    unsigned rd = gen_xd(g), tmp;
    bool set;
    int32_t csr = (int32_t)(1 + gen_below(g, 3));
    switch (gen_below(g, 10)) {
    case 0: /* fsrmi */
        gen_emit(g, gen_enc(RV_CSRRWI, rd, gen_below(g, 5), 0, CSR_FRM));
        break;
    case 1: /* fsflagsi and friends */
        gen_emit(g, gen_enc(rwi[gen_below(g, 3)], rd, gen_below(g, 32), 0,
                            CSR_FFLAGS));
        break;
    case 2: /* only clears bits of frm, which keeps it valid */
        gen_emit(g, gen_enc(RV_CSRRCI, rd, gen_below(g, 8), 0, CSR_FRM));
        break;
    case 3: /* frflags, frrm, frcsr */
        gen_emit(g, gen_enc(RV_CSRRS, rd, 0, 0, csr));
        break;
    case 4:
        gen_emit(g, gen_enc(rw[gen_below(g, 3)], rd, gen_xs(g), 0, CSR_FFLAGS));
        break;
    case 5:
        gen_emit(g, gen_enc(RV_CSRRC, rd, gen_xs(g), 0,
                            gen_chance(g, 50) ? CSR_FRM : CSR_FCSR));
        break;
    case 6: /* the immediate only reaches the flags of fcsr */
        gen_emit(g, gen_enc(rwi[gen_below(g, 3)], rd, gen_below(g, 32), 0,
                            CSR_FCSR));
        break;
    case 7: /* fscsr with junk in the reserved bits; csrrs may only set
             * flags, as or-ing two valid rounding modes can give 7 */
        tmp = gen_xtmp(g);
        set = gen_chance(g, 30);
        gen_li(g, tmp, (gen_edge_int(g) & ~0xe0ull) |
                       (set ? 0 : gen_below(g, 5) << 5));
        gen_emit(g, gen_enc(set ? RV_CSRRS : RV_CSRRW, rd, tmp, 0, CSR_FCSR));
        break;
    case 8: /* fsrm with junk above the field */
        tmp = gen_xtmp(g);
        gen_li(g, tmp, (gen_edge_int(g) & ~7ull) | gen_below(g, 5));
        gen_emit(g, gen_enc(RV_CSRRW, rd, tmp, 0, CSR_FRM));
        break;
    default: /* fsflags from a register */
        gen_emit(g, gen_enc(RV_CSRRW, rd, gen_xs(g), 0, CSR_FFLAGS));
        break;
    }
}

/* Emits the items a forward branch or jump skips; the compressed forms
 * reach less far, so under them nothing nests. */
static void skipped_items(struct gen *g, unsigned n, bool short_reach)
{
    unsigned depth = g->depth;
    g->depth = short_reach ? MAX_DEPTH : depth + 1;
    while (n--)
        gen_item(g);
    g->depth = depth;
}

static void item_branch(struct gen *g)
{
    static const uint16_t ops[] = {RV_BEQ, RV_BNE, RV_BLT, RV_BGE, RV_BLTU,
                                   RV_BGEU};
    if (gen_chance(g, 30)) {
        enum gen_cop op = gen_chance(g, 50) ? GEN_C_BEQZ : GEN_C_BNEZ;
        unsigned rs1 = 8 + gen_below(g, 8);
        size_t s = gen_emit_c(g, gen_cencode(op, 0, rs1, 0, 0));
        skipped_items(g, 1 + gen_below(g, 3), true);
        gen_patch(g, s, gen_cencode(op, 0, rs1, 0,
                                    (int32_t)(g->off - g->p->slot[s].off)));
        return;
    }
    enum rv_op op = ops[gen_below(g, COUNT(ops))];
    unsigned rs1 = gen_xs(g), rs2 = gen_xs(g);
    size_t s = gen_emit(g, gen_enc(op, 0, rs1, rs2, 0));
    skipped_items(g, 1 + gen_below(g, 5), false);
    gen_patch(g, s, gen_enc(op, 0, rs1, rs2,
                            (int32_t)(g->off - g->p->slot[s].off)));
}

static void item_jump(struct gen *g)
{
    unsigned rd = gen_xd(g), tmp = gen_xtmp(g), n = 1 + gen_below(g, 2);
    size_t s, s2;
    int32_t dist;
    switch (gen_below(g, 5)) {
    case 0:
        s = gen_emit(g, gen_enc(RV_JAL, rd, 0, 0, 0));
        skipped_items(g, n, false);
        gen_patch(g, s, gen_enc(RV_JAL, rd, 0, 0,
                                (int32_t)(g->off - g->p->slot[s].off)));
        break;
    case 1: /* jalr clears bit 0 of the target: sometimes set it */
        s = gen_emit(g, gen_enc(RV_AUIPC, tmp, 0, 0, 0));
        s2 = gen_emit(g, gen_enc(RV_JALR, rd, tmp, 0, 0));
        skipped_items(g, n, false);
        dist = (int32_t)(g->off - g->p->slot[s].off) + gen_chance(g, 30);
        gen_patch(g, s2, gen_enc(RV_JALR, rd, tmp, 0, dist));
        break;
    case 2:
        s = gen_emit_c(g, gen_cencode(GEN_C_J, 0, 0, 0, 0));
        skipped_items(g, n, true);
        gen_patch(g, s, gen_cencode(GEN_C_J, 0, 0, 0,
                                    (int32_t)(g->off - g->p->slot[s].off)));
        break;
    default: { /* c.jr, c.jalr */
        enum gen_cop op = gen_chance(g, 50) ? GEN_C_JR : GEN_C_JALR;
        s = gen_emit(g, gen_enc(RV_AUIPC, tmp, 0, 0, 0));
        s2 = gen_emit(g, gen_enc(RV_ADDI, tmp, tmp, 0, 0));
        gen_emit_c(g, gen_cencode(op, 0, tmp, 0, 0));
        skipped_items(g, n, true);
        dist = (int32_t)(g->off - g->p->slot[s].off) + gen_chance(g, 30);
        gen_patch(g, s2, gen_enc(RV_ADDI, tmp, tmp, 0, dist));
        break;
    }
    }
}

/* A loop of 1 to 4 iterations. Its three control instructions form one
 * unit: removed together they leave the body to run once. */
static void item_loop(struct gen *g)
{
    gen_emit(g, gen_enc(RV_ADDI, GEN_LOOP_REG, 0, 0, 1 + (int32_t)gen_below(g, 4)));
    uint32_t start = g->off;
    int32_t unit = g->unit;
    g->in_loop = true;
    for (unsigned n = 2 + gen_below(g, 6); n; n--)
        gen_item(g);
    g->in_loop = false;
    g->unit = unit;
    gen_emit(g, gen_enc(RV_ADDI, GEN_LOOP_REG, GEN_LOOP_REG, 0, -1));
    gen_emit(g, gen_enc(RV_BLT, 0, 0, GEN_LOOP_REG,
                        (int32_t)start - (int32_t)g->off));
}

/* czero.eqz/nez. QEMU 7.2 lacks Zicond (docs/qemu-divergences.md), so the
 * reference runs "and rd, rs1, mask" in its place; the mask, computed by
 * both versions, is -(rs2 != 0) for eqz and -(rs2 == 0) for nez. */
static void item_cond(struct gen *g)
{
    bool eqz = gen_chance(g, 50);
    unsigned rd = gen_xd(g), rs1 = gen_xs(g), rs2 = gen_xs(g), t;
    do
        t = gen_xtmp(g);
    while (t == rs1 || t == rs2);
    if (eqz)
        gen_emit(g, gen_enc(RV_SLTU, t, 0, rs2, 0));
    else
        gen_emit(g, gen_enc(RV_SLTIU, t, rs2, 0, 1));
    gen_emit(g, gen_enc(RV_SUB, t, 0, t, 0));
    gen_emit_ref(g, gen_enc(eqz ? RV_CZERO_EQZ : RV_CZERO_NEZ, rd, rs1, rs2, 0),
                 gen_enc(RV_AND, rd, rs1, t, 0));
}

static void item_fence(struct gen *g)
{
    switch (gen_below(g, 4)) {
    case 0:
        gen_emit(g, gen_enc(RV_FENCE_I, 0, 0, 0, 0));
        break;
    case 1: /* fence.tso */
        gen_emit(g, gen_enc(RV_FENCE, 0, 0, 0, 0x833));
        break;
    default:
        gen_emit(g, gen_enc(RV_FENCE, 0, 0, 0,
                            (int32_t)(gen_below(g, 16) << 4 | gen_below(g, 16))));
        break;
    }
}

/* Code written at run time: an immediate operation whose immediate comes
 * from a register (so it changes as the program runs, and between runs of
 * a repeated body), followed by a return, is stored into a slot of the
 * writable and executable area, made visible with fence.i, and called.
 * A translator that keeps a stale translation of the slot is caught. */
static void item_smc(struct gen *g)
{
    static const uint16_t ops[] = {RV_ADDI, RV_XORI, RV_ORI, RV_ANDI,
                                   RV_SLTI, RV_ADDIW};
    unsigned link = gen_xtmp(g), tmp, addr, rd, src = gen_xs(g);
    g->avoid = (int)link;
    tmp = gen_xtmp(g);
    do
        addr = gen_xtmp(g);
    while (addr == tmp);
    rd = gen_xd(g);
    g->avoid = -1;
    enum rv_op op = ops[gen_below(g, sizeof ops / sizeof *ops)];
    uint32_t slot = GEN_SMC_BASE + 16 * (g->smc_slot++ % (GEN_SMC_SIZE / 16));
    gen_emit(g, gen_enc(RV_SLLI, tmp, src, 0, 52));      /* imm = src[11:0] */
    gen_emit(g, gen_enc(RV_SRLI, tmp, tmp, 0, 32));
    gen_li(g, addr, gen_enc(op, rd, gen_xs(g), 0, 0));
    gen_emit(g, gen_enc(RV_OR, tmp, tmp, addr, 0));
    gen_li(g, addr, slot);
    gen_emit(g, gen_enc(RV_SW, 0, addr, tmp, 0));
    gen_li(g, tmp, gen_enc(RV_JALR, 0, link, 0, 0));
    gen_emit(g, gen_enc(RV_SW, 0, addr, tmp, 4));
    gen_emit(g, gen_enc(RV_FENCE_I, 0, 0, 0, 0));
    gen_emit(g, gen_enc(RV_JALR, link, addr, 0, 0));
}

void gen_item(struct gen *g)
{
    g->unit = (int32_t)g->p->nunits++;
    unsigned r = gen_below(g, g->total_weight);
    int c = 0;
    while (r >= g->opt->weight[c])
        r -= g->opt->weight[c++];
    if ((c == GEN_BRANCH || c == GEN_JUMP) && g->depth >= MAX_DEPTH)
        c = GEN_ALU;
    if (c == GEN_LOOP && (g->depth || g->in_loop))
        c = GEN_ALU;
    switch (c) {
    case GEN_ALU: item_alu(g); break;
    case GEN_CALU: item_calu(g); break;
    case GEN_LI: item_li(g); break;
    case GEN_MEM: item_mem(g); break;
    case GEN_CMEM: item_cmem(g); break;
    case GEN_AMO: item_amo(g); break;
    case GEN_LRSC: item_lrsc(g); break;
    case GEN_FP: item_fp(g); break;
    case GEN_FCONST: item_fconst(g); break;
    case GEN_FCSR: item_fcsr(g); break;
    case GEN_BRANCH: item_branch(g); break;
    case GEN_JUMP: item_jump(g); break;
    case GEN_LOOP: item_loop(g); break;
    case GEN_COND: item_cond(g); break;
    case GEN_SMC: item_smc(g); break;
    default: item_fence(g); break;
    }
}
