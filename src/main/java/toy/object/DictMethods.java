package toy.object;

/** The methods of {@code dict}, its views and its iterators. */
public final class DictMethods {
    private DictMethods() {}

    static final int KEYS = 0, VALUES = 1, ITEMS = 2;

    static {
        PyType d = PyDict.TYPE;
        d.def("__init__", (self, a, k) -> {
            int npos = Args.positional(a, k);
            if (npos > 1) throw Exc.typeError("dict expected at most 1 argument, got " + npos);
            PyDict dict = (PyDict) self;
            if (npos == 1) updateFrom(dict, a[0]);
            if (k != null) for (int i = 0; i < k.length; i++) dict.put(PyStr.of(k[i]), a[npos + i]);
            return Py.None;
        });
        d.def("get", (self, a, k) -> {
            Args.checkCount("get", a, 1, 2);
            PyObject v = ((PyDict) self).get(a[0]);
            return v != null ? v : a.length > 1 ? a[1] : Py.None;
        });
        d.def("setdefault", (self, a, k) -> {
            Args.checkCount("setdefault", a, 1, 2);
            PyDict dict = (PyDict) self;
            PyObject v = dict.get(a[0]);
            if (v != null) return v;
            v = a.length > 1 ? a[1] : Py.None;
            dict.put(a[0], v);
            return v;
        });
        d.def("pop", (self, a, k) -> {
            Args.checkCount("pop", a, 1, 2);
            PyObject v = ((PyDict) self).remove(a[0]);
            if (v != null) return v;
            if (a.length > 1) return a[1];
            throw Exc.keyError(a[0]);
        });
        d.def("popitem", (self, a, k) -> {
            PyObject[] kv = ((PyDict) self).popLast();
            if (kv == null) throw Exc.keyError(PyStr.of("popitem(): dictionary is empty"));
            return PyTuple.of(kv);
        });
        d.def("keys", (self, a, k) -> new DictView((PyDict) self, KEYS));
        d.def("values", (self, a, k) -> new DictView((PyDict) self, VALUES));
        d.def("items", (self, a, k) -> new DictView((PyDict) self, ITEMS));
        d.def("update", (self, a, k) -> {
            int npos = Args.positional(a, k);
            if (npos > 1) throw Exc.typeError("update expected at most 1 argument, got " + npos);
            PyDict dict = (PyDict) self;
            if (npos == 1) updateFrom(dict, a[0]);
            if (k != null) for (int i = 0; i < k.length; i++) dict.put(PyStr.of(k[i]), a[npos + i]);
            return Py.None;
        });
        d.def("clear", (self, a, k) -> { ((PyDict) self).clear(); return Py.None; });
        d.def("copy", (self, a, k) -> ((PyDict) self).copy());
        d.dict.put("fromkeys", new PyStaticMethod(PyStaticMethod.CLASS, new PyBuiltinFunction("fromkeys", (a, k) -> {
            Args.checkCount("fromkeys", a, 2, 3);
            PyObject r = Ops.call(a[0]);
            PyObject v = a.length > 2 ? a[2] : Py.None;
            PyObject it = Ops.iter(a[1]);
            for (PyObject x; (x = Ops.next(it)) != null; ) Ops.setItem(r, x, v);
            return r;
        })));
        d.def("__reversed__", (self, a, k) -> {
            PyDict dict = (PyDict) self;
            PyList keys = new PyList();
            for (int p = dict.nextEntry(0); p >= 0; p = dict.nextEntry(p + 1)) keys.append(dict.keyAt(p));
            return new SeqMethods.ReversedIterator(keys, keys.size);
        });
        SlotWrappers.add(d, "__repr__", "__len__", "__iter__", "__getitem__", "__setitem__", "__delitem__",
                "__contains__", "__or__", "__ior__", "compare");
        d.dict.put("__hash__", Py.None);
    }

    public static void init() {}

