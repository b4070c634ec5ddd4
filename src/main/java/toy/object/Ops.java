package toy.object;

import java.util.IdentityHashMap;

/**
 * The abstract object protocols (CPython's {@code Objects/abstract.c}): every operation the VM
 * and the library perform on values goes through here. Each entry point has a fast path for
 * the common built-in types, then the general rule: built-in types via their Java
 * implementation, heap types via dunder methods found on the type.
 */
public final class Ops {
    private Ops() {}

    // ----- calling -------------------------------------------------------------------------

    public static final PyObject[] NO_ARGS = new PyObject[0];

    public static PyObject call(PyObject f, PyObject... args) { return f.call(args, null); }

    /** Calls an unbound method found on a type with self prepended. */
    public static PyObject callMethod(PyObject meth, PyObject self, PyObject... args) {
        PyObject[] a = new PyObject[args.length + 1];
        a[0] = self;
        System.arraycopy(args, 0, a, 1, args.length);
        return meth.call(a, null);
    }

    /** obj.name(args...) */
    public static PyObject invoke(PyObject obj, String name, PyObject... args) {
        return getAttr(obj, PyStr.intern(name)).call(args, null);
    }

    /** Looks up a dunder on obj's type and calls it with obj; null when the type lacks it. */
    static PyObject callDunder(PyObject obj, String name, PyObject... args) {
        PyObject m = obj.type.lookup(name);
        if (m == null) return null;
        return callMethod(m, obj, args);
    }

    // ----- str / repr / hash / truth --------------------------------------------------------

    public static String repr(PyObject o) {
        if (!o.type.heap) return o.repr();
        PyObject r = callDunder(o, "__repr__");
        if (!(r instanceof PyStr s)) throw Exc.typeError("__repr__ returned non-string (type " + r.type.name + ")");
        return s.value;
    }

    public static String str(PyObject o) {
        if (o instanceof PyStr s && o.type == PyStr.TYPE) return s.value;
        if (!o.type.heap) return o.str();
        PyObject r = callDunder(o, "__str__");
        if (!(r instanceof PyStr s)) throw Exc.typeError("__str__ returned non-string (type " + r.type.name + ")");
        return s.value;
    }

    public static PyStr strObj(PyObject o) {
        if (o instanceof PyStr s && o.type == PyStr.TYPE) return s;
        return PyStr.of(str(o));
    }

    public static long hash(PyObject o) {
        if (o instanceof PyStr s) return s.hash();
        if (!o.type.heap) return o.hash();
        PyObject m = o.type.lookup("__hash__");
        if (m == null || m == Py.None) throw Exc.unhashable(o);
        PyObject r = callMethod(m, o);
        if (!(r instanceof PyInt i)) throw Exc.typeError("__hash__ method should return an integer");
        return i.big == null ? (i.value == -1 ? -2 : i.value) : i.hash();
    }

    public static long identityHash(PyObject o) { return System.identityHashCode(o) >>> 4 | ((long) System.identityHashCode(o) << 28); }

    public static String addressOf(PyObject o) {
        return String.format("0x%012x", id(o));
    }

    /** id(o): a stable, unique number per live object. */
    public static long id(PyObject o) { return ObjectIds.id(o); }

    public static boolean isTrue(PyObject o) {
        if (o == PyBool.TRUE) return true;
        if (o == PyBool.FALSE || o == Py.None) return false;
        if (!o.type.heap) return o.isTrue();
        PyObject m = o.type.lookup("__bool__");
        if (m != null) {
            PyObject r = callMethod(m, o);
            if (!(r instanceof PyBool b)) throw Exc.typeError("__bool__ should return bool, returned " + r.type.name);
            return b == PyBool.TRUE;
        }
        m = o.type.lookup("__len__");
        if (m != null) return lenOf(o, m) != 0;
        return true;
    }

    // ----- len / iteration / containers ---------------------------------------------------

    public static int len(PyObject o) {
        if (!o.type.heap) {
            int n = o.length();
            if (n < 0) throw Exc.typeError("object of type '" + o.type.name + "' has no len()");
            return n;
        }
        PyObject m = o.type.lookup("__len__");
        if (m == null) throw Exc.typeError("object of type '" + o.type.name + "' has no len()");
        return lenOf(o, m);
    }

    private static int lenOf(PyObject o, PyObject m) {
        PyObject r = callMethod(m, o);
        PyObject i = indexOrNull(r);
        if (i == null) throw Exc.typeError("'" + r.type.name + "' object cannot be interpreted as an integer");
        PyInt n = (PyInt) i;
        if (n.signum() < 0) throw Exc.valueError("__len__() should return >= 0");
        return n.intValue();
    }

