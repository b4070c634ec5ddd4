# cpu_threads.py: do two CPU-bound threads take longer than doing the same work in sequence?
# Runs under CPython and Toy alike (python3 / ./toy benchmarks/gil/cpu_threads.py).
# Each round times: "seq" - work(N) twice in the main thread, as samples/gil_cpu_threads.toy
# does; "one" - the same two calls in one started thread (the same entry path as the threaded
# case, so JIT differences between the main frame and a thread's frame cancel out); "two" -
# two threads doing work(N) each. Prints one line per round and a summary line:
#   round0 two/seq, median over later rounds of two/seq, and median of two/one.
# usage: cpu_threads.py [N [ROUNDS]]
import sys
import threading
import time


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


N = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def seq():
    work(N)
    work(N)


def one():
    t = threading.Thread(target=seq)
    t.start()
    t.join()


def two():
    ts = [threading.Thread(target=work, args=(N,)) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def median(values):
    s = sorted(values)
    return (s[(len(s) - 1) // 2] + s[len(s) // 2]) / 2


rows = []
for r in range(ROUNDS):
    times = []
    for f in (seq, two, one):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    s, w, o = times
    rows.append((s, w, o))
    print(f"round {r}: seq {s:.3f} s, two {w:.3f} s, one {o:.3f} s, two/seq {w / s:.2f}, two/one {w / o:.2f}", flush=True)
later = rows[1:] or rows
print(f"summary round0_two_over_seq {rows[0][1] / rows[0][0]:.2f} "
      f"later_two_over_seq {median(w / s for s, w, o in later):.2f} "
      f"two_over_one {median(w / o for s, w, o in rows):.2f}")
