package toy.object;

import java.util.Arrays;

/**
 * {@code dict}: CPython's compact ordered hash table. A sparse index table maps hash slots
 * to positions in dense entry arrays (keys, values, hashes), so iteration follows insertion
 * order and walks no empty slots. Deleted entries leave a null key in the dense arrays and a
 * DUMMY in the index until the next resize. Probing is CPython's (perturbed) scheme.
 *
 * <p>Invariant: {@code used} live entries among {@code keys[0..next)}; the index has
 * {@code indices.length} slots, a power of two, at most 2/3 full counting dummies.
 * {@code version} is a tag drawn from a global counter whenever a key is inserted or removed:
 * while it is unchanged, every key sits at the same position (LOAD_GLOBAL caches rely on it).
 */
public class PyDict extends PyContainer {
    public static final PyType TYPE = PyType.builtin("dict", PyType.OBJECT, (cls, a, k) -> new PyDict(cls));

    private static final int EMPTY = -1, DUMMY = -2;

    private int[] indices;
    PyObject[] keys;
    PyObject[] values;
    private long[] hashes;
    /** The next free position in the dense arrays. */
    int next;
    /** The number of live entries. */
    int used;
    /** Changes on every insertion or deletion of a key. */
    public int version = ++versionCounter;
    private static int versionCounter;
    /** Instance dict of script subclasses (a dict subclass instance can have attributes). */
    PyDict dict;

    public PyDict() { this(TYPE); }

    /**
     * An exact dict is born untracked by the cycle collector and tracked at the first store of
     * a key or value that may be part of a cycle (CPython's MAINTAIN_TRACKING): a dict of
     * numbers and strings, such as most instance dicts, costs the collector nothing. A
     * subclass's instance is tracked from birth, since it refers to its class.
     */
    protected PyDict(PyType type) {
        super(type, type != TYPE);
        init(8);
    }

    private PyDict(boolean owned) {
        super(TYPE, false, owned);
        init(8);
    }

    /** A new exact dict holding one counted reference, which the caller stores at once. */
    public static PyDict owned() { return new PyDict(true); }

    private void init(int slots) {
        indices = new int[slots];
        Arrays.fill(indices, EMPTY);
        int cap = slots * 2 / 3;
        keys = new PyObject[cap];
        values = new PyObject[cap];
        hashes = new long[cap];
        next = 0;
        used = 0;
    }

    public final int size() { return used; }

    /** The position of key in the dense arrays, or -1. */
    private int find(PyObject key, long hash) {
        restart:
        while (true) {
            PyObject[] ks = keys;
            int[] idx = indices;
            int mask = idx.length - 1;
            long perturb = hash;
            int i = (int) (hash & mask);
            while (true) {
                int ix = idx[i];
                if (ix == EMPTY) return -1;
                if (ix >= 0) {
                    PyObject k = ks[ix];
                    if (k == key) return ix;
                    if (hashes[ix] == hash && k != null) {
                        if (k instanceof PyStr a && key instanceof PyStr b) {
                            if (a.value.equals(b.value)) return ix;
                        } else if (k.type == key.type && (k.type == PyInt.TYPE || k.type == PyFloat.TYPE)) {
                            if (Ops.eq(k, key)) return ix; // (runs no code)
                        } else {
                            // CPython's lookdict: an __eq__ that replaced the table or this entry
                            // restarts the search
                            boolean eq = Ops.eqHoldingStored(k, key);
                            if (ks != keys || ks[ix] != k) continue restart;
                            if (eq) return ix;
                        }
                    }
                }
                perturb >>>= 5;
                i = (int) ((i * 5L + perturb + 1) & mask);
            }
        }
    }

    /** The slot in the index where a new entry for hash goes. */
    private int freeSlot(long hash) {
        int mask = indices.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (indices[i] >= 0) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        return i;
    }

    public final PyObject get(PyObject key) {
        int ix = find(key, Ops.hash(key));
        return ix < 0 ? null : values[ix];
    }

    /** Lookup by an identifier; no __eq__ can run. */
    public final PyObject getStr(PyStr key) {
        int ix = find(key, key.hash());
        return ix < 0 ? null : values[ix];
    }

    /** The position of an identifier key in the entry arrays, or -1 (for caches; see {@link #version}). */
    public final int indexOf(PyStr key) { return find(key, key.hash()); }

