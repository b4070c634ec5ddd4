package toy.object;

/**
 * {@code str.format(*args, **kwargs)} and {@code str.format_map(mapping)}: CPython 3.11's
 * {@code Objects/stringlib/unicode_format.h}, with its parsing order and error messages.
 * Each replacement field is looked up ({@code {0}}, {@code {name}}, {@code {0.attr[key]}}),
 * converted ({@code !r !s !a}), and formatted with {@link Ops#format} (its {@code __format__})
 * using a format spec that may itself contain replacement fields.
 */
public final class StrFormat {
    private StrFormat() {}

    private static final int ANS_INIT = 0, ANS_AUTO = 1, ANS_MANUAL = 2;

    /** Automatic field numbering state, shared by the nested format specs of one call. */
    private static final class AutoNumber {
        int state = ANS_INIT;
        long next;
    }

    /** str.format with vectorcall arguments. */
    public static String format(String fmt, PyObject[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        PyObject[] pos = new PyObject[npos];
        System.arraycopy(args, 0, pos, 0, npos);
        PyDict kwargs = null;
        if (nkw > 0) {
            kwargs = new PyDict();
            for (int i = 0; i < nkw; i++) kwargs.put(PyStr.of(kwnames[i]), args[npos + i]);
        }
        return build(fmt, pos, kwargs, 2, new AutoNumber());
    }

    /** str.format with a positional tuple and a mapping (either may be null). */
    public static String format(String fmt, PyObject[] positional, PyObject mapping) {
        return build(fmt, positional, mapping, 2, new AutoNumber());
    }

    /** str.format_map(mapping): positional fields are an error. */
    public static String formatMap(String fmt, PyObject mapping) {
        return build(fmt, null, mapping, 2, new AutoNumber());
    }

    private static String build(String s, PyObject[] args, PyObject kwargs, int depth, AutoNumber auto) {
        if (depth <= 0) throw Exc.valueError("Max string recursion exceeded");
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int pos = 0;
        while (pos < n) {
            // literal text up to the first '{' or '}'
            int start = pos;
            char c = 0;
            boolean markup = false;
            while (pos < n) {
                c = s.charAt(pos++);
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= n;
            int len = pos - start;
            if (c == '}' && markup && (atEnd || s.charAt(pos) != '}')) {
                throw Exc.valueError("Single '}' encountered in format string");
            }
            if (atEnd && c == '{' && markup) throw Exc.valueError("Single '{' encountered in format string");
            if (!atEnd && markup) {
                if (s.charAt(pos) == c) {
                    pos++;          // "{{" or "}}": one literal brace
                    markup = false;
                } else {
                    len--;
                }
            }
            out.append(s, start, start + len);
            if (!markup) continue;
            pos = field(s, pos, args, kwargs, depth, auto, out);
        }
        return out.toString();
    }

    /** Parses and renders the field starting after '{' at pos; returns the position after its '}'. */
    private static int field(String s, int pos, PyObject[] args, PyObject kwargs, int depth, AutoNumber auto,
                             StringBuilder out) {
        int n = s.length();
        int nameStart = pos;
        char c = 0;
        while (pos < n) {
            c = s.charAt(pos++);
            if (c == '{') throw Exc.valueError("unexpected '{' in field name");
            if (c == '[') {
                while (pos < n && s.charAt(pos) != ']') pos++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        int nameEnd = pos - 1;
        int conversion = 0;
        String spec = "";
        boolean specNeedsExpanding = false;
        if (c == '!' || c == ':') {
            boolean done = false;
            if (c == '!') {
                if (pos >= n) throw Exc.valueError("end of string while looking for conversion specifier");
                conversion = s.codePointAt(pos);
                pos += Character.charCount(conversion);
                if (pos < n) {
                    char d = s.charAt(pos++);
                    if (d == '}') done = true;
                    else if (d != ':') throw Exc.valueError("expected ':' after conversion specifier");
                }
            }
            if (!done) {
                int specStart = pos;
                int count = 1;
                int specEnd = -1;
                while (pos < n) {
                    char d = s.charAt(pos++);
                    if (d == '{') {
                        specNeedsExpanding = true;
                        count++;
                    } else if (d == '}') {
                        if (--count == 0) {
                            specEnd = pos - 1;
                            break;
                        }
                    }
                }
                if (specEnd < 0) throw Exc.valueError("unmatched '{' in format spec");
                spec = s.substring(specStart, specEnd);
            }
        } else if (c != '}') {
            throw Exc.valueError("expected '}' before end of string");
        }
        // the field may stop at the end of the string when the name was scanned to its end
        if (nameEnd < nameStart) nameEnd = nameStart;

        PyObject obj = lookup(s, nameStart, nameEnd, args, kwargs, auto);
        if (conversion != 0) {
            switch (conversion) {
                case 'r' -> obj = PyStr.of(Ops.repr(obj));
                case 's' -> obj = PyStr.of(Ops.str(obj));
                case 'a' -> obj = PyStr.of(Ops.ascii(Ops.repr(obj)));
                default -> {
                    if (conversion > 32 && conversion < 127) {
                        throw Exc.valueError("Unknown conversion specifier " + (char) conversion);
                    }
                    throw Exc.valueError("Unknown conversion specifier \\x" + Integer.toHexString(conversion));
                }
            }
        }
        if (specNeedsExpanding) spec = build(spec, args, kwargs, depth - 1, auto);
        if (spec.isEmpty() && obj.type == PyStr.TYPE) out.append(((PyStr) obj).value);
        else out.append(Ops.format(obj, spec));
        return pos;
    }

    /** get_integer: the value of an all-decimal-digits name, or -1. */
    private static long integer(String s, int start, int end) {
        if (start >= end) return -1;
        long acc = 0;
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            int d = Character.digit(cp, 10);
            if (d < 0 || Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) return -1;
            if (acc > (Long.MAX_VALUE - d) / 10) throw Exc.valueError("Too many decimal digits in format string");
            acc = acc * 10 + d;
            i += Character.charCount(cp);
        }
        return acc;
    }

    /** get_field_object: the argument named by s[start:end], with its .attr and [key] parts applied. */
    private static PyObject lookup(String s, int start, int end, PyObject[] args, PyObject kwargs, AutoNumber auto) {
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '[' || c == '.') break;
            i++;
        }
        long index = integer(s, start, i);
        boolean empty = i == start;
        boolean numeric = empty || index != -1;
        if (auto != null) {
            if (auto.state == ANS_INIT && numeric) auto.state = empty ? ANS_AUTO : ANS_MANUAL;
            if (numeric) {
                if (auto.state == ANS_MANUAL) {
                    if (empty) {
                        throw Exc.valueError("cannot switch from manual field specification to automatic field numbering");
                    }
                } else if (!empty) {
                    throw Exc.valueError("cannot switch from automatic field numbering to manual field specification");
                }
            }
            if (empty) index = auto.next++;
        }
        PyObject obj;
        if (index == -1) {
            PyStr key = PyStr.of(s.substring(start, i));
            if (kwargs == null) throw Exc.keyError(key);
            if (kwargs instanceof PyDict d && d.type == PyDict.TYPE) {
                obj = d.get(key);
                if (obj == null) throw Exc.keyError(key);
            } else {
                obj = Ops.getItem(kwargs, key);
            }
        } else {
            if (args == null) throw Exc.valueError("Format string contains positional fields");
            if (index >= args.length) {
                throw Exc.raise(Exc.IndexError, "Replacement index " + index + " out of range for positional args tuple");
            }
            obj = args[(int) index];
        }
        // the rest: .name and [key] parts
        while (i < end) {
            char c = s.charAt(i++);
            if (c == '.') {
                int ns = i;
                while (i < end && s.charAt(i) != '[' && s.charAt(i) != '.') i++;
                if (i == ns) throw Exc.valueError("Empty attribute in format string");
                obj = Ops.getAttr(obj, PyStr.intern(s.substring(ns, i)));
            } else if (c == '[') {
                int ns = i;
                boolean closed = false;
                while (i < end) {
                    if (s.charAt(i++) == ']') {
                        closed = true;
                        break;
                    }
                }
                if (!closed) throw Exc.valueError("Missing ']' in format string");
                int ne = i - 1;
                long idx = integer(s, ns, ne);
                if (ns == ne) throw Exc.valueError("Empty attribute in format string");
                obj = Ops.getItem(obj, idx == -1 ? PyStr.of(s.substring(ns, ne)) : PyInt.of(idx));
            } else {
                throw Exc.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return obj;
    }
}
