package toy.object;

/** The methods of {@code str}. */
public final class StrMethods {
    private StrMethods() {}

    static PyObject newStr(PyType cls, PyObject[] args, String[] kw) {
        PyObject[] a = Args.parse("str", args, kw, new String[] {"object", "encoding", "errors"}, 0, 3);
        String s = a[0] == null ? "" : Ops.str(a[0]);
        return cls == PyStr.TYPE ? PyStr.of(s) : PyStr.ofType(cls, s);
    }
}
