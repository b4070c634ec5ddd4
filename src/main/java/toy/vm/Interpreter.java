package toy.vm;

import static toy.compile.Opcode.*;

import toy.compile.Code;
import toy.object.*;

/**
 * The eval loop: runs one frame's bytecode until it returns or yields.
 *
 * <p>The hot state (pc, sp, the stack and the locals) lives in Java locals and is written
 * back to the frame only when the frame stops (return, yield, call out for a traceback).
 * Calls between script functions recurse on the Java stack (one loop invocation per Python
 * frame, as CPython up to 3.10, see {@link Calls}); a generator's frame is simply run again
 * to resume it. Slow paths are kept out of the loop in helper methods so that the loop
 * method stays small enough for HotSpot to compile well.
 *
 * <p>Hot code leaves the loop: once a function has been called or has looped often enough,
 * {@link Jit} compiles it to a JVM class, and the loop hands a running loop over to the
 * compiled code at a backward jump. The compiled code hands the frame back to this loop for
 * exceptions and for the few instructions it does not compile ({@link #resume}).
 *
 * <p>Exceptions travel as {@link PyException}. When one reaches a frame, a traceback entry for
 * the frame is added (unless it is being re-raised), then the innermost active block's
 * handler runs with the stack cut back to the block's level and the exception pushed.
 *
 * <p>Reference counting ({@link Refs}): every value on the stack and in a local slot is a
 * counted reference. A push of a value read from somewhere counts a new reference; a pop
 * that consumes a value drops it after the instruction's work is done (so a result taken
 * out of an operand is counted before the operand can die); storing moves the stack's
 * reference into the slot. Values returned by Java code are uncounted and are counted when
 * pushed. At each instruction boundary the thread's zero-count table is drained, which is
 * where objects die; the loop owns the part of the table above the top it saw at entry, and
 * drains it again before handing a value or an exception back to Java code.
 */
public final class Interpreter {
    private Interpreter() {}

    /**
     * Chaos mode (--switch-every-instruction), fixed when the class loads so that the check
     * before each instruction costs nothing in normal runs (the JIT removes it). CPython checks
     * only at backward jumps and calls; this mode makes every instruction boundary a switch point.
     */
    static final boolean CHAOS = Boolean.getBoolean("toy.chaos");

    /**
     * Calls a script function with vectorcall-style arguments (borrowed). The arguments are
     * counted for the duration of the call: Java code often holds them uncounted (a new
     * instance being initialised, a value produced by a builtin, an item borrowed from a list
     * while a key function runs), and the callee dropping its references must not let them die
     * before the caller is done with them. CPython's C code owns such a reference, so the
     * callee sees the same count. The exception is an argument that is one of the running
     * instruction's operands, which its stack holds ({@link RefState#hold}: {@code a + b}
     * calling {@code a.__add__(b)}): CPython's slot calls count nothing extra there, and
     * neither does this. The callee's own instructions start with nothing held.
     */
    public static PyObject callFunction(PyFunction fn, PyObject[] src, int off, int npos, String[] kwnames, PyObject self) {
        Runtime rt = Runtime.get();
        ThreadState ts = ThreadState.current();
        RefState rs = ts.refs;
        PyObject h0 = rs.held0, h1 = rs.held1, h2 = rs.held2;
        int n = npos + (kwnames == null ? 0 : kwnames.length);
        // each held reference spares one argument its count (x + f() where f returns x: the
        // stack holds x once, so only one of the two arguments is spared); self first
        boolean countSelf = self != null && !rs.takeHeld(self);
        if (countSelf) Refs.incref(self);
        long spared = 0; // bit i: argument i is held (arguments beyond 64 are counted)
        for (int i = 0; i < n; i++) {
            if (i < 64 && rs.takeHeld(src[off + i])) spared |= 1L << i;
            else Refs.incref(src[off + i]);
        }
        rs.unhold();
        try {
            Frame f = ArgBinder.bind(fn, self, src, off, npos, kwnames, rt);
            if (fn.code.isGenerator()) return Generators.create(f);
            return execute(f, ts);
        } finally {
            rs.hold(h0, h1, h2);
            for (int i = 0; i < n; i++) {
                if (i >= 64 || (spared & (1L << i)) == 0) Refs.decref(rs, src[off + i]);
            }
            if (countSelf) Refs.decref(rs, self);
        }
    }

