package toy.vm;

import toy.gil.Gil;
import toy.gil.GilThread;
import toy.object.PyBaseException;
import toy.object.RefState;
import toy.object.Refs;

/**
 * What the interpreter keeps per thread: the frame being run, the recursion depth, the
 * exception being handled (for sys.exc_info and implicit chaining), and the eval breaker.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);
    /** Every thread attached to the interpreter (for the deadlock detector). */
    public static final java.util.Set<ThreadState> ATTACHED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The thread's name while attached. */
    public volatile String name;
    /** Set by Ctrl-C: KeyboardInterrupt is to be raised in this thread at its next safe point. */
    public volatile boolean pendingInterrupt;
    /** What the thread waits on with no timeout (a Toy lock, event, queue, join), or null. */
    public volatile String waitingOn;

    /** The innermost running frame, or null. */
    public Frame frame;
    /** The number of nested Python calls (checked against the recursion limit). */
    public int depth;
    /** The exception being handled by an except/finally block (a counted reference), or null. */
    public PyBaseException handled;
    /** This thread's reference-counting state (its zero-count table). */
    public final RefState refs = Refs.state();

    /** Replaces the exception being handled, counting the new one and dropping the old. */
    public void setHandled(PyBaseException e) {
        PyBaseException old = handled;
        if (old == e) return;
        handled = e;
        Refs.swap(old, e);
    }
    /**
     * The eval breaker: non-zero when the thread must stop at its next check (backward jump or
     * function entry) to handle a request (GIL drop, pending signal, asynchronous exception).
     */
    public volatile int evalBreaker;

    /** The thread's record in the GIL (null until {@link #attach}: the thread runs no bytecode). */
    public GilThread gil;
    /** The Python-level thread object (threading.Thread), or null for the main thread before threading is used. */
    public Object pyThread;

    /**
     * Set when the main thread has finished and the interpreter exits: daemon threads stop at
     * their next safe point (see {@link EvalBreaker#serveGil}) instead of running on.
     */
    public static volatile boolean finalizing;

    /** Starts interpreter exit: every other attached thread is asked to stop at its next safe point. */
    public static void beginFinalizing() {
        finalizing = true;
        ThreadState me = current();
        for (ThreadState ts : ATTACHED) if (ts != me) ts.evalBreaker = 1;
    }

    /** The recursion limit of the interpreter (sys.setrecursionlimit). */
    public static volatile int recursionLimit = 1000;

    public static ThreadState current() {
        if (Thread.currentThread() instanceof toy.object.ToyThread t) {
            Object s = t.vmState;
            if (s != null) return (ThreadState) s;
            ThreadState ts = CURRENT.get();
            t.vmState = ts;
            return ts;
        }
        return CURRENT.get();
    }

    /**
     * Makes the calling Java thread an interpreter thread: registers it with the GIL (a drop
     * request sets this thread's eval breaker) and takes the GIL.
     */
    public static ThreadState attach(String name, long ident) {
        ThreadState ts = current();
        Gil gil = Runtime.get().gil;
        ts.gil = gil.register(name, ident);
        ts.name = name;
        ATTACHED.add(ts);
        ts.gil.onDropRequest(() -> ts.evalBreaker = 1);
        gil.acquire(ts.gil);
        return ts;
    }

    /** Leaves the interpreter: releases the GIL and forgets the thread. */
    public void detach() {
        ATTACHED.remove(this);
        if (gil != null) {
            Runtime.get().gil.unregister(gil);
            gil = null;
        }
    }

    /** A blocking operation of the current thread: the GIL is released for its duration. */
    public static Gil.Blocking blocking() {
        ThreadState ts = current();
        if (ts.gil == null) return null;
        return Runtime.get().gil.blocking(ts.gil);
    }
}
