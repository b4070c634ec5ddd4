package toy.lib;

/**
 * Elementary functions that give the results of the C library CPython 3.11 is linked with
 * (glibc 2.36 on x86-64), so that {@code print(math.f(x))} prints what CPython prints.
 *
 * <p>glibc's functions fall in two groups, and each is reproduced its own way:
 * <ul>
 *   <li>Functions glibc computes correctly rounded except in about 1 case in 1000 (exp, log,
 *       pow, sin, cos, tan, asin, acos, atan, atan2, log2, exp2) are computed here correctly
 *       rounded. Java's own versions differ from glibc far more often: Math.exp/sin/cos/tan/pow
 *       in about 1 case in 500, StrictMath.asin/acos/atan/atan2 (fdlibm) in 5 to 20% of cases.
 *       A fast path evaluates each function to about 70 bits (tables of 2**(j/256) and
 *       sin/cos(j/64) in double-double) and returns when Ziv's rounding test shows the result
 *       is the correctly rounded one; otherwise (about 1 call in 10^4) a slow path refines
 *       with ~100-bit double-double arithmetic.</li>
 *   <li>Functions glibc takes from Sun's fdlibm (cbrt, log10, log1p, expm1, sinh, cosh, tanh,
 *       asinh, acosh, atanh, erf, erfc) are ported here as glibc has them: glibc's evaluation
 *       order of the polynomials, and, for expm1 and log1p, the fused multiply-adds of the
 *       variants glibc selects on CPUs with FMA, on top of the correctly rounded exp and log.</li>
 * </ul>
 * What remains are glibc's own rounding errors in the first group (about 1 argument in 1000,
 * e.g. {@code math.cos(1.31)}), and exact halfway cases of pow with an integer exponent, which
 * glibc rounds either way ({@code 10.25 ** 10}); LibmAgreementTest pins the agreement.
 */
public final class Libm {
    private Libm() {}

    // ----- double-double helpers (value = hi + lo, |lo| <= ulp(hi)/2) -------------------------

    private static final double SPLITTER = 134217729.0; // 2**27 + 1

    private static final double PI_HI = 3.141592653589793, PI_LO = 1.2246467991473532e-16;
    private static final double PI_2_HI = 1.5707963267948966, PI_2_LO = 6.123233995736766e-17;
    private static final double LN2_HI = 0.6931471805599453, LN2_LO = 2.3190468138462996e-17;
    private static final double LOG2E_HI = 1.4426950408889634, LOG2E_LO = 2.0355273740931033e-17;

    /** A double-double number. */
    private record DD(double hi, double lo) {
        static DD of(double x) { return new DD(x, 0.0); }

        static DD twoSum(double a, double b) {
            double s = a + b;
            double bb = s - a;
            double e = (a - (s - bb)) + (b - bb);
            return new DD(s, e);
        }

        static DD quickTwoSum(double a, double b) {
            double s = a + b;
            return new DD(s, b - (s - a));
        }

        static DD twoProd(double a, double b) {
            double p = a * b;
            double t = SPLITTER * a;
            double ahi = t - (t - a), alo = a - ahi;
            t = SPLITTER * b;
            double bhi = t - (t - b), blo = b - bhi;
            double e = ((ahi * bhi - p) + ahi * blo + alo * bhi) + alo * blo;
            return new DD(p, e);
        }

        DD add(DD b) {
            DD s = twoSum(hi, b.hi);
            DD t = twoSum(lo, b.lo);
            double e = s.lo + t.hi;
            DD u = quickTwoSum(s.hi, e);
            e = u.lo + t.lo;
            return quickTwoSum(u.hi, e);
        }

        DD add(double b) {
            DD s = twoSum(hi, b);
            return quickTwoSum(s.hi, s.lo + lo);
        }

        DD neg() { return new DD(-hi, -lo); }

        DD sub(DD b) { return add(b.neg()); }

        DD mul(DD b) {
            DD p = twoProd(hi, b.hi);
            double e = p.lo + (hi * b.lo + lo * b.hi);
            return quickTwoSum(p.hi, e);
        }

        DD mul(double b) {
            DD p = twoProd(hi, b);
            return quickTwoSum(p.hi, p.lo + lo * b);
        }

        DD div(double b) {
            double q1 = hi / b;
            DD r = this.sub(twoProd(q1, b));
            double q2 = r.hi / b;
            r = r.sub(twoProd(q2, b));
            double q3 = r.hi / b;
            return quickTwoSum(q1, q2).add(q3);
        }

        DD div(DD b) {
            double q1 = hi / b.hi;
            DD r = this.sub(b.mul(q1));
            double q2 = r.hi / b.hi;
            r = r.sub(b.mul(q2));
            double q3 = r.hi / b.hi;
            return quickTwoSum(q1, q2).add(q3);
        }

        /** Rounds to the nearest double. */
        double value() { return hi + lo; }
    }

    private static final DD PI = new DD(PI_HI, PI_LO);
    private static final DD PI_2 = new DD(PI_2_HI, PI_2_LO);
    private static final DD LN2 = new DD(LN2_HI, LN2_LO);
    private static final DD LOG2E = new DD(LOG2E_HI, LOG2E_LO);

    /** 1/x as a double-double, for finite non-zero x not near the overflow or underflow limits. */
    private static DD recip(double x) {
        double q = 1.0 / x;
        DD p = DD.twoProd(q, x);
        double rem = (1.0 - p.hi) - p.lo;
        return DD.quickTwoSum(q, rem / x);
    }

    /** 1/n! as double-doubles. */
    private static final DD[] INV_FACT = new DD[32];

    static {
        java.math.BigDecimal f = java.math.BigDecimal.ONE;
        java.math.MathContext mc = new java.math.MathContext(80);
        for (int n = 0; n < INV_FACT.length; n++) {
            if (n > 0) f = f.multiply(java.math.BigDecimal.valueOf(n));
            java.math.BigDecimal inv = java.math.BigDecimal.ONE.divide(f, mc);
            double hi = inv.doubleValue();
            double lo = inv.subtract(new java.math.BigDecimal(hi)).doubleValue();
            INV_FACT[n] = new DD(hi, lo);
        }
    }

    /** The number of Taylor terms (in r*r) needed for |r| <= pi/4 to reach 2**-112. */
    private static int taylorTerms(double r, int offset) {
        double r2 = r * r;
        double t = offset == 1 ? Math.abs(r) : 1.0;
        int j = 0;
        while (j < 15) {
            j++;
            t *= r2;
            if (t * INV_FACT[2 * j + offset].hi < 0x1p-112) break;
        }
        return j;
    }

    /** sin(r) for a double-double |r| <= pi/4 (Taylor series, Horner in r*r). */
    private static DD sinDD(DD r) {
        int terms = taylorTerms(r.hi, 1);
        DD r2 = r.mul(r);
        DD q = INV_FACT[2 * terms + 1];
        for (int j = terms - 1; j >= 0; j--) q = INV_FACT[2 * j + 1].sub(r2.mul(q));
        return q.mul(r);
    }

    /** cos(r) for a double-double |r| <= pi/4. */
    private static DD cosDD(DD r) {
        int terms = taylorTerms(r.hi, 0);
        DD r2 = r.mul(r);
        DD q = INV_FACT[2 * terms];
        for (int j = terms - 1; j >= 0; j--) q = INV_FACT[2 * j].sub(r2.mul(q));
        return q;
    }

