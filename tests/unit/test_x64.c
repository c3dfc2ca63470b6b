/* Runs code made by the x86-64 encoder: small functions emitted into an
 * mmap'd buffer (written RW, then made RX), called through the SysV ABI,
 * their results compared with C. Where tests/x64 shows the bytes are what
 * GNU as would make, this shows they do what we meant: operand order,
 * widths, extensions, flags, branch targets, addressing. */
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "test.h"
#include "x64/x64.h"

struct jit {
    uint8_t *mem;
    size_t size;
    struct x64_buf b;
};

static struct x64_buf *jit_open(struct jit *j, size_t size)
{
    j->size = size;
    j->mem = mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(j->mem != MAP_FAILED);
    x64_init(&j->b, j->mem, size);
    return &j->b;
}

static bool jit_seal(struct jit *j)
{
    CHECK(!j->b.overflow);
    return !j->b.overflow && mprotect(j->mem, j->size, PROT_READ | PROT_EXEC) == 0;
}

static void jit_close(struct jit *j)
{
    munmap(j->mem, j->size);
}

typedef uint64_t (*fn2)(uint64_t, uint64_t);
typedef uint64_t (*fn3)(uint64_t, uint64_t, uint64_t);
typedef double (*fnd)(double, double, double);

static const uint64_t vals[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x7fffffff, 0x80000000,
    0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000,
    0xffffffffffffffff, 0xfffffffffffffffe, 0x123456789abcdef0, 0xfedcba9876543210};
enum { NVALS = sizeof vals / sizeof *vals };

TEST(x64_exec_alu)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    static const enum x64_alu ops[] = {X64_ADD, X64_SUB, X64_AND, X64_OR, X64_XOR};
    fn2 f64[5], f32[5];
    for (int k = 0; k < 5; k++) {
        f64[k] = (fn2)x64_here(b);
        x64_mov_rr(b, W64, RAX, RDI);
        x64_alu_rr(b, ops[k], W64, RAX, RSI);
        x64_ret(b);
        f32[k] = (fn2)x64_here(b);         /* with r8/r9 for REX.R/REX.B */
        x64_mov_rr(b, W64, R8, RDI);
        x64_mov_rr(b, W64, R9, RSI);
        x64_alu_rr(b, ops[k], W32, R8, R9);
        x64_mov_rr(b, W64, RAX, R8);
        x64_ret(b);
    }
    fn2 adc = (fn2)x64_here(b);            /* (a + b) with carry into the high word */
    x64_mov_rr(b, W64, RAX, RDI);
    x64_zero(b, RDX);
    x64_add_rr(b, W64, RAX, RSI);
    x64_adc_ri(b, W64, RDX, 0);
    x64_mov_rr(b, W64, RAX, RDX);
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    for (int x = 0; x < NVALS; x++)
        for (int y = 0; y < NVALS; y++) {
            uint64_t a = vals[x], c = vals[y];
            uint64_t want[5] = {a + c, a - c, a & c, a | c, a ^ c};
            for (int k = 0; k < 5; k++) {
                CHECK_EQ(f64[k](a, c), want[k]);
                CHECK_EQ(f32[k](a, c), (uint32_t)want[k]);
            }
            CHECK_EQ(adc(a, c), a + c < a);
        }
    jit_close(&j);
}

TEST(x64_exec_immediates)
{
    static const int32_t imms[] = {0, 1, -1, 0x7f, 0x80, -0x80, -0x81, 0x7fffffff, INT32_MIN};
    enum { N = sizeof imms / sizeof *imms };
    struct jit j;
    struct x64_buf *b = jit_open(&j, 8192);
    fn2 add[N], add_rax[N], cmpf[N], imul[N], mov[NVALS];
    for (int k = 0; k < N; k++) {
        add[k] = (fn2)x64_here(b);
        x64_mov_rr(b, W64, R10, RDI);
        x64_add_ri(b, W64, R10, imms[k]);
        x64_mov_rr(b, W64, RAX, R10);
        x64_ret(b);
        add_rax[k] = (fn2)x64_here(b);      /* the accumulator short forms */
        x64_mov_rr(b, W64, RAX, RDI);
        x64_sub_ri(b, W32, RAX, imms[k]);
        x64_ret(b);
        cmpf[k] = (fn2)x64_here(b);         /* flags from cmp with an immediate */
        x64_zero(b, RAX);
        x64_cmp_ri(b, W64, RDI, imms[k]);
        x64_setcc_r(b, CC_L, RAX);
        x64_ret(b);
        imul[k] = (fn2)x64_here(b);
        x64_imul_rri(b, W64, RAX, RDI, imms[k]);
        x64_ret(b);
    }
    for (int k = 0; k < NVALS; k++) {
        mov[k] = (fn2)x64_here(b);
        x64_mov_ri(b, k & 1 ? R11 : RAX, vals[k]);
        if (k & 1)
            x64_mov_rr(b, W64, RAX, R11);
        x64_ret(b);
    }
    if (!jit_seal(&j))
        return;
    for (int k = 0; k < N; k++)
        for (int x = 0; x < NVALS; x++) {
            uint64_t a = vals[x], i = (uint64_t)(int64_t)imms[k];
            CHECK_EQ(add[k](a, 0), a + i);
            CHECK_EQ(add_rax[k](a, 0), (uint32_t)(a - i));
            CHECK_EQ(cmpf[k](a, 0), (int64_t)a < (int64_t)i);
            CHECK_EQ(imul[k](a, 0), a * i);
        }
    for (int k = 0; k < NVALS; k++)
        CHECK_EQ(mov[k](0, 0), vals[k]);
    jit_close(&j);
}

