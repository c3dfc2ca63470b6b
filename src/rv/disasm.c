/* The disassembler: struct rv_insn to text, in the style of GNU objdump's
 * "-M no-aliases" output, so listings can be compared with objdump's line
 * by line. Compressed instructions print as the operation they expand to.
 * Operand formats come from the "format" column of isa.def; only what
 * objdump spells specially (jalr, rounding modes, fences, CSR names,
 * atomics' ordering suffixes) is handled case by case. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include "rv/decode.h"

const char *const rv_xreg_name[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

const char *const rv_freg_name[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
    "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

/* The unprivileged CSRs and the common supervisor and machine ones, by the
 * names the privileged specification gives them (and objdump prints). */
static const struct {
    uint16_t num;
    const char *name;
} csr_names[] = {
    {0x001, "fflags"}, {0x002, "frm"}, {0x003, "fcsr"},
    {0x008, "vstart"}, {0x009, "vxsat"}, {0x00a, "vxrm"}, {0x00f, "vcsr"},
    {0x015, "seed"},
    {0xc00, "cycle"}, {0xc01, "time"}, {0xc02, "instret"},
    {0xc20, "vl"}, {0xc21, "vtype"}, {0xc22, "vlenb"},
    {0xc80, "cycleh"}, {0xc81, "timeh"}, {0xc82, "instreth"},
    {0x100, "sstatus"}, {0x104, "sie"}, {0x105, "stvec"},
    {0x106, "scounteren"}, {0x10a, "senvcfg"}, {0x140, "sscratch"},
    {0x141, "sepc"}, {0x142, "scause"}, {0x143, "stval"}, {0x144, "sip"},
    {0x180, "satp"},
    {0x300, "mstatus"}, {0x301, "misa"}, {0x302, "medeleg"},
    {0x303, "mideleg"}, {0x304, "mie"}, {0x305, "mtvec"},
    {0x306, "mcounteren"}, {0x340, "mscratch"}, {0x341, "mepc"},
    {0x342, "mcause"}, {0x343, "mtval"}, {0x344, "mip"},
    {0xb00, "mcycle"}, {0xb02, "minstret"},
    {0xf11, "mvendorid"}, {0xf12, "marchid"}, {0xf13, "mimpid"},
    {0xf14, "mhartid"},
};

/* Appends to a buffer that may be too small, counting what it wanted, as
 * snprintf does. */
struct out {
    char *buf;
    size_t size, len;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->size ? o->size - o->len : 0;
    int n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n;
}

static const char *reg(enum rv_op op, int i, int r)
{
    return rv_regfile(op, i) == RV_REG_F ? rv_freg_name[r & 31]
                                         : rv_xreg_name[r & 31];
}

static void put_csr(struct out *o, int32_t num)
{
    for (size_t i = 0; i < sizeof csr_names / sizeof csr_names[0]; i++)
        if (csr_names[i].num == num) {
            put(o, "%s", csr_names[i].name);
            return;
        }
    /* Numbered counters come in families of 29 (3..31). */
    static const struct { uint16_t base; const char *name, *suffix; } fam[] = {
        {0xc00, "hpmcounter", ""}, {0xc80, "hpmcounter", "h"},
        {0xb00, "mhpmcounter", ""}, {0x320, "mhpmevent", ""},
    };
    for (size_t i = 0; i < sizeof fam / sizeof fam[0]; i++)
        if (num >= fam[i].base + 3 && num <= fam[i].base + 31) {
            put(o, "%s%d%s", fam[i].name, num - fam[i].base, fam[i].suffix);
            return;
        }
    put(o, "0x%x", (unsigned)num);
}

/* objdump omits the rounding mode when it is the one the assembler picks
 * by default: dyn, except for the conversions that are always exact, which
 * the assembler encodes with rne. */
static void put_rm(struct out *o, enum rv_op op, int rm)
{
    static const char *const names[8] = {"rne", "rtz", "rdn", "rup",
                                         "rmm", "0x5", "0x6", "dyn"};
    bool exact = op == RV_FCVT_D_S || op == RV_FCVT_D_W || op == RV_FCVT_D_WU;
    if (rm != (exact ? RV_RNE : RV_DYN))
        put(o, ",%s", names[rm & 7]);
}

