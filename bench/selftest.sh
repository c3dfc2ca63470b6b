#!/bin/sh
# Tests of the benchmark harness itself (not of hart): measure's status and
# output capture, and run.sh's verdicts with stand-ins for hart: a correct one
# (qemu), a wrong one, a crashing one and a missing one. Runs only the start-up
# workload a few times, and one Debian row (gawk) when tests/debian's
# sysroots are already built (else SKIP: building them takes minutes), so it
# takes seconds (about a minute with the Debian row).  Usage: bench/selftest.sh
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
check() { # check NAME COMMAND...: PASS when the command succeeds
    name=$1; shift
    if "$@"; then echo "PASS bench-$name"; else echo "FAIL bench-$name"; fails=$((fails + 1)); fi
}
bench() { STARTUP_RUNS=3 bench/run.sh -n 1 startup >"$tmp/out" 2>&1; echo $? >"$tmp/rc"; }

# Builds measure and the kernels (and proves the native side runs).
bench
M=o/bench/measure
check measure-exit sh -c "$M -r 2 -o $tmp/m sh -c 'echo out; echo err >&2; exit 3' |
    grep -q ' exit 3\$' && grep -q out $tmp/m && grep -q err $tmp/m"
check measure-signal sh -c "$M sh -c 'kill -9 \$\$' | grep -q ' signal 9\$'"
check measure-ok sh -c "$M -r 3 true | grep -Eq '^[0-9.]+ [0-9.]+ [0-9]+ 0\$'"

printf '#!/bin/sh\nexec qemu-riscv64 "$@"\n' >"$tmp/good"
printf '#!/bin/sh\nqemu-riscv64 "$@" | tr a-z A-Z\n' >"$tmp/wrong"
printf '#!/bin/sh\nkill -SEGV $$\n' >"$tmp/crash"
chmod +x "$tmp/good" "$tmp/wrong" "$tmp/crash"

HART=$tmp/good bench
check run-good sh -c "[ \$(cat $tmp/rc) = 0 ] && grep -Eq 'start-up.*hart [0-9.]+\$' $tmp/out"
HART=$tmp/wrong bench
check run-wrong sh -c "[ \$(cat $tmp/rc) = 1 ] && grep -q 'hart WRONG' $tmp/out &&
    grep -q 'printed a wrong answer' $tmp/out"
HART=$tmp/crash bench
check run-crash sh -c "[ \$(cat $tmp/rc) = 1 ] && grep -q 'hart FAILED' $tmp/out &&
    grep -q 'signal 11' $tmp/out"
HART=$tmp/missing bench
check run-missing sh -c "[ \$(cat $tmp/rc) = 0 ] && grep -q 'hart n/a' $tmp/out"
# The Debian rows: without a sysroot (an archive out of reach, an empty
# cache) they say so and the rest still runs.
MKSYSROOT_CACHE=$tmp/nocache MKSYSROOT_MIRROR=http://127.0.0.1:9/debian STARTUP_RUNS=3 \
    bench/run.sh -n 1 startup gawk >"$tmp/out" 2>&1
echo $? >"$tmp/rc"
check deb-no-sysroot sh -c "[ \$(cat $tmp/rc) = 0 ] && grep -q '^gawk  *n/a (no sysroot)\$' $tmp/out &&
    grep -q '^debian:  n/a (no sysroot): .*127.0.0.1' $tmp/out && grep -Eq 'start-up.*hart [0-9.]+\$' $tmp/out"
# The header says whether both sides run the same Debian versions: cross
# tools named after their architecture and packages only one side has do
# not count, another version does.
mkdir -p "$tmp/rv" "$tmp/amd"
printf 'gawk 1:5.2.1-2+b2\ncpp-14-riscv64-linux-gnu 14.2.0-19\nperl 5.40.1-6\n' >"$tmp/rv/.mksysroot-packages"
printf 'cpp-14-x86-64-linux-gnu 14.2.0-19\ngawk 1:5.2.1-2\nlibquadmath0 14.2.0-19\nperl 5.40.1-6\n' >"$tmp/amd/.mksysroot-packages"
check deb-same-versions sh -c "$(command -v bash) -c '. bench/debian.sh; RV=$tmp/rv AMD=$tmp/amd DEB_NATIVE_MODE=chroot deb_bench_versions' | grep -q 'amd64: the same source versions'"
sed -i 's/^perl .*/perl 5.40.1-7/' "$tmp/amd/.mksysroot-packages"
check deb-other-versions sh -c "$(command -v bash) -c '. bench/debian.sh; RV=$tmp/rv AMD=$tmp/amd DEB_NATIVE_MODE=chroot deb_bench_versions' | grep -q 'amd64: OTHER versions'"
if [ -e o/debian/full-riscv64/.mksysroot ] && [ -e o/debian/full-amd64/.mksysroot ]; then
    deb() { bench/run.sh -n 1 gawk >"$tmp/out" 2>&1; echo $? >"$tmp/rc"; }
    HART=$tmp/good deb
    check deb-good sh -c "[ \$(cat $tmp/rc) = 0 ] && grep -Eq '^gawk( +[0-9.]+){5} ' $tmp/out &&
        grep -q '^geomean .*(debian: over 1 of 1 workloads)' $tmp/out"
    HART=$tmp/wrong deb
    check deb-wrong sh -c "[ \$(cat $tmp/rc) = 1 ] && grep -Eq '^gawk +[0-9.]+ +[0-9.]+ +WRONG ' $tmp/out"
    HART=$tmp/crash deb
    check deb-crash sh -c "[ \$(cat $tmp/rc) = 1 ] && grep -Eq '^gawk +[0-9.]+ +[0-9.]+ +FAILED ' $tmp/out &&
        grep -q 'gawk under hart: signal 11' $tmp/out"
else
    echo "SKIP bench-deb-rows: no Debian sysroots in o/debian (make check-debian or make bench makes them)"
fi
[ $fails = 0 ]
