package toy.object;

/**
 * {@code set} and {@code frozenset}: a port of CPython 3.11's {@code Objects/setobject.c} hash
 * table, so that iteration order (and therefore printing) matches CPython whenever the
 * elements' hashes do (ints, floats, bools, tuples of those, frozensets of those).
 *
 * <p>The table is open addressing over {@code keys}/{@code hashes} (a power-of-two size,
 * {@code mask + 1}, at least {@link #MINSIZE}). Each probe looks at one slot and, when room
 * allows, the {@link #LINEAR_PROBES} slots after it, then jumps with CPython's perturbed
 * recurrence {@code i = (i * 5 + 1 + perturb) & mask}. A removed element leaves {@link #DUMMY}
 * (hash -1) behind until the next resize. {@code fill} counts live plus dummy slots,
 * {@code used} the live ones. Hashes are treated as unsigned 64-bit values (size_t) for slot
 * computation, exactly as in C.
 *
 * <p>The set algorithms (union, intersection, difference, symmetric difference and their
 * in-place forms, subset tests) follow the C code step by step, including which operand they
 * iterate and the fast paths of {@code set_merge}, because the order of the result depends on
 * them. The methods visible to scripts are registered in {@link SetMethods}.
 */
public class PySet extends PyContainer {
    public static final PyType TYPE = PyType.builtin("set", PyType.OBJECT, (cls, a, k) -> new PySet(cls));
    public static final PyType FROZEN_TYPE = PyType.builtin("frozenset", PyType.OBJECT, PySet::frozensetNew);

    static final int MINSIZE = 8;
    static final int LINEAR_PROBES = 9;
    static final int PERTURB_SHIFT = 5;

    /** The key left in the slot of a removed element; its hash is -1, which no real hash is. */
    static final PyObject DUMMY = new PyObject(PyType.OBJECT) {
        @Override public String repr() { return "<dummy key>"; }
    };

    static { Refs.immortal(DUMMY); }

    /** The table: keys[i] is null (never used), DUMMY (removed) or an element. */
    PyObject[] keys;
    /** hashes[i]: 0 for null slots, -1 for dummies, else the element's hash. */
    long[] hashes;
    int mask;
    /** Live plus dummy slots. */
    int fill;
    /** Live slots. */
    int used;
    /** frozenset hash cache; -1 when not computed (always -1 for mutable sets). */
    long hash = -1;
    /** Where pop() starts searching. */
    int finger;
    /** Instance dict of script subclasses, created on first use. */
    PyDict dict;

    static {
        SetMethods.init();
    }

    protected PySet(PyType type) {
        super(type);
        keys = new PyObject[MINSIZE];
        hashes = new long[MINSIZE];
        mask = MINSIZE - 1;
    }

    public PySet() { this(TYPE); }

    /** A new frozenset holding the elements of an iterable (the compiler's constant sets use it). */
    public static PySet frozenOf(PyObject iterable) { return newSet(FROZEN_TYPE, iterable); }

    /** set.add(v). */
    public final void add(PyObject v) { addEntry(v, hashOf(v)); }

    /** set.update(iterable) with one argument (also SET_UPDATE). */
    public final void addAll(PyObject iterable) { updateInternal(iterable); }

    public final int size() { return used; }

    final boolean isFrozen() {
        return type == FROZEN_TYPE || (type != TYPE && type.isSubtypeOf(FROZEN_TYPE));
    }

    /** PyObject_Hash, with -1 (reserved in C for errors and dummies) never returned. */
    static long hashOf(PyObject key) {
        long h = Ops.hash(key);
        return h == -1 ? -2 : h;
    }

    private static boolean exactStrEq(PyObject a, PyObject b) {
        return a instanceof PyStr x && b instanceof PyStr y && a.type == PyStr.TYPE && b.type == PyStr.TYPE
                && x.value.equals(y.value);
    }

    // ----- probing (set_lookkey, set_add_entry, set_insert_clean) -----------------------------

