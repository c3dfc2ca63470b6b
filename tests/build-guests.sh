#!/bin/sh
# Builds the riscv64 guest programs of the tree into o/guest/, rebuilding
# only what changed:
#   tests/guest/NAME.c  ->  o/guest/NAME      C programs, static glibc, -O2
#   tests/asm/NAME.S    ->  o/guest/asm/NAME  assembly tests, no libc
# With the argument "demo", builds only the demo program.
set -e
CC=riscv64-linux-gnu-gcc
out=o/guest
mkdir -p $out/asm
build() { # build OUTPUT SOURCE FLAGS...
    o=$1; src=$2; shift 2
    if [ ! -e "$o" ] || [ "$src" -nt "$o" ]; then
        $CC "$@" -o "$o.tmp" "$src" && mv "$o.tmp" "$o"
    fi
}
if [ "$1" = demo ]; then
    build $out/primes tests/guest/primes.c -static -O2 -Wall
    exit 0
fi
for src in tests/guest/*.c; do
    [ -e "$src" ] || continue
    build $out/$(basename "$src" .c) "$src" -static -O2 -Wall -lm
done
for src in tests/asm/*.S; do
    [ -e "$src" ] || continue
    build $out/asm/$(basename "$src" .S) "$src" -static -nostdlib \
        -march=rv64gc_zba_zbb_zbs_zicond -Itests/asm
done
