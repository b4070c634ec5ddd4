package toy.vm;

import toy.compile.Code;
import toy.object.*;

/**
 * The general paths of the instructions that may run their operands' dunder methods
 * ({@code a + b}, {@code a < b}, {@code a[k]}, {@code a[k] = v}, {@code -a}, {@code k in a},
 * {@code if a:}, {@code a.x}), shared by the eval loop and compiled code. Each marks the
 * operands that the frame's stack holds by counted references as held while it runs
 * ({@link RefState#hold}), so that a dunder method called with one of them counts it once, for
 * its frame, as in CPython, and not once more for the call ({@link Interpreter#callFunction}).
 * A compiled frame's slot that borrowed its operand from a local (JitSlots) holds no counted
 * reference: the call counts that operand instead, which makes the same count as CPython's
 * stack reference. The fast paths that run no code (ints, floats, lists by index) do not come
 * here.
 */
final class OperandCalls {
    private OperandCalls() {}

    static PyObject binary(RefState rs, PyObject a, PyObject b, int op, boolean inplace, boolean heldA, boolean heldB) {
        rs.hold(heldA ? a : null, heldB ? b : null, null);
        try {
            return inplace ? Ops.inplace(a, b, op) : Ops.binary(a, b, op);
        } finally {
            rs.unhold();
        }
    }

    static PyObject compare(RefState rs, PyObject a, PyObject b, int op, boolean heldA, boolean heldB) {
        rs.hold(heldA ? a : null, heldB ? b : null, null);
        try {
            return Ops.richCompare(a, b, op);
        } finally {
            rs.unhold();
        }
    }

    static PyObject getItem(RefState rs, PyObject o, PyObject k, boolean heldO, boolean heldK) {
        rs.hold(heldO ? o : null, heldK ? k : null, null);
        try {
            return Ops.getItem(o, k);
        } finally {
            rs.unhold();
        }
    }

    /** (v is always held: the stack's reference to it moves into the container.) */
    static void setItem(RefState rs, PyObject o, PyObject k, PyObject v, boolean heldO, boolean heldK) {
        rs.hold(heldO ? o : null, heldK ? k : null, v);
        try {
            Ops.setItem(o, k, v);
        } finally {
            rs.unhold();
        }
    }

    static PyObject unary(RefState rs, PyObject a, int op) {
        rs.hold(a, null, null);
        try {
            return Ops.unary(a, op);
        } finally {
            rs.unhold();
        }
    }

    /** item in container. */
    static boolean contains(RefState rs, PyObject container, PyObject item) {
        rs.hold(container, item, null);
        try {
            return Ops.contains(container, item);
        } finally {
            rs.unhold();
        }
    }

    static boolean isTrue(RefState rs, PyObject v, boolean held) {
        if (v == PyBool.TRUE) return true;
        if (v == PyBool.FALSE || v == Py.None) return false;
        rs.hold(held ? v : null, null, null);
        try {
            return Ops.isTrue(v);
        } finally {
            rs.unhold();
        }
    }

    static PyObject getAttr(RefState rs, Code code, int pc, PyObject o, PyStr name, boolean held) {
        rs.hold(held ? o : null, null, null);
        try {
            return AttrCache.load(code, pc, o, name);
        } finally {
            rs.unhold();
        }
    }
}
