package toy.vm;

import toy.compile.Code;
import toy.object.*;

/**
 * The general paths of the instructions that may run their operands' dunder methods
 * ({@code a + b}, {@code a < b}, {@code a[k]}, {@code a[k] = v}, {@code -a}, {@code k in a},
 * {@code if a:}, {@code a.x}, {@code a.x = v}, {@code a.m()} through a property), shared by the
 * eval loop and compiled code. Each marks the operands that the frame's stack holds by counted
 * references as held while it runs ({@link RefState#hold}), so that a dunder method called with
 * one of them counts it once, for its frame, as in CPython, and not once more for the call
 * ({@link Interpreter#callFunction}). A compiled frame's slot that borrowed its operand from a
 * local (JitSlots) holds no counted reference: the call counts that operand instead, which makes
 * the same count as CPython's stack reference. The fast paths that run no code (ints, floats,
 * lists by index) are tried first. Each general path is its own small method with the same hold,
 * try, unhold shape, rather than one method taking a lambda, so that nothing is allocated per
 * call.
 */
final class OperandCalls {
    // (each returns at once through the plain protocol call when no operand is an instance of
    // a script class: no dunder method of theirs is script code, so nothing needs holding)
    private OperandCalls() {}

    /** COMPARE_OP's result (borrowed), with the fast path for ints that fit in a long. */
    static PyObject compare(RefState rs, PyObject a, PyObject b, int op, boolean heldA, boolean heldB) {
        if (a instanceof PyInt x && b instanceof PyInt y && x.big == null && y.big == null) {
            return PyBool.of(Compare.result(Long.compare(x.value, y.value), op));
        }
        return richCompare(rs, a, b, op, heldA, heldB);
    }

    /** o[k] (borrowed), with the fast path for an exact list or tuple. */
    static PyObject subscript(RefState rs, PyObject o, PyObject k, boolean heldO, boolean heldK) {
        PyObject r = Interpreter.seqItem(o, k);
        return r != null ? r : getItem(rs, o, k, heldO, heldK);
    }

    /**
     * GET_ITER's iterator, as a counted reference: a list's or tuple's is born owning the one
     * reference the stack takes, and never passes through the zero-count table; any other
     * object's __iter__ runs with the object held.
     */
    static PyObject iterOwned(RefState rs, PyObject o) {
        if (o.type == PyList.TYPE || o.type == PyTuple.TYPE) return SeqIterator.owned(o);
        if (!o.type.heap) return Refs.own(Ops.iter(o));
        rs.hold(o, null, null);
        try {
            return Refs.own(Ops.iter(o));
        } finally {
            rs.unhold();
        }
    }

    /**
     * FOR_ITER's next item as a counted reference, or null when the iterator is exhausted; a
     * script class's __next__ runs with the iterator held.
     */
    static PyObject iterNext(RefState rs, PyObject it) {
        if (it instanceof PyGenerator g && g.type == PyGenerator.GENERATOR) return g.nextOwned();
        PyObject v = it.type.heap ? nextHolding(rs, it) : Ops.next(it);
        if (v != null) Refs.incref(v);
        return v;
    }

    private static PyObject nextHolding(RefState rs, PyObject it) {
        rs.hold(it, null, null);
        try {
            return Ops.next(it);
        } finally {
            rs.unhold();
        }
    }

    /**
     * FOR_ITER's end drops the stack's reference to the exhausted iterator. A list's or tuple's
     * iterator dies at once (it has no finalizer and, exhausted, holds nothing), as CPython
     * frees it there; any other dies at the drain, at the same instruction boundary.
     */
    static void dropExhausted(RefState rs, PyObject it) {
        if (it.type == SeqIterator.TYPE) Refs.decrefAtOnce(rs, it);
        else Refs.decref(rs, it);
    }

    static PyObject binary(RefState rs, PyObject a, PyObject b, int op, boolean inplace, boolean heldA, boolean heldB) {
        if (!a.type.heap && !b.type.heap) return inplace ? Ops.inplace(a, b, op) : Ops.binary(a, b, op);
        return binaryHolding(rs, a, b, op, inplace, heldA, heldB);
    }

    private static PyObject binaryHolding(RefState rs, PyObject a, PyObject b, int op, boolean inplace, boolean heldA,
                                          boolean heldB) {
        rs.hold(heldA ? a : null, heldB ? b : null, null);
        try {
            return inplace ? Ops.inplace(a, b, op) : Ops.binary(a, b, op);
        } finally {
            rs.unhold();
        }
    }

    private static PyObject richCompare(RefState rs, PyObject a, PyObject b, int op, boolean heldA, boolean heldB) {
        if (!a.type.heap && !b.type.heap) return Ops.richCompare(a, b, op);
        return richCompareHolding(rs, a, b, op, heldA, heldB);
    }

