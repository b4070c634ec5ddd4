package toy.lib;

import toy.object.*;

/** The iterator types returned by enumerate, zip, map and filter. */
final class BuiltinIterators {
    private BuiltinIterators() {}

    static final PyType ENUMERATE = PyType.builtin("enumerate", PyType.OBJECT, (cls, a, k) -> {
        PyObject[] p = Args.parse("enumerate", a, k, new String[] {"iterable", "start"}, 1, 2);
        PyInt start = p[1] == null ? PyInt.ZERO : Ops.index(p[1]);
        return new Enumerate(Ops.iter(p[0]), start);
    });
    static final PyType ZIP = PyType.builtin("zip", PyType.OBJECT, (cls, a, k) -> {
        PyObject[] iters = new PyObject[Args.positional(a, k)];
        boolean strict = false;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                if (!k[i].equals("strict")) throw Exc.typeError("zip() got an unexpected keyword argument '" + k[i] + "'");
                strict = Ops.isTrue(a[iters.length + i]);
            }
        }
        for (int i = 0; i < iters.length; i++) iters[i] = Ops.iter(a[i]);
        return new Zip(iters, strict);
    });
    static final PyType MAP = PyType.builtin("map", PyType.OBJECT, (cls, a, k) -> {
        Args.noKeywords("map", k);
        if (a.length < 2) throw Exc.typeError("map() must have at least two arguments.");
        PyObject[] iters = new PyObject[a.length - 1];
        for (int i = 1; i < a.length; i++) iters[i - 1] = Ops.iter(a[i]);
        return new MapIter(a[0], iters);
    });
    static final PyType FILTER = PyType.builtin("filter", PyType.OBJECT, (cls, a, k) -> {
        Args.noKeywords("filter", k);
        Args.checkCount("filter", a, 2, 2);
        return new Filter(a[0], Ops.iter(a[1]));
    });

    static {
        for (PyType t : new PyType[] {ENUMERATE, ZIP, MAP, FILTER}) {
            t.def("__iter__", (self, a, k) -> self);
            t.def("__next__", (self, a, k) -> {
                PyObject r = self.next();
                if (r == null) throw Exc.stopIteration(Py.None);
                return r;
            });
        }
    }

    /**
     * The tuple CPython's enumerate, zip and zip_longest keep between calls ({@code en_result},
     * {@code lz->result}) and reuse when nothing else holds it: returns kept when it may be
     * reused, else null. Reusing it in place is not safe here (Java callers borrow results
     * without counting them), so a reuse is emulated by a new {@link KeptTuple} replacing the
     * old one, which is then let go with {@link #release}: the items live exactly as long as in
     * CPython, only the tuple's identity differs.
     */
    static PyTuple recycled(PyTuple kept) { return kept.refcnt == 1 ? kept : null; }

    /** Drops a kept tuple that was reused: its old items go first to last, as CPython replaces them in place. */
    static void release(PyTuple kept) {
        if (kept instanceof KeptTuple k) k.replaced = true;
        Refs.decref(kept);
    }

    /**
     * The items of an iterable, counted while they are gathered (in a list that dies at the end
     * of the instruction, once the caller has stored them): a generator that drops the last
     * other reference to an item it yielded earlier cannot free it meanwhile, as it could
     * if the items were only borrowed.
     */
    static PyObject[] collect(PyObject iterable) {
        if (iterable instanceof PyTuple t) return t.items.clone();
        if (iterable instanceof PyList l) return l.toArray();
        PyList l = new PyList();
        l.extend(iterable);
        return l.toArray();
    }

    /**
     * Lets go of v, a value an iterator got and never hands out (filter's rejects, map's
     * arguments after the call, a predicate's result): if nothing holds it, it dies now, as
     * under CPython's Py_DECREF, instead of at the end of the instruction, so that it dies
     * before the iterator runs more script code (the next item of a generator, the next
     * predicate call). keep is what the caller is about to return (or null): it survives even
     * if only v held it.
     *
     * <p>Only for values never handed out: Java callers borrow what an iterator returned
     * without counting it until the instruction ends (SeqMethods.toArray), so anything that
     * may hold such a value (an exhausted source, a kept result tuple) is left to the end of
     * the instruction instead.
     */
    static void discard(PyObject v, PyObject keep) {
        if (v == null || !Refs.ENABLED || Refs.count(v) != 0 || v == keep) return;
        RefState rs = Refs.state();
        if (keep != null) Refs.incref(keep);
        int mark = rs.mark();
        Refs.incref(v);
        Refs.decref(v); // puts v alone above the mark
        if (rs.pending(mark)) Refs.drain(rs, mark);
        if (keep != null) Refs.decref(keep); // floating again, as a returned value is
    }

    /**
     * A result tuple an iterator keeps. It is an ordinary tuple, except that when the iterator
     * lets it go to reuse it (see {@link #recycled}) its items are dropped first to last,
     * the order in which CPython's in-place update replaces them; dying any other way it drops
     * them last to first like any tuple.
     */
    static final class KeptTuple extends PyTuple {
        boolean replaced;

        KeptTuple(PyObject[] items) { super(PyTuple.TYPE, items); }

        @Override public void traverse(RefVisitor v) {
            if (!replaced) {
                super.traverse(v);
                return;
            }
            for (PyObject x : items) v.visit(x);
        }
    }

    /** enumerate: its iterator, the kept result tuple and the index once it passed a long (all counted). */
    static final class Enumerate extends PyContainer {
        private PyObject it;
        private PyTuple result;
        private long i;
        private PyInt big;

        Enumerate(PyObject it, PyInt start) {
            super(ENUMERATE);
            this.it = Refs.own(it);
            this.result = Refs.own(PyTuple.of(Py.None, Py.None));
            if (start.isSmall() && start.value != Long.MAX_VALUE) i = start.value; else big = Refs.own(start);
        }

        /** enum_dealloc's order: the iterator, the result tuple, the long index. */
        @Override public void traverse(RefVisitor v) {
            v.visit(it);
            v.visit(result);
            v.visit(big);
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            PyObject v = Ops.next(it);
            if (v == null) return null;
            PyObject idx;
            if (big != null) {
                idx = big;
                big = Refs.own((PyInt) Ops.add(big, PyInt.ONE));
                Refs.decref(idx);
            } else {
                idx = PyInt.of(i++);
                if (i == Long.MAX_VALUE) big = Refs.own(PyInt.of(i));
            }
            PyTuple old = recycled(result);
            if (old == null) return PyTuple.of(idx, v);
            PyTuple r = new KeptTuple(new PyObject[] {idx, v});
            result = Refs.own(r);
            release(old);
            return r;
        }
    }

    /** zip: the iterators (dropped last to first, as the tuple CPython keeps them in) and the kept result tuple. */
    static final class Zip extends PyContainer {
        private final PyObject[] iters;
        private PyTuple result;
        private final boolean strict;
        private boolean done;

        Zip(PyObject[] iters, boolean strict) {
            super(ZIP);
            for (PyObject it : iters) Refs.incref(it);
            this.iters = iters;
            PyObject[] nones = new PyObject[iters.length];
            java.util.Arrays.fill(nones, Py.None);
            this.result = Refs.own(PyTuple.of(nones));
            this.strict = strict;
        }

        @Override public void traverse(RefVisitor v) {
            for (int i = iters.length - 1; i >= 0; i--) v.visit(iters[i]);
            v.visit(result);
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (done || iters.length == 0) return null;
            PyTuple reuse = recycled(result);
            PyObject[] items = new PyObject[iters.length];
            int i = 0;
            try {
                for (; i < iters.length; i++) {
                    PyObject v = Ops.next(iters[i]);
                    if (v == null) break;
                    items[i] = v;
                }
            } finally {
                // CPython updates a reused tuple item by item: the items fetched before a stop stay in it
                if (i < iters.length && reuse != null && i > 0) keep(reuse, items, i);
            }
            if (i < iters.length) {
                done = true;
                if (strict) {
                    if (i > 0) throw Exc.valueError("zip() argument " + (i + 1) + " is shorter than argument"
                            + (i == 1 ? " 1" : "s 1-" + i));
                    for (int j = 1; j < iters.length; j++) {
                        if (Ops.next(iters[j]) != null) {
                            throw Exc.valueError("zip() argument " + (j + 1) + " is longer than argument"
                                    + (j == 1 ? " 1" : "s 1-" + j));
                        }
                    }
                }
                return null;
            }
            if (reuse == null) return PyTuple.of(items);
            PyTuple r = new KeptTuple(items);
            result = Refs.own(r);
            release(reuse);
            return r;
        }

        /** Replaces the kept tuple by one whose first n items are fresh[0..n) (the rest stay). */
        private void keep(PyTuple old, PyObject[] fresh, int n) {
            PyObject[] items = old.items.clone();
            System.arraycopy(fresh, 0, items, 0, n);
            result = Refs.own(new KeptTuple(items));
            release(old);
        }
    }

    /** map: the iterators (dropped last to first, as CPython's tuple of them) then the function. */
    static final class MapIter extends PyContainer {
        private final PyObject fn;
        private final PyObject[] iters;

        MapIter(PyObject fn, PyObject[] iters) {
            super(MAP);
            this.fn = Refs.own(fn);
            for (PyObject it : iters) Refs.incref(it);
            this.iters = iters;
        }

        @Override public void traverse(RefVisitor v) {
            for (int i = iters.length - 1; i >= 0; i--) v.visit(iters[i]);
            v.visit(fn);
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            PyObject[] args = new PyObject[iters.length];
            for (int i = 0; i < iters.length; i++) {
                PyObject v = Ops.next(iters[i]);
                if (v == null) {
                    for (int j = 0; j < i; j++) discard(args[j], null);
                    return null;
                }
                args[i] = v;
            }
            PyObject r = fn.call(args, null);
            for (PyObject a : args) discard(a, r);
            return r;
        }
    }

    /** filter: the function then the iterator (filter_dealloc's order). */
    static final class Filter extends PyContainer {
        private final PyObject fn;
        private final PyObject it;

        Filter(PyObject fn, PyObject it) {
            super(FILTER);
            this.fn = Refs.own(fn);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(fn);
            v.visit(it);
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            for (PyObject v; (v = Ops.next(it)) != null; ) {
                boolean keep;
                if (fn == Py.None) {
                    keep = Ops.isTrue(v);
                } else {
                    PyObject good = Ops.call(fn, v);
                    keep = Ops.isTrue(good);
                    discard(good, v);
                }
                if (keep) return v;
                discard(v, null);
            }
            return null;
        }
    }
}
