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
 * the raw bits in imm and len as rv_insn_length says (2 when that is 0). */
void rv_decode(uint32_t word, struct rv_insn *out);
void rv_decode_ref(uint32_t word, struct rv_insn *out);

/* Writes the assembly text of an instruction at pc ("addi a0, a0, 1"), in
 * the style of objdump's default output, to buf; returns the length that it
 * wanted to write, as snprintf does. */
int rv_disasm(const struct rv_insn *insn, uint64_t pc, char *buf, size_t size);

/* ABI names of the integer and FP registers ("zero", "ra", "ft0", ...). */
extern const char *const rv_xreg_name[32];
extern const char *const rv_freg_name[32];

#endif
