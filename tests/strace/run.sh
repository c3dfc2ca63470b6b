#!/bin/sh
# --strace end to end: runs guest programs under $HART with --strace and
# looks for the lines strace would print for calls they are known to make
# (the formatting details are unit-tested in tests/unit/test_strace.c).
# Also checks that unimplemented calls are reported once each on stderr.
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
if [ ! -x "$HART" ]; then
    echo "SKIP strace: hart not built ($HART)"
    exit 0
fi
tests/build-guests.sh >/dev/null 2>&1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME PROGRAM EXTENDED-REGEX...: every pattern matches a whole line
expect() {
    name=$1 prog=$2
    shift 2
    if [ ! -x "o/guest/$prog" ]; then
        echo "FAIL $name: o/guest/$prog not built"
        return
    fi
    (cd "$tmp" && "$HART" --strace "$OLDPWD/o/guest/$prog" >/dev/null 2>err)
    missing=
    for re in "$@"; do
        grep -Eq "^$re\$" "$tmp/err" || missing="$missing
  missing: $re"
    done
    if [ -z "$missing" ]; then
        echo "PASS $name"
    else
        echo "FAIL $name$missing"
        sed 's/^/  | /' "$tmp/err" | tail -15
    fi
}

P='[0-9]+ '
expect strace-exit sys_exit \
    "${P}write\\(1, \"exiting with 42\\\\n\", 16\\) = 16" \
    "${P}exit\\(42\\) = \\?"
expect strace-errors sys_errors \
    "${P}openat\\(AT_FDCWD, 0x8, O_RDONLY\\) = -1 EFAULT \\(Bad address\\)" \
    "${P}close\\(-1\\) = -1 EBADF \\(Bad file descriptor\\)" \
    "${P}openat\\(AT_FDCWD, \"missing/file\", O_RDONLY\\) = -1 ENOENT \\(No such file or directory\\)" \
    "${P}openat\\(AT_FDCWD, \"f\", O_RDWR\\|O_CREAT\\|O_EXCL, 0600\\) = -1 EEXIST \\(File exists\\)" \
    "${P}syscall_1000\\(.*\\) = -1 ENOSYS \\(Function not implemented\\)" \
    "hart: unimplemented syscall unknown \\(1000\\)" \
    "${P}exit_group\\(0\\) = \\?"
# Reported once: sys_errors makes call 38 twice.
n=$(grep -c "unimplemented syscall unknown (38)" "$tmp/err")
if [ "$n" = 1 ]; then
    echo "PASS strace-unimplemented-once"
else
    echo "FAIL strace-unimplemented-once"
    echo "  'unimplemented syscall unknown (38)' printed $n times"
fi
# The guest closing its fd 2 does not close hart's (core/diag.c).
expect strace-stderr-closed close_stderr \
    "${P}close\\(2\\) = 0" \
    "${P}write\\(2, \"lost\\\\n\", 5\\) = -1 EBADF \\(Bad file descriptor\\)" \
    "${P}exit_group\\(0\\) = \\?"
