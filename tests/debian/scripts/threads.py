# python3 threads: a lock-protected counter, a queue of work, conditions,
# a thread pool, thread-local data.
import threading, queue, concurrent.futures, hashlib
counter = 0
lock = threading.Lock()
def bump(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=bump, args=(20000,)) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)
q = queue.Queue(); results = queue.Queue()
def worker():
    while True:
        item = q.get()
        if item is None: break
        results.put((item, hashlib.sha256(str(item).encode()).hexdigest()[:8]))
ws = [threading.Thread(target=worker) for _ in range(4)]
for w in ws: w.start()
for i in range(200): q.put(i)
for w in ws: q.put(None)
for w in ws: w.join()
out = sorted(results.get() for _ in range(200))
print("queue", len(out), out[:2], out[-1])
cond = threading.Condition(); state = {"turn": 0}; log = []
def player(me, n):
    for _ in range(n):
        with cond:
            cond.wait_for(lambda: state["turn"] == me)
            log.append(me); state["turn"] = 1 - me; cond.notify_all()
a = threading.Thread(target=player, args=(0, 50)); b = threading.Thread(target=player, args=(1, 50))
a.start(); b.start(); a.join(); b.join()
print("pingpong", len(log), "".join(map(str, log[:10])))
with concurrent.futures.ThreadPoolExecutor(max_workers=6) as ex:
    print("pool", sum(ex.map(lambda x: x * x, range(1000))))
local = threading.local()
def setlocal(v, out):
    local.v = v; out.append(local.v)
vals = []; tl = [threading.Thread(target=setlocal, args=(i, vals)) for i in range(5)]
for t in tl: t.start()
for t in tl: t.join()
print("local", sorted(vals), hasattr(local, "v"))
ev = threading.Event(); threading.Timer(0.05, ev.set).start(); print("event", ev.wait(10))
bar = threading.Barrier(3); hits = []
def at_bar(i): bar.wait(); hits.append(i)
bt = [threading.Thread(target=at_bar, args=(i,)) for i in range(3)]
for t in bt: t.start()
for t in bt: t.join()
print("barrier", sorted(hits), threading.active_count())
