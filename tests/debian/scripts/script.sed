# sed workout: substitutions with groups, ranges, hold space, y, line numbers.
1i\
--- start ---
s/^\(w0[0-4][0-9]\) \([0-9]*\)/[\2] \1/
/^w09/d
y/abc/ABC/
/Y/{
  s/Y/yes/
  s/$/ !/
}
50,60s/x/X/g
$a\
--- end ---
100q
