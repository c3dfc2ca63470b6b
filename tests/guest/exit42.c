/* Ends with exit(42), or exit(N) for an argument N, after writing to a
 * buffered stdout that exit must flush. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int status = argc > 1 ? atoi(argv[1]) : 42;
    printf("exiting with %d\n", status);
    exit(status);
}
