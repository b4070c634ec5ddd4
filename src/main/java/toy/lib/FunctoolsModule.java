package toy.lib;

import toy.object.*;
import toy.vm.Runtime;
import toy.vm.ThreadState;

/**
 * The functools module: reduce, partial, update_wrapper/wraps, lru_cache/cache, cmp_to_key
 * and total_ordering, following CPython's {@code Modules/_functoolsmodule.c} and
 * {@code Lib/functools.py} (same results, same messages).
 */
public final class FunctoolsModule {
    private FunctoolsModule() {}

    static final String M = "functools";

    static final PyTuple WRAPPER_ASSIGNMENTS = PyTuple.of(PyStr.intern("__module__"), PyStr.intern("__name__"),
            PyStr.intern("__qualname__"), PyStr.intern("__doc__"), PyStr.intern("__annotations__"));
    static final PyTuple WRAPPER_UPDATES = PyTuple.of(PyStr.intern("__dict__"));

    /** functools.CacheInfo, the named tuple returned by cache_info(). */
    static PyType cacheInfoType;

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule(M);
        PyDict d = m.dict;
        d.put("partial", PARTIAL);
        d.put("WRAPPER_ASSIGNMENTS", WRAPPER_ASSIGNMENTS);
        d.put("WRAPPER_UPDATES", WRAPPER_UPDATES);
        synchronized (FunctoolsModule.class) {
            if (cacheInfoType == null) {
                cacheInfoType = NamedTuple.make("CacheInfo", new String[] {"hits", "misses", "maxsize", "currsize"},
                        false, null, M);
            }
        }
        d.put("_CacheInfo", cacheInfoType);
        d.put("_lru_cache_wrapper", LruCache.TYPE);
        d.put("KeyWrapper", KEY_WRAPPER);

