package toy.object;

/** {@code property(fget, fset, fdel, doc)}: a data descriptor calling the given functions. */
public final class PyProperty extends PyContainer {
    public static final PyType TYPE = PyType.builtin("property", PyType.OBJECT, (cls, a, k) -> {
        PyObject[] p = Args.parse("property", a, k, new String[] {"fget", "fset", "fdel", "doc"}, 0, 4);
        return new PyProperty(none(p[0]), none(p[1]), none(p[2]), none(p[3]));
    });

    final PyObject fget, fset, fdel, doc;

    public PyProperty(PyObject fget, PyObject fset, PyObject fdel, PyObject doc) {
        super(TYPE);
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
        this.doc = doc;
        Refs.xincref(fget);
        Refs.xincref(fset);
        Refs.xincref(fdel);
        Refs.xincref(doc);
    }

    @Override public void traverse(RefVisitor v) {
        v.visit(fget);
        v.visit(fset);
        v.visit(fdel);
        v.visit(doc);
    }

    private static PyObject none(PyObject o) { return o == Py.None ? null : o; }

    static {
        TYPE.def("getter", (self, a, k) -> { PyProperty p = (PyProperty) self; return new PyProperty(a[0], p.fset, p.fdel, p.doc); });
        TYPE.def("setter", (self, a, k) -> { PyProperty p = (PyProperty) self; return new PyProperty(p.fget, a[0], p.fdel, p.doc); });
        TYPE.def("deleter", (self, a, k) -> { PyProperty p = (PyProperty) self; return new PyProperty(p.fget, p.fset, a[0], p.doc); });
        TYPE.dict.put("fget", new PyGetSet("fget", o -> orNone(((PyProperty) o).fget), null));
        TYPE.dict.put("fset", new PyGetSet("fset", o -> orNone(((PyProperty) o).fset), null));
        TYPE.dict.put("fdel", new PyGetSet("fdel", o -> orNone(((PyProperty) o).fdel), null));
        TYPE.dict.put("__doc__", new PyGetSet("__doc__", o -> orNone(((PyProperty) o).doc), null));
    }

    private static PyObject orNone(PyObject o) { return o == null ? Py.None : o; }

    @Override public PyObject descrGet(PyObject instance, PyType owner) {
        if (instance == null) return this;
        if (fget == null) throw Exc.attributeError(noAccessor(instance, "getter"));
        return Ops.call(fget, instance);
    }

    /** CPython 3.11's message: "property 'x' of 'C' object has no setter". */
    private String noAccessor(PyObject instance, String what) {
        PyObject n = fget == null ? null : Ops.getAttrOrNull(fget, PyStr.intern("__name__"));
        String owner = instance.type.name;
        return n == null ? "property of '" + owner + "' object has no " + what
                : "property '" + Ops.str(n) + "' of '" + owner + "' object has no " + what;
    }

    @Override public boolean isDataDescriptor() { return true; }

    @Override public void descrSet(PyObject instance, PyObject value) {
        if (value == null) {
            if (fdel == null) throw Exc.attributeError(noAccessor(instance, "deleter"));
            Ops.call(fdel, instance);
        } else {
            if (fset == null) throw Exc.attributeError(noAccessor(instance, "setter"));
            Ops.call(fset, instance, value);
        }
    }
}
