package toy.object;

import java.math.BigInteger;

/**
 * {@code int}: arbitrary precision with a fast path for values that fit in a Java long.
 * Invariant: {@code big == null} exactly when the value fits in a long, so two equal ints
 * always have the same representation. Values come from {@link #of}, which returns cached
 * immortal objects for -5..256 as CPython does.
 */
public class PyInt extends PyObject {
    public static final PyType TYPE = PyType.builtin("int", PyType.OBJECT, IntMethods::newInt);
    private static final int CACHE_LOW = -5, CACHE_HIGH = 256;
    private static final PyInt[] CACHE = new PyInt[CACHE_HIGH - CACHE_LOW + 1];
    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** The modulus of CPython's numeric hash (2**61 - 1). */
    public static final long HASH_MODULUS = (1L << 61) - 1;

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new PyInt(TYPE, CACHE_LOW + i, null);
            CACHE[i].refcnt = Refs.IMMORTAL;
        }
    }

    public static final PyInt ZERO = of(0), ONE = of(1), MINUS_ONE = of(-1);

    /** The value when it fits in a long (meaningless when big != null). */
    public final long value;
    /** The value when it does not fit in a long, else null. */
    public final BigInteger big;

    protected PyInt(PyType type, long value, BigInteger big) {
        super(type);
        this.value = value;
        this.big = big;
    }

    public static PyInt of(long v) {
        if (v >= CACHE_LOW && v <= CACHE_HIGH) return CACHE[(int) v - CACHE_LOW];
        return new PyInt(TYPE, v, null);
    }

    public static PyInt of(BigInteger b) {
        if (b.bitLength() < 64) return of(b.longValue());
        return new PyInt(TYPE, 0, b);
    }

    /** An instance of a script subclass of int. */
    public static PyInt ofType(PyType t, PyInt v) {
        return Refs.bornScalarInstance(new PyInt(t, v.value, v.big));
    }

    /** pow(base, exp, mod). */
    public static PyObject powMod(PyInt base, PyInt exp, PyInt mod) { return IntMethods.powMod(base, exp, mod); }

    public final boolean isSmall() { return big == null; }

    public final BigInteger toBig() { return big != null ? big : BigInteger.valueOf(value); }

    /** The value as a Java int, or OverflowError. */
    public final int intValue() {
        if (big != null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw Exc.overflowError("Python int too large to convert to C int");
        }
        return (int) value;
    }

    /** The value as a Java long, or OverflowError. */
    public final long longValue() {
        if (big != null) throw Exc.overflowError("Python int too large to convert to C ssize_t");
        return value;
    }

    public final double doubleValue() {
        return big != null ? IntFormat.toDouble(big) : (double) value;
    }

    public final int signum() { return big != null ? big.signum() : Long.signum(value); }

    @Override public String repr() {
        if (big == null) return Long.toString(value);
        try {
            return IntFormat.toDecimal(big);
        } catch (IllegalArgumentException e) {
            throw Exc.valueError(e.getMessage());
        }
    }

    @Override public long hash() { return big == null ? hashLong(value) : hashBig(big); }

    public static long hashLong(long v) {
        long h;
        if (v >= 0) h = v < HASH_MODULUS ? v : v % HASH_MODULUS;
        else {
            long a = v == Long.MIN_VALUE ? (Long.MAX_VALUE % HASH_MODULUS) + 1 : (-v) % HASH_MODULUS;
            h = -a;
        }
        return h == -1 ? -2 : h;
    }

    static long hashBig(BigInteger b) {
        long h = b.abs().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
        if (b.signum() < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    @Override public boolean isTrue() { return big != null || value != 0; }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (other instanceof PyInt o) {
            return reflected ? IntMethods.binary(op, o, this) : IntMethods.binary(op, this, o);
        }
        if (other instanceof PyFloat f) {
            double a = doubleValue();
            return reflected ? FloatMethods.binary(op, f.value, a) : FloatMethods.binary(op, a, f.value);
        }
        return null;
    }

    @Override public PyObject unaryOp(int op) { return IntMethods.unary(op, this); }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (other instanceof PyInt o) return PyBool.of(Compare.result(IntMethods.compare(this, o), op));
        if (other instanceof PyFloat f) return FloatMethods.compareIntFloat(this, f.value, op);
        return null;
    }

    @Override public String format(String spec) {
        if (spec.isEmpty()) return Ops.str(this);
        try {
            return big == null ? FloatFormat.formatLong(value, spec) : FloatFormat.formatInt(big, spec);
        } catch (ArithmeticException e) {
            throw Exc.overflowError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Exc.valueError(e.getMessage());
        }
    }
}
