package toy.object;

/**
 * Reference counting: every object knows how many references to it exist, and dies (its
 * {@code __del__} runs, then it drops what it holds) at the moment the last one goes away,
 * as in CPython.
 *
 * <h2>Who owns a reference</h2>
 * A reference is <em>counted</em> when it is stored in one of these places, and only there:
 * <ul>
 *   <li>a frame: its value stack, its local slots, its cells, its function;</li>
 *   <li>a container or holder ({@link PyContainer}): list and tuple items, dict keys and
 *       values, set keys, an instance's dict, a function's defaults and closure, a cell's
 *       value, a bound method's function and self, an iterator's sequence, an exception's
 *       args, context, cause and traceback, a generator's frame, a type's attributes;</li>
 *   <li>the thread state's "exception being handled".</li>
 * </ul>
 * Java code in between (the object protocols, builtins, library modules) works with
 * <em>borrowed</em> references and never adjusts counts for its own locals. A Java method
 * returns its result uncounted: the eval loop counts it when it pushes it. A newly made
 * object starts with a count of zero ("floating") until something stores it.
 *
 * <h2>The zero-count table</h2>
 * That convention has one hazard: an object can be at zero and still in use by Java code,
 * because {@code list.pop()} dropped the list's reference before returning the item, or
 * because a builtin made a temporary tuple it will never store. So an object whose count
 * reaches zero is not destroyed on the spot but put in its thread's zero-count table
 * ({@link RefState}), and so is every container when it is born (unless its maker stores
 * it at once and says so: an owned birth, see {@link #born}). The eval loop drains the
 * table at each instruction boundary: an entry still at zero dies then, in the order the
 * references were dropped; an entry whose count went up again (the popped item was pushed)
 * is simply forgotten. Seen from a script, an object dies at the end of the instruction that
 * dropped its last reference, which is where CPython kills it too, since nothing else runs
 * in between.
 *
 * <p>Each eval-loop invocation drains only the part of the table above the top it saw when
 * it started: a builtin that holds floating objects while it calls back into script code
 * ({@code sorted(key=...)}) is protected, because the nested loop leaves the older entries
 * alone. When a loop returns a value to Java code, it first drains its own part and then
 * turns its reference to the value into a floating one.
 *
 * <p>An exception on its way up as a Java throwable is held by no counted reference; the
 * thread's {@link RefState#inFlight} names it so that a drain keeps it until a handler has
 * pushed it.
 *
 * <h2>Destruction</h2>
 * Only objects that hold references ({@link PyContainer}) need any work when they die; for
 * strings, ints and floats the Java collector reclaims the memory and nothing is observable
 * (except in {@code --debug-refs} mode, where every dead object is marked). Instances of a
 * script's subclass of int, float, str or bytes are the exception among scalars: their class may
 * define __del__, and they hold their class ({@link #bornScalarInstance}). Destroying a
 * container:
 * <ol>
 *   <li>runs its finalizer once ({@code __del__} of a script class, closing a suspended
 *       generator) with the count held at one; if the finalizer stored the object somewhere,
 *       the object is resurrected and stays alive;</li>
 *   <li>sets the count to {@link #FREED} and untracks it from the cycle collector;</li>
 *   <li>drops each reference it holds, depth first and in CPython's order (a list drops its
 *       items last to first, a dict in insertion order), destroying at once any child whose
 *       count reaches zero.</li>
 * </ol>
 * A destroyed object keeps its Java fields: using it by mistake still works in normal runs
 * (nothing crashes), and in debug mode the first use is reported as a use after free.
 *
 * <p>The trashcan: destruction recurses, so a linked list of a million nodes would overflow
 * the Java stack. Beyond {@link #TRASHCAN_DEPTH} nested destructions, the clearing of further
 * objects is deferred to a list that the outermost destruction works through iteratively.
 *
 * <h2>Immortals and invariants</h2>
 * Small ints, None, True, False, Ellipsis, NotImplemented, interned strings, the empty
 * tuple and string, types, modules, built-in functions, code objects and the tuple and
 * frozenset constants of code are immortal (other constants are counted, held by their code):
 * their count is {@link #IMMORTAL} and never changes (CPython 3.12's PEP 683). Every count
 * operation tests for it, and the test pays: a few objects (None, small ints, True, False,
 * built-in functions) take part in most instructions, and counting them up and down would
 * chain every instruction to the previous one through the same memory word, each increment
 * waiting for the last store. A call of a built-in on a small int ran 20-25% slower than with
 * counting off; skipping immortals brings it level.
 *
 * <p>The scalar bias: a mortal object that holds no references (an exact int, float, str)
 * starts with its count field at {@link #SCALAR_BIAS}, not zero. Its field can then never reach zero,
 * so the only test a decref makes is for zero, and only containers pass it: no test of what
 * kind of object died runs on the hot path (a dead scalar needs nothing done). {@link #count}
 * takes the bias off for {@code sys.getrefcount}; in debug mode a scalar whose field comes
 * back to the bias is marked freed like any dead object.
 *
 * <p>Invariants: counts change only under the GIL (a plain int field, not an atomic); a
 * counted reference is dropped exactly once; traverse visits exactly the counted references
 * an object holds (the cycle collector relies on it: visiting an uncounted one could free a
 * live object, missing a counted one only leaks a cycle).
 *
 * <p>{@code -Dtoy.norefs=true} turns every count operation into a no-op (objects then never
 * die before the JVM collects them); it exists to measure what counting costs.
 */