/* Quotient and remainder through rdx:rax, signed and unsigned, 32 and 64. */
TEST(x64_exec_muldiv)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 sdiv = (fn2)x64_here(b);
    x64_mov_rr(b, W64, RAX, RDI);
    x64_cqo(b);
    x64_idiv_r(b, W64, RSI);
    x64_ret(b);
    fn2 urem = (fn2)x64_here(b);
    x64_mov_rr(b, W64, RAX, RDI);
    x64_mov_rr(b, W64, R11, RSI);
    x64_zero(b, RDX);
    x64_div_r(b, W64, R11);
    x64_mov_rr(b, W64, RAX, RDX);
    x64_ret(b);
    fn2 srem32 = (fn2)x64_here(b);
    x64_mov_rr(b, W32, RAX, RDI);
    x64_cdq(b);
    x64_idiv_r(b, W32, RSI);
    x64_movsxd_rr(b, RAX, RDX);
    x64_ret(b);
    fn2 mulhu = (fn2)x64_here(b);
    x64_mov_rr(b, W64, RAX, RDI);
    x64_mul_r(b, W64, RSI);
    x64_mov_rr(b, W64, RAX, RDX);
    x64_ret(b);
    fn2 mulh = (fn2)x64_here(b);
    x64_mov_rr(b, W64, RAX, RDI);
    x64_imul_r(b, W64, RSI);
    x64_mov_rr(b, W64, RAX, RDX);
    x64_ret(b);
    fn2 negnot = (fn2)x64_here(b);          /* -a ^ ~b */
    x64_mov_rr(b, W64, RAX, RDI);
    x64_neg_r(b, W64, RAX);
    x64_not_r(b, W64, RSI);
    x64_xor_rr(b, W64, RAX, RSI);
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    for (int x = 0; x < NVALS; x++)
        for (int y = 0; y < NVALS; y++) {
            uint64_t a = vals[x], c = vals[y];
            CHECK_EQ(mulhu(a, c), (uint64_t)((unsigned __int128)a * c >> 64));
            CHECK_EQ(mulh(a, c), (uint64_t)((__int128)(int64_t)a * (int64_t)c >> 64));
            CHECK_EQ(negnot(a, c), -a ^ ~c);
            if (c == 0)
                continue;
            CHECK_EQ(urem(a, c), a % c);
            if (!(a == 1ull << 63 && c == UINT64_MAX))
                CHECK_EQ(sdiv(a, c), (uint64_t)((int64_t)a / (int64_t)c));
            int32_t a32 = (int32_t)a, c32 = (int32_t)c;
            if (c32 && !(a32 == INT32_MIN && c32 == -1))
                CHECK_EQ(srem32(a, c), (uint64_t)(int64_t)(a32 % c32));
        }
    jit_close(&j);
}

