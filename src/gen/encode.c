/* Instruction encoding: places operand fields around the match bits of the
 * ISA tables. The field layouts are the ones of the RISC-V unprivileged
 * specification (chapter 2 for the base formats, the RVC chapter for the
 * compressed ones); every result is checked against the table's mask and
 * match so a wrong operand can never silently change the operation. */
#include <assert.h>
#include "gen/encode.h"

struct gen_copinfo {
    const char *mnemonic;
    uint16_t match, mask;
    uint8_t format;
};

enum gen_cformat {
    CF_CIW_ADDI4SPN, CF_CL_D, CF_CL_W, CF_CS_D, CF_CS_W, CF_CI_ADDI,
    CF_CI_ADDIW, CF_CI_LI, CF_CI_ADDI16SP, CF_CI_LUI, CF_CB_SHIFT, CF_CB_ANDI,
    CF_CA, CF_CJ, CF_CB_BRANCH, CF_CI_SLLI, CF_CI_LDSP, CF_CI_LWSP,
    CF_CI_LDSP_X, CF_CR_JR, CF_CR_MV, CF_CR_EBREAK, CF_CR_JALR, CF_CR_ADD,
    CF_CSS_D, CF_CSS_W,
};

static const struct gen_copinfo gen_copinfo[GEN_COP_COUNT] = {
#define RV_COP(name, mnem, match_, mask_, cfmt, base)                          \
    [GEN_##name] = {mnem, match_, mask_, CF_##cfmt},
#include "rv/isa_c.def"
#undef RV_COP
};

const char *gen_cop_name(enum gen_cop op)
{
    return gen_copinfo[op].mnemonic;
}

static uint32_t bits(uint32_t v, int hi, int lo)
{
    return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}

static bool fits_signed(int32_t v, int nbits)
{
    return v >= -(1 << (nbits - 1)) && v < (1 << (nbits - 1));
}

uint32_t gen_encode(const struct rv_insn *in)
{
    const struct rv_opinfo *info = &rv_opinfo[in->op];
    uint32_t w = info->match, imm = (uint32_t)in->imm;
    uint32_t rd = (uint32_t)in->rd << 7, rs1 = (uint32_t)in->rs1 << 15;
    uint32_t rs2 = (uint32_t)in->rs2 << 20, rm = (uint32_t)in->rm << 12;
    assert(in->rd < 32 && in->rs1 < 32 && in->rs2 < 32 && in->rs3 < 32);
    switch (info->format) {
    case RV_FMT_NONE:
        break;
    case RV_FMT_R:
        w |= rd | rs1 | rs2;
        break;
    case RV_FMT_R1:
        w |= rd | rs1;
        break;
    case RV_FMT_RM:
        w |= rd | rs1 | rs2 | rm;
        break;
    case RV_FMT_RM1:
        w |= rd | rs1 | rm;
        break;
    case RV_FMT_R4:
        w |= rd | rs1 | rs2 | rm | (uint32_t)in->rs3 << 27;
        break;
    case RV_FMT_I:
    case RV_FMT_L:
        assert(fits_signed(in->imm, 12));
        w |= rd | rs1 | imm << 20;
        break;
    case RV_FMT_S:
        assert(fits_signed(in->imm, 12));
        w |= rs1 | rs2 | bits(imm, 4, 0) << 7 | bits(imm, 11, 5) << 25;
        break;
    case RV_FMT_B:
        assert(fits_signed(in->imm, 13) && !(in->imm & 1));
        w |= rs1 | rs2 | bits(imm, 11, 11) << 7 | bits(imm, 4, 1) << 8 |
             bits(imm, 10, 5) << 25 | bits(imm, 12, 12) << 31;
        break;
    case RV_FMT_U:
        assert(!(imm & 0xfff));
        w |= rd | imm;
        break;
    case RV_FMT_J:
        assert(fits_signed(in->imm, 21) && !(in->imm & 1));
        w |= rd | bits(imm, 19, 12) << 12 | bits(imm, 11, 11) << 20 |
             bits(imm, 10, 1) << 21 | bits(imm, 20, 20) << 31;
        break;
    case RV_FMT_SH6:
        assert(imm < 64);
        w |= rd | rs1 | imm << 20;
        break;
    case RV_FMT_SH5:
        assert(imm < 32);
        w |= rd | rs1 | imm << 20;
        break;
    case RV_FMT_CSR:
    case RV_FMT_CSRI: /* the 5-bit immediate of csr*i sits in rs1 */
        assert(imm < 4096);
        w |= rd | rs1 | imm << 20;
        break;
    case RV_FMT_FENCE:
        assert(imm < 4096);
        w |= imm << 20;
        break;
    case RV_FMT_LR:
        w |= rd | rs1 | (uint32_t)(in->rm & 3) << 25;
        break;
    case RV_FMT_AMO:
        w |= rd | rs1 | rs2 | (uint32_t)(in->rm & 3) << 25;
        break;
    default:
        assert(!"unknown format");
    }
    assert((w & info->mask) == info->match);
    return w;
}

uint32_t gen_enc(enum rv_op op, unsigned rd, unsigned rs1, unsigned rs2,
                 int32_t imm)
{
    struct rv_insn in = {.op = (uint16_t)op, .rd = (uint8_t)rd,
                         .rs1 = (uint8_t)rs1, .rs2 = (uint8_t)rs2, .imm = imm};
    return gen_encode(&in);
}

uint32_t gen_enc_fp(enum rv_op op, unsigned rd, unsigned rs1, unsigned rs2,
                    unsigned rs3, unsigned rm)
{
    struct rv_insn in = {.op = (uint16_t)op, .rd = (uint8_t)rd,
                         .rs1 = (uint8_t)rs1, .rs2 = (uint8_t)rs2,
                         .rs3 = (uint8_t)rs3, .rm = (uint8_t)rm};
    return gen_encode(&in);
}

/* The 3-bit register fields of RVC name x8..x15. */
static uint32_t creg(unsigned r)
{
    assert(r >= 8 && r <= 15);
    return r - 8;
}

/* The 6-bit immediate of the CI format: imm[5] at bit 12, imm[4:0] at 6:2. */
static uint32_t ci_imm(uint32_t imm)
{
    return bits(imm, 5, 5) << 12 | bits(imm, 4, 0) << 2;
}

uint16_t gen_cencode(enum gen_cop op, unsigned rd, unsigned rs1, unsigned rs2,
                     int32_t imm)
{
    const struct gen_copinfo *info = &gen_copinfo[op];
    uint32_t w = info->match, u = (uint32_t)imm;
    assert(rd < 32 && rs1 < 32 && rs2 < 32);
    switch (info->format) {
    case CF_CIW_ADDI4SPN:
        assert(u && u < 1024 && !(u & 3));
        w |= creg(rd) << 2 | bits(u, 5, 4) << 11 | bits(u, 9, 6) << 7 |
             bits(u, 2, 2) << 6 | bits(u, 3, 3) << 5;
        break;
    case CF_CL_W:
    case CF_CS_W:
        assert(u < 128 && !(u & 3));
        w |= bits(u, 5, 3) << 10 | bits(u, 2, 2) << 6 | bits(u, 6, 6) << 5;
        w |= creg(rs1) << 7 |
             creg(info->format == CF_CL_W ? rd : rs2) << 2;
        break;
    case CF_CL_D:
    case CF_CS_D:
        assert(u < 256 && !(u & 7));
        w |= bits(u, 5, 3) << 10 | bits(u, 7, 6) << 5;
        w |= creg(rs1) << 7 |
             creg(info->format == CF_CL_D ? rd : rs2) << 2;
        break;
    case CF_CI_ADDI: /* rd = 0 is c.nop (or a hint) */
    case CF_CI_LI:
        assert(fits_signed(imm, 6));
        w |= rd << 7 | ci_imm(u);
        break;
    case CF_CI_ADDIW:
        assert(rd && fits_signed(imm, 6));
        w |= rd << 7 | ci_imm(u);
        break;
    case CF_CI_ADDI16SP:
        assert(imm && fits_signed(imm, 10) && !(imm & 15));
        w |= bits(u, 9, 9) << 12 | bits(u, 4, 4) << 6 | bits(u, 6, 6) << 5 |
             bits(u, 8, 7) << 3 | bits(u, 5, 5) << 2;
        break;
    case CF_CI_LUI:
        assert(rd != 2 && imm && !(imm & 0xfff) && fits_signed(imm, 18));
        w |= rd << 7 | ci_imm(u >> 12);
        break;
    case CF_CB_SHIFT:
        assert(u < 64);
        w |= creg(rd) << 7 | ci_imm(u);
        break;
    case CF_CB_ANDI:
        assert(fits_signed(imm, 6));
        w |= creg(rd) << 7 | ci_imm(u);
        break;
    case CF_CA:
        w |= creg(rd) << 7 | creg(rs2) << 2;
        break;
    case CF_CJ:
        assert(fits_signed(imm, 12) && !(imm & 1));
        w |= bits(u, 11, 11) << 12 | bits(u, 4, 4) << 11 | bits(u, 9, 8) << 9 |
             bits(u, 10, 10) << 8 | bits(u, 6, 6) << 7 | bits(u, 7, 7) << 6 |
             bits(u, 3, 1) << 3 | bits(u, 5, 5) << 2;
        break;
    case CF_CB_BRANCH:
        assert(fits_signed(imm, 9) && !(imm & 1));
        w |= creg(rs1) << 7 | bits(u, 8, 8) << 12 | bits(u, 4, 3) << 10 |
             bits(u, 7, 6) << 5 | bits(u, 2, 1) << 3 | bits(u, 5, 5) << 2;
        break;
    case CF_CI_SLLI:
        assert(u < 64);
        w |= rd << 7 | ci_imm(u);
        break;
    case CF_CI_LDSP:
    case CF_CI_LDSP_X:
        assert(u < 512 && !(u & 7));
        assert(info->format == CF_CI_LDSP || rd);
        w |= rd << 7 | bits(u, 5, 5) << 12 | bits(u, 4, 3) << 5 |
             bits(u, 8, 6) << 2;
        break;
    case CF_CI_LWSP:
        assert(rd && u < 256 && !(u & 3));
        w |= rd << 7 | bits(u, 5, 5) << 12 | bits(u, 4, 2) << 4 |
             bits(u, 7, 6) << 2;
        break;
    case CF_CR_JR:
    case CF_CR_JALR:
        assert(rs1);
        w |= rs1 << 7;
        break;
    case CF_CR_MV:
    case CF_CR_ADD:
        assert(rs2);
        w |= rd << 7 | rs2 << 2;
        break;
    case CF_CR_EBREAK:
        break;
    case CF_CSS_D:
        assert(u < 512 && !(u & 7));
        w |= bits(u, 5, 3) << 10 | bits(u, 8, 6) << 7 | rs2 << 2;
        break;
    case CF_CSS_W:
        assert(u < 256 && !(u & 3));
        w |= bits(u, 5, 2) << 9 | bits(u, 7, 6) << 7 | rs2 << 2;
        break;
    default:
        assert(!"unknown compressed format");
    }
    assert((w & info->mask) == info->match && w < 0x10000);
    return (uint16_t)w;
}
