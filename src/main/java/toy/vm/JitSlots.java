package toy.vm;

import static toy.compile.Opcode.*;
import static toy.vm.Jit.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the JIT's emitter ({@link JitEmitter}) knows about the value stack's slots at the point
 * it is compiling, and the bytecode that keeps their references right: which slots borrow a
 * local's or a constant's reference (see "borrowed references" below), which hold a value lent
 * by the instruction that made it (JitPlan.lendConsumer) and the flags that say whether it was
 * counted after all, and the drain at an instruction boundary that settles them first. With the
 * few words every part of the compiled code is written in: loading the method's local
 * variables, constants, and calls of {@link JitOps}.
 */
abstract class JitSlots {
    // the compiled method's local variables
    static final int THIS = 0, F = 1, T = 2, R = 3, ZBASE = 4, STACK = 5, LOCALS = 6, CONSTS = 7, CODEV = 8,
            PC = 9, RESULT = 10, FLAG = 11,
            /** LENT_BASE + i: whether the value lent in stack[i] was counted after all (see JitPlan.lendConsumer). */
            LENT_BASE = 12;

    /** The method being written: run, or one of its regions. */
    MethodVisitor mv;
    /** What the bytecode allows: jump targets, regions, which values can be lent (see JitPlan). */
    final JitPlan plan;
    /** The stack slots that hold borrowed references at the point being compiled (bit i: stack[i]). */
    long borrowed;
    /** The stack slots holding lent values at the point being compiled (a subset of borrowed). */
    long lent;
    /** The source of a slot holding a lent value (see JitPlan.lendConsumer). */
    static final int LENT_SOURCE = -2;
    /** For a borrowed slot: the local it was loaded from, -1 for a constant, or LENT_SOURCE. */
    final int[] source = new int[64];

    JitSlots(MethodVisitor mv, JitPlan plan) {
        this.mv = mv;
        this.plan = plan;
    }

    // ----- lent values ------------------------------------------------------------------------

    /**
     * In a handler: a lent value that had to be counted after all (its flag is set) sits in a
     * slot the deopt counts as borrowed (see JitPlan.lendConsumer), so that count is dropped here,
     * into the zero-count table, for the deopt to count it again.
     */
    void settleLentSlots() {
        for (int i = 0; i < 64; i++) {
            if ((plan.lentSlots & (1L << i)) == 0) continue;
            int slot = i;
            whenFlag(slot, true, () -> {
                args(R, STACK);
                iconst(slot);
                call("dropLent", "(" + RS + POA + "I)V");
            });
            setFlag(slot, 0);
        }
    }

