package toy.vm;

import static toy.compile.Opcode.*;

import toy.compile.Code;
import toy.object.*;

/**
 * The instruction bodies that code compiled by {@link Jit} calls: one static method per
 * instruction, taking the frame's arrays and the instruction's stack depth {@code s} (a
 * constant in the compiled code) where the eval loop uses its {@code sp}. Each does exactly
 * what the eval loop's case does, with the same reference counting: an operand stays on the
 * stack until its instruction succeeds, so an exception finds every live reference in
 * {@code stack[0..s)}. The JIT inlines these small methods into the compiled function.
 */
public final class JitOps {
    private JitOps() {}

    /**
     * Returned by the eval loop when it was resuming a compiled frame (after an exception or
     * an instruction the JIT leaves to it) and reaches a loop header: the compiled code goes
     * on from {@code f.pc}.
     */
    static final PyObject RESUME = new PyObject(PyType.OBJECT) {};

    // ----- leaving compiled code for the eval loop ---------------------------------------------

    /**
     * An exception inside compiled code: the eval loop raises it at instruction pc and goes on.
     * The stack slots that held borrowed references when the instruction ran are counted
     * first, since the loop drops whatever the stack holds.
     */
    public static PyObject deopt(JitCode jc, Frame f, ThreadState ts, RefState rs, int zbase, PyException e, int pc) {
        f.pc = pc + 1;
        f.sp = jc.depth[pc];
        long b = jc.borrowed[pc];
        for (int i = 0; b != 0; i++, b >>>= 1) {
            if ((b & 1) != 0) Refs.xincref(f.stack[i]); // (null when the instruction had consumed it)
        }
        return Interpreter.resume(f, ts, e, rs, zbase);
    }

