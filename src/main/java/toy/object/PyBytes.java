package toy.object;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code bytes}: an immutable byte string. Toy's programs are about text, so this is the
 * small core that literals, indexing, comparison, concatenation and decode need.
 */
public final class PyBytes extends PyObject {
    public static final PyType TYPE = PyType.builtin("bytes", PyType.OBJECT,
            (cls, a, k) -> cls == PyBytes.TYPE ? of(construct(a, k)) : Refs.bornScalarInstance(new PyBytes(cls, construct(a, k))));

    /** bytes(source, encoding, errors)'s value. */
    private static byte[] construct(PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("bytes", a, k, new String[] {"source", "encoding", "errors"}, 0, 3);
        if (p[0] == null) return new byte[0];
        if (p[0] instanceof PyStr s) {
            if (p[1] == null) throw Exc.typeError("string argument without an encoding");
            return StrMethods.encode(s.value, Ops.str(p[1]), p[2] == null ? "strict" : Ops.str(p[2]));
        }
        if (p[0] instanceof PyInt n) return new byte[n.intValue()];
        PyObject[] items = SeqMethods.toArray(p[0]);
        byte[] b = new byte[items.length];
        for (int i = 0; i < b.length; i++) {
            int v = Ops.index(items[i]).intValue();
            if (v < 0 || v > 255) throw Exc.valueError("bytes must be in range(0, 256)");
            b[i] = (byte) v;
        }
        return b;
    }

    final byte[] value;

    private PyBytes(byte[] value) {
        this(TYPE, value);
    }

    /** type: bytes, or a script's subclass of it. */
    private PyBytes(PyType type, byte[] value) {
        super(type);
        this.value = value;
    }

    public static PyBytes of(byte[] b) { return new PyBytes(b); }

    static {
        TYPE.def("decode", (self, a, k) -> {
            PyObject[] p = Args.parse("decode", a, k, new String[] {"encoding", "errors"}, 0, 2);
            return PyStr.of(StrMethods.decode(((PyBytes) self).value, p[0] == null ? "utf-8" : Ops.str(p[0]),
                    p[1] == null ? "strict" : Ops.str(p[1])));
        });
        TYPE.def("hex", (self, a, k) -> {
            StringBuilder sb = new StringBuilder();
            for (byte x : ((PyBytes) self).value) sb.append(String.format("%02x", x & 0xFF));
            return PyStr.of(sb.toString());
        });
        SlotWrappers.add(TYPE, "__repr__", "__hash__", "__len__", "__iter__", "__getitem__", "__contains__", "__add__", "compare");
    }

    @Override public String repr() {
        boolean dq = false, sq = false;
        for (byte x : value) { if (x == '\'') sq = true; if (x == '"') dq = true; }
        char q = sq && !dq ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(q);
        for (byte x : value) {
            int c = x & 0xFF;
            if (c == q || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 32 || c >= 127) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        return sb.append(q).toString();
    }

    @Override public long hash() { return Arrays.hashCode(value) * 0x9E3779B97F4A7C15L; }

    @Override public boolean isTrue() { return value.length != 0; }

    @Override public int length() { return value.length; }

    @Override public PyObject iter() {
        PyObject[] items = new PyObject[value.length];
        for (int i = 0; i < items.length; i++) items[i] = PyInt.of(value[i] & 0xFF);
        return PyTuple.of(items).iter();
    }

    @Override public PyObject getItem(PyObject key) {
        if (key instanceof PySlice sl) {
            int[] r = sl.indices(value.length);
            byte[] out = new byte[Math.max(r[3], 0)];
            for (int i = 0, j = r[0]; i < out.length; i++, j += r[2]) out[i] = value[j];
            return of(out);
        }
        long i = Ops.index(key).longValue();
        if (i < 0) i += value.length;
        if (i < 0 || i >= value.length) throw Exc.indexError("index out of range");
        return PyInt.of(value[(int) i] & 0xFF);
    }

    @Override public int contains(PyObject v) {
        if (v instanceof PyInt n) {
            for (byte x : value) if ((x & 0xFF) == n.longValue()) return 1;
            return 0;
        }
        if (v instanceof PyBytes b) {
            outer:
            for (int i = 0; i + b.value.length <= value.length; i++) {
                for (int j = 0; j < b.value.length; j++) if (value[i + j] != b.value[j]) continue outer;
                return 1;
            }
            return 0;
        }
        throw Exc.typeError("a bytes-like object is required, not '" + v.type.name + "'");
    }

    @Override public PyObject binaryOp(int op, PyObject other, boolean reflected) {
        if (op == BinOp.ADD && !reflected && other instanceof PyBytes b) {
            byte[] r = Arrays.copyOf(value, value.length + b.value.length);
            System.arraycopy(b.value, 0, r, value.length, b.value.length);
            return of(r);
        }
        if (op == BinOp.MUL) {
            PyObject n = other instanceof PyInt ? other : Ops.indexOrNull(other);
            return n == null ? null : of(repeat(value, (PyInt) n));
        }
        return null;
    }

    /** bytes * n (and n * bytes): empty for n <= 0, as CPython. */
    private static byte[] repeat(byte[] b, PyInt n) {
        if (n.signum() <= 0 || b.length == 0) return new byte[0];
        if (!n.isSmall()) throw Exc.overflowError("cannot fit 'int' into an index-sized integer");
        long count = n.longValue();
        if (count * b.length > Integer.MAX_VALUE - 16) throw Exc.memoryError();
        byte[] r = new byte[(int) (count * b.length)];
        for (int i = 0; i < count; i++) System.arraycopy(b, 0, r, i * b.length, b.length);
        return r;
    }

    @Override public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyBytes b)) return null;
        return PyBool.of(Compare.result(Arrays.compareUnsigned(value, b.value), op));
    }
}
