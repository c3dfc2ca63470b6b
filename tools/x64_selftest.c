/* Prints a large set of x86-64 encoder calls as "group<TAB>intel text<TAB>hex
 * bytes" lines, one per call: every register in every operand position,
 * every width, immediates and displacements at the imm8/imm32 boundaries,
 * every special base and index. tests/x64/run.sh assembles the text column
 * with GNU as and compares its bytes with ours, so the encoder is checked
 * against an independent assembler rather than against itself.
 *
 * Branch and RIP-relative texts are written relative to the instruction
 * (`jne .+N`, `[rip+D]`) so they do not depend on where the buffer is. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "x64/x64.h"

_Alignas(64) static uint8_t code[256];
static struct x64_buf B;
static unsigned long ncases;

static const char *const gpr64[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
static const char *const gpr32[] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
    "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
static const char *const gpr16[] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
    "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
static const char *const gpr8[] = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
    "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
static const char *const ccname[] = {"o", "no", "b", "ae", "e", "ne", "be", "a",
    "s", "ns", "p", "np", "l", "ge", "le", "g"};
static const enum x64_width widths[] = {W8, W16, W32, W64};

static const char *reg(enum x64_width w, int r)
{
    return w == W64 ? gpr64[r] : w == W32 ? gpr32[r] : w == W16 ? gpr16[r] : gpr8[r];
}

static const char *ptr(enum x64_width w)
{
    return w == W64 ? "qword ptr " : w == W32 ? "dword ptr " : w == W16 ? "word ptr " : "byte ptr ";
}

/* Text of a memory operand, called after the instruction is emitted (a
 * RIP-relative displacement counts from its end). Rotates over a few
 * buffers so one printf can hold several operands. */
static const char *mem(const char *size, struct x64_mem m)
{
    static char bufs[4][96];
    static int k;
    char *s = bufs[k++ & 3];
    int n = sprintf(s, "%s%s[", size, m.gs ? "gs:" : "");
    if (m.base == X64_RIP)
        return sprintf(s + n, "rip%+lld]", (long long)(m.disp - (int64_t)x64_here(&B))), s;
    const char *sep = "";
    if (m.base != X64_NONE)
        n += sprintf(s + n, "%s", gpr64[m.base]), sep = "+";
    if (m.index != X64_NONE)
        n += sprintf(s + n, "%s%s*%u", sep, gpr64[m.index], m.scale), sep = "+";
    if (m.disp || !*sep)
        n += sprintf(s + n, *sep ? "%+lld" : "%lld", (long long)m.disp);
    sprintf(s + n, "]");
    return s;
}

/* Ends a case: prints the text given and the bytes emitted since the last. */
__attribute__((format(printf, 2, 3))) static void out(const char *group, const char *fmt, ...)
{
    va_list ap;
    printf("%s\t", group);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\t');
    if (B.overflow)
        printf("overflow");
    for (uint8_t *p = B.start; p < B.cur; p++)
        printf("%02x", *p);
    putchar('\n');
    x64_init(&B, code, sizeof code);
    ncases++;
}

/* Memory operands: every base with each displacement size, every index with
 * the awkward bases and every scale, no base, absolute and RIP-relative. */
static struct x64_mem mems[400];
static int nmems;

static void make_mems(void)
{
    static const int32_t disps[] = {0, 1, 0x7f, -0x80, 0x80, -0x81, 0x12345678, INT32_MIN};
    for (int base = 0; base < 16; base++)
        for (unsigned d = 0; d < sizeof disps / sizeof *disps; d++)
            mems[nmems++] = x64_mem(base, disps[d]);
    static const enum x64_reg bases[] = {RAX, RSP, RBP, R12, R13, R15};
    for (int index = 0; index < 16; index++) {
        if (index == RSP)
            continue;
        for (unsigned i = 0; i < sizeof bases / sizeof *bases; i++)
            mems[nmems++] = x64_mem_idx(bases[i], index, 1u << ((index + i) & 3),
                                        disps[(index + i) % 8]);
        mems[nmems++] = x64_mem_idx(index, index, 8, 0x40);
        mems[nmems++] = x64_mem_idx(X64_NONE, index, 1u << (index & 3), 0x1000 - index);
    }
    mems[nmems++] = x64_mem_abs(0x1000);
    mems[nmems++] = x64_mem_abs(-0x1000);
    mems[nmems++] = x64_mem_abs(0);
    for (int base = 0; base < 16; base++) /* the guest-memory form */
        mems[nmems++] = x64_mem_gs(base, base * 0x111 - 0x800);
    mems[nmems++] = x64_mem_rip(0); /* offsets filled at use: see rip() */
}

