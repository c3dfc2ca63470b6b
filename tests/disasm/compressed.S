/* Every compressed form of src/rv/isa_c.def with varied operands,
 * including the HINT encodings (rd = x0, shift by 0, c.addi by 0), for
 * tests/disasm/run.sh: objdump names them c.*, hart prints the 32-bit
 * operation each expands to, and run.sh maps one to the other. A few
 * 32-bit instructions are mixed in, so the two lengths interleave.
 * Generated once, then kept by hand. */
.option rvc
.text
.globl _start
_start:
# c.addi4spn
 c.addi4spn s0,sp,4
 c.addi4spn s1,sp,8
 c.addi4spn a0,sp,16
 c.addi4spn a1,sp,32
 c.addi4spn a2,sp,64
 c.addi4spn a3,sp,128
 c.addi4spn a4,sp,256
 c.addi4spn a5,sp,512
 c.addi4spn s0,sp,1020
 c.addi4spn s1,sp,236
# c.fld
 c.fld fs0,0(s0)
 c.fld fs1,8(a1)
 c.fld fa0,16(a4)
 c.fld fa1,32(s1)
 c.fld fa2,64(a2)
 c.fld fa3,128(a5)
 c.fld fa4,248(a0)
# c.lw
 c.lw s0,0(s1)
 c.lw s1,4(a4)
 c.lw a0,8(a1)
 c.lw a1,16(s0)
 c.lw a2,32(a3)
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.lw a3,64(a0)
 c.lw a4,124(a5)
# c.ld
 c.ld s0,0(a0)
 c.ld s1,8(a3)
 c.ld a0,16(s0)
 c.ld a1,32(a1)
 c.ld a2,64(a4)
 c.ld a3,128(s1)
 c.ld a4,248(a2)
# c.fsd
 c.fsd fs0,0(s0)
 c.fsd fs1,8(a1)
 c.fsd fa0,16(a4)
 c.fsd fa1,32(s1)
 c.fsd fa2,64(a2)
 c.fsd fa3,128(a5)
 c.fsd fa4,248(a0)
# c.sw
 c.sw s0,0(s1)
 c.sw s1,4(a4)
 c.sw a0,8(a1)
 c.sw a1,16(s0)
 c.sw a2,32(a3)
 c.sw a3,64(a0)
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.sw a4,124(a5)
# c.sd
 c.sd s0,0(a0)
 c.sd s1,8(a3)
 c.sd a0,16(s0)
 c.sd a1,32(a1)
 c.sd a2,64(a4)
 c.sd a3,128(s1)
 c.sd a4,248(a2)
# c.nop and c.addi (with the HINTs: rd = 0 or imm = 0)
 c.nop
 c.addi ra,1
 c.addi sp,-32
 c.addi a0,31
 c.addi t6,-1
 c.addi a5,16
 c.addi s0,-16
 .insn 2, 0x0501
 .insn 2, 0x0005
 .insn 2, 0x107d
# c.addiw
 c.addiw ra,1
 c.addiw sp,-32
 c.addiw a0,31
 c.addiw t6,-1
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.addiw a5,0
 c.addiw s0,-16
# c.li (rd = 0 is a HINT)
 c.li ra,1
 c.li sp,-32
 c.li a0,31
 c.li t6,-1
 c.li a5,0
 c.li s0,-16
 .insn 2, 0x4015
 .insn 2, 0x507d
# c.addi16sp
 c.addi16sp sp,-512
 c.addi16sp sp,-16
 c.addi16sp sp,16
 c.addi16sp sp,496
 c.addi16sp sp,32
 c.addi16sp sp,-256
# c.lui (rd = 0 is a HINT)
 c.lui ra,0x1
 c.lui gp,0x1f
 c.lui a0,0xfffe0
 c.lui t6,0xfffff
 c.lui a5,0x10
 c.lui s0,0xffff0
 .option norvc
 addi a0,a1,-7
 .option rvc
 .insn 2, 0x6005
 .insn 2, 0x707d
