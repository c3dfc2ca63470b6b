/* The fast instruction decoder: raw bits to struct rv_insn with one switch
 * on the major opcode and a few on funct fields, never scanning a table.
 * Compressed instructions are expanded here to the operation they stand for
 * (len = 2), so nothing downstream knows about the C extension.
 *
 * Conventions (also what rv_decode_ref produces, and tests hold both to):
 * unused fields are 0; S and B formats have rd = 0; U immediates are already
 * shifted; shifts keep shamt in imm; CSR forms keep the CSR number (unsigned)
 * in imm and, for the immediate forms, the 5-bit uimm in rs1; FENCE keeps
 * bits [31:20] unsigned in imm; atomics keep aq<<1|rl in rm. Invalid
 * encodings give RV_ILLEGAL with the raw bits in imm. */
#include "rv/decode.h"

/* Where an operation is picked by adding a funct field to the first of a
 * group, the group must stay in this order in isa.def. */
#define SEQ(a, b, n) _Static_assert(RV_##b == RV_##a + (n), #a " .. " #b)
SEQ(SB, SD, 3);
SEQ(CSRRW, CSRRC, 2);
SEQ(CSRRWI, CSRRCI, 2);
SEQ(CLZW, CPOPW, 2);
SEQ(FSGNJ_S, FSGNJX_S, 2);
SEQ(FSGNJ_D, FSGNJX_D, 2);
SEQ(FMIN_S, FMAX_S, 1);
SEQ(FMIN_D, FMAX_D, 1);
SEQ(FLE_S, FEQ_S, 2);
SEQ(FLE_D, FEQ_D, 2);
SEQ(FCVT_W_S, FCVT_LU_S, 3);
SEQ(FCVT_W_D, FCVT_LU_D, 3);
SEQ(FCVT_S_W, FCVT_S_LU, 3);
SEQ(FCVT_D_W, FCVT_D_LU, 3);
SEQ(FMADD_S, FNMADD_S, 3);
SEQ(FMADD_D, FNMADD_D, 3);
_Static_assert(RV_FMSUB_D - RV_FMSUB_S == RV_FMADD_D - RV_FMADD_S &&
               RV_FNMSUB_D - RV_FNMSUB_S == RV_FMADD_D - RV_FMADD_S &&
               RV_FNMADD_D - RV_FNMADD_S == RV_FMADD_D - RV_FMADD_S,
               "fused multiply-add groups in the same order");

static inline uint32_t bits(uint32_t w, int hi, int lo)
{
    return (w >> lo) & ((1u << (hi - lo + 1)) - 1);
}

static inline int32_t sext(uint32_t v, int width)
{
    int sh = 32 - width;
    return (int32_t)(v << sh) >> sh;
}

static void illegal(uint32_t word, int len, struct rv_insn *d)
{
    *d = (struct rv_insn){.op = RV_ILLEGAL, .len = (uint8_t)len};
    d->imm = (int32_t)(len == 2 ? (word & 0xffff) : word);
}

/* --- 32-bit encodings ------------------------------------------------- */

/* Fills the register fields every 32-bit format keeps in the same place;
 * the callers clear what their format does not use. */
static void regs(struct rv_insn *d, uint32_t w, int op)
{
    d->op = (uint16_t)op;
    d->rd = (uint8_t)bits(w, 11, 7);
    d->rs1 = (uint8_t)bits(w, 19, 15);
    d->rs2 = (uint8_t)bits(w, 24, 20);
}

static void fmt_r(struct rv_insn *d, uint32_t w, int op) { regs(d, w, op); }

static void fmt_r1(struct rv_insn *d, uint32_t w, int op)
{
    regs(d, w, op);
    d->rs2 = 0;
}

static void fmt_i(struct rv_insn *d, uint32_t w, int op)
{
    regs(d, w, op);
    d->rs2 = 0;
    d->imm = (int32_t)w >> 20;
}

static void fmt_sh(struct rv_insn *d, uint32_t w, int op, int width)
{
    regs(d, w, op);
    d->rs2 = 0;
    d->imm = (int32_t)bits(w, 19 + width, 20);
}

