/* Helpers for the system-call unit tests: a guest address space with a
 * few pages mapped, and a way to put strings and data into it. */
#ifndef HART_TEST_SYS_TESTLIB_H
#define HART_TEST_SYS_TESTLIB_H

#include <stdint.h>
#include <string.h>
#include "linux/sys.h"

/* Maps (once) a read-write test area and returns its guest address;
 * STL_SIZE bytes, followed by one read-only page and then an unmapped
 * page, for the fault tests. Zeroed on each call. */
#define STL_SIZE (64 * 1024)
uint64_t stl_area(void);
uint64_t stl_readonly_page(void);  /* mapped PROT_READ, after the area */
uint64_t stl_unmapped_page(void);  /* after the read-only page */

/* Copies s (with its NUL) to the guest at addr; returns addr. */
uint64_t stl_put_str(uint64_t addr, const char *s);

/* Runs call nr through the dispatcher with up to six arguments. */
int64_t stl_call(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
                 uint64_t a3, uint64_t a4, uint64_t a5);
#define SYS0(nr) stl_call(nr, 0, 0, 0, 0, 0, 0)
#define SYS1(nr, a) stl_call(nr, (uint64_t)(a), 0, 0, 0, 0, 0)
#define SYS2(nr, a, b) stl_call(nr, (uint64_t)(a), (uint64_t)(b), 0, 0, 0, 0)
#define SYS3(nr, a, b, c)                                                      \
    stl_call(nr, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), 0, 0, 0)
#define SYS4(nr, a, b, c, d)                                                   \
    stl_call(nr, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d),  \
             0, 0)
#define SYS5(nr, a, b, c, d, e)                                                \
    stl_call(nr, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d),  \
             (uint64_t)(e), 0)
#define SYS6(nr, a, b, c, d, e, f)                                             \
    stl_call(nr, (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d),  \
             (uint64_t)(e), (uint64_t)(f))

/* A fresh empty directory under /tmp for the test (the path stays valid
 * until the next call), and its removal with everything in it. */
const char *stl_tmpdir(void);
void stl_rmtree(const char *dir);

#endif
