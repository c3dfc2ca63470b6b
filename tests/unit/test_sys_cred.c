/* Credentials, capabilities, prctl and extended attributes through the
 * dispatcher. The set*id calls must change only the calling thread, as
 * the kernel's do (the guest's libc signals its other threads itself):
 * checked as root in a forked child, where a second thread changes its
 * real uid and the first must keep its own. */
#include <linux/capability.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/syscall.h"
#include "sys_testlib.h"
#include "test.h"

static void *change_ruid(void *arg)
{
    int64_t *r = arg;
    r[0] = SYS3(GUEST_NR_setresuid, 4321, -1, -1);
    uid_t ru, eu, su;
    syscall(SYS_getresuid, &ru, &eu, &su);
    r[1] = ru;
    return NULL;
}

/* In a child: 0 when only the calling thread changed. */
static int per_thread_child(void)
{
    int64_t r[2] = {-1, -1};
    pthread_t t;
    if (pthread_create(&t, NULL, change_ruid, r) || pthread_join(t, NULL))
        return 1;
    uid_t ru, eu, su;
    syscall(SYS_getresuid, &ru, &eu, &su);
    if (r[0] != 0 || r[1] != 4321)
        return 2; /* the call did not work in its thread */
    return ru == 0 ? 0 : 3;
}