TEST(x64_exec_shifts)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 8192);
    static const uint8_t amts[] = {0, 1, 3, 31, 32, 63};
    fn2 imm[5][6], cl[5][2];
    static const enum x64_shift ops[] = {X64_SHL, X64_SHR, X64_SAR, X64_ROL, X64_ROR};
    for (int o = 0; o < 5; o++) {
        for (int k = 0; k < 6; k++) {
            imm[o][k] = (fn2)x64_here(b);
            x64_mov_rr(b, W64, RAX, RDI);
            x64_shift_ri(b, ops[o], W64, RAX, amts[k]);
            x64_ret(b);
        }
        for (int w = 0; w < 2; w++) {
            cl[o][w] = (fn2)x64_here(b);
            x64_mov_rr(b, W64, RCX, RSI);  /* the count in cl */
            x64_mov_rr(b, W64, RAX, RDI);
            x64_shift_cl(b, ops[o], w ? W64 : W32, RAX);
            x64_ret(b);
        }
    }
    bool bmi2 = x64_cpu() & X64_HAS_BMI2;
    fn2 shlx = (fn2)x64_here(b), sarx = 0, rorx = 0;
    if (bmi2) {
        x64_shlx(b, W64, RAX, RDI, RSI);
        x64_ret(b);
        sarx = (fn2)x64_here(b);
        x64_sarx(b, W32, R9, RDI, RSI);
        x64_mov_rr(b, W64, RAX, R9);
        x64_ret(b);
        rorx = (fn2)x64_here(b);
        x64_rorx(b, W64, R10, RDI, 13);
        x64_mov_rr(b, W64, RAX, R10);
        x64_ret(b);
    }
    if (!jit_seal(&j))
        return;
    for (int x = 0; x < NVALS; x++) {
        uint64_t a = vals[x];
        for (int k = 0; k < 6; k++) {
            unsigned s = amts[k];
            CHECK_EQ(imm[0][k](a, 0), a << s);
            CHECK_EQ(imm[1][k](a, 0), a >> s);
            CHECK_EQ(imm[2][k](a, 0), (uint64_t)((int64_t)a >> s));
            CHECK_EQ(imm[3][k](a, 0), s ? a << s | a >> (64 - s) : a);
            CHECK_EQ(imm[4][k](a, 0), s ? a >> s | a << (64 - s) : a);
        }
        for (unsigned s = 0; s < 70; s += 3) {
            unsigned s64 = s & 63, s32 = s & 31;
            uint32_t a32 = (uint32_t)a;
            CHECK_EQ(cl[0][1](a, s), a << s64);
            CHECK_EQ(cl[0][0](a, s), (uint32_t)(a32 << s32));
            CHECK_EQ(cl[1][1](a, s), a >> s64);
            CHECK_EQ(cl[1][0](a, s), a32 >> s32);
            CHECK_EQ(cl[2][1](a, s), (uint64_t)((int64_t)a >> s64));
            CHECK_EQ(cl[2][0](a, s), (uint32_t)((int32_t)a32 >> s32));
            CHECK_EQ(cl[4][0](a, s), s32 ? a32 >> s32 | a32 << (32 - s32) : a32);
            CHECK_EQ(cl[3][1](a, s), s64 ? a << s64 | a >> (64 - s64) : a);
            if (bmi2) {
                CHECK_EQ(shlx(a, s), a << s64);
                CHECK_EQ(sarx(a, s), (uint32_t)((int32_t)a32 >> s32));
            }
        }
        if (bmi2)
            CHECK_EQ(rorx(a, 0), a >> 13 | a << 51);
    }
    jit_close(&j);
}

/* The flags of cmp a, b as C sees them, for each condition code. */
static bool cc_holds(int cc, uint64_t a, uint64_t c)
{
    uint64_t r = a - c;
    bool of = ((a ^ c) & (a ^ r)) >> 63, cf = a < c, zf = r == 0, sf = r >> 63;
    bool pf = !__builtin_parity((uint8_t)r);
    bool v[8] = {of, cf, zf, cf || zf, sf, pf, sf != of, zf || sf != of};
    return v[cc >> 1] ^ (cc & 1);
}

TEST(x64_exec_setcc_cmov)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 set[16];
    fn3 cmov[16];
    for (int cc = 0; cc < 16; cc++) {
        set[cc] = (fn2)x64_here(b);
        x64_mov_ri(b, RAX, 0x1234567800);  /* setcc writes only the byte */
        x64_cmp_rr(b, W64, RDI, RSI);
        x64_setcc_r(b, cc, cc & 2 ? RAX : RSI);
        if (!(cc & 2))
            x64_mov_rr(b, W8, RAX, RSI);
        x64_ret(b);
        cmov[cc] = (fn3)x64_here(b);  /* cmp a, b; rax = cc ? 1 : rdx */
        x64_mov_ri(b, R10, 1);
        x64_mov_rr(b, W64, RAX, RDX);
        x64_cmp_rr(b, W64, RDI, RSI);
        x64_cmov_rr(b, cc, W64, RAX, R10);
        x64_ret(b);
    }
    if (!jit_seal(&j))
        return;
    for (int x = 0; x < NVALS; x++)
        for (int y = 0; y < NVALS; y++)
            for (int cc = 0; cc < 16; cc++) {
                uint64_t a = vals[x], c = vals[y];
                bool want = cc_holds(cc, a, c);
                CHECK_EQ(set[cc](a, c), 0x1234567800 | want);
                CHECK_EQ(cmov[cc](a, c, 77), want ? 1 : 77);
            }
    jit_close(&j);
}

/* sum = n + (n-1) + ... + 1 with a backward jcc, short and (over a long
 * body) rel32; and a forward jcc/jmp pair bound later. */
