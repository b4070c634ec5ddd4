package toy.object;

/** A cell: the box a closure shares with the function that defined the variable. */
public final class PyCell extends PyContainer {
    public static final PyType TYPE = PyType.builtin("cell", PyType.OBJECT, null);

    /** The variable's value (a counted reference), or null when it is unbound. Set it with {@link #set}. */
    public PyObject value;

    /** A cell that takes over value, a counted reference (a parameter's, from its frame's local), or null. */
    public PyCell(PyObject value) {
        super(TYPE);
        this.value = value;
    }

    /** Stores a new value (null unbinds), dropping the old one. */
    public void set(PyObject v) {
        PyObject old = value;
        value = v;
        Refs.swap(old, v);
    }

    @Override public void traverse(RefVisitor v) { v.visit(value); }

    @Override public PyObject getAttr(PyStr n) {
        if (n.value.equals("cell_contents")) {
            if (value == null) throw Exc.valueError("Cell is empty");
            return value;
        }
        return super.getAttr(n);
    }
}
