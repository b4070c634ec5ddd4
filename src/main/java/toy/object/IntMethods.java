package toy.object;

import java.math.BigInteger;

/** Arithmetic and methods of {@code int}, with long fast paths and BigInteger fallbacks. */
final class IntMethods {
    private IntMethods() {}

    static {
        PyType t = PyInt.TYPE;
        t.def("bit_length", (self, a, k) -> {
            Args.checkCount("bit_length", a, 0, 0);
            PyInt i = (PyInt) self;
            return PyInt.of(i.big != null ? i.big.abs().bitLength() : 64 - Long.numberOfLeadingZeros(Math.abs(i.value) == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(i.value)));
        });
        t.def("bit_count", (self, a, k) -> PyInt.of(((PyInt) self).toBig().abs().bitCount()));
        t.def("conjugate", (self, a, k) -> PyInt.of(((PyInt) self).toBig()));
        t.def("is_integer", (self, a, k) -> PyBool.TRUE);
        t.def("__index__", (self, a, k) -> PyInt.of(((PyInt) self).toBig()));
        t.def("__int__", (self, a, k) -> PyInt.of(((PyInt) self).toBig()));
        t.def("__float__", (self, a, k) -> PyFloat.of(((PyInt) self).doubleValue()));
        t.dict.put("real", new PyProperty(new PyBuiltinFunction("real", (a, k) -> PyInt.of(((PyInt) a[0]).toBig())), null, null, null));
        t.dict.put("imag", new PyProperty(new PyBuiltinFunction("imag", (a, k) -> PyInt.ZERO), null, null, null));
        t.dict.put("numerator", new PyProperty(new PyBuiltinFunction("numerator", (a, k) -> PyInt.of(((PyInt) a[0]).toBig())), null, null, null));
        t.dict.put("denominator", new PyProperty(new PyBuiltinFunction("denominator", (a, k) -> PyInt.ONE), null, null, null));
        t.def("to_bytes", (self, a, k) -> { throw Exc.typeError("bytes are not supported"); });
        SlotWrappers.addNumberSlots(t);
    }

    /** int(x), int(str, base). */
    static PyObject newInt(PyType cls, PyObject[] args, String[] kw) {
        PyObject[] a = Args.parse("int", args, kw, new String[] {"x", "base"}, 0, 2);
        PyInt r;
        if (a[0] == null) {
            if (a[1] != null) throw Exc.typeError("int() missing string argument");
            r = PyInt.ZERO;
        } else if (a[1] != null) {
            if (!(a[0] instanceof PyStr s)) throw Exc.typeError("int() can't convert non-string with explicit base");
            long base = Ops.index(a[1]).longValue();
            if (base != 0 && (base < 2 || base > 36)) throw Exc.valueError("int() base must be >= 2 and <= 36, or 0");
            r = parse(s.value, (int) base);
        } else {
            r = toInt(a[0]);
        }
        return cls == PyInt.TYPE ? r : PyInt.ofType(cls, r);
    }

    static PyInt parse(String s, int base) {
        try {
            return PyInt.of(IntFormat.parseInt(s, base));
        } catch (NumberFormatException e) {
            throw Exc.valueError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Exc.valueError(e.getMessage());
        }
    }

    /** int(x) for one argument: __int__, __index__, __trunc__, strings. */
    static PyInt toInt(PyObject x) {
        if (x instanceof PyInt i) return x.type == PyInt.TYPE ? i : PyInt.of(i.toBig());
        if (x instanceof PyFloat f) return FloatMethods.toInt(f.value);
        if (x instanceof PyStr s) return parse(s.value, 10);
        for (String m : new String[] {"__int__", "__index__", "__trunc__"}) {
            PyObject meth = x.type.lookup(m);
            if (meth != null) {
                PyObject r = Ops.callMethod(meth, x);
                if (!(r instanceof PyInt ri)) {
                    throw Exc.typeError(m + " returned non-int (type " + r.type.name + ")");
                }
                return ri;
            }
        }
        throw Exc.typeError("int() argument must be a string, a bytes-like object or a real number, not '" + x.type.name + "'");
    }

