package toy.object;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
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
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** Flags for {@link #doubleToString}: same meaning as CPython's Py_DTSF_* flags. */
    public static final int DTSF_SIGN = 1;
    public static final int DTSF_ADD_DOT_0 = 2;
    public static final int DTSF_ALT = 4;
    public static final int DTSF_NO_NEG_0 = 8;

    // ------------------------------------------------------------------------------------------
    // Digit generation
    // ------------------------------------------------------------------------------------------

    /** Decimal digits (ASCII, no trailing zeros; may be empty) and the decimal point position. */
    static final class Digits {
        char[] buf = new char[20];
        int len;
        /** value = 0.d1d2d3... * 10^decpt */
        int decpt;

        void setLong(long f, int e10) {
            // f > 0; strip trailing zeros
            while (f % 10 == 0) {
                f /= 10;
                e10++;
            }
            int n = 0;
            char[] tmp = buf;
            long x = f;
            int pos = 20;
            while (x != 0) {
                tmp[--pos] = (char) ('0' + (int) (x % 10));
                x /= 10;
            }
            n = 20 - pos;
            System.arraycopy(tmp, pos, tmp, 0, n);
            len = n;
            decpt = n + e10;
        }

        void setString(String s, int decpt) {
            int n = s.length();
            while (n > 0 && s.charAt(n - 1) == '0') {
                n--;
            }
            if (buf.length < n) {
                buf = new char[n];
            }
            s.getChars(0, n, buf, 0);
            len = n;
            this.decpt = decpt;
        }

        void setZero() {
            buf[0] = '0';
            len = 1;
            decpt = 1;
        }

        @Override
        public String toString() {
            return new String(buf, 0, len) + "e" + decpt;
        }
    }

    // --- Schubfach (shortest decimal in the rounding interval, closest to the value) ---

    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = 0x7FFF_FFFF_FFFF_FFFFL;
    /** g(k) = floor(10^-k * 2^(125 - flog2pow10(-k))) + 1 split as g1*2^63 + g0. */
    private static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];

    static {
        for (int k = K_MIN; k <= K_MAX; k++) {
            int r = flog2pow10(-k);
            int sh = 125 - r;
            BigInteger g;
            if (k <= 0) {
                BigInteger p = BigInteger.TEN.pow(-k);
                g = sh >= 0 ? p.shiftLeft(sh) : p.shiftRight(-sh);
            } else {
                g = BigInteger.ONE.shiftLeft(sh).divide(BigInteger.TEN.pow(k));
            }
            g = g.add(BigInteger.ONE);
            G[2 * (k - K_MIN)] = g.shiftRight(63).longValue();
            G[2 * (k - K_MIN) + 1] = g.longValue() & MASK_63;
        }
    }

    /** floor(q * log10(2)), for |q| <= 5456721 (in practice |q| < 2000). */
    static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^q)). */
    static int flog10threeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L + (-274_743_187_321L) >> 41);
    }

    /** floor(e * log2(10)). */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /**
     * Shortest digits of |v| (v finite, nonzero) into out. Fast for normal doubles; subnormals
     * use the exact search.
     */
    static void shortest(double v, Digits out) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & ((1L << 52) - 1);
        int bq = (int) (bits >>> 52) & 0x7FF;
        if (bq == 0) {
            shortestSlow(Math.abs(v), out);
            return;
        }
        int mq = -Q_MIN + 1 - bq; // mq = -q
        long c = C_MIN | t;
        if (0 < mq && mq < 53) {
            long f = c >> mq;
            if (f << mq == c) {
                out.setLong(f, 0);
                return;
            }
        }
        schubfach(-mq, c, out);
    }

    private static void schubfach(int q, long c, Digits out) {
        int odd = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        long g1 = G[2 * (k - K_MIN)];
        long g0 = G[2 * (k - K_MIN) + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + odd <= sp10 << 2;
            boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin) {
                out.setLong(upin ? sp10 : tp10, k);
                return;
            }
        }
        long tt = s + 1;
        boolean uin = vbl + odd <= s << 2;
        boolean win = (tt << 2) + odd <= vbr;
        if (uin != win) {
            out.setLong(uin ? s : tt, k);
            return;
        }
        long cmp = vb - (s + tt << 1);
        out.setLong(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k);
    }

    private static final BigDecimal HALF = BigDecimal.valueOf(5, 1);

    /** Exact (slow) shortest-digit search; v > 0 finite. Package-private for tests. */
    static void shortestSlow(double v, Digits out) {
        BigDecimal x = new BigDecimal(v);
        double lo = Math.nextDown(v);
        double hi = Math.nextUp(v);
        BigDecimal low = x.add(new BigDecimal(lo)).multiply(HALF);
        BigDecimal high = Double.isInfinite(hi) ? x.add(x.subtract(low)) : x.add(new BigDecimal(hi)).multiply(HALF);
        boolean even = (Double.doubleToRawLongBits(v) & 1) == 0;
        for (int p = 1; p <= 17; p++) {
            BigDecimal dn = x.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = x.round(new MathContext(p, RoundingMode.CEILING));
            int cl = dn.compareTo(low);
            int ch = up.compareTo(high);
            boolean dnIn = even ? cl >= 0 : cl > 0;
            boolean upIn = even ? ch <= 0 : ch < 0;
            if (!dnIn && !upIn) {
                continue;
            }
            BigDecimal pick;
            if (dnIn && upIn) {
                int c = x.subtract(dn).compareTo(up.subtract(x));
                if (c < 0) {
                    pick = dn;
                } else if (c > 0) {
                    pick = up;
                } else {
                    pick = dn.unscaledValue().testBit(0) ? up : dn;
                }
            } else {
                pick = dnIn ? dn : up;
            }
            setFromBigDecimal(pick, out);
            return;
        }
        throw new AssertionError("no shortest representation for " + v);
    }

    private static void setFromBigDecimal(BigDecimal bd, Digits out) {
        BigInteger u = bd.unscaledValue();
        if (u.signum() == 0) {
            out.len = 0;
            return;
        }
        String s = u.toString();
        out.setString(s, s.length() - bd.scale());
    }

    /**
     * Digits for dtoa mode 2 (nd significant digits, nd >= 1) or mode 3 (nd digits after the
     * point, nd >= 0), of |v| (finite), correctly rounded half-even on the exact binary value.
     */
    static void fixedDigits(double v, int mode, int nd, Digits out) {
        double a = Math.abs(v);
        if (a == 0) {
            out.setZero();
            return;
        }
        if (fixedFast(a, mode, nd, out)) {
            return;
        }
        fixedDigitsExact(a, mode, nd, out);
    }

    /** {@link #fixedDigits} by exact BigDecimal rounding only; a > 0 finite. */
    static void fixedDigitsExact(double a, int mode, int nd, Digits out) {
        BigDecimal x = new BigDecimal(a);
        BigDecimal r = mode == 2 ? x.round(new MathContext(nd, RoundingMode.HALF_EVEN)) : x.setScale(nd, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) {
            out.len = 0;
            out.decpt = -nd;
            return;
        }
        setFromBigDecimal(r, out);
    }

    /**
     * Rounds the shortest digits when that provably equals rounding the exact value: at most 14
     * significant digits are kept and the shortest digits are not exactly a rounding tie.
     */
    private static boolean fixedFast(double a, int mode, int nd, Digits out) {
        if (nd > 40 || a < Double.MIN_NORMAL) {
            return false; // the proof below needs a relative ulp of at most 2^-52
        }
        shortest(a, out);
        int d = out.decpt;
        int m = mode == 2 ? nd : d + nd; // significant digits kept
        if (m > 14) {
            return false;
        }
        int len = out.len;
        if (len <= m) {
            return true;
        }
        if (m < 0) {
            out.len = 0;
            out.decpt = -nd;
            return true;
        }
        char[] b = out.buf;
        char first = b[m];
        if (first == '5' && m + 1 == len) {
            return false; // tie in the shortest digits: needs the exact value
        }
        if (first >= '5') {
            int i = m - 1;
            while (i >= 0 && b[i] == '9') {
                i--;
            }
            if (i < 0) {
                b[0] = '1';
                out.len = 1;
                out.decpt = d + 1;
                return true;
            }
            b[i]++;
            out.len = i + 1;
            return true;
        }
        int n = m;
        while (n > 0 && b[n - 1] == '0') {
            n--;
        }
        if (n == 0) {
            out.len = 0;
            out.decpt = -nd;
            return true;
        }
        out.len = n;
        return true;
    }

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

    private static IllegalArgumentException unknownType(int type, String typeName) {
        return new IllegalArgumentException("Unknown format code " + codeRepr(type) + " for object of type '" + typeName + "'");
    }

    private static int checkWidth(long width) {
        if (width > Integer.MAX_VALUE - 64) {
            throw new OutOfMemoryError("format width too large");
        }
        return (int) width;
    }

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

    /** CPython's calc_number_widths + fill_number. */
    private static String layoutNumber(Spec f, boolean neg, String prefix, String digits, boolean hasDecimal,
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

    private static void appendFill(StringBuilder sb, int fill, int n) {
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
