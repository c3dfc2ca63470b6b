/* Host structures to guest structures, field by field. struct stat is the
 * one whose layout really differs (x86-64: 144 bytes, 64-bit nlink, other
 * order; riscv64: asm-generic's 128 bytes); statfs has the same layout but
 * is copied the same way, so no code depends on that coincidence. Device
 * numbers keep glibc's encoding, which the guest's major()/minor() share. */
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "linux/sys.h"

void sys_conv_stat(struct guest_stat *g, const struct stat *s)
{
    memset(g, 0, sizeof *g);
    g->st_dev = s->st_dev;
    g->st_ino = s->st_ino;
    g->st_mode = s->st_mode;
    g->st_nlink = (uint32_t)s->st_nlink;
    g->st_uid = s->st_uid;
    g->st_gid = s->st_gid;
    g->st_rdev = s->st_rdev;
    g->st_size = s->st_size;
    g->st_blksize = (int32_t)s->st_blksize;
    g->st_blocks = s->st_blocks;
    g->st_atime_sec = s->st_atim.tv_sec;
    g->st_atime_nsec = (uint64_t)s->st_atim.tv_nsec;
    g->st_mtime_sec = s->st_mtim.tv_sec;
    g->st_mtime_nsec = (uint64_t)s->st_mtim.tv_nsec;
    g->st_ctime_sec = s->st_ctim.tv_sec;
    g->st_ctime_nsec = (uint64_t)s->st_ctim.tv_nsec;
}

void sys_conv_statfs(struct guest_statfs *g, const struct statfs *s)
{
    memset(g, 0, sizeof *g);
    g->f_type = s->f_type;
    g->f_bsize = s->f_bsize;
    g->f_blocks = s->f_blocks;
    g->f_bfree = s->f_bfree;
    g->f_bavail = s->f_bavail;
    g->f_files = s->f_files;
    g->f_ffree = s->f_ffree;
    memcpy(g->f_fsid, &s->f_fsid, sizeof g->f_fsid);
    g->f_namelen = s->f_namelen;
    g->f_frsize = s->f_frsize;
    g->f_flags = s->f_flags;
}
