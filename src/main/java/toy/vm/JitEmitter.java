package toy.vm;

import static toy.compile.Opcode.*;
import static toy.vm.Jit.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import toy.compile.Code;
import toy.object.Refs;

/**
 * Writes the run method of one code object for the JIT ({@link Jit}, whose notes explain the
 * design), and the methods of its regions (below): an entry switch, one call of a {@link
 * JitOps} method per instruction, JVM jumps, the zero-count table drained at instruction
 * boundaries. What it knows of the stack slots that borrow their references or were lent them,
 * and the code that settles them, is in {@link JitSlots}.
 */
final class JitEmitter extends JitSlots {
    /** The class being written. */
    private final ClassWriter cw;
    private final String className;
    private final int[] ins, depth;
    private final Label[] at;
    private final Label loop = new Label();
    /** Output: the borrowed slots while each instruction runs. */
    private final long[] borrowedAt;
    /** The frame's local slots, and whether it has cells: a return drops them in line. */
    private final int nlocals;
    private final boolean hasCells;

    JitEmitter(ClassWriter cw, String className, MethodVisitor mv, Code code, int[] depth, long[] borrowedAt) {
        super(mv, new JitPlan(code, depth));
        this.cw = cw;
        this.className = className;
        this.ins = code.code;
        this.depth = depth;
        this.borrowedAt = borrowedAt;
        this.nlocals = code.varnames.length;
        this.hasCells = code.cellvars.length + code.freevars.length > 0;
        this.at = new Label[ins.length + 1];
        for (int i = 0; i <= ins.length; i++) at[i] = new Label();
    }

