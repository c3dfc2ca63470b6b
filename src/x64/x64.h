/* The x86-64 machine-code encoder the translator writes host code with. Each
 * call emits one instruction and reads like the assembly it produces:
 *
 *     x64_load(b, W64, false, RAX, x64_mem(RBP, 8));   // mov rax, [rbp+8]
 *     x64_add_ri(b, W32, RAX, 1);                      // add eax, 1
 *     size_t j = x64_jcc_fwd(b, CC_E);                 // je <later>
 *     x64_shl_ri(b, W64, RAX, 3);                      // shl rax, 3
 *     x64_bind(b, j);                                  // <later>:
 *
 * Using it: point a struct x64_buf at writable memory with x64_init (or
 * x64_init_at when the code will run from another address than the one it is
 * written at, as with a dual-mapped code cache), emit, then check
 * b->overflow once: an instruction that does not fit sets it and writes
 * nothing more, so a caller emits a whole block and then either keeps it or
 * throws it away (flush the cache, retry). Branch targets and RIP-relative
 * operands are run addresses (x64_here gives the current one); a forward
 * branch is emitted with x64_jcc_fwd/x64_jmp_fwd, which return the offset of
 * its displacement, and pointed at its target later with x64_bind (to here)
 * or x64_patch32 (anywhere); the rel8 forms pair with x64_bind8.
 *
 * Every encoding choice is the shortest one (imm8 forms, disp8, accumulator
 * short forms, `mov r32, imm32` for small constants) and matches what GNU as
 * emits for the same text; tests/x64 checks that byte for byte. Operands the
 * hardware cannot encode (index RSP, scale 3, a displacement out of range)
 * abort: they are translator bugs, never guest behaviour.
 *
 * The register names (RAX..R15) are bare enum constants, as in assembly;
 * <sys/reg.h> (ptrace) #defines the same names, so the two do not mix. */
#ifndef HART_X64_X64_H
#define HART_X64_X64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct x64_buf {
    uint8_t *start, *cur, *end;
    bool overflow;   /* some instruction did not fit: discard the block */
    intptr_t delta;  /* run address minus write address */
};

enum x64_reg {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
    R8, R9, R10, R11, R12, R13, R14, R15,
    X64_NONE,  /* no base or no index in a memory operand */
    X64_RIP,   /* base of a RIP-relative operand */
};
enum x64_xmm {
    XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7,
    XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15,
};
enum x64_cc {
    CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A,
    CC_S, CC_NS, CC_P, CC_NP, CC_L, CC_GE, CC_LE, CC_G,
};
static inline enum x64_cc x64_cc_not(enum x64_cc cc) { return cc ^ 1; }

/* Operand width in bits. Byte registers 4-7 are SPL BPL SIL DIL (never AH..BH). */
enum x64_width { W8 = 8, W16 = 16, W32 = 32, W64 = 64 };

/* [base + index*scale + disp]; base X64_NONE gives [index*scale + disp32]
 * (or an absolute [disp32]); base X64_RIP holds the run address in disp. */
struct x64_mem {
    int8_t base, index;
    uint8_t scale;
    int64_t disp;
    bool gs; /* relative to the GS segment base (a 0x65 prefix) */
};
static inline struct x64_mem x64_mem(enum x64_reg base, int32_t disp)
{
    return (struct x64_mem){base, X64_NONE, 1, disp, false};
}
static inline struct x64_mem x64_mem_idx(enum x64_reg base, enum x64_reg index,
                                         unsigned scale, int32_t disp)
{
    return (struct x64_mem){base, index, (uint8_t)scale, disp, false};
}
/* [gs: base + disp]: the translator keeps the guest space's host address
 * in the GS base, which frees a register for guest state. */
static inline struct x64_mem x64_mem_gs(enum x64_reg base, int32_t disp)
{
    return (struct x64_mem){base, X64_NONE, 1, disp, true};
}
static inline struct x64_mem x64_mem_abs(int32_t addr)
{
    return (struct x64_mem){X64_NONE, X64_NONE, 1, addr, false};
}
static inline struct x64_mem x64_mem_rip(uintptr_t target)
{
    return (struct x64_mem){X64_RIP, X64_NONE, 1, (int64_t)target, false};
}

