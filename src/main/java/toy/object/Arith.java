package toy.object;

/**
 * The arithmetic of {@link Ops#arith} (exact ints that fit in a long, exact floats, one of
 * each), one method per operator, for the JIT's compiled code.
 *
 * <p>Why one method per operator: HotSpot inlines a call only while the callee's own compiled
 * code is small (under {@code InlineSmallCode}, 2500 bytes). Ops.arith picks the operator at
 * run time, so its compiled code holds every operator's int and float paths, and a compiled
 * function's {@code dx * dx} was, depending on the process, a call of it or inlined: with
 * counting on, the code around it (the count operations on the operands and the result)
 * tipped it over the limit, and every operator of every compiled function stayed a call
 * (-XX:+PrintInlining: "already compiled into a big method"). Each method here holds one
 * operator's paths; inlined, a float subtraction is the allocation of its result and one
 * instruction.
 *
 * <p>Each returns what Ops.arith returns for its operator: the result, or null where the
 * general path ({@link Ops#binary}) must run. One difference: a division or modulo by zero
 * returns null here, and the general path raises the ZeroDivisionError. Like Ops.arith,
 * {@link #pow} raises float_pow's errors itself (0.0 to a negative power, a negative number to
 * a fractional one, an overflow).
 */
public final class Arith {
    private Arith() {}

    /** The method of this class for a BinOp operator, or null for one Ops.arith handles alone. */
    public static String methodFor(int op) {
        return switch (op) {
            case BinOp.ADD -> "add";
            case BinOp.SUB -> "sub";
            case BinOp.MUL -> "mul";
            case BinOp.TRUEDIV -> "trueDiv";
            case BinOp.FLOORDIV -> "floorDiv";
            case BinOp.MOD -> "mod";
            case BinOp.POW -> "pow";
            default -> null;
        };
    }

    public static PyObject add(PyObject a, PyObject b) {
        if (longs(a, b)) return addLongs(((PyInt) a).value, ((PyInt) b).value);
        return floats(a, b) ? PyFloat.of(asDouble(a) + asDouble(b)) : null;
    }

    public static PyObject sub(PyObject a, PyObject b) {
        if (longs(a, b)) return subLongs(((PyInt) a).value, ((PyInt) b).value);
        return floats(a, b) ? PyFloat.of(asDouble(a) - asDouble(b)) : null;
    }

    public static PyObject mul(PyObject a, PyObject b) {
        if (longs(a, b)) return mulLongs(((PyInt) a).value, ((PyInt) b).value);
        return floats(a, b) ? PyFloat.of(asDouble(a) * asDouble(b)) : null;
    }

    /** (int / int takes the general path, as in Ops.arith.) */
    public static PyObject trueDiv(PyObject a, PyObject b) {
        return floats(a, b) && asDouble(b) != 0 ? PyFloat.of(asDouble(a) / asDouble(b)) : null;
    }

    public static PyObject floorDiv(PyObject a, PyObject b) {
        if (longs(a, b)) {
            long y = ((PyInt) b).value;
            return y > 0 ? PyInt.of(Math.floorDiv(((PyInt) a).value, y)) : null;
        }
        return floats(a, b) && asDouble(b) != 0 ? FloatMethods.binary(BinOp.FLOORDIV, asDouble(a), asDouble(b)) : null;
    }

    public static PyObject mod(PyObject a, PyObject b) {
        if (longs(a, b)) {
            long y = ((PyInt) b).value;
            return y > 0 ? PyInt.of(Math.floorMod(((PyInt) a).value, y)) : null;
        }
        return floats(a, b) && asDouble(b) != 0 ? FloatMethods.binary(BinOp.MOD, asDouble(a), asDouble(b)) : null;
    }

    /** (int ** int takes the general path, as in Ops.arith.) */
    public static PyObject pow(PyObject a, PyObject b) {
        return floats(a, b) ? FloatMethods.pow(asDouble(a), asDouble(b)) : null;
    }

    /** x + y, or null when the sum does not fit in a long. */
    static PyObject addLongs(long x, long y) {
        long t = x + y;
        return ((x ^ t) & (y ^ t)) >= 0 ? PyInt.of(t) : null;
    }

    /** x - y, or null when the difference does not fit in a long. */
    static PyObject subLongs(long x, long y) {
        long t = x - y;
        return ((x ^ y) & (x ^ t)) >= 0 ? PyInt.of(t) : null;
    }

    /** x * y, or null when the product does not fit in a long. */
    static PyObject mulLongs(long x, long y) {
        long hi = Math.multiplyHigh(x, y), t = x * y;
        return (hi == 0 && t >= 0) || (hi == -1 && t < 0) ? PyInt.of(t) : null;
    }

    /** Both exact ints that fit in a long. */
    private static boolean longs(PyObject a, PyObject b) {
        return a.type == PyInt.TYPE && b.type == PyInt.TYPE && ((PyInt) a).big == null && ((PyInt) b).big == null;
    }

    /** Float arithmetic: one operand an exact float, the other one too or an exact int that fits in a long. */
    private static boolean floats(PyObject a, PyObject b) {
        return (a.type == PyFloat.TYPE || b.type == PyFloat.TYPE) && floatable(a) && floatable(b);
    }

    private static boolean floatable(PyObject o) {
        return o.type == PyFloat.TYPE || (o.type == PyInt.TYPE && ((PyInt) o).big == null);
    }

    /** An operand of float arithmetic as a double (an int converted as CPython converts it). */
    private static double asDouble(PyObject o) {
        return o.type == PyFloat.TYPE ? ((PyFloat) o).value : (double) ((PyInt) o).value;
    }
}
