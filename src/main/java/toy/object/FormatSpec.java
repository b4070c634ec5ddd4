package toy.object;

/**
 * The format-spec mini-language shared by {@link FloatFormat}'s float, int and str formatting:
 * parsing a spec into a {@link Spec} (CPython's InternalFormatSpec), with CPython's checks and
 * messages, and laying out the formatted number (fill, alignment, sign, thousands grouping).
 * FloatFormat keeps the public format entry points and the per-type conversions.
 */
final class FormatSpec {
    private FormatSpec() {}

    /** A parsed format spec (CPython's InternalFormatSpec). */
    static final class Spec {
        int fill = ' ';
        int align;
        int sign; // 0, '+', '-', ' '
        boolean noNeg0;
        boolean alt;
        long width = -1;
        int thousands; // 0, ',', '_'
        boolean underFour;
        long precision = -1;
        int type;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static int decimalValue(int cp) {
        if (cp >= '0' && cp <= '9') {
            return cp - '0';
        }
        if (cp > 127 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return Character.digit(cp, 10);
        }
        return -1;
    }

    static Spec parseSpec(String specStr, String typeName, int defaultType, int defaultAlign) {
        int[] s = specStr.codePoints().toArray();
        int end = s.length;
        int pos = 0;
        Spec f = new Spec();
        f.align = defaultAlign;
        f.type = defaultType;
        boolean alignSpecified = false;
        boolean fillSpecified = false;
        if (end - pos >= 2 && isAlign(s[pos + 1])) {
            f.align = s[pos + 1];
            f.fill = s[pos];
            fillSpecified = true;
            alignSpecified = true;
            pos += 2;
        } else if (end - pos >= 1 && isAlign(s[pos])) {
            f.align = s[pos];
            alignSpecified = true;
            pos++;
        }
        if (end - pos >= 1 && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) {
            f.sign = s[pos];
            pos++;
        }
        if (end - pos >= 1 && s[pos] == 'z') {
            f.noNeg0 = true;
            pos++;
        }
        if (end - pos >= 1 && s[pos] == '#') {
            f.alt = true;
            pos++;
        }
        if (!fillSpecified && end - pos >= 1 && s[pos] == '0') {
            f.fill = '0';
            if (!alignSpecified && defaultAlign == '>') {
                f.align = '=';
            }
            pos++;
        }
        int start = pos;
        long acc = 0;
        while (pos < end) {
            int dv = decimalValue(s[pos]);
            if (dv < 0) {
                break;
            }
            if (acc > (Long.MAX_VALUE - dv) / 10) {
                throw new IllegalArgumentException("Too many decimal digits in format string");
            }
            acc = acc * 10 + dv;
            pos++;
        }
        if (pos > start) {
            f.width = acc;
        }
        if (end - pos > 0 && s[pos] == ',') {
            f.thousands = ',';
            pos++;
        }
        if (end - pos > 0 && s[pos] == '_') {
            if (f.thousands != 0) {
                throw new IllegalArgumentException("Cannot specify both ',' and '_'.");
            }
            f.thousands = '_';
            pos++;
        }
        if (end - pos > 0 && s[pos] == ',') {
            if (f.thousands == '_') {
                throw new IllegalArgumentException("Cannot specify both ',' and '_'.");
            }
        }
        if (end - pos > 0 && s[pos] == '.') {
            pos++;
            start = pos;
            acc = 0;
            while (pos < end) {
                int dv = decimalValue(s[pos]);
                if (dv < 0) {
                    break;
                }
                if (acc > (Long.MAX_VALUE - dv) / 10) {
                    throw new IllegalArgumentException("Too many decimal digits in format string");
                }
                acc = acc * 10 + dv;
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("Format specifier missing precision");
            }
            f.precision = acc;
        }
        if (end - pos > 1) {
            throw new IllegalArgumentException("Invalid format specifier '" + specStr + "' for object of type '" + typeName + "'");
        }
        if (end - pos == 1) {
            f.type = s[pos];
        }
        if (f.thousands != 0) {
            switch (f.type) {
                case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
                    break;
                case 'b': case 'o': case 'x': case 'X':
                    if (f.thousands == '_') {
                        f.underFour = true;
                        break;
                    }
                    // fall through
                default:
                    throw new IllegalArgumentException("Cannot specify '" + (char) f.thousands + "' with " + codeRepr(f.type) + ".");
            }
        }
        return f;
    }