static void put_fence_set(struct out *o, int set)
{
    if (!set) {
        put(o, "unknown"); /* objdump's word for the empty set */
        return;
    }
    for (int i = 3; i >= 0; i--)
        if (set & 1 << i)
            put(o, "%c", "wroi"[i]);
}

int rv_disasm(const struct rv_insn *d, uint64_t pc, char *buf, size_t size)
{
    struct out o = {buf, size, 0};
    enum rv_op op = d->op < RV_OP_COUNT ? (enum rv_op)d->op : RV_ILLEGAL;
    const char *rd = reg(op, 0, d->rd), *rs1 = reg(op, 1, d->rs1),
               *rs2 = reg(op, 2, d->rs2), *rs3 = reg(op, 3, d->rs3);
    uint64_t target = pc + (uint64_t)(int64_t)d->imm;
    if (size)
        buf[0] = 0;
    if (op == RV_ILLEGAL) {
        if (d->len == 2)
            put(&o, ".2byte 0x%x", (unsigned)d->imm & 0xffff);
        else
            put(&o, ".4byte 0x%x", (unsigned)d->imm);
        return (int)o.len;
    }
    if (op == RV_FENCE && d->imm == 0x833) { /* fm = TSO, rw,rw */
        put(&o, "fence.tso");
        return (int)o.len;
    }
    put(&o, "%s", rv_opinfo[op].mnemonic);
    switch (rv_opinfo[op].format) {
    case RV_FMT_NONE:
        break;
    case RV_FMT_R:
        put(&o, " %s,%s,%s", rd, rs1, rs2);
        break;
    case RV_FMT_R1:
        put(&o, " %s,%s", rd, rs1);
        break;
    case RV_FMT_RM:
        put(&o, " %s,%s,%s", rd, rs1, rs2);
        put_rm(&o, op, d->rm);
        break;
    case RV_FMT_RM1:
        put(&o, " %s,%s", rd, rs1);
        put_rm(&o, op, d->rm);
        break;
    case RV_FMT_R4:
        put(&o, " %s,%s,%s,%s", rd, rs1, rs2, rs3);
        put_rm(&o, op, d->rm);
        break;
    case RV_FMT_I:
        if (op == RV_JALR)
            put(&o, " %s,%d(%s)", rd, d->imm, rs1);
        else
            put(&o, " %s,%s,%d", rd, rs1, d->imm);
        break;
    case RV_FMT_L:
        put(&o, " %s,%d(%s)", rd, d->imm, rs1);
        break;
    case RV_FMT_S:
        put(&o, " %s,%d(%s)", rs2, d->imm, rs1);
        break;
    case RV_FMT_B:
        put(&o, " %s,%s,%" PRIx64, rs1, rs2, target);
        break;
    case RV_FMT_U:
        put(&o, " %s,0x%x", rd, ((unsigned)d->imm >> 12) & 0xfffff);
        break;
    case RV_FMT_J:
        put(&o, " %s,%" PRIx64, rd, target);
        break;
    case RV_FMT_SH6:
    case RV_FMT_SH5:
        put(&o, " %s,%s,0x%x", rd, rs1, (unsigned)d->imm);
        break;
    case RV_FMT_CSR:
    case RV_FMT_CSRI:
        put(&o, " %s,", rd);
        put_csr(&o, d->imm);
        if (rv_opinfo[op].format == RV_FMT_CSR)
            put(&o, ",%s", rs1);
        else
            put(&o, ",%d", d->rs1);
        break;
    case RV_FMT_FENCE:
        put(&o, " ");
        put_fence_set(&o, d->imm >> 4 & 15);
        put(&o, ",");
        put_fence_set(&o, d->imm & 15);
        break;
    case RV_FMT_LR:
    case RV_FMT_AMO:
        put(&o, "%s", (const char *[]){"", ".rl", ".aq", ".aqrl"}[d->rm & 3]);
        if (rv_opinfo[op].format == RV_FMT_LR)
            put(&o, " %s,(%s)", rd, rs1);
        else
            put(&o, " %s,%s,(%s)", rd, rs2, rs1);
        break;
    }
    return (int)o.len;
}
