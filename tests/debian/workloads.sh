# shellcheck shell=bash disable=SC2016,SC2034
# The workloads of the Debian-program suites (sourced by run.sh and full.sh
# after lib.sh). deb_quick_workloads uses only DEB_QUICK_PACKAGES and runs
# one program per workload (no fork or exec needed); deb_full_workloads
# needs every package of DEB_FULL_PACKAGES. Inputs are the files deb_data
# makes and the scripts in tests/debian/scripts/ (as s/...).

DEB_QUICK_PACKAGES="busybox dash coreutils grep sed gawk bc gzip"
DEB_FULL_PACKAGES="busybox bash dash coreutils grep sed gawk findutils tar
    xz-utils zstd gzip bzip2 lua5.4 perl python3 sqlite3 bc gcc libc6-dev"

deb_quick_workloads() {
    # busybox applets
    deb_run bb-sort busybox sort words.txt
    deb_run bb-sort-keys busybox sort -t ' ' -k2,2n -k1,1r words.txt
    deb_run bb-uniq busybox uniq -c sorted.txt
    deb_run bb-wc busybox wc words.txt big.txt
    deb_run bb-md5sum busybox md5sum big.txt words.txt
    deb_run bb-sha256sum busybox sha256sum big.txt zeros.txt
    deb_run bb-tr -i words.txt busybox tr a-z A-Z
    deb_run bb-cut busybox cut -d ' ' -f 1,3 words.txt
    deb_run bb-seq busybox seq 1 3 1000
    deb_run bb-expr busybox expr 12345 '*' 6789 + 3
    deb_run bb-awk busybox awk '{ s += $2; c[$1]++ } END { print s, NR, length(c) }' words.txt
    deb_run bb-sed busybox sed -n 's/^w01\([0-9]\)/X\1/p' words.txt
    deb_run bb-grep busybox grep -c -E 'w0[12][0-9] [0-9]+ Y' words.txt
    deb_run bb-od busybox od -A x -t x1 -N 64 big.txt
    # dash without children
    deb_run dash-loop dash -c 'i=0 s=0; while [ $i -lt 20000 ]; do i=$((i + 1)); s=$((s + i * i % 7)); done; echo $i $s'
    # coreutils
    deb_run cu-sort sort -t ' ' -k2,2n -k1,1 words.txt
    deb_run cu-uniq uniq -c sorted.txt
    deb_run cu-wc wc -l -w -c words.txt big.txt
    deb_run cu-sha256sum sha256sum big.txt words.txt zeros.txt
    deb_run cu-b2sum b2sum big.txt
    deb_run cu-factor factor 1234567890123 600851475143 18446744073709551557
    deb_run cu-printf printf '%08.3f|%-6s|%x|%e|%g\n' 3.14159 ab 255 12345.678 0.0001
    deb_run cu-date date -u -d @1700000000 '+%F %T %A %j %s %z'
    # grep, sed, gawk, bc, gzip
    deb_run grep-E grep -E -n 'w0(1[0-9]|2[0-5]) [0-9]{3} Y' words.txt
    deb_run grep-P grep -o -P '(?<=w0)\d{2}(?= 9\d\d)' words.txt
    deb_run sed-script sed -f s/script.sed words.txt
    deb_run sed-E sed -E 's/^(w[0-9]+) ([0-9]+)/\2 \1/; s/x+/X/g' words.txt
    deb_run gawk-prog gawk -f s/prog.awk words.txt
    deb_run gawk-csv gawk -F, '{ s += $3; printf "%-8s %3d\n", $2, $3 } END { print s }' fruit.csv
    deb_run bc-l bc -l s/calc.bc
    deb_run gzip-c gzip -9 -n -c big.txt
}

