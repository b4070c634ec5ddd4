package toy.vm;

import static toy.compile.Opcode.*;
import static toy.vm.Jit.*;

import toy.compile.Code;

/**
 * What the JIT reads off a code object's bytecode before writing any of it ({@link
 * JitEmitter}): the instructions reached other than from the one before, the straight-line
 * stretches of a long function that become methods of their own (regions), and which values
 * can be lent, uncounted, from one instruction to a later one.
 */
final class JitPlan {
    /**
     * Functions longer than this are split into regions; a region is this long at most, and at
     * least. At most 20: a region and what HotSpot inlines into it must fit its 8000-byte budget,
     * and regions of 40 did not (docs/jit.md).
     */
    private static final int SPLIT_ABOVE = 80, REGION_MAX = 20, REGION_MIN = 8;

    private final int[] ins, depth;
    /** Instructions reached other than from the one before (jump targets, handlers, entries). */
    final boolean[] target;
    /** The stack slots that may hold lent values: min(the code's stack size, 64). */
    private final int maxSlots;
    /** lentTo[pc]: the instruction that may take the value pc lends (see lendConsumer), or -1. */
    private final int[] lentTo;
    /** The stack slots some instruction may lend a value in (bit i: stack[i]), whose flags exist. */
    final long lentSlots;
    /** regionEnd[pc]: the end (exclusive) of the region that starts at pc, 0 where none does. */
    final int[] regionEnd;

    JitPlan(Code code, int[] depth) {
        this.ins = code.code;
        this.depth = depth;
        this.target = new boolean[ins.length + 1];
        target[0] = true;
        for (int pc = 0; pc < ins.length; pc++) {
            int op = ins[pc] & 0xFF;
            if (isJump(op)) target[ins[pc] >>> 8] = true;
            if (op == YIELD_VALUE) target[pc + 1] = true;
        }
        this.maxSlots = Math.min(code.stackSize, 64);
        this.lentTo = new int[ins.length];
        long slots = 0;
        for (int pc = 0; pc < ins.length; pc++) {
            int slot = depth[pc] >= 0 ? producedSlot(pc) : -1;
            lentTo[pc] = lendConsumer(pc, slot);
            if (lentTo[pc] >= 0) slots |= 1L << slot;
        }
        this.lentSlots = slots;
        this.regionEnd = new int[ins.length];
        planRegions();
    }

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
            int start = pc;
            while (start < end && lentAcross(start)) start++;
            while (end > start && lentAcross(end)) end--;
            if (end - start >= REGION_MIN) regionEnd[start] = end;
            pc = Math.max(end, pc + 1);
        }
    }

    /** Whether the instruction at pc can be in a region (see JitEmitter's regions). */
    private boolean regionable(int pc) {
        int op = ins[pc] & 0xFF;
        return depth[pc] >= 0 && falls(op) && !isJump(op) && op != YIELD_VALUE && !interpreted(op, ins[pc] >>> 8)
                && !fusesWithNext(pc);
    }

    /** Whether an instruction before boundary may lend its value to one at boundary or after. */
    private boolean lentAcross(int boundary) {
        for (int k = Math.max(0, boundary - LEND_REACH); k < boundary; k++) {
            if (lentTo[k] >= boundary) return true;
        }
        return false;
    }

    /** A comparison whose result only decides the conditional jump after it. */
    boolean fusesWithNext(int pc) {
        if ((ins[pc] & 0xFF) != COMPARE_OP || pc + 1 >= ins.length || target[pc + 1]) return false;
        int next = ins[pc + 1] & 0xFF;
        return next == POP_JUMP_IF_FALSE || next == POP_JUMP_IF_TRUE;
    }

    /** How far (in instructions) a lent value may travel to its consumer. */
    private static final int LEND_REACH = 8;

    /**
     * A value can be lent, uncounted, from the instruction that produces it to the one that
     * consumes it, when nothing can drop the reference it borrows before then. The producers:
     * <ul>
     *   <li>LOAD_ATTR, when the object's slot borrows from a local or constant (so the object
     *       lives) and the value is one of the object's inline attributes (found without
     *       running any code: no descriptor, no __getattr__, no dict whose keys could compare
     *       themselves; {@link JitOps#loadAttrBorrowed} says at run time whether it could);</li>
     *   <li>BINARY_OP and INPLACE_OP, when the result is not a container ({@link
     *       JitOps#arithDone}): a new int or float that only the slot holds, or an object
     *       something else holds. So {@code (i + j) * (i + j + 1)} counts no intermediate
     *       result;</li>
     *   <li>BINARY_SUBSCR of a list or tuple by an int: the item, which the sequence holds
     *       ({@link JitOps#subscrItem}), as in {@code v[0] -= dx * m};</li>
     *   <li>FOR_ITER over a list or tuple ({@link JitOps#forIterLent}) and UNPACK_SEQUENCE (its
     *       first item): the item, which the sequence holds, as in {@code for ((a, b), c) in
     *       pairs}.</li>
     * </ul>
     * The consumers are BINARY_OP, INPLACE_OP and UNPACK_SEQUENCE; between the two there may be
     * only LOAD_FAST, LOAD_CONST, and BINARY_OP, INPLACE_OP and BINARY_SUBSCR of values above
     * the lent one, and no jump target. Code can run in between only at the drains (a
     * finalizer) and in those operators' dunder methods, and before either every lent value is
     * counted (JitSlots.settleAll): no code ever sees a lent value uncounted. Each lent slot has
     * a flag (a local variable: LENT_BASE + slot) saying whether it was counted after all, which
     * the consumer passes as whether it drops the value. For the deopt the slot is borrowed
     * throughout; where the value was counted after all, the handlers drop that count first
     * (JitSlots.settleLentSlots). A lent value never crosses the boundary of a region. Returns
     * the pc of the consumer of the value in slot, or -1 (also when slot is not one whose flag
     * exists).
     */
    private int lendConsumer(int pc, int slot) {
        if (slot < 0 || slot >= maxSlots) return -1;
        for (int q = pc + 1; q < ins.length && q <= pc + LEND_REACH; q++) {
            if (target[q] || depth[q] < 0) return -1;
            int op = ins[q] & 0xFF, d = depth[q];
            switch (op) {
                case LOAD_FAST, LOAD_CONST -> { }
                case BINARY_OP, INPLACE_OP -> {
                    if (slot >= d - 2) return q;
                }
                case BINARY_SUBSCR -> {
                    if (slot >= d - 2) return -1;
                }
                case UNPACK_SEQUENCE -> {
                    return slot == d - 1 ? q : -1;
                }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Whether the value the instruction at pc leaves (see producedSlot) can be lent. */
    boolean lends(int pc) {
        return lentTo[pc] >= 0;
    }

    /** The slot of the value the instruction at pc could lend, or -1 when it lends none. */
    private int producedSlot(int pc) {
        int op = ins[pc] & 0xFF, arg = ins[pc] >>> 8, d = depth[pc];
        return switch (op) {
            case BINARY_OP, INPLACE_OP, BINARY_SUBSCR -> d - 2;
            case LOAD_ATTR -> d - 1;
            case FOR_ITER -> d;
            case UNPACK_SEQUENCE -> arg >= 1 ? d + arg - 2 : -1;
            default -> -1;
        };
    }
}
