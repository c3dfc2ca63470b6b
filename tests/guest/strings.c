/* The string and memory functions of libc (hand-tuned assembly or C with
 * word tricks in glibc): memcpy/memmove at every small offset and length
 * against a byte loop, str* at every alignment, strtol/strtod edge cases
 * with errno and end pointers, snprintf truncation. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static unsigned char buf[512], ref[512];

static void reset(void)
{
    for (int i = 0; i < 512; i++)
        buf[i] = ref[i] = (unsigned char)(i * 37 + 11);
}

static void ref_move(unsigned char *d, const unsigned char *s, size_t n)
{
    unsigned char tmp[512];
    for (size_t i = 0; i < n; i++)
        tmp[i] = s[i];
    for (size_t i = 0; i < n; i++)
        d[i] = tmp[i];
}

static void strtol_case(const char *s, int base)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    int e = errno;
    errno = 0;
    unsigned long long u = strtoull(s, NULL, base);
    printf("strtol(\"%s\", %d) = %ld end +%td errno %d; strtoull %llu errno %d\n", s, base,
           v, end - s, e, u, errno);
}

static void strtod_case(const char *s)
{
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    int e = errno;
    errno = 0;
    float f = strtof(s, NULL);
    printf("strtod(\"%s\") = %a (%.17g) end +%td errno %d; strtof %a errno %d\n", s, d, d,
           end - s, e, f, errno);
}

int main(void)
{
    unsigned bad = 0, cases = 0;
    for (int so = 0; so < 16; so++)
        for (int dof = 0; dof < 16; dof++)
            for (size_t n = 0; n < 80; n += (n < 20 ? 1 : 7)) {
                reset();
                memcpy(buf + 300 + dof, buf + 100 + so, n);
                ref_move(ref + 300 + dof, ref + 100 + so, n);
                bad += memcmp(buf, ref, sizeof buf) != 0;
                /* Overlapping, both directions. */
                reset();
                memmove(buf + 100 + dof, buf + 100 + so, n);
                ref_move(ref + 100 + dof, ref + 100 + so, n);
                bad += memcmp(buf, ref, sizeof buf) != 0;
                reset();
                memset(buf + 50 + so, dof, n);
                for (size_t i = 0; i < n; i++)
                    ref[50 + so + i] = (unsigned char)dof;
                bad += memcmp(buf, ref, sizeof buf) != 0;
                cases += 3;
            }
    printf("memcpy/memmove/memset: %u cases, %u bad\n", cases, bad);

    /* Lengths and searches at every alignment; the terminator may be near a
     * word boundary. */
    char s[128];
    bad = 0;
    for (int off = 0; off < 16; off++)
        for (int len = 0; len < 40; len++) {
            memset(s, 'a', sizeof s);
            char *p = s + off;
            p[len] = '\0';
            if (len > 2)
                p[len - 2] = 'z';
            bad += strlen(p) != (size_t)len;
            bad += strnlen(p, 5) != (size_t)(len < 5 ? len : 5);
            bad += strchr(p, 'z') != (len > 2 ? p + len - 2 : NULL);
            bad += strchr(p, '\0') != p + len;
            bad += strrchr(p, 'a') != (len ? p + len - 1 : NULL);
            bad += memchr(p, 'z', len) != (len > 2 ? p + len - 2 : NULL);
        }
    printf("strlen/strchr/memchr bad %u\n", bad);

    const char *hay = "the quick brown fox jumps over the lazy dog; the end";
    printf("strstr %td %td %p %td\n", strstr(hay, "the") - hay, strstr(hay + 1, "the") - hay,
           (void *)strstr(hay, "cat"), strstr(hay, "") - hay);
    printf("strcmp signs %d %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("abc", "ab") > 0,
           strcmp("", "") == 0, strcmp("\xff", "\x01") > 0);
    printf("memcmp signs %d %d strncmp %d strcasecmp %d\n",
           memcmp("\x80", "\x7f", 1) > 0, memcmp("abcd", "abce", 3) == 0,
           strncmp("hello", "help", 3), strcasecmp("HeLLo", "hello"));
    printf("strspn %zu strcspn %zu strpbrk %s\n", strspn("aabbcxd", "ab"),
           strcspn("hello world", " o"), strpbrk("hello world", "wr"));
    char tok[] = "a,b,,c;d";
    for (char *t = strtok(tok, ",;"); t; t = strtok(NULL, ",;"))
        printf("[%s]", t);
    printf("\n");
    char pad[8];
    memset(pad, 'x', sizeof pad);
    strncpy(pad, "ab", 6);
    printf("strncpy pads %d %d %d %c\n", pad[2], pad[5], pad[6], pad[7]);
    char *dup = strdup(hay);
    printf("strdup equal %d, strndup %s\n", !strcmp(dup, hay), strndup(hay, 9));
    free(dup);

    const char *longs[] = {"0",          "-0",          "  42xyz",  "+17",
                           "-2147483649", "9223372036854775807",     "9223372036854775808",
                           "-9223372036854775808",      "-9223372036854775809",
                           "0x1F",       "0X",          "077",      "z",
                           "18446744073709551615",      "18446744073709551616",
                           "-1",         "",            "   ",      "1e5"};
    for (unsigned i = 0; i < sizeof longs / sizeof *longs; i++)
        strtol_case(longs[i], 10);
    strtol_case("0x1F", 16);
    strtol_case("0x1F", 0);
    strtol_case("077", 0);
    strtol_case("zz", 36);
    strtol_case("-101", 2);
    strtol_case("0x", 16);

    const char *doubles[] = {"0",          "-0",        "1.5e3",   "  .5",     "5.",
                             "1e-400",     "1e-320",    "1e309",   "-1e309",   "inf",
                             "-Infinity",  "nan",       "nan(123)", "0x1p-1074", "0x1.8p1",
                             "0x.1p4",     "1e",        "1e+",     "2.2250738585072011e-308",
                             "4.9e-324",   "2.4703282292062327e-324", "2.4703282292062328e-324",
                             "1.7976931348623158e308", "0.1e-999999", "123456789012345678901234567890",
                             "3.4028235677973366e38", "1.00000005960464477539", "abc", "-."};
    for (unsigned i = 0; i < sizeof doubles / sizeof *doubles; i++)
        strtod_case(doubles[i]);

    char out[16];
    volatile size_t room = sizeof out;   /* hides the truncation from -Wall */
    int n = snprintf(out, room, "%s-%d-%x", "truncated", 123456, 0xbeef);
    printf("snprintf %d \"%s\"\n", n, out);
    n = snprintf(NULL, 0, "%0*d|%-6s|%c%%", 8, -42, "ab", 'Z');
    snprintf(out, room, "%0*d|%-6s|%c%%", 8, -42, "ab", 'Z');
    printf("measure %d \"%s\"\n", n, out);
    printf("[%10.4s][%-10s][%.0s][%5c][%#o][%#x][%+d][% d][%hhd][%hd][%lld][%zu][%jd]\n",
           "abcdefg", "left", "gone", 'c', 8, 255, 5, 5, 300, 70000, LLONG_MIN,
           (size_t)-1, (intmax_t)INTMAX_MAX);
    printf("ffs %d %d popcount-free ok\n", ffs(0x80), ffsll(1LL << 40));
    return bad != 0;
}
