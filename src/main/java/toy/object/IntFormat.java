package toy.object;

import java.math.BigInteger;

/**
 * CPython's int/str/float conversions: {@code str(int)} with the 4300-digit limit,
 * {@code int(str, base)}, {@code float(str)}, {@code int / int} and {@code float(int)}.
 *
 * <p>Errors: {@link IllegalArgumentException} (ValueError) for limits and bad bases,
 * {@link NumberFormatException} (also a ValueError; a subclass of IllegalArgumentException) for
 * unparsable strings, {@link ArithmeticException} (OverflowError) for out-of-range floats.
 */
public final class IntFormat {
    private IntFormat() {}

    /** sys.get_int_max_str_digits() default. */
    public static final int MAX_STR_DIGITS = 4300;

    private static final String TO_STR_LIMIT_MSG = "Exceeds the limit (4300 digits) for integer string conversion; "
            + "use sys.set_int_max_str_digits() to increase the limit";

    private static final BigInteger TEN_POW_LIMIT = BigInteger.TEN.pow(MAX_STR_DIGITS);

    /**
     * {@code str(v)} for an int; throws IllegalArgumentException (ValueError) when |v| has more
     * than 4300 decimal digits.
     */
    public static String toDecimal(BigInteger v) {
        int bits = v.bitLength();
        if (bits < 64) {
            return Long.toString(v.longValue());
        }
        // 2^14284 < 10^4300 <= 2^14285
        if (bits > 14285 || (bits == 14285 && v.abs().compareTo(TEN_POW_LIMIT) >= 0)) {
            throw new IllegalArgumentException(TO_STR_LIMIT_MSG);
        }
        return v.toString();
    }

    // ------------------------------------------------------------------------------------------
    // int(str, base)
    // ------------------------------------------------------------------------------------------