TEST(x64_exec_branches)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 sum[2];
    for (int far = 0; far < 2; far++) {
        sum[far] = (fn2)x64_here(b);
        x64_zero(b, RAX);
        x64_test_rr(b, W64, RDI, RDI);
        size_t skip = far ? x64_jcc_fwd(b, CC_E) : x64_jcc8_fwd(b, CC_E);
        uintptr_t loop = x64_here(b);
        x64_add_rr(b, W64, RAX, RDI);
        if (far)
            x64_nop(b, 200);
        x64_sub_ri(b, W64, RDI, 1);
        size_t before = x64_offset(b);
        x64_jcc(b, CC_NE, loop);
        CHECK_EQ(x64_offset(b) - before, far ? 6 : 2);
        if (far)
            x64_bind(b, skip);
        else
            x64_bind8(b, skip);
        x64_ret(b);
    }
    fn2 pick = (fn2)x64_here(b);  /* a == b ? 111 : a < b ? 222 : 333 */
    x64_cmp_rr(b, W64, RDI, RSI);
    size_t eq = x64_jcc_fwd(b, CC_E);
    size_t lt = x64_jcc_fwd(b, CC_B);
    x64_mov_ri(b, RAX, 333);
    size_t out1 = x64_jmp_fwd(b);
    x64_bind(b, eq);
    x64_mov_ri(b, RAX, 111);
    size_t out2 = x64_jmp8_fwd(b);
    x64_bind(b, lt);
    x64_mov_ri(b, RAX, 222);
    x64_bind(b, out1);
    x64_bind8(b, out2);
    x64_ret(b);
    fn2 table = (fn2)x64_here(b);  /* jmp through a register and memory */
    size_t at = x64_offset(b);
    x64_lea(b, W64, RAX, x64_mem_rip(x64_here(b)));  /* re-emitted below */
    x64_jmp_r(b, RAX);
    uintptr_t ret42 = x64_here(b);
    x64_mov_ri(b, RAX, 42);
    x64_ret(b);
    struct x64_buf fix = *b;  /* re-emit the lea in place, now that we know the target */
    fix.cur = fix.start + at;
    x64_lea(&fix, W64, RAX, x64_mem_rip(ret42));
    if (!jit_seal(&j))
        return;
    CHECK_EQ(sum[0](100, 0), 5050);
    CHECK_EQ(sum[1](1000, 0), 500500);
    CHECK_EQ(sum[0](0, 0), 0);
    CHECK_EQ(pick(5, 5), 111);
    CHECK_EQ(pick(4, 5), 222);
    CHECK_EQ(pick(6, 5), 333);
    CHECK_EQ(table(0, 0), 42);
    jit_close(&j);
}

static uint64_t helper_calls;
static uint64_t helper(uint64_t x, uint64_t y)
{
    helper_calls++;
    return x * 3 + y;
}

/* A constant among the code, compared RIP-relative (the pc check at the
 * start of a translation whose pc needs 64 bits). */
TEST(x64_exec_rip_constant)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    uintptr_t at = x64_here(b);
    x64_data64(b, 0x3ff7e8349a123456);
    fn2 eq = (fn2)x64_here(b);
    x64_zero(b, RAX);
    x64_cmp_rm(b, W64, RDI, x64_mem_rip(at));
    x64_setcc_r(b, CC_E, RAX);
    x64_ret(b);
    CHECK(x64_offset(b) >= 8 && j.mem[0] == 0x56 && j.mem[7] == 0x3f);
    if (jit_seal(&j)) {
        CHECK(eq(0x3ff7e8349a123456, 0) == 1);
        CHECK(eq(0x3ff7e8349a123457, 0) == 0);
        CHECK(eq(0x123456, 0) == 0);
    }
    jit_close(&j);
}

/* Calls into C, near (rel32 when in reach) and through a register; keeps
 * the callee-saved registers it uses with push/pop (REX.B for r12-r15). */
TEST(x64_exec_calls)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 f[3];
    for (int k = 0; k < 3; k++) {
        f[k] = (fn2)x64_here(b);
        static const enum x64_reg saved[] = {RBX, RBP, R12, R13, R14, R15};
        for (int i = 0; i < 6; i++)
            x64_push_r(b, saved[i]);
        x64_sub_ri(b, W64, RSP, 8);  /* 16-byte alignment at the call */
        x64_mov_rr(b, W64, R12, RSI);
        x64_mov_ri(b, RBX, 0);
        x64_mov_ri(b, RBP, 0);
        x64_mov_ri(b, R15, 0);
        if (k == 0)
            x64_call_abs(b, (uintptr_t)helper, R11);
        else if (k == 1) {
            x64_mov_ri(b, R11, (uintptr_t)helper);
            x64_call_r(b, R11);
        } else {
            x64_mov_ri(b, R13, (uintptr_t)helper);
            x64_store(b, W64, x64_mem(RSP, 0), R13);  /* the padding slot */
            x64_call_m(b, x64_mem(RSP, 0));
        }
        x64_add_rr(b, W64, RAX, R12);
        x64_add_ri(b, W64, RSP, 8);
        for (int i = 5; i >= 0; i--)
            x64_pop_r(b, saved[i]);
        x64_ret(b);
    }
    if (!jit_seal(&j))
        return;
    helper_calls = 0;
    for (int k = 0; k < 3; k++)
        CHECK_EQ(f[k](10, 1), 32);
    CHECK_EQ(helper_calls, 3);
    jit_close(&j);
}

