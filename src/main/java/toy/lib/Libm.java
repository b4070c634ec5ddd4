package toy.lib;

import static toy.lib.LibmSlow.*;

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
 *       is the correctly rounded one; otherwise (about 1 call in 10^4) a slow path in LibmSlow
 *       refines with ~100-bit double-double arithmetic.</li>
 *   <li>Functions glibc takes from Sun's fdlibm (cbrt, log10, log1p, expm1, sinh, cosh, tanh,
 *       asinh, acosh, atanh, erf, erfc) are ported in LibmFdlibm as glibc has them: glibc's
 *       evaluation order of the polynomials, and, for expm1 and log1p, the fused multiply-adds
 *       of the variants glibc selects on CPUs with FMA, on top of the correctly rounded exp and
 *       log.</li>
 * </ul>
 * What remains are glibc's own rounding errors in the first group (about 1 argument in 1000,
 * e.g. {@code math.cos(1.31)}), and exact halfway cases of pow with an integer exponent, which
 * glibc rounds either way ({@code 10.25 ** 10}); LibmAgreementTest pins the agreement.
 */
public final class Libm {
    private Libm() {}

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
    // it falls back to the slower ~100-bit double-double evaluation in LibmSlow.

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
}
