/* The A extension: lr/sc pairs that succeed (retried, as the spec allows
 * spurious failures) and that must fail (no reservation, another address,
 * a reservation already used), every AMO at both widths with the old value
 * returned (sign-extended for .w) and the memory result, signed and
 * unsigned min/max, and the neighbouring word left alone. */
#include "check.h"

/* AMO_x(op, initial memory, rs2, want rd, want memory) on the word or
 * dword at s0; for words, the word after it holds a guard value. */
#define AMO_D(op, init, val, want_rd, want_mem)                          \
        li a0, init; sd a0, 0(s0); li a1, val; op a3, a1, (s0);          \
        CHECK_EQ(a3, want_rd); ld a4, 0(s0); CHECK_EQ(a4, want_mem)
#define AMO_W(op, init, val, want_rd, want_mem)                          \
        li a0, 0x5a5a5a5a; sw a0, 4(s0);                                 \
        li a0, init; sw a0, 0(s0); li a1, val; op a3, a1, (s0);          \
        CHECK_EQ(a3, want_rd); lwu a4, 0(s0); CHECK_EQ(a4, want_mem);    \
        lwu a4, 4(s0); CHECK_EQ(a4, 0x5a5a5a5a)

TEST_BEGIN
        la s0, cell
        li a0, 0x5a5a5a5a5a5a5a5a
        sd a0, 0(s0)
        sd a0, 8(s0)

        AMO_W(amoswap.w, 0x11111111, 0x80000000, 0x11111111, 0x80000000)
        AMO_W(amoswap.w, 0x80000000, 0x1234, 0xffffffff80000000, 0x1234)
        AMO_W(amoadd.w, 0x7fffffff, 1, 0x7fffffff, 0x80000000)
        AMO_W(amoadd.w, 0xffffffff, 1, -1, 0)              /* no carry into the next word */
        AMO_W(amoadd.w, 5, 0x100000003, 5, 8)              /* upper rs2 bits ignored */
        AMO_W(amoand.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0x0f000f00)
        AMO_W(amoor.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xfff0fff0)
        AMO_W(amoxor.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xf0f0f0f0)
        AMO_W(amomin.w, 0x80000000, 1, 0xffffffff80000000, 0x80000000)
        AMO_W(amomin.w, 5, 0xfffffffe, 5, 0xfffffffe)       /* -2 < 5 */
        AMO_W(amomax.w, 5, 0xfffffffe, 5, 5)
        AMO_W(amomax.w, 0x80000000, 0x7fffffff, 0xffffffff80000000, 0x7fffffff)
        AMO_W(amominu.w, 5, 0xfffffffe, 5, 5)
        AMO_W(amominu.w, 0x80000000, 0x7fffffff, 0xffffffff80000000, 0x7fffffff)
        AMO_W(amomaxu.w, 5, 0xfffffffe, 5, 0xfffffffe)
        AMO_W(amomaxu.w, 0xffffffff, 0, -1, 0xffffffff)
        /* 32-bit compare ignores the upper half of rs2: 0x1_00000000 is 0. */
        AMO_W(amomaxu.w, 7, 0x100000000, 7, 7)
        AMO_W(amomin.w, 7, 0x1ffffffff, 7, 0xffffffff)

        AMO_D(amoswap.d, 0x0123456789abcdef, -1, 0x0123456789abcdef, -1)
        AMO_D(amoadd.d, 0x7fffffffffffffff, 1, 0x7fffffffffffffff, 0x8000000000000000)
        AMO_D(amoadd.d, 0xffffffffffffffff, 2, -1, 1)
        AMO_D(amoand.d, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0xf000f000f000f000)
        AMO_D(amoor.d, 0xf0f0f0f0f0f0f0f0, 0x0f, 0xf0f0f0f0f0f0f0f0, 0xf0f0f0f0f0f0f0ff)
        AMO_D(amoxor.d, 0xf0f0f0f0f0f0f0f0, -1, 0xf0f0f0f0f0f0f0f0, 0x0f0f0f0f0f0f0f0f)
        AMO_D(amomin.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000)
        AMO_D(amomin.d, 3, -3, 3, -3)
        AMO_D(amomax.d, 3, -3, 3, 3)
        AMO_D(amomax.d, 0x8000000000000000, 0, 0x8000000000000000, 0)
        AMO_D(amominu.d, 3, -3, 3, 3)
        AMO_D(amominu.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
        AMO_D(amomaxu.d, 3, -3, 3, -3)
        AMO_D(amomaxu.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000)
        /* Ordering bits change nothing in one thread. */
        AMO_D(amoadd.d.aq, 10, 5, 10, 15)
        AMO_D(amoadd.d.rl, 10, 5, 10, 15)
        AMO_D(amoadd.d.aqrl, 10, 5, 10, 15)
        AMO_W(amoor.w.aqrl, 0x10, 0x01, 0x10, 0x11)
        /* rd = x0 still performs the update; rd = rs2 reads the old value. */
        li a0, 100
        sd a0, 0(s0)
        li a1, 1
        amoadd.d zero, a1, (s0)
        ld a4, 0(s0)
        CHECK_EQ(a4, 101)
        amoswap.d a1, a1, (s0)
        CHECK_EQ(a1, 101)
        ld a4, 0(s0)
        CHECK_EQ(a4, 1)
        ld a4, 8(s0)
        CHECK_EQ(a4, 0x5a5a5a5a5a5a5a5a)

        /* lr/sc: a successful pair (retried a bounded number of times). */
        li a0, 0x1111222233334444
        sd a0, 0(s0)
        li s1, 100
1:      lr.d a3, (s0)
        li a1, 0x5555666677778888
        sc.d a2, a1, (s0)
        beqz a2, 2f
        addi s1, s1, -1
        bnez s1, 1b
2:      CHECK_EQ(a2, 0)
        CHECK_EQ(a3, 0x1111222233334444)
        ld a4, 0(s0)
        CHECK_EQ(a4, 0x5555666677778888)
        /* lr.w sign-extends; sc.w writes 32 bits only. */
        li a0, 0x80000001
        sw a0, 0(s0)
        li s1, 100
3:      lr.w a3, (s0)
        li a1, 0x7777777700000042
        sc.w a2, a1, (s0)
        beqz a2, 4f
        addi s1, s1, -1
        bnez s1, 3b
4:      CHECK_EQ(a2, 0)
        CHECK_EQ(a3, 0xffffffff80000001)
        ld a4, 0(s0)
        CHECK_EQ(a4, 0x5555666600000042)
        /* The reservation is used up by the sc: a second sc fails and
         * leaves memory alone. */
        li a1, 99
        sc.w a2, a1, (s0)
        sltu a2, zero, a2
        CHECK_EQ(a2, 1)
        lw a4, 0(s0)
        CHECK_EQ(a4, 0x42)
        /* sc to an address other than the reserved one fails. */
        lr.d a3, (s0)
        addi s2, s0, 8
        li a1, 7
        sc.d a2, a1, (s2)
        sltu a2, zero, a2
        CHECK_EQ(a2, 1)
        ld a4, 8(s0)
        CHECK_EQ(a4, 0x5a5a5a5a5a5a5a5a)
        /* A failed sc also ends the reservation. */
        li a1, 8
        sc.d a2, a1, (s0)
        sltu a2, zero, a2
        CHECK_EQ(a2, 1)
        ld a4, 0(s0)
        CHECK_EQ(a4, 0x5555666600000042)
        /* lr/sc with ordering bits, as a compare-and-swap loop. */
        li s1, 100
5:      lr.d.aq a3, (s0)
        addi a3, a3, 1
        sc.d.rl a2, a3, (s0)
        beqz a2, 6f
        addi s1, s1, -1
        bnez s1, 5b
6:      CHECK_EQ(a2, 0)
        ld a4, 0(s0)
        CHECK_EQ(a4, 0x5555666600000043)
TEST_END
        .bss
        .balign 16
cell:   .space 16
