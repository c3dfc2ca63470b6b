# The gawk row of bench/run.sh: text processing over the generated prose and
# log records (gencorpus text): field splitting, associative arrays, string
# functions (gsub, substr, toupper, sprintf), numeric sums, sorted output.
# Usage: gawk -f text.awk FILE; prints a summary.
$2 ~ /^(INFO|WARN|DEBUG|ERROR)$/ {
    level[$2]++
    split($3, p, /[][]/)
    proc[p[1]] += p[2]
    split($5, kv, "="); sum += kv[2]
    split($6, kv, "="); sum += kv[2]
    next
}
{
    line = tolower($0)
    n = gsub(/[^a-z]+/, " ", line)
    punct += n
    nw = split(line, w, " ")
    for (i = 1; i <= nw; i++) {
        freq[w[i]]++
        len[length(w[i])]++
    }
    if (NR % 40 == 0)
        sample = sample substr(toupper($0), 1, 12) sprintf("%04d|", NR % 9973)
}
END {
    PROCINFO["sorted_in"] = "@val_num_desc"
    k = 0
    for (x in freq) {
        if (++k > 10) break
        top = top " " x "=" freq[x]
    }
    PROCINFO["sorted_in"] = "@ind_str_asc"
    for (x in level) lv = lv " " x "=" level[x]
    for (l in len) lens = lens " " l ":" len[l]
    PROCINFO["sorted_in"] = "@val_num_desc"
    k = 0
    for (x in proc) {
        if (++k > 5) break
        busy = busy " " x "=" proc[x]
    }
    d = 0
    for (x in freq) d++
    printf "%d records, %d distinct words, %d separators, sum %.2f\n", NR, d, punct, sum
    print "top" top
    print "levels" lv
    print "lengths" lens
    print "busy" busy
    h = 0
    for (i = 1; i <= length(sample); i += 3) h = (h * 31 + index("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789|", substr(sample, i, 1))) % 1000003
    printf "sample %d chars, hash %d\n", length(sample), h
}
