package toy.object;

/** {@code slice(start, stop, step)}. */
public final class PySlice extends PyContainer {
    public static final PyType TYPE = PyType.builtin("slice", PyType.OBJECT, (cls, a, k) -> {
        Args.noKeywords("slice", k);
        Args.checkCount("slice", a, 1, 3);
        if (a.length == 1) return new PySlice(Py.None, a[0], Py.None);
        return new PySlice(a[0], a[1], a.length == 3 ? a[2] : Py.None);
    });

    public final PyObject start, stop, step;

    static {
        TYPE.baseType = false;
        TYPE.dict.put("start", new PyGetSet("start", o -> ((PySlice) o).start, null));
        TYPE.dict.put("stop", new PyGetSet("stop", o -> ((PySlice) o).stop, null));
        TYPE.dict.put("step", new PyGetSet("step", o -> ((PySlice) o).step, null));
        TYPE.def("indices", (self, a, k) -> {
            int[] r = ((PySlice) self).indices(Ops.index(a[0]).intValue());
            return PyTuple.of(PyInt.of(r[0]), PyInt.of(r[1]), PyInt.of(r[2]));
        });
    }

    public PySlice(PyObject start, PyObject stop, PyObject step) {
        super(TYPE);
        this.start = Refs.own(start);
        this.stop = Refs.own(stop);
        this.step = Refs.own(step);
    }

    @Override public void traverse(RefVisitor v) {
        v.visit(start);
        v.visit(stop);
        v.visit(step);
    }

    /** Resolves against a sequence of length n: {start, stop, step, slicelength}. */
    public int[] indices(int n) {
        long st = step == Py.None ? 1 : clampIndex(step);
        if (st == 0) throw Exc.valueError("slice step cannot be zero");
        long lo, hi;
        if (st > 0) {
            lo = start == Py.None ? 0 : adjust(clampIndex(start), n, 0, n);
            hi = stop == Py.None ? n : adjust(clampIndex(stop), n, 0, n);
        } else {
            lo = start == Py.None ? n - 1 : adjust(clampIndex(start), n, -1, n - 1);
            hi = stop == Py.None ? -1 : adjust(clampIndex(stop), n, -1, n - 1);
        }
        long len;
        if (st > 0) len = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        else len = hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
        return new int[] {(int) lo, (int) hi, (int) Math.max(Math.min(st, Integer.MAX_VALUE), -Integer.MAX_VALUE), (int) len};
    }

    private static long adjust(long i, int n, long low, long high) {
        if (i < 0) {
            i += n;
            if (i < low) i = low;
        } else if (i > high) {
            i = high;
        }
        return i;
    }

    private static long clampIndex(PyObject o) {
        PyObject i = Ops.indexOrNull(o);
        if (i == null) throw Exc.typeError("slice indices must be integers or None or have an __index__ method");
        PyInt v = (PyInt) i;
        if (v.big != null) return v.big.signum() < 0 ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4;
        return Math.max(Math.min(v.value, Long.MAX_VALUE / 4), Long.MIN_VALUE / 4);
    }

    @Override public String repr() {
        return "slice(" + Ops.repr(start) + ", " + Ops.repr(stop) + ", " + Ops.repr(step) + ")";
    }

    @Override public long hash() { throw Exc.unhashable(this); }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PySlice s)) return null;
        return PyTuple.of(start, stop, step).richCompare(PyTuple.of(s.start, s.stop, s.step), op);
    }
}
