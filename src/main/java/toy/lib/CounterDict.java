package toy.lib;

import java.util.Arrays;
import java.util.Comparator;
import toy.object.*;

/**
 * {@code collections.Counter}: a dict subclass mapping elements to counts, a port of the
 * Python class in CPython's {@code Lib/collections/__init__.py} (same operations, same
 * result order, same messages). Missing elements count as zero.
 */
final class CounterDict extends PyDict {
    static final PyType TYPE = LibSupport.newPythonLikeType(CollectionsModule.M, "Counter", PyDict.TYPE,
            (cls, a, k) -> new CounterDict(cls));

    CounterDict(PyType t) { super(t); }

    private static final PyObject ZERO = PyInt.ZERO;

    // ----- element access that honours overrides in script subclasses ---------------------

    private static PyObject getOr0(PyDict self, PyObject key) {
        if (self.type.heap) {
            PyObject get = Ops.getAttr(self, PyStr.intern("get"));
            return Ops.call(get, key, ZERO);
        }
        PyObject v = self.get(key);
        return v == null ? ZERO : v;
    }

    private static void set(PyDict self, PyObject key, PyObject v) {
        if (self.type.heap) Ops.setItem(self, key, v); else self.put(key, v);
    }

    private static boolean gt0(PyObject v) { return Ops.isTrue(Ops.richCompare(v, ZERO, Compare.GT)); }

    private static boolean lt0(PyObject v) { return Ops.isTrue(Ops.richCompare(v, ZERO, Compare.LT)); }

    /** The (key, value) pairs of a mapping, via items(). */
    private static PyObject itemsIter(PyObject mapping) {
        if (mapping instanceof PyDict d && !d.type.heap) return Ops.iter(Ops.callMethod(PyDict.TYPE.lookup("items"), d));
        return Ops.iter(Ops.invoke(mapping, "items"));
    }

    private static PyObject[] pair(PyObject item) {
        PyObject[] kv = item instanceof PyTuple t ? t.items : SeqMethods.toArray(item);
        if (kv.length != 2) {
            throw Exc.valueError(kv.length > 2 ? "too many values to unpack (expected 2)"
                    : "not enough values to unpack (expected 2, got " + kv.length + ")");
        }
        return kv;
    }

    // ----- update / subtract ------------------------------------------------------------

    static void update(PyDict self, PyObject iterable, PyDict kwds) {
        if (iterable != null && iterable != Py.None) {
            if (iterable instanceof PyDict) {
                if (self.size() > 0) {
                    PyObject it = itemsIter(iterable);
                    for (PyObject item; (item = Ops.next(it)) != null; ) {
                        PyObject[] kv = pair(item);
                        set(self, kv[0], Ops.add(kv[1], getOr0(self, kv[0])));
                    }
                } else {
                    DictMethods.updateFrom(self, iterable);
                }
            } else {
                PyObject it = Ops.iter(iterable);
                for (PyObject e; (e = Ops.next(it)) != null; ) set(self, e, Ops.add(getOr0(self, e), PyInt.ONE));
            }
        }
        if (kwds != null && kwds.size() > 0) update(self, kwds, null);
    }

    static void subtract(PyDict self, PyObject iterable, PyDict kwds) {
        if (iterable != null && iterable != Py.None) {
            if (iterable instanceof PyDict) {
                PyObject it = itemsIter(iterable);
                for (PyObject item; (item = Ops.next(it)) != null; ) {
                    PyObject[] kv = pair(item);
                    set(self, kv[0], Ops.binary(getOr0(self, kv[0]), kv[1], BinOp.SUB));
                }
            } else {
                PyObject it = Ops.iter(iterable);
                for (PyObject e; (e = Ops.next(it)) != null; ) {
                    set(self, e, Ops.binary(getOr0(self, e), PyInt.ONE, BinOp.SUB));
                }
            }
        }
        if (kwds != null && kwds.size() > 0) subtract(self, kwds, null);
    }

    // ----- most_common and repr ---------------------------------------------------------

