package toy.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A type: built-in ({@code int}, {@code list}) or defined by a script (a heap type).
 *
 * <p>Attribute lookup walks the MRO's dicts; results are memoised per type in a cache that is
 * invalidated globally whenever any type dict changes (type dicts change rarely: class
 * creation and the odd monkey-patch), the idea of CPython's method cache with version tags.
 */
public final class PyType extends PyContainer {
    /** Creates an instance for {@code cls(...)}: the type's {@code __new__} in Java. */
    @FunctionalInterface
    public interface NewFn {
        PyObject create(PyType cls, PyObject[] args, String[] kwnames);
    }

    /** The metatype {@code type}. Its own type is patched in after construction. */
    public static final PyType TYPE = new PyType("type", null, null);
    /** {@code object}, the root of every MRO. */
    public static final PyType OBJECT = new PyType("object", null,
            (cls, a, k) -> cls == PyType.OBJECT ? new PyInstance.Bare() : new PyInstance(cls));

    /** Source of version tags: every change to a type's dict gives it (and its subclasses) a new one. */
    private static int versionCounter;

    public String name;
    public String qualname;
    /** The module that defined the type ("builtins" for built-in types). */
    public String module = "builtins";
    /** The first base (null only for object). */
    public PyType base;
    public PyType[] bases;
    /** The method resolution order, self first. */
    public PyType[] mro;
    /** The type's own attributes, in definition order; the type counts a reference to each value. */
    public final Map<String, PyObject> dict = new CountedMap();

    /** Whether the class has a __del__, and the version that answer is for (a lookup per death is too dear). */
    private boolean hasDel;
    private int hasDelVersion = -1;

    /** True when instances have a finalizer (__del__ found on the MRO). */
    public boolean hasDel() {
        if (hasDelVersion != version) {
            hasDel = lookup("__del__") != null;
            hasDelVersion = version;
        }
        return hasDel;
    }

    /** A class's attributes, then its script-defined bases. */
    @Override public void traverse(RefVisitor v) {
        if (heap) v.visit(this); // the MRO's reference to the class itself
        for (PyObject x : dict.values()) v.visit(x);
        if (heap && bases != null) for (PyType b : bases) if (b.heap) v.visit(b);
    }

    /** A dead class leaves its bases' subclass lists. */
    @Override protected void cleared() {
        if (bases != null) for (PyType b : bases) b.subclasses.remove(this);
    }

    /** A map that counts references to its values (dropped when a class dies, see {@link #traverse}). */
    private final class CountedMap extends LinkedHashMap<String, PyObject> {
        @Override public PyObject put(String key, PyObject value) {
            if (value instanceof PyGetSet g && g.owner == null) g.owner = PyType.this;
            PyObject old = super.put(key, value);
            Refs.swap(old, value);
            return old;
        }

        @Override public PyObject remove(Object key) {
            PyObject old = super.remove(key);
            Refs.xdecref(old);
            return old;
        }
    }
    /** True for classes created by a class statement (dunder dispatch through lookup). */
    public boolean heap;
    /** How instances are created; inherited from the nearest built-in base. */
    public NewFn newFn;
    /** False for types that cannot be subclassed (bool, NoneType, function, ...). */
    public boolean baseType = true;
    /** Memoised lookups (a null value means "not found"); cleared when the version changes. */
    private final HashMap<String, PyObject> cache = new HashMap<>();
    /**
     * The version tag: changes whenever this type's dict or that of a type on its MRO changes,
     * so inline caches keyed by (type, version) stay valid exactly as long as lookups would
     * return the same result.
     */
    public int version = ++versionCounter;
    /**
     * Whether instances' Java class overrides getAttr (2) or uses the generic algorithm (1);
     * 0 until the VM first looks. Instances of one type share one Java class.
     */
    public int javaGetattrKind;
    /** A slot the VM may use to memoise a decision about this type, valid while vmCacheVersion == version. */
    public Object vmCache;
    public int vmCacheVersion = -1;
    /** Attribute-hook flags (see {@link #attrHooks}) and the version they were computed for. */
    private int hooks, hooksVersion = -1;
    /** The type (or an MRO ancestor defined by a script) overrides __getattribute__. */
    public static final int HOOK_GETATTRIBUTE = 1;
    /** The type defines __getattr__. */
    public static final int HOOK_GETATTR = 2;
    /** The type overrides __setattr__ or __delattr__. */
    public static final int HOOK_SETATTR = 4;
    /** Subclasses, for __subclasses__ and for nothing else. */
    final List<PyType> subclasses = new ArrayList<>();
    /** For script classes: the attribute names their instances keep inline (see {@link PyInstance}); null until the first store. */
    SharedKeys sharedKeys;