        m.def("reduce", (a, k) -> {
            LibSupport.positional("reduce", a, k, 2, 3);
            PyObject func = a[0];
            PyObject it;
            try {
                it = Ops.iter(a[1]);
            } catch (PyException e) {
                if (e.matches(Exc.TypeError)) throw Exc.typeError("reduce() arg 2 must support iteration");
                throw e;
            }
            PyObject result = a.length > 2 ? a[2] : null;
            for (PyObject x; (x = Ops.next(it)) != null; ) result = result == null ? x : Ops.call(func, result, x);
            if (result == null) throw Exc.typeError("reduce() of empty iterable with no initial value");
            return result;
        });
        PyBuiltinFunction updateWrapper = new PyBuiltinFunction("update_wrapper", (a, k) -> {
            PyObject[] p = LibSupport.bind("update_wrapper", a, k, new String[] {"wrapper", "wrapped", "assigned", "updated"}, 4, 2);
            return updateWrapper(p[0], p[1], p[2] == null ? WRAPPER_ASSIGNMENTS : p[2], p[3] == null ? WRAPPER_UPDATES : p[3]);
        });
        d.put("update_wrapper", updateWrapper);
        m.def("wraps", (a, k) -> {
            PyObject[] p = LibSupport.bind("wraps", a, k, new String[] {"wrapped", "assigned", "updated"}, 3, 1);
            Partial r = new Partial(PARTIAL);
            r.func = updateWrapper;
            r.args = PyTuple.EMPTY;
            r.keywords = new PyDict();
            r.keywords.put("wrapped", p[0]);
            r.keywords.put("assigned", p[1] == null ? WRAPPER_ASSIGNMENTS : p[1]);
            r.keywords.put("updated", p[2] == null ? WRAPPER_UPDATES : p[2]);
            return r;
        });
        m.def("lru_cache", (a, k) -> {
            PyObject[] p = LibSupport.bind("lru_cache", a, k, new String[] {"maxsize", "typed"}, 2, 0);
            PyObject maxsize = p[0] == null ? PyInt.of(128) : p[0];
            PyObject typed = p[1] == null ? PyBool.FALSE : p[1];
            if (maxsize instanceof PyInt mi) {
                if (mi.signum() < 0) maxsize = PyInt.ZERO;
            } else if (BuiltinsModule.isCallable(maxsize) && typed instanceof PyBool) {
                return makeLru(maxsize, PyInt.of(128), typed);
            } else if (maxsize != Py.None) {
                throw Exc.typeError("Expected first argument to be an integer, a callable, or None");
            }
            final PyObject ms = maxsize;
            return new PyBuiltinFunction("decorating_function", (a2, k2) -> {
                PyObject[] q = LibSupport.bind("decorating_function", a2, k2, new String[] {"user_function"}, 1, 1);
                return makeLru(q[0], ms, typed);
            });
        });
        m.def("cache", (a, k) -> {
            PyObject[] p = LibSupport.bind("cache", a, k, new String[] {"user_function"}, 1, 1);
            return makeLru(p[0], Py.None, PyBool.FALSE);
        });
        m.def("cmp_to_key", (a, k) -> {
            PyObject[] p = Args.parse("cmp_to_key", a, k, new String[] {"mycmp"}, 1, 1);
            return new KeyWrapper(p[0], null);
        });
        m.def("total_ordering", (a, k) -> {
            PyObject[] p = LibSupport.bind("total_ordering", a, k, new String[] {"cls"}, 1, 1);
            return totalOrdering(p[0]);
        });
        LibSupport.runPython(m, "<functools>", CACHED_PROPERTY);
        return m;
    }

    /** functools.cached_property, as in CPython's Lib/functools.py (without the per-instance lock). */
    private static final String CACHED_PROPERTY = """
            _NOT_FOUND = object()

            class cached_property:
                def __init__(self, func):
                    self.func = func
                    self.attrname = None
                    self.__doc__ = func.__doc__

                def __set_name__(self, owner, name):
                    if self.attrname is None:
                        self.attrname = name
                    elif name != self.attrname:
                        raise TypeError(
                            "Cannot assign the same cached_property to two different names "
                            f"({self.attrname!r} and {name!r})."
                        )

                def __get__(self, instance, owner=None):
                    if instance is None:
                        return self
                    if self.attrname is None:
                        raise TypeError(
                            "Cannot use cached_property instance without calling __set_name__ on it.")
                    try:
                        cache = instance.__dict__
                    except AttributeError:
                        msg = (
                            f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {self.attrname!r} property."
                        )
                        raise TypeError(msg) from None
                    val = cache.get(self.attrname, _NOT_FOUND)
                    if val is _NOT_FOUND:
                        val = self.func(instance)
                        try:
                            cache[self.attrname] = val
                        except TypeError:
                            msg = (
                                f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                                f"does not support item assignment for caching {self.attrname!r} property."
                            )
                            raise TypeError(msg) from None
                    return val
            """;

    // ----- update_wrapper ----------------------------------------------------------------

    static PyObject updateWrapper(PyObject wrapper, PyObject wrapped, PyObject assigned, PyObject updated) {
        PyObject it = Ops.iter(assigned);
        for (PyObject attr; (attr = Ops.next(it)) != null; ) {
            PyStr name = PyStr.intern(Ops.str(attr));
            PyObject value = Ops.getAttrOrNull(wrapped, name);
            if (value == null) continue;
            try {
                Ops.setAttr(wrapper, name, value);
            } catch (PyException e) {
                // functions here compute __annotations__ and cannot store it
                if (!(name.value.equals("__annotations__") && e.matches(Exc.AttributeError))) throw e;
            }
        }
        it = Ops.iter(updated);
        for (PyObject attr; (attr = Ops.next(it)) != null; ) {
            PyStr name = PyStr.intern(Ops.str(attr));
            PyObject target = Ops.getAttr(wrapper, name);
            PyObject source = Ops.getAttrOrNull(wrapped, name);
            Ops.invoke(target, "update", source == null ? new PyDict() : source);
        }
        Ops.setAttr(wrapper, PyStr.intern("__wrapped__"), wrapped);
        return wrapper;
    }

    // ----- partial -----------------------------------------------------------------------

    static final PyType PARTIAL = LibSupport.newType(M, "partial", PyType.OBJECT, (cls, a, k) -> {
        int npos = Args.positional(a, k);
        if (npos < 1) throw Exc.typeError("type 'partial' takes at least one argument");
        PyObject func = a[0];
        PyObject[] pargs = new PyObject[0];
        PyDict pkw = null;
        if (func instanceof Partial part && part.dict == null) {
            pargs = part.args.items;
            pkw = part.keywords;
            func = part.func;
        }
        if (!BuiltinsModule.isCallable(func)) throw Exc.typeError("the first argument must be callable");
        Partial p = new Partial(cls);
        p.func = func;
        PyObject[] args = new PyObject[pargs.length + npos - 1];
        System.arraycopy(pargs, 0, args, 0, pargs.length);
        System.arraycopy(a, 1, args, pargs.length, npos - 1);
        p.args = PyTuple.of(args);
        p.keywords = new PyDict();
        if (pkw != null) p.keywords.update(pkw);
        if (k != null) for (int i = 0; i < k.length; i++) p.keywords.put(PyStr.of(k[i]), a[npos + i]);
        return p;
    });

    static final class Partial extends PyObject {
        PyObject func;
        PyTuple args;
        PyDict keywords;
        PyDict dict;

        Partial(PyType t) { super(t); }

        @Override public PyDict dict() {
            if (dict == null) dict = new PyDict();
            return dict;
        }

        @Override public PyObject call(PyObject[] a, String[] k) {
            int npos = Args.positional(a, k);
            int nkw = k == null ? 0 : k.length;
            PyDict kw = keywords;
            if (nkw > 0) {
                kw = keywords.copy();
                for (int i = 0; i < nkw; i++) kw.put(PyStr.of(k[i]), a[npos + i]);
            }
            int np = args.size() + npos;
            PyObject[] out = new PyObject[np + kw.size()];
            System.arraycopy(args.items, 0, out, 0, args.size());
            System.arraycopy(a, 0, out, args.size(), npos);
            String[] names = kw.size() == 0 ? null : new String[kw.size()];
            int i = 0;
            for (int p = kw.nextEntry(0); p >= 0; p = kw.nextEntry(p + 1), i++) {
                names[i] = Ops.str(kw.keyAt(p));
                out[np + i] = kw.valueAt(p);
            }
            return func.call(out, names);
        }

        @Override public String repr() {
            if (!Ops.enterRepr(this)) return "...";
            try {
                StringBuilder sb = new StringBuilder(type.heap ? type.name : type.qualifiedName()).append('(').append(Ops.repr(func));
                for (PyObject x : args.items) sb.append(", ").append(Ops.repr(x));
                for (int p = keywords.nextEntry(0); p >= 0; p = keywords.nextEntry(p + 1)) {
                    sb.append(", ").append(Ops.str(keywords.keyAt(p))).append('=').append(Ops.repr(keywords.valueAt(p)));
                }
                return sb.append(')').toString();
            } finally {
                Ops.leaveRepr(this);
            }
        }
    }

    static {
        PyType t = PARTIAL;
        t.def("__call__", (self, a, k) -> self.call(a, k));
        t.setTypeAttr("func", LibSupport.Member.member(t, "func", o -> ((Partial) o).func, null));
        t.setTypeAttr("args", LibSupport.Member.member(t, "args", o -> ((Partial) o).args, null));
        t.setTypeAttr("keywords", LibSupport.Member.member(t, "keywords", o -> ((Partial) o).keywords, null));
        SlotWrappers.add(t, "__repr__");
    }

    // ----- lru_cache ---------------------------------------------------------------------

    static PyObject makeLru(PyObject func, PyObject maxsize, PyObject typed) {
        if (!BuiltinsModule.isCallable(func)) throw Exc.typeError("the first argument must be callable");
        LruCache w = new LruCache(func, maxsize == Py.None ? -1 : Ops.index(maxsize).longValue(), Ops.isTrue(typed));
        PyDict params = new PyDict();
        params.put("maxsize", maxsize);
        params.put("typed", typed);
        w.dict().put("cache_parameters", new PyBuiltinFunction("<lambda>", (a, k) -> {
            LibSupport.bind("<lambda>", a, k, new String[0], 0, 0);
            PyDict r = new PyDict();
            r.update(params);
            return r;
        }));
        return updateWrapper(w, func, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES);
    }

    /** The separator between positional and keyword arguments in cache keys. */
    private static final PyObject KWD_MARK = new PyObject(PyType.OBJECT) {};

    /** functools._lru_cache_wrapper: memoises a function's results by argument values. */
    static final class LruCache extends PyObject {
        static final PyType TYPE = LibSupport.newType(M, "_lru_cache_wrapper", PyType.OBJECT, null);

        final PyObject func;
        /** The capacity; -1 for unbounded, 0 for no caching. */
        final long maxsize;
        final boolean typed;
        /** Keys in least- to most-recently used order (PyDict keeps insertion order). */
        final PyDict cache = new PyDict();
        long hits, misses;
        PyDict dict;

        LruCache(PyObject func, long maxsize, boolean typed) {
            super(TYPE);
            this.func = func;
            this.maxsize = maxsize;
            this.typed = typed;
        }

        @Override public PyDict dict() {
            if (dict == null) dict = new PyDict();
            return dict;
        }

        @Override public PyObject descrGet(PyObject instance, PyType owner) {
            return instance == null ? this : new PyMethod(this, instance);
        }

        private PyObject makeKey(PyObject[] a, String[] k) {
            int npos = Args.positional(a, k);
            int nkw = k == null ? 0 : k.length;
            if (!typed && nkw == 0) {
                if (npos == 1 && (a[0].type == PyStr.TYPE || a[0].type == PyInt.TYPE)) return a[0];
                return PyTuple.of(a.clone());
            }
            PyObject[] key = new PyObject[npos + (nkw > 0 ? 1 + 2 * nkw : 0) + (typed ? npos + nkw : 0)];
            int w = 0;
            for (int i = 0; i < npos; i++) key[w++] = a[i];
            if (nkw > 0) {
                key[w++] = KWD_MARK;
                for (int i = 0; i < nkw; i++) {
                    key[w++] = PyStr.of(k[i]);
                    key[w++] = a[npos + i];
                }
            }
            if (typed) {
                for (int i = 0; i < npos; i++) key[w++] = a[i].type;
                for (int i = 0; i < nkw; i++) key[w++] = a[npos + i].type;
            }
            return PyTuple.of(key);
        }

        /**
         * Calls through the cache count against the recursion limit, as CPython's C wrapper
         * (called through tp_call) does: a memoised recursive function reaches the limit at
         * about half the depth of a plain one.
         */
        @Override public PyObject call(PyObject[] a, String[] k) {
            ThreadState ts = ThreadState.current();
            if (++ts.depth > ThreadState.recursionLimit) {
                ts.depth--;
                throw Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded while calling a Python object");
            }
            try {
                return lookupOrCall(a, k);
            } finally {
                ts.depth--;
            }
        }

        private PyObject lookupOrCall(PyObject[] a, String[] k) {
            if (maxsize == 0) {
                misses++;
                return func.call(a, k);
            }
            PyObject key = makeKey(a, k);
            PyObject r = cache.get(key);
            if (r != null) {
                hits++;
                if (maxsize > 0) {
                    cache.remove(key);
                    cache.put(key, r);
                }
                return r;
            }
            misses++;
            r = func.call(a, k);
            if (cache.get(key) != null) return r;
            if (maxsize > 0 && cache.size() >= maxsize) {
                int first = cache.nextEntry(0);
                if (first >= 0) cache.remove(cache.keyAt(first));
            }
            cache.put(key, r);
            return r;
        }
    }

    static {
        PyType t = LruCache.TYPE;
        t.def("__call__", (self, a, k) -> self.call(a, k));
        t.def("cache_info", (self, a, k) -> {
            Args.checkCount("cache_info", a, 0, 0);
            LruCache c = (LruCache) self;
            PyObject[] f = {PyInt.of(c.hits), PyInt.of(c.misses), c.maxsize < 0 ? Py.None : PyInt.of(c.maxsize),
                    PyInt.of(c.cache.size())};
            return PyTuple.ofType(cacheInfoType, f);
        });
        t.def("cache_clear", (self, a, k) -> {
            Args.checkCount("cache_clear", a, 0, 0);
            LruCache c = (LruCache) self;
            c.cache.clear();
            c.hits = 0;
            c.misses = 0;
            return Py.None;
        });
        t.def("__copy__", (self, a, k) -> self);
        t.def("__deepcopy__", (self, a, k) -> self);
    }

    // ----- cmp_to_key --------------------------------------------------------------------

    static final PyType KEY_WRAPPER = LibSupport.newType(M, "KeyWrapper", PyType.OBJECT, null);

    static final class KeyWrapper extends PyObject {
        final PyObject cmp;
        PyObject obj;

        KeyWrapper(PyObject cmp, PyObject obj) {
            super(KEY_WRAPPER);
            this.cmp = cmp;
            this.obj = obj;
        }

        @Override public PyObject call(PyObject[] a, String[] k) {
            PyObject[] p = Args.parse("K", a, k, new String[] {"obj"}, 1, 1);
            return new KeyWrapper(cmp, p[0]);
        }

        @Override public long hash() { throw Exc.unhashable(this); }

        @Override public PyObject richCompare(PyObject other, int op) {
            if (!(other instanceof KeyWrapper o) || obj == null || o.obj == null) {
                throw Exc.typeError("other argument must be K instance");
            }
            PyObject res = Ops.call(cmp, obj, o.obj);
            return Ops.richCompare(res, PyInt.ZERO, op);
        }
    }

    static {
        PyType t = KEY_WRAPPER;
        t.def("__call__", (self, a, k) -> self.call(a, k));
        t.setTypeAttr("obj", LibSupport.Member.member(t, "obj", o -> {
            PyObject v = ((KeyWrapper) o).obj;
            if (v == null) throw Exc.attributeError("obj");
            return v;
        }, (o, v) -> ((KeyWrapper) o).obj = v));
        SlotWrappers.add(t, "compare");
        t.dict.put("__hash__", Py.None);
    }

    // ----- total_ordering ----------------------------------------------------------------

    private static final String[] ROOTS = {"__lt__", "__le__", "__gt__", "__ge__"};
    /** Kinds of derived operations (op_result is the root's result r). */
    private static final int NOT_AND_NE = 0, OR_EQ = 1, NOT = 2, NOT_OR_EQ = 3, AND_NE = 4;
    /** For each root, in _convert order: derived name and kind. */
    private static final String[][] CONVERT_NAMES = {
        {"__gt__", "__le__", "__ge__"}, {"__ge__", "__lt__", "__gt__"},
        {"__lt__", "__ge__", "__le__"}, {"__le__", "__gt__", "__lt__"},
    };
    private static final int[][] CONVERT_KINDS = {
        {NOT_AND_NE, OR_EQ, NOT}, {NOT_OR_EQ, AND_NE, NOT},
        {NOT_AND_NE, OR_EQ, NOT}, {NOT_OR_EQ, AND_NE, NOT},
    };

    static PyObject totalOrdering(PyObject clsObj) {
        if (!(clsObj instanceof PyType cls)) {
            throw Exc.attributeError("'" + clsObj.type.name + "' object has no attribute '__lt__'");
        }
        boolean[] isRoot = new boolean[4];
        int root = -1;
        for (int i = 0; i < 4; i++) {
            PyObject mine = Ops.getAttrOrNull(cls, PyStr.intern(ROOTS[i]));
            PyObject base = Ops.getAttrOrNull(PyType.OBJECT, PyStr.intern(ROOTS[i]));
            isRoot[i] = mine != base;
        }
        // max(roots) in string order: __lt__ > __le__ > __gt__ > __ge__
        for (int i = 0; i < 4 && root < 0; i++) if (isRoot[i]) root = i;
        if (root < 0) throw Exc.valueError("must define at least one ordering operation: < > <= >=");
        String rootName = ROOTS[root];
        for (int j = 0; j < 3; j++) {
            String name = CONVERT_NAMES[root][j];
            if (isRoot[indexOf(name)]) continue;
            int kind = CONVERT_KINDS[root][j];
            cls.setTypeAttr(name, new PyMethodDescr(cls, name, (self, a, k) -> {
                Args.checkCount(name, a, 1, 1);
                PyObject other = a[0];
                PyObject r = Ops.call(Ops.getAttr(self.type, PyStr.intern(rootName)), self, other);
                if (r == Py.NotImplemented) return r;
                boolean t = Ops.isTrue(r);
                return switch (kind) {
                    case NOT_AND_NE -> t ? PyBool.FALSE : Ops.richCompare(self, other, Compare.NE);
                    case OR_EQ -> t ? r : Ops.richCompare(self, other, Compare.EQ);
                    case NOT -> PyBool.of(!t);
                    case NOT_OR_EQ -> !t ? PyBool.TRUE : Ops.richCompare(self, other, Compare.EQ);
                    default -> !t ? r : Ops.richCompare(self, other, Compare.NE);
                };
            }));
        }
        return cls;
    }

    private static int indexOf(String name) {
        for (int i = 0; i < 4; i++) if (ROOTS[i].equals(name)) return i;
        return -1;
    }
}