/* Loads and stores of every width and extension, and every base and index
 * register with each displacement size: each function loads one qword
 * through a different addressing form and must find the marked value. */
TEST(x64_exec_addressing)
{
    static uint64_t data[64];
    for (int i = 0; i < 64; i++)
        data[i] = 0x1111111111111111 * (uint64_t)(i & 15) ^ (uint64_t)i << 56;
    struct jit j;
    struct x64_buf *b = jit_open(&j, 1 << 16);
    static const enum x64_reg saved[] = {RBX, RBP, R12, R13, R14, R15};
    static const int32_t disps[] = {0, 8, 0x78, 0x80, -8, -0x80, -0x88, 0x1000, -0x1000};
    struct { fn2 f; uint64_t base, index; int slot; } cases[512];
    int n = 0;
    for (int base = 0; base < 16; base++) {
        if (base == RSP)
            continue;
        for (int index = 0; index < 17; index++) {
            if (index == RSP || index == base)
                continue;
            int scale = 1 << ((base + index) & 3);
            int32_t disp = disps[(base * 3 + index) % 9];
            int slot = (base + index * 5) & 63;
            /* base + index*scale + disp = &data[slot] */
            uint64_t ival = index == X64_NONE ? 0 : (uint64_t)(index + 1);
            uint64_t bval = (uintptr_t)&data[slot] - disp - ival * scale;
            cases[n].f = (fn2)x64_here(b);
            cases[n].base = bval, cases[n].index = ival, cases[n].slot = slot;
            n++;
            for (int i = 0; i < 6; i++)
                x64_push_r(b, saved[i]);
            x64_push_r(b, RDI);
            x64_push_r(b, RSI);
            if (index != X64_NONE)
                x64_pop_r(b, index);
            else
                x64_pop_r(b, RAX);
            x64_pop_r(b, base);
            x64_load(b, W64, false, RAX, index == X64_NONE ? x64_mem(base, disp)
                                         : x64_mem_idx(base, index, scale, disp));
            for (int i = 5; i >= 0; i--)
                x64_pop_r(b, saved[i]);
            x64_ret(b);
        }
    }
    fn2 rsp_base = (fn2)x64_here(b);   /* [rsp+8] and [rsp+rdi*8+8] */
    x64_push_r(b, RSI);
    x64_push_r(b, RSI);
    x64_zero(b, RDI);
    x64_load(b, W64, false, RAX, x64_mem(RSP, 8));
    x64_add_rm(b, W64, RAX, x64_mem_idx(RSP, RDI, 8, 8));
    x64_add_ri(b, W64, RSP, 16);
    x64_ret(b);
    fn2 widths = (fn2)x64_here(b);     /* xor of all loads of *p; stores into p[1] */
    x64_load(b, W8, false, RAX, x64_mem(RDI, 0));
    x64_load(b, W8, true, RCX, x64_mem(RDI, 0));
    x64_xor_rr(b, W64, RAX, RCX);
    x64_load(b, W16, true, RCX, x64_mem(RDI, 0));
    x64_xor_rr(b, W64, RAX, RCX);
    x64_load(b, W16, false, RCX, x64_mem(RDI, 0));
    x64_xor_rr(b, W64, RAX, RCX);
    x64_load(b, W32, true, R8, x64_mem(RDI, 0));
    x64_xor_rr(b, W64, RAX, R8);
    x64_load(b, W32, false, R8, x64_mem(RDI, 0));
    x64_xor_rr(b, W64, RAX, R8);
    x64_store(b, W8, x64_mem(RDI, 8), RSI);
    x64_store(b, W16, x64_mem(RDI, 10), RSI);
    x64_store(b, W32, x64_mem(RDI, 12), RSI);
    x64_store_i(b, W64, x64_mem(RDI, 16), -2);
    x64_store_i(b, W8, x64_mem(RDI, 24), 0x7f);
    x64_ret(b);
    fn2 ripload = (fn2)x64_here(b);
    size_t at = x64_offset(b);
    x64_load(b, W64, false, RAX, x64_mem_rip(x64_here(b)));
    x64_ret(b);
    uintptr_t konst = x64_here(b);
    for (int i = 0; i < 8; i++)
        x64_int3(b);
    if (b->overflow) {
        CHECK(!b->overflow);
        return;
    }
    memcpy(b->cur - 8, &(uint64_t){0x0123456789abcdef}, 8);
    struct x64_buf fix = *b;
    fix.cur = fix.start + at;
    x64_load(&fix, W64, false, RAX, x64_mem_rip(konst));
    if (!jit_seal(&j))
        return;
    for (int i = 0; i < n; i++)
        CHECK_EQ(cases[i].f(cases[i].base, cases[i].index), data[cases[i].slot]);
    CHECK_EQ(rsp_base(0, 21), 42);
    uint64_t mem[4] = {0x80808080f0f0f0f0 ^ 0x7f, 0, 0, 0};
    uint64_t v = mem[0];
    uint64_t want = (uint64_t)(uint8_t)v ^ (uint64_t)(int8_t)v ^ (uint64_t)(int16_t)v ^
                    (uint16_t)v ^ (uint64_t)(int32_t)v ^ (uint32_t)v;
    CHECK_EQ(widths((uintptr_t)mem, 0x1122334455667788), want);
    CHECK_EQ(mem[1], 0x5566778877880088);
    CHECK_EQ(mem[2], 0xfffffffffffffffe);
    CHECK_EQ(mem[3], 0x7f);
    CHECK_EQ(ripload(0, 0), 0x0123456789abcdef);
    jit_close(&j);
}

