package toy.object;

/**
 * One traceback entry: the place where a frame was when the exception passed through it.
 * Entries link outward-in as in CPython: the head is the outermost frame, {@code next}
 * leads towards the frame that raised.
 */
public final class PyTraceback extends PyContainer {
    public static final PyType TYPE = PyType.builtin("traceback", PyType.OBJECT, null);

    public final String filename;
    /** The function's name as the traceback prints it ({@code <module>}, {@code f}). */
    public final String name;
    public final int line;
    /** The failing expression's span: start column, end line, end column (0-based; -1 unknown). */
    public final int col, endLine, endCol;
    /** The next entry towards the raise (a counted reference), or null. */
    public final PyTraceback next;
    /**
     * The locals, cells and function of the frame this entry records, once that frame has
     * exited through the exception (counted references): as in CPython, a traceback keeps the
     * variables of the frames it passes through alive until the exception dies. Null while
     * the frame is still running.
     */
    private PyObject[] frameRefs;

    public PyTraceback(String filename, String name, int line, PyTraceback next) {
        this(filename, name, line, -1, line, -1, next);
    }

    public PyTraceback(String filename, String name, int line, int col, int endLine, int endCol, PyTraceback next) {
        super(TYPE);
        this.filename = filename;
        this.name = name;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.next = next;
        Refs.xincref(next);
    }

    /** True when the entry already holds its frame's variables. */
    public boolean holdsFrame() { return frameRefs != null; }

    /** Takes over counted references (the exited frame's variables, in the order they are dropped). */
    public void adoptFrameRefs(PyObject[] refs) { frameRefs = refs; }

    @Override public void traverse(RefVisitor v) {
        v.visit(next);
        if (frameRefs != null) for (PyObject o : frameRefs) v.visit(o);
    }

    @Override public PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "tb_lineno": return PyInt.of(line);
            case "tb_next": return next == null ? Py.None : next;
            default: return super.getAttr(n);
        }
    }
}
