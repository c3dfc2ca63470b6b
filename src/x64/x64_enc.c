/* The core of the encoder: the code buffer, and the ModRM/SIB/REX/VEX rules
 * every instruction goes through, so the special cases of x86-64 addressing
 * live in one place: RSP and R12 as a base need a SIB byte, RBP and R13 as a
 * base need a displacement (disp8 0), RSP cannot be an index, SPL..DIL need
 * a REX prefix (without one they would mean AH..BH), and a RIP-relative
 * displacement counts from the end of the instruction, immediate included. */
#include "x64/enc.h"

#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void x64_fail(const char *why)
{
    fprintf(stderr, "hart: x64 encoder: %s\n", why);
    abort();
}

void x64_init(struct x64_buf *b, void *mem, size_t size)
{
    x64_init_at(b, mem, size, (uintptr_t)mem);
}

void x64_init_at(struct x64_buf *b, void *mem, size_t size, uintptr_t run_at)
{
    b->start = b->cur = mem;
    b->end = b->start + size;
    b->overflow = false;
    b->delta = (intptr_t)(run_at - (uintptr_t)mem);
}

bool x64_reach(const struct x64_buf *b, uintptr_t target)
{
    /* The displacement counts from the end of a 5-byte jmp/call or a 6-byte jcc. */
    int64_t d = (int64_t)(target - x64_here(b));
    return d - 6 >= INT32_MIN && d - 5 <= INT32_MAX;
}

void x64_set_rel32(void *p, uintptr_t p_run, uintptr_t target)
{
    int64_t d = (int64_t)(target - (p_run + 4));
    if (!x64_fits32(d))
        x64_fail("branch target out of rel32 range");
    uint32_t v = (uint32_t)d;
    uint8_t *q = p;
    for (int i = 0; i < 4; i++)
        q[i] = (uint8_t)(v >> 8 * i);
}

void x64_imm(struct x64_buf *b, int64_t v, unsigned bytes)
{
    /* The usual sizes as one store each (little-endian, as the host is),
     * writing nothing past the immediate: code may be re-encoded in place. */
    uint64_t u = (uint64_t)v;
    if ((size_t)(b->end - b->cur) >= bytes) {
        switch (bytes) {
        case 1: *b->cur = (uint8_t)u; break;
        case 2: memcpy(b->cur, &(uint16_t){(uint16_t)u}, 2); break;
        case 4: memcpy(b->cur, &(uint32_t){(uint32_t)u}, 4); break;
        case 8: memcpy(b->cur, &u, 8); break;
        default:
            for (unsigned i = 0; i < bytes; i++)
                b->cur[i] = (uint8_t)(u >> 8 * i);
        }
        b->cur += bytes;
        return;
    }
    for (unsigned i = 0; i < bytes; i++)
        x64_byte(b, (uint8_t)(u >> 8 * i));
}

static unsigned rex_bits(unsigned reg, struct x64_rm rm)
{
    unsigned r = (reg & 8) >> 1;
    if (!rm.is_mem)
        return r | (rm.reg & 8) >> 3;
    if (rm.m.index < 16)
        r |= (rm.m.index & 8) >> 2;
    if (rm.m.base < 16)
        r |= (rm.m.base & 8) >> 3;
    return r;
}

/* ModRM, SIB, displacement and immediate. */
static void modrm_tail(struct x64_buf *b, unsigned reg, struct x64_rm rm,
                       unsigned immbytes, int64_t imm)
{
    reg &= 7;
    if (!rm.is_mem) {
        x64_byte(b, 0xC0 | reg << 3 | (rm.reg & 7));
        x64_imm(b, imm, immbytes);
        return;
    }
    struct x64_mem m = rm.m;
    static const int8_t ss[9] = {-1, 0, 1, -1, 2, -1, -1, -1, 3};
    if (m.scale > 8 || ss[m.scale] < 0)
        x64_fail("bad scale");
    if (m.index == RSP || m.index > X64_NONE || m.base > X64_RIP ||
        m.base < 0 || m.index < 0)
        x64_fail("bad memory operand registers");
    unsigned sib = (unsigned)ss[m.scale] << 6 | (m.index & 7) << 3;
    if (m.base == X64_RIP) {
        if (m.index != X64_NONE)
            x64_fail("RIP-relative operand with an index");
        x64_byte(b, 0x05 | reg << 3);
        uint8_t *disp = b->cur;
        x64_imm(b, 0, 4);
        x64_imm(b, imm, immbytes);
        if (!b->overflow) // relative to the end of the whole instruction
            x64_set_rel32(disp, x64_here(b) - 4, (uintptr_t)m.disp);
        return;
    }
    if (!x64_fits32(m.disp))
        x64_fail("displacement out of range");
    if (m.base == X64_NONE) {          /* [index*scale + disp32] or [disp32] */
        x64_byte(b, 0x04 | reg << 3);
        x64_byte(b, (m.index == X64_NONE ? 0x20 : sib) | 5);
        x64_imm(b, m.disp, 4);
    } else {
        unsigned mod = m.disp == 0 && (m.base & 7) != 5 ? 0
                       : x64_fits8(m.disp)              ? 1
                                                        : 2;
        if (m.index == X64_NONE && (m.base & 7) != 4) {
            x64_byte(b, mod << 6 | reg << 3 | (m.base & 7));
        } else {
            x64_byte(b, mod << 6 | reg << 3 | 4);
            x64_byte(b, (m.index == X64_NONE ? 0x20 : sib) | (m.base & 7));
        }
        x64_imm(b, m.disp, mod == 1 ? 1 : mod == 2 ? 4 : 0);
    }
    x64_imm(b, imm, immbytes);
}

