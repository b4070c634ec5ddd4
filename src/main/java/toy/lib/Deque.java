package toy.lib;

import toy.object.*;

/**
 * {@code collections.deque}: a double-ended queue in a circular array, optionally bounded
 * (maxlen: appending to a full deque drops an item from the other end). Iterators detect
 * mutation through a state counter, as CPython's ("deque mutated during iteration").
 *
 * <p>The deque counts a reference to each item it holds; an item leaves when popped,
 * removed, replaced, evicted by maxlen or cleared (clear and destruction drop the items first
 * to last, as CPython's deque_clear).
 */
final class Deque extends PyContainer {
    static final PyType TYPE = LibSupport.newType(CollectionsModule.M, "deque", PyType.OBJECT,
            (cls, a, k) -> new Deque(cls));
    static final PyType ITER_TYPE = LibSupport.iteratorType("_collections", "_deque_iterator", null);
    static final PyType REV_ITER_TYPE = LibSupport.iteratorType("_collections", "_deque_reverse_iterator", null);

    private PyObject[] items = new PyObject[8];
    private int head;
    private int size;
    /** The maximum length, or -1 when unbounded. */
    int maxlen = -1;
    /** Changed by every structural mutation; iterators compare it. */
    private long state;
    /** Instance dict of script subclasses. */
    private PyDict dict;

    Deque(PyType t) { super(t); }

    /** A script subclass's attribute dict first (subtype_dealloc), then the items first to last. */
    @Override public void traverse(RefVisitor v) {
        v.visit(dict);
        for (int i = 0; i < size; i++) v.visit(get(i));
    }

    // ----- the circular buffer ----------------------------------------------------------

    int size() { return size; }

    PyObject get(int i) { return items[(head + i) & (items.length - 1)]; }

    /** Stores v at i without counting (moves within the buffer). */
    private void set(int i, PyObject v) { items[(head + i) & (items.length - 1)] = v; }

    private void grow() {
        if (size < items.length) return;
        PyObject[] n = new PyObject[items.length * 2];
        for (int i = 0; i < size; i++) n[i] = get(i);
        items = n;
        head = 0;
    }

    private void shrinkIfSparse() {
        if (items.length > 64 && size < items.length / 4) {
            PyObject[] n = new PyObject[items.length / 2];
            for (int i = 0; i < size; i++) n[i] = get(i);
            items = n;
            head = 0;
        }
    }

    /** Appends v (counting it); a full bounded deque then drops its leftmost item. */
    void append(PyObject v) {
        if (maxlen == 0) {
            BuiltinIterators.discard(v, null); // CPython appends, then trims: the item is dropped at once
            return;
        }
        grow();
        set(size++, v);
        Refs.incref(v);
        state++;
        if (maxlen >= 0 && size > maxlen) BuiltinIterators.discard(popLeft(), null); // evicted: dies now, as in CPython
    }

    void appendLeft(PyObject v) {
        if (maxlen == 0) {
            BuiltinIterators.discard(v, null);
            return;
        }
        grow();
        head = (head - 1) & (items.length - 1);
        items[head] = v;
        Refs.incref(v);
        size++;
        state++;
        if (maxlen >= 0 && size > maxlen) BuiltinIterators.discard(pop(), null);
    }

    /** Removes and returns the rightmost item; the deque's reference is dropped (the item lives on until the caller stores it). */
    PyObject pop() {
        if (size == 0) throw Exc.indexError("pop from an empty deque");
        int j = (head + size - 1) & (items.length - 1);
        PyObject v = items[j];
        items[j] = null;
        size--;
        state++;
        shrinkIfSparse();
        Refs.decref(v);
        return v;
    }

    PyObject popLeft() {
        if (size == 0) throw Exc.indexError("pop from an empty deque");
        PyObject v = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        state++;
        shrinkIfSparse();
        Refs.decref(v);
        return v;
    }

    /** Empties the deque first, then drops the old items first to last (deque_clear). */
    void clear() {
        PyObject[] old = toArray();
        items = new PyObject[8];
        head = 0;
        size = 0;
        state++;
        for (PyObject x : old) Refs.decref(x);
    }

    void rotate(long n) {
        if (size <= 1) return;
        long m = n % size;
        if (m < 0) m += size;
        if (m == 0) return;
        PyObject[] out = new PyObject[items.length];
        for (int i = 0; i < size; i++) out[(int) ((i + m) % size)] = get(i);
        items = out;
        head = 0;
        state++;
    }

