-- The lua5.4 row of bench/run.sh: interpreter-heavy work in four parts,
-- the same algorithms and sizes as cpu.py: n-body integration (floating
-- point, table fields), fannkuch (small integer arrays), string building
-- (concatenation, formatting, table.concat) and a word-count hash table.
-- Usage: lua5.4 cpu.lua SCALE; prints one line per part.
local scale = tonumber(arg[1]) or 1

local function nbody(steps)
  local pi, days = math.pi, 365.24
  local solar = 4 * pi * pi
  local function body(x, y, z, vx, vy, vz, m)
    return {x = x, y = y, z = z, vx = vx * days, vy = vy * days, vz = vz * days, m = m * solar}
  end
  local b = {
    body(0, 0, 0, 0, 0, 0, 1),
    body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
         9.54791938424326609e-04),
    body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
         2.85885980666130812e-04),
    body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
         4.36624404335156298e-05),
    body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
         5.15138902046611451e-05),
  }
  local n = #b
  local px, py, pz = 0, 0, 0
  for i = 1, n do
    px = px + b[i].vx * b[i].m; py = py + b[i].vy * b[i].m; pz = pz + b[i].vz * b[i].m
  end
  b[1].vx = -px / solar; b[1].vy = -py / solar; b[1].vz = -pz / solar
  local function energy()
    local e = 0
    for i = 1, n do
      local bi = b[i]
      e = e + 0.5 * bi.m * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz)
      for j = i + 1, n do
        local bj = b[j]
        local dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
        e = e - bi.m * bj.m / math.sqrt(dx * dx + dy * dy + dz * dz)
      end
    end
    return e
  end
  local e0 = energy()
  local dt = 0.01
  for _ = 1, steps do
    for i = 1, n do
      local bi = b[i]
      for j = i + 1, n do
        local bj = b[j]
        local dx, dy, dz = bi.x - bj.x, bi.y - bj.y, bi.z - bj.z
        local d2 = dx * dx + dy * dy + dz * dz
        local mag = dt / (d2 * math.sqrt(d2))
        local bm, bjm = bi.m * mag, bj.m * mag
        bi.vx = bi.vx - dx * bjm; bi.vy = bi.vy - dy * bjm; bi.vz = bi.vz - dz * bjm
        bj.vx = bj.vx + dx * bm; bj.vy = bj.vy + dy * bm; bj.vz = bj.vz + dz * bm
      end
    end
    for i = 1, n do
      local bi = b[i]
      bi.x = bi.x + dt * bi.vx; bi.y = bi.y + dt * bi.vy; bi.z = bi.z + dt * bi.vz
    end
  end
  return string.format("nbody %d: %.9f %.9f", steps, e0, energy())
end

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 0, n - 1 do perm1[i] = i end
  local maxflips, checksum, r, permcount = 0, 0, n, 0
  while true do
    while r ~= 1 do count[r - 1] = r; r = r - 1 end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips, k = 0, perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do perm[i], perm[j] = perm[j], perm[i]; i = i + 1; j = j - 1 end
      flips = flips + 1
      k = perm[0]
    end
    if flips > maxflips then maxflips = flips end
    checksum = checksum + (permcount % 2 == 0 and flips or -flips)
    while true do
      if r == n then
        return string.format("fannkuch %d: %d %d", n, checksum, maxflips)
      end
      local p0 = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = p0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end

-- A 31-bit linear congruential generator, so both scripts draw the same numbers.
local seed = 12345
local function rand(m)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % m
end

local function strings(lines)
  local parts, total = {}, 0
  for i = 1, lines do
    local s = ""
    for j = 1, 8 do s = s .. string.format("%x-", (i * 31 + j * 7) % 4093) end
    s = string.upper(s) .. tostring(i)
    total = total + #s + #string.rep("ab", i % 5)
    parts[#parts + 1] = string.sub(s, 3, 12)
  end
  local joined = table.concat(parts, ",")
  local h = 0
  for k = 1, #joined, 7 do h = (h * 33 + string.byte(joined, k)) % 1000000007 end
  return string.format("strings %d: %d %d %d", lines, total, #joined, h)
end

local function words(n)
  local syl = {"ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "ve", "zu", "an", "or"}
  local counts, distinct = {}, 0
  for _ = 1, n do
    local w = syl[rand(12) + 1] .. syl[rand(12) + 1]
    if rand(3) == 0 then w = w .. syl[rand(12) + 1] end
    local c = counts[w]
    if c == nil then distinct = distinct + 1; counts[w] = 1 else counts[w] = c + 1 end
  end
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  return string.format("words %d: %d %s=%d %s=%d %s=%d", n, distinct,
    keys[1], counts[keys[1]], keys[2], counts[keys[2]], keys[#keys], counts[keys[#keys]])
end

print(nbody(math.floor(40000 * scale)))
for _ = 1, math.floor(4 * scale) do print(fannkuch(8)) end
print(strings(math.floor(30000 * scale)))
print(words(math.floor(500000 * scale)))