    /**
     * The position of an identifier key, trying position hint first (where an attribute cache
     * last found it: instances of a class usually insert their attributes in the same order),
     * or -1.
     */
    public final int indexOfHinted(PyStr key, int hint) {
        if (hint < next && keys[hint] == key) return hint;
        return find(key, key.hash());
    }

    /** Replaces the value of an existing entry (see {@link #indexOfHinted}). */
    public final void replaceValueAt(int pos, PyObject value) {
        if (!tracked() && Refs.ENABLED && mayBeTracked(value)) Collector.trackLate(this);
        PyObject old = values[pos];
        values[pos] = value;
        Refs.swap(old, value);
    }

    public final PyObject get(String key) { return getStr(PyStr.intern(key)); }

    public final boolean containsKey(PyObject key) { return find(key, Ops.hash(key)) >= 0; }

    public final void put(PyObject key, PyObject value) { put(key, Ops.hash(key), value); }

    public final void put(String key, PyObject value) { put(PyStr.intern(key), value); }

    final void put(PyObject key, long hash, PyObject value) {
        if (!tracked() && Refs.ENABLED && (mayBeTracked(value) || mayBeTracked(key))) Collector.trackLate(this);
        int ix = find(key, hash);
        if (ix >= 0) {
            PyObject old = values[ix];
            values[ix] = value;
            Refs.swap(old, value);
            return;
        }
        Refs.incref(key);
        Refs.incref(value);
        if (next == keys.length) resize();
        int slot = freeSlot(hash);
        indices[slot] = next;
        keys[next] = key;
        values[next] = value;
        hashes[next] = hash;
        next++;
        used++;
        version = ++versionCounter;
    }

    /**
     * True when o could be part of a reference cycle, CPython's _PyObject_GC_MAY_BE_TRACKED: a
     * container other than a built-in type or a bare object(), a tuple only while the collector
     * tracks it (never the empty one), an instance of a script class, and the objects CPython's
     * collector knows that Toy makes immortal (built-in functions and modules), so that
     * gc.is_tracked answers as CPython's does.
     */
    static boolean mayBeTracked(PyObject o) {
        if (o.type.heap) return true; // an instance of a script class (of str, int too) refers to its class
        if (!(o instanceof PyContainer c)) return o instanceof PyBuiltinFunction || o instanceof PyModule;
        if (o instanceof PyInstance.Bare) return false; // object() holds nothing
        if (o instanceof PyType t) return t.heap;
        if (o instanceof PyTuple) return c.tracked(); // (never the empty one)
        return true;
    }

    private void resize() {
        int newSlots = 8;
        while (newSlots * 2 / 3 <= used * 3 / 2 + 1) newSlots <<= 1;
        PyObject[] oldKeys = keys, oldValues = values;
        long[] oldHashes = hashes;
        int oldNext = next;
        init(newSlots);
        for (int j = 0; j < oldNext; j++) {
            if (oldKeys[j] == null) continue;
            int slot = freeSlot(oldHashes[j]);
            indices[slot] = next;
            keys[next] = oldKeys[j];
            values[next] = oldValues[j];
            hashes[next] = oldHashes[j];
            next++;
            used++;
        }
    }

    /** Removes key and returns its value, or null when absent. */
    public final PyObject remove(PyObject key) {
        long hash = Ops.hash(key);
        int ix = find(key, hash);
        if (ix < 0) return null;
        return removeAt(ix, hash);
    }

    private PyObject removeAt(int ix, long hash) {
        int mask = indices.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (indices[i] != ix) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        indices[i] = DUMMY;
        PyObject v = values[ix];
        PyObject k = keys[ix];
        keys[ix] = null;
        values[ix] = null;
        used--;
        version = ++versionCounter;
        Refs.decref(k);
        Refs.decref(v);
        return v;
    }

    /** Removes and returns the last entry as {key, value}, or null when empty. */
    public final PyObject[] popLast() {
        for (int j = next - 1; j >= 0; j--) {
            if (keys[j] != null) {
                PyObject k = keys[j];
                PyObject v = removeAt(j, hashes[j]);
                next = j;
                return new PyObject[] {k, v};
            }
        }
        return null;
    }