public final class Refs {
    private Refs() {}

    /** False only in the measuring mode where counting is stubbed out. */
    public static final boolean ENABLED = !Boolean.getBoolean("toy.norefs");
    /** --debug-refs: dead objects are marked and every use of one is a fatal error. */
    public static final boolean DEBUG = Boolean.getBoolean("toy.debugRefs");
    /** The count of an immortal object. */
    public static final int IMMORTAL = 1 << 30;
    /** Counts at or above this are immortal ones: count operations leave them alone. */
    static final int IMMORTAL_FLOOR = IMMORTAL / 2;
    /**
     * Added to the count of every mortal object that holds no references (an exact int, float, str):
     * such a scalar's field never reaches zero, so a decref needs no test of what kind of
     * object reached zero; only containers ever do. {@link #count} gives the true count.
     */
    public static final int SCALAR_BIAS = 1 << 28;
    /** What a new scalar's count field starts at (zero when counting is off). */
    static final int SCALAR_BASE = ENABLED ? SCALAR_BIAS : 0;
    /** The count of a destroyed object. */
    public static final int FREED = -(1 << 30);
    /** Nested destructions beyond this depth are deferred (the trashcan). */
    static final int TRASHCAN_DEPTH = 200;

    private static final ThreadLocal<RefState> FALLBACK = ThreadLocal.withInitial(RefState::new);

    /** Statistics: containers born, destroyed, destroyed by the cycle collector, peak alive. */
    public static long allocated, freed, freedByGc, peakLive;

    /** Reports an exception raised by a finalizer ("Exception ignored in: ..."); set by the runtime. */
    public static volatile java.util.function.BiConsumer<String, PyException> unraisableHook =
            (what, e) -> System.err.println("Exception ignored in: " + what + "\n" + e.getMessage());

    /** The calling thread's state. */
    public static RefState state() {
        Thread t = Thread.currentThread();
        if (t instanceof ToyThread tt) return tt.refs;
        return FALLBACK.get();
    }

    /** Makes o immortal (and returns it). */
    public static <T extends PyObject> T immortal(T o) {
        o.refcnt = IMMORTAL;
        return o;
    }

    public static boolean isImmortal(PyObject o) { return o.refcnt >= IMMORTAL_FLOOR; }

    /**
     * The number of counted references to o (what sys.getrefcount reports, less its
     * argument's): the field, less {@link #SCALAR_BIAS} for a mortal scalar.
     */
    public static int count(PyObject o) {
        int r = o.refcnt;
        return o instanceof PyContainer || o.type.heap || r >= IMMORTAL_FLOOR || r <= FREED / 2 ? r : r - SCALAR_BASE;
    }

    /** True when a mortal scalar's count dropped to zero (only --debug-refs looks: it marks the scalar freed). */
    private static boolean scalarAtZero(PyObject o) {
        return o.refcnt == SCALAR_BIAS && !(o instanceof PyContainer);
    }

    /**
     * Takes one off a mortal object's count and returns the new count; an immortal's count is
     * left alone and returned as it is (never zero).
     */
    private static int lower(PyObject o) {
        int r = o.refcnt;
        if (r < IMMORTAL_FLOOR) o.refcnt = --r;
        return r;
    }

    /** Counts a new reference to o. */
    public static void incref(PyObject o) {
        if (!ENABLED) return;
        if (DEBUG) DebugRefs.checkUse(o, "incref");
        int r = o.refcnt;
        if (r < IMMORTAL_FLOOR) o.refcnt = r + 1;
    }

    /** incref for a reference that may be null. */
    public static void xincref(PyObject o) {
        if (o != null) incref(o);
    }

    /** Counts a new reference to o and returns o. */
    public static <T extends PyObject> T own(T o) {
        incref(o);
        return o;
    }

    /** Drops a counted reference; the object dies at the next drain if nothing takes it meanwhile. */
    public static void decref(PyObject o) {
        if (!ENABLED) return;
        if (DEBUG) DebugRefs.checkDrop(o, "decref");
        if (lower(o) == 0 || (DEBUG && scalarAtZero(o))) state().push(o);
    }

