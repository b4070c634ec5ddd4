package toy.object;

import java.util.Arrays;

/**
 * An instance of a class defined by a script whose built-in base is {@code object}. Its
 * protocols all come from dunder lookup on its heap type (see {@link Ops}); this class holds
 * the instance attributes and lets instances act as descriptors.
 *
 * <h2>Inline attributes</h2>
 *
 * As in CPython 3.11, an instance starts with no dict object: its attribute values sit in an
 * array indexed by the class's {@link SharedKeys}, where every instance of the class keeps an
 * attribute of a given name at the same index. A typical object then costs one container
 * instead of two (an instance and its dict), which halves what its birth and death cost the
 * reference counting and the collector, and an attribute cache finds a value by index without
 * hashing.
 *
 * <p>The attributes must still behave as a dict in insertion order, so the instance records
 * the order in which its present values were stored; while that is simply the keys' order
 * 0, 1, 2... (the usual case: every {@code __init__} stores the same names in the same order)
 * the order array is not even allocated.
 *
 * <p>The instance gets a real dict, and keeps it for the rest of its life, when a script asks
 * for {@code __dict__} (also through {@code vars()} and {@code dir()}), assigns
 * {@code __class__}, or stores a name the shared keys cannot take (they are full, or the name
 * is a str subclass): the dict is built from the inline values in their insertion order.
 * Those are CPython's rules too, so {@code gc.collect()} counts a dict exactly when CPython
 * would have one.
 *
 * <p>Invariants: while {@link #dict} is null, the attributes are the non-null entries of
 * {@link #values}, {@link #size} of them, and the type's shared keys hold at least
 * {@code values.length} names; once dict is set, values is null and size 0. Each value holds
 * one counted reference.
 */
public class PyInstance extends PyContainer {
    /** The attribute dict once the instance has one (see above); null while attributes are inline. */
    public PyDict dict;
    /** Inline attribute values indexed by the type's shared keys, null where absent; null before the first store. */
    private PyObject[] values;
    /** The shared-key indexes of the present values in insertion order; null when that is 0..size-1. */
    private byte[] order;
    /** How many inline attributes are present. */
    private int size;

    public PyInstance(PyType type) {
        super(type);
        values = room(type);
    }

    private PyInstance(PyType type, boolean owned, boolean countType) {
        super(type, true, owned, countType);
        values = room(type);
    }

    /** Room for every name instances of type have had so far (they will likely get them too). */
    private static PyObject[] room(PyType type) {
        SharedKeys k = type.sharedKeys;
        return k == null || k.count == 0 ? null : new PyObject[k.count];
    }

    /** A new instance holding one counted reference, which the caller stores at once. */
    public static PyInstance owned(PyType type) { return new PyInstance(type, true, true); }

    /** The same, taking over a counted reference to type that the caller holds. */
    public static PyInstance ownedTakingType(PyType type) { return new PyInstance(type, true, false); }

    private SharedKeys keys() {
        SharedKeys k = type.sharedKeys;
        if (k == null) k = type.sharedKeys = new SharedKeys();
        return k;
    }

    // ---- the attribute cache's fast paths (toy.vm.AttrCache) ----

    /**
     * The index of the inline value called name, trying hint first (where an attribute cache
     * last found it), or -1 when the instance has no such inline value (or has a dict).
     */
    public final int inlineIndex(PyStr name, int hint) {
        PyObject[] vals = values;
        if (vals == null) return -1;
        int ix = hint;
        if (ix < 0 || ix >= vals.length || type.sharedKeys.names[ix] != name) {
            ix = type.sharedKeys.indexOf(name);
            if (ix < 0 || ix >= vals.length) return -1;
        }
        return vals[ix] != null ? ix : -1;
    }

    /** The inline value at an index {@link #inlineIndex} gave. */
    public final PyObject inlineValue(int ix) { return values[ix]; }

    /**
     * Stores value as the attribute called name, trying the shared key at hint first; returns
     * the key index the value went to, or -1 when it went into the dict. count: the object
     * counts its reference to value; false when the caller hands over a counted reference it
     * holds (the VM's STORE_ATTR moves the value stack's).
     */
    public int storeAttr(PyStr name, PyObject value, int hint, boolean count) {
        if (dict == null) {
            SharedKeys keys = keys();
            int ix = hint >= 0 && hint < keys.count && keys.names[hint] == name ? hint : keys.indexOrAdd(name);
            if (ix >= 0) {
                putInline(ix, value, count);
                return ix;
            }
            materialize();
        }
        dict.put(name, value);
        if (!count) Refs.decref(value); // the dict counted its own
        return -1;
    }

    // ---- the generic attribute algorithm (Attr) ----

    /** (Not through {@link #inlineIndex}: LOAD_METHOD calls this, and that measured 5-8% slower on method calls.) */
    @Override public PyObject instanceAttr(PyStr name) {
        if (dict != null) return dict.getStr(name);
        PyObject[] vals = values;
        if (vals == null) return null;
        int ix = type.sharedKeys.indexOf(name);
        return ix >= 0 && ix < vals.length ? vals[ix] : null;
    }

