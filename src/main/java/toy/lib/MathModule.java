package toy.lib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;
import toy.object.*;
import toy.vm.Runtime;

/**
 * The {@code math} module, following CPython 3.11's {@code Modules/mathmodule.c}: the same
 * argument conversions, special cases and error messages ({@code math domain error} as
 * ValueError, {@code math range error} as OverflowError). The elementary functions come from
 * {@link Libm}, which reproduces the results of the C library CPython is linked with (glibc);
 * hypot, dist, fsum, gamma and lgamma are ports of CPython's own algorithms (gamma and lgamma
 * in MathGamma).
 */
public final class MathModule {
    private MathModule() {}

    private static final double DEG_TO_RAD = Math.PI / 180.0;
    private static final double RAD_TO_DEG = 180.0 / Math.PI;

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("math");
        PyDict d = m.dict;
        d.put("pi", PyFloat.of(Math.PI));
        d.put("e", PyFloat.of(Math.E));
        d.put("tau", PyFloat.of(2 * Math.PI));
        d.put("inf", PyFloat.of(Double.POSITIVE_INFINITY));
        d.put("nan", PyFloat.of(Double.NaN));

        // math_1(x, f, can_overflow): a NaN from a non-NaN is a domain error, an infinity from a
        // finite argument is a range error when the function can overflow, else a domain error.
        fn1(m, "acos", Libm::acos, false);
        fn1(m, "acosh", LibmFdlibm::acosh, false);
        fn1(m, "asin", Libm::asin, false);
        fn1(m, "asinh", LibmFdlibm::asinh, false);
        fn1(m, "atan", Libm::atan, false);
        fn1(m, "atanh", LibmFdlibm::atanh, false);
        fn1(m, "cbrt", LibmFdlibm::cbrt, false);
        fn1(m, "cos", Libm::cos, false);
        fn1(m, "cosh", LibmFdlibm::cosh, true);
        fn1(m, "exp", Libm::exp, true);
        fn1(m, "exp2", Libm::exp2, true);
        fn1(m, "expm1", LibmFdlibm::expm1, true);
        fn1(m, "fabs", Math::abs, false);
        fn1(m, "log1p", LibmFdlibm::log1p, false);
        fn1(m, "sin", Libm::sin, false);
        fn1(m, "sinh", LibmFdlibm::sinh, true);
        fn1(m, "sqrt", Math::sqrt, false);
        fn1(m, "tan", Libm::tan, false);
        fn1(m, "tanh", LibmFdlibm::tanh, false);
        // math_1a: the function reports its own errors (errno in C)
        fn1a(m, "erf", LibmFdlibm::erf);
        fn1a(m, "erfc", LibmFdlibm::erfc);
        fn1a(m, "gamma", MathGamma::tgamma);
        fn1a(m, "lgamma", MathGamma::lgamma);

