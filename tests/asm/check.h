/* The harness of the self-checking assembly tests: no libc, only the write
 * and exit system calls. A test is
 *
 *     #include "check.h"
 *     TEST_BEGIN
 *         li a0, 2; li a1, 3; add a2, a0, a1
 *         CHECK_EQ(a2, 5)
 *     TEST_END
 *
 * Every CHECK gets a number in order of appearance. All passing prints
 * "all N checks passed" and exits 0; the first failing check prints
 * "FAIL check N (line L): got 0x..., want 0x..." and exits with N (255 for
 * N >= 255). With any argument (tests/asm/run.sh gives "again"), the body
 * between TEST_BEGIN and TEST_END runs twice, so that an emulator that
 * translates code after its first run (hart --jit-threshold=1) checks its
 * translations too; a body must therefore set up its own state. The macros
 * are cpp macros so that they can name their source
 * line; inside one, ';' separates instructions.
 *
 * Registers: t5 and t6 belong to the harness (every CHECK may clobber
 * them); a CHECK that fails also overwrites a0-a3, a7. Everything else is
 * the test's. FP values are written and compared as bit patterns. */
#ifndef CHECK_H
#define CHECK_H

#define SYS_write 64
#define SYS_exit 93

/* Rounding-mode field values (frm / static rm). */
#define RM_RNE 0
#define RM_RTZ 1
#define RM_RDN 2
#define RM_RUP 3
#define RM_RMM 4
#define RM_DYN 7

/* fflags bits. */
#define NV 0x10
#define DZ 0x08
#define OF 0x04
#define UF 0x02
#define NX 0x01

/* Compares a register with a 64-bit constant. */
#define CHECK_EQ(reg, want) check_eq reg, want, __LINE__
/* Compares two registers. */
#define CHECK_EQ_REG(reg, want_reg) check_eq_reg reg, want_reg, __LINE__
/* Compares the accrued FP exception flags, then clears them. */
#define CHECK_FFLAGS(want) csrr t5, fflags; CHECK_EQ(t5, want); csrwi fflags, 0
/* Whole 64-bit FP register as bits: a double, or a single that must be
 * NaN-boxed (upper 32 bits all ones). */
#define CHECK_D(freg, bits) fmv.x.d t5, freg; CHECK_EQ(t5, bits)
#define CHECK_S(freg, bits) fmv.x.d t5, freg; CHECK_EQ(t5, (0xffffffff00000000 | (bits)))
/* Load FP registers from bit patterns (fmv.w.x boxes). */
#define LI_D(freg, bits) li t6, bits; fmv.d.x freg, t6
#define LI_S(freg, bits) li t6, bits; fmv.w.x freg, t6

/* One-instruction tests on a0, a1 (and a2 for three operands) into a3. */
#define TEST_R(op, a, want) li a0, a; op a3, a0; CHECK_EQ(a3, want)
#define TEST_RR(op, a, b, want) li a0, a; li a1, b; op a3, a0, a1; CHECK_EQ(a3, want)
#define TEST_RI(op, a, imm, want) li a0, a; op a3, a0, imm; CHECK_EQ(a3, want)

/* FP tests: operands in fa0..fa2, result in fa3 (or a3 for integer
 * results), then the exact result bits and the exact flags. */
#define TEST_FD1(op, a, want, flags) \
    LI_D(fa0, a); op fa3, fa0; CHECK_D(fa3, want); CHECK_FFLAGS(flags)
#define TEST_FD2(op, a, b, want, flags) \
    LI_D(fa0, a); LI_D(fa1, b); op fa3, fa0, fa1; CHECK_D(fa3, want); CHECK_FFLAGS(flags)
#define TEST_FD3(op, a, b, c, want, flags)                                  \
    LI_D(fa0, a); LI_D(fa1, b); LI_D(fa2, c); op fa3, fa0, fa1, fa2;        \
    CHECK_D(fa3, want); CHECK_FFLAGS(flags)
#define TEST_FS1(op, a, want, flags) \
    LI_S(fa0, a); op fa3, fa0; CHECK_S(fa3, want); CHECK_FFLAGS(flags)
