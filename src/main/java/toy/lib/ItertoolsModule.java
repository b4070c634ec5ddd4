package toy.lib;

import toy.object.*;
import toy.vm.Runtime;

/**
 * The itertools module: lazy iterator building blocks, each an iterator type ported from
 * CPython's {@code Modules/itertoolsmodule.c} (same argument checks, messages and reprs).
 * The combinatoric iterators (product, permutations, combinations) live in
 * {@link ItertoolsCombinatorics}; starmap, takewhile, dropwhile, filterfalse, compress and
 * pairwise in {@link ItertoolsFilters}.
 */
public final class ItertoolsModule {
    private ItertoolsModule() {}

    static final String M = "itertools";

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule(M);
        for (PyType t : new PyType[] {COUNT, CYCLE, REPEAT, ISLICE, CHAIN, ACCUMULATE, GROUPBY, GROUPER, ZIP_LONGEST,
                ItertoolsFilters.STARMAP, ItertoolsFilters.TAKEWHILE, ItertoolsFilters.DROPWHILE,
                ItertoolsFilters.FILTERFALSE, ItertoolsFilters.COMPRESS, TEE, ItertoolsFilters.PAIRWISE,
                ItertoolsCombinatorics.PRODUCT, ItertoolsCombinatorics.PERMUTATIONS, ItertoolsCombinatorics.COMBINATIONS,
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
            // as CPython: an iterator with __copy__ is copied, any other is wrapped in a tee first
            PyObject copyable = it;
            PyObject copy = LibSupport.attrOrNull(it, PyStr.intern("__copy__"));
            if (copy == null) {
                copyable = new Tee(TEE, new TeeData(it));
                copy = Ops.getAttr(copyable, PyStr.intern("__copy__"));
            }
            out[0] = copyable;
            for (int i = 1; i < n; i++) out[i] = Ops.call(copy);
            return PyTuple.of(out);
        });
        return m;
    }

    /**
     * Base of the iterator types: iter(self) is self. Each holds counted references to its
     * inputs (see {@link Refs}) and lists them in traverse in the order CPython's dealloc drops
     * them; where CPython lets an input go once exhausted (islice, chain, cycle, pairwise), so
     * do they.
     */
    abstract static class Iter extends PyContainer {
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
        /** The next value in slow mode (counted), null in fast mode. */
        private PyObject longCnt;
        private final PyObject step;

        Count(PyType t, PyObject start, PyObject step) {
            super(t);
            this.step = Refs.own(step);
            boolean stepOne = step instanceof PyInt s && s.isSmall() && s.value == 1;
            if (start instanceof PyInt s && s.isSmall() && s.value != Long.MAX_VALUE && stepOne) {
                cnt = s.value;
            } else {
                slow = true;
                longCnt = Refs.own(start);
            }
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(longCnt);
            v.visit(step);
        }

        @Override public PyObject next() {
            if (!slow) {
                PyObject r = PyInt.of(cnt);
                if (cnt == Long.MAX_VALUE - 1) {
                    slow = true;
                    longCnt = Refs.own(PyInt.of(Long.MAX_VALUE));
                } else {
                    cnt++;
                }
                return r;
            }
            PyObject r = longCnt;
            longCnt = Refs.own(Ops.add(r, step));
            Refs.decref(r);
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
        private final PyList saved = Refs.own(new PyList());
        private int index;

        Cycle(PyType t, PyObject it) {
            super(t);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(it);
            v.visit(saved);
        }

        @Override public PyObject next() {
            if (it != null) {
                PyObject item = Ops.next(it);
                if (item != null) {
                    saved.append(item);
                    return item;
                }
                PyObject old = it;
                it = null;
                Refs.decref(old);
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
            this.element = Refs.own(element);
            this.cnt = cnt;
        }

        @Override public void traverse(RefVisitor v) { v.visit(element); }

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
            Refs.state().caught();
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
            this.it = Refs.own(it);
            this.next = start;
            this.stop = stop;
            this.step = step;
        }

        @Override public void traverse(RefVisitor v) { v.visit(it); }

        /** Lets the source go, as CPython does once the slice is done. */
        private PyObject empty() {
            PyObject old = it;
            it = null;
            Refs.xdecref(old);
            return null;
        }

        @Override public PyObject next() {
            if (it == null) return null;
            long stopAt = stop;
            while (cnt < next) {
                PyObject item = Ops.next(it);
                if (item == null) return empty();
                BuiltinIterators.discard(item, null);
                cnt++;
            }
            if (stopAt != -1 && cnt >= stopAt) return empty();
            PyObject item = Ops.next(it);
            if (item == null) return empty();
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
            this.source = Refs.own(source);
        }

        /** chain_dealloc's order: the active iterator, then the source. */
        @Override public void traverse(RefVisitor v) {
            v.visit(active);
            v.visit(source);
        }

        private void clearSource() {
            PyObject old = source;
            source = null;
            Refs.xdecref(old);
        }

        @Override public PyObject next() {
            while (source != null) {
                if (active == null) {
                    PyObject iterable = Ops.next(source);
                    if (iterable == null) {
                        clearSource();
                        return null;
                    }
                    PyObject it;
                    try {
                        it = Ops.iter(iterable);
                    } catch (PyException e) {
                        clearSource();
                        throw e;
                    }
                    active = Refs.own(it);
                }
                PyObject item = Ops.next(active);
                if (item != null) return item;
                PyObject old = active;
                active = null;
                Refs.decref(old);
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
            this.it = Refs.own(it);
            this.func = func == null ? null : Refs.own(func);
            this.initial = initial == null ? null : Refs.own(initial);
        }

        /** accumulate_dealloc's order: the function, the total, the iterator, the initial value. */
        @Override public void traverse(RefVisitor v) {
            v.visit(func);
            v.visit(total);
            v.visit(it);
            v.visit(initial);
        }

        @Override public PyObject next() {
            if (initial != null) {
                total = initial; // the reference moves over
                initial = null;
                return total;
            }
            PyObject v = Ops.next(it);
            if (v == null) return null;
            if (total == null) {
                total = Refs.own(v);
                return v;
            }
            PyObject t = func == null ? Ops.add(total, v) : Ops.call(func, total, v);
            BuiltinIterators.discard(v, t);
            PyObject old = total;
            total = Refs.own(t);
            Refs.decref(old);
            return t;
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
            this.it = Refs.own(it);
            this.keyFn = keyFn == null ? null : Refs.own(keyFn);
        }

        /** groupby_dealloc's order; currGrouper is a borrowed reference, compared by identity only. */
        @Override public void traverse(RefVisitor v) {
            v.visit(it);
            v.visit(keyFn);
            v.visit(tgtKey);
            v.visit(currKey);
            v.visit(currValue);
        }

        /** Reads the next value and its key; false at the end of the input (groupby_step). */
        boolean step() {
            PyObject v = Ops.next(it);
            if (v == null) return false;
            PyObject key = keyFn == null ? v : Ops.call(keyFn, v);
            PyObject oldValue = currValue, oldKey = currKey;
            currValue = Refs.own(v);
            currKey = Refs.own(key);
            Refs.xdecref(oldKey);
            BuiltinIterators.discard(oldKey, null);
            Refs.xdecref(oldValue);
            BuiltinIterators.discard(oldValue, null);
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
            PyObject old = tgtKey;
            tgtKey = Refs.own(currKey);
            Refs.xdecref(old);
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
            this.parent = Refs.own(parent);
            this.tgtKey = Refs.own(tgtKey);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(parent);
            v.visit(tgtKey);
        }

        @Override public PyObject next() {
            GroupBy g = parent;
            if (g.currGrouper != this) return null;
            if (g.currValue == null && !g.step()) return null;
            if (!Ops.eq(tgtKey, g.currKey)) return null;
            PyObject r = g.currValue, key = g.currKey;
            g.currValue = null;
            g.currKey = null;
            Refs.decref(r); // handed to the caller
            Refs.decref(key);
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
        /** The iterators (counted; an exhausted one is dropped and its slot set to null). */
        private final PyObject[] iters;
        /** The result tuple CPython keeps and reuses (see {@link BuiltinIterators#recycled}). */
        private PyTuple result;
        private final PyObject fill;
        private int active;

        ZipLongest(PyType t, PyObject[] iters, PyObject fill) {
            super(t);
            for (PyObject it : iters) Refs.incref(it);
            this.iters = iters;
            PyObject[] nones = new PyObject[iters.length];
            java.util.Arrays.fill(nones, Py.None);
            this.result = Refs.own(PyTuple.of(nones));
            this.fill = Refs.own(fill);
            this.active = iters.length;
        }

        /** zip_longest_dealloc's order: the iterators (a tuple: last to first), the result, the fill value. */
        @Override public void traverse(RefVisitor v) {
            for (int i = iters.length - 1; i >= 0; i--) v.visit(iters[i]);
            v.visit(result);
            v.visit(fill);
        }

        @Override public PyObject next() {
            if (iters.length == 0 || active == 0) return null;
            PyTuple reuse = BuiltinIterators.recycled(result);
            PyObject[] r = new PyObject[iters.length];
            int i = 0;
            try {
                for (; i < iters.length; i++) {
                    PyObject item;
                    if (iters[i] == null) {
                        item = fill;
                    } else {
                        item = Ops.next(iters[i]);
                        if (item == null) {
                            if (--active == 0) return null;
                            PyObject old = iters[i];
                            iters[i] = null;
                            Refs.decref(old);
                            item = fill;
                        }
                    }
                    r[i] = item;
                }
            } catch (PyException e) {
                active = 0;
                throw e;
            } finally {
                // a reused tuple is updated item by item: what was fetched before a stop stays in it
                if (reuse != null && i > 0 && i < r.length) {
                    PyObject[] kept = reuse.items.clone();
                    System.arraycopy(r, 0, kept, 0, i);
                    result = Refs.own(new BuiltinIterators.KeptTuple(kept));
                    BuiltinIterators.release(reuse);
                }
            }
            if (reuse == null) return PyTuple.of(r);
            PyTuple t = new BuiltinIterators.KeptTuple(r);
            result = Refs.own(t);
            BuiltinIterators.release(reuse);
            return t;
        }
    }

    // ----- tee ---------------------------------------------------------------------------

    static final PyType TEE = LibSupport.iteratorType(M, "_tee", (cls, a, k) -> {
        LibSupport.positional("_tee", a, k, 1, 1);
        PyObject it = Ops.iter(a[0]);
        if (it instanceof Tee t) return t.copy();
        return new Tee(cls, new TeeData(it));
    });

    static final PyType TEE_DATA = LibSupport.newType(M, "_tee_dataobject", PyType.OBJECT, null);

    static {
        TEE.def("__copy__", (self, a, k) -> ((Tee) self).copy());
    }

    /** The values one block of a tee family buffers (CPython's LINKCELLS). */
    static final int LINKCELLS = 57;

    /**
     * itertools._tee_dataobject, ported from CPython: a block of up to {@link #LINKCELLS}
     * values read from the shared source, and the next block once the leading tee needs it.
     * The tees hold the blocks they are in; a block (and so its values) dies when the last tee
     * has moved past it, as in CPython.
     */
    static final class TeeData extends PyContainer {
        final PyObject it;
        final PyObject[] values = new PyObject[LINKCELLS];
        int numread;
        boolean running;
        TeeData nextlink;

        TeeData(PyObject it) {
            super(TEE_DATA);
            this.it = Refs.own(it);
        }

        /** teedataobject_clear's order: the source, the values, the next block. */
        @Override public void traverse(RefVisitor v) {
            v.visit(it);
            for (int i = 0; i < numread; i++) v.visit(values[i]);
            v.visit(nextlink);
        }

        /** The next block, made on first use. */
        TeeData jumplink() {
            if (nextlink == null) nextlink = Refs.own(new TeeData(it));
            return nextlink;
        }

        /** Value i, reading it from the source when this tee leads; null at the end. */
        PyObject getItem(int i) {
            if (i < numread) return values[i];
            if (running) throw Exc.runtimeError("cannot re-enter the tee iterator");
            running = true;
            PyObject v;
            try {
                v = Ops.next(it);
            } finally {
                running = false;
            }
            if (v == null) return null;
            values[numread++] = Refs.own(v);
            return v;
        }
    }

    static final class Tee extends Iter {
        private TeeData data;
        /** The index in data of the next value (0..LINKCELLS). */
        private int index;

        Tee(PyType t, TeeData data) {
            this(t, data, 0);
        }

        private Tee(PyType t, TeeData data, int index) {
            super(t);
            this.data = Refs.own(data);
            this.index = index;
        }

        @Override public void traverse(RefVisitor v) { v.visit(data); }

        Tee copy() { return new Tee(TEE, data, index); }

        @Override public PyObject next() {
            if (index >= LINKCELLS) {
                TeeData old = data;
                data = Refs.own(old.jumplink());
                index = 0;
                Refs.decref(old);
            }
            PyObject v = data.getItem(index);
            if (v == null) return null;
            index++;
            return v;
        }
    }
}
