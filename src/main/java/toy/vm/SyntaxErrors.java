package toy.vm;

import toy.compile.CompileError;
import toy.object.*;
import toy.parse.SyntaxError;

/** Turns the parser's and compiler's syntax errors into Python SyntaxError exceptions. */
public final class SyntaxErrors {
    private SyntaxErrors() {}

    /** A Python exception for a syntax error; other runtime exceptions are passed through. */
    public static RuntimeException toPython(RuntimeException ex) {
        if (ex instanceof SyntaxError se) {
            PyType t = se.kind.equals("TabError") ? Exc.TabError
                    : se.kind.equals("IndentationError") ? Exc.IndentationError : Exc.SyntaxError;
            return make(t, se.msg, se.filename, se.line, se.col, se.endLine, se.endCol, se.lineText, se);
        }
        if (ex instanceof CompileError ce) {
            int line = ce.pos == null ? 0 : ce.pos.line();
            int col = ce.pos == null ? 0 : ce.pos.col() + 1;
            int endCol = ce.pos == null ? 0 : ce.pos.endCol() + 1;
            return make(Exc.SyntaxError, ce.getMessage(), ce.filename, line, col,
                    ce.pos == null ? line : ce.pos.endLine(), endCol, null, ce);
        }
        return ex;
    }

    private static PyException make(PyType t, String msg, String filename, int line, int col, int endLine, int endCol,
                                    String text, RuntimeException origin) {
        PyBaseException e = new PyBaseException(t, PyTuple.of(PyStr.of(msg),
                PyTuple.of(PyStr.of(filename), PyInt.of(line), PyInt.of(col), text == null ? Py.None : PyStr.of(text),
                        PyInt.of(endLine), PyInt.of(endCol))));
        e.dictPut("msg", PyStr.of(msg));
        e.dictPut("filename", PyStr.of(filename));
        e.dictPut("lineno", PyInt.of(line));
        e.dictPut("offset", PyInt.of(col));
        e.dictPut("text", text == null ? Py.None : PyStr.of(text));
        e.dictPut("end_lineno", PyInt.of(endLine));
        e.dictPut("end_offset", PyInt.of(endCol));
        return new PyException(e);
    }
}
