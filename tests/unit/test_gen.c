/* Tests of the random program generator's encoder (src/gen/encode.c): every
 * operation of isa.def and every compressed form of isa_c.def, with random
 * legal operands, must decode (rv_decode) to the operation and operands it
 * was encoded from; and a generated program must be the same for the same
 * seed and made of instructions that all decode. */
#include <stdlib.h>
#include <string.h>
#include "gen/encode.h"
#include "gen/prog.h"
#include "rv/decode.h"
#include "test.h"

static uint64_t rng = 12345;

static uint32_t rnd(uint32_t n)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng >> 33) % n;
}

static int32_t simm(int bits, int align)
{
    int32_t v = (int32_t)rnd(1u << bits) - (1 << (bits - 1));
    return v & -align;
}

/* Random operands that the format of op can hold; rm avoids the reserved
 * rounding modes 5 and 6, which decode as illegal. */
static struct rv_insn random_operands(enum rv_op op)
{
    static const uint8_t rms[] = {0, 1, 2, 3, 4, 7};
    struct rv_insn in = {.op = (uint16_t)op, .rd = (uint8_t)rnd(32),
                         .rs1 = (uint8_t)rnd(32), .rs2 = (uint8_t)rnd(32),
                         .rs3 = (uint8_t)rnd(32), .rm = rms[rnd(6)], .len = 4};
    switch (rv_opinfo[op].format) {
    case RV_FMT_I: case RV_FMT_L: case RV_FMT_S: in.imm = simm(12, 1); break;
    case RV_FMT_B: in.imm = simm(13, 2); break;
    case RV_FMT_J: in.imm = simm(21, 2); break;
    case RV_FMT_U: in.imm = (int32_t)(rnd(1u << 20) << 12); break;
    case RV_FMT_SH6: in.imm = (int32_t)rnd(64); break;
    case RV_FMT_SH5: in.imm = (int32_t)rnd(32); break;
    case RV_FMT_CSR: case RV_FMT_CSRI: in.imm = (int32_t)rnd(4096); break;
    case RV_FMT_FENCE: in.imm = (int32_t)rnd(256); break;
    case RV_FMT_LR: case RV_FMT_AMO: in.rm = (uint8_t)rnd(4); break;
    default: break;
    }
    return in;
}

/* Compares the operands the format encodes. */
static void check_same(const struct rv_insn *want, const struct rv_insn *got,
                       uint32_t word)
{
    const char *regs = rv_opinfo[want->op].regs;
    uint8_t f = rv_opinfo[want->op].format;
    bool rs1_is_imm = f == RV_FMT_CSRI;
    CHECK_EQ(got->op, want->op);
    if (got->op != want->op) {
        printf("  word %08x: %s\n", word, rv_opinfo[want->op].mnemonic);
        return;
    }
    if (regs[0] != '-')
        CHECK_EQ(got->rd, want->rd);
    if (regs[1] != '-' || rs1_is_imm)
        CHECK_EQ(got->rs1, want->rs1);
    if (regs[2] != '-')
        CHECK_EQ(got->rs2, want->rs2);
    if (regs[3] != '-')
        CHECK_EQ(got->rs3, want->rs3);
    if (f == RV_FMT_RM || f == RV_FMT_RM1 || f == RV_FMT_R4 ||
        f == RV_FMT_LR || f == RV_FMT_AMO)
        CHECK_EQ(got->rm, want->rm);
    if (f != RV_FMT_R && f != RV_FMT_R1 && f != RV_FMT_RM &&
        f != RV_FMT_RM1 && f != RV_FMT_R4 && f != RV_FMT_NONE &&
        f != RV_FMT_LR && f != RV_FMT_AMO)
        CHECK_EQ((uint32_t)got->imm, (uint32_t)want->imm);
    CHECK_EQ(got->len, want->len);
}

TEST(gen_encode_roundtrip)
{
    for (int op = 1; op < RV_OP_COUNT; op++)
        for (int i = 0; i < 200; i++) {
            struct rv_insn want = random_operands(op), got;
            uint32_t w = gen_encode(&want);
            rv_decode(w, &got);
            check_same(&want, &got, w);
        }
}

