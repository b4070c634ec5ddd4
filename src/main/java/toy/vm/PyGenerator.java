package toy.vm;

import toy.object.*;

/**
 * A generator or coroutine: a suspended frame. Resuming runs the frame again from its saved
 * pc on the caller's Java thread; no thread is ever dedicated to a generator.
 *
 * <p>States: not started (pc 0), suspended (after a yield), running (inside send), finished.
 * A value sent in is pushed onto the frame's stack as the result of the yield expression.
 */
public final class PyGenerator extends PyContainer {
    public static final PyType GENERATOR = PyType.builtin("generator", PyType.OBJECT, null);
    public static final PyType COROUTINE = PyType.builtin("coroutine", PyType.OBJECT, null);
    public static final PyType ASYNC_GENERATOR = PyType.builtin("async_generator", PyType.OBJECT, null);

    /** The suspended frame; null once finished. */
    Frame frame;
    /** True while the frame runs (re-entering raises "generator already executing"). */
    boolean running;
    /**
     * The exception the frame was handling when it last yielded (a counted reference), or null:
     * it is the handled exception again when the generator resumes (CPython's gi_exc_state).
     */
    PyBaseException handled;
    /** Whether the frame has started (a just-started generator only accepts None). */
    boolean started;
    public final String name, qualname;

    PyGenerator(PyType type, Frame frame) {
        super(type);
        this.frame = frame;
        this.name = frame.code.name;
        this.qualname = frame.func != null ? frame.func.qualname : frame.code.qualname;
    }

    public boolean isCoroutine() { return type == COROUTINE; }

    public boolean finished() { return frame == null; }

    /**
     * Resumes with a sent value (or an exception to throw in). Returns the next yielded value,
     * or null when the generator returned; the return value is then in {@link #returnValue}.
     */
    public PyObject resume(PyObject sent, PyException throwIn) {
        return resume(sent, throwIn, false);
    }

    /**
     * FOR_ITER's next(): the yielded value as a counted reference that the caller's stack takes
     * over, which saves the yielding loop's drop and the caller's count of every value passed
     * along a pipeline of generators. Null when the generator returned.
     */
    PyObject nextOwned() {
        return resume(Py.None, null, true);
    }

    /** resume, handing over the yielded value as a counted reference when owned is true. */
    private PyObject resume(PyObject sent, PyException throwIn, boolean owned) {
        if (running) {
            throw Exc.valueError(type == COROUTINE ? "coroutine already executing" : "generator already executing");
        }
        if (frame == null) {
            if (throwIn != null) throw throwIn;
            if (type == COROUTINE) throw Exc.runtimeError("cannot reuse already awaited coroutine");
            returnValue = Py.None;
            return null;
        }
        Frame f = frame;
        if (!started && throwIn == null && sent != Py.None) {
            throw Exc.typeError("can't send non-None value to a just-started " + (type == COROUTINE ? "coroutine" : "generator"));
        }
        ThreadState ts = ThreadState.current();
        if (++ts.depth > ThreadState.recursionLimit) {
            ts.depth--;
            throw Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded");
        }
        if (!started) {
            started = true;
        } else if (throwIn == null) {
            f.stack[f.sp++] = Refs.own(sent);
        }
        running = true;
        f.back = ts.frame;
        ts.frame = f;
        // the generator's except blocks change the handled exception; the caller's comes back after
        PyBaseException savedHandled = ts.handled;
        if (handled != null) ts.setHandled(handled);
        // the generator's instructions start with nothing held, as a called function's (RefState.hold)
        RefState rs = ts.refs;
        PyObject h0 = rs.held0, h1 = rs.held1, h2 = rs.held2;
        rs.unhold();
        try {
            PyObject r = Interpreter.run(f, ts, throwIn, owned);
            if (f.yielded) {
                // suspended inside an except block: keep what it handles (what is the caller's stays the caller's)
                keepHandled(ts.handled == savedHandled && handled == null ? null : ts.handled);
                return r;
            }
            keepHandled(null);
            frame = null;
            if (owned) Refs.decref(ts.refs, r); // the return value floats, as from run(..., false)
            returnValue = r;
            return null;
        } catch (PyException e) {
            keepHandled(null);
            frame = null;
            if (e.matches(Exc.StopIteration)) {
                PyException re = Exc.runtimeError((type == COROUTINE ? "coroutine" : "generator") + " raised StopIteration");
                re.value.setCause(e.value);
                re.value.setContext(e.value);
                re.value.suppressContext = true;
                throw re;
            }
            throw e;
        } finally {
            rs.hold(h0, h1, h2);
            running = false;
            ts.frame = f.back;
            ts.depth--;
            ts.setHandled(savedHandled);
        }
    }

    /** The value of the last return (valid after resume returned null). */
    public PyObject returnValue = Py.None;

    /** send(v): the next value, or StopIteration carrying the return value. */
    public PyObject send(PyObject v) {
        PyObject r = resume(v, null);
        if (r == null) throw Exc.stopIteration(returnValue);
        return r;
    }

