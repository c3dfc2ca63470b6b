/* qsort and bsearch with callbacks: integers, strings and structs with a
 * two-key comparison, checked for order; the comparators count their calls,
 * so a difference in the control flow inside libc shows up in the output. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long calls;
static uint32_t seed = 12345;
static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    calls++;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    calls++;
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct person {
    char name[16];
    int age;
    double score;
};

/* By age descending, then name ascending. */
static int cmp_person(const void *a, const void *b)
{
    const struct person *p = a, *q = b;
    calls++;
    if (p->age != q->age)
        return q->age - p->age;
    return strcmp(p->name, q->name);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    enum { N = 20000 };
    static int v[N];
    for (int i = 0; i < N; i++)
        v[i] = (int)(rnd() % 100000) - 50000;
    qsort(v, N, sizeof *v, cmp_int);
    int sorted = 1;
    long long sum = 0;
    for (int i = 0; i < N; i++) {
        if (i && v[i - 1] > v[i])
            sorted = 0;
        sum += (long long)v[i] * (i % 7 + 1);
    }
    printf("ints: sorted %d, min %d, max %d, median %d, weighted sum %lld, calls %lu\n",
           sorted, v[0], v[N - 1], v[N / 2], sum, calls);
    int found = 0, missing = 0;
    for (int k = -50000; k < 50000; k += 37) {
        int *p = bsearch(&k, v, N, sizeof *v, cmp_int);
        if (p) {
            found++;
            if (*p != k)
                printf("bsearch returned %d for %d\n", *p, k);
        } else {
            missing++;
        }
    }
    printf("bsearch: %d found, %d missing\n", found, missing);

    static const char *words[] = {
        "pear", "apple", "fig", "banana", "cherry", "apricot", "date", "kiwi",
        "lemon", "lime", "mango", "Melon", "nectarine", "orange", "papaya",
        "quince", "raspberry", "strawberry", "tangerine", "ugli", "", "zucchini",
        "apple pie", "appl", "Apple",
    };
    size_t nw = sizeof words / sizeof *words;
    const char **w = malloc(sizeof words);
    memcpy(w, words, sizeof words);
    calls = 0;
    qsort(w, nw, sizeof *w, cmp_str);
    for (size_t i = 0; i < nw; i++)
        printf("%s%s", w[i], i + 1 < nw ? "," : "\n");
    const char *key = "mango";
    const char **hit = bsearch(&key, w, nw, sizeof *w, cmp_str);
    printf("mango at %td, calls %lu\n", hit ? hit - w : -1, calls);
    free(w);

    static struct person people[500];
    for (int i = 0; i < 500; i++) {
        snprintf(people[i].name, sizeof people[i].name, "p%05u", rnd() % 100000);
        people[i].age = (int)(rnd() % 90);
        people[i].score = (rnd() % 10000) / 100.0;
    }
    calls = 0;
    qsort(people, 500, sizeof *people, cmp_person);
    for (int i = 0; i < 500; i += 50)
        printf("%s %d %.2f\n", people[i].name, people[i].age, people[i].score);
    int ok = 1;
    for (int i = 1; i < 500; i++)
        if (cmp_person(&people[i - 1], &people[i]) > 0)
            ok = 0;
    printf("people ordered %d\n", ok);

    double d[1000];
    for (int i = 0; i < 1000; i++)
        d[i] = (double)rnd() / (1 << 20) - 4000.0;
    qsort(d, 1000, sizeof *d, cmp_double);
    printf("doubles %.6f %.6f %.6f\n", d[0], d[500], d[999]);
    /* Degenerate inputs: empty, one element, all equal, already sorted. */
    qsort(v, 0, sizeof *v, cmp_int);
    qsort(v, 1, sizeof *v, cmp_int);
    for (int i = 0; i < 100; i++)
        v[i] = 7;
    qsort(v, 100, sizeof *v, cmp_int);
    for (int i = 0; i < 100; i++)
        v[i] = i;
    calls = 0;
    qsort(v, 100, sizeof *v, cmp_int);
    printf("degenerate ok %d, sorted-input calls %lu\n", v[0] == 0 && v[99] == 99, calls);
    return 0;
}
