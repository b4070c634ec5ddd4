package toy.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calling a type: {@code cls(...)} runs {@code __new__} then {@code __init__}; and creating a
 * class: {@code type(name, bases, ns)}, which a class statement calls through its metaclass.
 */
public final class TypeNew {
    private TypeNew() {}

    /** object.__init__, to tell whether a class overrides __init__. */
    static PyObject objectInit;
    /** object.__new__, to tell whether a class overrides __new__. */
    static PyObject objectNew;

    static PyObject callType(PyType type, PyObject[] args, String[] kw) {
        if (type.type != PyType.TYPE && type.type.heap) {
            PyObject call = type.type.lookup("__call__");
            if (call != null && !(call instanceof PyMethodDescr)) {
                PyObject[] a = new PyObject[args.length + 1];
                a[0] = type;
                System.arraycopy(args, 0, a, 1, args.length);
                return call.call(a, kw);
            }
        }
        return construct(type, args, kw);
    }

    /** type.__call__: __new__ then __init__. */
    public static PyObject construct(PyType type, PyObject[] args, String[] kw) {
        if (type == PyType.TYPE && args.length == 1 && kw == null) return args[0].type;
        PyObject obj;
        PyObject newMeth = type.heap ? type.lookup("__new__") : null;
        if (newMeth != null && newMeth != objectNew && newMeth instanceof PyStaticMethod sm
                && !(sm.func instanceof PyBuiltinFunction)) {
            PyObject[] a = new PyObject[args.length + 1];
            a[0] = type;
            System.arraycopy(args, 0, a, 1, args.length);
            obj = sm.func.call(a, kw);
        } else {
            if (type.newFn == null) throw Exc.typeError("cannot create '" + type.qualifiedName() + "' instances");
            if (type.newFn == PyType.OBJECT.newFn && args.length > 0 && type.lookup("__init__") == objectInit) {
                throw Exc.typeError(type.name + "() takes no arguments");
            }
            obj = type.newFn.create(type, args, kw);
        }
        if (!obj.type.isSubtypeOf(type)) return obj;
        PyObject init = obj.type.lookup("__init__");
        if (init != null && init != objectInit) {
            PyObject r;
            if (init.type.name.equals("function")) {
                PyObject[] a = new PyObject[args.length + 1];
                a[0] = obj;
                System.arraycopy(args, 0, a, 1, args.length);
                r = init.call(a, kw);
            } else {
                // bound as any other attribute (CPython's lookup_method): a staticmethod gets no
                // self, a classmethod the class, and a callable that is no descriptor is called as is
                PyObject bound = init.descrGet(obj, obj.type);
                r = (bound != null ? bound : init).call(args, kw);
            }
            if (r != Py.None) throw Exc.typeError("__init__() should return None, not '" + r.type.name + "'");
        }
        return obj;
    }

    /**
     * CPython's type_new gives a class the {@code __dict__} and {@code __weakref__} descriptors
     * that its built-in base's instances lack (after the class body's names, before
     * {@code __doc__}); a class with a script-defined base inherits them. Exceptions already have
     * a dict; ints, tuples, bytes and sets cannot have weak references, and sets already do.
     * Toy has no weak references: {@code __weakref__} is always None.
     */
    private static void addDictAndWeakref(PyType t) {
        PyType builtin = PyType.OBJECT;
        for (int i = 1; i < t.mro.length; i++) {
            if (t.mro[i].heap) return;
            if (builtin == PyType.OBJECT) builtin = t.mro[i];
        }
        if (builtin.isSubtypeOf(PyType.TYPE)) return;
        if (!t.dict.containsKey("__dict__") && !builtin.isSubtypeOf(Exc.BaseException)) {
            PyGetSet objects = (PyGetSet) PyType.OBJECT.dict.get("__dict__");
            t.dict.put("__dict__", new PyGetSet("__dict__", objects.getter, objects.setter));
        }
        boolean noWeakref = builtin.isSubtypeOf(PyInt.TYPE) || builtin.isSubtypeOf(PyTuple.TYPE)
                || builtin.isSubtypeOf(PyBytes.TYPE) || builtin.isSubtypeOf(PySet.TYPE) || builtin.isSubtypeOf(PySet.FROZEN_TYPE);
        if (!noWeakref && !t.dict.containsKey("__weakref__")) t.dict.put("__weakref__", new PyGetSet("__weakref__", o -> Py.None, null));
    }

