package toy.object;

import java.math.BigInteger;

/**
 * printf-style formatting, {@code "%s and %d" % (a, b)}: CPython 3.11's PyUnicode_Format
 * ({@code Objects/unicodeobject.c}), step for step, with its error messages. The digits of
 * floats come from {@link FloatFormat#formatFloatPercent}.
 */
final class PercentFormat {
    private PercentFormat() {}

    private static final int F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16;

    /** The formatter's state: the format string, the argument cursor and the output. */
    private static final class State {
        final String fmt;
        final int n;
        int pos;
        PyObject args;
        int arglen;
        int argidx;
        final PyObject dict;
        final StringBuilder out;

        State(String fmt, PyObject args) {
            this.fmt = fmt;
            this.n = fmt.length();
            this.args = args;
            if (args instanceof PyTuple t) {
                arglen = t.items.length;
                argidx = 0;
            } else {
                arglen = -1;
                argidx = -2;
            }
            dict = isMapping(args) ? args : null;
            out = new StringBuilder(n + 16);
        }

        PyObject nextArg() {
            if (argidx < arglen) {
                int i = argidx++;
                return arglen < 0 ? args : ((PyTuple) args).items[i];
            }
            throw Exc.typeError("not enough arguments for format string");
        }
    }

    /** PyMapping_Check, minus tuples and strs: the argument may be used for %(name)s. */
    private static boolean isMapping(PyObject args) {
        if (args instanceof PyTuple || args instanceof PyStr || args instanceof PyInt || args instanceof PyFloat
                || args == Py.None) {
            return false;
        }
        return args instanceof PyDict || args.type.lookup("__getitem__") != null;
    }

    /** One conversion specifier. */
    private static final class Spec {
        int flags;
        long width = -1;
        int prec = -1;
        int ch;
        boolean sign;
    }

    static PyObject format(PyStr fmt, PyObject args) {
        return PyStr.of(format(fmt.value, args));
    }

    static String format(String fmt, PyObject args) {
        State st = new State(fmt, args);
        String f = st.fmt;
        while (st.pos < st.n) {
            int pct = f.indexOf('%', st.pos);
            if (pct < 0) {
                st.out.append(f, st.pos, st.n);
                break;
            }
            st.out.append(f, st.pos, pct);
            st.pos = pct + 1;
            formatArg(st);
        }
        if (st.argidx < st.arglen && st.dict == null) {
            throw Exc.typeError("not all arguments converted during string formatting");
        }
        return st.out.toString();
    }

    private static void formatArg(State st) {
        if (st.pos < st.n && st.fmt.charAt(st.pos) == '%') {
            st.pos++;
            st.out.append('%');
            return;
        }
        Spec sp = new Spec();
        parse(st, sp);
        String s = convert(st, sp);
        if (s != null) output(st, sp, s);
        if (st.dict != null && st.argidx < st.arglen) {
            throw Exc.typeError("not all arguments converted during string formatting");
        }
    }

    /** Reads the next character, or -1 (sticky) at the end of the format. */
    private static int read(State st, boolean[] eof) {
        if (eof[0] || st.pos >= st.n) {
            eof[0] = true;
            return -1;
        }
        return st.fmt.charAt(st.pos++);
    }

