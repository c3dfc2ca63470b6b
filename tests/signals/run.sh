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
# Then the guest suite's signal and thread programs (tests/guest/sig_*.c,
# thr_*.c, compared with qemu there in the default mode) run here with the
# translator off and with every block translated: their stdout and exit
# status must equal the default mode's ("modes/NAME/...").
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
# run_hart OPT BIN: runs BIN under $HART with OPT (one word or none) in
# $work; leaves stdout and "exit N" in $work/out, stderr in $work/err.
run_hart() {
    # $1 is one word or none.
    # shellcheck disable=SC2086
    (cd "$work" && timeout -k 5 "$limit" "$HART" $1 -U ASAN_OPTIONS \
        -U UBSAN_OPTIONS "$OLDPWD/$2" > out 2> err < /dev/null
     s=$?
     if [ $s -gt 128 ] && [ $s != 255 ]; then s="signal $((s - 128))"; fi
     echo "exit $s" >> out) 2> /dev/null
}

sanitizer_report() {
    grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$work/err" ||
        return 1
    echo "  sanitizer report from hart:"
    head -n 15 "$work/err" | sed 's/^/  /'
}

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
        run_hart "$opt" "$bin"
        tag="$n${opt:+/${opt#--}}"
        if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$work/err"; then
            echo "FAIL $tag"
            sanitizer_report
        elif cmp -s "tests/signals/$n.expected" "$work/out"; then
            echo "PASS $tag"
        else
            echo "FAIL $tag"
            diff -u --label expected --label hart "tests/signals/$n.expected" \
                "$work/out" | sed '1,2d; s/^/  /' | head -n 12
        fi
    done
done

[ $# -gt 0 ] && exit 0
tests/build-guests.sh > /dev/null 2>&1
for src in tests/guest/sig_*.c tests/guest/thr_*.c; do
    n=${src##*/}
    n=${n%.c}
    if [ ! -x "o/guest/$n" ]; then
        echo "FAIL modes/$n"
        echo "  o/guest/$n was not built (see tests/build-guests.sh)"
        continue
    fi
    run_hart "" "o/guest/$n"
    mv "$work/out" "$work/default"
    for opt in --jit=off --jit-threshold=1; do
        run_hart "$opt" "o/guest/$n"
        tag="modes/$n/${opt#--}"
        if sanitizer_report > "$work/why"; then
            echo "FAIL $tag"
            cat "$work/why"
        elif cmp -s "$work/default" "$work/out"; then
            echo "PASS $tag"
        else
            echo "FAIL $tag"
            diff -u --label default --label "$opt" "$work/default" \
                "$work/out" | sed '1,2d; s/^/  /' | head -n 12
        fi
    done
done
exit 0
