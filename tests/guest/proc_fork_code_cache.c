/* Regression: forked children shared the parent's translated-code cache
 * (a MAP_SHARED memfd), so code one process translated after the fork
 * overwrote the other's: a guest forking in a loop crashed after about
 * as many forks as the translation threshold. Each child here runs code
 * the parent has not translated yet, and the parent keeps translating
 * while its children do. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned work(unsigned seed, int rounds)
{
    for (int i = 0; i < rounds; i++)
        seed = seed * 1103515245u + 12345u + (seed >> 7);
    return seed;
}

static unsigned child_only(unsigned seed)
{
    for (int i = 0; i < 200; i++)
        seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
    return seed;
}

int main(void)
{
    int bad = 0;
    for (int i = 0; i < 200; i++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            unsigned want = (child_only((unsigned)i + 1) & 0x7f) + 1;
            _exit((int)want);
        }
        work((unsigned)i, 100 + i);
        int st;
        waitpid(pid, &st, 0);
        unsigned want = (child_only((unsigned)i + 1) & 0x7f) + 1;
        if (!WIFEXITED(st) || WEXITSTATUS(st) != (int)want)
            bad++;
    }
    printf("200 children, %d wrong\n", bad);
    return 0;
}