    private static PyObject richCompareHolding(RefState rs, PyObject a, PyObject b, int op, boolean heldA, boolean heldB) {
        rs.hold(heldA ? a : null, heldB ? b : null, null);
        try {
            return Ops.richCompare(a, b, op);
        } finally {
            rs.unhold();
        }
    }

    private static PyObject getItem(RefState rs, PyObject o, PyObject k, boolean heldO, boolean heldK) {
        if (!o.type.heap && !k.type.heap) return Ops.getItem(o, k);
        return getItemHolding(rs, o, k, heldO, heldK);
    }

    private static PyObject getItemHolding(RefState rs, PyObject o, PyObject k, boolean heldO, boolean heldK) {
        rs.hold(heldO ? o : null, heldK ? k : null, null);
        try {
            return Ops.getItem(o, k);
        } finally {
            rs.unhold();
        }
    }

    /** (v is always held: the stack's reference to it moves into the container.) */
    static void setItem(RefState rs, PyObject o, PyObject k, PyObject v, boolean heldO, boolean heldK) {
        if (!o.type.heap && !k.type.heap && !v.type.heap) Ops.setItem(o, k, v);
        else setItemHolding(rs, o, k, v, heldO, heldK);
    }

    private static void setItemHolding(RefState rs, PyObject o, PyObject k, PyObject v, boolean heldO, boolean heldK) {
        rs.hold(heldO ? o : null, heldK ? k : null, v);
        try {
            Ops.setItem(o, k, v);
        } finally {
            rs.unhold();
        }
    }

    /** DELETE_SUBSCR (its slots always own their references). */
    static void delItem(RefState rs, PyObject o, PyObject k) {
        if (!o.type.heap && !k.type.heap) Ops.delItem(o, k);
        else delItemHolding(rs, o, k);
    }

    private static void delItemHolding(RefState rs, PyObject o, PyObject k) {
        rs.hold(o, k, null);
        try {
            Ops.delItem(o, k);
        } finally {
            rs.unhold();
        }
    }

    static PyObject unary(RefState rs, PyObject a, int op) {
        if (!a.type.heap) return Ops.unary(a, op);
        rs.hold(a, null, null);
        try {
            return Ops.unary(a, op);
        } finally {
            rs.unhold();
        }
    }

    /** item in container. */
    static boolean contains(RefState rs, PyObject container, PyObject item) {
        if (!container.type.heap && !item.type.heap) return Ops.contains(container, item);
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
        if (!held || !v.type.heap) return Ops.isTrue(v);
        rs.hold(v, null, null);
        try {
            return Ops.isTrue(v);
        } finally {
            rs.unhold();
        }
    }

    /**
     * STORE_ATTR through a data descriptor: a property's setter, or a script class's __set__
     * (obj is an instance; heldO, heldV: the caller's stack holds counted references to them).
     */
    static void descrSet(PyObject descr, PyObject o, PyObject v, boolean heldO, boolean heldV) {
        if (!o.type.heap) descr.descrSet(o, v);
        else descrSetHolding(Refs.state(), descr, o, v, heldO, heldV);
    }

    private static void descrSetHolding(RefState rs, PyObject descr, PyObject o, PyObject v, boolean heldO,
                                        boolean heldV) {
        rs.hold(heldO ? o : null, heldV ? v : null, null);
        try {
            descr.descrSet(o, v);
        } finally {
            rs.unhold();
        }
    }

    /** STORE_ATTR on anything but a plain instance, or through a script class's __setattr__. */
    static void setAttr(PyObject o, PyStr name, PyObject v, boolean heldO, boolean heldV) {
        if (!o.type.heap) Ops.setAttr(o, name, v);
        else setAttrHolding(Refs.state(), o, name, v, heldO, heldV);
    }

    private static void setAttrHolding(RefState rs, PyObject o, PyStr name, PyObject v, boolean heldO, boolean heldV) {
        rs.hold(heldO ? o : null, heldV ? v : null, null);
        try {
            Ops.setAttr(o, name, v);
        } finally {
            rs.unhold();
        }
    }

    /**
     * LOAD_ATTR (a property's getter or __getattribute__ sees the object held; CPython calls
     * __getattr__ through a bound method, which counts it again: Attr.heapGetAttr takes the
     * marker off first).
     */
    static PyObject getAttr(RefState rs, Code code, int pc, PyObject o, PyStr name, boolean held) {
        if (!held || !o.type.heap) return AttrCache.load(code, pc, o, name);
        return getAttrHolding(rs, code, pc, o, name);
    }

    private static PyObject getAttrHolding(RefState rs, Code code, int pc, PyObject o, PyStr name) {
        rs.hold(o, null, null);
        try {
            return AttrCache.load(code, pc, o, name);
        } finally {
            rs.unhold();
        }
    }
}
