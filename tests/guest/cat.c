/* Copies standard input to standard output, like cat, and reports the line
 * and byte counts and a checksum on stderr; with an argument, reads with
 * that buffer size through read(2) instead of stdio. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    unsigned long bytes = 0, lines = 0, sum = 0;
    if (argc > 1) {
        size_t n = (size_t)atoi(argv[1]);
        char *buf = malloc(n);
        ssize_t got;
        while ((got = read(0, buf, n)) > 0) {
            for (ssize_t i = 0; i < got; i++) {
                lines += buf[i] == '\n';
                sum = sum * 31 + (unsigned char)buf[i];
            }
            bytes += (unsigned long)got;
            if (write(1, buf, (size_t)got) != got)
                return 1;
        }
        free(buf);
    } else {
        int c;
        while ((c = getchar()) != EOF) {
            putchar(c);
            bytes++;
            lines += c == '\n';
            sum = sum * 31 + (unsigned)c;
        }
    }
    fprintf(stderr, "%lu lines, %lu bytes, sum %lu\n", lines, bytes, sum);
    return 0;
}
