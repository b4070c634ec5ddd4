package toy.vm;

import toy.compile.Code;
import toy.object.PyCell;
import toy.object.PyDict;
import toy.object.PyObject;
import toy.object.RefState;
import toy.object.RefVisitor;
import toy.object.Refs;

/**
 * One activation of a code object. Frames live on the heap so that a generator or coroutine
 * can keep its frame while suspended and resume it later; the Java stack only holds frames
 * that are running.
 *
 * <p>Reference counting: the locals, the cells, the live part of the value stack and the
 * function hold counted references (see {@link Refs}); {@link #clearRefs} drops them when the
 * frame finishes, in CPython's order (locals, cells, stack, function). The globals, builtins
 * and locals dict are borrowed from the function, the runtime and the caller.
 */
public final class Frame {
    /** The code being run. */
    public final Code code;
    /** The module globals. */
    public PyDict globals;
    /** The builtins namespace for name lookups that miss the globals. */
    public final PyDict builtins;
    /** The mapping for LOAD_NAME/STORE_NAME in module and class bodies; null in functions. */
    public final PyDict localsDict;
    /** Fast locals by slot (parameters first); null marks an unbound variable. */
    public final PyObject[] locals;
    /** Cells: the code's cellvars, then its freevars (taken from the closure). */
    public final PyCell[] cells;
    /** The value stack; stack[0..sp) are live. */
    public final PyObject[] stack;
    /** The stack pointer, saved while the frame is suspended or calling. */
    public int sp;
    /** The index of the next instruction to run, saved while suspended. */
    public int pc;
    /** The caller's frame while this one runs (for tracebacks and sys._getframe). */
    public Frame back;
    /** Runtime block stack: handler pc and stack level of each active try/with block. */
    int[] blockHandler = EMPTY, blockLevel = EMPTY;
    /** The number of active blocks. */
    int nblocks;
    /** The function this frame runs (a counted reference), or null for module and class bodies. */
    public PyFunction func;
    /** Set when the last run of the frame ended by yielding rather than returning. */
    boolean yielded;
    /** For an __init__ run inline by a class call: the new instance, which the call returns. */
    PyObject initSelf;
    /**
     * Set when such an __init__ returned something other than None: that value's type name,
     * for the TypeError its caller raises once the frame has ended ({@link Calls#invoke}).
     */
    String badInitResult;
    /** The pc of the instruction being executed (for line numbers of tracebacks). */
    public int lasti;

    private static final int[] EMPTY = new int[0];

    public Frame(Code code, PyDict globals, PyDict builtins, PyDict localsDict, PyFunction func) {
        this.code = code;
        this.globals = globals;
        this.builtins = builtins;
        this.localsDict = localsDict;
        this.func = func;
        this.locals = new PyObject[code.varnames.length];
        int ncells = code.cellvars.length + code.freevars.length;
        this.cells = ncells == 0 ? null : new PyCell[ncells];
        this.stack = new PyObject[code.stackSize];
    }

    /**
     * Drops every counted reference the frame holds (when an exception leaves it, or it never
     * ran): locals in slot order, cells, the stack, then the function. What dies, dies at the
     * next drain.
     */
    void clearRefs() {
        clear(null);
    }

    /** The same at a return: each object whose last reference goes dies at once, in that order. */
    void clearRefsAtReturn(RefState rs) {
        clear(rs);
    }

    private void clear(RefState rs) {
        dropLocals(rs);
        dropCellsAndStack(rs);
        dropFunc(rs);
        PyObject self = initSelf;
        if (self != null) {
            initSelf = null;
            drop(rs, self);
        }
    }

    /** clear's first step (compiled code's return takes the steps one by one): the locals, in slot order. */
    void dropLocals(RefState rs) {
        PyObject[] l = locals;
        for (int i = 0; i < l.length; i++) {
            PyObject v = l[i];
            if (v != null) {
                l[i] = null;
                drop(rs, v);
            }
        }
    }