static void fmt_s(struct rv_insn *d, uint32_t w, int op)
{
    regs(d, w, op);
    d->rd = 0;
    d->imm = ((int32_t)w >> 25) * 32 + (int32_t)bits(w, 11, 7);
}

static void fmt_b(struct rv_insn *d, uint32_t w, int op)
{
    regs(d, w, op);
    d->rd = 0;
    d->imm = ((int32_t)w >> 31) * 4096 | (int32_t)(bits(w, 7, 7) << 11 |
             bits(w, 30, 25) << 5 | bits(w, 11, 8) << 1);
}

/* FP operations with a rounding mode: 5 and 6 are reserved, so illegal. */
static bool fmt_rm(struct rv_insn *d, uint32_t w, int op, bool has_rs2)
{
    uint32_t rm = bits(w, 14, 12);
    if (rm == 5 || rm == 6)
        return false;
    regs(d, w, op);
    if (!has_rs2)
        d->rs2 = 0;
    d->rm = (uint8_t)rm;
    return true;
}

static bool load(struct rv_insn *d, uint32_t w)
{
    static const uint16_t ops[8] = {RV_LB, RV_LH, RV_LW, RV_LD,
                                    RV_LBU, RV_LHU, RV_LWU, RV_ILLEGAL};
    int op = ops[bits(w, 14, 12)];
    if (op == RV_ILLEGAL)
        return false;
    fmt_i(d, w, op);
    return true;
}

static bool store(struct rv_insn *d, uint32_t w)
{
    uint32_t f3 = bits(w, 14, 12);
    if (f3 > 3)
        return false;
    fmt_s(d, w, RV_SB + (int)f3);
    return true;
}

static bool op_imm(struct rv_insn *d, uint32_t w)
{
    uint32_t f6 = bits(w, 31, 26), imm12 = bits(w, 31, 20);
    switch (bits(w, 14, 12)) {
    case 0: fmt_i(d, w, RV_ADDI); return true;
    case 2: fmt_i(d, w, RV_SLTI); return true;
    case 3: fmt_i(d, w, RV_SLTIU); return true;
    case 4: fmt_i(d, w, RV_XORI); return true;
    case 6: fmt_i(d, w, RV_ORI); return true;
    case 7: fmt_i(d, w, RV_ANDI); return true;
    case 1:
        switch (f6) {
        case 0x00: fmt_sh(d, w, RV_SLLI, 6); return true;
        case 0x12: fmt_sh(d, w, RV_BCLRI, 6); return true;
        case 0x1a: fmt_sh(d, w, RV_BINVI, 6); return true;
        case 0x0a: fmt_sh(d, w, RV_BSETI, 6); return true;
        }
        switch (imm12) { /* Zbb unary operations: rs2 field selects */
        case 0x600: fmt_r1(d, w, RV_CLZ); return true;
        case 0x601: fmt_r1(d, w, RV_CTZ); return true;
        case 0x602: fmt_r1(d, w, RV_CPOP); return true;
        case 0x604: fmt_r1(d, w, RV_SEXT_B); return true;
        case 0x605: fmt_r1(d, w, RV_SEXT_H); return true;
        }
        return false;
    case 5:
        switch (f6) {
        case 0x00: fmt_sh(d, w, RV_SRLI, 6); return true;
        case 0x10: fmt_sh(d, w, RV_SRAI, 6); return true;
        case 0x12: fmt_sh(d, w, RV_BEXTI, 6); return true;
        case 0x18: fmt_sh(d, w, RV_RORI, 6); return true;
        }
        if (imm12 == 0x287) {
            fmt_r1(d, w, RV_ORC_B);
            return true;
        }
        if (imm12 == 0x6b8) {
            fmt_r1(d, w, RV_REV8);
            return true;
        }
        return false;
    }
    return false;
}

