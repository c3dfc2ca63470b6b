/* The host-to-guest structure conversions and the guest layouts they
 * produce: offsets are checked against the riscv64 ABI (measured with a
 * riscv64 program under qemu), so a field moved in abi.h fails here. */
#include <asm/termbits.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "linux/sys.h"
#include "test.h"

TEST(sys_abi_stat_layout)
{
    CHECK_EQ(sizeof(struct guest_stat), 128);
    CHECK_EQ(offsetof(struct guest_stat, st_ino), 8);
    CHECK_EQ(offsetof(struct guest_stat, st_mode), 16);
    CHECK_EQ(offsetof(struct guest_stat, st_nlink), 20);
    CHECK_EQ(offsetof(struct guest_stat, st_uid), 24);
    CHECK_EQ(offsetof(struct guest_stat, st_gid), 28);
    CHECK_EQ(offsetof(struct guest_stat, st_rdev), 32);
    CHECK_EQ(offsetof(struct guest_stat, st_size), 48);
    CHECK_EQ(offsetof(struct guest_stat, st_blksize), 56);
    CHECK_EQ(offsetof(struct guest_stat, st_blocks), 64);
    CHECK_EQ(offsetof(struct guest_stat, st_atime_sec), 72);
    CHECK_EQ(offsetof(struct guest_stat, st_atime_nsec), 80);
    CHECK_EQ(offsetof(struct guest_stat, st_mtime_sec), 88);
    CHECK_EQ(offsetof(struct guest_stat, st_ctime_sec), 104);
    CHECK_EQ(offsetof(struct guest_stat, st_ctime_nsec), 112);
}

TEST(sys_abi_other_layouts)
{
    CHECK_EQ(offsetof(struct guest_statfs, f_fsid), 56);
    CHECK_EQ(offsetof(struct guest_statfs, f_spare), 88);
    CHECK_EQ(offsetof(struct guest_termios, c_line), 16);
    CHECK_EQ(offsetof(struct guest_termios, c_cc), 17);
    CHECK_EQ(offsetof(struct guest_termios2, c_ispeed), 36);
    CHECK_EQ(offsetof(struct guest_sysinfo, procs), 80);
    CHECK_EQ(offsetof(struct guest_sysinfo, totalhigh), 88);
    CHECK_EQ(offsetof(struct guest_sysinfo, mem_unit), 104);
    CHECK_EQ(offsetof(struct guest_rusage, ru_maxrss), 32);
    CHECK_EQ(offsetof(struct guest_rusage, ru_nivcsw), 136);
    CHECK_EQ(offsetof(struct guest_flock, l_start), 8);
    CHECK_EQ(offsetof(struct guest_flock, l_pid), 24);
    CHECK_EQ(sizeof(struct guest_sigaction), 24);
    CHECK_EQ(sizeof(struct guest_tms), 32);
    CHECK_EQ(sizeof(struct guest_hwprobe), 16);
}

TEST(sys_conv_stat_fields)
{
    struct stat s;
    memset(&s, 0, sizeof s);
    s.st_dev = 0x1234;
    s.st_ino = 0x123456789abcull;
    s.st_mode = 0100644;
    s.st_nlink = 3;
    s.st_uid = 1000;
    s.st_gid = 1001;
    s.st_rdev = 0x0501;
    s.st_size = 0x1122334455ll;
    s.st_blksize = 4096;
    s.st_blocks = 77;
    s.st_atim.tv_sec = 111;
    s.st_atim.tv_nsec = 222;
    s.st_mtim.tv_sec = 333;
    s.st_mtim.tv_nsec = 444;
    s.st_ctim.tv_sec = 555;
    s.st_ctim.tv_nsec = 666;
    struct guest_stat g;
    memset(&g, 0xff, sizeof g);
    sys_conv_stat(&g, &s);
    CHECK_EQ(g.st_dev, 0x1234);
    CHECK_EQ(g.st_ino, 0x123456789abcull);
    CHECK_EQ(g.st_mode, 0100644);
    CHECK_EQ(g.st_nlink, 3);
    CHECK_EQ(g.st_uid, 1000);
    CHECK_EQ(g.st_gid, 1001);
    CHECK_EQ(g.st_rdev, 0x0501);
    CHECK_EQ(g.pad1, 0);
    CHECK_EQ(g.st_size, 0x1122334455ll);
    CHECK_EQ(g.st_blksize, 4096);
    CHECK_EQ(g.pad2, 0);
    CHECK_EQ(g.st_blocks, 77);
    CHECK_EQ(g.st_atime_sec, 111);
    CHECK_EQ(g.st_atime_nsec, 222);
    CHECK_EQ(g.st_mtime_sec, 333);
    CHECK_EQ(g.st_mtime_nsec, 444);
    CHECK_EQ(g.st_ctime_sec, 555);
    CHECK_EQ(g.st_ctime_nsec, 666);
    CHECK_EQ(g.unused4, 0);
    CHECK_EQ(g.unused5, 0);
    /* The byte image as a riscv64 program reads it. */
    uint8_t raw[128];
    memcpy(raw, &g, sizeof raw);
    uint32_t mode;
    int64_t size;
    memcpy(&mode, raw + 16, 4);
    memcpy(&size, raw + 48, 8);
    CHECK_EQ(mode, 0100644);
    CHECK_EQ(size, 0x1122334455ll);
}

TEST(sys_conv_statfs_fields)
{
    struct statfs s;
    memset(&s, 0, sizeof s);
    s.f_type = 0xef53;
    s.f_bsize = 4096;
    s.f_blocks = 1000;
    s.f_bfree = 500;
    s.f_bavail = 400;
    s.f_files = 300;
    s.f_ffree = 200;
    memcpy(&s.f_fsid, (int[2]){7, 8}, 8);
    s.f_namelen = 255;
    s.f_frsize = 1024;
    s.f_flags = 0x21;
    struct guest_statfs g;
    memset(&g, 0xff, sizeof g);
    sys_conv_statfs(&g, &s);
    CHECK_EQ(g.f_type, 0xef53);
    CHECK_EQ(g.f_bsize, 4096);
    CHECK_EQ(g.f_blocks, 1000);
    CHECK_EQ(g.f_bfree, 500);
    CHECK_EQ(g.f_bavail, 400);
    CHECK_EQ(g.f_files, 300);
    CHECK_EQ(g.f_ffree, 200);
    CHECK_EQ(g.f_fsid[0], 7);
    CHECK_EQ(g.f_fsid[1], 8);
    CHECK_EQ(g.f_namelen, 255);
    CHECK_EQ(g.f_frsize, 1024);
    CHECK_EQ(g.f_flags, 0x21);
    CHECK_EQ(g.f_spare[3], 0);
}

TEST(sys_conv_termios_round_trip)
{
    struct guest_termios g = {.c_iflag = 0x11, .c_oflag = 0x22,
                              .c_cflag = 0x33, .c_lflag = 0x44, .c_line = 5};
    for (int i = 0; i < GUEST_NCCS; i++)
        g.c_cc[i] = (uint8_t)(i + 100);
    struct termios k;
    sys_conv_termios_in(&k, &g);
    CHECK_EQ(k.c_iflag, 0x11);
    CHECK_EQ(k.c_lflag, 0x44);
    CHECK_EQ(k.c_line, 5);
    CHECK_EQ(k.c_cc[VMIN], VMIN + 100);
    CHECK_EQ(k.c_cc[18], 118);
    struct guest_termios back;
    memset(&back, 0xee, sizeof back);
    sys_conv_termios_out(&back, &k);
    CHECK(!memcmp(&back, &g, sizeof g));
}
