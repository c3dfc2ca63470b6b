/* System calls through ecall: write returns the byte count (0 for an empty
 * write, -EBADF for a bad descriptor), an unknown number returns -ENOSYS,
 * every register other than a0 survives the call, getpid is positive.
 * exit itself is tested by every test's end and by exit_group.S. */
#include "check.h"
#define SYS_getpid 172
#define MSG_LEN 17                         /* "hello from ecall\n" */
        .section .rodata
msg:    .ascii "hello from ecall\n"

TEST_BEGIN
        li a0, 1
        la a1, msg
        li a2, MSG_LEN
        li a7, SYS_write
        ecall
        CHECK_EQ(a0, MSG_LEN)
        li a0, 1
        la a1, msg
        li a2, 0
        li a7, SYS_write
        ecall
        CHECK_EQ(a0, 0)
        li a0, -1
        la a1, msg
        li a2, 1
        li a7, SYS_write
        ecall
        CHECK_EQ(a0, -9)                   /* -EBADF */
        li a0, 1234
        li a7, 4000                        /* no such system call */
        ecall
        CHECK_EQ(a0, -38)                  /* -ENOSYS */
        li a7, SYS_getpid
        ecall
        sgt a0, a0, zero
        CHECK_EQ(a0, 1)

        /* Registers survive. */
        li ra, 0x101; li gp, 0x103; li tp, 0x104; li t0, 0x105; li t1, 0x106
        li t2, 0x107; li s0, 0x108; li s1, 0x109; li a1, 0x10b; li a2, 0x10c
        li a3, 0x10d; li a4, 0x10e; li a5, 0x10f; li a6, 0x110; li s2, 0x112
        li s3, 0x113; li s4, 0x114; li s5, 0x115; li s6, 0x116; li s7, 0x117
        li s8, 0x118; li s9, 0x119; li s10, 0x11a; li s11, 0x11b; li t3, 0x11c
        li t4, 0x11d
        li a0, 2
        fmv.d.x fs0, a0
        li a7, SYS_getpid
        ecall
        CHECK_EQ(ra, 0x101)
        CHECK_EQ(gp, 0x103)
        CHECK_EQ(tp, 0x104)
        CHECK_EQ(t0, 0x105)
        CHECK_EQ(t1, 0x106)
        CHECK_EQ(t2, 0x107)
        CHECK_EQ(s0, 0x108)
        CHECK_EQ(s1, 0x109)
        CHECK_EQ(a1, 0x10b)
        CHECK_EQ(a2, 0x10c)
        CHECK_EQ(a3, 0x10d)
        CHECK_EQ(a4, 0x10e)
        CHECK_EQ(a5, 0x10f)
        CHECK_EQ(a6, 0x110)
        CHECK_EQ(a7, SYS_getpid)
        CHECK_EQ(s2, 0x112)
        CHECK_EQ(s3, 0x113)
        CHECK_EQ(s4, 0x114)
        CHECK_EQ(s5, 0x115)
        CHECK_EQ(s6, 0x116)
        CHECK_EQ(s7, 0x117)
        CHECK_EQ(s8, 0x118)
        CHECK_EQ(s9, 0x119)
        CHECK_EQ(s10, 0x11a)
        CHECK_EQ(s11, 0x11b)
        CHECK_EQ(t3, 0x11c)
        CHECK_EQ(t4, 0x11d)
        fmv.x.d a0, fs0
        CHECK_EQ(a0, 2)
TEST_END