    /**
     * CPython's PyObject_LengthHint: len(o) when o has a length (a TypeError from __len__ is
     * ignored), else what o.__length_hint__() gives (NotImplemented or a TypeError: dflt), else
     * dflt. The consumers that presize a list or tuple in CPython (list(), tuple(),
     * list.extend, f(*it)) call it after taking the iterator, so a script class sees its __len__
     * called there too.
     */
    public static long lengthHint(PyObject o, long dflt) {
        boolean hasLen = o.type.heap ? o.type.lookup("__len__") != null : o.length() >= 0;
        if (hasLen) {
            try {
                return len(o);
            } catch (PyException e) {
                if (!e.matches(Exc.TypeError)) throw e;
                Refs.swallowed();
            }
        }
        PyObject hint = o.type.lookup("__length_hint__");
        if (hint == null) {
            // a built-in iterator that knows how many items are left
            if (!o.type.heap && o.iter() == o && o.length() >= 0) return o.length();
            return dflt;
        }
        PyObject r;
        try {
            r = callMethod(hint, o);
        } catch (PyException e) {
            if (!e.matches(Exc.TypeError)) throw e;
            Refs.swallowed();
            return dflt;
        }
        if (r == Py.NotImplemented) return dflt;
        if (!(r instanceof PyInt ri)) throw Exc.typeError("__length_hint__ must be an integer, not " + r.type.name);
        if (ri.signum() < 0) throw Exc.valueError("__length_hint__() should return >= 0");
        if (!ri.isSmall()) throw Exc.overflowError("cannot fit 'int' into an index-sized integer");
        return ri.longValue();
    }

    public static PyObject iter(PyObject o) {
        if (!o.type.heap) {
            PyObject it = o.iter();
            if (it != null) return it;
            if (o.type.lookup("__getitem__") != null) return new GetItemIterator(o);
            throw Exc.typeError("'" + o.type.name + "' object is not iterable");
        }
        PyObject m = o.type.lookup("__iter__");
        if (m == null || m == Py.None) {
            if (o.type.lookup("__getitem__") != null) return new GetItemIterator(o);
            throw Exc.typeError("'" + o.type.name + "' object is not iterable");
        }
        PyObject it = callMethod(m, o);
        if (it.type.heap ? it.type.lookup("__next__") == null : !(isBuiltinIterator(it))) {
            throw Exc.typeError("iter() returned non-iterator of type '" + it.type.name + "'");
        }
        return it;
    }

    private static boolean isBuiltinIterator(PyObject it) {
        return it.type.lookup("__next__") != null || it.iter() == it;
    }

    /** The next item, or null when the iterator is exhausted. */
    public static PyObject next(PyObject it) {
        if (!it.type.heap) return it.next();
        PyObject m = it.type.lookup("__next__");
        if (m == null) throw Exc.typeError("'" + it.type.name + "' object is not an iterator");
        try {
            return callMethod(m, it);
        } catch (PyException e) {
            if (!e.matches(Exc.StopIteration)) throw e;
            Refs.swallowed();
            return null;
        }
    }

    public static PyObject getItem(PyObject o, PyObject key) {
        if (!o.type.heap) return o.getItem(key);
        PyObject m = o.type.lookup("__getitem__");
        if (m == null) {
            if (o instanceof PyType t) {
                PyObject cg = t.lookup("__class_getitem__");
                if (cg != null) return call(cg.descrGet(null, t) != null ? cg.descrGet(null, t) : cg, key);
            }
            throw Exc.typeError("'" + o.type.name + "' object is not subscriptable");
        }
        return callMethod(m, o, key);
    }

    public static void setItem(PyObject o, PyObject key, PyObject value) {
        if (!o.type.heap) { o.setItem(key, value); return; }
        PyObject m = o.type.lookup("__setitem__");
        if (m == null) throw Exc.typeError("'" + o.type.name + "' object does not support item assignment");
        callMethod(m, o, key, value);
    }

    public static void delItem(PyObject o, PyObject key) {
        if (!o.type.heap) { o.delItem(key); return; }
        PyObject m = o.type.lookup("__delitem__");
        if (m == null) throw Exc.typeError("'" + o.type.name + "' object does not support item deletion");
        callMethod(m, o, key);
    }