    /** Runs a new frame to completion (not for generators); the result is uncounted. */
    public static PyObject execute(Frame f, ThreadState ts) {
        if (++ts.depth > ThreadState.recursionLimit) {
            ts.depth--;
            f.clearRefs(); // the frame never runs: drop the arguments it counted
            throw Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded");
        }
        Frame caller = ts.frame;
        f.back = caller;
        ts.frame = f;
        try {
            PyObject r = run(f, ts, null, false);
            f.release();
            return r;
        } finally {
            ts.frame = caller;
            ts.depth--;
        }
    }

    /**
     * Runs or resumes a frame. When throwIn is not null it is raised at the current
     * instruction first (generator.throw). Returns the return value, or the yielded value with
     * {@code f.yielded} set: uncounted (floating in the caller's zero-count table), or, when
     * owned is true, as a counted reference the caller takes over.
     */
    static PyObject run(Frame f, ThreadState ts, PyException throwIn, boolean owned) {
        final RefState rs = ts.refs;
        final int zbase = rs.mark();
        PyObject r;
        Code code = f.code;
        try {
            if (throwIn == null && (f.pc == 0 || code.isGenerator())
                    && (code.jit != null || (++code.hotness > Jit.THRESHOLD && Jit.compile(code)))) {
                r = ((JitCode) code.jit).run(f, ts, rs, zbase);
            } else {
                r = loop(f, ts, throwIn, rs, zbase, false);
            }
        } catch (PyException e) {
            Refs.drain(rs, zbase);
            throw e;
        }
        if (rs.pending(zbase)) Refs.drain(rs, zbase);
        if (!owned) Refs.decref(rs, r);
        return r;
    }

