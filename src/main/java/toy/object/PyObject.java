package toy.object;

/**
 * The root of every Toy value.
 *
 * <p>Built-in types implement the object protocols (repr, hashing, iteration, operators,
 * attribute access, calls) by overriding the virtual methods below in Java. A class defined
 * by a script is a <em>heap type</em>: its instances' behaviour comes from dunder methods
 * found through the type's MRO, and {@link Ops} routes every protocol call for such
 * instances through {@link PyType#lookup}. The built-in types put wrappers for their Java
 * implementations into their type dicts ({@code list.__len__}), so a script subclass of a
 * built-in inherits the Java behaviour through the same lookup.
 *
 * <p>Callers should use {@link Ops} rather than these methods: Ops adds the fast paths, the
 * reflected-operand rules and the heap-type dispatch.
 */
public abstract class PyObject {
    /** The object's exact type; for a script subclass of a built-in, the subclass. */
    public PyType type;
    /**
     * The reference count, a plain field maintained under the GIL (see {@link Refs}): zero for a
     * new object until something stores it, {@link Refs#IMMORTAL} for immortals. A mortal
     * scalar's count is offset by {@link Refs#SCALAR_BIAS}; {@link Refs#count} gives the count.
     */
    public int refcnt;

    protected PyObject(PyType type) {
        this.type = type;
        this.refcnt = this instanceof PyContainer ? 0 : Refs.SCALAR_BASE;
    }

    /**
     * Changes the object's class (__class__ assignment), moving the reference an instance of a
     * script class holds to it.
     */
    public final void setType(PyType t) {
        PyType old = type;
        type = t;
        if (t.heap) Refs.incref(t);
        if (old.heap) Refs.decref(old);
    }

    /** repr(self). */
    public String repr() {
        return "<" + type.qualifiedName() + " object at " + Ops.addressOf(this) + ">";
    }

    /** str(self); defaults to repr. */
    public String str() { return repr(); }

    /** hash(self); identity-based by default. */
    public long hash() { return Ops.identityHash(this); }

    /** truth value; true by default. */
    public boolean isTrue() { return true; }

    /** len(self), or -1 when the type has no length. */
    public int length() { return -1; }

    /** iter(self), or null when the object is not iterable. */
    public PyObject iter() { return null; }

    /**
     * The next item of an iterator, or null when it is exhausted (no StopIteration on the fast
     * path). Non-iterators throw TypeError.
     */
    public PyObject next() {
        throw Exc.typeError("'" + type.name + "' object is not an iterator");
    }

    public PyObject getItem(PyObject key) {
        throw Exc.typeError("'" + type.name + "' object is not subscriptable");
    }

    public void setItem(PyObject key, PyObject value) {
        throw Exc.typeError("'" + type.name + "' object does not support item assignment");
    }

    public void delItem(PyObject key) {
        throw Exc.typeError("'" + type.name + "' object does not support item deletion");
    }

    /** {@code value in self}; the default iterates (Ops handles that when this returns -1). */
    public int contains(PyObject value) { return -1; }

    /**
     * A binary operator ({@link BinOp} codes). reflected is true when self is the right
     * operand. Returns null for NotImplemented.
     */
    public PyObject binaryOp(int op, PyObject other, boolean reflected) { return null; }

    /** An in-place operator ({@code +=}); null means fall back to the binary operator. */
    public PyObject inplaceOp(int op, PyObject other) { return null; }

    /** -self, +self, ~self, abs(self) ({@link BinOp#NEG} ...); null when unsupported. */
    public PyObject unaryOp(int op) { return null; }

    /** A rich comparison ({@link Compare} codes); null for NotImplemented. */
    public PyObject richCompare(PyObject other, int op) {
        if (op == Compare.EQ) return this == other ? PyBool.TRUE : null;
        if (op == Compare.NE) return this == other ? PyBool.FALSE : null;
        return null;
    }

    /** Attribute lookup; the default is the generic algorithm (descriptors, then instance dict). */
    public PyObject getAttr(PyStr name) { return Attr.genericGetAttr(this, name, true); }

    /**
     * Attribute lookup that returns null instead of raising AttributeError when the attribute
     * is simply missing (used for __getattr__ fallback and getattr with a default).
     */
    public PyObject getAttrOrNull(PyStr name) {
        try {
            return getAttr(name);
        } catch (PyException e) {
            if (!e.matches(Exc.AttributeError)) throw e;
            Refs.swallowed();
            return null;
        }
    }

    public void setAttr(PyStr name, PyObject value) { Attr.genericSetAttr(this, name, value); }

    public void delAttr(PyStr name) { Attr.genericDelAttr(this, name); }

    /**
     * Call self. args holds the positional arguments followed by the values of the keyword
     * arguments whose names are in kwnames (null when there are none), as CPython's vectorcall.
     */
    public PyObject call(PyObject[] args, String[] kwnames) {
        if (type.heap) {
            PyObject m = type.lookup("__call__");
            if (m != null) {
                PyObject[] a = new PyObject[args.length + 1];
                a[0] = this;
                System.arraycopy(args, 0, a, 1, args.length);
                return m.call(a, kwnames);
            }
        }
        throw Exc.typeError("'" + type.name + "' object is not callable");
    }

    /** The instance dict, or null when the object has none. */
    public PyDict dict() { return null; }

    /**
     * The instance attribute called name, or null when there is none: the entry of the instance
     * dict, or of the inline values a {@link PyInstance} keeps without a dict.
     */
    public PyObject instanceAttr(PyStr name) {
        PyDict d = dict();
        return d == null ? null : d.getStr(name);
    }

    /** Stores an instance attribute (counting value); false when the object has no instance attributes. */
    public boolean setInstanceAttr(PyStr name, PyObject value) {
        PyDict d = dict();
        if (d == null) return false;
        d.put(name, value);
        return true;
    }

    /** Deletes an instance attribute; false when there is none called name. */
    public boolean delInstanceAttr(PyStr name) {
        PyDict d = dict();
        return d != null && d.remove(name) != null;
    }

    /** Descriptor __get__: the value seen when this is found on a type; null if not a descriptor. */
    public PyObject descrGet(PyObject instance, PyType owner) { return null; }

    /** True for data descriptors (those defining __set__ or __delete__), which beat the instance dict. */
    public boolean isDataDescriptor() { return false; }

    /** Descriptor __set__ (only called when {@link #isDataDescriptor()}). */
    public void descrSet(PyObject instance, PyObject value) {
        throw Exc.attributeError("__set__");
    }

    /** format(self, spec). */
    public String format(String spec) {
        if (!spec.isEmpty()) {
            throw Exc.typeError("unsupported format string passed to " + type.name + ".__format__");
        }
        return Ops.str(this);
    }

    @Override
    public final boolean equals(Object o) {
        return o == this || (o instanceof PyObject p && Ops.eq(this, p));
    }

    @Override
    public final int hashCode() {
        long h = Ops.hash(this);
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() { return repr(); }
}