    /** Empties the dict, dropping keys and values in insertion order as CPython's dict_clear. */
    public final void clear() {
        PyObject[] oldKeys = keys, oldValues = values;
        int n = next;
        init(8);
        version = ++versionCounter;
        for (int j = 0; j < n; j++) {
            if (oldKeys[j] == null) continue;
            Refs.decref(oldKeys[j]);
            Refs.decref(oldValues[j]);
        }
    }

    /** A script subclass's attribute dict first, then each key and its value in insertion order. */
    @Override public void traverse(RefVisitor v) {
        if (dict != null) v.visit(dict);
        for (int j = 0; j < next; j++) {
            if (keys[j] == null) continue;
            v.visit(keys[j]);
            v.visit(values[j]);
        }
    }

    /** Position-based iteration: the first live entry at or after pos, or -1. */
    public final int nextEntry(int pos) {
        while (pos < next) {
            if (keys[pos] != null) return pos;
            pos++;
        }
        return -1;
    }

    public final PyObject keyAt(int pos) { return keys[pos]; }

    public final PyObject valueAt(int pos) { return values[pos]; }

    public final PyDict copy() {
        PyDict d = new PyDict();
        d.update(this);
        return d;
    }

    public final void update(PyDict other) {
        // a copy or merge of a tracked dict is tracked, as CPython's dict_merge does
        if (other.tracked() && !tracked() && Refs.ENABLED) Collector.trackLate(this);
        PyObject[] ks = other.keys;
        int n = other.next;
        for (int j = 0; j < n; j++) {
            PyObject k = ks[j];
            if (k == null) continue;
            // as CPython's dict_merge: the entry is held while a key's __eq__ may run, and a
            // change to other meanwhile is an error
            PyObject v = other.values[j];
            Refs.incref(k);
            Refs.incref(v);
            try {
                put(k, other.hashes[j], v);
            } finally {
                Refs.decref(k);
                Refs.decref(v);
            }
            if (other.keys != ks || other.next != n) throw Exc.runtimeError("dict mutated during update");
        }
    }

    @Override public PyDict dict() {
        if (type.heap && dict == null) dict = PyDict.owned();
        return dict;
    }

    @Override public String repr() {
        if (used == 0) return "{}";
        if (!Ops.enterRepr(this)) return "{...}";
        try {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (int j = 0; j < next; j++) {
                if (keys[j] == null) continue;
                if (!first) sb.append(", ");
                first = false;
                PyObject k = keys[j], v = values[j];
                sb.append(Ops.repr(k)).append(": ").append(Ops.repr(v));
            }
            return sb.append('}').toString();
        } finally {
            Ops.leaveRepr(this);
        }
    }

    @Override public long hash() { throw Exc.unhashable(this); }

    @Override public boolean isTrue() { return used != 0; }

    @Override public int length() { return used; }

    @Override public PyObject iter() { return new DictMethods.DictIterator(this, DictMethods.KEYS); }

    @Override public int contains(PyObject v) { return containsKey(v) ? 1 : 0; }

    @Override public PyObject getItem(PyObject key) {
        PyObject v = get(key);
        if (v == null) {
            if (type != TYPE) {
                PyObject missing = type.lookup("__missing__");
                if (missing != null) return Ops.callMethod(missing, this, key);
            }
            throw Exc.keyError(key);
        }
        return v;
    }

    @Override public void setItem(PyObject key, PyObject value) { put(key, value); }

    @Override public void delItem(PyObject key) {
        if (remove(key) == null) throw Exc.keyError(key);
    }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op == BinOp.OR && other instanceof PyDict o) {
            PyDict r = new PyDict();
            if (reflected) { r.update(o); r.update(this); } else { r.update(this); r.update(o); }
            return r;
        }
        return null;
    }

    @Override public PyObject inplaceOp(int op, PyObject other) {
        if (op == BinOp.OR) {
            DictMethods.updateFrom(this, other);
            return this;
        }
        return null;
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyDict o) || (op != Compare.EQ && op != Compare.NE)) return null;
        boolean eq = used == o.used;
        if (eq) {
            for (int j = 0; j < next && eq; j++) {
                if (keys[j] == null) continue;
                PyObject ov = o.get(keys[j]);
                eq = ov != null && (ov == values[j] || Ops.eq(values[j], ov));
            }
        }
        return PyBool.of(op == Compare.EQ ? eq : !eq);
    }
}
