package toy.object;

/** Iterator over a tuple's or list's backing array; re-reads the list's size at each step. */
public final class SeqIterator extends PyContainer {
    public static final PyType TYPE = PyType.builtin("sequence_iterator", PyType.OBJECT, null);
    /** The list or tuple iterated (a counted reference), dropped once exhausted as in CPython. */
    private PyObject owner;
    private PyObject[] tupleItems;
    private int i;

    SeqIterator(PyObject owner, PyObject[] tupleItems, int n) {
        this(owner, tupleItems, false);
    }

    /** owned: born holding the one counted reference its maker stores at once (see PyContainer). */
    private SeqIterator(PyObject owner, PyObject[] tupleItems, boolean owned) {
        super(TYPE, true, owned);
        this.owner = Refs.own(owner);
        this.tupleItems = owner instanceof PyList ? null : tupleItems;
    }

    /**
     * GET_ITER's iterator over an exact list or tuple, born owning the reference the value
     * stack takes, so that it never passes through the zero-count table.
     */
    public static SeqIterator owned(PyObject seq) {
        return new SeqIterator(seq, seq instanceof PyTuple t ? t.items : null, true);
    }

    @Override public PyObject iter() { return this; }

    @Override public PyObject next() {
        if (owner == null) return null;
        if (tupleItems != null) {
            if (i < tupleItems.length) return tupleItems[i++];
        } else {
            PyList l = (PyList) owner;
            if (i < l.size) return l.items[i++];
        }
        exhausted();
        return null;
    }

    private void exhausted() {
        PyObject o = owner;
        owner = null;
        tupleItems = null;
        // a destroyed iterator (still used by code that did not count it) dropped its owner already
        if (!isFreed()) Refs.decref(o);
    }

    @Override public int length() {
        if (owner == null) return 0;
        int n = tupleItems != null ? tupleItems.length : ((PyList) owner).size;
        return Math.max(0, n - i);
    }

    @Override public void traverse(RefVisitor v) { v.visit(owner); }
}
