/* The decoded form of one RISC-V instruction, shared by the interpreter, the
 * disassembler and (later) the translator. An instruction is decoded once
 * into struct rv_insn; no semantic code looks at instruction bits again.
 * Compressed instructions decode to the operation they expand to, with
 * len = 2, so every consumer handles one operation set. */
#ifndef HART_RV_INSN_H
#define HART_RV_INSN_H

#include <stdbool.h>
#include <stdint.h>

enum rv_op {
    RV_ILLEGAL = 0, /* not a valid instruction; imm holds the raw bits */
#define RV_OP(name, mnem, match, mask, fmt, regs, ext) RV_##name,
#include "rv/isa.def"
#undef RV_OP
    RV_OP_COUNT
};

/* How the operands of an instruction are encoded (and printed). */
enum rv_format {
    RV_FMT_NONE,  /* no operands: ecall, ebreak, fence.i */
    RV_FMT_R,     /* rd, rs1, rs2 */
    RV_FMT_R1,    /* rd, rs1 (rs2 field fixed by the encoding) */
    RV_FMT_RM,    /* rd, rs1, rs2, rounding mode */
    RV_FMT_RM1,   /* rd, rs1, rounding mode */
    RV_FMT_R4,    /* rd, rs1, rs2, rs3, rounding mode */
    RV_FMT_I,     /* rd, rs1, imm */
    RV_FMT_L,     /* rd, imm(rs1) */
    RV_FMT_S,     /* rs2, imm(rs1) */
    RV_FMT_B,     /* rs1, rs2, pc-relative imm */
    RV_FMT_U,     /* rd, imm (already shifted left by 12) */
    RV_FMT_J,     /* rd, pc-relative imm */
    RV_FMT_SH6,   /* rd, rs1, 6-bit shift amount in imm */
    RV_FMT_SH5,   /* rd, rs1, 5-bit shift amount in imm */
    RV_FMT_CSR,   /* rd, csr number in imm, rs1 */
    RV_FMT_CSRI,  /* rd, csr number in imm, 5-bit immediate in rs1 */
    RV_FMT_FENCE, /* fm/pred/succ bits [11:0] in imm */
    RV_FMT_LR,    /* rd, (rs1); aq/rl in rm */
    RV_FMT_AMO,   /* rd, rs2, (rs1); aq/rl in rm */
};

/* The register file each operand names; from the "regs" column of isa.def. */
enum rv_regfile { RV_REG_NONE, RV_REG_X, RV_REG_F };

struct rv_insn {
    uint16_t op;   /* enum rv_op */
    uint8_t rd, rs1, rs2, rs3;
    uint8_t rm;    /* FP rounding mode (7 = dynamic); aq<<1|rl for atomics */
    uint8_t len;   /* 2 (compressed) or 4 bytes */
    int32_t imm;   /* sign-extended immediate, CSR number, or raw bits */
};

/* Rounding modes as encoded in rm and frm. */
enum { RV_RNE = 0, RV_RTZ = 1, RV_RDN = 2, RV_RUP = 3, RV_RMM = 4, RV_DYN = 7 };

/* fflags bits. */
enum { RV_NX = 1, RV_UF = 2, RV_OF = 4, RV_DZ = 8, RV_NV = 16 };

/* Properties of operations, generated from isa.def (rv/opinfo.c). */
struct rv_opinfo {
    const char *mnemonic;
    uint32_t match, mask;
    uint8_t format;             /* enum rv_format */
    const char *regs;           /* register files of rd, rs1, rs2, rs3 */
    const char *ext;            /* "I", "M", "A", "F", "D", "Zba", ... */
};
extern const struct rv_opinfo rv_opinfo[RV_OP_COUNT];

/* The register file (enum rv_regfile) of operand i: 0 rd, 1 rs1, 2 rs2, 3 rs3. */
static inline enum rv_regfile rv_regfile(enum rv_op op, int i)
{
    char c = rv_opinfo[op].regs[i];
    return c == 'x' ? RV_REG_X : c == 'f' ? RV_REG_F : RV_REG_NONE;
}

/* Ends a basic block: any change of control flow, and everything that needs
 * the run loop (system calls, fence.i). */
bool rv_ends_block(enum rv_op op);

#endif
