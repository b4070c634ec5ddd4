package toy.vm;

import static toy.compile.Opcode.*;

import toy.compile.Code;
import toy.object.*;

/**
 * Calls made by the eval loop and by compiled code: CALL, CALL_METHOD and CALL_KW. A call
 * between script functions recurses on the Java stack, one eval-loop invocation (or one
 * compiled method) per Python frame, as in CPython up to 3.10; everything else is called
 * with its arguments borrowed from the value stack.
 */
final class Calls {
    private Calls() {}

    /**
     * CALL, CALL_METHOD and CALL_KW with the callable and arguments at stack[..sp): the result
     * replaces them; returns the new stack pointer. A script function runs in a nested loop
     * invocation (see {@link #invoke}); a plain call with exactly the positional parameters
     * takes the shortest path, moving the stack's references into the new frame's locals.
     */
    static int call(Frame f, ThreadState ts, RefState rs, int zbase, PyObject[] stack, int sp, int op, int arg) {
        Runtime rt = Runtime.get();
        if (op != CALL_KW) {
            int base = op == CALL ? sp - arg - 1 : sp - arg - 2;
            PyObject fn = stack[base];
            PyObject self = op == CALL ? null : stack[base + 1];
            int nargs = self == null ? arg : arg + 1;
            if (fn instanceof PyFunction pf && pf.simpleArgs && pf.code.argcount == nargs
                    && ts.depth < ThreadState.recursionLimit) {
                if (EvalBreaker.ENABLED && ts.evalBreaker != 0) {
                    // function entry is a safe point, served at the call site
                    f.sp = sp;
                    EvalBreaker.handle(ts, f);
                }
                // the function's reference moves from the stack into the frame
                return enterMoving(f, ts, rs, zbase, stack, base, sp, op == CALL ? base + 1 : base + 2, pf, self, null);
            }
            if (op == CALL && fn instanceof PyType t && t.heap && ts.depth < ThreadState.recursionLimit) {
                // instantiating a plain script class whose __init__ takes exactly these arguments;
                // the safe point comes first: another thread may replace __init__ during it
                if (EvalBreaker.ENABLED && ts.evalBreaker != 0) {
                    f.sp = sp;
                    EvalBreaker.handle(ts, f);
                }
                PyFunction init = InlineInit.initFor(t);
                if (init != null && init.simpleArgs && init.code.argcount == arg + 1) {
                    // the reference __init__'s self holds; the stack's reference to the class moves into it
                    PyInstance inst = PyInstance.ownedTakingType(t);
                    Refs.incref(inst); // the call's result
                    Refs.incref(init); // the frame's function
                    return enterMoving(f, ts, rs, zbase, stack, base, sp, base + 1, init, inst, inst);
                }
                if (arg == 0 && InlineInit.isBare(t)) {
                    // a class with object's __new__ and __init__: the call only allocates
                    stack[base] = PyInstance.ownedTakingType(t); // the stack's reference to the class moves into it
                    return base + 1;
                }
            }
        }
        String[] kwnames = null;
        if (op == CALL_KW) {
            PyTuple names0 = (PyTuple) stack[--sp];
            kwnames = kwNames(names0);
            stack[sp] = null;
            Refs.decref(rs, names0);
        }
        int npos = kwnames == null ? arg : arg - kwnames.length;
        int base, argOff;
        PyObject fn, self;
        if (op == CALL_METHOD) {
            base = sp - arg - 2;
            fn = stack[base];
            self = stack[base + 1];
            argOff = base + 2;
        } else {
            base = sp - arg - 1;
            fn = stack[base];
            self = null;
            argOff = base + 1;
        }
        if (self == null && fn instanceof PyMethod m && m.func instanceof PyFunction) {
            self = m.self;
            fn = m.func;
        }
        PyObject initSelf = null;
        if (self == null && fn instanceof PyType t && t.heap) {
            // instantiating a plain script class: allocate here and run __init__ as a plain call
            PyFunction init = InlineInit.initFor(t);
            if (init != null) {
                initSelf = PyInstance.owned(t);
                self = initSelf;
                // counted until the frame holds it: the safe point below may let another
                // thread replace __init__, which would drop the class's reference
                fn = Refs.own(init);
            }
        }
        if (fn instanceof PyFunction pf && !pf.code.isGenerator()) {
            // a call between script functions: the callee's frame runs in a nested loop
            if (EvalBreaker.ENABLED && ts.evalBreaker != 0) {
                // function entry is a safe point, served at the call site
                f.sp = sp;
                try {
                    EvalBreaker.handle(ts, f);
                } catch (PyException e) {
                    dropInit(rs, initSelf, pf);
                    throw e;
                }
            }
            if (ts.depth + 1 > ThreadState.recursionLimit) {
                dropInit(rs, initSelf, pf);
                throw Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded");
            }
            Frame nf;
            try {
                nf = ArgBinder.bind(pf, self, stack, argOff, npos, kwnames, rt);
            } catch (PyException e) {
                dropInit(rs, initSelf, pf);
                throw e;
            }
            if (initSelf != null) Refs.decref(rs, pf); // the frame counted its own
            // the frame counted its own references: drop the stack's
            nf.initSelf = initSelf;
            Interpreter.dropSlots(rs, stack, base, sp);
            sp = base;
            f.sp = sp;
            stack[base] = invoke(nf, f, ts, rs, zbase);
            return base + 1;
        }
        f.sp = sp;
        PyObject r;
        if (fn instanceof PyBuiltinFunction bf && bf.passesOperands && scriptInstanceAmong(self, stack, argOff, arg)) {
            r = callHoldingOperands(rs, fn, self, stack, argOff, arg, npos, kwnames);
        } else if (self != null) {
            r = callMethodOnStack(fn, self, stack, argOff, arg);
        } else {
            r = callOnStack(fn, stack, argOff, npos, kwnames);
        }
        Refs.incref(r);
        Interpreter.dropSlots(rs, stack, base, sp);
        stack[base] = r;
        return base + 1;
    }

