# python3 workout without processes or threads: json, re, hashlib, struct,
# decimal, fractions, collections, itertools, zlib, datetime, sqlite3.
import json, re, hashlib, struct, zlib, math, decimal, fractions, collections
import itertools, datetime, sqlite3, random, base64, io, csv, textwrap, heapq
words = open("words.txt").read().split("\n")
c = collections.Counter(l.split()[0] for l in words if l)
print("top", c.most_common(3))
data = {"name": "hart", "list": [1, 2.5, None, True], "nested": {"k": "v\u00e9"}}
s = json.dumps(data, sort_keys=True)
print(s, json.loads(s) == data)
print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))
m = re.findall(r"(w0\d\d) (\d+) Y", "\n".join(words[:40]))
print("re", len(m), m[:3])
print(re.sub(r"(?P<a>\w)(\w*)", lambda x: x.group(2) + x.group("a") + "ay", "pig latin works"))
for algo in ("md5", "sha1", "sha256", "sha512", "blake2b", "sha3_256"):
    print(algo, hashlib.new(algo, b"hello world").hexdigest()[:32])
big = open("big.txt", "rb").read()
print("sha256 big", hashlib.sha256(big).hexdigest())
z = zlib.compress(big, 9)
print("zlib", len(z), zlib.crc32(big), zlib.decompress(z) == big)
print("struct", struct.pack("<iqd3s", -2, 2**40, 1.5, b"ab").hex(), struct.unpack(">HI", b"\x01\x02\x03\x04\x05\x06"))
decimal.getcontext().prec = 40
print("decimal", decimal.Decimal(1) / decimal.Decimal(7), decimal.Decimal(2).sqrt())
print("fraction", sum(fractions.Fraction(1, n) for n in range(1, 20)))
print("math", math.factorial(30), math.gcd(2**40, 6**20), math.isqrt(10**30), f"{math.pi:.12f}", f"{math.e ** 10:.6e}")
print("float", 0.1 + 0.2, 1e308 * 10, -0.0, float("nan") != float("nan"), (2.5).hex(), round(2.675, 2))
print("int", 3**100, (-7) // 2, (-7) % 2, int("ff", 16), bin(2**20 - 1).count("1"))
print("itertools", list(itertools.permutations("abc", 2))[:4], list(itertools.accumulate(range(6))))
d = datetime.datetime(2024, 2, 29, 12, 30, tzinfo=datetime.timezone.utc)
print("date", d.isoformat(), (d + datetime.timedelta(days=366)).strftime("%A %d %B %Y"), d.timestamp())
random.seed(1234)
print("random", [random.randint(0, 100) for _ in range(5)], f"{random.random():.10f}")
db = sqlite3.connect(":memory:")
db.execute("create table t(id integer primary key, name text, score real)")
db.executemany("insert into t(name, score) values (?, ?)", [(f"n{i}", i * 1.5) for i in range(100)])
print("sqlite", db.execute("select count(*), sum(score), max(name) from t where id % 3 = 0").fetchone(), sqlite3.sqlite_version)
print("b64", base64.b64encode(b"\x00\xffhart").decode(), base64.b32encode(b"hart").decode())
buf = io.StringIO(); w = csv.writer(buf); w.writerow(["a,b", 'q"uote', 3]); print("csv", buf.getvalue().strip())
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, 30))
h = [5, 1, 8, 3, 9, 2]; heapq.heapify(h); print("heap", [heapq.heappop(h) for _ in range(3)])
print("sorted", sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print("unicode", "straße".upper(), "ǅ".lower(), len("😀"), "😀".encode("utf-16-le").hex())
class P:
    __slots__ = ("x",)
    def __init__(s, x): s.x = x
    def __repr__(s): return f"P({s.x!r})"
print("class", [P(i) for i in range(3)], sum(i * i for i in range(10**5)))