/* ---- buffer (x64_enc.c) ---- */
void x64_init(struct x64_buf *b, void *mem, size_t size);
void x64_init_at(struct x64_buf *b, void *mem, size_t size, uintptr_t run_at);
static inline size_t x64_offset(const struct x64_buf *b)
{
    return (size_t)(b->cur - b->start);
}
static inline uintptr_t x64_here(const struct x64_buf *b)
{
    return (uintptr_t)b->cur + (uintptr_t)b->delta;
}
/* Whether a rel32 branch emitted here reaches target. */
bool x64_reach(const struct x64_buf *b, uintptr_t target);
/* Writes the rel32 at write address p (run address p_run) so that the
 * instruction ending right after it goes to target: for re-pointing
 * branches after emission (chaining). */
void x64_set_rel32(void *p, uintptr_t p_run, uintptr_t target);

/* Host features the optional instructions need (bit set, from cpuid, cached). */
enum {
    X64_HAS_SSE41 = 1, X64_HAS_POPCNT = 2, X64_HAS_LZCNT = 4, X64_HAS_BMI1 = 8,
    X64_HAS_BMI2 = 16, X64_HAS_FMA = 32, X64_HAS_AVX = 64,
};
unsigned x64_cpu(void);

/* ---- integer (x64_alu.c) ---- */
enum x64_alu { X64_ADD, X64_OR, X64_ADC, X64_SBB, X64_AND, X64_SUB, X64_XOR, X64_CMP };
void x64_alu_rr(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                enum x64_reg dst, enum x64_reg src);
void x64_alu_ri(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                enum x64_reg dst, int32_t imm);
void x64_alu_rm(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                enum x64_reg dst, struct x64_mem src);
void x64_alu_mr(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                struct x64_mem dst, enum x64_reg src);
void x64_alu_mi(struct x64_buf *b, enum x64_alu op, enum x64_width w,
                struct x64_mem dst, int32_t imm);
/* x64_add_rr/_ri/_rm/_mr/_mi, and the same for or adc sbb and sub xor cmp. */
#define X64_ALU_NAMED(name, OP)                                                \
    static inline void x64_##name##_rr(struct x64_buf *b, enum x64_width w,    \
                                       enum x64_reg d, enum x64_reg s)         \
    { x64_alu_rr(b, OP, w, d, s); }                                            \
    static inline void x64_##name##_ri(struct x64_buf *b, enum x64_width w,    \
                                       enum x64_reg d, int32_t i)              \
    { x64_alu_ri(b, OP, w, d, i); }                                            \
    static inline void x64_##name##_rm(struct x64_buf *b, enum x64_width w,    \
                                       enum x64_reg d, struct x64_mem m)       \
    { x64_alu_rm(b, OP, w, d, m); }                                            \
    static inline void x64_##name##_mr(struct x64_buf *b, enum x64_width w,    \
                                       struct x64_mem m, enum x64_reg s)       \
    { x64_alu_mr(b, OP, w, m, s); }                                            \
    static inline void x64_##name##_mi(struct x64_buf *b, enum x64_width w,    \
                                       struct x64_mem m, int32_t i)            \
    { x64_alu_mi(b, OP, w, m, i); }
X64_ALU_NAMED(add, X64_ADD)
X64_ALU_NAMED(or, X64_OR)
X64_ALU_NAMED(adc, X64_ADC)
X64_ALU_NAMED(sbb, X64_SBB)
X64_ALU_NAMED(and, X64_AND)
X64_ALU_NAMED(sub, X64_SUB)
X64_ALU_NAMED(xor, X64_XOR)
X64_ALU_NAMED(cmp, X64_CMP)
#undef X64_ALU_NAMED

