package toy.lib;

import toy.object.*;

/**
 * Helpers shared by the library modules written in Java (itertools, functools, collections,
 * operator): creating their types, CPython's positional-argument checks, class methods.
 */
final class LibSupport {
    private LibSupport() {}

    /**
     * A built-in type defined by a module. As CPython's C types, its name is dotted
     * ({@code itertools.count}): repr shows {@code <class 'itertools.count'>} and messages say
     * {@code 'itertools.count' object is not subscriptable}; __name__ is the last part and
     * __module__ the module.
     */
    static PyType newType(String module, String name, PyType base, PyType.NewFn newFn) {
        PyType t = PyType.builtin(module + "." + name, base, newFn);
        t.setTypeAttr("__module__", PyStr.of(module));
        return t;
    }

    /**
     * A built-in type standing for a class that CPython writes in Python (Counter): messages
     * use the plain name, repr shows {@code <class 'collections.Counter'>}.
     */
    static PyType newPythonLikeType(String module, String name, PyType base, PyType.NewFn newFn) {
        PyType t = PyType.builtin(name, base, newFn);
        t.qualname = module + "." + name;
        t.setTypeAttr("__module__", PyStr.of(module));
        return t;
    }

    /** A module-level iterator type: {@code __iter__} returns self, {@code __next__} calls next(). */
    static PyType iteratorType(String module, String name, PyType.NewFn newFn) {
        PyType t = newType(module, name, PyType.OBJECT, newFn);
        SlotWrappers.add(t, "__iter__", "__next__");
        return t;
    }

