package toy.object;

import static toy.object.FloatDigits.*;
import static toy.object.FormatSpec.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * CPython-compatible float/int/str formatting, on Java primitives only.
 *
 * <ul>
 *   <li>{@link #repr(double)}: CPython's {@code repr(float)} (shortest round-trip digits).
 *   <li>{@link #format(double, String)}, {@link #formatInt(BigInteger, String)},
 *       {@link #formatLong(long, String)}, {@link #formatStr(String, String)}: the format-spec
 *       mini-language, as {@code format(x, spec)}.
 *   <li>{@link #doubleToString(double, char, int, int)}: {@code PyOS_double_to_string}; the
 *       %-operator uses {@link #formatFloatPercent(double, char, int, boolean)}.
 *   <li>{@link #round(double, int)}: {@code round(x, ndigits)}.
 * </ul>
 *
 * <p>Errors: {@link IllegalArgumentException} carries a CPython {@code ValueError} message;
 * {@link ArithmeticException} carries an {@code OverflowError} message.
 *
 * <p>Shortest digits come from the Schubfach algorithm (R. Giulietti) for normal doubles and from
 * an exact BigDecimal search for subnormals. Fixed-precision digits are taken from the shortest
 * digits when that is provably the correctly rounded result, else from the exact BigDecimal.
 * Both live in {@link FloatDigits}; the spec parsing and number layout of the mini-language
 * live in {@link FormatSpec}.
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** Flags for {@link #doubleToString}: same meaning as CPython's Py_DTSF_* flags. */
    public static final int DTSF_SIGN = 1;
    public static final int DTSF_ADD_DOT_0 = 2;
    public static final int DTSF_ALT = 4;
    public static final int DTSF_NO_NEG_0 = 8;

    // ------------------------------------------------------------------------------------------
    // repr and PyOS_double_to_string
    // ------------------------------------------------------------------------------------------

    /** CPython's {@code repr(float)} (also {@code str(float)}). */
    public static String repr(double d) {
        if (d != d) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        Digits dg = new Digits();
        shortest(d, dg);
        StringBuilder sb = new StringBuilder(24);
        formatDigits(sb, d < 0, dg, 'r', 0, false, true, false, false);
        return sb.toString();
    }

    /**
     * CPython's {@code PyOS_double_to_string(val, code, precision, flags)}: code one of
     * {@code e E f F g G r}; flags a combination of the DTSF_* constants.
     */
    public static String doubleToString(double val, char code, int precision, int flags) {
        boolean upper = false;
        int mode;
        switch (code) {
            case 'E':
                upper = true;
                code = 'e';
                // fall through
            case 'e':
                mode = 2;
                precision++;
                break;
            case 'F':
                upper = true;
                code = 'f';
                // fall through
            case 'f':
                mode = 3;
                break;
            case 'G':
                upper = true;
                code = 'g';
                // fall through
            case 'g':
                mode = 2;
                if (precision == 0) {
                    precision = 1;
                }
                break;
            case 'r':
                mode = 0;
                if (precision != 0) {
                    throw new IllegalStateException("precision must be 0 for 'r'");
                }
                break;
            default:
                throw new IllegalStateException("bad format code " + code);
        }
        boolean alwaysSign = (flags & DTSF_SIGN) != 0;
        boolean neg = Double.doubleToRawLongBits(val) < 0;
        if (Double.isNaN(val) || Double.isInfinite(val)) {
            StringBuilder sb = new StringBuilder(4);
            if (Double.isNaN(val)) {
                if (alwaysSign) {
                    sb.append('+');
                }
                sb.append(upper ? "NAN" : "nan");
            } else {
                sb.append(neg ? "-" : alwaysSign ? "+" : "");
                sb.append(upper ? "INF" : "inf");
            }
            return sb.toString();
        }
        Digits dg = new Digits();
        if (val == 0) {
            dg.setZero();
        } else if (mode == 0) {
            shortest(val, dg);
        } else {
            fixedDigits(val, mode, precision, dg);
        }
        if ((flags & DTSF_NO_NEG_0) != 0 && neg && (dg.len == 0 || (dg.len == 1 && dg.buf[0] == '0'))) {
            neg = false;
        }
        StringBuilder sb = new StringBuilder(dg.len + 8);
        formatDigits(sb, neg, dg, code, precision, alwaysSign, (flags & DTSF_ADD_DOT_0) != 0, (flags & DTSF_ALT) != 0, upper);
        return sb.toString();
    }

    /** CPython's format_float_short, after the digits are known. */
    private static void formatDigits(StringBuilder sb, boolean neg, Digits dg, char code, int precision,
                                     boolean alwaysSign, boolean addDot0, boolean alt, boolean upper) {
        char[] digits = dg.buf;
        int digitsLen = dg.len;
        int decpt = dg.decpt;
        int vdigitsEnd = digitsLen;
        boolean useExp = false;
        switch (code) {
            case 'e':
                useExp = true;
                vdigitsEnd = precision;
                break;
            case 'f':
                vdigitsEnd = decpt + precision;
                break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) {
                    useExp = true;
                }
                if (alt) {
                    vdigitsEnd = precision;
                }
                break;
            default: // 'r'
                if (decpt <= -4 || decpt > 16) {
                    useExp = true;
                }
                break;
        }
        int exp = 0;
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0) {
            vdigitsEnd = Math.max(vdigitsEnd, decpt + 1);
        } else {
            vdigitsEnd = Math.max(vdigitsEnd, decpt);
        }
        if (neg) {
            sb.append('-');
        } else if (alwaysSign) {
            sb.append('+');
        }
        if (decpt <= 0) {
            appendZeros(sb, decpt - vdigitsStart);
            sb.append('.');
            appendZeros(sb, -decpt);
        } else {
            appendZeros(sb, -vdigitsStart);
        }
        if (0 < decpt && decpt <= digitsLen) {
            sb.append(digits, 0, decpt);
            sb.append('.');
            sb.append(digits, decpt, digitsLen - decpt);
        } else {
            sb.append(digits, 0, digitsLen);
        }
        if (digitsLen < decpt) {
            appendZeros(sb, decpt - digitsLen);
            sb.append('.');
            appendZeros(sb, vdigitsEnd - decpt);
        } else {
            appendZeros(sb, vdigitsEnd - digitsLen);
        }
        int last = sb.length() - 1;
        if (sb.charAt(last) == '.' && !alt) {
            sb.setLength(last);
        }
        if (useExp) {
            sb.append(upper ? 'E' : 'e');
            if (exp < 0) {
                sb.append('-');
                exp = -exp;
            } else {
                sb.append('+');
            }
            if (exp < 10) {
                sb.append('0');
            }
            sb.append(exp);
        }
    }

    private static void appendZeros(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append('0');
        }
    }

    /**
     * Digits for the %-operator's {@code %e %E %f %F %g %G}: sign '-' included for negative
     * values, no padding and no '+'/' ' flag handling (the caller does those). precision < 0
     * means the default 6.
     */
    public static String formatFloatPercent(double d, char type, int precision, boolean alt) {
        return doubleToString(d, type, precision < 0 ? 6 : precision, alt ? DTSF_ALT : 0);
    }

    // ------------------------------------------------------------------------------------------
    // round(x, ndigits)
    // ------------------------------------------------------------------------------------------

    /**
     * CPython's {@code round(x, ndigits)} for a float and an int ndigits (correctly rounded,
     * half-even on the exact value). Throws ArithmeticException("rounded value too large to
     * represent") on overflow.
     */
    public static double round(double x, int ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        if (ndigits > 323) {
            return x;
        }
        if (ndigits < -308) {
            return 0.0 * x;
        }
        if (x == 0) {
            return x;
        }
        BigDecimal r = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) {
            return x < 0 ? -0.0 : 0.0;
        }
        double res = r.doubleValue();
        if (Double.isInfinite(res)) {
            throw new ArithmeticException("rounded value too large to represent");
        }
        return res;
    }

    // ------------------------------------------------------------------------------------------
    // Format-spec mini-language
    // ------------------------------------------------------------------------------------------

    /** CPython's {@code format(float, spec)}. */
    public static String format(double d, String spec) {
        if (spec.isEmpty()) {
            return repr(d);
        }
        Spec f = parseSpec(spec, "float", 0, '>');
        switch (f.type) {
            case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
                return formatFloatInternal(d, f);
            default:
                throw unknownType(f.type, "float");
        }
    }

    private static String formatFloatInternal(double val, Spec f) {
        if (f.precision > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("precision too big");
        }
        int precision = (int) f.precision;
        int flags = 0;
        if (f.alt) {
            flags |= DTSF_ALT;
        }
        if (f.noNeg0) {
            flags |= DTSF_NO_NEG_0;
        }
        char type = (char) f.type;
        int defaultPrecision = 6;
        if (type == 0) {
            flags |= DTSF_ADD_DOT_0;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') {
            type = 'g';
        }
        boolean pct = false;
        if (type == '%') {
            type = 'f';
            val *= 100;
            pct = true;
        }
        if (precision < 0) {
            precision = defaultPrecision;
        } else if (type == 'r') {
            type = 'g';
        }
        String buf = doubleToString(val, type, precision, flags);
        if (pct) {
            buf = buf + "%";
        }
        if (f.sign != '+' && f.sign != ' ' && f.width == -1 && f.type != 'n' && f.thousands == 0) {
            return buf;
        }
        int index = 0;
        boolean neg = false;
        if (buf.charAt(0) == '-') {
            neg = true;
            index = 1;
        }
        int p = index;
        int n = buf.length();
        while (p < n && buf.charAt(p) >= '0' && buf.charAt(p) <= '9') {
            p++;
        }
        String digits = buf.substring(index, p);
        boolean hasDecimal = p < n && buf.charAt(p) == '.';
        String remainder = buf.substring(hasDecimal ? p + 1 : p);
        int groupSize = f.thousands != 0 && f.type != 'n' ? 3 : 0;
        return layoutNumber(f, neg, "", digits, hasDecimal, remainder, groupSize, (char) f.thousands);
    }

    // --- int ---

    /** CPython's {@code format(int, spec)}. */
    public static String formatInt(BigInteger v, String spec) {
        if (v.bitLength() < 64) {
            return formatLong(v.longValue(), spec);
        }
        if (spec.isEmpty()) {
            return IntFormat.toDecimal(v);
        }
        Spec f = parseSpec(spec, "int", 'd', '>');
        switch (f.type) {
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
                checkIntSpec(f);
                if (f.type == 'c') {
                    throw new ArithmeticException("Python int too large to convert to C long");
                }
                BigInteger a = v.abs();
                String digits = f.type == 'd' || f.type == 'n' ? IntFormat.toDecimal(a) : a.toString(radix(f.type));
                return formatIntDigits(f, v.signum() < 0, digits);
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return formatFloatInternal(IntFormat.toDouble(v), f);
            default:
                throw unknownType(f.type, "int");
        }
    }

    /** CPython's {@code format(int, spec)} for an int that fits in a long. */
    public static String formatLong(long v, String spec) {
        if (spec.isEmpty()) {
            return Long.toString(v);
        }
        Spec f = parseSpec(spec, "int", 'd', '>');
        switch (f.type) {
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': {
                checkIntSpec(f);
                if (f.type == 'c') {
                    if (v < 0 || v > 0x10FFFF) {
                        throw new ArithmeticException("%c arg not in range(0x110000)");
                    }
                    String ch = new String(Character.toChars((int) v));
                    return layoutNumber(f, false, "", "", false, ch, 0, (char) 0);
                }
                long a = v < 0 ? -v : v; // Long.MIN_VALUE stays negative; unsigned string handles it
                String digits = Long.toUnsignedString(a, radix(f.type));
                return formatIntDigits(f, v < 0, digits);
            }
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return formatFloatInternal((double) v, f);
            default:
                throw unknownType(f.type, "int");
        }
    }

    private static void checkIntSpec(Spec f) {
        if (f.precision != -1) {
            throw new IllegalArgumentException("Precision not allowed in integer format specifier");
        }
        if (f.noNeg0) {
            throw new IllegalArgumentException("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (f.type == 'c') {
            if (f.sign != 0) {
                throw new IllegalArgumentException("Sign not allowed with integer format specifier 'c'");
            }
            if (f.alt) {
                throw new IllegalArgumentException("Alternate form (#) not allowed with integer format specifier 'c'");
            }
        }
    }

    private static int radix(int type) {
        switch (type) {
            case 'b':
                return 2;
            case 'o':
                return 8;
            case 'x':
            case 'X':
                return 16;
            default:
                return 10;
        }
    }

    private static String formatIntDigits(Spec f, boolean neg, String digits) {
        String prefix = "";
        if (f.alt) {
            switch (f.type) {
                case 'b':
                    prefix = "0b";
                    break;
                case 'o':
                    prefix = "0o";
                    break;
                case 'x':
                    prefix = "0x";
                    break;
                case 'X':
                    prefix = "0X";
                    break;
                default:
                    break;
            }
        }
        if (f.type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (f.sign != '+' && f.sign != ' ' && f.width == -1 && f.thousands == 0) {
            return neg ? "-" + prefix + digits : prefix.isEmpty() ? digits : prefix + digits;
        }
        int groupSize = 0;
        if (f.thousands != 0 && f.type != 'n') {
            groupSize = f.underFour ? 4 : 3;
        }
        String grouped = digits;
        return layoutNumber(f, neg, prefix, grouped, false, "", groupSize, (char) f.thousands);
    }

    // --- str ---

    /** CPython's {@code format(str, spec)}. */
    public static String formatStr(String s, String spec) {
        if (spec.isEmpty()) {
            return s;
        }
        Spec f = parseSpec(spec, "str", 's', '<');
        if (f.type != 's') {
            throw unknownType(f.type, "str");
        }
        if (f.sign != 0) {
            if (f.sign == ' ') {
                throw new IllegalArgumentException("Space not allowed in string format specifier");
            }
            throw new IllegalArgumentException("Sign not allowed in string format specifier");
        }
        if (f.noNeg0) {
            throw new IllegalArgumentException("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (f.alt) {
            throw new IllegalArgumentException("Alternate form (#) not allowed in string format specifier");
        }
        if (f.align == '=') {
            throw new IllegalArgumentException("'=' alignment not allowed in string format specifier");
        }
        int len = s.codePointCount(0, s.length());
        if (f.precision >= 0 && len >= f.precision) {
            int p = (int) f.precision;
            s = s.substring(0, s.offsetByCodePoints(0, p));
            len = p;
        }
        int width = f.width < 0 ? -1 : checkWidth(f.width);
        if (width <= len) {
            return s;
        }
        int total = width;
        int lpad;
        if (f.align == '>') {
            lpad = total - len;
        } else if (f.align == '^') {
            lpad = (total - len) / 2;
        } else {
            lpad = 0;
        }
        int rpad = total - len - lpad;
        StringBuilder sb = new StringBuilder(total + 2);
        appendFill(sb, f.fill, lpad);
        sb.append(s);
        appendFill(sb, f.fill, rpad);
        return sb.toString();
    }
}
