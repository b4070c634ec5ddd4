package toy.object;

/** A module: a name and a dict of globals. */
public final class PyModule extends PyObject {
    public static final PyType TYPE = PyType.builtin("module", PyType.OBJECT, (cls, a, k) -> {
        Args.checkCount("module", a, 1, 2);
        return new PyModule(Ops.str(a[0]));
    });

    public final String name;
    public final PyDict dict;

    public PyModule(String name) {
        this(name, new PyDict());
    }

    public PyModule(String name, PyDict dict) {
        super(TYPE);
        Refs.immortal(this);
        this.name = name;
        this.dict = Refs.own(dict);
        dict.put("__name__", PyStr.of(name));
        if (dict.get("__doc__") == null) dict.put("__doc__", Py.None);
    }

    @Override public PyDict dict() { return dict; }

    @Override public PyObject getAttr(PyStr n) {
        PyObject v = dict.getStr(n);
        if (v != null) return v;
        if (n.value.equals("__dict__")) return dict;
        PyObject ga = dict.get("__getattr__");
        if (ga != null) return Ops.call(ga, n);
        throw Exc.noAttribute(this, n.value);
    }

    @Override public void setAttr(PyStr n, PyObject value) { dict.put(n, value); }

    @Override public void delAttr(PyStr n) {
        if (dict.remove(n) == null) throw Exc.noAttribute(this, n.value);
    }

    /** Adds a Java function to the module. */
    public void def(String fname, PyBuiltinFunction.Impl impl) {
        dict.put(fname, new PyBuiltinFunction(fname, impl, this));
    }

    /** def for a function that hands its arguments straight to their dunder methods (see PyBuiltinFunction.passesOperands). */
    public void defPassingOperands(String fname, PyBuiltinFunction.Impl impl) {
        dict.put(fname, new PyBuiltinFunction(fname, impl, this, true));
    }

    @Override public String repr() {
        PyObject file = dict.get("__file__");
        if (file instanceof PyStr f) return "<module '" + name + "' from '" + f.value + "'>";
        return "<module '" + name + "' (built-in)>";
    }
}