TEST(x64_exec_atomics)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 xadd = (fn2)x64_here(b);            /* old = *p; *p += v */
    x64_lock_xadd(b, W64, x64_mem(RDI, 0), RSI);
    x64_mov_rr(b, W64, RAX, RSI);
    x64_ret(b);
    fn3 cas = (fn3)x64_here(b);             /* cas(p, expect, new): 1 on success */
    x64_mov_rr(b, W64, RAX, RSI);
    x64_lock_cmpxchg(b, W32, x64_mem(RDI, 0), RDX);
    x64_setcc_r(b, CC_E, RAX);
    x64_movzx_rr(b, W8, RAX, RAX);
    x64_mfence(b);
    x64_ret(b);
    fn2 swap = (fn2)x64_here(b);
    x64_xchg_mr(b, W64, x64_mem(RDI, 0), RSI);
    x64_xchg_rr(b, W64, RAX, RSI);
    x64_ret(b);
    fn2 lock_or = (fn2)x64_here(b);
    x64_lock(b);
    x64_or_mr(b, W16, x64_mem(RDI, 0), RSI);
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    uint64_t m = 40;
    CHECK_EQ(xadd((uintptr_t)&m, 2), 40);
    CHECK_EQ(m, 42);
    uint32_t w = 7;
    CHECK_EQ(cas((uintptr_t)&w, 8, 9), 0);
    CHECK_EQ(w, 7);
    CHECK_EQ(cas((uintptr_t)&w, 7, 9), 1);
    CHECK_EQ(w, 9);
    CHECK_EQ(swap((uintptr_t)&m, 5), 42);
    CHECK_EQ(m, 5);
    m = 0x100000000;
    lock_or((uintptr_t)&m, 0xffff0003);
    CHECK_EQ(m, 0x100000003);
    jit_close(&j);
}

TEST(x64_exec_bits)
{
    unsigned has = x64_cpu();
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 bswap = (fn2)x64_here(b);
    x64_mov_rr(b, W64, R10, RDI);
    x64_bswap_r(b, W64, R10);
    x64_mov_rr(b, W64, RAX, R10);
    x64_ret(b);
    fn2 bswap32 = (fn2)x64_here(b);
    x64_mov_rr(b, W64, RAX, RDI);
    x64_bswap_r(b, W32, RAX);
    x64_ret(b);
    fn2 bts = (fn2)x64_here(b);             /* a | 1 << (b & 63), then clear bit 5 */
    x64_mov_rr(b, W64, RAX, RDI);
    x64_bt_rr(b, X64_BTS, W64, RAX, RSI);
    x64_bt_ri(b, X64_BTR, W64, RAX, 5);
    x64_ret(b);
    fn2 bsr = (fn2)x64_here(b);
    x64_bsr_rr(b, W64, RAX, RDI);
    x64_ret(b);
    fn2 lz = (fn2)x64_here(b), tz = 0, pop = 0, andn = 0;
    x64_lzcnt_rr(b, W64, RAX, RDI);
    x64_ret(b);
    tz = (fn2)x64_here(b);
    x64_tzcnt_rr(b, W32, RAX, RDI);
    x64_ret(b);
    pop = (fn2)x64_here(b);
    x64_popcnt_rr(b, W64, R9, RDI);
    x64_mov_rr(b, W64, RAX, R9);
    x64_ret(b);
    andn = (fn2)x64_here(b);
    x64_andn(b, W64, RAX, RDI, RSI);
    x64_ret(b);
    fn2 movq = (fn2)x64_here(b);            /* through xmm12 and back, movd too */
    x64_movq_xr(b, XMM12, RDI);
    x64_movq_rx(b, RAX, XMM12);
    x64_movd_xr(b, XMM3, RSI);
    x64_movd_rx(b, RCX, XMM3);
    x64_add_rr(b, W64, RAX, RCX);
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    for (int x = 0; x < NVALS; x++) {
        uint64_t a = vals[x];
        CHECK_EQ(bswap(a, 0), __builtin_bswap64(a));
        CHECK_EQ(bswap32(a, 0), __builtin_bswap32((uint32_t)a));
        CHECK_EQ(bts(a, x * 7), (a | 1ull << (x * 7 & 63)) & ~32ull);
        if (a)
            CHECK_EQ(bsr(a, 0), 63 - __builtin_clzll(a));
        if (has & X64_HAS_LZCNT)
            CHECK_EQ(lz(a, 0), a ? __builtin_clzll(a) : 64);
        if (has & X64_HAS_BMI1) {
            CHECK_EQ(tz(a, 0), (uint32_t)a ? __builtin_ctz((uint32_t)a) : 32);
            CHECK_EQ(andn(a, 0xff00ff00ff00ff00), ~a & 0xff00ff00ff00ff00);
        }
        if (has & X64_HAS_POPCNT)
            CHECK_EQ(pop(a, 0), __builtin_popcountll(a));
        CHECK_EQ(movq(a, a), a + (uint32_t)a);
    }
    jit_close(&j);
}

