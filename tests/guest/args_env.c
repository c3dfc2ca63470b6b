/* Prints argc, every argument and the whole environment, byte for byte, in
 * the order the process received them; with args_env.args the arguments
 * include spaces, quotes, empty strings and non-ASCII bytes. */
#include <stdio.h>

extern char **environ;

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
    printf("argc %d\n", argc);
    /* argv[0] is the absolute path of the program: print its last part. */
    const char *base = argv[0];
    for (const char *p = argv[0]; *p; p++)
        if (*p == '/')
            base = p + 1;
    printf("argv[0] ends in ");
    show(base);
    printf("\n");
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] ", i);
        show(argv[i]);
        printf("\n");
    }
    printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
    int n = 0;
    for (char **e = environ; *e; e++, n++) {
        printf("env ");
        show(*e);
        printf("\n");
    }
    printf("%d variables\n", n);
    return 0;
}