void x64_test_rr(struct x64_buf *b, enum x64_width w, enum x64_reg a, enum x64_reg c);
void x64_test_ri(struct x64_buf *b, enum x64_width w, enum x64_reg a, int32_t imm);
void x64_test_mr(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg c);
void x64_test_mi(struct x64_buf *b, enum x64_width w, struct x64_mem m, int32_t imm);

void x64_mov_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
/* dst = imm (all 64 bits), shortest form; leaves the flags alone. */
void x64_mov_ri(struct x64_buf *b, enum x64_reg dst, uint64_t imm);
/* movabs r64, imm64 whatever the value: returns the offset of the
 * immediate, for code that rewrites it later. */
size_t x64_movabs(struct x64_buf *b, enum x64_reg dst, uint64_t imm);
/* dst = 0 with `xor r32, r32`: shortest, but clobbers the flags. */
void x64_zero(struct x64_buf *b, enum x64_reg dst);
/* dst = low `from` bits of src, zero- or sign-extended to 64 bits
 * (W8, W16, W32; movzx / mov r32 / movsx / movsxd). */
void x64_movzx_rr(struct x64_buf *b, enum x64_width from, enum x64_reg dst, enum x64_reg src);
void x64_movsx_rr(struct x64_buf *b, enum x64_width from, enum x64_reg dst, enum x64_reg src);
static inline void x64_movsxd_rr(struct x64_buf *b, enum x64_reg dst, enum x64_reg src)
{
    x64_movsx_rr(b, W32, dst, src);
}

enum x64_shift { X64_ROL = 0, X64_ROR = 1, X64_SHL = 4, X64_SHR = 5, X64_SAR = 7 };
void x64_shift_ri(struct x64_buf *b, enum x64_shift op, enum x64_width w,
                  enum x64_reg r, uint8_t imm);
/* The same on a memory operand (read, shift, write back). */
void x64_shift_mi(struct x64_buf *b, enum x64_shift op, enum x64_width w,
                  struct x64_mem m, uint8_t imm);
void x64_shift_cl(struct x64_buf *b, enum x64_shift op, enum x64_width w, enum x64_reg r);
/* x64_shl_ri / x64_shl_cl, and the same for shr sar rol ror. */
#define X64_SHIFT_NAMED(name, OP)                                              \
    static inline void x64_##name##_ri(struct x64_buf *b, enum x64_width w,    \
                                       enum x64_reg r, uint8_t i)              \
    { x64_shift_ri(b, OP, w, r, i); }                                          \
    static inline void x64_##name##_cl(struct x64_buf *b, enum x64_width w,    \
                                       enum x64_reg r)                         \
    { x64_shift_cl(b, OP, w, r); }
X64_SHIFT_NAMED(shl, X64_SHL)
X64_SHIFT_NAMED(shr, X64_SHR)
X64_SHIFT_NAMED(sar, X64_SAR)
X64_SHIFT_NAMED(rol, X64_ROL)
X64_SHIFT_NAMED(ror, X64_ROR)
#undef X64_SHIFT_NAMED
/* BMI2: dst = src shifted by count (masked like the legacy forms), no flags. */
void x64_shlx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, enum x64_reg count);
void x64_shrx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, enum x64_reg count);
void x64_sarx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, enum x64_reg count);
void x64_rorx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, uint8_t imm);
/* BMI1: dst = ~a & c. */
void x64_andn(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg a, enum x64_reg c);

void x64_imul_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
void x64_imul_rm(struct x64_buf *b, enum x64_width w, enum x64_reg dst, struct x64_mem src);
void x64_imul_rri(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src, int32_t imm);
/* One operand, on rdx:rax (edx:eax): widening multiplies and divides. */
void x64_mul_r(struct x64_buf *b, enum x64_width w, enum x64_reg src);
void x64_imul_r(struct x64_buf *b, enum x64_width w, enum x64_reg src);
void x64_div_r(struct x64_buf *b, enum x64_width w, enum x64_reg src);
void x64_idiv_r(struct x64_buf *b, enum x64_width w, enum x64_reg src);
void x64_neg_r(struct x64_buf *b, enum x64_width w, enum x64_reg r);
void x64_not_r(struct x64_buf *b, enum x64_width w, enum x64_reg r);
void x64_cqo(struct x64_buf *b);  /* rdx = sign of rax */
void x64_cdq(struct x64_buf *b);  /* edx = sign of eax */
void x64_bswap_r(struct x64_buf *b, enum x64_width w, enum x64_reg r);

