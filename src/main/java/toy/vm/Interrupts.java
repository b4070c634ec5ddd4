package toy.vm;

import toy.object.Exc;
import toy.object.PyBaseException;
import toy.object.PyException;
import toy.object.PyTuple;

/**
 * Ctrl-C. SIGINT marks a pending KeyboardInterrupt on the main thread, sets its eval breaker
 * (so running bytecode raises it at the next backward jump or call) and interrupts the Java
 * thread (so a blocking wait — sleep, join, a lock, event or queue — returns at once and raises
 * it on the way out). A second Ctrl-C while the interpreter waits for threads at exit lists the
 * live threads and what each waits on, then exits.
 */
public final class Interrupts {
    private Interrupts() {}

    private static volatile ThreadState main;
    private static volatile Thread mainThread;
    /** True once the main module finished and the interpreter waits for other threads. */
    public static volatile boolean shuttingDown;

    /** Routes SIGINT to the calling (main) thread. */
    public static void install(ThreadState ts) {
        main = ts;
        mainThread = Thread.currentThread();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> onSigint());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform (or the JVM reserved it): Ctrl-C keeps its default effect
        }
    }

    private static void onSigint() {
        ThreadState ts = main;
        if (ts == null) return;
        if (shuttingDown) {
            StringBuilder sb = new StringBuilder("\nKeyboardInterrupt while waiting for threads to finish; still running:\n");
            for (ThreadState t : ThreadState.ATTACHED) {
                if (t == ts) continue;
                sb.append("  thread '").append(t.name).append("'")
                        .append(t.waitingOn == null ? " (running or sleeping)" : " waits on " + t.waitingOn).append('\n');
            }
            System.out.flush();
            System.err.print(sb);
            System.err.flush();
            java.lang.Runtime.getRuntime().halt(130);
        }
        ts.pendingInterrupt = true;
        ts.evalBreaker = 1;
        Thread t = mainThread;
        if (t != null) t.interrupt();
    }

    /** Raises KeyboardInterrupt if one is pending for the calling thread (after a blocking wait). */
    public static void check() {
        ThreadState ts = ThreadState.current();
        if (ts.pendingInterrupt) {
            ts.pendingInterrupt = false;
            Thread.interrupted();
            throw new PyException(new PyBaseException(Exc.KeyboardInterrupt, PyTuple.EMPTY));
        }
    }
}
