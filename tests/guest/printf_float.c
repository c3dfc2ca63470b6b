/* printf and strtod on floating point: every conversion (%f %e %g %a, with
 * flags, widths and precisions), rounding ties, subnormals, infinities and
 * NaNs, and long double, which on riscv64 is IEEE binary128 done in software
 * (libgcc), so it leans on 64-bit integer arithmetic rather than the FPU. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double doubles[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.1, 0.2, 0.3, 1.005, 2.675,
    1e-5, 123456789.0, 9.999999999999999e22, 1e23, 1e300, 1.7976931348623157e308,
    2.2250738585072014e-308, 2.225073858507201e-308, 4.9406564584124654e-324,
    3.141592653589793, 2.718281828459045, 1.0 / 3.0, 2.0 / 3.0, 1e15 + 0.3,
    0.000123456, 1234567.0, 999999.5, 0.9999995, 9.5, 10.5, 0.05, 0.15, 0.25,
};

static const char *const formats[] = {
    "%f", "%.0f", "%.1f", "%.2f", "%.20f", "%e", "%.0e", "%.3e", "%.16e",
    "%g", "%.0g", "%.1g", "%.17g", "%#g", "%a", "%.0a", "%.3a", "%A",
    "%+f", "% e", "%-14.3g|", "%014.5f", "%+#.0f", "%+.3e",
};

static void print_double(double d)
{
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        printf(formats[i], d);
        putchar(i + 1 < sizeof formats / sizeof *formats ? ' ' : '\n');
    }
}

static void print_long_double(long double x)
{
    printf("%Lf %.30Le %Lg %.36Lg %La\n", x, x, x, x, x);
}

/* A xorshift generator: the same sequence on every run and every machine. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

int main(void)
{
    for (size_t i = 0; i < sizeof doubles / sizeof *doubles; i++) {
        print_double(doubles[i]);
        print_double(-doubles[i]);
    }
    print_double(INFINITY);
    print_double(-INFINITY);
    print_double(NAN);
    printf("%5.2f|%-8.1e|%*.*f|%.*g\n", 3.14159, 2.5e-3, 10, 3, 1.0 / 7, 4, 1e-10);
    printf("%f %e\n", (double)FLT_MAX, (double)FLT_MIN);
    printf("%.60f\n", 1e-50);
    printf("%.330f\n", 4.9406564584124654e-324);

    /* Random bit patterns: %.17g and %a must round-trip through strtod. */
    unsigned bad = 0;
    uint64_t sum = 0;
    for (int i = 0; i < 2000; i++) {
        uint64_t bits = rng();
        double d;
        memcpy(&d, &bits, sizeof d);
        if (isnan(d))
            continue;
        char buf[64], hex[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        snprintf(hex, sizeof hex, "%a", d);
        double back = strtod(buf, NULL), hback = strtod(hex, NULL);
        if (memcmp(&back, &d, sizeof d) || memcmp(&hback, &d, sizeof d))
            bad++;
        for (char *p = buf; *p; p++)
            sum = sum * 31 + (unsigned char)*p;
        if (i % 250 == 0)
            printf("%s %s %.6e\n", buf, hex, d);
    }
    printf("round-trip failures %u, digest %016llx\n", bad, (unsigned long long)sum);

    /* float promoted to double through varargs, and its own limits. */
    float f = 16777217.0f, g = 0.1f;
    printf("%f %.10f %a %a\n", f, g, g, FLT_TRUE_MIN);

    long double ld[] = {
        1.0L, -0.0L, 0.1L, 1.0L / 3.0L, 2.0L / 3.0L, 3.14159265358979323846264338327950288L,
        LDBL_MAX, LDBL_MIN, LDBL_EPSILON, LDBL_TRUE_MIN, 1e4000L, 1e-4000L,
        12345678901234567890.5L, 0.5L, 2.5L,
    };
    for (size_t i = 0; i < sizeof ld / sizeof *ld; i++)
        print_long_double(ld[i]);
    /* long double arithmetic: 1/3 + 2/3, a square root by Newton's method, a
     * product that overflows double but not binary128, and conversions. */
    long double x = 2.0L, r = 1.0L;
    for (int i = 0; i < 10; i++)
        r = (r + x / r) / 2;
    print_long_double(r);
    print_long_double(r * r - 2);
    long double big = 1e300L * 1e300L;
    print_long_double(big);
    printf("%d %lld %.17g %Lg\n", (int)(1.0L / 3 * 300), (long long)(-1e18L - 0.5L),
           (double)(1.0L / 3), strtold("1.189731495357231765085759326628007016e4932", NULL));
    printf("%Lg %Lg %La\n", (long double)INFINITY, -(long double)INFINITY,
           strtold("0x1.23456789abcdef0123456789abcdp+100", NULL));
    char buf[128];
    volatile size_t room = 10;   /* not a constant: no truncation warning */
    int n = snprintf(buf, room, "%.20Lf", 1.0L / 7);
    printf("snprintf wanted %d, got \"%s\"\n", n, buf);
    return 0;
}