void x64_lzcnt_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
void x64_tzcnt_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
void x64_popcnt_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
void x64_bsr_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
void x64_bsf_rr(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_reg src);
/* Bit test (CF = bit) and test-and-set/reset/complement of bit (bit mod w). */
enum x64_bt { X64_BT = 4, X64_BTS = 5, X64_BTR = 6, X64_BTC = 7 };
void x64_bt_rr(struct x64_buf *b, enum x64_bt op, enum x64_width w, enum x64_reg r, enum x64_reg bit);
void x64_bt_ri(struct x64_buf *b, enum x64_bt op, enum x64_width w, enum x64_reg r, uint8_t bit);

void x64_setcc_r(struct x64_buf *b, enum x64_cc cc, enum x64_reg r);  /* byte */
void x64_cmov_rr(struct x64_buf *b, enum x64_cc cc, enum x64_width w, enum x64_reg dst, enum x64_reg src);
void x64_cmov_rm(struct x64_buf *b, enum x64_cc cc, enum x64_width w, enum x64_reg dst, struct x64_mem src);

/* ---- memory, stack, atomics (x64_mem.c) ---- */
/* dst = [m]: W8/W16 zero-extend to 64 bits or sign-extend (signext), W32
 * likewise (mov r32 / movsxd), W64 plain. */
void x64_load(struct x64_buf *b, enum x64_width w, bool signext, enum x64_reg dst, struct x64_mem m);
void x64_store(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg src);
/* [m] = imm (W64 sign-extends the 32-bit immediate). */
void x64_store_i(struct x64_buf *b, enum x64_width w, struct x64_mem m, int32_t imm);
void x64_lea(struct x64_buf *b, enum x64_width w, enum x64_reg dst, struct x64_mem m);
void x64_push_r(struct x64_buf *b, enum x64_reg r);
void x64_pop_r(struct x64_buf *b, enum x64_reg r);
void x64_xchg_rr(struct x64_buf *b, enum x64_width w, enum x64_reg a, enum x64_reg c);
void x64_xchg_mr(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg r); /* locked */
/* A LOCK prefix for the next instruction (lock add/or/and/xor [m], r). */
void x64_lock(struct x64_buf *b);
void x64_lock_xadd(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg r);
/* if ([m] == rax) [m] = r else rax = [m]; ZF = success. */
void x64_lock_cmpxchg(struct x64_buf *b, enum x64_width w, struct x64_mem m, enum x64_reg r);
void x64_mfence(struct x64_buf *b);
void x64_pause(struct x64_buf *b);

/* ---- control flow (x64_branch.c) ---- */
/* Branches to a run address, rel8 when it reaches, else rel32. */
void x64_jcc(struct x64_buf *b, enum x64_cc cc, uintptr_t target);
void x64_jmp(struct x64_buf *b, uintptr_t target);
/* Always rel32 (a fixed size, for later patching); return the offset of the
 * displacement. The _fwd forms leave the target open: x64_bind / x64_patch32. */
