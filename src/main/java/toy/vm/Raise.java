package toy.vm;

import toy.compile.Code;
import toy.object.*;

/** Building exceptions for raise, matching them in except clauses, and recording tracebacks. */
final class Raise {
    private Raise() {}

    /** raise exc [from cause]: exc may be a class or an instance. */
    static PyException build(PyObject exc, PyObject cause) {
        PyBaseException e = instantiate(exc);
        if (cause != null) {
            if (cause == Py.None) {
                e.setCause(null);
            } else {
                PyBaseException c = cause instanceof PyType ? instantiate(cause) : null;
                if (c == null && !(cause instanceof PyBaseException)) {
                    throw Exc.typeError("exception causes must derive from BaseException");
                }
                e.setCause(c != null ? c : cause);
            }
            e.suppressContext = true;
        }
        return new PyException(e);
    }

    static PyBaseException instantiate(PyObject exc) {
        if (exc instanceof PyType t) {
            if (!t.isSubtypeOf(Exc.BaseException)) throw Exc.typeError("exceptions must derive from BaseException");
            PyObject inst = Ops.call(t);
            if (!(inst instanceof PyBaseException be)) {
                throw Exc.typeError("calling " + Ops.repr(t) + " should have returned an instance of BaseException, not "
                        + inst.type.name);
            }
            return be;
        }
        if (exc instanceof PyBaseException be) return be;
        throw Exc.typeError("exceptions must derive from BaseException");
    }

    /** except T: T may be a class or a tuple of classes. */
    static boolean matches(PyBaseException e, PyObject type) {
        // as CPython: every class named is checked before any is matched; tuples do not nest
        if (type instanceof PyTuple tu) {
            for (PyObject x : tu.items) checkCatchable(x);
            for (PyObject x : tu.items) if (e.type.isSubtypeOf((PyType) x)) return true;
            return false;
        }
        checkCatchable(type);
        return e.type.isSubtypeOf((PyType) type);
    }

    private static void checkCatchable(PyObject type) {
        if (!(type instanceof PyType t) || !t.isSubtypeOf(Exc.BaseException)) {
            throw Exc.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
    }

    /**
     * Records that the exception passed through frame f at instruction pc; sets the implicit
     * context the first time the exception is seen while another is being handled.
     */
    static void addTraceback(PyBaseException e, Code code, Frame f, int pc, ThreadState ts) {
        int at = Math.max(0, Math.min(pc, code.lines.length - 1));
        int line = code.lines.length == 0 ? code.firstLine : code.lines[at];
        if (e.traceback == null || e.traceback.name != null) {
            PyBaseException handled = ts.handled;
            if (e.traceback == null && handled != null && handled != e && e.context == null) {
                // avoid creating a cycle in the context chain
                PyObject c = handled;
                boolean cycle = false;
                while (c instanceof PyBaseException ce) {
                    if (ce == e) { cycle = true; break; }
                    c = ce.context;
                }
                if (!cycle) e.setContext(handled);
            }
        }
        if (code.lines.length == 0) {
            e.setTraceback(new PyTraceback(code.filename, code.name, line, e.traceback));
        } else {
            e.setTraceback(new PyTraceback(code.filename, code.name, line, code.cols[at], code.endLines[at],
                    code.endCols[at], e.traceback));
        }
    }
}
