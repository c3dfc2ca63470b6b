#!/bin/sh
# Compares `hart --disas` with GNU objdump -d -M no-aliases, line by line on
# the address and text columns (objdump's " <symbol>" and "# comment"
# annotations aside), on:
#   all         every isa.def instruction with varied operands (all.S)
#   compressed  every compressed form (compressed.S); objdump's c.* text is
#               mapped to the 32-bit operation it expands to, which is what
#               hart prints
#   primes      a real static glibc program (tests/guest/primes.c, -O2)
#   primes-dyn  the same, dynamically linked (a PLT)
#   libm        the riscv64 cross libm.so.6 (stripped, FP-heavy)
# plus "coverage" (every isa.def mnemonic appears in hart's listing of
# all.S) and "bad-files" (malformed input gives exit 1 and one line).
# all.S is assembled for privileged spec 1.12, whose CSR names hart uses
# (objdump names CSRs after the spec version the file records).
#   tests/disasm/run.sh        needs $HART; riscv64-linux-gnu-{as,ld,gcc}
HART=${HART:-o/asan/hart}
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v riscv64-linux-gnu-objdump >/dev/null 2>&1 ||
   ! command -v riscv64-linux-gnu-as >/dev/null 2>&1; then
    echo "SKIP disasm: riscv64 binutils missing"
    exit 0
fi
if [ ! -x "$HART" ]; then
    echo "SKIP disasm: no hart at $HART"
    exit 0
fi