static bool op_imm32(struct rv_insn *d, uint32_t w)
{
    uint32_t f7 = bits(w, 31, 25);
    switch (bits(w, 14, 12)) {
    case 0: fmt_i(d, w, RV_ADDIW); return true;
    case 1:
        if (f7 == 0x00) {
            fmt_sh(d, w, RV_SLLIW, 5);
            return true;
        }
        if (bits(w, 31, 26) == 0x02) {
            fmt_sh(d, w, RV_SLLI_UW, 6);
            return true;
        }
        if (f7 == 0x30 && bits(w, 24, 20) < 3) {
            fmt_r1(d, w, RV_CLZW + (int)bits(w, 24, 20));
            return true;
        }
        return false;
    case 5:
        switch (f7) {
        case 0x00: fmt_sh(d, w, RV_SRLIW, 5); return true;
        case 0x20: fmt_sh(d, w, RV_SRAIW, 5); return true;
        case 0x30: fmt_sh(d, w, RV_RORIW, 5); return true;
        }
        return false;
    }
    return false;
}

/* OP (0x33): funct7 then funct3. */
static int op_reg(uint32_t f7, uint32_t f3)
{
    static const uint16_t base[8] = {RV_ADD, RV_SLL, RV_SLT, RV_SLTU,
                                     RV_XOR, RV_SRL, RV_OR, RV_AND};
    static const uint16_t alt[8] = {RV_SUB, 0, 0, 0, RV_XNOR, RV_SRA,
                                    RV_ORN, RV_ANDN};
    static const uint16_t mul[8] = {RV_MUL, RV_MULH, RV_MULHSU, RV_MULHU,
                                    RV_DIV, RV_DIVU, RV_REM, RV_REMU};
    static const uint16_t shadd[8] = {0, 0, RV_SH1ADD, 0, RV_SH2ADD, 0,
                                      RV_SH3ADD, 0};
    static const uint16_t minmax[8] = {0, 0, 0, 0, RV_MIN, RV_MINU,
                                       RV_MAX, RV_MAXU};
    switch (f7) {
    case 0x00: return base[f3];
    case 0x20: return alt[f3];
    case 0x01: return mul[f3];
    case 0x10: return shadd[f3];
    case 0x05: return minmax[f3];
    case 0x30: return f3 == 1 ? RV_ROL : f3 == 5 ? RV_ROR : 0;
    case 0x24: return f3 == 1 ? RV_BCLR : f3 == 5 ? RV_BEXT : 0;
    case 0x34: return f3 == 1 ? RV_BINV : 0;
    case 0x14: return f3 == 1 ? RV_BSET : 0;
    case 0x07: return f3 == 5 ? RV_CZERO_EQZ : f3 == 7 ? RV_CZERO_NEZ : 0;
    }
    return 0;
}

/* OP-32 (0x3b). */
static bool op_reg32(struct rv_insn *d, uint32_t w)
{
    static const uint16_t mul[8] = {RV_MULW, 0, 0, 0, RV_DIVW, RV_DIVUW,
                                    RV_REMW, RV_REMUW};
    static const uint16_t shadd[8] = {0, 0, RV_SH1ADD_UW, 0, RV_SH2ADD_UW, 0,
                                      RV_SH3ADD_UW, 0};
    uint32_t f3 = bits(w, 14, 12);
    int op = 0;
    switch (bits(w, 31, 25)) {
    case 0x00:
        op = f3 == 0 ? RV_ADDW : f3 == 1 ? RV_SLLW : f3 == 5 ? RV_SRLW : 0;
        break;
    case 0x20: op = f3 == 0 ? RV_SUBW : f3 == 5 ? RV_SRAW : 0; break;
    case 0x01: op = mul[f3]; break;
    case 0x10: op = shadd[f3]; break;
    case 0x30: op = f3 == 1 ? RV_ROLW : f3 == 5 ? RV_RORW : 0; break;
    case 0x04:
        if (f3 == 0)
            op = RV_ADD_UW;
        else if (f3 == 4 && bits(w, 24, 20) == 0) {
            fmt_r1(d, w, RV_ZEXT_H);
            return true;
        }
        break;
    }
    if (!op)
        return false;
    fmt_r(d, w, op);
    return true;
}

