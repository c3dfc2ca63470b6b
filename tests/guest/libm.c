/* libm and the floating-point environment: elementary functions over a grid
 * (printed as %a, so every bit counts), fma, the rint family and
 * conversions under all four rounding modes, and the exception flags that
 * each operation raises, read with fetestexcept. Operands go through
 * volatile variables so that nothing is folded at compile time. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile double vd;
static volatile float vf;

static void flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-18s %s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "",
           f & FE_DIVBYZERO ? " divbyzero" : "", f & FE_OVERFLOW ? " overflow" : "",
           f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
    feclearexcept(FE_ALL_EXCEPT);
}

static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
static const char *const mode_names[] = {"nearest", "down", "up", "zero"};

int main(void)
{
    for (int i = -8; i <= 8; i++) {
        double x = i * 0.7 + 0.01;
        vd = x;
        double y = vd;
        printf("%+.2f sin %a cos %a tan %a exp %a atan %a\n", x, sin(y), cos(y), tan(y),
               exp(y), atan(y));
        if (y > 0)
            printf("      log %a log2 %a log10 %a sqrt %a cbrt %a pow %a\n", log(y),
                   log2(y), log10(y), sqrt(y), cbrt(y), pow(y, 2.5));
        printf("      sinh %a tanh %a erf %a lgamma %a atan2 %a hypot %a\n", sinh(y),
               tanh(y), erf(y), lgamma(y), atan2(y, 0.3), hypot(y, 4.0));
    }
    for (int i = 1; i <= 6; i++) {
        vf = i * 1.3f;
        float y = vf;
        printf("float %g: sinf %a expf %a logf %a powf %a sqrtf %a\n", y, sinf(y), expf(y),
               logf(y), powf(y, 1.7f), sqrtf(y));
    }
    printf("pow special: %g %g %g %g %g\n", pow(0.0, -1.0), pow(-8.0, 1.0 / 3),
           pow(-2.0, 3.0), pow(1.0, NAN), pow(-1.0, INFINITY));
    vd = 0.1;
    printf("fma %a vs mul-add %a\n", fma(vd, 10.0, -1.0), vd * 10.0 - 1.0);
    printf("fmaf %a\n", fmaf((float)vd, 10.0f, -1.0f));
    int e;
    double m = frexp(1000.0, &e), ip;
    double frac = modf(-3.75, &ip);
    printf("frexp %g %d ldexp %g modf %g %g fmod %g remainder %g\n", m, e, ldexp(0.75, 12),
           frac, ip, fmod(10.5, 3.0), remainder(10.5, 3.0));
    int quo;
    double rq = remquo(29.0, 3.0, &quo);
    printf("remquo %g %d copysign %g nextafter %a\n", rq, quo, copysign(3.0, -0.0),
           nextafter(1.0, 2.0));

    static const double values[] = {2.5, -2.5, 3.5, -0.5, 0.49999999999999994, 1e15 + 0.5,
                                    -7.3, 7.7, 4503599627370497.0};
    for (int mi = 0; mi < 4; mi++) {
        fesetround(modes[mi]);
        printf("%-7s (fegetround ok %d):", mode_names[mi], fegetround() == modes[mi]);
        for (unsigned k = 0; k < sizeof values / sizeof *values; k++) {
            vd = values[k];
            printf(" %g/%ld/%lld/%g", rint(vd), lrint(vd), llrint(vd), nearbyint(vd));
        }
        vd = 1.0;
        double third = vd / 3.0;
        vf = 1.0f;
        float fthird = vf / 3.0f;
        vd = 0.1;
        printf("\n        1/3 %a 1/3f %a sum %a sqrt2 %a lrintf %ld round %g %g\n", third,
               fthird, vd + 0.2, sqrt(vd * 20), lrintf((float)vd * 25), round(-2.5),
               trunc(-2.7));
        printf("        (int)2.7 %d (long)-2.7 %ld float(1+2^-30) %a\n", (int)(vd * 27),
               (long)(vd * -27), (float)(1.0 + 0x1p-30));
    }
    fesetround(FE_TONEAREST);

    feclearexcept(FE_ALL_EXCEPT);
    flags("start");
    vd = 1.0;
    vd = vd / 3.0;
    flags("1/3");
    vd = 1.0;
    vd = vd / 0.0;
    flags("1/0");
    vd = -1.0;
    vd = sqrt(vd);
    flags("sqrt(-1)");
    vd = DBL_MAX;
    vd = vd * 2.0;
    flags("max*2");
    vd = DBL_MIN;
    vd = vd / 3.0;
    flags("min/3");
    vd = 0.0;
    vd = vd / 0.0;
    flags("0/0");
    vd = 2.0;
    vd = vd * 4.0;
    flags("2*4 exact");
    vd = 1e20;
    volatile int conv = (int)vd;
    (void)conv;
    flags("(int)1e20");
    vd = 1.5;
    volatile long lconv = lrint(vd);
    (void)lconv;
    flags("lrint(1.5)");
    vf = 1e30f;
    vf = vf * 1e30f;
    flags("float overflow");
    vd = NAN;
    volatile int cmp = vd < 1.0;
    (void)cmp;
    flags("NaN < 1");
    vd = NAN;
    cmp = vd == 1.0;
    flags("NaN == 1");
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    flags("feraiseexcept");
    fenv_t env;
    fegetenv(&env);
    fesetround(FE_UPWARD);
    vd = 1.0;
    vd = vd / 3.0;
    fesetenv(&env);
    printf("fesetenv restores: round %d, flags %d\n", fegetround() == FE_TONEAREST,
           fetestexcept(FE_ALL_EXCEPT));
    return 0;
}
