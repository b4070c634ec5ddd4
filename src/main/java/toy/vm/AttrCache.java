package toy.vm;

import toy.compile.Code;
import toy.object.*;

/**
 * Attribute access with per-instruction inline caches (the idea of CPython 3.11's
 * specialising interpreter, without rewriting instructions): each LOAD_ATTR, STORE_ATTR and
 * LOAD_METHOD remembers the receiver type it saw and what the type lookup of the name gave.
 * While the type's version tag is unchanged the lookup is skipped; the instance's attributes
 * are still consulted, so the result is always what the generic algorithm would give, but at
 * the index where the instruction last found the name (a shared-key index for inline values,
 * an entry position in a dict) before any search.
 */
final class AttrCache {
    private AttrCache() {}

    /** Whether a Java class overrides getAttr (then the generic algorithm does not apply). */
    private static final ClassValue<Boolean> CUSTOM_GETATTR = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> c) {
            try {
                return c.getMethod("getAttr", PyStr.class).getDeclaringClass() != PyObject.class;
            } catch (NoSuchMethodException e) {
                return true;
            }
        }
    };

    /** The type lookup of name, through the instruction's cache. */
    private static PyObject lookup(Code code, int pc, PyType tp, PyStr name) {
        if (code.icType[pc] == tp && code.icVersion[pc] == tp.version) return code.icDescr[pc];
        PyObject descr = tp.lookup(name.value);
        code.icType[pc] = tp;
        code.icVersion[pc] = tp.version;
        code.icDescr[pc] = descr;
        return descr;
    }

    /** LOAD_ATTR, with obj counted by the caller's stack. */
    static PyObject load(Code code, int pc, PyObject obj, PyStr name) {
        return load(code, pc, obj, name, true);
    }

    /**
     * LOAD_ATTR. objCounted false: a compiled slot borrowed obj from a local, so the stack holds
     * no counted reference to it. When a script class's __getattr__ may run, obj is then counted
     * and marked held for the lookup, as the eval loop's stack holds it: CPython calls
     * __getattr__ through a bound method, which counts the object once more (Attr.heapGetAttr),
     * where a property's getter or __getattribute__ gets it as it is, and the call's own count
     * stands in for the stack's.
     */
    static PyObject load(Code code, int pc, PyObject obj, PyStr name, boolean objCounted) {
        PyType tp = obj.type;
        if (obj instanceof PyInstance inst && (tp.attrHooks() & PyType.HOOK_GETATTRIBUTE) == 0) {
            PyObject descr = lookup(code, pc, tp, name);
            if (descr != null && descr.isDataDescriptor()) return descr.descrGet(obj, tp);
            PyDict d = inst.dict;
            if (d == null) {
                PyObject v = inlineValue(code, pc, inst, name);
                if (v != null) return v;
            } else {
                int ix = d.indexOfHinted(name, code.icIndex[pc]);
                if (ix >= 0) {
                    code.icIndex[pc] = ix;
                    return d.valueAt(ix);
                }
            }
            if (descr != null) {
                PyObject r = descr.descrGet(obj, tp);
                return r != null ? r : descr;
            }
        }
        if (objCounted || (tp.attrHooks() & PyType.HOOK_GETATTR) == 0) return Ops.getAttr(obj, name);
        return genericCounting(obj, name);
    }

    /** The generic lookup with obj counted and held meanwhile (see load). */
    private static PyObject genericCounting(PyObject obj, PyStr name) {
        RefState rs = Refs.state();
        Refs.incref(obj);
        rs.hold(obj, null, null);
        try {
            return Ops.getAttr(obj, name);
        } finally {
            rs.unhold();
            Refs.decref(rs, obj);
        }
    }

    /**
     * The fast half of {@link #load}: the value an instance holds inline under name, when no
     * __getattribute__ and no data descriptor comes first; else null. Finding it runs no script
     * code (a dict's lookup could: a key's __eq__), and the object holds the value, so
     * JitOps.loadAttrBorrowed lets a stack slot borrow it.
     */
    static PyObject loadOwnValue(Code code, int pc, PyObject obj, PyStr name) {
        PyType tp = obj.type;
        if (!(obj instanceof PyInstance inst) || inst.dict != null || (tp.attrHooks() & PyType.HOOK_GETATTRIBUTE) != 0) {
            return null;
        }
        PyObject descr = lookup(code, pc, tp, name);
        if (descr != null && descr.isDataDescriptor()) return null;
        return inlineValue(code, pc, inst, name);
    }

    /** The instance's inline value under name, found by the instruction's hint (which it updates), or null. */
    private static PyObject inlineValue(Code code, int pc, PyInstance inst, PyStr name) {
        int ix = inst.inlineIndex(name, code.icIndex[pc]);
        if (ix < 0) return null;
        code.icIndex[pc] = ix;
        return inst.inlineValue(ix);
    }

    /**
     * STORE_ATTR. count false: the caller's counted reference to value moves into the object
     * once the store succeeds (when it raises, the caller still holds it). heldObj: the caller's
     * stack holds a counted reference to obj; a setter or __setattr__ that runs script code then
     * sees obj, and value when count is false, counted as in CPython (see OperandCalls).
     */
    static void store(Code code, int pc, PyObject obj, PyStr name, PyObject value, boolean count, boolean heldObj) {
        PyType tp = obj.type;
        if (obj instanceof PyInstance inst && (tp.attrHooks() & PyType.HOOK_SETATTR) == 0) {
            PyObject descr = lookup(code, pc, tp, name);
            if (descr == null || !descr.isDataDescriptor()) {
                PyDict d = inst.dict;
                if (d == null) {
                    int ix = inst.storeAttr(name, value, code.icIndex[pc], count);
                    if (ix >= 0) code.icIndex[pc] = ix;
                    return;
                }
                int ix = d.indexOfHinted(name, code.icIndex[pc]);
                if (ix >= 0) {
                    code.icIndex[pc] = ix;
                    d.replaceValueAt(ix, value);
                } else {
                    d.put(name, value);
                }
            } else {
                OperandCalls.descrSet(descr, obj, value, heldObj, !count);
            }
        } else {
            OperandCalls.setAttr(obj, name, value, heldObj, !count);
        }
        if (!count) Refs.decref(value); // the object counted its own reference
    }

    /**
     * LOAD_METHOD: leaves ( meth self ) when the attribute is a plain method, else ( value null ).
     * The stack's reference to the object moves up a slot, or is dropped for the value.
     */
    static void loadMethod(Code code, int pc, PyObject[] stack, int sp, PyStr name) {
        PyObject obj = stack[sp - 1];
        PyType tp = obj.type;
        int kind = tp.javaGetattrKind;
        if (kind == 0) {
            kind = CUSTOM_GETATTR.get(obj.getClass()) ? 2 : 1;
            tp.javaGetattrKind = kind;
        }
        if (kind == 1 && (tp.attrHooks() & PyType.HOOK_GETATTRIBUTE) == 0) {
            PyObject descr = lookup(code, pc, tp, name);
            if (descr instanceof PyFunction || descr instanceof PyMethodDescr) {
                if (obj.instanceAttr(name) == null) {
                    stack[sp - 1] = Refs.own(descr);
                    stack[sp] = obj;
                    return;
                }
            }
        }
        // anything else is a plain attribute load; a script class's property getter then sees
        // the object held by the stack, as CPython's LOAD_METHOD falls back to
        PyObject r = tp.heap ? OperandCalls.getAttr(Refs.state(), code, pc, obj, name, true) : Ops.getAttr(obj, name);
        stack[sp - 1] = Refs.own(r);
        stack[sp] = null;
        Refs.decref(obj);
    }
}