static bool amo(struct rv_insn *d, uint32_t w)
{
    static const uint16_t ops_w[32] = {
        [0x00] = RV_AMOADD_W, [0x01] = RV_AMOSWAP_W, [0x02] = RV_LR_W,
        [0x03] = RV_SC_W, [0x04] = RV_AMOXOR_W, [0x08] = RV_AMOOR_W,
        [0x0c] = RV_AMOAND_W, [0x10] = RV_AMOMIN_W, [0x14] = RV_AMOMAX_W,
        [0x18] = RV_AMOMINU_W, [0x1c] = RV_AMOMAXU_W,
    };
    static const uint16_t ops_d[32] = {
        [0x00] = RV_AMOADD_D, [0x01] = RV_AMOSWAP_D, [0x02] = RV_LR_D,
        [0x03] = RV_SC_D, [0x04] = RV_AMOXOR_D, [0x08] = RV_AMOOR_D,
        [0x0c] = RV_AMOAND_D, [0x10] = RV_AMOMIN_D, [0x14] = RV_AMOMAX_D,
        [0x18] = RV_AMOMINU_D, [0x1c] = RV_AMOMAXU_D,
    };
    uint32_t f3 = bits(w, 14, 12), f5 = bits(w, 31, 27);
    int op = f3 == 2 ? ops_w[f5] : f3 == 3 ? ops_d[f5] : 0;
    if (!op)
        return false;
    if (f5 == 0x02) { /* lr: no rs2 */
        if (bits(w, 24, 20) != 0)
            return false;
        fmt_r1(d, w, op);
    } else {
        fmt_r(d, w, op);
    }
    d->rm = (uint8_t)bits(w, 26, 25);
    return true;
}

static bool fp_fma(struct rv_insn *d, uint32_t w, int op_s)
{
    uint32_t fmt = bits(w, 26, 25);
    if (fmt > 1 || !fmt_rm(d, w, fmt ? op_s + (RV_FMADD_D - RV_FMADD_S) : op_s,
                           true))
        return false;
    d->rs3 = (uint8_t)bits(w, 31, 27);
    return true;
}

/* OP-FP (0x53): funct7 selects the operation and (bit 25) the precision. */
static bool op_fp(struct rv_insn *d, uint32_t w)
{
    uint32_t f7 = bits(w, 31, 25), f3 = bits(w, 14, 12), r2 = bits(w, 24, 20);
    bool dbl = f7 & 1;
    int op;
    switch (f7 & ~1u) {
    case 0x00: return fmt_rm(d, w, dbl ? RV_FADD_D : RV_FADD_S, true);
    case 0x04: return fmt_rm(d, w, dbl ? RV_FSUB_D : RV_FSUB_S, true);
    case 0x08: return fmt_rm(d, w, dbl ? RV_FMUL_D : RV_FMUL_S, true);
    case 0x0c: return fmt_rm(d, w, dbl ? RV_FDIV_D : RV_FDIV_S, true);
    case 0x2c:
        return r2 == 0 && fmt_rm(d, w, dbl ? RV_FSQRT_D : RV_FSQRT_S, false);
    case 0x10:
        if (f3 > 2)
            return false;
        fmt_r(d, w, (dbl ? RV_FSGNJ_D : RV_FSGNJ_S) + (int)f3);
        return true;
    case 0x14:
        if (f3 > 1)
            return false;
        fmt_r(d, w, (dbl ? RV_FMIN_D : RV_FMIN_S) + (int)f3);
        return true;
    case 0x50:
        if (f3 > 2)
            return false;
        fmt_r(d, w, (dbl ? RV_FLE_D : RV_FLE_S) + (int)f3);
        return true;
    case 0x60: /* to integer: rs2 field picks w, wu, l, lu */
        return r2 < 4 &&
               fmt_rm(d, w, (dbl ? RV_FCVT_W_D : RV_FCVT_W_S) + (int)r2, false);
    case 0x68: /* from integer */
        return r2 < 4 &&
               fmt_rm(d, w, (dbl ? RV_FCVT_D_W : RV_FCVT_S_W) + (int)r2, false);
    case 0x20: /* between precisions: rs2 names the source precision */
        if (r2 != (dbl ? 0u : 1u))
            return false;
        return fmt_rm(d, w, dbl ? RV_FCVT_D_S : RV_FCVT_S_D, false);
    case 0x70:
        if (r2 != 0 || f3 > 1)
            return false;
        op = f3 ? (dbl ? RV_FCLASS_D : RV_FCLASS_S)
                : (dbl ? RV_FMV_X_D : RV_FMV_X_W);
        fmt_r1(d, w, op);
        return true;
    case 0x78:
        if (r2 != 0 || f3 != 0)
            return false;
        fmt_r1(d, w, dbl ? RV_FMV_D_X : RV_FMV_W_X);
        return true;
    }
    return false;
}