/* The expansion of a compressed form, as the RVC chapter gives it. */
static struct rv_insn expand(enum gen_cop c, unsigned rd, unsigned rs1,
                             unsigned rs2, int32_t imm)
{
    struct rv_insn in = {.rd = (uint8_t)rd, .rs1 = (uint8_t)rs1,
                         .rs2 = (uint8_t)rs2, .imm = imm, .len = 2};
    static const uint16_t base[GEN_COP_COUNT] = {
#define RV_COP(name, mnem, match, mask, cfmt, base_op) [GEN_##name] = RV_##base_op,
#include "rv/isa_c.def"
#undef RV_COP
    };
    in.op = base[c];
    switch (c) {
    case GEN_C_ADDI4SPN: in.rs1 = 2; break;
    case GEN_C_ADDI: case GEN_C_ADDIW: case GEN_C_SRLI: case GEN_C_SRAI:
    case GEN_C_ANDI: case GEN_C_SLLI: case GEN_C_SUB: case GEN_C_XOR:
    case GEN_C_OR: case GEN_C_AND: case GEN_C_SUBW: case GEN_C_ADDW:
    case GEN_C_ADD:
        in.rs1 = (uint8_t)rd; break;
    case GEN_C_LI: case GEN_C_MV: in.rs1 = 0; break;
    case GEN_C_ADDI16SP: in.rd = in.rs1 = 2; break;
    case GEN_C_J: in.rd = 0; break;
    case GEN_C_BEQZ: case GEN_C_BNEZ: in.rs2 = 0; break;
    case GEN_C_JR: in.rd = 0; break;
    case GEN_C_JALR: in.rd = 1; break;
    default: break;
    }
    return in;
}

TEST(gen_cencode_roundtrip)
{
    for (int c = 0; c < GEN_COP_COUNT; c++)
        for (int i = 0; i < 200; i++) {
            unsigned r8 = 8 + rnd(8), s8 = 8 + rnd(8), t8 = 8 + rnd(8);
            unsigned rx = 1 + rnd(31), sx = 1 + rnd(31);
            unsigned rd = r8, rs1 = s8, rs2 = t8;
            int32_t imm = 0;
            switch (c) {
            case GEN_C_ADDI4SPN: imm = 4 + 4 * (int32_t)rnd(255); break;
            case GEN_C_FLD: case GEN_C_LD: case GEN_C_FSD: case GEN_C_SD:
                imm = 8 * (int32_t)rnd(32); break;
            case GEN_C_LW: case GEN_C_SW: imm = 4 * (int32_t)rnd(32); break;
            case GEN_C_ADDI: case GEN_C_ADDIW: case GEN_C_LI:
                rd = rx; imm = simm(6, 1); imm += !imm; break;
            case GEN_C_ADDI16SP: imm = 16 * (simm(6, 1) | 1); break;
            case GEN_C_LUI:
                rd = rx == 2 ? 3 : rx; imm = (simm(6, 1) | 1) * 4096; break;
            case GEN_C_SRLI: case GEN_C_SRAI: imm = 1 + (int32_t)rnd(63); break;
            case GEN_C_ANDI: imm = simm(6, 1); break;
            case GEN_C_J: imm = simm(12, 2); break;
            case GEN_C_BEQZ: case GEN_C_BNEZ: imm = simm(9, 2); break;
            case GEN_C_SLLI: rd = rx; imm = 1 + (int32_t)rnd(63); break;
            case GEN_C_FLDSP: case GEN_C_LDSP:
                rd = rx; rs1 = 2; imm = 8 * (int32_t)rnd(64); break;
            case GEN_C_LWSP: rd = rx; rs1 = 2; imm = 4 * (int32_t)rnd(64); break;
            case GEN_C_JR: case GEN_C_JALR: rs1 = sx; break;
            case GEN_C_MV: case GEN_C_ADD: rd = rx; rs2 = sx; break;
            case GEN_C_FSDSP: case GEN_C_SDSP:
                rs1 = 2; rs2 = sx; imm = 8 * (int32_t)rnd(64); break;
            case GEN_C_SWSP: rs1 = 2; rs2 = sx; imm = 4 * (int32_t)rnd(64); break;
            default: break;
            }
            uint16_t h = gen_cencode(c, rd, rs1, rs2, imm);
            struct rv_insn want = expand(c, rd, rs1, rs2, imm), got;
            if (c == GEN_C_EBREAK)
                want = (struct rv_insn){.op = RV_EBREAK, .len = 2};
            rv_decode(h, &got);
            if (got.op != want.op)
                printf("  %s: %04x\n", gen_cop_name(c), h);
            check_same(&want, &got, h);
        }
}

TEST(gen_program_deterministic_and_decodable)
{
    struct gen_options opt;
    gen_default_options(&opt);
    for (uint64_t seed = 0; seed < 20; seed++) {
        struct gen_prog a, b;
        size_t sa, sb;
        gen_program(seed, &opt, &a);
        gen_program(seed, &opt, &b);
        uint8_t *ia = gen_elf(&a, false, NULL, &sa);
        uint8_t *ib = gen_elf(&b, false, NULL, &sb);
        CHECK(sa == sb && !memcmp(ia, ib, sa));
        for (size_t i = 0; i < a.nslots; i++) {
            struct rv_insn in;
            rv_decode(a.slot[i].word, &in);
            CHECK(in.op != RV_ILLEGAL && in.len == a.slot[i].len);
            rv_decode(a.slot[i].ref, &in);
            CHECK(in.op != RV_ILLEGAL && in.op != RV_CZERO_EQZ &&
                  in.op != RV_CZERO_NEZ);
        }
        free(ia);
        free(ib);
        gen_free(&a);
        gen_free(&b);
    }
}
