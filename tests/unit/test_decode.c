/* Tests of the instruction decoders and the disassembler.
 *  - Known encodings, assembled by riscv64-linux-gnu-as (binutils 2.40;
 *    Zicond with .insn, as it predates Zicond), with the fields the decoded
 *    form must have, written out by hand from the assembly source, and the
 *    text objdump -M no-aliases gives (compressed ones: the text of their
 *    expansion). Every compressed form is here, and so are the HINTs.
 *  - Reserved and unknown encodings, which must decode as illegal.
 *  - rv_decode against rv_decode_ref on all 65536 16-bit words, on millions
 *    of random 32-bit words (seeded, so every run checks the same ones), and
 *    on every table entry with random bits where the table does not care. */
#include <string.h>
#include "rv/decode.h"
#include "test.h"

static const struct known {
    uint32_t word;
    const char *src; /* what was assembled */
    struct rv_insn want;
    const char *text; /* rv_disasm at pc 0x1000 */
} known[] = {
    {0x00012537, "lui a0,0x12",
     {.op = RV_LUI, .rd = 10, .imm = 0x12000, .len = 4}, "lui a0,0x12"},
    {0xffffffb7, "lui t6,0xfffff",
     {.op = RV_LUI, .rd = 31, .imm = -4096, .len = 4}, "lui t6,0xfffff"},
    {0x80000517, "auipc a0,0x80000",
     {.op = RV_AUIPC, .rd = 10, .imm = INT32_MIN, .len = 4},
     "auipc a0,0x80000"},
    {0x7ff7f0ef, "jal ra,.+0x7fffe",
     {.op = RV_JAL, .rd = 1, .imm = 0x7fffe, .len = 4}, "jal ra,80ffe"},
    {0x8000006f, "jal zero,.-0x100000",
     {.op = RV_JAL, .imm = -0x100000, .len = 4},
     "jal zero,fffffffffff01000"},
    {0xfff780e7, "jalr ra,-1(a5)",
     {.op = RV_JALR, .rd = 1, .rs1 = 15, .imm = -1, .len = 4},
     "jalr ra,-1(a5)"},
    {0x80b50063, "beq a0,a1,.-4096",
     {.op = RV_BEQ, .rs1 = 10, .rs2 = 11, .imm = -4096, .len = 4},
     "beq a0,a1,0"},
    {0x7e941fe3, "bne s0,s1,.+4094",
     {.op = RV_BNE, .rs1 = 8, .rs2 = 9, .imm = 4094, .len = 4},
     "bne s0,s1,1ffe"},
    {0x0002c163, "blt t0,zero,.+2",
     {.op = RV_BLT, .rs1 = 5, .imm = 2, .len = 4}, "blt t0,zero,1002"},
    {0x00b550e3, "bge a0,a1,.+2048",
     {.op = RV_BGE, .rs1 = 10, .rs2 = 11, .imm = 2048, .len = 4},
     "bge a0,a1,1800"},
    {0xfeb56fe3, "bltu a0,a1,.-2",
     {.op = RV_BLTU, .rs1 = 10, .rs2 = 11, .imm = -2, .len = 4},
     "bltu a0,a1,ffe"},
    {0x00b57863, "bgeu a0,a1,.+16",
     {.op = RV_BGEU, .rs1 = 10, .rs2 = 11, .imm = 16, .len = 4},
     "bgeu a0,a1,1010"},
    {0x80010503, "lb a0,-2048(sp)",
     {.op = RV_LB, .rd = 10, .rs1 = 2, .imm = -2048, .len = 4},
     "lb a0,-2048(sp)"},
    {0x7ff19583, "lh a1,2047(gp)",
     {.op = RV_LH, .rd = 11, .rs1 = 3, .imm = 2047, .len = 4},
     "lh a1,2047(gp)"},
    {0x000f2f83, "lw t6,0(t5)",
     {.op = RV_LW, .rd = 31, .rs1 = 30, .len = 4}, "lw t6,0(t5)"},
    {0x00813083, "ld ra,8(sp)",
     {.op = RV_LD, .rd = 1, .rs1 = 2, .imm = 8, .len = 4}, "ld ra,8(sp)"},
    {0x0015c503, "lbu a0,1(a1)",
     {.op = RV_LBU, .rd = 10, .rs1 = 11, .imm = 1, .len = 4},
     "lbu a0,1(a1)"},
    {0xffe5d503, "lhu a0,-2(a1)",
     {.op = RV_LHU, .rd = 10, .rs1 = 11, .imm = -2, .len = 4},
     "lhu a0,-2(a1)"},
    {0x0045e503, "lwu a0,4(a1)",
     {.op = RV_LWU, .rd = 10, .rs1 = 11, .imm = 4, .len = 4},
     "lwu a0,4(a1)"},
    {0xfea58fa3, "sb a0,-1(a1)",
     {.op = RV_SB, .rs1 = 11, .rs2 = 10, .imm = -1, .len = 4},
     "sb a0,-1(a1)"},
    {0x80639023, "sh t1,-2048(t2)",
     {.op = RV_SH, .rs1 = 7, .rs2 = 6, .imm = -2048, .len = 4},
     "sh t1,-2048(t2)"},
    {0x7fbd2fa3, "sw s11,2047(s10)",
     {.op = RV_SW, .rs1 = 26, .rs2 = 27, .imm = 2047, .len = 4},
     "sw s11,2047(s10)"},
    {0x00113c23, "sd ra,24(sp)",
     {.op = RV_SD, .rs1 = 2, .rs2 = 1, .imm = 24, .len = 4},
     "sd ra,24(sp)"},
    {0x00150513, "addi a0,a0,1",
     {.op = RV_ADDI, .rd = 10, .rs1 = 10, .imm = 1, .len = 4},
     "addi a0,a0,1"},
    {0x00000013, "addi zero,zero,0",
     {.op = RV_ADDI, .imm = 0, .len = 4}, "addi zero,zero,0"},
    {0x8005a513, "slti a0,a1,-2048",
     {.op = RV_SLTI, .rd = 10, .rs1 = 11, .imm = -2048, .len = 4},
     "slti a0,a1,-2048"},
    {0x7ff5b513, "sltiu a0,a1,2047",
     {.op = RV_SLTIU, .rd = 10, .rs1 = 11, .imm = 2047, .len = 4},
     "sltiu a0,a1,2047"},
    {0xfff5c513, "xori a0,a1,-1",
     {.op = RV_XORI, .rd = 10, .rs1 = 11, .imm = -1, .len = 4},
     "xori a0,a1,-1"},
    {0x0ff5e513, "ori a0,a1,255",
     {.op = RV_ORI, .rd = 10, .rs1 = 11, .imm = 255, .len = 4},
     "ori a0,a1,255"},
    {0xff05f513, "andi a0,a1,-16",
     {.op = RV_ANDI, .rd = 10, .rs1 = 11, .imm = -16, .len = 4},
     "andi a0,a1,-16"},
    {0x03f59513, "slli a0,a1,63",
     {.op = RV_SLLI, .rd = 10, .rs1 = 11, .imm = 63, .len = 4},
     "slli a0,a1,0x3f"},
    {0x0205d513, "srli a0,a1,32",
     {.op = RV_SRLI, .rd = 10, .rs1 = 11, .imm = 32, .len = 4},
     "srli a0,a1,0x20"},
    {0x4015d513, "srai a0,a1,1",
     {.op = RV_SRAI, .rd = 10, .rs1 = 11, .imm = 1, .len = 4},
     "srai a0,a1,0x1"},
    {0x00c58533, "add a0,a1,a2",
     {.op = RV_ADD, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "add a0,a1,a2"},
    {0x41ee8e33, "sub t3,t4,t5",
     {.op = RV_SUB, .rd = 28, .rs1 = 29, .rs2 = 30, .len = 4},
     "sub t3,t4,t5"},
    {0x00c59533, "sll a0,a1,a2",
     {.op = RV_SLL, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sll a0,a1,a2"},
    {0x00c5a533, "slt a0,a1,a2",
     {.op = RV_SLT, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "slt a0,a1,a2"},
    {0x00c03533, "sltu a0,zero,a2",
     {.op = RV_SLTU, .rd = 10, .rs2 = 12, .len = 4}, "sltu a0,zero,a2"},
    {0x00c5c533, "xor a0,a1,a2",
     {.op = RV_XOR, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "xor a0,a1,a2"},
    {0x00c5d533, "srl a0,a1,a2",
     {.op = RV_SRL, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "srl a0,a1,a2"},
    {0x40c5d533, "sra a0,a1,a2",
     {.op = RV_SRA, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sra a0,a1,a2"},
    {0x00c5e533, "or a0,a1,a2",
     {.op = RV_OR, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "or a0,a1,a2"},
    {0x00c5f533, "and a0,a1,a2",
     {.op = RV_AND, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "and a0,a1,a2"},
    {0xfff5851b, "addiw a0,a1,-1",
     {.op = RV_ADDIW, .rd = 10, .rs1 = 11, .imm = -1, .len = 4},
     "addiw a0,a1,-1"},
    {0x01f5951b, "slliw a0,a1,31",
     {.op = RV_SLLIW, .rd = 10, .rs1 = 11, .imm = 31, .len = 4},
     "slliw a0,a1,0x1f"},
    {0x0005d51b, "srliw a0,a1,0",
     {.op = RV_SRLIW, .rd = 10, .rs1 = 11, .len = 4}, "srliw a0,a1,0x0"},
    {0x4075d51b, "sraiw a0,a1,7",
     {.op = RV_SRAIW, .rd = 10, .rs1 = 11, .imm = 7, .len = 4},
     "sraiw a0,a1,0x7"},
    {0x00c5853b, "addw a0,a1,a2",
     {.op = RV_ADDW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "addw a0,a1,a2"},
    {0x40c5853b, "subw a0,a1,a2",
     {.op = RV_SUBW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "subw a0,a1,a2"},
    {0x00c5953b, "sllw a0,a1,a2",
     {.op = RV_SLLW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sllw a0,a1,a2"},
    {0x00c5d53b, "srlw a0,a1,a2",
     {.op = RV_SRLW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "srlw a0,a1,a2"},
    {0x40c5d53b, "sraw a0,a1,a2",
     {.op = RV_SRAW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sraw a0,a1,a2"},
    {0x0ff0000f, "fence iorw,iorw",
     {.op = RV_FENCE, .imm = 0x0ff, .len = 4}, "fence iorw,iorw"},
    {0x0210000f, "fence r,w",
     {.op = RV_FENCE, .imm = 0x021, .len = 4}, "fence r,w"},
    {0x8330000f, "fence.tso",
     {.op = RV_FENCE, .imm = 0x833, .len = 4}, "fence.tso"},
    {0x0000100f, "fence.i",
     {.op = RV_FENCE_I, .len = 4}, "fence.i"},
    {0x00000073, "ecall",
     {.op = RV_ECALL, .len = 4}, "ecall"},
    {0x00100073, "ebreak",
     {.op = RV_EBREAK, .len = 4}, "ebreak"},
    {0x00359573, "csrrw a0,fcsr,a1",
     {.op = RV_CSRRW, .rd = 10, .rs1 = 11, .imm = 3, .len = 4},
     "csrrw a0,fcsr,a1"},
    {0x00102573, "csrrs a0,fflags,zero",
     {.op = RV_CSRRS, .rd = 10, .imm = 1, .len = 4},
     "csrrs a0,fflags,zero"},
    {0xfff2b073, "csrrc zero,0xfff,t0",
     {.op = RV_CSRRC, .rs1 = 5, .imm = 0xfff, .len = 4},
     "csrrc zero,0xfff,t0"},
    {0x002fd573, "csrrwi a0,frm,31",
     {.op = RV_CSRRWI, .rd = 10, .rs1 = 31, .imm = 2, .len = 4},
     "csrrwi a0,frm,31"},
    {0xc000e573, "csrrsi a0,cycle,1",
     {.op = RV_CSRRSI, .rd = 10, .rs1 = 1, .imm = 0xc00, .len = 4},
     "csrrsi a0,cycle,1"},
    {0xc0107573, "csrrci a0,time,0",
     {.op = RV_CSRRCI, .rd = 10, .imm = 0xc01, .len = 4},
     "csrrci a0,time,0"},
    {0xc1f02573, "csrrs a0,hpmcounter31,zero",
     {.op = RV_CSRRS, .rd = 10, .imm = 0xc1f, .len = 4},
     "csrrs a0,hpmcounter31,zero"},
    {0x02c58533, "mul a0,a1,a2",
     {.op = RV_MUL, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "mul a0,a1,a2"},
    {0x02c59533, "mulh a0,a1,a2",
     {.op = RV_MULH, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "mulh a0,a1,a2"},
    {0x02c5a533, "mulhsu a0,a1,a2",
     {.op = RV_MULHSU, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "mulhsu a0,a1,a2"},
    {0x02c5b533, "mulhu a0,a1,a2",
     {.op = RV_MULHU, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "mulhu a0,a1,a2"},
    {0x02c5c533, "div a0,a1,a2",
     {.op = RV_DIV, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "div a0,a1,a2"},
    {0x02c5d533, "divu a0,a1,a2",
     {.op = RV_DIVU, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "divu a0,a1,a2"},
    {0x02c5e533, "rem a0,a1,a2",
     {.op = RV_REM, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "rem a0,a1,a2"},
    {0x02c5f533, "remu a0,a1,a2",
     {.op = RV_REMU, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "remu a0,a1,a2"},
    {0x02c5853b, "mulw a0,a1,a2",
     {.op = RV_MULW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "mulw a0,a1,a2"},
    {0x02c5c53b, "divw a0,a1,a2",
     {.op = RV_DIVW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "divw a0,a1,a2"},
    {0x02c5d53b, "divuw a0,a1,a2",
     {.op = RV_DIVUW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "divuw a0,a1,a2"},
    {0x02c5e53b, "remw a0,a1,a2",
     {.op = RV_REMW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "remw a0,a1,a2"},
    {0x02c5f53b, "remuw a0,a1,a2",
     {.op = RV_REMUW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "remuw a0,a1,a2"},
    {0x1005a52f, "lr.w a0,(a1)",
     {.op = RV_LR_W, .rd = 10, .rs1 = 11, .len = 4}, "lr.w a0,(a1)"},
    {0x1ac5a52f, "sc.w.rl a0,a2,(a1)",
     {.op = RV_SC_W, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 1, .len = 4},
     "sc.w.rl a0,a2,(a1)"},
    {0x0cc5a52f, "amoswap.w.aq a0,a2,(a1)",
     {.op = RV_AMOSWAP_W, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 2, .len = 4},
     "amoswap.w.aq a0,a2,(a1)"},
    {0x06b6252f, "amoadd.w.aqrl a0,a1,(a2)",
     {.op = RV_AMOADD_W, .rd = 10, .rs1 = 12, .rs2 = 11, .rm = 3, .len = 4},
     "amoadd.w.aqrl a0,a1,(a2)"},
    {0x20c5a52f, "amoxor.w a0,a2,(a1)",
     {.op = RV_AMOXOR_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoxor.w a0,a2,(a1)"},
    {0x60c5a52f, "amoand.w a0,a2,(a1)",
     {.op = RV_AMOAND_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoand.w a0,a2,(a1)"},
    {0x40c5a52f, "amoor.w a0,a2,(a1)",
     {.op = RV_AMOOR_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoor.w a0,a2,(a1)"},
    {0x80c5a52f, "amomin.w a0,a2,(a1)",
     {.op = RV_AMOMIN_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amomin.w a0,a2,(a1)"},
    {0xa0c5a52f, "amomax.w a0,a2,(a1)",
     {.op = RV_AMOMAX_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amomax.w a0,a2,(a1)"},
    {0xc0c5a52f, "amominu.w a0,a2,(a1)",
     {.op = RV_AMOMINU_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amominu.w a0,a2,(a1)"},
    {0xe0c5a52f, "amomaxu.w a0,a2,(a1)",
     {.op = RV_AMOMAXU_W, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amomaxu.w a0,a2,(a1)"},
    {0x1605b52f, "lr.d.aqrl a0,(a1)",
     {.op = RV_LR_D, .rd = 10, .rs1 = 11, .rm = 3, .len = 4},
     "lr.d.aqrl a0,(a1)"},
    {0x18c5b52f, "sc.d a0,a2,(a1)",
     {.op = RV_SC_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sc.d a0,a2,(a1)"},
    {0x08c5b52f, "amoswap.d a0,a2,(a1)",
     {.op = RV_AMOSWAP_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoswap.d a0,a2,(a1)"},
    {0x00c5b52f, "amoadd.d a0,a2,(a1)",
     {.op = RV_AMOADD_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoadd.d a0,a2,(a1)"},
    {0x20c5b52f, "amoxor.d a0,a2,(a1)",
     {.op = RV_AMOXOR_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoxor.d a0,a2,(a1)"},
    {0x60c5b52f, "amoand.d a0,a2,(a1)",
     {.op = RV_AMOAND_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoand.d a0,a2,(a1)"},
    {0x40c5b52f, "amoor.d a0,a2,(a1)",
     {.op = RV_AMOOR_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amoor.d a0,a2,(a1)"},
    {0x80c5b52f, "amomin.d a0,a2,(a1)",
     {.op = RV_AMOMIN_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amomin.d a0,a2,(a1)"},
    {0xa0c5b52f, "amomax.d a0,a2,(a1)",
     {.op = RV_AMOMAX_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amomax.d a0,a2,(a1)"},
    {0xc0c5b52f, "amominu.d a0,a2,(a1)",
     {.op = RV_AMOMINU_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "amominu.d a0,a2,(a1)"},
    {0xe4c5b52f, "amomaxu.d.aq a0,a2,(a1)",
     {.op = RV_AMOMAXU_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 2, .len = 4},
     "amomaxu.d.aq a0,a2,(a1)"},
    {0xffc52507, "flw fa0,-4(a0)",
     {.op = RV_FLW, .rd = 10, .rs1 = 10, .imm = -4, .len = 4},
     "flw fa0,-4(a0)"},
    {0x7fffafa7, "fsw ft11,2047(t6)",
     {.op = RV_FSW, .rs1 = 31, .rs2 = 31, .imm = 2047, .len = 4},
     "fsw ft11,2047(t6)"},
    {0x68c5f543, "fmadd.s fa0,fa1,fa2,fa3",
     {.op = RV_FMADD_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .rm = 7,
      .len = 4},
     "fmadd.s fa0,fa1,fa2,fa3"},
    {0x68c58547, "fmsub.s fa0,fa1,fa2,fa3,rne",
     {.op = RV_FMSUB_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .len = 4},
     "fmsub.s fa0,fa1,fa2,fa3,rne"},
    {0xf820904b, "fnmsub.s ft0,ft1,ft2,ft11,rtz",
     {.op = RV_FNMSUB_S, .rs1 = 1, .rs2 = 2, .rs3 = 31, .rm = 1, .len = 4},
     "fnmsub.s ft0,ft1,ft2,ft11,rtz"},
    {0x68c5a54f, "fnmadd.s fa0,fa1,fa2,fa3,rdn",
     {.op = RV_FNMADD_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .rm = 2,
      .len = 4},
     "fnmadd.s fa0,fa1,fa2,fa3,rdn"},
    {0x00c5b553, "fadd.s fa0,fa1,fa2,rup",
     {.op = RV_FADD_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 3, .len = 4},
     "fadd.s fa0,fa1,fa2,rup"},
    {0x08c5c553, "fsub.s fa0,fa1,fa2,rmm",
     {.op = RV_FSUB_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 4, .len = 4},
     "fsub.s fa0,fa1,fa2,rmm"},
    {0x10c5f553, "fmul.s fa0,fa1,fa2",
     {.op = RV_FMUL_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 7, .len = 4},
     "fmul.s fa0,fa1,fa2"},
    {0x18c5f553, "fdiv.s fa0,fa1,fa2",
     {.op = RV_FDIV_S, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 7, .len = 4},
     "fdiv.s fa0,fa1,fa2"},
    {0x5805f553, "fsqrt.s fa0,fa1",
     {.op = RV_FSQRT_S, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fsqrt.s fa0,fa1"},
    {0x20c58553, "fsgnj.s fa0,fa1,fa2",
     {.op = RV_FSGNJ_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fsgnj.s fa0,fa1,fa2"},
    {0x20c59553, "fsgnjn.s fa0,fa1,fa2",
     {.op = RV_FSGNJN_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fsgnjn.s fa0,fa1,fa2"},
    {0x20c5a553, "fsgnjx.s fa0,fa1,fa2",
     {.op = RV_FSGNJX_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fsgnjx.s fa0,fa1,fa2"},
    {0x28c58553, "fmin.s fa0,fa1,fa2",
     {.op = RV_FMIN_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fmin.s fa0,fa1,fa2"},
    {0x28c59553, "fmax.s fa0,fa1,fa2",
     {.op = RV_FMAX_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fmax.s fa0,fa1,fa2"},
    {0xa0c58553, "fle.s a0,fa1,fa2",
     {.op = RV_FLE_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fle.s a0,fa1,fa2"},
    {0xa0c59553, "flt.s a0,fa1,fa2",
     {.op = RV_FLT_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "flt.s a0,fa1,fa2"},
    {0xa0c5a553, "feq.s a0,fa1,fa2",
     {.op = RV_FEQ_S, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "feq.s a0,fa1,fa2"},
    {0xc0059553, "fcvt.w.s a0,fa1,rtz",
     {.op = RV_FCVT_W_S, .rd = 10, .rs1 = 11, .rm = 1, .len = 4},
     "fcvt.w.s a0,fa1,rtz"},
    {0xc015f553, "fcvt.wu.s a0,fa1",
     {.op = RV_FCVT_WU_S, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.wu.s a0,fa1"},
    {0xc025f553, "fcvt.l.s a0,fa1",
     {.op = RV_FCVT_L_S, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.l.s a0,fa1"},
    {0xc035f553, "fcvt.lu.s a0,fa1",
     {.op = RV_FCVT_LU_S, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.lu.s a0,fa1"},
    {0xd005f553, "fcvt.s.w fa0,a1",
     {.op = RV_FCVT_S_W, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.s.w fa0,a1"},
    {0xd015f553, "fcvt.s.wu fa0,a1",
     {.op = RV_FCVT_S_WU, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.s.wu fa0,a1"},
    {0xd025f553, "fcvt.s.l fa0,a1",
     {.op = RV_FCVT_S_L, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.s.l fa0,a1"},
    {0xd035f553, "fcvt.s.lu fa0,a1",
     {.op = RV_FCVT_S_LU, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.s.lu fa0,a1"},
    {0xe0058553, "fmv.x.w a0,fa1",
     {.op = RV_FMV_X_W, .rd = 10, .rs1 = 11, .len = 4}, "fmv.x.w a0,fa1"},
    {0xe0059553, "fclass.s a0,fa1",
     {.op = RV_FCLASS_S, .rd = 10, .rs1 = 11, .len = 4},
     "fclass.s a0,fa1"},
    {0xf0058553, "fmv.w.x fa0,a1",
     {.op = RV_FMV_W_X, .rd = 10, .rs1 = 11, .len = 4}, "fmv.w.x fa0,a1"},
    {0x800dbd87, "fld fs11,-2048(s11)",
     {.op = RV_FLD, .rd = 27, .rs1 = 27, .imm = -2048, .len = 4},
     "fld fs11,-2048(s11)"},
    {0x00813427, "fsd fs0,8(sp)",
     {.op = RV_FSD, .rs1 = 2, .rs2 = 8, .imm = 8, .len = 4},
     "fsd fs0,8(sp)"},
    {0x6ac5f543, "fmadd.d fa0,fa1,fa2,fa3",
     {.op = RV_FMADD_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .rm = 7,
      .len = 4},
     "fmadd.d fa0,fa1,fa2,fa3"},
    {0x6ac5f547, "fmsub.d fa0,fa1,fa2,fa3",
     {.op = RV_FMSUB_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .rm = 7,
      .len = 4},
     "fmsub.d fa0,fa1,fa2,fa3"},
    {0x6ac5f54b, "fnmsub.d fa0,fa1,fa2,fa3",
     {.op = RV_FNMSUB_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .rm = 7,
      .len = 4},
     "fnmsub.d fa0,fa1,fa2,fa3"},
    {0x6ac5f54f, "fnmadd.d fa0,fa1,fa2,fa3",
     {.op = RV_FNMADD_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rs3 = 13, .rm = 7,
      .len = 4},
     "fnmadd.d fa0,fa1,fa2,fa3"},
    {0x02c5f553, "fadd.d fa0,fa1,fa2",
     {.op = RV_FADD_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 7, .len = 4},
     "fadd.d fa0,fa1,fa2"},
    {0x0ac5f553, "fsub.d fa0,fa1,fa2",
     {.op = RV_FSUB_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 7, .len = 4},
     "fsub.d fa0,fa1,fa2"},
    {0x12c5f553, "fmul.d fa0,fa1,fa2",
     {.op = RV_FMUL_D, .rd = 10, .rs1 = 11, .rs2 = 12, .rm = 7, .len = 4},
     "fmul.d fa0,fa1,fa2"},
    {0x1ac58553, "fdiv.d fa0,fa1,fa2,rne",
     {.op = RV_FDIV_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fdiv.d fa0,fa1,fa2,rne"},
    {0x5a05f553, "fsqrt.d fa0,fa1",
     {.op = RV_FSQRT_D, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fsqrt.d fa0,fa1"},
    {0x22c58553, "fsgnj.d fa0,fa1,fa2",
     {.op = RV_FSGNJ_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fsgnj.d fa0,fa1,fa2"},
    {0x22c59553, "fsgnjn.d fa0,fa1,fa2",
     {.op = RV_FSGNJN_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fsgnjn.d fa0,fa1,fa2"},
    {0x22c5a553, "fsgnjx.d fa0,fa1,fa2",
     {.op = RV_FSGNJX_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fsgnjx.d fa0,fa1,fa2"},
    {0x2ac58553, "fmin.d fa0,fa1,fa2",
     {.op = RV_FMIN_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fmin.d fa0,fa1,fa2"},
    {0x2ac59553, "fmax.d fa0,fa1,fa2",
     {.op = RV_FMAX_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fmax.d fa0,fa1,fa2"},
    {0xa2c58553, "fle.d a0,fa1,fa2",
     {.op = RV_FLE_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "fle.d a0,fa1,fa2"},
    {0xa2c59553, "flt.d a0,fa1,fa2",
     {.op = RV_FLT_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "flt.d a0,fa1,fa2"},
    {0xa2c5a553, "feq.d a0,fa1,fa2",
     {.op = RV_FEQ_D, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "feq.d a0,fa1,fa2"},
    {0xc205f553, "fcvt.w.d a0,fa1",
     {.op = RV_FCVT_W_D, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.w.d a0,fa1"},
    {0xc215f553, "fcvt.wu.d a0,fa1",
     {.op = RV_FCVT_WU_D, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.wu.d a0,fa1"},
    {0xc2259553, "fcvt.l.d a0,fa1,rtz",
     {.op = RV_FCVT_L_D, .rd = 10, .rs1 = 11, .rm = 1, .len = 4},
     "fcvt.l.d a0,fa1,rtz"},
    {0xc235f553, "fcvt.lu.d a0,fa1",
     {.op = RV_FCVT_LU_D, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.lu.d a0,fa1"},
    {0xd2058553, "fcvt.d.w fa0,a1",
     {.op = RV_FCVT_D_W, .rd = 10, .rs1 = 11, .len = 4},
     "fcvt.d.w fa0,a1"},
    {0xd2158553, "fcvt.d.wu fa0,a1",
     {.op = RV_FCVT_D_WU, .rd = 10, .rs1 = 11, .len = 4},
     "fcvt.d.wu fa0,a1"},
    {0xd225f553, "fcvt.d.l fa0,a1",
     {.op = RV_FCVT_D_L, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.d.l fa0,a1"},
    {0xd2358553, "fcvt.d.lu fa0,a1,rne",
     {.op = RV_FCVT_D_LU, .rd = 10, .rs1 = 11, .len = 4},
     "fcvt.d.lu fa0,a1,rne"},
    {0xe2058553, "fmv.x.d a0,fa1",
     {.op = RV_FMV_X_D, .rd = 10, .rs1 = 11, .len = 4}, "fmv.x.d a0,fa1"},
    {0xe2059553, "fclass.d a0,fa1",
     {.op = RV_FCLASS_D, .rd = 10, .rs1 = 11, .len = 4},
     "fclass.d a0,fa1"},
    {0xf2058553, "fmv.d.x fa0,a1",
     {.op = RV_FMV_D_X, .rd = 10, .rs1 = 11, .len = 4}, "fmv.d.x fa0,a1"},
    {0x4015f553, "fcvt.s.d fa0,fa1",
     {.op = RV_FCVT_S_D, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.s.d fa0,fa1"},
    {0x42058553, "fcvt.d.s fa0,fa1",
     {.op = RV_FCVT_D_S, .rd = 10, .rs1 = 11, .len = 4},
     "fcvt.d.s fa0,fa1"},
    {0x20c5a533, "sh1add a0,a1,a2",
     {.op = RV_SH1ADD, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sh1add a0,a1,a2"},
    {0x20c5a53b, "sh1add.uw a0,a1,a2",
     {.op = RV_SH1ADD_UW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sh1add.uw a0,a1,a2"},
    {0x20c5c533, "sh2add a0,a1,a2",
     {.op = RV_SH2ADD, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sh2add a0,a1,a2"},
    {0x20c5c53b, "sh2add.uw a0,a1,a2",
     {.op = RV_SH2ADD_UW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sh2add.uw a0,a1,a2"},
    {0x20c5e533, "sh3add a0,a1,a2",
     {.op = RV_SH3ADD, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sh3add a0,a1,a2"},
    {0x20c5e53b, "sh3add.uw a0,a1,a2",
     {.op = RV_SH3ADD_UW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "sh3add.uw a0,a1,a2"},
    {0x08c5853b, "add.uw a0,a1,a2",
     {.op = RV_ADD_UW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "add.uw a0,a1,a2"},
    {0x0bf5951b, "slli.uw a0,a1,63",
     {.op = RV_SLLI_UW, .rd = 10, .rs1 = 11, .imm = 63, .len = 4},
     "slli.uw a0,a1,0x3f"},
    {0x40c5f533, "andn a0,a1,a2",
     {.op = RV_ANDN, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "andn a0,a1,a2"},
    {0x40c5e533, "orn a0,a1,a2",
     {.op = RV_ORN, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "orn a0,a1,a2"},
    {0x40c5c533, "xnor a0,a1,a2",
     {.op = RV_XNOR, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "xnor a0,a1,a2"},
    {0x60059513, "clz a0,a1",
     {.op = RV_CLZ, .rd = 10, .rs1 = 11, .len = 4}, "clz a0,a1"},
    {0x60159513, "ctz a0,a1",
     {.op = RV_CTZ, .rd = 10, .rs1 = 11, .len = 4}, "ctz a0,a1"},
    {0x60259513, "cpop a0,a1",
     {.op = RV_CPOP, .rd = 10, .rs1 = 11, .len = 4}, "cpop a0,a1"},
    {0x6005951b, "clzw a0,a1",
     {.op = RV_CLZW, .rd = 10, .rs1 = 11, .len = 4}, "clzw a0,a1"},
    {0x6015951b, "ctzw a0,a1",
     {.op = RV_CTZW, .rd = 10, .rs1 = 11, .len = 4}, "ctzw a0,a1"},
    {0x6025951b, "cpopw a0,a1",
     {.op = RV_CPOPW, .rd = 10, .rs1 = 11, .len = 4}, "cpopw a0,a1"},
    {0x60459513, "sext.b a0,a1",
     {.op = RV_SEXT_B, .rd = 10, .rs1 = 11, .len = 4}, "sext.b a0,a1"},
    {0x60559513, "sext.h a0,a1",
     {.op = RV_SEXT_H, .rd = 10, .rs1 = 11, .len = 4}, "sext.h a0,a1"},
    {0x0805c53b, "zext.h a0,a1",
     {.op = RV_ZEXT_H, .rd = 10, .rs1 = 11, .len = 4}, "zext.h a0,a1"},
    {0x2875d513, "orc.b a0,a1",
     {.op = RV_ORC_B, .rd = 10, .rs1 = 11, .len = 4}, "orc.b a0,a1"},
    {0x6b85d513, "rev8 a0,a1",
     {.op = RV_REV8, .rd = 10, .rs1 = 11, .len = 4}, "rev8 a0,a1"},
    {0x0ac5e533, "max a0,a1,a2",
     {.op = RV_MAX, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "max a0,a1,a2"},
    {0x0ac5f533, "maxu a0,a1,a2",
     {.op = RV_MAXU, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "maxu a0,a1,a2"},
    {0x0ac5c533, "min a0,a1,a2",
     {.op = RV_MIN, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "min a0,a1,a2"},
    {0x0ac5d533, "minu a0,a1,a2",
     {.op = RV_MINU, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "minu a0,a1,a2"},
    {0x60c59533, "rol a0,a1,a2",
     {.op = RV_ROL, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "rol a0,a1,a2"},
    {0x60c5d533, "ror a0,a1,a2",
     {.op = RV_ROR, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "ror a0,a1,a2"},
    {0x60c5953b, "rolw a0,a1,a2",
     {.op = RV_ROLW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "rolw a0,a1,a2"},
    {0x60c5d53b, "rorw a0,a1,a2",
     {.op = RV_RORW, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "rorw a0,a1,a2"},
    {0x63f5d513, "rori a0,a1,63",
     {.op = RV_RORI, .rd = 10, .rs1 = 11, .imm = 63, .len = 4},
     "rori a0,a1,0x3f"},
    {0x61f5d51b, "roriw a0,a1,31",
     {.op = RV_RORIW, .rd = 10, .rs1 = 11, .imm = 31, .len = 4},
     "roriw a0,a1,0x1f"},
    {0x48c59533, "bclr a0,a1,a2",
     {.op = RV_BCLR, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "bclr a0,a1,a2"},
    {0x48559513, "bclri a0,a1,5",
     {.op = RV_BCLRI, .rd = 10, .rs1 = 11, .imm = 5, .len = 4},
     "bclri a0,a1,0x5"},
    {0x48c5d533, "bext a0,a1,a2",
     {.op = RV_BEXT, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "bext a0,a1,a2"},
    {0x4a15d513, "bexti a0,a1,33",
     {.op = RV_BEXTI, .rd = 10, .rs1 = 11, .imm = 33, .len = 4},
     "bexti a0,a1,0x21"},
    {0x68c59533, "binv a0,a1,a2",
     {.op = RV_BINV, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "binv a0,a1,a2"},
    {0x68059513, "binvi a0,a1,0",
     {.op = RV_BINVI, .rd = 10, .rs1 = 11, .len = 4}, "binvi a0,a1,0x0"},
    {0x28c59533, "bset a0,a1,a2",
     {.op = RV_BSET, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "bset a0,a1,a2"},
    {0x2bf59513, "bseti a0,a1,63",
     {.op = RV_BSETI, .rd = 10, .rs1 = 11, .imm = 63, .len = 4},
     "bseti a0,a1,0x3f"},
    {0x0ec5d533, ".insn r 0x33, 5, 7, a0, a1, a2",
     {.op = RV_CZERO_EQZ, .rd = 10, .rs1 = 11, .rs2 = 12, .len = 4},
     "czero.eqz a0,a1,a2"},
    {0x0e7372b3, ".insn r 0x33, 7, 7, t0, t1, t2",
     {.op = RV_CZERO_NEZ, .rd = 5, .rs1 = 6, .rs2 = 7, .len = 4},
     "czero.nez t0,t1,t2"},
    {0x1fe8, "c.addi4spn a0,sp,1020",
     {.op = RV_ADDI, .rd = 10, .rs1 = 2, .imm = 1020, .len = 2},
     "addi a0,sp,1020"},
    {0x0040, "c.addi4spn s0,sp,4",
     {.op = RV_ADDI, .rd = 8, .rs1 = 2, .imm = 4, .len = 2},
     "addi s0,sp,4"},
    {0x3ffc, "c.fld fa5,248(a5)",
     {.op = RV_FLD, .rd = 15, .rs1 = 15, .imm = 248, .len = 2},
     "fld fa5,248(a5)"},
    {0x5de8, "c.lw a0,124(a1)",
     {.op = RV_LW, .rd = 10, .rs1 = 11, .imm = 124, .len = 2},
     "lw a0,124(a1)"},
    {0x4044, "c.lw s1,4(s0)",
     {.op = RV_LW, .rd = 9, .rs1 = 8, .imm = 4, .len = 2}, "lw s1,4(s0)"},
    {0x7c7c, "c.ld a5,248(s0)",
     {.op = RV_LD, .rd = 15, .rs1 = 8, .imm = 248, .len = 2},
     "ld a5,248(s0)"},
    {0xa704, "c.fsd fs1,8(a4)",
     {.op = RV_FSD, .rs1 = 14, .rs2 = 9, .imm = 8, .len = 2},
     "fsd fs1,8(a4)"},
    {0xc03c, "c.sw a5,64(s0)",
     {.op = RV_SW, .rs1 = 8, .rs2 = 15, .imm = 64, .len = 2},
     "sw a5,64(s0)"},
    {0xe05c, "c.sd a5,128(s0)",
     {.op = RV_SD, .rs1 = 8, .rs2 = 15, .imm = 128, .len = 2},
     "sd a5,128(s0)"},
    {0x0001, "c.nop",
     {.op = RV_ADDI, .len = 2}, "addi zero,zero,0"},
    {0x1501, "c.addi a0,-32",
     {.op = RV_ADDI, .rd = 10, .rs1 = 10, .imm = -32, .len = 2},
     "addi a0,a0,-32"},
    {0x0ffd, "c.addi t6,31",
     {.op = RV_ADDI, .rd = 31, .rs1 = 31, .imm = 31, .len = 2},
     "addi t6,t6,31"},
    {0x0501, ".insn 2, 0x0501",
     {.op = RV_ADDI, .rd = 10, .rs1 = 10, .len = 2}, "addi a0,a0,0"},
    {0x0005, ".insn 2, 0x0005",
     {.op = RV_ADDI, .imm = 1, .len = 2}, "addi zero,zero,1"},
    {0x357d, "c.addiw a0,-1",
     {.op = RV_ADDIW, .rd = 10, .rs1 = 10, .imm = -1, .len = 2},
     "addiw a0,a0,-1"},
    {0x2501, ".insn 2, 0x2501",
     {.op = RV_ADDIW, .rd = 10, .rs1 = 10, .len = 2}, "addiw a0,a0,0"},
    {0x5575, "c.li a0,-3",
     {.op = RV_ADDI, .rd = 10, .imm = -3, .len = 2}, "addi a0,zero,-3"},
    {0x4015, ".insn 2, 0x4015",
     {.op = RV_ADDI, .imm = 5, .len = 2}, "addi zero,zero,5"},
    {0x7101, "c.addi16sp sp,-512",
     {.op = RV_ADDI, .rd = 2, .rs1 = 2, .imm = -512, .len = 2},
     "addi sp,sp,-512"},
    {0x617d, "c.addi16sp sp,496",
     {.op = RV_ADDI, .rd = 2, .rs1 = 2, .imm = 496, .len = 2},
     "addi sp,sp,496"},
    {0x6141, "c.addi16sp sp,16",
     {.op = RV_ADDI, .rd = 2, .rs1 = 2, .imm = 16, .len = 2},
     "addi sp,sp,16"},
    {0x757d, "c.lui a0,0xfffff",
     {.op = RV_LUI, .rd = 10, .imm = -4096, .len = 2}, "lui a0,0xfffff"},
    {0x62fd, "c.lui t0,0x1f",
     {.op = RV_LUI, .rd = 5, .imm = 0x1f000, .len = 2}, "lui t0,0x1f"},
    {0x7281, "c.lui t0,0xfffe0",
     {.op = RV_LUI, .rd = 5, .imm = -0x20000, .len = 2}, "lui t0,0xfffe0"},
    {0x6005, ".insn 2, 0x6005",
     {.op = RV_LUI, .imm = 0x1000, .len = 2}, "lui zero,0x1"},
    {0x917d, "c.srli a0,63",
     {.op = RV_SRLI, .rd = 10, .rs1 = 10, .imm = 63, .len = 2},
     "srli a0,a0,0x3f"},
    {0x8101, ".insn 2, 0x8101",
     {.op = RV_SRLI, .rd = 10, .rs1 = 10, .len = 2}, "srli a0,a0,0x0"},
    {0x8785, "c.srai a5,1",
     {.op = RV_SRAI, .rd = 15, .rs1 = 15, .imm = 1, .len = 2},
     "srai a5,a5,0x1"},
    {0x9401, "c.srai s0,32",
     {.op = RV_SRAI, .rd = 8, .rs1 = 8, .imm = 32, .len = 2},
     "srai s0,s0,0x20"},
    {0x9801, "c.andi s0,-32",
     {.op = RV_ANDI, .rd = 8, .rs1 = 8, .imm = -32, .len = 2},
     "andi s0,s0,-32"},
    {0x8801, "c.andi s0,0",
     {.op = RV_ANDI, .rd = 8, .rs1 = 8, .len = 2}, "andi s0,s0,0"},
    {0x8c9d, "c.sub s1,a5",
     {.op = RV_SUB, .rd = 9, .rs1 = 9, .rs2 = 15, .len = 2},
     "sub s1,s1,a5"},
    {0x8cbd, "c.xor s1,a5",
     {.op = RV_XOR, .rd = 9, .rs1 = 9, .rs2 = 15, .len = 2},
     "xor s1,s1,a5"},
    {0x8cdd, "c.or s1,a5",
     {.op = RV_OR, .rd = 9, .rs1 = 9, .rs2 = 15, .len = 2}, "or s1,s1,a5"},
    {0x8cfd, "c.and s1,a5",
     {.op = RV_AND, .rd = 9, .rs1 = 9, .rs2 = 15, .len = 2},
     "and s1,s1,a5"},
    {0x9c9d, "c.subw s1,a5",
     {.op = RV_SUBW, .rd = 9, .rs1 = 9, .rs2 = 15, .len = 2},
     "subw s1,s1,a5"},
    {0x9cbd, "c.addw s1,a5",
     {.op = RV_ADDW, .rd = 9, .rs1 = 9, .rs2 = 15, .len = 2},
     "addw s1,s1,a5"},
    {0xaffd, "c.j .+2046",
     {.op = RV_JAL, .imm = 2046, .len = 2}, "jal zero,17fe"},
    {0xb001, "c.j .-2048",
     {.op = RV_JAL, .imm = -2048, .len = 2}, "jal zero,800"},
    {0xcc7d, "c.beqz s0,.+254",
     {.op = RV_BEQ, .rs1 = 8, .imm = 254, .len = 2}, "beq s0,zero,10fe"},
    {0xf381, "c.bnez a5,.-256",
     {.op = RV_BNE, .rs1 = 15, .imm = -256, .len = 2}, "bne a5,zero,f00"},
    {0x1f82, "c.slli t6,32",
     {.op = RV_SLLI, .rd = 31, .rs1 = 31, .imm = 32, .len = 2},
     "slli t6,t6,0x20"},
    {0x0506, "c.slli a0,1",
     {.op = RV_SLLI, .rd = 10, .rs1 = 10, .imm = 1, .len = 2},
     "slli a0,a0,0x1"},
    {0x0002, ".insn 2, 0x0002",
     {.op = RV_SLLI, .len = 2}, "slli zero,zero,0x0"},
    {0x357e, "c.fldsp fa0,504(sp)",
     {.op = RV_FLD, .rd = 10, .rs1 = 2, .imm = 504, .len = 2},
     "fld fa0,504(sp)"},
    {0x547e, "c.lwsp s0,252(sp)",
     {.op = RV_LW, .rd = 8, .rs1 = 2, .imm = 252, .len = 2},
     "lw s0,252(sp)"},
    {0x60a2, "c.ldsp ra,8(sp)",
     {.op = RV_LD, .rd = 1, .rs1 = 2, .imm = 8, .len = 2}, "ld ra,8(sp)"},
    {0x747e, "c.ldsp s0,504(sp)",
     {.op = RV_LD, .rd = 8, .rs1 = 2, .imm = 504, .len = 2},
     "ld s0,504(sp)"},
    {0x8082, "c.jr ra",
     {.op = RV_JALR, .rs1 = 1, .len = 2}, "jalr zero,0(ra)"},
    {0x852e, "c.mv a0,a1",
     {.op = RV_ADD, .rd = 10, .rs2 = 11, .len = 2}, "add a0,zero,a1"},
    {0x802a, ".insn 2, 0x802a",
     {.op = RV_ADD, .rs2 = 10, .len = 2}, "add zero,zero,a0"},
    {0x9002, "c.ebreak",
     {.op = RV_EBREAK, .len = 2}, "ebreak"},
    {0x9282, "c.jalr t0",
     {.op = RV_JALR, .rd = 1, .rs1 = 5, .len = 2}, "jalr ra,0(t0)"},
    {0x9516, "c.add a0,t0",
     {.op = RV_ADD, .rd = 10, .rs1 = 10, .rs2 = 5, .len = 2},
     "add a0,a0,t0"},
    {0xbfa2, "c.fsdsp fs0,504(sp)",
     {.op = RV_FSD, .rs1 = 2, .rs2 = 8, .imm = 504, .len = 2},
     "fsd fs0,504(sp)"},
    {0xdfa2, "c.swsp s0,252(sp)",
     {.op = RV_SW, .rs1 = 2, .rs2 = 8, .imm = 252, .len = 2},
     "sw s0,252(sp)"},
    {0xe406, "c.sdsp ra,8(sp)",
     {.op = RV_SD, .rs1 = 2, .rs2 = 1, .imm = 8, .len = 2}, "sd ra,8(sp)"},
    {0xe07e, "c.sdsp t6,0(sp)",
     {.op = RV_SD, .rs1 = 2, .rs2 = 31, .len = 2}, "sd t6,0(sp)"},
    /* Encodings binutils 2.40 does not produce, written as words: exact
     * conversions with a rounding mode, a fence with fm = 8 (not TSO's
     * sets), fence.i with the fields it ignores set. */
    {0x42059553, ".insn 0x42059553",
     {.op = RV_FCVT_D_S, .rd = 10, .rs1 = 11, .rm = 1, .len = 4},
     "fcvt.d.s fa0,fa1,rtz"},
    {0xd205f553, ".insn 0xd205f553",
     {.op = RV_FCVT_D_W, .rd = 10, .rs1 = 11, .rm = 7, .len = 4},
     "fcvt.d.w fa0,a1,dyn"},
    {0x8ff0000f, ".insn 0x8ff0000f",
     {.op = RV_FENCE, .imm = 0x8ff, .len = 4}, "fence iorw,iorw"},
    {0xfff5150f, ".insn 0xfff5150f",
     {.op = RV_FENCE_I, .len = 4}, "fence.i"},
};

static bool same(const struct rv_insn *a, const struct rv_insn *b)
{
    return a->op == b->op && a->rd == b->rd && a->rs1 == b->rs1 &&
           a->rs2 == b->rs2 && a->rs3 == b->rs3 && a->rm == b->rm &&
           a->len == b->len && a->imm == b->imm;
}

static void show(const char *what, const struct rv_insn *d)
{
    printf("    %s: %s rd=%d rs1=%d rs2=%d rs3=%d rm=%d imm=%#x len=%d\n", what,
           d->op < RV_OP_COUNT ? rv_opinfo[d->op].mnemonic : "?", d->rd,
           d->rs1, d->rs2, d->rs3, d->rm, (unsigned)d->imm, d->len);
}

/* Checks that both decoders give want for word; prints the first few
 * differences of a test. */
static int reported;
static void expect(uint32_t word, const struct rv_insn *want, const char *src)
{
    struct rv_insn fast, ref;
    rv_decode(word, &fast);
    rv_decode_ref(word, &ref);
    if (same(&fast, want) && same(&ref, want))
        return;
    test_failures++;
    if (reported++ < 10) {
        printf("  0x%08x (%s):\n", (unsigned)word, src);
        show("want", want);
        show("fast", &fast);
        show("ref ", &ref);
    }
}

/* Checks that the two decoders agree on word. */
static void agree(uint32_t word)
{
    struct rv_insn ref;
    rv_decode_ref(word, &ref);
    expect(word, &ref, "fast vs reference");
}

TEST(decode_known)
{
    reported = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const struct known *k = &known[i];
        expect(k->word, &k->want, k->src);
        if (k->want.len == 2) /* the upper half must not matter */
            expect(k->word | 0xa5a50000u, &k->want, k->src);
        char text[80];
        int n = rv_disasm(&k->want, 0x1000, text, sizeof text);
        if (strcmp(text, k->text) != 0 || n != (int)strlen(k->text)) {
            test_failures++;
            printf("  %s: text \"%s\", want \"%s\"\n", k->src, text, k->text);
        }
    }
}

/* Every compressed form of isa_c.def, and every operation of isa.def,
 * appears in the known encodings. */
TEST(decode_known_covers_tables)
{
    static const char *const cnames[] = {
#define RV_COP(name, mnem, match, mask, cfmt, base) mnem,
#include "rv/isa_c.def"
#undef RV_COP
    };
    static const uint16_t cmatch[] = {
#define RV_COP(name, mnem, match, mask, cfmt, base) match,
#include "rv/isa_c.def"
#undef RV_COP
    };
    static const uint16_t cmask[] = {
#define RV_COP(name, mnem, match, mask, cfmt, base) mask,
#include "rv/isa_c.def"
#undef RV_COP
    };
    for (size_t c = 0; c < sizeof cnames / sizeof cnames[0]; c++) {
        bool seen = false;
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
            seen |= known[i].want.len == 2 &&
                    (known[i].word & cmask[c]) == cmatch[c];
        if (!seen) {
            test_failures++;
            printf("  no known encoding of %s\n", cnames[c]);
        }
    }
    for (int op = 1; op < RV_OP_COUNT; op++) {
        bool seen = false;
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
            seen |= known[i].want.len == 4 && known[i].want.op == op;
        if (!seen) {
            test_failures++;
            printf("  no known encoding of %s\n", rv_opinfo[op].mnemonic);
        }
    }
}

/* Reserved encodings and ones RV64GC (with Zba, Zbb, Zbs, Zicond) lacks. */
static const struct {
    uint32_t word;
    int len;
    const char *why;
} illegal[] = {
    {0x0000, 2, "all-zero halfword (c.addi4spn, nzuimm 0)"},
    {0x0004, 2, "c.addi4spn with nzuimm 0"},
    {0x8000, 2, "quadrant 0, funct3 100 (reserved)"},
    {0x9ffc, 2, "quadrant 0, funct3 100 (reserved)"},
    {0x2001, 2, "c.addiw with rd 0"},
    {0x3005, 2, "c.addiw with rd 0"},
    {0x6001, 2, "c.lui with nzimm 0 (rd 0)"},
    {0x6081, 2, "c.lui with nzimm 0"},
    {0x6101, 2, "c.addi16sp with nzimm 0"},
    {0x9c41, 2, "quadrant 1 funct6 100111, bits 6:5 = 10"},
    {0x9c61, 2, "quadrant 1 funct6 100111, bits 6:5 = 11"},
    {0x4002, 2, "c.lwsp with rd 0"},
    {0x5002, 2, "c.lwsp with rd 0"},
    {0x6002, 2, "c.ldsp with rd 0"},
    {0x8002, 2, "c.jr with rs1 0"},
    {0xffffffff, 2, "longer than 32 bits (bits 4:0 = 11111)"},
    {0x0000001f, 2, "48-bit encoding"},
    {0x0000003f, 2, "64-bit encoding"},
    {0x00c5d553, 4, "fadd.s with rm 5"},
    {0x00c5e553, 4, "fadd.s with rm 6"},
    {0x68c5d543, 4, "fmadd.s with rm 5"},
    {0x5805e553, 4, "fsqrt.s with rm 6"},
    {0xd005d553, 4, "fcvt.s.w with rm 5"},
    {0x5815f553, 4, "fsqrt.s with rs2 1"},
    {0x4005f553, 4, "fcvt.s.d with rs2 0"},
    {0x04000043, 4, "fmadd with fmt 2 (half)"},
    {0x06000043, 4, "fmadd with fmt 3 (quad)"},
    {0x0000200f, 4, "MISC-MEM funct3 2"},
    {0x000000f3, 4, "ecall with rd 1"},
    {0x10500073, 4, "wfi"},
    {0x30200073, 4, "mret"},
    {0x00004073, 4, "SYSTEM funct3 4"},
    {0x1015a52f, 4, "lr.w with rs2 1"},
    {0x0000402f, 4, "AMO funct3 4"},
    {0x2800202f, 4, "AMO funct5 00101"},
    {0x04000033, 4, "OP funct7 0000010"},
    {0x00002063, 4, "BRANCH funct3 2"},
    {0x00001067, 4, "jalr with funct3 1"},
    {0x00007003, 4, "LOAD funct3 7"},
    {0x00004023, 4, "STORE funct3 4"},
    {0x00001007, 4, "flh (Zfh)"},
    {0x00001027, 4, "fsh (Zfh)"},
    {0x04001013, 4, "OP-IMM funct3 1, funct6 000001"},
    {0x0200101b, 4, "slliw with shamt[5] set"},
    {0x0810403b, 4, "zext.h encoding with rs2 1 (Zbkb pack)"},
    {0x28605013, 4, "orc.b encoding with another shamt"},
    {0x60301013, 4, "Zbb unary with rs2 3"},
    {0x0a00003b, 4, "OP-32 funct7 0000101"},
    {0xe0055553, 4, "fmv.x.w / fclass.s encoding with funct3 5"},
    {0x00000057, 4, "OP-V"},
    {0x0000000b, 4, "custom-0"},
    {0x0000007b, 4, "custom-3"},
    {0x0000006b, 4, "reserved opcode 1101011"},
};

TEST(decode_illegal)
{
    reported = 0;
    for (size_t i = 0; i < sizeof illegal / sizeof illegal[0]; i++) {
        uint32_t w = illegal[i].word;
        struct rv_insn want = {.op = RV_ILLEGAL};
        want.len = (uint8_t)illegal[i].len;
        want.imm = (int32_t)(illegal[i].len == 2 ? w & 0xffff : w);
        expect(w, &want, illegal[i].why);
    }
    char text[32];
    struct rv_insn d;
    rv_decode(0x0000, &d);
    rv_disasm(&d, 0, text, sizeof text);
    CHECK(strcmp(text, ".2byte 0x0") == 0);
    rv_decode(0x04000033, &d);
    rv_disasm(&d, 0, text, sizeof text);
    CHECK(strcmp(text, ".4byte 0x4000033") == 0);
}

/* A small seeded generator, so every run checks the same words. */
static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint32_t rand32(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 32);
}

TEST(decode_all_16bit_words)
{
    reported = 0;
    int legal = 0;
    for (uint32_t h = 0; h < 0x10000; h++) {
        if ((h & 3) == 3)
            continue;
        agree(h);
        agree(h | (rand32() & 0xffff0000u)); /* upper bits are ignored */
        struct rv_insn d;
        rv_decode(h, &d);
        legal += d.op != RV_ILLEGAL;
    }
    /* Of the 49152 compressed words, the reserved ones are: quadrant 0
     * funct3 100 (2048) and c.addi4spn with nzuimm 0 (8); c.addiw rd 0
     * (64), c.addi16sp/c.lui nzimm 0 (32), funct6 100111 bits 6:5 = 1x
     * (128); c.lwsp and c.ldsp rd 0 (64 each), c.jr rs1 0 (1). */
    CHECK_EQ(legal, 49152 - 2048 - 8 - 64 - 32 - 128 - 128 - 1);
}

TEST(decode_random_32bit_words)
{
    reported = 0;
    for (int i = 0; i < 1 << 20; i++)
        agree(rand32() | 3);
    /* And every major opcode in turn, so the rare ones get their share. */
    for (uint32_t opc = 0; opc < 32; opc++)
        for (int i = 0; i < 1 << 15; i++)
            agree((rand32() & ~0x7fu) | opc << 2 | 3);
}

/* Every isa.def entry with random don't-care bits decodes as that entry
 * (or as illegal for a reserved rounding mode), and isa_c.def entries as
 * their base operation or illegal (reserved register or immediate). */
TEST(decode_table_entries)
{
    reported = 0;
    for (int op = 1; op < RV_OP_COUNT; op++) {
        const struct rv_opinfo *o = &rv_opinfo[op];
        bool has_rm = o->format == RV_FMT_RM || o->format == RV_FMT_RM1 ||
                      o->format == RV_FMT_R4;
        for (int i = 0; i < 1024; i++) {
            uint32_t w = o->match | (i ? rand32() & ~o->mask : 0);
            uint32_t rm = w >> 12 & 7;
            struct rv_insn ref;
            rv_decode_ref(w, &ref);
            if (ref.op != (has_rm && (rm == 5 || rm == 6) ? RV_ILLEGAL : op)) {
                test_failures++;
                if (reported++ < 10) {
                    printf("  %s: 0x%08x decodes as\n", o->mnemonic,
                           (unsigned)w);
                    show("ref ", &ref);
                }
            }
            agree(w);
        }
    }
    static const struct { uint16_t match, mask; int base; } c[] = {
#define RV_COP(name, mnem, match, mask, cfmt, base) {match, mask, RV_##base},
#include "rv/isa_c.def"
#undef RV_COP
    };
    size_t nc = sizeof c / sizeof c[0];
    for (size_t k = 0; k < nc; k++) {
        int hits = 0;
        for (int i = 0; i < 1024; i++) {
            uint32_t w = c[k].match | (rand32() & ~(uint32_t)c[k].mask);
            struct rv_insn ref;
            rv_decode_ref(w, &ref);
            /* Entries overlap where register fields tell them apart (c.jr
             * and c.mv), so another matching entry may claim the word. */
            bool ok = ref.op == RV_ILLEGAL;
            for (size_t j = 0; j < nc; j++)
                ok |= (w & c[j].mask) == c[j].match && ref.op == c[j].base;
            if (!ok) {
                test_failures++;
                if (reported++ < 10)
                    printf("  0x%04x: not what its entries say\n",
                           (unsigned)w & 0xffff);
            }
            hits += ref.op == c[k].base;
            agree(w);
        }
        CHECK(hits > 0);
    }
}

TEST(disasm_buffer)
{
    struct rv_insn d;
    char buf[8];
    rv_decode(0x00150513, &d); /* addi a0,a0,1 */
    memset(buf, 'x', sizeof buf);
    CHECK_EQ(rv_disasm(&d, 0, buf, sizeof buf), strlen("addi a0,a0,1"));
    CHECK(strcmp(buf, "addi a0") == 0);
    CHECK_EQ(rv_disasm(&d, 0, NULL, 0), strlen("addi a0,a0,1"));
    rv_decode(0x00100073, &d);
    CHECK_EQ(rv_disasm(&d, 0, buf, 1), strlen("ebreak"));
    CHECK(buf[0] == 0);
}
