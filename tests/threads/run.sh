#!/bin/sh
# The multi-threaded stress acceptance test: o/guest/thr_stress (32 threads
# hammering a mutex, condition variables and atomics, checking exact
# totals; see tests/guest/thr_stress.c) must succeed 100 times in a row
# under the release build $HART_REL, with the translator on and with it
# off. Each mode also has a time budget (THREADS_BUDGET seconds, default
# 40): a run that deadlocks, or a slowdown that makes the 100 runs take
# that long, fails the test.
#   tests/threads/run.sh [RUNS]
cd "$(dirname "$0")/../.." || exit 1
HART_REL=${HART_REL:-$(pwd)/o/rel/hart}
runs=${1:-100}
budget=${THREADS_BUDGET:-40}
prog=o/guest/thr_stress
if [ ! -x "$HART_REL" ]; then
    echo "SKIP stress: release build $HART_REL missing"
    exit 0
fi
tests/build-guests.sh > /dev/null 2>&1
if [ ! -x "$prog" ]; then
    echo "FAIL stress"
    echo "  $prog was not built (see tests/build-guests.sh)"
    exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for mode in --jit=on --jit=off; do
    name="stress-x$runs/${mode#--}"
    start=$(date +%s)
    fails=0 first=
    i=0
    while [ $i -lt "$runs" ]; do
        i=$((i + 1))
        timeout -k 2 10 "$HART_REL" "$mode" "$prog" > "$out" 2>&1
        s=$?
        if [ $s != 0 ] || ! grep -q ': ok$' "$out"; then
            fails=$((fails + 1))
            [ -z "$first" ] && first="run $i: exit $s: $(head -c 300 "$out")"
        fi
        if [ $(( $(date +%s) - start )) -gt "$budget" ]; then
            fails=$((fails + 1))
            first="${first:+$first; }over the ${budget}s budget after $i runs"
            break
        fi
    done
    elapsed=$(( $(date +%s) - start ))
    if [ $fails = 0 ]; then
        echo "PASS $name (${elapsed}s)"
    else
        echo "FAIL $name"
        echo "  $fails failed runs; first: $first"
    fi
done
exit 0
