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

    /** Installed by the subsystems that post requests (the GIL, signals). */
    public static volatile Handler handler = (ts, f) -> ts.evalBreaker = 0;

    static void handle(ThreadState ts, Frame f) { handler.handle(ts, f); }
}
