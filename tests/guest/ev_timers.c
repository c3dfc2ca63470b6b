/* Timers that send signals: setitimer's ITIMER_REAL firing SIGALRM at a
 * handler (one shot, then an interval), getitimer and the old values,
 * ITIMER_VIRTUAL and ITIMER_PROF armed and read back, and POSIX timers:
 * SIGEV_SIGNAL with a value reaching an SA_SIGINFO handler (si_code
 * SI_TIMER, si_value, the timer id), SIGEV_NONE read with timer_gettime,
 * SIGEV_THREAD_ID aimed at this thread, SIGEV_THREAD (glibc's helper
 * thread calls the function), overruns, and the errors. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
    alarms++;
}

static volatile sig_atomic_t got_code, got_value, got_overrun, got_tid_ok;
static volatile int got_timerid;

static void on_rt(int sig, siginfo_t *si, void *uc)
{
    got_code = si->si_code;
    got_value = si->si_value.sival_int;
    got_overrun = si->si_overrun;
    got_timerid = si->si_timerid;
    got_tid_ok = 1;
}

/* Waits for a signal with the given one unblocked. */
static void wait_for(volatile sig_atomic_t *flag, sig_atomic_t until)
{
    sigset_t none;
    sigemptyset(&none);
    while (*flag < until)
        sigsuspend(&none);
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int thread_calls, thread_value;

static void in_thread(union sigval v)
{
    pthread_mutex_lock(&lock);
    thread_calls++;
    thread_value = v.sival_int;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
}

static void itimers(void)
{
    signal(SIGALRM, on_alarm);
    /* armed for 10 s and read back (time enough for any machine load),
     * then replaced by a 20 ms one, which fires */
    struct itimerval v = {{0, 0}, {10, 0}}, old;
    memset(&old, 0x55, sizeof old);
    result("setitimer", setitimer(ITIMER_REAL, &v, &old));
    printf("old: %ld.%06ld %ld.%06ld\n", (long)old.it_interval.tv_sec,
           (long)old.it_interval.tv_usec, (long)old.it_value.tv_sec,
           (long)old.it_value.tv_usec);
    struct itimerval cur;
    getitimer(ITIMER_REAL, &cur);
    printf("pending: value in (9 s, 10 s] %d\n",
           cur.it_value.tv_sec == 9 ||
               (cur.it_value.tv_sec == 10 && cur.it_value.tv_usec == 0));
    v.it_value = (struct timeval){0, 20000};
    setitimer(ITIMER_REAL, &v, &old);
    printf("old value then: %d\n", old.it_value.tv_sec == 9 ||
                                        old.it_value.tv_sec == 10);
    wait_for(&alarms, 1);
    printf("alarms: %d\n", alarms);
    getitimer(ITIMER_REAL, &cur);
    printf("disarmed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);

    /* an interval: three alarms, then stop it and read the old value */
    v = (struct itimerval){{0, 5000}, {0, 5000}};
    setitimer(ITIMER_REAL, &v, NULL);
    wait_for(&alarms, 4);
    v = (struct itimerval){{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &v, &old);
    printf("interval alarms: %d, old interval %ld.%06ld\n", alarms >= 4,
           (long)old.it_interval.tv_sec, (long)old.it_interval.tv_usec);

    /* CPU-time timers: armed and read back, far in the future */
    v = (struct itimerval){{0, 0}, {100, 0}};
    result("ITIMER_VIRTUAL", setitimer(ITIMER_VIRTUAL, &v, NULL));
    result("ITIMER_PROF", setitimer(ITIMER_PROF, &v, NULL));
    getitimer(ITIMER_PROF, &cur);
    printf("prof armed: %d\n", cur.it_value.tv_sec >= 99);
    v.it_value.tv_sec = 0;
    setitimer(ITIMER_VIRTUAL, &v, NULL);
    setitimer(ITIMER_PROF, &v, NULL);
    result("bad which", setitimer(7, &v, NULL));
    result("bad pointer", getitimer(ITIMER_REAL, (void *)8));
    v.it_value.tv_usec = 2000000;
    result("bad usec", setitimer(ITIMER_REAL, &v, NULL));
}

static void posix_timers(void)
{
    struct sigaction sa = {.sa_sigaction = on_rt, .sa_flags = SA_SIGINFO};
    sigaction(SIGRTMIN + 2, &sa, NULL);
    struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL,
                           .sigev_signo = SIGRTMIN + 2,
                           .sigev_value.sival_int = 31337};
    timer_t t;
    result("timer_create", timer_create(CLOCK_MONOTONIC, &sev, &t));
    struct itimerspec its = {{0, 0}, {0, 10000000}}, old;
    result("timer_settime", timer_settime(t, 0, &its, &old));
    printf("old zero: %d\n", old.it_value.tv_sec == 0 && old.it_value.tv_nsec == 0);
    wait_for(&got_tid_ok, 1);
    printf("signal: code SI_TIMER %d value %d overrun %d\n",
           got_code == SI_TIMER, got_value, got_overrun);
    result("timer_getoverrun", timer_getoverrun(t));
    result("timer_delete", timer_delete(t));
    result("timer_delete again", timer_delete(t));

    /* SIGEV_NONE: nothing is sent, gettime counts down */
    sev.sigev_notify = SIGEV_NONE;
    timer_create(CLOCK_REALTIME, &sev, &t);
    its = (struct itimerspec){{0, 0}, {50, 0}};
    timer_settime(t, 0, &its, NULL);
    struct itimerspec cur;
    result("timer_gettime", timer_gettime(t, &cur));
    printf("counting down: %d\n", cur.it_value.tv_sec >= 49 && cur.it_value.tv_sec <= 50);
    timer_delete(t);

    /* SIGEV_THREAD_ID at this thread, an interval with overruns: the
     * signal stays blocked while the timer expires several times */
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev._sigev_un._tid = syscall(SYS_gettid);
    sev.sigev_value.sival_int = 7;
    sigset_t rt;
    sigemptyset(&rt);
    sigaddset(&rt, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &rt, NULL);
    got_tid_ok = 0;
    result("timer_create thread id", timer_create(CLOCK_MONOTONIC, &sev, &t));
    its = (struct itimerspec){{0, 2000000}, {0, 2000000}};
    timer_settime(t, 0, &its, NULL);
    usleep(30000);
    sigprocmask(SIG_UNBLOCK, &rt, NULL);
    wait_for(&got_tid_ok, 1);
    printf("thread-directed: value %d, overrun > 0 %d\n", got_value,
           got_overrun > 0);
    its = (struct itimerspec){{0, 0}, {0, 0}};
    timer_settime(t, 0, &its, NULL);
    timer_delete(t);

    /* SIGEV_THREAD */
    sev = (struct sigevent){.sigev_notify = SIGEV_THREAD,
                            .sigev_notify_function = in_thread,
                            .sigev_value.sival_int = 99};
    result("timer_create SIGEV_THREAD", timer_create(CLOCK_MONOTONIC, &sev, &t));
    its = (struct itimerspec){{0, 0}, {0, 5000000}};
    timer_settime(t, 0, &its, NULL);
    pthread_mutex_lock(&lock);
    while (!thread_calls)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
    printf("thread function: calls %d value %d\n", thread_calls, thread_value);
    timer_delete(t);

    sev = (struct sigevent){.sigev_notify = SIGEV_SIGNAL, .sigev_signo = 0};
    result("bad signal", timer_create(CLOCK_MONOTONIC, &sev, &t));
    sev = (struct sigevent){.sigev_notify = 99, .sigev_signo = SIGALRM};
    result("bad notify", timer_create(CLOCK_MONOTONIC, &sev, &t));
    result("bad clock", timer_create(12345, NULL, &t));
    result("default sigevent", timer_create(CLOCK_MONOTONIC, NULL, &t));
    timer_delete(t);
}

int main(void)
{
    itimers();
    posix_timers();
    return 0;
}
