-- sqlite3 workout: tables, recursive CTEs, aggregates, window functions,
-- json, strings, dates (fixed), indexes, transactions.
.mode list
.separator |
create table n(x integer primary key, sq integer, name text);
with recursive c(i) as (select 1 union all select i + 1 from c where i < 1000)
insert into n select i, i * i, printf('item%04d', i) from c;
create index n_sq on n(sq);
select count(*), sum(x), avg(sq), min(name), max(name) from n;
select x % 7 as k, count(*), sum(sq) from n group by k order by k;
select name, x, sum(x) over (order by x rows between 2 preceding and current row) from n where x <= 6;
select x, rank() over (order by x % 3, x desc) from n where x < 8 order by x;
select json_object('a', 1, 'b', json_array(1, 2.5, 'x', null));
select json_extract('{"k":{"v":[10,20,30]}}', '$.k.v[1]');
select upper('hart'), length('héllo'), substr('abcdef', 2, 3), replace('a-b-c', '-', '+'), hex('AB'), instr('haystack', 'st');
select date('2024-02-28', '+1 day'), datetime(1700000000, 'unixepoch'), strftime('%j', '2024-12-31');
select printf('%.10f %e %5d|%-5s|', 3.14159265358979, 12345.678, 42, 'ab');
select 1e308 * 10, -7 / 2, -7 % 2, 7 / 2.0, cast('12abc' as integer), 9223372036854775807 + 0;
begin; update n set name = 'changed' where x = 1; rollback;
select name from n where x = 1;
select group_concat(x, ',') from (select x from n where sq between 100 and 400 order by x);
explain query plan select * from n where sq = 49;
select total(x) from n where name like 'item00%';
select typeof(1), typeof(1.0), typeof('a'), typeof(x'00'), typeof(null);
