package toy.lib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import toy.compile.Code;
import toy.compile.Compiler;
import toy.object.*;
import toy.parse.Parser;
import toy.vm.Frame;
import toy.vm.Interpreter;
import toy.vm.PyFunction;
import toy.vm.ThreadState;

/**
 * {@code collections.namedtuple}: generates a tuple subclass (a heap type, as CPython's
 * {@code type(typename, (tuple,), namespace)}) with one read-only field descriptor per field,
 * {@code _make}, {@code _replace}, {@code _asdict}, {@code _fields}, {@code _field_defaults}
 * and CPython's repr. As in CPython, {@code __new__} is a lambda compiled from source, so
 * argument binding (keywords, defaults) and its messages are those of a Python function.
 */
final class NamedTuple {
    private NamedTuple() {}

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    /** collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None). */
    static PyObject namedtuple(PyObject[] a, String[] k) {
        PyObject[] p = LibSupport.bind("namedtuple", a, k,
                new String[] {"typename", "field_names", "rename", "defaults", "module"}, 2, 2);
        List<String> fields = new ArrayList<>();
        if (p[1] instanceof PyStr s) {
            for (String f : s.value.replace(',', ' ').trim().split("\\s+")) if (!f.isEmpty()) fields.add(f);
        } else {
            PyObject it = Ops.iter(p[1]);
            for (PyObject f; (f = Ops.next(it)) != null; ) fields.add(Ops.str(f));
        }
        String typename = Ops.str(p[0]);
        boolean rename = p[2] != null && Ops.isTrue(p[2]);
        PyObject[] defaults = p[3] == null || p[3] == Py.None ? null : BuiltinIterators.collect(p[3]);
        String module = null;
        if (p[4] != null && p[4] != Py.None) {
            module = Ops.str(p[4]);
        } else {
            Frame f = ThreadState.current().frame;
            PyObject n = f == null ? null : f.globals.get("__name__");
            module = n == null ? "__main__" : Ops.str(n);
        }
        return make(typename, fields.toArray(new String[0]), rename, defaults, module);
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int c0 = s.codePointAt(0);
        if (c0 != '_' && !Character.isUnicodeIdentifierStart(c0)) return false;
        for (int i = Character.charCount(c0); i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /** Builds the class; defaults may be null. */
    static PyType make(String typename, String[] fields, boolean rename, PyObject[] defaults, String module) {
        if (rename) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < fields.length; i++) {
                String n = fields[i];
                if (!isIdentifier(n) || KEYWORDS.contains(n) || n.startsWith("_") || seen.contains(n)) fields[i] = "_" + i;
                seen.add(n);
            }
        }
        List<String> all = new ArrayList<>();
        all.add(typename);
        all.addAll(List.of(fields));
        for (String n : all) {
            if (!isIdentifier(n)) {
                throw Exc.valueError("Type names and field names must be valid identifiers: " + StrRepr.reprStr(n));
            }
            if (KEYWORDS.contains(n)) {
                throw Exc.valueError("Type names and field names cannot be a keyword: " + StrRepr.reprStr(n));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String n : fields) {
            if (n.startsWith("_") && !rename) {
                throw Exc.valueError("Field names cannot start with an underscore: " + StrRepr.reprStr(n));
            }
            if (!seen.add(n)) throw Exc.valueError("Encountered duplicate field name: " + StrRepr.reprStr(n));
        }
        PyDict fieldDefaults = new PyDict();
        if (defaults != null) {
            if (defaults.length > fields.length) throw Exc.typeError("Got more default values than field names");
            int off = fields.length - defaults.length;
            for (int i = 0; i < defaults.length; i++) fieldDefaults.put(PyStr.of(fields[off + i]), defaults[i]);
        }
        int n = fields.length;
        String argList = String.join(", ", fields) + (n == 1 ? "," : "");
        PyObject[] fieldStrs = new PyObject[n];
        for (int i = 0; i < n; i++) fieldStrs[i] = PyStr.intern(fields[i]);
        PyTuple fieldTuple = PyTuple.of(fieldStrs);

        PyFunction newFn = compileNew(typename, argList);
        newFn.name = "__new__";
        newFn.qualname = typename + ".__new__";
        Ops.setAttr(newFn, PyStr.intern("__doc__"), PyStr.of("Create new instance of " + typename + "(" + argList + ")"));
        if (defaults != null) newFn.setDefaults(defaults.clone());

        PyType t = PyType.heapType(PyType.TYPE, typename, new PyType[] {PyTuple.TYPE});
        t.qualname = typename;
        t.module = module;
        t.setTypeAttr("__module__", PyStr.of(module));
        t.setTypeAttr("__doc__", PyStr.of(typename + "(" + argList + ")"));
        t.setTypeAttr("__slots__", PyTuple.EMPTY);
        t.setTypeAttr("_fields", fieldTuple);
        t.setTypeAttr("_field_defaults", fieldDefaults);
        t.setTypeAttr("__new__", Ops.call(PyStaticMethod.STATIC, newFn));
        LibSupport.classMethod(t, "_make", (a, k) -> {
            LibSupport.positional("_make", LibSupport.drop(a, 1), k, 1, 1);
            PyObject[] items = BuiltinIterators.collect(a[1]);
            if (items.length != n) throw Exc.typeError("Expected " + n + " arguments, got " + items.length);
            return new Instance((PyType) a[0], items);
        });
        t.def("_replace", (self, a, k) -> {
            if (Args.positional(a, k) > 0) {
                throw Exc.typeError(typename + "._replace() takes 1 positional argument but "
                        + (Args.positional(a, k) + 1) + " were given");
            }
            PyDict kw = LibSupport.kwargs(a, k);
            PyObject[] items = ((PyTuple) self).items;
            PyObject[] vals = new PyObject[Math.min(n, items.length)];
            for (int i = 0; i < vals.length; i++) {
                PyObject v = kw.remove(fieldStrs[i]);
                vals[i] = v != null ? v : items[i];
            }
            PyObject r = Ops.invoke(self, "_make", PyList.wrap(vals));
            if (kw.size() > 0) {
                throw Exc.valueError("Got unexpected field names: " + Ops.repr(PyList.wrap(SeqMethods.toArray(kw))));
            }
            return r;
        });
        t.def("__repr__", (self, a, k) -> {
            PyObject[] items = ((PyTuple) self).items;
            if (items.length != n) {
                throw Exc.typeError(items.length < n ? "not enough arguments for format string"
                        : "not all arguments converted during string formatting");
            }
            StringBuilder sb = new StringBuilder(Ops.str(Ops.getAttr(self.type, PyStr.intern("__name__")))).append('(');
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                sb.append(fields[i]).append('=').append(Ops.repr(items[i]));
            }
            return PyStr.of(sb.append(')').toString());
        });
        t.def("_asdict", (self, a, k) -> {
            PyDict d = new PyDict();
            PyObject it = Ops.iter(Ops.getAttr(self, PyStr.intern("_fields")));
            PyObject vals = Ops.iter(self);
            for (PyObject f; (f = Ops.next(it)) != null; ) {
                PyObject v = Ops.next(vals);
                if (v == null) break;
                d.put(f, v);
            }
            return d;
        });
        t.def("__getnewargs__", (self, a, k) -> PyTuple.of(((PyTuple) self).items.clone()));
        t.setTypeAttr("__match_args__", fieldTuple);
        for (int i = 0; i < n; i++) t.setTypeAttr(fields[i], new TupleGetter(i, "Alias for field number " + i));
        return t;
    }

