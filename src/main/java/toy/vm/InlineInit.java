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

    /** The __init__ function to run inline for a call of t, or null to take the generic path. */
    static PyFunction initFor(PyType t) {
        if (t.vmCacheVersion == t.version) return t.vmCache instanceof PyFunction f ? f : null;
        PyFunction r = compute(t);
        t.vmCache = r == null ? Boolean.FALSE : r;
        t.vmCacheVersion = t.version;
        return r;
    }

    private static PyFunction compute(PyType t) {
        if (t.type != PyType.TYPE || t.newFn != OBJECT.newFn) return null;
        PyObject newMeth = t.lookup("__new__");
        if (newMeth != OBJECT.dict.get("__new__")) return null;
        PyObject init = t.lookup("__init__");
        if (init instanceof PyFunction pf && !pf.code.isGenerator()) return pf;
        return null;
    }
}
