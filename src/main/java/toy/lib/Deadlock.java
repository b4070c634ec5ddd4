package toy.lib;

import java.util.ArrayList;
import java.util.List;
import toy.vm.Frame;
import toy.vm.ThreadState;

/**
 * Deadlock detection, which CPython does not have. Every wait without a timeout on a Toy lock,
 * condition, event, barrier, queue or join is registered here for its duration. A watchdog
 * (started with the first such wait) looks every 100 ms: when every thread attached to the
 * interpreter has been in such a wait for five looks in a row and no wait has ended meanwhile,
 * no thread can ever wake another: it prints {@code deadlock: all threads are blocked} with what
 * each thread waits on and its traceback, and exits with status 1.
 *
 * <p>No false positives while something can still happen: a thread that runs, waits for the
 * GIL, sleeps, or waits with a timeout (timers too) is not in an untimed wait, so the condition
 * cannot hold; and since waits only end when another thread acts, "all in untimed waits and
 * none ended" stays true forever once it holds.
 */
public final class Deadlock {
    private Deadlock() {}

    /** Bumped whenever an untimed wait begins or ends. */
    private static volatile long progress;
    private static Thread watchdog;

    /** Marks the calling thread as waiting on what, with no timeout. Call with the GIL held. */
    public static void enter(String what) {
        ThreadState ts = ThreadState.current();
        if (ts.gil == null) return;
        ts.waitingOn = what;
        progress++;
        startWatchdog();
    }

    /** Ends the wait begun by {@link #enter}. */
    public static void exit() {
        ThreadState ts = ThreadState.current();
        if (ts.waitingOn != null) {
            ts.waitingOn = null;
            progress++;
        }
    }

    private static synchronized void startWatchdog() {
        if (watchdog != null) return;
        watchdog = new Thread(Deadlock::watch, "toy-deadlock-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void watch() {
        long seen = -1;
        int quiet = 0;
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            List<ThreadState> live = new ArrayList<>(ThreadState.ATTACHED);
            boolean allBlocked = !live.isEmpty();
            for (ThreadState ts : live) if (ts.waitingOn == null) allBlocked = false;
            long p = progress;
            if (allBlocked && p == seen) quiet++;
            else quiet = 0;
            seen = p;
            if (quiet >= 5) {
                report(live);
                return;
            }
        }
    }

    private static void report(List<ThreadState> threads) {
        // in the order the threads joined the interpreter: the main thread first
        threads.sort(java.util.Comparator.comparingInt(ts -> ts.gil == null ? Integer.MAX_VALUE : ts.gil.index));
        StringBuilder sb = new StringBuilder("deadlock: all threads are blocked\n");
        for (ThreadState ts : threads) {
            sb.append("  thread '").append(ts.name).append("' waits on ").append(ts.waitingOn).append('\n');
            List<Frame> frames = new ArrayList<>();
            for (Frame f = ts.frame; f != null; f = f.back) frames.add(0, f);
            sb.append("    Traceback (most recent call last):\n");
            for (Frame f : frames) {
                int line = f.line();
                sb.append("      File \"").append(f.code.filename).append("\", line ").append(line).append(", in ")
                        .append(f.code.name).append('\n');
                String src = TracebackPrinter.sourceLine(f.code.filename, line);
                if (src != null && !src.isBlank()) sb.append("        ").append(src.strip()).append('\n');
            }
        }
        StdStreams.flushAll();
        System.out.flush();
        System.err.print(sb);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}
