#!/bin/bash
# Quick subset of the Debian-program tests, for `make check`: small trixie
# packages (DEB_QUICK_PACKAGES) from a riscv64 sysroot under hart -L, each
# compared with the same program from the amd64 sysroot run natively. One
# program per workload: no fork or exec. Sysroots are built by
# tools/mksysroot into o/debian/quick-{riscv64,amd64} from the download cache
# o/debcache/; without the archive and without a cache, everything SKIPs.
# The full set is tests/debian/full.sh (`make check-debian`).
#   tests/debian/run.sh      env: DEBIAN_EMU=hart|qemu, DEBIAN_ONLY=REGEX
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/../.." || exit 1
. tests/debian/lib.sh
. tests/debian/workloads.sh
deb_enter_namespace "$self" "$@"
# shellcheck disable=SC2086
deb_sysroots quick $DEB_QUICK_PACKAGES
rc=$?
if [ $rc = 3 ]; then
    deb_skip_all quick "Debian archive unreachable and not cached: $DEB_WHY"
    exit 0
elif [ $rc != 0 ]; then
    echo "FAIL debian-sysroot: tools/mksysroot failed: $DEB_WHY"
    cat "$DEB_LOG"; rm -f "$DEB_LOG"
    exit 0
fi
if ! deb_setup; then
    deb_skip_all quick "$DEB_WHY"
    exit 0
fi
deb_prepare || { echo "FAIL debian-data: could not make the inputs"; exit 0; }
deb_quick_workloads
