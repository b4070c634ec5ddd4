package toy.lib;

import toy.object.*;
import toy.vm.Runtime;

/**
 * The collections module: deque ({@link Deque}), defaultdict, OrderedDict, Counter
 * ({@link CounterDict}) and namedtuple ({@link NamedTuple}). defaultdict, OrderedDict and
 * Counter are dict subclasses: their instances are {@link PyDict} Java objects whose type is
 * the subclass, so every dict method and protocol applies to them unchanged.
 */
public final class CollectionsModule {
    private CollectionsModule() {}

    static final String M = "collections";

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule(M);
        m.dict.put("deque", Deque.TYPE);
        m.dict.put("defaultdict", DEFAULTDICT);
        m.dict.put("OrderedDict", ORDEREDDICT);
        m.dict.put("Counter", CounterDict.TYPE);
        m.def("namedtuple", NamedTuple::namedtuple);
        return m;
    }

    // ----- defaultdict -------------------------------------------------------------------

    static final PyType DEFAULTDICT = LibSupport.newType(M, "defaultdict", PyDict.TYPE, (cls, a, k) -> new DefaultDict(cls));

    /** A dict whose missing keys are filled by calling default_factory (a counted reference). */
    static final class DefaultDict extends PyDict {
        private PyObject factory = Py.None;

        DefaultDict(PyType t) { super(t); }

        PyObject factory() { return factory; }

        void setFactory(PyObject f) {
            PyObject old = factory;
            factory = f;
            Refs.swap(old, f);
        }

        /** defdict_dealloc's order: the factory, then what the dict holds. */
        @Override public void traverse(RefVisitor v) {
            v.visit(factory);
            super.traverse(v);
        }

        @Override public String repr() {
            String f;
            if (factory == Py.None) {
                f = "None";
            } else if (!Ops.enterRepr(factory)) {
                f = "...";
            } else {
                try {
                    f = Ops.repr(factory);
                } finally {
                    Ops.leaveRepr(factory);
                }
            }
            return LibSupport.typeName(this) + "(" + f + ", " + super.repr() + ")";
        }

        @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
            if (op != BinOp.OR || !(other instanceof PyDict o)) return null;
            PyDict r = newLike(this, reflected ? o : this);
            DictMethods.updateFrom(r, reflected ? this : o);
            return r;
        }
    }

    /** type(d)(d.default_factory, items): a defaultdict like d holding the given items. */
    static PyDict newLike(DefaultDict d, PyDict items) {
        if (d.type.heap) return (PyDict) Ops.call(d.type, d.factory, items);
        DefaultDict r = new DefaultDict(d.type);
        r.setFactory(d.factory);
        r.update(items);
        return r;
    }

    static {
        PyType t = DEFAULTDICT;
        t.def("__init__", (self, a, k) -> {
            int npos = Args.positional(a, k);
            DefaultDict d = (DefaultDict) self;
            PyObject factory = Py.None;
            PyObject[] rest = a;
            if (npos > 0) {
                factory = a[0];
                if (factory != Py.None && !BuiltinsModule.isCallable(factory)) {
                    throw Exc.typeError("first argument must be callable or None");
                }
                rest = LibSupport.drop(a, 1);
            }
            d.setFactory(factory);
            PyObject[] initArgs = new PyObject[rest.length + 1];
            initArgs[0] = d;
            System.arraycopy(rest, 0, initArgs, 1, rest.length);
            PyDict.TYPE.lookup("__init__").call(initArgs, k);
            return Py.None;
        });
        t.def("__missing__", (self, a, k) -> {
            Args.checkCount("__missing__", a, 1, 1);
            DefaultDict d = (DefaultDict) self;
            if (d.factory == Py.None) throw Exc.keyError(a[0]);
            PyObject v = Ops.call(d.factory);
            Ops.setItem(d, a[0], v);
            return v;
        });
        t.def("copy", (self, a, k) -> newLike((DefaultDict) self, (PyDict) self));
        t.def("__copy__", (self, a, k) -> newLike((DefaultDict) self, (PyDict) self));
        t.setTypeAttr("default_factory", LibSupport.Member.member(t, "default_factory", o -> ((DefaultDict) o).factory,
                (o, v) -> ((DefaultDict) o).setFactory(v == null ? Py.None : v)));
        SlotWrappers.add(t, "__repr__", "__or__", "__ror__");
        LibSupport.containsSlot(t);
    }

    // ----- OrderedDict -------------------------------------------------------------------

    /** MutableMapping.update(self, [arg], **kwargs) as CPython's OrderedDict does it. */
    static void mappingUpdate(PyObject self, PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        if (npos == 1) {
            PyObject arg = a[0];
            if (arg.type == PyDict.TYPE) {
                addPairs(self, Ops.callMethod(PyDict.TYPE.lookup("items"), arg));
            } else {
                PyObject keys = LibSupport.attrOrNull(arg, PyStr.intern("keys"));
                if (keys != null) {
                    PyObject it = Ops.iter(Ops.call(keys));
                    for (PyObject key; (key = Ops.next(it)) != null; ) Ops.setItem(self, key, Ops.getItem(arg, key));
                } else {
                    PyObject items = LibSupport.attrOrNull(arg, PyStr.intern("items"));
                    addPairs(self, items != null ? Ops.call(items) : arg);
                }
            }
        }
        if (k != null) for (int i = 0; i < k.length; i++) Ops.setItem(self, PyStr.of(k[i]), a[npos + i]);
    }

    private static void addPairs(PyObject self, PyObject pairs) {
        PyObject it = Ops.iter(pairs);
        for (PyObject pair; (pair = Ops.next(it)) != null; ) {
            PyObject pi = Ops.iter(pair);
            PyObject key = Ops.next(pi);
            if (key == null) throw Exc.valueError("need more than 0 values to unpack");
            PyObject value = Ops.next(pi);
            if (value == null) throw Exc.valueError("need more than 1 value to unpack");
            if (Ops.next(pi) != null) throw Exc.valueError("too many values to unpack (expected 2)");
            Ops.setItem(self, key, value);
        }
    }

    static final PyType ODICT_KEYS = PyType.builtin("odict_keys", PyType.OBJECT, null);
    static final PyType ODICT_VALUES = PyType.builtin("odict_values", PyType.OBJECT, null);
    static final PyType ODICT_ITEMS = PyType.builtin("odict_items", PyType.OBJECT, null);

    static final PyType ORDEREDDICT = LibSupport.newType(M, "OrderedDict", PyDict.TYPE, (cls, a, k) -> new OrderedDict(cls));

    /** A dict that remembers (and lets scripts change) the order of its keys. */
    static final class OrderedDict extends PyDict {
        OrderedDict(PyType t) { super(t); }

        @Override public String repr() {
            String name = LibSupport.typeName(this);
            if (size() == 0) return name + "()";
            if (!Ops.enterRepr(this)) return "...";
            try {
                StringBuilder sb = new StringBuilder(name).append("([");
                boolean first = true;
                for (int p = nextEntry(0); p >= 0; p = nextEntry(p + 1)) {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append('(').append(Ops.repr(keyAt(p))).append(", ").append(Ops.repr(valueAt(p))).append(')');
                }
                return sb.append("])").toString();
            } finally {
                Ops.leaveRepr(this);
            }
        }

        @Override public PyObject richCompare(PyObject other, int op) {
            if ((op == Compare.EQ || op == Compare.NE) && other instanceof OrderedDict o) {
                PyObject r = super.richCompare(other, Compare.EQ);
                boolean eq = Ops.isTrue(r);
                if (eq) {
                    for (int p = nextEntry(0), q = o.nextEntry(0); p >= 0 && eq; p = nextEntry(p + 1), q = o.nextEntry(q + 1)) {
                        eq = q >= 0 && Ops.eq(keyAt(p), o.keyAt(q));
                    }
                }
                return PyBool.of(op == Compare.EQ ? eq : !eq);
            }
            return super.richCompare(other, op);
        }

        @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
            if (op != BinOp.OR || !(other instanceof PyDict o)) return null;
            PyObject r = Ops.call(type, reflected ? o : this);
            DictMethods.updateFrom((PyDict) r, reflected ? this : o);
            return r;
        }

        /** Moves key to the end (or the start), keeping its value. */
        void moveToEnd(PyObject key, boolean last) {
            PyObject v = remove(key);
            if (v == null) throw Exc.keyError(key);
            if (last) {
                put(key, v);
                return;
            }
            int n = size();
            PyObject[] ks = new PyObject[n], vs = new PyObject[n];
            int i = 0;
            for (int p = nextEntry(0); p >= 0; p = nextEntry(p + 1), i++) {
                ks[i] = keyAt(p);
                vs[i] = valueAt(p);
            }
            clear();
            put(key, v);
            for (i = 0; i < n; i++) put(ks[i], vs[i]);
        }
    }

    static {
        PyType t = ORDEREDDICT;
        t.def("__init__", (self, a, k) -> {
            int npos = Args.positional(a, k);
            if (npos > 1) throw Exc.typeError("expected at most 1 arguments, got " + npos);
            mappingUpdate(self, a, k);
            return Py.None;
        });
        t.def("update", (self, a, k) -> {
            int npos = Args.positional(a, k);
            if (npos > 1) throw Exc.typeError("update() takes at most 1 positional argument (" + npos + " given)");
            mappingUpdate(self, a, k);
            return Py.None;
        });
        t.def("move_to_end", (self, a, k) -> {
            PyObject[] p = Args.parse("move_to_end", a, k, new String[] {"key", "last"}, 1, 2);
            ((OrderedDict) self).moveToEnd(p[0], p[1] == null || Ops.isTrue(p[1]));
            return Py.None;
        });
        t.def("popitem", (self, a, k) -> {
            PyObject[] p = Args.parse("popitem", a, k, new String[] {"last"}, 0, 1);
            PyDict d = (PyDict) self;
            if (d.size() == 0) throw Exc.keyError(PyStr.of("dictionary is empty"));
            boolean last = p[0] == null || Ops.isTrue(p[0]);
            if (last) return PyTuple.of(d.popLast());
            int pos = d.nextEntry(0);
            PyObject key = d.keyAt(pos);
            PyObject v = d.remove(key);
            return PyTuple.of(key, v);
        });
        t.def("copy", (self, a, k) -> Ops.call(self.type, self));
        t.def("__copy__", (self, a, k) -> Ops.call(self.type, self));
        t.def("keys", (self, a, k) -> new OrderedView(ODICT_KEYS, Ops.callMethod(PyDict.TYPE.lookup("keys"), self)));
        t.def("values", (self, a, k) -> new OrderedView(ODICT_VALUES, Ops.callMethod(PyDict.TYPE.lookup("values"), self)));
        t.def("items", (self, a, k) -> new OrderedView(ODICT_ITEMS, Ops.callMethod(PyDict.TYPE.lookup("items"), self)));
        SlotWrappers.add(t, "__repr__", "__or__", "__ror__", "compare");
        LibSupport.containsSlot(t);
        t.dict.put("__hash__", Py.None);
    }

    /** odict_keys, odict_values, odict_items: dict views with their own names. */
    static final class OrderedView extends PyContainer {
        /** The dict view it presents (counted). */
        private final PyObject view;

        OrderedView(PyType t, PyObject view) {
            super(t);
            this.view = Refs.own(view);
        }

        @Override public void traverse(RefVisitor v) { v.visit(view); }

        @Override public PyObject iter() { return view.iter(); }

        @Override public int length() { return view.length(); }

        @Override public int contains(PyObject v) { return view.contains(v); }

        @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
            return view.binaryOp(op, other instanceof OrderedView o ? o.view : other, reflected);
        }

        @Override public PyObject richCompare(PyObject other, int op) {
            return view.richCompare(other instanceof OrderedView o ? o.view : other, op);
        }

        @Override public String repr() {
            String r = view.repr();
            return type.name + r.substring(r.indexOf('('));
        }
    }
}
