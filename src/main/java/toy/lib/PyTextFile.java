package toy.lib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import toy.object.*;

/**
 * A text file ({@code _io.TextIOWrapper}): sys.stdin/stdout/stderr and files from open().
 * Writes are buffered; stdout is flushed at exit, before reading input, and when it is a
 * terminal at each newline; stderr is flushed after every write.
 *
 * <p>A file holds no references, but its death does something: as CPython's
 * {@code iobase_finalize}, a file from open() that dies unclosed is closed (its buffer
 * written out) when its last reference goes. The standard streams are immortal.
 */
public final class PyTextFile extends PyContainer {
    public static final PyType TYPE = PyType.builtin("TextIOWrapper", PyType.OBJECT, null);

    private final Writer out;
    private final BufferedReader in;
    public final String name;
    public final String mode;
    private final boolean autoFlush;
    private boolean closed;
    /** A file from open(): closed when it dies (the standard streams only belong to their holders). */
    boolean closeOnDealloc;

    public PyTextFile(String name, String mode, Writer out, BufferedReader in, boolean autoFlush) {
        super(TYPE);
        this.name = name;
        this.mode = mode;
        this.out = out;
        this.in = in;
        this.autoFlush = autoFlush;
    }

    static {
        TYPE.module = "_io";
        TYPE.def("write", (self, a, k) -> {
            Args.checkCount("write", a, 1, 1);
            if (!(a[0] instanceof PyStr s)) throw Exc.typeError("write() argument must be str, not " + a[0].type.name);
            ((PyTextFile) self).write(s.value);
            return PyInt.of(s.value.length());
        });
        TYPE.def("writelines", (self, a, k) -> {
            PyObject it = Ops.iter(a[0]);
            for (PyObject x; (x = Ops.next(it)) != null; ) ((PyTextFile) self).write(Ops.str(x));
            return Py.None;
        });
        TYPE.def("flush", (self, a, k) -> { ((PyTextFile) self).flush(); return Py.None; });
        TYPE.def("close", (self, a, k) -> { ((PyTextFile) self).close(); return Py.None; });
        TYPE.def("read", (self, a, k) -> {
            PyTextFile f = (PyTextFile) self;
            f.checkReadable();
            int n = a.length > 0 && a[0] != Py.None ? Ops.index(a[0]).intValue() : -1;
            return PyStr.of(f.read(n));
        });
        TYPE.def("readline", (self, a, k) -> {
            PyTextFile f = (PyTextFile) self;
            f.checkReadable();
            return PyStr.of(f.readLine());
        });
        TYPE.def("readlines", (self, a, k) -> {
            PyTextFile f = (PyTextFile) self;
            f.checkReadable();
            PyList l = new PyList();
            for (String s; !(s = f.readLine()).isEmpty(); ) l.append(PyStr.of(s));
            return l;
        });
        TYPE.def("__enter__", (self, a, k) -> self);
        TYPE.def("__exit__", (self, a, k) -> { ((PyTextFile) self).close(); return PyBool.FALSE; });
        TYPE.def("__iter__", (self, a, k) -> self);
        TYPE.def("__next__", (self, a, k) -> {
            PyObject r = self.next();
            if (r == null) throw Exc.stopIteration(Py.None);
            return r;
        });
        TYPE.def("isatty", (self, a, k) -> PyBool.FALSE);
        TYPE.def("fileno", (self, a, k) -> {
            String n = ((PyTextFile) self).name;
            return PyInt.of(n.equals("<stdin>") ? 0 : n.equals("<stdout>") ? 1 : n.equals("<stderr>") ? 2 : 3);
        });
        TYPE.def("readable", (self, a, k) -> PyBool.of(((PyTextFile) self).in != null));
        TYPE.def("writable", (self, a, k) -> PyBool.of(((PyTextFile) self).out != null));
        TYPE.dict.put("closed", new PyGetSet("closed", o -> PyBool.of(((PyTextFile) o).closed), null));
        TYPE.dict.put("name", new PyGetSet("name", o -> PyStr.of(((PyTextFile) o).name), null));
        TYPE.dict.put("mode", new PyGetSet("mode", o -> PyStr.of(((PyTextFile) o).mode), null));
        TYPE.dict.put("encoding", new PyGetSet("encoding", o -> PyStr.of("utf-8"), null));
    }

    @Override public void traverse(RefVisitor v) {}

    @Override protected boolean hasFinalizer() { return closeOnDealloc && !closed; }

    /** Closes the file; an error is reported as CPython reports an exception in a finalizer. */
    @Override protected void runFinalizer() {
        try {
            close();
        } catch (PyException e) {
            Refs.unraisableHook.accept(repr(), e);
        }
    }

    private void checkOpen() {
        if (closed) throw Exc.valueError("I/O operation on closed file.");
    }

    private void checkReadable() {
        checkOpen();
        if (in == null) throw Exc.raise(ioUnsupported(), "not readable");
    }

    /** io.UnsupportedOperation: both an OSError and a ValueError, as in CPython. */
    public static final PyType UNSUPPORTED_OPERATION = makeUnsupported();

    private static PyType makeUnsupported() {
        PyType t = PyType.heapType(PyType.TYPE, "UnsupportedOperation", new PyType[] {Exc.OSError, Exc.ValueError});
        t.module = "io";
        t.setTypeAttr("__module__", PyStr.of("io"));
        // this static field holds it uncounted: without immortality the first gc.collect() would free it
        return Refs.immortal(t);
    }

    private static PyType ioUnsupported() { return UNSUPPORTED_OPERATION; }

    public void write(String s) {
        checkOpen();
        if (out == null) throw Exc.raise(ioUnsupported(), "not writable");
        try {
            out.write(s);
            if (autoFlush) out.flush();
        } catch (IOException e) {
            throw Exc.raise(Exc.OSError, e.getMessage());
        }
    }

    public void flush() {
        if (out == null || closed) return;
        try {
            out.flush();
        } catch (IOException e) {
            throw Exc.raise(Exc.OSError, e.getMessage());
        }
    }

    public void close() {
        if (closed) return;
        try {
            if (out != null) out.close();
            if (in != null && !name.equals("<stdin>")) in.close();
        } catch (IOException e) {
            throw Exc.raise(Exc.OSError, e.getMessage());
        }
        closed = true;
    }

    /** One line including its newline, or "" at end of file. */
    public String readLine() {
        checkOpen();
        try {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                sb.append((char) c);
                if (c == '\n') break;
            }
            return sb.toString();
        } catch (IOException e) {
            throw Exc.raise(Exc.OSError, e.getMessage());
        }
    }

    String read(int n) {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            while (n < 0 || sb.length() < n) {
                int want = n < 0 ? buf.length : Math.min(buf.length, n - sb.length());
                int r = in.read(buf, 0, want);
                if (r < 0) break;
                sb.append(buf, 0, r);
            }
            return sb.toString();
        } catch (IOException e) {
            throw Exc.raise(Exc.OSError, e.getMessage());
        }
    }

    @Override public PyObject iter() { return this; }

    @Override public PyObject next() {
        checkReadable();
        String s = readLine();
        return s.isEmpty() ? null : PyStr.of(s);
    }

    @Override public String repr() {
        return "<_io.TextIOWrapper name='" + name + "' mode='" + mode + "' encoding='utf-8'>";
    }
}
