package toy.lib;

import toy.object.*;
import toy.vm.Runtime;

/**
 * The operator module: the operators as functions (add, lt, getitem, ...), their in-place
 * forms, and the callables itemgetter, attrgetter and methodcaller, following CPython's
 * {@code Modules/_operator.c}. Each function is also available under its dunder alias
 * ({@code operator.__add__ is operator.add}).
 */
public final class OperatorModule {
    private OperatorModule() {}

    static final String M = "operator";

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule(M);
        PyDict d = m.dict;
        d.put("itemgetter", ITEMGETTER);
        d.put("attrgetter", ATTRGETTER);
        d.put("methodcaller", METHODCALLER);

        String[] binNames = {"add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or_", "xor",
            "and_", "floordiv"};
        int[] binOps = {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.MATMUL, BinOp.TRUEDIV, BinOp.MOD, BinOp.POW,
            BinOp.LSHIFT, BinOp.RSHIFT, BinOp.OR, BinOp.XOR, BinOp.AND, BinOp.FLOORDIV};
        for (int i = 0; i < binNames.length; i++) {
            String name = binNames[i];
            int op = binOps[i];
            def(m, name, alias(name), (a, k) -> {
                args2(name, a, k);
                return Ops.binary(a[0], a[1], op);
            });
            String iname = "i" + name.replace("_", "");
            def(m, iname, "__" + iname + "__", (a, k) -> {
                args2(iname, a, k);
                return Ops.inplace(a[0], a[1], op);
            });
        }
        String[] cmpNames = {"lt", "le", "eq", "ne", "gt", "ge"};
        for (int i = 0; i < cmpNames.length; i++) {
            String name = cmpNames[i];
            int op = i;
            def(m, name, alias(name), (a, k) -> {
                args2(name, a, k);
                return Ops.richCompare(a[0], a[1], op);
            });
        }
        def(m, "neg", "__neg__", (a, k) -> Ops.unary(arg1("neg", a, k), BinOp.NEG));
        def(m, "pos", "__pos__", (a, k) -> Ops.unary(arg1("pos", a, k), BinOp.POS));
        def(m, "abs", "__abs__", (a, k) -> Ops.unary(arg1("abs", a, k), BinOp.ABS));
        def(m, "inv", "__inv__", (a, k) -> Ops.unary(arg1("inv", a, k), BinOp.INVERT));
        def(m, "invert", "__invert__", (a, k) -> Ops.unary(arg1("invert", a, k), BinOp.INVERT));
        def(m, "not_", "__not__", (a, k) -> PyBool.of(!Ops.isTrue(arg1("not_", a, k))));
        def(m, "truth", null, (a, k) -> PyBool.of(Ops.isTrue(arg1("truth", a, k))));
        def(m, "index", "__index__", (a, k) -> Ops.index(arg1("index", a, k)));
        def(m, "is_", null, (a, k) -> {
            args2("is_", a, k);
            return PyBool.of(a[0] == a[1]);
        });
        def(m, "is_not", null, (a, k) -> {
            args2("is_not", a, k);
            return PyBool.of(a[0] != a[1]);
        });
        def(m, "concat", "__concat__", (a, k) -> {
            args2("concat", a, k);
            checkConcat(a[0]);
            return Ops.binary(a[0], a[1], BinOp.ADD);
        });
        def(m, "iconcat", "__iconcat__", (a, k) -> {
            args2("iconcat", a, k);
            checkConcat(a[0]);
            return Ops.inplace(a[0], a[1], BinOp.ADD);
        });
        def(m, "contains", "__contains__", (a, k) -> {
            args2("contains", a, k);
            return PyBool.of(Ops.contains(a[0], a[1]));
        });
        def(m, "countOf", null, (a, k) -> {
            args2("countOf", a, k);
            long n = 0;
            PyObject it = Ops.iter(a[0]);
            for (PyObject x; (x = Ops.next(it)) != null; ) if (x == a[1] || Ops.eq(x, a[1])) n++;
            return PyInt.of(n);
        });
        def(m, "indexOf", null, (a, k) -> {
            args2("indexOf", a, k);
            long i = 0;
            PyObject it = Ops.iter(a[0]);
            for (PyObject x; (x = Ops.next(it)) != null; i++) if (x == a[1] || Ops.eq(x, a[1])) return PyInt.of(i);
            throw Exc.valueError("sequence.index(x): x not in sequence");
        });
        def(m, "getitem", "__getitem__", (a, k) -> {
            args2("getitem", a, k);
            return Ops.getItem(a[0], a[1]);
        });
        def(m, "setitem", "__setitem__", (a, k) -> {
            noKeywords("setitem", k);
            LibSupport.positional("setitem", a, null, 3, 3);
            Ops.setItem(a[0], a[1], a[2]);
            return Py.None;
        });
        def(m, "delitem", "__delitem__", (a, k) -> {
            args2("delitem", a, k);
            Ops.delItem(a[0], a[1]);
            return Py.None;
        });
        def(m, "length_hint", null, (a, k) -> {
            noKeywords("length_hint", k);
            LibSupport.positional("length_hint", a, null, 1, 2);
            return lengthHint(a[0], a.length > 1 ? a[1] : PyInt.ZERO);
        });
        def(m, "call", "__call__", (a, k) -> {
            if (Args.positional(a, k) < 1) throw Exc.typeError("call expected at least 1 argument, got 0");
            return a[0].call(LibSupport.drop(a, 1), k);
        });
        return m;
    }

    private static String alias(String name) {
        return "__" + (name.endsWith("_") ? name.substring(0, name.length() - 1) : name) + "__";
    }

    private static void def(PyModule m, String name, String alias, PyBuiltinFunction.Impl impl) {
        PyBuiltinFunction f = new PyBuiltinFunction(name, impl);
        m.dict.put(name, f);
        if (alias != null) m.dict.put(alias, f);
    }

    private static void noKeywords(String name, String[] k) {
        if (k != null && k.length > 0) throw Exc.typeError("_operator." + name + "() takes no keyword arguments");
    }

    private static void args2(String name, PyObject[] a, String[] k) {
        noKeywords(name, k);
        LibSupport.positional(name, a, null, 2, 2);
    }

    private static PyObject arg1(String name, PyObject[] a, String[] k) {
        noKeywords(name, k);
        if (a.length != 1) {
            throw Exc.typeError("_operator." + name + "() takes exactly one argument (" + a.length + " given)");
        }
        return a[0];
    }

    private static void checkConcat(PyObject a) {
        if (a.type.lookup("__getitem__") == null) {
            throw Exc.typeError("'" + a.type.name + "' object can't be concatenated");
        }
    }

    static PyObject lengthHint(PyObject o, PyObject dflt) {
        if (!(dflt instanceof PyInt)) {
            throw Exc.typeError("'" + dflt.type.name + "' object cannot be interpreted as an integer");
        }
        long n = Ops.lengthHint(o, -1); // (a hint is never negative)
        return n < 0 ? dflt : PyInt.of(n);
    }

    // ----- itemgetter --------------------------------------------------------------------

    static final PyType ITEMGETTER = LibSupport.newType(M, "itemgetter", PyType.OBJECT, (cls, a, k) -> {
        noKeywordsCtor("itemgetter", k);
        if (a.length == 0) throw Exc.typeError("itemgetter expected 1 argument, got 0");
        return new ItemGetter(cls, a.clone());
    });

    private static void noKeywordsCtor(String name, String[] k) {
        if (k != null && k.length > 0) throw Exc.typeError(name + "() takes no keyword arguments");
    }

    /** operator.itemgetter: its items (counted; CPython keeps several in a tuple, dropped last to first). */
    static final class ItemGetter extends PyContainer {
        final PyObject[] items;

        ItemGetter(PyType t, PyObject[] items) {
            super(t);
            for (PyObject x : items) Refs.incref(x);
            this.items = items;
        }

        @Override public void traverse(RefVisitor v) {
            for (int i = items.length - 1; i >= 0; i--) v.visit(items[i]);
        }

        @Override public PyObject call(PyObject[] a, String[] k) {
            LibSupport.positional("itemgetter", a, k, 1, 1);
            if (items.length == 1) return Ops.getItem(a[0], items[0]);
            PyObject[] r = new PyObject[items.length];
            for (int i = 0; i < items.length; i++) r[i] = Ops.getItem(a[0], items[i]);
            return PyTuple.of(r);
        }

        @Override public String repr() { return reprCall(this, items, null, null); }
    }

    /** {@code operator.itemgetter(1, 'x')}: the type name with the arguments' reprs. */
    static String reprCall(PyObject self, PyObject[] args, String[] kwnames, PyObject[] kwvalues) {
        String name = self.type.heap ? self.type.name : self.type.qualifiedName();
        if (!Ops.enterRepr(self)) return name + "(...)";
        try {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < args.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(args[i]));
            }
            if (kwnames != null) {
                for (int i = 0; i < kwnames.length; i++) {
                    if (args.length > 0 || i > 0) sb.append(", ");
                    sb.append(kwnames[i]).append('=').append(Ops.repr(kwvalues[i]));
                }
            }
            return sb.append(')').toString();
        } finally {
            Ops.leaveRepr(self);
        }
    }

    // ----- attrgetter --------------------------------------------------------------------

    static final PyType ATTRGETTER = LibSupport.newType(M, "attrgetter", PyType.OBJECT, (cls, a, k) -> {
        noKeywordsCtor("attrgetter", k);
        if (a.length == 0) throw Exc.typeError("attrgetter expected 1 argument, got 0");
        PyStr[][] paths = new PyStr[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] instanceof PyStr s)) throw Exc.typeError("attribute name must be a string");
            String[] parts = s.value.split("\\.", -1);
            paths[i] = new PyStr[parts.length];
            for (int j = 0; j < parts.length; j++) paths[i][j] = PyStr.intern(parts[j]);
        }
        return new AttrGetter(cls, a.clone(), paths);
    });

    /** operator.attrgetter: the names as given (counted) and their parsed dotted paths (interned, immortal). */
    static final class AttrGetter extends PyContainer {
        final PyObject[] names;
        final PyStr[][] paths;

        AttrGetter(PyType t, PyObject[] names, PyStr[][] paths) {
            super(t);
            for (PyObject x : names) Refs.incref(x);
            this.names = names;
            this.paths = paths;
        }

        @Override public void traverse(RefVisitor v) {
            for (int i = names.length - 1; i >= 0; i--) v.visit(names[i]);
        }

        private static PyObject resolve(PyObject o, PyStr[] path) {
            for (PyStr p : path) o = Ops.getAttr(o, p);
            return o;
        }

        @Override public PyObject call(PyObject[] a, String[] k) {
            LibSupport.positional("attrgetter", a, k, 1, 1);
            if (paths.length == 1) return resolve(a[0], paths[0]);
            PyObject[] r = new PyObject[paths.length];
            for (int i = 0; i < paths.length; i++) r[i] = resolve(a[0], paths[i]);
            return PyTuple.of(r);
        }

        @Override public String repr() { return reprCall(this, names, null, null); }
    }

    // ----- methodcaller ------------------------------------------------------------------

    static final PyType METHODCALLER = LibSupport.newType(M, "methodcaller", PyType.OBJECT, (cls, a, k) -> {
        int npos = Args.positional(a, k);
        if (npos < 1) throw Exc.typeError("methodcaller needs at least one argument, the method name");
        if (!(a[0] instanceof PyStr name)) throw Exc.typeError("method name must be a string");
        PyObject[] args = new PyObject[npos - 1];
        System.arraycopy(a, 1, args, 0, npos - 1);
        PyObject[] kwv = new PyObject[k == null ? 0 : k.length];
        System.arraycopy(a, npos, kwv, 0, kwv.length);
        return new MethodCaller(cls, PyStr.intern(name.value), args, k == null || k.length == 0 ? null : k.clone(), kwv);
    });

    /** operator.methodcaller: the name, the arguments and the keyword values (counted). */
    static final class MethodCaller extends PyContainer {
        final PyStr name;
        final PyObject[] args;
        final String[] kwnames;
        final PyObject[] kwvalues;

        MethodCaller(PyType t, PyStr name, PyObject[] args, String[] kwnames, PyObject[] kwvalues) {
            super(t);
            this.name = Refs.own(name);
            for (PyObject x : args) Refs.incref(x);
            for (PyObject x : kwvalues) Refs.incref(x);
            this.args = args;
            this.kwnames = kwnames;
            this.kwvalues = kwvalues;
        }

        /** methodcaller_dealloc's order: the name, the arguments (a tuple: last to first), the keywords (a dict: in order). */
        @Override public void traverse(RefVisitor v) {
            v.visit(name);
            for (int i = args.length - 1; i >= 0; i--) v.visit(args[i]);
            for (PyObject x : kwvalues) v.visit(x);
        }

        @Override public PyObject call(PyObject[] a, String[] k) {
            LibSupport.positional("methodcaller", a, k, 1, 1);
            PyObject meth = Ops.getAttr(a[0], name);
            PyObject[] all = new PyObject[args.length + kwvalues.length];
            System.arraycopy(args, 0, all, 0, args.length);
            System.arraycopy(kwvalues, 0, all, args.length, kwvalues.length);
            return meth.call(all, kwnames);
        }

        @Override public String repr() {
            PyObject[] all = new PyObject[args.length + 1];
            all[0] = name;
            System.arraycopy(args, 0, all, 1, args.length);
            return reprCall(this, all, kwnames, kwvalues);
        }
    }

    static {
        for (PyType t : new PyType[] {ITEMGETTER, ATTRGETTER, METHODCALLER}) {
            t.def("__call__", (self, a, k) -> self.call(a, k));
            SlotWrappers.add(t, "__repr__");
        }
    }
}
