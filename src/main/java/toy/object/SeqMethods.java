package toy.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Shared sequence helpers (slicing, repetition, comparison) and the methods of list and tuple. */
public final class SeqMethods {
    private SeqMethods() {}

    static {
        PyType l = PyList.TYPE;
        l.def("__init__", (self, a, k) -> {
            Args.noKeywords("list", k);
            Args.checkCount("list", a, 0, 1);
            PyList list = (PyList) self;
            list.clear();
            if (a.length == 1) list.extend(a[0]);
            return Py.None;
        });
        l.def("append", (self, a, k) -> {
            Args.checkCount("list.append", a, 1, 1);
            ((PyList) self).append(a[0]);
            return Py.None;
        });
        l.def("extend", (self, a, k) -> {
            Args.checkCount("list.extend", a, 1, 1);
            PyList list = (PyList) self;
            list.extend(a[0] == self ? PyTuple.of(list.toArray()) : a[0]);
            return Py.None;
        });
        l.def("insert", (self, a, k) -> {
            Args.checkCount("insert", a, 2, 2);
            PyList list = (PyList) self;
            long i = Ops.index(a[0]).longValue();
            list.insert((int) Math.max(Math.min(i, Integer.MAX_VALUE), -Integer.MAX_VALUE), a[1]);
            return Py.None;
        });
        l.def("pop", (self, a, k) -> {
            Args.checkCount("pop", a, 0, 1);
            PyList list = (PyList) self;
            if (list.size == 0) throw Exc.indexError("pop from empty list");
            long i = a.length == 0 ? list.size - 1 : Ops.index(a[0]).longValue();
            if (i < 0) i += list.size;
            if (i < 0 || i >= list.size) throw Exc.indexError("pop index out of range");
            return list.removeAt((int) i);
        });
        l.def("remove", (self, a, k) -> {
            Args.checkCount("list.remove", a, 1, 1);
            PyList list = (PyList) self;
            for (int i = 0; i < list.size; i++) {
                if (list.items[i] == a[0] || Ops.eq(list.items[i], a[0])) {
                    list.removeAt(i);
                    return Py.None;
                }
            }
            throw Exc.valueError("list.remove(x): x not in list");
        });
        l.def("index", (self, a, k) -> {
            PyList list = (PyList) self;
            int i = find(list.items, list.size, a, "list.index");
            if (i < 0) throw Exc.valueError(Ops.repr(a[0]) + " is not in list");
            return PyInt.of(i);
        });
        l.def("count", (self, a, k) -> {
            PyList list = (PyList) self;
            return PyInt.of(count(list.items, list.size, a[0]));
        });
        l.def("reverse", (self, a, k) -> {
            PyList list = (PyList) self;
            for (int i = 0, j = list.size - 1; i < j; i++, j--) {
                PyObject t = list.items[i];
                list.items[i] = list.items[j];
                list.items[j] = t;
            }
            return Py.None;
        });
        l.def("clear", (self, a, k) -> {
            ((PyList) self).clear();
            return Py.None;
        });
        l.def("copy", (self, a, k) -> {
            PyList list = (PyList) self;
            return PyList.copyOf(list.items, list.size);
        });
        l.def("sort", (self, a, k) -> {
            if (Args.positional(a, k) > 0) throw Exc.typeError("sort() takes no positional arguments");
            PyObject[] p = Args.parse("sort", a, k, new String[] {"key", "reverse"}, 0, 0);
            sort((PyList) self, p[0] == null || p[0] == Py.None ? null : p[0], p[1] != null && Ops.isTrue(p[1]));
            return Py.None;
        });
        SlotWrappers.add(l, "__repr__", "__len__", "__iter__", "__getitem__", "__setitem__", "__delitem__",
                "__contains__", "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__", "compare");
        l.dict.put("__hash__", Py.None);
        l.def("__reversed__", (self, a, k) -> new ReversedIterator(self, ((PyList) self).size));

        PyType t = PyTuple.TYPE;
        t.def("index", (self, a, k) -> {
            PyTuple tu = (PyTuple) self;
            int i = find(tu.items, tu.items.length, a, "tuple.index");
            if (i < 0) throw Exc.valueError("tuple.index(x): x not in tuple");
            return PyInt.of(i);
        });
        t.def("count", (self, a, k) -> {
            PyTuple tu = (PyTuple) self;
            return PyInt.of(count(tu.items, tu.items.length, a[0]));
        });
        SlotWrappers.add(t, "__repr__", "__hash__", "__len__", "__iter__", "__getitem__", "__contains__", "__add__",
                "__mul__", "__rmul__", "compare");
    }

    /** Forces the static initialiser (method tables) to run. */
    public static void init() {}

