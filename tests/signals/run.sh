#!/bin/sh
# Signal and thread behaviour checked against Linux itself where
# qemu-riscv64 gets it wrong (each case is in docs/qemu-divergences.md):
# every
# tests/signals/NAME.c is built for riscv64 into o/guest/signals/NAME and
# run under $HART three times, with the translator on (default), off, and
# translating every block at once; stdout followed by a line "exit N"
# (N: the exit status, or "signal S") must equal NAME.expected, which was
# written from Linux's documented behaviour (and checked against the same
# program built for x86-64 and run natively, where the ISA allows).
#   tests/signals/run.sh [NAME...]
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
CC=riscv64-linux-gnu-gcc
limit=${SIGNALS_TIMEOUT:-30}
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
names=$*
if [ -z "$names" ]; then
    for src in tests/signals/*.c; do
        n=${src##*/}
        names="$names ${n%.c}"
    done
fi
modes="default --jit=off --jit-threshold=1"
if [ ! -x "$HART" ] || ! command -v $CC >/dev/null 2>&1; then
    for n in $names; do echo "SKIP $n: no $HART or no $CC"; done
    exit 0
fi
mkdir -p o/guest/signals
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in $names; do
    src=tests/signals/$n.c bin=o/guest/signals/$n
    if [ ! -e "$bin" ] || [ "$src" -nt "$bin" ]; then
        if ! $CC -static -O2 -Wall -o "$bin" "$src" -lpthread 2> "$work/cc"; then
            echo "FAIL $n"
            sed 's/^/  /' "$work/cc" | head -n 10
            continue
        fi
    fi
    for m in $modes; do
        opt=$m
        [ "$m" = default ] && opt=
        # $opt is one word or none.
        # shellcheck disable=SC2086
        (cd "$work" && timeout -k 5 "$limit" "$HART" $opt -U ASAN_OPTIONS \
            -U UBSAN_OPTIONS "$OLDPWD/$bin" > out 2> err < /dev/null
         s=$?
         if [ $s -gt 128 ] && [ $s != 255 ]; then s="signal $((s - 128))"; fi
         echo "exit $s" >> out) 2> /dev/null
        tag="$n${opt:+/${opt#--}}"
        if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$work/err"; then
            echo "FAIL $tag"
            echo "  sanitizer report from hart:"
            head -n 15 "$work/err" | sed 's/^/  /'
        elif cmp -s "tests/signals/$n.expected" "$work/out"; then
            echo "PASS $tag"
        else
            echo "FAIL $tag"
            diff -u --label expected --label hart "tests/signals/$n.expected" \
                "$work/out" | sed '1,2d; s/^/  /' | head -n 12
        fi
    done
done
exit 0