    private static DD[] sinCos(double y) {
        DD r = DD.of(y);
        return new DD[] {sinDD(r), cosDD(r)};
    }

    private static final double PIO2_1 = 1.5707963267948966, PIO2_2 = 6.123233995736766e-17,
            PIO2_3 = -1.4973849048591698e-33;
    private static final double LN2_1 = 0.6931471805599453, LN2_2 = 2.3190468138462996e-17,
            LN2_3 = 5.707708438416212e-34;

    /**
     * x reduced modulo pi/2: the remainder as a double-double in [-pi/4, pi/4] and the quadrant
     * in q[0]; null when |x| is too large for this three-part reduction (>= 2**20).
     */
    private static DD reduce(double x, int[] q) {
        if (Math.abs(x) <= 0.7853981633974483) {
            q[0] = 0;
            return DD.of(x);
        }
        if (!(Math.abs(x) < 0x1p20)) return null;
        double k = Math.rint(x * 0.6366197723675814);
        DD r = DD.of(x).sub(DD.twoProd(k, PIO2_1)).sub(DD.twoProd(k, PIO2_2)).sub(DD.of(k * PIO2_3));
        q[0] = (int) ((long) k & 3);
        return r;
    }

    /** exp(z) as a double-double times 2**k (k in k[0]), for |z| < 710. */
    private static DD expDD(DD z, int[] kOut) {
        double k = Math.rint(z.hi * LOG2E_HI);
        DD r = z.sub(DD.twoProd(k, LN2_1)).sub(DD.twoProd(k, LN2_2)).sub(DD.of(k * LN2_3));
        DD s = new DD(r.hi * 0x1p-8, r.lo * 0x1p-8);
        // expm1(s) = s * (1 + s/2! + s^2/3! + ...), Horner
        DD p = INV_FACT[11];
        for (int n = 10; n >= 1; n--) p = p.mul(s).add(INV_FACT[n]);
        DD e = p.mul(s);
        // (1 + e)**2 - 1 = 2e + e*e, eight times
        for (int i = 0; i < 8; i++) e = e.mul(2.0).add(e.mul(e));
        kOut[0] = (int) k;
        return e.add(1.0);
    }

    /** log(x) as a double-double for a positive normal x: Newton step on Math.log. */
    private static DD logDD(double x) {
        int k = Math.getExponent(x);
        double m = Math.scalb(x, -k);
        if (m > 1.4142135623730951) {
            m *= 0.5;
            k += 1;
        }
        DD lm;
        if (Math.abs(m - 1.0) < 0x1p-7) {
            // near 1 the Newton step below would lose relative accuracy: use the series
            lm = log1Series(m);
        } else {
            double y0 = Math.log(m);
            int[] kk = new int[1];
            DD e = expDD(DD.of(-y0), kk);
            e = new DD(Math.scalb(e.hi, kk[0]), Math.scalb(e.lo, kk[0]));
            DD t = e.mul(m).sub(DD.of(1.0));
            // log(1 + t) = t - t*t/2 + ...
            lm = DD.of(y0).add(t).sub(DD.of(t.hi * t.hi * 0.5));
        }
        if (k == 0) return lm;
        DD kl = DD.twoProd(k, LN2_1).add(DD.twoProd(k, LN2_2)).add(k * LN2_3);
        return kl.add(lm);
    }

    /** atan(u) as a double-double for |u| <= 1: one Newton correction of fdlibm's atan. */
    private static DD atanDD(DD u) {
        double y0 = StrictMath.atan(u.hi);
        if (y0 == 0.0) return u;
        DD[] sc = sinCos(y0);
        DD s = sc[0], c = sc[1];
        // tan(atan(u) - y0) = (u - tan y0) / (1 + u tan y0) = (u c - s) / (c + u s)
        DD e = u.mul(c).sub(s).div(c.add(u.mul(s)));
        // atan(e) = e - e^3/3 + ..., and |e| < 2**-50
        return DD.of(y0).add(e);
    }

    /** asin(u) as a double-double for |u| <= 0.5: one Newton correction of fdlibm's asin. */
    private static DD asinDD(DD u) {
        double y0 = StrictMath.asin(u.hi);
        if (y0 == 0.0) return u;
        DD[] sc = sinCos(y0);
        DD d = u.sub(sc[0]).div(sc[1]);
        return DD.of(y0).add(d);
    }

    /** sqrt(v) as a double-double for v >= 0. */
    private static DD sqrtDD(double v) {
        double s = Math.sqrt(v);
        if (s == 0.0) return DD.of(s);
        DD p = DD.twoProd(s, s);
        double r = ((v - p.hi) - p.lo) / (2.0 * s);
        return DD.quickTwoSum(s, r);
    }

    // ----- correctly rounded group, slow paths ----------------------------------------------

    /** exp, correctly rounded (except for subnormal results, which come from Math.exp). */
    static double expSlow(double x) {
        if (!(x > -708.0 && x < 709.7)) return Math.exp(x);
        if (Math.abs(x) < 0x1p-54) return 1.0 + x;
        int[] k = new int[1];
        DD r = expDD(DD.of(x), k);
        return Math.scalb(r.value(), k[0]);
    }

    /** log, correctly rounded for normal positive x; other cases from Math.log. */
    static double logSlow(double x) {
        if (!(x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY) || x == 1.0) return Math.log(x);
        return logDD(x).value();
    }

    /** pow for finite x and y, correctly rounded except near underflow; special cases from Math.pow. */
    static double powSlow(double x, double y) {
        double r = Math.pow(x, y);
        if (!Double.isFinite(r) || r == 0.0 || x == 0.0 || y == 0.0 || y == 1.0 || !Double.isFinite(x)
                || !Double.isFinite(y) || Math.abs(r) < 0x1p-1000 || Math.abs(r) > 0x1p1020) {
            return r;
        }
        double ax = Math.abs(x);
        if (ax == 1.0) return r;
        DD l = logDD(ax < Double.MIN_NORMAL ? ax : ax);
        if (ax < Double.MIN_NORMAL) return r;
        DD z = l.mul(y);
        int[] k = new int[1];
        DD e = expDD(z, k);
        double v;
        if (nearMidpoint(e) && y == Math.rint(y) && y > 1 && y <= 2048) {
            // x**n can be exactly halfway between two doubles: compute it exactly
            v = exactIntPow(ax, (int) y);
        } else {
            v = Math.scalb(e.value(), k[0]);
        }
        return x < 0 && r < 0 ? -v : v;
    }

    /** True when hi + lo lies so close to the midpoint of two doubles that its error matters. */
    private static boolean nearMidpoint(DD d) {
        double v = d.hi + d.lo;
        double diff = (d.hi - v) + d.lo;
        double ulp = Math.ulp(v);
        double half = ulp * 0.5;
        if (diff < 0 == v > 0 && Math.abs(v) == Math.scalb(1.0, Math.getExponent(v))) half = ulp * 0.25;
        return Math.abs(Math.abs(diff) - half) < ulp * 0x1p-40;
    }