    void method() {
        // the frame's arrays in locals, then the entry switch inside the one try block
        copyField(F, "toy/vm/Frame", "stack", POA, STACK);
        copyField(F, "toy/vm/Frame", "locals", POA, LOCALS);
        copyField(F, "toy/vm/Frame", "code", CODE, CODEV);
        copyField(CODEV, "toy/compile/Code", "consts", POA, CONSTS);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        load(F);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitFieldInsn(Opcodes.PUTFIELD, "toy/vm/Frame", "yielded", "Z");
        initLocals();
        Label tryStart = new Label(), tryEnd = new Label(), onPy = new Label(), onOverflow = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, onPy, "toy/object/PyException");
        mv.visitTryCatchBlock(tryStart, tryEnd, onOverflow, "java/lang/StackOverflowError");
        mv.visitLabel(loop);
        mv.visitLabel(tryStart);
        entrySwitch();
        for (int pc = 0; pc < ins.length; pc++) {
            // every way into a jump target arrives with all slots owning their references
            if (plan.target[pc]) ownAll();
            mv.visitLabel(at[pc]);
            if (depth[pc] < 0) continue;
            if (plan.regionEnd[pc] > 0) {
                region(pc, plan.regionEnd[pc]);
                pc = plan.regionEnd[pc] - 1;
            } else if (plan.fusesWithNext(pc)) {
                compareAndJump(pc);
                pc++; // the jump was compiled with the comparison
                mv.visitLabel(at[pc]);
            } else {
                instruction(pc);
            }
        }
        mv.visitLabel(at[ins.length]);
        interpret(-1); // never reached: the last instruction returns or jumps
        mv.visitLabel(tryEnd);
        // an exception: the eval loop raises it at the failed instruction, unless it came out of
        // the eval loop itself (PC < 0), which has been through this frame's handlers already
        mv.visitLabel(onPy);
        handlerStart();
        load(RESULT);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "toy/object/PyException");
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        call("deopt", "(" + JC + FRAME + TS + RS + "ILtoy/object/PyException;I)" + PO);
        resultOrResume();
        mv.visitLabel(onOverflow);
        handlerStart();
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        call("overflow", "(" + JC + FRAME + TS + RS + "II)" + PO);
        resultOrResume();
    }

    // ----- regions --------------------------------------------------------------------------
    //
    // HotSpot inlines into one compilation only so much bytecode (8000 bytes, counting the
    // method's own), and a long function's run method passes that on its own: beyond it, every
    // instruction's JitOps method stays a call, and which ones did get inlined depended on
    // where the JVM's on-stack replacement entered the loop (nbody's advance: 4400 bytes, its
    // time varying by 10% from run to run). So a long function's straight-line stretches go
    // into methods of their own, regions, each compiled with its own inlining budget; run
    // calls them, keeping the jumps, the entry switch and the handlers. A region has the same
    // local variables as run (the frame's arrays and the zero-count table's base arrive as
    // arguments), so its instructions are written exactly as they would be in run, and the
    // stack slots' borrowed states carry over, being static. A region holds no jump target but
    // its first instruction and no jump, return, yield or instruction left to the eval loop,
    // and it never separates a lent value from its consumer. An exception in a region settles
    // the region's lent slots, leaves the failing pc in Frame.lasti, and goes on to run's
    // handler, which reads it there (run's PC holds IN_REGION meanwhile).

    /** run's PC while a region runs: the failing pc is in Frame.lasti. */
    private static final int IN_REGION = Integer.MAX_VALUE;
    private static final String REGION_DESC = "(" + FRAME + TS + RS + "I" + POA + POA + POA + CODE + ")V";

    /** Writes the region [start, end) as a method of its own, and its call into run. */
    private void region(int start, int end) {
        iconst(IN_REGION);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        load(THIS);
        args(F, T, R);
        load(ZBASE);
        args(STACK, LOCALS, CONSTS, CODEV);
        String name = "jitRegion" + start;
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, className, name, REGION_DESC, false);
        MethodVisitor run = mv;
        mv = cw.visitMethod(Opcodes.ACC_PRIVATE, name, REGION_DESC, null, null);
        mv.visitCode();
        iconst(start);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        initLocals();
        Label tryStart = new Label(), tryEnd = new Label(), handler = new Label();
        // (PyException and StackOverflowError, which run's handlers take; anything else is fatal anyway)
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/Throwable");
        mv.visitLabel(tryStart);
        for (int pc = start; pc < end; pc++) instruction(pc);
        mv.visitLabel(tryEnd);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(handler);
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        settleLentSlots();
        load(F);
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        mv.visitFieldInsn(Opcodes.PUTFIELD, "toy/vm/Frame", "lasti", "I");
        load(RESULT);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv = run;
    }

    /** The method's own local variables, which its handlers read, start defined. */
    private void initLocals() {
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, FLAG);
        for (int i = 0; i < 64; i++) {
            if ((plan.lentSlots & (1L << i)) != 0) setFlag(i, 0);
        }
    }

    /** In a run handler: when the exception came out of a region, PC becomes the pc that raised. */
    private void raisedInRegion() {
        Label not = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        iconst(IN_REGION);
        mv.visitJumpInsn(Opcodes.IF_ICMPNE, not);
        load(F);
        field("toy/vm/Frame", "lasti", "I");
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        mv.visitLabel(not);
    }

    /**
     * The start of run's handlers, with the exception on the JVM stack: it goes to RESULT; one
     * from the eval loop is thrown on; PC becomes the failing instruction's, lent counts are
     * settled, and the deopt's first arguments are pushed.
     */
    private void handlerStart() {
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        rethrowFromLoop();
        raisedInRegion();
        settleLentSlots();
        loadAll();
    }

    /** In a handler, with the exception in RESULT: throws it on when PC is negative. */
    private void rethrowFromLoop() {
        Label ours = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        mv.visitJumpInsn(Opcodes.IFGE, ours);
        load(RESULT);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(ours);
    }

    /** Jumps to f.pc: the start, a loop header, or anywhere else through the eval loop. */
    private void entrySwitch() {
        java.util.TreeSet<Integer> entries = new java.util.TreeSet<>();
        entries.add(0);
        for (int pc = 0; pc < ins.length; pc++) {
            if ((ins[pc] & 0xFF) == JUMP_BACKWARD && depth[pc] >= 0) entries.add(ins[pc] >>> 8);
            if ((ins[pc] & 0xFF) == YIELD_VALUE && depth[pc] >= 0) entries.add(pc + 1);
        }
        int[] keys = entries.stream().mapToInt(Integer::intValue).toArray();
        Label[] targets = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) targets[i] = at[keys[i]];
        Label other = new Label();
        load(F);
        field("toy/vm/Frame", "pc", "I");
        mv.visitLookupSwitchInsn(other, keys, targets);
        mv.visitLabel(other);
        interpret(-1);
    }

    /** Returns the value on the JVM stack, or re-enters the entry switch when it is RESUME. */
    private void resultOrResume() {
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        load(RESULT);
        call("isResume", "(" + PO + ")Z");
        mv.visitJumpInsn(Opcodes.IFNE, loop);
        load(RESULT);
        mv.visitInsn(Opcodes.ARETURN);
    }

    private void instruction(int pc) {
        int op = ins[pc] & 0xFF, arg = ins[pc] >>> 8, s = depth[pc];
        debugOp(op);
        if (!borrowAware(op)) ownAll();
        borrowedAt[pc] = borrowed;
        if (interpreted(op, arg)) {
            interpret(pc);
            return;
        }
        iconst(pc);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        switch (op) {
            case NOP -> { }
            case POP_TOP -> {
                args(R, STACK); iconst(s); drops(s - 1); consume(s - 1);
                call("popTop", "(" + RS + POA + "IZ)V");
                drain();
            }
            case DUP_TOP -> {
                // a copy of a borrowed slot borrows from the same local
                boolean b = s < 64 && isBorrowed(s - 1);
                args(STACK); iconst(s); call(b ? "dupTopBorrowed" : "dupTop", "(" + POA + "I)V");
                if (b) borrow(s, source[s - 1]);
            }
            case DUP_TOP_TWO -> {
                boolean b = s + 1 < 64 && isBorrowed(s - 2) && isBorrowed(s - 1);
                args(STACK); iconst(s); call(b ? "dupTopTwoBorrowed" : "dupTopTwo", "(" + POA + "I)V");
                if (b) {
                    borrow(s, source[s - 2]);
                    borrow(s + 1, source[s - 1]);
                }
            }
            case ROT_TWO -> {
                if (s > 64) ownAll();
                args(STACK); iconst(s); call("rotTwo", "(" + POA + "I)V");
                rotate(s - 1, s - 2);
            }
            case ROT_THREE -> {
                if (s > 64) ownAll();
                args(STACK); iconst(s); call("rotThree", "(" + POA + "I)V");
                rotate(s - 1, s - 2, s - 3);
            }
            case LOAD_CONST -> {
                args(STACK); iconst(s); load(CONSTS); iconst(arg);
                if (s < 64) {
                    call("loadConstBorrowed", "(" + POA + "I" + POA + "I)V");
                    borrow(s, -1);
                } else {
                    call("loadConst", "(" + POA + "I" + POA + "I)V");
                }
            }
            case LOAD_FAST -> {
                args(STACK); iconst(s); load(LOCALS); iconst(arg); load(CODEV);
                if (s < 64) {
                    call("loadFastBorrowed", "(" + POA + "I" + POA + "I" + CODE + ")V");
                    borrow(s, arg);
                } else {
                    call("loadFast", "(" + POA + "I" + POA + "I" + CODE + ")V");
                }
            }
            case STORE_FAST -> {
                // the value moves into the local, which must not change under a slot borrowing it
                ownSlot(s - 1);
                for (int i = 0; i < Math.min(s, 64); i++) {
                    if ((borrowed & (1L << i)) != 0 && source[i] == arg) ownSlot(i);
                }
                borrowedAt[pc] = borrowed;
                args(R, STACK); iconst(s); load(LOCALS); iconst(arg);
                call("storeFast", "(" + RS + POA + "I" + POA + "I)V");
                drain();
            }
            case LOAD_DEREF -> { args(F, STACK); iconst(s); iconst(arg); call("loadDeref", "(" + FRAME + POA + "II)V"); }
            case STORE_DEREF -> {
                args(R, F, STACK); iconst(s); iconst(arg);
                call("storeDeref", "(" + RS + FRAME + POA + "II)V");
                drain();
            }
            case LOAD_CLOSURE -> { args(F, STACK); iconst(s); iconst(arg); call("loadClosure", "(" + FRAME + POA + "II)V"); }
            case LOAD_GLOBAL -> {
                args(F, STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg);
                call("loadGlobal", "(" + FRAME + POA + "I" + CODE + "II)V");
            }
            case LOAD_ATTR -> {
                // the value stays borrowed from the attribute until its consumer (see JitPlan.lendConsumer)
                if (isBorrowed(s - 1) && plan.lends(pc)) {
                    args(R, STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg); consume(s - 1);
                    call("loadAttrBorrowed", "(" + RS + POA + "I" + CODE + "II)Z");
                    lend(s - 1);
                } else {
                    args(R, STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg); drops(s - 1); consume(s - 1);
                    call("loadAttr", "(" + RS + POA + "I" + CODE + "IIZ)V");
                }
                drain();
            }
            case STORE_ATTR -> {
                // an owned value's reference moves into the object, a borrowed one is counted there
                args(R, STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg); drops(s - 1); drops(s - 2);
                consume(s - 1); consume(s - 2);
                call("storeAttr", "(" + RS + POA + "I" + CODE + "IIZZ)V");
                drain();
            }
            case LOAD_METHOD -> {
                args(STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg);
                call("loadMethod", "(" + POA + "I" + CODE + "II)V");
                drain();
            }
            case CALL, CALL_METHOD, CALL_KW -> {
                args(F, T, R); load(ZBASE); load(STACK); iconst(s); iconst(pc); iconst(op); iconst(arg);
                call("call", "(" + FRAME + TS + RS + "I" + POA + "IIII)V");
                drain();
            }
            case BINARY_SUBSCR -> {
                // an item of a list or tuple may be lent (see JitPlan.lendConsumer); anything else may
                // run __getitem__, before which the lent values below are counted
                boolean lendOn = plan.lends(pc);
                Label done = new Label();
                args(R, STACK); iconst(s); drops(s - 2); drops(s - 1); iconst(lendOn ? 1 : 0);
                call("subscrItem", "(" + RS + POA + "IZZZ)I");
                unlessNotDone(done);
                args(R, STACK); iconst(s); drops(s - 2); drops(s - 1);
                call("binarySubscr", "(" + RS + POA + "IZZ)V");
                iconst(1);
                mv.visitVarInsn(Opcodes.ISTORE, FLAG);
                mv.visitLabel(done);
                consume(s - 1); consume(s - 2);
                if (lendOn) {
                    mv.visitVarInsn(Opcodes.ILOAD, FLAG);
                    lend(s - 2);
                }
                drain();
            }
            case STORE_SUBSCR -> {
                ownSlot(s - 3); // the value moves into the container
                borrowedAt[pc] = borrowed;
                args(R, STACK); iconst(s); drops(s - 2); drops(s - 1); consume(s - 1); consume(s - 2);
                call("storeSubscr", "(" + RS + POA + "IZZ)V");
                drain();
            }
            case BINARY_OP, INPLACE_OP -> {
                // first without running any code (ints and floats), the operands perhaps lent,
                // the result perhaps lent on (see JitPlan.lendConsumer); else, with every lent value
                // counted first, through the operator's dunder method
                boolean lendOn = plan.lends(pc);
                boolean aLent = isLent(s - 2), bLent = isLent(s - 1);
                Label done = new Label();
                String fast = toy.object.Arith.methodFor(arg);
                stackItem(s - 2); stackItem(s - 1);
                if (fast != null) {
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "toy/object/Arith", fast, "(" + PO + PO + ")" + PO, false);
                } else {
                    iconst(arg);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "toy/object/Ops", "arith", "(" + PO + PO + "I)" + PO, false);
                }
                args(R, STACK); iconst(s); dropsLent(s - 2); dropsLent(s - 1); iconst(lendOn ? 1 : 0);
                call("arithDone", "(" + PO + RS + POA + "IZZZ)I");
                unlessNotDone(done);
                args(R, STACK); iconst(s); iconst(arg); iconst(op == INPLACE_OP ? 1 : 0);
                // (a lent operand is counted now)
                iconst(aLent || !isBorrowed(s - 2) ? 1 : 0);
                iconst(bLent || !isBorrowed(s - 1) ? 1 : 0);
                iconst(lendOn ? 1 : 0);
                call("binaryDunder", "(" + RS + POA + "IIZZZZ)Z");
                mv.visitVarInsn(Opcodes.ISTORE, FLAG);
                mv.visitLabel(done);
                if (aLent) consumeLent(s - 2);
                if (bLent) consumeLent(s - 1);
                consume(s - 1); consume(s - 2);
                if (lendOn) {
                    mv.visitVarInsn(Opcodes.ILOAD, FLAG);
                    lend(s - 2);
                }
                drain();
            }
            case COMPARE_OP -> {
                args(R, STACK); iconst(s); iconst(arg); drops(s - 2); drops(s - 1); consume(s - 1); consume(s - 2);
                call("compareOp", "(" + RS + POA + "IIZZ)V");
                drain();
            }
            case UNARY_OP, IS_OP, CONTAINS_OP -> {
                String m = op == UNARY_OP ? "unaryOp" : op == IS_OP ? "isOp" : "containsOp";
                args(R, STACK); iconst(s); iconst(arg);
                call(m, "(" + RS + POA + "II)V");
                drain();
            }
            case UNARY_NOT -> { args(R, STACK); iconst(s); call("unaryNot", "(" + RS + POA + "I)V"); drain(); }
            case JUMP -> mv.visitJumpInsn(Opcodes.GOTO, at[arg]);
            case JUMP_BACKWARD -> {
                if (EvalBreaker.ENABLED) {
                    Label go = new Label();
                    load(T);
                    field("toy/vm/ThreadState", "evalBreaker", "I");
                    mv.visitJumpInsn(Opcodes.IFEQ, go);
                    args(F, T); iconst(pc); iconst(s);
                    call("breaker", "(" + FRAME + TS + "II)V");
                    drain();
                    mv.visitLabel(go);
                }
                mv.visitJumpInsn(Opcodes.GOTO, at[arg]);
            }
            case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                // the jump target expects every other slot to own its reference
                for (int i = 0; i < Math.min(s - 1, 64); i++) ownSlot(i);
                borrowedAt[pc] = borrowed;
                args(R, STACK); iconst(s); drops(s - 1); consume(s - 1);
                call(op == POP_JUMP_IF_FALSE ? "popJumpIfFalse" : "popJumpIfTrue", "(" + RS + POA + "IZ)Z");
                branch(arg);
            }
            case POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE -> {
                args(R, STACK); iconst(s); iconst(op == POP_JUMP_IF_NONE ? 1 : 0);
                call("popJumpIfNone", "(" + RS + POA + "IZ)Z");
                branch(arg);
            }
            case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> {
                args(R, STACK); iconst(s); iconst(op == JUMP_IF_TRUE_OR_POP ? 1 : 0);
                call("jumpOrPop", "(" + RS + POA + "IZ)Z");
                branch(arg);
            }
            case JUMP_IF_NOT_EXC_MATCH -> {
                args(R, STACK); iconst(s);
                call("jumpIfNotExcMatch", "(" + RS + POA + "I)Z");
                branch(arg);
            }
            case GET_ITER -> { args(R, STACK); iconst(s); call("getIter", "(" + RS + POA + "I)V"); drain(); }
            case FOR_ITER -> {
                if (!plan.lends(pc)) {
                    args(R, STACK); iconst(s); call("forIter", "(" + RS + POA + "I)Z");
                    branch(arg);
                } else {
                    // the item may be lent (see JitPlan.lendConsumer); EXHAUSTED: the loop is over
                    args(R, STACK); iconst(s); call("forIterLent", "(" + RS + POA + "I)I");
                    mv.visitInsn(Opcodes.DUP);
                    mv.visitVarInsn(Opcodes.ISTORE, FLAG);
                    lend(s);
                    drain();
                    Label next = new Label();
                    mv.visitVarInsn(Opcodes.ILOAD, FLAG);
                    iconst(JitOps.EXHAUSTED);
                    mv.visitJumpInsn(Opcodes.IF_ICMPNE, next);
                    setFlag(s, 0);
                    mv.visitJumpInsn(Opcodes.GOTO, at[arg]);
                    mv.visitLabel(next);
                }
            }
            case BUILD_TUPLE, BUILD_LIST -> {
                args(STACK); iconst(s); iconst(arg);
                call(op == BUILD_TUPLE ? "buildTuple" : "buildList", "(" + POA + "II)V");
                drain();
            }
            case LIST_APPEND -> { args(R, STACK); iconst(s); iconst(arg); call("listAppend", "(" + RS + POA + "II)V"); drain(); }
            case UNPACK_SEQUENCE -> {
                // the sequence may be borrowed or lent; the first item may be lent on (see JitPlan.lendConsumer)
                boolean lendOn = plan.lends(pc);
                boolean seqLent = isLent(s - 1);
                args(F, T, R, STACK); iconst(s); iconst(pc); iconst(arg); dropsLent(s - 1); iconst(lendOn ? 1 : 0);
                call("unpack", "(" + FRAME + TS + RS + POA + "IIIZZ)Z");
                if (seqLent) consumeLent(s - 1); else consume(s - 1);
                if (lendOn) lend(s + arg - 2); else mv.visitInsn(Opcodes.POP);
                drain();
            }
            case RETURN_VALUE -> {
                for (int i = 0; i < Math.min(s - 1, 64); i++) ownSlot(i);
                int top = s - 1;
                if (top < 64 && (borrowed & (1L << top)) != 0 && source[top] >= 0) {
                    // return x: the local's reference becomes the result's, nothing is counted
                    borrowedAt[pc] = borrowed;
                    args(F, STACK); iconst(s); load(LOCALS); iconst(source[top]);
                    call("takeLocal", "(" + FRAME + POA + "I" + POA + "I)" + PO);
                } else {
                    ownSlot(top);
                    borrowedAt[pc] = borrowed;
                    args(F, STACK); iconst(s);
                    call("takeResult", "(" + FRAME + POA + "I)" + PO);
                }
                returnInline(s - 1);
            }
            case YIELD_VALUE -> {
                args(F, STACK); iconst(s); iconst(pc);
                call("yieldValue", "(" + FRAME + POA + "II)" + PO);
                mv.visitInsn(Opcodes.ARETURN);
            }
            case SETUP_FINALLY -> { args(F); iconst(arg); iconst(s); call("setupFinally", "(" + FRAME + "II)V"); }
            case POP_BLOCK -> { args(F); call("popBlock", "(" + FRAME + ")V"); }
            case RAISE_VARARGS -> { args(STACK); iconst(s); iconst(arg); call("raise", "(" + POA + "II)V"); }
            default -> {
                args(F, T, STACK); iconst(s); iconst(pc); iconst(op); iconst(arg);
                call("slow", "(" + FRAME + TS + POA + "IIII)V");
                drain();
            }
        }
    }

    /**
     * The end of RETURN_VALUE, with the result on the JVM stack and stack slots [0, below)
     * still to drop: an inline __init__ gives its instance, and the frame drops its locals (one
     * call each, up to eight), cells, stack and function in line, in Frame.clear's order.
     * Interpreter.finishReturn, which loops over them, was too large to inline with counting
     * on: every return was a call, and cost a compiled function call 2-3 ns more than with
     * counting off. Only an __init__ returning something other than None takes that path.
     */
    private void returnInline(int below) {
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        Label plain = new Label();
        args(F, RESULT);
        call("initResult", "(" + FRAME + PO + ")" + PO);
        mv.visitInsn(Opcodes.DUP);
        mv.visitJumpInsn(Opcodes.IFNONNULL, plain);
        mv.visitInsn(Opcodes.POP);
        args(R, F, RESULT);
        call("finishInitReturn", "(" + RS + FRAME + PO + ")" + PO);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(plain);
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        if (nlocals > 8) {
            args(R, F);
            call("dropLocals", "(" + RS + FRAME + ")V");
        } else {
            for (int i = 0; i < nlocals; i++) {
                args(R, LOCALS); iconst(i);
                call("dropLocal", "(" + RS + POA + "I)V");
            }
        }
        if (hasCells || below > 0) {
            args(R, F);
            call("dropCellsAndStack", "(" + RS + FRAME + ")V");
        }
        args(R, F);
        call("dropFunc", "(" + RS + FRAME + ")V");
        load(RESULT);
        mv.visitInsn(Opcodes.ARETURN);
    }

    /**
     * COMPARE_OP and POP_JUMP_IF_FALSE/TRUE as one: the comparison's result is tested where
     * it is made, never pushed (so never counted); an error in either is raised at the
     * comparison, whose line the jump shares.
     */
    private void compareAndJump(int pc) {
        int arg = ins[pc] >>> 8, s = depth[pc], target = ins[pc + 1] >>> 8;
        boolean jumpIfTrue = (ins[pc + 1] & 0xFF) == POP_JUMP_IF_TRUE;
        debugOp(COMPARE_OP);
        // the jump target expects every slot below the operands to own its reference
        for (int i = 0; i < Math.min(s - 2, 64); i++) ownSlot(i);
        borrowedAt[pc] = borrowed;
        iconst(pc);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        args(R, STACK); iconst(s); iconst(arg); drops(s - 2); drops(s - 1); iconst(jumpIfTrue ? 1 : 0);
        consume(s - 1);
        consume(s - 2);
        borrowedAt[pc + 1] = borrowed;
        call("compareAndJump", "(" + RS + POA + "IIZZZ)I");
        mv.visitVarInsn(Opcodes.ISTORE, FLAG);
        drain();
        Label notBool = new Label(), next = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        iconst(2);
        mv.visitJumpInsn(Opcodes.IF_ICMPEQ, notBool);
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        mv.visitJumpInsn(Opcodes.IFNE, at[target]);
        mv.visitJumpInsn(Opcodes.GOTO, next);
        // the comparison gave something else: it is on the stack, and the jump instruction
        // tests it (its __bool__ runs after the operands died, as in CPython)
        mv.visitLabel(notBool);
        iconst(pc + 1);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        args(R, STACK); iconst(s - 1); iconst(1);
        call(jumpIfTrue ? "popJumpIfTrue" : "popJumpIfFalse", "(" + RS + POA + "IZ)Z");
        branch(target);
        mv.visitLabel(next);
    }

    /** --debug-refs names the running instruction in its reports, as the eval loop does. */
    private void debugOp(int op) {
        if (!Refs.DEBUG) return;
        mv.visitLdcInsn(NAMES[op]);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, "toy/object/DebugRefs", "op", "Ljava/lang/String;");
    }

    /** A conditional jump: the helper's boolean is kept while the table is drained. */
    private void branch(int target) {
        mv.visitVarInsn(Opcodes.ISTORE, FLAG);
        drain();
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        mv.visitJumpInsn(Opcodes.IFNE, at[target]);
    }

    /**
     * Hands the frame to the eval loop at pc (-1: at f.pc). PC is -1 meanwhile: an exception
     * the loop lets out of the frame has had its traceback entry and handler search there.
     */
    private void interpret(int pc) {
        iconst(-1);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        loadAll();
        if (pc < 0) {
            load(F);
            field("toy/vm/Frame", "pc", "I");
        } else {
            iconst(pc);
        }
        call("interpret", "(" + JC + FRAME + TS + RS + "II)" + PO);
        resultOrResume();
    }

    private void loadAll() {
        load(THIS);
        args(F, T, R);
        load(ZBASE);
    }
}
