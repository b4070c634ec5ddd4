package toy.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The algorithm: drop requests after the interval, forced switching, hand-off under each policy. */
class GilSchedulingTest {

    private static final long SECOND = 1_000_000_000L;

    /**
     * Two CPU-bound threads for about a second. The holder changes about once per interval;
     * the bounds are generous because on a busy 2-core machine the kernel may wake a waiter
     * whose timed wait expired only at its next scheduler tick (4 ms at HZ=250), so the lower
     * bound is 40% of 1/(interval + 4 ms) switches per second, and only 10 switches when the
     * load average exceeds the number of CPUs. Measured on an idle machine the rate is within a
     * few percent of 1/interval at 5 ms (benchmarks/gil/switch_rate.toy).
     */
    private static void checkSwitchRate(double interval, double lowFactor) throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(interval);
        GilTrace trace = gil.startTrace();
        Workers.runAll(List.of(new Workers.Worker(gil, "A", SECOND), new Workers.Worker(gil, "B", SECOND)));
        gil.stopTrace();
        GilStats s = gil.stats();
        double contendedS = s.wallS * s.contention;
        double expected = contendedS / interval;
        System.out.printf("interval %s: %d switches in %.3f s contended (expected ~%.0f), rate %.0f/s%n%s",
                Gil.formatInterval(interval), s.switches, contendedS, expected, s.switches / contendedS, s.toTable());
        // The rate itself is a benchmark figure (benchmarks/gil/switch_rate.toy), not a test: on a
        // machine with more runnable threads than CPUs every step of a switch waits for a time
        // slice, so there only alternation is required.
        double load = loadAverage();
        int cpus = java.lang.Runtime.getRuntime().availableProcessors();
        double low = load <= cpus ? lowFactor * expected : 10;
        System.out.printf("load average %.1f on %d CPUs: at least %.0f switches required%n", load, cpus, low);
        assertTrue(s.switches >= low, "too few switches: " + s.switches + ", expected ~" + expected + " (load " + load + ")");
        assertTrue(s.switches <= 2.0 * expected + 4, "too many switches: " + s.switches + ", expected ~" + expected);
        assertTrue(s.forcedDrops >= s.switches - 4, "switches come from forced drops");
        for (GilStats.ThreadStats t : s.threads) {
            assertTrue(t.acquisitions() > 10, t.name() + " barely ran: " + t.acquisitions());
            assertTrue(t.heldS() > 0.2 * s.wallS, t.name() + " was starved: held " + t.heldS());
        }
        // Not early: a drop request comes about one interval after its target took the GIL. The
        // trace's timestamps are taken outside the lock's critical section, so on a loaded machine
        // a request and the acquisition it follows can be recorded out of order: allow a few.
        long intervalNanos = gil.switchIntervalNanos();
        List<GilTrace.Slice> slices = trace.slices();
        int checked = 0, early = 0;
        String firstEarly = null;
        for (GilTrace.DropRequest r : trace.dropRequests()) {
            for (GilTrace.Slice sl : slices) {
                if (sl.thread() == r.thread() && sl.state().equals("holding") && sl.start() <= r.time() && r.time() <= sl.end()) {
                    if (r.time() - sl.start() < intervalNanos - 20_000) {
                        early++;
                        if (firstEarly == null) firstEarly = (r.time() - sl.start()) / 1e6 + " ms into a hold";
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= s.switches / 2, "drop requests fall inside holds: " + checked);
        assertTrue(early <= Math.max(2, checked / 10), early + " of " + checked + " drop requests early, e.g. " + firstEarly);
    }

    /** The 1-minute load average (0 where /proc/loadavg is missing). */
    private static double loadAverage() {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
            return Double.parseDouble(text.split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    @Test
    void twoCpuBoundThreadsSwitchAboutOncePerInterval5ms() throws Exception {
        checkSwitchRate(0.005, 0.4 * 0.005 / 0.009);
    }

    @Test
    void twoCpuBoundThreadsSwitchAboutOncePerInterval1ms() throws Exception {
        checkSwitchRate(0.001, 0.4 * 0.001 / 0.005);
    }

    @Test
    void waiterAsksTheHolderToDropAfterTheInterval() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(0.05);
        GilThread main = gil.register("main", 1);
        AtomicLong hookCalls = new AtomicLong();
        main.onDropRequest(hookCalls::incrementAndGet);
        gil.acquire(main);
        CountDownLatch got = new CountDownLatch(1);
        long[] asked = new long[1];
        Thread w = new Thread(() -> {
            GilThread t = gil.register("waiter", 2);
            asked[0] = System.nanoTime();
            gil.acquire(t);
            got.countDown();
            gil.unregister(t);
        });
        w.setDaemon(true);
        w.start();
        assertTrue(Workers.await(main::dropRequested, 10_000), "no drop request within 10 s");
        long waited = System.nanoTime() - asked[0];
        assertTrue(waited >= 45_000_000L, "drop requested after only " + waited / 1e6 + " ms (interval 50 ms)");
        // the waiter raises the flag, then runs the hook: the flag can be seen first
        assertTrue(Workers.await(() -> hookCalls.get() >= 1, 10_000), "the hook did not run within 10 s");
        assertEquals(1, hookCalls.get());
        assertEquals(1, gil.stats().dropRequests);
        assertTrue(gil.yieldIfRequested(main, "main.toy:3"));
        assertTrue(got.await(10, TimeUnit.SECONDS));
        assertFalse(main.dropRequested(), "the request is cleared when the GIL is retaken");
        assertTrue(gil.isHeldBy(main));
        w.join(10_000);
        GilStats s = gil.stats();
        assertEquals(1, s.forcedDrops);
        assertEquals(List.of(new GilStats.Holder("main.toy:3", 1)), s.thread("main").holders());
        assertFalse(gil.yieldIfRequested(main, "main.toy:4"), "no request, no drop");
    }

    @Test
    void noDropRequestWithoutWaiters() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(0.001);
        GilThread main = gil.register("main", 1);
        gil.acquire(main);
        long end = System.nanoTime() + 50_000_000L;
        while (System.nanoTime() < end) {
            Workers.burn();
            assertFalse(gil.yieldIfRequested(main, "x:1"));
        }
        GilStats s = gil.stats();
        assertEquals(0, s.dropRequests);
        assertEquals(1, s.acquisitions);
        assertEquals(0.0, s.contention);
    }

    @Test
    void forcedSwitchingAlternatesHolders() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(0.002);
        GilTrace trace = gil.startTrace();
        Workers.runAll(List.of(new Workers.Worker(gil, "A", SECOND / 2), new Workers.Worker(gil, "B", SECOND / 2)));
        gil.stopTrace();
        List<GilTrace.Slice> holds = new ArrayList<>();
        for (GilTrace.Slice s : trace.slices()) if (s.state().equals("holding")) holds.add(s);
        assertTrue(holds.size() > 20, "too few holds: " + holds.size());
        // After a forced drop the dropper waits until the other thread has the GIL, so holders
        // alternate strictly until one thread finishes (then the other holds alone).
        int repeats = 0;
        for (int i = 1; i < holds.size(); i++) if (holds.get(i).thread() == holds.get(i - 1).thread()) repeats++;
        assertEquals(0, repeats, "a thread retook the GIL right after a forced drop");
        for (int i = 1; i < holds.size(); i++) {
            assertTrue(holds.get(i).start() >= holds.get(i - 1).end(), "two holders at once at slice " + i);
        }
    }

    /** Holds the GIL in the test thread while the given threads queue up one after another. */
    private static List<String> handOffOrder(Gil.Policy policy) throws Exception {
        Gil gil = new Gil(policy);
        gil.setSwitchInterval(30);  // no drop requests during the test
        GilThread main = gil.register("main", 1);
        gil.acquire(main);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> ts = new ArrayList<>();
        for (String name : List.of("W1", "W2", "W3")) {
            Thread t = new Thread(() -> {
                GilThread g = gil.register(name, name.hashCode());
                gil.acquire(g);
                order.add(name);
                gil.unregister(g);
            }, name);
            t.setDaemon(true);
            t.start();
            ts.add(t);
            assertTrue(Workers.await(() -> Workers.inState(gil, name, "waiting"), 10_000), name + " never waited");
        }
        gil.releaseForBlocking(main);
        gil.reacquireAfterBlocking(main);   // a newcomer at once: must not jump the queue under fifo
        order.add("main");
        for (Thread t : ts) t.join(10_000);
        gil.unregister(main);
        return order;
    }

    @Test
    void fifoHandsTheGilToTheLongestWaiter() throws Exception {
        assertEquals(List.of("W1", "W2", "W3", "main"), handOffOrder(Gil.Policy.FIFO));
    }

    @Test
    void ioPriorityServesAReturningBlockerFirstAndAsksTheHolderToDrop() throws Exception {
        Gil gil = new Gil(Gil.Policy.IO_PRIORITY);
        gil.setSwitchInterval(30);  // only io-priority's immediate request can cause a drop
        GilThread main = gil.register("main", 1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        Thread io = new Thread(() -> {
            GilThread g = gil.register("io", 2);
            gil.acquire(g);
            gil.releaseForBlocking(g);
            blocked.countDown();
            try {
                if (!unblock.await(10, TimeUnit.SECONDS)) return;
            } catch (InterruptedException e) {
                return;
            }
            gil.reacquireAfterBlocking(g);
            order.add("io");
            gil.unregister(g);
        });
        io.setDaemon(true);
        io.start();
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        gil.acquire(main);
        Thread cpu = new Thread(() -> {
            GilThread g = gil.register("cpu", 3);
            gil.acquire(g);
            order.add("cpu");
            gil.unregister(g);
        });
        cpu.setDaemon(true);
        cpu.start();
        assertTrue(Workers.await(() -> Workers.inState(gil, "cpu", "waiting"), 10_000));
        long t0 = System.nanoTime();
        unblock.countDown();
        // The holder (CPU-bound: it never blocked) is asked to drop at once, not after 30 s.
        assertTrue(Workers.await(main::dropRequested, 10_000), "io-priority did not ask the holder to drop");
        assertTrue(System.nanoTime() - t0 < 10 * SECOND);
        assertTrue(gil.yieldIfRequested(main, "main.toy:7"));
        order.add("main");
        io.join(10_000);
        cpu.join(10_000);
        gil.unregister(main);
        // The returning blocker goes before the CPU-bound thread that waited longer.
        assertEquals(List.of("io", "cpu", "main"), order);
    }

    @Test
    void cpythonPolicyDoesNotAskTheHolderToDropForAReturningBlocker() throws Exception {
        Gil gil = new Gil(Gil.Policy.CPYTHON);
        gil.setSwitchInterval(0.2);
        GilThread main = gil.register("main", 1);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        Thread io = new Thread(() -> {
            GilThread g = gil.register("io", 2);
            gil.acquire(g);
            gil.releaseForBlocking(g);
            blocked.countDown();
            try {
                if (!unblock.await(10, TimeUnit.SECONDS)) return;
            } catch (InterruptedException e) {
                return;
            }
            gil.reacquireAfterBlocking(g);
            gil.unregister(g);
        });
        io.setDaemon(true);
        io.start();
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        gil.acquire(main);
        long t0 = System.nanoTime();
        unblock.countDown();
        assertTrue(Workers.await(main::dropRequested, 10_000));
        long waited = System.nanoTime() - t0;
        // The convoy effect: the returning thread waits out a whole interval before asking.
        assertTrue(waited >= 150_000_000L, "asked after " + waited / 1e6 + " ms, interval 200 ms");
        gil.yieldIfRequested(main, "main.toy:1");
        io.join(10_000);
        gil.unregister(main);
    }

    @Test
    void chaosModeSwitchesAtNearlyEveryCheck() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(10);   // without chaos there would be no switch at all
        gil.setSwitchEveryInstruction(true);
        assertTrue(gil.switchEveryInstruction());
        long[] counter = new long[1];
        AtomicLong increments = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch registered = new CountDownLatch(2);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (String name : List.of("A", "B")) {
            Thread t = new Thread(() -> {
                try {
                    GilThread g = gil.register(name, name.hashCode());
                    registered.countDown();
                    go.await(10, TimeUnit.SECONDS);
                    gil.acquire(g);
                    long end = System.nanoTime() + 300_000_000L;
                    long mine = 0;
                    while (System.nanoTime() < end) {
                        long v = counter[0];                   // LOAD
                        gil.yieldIfRequested(g, "race.toy:5"); // an eval-breaker check between instructions
                        counter[0] = v + 1;                    // STORE
                        mine++;
                        gil.yieldIfRequested(g, "race.toy:6");
                    }
                    increments.addAndGet(mine);
                    gil.unregister(g);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, name);
            t.setDaemon(true);
            t.start();
            ts.add(t);
        }
        assertTrue(registered.await(10, TimeUnit.SECONDS));
        go.countDown();
        for (Thread t : ts) t.join(60_000);
        for (Thread t : ts) assertFalse(t.isAlive());
        assertTrue(errors.isEmpty(), errors.toString());
        GilStats s = gil.stats();
        // Thousands of switches on an idle machine; on a busy one a woken waiter may only run at
        // the next scheduler tick (4 ms), so ask for far more than the 10 s interval allows.
        assertTrue(s.switches >= 20, "switches: " + s.switches);
        assertTrue(counter[0] < increments.get(), "updates should be lost under chaos mode");
    }

    @Test
    void aTickSetsTheHoldersEvalBreakerWithoutAskingItToDrop() throws Exception {
        Gil gil = new Gil();
        assertFalse(gil.tick(), "nobody holds the GIL: nothing to tick");
        GilThread main = gil.register("main", 1);
        AtomicLong hookCalls = new AtomicLong();
        main.onDropRequest(hookCalls::incrementAndGet);
        assertFalse(gil.tick(), "registered but not holding");
        gil.acquire(main);
        assertTrue(gil.tick());
        assertEquals(1, hookCalls.get(), "the tick runs the eval-breaker hook");
        assertFalse(main.dropRequested(), "a tick is not a drop request");
        assertFalse(gil.yieldIfRequested(main, "main.toy:1"), "so the holder keeps the GIL");
        gil.releaseForBlocking(main);
        assertFalse(gil.tick(), "a blocked thread is not ticked");
        gil.reacquireAfterBlocking(main);
        GilStats s = gil.stats();
        assertEquals(0, s.dropRequests);
        assertEquals(0, s.forcedDrops);
        assertEquals(0, s.thread("main").dropRequests());
        assertEquals(2, s.acquisitions);
    }

    /**
     * A tick posts the drop request of a waiter that is overdue by the wait loop's own rule and
     * has not posted it (its timed wait ended late); a waiter within its interval gets nothing.
     * The waiter here sleeps through a 10 s wait, and the interval is then shortened (which wakes
     * nobody), so only the tick can post the request.
     */
    @Test
    void aTickPostsTheDropRequestOfAnOverdueWaiter() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(10.0);
        GilThread main = gil.register("main", 1);
        gil.acquire(main);
        java.util.concurrent.atomic.AtomicReference<GilThread> waiter = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch got = new CountDownLatch(1);
        Thread w = new Thread(() -> {
            GilThread t = gil.register("waiter", 2);
            waiter.set(t);
            gil.acquire(t);
            got.countDown();
            gil.releaseForBlocking(t);
        });
        w.setDaemon(true);
        w.start();
        // (the waiter holds the mutex from entering WAITING until it sleeps, so the tick below
        // finds it asleep in its wait)
        assertTrue(Workers.await(() -> waiter.get() != null && waiter.get().state == GilThread.WAITING, 10_000),
                "the waiter did not start waiting");
        assertTrue(gil.tick(), "the holder is ticked");
        assertFalse(main.dropRequested(), "the waiter is within its interval: no request");
        gil.setSwitchInterval(0.000001);
        assertTrue(gil.tick());
        assertTrue(main.dropRequested(), "the overdue waiter's request is posted by the tick");
        assertEquals(1, gil.stats().dropRequests);
        assertFalse(gil.tick(), "a holder already asked to drop is not ticked again");
        assertTrue(gil.yieldIfRequested(main, "main.toy:1"));
        assertTrue(got.await(10, TimeUnit.SECONDS), "the waiter did not get the GIL");
        w.join(10_000);
    }

    /**
     * The hand-over spin shortens a forced switch but changes no decision: with a drop request
     * posted and the holder dropping at once, the waiter ends up holding, the dropper waits for
     * the switch, and each forced drop is one switch (no retake by the dropper).
     */
    @Test
    void forcedSwitchesStillAlternateWithManyShortSlices() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(0.0002);
        GilTrace trace = gil.startTrace();
        Workers.runAll(List.of(new Workers.Worker(gil, "A", SECOND / 4), new Workers.Worker(gil, "B", SECOND / 4)));
        gil.stopTrace();
        GilStats s = gil.stats();
        List<GilTrace.Slice> holds = new ArrayList<>();
        for (GilTrace.Slice sl : trace.slices()) if (sl.state().equals("holding")) holds.add(sl);
        // over a thousand on an idle machine; a handful when each wake-up waits for a scheduler tick
        assertTrue(holds.size() >= 6, "too few holds: " + holds.size());
        int repeats = 0;
        for (int i = 1; i < holds.size(); i++) if (holds.get(i).thread() == holds.get(i - 1).thread()) repeats++;
        assertEquals(0, repeats, "a thread retook the GIL right after a forced drop");
        assertTrue(s.switches >= s.forcedDrops, "every forced drop led to a switch: " + s.switches + " < " + s.forcedDrops);
        for (GilStats.ThreadStats t : s.threads) {
            double sum = t.heldS() + t.waitS() + t.blockedS();
            assertEquals(t.lifetimeS(), sum, 0.01 + 0.01 * t.lifetimeS(), t.name() + ": held + wait + blocked vs lifetime");
        }
    }

    @Test
    void releaseChecksTheHolder() {
        Gil gil = new Gil();
        GilThread a = gil.register("a", 1);
        GilThread b = gil.register("b", 2);
        gil.acquire(a);
        assertThrows(IllegalStateException.class, () -> gil.releaseForBlocking(b));
        assertThrows(IllegalStateException.class, () -> gil.acquire(a));
        gil.releaseForBlocking(a);
        assertThrows(IllegalStateException.class, () -> gil.release(a));
        gil.reacquireAfterBlocking(a);
        gil.unregister(a);
        assertEquals(null, gil.holder());
        assertThrows(IllegalStateException.class, () -> gil.acquire(a));
        gil.acquire(b);
        assertTrue(gil.isHeldBy(b));
        gil.release(b);
        assertFalse(gil.isHeldBy(b));
    }

    /**
     * The convoy effect (bpo-7946): a thread that sleeps 0.5 ms in a loop beside a spinning
     * thread. Under cpython each return from the sleep waits about one interval for the GIL;
     * under io-priority the returning thread asks the spinner to drop at once. Returns the mean
     * and median extra latency per sleep in ms, the number of sleeps, and the shortest of the
     * sleeper's GIL waits that ended while the spinner was still running (ms; -1 if none).
     */
    private static double[] convoyExtraLatencyMs(Gil.Policy policy, double interval) throws Exception {
        Gil gil = new Gil(policy);
        gil.setSwitchInterval(interval);
        GilTrace trace = gil.startTrace();
        List<Long> extra = Collections.synchronizedList(new ArrayList<>());
        Workers.Worker spinner = new Workers.Worker(gil, "spinner", 400 * 1_000_000L);
        Workers.Worker io = new Workers.Worker(gil, "io", 0) {
            @Override
            public void run() {
                try {
                    gt = gil.register(name, 2);
                    ready.countDown();
                    if (!go.await(30, TimeUnit.SECONDS)) throw new AssertionError("never started");
                    startNanos = System.nanoTime();
                    gil.acquire(gt);
                    long end = startNanos + 300 * 1_000_000L;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try (Gil.Blocking b = gil.blocking(gt)) {
                            java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                        }
                        extra.add(System.nanoTime() - t0 - 500_000);
                    }
                    gil.unregister(gt);
                    endNanos = System.nanoTime();
                } catch (Throwable e) {
                    failure = e;
                }
            }
        };
        Workers.runAll(List.of(spinner, io));
        gil.stopTrace();
        long[] e = extra.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = java.util.Arrays.stream(e).average().orElse(0) / 1e6;
        double p50 = e[e.length / 2] / 1e6;
        // the sleeper's waits for the GIL, as the lock saw them (trace tracks are in registration order)
        List<GilStats.ThreadStats> ts = gil.stats().threads;
        int ioIndex = ts.get(0).name().equals("io") ? 0 : 1;
        long spinnerEnd = 0;
        for (GilTrace.Slice sl : trace.slices()) if (sl.thread() != ioIndex) spinnerEnd = Math.max(spinnerEnd, sl.end());
        long shortest = -1;
        for (GilTrace.Slice sl : trace.slices()) {
            if (sl.thread() == ioIndex && sl.state().equals("waiting") && sl.end() < spinnerEnd) {
                long d = sl.end() - sl.start();
                if (shortest < 0 || d < shortest) shortest = d;
            }
        }
        System.out.printf("convoy %-11s %s: %d sleeps, extra latency per sleep mean %.3f ms, p50 %.3f ms, shortest GIL wait %.3f ms%n",
                policy.label(), Gil.formatInterval(interval), e.length, mean, p50, shortest / 1e6);
        return new double[] {mean, p50, e.length, shortest < 0 ? -1 : shortest / 1e6};
    }

    @Test
    void ioPriorityRemovesTheConvoyEffect() throws Exception {
        double[] cpython = convoyExtraLatencyMs(Gil.Policy.CPYTHON, 0.02);
        double[] io = convoyExtraLatencyMs(Gil.Policy.IO_PRIORITY, 0.02);
        // Under cpython the sleeper never asks before a whole interval, so each time it has to
        // wait for the GIL it waits >= 20 ms. (Whether it has to wait depends on the machine: on
        // an idle one the spinner, woken when the sleeper lets go, has retaken the GIL well within
        // the 0.5 ms sleep - the convoy, p50 extra latency about 20 ms; on a loaded one the
        // spinner's wake-up can take longer than the sleep and the sleeper finds the GIL free.)
        assertTrue(cpython[3] < 0 || cpython[3] >= 19.9, "cpython: a GIL wait of only " + cpython[3] + " ms");
        assertTrue(io[1] < 10, "io-priority p50 extra " + io[1]);
        assertTrue(io[2] >= cpython[2], "io-priority lets the sleeper run at least as often");
    }
}