        m.def("degrees", (a, k) -> PyFloat.of(real(one("math.degrees", a, k)) * RAD_TO_DEG));
        m.def("radians", (a, k) -> PyFloat.of(real(one("math.radians", a, k)) * DEG_TO_RAD));
        m.def("isfinite", (a, k) -> PyBool.of(Double.isFinite(real(one("math.isfinite", a, k)))));
        m.def("isinf", (a, k) -> PyBool.of(Double.isInfinite(real(one("math.isinf", a, k)))));
        m.def("isnan", (a, k) -> PyBool.of(Double.isNaN(real(one("math.isnan", a, k)))));
        m.def("ceil", (a, k) -> ceilFloor(one("math.ceil", a, k), true));
        m.def("floor", (a, k) -> ceilFloor(one("math.floor", a, k), false));
        m.def("trunc", (a, k) -> trunc(one("math.trunc", a, k)));
        m.def("log", MathModule::log);
        m.def("log2", (a, k) -> logHelper(one("math.log2", a, k), Libm::log2));
        m.def("log10", (a, k) -> logHelper(one("math.log10", a, k), LibmFdlibm::log10));
        m.def("pow", (a, k) -> {
            two("pow", a, k);
            return PyFloat.of(pow(real(a[0]), real(a[1])));
        });
        m.def("atan2", (a, k) -> {
            two("atan2", a, k);
            return PyFloat.of(Libm.atan2(real(a[0]), real(a[1])));
        });
        m.def("copysign", (a, k) -> {
            two("copysign", a, k);
            return PyFloat.of(Math.copySign(real(a[0]), real(a[1])));
        });
        m.def("fmod", (a, k) -> {
            two("fmod", a, k);
            double x = real(a[0]), y = real(a[1]);
            if (Double.isInfinite(y) && Double.isFinite(x)) return PyFloat.of(x);
            double r = x % y;
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw domainError();
            return PyFloat.of(r);
        });
        m.def("remainder", (a, k) -> {
            two("remainder", a, k);
            double x = real(a[0]), y = real(a[1]);
            if (Double.isNaN(x)) return PyFloat.of(x);
            if (Double.isNaN(y)) return PyFloat.of(y);
            if (Double.isInfinite(x) || y == 0.0) throw domainError();
            if (Double.isInfinite(y)) return PyFloat.of(x);
            return PyFloat.of(Math.IEEEremainder(x, y));
        });
        m.def("nextafter", (a, k) -> {
            two("nextafter", a, k);
            double x = real(a[0]), y = real(a[1]);
            if (Double.isNaN(x)) return PyFloat.of(x);
            if (Double.isNaN(y)) return PyFloat.of(y);
            return PyFloat.of(Math.nextAfter(x, y));
        });
        m.def("ulp", (a, k) -> {
            double x = real(one("math.ulp", a, k));
            if (Double.isNaN(x)) return PyFloat.of(x);
            x = Math.abs(x);
            if (Double.isInfinite(x)) return PyFloat.of(x);
            double x2 = Math.nextUp(x);
            if (Double.isInfinite(x2)) return PyFloat.of(x - Math.nextDown(x));
            return PyFloat.of(x2 - x);
        });
        m.def("modf", (a, k) -> {
            double x = real(one("math.modf", a, k));
            if (Double.isInfinite(x)) return PyTuple.of(PyFloat.of(Math.copySign(0.0, x)), PyFloat.of(x));
            if (Double.isNaN(x)) return PyTuple.of(PyFloat.of(x), PyFloat.of(x));
            double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PyTuple.of(PyFloat.of(Math.copySign(x - ip, x)), PyFloat.of(ip));
        });
        m.def("frexp", (a, k) -> {
            double x = real(one("math.frexp", a, k));
            if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) return PyTuple.of(PyFloat.of(x), PyInt.ZERO);
            int[] e = new int[1];
            double mant = frexp(x, e);
            return PyTuple.of(PyFloat.of(mant), PyInt.of(e[0]));
        });
        m.def("ldexp", (a, k) -> {
            two("ldexp", a, k);
            double x = real(a[0]);
            if (!(a[1] instanceof PyInt i)) throw Exc.typeError("Expected an int as second argument to ldexp.");
            if (x == 0.0 || !Double.isFinite(x)) return PyFloat.of(x);
            BigInteger e = i.toBig();
            if (e.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) throw rangeError();
            if (e.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) return PyFloat.of(Math.copySign(0.0, x));
            double r = Math.scalb(x, e.intValue());
            if (Double.isInfinite(r)) throw rangeError();
            return PyFloat.of(r);
        });
        m.def("hypot", (a, k) -> {
            Args.noKeywords("math.hypot", k);
            double[] v = new double[a.length];
            double max = 0.0;
            boolean nan = false;
            for (int i = 0; i < a.length; i++) {
                double x = Math.abs(assignDouble(a[i]));
                v[i] = x;
                nan |= Double.isNaN(x);
                if (x > max) max = x;
            }
            return PyFloat.of(vectorNorm(v.length, v, max, nan));
        });
        m.def("dist", (a, k) -> {
            two("dist", a, k);
            PyObject[] p = SeqMethods.toArray(a[0]), q = SeqMethods.toArray(a[1]);
            if (p.length != q.length) throw Exc.valueError("both points must have the same number of dimensions");
            double[] v = new double[p.length];
            double max = 0.0;
            boolean nan = false;
            for (int i = 0; i < p.length; i++) {
                double px = assignDouble(p[i]), qx = assignDouble(q[i]);
                double x = Math.abs(px - qx);
                v[i] = x;
                nan |= Double.isNaN(x);
                if (x > max) max = x;
            }
            return PyFloat.of(vectorNorm(v.length, v, max, nan));
        });
        m.def("fsum", (a, k) -> PyFloat.of(fsum(one("math.fsum", a, k))));
        m.def("prod", MathModule::prod);
        m.def("isclose", MathModule::isclose);

        m.def("factorial", (a, k) -> factorial(one("math.factorial", a, k)));
        m.def("isqrt", (a, k) -> {
            PyInt n = Ops.index(one("math.isqrt", a, k));
            if (n.signum() < 0) throw Exc.valueError("isqrt() argument must be nonnegative");
            if (n.isSmall()) return PyInt.of(isqrtLong(n.value));
            return PyInt.of(n.big.sqrt());
        });
        m.def("gcd", (a, k) -> {
            Args.noKeywords("math.gcd", k);
            BigInteger g = BigInteger.ZERO;
            long small = 0;
            boolean isSmall = true;
            for (PyObject x : a) {
                PyInt i = Ops.index(x);
                if (isSmall && i.isSmall() && i.value != Long.MIN_VALUE) {
                    small = gcdLong(small, Math.abs(i.value));
                } else {
                    if (isSmall) { g = BigInteger.valueOf(small); isSmall = false; }
                    g = g.gcd(i.toBig());
                }
            }
            return isSmall ? PyInt.of(small) : PyInt.of(g);
        });
        m.def("lcm", (a, k) -> {
            Args.noKeywords("math.lcm", k);
            BigInteger r = BigInteger.ONE;
            for (PyObject x : a) {
                BigInteger v = Ops.index(x).toBig();
                if (r.signum() == 0) continue;
                if (v.signum() == 0) { r = BigInteger.ZERO; continue; }
                r = r.divide(r.gcd(v)).multiply(v).abs();
            }
            return PyInt.of(r);
        });
        m.def("comb", (a, k) -> {
            two("comb", a, k);
            BigInteger n = Ops.index(a[0]).toBig(), r = Ops.index(a[1]).toBig();
            if (n.signum() < 0) throw Exc.valueError("n must be a non-negative integer");
            if (r.signum() < 0) throw Exc.valueError("k must be a non-negative integer");
            if (r.compareTo(n) > 0) return PyInt.ZERO;
            BigInteger nk = n.subtract(r);
            if (nk.compareTo(r) < 0) r = nk;
            if (r.bitLength() >= 63) throw Exc.overflowError("min(n - k, k) must not exceed " + Long.MAX_VALUE);
            return PyInt.of(comb(n, r.longValue()));
        });
        m.def("perm", (a, k) -> {
            Args.noKeywords("math.perm", k);
            Args.checkCount("perm", a, 1, 2);
            if (a.length == 1 || a[1] == Py.None) return factorial(a[0]);
            BigInteger n = Ops.index(a[0]).toBig(), r = Ops.index(a[1]).toBig();
            if (n.signum() < 0) throw Exc.valueError("n must be a non-negative integer");
            if (r.signum() < 0) throw Exc.valueError("k must be a non-negative integer");
            if (r.compareTo(n) > 0) return PyInt.ZERO;
            if (r.bitLength() >= 63) throw Exc.overflowError("k must not exceed " + Long.MAX_VALUE);
            return PyInt.of(fallingProduct(n.subtract(BigInteger.valueOf(r.longValue())).add(BigInteger.ONE), r.longValue()));
        });
        return m;
    }

    // ----- argument handling ---------------------------------------------------------------

    /** A Java function of one double. */
    private static void fn1(PyModule m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        String fname = "math." + name;
        m.def(name, (a, k) -> PyFloat.of(math1(real(one(fname, a, k)), f, canOverflow)));
    }

    private static void fn1a(PyModule m, String name, DoubleUnaryOperator f) {
        String fname = "math." + name;
        m.def(name, (a, k) -> PyFloat.of(f.applyAsDouble(real(one(fname, a, k)))));
    }

    static double math1(double x, DoubleUnaryOperator f, boolean canOverflow) {
        double r = f.applyAsDouble(x);
        if (Double.isNaN(r) && !Double.isNaN(x)) throw domainError();
        if (Double.isInfinite(r) && Double.isFinite(x)) throw canOverflow ? rangeError() : domainError();
        return r;
    }

    private static PyObject one(String fname, PyObject[] a, String[] k) {
        Args.noKeywords(fname, k);
        Args.checkCount(fname, a, 1, 1);
        return a[0];
    }

    private static void two(String fname, PyObject[] a, String[] k) {
        Args.noKeywords("math." + fname, k);
        Args.checkCount(fname, a, 2, 2);
    }

    static PyException domainError() { return Exc.valueError("math domain error"); }

    static PyException rangeError() { return Exc.overflowError("math range error"); }

    /** PyFloat_AsDouble: float, int, __float__, __index__; else TypeError "must be real number". */
    public static double real(PyObject x) {
        if (x instanceof PyFloat f) return f.value;
        if (x instanceof PyInt i) return intToDouble(i);
        PyObject m = x.type.lookup("__float__");
        if (m != null) {
            PyObject r = Ops.callMethod(m, x);
            if (r instanceof PyFloat f) return f.value;
            throw Exc.typeError(x.type.name + ".__float__ returned non-float (type " + r.type.name + ")");
        }
        if (x.type.heap && x.type.lookup("__index__") != null) return intToDouble(Ops.index(x));
        throw Exc.typeError("must be real number, not " + x.type.name);
    }

    /** CPython's ASSIGN_DOUBLE (fsum, hypot, dist): the same conversions as {@link #real}. */
    private static double assignDouble(PyObject x) { return real(x); }

    static double intToDouble(PyInt i) {
        if (i.isSmall()) return (double) i.value;
        try {
            return i.doubleValue();
        } catch (ArithmeticException e) {
            throw Exc.overflowError("int too large to convert to float");
        }
    }

    /** float -> int as int(float): ValueError for NaN, OverflowError for infinities. */
    static PyInt floatToInt(double v) {
        if (Double.isNaN(v)) throw Exc.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(v)) throw Exc.overflowError("cannot convert float infinity to integer");
        if (Math.abs(v) < 9.0e18) return PyInt.of((long) v);
        return PyInt.of(new BigDecimal(v).toBigInteger());
    }

    // ----- floor, ceil, trunc ----------------------------------------------------------------

    private static PyObject ceilFloor(PyObject x, boolean ceil) {
        if (x.type == PyFloat.TYPE) {
            double v = ((PyFloat) x).value;
            return floatToInt(ceil ? Math.ceil(v) : Math.floor(v));
        }
        if (x instanceof PyInt i && !x.type.heap) return PyInt.of(i.toBig());
        PyObject m = x.type.lookup(ceil ? "__ceil__" : "__floor__");
        if (m != null) return Ops.callMethod(m, x);
        double v = real(x);
        return floatToInt(ceil ? Math.ceil(v) : Math.floor(v));
    }

    private static PyObject trunc(PyObject x) {
        if (x.type == PyFloat.TYPE) return floatToInt(((PyFloat) x).value);
        if (x instanceof PyInt i && !x.type.heap) return PyInt.of(i.toBig());
        PyObject m = x.type.lookup("__trunc__");
        if (m == null) throw Exc.typeError("type " + x.type.name + " doesn't define __trunc__ method");
        return Ops.callMethod(m, x);
    }

    // ----- logarithms ------------------------------------------------------------------------

    private static PyObject log(PyObject[] a, String[] k) {
        Args.noKeywords("log", k);
        if (a.length < 1 || a.length > 2) throw Exc.typeError("math.log requires 1 to 2 arguments");
        PyObject num = logHelper(a[0], Libm::log);
        if (a.length == 1) return num;
        PyObject den = logHelper(a[1], Libm::log);
        return Ops.binary(num, den, BinOp.TRUEDIV);
    }

    /**
     * CPython's loghelper: ints too large for a float are handled as m * 2**e; ints must be
     * positive; floats go through math_1 with the m_log special cases.
     */
    private static PyObject logHelper(PyObject x, DoubleUnaryOperator f) {
        if (x instanceof PyInt i) {
            if (i.signum() <= 0) throw domainError();
            double v;
            try {
                v = i.doubleValue();
            } catch (ArithmeticException overflow) {
                // x ~= m * 2**e with 0.5 <= m < 1, so log(x) ~= log(m) + log(2) * e
                int[] e = new int[1];
                double mant = frexpBig(i.big, e);
                return PyFloat.of(f.applyAsDouble(mant) + f.applyAsDouble(2.0) * e[0]);
            }
            return PyFloat.of(f.applyAsDouble(v));
        }
        double v = real(x);
        return PyFloat.of(math1(v, y -> logSpecial(y, f), false));
    }

    private static final int[] HALF_EVEN_CORRECTION = {0, -1, -2, 1, 0, -1, 2, 1};

    /** CPython's _PyLong_Frexp for a positive int: 53-bit mantissa (half-even) in [0.5, 1). */
    private static double frexpBig(BigInteger b, int[] e) {
        int bits = b.bitLength();
        long t;
        if (bits <= 55) {
            t = b.shiftLeft(55 - bits).longValue();
        } else {
            int drop = bits - 55;
            t = b.shiftRight(drop).longValue();
            if (b.getLowestSetBit() < drop) t |= 1;
        }
        t += HALF_EVEN_CORRECTION[(int) (t & 7)];
        double dx = (double) t / 0x1p55;
        if (dx == 1.0) {
            dx = 0.5;
            bits += 1;
        }
        e[0] = bits;
        return dx;
    }

    /** m_log, m_log2, m_log10: log of 0 is -inf and of negatives NaN (both domain errors). */
    private static double logSpecial(double x, DoubleUnaryOperator f) {
        if (Double.isFinite(x)) {
            if (x > 0.0) return f.applyAsDouble(x);
            if (x == 0.0) return Double.NEGATIVE_INFINITY;
            return Double.NaN;
        }
        if (Double.isNaN(x) || x > 0) return x;
        return Double.NaN;
    }

    // ----- pow --------------------------------------------------------------------------------

    static double pow(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (Double.isNaN(x)) return y == 0.0 ? 1.0 : x;
            if (Double.isNaN(y)) return x == 1.0 ? 1.0 : y;
            if (Double.isInfinite(x)) {
                boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
                if (y > 0.0) return oddY ? x : Math.abs(x);
                if (y == 0.0) return 1.0;
                return oddY ? Math.copySign(0.0, x) : 0.0;
            }
            // y infinite
            if (Math.abs(x) == 1.0) return 1.0;
            if (y > 0.0 && Math.abs(x) > 1.0) return y;
            if (y < 0.0 && Math.abs(x) < 1.0) return -y;
            return 0.0;
        }
        double r = Libm.pow(x, y);
        if (!Double.isFinite(r)) {
            if (Double.isNaN(r)) throw domainError();
            if (x == 0.0) throw domainError();
            throw rangeError();
        }
        return r;
    }

    // ----- frexp ------------------------------------------------------------------------------

    /** C frexp for a finite non-zero x: mantissa in [0.5, 1), exponent in e[0]. */
    static double frexp(double x, int[] e) {
        int exp = Math.getExponent(x);
        if (exp == Double.MIN_EXPONENT - 1) { // subnormal
            x *= 0x1p54;
            exp = Math.getExponent(x) - 54;
            e[0] = exp + 1;
            return Math.scalb(x, -(Math.getExponent(x) + 1));
        }
        e[0] = exp + 1;
        return Math.scalb(x, -(exp + 1));
    }

    // ----- hypot / dist ----------------------------------------------------------------------

    /** CPython 3.11's vector_norm: scaled, compensated sum of squares with a corrected sqrt. */
    static double vectorNorm(int n, double[] vec, double max, boolean foundNan) {
        final double t27 = 134217729.0; // 2**27 + 1
        double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
        double t, hi, lo, h;
        if (Double.isInfinite(max)) return max;
        if (foundNan) return Double.NaN;
        if (max == 0.0 || n <= 1) return max;
        int[] maxE = new int[1];
        frexp(max, maxE);
        if (maxE[0] >= -1023) {
            scale = Math.scalb(1.0, -maxE[0]);
            for (int i = 0; i < n; i++) {
                x = vec[i];
                x *= scale;
                t = x * t27;
                hi = t - (t - x);
                lo = x - hi;
                x = hi * hi;
                oldcsum = csum;
                csum += x;
                frac1 += (oldcsum - csum) + x;
                x = 2.0 * hi * lo;
                oldcsum = csum;
                csum += x;
                frac2 += (oldcsum - csum) + x;
                frac3 += lo * lo;
            }
            h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
            x = h;
            t = x * t27;
            hi = t - (t - x);
            lo = x - hi;
            x = -hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = -2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            x = -lo * lo;
            oldcsum = csum;
            csum += x;
            frac3 += (oldcsum - csum) + x;
            x = csum - 1.0 + (frac1 + frac2 + frac3);
            return (h + x / (2.0 * h)) / scale;
        }
        // max_e < -1023: ldexp(1.0, -max_e) would overflow, so divide by max instead
        for (int i = 0; i < n; i++) {
            x = vec[i];
            x /= max;
            x = x * x;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
        }
        return max * Math.sqrt(csum - 1.0 + frac1);
    }

    // ----- fsum, prod, isclose ---------------------------------------------------------------

    /** Shewchuk's exactly rounded sum, as CPython's math_fsum. */
    static double fsum(PyObject iterable) {
        PyObject it = Ops.iter(iterable);
        double[] p = new double[32];
        int n = 0;
        double specialSum = 0.0, infSum = 0.0;
        for (PyObject item; (item = Ops.next(it)) != null; ) {
            double x = assignDouble(item);
            double xsave = x;
            int i = 0;
            for (int j = 0; j < n; j++) {
                double y = p[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double yr = hi - x;
                double lo = y - yr;
                if (lo != 0.0) p[i++] = lo;
                x = hi;
            }
            n = i;
            if (x != 0.0) {
                if (!Double.isFinite(x)) {
                    if (Double.isFinite(xsave)) throw Exc.overflowError("intermediate overflow in fsum");
                    if (Double.isInfinite(xsave)) infSum += xsave;
                    specialSum += xsave;
                    n = 0;
                } else {
                    if (n >= p.length) p = java.util.Arrays.copyOf(p, p.length * 2);
                    p[n++] = x;
                }
            }
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) throw Exc.valueError("-inf + inf in fsum");
            return specialSum;
        }
        double hi = 0.0;
        if (n > 0) {
            hi = p[--n];
            double lo = 0.0;
            while (n > 0) {
                double x = hi;
                double y = p[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) break;
            }
            if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) hi = x;
            }
        }
        return hi;
    }

    private static PyObject prod(PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        if (npos != 1) throw Exc.typeError("prod() takes exactly 1 positional argument (" + npos + " given)");
        PyObject start = PyInt.ONE;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                if (!k[i].equals("start")) throw Exc.typeError("'" + k[i] + "' is an invalid keyword argument for prod()");
                start = a[npos + i];
            }
        }
        PyObject acc = start;
        PyObject it = Ops.iter(a[0]);
        for (PyObject x; (x = Ops.next(it)) != null; ) acc = Ops.binary(acc, x, BinOp.MUL);
        return acc;
    }

    private static PyObject isclose(PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        if (npos > 2) throw Exc.typeError("isclose() takes exactly 2 positional arguments (" + npos + " given)");
        PyObject[] v = new PyObject[4];
        String[] names = {"a", "b", "rel_tol", "abs_tol"};
        System.arraycopy(a, 0, v, 0, npos);
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                int j = java.util.Arrays.asList(names).indexOf(k[i]);
                if (j < 0) throw Exc.typeError("'" + k[i] + "' is an invalid keyword argument for isclose()");
                if (v[j] != null) throw Exc.typeError("argument for isclose() given by name ('" + k[i] + "') and position (" + (j + 1) + ")");
                v[j] = a[npos + i];
            }
        }
        for (int i = 0; i < 2; i++) {
            if (v[i] == null) throw Exc.typeError("isclose() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
        }
        double x = real(v[0]), y = real(v[1]);
        double relTol = v[2] == null ? 1e-9 : real(v[2]);
        double absTol = v[3] == null ? 0.0 : real(v[3]);
        if (relTol < 0.0 || absTol < 0.0) throw Exc.valueError("tolerances must be non-negative");
        if (x == y) return PyBool.TRUE;
        if (Double.isInfinite(x) || Double.isInfinite(y)) return PyBool.FALSE;
        double diff = Math.abs(y - x);
        return PyBool.of((diff <= Math.abs(relTol * y)) || (diff <= Math.abs(relTol * x)) || (diff <= absTol));
    }

    // ----- integer functions -----------------------------------------------------------------

    private static PyObject factorial(PyObject arg) {
        PyInt n = Ops.index(arg);
        if (n.signum() < 0) throw Exc.valueError("factorial() not defined for negative values");
        if (!n.isSmall()) throw Exc.overflowError("factorial() argument should not exceed " + Long.MAX_VALUE);
        long v = n.value;
        if (v <= 20) {
            long r = 1;
            for (long i = 2; i <= v; i++) r *= i;
            return PyInt.of(r);
        }
        return PyInt.of(productRange(1, v));
    }

    /** The product of the integers in [lo, hi], by binary splitting. */
    private static BigInteger productRange(long lo, long hi) {
        if (hi - lo < 16) {
            BigInteger r = BigInteger.ONE;
            long acc = 1;
            for (long i = lo; i <= hi; i++) {
                if (acc > Long.MAX_VALUE / Math.max(i, 1)) {
                    r = r.multiply(BigInteger.valueOf(acc));
                    acc = 1;
                }
                acc *= i;
            }
            return r.multiply(BigInteger.valueOf(acc));
        }
        long mid = lo + (hi - lo) / 2;
        return productRange(lo, mid).multiply(productRange(mid + 1, hi));
    }

    /** from * (from+1) * ... * (from+count-1). */
    private static BigInteger fallingProduct(BigInteger from, long count) {
        if (count == 0) return BigInteger.ONE;
        if (count == 1) return from;
        long half = count / 2;
        return fallingProduct(from, half).multiply(fallingProduct(from.add(BigInteger.valueOf(half)), count - half));
    }

    /** C(n, k) for 0 <= k <= n/2. */
    private static BigInteger comb(BigInteger n, long k) {
        if (k == 0) return BigInteger.ONE;
        if (n.bitLength() < 63 && k <= 60) {
            // exact incremental computation: r = r * (n - i) / (i + 1) stays integral
            BigInteger r = BigInteger.ONE;
            long nn = n.longValue();
            for (long i = 0; i < k; i++) {
                r = r.multiply(BigInteger.valueOf(nn - i)).divide(BigInteger.valueOf(i + 1));
            }
            return r;
        }
        BigInteger num = fallingProduct(n.subtract(BigInteger.valueOf(k - 1)), k);
        return num.divide(productRange(1, k));
    }

    private static long gcdLong(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static long isqrtLong(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n || r > 3037000499L) r--;
        while ((r + 1) <= 3037000499L && (r + 1) * (r + 1) <= n) r++;
        return r;
    }
}