static bool op_system(struct rv_insn *d, uint32_t w)
{
    uint32_t f3 = bits(w, 14, 12);
    if (f3 == 0) {
        if (w == 0x00000073)
            d->op = RV_ECALL;
        else if (w == 0x00100073)
            d->op = RV_EBREAK;
        return d->op != RV_ILLEGAL;
    }
    if (f3 == 4)
        return false;
    /* csrrw, csrrs, csrrc, then their immediate forms (rs1 = uimm). */
    fmt_r1(d, w, (f3 < 4 ? RV_CSRRW - 1 : RV_CSRRWI - 5) + (int)f3);
    d->imm = (int32_t)bits(w, 31, 20);
    return true;
}

static bool decode32(uint32_t w, struct rv_insn *d)
{
    uint32_t f3 = bits(w, 14, 12);
    switch (bits(w, 6, 2)) {
    case 0x00: return load(d, w);
    case 0x01: /* LOAD-FP */
        if (f3 != 2 && f3 != 3)
            return false;
        fmt_i(d, w, f3 == 2 ? RV_FLW : RV_FLD);
        return true;
    case 0x03: /* MISC-MEM */
        if (f3 == 0) {
            d->op = RV_FENCE;
            d->imm = (int32_t)bits(w, 31, 20);
            return true;
        }
        if (f3 == 1) { /* rd, rs1, imm are reserved and ignored */
            d->op = RV_FENCE_I;
            return true;
        }
        return false;
    case 0x04: return op_imm(d, w);
    case 0x05: /* AUIPC */
    case 0x0d: /* LUI */
        d->op = bits(w, 6, 2) == 0x05 ? RV_AUIPC : RV_LUI;
        d->rd = (uint8_t)bits(w, 11, 7);
        d->imm = (int32_t)(w & 0xfffff000);
        return true;
    case 0x06: return op_imm32(d, w);
    case 0x08: return store(d, w);
    case 0x09: /* STORE-FP */
        if (f3 != 2 && f3 != 3)
            return false;
        fmt_s(d, w, f3 == 2 ? RV_FSW : RV_FSD);
        return true;
    case 0x0b: return amo(d, w);
    case 0x0c: {
        int op = op_reg(bits(w, 31, 25), f3);
        if (!op)
            return false;
        fmt_r(d, w, op);
        return true;
    }
    case 0x0e: return op_reg32(d, w);
    case 0x10: return fp_fma(d, w, RV_FMADD_S);
    case 0x11: return fp_fma(d, w, RV_FMSUB_S);
    case 0x12: return fp_fma(d, w, RV_FNMSUB_S);
    case 0x13: return fp_fma(d, w, RV_FNMADD_S);
    case 0x14: return op_fp(d, w);
    case 0x18: { /* BRANCH */
        static const uint16_t ops[8] = {RV_BEQ, RV_BNE, 0, 0,
                                        RV_BLT, RV_BGE, RV_BLTU, RV_BGEU};
        if (!ops[f3])
            return false;
        fmt_b(d, w, ops[f3]);
        return true;
    }
    case 0x19: /* JALR */
        if (f3 != 0)
            return false;
        fmt_i(d, w, RV_JALR);
        return true;
    case 0x1b: /* JAL */
        d->op = RV_JAL;
        d->rd = (uint8_t)bits(w, 11, 7);
        d->imm = ((int32_t)w >> 31) * (1 << 20) |
                 (int32_t)(bits(w, 19, 12) << 12 | bits(w, 20, 20) << 11 |
                           bits(w, 30, 21) << 1);
        return true;
    case 0x1c: return op_system(d, w);
    }
    return false;
}

/* --- 16-bit encodings ------------------------------------------------- */

