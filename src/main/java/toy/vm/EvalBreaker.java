package toy.vm;

/**
 * What a thread does when its eval breaker is set: the hook the GIL, signal handling and
 * asynchronous exceptions use. Checked at backward jumps and function entry.
 */
public final class EvalBreaker {
    private EvalBreaker() {}

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
        if (ThreadState.finalizing && ts.pyThread != null) {
            // a daemon thread at interpreter exit: leave the GIL and stop here for good
            ts.detach();
            while (true) java.util.concurrent.locks.LockSupport.park();
        }
        if (ts.pendingInterrupt) Interrupts.check();
        if (ts.gil != null && ts.gil.dropRequested()) {
            String where = f == null ? null : f.code.filename + ":" + f.line();
            Runtime.get().gil.yieldIfRequested(ts.gil, where);
        }
        if (ts.gil != null && Runtime.get().gil.switchEveryInstruction()) ts.evalBreaker = 1;
    }

    static void handle(ThreadState ts, Frame f) { handler.handle(ts, f); }
}
