package toy.lib;

import toy.object.*;
import toy.vm.Runtime;

/**
 * The itertools module: lazy iterator building blocks, each an iterator type ported from
 * CPython's {@code Modules/itertoolsmodule.c} (same argument checks, messages and reprs).
 * The combinatoric iterators (product, permutations, combinations) live in
 * {@link ItertoolsCombinatorics}.
 */
public final class ItertoolsModule {
    private ItertoolsModule() {}

    static final String M = "itertools";

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule(M);
        for (PyType t : new PyType[] {COUNT, CYCLE, REPEAT, ISLICE, CHAIN, ACCUMULATE, GROUPBY, GROUPER, ZIP_LONGEST,
                STARMAP, TAKEWHILE, DROPWHILE, FILTERFALSE, COMPRESS, TEE, PAIRWISE, ItertoolsCombinatorics.PRODUCT,
                ItertoolsCombinatorics.PERMUTATIONS, ItertoolsCombinatorics.COMBINATIONS,
                ItertoolsCombinatorics.COMBINATIONS_WR}) {
            m.dict.put(LibSupport.shortName(t), t);
        }
        m.def("tee", (a, k) -> {
            PyObject[] p = Args.parse("tee", a, k, new String[] {"iterable", "n"}, 1, 2);
            Args.noKeywords("tee", k);
            long n = p[1] == null ? 2 : Ops.index(p[1]).longValue();
            if (n < 0) throw Exc.valueError("n must be >= 0");
            PyObject[] out = new PyObject[(int) n];
            if (n == 0) return PyTuple.EMPTY;
            PyObject it = Ops.iter(p[0]);
            Tee first = it instanceof Tee t ? t : new Tee(TEE, new TeeData(it));
            out[0] = first;
            for (int i = 1; i < n; i++) out[i] = first.copy();
            return PyTuple.of(out);
        });
        return m;
    }

    /** Base of the iterator types: iter(self) is self. */
    abstract static class Iter extends PyObject {
        Iter(PyType t) { super(t); }

        @Override public final PyObject iter() { return this; }
    }

    // ----- count -------------------------------------------------------------------------

    static final PyType COUNT = LibSupport.iteratorType(M, "count", (cls, a, k) -> {
        PyObject[] p = Args.parse("count", a, k, new String[] {"start", "step"}, 0, 2);
        PyObject start = p[0] == null ? PyInt.ZERO : p[0];
        PyObject step = p[1] == null ? PyInt.ONE : p[1];
        if (!isNumber(start) || !isNumber(step)) throw Exc.typeError("a number is required");
        return new Count(cls, start, step);
    });

    static boolean isNumber(PyObject o) {
        if (o instanceof PyInt || o instanceof PyFloat) return true;
        PyType t = o.type;
        return t.lookup("__index__") != null || t.lookup("__int__") != null || t.lookup("__float__") != null
                || t.lookup("__complex__") != null;
    }

    static final class Count extends Iter {
        /** Fast mode: an int counter stepping by 1 ({@code slow} false). */
        private long cnt;
        private boolean slow;
        private PyObject longCnt;
        private final PyObject step;

        Count(PyType t, PyObject start, PyObject step) {
            super(t);
            this.step = step;
            boolean stepOne = step instanceof PyInt s && s.isSmall() && s.value == 1;
            if (start instanceof PyInt s && s.isSmall() && s.value != Long.MAX_VALUE && stepOne) {
                cnt = s.value;
            } else {
                slow = true;
                longCnt = start;
            }
        }

        @Override public PyObject next() {
            if (!slow) {
                PyObject r = PyInt.of(cnt);
                if (cnt == Long.MAX_VALUE - 1) {
                    slow = true;
                    longCnt = PyInt.of(Long.MAX_VALUE);
                } else {
                    cnt++;
                }
                return r;
            }
            PyObject r = longCnt;
            longCnt = Ops.add(longCnt, step);
            return r;
        }

        @Override public String repr() {
            String name = LibSupport.typeName(this);
            if (!slow) return name + "(" + cnt + ")";
            if (step instanceof PyInt s && s.isSmall() && s.value == 1) return name + "(" + Ops.repr(longCnt) + ")";
            return name + "(" + Ops.repr(longCnt) + ", " + Ops.repr(step) + ")";
        }
    }

    // ----- cycle -------------------------------------------------------------------------

    static final PyType CYCLE = LibSupport.iteratorType(M, "cycle", (cls, a, k) -> {
        LibSupport.positional("cycle", a, k, 1, 1);
        return new Cycle(cls, Ops.iter(a[0]));
    });

    static final class Cycle extends Iter {
        private PyObject it;
        private final PyList saved = new PyList();
        private int index;

        Cycle(PyType t, PyObject it) {
            super(t);
            this.it = it;
        }

        @Override public PyObject next() {
            if (it != null) {
                PyObject item = Ops.next(it);
                if (item != null) {
                    saved.append(item);
                    return item;
                }
                it = null;
            }
            if (saved.size == 0) return null;
            PyObject item = saved.items[index];
            index = (index + 1) % saved.size;
            return item;
        }
    }

    // ----- repeat ------------------------------------------------------------------------

    static final PyType REPEAT = LibSupport.iteratorType(M, "repeat", (cls, a, k) -> {
        PyObject[] p = Args.parse("repeat", a, k, new String[] {"object", "times"}, 1, 2);
        long times = -1;
        if (p[1] != null) times = Math.max(0, Ops.index(p[1]).longValue());
        return new Repeat(cls, p[0], times);
    });

    static final class Repeat extends Iter {
        private final PyObject element;
        /** Remaining repetitions, or -1 for forever. */
        private long cnt;

        Repeat(PyType t, PyObject element, long cnt) {
            super(t);
            this.element = element;
            this.cnt = cnt;
        }

        @Override public PyObject next() {
            if (cnt == 0) return null;
            if (cnt > 0) cnt--;
            return element;
        }

        @Override public String repr() {
            String name = LibSupport.typeName(this);
            if (cnt < 0) return name + "(" + Ops.repr(element) + ")";
            return name + "(" + Ops.repr(element) + ", " + cnt + ")";
        }
    }

    static {
        SlotWrappers.add(COUNT, "__repr__");
        SlotWrappers.add(REPEAT, "__repr__");
        REPEAT.def("__length_hint__", (self, a, k) -> {
            long c = ((Repeat) self).cnt;
            if (c < 0) throw Exc.typeError("len() of unsized object");
            return PyInt.of(c);
        });
    }

    // ----- islice ------------------------------------------------------------------------

    static final PyType ISLICE = LibSupport.iteratorType(M, "islice", (cls, a, k) -> {
        LibSupport.positional("islice", a, k, 2, 4);
        long start = 0, stop = -1, step = 1;
        String stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        if (a.length == 2) {
            if (a[1] != Py.None) {
                stop = sizeOrMinusOne(a[1]);
                if (stop == -1) throw Exc.valueError(stopMsg);
            }
        } else {
            if (a[1] != Py.None) start = sizeOrMinusOne(a[1]);
            if (a[2] != Py.None) {
                stop = sizeOrMinusOne(a[2]);
                if (stop == -1) throw Exc.valueError(stopMsg);
            }
        }
        if (start < 0 || stop < -1) {
            throw Exc.valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
        if (a.length == 4 && a[3] != Py.None) step = sizeOrMinusOne(a[3]);
        if (step < 1) throw Exc.valueError("Step for islice() must be a positive integer or None.");
        return new ISlice(cls, Ops.iter(a[0]), start, stop, step);
    });

    /** PyNumber_AsSsize_t with errors cleared: the value, or -1 when it is not a usable int. */
    private static long sizeOrMinusOne(PyObject o) {
        PyObject i;
        try {
            i = Ops.indexOrNull(o);
        } catch (PyException e) {
            return -1;
        }
        if (!(i instanceof PyInt n) || !n.isSmall()) return -1;
        return n.value;
    }

    static final class ISlice extends Iter {
        private PyObject it;
        private long next;
        private final long stop, step;
        private long cnt;

        ISlice(PyType t, PyObject it, long start, long stop, long step) {
            super(t);
            this.it = it;
            this.next = start;
            this.stop = stop;
            this.step = step;
        }

        @Override public PyObject next() {
            if (it == null) return null;
            long stopAt = stop;
            while (cnt < next) {
                PyObject item = Ops.next(it);
                if (item == null) {
                    it = null;
                    return null;
                }
                cnt++;
            }
            if (stopAt != -1 && cnt >= stopAt) {
                it = null;
                return null;
            }
            PyObject item = Ops.next(it);
            if (item == null) {
                it = null;
                return null;
            }
            cnt++;
            long old = next;
            next += step;
            if (next < old || (stopAt != -1 && next > stopAt)) next = stopAt;
            return item;
        }
    }

    // ----- chain -------------------------------------------------------------------------

    static final PyType CHAIN = LibSupport.iteratorType(M, "chain", (cls, a, k) -> {
        Args.noKeywords("chain", k);
        return new Chain(cls, PyTuple.of(a.clone()).iter());
    });

    static {
        LibSupport.classMethod(CHAIN, "from_iterable", (a, k) -> {
            LibSupport.positional("from_iterable", LibSupport.drop(a, 1), k, 1, 1);
            return new Chain((PyType) a[0], Ops.iter(a[1]));
        });
    }

    static final class Chain extends Iter {
        /** The iterator over the iterables, or null when all are consumed. */
        private PyObject source;
        private PyObject active;

        Chain(PyType t, PyObject source) {
            super(t);
            this.source = source;
        }

        @Override public PyObject next() {
            while (source != null) {
                if (active == null) {
                    PyObject iterable = Ops.next(source);
                    if (iterable == null) {
                        source = null;
                        return null;
                    }
                    active = Ops.iter(iterable);
                }
                PyObject item = Ops.next(active);
                if (item != null) return item;
                active = null;
            }
            return null;
        }
    }

    // ----- accumulate --------------------------------------------------------------------

    static final PyType ACCUMULATE = LibSupport.iteratorType(M, "accumulate", (cls, a, k) -> {
        PyObject[] p = Args.parse("accumulate", a, k, new String[] {"iterable", "func", "initial"}, 1, 2);
        PyObject func = p[1] == null || p[1] == Py.None ? null : p[1];
        PyObject initial = p[2] == null || p[2] == Py.None ? null : p[2];
        return new Accumulate(cls, Ops.iter(p[0]), func, initial);
    });

    static final class Accumulate extends Iter {
        private final PyObject it, func;
        private PyObject total, initial;

        Accumulate(PyType t, PyObject it, PyObject func, PyObject initial) {
            super(t);
            this.it = it;
            this.func = func;
            this.initial = initial;
        }

        @Override public PyObject next() {
            if (initial != null) {
                total = initial;
                initial = null;
                return total;
            }
            PyObject v = Ops.next(it);
            if (v == null) return null;
            if (total == null) total = v;
            else total = func == null ? Ops.add(total, v) : Ops.call(func, total, v);
            return total;
        }
    }

    // ----- groupby -----------------------------------------------------------------------

    static final PyType GROUPBY = LibSupport.iteratorType(M, "groupby", (cls, a, k) -> {
        PyObject[] p = Args.parse("groupby", a, k, new String[] {"iterable", "key"}, 1, 2);
        return new GroupBy(cls, Ops.iter(p[0]), p[1] == null || p[1] == Py.None ? null : p[1]);
    });

    static final PyType GROUPER = LibSupport.iteratorType(M, "_grouper", null);

    static final class GroupBy extends Iter {
        private final PyObject it, keyFn;
        PyObject tgtKey, currKey, currValue;
        Grouper currGrouper;

        GroupBy(PyType t, PyObject it, PyObject keyFn) {
            super(t);
            this.it = it;
            this.keyFn = keyFn;
        }

        /** Reads the next value and its key; false at the end of the input. */
        boolean step() {
            PyObject v = Ops.next(it);
            if (v == null) return false;
            PyObject key = keyFn == null ? v : Ops.call(keyFn, v);
            currValue = v;
            currKey = key;
            return true;
        }

        @Override public PyObject next() {
            currGrouper = null;
            while (true) {
                if (currKey != null) {
                    if (tgtKey == null) break;
                    if (!Ops.eq(tgtKey, currKey)) break;
                }
                if (!step()) return null;
            }
            tgtKey = currKey;
            Grouper g = new Grouper(this, tgtKey);
            currGrouper = g;
            return PyTuple.of(currKey, g);
        }
    }

    static final class Grouper extends Iter {
        private final GroupBy parent;
        private final PyObject tgtKey;

        Grouper(GroupBy parent, PyObject tgtKey) {
            super(GROUPER);
            this.parent = parent;
            this.tgtKey = tgtKey;
        }

        @Override public PyObject next() {
            GroupBy g = parent;
            if (g.currGrouper != this) return null;
            if (g.currValue == null && !g.step()) return null;
            if (!Ops.eq(tgtKey, g.currKey)) return null;
            PyObject r = g.currValue;
            g.currValue = null;
            return r;
        }
    }

    // ----- zip_longest -------------------------------------------------------------------

    static final PyType ZIP_LONGEST = LibSupport.iteratorType(M, "zip_longest", (cls, a, k) -> {
        int npos = Args.positional(a, k);
        PyObject fill = Py.None;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                if (!k[i].equals("fillvalue") || k.length > 1) {
                    throw Exc.typeError("zip_longest() got an unexpected keyword argument");
                }
                fill = a[npos + i];
            }
        }
        PyObject[] iters = new PyObject[npos];
        for (int i = 0; i < npos; i++) iters[i] = Ops.iter(a[i]);
        return new ZipLongest(cls, iters, fill);
    });

    static final class ZipLongest extends Iter {
        private final PyObject[] iters;
        private final PyObject fill;
        private int active;

        ZipLongest(PyType t, PyObject[] iters, PyObject fill) {
            super(t);
            this.iters = iters;
            this.fill = fill;
            this.active = iters.length;
        }

        @Override public PyObject next() {
            if (iters.length == 0 || active == 0) return null;
            PyObject[] r = new PyObject[iters.length];
            for (int i = 0; i < iters.length; i++) {
                PyObject item;
                if (iters[i] == null) {
                    item = fill;
                } else {
                    item = Ops.next(iters[i]);
                    if (item == null) {
                        iters[i] = null;
                        if (--active == 0) return null;
                        item = fill;
                    }
                }
                r[i] = item;
            }
            return PyTuple.of(r);
        }
    }

    // ----- starmap, takewhile, dropwhile, filterfalse, compress, pairwise -----------------

    static final PyType STARMAP = LibSupport.iteratorType(M, "starmap", (cls, a, k) -> {
        LibSupport.positional("starmap", a, k, 2, 2);
        return new StarMap(cls, a[0], Ops.iter(a[1]));
    });

    static final class StarMap extends Iter {
        private final PyObject fn, it;

        StarMap(PyType t, PyObject fn, PyObject it) {
            super(t);
            this.fn = fn;
            this.it = it;
        }

        @Override public PyObject next() {
            PyObject args = Ops.next(it);
            if (args == null) return null;
            PyObject[] a = args instanceof PyTuple t ? t.items : SeqMethods.toArray(args);
            return fn.call(a.clone(), null);
        }
    }

    static final PyType TAKEWHILE = LibSupport.iteratorType(M, "takewhile", (cls, a, k) -> {
        LibSupport.positional("takewhile", a, k, 2, 2);
        return new TakeWhile(cls, a[0], Ops.iter(a[1]));
    });

    static final class TakeWhile extends Iter {
        private final PyObject pred, it;
        private boolean stop;

        TakeWhile(PyType t, PyObject pred, PyObject it) {
            super(t);
            this.pred = pred;
            this.it = it;
        }

        @Override public PyObject next() {
            if (stop) return null;
            PyObject v = Ops.next(it);
            if (v == null) return null;
            if (Ops.isTrue(Ops.call(pred, v))) return v;
            stop = true;
            return null;
        }
    }

    static final PyType DROPWHILE = LibSupport.iteratorType(M, "dropwhile", (cls, a, k) -> {
        LibSupport.positional("dropwhile", a, k, 2, 2);
        return new DropWhile(cls, a[0], Ops.iter(a[1]));
    });

    static final class DropWhile extends Iter {
        private final PyObject pred, it;
        private boolean dropping = true;

        DropWhile(PyType t, PyObject pred, PyObject it) {
            super(t);
            this.pred = pred;
            this.it = it;
        }

        @Override public PyObject next() {
            while (true) {
                PyObject v = Ops.next(it);
                if (v == null) return null;
                if (!dropping) return v;
                if (!Ops.isTrue(Ops.call(pred, v))) {
                    dropping = false;
                    return v;
                }
            }
        }
    }

    static final PyType FILTERFALSE = LibSupport.iteratorType(M, "filterfalse", (cls, a, k) -> {
        LibSupport.positional("filterfalse", a, k, 2, 2);
        return new FilterFalse(cls, a[0], Ops.iter(a[1]));
    });

    static final class FilterFalse extends Iter {
        private final PyObject pred, it;

        FilterFalse(PyType t, PyObject pred, PyObject it) {
            super(t);
            this.pred = pred;
            this.it = it;
        }

        @Override public PyObject next() {
            while (true) {
                PyObject v = Ops.next(it);
                if (v == null) return null;
                boolean ok = pred == Py.None || pred == PyBool.TYPE ? Ops.isTrue(v) : Ops.isTrue(Ops.call(pred, v));
                if (!ok) return v;
            }
        }
    }

    static final PyType COMPRESS = LibSupport.iteratorType(M, "compress", (cls, a, k) -> {
        PyObject[] p = Args.parse("compress", a, k, new String[] {"data", "selectors"}, 2, 2);
        return new Compress(cls, Ops.iter(p[0]), Ops.iter(p[1]));
    });

    static final class Compress extends Iter {
        private final PyObject data, selectors;

        Compress(PyType t, PyObject data, PyObject selectors) {
            super(t);
            this.data = data;
            this.selectors = selectors;
        }

        @Override public PyObject next() {
            while (true) {
                PyObject d = Ops.next(data);
                if (d == null) return null;
                PyObject s = Ops.next(selectors);
                if (s == null) return null;
                if (Ops.isTrue(s)) return d;
            }
        }
    }

    static final PyType PAIRWISE = LibSupport.iteratorType(M, "pairwise", (cls, a, k) -> {
        LibSupport.positional("pairwise", a, k, 1, 1);
        return new Pairwise(cls, Ops.iter(a[0]));
    });

    static final class Pairwise extends Iter {
        private PyObject it, old;

        Pairwise(PyType t, PyObject it) {
            super(t);
            this.it = it;
        }

        @Override public PyObject next() {
            if (it == null) return null;
            if (old == null) {
                old = Ops.next(it);
                if (old == null) {
                    it = null;
                    return null;
                }
            }
            PyObject n = Ops.next(it);
            if (n == null) {
                it = null;
                old = null;
                return null;
            }
            PyObject r = PyTuple.of(old, n);
            old = n;
            return r;
        }
    }

    // ----- tee ---------------------------------------------------------------------------

    static final PyType TEE = LibSupport.iteratorType(M, "_tee", (cls, a, k) -> {
        LibSupport.positional("_tee", a, k, 1, 1);
        PyObject it = Ops.iter(a[0]);
        if (it instanceof Tee t) return t.copy();
        return new Tee(cls, new TeeData(it));
    });

    static {
        TEE.def("__copy__", (self, a, k) -> ((Tee) self).copy());
    }

    /** One buffered value of a tee; next is null until the value after it has been read. */
    static final class TeeNode {
        PyObject value;
        TeeNode next;
    }

    /** The iterator shared by a family of tees and the newest buffered node. */
    static final class TeeData {
        final PyObject it;
        TeeNode last = new TeeNode();
        boolean exhausted;
        boolean running;

        TeeData(PyObject it) { this.it = it; }

        /** Appends the next value of the source; false at its end. */
        boolean fetch() {
            if (exhausted) return false;
            if (running) throw Exc.runtimeError("cannot re-enter the tee iterator");
            running = true;
            PyObject v;
            try {
                v = Ops.next(it);
            } finally {
                running = false;
            }
            if (v == null) {
                exhausted = true;
                return false;
            }
            TeeNode n = new TeeNode();
            n.value = v;
            last.next = n;
            last = n;
            return true;
        }
    }

    static final class Tee extends Iter {
        private final TeeData data;
        /** The node whose value was returned last (initially the shared start node). */
        private TeeNode pos;

        Tee(PyType t, TeeData data) {
            this(t, data, data.last);
        }

        private Tee(PyType t, TeeData data, TeeNode pos) {
            super(t);
            this.data = data;
            this.pos = pos;
        }

        Tee copy() { return new Tee(TEE, data, pos); }

        @Override public PyObject next() {
            if (pos.next == null && !data.fetch()) return null;
            if (pos.next == null) return null;
            pos = pos.next;
            return pos.value;
        }
    }
}
