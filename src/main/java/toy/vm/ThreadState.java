package toy.vm;

import toy.object.PyBaseException;

/**
 * What the interpreter keeps per thread: the frame being run, the recursion depth, the
 * exception being handled (for sys.exc_info and implicit chaining), and the eval breaker.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

    /** The innermost running frame, or null. */
    public Frame frame;
    /** The number of nested Python calls (checked against the recursion limit). */
    public int depth;
    /** The exception being handled by an except/finally block, or null. */
    public PyBaseException handled;
    /**
     * The eval breaker: non-zero when the thread must stop at its next check (backward jump or
     * function entry) to handle a request (GIL drop, pending signal, asynchronous exception).
     */
    public volatile int evalBreaker;

    /** The recursion limit of the interpreter (sys.setrecursionlimit). */
    public static volatile int recursionLimit = 1000;

    public static ThreadState current() { return CURRENT.get(); }
}