    private static void parse(State st, Spec sp) {
        String f = st.fmt;
        boolean[] eof = {false};
        if (st.pos < st.n && f.charAt(st.pos) == '(') {
            if (st.dict == null) throw Exc.typeError("format requires a mapping");
            int keystart = ++st.pos;
            int depth = 1;
            while (depth > 0 && st.pos < st.n) {
                char c = f.charAt(st.pos++);
                if (c == ')') depth--;
                else if (c == '(') depth++;
            }
            if (depth > 0) throw Exc.valueError("incomplete format key");
            PyObject key = PyStr.of(f.substring(keystart, st.pos - 1));
            st.args = Ops.getItem(st.dict, key);
            st.arglen = -1;
            st.argidx = -2;
        }
        int c;
        while (true) {
            c = read(st, eof);
            switch (c) {
                case '-' -> sp.flags |= F_LJUST;
                case '+' -> sp.flags |= F_SIGN;
                case ' ' -> sp.flags |= F_BLANK;
                case '#' -> sp.flags |= F_ALT;
                case '0' -> sp.flags |= F_ZERO;
                default -> { }
            }
            if (c != '-' && c != '+' && c != ' ' && c != '#' && c != '0') break;
        }
        if (c == '*') {
            PyObject v = st.nextArg();
            if (!(v instanceof PyInt w)) throw Exc.typeError("* wants int");
            sp.width = w.longValue();
            if (sp.width < 0) {
                sp.flags |= F_LJUST;
                sp.width = -sp.width;
            }
            c = read(st, eof);
        } else if (c >= '0' && c <= '9') {
            sp.width = c - '0';
            while ((c = read(st, eof)) >= '0' && c <= '9') {
                if (sp.width > (Long.MAX_VALUE - (c - '0')) / 10) throw Exc.valueError("width too big");
                sp.width = sp.width * 10 + (c - '0');
            }
        }
        if (c == '.') {
            sp.prec = 0;
            c = read(st, eof);
            if (c == '*') {
                PyObject v = st.nextArg();
                if (!(v instanceof PyInt p)) throw Exc.typeError("* wants int");
                sp.prec = p.intValue();
                if (sp.prec < 0) sp.prec = 0;
                c = read(st, eof);
            } else if (c >= '0' && c <= '9') {
                sp.prec = c - '0';
                while ((c = read(st, eof)) >= '0' && c <= '9') {
                    if (sp.prec > (Integer.MAX_VALUE - (c - '0')) / 10) throw Exc.valueError("precision too big");
                    sp.prec = sp.prec * 10 + (c - '0');
                }
            }
        }
        if (!eof[0] && (c == 'h' || c == 'l' || c == 'L')) c = read(st, eof);
        if (eof[0]) throw Exc.valueError("incomplete format");
        sp.ch = c;
    }

    /** Converts the next argument; returns null when the text was written directly. */
    private static String convert(State st, Spec sp) {
        PyObject v = st.nextArg();
        switch (sp.ch) {
            case 's':
                return Ops.str(v);
            case 'r':
                return Ops.repr(v);
            case 'a':
                return Ops.ascii(Ops.repr(v));
            case 'i', 'd', 'u', 'o', 'x', 'X':
                sp.sign = true;
                return formatLong(v, sp);
            case 'e', 'E', 'f', 'F', 'g', 'G':
                sp.sign = true;
                return formatFloat(v, sp);
            case 'c':
                return formatChar(v);
            default: {
                int ch = sp.ch;
                String shown = ch >= 31 && ch <= 126 ? String.valueOf((char) ch) : "?";
                throw Exc.valueError("unsupported format character '" + shown + "' (0x" + Integer.toHexString(ch)
                        + ") at index " + (st.pos - 1));
            }
        }
    }

    private static boolean isNumber(PyObject v) {
        if (v instanceof PyInt || v instanceof PyFloat) return true;
        PyType t = v.type;
        return t.heap && (t.lookup("__index__") != null || t.lookup("__int__") != null || t.lookup("__float__") != null);
    }

    private static String formatLong(PyObject v, Spec sp) {
        char type = (char) sp.ch;
        PyInt iobj;
        if (!isNumber(v)) throw wrongType(type, v);
        if (v instanceof PyInt i) {
            iobj = i;
        } else {
            try {
                if (type == 'o' || type == 'x' || type == 'X') iobj = Ops.index(v);
                else iobj = IntMethods.toInt(v);
            } catch (PyException e) {
                if (e.matches(Exc.TypeError)) throw wrongType(type, v);
                throw e;
            }
        }
        if (iobj.isSmall() && sp.prec < 0 && (type == 'd' || type == 'i' || type == 'u')) {
            return Long.toString(iobj.value);
        }
        boolean alt = (sp.flags & F_ALT) != 0;
        BigInteger big = iobj.isSmall() ? null : iobj.big;
        boolean neg = iobj.signum() < 0;
        String digits;
        switch (type) {
            case 'o' -> digits = big == null ? Long.toOctalString(Math.abs(iobj.value)) : big.abs().toString(8);
            case 'x', 'X' -> digits = big == null ? Long.toHexString(Math.abs(iobj.value)) : big.abs().toString(16);
            default -> digits = big == null ? Long.toString(Math.abs(iobj.value)) : IntFormat.toDecimal(big.abs());
        }
        if (big == null && iobj.value == Long.MIN_VALUE) {
            BigInteger b = BigInteger.valueOf(Long.MIN_VALUE).negate();
            digits = b.toString(type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10);
        }
        if (sp.prec > Integer.MAX_VALUE - 32) throw Exc.memoryError();
        StringBuilder sb = new StringBuilder(digits.length() + 4 + Math.max(0, sp.prec));
        if (neg) sb.append('-');
        if (alt && type != 'd' && type != 'i' && type != 'u') sb.append('0').append(type == 'o' ? 'o' : 'x');
        for (int i = digits.length(); i < sp.prec; i++) sb.append('0');
        sb.append(digits);
        String r = sb.toString();
        return type == 'X' ? r.toUpperCase(java.util.Locale.ROOT) : r;
    }

