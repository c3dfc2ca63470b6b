/* Runs the registered unit tests, in name order, or only those whose name
 * contains the first argument. */
#include <stdlib.h>
#include <string.h>
#include "test.h"

static struct test *tests;
int test_failures;

void test_register(struct test *t)
{
    struct test **p = &tests;
    while (*p && strcmp((*p)->name, t->name) < 0)
        p = &(*p)->next;
    t->next = *p;
    *p = t;
}

int main(int argc, char **argv)
{
    int failed = 0;
    for (struct test *t = tests; t; t = t->next) {
        if (argc > 1 && !strstr(t->name, argv[1]))
            continue;
        test_failures = 0;
        t->fn();
        printf("%s %s\n", test_failures ? "FAIL" : "PASS", t->name);
        fflush(stdout);
        failed += test_failures != 0;
    }
    return failed != 0;
}