/* Scalar FP: arithmetic, conversions, rounding, compares, fused multiply-add. */
TEST(x64_exec_sse)
{
    unsigned has = x64_cpu();
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fnd add = (fnd)x64_here(b);             /* (x + y) * z / 2 via xmm9 */
    x64_movapd_xx(b, XMM9, XMM0);
    x64_addsd_xx(b, XMM9, XMM1);
    x64_mulsd_xx(b, XMM9, XMM2);
    x64_mov_ri(b, RAX, 0x4000000000000000);  /* 2.0 */
    x64_movq_xr(b, XMM14, RAX);
    x64_divsd_xx(b, XMM9, XMM14);
    x64_movsd_xx(b, XMM0, XMM9);
    x64_ret(b);
    fnd single = (fnd)x64_here(b);          /* (float)x + (float)y, widened back */
    x64_cvtsd2ss_xx(b, XMM0, XMM0);
    x64_cvtsd2ss_xx(b, XMM1, XMM1);
    x64_addss_xx(b, XMM0, XMM1);
    x64_sqrtss_xx(b, XMM0, XMM0);
    x64_cvtss2sd_xx(b, XMM0, XMM0);
    x64_ret(b);
    fnd minmax = (fnd)x64_here(b);          /* min(x, y) + max(x, z) */
    x64_movapd_xx(b, XMM3, XMM0);
    x64_minsd_xx(b, XMM0, XMM1);
    x64_maxsd_xx(b, XMM3, XMM2);
    x64_addsd_xx(b, XMM0, XMM3);
    x64_ret(b);
    fnd neg = (fnd)x64_here(b);             /* -|x| through the sign bit */
    x64_mov_ri(b, RAX, 0x8000000000000000);
    x64_movq_xr(b, XMM1, RAX);
    x64_orpd_xx(b, XMM0, XMM1);
    x64_ret(b);
    fn2 conv = (fn2)x64_here(b);            /* (int64)((double)a * 0.5), truncated */
    x64_cvtsi2sd_xr(b, W64, XMM5, RDI);
    x64_mov_ri(b, RAX, 0x3fe0000000000000);
    x64_push_r(b, RAX);
    x64_mulsd_xm(b, XMM5, x64_mem(RSP, 0));
    x64_pop_r(b, RAX);
    x64_cvttsd2si_rx(b, W64, RAX, XMM5);
    x64_ret(b);
    fn2 conv32 = (fn2)x64_here(b);          /* (int32)(float)(int32)a, rounded by MXCSR */
    x64_cvtsi2ss_xr(b, W32, XMM7, RDI);
    x64_cvtss2si_rx(b, W32, RAX, XMM7);
    x64_ret(b);
    fn2 ucom = (fn2)x64_here(b);            /* x < y as a setcc after ucomisd */
    x64_zero(b, RAX);
    x64_movq_xr(b, XMM0, RDI);
    x64_movq_xr(b, XMM1, RSI);
    x64_ucomisd_xx(b, XMM1, XMM0);
    x64_setcc_r(b, CC_A, RAX);
    x64_ret(b);
    fn2 mxcsr = (fn2)x64_here(b);           /* set MXCSR, read it back, restore */
    x64_push_r(b, RDI);
    x64_stmxcsr(b, x64_mem(RSP, 4));
    x64_ldmxcsr(b, x64_mem(RSP, 0));
    x64_stmxcsr(b, x64_mem(RSP, 0));
    x64_ldmxcsr(b, x64_mem(RSP, 4));
    x64_pop_r(b, RAX);
    x64_mov_rr(b, W32, RAX, RAX);
    x64_ret(b);
    fnd rnd = (fnd)x64_here(b), fma = 0;
    x64_roundsd_xx(b, XMM0, XMM0, 1);       /* floor */
    x64_roundsd_xx(b, XMM1, XMM1, 2);       /* ceil */
    x64_addsd_xx(b, XMM0, XMM1);
    x64_ret(b);
    fma = (fnd)x64_here(b);                 /* x * y + z, one rounding */
    x64_movapd_xx(b, XMM10, XMM2);
    x64_vfmadd231sd(b, XMM10, XMM0, XMM1);
    x64_movapd_xx(b, XMM0, XMM10);
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    CHECK(add(1.5, 2.5, 3.0) == 6.0);
    CHECK(single(1.0, 3.0, 0) == 2.0);
    CHECK(minmax(1.0, -2.0, 5.0) == 3.0);
    CHECK(neg(3.0, 0, 0) == -3.0);
    CHECK_EQ(conv(-7, 0), (uint64_t)-3);
    CHECK_EQ(conv(1ll << 40, 0), 1ll << 39);
    CHECK_EQ(conv32(0x1000001, 0), 0x1000000);  /* not representable: rounds even */
    CHECK_EQ(ucom(0x3ff0000000000000, 0x4000000000000000), 1);  /* 1 < 2 */
    CHECK_EQ(ucom(0x4000000000000000, 0x3ff0000000000000), 0);
    CHECK_EQ(ucom(0x7ff8000000000000, 0x3ff0000000000000), 0);  /* NaN: unordered */
    CHECK_EQ(mxcsr(0x1f80 | 0x6000, 0), 0x1f80 | 0x6000);      /* RTZ */
    if (has & X64_HAS_SSE41)
        CHECK(rnd(2.5, 2.25, 0) == 5.0);
    if (has & X64_HAS_FMA) {
        double x = 1.0 + 0x1p-30, y = 1.0 - 0x1p-30, z = -1.0;
        CHECK(fma(x, y, z) == -0x1p-60);  /* mul-then-add would give 0 */
    }
    jit_close(&j);
}