    static {
        TYPE.type = TYPE;
        OBJECT.type = TYPE;
        TYPE.base = OBJECT;
        TYPE.bases = new PyType[] {OBJECT};
        TYPE.mro = new PyType[] {TYPE, OBJECT};
        TYPE.newFn = (cls, a, k) -> TypeNew.typeNew(cls, a, k);
        OBJECT.bases = new PyType[0];
        OBJECT.mro = new PyType[] {OBJECT};
    }

    /** Built-in types are immortal and untracked; {@link #heapType} makes a class statement's type mortal. */
    private PyType(String name, PyType base, NewFn newFn) {
        super(null, false);
        Refs.immortal(this);
        this.name = name;
        this.qualname = name;
        this.base = base;
        this.newFn = newFn;
    }

    /** A built-in type with one base; newFn null means "cannot be instantiated". */
    public static PyType builtin(String name, PyType base, NewFn newFn) {
        PyType t = new PyType(name, base, newFn);
        t.type = TYPE;
        t.bases = new PyType[] {base};
        t.mro = computeLinearMro(t);
        base.subclasses.add(t);
        return t;
    }

    /** A heap type created by a class statement; the caller fills the dict. */
    public static PyType heapType(PyType metatype, String name, PyType[] bases) {
        PyType t = new PyType(name, bestBase(bases), null);
        t.type = metatype;
        t.bases = bases;
        t.heap = true;
        // a class is counted like any object: its instances, its name and its methods' cells refer to it
        t.refcnt = 0;
        Collector.trackClass(t);
        // its own MRO refers to it, so a class is always in a cycle and only the collector frees it (as in CPython)
        Refs.incref(t);
        for (PyType b : bases) if (b.heap) Refs.incref(b);
        t.mro = C3.mro(t);
        for (PyType b : bases) b.subclasses.add(t);
        // the solid base decides the Java layout of instances
        t.newFn = t.base.solidBase().newFn;
        return t;
    }

    /**
     * The most derived type whose instances have this type's layout (CPython's solid_base): a
     * class adds only its instances' dict, and a built-in type that shares its base's
     * constructor shares its layout.
     */
    public PyType solidBase() {
        PyType t = this;
        while (t.base != null && (t.heap || t.newFn == t.base.newFn)) t = t.base;
        return t;
    }

    /**
     * CPython's best_base: the first of the bases whose solid base is the most derived, which
     * becomes {@code __base__} and decides the layout of instances.
     */
    static PyType bestBase(PyType[] bases) {
        PyType base = null, winner = null;
        for (PyType b : bases) {
            if (!b.baseType) throw Exc.typeError("type '" + b.name + "' is not an acceptable base type");
            PyType candidate = b.solidBase();
            if (winner == null || (candidate != winner && candidate.isSubtypeOf(winner))) {
                winner = candidate;
                base = b;
            } else if (!winner.isSubtypeOf(candidate)) {
                throw Exc.typeError("multiple bases have instance lay-out conflict");
            }
        }
        return base;
    }

    private static PyType[] computeLinearMro(PyType t) {
        List<PyType> l = new ArrayList<>();
        for (PyType c = t; c != null; c = c.base) l.add(c);
        return l.toArray(new PyType[0]);
    }