#define TEST_FS2(op, a, b, want, flags) \
    LI_S(fa0, a); LI_S(fa1, b); op fa3, fa0, fa1; CHECK_S(fa3, want); CHECK_FFLAGS(flags)
#define TEST_FS3(op, a, b, c, want, flags)                                  \
    LI_S(fa0, a); LI_S(fa1, b); LI_S(fa2, c); op fa3, fa0, fa1, fa2;        \
    CHECK_S(fa3, want); CHECK_FFLAGS(flags)
/* With a static rounding mode (rne, rtz, rdn, rup, rmm, dyn). */
#define TEST_FD2_RM(op, rm, a, b, want, flags)                              \
    LI_D(fa0, a); LI_D(fa1, b); op fa3, fa0, fa1, rm; CHECK_D(fa3, want);   \
    CHECK_FFLAGS(flags)
#define TEST_FS2_RM(op, rm, a, b, want, flags)                              \
    LI_S(fa0, a); LI_S(fa1, b); op fa3, fa0, fa1, rm; CHECK_S(fa3, want);   \
    CHECK_FFLAGS(flags)
/* FP to integer register (compares, fclass, fcvt to integer, fmv.x). */
#define TEST_FD_X1(op, a, want, flags) \
    LI_D(fa0, a); op a3, fa0; CHECK_EQ(a3, want); CHECK_FFLAGS(flags)
#define TEST_FD_X2(op, a, b, want, flags) \
    LI_D(fa0, a); LI_D(fa1, b); op a3, fa0, fa1; CHECK_EQ(a3, want); CHECK_FFLAGS(flags)
#define TEST_FS_X1(op, a, want, flags) \
    LI_S(fa0, a); op a3, fa0; CHECK_EQ(a3, want); CHECK_FFLAGS(flags)
#define TEST_FS_X2(op, a, b, want, flags) \
    LI_S(fa0, a); LI_S(fa1, b); op a3, fa0, fa1; CHECK_EQ(a3, want); CHECK_FFLAGS(flags)
#define TEST_FD_X1_RM(op, rm, a, want, flags) \
    LI_D(fa0, a); op a3, fa0, rm; CHECK_EQ(a3, want); CHECK_FFLAGS(flags)
#define TEST_FS_X1_RM(op, rm, a, want, flags) \
    LI_S(fa0, a); op a3, fa0, rm; CHECK_EQ(a3, want); CHECK_FFLAGS(flags)
/* Integer register to FP (fcvt from integer). */
#define TEST_X_FD1(op, a, want, flags) \
    li a0, a; op fa3, a0; CHECK_D(fa3, want); CHECK_FFLAGS(flags)
#define TEST_X_FD1_RM(op, rm, a, want, flags) \
    li a0, a; op fa3, a0, rm; CHECK_D(fa3, want); CHECK_FFLAGS(flags)
#define TEST_X_FS1_RM(op, rm, a, want, flags) \
    li a0, a; op fa3, a0, rm; CHECK_S(fa3, want); CHECK_FFLAGS(flags)

/* Zicond, which binutils 2.40 does not know yet: R-type, funct7 0000111. */
#define CZERO_EQZ(rd, rs1, rs2) .insn r 0x33, 5, 7, rd, rs1, rs2
#define CZERO_NEZ(rd, rs1, rs2) .insn r 0x33, 7, 7, rd, rs1, rs2

        .set check_count, 0

        .macro check_eq reg, want, line
        .set check_count, check_count + 1
        li t6, \want
        beq \reg, t6, 9001f
        mv a2, \reg
        mv a3, t6
        li a0, check_count
        li a1, \line
        j check_failed
9001:
        .endm

        .macro check_eq_reg reg, want_reg, line
        .set check_count, check_count + 1
        beq \reg, \want_reg, 9001f
        mv t6, \want_reg
        mv a2, \reg
        mv a3, t6
        li a0, check_count
        li a1, \line
        j check_failed
9001:
        .endm

/* Prints "N checks passed so far" (clobbers ra, a0-a2, a7, t0-t4): tests
 * that end in a deliberate crash show how far they got. */
#define CHECK_PROGRESS li a1, check_count; call check_progress