    /** type(name, bases, ns) for a metatype. */
    static PyObject typeNew(PyType meta, PyObject[] args, String[] kw) {
        int npos = Args.positional(args, kw);
        if (npos == 1 && meta == PyType.TYPE) return args[0].type;
        if (npos != 3) throw Exc.typeError("type() takes 1 or 3 arguments");
        String name = Args.strArg("type", args[0]);
        if (!(args[1] instanceof PyTuple basesT)) throw Exc.typeError("type.__new__() argument 2 must be tuple, not " + args[1].type.name);
        if (!(args[2] instanceof PyDict ns)) throw Exc.typeError("type.__new__() argument 3 must be dict, not " + args[2].type.name);
        PyType[] bases = new PyType[Math.max(1, basesT.size())];
        if (basesT.size() == 0) bases[0] = PyType.OBJECT;
        for (int i = 0; i < basesT.size(); i++) {
            if (!(basesT.get(i) instanceof PyType b)) throw Exc.typeError("bases must be types");
            bases[i] = b;
        }
        // the most derived metaclass wins
        PyType winner = meta;
        for (PyType b : bases) {
            if (b.type.isSubtypeOf(winner)) winner = b.type;
            else if (!winner.isSubtypeOf(b.type)) {
                throw Exc.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
            }
        }
        PyType t = PyType.heapType(winner, name, bases);
        PyCell classCell = null;
        for (int pos = ns.nextEntry(0); pos >= 0; pos = ns.nextEntry(pos + 1)) {
            PyObject k = ns.keyAt(pos), v = ns.valueAt(pos);
            String key = Ops.str(k);
            switch (key) {
                case "__qualname__": t.qualname = Ops.str(v); continue;
                case "__classcell__": classCell = (PyCell) v; continue;
                case "__module__": t.module = Ops.str(v); break;
                case "__new__":
                    if (v.type.name.equals("function")) v = new PyStaticMethod(PyStaticMethod.STATIC, v);
                    break;
                case "__init_subclass__":
                case "__class_getitem__":
                    if (v.type.name.equals("function")) v = new PyStaticMethod(PyStaticMethod.CLASS, v);
                    break;
                default:
                    break;
            }
            t.dict.put(key, v);
        }
        addDictAndWeakref(t);
        if (!t.dict.containsKey("__doc__")) t.dict.put("__doc__", Py.None);
        if (t.dict.containsKey("__eq__") && !t.dict.containsKey("__hash__")) t.dict.put("__hash__", Py.None);
        t.setTypeAttr("__module__", PyStr.of(t.module));
        if (classCell != null) classCell.set(t);
        // __set_name__ on descriptors
        List<Map.Entry<String, PyObject>> entries = new ArrayList<>(t.dict.entrySet());
        for (Map.Entry<String, PyObject> e : entries) {
            PyObject v = e.getValue();
            PyObject sn = v.type.lookup("__set_name__");
            if (sn != null) {
                try {
                    Ops.callMethod(sn, v, t, PyStr.of(e.getKey()));
                } catch (PyException ex) {
                    PyException re = Exc.runtimeError("Error calling __set_name__ on '" + v.type.name + "' instance '"
                            + e.getKey() + "' in '" + t.name + "'");
                    re.value.setCause(ex.value);
                    re.value.setContext(ex.value);
                    re.value.suppressContext = true;
                    throw re;
                }
            }
        }
        // __init_subclass__ of the parent
        PyObject isc = null;
        for (int i = 1; i < t.mro.length && isc == null; i++) isc = t.mro[i].dict.get("__init_subclass__");
        if (isc != null) {
            PyObject bound = isc.descrGet(null, t);
            int nkw = kw == null ? 0 : kw.length;
            PyObject[] kwv = new PyObject[nkw];
            System.arraycopy(args, npos, kwv, 0, nkw);
            (bound != null ? bound : isc).call(kwv, nkw == 0 ? null : kw);
        } else if (kw != null && kw.length > 0) {
            throw Exc.typeError(name + ".__init_subclass__() takes no keyword arguments");
        }
        return t;
    }

    // ----- the writable attributes of a class -------------------------------------------------