    /** The compiled code ran out of Java stack at instruction pc. */
    public static PyObject overflow(JitCode jc, Frame f, ThreadState ts, RefState rs, int zbase, int pc) {
        return deopt(jc, f, ts, rs, zbase, Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded"), pc);
    }

    /** An instruction the JIT leaves to the eval loop: the loop runs from pc. */
    public static PyObject interpret(JitCode jc, Frame f, ThreadState ts, RefState rs, int zbase, int pc) {
        f.pc = pc;
        f.sp = jc.depth[pc];
        return Interpreter.resume(f, ts, null, rs, zbase);
    }

    /** A backward jump found the eval breaker set: serve it (the GIL may change hands here). */
    public static void breaker(Frame f, ThreadState ts, int pc, int s) {
        f.lasti = pc;
        f.sp = s;
        EvalBreaker.handle(ts, f);
    }

    public static boolean isResume(PyObject r) { return r == RESUME; }

    // ----- the stack ---------------------------------------------------------------------------

    /** Counts the borrowed reference in stack[i]: the slot now owns it like any other. */
    public static void own(PyObject[] stack, int i) {
        Refs.incref(stack[i]);
    }

    public static void popTop(RefState rs, PyObject[] stack, int s, boolean drop) {
        PyObject v = stack[s - 1];
        stack[s - 1] = null;
        if (drop && v != null) Refs.decrefAtOnce(rs, v);
    }

    public static void dupTop(PyObject[] stack, int s) {
        stack[s] = Refs.own(stack[s - 1]);
    }

    public static void dupTopTwo(PyObject[] stack, int s) {
        stack[s] = Refs.own(stack[s - 2]);
        stack[s + 1] = Refs.own(stack[s - 1]);
    }

    /** DUP_TOP of a borrowed slot: the copy borrows too. */
    public static void dupTopBorrowed(PyObject[] stack, int s) {
        stack[s] = stack[s - 1];
    }

    /** DUP_TOP_TWO of two borrowed slots: the copies borrow too. */
    public static void dupTopTwoBorrowed(PyObject[] stack, int s) {
        stack[s] = stack[s - 2];
        stack[s + 1] = stack[s - 1];
    }

    public static void rotTwo(PyObject[] stack, int s) {
        PyObject t = stack[s - 1];
        stack[s - 1] = stack[s - 2];
        stack[s - 2] = t;
    }

    public static void rotThree(PyObject[] stack, int s) {
        PyObject t = stack[s - 1];
        stack[s - 1] = stack[s - 2];
        stack[s - 2] = stack[s - 3];
        stack[s - 3] = t;
    }

    // ----- variables ---------------------------------------------------------------------------

    public static void loadConst(PyObject[] stack, int s, PyObject[] consts, int i) {
        stack[s] = Refs.own(consts[i]);
    }

    /**
     * LOAD_FAST whose value the next instructions consume before the local can change: the
     * slot borrows the local's reference instead of counting one (see {@link Jit}).
     */
    public static void loadFastBorrowed(PyObject[] stack, int s, PyObject[] locals, int i, Code code) {
        PyObject v = locals[i];
        if (v == null) throw Interpreter.unboundLocal(code, i);
        if (Refs.DEBUG) DebugRefs.checkAlive(v, "LOAD_FAST");
        stack[s] = v;
    }

    /** LOAD_CONST borrowing the code object's reference. */
    public static void loadConstBorrowed(PyObject[] stack, int s, PyObject[] consts, int i) {
        stack[s] = consts[i];
    }

    public static void loadFast(PyObject[] stack, int s, PyObject[] locals, int i, Code code) {
        PyObject v = locals[i];
        if (v == null) throw Interpreter.unboundLocal(code, i);
        Refs.incref(v);
        stack[s] = v;
    }

    public static void storeFast(RefState rs, PyObject[] stack, int s, PyObject[] locals, int i) {
        PyObject old = locals[i];
        locals[i] = stack[s - 1];
        stack[s - 1] = null;
        if (old != null) Refs.decrefAtOnce(rs, old);
    }

    public static void loadDeref(Frame f, PyObject[] stack, int s, int i) {
        PyObject v = f.cells[i].value;
        if (v == null) throw Interpreter.unboundDeref(f.code, i);
        Refs.incref(v);
        stack[s] = v;
    }

    public static void storeDeref(RefState rs, Frame f, PyObject[] stack, int s, int i) {
        PyCell cell = f.cells[i];
        PyObject old = cell.value;
        cell.value = stack[s - 1];
        stack[s - 1] = null;
        if (old != null) Refs.decref(rs, old);
    }

    public static void loadClosure(Frame f, PyObject[] stack, int s, int i) {
        stack[s] = Refs.own(f.cells[i]);
    }

    public static void loadGlobal(Frame f, PyObject[] stack, int s, Code code, int pc, int i) {
        PyObject v = Interpreter.loadGlobalCached(code, pc, f, code.names[i]);
        Refs.incref(v);
        stack[s] = v;
    }

    // ----- attributes and items ----------------------------------------------------------------

    public static void loadAttr(RefState rs, PyObject[] stack, int s, Code code, int pc, int i, boolean dropO) {
        PyObject o = stack[s - 1];
        // (an object the slot borrowed is not held: the plain load, which counts it only for a __getattr__)
        PyObject r = dropO ? OperandCalls.getAttr(rs, code, pc, o, code.names[i], true) : AttrCache.load(code, pc, o, code.names[i], false);
        Refs.incref(r);
        stack[s - 1] = r;
        if (dropO) Refs.decref(rs, o);
    }

    /**
     * LOAD_ATTR whose value the slot may borrow from the object (see JitPlan.lendConsumer): one of
     * the object's inline attribute values is pushed uncounted and false is returned; anything
     * else (a dict's value, a descriptor's or __getattr__'s result) is counted as usual and true
     * is returned. The object's slot borrowed its reference, so it is not dropped.
     */
    public static boolean loadAttrBorrowed(RefState rs, PyObject[] stack, int s, Code code, int pc, int i) {
        PyObject o = stack[s - 1];
        PyObject r = AttrCache.loadOwnValue(code, pc, o, code.names[i]);
        if (r != null) {
            stack[s - 1] = r;
            return false;
        }
        r = AttrCache.load(code, pc, o, code.names[i], false);
        Refs.incref(r);
        stack[s - 1] = r;
        return true;
    }

    /** dropV false: the value's slot borrowed it, and the object counts its own; else the slot's reference moves. */
    public static void storeAttr(RefState rs, PyObject[] stack, int s, Code code, int pc, int i, boolean dropO, boolean dropV) {
        PyObject o = stack[s - 1], v = stack[s - 2];
        AttrCache.store(code, pc, o, code.names[i], v, !dropV, dropO);
        stack[s - 1] = null;
        stack[s - 2] = null;
        if (dropO) Refs.decref(rs, o);
    }

    public static void loadMethod(PyObject[] stack, int s, Code code, int pc, int i) {
        AttrCache.loadMethod(code, pc, stack, s, code.names[i]);
    }

    public static void binarySubscr(RefState rs, PyObject[] stack, int s, boolean dropO, boolean dropK) {
        PyObject k = stack[s - 1];
        PyObject o = stack[s - 2];
        replaceTwo(rs, stack, s, OperandCalls.subscript(rs, o, k, dropO, dropK), o, k, dropO, dropK);
    }

    public static void storeSubscr(RefState rs, PyObject[] stack, int s, boolean dropO, boolean dropK) {
        Interpreter.storeSubscript(rs, stack, s, dropO, dropK);
    }

    // ----- operators ---------------------------------------------------------------------------

    /**
     * BINARY_OP (inplace false) and INPLACE_OP where the arithmetic that runs no code could
     * not ({@link #arithDone} got null): through the operands' dunder methods. lend: as
     * arithDone's; returns whether the result was counted.
     */
    public static boolean binaryDunder(RefState rs, PyObject[] stack, int s, int op, boolean inplace, boolean dropA,
                                       boolean dropB, boolean lend) {
        PyObject b = stack[s - 1];
        PyObject a = stack[s - 2];
        PyObject r = OperandCalls.binary(rs, a, b, op, inplace, dropA, dropB);
        // (an instance of a script subclass of a scalar can die observably: see replaceTwo)
        return replaceTwo(rs, stack, s, r, a, b, dropA, dropB, lend && !r.type.heap);
    }

    /** What arithDone and subscrItem return when it could not be done without running code. */
    public static final int NOT_DONE = 2;

    /**
     * BINARY_OP or INPLACE_OP on ints and floats, which runs no code, once the compiled code has
     * computed r from the two operands on top of the stack ({@link toy.object.Arith}, one method
     * per operator, or Ops.arith): returns 1 when the result was counted, 0 when it was left
     * uncounted for its consumer (lend: see JitPlan.lendConsumer), NOT_DONE (nothing done) when
     * r is null, where the operation needs a dunder method, for which the compiled code calls
     * binaryDunder. dropA, dropB: whether the operands' slots own their references (a lent
     * operand's flag).
     */
    public static int arithDone(PyObject r, RefState rs, PyObject[] stack, int s, boolean dropA, boolean dropB,
                                boolean lend) {
        if (r == null) return NOT_DONE;
        return replaceTwo(rs, stack, s, r, stack[s - 2], stack[s - 1], dropA, dropB, lend) ? 1 : 0;
    }

    /**
     * BINARY_SUBSCR of a list or tuple by an int in range, which runs no code: the item, which
     * the sequence holds, is left uncounted for its consumer when lend is set. Returns 1 when
     * the item was counted, 0 when not, NOT_DONE (nothing done) for anything else, for which
     * the compiled code calls binarySubscr.
     */
    public static int subscrItem(RefState rs, PyObject[] stack, int s, boolean dropO, boolean dropK, boolean lend) {
        PyObject k = stack[s - 1];
        PyObject o = stack[s - 2];
        PyObject r = Interpreter.seqItem(o, k);
        if (r == null) return NOT_DONE;
        if (!lend) Refs.incref(r);
        stack[s - 1] = null;
        stack[s - 2] = r;
        // the sequence first, as CPython; if it dies, the drain counts a lent item first
        if (dropO) Refs.decref(rs, o);
        if (dropK) Refs.decref(rs, k);
        return lend ? 0 : 1;
    }

    /** An exception handler of compiled code: the lent value in stack[slot] had been counted (see JitSlots.settleLentSlots). */
    public static void dropLent(RefState rs, PyObject[] stack, int slot) {
        Refs.decref(rs, stack[slot]);
    }

    /**
     * The result r (borrowed) replaces the two operands x (below) and y on top of the stack;
     * the operands' references are dropped unless the slots only borrowed them.
     */
    private static void replaceTwo(RefState rs, PyObject[] stack, int s, PyObject r, PyObject x, PyObject y,
                                   boolean dropX, boolean dropY) {
        replaceTwo(rs, stack, s, r, x, y, dropX, dropY, false);
    }

    /**
     * The same, leaving r uncounted when lend is set and r is not a container; returns whether r
     * was counted. A new result that can die observably is never lent: a container, or an
     * instance of a script's subclass of int, float, str or bytes (Refs.bornScalarInstance).
     * The arithmetic that runs no code (Arith) only makes exact scalars, so only binaryDunder,
     * whose result can be anything, tests for the second kind, rather than every arithmetic
     * result here.
     */
    private static boolean replaceTwo(RefState rs, PyObject[] stack, int s, PyObject r, PyObject x, PyObject y,
                                      boolean dropX, boolean dropY, boolean lend) {
        boolean count = !lend || r instanceof PyContainer;
        if (count) Refs.incref(r);
        stack[s - 1] = null;
        stack[s - 2] = r;
        if (dropX) Refs.decref(rs, x);
        if (dropY) Refs.decref(rs, y);
        return count;
    }

    public static void unaryOp(RefState rs, PyObject[] stack, int s, int op) {
        PyObject a = stack[s - 1];
        PyObject r = OperandCalls.unary(rs, a, op);
        Refs.incref(r);
        stack[s - 1] = r;
        Refs.decref(rs, a);
    }

    public static void unaryNot(RefState rs, PyObject[] stack, int s) {
        PyObject a = stack[s - 1];
        stack[s - 1] = Refs.own(OperandCalls.isTrue(rs, a, true) ? PyBool.FALSE : PyBool.TRUE);
        Refs.decref(rs, a);
    }

    public static void compareOp(RefState rs, PyObject[] stack, int s, int op, boolean dropA, boolean dropB) {
        PyObject b = stack[s - 1];
        PyObject a = stack[s - 2];
        replaceTwo(rs, stack, s, OperandCalls.compare(rs, a, b, op, dropA, dropB), a, b, dropA, dropB);
    }

    /**
     * COMPARE_OP followed by POP_JUMP_IF_FALSE (jumpIfTrue false) or POP_JUMP_IF_TRUE. When the
     * comparison gives True or False: 1 when the jump is taken, else 0, and the operands are
     * gone. Anything else is done as COMPARE_OP does it (the result replaces the operands,
     * which are dropped) and 2 says so: the jump instruction then tests the result.
     */
    public static int compareAndJump(RefState rs, PyObject[] stack, int s, int op, boolean dropA, boolean dropB,
                                     boolean jumpIfTrue) {
        PyObject b = stack[s - 1];
        PyObject a = stack[s - 2];
        PyObject r = OperandCalls.compare(rs, a, b, op, dropA, dropB);
        if (r != PyBool.TRUE && r != PyBool.FALSE) {
            replaceTwo(rs, stack, s, r, a, b, dropA, dropB);
            return 2;
        }
        stack[s - 1] = null;
        stack[s - 2] = null;
        if (dropA) Refs.decref(rs, a);
        if (dropB) Refs.decref(rs, b);
        return (r == PyBool.TRUE) == jumpIfTrue ? 1 : 0;
    }

    public static void isOp(RefState rs, PyObject[] stack, int s, int arg) {
        PyObject b = stack[s - 1];
        PyObject a = stack[s - 2];
        stack[s - 1] = null;
        stack[s - 2] = Refs.own(PyBool.of((a == b) ^ (arg == 1)));
        Refs.decref(rs, a);
        Refs.decref(rs, b);
    }

    public static void containsOp(RefState rs, PyObject[] stack, int s, int arg) {
        PyObject b = stack[s - 1];
        PyObject a = stack[s - 2];
        boolean r = OperandCalls.contains(rs, b, a);
        stack[s - 1] = null;
        stack[s - 2] = Refs.own(PyBool.of(r ^ (arg == 1)));
        Refs.decref(rs, a);
        Refs.decref(rs, b);
    }

    // ----- jumps: each returns true when the jump is taken ----------------------------------

    public static boolean popJumpIfFalse(RefState rs, PyObject[] stack, int s, boolean drop) {
        PyObject v = stack[s - 1];
        boolean jump = !OperandCalls.isTrue(rs, v, drop);
        stack[s - 1] = null;
        if (drop) Refs.decref(rs, v);
        return jump;
    }

    public static boolean popJumpIfTrue(RefState rs, PyObject[] stack, int s, boolean drop) {
        PyObject v = stack[s - 1];
        boolean jump = OperandCalls.isTrue(rs, v, drop);
        stack[s - 1] = null;
        if (drop) Refs.decref(rs, v);
        return jump;
    }

    /** POP_JUMP_IF_NONE (none true) and POP_JUMP_IF_NOT_NONE. */
    public static boolean popJumpIfNone(RefState rs, PyObject[] stack, int s, boolean none) {
        PyObject v = stack[s - 1];
        stack[s - 1] = null;
        Refs.decref(rs, v);
        return (v == Py.None) == none;
    }

    /** JUMP_IF_FALSE_OR_POP (whenTrue false) and JUMP_IF_TRUE_OR_POP. */
    public static boolean jumpOrPop(RefState rs, PyObject[] stack, int s, boolean whenTrue) {
        if (OperandCalls.isTrue(rs, stack[s - 1], true) == whenTrue) return true;
        PyObject v = stack[s - 1];
        stack[s - 1] = null;
        Refs.decref(rs, v);
        return false;
    }

    public static boolean jumpIfNotExcMatch(RefState rs, PyObject[] stack, int s) {
        PyObject type = stack[s - 1];
        stack[s - 1] = null;
        try {
            return !Raise.matches((PyBaseException) stack[s - 2], type);
        } finally {
            Refs.decref(rs, type);
        }
    }

    // ----- iteration and building ---------------------------------------------------------------

    public static void getIter(RefState rs, PyObject[] stack, int s) {
        PyObject o = stack[s - 1];
        stack[s - 1] = OperandCalls.iterOwned(rs, o);
        Refs.decref(rs, o);
    }

    /** FOR_ITER: true when the iterator is exhausted (and popped), the jump out of the loop. */
    public static boolean forIter(RefState rs, PyObject[] stack, int s) {
        PyObject v = OperandCalls.iterNext(rs, stack[s - 1]);
        if (v != null) {
            stack[s] = v;
            return false;
        }
        PyObject it = stack[s - 1];
        stack[s - 1] = null;
        OperandCalls.dropExhausted(rs, it);
        return true;
    }

    public static void buildTuple(PyObject[] stack, int s, int n) {
        Interpreter.buildTuple(stack, s, n);
    }

    public static void buildList(PyObject[] stack, int s, int n) {
        Interpreter.buildList(stack, s, n);
    }

    public static void listAppend(RefState rs, PyObject[] stack, int s, int arg) {
        PyObject v = stack[s - 1];
        stack[s - 1] = null;
        ((PyList) stack[s - 1 - arg]).append(v);
        Refs.decref(rs, v);
    }

    /**
     * FOR_ITER whose item can be lent (see JitPlan.lendConsumer): the item of a list or
     * tuple iterator is left uncounted, since the sequence holds it. Returns 0 when the item was
     * lent, 1 when it was counted (another iterator), EXHAUSTED when the iterator is.
     */
    public static int forIterLent(RefState rs, PyObject[] stack, int s) {
        PyObject it = stack[s - 1];
        if (it.type != SeqIterator.TYPE) return forIter(rs, stack, s) ? EXHAUSTED : 1;
        PyObject v = it.next();
        if (v != null) {
            stack[s] = v;
            return 0;
        }
        stack[s - 1] = null;
        OperandCalls.dropExhausted(rs, it);
        return EXHAUSTED;
    }

    /** forIterLent's result at the end of the loop. */
    public static final int EXHAUSTED = 2;

    /**
     * UNPACK_SEQUENCE: the n items replace the sequence, the first on top. dropSeq: the slot
     * owned its reference (false when it borrowed it from a local or was lent it). lendTop: the
     * first item can be lent (see JitPlan.lendConsumer), and stays uncounted when the
     * sequence is a tuple or list, which holds it. Returns whether the top item was counted.
     */
    public static boolean unpack(Frame f, ThreadState ts, RefState rs, PyObject[] stack, int s, int pc, int n,
                                 boolean dropSeq, boolean lendTop) {
        if (Interpreter.unpackFast(rs, stack, s, n, dropSeq, lendTop)) return !lendTop;
        unpackSlow(f, ts, rs, stack, s, pc, n, dropSeq);
        return true;
    }

    /** Any other iterable: the eval loop's way, with an uncounted sequence counted while its __iter__ runs. */
    private static void unpackSlow(Frame f, ThreadState ts, RefState rs, PyObject[] stack, int s, int pc, int n,
                                   boolean dropSeq) {
        PyObject seq = stack[s - 1];
        f.lasti = pc;
        if (dropSeq) {
            SlowOps.execute(UNPACK_SEQUENCE, n, f, ts, stack, s);
            return;
        }
        Refs.incref(seq);
        try {
            SlowOps.execute(UNPACK_SEQUENCE, n, f, ts, stack, s);
        } catch (Throwable e) {
            // the slot is still uncounted for the deopt, which counts it
            Refs.decref(rs, seq);
            throw e;
        }
    }

    // ----- calls, blocks and the rest --------------------------------------------------------------

    /** CALL, CALL_METHOD and CALL_KW: the result replaces the callable and arguments. */
    public static void call(Frame f, ThreadState ts, RefState rs, int zbase, PyObject[] stack, int s, int pc, int op, int arg) {
        f.lasti = pc;
        Calls.call(f, ts, rs, zbase, stack, s, op, arg);
    }

    /** RETURN_VALUE's result, taken off the stack (the compiled code then ends the frame in line). */
    public static PyObject takeResult(Frame f, PyObject[] stack, int s) {
        PyObject r = stack[s - 1];
        stack[s - 1] = null;
        f.sp = s - 1;
        return r;
    }

    /** RETURN_VALUE of a value the stack slot borrowed from local i: the local's reference moves to the result. */
    public static PyObject takeLocal(Frame f, PyObject[] stack, int s, PyObject[] locals, int i) {
        PyObject r = locals[i];
        locals[i] = null;
        stack[s - 1] = null;
        f.sp = s - 1;
        return r;
    }

    /**
     * What a returning frame gives its caller: r, or for an inline __init__ (the frame's
     * initSelf is set) that returned None, the new instance, whose reference moves to the
     * result; null when an inline __init__ returned something else ({@link #finishInitReturn}
     * then ends the frame).
     */
    public static PyObject initResult(Frame f, PyObject r) {
        PyObject self = f.initSelf;
        if (self == null) return r;
        if (r != Py.None) return null;
        f.initSelf = null;
        return self;
    }

    /** RETURN_VALUE of an inline __init__ that returned something other than None: the eval loop's end raises. */
    public static PyObject finishInitReturn(RefState rs, Frame f, PyObject r) {
        return Interpreter.finishReturn(rs, f, r);
    }

    /** A returning frame drops local i (at once, as Frame.clear does). */
    public static void dropLocal(RefState rs, PyObject[] locals, int i) {
        PyObject v = locals[i];
        if (v != null) {
            locals[i] = null;
            Refs.decrefAtOnce(rs, v);
        }
    }

    /** A returning frame with many locals drops them all, in slot order. */
    public static void dropLocals(RefState rs, Frame f) { f.dropLocals(rs); }

    /** A returning frame drops its cells, then what is left on its stack. */
    public static void dropCellsAndStack(RefState rs, Frame f) { f.dropCellsAndStack(rs); }

    /** A returning frame drops its function, last (as Frame.clear). */
    public static void dropFunc(RefState rs, Frame f) { f.dropFunc(rs); }

    /** YIELD_VALUE: the frame suspends; the next resumption enters at pc + 1. */
    public static PyObject yieldValue(Frame f, PyObject[] stack, int s, int pc) {
        PyObject r = stack[s - 1];
        stack[s - 1] = null;
        f.sp = s - 1;
        f.pc = pc + 1;
        f.lasti = pc;
        f.yielded = true;
        return r;
    }

    public static void setupFinally(Frame f, int handler, int s) { f.pushBlock(handler, s); }

    public static void popBlock(Frame f) { f.nblocks--; }

    public static void raise(PyObject[] stack, int s, int arg) {
        throw Raise.build(arg == 2 ? stack[s - 2] : stack[s - 1], arg == 2 ? stack[s - 1] : null);
    }

    /** An instruction the eval loop also keeps out of line. */
    public static void slow(Frame f, ThreadState ts, PyObject[] stack, int s, int pc, int op, int arg) {
        f.lasti = pc;
        SlowOps.execute(op, arg, f, ts, stack, s);
    }
}
