package toy.object;

/** {@code range(start, stop, step)} over longs (bounds beyond 64 bits are refused). */
public final class PyRange extends PyObject {
    public static final PyType TYPE = PyType.builtin("range", PyType.OBJECT, (cls, a, k) -> {
        Args.noKeywords("range", k);
        if (a.length == 0) throw Exc.typeError("range expected at least 1 argument, got 0");
        if (a.length > 3) throw Exc.typeError("range expected at most 3 arguments, got " + a.length);
        long start = 0, stop, step = 1;
        if (a.length == 1) stop = arg(a[0]);
        else {
            start = arg(a[0]);
            stop = arg(a[1]);
            if (a.length == 3) step = arg(a[2]);
        }
        if (step == 0) throw Exc.valueError("range() arg 3 must not be zero");
        return new PyRange(start, stop, step);
    });

    public final long start, stop, step, len;

    static {
        TYPE.baseType = false;
        TYPE.dict.put("start", new PyGetSet("start", o -> PyInt.of(((PyRange) o).start), null));
        TYPE.dict.put("stop", new PyGetSet("stop", o -> PyInt.of(((PyRange) o).stop), null));
        TYPE.dict.put("step", new PyGetSet("step", o -> PyInt.of(((PyRange) o).step), null));
        TYPE.def("index", (self, a, k) -> {
            PyRange r = (PyRange) self;
            long i = r.indexOf(a[0]);
            if (i < 0) throw Exc.valueError(Ops.repr(a[0]) + " is not in range");
            return PyInt.of(i);
        });
        TYPE.def("count", (self, a, k) -> PyInt.of(((PyRange) self).indexOf(a[0]) >= 0 ? 1 : 0));
        TYPE.def("__reversed__", (self, a, k) -> {
            PyRange r = (PyRange) self;
            return new RangeIterator(r.get(r.len - 1), -r.step, r.len);
        });
        SlotWrappers.add(TYPE, "__repr__", "__hash__", "__bool__", "__len__", "__iter__", "__getitem__", "__contains__", "compare");
    }

    private static long arg(PyObject o) {
        PyObject i = Ops.indexOrNull(o);
        if (i == null) throw Exc.typeError("'" + o.type.name + "' object cannot be interpreted as an integer");
        return ((PyInt) i).longValue();
    }

    public PyRange(long start, long stop, long step) {
        super(TYPE);
        this.start = start;
        this.stop = stop;
        this.step = step;
        long n;
        if (step > 0) n = start < stop ? (stop - start - 1) / step + 1 : 0;
        else n = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        this.len = n;
    }

    long indexOf(PyObject v) {
        if (!(v instanceof PyInt i) || i.big != null) return -1;
        long x = i.value;
        if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) return -1;
        if ((x - start) % step != 0) return -1;
        return (x - start) / step;
    }

    public long get(long i) { return start + i * step; }

    @Override public String repr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }

    @Override public boolean isTrue() { return len != 0; }

    @Override public int length() {
        if (len > Integer.MAX_VALUE) throw Exc.overflowError("Python int too large to convert to C ssize_t");
        return (int) len;
    }

    @Override public int contains(PyObject v) {
        if (v instanceof PyInt) return indexOf(v) >= 0 ? 1 : 0;
        return -1;
    }

    @Override public PyObject getItem(PyObject key) {
        if (key instanceof PySlice sl) {
            int[] r = sl.indices((int) Math.min(len, Integer.MAX_VALUE));
            return new PyRange(get(r[0]), get(r[0]) + (long) r[3] * step * r[2], step * r[2]);
        }
        long i = Ops.index(key).longValue();
        if (i < 0) i += len;
        if (i < 0 || i >= len) throw Exc.indexError("range object index out of range");
        return PyInt.of(get(i));
    }

    @Override public PyObject iter() { return new RangeIterator(start, step, len); }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyRange r) || (op != Compare.EQ && op != Compare.NE)) return null;
        boolean eq = len == r.len && (len == 0 || (start == r.start && (len == 1 || step == r.step)));
        return PyBool.of(op == Compare.EQ ? eq : !eq);
    }

    @Override public long hash() { return PyTuple.of(PyInt.of(len), PyInt.of(start), PyInt.of(step)).hash(); }

    /** The iterator of a range. */
    public static final class RangeIterator extends PyObject {
        static final PyType TYPE = PyType.builtin("range_iterator", PyType.OBJECT, null);
        private long next;
        private final long step;
        private long remaining;

        RangeIterator(long start, long step, long len) {
            super(TYPE);
            this.next = start;
            this.step = step;
            this.remaining = len;
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (remaining <= 0) return null;
            remaining--;
            long v = next;
            next += step;
            return PyInt.of(v);
        }

        @Override public int length() { return (int) Math.min(remaining, Integer.MAX_VALUE); }
    }
}
