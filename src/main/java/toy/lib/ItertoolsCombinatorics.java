package toy.lib;

import toy.object.*;

/**
 * The combinatoric iterators of itertools: product, permutations, combinations and
 * combinations_with_replacement, with CPython's algorithms (and so its output order).
 */
final class ItertoolsCombinatorics {
    private ItertoolsCombinatorics() {}

    private static final String M = ItertoolsModule.M;

    static final PyType PRODUCT = LibSupport.iteratorType(M, "product", (cls, a, k) -> {
        int npos = Args.positional(a, k);
        long repeat = 1;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                if (!k[i].equals("repeat")) throw Exc.typeError("'" + k[i] + "' is an invalid keyword argument for product()");
                repeat = Ops.index(a[npos + i]).longValue();
                if (repeat < 0) throw Exc.valueError("repeat argument cannot be negative");
            }
        }
        PyObject[] pools = new PyObject[(int) Math.min(Integer.MAX_VALUE - 8, npos * repeat)];
        for (int i = 0; i < npos; i++) {
            PyTuple pool = asTuple(a[i]);
            for (int r = 0; r < repeat; r++) pools[r * npos + i] = pool;
        }
        return new Product(cls, PyTuple.of(pools));
    });

    /** PySequence_Tuple: an exact tuple as it is, anything else copied into a new one. */
    static PyTuple asTuple(PyObject o) {
        if (o instanceof PyTuple t && t.type == PyTuple.TYPE) return t;
        return PyTuple.of(BuiltinIterators.collect(o));
    }

    /**
     * The part the combinatoric iterators share, as in CPython: the input as a tuple ({@code pool},
     * or product's tuple of pools) and the most recently returned result tuple, both counted and
     * dropped in that order. CPython updates the result tuple in place when nothing else holds
     * it; here a new tuple replaces it (the items live just as long).
     */
    abstract static class Combinatoric extends ItertoolsModule.Iter {
        final PyTuple pool;
        PyTuple result;
        boolean stopped;

        Combinatoric(PyType t, PyTuple pool) {
            super(t);
            this.pool = Refs.own(pool);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(pool);
            v.visit(result);
        }

        /** Keeps items as the new result and returns it. */
        final PyTuple setResult(PyObject[] items) {
            PyTuple old = result;
            result = Refs.own(PyTuple.of(items));
            Refs.xdecref(old);
            return result;
        }

        final PyObject stop() {
            stopped = true;
            return null;
        }
    }

    // ----- product -----------------------------------------------------------------------

    static final class Product extends Combinatoric {
        private final int[] indices;

        Product(PyType t, PyTuple pools) {
            super(t, pools);
            this.indices = new int[pools.size()];
        }

        private PyObject[] pool(int i) { return ((PyTuple) pool.items[i]).items; }

        @Override public PyObject next() {
            if (stopped) return null;
            int n = indices.length;
            if (result == null) {
                PyObject[] items = new PyObject[n];
                for (int i = 0; i < n; i++) {
                    if (pool(i).length == 0) {
                        setResult(java.util.Arrays.copyOf(items, i));
                        return stop();
                    }
                    items[i] = pool(i)[0];
                }
                return setResult(items);
            }
            PyObject[] items = result.items.clone();
            int i = n - 1;
            for (; i >= 0; i--) {
                PyObject[] pool = pool(i);
                indices[i]++;
                if (indices[i] == pool.length) {
                    indices[i] = 0;
                    items[i] = pool[0];
                } else {
                    items[i] = pool[indices[i]];
                    break;
                }
            }
            setResult(items); // the rolled-over values stay in the kept tuple, as in CPython
            if (i < 0) return stop();
            return result;
        }
    }

    // ----- permutations ------------------------------------------------------------------

    static final PyType PERMUTATIONS = LibSupport.iteratorType(M, "permutations", (cls, a, k) -> {
        PyObject[] p = Args.parse("permutations", a, k, new String[] {"iterable", "r"}, 1, 2);
        PyTuple pool = asTuple(p[0]);
        long r = pool.size();
        if (p[1] != null && p[1] != Py.None) {
            if (!(p[1] instanceof PyInt ri)) throw Exc.typeError("Expected int as r");
            r = ri.longValue();
            if (r < 0) throw Exc.valueError("r must be non-negative");
        }
        return new Permutations(cls, pool, (int) Math.min(r, Integer.MAX_VALUE));
    });

    static final class Permutations extends Combinatoric {
        private final int r;
        private final int[] indices, cycles;

        Permutations(PyType t, PyTuple pool, int r) {
            super(t, pool);
            this.r = r;
            int n = pool.size();
            stopped = r > n;
            indices = new int[n];
            for (int i = 0; i < n; i++) indices[i] = i;
            cycles = new int[stopped ? 0 : r];
            for (int i = 0; i < cycles.length; i++) cycles[i] = n - i;
        }

        @Override public PyObject next() {
            if (stopped) return null;
            PyObject[] pool = this.pool.items;
            int n = pool.length;
            if (result == null) {
                PyObject[] out = new PyObject[r];
                for (int i = 0; i < r; i++) out[i] = pool[indices[i]];
                return setResult(out);
            }
            if (n == 0) return stop();
            for (int i = r - 1; i >= 0; i--) {
                cycles[i]--;
                if (cycles[i] == 0) {
                    int idx = indices[i];
                    System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                    indices[n - 1] = idx;
                    cycles[i] = n - i;
                } else {
                    int j = cycles[i];
                    int tmp = indices[i];
                    indices[i] = indices[n - j];
                    indices[n - j] = tmp;
                    PyObject[] out = result.items.clone();
                    for (int k = i; k < r; k++) out[k] = pool[indices[k]];
                    return setResult(out);
                }
            }
            return stop();
        }
    }

    // ----- combinations ------------------------------------------------------------------

    static final PyType COMBINATIONS = LibSupport.iteratorType(M, "combinations", (cls, a, k) -> {
        PyObject[] p = Args.parse("combinations", a, k, new String[] {"iterable", "r"}, 2, 2);
        PyTuple pool = asTuple(p[0]);
        long r = Ops.index(p[1]).longValue();
        if (r < 0) throw Exc.valueError("r must be non-negative");
        return new Combinations(cls, pool, (int) Math.min(r, Integer.MAX_VALUE), false);
    });

    static final PyType COMBINATIONS_WR = LibSupport.iteratorType(M, "combinations_with_replacement", (cls, a, k) -> {
        PyObject[] p = Args.parse("combinations_with_replacement", a, k, new String[] {"iterable", "r"}, 2, 2);
        PyTuple pool = asTuple(p[0]);
        long r = Ops.index(p[1]).longValue();
        if (r < 0) throw Exc.valueError("r must be non-negative");
        return new Combinations(cls, pool, (int) Math.min(r, Integer.MAX_VALUE), true);
    });

    static final class Combinations extends Combinatoric {
        private final int r;
        private final boolean replace;
        private final int[] indices;

        Combinations(PyType t, PyTuple pool, int r, boolean replace) {
            super(t, pool);
            this.r = r;
            this.replace = replace;
            int n = pool.size();
            stopped = replace ? n == 0 && r > 0 : r > n;
            indices = new int[stopped ? 0 : r];
            if (!replace) for (int i = 0; i < indices.length; i++) indices[i] = i;
        }

        @Override public PyObject next() {
            if (stopped) return null;
            PyObject[] pool = this.pool.items;
            if (result == null) {
                PyObject[] out = new PyObject[r];
                for (int i = 0; i < r; i++) out[i] = pool[indices[i]];
                return setResult(out);
            }
            int n = pool.length;
            int i = r - 1;
            if (replace) {
                while (i >= 0 && indices[i] == n - 1) i--;
                if (i < 0) return stop();
                int v = indices[i] + 1;
                for (int j = i; j < r; j++) indices[j] = v;
            } else {
                while (i >= 0 && indices[i] == i + n - r) i--;
                if (i < 0) return stop();
                indices[i]++;
                for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
            }
            PyObject[] out = result.items.clone();
            for (int k = i; k < r; k++) out[k] = pool[indices[k]];
            return setResult(out);
        }
    }
}
