package toy.gil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Plain Java threads standing in for interpreter threads: they take the GIL, "run bytecode"
 * (a little arithmetic) and check the drop request between steps as the eval loop does at
 * backward jumps; some also drop the GIL around a short sleep, as a blocking call does.
 */
final class Workers {
    private Workers() {}

    static volatile long sink;

    /** About a microsecond of arithmetic: one "loop iteration" of an interpreted script. */
    static void burn() {
        long x = sink | 1;
        for (int k = 0; k < 200; k++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
    }

    /** A worker thread: CPU-bound for {@code runNanos}, optionally blocking every so often. */
    static class Worker implements Runnable {
        final Gil gil;
        final String name;
        final long runNanos;
        /** Every this many steps drop the GIL around a sleep of {@code sleepMicros} (0: never). */
        final int blockEvery;
        final long sleepMicros;
        GilThread gt;
        volatile long startNanos, endNanos;
        long steps;
        volatile Throwable failure;
        CountDownLatch ready, go;
        Thread thread;

        Worker(Gil gil, String name, long runNanos) { this(gil, name, runNanos, 0, 0); }

        Worker(Gil gil, String name, long runNanos, int blockEvery, long sleepMicros) {
            this.gil = gil;
            this.name = name;
            this.runNanos = runNanos;
            this.blockEvery = blockEvery;
            this.sleepMicros = sleepMicros;
        }

        @Override
        public void run() {
            try {
                gt = gil.register(name, Thread.currentThread().getId());
                ready.countDown();
                if (!go.await(30, TimeUnit.SECONDS)) throw new AssertionError("never started");
                startNanos = System.nanoTime();
                gil.acquire(gt);
                long deadline = startNanos + runNanos;
                int line = 0;
                while (System.nanoTime() < deadline) {
                    burn();
                    steps++;
                    if (gt.dropRequested()) gil.yieldIfRequested(gt, name + ".toy:" + (10 + (line++ % 7)));
                    if (blockEvery > 0 && steps % blockEvery == 0) {
                        gil.releaseForBlocking(gt);
                        Thread.sleep(sleepMicros / 1000, (int) (sleepMicros % 1000) * 1000);
                        gil.reacquireAfterBlocking(gt);
                    }
                }
                gil.unregister(gt);
                endNanos = System.nanoTime();
            } catch (Throwable e) {
                failure = e;
            }
        }
    }

    /** Starts the workers together and waits (bounded) for all of them to finish. */
    static void runAll(List<Worker> ws) throws Exception {
        CountDownLatch ready = new CountDownLatch(ws.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (Worker w : ws) {
            w.ready = ready;
            w.go = go;
            Thread t = new Thread(w, w.name);
            t.setDaemon(true);
            w.thread = t;
            ts.add(t);
            t.start();
        }
        if (!ready.await(30, TimeUnit.SECONDS)) fail("workers did not start");
        go.countDown();
        for (Thread t : ts) t.join(60_000);
        for (Thread t : ts) assertFalse(t.isAlive(), t.getName() + " did not finish (deadlock?)");
        for (Worker w : ws) {
            if (w.failure != null) throw new AssertionError(w.name + " failed", w.failure);
        }
    }

    /** Polls {@code cond} until it holds or {@code timeoutMs} passes; false on timeout. */
    static boolean await(BooleanSupplier cond, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** True when the thread named {@code name} is in {@code state} (holding/waiting/blocked...). */
    static boolean inState(Gil gil, String name, String state) {
        GilStats.ThreadStats t = gil.stats().thread(name);
        return t != null && t.state().equals(state);
    }
}
