package toy.lib;

import java.util.List;
import toy.object.*;
import toy.vm.Runtime;
import toy.vm.ThreadState;

/** The sys module. */
public final class SysModule {
    private SysModule() {}

    /** Command-line arguments for sys.argv, set by the launcher before the script runs. */
    public static List<String> argv = List.of("");

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("sys");
        PyDict d = m.dict;
        PyList av = new PyList();
        for (String s : argv) av.append(PyStr.of(s));
        d.put("argv", av);
        d.put("stdout", StdStreams.stdout());
        d.put("stderr", StdStreams.stderr());
        d.put("stdin", StdStreams.stdin());
        d.put("__stdout__", StdStreams.stdout());
        d.put("__stderr__", StdStreams.stderr());
        d.put("__stdin__", StdStreams.stdin());
        d.put("modules", rt.modules);
        d.put("maxsize", PyInt.of(Long.MAX_VALUE));
        d.put("byteorder", PyStr.of("little"));
        d.put("platform", PyStr.of("linux"));
        d.put("executable", PyStr.of("toy"));
        d.put("version", PyStr.of("3.11.7 (Toy)"));
        d.put("version_info", VersionInfo.create());
        d.put("path", PyList.wrap(new PyObject[] {PyStr.of(rt.scriptDir.toString())}));
        d.put("builtin_module_names", PyTuple.ofList(rt.builtinModules.keySet().stream().sorted().map(s -> (PyObject) PyStr.of(s)).toList()));
        d.put("float_info", PyTuple.of(PyFloat.of(Double.MAX_VALUE), PyInt.of(1024), PyInt.of(308),
                PyFloat.of(Double.MIN_NORMAL), PyInt.of(-1021), PyInt.of(-307), PyInt.of(15), PyInt.of(53),
                PyFloat.of(Math.ulp(1.0)), PyInt.of(2), PyInt.of(1)));
        m.def("exit", (a, k) -> {
            Args.checkCount("exit", a, 0, 1);
            PyObject code = a.length == 0 ? Py.None : a[0];
            PyBaseException e = new PyBaseException(Exc.SystemExit, a.length == 0 ? PyTuple.EMPTY : PyTuple.of(code));
            e.dictPut("code", code);
            throw new PyException(e);
        });
        m.def("setswitchinterval", (a, k) -> {
            Args.noKeywords("setswitchinterval", k);
            Args.checkCount("setswitchinterval", a, 1, 1);
            double v;
            if (a[0] instanceof PyFloat f) v = f.value;
            else if (a[0] instanceof PyInt i) v = i.doubleValue();
            else throw Exc.typeError("must be real number, not " + a[0].type.name);
            try {
                rt.gil.setSwitchInterval(v);
            } catch (IllegalArgumentException e) {
                throw Exc.valueError(e.getMessage());
            }
            return Py.None;
        });
        m.def("getswitchinterval", (a, k) -> PyFloat.of(rt.gil.getSwitchInterval()));
        m.def("getrecursionlimit", (a, k) -> PyInt.of(ThreadState.recursionLimit));
        m.def("getrefcount", (a, k) -> {
            Args.noKeywords("sys.getrefcount", k);
            if (a.length != 1) throw Exc.typeError("sys.getrefcount() takes exactly one argument (" + a.length + " given)");
            // the count includes the argument's reference from the caller's stack, as in CPython
            return PyInt.of(Refs.count(a[0]));
        });
        m.def("setrecursionlimit", (a, k) -> {
            Args.checkCount("setrecursionlimit", a, 1, 1);
            if (!(a[0] instanceof PyInt i)) throw Exc.typeError("'" + a[0].type.name + "' object cannot be interpreted as an integer");
            long n = i.longValue();
            if (n < 1) throw Exc.valueError("recursion limit must be greater or equal than 1");
            int depth = ThreadState.current().depth;
            if (n <= depth) {
                throw Exc.raise(Exc.RecursionError, "cannot set the recursion limit to " + n
                        + " at the recursion depth " + depth + ": the limit is too low");
            }
            ThreadState.recursionLimit = (int) Math.min(n, Integer.MAX_VALUE);
            Ops.recursionLimit = ThreadState.recursionLimit;
            return Py.None;
        });
        m.def("exc_info", (a, k) -> {
            PyBaseException e = ThreadState.current().handled;
            if (e == null) return PyTuple.of(Py.None, Py.None, Py.None);
            return PyTuple.of(e.type, e, e.traceback == null ? Py.None : e.traceback);
        });
        m.def("exception", (a, k) -> {
            PyBaseException e = ThreadState.current().handled;
            return e == null ? Py.None : e;
        });
        m.def("getdefaultencoding", (a, k) -> PyStr.of("utf-8"));
        m.def("intern", (a, k) -> PyStr.intern(Args.strArg("intern", a[0])));
        m.def("_getframe", (a, k) -> { throw Exc.valueError("call stack is not available"); });
        return m;
    }

    /** sys.version_info: a tuple with named fields. */
    static final class VersionInfo extends PyTuple {
        static final PyType TYPE = PyType.builtin("version_info", PyTuple.TYPE, null);

        static {
            TYPE.module = "sys";
            String[] names = {"major", "minor", "micro", "releaselevel", "serial"};
            for (int i = 0; i < names.length; i++) {
                final int idx = i;
                TYPE.dict.put(names[i], new PyGetSet(names[i], o -> ((PyTuple) o).items[idx], null));
            }
        }

        private VersionInfo() {
            super(TYPE, new PyObject[] {PyInt.of(3), PyInt.of(11), PyInt.of(7), PyStr.of("final"), PyInt.of(0)});
        }

        static PyObject create() { return new VersionInfo(); }

        @Override public String repr() {
            return "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)";
        }
    }
}
