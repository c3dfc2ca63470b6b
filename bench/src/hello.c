/* hello: the smallest static C program, to time start-up and exit. */
#include <stdio.h>

int main(void)
{
    puts("hello, world");
    return 0;
}
