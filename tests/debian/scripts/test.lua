-- lua5.4 workout: tables, closures, coroutines, string library, integers
-- and floats, metatables, error handling, utf8, sorting.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter(); c(); c()
print("closure", c())
local t = {}
for i = 1, 10 do t[#t + 1] = i * i end
print("table", #t, table.concat(t, ","))
table.sort(t, function(a, b) return a > b end)
print("sorted", t[1], t[10])
local co = coroutine.create(function(a, b)
  local x = coroutine.yield(a + b)
  local y = coroutine.yield(x * 2)
  return y .. "!"
end)
print("co", coroutine.resume(co, 1, 2))
print("co", coroutine.resume(co, 10))
print("co", coroutine.resume(co, "end"))
print("status", coroutine.status(co))
print(string.format("%5.2f %d %s %q %x", math.pi, 42, "str", "a\nb", 255))
print(("hello world"):gsub("o", "0"), ("abc"):rep(3, "-"), ("Lua"):upper())
for w in string.gmatch("one two three", "%a+") do io.write(w:len(), " ") end
print()
print(string.find("key=value", "(%w+)=(%w+)"))
print(math.maxinteger, math.mininteger, 7 // 2, 7.0 // 2, 7 % -3, 2^53, 1e300 * 1e10)
print(math.type(1), math.type(1.0), math.tointeger(3.0), 10 / 4, 3 | 5, 6 & 3, 1 << 62)
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
V.__tostring = function(v) return "V(" .. v.x .. ")" end
local v = setmetatable({x = 1}, V) + setmetatable({x = 2}, V)
print("meta", tostring(v))
local okc, e = pcall(function() error({code = 7}) end)
print("pcall", okc, type(e), e.code)
local ok, err = pcall(function() local z = nil; return z.field end)
print("error", ok, (err:gsub("^.-:%d+: ", "")))
print("utf8", utf8.len("h\u{e9}llo"), utf8.char(72, 228, 8364))
local fib = {}
local function f(n) if n < 3 then return 1 end; if fib[n] then return fib[n] end
  local r = f(n - 1) + f(n - 2); fib[n] = r; return r end
print("fib", f(90))
local s = 0
for i = 1, 3000000 do s = s + i % 7 end
print("loop", s)
print(string.pack and #string.pack("i4 d s1", 1, 2.5, "xy"))
print(os.time({year = 2024, month = 1, day = 2, hour = 3, min = 4, sec = 5}))
print(os.date("!%Y-%m-%d %H:%M:%S", 1700000000))
