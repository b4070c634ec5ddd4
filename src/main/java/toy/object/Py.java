package toy.object;

/** The singletons None, NotImplemented and Ellipsis, and small conveniences. */
public final class Py {
    private Py() {}

    /** A singleton object whose repr is fixed. */
    public static final class Singleton extends PyObject {
        private final String repr;
        private final boolean truth;

        Singleton(PyType t, String repr, boolean truth) {
            super(t);
            this.repr = repr;
            this.truth = truth;
            this.refcnt = Refs.IMMORTAL;
        }

        @Override public String repr() { return repr; }

        @Override public boolean isTrue() { return truth; }
    }

    public static final PyType NONE_TYPE = PyType.builtin("NoneType", PyType.OBJECT, (c, a, k) -> {
        Args.checkCount("NoneType", a, 0, 0);
        return Py.None;
    });
    public static final PyType NOT_IMPLEMENTED_TYPE = PyType.builtin("NotImplementedType", PyType.OBJECT, (c, a, k) -> Py.NotImplemented);
    public static final PyType ELLIPSIS_TYPE = PyType.builtin("ellipsis", PyType.OBJECT, (c, a, k) -> Py.Ellipsis);

    public static final PyObject None = new Singleton(NONE_TYPE, "None", false);
    public static final PyObject NotImplemented = new Singleton(NOT_IMPLEMENTED_TYPE, "NotImplemented", true);
    public static final PyObject Ellipsis = new Singleton(ELLIPSIS_TYPE, "Ellipsis", true);

    static {
        NONE_TYPE.baseType = false;
        NOT_IMPLEMENTED_TYPE.baseType = false;
        ELLIPSIS_TYPE.baseType = false;
    }

    public static PyObject bool(boolean b) { return b ? PyBool.TRUE : PyBool.FALSE; }

    public static PyStr str(String s) { return PyStr.of(s); }

    public static PyInt num(long v) { return PyInt.of(v); }
}
