/* A stand-in for /bin/sh in a sysroot, enough for system() and popen():
 * "sh -c 'WORD...'" runs the words as a command (PATH searched for a name
 * without a slash) and exits with its status; "exit N" exits with N. No
 * quoting, no operators. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "-c")) {
        fprintf(stderr, "usage: sh -c COMMAND\n");
        return 2;
    }
    char *words[64];
    int n = 0;
    for (char *w = strtok(argv[2], " "); w && n < 63; w = strtok(NULL, " "))
        words[n++] = w;
    words[n] = NULL;
    if (!n)
        return 0;
    if (!strcmp(words[0], "exit"))
        return n > 1 ? atoi(words[1]) : 0;
    execvp(words[0], words);
    fprintf(stderr, "sh: %s: not found\n", words[0]);
    return 127;
}