/* mems[] with RIP entries pointed 0x100 past the current position. */
static struct x64_mem at(int i)
{
    struct x64_mem m = mems[i];
    if (m.base == X64_RIP)
        m.disp = (int64_t)x64_here(&B) + 0x100 + i;
    return m;
}

static void alu(void)
{
    static const char *const name[] = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
    static const int32_t imms[] = {0, 1, 0x7f, 0x80, -0x80, -0x81, 0x7fff, 0x8000,
                                   0x7fffffff, INT32_MIN, 0x12345678, -1};
    for (int op = 0; op < 8; op++)
        for (int wi = 0; wi < 4; wi++) {
            enum x64_width w = widths[wi];
            for (int d = 0; d < 16; d++)
                for (int s = 0; s < 16; s++) {
                    x64_alu_rr(&B, op, w, d, s);
                    out("alu-rr", "%s %s, %s", name[op], reg(w, d), reg(w, s));
                }
            for (int d = 0; d < 16; d++)
                for (unsigned i = 0; i < sizeof imms / sizeof *imms; i++) {
                    int32_t v = w == W8 ? (int8_t)imms[i] : w == W16 ? (int16_t)imms[i] : imms[i];
                    x64_alu_ri(&B, op, w, d, v);
                    out("alu-ri", "%s %s, %d", name[op], reg(w, d), v);
                }
            for (int i = op; i < nmems; i += 5) {
                struct x64_mem m = at(i);
                int r = (i + op) & 15;
                x64_alu_rm(&B, op, w, r, m);
                out("alu-rm", "%s %s, %s", name[op], reg(w, r), mem(ptr(w), m));
                m = at(i);
                x64_alu_mr(&B, op, w, m, r);
                out("alu-mr", "%s %s, %s", name[op], mem(ptr(w), m), reg(w, r));
                m = at(i);
                int32_t v = imms[i % 12];
                v = w == W8 ? (int8_t)v : w == W16 ? (int16_t)v : v;
                x64_alu_mi(&B, op, w, m, v);
                out("alu-mi", "%s %s, %d", name[op], mem(ptr(w), m), v);
            }
        }
    for (int wi = 0; wi < 4; wi++) {
        enum x64_width w = widths[wi];
        for (int a = 0; a < 16; a++) {
            for (int c = 0; c < 16; c++) {
                x64_test_rr(&B, w, a, c);
                out("test", "test %s, %s", reg(w, a), reg(w, c));
            }
            int32_t v = w == W8 ? 0x7f : w == W16 ? -2 : a * 0x1001 + 1;
            x64_test_ri(&B, w, a, v);
            out("test", "test %s, %d", reg(w, a), v);
        }
        for (int i = 0; i < nmems; i += 3) {
            struct x64_mem m = at(i);
            x64_test_mr(&B, w, m, i & 15);
            out("test", "test %s, %s", mem(ptr(w), m), reg(w, i & 15));
            m = at(i);
            x64_test_mi(&B, w, m, w == W8 ? 1 : 0x100);
            out("test", "test %s, %d", mem(ptr(w), m), w == W8 ? 1 : 0x100);
        }
    }
}