    private static int find(PyObject[] items, int n, PyObject[] a, String name) {
        Args.checkCount(name, a, 1, 3);
        int start = a.length > 1 ? clamp(Ops.index(a[1]).longValue(), n) : 0;
        int stop = a.length > 2 ? clamp(Ops.index(a[2]).longValue(), n) : n;
        for (int i = start; i < stop && i < n; i++) {
            if (items[i] == a[0] || Ops.eq(items[i], a[0])) return i;
        }
        return -1;
    }

    private static int clamp(long i, int n) {
        if (i < 0) i = Math.max(0, i + n);
        return (int) Math.min(i, n);
    }

    private static int count(PyObject[] items, int n, PyObject v) {
        int c = 0;
        for (int i = 0; i < n; i++) if (items[i] == v || Ops.eq(items[i], v)) c++;
        return c;
    }

    /**
     * The key function's call on an item, which the sort holds by the list's counted reference:
     * CPython passes it borrowed, so the item is marked held (see RefState.hold) and the call
     * does not count it again.
     */
    private static PyObject callKey(RefState rs, PyObject key, PyObject item) {
        rs.hold(item, null, null);
        try {
            return Ops.call(key, item);
        } finally {
            rs.unhold();
        }
    }

    /** list.sort: stable, using only "<" as CPython does; the list is empty during the sort. */
    static void sort(PyList list, PyObject key, boolean reverse) {
        int n = list.size;
        PyObject[] items = Arrays.copyOf(list.items, n);
        list.items = new PyObject[4];
        list.size = 0;
        try {
            PyObject[] keys = items;
            if (key != null) {
                keys = new PyObject[n];
                RefState rs = Refs.state();
                for (int i = 0; i < n; i++) keys[i] = callKey(rs, key, items[i]);
            }
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            final PyObject[] ks = keys;
            Comparator<Integer> cmp = (x, y) -> {
                if (Ops.lt(ks[x], ks[y])) return -1;
                if (Ops.lt(ks[y], ks[x])) return 1;
                return 0;
            };
            if (reverse) {
                // reverse, sort stably, reverse: equal items keep their original order
                reverse(idx);
                Arrays.sort(idx, cmp);
                reverse(idx);
            } else {
                Arrays.sort(idx, cmp);
            }
            PyObject[] sorted = new PyObject[Math.max(n, 4)];
            for (int i = 0; i < n; i++) sorted[i] = items[idx[i]];
            boolean modified = list.size != 0;
            list.items = sorted;
            list.size = n;
            if (modified) throw Exc.valueError("list modified during sort");
        } catch (IllegalArgumentException e) {
            list.items = Arrays.copyOf(items, Math.max(n, 4));
            list.size = n;
        } catch (PyException e) {
            list.items = Arrays.copyOf(items, Math.max(n, 4));
            list.size = n;
            throw e;
        }
    }

