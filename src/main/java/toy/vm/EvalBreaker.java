package toy.vm;

import toy.gil.Gil;

/**
 * What a thread does when its eval breaker is set: the hook the GIL, signal handling and
 * asynchronous exceptions use. Checked at backward jumps and function entry.
 */
public final class EvalBreaker {
    private EvalBreaker() {}

    /**
     * False when the GIL is disabled for benchmarking ({@code -Dtoy.gil.disabled=true}, see
     * {@link Gil#DISABLED}). A constant, so that the eval loop can guard its checks with
     * {@code if (EvalBreaker.ENABLED && ts.evalBreaker != 0)} and the JIT removes them entirely
     * in such a run; with the checks gone Ctrl-C is only seen in blocking calls.
     */
    public static final boolean ENABLED = !Gil.DISABLED;

    /** A handler for requests posted to a thread's eval breaker. */
    public interface Handler {
        void handle(ThreadState ts, Frame f);
    }

    /**
     * Installed by the subsystems that post requests (signals chain in front of it). The base
     * handler serves the GIL: when the holder was asked to drop, it lets go at this safe
     * point, recording where it was (file:line) for the holder attribution.
     */
    public static volatile Handler handler = EvalBreaker::serveGil;

    /** The GIL's part of the eval breaker. */
    public static void serveGil(ThreadState ts, Frame f) {
        ts.evalBreaker = 0;
        stopIfFinalizing(ts);
        if (ts.pendingInterrupt) Interrupts.check();
        if (ts.gil != null && ts.gil.dropRequested()) {
            String where = f == null ? null : f.code.filename + ":" + f.line();
            Runtime.get().gil.yieldIfRequested(ts.gil, where);
            stopIfFinalizing(ts); // the interpreter may have started exiting while this thread waited
        }
        if (ts.gil != null && Runtime.get().gil.switchEveryInstruction()) ts.evalBreaker = 1;
    }

    static void handle(ThreadState ts, Frame f) { handler.handle(ts, f); }

    /**
     * A script thread (a daemon: the interpreter waits for the others) that runs on once the
     * interpreter is exiting leaves the GIL and stops here for good; also run when a thread
     * takes the GIL back after a blocking call ({@link Gil#retaken}).
     */
    static void stopIfFinalizing(ThreadState ts) {
        if (ThreadState.finalizing && ts.pyThread != null) {
            ts.detach();
            while (true) java.util.concurrent.locks.LockSupport.park();
        }
    }

    static {
        Gil.retaken = () -> stopIfFinalizing(ThreadState.current());
    }

    /** How many warm-up ticks {@link #startWarmupTicks} delivers (about two seconds' worth). */
    static final int WARMUP_TICKS = 2000;
    /** The period of the warm-up ticks. */
    static final long WARMUP_TICK_NANOS = 1_000_000L;

    private static final java.util.concurrent.atomic.AtomicBoolean TICKING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * JIT warm-up ticks: for the first {@value #WARMUP_TICKS} milliseconds that some thread holds
     * the GIL after they start (at most ten times that in wall time), sets its eval breaker once
     * a millisecond for nothing ({@link Gil#tick}), then stops for good. They start (once per
     * process) when a script imports {@code threading} ({@code atInterpreterStart} false), or at
     * interpreter start when {@code -Dtoy.gil.warmupTicks=always}; {@code =never} turns them off,
     * and so does disabling the GIL. A tick that finds a waiter overdue posts the drop request
     * that waiter should have posted (see {@link Gil#tick}): in those first seconds the waiter's
     * own timed wait often ends late.
     *
     * <p>Why: HotSpot's C2 compiles a branch that its profile has never seen taken as a trap
     * that throws the method back to the bytecode interpreter. In a single-threaded start the
     * eval-breaker checks of the eval loop are never taken, so the first GIL drop request after
     * a second thread starts deoptimized the whole eval loop (about 5 KB of bytecode), and the
     * threads ran interpreted or in C1 code, competing with the compiler threads for the CPUs,
     * until C2 had compiled it again: 100-300 ms on an idle machine, seconds on a loaded one (the
     * first round of two CPU-bound threads took 2-5x the sequential time on a loaded 2-CPU
     * machine, later rounds about 1.2x). A tick is served by the eval loop like a drop request
     * that is not there, so the profile records the checks as taken, C2 compiles a real call
     * there, and nothing is deoptimized when the threads start.
     *
     * <p>Why only when threading is imported: with ticks from the start, the whole-process CPU
     * time of a tight single-threaded loop (benchmarks/scripts/int_loop) rose by 16-19%, most of
     * it extra JIT compilation (the compiled loop itself ran 1-2% slower). A program with
     * threads pays that anyway once its first drop request has recompiled the loop; a program
     * without them should not. (Making the taken path free needs the eval loop to
     * leave its loop to serve the eval breaker instead of calling out from inside it.)
     */
    public static void startWarmupTicks(Gil gil, boolean atInterpreterStart) {
        String mode = System.getProperty("toy.gil.warmupTicks", "auto");
        if (!ENABLED || mode.equals("never") || mode.equals("false")) return;
        boolean always = mode.equals("always") || mode.equals("true");
        if (atInterpreterStart && !always) return;
        if (!TICKING.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            int delivered = 0;
            long end = System.nanoTime() + 10L * WARMUP_TICKS * WARMUP_TICK_NANOS;
            while (delivered < WARMUP_TICKS && System.nanoTime() - end < 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(WARMUP_TICK_NANOS);
                if (gil.tick()) delivered++;
            }
        }, "toy-jit-warmup-ticks");
        t.setDaemon(true);
        t.start();
    }
}