    public static boolean contains(PyObject container, PyObject v) {
        if (!container.type.heap) {
            int r = container.contains(v);
            if (r >= 0) return r == 1;
        } else {
            PyObject m = container.type.lookup("__contains__");
            if (m != null) return isTrue(callMethod(m, container, v));
        }
        PyObject it;
        try {
            it = iter(container);
        } catch (PyException e) {
            if (e.matches(Exc.TypeError)) {
                throw Exc.typeError("argument of type '" + container.type.name + "' is not iterable");
            }
            throw e;
        }
        for (PyObject x; (x = next(it)) != null; ) if (x == v || eq(x, v)) return true;
        return false;
    }

    // ----- attributes ------------------------------------------------------------------------

    public static PyObject getAttr(PyObject o, PyStr name) {
        if (!o.type.heap) return o.getAttr(name);
        return Attr.heapGetAttr(o, name);
    }

    /** getattr with a default: null when the attribute is missing (AttributeError). */
    public static PyObject getAttrOrNull(PyObject o, PyStr name) {
        try {
            return getAttr(o, name);
        } catch (PyException e) {
            if (!e.matches(Exc.AttributeError)) throw e;
            Refs.swallowed();
            return null;
        }
    }

    public static void setAttr(PyObject o, PyStr name, PyObject v) {
        if (!o.type.heap) { o.setAttr(name, v); return; }
        Attr.heapSetAttr(o, name, v);
    }

    public static void delAttr(PyObject o, PyStr name) {
        if (!o.type.heap) { o.delAttr(name); return; }
        Attr.heapDelAttr(o, name);
    }

    // ----- numbers ---------------------------------------------------------------------------

    /** The int value of an object usable as an index (__index__), or null. */
    public static PyObject indexOrNull(PyObject o) {
        if (o instanceof PyInt) return o;
        PyObject m = o.type.lookup("__index__");
        if (m == null || !o.type.heap) return null;
        PyObject r = callMethod(m, o);
        if (!(r instanceof PyInt)) throw Exc.typeError("__index__ returned non-int (type " + r.type.name + ")");
        return r;
    }

    public static PyInt index(PyObject o) {
        PyObject r = indexOrNull(o);
        if (r == null) throw Exc.typeError("'" + o.type.name + "' object cannot be interpreted as an integer");
        return (PyInt) r;
    }

    public static PyObject binary(PyObject a, PyObject b, int op) {
        PyObject r = binaryOrNull(a, b, op);
        if (r == null) throw binaryError(a, b, op, BinOp.SYMBOL[op]);
        return r;
    }

    private static PyObject binaryOrNull(PyObject a, PyObject b, int op) {
        PyType ta = a.type, tb = b.type;
        PyObject r;
        if (ta == tb) {
            r = slotBinary(a, op, b, false);
            return r == Py.NotImplemented ? null : r;
        }
        boolean bFirst = tb.isSubtypeOf(ta) && overrides(tb, ta, BinOp.RNAME[op]);
        if (bFirst) {
            r = slotBinary(b, op, a, true);
            if (r != null && r != Py.NotImplemented) return r;
        }
        r = slotBinary(a, op, b, false);
        if (r != null && r != Py.NotImplemented) return r;
        if (!bFirst) {
            r = slotBinary(b, op, a, true);
            if (r != null && r != Py.NotImplemented) return r;
        }
        return null;
    }

    /**
     * stored == key for a key stored in a dict or set, which lives through its __eq__ even if
     * that removes it from the table, and dies at once afterwards if it did (as CPython's
     * lookups hold it).
     */
    static boolean eqHoldingStored(PyObject stored, PyObject key) {
        Refs.incref(stored);
        try {
            return eq(stored, key);
        } finally {
            Refs.decrefAtOnce(Refs.state(), stored);
        }
    }

    /** CPython's TypeError for an unsupported binary operation, with its special cases. */
    private static PyException binaryError(PyObject a, PyObject b, int op, String symbol) {
        if (op == BinOp.ADD && a.type == PyBytes.TYPE) return Exc.typeError("can't concat " + b.type.name + " to bytes");
        boolean seqA = a instanceof PyStr || a instanceof PyList || a instanceof PyTuple || a instanceof PyBytes;
        if (op == BinOp.ADD && seqA && !a.type.heap) {
            return Exc.typeError("can only concatenate " + a.type.name + " (not \"" + b.type.name + "\") to " + a.type.name);
        }
        boolean seqB = b instanceof PyStr || b instanceof PyList || b instanceof PyTuple || b instanceof PyBytes;
        if (op == BinOp.MUL && (seqA || seqB)) {
            PyObject other = seqA ? b : a;
            if (!(other instanceof PyInt)) {
                return Exc.typeError("can't multiply sequence by non-int of type '" + other.type.name + "'");
            }
        }
        return Exc.typeError("unsupported operand type(s) for " + symbol + ": '" + a.type.name + "' and '" + b.type.name + "'");
    }

