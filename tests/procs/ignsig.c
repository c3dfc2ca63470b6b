/* Prints whether SIGUSR1 and SIGUSR2 start out ignored: a signal ignored
 * by the process that ran the program stays ignored (execve(2)). */
#include <signal.h>
#include <stdio.h>

int main(void)
{
    const int sigs[2] = {SIGUSR1, SIGUSR2};
    for (int i = 0; i < 2; i++) {
        struct sigaction sa;
        sigaction(sigs[i], NULL, &sa);
        printf("USR%d %s\n", i + 1,
               sa.sa_handler == SIG_IGN ? "ignored" : "default");
    }
    return 0;
}
