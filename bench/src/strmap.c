/* strmap: text processing with many small allocations. Generates a text of
 * pseudo-random words, splits it into tokens, counts them in a chained hash
 * map whose keys and nodes are malloc'd one by one (and the table grown by
 * rehashing), then picks the most frequent words and frees everything;
 * ROUNDS times.  Usage: strmap [TEXT_BYTES [ROUNDS]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    struct entry *next;
    uint64_t hash;
    long count;
    char *word;
};

struct map {
    struct entry **slots;
    size_t cap, len;
};

static uint64_t str_hash(const char *s, size_t n) /* FNV-1a */
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 0x100000001b3u;
    return h;
}

static void map_grow(struct map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    struct entry **slots = calloc(cap, sizeof *slots);
    if (!slots)
        abort();
    for (size_t i = 0; i < m->cap; i++)
        for (struct entry *e = m->slots[i], *next; e; e = next) {
            next = e->next;
            e->next = slots[e->hash & (cap - 1)];
            slots[e->hash & (cap - 1)] = e;
        }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

static void map_add(struct map *m, const char *word, size_t n)
{
    uint64_t h = str_hash(word, n);
    if (m->cap) {
        for (struct entry *e = m->slots[h & (m->cap - 1)]; e; e = e->next)
            if (e->hash == h && !strncmp(e->word, word, n) && !e->word[n]) {
                e->count++;
                return;
            }
    }
    if (m->len * 4 >= m->cap * 3)
        map_grow(m);
    struct entry *e = malloc(sizeof *e);
    if (!e || !(e->word = strndup(word, n)))
        abort();
    e->hash = h;
    e->count = 1;
    e->next = m->slots[h & (m->cap - 1)];
    m->slots[h & (m->cap - 1)] = e;
    m->len++;
}

static void map_free(struct map *m)
{
    for (size_t i = 0; i < m->cap; i++)
        for (struct entry *e = m->slots[i], *next; e; e = next) {
            next = e->next;
            free(e->word);
            free(e);
        }
    free(m->slots);
}

/* Words from a small syllable alphabet, with a skewed length distribution so
 * some words repeat a lot and many are rare, as in real text. */
static char *make_text(size_t bytes, uint32_t seed)
{
    static const char *const syl[16] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti",
                                        "vo", "bre", "sto", "qua", "an", "el",
                                        "ix", "or", "um"};
    static const char punct[8] = " ,.;: \n ";
    char *t = malloc(bytes + 16);
    if (!t)
        abort();
    size_t n = 0;
    while (n < bytes) {
        seed = seed * 1664525u + 1013904223u;
        int nsyl = 1 + __builtin_ctz(seed | 0x10) % 4 + (seed >> 30);
        for (int i = 0; i < nsyl && n < bytes; i++) {
            const char *s = syl[(seed >> (4 * i + 4)) & 15];
            while (*s && n < bytes)
                t[n++] = *s++;
        }
        if (n < bytes)
            t[n++] = punct[(seed >> 24) & 7];
    }
    t[n] = 0;
    return t;
}

static int is_sep(char c)
{
    return c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '\n';
}

static int cmp_entry(const void *pa, const void *pb)
{
    const struct entry *a = *(struct entry *const *)pa, *b = *(struct entry *const *)pb;
    if (a->count != b->count)
        return a->count < b->count ? 1 : -1;
    return strcmp(a->word, b->word);
}

int main(int argc, char **argv)
{
    size_t bytes = argc > 1 ? strtoul(argv[1], NULL, 10) : 3000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    uint64_t check = 0;
    for (int r = 0; r < rounds; r++) {
        char *text = make_text(bytes, 42u + (uint32_t)r);
        struct map m = {0};
        long tokens = 0;
        for (char *p = text; *p;) {
            while (*p && is_sep(*p))
                p++;
            char *w = p;
            while (*p && !is_sep(*p))
                p++;
            if (p > w) {
                map_add(&m, w, (size_t)(p - w));
                tokens++;
            }
        }
        struct entry **all = malloc(m.len * sizeof *all);
        if (!all)
            abort();
        size_t k = 0;
        for (size_t i = 0; i < m.cap; i++)
            for (struct entry *e = m.slots[i]; e; e = e->next)
                all[k++] = e;
        qsort(all, k, sizeof *all, cmp_entry);
        printf("strmap round %d: %ld tokens, %zu distinct, top %s=%ld %s=%ld %s=%ld\n",
               r, tokens, m.len, all[0]->word, all[0]->count, all[1]->word,
               all[1]->count, all[2]->word, all[2]->count);
        for (size_t i = 0; i < k; i++)
            check = check * 31 + all[i]->hash + (uint64_t)all[i]->count;
        free(all);
        map_free(&m);
        free(text);
    }
    printf("strmap check: %016llx\n", (unsigned long long)check);
    return 0;
}
