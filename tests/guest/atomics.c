/* C11 atomics and the __sync/__atomic builtins on one thread: every width
 * (8- and 16-bit ones go through libatomic, hence atomics.cflags, which
 * works on the containing aligned word with LR/SC; 32/64-bit ones become
 * AMOs, or LR/SC loops for compare-and-swap), every operation, and the
 * values returned. */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define EXERCISE(T, fmt, init)                                                          \
    do {                                                                                 \
        static _Atomic T a;                                                              \
        static T plain;                                                                  \
        atomic_store(&a, (T)(init));                                                     \
        T r1 = atomic_fetch_add(&a, (T)0x75);                                            \
        T r2 = atomic_fetch_sub(&a, (T)0x1234);                                          \
        T r3 = atomic_fetch_and(&a, (T)0xf0f0f0f0f0f0f0f0ull);                           \
        T r4 = atomic_fetch_or(&a, (T)0x0102030405060708ull);                            \
        T r5 = atomic_fetch_xor(&a, (T)-1);                                              \
        T r6 = atomic_exchange(&a, (T)0x7f);                                             \
        T expected = (T)0x7e;                                                            \
        _Bool c1 = atomic_compare_exchange_strong(&a, &expected, (T)1);                  \
        T seen = expected;                                                               \
        _Bool c2 = atomic_compare_exchange_strong(&a, &expected, (T)-2);                 \
        expected = (T)-2;                                                                \
        _Bool c3 = 0;                                                                    \
        for (int tries = 0; tries < 100 && !c3; tries++)                                 \
            c3 = atomic_compare_exchange_weak(&a, &expected, (T)(init));                 \
        printf("%-9s " fmt " " fmt " " fmt " " fmt " " fmt " " fmt " cas %d/" fmt       \
               "/%d/%d final " fmt "\n",                                                 \
               #T, r1, r2, r3, r4, r5, r6, c1, seen, c2, c3, atomic_load(&a));           \
        plain = (T)(init);                                                               \
        T s1 = __sync_fetch_and_add(&plain, 3);                                          \
        T s2 = __sync_add_and_fetch(&plain, 3);                                          \
        T s3 = __sync_fetch_and_nand(&plain, (T)0x5a5a5a5a5a5a5a5aull);                  \
        T s4 = __sync_val_compare_and_swap(&plain, s3, (T)9);                            \
        T s5 = __sync_val_compare_and_swap(&plain, (T)9, (T)-9);                         \
        _Bool s6 = __sync_bool_compare_and_swap(&plain, (T)-9, (T)100);                  \
        T s7 = __sync_lock_test_and_set(&plain, (T)1);                                   \
        __sync_lock_release(&plain);                                                     \
        T s8 = __atomic_fetch_nand(&plain, (T)3, __ATOMIC_SEQ_CST);                      \
        T s9 = __atomic_or_fetch(&plain, (T)0x80, __ATOMIC_RELAXED);                     \
        printf("%-9s sync " fmt " " fmt " " fmt " " fmt " " fmt " %d " fmt " " fmt " " fmt \
               " end " fmt "\n",                                                         \
               #T, s1, s2, s3, s4, s5, s6, s7, s8, s9, plain);                           \
    } while (0)

/* Atomic max/min by compare-and-swap loops, as lock-free code writes them. */
static long atomic_max(_Atomic long *p, long v)
{
    long old = atomic_load_explicit(p, memory_order_relaxed);
    while (old < v && !atomic_compare_exchange_weak(p, &old, v))
        ;
    return old;
}

int main(void)
{
    EXERCISE(int8_t, "%d", -100);
    EXERCISE(uint8_t, "%u", 200);
    EXERCISE(int16_t, "%d", -30000);
    EXERCISE(uint16_t, "%u", 65000);
    EXERCISE(int32_t, "%d", -2000000000);
    EXERCISE(uint32_t, "%u", 4000000000u);
    EXERCISE(int64_t, "%" PRId64, -9000000000000000000ll);
    EXERCISE(uint64_t, "%" PRIu64, 18000000000000000000ull);

    _Atomic long m = 5;
    long seq[] = {3, 9, -4, 9, 12, 11};
    for (unsigned i = 0; i < sizeof seq / sizeof *seq; i++)
        printf("max(%ld) saw %ld; ", seq[i], atomic_max(&m, seq[i]));
    printf("now %ld\n", atomic_load(&m));

    atomic_flag flag = ATOMIC_FLAG_INIT;
    int f1 = atomic_flag_test_and_set(&flag), f2 = atomic_flag_test_and_set(&flag);
    atomic_flag_clear(&flag);
    int f3 = atomic_flag_test_and_set(&flag);
    atomic_thread_fence(memory_order_seq_cst);
    atomic_signal_fence(memory_order_acq_rel);
    __sync_synchronize();
    printf("flag %d %d %d lock-free %d %d %d %d\n", f1, f2, f3, ATOMIC_CHAR_LOCK_FREE,
           ATOMIC_SHORT_LOCK_FREE, ATOMIC_INT_LOCK_FREE, ATOMIC_LLONG_LOCK_FREE);

    /* Many increments through different orderings. */
    static _Atomic unsigned long counter;
    static _Atomic unsigned short small;
    for (int i = 0; i < 10000; i++) {
        atomic_fetch_add_explicit(&counter, (unsigned long)i, i % 3 ? memory_order_relaxed
                                                                     : memory_order_acq_rel);
        atomic_fetch_add(&small, 7);
    }
    printf("counter %lu small %u\n", atomic_load(&counter), (unsigned)atomic_load(&small));
    return 0;
}
