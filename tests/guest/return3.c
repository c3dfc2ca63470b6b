/* Returns 3 from main; an atexit handler and a buffered line go first. */
#include <stdio.h>
#include <stdlib.h>

static void bye(void)
{
    printf("atexit handler ran\n");
}

int main(void)
{
    atexit(bye);
    printf("returning 3 from main\n");
    return 3;
}
