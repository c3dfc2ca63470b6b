#!/bin/sh
# Differential tests on real programs: every tests/guest/NAME.c or NAME.cc,
# built into o/guest/NAME by tests/build-guests.sh, runs under $HART and
# under qemu-riscv64 (the reference); stdout, stderr and the exit status must
# be the same. Per-program inputs, all optional:
#   NAME.args      one line of shell words: the program's arguments
#   NAME.stdin     the program's standard input (else /dev/null)
#   NAME.nostderr  stderr is not compared (qemu writes its own messages
#                  there, e.g. when the guest dies of a signal)
# Each run gets a fresh empty working directory, the same small environment
# and a time limit. A sanitizer report from hart (exit status 99, or an
# ASan/UBSan message on stderr) fails the test even if the outputs agree.
#   tests/guest/run.sh [NAME...]     (default: every program)
# HART_OPTS adds options to hart's command line (e.g. HART_OPTS=--jit=off).
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
REF=${QEMU:-qemu-riscv64}
limit=${GUEST_TIMEOUT:-60}
# hart's sanitizer settings must reach hart but not the guest: they are
# removed from the guest's environment with -U, under both emulators alike.
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
export ASAN_OPTIONS UBSAN_OPTIONS
names=$*
if [ -z "$names" ]; then
    for src in tests/guest/*.c tests/guest/*.cc; do
        [ -e "$src" ] || continue
        n=${src##*/}
        names="$names ${n%.*}"
    done
fi
hart=$(command -v "$HART")
ref=$(command -v "$REF")
if [ -z "$hart" ] || [ -z "$ref" ]; then
    why="hart not built ($HART)"
    [ -z "$ref" ] && why="no $REF to compare with"
    for n in $names; do echo "SKIP $n: $why"; done
    exit 0
fi
tests/build-guests.sh >/dev/null 2>&1   # a failed build shows up as FAIL below
# shellcheck disable=SC3045 # dash and bash have it
ulimit -c 0   # qemu-user writes core files for guests killed by signals
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run EMULATOR NAME DIR: runs o/guest/NAME in DIR/cwd; leaves DIR/out,
# DIR/err and DIR/status.
run() {
    emu=$1 name=$2 dir=$3 opts=
    [ "$emu" = "$hart" ] && opts=$HART_OPTS
    mkdir -p "$dir/cwd"
    in=/dev/null
    [ -e "tests/guest/$name.stdin" ] && in=$(pwd)/tests/guest/$name.stdin
    prog=$(pwd)/o/guest/$name
    # The subshell waits for the emulator itself, so the shell's notice of
    # a death by signal ("Aborted") goes to its stderr, /dev/null.
    (
        set --
        [ -e "tests/guest/$name.args" ] &&
            eval "set -- $(cat "tests/guest/$name.args")"
        cd "$dir/cwd" || exit 1
        # $opts is split into words on purpose.
        # shellcheck disable=SC2086
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp LANG=C \
            LC_ALL=C TZ=UTC0 USER=guest TERM=dumb \
            ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" \
            timeout -k 5 "$limit" "$emu" $opts -U ASAN_OPTIONS -U UBSAN_OPTIONS \
            "$prog" "$@" < "$in" > "$dir/out" 2> "$dir/err"
        echo $? > "$dir/status"
    ) 2> /dev/null
}

# compare WHAT: appends a short diff of qemu's and hart's WHAT to $why.
compare() {
    cmp -s "$d/ref/$1" "$d/hart/$1" && return 0
    why="$why
$1 differs (- qemu, + hart):
$(diff -u --label qemu --label hart "$d/ref/$1" "$d/hart/$1" | sed 1,2d | head -n 12)"
    return 1
}

for n in $names; do
    d=$work/$n
    if [ ! -x "o/guest/$n" ]; then
        echo "FAIL $n"
        echo "  o/guest/$n was not built (see tests/build-guests.sh)"
        continue
    fi
    run "$ref" "$n" "$d/ref" &
    run "$hart" "$n" "$d/hart"
    wait
    why=
    hs=$(cat "$d/hart/status") rs=$(cat "$d/ref/status")
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$d/hart/err" ||
       { [ "$hs" = 99 ] && [ "$rs" != 99 ]; }; then
        why="
sanitizer report from hart:
$(head -n 15 "$d/hart/err")"
    else
        [ "$hs" = "$rs" ] || why="
exit status: qemu $rs, hart $hs"
        [ "$hs" = 124 ] && why="$why (timed out after ${limit}s)"
        compare out
        [ -e "tests/guest/$n.nostderr" ] || compare err
    fi
    if [ -z "$why" ]; then
        echo "PASS $n"
    else
        echo "FAIL $n"
        printf '%s\n' "$why" | sed '1d; s/^/  /'
    fi
    rm -rf "$d"
done
exit 0
