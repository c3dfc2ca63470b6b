#!/bin/sh
# Runs every test suite and adds up their results. A suite is a script
# tests/SUITE/run.sh that prints one line per test, "PASS name", "FAIL name"
# (optionally followed by details on later lines that start with spaces) or
# "SKIP name: why". Suites get the hart to test in $HART (the sanitizer build)
# and the release build in $HART_REL, for suites that run thousands of guests.
#   tests/check.sh [BUILD_DIR] [SUITE...]
dir=${1:-o/asan}
[ $# -gt 0 ] && shift
HART=$(pwd)/$dir/hart HART_REL=$(pwd)/o/rel/hart BUILD=$(pwd)/$dir
export HART HART_REL BUILD
# Sanitizer reports must fail the test that triggered them.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
suites=$*
[ -z "$suites" ] && suites=$(ls -d tests/*/run.sh | sed 's|tests/||; s|/run.sh||')
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for s in $suites; do
    echo "== $s"
    start=$(date +%s)
    if ! tests/$s/run.sh > "$log.$s" 2>&1; then
        echo "FAIL suite-$s: run.sh exited with an error" >> "$log.$s"
    fi
    grep -E '^(FAIL|SKIP)|^  ' "$log.$s" | head -200
    p=$(grep -c '^PASS ' "$log.$s"); f=$(grep -c '^FAIL ' "$log.$s")
    k=$(grep -c '^SKIP ' "$log.$s")
    echo "   $s: $p passed, $f failed, $k skipped ($(( $(date +%s) - start ))s)"
    cat "$log.$s" >> "$log"; rm -f "$log.$s"
done
p=$(grep -c '^PASS ' "$log"); f=$(grep -c '^FAIL ' "$log"); k=$(grep -c '^SKIP ' "$log")
echo "$p passed, $f failed, $k skipped"
[ "$f" = 0 ]
