#!/bin/sh
# make fuzz: differential random testing (tools/rvgen) of hart against
# qemu-riscv64 on fresh random seeds until stopped (Ctrl-C), with a progress
# line (programs per second, divergences). Each divergence is shrunk and
# reported in o/fuzz/seed-SEED.txt, next to the shrunk programs.
# Each program runs its body three times under hart --jit-threshold=1, so
# that the interpreter runs each block once and the translator the rest:
# at the default threshold the random programs, which run most of their
# code once, would hardly ever reach the translator. FUZZ_HART_OPTIONS
# replaces those options (FUZZ_HART_OPTIONS=--jit=off: the interpreter).
#   tests/fuzz/run.sh [rvgen options, e.g. --seconds 60, -m fp=50, --seed S]
if [ -n "${BUILD:-}" ]; then # run by tests/check.sh, which wants an end
    echo "SKIP fuzz: runs until stopped; use make fuzz"
    exit 0
fi
hart=${HART_REL:-${HART:-o/rel/hart}}
rvgen=${RVGEN:-$(dirname "$hart")/tools/rvgen}
for f in "$hart" "$rvgen"; do
    [ -x "$f" ] || { echo "fuzz: $f is missing (make MODE=rel)" >&2; exit 2; }
done
command -v qemu-riscv64 >/dev/null || { echo "fuzz: qemu-riscv64 is missing" >&2; exit 2; }
# A copy: a rebuild of $hart while the fuzzer runs (which replaces the
# file) would otherwise show up as divergences ("Permission denied").
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cp "$hart" "$work/hart" || exit 2
options=${FUZZ_HART_OPTIONS---jit-threshold=1}
"$rvgen" --hart "$work/hart $options" --repeat 3 -j 2 --keep o/fuzz "$@" fuzz