    /** clear's second step: the cells, then the live part of the stack. */
    void dropCellsAndStack(RefState rs) {
        if (cells != null) {
            for (int i = 0; i < cells.length; i++) {
                PyObject c = cells[i];
                if (c != null) {
                    cells[i] = null;
                    drop(rs, c);
                }
            }
        }
        dropStack(rs);
    }

    /** clear's third step: the function. */
    void dropFunc(RefState rs) {
        PyFunction fn = func;
        if (fn != null) {
            func = null;
            drop(rs, fn);
        }
    }

    private static void drop(RefState rs, PyObject v) {
        if (rs == null) Refs.decref(v); else Refs.decrefAtOnce(rs, v);
    }

    /**
     * The frame exits through an exception recorded by tb: the stack is dropped, and the
     * locals, cells and function move into the traceback entry, which keeps them alive until
     * the exception dies (CPython's frame objects do the same).
     */
    void exitInto(toy.object.PyTraceback tb) {
        if (tb == null || tb.holdsFrame()) {
            clearRefs();
            return;
        }
        dropStack(null);
        java.util.ArrayList<PyObject> refs = new java.util.ArrayList<>();
        for (int i = 0; i < locals.length; i++) {
            if (locals[i] != null) refs.add(locals[i]);
            locals[i] = null;
        }
        if (cells != null) {
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] != null) refs.add(cells[i]);
                cells[i] = null;
            }
        }
        if (func != null) refs.add(func);
        func = null;
        if (initSelf != null) refs.add(initSelf);
        initSelf = null;
        tb.adoptFrameRefs(refs.toArray(new PyObject[0]));
    }

    /** Drops the live part of the value stack (at once when rs is given, see {@link #clear}). */
    private void dropStack(RefState rs) {
        for (int i = 0; i < sp; i++) {
            PyObject v = stack[i];
            stack[i] = null;
            if (v != null) drop(rs, v);
        }
        sp = 0;
    }

    /** Visits the counted references (for a suspended generator's frame). */
    void traverse(RefVisitor v) {
        for (PyObject x : locals) v.visit(x);
        if (cells != null) for (PyObject c : cells) v.visit(c);
        for (int i = 0; i < sp; i++) v.visit(stack[i]);
        v.visit(func);
    }

    /**
     * A frame for calling func, reused from the code object's pool when one is free. The frame
     * takes over a counted reference to func from the caller. Frames
     * of finished calls are recycled ({@link #release}): a call then allocates nothing but
     * its result, which matters because calls are the commonest expensive operation.
     */
    static Frame forCall(PyFunction func, PyDict builtins) {
        Code code = func.code;
        Object[] pool = code.framePool;
        if (pool != null && code.framePoolSize > 0) {
            Frame f = (Frame) pool[--code.framePoolSize];
            pool[code.framePoolSize] = null;
            f.globals = func.globals;
            f.func = func;
            return f;
        }
        return new Frame(code, func.globals, builtins, null, func);
    }

    /** Returns a finished function frame to its code object's pool. */
    void release() {
        if (localsDict != null || code.isGenerator()) return;
        Code c = code;
        if (c.framePool == null) c.framePool = new Object[8];
        if (c.framePoolSize == c.framePool.length) return;
        java.util.Arrays.fill(locals, null);
        java.util.Arrays.fill(stack, null);
        if (cells != null) java.util.Arrays.fill(cells, null);
        back = null;
        sp = 0;
        pc = 0;
        nblocks = 0;
        initSelf = null;
        badInitResult = null;
        yielded = false;
        lasti = 0;
        func = null;
        c.framePool[c.framePoolSize++] = this;
    }

    void pushBlock(int handler, int level) {
        if (nblocks == blockHandler.length) {
            int n = Math.max(4, nblocks * 2);
            blockHandler = java.util.Arrays.copyOf(blockHandler, n);
            blockLevel = java.util.Arrays.copyOf(blockLevel, n);
        }
        blockHandler[nblocks] = handler;
        blockLevel[nblocks] = level;
        nblocks++;
    }

    /** The source line being executed. */
    public int line() {
        int i = Math.max(0, Math.min(lasti, code.lines.length - 1));
        return code.lines.length == 0 ? code.firstLine : code.lines[i];
    }
}