    /** tuple.__new__(cls, iterable) for the generated __new__. */
    private static final PyBuiltinFunction TUPLE_NEW = new PyBuiltinFunction("__new__", (a, k) -> {
        if (a.length == 0) throw Exc.typeError("tuple.__new__(): not enough arguments");
        if (!(a[0] instanceof PyType cls)) {
            throw Exc.typeError("tuple.__new__(X): X is not a type object (" + a[0].type.name + ")");
        }
        if (!cls.isSubtypeOf(PyTuple.TYPE)) {
            throw Exc.typeError("tuple.__new__(" + cls.name + "): " + cls.name + " is not a subtype of tuple");
        }
        PyObject[] items = a.length > 1 ? BuiltinIterators.collect(a[1]) : new PyObject[0];
        return new Instance(cls, items);
    });

    /**
     * An instance of a named tuple class. The generated class has {@code __slots__ = ()}, so
     * its instances have no attribute dict; a script subclass without __slots__ gives its
     * instances one, as in CPython.
     */
    static final class Instance extends PyTuple {
        /** The attribute dict of a script subclass without __slots__ (counted), created on first use. */
        private PyDict dict;

        Instance(PyType t, PyObject[] items) { super(t, items); }

        @Override public PyDict dict() {
            if (dict == null && hasDict(type)) dict = PyDict.owned();
            return dict;
        }

