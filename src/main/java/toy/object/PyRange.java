package toy.object;

/** {@code range(start, stop, step)} over longs (bounds beyond 64 bits are refused). */
public final class PyRange extends PyObject {
    public static final PyType TYPE = PyType.builtin("range", PyType.OBJECT, (cls, a, k) -> {
        Args.noKeywords("range", k);
        if (a.length == 0) throw Exc.typeError("range expected at least 1 argument, got 0");
        if (a.length > 3) throw Exc.typeError("range expected at most 3 arguments, got " + a.length);
        PyInt[] v = new PyInt[a.length];
        boolean small = true;
        for (int i = 0; i < a.length; i++) {
            PyObject x = Ops.indexOrNull(a[i]);
            if (x == null) throw Exc.typeError("'" + a[i].type.name + "' object cannot be interpreted as an integer");
            v[i] = (PyInt) x;
            small &= v[i].isSmall() && Math.abs(v[i].value) < (1L << 62);
        }
        PyInt start = a.length == 1 ? PyInt.ZERO : v[0], stop = a.length == 1 ? v[0] : v[1];
        PyInt step = a.length == 3 ? v[2] : PyInt.ONE;
        if (step.signum() == 0) throw Exc.valueError("range() arg 3 must not be zero");
        if (!small) return new BigRange(start.toBig(), stop.toBig(), step.toBig());
        return new PyRange(start.value, stop.value, step.value);
    });

    public final long start, stop, step, len;

    static {
        TYPE.baseType = false;
        TYPE.dict.put("start", new PyGetSet("start", o -> o instanceof BigRange b ? PyInt.of(b.start) : PyInt.of(((PyRange) o).start), null));
        TYPE.dict.put("stop", new PyGetSet("stop", o -> o instanceof BigRange b ? PyInt.of(b.stop) : PyInt.of(((PyRange) o).stop), null));
        TYPE.dict.put("step", new PyGetSet("step", o -> o instanceof BigRange b ? PyInt.of(b.step) : PyInt.of(((PyRange) o).step), null));
        TYPE.def("index", (self, a, k) -> {
            if (self instanceof BigRange b) {
                if (b.contains(a[0]) != 1) throw Exc.valueError(Ops.repr(a[0]) + " is not in range");
                return PyInt.of(((PyInt) a[0]).toBig().subtract(b.start).divide(b.step));
            }
            PyRange r = (PyRange) self;
            long i = r.indexOf(a[0]);
            if (i < 0) throw Exc.valueError(Ops.repr(a[0]) + " is not in range");
            return PyInt.of(i);
        });
        TYPE.def("count", (self, a, k) -> self instanceof BigRange b ? PyInt.of(b.contains(a[0]) == 1 ? 1 : 0)
                : PyInt.of(((PyRange) self).indexOf(a[0]) >= 0 ? 1 : 0));
        TYPE.def("__reversed__", (self, a, k) -> {
            if (self instanceof BigRange b) {
                java.math.BigInteger last = b.start.add(b.len.subtract(java.math.BigInteger.ONE).multiply(b.step));
                return new BigRange(last, last.subtract(b.len.multiply(b.step)), b.step.negate()).iter();
            }
            PyRange r = (PyRange) self;
            return new RangeIterator(r.get(r.len - 1), -r.step, r.len);
        });
        SlotWrappers.add(TYPE, "__repr__", "__hash__", "__bool__", "__len__", "__iter__", "__getitem__", "__contains__", "compare");
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

    /** A range whose bounds do not fit in 62 bits: the same type, computed with BigInteger. */
    static final class BigRange extends PyObject {
        final java.math.BigInteger start, stop, step, len;

        BigRange(java.math.BigInteger start, java.math.BigInteger stop, java.math.BigInteger step) {
            super(TYPE);
            this.start = start;
            this.stop = stop;
            this.step = step;
            java.math.BigInteger n;
            if (step.signum() > 0) n = start.compareTo(stop) < 0 ? stop.subtract(start).subtract(java.math.BigInteger.ONE).divide(step).add(java.math.BigInteger.ONE) : java.math.BigInteger.ZERO;
            else n = stop.compareTo(start) < 0 ? start.subtract(stop).subtract(java.math.BigInteger.ONE).divide(step.negate()).add(java.math.BigInteger.ONE) : java.math.BigInteger.ZERO;
            this.len = n;
        }

        private java.math.BigInteger at(java.math.BigInteger i) { return start.add(i.multiply(step)); }

        @Override public String repr() {
            String s = IntFormat.toDecimal(start) + ", " + IntFormat.toDecimal(stop);
            return step.equals(java.math.BigInteger.ONE) ? "range(" + s + ")" : "range(" + s + ", " + IntFormat.toDecimal(step) + ")";
        }

        @Override public boolean isTrue() { return len.signum() != 0; }

        @Override public int length() {
            if (len.bitLength() > 31) throw Exc.overflowError("Python int too large to convert to C ssize_t");
            return len.intValue();
        }

        @Override public PyObject getItem(PyObject key) {
            if (key instanceof PySlice) throw Exc.overflowError("Python int too large to convert to C ssize_t");
            java.math.BigInteger i = Ops.index(key).toBig();
            if (i.signum() < 0) i = i.add(len);
            if (i.signum() < 0 || i.compareTo(len) >= 0) throw Exc.indexError("range object index out of range");
            return PyInt.of(at(i));
        }

        @Override public int contains(PyObject v) {
            if (!(v instanceof PyInt x)) return -1;
            java.math.BigInteger d = x.toBig().subtract(start);
            if (d.signum() != 0 && d.signum() != step.signum()) return 0;
            java.math.BigInteger[] qr = d.divideAndRemainder(step);
            return qr[1].signum() == 0 && qr[0].compareTo(len) < 0 ? 1 : 0;
        }

        @Override public PyObject iter() {
            return new PyObject(RangeIterator.TYPE) {
                private java.math.BigInteger i = java.math.BigInteger.ZERO;

                @Override public PyObject iter() { return this; }

                @Override public PyObject next() {
                    if (i.compareTo(len) >= 0) return null;
                    PyObject r = PyInt.of(at(i));
                    i = i.add(java.math.BigInteger.ONE);
                    return r;
                }
            };
        }

        @Override public PyObject richCompare(PyObject other, int op) {
            if (!(other instanceof BigRange r) || (op != Compare.EQ && op != Compare.NE)) return null;
            boolean eq = len.equals(r.len) && (len.signum() == 0 || (start.equals(r.start) && (len.equals(java.math.BigInteger.ONE) || step.equals(r.step))));
            return PyBool.of(op == Compare.EQ ? eq : !eq);
        }
    }
}