# The comparable part of a listing: "ADDR TEXT" per instruction (TEXT with
# one space after the mnemonic) and "..." for skipped zeros. With "rvc" as
# second argument, objdump's compressed mnemonics become their expansions.
normalize() {
    awk -F'\t' -v rvc="$2" '
    /^\t\.\.\.$/ { print "..."; next }
    !/^ *[0-9a-f]+:\t/ { next }
    {
        addr = $1; sub(/^ +/, "", addr)
        mn = $3; ops = $4
        sub(/ <[^>]*>$/, "", ops); sub(/ *#.*$/, "", ops)
        if (rvc != "" && mn ~ /^c\./) {
            n = split(ops, o, ",")
            if (mn == "c.nop") { mn = "addi"; ops = "zero,zero,0" }
            else if (mn == "c.addi4spn") mn = "addi"
            else if (mn ~ /^c\.(fld|lw|ld|fsd|sw|sd)$/) sub(/^c\./, "", mn)
            else if (mn ~ /^c\.(fld|lw|ld|fsd|sw|sd)sp$/) { sub(/^c\./, "", mn); sub(/sp$/, "", mn) }
            else if (mn ~ /^c\.(addi|addiw|andi|slli|srli|srai|sub|xor|or|and|subw|addw|add)$/) {
                sub(/^c\./, "", mn); ops = o[1] "," o[1] "," o[2]
            }
            else if (mn ~ /^c\.(slli|srli|srai)64$/) {
                mn = substr(mn, 3, 4); ops = o[1] "," o[1] ",0x0"
            }
            else if (mn == "c.li") { mn = "addi"; ops = o[1] ",zero," o[2] }
            else if (mn == "c.addi16sp") { mn = "addi"; ops = "sp,sp," o[2] }
            else if (mn == "c.lui") mn = "lui"
            else if (mn == "c.j") { mn = "jal"; ops = "zero," o[1] }
            else if (mn == "c.beqz") { mn = "beq"; ops = o[1] ",zero," o[2] }
            else if (mn == "c.bnez") { mn = "bne"; ops = o[1] ",zero," o[2] }
            else if (mn == "c.jr") { mn = "jalr"; ops = "zero,0(" o[1] ")" }
            else if (mn == "c.jalr") { mn = "jalr"; ops = "ra,0(" o[1] ")" }
            else if (mn == "c.mv") { mn = "add"; ops = o[1] ",zero," o[2] }
            else if (mn == "c.ebreak") { mn = "ebreak"; ops = "" }
            else if (mn == "c.unimp") { mn = ".2byte"; ops = "0x0" } # illegal
        }
        print addr " " mn (ops == "" ? "" : " " ops)
    }' "$1"
}

# compare NAME ELF [rvc] [SOURCE]: objdump's ".4byte" lines take, in order,
# the "# expect:" texts of SOURCE (for what binutils 2.40 does not know).
compare() {
    name=$1 elf=$2 rvc=$3 src=$4
    riscv64-linux-gnu-objdump -d -M no-aliases "$elf" > "$tmp/$name.objdump" || {
        echo "FAIL $name"; echo "  objdump failed"; return; }
    normalize "$tmp/$name.objdump" "$rvc" > "$tmp/$name.want"
    if [ -n "$src" ] && grep -q '	\.4byte	' "$tmp/$name.objdump"; then
        sed -n 's/.*# expect: //p' "$src" > "$tmp/$name.expect"
        awk 'NR == FNR { e[++n] = $0; next }
             / \.4byte / { if (++k <= n) { $0 = $1 " " e[k] } }
             { print } END { if (k != n) print "expectations used: " k " of " n }' \
            "$tmp/$name.expect" "$tmp/$name.want" > "$tmp/$name.want2"
        mv "$tmp/$name.want2" "$tmp/$name.want"
    fi
    if ! "$HART" --disas "$elf" > "$tmp/$name.hart" 2> "$tmp/$name.err"; then
        echo "FAIL $name"; echo "  hart --disas failed:"
        sed 's/^/  /' "$tmp/$name.err" | head -5; return
    fi
    normalize "$tmp/$name.hart" > "$tmp/$name.got"
    lines=$(wc -l < "$tmp/$name.want")
    if [ "$lines" -lt 10 ]; then
        echo "FAIL $name"; echo "  objdump listed only $lines lines"; return
    fi
    if cmp -s "$tmp/$name.want" "$tmp/$name.got"; then
        echo "PASS $name ($lines lines)"
    else
        echo "FAIL $name"
        echo "  objdump (<) and hart (>) differ in $(diff "$tmp/$name.want" "$tmp/$name.got" | grep -c '^[<>]') lines, first:"
        diff "$tmp/$name.want" "$tmp/$name.got" | grep '^[<>]' | head -8 | sed 's/^/  /'
    fi
}

build() { # build NAME SOURCE [as flags]: assemble and link at 0x10000
    name=$1 src=$2; shift 2
    riscv64-linux-gnu-as "$@" "$src" -o "$tmp/$name.o" &&
        riscv64-linux-gnu-ld -static -e _start -Ttext=0x10000 "$tmp/$name.o" -o "$tmp/$name"
}

if build all "$dir/all.S" -march=rv64gc_zba_zbb_zbs -mpriv-spec=1.12; then
    compare all "$tmp/all" "" "$dir/all.S"
    awk '{ print $2 }' "$tmp/all.got" 2>/dev/null |
        sed -E 's/\.(aq|rl|aqrl)$//' | sort -u > "$tmp/all.mnemonics"
    missing=$(sed -n 's/^RV_OP([A-Z0-9_]*, *"\([^"]*\)".*/\1/p' src/rv/isa.def |
              while read -r m; do
                  grep -qx "$m" "$tmp/all.mnemonics" || echo "$m"
              done)
    if [ -z "$missing" ]; then echo "PASS coverage"; else
        echo "FAIL coverage"; echo "  not in the listing of all.S:" $missing; fi
else
    echo "FAIL all"; echo "  all.S does not assemble"
fi

if build compressed "$dir/compressed.S" -march=rv64gc; then
    compare compressed "$tmp/compressed" rvc
else
    echo "FAIL compressed"; echo "  compressed.S does not assemble"
fi

if command -v riscv64-linux-gnu-gcc >/dev/null 2>&1 &&
   riscv64-linux-gnu-gcc -static -O2 -o "$tmp/primes" tests/guest/primes.c -lm 2>/dev/null; then
    compare primes "$tmp/primes" rvc
else
    echo "SKIP primes: cannot build a static riscv64 program"
fi
if riscv64-linux-gnu-gcc -O2 -o "$tmp/primes-dyn" tests/guest/primes.c -lm 2>/dev/null; then
    compare primes-dyn "$tmp/primes-dyn" rvc
else
    echo "SKIP primes-dyn: cannot build a dynamic riscv64 program"
fi
libm=/usr/riscv64-linux-gnu/lib/libm.so.6
if [ -e "$libm" ]; then
    compare libm "$libm" rvc
else
    echo "SKIP libm: no $libm"
fi

# Malformed files: exit status 1 and a one-line message, never a crash.
bad=0
printf '' > "$tmp/empty"
printf '\177ELF' > "$tmp/short"
head -c 4000 /dev/urandom > "$tmp/random"
head -c 100 "$tmp/primes" > "$tmp/truncated" 2>/dev/null || cp "$tmp/short" "$tmp/truncated"
for f in "$tmp/empty" "$tmp/short" "$tmp/random" "$tmp/truncated" "$tmp" /bin/sh \
         "$tmp/does-not-exist"; do
    "$HART" --disas "$f" > /dev/null 2> "$tmp/bad.err"
    rc=$?
    if [ $rc -ne 1 ] || [ "$(wc -l < "$tmp/bad.err")" -ne 1 ]; then
        [ $bad = 0 ] && echo "FAIL bad-files"
        bad=1
        echo "  $f: exit $rc, stderr:"; head -3 "$tmp/bad.err" | sed 's/^/    /'
    fi
done
[ $bad = 0 ] && echo "PASS bad-files"
exit 0
