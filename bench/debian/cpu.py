# The python3 row of bench/run.sh: interpreter-heavy work in four parts,
# the same algorithms as cpu.lua: n-body integration (floating point,
# attribute access), fannkuch (small integer lists), string building
# (concatenation, formatting, join) and a word-count dict.
# Usage: python3 cpu.py SCALE; prints one line per part.
import math
import sys


class Body:
    __slots__ = ("x", "y", "z", "vx", "vy", "vz", "m")

    def __init__(self, x, y, z, vx, vy, vz, m):
        days, solar = 365.24, 4 * math.pi * math.pi
        self.x, self.y, self.z = x, y, z
        self.vx, self.vy, self.vz = vx * days, vy * days, vz * days
        self.m = m * solar


def nbody(steps):
    solar = 4 * math.pi * math.pi
    b = [
        Body(0, 0, 0, 0, 0, 0, 1),
        Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
             1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
             9.54791938424326609e-04),
        Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
             -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
             2.85885980666130812e-04),
        Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
             2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
             4.36624404335156298e-05),
        Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
             2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
             5.15138902046611451e-05),
    ]
    px = py = pz = 0.0
    for bi in b:
        px += bi.vx * bi.m
        py += bi.vy * bi.m
        pz += bi.vz * bi.m
    b[0].vx, b[0].vy, b[0].vz = -px / solar, -py / solar, -pz / solar
    pairs = [(b[i], b[j]) for i in range(len(b)) for j in range(i + 1, len(b))]

    def energy():
        e = 0.0
        for bi in b:
            e += 0.5 * bi.m * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz)
        for bi, bj in pairs:
            dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
            e -= bi.m * bj.m / math.sqrt(dx * dx + dy * dy + dz * dz)
        return e

    e0 = energy()
    dt = 0.01
    for _ in range(steps):
        for bi, bj in pairs:
            dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            bm, bjm = bi.m * mag, bj.m * mag
            bi.vx -= dx * bjm
            bi.vy -= dy * bjm
            bi.vz -= dz * bjm
            bj.vx += dx * bm
            bj.vy += dy * bm
            bj.vz += dz * bm
        for bi in b:
            bi.x += dt * bi.vx
            bi.y += dt * bi.vy
            bi.z += dt * bi.vz
    return "nbody %d: %.9f %.9f" % (steps, e0, energy())


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    maxflips = checksum = permcount = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        maxflips = max(maxflips, flips)
        checksum += flips if permcount % 2 == 0 else -flips
        while True:
            if r == n:
                return "fannkuch %d: %d %d" % (n, checksum, maxflips)
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permcount += 1


seed = 12345


def rand(m):
    """The 31-bit linear congruential generator of cpu.lua."""
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % m


def strings(lines):
    parts, total = [], 0
    for i in range(1, lines + 1):
        s = ""
        for j in range(1, 9):
            s += "%x-" % ((i * 31 + j * 7) % 4093)
        s = s.upper() + str(i)
        total += len(s) + len("ab" * (i % 5))
        parts.append(s[2:12])
    joined = ",".join(parts)
    h = 0
    for k in range(0, len(joined), 7):
        h = (h * 33 + ord(joined[k])) % 1000000007
    return "strings %d: %d %d %d" % (lines, total, len(joined), h)


def words(n):
    syl = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "ve", "zu", "an", "or"]
    counts = {}
    for _ in range(n):
        w = syl[rand(12)] + syl[rand(12)]
        if rand(3) == 0:
            w += syl[rand(12)]
        counts[w] = counts.get(w, 0) + 1
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    return "words %d: %d %s=%d %s=%d %s=%d" % (
        n, len(counts), keys[0], counts[keys[0]], keys[1], counts[keys[1]],
        keys[-1], counts[keys[-1]])


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(nbody(int(40000 * scale)))
for _ in range(int(4 * scale)):
    print(fannkuch(8))
print(strings(int(30000 * scale)))
print(words(int(500000 * scale)))
