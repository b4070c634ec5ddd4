package toy.vm;

import toy.object.PyInstance;
import toy.object.PyObject;
import toy.object.PyType;

/**
 * Decides when {@code C(...)} can skip the generic type call: C is a script class whose
 * instances are plain {@link PyInstance}s, with object's __new__, no metaclass __call__, and a
 * script-defined __init__. Then the VM allocates the instance and runs __init__ as an inline
 * call, exactly what type.__call__ would do, without re-entering the interpreter from Java.
 */
final class InlineInit {
    private InlineInit() {}

    private static final PyType OBJECT = PyType.OBJECT;

    /** {@link PyType#vmCache} when C's __init__ is object's too: {@code C()} is a bare allocation. */
    private static final Object BARE = new Object();

    /** The __init__ function to run inline for a call of t, or null to take the generic path. */
    static PyFunction initFor(PyType t) {
        return cached(t) instanceof PyFunction f ? f : null;
    }

    /**
     * True when t's instances are plain and t keeps object's __new__ and __init__: then
     * {@code t()} only allocates (with arguments it is object.__init__'s TypeError, which the
     * generic path raises).
     */
    static boolean isBare(PyType t) {
        return cached(t) == BARE;
    }

    private static Object cached(PyType t) {
        if (t.vmCacheVersion != t.version) {
            t.vmCache = compute(t);
            t.vmCacheVersion = t.version;
        }
        return t.vmCache;
    }

    /** The script __init__, {@link #BARE}, or FALSE (the generic path). */
    private static Object compute(PyType t) {
        if (t.type != PyType.TYPE || t.newFn != OBJECT.newFn) return Boolean.FALSE;
        PyObject newMeth = t.lookup("__new__");
        if (newMeth != OBJECT.dict.get("__new__")) return Boolean.FALSE;
        PyObject init = t.lookup("__init__");
        if (init instanceof PyFunction pf && !pf.code.isGenerator()) return pf;
        if (init == OBJECT.dict.get("__init__")) return BARE;
        return Boolean.FALSE;
    }
}