deb_full_workloads() {
    # more busybox applets
    deb_run bb-sha1-512 busybox sh -c 'busybox sha1sum big.txt; busybox sha512sum words.txt'
    deb_run bb-base64 busybox base64 words.txt
    deb_run bb-printf busybox printf '%05d %s %x %o\n' 42 abc 255 8
    deb_run bb-tail busybox tail -n 5 words.txt
    deb_run bb-gzip busybox gzip -c big.txt
    deb_run bb-zcat busybox zcat big.txt.gz
    deb_run bb-bzcat busybox bzcat big.txt.bz2
    deb_run bb-xzcat busybox xzcat big.txt.xz
    deb_run bb-tar-t busybox tar -tvf tree.tar
    deb_run bb-ash busybox sh s/posix.sh
    # shells: scripts with loops, functions, here-documents, subshells and
    # pipelines (these fork and exec)
    deb_run dash-posix dash s/posix.sh
    deb_run bash-posix bash s/posix.sh
    deb_run bash-features bash s/bash.bash
    # The last stage reads all its input: with head, whether sort dies of
    # SIGPIPE (141 in PIPESTATUS) depends on timing, natively too.
    deb_run bash-pipeline bash -c 'sort -k2,2n words.txt | uniq -c -w4 | sort -rn | awk "NR <= 3"; echo "${PIPESTATUS[*]}"'
    # coreutils
    deb_run cu-sort-u sort -u -k1,1 words.txt
    deb_run cu-sort-threads sort --parallel=2 -S 1M -k3 -r big.txt
    deb_run cu-md5sum md5sum big.txt words.txt
    deb_run cu-sha512sum sha512sum big.txt
    deb_run cu-cut-tr sh -c 'cut -d " " -f 2 words.txt | tr -s "0-4" "#" | head -20'
    deb_run cu-seq seq -f '%.3f' 0 0.25 3
    deb_run cu-numfmt numfmt --to=iec 1 1023 1048576 123456789 9999999999
    deb_run cu-od od -A d -t x2 -N 48 big.txt
    deb_run cu-base32 base32 greek.txt
    deb_run cu-join join fruit.txt colors.txt
    deb_run cu-paste paste -d , greek.txt colors.txt
    deb_run cu-comm comm -3 sorted-greek.txt sorted.txt
    deb_run cu-fold fold -w 17 greek.txt
    deb_run cu-fmt fmt -w 30 big.txt
    deb_run cu-nl-tac sh -c 'nl -ba greek.txt | tac'
    deb_run cu-expr expr 2 '*' 3 + 4 '>' 5
    deb_run cu-dd dd if=big.txt bs=1k count=3 skip=2 conv=ucase status=none
    deb_run cu-shuf shuf --random-source=big.txt -n 5 greek.txt
    deb_run cu-ls ls -lnR --time-style=+%F tree
    deb_run cu-stat stat -c '%n %s %a %F %h' tree/d1/a1.c tree/d2/link.c tree/d3 tree/empty
    deb_run cu-split sh -c 'split -n 3 -d big.txt part. && wc -c part.* && cat part.* | sha256sum && sha256sum < big.txt'
    deb_run cu-env env
    deb_run cu-cp-mv sh -c 'cp -r tree t2 && mv t2/d1 t2/moved && rm -r t2/d2 && ls t2 && find t2 -type f | sort | xargs cat | wc -c'
    # grep, sed, gawk
    deb_run grep-civ grep -c -v -i 'y' words.txt
    deb_run grep-o grep -o -E '[a-h]{5,}' words.txt
    deb_run grep-F grep -F -w -e alpha -e eta greek.txt
    deb_run grep-r sh -c 'grep -r -n file tree | sort'
    deb_run sed-n sed -n '/^w00[0-5]/{=;p}' words.txt
    deb_run sed-i sh -c 'sed -i.bak "s/a/A/g; 3d" greek.txt && cat greek.txt greek.txt.bak'
    deb_run gawk-M gawk -M 'BEGIN { x = 1; for (i = 1; i <= 60; i++) x *= i; print x; print 2^200 }'
    deb_run gawk-big gawk '{ a[$2] += $3; n[$2]++ } END { printf "%d %.4f %.4f\n", length(a), a["heads"], a["tails"] / n["tails"] }' big.txt
    # find over the generated tree
    deb_run find-name sh -c 'find tree -name "*.c" | sort'
    deb_run find-link find tree -type l -printf '%p -> %l\n'
    deb_run find-size sh -c 'find tree -type f -size +2k -printf "%s %p\n" | sort -n'
    deb_run find-perm sh -c 'find tree -perm -u+x -type f | sort'
    deb_run find-exec sh -c 'find tree -name "*.sh" -exec sh {} \; | sort'
    deb_run find-newer sh -c 'find tree -newermt 2024-01-01 -type d -printf "%d %p %TY\n" | sort'
    deb_run find-xargs sh -c 'find tree -type f -print0 | sort -z | xargs -0 md5sum'
    # compressors and tar: bytes out, bytes back, and round trips
    deb_run xz-c xz -T1 -6 -c big.txt
    deb_run xz-threads xz -T2 --block-size=200000 -c big.txt
    deb_run xz-d xz -dc big.txt.xz
    deb_run zstd-c zstd -q -19 -c big.txt
    deb_run zstd-threads zstd -q -T2 -3 -c big.txt
    deb_run zstd-d zstd -q -dc big.txt.zst
    deb_run bzip2-c bzip2 -9 -c big.txt
    deb_run bzip2-d bzip2 -dc big.txt.bz2
    deb_run gzip-d gzip -dc big.txt.gz
    deb_run tar-c tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf - tree
    deb_run tar-t tar -tvf tree.tar
    local c
    for c in -J -z -j --zstd; do
        deb_run "tar-roundtrip$c" sh -c "tar $c -cf t.ar tree && mkdir x && tar $c -xf t.ar -C x &&
            cd x && find . -type f -exec sha256sum {} + | sort && find . -type l | sort"
    done
    deb_run compress-chain sh -c 'gzip -c big.txt | bzip2 | xz | zstd -q | zstd -dq | xz -d | bzip2 -d | gzip -d | sha256sum'
    # gcc: the driver runs cc1, as, collect2 and ld (big programs, with much
    # code that runs only a few times), then the program it made runs
    deb_run gcc-build sh -c 'gcc -O2 -Wall -o prog s/prog.c -lm && ./prog 20000'
    # lua5.4
    deb_run lua-script lua5.4 s/test.lua
    deb_run lua-e lua5.4 -e 'local t = {} for i = 1, 100000 do t[i] = i % 13 end local s = 0 for _, v in ipairs(t) do s = s + v end print(s, string.format("%.14g", 2^0.5))'
    # perl
    deb_run perl-script perl s/test.pl
    deb_run perl-procs perl s/procs.pl
    deb_run perl-lane perl -lane '$s{$F[0]} += $F[1]; END { print "$_ $s{$_}" for (sort keys %s)[0 .. 4] }' words.txt
    # python3
    deb_run py-basics python3 s/basics.py
    deb_run py-threads python3 s/threads.py
    deb_run py-subprocess python3 s/subproc.py
    deb_run py-signals python3 s/signals.py
    deb_run py-sockets python3 s/sockets.py
    deb_run py-multiprocessing python3 s/mproc.py
    deb_run py-stdin -i fruit.csv python3 -c 'import sys, json; print(json.dumps([l.strip().split(",") for l in sys.stdin]))'
    # sqlite3
    deb_run sqlite-memory -i s/queries.sql sqlite3 :memory:
    deb_run sqlite-file sh -c 'sqlite3 t.db < s/queries.sql > /dev/null && sqlite3 t.db "select count(*), sum(sq) from n; pragma integrity_check;"'
    # bc
    deb_run bc-pi -i pi.bc bc -l
}

# Inputs made from the generated files by the amd64 sysroot's own tools
# (compressed files, a tar file): the same bytes for both sides.
deb_data_extra() {
    LC_ALL=C sort words.txt > sorted.txt
    LC_ALL=C sort greek.txt > sorted-greek.txt
    tr , ' ' < fruit.csv > fruit.txt
    printf 'scale = 300\n4 * a(1)\nl(10)\n' > pi.bc
    local t
    for t in "gzip -9 -n -c" "bzip2 -c" "xz -T1 -c" "zstd -q -c"; do
        # shellcheck disable=SC2086
        set -- $t
        [ -x "$AMD/usr/bin/$1" ] || continue
        case $1 in gzip) ext=gz ;; bzip2) ext=bz2 ;; xz) ext=xz ;; zstd) ext=zst ;; esac
        deb_amd "$@" big.txt > "big.txt.$ext" || return 1
    done
    if [ -x "$AMD/usr/bin/tar" ]; then
        deb_amd tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
            -cf - tree > tree.tar || return 1
    fi
}
