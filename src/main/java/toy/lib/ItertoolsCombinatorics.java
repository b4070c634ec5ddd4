package toy.lib;

import toy.object.*;

/**
 * The combinatoric iterators of itertools: product, permutations, combinations and
 * combinations_with_replacement, with CPython's algorithms (and so its output order).
 */
final class ItertoolsCombinatorics {
    private ItertoolsCombinatorics() {}

    private static final String M = ItertoolsModule.M;

    // ----- product -----------------------------------------------------------------------

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
        PyObject[][] pools = new PyObject[(int) Math.min(Integer.MAX_VALUE - 8, npos * repeat)][];
        for (int i = 0; i < npos; i++) {
            PyObject[] pool = SeqMethods.toArray(a[i]);
            for (int r = 0; r < repeat; r++) pools[r * npos + i] = pool;
        }
        return new Product(cls, pools);
    });

    static final class Product extends ItertoolsModule.Iter {
        private final PyObject[][] pools;
        private final int[] indices;
        private PyObject[] result;
        private boolean stopped;

        Product(PyType t, PyObject[][] pools) {
            super(t);
            this.pools = pools;
            this.indices = new int[pools.length];
        }

        @Override public PyObject next() {
            if (stopped) return null;
            int n = pools.length;
            if (result == null) {
                result = new PyObject[n];
                for (int i = 0; i < n; i++) {
                    if (pools[i].length == 0) {
                        stopped = true;
                        return null;
                    }
                    result[i] = pools[i][0];
                }
            } else {
                int i = n - 1;
                for (; i >= 0; i--) {
                    PyObject[] pool = pools[i];
                    indices[i]++;
                    if (indices[i] == pool.length) {
                        indices[i] = 0;
                        result[i] = pool[0];
                    } else {
                        result[i] = pool[indices[i]];
                        break;
                    }
                }
                if (i < 0) {
                    stopped = true;
                    return null;
                }
            }
            return PyTuple.of(result.clone());
        }
    }

    // ----- permutations ------------------------------------------------------------------

    static final PyType PERMUTATIONS = LibSupport.iteratorType(M, "permutations", (cls, a, k) -> {
        PyObject[] p = Args.parse("permutations", a, k, new String[] {"iterable", "r"}, 1, 2);
        PyObject[] pool = SeqMethods.toArray(p[0]);
        long r = pool.length;
        if (p[1] != null && p[1] != Py.None) {
            if (!(p[1] instanceof PyInt ri)) throw Exc.typeError("Expected int as r");
            r = ri.longValue();
            if (r < 0) throw Exc.valueError("r must be non-negative");
        }
        return new Permutations(cls, pool, (int) Math.min(r, Integer.MAX_VALUE));
    });

    static final class Permutations extends ItertoolsModule.Iter {
        private final PyObject[] pool;
        private final int r;
        private final int[] indices, cycles;
        private boolean first = true, stopped;

        Permutations(PyType t, PyObject[] pool, int r) {
            super(t);
            this.pool = pool;
            this.r = r;
            int n = pool.length;
            stopped = r > n;
            indices = new int[n];
            for (int i = 0; i < n; i++) indices[i] = i;
            cycles = new int[stopped ? 0 : r];
            for (int i = 0; i < cycles.length; i++) cycles[i] = n - i;
        }

        private PyObject current() {
            PyObject[] out = new PyObject[r];
            for (int i = 0; i < r; i++) out[i] = pool[indices[i]];
            return PyTuple.of(out);
        }

        @Override public PyObject next() {
            if (stopped) return null;
            int n = pool.length;
            if (first) {
                first = false;
                return current();
            }
            if (n == 0) {
                stopped = true;
                return null;
            }
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
                    return current();
                }
            }
            stopped = true;
            return null;
        }
    }

    // ----- combinations ------------------------------------------------------------------

    static final PyType COMBINATIONS = LibSupport.iteratorType(M, "combinations", (cls, a, k) -> {
        PyObject[] p = Args.parse("combinations", a, k, new String[] {"iterable", "r"}, 2, 2);
        PyObject[] pool = SeqMethods.toArray(p[0]);
        long r = Ops.index(p[1]).longValue();
        if (r < 0) throw Exc.valueError("r must be non-negative");
        return new Combinations(cls, pool, (int) Math.min(r, Integer.MAX_VALUE), false);
    });

    static final PyType COMBINATIONS_WR = LibSupport.iteratorType(M, "combinations_with_replacement", (cls, a, k) -> {
        PyObject[] p = Args.parse("combinations_with_replacement", a, k, new String[] {"iterable", "r"}, 2, 2);
        PyObject[] pool = SeqMethods.toArray(p[0]);
        long r = Ops.index(p[1]).longValue();
        if (r < 0) throw Exc.valueError("r must be non-negative");
        return new Combinations(cls, pool, (int) Math.min(r, Integer.MAX_VALUE), true);
    });

    static final class Combinations extends ItertoolsModule.Iter {
        private final PyObject[] pool;
        private final int r;
        private final boolean replace;
        private final int[] indices;
        private boolean first = true, stopped;

        Combinations(PyType t, PyObject[] pool, int r, boolean replace) {
            super(t);
            this.pool = pool;
            this.r = r;
            this.replace = replace;
            int n = pool.length;
            stopped = replace ? n == 0 && r > 0 : r > n;
            indices = new int[stopped ? 0 : r];
            if (!replace) for (int i = 0; i < indices.length; i++) indices[i] = i;
        }

        private PyObject current() {
            PyObject[] out = new PyObject[r];
            for (int i = 0; i < r; i++) out[i] = pool[indices[i]];
            return PyTuple.of(out);
        }

        @Override public PyObject next() {
            if (stopped) return null;
            if (first) {
                first = false;
                return current();
            }
            int n = pool.length;
            int i = r - 1;
            if (replace) {
                while (i >= 0 && indices[i] == n - 1) i--;
                if (i < 0) {
                    stopped = true;
                    return null;
                }
                int v = indices[i] + 1;
                for (int j = i; j < r; j++) indices[j] = v;
            } else {
                while (i >= 0 && indices[i] == i + n - r) i--;
                if (i < 0) {
                    stopped = true;
                    return null;
                }
                indices[i]++;
                for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
            }
            return current();
        }
    }
}
