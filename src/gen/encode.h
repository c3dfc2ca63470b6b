/* Instruction encoding, the inverse of decoding: operands to instruction
 * bits. Match values come from the ISA tables (rv_opinfo[] for 32-bit
 * instructions, isa_c.def for compressed ones), so the tables stay the one
 * source of truth; this file only knows where each format puts its fields.
 * Used by the random program generator (tools/rvgen) and by tests that
 * build instructions without an assembler. */
#ifndef HART_GEN_ENCODE_H
#define HART_GEN_ENCODE_H

#include <stdint.h>
#include "rv/insn.h"

/* Compressed encodings, one per line of isa_c.def. */
enum gen_cop {
#define RV_COP(name, mnem, match, mask, cfmt, base) GEN_##name,
#include "rv/isa_c.def"
#undef RV_COP
    GEN_COP_COUNT
};

/* Encodes a 32-bit instruction from insn->op and the operand fields its
 * format uses (imm is the byte offset for branches and jumps, the value
 * already shifted left by 12 for lui/auipc, the CSR number for CSR
 * instructions, fence bits for fence; rm holds aq<<1|rl for atomics).
 * Operands out of range for the format are a caller bug (asserted). */
uint32_t gen_encode(const struct rv_insn *insn);

/* Shorthand for gen_encode with the usual operands. */
uint32_t gen_enc(enum rv_op op, unsigned rd, unsigned rs1, unsigned rs2,
                 int32_t imm);
uint32_t gen_enc_fp(enum rv_op op, unsigned rd, unsigned rs1, unsigned rs2,
                    unsigned rs3, unsigned rm);

/* Encodes a compressed instruction. Each format uses the operands of the
 * instruction it expands to: rd and rs1 for loads, rs1 and rs2 for stores,
 * rd (= rs1) and rs2 for the CA arithmetic, rs1 for c.beqz and c.jr...
 * Registers are full numbers (x8..x15 for the 3-bit fields); imm is the
 * immediate, offset or shift amount, or for c.lui the value shifted left by
 * 12, as the assembler writes it. Constraints of the encoding (register
 * ranges, alignment, non-zero immediates) are asserted. */
uint16_t gen_cencode(enum gen_cop op, unsigned rd, unsigned rs1, unsigned rs2,
                     int32_t imm);

/* The mnemonic of a compressed encoding ("c.addi"). */
const char *gen_cop_name(enum gen_cop op);

#endif
