package toy.object;

/** A bound method: a function (usually a script function) with its self. */
public final class PyMethod extends PyContainer {
    public static final PyType TYPE = PyType.builtin("method", PyType.OBJECT, null);

    public final PyObject func;
    public final PyObject self;

    public PyMethod(PyObject func, PyObject self) {
        super(TYPE);
        this.func = Refs.own(func);
        this.self = Refs.own(self);
    }

    /** The function, then self (meth_dealloc's order is self, then function; neither has a finalizer). */
    @Override public void traverse(RefVisitor v) {
        v.visit(func);
        v.visit(self);
    }

    @Override public PyObject call(PyObject[] args, String[] kwnames) {
        PyObject[] a = new PyObject[args.length + 1];
        a[0] = self;
        System.arraycopy(args, 0, a, 1, args.length);
        return func.call(a, kwnames);
    }

    @Override public String repr() {
        PyObject qn = Ops.getAttrOrNull(func, PyStr.intern("__qualname__"));
        String name = qn instanceof PyStr s ? s.value : "?";
        return "<bound method " + name + " of " + Ops.repr(self) + ">";
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if ((op == Compare.EQ || op == Compare.NE) && other instanceof PyMethod m) {
            boolean eq = m.func == func && m.self == self;
            return PyBool.of(op == Compare.EQ ? eq : !eq);
        }
        return super.richCompare(other, op);
    }

    @Override public long hash() { return Ops.identityHash(self) ^ Ops.hash(func); }

    @Override public PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "__self__": return self;
            case "__func__": return func;
            default:
                PyObject descr = type.lookup(n.value);
                if (descr != null) return super.getAttr(n);
                return Ops.getAttr(func, n);
        }
    }
}