    /**
     * The loop proper. A value it returns to Java code (return or yield) is handed over as
     * uncounted: the loop's reference is dropped after the final drain in {@link #run}, so the
     * value stays alive in the zero-count table of the caller's instruction.
     */
    private static PyObject loop(Frame f, ThreadState ts, PyException throwIn, RefState rs, int zbase, boolean fromJit) {
        Code code = f.code;
        int[] instrs = code.code;
        PyObject[] consts = code.consts;
        PyStr[] names = code.names;
        PyObject[] stack = f.stack;
        PyObject[] locals = f.locals;
        final Runtime rt = Runtime.get();
        int pc = f.pc;
        int sp = f.sp;
        f.yielded = false;
        PyException pending = throwIn;
        boolean reraise = false;
        handover:
        for (;;) {
            try {
                if (pending != null) {
                    PyException p = pending;
                    pending = null;
                    throw p;
                }
                for (;;) {
                    if (rs.pending(zbase)) Refs.drain(rs, zbase);
                    if (CHAOS && ts.evalBreaker != 0) {
                        // chaos mode: a safe point before every instruction, so a GIL switch can
                        // fall between the load and the store of counter += 1
                        f.lasti = pc;
                        f.sp = sp;
                        EvalBreaker.handle(ts, f);
                    }
                    int ins = instrs[pc++];
                    int arg = ins >>> 8;
                    if (Refs.DEBUG) DebugRefs.op = toy.compile.Opcode.NAMES[ins & 0xFF];
                    switch (ins & 0xFF) {
                        case NOP:
                            break;
                        case POP_TOP: {
                            PyObject v = stack[--sp];
                            stack[sp] = null;
                            if (v != null) Refs.decrefAtOnce(rs, v);
                            break;
                        }
                        case DUP_TOP:
                            stack[sp] = Refs.own(stack[sp - 1]);
                            sp++;
                            break;
                        case DUP_TOP_TWO:
                            stack[sp] = Refs.own(stack[sp - 2]);
                            stack[sp + 1] = Refs.own(stack[sp - 1]);
                            sp += 2;
                            break;
                        case ROT_TWO: {
                            PyObject t = stack[sp - 1];
                            stack[sp - 1] = stack[sp - 2];
                            stack[sp - 2] = t;
                            break;
                        }
                        case ROT_THREE: {
                            PyObject t = stack[sp - 1];
                            stack[sp - 1] = stack[sp - 2];
                            stack[sp - 2] = stack[sp - 3];
                            stack[sp - 3] = t;
                            break;
                        }
                        case LOAD_CONST:
                            stack[sp++] = Refs.own(consts[arg]);
                            break;
                        case LOAD_FAST: {
                            PyObject v = locals[arg];
                            if (v == null) throw unboundLocal(code, arg);
                            Refs.incref(v);
                            stack[sp++] = v;
                            break;
                        }
                        case STORE_FAST: {
                            PyObject old = locals[arg];
                            locals[arg] = stack[--sp];
                            stack[sp] = null;
                            if (old != null) Refs.decrefAtOnce(rs, old);
                            break;
                        }
                        case LOAD_DEREF: {
                            PyObject v = f.cells[arg].value;
                            if (v == null) throw unboundDeref(code, arg);
                            Refs.incref(v);
                            stack[sp++] = v;
                            break;
                        }
                        case STORE_DEREF: {
                            PyCell cell = f.cells[arg];
                            PyObject old = cell.value;
                            cell.value = stack[--sp];
                            stack[sp] = null;
                            if (old != null) Refs.decref(rs, old);
                            break;
                        }
                        case LOAD_CLOSURE:
                            stack[sp++] = Refs.own(f.cells[arg]);
                            break;
                        case LOAD_GLOBAL: {
                            PyObject v = loadGlobalCached(code, pc - 1, f, names[arg]);
                            Refs.incref(v);
                            stack[sp++] = v;
                            break;
                        }
                        case LOAD_NAME:
                            stack[sp++] = Refs.own(loadName(f, names[arg]));
                            break;
                        case STORE_NAME: {
                            PyObject v = stack[--sp];
                            stack[sp] = null;
                            f.localsDict.put(names[arg], v);
                            Refs.decref(rs, v);
                            break;
                        }
                        case LOAD_ATTR: {
                            PyObject o = stack[sp - 1];
                            PyObject r = OperandCalls.getAttr(rs, code, pc - 1, o, names[arg], true);
                            Refs.incref(r);
                            stack[sp - 1] = r;
                            Refs.decref(rs, o);
                            break;
                        }
                        case STORE_ATTR: {
                            PyObject o = stack[sp - 1], v = stack[sp - 2];
                            AttrCache.store(code, pc - 1, o, names[arg], v, false, true); // v's reference moves
                            sp -= 2;
                            stack[sp] = null;
                            stack[sp + 1] = null;
                            Refs.decref(rs, o);
                            break;
                        }
                        case LOAD_METHOD:
                            AttrCache.loadMethod(code, pc - 1, stack, sp, names[arg]);
                            sp++;
                            break;
                        case CALL_METHOD:
                        case CALL:
                        case CALL_KW:
                            f.lasti = pc - 1;
                            sp = Calls.call(f, ts, rs, zbase, stack, sp, ins & 0xFF, arg);
                            break;
                        case BINARY_SUBSCR: {
                            // operands stay on the stack until the result exists: an exception
                            // unwinding the frame must still find (and drop) them
                            PyObject k = stack[sp - 1];
                            PyObject o = stack[sp - 2];
                            PyObject r = OperandCalls.subscript(rs, o, k, true, true);
                            Refs.incref(r);
                            stack[--sp] = null;
                            stack[sp - 1] = r;
                            Refs.decref(rs, o); // the container first, as CPython
                            Refs.decref(rs, k);
                            break;
                        }
                        case STORE_SUBSCR:
                            storeSubscript(rs, stack, sp, true, true);
                            sp -= 3;
                            break;
                        case BINARY_OP:
                        case INPLACE_OP: {
                            // numbers are immutable, so the in-place form of an operation on exact ints
                            // and floats is the binary one; everything else takes the general path
                            PyObject b = stack[sp - 1];
                            PyObject a = stack[sp - 2];
                            PyObject r = Ops.arith(a, b, arg);
                            if (r == null) r = OperandCalls.binary(rs, a, b, arg, (ins & 0xFF) == INPLACE_OP, true, true);
                            Refs.incref(r);
                            stack[--sp] = null;
                            stack[sp - 1] = r;
                            Refs.decref(rs, a);
                            Refs.decref(rs, b);
                            break;
                        }
                        case UNARY_OP: {
                            PyObject a = stack[sp - 1];
                            PyObject r = OperandCalls.unary(rs, a, arg);
                            Refs.incref(r);
                            stack[sp - 1] = r;
                            Refs.decref(rs, a);
                            break;
                        }
                        case UNARY_NOT: {
                            PyObject a = stack[sp - 1];
                            stack[sp - 1] = Refs.own(OperandCalls.isTrue(rs, a, true) ? PyBool.FALSE : PyBool.TRUE);
                            Refs.decref(rs, a);
                            break;
                        }
                        case COMPARE_OP: {
                            PyObject b = stack[sp - 1];
                            PyObject a = stack[sp - 2];
                            PyObject r = OperandCalls.compare(rs, a, b, arg, true, true);
                            Refs.incref(r);
                            stack[--sp] = null;
                            stack[sp - 1] = r;
                            Refs.decref(rs, a);
                            Refs.decref(rs, b);
                            break;
                        }
                        case IS_OP: {
                            PyObject b = stack[--sp];
                            stack[sp] = null;
                            PyObject a = stack[sp - 1];
                            stack[sp - 1] = Refs.own(PyBool.of((a == b) ^ (arg == 1)));
                            Refs.decref(rs, a);
                            Refs.decref(rs, b);
                            break;
                        }
                        case CONTAINS_OP: {
                            PyObject b = stack[sp - 1];
                            PyObject a = stack[sp - 2];
                            boolean r = OperandCalls.contains(rs, b, a);
                            stack[--sp] = null;
                            stack[sp - 1] = Refs.own(PyBool.of(r ^ (arg == 1)));
                            Refs.decref(rs, a);
                            Refs.decref(rs, b);
                            break;
                        }
                        case JUMP:
                            pc = arg;
                            break;
                        case JUMP_BACKWARD:
                            if (EvalBreaker.ENABLED && ts.evalBreaker != 0) {
                                // a safe point: the GIL may change hands, Ctrl-C may raise here
                                f.lasti = pc - 1;
                                f.sp = sp;
                                EvalBreaker.handle(ts, f);
                            }
                            pc = arg;
                            if (code.jit != null || ++code.hotness > Jit.THRESHOLD) {
                                // a hot loop: the compiled code takes the frame over at the loop header
                                f.pc = pc;
                                f.sp = sp;
                                if (code.jit != null || Jit.compile(code)) {
                                    if (fromJit) return JitOps.RESUME;
                                    break handover;
                                }
                            }
                            break;
                        case POP_JUMP_IF_FALSE: {
                            PyObject v = stack[sp - 1];
                            boolean jump = !OperandCalls.isTrue(rs, v, true);
                            stack[--sp] = null;
                            if (jump) pc = arg;
                            Refs.decref(rs, v);
                            break;
                        }
                        case POP_JUMP_IF_TRUE: {
                            PyObject v = stack[sp - 1];
                            boolean jump = OperandCalls.isTrue(rs, v, true);
                            stack[--sp] = null;
                            if (jump) pc = arg;
                            Refs.decref(rs, v);
                            break;
                        }
                        case POP_JUMP_IF_NONE: {
                            PyObject v = stack[--sp];
                            stack[sp] = null;
                            if (v == Py.None) pc = arg;
                            Refs.decref(rs, v);
                            break;
                        }
                        case POP_JUMP_IF_NOT_NONE: {
                            PyObject v = stack[--sp];
                            stack[sp] = null;
                            if (v != Py.None) pc = arg;
                            Refs.decref(rs, v);
                            break;
                        }
                        case JUMP_IF_FALSE_OR_POP:
                            if (!OperandCalls.isTrue(rs, stack[sp - 1], true)) {
                                pc = arg;
                            } else {
                                PyObject v = stack[--sp];
                                stack[sp] = null;
                                Refs.decref(rs, v);
                            }
                            break;
                        case JUMP_IF_TRUE_OR_POP:
                            if (OperandCalls.isTrue(rs, stack[sp - 1], true)) {
                                pc = arg;
                            } else {
                                PyObject v = stack[--sp];
                                stack[sp] = null;
                                Refs.decref(rs, v);
                            }
                            break;
                        case GET_ITER: {
                            PyObject o = stack[sp - 1];
                            stack[sp - 1] = OperandCalls.iterOwned(rs, o);
                            Refs.decref(rs, o);
                            break;
                        }
                        case FOR_ITER: {
                            PyObject v = OperandCalls.iterNext(rs, stack[sp - 1]);
                            if (v != null) {
                                stack[sp++] = v;
                            } else {
                                PyObject it = stack[--sp];
                                stack[sp] = null;
                                OperandCalls.dropExhausted(rs, it);
                                pc = arg;
                            }
                            break;
                        }
                        case UNPACK_SEQUENCE:
                            if (!unpackFast(rs, stack, sp, arg)) {
                                f.lasti = pc - 1;
                                SlowOps.execute(UNPACK_SEQUENCE, arg, f, ts, stack, sp);
                            }
                            sp += arg - 1;
                            break;
                        case BUILD_TUPLE:
                            buildTuple(stack, sp, arg);
                            sp += 1 - arg;
                            break;
                        case BUILD_LIST:
                            buildList(stack, sp, arg);
                            sp += 1 - arg;
                            break;
                        case LIST_APPEND: {
                            PyObject v = stack[--sp];
                            stack[sp] = null;
                            ((PyList) stack[sp - arg]).append(v);
                            Refs.decref(rs, v);
                            break;
                        }
                        case RETURN_VALUE: {
                            PyObject r = stack[--sp];
                            stack[sp] = null;
                            f.sp = sp;
                            f.pc = pc;
                            return finishReturn(rs, f, r);
                        }
                        case YIELD_VALUE: {
                            PyObject r = stack[--sp];
                            stack[sp] = null;
                            f.sp = sp;
                            f.pc = pc;
                            f.lasti = pc - 1;
                            f.yielded = true;
                            return r;
                        }
                        case YIELD_FROM: {
                            f.lasti = pc - 1;
                            PyObject v = stack[--sp];
                            stack[sp] = null;
                            PyObject sub = stack[sp - 1];
                            PyObject[] out = new PyObject[1];
                            boolean yielded;
                            try {
                                yielded = Generators.delegate(sub, v, out);
                            } finally {
                                Refs.decref(rs, v);
                            }
                            if (yielded) {
                                // the sub-iterator yielded: suspend here, re-run YIELD_FROM on resume;
                                // the value is handed on uncounted, so count one to balance run()'s drop
                                f.sp = sp;
                                f.pc = pc - 1;
                                f.yielded = true;
                                return Refs.own(out[0]);
                            }
                            Refs.incref(out[0]);
                            stack[sp - 1] = out[0];
                            Refs.decref(rs, sub);
                            break;
                        }
                        case SETUP_FINALLY:
                            f.pushBlock(arg, sp);
                            break;
                        case POP_BLOCK:
                            f.nblocks--;
                            break;
                        case JUMP_IF_NOT_EXC_MATCH: {
                            PyObject type = stack[--sp];
                            stack[sp] = null;
                            try {
                                if (!Raise.matches((PyBaseException) stack[sp - 1], type)) pc = arg;
                            } finally {
                                Refs.decref(rs, type);
                            }
                            break;
                        }
                        case RAISE_VARARGS:
                            if (arg == 0) {
                                if (ts.handled == null) throw Exc.runtimeError("No active exception to reraise");
                                reraise = true;
                                throw new PyException(ts.handled);
                            }
                            throw Raise.build(arg == 2 ? stack[sp - 2] : stack[sp - 1], arg == 2 ? stack[sp - 1] : null);
                        case RERAISE: {
                            PyObject exc = stack[--sp];
                            stack[sp] = null;
                            reraise = true;
                            PyException ex = new PyException((PyBaseException) exc);
                            Refs.decref(rs, exc);
                            throw ex;
                        }
                        case END_ASYNC_FOR: {
                            PyBaseException exc = (PyBaseException) stack[sp - 1];
                            PyObject prev = stack[sp - 2];
                            ts.setHandled(prev == Py.None ? null : (PyBaseException) prev);
                            if (!exc.type.isSubtypeOf(Exc.StopAsyncIteration)) {
                                reraise = true;
                                throw new PyException(exc);
                            }
                            sp -= 3;
                            for (int i = sp; i < sp + 3; i++) {
                                PyObject v = stack[i];
                                stack[i] = null;
                                Refs.decref(rs, v);
                            }
                            break;
                        }
                        default:
                            f.lasti = pc - 1;
                            sp = SlowOps.execute(ins & 0xFF, arg, f, ts, stack, sp);
                            break;
                    }
                }
            } catch (PyException e) {
                if (!reraise) {
                    Raise.addTraceback(e.value, code, f, pc - 1, ts);
                }
                reraise = false;
                if (f.nblocks == 0) {
                    f.pc = pc;
                    f.sp = sp;
                    f.exitInto(e.value.traceback);
                    throw e;
                }
                int b = --f.nblocks;
                int level = f.blockLevel[b];
                dropSlots(rs, stack, level, sp);
                sp = level;
                stack[sp++] = Refs.own(e.value);
                rs.caught();
                pc = f.blockHandler[b];
            } catch (StackOverflowError e) {
                pending = Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded");
            }
        }
        // outside the handlers above: an exception from the compiled code has been through this
        // frame's handlers already (in the loop invocation that took it back)
        return ((JitCode) code.jit).run(f, ts, rs, zbase);
    }

