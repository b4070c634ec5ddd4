package toy.object;

/** A function implemented in Java ({@code len}, {@code math.sqrt}), or bound to a self. */
public final class PyBuiltinFunction extends PyObject {
    public static final PyType TYPE = PyType.builtin("builtin_function_or_method", PyType.OBJECT, null);

    /** The Java implementation, called with vectorcall arguments. */
    @FunctionalInterface
    public interface Impl {
        PyObject call(PyObject[] args, String[] kwnames);
    }

    public final String name;
    final Impl impl;
    /** The object a method is bound to (for repr and __self__), or null for a plain function. */
    final PyObject self;
    /**
     * Whether CPython's implementation hands its arguments straight to their dunder methods
     * ({@code len(a)} calls {@code a.__len__()} with the caller's reference, counting nothing
     * for the call): the VM then marks them held while it runs (RefState.hold), so that the
     * dunder method sees CPython's count. Others (print, format, round, max) hold references
     * of their own on the way, as Java code's calls count theirs.
     */
    public final boolean passesOperands;

    public PyBuiltinFunction(String name, Impl impl) {
        this(name, impl, null);
    }

    PyBuiltinFunction(String name, Impl impl, PyObject self) {
        this(name, impl, self, false);
    }

    PyBuiltinFunction(String name, Impl impl, PyObject self, boolean passesOperands) {
        super(TYPE);
        this.name = name;
        this.impl = impl;
        this.self = self;
        this.passesOperands = passesOperands;
        this.refcnt = Refs.IMMORTAL;
    }

    @Override public PyObject call(PyObject[] args, String[] kwnames) { return impl.call(args, kwnames); }

    @Override public String repr() {
        if (self == null || self instanceof PyModule) return "<built-in function " + name + ">";
        return "<built-in method " + name + " of " + self.type.name + " object at " + Ops.addressOf(self) + ">";
    }

    @Override public PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "__name__":
            case "__qualname__": return PyStr.of(name);
            case "__self__": return self == null ? Py.None : self;
            case "__doc__": return Py.None;
            case "__module__": return Py.None;
            default: return super.getAttr(n);
        }
    }
}