size_t x64_jcc32(struct x64_buf *b, enum x64_cc cc, uintptr_t target);
size_t x64_jmp32(struct x64_buf *b, uintptr_t target);
size_t x64_jcc_fwd(struct x64_buf *b, enum x64_cc cc);
size_t x64_jmp_fwd(struct x64_buf *b);
/* Short forward branches; the target must end up within 127 bytes. */
size_t x64_jcc8_fwd(struct x64_buf *b, enum x64_cc cc);
size_t x64_jmp8_fwd(struct x64_buf *b);
void x64_bind(struct x64_buf *b, size_t at);   /* rel32 at `at` -> here */
void x64_bind8(struct x64_buf *b, size_t at);  /* rel8 at `at` -> here */
void x64_patch32(struct x64_buf *b, size_t at, uintptr_t target);
/* call rel32; the target must be in reach (x64_reach). */
void x64_call(struct x64_buf *b, uintptr_t target);
/* call rel32 with the target left open, like x64_jmp_fwd. */
size_t x64_call_fwd(struct x64_buf *b);
/* Anywhere: rel32 when in reach, else through scratch (mov scratch, imm64). */
void x64_call_abs(struct x64_buf *b, uintptr_t target, enum x64_reg scratch);
void x64_jmp_abs(struct x64_buf *b, uintptr_t target, enum x64_reg scratch);
void x64_jmp_r(struct x64_buf *b, enum x64_reg r);
void x64_call_r(struct x64_buf *b, enum x64_reg r);
void x64_jmp_m(struct x64_buf *b, struct x64_mem m);
void x64_call_m(struct x64_buf *b, struct x64_mem m);
void x64_ret(struct x64_buf *b);
void x64_int3(struct x64_buf *b);
void x64_ud2(struct x64_buf *b);
void x64_nop(struct x64_buf *b, unsigned bytes);   /* fewest instructions */
/* Eight bytes of data (little-endian) among the code, never run: a
 * constant that an instruction reads RIP-relative (x64_mem_rip). */
void x64_data64(struct x64_buf *b, uint64_t v);
void x64_align(struct x64_buf *b, unsigned align); /* nops to a run address multiple */
/* 0 to 3 prefix bytes that the direct jmp, jcc or call emitted next
 * ignores: padding that, unlike a nop, costs no instruction. */
void x64_branch_pad(struct x64_buf *b, unsigned bytes);

/* ---- SSE2 / SSE4.1 scalar, FMA3 (x64_sse.c) ---- */
/* Two-operand SSE forms, dst op= src; the value is prefix:0F:opcode. */
enum x64_sse {
    X64_MOVSD = 0xF20F10, X64_MOVSS = 0xF30F10,
    X64_MOVAPD = 0x660F28, X64_MOVAPS = 0x000F28,
    X64_ADDSD = 0xF20F58, X64_ADDSS = 0xF30F58, X64_SUBSD = 0xF20F5C, X64_SUBSS = 0xF30F5C,
    X64_MULSD = 0xF20F59, X64_MULSS = 0xF30F59, X64_DIVSD = 0xF20F5E, X64_DIVSS = 0xF30F5E,
    X64_SQRTSD = 0xF20F51, X64_SQRTSS = 0xF30F51,
    X64_MINSD = 0xF20F5D, X64_MINSS = 0xF30F5D, X64_MAXSD = 0xF20F5F, X64_MAXSS = 0xF30F5F,
    X64_UCOMISD = 0x660F2E, X64_UCOMISS = 0x000F2E, X64_COMISD = 0x660F2F, X64_COMISS = 0x000F2F,
    X64_CVTSS2SD = 0xF30F5A, X64_CVTSD2SS = 0xF20F5A,
    X64_ANDPD = 0x660F54, X64_ANDNPD = 0x660F55, X64_ORPD = 0x660F56, X64_XORPD = 0x660F57,
    X64_ANDPS = 0x000F54, X64_ANDNPS = 0x000F55, X64_ORPS = 0x000F56, X64_XORPS = 0x000F57,
    X64_PAND = 0x660FDB, X64_POR = 0x660FEB, X64_PXOR = 0x660FEF,
};
void x64_sse_xx(struct x64_buf *b, enum x64_sse op, enum x64_xmm dst, enum x64_xmm src);
void x64_sse_xm(struct x64_buf *b, enum x64_sse op, enum x64_xmm dst, struct x64_mem src);
/* x64_addsd_xx(b, XMM0, XMM1) / x64_addsd_xm(b, XMM0, mem) for each op above. */
#define X64_SSE_NAMED(name, OP)                                                \
    static inline void x64_##name##_xx(struct x64_buf *b, enum x64_xmm d,      \
                                       enum x64_xmm s)                         \
    { x64_sse_xx(b, OP, d, s); }                                               \
    static inline void x64_##name##_xm(struct x64_buf *b, enum x64_xmm d,      \
                                       struct x64_mem m)                       \
    { x64_sse_xm(b, OP, d, m); }