    /** CPython's check_set_special_type_attr: a class's special attribute cannot be deleted. */
    static void checkSpecial(PyType t, String name, PyObject value) {
        if (value == null) throw Exc.typeError("cannot delete '" + name + "' attribute of immutable type '" + t.name + "'");
    }

    /** The new value of __name__ or __qualname__, which must be a string. */
    static String specialString(PyType t, String name, PyObject value) {
        checkSpecial(t, name, value);
        if (!(value instanceof PyStr s)) {
            throw Exc.typeError("can only assign string to " + t.name + "." + name + ", not '" + value.type.name + "'");
        }
        return s.value;
    }

    /** The setter of __mro__ and __base__. */
    static void readonly(PyObject self, PyObject value) {
        throw Exc.attributeError("readonly attribute");
    }

    /**
     * {@code C.__bases__ = (...)}: CPython's type_set_bases. The new bases must keep the
     * instances' layout; the class and then each of its subclasses, depth first, get a new MRO,
     * and if any of them cannot have one, everything is put back and the TypeError raised.
     */
    static void setBases(PyType t, PyObject value) {
        checkSpecial(t, "__bases__", value);
        if (!(value instanceof PyTuple tuple)) {
            throw Exc.typeError("can only assign tuple to " + t.name + ".__bases__, not " + value.type.name);
        }
        if (tuple.items.length == 0) throw Exc.typeError("can only assign non-empty tuple to " + t.name + ".__bases__, not ()");
        PyType[] bases = new PyType[tuple.items.length];
        for (int i = 0; i < bases.length; i++) {
            if (!(tuple.items[i] instanceof PyType b)) {
                throw Exc.typeError(t.name + ".__bases__ must be tuple of classes, not '" + tuple.items[i].type.name + "'");
            }
            if (b.isSubtypeOf(t)) throw Exc.typeError("a __bases__ item causes an inheritance cycle");
            bases[i] = b;
        }
        PyType newBase = PyType.bestBase(bases);
        checkLayout(t.base, newBase);
        PyType[] oldBases = t.bases;
        PyType oldBase = t.base;
        t.bases = bases;
        t.base = newBase;
        List<PyType> redone = new ArrayList<>();
        List<PyType[]> oldMros = new ArrayList<>();
        try {
            newMros(t, redone, oldMros);
        } catch (PyException e) {
            for (int i = 0; i < redone.size(); i++) redone.get(i).mro = oldMros.get(i);
            t.bases = oldBases;
            t.base = oldBase;
            throw e;
        }
        for (PyType b : oldBases) b.subclasses.remove(t);
        for (PyType b : bases) b.subclasses.add(t);
        for (PyType b : bases) if (b.heap) Refs.incref(b);
        for (PyType b : oldBases) if (b.heap) Refs.decref(b);
        t.invalidate();
    }

    /** The class's new MRO, then its subclasses' (CPython's mro_hierarchy); records the old ones. */
    private static void newMros(PyType t, List<PyType> redone, List<PyType[]> oldMros) {
        PyType[] mro = C3.mro(t);
        redone.add(t);
        oldMros.add(t.mro);
        t.mro = mro;
        for (PyType s : new ArrayList<>(t.subclasses)) newMros(s, redone, oldMros);
    }

    /**
     * CPython's compatible_for_assignment: instances must keep their layout, so the new base
     * must free its instances the same way (a class's instances are tracked by the collector,
     * those of object, int, float, str and bytes are not) and have the same solid base and dict.
     */
    private static void checkLayout(PyType oldto, PyType newto) {
        if (tracked(newto) != tracked(oldto)) {
            throw Exc.typeError("__bases__ assignment: '" + newto.name + "' deallocator differs from '" + oldto.name + "'");
        }
        if (newto.solidBase() != oldto.solidBase() || ownDict(newto) != ownDict(oldto)) {
            throw Exc.typeError("__bases__ assignment: '" + newto.name + "' object layout differs from '" + oldto.name + "'");
        }
    }

    private static boolean tracked(PyType t) {
        return t.heap || !(t == PyType.OBJECT || t == PyInt.TYPE || t == PyFloat.TYPE || t == PyStr.TYPE || t == PyBytes.TYPE
                || t == PyBool.TYPE);
    }

    /** Whether the class gave its instances a dict their solid base lacks (exceptions have one already). */
    private static boolean ownDict(PyType t) {
        return t.heap && !t.isSubtypeOf(Exc.BaseException);
    }
}
