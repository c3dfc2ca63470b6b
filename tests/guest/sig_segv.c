/* Memory faults become precise SIGSEGVs: a handler that leaves by
 * siglongjmp sees si_addr and si_code for a NULL read, a read of an
 * unmapped page (munmapped), a write to a read-only page (SEGV_ACCERR), a
 * read of a PROT_NONE page, a call through a NULL pointer, a jump to a
 * non-executable page and one far outside the address space (si_addr is
 * the target), an access just past the end of a mapping, an address
 * above the user address space, an FP load, an atomic and an LR; each repeated in a hot loop so that
 * translated code faults too. The faulting load's destination is not
 * written, and the same faults on another thread are caught there. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static pthread_key_t env_key;
static __thread volatile uintptr_t fault_addr;
static __thread volatile int fault_code, fault_sig;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    fault_sig = sig;
    fault_addr = (uintptr_t)si->si_addr;
    fault_code = si->si_code;
    siglongjmp(*(sigjmp_buf *)pthread_getspecific(env_key), 1);
}



static const char *code_name(int c)
{
    return c == SEGV_MAPERR ? "MAPERR" : c == SEGV_ACCERR ? "ACCERR" : "?";
}

static char *ro, *none, *gone, *end_of_map;

/* Touches p according to how; returns the value loaded (if any). */
__attribute__((noinline)) static long touch(volatile char *p, int how)
{
    switch (how) {
    case 0: return *p;
    case 1: *p = 1; return 0;
    case 2: return *(volatile long *)p;
    case 4: return (long)*(volatile double *)p;
    case 5: return __atomic_fetch_add((int *)p, 1, __ATOMIC_SEQ_CST);
    case 6: {
        long v;
        __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"(p) : "memory");
        return v;
    }
    default: return ((long (*)(void))(uintptr_t)p)();
    }
}

static int check(const char *what, volatile char *p, int how, uintptr_t want,
                 int want_code, int rounds)
{
    int ok = 0;
    for (int i = 0; i < rounds; i++) {
        fault_sig = 0;
        sigjmp_buf *jb = pthread_getspecific(env_key);
        volatile long loaded = 12345;
        if (sigsetjmp(*jb, 1) == 0) {
            loaded = touch(p, how);
            (void)loaded;
        }
        if (fault_sig == SIGSEGV && fault_addr == want &&
            fault_code == want_code && loaded == 12345)
            ok++;
    }
    printf("%s: %d/%d (%s)\n", what, ok, rounds, code_name(fault_code));
    return ok == rounds;
}

static void run_all(int rounds)
{
    check("NULL read", NULL, 0, 0, SEGV_MAPERR, rounds);
    check("NULL+16 write", (char *)16, 1, 16, SEGV_MAPERR, rounds);
    check("unmapped read", gone + 100, 0, (uintptr_t)gone + 100, SEGV_MAPERR,
          rounds);
    check("read-only write", ro + 8, 1, (uintptr_t)ro + 8, SEGV_ACCERR, rounds);
    check("PROT_NONE read", none + 4000, 2, (uintptr_t)none + 4000,
          SEGV_ACCERR, rounds);
    check("past the end", end_of_map, 0, (uintptr_t)end_of_map, SEGV_MAPERR,
          rounds);
    check("call NULL", NULL, 3, 0, SEGV_MAPERR, rounds);
    check("jump to data", ro, 3, (uintptr_t)ro, SEGV_ACCERR, rounds);
    check("jump far", (char *)0x2f2f2f2f2f2f2000ul, 3, 0x2f2f2f2f2f2f2000ul,
          SEGV_MAPERR, rounds);
    check("FP load, unmapped", gone + 64, 4, (uintptr_t)gone + 64,
          SEGV_MAPERR, rounds);
    check("atomic add, read-only", ro + 16, 5, (uintptr_t)ro + 16,
          SEGV_ACCERR, rounds);
    check("lr.d, NULL", NULL, 6, 0, SEGV_MAPERR, rounds);
    check("high address", (char *)0x7ffffffffff0ul, 0, 0x7ffffffffff0ul,
          SEGV_MAPERR, rounds);
}

static void *thread_main(void *arg)
{
    sigjmp_buf jb;
    pthread_setspecific(env_key, &jb);
    printf("-- on a second thread\n");
    run_all(3);
    return NULL;
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    ro = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
              -1, 0);
    memset(ro, 0x55, pg);
    mprotect(ro, pg, PROT_READ);
    none = mmap(NULL, pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    gone = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(gone, pg);
    /* Two pages, the second unmapped: the first byte after the end. */
    char *two = mmap(NULL, 2 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
    munmap(two + pg, pg);
    end_of_map = two + pg;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    pthread_key_create(&env_key, NULL);
    sigjmp_buf jb;
    pthread_setspecific(env_key, &jb);

    run_all(1);
    printf("-- hot\n");
    run_all(200);
    pthread_t t;
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, NULL);

    /* The handler left with siglongjmp(…, savemask=1): SIGSEGV is not
     * blocked afterwards. */
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("SIGSEGV blocked after: %d\n", sigismember(&cur, SIGSEGV));
    /* A fault with no handler kills the process with SIGSEGV. */
    signal(SIGSEGV, SIG_DFL);
    fflush(stdout);
    touch(NULL, 0);
    printf("not reached\n");
    return 0;
}
