#!/bin/sh
# Builds the riscv64 guest programs of the tree into o/guest/, rebuilding
# only what changed:
#   tests/guest/NAME.c   ->  o/guest/NAME      C programs, static glibc, -O2
#   tests/guest/NAME.cc  ->  o/guest/NAME      C++ programs, static libstdc++
#   tests/asm/NAME.S     ->  o/guest/asm/NAME  assembly tests, no libc
# A file tests/guest/NAME.cflags adds its words to that program's flags (for
# instance -march=rv64gc_zba_zbb_zbs). A program that fails to build is
# reported and skipped; the exit status is then 1, after building the rest.
# With the argument "demo", builds only the demo program.
CC=riscv64-linux-gnu-gcc
CXX=riscv64-linux-gnu-g++
out=o/guest
mkdir -p $out/asm $out/demo || exit 1
status=0
# Rebuilds when the source, its .cflags, a header of the asm tests or this
# script is newer than the output. (-nt is not POSIX, but dash and bash have
# it.)
# shellcheck disable=SC3013
newer_header() { # newer_header OUTPUT: is some tests/asm/*.h newer?
    for h in tests/asm/*.h; do
        [ -e "$h" ] && [ "$h" -nt "$1" ] && return 0
    done
    return 1
}
# shellcheck disable=SC3013
build() { # build COMPILER OUTPUT SOURCE FLAGS...
    cc=$1 o=$2 src=$3
    shift 3
    flagfile=${src%.*}.cflags
    if [ ! -e "$o" ] || [ "$src" -nt "$o" ] || [ "$0" -nt "$o" ] ||
       { [ -e "$flagfile" ] && [ "$flagfile" -nt "$o" ]; } ||
       { [ "${src%.S}" != "$src" ] && newer_header "$o"; }; then
        extra=
        [ -e "$flagfile" ] && extra=$(cat "$flagfile")
        # $extra is split into words on purpose: a .cflags file holds flags.
        # shellcheck disable=SC2086
        if $cc -o "$o.tmp" "$src" "$@" $extra; then
            mv "$o.tmp" "$o"
        else
            rm -f "$o.tmp"
            echo "build-guests: cannot build $src" >&2
            status=1
        fi
    fi
}
if [ "$1" = demo ]; then
    build $CC $out/demo/primes tests/guest/primes.c -static -O2 -Wall -lm
    exit $status
fi
for src in tests/guest/*.c; do
    [ -e "$src" ] || continue
    build $CC "$out/$(basename "$src" .c)" "$src" -static -O2 -Wall -lm
done
for src in tests/guest/*.cc; do
    [ -e "$src" ] || continue
    build $CXX "$out/$(basename "$src" .cc)" "$src" -static -O2 -Wall
done
for src in tests/asm/*.S; do
    [ -e "$src" ] || continue
    build $CC "$out/asm/$(basename "$src" .S)" "$src" -static -nostdlib \
        -march=rv64gc_zba_zbb_zbs -Itests/asm
done
exit $status
