/* setjmp/longjmp: nested jump buffers, jumps across many frames (out of a
 * recursion and out of a qsort callback), the value 0 turned into 1,
 * sigsetjmp/siglongjmp restoring the signal mask, and callee-saved integer
 * and FP registers holding their values across a jump. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf outer, inner;
static int depth_reached;

static void recurse(int depth, int jump_at)
{
    volatile char pad[64];
    pad[depth % 64] = (char)depth;
    depth_reached = depth;
    if (depth >= jump_at)
        longjmp(outer, depth + (pad[depth % 64] != (char)depth));
    if (depth > 100000)
        return;
    recurse(depth + 1, jump_at);
    pad[0]++;   /* not a tail call */
}

static int nested(void)
{
    volatile int trace = 0;
    int r = setjmp(inner);
    if (r == 0) {
        trace = 1;
        longjmp(inner, 5);
    }
    trace = trace * 10 + r;
    if (r == 5) {
        if (setjmp(inner) == 0)
            longjmp(inner, 0);   /* must arrive as 1 */
        trace = trace * 10 + 1;
    }
    return trace;
}

static jmp_buf cmp_escape;
static int cmp_calls;
static int cmp_escaping(const void *a, const void *b)
{
    if (++cmp_calls == 50)
        longjmp(cmp_escape, 77);
    return *(const int *)a - *(const int *)b;
}

/* Uses many callee-saved registers across setjmp so the compiler keeps
 * them in s- and fs- registers; after the jump they must be intact. */
static double regs_across_jump(int n)
{
    jmp_buf jb;
    volatile double acc = 0;
    double a = n * 1.5, b = n * 2.25, c = n - 0.125, d = 1.0 / n;
    long i1 = n * 3, i2 = n * 5, i3 = n * 7, i4 = n * 11;
    if (setjmp(jb) == 0) {
        acc = a + b;
        longjmp(jb, 1);
    }
    return acc + a * b + c * d + (double)(i1 + i2 * i3 - i4);
}

int main(void)
{
    volatile int rounds = 0;
    int r = setjmp(outer);
    rounds++;
    if (r == 0)
        recurse(0, 1000);
    printf("jumped out of recursion at depth %d with %d, rounds %d\n", depth_reached, r,
           rounds);
    if (r == 1000) {
        if (setjmp(outer) == 0)
            recurse(0, 3);
        printf("second jump from depth %d\n", depth_reached);
    }
    printf("nested trace %d\n", nested());

    int v[200];
    for (int i = 0; i < 200; i++)
        v[i] = (i * 7919) % 200;
    int e = setjmp(cmp_escape);
    if (e == 0) {
        qsort(v, 200, sizeof *v, cmp_escaping);
        printf("qsort finished without the jump\n");
    } else {
        printf("escaped from qsort comparator after %d calls with %d\n", cmp_calls, e);
    }

    /* siglongjmp with savemask=1 restores the mask saved at sigsetjmp. */
    sigjmp_buf sj;
    sigset_t set, now;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    if (sigsetjmp(sj, 1) == 0) {
        sigaddset(&set, SIGUSR2);
        sigprocmask(SIG_BLOCK, &set, NULL);
        siglongjmp(sj, 2);
    }
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("after siglongjmp: USR1 blocked %d, USR2 blocked %d\n",
           sigismember(&now, SIGUSR1), sigismember(&now, SIGUSR2));
    printf("registers across jump: %.6f %.6f\n", regs_across_jump(3), regs_across_jump(17));
    return 0;
}