    private static int digitValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 99;
    }

    private static boolean isAsciiSpace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }

    /**
     * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes ' ',
     * non-ASCII decimal digits become ASCII digits, anything else non-ASCII ends the string with
     * '?'. Returns s itself when it is all ASCII.
     */
    private static String toAscii(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 127) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        while (i < n) {
            int ch = s.codePointAt(i);
            i += Character.charCount(ch);
            if (ch < 127) {
                sb.append((char) ch);
            } else if (StrRepr.isSpace(ch)) {
                sb.append(' ');
            } else if (Character.getType(ch) == Character.DECIMAL_DIGIT_NUMBER) {
                sb.append((char) ('0' + Character.digit(ch, 10)));
            } else {
                sb.append('?');
                break;
            }
        }
        return sb.toString();
    }

    private static NumberFormatException invalidInt(String orig, int base) {
        String r = StrRepr.reprStr(orig);
        if (r.codePointCount(0, r.length()) > 200) {
            r = r.substring(0, r.offsetByCodePoints(0, 200));
        }
        return new NumberFormatException("invalid literal for int() with base " + base + ": " + r);
    }

    /**
     * CPython's {@code int(s, base)} for a str s: base 0 or 2..36; surrounding whitespace, a
     * sign, single underscores between digits (and after a base prefix), prefixes 0x/0o/0b when
     * they match the base (base 0 detects them; base 0 rejects other leading zeros), Unicode
     * decimal digits. Bad base or the digit limit: IllegalArgumentException; unparsable:
     * NumberFormatException with CPython's message.
     */
    public static BigInteger parseInt(String orig, int base) {
        if ((base != 0 && base < 2) || base > 36) {
            throw new IllegalArgumentException("int() base must be >= 2 and <= 36, or 0");
        }
        String s = toAscii(orig);
        int n = s.length();
        // Fast path: short plain decimal
        if (base == 10 && n > 0 && n <= 18) {
            int i = 0;
            char c0 = s.charAt(0);
            if (c0 == '-' || c0 == '+') {
                i = 1;
            }
            if (i < n) {
                boolean ok = true;
                for (int j = i; j < n; j++) {
                    char c = s.charAt(j);
                    if (c < '0' || c > '9') {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    return BigInteger.valueOf(Long.parseLong(s));
                }
            }
        }
        int p = 0;
        while (p < n && isAsciiSpace(s.charAt(p))) {
            p++;
        }
        boolean negative = false;
        if (p < n && s.charAt(p) == '+') {
            p++;
        } else if (p < n && s.charAt(p) == '-') {
            p++;
            negative = true;
        }
        int b = base;
        boolean errorIfNonzero = false;
        char c0 = p < n ? s.charAt(p) : 0;
        char c1 = p + 1 < n ? s.charAt(p + 1) : 0;
        if (b == 0) {
            if (c0 != '0') {
                b = 10;
            } else if (c1 == 'x' || c1 == 'X') {
                b = 16;
            } else if (c1 == 'o' || c1 == 'O') {
                b = 8;
            } else if (c1 == 'b' || c1 == 'B') {
                b = 2;
            } else {
                errorIfNonzero = true;
                b = 10;
            }
        }
        if (c0 == '0' && ((b == 16 && (c1 == 'x' || c1 == 'X')) || (b == 8 && (c1 == 'o' || c1 == 'O'))
                || (b == 2 && (c1 == 'b' || c1 == 'B')))) {
            p += 2;
            if (p < n && s.charAt(p) == '_') {
                p++;
            }
        }
        if (p < n && s.charAt(p) == '_') {
            throw invalidInt(orig, base);
        }
        int start = p;
        int digits = 0;
        char prev = 0;
        StringBuilder clean = null;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '_') {
                if (prev == '_') {
                    throw invalidInt(orig, base);
                }
                if (clean == null) {
                    clean = new StringBuilder(n);
                    clean.append(s, start, p);
                }
            } else if (digitValue(c) < b) {
                digits++;
                if (clean != null) {
                    clean.append(c);
                }
            } else {
                break;
            }
            prev = c;
            p++;
        }
        if (prev == '_') {
            throw invalidInt(orig, base);
        }
        if ((b & (b - 1)) != 0 && digits > MAX_STR_DIGITS) {
            throw new IllegalArgumentException("Exceeds the limit (4300 digits) for integer string conversion: value has "
                    + digits + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        int end = p;
        if (end == start) {
            throw invalidInt(orig, base);
        }
        while (p < n && isAsciiSpace(s.charAt(p))) {
            p++;
        }
        if (p != n) {
            throw invalidInt(orig, base);
        }
        String ds = clean != null ? clean.toString() : s.substring(start, end);
        BigInteger v;
        if (ds.length() <= 12 || (b <= 10 && ds.length() <= 18)) {
            v = BigInteger.valueOf(Long.parseLong(ds, b));
        } else {
            v = new BigInteger(ds, b);
        }
        if (errorIfNonzero && v.signum() != 0) {
            throw invalidInt(orig, base);
        }
        return negative ? v.negate() : v;
    }

    // ------------------------------------------------------------------------------------------
    // float(str)
    // ------------------------------------------------------------------------------------------

    private static NumberFormatException invalidFloat(String orig) {
        return new NumberFormatException("could not convert string to float: " + StrRepr.reprStr(orig));
    }

    /**
     * CPython's {@code float(s)} for a str s: surrounding whitespace, sign, decimal literal with
     * optional fraction and exponent, underscores only between digits, inf/infinity/nan in any
     * case; no hex. Overflow gives +-inf. Error: NumberFormatException with CPython's message.
     */
    public static double parseFloat(String orig) {
        String s = toAscii(orig);
        int n = s.length();
        int p = 0;
        while (p < n && isAsciiSpace(s.charAt(p))) {
            p++;
        }
        while (n > p && isAsciiSpace(s.charAt(n - 1))) {
            n--;
        }
        if (p == n) {
            throw invalidFloat(orig);
        }
        int i = p;
        boolean neg = false;
        char c = s.charAt(i);
        if (c == '+' || c == '-') {
            neg = c == '-';
            i++;
        }
        if (i < n) {
            char d = s.charAt(i);
            if (d == 'i' || d == 'I' || d == 'n' || d == 'N') {
                String w = s.substring(i, n);
                if (w.equalsIgnoreCase("inf") || w.equalsIgnoreCase("infinity")) {
                    return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (w.equalsIgnoreCase("nan")) {
                    return neg ? Double.longBitsToDouble(0xFFF8_0000_0000_0000L) : Double.NaN;
                }
                throw invalidFloat(orig);
            }
        }
        // [digits][.digits][(e|E)[sign]digits], with at least one mantissa digit; '_' only between digits
        StringBuilder clean = null;
        int mantDigits = 0;
        int k = i;
        // integer part
        int[] res = new int[1];
        k = scanDigits(s, k, n, res);
        if (k < 0) {
            throw invalidFloat(orig);
        }
        mantDigits += res[0];
        if (k < n && s.charAt(k) == '.') {
            k++;
            k = scanDigits(s, k, n, res);
            if (k < 0) {
                throw invalidFloat(orig);
            }
            mantDigits += res[0];
        }
        if (mantDigits == 0) {
            throw invalidFloat(orig);
        }
        if (k < n && (s.charAt(k) == 'e' || s.charAt(k) == 'E')) {
            k++;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            k = scanDigits(s, k, n, res);
            if (k < 0 || res[0] == 0) {
                throw invalidFloat(orig);
            }
        }
        if (k != n) {
            throw invalidFloat(orig);
        }
        String body = s.substring(p, n);
        if (body.indexOf('_') >= 0) {
            body = body.replace("_", "");
        }
        return Double.parseDouble(body);
    }

    /**
     * Scans digits with single underscores between them from k; returns the index after them
     * (res[0] = digit count), or -1 on a misplaced underscore.
     */
    private static int scanDigits(String s, int k, int n, int[] res) {
        int count = 0;
        while (k < n) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                count++;
                k++;
            } else if (c == '_') {
                if (count == 0 || k + 1 >= n) {
                    return -1;
                }
                char nx = s.charAt(k + 1);
                if (nx < '0' || nx > '9') {
                    return -1;
                }
                k++;
            } else {
                break;
            }
        }
        res[0] = count;
        return k;
    }

    // ------------------------------------------------------------------------------------------
    // int -> float
    // ------------------------------------------------------------------------------------------

    /** {@code float(v)}: correctly rounded; ArithmeticException("int too large to convert to float"). */
    public static double toDouble(BigInteger v) {
        if (v.bitLength() <= 63) {
            return (double) v.longValue();
        }
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            throw new ArithmeticException("int too large to convert to float");
        }
        return d;
    }

    /**
     * CPython's {@code a / b} for ints: correctly rounded (half-even) even when a or b does not
     * fit in a double. b == 0: ArithmeticException("division by zero") (a ZeroDivisionError; the
     * caller should test for zero first). Result too large: ArithmeticException("integer
     * division result too large for a float") (an OverflowError).
     */
    public static double trueDivide(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        boolean negate = (a.signum() < 0) ^ (b.signum() < 0);
        if (a.signum() == 0) {
            return negate ? -0.0 : 0.0;
        }
        int abits = a.bitLength();
        int bbits = b.bitLength();
        if (abits <= 53 && bbits <= 53) {
            return a.doubleValue() / b.doubleValue();
        }
        BigInteger x = a.abs();
        BigInteger y = b.abs();
        int e = x.bitLength() - y.bitLength(); // x/y in (2^(e-1), 2^(e+1))
        if (e > 1025) {
            throw new ArithmeticException("integer division result too large for a float");
        }
        if (e < -1076) {
            return negate ? -0.0 : 0.0;
        }
        int k = Math.min(55 - e, 1076);
        BigInteger[] qr = k >= 0 ? x.shiftLeft(k).divideAndRemainder(y) : x.divideAndRemainder(y.shiftLeft(-k));
        long q = qr[0].longValueExact();
        if (qr[1].signum() != 0) {
            q |= 1;
        }
        double result;
        if (k == 1076) {
            // value = q * 2^-1076 < 2^-1021: round to a multiple of 2^-1074 by hand
            long qr2 = q >>> 2;
            long rem = q & 3;
            if (rem > 2 || (rem == 2 && (qr2 & 1) == 1)) {
                qr2++;
            }
            result = Double.longBitsToDouble(qr2);
        } else {
            result = Math.scalb((double) q, -k);
            if (Double.isInfinite(result)) {
                throw new ArithmeticException("integer division result too large for a float");
            }
        }
        return negate ? -result : result;
    }
}
