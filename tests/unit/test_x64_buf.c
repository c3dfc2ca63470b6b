/* The encoder's buffer rules: an instruction that does not fit sets
 * overflow and writes nothing past the end, later patches of a dead block
 * do nothing; forward branches bind where they should; code written through
 * one mapping runs from another (x64_init_at); host feature bits agree with
 * the compiler's view of cpuid. */
#include <string.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"
#include "x64/x64.h"

TEST(x64_buf_overflow)
{
    uint8_t mem[32];
    memset(mem, 0xAA, sizeof mem);
    struct x64_buf b;
    x64_init(&b, mem, 8);
    x64_mov_ri(&b, RAX, 1);            /* 5 bytes: fits */
    CHECK(!b.overflow);
    size_t j = x64_jcc_fwd(&b, CC_E);  /* 6 bytes: does not */
    CHECK(b.overflow);
    CHECK(b.cur <= b.end);
    x64_ret(&b);
    x64_bind(&b, j);                    /* must not write past the end */
    x64_patch32(&b, 0, 0);
    for (size_t i = 8; i < sizeof mem; i++)
        CHECK_EQ(mem[i], 0xAA);
    CHECK_EQ(mem[0], 0xB8);

    x64_init(&b, mem, 5);               /* exactly full is not an overflow */
    x64_mov_ri(&b, RCX, 7);
    CHECK(!b.overflow);
    CHECK_EQ(x64_offset(&b), 5);
    x64_nop(&b, 1);
    CHECK(b.overflow);
}

TEST(x64_buf_patching)
{
    uint8_t mem[64];
    struct x64_buf b;
    x64_init(&b, mem, sizeof mem);
    size_t j = x64_jcc_fwd(&b, CC_NE);
    CHECK_EQ(j, 2);
    x64_nop(&b, 10);
    x64_bind(&b, j);                    /* 10 bytes past the jcc */
    CHECK_EQ(mem[0], 0x0F);
    CHECK_EQ(mem[1], 0x85);
    CHECK_EQ(mem[2] | mem[3] << 8 | mem[4] << 16 | (uint32_t)mem[5] << 24, 10);
    size_t k = x64_jmp8_fwd(&b);
    x64_int3(&b);
    x64_bind8(&b, k);
    CHECK_EQ(mem[k - 1], 0xEB);
    CHECK_EQ(mem[k], 1);
    size_t m = x64_jmp32(&b, x64_here(&b));  /* to itself: -5 */
    CHECK_EQ(mem[m], 0xFB);
    x64_patch32(&b, m, (uintptr_t)mem);      /* back to the start */
    int32_t d;
    memcpy(&d, &mem[m], 4);
    CHECK_EQ((int64_t)d, -(int64_t)(m + 4));
    x64_set_rel32(&mem[m], 0x1000, 0x2000);  /* as if run at 0x1000 */
    memcpy(&d, &mem[m], 4);
    CHECK_EQ(d, 0x2000 - 0x1004);
    /* Reach: a rel32 counts from the end of the instruction. */
    x64_init_at(&b, mem, sizeof mem, 0x10000000);
    CHECK(x64_reach(&b, 0x10000000 + 0x80000004ull));
    CHECK(!x64_reach(&b, 0x10000000 + 0x80000005ull));
    CHECK(x64_reach(&b, 0x10000000 - 0x7ffffffaull));
    CHECK(!x64_reach(&b, 0x10000000 - 0x7ffffffbull));
}

static uint64_t twice(uint64_t x) { return 2 * x; }

/* A dual mapping of one memory object, as the code cache will use: written
 * through one view, run from the other; calls, RIP-relative loads and
 * branches must all be computed for the run view. */
TEST(x64_buf_dual_mapping)
{
    int fd = memfd_create("x64-test", 0);
    CHECK(fd >= 0);
    if (fd < 0 || ftruncate(fd, 4096) != 0)
        return;
    uint8_t *w = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    uint8_t *x = mmap(0, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    close(fd);
    CHECK(w != MAP_FAILED && x != MAP_FAILED);
    if (w == MAP_FAILED || x == MAP_FAILED)
        return;
    struct x64_buf b;
    x64_init_at(&b, w, 4096, (uintptr_t)x);
    uintptr_t konst = x64_here(&b);
    for (int i = 0; i < 8; i++)
        x64_int3(&b);
    memcpy(w, &(uint64_t){40}, 8);
    uintptr_t sub = x64_here(&b);            /* rax = [konst] + rdi */
    x64_load(&b, W64, false, RAX, x64_mem_rip(konst));
    x64_add_rr(&b, W64, RAX, RDI);
    x64_ret(&b);
    uintptr_t f = x64_here(&b);              /* twice(sub(x)) */
    x64_sub_ri(&b, W64, RSP, 8);
    x64_call(&b, sub);
    x64_mov_rr(&b, W64, RDI, RAX);
    x64_call_abs(&b, (uintptr_t)twice, R11);
    x64_add_ri(&b, W64, RSP, 8);
    size_t j = x64_jmp_fwd(&b);
    x64_ud2(&b);
    x64_bind(&b, j);
    x64_ret(&b);
    CHECK(!b.overflow);
    CHECK_EQ(((uint64_t(*)(uint64_t))f)(1), 82);
    munmap(w, 4096);
    munmap(x, 4096);
}

TEST(x64_buf_cpu_features)
{
    unsigned has = x64_cpu();
    __builtin_cpu_init();
    CHECK_EQ(!!(has & X64_HAS_SSE41), !!__builtin_cpu_supports("sse4.1"));
    CHECK_EQ(!!(has & X64_HAS_POPCNT), !!__builtin_cpu_supports("popcnt"));
    CHECK_EQ(!!(has & X64_HAS_BMI1), !!__builtin_cpu_supports("bmi"));
    CHECK_EQ(!!(has & X64_HAS_BMI2), !!__builtin_cpu_supports("bmi2"));
    CHECK_EQ(!!(has & X64_HAS_FMA), !!__builtin_cpu_supports("fma"));
    CHECK_EQ(x64_cpu(), has);
}

/* Operands x86-64 cannot encode stop hart (abort) instead of emitting
 * something else: each is tried in a child process. */
static bool aborts(void (*emit)(struct x64_buf *))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        uint8_t mem[32];
        struct x64_buf b;
        x64_init(&b, mem, sizeof mem);
        emit(&b);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void index_rsp(struct x64_buf *b) { x64_load(b, W64, false, RAX, x64_mem_idx(RBX, RSP, 1, 0)); }
static void scale_3(struct x64_buf *b) { x64_lea(b, W64, RAX, x64_mem_idx(RBX, RCX, 3, 0)); }
static void rip_far(struct x64_buf *b) { x64_load(b, W64, false, RAX, x64_mem_rip(x64_here(b) ^ (1ull << 40))); }
static void bad_reg(struct x64_buf *b) { x64_mov_rr(b, W64, X64_NONE, RAX); }
static void ok(struct x64_buf *b) { x64_load(b, W64, false, RAX, x64_mem_idx(RSP, RBP, 8, 0)); }

TEST(x64_buf_rejects_bad_operands)
{
    CHECK(aborts(index_rsp));
    CHECK(aborts(scale_3));
    CHECK(aborts(rip_far));
    CHECK(aborts(bad_reg));
    CHECK(!aborts(ok));
}
