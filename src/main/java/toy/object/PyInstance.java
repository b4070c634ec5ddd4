package toy.object;

/**
 * An instance of a class defined by a script whose built-in base is {@code object}. Its
 * protocols all come from dunder lookup on its heap type (see {@link Ops}); this class only
 * holds the attribute dict and lets instances act as descriptors.
 */
public class PyInstance extends PyContainer {
    /** The instance attributes; created on first assignment. */
    public PyDict dict;

    public PyInstance(PyType type) { super(type); }

    private PyInstance(PyType type, boolean owned) { super(type, true, owned); }

    /** A new instance holding one counted reference, which the caller stores at once. */
    public static PyInstance owned(PyType type) { return new PyInstance(type, true); }

    @Override public PyDict dict() {
        if (dict == null) dict = PyDict.owned();
        return dict;
    }

    @Override public void traverse(RefVisitor v) { v.visit(dict); }

    @Override public PyObject getAttrOrNull(PyStr name) { return Attr.genericGetAttr(this, name, false); }

    @Override public PyObject descrGet(PyObject instance, PyType owner) {
        if (!type.heap) return null;
        PyObject get = type.lookup("__get__");
        if (get == null) return null;
        return Ops.callMethod(get, this, instance == null ? Py.None : instance, owner);
    }

    @Override public boolean isDataDescriptor() {
        return type.heap && (type.lookup("__set__") != null || type.lookup("__delete__") != null);
    }

    @Override public void descrSet(PyObject instance, PyObject value) {
        PyObject set = type.lookup(value == null ? "__delete__" : "__set__");
        if (set == null) throw Exc.attributeError("__set__");
        if (value == null) Ops.callMethod(set, this, instance); else Ops.callMethod(set, this, instance, value);
    }

    /** A plain {@code object()}: it has no instance dict, so attributes cannot be set on it. */
    static final class Bare extends PyInstance {
        Bare() { super(PyType.OBJECT); }

        @Override public PyDict dict() { return null; }

        @Override public PyObject getAttrOrNull(PyStr name) { return Attr.genericGetAttr(this, name, false); }
    }
}