        /** The attribute dict first (subtype_dealloc), then the items last to first. */
        @Override public void traverse(RefVisitor v) {
            v.visit(dict);
            super.traverse(v);
        }

        private static boolean hasDict(PyType t) {
            for (PyType c : t.mro) {
                if (!c.heap) break;
                if (!c.dict.containsKey("__slots__")) return true;
            }
            return false;
        }
    }

    /** Compiles {@code lambda _cls, x, y: _tuple_new(_cls, (x, y))} as CPython's namedtuple does. */
    private static PyFunction compileNew(String typename, String argList) {
        PyDict ns = new PyDict();
        ns.put("_tuple_new", TUPLE_NEW);
        ns.put("__builtins__", new PyDict());
        ns.put("__name__", PyStr.of("namedtuple_" + typename));
        String src = "lambda _cls, " + argList + ": _tuple_new(_cls, (" + argList + "))";
        Code code = Compiler.compileExpression(Parser.parseExpression(src, "<string>"), "<string>");
        Frame f = new Frame(code, ns, new PyDict(), ns, null);
        return (PyFunction) Interpreter.execute(f, ThreadState.current());
    }

    /** The read-only field descriptor: {@code _tuplegetter(0, 'Alias for field number 0')}. */
    static final class TupleGetter extends PyContainer {
        static final PyType TYPE = LibSupport.newType("_collections", "_tuplegetter", PyType.OBJECT, null);

        static {
            TYPE.dict.put("__doc__", new PyGetSet("__doc__", o -> ((TupleGetter) o).doc, (o, v) -> {
                TupleGetter g = (TupleGetter) o;
                PyObject old = g.doc;
                g.doc = v;
                Refs.xincref(v);
                Refs.xdecref(old);
            }));
        }

        final int index;
        /** The docstring (counted; scripts may replace it). */
        PyObject doc;

        TupleGetter(int index, String doc) {
            super(TYPE);
            this.index = index;
            this.doc = Refs.own(PyStr.of(doc));
        }

        @Override public void traverse(RefVisitor v) { v.visit(doc); }

        @Override public PyObject descrGet(PyObject instance, PyType owner) {
            if (instance == null) return this;
            if (!(instance instanceof PyTuple t)) {
                throw Exc.typeError("descriptor for index '" + index + "' for tuple subclasses doesn't apply to '"
                        + instance.type.name + "' object");
            }
            if (index >= t.size()) throw Exc.indexError("tuple index out of range");
            return t.get(index);
        }

        @Override public boolean isDataDescriptor() { return true; }

        @Override public void descrSet(PyObject instance, PyObject value) {
            throw Exc.attributeError(value == null ? "can't delete attribute" : "can't set attribute");
        }

        @Override public String repr() {
            return "_tuplegetter(" + index + ", " + Ops.repr(doc) + ")";
        }
    }
}
