/* fork while other threads keep making new code: two threads write small
 * functions into an executable buffer, flush the instruction cache and
 * call each one often enough to have it translated, while the main thread
 * forks again and again. A fork takes the engine's locks in one order and
 * the translator nests them (jit_lock, then block_lock to build a
 * superblock): in any other order a fork and a translating thread wait
 * for each other, and this test hangs. Each function is a superblock's
 * worth of branch: beqz a1 over an addi, then ret. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

enum { SLOTS = 256, SLOT_WORDS = 16, CALLS = 60, FORKS = 100 };

static atomic_int stop;
static atomic_long made, wrong;

static void *maker(void *arg)
{
    uint32_t *code = mmap(NULL, SLOTS * SLOT_WORDS * 4,
                          PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        atomic_fetch_add(&wrong, 1);
        return NULL;
    }
    for (long k = (long)arg; !atomic_load(&stop); k += 2) {
        uint32_t *f = code + (k % SLOTS) * SLOT_WORDS;
        int32_t imm = (int32_t)(k % 2000);
        f[0] = 0x00058463;                      /* beqz a1, +8 */
        f[1] = (uint32_t)imm << 20 | 0x00050513; /* addi a0, a0, imm */
        f[2] = 0x00008067;                      /* ret */
        __builtin___clear_cache((char *)f, (char *)(f + 3));
        long (*fn)(long, long) = (long (*)(long, long))(uintptr_t)f;
        long sum = 0;
        for (long i = 0; i < CALLS; i++)
            sum += fn(i, 1);
        if (sum != CALLS * (CALLS - 1) / 2 + CALLS * (long)imm)
            atomic_fetch_add(&wrong, 1);
        atomic_fetch_add(&made, 1);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, maker, (void *)i);
    while (atomic_load(&made) < 100)
        usleep(1000);
    int good = 0;
    for (int k = 0; k < FORKS; k++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(k & 0x7f);
        int status;
        waitpid(pid, &status, 0);
        good += WIFEXITED(status) && WEXITSTATUS(status) == (k & 0x7f);
    }
    atomic_store(&stop, 1);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("children ok: %d/%d, functions made: %s, wrong results: %ld\n",
           good, FORKS, atomic_load(&made) > 100 ? "many" : "few",
           atomic_load(&wrong));
    return 0;
}