static void moves(void)
{
    for (int wi = 0; wi < 4; wi++)
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++) {
                enum x64_width w = widths[wi];
                x64_mov_rr(&B, w, d, s);
                out("mov", "mov %s, %s", reg(w, d), reg(w, s));
            }
    static const uint64_t imms[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
        UINT64_MAX, (uint64_t)INT32_MIN, (uint64_t)INT32_MIN - 1, 0x123456789abcdef0};
    for (int d = 0; d < 16; d++) {
        for (unsigned i = 0; i < sizeof imms / sizeof *imms; i++) {
            uint64_t v = imms[i];
            x64_mov_ri(&B, d, v);
            if (v <= UINT32_MAX)
                out("mov", "mov %s, %llu", gpr32[d], (unsigned long long)v);
            else if ((int64_t)v == (int32_t)v)
                out("mov", "mov %s, %lld", gpr64[d], (long long)v);
            else
                out("mov", "movabs %s, %llu", gpr64[d], (unsigned long long)v);
        }
        x64_zero(&B, d);
        out("mov", "xor %s, %s", gpr32[d], gpr32[d]);
    }
    for (int d = 0; d < 16; d++)
        for (int s = 0; s < 16; s++) {
            x64_movzx_rr(&B, W8, d, s);
            out("ext", "movzx %s, %s", gpr32[d], gpr8[s]);
            x64_movzx_rr(&B, W16, d, s);
            out("ext", "movzx %s, %s", gpr32[d], gpr16[s]);
            x64_movzx_rr(&B, W32, d, s);
            out("ext", "mov %s, %s", gpr32[d], gpr32[s]);
            x64_movsx_rr(&B, W8, d, s);
            out("ext", "movsx %s, %s", gpr64[d], gpr8[s]);
            x64_movsx_rr(&B, W16, d, s);
            out("ext", "movsx %s, %s", gpr64[d], gpr16[s]);
            x64_movsxd_rr(&B, d, s);
            out("ext", "movsxd %s, %s", gpr64[d], gpr32[s]);
        }
}

static void shifts(void)
{
    static const char *const name[] = {"rol", "ror", "", "", "shl", "shr", "", "sar"};
    static const enum x64_shift ops[] = {X64_ROL, X64_ROR, X64_SHL, X64_SHR, X64_SAR};
    for (int oi = 0; oi < 5; oi++)
        for (enum x64_width w = W32; w <= W64; w += 32)
            for (int r = 0; r < 16; r++) {
                static const uint8_t imms[] = {0, 1, 2, 31, 63};
                for (int i = 0; i < 5; i++) {
                    x64_shift_ri(&B, ops[oi], w, r, imms[i]);
                    out("shift", "%s %s, %u", name[ops[oi]], reg(w, r), imms[i]);
                }
                x64_shift_cl(&B, ops[oi], w, r);
                out("shift", "%s %s, cl", name[ops[oi]], reg(w, r));
            }
    for (int oi = 0; oi < 5; oi++)
        for (enum x64_width w = W32; w <= W64; w += 32)
            for (int i = oi; i < nmems; i += 3) {
                static const uint8_t imms[] = {1, 2, 31, 63};
                struct x64_mem m = at(i);
                uint8_t v = imms[i % 4];
                x64_shift_mi(&B, ops[oi], w, m, v);
                out("shift-mi", "%s %s, %u", name[ops[oi]], mem(ptr(w), m), v);
            }
    for (enum x64_width w = W32; w <= W64; w += 32)
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++) {
                int c = (d * 7 + s + 1) & 15;
                x64_shlx(&B, w, d, s, c);
                out("bmi", "shlx %s, %s, %s", reg(w, d), reg(w, s), reg(w, c));
                x64_shrx(&B, w, d, s, c);
                out("bmi", "shrx %s, %s, %s", reg(w, d), reg(w, s), reg(w, c));
                x64_sarx(&B, w, d, s, c);
                out("bmi", "sarx %s, %s, %s", reg(w, d), reg(w, s), reg(w, c));
                x64_rorx(&B, w, d, s, (uint8_t)(c * 3));
                out("bmi", "rorx %s, %s, %d", reg(w, d), reg(w, s), c * 3);
                x64_andn(&B, w, d, s, c);
                out("bmi", "andn %s, %s, %s", reg(w, d), reg(w, s), reg(w, c));
            }
}