    private static String codeRepr(int c) {
        if (c > 32 && c < 128) {
            return "'" + (char) c + "'";
        }
        return "'\\x" + Integer.toHexString(c) + "'";
    }

    static IllegalArgumentException unknownType(int type, String typeName) {
        return new IllegalArgumentException("Unknown format code " + codeRepr(type) + " for object of type '" + typeName + "'");
    }

    static int checkWidth(long width) {
        if (width > Integer.MAX_VALUE - 64) {
            throw new OutOfMemoryError("format width too large");
        }
        return (int) width;
    }

    /** CPython's calc_number_widths + fill_number. */
    static String layoutNumber(Spec f, boolean neg, String prefix, String digits, boolean hasDecimal,
                                       String remainder, int groupSize, char sep) {
        int width = f.width < 0 ? -1 : checkWidth(f.width);
        char signChar = 0;
        if (f.sign == '+') {
            signChar = neg ? '-' : '+';
        } else if (f.sign == ' ') {
            signChar = neg ? '-' : ' ';
        } else if (neg) {
            signChar = '-';
        }
        int nSign = signChar != 0 ? 1 : 0;
        int nRemainder = remainder.codePointCount(0, remainder.length());
        int nonDigit = nSign + prefix.length() + (hasDecimal ? 1 : 0) + nRemainder;
        int minWidth = f.fill == '0' && f.align == '=' ? width - nonDigit : 0;
        String grouped = digits.isEmpty() ? "" : group(digits, minWidth, groupSize, sep);
        int nPadding = width - (nonDigit + grouped.length());
        int lpad = 0;
        int spad = 0;
        int rpad = 0;
        if (nPadding > 0) {
            switch (f.align) {
                case '<':
                    rpad = nPadding;
                    break;
                case '^':
                    lpad = nPadding / 2;
                    rpad = nPadding - lpad;
                    break;
                case '=':
                    spad = nPadding;
                    break;
                default:
                    lpad = nPadding;
                    break;
            }
        }
        StringBuilder sb = new StringBuilder(Math.max(width, 0) + grouped.length() + nonDigit + 2);
        appendFill(sb, f.fill, lpad);
        if (signChar != 0) {
            sb.append(signChar);
        }
        sb.append(prefix);
        appendFill(sb, f.fill, spad);
        sb.append(grouped);
        if (hasDecimal) {
            sb.append('.');
        }
        sb.append(remainder);
        appendFill(sb, f.fill, rpad);
        return sb.toString();
    }

    static void appendFill(StringBuilder sb, int fill, int n) {
        if (fill < 0x10000) {
            char c = (char) fill;
            for (int i = 0; i < n; i++) {
                sb.append(c);
            }
        } else {
            for (int i = 0; i < n; i++) {
                sb.appendCodePoint(fill);
            }
        }
    }

    /** CPython's _PyUnicode_InsertThousandsGrouping (groupSize 0 = no grouping). */
    static String group(String digits, int minWidth, int groupSize, char sep) {
        int remaining = digits.length();
        minWidth = Math.max(0, minWidth);
        if (groupSize <= 0 && minWidth <= remaining) {
            return digits;
        }
        StringBuilder out = new StringBuilder(Math.max(remaining, minWidth) + remaining / 3 + 4);
        int pos = remaining;
        boolean useSep = false;
        if (groupSize > 0) {
            while (true) {
                int l = Math.min(groupSize, Math.max(Math.max(remaining, minWidth), 1));
                int nZeros = Math.max(0, l - remaining);
                int nChars = Math.max(0, Math.min(remaining, l));
                if (useSep) {
                    out.append(sep);
                }
                for (int i = 0; i < nChars; i++) {
                    out.append(digits.charAt(--pos));
                }
                for (int i = 0; i < nZeros; i++) {
                    out.append('0');
                }
                useSep = true;
                remaining -= nChars;
                minWidth -= l;
                if (remaining <= 0 && minWidth <= 0) {
                    break;
                }
                minWidth -= 1;
            }
        } else {
            int l = Math.max(Math.max(remaining, minWidth), 1);
            int nZeros = Math.max(0, l - remaining);
            int nChars = Math.max(0, Math.min(remaining, l));
            for (int i = 0; i < nChars; i++) {
                out.append(digits.charAt(--pos));
            }
            for (int i = 0; i < nZeros; i++) {
                out.append('0');
            }
        }
        return out.reverse().toString();
    }
}
