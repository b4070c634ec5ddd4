package toy.compile;

import toy.object.PyObject;
import toy.object.PyStr;
import toy.object.PyType;

/**
 * A compiled code object: the bytecode of one module, function, class body, lambda or
 * comprehension, with everything the VM needs to run it and to report errors from it.
 */
public final class Code extends PyObject {
    public static final PyType TYPE = PyType.builtin("code", PyType.OBJECT, null);

    public static final int VARARGS = 1, VARKEYWORDS = 2, GENERATOR = 4, COROUTINE = 8, NEWLOCALS = 16,
            ASYNC_GENERATOR = 32;

    /** The function name ("&lt;module&gt;", "f", "&lt;lambda&gt;", "&lt;listcomp&gt;"). */
    public final String name;
    /** The dotted qualified name ("C.method", "f.&lt;locals&gt;.g"). */
    public final String qualname;
    public final String filename;
    public final int firstLine;
    /** The instructions: opcode | arg &lt;&lt; 8. */
    public final int[] code;
    /** The source line of each instruction. */
    public final int[] lines;
    /**
     * The column span of each instruction's source expression: start column, end line and end
     * column (0-based, end exclusive; -1 when unknown), for the carets under traceback lines.
     */
    public final int[] cols, endLines, endCols;
    public final PyObject[] consts;

    /**
     * The code (immortal) holds its constants for good. A scalar one (number, string, bytes)
     * gets one counted reference, so that sys.getrefcount counts the code's reference as
     * CPython's does; a constant tuple or frozenset, a container that the leak report of
     * --debug-refs would otherwise find unreachable, is made immortal with its items.
     */
    private static void hold(PyObject c) {
        if (c == null || toy.object.Refs.isImmortal(c)) return;
        if (c instanceof toy.object.PyContainer) immortalize(c);
        else toy.object.Refs.incref(c);
    }

    /** Makes a constant (and the items of a constant tuple or frozenset) immortal. */
    private static void immortalize(PyObject c) {
        if (c == null || toy.object.Refs.isImmortal(c)) return;
        toy.object.Refs.immortal(c);
        if (c instanceof toy.object.PyTuple t) for (PyObject x : t.items) immortalize(x);
        if (c instanceof toy.object.PySet s) s.traverse(Code::immortalize);
    }
    /** Names used by global, attribute, name and import instructions (interned). */
    public final PyStr[] names;
    /** Local variable names; the parameters come first. */
    public final String[] varnames;
    /** Variables of this scope captured by inner functions. */
    public final String[] cellvars;
    /** Variables of enclosing scopes used here; cells[cellvars.length + i]. */
    public final String[] freevars;
    /** For each cellvar, the parameter index it is initialised from, or -1. */
    public final int[] cell2arg;
    public final int argcount, posonlyargcount, kwonlyargcount;
    public final int flags;
    /** The maximum depth of the value stack. */
    public final int stackSize;
    /**
     * Inline caches of attribute instructions, indexed by pc: the receiver type seen last, its
     * version tag then, and what looking the name up on that type gave (null: not found).
     */
    public final PyType[] icType;
    public final int[] icVersion;
    public final PyObject[] icDescr;
    /** Finished frames kept for reuse by the VM (see vm.Frame.forCall); touched only under the GIL. */
    public Object[] framePool;
    public int framePoolSize;
    /** The code compiled to a JVM class (a vm.JitCode), or null; owned by vm.Jit, set under the GIL. */
    public Object jit;
    /** Calls and loop iterations run in the eval loop so far: vm.Jit compiles the code when it is hot. */
    public int hotness;
    /** LOAD_GLOBAL caches: the entry position found, and the builtins dict version when it came from there. */
    public final int[] icIndex, icAux;

    public Code(String name, String qualname, String filename, int firstLine, int[] code, int[] lines,
                PyObject[] consts, PyStr[] names, String[] varnames, String[] cellvars, String[] freevars,
                int[] cell2arg, int argcount, int posonlyargcount, int kwonlyargcount, int flags, int stackSize,
                int[][] spans) {
        super(TYPE);
        this.name = name;
        this.qualname = qualname;
        this.filename = filename;
        this.firstLine = firstLine;
        this.code = code;
        this.lines = lines;
        this.cols = spans[0];
        this.endLines = spans[1];
        this.endCols = spans[2];
        this.consts = consts;
        // constants live as long as the code, which is immortal
        toy.object.Refs.immortal(this);
        for (PyObject c : consts) hold(c);
        this.names = names;
        this.varnames = varnames;
        this.cellvars = cellvars;
        this.freevars = freevars;
        this.cell2arg = cell2arg;
        this.argcount = argcount;
        this.posonlyargcount = posonlyargcount;
        this.kwonlyargcount = kwonlyargcount;
        this.flags = flags;
        this.stackSize = stackSize;
        this.icType = new PyType[code.length];
        this.icVersion = new int[code.length];
        this.icDescr = new PyObject[code.length];
        this.icIndex = new int[code.length];
        this.icAux = new int[code.length];
    }

    public boolean isGenerator() { return (flags & (GENERATOR | COROUTINE | ASYNC_GENERATOR)) != 0; }

    /** The number of parameter slots, including *args and **kwargs. */
    public int totalArgs() {
        return argcount + kwonlyargcount + ((flags & VARARGS) != 0 ? 1 : 0) + ((flags & VARKEYWORDS) != 0 ? 1 : 0);
    }

    @Override public PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "co_name": return PyStr.of(name);
            case "co_qualname": return PyStr.of(qualname);
            case "co_filename": return PyStr.of(filename);
            case "co_firstlineno": return toy.object.PyInt.of(firstLine);
            case "co_argcount": return toy.object.PyInt.of(argcount);
            case "co_posonlyargcount": return toy.object.PyInt.of(posonlyargcount);
            case "co_kwonlyargcount": return toy.object.PyInt.of(kwonlyargcount);
            case "co_flags": return toy.object.PyInt.of(flags);
            case "co_nlocals": return toy.object.PyInt.of(varnames.length);
            case "co_varnames": return strings(varnames);
            case "co_cellvars": return strings(cellvars);
            case "co_freevars": return strings(freevars);
            case "co_names": return toy.object.PyTuple.of(names.clone());
            case "co_consts": return toy.object.PyTuple.of(consts.clone());
            default: return super.getAttr(n);
        }
    }

    private static PyObject strings(String[] a) {
        PyObject[] r = new PyObject[a.length];
        for (int i = 0; i < a.length; i++) r[i] = PyStr.of(a[i]);
        return toy.object.PyTuple.of(r);
    }

    @Override public String repr() {
        return "<code object " + name + " at 0x" + Long.toHexString(toy.object.Ops.id(this)) + ", file \"" + filename
                + "\", line " + firstLine + ">";
    }
}
