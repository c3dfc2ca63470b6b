/* What a vfork child writes reaches its parent.
 *
 * Linux runs a vfork child (vfork, or clone with CLONE_VM|CLONE_VFORK as
 * glibc's posix_spawn makes it) in its parent's memory until it execs or
 * exits, and parents rely on that: posix_spawn's child reports a failed
 * execve by storing the error in the parent's stack frame, so that
 * posix_spawn can return it (Python's subprocess then raises
 * FileNotFoundError). hart forks instead, as the child's emulator needs
 * memory of its own (thread.c). So the child write-protects its private
 * writable guest mappings as it starts (rv/smc.c: the first write to each
 * page is noted, and the page made writable again) and, just before it
 * execs and when it exits, sends its parent the pages it wrote, through
 * the pipe the parent waits on anyway. The parent, blocked until then,
 * writes those pages into its own memory.
 *
 * Left out: pages the parent may not write (a mapping the child made or
 * changed), pages written after the child changed their mapping, writes
 * beyond the first MAX_PAGES pages, and a change another thread of the
 * parent makes meanwhile to a page the child also wrote, which the copy
 * replaces (a vfork child writes its own stack and the frame of the thread
 * that spawned it, which other threads leave alone). */
#include "linux/vfork_share.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "linux/syscall.h"
#include "mem/access.h"
#include "mem/space.h"
#include "rv/smc.h"

enum { MAX_PAGES = 16384 }; /* 64 MB written before exec: far beyond use */

/* The pipe to the parent in a vfork child, else -1. Set once, in a
 * single-threaded child, before it runs guest code. */
static int parent_fd = -1;

/* The pages the child wrote. Appended to by signal handlers (hence the
 * atomic count and no lock); read when the child sends them. */
static uint64_t written[MAX_PAGES];
static _Atomic size_t nwritten;

int vfork_share_pipe(int fds[2])
{
    int low[2];
    if (pipe2(low, O_CLOEXEC) < 0)
        return -errno;
    for (int k = 0; k < 2; k++) {
        fds[k] = syscall_dup_high(low[k]);
        if (fds[k] < 0)
            fds[k] = low[k]; /* no room up there: the guest may see it */
        else
            close(low[k]);
    }
    return 0;
}

static void note_written(uint64_t page)
{
    size_t i = atomic_fetch_add(&nwritten, 1);
    if (i < MAX_PAGES)
        written[i] = page;
}

static void track_region(const struct space_region *r, void *arg)
{
    if (!r->shared && (r->flags & PAGE_W))
        smc_track_writes(r->start, r->end - r->start, r->flags, note_written);
}

void vfork_share_child_start(int fd)
{
    /* A child of a vfork child answers to its own parent only. */
    if (parent_fd >= 0)
        close(parent_fd);
    parent_fd = fd;
    atomic_store(&nwritten, 0);
    if (fd < 0)
        return;
    syscall_reserve_fd(fd); /* posix_spawn's child closes what it can */
    space_for_each(track_region, NULL);
}

/* Moves len bytes through the pipe fd, which may take them in pieces. */
static bool move_all(int fd, void *buf, size_t len, bool send)
{
    char *p = buf;
    while (len) {
        ssize_t n = send ? write(fd, p, len) : read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* Each page goes as its guest address, then its bytes. */
void vfork_share_child_send(void)
{
    if (parent_fd < 0)
        return;
    size_t n = atomic_load(&nwritten);
    if (n > MAX_PAGES)
        n = MAX_PAGES;
    for (size_t i = 0; i < n; i++) {
        uint64_t page = written[i];
        if (!space_range_ok(page, GUEST_PAGE_SIZE, PAGE_R))
            continue; /* unmapped since */
        if (!move_all(parent_fd, &page, sizeof page, true) ||
            !move_all(parent_fd, g2h(page), GUEST_PAGE_SIZE, true))
            return;
    }
}

void vfork_share_parent_receive(int fd)
{
    uint64_t page;
    static _Thread_local unsigned char bytes[GUEST_PAGE_SIZE];
    while (move_all(fd, &page, sizeof page, false) &&
           move_all(fd, bytes, sizeof bytes, false)) {
        if (page % GUEST_PAGE_SIZE ||
            !space_range_ok(page, GUEST_PAGE_SIZE, PAGE_W))
            continue;
        smc_before_host_write(page, GUEST_PAGE_SIZE);
        memcpy(g2h(page), bytes, sizeof bytes);
    }
}