    /** The items sorted by count, largest first, ties in insertion order; n < 0 means all. */
    static PyList mostCommon(PyDict self, long n) {
        PyObject[] items = SeqMethods.toArray(Ops.callMethod(PyDict.TYPE.lookup("items"), self));
        if (n == 0 || (n < 0 && n != -1)) return new PyList();
        Integer[] idx = new Integer[items.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        PyObject[] counts = new PyObject[items.length];
        for (int i = 0; i < items.length; i++) counts[i] = ((PyTuple) items[i]).get(1);
        Comparator<Integer> cmp = (x, y) -> {
            if (Ops.lt(counts[y], counts[x])) return -1;
            if (Ops.lt(counts[x], counts[y])) return 1;
            return 0;
        };
        try {
            Arrays.sort(idx, cmp);
        } catch (IllegalArgumentException e) {
            // inconsistent comparisons (NaN counts): keep the order reached so far
        }
        int m = n < 0 ? idx.length : (int) Math.min(n, idx.length);
        PyObject[] out = new PyObject[m];
        for (int i = 0; i < m; i++) out[i] = items[idx[i]];
        return PyList.wrap(out);
    }

    @Override public String repr() {
        String name = LibSupport.typeName(this);
        if (size() == 0) return name + "()";
        PyDict d = new PyDict();
        try {
            for (PyObject item : mostCommon(this, -1).toArray()) d.put(((PyTuple) item).get(0), ((PyTuple) item).get(1));
        } catch (PyException e) {
            if (!e.matches(Exc.TypeError)) throw e;
            d = copy();
        }
        if (!Ops.enterRepr(this)) return name + "(...)";
        try {
            return name + "(" + d.repr() + ")";
        } finally {
            Ops.leaveRepr(this);
        }
    }

    // ----- multiset operators -----------------------------------------------------------

    private static boolean isCounter(PyObject o) { return o.type.isSubtypeOf(TYPE); }

    private static PyObject count(PyObject c, PyObject key) { return Ops.getItem(c, key); }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (reflected || !isCounter(other)) return super.binaryOp(op, other, reflected);
        PyDict o = (PyDict) other;
        CounterDict r = new CounterDict(TYPE);
        switch (op) {
            case BinOp.ADD, BinOp.SUB -> {
                for (PyObject[] kv : entries(this)) {
                    PyObject nc = Ops.binary(kv[1], count(o, kv[0]), op);
                    if (gt0(nc)) r.put(kv[0], nc);
                }
                for (PyObject[] kv : entries(o)) {
                    if (containsKey(kv[0])) continue;
                    if (op == BinOp.ADD ? gt0(kv[1]) : lt0(kv[1])) {
                        r.put(kv[0], op == BinOp.ADD ? kv[1] : Ops.binary(ZERO, kv[1], BinOp.SUB));
                    }
                }
            }
            case BinOp.OR -> {
                for (PyObject[] kv : entries(this)) {
                    PyObject oc = count(o, kv[0]);
                    PyObject nc = Ops.lt(kv[1], oc) ? oc : kv[1];
                    if (gt0(nc)) r.put(kv[0], nc);
                }
                for (PyObject[] kv : entries(o)) {
                    if (!containsKey(kv[0]) && gt0(kv[1])) r.put(kv[0], kv[1]);
                }
            }
            case BinOp.AND -> {
                for (PyObject[] kv : entries(this)) {
                    PyObject oc = count(o, kv[0]);
                    PyObject nc = Ops.lt(kv[1], oc) ? kv[1] : oc;
                    if (gt0(nc)) r.put(kv[0], nc);
                }
            }
            default -> {
                return null;
            }
        }
        return r;
    }

    @Override public PyObject inplaceOp(int op, PyObject other) {
        if (op != BinOp.ADD && op != BinOp.SUB && op != BinOp.OR && op != BinOp.AND) return super.inplaceOp(op, other);
        switch (op) {
            case BinOp.ADD, BinOp.SUB -> {
                PyObject it = itemsIter(other);
                for (PyObject item; (item = Ops.next(it)) != null; ) {
                    PyObject[] kv = pair(item);
                    set(this, kv[0], Ops.binary(count(this, kv[0]), kv[1], op));
                }
            }
            case BinOp.OR -> {
                PyObject it = itemsIter(other);
                for (PyObject item; (item = Ops.next(it)) != null; ) {
                    PyObject[] kv = pair(item);
                    if (Ops.isTrue(Ops.richCompare(kv[1], count(this, kv[0]), Compare.GT))) set(this, kv[0], kv[1]);
                }
            }
            default -> {
                for (PyObject[] kv : entries(this)) {
                    PyObject oc = count(other, kv[0]);
                    if (Ops.lt(oc, kv[1])) set(this, kv[0], oc);
                }
            }
        }
        keepPositive(this);
        return this;
    }

    private static void keepPositive(PyDict self) {
        for (PyObject[] kv : entries(self)) {
            if (!gt0(kv[1])) Ops.delItem(self, kv[0]);
        }
    }

    @Override public PyObject unaryOp(int op) {
        if (op != BinOp.NEG && op != BinOp.POS) return super.unaryOp(op);
        CounterDict r = new CounterDict(TYPE);
        for (PyObject[] kv : entries(this)) {
            if (op == BinOp.POS ? gt0(kv[1]) : lt0(kv[1])) {
                r.put(kv[0], op == BinOp.POS ? kv[1] : Ops.binary(ZERO, kv[1], BinOp.SUB));
            }
        }
        return r;
    }

