package toy.object;

/**
 * {@code set} and {@code frozenset}. (Interim version: backed by a PyDict; to be replaced by a
 * table that reproduces CPython's iteration order.)
 */
public class PySet extends PyObject {
    public static final PyType TYPE = PyType.builtin("set", PyType.OBJECT, (cls, a, k) -> new PySet(cls));
    public static final PyType FROZEN_TYPE = PyType.builtin("frozenset", PyType.OBJECT, (cls, a, k) -> {
        PySet s = new PySet(cls);
        if (a.length > 0) s.addAll(a[0]);
        return s;
    });

    final PyDict table = new PyDict();

    protected PySet(PyType type) { super(type); }

    public PySet() { this(TYPE); }

    public final void add(PyObject v) { table.put(v, Py.None); }

    public final void addAll(PyObject iterable) {
        PyObject it = Ops.iter(iterable);
        for (PyObject x; (x = Ops.next(it)) != null; ) add(x);
    }

    public final int size() { return table.size(); }

    @Override public int length() { return table.size(); }

    @Override public int contains(PyObject v) { return table.containsKey(v) ? 1 : 0; }

    @Override public PyObject iter() { return table.iter(); }

    @Override public boolean isTrue() { return table.size() != 0; }

    @Override public String repr() {
        if (table.size() == 0) return type.name + "()";
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int p = table.nextEntry(0); p >= 0; p = table.nextEntry(p + 1)) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(Ops.repr(table.keyAt(p)));
        }
        return type == TYPE ? "{" + sb + "}" : type.name + "({" + sb + "})";
    }
}
