package toy.object;

/** The methods of {@code set} and {@code frozenset}, and the set iterator. */
public final class SetMethods {
    private SetMethods() {}

    private static boolean done;

    /** Registers the methods (PySet's static initialiser calls this; idempotent). */
    public static synchronized void init() {
        if (done) return;
        done = true;
        PyType s = PySet.TYPE;
        PyType f = PySet.FROZEN_TYPE;

        s.def("__init__", (self, a, k) -> {
            Args.noKeywords("set", k);
            if (a.length > 1) throw Exc.typeError(self.type.name + " expected at most 1 argument, got " + a.length);
            PySet set = (PySet) self;
            if (set.fill != 0) set.clearInternal();
            set.hash = -1;
            if (a.length == 1) set.updateInternal(a[0]);
            return Py.None;
        });
        s.def("add", (self, a, k) -> {
            one("set.add", a, k);
            ((PySet) self).add(a[0]);
            return Py.None;
        });
        s.def("clear", (self, a, k) -> {
            none("set.clear", a, k);
            ((PySet) self).clearInternal();
            return Py.None;
        });
        s.def("discard", (self, a, k) -> {
            one("set.discard", a, k);
            ((PySet) self).discardKey(a[0]);
            return Py.None;
        });
        s.def("remove", (self, a, k) -> {
            one("set.remove", a, k);
            if (!((PySet) self).discardKey(a[0])) throw Exc.keyError(a[0]);
            return Py.None;
        });
        s.def("pop", (self, a, k) -> {
            none("set.pop", a, k);
            return ((PySet) self).pop();
        });
        s.def("update", (self, a, k) -> {
            Args.noKeywords("set.update", k);
            for (PyObject o : a) ((PySet) self).updateInternal(o);
            return Py.None;
        });
        s.def("difference_update", (self, a, k) -> {
            Args.noKeywords("set.difference_update", k);
            for (PyObject o : a) ((PySet) self).differenceUpdate(o);
            return Py.None;
        });
        s.def("intersection_update", (self, a, k) -> {
            Args.noKeywords("set.intersection_update", k);
            PySet set = (PySet) self;
            PySet.swapBodies(set, set.intersectionMulti(a));
            return Py.None;
        });
        s.def("symmetric_difference_update", (self, a, k) -> {
            one("set.symmetric_difference_update", a, k);
            ((PySet) self).symmetricDifferenceUpdate(a[0]);
            return Py.None;
        });
        s.def("copy", (self, a, k) -> {
            none("set.copy", a, k);
            return ((PySet) self).copySet();
        });
        f.def("copy", (self, a, k) -> {
            none("frozenset.copy", a, k);
            return self.type == PySet.FROZEN_TYPE ? self : ((PySet) self).copySet();
        });
        for (PyType t : new PyType[] {s, f}) {
            String n = t.name + ".";
            t.def("__contains__", (self, a, k) -> {
                one(n + "__contains__", a, k);
                return PyBool.of(self.contains(a[0]) == 1);
            });
            t.def("union", (self, a, k) -> {
                Args.noKeywords(n + "union", k);
                return ((PySet) self).union(a);
            });
            t.def("intersection", (self, a, k) -> {
                Args.noKeywords(n + "intersection", k);
                return ((PySet) self).intersectionMulti(a);
            });
            t.def("difference", (self, a, k) -> {
                Args.noKeywords(n + "difference", k);
                return ((PySet) self).differenceMulti(a);
            });
            t.def("symmetric_difference", (self, a, k) -> {
                one(n + "symmetric_difference", a, k);
                return ((PySet) self).symmetricDifference(a[0]);
            });
            t.def("isdisjoint", (self, a, k) -> {
                one(n + "isdisjoint", a, k);
                return PyBool.of(((PySet) self).isdisjoint(a[0]));
            });
            t.def("issubset", (self, a, k) -> {
                one(n + "issubset", a, k);
                return PyBool.of(((PySet) self).issubset(a[0]));
            });
            t.def("issuperset", (self, a, k) -> {
                one(n + "issuperset", a, k);
                return PyBool.of(((PySet) self).issuperset(a[0]));
            });
            t.def("__reduce__", (self, a, k) -> {
                none(n + "__reduce__", a, k);
                PyList items = new PyList();
                PyObject it = self.iter();
                for (PyObject x; (x = it.next()) != null; ) items.append(x);
                PyDict d = self.dict();
                return PyTuple.of(self.type, PyTuple.of(items), d == null ? Py.None : d);
            });
            SlotWrappers.add(t, "__repr__", "__len__", "__iter__", "compare",
                    "__or__", "__ror__", "__and__", "__rand__", "__sub__", "__rsub__", "__xor__", "__rxor__");
        }
        SlotWrappers.add(s, "__ior__", "__iand__", "__isub__", "__ixor__");
        s.dict.put("__hash__", Py.None);
        SlotWrappers.add(f, "__hash__");

        PyType it = SetIterator.TYPE;
        SlotWrappers.add(it, "__iter__", "__next__");
        it.def("__length_hint__", (self, a, k) -> {
            none("set_iterator.__length_hint__", a, k);
            return PyInt.of(((SetIterator) self).lengthHint());
        });
    }

    /** METH_O argument checking. */
    private static void one(String fname, PyObject[] a, String[] k) {
        Args.noKeywords(fname, k);
        Args.checkCount(fname, a, 1, 1);
    }

    /** METH_NOARGS argument checking. */
    private static void none(String fname, PyObject[] a, String[] k) {
        Args.noKeywords(fname, k);
        Args.checkCount(fname, a, 0, 0);
    }

    /** setiterobject: walks the table; raises if the set's size changes meanwhile. */
    public static final class SetIterator extends PyContainer {
        static final PyType TYPE = PyType.builtin("set_iterator", PyType.OBJECT, null);
        /** Null once exhausted. */
        private PySet set;
        private int usedAtStart;
        private int pos;
        private int len;

        SetIterator(PySet set) {
            super(TYPE);
            this.set = Refs.own(set);
            this.usedAtStart = set.used;
            this.len = set.used;
        }

        @Override public void traverse(RefVisitor v) { v.visit(set); }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            PySet so = set;
            if (so == null) return null;
            if (usedAtStart != so.used) {
                usedAtStart = -1;
                throw Exc.runtimeError("Set changed size during iteration");
            }
            int i = so.nextPos(pos);
            if (i < 0) {
                set = null;
                if (!isFreed()) Refs.decref(so);
                return null;
            }
            pos = i + 1;
            len--;
            return so.keys[i];
        }

        int lengthHint() { return set != null && usedAtStart == set.used ? len : 0; }
    }
}