    /** Runs a new frame of a called script function in the eval loop (see {@link Calls#invoke}). */
    static PyObject interpret(Frame f, ThreadState ts, RefState rs, int zbase) {
        return loop(f, ts, null, rs, zbase, false);
    }

    /**
     * The eval loop taking over a compiled frame at f.pc (see {@link JitOps#deopt}): raises
     * throwIn there first when it is not null. Returns the frame's result, or
     * {@link JitOps#RESUME} when it reaches a loop header, where the compiled code goes on.
     */
    static PyObject resume(Frame f, ThreadState ts, PyException throwIn, RefState rs, int zbase) {
        return loop(f, ts, throwIn, rs, zbase, true);
    }

    /** RETURN_VALUE's end: an inline __init__ gives its instance; the frame drops its references. */
    static PyObject finishReturn(RefState rs, Frame f, PyObject r) {
        if (f.initSelf != null) {
            if (r != Py.None) {
                // CPython's type_call raises this once __init__ has returned: the frame ends as
                // usual, the result and then the new instance are dropped, and the caller
                // raises (Calls.invoke), so the traceback does not show __init__
                PyObject self = f.initSelf;
                f.initSelf = null;
                f.badInitResult = r.type.name;
                f.clearRefsAtReturn(rs);
                Refs.decrefAtOnce(rs, r);
                Refs.decrefAtOnce(rs, self);
                return Py.None;
            }
            Refs.decref(rs, r);
            r = f.initSelf;
            f.initSelf = null;
        }
        f.clearRefsAtReturn(rs);
        return r;
    }