    @Override public boolean setInstanceAttr(PyStr name, PyObject value) {
        storeAttr(name, value, -1, true);
        return true;
    }

    @Override public boolean delInstanceAttr(PyStr name) {
        if (dict != null) return dict.remove(name) != null;
        PyObject[] vals = values;
        if (vals == null) return false;
        int ix = type.sharedKeys.indexOf(name);
        if (ix < 0 || ix >= vals.length || vals[ix] == null) return false;
        PyObject old = vals[ix];
        vals[ix] = null;
        if (order == null && ix == size - 1) {
            size--;
        } else {
            byte[] ord = orderArray();
            int p = 0;
            while (ord[p] != ix) p++;
            System.arraycopy(ord, p + 1, ord, p, size - p - 1);
            size--;
        }
        Refs.decref(old);
        return true;
    }

    /** The attribute dict, built from the inline values the first time it is asked for. */
    @Override public PyDict dict() {
        if (dict == null) materialize();
        return dict;
    }

    /** {@code __dict__ = d}: the instance's attributes become d's entries; null (del) leaves none. */
    public void setDict(PyDict d) {
        PyDict oldDict = dict;
        PyObject[] oldValues = values;
        dict = d == null ? null : Refs.own(d);
        values = null;
        order = null;
        size = 0;
        Refs.xdecref(oldDict);
        if (oldValues != null) for (PyObject v : oldValues) Refs.xdecref(v);
    }

    private void putInline(int ix, PyObject value, boolean count) {
        PyObject[] vals = values;
        if (vals == null) vals = values = new PyObject[type.sharedKeys.count];
        else if (ix >= vals.length) vals = values = Arrays.copyOf(vals, type.sharedKeys.count);
        if (count) Refs.incref(value);
        PyObject old = vals[ix];
        vals[ix] = value;
        if (old != null) {
            Refs.decref(old);
            return;
        }
        if (order == null && ix == size) {
            size++;
            return;
        }
        orderArray()[size++] = (byte) ix;
    }

    /** The insertion order, made explicit (room for every possible key). */
    private byte[] orderArray() {
        byte[] ord = order;
        if (ord == null) {
            ord = order = new byte[SharedKeys.MAX];
            for (int i = 0; i < size; i++) ord[i] = (byte) i;
        }
        return ord;
    }

    /** Moves the inline values into a new dict, in insertion order, for the rest of the instance's life. */
    private void materialize() {
        PyDict d = PyDict.owned();
        PyObject[] vals = values;
        if (vals != null) {
            PyStr[] names = type.sharedKeys.names;
            for (int p = 0; p < size; p++) {
                int ix = order == null ? p : order[p];
                d.put(names[ix], vals[ix]);
                Refs.decref(vals[ix]); // the reference moved into the dict
            }
        }
        dict = d;
        values = null;
        order = null;
        size = 0;
    }

    /** The dict, then the inline values in key order (CPython's _PyObject_FreeInstanceAttributes). */
    @Override public void traverse(RefVisitor v) {
        v.visit(dict);
        PyObject[] vals = values;
        if (vals != null) for (PyObject x : vals) v.visit(x);
    }

    @Override public PyObject getAttrOrNull(PyStr name) { return Attr.genericGetAttr(this, name, false); }

    @Override public PyObject descrGet(PyObject instance, PyType owner) {
        if (!type.heap) return null;
        PyObject get = type.lookup("__get__");
        if (get == null) return null;
        return Ops.callMethod(get, this, instance == null ? Py.None : instance, owner);
    }

    @Override public boolean isDataDescriptor() {
        return type.heap && (type.lookup("__set__") != null || type.lookup("__delete__") != null);
    }

    @Override public void descrSet(PyObject instance, PyObject value) {
        PyObject set = type.lookup(value == null ? "__delete__" : "__set__");
        if (set == null) throw Exc.attributeError("__set__");
        if (value == null) Ops.callMethod(set, this, instance); else Ops.callMethod(set, this, instance, value);
    }

    /** A plain {@code object()}: it has no instance dict, so attributes cannot be set on it. */
    static final class Bare extends PyInstance {
        Bare() { super(PyType.OBJECT); }

        @Override public PyDict dict() { return null; }

        @Override public PyObject instanceAttr(PyStr name) { return null; }

        @Override public boolean setInstanceAttr(PyStr name, PyObject value) { return false; }

        @Override public boolean delInstanceAttr(PyStr name) { return false; }

        /** No attribute can be stored: the generic algorithm raises its AttributeError. */
        @Override public int storeAttr(PyStr name, PyObject value, int hint, boolean count) {
            Attr.genericSetAttr(this, name, value);
            if (!count) Refs.decref(value);
            return -1;
        }

        @Override public PyObject getAttrOrNull(PyStr name) { return Attr.genericGetAttr(this, name, false); }
    }
}
