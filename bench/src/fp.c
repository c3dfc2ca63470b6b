/* fp: double-precision n-body simulation (the classic 5 planets: mul, add,
 * div, sqrt with long dependency chains), a single-precision matrix product
 * and an explicit fused multiply-add recurrence. Built with
 * -ffp-contract=off (see run.sh) so that native and guest round the same way
 * and their printed results must agree to the last digit.
 * Usage: fp [STEPS] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NBODY 5
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static struct body bodies[NBODY] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

static double energy(void)
{
    double e = 0;
    for (int i = 0; i < NBODY; i++) {
        struct body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < NBODY; j++) {
            struct body *c = &bodies[j];
            double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
            e -= b->mass * c->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double dt)
{
    for (int i = 0; i < NBODY; i++) {
        struct body *b = &bodies[i];
        for (int j = i + 1; j < NBODY; j++) {
            struct body *c = &bodies[j];
            double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            b->vx -= dx * c->mass * mag;
            b->vy -= dy * c->mass * mag;
            b->vz -= dz * c->mass * mag;
            c->vx += dx * b->mass * mag;
            c->vy += dy * b->mass * mag;
            c->vz += dz * b->mass * mag;
        }
    }
    for (int i = 0; i < NBODY; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
        bodies[i].z += dt * bodies[i].vz;
    }
}

#define MAT 96

/* c = a * b in float, n times with a fed back, returning a checksum. */
static double matmul_float(int rounds)
{
    static float a[MAT][MAT], b[MAT][MAT], c[MAT][MAT];
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++) {
            a[i][j] = (float)((i * 7 + j * 3) % 17) / 17.0f - 0.5f;
            b[i][j] = (float)((i * 5 + j * 11) % 13) / 13.0f - 0.5f;
        }
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < MAT; i++)
            for (int j = 0; j < MAT; j++) {
                float s = 0;
                for (int k = 0; k < MAT; k++)
                    s += a[i][k] * b[k][j];
                c[i][j] = s;
            }
        for (int i = 0; i < MAT; i++)
            for (int j = 0; j < MAT; j++)
                a[i][j] = c[i][j] / (1.0f + fabsf(c[i][j]));
    }
    double sum = 0;
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++)
            sum += a[i][j] * (double)(i + 2 * j + 1);
    return sum;
}

/* A logistic-map style recurrence on fma(): fused, so exactly one rounding
 * on both sides (x86 without FMA3 gets it from libm, correctly rounded). */
static double fma_chain(long n)
{
    double x = 0.3, acc = 0;
    for (long i = 0; i < n; i++) {
        x = fma(-3.7 * x, x, 3.7 * x);
        acc = fma(x, 1e-3, acc);
    }
    return acc;
}

int main(int argc, char **argv)
{
    long steps = argc > 1 ? strtol(argv[1], NULL, 10) : 500000;
    double e0 = energy();
    for (long i = 0; i < steps; i++)
        advance(0.01);
    printf("fp nbody %ld: %.17g -> %.17g\n", steps, e0, energy());
    printf("fp matmul: %.17g\n", matmul_float((int)(steps / 100000) + 1));
    printf("fp fma: %.17g\n", fma_chain(steps));
    return 0;
}