static void arith(void)
{
    static const char *const g3[] = {"", "", "not", "neg", "mul", "imul", "div", "idiv"};
    static void (*const g3fn[])(struct x64_buf *, enum x64_width, enum x64_reg) = {
        0, 0, x64_not_r, x64_neg_r, x64_mul_r, x64_imul_r, x64_div_r, x64_idiv_r};
    static const int32_t imms[] = {0, 1, 0x7f, 0x80, -0x80, -0x81, 0x7fffffff, INT32_MIN};
    for (enum x64_width w = W32; w <= W64; w += 32) {
        for (int d = 0; d < 16; d++) {
            for (int s = 0; s < 16; s++) {
                x64_imul_rr(&B, w, d, s);
                out("muldiv", "imul %s, %s", reg(w, d), reg(w, s));
                x64_imul_rri(&B, w, d, s, imms[(d + s) & 7]);
                out("muldiv", "imul %s, %s, %d", reg(w, d), reg(w, s), imms[(d + s) & 7]);
            }
            for (int k = 2; k < 8; k++) {
                g3fn[k](&B, w, d);
                out("muldiv", "%s %s", g3[k], reg(w, d));
            }
            x64_bswap_r(&B, w, d);
            out("bits", "bswap %s", reg(w, d));
        }
        for (int i = 0; i < nmems; i += 3) {
            struct x64_mem m = at(i);
            x64_imul_rm(&B, w, i & 15, m);
            out("muldiv", "imul %s, %s", reg(w, i & 15), mem(ptr(w), m));
        }
    }
    x64_cqo(&B);
    out("muldiv", "cqo");
    x64_cdq(&B);
    out("muldiv", "cdq");

    static const char *const cnt[] = {"lzcnt", "tzcnt", "popcnt", "bsr", "bsf"};
    static void (*const cntfn[])(struct x64_buf *, enum x64_width, enum x64_reg, enum x64_reg) = {
        x64_lzcnt_rr, x64_tzcnt_rr, x64_popcnt_rr, x64_bsr_rr, x64_bsf_rr};
    static const char *const bt[] = {"bt", "bts", "btr", "btc"};
    for (enum x64_width w = W32; w <= W64; w += 32)
        for (int d = 0; d < 16; d++)
            for (int s = 0; s < 16; s++) {
                for (int k = 0; k < 5; k++) {
                    cntfn[k](&B, w, d, s);
                    out("bits", "%s %s, %s", cnt[k], reg(w, d), reg(w, s));
                }
                x64_bt_rr(&B, X64_BT + (s & 3), w, d, s);
                out("bits", "%s %s, %s", bt[s & 3], reg(w, d), reg(w, s));
                x64_bt_ri(&B, X64_BT + (s & 3), w, d, (uint8_t)(s * 4 + 3));
                out("bits", "%s %s, %d", bt[s & 3], reg(w, d), s * 4 + 3);
            }
}

static void conds(void)
{
    for (int cc = 0; cc < 16; cc++)
        for (int r = 0; r < 16; r++) {
            x64_setcc_r(&B, cc, r);
            out("cc", "set%s %s", ccname[cc], gpr8[r]);
            for (enum x64_width w = W32; w <= W64; w += 32) {
                int s = (r * 5 + cc) & 15;
                x64_cmov_rr(&B, cc, w, r, s);
                out("cc", "cmov%s %s, %s", ccname[cc], reg(w, r), reg(w, s));
                struct x64_mem m = at((r * 16 + cc) % nmems);
                x64_cmov_rm(&B, cc, w, r, m);
                out("cc", "cmov%s %s, %s", ccname[cc], reg(w, r), mem(ptr(w), m));
            }
        }
}