    /** throw(exc): raise exc at the suspension point (delegating to a yield-from target first). */
    public PyObject throwIn(PyException exc) {
        Frame f = frame;
        if (f != null && started && isAtYieldFrom(f)) {
            PyObject sub = f.stack[f.sp - 1];
            PyObject r;
            try {
                if (exc.matches(Exc.GeneratorExit)) {
                    closeSub(sub);
                    r = resume(null, exc);
                } else {
                    PyObject[] out = new PyObject[1];
                    if (Generators.throwInto(sub, exc, out)) return out[0];
                    // the sub-iterator finished: continue after YIELD_FROM with its value, which
                    // resume pushes in place of the sub-iterator as the value sent in
                    PyObject old = f.stack[--f.sp];
                    f.stack[f.sp] = null;
                    Refs.decref(old);
                    f.pc++;
                    r = resume(out[0], null);
                }
            } catch (PyException e2) {
                if (frame == null) throw e2;
                PyObject old = f.stack[--f.sp];
                f.stack[f.sp] = null;
                Refs.decref(old);
                f.pc++;
                r = resume(null, e2);
            }
            if (r == null) throw Exc.stopIteration(returnValue);
            return r;
        }
        PyObject r = resume(null, exc);
        if (r == null) throw Exc.stopIteration(returnValue);
        return r;
    }

    private static void closeSub(PyObject sub) {
        if (sub instanceof PyGenerator g) {
            g.close();
            return;
        }
        PyObject close = Ops.getAttrOrNull(sub, PyStr.intern("close"));
        if (close != null) Ops.call(close);
    }

    private static boolean isAtYieldFrom(Frame f) {
        int pc = f.pc;
        return pc < f.code.code.length && (f.code.code[pc] & 0xFF) == toy.compile.Opcode.YIELD_FROM;
    }

    /** close(): raise GeneratorExit inside; it must not yield again. */
    public void close() {
        if (frame == null) return;
        if (!started) {
            Frame f = frame;
            frame = null;
            f.clearRefs();
            return;
        }
        try {
            PyObject r = throwInQuiet(new PyException(new PyBaseException(Exc.GeneratorExit, PyTuple.EMPTY)));
            if (r != null) throw Exc.runtimeError((type == COROUTINE ? "coroutine" : "generator") + " ignored GeneratorExit");
        } catch (PyException e) {
            if (e.matches(Exc.GeneratorExit) || e.matches(Exc.StopIteration)) return;
            throw e;
        }
    }

    private PyObject throwInQuiet(PyException exc) {
        Frame f = frame;
        if (f != null && isAtYieldFrom(f)) {
            PyObject sub = f.stack[f.sp - 1];
            closeSub(sub);
        }
        return resume(null, exc);
    }

    /** The suspended frame's locals, cells, stack and function. */
    private void keepHandled(PyBaseException e) {
        PyBaseException old = handled;
        handled = e;
        Refs.swap(old, e);
    }

    @Override public void traverse(RefVisitor v) {
        if (frame != null) frame.traverse(v);
        if (handled != null) v.visit(handled);
    }

    @Override protected void cleared() {
        frame = null;
        handled = null;
    }

    /** A started, suspended generator is closed before it dies, so that its finally blocks run. */
    @Override protected boolean hasFinalizer() { return frame != null && started && !running; }

    @Override protected void runFinalizer() {
        try {
            close();
        } catch (PyException e) {
            Refs.unraisableHook.accept(repr(), e);
        }
    }

    @Override public PyObject iter() { return type == GENERATOR ? this : null; }

    @Override public PyObject next() {
        if (type != GENERATOR) return super.next();
        return resume(Py.None, null);
    }

    @Override public String repr() {
        return "<" + type.name + " object " + qualname + " at " + Ops.addressOf(this) + ">";
    }

    static {
        for (PyType t : new PyType[] {GENERATOR, COROUTINE}) {
            t.baseType = false;
            t.def("send", (self, a, k) -> {
                Args.checkCount("send", a, 1, 1);
                return ((PyGenerator) self).send(a[0]);
            });
            t.def("throw", (self, a, k) -> {
                Args.checkCount("throw", a, 1, 3);
                PyObject e = a[0];
                PyBaseException exc;
                if (e instanceof PyType && a.length > 1 && a[1] != Py.None) {
                    exc = a[1] instanceof PyBaseException be ? be : Raise.instantiate(Ops.call(e, a[1]));
                } else {
                    exc = Raise.instantiate(e);
                }
                return ((PyGenerator) self).throwIn(new PyException(exc));
            });
            t.def("close", (self, a, k) -> {
                ((PyGenerator) self).close();
                return Py.None;
            });
            t.dict.put("__name__", new PyGetSet("__name__", o -> PyStr.of(((PyGenerator) o).name), null));
            t.dict.put("__qualname__", new PyGetSet("__qualname__", o -> PyStr.of(((PyGenerator) o).qualname), null));
        }
        GENERATOR.def("__iter__", (self, a, k) -> self);
        GENERATOR.def("__next__", (self, a, k) -> ((PyGenerator) self).send(Py.None));
        GENERATOR.dict.put("gi_running", new PyGetSet("gi_running", o -> PyBool.of(((PyGenerator) o).running), null));
        GENERATOR.dict.put("gi_frame", new PyGetSet("gi_frame", o -> ((PyGenerator) o).frame == null ? Py.None : PyBool.TRUE, null));
        COROUTINE.def("__await__", (self, a, k) -> new Generators.CoroutineWrapper((PyGenerator) self));
        COROUTINE.dict.put("cr_running", new PyGetSet("cr_running", o -> PyBool.of(((PyGenerator) o).running), null));
        ASYNC_GENERATOR.baseType = false;
    }
}
