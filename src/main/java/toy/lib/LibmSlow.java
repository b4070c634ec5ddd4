package toy.lib;

/**
 * The double-double arithmetic behind {@link Libm}'s correctly rounded group, and that group's
 * slow paths: when a fast path in Libm cannot prove its rounding (Ziv's test), it calls the
 * function here, which evaluates to about 100 bits (value = hi + lo) and rounds once. Libm also
 * builds its tables of 2**(j/256) and sin/cos(j/64) with these functions. Split out of Libm,
 * which remains the entry point; nothing here is meant to be called from outside this package.
 */
final class LibmSlow {
    private LibmSlow() {}

    // ----- double-double helpers (value = hi + lo, |lo| <= ulp(hi)/2) -------------------------

    static final double SPLITTER = 134217729.0; // 2**27 + 1

    static final double PI_HI = 3.141592653589793, PI_LO = 1.2246467991473532e-16;
    static final double PI_2_HI = 1.5707963267948966, PI_2_LO = 6.123233995736766e-17;
    static final double LN2_HI = 0.6931471805599453, LN2_LO = 2.3190468138462996e-17;
    static final double LOG2E_HI = 1.4426950408889634, LOG2E_LO = 2.0355273740931033e-17;

    /** A double-double number. */
    static final class DD {
        final double hi, lo;

        DD(double hi, double lo) {
            this.hi = hi;
            this.lo = lo;
        }

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

    static final DD PI = new DD(PI_HI, PI_LO);
    static final DD PI_2 = new DD(PI_2_HI, PI_2_LO);
    static final DD LN2 = new DD(LN2_HI, LN2_LO);
    static final DD LOG2E = new DD(LOG2E_HI, LOG2E_LO);

    /** 1/x as a double-double, for finite non-zero x not near the overflow or underflow limits. */
    static DD recip(double x) {
        double q = 1.0 / x;
        DD p = DD.twoProd(q, x);
        double rem = (1.0 - p.hi) - p.lo;
        return DD.quickTwoSum(q, rem / x);
    }

    /** 1/n! as double-doubles. */
    static final DD[] INV_FACT = new DD[32];

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
    static int taylorTerms(double r, int offset) {
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
    static DD sinDD(DD r) {
        int terms = taylorTerms(r.hi, 1);
        DD r2 = r.mul(r);
        DD q = INV_FACT[2 * terms + 1];
        for (int j = terms - 1; j >= 0; j--) q = INV_FACT[2 * j + 1].sub(r2.mul(q));
        return q.mul(r);
    }

    /** cos(r) for a double-double |r| <= pi/4. */
    static DD cosDD(DD r) {
        int terms = taylorTerms(r.hi, 0);
        DD r2 = r.mul(r);
        DD q = INV_FACT[2 * terms];
        for (int j = terms - 1; j >= 0; j--) q = INV_FACT[2 * j].sub(r2.mul(q));
        return q;
    }

    static DD[] sinCos(double y) {
        DD r = DD.of(y);
        return new DD[] {sinDD(r), cosDD(r)};
    }

    static final double PIO2_1 = 1.5707963267948966, PIO2_2 = 6.123233995736766e-17,
            PIO2_3 = -1.4973849048591698e-33;
    static final double LN2_1 = 0.6931471805599453, LN2_2 = 2.3190468138462996e-17,
            LN2_3 = 5.707708438416212e-34;

    /**
     * x reduced modulo pi/2: the remainder as a double-double in [-pi/4, pi/4] and the quadrant
     * in q[0]; null when |x| is too large for this three-part reduction (>= 2**20).
     */
    static DD reduce(double x, int[] q) {
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
    static DD expDD(DD z, int[] kOut) {
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
    static DD logDD(double x) {
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
    static DD atanDD(DD u) {
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
    static DD asinDD(DD u) {
        double y0 = StrictMath.asin(u.hi);
        if (y0 == 0.0) return u;
        DD[] sc = sinCos(y0);
        DD d = u.sub(sc[0]).div(sc[1]);
        return DD.of(y0).add(d);
    }

    /** sqrt(v) as a double-double for v >= 0. */
    static DD sqrtDD(double v) {
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
    static boolean nearMidpoint(DD d) {
        double v = d.hi + d.lo;
        double diff = (d.hi - v) + d.lo;
        double ulp = Math.ulp(v);
        double half = ulp * 0.5;
        if (diff < 0 == v > 0 && Math.abs(v) == Math.scalb(1.0, Math.getExponent(v))) half = ulp * 0.25;
        return Math.abs(Math.abs(diff) - half) < ulp * 0x1p-40;
    }

    /** ax**n exactly, then rounded once (half to even). */
    static double exactIntPow(double ax, int n) {
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
    static DD log1Series(double m) {
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
}