static void memory(void)
{
    for (int i = 0; i < nmems; i++)
        for (int wi = 0; wi < 4; wi++) {
            enum x64_width w = widths[wi];
            int r = (i * 3 + wi) & 15;
            struct x64_mem m = at(i);
            x64_load(&B, w, false, r, m);
            if (w == W8 || w == W16)
                out("load", "movzx %s, %s", gpr32[r], mem(ptr(w), m));
            else
                out("load", "mov %s, %s", reg(w, r), mem(ptr(w), m));
            m = at(i);
            x64_load(&B, w, true, r, m);
            if (w == W64)
                out("load", "mov %s, %s", gpr64[r], mem(ptr(w), m));
            else
                out("load", "%s %s, %s", w == W32 ? "movsxd" : "movsx", gpr64[r],
                    mem(ptr(w), m));
            m = at(i);
            x64_store(&B, w, m, r);
            out("store", "mov %s, %s", mem(ptr(w), m), reg(w, r));
            m = at(i);
            int32_t v = w == W8 ? -1 : w == W16 ? 0x1234 : -0x12345;
            x64_store_i(&B, w, m, v);
            out("store", "mov %s, %d", mem(ptr(w), m), v);
            if (w == W32 || w == W64) {
                m = at(i);
                x64_lea(&B, w, r, m);
                out("lea", "lea %s, %s", reg(w, r), mem("", m));
            }
        }
    for (int r = 0; r < 16; r++) {
        x64_push_r(&B, r);
        out("stack", "push %s", gpr64[r]);
        x64_pop_r(&B, r);
        out("stack", "pop %s", gpr64[r]);
    }
    for (enum x64_width w = W32; w <= W64; w += 32)
        for (int a = 0; a < 16; a++)
            for (int c = 0; c < 16; c++) {
                x64_xchg_rr(&B, w, a, c);
                out("atomic", "xchg %s, %s", reg(w, a), reg(w, c));
            }
    for (int i = 0; i < nmems; i += 2)
        for (int wi = 0; wi < 4; wi++) {
            enum x64_width w = widths[wi];
            int r = (i + wi) & 15;
            struct x64_mem m = at(i);
            x64_xchg_mr(&B, w, m, r);
            out("atomic", "xchg %s, %s", mem(ptr(w), m), reg(w, r));
            m = at(i);
            x64_lock_xadd(&B, w, m, r);
            out("atomic", "lock xadd %s, %s", mem(ptr(w), m), reg(w, r));
            m = at(i);
            x64_lock_cmpxchg(&B, w, m, r);
            out("atomic", "lock cmpxchg %s, %s", mem(ptr(w), m), reg(w, r));
            m = at(i);
            x64_lock(&B);
            x64_alu_mr(&B, X64_OR, w, m, r);
            out("atomic", "lock; or %s, %s", mem(ptr(w), m), reg(w, r));
        }
    x64_mfence(&B);
    out("atomic", "mfence");
    x64_pause(&B);
    out("atomic", "pause");
}

/* The text of x64_nop(n): the recommended nops, longest first. */
static char *nop_text(char *text, unsigned n)
{
    static const char *const nops[] = {"", "nop", "xchg ax, ax", "nop dword ptr [rax]",
        "{disp8} nop dword ptr [rax+0]", "{disp8} nop dword ptr [rax+rax*1+0]",
        "{disp8} nop word ptr [rax+rax*1+0]", "{disp32} nop dword ptr [rax+0]",
        "{disp32} nop dword ptr [rax+rax*1+0]", "{disp32} nop word ptr [rax+rax*1+0]"};
    *text = 0;
    for (; n; n -= n > 9 ? 9 : n)
        strcat(strcat(text, *text ? "; " : ""), nops[n > 9 ? 9 : n]);
    return text;
}

