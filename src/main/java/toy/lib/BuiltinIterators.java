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

    static final class Enumerate extends PyObject {
        private final PyObject it;
        private long i;
        private PyInt big;

        Enumerate(PyObject it, PyInt start) {
            super(ENUMERATE);
            this.it = it;
            if (start.isSmall()) i = start.value; else big = start;
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            PyObject v = Ops.next(it);
            if (v == null) return null;
            PyObject idx;
            if (big != null) {
                idx = big;
                big = (PyInt) Ops.add(big, PyInt.ONE);
            } else {
                idx = PyInt.of(i++);
            }
            return PyTuple.of(idx, v);
        }
    }

    static final class Zip extends PyObject {
        private final PyObject[] iters;
        private final boolean strict;
        private boolean done;

        Zip(PyObject[] iters, boolean strict) {
            super(ZIP);
            this.iters = iters;
            this.strict = strict;
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (done || iters.length == 0) return null;
            PyObject[] items = new PyObject[iters.length];
            for (int i = 0; i < iters.length; i++) {
                PyObject v = Ops.next(iters[i]);
                if (v == null) {
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
                items[i] = v;
            }
            return PyTuple.of(items);
        }
    }

    static final class MapIter extends PyObject {
        private final PyObject fn;
        private final PyObject[] iters;

        MapIter(PyObject fn, PyObject[] iters) {
            super(MAP);
            this.fn = fn;
            this.iters = iters;
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            PyObject[] args = new PyObject[iters.length];
            for (int i = 0; i < iters.length; i++) {
                PyObject v = Ops.next(iters[i]);
                if (v == null) return null;
                args[i] = v;
            }
            return fn.call(args, null);
        }
    }

    static final class Filter extends PyObject {
        private final PyObject fn;
        private final PyObject it;

        Filter(PyObject fn, PyObject it) {
            super(FILTER);
            this.fn = fn;
            this.it = it;
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            for (PyObject v; (v = Ops.next(it)) != null; ) {
                boolean keep = fn == Py.None ? Ops.isTrue(v) : Ops.isTrue(Ops.call(fn, v));
                if (keep) return v;
            }
            return null;
        }
    }
}