    /** A snapshot of the entries of a dict, as {key, value} pairs. */
    private static PyObject[][] entries(PyDict d) {
        PyObject[][] r = new PyObject[d.size()][];
        int i = 0;
        for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) r[i++] = new PyObject[] {d.keyAt(p), d.valueAt(p)};
        return r;
    }

    // ----- comparisons: missing elements count as zero ----------------------------------

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!isCounter(other)) return null;
        PyDict o = (PyDict) other;
        return switch (op) {
            case Compare.EQ -> PyBool.of(allCounts(this, o, Compare.EQ));
            case Compare.NE -> PyBool.of(!allCounts(this, o, Compare.EQ));
            case Compare.LE -> PyBool.of(allCounts(this, o, Compare.LE));
            case Compare.GE -> PyBool.of(allCounts(this, o, Compare.GE));
            case Compare.LT -> PyBool.of(allCounts(this, o, Compare.LE) && !allCounts(this, o, Compare.EQ));
            default -> PyBool.of(allCounts(this, o, Compare.GE) && !allCounts(this, o, Compare.EQ));
        };
    }

    private static boolean allCounts(PyDict a, PyDict b, int op) {
        for (PyDict c : new PyDict[] {a, b}) {
            for (PyObject[] kv : entries(c)) {
                if (!Ops.isTrue(Ops.richCompare(count(a, kv[0]), count(b, kv[0]), op))) return false;
            }
        }
        return true;
    }

    // ----- the methods ------------------------------------------------------------------

    static {
        PyType t = TYPE;
        t.def("__init__", (self, a, k) -> {
            PyObject[] p = positionalOnly("Counter.__init__", a, k);
            update((PyDict) self, p.length > 0 ? p[0] : null, LibSupport.kwargs(a, k));
            return Py.None;
        });
        t.def("__missing__", (self, a, k) -> {
            Args.checkCount("__missing__", a, 1, 1);
            return ZERO;
        });
        t.def("update", (self, a, k) -> {
            PyObject[] p = positionalOnly("Counter.update", a, k);
            update((PyDict) self, p.length > 0 ? p[0] : null, LibSupport.kwargs(a, k));
            return Py.None;
        });
        t.def("subtract", (self, a, k) -> {
            PyObject[] p = positionalOnly("Counter.subtract", a, k);
            subtract((PyDict) self, p.length > 0 ? p[0] : null, LibSupport.kwargs(a, k));
            return Py.None;
        });
        t.def("most_common", (self, a, k) -> {
            PyObject[] p = LibSupport.bindMethod("Counter.most_common", self, a, k, new String[] {"n"}, 1, 0);
            PyObject n = p[0];
            if (n == null || n == Py.None) return mostCommon((PyDict) self, -1);
            // heapq.nlargest(n, self.items(), key=itemgetter(1))
            if (Ops.eq(n, PyInt.ONE)) return mostCommon((PyDict) self, 1);
            int size = ((PyDict) self).size();
            if (Ops.isTrue(Ops.richCompare(n, PyInt.of(size), Compare.GE))) {
                PyObject i = Ops.indexOrNull(n);
                if (i == null) throw Exc.typeError("slice indices must be integers or None or have an __index__ method");
                return mostCommon((PyDict) self, -1);
            }
            long m = -Ops.index(Ops.unary(n, BinOp.NEG)).longValue();
            return mostCommon((PyDict) self, m <= 0 ? 0 : m);
        });
        t.def("elements", (self, a, k) -> {
            LibSupport.bindMethod("Counter.elements", self, a, k, new String[0], 0, 0);
            PyObject items = Ops.iter(Ops.invoke(self, "items"));
            return new ItertoolsModule.Chain(ItertoolsModule.CHAIN,
                    new ItertoolsFilters.StarMap(ItertoolsFilters.STARMAP, ItertoolsModule.REPEAT, items));
        });
        t.def("total", (self, a, k) -> {
            LibSupport.bindMethod("Counter.total", self, a, k, new String[0], 0, 0);
            PyObject acc = ZERO;
            PyObject it = Ops.iter(Ops.invoke(self, "values"));
            for (PyObject v; (v = Ops.next(it)) != null; ) acc = Ops.add(acc, v);
            return acc;
        });
        t.def("copy", (self, a, k) -> Ops.call(self.type, self));
        t.def("__copy__", (self, a, k) -> Ops.call(self.type, self));
        t.def("__delitem__", (self, a, k) -> {
            Args.checkCount("__delitem__", a, 1, 1);
            if (Ops.contains(self, a[0])) Ops.callMethod(PyDict.TYPE.lookup("__delitem__"), self, a[0]);
            return Py.None;
        });
        LibSupport.classMethod(t, "fromkeys", (a, k) -> {
            throw Exc.raise(Exc.NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
        });
        SlotWrappers.add(t, "__repr__", "__add__", "__sub__", "__or__", "__and__", "__iadd__", "__isub__", "__ior__",
                "__iand__", "compare");
        LibSupport.containsSlot(t);
        t.def("__pos__", (self, a, k) -> self.unaryOp(BinOp.POS));
        t.def("__neg__", (self, a, k) -> self.unaryOp(BinOp.NEG));
    }

    /** Binds {@code def f(self, iterable=None, /, **kwds)}: returns the positional argument, if any. */
    private static PyObject[] positionalOnly(String fname, PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        if (npos > 1) {
            throw Exc.typeError(fname + "() takes from 1 to 2 positional arguments but " + (npos + 1) + " were given");
        }
        return npos == 0 ? new PyObject[0] : new PyObject[] {a[0]};
    }

    @Override public void delItem(PyObject key) {
        if (containsKey(key)) super.delItem(key);
    }
}