    private static boolean overrides(PyType sub, PyType base, String name) {
        if (!sub.heap) return true;
        return sub.lookup(name) != base.lookup(name);
    }

    private static PyObject slotBinary(PyObject self, int op, PyObject other, boolean reflected) {
        if (!self.type.heap) return self.binaryOp(op, other, reflected);
        PyObject m = self.type.lookup(reflected ? BinOp.RNAME[op] : BinOp.NAME[op]);
        if (m == null) return null;
        return callMethod(m, self, other);
    }

    public static PyObject inplace(PyObject a, PyObject b, int op) {
        PyObject r;
        if (!a.type.heap) {
            r = a.inplaceOp(op, b);
        } else {
            PyObject m = a.type.lookup(BinOp.INAME[op]);
            r = m == null ? null : callMethod(m, a, b);
            if (r == Py.NotImplemented) r = null;
        }
        if (r != null) return r;
        r = binaryOrNull(a, b, op);
        if (r == null) {
            throw binaryError(a, b, op, BinOp.ISYMBOL[op]);
        }
        return r;
    }

    public static PyObject unary(PyObject a, int op) {
        PyObject r;
        if (!a.type.heap) {
            r = a.unaryOp(op);
        } else {
            PyObject m = a.type.lookup(BinOp.UNAME[op]);
            r = m == null ? null : callMethod(m, a);
        }
        if (r == null) {
            if (op == BinOp.ABS) throw Exc.typeError("bad operand type for abs(): '" + a.type.name + "'");
            throw Exc.typeError("bad operand type for " + BinOp.USYMBOL[op] + ": '" + a.type.name + "'");
        }
        return r;
    }

    /**
     * The eval loop's fast path for arithmetic on exact ints that fit in a long and exact
     * floats (mixed too, the int converted as CPython converts it): the result, or null when the
     * operands or the operation need the general path ({@link #binary}, {@link #inplace}),
     * which gives the same result more slowly.
     */
    public static PyObject arith(PyObject a, PyObject b, int op) {
        PyType ta = a.type, tb = b.type;
        if (ta == PyInt.TYPE) {
            PyInt x = (PyInt) a;
            if (x.big != null) return null;
            if (tb == PyInt.TYPE) {
                PyInt y = (PyInt) b;
                return y.big == null ? smallIntArith(x.value, y.value, op) : null;
            }
            return tb == PyFloat.TYPE ? FloatMethods.binary(op, (double) x.value, ((PyFloat) b).value) : null;
        }
        if (ta != PyFloat.TYPE) return null;
        double xv = ((PyFloat) a).value;
        if (tb == PyFloat.TYPE) return FloatMethods.binary(op, xv, ((PyFloat) b).value);
        if (tb == PyInt.TYPE && ((PyInt) b).big == null) return FloatMethods.binary(op, xv, (double) ((PyInt) b).value);
        return null;
    }

    /** Arithmetic on two longs when the result is a long too; null on overflow and for other operations. */
    private static PyObject smallIntArith(long x, long y, int op) {
        switch (op) {
            case BinOp.ADD: return Arith.addLongs(x, y);
            case BinOp.SUB: return Arith.subLongs(x, y);
            case BinOp.MUL: return Arith.mulLongs(x, y);
            case BinOp.MOD: return y > 0 ? PyInt.of(Math.floorMod(x, y)) : null;
            case BinOp.FLOORDIV: return y > 0 ? PyInt.of(Math.floorDiv(x, y)) : null;
            case BinOp.AND: return PyInt.of(x & y);
            case BinOp.OR: return PyInt.of(x | y);
            case BinOp.XOR: return PyInt.of(x ^ y);
            default: return null;
        }
    }

    public static PyObject add(PyObject a, PyObject b) {
        if (a instanceof PyInt x && b instanceof PyInt y && x.big == null && y.big == null
                && a.type == PyInt.TYPE && b.type == PyInt.TYPE) {
            PyObject r = Arith.addLongs(x.value, y.value);
            if (r != null) return r;
        }
        return binary(a, b, BinOp.ADD);
    }

    // ----- comparisons -------------------------------------------------------------------

