# gawk workout over words.txt: arrays, sorting, printf, math, gensub,
# bit operations, string functions, a deterministic rand().
{
    count[$1]++; sum[$1] += $2; total += $2
    if ($3 ~ /^Y/) ys++
    len[length($3)]++
}
END {
    n = asorti(count, keys)
    for (i = 1; i <= 5; i++) printf "%s %d %.3f\n", keys[i], count[keys[i]], sum[keys[i]] / count[keys[i]]
    printf "records %d total %d ys %d distinct %d\n", NR, total, ys, n
    for (l in len) out = out sprintf("%d:%d ", l, len[l])
    print "lengths (unordered count):", split(out, tmp, " ")
    printf "%.6f %.6f %.6f %.6f\n", sin(1), exp(2.5), log(10), atan2(1, 2)
    printf "%d %d %d %d\n", and(0xF0F0, 0x3C3C), or(5, 10), xor(255, 15), lshift(1, 40)
    print gensub(/([a-z]+)-([0-9]+)/, "\\2:\\1", "g", "abc-12 def-345")
    print toupper("mixed Case"), index("haystack", "st"), substr("substring", 4, 3)
    srand(42); r = ""; for (i = 0; i < 5; i++) r = r int(rand() * 100) " "; print "rand", r
    print strftime("%Y-%m-%d %H:%M:%S", 1700000000, 1)
    printf "%5.2e|%-8s|%08.3f|%c|%x\n", 12345.678, "left", -3.14159, 65, 48879
    m = split("3 1 4 1 5 9 2 6 5 3 5", a, " "); asort(a)
    s = ""; for (i = 1; i <= m; i++) s = s a[i]; print "sorted", s
}
