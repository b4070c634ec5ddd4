package toy.object;

import java.util.List;

/** {@code tuple}: an immutable array. The empty tuple is a shared immortal singleton. */
public class PyTuple extends PyContainer {
    public static final PyType TYPE = PyType.builtin("tuple", PyType.OBJECT, SeqMethods::newTuple);
    public static final PyTuple EMPTY = new PyTuple();

    static { Refs.immortal(EMPTY); }

    /** The items; never modified after construction. */
    public final PyObject[] items;

    /** A tuple of the given items: it counts a new reference to each. */
    protected PyTuple(PyType type, PyObject[] items) {
        super(type);
        this.items = items;
        for (PyObject x : items) Refs.incref(x);
    }

    /** The empty tuple: never tracked by the collector (CPython's is a static singleton). */
    private PyTuple() {
        super(TYPE, false);
        this.items = new PyObject[0];
    }

    private PyTuple(PyObject[] items, boolean adopt) {
        super(TYPE);
        this.items = items;
    }

    /** A tuple that takes over the caller's counted references to the items (the eval loop's BUILD_TUPLE). */
    public static PyTuple adopt(PyObject[] items) {
        if (items.length == 0) return EMPTY;
        return new PyTuple(items, true);
    }

    /** Dict first (a script subclass's attributes), then the items last to first (tupledealloc). */
    @Override public void traverse(RefVisitor v) {
        if (dict != null) v.visit(dict);
        for (int i = items.length - 1; i >= 0; i--) v.visit(items[i]);
    }

    /** A tuple owning the given array (the caller must not modify it afterwards). */
    public static PyTuple of(PyObject... items) {
        return items.length == 0 ? EMPTY : new PyTuple(TYPE, items);
    }

    public static PyTuple ofList(List<PyObject> items) { return of(items.toArray(new PyObject[0])); }

    public static PyTuple ofType(PyType t, PyObject[] items) { return new PyTuple(t, items); }

    /** Instance dict of script subclasses (namedtuple classes and the like), created on first use. */
    PyDict dict;

    @Override public PyDict dict() {
        if (type.heap && dict == null) dict = PyDict.owned();
        return dict;
    }

    public final int size() { return items.length; }

    public final PyObject get(int i) { return items[i]; }

    @Override public String repr() {
        if (items.length == 0) return "()";
        if (!Ops.enterRepr(this)) return "(...)";
        try {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(items[i]));
            }
            if (items.length == 1) sb.append(',');
            return sb.append(')').toString();
        } finally {
            Ops.leaveRepr(this);
        }
    }

    @Override public long hash() {
        // CPython's xxHash-based tuple hash
        final long P1 = 0x9E3779B185EBCA87L, P2 = 0xC2B2AE3D27D4EB4FL, P5 = 0x27D4EB2F165667C5L;
        long acc = P5;
        for (PyObject item : items) {
            long lane = Ops.hash(item);
            acc += lane * P2;
            acc = Long.rotateLeft(acc, 31);
            acc *= P1;
        }
        acc += items.length ^ (P5 ^ 3527539L);
        if (acc == -1) return 1546275796;
        return acc;
    }

    @Override public boolean isTrue() { return items.length != 0; }

    @Override public int length() { return items.length; }

    @Override public PyObject iter() { return new SeqIterator(this, items, items.length); }

    @Override public int contains(PyObject v) {
        for (PyObject item : items) if (item == v || Ops.eq(item, v)) return 1;
        return 0;
    }

    @Override public PyObject getItem(PyObject key) {
        if (key instanceof PyInt i) {
            long idx = i.longValue();
            if (idx < 0) idx += items.length;
            if (idx < 0 || idx >= items.length) throw Exc.indexError("tuple index out of range");
            return items[(int) idx];
        }
        if (key instanceof PySlice sl) return of(SeqMethods.slice(items, items.length, sl));
        PyObject idx = Ops.indexOrNull(key);
        if (idx != null) return getItem(idx);
        throw Exc.typeError("tuple indices must be integers or slices, not " + key.type.name);
    }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op == BinOp.ADD && !reflected) {
            if (!(other instanceof PyTuple t)) return null;
            PyObject[] r = new PyObject[items.length + t.items.length];
            System.arraycopy(items, 0, r, 0, items.length);
            System.arraycopy(t.items, 0, r, items.length, t.items.length);
            return of(r);
        }
        if (op == BinOp.MUL) {
            PyObject n = Ops.indexOrNull(other);
            if (n == null) return null;
            return of(SeqMethods.repeat(items, items.length, (PyInt) n));
        }
        return null;
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyTuple t)) return null;
        return SeqMethods.compare(items, items.length, t.items, t.items.length, op);
    }
}