    private void removeAt(int i) {
        PyObject gone = get(i);
        PyObject[] out = new PyObject[items.length];
        for (int j = 0, w = 0; j < size; j++) if (j != i) out[w++] = get(j);
        items = out;
        head = 0;
        size--;
        state++;
        Refs.decref(gone);
    }

    private void insertAt(int i, PyObject v) {
        grow();
        PyObject[] out = new PyObject[items.length];
        for (int j = 0, w = 0; j <= size; j++) {
            if (j == i) out[w++] = v;
            if (j < size) out[w++] = get(j);
        }
        items = out;
        head = 0;
        size++;
        state++;
        Refs.incref(v);
    }

    PyObject[] toArray() {
        PyObject[] r = new PyObject[size];
        for (int i = 0; i < size; i++) r[i] = get(i);
        return r;
    }

    void extend(PyObject iterable) {
        if (iterable == this) iterable = PyTuple.of(toArray());
        PyObject it = Ops.iter(iterable);
        for (PyObject x; (x = Ops.next(it)) != null; ) append(x);
    }

    void extendLeft(PyObject iterable) {
        if (iterable == this) iterable = PyTuple.of(toArray());
        PyObject it = Ops.iter(iterable);
        for (PyObject x; (x = Ops.next(it)) != null; ) appendLeft(x);
    }

    /** A new deque of the same type and maxlen holding the same items. */
    PyObject copyDeque() {
        if (type == TYPE) {
            Deque d = new Deque(TYPE);
            d.maxlen = maxlen;
            for (int i = 0; i < size; i++) d.append(get(i));
            return d;
        }
        if (maxlen < 0) return Ops.call(type, this);
        return type.call(new PyObject[] {this, PyInt.of(maxlen)}, new String[] {"maxlen"});
    }

    // ----- protocols --------------------------------------------------------------------

    @Override public PyDict dict() {
        if (type.heap && dict == null) dict = PyDict.owned();
        return dict;
    }

