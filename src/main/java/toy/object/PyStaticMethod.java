package toy.object;

/** {@code staticmethod(f)} and {@code classmethod(f)}: wrappers that change how f binds. */
public final class PyStaticMethod extends PyContainer {
    public static final PyType STATIC = PyType.builtin("staticmethod", PyType.OBJECT, (cls, a, k) -> {
        Args.checkCount("staticmethod", a, 1, 1);
        return new PyStaticMethod(cls, a[0]);
    });
    public static final PyType CLASS = PyType.builtin("classmethod", PyType.OBJECT, (cls, a, k) -> {
        Args.checkCount("classmethod", a, 1, 1);
        return new PyStaticMethod(cls, a[0]);
    });

    public final PyObject func;

    PyStaticMethod(PyType t, PyObject func) {
        super(t);
        this.func = Refs.own(func);
    }

    @Override public void traverse(RefVisitor v) { v.visit(func); }

    static {
        STATIC.dict.put("__func__", new PyGetSet("__func__", o -> ((PyStaticMethod) o).func, null));
        CLASS.dict.put("__func__", new PyGetSet("__func__", o -> ((PyStaticMethod) o).func, null));
    }

    private boolean isClassMethod() { return type.isSubtypeOf(CLASS); }

    @Override public PyObject descrGet(PyObject instance, PyType owner) {
        if (isClassMethod()) return new PyMethod(func, owner != null ? owner : instance.type);
        return func;
    }

    @Override public PyObject call(PyObject[] args, String[] kwnames) { return func.call(args, kwnames); }
}
