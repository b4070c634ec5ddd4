package toy.lib;

import toy.object.*;

/**
 * The itertools iterators that map, filter or pair the items of one input: starmap, takewhile,
 * dropwhile, filterfalse, compress and pairwise. Split out of {@link ItertoolsModule}, which
 * registers them and whose {@link ItertoolsModule.Iter} they extend.
 */
final class ItertoolsFilters {
    private ItertoolsFilters() {}

    private static final String M = ItertoolsModule.M;

    static final PyType STARMAP = LibSupport.iteratorType(M, "starmap", (cls, a, k) -> {
        LibSupport.positional("starmap", a, k, 2, 2);
        return new StarMap(cls, a[0], Ops.iter(a[1]));
    });

    static final class StarMap extends ItertoolsModule.Iter {
        private final PyObject fn, it;

        StarMap(PyType t, PyObject fn, PyObject it) {
            super(t);
            this.fn = Refs.own(fn);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(fn);
            v.visit(it);
        }

        @Override public PyObject next() {
            PyObject args = Ops.next(it);
            if (args == null) return null;
            PyObject[] a = args instanceof PyTuple t && t.type == PyTuple.TYPE ? t.items : BuiltinIterators.collect(args);
            PyObject r = fn.call(a.clone(), null);
            BuiltinIterators.discard(args, r);
            return r;
        }
    }

    static final PyType TAKEWHILE = LibSupport.iteratorType(M, "takewhile", (cls, a, k) -> {
        LibSupport.positional("takewhile", a, k, 2, 2);
        return new TakeWhile(cls, a[0], Ops.iter(a[1]));
    });

    static final class TakeWhile extends ItertoolsModule.Iter {
        private final PyObject pred, it;
        private boolean stop;

        TakeWhile(PyType t, PyObject pred, PyObject it) {
            super(t);
            this.pred = Refs.own(pred);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(pred);
            v.visit(it);
        }

        @Override public PyObject next() {
            if (stop) return null;
            PyObject v = Ops.next(it);
            if (v == null) return null;
            PyObject good = Ops.call(pred, v);
            boolean ok = Ops.isTrue(good);
            BuiltinIterators.discard(good, v);
            if (ok) return v;
            BuiltinIterators.discard(v, null);
            stop = true;
            return null;
        }
    }

    static final PyType DROPWHILE = LibSupport.iteratorType(M, "dropwhile", (cls, a, k) -> {
        LibSupport.positional("dropwhile", a, k, 2, 2);
        return new DropWhile(cls, a[0], Ops.iter(a[1]));
    });

    static final class DropWhile extends ItertoolsModule.Iter {
        private final PyObject pred, it;
        private boolean dropping = true;

        DropWhile(PyType t, PyObject pred, PyObject it) {
            super(t);
            this.pred = Refs.own(pred);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(pred);
            v.visit(it);
        }

        @Override public PyObject next() {
            while (true) {
                PyObject v = Ops.next(it);
                if (v == null) return null;
                if (!dropping) return v;
                PyObject good = Ops.call(pred, v);
                boolean ok = Ops.isTrue(good);
                BuiltinIterators.discard(good, v);
                if (!ok) {
                    dropping = false;
                    return v;
                }
                BuiltinIterators.discard(v, null);
            }
        }
    }

    static final PyType FILTERFALSE = LibSupport.iteratorType(M, "filterfalse", (cls, a, k) -> {
        LibSupport.positional("filterfalse", a, k, 2, 2);
        return new FilterFalse(cls, a[0], Ops.iter(a[1]));
    });

    static final class FilterFalse extends ItertoolsModule.Iter {
        private final PyObject pred, it;

        FilterFalse(PyType t, PyObject pred, PyObject it) {
            super(t);
            this.pred = Refs.own(pred);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(pred);
            v.visit(it);
        }

        @Override public PyObject next() {
            while (true) {
                PyObject v = Ops.next(it);
                if (v == null) return null;
                boolean ok;
                if (pred == Py.None || pred == PyBool.TYPE) {
                    ok = Ops.isTrue(v);
                } else {
                    PyObject good = Ops.call(pred, v);
                    ok = Ops.isTrue(good);
                    BuiltinIterators.discard(good, v);
                }
                if (!ok) return v;
                BuiltinIterators.discard(v, null);
            }
        }
    }

    static final PyType COMPRESS = LibSupport.iteratorType(M, "compress", (cls, a, k) -> {
        PyObject[] p = Args.parse("compress", a, k, new String[] {"data", "selectors"}, 2, 2);
        return new Compress(cls, Ops.iter(p[0]), Ops.iter(p[1]));
    });

    static final class Compress extends ItertoolsModule.Iter {
        private final PyObject data, selectors;

        Compress(PyType t, PyObject data, PyObject selectors) {
            super(t);
            this.data = Refs.own(data);
            this.selectors = Refs.own(selectors);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(data);
            v.visit(selectors);
        }

        @Override public PyObject next() {
            while (true) {
                PyObject d = Ops.next(data);
                if (d == null) return null;
                PyObject s = Ops.next(selectors);
                if (s == null) {
                    BuiltinIterators.discard(d, null);
                    return null;
                }
                boolean ok = Ops.isTrue(s);
                BuiltinIterators.discard(s, d);
                if (ok) return d;
                BuiltinIterators.discard(d, null);
            }
        }
    }

    static final PyType PAIRWISE = LibSupport.iteratorType(M, "pairwise", (cls, a, k) -> {
        LibSupport.positional("pairwise", a, k, 1, 1);
        return new Pairwise(cls, Ops.iter(a[0]));
    });

    static final class Pairwise extends ItertoolsModule.Iter {
        private PyObject it, old;

        Pairwise(PyType t, PyObject it) {
            super(t);
            this.it = Refs.own(it);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(it);
            v.visit(old);
        }

        /** Lets the source and the kept value go, as CPython does at the end. */
        private PyObject end() {
            PyObject i = it, o = old;
            it = null;
            old = null;
            Refs.xdecref(i);
            Refs.xdecref(o);
            return null;
        }

        @Override public PyObject next() {
            if (it == null) return null;
            if (old == null) {
                PyObject first = Ops.next(it);
                if (first == null) return end();
                old = Refs.own(first);
                if (it == null) return end();
            }
            PyObject prev = old;
            PyObject n = Ops.next(it);
            if (n == null) return end();
            PyObject r = PyTuple.of(prev, n);
            old = Refs.own(n);
            Refs.decref(prev);
            return r;
        }
    }
}
