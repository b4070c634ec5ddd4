package toy.object;

import static toy.object.StrChars.*;
import static toy.object.StrSplit.*;

/**
 * The methods of {@code str}, with CPython 3.11's semantics and error messages
 * ({@code Objects/unicodeobject.c}, {@code Objects/stringlib/}).
 *
 * <p>Searching, splitting, joining, stripping and replacing work directly on the Java String
 * (indexOf, regionMatches, one StringBuilder pass); no PyObject is made per character. Indexes
 * are UTF-16 units, as everywhere in Toy's str. Character classification follows CPython's
 * definitions where they are small and fixed (whitespace, line breaks, the digit and numeric
 * exceptions in StrChars, generated from CPython 3.11's Unicode 14 tables) and Java's Unicode
 * tables otherwise. The character classes and case mappings live in {@link StrChars}; split,
 * splitlines, partition and join in {@link StrSplit}.
 */
public final class StrMethods {
    private StrMethods() {}

    static {
        PyType t = PyStr.TYPE;

        // ----- case conversion --------------------------------------------------------------
        def0(t, "upper", (self, s) -> same(self, s, upper(s)));
        def0(t, "lower", (self, s) -> same(self, s, lower(s)));
        def0(t, "casefold", (self, s) -> same(self, s, casefold(s)));
        def0(t, "swapcase", (self, s) -> PyStr.of(swapcase(s)));
        def0(t, "title", (self, s) -> same(self, s, title(s)));
        def0(t, "capitalize", (self, s) -> same(self, s, capitalize(s)));

        // ----- classification ---------------------------------------------------------------
        def0(t, "isascii", (self, s) -> {
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return PyBool.FALSE;
            return PyBool.TRUE;
        });
        def0(t, "isalpha", (self, s) -> all(s, Character::isLetter));
        def0(t, "isdecimal", (self, s) -> all(s, StrChars::isDecimal));
        def0(t, "isdigit", (self, s) -> all(s, StrChars::isDigit));
        def0(t, "isnumeric", (self, s) -> all(s, StrChars::isNumeric));
        def0(t, "isalnum", (self, s) -> all(s, StrChars::isAlnum));
        def0(t, "isspace", (self, s) -> {
            if (s.isEmpty()) return PyBool.FALSE;
            for (int i = 0; i < s.length(); i++) if (!isSpace(s.charAt(i))) return PyBool.FALSE;
            return PyBool.TRUE;
        });
        def0(t, "isprintable", (self, s) -> {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                if (!isPrintable(cp)) return PyBool.FALSE;
                i += Character.charCount(cp);
            }
            return PyBool.TRUE;
        });
        def0(t, "isidentifier", (self, s) -> PyBool.of(isIdentifier(s)));
        def0(t, "islower", (self, s) -> PyBool.of(isLowerStr(s)));
        def0(t, "isupper", (self, s) -> PyBool.of(isUpperStr(s)));
        def0(t, "istitle", (self, s) -> PyBool.of(isTitleStr(s)));

