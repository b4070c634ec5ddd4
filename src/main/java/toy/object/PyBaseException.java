package toy.object;

/**
 * An exception instance ({@code BaseException} and every subclass). The Java side of raising
 * is {@link PyException}, which carries one of these.
 */
public class PyBaseException extends PyObject {
    public static final PyType TYPE = PyType.builtin("BaseException", PyType.OBJECT, PyBaseException::create);

    /** The constructor arguments. */
    public PyTuple args = PyTuple.EMPTY;
    /** The traceback, innermost entry last (as __traceback__), or null. */
    public PyTraceback traceback;
    /** __cause__ (set by raise ... from), or null. */
    public PyObject cause;
    /** __context__: the exception being handled when this one was raised, or null. */
    public PyObject context;
    /** __suppress_context__ (true after raise ... from). */
    public boolean suppressContext;
    /** Attributes set on the instance. */
    public PyDict dict;

    public PyBaseException(PyType type, PyTuple args) {
        super(type);
        this.args = args;
    }

    static PyObject create(PyType cls, PyObject[] args, String[] kw) {
        int n = args.length - (kw == null ? 0 : kw.length);
        PyObject[] pos = new PyObject[n];
        System.arraycopy(args, 0, pos, 0, n);
        PyBaseException e = new PyBaseException(cls, PyTuple.of(pos));
        if (cls.isSubtypeOf(Exc.StopIteration)) e.dictPut("value", n > 0 ? pos[0] : Py.None);
        if (cls.isSubtypeOf(Exc.SystemExit)) e.dictPut("code", n == 0 ? Py.None : n == 1 ? pos[0] : e.args);
        if (cls.isSubtypeOf(Exc.OSError)) {
            e.dictPut("errno", n >= 2 ? pos[0] : Py.None);
            e.dictPut("strerror", n >= 2 ? pos[1] : Py.None);
            e.dictPut("filename", n >= 3 ? pos[2] : Py.None);
        }
        if (kw != null && !cls.heap) {
            if (cls.isSubtypeOf(Exc.NameError) || cls.isSubtypeOf(Exc.AttributeError) || cls.isSubtypeOf(Exc.ImportError)) {
                for (int i = 0; i < kw.length; i++) e.dictPut(kw[i], args[n + i]);
            } else {
                throw Exc.typeError(cls.name + "() takes no keyword arguments");
            }
        }
        return e;
    }

    public final void dictPut(String name, PyObject v) {
        if (dict == null) dict = new PyDict();
        dict.put(name, v);
    }

    @Override public PyDict dict() {
        if (dict == null) dict = new PyDict();
        return dict;
    }

    @Override public String str() {
        if (type.isSubtypeOf(Exc.KeyError) && args.size() == 1) return Ops.repr(args.get(0));
        if (type.isSubtypeOf(Exc.OSError) && dict != null && args.size() >= 2) {
            PyObject errno = dict.get("errno"), strerror = dict.get("strerror"), filename = dict.get("filename");
            if (errno != null && errno != Py.None && strerror != null && strerror != Py.None) {
                String s = "[Errno " + Ops.str(errno) + "] " + Ops.str(strerror);
                if (filename != null && filename != Py.None) s += ": " + Ops.repr(filename);
                return s;
            }
        }
        switch (args.size()) {
            case 0: return "";
            case 1: return Ops.str(args.get(0));
            default: return Ops.str(args);
        }
    }

    @Override public String repr() {
        String a;
        if (args.size() == 1) a = "(" + Ops.repr(args.get(0)) + ")";
        else a = Ops.repr(args);
        return type.name + a;
    }
}
