package toy.vm;

import toy.compile.Code;
import toy.object.*;

/** Creating generators and coroutines, and the delegation behind yield from and await. */
public final class Generators {
    private Generators() {}

    static PyObject create(Frame f) {
        int flags = f.code.flags;
        PyType t = (flags & Code.COROUTINE) != 0 ? PyGenerator.COROUTINE
                : (flags & Code.ASYNC_GENERATOR) != 0 ? PyGenerator.ASYNC_GENERATOR : PyGenerator.GENERATOR;
        return new PyGenerator(t, f);
    }

    /**
     * Sends v into sub. Returns true with the yielded value in out[0], or false with the
     * sub-iterator's return value in out[0] when it finished.
     */
    static boolean delegate(PyObject sub, PyObject v, PyObject[] out) {
        if (sub instanceof PyGenerator g) {
            PyObject r = g.resume(v, null);
            if (r != null) { out[0] = r; return true; }
            out[0] = g.returnValue;
            return false;
        }
        if (sub instanceof CoroutineWrapper w) return delegate(w.coro, v, out);
        try {
            PyObject r;
            if (v == Py.None) {
                if (!sub.type.heap) {
                    r = sub.next();
                    if (r == null) { out[0] = Py.None; return false; }
                    out[0] = r;
                    return true;
                }
                PyObject m = sub.type.lookup("__next__");
                if (m == null) throw Exc.typeError("'" + sub.type.name + "' object is not an iterator");
                r = Ops.callMethod(m, sub);
            } else {
                r = Ops.invoke(sub, "send", v);
            }
            out[0] = r;
            return true;
        } catch (PyException e) {
            if (e.matches(Exc.StopIteration)) {
                out[0] = stopValue(e.value);
                Refs.state().caught(); // the StopIteration (and what its traceback keeps) may die now
                return false;
            }
            throw e;
        }
    }

    static PyObject stopValue(PyBaseException e) {
        PyObject v = e.dict == null ? null : e.dict.get("value");
        if (v != null) return v;
        return e.args.size() > 0 ? e.args.get(0) : Py.None;
    }

    /** Throws exc into sub; same result convention as {@link #delegate}. */
    static boolean throwInto(PyObject sub, PyException exc, PyObject[] out) {
        if (sub instanceof CoroutineWrapper w) sub = w.coro;
        if (sub instanceof PyGenerator g) {
            try {
                out[0] = g.throwIn(exc);
                return true;
            } catch (PyException e) {
                if (e.matches(Exc.StopIteration) && g.finished()) {
                    out[0] = stopValue(e.value);
                    Refs.state().caught();
                    return false;
                }
                throw e;
            }
        }
        PyObject th;
        try {
            th = Ops.getAttr(sub, PyStr.intern("throw"));
        } catch (PyException e) {
            if (!e.matches(Exc.AttributeError)) throw e;
            Refs.state().caught();
            Refs.raising(exc.value); // exc goes on up instead
            throw exc;
        }
        try {
            out[0] = Ops.call(th, exc.value);
            return true;
        } catch (PyException e) {
            if (e.matches(Exc.StopIteration)) {
                out[0] = stopValue(e.value);
                Refs.state().caught();
                return false;
            }
            throw e;
        }
    }

    static PyObject yieldFromIter(PyObject o, Code code) {
        if (o instanceof PyGenerator g) {
            if (g.isCoroutine() && (code.flags & (Code.COROUTINE)) == 0) {
                throw Exc.typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
            }
            return o;
        }
        return Ops.iter(o);
    }

    static PyObject awaitable(PyObject o) {
        if (o instanceof PyGenerator g && g.isCoroutine()) {
            if (g.finished() || g.running) {
                if (g.finished()) throw Exc.runtimeError("cannot reuse already awaited coroutine");
            }
            return o;
        }
        PyObject m = o.type.lookup("__await__");
        if (m == null) {
            throw Exc.typeError("object " + o.type.name + " can't be used in 'await' expression");
        }
        PyObject it = Ops.callMethod(m, o);
        if (it instanceof PyGenerator g && g.isCoroutine()) {
            throw Exc.typeError("__await__() returned a coroutine");
        }
        if (it.type.lookup("__next__") == null && it.iter() != it) {
            throw Exc.typeError("__await__() returned non-iterator of type '" + it.type.name + "'");
        }
        return it;
    }

    static PyObject aiter(PyObject o) {
        PyObject m = o.type.lookup("__aiter__");
        if (m == null) {
            throw Exc.typeError("'async for' requires an object with __aiter__ method, got " + o.type.name);
        }
        return Ops.callMethod(m, o);
    }

    static PyObject anext(PyObject ait) {
        PyObject m = ait.type.lookup("__anext__");
        if (m == null) {
            throw Exc.typeError("'async for' received an object from __aiter__ that does not implement __anext__: " + ait.type.name);
        }
        return awaitable(Ops.callMethod(m, ait));
    }

    /** The iterator returned by coroutine.__await__(): it holds its coroutine (counted). */
    public static final class CoroutineWrapper extends PyContainer {
        static final PyType TYPE = PyType.builtin("coroutine_wrapper", PyType.OBJECT, null);
        /** The coroutine (next(wrapper) resumes it and raises StopIteration with its return value). */
        public final PyGenerator coro;

        CoroutineWrapper(PyGenerator coro) {
            super(TYPE);
            this.coro = Refs.own(coro);
        }

        @Override public void traverse(RefVisitor v) { v.visit(coro); }

        static {
            TYPE.def("send", (self, a, k) -> ((CoroutineWrapper) self).coro.send(a[0]));
            TYPE.def("throw", (self, a, k) -> ((CoroutineWrapper) self).coro.throwIn(new PyException(Raise.instantiate(a[0]))));
            TYPE.def("close", (self, a, k) -> { ((CoroutineWrapper) self).coro.close(); return Py.None; });
            TYPE.def("__next__", (self, a, k) -> ((CoroutineWrapper) self).coro.send(Py.None));
            TYPE.def("__iter__", (self, a, k) -> self);
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            PyObject r = coro.resume(Py.None, null);
            return r;
        }
    }
}
