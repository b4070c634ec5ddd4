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

    static final PyTuple WRAPPER_ASSIGNMENTS = Refs.immortal(PyTuple.of(PyStr.intern("__module__"),
            PyStr.intern("__name__"), PyStr.intern("__qualname__"), PyStr.intern("__doc__"),
            PyStr.intern("__annotations__")));
    static final PyTuple WRAPPER_UPDATES = Refs.immortal(PyTuple.of(PyStr.intern("__dict__")));

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
                // a class made once for every interpreter and kept in a static field: immortal
                cacheInfoType = Refs.immortal(NamedTuple.make("CacheInfo",
                        new String[] {"hits", "misses", "maxsize", "currsize"}, false, null, M));
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
            PyDict kw = new PyDict();
            kw.put("wrapped", p[0]);
            kw.put("assigned", p[1] == null ? WRAPPER_ASSIGNMENTS : p[1]);
            kw.put("updated", p[2] == null ? WRAPPER_UPDATES : p[2]);
            return new Partial(PARTIAL, updateWrapper, PyTuple.EMPTY, kw);
        });
        m.def("cmp_to_key", (a, k) -> {
            PyObject[] p = Args.parse("cmp_to_key", a, k, new String[] {"mycmp"}, 1, 1);
            return new KeyWrapper(p[0], null);
        });
        m.def("total_ordering", (a, k) -> {
            PyObject[] p = LibSupport.bind("total_ordering", a, k, new String[] {"cls"}, 1, 1);
            return totalOrdering(p[0]);
        });
        LibSupport.runPython(m, "<functools>", LRU_CACHE + CACHED_PROPERTY);
        return m;
    }

    /**
     * lru_cache and cache, as CPython's Lib/functools.py writes them: the decorator and the
     * cache_parameters lambda are closures, so what they hold is counted like any script
     * function's cells.
     */
    private static final String LRU_CACHE = """
            def lru_cache(maxsize=128, typed=False):
                if isinstance(maxsize, int):
                    if maxsize < 0:
                        maxsize = 0
                elif callable(maxsize) and isinstance(typed, bool):
                    user_function, maxsize = maxsize, 128
                    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
                    wrapper.cache_parameters = lambda : {'maxsize': maxsize, 'typed': typed}
                    return update_wrapper(wrapper, user_function)
                elif maxsize is not None:
                    raise TypeError(
                        'Expected first argument to be an integer, a callable, or None')

                def decorating_function(user_function):
                    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
                    wrapper.cache_parameters = lambda : {'maxsize': maxsize, 'typed': typed}
                    return update_wrapper(wrapper, user_function)

                return decorating_function

            def cache(user_function, /):
                'Simple lightweight unbounded cache.  Sometimes called "memoize".'
                return lru_cache(maxsize=None)(user_function)

            """;

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
            PyObject value = LibSupport.attrOrNull(wrapped, name);
            if (value == null) continue;
            try {
                Ops.setAttr(wrapper, name, value);
            } catch (PyException e) {
                // functions here compute __annotations__ and cannot store it
                if (!(name.value.equals("__annotations__") && e.matches(Exc.AttributeError))) throw e;
                Refs.state().caught();
            }
        }
        it = Ops.iter(updated);
        for (PyObject attr; (attr = Ops.next(it)) != null; ) {
            PyStr name = PyStr.intern(Ops.str(attr));
            PyObject target = Ops.getAttr(wrapper, name);
            PyObject source = LibSupport.attrOrNull(wrapped, name);
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
        PyObject[] args = new PyObject[pargs.length + npos - 1];
        System.arraycopy(pargs, 0, args, 0, pargs.length);
        System.arraycopy(a, 1, args, pargs.length, npos - 1);
        PyDict kw = new PyDict();
        if (pkw != null) kw.update(pkw);
        if (k != null) for (int i = 0; i < k.length; i++) kw.put(PyStr.of(k[i]), a[npos + i]);
        return new Partial(cls, func, PyTuple.of(args), kw);
    });

    /** functools.partial: the function, the frozen arguments and keywords, the attribute dict (all counted). */
    static final class Partial extends PyContainer {
        PyObject func;
        PyTuple args;
        PyDict keywords;
        PyDict dict;

        Partial(PyType t, PyObject func, PyTuple args, PyDict keywords) {
            super(t);
            this.func = Refs.own(func);
            this.args = Refs.own(args);
            this.keywords = Refs.own(keywords);
        }

        /** partial_clear's order: the function, the arguments, the keywords, the dict. */
        @Override public void traverse(RefVisitor v) {
            v.visit(func);
            v.visit(args);
            v.visit(keywords);
            v.visit(dict);
        }

        @Override public PyDict dict() {
            if (dict == null) dict = PyDict.owned();
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

    /** The separator between positional and keyword arguments in cache keys. */
    private static final PyObject KWD_MARK = Refs.immortal(new PyObject(PyType.OBJECT) {});

    /**
     * functools._lru_cache_wrapper, ported from CPython's C implementation so that cached keys
     * and results live as long as there: an unbounded cache maps keys to results in a dict; a
     * bounded one maps keys to links of a list in least- to most-recently used order, each link
     * holding its key and result. Clearing (cache_clear, or the wrapper dying) drops the dict,
     * then the links oldest first, each its key then its result.
     */
    static final class LruCache extends PyContainer {
        static final PyType TYPE = LibSupport.newType(M, "_lru_cache_wrapper", PyType.OBJECT, LruCache::create);

        final PyObject func;
        /** The capacity; -1 for unbounded, 0 for no caching. */
        final long maxsize;
        final boolean typed;
        final PyDict cache = PyDict.owned();
        /** The list of a bounded cache: first is the least recently used link, last the most recent. */
        private Link first, last;
        private boolean full;
        long hits, misses;
        PyDict dict;

        LruCache(PyType t, PyObject func, long maxsize, boolean typed) {
            super(t);
            this.func = Refs.own(func);
            this.maxsize = maxsize;
            this.typed = typed;
        }

        /** _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type), as lru_cache_new. */
        private static PyObject create(PyType cls, PyObject[] a, String[] k) {
            PyObject[] p = Args.parse("lru_cache", a, k, new String[] {"user_function", "maxsize", "typed",
                "cache_info_type"}, 4, 4);
            if (!BuiltinsModule.isCallable(p[0])) throw Exc.typeError("the first argument must be callable");
            long maxsize;
            if (p[1] == Py.None) {
                maxsize = -1;
            } else {
                PyObject i = Ops.indexOrNull(p[1]);
                if (i == null) throw Exc.typeError("maxsize should be integer or None");
                maxsize = Math.max(0, ((PyInt) i).longValue());
            }
            return new LruCache(cls, p[0], maxsize, Ops.isTrue(p[2]));
        }

        /** lru_cache_tp_clear's order: the cache dict, the function, the attribute dict, then the links. */
        @Override public void traverse(RefVisitor v) {
            v.visit(cache);
            v.visit(func);
            v.visit(dict);
            for (Link l = first; l != null; l = l.next) v.visit(l);
        }

        @Override public PyDict dict() {
            if (dict == null) dict = PyDict.owned();
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
                if (maxsize == 0) {
                    misses++;
                    return func.call(a, k);
                }
                return maxsize < 0 ? unbounded(a, k) : bounded(a, k);
            } finally {
                ts.depth--;
            }
        }

        /** infinite_lru_cache_wrapper. */
        private PyObject unbounded(PyObject[] a, String[] k) {
            PyObject key = makeKey(a, k);
            PyObject r = cache.get(key);
            if (r != null) {
                hits++;
                return r;
            }
            misses++;
            r = func.call(a, k);
            cache.put(key, r);
            return r;
        }

        /** bounded_lru_cache_wrapper. */
        private PyObject bounded(PyObject[] a, String[] k) {
            PyObject key = makeKey(a, k);
            PyObject found = cache.get(key);
            if (found instanceof Link link) {
                unlink(link);
                append(link);
                hits++;
                return link.result;
            }
            misses++;
            PyObject result = func.call(a, k);
            if (cache.get(key) != null) return result; // a recursive call added it meanwhile
            if (!full) {
                Link link = new Link(key, result);
                cache.put(key, link);
                append(link);
                Refs.incref(link); // the list's reference
                full = cache.size() >= maxsize;
                return result;
            }
            // reuse the oldest link for the new entry; its old key and result die after the update
            Link oldest = first;
            unlink(oldest);
            if (cache.remove(oldest.key) == null) { // the function cleared the cache meanwhile: drop the orphan
                Refs.decref(oldest);
                return result;
            }
            PyObject oldKey = oldest.key, oldResult = oldest.result;
            oldest.key = Refs.own(key);
            oldest.result = Refs.own(result);
            cache.put(key, oldest);
            append(oldest);
            Refs.decref(oldKey);
            Refs.decref(oldResult);
            return result;
        }

        private void unlink(Link l) {
            if (l.prev == null) first = l.next; else l.prev.next = l.next;
            if (l.next == null) last = l.prev; else l.next.prev = l.prev;
            l.prev = l.next = null;
        }

        private void append(Link l) {
            l.prev = last;
            l.next = null;
            if (last == null) first = l; else last.next = l;
            last = l;
        }

        /** cache_clear: unlinks the list, empties the dict, then drops the links oldest first. */
        void clear() {
            Link l = first;
            first = last = null;
            hits = misses = 0;
            full = false;
            cache.clear();
            while (l != null) {
                Link next = l.next;
                l.prev = l.next = null;
                Refs.decref(l);
                l = next;
            }
        }
    }

    static final PyType LRU_LINK = PyType.builtin("_lru_list_elem", PyType.OBJECT, null);

    /** An entry of a bounded cache's list: its key and result (counted); prev and next are the list's own pointers. */
    static final class Link extends PyContainer {
        PyObject key, result;
        Link prev, next;

        Link(PyObject key, PyObject result) {
            super(LRU_LINK);
            this.key = Refs.own(key);
            this.result = Refs.own(result);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(key);
            v.visit(result);
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
            ((LruCache) self).clear();
            return Py.None;
        });
        t.def("__copy__", (self, a, k) -> self);
        t.def("__deepcopy__", (self, a, k) -> self);
    }

    // ----- cmp_to_key --------------------------------------------------------------------

    static final PyType KEY_WRAPPER = LibSupport.newType(M, "KeyWrapper", PyType.OBJECT, null);

    /** functools.KeyWrapper: the comparison function and the wrapped object (both counted). */
    static final class KeyWrapper extends PyContainer {
        final PyObject cmp;
        PyObject obj;

        KeyWrapper(PyObject cmp, PyObject obj) {
            super(KEY_WRAPPER);
            this.cmp = Refs.own(cmp);
            this.obj = obj == null ? null : Refs.own(obj);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(cmp);
            v.visit(obj);
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
        }, (o, v) -> {
            KeyWrapper w = (KeyWrapper) o;
            PyObject old = w.obj;
            w.obj = v;
            Refs.swap(old, v);
        }));
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
            PyObject mine = LibSupport.attrOrNull(cls, PyStr.intern(ROOTS[i]));
            PyObject base = LibSupport.attrOrNull(PyType.OBJECT, PyStr.intern(ROOTS[i]));
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
