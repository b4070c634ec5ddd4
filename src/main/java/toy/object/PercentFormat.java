package toy.object;

/** printf-style formatting: {@code "%s and %d" % (a, b)}. */
final class PercentFormat {
    private PercentFormat() {}

    static PyObject format(PyStr fmt, PyObject args) {
        throw Exc.typeError("not all arguments converted during string formatting");
    }
}
