package toy.object;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Arithmetic and methods of {@code float}, with CPython's edge cases (modulo sign, errors). */
final class FloatMethods {
    private FloatMethods() {}

    static {
        PyType t = PyFloat.TYPE;
        t.def("is_integer", (self, a, k) -> {
            double v = ((PyFloat) self).value;
            return PyBool.of(!Double.isInfinite(v) && v == Math.floor(v));
        });
        t.def("__int__", (self, a, k) -> toInt(((PyFloat) self).value));
        t.def("__trunc__", (self, a, k) -> toInt(((PyFloat) self).value));
        t.def("__float__", (self, a, k) -> PyFloat.of(((PyFloat) self).value));
        t.def("__floor__", (self, a, k) -> toInt(Math.floor(((PyFloat) self).value)));
        t.def("__ceil__", (self, a, k) -> toInt(Math.ceil(((PyFloat) self).value)));
        t.def("conjugate", (self, a, k) -> self);
        t.def("as_integer_ratio", (self, a, k) -> {
            double v = ((PyFloat) self).value;
            if (Double.isInfinite(v)) throw Exc.overflowError("cannot convert Infinity to integer ratio");
            if (Double.isNaN(v)) throw Exc.valueError("cannot convert NaN to integer ratio");
            BigDecimal d = new BigDecimal(v);
            BigInteger num = d.unscaledValue(), den = BigInteger.ONE;
            if (d.scale() > 0) den = BigInteger.TEN.pow(d.scale());
            else num = num.multiply(BigInteger.TEN.pow(-d.scale()));
            BigInteger g = num.gcd(den);
            return PyTuple.of(PyInt.of(num.divide(g)), PyInt.of(den.divide(g)));
        });
        t.def("hex", (self, a, k) -> PyStr.of(Double.toHexString(((PyFloat) self).value)));
        t.dict.put("real", new PyProperty(new PyBuiltinFunction("real", (a, k) -> a[0]), null, null, null));
        t.dict.put("imag", new PyProperty(new PyBuiltinFunction("imag", (a, k) -> PyFloat.of(0.0)), null, null, null));
        SlotWrappers.addNumberSlots(t);
    }

    static PyObject newFloat(PyType cls, PyObject[] args, String[] kw) {
        Args.noKeywords("float", kw);
        Args.checkCount("float", args, 0, 1);
        double v;
        if (args.length == 0) v = 0.0;
        else v = toDouble(args[0]);
        return cls == PyFloat.TYPE ? PyFloat.of(v) : Refs.bornScalarInstance(new PyFloat(cls, v));
    }

    static double toDouble(PyObject x) {
        if (x instanceof PyFloat f) return f.value;
        if (x instanceof PyInt i) {
            try {
                return i.doubleValue();
            } catch (ArithmeticException e) {
                throw Exc.overflowError("int too large to convert to float");
            }
        }
        if (x instanceof PyStr s) {
            try {
                return IntFormat.parseFloat(s.value);
            } catch (NumberFormatException e) {
                throw Exc.valueError(e.getMessage());
            }
        }
        PyObject m = x.type.lookup("__float__");
        if (m != null) {
            PyObject r = Ops.callMethod(m, x);
            if (r instanceof PyFloat f) return f.value;
            throw Exc.typeError(x.type.name + ".__float__ returned non-float (type " + r.type.name + ")");
        }
        m = x.type.lookup("__index__");
        if (m != null) return toDouble(Ops.callMethod(m, x));
        throw Exc.typeError("float() argument must be a string or a real number, not '" + x.type.name + "'");
    }