    /** LOAD_GLOBAL through the instruction's cache (valid while the dicts' versions hold). */
    static PyObject loadGlobalCached(Code code, int at, Frame f, PyStr name) {
        PyDict g = f.globals;
        if (code.icVersion[at] == g.version) {
            if (code.icAux[at] == 0) return g.valueAt(code.icIndex[at]);
            if (code.icAux[at] == f.builtins.version) return f.builtins.valueAt(code.icIndex[at]);
        }
        return loadGlobal(code, at, f, name);
    }

    /**
     * o[k] (borrowed) when o is an exact list or tuple and k an int in range, found without
     * running any code; else null (getItem then raises the IndexError or calls __getitem__).
     */
    static PyObject seqItem(PyObject o, PyObject k) {
        if (!(k instanceof PyInt i) || !i.isSmall()) return null;
        PyObject[] items;
        int n;
        if (o.type == PyList.TYPE) {
            items = ((PyList) o).items;
            n = ((PyList) o).size;
        } else if (o.type == PyTuple.TYPE) {
            items = ((PyTuple) o).items;
            n = items.length;
        } else {
            return null;
        }
        long idx = i.value < 0 ? i.value + n : i.value;
        return idx >= 0 && idx < n ? items[(int) idx] : null;
    }

    /**
     * STORE_SUBSCR on ( v o k ) at stack[sp-3..sp): o[k] = v, then the three slots are
     * cleared; o and k are dropped unless the slots only borrowed them (compiled code).
     */
    static void storeSubscript(RefState rs, PyObject[] stack, int sp, boolean dropO, boolean dropK) {
        PyObject k = stack[sp - 1], o = stack[sp - 2], v = stack[sp - 3];
        if (o instanceof PyList l && k instanceof PyInt i && i.isSmall() && o.type == PyList.TYPE
                && i.value >= 0 && i.value < l.size) {
            // the stack's reference to v moves into the list
            PyObject old = l.items[(int) i.value];
            l.items[(int) i.value] = v;
            Refs.decref(rs, old);
        } else {
            OperandCalls.setItem(rs, o, k, v, dropO, dropK);
            Refs.decref(rs, v);
        }
        stack[sp - 3] = stack[sp - 2] = stack[sp - 1] = null;
        if (dropO) Refs.decref(rs, o); // the container first, as CPython
        if (dropK) Refs.decref(rs, k);
    }

