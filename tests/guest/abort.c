/* Calls abort(): the process dies of SIGABRT, which hart must pass on as its
 * own death (a shell sees 134). stderr is not compared (abort.nostderr):
 * qemu reports the signal there in its own words. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    fprintf(stderr, "about to abort\n");
    printf("this line is unflushed and lost\n");
    abort();
}
