/* Kills itself with SIGTERM (or the signal number given as argument), so
 * the emulator must die of the same signal (a shell sees 128 + N). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int sig = argc > 1 ? atoi(argv[1]) : SIGTERM;
    fprintf(stderr, "sending signal %d to myself\n", sig);
    kill(getpid(), sig);
    sleep(5);   /* not reached: the signal is fatal */
    return 0;
}
