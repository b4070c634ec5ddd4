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
 * design): an entry switch, one call of a {@link JitOps} method per instruction, JVM jumps, the
 * zero-count table drained at instruction boundaries, and the bookkeeping of the stack slots
 * that borrow their references (see "borrowed references" below).
 */
final class JitEmitter {
    // the compiled method's local variables
    private static final int THIS = 0, F = 1, T = 2, R = 3, ZBASE = 4, STACK = 5, LOCALS = 6, CONSTS = 7, CODEV = 8,
            PC = 9, RESULT = 10, FLAG = 11, LENT_OWNED = 12, LENT_SLOT = 13;

    /** The class being written, and the method being written: run, or one of its regions. */
    private final ClassWriter cw;
    private final String className;
    private MethodVisitor mv;
    private final int[] ins, depth;
    /** regionEnd[pc]: the end (exclusive) of the region that starts at pc, 0 where none does. */
    private final int[] regionEnd;
    private final Label[] at;
    private final Label loop = new Label();
    /** Output: the borrowed slots while each instruction runs. */
    private final long[] borrowedAt;
    /** Instructions reached other than from the one before (jump targets, handlers, entries). */
    private final boolean[] target;
    /** The stack slots that hold borrowed references at the point being compiled (bit i: stack[i]). */
    private long borrowed;
    /**
     * The pc of the instruction that consumes a lent value (-1: none pending; see
     * consumerOf), and whether the value is that instruction's first operand.
     */
    private int lentConsumer = -1;
    private boolean lentIsA;
    /** The source of a slot holding a lent value (see consumerOf). */
    private static final int LENT_SOURCE = -2;
    /** For a borrowed slot: the local it was loaded from, -1 for a constant, or LENT_SOURCE. */
    private final int[] source = new int[64];

    JitEmitter(ClassWriter cw, String className, MethodVisitor mv, Code code, int[] depth, long[] borrowedAt) {
        this.cw = cw;
        this.className = className;
        this.mv = mv;
        this.ins = code.code;
        this.depth = depth;
        this.borrowedAt = borrowedAt;
        this.target = new boolean[ins.length + 1];
        target[0] = true;
        for (int pc = 0; pc < ins.length; pc++) {
            int op = ins[pc] & 0xFF;
            if (isJump(op)) target[ins[pc] >>> 8] = true;
            if (op == YIELD_VALUE) target[pc + 1] = true;
        }
        this.at = new Label[ins.length + 1];
        for (int i = 0; i <= ins.length; i++) at[i] = new Label();
        this.regionEnd = new int[ins.length];
        planRegions();
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
            if (target[pc]) ownAll();
            mv.visitLabel(at[pc]);
            if (depth[pc] < 0) continue;
            if (regionEnd[pc] > 0) {
                region(pc, regionEnd[pc]);
                pc = regionEnd[pc] - 1;
            } else if (fusesWithNext(pc)) {
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
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        rethrowFromLoop();
        raisedInRegion();
        settleLentSlot();
        loadAll();
        load(RESULT);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "toy/object/PyException");
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        call("deopt", "(" + JC + FRAME + TS + RS + "ILtoy/object/PyException;I)" + PO);
        resultOrResume();
        mv.visitLabel(onOverflow);
        mv.visitVarInsn(Opcodes.ASTORE, RESULT);
        rethrowFromLoop();
        raisedInRegion();
        settleLentSlot();
        loadAll();
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
    // the region's lent slot and leaves through run's handler, which reads the failing pc from
    // Frame.regionPc (run's PC holds IN_REGION meanwhile).

    /** Functions longer than this are split into regions; a region is this long at most, and at least. */
    private static final int SPLIT_ABOVE = 80, REGION_MAX = 40, REGION_MIN = 8;
    /** run's PC while a region runs: the failing pc is in Frame.regionPc. */
    private static final int IN_REGION = Integer.MAX_VALUE;
    private static final String REGION_DESC = "(" + FRAME + TS + RS + "I" + POA + POA + POA + CODE + ")V";

    private void planRegions() {
        if (ins.length <= SPLIT_ABOVE) return;
        int pc = 0;
        while (pc < ins.length) {
            if (!regionable(pc)) {
                pc++;
                continue;
            }
            int end = pc + 1;
            while (end < ins.length && end - pc < REGION_MAX && !target[end] && regionable(end)) end++;
            while (end > pc && lendsAcross(pc, end)) end--;
            if (end - pc >= REGION_MIN) regionEnd[pc] = end;
            pc = Math.max(end, pc + 1);
        }
    }

    /** Whether the instruction at pc can be in a region (see above). */
    private boolean regionable(int pc) {
        int op = ins[pc] & 0xFF;
        return depth[pc] >= 0 && falls(op) && !isJump(op) && op != YIELD_VALUE && !interpreted(op, ins[pc] >>> 8)
                && !fusesWithNext(pc);
    }

    /** Whether an instruction in [start, end) may lend its value to one at end or later. */
    private boolean lendsAcross(int start, int end) {
        for (int k = Math.max(start, end - 2); k < end; k++) {
            if (consumerOf(k) >= end || unpackConsumerOf(k) >= end) return true;
        }
        return false;
    }

    /** Writes the region [start, end) as a method of its own, and its call into run. */
    private void region(int start, int end) {
        iconst(IN_REGION);
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        load(THIS);
        args(F, T, R);
        load(ZBASE);
        args(STACK, LOCALS, CONSTS, CODEV);
        String name = "r" + start;
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
        settleLentSlot();
        load(F);
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        mv.visitFieldInsn(Opcodes.PUTFIELD, "toy/vm/Frame", "regionPc", "I");
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
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, LENT_OWNED);
        noLentSlot();
    }