# c.srli, c.srai (shamt 0 is a HINT, objdump calls it c.srli64)
 c.srli s0,1
 c.srli s1,31
 c.srli a0,32
 c.srli a1,63
 c.srli a2,5
 c.srai s0,1
 c.srai s1,31
 c.srai a0,32
 c.srai a1,63
 c.srai a2,7
 .insn 2, 0x8101
 .insn 2, 0x8501
 .insn 2, 0x8781
# c.andi
 c.andi s0,0
 c.andi s1,1
 c.andi a0,-1
 c.andi a1,31
 c.andi a2,-32
 c.andi a3,15
# c.sub
 c.sub s0,s1
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.sub s1,a2
 c.sub a0,a5
 c.sub a1,a0
# c.xor
 c.xor s0,s1
 c.xor s1,a2
 c.xor a0,a5
 c.xor a1,a0
# c.or
 c.or s0,s1
 c.or s1,a2
 c.or a0,a5
 c.or a1,a0
# c.and
 c.and s0,s1
 c.and s1,a2
 c.and a0,a5
 c.and a1,a0
# c.subw
 c.subw s0,s1
 c.subw s1,a2
 c.subw a0,a5
 c.subw a1,a0
# c.addw
 c.addw s0,s1
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.addw s1,a2
 c.addw a0,a5
 c.addw a1,a0
# c.j
 c.j .-2048
 c.j .-2
 c.j .+0
 c.j .+2
 c.j .+2046
 c.j .+1604
# c.beqz, c.bnez
 c.beqz s0,.-256
 c.beqz s1,.-2
 c.beqz a0,.+0
 c.beqz a1,.+2
 c.beqz a2,.+254
 c.bnez s0,.-256
 c.bnez s1,.-2
 c.bnez a0,.+0
 c.bnez a1,.+2
 c.bnez a2,.+254
# c.slli (rd = 0 or shamt 0 are HINTs)
 c.slli ra,1
 c.slli sp,31
 c.slli a0,32
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.slli t6,63
 c.slli a5,5
 .insn 2, 0x0002
 .insn 2, 0x0502
 .insn 2, 0x107e
# c.fldsp
 c.fldsp ft0,0(sp)
 c.fldsp fs0,8(sp)
 c.fldsp fa0,504(sp)
 c.fldsp ft11,256(sp)
 c.fldsp fa5,72(sp)
# c.lwsp
 c.lwsp ra,0(sp)
 c.lwsp sp,4(sp)
 c.lwsp a0,252(sp)
 c.lwsp t6,128(sp)
 c.lwsp a5,60(sp)
# c.ldsp
 c.ldsp ra,0(sp)
 c.ldsp sp,8(sp)
 c.ldsp a0,504(sp)
 c.ldsp t6,256(sp)
 c.ldsp a5,72(sp)
# c.jr
 c.jr ra
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.jr sp
 c.jr a0
 c.jr t6
# c.mv (rd = 0 is a HINT)
 c.mv ra,sp
 c.mv a0,a1
 c.mv t6,ra
 c.mv sp,t6
 .insn 2, 0x802a
# c.ebreak
 c.ebreak
# c.jalr
 c.jalr ra
 c.jalr sp
 c.jalr a0
 c.jalr t6
# c.add (rd = 0 is a HINT)
 c.add ra,sp
 c.add a0,a1
 c.add t6,ra
 c.add sp,t6
 .insn 2, 0x902a
# c.fsdsp
 c.fsdsp ft0,0(sp)
 c.fsdsp fs0,8(sp)
 .option norvc
 addi a0,a1,-7
 .option rvc
 c.fsdsp fa0,504(sp)
 c.fsdsp ft11,256(sp)
 c.fsdsp fa5,72(sp)
# c.swsp
 c.swsp zero,0(sp)
 c.swsp sp,4(sp)
 c.swsp a0,252(sp)
 c.swsp t6,128(sp)
 c.swsp a5,60(sp)
# c.sdsp
 c.sdsp zero,0(sp)
 c.sdsp sp,8(sp)
 c.sdsp a0,504(sp)
 c.sdsp t6,256(sp)
 c.sdsp a5,72(sp)
