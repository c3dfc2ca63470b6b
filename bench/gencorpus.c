/* gencorpus: the inputs of the Debian rows of bench/run.sh, made on the host
 * from a fixed seed so that every run times the same bytes.
 *
 *   gencorpus text BYTES    lines of pseudo-English prose and log records
 *   gencorpus mixed BYTES   chunks of that text interleaved with binary data:
 *                           tables of slowly varying integers, sampled
 *                           floating-point signals, incompressible noise and
 *                           copies of earlier chunks (long-distance matches)
 *
 * Writes BYTES bytes to stdout. The mix is meant to give the compressors
 * the kinds of work they meet in real files (literal-heavy text, numeric
 * structure, matches near and far, stretches they cannot compress), and the
 * text tools a skewed word distribution like natural language's. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NWORDS 4096

static uint64_t rng_state = 0x243f6a8885a308d3u;

static uint64_t rng(void) /* splitmix64 */
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static unsigned below(unsigned n)
{
    return (unsigned)(rng() % n);
}

static char words[NWORDS][24];

/* Pronounceable words from syllables; short ones get the low indexes, which
 * the Zipf-like pick below makes the frequent ones, as in real text. */
static void make_words(void)
{
    static const char *const onset[] = {"", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p",
                                        "r", "s", "t", "v", "w", "st", "tr", "ch", "sh", "th", "pl"};
    static const char *const nucleus[] = {"a", "e", "i", "o", "u", "ea", "ou", "io", "ai"};
    static const char *const coda[] = {"", "", "n", "r", "s", "t", "l", "nd", "ng", "rt", "st"};
    for (int i = 0; i < NWORDS; i++) {
        int syllables = 1 + (i >= 64) + (i >= 1000 && i % 2);
        char *w = words[i];
        w[0] = 0;
        for (int s = 0; s < syllables; s++) {
            strcat(w, onset[below(sizeof onset / sizeof *onset)]);
            strcat(w, nucleus[below(sizeof nucleus / sizeof *nucleus)]);
            strcat(w, coda[below(sizeof coda / sizeof *coda)]);
        }
    }
}

static const char *zipf_word(void)
{
    /* A log-uniform index: frequency falls off roughly as 1/rank. */
    double u = (double)(rng() >> 11) / 9007199254740992.0;
    unsigned i = (unsigned)(exp(u * log((double)NWORDS + 1)) - 1);
    return words[i < NWORDS ? i : NWORDS - 1];
}

/* One line of text into buf (without the terminating NUL's space counted):
 * mostly sentences, sometimes a log record with numbers and a timestamp. */
static size_t text_line(char *buf)
{
    static const char *const level[] = {"INFO", "WARN", "DEBUG", "ERROR"};
    static unsigned long clock = 1700000000;
    size_t n = 0;
    if (below(5) == 0) {
        /* One call per statement: the order of calls among a function's
         * arguments is unspecified, and the bytes must not depend on the
         * compiler. */
        clock += below(120);
        const char *lv = level[below(4)], *proc = zipf_word();
        unsigned pid = 100 + below(900);
        const char *what = zipf_word(), *k1 = zipf_word();
        unsigned v1 = below(100000);
        const char *k2 = zipf_word();
        unsigned v2 = below(1000), v3 = below(100);
        n += (size_t)sprintf(buf + n, "%lu %s %s[%u]: %s %s=%u %s=%u.%02u\n", clock, lv, proc, pid,
                             what, k1, v1, k2, v2, v3);
        return n;
    }
    int nwords = 4 + (int)below(14);
    for (int i = 0; i < nwords; i++) {
        const char *w = zipf_word();
        if (i == 0) {
            buf[n++] = (char)(w[0] - 'a' + 'A');
            w++;
        } else {
            buf[n++] = ' ';
        }
        n += (size_t)sprintf(buf + n, "%s", w);
        if (i + 1 < nwords && below(9) == 0)
            buf[n++] = ',';
    }
    buf[n++] = below(7) ? '.' : '?';
    buf[n++] = '\n';
    return n;
}

static void put_text(unsigned char *out, size_t len)
{
    char line[1024];
    size_t done = 0;
    while (done < len) {
        size_t n = text_line(line);
        if (n > len - done)
            n = len - done;
        memcpy(out + done, line, n);
        done += n;
    }
}

static void put_binary(unsigned char *out, size_t len, unsigned char *start)
{
    size_t i;
    switch (below(8)) {
    case 0:
    case 1:
    case 2: { /* a table of records: counter, slowly walking value, flags */
        uint32_t v = (uint32_t)rng(), id = below(1000);
        for (i = 0; i + 12 <= len; i += 12) {
            v += below(64) - 32;
            uint32_t flags = (uint32_t)(below(16) == 0) << 3, rec[3] = {id++, v, flags};
            memcpy(out + i, rec, 12);
        }
        break;
    }
    case 3:
    case 4: { /* a sampled signal with a little noise, as doubles */
        double f = 0.001 + below(1000) * 1e-5, phase = below(628) / 100.0;
        for (i = 0; i + 8 <= len; i += 8) {
            double x = sin(phase + f * (double)(i / 8)) * 1000.0 + (double)below(100) / 64.0;
            memcpy(out + i, &x, 8);
        }
        break;
    }
    case 5: /* noise: nothing to find */
        for (i = 0; i + 8 <= len; i += 8) {
            uint64_t r = rng();
            memcpy(out + i, &r, 8);
        }
        break;
    default: /* a copy of something seen long before, with a few edits */
        if (out - start > (long)len) {
            size_t from = (size_t)(rng() % (uint64_t)((out - start) - (long)len));
            memcpy(out, start + from, len);
            for (i = 0; i < len / 512; i++) {
                size_t at = below((unsigned)len);
                out[at] ^= (unsigned char)(1 + below(255));
            }
        } else {
            memset(out, 0, len);
        }
        i = len & ~(size_t)7;
        break;
    }
    for (; i < len; i++)
        out[i] = (unsigned char)below(256);
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "text") && strcmp(argv[1], "mixed"))) {
        fprintf(stderr, "usage: gencorpus text|mixed BYTES\n");
        return 2;
    }
    size_t total = strtoull(argv[2], NULL, 10);
    unsigned char *buf = malloc(total + 1);
    if (!buf) {
        perror("gencorpus");
        return 1;
    }
    make_words();
    if (!strcmp(argv[1], "text")) {
        put_text(buf, total);
    } else {
        size_t done = 0;
        while (done < total) {
            size_t len = 4096 + below(60 * 1024);
            if (len > total - done)
                len = total - done;
            if (below(10) < 6)
                put_text(buf + done, len);
            else
                put_binary(buf + done, len, buf);
            done += len;
        }
    }
    if (fwrite(buf, 1, total, stdout) != total) {
        perror("gencorpus");
        return 1;
    }
    free(buf);
    return 0;
}
