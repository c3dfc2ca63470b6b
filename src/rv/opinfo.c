/* Per-operation facts expanded from isa.def: mnemonic, encoding, operand
 * format, register files and extension. */
#include "rv/insn.h"

const struct rv_opinfo rv_opinfo[RV_OP_COUNT] = {
    [RV_ILLEGAL] = {"illegal", 0, 0, RV_FMT_NONE, "----", ""},
#define RV_OP(name, mnem, match_, mask_, fmt, regs_, ext_)                     \
    [RV_##name] = {mnem, match_, mask_, RV_FMT_##fmt, regs_, #ext_},
#include "rv/isa.def"
#undef RV_OP
};

bool rv_ends_block(enum rv_op op)
{
    switch (op) {
    case RV_JAL: case RV_JALR:
    case RV_BEQ: case RV_BNE: case RV_BLT: case RV_BGE: case RV_BLTU:
    case RV_BGEU:
    case RV_ECALL: case RV_EBREAK: case RV_FENCE_I: case RV_ILLEGAL:
        return true;
    default:
        return false;
    }
}
