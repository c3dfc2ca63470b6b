/* Extended attributes: set, get, list and remove, each on a path, on a
 * path without following a final link (l), and on a descriptor (f).
 * Names and values are bytes, the same on both sides.
 *
 * Values and lists read back go through a buffer of hart's (at most the
 * kernel's 64 KiB) and are copied out afterwards, as the kernel does, so a
 * guest buffer that is shorter than its stated size works as long as the
 * answer fits, and fails with EFAULT when it does not. */
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include "linux/sys.h"

#define XATTR_NAME_MAX_ 255
#define XATTR_SIZE_MAX_ 65536
#define XATTR_LIST_MAX_ 65536

enum xattr_on { ON_PATH, ON_LINK, ON_FD };

/* The object: a path for ON_PATH/ON_LINK (into path), else a descriptor. */
static int get_target(enum xattr_on on, uint64_t arg, char *path)
{
    return on == ON_FD ? 0 : sys_get_path(arg, path, GUEST_PATH_MAX);
}

static int get_name(uint64_t addr, char *name)
{
    int err = sys_get_string(addr, name, XATTR_NAME_MAX_ + 1);
    if (err == -ENAMETOOLONG || (!err && !name[0]))
        return -ERANGE;
    return err;
}

static int64_t do_set(enum xattr_on on, const uint64_t *a)
{
    char path[GUEST_PATH_MAX], name[XATTR_NAME_MAX_ + 1];
    int err = get_target(on, a[0], path);
    if (!err)
        err = get_name(a[1], name);
    if (err)
        return err;
    uint64_t size = a[3];
    if (size > XATTR_SIZE_MAX_)
        return -E2BIG;
    /* a bad value becomes NULL: the host fails with EFAULT where Linux
     * would */
    const void *val = size ? sys_in(a[2], size) : NULL;
    int flags = (int)a[4];
    int r = on == ON_FD     ? fsetxattr((int)a[0], name, val, size, flags)
            : on == ON_LINK ? lsetxattr(path, name, val, size, flags)
                            : setxattr(path, name, val, size, flags);
    return sys_ret(r);
}

/* Copies the first n bytes of the answer to the guest buffer. */
static int64_t copy_answer(uint64_t addr, const void *buf, int64_t n)
{
    if (n <= 0)
        return n;
    void *out = sys_out(addr, (uint64_t)n);
    if (!out)
        return -EFAULT;
    memcpy(out, buf, (size_t)n);
    return n;
}

static int64_t do_get(enum xattr_on on, const uint64_t *a)
{
    char path[GUEST_PATH_MAX], name[XATTR_NAME_MAX_ + 1];
    int err = get_target(on, a[0], path);
    if (!err)
        err = get_name(a[1], name);
    if (err)
        return err;
    uint64_t size = a[3] > XATTR_SIZE_MAX_ ? XATTR_SIZE_MAX_ : a[3];
    void *buf = NULL;
    if (size && !(buf = malloc(size)))
        return -ENOMEM;
    ssize_t r = on == ON_FD     ? fgetxattr((int)a[0], name, buf, size)
                : on == ON_LINK ? lgetxattr(path, name, buf, size)
                                : getxattr(path, name, buf, size);
    int64_t res = r < 0 ? -errno : size ? copy_answer(a[2], buf, r) : r;
    free(buf);
    return res;
}

static int64_t do_list(enum xattr_on on, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = get_target(on, a[0], path);
    if (err)
        return err;
    uint64_t size = a[2] > XATTR_LIST_MAX_ ? XATTR_LIST_MAX_ : a[2];
    char *buf = NULL;
    if (size && !(buf = malloc(size)))
        return -ENOMEM;
    ssize_t r = on == ON_FD     ? flistxattr((int)a[0], buf, size)
                : on == ON_LINK ? llistxattr(path, buf, size)
                                : listxattr(path, buf, size);
    int64_t res = r < 0 ? -errno : size ? copy_answer(a[1], buf, r) : r;
    free(buf);
    return res;
}

static int64_t do_remove(enum xattr_on on, const uint64_t *a)
{
    char path[GUEST_PATH_MAX], name[XATTR_NAME_MAX_ + 1];
    int err = get_target(on, a[0], path);
    if (!err)
        err = get_name(a[1], name);
    if (err)
        return err;
    int r = on == ON_FD     ? fremovexattr((int)a[0], name)
            : on == ON_LINK ? lremovexattr(path, name)
                            : removexattr(path, name);
    return sys_ret(r);
}

int64_t sys_setxattr(struct hart *h, const uint64_t *a)
{
    return do_set(ON_PATH, a);
}

int64_t sys_lsetxattr(struct hart *h, const uint64_t *a)
{
    return do_set(ON_LINK, a);
}

int64_t sys_fsetxattr(struct hart *h, const uint64_t *a)
{
    return do_set(ON_FD, a);
}

int64_t sys_getxattr(struct hart *h, const uint64_t *a)
{
    return do_get(ON_PATH, a);
}

int64_t sys_lgetxattr(struct hart *h, const uint64_t *a)
{
    return do_get(ON_LINK, a);
}

int64_t sys_fgetxattr(struct hart *h, const uint64_t *a)
{
    return do_get(ON_FD, a);
}

int64_t sys_listxattr(struct hart *h, const uint64_t *a)
{
    return do_list(ON_PATH, a);
}

int64_t sys_llistxattr(struct hart *h, const uint64_t *a)
{
    return do_list(ON_LINK, a);
}

int64_t sys_flistxattr(struct hart *h, const uint64_t *a)
{
    return do_list(ON_FD, a);
}

int64_t sys_removexattr(struct hart *h, const uint64_t *a)
{
    return do_remove(ON_PATH, a);
}

int64_t sys_lremovexattr(struct hart *h, const uint64_t *a)
{
    return do_remove(ON_LINK, a);
}

int64_t sys_fremovexattr(struct hart *h, const uint64_t *a)
{
    return do_remove(ON_FD, a);
}
