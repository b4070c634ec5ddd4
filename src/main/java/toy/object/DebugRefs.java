package toy.object;

/**
 * The checks of {@code --debug-refs}: every count operation first makes sure its object is
 * alive, so that a use after free or a count going below zero stops the run with a report
 * naming the object's type and the operation, instead of corrupting counts silently. The
 * eval loop records the instruction it is running in {@link #op} so that reports name it.
 * Only ever called when {@link Refs#DEBUG} is on.
 */
public final class DebugRefs {
    private DebugRefs() {}

    /**
     * The containers alive that the cycle collector does not track (dicts holding no
     * container), so that the leak report at exit sees them too.
     */
    public static final java.util.Set<PyContainer> untracked =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The instruction being executed (set by the eval loop in debug mode), for reports. */
    public static String op = "startup";

    /** Raised for a fatal reference-counting error; the command line reports it and exits. */
    public static final class RefError extends Error {
        public RefError(String message) { super(message, null, false, true); }
    }

    static void checkUse(PyObject o, String what) {
        if (o.refcnt <= Refs.FREED / 2) fail("use after free of " + o.type.name + " object", what);
    }

    static void checkDrop(PyObject o, String what) {
        checkUse(o, what);
        if (Refs.count(o) <= 0) fail("reference count of " + o.type.name + " object going below zero", what);
    }

    static void markFreed(PyObject o) {
        if (!Refs.isImmortal(o)) o.refcnt = Refs.FREED;
    }

    /** Checks that an object the VM is about to use is alive. */
    public static void checkAlive(PyObject o, String what) {
        if (o != null) checkUse(o, what);
    }

    private static void fail(String what, String op2) {
        throw new RefError(what + " (" + op2 + " in " + op + ")");
    }
}
