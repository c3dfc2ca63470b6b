#!/bin/sh
# Guest programs judged against Linux itself rather than qemu-riscv64: the
# checks that qemu-riscv64 7.2 gets wrong (see docs/qemu-divergences.md)
# cannot live in the differential suite (tests/guest). Each
# tests/expect/NAME.c is built for riscv64 and run under $HART; its stdout
# and exit status (a last line "exit N") must equal NAME.expected, written
# from Linux's behaviour. The same source is also built for the host and
# run natively, and must give NAME.expected as well: that keeps the
# expectations honest (the programs print only what is the same on every
# architecture). tests/signals is the same idea for signals and threads,
# run in each translator mode. Each run gets a fresh working directory.
#   tests/expect/run.sh [NAME...]     (default: every program)
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
CC=riscv64-linux-gnu-gcc
HOSTCC=${HOSTCC:-cc}
limit=${GUEST_TIMEOUT:-60}
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
names=$*
if [ -z "$names" ]; then
    for src in tests/expect/*.c; do
        [ -e "$src" ] || continue
        n=${src##*/}
        names="$names ${n%.c}"
    done
fi
out=o/guest/expect
mkdir -p $out || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build COMPILER OUTPUT SOURCE FLAGS...: rebuilds when the source changed.
build() {
    cc=$1 o=$2 src=$3
    shift 3
    if [ ! -e "$o" ] || [ "$src" -nt "$o" ] || [ "$0" -nt "$o" ]; then
        $cc -o "$o" "$src" "$@" 2> "$work/build.err" || return 1
    fi
    return 0
}

# run DIR COMMAND...: runs the command in DIR/cwd; leaves DIR/out with the
# exit status appended.
run() {
    dir=$1
    shift
    mkdir -p "$dir/cwd"
    (
        cd "$dir/cwd" || exit 1
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp LANG=C \
            LC_ALL=C TZ=UTC0 USER=guest TERM=dumb \
            ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" \
            timeout -k 5 "$limit" "$@" < /dev/null > "$dir/out" 2> "$dir/err"
        echo "exit $?" >> "$dir/out"
    ) 2> /dev/null
}

# check NAME WHAT DIR: compares DIR/out with NAME.expected.
check() {
    if cmp -s "tests/expect/$1.expected" "$3/out"; then
        echo "PASS $2"
    else
        echo "FAIL $2"
        diff -u --label expected --label got "tests/expect/$1.expected" "$3/out" |
            sed '1,2d; s/^/  /' | head -n 15
        grep -E 'AddressSanitizer|runtime error:' "$3/err" | head -n 3 |
            sed 's/^/  /'
    fi
}

hart=$(command -v "$HART")
for n in $names; do
    src=tests/expect/$n.c
    if ! command -v $CC > /dev/null; then
        echo "SKIP $n: no $CC"
    elif [ -z "$hart" ]; then
        echo "SKIP $n: hart not built ($HART)"
    elif ! build $CC "$out/$n" "$src" -static -O2 -Wall; then
        echo "FAIL $n"
        sed 's/^/  /' "$work/build.err" | head -n 10
    else
        run "$work/$n" "$hart" -U ASAN_OPTIONS -U UBSAN_OPTIONS "$(pwd)/$out/$n"
        check "$n" "$n" "$work/$n"
    fi
    if build "$HOSTCC" "$out/$n.host" "$src" -O2 -Wall; then
        run "$work/$n.host" "$(pwd)/$out/$n.host"
        check "$n" "$n.native" "$work/$n.host"
    else
        echo "FAIL $n.native"
        sed 's/^/  /' "$work/build.err" | head -n 10
    fi
done
exit 0