TEST(sys_cred_set_ids)
{
    uint64_t m = stl_area();
    CHECK_EQ(SYS3(GUEST_NR_setresuid, -1, -1, -1), 0);
    CHECK_EQ(SYS3(GUEST_NR_setresgid, -1, -1, -1), 0);
    CHECK_EQ(SYS1(GUEST_NR_setuid, getuid()), 0);
    CHECK_EQ(SYS2(GUEST_NR_setregid, -1, -1), 0);
    CHECK_EQ(SYS1(GUEST_NR_setfsuid, -1), geteuid()); /* the old one */
    CHECK_EQ(SYS2(GUEST_NR_setgroups, -1, m), -EINVAL);
    CHECK_EQ(SYS2(GUEST_NR_setgroups, 1, stl_unmapped_page()), -EFAULT);
    if (getuid() != 0) {
        CHECK_EQ(SYS1(GUEST_NR_setuid, 0), -EPERM);
        return;
    }
    pid_t pid = fork();
    if (pid == 0)
        _exit(per_thread_child());
    int status = -1;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

TEST(sys_cred_capabilities)
{
    uint64_t m = stl_area();
    uint32_t hdr[2] = {_LINUX_CAPABILITY_VERSION_3, 0};
    memcpy(g2h(m), hdr, 8);
    memset(g2h(m + 0x10), 0xaa, 32);
    CHECK_EQ(SYS2(GUEST_NR_capget, m, m + 0x10), 0);
    struct __user_cap_data_struct d[2];
    CHECK_EQ(syscall(SYS_capget, hdr, d), 0);
    CHECK(!memcmp(g2h(m + 0x10), d, sizeof d));
    CHECK_EQ(*(uint8_t *)g2h(m + 0x10 + sizeof d), 0xaa); /* two records */
    /* an unknown version: the kernel's version in the header, and EINVAL
     * unless the data pointer is NULL (a probe for the version) */
    hdr[0] = 0x1234;
    memcpy(g2h(m), hdr, 8);
    CHECK_EQ(SYS2(GUEST_NR_capget, m, m + 0x10), -EINVAL);
    memcpy(hdr, g2h(m), 8);
    CHECK_EQ(hdr[0], _LINUX_CAPABILITY_VERSION_3);
    hdr[0] = 0x1234;
    memcpy(g2h(m), hdr, 8);
    CHECK_EQ(SYS2(GUEST_NR_capget, m, 0), 0);
    memcpy(hdr, g2h(m), 8);
    CHECK_EQ(hdr[0], _LINUX_CAPABILITY_VERSION_3);
    CHECK_EQ(SYS2(GUEST_NR_capget, m, stl_readonly_page()), -EFAULT);
    /* capset with what we have changes nothing */
    memcpy(g2h(m + 0x10), d, sizeof d);
    CHECK_EQ(SYS2(GUEST_NR_capset, m, m + 0x10), 0);
}

TEST(sys_cred_prctl)
{
    uint64_t m = stl_area();
    /* PR_GET_TID_ADDRESS answers the guest thread's clear_child_tid */
    CHECK_EQ(SYS1(GUEST_NR_set_tid_address, m + 0x800), gettid());
    CHECK_EQ(SYS2(GUEST_NR_prctl, PR_GET_TID_ADDRESS, m), 0);
    CHECK_EQ(*(uint64_t *)g2h(m), m + 0x800);
    CHECK_EQ(SYS2(GUEST_NR_prctl, PR_GET_TID_ADDRESS, stl_readonly_page()),
             -EFAULT);
    /* PR_GET_AUXV: the guest's vector and its size */
    uint64_t auxv[4] = {6, 4096, 0, 0}; /* AT_PAGESZ, AT_NULL */
    memcpy(g2h(m + 0x100), auxv, sizeof auxv);
    struct process saved = proc;
    proc.auxv_addr = m + 0x100;
    proc.auxv_len = sizeof auxv;
    memset(g2h(m + 0x200), 0xaa, 64);
    CHECK_EQ(SYS5(GUEST_NR_prctl, 0x41555856, m + 0x200, 8, 0, 0), 32);
    CHECK_EQ(*(uint64_t *)g2h(m + 0x200), 6);
    CHECK_EQ(*(uint8_t *)g2h(m + 0x208), 0xaa);
    CHECK_EQ(SYS5(GUEST_NR_prctl, 0x41555856, m + 0x200, 64, 0, 0), 32);
    CHECK_EQ(*(uint64_t *)g2h(m + 0x208), 4096);
    CHECK_EQ(SYS5(GUEST_NR_prctl, 0x41555856, m + 0x200, 64, 1, 0), -EINVAL);
    proc = saved;
    /* options that would act on hart are refused */
    CHECK_EQ(SYS2(GUEST_NR_prctl, PR_SET_SECCOMP, 1), -EINVAL);
    CHECK_EQ(SYS2(GUEST_NR_prctl, PR_SET_MM, 1), -EINVAL);
    CHECK_EQ(SYS2(GUEST_NR_prctl, 65 /* PR_SET_MDWE */, 1), -EINVAL);
    CHECK_EQ(SYS1(GUEST_NR_prctl, PR_GET_KEEPCAPS), 0);
    CHECK_EQ(SYS1(GUEST_NR_prctl, PR_GET_SECCOMP), prctl(PR_GET_SECCOMP));
}

TEST(sys_cred_xattr)
{
    uint64_t m = stl_area();
    const char *dir = stl_tmpdir();
    char path[128];
    snprintf(path, sizeof path, "%s/f", dir);
    fclose(fopen(path, "w"));
    stl_put_str(m, path);
    stl_put_str(m + 0x100, "user.k");
    memcpy(g2h(m + 0x200), "value", 5);
    CHECK_EQ(SYS5(GUEST_NR_setxattr, m, m + 0x100, m + 0x200, 5, 0), 0);
    char host[16];
    CHECK_EQ(getxattr(path, "user.k", host, sizeof host), 5);
    CHECK(!memcmp(host, "value", 5));
    /* a buffer that runs into a read-only page: fine while the answer
     * fits before it, EFAULT when it does not */
    uint64_t edge = stl_readonly_page() - 5;
    CHECK_EQ(SYS4(GUEST_NR_getxattr, m, m + 0x100, edge, 100), 5);
    CHECK(!memcmp(g2h(edge), "value", 5));
    CHECK_EQ(SYS4(GUEST_NR_getxattr, m, m + 0x100, edge + 2, 100), -EFAULT);
    CHECK_EQ(SYS4(GUEST_NR_getxattr, m, m + 0x100, 0, 0), 5);
    CHECK_EQ(SYS4(GUEST_NR_getxattr, m, m + 0x100, m + 0x300, 2), -ERANGE);
    CHECK_EQ(SYS3(GUEST_NR_listxattr, m, edge - 2, 100), 7);
    CHECK(!strcmp(g2h(edge - 2), "user.k"));
    memset(g2h(m + 0x400), 'a', 300);
    memcpy(g2h(m + 0x400), "user.", 5);
    *(char *)g2h(m + 0x400 + 299) = 0;
    CHECK_EQ(SYS4(GUEST_NR_getxattr, m, m + 0x400, m + 0x300, 16), -ERANGE);
    CHECK_EQ(SYS5(GUEST_NR_setxattr, m, m + 0x100, m + 0x200, 70000, 0), -E2BIG);
    CHECK_EQ(SYS5(GUEST_NR_setxattr, m, m + 0x100, stl_unmapped_page(), 5, 0),
             -EFAULT);
    CHECK_EQ(SYS2(GUEST_NR_removexattr, m, m + 0x100), 0);
    CHECK_EQ(SYS2(GUEST_NR_removexattr, m, m + 0x100), -ENODATA);
    stl_rmtree(dir);
}