    /** set_lookkey: the slot holding key, or the null slot where the search ended. */
    final int lookkey(PyObject key, long hash) {
        restart:
        while (true) {
            PyObject[] table = keys;
            long[] hs = hashes;
            int mask = this.mask;
            long perturb = hash;
            int i = (int) (hash & mask);
            while (true) {
                int e = i;
                int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
                do {
                    PyObject k = table[e];
                    if (k == null) return e;
                    if (hs[e] == hash) {
                        if (k == key || exactStrEq(k, key)) return e;
                        boolean eq = Ops.eqHoldingStored(k, key);
                        if (table != keys || table[e] != k) continue restart;
                        if (eq) return e;
                    }
                    e++;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
        }
    }

    final boolean containsEntry(PyObject key, long hash) { return keys[lookkey(key, hash)] != null; }

    /** set_add_entry: inserts key unless an equal element is present; may resize. */
    final void addEntry(PyObject key, long hash) {
        restart:
        while (true) {
            PyObject[] table = keys;
            long[] hs = hashes;
            int mask = this.mask;
            long perturb = hash;
            int i = (int) (hash & mask);
            int freeslot = -1;
            int e;
            search:
            while (true) {
                e = i;
                int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
                do {
                    PyObject k = table[e];
                    if (k == null) break search;
                    if (hs[e] == hash) {
                        if (k == key || exactStrEq(k, key)) return;
                        if (Ops.eqHoldingStored(k, key)) return;
                        if (table != keys || table[e] != k) continue restart;
                    } else if (hs[e] == -1) {
                        freeslot = e;
                    }
                    e++;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
            Refs.incref(key);
            if (freeslot >= 0) {
                used++;
                table[freeslot] = key;
                hs[freeslot] = hash;
                return;
            }
            fill++;
            used++;
            table[e] = key;
            hs[e] = hash;
            if ((long) fill * 5 < (long) mask * 3) return;
            resize(used > 50000 ? used * 2 : used * 4);
            return;
        }
    }

    /** set_insert_clean: places a key known to be absent into a table without dummies. */
    static void insertClean(PyObject[] table, long[] hs, int mask, PyObject key, long hash) {
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            if (table[i] == null) {
                table[i] = key;
                hs[i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = i + 1; j <= i + LINEAR_PROBES; j++) {
                    if (table[j] == null) {
                        table[j] = key;
                        hs[j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** set_table_resize: a table of the smallest power of two above minused, dummies dropped. */
    final void resize(int minused) {
        int newsize = MINSIZE;
        while (newsize <= minused) {
            newsize <<= 1;
            if (newsize <= 0) throw Exc.memoryError();
        }
        if (newsize == MINSIZE && keys.length == MINSIZE && fill == used) return;
        PyObject[] oldKeys = keys;
        long[] oldHashes = hashes;
        PyObject[] nk = new PyObject[newsize];
        long[] nh = new long[newsize];
        int nmask = newsize - 1;
        keys = nk;
        hashes = nh;
        mask = nmask;
        boolean noDummies = fill == used;
        if (!noDummies) fill = used;
        for (int j = 0; j < oldKeys.length; j++) {
            PyObject k = oldKeys[j];
            if (k != null && (noDummies || k != DUMMY)) insertClean(nk, nh, nmask, k, oldHashes[j]);
        }
    }

    /** set_discard_entry: true when the element was found and removed. */
    final boolean discardEntry(PyObject key, long hash) {
        int e = lookkey(key, hash);
        PyObject k = keys[e];
        if (k == null) return false;
        keys[e] = DUMMY;
        hashes[e] = -1;
        used--;
        Refs.decref(k);
        return true;
    }

    /** set_clear_internal (set_empty_to_minsize). */
    final void clearInternal() {
        PyObject[] old = keys;
        keys = new PyObject[MINSIZE];
        hashes = new long[MINSIZE];
        mask = MINSIZE - 1;
        fill = 0;
        used = 0;
        hash = -1;
        for (PyObject k : old) if (k != null && k != DUMMY) Refs.decref(k);
    }

    /** A script subclass's attribute dict, then the elements in table order. */
    @Override public void traverse(RefVisitor v) {
        if (dict != null) v.visit(dict);
        PyObject[] t = keys;
        for (PyObject k : t) if (k != null && k != DUMMY) v.visit(k);
    }

    /** set_next: the first live slot at or after pos, or -1. */
    final int nextPos(int pos) {
        PyObject[] table = keys;
        int m = mask;
        while (pos <= m) {
            PyObject k = table[pos];
            if (k != null && k != DUMMY) return pos;
            pos++;
        }
        return -1;
    }

    // ----- bulk operations ----------------------------------------------------------------

    /** set_merge: adds every element of another set, copying its table when possible. */
    final void merge(PySet other) {
        if (other == this || other.used == 0) return;
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) resize((used + other.used) * 2);
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            System.arraycopy(other.keys, 0, keys, 0, other.mask + 1);
            System.arraycopy(other.hashes, 0, hashes, 0, other.mask + 1);
            for (PyObject k : keys) if (k != null && k != DUMMY) Refs.incref(k);
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            PyObject[] nk = keys;
            long[] nh = hashes;
            int nmask = mask;
            fill = other.used;
            used = other.used;
            PyObject[] ok = other.keys;
            long[] oh = other.hashes;
            for (int j = 0; j < ok.length; j++) {
                PyObject k = ok[j];
                if (k != null && k != DUMMY) {
                    insertClean(nk, nh, nmask, k, oh[j]);
                    Refs.incref(k);
                }
            }
            return;
        }
        for (int j = 0; j <= other.mask; j++) {
            PyObject k = other.keys[j];
            if (k != null && k != DUMMY) addEntry(k, other.hashes[j]);
        }
    }

    /** set_update_internal: sets merge, exact dicts add their keys, anything else is iterated. */
    final void updateInternal(PyObject other) {
        if (other instanceof PySet o) {
            merge(o);
            return;
        }
        if (other instanceof PyDict d && d.type == PyDict.TYPE) {
            int dictsize = d.size();
            if ((long) (fill + dictsize) * 5 >= (long) mask * 3) resize((used + dictsize) * 2);
            for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) {
                PyObject k = d.keyAt(p);
                addEntry(k, hashOf(k));
            }
            return;
        }
        PyObject it = Ops.iter(other);
        for (PyObject x; (x = Ops.next(it)) != null; ) addEntry(x, hashOf(x));
    }

    /** make_new_set. */
    static PySet newSet(PyType type, PyObject iterable) {
        PySet s = new PySet(type);
        if (iterable != null) s.updateInternal(iterable);
        return s;
    }

    /** The built-in type that results of operations on an instance of type have. */
    static PyType baseType(PyType type) {
        if (type == TYPE || type == FROZEN_TYPE) return type;
        return type.isSubtypeOf(TYPE) ? TYPE : FROZEN_TYPE;
    }

    /** set_copy: a set or frozenset (never a subclass) with the same elements. */
    final PySet copySet() { return newSet(baseType(type), this); }

    /** set_or. */
    final PySet or(PySet other) {
        PySet result = copySet();
        if (other != this) result.updateInternal(other);
        return result;
    }

    /** set_union with several arguments. */
    final PySet union(PyObject[] others) {
        PySet result = copySet();
        for (PyObject o : others) {
            if (o != this) result.updateInternal(o);
        }
        return result;
    }

    /** set_intersection: iterates the smaller set, or the iterable. */
    final PySet intersection(PyObject other) {
        if (other == this) return copySet();
        PySet result = new PySet(baseType(type));
        if (other instanceof PySet o) {
            PySet so = this;
            if (o.used > so.used) {
                PySet t = so;
                so = o;
                o = t;
            }
            for (int pos = 0; (pos = o.nextPos(pos)) >= 0; pos++) {
                PyObject key = o.keys[pos];
                long h = o.hashes[pos];
                if (so.containsEntry(key, h)) result.addEntry(key, h);
            }
            return result;
        }
        PyObject it = Ops.iter(other);
        for (PyObject key; (key = Ops.next(it)) != null; ) {
            long h = hashOf(key);
            if (containsEntry(key, h)) {
                result.addEntry(key, h);
                if (result.used >= used) break;
            }
        }
        return result;
    }

    /** set_intersection_multi. */
    final PySet intersectionMulti(PyObject[] others) {
        if (others.length == 0) return copySet();
        PySet result = this;
        for (PyObject o : others) result = result.intersection(o);
        return result;
    }

    /** set_swap_bodies. */
    static void swapBodies(PySet a, PySet b) {
        PyObject[] k = a.keys; a.keys = b.keys; b.keys = k;
        long[] h = a.hashes; a.hashes = b.hashes; b.hashes = h;
        int t = a.mask; a.mask = b.mask; b.mask = t;
        t = a.fill; a.fill = b.fill; b.fill = t;
        t = a.used; a.used = b.used; b.used = t;
        if (a.isFrozen() && b.isFrozen()) {
            long x = a.hash; a.hash = b.hash; b.hash = x;
        } else {
            a.hash = -1;
            b.hash = -1;
        }
    }

    final void intersectionUpdate(PyObject other) { swapBodies(this, intersection(other)); }

    /** set_isdisjoint. */
    final boolean isdisjoint(PyObject other) {
        if (other == this) return used == 0;
        if (other instanceof PySet o && (o.type == TYPE || o.type == FROZEN_TYPE)) {
            PySet so = this;
            if (o.used > so.used) {
                PySet t = so;
                so = o;
                o = t;
            }
            for (int pos = 0; (pos = o.nextPos(pos)) >= 0; pos++) {
                if (so.containsEntry(o.keys[pos], o.hashes[pos])) return false;
            }
            return true;
        }
        PyObject it = Ops.iter(other);
        for (PyObject key; (key = Ops.next(it)) != null; ) {
            if (containsEntry(key, hashOf(key))) return false;
        }
        return true;
    }

    /** set_difference_update_internal. */
    final void differenceUpdate(PyObject other) {
        if (other == this) {
            clearInternal();
            return;
        }
        if (other instanceof PySet o) {
            if ((o.used >> 3) > used) o = intersection(o);
            for (int pos = 0; (pos = o.nextPos(pos)) >= 0; pos++) discardEntry(o.keys[pos], o.hashes[pos]);
        } else {
            PyObject it = Ops.iter(other);
            for (PyObject key; (key = Ops.next(it)) != null; ) discardEntry(key, hashOf(key));
        }
        if (fill - used <= mask / 4) return;
        resize(used > 50000 ? used * 2 : used * 4);
    }

    private PySet copyAndDifference(PyObject other) {
        PySet result = copySet();
        result.differenceUpdate(other);
        return result;
    }

    /** set_difference. */
    final PySet difference(PyObject other) {
        int otherSize;
        PyDict d = null;
        if (other instanceof PySet o) otherSize = o.used;
        else if (other instanceof PyDict dd && dd.type == PyDict.TYPE) {
            d = dd;
            otherSize = dd.size();
        } else return copyAndDifference(other);
        if ((used >> 2) > otherSize) return copyAndDifference(other);
        PySet result = new PySet(baseType(type));
        for (int pos = 0; (pos = nextPos(pos)) >= 0; pos++) {
            PyObject key = keys[pos];
            long h = hashes[pos];
            boolean in = d != null ? d.containsKey(key) : ((PySet) other).containsEntry(key, h);
            if (!in) result.addEntry(key, h);
        }
        return result;
    }

    /** set_difference_multi. */
    final PySet differenceMulti(PyObject[] others) {
        if (others.length == 0) return copySet();
        PySet result = difference(others[0]);
        for (int i = 1; i < others.length; i++) result.differenceUpdate(others[i]);
        return result;
    }

    /** set_symmetric_difference_update. */
    final void symmetricDifferenceUpdate(PyObject other) {
        if (other == this) {
            clearInternal();
            return;
        }
        if (other instanceof PyDict d && d.type == PyDict.TYPE) {
            for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) {
                PyObject key = d.keyAt(p);
                long h = hashOf(key);
                if (!discardEntry(key, h)) addEntry(key, h);
            }
            return;
        }
        PySet o = other instanceof PySet s ? s : newSet(baseType(type), other);
        for (int pos = 0; (pos = o.nextPos(pos)) >= 0; pos++) {
            PyObject key = o.keys[pos];
            long h = o.hashes[pos];
            if (!discardEntry(key, h)) addEntry(key, h);
        }
    }

    /** set_symmetric_difference: a copy of other, updated with self. */
    final PySet symmetricDifference(PyObject other) {
        PySet result = newSet(baseType(type), other);
        result.symmetricDifferenceUpdate(this);
        return result;
    }

    /** set_issubset. */
    final boolean issubset(PyObject other) {
        if (!(other instanceof PySet o)) return issubset(newSet(TYPE, other));
        if (used > o.used) return false;
        for (int pos = 0; (pos = nextPos(pos)) >= 0; pos++) {
            if (!o.containsEntry(keys[pos], hashes[pos])) return false;
        }
        return true;
    }

    /** set_issuperset. */
    final boolean issuperset(PyObject other) {
        if (other instanceof PySet o) return o.issubset(this);
        PyObject it = Ops.iter(other);
        for (PyObject key; (key = Ops.next(it)) != null; ) {
            if (!containsEntry(key, hashOf(key))) return false;
        }
        return true;
    }

    /** set_pop. */
    final PyObject pop() {
        if (used == 0) throw Exc.raise(Exc.KeyError, "pop from an empty set");
        int e = finger & mask;
        while (keys[e] == null || keys[e] == DUMMY) {
            e++;
            if (e > mask) e = 0;
        }
        PyObject key = keys[e];
        keys[e] = DUMMY;
        hashes[e] = -1;
        used--;
        finger = e + 1;
        Refs.decref(key);
        return key;
    }

    /**
     * The frozenset that stands for an unhashable set key in membership tests and removals
     * (set_contains, set_remove, set_discard); rethrows e for any other key.
     */
    static PySet frozenKeyOrThrow(PyObject key, PyException e) {
        if (!(key instanceof PySet s) || s.isFrozen() || !e.matches(Exc.TypeError)) throw e;
        return newSet(FROZEN_TYPE, key);
    }

    /** set_discard/set_remove: true when found. */
    final boolean discardKey(PyObject key) {
        long h;
        try {
            h = hashOf(key);
        } catch (PyException e) {
            PySet tmp = frozenKeyOrThrow(key, e);
            return discardEntry(tmp, hashOf(tmp));
        }
        return discardEntry(key, h);
    }

    // ----- frozenset hash --------------------------------------------------------------------

    private static long shuffleBits(long h) { return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L; }

    /** frozenset_hash. */
    final long frozenHash() {
        if (hash != -1) return hash;
        long h = 0;
        long[] hs = hashes;
        for (int i = 0; i <= mask; i++) h ^= shuffleBits(hs[i]);
        if (((mask + 1 - fill) & 1) != 0) h ^= shuffleBits(0);
        if (((fill - used) & 1) != 0) h ^= shuffleBits(-1);
        h ^= ((long) used + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        if (h == -1) h = 590923713L;
        hash = h;
        return h;
    }

    // ----- constructors ----------------------------------------------------------------------

    /** frozenset.__new__. */
    static PyObject frozensetNew(PyType cls, PyObject[] a, String[] k) {
        if (cls == FROZEN_TYPE || cls.lookup("__init__") == TypeNew.objectInit) Args.noKeywords("frozenset", k);
        int npos = Args.positional(a, k);
        if (npos > 1) throw Exc.typeError(cls.name + " expected at most 1 argument, got " + npos);
        PyObject iterable = npos == 1 ? a[0] : null;
        if (cls == FROZEN_TYPE && iterable != null && iterable.type == FROZEN_TYPE) return iterable;
        return newSet(cls, iterable);
    }

    // ----- the object protocols ---------------------------------------------------------------

    @Override public PyDict dict() {
        if (type.heap && dict == null) dict = PyDict.owned();
        return dict;
    }

    @Override public String repr() {
        String name = type.name;
        if (!Ops.enterRepr(this)) return name + "(...)";
        try {
            if (used == 0) return name + "()";
            PyObject[] items = new PyObject[used];
            int n = 0;
            for (int pos = 0; (pos = nextPos(pos)) >= 0 && n < items.length; pos++) items[n++] = keys[pos];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(items[i]));
            }
            return type == TYPE ? "{" + sb + "}" : name + "({" + sb + "})";
        } finally {
            Ops.leaveRepr(this);
        }
    }

    @Override public long hash() {
        if (isFrozen()) return frozenHash();
        throw Exc.unhashable(this);
    }

    @Override public boolean isTrue() { return used != 0; }

    @Override public int length() { return used; }

    @Override public PyObject iter() { return new SetMethods.SetIterator(this); }

    @Override public int contains(PyObject v) {
        long h;
        try {
            h = hashOf(v);
        } catch (PyException e) {
            PySet tmp = frozenKeyOrThrow(v, e);
            return containsEntry(tmp, hashOf(tmp)) ? 1 : 0;
        }
        return containsEntry(v, h) ? 1 : 0;
    }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op != BinOp.OR && op != BinOp.AND && op != BinOp.SUB && op != BinOp.XOR) return null;
        if (!(other instanceof PySet o)) return null;
        // C's number slots take (left, right) whichever operand owns the slot
        PySet a = reflected ? o : this, b = reflected ? this : o;
        switch (op) {
            case BinOp.OR: return a.or(b);
            case BinOp.AND: return a.intersection(b);
            case BinOp.SUB: return a.difference(b);
            default: return a.symmetricDifference(b);
        }
    }

    @Override public PyObject inplaceOp(int op, PyObject other) {
        if (isFrozen() || !(other instanceof PySet)) return null;
        switch (op) {
            case BinOp.OR: updateInternal(other); return this;
            case BinOp.AND: intersectionUpdate(other); return this;
            case BinOp.SUB: differenceUpdate(other); return this;
            case BinOp.XOR: symmetricDifferenceUpdate(other); return this;
            default: return null;
        }
    }

    /** set_richcompare: subset semantics; NotImplemented unless other is a set or frozenset. */
    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PySet w)) return null;
        switch (op) {
            case Compare.EQ: return PyBool.of(setEquals(w));
            case Compare.NE: return PyBool.of(!setEquals(w));
            case Compare.LE: return PyBool.of(issubset(w));
            case Compare.GE: return PyBool.of(issuperset(w));
            case Compare.LT: return PyBool.of(used < w.used && issubset(w));
            case Compare.GT: return PyBool.of(used > w.used && issuperset(w));
            default: return null;
        }
    }

    private boolean setEquals(PySet w) {
        if (used != w.used) return false;
        if (hash != -1 && w.hash != -1 && hash != w.hash) return false;
        return issubset(w);
    }
}
