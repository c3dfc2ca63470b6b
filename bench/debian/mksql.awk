# Writes the SQL of the sqlite3 row of bench/run.sh (run by the host's awk
# with -v items=N -v sales=N -v probes=N): in one transaction, N rows of
# items and sales inserted one statement at a time, an index, joins and
# aggregates, an update and a delete, then PROBES point queries. The numbers
# come from a 32-bit linear congruential generator whose products stay below
# 2^53, exact in awk's doubles; the host writes the file once for all three.
function rnd(m) {
    seed = (seed * 69069 + 1) % 4294967296
    return int(seed / 65536) % m
}
BEGIN {
    seed = 2024
    print "CREATE TABLE item(id INTEGER PRIMARY KEY, cat INTEGER, name TEXT, price REAL, qty INTEGER);"
    print "CREATE TABLE sale(id INTEGER PRIMARY KEY, item INTEGER, day INTEGER, n INTEGER, note TEXT);"
    print "BEGIN;"
    for (i = 1; i <= items; i++)
        printf "INSERT INTO item VALUES(%d, %d, 'item-%05d-%c%c', %d.%02d, %d);\n", i, rnd(40), rnd(100000),
            97 + rnd(26), 97 + rnd(26), 1 + rnd(500), rnd(100), rnd(1000)
    for (i = 1; i <= sales; i++)
        printf "INSERT INTO sale(item, day, n, note) VALUES(%d, %d, %d, '%s');\n", 1 + rnd(items), rnd(365),
            1 + rnd(20), rnd(4) ? "" : "gift wrap " rnd(1000)
    print "CREATE INDEX sale_item ON sale(item);"
    print "CREATE INDEX item_cat ON item(cat, price);"
    print "SELECT cat, count(*), printf('%.2f', sum(price * qty)) FROM item GROUP BY cat ORDER BY cat;"
    print "SELECT i.name, sum(s.n) AS t, count(*) FROM sale s JOIN item i ON i.id = s.item GROUP BY s.item ORDER BY t DESC, i.name LIMIT 10;"
    print "SELECT day, count(*), sum(n) FROM sale GROUP BY day ORDER BY 3 DESC, day LIMIT 5;"
    print "SELECT i.cat, printf('%.2f', avg(s.n * i.price)) FROM sale s JOIN item i ON i.id = s.item WHERE s.note LIKE 'gift%' GROUP BY i.cat ORDER BY 2 DESC LIMIT 5;"
    print "SELECT count(DISTINCT substr(name, 12)), max(length(name)), group_concat(DISTINCT substr(name, 12, 1)) FROM item;"
    print "UPDATE item SET price = round(price * 1.1, 2) WHERE cat % 3 = 0;"
    print "DELETE FROM sale WHERE n < 3;"
    print "SELECT count(*), sum(n), printf('%.2f', sum(n * (SELECT price FROM item WHERE id = item))) FROM sale;"
    for (i = 1; i <= probes; i++)
        printf "SELECT %d, count(*), coalesce(sum(n), 0) FROM sale WHERE item = %d AND day BETWEEN %d AND %d;\n",
            i, 1 + rnd(items), d = rnd(300), d + 60
    print "COMMIT;"
}
