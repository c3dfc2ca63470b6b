/* The reference decoder: slow and plainly correct, for tests to hold the
 * fast one (decode.c) to. It shares nothing with it but the tables: a
 * 32-bit word is whichever isa.def entry has (w & mask) == match, a 16-bit
 * one whichever isa_c.def entry matches and whose format's rules accept it,
 * and exactly one entry must claim the word. Immediates are gathered with
 * the bit lists the specification prints ("12|10:5"), not with shifts. */
#include <stdlib.h>
#include "rv/decode.h"

/* Gathers an immediate from instruction bits hi..lo, whose meaning is given
 * as the specification writes it: "11|4|9:8|10|6|7|3:1|5" says bit hi is
 * imm[11], the next one down imm[4], the next two imm[9:8], and so on. */
static int number(const char **s)
{
    int n = 0;
    while (**s >= '0' && **s <= '9')
        n = n * 10 + *(*s)++ - '0';
    return n;
}

static uint32_t gather(uint32_t w, int hi, int lo, const char *layout)
{
    uint32_t imm = 0;
    int pos = hi;
    const char *s = layout;
    while (*s) {
        int a = number(&s), b = a;
        if (*s == ':') {
            s++;
            b = number(&s);
        }
        for (int i = a; i >= b; i--, pos--)
            imm |= ((w >> pos) & 1u) << i;
        if (*s == '|')
            s++;
    }
    if (pos != lo - 1)
        abort(); /* a layout that does not cover hi..lo is a bug here */
    return imm;
}

static int32_t sign_extend(uint32_t v, int top_bit)
{
    return (v >> top_bit) & 1 ? (int32_t)(v | ~0u << top_bit) : (int32_t)v;
}

/* A register or funct field, bits hi..lo. */
static uint8_t field(uint32_t w, int hi, int lo)
{
    return (uint8_t)((w >> lo) & ((1u << (hi - lo + 1)) - 1));
}

/* --- 32-bit ------------------------------------------------------------ */