static void prefixes(struct x64_buf *b, unsigned flags)
{
    if (flags & F_66)
        x64_byte(b, 0x66);
    if (flags & F_LOCK)
        x64_byte(b, 0xF0);
    if (flags & F_F2)
        x64_byte(b, 0xF2);
    if (flags & F_F3)
        x64_byte(b, 0xF3);
}

static void opcode_bytes(struct x64_buf *b, uint32_t op)
{
    if (op > 0xFFFF)
        x64_byte(b, op >> 16);
    if (op > 0xFF)
        x64_byte(b, op >> 8 & 0xFF);
    x64_byte(b, op & 0xFF);
}

static bool is_byte_high(unsigned r) { return r >= 4 && r < 8; }

static void check_regs(unsigned reg, struct x64_rm rm)
{
    if (reg > 15 || (!rm.is_mem && rm.reg > 15))
        x64_fail("bad register");
}

void x64_enc(struct x64_buf *b, unsigned flags, uint32_t opcode, unsigned reg,
             struct x64_rm rm, unsigned immbytes, int64_t imm)
{
    check_regs(reg, rm);
    if (rm.is_mem && rm.m.gs)
        x64_byte(b, 0x65);
    prefixes(b, flags);
    unsigned rex = rex_bits(reg, rm) | (flags & F_W ? 8 : 0);
    if (rex || (flags & F_BREG && is_byte_high(reg)) ||
        (flags & F_BRM && !rm.is_mem && is_byte_high(rm.reg)))
        x64_byte(b, 0x40 | rex);
    opcode_bytes(b, opcode);
    modrm_tail(b, reg, rm, immbytes, imm);
}

void x64_enc_o(struct x64_buf *b, unsigned flags, uint32_t opcode, unsigned reg,
               unsigned immbytes, int64_t imm)
{
    check_regs(reg, x64_r(0));
    prefixes(b, flags);
    unsigned rex = (reg & 8) >> 3 | (flags & F_W ? 8 : 0);
    if (rex || (flags & F_BREG && is_byte_high(reg)))
        x64_byte(b, 0x40 | rex);
    opcode_bytes(b, opcode + (reg & 7));
    x64_imm(b, imm, immbytes);
}

void x64_vex(struct x64_buf *b, unsigned pp, unsigned map, bool w, unsigned vvvv,
             uint8_t opcode, unsigned reg, struct x64_rm rm, unsigned immbytes,
             int64_t imm)
{
    check_regs(reg | vvvv, rm);
    if (rm.is_mem && rm.m.gs)
        x64_byte(b, 0x65);
    unsigned rxb = rex_bits(reg, rm) ^ 7; /* stored inverted */
    unsigned tail = (~vvvv & 15) << 3 | pp;
    if (map == 1 && !w && (rxb & 3) == 3) {
        x64_byte(b, 0xC5);
        x64_byte(b, (rxb & 4) << 5 | tail);
    } else {
        x64_byte(b, 0xC4);
        x64_byte(b, rxb << 5 | map);
        x64_byte(b, (unsigned)w << 7 | tail);
    }
    x64_byte(b, opcode);
    modrm_tail(b, reg, rm, immbytes, imm);
}

unsigned x64_cpu(void)
{
    static _Atomic unsigned cached; /* bit 31 marks it valid; a race stores the same */
    if (cached)
        return cached & ~(1u << 31);
    unsigned a, b, c, d, has = 1u << 31;
    if (__get_cpuid(1, &a, &b, &c, &d)) {
        if (c & 1u << 19)
            has |= X64_HAS_SSE41;
        if (c & 1u << 23)
            has |= X64_HAS_POPCNT;
        /* FMA and AVX are VEX on XMM state: the OS must save AVX state
         * (XCR0 bits 1,2). */
        if (c & 1u << 27) {
            unsigned lo, hi;
            __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
            if ((lo & 6) == 6 && c & 1u << 12)
                has |= X64_HAS_FMA;
            if ((lo & 6) == 6 && c & 1u << 28)
                has |= X64_HAS_AVX;
        }
    }
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        if (b & 1u << 3)
            has |= X64_HAS_BMI1;
        if (b & 1u << 8)
            has |= X64_HAS_BMI2;
    }
    if (__get_cpuid(0x80000001, &a, &b, &c, &d) && c & 1u << 5)
        has |= X64_HAS_LZCNT;
    cached = has;
    return has & ~(1u << 31);
}
