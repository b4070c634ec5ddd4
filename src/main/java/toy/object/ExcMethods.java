package toy.object;

/** The attributes of BaseException: args, __traceback__, __cause__, __context__, with_traceback. */
final class ExcMethods {
    private ExcMethods() {}

    static void init() {
        PyType t = PyBaseException.TYPE;
        t.def("__init__", (self, a, k) -> {
            int n = Args.positional(a, k);
            PyObject[] pos = new PyObject[n];
            System.arraycopy(a, 0, pos, 0, n);
            if (self.type.isSubtypeOf(Exc.OSError)) PyBaseException.initOSError((PyBaseException) self, pos);
            else ((PyBaseException) self).setArgs(PyTuple.of(pos));
            return Py.None;
        });
        t.def("__str__", (self, a, k) -> PyStr.of(self.str()));
        t.def("__repr__", (self, a, k) -> PyStr.of(self.repr()));
        t.def("with_traceback", (self, a, k) -> {
            ((PyBaseException) self).setTraceback(a[0] instanceof PyTraceback tb ? tb : null);
            return self;
        });
        t.def("add_note", (self, a, k) -> {
            PyBaseException e = (PyBaseException) self;
            PyObject notes = e.dict().get("__notes__");
            if (notes == null) { notes = new PyList(); e.dictPut("__notes__", notes); }
            ((PyList) notes).append(a[0]);
            return Py.None;
        });
        t.dict.put("args", new PyGetSet("args", o -> ((PyBaseException) o).args, (o, v) -> {
            ((PyBaseException) o).setArgs(v instanceof PyTuple tu ? tu : PyTuple.ofList(java.util.Arrays.asList(SeqMethods.toArray(v))));
        }));
        t.dict.put("__traceback__", new PyGetSet("__traceback__", o -> {
            PyTraceback tb = ((PyBaseException) o).traceback;
            return tb == null ? Py.None : tb;
        }, (o, v) -> ((PyBaseException) o).setTraceback(v instanceof PyTraceback tb ? tb : null)));
        t.dict.put("__cause__", new PyGetSet("__cause__", o -> {
            PyObject c = ((PyBaseException) o).cause;
            return c == null ? Py.None : c;
        }, (o, v) -> {
            PyBaseException e = (PyBaseException) o;
            e.setCause(v == Py.None ? null : v);
            e.suppressContext = true;
        }));
        t.dict.put("__context__", new PyGetSet("__context__", o -> {
            PyObject c = ((PyBaseException) o).context;
            return c == null ? Py.None : c;
        }, (o, v) -> ((PyBaseException) o).setContext(v == Py.None ? null : v)));
        t.dict.put("__suppress_context__", new PyGetSet("__suppress_context__",
                o -> PyBool.of(((PyBaseException) o).suppressContext),
                (o, v) -> ((PyBaseException) o).suppressContext = Ops.isTrue(v)));
        t.dict.put("__dict__", new PyGetSet("__dict__", o -> o.dict(), null));
    }
}
