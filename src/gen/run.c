/* Runs one guest under an emulator with a time limit, capturing stdout in
 * full and the start of stderr; the child gets its own process group so a
 * timeout kills everything it started. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "gen/run.h"

#define MAX_ARGS 16
#define MAX_OUT (1 << 20)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Splits cmd at spaces into argv (in place in buf), then appends prog. */
static void split(char *buf, const char *prog, char **argv)
{
    int n = 0;
    for (char *tok = strtok(buf, " "); tok && n < MAX_ARGS - 2;
         tok = strtok(NULL, " "))
        argv[n++] = tok;
    argv[n++] = (char *)prog;
    argv[n] = NULL;
}

void gen_run(const char *cmd, const char *prog, double timeout,
             struct gen_result *r)
{
    char buf[1024], *argv[MAX_ARGS];
    int out[2], err[2];
    memset(r, 0, sizeof *r);
    snprintf(buf, sizeof buf, "%s", cmd);
    split(buf, prog, argv);
    if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
        r->status = GEN_NOEXEC;
        snprintf(r->err, sizeof r->err, "pipe: %s", strerror(errno));
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        execvp(argv[0], argv);
        dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    size_t cap = 8192, elen = 0;
    r->out = malloc(cap);
    struct pollfd pfd[2] = {{.fd = out[0], .events = POLLIN},
                            {.fd = err[0], .events = POLLIN}};
    double deadline = now() + timeout;
    bool timed_out = false;
    while (pid > 0 && (pfd[0].fd >= 0 || pfd[1].fd >= 0)) {
        double left = deadline - now();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        if (poll(pfd, 2, (int)(left * 1000) + 1) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; i++) {
            if (pfd[i].fd < 0 || !pfd[i].revents)
                continue;
            char chunk[8192];
            ssize_t n = read(pfd[i].fd, chunk, sizeof chunk);
            if (n <= 0) {
                close(pfd[i].fd);
                pfd[i].fd = -1;
            } else if (i == 0 && r->len + (size_t)n <= MAX_OUT) {
                while (r->len + (size_t)n > cap)
                    cap *= 2;
                r->out = realloc(r->out, cap);
                memcpy(r->out + r->len, chunk, (size_t)n);
                r->len += (size_t)n;
            } else if (i == 1 && elen < sizeof r->err - 1) {
                size_t k = (size_t)n < sizeof r->err - 1 - elen ?
                           (size_t)n : sizeof r->err - 1 - elen;
                memcpy(r->err + elen, chunk, k);
                elen += k;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (pfd[i].fd >= 0)
            close(pfd[i].fd);
    if (timed_out && pid > 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
    }
    int ws = 0;
    if (pid < 0) {
        r->status = GEN_NOEXEC;
        return;
    }
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
        ;
    if (timed_out)
        r->status = GEN_TIMEOUT;
    else if (WIFSIGNALED(ws))
        r->status = 128 + WTERMSIG(ws);
    else
        r->status = WEXITSTATUS(ws);
}

void gen_result_free(struct gen_result *r)
{
    free(r->out);
    r->out = NULL;
}

int gen_result_equal(const struct gen_result *a, const struct gen_result *b)
{
    return a->status == b->status && a->len == b->len &&
           (!a->len || !memcmp(a->out, b->out, a->len));
}

const char *gen_status_text(int status, char *buf, size_t size)
{
    if (status == GEN_TIMEOUT)
        snprintf(buf, size, "timeout");
    else if (status == GEN_NOEXEC)
        snprintf(buf, size, "could not run");
    else if (status > 128 && status < 128 + 65)
        snprintf(buf, size, "killed by SIG%s", sigabbrev_np(status - 128) ?
                 sigabbrev_np(status - 128) : "?");
    else
        snprintf(buf, size, "exit %d", status);
    return buf;
}
