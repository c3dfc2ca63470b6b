# python3 multiprocessing: pools (fork and spawn), queues, shared values
# under a lock.
import multiprocessing

def square(x):
    return x * x

def add(v, lk):
    for _ in range(500):
        with lk:
            v.value += 1

if __name__ == "__main__":
    for method in ("fork", "spawn"):
        ctx = multiprocessing.get_context(method)
        with ctx.Pool(3) as pool:
            print("pool", method, sum(pool.map(square, range(100))))
    q = multiprocessing.Queue()
    pr = multiprocessing.Process(target=q.put, args=("via queue",))
    pr.start(); print("process", q.get(timeout=30)); pr.join(); print("exitcode", pr.exitcode)
    v = multiprocessing.Value("i", 0); lk = multiprocessing.Lock()
    ps = [multiprocessing.Process(target=add, args=(v, lk)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print("shared value", v.value)