    /**
     * The fast path of a call with exactly the positional parameters: the arguments'
     * references at stack[from..sp) move into a new frame's locals after self (when not
     * null), stack[base..sp) is cleared, and the frame runs. The caller has settled the
     * reference the frame holds to pf. initSelf, when not null, is the instance an inline
     * __init__ returns. Returns the new stack pointer, with the result at stack[base].
     */
    private static int enterMoving(Frame f, ThreadState ts, RefState rs, int zbase, PyObject[] stack, int base, int sp,
                                   int from, PyFunction pf, PyObject self, PyObject initSelf) {
        Frame nf = Frame.forCall(pf, Runtime.get().builtinsDict);
        PyObject[] nl = nf.locals;
        int n = sp - from;
        if (self == null) {
            for (int i = 0; i < n; i++) nl[i] = stack[from + i];
        } else {
            nl[0] = self;
            for (int i = 0; i < n; i++) nl[i + 1] = stack[from + i];
        }
        if (nf.cells != null) ArgBinder.setupCells(pf, nf);
        nf.initSelf = initSelf;
        for (int i = base; i < sp; i++) stack[i] = null;
        f.sp = base;
        stack[base] = invoke(nf, f, ts, rs, zbase);
        return base + 1;
    }

    /**
     * Runs a script function's new frame for a CALL in frame f, by recursion on the Java stack
     * (each Python call is one {@link #loop} invocation, which the JIT compiles as a normal
     * method). The callee shares the caller's part of the zero-count table. Returns the
     * callee's result as a counted reference, which the caller pushes.
     */
    private static PyObject invoke(Frame nf, Frame f, ThreadState ts, RefState rs, int zbase) {
        ts.depth++;
        nf.back = f;
        ts.frame = nf;
        try {
            Code code = nf.code;
            PyObject r;
            if (code.jit != null || (++code.hotness > Jit.THRESHOLD && Jit.compile(code))) {
                r = ((JitCode) code.jit).run(nf, ts, rs, zbase);
            } else {
                r = Interpreter.interpret(nf, ts, rs, zbase);
            }
            String bad = nf.badInitResult;
            if (bad != null) throw Exc.typeError("__init__() should return None, not '" + bad + "'");
            return r;
        } finally {
            ts.frame = f;
            ts.depth--;
            nf.release();
        }
    }

