package toy.object;

/**
 * Attribute lookup and assignment, CPython's {@code PyObject_GenericGetAttr} and friends:
 * data descriptors on the type win over the instance dict, which wins over other class
 * attributes (functions bind to the instance there); script classes may add
 * {@code __getattr__}, {@code __getattribute__}, {@code __setattr__} and {@code __delattr__}.
 */
public final class Attr {
    private Attr() {}

    /** The generic algorithm; returns null instead of raising when raise is false. */
    public static PyObject genericGetAttr(PyObject obj, PyStr name, boolean raise) {
        PyType tp = obj.type;
        PyObject descr = tp.lookup(name.value);
        if (descr != null && descr.isDataDescriptor()) return descr.descrGet(obj, tp);
        PyObject v = obj.instanceAttr(name);
        if (v != null) return v;
        if (descr != null) {
            PyObject r = descr.descrGet(obj, tp);
            return r != null ? r : descr;
        }
        if (!raise) return null;
        throw Exc.noAttribute(obj, name.value);
    }

    public static void genericSetAttr(PyObject obj, PyStr name, PyObject value) {
        PyType tp = obj.type;
        PyObject descr = tp.lookup(name.value);
        if (descr != null && descr.isDataDescriptor()) {
            descr.descrSet(obj, value);
            return;
        }
        if (obj.setInstanceAttr(name, value)) return;
        if (descr != null) {
            throw Exc.attributeError("'" + tp.name + "' object attribute '" + name.value + "' is read-only");
        }
        throw Exc.noAttribute(obj, name.value);
    }

    public static void genericDelAttr(PyObject obj, PyStr name) {
        PyType tp = obj.type;
        PyObject descr = tp.lookup(name.value);
        if (descr != null && descr.isDataDescriptor()) {
            descr.descrSet(obj, null);
            return;
        }
        if (!obj.delInstanceAttr(name)) throw Exc.noAttribute(obj, name.value);
    }

    /** Attribute lookup on an instance of a script class. */
    static PyObject heapGetAttr(PyObject obj, PyStr name) {
        PyType tp = obj.type;
        int hooks = tp.attrHooks();
        PyObject r;
        if ((hooks & PyType.HOOK_GETATTRIBUTE) != 0) {
            PyObject ga = tp.lookup("__getattribute__");
            // beside a __getattr__, CPython calls __getattribute__ through a bound method too
            boolean bound = (hooks & PyType.HOOK_GETATTR) != 0;
            try {
                r = bound ? callBound(ga, obj, name) : Ops.callMethod(ga, obj, name);
            } catch (PyException e) {
                if (!e.matches(Exc.AttributeError)) throw e;
                PyObject getattr = tp.lookup("__getattr__");
                if (getattr == null) throw e;
                // CPython clears the error before calling __getattr__: the exception, and the
                // __getattribute__ frame its traceback holds, die here
                Refs.swallowedDiesNow(e.value);
                return callBound(getattr, obj, name);
            }
            return r;
        }
        r = obj instanceof PyType t ? typeGetAttr(t, name, false) : obj.getAttrOrNull(name);
        if (r != null) return r;
        if ((hooks & PyType.HOOK_GETATTR) == 0) throw Exc.noAttribute(obj, name.value);
        PyObject getattr = tp.lookup("__getattr__");
        if (getattr != null) return callBound(getattr, obj, name);
        throw Exc.noAttribute(obj, name.value);
    }

    /**
     * Calls __getattr__ (or __getattribute__ beside one). CPython calls it through a bound
     * method, which counts the object once more than a property's getter sees it: an
     * instruction that marked the object held (see RefState.hold) loses the marker here, so
     * that the call counts it.
     */
    private static PyObject callBound(PyObject getattr, PyObject obj, PyStr name) {
        Refs.state().takeHeld(obj);
        return Ops.callMethod(getattr, obj, name);
    }

    static void heapSetAttr(PyObject obj, PyStr name, PyObject value) {
        if ((obj.type.attrHooks() & PyType.HOOK_SETATTR) == 0) {
            obj.setAttr(name, value);
            return;
        }
        PyObject sa = obj.type.lookup("__setattr__");
        if (sa != null && !(sa instanceof PyMethodDescr)) {
            Ops.callMethod(sa, obj, name, value);
            return;
        }
        obj.setAttr(name, value);
    }

    static void heapDelAttr(PyObject obj, PyStr name) {
        PyObject da = obj.type.lookup("__delattr__");
        if (da != null && !(da instanceof PyMethodDescr)) {
            Ops.callMethod(da, obj, name);
            return;
        }
        obj.delAttr(name);
    }

    /** Attribute lookup on a type object: the metatype's data descriptors, then the MRO. */
    public static PyObject typeGetAttr(PyType type, PyStr name, boolean raise) {
        PyType meta = type.type;
        PyObject metaDescr = meta.lookup(name.value);
        if (metaDescr != null && metaDescr.isDataDescriptor()) return metaDescr.descrGet(type, meta);
        PyObject descr = type.lookup(name.value);
        if (descr != null) {
            PyObject r = descr.descrGet(null, type);
            return r != null ? r : descr;
        }
        if (metaDescr != null) {
            PyObject r = metaDescr.descrGet(type, meta);
            return r != null ? r : metaDescr;
        }
        if (!raise) return null;
        throw Exc.noAttribute(type, name.value);
    }
}
