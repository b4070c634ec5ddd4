package toy.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Notes about the implementation of the global interpreter lock (after the notes at the top of
 * CPython's Python/ceval_gil.c, which this follows):
 *
 * - The GIL is just a holder field ("holder", null when free) protected by a mutex ("mutex"),
 *   with one condition variable per thread ("GilThread.cond") on which that thread waits for
 *   the GIL, and a condition ("switchCond") on which a thread that was asked to drop waits until
 *   somebody else has taken it. Only the holder runs bytecode. Nothing ever takes the GIL away
 *   from its holder: the holder gives it up, either voluntarily (around a blocking call:
 *   releaseForBlocking / reacquireAfterBlocking, CPython's Py_BEGIN/END_ALLOW_THREADS) or
 *   because it was asked to (yieldIfRequested, called by the eval loop at its eval-breaker
 *   checks: backward jumps and function entry).
 *
 * - The drop request. A thread wanting the GIL waits on its condition for at most the switch
 *   interval (setSwitchInterval, 5 ms by default; sys.setswitchinterval). If the wait timed out
 *   and no switch happened meanwhile ("switchNumber" unchanged: the GIL may have changed hands
 *   and come back, which is a switch too), it sets the holder's drop request
 *   (GilThread.dropRequest, and the VM's own eval-breaker word through the onDropRequest hook)
 *   and waits again. The request is aimed at the holder only, as in CPython 3.13+ where the
 *   eval breaker is per thread. The holder sees it at its next check, releases the GIL,
 *   signals a waiter, and asks for it again.
 *
 * - The switch interval is therefore a lower bound on how long a CPU-bound holder keeps the GIL
 *   when others want it, plus the time to its next check: a holder inside a long call that
 *   makes no check (a big sort, a long-running builtin) keeps the GIL until it returns. The
 *   interval is read at the start of every timed wait, so a new value applies at once.
 *
 * - Forced switching (CPython's FORCE_SWITCHING, always on there). On a multi-core machine the
 *   thread that dropped the GIL is still running and would usually take it back before the
 *   woken waiter is even scheduled, so a time slice would last many intervals. So a thread that
 *   dropped *because it was asked* waits on switchCond until another thread has taken the GIL
 *   ("lastHolder" is no longer itself), and only then queues for it again. A voluntary drop
 *   (blocking call) does not wait: the thread has something else to do. (CPython 3.12+ also
 *   waits for the switch when a drop request happens to be pending at a voluntary release; here
 *   the request is simply cleared, since the thread is about to block anyway.)
 *
 * - The hand-over spin. A switch needs three threads to run in turn: the waiter (its timed wait
 *   expires and it posts the drop request), the holder (it drops at its next check) and the waiter
 *   again (it takes the GIL), and then the dropper (it sees the switch and queues again). Parking
 *   between those steps costs an operating-system wake-up each (50-100 us on an idle machine, up
 *   to a scheduler tick - 4 ms - on a busy one), which at a 1 ms interval added a tenth to a
 *   quarter to every slice. So on a multi-core machine the two steps that wait for something that
 *   is about to happen spin first, for at most SPIN_NANOS and without the mutex, reading the
 *   volatile holder and switch number: a waiter that has just posted a drop request spins until
 *   the holder lets go, and a forced dropper spins until another thread has taken the GIL. Only
 *   then do they park. The algorithm is unchanged: the same thread posts the same request after
 *   the same interval, everything is decided again under the mutex after a spin, and a holder
 *   that does not drop within the spin (a long builtin) is waited for on the condition as before.
 *   One spin per request: a waiter does not spin twice for the same holder. The timed wait for
 *   the interval itself is never a spin.
 *
 * - Policies (Gil.Policy), for experiments:
 *   cpython      as above: on release one waiter (the longest waiting) is signalled, and
 *                whoever gets the mutex first - that waiter, a newcomer, the releasing thread
 *                coming back from a short blocking call - takes the GIL.
 *   fifo         direct hand-off: a releasing holder gives the GIL to the longest waiter
 *                (it becomes the holder before it even wakes up), and a newcomer queues behind
 *                the waiters instead of barging in.
 *   io-priority  hand-off as fifo, but threads coming back from a blocking call are served
 *                before CPU-bound waiters, and such a thread asks a CPU-bound holder (one whose
 *                last drop was forced) to drop at once instead of after an interval. This
 *                removes the convoy effect (bpo-7946): under cpython a thread that does a short
 *                blocking call waits about one interval to get the GIL back each time.
 *
 * - Late timers. The algorithm needs the waiter to run when its timed wait ends. In a JVM's
 *   first seconds it often does not (the JIT compiler on the other CPU, both threads placed on
 *   one CPU): the VM then lowers its compiler threads (JvmScheduling), and tick() - the VM's
 *   JIT warm-up ticks, once a millisecond for the first two seconds of a threaded program -
 *   posts the request of a waiter that is overdue by the wait loop's own rule. Same request,
 *   same rule, another thread's clock.
 *
 * - Chaos mode (setSwitchEveryInstruction): the VM is expected to check the drop request at
 *   every instruction, and a waiter posts the drop request as soon as it starts waiting instead
 *   of after an interval, so that with two runnable threads the GIL changes hands at nearly
 *   every instruction and read-modify-write races (counter += 1) lose updates quickly.
 *
 * - Invariants (all under "mutex"):
 *   1. holder is null or a thread whose state is HOLDING, or (hand-off policies) a thread that
 *      was granted the GIL and has not woken up yet (state still WAITING); at most one holder.
 *   2. A thread is in "waiters" exactly while it is inside the wait loop for the GIL; a thread
 *      waiting on switchCond after a forced drop is WAITING but not in "waiters".
 *   3. switchNumber increases exactly when the holder changes (lastHolder != new holder).
 *   4. Under fifo and io-priority the GIL is never free while somebody is in "waiters".
 *   5. A thread clears its own drop request when it acquires or releases the GIL.
 *   (holder and switchNumber are volatile only so that the hand-over spin can watch them without
 *   the mutex; they are still written only under it.)
 *   6. Each thread's time since it first asked for the GIL is partitioned into held, waiting
 *      and blocked time: every state change closes the previous state's interval.
 *
 * - Costs and trade-offs. The holder's fast path is one volatile read per check. Acquiring and
 *   releasing take an uncontended ReentrantLock and update the statistics (a few counters and
 *   a histogram bucket) under it, so statistics are always on. A shorter interval gives waiters
 *   (and I/O threads) lower latency but costs throughput: each switch costs two context
 *   switches and cold caches, and forced switching makes the dropping thread sleep. Hand-off
 *   (fifo) is fair but means every release wakes a thread even if the releaser could go on;
 *   io-priority favours latency of I/O threads over throughput of CPU-bound ones. Waking is
 *   left to the JVM and the OS scheduler, as CPython leaves it to pthreads.
 */

/**
 * The global interpreter lock: one holder at a time, a switch interval after which a waiter asks
 * the holder to drop, forced switching, three scheduling policies, always-on statistics
 * ({@link #stats()}) and an optional event trace ({@link #startTrace()}). Independent of the VM:
 * the VM keeps one {@link GilThread} per interpreter thread and calls {@link #acquire},
 * {@link #yieldIfRequested}, {@link #releaseForBlocking}/{@link #reacquireAfterBlocking} and
 * {@link #unregister}.
 *
 * <p>Wiring it into the VM (a sketch):
 * <pre>{@code
 * // thread start (main thread: at interpreter start)
 * GilThread g = gil.register(name, ident);
 * g.onDropRequest(() -> ts.evalBreaker = 1);      // post to the VM's own eval-breaker word
 * gil.acquire(g);
 * // eval-breaker check (backward jump, function entry; every instruction when
 * // gil.switchEveryInstruction()):
 * if (ts.evalBreaker != 0) {
 *     ts.evalBreaker = 0;                            // before yielding: a new request re-sets it
 *     if (g.dropRequested()) gil.yieldIfRequested(g, code.filename + ":" + line);
 *     ...signals, async exceptions...
 * }
 * // around a blocking call
 * try (Gil.Blocking b = gil.blocking(g)) { Thread.sleep(...); }
 * // thread end
 * gil.unregister(g);
 * }</pre>
 */
public final class Gil {

    /** Scheduling policies; {@link #label()} gives the names used on the command line. */
    public enum Policy {
        CPYTHON("cpython"), FIFO("fifo"), IO_PRIORITY("io-priority");

        private final String label;

        Policy(String label) { this.label = label; }

        public String label() { return label; }

        @Override
        public String toString() { return label; }

        /** The policy named {@code name} ("cpython", "fifo", "io-priority"). */
        public static Policy fromName(String name) {
            for (Policy p : values()) if (p.label.equals(name)) return p;
            throw new IllegalArgumentException("unknown GIL policy '" + name + "' (choose from cpython, fifo, io-priority)");
        }
    }

    /**
     * Benchmarking switch ({@code -Dtoy.gil.disabled=true}, read once): the GIL does nothing -
     * acquire, release, the blocking-call scopes and the drop check return at once and no
     * statistics are kept - so that a single-threaded run can be timed with and without the
     * lock's machinery (benchmarks/gil/overhead). A second thread is refused: without the lock
     * two threads would run the interpreter at the same time.
     */
    public static final boolean DISABLED = Boolean.getBoolean("toy.gil.disabled");

    /**
     * The longest hand-over spin (see the notes above), in nanoseconds: 50 us, or
     * {@code -Dtoy.gil.spinNanos=N} (0 turns the spin off, for comparisons); always 0 on a single
     * CPU, where a spinning thread would only keep the thread it waits for from running.
     */
    static final long SPIN_NANOS = java.lang.Runtime.getRuntime().availableProcessors() > 1
            ? Math.max(0L, Long.getLong("toy.gil.spinNanos", 50_000L)) : 0L;

    /** The default switch interval in seconds, as CPython's. */
    public static final double DEFAULT_SWITCH_INTERVAL = 0.005;

    final ReentrantLock mutex = new ReentrantLock();
    private final Condition switchCond = mutex.newCondition();

    private volatile long intervalNanos = 5_000_000L;
    private volatile double intervalSeconds = DEFAULT_SWITCH_INTERVAL;
    private volatile Policy policy;
    private volatile boolean switchEveryInstruction;

    // ---- guarded by mutex (holder and switchNumber are also read by the hand-over spin) ----
    private volatile GilThread holder;
    private GilThread lastHolder;
    /** When the current holder was granted the GIL. */
    private long holderSince;
    private volatile long switchNumber;
    /** Threads in the wait loop, in arrival order. */
    private final ArrayList<GilThread> waiters = new ArrayList<>();
    /** Threads in state WAITING (including forced droppers waiting for the switch). */
    private int waiting;
    final List<GilThread> threads = new ArrayList<>();
    private int nextIndex;

    long epochNanos;
    long acquisitions;
    long switches;
    long dropRequests;
    long forcedDrops;
    long voluntaryDrops;
    long contendedNanos;
    long contendedSince;
    private GilTrace trace;

    public Gil() { this(Policy.CPYTHON); }

    public Gil(Policy policy) {
        this.policy = policy;
        this.epochNanos = System.nanoTime();
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Sets the switch interval (sys.setswitchinterval).
     *
     * @throws IllegalArgumentException "switch interval must be strictly positive" when
     *     {@code seconds <= 0} (the VM raises it as ValueError; NaN is accepted, as in CPython)
     */
    public void setSwitchInterval(double seconds) {
        if (seconds <= 0.0) throw new IllegalArgumentException("switch interval must be strictly positive");
        // CPython stores (unsigned long)(1e6 * seconds) microseconds and reports 1e-6 times that;
        // its take_gil waits at least 1 us. The out-of-range cases follow CPython on x86-64
        // (NaN reads back as 9223372036854.775, infinity and huge values as 0.0).
        double us = seconds * 1e6;
        double micros;
        if (Double.isNaN(us)) micros = 9223372036854775808.0;
        else if (us >= 18446744073709551616.0) micros = 0;
        else micros = Math.floor(us);
        intervalSeconds = micros * 1e-6;
        double ns = Math.max(1.0, micros) * 1000.0;
        intervalNanos = ns >= 0x1p62 ? 1L << 62 : (long) ns;   // no overflow in deadlines
    }

    /** The switch interval in seconds (sys.getswitchinterval). */
    public double getSwitchInterval() { return intervalSeconds; }

    public long switchIntervalNanos() { return intervalNanos; }

    public Policy getPolicy() { return policy; }

    /** Changes the policy; takes effect for the next acquisitions and releases. */
    public void setPolicy(Policy p) {
        mutex.lock();
        try {
            policy = p;
            if (p != Policy.CPYTHON && holder == null && !waiters.isEmpty()) handOffLocked();
        } finally {
            mutex.unlock();
        }
    }

    /** Chaos mode: see the notes above. The VM checks the drop request at every instruction. */
    public void setSwitchEveryInstruction(boolean on) { switchEveryInstruction = on; }

    public boolean switchEveryInstruction() { return switchEveryInstruction; }

    // ------------------------------------------------------------------ threads

    /** Registers an interpreter thread (before its first {@link #acquire}). */
    public GilThread register(String name, long ident) {
        mutex.lock();
        try {
            if (DISABLED) {
                for (GilThread o : threads) {
                    if (o.state != GilThread.EXITED) {
                        // no lock, so no second interpreter thread: stop here rather than let two
                        // threads run the interpreter at once (or leave a thread that never ends)
                        System.err.println("toy: the GIL is disabled (-Dtoy.gil.disabled=true, a benchmarking switch): "
                                + "a second thread cannot start");
                        System.err.flush();
                        java.lang.Runtime.getRuntime().halt(70);
                    }
                }
            }
            GilThread t = new GilThread(nextIndex++, name, ident, mutex.newCondition());
            t.stateSince = System.nanoTime();
            threads.add(t);
            if (trace != null) trace.thread(t);
            return t;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The thread has finished: releases the GIL if it holds it (a final release, no forced
     * switching), and ends its lifetime. Its statistics stay until {@link #resetStats()}.
     */
    public void unregister(GilThread t) {
        if (DISABLED) {
            t.state = GilThread.EXITED;
            return;
        }
        mutex.lock();
        try {
            long now = System.nanoTime();
            if (holder == t) releaseLocked(t);
            if (t.state != GilThread.EXITED) {
                transition(t, GilThread.EXITED, now);
                t.exitNanos = now;
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * A JIT warm-up tick (toy.vm.EvalBreaker#startWarmupTicks); returns whether there was a
     * holder to tick. Normally it sets the holder's eval breaker without asking it to drop the
     * GIL (its {@link GilThread#onDropRequest} hook runs, its drop request stays clear): the eval
     * loop stops at its next check, finds nothing to do and goes on, and nothing is counted.
     *
     * <p>But when a waiter is overdue (by the rule of the wait loop: it and the holder have both
     * waited and held a whole interval) the tick posts the drop request the waiter would have
     * posted itself: in a JVM's first seconds the waiter's timed wait often ends several
     * milliseconds late, when both interpreter threads sit on one CPU and the holder keeps it
     * until a scheduler tick (see JvmScheduling). The request is counted as the waiter's would be.
     */
    public boolean tick() {
        if (DISABLED) return false;
        mutex.lock();
        try {
            GilThread h = holder;
            if (h == null || h.state != GilThread.HOLDING || h.dropRequest != 0) return false;
            if (!waiters.isEmpty() && !switchEveryInstruction) {
                if (System.nanoTime() - dueLocked(waiters.get(0)) >= 0) {
                    requestDropLocked(h);
                    return true;
                }
            }
            Runnable hook = h.onDropRequest;
            if (hook != null) hook.run();
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /** The current holder, or null. */
    public GilThread holder() {
        mutex.lock();
        try {
            return holder;
        } finally {
            mutex.unlock();
        }
    }

    /** True when {@code t} holds the GIL. */
    public boolean isHeldBy(GilThread t) {
        mutex.lock();
        try {
            return holder == t && t.state == GilThread.HOLDING;
        } finally {
            mutex.unlock();
        }
    }

    /** The number of times the holder has changed since the start (never reset). */
    public long switchNumber() {
        mutex.lock();
        try {
            return switchNumber;
        } finally {
            mutex.unlock();
        }
    }

    // ------------------------------------------------------------------ the lock

    /**
     * Takes the GIL, waiting as the policy says; uninterruptible (an interrupt arriving while
     * waiting is kept for the caller to see).
     *
     * @throws IllegalStateException if {@code t} already holds it or has exited
     */
    public void acquire(GilThread t) {
        if (DISABLED) return;
        mutex.lock();
        try {
            if (holder == t) throw new IllegalStateException(t + " already holds the GIL");
            if (t.state == GilThread.EXITED) throw new IllegalStateException(t + " has exited");
            takeLocked(t);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Releases the GIL without classifying the release (not counted as a voluntary drop); the
     * time until the next {@link #acquire} counts as blocked. Prefer {@link #releaseForBlocking}.
     */
    public void release(GilThread t) {
        if (DISABLED) return;
        mutex.lock();
        try {
            checkHolder(t);
            releaseLocked(t);
            transition(t, GilThread.BLOCKED, System.nanoTime());
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The holder's check at an eval-breaker point. If it has been asked to drop the GIL it
     * drops it, records {@code where} ("file:line", may be null) in its attribution counts,
     * waits until another thread has taken the GIL (forced switching), then takes it again.
     *
     * @return true if the GIL was dropped and retaken
     */
    public boolean yieldIfRequested(GilThread t, String where) {
        if (DISABLED || t.dropRequest == 0) return false;
        mutex.lock();
        try {
            if (holder != t || t.state != GilThread.HOLDING) {
                t.dropRequest = 0;
                return false;
            }
            if (t.dropRequest == 0) return false;
            long now = System.nanoTime();
            t.holders.merge(where == null ? "?" : where, 1L, Long::sum);
            t.forcedDrops++;
            forcedDrops++;
            t.ioBound = false;
            releaseLocked(t);
            transition(t, GilThread.WAITING, now);
            boolean interrupted = false;
            // Forced switching: wait until somebody else has taken the GIL, if anybody wants it
            // (first spinning briefly: the waiter that asked is normally taking it right now).
            boolean spun = false;
            while (lastHolder == t && !waiters.isEmpty()) {
                if (!spun && SPIN_NANOS > 0) {
                    spun = true;
                    long before = switchNumber;
                    mutex.unlock();
                    try {
                        long end = System.nanoTime() + SPIN_NANOS;
                        while (switchNumber == before && System.nanoTime() - end < 0) Thread.onSpinWait();
                    } finally {
                        mutex.lock();
                    }
                    continue;
                }
                try {
                    switchCond.awaitNanos(intervalNanos);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            takeLocked(t);
            if (interrupted) Thread.currentThread().interrupt();
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /** {@link #yieldIfRequested(GilThread, String)} without attribution. */
    public boolean yieldIfRequested(GilThread t) { return yieldIfRequested(t, null); }

    /**
     * Drops the GIL before a blocking call (sleep, join, lock/queue waits, I/O, waiting for a
     * child): a voluntary drop. Time until {@link #reacquireAfterBlocking} counts as blocked.
     */
    public void releaseForBlocking(GilThread t) {
        if (DISABLED) return;
        mutex.lock();
        try {
            checkHolder(t);
            t.voluntaryDrops++;
            voluntaryDrops++;
            releaseLocked(t);
            transition(t, GilThread.BLOCKED, System.nanoTime());
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Takes the GIL back after a blocking call. Under io-priority the thread is served before
     * CPU-bound waiters and asks a CPU-bound holder to drop at once.
     */
    public void reacquireAfterBlocking(GilThread t) {
        if (DISABLED) return;
        mutex.lock();
        try {
            if (holder == t) throw new IllegalStateException(t + " already holds the GIL");
            if (t.state == GilThread.EXITED) throw new IllegalStateException(t + " has exited");
            t.ioReturn = true;
            takeLocked(t);
        } finally {
            mutex.unlock();
        }
        retaken.run();
    }

    /**
     * Run by a thread that has just taken the GIL back after a blocking call, outside the lock:
     * the VM stops daemon threads there once the interpreter is exiting (CPython's take_gil
     * makes such a thread exit), before they run code whose module globals are gone.
     */
    public static volatile Runnable retaken = () -> { };

    /**
     * A scope for a blocking call: {@code try (Gil.Blocking b = gil.blocking(t)) { ... }}
     * releases the GIL now ({@link #releaseForBlocking}) and takes it back on close
     * ({@link #reacquireAfterBlocking}), also when the call throws.
     */
    public Blocking blocking(GilThread t) {
        releaseForBlocking(t);
        return new Blocking(this, t);
    }

    /** See {@link #blocking(GilThread)}. */
    public static final class Blocking implements AutoCloseable {
        private final Gil gil;
        private final GilThread t;
        private boolean closed;

        private Blocking(Gil gil, GilThread t) {
            this.gil = gil;
            this.t = t;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            gil.reacquireAfterBlocking(t);
        }
    }

    private void checkHolder(GilThread t) {
        if (holder != t || t.state != GilThread.HOLDING) throw new IllegalStateException(t + " does not hold the GIL");
    }

    /**
     * The wait loop; {@code t} is WAITING (a forced dropper), BLOCKED or NEW on entry and HOLDING
     * on exit. A thread that gets the GIL at once never enters the WAITING state.
     */
    private void takeLocked(GilThread t) {
        boolean interrupted = false;
        Policy p = policy;
        if (holder == null && (p == Policy.CPYTHON || waiters.isEmpty())) {
            grantLocked(t);
        } else {
            if (t.state != GilThread.WAITING) transition(t, GilThread.WAITING, System.nanoTime());
            waiters.add(t);
            if (holder == null) handOffLocked();
            if (holder != null && holder != t) {
                if (switchEveryInstruction) requestDropLocked(holder);
                else if (p == Policy.IO_PRIORITY && t.ioReturn && !holder.ioBound) requestDropLocked(holder);
            }
            GilThread spunFor = null;                           // the holder this thread has spun for
            while (true) {
                if (holder == t) break;                         // handed off to us
                if (holder == null) {
                    if (policy == Policy.CPYTHON) {
                        grantLocked(t);
                        break;
                    }
                    handOffLocked();
                    continue;
                }
                // Ask for a drop once this thread has waited a whole interval and the current
                // holder has held the GIL for a whole interval (CPython: the timed wait expired
                // and switch_number did not change). Measuring from the holder's grant rather
                // than from this thread's wake-up keeps slices near the interval when a loaded
                // machine is slow to wake a forced dropper.
                long now = System.nanoTime();
                long due = dueLocked(t);
                if (due - now <= 0 || switchEveryInstruction) {
                    GilThread h = holder;
                    requestDropLocked(h);
                    if (spunFor != h && SPIN_NANOS > 0) {
                        // the holder drops at its next check, normally within microseconds:
                        // watch for it instead of parking (see "The hand-over spin")
                        spunFor = h;
                        mutex.unlock();
                        try {
                            long end = now + SPIN_NANOS;
                            while (holder == h && System.nanoTime() - end < 0) Thread.onSpinWait();
                        } finally {
                            mutex.lock();
                        }
                        continue;
                    }
                    due = now + intervalNanos;                  // then wait for the drop
                }
                try {
                    t.cond.awaitNanos(due - now);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        t.ioReturn = false;
        t.dropRequest = 0;
        transition(t, GilThread.HOLDING, System.nanoTime());
        // Chaos mode: somebody is already waiting, so the new holder is asked to drop at once.
        if (switchEveryInstruction && !waiters.isEmpty()) requestDropLocked(t);
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * When waiter w may ask the current holder to drop: once it has waited, and the holder has
     * held the GIL, a whole interval (the wait loop's rule, which tick() applies too).
     */
    private long dueLocked(GilThread w) {
        return Math.max(w.stateSince, holderSince) + intervalNanos;
    }

    /** Makes {@code t} the holder (it may still be asleep, under hand-off). */
    private void grantLocked(GilThread t) {
        waiters.remove(t);
        holder = t;
        holderSince = System.nanoTime();
        t.acquisitions++;
        acquisitions++;
        t.ioBound = t.ioReturn;
        if (lastHolder != t) {
            lastHolder = t;
            switchNumber++;
            switches++;
            switchCond.signalAll();
        }
    }

    private void releaseLocked(GilThread t) {
        holder = null;
        t.dropRequest = 0;
        if (waiters.isEmpty()) return;
        if (policy == Policy.CPYTHON) {
            GilThread w = pickLocked();
            w.cond.signal();
        } else {
            handOffLocked();
        }
    }

    /** The waiter to serve next: the longest waiting, or under io-priority the longest waiting I/O thread. */
    private GilThread pickLocked() {
        if (policy == Policy.IO_PRIORITY) {
            for (GilThread w : waiters) if (w.ioReturn) return w;
        }
        return waiters.get(0);
    }

    private void handOffLocked() {
        GilThread next = pickLocked();
        grantLocked(next);
        next.cond.signal();
    }

    private void requestDropLocked(GilThread h) {
        if (h.dropRequest != 0) return;
        h.dropRequest = 1;
        h.dropRequestsReceived++;
        dropRequests++;
        Runnable hook = h.onDropRequest;
        if (hook != null) hook.run();
        if (trace != null) trace.dropRequest(h, System.nanoTime());
    }

    /** Closes the current state's interval of {@code t} and opens {@code s}. */
    private void transition(GilThread t, int s, long now) {
        int old = t.state;
        long d = now - Math.max(t.stateSince, epochNanos);
        if (d < 0) d = 0;
        switch (old) {
            case GilThread.HOLDING -> t.heldNanos += d;
            case GilThread.WAITING -> t.waitNanos += d;
            case GilThread.BLOCKED -> t.blockedNanos += d;
            default -> { }
        }
        if (s == GilThread.HOLDING) t.waits.recordValue(old == GilThread.WAITING ? d / 1000 : 0);
        if (old == GilThread.NEW) t.firstActiveNanos = now;
        if (old == GilThread.WAITING && s != GilThread.WAITING) {
            if (--waiting == 0) contendedNanos += now - Math.max(contendedSince, epochNanos);
            if (trace != null) trace.waiters(waiting, now);
        } else if (s == GilThread.WAITING && old != GilThread.WAITING) {
            if (waiting++ == 0) contendedSince = now;
            if (trace != null) trace.waiters(waiting, now);
        }
        t.state = s;
        t.stateSince = now;
        if (trace != null) trace.state(t, s, now);
    }

    // ------------------------------------------------------------------ statistics and trace

    /** A consistent snapshot of all figures, open intervals included up to now. */
    public GilStats stats() {
        mutex.lock();
        try {
            return GilStats.snapshot(this, System.nanoTime(), holder, waiting, contendedSince);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Starts the figures afresh (gil.reset_stats()): counters, times, histograms and
     * attributions are zeroed, exited threads are forgotten, and wall time restarts now.
     */
    public void resetStats() {
        mutex.lock();
        try {
            long now = System.nanoTime();
            epochNanos = now;
            acquisitions = switches = dropRequests = forcedDrops = voluntaryDrops = 0;
            contendedNanos = 0;
            if (waiting > 0) contendedSince = now;
            threads.removeIf(t -> t.state == GilThread.EXITED);
            for (GilThread t : threads) {
                t.acquisitions = t.heldNanos = t.waitNanos = t.blockedNanos = 0;
                t.forcedDrops = t.voluntaryDrops = t.dropRequestsReceived = 0;
                t.waits.reset();
                t.holders.clear();
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Starts recording events (state changes, drop requests, waiter counts) into a new trace,
     * keeping at most {@code maxEvents} events (later ones are counted as dropped).
     */
    public GilTrace startTrace(int maxEvents) {
        mutex.lock();
        try {
            GilTrace tr = new GilTrace(this, System.nanoTime(), maxEvents);
            for (GilThread t : threads) {
                tr.thread(t);
                if (t.state != GilThread.NEW && t.state != GilThread.EXITED) tr.state(t, t.state, tr.startNanos);
            }
            tr.waiters(waiting, tr.startNanos);
            trace = tr;
            return tr;
        } finally {
            mutex.unlock();
        }
    }

    /** {@link #startTrace(int)} with room for 4 million events (about 64 MB at most). */
    public GilTrace startTrace() { return startTrace(4_000_000); }

    /** Stops recording; the trace keeps what it has and can still be written. */
    public void stopTrace() {
        mutex.lock();
        try {
            if (trace != null) trace.stop(System.nanoTime());
            trace = null;
        } finally {
            mutex.unlock();
        }
    }

    /** The trace being recorded, or null. */
    public GilTrace trace() {
        mutex.lock();
        try {
            return trace;
        } finally {
            mutex.unlock();
        }
    }

    /** "5 ms", "500 us", "1.5 ms": the interval as people write it. */
    public static String formatInterval(double seconds) {
        if (seconds >= 1) return trim(seconds) + " s";
        if (seconds >= 1e-3) return trim(seconds * 1e3) + " ms";
        return trim(seconds * 1e6) + " us";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
