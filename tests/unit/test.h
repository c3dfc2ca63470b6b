/* A tiny self-registering unit-test harness. Each TEST(name) { ... } adds
 * itself at start-up; CHECK(cond) records a failure and goes on;
 * CHECK_EQ(a, b) prints both 64-bit values when they differ. The runner
 * (tests/unit/main.c) prints "PASS name" or "FAIL name" for each test. */
#ifndef HART_TEST_H
#define HART_TEST_H

#include <inttypes.h>
#include <stdio.h>

struct test {
    const char *name;
    void (*fn)(void);
    struct test *next;
};
void test_register(struct test *t);
extern int test_failures; /* in the running test */

#define TEST(name)                                                             \
    static void test_##name(void);                                             \
    static struct test test_rec_##name = {#name, test_##name, 0};              \
    __attribute__((constructor)) static void test_reg_##name(void)             \
    {                                                                          \
        test_register(&test_rec_##name);                                       \
    }                                                                          \
    static void test_##name(void)

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            test_failures++;                                                   \
            printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);  \
        }                                                                      \
    } while (0)

#define CHECK_EQ(a, b)                                                         \
    do {                                                                       \
        uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b);                       \
        if (a_ != b_) {                                                        \
            test_failures++;                                                   \
            printf("  %s:%d: %s == %s: 0x%" PRIx64 " != 0x%" PRIx64 "\n",      \
                   __FILE__, __LINE__, #a, #b, a_, b_);                        \
        }                                                                      \
    } while (0)

#endif