#define RVC_REG(h, lo) ((uint8_t)(8 + bits(h, (lo) + 2, lo))) /* x8..x15 */
enum { SP = 2, RA = 1 };

static void set(struct rv_insn *d, int op, int rd, int rs1, int rs2,
                int32_t imm)
{
    d->op = (uint16_t)op;
    d->rd = (uint8_t)rd;
    d->rs1 = (uint8_t)rs1;
    d->rs2 = (uint8_t)rs2;
    d->imm = imm;
}

/* The CI-format 6-bit immediate: imm[5] at bit 12, imm[4:0] at bits 6:2. */
static uint32_t ci_imm(uint32_t h)
{
    return bits(h, 12, 12) << 5 | bits(h, 6, 2);
}

/* Offsets of the register-based loads and stores (CL/CS). */
static int32_t cl_w_off(uint32_t h)
{
    return (int32_t)(bits(h, 12, 10) << 3 | bits(h, 6, 6) << 2 |
                     bits(h, 5, 5) << 6);
}

static int32_t cl_d_off(uint32_t h)
{
    return (int32_t)(bits(h, 12, 10) << 3 | bits(h, 6, 5) << 6);
}

static bool quadrant0(uint32_t h, struct rv_insn *d)
{
    uint8_t rdp = RVC_REG(h, 2), rs1p = RVC_REG(h, 7);
    switch (bits(h, 15, 13)) {
    case 0: { /* c.addi4spn */
        int32_t imm = (int32_t)(bits(h, 12, 11) << 4 | bits(h, 10, 7) << 6 |
                                bits(h, 6, 6) << 2 | bits(h, 5, 5) << 3);
        if (imm == 0)
            return false;
        set(d, RV_ADDI, rdp, SP, 0, imm);
        return true;
    }
    case 1: set(d, RV_FLD, rdp, rs1p, 0, cl_d_off(h)); return true;
    case 2: set(d, RV_LW, rdp, rs1p, 0, cl_w_off(h)); return true;
    case 3: set(d, RV_LD, rdp, rs1p, 0, cl_d_off(h)); return true;
    case 5: set(d, RV_FSD, 0, rs1p, rdp, cl_d_off(h)); return true;
    case 6: set(d, RV_SW, 0, rs1p, rdp, cl_w_off(h)); return true;
    case 7: set(d, RV_SD, 0, rs1p, rdp, cl_d_off(h)); return true;
    }
    return false; /* 4 is reserved (Zcb, not in RV64GC) */
}

static bool quadrant1(uint32_t h, struct rv_insn *d)
{
    int rd = (int)bits(h, 11, 7);
    uint8_t rdp = RVC_REG(h, 7), rs2p = RVC_REG(h, 2);
    int32_t imm6 = sext(ci_imm(h), 6);
    switch (bits(h, 15, 13)) {
    case 0: set(d, RV_ADDI, rd, rd, 0, imm6); return true; /* nop, hints */
    case 1: /* c.addiw */
        if (rd == 0)
            return false;
        set(d, RV_ADDIW, rd, rd, 0, imm6);
        return true;
    case 2: set(d, RV_ADDI, rd, 0, 0, imm6); return true; /* c.li */
    case 3:
        if (imm6 == 0)
            return false; /* both c.addi16sp and c.lui need nonzero */
        if (rd == SP) {
            int32_t imm = sext(bits(h, 12, 12) << 9 | bits(h, 6, 6) << 4 |
                               bits(h, 5, 5) << 6 | bits(h, 4, 3) << 7 |
                               bits(h, 2, 2) << 5, 10);
            set(d, RV_ADDI, SP, SP, 0, imm);
        } else {
            set(d, RV_LUI, rd, 0, 0, imm6 * 4096);
        }
        return true;
    case 4:
        switch (bits(h, 11, 10)) {
        case 0: set(d, RV_SRLI, rdp, rdp, 0, (int32_t)ci_imm(h)); return true;
        case 1: set(d, RV_SRAI, rdp, rdp, 0, (int32_t)ci_imm(h)); return true;
        case 2: set(d, RV_ANDI, rdp, rdp, 0, imm6); return true;
        }
        {
            static const uint16_t ops[8] = {RV_SUB, RV_XOR, RV_OR, RV_AND,
                                            RV_SUBW, RV_ADDW, 0, 0};
            int op = ops[bits(h, 12, 12) << 2 | bits(h, 6, 5)];
            if (!op)
                return false;
            set(d, op, rdp, rdp, rs2p, 0);
            return true;
        }
    case 5: { /* c.j: offset[11|4|9:8|10|6|7|3:1|5] */
        int32_t off = sext(bits(h, 12, 12) << 11 | bits(h, 11, 11) << 4 |
                           bits(h, 10, 9) << 8 | bits(h, 8, 8) << 10 |
                           bits(h, 7, 7) << 6 | bits(h, 6, 6) << 7 |
                           bits(h, 5, 3) << 1 | bits(h, 2, 2) << 5, 12);
        set(d, RV_JAL, 0, 0, 0, off);
        return true;
    }
    default: { /* c.beqz, c.bnez: offset[8|4:3] at 12:10, [7:6|2:1|5] at 6:2 */
        int32_t off = sext(bits(h, 12, 12) << 8 | bits(h, 11, 10) << 3 |
                           bits(h, 6, 5) << 6 | bits(h, 4, 3) << 1 |
                           bits(h, 2, 2) << 5, 9);
        set(d, bits(h, 13, 13) ? RV_BNE : RV_BEQ, 0, rdp, 0, off);
        return true;
    }
    }
}

