package toy.lib;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import toy.object.*;
import toy.vm.Runtime;

/**
 * The {@code random} module: the class {@code random.Random} (subclassable by scripts) and
 * module-level functions bound to one hidden instance, as CPython 3.11's {@code Lib/random.py}.
 * The generator is {@link MersenneTwister}, which reproduces CPython's bit for bit; the methods
 * here follow random.py step by step (same draws in the same order, same error messages), so a
 * seeded script prints what CPython prints. The float distributions use {@link Libm} for log,
 * exp, sin and cos, the functions of the C library CPython uses.
 *
 * <p>As in CPython, a subclass that overrides {@code random()} changes every float method,
 * and one that overrides {@code random()} or {@code getrandbits()} changes the integer methods
 * (through {@code _randbelow}, chosen the way {@code Random.__init_subclass__} chooses it).
 */
public final class RandomModule {
    private RandomModule() {}

    /** An instance of random.Random (or of a script subclass). */
    static final class PyRandom extends PyContainer {
        final MersenneTwister mt = new MersenneTwister(0);
        /** gauss_next: the second value of the last Box-Muller pair, or null. */
        Double gaussNext;
        PyDict dict;

        PyRandom(PyType type) { super(type); }

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        /** A script subclass's attributes (a counted reference). */
        @Override public void traverse(RefVisitor v) { v.visit(dict); }
    }

    static final PyType TYPE = LibSupport.newPythonLikeType("random", "Random", PyType.OBJECT, (cls, a, k) -> {
        PyRandom r = new PyRandom(cls);
        r.mt.seedFromTime();
        return r;
    });

    private static final double TWOPI = 2.0 * Math.PI;
    private static final double LOG4 = Libm.log(4.0);
    private static final double SG_MAGICCONST = 1.0 + Libm.log(4.5);
    private static final double NV_MAGICCONST = 4 * Libm.exp(-0.5) / Math.sqrt(2.0);
    private static final int BPF = 53;

    /** The Java implementation of a method of Random. */
    @FunctionalInterface
    private interface Method {
        PyObject call(PyRandom self, PyObject[] a, String[] k);
    }

    private static final String[] METHOD_NAMES = {
        "seed", "random", "getrandbits", "randrange", "randint", "choice", "choices", "shuffle", "sample",
        "uniform", "triangular", "normalvariate", "gauss", "lognormvariate", "expovariate",
        "vonmisesvariate", "gammavariate", "betavariate", "paretovariate", "weibullvariate",
    };

    private static final Method[] METHODS = {
        RandomModule::seed, RandomModule::random, RandomModule::getrandbits, RandomModule::randrange,
        RandomModule::randint, RandomModule::choice, RandomModule::choices, RandomModule::shuffle,
        RandomModule::sample, RandomModule::uniform, RandomModule::triangular, RandomModule::normalvariate,
        RandomModule::gauss, RandomModule::lognormvariate, RandomModule::expovariate,
        RandomModule::vonmisesvariate, RandomModule::gammavariate, RandomModule::betavariate,
        RandomModule::paretovariate, RandomModule::weibullvariate,
    };

    private static PyObject randomDescr, getrandbitsDescr;