    /** ax**n exactly, then rounded once (half to even). */
    private static double exactIntPow(double ax, int n) {
        long bits = Double.doubleToRawLongBits(ax);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        if (exp == 0) exp = 1; else mant |= 1L << 52;
        exp -= 1075; // ax = mant * 2**exp
        java.math.BigInteger p = java.math.BigInteger.valueOf(mant).pow(n);
        long scale = (long) exp * n;
        int shift = Math.max(0, p.bitLength() - 53);
        java.math.BigInteger q = p.shiftRight(shift);
        if (shift > 0) {
            java.math.BigInteger rem = p.subtract(q.shiftLeft(shift));
            int c = rem.compareTo(java.math.BigInteger.ONE.shiftLeft(shift - 1));
            if (c > 0 || (c == 0 && q.testBit(0))) q = q.add(java.math.BigInteger.ONE);
        }
        return Math.scalb(q.doubleValue(), (int) (scale + shift));
    }

    static double sinSlow(double x) {
        if (Math.abs(x) < 0x1p-26) return x;
        int[] q = new int[1];
        DD r = reduce(x, q);
        if (r == null) return Math.sin(x);
        switch (q[0]) {
            case 0: return sinDD(r).value();
            case 1: return cosDD(r).value();
            case 2: return -sinDD(r).value();
            default: return -cosDD(r).value();
        }
    }

    static double cosSlow(double x) {
        if (Math.abs(x) < 0x1p-27) return 1.0;
        int[] q = new int[1];
        DD r = reduce(x, q);
        if (r == null) return Math.cos(x);
        switch (q[0]) {
            case 0: return cosDD(r).value();
            case 1: return -sinDD(r).value();
            case 2: return -cosDD(r).value();
            default: return sinDD(r).value();
        }
    }

    static double tanSlow(double x) {
        if (Math.abs(x) < 0x1p-27) return x;
        int[] q = new int[1];
        DD r = reduce(x, q);
        if (r == null) return Math.tan(x);
        DD s = sinDD(r), c = cosDD(r);
        return (q[0] & 1) == 0 ? s.div(c).value() : c.div(s).neg().value();
    }

