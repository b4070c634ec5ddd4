package toy.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/**
 * The methods of {@code str}, with CPython 3.11's semantics and error messages
 * ({@code Objects/unicodeobject.c}, {@code Objects/stringlib/}).
 *
 * <p>Searching, splitting, joining, stripping and replacing work directly on the Java String
 * (indexOf, regionMatches, one StringBuilder pass); no PyObject is made per character. Indexes
 * are UTF-16 units, as everywhere in Toy's str. Character classification follows CPython's
 * definitions where they are small and fixed (whitespace, line breaks, the digit and numeric
 * exceptions below, generated from CPython 3.11's Unicode 14 tables) and Java's Unicode tables
 * otherwise.
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
        def0(t, "isdecimal", (self, s) -> all(s, StrMethods::isDecimal));
        def0(t, "isdigit", (self, s) -> all(s, StrMethods::isDigit));
        def0(t, "isnumeric", (self, s) -> all(s, StrMethods::isNumeric));
        def0(t, "isalnum", (self, s) -> all(s, StrMethods::isAlnum));
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

    private static String subArg(PyObject o) {
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
    private static PyObject[] kwArgs(String fname, PyObject[] args, String[] kwnames, String[] names) {
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

    // =========================================================================================
    // character classes
    // =========================================================================================

    /** CPython's Py_UNICODE_ISSPACE: the characters str.split() and str.strip() treat as whitespace. */
    static boolean isSpace(char c) {
        if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** The line boundaries of str.splitlines(). */
    static boolean isLineBreak(char c) {
        return (c >= '\n' && c <= '\r') || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isDecimal(int cp) { return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER; }

    /** Characters with Numeric_Type=Digit that are not decimal digits (CPython 3.11, Unicode 14). */
    private static final int[][] DIGIT_RANGES = {
        {0xb2, 0xb3}, {0xb9, 0xb9}, {0x1369, 0x1371}, {0x19da, 0x19da}, {0x2070, 0x2070}, {0x2074, 0x2079},
        {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247c}, {0x2488, 0x2490}, {0x24ea, 0x24ea}, {0x24f5, 0x24fd},
        {0x24ff, 0x24ff}, {0x2776, 0x277e}, {0x2780, 0x2788}, {0x278a, 0x2792}, {0x10a40, 0x10a43},
        {0x10e60, 0x10e68}, {0x11052, 0x1105a}, {0x1f100, 0x1f10a},
    };

    /** Letters (category Lo) that CPython 3.11 classifies as numeric (CJK numerals). */
    private static final int[] NUMERIC_LETTERS = {
        0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96, 0x4ebf,
        0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344,
        0x5345, 0x534c, 0x53c1, 0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c,
        0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e, 0x8086, 0x842c, 0x8cae, 0x8cb3,
        0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973, 0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd,
        0x20001, 0x20064, 0x200e2, 0x20121, 0x2092a, 0x20983, 0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19,
        0x22390, 0x22998, 0x23b1b, 0x2626d, 0x2f890,
    };

    static boolean isDigit(int cp) {
        if (cp < 128) return cp >= '0' && cp <= '9';
        if (isDecimal(cp)) return true;
        for (int[] r : DIGIT_RANGES) if (cp >= r[0] && cp <= r[1]) return true;
        return false;
    }

    static boolean isNumeric(int cp) {
        if (cp < 128) return cp >= '0' && cp <= '9';
        int t = Character.getType(cp);
        if (t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER) return true;
        return Arrays.binarySearch(NUMERIC_LETTERS, cp) >= 0;
    }

    static boolean isAlnum(int cp) {
        if (cp < 128) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
        return Character.isLetter(cp) || isNumeric(cp);
    }

    static boolean isPrintable(int cp) {
        if (cp < 128) return cp >= 32 && cp < 127;
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Unicode's Case_Ignorable property. */
    static boolean isCaseIgnorable(int cp) {
        switch (cp) {
            case '\'', '.', ':', '^', '`', 0xb7, 0x387, 0x5f4, 0x2018, 0x2019, 0x2024, 0xfe13, 0xfe52, 0xfe55, 0xff07,
                 0xff0e, 0xff1a:
                return true;
            default:
                break;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                 Character.MODIFIER_SYMBOL:
                return true;
            default:
                return false;
        }
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

    /** Characters Java accepts in identifiers that are not XID_Continue (NFKC-unstable ones). */
    private static final int[] NOT_XID_CONTINUE = {
        0x37a, 0x2e2f, 0x309b, 0x309c, 0xfc5e, 0xfc5f, 0xfc60, 0xfc61, 0xfc62, 0xfc63, 0xfdfa, 0xfdfb, 0xfe70,
        0xfe72, 0xfe74, 0xfe76, 0xfe78, 0xfe7a, 0xfe7c, 0xfe7e,
    };

    /** Further characters that may continue but not start an identifier (not XID_Start). */
    private static final int[] NOT_XID_START = {0xe33, 0xeb3, 0xff9e, 0xff9f};

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int cp = s.codePointAt(0);
        if (!(cp == '_' || Character.isUnicodeIdentifierStart(cp))) return false;
        if (cp >= 0x37a && (Arrays.binarySearch(NOT_XID_CONTINUE, cp) >= 0 || Arrays.binarySearch(NOT_XID_START, cp) >= 0)) {
            return false;
        }
        for (int i = Character.charCount(cp); i < s.length(); ) {
            cp = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) return false;
            if (cp >= 0x37a && Arrays.binarySearch(NOT_XID_CONTINUE, cp) >= 0) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isLowerStr(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) return false;
            if (!cased && Character.isLowerCase(cp)) cased = true;
            i += Character.charCount(cp);
        }
        return cased;
    }

    private static boolean isUpperStr(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) return false;
            if (!cased && Character.isUpperCase(cp)) cased = true;
            i += Character.charCount(cp);
        }
        return cased;
    }

    private static boolean isTitleStr(String s) {
        boolean cased = false, prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (prevCased) return false;
                prevCased = true;
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!prevCased) return false;
                prevCased = true;
                cased = true;
            } else {
                prevCased = false;
            }
            i += Character.charCount(cp);
        }
        return cased;
    }

    // =========================================================================================
    // case mapping (full mappings, final sigma as in CPython)
    // =========================================================================================

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    static String upper(String s) { return s.toUpperCase(Locale.ROOT); }

    static String lower(String s) {
        if (isAscii(s)) return s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The full lowercase mapping of the code point at index i of s (the context is for final sigma). */
    private static void appendLower(StringBuilder sb, String s, int i, int cp) {
        if (cp < 128) {
            sb.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        } else if (cp == 0x3a3) {
            sb.append(finalSigma(s, i) ? '\u03c2' : '\u03c3');
        } else if (cp == 0x130) {
            sb.append("i\u0307");
        } else {
            sb.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    /** CPython's handle_capital_sigma: is the capital sigma at index i in the Final_Sigma context? */
    private static boolean finalSigma(String s, int i) {
        int j = i;
        int c = 0;
        boolean found = false;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) { found = true; break; }
        }
        if (!found || !isCased(c)) return false;
        j = i + 1;
        while (j < s.length()) {
            c = s.codePointAt(j);
            if (!isCaseIgnorable(c)) return !isCased(c);
            j += Character.charCount(c);
        }
        return true;
    }

    private static void appendUpper(StringBuilder sb, int cp) {
        if (cp < 128) sb.append((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
        else sb.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
    }

    /** The full titlecase mapping of one code point. */
    private static void appendTitle(StringBuilder sb, int cp) {
        if (cp < 128) {
            sb.append((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
            return;
        }
        String up = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        int t = Character.toTitleCase(cp);
        if (up.codePointCount(0, up.length()) <= 1 || t != cp || Character.isTitleCase(cp)) {
            sb.appendCodePoint(t);
            return;
        }
        if (cp >= 0x1f80 && cp <= 0x1fff && up.endsWith("\u0399")) {
            // Greek with ypogegrammeni: the iota stays a combining ypogegrammeni in title case
            sb.append(up, 0, up.length() - 1).append('\u0345');
            return;
        }
        if (cp == 0xdf || (cp >= 0xfb00 && cp <= 0xfb06) || (cp >= 0xfb13 && cp <= 0xfb17) || cp == 0x587) {
            // ligatures: the first letter upper case, the rest lower case ("ß" -> "Ss")
            int first = up.codePointAt(0);
            sb.appendCodePoint(first);
            sb.append(up.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
            return;
        }
        sb.append(up);
    }

    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp)) appendLower(sb, s, i, cp);
            else if (Character.isLowerCase(cp)) appendUpper(sb, cp);
            else sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (prevCased) appendLower(sb, s, i, cp);
            else appendTitle(sb, cp);
            prevCased = isCased(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String capitalize(String s) {
        if (s.isEmpty()) return s;
        StringBuilder sb = new StringBuilder(s.length());
        int cp = s.codePointAt(0);
        appendTitle(sb, cp);
        for (int i = Character.charCount(cp); i < s.length(); ) {
            cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String casefold(String s) {
        if (isAscii(s)) return s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                sb.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else if (cp == 0x130) {
                sb.append("i\u0307");
            } else if (cp == 0x1e9e) {
                sb.append("ss");
            } else if (cp == 0x131) {
                sb.append('\u0131');
            } else if ((cp >= 0x13a0 && cp <= 0x13f5)) {
                sb.appendCodePoint(cp); // Cherokee capitals fold to themselves
            } else if ((cp >= 0xab70 && cp <= 0xabbf) || (cp >= 0x13f8 && cp <= 0x13fd)) {
                sb.appendCodePoint(Character.toUpperCase(cp));
            } else {
                String up = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
                for (int j = 0; j < up.length(); ) {
                    int u = up.codePointAt(j);
                    sb.appendCodePoint(Character.toLowerCase(u));
                    j += Character.charCount(u);
                }
            }
        }
        return sb.toString();
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
    // split, splitlines, partition, join
    // =========================================================================================

    private static PyObject split(PyObject self, PyObject[] a, String[] k, String fname, boolean right) {
        PyObject[] p = kwArgs(fname, a, k, new String[] {"sep", "maxsplit"});
        String s = str(self);
        long max = p[1] == null ? -1 : ssize(p[1]);
        if (max < 0) max = Long.MAX_VALUE;
        if (p[0] == null || p[0] == Py.None) {
            return right ? rsplitWhitespace(s, max) : splitWhitespace(s, max);
        }
        if (!(p[0] instanceof PyStr sepObj)) throw Exc.typeError("must be str or None, not " + p[0].type.name);
        String sep = sepObj.value;
        if (sep.isEmpty()) throw Exc.valueError("empty separator");
        return right ? rsplit(self, s, sep, max) : split(self, s, sep, max);
    }

    /** str.split(sep) for a non-empty sep. */
    static PyList split(PyObject self, String s, String sep, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int n = sep.length();
        int i = 0;
        if (n == 1) {
            char c = sep.charAt(0);
            while (max-- > 0) {
                int j = s.indexOf(c, i);
                if (j < 0) break;
                out.add(PyStr.of(s.substring(i, j)));
                i = j + 1;
            }
        } else {
            while (max-- > 0) {
                int j = s.indexOf(sep, i);
                if (j < 0) break;
                out.add(PyStr.of(s.substring(i, j)));
                i = j + n;
            }
        }
        out.add(i == 0 && self != null && self.type == PyStr.TYPE ? self : PyStr.of(s.substring(i)));
        return PyList.wrap(out.toArray(new PyObject[0]));
    }

    static PyList rsplit(PyObject self, String s, String sep, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int n = sep.length();
        int j = s.length();
        while (max-- > 0) {
            int pos = j - n < 0 ? -1 : s.lastIndexOf(sep, j - n);
            if (pos < 0) break;
            out.add(PyStr.of(s.substring(pos + n, j)));
            j = pos;
        }
        out.add(j == s.length() && self != null && self.type == PyStr.TYPE ? self : PyStr.of(s.substring(0, j)));
        return reversed(out);
    }

    static PyList splitWhitespace(String s, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int len = s.length();
        int i = 0;
        while (max-- > 0) {
            while (i < len && isSpace(s.charAt(i))) i++;
            if (i == len) break;
            int j = i;
            i++;
            while (i < len && !isSpace(s.charAt(i))) i++;
            out.add(PyStr.of(s.substring(j, i)));
        }
        if (i < len) {
            while (i < len && isSpace(s.charAt(i))) i++;
            if (i != len) out.add(PyStr.of(s.substring(i)));
        }
        return PyList.wrap(out.toArray(new PyObject[0]));
    }

    static PyList rsplitWhitespace(String s, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int i = s.length() - 1;
        while (max-- > 0) {
            while (i >= 0 && isSpace(s.charAt(i))) i--;
            if (i < 0) break;
            int j = i;
            i--;
            while (i >= 0 && !isSpace(s.charAt(i))) i--;
            out.add(PyStr.of(s.substring(i + 1, j + 1)));
        }
        if (i >= 0) {
            while (i >= 0 && isSpace(s.charAt(i))) i--;
            if (i >= 0) out.add(PyStr.of(s.substring(0, i + 1)));
        }
        return reversed(out);
    }

    private static PyList reversed(ArrayList<PyObject> out) {
        int n = out.size();
        PyObject[] a = new PyObject[n];
        for (int i = 0; i < n; i++) a[i] = out.get(n - 1 - i);
        return PyList.wrap(a);
    }

    static PyList splitlines(String s, boolean keepends) {
        ArrayList<PyObject> out = new ArrayList<>();
        int len = s.length();
        int i = 0, j = 0;
        while (i < len) {
            while (i < len && !isLineBreak(s.charAt(i))) i++;
            int eol = i;
            if (i < len) {
                if (s.charAt(i) == '\r' && i + 1 < len && s.charAt(i + 1) == '\n') i += 2;
                else i++;
                if (keepends) eol = i;
            }
            out.add(PyStr.of(s.substring(j, eol)));
            j = i;
        }
        return PyList.wrap(out.toArray(new PyObject[0]));
    }

    private static PyObject partition(PyObject self, PyObject[] a, String[] k, String qname, boolean right) {
        Args.noKeywords(qname, k);
        Args.checkCount(qname, a, 1, 1);
        String s = str(self);
        String sep = subArg(a[0]);
        if (sep.isEmpty()) throw Exc.valueError("empty separator");
        int i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
        PyObject whole = self.type == PyStr.TYPE ? self : PyStr.of(s);
        if (i < 0) {
            return right ? PyTuple.of(PyStr.EMPTY, PyStr.EMPTY, whole) : PyTuple.of(whole, PyStr.EMPTY, PyStr.EMPTY);
        }
        return PyTuple.of(PyStr.of(s.substring(0, i)), a[0].type == PyStr.TYPE ? a[0] : PyStr.of(sep),
                PyStr.of(s.substring(i + sep.length())));
    }

    /** sep.join(iterable): one pass over a list or tuple into a StringBuilder. */
    static PyObject join(String sep, PyObject iterable) {
        PyObject[] items;
        int n;
        if (iterable instanceof PyList l) {
            items = l.items;
            n = l.size;
        } else if (iterable instanceof PyTuple t) {
            items = t.items;
            n = items.length;
        } else {
            PyObject it;
            try {
                it = Ops.iter(iterable);
            } catch (PyException e) {
                if (e.matches(Exc.TypeError)) throw Exc.typeError("can only join an iterable");
                throw e;
            }
            ArrayList<PyObject> list = new ArrayList<>();
            for (PyObject x; (x = Ops.next(it)) != null; ) list.add(x);
            items = list.toArray(new PyObject[0]);
            n = items.length;
        }
        if (n == 0) return PyStr.EMPTY;
        if (n == 1 && items[0].type == PyStr.TYPE) return items[0];
        long total = (long) sep.length() * (n - 1);
        for (int i = 0; i < n; i++) {
            if (!(items[i] instanceof PyStr p)) {
                throw Exc.typeError("sequence item " + i + ": expected str instance, " + items[i].type.name + " found");
            }
            total += p.value.length();
        }
        if (total > Integer.MAX_VALUE - 16) throw Exc.overflowError("join() result is too long for a Python string");
        StringBuilder sb = new StringBuilder((int) total);
        if (sep.isEmpty()) {
            for (int i = 0; i < n; i++) sb.append(((PyStr) items[i]).value);
        } else {
            sb.append(((PyStr) items[0]).value);
            for (int i = 1; i < n; i++) sb.append(sep).append(((PyStr) items[i]).value);
        }
        return PyStr.of(sb.toString());
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
