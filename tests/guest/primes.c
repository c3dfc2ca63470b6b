/* The demo: counts and prints primes with a sieve, then some floating-point
 * and string work, so a first run shows integer, FP and libc all working. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    if (n < 2 || n > 100000000) {
        fprintf(stderr, "usage: primes N (2..100000000)\n");
        return 2;
    }
    char *composite = calloc(n + 1, 1);
    int count = 0;
    for (int i = 2; i <= n; i++) {
        if (composite[i])
            continue;
        count++;
        if (n <= 1000)
            printf("%d%c", i, count % 10 ? ' ' : '\n');
        for (long j = (long)i * i; j <= n; j += i)
            composite[j] = 1;
    }
    free(composite);
    printf("\n%d primes up to %d; sqrt(%d) = %.6f, prime density %.4f%%\n",
           count, n, n, sqrt(n), 100.0 * count / n);
    char msg[64];
    snprintf(msg, sizeof msg, "hello from riscv64, %s", argv[0]);
    printf("%s (%zu chars)\n", strrchr(msg, '/') ? strrchr(msg, '/') + 1 : msg,
           strlen(msg));
    return count == 0;
}