    private static PyException wrongType(char type, PyObject v) {
        if (type == 'o' || type == 'x' || type == 'X') {
            return Exc.typeError("%" + type + " format: an integer is required, not " + v.type.name);
        }
        return Exc.typeError("%" + type + " format: a real number is required, not " + v.type.name);
    }

    private static String formatFloat(PyObject v, Spec sp) {
        double x;
        if (v instanceof PyFloat f) {
            x = f.value;
        } else if (v instanceof PyStr || !(v instanceof PyInt || v.type.lookup("__float__") != null
                || v.type.lookup("__index__") != null)) {
            throw Exc.typeError("must be real number, not " + v.type.name);
        } else {
            x = FloatMethods.toDouble(v);
        }
        return FloatFormat.formatFloatPercent(x, (char) sp.ch, sp.prec, (sp.flags & F_ALT) != 0);
    }

    private static String formatChar(PyObject v) {
        if (v instanceof PyStr s) {
            if (s.value.length() == 1) return s.value;
            if (s.value.length() == 2 && Character.isHighSurrogate(s.value.charAt(0))
                    && Character.isLowSurrogate(s.value.charAt(1))) {
                return s.value;
            }
            throw Exc.typeError("%c requires int or char");
        }
        PyObject i = Ops.indexOrNull(v);
        if (i == null) throw Exc.typeError("%c requires int or char");
        PyInt n = (PyInt) i;
        if (!n.isSmall() || n.value < 0 || n.value > 0x10ffff) throw Exc.overflowError("%c arg not in range(0x110000)");
        return new String(Character.toChars((int) n.value));
    }

    /** unicode_format_arg_output: padding, sign and the alternate-form prefix. */
    private static void output(State st, Spec sp, String str) {
        StringBuilder out = st.out;
        int len = str.length();
        int flags = sp.flags;
        if ((sp.width == -1 || sp.width <= len) && (sp.prec == -1 || sp.prec >= len)
                && (flags & (F_SIGN | F_BLANK)) == 0) {
            out.append(str);
            return;
        }
        char fill = sp.sign && (flags & F_ZERO) != 0 ? '0' : ' ';
        int ch = sp.ch;
        if ((ch == 's' || ch == 'r' || ch == 'a') && sp.prec >= 0 && len > sp.prec) len = sp.prec;
        int pindex = 0;
        char signchar = 0;
        boolean sign = sp.sign;
        if (sign) {
            char c = str.isEmpty() ? 0 : str.charAt(0);
            if (c == '-' || c == '+') {
                signchar = c;
                len--;
                pindex++;
            } else if ((flags & F_SIGN) != 0) {
                signchar = '+';
            } else if ((flags & F_BLANK) != 0) {
                signchar = ' ';
            } else {
                sign = false;
            }
        }
        long width = sp.width;
        if (width < len) width = len;
        if (width > Integer.MAX_VALUE - 16) throw Exc.memoryError();
        if (sign) {
            if (fill != ' ') out.append(signchar);
            if (width > len) width--;
        }
        boolean prefix = (flags & F_ALT) != 0 && (ch == 'x' || ch == 'X' || ch == 'o');
        if (prefix) {
            if (fill != ' ') {
                out.append('0').append((char) ch);
                pindex += 2;
            }
            width -= 2;
            if (width < 0) width = 0;
            len -= 2;
        }
        if (width > len && (flags & F_LJUST) == 0) {
            for (long i = width - len; i > 0; i--) out.append(fill);
            width = len;
        }
        if (fill == ' ') {
            if (sign) out.append(signchar);
            if (prefix) {
                out.append('0').append((char) ch);
                pindex += 2;
            }
        }
        if (len > 0) out.append(str, pindex, pindex + len);
        for (long i = width - len; i > 0; i--) out.append(' ');
    }
}
