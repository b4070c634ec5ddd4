package toy.object;

/** {@code float}: a Java double. */
public class PyFloat extends PyObject {
    public static final PyType TYPE = PyType.builtin("float", PyType.OBJECT, FloatMethods::newFloat);

    public final double value;

    protected PyFloat(PyType type, double value) {
        super(type);
        this.value = value;
    }

    public static PyFloat of(double v) { return new PyFloat(TYPE, v); }

    @Override public String repr() { return FloatFormat.repr(value); }

    @Override public long hash() { return FloatMethods.hash(value); }

    @Override public boolean isTrue() { return value != 0.0; }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        double o;
        if (other instanceof PyFloat f) o = f.value;
        else if (other instanceof PyInt i) o = i.doubleValue();
        else return null;
        return reflected ? FloatMethods.binary(op, o, value) : FloatMethods.binary(op, value, o);
    }

    @Override public PyObject unaryOp(int op) {
        switch (op) {
            case BinOp.NEG: return of(-value);
            case BinOp.POS: return type == TYPE ? this : of(value);
            case BinOp.ABS: return of(Math.abs(value));
            default: return null;
        }
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (other instanceof PyFloat f) {
            double a = value, b = f.value;
            switch (op) {
                case Compare.LT: return PyBool.of(a < b);
                case Compare.LE: return PyBool.of(a <= b);
                case Compare.EQ: return PyBool.of(a == b);
                case Compare.NE: return PyBool.of(a != b);
                case Compare.GT: return PyBool.of(a > b);
                default: return PyBool.of(a >= b);
            }
        }
        if (other instanceof PyInt i) return FloatMethods.compareIntFloat(i, value, Compare.SWAPPED[op]);
        return null;
    }

    @Override public String format(String spec) {
        try {
            return FloatFormat.format(value, spec);
        } catch (IllegalArgumentException e) {
            throw Exc.valueError(e.getMessage());
        }
    }
}
