/* Control flow: conditional and direct jumps (rel8 when the target is known
 * and near, rel32 when it is far, open or will be re-pointed), forward
 * jumps resolved later, calls and jumps to absolute addresses and through
 * registers or memory, and padding. Targets are run addresses, so code
 * written through one mapping and run from another comes out right. */
#include "x64/enc.h"

static size_t rel32_op(struct x64_buf *b, uint32_t opcode, uintptr_t target)
{
    if (opcode > 0xFF)
        x64_byte(b, opcode >> 8);
    x64_byte(b, opcode & 0xFF);
    size_t at = x64_offset(b);
    x64_imm(b, 0, 4);
    x64_patch32(b, at, target);
    return at;
}

static bool short_reaches(const struct x64_buf *b, uintptr_t target)
{
    return x64_fits8((int64_t)(target - (x64_here(b) + 2)));
}

void x64_jcc(struct x64_buf *b, enum x64_cc cc, uintptr_t target)
{
    if (short_reaches(b, target)) {
        x64_byte(b, 0x70 + cc);
        x64_byte(b, (uint8_t)(target - (x64_here(b) + 1)));
    } else
        x64_jcc32(b, cc, target);
}

void x64_jmp(struct x64_buf *b, uintptr_t target)
{
    if (short_reaches(b, target)) {
        x64_byte(b, 0xEB);
        x64_byte(b, (uint8_t)(target - (x64_here(b) + 1)));
    } else
        x64_jmp32(b, target);
}

size_t x64_jcc32(struct x64_buf *b, enum x64_cc cc, uintptr_t target)
{
    return rel32_op(b, 0x0F80 + cc, target);
}

size_t x64_jmp32(struct x64_buf *b, uintptr_t target)
{
    return rel32_op(b, 0xE9, target);
}

/* An open rel32 points at the next instruction until it is bound. */
size_t x64_jcc_fwd(struct x64_buf *b, enum x64_cc cc)
{
    return x64_jcc32(b, cc, x64_here(b) + 6);
}

size_t x64_jmp_fwd(struct x64_buf *b)
{
    return x64_jmp32(b, x64_here(b) + 5);
}

size_t x64_jcc8_fwd(struct x64_buf *b, enum x64_cc cc)
{
    x64_byte(b, 0x70 + cc);
    x64_byte(b, 0);
    return x64_offset(b) - 1;
}

size_t x64_jmp8_fwd(struct x64_buf *b)
{
    x64_byte(b, 0xEB);
    x64_byte(b, 0);
    return x64_offset(b) - 1;
}

/* After an overflow the offsets handed out may not be in the buffer: the
 * block is dead anyway, so patching does nothing. */
void x64_patch32(struct x64_buf *b, size_t at, uintptr_t target)
{
    if (b->overflow || at + 4 > x64_offset(b))
        return;
    x64_set_rel32(b->start + at, (uintptr_t)(b->start + at) + (uintptr_t)b->delta, target);
}

void x64_bind(struct x64_buf *b, size_t at)
{
    x64_patch32(b, at, x64_here(b));
}

void x64_bind8(struct x64_buf *b, size_t at)
{
    if (b->overflow || at + 1 > x64_offset(b))
        return;
    int64_t d = (int64_t)(x64_offset(b) - (at + 1));
    if (!x64_fits8(d))
        x64_fail("short forward jump out of range");
    b->start[at] = (uint8_t)d;
}

void x64_call(struct x64_buf *b, uintptr_t target)
{
    rel32_op(b, 0xE8, target);
}

size_t x64_call_fwd(struct x64_buf *b)
{
    return rel32_op(b, 0xE8, x64_here(b) + 5);
}

void x64_call_abs(struct x64_buf *b, uintptr_t target, enum x64_reg scratch)
{
    if (x64_reach(b, target))
        x64_call(b, target);
    else {
        x64_mov_ri(b, scratch, target);
        x64_call_r(b, scratch);
    }
}

void x64_jmp_abs(struct x64_buf *b, uintptr_t target, enum x64_reg scratch)
{
    if (x64_reach(b, target))
        x64_jmp(b, target);
    else {
        x64_mov_ri(b, scratch, target);
        x64_jmp_r(b, scratch);
    }
}

/* FF /2 call, FF /4 jmp: 64-bit operands without REX.W. */
void x64_call_r(struct x64_buf *b, enum x64_reg r) { x64_enc(b, 0, 0xFF, 2, x64_r(r), 0, 0); }
void x64_jmp_r(struct x64_buf *b, enum x64_reg r) { x64_enc(b, 0, 0xFF, 4, x64_r(r), 0, 0); }
void x64_call_m(struct x64_buf *b, struct x64_mem m) { x64_enc(b, 0, 0xFF, 2, x64_m(m), 0, 0); }
void x64_jmp_m(struct x64_buf *b, struct x64_mem m) { x64_enc(b, 0, 0xFF, 4, x64_m(m), 0, 0); }

void x64_ret(struct x64_buf *b) { x64_byte(b, 0xC3); }
void x64_int3(struct x64_buf *b) { x64_byte(b, 0xCC); }

void x64_ud2(struct x64_buf *b)
{
    x64_byte(b, 0x0F);
    x64_byte(b, 0x0B);
}

void x64_data64(struct x64_buf *b, uint64_t v)
{
    x64_imm(b, (int64_t)v, 8);
}

/* The recommended multi-byte nops (Intel SDM, NOP): 0F 1F /0 with growing
 * memory operands and 66 prefixes; longer runs repeat the 9-byte one. */
void x64_nop(struct x64_buf *b, unsigned bytes)
{
    static const uint8_t nops[9][9] = {
        {0x90},
        {0x66, 0x90},
        {0x0F, 0x1F, 0x00},
        {0x0F, 0x1F, 0x40, 0x00},
        {0x0F, 0x1F, 0x44, 0x00, 0x00},
        {0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00},
        {0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00},
        {0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
        {0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
    };
    while (bytes) {
        unsigned n = bytes > 9 ? 9 : bytes;
        for (unsigned i = 0; i < n; i++)
            x64_byte(b, nops[n - 1][i]);
        bytes -= n;
    }
}

void x64_branch_pad(struct x64_buf *b, unsigned bytes)
{
    /* A CS override, which 64-bit mode ignores (and which, on a jcc, is
     * the old not-taken hint that current cores ignore too). Up to three,
     * as more cost some decoders a cycle. */
    if (bytes > 3)
        x64_fail("at most three padding prefixes");
    for (unsigned i = 0; i < bytes; i++)
        x64_byte(b, 0x2E);
}

void x64_align(struct x64_buf *b, unsigned align)
{
    if (!align || align & (align - 1))
        x64_fail("alignment must be a power of two");
    x64_nop(b, (unsigned)(-x64_here(b) & (align - 1)));
}