static const struct {
    uint32_t match, mask;
    enum rv_format format;
} table[] = {
#define RV_OP(name, mnem, match, mask, fmt, regs, ext)                         \
    [RV_##name] = {match, mask, RV_FMT_##fmt},
#include "rv/isa.def"
#undef RV_OP
};

static bool extract32(uint32_t w, enum rv_format f, struct rv_insn *d)
{
    uint8_t rd = field(w, 11, 7), rs1 = field(w, 19, 15),
            rs2 = field(w, 24, 20), rm = field(w, 14, 12);
    switch (f) {
    case RV_FMT_NONE:
        break;
    case RV_FMT_R4:
        d->rs3 = field(w, 31, 27);
        /* fall through */
    case RV_FMT_RM:
        d->rs2 = rs2;
        /* fall through */
    case RV_FMT_RM1:
        d->rd = rd;
        d->rs1 = rs1;
        d->rm = rm;
        return rm != 5 && rm != 6;
    case RV_FMT_R:
    case RV_FMT_AMO:
        d->rs2 = rs2;
        /* fall through */
    case RV_FMT_R1:
    case RV_FMT_LR:
        d->rd = rd;
        d->rs1 = rs1;
        if (f == RV_FMT_AMO || f == RV_FMT_LR)
            d->rm = (uint8_t)gather(w, 26, 25, "1|0"); /* aq, rl */
        break;
    case RV_FMT_I:
    case RV_FMT_L:
        d->rd = rd;
        d->rs1 = rs1;
        d->imm = sign_extend(gather(w, 31, 20, "11:0"), 11);
        break;
    case RV_FMT_S:
        d->rs1 = rs1;
        d->rs2 = rs2;
        d->imm = sign_extend(gather(w, 31, 25, "11:5") |
                             gather(w, 11, 7, "4:0"), 11);
        break;
    case RV_FMT_B:
        d->rs1 = rs1;
        d->rs2 = rs2;
        d->imm = sign_extend(gather(w, 31, 25, "12|10:5") |
                             gather(w, 11, 7, "4:1|11"), 12);
        break;
    case RV_FMT_U:
        d->rd = rd;
        d->imm = (int32_t)gather(w, 31, 12, "31:12");
        break;
    case RV_FMT_J:
        d->rd = rd;
        d->imm = sign_extend(gather(w, 31, 12, "20|10:1|11|19:12"), 20);
        break;
    case RV_FMT_SH6:
    case RV_FMT_SH5:
        d->rd = rd;
        d->rs1 = rs1;
        d->imm = (int32_t)(f == RV_FMT_SH6 ? gather(w, 25, 20, "5:0")
                                           : gather(w, 24, 20, "4:0"));
        break;
    case RV_FMT_CSR:
    case RV_FMT_CSRI: /* for CSRI the rs1 field is the immediate */
        d->rd = rd;
        d->rs1 = rs1;
        d->imm = (int32_t)gather(w, 31, 20, "11:0");
        break;
    case RV_FMT_FENCE:
        d->imm = (int32_t)gather(w, 31, 20, "11:0");
        break;
    }
    return true;
}

static bool decode32(uint32_t w, struct rv_insn *d)
{
    int found = 0, op = 0;
    for (int i = 1; i < RV_OP_COUNT; i++)
        if ((w & table[i].mask) == table[i].match) {
            found++;
            op = i;
        }
    if (found != 1)
        return false;
    d->op = (uint16_t)op;
    return extract32(w, table[op].format, d);
}

/* --- 16-bit ------------------------------------------------------------ */

enum rvc_name {
#define RV_COP(name, mnem, match, mask, cfmt, base) RVC_##name,
#include "rv/isa_c.def"
#undef RV_COP
    RVC_COUNT
};

/* The CFORMAT column: where a layout keeps its operands, and which of its
 * encodings are reserved. */
enum rvc_layout {
    CIW_ADDI4SPN, CL_D, CL_W, CS_D, CS_W, CI_ADDI, CI_ADDIW, CI_LI,
    CI_ADDI16SP, CI_LUI, CB_SHIFT, CB_ANDI, CA, CJ, CB_BRANCH, CI_SLLI,
    CI_LDSP, CI_LWSP, CI_LDSP_X, CR_JR, CR_MV, CR_EBREAK, CR_JALR, CR_ADD,
    CSS_D, CSS_W,
};

static const struct {
    uint16_t match, mask;
    enum rvc_layout layout;
    enum rv_op base;
} ctable[] = {
#define RV_COP(name, mnem, match, mask, cfmt, base_op)                         \
    [RVC_##name] = {match, mask, cfmt, RV_##base_op},
#include "rv/isa_c.def"
#undef RV_COP
};

/* Registers x8..x15 named by a 3-bit field. */
static uint8_t creg(uint32_t h, int hi)
{
    return (uint8_t)(8 + field(h, hi, hi - 2));
}

/* Expands h by the rules of one layout into d (operands only). Returns
 * false for the encodings that layout reserves. */
static bool expand16(uint32_t h, enum rvc_layout l, struct rv_insn *d)
{
    uint8_t r = field(h, 11, 7), r2 = field(h, 6, 2);
    uint8_t r1p = creg(h, 9), r2p = creg(h, 4);
    int32_t ci = sign_extend(gather(h, 12, 12, "5") | gather(h, 6, 2, "4:0"),
                             5);
    uint32_t shamt = gather(h, 12, 12, "5") | gather(h, 6, 2, "4:0");
    uint32_t u;
    switch (l) {
    case CIW_ADDI4SPN:
        u = gather(h, 12, 5, "5:4|9:6|2|3");
        *d = (struct rv_insn){.rd = r2p, .rs1 = 2, .imm = (int32_t)u};
        return u != 0;
    case CL_D:
    case CL_W:
    case CS_D:
    case CS_W:
        u = gather(h, 12, 10, "5:3") |
            gather(h, 6, 5, l == CL_D || l == CS_D ? "7:6" : "2|6");
        *d = (struct rv_insn){.rs1 = r1p, .imm = (int32_t)u};
        if (l == CL_D || l == CL_W)
            d->rd = r2p;
        else
            d->rs2 = r2p;
        return true;
    case CI_ADDI:
        *d = (struct rv_insn){.rd = r, .rs1 = r, .imm = ci};
        return true;
    case CI_ADDIW:
        *d = (struct rv_insn){.rd = r, .rs1 = r, .imm = ci};
        return r != 0;
    case CI_LI:
        *d = (struct rv_insn){.rd = r, .imm = ci};
        return true;
    case CI_ADDI16SP:
        *d = (struct rv_insn){.rd = 2, .rs1 = 2};
        d->imm = sign_extend(gather(h, 12, 12, "9") |
                             gather(h, 6, 2, "4|6|8:7|5"), 9);
        return d->imm != 0;
    case CI_LUI:
        *d = (struct rv_insn){.rd = r};
        d->imm = sign_extend(gather(h, 12, 12, "17") |
                             gather(h, 6, 2, "16:12"), 17);
        return r != 2 && d->imm != 0;
    case CB_SHIFT:
        *d = (struct rv_insn){.rd = r1p, .rs1 = r1p, .imm = (int32_t)shamt};
        return true;
    case CB_ANDI:
        *d = (struct rv_insn){.rd = r1p, .rs1 = r1p, .imm = ci};
        return true;
    case CA:
        *d = (struct rv_insn){.rd = r1p, .rs1 = r1p, .rs2 = r2p};
        return true;
    case CJ:
        *d = (struct rv_insn){.imm = sign_extend(
                                  gather(h, 12, 2, "11|4|9:8|10|6|7|3:1|5"),
                                  11)};
        return true;
    case CB_BRANCH:
        *d = (struct rv_insn){.rs1 = r1p};
        d->imm = sign_extend(gather(h, 12, 10, "8|4:3") |
                             gather(h, 6, 2, "7:6|2:1|5"), 8);
        return true;
    case CI_SLLI:
        *d = (struct rv_insn){.rd = r, .rs1 = r, .imm = (int32_t)shamt};
        return true;
    case CI_LDSP:
    case CI_LDSP_X:
    case CI_LWSP:
        u = gather(h, 12, 12, "5") |
            gather(h, 6, 2, l == CI_LWSP ? "4:2|7:6" : "4:3|8:6");
        *d = (struct rv_insn){.rd = r, .rs1 = 2, .imm = (int32_t)u};
        return l == CI_LDSP || r != 0;
    case CR_JR:
        *d = (struct rv_insn){.rs1 = r};
        return r != 0;
    case CR_JALR:
        *d = (struct rv_insn){.rd = 1, .rs1 = r};
        return r != 0;
    case CR_MV:
        *d = (struct rv_insn){.rd = r, .rs2 = r2};
        return r2 != 0;
    case CR_ADD:
        *d = (struct rv_insn){.rd = r, .rs1 = r, .rs2 = r2};
        return r2 != 0;
    case CR_EBREAK:
        *d = (struct rv_insn){0};
        return true;
    case CSS_D:
    case CSS_W:
        u = gather(h, 12, 7, l == CSS_D ? "5:3|8:6" : "5:2|7:6");
        *d = (struct rv_insn){.rs1 = 2, .rs2 = r2, .imm = (int32_t)u};
        return true;
    }
    return false;
}

static bool decode16(uint32_t h, struct rv_insn *d)
{
    int found = 0;
    for (int i = 0; i < RVC_COUNT; i++) {
        struct rv_insn t;
        if ((h & ctable[i].mask) == ctable[i].match &&
            expand16(h, ctable[i].layout, &t)) {
            found++;
            *d = t;
            d->op = (uint16_t)ctable[i].base;
        }
    }
    return found == 1;
}

void rv_decode_ref(uint32_t word, struct rv_insn *out)
{
    int len = rv_insn_length((uint16_t)word);
    bool ok = false;
    *out = (struct rv_insn){0};
    if (len == 4)
        ok = decode32(word, out);
    else if (len == 2)
        ok = decode16(word & 0xffff, out);
    if (!ok) {
        len = len ? len : 2;
        *out = (struct rv_insn){.op = RV_ILLEGAL, .len = (uint8_t)len};
        out->imm = (int32_t)(len == 2 ? word & 0xffff : word);
    } else {
        out->len = (uint8_t)len;
    }
}
