/* measure: runs one command REPS times in a row and reports its cost, for
 * bench/run.sh. Wall time comes from CLOCK_MONOTONIC around fork..wait4 (so it
 * includes exec and the program's own start-up, as a user would see it); CPU
 * time (user + system) and peak memory from wait4's rusage of each child. CPU
 * time is the steadier of the two when other work shares the machine. The
 * child's stdout and stderr go to the file given with -o (each run overwrites
 * it), so the harness can check the answer of the timed run itself rather
 * than of a separate one.
 *
 *   measure [-r REPS] [-o FILE] PROGRAM [ARGS...]
 *
 * Prints one line: "WALL_SECONDS CPU_SECONDS MAXRSS_KB STATUS": times summed
 * over the runs, the largest peak RSS, and STATUS "0" when every run exited
 * 0, otherwise "exit N" or "signal N" for the first run that did not. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs argv once with stdout/stderr on out_fd; returns the wait status. */
static int run_once(char **argv, int out_fd, double *wall, double *cpu, long *maxrss_kb)
{
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        exit(2);
    }
    if (pid == 0) {
        dup2(out_fd, 1);
        dup2(out_fd, 2);
        execvp(argv[0], argv);
        fprintf(stderr, "measure: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("measure: wait4");
        exit(2);
    }
    *wall = now() - t0;
    *cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
    *maxrss_kb = ru.ru_maxrss;
    return status;
}

int main(int argc, char **argv)
{
    long reps = 1;
    const char *out = "/dev/null";
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-r") && i + 1 < argc)
            reps = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "usage: measure [-r REPS] [-o FILE] PROGRAM [ARGS...]\n");
            return 2;
        }
    }
    if (i >= argc || reps < 1) {
        fprintf(stderr, "usage: measure [-r REPS] [-o FILE] PROGRAM [ARGS...]\n");
        return 2;
    }
    double total = 0, total_cpu = 0;
    long peak = 0;
    char status_text[32] = "0";
    for (long r = 0; r < reps; r++) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            perror(out);
            return 2;
        }
        double wall, cpu;
        long rss;
        int status = run_once(&argv[i], fd, &wall, &cpu, &rss);
        close(fd);
        total += wall;
        total_cpu += cpu;
        if (rss > peak)
            peak = rss;
        if (!strcmp(status_text, "0")) {
            if (WIFSIGNALED(status))
                snprintf(status_text, sizeof status_text, "signal %d", WTERMSIG(status));
            else if (WEXITSTATUS(status))
                snprintf(status_text, sizeof status_text, "exit %d", WEXITSTATUS(status));
        }
    }
    printf("%.6f %.6f %ld %s\n", total, total_cpu, peak, status_text);
    return 0;
}