    static double atanSlow(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax < 0x1p-27) return x;
        if (ax > 0x1p60) return Math.copySign(PI_2_HI, x);
        if (ax <= 1.0) return atanDD(DD.of(x)).value();
        DD r = PI_2.sub(atanDD(recip(ax)));
        return Math.copySign(r.value(), x);
    }

    static double asinSlow(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax > 1.0) return Double.NaN;
        if (ax < 0x1p-26) return x;
        if (ax <= 0.5) return asinDD(DD.of(x)).value();
        // asin(x) = pi/2 - 2 asin(sqrt((1 - x) / 2)); 1 - x is exact here
        DD r = PI_2.sub(asinDD(sqrtDD((1.0 - ax) * 0.5)).mul(2.0));
        return Math.copySign(r.value(), x);
    }

    static double acosSlow(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax > 1.0) return Double.NaN;
        if (ax < 0x1p-57) return PI_2_HI;
        if (ax <= 0.5) return PI_2.sub(asinDD(DD.of(x))).value();
        DD a = asinDD(sqrtDD((1.0 - ax) * 0.5)).mul(2.0);
        return (x > 0 ? a : PI.sub(a)).value();
    }

    /** atan2 for the cases CPython's m_atan2 passes to the C library (finite, y != 0). */
    static double atan2Slow(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (Double.isInfinite(y)) {
            if (Double.isInfinite(x)) {
                return Math.copySign(Math.copySign(1.0, x) == 1.0 ? 0.25 * Math.PI : 0.75 * Math.PI, y);
            }
            return Math.copySign(0.5 * Math.PI, y);
        }
        if (Double.isInfinite(x) || y == 0.0) {
            return Math.copySign(1.0, x) == 1.0 ? Math.copySign(0.0, y) : Math.copySign(Math.PI, y);
        }
        if (x == 0.0) return Math.copySign(PI_2_HI, y);
        double ax = Math.abs(x), ay = Math.abs(y);
        boolean swap = ay > ax;
        double q = swap ? ax / ay : ay / ax;
        if (q < 0x1p-500) {
            if (swap) return Math.copySign(PI_2_HI, y);
            return x > 0 ? y / x : Math.copySign(PI_HI, y);
        }
        // scale both to exponent ~0 so the double-double products cannot overflow
        int e = Math.getExponent(Math.max(ax, ay));
        ax = Math.scalb(ax, -e);
        ay = Math.scalb(ay, -e);
        double num = swap ? ax : ay, den = swap ? ay : ax;
        double q1 = num / den;
        DD p = DD.twoProd(q1, den);
        DD u = DD.quickTwoSum(q1, ((num - p.hi) - p.lo) / den);
        DD a = atanDD(u);
        DD r;
        if (swap) r = x > 0 ? PI_2.sub(a) : PI_2.add(a);
        else r = x > 0 ? a : PI.sub(a);
        return Math.copySign(r.value(), y);
    }

    /** log2, correctly rounded: k + log(m)/log(2) with log(m) = 2 atanh((m-1)/(m+1)). */
    static double log2Slow(double x) {
        if (Double.isNaN(x) || x < 0) return Double.NaN;
        if (x == 0.0) return Double.NEGATIVE_INFINITY;
        if (Double.isInfinite(x)) return x;
        int k = Math.getExponent(x);
        double m;
        if (k == Double.MIN_EXPONENT - 1) { // subnormal
            double xs = x * 0x1p54;
            k = Math.getExponent(xs);
            m = Math.scalb(xs, -k);
            k -= 54;
        } else {
            m = Math.scalb(x, -k);
        }
        if (m == 1.0) return k;
        DD l = logDD(m).mul(LOG2E);
        return DD.of(k).add(l).value();
    }

    /** ln(m) for m in [sqrt(1/2), sqrt(2)] as a double-double. */
    private static DD log1Series(double m) {
        // s = (m - 1) / (m + 1); m - 1 is exact (Sterbenz)
        DD s = DD.of(m - 1.0).div(DD.twoSum(m, 1.0));
        DD s2 = s.mul(s);
        DD sum = DD.of(0.0);
        DD pow = s;
        for (int n = 1; n < 200; n += 2) {
            DD term = pow.div((double) n);
            sum = sum.add(term);
            if (Math.abs(term.hi) < 0x1p-110 * Math.abs(sum.hi)) break;
            pow = pow.mul(s2);
        }
        return sum.mul(2.0);
    }

    /** exp2, correctly rounded: 2**k * exp(f log 2) with |f| <= 1/2. */
    public static double exp2(double x) {
        if (Double.isNaN(x)) return x;
        if (x >= 1024.0) return Double.POSITIVE_INFINITY;
        if (x < -1080.0) return 0.0;
        double k = Math.rint(x);
        double f = x - k;
        if (f == 0.0) return Math.scalb(1.0, (int) k);
        DD z = LN2.mul(f);
        int[] kk = new int[1];
        DD sum = expDD(z, kk);
        sum = new DD(Math.scalb(sum.hi, kk[0]), Math.scalb(sum.lo, kk[0]));
        int ik = (int) k;
        if (ik >= -1022) return Math.scalb(sum.value(), ik);
        // subnormal result: round once at the final precision
        return Math.scalb(sum.hi, ik) + Math.scalb(sum.lo, ik);
    }


    // ----- fast paths -------------------------------------------------------------------------
    //
    // Each function below first computes its result to about 70 bits with table-driven
    // arithmetic (double plus a correction term), and returns the rounded value when the error
    // bound cannot change the rounding (Ziv's test). In the rare other cases (about 1 in 10^4)
    // it falls back to the slower ~100-bit double-double evaluation above.

    /** a * b - fl(a * b), exactly (Dekker). */
    private static double prodErr(double a, double b, double p) {
        double t = SPLITTER * a;
        double ahi = t - (t - a), alo = a - ahi;
        t = SPLITTER * b;
        double bhi = t - (t - b), blo = b - bhi;
        return ((ahi * bhi - p) + ahi * blo + alo * bhi) + alo * blo;
    }

    /** a + b - fl(a + b), exactly (Knuth). */
    private static double sumErr(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    /** True when hi + lo rounds the same way anywhere within err of it. */
    private static boolean ziv(double hi, double lo, double err) {
        return hi + (lo + err) == hi + (lo - err);
    }

    private static final double EXP_SCALE = 256 / 0.6931471805599453;
    /** ln(2)/256 in three parts; the first has 35 bits, so n * EXP_C1 is exact for |n| < 2**18. */
    private static final double EXP_C1, EXP_C2, EXP_C3;
    /** 2**(j/256) as double-doubles. */
    private static final double[] EXP_TH = new double[256], EXP_TL = new double[256];
    /** sin(j/64) and cos(j/64), j = 0..52, as double-doubles. */
    private static final double[] SIN_H = new double[53], SIN_L = new double[53], COS_H = new double[53], COS_L = new double[53];

    static {
        double c = LN2_1 / 256;
        EXP_C1 = Double.longBitsToDouble(Double.doubleToRawLongBits(c) & ~((1L << 18) - 1));
        double rem = c - EXP_C1; // exact
        double l2 = LN2_2 / 256;
        EXP_C2 = rem + l2;
        EXP_C3 = sumErr(rem, l2, EXP_C2) + LN2_3 / 256;
        int[] k = new int[1];
        for (int j = 0; j < 256; j++) {
            DD z = DD.twoProd(LN2_1, j / 256.0).add(DD.twoProd(LN2_2, j / 256.0));
            DD e = expDD(z, k);
            EXP_TH[j] = Math.scalb(e.hi, k[0]);
            EXP_TL[j] = Math.scalb(e.lo, k[0]);
        }
        for (int j = 0; j < 53; j++) {
            DD a = DD.of(j / 64.0);
            DD sj = sinDD(a), cj = cosDD(a);
            SIN_H[j] = sj.hi;
            SIN_L[j] = sj.lo;
            COS_H[j] = cj.hi;
            COS_L[j] = cj.lo;
        }
    }

    /**
     * exp(zh + zl) = (out[0] + out[1]) * 2**out[2], relative error below 2**-76, for
     * |zh| < 709.8 and |zl| <= 2**-40 |zh| (or tiny).
     */
    private static void expCore(double zh, double zl, double[] out) {
        double n = Math.rint(zh * EXP_SCALE);
        int ni = (int) n;
        int j = ni & 255, k = ni >> 8;
        double r0 = zh - n * EXP_C1; // exact
        double p = n * EXP_C2;
        double pe = prodErr(n, EXP_C2, p);
        double rh = r0 - p;
        double rl = sumErr(r0, -p, rh) - pe - n * EXP_C3 + zl;
        double t = rh + rl;
        rl = sumErr(rh, rl, t);
        rh = t;
        // expm1(r) = rh + rh^2/2 + (r^3/6 + ... + r^6/720) + corrections, |r| <= ln2/512
        double s = rh * rh;
        double se = prodErr(rh, rh, s);
        double rest = rh * s * (1.0 / 6 + rh * (1.0 / 24 + rh * (1.0 / 120 + rh * (1.0 / 720))));
        double half = 0.5 * s;
        double a = rh + half;
        double lo = sumErr(rh, half, a) + rl + 0.5 * se + rh * rl + rest;
        double th = EXP_TH[j], tl = EXP_TL[j];
        double pp = th * a;
        double ppe = prodErr(th, a, pp);
        double h = th + pp;
        double l = sumErr(th, pp, h) + ppe + th * lo + tl + tl * (a + lo);
        out[0] = h + l;
        out[1] = sumErr(h, l, out[0]);
        out[2] = k;
    }

    /** exp, correctly rounded (subnormal results come from Math.exp). */
    public static double exp(double x) {
        if (!(x > -708.0 && x < 709.7)) return Math.exp(x);
        if (Math.abs(x) < 0x1p-54) return 1.0 + x;
        double[] o = new double[3];
        expCore(x, 0.0, o);
        if (ziv(o[0], o[1], o[0] * 0x1p-72)) return Math.scalb(o[0] + o[1], (int) o[2]);
        return expSlow(x);
    }

    /**
     * log(x) = out[0] + out[1] for a positive normal x, with absolute error below
     * 2**-74 + 2**-100 |log x|.
     */
    private static void logCore(double x, double[] out) {
        int k = Math.getExponent(x);
        double m = Math.scalb(x, -k);
        if (m > 1.4142135623730951) {
            m *= 0.5;
            k += 1;
        }
        double f = m - 1.0; // exact
        double h, l;
        if (Math.abs(f) < 0x1p-7) {
            // log(m) = 2 atanh(s), s = f / (2 + f)
            double d = 2.0 + f;
            double de = sumErr(2.0, f, d);
            double sh = f / d;
            double sl = (f - sh * d - prodErr(sh, d, sh * d) - sh * de) / d;
            double s2 = sh * sh;
            double tail = sh * s2 * (2.0 / 3 + s2 * (2.0 / 5 + s2 * (2.0 / 7 + s2 * (2.0 / 9))));
            h = 2 * sh;
            l = 2 * sl + tail;
        } else {
            double y0 = Math.log(m);
            double[] e = new double[3];
            expCore(-y0, 0.0, e);
            double eh = Math.scalb(e[0], (int) e[2]), el = Math.scalb(e[1], (int) e[2]);
            double p = m * eh;
            double t = (p - 1.0) + (prodErr(m, eh, p) + m * el); // m e^-y0 - 1, tiny
            h = y0;
            l = t - 0.5 * t * t;
        }
        if (k != 0) {
            double kh = k * LN2_1;
            double khe = prodErr(k, LN2_1, kh);
            double s = kh + h;
            l = sumErr(kh, h, s) + khe + k * LN2_2 + l;
            h = s;
        }
        out[0] = h + l;
        out[1] = sumErr(h, l, out[0]);
    }

    /** log, correctly rounded for positive normal x; other cases from Math.log. */
    public static double log(double x) {
        if (!(x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY) || x == 1.0) return Math.log(x);
        double[] o = new double[2];
        logCore(x, o);
        if (ziv(o[0], o[1], 0x1p-74 + Math.abs(o[0]) * 0x1p-96)) return o[0] + o[1];
        return logSlow(x);
    }

    /** log2, correctly rounded. */
    public static double log2(double x) {
        if (!(x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY)) return log2Slow(x);
        int k = Math.getExponent(x);
        if (x == Math.scalb(1.0, k)) return k;
        double[] o = new double[2];
        logCore(Math.scalb(x, -k), o);
        // (o0 + o1) * log2(e) + k
        double p = o[0] * LOG2E_HI;
        double pl = prodErr(o[0], LOG2E_HI, p) + o[0] * LOG2E_LO + o[1] * LOG2E_HI;
        double s = k + p;
        double sl = sumErr(k, p, s) + pl;
        if (ziv(s, sl, 0x1p-72 + Math.abs(s) * 0x1p-96)) return s + sl;
        return log2Slow(x);
    }

    /** pow for finite x and y, correctly rounded except near underflow; special cases from Math.pow. */
    public static double pow(double x, double y) {
        double r = Math.pow(x, y);
        if (!Double.isFinite(r) || r == 0.0 || x == 0.0 || y == 0.0 || y == 1.0 || !Double.isFinite(x)
                || !Double.isFinite(y) || Math.abs(r) < 0x1p-1000 || Math.abs(r) > 0x1p1020) {
            return r;
        }
        double ax = Math.abs(x);
        if (ax == 1.0 || ax < Double.MIN_NORMAL) return r;
        double[] o = new double[3];
        logCore(ax, o);
        double zh = y * o[0];
        double zl = prodErr(y, o[0], zh) + y * o[1];
        if (Math.abs(zh) < 709.0) {
            expCore(zh, zl, o);
            double err = o[0] * (0x1p-72 + Math.abs(y) * 0x1p-73 + Math.abs(zh) * 0x1p-95);
            if (ziv(o[0], o[1], err)) {
                double v = Math.scalb(o[0] + o[1], (int) o[2]);
                return x < 0 && r < 0 ? -v : v;
            }
        }
        return powSlow(x, y);
    }

    /**
     * sin and cos of rh + rl (|rh| <= pi/4 + tiny) into out[0..3] = (sin hi, sin lo, cos hi, cos lo),
     * with relative errors below 2**-66.
     */
    private static void sinCosCore(double rh, double rl, double[] out) {
        int j = (int) Math.rint(rh * 64);
        int aj = Math.abs(j);
        double sa = j < 0 ? -SIN_H[aj] : SIN_H[aj], sal = j < 0 ? -SIN_L[aj] : SIN_L[aj];
        double ca = COS_H[aj], cal = COS_L[aj];
        double d0 = rh - j / 64.0; // exact
        double dh = d0 + rl;
        double dl = sumErr(d0, rl, dh);
        double p = dh * dh;
        double pe = prodErr(dh, dh, p);
        double p2 = p * p;
        // cos d - 1 = -p/2 + cs, sin d - d = ss
        double cs = -(0.5 * pe + dh * dl) + p2 * (1.0 / 24 - p * (1.0 / 720) + p2 * (1.0 / 40320));
        double dm = dh * p;
        double ss = -dm * (1.0 / 6) + dm * p * (1.0 / 120) - dm * p2 * (1.0 / 5040) - 0.5 * p * dl;
        double hp = -0.5 * p;
        // sin(a + d) = sa + ca*dh + sa*(-p/2) + [sa*cs + ca*(dl + ss) + sal*(1 + cm1) + cal*d]
        double t1 = ca * dh, t1e = prodErr(ca, dh, t1);
        double t2 = sa * hp, t2e = prodErr(sa, hp, t2);
        double h = sa + t1, e1 = sumErr(sa, t1, h);
        double h2 = h + t2, e2 = sumErr(h, t2, h2);
        double l = e1 + e2 + t1e + t2e + sa * cs + ca * (dl + ss) + sal * (1 + hp + cs) + cal * (dh + dl + ss);
        out[0] = h2 + l;
        out[1] = sumErr(h2, l, out[0]);
        // cos(a + d) = ca - sa*dh + ca*(-p/2) + [ca*cs - sa*(dl + ss) + cal*(1 + cm1) - sal*d]
        double u1 = -sa * dh, u1e = prodErr(-sa, dh, u1);
        double u2 = ca * hp, u2e = prodErr(ca, hp, u2);
        double g = ca + u1, f1 = sumErr(ca, u1, g);
        double g2 = g + u2, f2 = sumErr(g, u2, g2);
        double m = f1 + f2 + u1e + u2e + ca * cs - sa * (dl + ss) + cal * (1 + hp + cs) - sal * (dh + dl + ss);
        out[2] = g2 + m;
        out[3] = sumErr(g2, m, out[2]);
    }

    /** x reduced modulo pi/2 into out[0] + out[1], quadrant returned; -1 when |x| >= 2**20. */
    private static int reduceFast(double x, double[] out) {
        if (Math.abs(x) <= 0.7853981633974483) {
            out[0] = x;
            out[1] = 0.0;
            return 0;
        }
        if (!(Math.abs(x) < 0x1p20)) return -1;
        double k = Math.rint(x * 0.6366197723675814);
        double p1 = k * PIO2_1, p1e = prodErr(k, PIO2_1, p1);
        double p2 = k * PIO2_2, p2e = prodErr(k, PIO2_2, p2);
        double a = x - p1; // exact
        double h = a - p1e;
        double l = sumErr(a, -p1e, h);
        double h2 = h - p2;
        l += sumErr(h, -p2, h2) - p2e - k * PIO2_3;
        out[0] = h2 + l;
        out[1] = sumErr(h2, l, out[0]);
        return (int) ((long) k & 3);
    }

    public static double sin(double x) {
        if (Math.abs(x) < 0x1p-26) return x;
        double[] r = new double[4];
        int q = reduceFast(x, r);
        if (q < 0) return Math.sin(x);
        double rh = r[0], rl = r[1];
        sinCosCore(rh, rl, r);
        double h = (q & 1) == 0 ? r[0] : r[2], l = (q & 1) == 0 ? r[1] : r[3];
        if (q >= 2) {
            h = -h;
            l = -l;
        }
        if (ziv(h, l, Math.abs(h) * 0x1p-64)) return h + l;
        return sinSlow(x);
    }

    public static double cos(double x) {
        if (Math.abs(x) < 0x1p-27) return 1.0;
        double[] r = new double[4];
        int q = reduceFast(x, r);
        if (q < 0) return Math.cos(x);
        sinCosCore(r[0], r[1], r);
        double h, l;
        switch (q) {
            case 0: h = r[2]; l = r[3]; break;
            case 1: h = -r[0]; l = -r[1]; break;
            case 2: h = -r[2]; l = -r[3]; break;
            default: h = r[0]; l = r[1]; break;
        }
        if (ziv(h, l, Math.abs(h) * 0x1p-64)) return h + l;
        return cosSlow(x);
    }

    public static double tan(double x) {
        if (Math.abs(x) < 0x1p-27) return x;
        double[] r = new double[4];
        int q = reduceFast(x, r);
        if (q < 0) return Math.tan(x);
        sinCosCore(r[0], r[1], r);
        double nh = r[0], nl = r[1], dh = r[2], dl = r[3];
        if ((q & 1) == 1) {
            nh = -r[2];
            nl = -r[3];
            dh = r[0];
            dl = r[1];
        }
        double q1 = nh / dh;
        double rem = (nh - q1 * dh - prodErr(q1, dh, q1 * dh)) + nl - q1 * dl;
        double q2 = rem / dh;
        double h = q1 + q2, l = sumErr(q1, q2, h);
        if (ziv(h, l, Math.abs(h) * 0x1p-63)) return h + l;
        return tanSlow(x);
    }

    /** atan(u) for |u.hi| <= 1 with the fast sin/cos: relative error below 2**-64. */
    private static DD atanFast(DD u) {
        double y0 = StrictMath.atan(u.hi);
        if (y0 == 0.0) return u;
        double[] sc = new double[4];
        sinCosCore(y0, 0.0, sc);
        DD s = new DD(sc[0], sc[1]), c = new DD(sc[2], sc[3]);
        DD e = u.mul(c).sub(s).div(c.add(u.mul(s)));
        return DD.of(y0).add(e);
    }

    /** asin(u) for |u.hi| <= 0.5 with the fast sin/cos. */
    private static DD asinFast(DD u) {
        double y0 = StrictMath.asin(u.hi);
        if (y0 == 0.0) return u;
        double[] sc = new double[4];
        sinCosCore(y0, 0.0, sc);
        DD d = u.sub(new DD(sc[0], sc[1])).div(new DD(sc[2], sc[3]));
        return DD.of(y0).add(d);
    }

    private static boolean zivDD(DD r) { return ziv(r.hi, r.lo, Math.abs(r.hi) * 0x1p-62); }

    public static double atan(double x) {
        double ax = Math.abs(x);
        if (!(ax >= 0x1p-27 && ax <= 0x1p60)) return atanSlow(x);
        DD r = ax <= 1.0 ? atanFast(DD.of(ax)) : PI_2.sub(atanFast(recip(ax)));
        if (zivDD(r)) return Math.copySign(r.value(), x);
        return atanSlow(x);
    }

    public static double asin(double x) {
        double ax = Math.abs(x);
        if (!(ax >= 0x1p-26 && ax < 1.0)) return asinSlow(x);
        DD r = ax <= 0.5 ? asinFast(DD.of(ax)) : PI_2.sub(asinFast(sqrtDD((1.0 - ax) * 0.5)).mul(2.0));
        if (zivDD(r)) return Math.copySign(r.value(), x);
        return asinSlow(x);
    }

    public static double acos(double x) {
        double ax = Math.abs(x);
        if (!(ax >= 0x1p-57 && ax < 1.0)) return acosSlow(x);
        DD r;
        if (ax <= 0.5) {
            r = PI_2.sub(asinFast(DD.of(x)));
        } else {
            DD a = asinFast(sqrtDD((1.0 - ax) * 0.5)).mul(2.0);
            r = x > 0 ? a : PI.sub(a);
        }
        if (zivDD(r)) return r.value();
        return acosSlow(x);
    }

    public static double atan2(double y, double x) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || x == 0.0 || y == 0.0) return atan2Slow(y, x);
        double ax = Math.abs(x), ay = Math.abs(y);
        boolean swap = ay > ax;
        double q = swap ? ax / ay : ay / ax;
        if (q < 0x1p-500) return atan2Slow(y, x);
        int e = Math.getExponent(Math.max(ax, ay));
        ax = Math.scalb(ax, -e);
        ay = Math.scalb(ay, -e);
        double num = swap ? ax : ay, den = swap ? ay : ax;
        double q1 = num / den;
        DD u = DD.quickTwoSum(q1, (num - q1 * den - prodErr(q1, den, q1 * den)) / den);
        DD a = atanFast(u);
        DD r;
        if (swap) r = x > 0 ? PI_2.sub(a) : PI_2.add(a);
        else r = x > 0 ? a : PI.sub(a);
        if (zivDD(r)) return Math.copySign(r.value(), y);
        return atan2Slow(y, x);
    }

    // ----- fdlibm group, as in glibc ------------------------------------------------------------

    private static final double EM_Q1 = -3.33333333333331316428e-02, EM_Q2 = 1.58730158725481460165e-03,
            EM_Q3 = -7.93650757867487942473e-05, EM_Q4 = 4.00821782732936239552e-06,
            EM_Q5 = -2.01099218183624371326e-07;
    private static final double FD_LN2_HI = 6.93147180369123816490e-01, FD_LN2_LO = 1.90821492927058770002e-10;

    /** glibc's expm1 (s_expm1.c: fdlibm with the polynomial evaluated in glibc's order). */
    public static double expm1(double x) {
        int hx = highWord(x);
        boolean neg = hx < 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4043687A) { // |x| >= 56*ln2
            if (hx >= 0x40862E42) { // |x| >= 709.78
                if (hx >= 0x7ff00000) {
                    if (Double.isNaN(x)) return x + x;
                    return neg ? -1.0 : x;
                }
                if (x > 7.09782712893383973096e+02) return Double.POSITIVE_INFINITY;
            }
            if (neg) return 1.0e-300 - 1.0;
        }
        // glibc's x86-64 build selects an expm1 compiled with fused multiply-adds; the
        // Math.fma calls below are the contractions the compiler makes
        double hi, lo, c = 0.0, t;
        int k;
        if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
                if (!neg) {
                    hi = x - FD_LN2_HI;
                    lo = FD_LN2_LO;
                    k = 1;
                } else {
                    hi = x + FD_LN2_HI;
                    lo = -FD_LN2_LO;
                    k = -1;
                }
                x = hi - lo;
                c = (hi - x) - lo;
            } else {
                k = (int) Math.fma(1.44269504088896338700e+00, x, neg ? -0.5 : 0.5);
                t = k;
                hi = Math.fma(-t, FD_LN2_HI, x);
                x = Math.fma(-t, FD_LN2_LO, hi);
                c = Math.fma(-t, FD_LN2_LO, hi - x);
            }
        } else if (hx < 0x3c900000) { // |x| < 2**-54
            return x;
        } else {
            k = 0;
        }
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = Math.fma(hxs, EM_Q1, 1.0), h2 = hxs * hxs;
        double r2 = Math.fma(hxs, EM_Q3, EM_Q2), h4 = h2 * h2;
        double r3 = Math.fma(hxs, EM_Q5, EM_Q4);
        double rr = Math.fma(h4, r3, Math.fma(h2, r2, r1));
        t = Math.fma(-rr, hfx, 3.0);
        double e = hxs * ((rr - t) / Math.fma(-x, t, 6.0));
        if (k == 0) return x - Math.fma(x, e, -hxs);
        e = Math.fma(x, e - c, -c);
        e -= hxs;
        if (k == -1) return 0.5 * (x - e) - 0.5;
        if (k == 1) {
            if (x < -0.25) return -2.0 * (e - (x + 0.5));
            return 1.0 + 2.0 * (x - e);
        }
        double y;
        if (k <= -2 || k > 56) {
            y = 1.0 - (e - x);
            if (k == 1024) y = y * 2.0 * 0x1p1023;
            else y = withHighWord(y, highWord(y) + (k << 20));
            return y - 1.0;
        }
        if (k < 20) {
            t = withHighWord(1.0, 0x3ff00000 - (0x200000 >> k)); // 1 - 2**-k
            y = t - (e - x);
            y = withHighWord(y, highWord(y) + (k << 20));
        } else {
            t = withHighWord(1.0, (0x3ff - k) << 20); // 2**-k
            y = x - (e + t);
            y += 1.0;
            y = withHighWord(y, highWord(y) + (k << 20));
        }
        return y;
    }

    private static final double LP1 = 6.666666666666735130e-01, LP2 = 3.999999999940941908e-01,
            LP3 = 2.857142874366239149e-01, LP4 = 2.222219843214978396e-01, LP5 = 1.818357216161805012e-01,
            LP6 = 1.531383769920937332e-01, LP7 = 1.479819860511658591e-01;

    /** glibc's log1p (s_log1p.c: fdlibm with the polynomial evaluated in glibc's order). */
    public static double log1p(double x) {
        int hx = highWord(x);
        int ax = hx & 0x7fffffff;
        int k = 1, hu = 0;
        double f = 0.0, c = 0.0;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1.0
                if (x == -1.0) return Double.NEGATIVE_INFINITY;
                return Double.NaN;
            }
            if (ax < 0x3e200000) { // |x| < 2**-29
                if (ax < 0x3c900000) return x;
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec4) { // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        } else if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = highWord(u);
                k = (hu >> 20) - 1023;
                c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            } else {
                u = x;
                hu = highWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHighWord(u, hu | 0x3ff00000);
            } else {
                k += 1;
                u = withHighWord(u, hu | 0x3fe00000);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2**-20
            if (f == 0.0) {
                if (k == 0) return 0.0;
                c += k * FD_LN2_LO;
                return k * FD_LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) return f - r;
            return k * FD_LN2_HI - ((r - (k * FD_LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        // glibc's x86-64 build contracts this polynomial into fused multiply-adds
        double z2 = z * z, z4 = z2 * z2, z6 = z4 * z2;
        double r2 = Math.fma(z, LP3, LP2);
        double r3 = Math.fma(z, LP5, LP4);
        double r4 = Math.fma(z, LP7, LP6);
        double r = Math.fma(z6, r4, Math.fma(z4, r3, Math.fma(z, LP1, z2 * r2)));
        if (k == 0) return f - (hfsq - s * (hfsq + r));
        return k * FD_LN2_HI - ((hfsq - (s * (hfsq + r) + (k * FD_LN2_LO + c))) - f);
    }

    private static int highWord(double x) { return (int) (Double.doubleToRawLongBits(x) >>> 32); }

    private static int lowWord(double x) { return (int) Double.doubleToRawLongBits(x); }

    private static double withLowWord(double x, int low) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & 0xffffffff00000000L) | (low & 0xffffffffL));
    }

    private static double withHighWord(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    }

    /** glibc's cbrt (sysdeps/ieee754/dbl-64/s_cbrt.c). */
    public static double cbrt(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) return x + x;
        final double cbrt2 = 1.2599210498948731648, sqrCbrt2 = 1.5874010519681994748;
        final double[] factor = {1.0 / sqrCbrt2, 1.0 / cbrt2, 1.0, cbrt2, sqrCbrt2};
        int[] e = new int[1];
        double xm = MathModule.frexp(Math.abs(x), e);
        int xe = e[0];
        double u = (0.354895765043919860
                + ((1.50819193781584896
                + ((-2.11499494167371287
                + ((2.44693122563534430
                + ((-1.83469277483613086
                + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
                * xm))
                * xm))
                * xm))
                * xm));
        double t2 = u * u * u;
        double ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * factor[2 + xe % 3];
        return Math.scalb(Math.copySign(ym, x), xe / 3);
    }

    /** glibc's log10 (e_log10.c): n*log10(2) + log(m)/ln(10) in two parts. */
    public static double log10(double x) {
        final double two54 = 1.80143985094819840000e+16;
        final double ivln10 = 4.34294481903251816668e-01;
        final double log10_2hi = 3.01029995663611771306e-01;
        final double log10_2lo = 3.69423907715893078616e-13;
        int hx = highWord(x);
        int lx = lowWord(x);
        int k = 0;
        if (hx < 0x00100000) {
            if (((hx & 0x7fffffff) | lx) == 0) return Double.NEGATIVE_INFINITY;
            if (hx < 0) return Double.NaN;
            k -= 54;
            x *= two54;
            hx = highWord(x);
        }
        if (hx >= 0x7ff00000) return x + x;
        k += (hx >> 20) - 1023;
        int i = (k & 0x80000000) >>> 31;
        hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
        double y = k + i;
        x = withHighWord(x, hx);
        double z = y * log10_2lo + ivln10 * log(x);
        return z + y * log10_2hi;
    }

    /** glibc's sinh (e_sinh.c). */
    public static double sinh(double x) {
        int jx = highWord(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) return x + x;
        double h = jx < 0 ? -0.5 : 0.5;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3e300000) return x; // |x| < 2**-28
            double t = expm1(Math.abs(x));
            if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1.0));
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862e42) return h * exp(Math.abs(x));
        int lx = lowWord(x);
        if (ix < 0x408633ce || (ix == 0x408633ce && Integer.compareUnsigned(lx, 0x8fb9f87d) <= 0)) {
            double w = exp(0.5 * Math.abs(x));
            double t = h * w;
            return t * w;
        }
        return x > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** glibc's cosh (e_cosh.c). */
    public static double cosh(double x) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3fd62e43) { // |x| < 0.5*ln2
                if (ix < 0x3c800000) return 1.0;
                double t = expm1(Math.abs(x));
                double w = 1.0 + t;
                return 1.0 + (t * t) / (w + w);
            }
            double t = exp(Math.abs(x));
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x));
        int lx = lowWord(x);
        if (ix < 0x408633ce || (ix == 0x408633ce && Integer.compareUnsigned(lx, 0x8fb9f87d) <= 0)) {
            double w = exp(0.5 * Math.abs(x));
            double t = 0.5 * w;
            return t * w;
        }
        if (ix >= 0x7ff00000) return x * x;
        return Double.POSITIVE_INFINITY;
    }

    /** glibc's tanh (s_tanh.c). */
    public static double tanh(double x) {
        int jx = highWord(x);
        int ix = jx & 0x7fffffff;
        int lx = lowWord(x);
        if (ix >= 0x7ff00000) return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
        double z;
        if (ix < 0x40360000) {
            if ((ix | lx) == 0) return x;
            if (ix < 0x3c800000) return x * (1.0 + x);
            if (ix >= 0x3ff00000) {
                double t = expm1(2.0 * Math.abs(x));
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = expm1(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0 - 1.0e-300;
        }
        return jx >= 0 ? z : -z;
    }

    /** glibc's asinh (s_asinh.c). */
    public static double asinh(double x) {
        final double ln2 = 6.93147180559945286227e-01;
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix < 0x3e300000) return x; // |x| < 2**-28
        double w;
        if (ix > 0x41b00000) { // |x| > 2**28
            if (ix >= 0x7ff00000) return x + x;
            w = log(Math.abs(x)) + ln2;
        } else {
            double xa = Math.abs(x);
            if (ix > 0x40000000) { // 2 < |x| <= 2**28
                w = log(2.0 * xa + 1.0 / (Math.sqrt(xa * xa + 1.0) + xa));
            } else {
                double t = xa * xa;
                w = log1p(xa + t / (1.0 + Math.sqrt(1.0 + t)));
            }
        }
        return Math.copySign(w, x);
    }

    /** glibc's acosh (e_acosh.c). */
    public static double acosh(double x) {
        final double ln2 = 6.93147180559945286227e-01;
        int hx = highWord(x);
        int lx = lowWord(x);
        if (hx < 0x3ff00000) return Double.NaN; // x < 1
        if (hx >= 0x41b00000) { // x > 2**28
            if (hx >= 0x7ff00000) return x + x;
            return log(x) + ln2;
        }
        if (((hx - 0x3ff00000) | lx) == 0) return 0.0;
        if (hx > 0x40000000) { // 2 < x < 2**28
            double t = x * x;
            return log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    /** glibc's atanh (e_atanh.c). */
    public static double atanh(double x) {
        double xa = Math.abs(x);
        double t;
        if (xa < 0.5) {
            if (xa < 0x1.0p-28) return x;
            t = xa + xa;
            t = 0.5 * log1p(t + t * xa / (1.0 - xa));
        } else if (xa < 1.0) {
            t = 0.5 * log1p((xa + xa) / (1.0 - xa));
        } else {
            if (xa > 1.0 || Double.isNaN(xa)) return Double.NaN;
            return x / 0.0;
        }
        return Math.copySign(t, x);
    }

    // erf and erfc: fdlibm's s_erf.c with glibc's evaluation order of the polynomials
    private static final double ERX = 8.45062911510467529297e-01;
    private static final double EFX = 1.28379167095512586316e-01;
    private static final double PP0 = 1.28379167095512558561e-01, PP1 = -3.25042107247001499370e-01,
            PP2 = -2.84817495755985104766e-02, PP3 = -5.77027029648944159157e-03, PP4 = -2.37630166566501626084e-05;
    private static final double QQ1 = 3.97917223959155352819e-01, QQ2 = 6.50222499887672944485e-02,
            QQ3 = 5.08130628187576562776e-03, QQ4 = 1.32494738004321644526e-04, QQ5 = -3.96022827877536812320e-06;
    private static final double PA0 = -2.36211856075265944077e-03, PA1 = 4.14856118683748331666e-01,
            PA2 = -3.72207876035701323847e-01, PA3 = 3.18346619901161753674e-01, PA4 = -1.10894694282396677476e-01,
            PA5 = 3.54783043256182359371e-02, PA6 = -2.16637559486879084300e-03;
    private static final double QA1 = 1.06420880400844228286e-01, QA2 = 5.40397917702171048937e-01,
            QA3 = 7.18286544141962662868e-02, QA4 = 1.26171219808761642112e-01, QA5 = 1.36370839120290507362e-02,
            QA6 = 1.19844998467991074170e-02;
    private static final double RA0 = -9.86494403484714822705e-03, RA1 = -6.93858572707181764372e-01,
            RA2 = -1.05586262253232909814e+01, RA3 = -6.23753324503260060396e+01, RA4 = -1.62396669462573470355e+02,
            RA5 = -1.84605092906711035994e+02, RA6 = -8.12874355063065934246e+01, RA7 = -9.81432934416914548592e+00;
    private static final double SA1 = 1.96512716674392571292e+01, SA2 = 1.37657754143519042600e+02,
            SA3 = 4.34565877475229228821e+02, SA4 = 6.45387271733267880336e+02, SA5 = 4.29008140027567833386e+02,
            SA6 = 1.08635005541779435134e+02, SA7 = 6.57024977031928170135e+00, SA8 = -6.04244152148580987438e-02;
    private static final double RB0 = -9.86494292470009928597e-03, RB1 = -7.99283237680523006574e-01,
            RB2 = -1.77579549177547519889e+01, RB3 = -1.60636384855821916062e+02, RB4 = -6.37566443368389627722e+02,
            RB5 = -1.02509513161107724954e+03, RB6 = -4.83519191608651397019e+02;
    private static final double SB1 = 3.03380607434824582924e+01, SB2 = 3.25792512996573918826e+02,
            SB3 = 1.53672958608443695994e+03, SB4 = 3.19985821950859553908e+03, SB5 = 2.55305040643316442583e+03,
            SB6 = 4.74528541206955367215e+02, SB7 = -2.24409524465858183362e+01;

    /** R/S of erf on [0, 0.84375) at z = x*x. */
    private static double erfSmallRatio(double z) {
        double r1 = PP0 + z * PP1, z2 = z * z;
        double r2 = PP2 + z * PP3, z4 = z2 * z2;
        double s1 = 1.0 + z * QQ1;
        double s2 = QQ2 + z * QQ3;
        double s3 = QQ4 + z * QQ5;
        double r = r1 + z2 * r2 + z4 * PP4;
        double s = s1 + z2 * s2 + z4 * s3;
        return r / s;
    }

    /** P/Q of erf on [0.84375, 1.25) at s = |x| - 1. */
    private static double erfMidRatio(double s) {
        double p1 = PA0 + s * PA1, s2 = s * s;
        double q1 = 1.0 + s * QA1, s4 = s2 * s2;
        double p2 = PA2 + s * PA3, s6 = s4 * s2;
        double q2 = QA2 + s * QA3;
        double p3 = PA4 + s * PA5;
        double q3 = QA4 + s * QA5;
        double p = p1 + s2 * p2 + s4 * p3 + s6 * PA6;
        double q = q1 + s2 * q2 + s4 * q3 + s6 * QA6;
        return p / q;
    }

    /** exp(-x*x - 0.5625 + R/S) for |x| >= 1.25, as fdlibm (x > 0). */
    private static double erfcTail(double x, boolean below) {
        double s = 1.0 / (x * x);
        double r, ss;
        if (below) {
            double r1 = RA0 + s * RA1, s2 = s * s;
            double t1 = 1.0 + s * SA1, s4 = s2 * s2;
            double r2 = RA2 + s * RA3, s6 = s4 * s2;
            double t2 = SA2 + s * SA3, s8 = s4 * s4;
            double r3 = RA4 + s * RA5;
            double t3 = SA4 + s * SA5;
            double r4 = RA6 + s * RA7;
            double t4 = SA6 + s * SA7;
            r = r1 + s2 * r2 + s4 * r3 + s6 * r4;
            ss = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA8;
        } else {
            double r1 = RB0 + s * RB1, s2 = s * s;
            double t1 = 1.0 + s * SB1, s4 = s2 * s2;
            double r2 = RB2 + s * RB3, s6 = s4 * s2;
            double t2 = SB2 + s * SB3;
            double r3 = RB4 + s * RB5;
            double t3 = SB4 + s * SB5;
            double t4 = SB6 + s * SB7;
            r = r1 + s2 * r2 + s4 * r3 + s6 * RB6;
            ss = t1 + s2 * t2 + s4 * t3 + s6 * t4;
        }
        double z = withLowWord(x, 0);
        return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / ss);
    }

    public static double erf(double x) {
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            if (Double.isNaN(x)) return x;
            return hx < 0 ? -1.0 : 1.0;
        }
        if (ix < 0x3feb0000) { // |x| < 0.84375
            if (ix < 0x3e300000) { // |x| < 2**-28
                if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
                return x + EFX * x;
            }
            return x + x * erfSmallRatio(x * x);
        }
        if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
            double pq = erfMidRatio(Math.abs(x) - 1.0);
            return hx >= 0 ? ERX + pq : -ERX - pq;
        }
        if (ix >= 0x40180000) return hx >= 0 ? 1.0 - 1e-300 : 1e-300 - 1.0; // |x| >= 6
        double ax = Math.abs(x);
        double r = erfcTail(ax, ix < 0x4006DB6E);
        return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
    }

    public static double erfc(double x) {
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            if (Double.isNaN(x)) return x;
            return hx < 0 ? 2.0 : 0.0;
        }
        if (ix < 0x3feb0000) { // |x| < 0.84375
            if (ix < 0x3c700000) return 1.0 - x; // |x| < 2**-56
            double y = erfSmallRatio(x * x);
            if (hx < 0x3fd00000) return 1.0 - (x + x * y); // x < 1/4
            double r = x * y;
            r += (x - 0.5);
            return 0.5 - r;
        }
        if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
            double pq = erfMidRatio(Math.abs(x) - 1.0);
            if (hx >= 0) return (1.0 - ERX) - pq;
            return 1.0 + (ERX + pq);
        }
        if (ix < 0x403c0000) { // |x| < 28
            double ax = Math.abs(x);
            if (ix >= 0x4006DB6D && hx < 0 && ix >= 0x40180000) return 2.0 - 1e-300; // x < -6
            double r = erfcTail(ax, ix < 0x4006DB6D);
            return hx > 0 ? r / ax : 2.0 - r / ax;
        }
        return hx > 0 ? 0.0 : 2.0 - 1e-300;
    }
}
