#!/bin/bash
# The Debian-program tests (`make check-debian`): riscv64 and amd64 trixie
# sysroots of DEB_FULL_PACKAGES (busybox, bash, dash, coreutils, grep, sed,
# gawk, findutils, tar, xz-utils, zstd, gzip, bzip2, lua5.4, perl, python3,
# sqlite3, bc, gcc, libc6-dev), built by tools/mksysroot into o/debian/full-*; every workload
# runs the riscv64 program under hart -L (or qemu-riscv64 -L with
# DEBIAN_EMU=qemu) and the amd64 one natively, and compares. Prints one
# PASS/FAIL line per workload (a short diff under a failure) and, last,
# "N passed, N failed"; exits non-zero if anything failed.
#   tests/debian/full.sh     env: DEBIAN_EMU=hart|qemu, DEBIAN_ONLY=REGEX,
#                            DEBIAN_TIMEOUT=seconds per run (default 60)
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/../.." || exit 1
. tests/debian/lib.sh
. tests/debian/workloads.sh
deb_enter_namespace "$self" "$@"
start=$(date +%s)
echo "# building the sysroots (tools/mksysroot)"
# shellcheck disable=SC2086
deb_sysroots full $DEB_FULL_PACKAGES
rc=$?
if [ $rc = 3 ]; then # as the quick suite: no archive and nothing cached
    echo "SKIP debian-full: Debian archive unreachable and not cached: $DEB_WHY"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
elif [ $rc != 0 ]; then
    echo "FAIL debian-sysroot: tools/mksysroot failed: $DEB_WHY"
    cat "$DEB_LOG"; rm -f "$DEB_LOG"
    echo "0 passed, 1 failed"
    exit 1
fi
if ! deb_setup; then
    echo "FAIL debian-setup: $DEB_WHY"
    echo "0 passed, 1 failed"
    exit 1
fi
deb_prepare || { echo "FAIL debian-data: could not make the inputs"; exit 1; }
deb_quick_workloads
deb_full_workloads
echo "# $(( $(date +%s) - start ))s"
echo "$DEB_PASS passed, $DEB_FAIL failed"
[ "$DEB_FAIL" = 0 ]
