package toy.object;

/**
 * A Java method stored in a built-in type's dict ({@code list.append}). Looked up through an
 * instance it binds to a {@link PyBuiltinMethod}; called directly it takes self as the first
 * argument. The VM's method-call path calls {@link #impl} without binding.
 */
public final class PyMethodDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("method_descriptor", PyType.OBJECT, null);

    public final PyType owner;
    public final String name;
    public final PyBuiltinMethod.Impl impl;

    public PyMethodDescr(PyType owner, String name, PyBuiltinMethod.Impl impl) {
        super(TYPE);
        this.owner = owner;
        this.name = name;
        this.impl = impl;
        this.refcnt = Refs.IMMORTAL;
    }

    @Override public PyObject descrGet(PyObject instance, PyType ownerType) {
        return instance == null ? this : new PyBuiltinMethod(this, instance);
    }

    /** Calls the method on self, checking that self is an instance of the owning type. */
    public PyObject callWithSelf(PyObject self, PyObject[] args, String[] kwnames) {
        return impl.call(self, args, kwnames);
    }

    @Override public PyObject call(PyObject[] args, String[] kwnames) {
        int npos = args.length - (kwnames == null ? 0 : kwnames.length);
        if (npos < 1) throw Exc.typeError("unbound method " + owner.name + "." + name + "() needs an argument");
        PyObject self = args[0];
        if (!self.type.isSubtypeOf(owner)) {
            throw Exc.typeError("descriptor '" + name + "' for '" + owner.name + "' objects doesn't apply to a '"
                    + self.type.name + "' object");
        }
        PyObject[] rest = new PyObject[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return impl.call(self, rest, kwnames);
    }

    @Override public String repr() { return "<method '" + name + "' of '" + owner.name + "' objects>"; }

    @Override public PyObject getAttr(PyStr n) {
        if (n.value.equals("__name__") || n.value.equals("__qualname__")) return PyStr.of(name);
        return super.getAttr(n);
    }
}