    /** decref for a reference that may be null. */
    public static void xdecref(PyObject o) {
        if (o != null) decref(o);
    }

    /** decref with the thread's state at hand (the eval loop's form). */
    public static void decref(RefState rs, PyObject o) {
        if (!ENABLED) return;
        if (DEBUG) DebugRefs.checkDrop(o, "decref");
        if (lower(o) == 0 || (DEBUG && scalarAtZero(o))) rs.push(o);
    }

    /** Replaces a counted reference: counts the new value, drops the old one (either may be null). */
    public static void swap(PyObject old, PyObject now) {
        if (now != null) incref(now);
        if (old != null) decref(old);
    }

    /**
     * Called for a new instance of a script subclass of int, float, str or bytes: unlike an exact
     * scalar it can die observably (its class may define __del__), so it is counted as a
     * container is, from zero and without the bias, floating in the table until something
     * stores it; and it holds its class, as an instance of a script class does.
     */
    public static <T extends PyObject> T bornScalarInstance(T o) {
        if (!ENABLED) return o;
        o.refcnt = 0;
        state().push(o);
        incref(o.type);
        return o;
    }

    /**
     * Called by a new container: it floats in the table until something stores it, or, when
     * owned, starts with the count of the one reference its maker stores at once.
     */
    static void born(PyContainer c, boolean tracked, boolean owned) {
        if (!ENABLED) return;
        Collector.born(c, tracked);
        if (!owned) {
            state().push(c);
        } else {
            c.refcnt = 1;
            // the table's next drain runs a collection that this birth made due: an owned
            // birth puts nothing in the table, and a loop that only makes owned instances
            // would otherwise never drain and never collect
            if (Collector.due) state().push(c);
        }
        long live = ++allocated - freed;
        if (live > peakLive) peakLive = live;
    }

    /**
     * Java code caught the exception in flight and will not re-raise it (StopIteration ending a
     * loop, AttributeError behind getattr's default): it may die at the next drain.
     */
    public static void swallowed() {
        if (ENABLED) state().caught();
    }

    /**
     * The same for an exception that dies at once, not at the next drain, when nothing counts
     * it (CPython's PyErr_Clear before the code that follows runs: __getattr__ after
     * __getattribute__ raised AttributeError).
     */
    public static void swallowedDiesNow(PyObject exc) {
        if (!ENABLED) return;
        RefState rs = state();
        rs.caught();
        if (exc.refcnt == 0) destroy(rs, exc);
    }

    /** Marks that an exception is travelling up the Java stack on this thread. */
    public static void raising(PyObject exc) {
        if (ENABLED) state().raising(exc);
    }

    /**
     * Destroys the entries above base that are still at zero, in the order they were added;
     * an in-flight exception stays in the table.
     */
    public static void drain(RefState rs, int base) {
        if (!ENABLED) return;
        for (int i = base; i < rs.top; i++) {
            PyObject o = rs.zct[i];
            rs.zct[i] = null;
            if (o.refcnt != 0 && !(DEBUG && scalarAtZero(o))) continue;
            if (o == rs.inFlight) {
                rs.parked = o;
                continue;
            }
            destroy(rs, o);
        }
        rs.top = base;
        if (Collector.due) Collector.collectDue();
    }

    /** Drains the calling thread's whole table (at thread exit and interpreter shutdown). */
    public static void drainAll() {
        RefState rs = state();
        rs.inFlight = null;
        if (rs.parked != null && rs.parked.refcnt == 0) rs.push(rs.parked);
        rs.parked = null;
        drain(rs, 0);
    }

    /**
     * Drops a reference; when it was the last, the object dies at once rather than at the next
     * drain. A returning frame drops its locals so, one after the other, as CPython's frame
     * clear does: a list held only by the first local dies before the second local is dropped.
     * STORE_FAST and POP_TOP drop the one reference they replace or discard so too, which spares
     * the table a round trip (the drain after them would destroy the object at the same point).
     */
    public static void decrefAtOnce(RefState rs, PyObject o) {
        if (!ENABLED) return;
        if (DEBUG) DebugRefs.checkDrop(o, "decref");
        if (lower(o) != 0) {
            if (DEBUG && scalarAtZero(o)) destroy(rs, o);
            return;
        }
        if (o == rs.inFlight) rs.push(o);
        else destroy(rs, o);
    }

    /** Drops a reference from inside a destruction: a child at zero dies at once (depth first). */
    static void decrefNow(RefState rs, PyObject o) {
        if (o == null || !ENABLED) return;
        if (DEBUG) DebugRefs.checkDrop(o, "decref");
        if (lower(o) == 0 || (DEBUG && scalarAtZero(o))) destroy(rs, o);
    }