    /**
     * UNPACK_SEQUENCE of an exact tuple or list of the right length; false (nothing done) for
     * anything else, which the out-of-line path handles.
     */
    static boolean unpackFast(RefState rs, PyObject[] stack, int sp, int n) {
        return unpackFast(rs, stack, sp, n, true, false);
    }

    /**
     * The same for compiled code: dropSeq false when the slot did not own the sequence's
     * reference; lendTop: the first item, which the sequence holds, is left uncounted (see
     * JitPlan.lendConsumer).
     */
    static boolean unpackFast(RefState rs, PyObject[] stack, int sp, int n, boolean dropSeq, boolean lendTop) {
        PyObject seq = stack[sp - 1];
        PyObject[] items;
        if (seq.type == PyTuple.TYPE && ((PyTuple) seq).items.length == n) items = ((PyTuple) seq).items;
        else if (seq.type == PyList.TYPE && ((PyList) seq).size == n) items = ((PyList) seq).items;
        else return false;
        // the items are counted before the sequence can die
        for (int i = lendTop ? 1 : 0; i < n; i++) Refs.incref(items[i]);
        stack[--sp] = null;
        for (int i = n - 1; i >= 0; i--) stack[sp++] = items[i];
        if (dropSeq) Refs.decref(rs, seq);
        return true;
    }

