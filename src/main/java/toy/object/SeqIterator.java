package toy.object;

/** Iterator over a tuple's or list's backing array; re-reads the list's size at each step. */
final class SeqIterator extends PyObject {
    static final PyType TYPE = PyType.builtin("sequence_iterator", PyType.OBJECT, null);
    private final PyObject owner;
    private final PyObject[] tupleItems;
    private int i;

    SeqIterator(PyObject owner, PyObject[] tupleItems, int n) {
        super(TYPE);
        this.owner = owner;
        this.tupleItems = owner instanceof PyList ? null : tupleItems;
    }

    @Override public PyObject iter() { return this; }

    @Override public PyObject next() {
        if (tupleItems != null) return i < tupleItems.length ? tupleItems[i++] : null;
        PyList l = (PyList) owner;
        if (i < l.size) return l.items[i++];
        i = Integer.MAX_VALUE;
        return null;
    }

    @Override public int length() {
        int n = tupleItems != null ? tupleItems.length : ((PyList) owner).size;
        return Math.max(0, n - i);
    }
}
