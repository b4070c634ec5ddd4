package toy.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The attributes of {@code object} and {@code type} themselves. */
public final class ObjectMethods {
    private ObjectMethods() {}

    private static boolean done;

    /** Fills the dicts of object and type; called once at start-up, before any script runs. */
    public static synchronized void init() {
        if (done) return;
        done = true;
        PyType o = PyType.OBJECT;
        o.def("__init__", (self, a, k) -> {
            if (a.length > 0) {
                if (self.type.lookup("__init__") != TypeNew.objectInit) {
                    throw Exc.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
                }
                if (self.type.lookup("__new__") == TypeNew.objectNew) {
                    throw Exc.typeError(self.type.name + "() takes no arguments");
                }
            }
            return Py.None;
        });
        TypeNew.objectInit = o.dict.get("__init__");
        PyBuiltinFunction newFn = new PyBuiltinFunction("__new__", (a, k) -> {
            if (a.length == 0 || !(a[0] instanceof PyType cls)) throw Exc.typeError("object.__new__(X): X is not a type object");
            PyObject[] rest = new PyObject[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            if (cls.newFn == null) throw Exc.typeError("cannot create '" + cls.name + "' instances");
            if (cls.newFn == PyType.OBJECT.newFn) return new PyInstance(cls);
            return cls.newFn.create(cls, rest, k);
        });
        o.dict.put("__new__", new PyStaticMethod(PyStaticMethod.STATIC, newFn));
        TypeNew.objectNew = o.dict.get("__new__");
        o.def("__repr__", (self, a, k) -> PyStr.of("<" + self.type.qualifiedName() + " object at " + Ops.addressOf(self) + ">"));
        o.def("__str__", (self, a, k) -> PyStr.of(Ops.repr(self)));
        o.def("__hash__", (self, a, k) -> PyInt.of(Ops.identityHash(self)));
        o.def("__format__", (self, a, k) -> {
            String spec = Args.strArg("format", a[0]);
            if (!spec.isEmpty()) throw Exc.typeError("unsupported format string passed to " + self.type.name + ".__format__");
            return Ops.strObj(self);
        });
        for (int op = 0; op < Compare.NAME.length; op++) {
            final int c = op;
            o.def(Compare.NAME[op], (self, a, k) -> {
                if (c == Compare.EQ) return self == a[0] ? PyBool.TRUE : Py.NotImplemented;
                if (c == Compare.NE) {
                    PyObject eq = self.type.lookup("__eq__");
                    if (eq != null && !(eq instanceof PyMethodDescr)) {
                        PyObject r = Ops.callMethod(eq, self, a[0]);
                        return r == Py.NotImplemented ? r : PyBool.of(!Ops.isTrue(r));
                    }
                    return self == a[0] ? PyBool.FALSE : Py.NotImplemented;
                }
                return Py.NotImplemented;
            });
        }
        o.def("__getattribute__", (self, a, k) -> {
            PyStr n = nameArg(a[0]);
            return self instanceof PyType t ? Attr.typeGetAttr(t, n, true) : Attr.genericGetAttr(self, n, true);
        });
        o.def("__setattr__", (self, a, k) -> {
            PyStr n = nameArg(a[0]);
            if (self instanceof PyType t) t.setAttr(n, a[1]); else Attr.genericSetAttr(self, n, a[1]);
            return Py.None;
        });
        o.def("__delattr__", (self, a, k) -> {
            Attr.genericDelAttr(self, nameArg(a[0]));
            return Py.None;
        });
        o.def("__init_subclass__", (self, a, k) -> Py.None);
        o.dict.put("__init_subclass__", new PyStaticMethod(PyStaticMethod.CLASS,
                new PyBuiltinFunction("__init_subclass__", (a, k) -> {
                    if (Args.positional(a, k) > 1 || (k != null && k.length > 0)) {
                        throw Exc.typeError(((PyType) a[0]).name + ".__init_subclass__() takes no keyword arguments");
                    }
                    return Py.None;
                })));
        o.def("__dir__", (self, a, k) -> dir(self));
        o.def("__reduce_ex__", (self, a, k) -> { throw Exc.typeError("cannot pickle '" + self.type.name + "' object"); });
        o.dict.put("__class__", new PyGetSet("__class__", self -> self.type, (self, v) -> {
            if (!(v instanceof PyType t) || !t.heap || !self.type.heap) throw Exc.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
            if (self instanceof PyInstance inst) inst.dict(); // inline values are laid out by the old class's keys
            if (self instanceof PyInt || self instanceof PyBytes) {
                // (an int's or bytes' size varies, so CPython refuses: its layout check)
                throw Exc.typeError("__class__ assignment: '" + t.name + "' object layout differs from '" + self.type.name + "'");
            }
            self.setType(t);
        }));
        o.dict.put("__dict__", new PyGetSet("__dict__", self -> {
            PyDict d = self.dict();
            if (d == null) throw Exc.noAttribute(self, "__dict__");
            return d;
        }, (self, v) -> {
            if (!(self instanceof PyInstance inst) || self instanceof PyInstance.Bare) throw Exc.noAttribute(self, "__dict__");
            if (v != null && !(v instanceof PyDict)) {
                throw Exc.typeError("__dict__ must be set to a dictionary, not a '" + v.type.name + "'");
            }
            inst.setDict((PyDict) v);
        }));
        o.dict.put("__doc__", Py.None);

        PyType t = PyType.TYPE;
        t.dict.put("__name__", new PyGetSet("__name__", self -> PyStr.of(((PyType) self).shortName()),
                (self, v) -> ((PyType) self).name = TypeNew.specialString((PyType) self, "__name__", v)));
        t.dict.put("__qualname__", new PyGetSet("__qualname__", self -> PyStr.of(((PyType) self).shortQualname()),
                (self, v) -> ((PyType) self).qualname = TypeNew.specialString((PyType) self, "__qualname__", v)));
        t.dict.put("__module__", new PyGetSet("__module__", self -> {
            PyType ty = (PyType) self;
            PyObject m = ty.dict.get("__module__");
            return m != null ? m : PyStr.of(ty.module);
        }, (self, v) -> {
            PyType ty = (PyType) self;
            TypeNew.checkSpecial(ty, "__module__", v);
            ty.setTypeAttr("__module__", v);
            ty.module = v instanceof PyStr s ? s.value : "builtins"; // repr shows no module for a non-string
        }));
        t.dict.put("__mro__", new PyGetSet("__mro__", self -> PyTuple.of(((PyType) self).mro.clone()), TypeNew::readonly));
        t.dict.put("__bases__", new PyGetSet("__bases__", self -> PyTuple.of(((PyType) self).bases.clone()),
                (self, v) -> TypeNew.setBases((PyType) self, v)));
        t.dict.put("__base__", new PyGetSet("__base__", self -> {
            PyType b = ((PyType) self).base;
            return b == null ? Py.None : b;
        }, TypeNew::readonly));
        t.dict.put("__dict__", new PyGetSet("__dict__", self -> {
            PyDict d = new PyDict();
            for (Map.Entry<String, PyObject> e : ((PyType) self).dict.entrySet()) d.put(e.getKey(), e.getValue());
            return d;
        }, null));
        t.dict.put("__doc__", new PyGetSet("__doc__", self -> {
            PyObject d = ((PyType) self).dict.get("__doc__");
            return d == null ? Py.None : d;
        }, (self, v) -> {
            TypeNew.checkSpecial((PyType) self, "__doc__", v);
            ((PyType) self).setTypeAttr("__doc__", v);
        }));
        t.def("mro", (self, a, k) -> PyList.wrap(((PyType) self).mro.clone()));
        t.def("__subclasses__", (self, a, k) -> {
            PyList l = new PyList();
            for (PyType s : ((PyType) self).subclasses) l.append(s);
            return l;
        });
        t.def("__instancecheck__", (self, a, k) -> PyBool.of(a[0].type.isSubtypeOf((PyType) self)));
        t.def("__subclasscheck__", (self, a, k) -> PyBool.of(a[0] instanceof PyType s && s.isSubtypeOf((PyType) self)));
        t.def("__call__", (self, a, k) -> TypeNew.construct((PyType) self, a, k));
        t.def("__repr__", (self, a, k) -> PyStr.of(self.repr()));
        t.dict.put("__new__", new PyStaticMethod(PyStaticMethod.STATIC, new PyBuiltinFunction("__new__", (a, k) -> {
            PyType meta = (PyType) a[0];
            PyObject[] rest = new PyObject[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            return TypeNew.typeNew(meta, rest, k);
        })));
        t.def("__init__", (self, a, k) -> Py.None);
        PyType.OBJECT.setTypeAttr("__doc__", Py.None);
    }

    private static PyStr nameArg(PyObject o) {
        if (!(o instanceof PyStr s)) throw Exc.typeError("attribute name must be string, not '" + o.type.name + "'");
        return PyStr.intern(s.value);
    }

    /** dir(obj): instance attributes and everything on the type's MRO, sorted. */
    public static PyList dir(PyObject obj) {
        TreeSet<String> names = new TreeSet<>();
        PyDict d = obj instanceof PyType ? null : obj.dict();
        if (d != null) for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) names.add(Ops.str(d.keyAt(p)));
        List<PyType> types = new ArrayList<>();
        if (obj instanceof PyType t) {
            for (PyType x : t.mro) types.add(x);
        } else {
            for (PyType x : obj.type.mro) types.add(x);
        }
        for (PyType x : types) names.addAll(x.dict.keySet());
        if (obj instanceof PyModule m) {
            names.clear();
            for (int p = m.dict.nextEntry(0); p >= 0; p = m.dict.nextEntry(p + 1)) names.add(Ops.str(m.dict.keyAt(p)));
        }
        PyList l = new PyList();
        for (String n : names) l.append(PyStr.of(n));
        return l;
    }
}
