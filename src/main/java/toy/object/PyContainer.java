package toy.object;

/**
 * An object that holds counted references to other objects: the containers (list, tuple,
 * dict, set), instances of script classes, functions, cells, bound methods, iterators,
 * exceptions, generators. These are the objects whose death does something (a finalizer
 * runs, held references are dropped) and the objects the cycle collector tracks (CPython's
 * "GC objects"). Scalars (int, float, str) hold nothing and are not containers.
 *
 * <p>A subclass must count every reference it stores in a field (incref when storing, decref
 * when replacing or removing) and list exactly those references in {@link #traverse}.
 */
public abstract class PyContainer extends PyObject {
    /** {@link #gcFlags} bit: the finalizer has run (it never runs twice, as in CPython 3.4+). */
    static final byte FINALIZED = 1;

    /** gcIndex of a container the collector does not track. */
    static final int UNTRACKED = -1;
    /** gcIndex of a container in slot s of the collector's nursery: IN_NURSERY - s. */
    static final int IN_NURSERY = -2;

    /**
     * Where the collector tracks this container: its position in its generation's array (0 or
     * more), its slot in the nursery ({@link #IN_NURSERY} or below), or {@link #UNTRACKED}.
     */
    int gcIndex = UNTRACKED;
    /** The collector's scratch count while a collection runs. */
    int gcRefs;
    /** The generation (0, 1, 2) the object is tracked in. */
    byte gcGen;
    /** State bits ({@link #FINALIZED}). */
    byte gcFlags;

    /** Whether the cycle collector tracks this container (what gc.is_tracked says). */
    final boolean tracked() { return gcIndex != UNTRACKED; }

    protected PyContainer(PyType type) {
        this(type, true, false);
    }

    /**
     * A container born untracked by the cycle collector (tracked false) must call
     * {@link Collector#trackLate} before it holds anything that could be part of a cycle.
     */
    protected PyContainer(PyType type, boolean tracked) {
        this(type, tracked, false);
    }

    /**
     * owned true: the container is born holding one counted reference, which its maker stores
     * at once, instead of floating in the zero-count table until then (see {@link Refs#born}).
     */
    protected PyContainer(PyType type, boolean tracked, boolean owned) {
        this(type, tracked, owned, true);
    }

    /**
     * countType false: the maker hands over a counted reference to the class that it holds
     * (the VM's {@code C(...)} fast path moves the value stack's).
     */
    protected PyContainer(PyType type, boolean tracked, boolean owned, boolean countType) {
        super(type);
        Refs.born(this, tracked, owned);
        // an instance of a class defined by a script keeps its class alive (CPython's heap types)
        if (countType && type != null && type.heap) Refs.incref(type);
    }

    /**
     * {@link #traverse} for the collector, destruction and the leak report. The constructor
     * above registers a container before its subclass has set its fields, so a container whose
     * construction a StackOverflowError cut short (deep recursion under a raised recursion
     * limit) can have null fields: it is taken to hold what traverse reached before it failed.
     */
    public final void traverseSafely(RefVisitor v) {
        try {
            traverse(v);
        } catch (NullPointerException e) {
            // a half-built container: see above
        }
    }

    /**
     * Visits every counted reference this object holds, in the order CPython's deallocator
     * drops them (destruction drops them in this order).
     */
    public abstract void traverse(RefVisitor v);

    /** Called after destruction dropped the references; objects with extra state may reset it. */
    protected void cleared() {}

    /** True when destroying this object runs code first (a script class's {@code __del__}). */
    protected boolean hasFinalizer() {
        return type.heap && type.hasDel();
    }

    /** Runs the finalizer; exceptions are reported and swallowed. */
    protected void runFinalizer() {
        PyObject del = type.lookup("__del__");
        if (del != null) Refs.callFinalizer(del, this);
    }

    /** True once the object has been destroyed. */
    public final boolean isFreed() { return refcnt <= Refs.FREED / 2; }
}