    /**
     * CPython's {@code _PyArg_CheckPositional} plus "takes no keyword arguments": the messages
     * of functions taking only positional arguments ("cycle expected 1 argument, got 0").
     */
    static void positional(String name, PyObject[] a, String[] k, int min, int max) {
        Args.noKeywords(name, k);
        int n = a.length;
        if (n < min) {
            throw Exc.typeError(name + " expected " + (min == max ? "" : "at least ") + min + " argument"
                    + (min == 1 ? "" : "s") + ", got " + n);
        }
        if (n > max) {
            throw Exc.typeError(name + " expected " + (min == max ? "" : "at most ") + max + " argument"
                    + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    /** Puts a class method into a built-in type's dict; impl receives the class as args[0]. */
    static void classMethod(PyType t, String name, PyBuiltinFunction.Impl impl) {
        t.setTypeAttr(name, new ClassMethodDescr(name, impl));
    }

    /** A class method of a built-in type ({@code chain.from_iterable}): binds to the class. */
    static final class ClassMethodDescr extends PyObject {
        static final PyType TYPE = PyType.builtin("classmethod_descriptor", PyType.OBJECT, null);
        final String name;
        final PyBuiltinFunction.Impl impl;

        ClassMethodDescr(String name, PyBuiltinFunction.Impl impl) {
            super(TYPE);
            this.name = name;
            this.impl = impl;
        }

        @Override public PyObject descrGet(PyObject instance, PyType owner) {
            return new BoundClassMethod(this, owner != null ? owner : instance.type);
        }
    }

    /**
     * A built-in class method bound to its class: {@code <built-in method from_iterable of type
     * object>}. It holds a counted reference to the class (a script subclass is mortal).
     */
    static final class BoundClassMethod extends PyContainer {
        static final PyType TYPE = PyType.builtin("builtin_function_or_method", PyType.OBJECT, null);

        static {
            TYPE.def("__call__", (self, a, k) -> self.call(a, k));
        }

        final ClassMethodDescr descr;
        final PyType cls;

        BoundClassMethod(ClassMethodDescr descr, PyType cls) {
            super(TYPE);
            this.descr = descr;
            this.cls = Refs.own(cls);
        }

        @Override public void traverse(RefVisitor v) { v.visit(cls); }

        @Override public PyObject call(PyObject[] args, String[] kwnames) {
            PyObject[] a = new PyObject[args.length + 1];
            a[0] = cls;
            System.arraycopy(args, 0, a, 1, args.length);
            return descr.impl.call(a, kwnames);
        }

        @Override public String repr() {
            return "<built-in method " + descr.name + " of type object at " + Ops.addressOf(cls) + ">";
        }

        @Override public PyObject getAttr(PyStr n) {
            switch (n.value) {
                case "__name__":
                case "__qualname__": return PyStr.of(descr.name);
                case "__self__": return cls;
                default: return super.getAttr(n);
            }
        }
    }

    /** Puts a static method into a built-in type's dict. */
    static void staticMethod(PyType t, String name, PyBuiltinFunction.Impl impl) {
        t.setTypeAttr(name, Ops.call(PyStaticMethod.STATIC, new PyBuiltinFunction(name, impl)));
    }

    /**
     * o.name, or null when o has no such attribute. The AttributeError swallowed here (which
     * holds o as its {@code obj}) is released at once rather than left in flight until the
     * thread's next exception.
     */
    static PyObject attrOrNull(PyObject o, PyStr name) {
        try {
            return Ops.getAttr(o, name);
        } catch (PyException e) {
            if (!e.matches(Exc.AttributeError)) throw e;
            Refs.state().caught();
            return null;
        }
    }

    /** The positional arguments after the first n. */
    static PyObject[] drop(PyObject[] a, int n) {
        PyObject[] r = new PyObject[a.length - n];
        System.arraycopy(a, n, r, 0, r.length);
        return r;
    }

    /** The name a type shows in reprs of its instances ({@code deque([])}, {@code MyDeque([])}). */
    static String typeName(PyObject self) { return shortName(self.type); }

    /** A type's __name__ (see {@link PyType#shortName}). */
    static String shortName(PyType t) { return t.shortName(); }

    /**
     * Binds vectorcall arguments as a Python function {@code def fname(p0, p1=.., *, k0=..)}
     * would, with its messages: names holds the npos positional-or-keyword parameters then the
     * keyword-only ones; the first required are mandatory. Missing optional values are null.
     */
    static PyObject[] bind(String fname, PyObject[] a, String[] k, String[] names, int npos, int required) {
        int nkw = k == null ? 0 : k.length;
        int given = a.length - nkw;
        if (given > npos) {
            int kwGiven = 0;
            for (int i = 0; i < nkw; i++) for (int j = npos; j < names.length; j++) if (names[j].equals(k[i])) kwGiven++;
            String takes = required == npos ? String.valueOf(npos) : "from " + required + " to " + npos;
            throw Exc.typeError(fname + "() takes " + takes + " positional argument" + (npos == 1 && required == npos ? "" : "s")
                    + " but " + given + (kwGiven > 0 ? " positional argument" + (given == 1 ? "" : "s")
                    + " (and " + kwGiven + " keyword-only argument" + (kwGiven == 1 ? "" : "s") + ")" : "")
                    + " " + (given == 1 && kwGiven == 0 ? "was" : "were") + " given");
        }
        PyObject[] out = new PyObject[names.length];
        System.arraycopy(a, 0, out, 0, given);
        for (int i = 0; i < nkw; i++) {
            int j = 0;
            while (j < names.length && !names[j].equals(k[i])) j++;
            if (j == names.length) throw Exc.typeError(fname + "() got an unexpected keyword argument '" + k[i] + "'");
            if (out[j] != null) throw Exc.typeError(fname + "() got multiple values for argument '" + k[i] + "'");
            out[j] = a[given + i];
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < required; i++) if (out[i] == null) missing.add(names[i]);
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            int n = missing.size();
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(i == n - 1 ? (n > 2 ? ", and " : " and ") : ", ");
                sb.append('\'').append(missing.get(i)).append('\'');
            }
            throw Exc.typeError(fname + "() missing " + n + " required positional argument" + (n == 1 ? "" : "s") + ": " + sb);
        }
        return out;
    }

    /** The keyword arguments of a vectorcall as a new dict (for **kwargs parameters). */
    static PyDict kwargs(PyObject[] a, String[] k) {
        PyDict d = new PyDict();
        if (k == null) return d;
        int npos = a.length - k.length;
        for (int i = 0; i < k.length; i++) d.put(PyStr.of(k[i]), a[npos + i]);
        return d;
    }

    /**
     * An attribute of a built-in type's instances implemented in Java: a member
     * ({@code <member 'func' of 'functools.partial' objects>}, read-only ones say "readonly
     * attribute" on assignment) or a computed attribute ({@code <attribute 'maxlen' of
     * 'collections.deque' objects>}, "... is not writable").
     */
    static final class Member extends PyObject {
        static final PyType MEMBER_TYPE = PyType.builtin("member_descriptor", PyType.OBJECT, null);
        static final PyType GETSET_TYPE = PyType.builtin("getset_descriptor", PyType.OBJECT, null);
        private final String name;
        private final PyType owner;
        private final java.util.function.Function<PyObject, PyObject> getter;
        /** Receives null for del; null when the attribute cannot be set. */
        private final java.util.function.BiConsumer<PyObject, PyObject> setter;

        private Member(PyType kind, PyType owner, String name, java.util.function.Function<PyObject, PyObject> getter,
                       java.util.function.BiConsumer<PyObject, PyObject> setter) {
            super(kind);
            this.owner = owner;
            this.name = name;
            this.getter = getter;
            this.setter = setter;
        }

        static Member member(PyType owner, String name, java.util.function.Function<PyObject, PyObject> getter,
                             java.util.function.BiConsumer<PyObject, PyObject> setter) {
            return new Member(MEMBER_TYPE, owner, name, getter, setter);
        }

        static Member getset(PyType owner, String name, java.util.function.Function<PyObject, PyObject> getter) {
            return new Member(GETSET_TYPE, owner, name, getter, null);
        }

        @Override public PyObject descrGet(PyObject instance, PyType ownerType) {
            return instance == null ? this : getter.apply(instance);
        }

        @Override public boolean isDataDescriptor() { return true; }

        @Override public void descrSet(PyObject instance, PyObject value) {
            if (setter != null) {
                setter.accept(instance, value);
            } else if (type == MEMBER_TYPE) {
                throw Exc.attributeError("readonly attribute");
            } else {
                throw Exc.attributeError("attribute '" + name + "' of '" + owner.name + "' objects is not writable");
            }
        }

        @Override public String repr() {
            return "<" + (type == MEMBER_TYPE ? "member" : "attribute") + " '" + name + "' of '" + owner.name + "' objects>";
        }
    }

    /**
     * Defines {@code __contains__} on a built-in type from its Java {@link PyObject#contains}
     * (so that script subclasses, which dispatch through the type dict, reach it).
     */
    static void containsSlot(PyType t) {
        t.def("__contains__", (self, a, k) -> {
            Args.checkCount("__contains__", a, 1, 1);
            int r = self.contains(a[0]);
            if (r >= 0) return PyBool.of(r == 1);
            PyObject it = self.iter();
            for (PyObject x; (x = Ops.next(it)) != null; ) if (x == a[0] || Ops.eq(x, a[0])) return PyBool.TRUE;
            return PyBool.FALSE;
        });
    }

    /** {@link #bind} for a method {@code def fname(self, ...)}: counts and names self as Python does. */
    static PyObject[] bindMethod(String fname, PyObject self, PyObject[] a, String[] k, String[] names, int npos,
                                 int required) {
        PyObject[] a2 = new PyObject[a.length + 1];
        a2[0] = self;
        System.arraycopy(a, 0, a2, 1, a.length);
        String[] n2 = new String[names.length + 1];
        n2[0] = "self";
        System.arraycopy(names, 0, n2, 1, names.length);
        PyObject[] r = bind(fname, a2, k, n2, npos + 1, required + 1);
        return drop(r, 1);
    }

    /**
     * Runs Python source in a module's namespace: for the parts of a module that CPython
     * itself writes in Python and that depend on Python-level class machinery
     * ({@code __set_name__}, descriptors of heap types). Tracebacks show the given file name.
     */
    static void runPython(PyModule m, String filename, String source) {
        m.dict.put("__builtins__", toy.vm.Runtime.get().modules.get("builtins"));
        toy.compile.Code code = toy.compile.Compiler.compileModule(toy.parse.Parser.parse(source, filename), filename, false);
        toy.vm.Imports.runModule(code, m.dict);
    }
}
