#!/bin/sh
# The x86-64 encoder, byte for byte against GNU as. tools/x64_selftest
# prints "group<TAB>intel text<TAB>our hex bytes" for tens of thousands of
# encoder calls; this assembles the text column (each instruction between two
# labels whose distance goes to a side section, so instructions of any length
# can be cut apart again), and compares. One PASS/FAIL line per group, with
# the first mismatches under a FAIL.
tool=${BUILD:-o/asan}/tools/x64_selftest
for t in as objcopy od awk; do
    command -v $t >/dev/null 2>&1 || { echo "SKIP x64-as: $t not installed (binutils)"; exit 0; }
done
[ -x "$tool" ] || { echo "FAIL x64-selftest: $tool not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$tool" > "$tmp/cases.tsv" 2> "$tmp/tool.err"; then
    echo "FAIL x64-selftest: the generator failed"
    sed 's/^/  /' "$tmp/tool.err" | head -20
    exit 0
fi
awk -F'\t' 'BEGIN { print ".intel_syntax noprefix"; print ".text" }
    { printf ".Lb%d: %s\n.Le%d: .pushsection .lens,\"a\"; .short .Le%d-.Lb%d; .popsection\n",
             NR, $2, NR, NR, NR }' "$tmp/cases.tsv" > "$tmp/cases.s"
if ! as --64 -o "$tmp/cases.o" "$tmp/cases.s" 2> "$tmp/as.err"; then
    echo "FAIL x64-as: GNU as rejected some instructions"
    # "cases.s:LINE: Error: ..."; case i is on line 2*i + 1.
    grep -m 20 'Error' "$tmp/as.err" | while IFS= read -r line; do
        n=$(echo "$line" | sed -n 's/^[^:]*:\([0-9]*\):.*/\1/p')
        echo "  $line"
        [ -n "$n" ] && echo "    $(sed -n "${n}p" "$tmp/cases.s")"
    done
    exit 0
fi
objcopy -O binary -j .text "$tmp/cases.o" "$tmp/text.bin" &&
    objcopy -O binary -j .lens "$tmp/cases.o" "$tmp/lens.bin" || {
    echo "FAIL x64-objcopy"; exit 0; }
od -An -v -tx1 "$tmp/text.bin" > "$tmp/bytes.txt"
od -An -v -tu2 "$tmp/lens.bin" > "$tmp/lens.txt"

awk -F'\t' -v LENS="$tmp/lens.txt" -v BYTES="$tmp/bytes.txt" '
BEGIN {
    while ((getline x < LENS) > 0)
        for (i = 1; i <= split(x, a, " "); i++) len[++nlen] = a[i]
    while ((getline x < BYTES) > 0)
        for (i = 1; i <= split(x, a, " "); i++) byte[++nbyte] = a[i]
    pos = 1
}
{
    want = ""
    for (k = 0; k < len[NR]; k++) want = want byte[pos + k]
    pos += len[NR]
    g = $1
    if (!(g in total)) order[++ng] = g
    total[g]++
    if (want != $3 && ++bad[g] <= 12)
        msg[g] = msg[g] sprintf("  %s\n    ours %s\n    as   %s\n", $2, $3, want)
}
END {
    for (i = 1; i <= ng; i++) {
        g = order[i]
        if (bad[g]) {
            printf "FAIL x64-%s\n%s", g, msg[g]
            printf "  %d of %d instructions differ\n", bad[g], total[g]
        } else
            printf "PASS x64-%s\n", g
    }
    if (nlen != NR || pos - 1 != nbyte)
        printf "FAIL x64-layout\n  %d cases, %d lengths, %d of %d bytes used\n", NR, nlen, pos - 1, nbyte
}' "$tmp/cases.tsv"
