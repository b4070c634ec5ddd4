package toy.object;

/**
 * One thread's reference-counting state: its zero-count table (ZCT) and the bookkeeping of
 * destruction in progress. Only its own thread touches it, always under the GIL.
 */
public final class RefState {
    /**
     * The zero-count table: objects whose count reached zero, or that were born with a count
     * of zero, since the current instruction began. zct[0..top) are live; an eval-loop
     * invocation owns the part above the top it saw when it started.
     */
    PyObject[] zct = new PyObject[256];
    /** The number of entries in {@link #zct}. */
    int top;
    /**
     * The exception being raised on this thread, which no counted reference holds while it
     * travels as a Java throwable: a drain leaves it alone instead of destroying it.
     */
    PyObject inFlight;
    /**
     * The in-flight exception after a drain found it at zero: kept out of the table until a
     * handler takes it or another exception is raised, then destroyed if still unclaimed.
     */
    PyObject parked;
    /** How deep destructions are nested (the trashcan defers clearing beyond a limit). */
    int depth;
    /** Objects whose clearing the trashcan deferred, cleared by the outermost destruction. */
    PyContainer[] trash = new PyContainer[16];
    /** The number of entries in {@link #trash}. */
    int trashTop;

    /**
     * The running instruction's operands that its frame's stack holds by counted references
     * while the instruction's Java code runs (null where none): a script function that code
     * calls with one of them as an argument, a dunder method of the operand, does not count it
     * again for the call, as CPython's slot calls do not (see Interpreter.callFunction).
     */
    public PyObject held0, held1, held2;

    /** Marks the operands held (any may be null) until {@link #unhold}. */
    public void hold(PyObject a, PyObject b, PyObject c) {
        held0 = a;
        held1 = b;
        held2 = c;
    }

    public void unhold() {
        held0 = held1 = held2 = null;
    }

    /**
     * Whether o is one of the running instruction's held operands; if so, that marker is used
     * up (it spares one count: see Interpreter.callFunction, which restores the markers after).
     */
    public boolean takeHeld(PyObject o) {
        if (o == null) return false;
        if (o == held0) held0 = null;
        else if (o == held1) held1 = null;
        else if (o == held2) held2 = null;
        else return false;
        return true;
    }

    /** Drops each reference a dying container visits ({@link Refs#decrefNow}), made once per thread. */
    final RefVisitor dropNow = child -> Refs.decrefNow(this, child);

    /** The current top of the table: an eval loop drains down to the top it saw at entry. */
    public int mark() { return top; }

    /** True when entries above base are waiting to be drained. */
    public boolean pending(int base) { return top != base; }

    void push(PyObject o) {
        if (top == zct.length) zct = java.util.Arrays.copyOf(zct, top * 2);
        zct[top++] = o;
    }

    /** Forgets the exception in flight: a handler now holds it by a counted reference. */
    public void caught() {
        inFlight = null;
        unpark();
    }

    /** A new exception is on its way up: the previous one, if nobody took it, may die now. */
    void raising(PyObject exc) {
        if (parked != null && parked != exc) unpark();
        inFlight = exc;
    }

    private void unpark() {
        PyObject p = parked;
        parked = null;
        if (p != null && p.refcnt == 0) push(p);
    }
}