static bool quadrant2(uint32_t h, struct rv_insn *d)
{
    int rd = (int)bits(h, 11, 7), rs2 = (int)bits(h, 6, 2);
    int32_t ld_off = (int32_t)(bits(h, 12, 12) << 5 | bits(h, 6, 5) << 3 |
                               bits(h, 4, 2) << 6);
    int32_t sd_off = (int32_t)(bits(h, 12, 10) << 3 | bits(h, 9, 7) << 6);
    switch (bits(h, 15, 13)) {
    case 0: set(d, RV_SLLI, rd, rd, 0, (int32_t)ci_imm(h)); return true;
    case 1: set(d, RV_FLD, rd, SP, 0, ld_off); return true;
    case 2: /* c.lwsp */
        if (rd == 0)
            return false;
        set(d, RV_LW, rd, SP, 0, (int32_t)(bits(h, 12, 12) << 5 |
                                           bits(h, 6, 4) << 2 |
                                           bits(h, 3, 2) << 6));
        return true;
    case 3: /* c.ldsp */
        if (rd == 0)
            return false;
        set(d, RV_LD, rd, SP, 0, ld_off);
        return true;
    case 4:
        if (!bits(h, 12, 12)) {
            if (rs2) /* c.mv */
                set(d, RV_ADD, rd, 0, rs2, 0);
            else if (rd) /* c.jr */
                set(d, RV_JALR, 0, rd, 0, 0);
            else
                return false;
        } else {
            if (rs2) /* c.add */
                set(d, RV_ADD, rd, rd, rs2, 0);
            else if (rd) /* c.jalr */
                set(d, RV_JALR, RA, rd, 0, 0);
            else
                set(d, RV_EBREAK, 0, 0, 0, 0);
        }
        return true;
    case 5: set(d, RV_FSD, 0, SP, rs2, sd_off); return true;
    case 6:
        set(d, RV_SW, 0, SP, rs2, (int32_t)(bits(h, 12, 9) << 2 |
                                            bits(h, 8, 7) << 6));
        return true;
    default: set(d, RV_SD, 0, SP, rs2, sd_off); return true;
    }
}

void rv_decode(uint32_t word, struct rv_insn *out)
{
    int len = rv_insn_length((uint16_t)word);
    bool ok;
    *out = (struct rv_insn){.len = (uint8_t)(len ? len : 2)};
    switch (len) {
    case 4: ok = decode32(word, out); break;
    case 2:
        switch (word & 3) {
        case 0: ok = quadrant0(word & 0xffff, out); break;
        case 1: ok = quadrant1(word & 0xffff, out); break;
        default: ok = quadrant2(word & 0xffff, out); break;
        }
        break;
    default: ok = false; break;
    }
    if (!ok)
        illegal(word, out->len, out);
}
