#!/bin/bash
# Host instructions executed by hart on small versions of the bench rows,
# counted by valgrind's callgrind: a measure that does not move when other
# tenants load the machine (CPU times here vary by 15-30% from run to run),
# for comparing two builds of hart one change apart. Counts include hart's
# start-up and translation, and programs that seed their hashes at random
# (lua, python) vary by about 1%.
#   bench/icount.sh HART [WORKLOAD...]   (default: crc sieve strmap lua python)
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
cd "$in" 2>/dev/null || cd /tmp || exit 1
for w in "$@"; do
    case $w in
    crc) cmd=("$kernels/crc" 300000 2) ;;
    sieve) cmd=("$kernels/sieve" 1000000 2) ;;
    strmap) cmd=("$kernels/strmap" 300000 1) ;;
    calls | int | fp | mem) cmd=("$kernels/$w") ;;
    lua) cmd=(-L "$rv" "$rv/usr/bin/lua5.4" cpu.lua 0.05) ;;
    python) cmd=(-L "$rv" "$rv/usr/bin/python3" cpu.py 0.05) ;;
    perl) cmd=(-L "$rv" "$rv/usr/bin/perl" text.pl text.3m5) ;; # minutes
    *) echo "bench/icount.sh: unknown workload $w" >&2; continue ;;
    esac
    n=$(valgrind --tool=callgrind --smc-check=all --callgrind-out-file=/dev/null \
        "$hart" "${cmd[@]}" 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
    echo "$w $((${n:-0} / 1000000))"
done