    /** Emits body to run when slot's lent flag is set (counted is true) or clear (false). */
    void whenFlag(int slot, boolean counted, Runnable body) {
        Label skip = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, LENT_BASE + slot);
        mv.visitJumpInsn(counted ? Opcodes.IFEQ : Opcodes.IFNE, skip);
        body.run();
        mv.visitLabel(skip);
    }

    /** Counts the reference in stack[slot]. */
    void own(int slot) {
        load(STACK);
        iconst(slot);
        call("own", "(" + POA + "I)V");
    }

    void setFlag(int slot, int value) {
        iconst(value);
        mv.visitVarInsn(Opcodes.ISTORE, LENT_BASE + slot);
    }

    /**
     * After the call of an instruction that lends its value in slot: the int on the JVM stack
     * (non-zero when the value was counted after all) becomes the slot's flag.
     */
    void lend(int slot) {
        mv.visitVarInsn(Opcodes.ISTORE, LENT_BASE + slot);
        borrow(slot, LENT_SOURCE);
        lent |= 1L << slot;
    }

    /** After the call of the instruction that consumed the value lent in slot. */
    void consumeLent(int slot) {
        lent &= ~(1L << slot);
        borrowed &= ~(1L << slot);
        setFlag(slot, 0);
    }

    boolean isLent(int slot) {
        return slot >= 0 && slot < 64 && (lent & (1L << slot)) != 0;
    }

    /** Pushes whether a consumer drops slot i's reference: a lent slot's flag, else as drops. */
    void dropsLent(int i) {
        if (isLent(i)) mv.visitVarInsn(Opcodes.ILOAD, LENT_BASE + i);
        else drops(i);
    }

    /**
     * Before code can run (a drain that found something to destroy, an operator's dunder
     * method): every lent value not yet counted is counted, so that nothing the code does can
     * free it, and its flag says so.
     */
    void settleAll() {
        for (int i = 0; i < 64; i++) {
            if ((lent & (1L << i)) == 0) continue;
            int slot = i;
            whenFlag(slot, false, () -> {
                own(slot);
                setFlag(slot, 1);
            });
        }
    }

    /**
     * After a no-code fast path's call (JitOps.arithDone, subscrItem): its result goes to FLAG and,
     * unless it is NOT_DONE, on to done; else every lent value is counted for the slow path
     * that follows.
     */
    void unlessNotDone(Label done) {
        mv.visitVarInsn(Opcodes.ISTORE, FLAG);
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        iconst(JitOps.NOT_DONE);
        mv.visitJumpInsn(Opcodes.IF_ICMPNE, done);
        settleAll();
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

    static boolean borrowAware(int op) {
        return op == NOP || op == LOAD_FAST || op == LOAD_CONST || op == STORE_FAST || op == POP_TOP || op == DUP_TOP
                || op == DUP_TOP_TWO || op == ROT_TWO || op == ROT_THREE || op == BINARY_OP || op == INPLACE_OP
                || op == COMPARE_OP || op == BINARY_SUBSCR || op == STORE_SUBSCR || op == LOAD_ATTR
                || op == STORE_ATTR || op == POP_JUMP_IF_FALSE || op == POP_JUMP_IF_TRUE || op == RETURN_VALUE
                || op == UNPACK_SEQUENCE;
    }

    boolean isBorrowed(int slot) {
        return slot >= 0 && slot < 64 && (borrowed & (1L << slot)) != 0;
    }

    void borrow(int slot, int local) {
        borrowed |= 1L << slot;
        source[slot] = local;
    }

    /** Pushes whether the consumer drops slot i's reference (false when the slot borrowed it). */
    void drops(int i) {
        iconst(i < 64 && (borrowed & (1L << i)) != 0 ? 0 : 1);
    }

    void consume(int i) {
        // a lent slot is consumed only where its flag is looked at (consumeLent)
        if (isLent(i)) throw new IllegalStateException("lent slot " + i + " consumed unsettled");
        if (i < 64) borrowed &= ~(1L << i);
    }

    void ownSlot(int i) {
        if (i < 0 || i >= 64 || (borrowed & (1L << i)) == 0) return;
        // (a lent slot never reaches an instruction that takes it other than its consumer)
        if (isLent(i)) throw new IllegalStateException("lent slot " + i + " owned");
        own(i);
        borrowed &= ~(1L << i);
    }

    void ownAll() {
        for (int i = 0; borrowed != 0 && i < 64; i++) ownSlot(i);
    }

    /** The slot states follow the values: slots[0] gets slots[1]'s, ..., the last gets slots[0]'s. */
    void rotate(int... slots) {
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

    // ----- the words the compiled code is written in -------------------------------------------

    /**
     * The instruction boundary: objects dropped by the instruction die here, once every lent
     * value is counted (a finalizer may run).
     */
    void drain() {
        Label none = new Label();
        load(R);
        load(ZBASE);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "toy/object/RefState", "pending", "(I)Z", false);
        mv.visitJumpInsn(Opcodes.IFEQ, none);
        settleAll();
        load(R);
        load(ZBASE);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "toy/object/Refs", "drain", "(" + RS + "I)V", false);
        mv.visitLabel(none);
    }

    void args(int... vars) {
        for (int v : vars) load(v);
    }

    /** Pushes stack[i] on the JVM stack. */
    void stackItem(int i) {
        load(STACK);
        iconst(i);
        mv.visitInsn(Opcodes.AALOAD);
    }

    void load(int var) {
        mv.visitVarInsn(var == ZBASE || var == PC ? Opcodes.ILOAD : Opcodes.ALOAD, var);
    }

    /** local[to] = local[from].name */
    void copyField(int from, String owner, String name, String desc, int to) {
        load(from);
        field(owner, name, desc);
        mv.visitVarInsn(Opcodes.ASTORE, to);
    }

    void field(String owner, String name, String desc) {
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, name, desc);
    }

    void iconst(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(Opcodes.ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    /** Calls the JitOps method name. */
    void call(String name, String desc) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, desc, false);
    }
}