    /** dict.update(other): a mapping (has keys()) or an iterable of pairs. */
    public static void updateFrom(PyDict dict, PyObject other) {
        if (other instanceof PyDict o && !o.type.heap) {
            dict.update(o);
            return;
        }
        PyObject keys = Ops.getAttrOrNull(other, PyStr.intern("keys"));
        if (keys != null) {
            PyObject it = Ops.iter(Ops.call(keys));
            for (PyObject key; (key = Ops.next(it)) != null; ) dict.put(key, Ops.getItem(other, key));
            return;
        }
        PyObject it = Ops.iter(other);
        int i = 0;
        for (PyObject item; (item = Ops.next(it)) != null; i++) {
            PyObject[] kv;
            try {
                kv = SeqMethods.toArray(item);
            } catch (PyException e) {
                throw Exc.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            if (kv.length != 2) {
                throw Exc.valueError("dictionary update sequence element #" + i + " has length " + kv.length + "; 2 is required");
            }
            dict.put(kv[0], kv[1]);
        }
    }

    /** dict.keys(), values(), items(). */
    public static final class DictView extends PyContainer {
        static final PyType KEYS_TYPE = PyType.builtin("dict_keys", PyType.OBJECT, null);
        static final PyType VALUES_TYPE = PyType.builtin("dict_values", PyType.OBJECT, null);
        static final PyType ITEMS_TYPE = PyType.builtin("dict_items", PyType.OBJECT, null);
        final PyDict dict;
        final int kind;

        DictView(PyDict dict, int kind) {
            super(kind == KEYS ? KEYS_TYPE : kind == VALUES ? VALUES_TYPE : ITEMS_TYPE);
            this.dict = Refs.own(dict);
            this.kind = kind;
        }

        @Override public void traverse(RefVisitor v) { v.visit(dict); }

        @Override public PyObject iter() { return new DictIterator(dict, kind); }

        @Override public int length() { return dict.size(); }

        @Override public int contains(PyObject v) {
            if (kind == KEYS) return dict.containsKey(v) ? 1 : 0;
            if (kind == ITEMS) {
                if (!(v instanceof PyTuple t) || t.size() != 2) return 0;
                PyObject x = dict.get(t.get(0));
                return x != null && (x == t.get(1) || Ops.eq(x, t.get(1))) ? 1 : 0;
            }
            return -1;
        }

        @Override public String repr() {
            StringBuilder sb = new StringBuilder(type.name).append("([");
            boolean first = true;
            PyObject it = iter();
            for (PyObject x; (x = it.next()) != null; ) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(Ops.repr(x));
            }
            return sb.append("])").toString();
        }

        @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
            if (kind == VALUES) return null;
            if (op != BinOp.AND && op != BinOp.OR && op != BinOp.SUB && op != BinOp.XOR) return null;
            PyObject self = Ops.call(PySet.TYPE, this);
            PyObject o = Ops.call(PySet.TYPE, other);
            return reflected ? Ops.binary(o, self, op) : Ops.binary(self, o, op);
        }

        @Override public PyObject richCompare(PyObject other, int op) {
            if (kind == VALUES) return null;
            if (other instanceof DictView || other.type == PySet.TYPE || other.type == PySet.FROZEN_TYPE) {
                return Ops.richCompare(Ops.call(PySet.TYPE, this), Ops.call(PySet.TYPE, other), op);
            }
            return null;
        }
    }

    /** Iterates a dict's keys, values or items; raises if the dict changes size meanwhile. */
    public static final class DictIterator extends PyContainer {
        static final PyType TYPE = PyType.builtin("dict_keyiterator", PyType.OBJECT, null);
        /** The dict (a counted reference), dropped once exhausted as in CPython; null then. */
        private PyDict dict;
        private final int kind;
        private final int size0;
        private int pos;

        public DictIterator(PyDict dict, int kind) {
            super(TYPE);
            this.dict = Refs.own(dict);
            this.kind = kind;
            this.size0 = dict.size();
        }

        @Override public void traverse(RefVisitor v) { v.visit(dict); }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (pos < 0 || dict == null) return null;
            if (dict.size() != size0) {
                pos = -1;
                throw Exc.runtimeError("dictionary changed size during iteration");
            }
            int p = dict.nextEntry(pos);
            if (p < 0) {
                pos = -1;
                PyDict d = dict;
                dict = null;
                if (!isFreed()) Refs.decref(d);
                return null;
            }
            pos = p + 1;
            switch (kind) {
                case KEYS: return dict.keyAt(p);
                case VALUES: return dict.valueAt(p);
                default: return PyTuple.of(dict.keyAt(p), dict.valueAt(p));
            }
        }

        @Override public int length() { return pos < 0 || dict == null ? 0 : dict.size(); }
    }
}