    static PyInt toInt(double v) {
        if (Double.isNaN(v)) throw Exc.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(v)) throw Exc.overflowError("cannot convert float infinity to integer");
        if (Math.abs(v) < 9.0e18) return PyInt.of((long) v);
        return PyInt.of(new BigDecimal(v).toBigInteger());
    }

    static long hash(double v) {
        if (Double.isInfinite(v)) return v > 0 ? 314159 : -314159;
        if (Double.isNaN(v)) return 0;
        if (v == Math.rint(v) && Math.abs(v) < 9.0e18) return PyInt.hashLong((long) v);
        // CPython's _Py_HashDouble: reduce the exact binary value modulo 2**61 - 1
        int[] exp = new int[1];
        double m = frexp(v, exp);
        int sign = 1;
        if (m < 0) { sign = -1; m = -m; }
        long x = 0;
        int e = exp[0];
        final long P = PyInt.HASH_MODULUS;
        while (m != 0) {
            x = ((x << 28) & P) | (x >>> (61 - 28));
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= P) x -= P;
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & P) | (x >>> (61 - e));
        x = x * sign;
        if (x == -1) x = -2;
        return x;
    }

    private static double frexp(double v, int[] exp) {
        if (v == 0) { exp[0] = 0; return 0; }
        int e = Math.getExponent(v);
        double m;
        if (e == Double.MIN_EXPONENT - 1) { // subnormal
            v *= 0x1p54;
            e = Math.getExponent(v) - 54;
        }
        m = v / Math.scalb(1.0, Math.getExponent(v));
        exp[0] = e + 1;
        return m / 2;
    }

    /** A binary operation on two floats, with CPython's errors; null for an operation floats lack. */
    public static PyObject binary(int op, double a, double b) {
        switch (op) {
            case BinOp.ADD: return PyFloat.of(a + b);
            case BinOp.SUB: return PyFloat.of(a - b);
            case BinOp.MUL: return PyFloat.of(a * b);
            case BinOp.TRUEDIV:
                if (b == 0) throw Exc.zeroDivision("float division by zero");
                return PyFloat.of(a / b);
            case BinOp.FLOORDIV:
                if (b == 0) throw Exc.zeroDivision("float floor division by zero");
                return PyFloat.of(divmod(a, b)[0]);
            case BinOp.MOD:
                if (b == 0) throw Exc.zeroDivision("float modulo");
                return PyFloat.of(divmod(a, b)[1]);
            case BinOp.POW: return pow(a, b);
            default: return null;
        }
    }

    /** CPython's float_divmod. */
    static double[] divmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    /**
     * CPython's float_pow: the special cases sorted out first (Java's Math.pow differs from C's
     * pow on some), then Math.pow. A negative number to a fractional power, a complex number
     * in CPython, is a ValueError here (Toy has no complex type).
     */
    static PyObject pow(double a, double b) {
        if (b == 0) return PyFloat.of(1.0);
        if (Double.isNaN(a)) return PyFloat.of(a);
        if (Double.isNaN(b)) return PyFloat.of(a == 1.0 ? 1.0 : b);
        if (Double.isInfinite(b)) {
            double abs = Math.abs(a);
            if (abs == 1.0) return PyFloat.of(1.0);
            return PyFloat.of((b > 0) == (abs > 1.0) ? Math.abs(b) : 0.0);
        }
        boolean odd = Math.abs(b % 2.0) == 1.0;
        if (Double.isInfinite(a)) {
            if (b > 0) return PyFloat.of(odd ? a : Math.abs(a));
            return PyFloat.of(odd ? Math.copySign(0.0, a) : 0.0);
        }
        if (a == 0) {
            if (b < 0) throw Exc.zeroDivision("0.0 cannot be raised to a negative power");
            return PyFloat.of(odd ? a : 0.0);
        }
        if (a < 0 && b != Math.floor(b)) throw Exc.valueError("negative number cannot be raised to a fractional power");
        double r = Math.pow(a, b);
        if (Double.isInfinite(r)) throw Exc.overflowError("(34, 'Numerical result out of range')");
        return PyFloat.of(r);
    }

    static PyObject compareIntFloat(PyInt i, double f, int op) {
        int c;
        if (Double.isNaN(f)) return PyBool.of(op == Compare.NE);
        if (Double.isInfinite(f)) c = f > 0 ? -1 : 1;
        else if (i.big == null && Math.abs(i.value) < (1L << 53)) c = Double.compare((double) i.value, f) ;
        else c = new BigDecimal(i.toBig()).compareTo(new BigDecimal(f));
        if (c != 0 && i.big == null && Math.abs(i.value) < (1L << 53)) c = Integer.signum(c);
        // Double.compare treats -0.0 < 0.0; Python does not
        if (i.big == null && i.value == 0 && f == 0) c = 0;
        return PyBool.of(Compare.result(c, op));
    }
}