static void branches(void)
{
    /* Offsets from the start of the branch, around the rel8 limits. */
    static const int64_t offs[] = {0, 2, 6, 129, 130, -126, -127, 0x1000, -0x1000,
                                   0x7ffffff0, -0x7ffffff0};
    for (unsigned i = 0; i < sizeof offs / sizeof *offs; i++) {
        int64_t o = offs[i];
        for (int cc = 0; cc < 16; cc++) {
            x64_jcc(&B, cc, x64_here(&B) + (uintptr_t)o);
            out("branch", "j%s .%+lld", ccname[cc], (long long)o);
            x64_jcc32(&B, cc, x64_here(&B) + (uintptr_t)o);
            out("branch", "{disp32} j%s .%+lld", ccname[cc], (long long)o);
        }
        x64_jmp(&B, x64_here(&B) + (uintptr_t)o);
        out("branch", "jmp .%+lld", (long long)o);
        x64_jmp32(&B, x64_here(&B) + (uintptr_t)o);
        out("branch", "{disp32} jmp .%+lld", (long long)o);
        x64_call(&B, x64_here(&B) + (uintptr_t)o);
        out("branch", "call .%+lld", (long long)o);
        x64_call_abs(&B, x64_here(&B) + (uintptr_t)o, R11);
        out("branch", "call .%+lld", (long long)o);
        x64_jmp_abs(&B, x64_here(&B) + (uintptr_t)o, R11);
        out("branch", "jmp .%+lld", (long long)o);
    }
    /* The edges of rel32 reach, both ways. */
    x64_call_abs(&B, x64_here(&B) + 0x80000004, R11);
    out("branch", "call .+0x80000004");
    uintptr_t t = x64_here(&B) + 0x80000005;
    x64_call_abs(&B, t, R11);
    out("branch", "movabs r11, %llu; call r11", (unsigned long long)t);
    x64_jmp_abs(&B, x64_here(&B) - 0x7ffffffa, R11);
    out("branch", "jmp .-0x7ffffffa");
    t = x64_here(&B) - 0x7ffffffb;
    x64_jmp_abs(&B, t, R9);
    out("branch", "movabs r9, %llu; jmp r9", (unsigned long long)t);
    /* Out of rel32 reach: through the scratch register. */
    uintptr_t far = x64_here(&B) ^ (uintptr_t)0x400000000000;
    x64_call_abs(&B, far, R11);
    out("branch", "movabs r11, %llu; call r11", (unsigned long long)far);
    x64_jmp_abs(&B, far, RAX);
    out("branch", "movabs rax, %llu; jmp rax", (unsigned long long)far);
    /* Forward branches bound later, over 5 and 130 bytes of nops. */
    for (int cc = 0; cc < 16; cc++) {
        size_t j = x64_jcc_fwd(&B, cc);
        x64_nop(&B, 5);
        x64_bind(&B, j);
        out("branch", "{disp32} j%s .+11; {disp8} nop dword ptr [rax+rax*1+0]", ccname[cc]);
        j = x64_jcc8_fwd(&B, cc);
        x64_int3(&B);
        x64_bind8(&B, j);
        out("branch", "j%s .+3; int3", ccname[cc]);
    }
    size_t j = x64_jmp_fwd(&B);
    x64_ret(&B);
    x64_bind(&B, j);
    out("branch", "{disp32} jmp .+6; ret");
    for (int r = 0; r < 16; r++) {
        x64_movabs(&B, r, 0x1000u + (unsigned)r);
        out("branch", "movabs %s, 0x%x", gpr64[r], 0x1000u + (unsigned)r);
    }
    j = x64_call_fwd(&B);
    x64_ret(&B);
    x64_bind(&B, j);
    out("branch", "call .+6; ret");
    j = x64_jmp8_fwd(&B);
    x64_ud2(&B);
    x64_bind8(&B, j);
    out("branch", "jmp .+4; ud2");
    j = x64_jmp_fwd(&B);
    x64_patch32(&B, j, x64_here(&B) - 0x1234);
    out("branch", "{disp32} jmp .-0x1234+5");
    for (int r = 0; r < 16; r++) {
        x64_jmp_r(&B, r);
        out("branch", "jmp %s", gpr64[r]);
        x64_call_r(&B, r);
        out("branch", "call %s", gpr64[r]);
    }
    for (int i = 0; i < nmems; i += 3) {
        struct x64_mem m = at(i);
        x64_jmp_m(&B, m);
        out("branch", "jmp %s", mem("qword ptr ", m));
        m = at(i);
        x64_call_m(&B, m);
        out("branch", "call %s", mem("qword ptr ", m));
    }
    x64_ret(&B);
    out("branch", "ret");
    x64_int3(&B);
    out("branch", "int3");
    x64_ud2(&B);
    out("branch", "ud2");

    for (unsigned n = 1; n <= 20; n++) {
        x64_nop(&B, n);
        char text[200];
        out("nop", "%s", nop_text(text, n));
    }
    for (unsigned pad = 1; pad < 16; pad++) {
        x64_nop(&B, pad); /* code is 64-aligned */
        x64_align(&B, 16);
        char text[400] = "";
        out("nop", "%s; %s", nop_text(text, pad), nop_text(text + 200, 16 - pad));
    }
    x64_align(&B, 16);
    out("nop", "%s", "");
}

