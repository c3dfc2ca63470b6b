/* The encoder's private core, shared by the x64_*.c files: byte output with
 * the overflow rule, and the two generic instruction shapes every public
 * function reduces to: legacy (prefixes, REX, opcode, ModRM operand, imm)
 * and VEX. Only the files of src/x64 include this. */
#ifndef HART_X64_ENC_H
#define HART_X64_ENC_H

#include "x64/x64.h"

/* Legacy-encoding flags. The opcode is 1-3 bytes written as one number
 * (0x0FAF, 0x0F38F1), so no multi-byte opcode may start with 00. */
enum {
    F_W = 1,       /* REX.W: 64-bit operand */
    F_66 = 2,      /* operand-size or mandatory prefix */
    F_F2 = 4,
    F_F3 = 8,
    F_LOCK = 16,
    F_BREG = 32,   /* the ModRM reg field is a byte register */
    F_BRM = 64,    /* a register in ModRM rm is a byte register */
};

/* The ModRM r/m operand: a register (GPR or XMM number) or memory. */
struct x64_rm {
    bool is_mem;
    uint8_t reg;
    struct x64_mem m;
};
static inline struct x64_rm x64_r(unsigned r)
{
    return (struct x64_rm){false, (uint8_t)r, {0, 0, 0, 0, false}};
}
static inline struct x64_rm x64_m(struct x64_mem m)
{
    return (struct x64_rm){true, 0, m};
}

_Noreturn void x64_fail(const char *why);

static inline void x64_byte(struct x64_buf *b, unsigned v)
{
    if (b->cur < b->end)
        *b->cur++ = (uint8_t)v;
    else
        b->overflow = true;
}
void x64_imm(struct x64_buf *b, int64_t v, unsigned bytes);

/* The flags for a w-bit GPR operation whose 8-bit form is a separate opcode. */
static inline unsigned x64_wflags(enum x64_width w)
{
    return w == W64 ? F_W : w == W16 ? F_66 : w == W8 ? F_BREG | F_BRM : 0;
}
static inline bool x64_fits8(int64_t v) { return v >= -128 && v <= 127; }
static inline bool x64_fits32(int64_t v) { return v == (int32_t)v; }

/* [prefixes] [REX] opcode ModRM [SIB] [disp] [imm]; reg is the ModRM reg
 * field: a register number or an opcode extension (/digit). */
void x64_enc(struct x64_buf *b, unsigned flags, uint32_t opcode, unsigned reg,
             struct x64_rm rm, unsigned immbytes, int64_t imm);
/* An opcode with the register in its low three bits (push, bswap, mov imm). */
void x64_enc_o(struct x64_buf *b, unsigned flags, uint32_t opcode, unsigned reg,
               unsigned immbytes, int64_t imm);
/* VEX: pp 0/1/2/3 = none/66/F3/F2, map 1/2/3 = 0F/0F38/0F3A, vvvv the
 * extra source register. */
void x64_vex(struct x64_buf *b, unsigned pp, unsigned map, bool w, unsigned vvvv,
             uint8_t opcode, unsigned reg, struct x64_rm rm, unsigned immbytes,
             int64_t imm);

#endif