X64_SSE_NAMED(movsd, X64_MOVSD) X64_SSE_NAMED(movss, X64_MOVSS)
X64_SSE_NAMED(movapd, X64_MOVAPD) X64_SSE_NAMED(movaps, X64_MOVAPS)
X64_SSE_NAMED(addsd, X64_ADDSD) X64_SSE_NAMED(addss, X64_ADDSS)
X64_SSE_NAMED(subsd, X64_SUBSD) X64_SSE_NAMED(subss, X64_SUBSS)
X64_SSE_NAMED(mulsd, X64_MULSD) X64_SSE_NAMED(mulss, X64_MULSS)
X64_SSE_NAMED(divsd, X64_DIVSD) X64_SSE_NAMED(divss, X64_DIVSS)
X64_SSE_NAMED(sqrtsd, X64_SQRTSD) X64_SSE_NAMED(sqrtss, X64_SQRTSS)
X64_SSE_NAMED(minsd, X64_MINSD) X64_SSE_NAMED(minss, X64_MINSS)
X64_SSE_NAMED(maxsd, X64_MAXSD) X64_SSE_NAMED(maxss, X64_MAXSS)
X64_SSE_NAMED(ucomisd, X64_UCOMISD) X64_SSE_NAMED(ucomiss, X64_UCOMISS)
X64_SSE_NAMED(comisd, X64_COMISD) X64_SSE_NAMED(comiss, X64_COMISS)
X64_SSE_NAMED(cvtss2sd, X64_CVTSS2SD) X64_SSE_NAMED(cvtsd2ss, X64_CVTSD2SS)
X64_SSE_NAMED(andpd, X64_ANDPD) X64_SSE_NAMED(andnpd, X64_ANDNPD)
X64_SSE_NAMED(orpd, X64_ORPD) X64_SSE_NAMED(xorpd, X64_XORPD)
X64_SSE_NAMED(andps, X64_ANDPS) X64_SSE_NAMED(andnps, X64_ANDNPS)
X64_SSE_NAMED(orps, X64_ORPS) X64_SSE_NAMED(xorps, X64_XORPS)
X64_SSE_NAMED(pand, X64_PAND) X64_SSE_NAMED(por, X64_POR) X64_SSE_NAMED(pxor, X64_PXOR)
#undef X64_SSE_NAMED
/* Stores of the low 64 / 32 bits. */
void x64_movsd_mx(struct x64_buf *b, struct x64_mem m, enum x64_xmm src);
void x64_movss_mx(struct x64_buf *b, struct x64_mem m, enum x64_xmm src);
/* Between GPR and XMM: movq (64 bits) and movd (32 bits); to XMM zeroes the rest. */
void x64_movq_xr(struct x64_buf *b, enum x64_xmm dst, enum x64_reg src);
void x64_movq_rx(struct x64_buf *b, enum x64_reg dst, enum x64_xmm src);
void x64_movd_xr(struct x64_buf *b, enum x64_xmm dst, enum x64_reg src);
void x64_movd_rx(struct x64_buf *b, enum x64_reg dst, enum x64_xmm src);
/* Integer (w bits, signed) to FP, and FP to integer, truncating (cvtt) or in
 * the MXCSR rounding mode (cvt). */
void x64_cvtsi2sd_xr(struct x64_buf *b, enum x64_width w, enum x64_xmm dst, enum x64_reg src);
void x64_cvtsi2ss_xr(struct x64_buf *b, enum x64_width w, enum x64_xmm dst, enum x64_reg src);
void x64_cvttsd2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src);
void x64_cvtsd2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src);
void x64_cvttss2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src);
void x64_cvtss2si_rx(struct x64_buf *b, enum x64_width w, enum x64_reg dst, enum x64_xmm src);
/* SSE4.1 round; imm bits 1:0 = mode (RNE RDN RUP RTZ), bit 2 = use MXCSR,
 * bit 3 = suppress the inexact flag. */