    /**
     * Destroys an object whose count is zero (see the class comment). The launcher keeps the JVM
     * from inlining this into its callers (-XX:CompileCommand=dontinline): inlined into every
     * compiled place where a count can reach zero, it crowded out the inlining of the code
     * around it (docs/refcounting.md, session 11).
     */
    static void destroy(RefState rs, PyObject o) {
        if (!(o instanceof PyContainer c)) {
            if (o.type.heap) destroyScalarInstance(rs, o);
            else if (DEBUG) DebugRefs.markFreed(o);
            return;
        }
        if ((c.gcFlags & PyContainer.FINALIZED) == 0 && c.hasFinalizer()) {
            c.gcFlags |= PyContainer.FINALIZED;
            if (finalizeResurrects(rs, c)) return;
        }
        o.refcnt = FREED;
        Collector.died(c);
        freed++;
        if (DEBUG) DebugRefs.markFreed(o);
        if (rs.depth >= TRASHCAN_DEPTH) {
            if (rs.trashTop == rs.trash.length) rs.trash = java.util.Arrays.copyOf(rs.trash, rs.trashTop * 2);
            rs.trash[rs.trashTop++] = c;
            return;
        }
        dropContents(rs, c);
        if (rs.depth == 0) {
            while (rs.trashTop > 0) {
                PyContainer t = rs.trash[--rs.trashTop];
                rs.trash[rs.trashTop] = null;
                dropContents(rs, t);
            }
        }
    }

    /**
     * Script subclass instances of int, float, str or bytes whose __del__ ran and stored them somewhere:
     * when they die again, their __del__ does not run a second time (PEP 442), as a container's
     * FINALIZED flag says for it. Rare, so a set rather than a field in every object.
     */
    private static final java.util.Set<PyObject> FINALIZED_SCALARS =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Destroys an instance of a script subclass of int, float, str or bytes: __del__ once, then its class is dropped. */
    private static void destroyScalarInstance(RefState rs, PyObject o) {
        if (!FINALIZED_SCALARS.remove(o) && o.type.hasDel() && finalizeResurrects(rs, o)) {
            FINALIZED_SCALARS.add(o);
            return;
        }
        o.refcnt = FREED;
        if (DEBUG) DebugRefs.markFreed(o);
        decrefNow(rs, o.type);
    }

    /**
     * Runs o's finalizer (a container's, or a scalar instance's __del__) with its count held at
     * one; true when the finalizer stored o somewhere, resurrecting it.
     */
    private static boolean finalizeResurrects(RefState rs, PyObject o) {
        o.refcnt = 1;
        PyObject savedInFlight = rs.inFlight;
        try {
            if (o instanceof PyContainer c) {
                c.runFinalizer();
            } else {
                PyObject del = o.type.lookup("__del__");
                if (del != null) callFinalizer(del, o);
            }
        } finally {
            rs.inFlight = savedInFlight;
        }
        return --o.refcnt != 0;
    }

    /** Drops everything a dead container holds (its class last), one level deeper. */
    private static void dropContents(RefState rs, PyContainer c) {
        rs.depth++;
        try {
            c.traverseSafely(rs.dropNow);
            c.cleared();
            if (c.type.heap) decrefNow(rs, c.type);
        } finally {
            rs.depth--;
        }
    }

    /** Calls a finalizer and reports (never propagates) what it raises, as CPython does. */
    static void callFinalizer(PyObject del, PyObject self) {
        try {
            Ops.callMethod(del, self);
        } catch (PyException e) {
            unraisableHook.accept(Ops.repr(del), e);
        }
    }

    /**
     * Makes every object still floating in the calling thread's table immortal and empties the
     * table: called once start-up has built the runtime's own tables (sys.modules, builtins),
     * which Java fields hold without counting.
     */
    public static void immortalizeFloating() {
        RefState rs = state();
        for (int i = 0; i < rs.top; i++) {
            PyObject o = rs.zct[i];
            rs.zct[i] = null;
            if (o.refcnt == 0 || scalarAtZero(o)) immortal(o);
        }
        rs.top = 0;
    }

    /**
     * The {@code refcount} section of the statistics: containers allocated, freed, freed by
     * the cycle collector, the peak alive at once, and collector runs.
     */
    public static java.util.Map<String, Object> statsMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("allocated", allocated);
        m.put("freed", freed);
        m.put("freed_by_gc", freedByGc);
        m.put("peak_live", peakLive);
        m.put("collections", Collector.collections);
        return m;
    }

    /** Starts the statistics afresh (gil.reset_stats()); the peak restarts from what is alive now. */
    public static void resetStats() {
        long live = live();
        allocated = live;
        freed = 0;
        freedByGc = 0;
        peakLive = live;
        Collector.collections = 0;
    }

    /** The number of containers alive (born and not yet destroyed). */
    public static long live() { return allocated - freed; }
}