    /** In a run handler: when the exception came out of a region, PC becomes the pc that raised. */
    private void raisedInRegion() {
        Label not = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, PC);
        iconst(IN_REGION);
        mv.visitJumpInsn(Opcodes.IF_ICMPNE, not);
        load(F);
        field("toy/vm/Frame", "regionPc", "I");
        mv.visitVarInsn(Opcodes.ISTORE, PC);
        mv.visitLabel(not);
    }

    /**
     * In a handler: a lent value that its producer or a drain had to count (LENT_OWNED) sits in
     * a slot the deopt counts as borrowed (see consumerOf), so its reference is dropped here,
     * into the zero-count table, for the deopt to count again.
     */
    private void settleLentSlot() {
        args(R, STACK);
        mv.visitVarInsn(Opcodes.ILOAD, LENT_SLOT);
        mv.visitVarInsn(Opcodes.ILOAD, LENT_OWNED);
        call("settleLentSlot", "(" + RS + POA + "IZ)V");
        noLentSlot();
    }

    private void noLentSlot() {
        iconst(-1);
        mv.visitVarInsn(Opcodes.ISTORE, LENT_SLOT);
    }

    /**
     * After the call of an instruction that lends its value in slot to the instruction at
     * consumer: the call's boolean (whether it had to count the value) goes to LENT_OWNED.
     */
    private void lend(int pc, int slot, int consumer) {
        mv.visitVarInsn(Opcodes.ISTORE, LENT_OWNED);
        iconst(slot);
        mv.visitVarInsn(Opcodes.ISTORE, LENT_SLOT);
        borrow(slot, LENT_SOURCE);
        lentConsumer = consumer;
        lentIsA = consumer != pc + 1;
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
                // the value stays borrowed from the attribute until its consumer (see consumerOf)
                int consumer = isBorrowed(s - 1) ? consumerOf(pc) : -1;
                if (consumer >= 0) {
                    args(R, STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg); consume(s - 1);
                    call("loadAttrBorrowed", "(" + RS + POA + "I" + CODE + "II)Z");
                    lend(pc, s - 1, consumer);
                } else {
                    args(R, STACK); iconst(s); load(CODEV); iconst(pc); iconst(arg); drops(s - 1); consume(s - 1);
                    call("loadAttr", "(" + RS + POA + "I" + CODE + "IIZ)V");
                }
                if (consumer >= 0) drainLent(); else drain();
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
                args(R, STACK); iconst(s); drops(s - 2); drops(s - 1); consume(s - 1); consume(s - 2);
                call("binarySubscr", "(" + RS + POA + "IZZ)V");
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
                // a result that the next arithmetic consumes is lent to it (see consumerOf)
                int consumer = s - 2 < 64 ? consumerOf(pc) : -1;
                boolean consumes = pc == lentConsumer;
                args(R, STACK); iconst(s); iconst(arg); iconst(op == INPLACE_OP ? 1 : 0);
                if (consumes) {
                    iconst(lentIsA ? 1 : 0);
                    mv.visitVarInsn(Opcodes.ILOAD, LENT_OWNED);
                    drops(lentIsA ? s - 1 : s - 2);
                } else {
                    drops(s - 2); drops(s - 1);
                }
                consume(s - 1); consume(s - 2);
                iconst(consumer >= 0 ? 1 : 0);
                call(consumes ? "binaryOpLent" : "binaryOp", "(" + RS + POA + "IIZZZZ" + (consumes ? "Z" : "") + ")Z");
                lentConsumer = -1;
                if (consumer >= 0) {
                    lend(pc, s - 2, consumer);
                    drainLent();
                } else {
                    mv.visitInsn(Opcodes.POP);
                    if (consumes) noLentSlot();
                    drain();
                }
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
                int consumer = s < 64 ? unpackConsumerOf(pc) : -1;
                if (consumer < 0) {
                    args(R, STACK); iconst(s); call("forIter", "(" + RS + POA + "I)Z");
                    branch(arg);
                } else {
                    // the item is lent to the UNPACK_SEQUENCE after (see consumerOf); 2: exhausted
                    args(R, STACK); iconst(s); call("forIterLent", "(" + RS + POA + "I)I");
                    mv.visitInsn(Opcodes.DUP);
                    mv.visitVarInsn(Opcodes.ISTORE, FLAG);
                    lend(pc, s, consumer);
                    drainLent();
                    Label next = new Label();
                    mv.visitVarInsn(Opcodes.ILOAD, FLAG);
                    iconst(2);
                    mv.visitJumpInsn(Opcodes.IF_ICMPNE, next);
                    noLentSlot();
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
                // the sequence may be borrowed or lent; the first item may be lent on (see consumerOf)
                int consumer = arg >= 1 && s + arg - 2 < 64 ? unpackConsumerOf(pc) : -1;
                boolean consumes = pc == lentConsumer;
                args(F, T, R, STACK); iconst(s); iconst(pc); iconst(arg);
                if (consumes) mv.visitVarInsn(Opcodes.ILOAD, LENT_OWNED); else drops(s - 1);
                consume(s - 1);
                iconst(consumer >= 0 ? 1 : 0);
                call("unpack", "(" + FRAME + TS + RS + POA + "IIIZZ)Z");
                lentConsumer = -1;
                if (consumer >= 0) {
                    lend(pc, s + arg - 2, consumer);
                    drainLent();
                } else {
                    mv.visitInsn(Opcodes.POP);
                    if (consumes) noLentSlot();
                    drain();
                }
            }
            case RETURN_VALUE -> {
                for (int i = 0; i < Math.min(s - 1, 64); i++) ownSlot(i);
                int top = s - 1;
                if (top < 64 && (borrowed & (1L << top)) != 0 && source[top] >= 0) {
                    // return x: the local's reference becomes the result's, nothing is counted
                    borrowedAt[pc] = borrowed;
                    args(R, F, STACK); iconst(s); load(LOCALS); iconst(source[top]);
                    call("returnLocal", "(" + RS + FRAME + POA + "I" + POA + "I)" + PO);
                } else {
                    ownSlot(top);
                    borrowedAt[pc] = borrowed;
                    args(R, F, STACK); iconst(s);
                    call("returnValue", "(" + RS + FRAME + POA + "I)" + PO);
                }
                mv.visitInsn(Opcodes.ARETURN);
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

    // ----- borrowed references ---------------------------------------------------------------
    //
    // A LOAD_FAST or LOAD_CONST lets its stack slot borrow the local's (or the code's)
    // reference instead of counting one, and the instruction that consumes the slot does
    // not drop it: the count is untouched twice. This is sound while the local cannot change,
    // which within compiled code means until a STORE_FAST to it, since nothing else can
    // rebind a running function's locals. Only the instructions below consume borrowed slots;
    // before any other instruction, before a jump target and before a jump, every borrowed
    // slot is counted ("owned"), so the eval loop, a callee, a generator's saved frame or a
    // container never sees a borrowed reference. An exception counts the slots recorded
    // for its instruction (JitOps.deopt).

    private static boolean borrowAware(int op) {
        return op == NOP || op == LOAD_FAST || op == LOAD_CONST || op == STORE_FAST || op == POP_TOP || op == DUP_TOP
                || op == DUP_TOP_TWO || op == ROT_TWO || op == ROT_THREE || op == BINARY_OP || op == INPLACE_OP
                || op == COMPARE_OP || op == BINARY_SUBSCR || op == STORE_SUBSCR || op == LOAD_ATTR
                || op == STORE_ATTR || op == POP_JUMP_IF_FALSE || op == POP_JUMP_IF_TRUE || op == RETURN_VALUE
                || op == UNPACK_SEQUENCE;
    }

    private boolean isBorrowed(int slot) {
        return slot >= 0 && slot < 64 && (borrowed & (1L << slot)) != 0;
    }

    private void borrow(int slot, int local) {
        borrowed |= 1L << slot;
        source[slot] = local;
    }

    /**
     * A value can be lent, uncounted, from the instruction that produces it to the arithmetic
     * that consumes it, when nothing can drop the reference it borrows before then: the consumer
     * is the next BINARY_OP or INPLACE_OP, with at most a LOAD_CONST or LOAD_FAST in between (no
     * code runs there and no thread switch happens; a LOAD_FAST of an unbound local raises, and
     * the deopt counts the lent slot, whose value is still alive). Two producers lend:
     * <ul>
     *   <li>LOAD_ATTR, when the object's slot borrows from a local or constant (so the object
     *       lives) and the value is one of the object's inline attributes (found without
     *       running any code: no descriptor, no __getattr__, no dict whose keys could compare
     *       themselves; {@link JitOps#loadAttrBorrowed} says at run time whether it could).</li>
     *   <li>BINARY_OP and INPLACE_OP, when the result is not a container ({@link
     *       JitOps#binaryOp}): a new int, float or str that only the slot holds, or an object
     *       something else holds. So {@code (i + j) * (i + j + 1)} counts no intermediate
     *       result. A finalizer could run at the drain after the producer (its operands may
     *       die there), so the drain counts the value first ({@link #drainLent}).</li>
     * </ul>
     * The consumer counts the value before it calls a dunder method that could drop what
     * the value borrows from ({@link JitOps#binaryOpLent}). For the deopt the slot is borrowed
     * throughout; where the value was counted after all, the handlers drop that count first
     * (LENT_OWNED, LENT_SLOT: settleLentSlot). Returns the consumer's pc, or -1.
     */
    private int consumerOf(int pc) {
        int next = pc + 1;
        if (next >= ins.length || target[next]) return -1;
        int op = ins[next] & 0xFF;
        if (op == LOAD_CONST || op == LOAD_FAST) {
            next++;
            if (next >= ins.length || target[next]) return -1;
            op = ins[next] & 0xFF;
        }
        return op == BINARY_OP || op == INPLACE_OP ? next : -1;
    }

    /** The pc of the UNPACK_SEQUENCE right after pc, which can take a value lent by it, or -1. */
    private int unpackConsumerOf(int pc) {
        int next = pc + 1;
        return next < ins.length && !target[next] && (ins[next] & 0xFF) == UNPACK_SEQUENCE ? next : -1;
    }

    /** Pushes whether the consumer drops slot i's reference (false when the slot borrowed it). */
    private void drops(int i) {
        iconst(i < 64 && (borrowed & (1L << i)) != 0 ? 0 : 1);
    }

    private void consume(int i) {
        if (i < 64) borrowed &= ~(1L << i);
    }

    private void ownSlot(int i) {
        if (i < 0 || i >= 64 || (borrowed & (1L << i)) == 0) return;
        load(STACK);
        iconst(i);
        call("own", "(" + POA + "I)V");
        borrowed &= ~(1L << i);
    }

    private void ownAll() {
        for (int i = 0; borrowed != 0 && i < 64; i++) ownSlot(i);
    }

    /** The slot states follow the values: slots[0] gets slots[1]'s, ..., the last gets slots[0]'s. */
    private void rotate(int... slots) {
        if (borrowed == 0) return; // (always so when a slot is beyond the 64 tracked)
        boolean first = (borrowed & (1L << slots[0])) != 0;
        int firstSource = source[slots[0]];
        for (int k = 0; k < slots.length - 1; k++) {
            int to = slots[k], from = slots[k + 1];
            if ((borrowed & (1L << from)) != 0) borrow(to, source[from]); else consume(to);
        }
        int last = slots[slots.length - 1];
        if (first) borrow(last, firstSource); else consume(last);
    }

    /** A comparison whose result only decides the conditional jump after it. */
    private boolean fusesWithNext(int pc) {
        if ((ins[pc] & 0xFF) != COMPARE_OP || pc + 1 >= ins.length || target[pc + 1]) return false;
        int next = ins[pc + 1] & 0xFF;
        return next == POP_JUMP_IF_FALSE || next == POP_JUMP_IF_TRUE;
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

    /** The instruction boundary: objects dropped by the instruction die here. */
    private void drain() {
        drain(false);
    }

    /**
     * The same after an instruction that lent its value (LENT_SLOT, see consumerOf): a
     * finalizer may run in the drain, so the lent value is counted first.
     */
    private void drainLent() {
        drain(true);
    }

    private void drain(boolean lent) {
        Label none = new Label();
        load(R);
        load(ZBASE);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "toy/object/RefState", "pending", "(I)Z", false);
        mv.visitJumpInsn(Opcodes.IFEQ, none);
        if (lent) {
            Label counted = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, LENT_OWNED);
            mv.visitJumpInsn(Opcodes.IFNE, counted);
            load(STACK);
            mv.visitVarInsn(Opcodes.ILOAD, LENT_SLOT);
            call("own", "(" + POA + "I)V");
            iconst(1);
            mv.visitVarInsn(Opcodes.ISTORE, LENT_OWNED);
            mv.visitLabel(counted);
        }
        load(R);
        load(ZBASE);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "toy/object/Refs", "drain", "(" + RS + "I)V", false);
        mv.visitLabel(none);
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

    private void args(int... vars) {
        for (int v : vars) load(v);
    }

    private void load(int var) {
        mv.visitVarInsn(var == ZBASE || var == PC ? Opcodes.ILOAD : Opcodes.ALOAD, var);
    }

    /** local[to] = local[from].name */
    private void copyField(int from, String owner, String name, String desc, int to) {
        load(from);
        field(owner, name, desc);
        mv.visitVarInsn(Opcodes.ASTORE, to);
    }

    private void field(String owner, String name, String desc) {
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, name, desc);
    }

    private void iconst(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(Opcodes.ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    /** Calls the JitOps method name. */
    private void call(String name, String desc) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, desc, false);
    }
}
