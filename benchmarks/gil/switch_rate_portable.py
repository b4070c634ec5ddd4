# switch_rate_portable.py: the switch-rate benchmark measured from inside the script, so that
# it runs unchanged under CPython and Toy (./toy benchmarks/gil/switch_rate_portable.py) and the
# two can be compared on the same machine under the same load.
# Two CPU-bound threads spin for DURATION seconds reading time.perf_counter(); a gap of more
# than GAP between two consecutive readings means the thread was not running: it was waiting
# for the GIL (or the OS had descheduled it). Each such gap is counted as one wait, and every
# wait of one thread is a switch to the other, so switches = all gaps of both threads.
# usage: switch_rate_portable.py [INTERVAL_S [DURATION_S [WARMUP_S]]]
import sys
import threading
import time

INTERVAL = float(sys.argv[1]) if len(sys.argv) > 1 else sys.getswitchinterval()
DURATION = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
WARMUP = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
GAP = 0.0002
sys.setswitchinterval(INTERVAL)


def spin(duration, waits):
    pc = time.perf_counter
    last = pc()
    end = last + duration
    while last < end:
        now = pc()
        if now - last > GAP:
            waits.append(now - last)
        last = now


def pair(duration, results):
    threads = [threading.Thread(target=spin, args=(duration, results[i])) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if WARMUP > 0:
    # the same two threads, unmeasured: the JIT's warm-up (Toy). In two rounds, so that the
    # measured round repeats a path the JIT has seen end to end: a single round leaves the spin
    # loop's exit and the threads' exit unseen until the measured round starts, and the JVM's
    # recompiling them then competes for the two CPUs during the first tenth of a second.
    pair(WARMUP / 2, [[], []])
    pair(WARMUP / 2, [[], []])
results = [[], []]
t0 = time.perf_counter()
pair(DURATION, results)
elapsed = time.perf_counter() - t0


def pct(values, p):
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(p / 100 * len(s)))]


switches = len(results[0]) + len(results[1])
p50 = max(pct(w, 50) for w in results) * 1000
p99 = max(pct(w, 99) for w in results) * 1000
mx = max(max(w, default=0) for w in results) * 1000
print(f"interval_ms {INTERVAL * 1000:g} switches_per_s {switches / elapsed:.0f} target {1 / INTERVAL:.0f} "
      f"ratio {switches / elapsed * INTERVAL:.2f} wait_p50_ms {p50:.3f} wait_p99_ms {p99:.3f} wait_max_ms {mx:.3f} "
      f"p99_limit_ms {2 * INTERVAL * 1000 + 2:g}")
