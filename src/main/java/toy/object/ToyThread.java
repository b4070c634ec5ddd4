package toy.object;

/**
 * A Java thread that runs Toy code. It carries the thread's reference-counting state
 * ({@link RefState}) in a plain field, so that every allocation of a container can find its
 * thread's zero-count table without a ThreadLocal lookup. Threads of other kinds (test
 * runners) fall back to a ThreadLocal.
 */
public class ToyThread extends Thread {
    /** This thread's zero-count table and destruction state. */
    public final RefState refs = new RefState();
    /** The VM's state of this thread (a vm.ThreadState, set by it on first use): a field read instead of a thread-local lookup. */
    public Object vmState;

    public ToyThread(Runnable body, String name, long stackSize) {
        super(null, body, name, stackSize);
    }
}
