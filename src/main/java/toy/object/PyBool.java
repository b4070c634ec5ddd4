package toy.object;

/** {@code bool}: the two immortal singletons True and False, a subclass of int. */
public final class PyBool extends PyInt {
    public static final PyType TYPE = PyType.builtin("bool", PyInt.TYPE, (cls, a, k) -> {
        Args.noKeywords("bool", k);
        Args.checkCount("bool", a, 0, 1);
        return a.length == 0 ? PyBool.FALSE : of(Ops.isTrue(a[0]));
    });
    public static final PyBool TRUE = new PyBool(1), FALSE = new PyBool(0);

    static { TYPE.baseType = false; }

    private PyBool(long v) {
        super(TYPE, v, null);
        refcnt = Refs.IMMORTAL;
    }

    public static PyBool of(boolean b) { return b ? TRUE : FALSE; }

    @Override public String repr() { return value != 0 ? "True" : "False"; }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (other instanceof PyBool o && (op == BinOp.AND || op == BinOp.OR || op == BinOp.XOR)) {
            boolean a = value != 0, b = o.value != 0;
            return of(op == BinOp.AND ? a & b : op == BinOp.OR ? a | b : a ^ b);
        }
        return super.binaryOp(op, other, reflected);
    }
}