    static {
        for (int i = 0; i < METHODS.length; i++) {
            Method m = METHODS[i];
            String name = METHOD_NAMES[i];
            TYPE.def(name, (self, a, k) -> {
                if (!(self instanceof PyRandom r)) {
                    throw Exc.typeError("descriptor '" + name + "' requires a 'Random' object but received a '" + self.type.name + "'");
                }
                return m.call(r, a, k);
            });
        }
        TYPE.def("__init__", (self, a, k) -> {
            int npos = Args.positional(a, k);
            if (npos > 1) {
                throw Exc.typeError("Random.__init__() takes from 1 to 2 positional arguments but " + (npos + 1) + " were given");
            }
            PyObject x = npos == 1 ? a[0] : Py.None;
            if (k != null) {
                for (int i = 0; i < k.length; i++) {
                    if (!k[i].equals("x")) throw Exc.typeError("Random.__init__() got an unexpected keyword argument '" + k[i] + "'");
                    if (npos == 1) throw Exc.typeError("Random.__init__() got multiple values for argument 'x'");
                    x = a[npos + i];
                }
            }
            Ops.invoke(self, "seed", x);
            return Py.None;
        });
        randomDescr = TYPE.dict.get("random");
        getrandbitsDescr = TYPE.dict.get("getrandbits");
    }

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("random");
        // the hidden instance the module functions are bound to: they hold it as long as the
        // module lives (bound methods of _inst in CPython), so it is immortal
        PyRandom inst = Refs.immortal(new PyRandom(TYPE));
        inst.mt.seedFromTime();
        m.dict.put("Random", TYPE);
        m.dict.put("_inst", inst);
        for (int i = 0; i < METHODS.length; i++) {
            Method meth = METHODS[i];
            m.def(METHOD_NAMES[i], (a, k) -> meth.call(inst, a, k));
        }
        return m;
    }

    // ----- core -------------------------------------------------------------------------------

    /** self.random(): the generator, or a script subclass's override. */
    private static double rnd(PyRandom self) {
        if (self.type.heap) {
            PyObject m = self.type.lookup("random");
            if (m != randomDescr) return MathModule.real(Ops.callMethod(m, self));
        }
        return self.mt.random();
    }

    /** Which _randbelow a (script sub)class uses, as Random.__init_subclass__ decides. */
    private static int randbelowKind(PyType t) {
        if (!t.heap) return 0;
        for (PyType c : t.mro) {
            if (c == TYPE) return 0;
            if (c.dict.containsKey("_randbelow")) return 3;
            if (c.dict.containsKey("getrandbits")) return 1;
            if (c.dict.containsKey("random")) return 2;
        }
        return 0;
    }

    /** self._randbelow(n) for n > 0. */
    private static BigInteger randbelow(PyRandom self, BigInteger n) {
        switch (randbelowKind(self.type)) {
            case 0:
                return n.bitLength() < 63 ? BigInteger.valueOf(self.mt.randbelow(n.longValue())) : self.mt.randbelow(n);
            case 1: {
                PyObject k = PyInt.of(n.bitLength());
                BigInteger r = Ops.index(Ops.invoke(self, "getrandbits", k)).toBig();
                while (r.compareTo(n) >= 0) r = Ops.index(Ops.invoke(self, "getrandbits", k)).toBig();
                return r;
            }
            case 2: {
                BigInteger maxsize = BigInteger.ONE.shiftLeft(BPF);
                if (n.compareTo(maxsize) >= 0) {
                    return floorToBig(rnd(self) * n.doubleValue());
                }
                long ms = 1L << BPF, nn = n.longValue();
                long rem = ms % nn;
                double limit = (double) (ms - rem) / (double) ms;
                double r = rnd(self);
                while (r >= limit) r = rnd(self);
                return BigInteger.valueOf(((long) Math.floor(r * ms)) % nn);
            }
            default:
                return Ops.index(Ops.invoke(self, "_randbelow", PyInt.of(n))).toBig();
        }
    }

    private static long randbelow(PyRandom self, long n) {
        if (!self.type.heap || randbelowKind(self.type) == 0) return self.mt.randbelow(n);
        return randbelow(self, BigInteger.valueOf(n)).longValue();
    }

    private static BigInteger floorToBig(double v) {
        return new java.math.BigDecimal(Math.floor(v)).toBigInteger();
    }

    private static PyException valueError(IllegalArgumentException e) { return Exc.valueError(e.getMessage()); }

    // ----- seeding ----------------------------------------------------------------------------

    private static PyObject seed(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("seed", a, k, new String[] {"a", "version"}, 0, 2);
        PyObject x = p[0] == null ? Py.None : p[0];
        long version = p[1] == null ? 2 : Ops.index(p[1]).longValue();
        try {
            if (x instanceof PyStr s && version == 1) {
                self.mt.seed(seedV1(s.value));
            } else if (x instanceof PyStr s && version == 2) {
                self.mt.seed(s.value);
            } else if (x == Py.None) {
                self.mt.seedFromTime();
            } else if (x instanceof PyInt i) {
                if (i.isSmall()) self.mt.seed(i.value); else self.mt.seed(i.big);
            } else if (x instanceof PyFloat f) {
                self.mt.seed(f.value);
            } else if (x instanceof PyStr) {
                self.mt.seedFromHash(Ops.hash(x));
            } else {
                throw Exc.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
            }
        } catch (IllegalArgumentException e) {
            throw Exc.raise(Exc.UnicodeEncodeError, e.getMessage());
        }
        self.gaussNext = null;
        return Py.None;
    }

    /** random.seed(str, version=1): the old string hash of Python 2, as an unsigned 64-bit int. */
    private static BigInteger seedV1(String s) {
        int[] cps = s.codePoints().toArray();
        long x = cps.length == 0 ? 0 : (long) cps[0] << 7;
        for (int c : cps) x = (1000003L * x) ^ c;
        x ^= cps.length;
        return new BigInteger(Long.toUnsignedString(x));
    }

    // ----- integer methods ----------------------------------------------------------------------

    private static PyObject random(PyRandom self, PyObject[] a, String[] k) {
        Args.noKeywords("random", k);
        Args.checkCount("random", a, 0, 0);
        return PyFloat.of(self.mt.random());
    }

    private static PyObject getrandbits(PyRandom self, PyObject[] a, String[] k) {
        Args.noKeywords("getrandbits", k);
        Args.checkCount("getrandbits", a, 1, 1);
        PyInt n = Ops.index(a[0]);
        if (n.signum() < 0) throw Exc.valueError("number of bits must be non-negative");
        int bits = n.intValue();
        if (bits <= 63) return PyInt.of(self.mt.getrandbitsLong(bits));
        return PyInt.of(self.mt.getrandbits(bits));
    }

    /** randrange's conversion of an argument: __index__, else int() of a whole float. */
    private static BigInteger rangeArg(PyObject x, String which) {
        PyObject i = Ops.indexOrNull(x);
        if (i != null) return ((PyInt) i).toBig();
        if (x instanceof PyFloat f) {
            try {
                return MersenneTwister.randrangeArg(f.value, which.equals("arg 1") ? 1 : which.equals("stop") ? 2 : 3);
            } catch (IllegalArgumentException e) {
                throw valueError(e);
            } catch (ArithmeticException e) {
                throw Exc.overflowError(e.getMessage());
            }
        }
        PyObject v = Ops.call(PyInt.TYPE, x);
        BigInteger r = ((PyInt) v).toBig();
        if (!Ops.eq(v, x)) throw Exc.valueError("non-integer " + which + " for randrange()");
        return r;
    }

    private static PyObject randrange(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("randrange", a, k, new String[] {"start", "stop", "step"}, 1, 3);
        BigInteger istart = rangeArg(p[0], "arg 1");
        if (p[1] == null || p[1] == Py.None) {
            if (p[2] != null && !(p[2] instanceof PyInt one && one.isSmall() && one.value == 1)) {
                throw Exc.typeError("Missing a non-None stop argument");
            }
            if (istart.signum() > 0) return PyInt.of(randbelow(self, istart));
            throw Exc.valueError("empty range for randrange()");
        }
        BigInteger istop = rangeArg(p[1], "stop");
        BigInteger width = istop.subtract(istart);
        BigInteger istep = p[2] == null ? BigInteger.ONE : rangeArg(p[2], "step");
        if (istep.equals(BigInteger.ONE)) {
            if (width.signum() > 0) return PyInt.of(istart.add(randbelow(self, width)));
            throw Exc.valueError("empty range for randrange() (" + istart + ", " + istop + ", " + width + ")");
        }
        BigInteger n;
        if (istep.signum() > 0) n = floorDiv(width.add(istep).subtract(BigInteger.ONE), istep);
        else if (istep.signum() < 0) n = floorDiv(width.add(istep).add(BigInteger.ONE), istep);
        else throw Exc.valueError("zero step for randrange()");
        if (n.signum() <= 0) throw Exc.valueError("empty range for randrange()");
        return PyInt.of(istart.add(istep.multiply(randbelow(self, n))));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    private static PyObject randint(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("randint", a, k, new String[] {"a", "b"}, 2, 2);
        return randrange(self, new PyObject[] {p[0], Ops.add(p[1], PyInt.ONE)}, null);
    }

    private static PyObject choice(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("choice", a, k, new String[] {"seq"}, 1, 1);
        PyObject seq = p[0];
        int n = Ops.len(seq);
        if (n == 0) throw Exc.indexError("Cannot choose from an empty sequence");
        long i = randbelow(self, n);
        if (seq instanceof PyList l && seq.type == PyList.TYPE) return l.items[(int) i];
        return Ops.getItem(seq, PyInt.of(i));
    }

    private static PyObject shuffle(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("shuffle", a, k, new String[] {"x"}, 1, 1);
        PyObject x = p[0];
        int n = Ops.len(x);
        if (x instanceof PyList l && x.type == PyList.TYPE) {
            for (int i = n - 1; i >= 1; i--) {
                int j = (int) randbelow(self, i + 1);
                PyObject t = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = t;
            }
            return Py.None;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) randbelow(self, i + 1);
            PyObject xi = PyInt.of(i), xj = PyInt.of(j);
            // both values stay counted while a script __setitem__ replaces one by the other
            PyObject vi = Refs.own(Ops.getItem(x, xi));
            try {
                PyObject vj = Refs.own(Ops.getItem(x, xj));
                try {
                    Ops.setItem(x, xi, vj);
                    Ops.setItem(x, xj, vi);
                } finally {
                    Refs.decref(vj);
                }
            } finally {
                Refs.decref(vi);
            }
        }
        return Py.None;
    }

    private static boolean isSequence(PyObject o) {
        PyType t = o.type;
        return t.isSubtypeOf(PyList.TYPE) || t.isSubtypeOf(PyTuple.TYPE) || t.isSubtypeOf(PyStr.TYPE)
                || t.isSubtypeOf(PyRange.TYPE);
    }

    private static PyObject sample(PyRandom self, PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        if (npos > 2) throw Exc.typeError("Random.sample() takes 3 positional arguments but " + (npos + 1) + " were given");
        PyObject population = npos > 0 ? a[0] : null, kk = npos > 1 ? a[1] : null, counts = null;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                PyObject v = a[npos + i];
                switch (k[i]) {
                    case "population": population = v; break;
                    case "k": kk = v; break;
                    case "counts": counts = v; break;
                    default: throw Exc.typeError("Random.sample() got an unexpected keyword argument '" + k[i] + "'");
                }
            }
        }
        if (population == null && kk == null) {
            throw Exc.typeError("Random.sample() missing 2 required positional arguments: 'population' and 'k'");
        }
        if (population == null) throw Exc.typeError("Random.sample() missing 1 required positional argument: 'population'");
        if (kk == null) throw Exc.typeError("Random.sample() missing 1 required positional argument: 'k'");
        if (!isSequence(population)) {
            throw Exc.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
        }
        int n = Ops.len(population);
        if (counts != null && counts != Py.None) {
            PyObject[] cs = SeqMethods.toArray(counts);
            PyObject[] cum = new PyObject[cs.length];
            PyList held = new PyList(); // counts the partial sums while script code runs
            PyObject acc = null;
            for (int i = 0; i < cs.length; i++) {
                acc = acc == null ? cs[i] : Ops.add(acc, cs[i]);
                cum[i] = acc;
                held.append(acc);
            }
            if (cum.length != n) throw Exc.valueError("The number of counts does not match the population");
            if (cum.length == 0) throw Exc.indexError("pop from empty list");
            PyObject total = cum[cum.length - 1];
            if (!(total instanceof PyInt)) throw Exc.typeError("Counts must be integers");
            if (((PyInt) total).signum() <= 0) throw Exc.valueError("Total of counts must be greater than zero");
            BigInteger tot = ((PyInt) total).toBig();
            if (tot.bitLength() >= 63) throw Exc.overflowError("Python int too large to convert to C ssize_t");
            long[] picked = sampleIndices(self, tot.longValue(), kk);
            // the result list counts each item as soon as it is picked (script code runs in between)
            PyList out = new PyList();
            for (int i = 0; i < picked.length; i++) {
                // bisect_right(cum_counts[:-1], s)
                PyObject s = PyInt.of(picked[i]);
                int lo = 0, hi = cum.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (Ops.lt(s, held.items[mid])) hi = mid; else lo = mid + 1;
                }
                out.append(Ops.getItem(population, PyInt.of(lo)));
            }
            return out;
        }
        long[] picked = sampleIndices(self, n, kk);
        PyList out = new PyList();
        for (int i = 0; i < picked.length; i++) out.append(Ops.getItem(population, PyInt.of(picked[i])));
        return out;
    }

    /** The indices random.sample picks from a population of n, with CPython's two algorithms. */
    private static long[] sampleIndices(PyRandom self, long n, PyObject kObj) {
        if (kObj instanceof PyFloat) {
            if (!(0 <= ((PyFloat) kObj).value && ((PyFloat) kObj).value <= n)) {
                throw Exc.valueError("Sample larger than population or is negative");
            }
            throw Exc.typeError("can't multiply sequence by non-int of type 'float'");
        }
        PyInt ki = Ops.index(kObj);
        if (ki.signum() < 0 || ki.toBig().compareTo(BigInteger.valueOf(n)) > 0) {
            throw Exc.valueError("Sample larger than population or is negative");
        }
        int k = ki.intValue();
        long[] result = new long[k];
        long setsize = 21;
        if (k > 5) {
            long target = 3L * k, power = 1;
            while (power <= target) power <<= 2;
            setsize += power;
        }
        if (n <= setsize) {
            int size = (int) n;
            long[] pool = new long[size];
            for (int i = 0; i < size; i++) pool[i] = i;
            for (int i = 0; i < k; i++) {
                int j = (int) randbelow(self, size - i);
                result[i] = pool[j];
                pool[j] = pool[size - i - 1];
            }
        } else {
            Set<Long> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = randbelow(self, n);
                while (selected.contains(j)) j = randbelow(self, n);
                selected.add(j);
                result[i] = j;
            }
        }
        return result;
    }

    private static PyObject choices(PyRandom self, PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        if (npos > 2) throw Exc.typeError("Random.choices() takes from 2 to 3 positional arguments but " + (npos + 1) + " were given");
        PyObject population = npos > 0 ? a[0] : null, weights = npos > 1 ? a[1] : Py.None;
        PyObject cumWeights = Py.None, kObj = PyInt.ONE;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                PyObject v = a[npos + i];
                switch (k[i]) {
                    case "population": population = v; break;
                    case "weights": weights = v; break;
                    case "cum_weights": cumWeights = v; break;
                    case "k": kObj = v; break;
                    default: throw Exc.typeError("Random.choices() got an unexpected keyword argument '" + k[i] + "'");
                }
            }
        }
        if (population == null) throw Exc.typeError("Random.choices() missing 1 required positional argument: 'population'");
        int n = Ops.len(population);
        int count = Ops.index(kObj).intValue();
        if (cumWeights == Py.None) {
            if (weights == Py.None) {
                double nf = n;
                // the result list counts each item as soon as it is picked (random() may be script code)
                PyList out = new PyList();
                for (int i = 0; i < count; i++) {
                    out.append(Ops.getItem(population, PyInt.of((long) Math.floor(rnd(self) * nf))));
                }
                return out;
            }
            PyObject[] ws;
            try {
                ws = SeqMethods.toArray(weights);
            } catch (PyException e) {
                if (e.matches(Exc.TypeError) && weights instanceof PyInt) {
                    throw Exc.typeError("The number of choices must be a keyword argument: k=" + Ops.repr(weights));
                }
                throw e;
            }
            PyObject[] cum = new PyObject[ws.length];
            PyObject acc = null;
            for (int i = 0; i < ws.length; i++) {
                acc = acc == null ? ws[i] : Ops.add(acc, ws[i]);
                cum[i] = acc;
            }
            return weightedChoices(self, population, n, cum, count);
        }
        if (weights != Py.None) throw Exc.typeError("Cannot specify both weights and cumulative weights");
        return weightedChoices(self, population, n, SeqMethods.toArray(cumWeights), count);
    }

    /** The cumulative weights as a list that counts them while script code runs (random(), __lt__). */
    private static PyList hold(PyObject[] cum) {
        PyList l = new PyList();
        for (PyObject c : cum) l.append(c);
        return l;
    }

    private static PyObject weightedChoices(PyRandom self, PyObject population, int n, PyObject[] cum, int count) {
        if (cum.length != n) throw Exc.valueError("The number of weights does not match the population");
        if (cum.length == 0) throw Exc.indexError("list index out of range");
        double total = MathModule.real(Ops.add(cum[cum.length - 1], PyFloat.of(0.0)));
        if (total <= 0.0) throw Exc.valueError("Total of weights must be greater than zero");
        if (!Double.isFinite(total)) throw Exc.valueError("Total of weights must be finite");
        int hi = n - 1;
        PyList held = hold(cum);
        PyList out = new PyList();
        for (int i = 0; i < count; i++) {
            PyObject x = PyFloat.of(rnd(self) * total);
            int lo = 0, h = hi;
            while (lo < h) {
                int mid = (lo + h) >>> 1;
                if (Ops.lt(x, held.items[mid])) h = mid; else lo = mid + 1;
            }
            out.append(Ops.getItem(population, PyInt.of(lo)));
        }
        return out;
    }

    // ----- float distributions -----------------------------------------------------------------

    /** Binds arguments by position or name; missing ones take the given defaults. */
    private static PyObject[] params(String fname, PyObject[] a, String[] k, String[] names, PyObject[] defaults) {
        int required = 0;
        for (PyObject d : defaults) if (d == null) required++;
        int npos = Args.positional(a, k);
        if (npos > names.length) {
            throw Exc.typeError("Random." + fname + "() takes " + (defaults[0] == null ? "" : "from 1 to ")
                    + (names.length + 1) + " positional arguments but " + (npos + 1) + " were given");
        }
        PyObject[] out = new PyObject[names.length];
        System.arraycopy(a, 0, out, 0, npos);
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                int j = java.util.Arrays.asList(names).indexOf(k[i]);
                if (j < 0) throw Exc.typeError("Random." + fname + "() got an unexpected keyword argument '" + k[i] + "'");
                if (out[j] != null) throw Exc.typeError("Random." + fname + "() got multiple values for argument '" + k[i] + "'");
                out[j] = a[npos + i];
            }
        }
        StringBuilder missing = new StringBuilder();
        int nMissing = 0;
        for (int i = 0; i < names.length; i++) {
            if (out[i] == null) {
                if (defaults[i] != null) {
                    out[i] = defaults[i];
                } else {
                    nMissing++;
                    if (missing.length() > 0) missing.append(" and ");
                    missing.append('\'').append(names[i]).append('\'');
                }
            }
        }
        if (nMissing > 0) {
            throw Exc.typeError("Random." + fname + "() missing " + nMissing + " required positional argument"
                    + (nMissing > 1 ? "s" : "") + ": " + missing);
        }
        return out;
    }

    private static double d(PyObject o) { return MathModule.real(o); }

    private static PyObject uniform(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("uniform", a, k, new String[] {"a", "b"}, new PyObject[] {null, null});
        PyObject width = Ops.binary(p[1], p[0], BinOp.SUB);
        return Ops.add(p[0], Ops.binary(width, PyFloat.of(rnd(self)), BinOp.MUL));
    }

    private static PyObject triangular(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("triangular", a, k, new String[] {"low", "high", "mode"},
                new PyObject[] {PyFloat.of(0.0), PyFloat.of(1.0), Py.None});
        double u = rnd(self);
        double low = d(p[0]), high = d(p[1]);
        double c;
        if (p[2] == Py.None) {
            c = 0.5;
        } else {
            if (high - low == 0.0) return p[0]; // ZeroDivisionError caught: return low
            c = (d(p[2]) - low) / (high - low);
        }
        if (u > c) {
            u = 1.0 - u;
            c = 1.0 - c;
            double t = low;
            low = high;
            high = t;
        }
        return PyFloat.of(low + (high - low) * Math.sqrt(u * c));
    }

    private static PyObject normalvariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("normalvariate", a, k, new String[] {"mu", "sigma"},
                new PyObject[] {PyFloat.of(0.0), PyFloat.of(1.0)});
        double mu = d(p[0]), sigma = d(p[1]);
        double z;
        while (true) {
            double u1 = rnd(self);
            double u2 = 1.0 - rnd(self);
            z = NV_MAGICCONST * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Libm.log(u2)) break;
        }
        return PyFloat.of(mu + z * sigma);
    }

    private static PyObject gauss(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("gauss", a, k, new String[] {"mu", "sigma"},
                new PyObject[] {PyFloat.of(0.0), PyFloat.of(1.0)});
        double mu = d(p[0]), sigma = d(p[1]);
        double z;
        if (self.gaussNext != null) {
            z = self.gaussNext;
            self.gaussNext = null;
        } else {
            double x2pi = rnd(self) * TWOPI;
            double g2rad = Math.sqrt(-2.0 * Libm.log(1.0 - rnd(self)));
            z = Libm.cos(x2pi) * g2rad;
            self.gaussNext = Libm.sin(x2pi) * g2rad;
        }
        return PyFloat.of(mu + z * sigma);
    }

    private static PyObject lognormvariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("lognormvariate", a, k, new String[] {"mu", "sigma"}, new PyObject[] {null, null});
        double v = d(normalvariate(self, p, null));
        return PyFloat.of(MathModule.math1(v, Libm::exp, true));
    }

    private static PyObject expovariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("expovariate", a, k, new String[] {"lambd"}, new PyObject[] {null});
        double u = rnd(self);
        double lambd = d(p[0]);
        if (lambd == 0.0) throw Exc.zeroDivision("float division by zero");
        return PyFloat.of(-Libm.log(1.0 - u) / lambd);
    }

    private static PyObject vonmisesvariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("vonmisesvariate", a, k, new String[] {"mu", "kappa"}, new PyObject[] {null, null});
        double mu = d(p[0]), kappa = d(p[1]);
        if (kappa <= 1e-6) return PyFloat.of(TWOPI * rnd(self));
        double s = 0.5 / kappa;
        double r = s + Math.sqrt(1.0 + s * s);
        double z;
        while (true) {
            double u1 = rnd(self);
            z = Libm.cos(Math.PI * u1);
            double dd = z / (r + z);
            double u2 = rnd(self);
            if (u2 < 1.0 - dd * dd || u2 <= (1.0 - dd) * Libm.exp(dd)) break;
        }
        double q = 1.0 / r;
        double f = (q + z) / (1.0 + q * z);
        double u3 = rnd(self);
        double theta = u3 > 0.5 ? pyMod(mu + Libm.acos(f), TWOPI) : pyMod(mu - Libm.acos(f), TWOPI);
        return PyFloat.of(theta);
    }

    /** Python's float %. */
    private static double pyMod(double x, double y) {
        double mod = x % y;
        if (mod != 0.0) {
            if ((y < 0) != (mod < 0)) mod += y;
        } else {
            mod = Math.copySign(0.0, y);
        }
        return mod;
    }

    private static double gammavariate(PyRandom self, double alpha, double beta) {
        if (alpha <= 0.0 || beta <= 0.0) throw Exc.valueError("gammavariate: alpha and beta must be > 0.0");
        if (alpha > 1.0) {
            double ainv = Math.sqrt(2.0 * alpha - 1.0);
            double bbb = alpha - LOG4;
            double ccc = alpha + ainv;
            while (true) {
                double u1 = rnd(self);
                if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
                double u2 = 1.0 - rnd(self);
                double v = Libm.log(u1 / (1.0 - u1)) / ainv;
                double x = alpha * Libm.exp(v);
                double z = u1 * u1 * u2;
                double r = bbb + ccc * v - x;
                if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= Libm.log(z)) return x * beta;
            }
        } else if (alpha == 1.0) {
            return -Libm.log(1.0 - rnd(self)) * beta;
        } else {
            double x;
            while (true) {
                double u = rnd(self);
                double b = (Math.E + alpha) / Math.E;
                double pp = b * u;
                if (pp <= 1.0) x = floatPow(pp, 1.0 / alpha);
                else x = -Libm.log((b - pp) / alpha);
                double u1 = rnd(self);
                if (pp > 1.0) {
                    if (u1 <= floatPow(x, alpha - 1.0)) break;
                } else if (u1 <= Libm.exp(-x)) {
                    break;
                }
            }
            return x * beta;
        }
    }

    /** float ** float for the values these distributions produce. */
    private static double floatPow(double x, double y) {
        return MathModule.pow(x, y);
    }

    private static PyObject gammavariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("gammavariate", a, k, new String[] {"alpha", "beta"}, new PyObject[] {null, null});
        return PyFloat.of(gammavariate(self, d(p[0]), d(p[1])));
    }

    private static PyObject betavariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("betavariate", a, k, new String[] {"alpha", "beta"}, new PyObject[] {null, null});
        double y = gammavariate(self, d(p[0]), 1.0);
        if (y != 0.0) return PyFloat.of(y / (y + gammavariate(self, d(p[1]), 1.0)));
        return PyFloat.of(0.0);
    }

    private static PyObject paretovariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("paretovariate", a, k, new String[] {"alpha"}, new PyObject[] {null});
        double u = 1.0 - rnd(self);
        return PyFloat.of(floatPow(u, -1.0 / d(p[0])));
    }

    private static PyObject weibullvariate(PyRandom self, PyObject[] a, String[] k) {
        PyObject[] p = params("weibullvariate", a, k, new String[] {"alpha", "beta"}, new PyObject[] {null, null});
        double u = 1.0 - rnd(self);
        return PyFloat.of(d(p[0]) * floatPow(-Libm.log(u), 1.0 / d(p[1])));
    }
}