    private static void reverse(Integer[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Integer tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    static PyObject newTuple(PyType cls, PyObject[] args, String[] kw) {
        Args.noKeywords("tuple", kw);
        Args.checkCount("tuple", args, 0, 1);
        if (args.length == 0) return cls == PyTuple.TYPE ? PyTuple.EMPTY : PyTuple.ofType(cls, new PyObject[0]);
        if (cls == PyTuple.TYPE && args[0].type == PyTuple.TYPE) return args[0];
        PyObject[] items = toArray(args[0]);
        return cls == PyTuple.TYPE ? PyTuple.of(items) : PyTuple.ofType(cls, items);
    }

    /**
     * The items of any iterable, as a fresh array, as CPython's PySequence_Fast and
     * PySequence_Tuple take them: an exact tuple's or list's items, else (a subclass too, whose
     * __iter__ may differ) what iterating gives, after the length hint.
     */
    public static PyObject[] toArray(PyObject iterable) {
        if (iterable.type == PyTuple.TYPE) return ((PyTuple) iterable).items.clone();
        if (iterable.type == PyList.TYPE) return ((PyList) iterable).toArray();
        // gathered in a (floating) list, so that the items stay counted until the instruction
        // ends: an iterator such as a generator may drop its own references to what it yielded
        PyList out = new PyList();
        out.extend(iterable);
        return out.toArray();
    }

    static PyObject[] slice(PyObject[] items, int n, PySlice sl) {
        int[] r = sl.indices(n);
        int start = r[0], step = r[2], len = r[3];
        if (len <= 0) return new PyObject[0];
        if (step == 1) return Arrays.copyOfRange(items, start, start + len);
        PyObject[] out = new PyObject[len];
        for (int k = 0, j = start; k < len; k++, j += step) out[k] = items[j];
        return out;
    }

    static PyObject[] repeat(PyObject[] items, int n, PyInt times) {
        if (times.signum() <= 0 || n == 0) return new PyObject[0];
        if (!times.isSmall()) throw Exc.overflowError("cannot fit 'int' into an index-sized integer");
        long t = times.longValue();
        if (t * n > Integer.MAX_VALUE - 16) throw Exc.memoryError();
        PyObject[] out = new PyObject[(int) (t * n)];
        for (int i = 0; i < t; i++) System.arraycopy(items, 0, out, i * n, n);
        return out;
    }

    static PyObject compare(PyObject[] a, int na, PyObject[] b, int nb, int op) {
        int i = 0;
        while (i < na && i < nb && (a[i] == b[i] || Ops.eq(a[i], b[i]))) i++;
        if (i >= na || i >= nb) return PyBool.of(Compare.result(Integer.compare(na, nb), op));
        if (op == Compare.EQ) return PyBool.FALSE;
        if (op == Compare.NE) return PyBool.TRUE;
        return Ops.richCompare(a[i], b[i], op);
    }

    static void setSlice(PyList list, PySlice sl, PyObject value) {
        PyObject[] v;
        if (value == list) {
            v = list.toArray();
        } else {
            if (!(value instanceof PyList || value instanceof PyTuple) && value.type.lookup("__iter__") == null
                    && value.type.lookup("__getitem__") == null) {
                throw Exc.typeError("can only assign an iterable");
            }
            v = toArray(value);
        }
        int[] r = sl.indices(list.size);
        int start = r[0], step = r[2], len = r[3];
        if (step == 1) {
            int stop = Math.max(start, r[1]);
            int newSize = list.size - (stop - start) + v.length;
            PyObject[] out = new PyObject[Math.max(newSize, 4)];
            System.arraycopy(list.items, 0, out, 0, start);
            System.arraycopy(v, 0, out, start, v.length);
            System.arraycopy(list.items, stop, out, start + v.length, list.size - stop);
            PyObject[] removed = Arrays.copyOfRange(list.items, start, stop);
            for (PyObject x : v) Refs.incref(x);
            list.items = out;
            list.size = newSize;
            // CPython drops the replaced items last to first
            for (int i = removed.length - 1; i >= 0; i--) Refs.decref(removed[i]);
            return;
        }
        if (v.length != len) {
            throw Exc.valueError("attempt to assign sequence of size " + v.length + " to extended slice of size " + len);
        }
        PyObject[] removed = new PyObject[len];
        for (int k = 0, j = start; k < len; k++, j += step) {
            removed[k] = list.items[j];
            list.items[j] = v[k];
            Refs.incref(v[k]);
        }
        for (PyObject x : removed) Refs.decref(x);
    }

    static void delSlice(PyList list, PySlice sl) {
        int[] r = sl.indices(list.size);
        int start = r[0], step = r[2], len = r[3];
        if (len <= 0) return;
        boolean[] del = new boolean[list.size];
        PyObject[] removed = new PyObject[len];
        for (int k = 0, j = start; k < len; k++, j += step) {
            del[j] = true;
            removed[k] = list.items[j];
        }
        int w = 0;
        for (int i = 0; i < list.size; i++) if (!del[i]) list.items[w++] = list.items[i];
        for (int i = w; i < list.size; i++) list.items[i] = null;
        list.size = w;
        // a contiguous slice is dropped last to first (list_ass_slice), an extended one in order
        if (step == 1) {
            for (int i = removed.length - 1; i >= 0; i--) Refs.decref(removed[i]);
        } else {
            for (PyObject x : removed) Refs.decref(x);
        }
    }

    /** reversed() over a sequence with __len__ and __getitem__. */
    public static final class ReversedIterator extends PyContainer {
        public static final PyType TYPE = PyType.builtin("reversed", PyType.OBJECT, null);
        /** The sequence (a counted reference), dropped once exhausted. */
        private PyObject seq;
        private int i;

        public ReversedIterator(PyObject seq, int n) {
            super(TYPE);
            this.seq = Refs.own(seq);
            this.i = n - 1;
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (i < 0 || seq == null) return done();
            if (seq instanceof PyList l) {
                if (i >= l.size) return done();
                return l.items[i--];
            }
            return Ops.getItem(seq, PyInt.of(i--));
        }

        private PyObject done() {
            i = -1;
            PyObject s = seq;
            seq = null;
            if (!isFreed()) Refs.xdecref(s);
            return null;
        }

        @Override public void traverse(RefVisitor v) { v.visit(seq); }

        @Override public int length() { return Math.max(i + 1, 0); }
    }
}