static void sse(void)
{
    static const struct { enum x64_sse op; const char *name, *size; } ops[] = {
        {X64_MOVSD, "movsd", "qword ptr "}, {X64_MOVSS, "movss", "dword ptr "},
        {X64_MOVAPD, "movapd", "xmmword ptr "}, {X64_MOVAPS, "movaps", "xmmword ptr "},
        {X64_ADDSD, "addsd", "qword ptr "}, {X64_ADDSS, "addss", "dword ptr "},
        {X64_SUBSD, "subsd", "qword ptr "}, {X64_SUBSS, "subss", "dword ptr "},
        {X64_MULSD, "mulsd", "qword ptr "}, {X64_MULSS, "mulss", "dword ptr "},
        {X64_DIVSD, "divsd", "qword ptr "}, {X64_DIVSS, "divss", "dword ptr "},
        {X64_SQRTSD, "sqrtsd", "qword ptr "}, {X64_SQRTSS, "sqrtss", "dword ptr "},
        {X64_MINSD, "minsd", "qword ptr "}, {X64_MINSS, "minss", "dword ptr "},
        {X64_MAXSD, "maxsd", "qword ptr "}, {X64_MAXSS, "maxss", "dword ptr "},
        {X64_UCOMISD, "ucomisd", "qword ptr "}, {X64_UCOMISS, "ucomiss", "dword ptr "},
        {X64_COMISD, "comisd", "qword ptr "}, {X64_COMISS, "comiss", "dword ptr "},
        {X64_CVTSS2SD, "cvtss2sd", "dword ptr "}, {X64_CVTSD2SS, "cvtsd2ss", "qword ptr "},
        {X64_ANDPD, "andpd", "xmmword ptr "}, {X64_ANDNPD, "andnpd", "xmmword ptr "},
        {X64_ORPD, "orpd", "xmmword ptr "}, {X64_XORPD, "xorpd", "xmmword ptr "},
        {X64_ANDPS, "andps", "xmmword ptr "}, {X64_ANDNPS, "andnps", "xmmword ptr "},
        {X64_ORPS, "orps", "xmmword ptr "}, {X64_XORPS, "xorps", "xmmword ptr "},
        {X64_PAND, "pand", "xmmword ptr "}, {X64_POR, "por", "xmmword ptr "},
        {X64_PXOR, "pxor", "xmmword ptr "},
    };
    for (unsigned k = 0; k < sizeof ops / sizeof *ops; k++) {
        for (int d = 0; d < 16; d++)
            for (int s = (d + k) & 3; s < 16; s += 4) {
                x64_sse_xx(&B, ops[k].op, d, s);
                out("sse", "%s xmm%d, xmm%d", ops[k].name, d, s);
            }
        for (int i = (int)k % 4; i < nmems; i += 4) {
            struct x64_mem m = at(i);
            x64_sse_xm(&B, ops[k].op, i & 15, m);
            out("sse", "%s xmm%d, %s", ops[k].name, i & 15, mem(ops[k].size, m));
        }
    }
    for (int i = 0; i < nmems; i++) {
        struct x64_mem m = at(i);
        x64_movsd_mx(&B, m, i & 15);
        out("sse", "movsd %s, xmm%d", mem("qword ptr ", m), i & 15);
        m = at(i);
        x64_movss_mx(&B, m, (i + 3) & 15);
        out("sse", "movss %s, xmm%d", mem("dword ptr ", m), (i + 3) & 15);
        if (i % 8 == 0) {
            m = at(i);
            x64_ldmxcsr(&B, m);
            out("sse", "ldmxcsr %s", mem("dword ptr ", m));
            m = at(i);
            x64_stmxcsr(&B, m);
            out("sse", "stmxcsr %s", mem("dword ptr ", m));
        }
    }
    for (int x = 0; x < 16; x++)
        for (int r = 0; r < 16; r++) {
            x64_movq_xr(&B, x, r);
            out("sse", "movq xmm%d, %s", x, gpr64[r]);
            x64_movq_rx(&B, r, x);
            out("sse", "movq %s, xmm%d", gpr64[r], x);
            x64_movd_xr(&B, x, r);
            out("sse", "movd xmm%d, %s", x, gpr32[r]);
            x64_movd_rx(&B, r, x);
            out("sse", "movd %s, xmm%d", gpr32[r], x);
            for (enum x64_width w = W32; w <= W64; w += 32) {
                x64_cvtsi2sd_xr(&B, w, x, r);
                out("cvt", "cvtsi2sd xmm%d, %s", x, reg(w, r));
                x64_cvtsi2ss_xr(&B, w, x, r);
                out("cvt", "cvtsi2ss xmm%d, %s", x, reg(w, r));
                x64_cvttsd2si_rx(&B, w, r, x);
                out("cvt", "cvttsd2si %s, xmm%d", reg(w, r), x);
                x64_cvtsd2si_rx(&B, w, r, x);
                out("cvt", "cvtsd2si %s, xmm%d", reg(w, r), x);
                x64_cvttss2si_rx(&B, w, r, x);
                out("cvt", "cvttss2si %s, xmm%d", reg(w, r), x);
                x64_cvtss2si_rx(&B, w, r, x);
                out("cvt", "cvtss2si %s, xmm%d", reg(w, r), x);
            }
        }
    for (int d = 0; d < 16; d++)
        for (int s = 0; s < 16; s++) {
            x64_roundsd_xx(&B, d, s, (uint8_t)(s & 15));
            out("sse", "roundsd xmm%d, xmm%d, %d", d, s, s & 15);
            x64_roundss_xx(&B, d, s, (uint8_t)(d & 15));
            out("sse", "roundss xmm%d, xmm%d, %d", d, s, d & 15);
            x64_cmpsd_xx(&B, d, s, (uint8_t)(s & 7));
            out("sse", "cmpsd xmm%d, xmm%d, %d", d, s, s & 7);
            x64_cmpss_xx(&B, d, s, (uint8_t)(d & 7));
            out("sse", "cmpss xmm%d, xmm%d, %d", d, s, d & 7);
        }

    static const char *const kind[] = {"vfmadd", "vfmsub", "vfnmadd", "vfnmsub"};
    for (int order = 0; order < 3; order++)
        for (int k = 0; k < 4; k++) {
            enum x64_fma op = 0x99 + order * 0x10 + k * 2;
            const char *digits = order == 0 ? "132" : order == 1 ? "213" : "231";
            for (int dbl = 0; dbl < 2; dbl++) {
                const char *t = dbl ? "sd" : "ss";
                for (int d = 0; d < 16; d++)
                    for (int a = d & 1; a < 16; a += 2) {
                        int c = (d + a * 3 + k) & 15;
                        x64_fma_xxx(&B, op, dbl, d, a, c);
                        out("fma", "%s%s%s xmm%d, xmm%d, xmm%d", kind[k], digits, t, d, a, c);
                    }
                for (int i = k + order; i < nmems; i += 7) {
                    struct x64_mem m = at(i);
                    x64_fma_xxm(&B, op, dbl, i & 15, (i * 3) & 15, m);
                    out("fma", "%s%s%s xmm%d, xmm%d, %s", kind[k], digits, t, i & 15,
                        (i * 3) & 15, mem(dbl ? "qword ptr " : "dword ptr ", m));
                }
            }
        }
    static const struct { enum x64_sse op; const char *name; } avx[] = {
        {X64_ADDSD, "vaddsd"}, {X64_ADDSS, "vaddss"}, {X64_SUBSD, "vsubsd"},
        {X64_SUBSS, "vsubss"}, {X64_MULSD, "vmulsd"}, {X64_MULSS, "vmulss"},
        {X64_DIVSD, "vdivsd"}, {X64_DIVSS, "vdivss"}, {X64_MINSD, "vminsd"},
        {X64_MAXSS, "vmaxss"}, {X64_SQRTSD, "vsqrtsd"},
    };
    for (unsigned k = 0; k < sizeof avx / sizeof *avx; k++)
        for (int d = 0; d < 16; d++)
            for (int a = (d + (int)k) & 1; a < 16; a += 2) {
                int c = (d * 5 + a + (int)k) & 15;
                x64_avx_xxx(&B, avx[k].op, d, a, c);
                out("avx", "%s xmm%d, xmm%d, xmm%d", avx[k].name, d, a, c);
            }
    x64_vfmadd231sd(&B, XMM1, XMM2, XMM3);
    out("fma", "vfmadd231sd xmm1, xmm2, xmm3");
    x64_vfnmsub132ss(&B, XMM9, XMM10, XMM11);
    out("fma", "vfnmsub132ss xmm9, xmm10, xmm11");
}

int main(void)
{
    x64_init(&B, code, sizeof code);
    make_mems();
    alu();
    moves();
    shifts();
    arith();
    conds();
    memory();
    branches();
    sse();
    fprintf(stderr, "x64_selftest: %lu cases, %d memory operands\n", ncases, nmems);
    return 0;
}
