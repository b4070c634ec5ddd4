package toy.object;

/** A cell: the box a closure shares with the function that defined the variable. */
public final class PyCell extends PyObject {
    public static final PyType TYPE = PyType.builtin("cell", PyType.OBJECT, null);

    /** The variable's value, or null when it is unbound. */
    public PyObject value;

    public PyCell(PyObject value) {
        super(TYPE);
        this.value = value;
    }

    @Override public PyObject getAttr(PyStr n) {
        if (n.value.equals("cell_contents")) {
            if (value == null) throw Exc.valueError("Cell is empty");
            return value;
        }
        return super.getAttr(n);
    }
}
