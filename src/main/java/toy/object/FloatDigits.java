package toy.object;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The digit generation behind {@link FloatFormat}: the shortest round-trip digits of a double
 * (Schubfach for normal doubles, an exact BigDecimal search for subnormals) and the correctly
 * rounded fixed-precision digits, in a {@link Digits} buffer. FloatFormat turns these digits
 * into CPython's repr, PyOS_double_to_string and format-spec output.
 */
final class FloatDigits {
    private FloatDigits() {}

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
}
