/* Prints argc, every argument in order and the whole environment, byte for
 * byte; with args_env.args the arguments include spaces, quotes, empty
 * strings and non-ASCII bytes. The environment is printed sorted: qemu-user
 * passes it in reverse order (docs/qemu-divergences.md, qemu-envorder).
 * With --exact as first argument (tests/cli), argv[0] is printed whole and
 * the environment in the order received. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 32 || *p >= 127 || *p == '"' || *p == '\\')
            printf("\\x%02x", *p);
        else
            putchar(*p);
    putchar('"');
}

int main(int argc, char **argv)
{
    int exact = argc > 1 && !strcmp(argv[1], "--exact");
    printf("argc %d\n", argc);
    /* argv[0] is normally the absolute path of the program, which differs
     * between trees: print its last part. */
    const char *base = argv[0];
    for (const char *p = argv[0]; *p && !exact; p++)
        if (*p == '/')
            base = p + 1;
    printf(exact ? "argv[0] " : "argv[0] ends in ");
    show(base);
    printf("\n");
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] ", i);
        show(argv[i]);
        printf("\n");
    }
    printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
    size_t n = 0;
    while (environ[n])
        n++;
    char **sorted = malloc((n + 1) * sizeof *sorted);
    memcpy(sorted, environ, (n + 1) * sizeof *sorted);
    if (!exact)
        qsort(sorted, n, sizeof *sorted, cmp_str);
    for (size_t i = 0; i < n; i++) {
        printf("env ");
        show(sorted[i]);
        printf("\n");
    }
    printf("%zu variables\n", n);
    free(sorted);
    return 0;
}