    /** BUILD_TUPLE: the tuple takes over the references of stack[sp-n..sp). */
    static void buildTuple(PyObject[] stack, int sp, int n) {
        PyObject[] items = new PyObject[n];
        sp -= n;
        System.arraycopy(stack, sp, items, 0, n);
        for (int i = 0; i < n; i++) stack[sp + i] = null;
        stack[sp] = Refs.own(PyTuple.adopt(items));
    }

    /** BUILD_LIST: the list takes over the references of stack[sp-n..sp). */
    static void buildList(PyObject[] stack, int sp, int n) {
        PyObject[] items = new PyObject[Math.max(n, 4)];
        sp -= n;
        System.arraycopy(stack, sp, items, 0, n);
        for (int i = 0; i < n; i++) stack[sp + i] = null;
        stack[sp] = Refs.own(PyList.adopt(items, n));
    }

    /** Clears stack[from..to), dropping the references the slots held. */
    static void dropSlots(RefState rs, PyObject[] stack, int from, int to) {
        for (int i = from; i < to; i++) {
            PyObject v = stack[i];
            stack[i] = null;
            if (v != null) Refs.decref(rs, v);
        }
    }

    static PyException unboundLocal(Code code, int slot) {
        String n = code.varnames[slot];
        PyBaseException e = Exc.instance(Exc.UnboundLocalError,
                "cannot access local variable '" + n + "' where it is not associated with a value");
        e.dictPut("name", PyStr.of(n));
        return new PyException(e);
    }

    static PyException unboundDeref(Code code, int i) {
        if (i < code.cellvars.length) return unboundLocal2(code.cellvars[i]);
        String n = code.freevars[i - code.cellvars.length];
        return Exc.raise(Exc.NameError,
                "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
    }

    private static PyException unboundLocal2(String n) {
        return Exc.raise(Exc.UnboundLocalError,
                "cannot access local variable '" + n + "' where it is not associated with a value");
    }

    /** LOAD_GLOBAL's slow path: looks the name up and fills the instruction's cache. */
    private static PyObject loadGlobal(Code code, int at, Frame f, PyStr n) {
        PyDict g = f.globals;
        int ix = g.indexOf(n);
        if (ix >= 0) {
            code.icVersion[at] = g.version;
            code.icAux[at] = 0;
            code.icIndex[at] = ix;
            return g.valueAt(ix);
        }
        PyDict b = f.builtins;
        ix = b.indexOf(n);
        if (ix < 0) throw Exc.nameError(n.value);
        code.icVersion[at] = g.version;
        code.icAux[at] = b.version;
        code.icIndex[at] = ix;
        return b.valueAt(ix);
    }

    private static PyObject loadName(Frame f, PyStr n) {
        PyObject v = f.localsDict.getStr(n);
        if (v != null) return v;
        v = f.globals.getStr(n);
        if (v != null) return v;
        v = f.builtins.getStr(n);
        if (v != null) return v;
        throw Exc.nameError(n.value);
    }
}