    static int compare(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) return Long.compare(a.value, b.value);
        return a.toBig().compareTo(b.toBig());
    }

    static PyObject unary(int op, PyInt a) {
        switch (op) {
            case BinOp.NEG:
                if (a.big == null && a.value != Long.MIN_VALUE) return PyInt.of(-a.value);
                return PyInt.of(a.toBig().negate());
            case BinOp.POS:
                return a.type == PyInt.TYPE ? a : PyInt.of(a.toBig());
            case BinOp.INVERT:
                return a.big == null ? PyInt.of(~a.value) : PyInt.of(a.big.not());
            case BinOp.ABS:
                if (a.big == null && a.value != Long.MIN_VALUE) return PyInt.of(Math.abs(a.value));
                return PyInt.of(a.toBig().abs());
            default:
                return null;
        }
    }

    static PyObject binary(int op, PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value;
            switch (op) {
                case BinOp.ADD: {
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) < 0) break;
                    return PyInt.of(r);
                }
                case BinOp.SUB: {
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) < 0) break;
                    return PyInt.of(r);
                }
                case BinOp.MUL: {
                    long hi = Math.multiplyHigh(x, y), lo = x * y;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return PyInt.of(lo);
                    break;
                }
                case BinOp.FLOORDIV:
                    if (y == 0) throw Exc.zeroDivision("integer division or modulo by zero");
                    if (x == Long.MIN_VALUE && y == -1) break;
                    return PyInt.of(Math.floorDiv(x, y));
                case BinOp.MOD:
                    if (y == 0) throw Exc.zeroDivision("integer modulo by zero");
                    return PyInt.of(Math.floorMod(x, y));
                case BinOp.TRUEDIV:
                    if (y == 0) throw Exc.zeroDivision("division by zero");
                    if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) return PyFloat.of((double) x / (double) y);
                    return PyFloat.of(trueDiv(a.toBig(), b.toBig()));
                case BinOp.AND: return PyInt.of(x & y);
                case BinOp.OR: return PyInt.of(x | y);
                case BinOp.XOR: return PyInt.of(x ^ y);
                case BinOp.LSHIFT:
                    if (y < 0) throw Exc.valueError("negative shift count");
                    if (x == 0) return PyInt.ZERO;
                    if (y < 63 && Long.numberOfLeadingZeros(Math.abs(x)) > y + 1) return PyInt.of(x << y);
                    break;
                case BinOp.RSHIFT:
                    if (y < 0) throw Exc.valueError("negative shift count");
                    return PyInt.of(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
                case BinOp.POW:
                    return pow(a, b);
                default:
                    return null;
            }
        }
        BigInteger x = a.toBig(), y = b.toBig();
        switch (op) {
            case BinOp.ADD: return PyInt.of(x.add(y));
            case BinOp.SUB: return PyInt.of(x.subtract(y));
            case BinOp.MUL: return PyInt.of(x.multiply(y));
            case BinOp.FLOORDIV: {
                if (y.signum() == 0) throw Exc.zeroDivision("integer division or modulo by zero");
                return PyInt.of(floorDiv(x, y));
            }
            case BinOp.MOD: {
                if (y.signum() == 0) throw Exc.zeroDivision("integer modulo by zero");
                return PyInt.of(floorMod(x, y));
            }
            case BinOp.TRUEDIV:
                if (y.signum() == 0) throw Exc.zeroDivision("division by zero");
                return PyFloat.of(trueDiv(x, y));
            case BinOp.AND: return PyInt.of(x.and(y));
            case BinOp.OR: return PyInt.of(x.or(y));
            case BinOp.XOR: return PyInt.of(x.xor(y));
            case BinOp.LSHIFT: {
                if (y.signum() < 0) throw Exc.valueError("negative shift count");
                if (y.bitLength() > 31) throw Exc.overflowError("too many digits in integer");
                return PyInt.of(x.shiftLeft(y.intValue()));
            }
            case BinOp.RSHIFT: {
                if (y.signum() < 0) throw Exc.valueError("negative shift count");
                if (y.bitLength() > 31) return PyInt.of(x.signum() < 0 ? -1 : 0);
                return PyInt.of(x.shiftRight(y.intValue()));
            }
            case BinOp.POW: return pow(a, b);
            default: return null;
        }
    }

    static double trueDiv(BigInteger x, BigInteger y) {
        try {
            return IntFormat.trueDivide(x, y);
        } catch (ArithmeticException e) {
            throw Exc.overflowError(e.getMessage());
        }
    }

    static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    static BigInteger floorMod(BigInteger x, BigInteger y) {
        BigInteger r = x.mod(y.abs());
        if (y.signum() < 0 && r.signum() != 0) r = r.add(y);
        return r;
    }

    static PyObject pow(PyInt a, PyInt b) {
        if (b.signum() < 0) {
            double x = a.doubleValue();
            if (x == 0) throw Exc.zeroDivision("0.0 cannot be raised to a negative power");
            return PyFloat.of(Math.pow(x, b.doubleValue()));
        }
        if (a.big == null && b.big == null) {
            long base = a.value, e = b.value, result = 1;
            boolean overflow = false;
            while (e > 0) {
                if ((e & 1) != 0) {
                    long hi = Math.multiplyHigh(result, base), lo = result * base;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { overflow = true; break; }
                    result = lo;
                }
                e >>= 1;
                if (e > 0) {
                    long hi = Math.multiplyHigh(base, base), lo = base * base;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { overflow = true; break; }
                    base = lo;
                }
            }
            if (!overflow) return PyInt.of(result);
        }
        if (b.big != null) {
            BigInteger x = a.toBig();
            if (x.equals(BigInteger.ONE) || x.signum() == 0) return a;
            if (x.equals(BigInteger.ONE.negate())) return PyInt.of(b.big.testBit(0) ? -1 : 1);
            throw Exc.overflowError("exponent too large");
        }
        return PyInt.of(a.toBig().pow((int) Math.min(b.value, Integer.MAX_VALUE)));
    }

    /** pow(a, b, m). */
    static PyObject powMod(PyInt a, PyInt b, PyInt m) {
        if (m.signum() == 0) throw Exc.valueError("pow() 3rd argument cannot be 0");
        BigInteger mod = m.toBig();
        BigInteger r;
        if (b.signum() < 0) {
            try {
                r = a.toBig().modInverse(mod.abs()).modPow(b.toBig().negate(), mod.abs());
            } catch (ArithmeticException e) {
                throw Exc.valueError("base is not invertible for the given modulus");
            }
        } else {
            r = a.toBig().modPow(b.toBig(), mod.abs());
        }
        if (mod.signum() < 0 && r.signum() != 0) r = r.add(mod);
        return PyInt.of(r);
    }
}