#define TEST_BEGIN                                      \
        .text;                                          \
        .globl _start;                                  \
_start:                                                 \
        ld t0, 0(sp);           /* argc */              \
        li t1, 1;                                       \
        sltu t0, t1, t0;                                \
        add t0, t0, t1;         /* passes: 1 or 2 */    \
        la t1, check_passes;                            \
        sd t0, 0(t1);                                   \
        j check_body;   /* the same block both passes */\
check_body:                                             \
        csrwi fcsr, 0

/* The end of the test and the harness' runtime: reporting and exit. */
#define TEST_END check_runtime

        .macro check_runtime
        la t0, check_passes
        ld t1, 0(t0)
        addi t1, t1, -1
        sd t1, 0(t0)
        bnez t1, check_body
        /* All checks passed. */
        la a0, check_buf
        la a1, check_msg_all
        call check_append_str
        li a1, check_count
        call check_append_dec
        la a1, check_msg_passed
        call check_append_str
        call check_flush
        li a0, 0
        li a7, SYS_exit
        ecall

check_progress:                 /* a1: number of checks so far */
        mv t4, ra
        la a0, check_buf
        call check_append_dec
        la a1, check_msg_so_far
        call check_append_str
        call check_flush
        jr t4

/* a0 = check number, a1 = line, a2 = value seen, a3 = value wanted. */
check_failed:
        mv s0, a0
        mv s1, a1
        mv s2, a2
        mv s3, a3
        la a0, check_buf
        la a1, check_msg_fail
        call check_append_str
        mv a1, s0
        call check_append_dec
        la a1, check_msg_line
        call check_append_str
        mv a1, s1
        call check_append_dec
        la a1, check_msg_got
        call check_append_str
        mv a1, s2
        call check_append_hex
        la a1, check_msg_want
        call check_append_str
        mv a1, s3
        call check_append_hex
        li t0, '\n'
        sb t0, 0(a0)
        addi a0, a0, 1
        call check_flush
        li a0, 255
        bgeu s0, a0, 1f
        mv a0, s0
1:      li a7, SYS_exit
        ecall

/* The helpers append to the buffer at a0 and return the new end in a0;
 * they use only t0-t4. */
check_append_str:               /* a1: NUL-terminated string */
        lbu t0, 0(a1)
        beqz t0, 1f
        sb t0, 0(a0)
        addi a0, a0, 1
        addi a1, a1, 1
        j check_append_str
1:      ret

check_append_dec:               /* a1: unsigned value */
        addi t1, sp, -32        /* digits go below the stack pointer */
        mv t2, t1
        li t3, 10
1:      remu t0, a1, t3
        divu a1, a1, t3
        addi t0, t0, '0'
        addi t2, t2, -1
        sb t0, 0(t2)
        bnez a1, 1b
2:      lbu t0, 0(t2)
        sb t0, 0(a0)
        addi a0, a0, 1
        addi t2, t2, 1
        bne t2, t1, 2b
        ret

check_append_hex:               /* a1: value, printed as 0x + 16 digits */
        li t0, '0'
        sb t0, 0(a0)
        li t0, 'x'
        sb t0, 1(a0)
        addi a0, a0, 2
        li t1, 60
1:      srl t0, a1, t1
        andi t0, t0, 15
        li t2, 10
        blt t0, t2, 2f
        addi t0, t0, 'a' - 10 - '0'
2:      addi t0, t0, '0'
        sb t0, 0(a0)
        addi a0, a0, 1
        addi t1, t1, -4
        bgez t1, 1b
        ret

check_flush:                    /* writes check_buf up to a0 */
        la a1, check_buf
        sub a2, a0, a1
        li a0, 1
        li a7, SYS_write
        ecall
        ret

        .section .rodata
check_msg_all:    .asciz "all "
check_msg_passed: .asciz " checks passed\n"
check_msg_so_far: .asciz " checks passed so far\n"
check_msg_fail:   .asciz "FAIL check "
check_msg_line:   .asciz " (line "
check_msg_got:    .asciz "): got "
check_msg_want:   .asciz ", want "
        .bss
        .balign 8
check_passes:     .space 8
check_buf:        .space 256
        .text
        .endm

#endif
