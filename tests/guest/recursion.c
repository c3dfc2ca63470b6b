/* Deep and branchy recursion: Ackermann's function, a naive Fibonacci, the
 * towers of Hanoi, mutual recursion, and one recursion 100000 frames deep
 * with a variable-length array in each frame, to exercise calls, returns,
 * and a stack of several megabytes. */
#include <stdio.h>
#include <string.h>

static unsigned long calls;

static unsigned long ackermann(unsigned long m, unsigned long n)
{
    calls++;
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static unsigned fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static unsigned long moves;
static unsigned long hanoi_digest;
static void hanoi(int n, int from, int to, int via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    moves++;
    hanoi_digest = hanoi_digest * 3 + (unsigned long)(from * 4 + to);
    hanoi(n - 1, via, to, from);
}

static int is_odd(unsigned n);
static int is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}
static int is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

/* Not a tail call: the frame is live after the recursive call returns. */
static unsigned long deep(unsigned n, unsigned width)
{
    volatile unsigned char frame[width];
    memset((unsigned char *)frame, (int)(n & 0xff), width);
    if (n == 0)
        return frame[0];
    unsigned long below = deep(n - 1, width);
    return below + frame[n % width] + (n & 1);
}

int main(void)
{
    for (unsigned long m = 0; m <= 3; m++) {
        calls = 0;
        unsigned long a = ackermann(m, 5);
        printf("ackermann(%lu, 5) = %lu in %lu calls\n", m, a, calls);
    }
    printf("fib(24) = %u\n", fib(24));
    hanoi(16, 1, 3, 2);
    printf("hanoi(16): %lu moves, digest %lu\n", moves, hanoi_digest);
    printf("is_even(100001) = %d\n", is_even(100001));
    printf("deep(100000) = %lu\n", deep(100000, 24));
    return 0;
}
