/* Instruction decoding: raw bits to struct rv_insn. rv_decode is the fast
 * hand-written decoder every consumer uses; rv_decode_ref is a slow, obviously
 * correct scan of the isa.def / isa_c.def tables that tests hold it to. */
#ifndef HART_RV_DECODE_H
#define HART_RV_DECODE_H

#include <stddef.h>
#include "rv/insn.h"

/* Length in bytes of the instruction whose low 16 bits are given: 2 or 4, or
 * 0 for the longer encodings RV64GC does not have (decoded as illegal). */
static inline int rv_insn_length(uint16_t low)
{
    if ((low & 3) != 3)
        return 2;
    return (low & 0x1c) != 0x1c ? 4 : 0;
}

/* Decodes one instruction. For a compressed one only the low 16 bits of word
 * are looked at. Always fills *out; invalid encodings give RV_ILLEGAL with
 * len as rv_insn_length says (2 when that is 0) and the raw bits in imm
 * (the low 16 bits only when len is 2). Operand conventions: unused fields
 * are 0; U immediates are already shifted; shifts keep shamt in imm; CSR
 * forms keep the CSR number in imm (unsigned) and, for the immediate forms,
 * the 5-bit uimm in rs1; FENCE keeps bits [31:20] in imm (unsigned); atomics
 * keep aq<<1|rl in rm; FP operations with a rounding mode keep it in rm
 * (the reserved modes 5 and 6 are illegal). */
void rv_decode(uint32_t word, struct rv_insn *out);
void rv_decode_ref(uint32_t word, struct rv_insn *out);

/* Writes the assembly text of an instruction at pc to buf, as GNU objdump
 * -d -M no-aliases spells it but with one space after the mnemonic instead
 * of a tab: "addi a0,a0,1", "lui a0,0x12", "ld a0,8(sp)", "jalr ra,0(a0)",
 * "slli a0,a0,0x3f", "beq a0,a1,10078" (branches and jal print the absolute
 * target in hex, without 0x), "fadd.d fa0,fa1,fa2,rtz" (the rounding mode
 * is printed unless it is the assembler's default: dyn, or rne for the
 * exact fcvt.d.s, fcvt.d.w, fcvt.d.wu), "csrrs a0,fflags,zero" (CSRs by
 * name where known), "fence iorw,iorw", "fence.tso",
 * "amoadd.w.aqrl a0,a1,(a2)"; illegal encodings print as ".2byte 0x0" or
 * ".4byte 0xb". Compressed instructions print as the operation they expand
 * to. Returns the length that it wanted to write, as snprintf does. */
int rv_disasm(const struct rv_insn *insn, uint64_t pc, char *buf, size_t size);

/* ABI names of the integer and FP registers ("zero", "ra", "ft0", ...). */
extern const char *const rv_xreg_name[32];
extern const char *const rv_freg_name[32];

#endif
