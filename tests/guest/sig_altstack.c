/* sigaltstack and SA_ONSTACK: the handler runs on the alternate stack (a
 * local variable's address lies inside it), sigaltstack called from the
 * handler reports SS_ONSTACK, uc_stack in the ucontext describes the
 * alternate stack, a handler without SA_ONSTACK stays on the normal stack,
 * a nested SA_ONSTACK signal stays on the alternate stack below its
 * caller's frame, changing the alternate stack while on it fails with
 * EPERM, SS_DISABLE turns it off, a too-small stack is refused (ENOMEM),
 * and a stack overflow is caught by a SIGSEGV handler on the alternate
 * stack. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static char *alt;
static size_t alt_size = 64 * 1024;
static volatile int on_alt, reported_onstack, uc_ok, eperm, nested_ok;
static volatile uintptr_t outer_local;

static int inside(const void *p)
{
    return (const char *)p >= alt && (const char *)p < alt + alt_size;
}

static void on_usr2(int sig, siginfo_t *si, void *ucv)
{
    char local;
    nested_ok = inside(&local) && (uintptr_t)&local < outer_local;
}

static void on_usr1(int sig, siginfo_t *si, void *ucv)
{
    char local;
    ucontext_t *uc = ucv;
    on_alt = inside(&local);
    outer_local = (uintptr_t)&local;
    stack_t cur;
    sigaltstack(NULL, &cur);
    reported_onstack = (cur.ss_flags & SS_ONSTACK) != 0;
    /* uc_stack is the alternate stack as it was set up, flags 0 ("in
     * use" is reported through sigaltstack, not here... Linux saves the
     * flags as sas_ss_flags(sp) of the interrupted code: 0). */
    uc_ok = uc->uc_stack.ss_sp == alt && uc->uc_stack.ss_size == alt_size &&
            uc->uc_stack.ss_flags == 0;
    stack_t other = {.ss_sp = alt, .ss_size = alt_size};
    eperm = sigaltstack(&other, NULL) == -1 && errno == EPERM;
    raise(SIGUSR2);
}

static void set_handler(int sig, void (*fn)(int, siginfo_t *, void *),
                        int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static sigjmp_buf overflow_env;
static volatile int overflow_on_alt;

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    char local;
    overflow_on_alt = inside(&local);
    siglongjmp(overflow_env, 1);
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int recurse(volatile char *prev, int n)
{
    volatile char buf[1024];
    buf[0] = (char)n;
    buf[1023] = prev ? prev[0] : 0;
    return recurse(buf, n + 1) + buf[1];
}

int main(void)
{
    alt = malloc(alt_size);
    stack_t ss = {.ss_sp = alt, .ss_size = alt_size, .ss_flags = 0};
    stack_t old;
    int r = sigaltstack(&ss, &old);
    printf("set: r=%d old-disabled=%d\n", r, (old.ss_flags & SS_DISABLE) != 0);
    stack_t tiny = {.ss_sp = alt, .ss_size = 512};
    r = sigaltstack(&tiny, NULL);
    printf("tiny: r=%d errno=%s\n", r, r ? strerrorname_np(errno) : "-");
    stack_t bad = {.ss_sp = alt, .ss_size = alt_size, .ss_flags = 12345};
    r = sigaltstack(&bad, NULL);
    printf("bad flags: r=%d errno=%s\n", r, r ? strerrorname_np(errno) : "-");
    sigaltstack(NULL, &old);
    printf("query: same=%d flags=%d\n", old.ss_sp == alt && old.ss_size == alt_size,
           old.ss_flags);

    set_handler(SIGUSR1, on_usr1, SA_ONSTACK);
    set_handler(SIGUSR2, on_usr2, SA_ONSTACK);
    raise(SIGUSR1);
    printf("onstack: on_alt=%d reported=%d uc_stack=%d eperm=%d nested=%d\n",
           on_alt, reported_onstack, uc_ok, eperm, nested_ok);

    set_handler(SIGUSR1, on_usr1, 0);
    set_handler(SIGUSR2, on_usr2, 0);
    raise(SIGUSR1);
    printf("without SA_ONSTACK: on_alt=%d reported=%d\n", on_alt,
           reported_onstack);

    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    set_handler(SIGUSR1, on_usr1, SA_ONSTACK);
    set_handler(SIGUSR2, on_usr2, SA_ONSTACK);
    raise(SIGUSR1);
    sigaltstack(NULL, &old);
    printf("disabled: on_alt=%d flags-disabled=%d\n", on_alt,
           (old.ss_flags & SS_DISABLE) != 0);

    /* Stack overflow: only a handler on another stack can run. */
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    set_handler(SIGSEGV, on_segv, SA_ONSTACK);
    if (sigsetjmp(overflow_env, 1) == 0)
        printf("not reached %d\n", recurse(NULL, 0));
    printf("overflow caught: on_alt=%d\n", overflow_on_alt);
    return 0;
}
