#!/bin/sh
# Differential random testing (tools/rvgen): a fixed set of seeds, each a
# random RV64GC+Zba/Zbb/Zbs/Zicond program run under hart ($HART_REL, the
# release build, for speed) and under qemu-riscv64; their exit statuses and
# outputs (every register, fcsr, the scratch buffer) must be equal. One
# PASS/FAIL line per batch of seeds; a FAIL lists the differing seeds and
# reports the first one shrunk to the instructions that make the difference
# (the shrunk programs are saved in o/random/). Known QEMU departures from
# the specification are handled as docs/qemu-divergences.md says.
# Reproduce one seed with: o/rel/tools/rvgen [-m MIX] check SEED
hart=${HART_REL:-$HART}
dir=$(dirname "$hart")
rvgen=${RVGEN:-$dir/tools/rvgen}
if [ ! -x "$hart" ] || [ ! -x "$rvgen" ]; then
    echo "SKIP random: no hart or rvgen in $dir"
    exit 0
fi
if ! command -v qemu-riscv64 >/dev/null; then
    echo "SKIP random: qemu-riscv64 is not installed"
    exit 0
fi
rc=0
run() { # run NAME FIRST COUNT [OPTIONS...]
    name=$1 first=$2 count=$3
    shift 3
    "$rvgen" --hart "$hart" -j 2 --batch 125 --keep o/random --name "$name" \
        "$@" run "$first" "$count" || rc=1
}
# The default mix of every class, then mixes that stress one area each.
run random 0 1250
run random-fp 1000000 200 --batch 100 -m fp=60,fconst=15,fcsr=10,li=5,alu=5,branch=2
run random-mem 2000000 200 --batch 100 -m mem=30,cmem=20,amo=15,lrsc=10,alu=15,li=5,loop=2
run random-control 3000000 200 --batch 100 -m branch=20,jump=15,loop=8,alu=30,calu=20,cond=5
run random-short 4000000 200 --batch 100 -n 12
# Faults (SIGILL, SIGBUS, SIGSEGV, SIGTRAP) caught by a handler that
# reports the state in the signal frame.
run random-fault 5000000 200 --fault -n 40 --batch 100
# The translator: the body runs three times and every block is translated
# once it has run (threshold 1), so the later runs execute translated code;
# against qemu, then against hart's own interpreter on the same programs.
run random-jit 6000000 200 --batch 100 --repeat 3 \
    --hart "$hart --jit-threshold=1"
run random-jit-vs-interp 7000000 200 --batch 100 --repeat 3 --same-image \
    --hart "$hart --jit-threshold=1" --qemu "$hart --jit=off"
# FP-heavy programs translated: units that keep more FP registers than
# there are XMM copies, so copies are stored and their XMMs reused between
# the branches of one instruction (seed 9500066 caught a slow path that
# stored a reused XMM in the place of the register it had held).
run random-fp-jit 9500000 200 --batch 100 --repeat 3 \
    -m fp=60,fconst=15,fcsr=10,li=5,alu=5,branch=2 \
    --hart "$hart --jit-threshold=1"
# Atomics and LR/SC translated (jit/tr_atomic.c) against the interpreter's.
run random-atomic-jit 7500000 200 --batch 100 --repeat 3 --same-image \
    -m mem=20,amo=30,lrsc=30,alu=10,li=10 \
    --hart "$hart --jit-threshold=1" --qemu "$hart --jit=off"
# Faults raised by translated code: precise state in the signal frame.
run random-fault-jit 9000000 100 --fault -n 40 --repeat 3 --batch 50 \
    --hart "$hart --jit-threshold=1"
# A few under the sanitizer build: memory errors in hart fail the run.
if [ -n "$HART" ] && [ -x "$HART" ] && [ "$HART" != "$hart" ]; then
    run random-asan 8000000 50 --batch 25 --hart "$HART"
fi

# The runner itself: a hart that lacks Zicond (qemu run on hart's version
# of the programs) must be caught, and the difference shrunk to the one
# czero instruction.
out=$("$rvgen" --hart qemu-riscv64 -m cond=1,alu=3 -n 30 --keep o/random/selftest \
    check 7 2>&1)
if echo "$out" | grep -q '^FAIL' && echo "$out" | grep -q 'shrunk program (1 of' &&
   [ "$(echo "$out" | grep -c 'czero')" = 1 ]; then
    echo "PASS random-runner-catches-and-shrinks"
else
    echo "FAIL random-runner-catches-and-shrinks"
    echo "$out" | sed 's/^/  /' | head -20
    rc=1
fi
exit $rc
