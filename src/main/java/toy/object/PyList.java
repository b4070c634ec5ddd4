package toy.object;

import java.util.Arrays;

/** {@code list}: a growable array of references. */
public class PyList extends PyContainer {
    public static final PyType TYPE = PyType.builtin("list", PyType.OBJECT, (cls, a, k) -> new PyList(cls, new PyObject[4], 0));

    /** The backing array; items[0..size) are the elements, the rest is spare capacity. */
    public PyObject[] items;
    /** The number of elements. */
    public int size;
    /** Instance dict of script subclasses, created on first use. */
    PyDict dict;

    /** A list holding items[0..size): it counts a new reference to each. */
    protected PyList(PyType type, PyObject[] items, int size) {
        super(type);
        this.items = items;
        this.size = size;
        for (int i = 0; i < size; i++) Refs.incref(items[i]);
    }

    private PyList(PyObject[] items, int size, boolean adopt) {
        super(TYPE);
        this.items = items;
        this.size = size;
    }

    /** A list that takes over the caller's counted references to items[0..size) (the eval loop's BUILD_LIST). */
    public static PyList adopt(PyObject[] items, int size) { return new PyList(items, size, true); }

    public PyList() { this(TYPE, new PyObject[4], 0); }

    /** A list owning the given array. */
    public static PyList wrap(PyObject[] items) { return new PyList(TYPE, items, items.length); }

    public static PyList copyOf(PyObject[] items, int n) { return new PyList(TYPE, Arrays.copyOf(items, Math.max(n, 4)), n); }

    public final void append(PyObject v) {
        if (size == items.length) items = Arrays.copyOf(items, Math.max(8, size + (size >> 1) + 1));
        items[size++] = v;
        Refs.incref(v);
    }

    public final PyObject get(int i) { return items[i]; }

    /**
     * list.extend, and list(iterable): an exact list's or tuple's items are copied; anything else
     * (a subclass too, whose __iter__ may differ) is iterated, after CPython's length hint.
     */
    public final void extend(PyObject iterable) {
        if (iterable.type == TYPE) {
            PyList l = (PyList) iterable;
            int n = l.size;
            ensure(size + n);
            System.arraycopy(l.items, 0, items, size, n);
            for (int i = 0; i < n; i++) Refs.incref(items[size + i]);
            size += n;
            return;
        }
        if (iterable.type == PyTuple.TYPE) {
            PyTuple t = (PyTuple) iterable;
            ensure(size + t.items.length);
            System.arraycopy(t.items, 0, items, size, t.items.length);
            for (PyObject x : t.items) Refs.incref(x);
            size += t.items.length;
            return;
        }
        PyObject it = Ops.iter(iterable);
        if (iterable.type.heap) Ops.lengthHint(iterable, 8); // (only a script class can tell)
        for (PyObject x; (x = Ops.next(it)) != null; ) append(x);
    }

    final void ensure(int n) {
        if (n > items.length) items = Arrays.copyOf(items, Math.max(n, size + (size >> 1) + 1));
    }

    public final PyObject[] toArray() { return Arrays.copyOf(items, size); }

    @Override public PyDict dict() {
        if (type.heap && dict == null) dict = PyDict.owned();
        return dict;
    }

    /**
     * Replaces the contents with items[0..n) (counting them), then drops the old items last to
     * first as CPython's list_clear does.
     */
    public final void replaceAll(PyObject[] newItems, int n) {
        for (int i = 0; i < n; i++) Refs.incref(newItems[i]);
        PyObject[] old = items;
        int oldSize = size;
        items = newItems.length == 0 ? new PyObject[4] : newItems;
        size = n;
        for (int i = oldSize - 1; i >= 0; i--) Refs.decref(old[i]);
    }

    /** Empties the list (list.clear()). */
    public final void clear() { replaceAll(new PyObject[4], 0); }

    /** Dict first (a script subclass's attributes), then the items last to first (list_dealloc). */
    @Override public void traverse(RefVisitor v) {
        if (dict != null) v.visit(dict);
        for (int i = size - 1; i >= 0; i--) v.visit(items[i]);
    }

    @Override public String repr() {
        if (size == 0) return "[]";
        if (!Ops.enterRepr(this)) return "[...]";
        try {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(items[i]));
            }
            return sb.append(']').toString();
        } finally {
            Ops.leaveRepr(this);
        }
    }

    @Override public long hash() { throw Exc.unhashable(this); }

    @Override public boolean isTrue() { return size != 0; }

    @Override public int length() { return size; }

    @Override public PyObject iter() { return new SeqIterator(this, null, 0); }

    @Override public int contains(PyObject v) {
        for (int i = 0; i < size; i++) {
            PyObject item = items[i];
            if (item == v || Ops.eq(item, v)) return 1;
        }
        return 0;
    }

    final int index(PyObject key, String what) {
        if (key instanceof PyInt i) {
            long idx = i.big != null ? Long.MAX_VALUE : i.value;
            if (idx < 0) idx += size;
            if (idx < 0 || idx >= size) throw Exc.indexError("list " + what + " out of range");
            return (int) idx;
        }
        PyObject idx = Ops.indexOrNull(key);
        if (idx != null) return index(idx, what);
        throw Exc.typeError("list indices must be integers or slices, not " + key.type.name);
    }

    @Override public PyObject getItem(PyObject key) {
        if (key instanceof PySlice sl) return wrap(SeqMethods.slice(items, size, sl));
        return items[index(key, "index")];
    }

    @Override public void setItem(PyObject key, PyObject value) {
        if (key instanceof PySlice sl) {
            SeqMethods.setSlice(this, sl, value);
            return;
        }
        int i = index(key, "assignment index");
        PyObject old = items[i];
        items[i] = value;
        Refs.swap(old, value);
    }

    @Override public void delItem(PyObject key) {
        if (key instanceof PySlice sl) {
            SeqMethods.delSlice(this, sl);
            return;
        }
        removeAt(index(key, "assignment index"));
    }

    public final PyObject removeAt(int i) {
        PyObject v = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
        Refs.decref(v);
        return v;
    }

    public final void insert(int i, PyObject v) {
        if (i < 0) i = Math.max(0, i + size);
        if (i > size) i = size;
        ensure(size + 1);
        System.arraycopy(items, i, items, i + 1, size - i);
        items[i] = v;
        size++;
        Refs.incref(v);
    }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op == BinOp.ADD && !reflected) {
            if (!(other instanceof PyList l)) return null;
            PyObject[] r = Arrays.copyOf(items, Math.max(4, size + l.size));
            System.arraycopy(l.items, 0, r, size, l.size);
            return new PyList(TYPE, r, size + l.size);
        }
        if (op == BinOp.MUL) {
            PyObject n = Ops.indexOrNull(other);
            if (n == null) return null;
            return wrap(SeqMethods.repeat(items, size, (PyInt) n));
        }
        return null;
    }

    @Override public PyObject inplaceOp(int op, PyObject other) {
        if (op == BinOp.ADD) {
            extend(other);
            return this;
        }
        if (op == BinOp.MUL) {
            PyObject n = Ops.indexOrNull(other);
            if (n == null) return null;
            PyObject[] r = SeqMethods.repeat(items, size, (PyInt) n);
            replaceAll(r, r.length);
            return this;
        }
        return null;
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyList l)) return null;
        return SeqMethods.compare(items, size, l.items, l.size, op);
    }
}
