package toy.object;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code str}: an immutable Java String. Indexing is by UTF-16 unit, which equals CPython's
 * code-point indexing for every character outside the astral planes (a documented limit).
 * One-character strings below U+0100 and interned identifiers are cached and immortal.
 */
public class PyStr extends PyObject {
    public static final PyType TYPE = PyType.builtin("str", PyType.OBJECT, StrMethods::newStr);
    private static final PyStr[] CHARS = new PyStr[256];
    private static final ConcurrentHashMap<String, PyStr> INTERNED = new ConcurrentHashMap<>();
    public static final PyStr EMPTY;

    static {
        for (int i = 0; i < CHARS.length; i++) {
            CHARS[i] = new PyStr(TYPE, String.valueOf((char) i));
            CHARS[i].refcnt = Refs.IMMORTAL;
        }
        EMPTY = new PyStr(TYPE, "");
        EMPTY.refcnt = Refs.IMMORTAL;
    }

    public final String value;
    private long hash = -1;

    protected PyStr(PyType type, String value) {
        super(type);
        this.value = value;
    }

    public static PyStr of(String s) {
        int n = s.length();
        if (n == 1 && s.charAt(0) < 256) return CHARS[s.charAt(0)];
        if (n == 0) return EMPTY;
        return new PyStr(TYPE, s);
    }

    public static PyStr of(char c) {
        return c < 256 ? CHARS[c] : new PyStr(TYPE, String.valueOf(c));
    }

    /** The shared immortal PyStr for an identifier (attribute and variable names). */
    public static PyStr intern(String s) {
        PyStr p = INTERNED.get(s);
        if (p == null) {
            PyStr fresh = s.length() == 1 && s.charAt(0) < 256 ? CHARS[s.charAt(0)] : new PyStr(TYPE, s);
            fresh.refcnt = Refs.IMMORTAL;
            p = INTERNED.putIfAbsent(s, fresh);
            if (p == null) p = fresh;
        }
        return p;
    }

    public static PyStr ofType(PyType t, String s) { return Refs.bornScalarInstance(new PyStr(t, s)); }

    @Override public String repr() { return StrRepr.reprStr(value); }

    @Override public String str() { return value; }

    @Override public long hash() {
        long h = hash;
        if (h == -1) {
            h = value.hashCode() * 0x9E3779B97F4A7C15L;
            h ^= (h >>> 29);
            if (h == -1) h = -2;
            hash = h;
        }
        return h;
    }

    @Override public boolean isTrue() { return !value.isEmpty(); }

    @Override public int length() { return value.length(); }

    @Override public PyObject iter() { return new StrIterator(this); }

    @Override public int contains(PyObject v) {
        if (!(v instanceof PyStr s)) {
            throw Exc.typeError("'in <string>' requires string as left operand, not " + v.type.name);
        }
        return value.contains(s.value) ? 1 : 0;
    }

    @Override public PyObject getItem(PyObject key) {
        if (key instanceof PyInt i) {
            long idx = i.longValue();
            int n = value.length();
            if (idx < 0) idx += n;
            if (idx < 0 || idx >= n) throw Exc.indexError("string index out of range");
            return of(value.charAt((int) idx));
        }
        if (key instanceof PySlice sl) {
            int[] r = sl.indices(value.length());
            int start = r[0], stop = r[1], step = r[2], len = r[3];
            if (step == 1) return of(len <= 0 ? "" : value.substring(start, start + len));
            StringBuilder sb = new StringBuilder(Math.max(len, 0));
            for (int k = 0, j = start; k < len; k++, j += step) sb.append(value.charAt(j));
            return of(sb.toString());
        }
        PyObject idx = Ops.indexOrNull(key);
        if (idx != null) return getItem(idx);
        throw Exc.typeError("string indices must be integers, not '" + key.type.name + "'");
    }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op == BinOp.ADD && !reflected) {
            if (other instanceof PyStr s) return of(value.concat(s.value));
            return null;
        }
        if (op == BinOp.MUL) {
            if (other instanceof PyInt n) return of(repeat(value, n));
            PyObject idx = Ops.indexOrNull(other);
            if (idx != null) return of(repeat(value, (PyInt) idx));
            return null;
        }
        if (op == BinOp.MOD && !reflected) return PercentFormat.format(this, other);
        return null;
    }

    static String repeat(String s, PyInt n) {
        if (n.signum() <= 0 || s.isEmpty()) return "";
        if (!n.isSmall()) throw Exc.overflowError("cannot fit 'int' into an index-sized integer");
        long count = n.longValue();
        if (count * s.length() > Integer.MAX_VALUE - 16) throw Exc.memoryError();
        return s.repeat((int) count);
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (other instanceof PyStr s) {
            if (op == Compare.EQ) return PyBool.of(value.equals(s.value));
            if (op == Compare.NE) return PyBool.of(!value.equals(s.value));
            return PyBool.of(Compare.result(value.compareTo(s.value), op));
        }
        return null;
    }

    @Override public String format(String spec) {
        try {
            return FloatFormat.formatStr(value, spec);
        } catch (IllegalArgumentException e) {
            throw Exc.valueError(e.getMessage());
        }
    }

    /** Iterator over the characters of a str. */
    static final class StrIterator extends PyObject {
        static final PyType TYPE = PyType.builtin("str_iterator", PyType.OBJECT, null);
        private final String s;
        private int i;

        StrIterator(PyStr s) { super(TYPE); this.s = s.value; }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() { return i < s.length() ? PyStr.of(s.charAt(i++)) : null; }
    }
}
