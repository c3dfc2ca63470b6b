#!/bin/bash
# Host instructions executed by hart on small versions of the bench rows,
# counted by valgrind's callgrind: a measure that does not move when other
# tenants load the machine (CPU times here vary by 15-30% from run to run),
# for comparing two builds of hart one change apart. Counts include hart's
# start-up and translation, and programs that seed their hashes at random
# (lua, python) vary by about 1%.
#   bench/icount.sh HART [WORKLOAD...]   (default: crc sieve strmap lua python)
# Workloads: the kernels, lua, python, perl, and small versions of the
# Debian rows xz-c xz-d zstd-c zstd-d gzip-d bzip2-d gawk; "all" for every
# one but perl. The small inputs (icount.* in o/bench/deb/in) are cut from
# the bench corpus and compressed by the riscv64 programs under hart.
# Prints "WORKLOAD MILLIONS" lines. Needs valgrind, the kernels (bench/run.sh
# builds them in o/bench/rv) and, for the Debian rows, the sysroot and
# inputs bench/run.sh makes (o/debian/full-riscv64, o/bench/deb/in).
# Where the time goes inside translated code: run hart with -d out_asm
# under callgrind --dump-instr=yes and match the addresses.
cd "$(dirname "$0")/.." || exit 1
if [ $# -lt 1 ] || [ ! -x "$1" ]; then
    echo "usage: bench/icount.sh HART [WORKLOAD...]" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "bench/icount.sh: valgrind is not installed" >&2; exit 1; }
hart=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
rv=$PWD/o/debian/full-riscv64
kernels=$PWD/o/bench/rv
in=$PWD/o/bench/deb/in
[ $# -gt 0 ] || set -- crc sieve strmap lua python
[ "$1" = all ] && set -- crc sieve strmap calls int fp mem lua python xz-c xz-d \
    zstd-c zstd-d gzip-d bzip2-d gawk
cd "$in" 2>/dev/null || cd /tmp || exit 1
# small_input NAME CMD...: makes icount.NAME from CMD's output once
small_input() {
    local name=$1
    shift
    [ -s "icount.$name" ] && return 0
    "$@" > "icount.$name.tmp" && mv "icount.$name.tmp" "icount.$name"
}
deb() { # deb PROG ARGS...: a Debian program under hart
    local prog=$1
    shift
    "$hart" -L "$rv" "$rv/usr/bin/$prog" "$@"
}
case " $* " in
*" xz-"* | *" zstd-"* | *" gzip-"* | *" bzip2-"*)
    [ -f mixed.1m ] || { echo "bench/icount.sh: no bench inputs in $in (run bench/run.sh once)" >&2; exit 1; }
    small_input m300k head -c 300000 mixed.1m
    small_input m100k head -c 100000 mixed.1m
    small_input xz deb xz -T1 -c mixed.1m
    small_input zst deb zstd -q -c mixed.4m
    small_input gz deb gzip -c mixed.4m
    small_input bz2 deb bzip2 -c icount.m300k ;;
esac
case " $* " in
*" gawk "*) small_input t300k head -c 300000 text.3m5 ;;
esac
for w in "$@"; do
    case $w in
    crc) cmd=("$kernels/crc" 300000 2) ;;
    sieve) cmd=("$kernels/sieve" 1000000 2) ;;
    strmap) cmd=("$kernels/strmap" 300000 1) ;;
    calls) cmd=("$kernels/calls" 25 2000000 100000) ;;
    int) cmd=("$kernels/int" 30000000) ;;
    fp) cmd=("$kernels/fp" 100000) ;;
    mem) cmd=("$kernels/mem" 6) ;;
    lua) cmd=(-L "$rv" "$rv/usr/bin/lua5.4" cpu.lua 0.05) ;;
    python) cmd=(-L "$rv" "$rv/usr/bin/python3" cpu.py 0.05) ;;
    perl) cmd=(-L "$rv" "$rv/usr/bin/perl" text.pl text.3m5) ;; # minutes
    xz-c) cmd=(-L "$rv" "$rv/usr/bin/xz" -6 -T1 -c icount.m300k) ;;
    xz-d) cmd=(-L "$rv" "$rv/usr/bin/xz" -d -T1 -c icount.xz) ;;
    zstd-c) cmd=(-L "$rv" "$rv/usr/bin/zstd" -19 -T1 -q -c icount.m100k) ;;
    zstd-d) cmd=(-L "$rv" "$rv/usr/bin/zstd" -d -q -c icount.zst) ;;
    gzip-d) cmd=(-L "$rv" "$rv/usr/bin/gzip" -d -c icount.gz) ;;
    bzip2-d) cmd=(-L "$rv" "$rv/usr/bin/bzip2" -d -c icount.bz2) ;;
    gawk) cmd=(-L "$rv" "$rv/usr/bin/gawk" -f text.awk icount.t300k) ;;
    *) echo "bench/icount.sh: unknown workload $w" >&2; continue ;;
    esac
    n=$(valgrind --tool=callgrind --smc-check=all --callgrind-out-file=/dev/null \
        "$hart" "${cmd[@]}" 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
    echo "$w $((${n:-0} / 1000000))"
done