/* Branches after 0 to 3 padding prefixes still branch, with their rel32
 * where the padding put it: jcc taken and not taken, jmp, call. */
TEST(x64_exec_branch_pad)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 f = (fn2)x64_here(b);
    x64_mov_ri(b, RAX, 0);
    for (unsigned n = 0; n <= 3; n++) {
        x64_cmp_ri(b, W64, RDI, 1);
        x64_branch_pad(b, n);
        size_t taken = x64_jcc_fwd(b, CC_E);          /* taken when a == 1 */
        CHECK_EQ(taken, x64_offset(b) - 4);
        x64_add_ri(b, W64, RAX, 1000);                /* a != 1 only */
        x64_bind(b, taken);
        x64_cmp_ri(b, W64, RDI, 2);
        x64_branch_pad(b, n);
        size_t not_taken = x64_jcc_fwd(b, CC_E);      /* never for a == 1 */
        x64_add_ri(b, W64, RAX, 1);
        x64_bind(b, not_taken);
        x64_branch_pad(b, n);
        size_t skip = x64_jmp_fwd(b);
        x64_add_ri(b, W64, RAX, 100000);              /* skipped */
        x64_bind(b, skip);
        x64_branch_pad(b, n);
        size_t call = x64_call_fwd(b);
        size_t over = x64_jmp8_fwd(b);
        x64_bind(b, call);
        x64_add_ri(b, W64, RAX, 10);                  /* the callee */
        x64_ret(b);
        x64_bind8(b, over);
    }
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    CHECK_EQ(f(1, 0), 4 * (1 + 10));
    CHECK_EQ(f(3, 0), 4 * (1000 + 1 + 10));
    jit_close(&j);
}

/* Nops of every length execute as nops; align pads to the boundary. */
TEST(x64_exec_nops)
{
    struct jit j;
    struct x64_buf *b = jit_open(&j, 4096);
    fn2 f = (fn2)x64_here(b);
    x64_mov_ri(b, RAX, 5);
    for (unsigned n = 0; n <= 24; n++) {
        x64_nop(b, n);
        x64_add_ri(b, W64, RAX, 1);
        x64_align(b, 32);
        CHECK_EQ(x64_here(b) % 32, 0);
    }
    x64_ret(b);
    if (!jit_seal(&j))
        return;
    CHECK_EQ(f(0, 0), 5 + 25);
    jit_close(&j);
}