    /** The type's name as repr shows it: "int", or "__main__.Point" for heap types. */
    public String qualifiedName() {
        return heap && !module.equals("builtins") ? module + "." + qualname : qualname;
    }

    /** __name__: the part of a built-in type's dotted name after the last dot ("collections.deque"). */
    public String shortName() { return heap ? name : name.substring(name.lastIndexOf('.') + 1); }

    /** __qualname__, shortened the same way as {@link #shortName}. */
    public String shortQualname() { return heap ? qualname : qualname.substring(qualname.lastIndexOf('.') + 1); }

    /** Finds name along the MRO, or null. */
    public PyObject lookup(String name) {
        PyObject r = cache.get(name);
        if (r != null || cache.containsKey(name)) return r;
        for (PyType t : mro) {
            r = t.dict.get(name);
            if (r != null) break;
        }
        cache.put(name, r);
        return r;
    }

    /** Sets an attribute in this type's own dict and invalidates lookup caches. */
    public void setTypeAttr(String name, PyObject value) {
        if (value == null) dict.remove(name); else dict.put(name, value);
        invalidate();
    }

    /** Gives this type and its subclasses new version tags and forgets their cached lookups. */
    public void invalidate() {
        version = ++versionCounter;
        cache.clear();
        for (PyType s : subclasses) s.invalidate();
    }

    /** Which attribute hooks script code installed on this type (HOOK_* bits). */
    public int attrHooks() {
        if (hooksVersion != version) {
            int h = 0;
            if (heap) {
                if (!(lookup("__getattribute__") instanceof PyMethodDescr)) h |= HOOK_GETATTRIBUTE;
                if (lookup("__getattr__") != null) h |= HOOK_GETATTR;
                if (!(lookup("__setattr__") instanceof PyMethodDescr) || !(lookup("__delattr__") instanceof PyMethodDescr)) {
                    h |= HOOK_SETATTR;
                }
            }
            hooks = h;
            hooksVersion = version;
        }
        return hooks;
    }

    public boolean isSubtypeOf(PyType other) {
        if (this == other) return true;
        for (PyType t : mro) if (t == other) return true;
        return false;
    }

    /** Registers a built-in method taking self and the vectorcall arguments. */
    public void def(String name, PyBuiltinMethod.Impl impl) {
        dict.put(name, new PyMethodDescr(this, name, impl));
        invalidate();
    }

    @Override
    public String repr() { return "<class '" + qualifiedName() + "'>"; }

    @Override
    public long hash() { return Ops.identityHash(this); }

    @Override
    public PyObject getAttr(PyStr name) { return Attr.typeGetAttr(this, name, true); }

    /** A class's attributes are set in its dict, unless its metatype has a data descriptor by that name (__bases__, __name__...). */
    @Override
    public void setAttr(PyStr name, PyObject value) {
        if (!heap) {
            throw Exc.typeError("cannot set '" + name.value + "' attribute of immutable type '" + this.name + "'");
        }
        if (!setThroughMetatype(name, value)) setTypeAttr(name.value, value);
    }

    /** Sets (value null: deletes) through the metatype's data descriptor by that name, if there is one. */
    private boolean setThroughMetatype(PyStr name, PyObject value) {
        PyObject meta = type.lookup(name.value);
        if (meta == null || !meta.isDataDescriptor()) return false;
        meta.descrSet(this, value);
        return true;
    }

    @Override
    public void delAttr(PyStr name) {
        if (!heap) {
            throw Exc.typeError("cannot delete '" + name.value + "' attribute of immutable type '" + this.name + "'");
        }
        if (setThroughMetatype(name, null)) return;
        if (!dict.containsKey(name.value)) throw Exc.attributeError("type object '" + this.name + "' has no attribute '" + name.value + "'");
        setTypeAttr(name.value, null);
    }

    @Override
    public PyObject call(PyObject[] args, String[] kwnames) {
        return TypeNew.callType(this, args, kwnames);
    }
}
