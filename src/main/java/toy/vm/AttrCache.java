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

    static PyObject load(Code code, int pc, PyObject obj, PyStr name) {
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
            return Ops.getAttr(obj, name);
        }
        return Ops.getAttr(obj, name);
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
     * once the store succeeds (when it raises, the caller still holds it).
     */
    static void store(Code code, int pc, PyObject obj, PyStr name, PyObject value, boolean count) {
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
                descr.descrSet(obj, value);
            }
        } else {
            Ops.setAttr(obj, name, value);
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
        stack[sp - 1] = Refs.own(Ops.getAttr(obj, name));
        stack[sp] = null;
        Refs.decref(obj);
    }
}
