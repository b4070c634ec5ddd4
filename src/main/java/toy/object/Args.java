package toy.object;

/** Argument checking and parsing for functions implemented in Java, with CPython's messages. */
public final class Args {
    private Args() {}

    public static void noKeywords(String fname, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) throw Exc.typeError(fname + "() takes no keyword arguments");
    }

    /** Checks the number of (positional-only) arguments. */
    public static void checkCount(String fname, PyObject[] args, int min, int max) {
        int n = args.length;
        if (n >= min && n <= max) return;
        if (min == max) {
            if (min == 0) throw Exc.typeError(fname + "() takes no arguments (" + n + " given)");
            if (min == 1) throw Exc.typeError(fname + "() takes exactly one argument (" + n + " given)");
            throw Exc.typeError(fname + " expected " + min + " arguments, got " + n);
        }
        if (n < min) throw Exc.typeError(fname + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        throw Exc.typeError(fname + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
    }

    /**
     * Binds vectorcall arguments to named parameters: the first maxPositional may be given by
     * position, any by keyword; the first required must be present. Missing optional
     * parameters are null in the result.
     */
    public static PyObject[] parse(String fname, PyObject[] args, String[] kwnames, String[] names,
                                   int required, int maxPositional) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        if (npos > maxPositional) {
            throw Exc.typeError(fname + "() takes at most " + maxPositional + " argument" + (maxPositional == 1 ? "" : "s")
                    + " (" + npos + " given)");
        }
        PyObject[] out = new PyObject[names.length];
        System.arraycopy(args, 0, out, 0, npos);
        for (int i = 0; i < nkw; i++) {
            String k = kwnames[i];
            int j = indexOf(names, k);
            if (j < 0) throw Exc.typeError(fname + "() got an unexpected keyword argument '" + k + "'");
            if (out[j] != null) {
                throw Exc.typeError("argument for " + fname + "() given by name ('" + k + "') and position (" + (j + 1) + ")");
            }
            out[j] = args[npos + i];
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == null) {
                throw Exc.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        return out;
    }

    private static int indexOf(String[] names, String k) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(k)) return i;
        return -1;
    }

    /** The positional part of vectorcall arguments. */
    public static int positional(PyObject[] args, String[] kwnames) {
        return args.length - (kwnames == null ? 0 : kwnames.length);
    }

    public static int intArg(PyObject o) { return Ops.index(o).intValue(); }

    public static String strArg(String fname, PyObject o) {
        if (o instanceof PyStr s) return s.value;
        throw Exc.typeError(fname + "() argument must be str, not " + o.type.name);
    }
}