void x64_roundsd_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t imm);
void x64_roundss_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t imm);
/* cmpsd/cmpss predicate imm: 0 eq, 1 lt, 2 le, 3 unord, 4 neq, 5 nlt, 6 nle, 7 ord. */
void x64_cmpsd_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t pred);
void x64_cmpss_xx(struct x64_buf *b, enum x64_xmm dst, enum x64_xmm src, uint8_t pred);
void x64_ldmxcsr(struct x64_buf *b, struct x64_mem m);
void x64_stmxcsr(struct x64_buf *b, struct x64_mem m);

/* The VEX three-operand form of a scalar SSE arithmetic op (vaddsd and
 * the like, X64_HAS_AVX): d = a op c, the rest of d's 128 bits from a.
 * Neither source is overwritten, so no copy is needed first. */
void x64_avx_xxx(struct x64_buf *b, enum x64_sse op, enum x64_xmm d,
                 enum x64_xmm a, enum x64_xmm c);

/* FMA3 (VEX), scalar. The digits name which operands multiply and which
 * adds: 132 d = d*c + a, 213 d = a*d + c, 231 d = a*c + d (msub subtracts
 * the addend, nmadd/nmsub negate the product). */
enum x64_fma {
    X64_VFMADD132 = 0x99, X64_VFMSUB132 = 0x9B, X64_VFNMADD132 = 0x9D, X64_VFNMSUB132 = 0x9F,
    X64_VFMADD213 = 0xA9, X64_VFMSUB213 = 0xAB, X64_VFNMADD213 = 0xAD, X64_VFNMSUB213 = 0xAF,
    X64_VFMADD231 = 0xB9, X64_VFMSUB231 = 0xBB, X64_VFNMADD231 = 0xBD, X64_VFNMSUB231 = 0xBF,
};
void x64_fma_xxx(struct x64_buf *b, enum x64_fma op, bool dbl, enum x64_xmm d,
                 enum x64_xmm a, enum x64_xmm c);
void x64_fma_xxm(struct x64_buf *b, enum x64_fma op, bool dbl, enum x64_xmm d,
                 enum x64_xmm a, struct x64_mem c);
/* x64_vfmadd231sd(b, d, a, c), ..ss, and msub/nmadd/nmsub, 132/213/231. */
#define X64_FMA_NAMED(name, OP)                                                \
    static inline void x64_##name##sd(struct x64_buf *b, enum x64_xmm d,       \
                                      enum x64_xmm a, enum x64_xmm c)          \
    { x64_fma_xxx(b, OP, true, d, a, c); }                                     \
    static inline void x64_##name##ss(struct x64_buf *b, enum x64_xmm d,       \
                                      enum x64_xmm a, enum x64_xmm c)          \
    { x64_fma_xxx(b, OP, false, d, a, c); }
X64_FMA_NAMED(vfmadd132, X64_VFMADD132) X64_FMA_NAMED(vfmsub132, X64_VFMSUB132)
X64_FMA_NAMED(vfnmadd132, X64_VFNMADD132) X64_FMA_NAMED(vfnmsub132, X64_VFNMSUB132)
X64_FMA_NAMED(vfmadd213, X64_VFMADD213) X64_FMA_NAMED(vfmsub213, X64_VFMSUB213)
X64_FMA_NAMED(vfnmadd213, X64_VFNMADD213) X64_FMA_NAMED(vfnmsub213, X64_VFNMSUB213)
X64_FMA_NAMED(vfmadd231, X64_VFMADD231) X64_FMA_NAMED(vfmsub231, X64_VFMSUB231)
X64_FMA_NAMED(vfnmadd231, X64_VFNMADD231) X64_FMA_NAMED(vfnmsub231, X64_VFNMSUB231)
#undef X64_FMA_NAMED

#endif
