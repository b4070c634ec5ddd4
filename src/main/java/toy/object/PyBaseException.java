package toy.object;

/**
 * An exception instance ({@code BaseException} and every subclass). The Java side of raising
 * is {@link PyException}, which carries one of these.
 */
public class PyBaseException extends PyContainer {
    public static final PyType TYPE = PyType.builtin("BaseException", PyType.OBJECT, PyBaseException::create);

    // the reference fields are counted: assign them only through the setters

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
        this.args = Refs.own(args);
    }

    public final void setArgs(PyTuple a) {
        PyTuple old = args;
        args = a;
        Refs.swap(old, a);
    }

    public final void setTraceback(PyTraceback tb) {
        PyTraceback old = traceback;
        traceback = tb;
        Refs.swap(old, tb);
    }

    public final void setCause(PyObject c) {
        PyObject old = cause;
        cause = c;
        Refs.swap(old, c);
    }

    public final void setContext(PyObject c) {
        PyObject old = context;
        context = c;
        Refs.swap(old, c);
    }

    /** The attribute dict, then args, traceback, context and cause (BaseException_clear's order). */
    @Override public void traverse(RefVisitor v) {
        v.visit(dict);
        v.visit(args);
        v.visit(traceback);
        v.visit(context);
        v.visit(cause);
    }

    static PyObject create(PyType cls, PyObject[] args, String[] kw) {
        int n = args.length - (kw == null ? 0 : kw.length);
        PyObject[] pos = new PyObject[n];
        System.arraycopy(args, 0, pos, 0, n);
        if (cls == Exc.OSError && n >= 2 && n <= 5 && pos[0] instanceof PyInt errno && errno.isSmall()) {
            PyType sub = osErrorSubclass(errno.value);
            if (sub != null) cls = sub;
        }
        PyBaseException e = new PyBaseException(cls, PyTuple.of(pos));
        if (cls.isSubtypeOf(Exc.StopIteration)) e.dictPut("value", n > 0 ? pos[0] : Py.None);
        if (cls.isSubtypeOf(Exc.SystemExit)) e.dictPut("code", n == 0 ? Py.None : n == 1 ? pos[0] : e.args);
        if (cls.isSubtypeOf(Exc.OSError)) initOSError(e, pos);
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
        if (dict == null) dict = PyDict.owned();
        dict.put(name, v);
    }

    @Override public PyDict dict() {
        if (dict == null) dict = PyDict.owned();
        return dict;
    }

    /**
     * OSError(errno, strerror[, filename[, winerror[, filename2]]]): sets the attributes and, as
     * CPython, drops the filenames from args. Idempotent, so __init__ may repeat it.
     */
    static void initOSError(PyBaseException e, PyObject[] pos) {
        int n = pos.length;
        boolean parsed = n >= 2 && n <= 5;
        PyObject filename = parsed && n >= 3 ? pos[2] : Py.None;
        PyObject filename2 = filename != Py.None && n == 5 ? pos[4] : Py.None;
        e.dictPut("errno", parsed ? pos[0] : Py.None);
        e.dictPut("strerror", parsed ? pos[1] : Py.None);
        e.dictPut("filename", filename);
        e.dictPut("filename2", filename2);
        e.setArgs(filename != Py.None ? PyTuple.of(pos[0], pos[1]) : PyTuple.of(pos));
    }

    /** The OSError subclass CPython's OSError(errno, ...) constructor picks for a Linux errno, or null. */
    static PyType osErrorSubclass(long errno) {
        switch ((int) errno) {
            case 11: case 114: case 115: return Exc.BlockingIOError;     // EAGAIN EALREADY EINPROGRESS
            case 10: return Exc.ChildProcessError;                      // ECHILD
            case 32: case 108: return Exc.BrokenPipeError;              // EPIPE ESHUTDOWN
            case 103: return Exc.ConnectionAbortedError;                // ECONNABORTED
            case 111: return Exc.ConnectionRefusedError;                // ECONNREFUSED
            case 104: return Exc.ConnectionResetError;                  // ECONNRESET
            case 17: return Exc.FileExistsError;                        // EEXIST
            case 2: return Exc.FileNotFoundError;                       // ENOENT
            case 21: return Exc.IsADirectoryError;                      // EISDIR
            case 20: return Exc.NotADirectoryError;                     // ENOTDIR
            case 4: return Exc.InterruptedError;                        // EINTR
            case 13: case 1: return Exc.PermissionError;                // EACCES EPERM
            case 3: return Exc.ProcessLookupError;                      // ESRCH
            case 110: return Exc.TimeoutError;                          // ETIMEDOUT
            default: return null;
        }
    }

    @Override public String str() {
        if (type.isSubtypeOf(Exc.KeyError) && args.size() == 1) return Ops.repr(args.get(0));
        if (type.isSubtypeOf(Exc.OSError) && dict != null) {
            PyObject errno = dict.get("errno"), strerror = dict.get("strerror");
            PyObject filename = dict.get("filename"), filename2 = dict.get("filename2");
            String head = "[Errno " + Ops.str(errno == null ? Py.None : errno) + "] "
                    + Ops.str(strerror == null ? Py.None : strerror);
            if (filename != null && filename != Py.None) {
                if (filename2 != null && filename2 != Py.None) {
                    return head + ": " + Ops.repr(filename) + " -> " + Ops.repr(filename2);
                }
                return head + ": " + Ops.repr(filename);
            }
            if (errno != null && errno != Py.None || strerror != null && strerror != Py.None) return head;
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