    /** An inline __init__ call that did not start: drops the new instance and the call's reference to __init__. */
    private static void dropInit(RefState rs, PyObject initSelf, PyFunction init) {
        if (initSelf == null) return;
        Refs.decref(rs, initSelf);
        Refs.decref(rs, init);
    }

    // ----- slow paths kept out of the loop -------------------------------------------------

    private static String[] kwNames(PyTuple t) {
        String[] r = new String[t.items.length];
        for (int i = 0; i < r.length; i++) r[i] = ((PyStr) t.items[i]).value;
        return r;
    }

    /**
     * Whether self or one of the first three arguments is an instance of a script class, whose
     * dunder method a built-in may run (an exact int's __abs__ is Java code).
     */
    private static boolean scriptInstanceAmong(PyObject self, PyObject[] stack, int off, int n) {
        if (self != null && self.type.heap) return true;
        for (int i = 0; i < n && i < 3; i++) {
            if (stack[off + i].type.heap) return true;
        }
        return false;
    }

    /**
     * A call of a built-in function that passes its arguments to their dunder methods (len(a)
     * calling a.__len__()): the stack holds them while it runs, self first when the function
     * is bound, then the arguments (the first three; see OperandCalls).
     */
    private static PyObject callHoldingOperands(RefState rs, PyObject fn, PyObject self, PyObject[] stack, int argOff,
                                                int arg, int npos, String[] kwnames) {
        // the first three of self (when bound) and the arguments
        int next = self != null ? argOff : argOff + 1, end = argOff + arg;
        PyObject first = self != null ? self : stack[argOff]; // (some argument is a script instance)
        rs.hold(first, next < end ? stack[next] : null, next + 1 < end ? stack[next + 1] : null);
        try {
            return self != null ? callMethodOnStack(fn, self, stack, argOff, arg) : callOnStack(fn, stack, argOff, npos, kwnames);
        } finally {
            rs.unhold();
        }
    }

    /** Calls meth(self, stack[off..off+n)). */
    private static PyObject callMethodOnStack(PyObject meth, PyObject self, PyObject[] stack, int off, int n) {
        if (meth instanceof PyFunction fn) {
            return Interpreter.callFunction(fn, stack, off, n, null, self);
        }
        PyObject[] args = new PyObject[n];
        System.arraycopy(stack, off, args, 0, n);
        if (meth instanceof PyMethodDescr md) {
            if (!self.type.isSubtypeOf(md.owner)) {
                throw Exc.typeError("descriptor '" + md.name + "' for '" + md.owner.name + "' objects doesn't apply to a '"
                        + self.type.name + "' object");
            }
            return md.impl.call(self, args, null);
        }
        PyObject[] all = new PyObject[n + 1];
        all[0] = self;
        System.arraycopy(args, 0, all, 1, n);
        return meth.call(all, null);
    }

    /** Calls f with npos positional values at stack[off..] followed by the keyword values. */
    static PyObject callOnStack(PyObject fn, PyObject[] stack, int off, int npos, String[] kwnames) {
        if (fn instanceof PyFunction pf) return Interpreter.callFunction(pf, stack, off, npos, kwnames, null);
        if (fn instanceof PyMethod m && m.func instanceof PyFunction pf) {
            return Interpreter.callFunction(pf, stack, off, npos, kwnames, m.self);
        }
        int n = npos + (kwnames == null ? 0 : kwnames.length);
        PyObject[] args = new PyObject[n];
        System.arraycopy(stack, off, args, 0, n);
        return fn.call(args, kwnames);
    }
}