    public static PyObject richCompare(PyObject a, PyObject b, int op) {
        PyType ta = a.type, tb = b.type;
        boolean checkedReverse = false;
        PyObject r;
        if (ta != tb && tb.isSubtypeOf(ta) && overrides(tb, ta, Compare.NAME[Compare.SWAPPED[op]])) {
            checkedReverse = true;
            r = slotCompare(b, a, Compare.SWAPPED[op]);
            if (r != null && r != Py.NotImplemented) return r;
        }
        r = slotCompare(a, b, op);
        if (r != null && r != Py.NotImplemented) return r;
        if (!checkedReverse) {
            r = slotCompare(b, a, Compare.SWAPPED[op]);
            if (r != null && r != Py.NotImplemented) return r;
        }
        if (op == Compare.EQ) return PyBool.of(a == b);
        if (op == Compare.NE) return PyBool.of(a != b);
        throw Exc.typeError("'" + Compare.SYMBOL[op] + "' not supported between instances of '"
                + ta.name + "' and '" + tb.name + "'");
    }

    private static PyObject slotCompare(PyObject self, PyObject other, int op) {
        if (!self.type.heap) return self.richCompare(other, op);
        PyObject m = self.type.lookup(Compare.NAME[op]);
        if (m == null) return null;
        return callMethod(m, self, other);
    }

    public static boolean eq(PyObject a, PyObject b) {
        if (a == b) return !(a instanceof PyFloat f && Double.isNaN(f.value));
        if (a instanceof PyStr x && b instanceof PyStr y) return x.value.equals(y.value);
        if (a instanceof PyInt x && b instanceof PyInt y && x.big == null && y.big == null) return x.value == y.value;
        return isTrue(richCompare(a, b, Compare.EQ));
    }

    public static boolean lt(PyObject a, PyObject b) {
        if (a instanceof PyInt x && b instanceof PyInt y && x.big == null && y.big == null
                && a.type == PyInt.TYPE && b.type == PyInt.TYPE) return x.value < y.value;
        return isTrue(richCompare(a, b, Compare.LT));
    }

    public static boolean gt(PyObject a, PyObject b) {
        if (a instanceof PyInt x && b instanceof PyInt y && x.big == null && y.big == null
                && a.type == PyInt.TYPE && b.type == PyInt.TYPE) return x.value > y.value;
        return isTrue(richCompare(a, b, Compare.GT));
    }

    // ----- formatting ------------------------------------------------------------------

    /** format(v, spec): __format__. */
    public static String format(PyObject v, String spec) {
        if (!v.type.heap) return v.format(spec);
        PyObject r = callDunder(v, "__format__", PyStr.of(spec));
        if (!(r instanceof PyStr s)) throw Exc.typeError("__format__ must return a str, not " + r.type.name);
        return s.value;
    }

    /** ascii(): a repr with every non-ASCII character escaped. */
    public static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repr.length(); i++) {
            char ch = repr.charAt(i);
            if (ch < 128) sb.append(ch);
            else if (ch < 256) sb.append(String.format("\\x%02x", (int) ch));
            else if (Character.isHighSurrogate(ch) && i + 1 < repr.length()) {
                sb.append(String.format("\\U%08x", repr.codePointAt(i)));
                i++;
            } else sb.append(String.format("\\u%04x", (int) ch));
        }
        return sb.toString();
    }

    // ----- recursion guard for repr of self-containing containers --------------------------

    private static final ThreadLocal<IdentityHashMap<PyObject, Boolean>> REPR_STACK =
            ThreadLocal.withInitial(IdentityHashMap::new);

    /** The interpreter's recursion limit (sys.setrecursionlimit), also bounding nested reprs. */
    public static volatile int recursionLimit = 1000;

    /** Marks o as being repr'd; false when it already is (a cycle: print "[...]"). */
    public static boolean enterRepr(PyObject o) {
        IdentityHashMap<PyObject, Boolean> active = REPR_STACK.get();
        if (active.size() >= recursionLimit) {
            throw Exc.raise(Exc.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        }
        return active.put(o, Boolean.TRUE) == null;
    }

    public static void leaveRepr(PyObject o) { REPR_STACK.get().remove(o); }

    /** Iterates an object exposing only __getitem__ with 0, 1, 2, ... until IndexError. */
    static final class GetItemIterator extends PyContainer {
        static final PyType TYPE = PyType.builtin("iterator", PyType.OBJECT, null);
        /** The sequence (a counted reference). */
        private final PyObject seq;
        private long i;

        GetItemIterator(PyObject seq) { super(TYPE); this.seq = Refs.own(seq); }

        @Override public void traverse(RefVisitor v) { v.visit(seq); }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (i < 0) return null;
            try {
                return Ops.getItem(seq, PyInt.of(i++));
            } catch (PyException e) {
                if (!e.matches(Exc.IndexError) && !e.matches(Exc.StopIteration)) throw e;
                Refs.swallowed();
                i = -1;
                return null;
            }
        }
    }
}