        // ----- padding ----------------------------------------------------------------------
        t.def("center", (self, a, k) -> justify(self, a, k, "center"));
        t.def("ljust", (self, a, k) -> justify(self, a, k, "ljust"));
        t.def("rjust", (self, a, k) -> justify(self, a, k, "rjust"));
        t.def("zfill", (self, a, k) -> {
            Args.noKeywords("str.zfill", k);
            Args.checkCount("str.zfill", a, 1, 1);
            String s = str(self);
            long width = ssize(a[0]);
            if (s.length() >= width) return same(self, s, s);
            if (width > Integer.MAX_VALUE - 16) throw Exc.memoryError();
            int fill = (int) width - s.length();
            StringBuilder sb = new StringBuilder((int) width);
            boolean sign = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-');
            if (sign) sb.append(s.charAt(0));
            for (int i = 0; i < fill; i++) sb.append('0');
            sb.append(s, sign ? 1 : 0, s.length());
            return PyStr.of(sb.toString());
        });
        t.def("expandtabs", (self, a, k) -> {
            PyObject[] p = kwArgs("expandtabs", a, k, new String[] {"tabsize"});
            int tabsize = p[0] == null ? 8 : Ops.index(p[0]).intValue();
            String s = str(self);
            if (s.indexOf('\t') < 0) return same(self, s, s);
            StringBuilder sb = new StringBuilder(s.length() + 16);
            long col = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\t') {
                    if (tabsize > 0) {
                        long incr = tabsize - (col % tabsize);
                        col += incr;
                        if (sb.length() + incr > Integer.MAX_VALUE - 16) throw Exc.overflowError("new string is too long");
                        for (long j = 0; j < incr; j++) sb.append(' ');
                    }
                } else {
                    col++;
                    sb.append(c);
                    if (c == '\n' || c == '\r') col = 0;
                }
            }
            return PyStr.of(sb.toString());
        });

        // ----- searching --------------------------------------------------------------------
        t.def("find", (self, a, k) -> PyInt.of(find(self, a, k, "find", true)));
        t.def("rfind", (self, a, k) -> PyInt.of(find(self, a, k, "rfind", false)));
        t.def("index", (self, a, k) -> {
            int r = find(self, a, k, "index", true);
            if (r < 0) throw Exc.valueError("substring not found");
            return PyInt.of(r);
        });
        t.def("rindex", (self, a, k) -> {
            int r = find(self, a, k, "rindex", false);
            if (r < 0) throw Exc.valueError("substring not found");
            return PyInt.of(r);
        });
        t.def("count", (self, a, k) -> {
            String s = str(self);
            checkFindArgs("count", a, k);
            String sub = subArg(a[0]);
            int[] r = range(a, s.length());
            int start = r[0], end = r[1];
            int n = sub.length();
            if (end - start < n) return PyInt.ZERO;
            if (n == 0) return PyInt.of(end - start + 1);
            int c = 0;
            for (int i = s.indexOf(sub, start); i >= 0 && i + n <= end; i = s.indexOf(sub, i + n)) c++;
            return PyInt.of(c);
        });
        t.def("startswith", (self, a, k) -> PyBool.of(tailMatch(self, a, k, "startswith", false)));
        t.def("endswith", (self, a, k) -> PyBool.of(tailMatch(self, a, k, "endswith", true)));

        // ----- splitting and joining --------------------------------------------------------
        t.def("split", (self, a, k) -> split(self, a, k, "split", false));
        t.def("rsplit", (self, a, k) -> split(self, a, k, "rsplit", true));
        t.def("splitlines", (self, a, k) -> {
            PyObject[] p = kwArgs("splitlines", a, k, new String[] {"keepends"});
            boolean keep = p[0] != null && Ops.index(p[0]).intValue() != 0;
            return splitlines(str(self), keep);
        });
        t.def("partition", (self, a, k) -> partition(self, a, k, "str.partition", false));
        t.def("rpartition", (self, a, k) -> partition(self, a, k, "str.rpartition", true));
        t.def("join", (self, a, k) -> {
            Args.noKeywords("str.join", k);
            Args.checkCount("str.join", a, 1, 1);
            return join(str(self), a[0]);
        });

        // ----- stripping and replacing ------------------------------------------------------
        t.def("strip", (self, a, k) -> strip(self, a, k, "strip", true, true));
        t.def("lstrip", (self, a, k) -> strip(self, a, k, "lstrip", true, false));
        t.def("rstrip", (self, a, k) -> strip(self, a, k, "rstrip", false, true));
        t.def("removeprefix", (self, a, k) -> {
            Args.noKeywords("str.removeprefix", k);
            Args.checkCount("str.removeprefix", a, 1, 1);
            String s = str(self);
            String p = strArg("removeprefix() argument", a[0]);
            return same(self, s, s.startsWith(p) ? s.substring(p.length()) : s);
        });
        t.def("removesuffix", (self, a, k) -> {
            Args.noKeywords("str.removesuffix", k);
            Args.checkCount("str.removesuffix", a, 1, 1);
            String s = str(self);
            String p = strArg("removesuffix() argument", a[0]);
            return same(self, s, !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
        });
        t.def("replace", (self, a, k) -> {
            Args.noKeywords("str.replace", k);
            Args.checkCount("replace", a, 2, 3);
            String s = str(self);
            String old = strArg("replace() argument 1", a[0]);
            String rep = strArg("replace() argument 2", a[1]);
            long count = a.length > 2 ? ssize(a[2]) : -1;
            return same(self, s, replace(s, old, rep, count));
        });

        // ----- translation ------------------------------------------------------------------
        t.def("translate", (self, a, k) -> {
            Args.noKeywords("str.translate", k);
            Args.checkCount("str.translate", a, 1, 1);
            String s = str(self);
            return same(self, s, translate(s, a[0]));
        });
        t.dict.put("maketrans", new PyStaticMethod(PyStaticMethod.STATIC,
                new PyBuiltinFunction("maketrans", StrMethods::maketrans)));

        // ----- formatting and encoding ------------------------------------------------------
        t.def("format", (self, a, k) -> PyStr.of(StrFormat.format(str(self), a, k)));
        t.def("format_map", (self, a, k) -> {
            Args.noKeywords("str.format_map", k);
            Args.checkCount("str.format_map", a, 1, 1);
            return PyStr.of(StrFormat.formatMap(str(self), a[0]));
        });
        t.def("encode", (self, a, k) -> {
            PyObject[] p = kwArgs("encode", a, k, new String[] {"encoding", "errors"});
            String enc = p[0] == null ? "utf-8" : strArg("encode() argument 'encoding'", p[0]);
            String errors = p[1] == null ? "strict" : strArg("encode() argument 'errors'", p[1]);
            return PyBytes.of(encode(str(self), enc, errors));
        });

        SlotWrappers.add(t, "__repr__", "__str__", "__hash__", "__len__", "__iter__", "__getitem__", "__contains__",
                "__add__", "__mul__", "__rmul__", "__mod__", "compare");
        // str.__rmod__(self, other) is other % self when other is a str (CPython's nb_remainder slot)
        t.def("__rmod__", (self, a, k) -> {
            Args.checkCount("__rmod__", a, 1, 1);
            return a[0] instanceof PyStr o ? PercentFormat.format(o, self) : Py.NotImplemented;
        });
        t.def("__format__", (self, a, k) -> {
            Args.noKeywords("str.__format__", k);
            Args.checkCount("str.__format__", a, 1, 1);
            String spec = strArg("__format__() argument", a[0]);
            // an empty spec gives str(self), which a subclass may override
            return PyStr.of(spec.isEmpty() ? Ops.str(self) : self.format(spec));
        });
        t.def("__getnewargs__", (self, a, k) -> PyTuple.of(PyStr.of(str(self))));
    }

    /** Forces the static initialiser (the method table of str) to run. */
    public static void init() {}

    static PyObject newStr(PyType cls, PyObject[] args, String[] kw) {
        PyObject[] a = Args.parse("str", args, kw, new String[] {"object", "encoding", "errors"}, 0, 3);
        String s;
        if (a[1] == null && a[2] == null) {
            s = a[0] == null ? "" : Ops.str(a[0]);
        } else {
            String enc = a[1] == null ? "utf-8" : strArg("str() argument 'encoding'", a[1]);
            String errors = a[2] == null ? "strict" : strArg("str() argument 'errors'", a[2]);
            if (a[0] == null) s = "";
            else if (a[0] instanceof PyBytes b) s = decode(b.value, enc, errors);
            else if (a[0] instanceof PyStr) throw Exc.typeError("decoding str is not supported");
            else throw Exc.typeError("decoding to str: need a bytes-like object, " + a[0].type.name + " found");
        }
        return cls == PyStr.TYPE ? PyStr.of(s) : PyStr.ofType(cls, s);
    }

    // =========================================================================================
    // argument helpers
    // =========================================================================================

    private interface StrFn {
        PyObject apply(PyObject self, String s);
    }

    private interface CpTest {
        boolean test(int cp);
    }

    /** A method taking no arguments: {@code str.upper() takes no arguments (1 given)}. */
    private static void def0(PyType t, String name, StrFn fn) {
        String q = "str." + name;
        t.def(name, (self, a, k) -> {
            Args.noKeywords(q, k);
            Args.checkCount(q, a, 0, 0);
            return fn.apply(self, ((PyStr) self).value);
        });
    }

    static String str(PyObject self) { return ((PyStr) self).value; }

    /** The result of a method that may leave the string unchanged: CPython returns self then. */
    private static PyObject same(PyObject self, String s, String r) {
        if (r.equals(s) && self.type == PyStr.TYPE) return self;
        return PyStr.of(r);
    }

    /** An argument checked by Argument Clinic: {@code replace() argument 1 must be str, not None}. */
    private static String strArg(String what, PyObject o) {
        if (o instanceof PyStr p) return p.value;
        throw Exc.typeError(what + " must be str, not " + acName(o));
    }

    /** The type name in Argument Clinic's messages (None is shown as None). */
    static String acName(PyObject o) { return o == Py.None ? "None" : o.type.name; }

    static String subArg(PyObject o) {
        if (o instanceof PyStr p) return p.value;
        throw Exc.typeError("must be str, not " + o.type.name);
    }

    /** A Py_ssize_t argument (__index__). */
    static long ssize(PyObject o) {
        return Ops.index(o).longValue();
    }

    /**
     * Keyword-capable arguments of the old-style parser ({@code split}, {@code encode} ...):
     * all parameters optional, each by position or by name.
     */
    static PyObject[] kwArgs(String fname, PyObject[] args, String[] kwnames, String[] names) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        if (args.length > names.length) {
            throw Exc.typeError(fname + "() takes at most " + names.length + " argument" + (names.length == 1 ? "" : "s")
                    + " (" + args.length + " given)");
        }
        PyObject[] out = new PyObject[names.length];
        System.arraycopy(args, 0, out, 0, npos);
        for (int i = 0; i < nkw; i++) {
            int j = -1;
            for (int n = 0; n < names.length; n++) if (names[n].equals(kwnames[i])) j = n;
            if (j < 0) throw Exc.typeError("'" + kwnames[i] + "' is an invalid keyword argument for " + fname + "()");
            if (out[j] != null) {
                throw Exc.typeError("argument for " + fname + "() given by name ('" + kwnames[i] + "') and position ("
                        + (j + 1) + ")");
            }
            out[j] = args[npos + i];
        }
        return out;
    }

    private static PyObject all(String s, CpTest test) {
        if (s.isEmpty()) return PyBool.FALSE;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!test.test(cp)) return PyBool.FALSE;
            i += Character.charCount(cp);
        }
        return PyBool.TRUE;
    }

    // =========================================================================================
    // padding
    // =========================================================================================

    private static PyObject justify(PyObject self, PyObject[] a, String[] k, String name) {
        Args.noKeywords("str." + name, k);
        Args.checkCount(name, a, 1, 2);
        String s = str(self);
        long width = ssize(a[0]);
        char fill = ' ';
        if (a.length > 1) {
            if (!(a[1] instanceof PyStr f)) {
                throw Exc.typeError("The fill character must be a unicode character, not " + a[1].type.name);
            }
            if (f.value.length() != 1) throw Exc.typeError("The fill character must be exactly one character long");
            fill = f.value.charAt(0);
        }
        int len = s.length();
        if (width <= len) return same(self, s, s);
        if (width > Integer.MAX_VALUE - 16) throw Exc.memoryError();
        int marg = (int) width - len;
        int left;
        switch (name) {
            case "ljust" -> left = 0;
            case "rjust" -> left = marg;
            default -> left = marg / 2 + (marg & (int) width & 1);
        }
        return PyStr.of(pad(s, left, marg - left, fill));
    }

    static String pad(String s, int left, int right, char fill) {
        StringBuilder sb = new StringBuilder(s.length() + left + right);
        for (int i = 0; i < left; i++) sb.append(fill);
        sb.append(s);
        for (int i = 0; i < right; i++) sb.append(fill);
        return sb.toString();
    }

    // =========================================================================================
    // searching
    // =========================================================================================

    private static void checkFindArgs(String fname, PyObject[] a, String[] k) {
        if (k != null && k.length > 0) throw Exc.typeError("str." + fname + "() takes no keyword arguments");
        if (a.length < 1) throw Exc.typeError(fname + "() takes at least 1 argument (" + a.length + " given)");
        if (a.length > 3) throw Exc.typeError(fname + "() takes at most 3 arguments (" + a.length + " given)");
    }

    /** _PyEval_SliceIndex: None, or any __index__ value clamped to the ssize_t range. */
    static long sliceIndex(PyObject o, long dflt) {
        if (o == null || o == Py.None) return dflt;
        PyObject i = Ops.indexOrNull(o);
        if (i == null) throw Exc.typeError("slice indices must be integers or None or have an __index__ method");
        PyInt n = (PyInt) i;
        if (n.isSmall()) return n.value;
        return n.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** start and end (arguments 1 and 2 of a) adjusted to [0, len] as CPython's ADJUST_INDICES. */
    private static int[] range(PyObject[] a, int len) {
        long start = sliceIndex(a.length > 1 ? a[1] : null, 0);
        long end = sliceIndex(a.length > 2 ? a[2] : null, Long.MAX_VALUE);
        if (end > len) end = len;
        else if (end < 0) {
            end += len;
            if (end < 0) end = 0;
        }
        if (start < 0) {
            start += len;
            if (start < 0) start = 0;
        }
        // start may exceed len; keep it comparable without overflow
        return new int[] {(int) Math.min(start, (long) len + 1), (int) end};
    }

    private static int find(PyObject self, PyObject[] a, String[] k, String fname, boolean forward) {
        String s = str(self);
        checkFindArgs(fname, a, k);
        String sub = subArg(a[0]);
        int[] r = range(a, s.length());
        int start = r[0], end = r[1];
        int n = sub.length();
        if (end - start < n) return -1;
        if (forward) {
            int i = s.indexOf(sub, start);
            return i >= 0 && i + n <= end ? i : -1;
        }
        int i = s.lastIndexOf(sub, end - n);
        return i >= start ? i : -1;
    }

    private static boolean tailMatch(PyObject self, PyObject[] a, String[] k, String fname, boolean atEnd) {
        String s = str(self);
        checkFindArgs(fname, a, k);
        int[] r = range(a, s.length());
        PyObject x = a[0];
        if (x instanceof PyTuple tu) {
            for (PyObject item : tu.items) {
                if (!(item instanceof PyStr p)) {
                    throw Exc.typeError("tuple for " + fname + " must only contain str, not " + item.type.name);
                }
                if (tailMatch(s, p.value, r[0], r[1], atEnd)) return true;
            }
            return false;
        }
        if (!(x instanceof PyStr p)) {
            throw Exc.typeError(fname + " first arg must be str or a tuple of str, not " + x.type.name);
        }
        return tailMatch(s, p.value, r[0], r[1], atEnd);
    }

    private static boolean tailMatch(String s, String sub, int start, int end, boolean atEnd) {
        end -= sub.length();
        if (end < start) return false;
        if (sub.isEmpty()) return true;
        return s.startsWith(sub, atEnd ? end : start);
    }

    // =========================================================================================
    // strip, replace
    // =========================================================================================

    private static PyObject strip(PyObject self, PyObject[] a, String[] k, String name, boolean left, boolean right) {
        Args.noKeywords("str." + name, k);
        Args.checkCount(name, a, 0, 1);
        String s = str(self);
        int i = 0, j = s.length();
        if (a.length == 0 || a[0] == Py.None) {
            if (left) while (i < j && isSpace(s.charAt(i))) i++;
            if (right) while (j > i && isSpace(s.charAt(j - 1))) j--;
        } else {
            if (!(a[0] instanceof PyStr c)) throw Exc.typeError(name + " arg must be None or str");
            String chars = c.value;
            if (left) while (i < j && chars.indexOf(s.charAt(i)) >= 0) i++;
            if (right) while (j > i && chars.indexOf(s.charAt(j - 1)) >= 0) j--;
        }
        if (i == 0 && j == s.length()) return same(self, s, s);
        return PyStr.of(s.substring(i, j));
    }

    static String replace(String s, String old, String rep, long count) {
        if (count < 0) count = Long.MAX_VALUE;
        if (count == 0) return s;
        if (old.isEmpty()) {
            long n = Math.min(count, (long) s.length() + 1);
            if (s.length() + n * rep.length() > Integer.MAX_VALUE - 16) throw Exc.overflowError("replace string is too long");
            StringBuilder sb = new StringBuilder((int) (s.length() + n * rep.length()));
            int i = 0;
            for (long c = 0; c < n; c++) {
                sb.append(rep);
                if (i < s.length()) sb.append(s.charAt(i++));
            }
            sb.append(s, i, s.length());
            return sb.toString();
        }
        int i = s.indexOf(old);
        if (i < 0) return s;
        if (count == Long.MAX_VALUE && old.length() == 1 && rep.length() == 1) return s.replace(old.charAt(0), rep.charAt(0));
        StringBuilder sb = new StringBuilder(s.length() + Math.max(0, rep.length() - old.length()) * 4);
        int from = 0;
        for (; i >= 0 && count > 0; count--, i = s.indexOf(old, from)) {
            sb.append(s, from, i).append(rep);
            from = i + old.length();
            if (sb.length() > Integer.MAX_VALUE - 16 - rep.length()) throw Exc.overflowError("replace string is too long");
        }
        sb.append(s, from, s.length());
        return sb.toString();
    }

    // =========================================================================================
    // translate, maketrans
    // =========================================================================================

    static String translate(String s, PyObject table) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean fastDict = table.type == PyDict.TYPE;
        // results for ASCII characters are cached, as CPython does: the table is asked once per character value
        Object[] cache = new Object[128];
        Object none = new Object(), keep = new Object();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Object r = cp < 128 ? cache[cp] : null;
            if (r == null) {
                PyObject v;
                if (fastDict) {
                    v = ((PyDict) table).get(PyInt.of(cp));
                } else {
                    try {
                        v = Ops.getItem(table, PyInt.of(cp));
                    } catch (PyException e) {
                        if (!e.matches(Exc.LookupError)) throw e;
                        v = null;
                    }
                }
                if (v == null) {
                    r = keep;
                } else if (v == Py.None) {
                    r = none;
                } else if (v instanceof PyInt n) {
                    long x = n.isSmall() ? n.value : -1;
                    if (x < 0 || x > 0x10ffff) throw Exc.valueError("character mapping must be in range(0x110000)");
                    r = new String(Character.toChars((int) x));
                } else if (v instanceof PyStr ps) {
                    r = ps.value;
                } else {
                    throw Exc.typeError("character mapping must return integer, None or str");
                }
                if (cp < 128) cache[cp] = r;
            }
            if (r == keep) sb.appendCodePoint(cp);
            else if (r != none) sb.append((String) r);
        }
        return sb.toString();
    }

    private static PyObject maketrans(PyObject[] a, String[] k) {
        Args.noKeywords("str.maketrans", k);
        Args.checkCount("maketrans", a, 1, 3);
        PyDict out = new PyDict();
        if (a.length > 1 && !(a[1] instanceof PyStr)) {
            throw Exc.typeError("maketrans() argument 2 must be str, not " + acName(a[1]));
        }
        if (a.length > 2 && !(a[2] instanceof PyStr)) {
            throw Exc.typeError("maketrans() argument 3 must be str, not " + acName(a[2]));
        }
        if (a.length == 1) {
            if (!(a[0] instanceof PyDict d)) {
                throw Exc.typeError("if you give only one argument to maketrans it must be a dict");
            }
            for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) {
                PyObject key = d.keyAt(p);
                PyObject val = d.valueAt(p);
                if (key instanceof PyStr ks) {
                    if (ks.value.length() != 1) {
                        throw Exc.valueError("string keys in translate table must be of length 1");
                    }
                    out.put(PyInt.of(ks.value.charAt(0)), val);
                } else if (key instanceof PyInt) {
                    out.put(key, val);
                } else {
                    throw Exc.typeError("keys in translate table must be strings or integers");
                }
            }
            return out;
        }
        if (!(a[0] instanceof PyStr xs)) {
            throw Exc.typeError("first maketrans argument must be a string if there is a second argument");
        }
        String x = xs.value, y = ((PyStr) a[1]).value;
        if (x.length() != y.length()) {
            throw Exc.valueError("the first two maketrans arguments must have equal length");
        }
        for (int i = 0; i < x.length(); i++) out.put(PyInt.of(x.charAt(i)), PyInt.of(y.charAt(i)));
        if (a.length > 2) {
            String z = ((PyStr) a[2]).value;
            for (int i = 0; i < z.length(); i++) out.put(PyInt.of(z.charAt(i)), Py.None);
        }
        return out;
    }

    /** str.encode(encoding, errors); see {@link StrCodecs}. */
    public static byte[] encode(String s, String encoding, String errors) { return StrCodecs.encode(s, encoding, errors); }

    /** bytes.decode(encoding, errors); see {@link StrCodecs}. */
    public static String decode(byte[] b, String encoding, String errors) { return StrCodecs.decode(b, encoding, errors); }
}
