package toy.object;

/** A Java method bound to its self object ({@code [].append}). */
public final class PyBuiltinMethod extends PyContainer {
    public static final PyType TYPE = PyType.builtin("builtin_method", PyType.OBJECT, null);

    /** The implementation of a method: receives self separately from the arguments. */
    @FunctionalInterface
    public interface Impl {
        PyObject call(PyObject self, PyObject[] args, String[] kwnames);
    }

    public final PyMethodDescr descr;
    public final PyObject self;

    PyBuiltinMethod(PyMethodDescr descr, PyObject self) {
        super(TYPE);
        this.descr = descr;
        this.self = Refs.own(self);
    }

    @Override public void traverse(RefVisitor v) { v.visit(self); }

    @Override public PyObject call(PyObject[] args, String[] kwnames) { return descr.impl.call(self, args, kwnames); }

    @Override public String repr() {
        return "<built-in method " + descr.name + " of " + self.type.name + " object at " + Ops.addressOf(self) + ">";
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if ((op == Compare.EQ || op == Compare.NE) && other instanceof PyBuiltinMethod m) {
            boolean eq = m.descr == descr && m.self == self;
            return PyBool.of(op == Compare.EQ ? eq : !eq);
        }
        return super.richCompare(other, op);
    }

    @Override public long hash() { return Ops.identityHash(self) ^ Ops.identityHash(descr); }

    @Override public PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "__name__":
            case "__qualname__": return PyStr.of(descr.name);
            case "__self__": return self;
            default: return super.getAttr(n);
        }
    }
}