    @Override public String repr() {
        String name = LibSupport.typeName(this);
        if (!Ops.enterRepr(this)) return "[...]";
        try {
            StringBuilder sb = new StringBuilder(name).append("([");
            for (int i = 0; i < size; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(get(i)));
            }
            sb.append("]");
            if (maxlen >= 0) sb.append(", maxlen=").append(maxlen);
            return sb.append(")").toString();
        } finally {
            Ops.leaveRepr(this);
        }
    }

    @Override public long hash() { throw Exc.unhashable(this); }

    @Override public boolean isTrue() { return size != 0; }

    @Override public int length() { return size; }

    @Override public PyObject iter() { return new DequeIter(this, false); }

    @Override public int contains(PyObject v) {
        long s0 = state;
        for (int i = 0; i < size; i++) {
            PyObject x = get(i);
            boolean eq = x == v || Ops.eq(x, v);
            if (state != s0) throw Exc.runtimeError("deque mutated during iteration");
            if (eq) return 1;
        }
        return 0;
    }

    private int index(PyObject key) {
        if (!(key instanceof PyInt)) {
            PyObject i = Ops.indexOrNull(key);
            if (i == null) throw Exc.typeError("sequence index must be integer, not '" + key.type.name + "'");
            key = i;
        }
        PyInt k = (PyInt) key;
        long i = k.isSmall() ? k.value : Long.MAX_VALUE;
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw Exc.indexError("deque index out of range");
        return (int) i;
    }

    @Override public PyObject getItem(PyObject key) { return get(index(key)); }

    @Override public void setItem(PyObject key, PyObject value) {
        int i = index(key);
        PyObject old = get(i);
        set(i, value);
        Refs.swap(old, value);
    }

    @Override public void delItem(PyObject key) { removeAt(index(key)); }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op == BinOp.ADD && !reflected) {
            if (!(other instanceof Deque o)) {
                throw Exc.typeError("can only concatenate deque (not \"" + other.type.name + "\") to deque");
            }
            Deque r = (Deque) copyDeque();
            r.extend(o);
            return r;
        }
        if (op == BinOp.MUL) {
            PyObject n = Ops.indexOrNull(other);
            if (n == null) return null;
            Deque r = (Deque) copyDeque();
            r.repeat(((PyInt) n).longValue());
            return r;
        }
        return null;
    }

    private void repeat(long n) {
        if (n <= 0 || size == 0) {
            if (n <= 0) clear();
            return;
        }
        PyObject[] one = toArray();
        if (maxlen >= 0 && (long) one.length * n > maxlen) {
            long total = (long) one.length * n;
            // only the last maxlen items survive
            long skip = total - maxlen;
            clear();
            for (long i = skip; i < total; i++) append(one[(int) (i % one.length)]);
            return;
        }
        if ((long) one.length * n > Integer.MAX_VALUE - 16) throw Exc.memoryError();
        for (long r = 1; r < n; r++) for (PyObject x : one) append(x);
    }

    @Override public PyObject inplaceOp(int op, PyObject other) {
        if (op == BinOp.ADD) {
            extend(other);
            return this;
        }
        if (op == BinOp.MUL) {
            PyObject n = Ops.indexOrNull(other);
            if (n == null) return null;
            repeat(((PyInt) n).longValue());
            return this;
        }
        return null;
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof Deque o)) return null;
        PyObject[] a = toArray(), b = o.toArray();
        int i = 0;
        while (i < a.length && i < b.length && (a[i] == b[i] || Ops.eq(a[i], b[i]))) i++;
        if (i >= a.length || i >= b.length) return PyBool.of(Compare.result(Integer.compare(a.length, b.length), op));
        if (op == Compare.EQ) return PyBool.FALSE;
        if (op == Compare.NE) return PyBool.TRUE;
        return Ops.richCompare(a[i], b[i], op);
    }

    // ----- iterators --------------------------------------------------------------------

    /** The deque's iterators: they hold the deque (counted) until they die, as CPython's. */
    static final class DequeIter extends PyContainer {
        private final Deque d;
        private final long state;
        private final boolean reverse;
        private int pos;

        DequeIter(Deque d, boolean reverse) {
            super(reverse ? REV_ITER_TYPE : ITER_TYPE);
            this.d = Refs.own(d);
            this.state = d.state;
            this.reverse = reverse;
        }

        @Override public void traverse(RefVisitor v) { v.visit(d); }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (d.state != state) throw Exc.runtimeError("deque mutated during iteration");
            if (pos >= d.size) return null;
            PyObject v = d.get(reverse ? d.size - 1 - pos : pos);
            pos++;
            return v;
        }

        @Override public int length() { return Math.max(0, d.size - pos); }
    }

    // ----- methods ----------------------------------------------------------------------

    private static Deque self(PyObject o) { return (Deque) o; }

    static {
        PyType t = TYPE;
        t.def("__init__", (self, a, k) -> {
            int npos = Args.positional(a, k);
            if (k != null) {
                for (String kw : k) {
                    if (!kw.equals("iterable") && !kw.equals("maxlen")) {
                        throw Exc.typeError("'" + kw + "' is an invalid keyword argument for deque()");
                    }
                }
            }
            PyObject[] p = Args.parse("deque", a, k, new String[] {"iterable", "maxlen"}, 0, 2);
            Deque d = self(self);
            int maxlen = -1;
            if (p[1] != null && p[1] != Py.None) {
                if (!(p[1] instanceof PyInt) && Ops.indexOrNull(p[1]) == null) throw Exc.typeError("an integer is required");
                long m = Ops.index(p[1]).longValue();
                if (m < 0) throw Exc.valueError("maxlen must be non-negative");
                maxlen = (int) Math.min(m, Integer.MAX_VALUE);
            }
            d.maxlen = maxlen;
            if (d.size > 0) d.clear();
            if (p[0] != null) d.extend(p[0]);
            return Py.None;
        });
        t.def("append", (self, a, k) -> {
            Args.checkCount("deque.append", a, 1, 1);
            self(self).append(a[0]);
            return Py.None;
        });
        t.def("appendleft", (self, a, k) -> {
            Args.checkCount("deque.appendleft", a, 1, 1);
            self(self).appendLeft(a[0]);
            return Py.None;
        });
        t.def("pop", (self, a, k) -> {
            Args.checkCount("deque.pop", a, 0, 0);
            return self(self).pop();
        });
        t.def("popleft", (self, a, k) -> {
            Args.checkCount("deque.popleft", a, 0, 0);
            return self(self).popLeft();
        });
        t.def("extend", (self, a, k) -> {
            Args.checkCount("deque.extend", a, 1, 1);
            self(self).extend(a[0]);
            return Py.None;
        });
        t.def("extendleft", (self, a, k) -> {
            Args.checkCount("deque.extendleft", a, 1, 1);
            self(self).extendLeft(a[0]);
            return Py.None;
        });
        t.def("clear", (self, a, k) -> {
            Args.checkCount("deque.clear", a, 0, 0);
            self(self).clear();
            return Py.None;
        });
        t.def("rotate", (self, a, k) -> {
            LibSupport.positional("rotate", a, k, 0, 1);
            long n = a.length == 0 ? 1 : Ops.index(a[0]).longValue();
            self(self).rotate(n);
            return Py.None;
        });
        t.def("count", (self, a, k) -> {
            Args.checkCount("deque.count", a, 1, 1);
            Deque d = self(self);
            long s0 = d.state;
            int c = 0;
            for (int i = 0; i < d.size; i++) {
                PyObject x = d.get(i);
                boolean eq = x == a[0] || Ops.eq(x, a[0]);
                if (d.state != s0) throw Exc.runtimeError("deque mutated during iteration");
                if (eq) c++;
            }
            return PyInt.of(c);
        });
        t.def("index", (self, a, k) -> {
            LibSupport.positional("index", a, k, 1, 3);
            Deque d = self(self);
            int n = d.size;
            int start = a.length > 1 ? clamp(Ops.index(a[1]).longValue(), n) : 0;
            int stop = a.length > 2 ? clamp(Ops.index(a[2]).longValue(), n) : n;
            long s0 = d.state;
            for (int i = start; i < stop && i < d.size; i++) {
                PyObject x = d.get(i);
                boolean eq = x == a[0] || Ops.eq(x, a[0]);
                if (d.state != s0) throw Exc.runtimeError("deque mutated during iteration");
                if (eq) return PyInt.of(i);
            }
            throw Exc.valueError(Ops.repr(a[0]) + " is not in deque");
        });
        t.def("remove", (self, a, k) -> {
            Args.checkCount("deque.remove", a, 1, 1);
            Deque d = self(self);
            long s0 = d.state;
            for (int i = 0; i < d.size; i++) {
                PyObject x = d.get(i);
                boolean eq = x == a[0] || Ops.eq(x, a[0]);
                if (d.state != s0) throw Exc.indexError("deque mutated during remove().");
                if (eq) {
                    d.removeAt(i);
                    return Py.None;
                }
            }
            throw Exc.valueError(Ops.repr(a[0]) + " is not in deque");
        });
        t.def("insert", (self, a, k) -> {
            LibSupport.positional("insert", a, k, 2, 2);
            Deque d = self(self);
            long i = Ops.index(a[0]).longValue();
            if (d.maxlen >= 0 && d.size >= d.maxlen) throw Exc.indexError("deque already at its maximum size");
            int n = d.size;
            if (i < 0) i = Math.max(0, i + n);
            if (i > n) i = n;
            d.insertAt((int) i, a[1]);
            return Py.None;
        });
        t.def("reverse", (self, a, k) -> {
            Args.checkCount("deque.reverse", a, 0, 0);
            Deque d = self(self);
            PyObject[] r = d.toArray();
            for (int i = 0; i < r.length; i++) d.set(i, r[r.length - 1 - i]);
            d.state++;
            return Py.None;
        });
        t.def("copy", (self, a, k) -> {
            Args.checkCount("deque.copy", a, 0, 0);
            return self(self).copyDeque();
        });
        t.def("__copy__", (self, a, k) -> self(self).copyDeque());
        t.def("__reversed__", (self, a, k) -> new DequeIter(self(self), true));
        for (PyType it : new PyType[] {ITER_TYPE, REV_ITER_TYPE}) {
            it.def("__length_hint__", (self, a, k) -> PyInt.of(self.length()));
        }
        t.setTypeAttr("maxlen", LibSupport.Member.getset(t, "maxlen", o -> {
            int m = ((Deque) o).maxlen;
            return m < 0 ? Py.None : PyInt.of(m);
        }));
        SlotWrappers.add(t, "__repr__", "__bool__", "__len__", "__iter__", "__getitem__", "__setitem__", "__delitem__",
                "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__", "compare");
        LibSupport.containsSlot(t);
        t.dict.put("__hash__", Py.None);
    }

    private static int clamp(long i, int n) {
        if (i < 0) i = Math.max(0, i + n);
        return (int) Math.min(i, n);
    }
}
