package toy.lib;

/**
 * The fdlibm group of {@link Libm}: the functions glibc takes from Sun's fdlibm (cbrt, log10,
 * log1p, expm1, sinh, cosh, tanh, asinh, acosh, atanh, erf, erfc), ported as glibc has them,
 * with glibc's evaluation order of the polynomials and, for expm1 and log1p, the fused
 * multiply-adds of the variants glibc selects on CPUs with FMA. They build on Libm's correctly
 * rounded exp and log. Split out of Libm, whose class comment describes both groups.
 */
final class LibmFdlibm {
    private LibmFdlibm() {}

    // ----- fdlibm group, as in glibc ------------------------------------------------------------

    private static final double EM_Q1 = -3.33333333333331316428e-02, EM_Q2 = 1.58730158725481460165e-03,
            EM_Q3 = -7.93650757867487942473e-05, EM_Q4 = 4.00821782732936239552e-06,
            EM_Q5 = -2.01099218183624371326e-07;
    private static final double FD_LN2_HI = 6.93147180369123816490e-01, FD_LN2_LO = 1.90821492927058770002e-10;

    /** glibc's expm1 (s_expm1.c: fdlibm with the polynomial evaluated in glibc's order). */
    static double expm1(double x) {
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
    static double log1p(double x) {
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
    static double cbrt(double x) {
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
    static double log10(double x) {
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
        double z = y * log10_2lo + ivln10 * Libm.log(x);
        return z + y * log10_2hi;
    }

    /** glibc's sinh (e_sinh.c). */
    static double sinh(double x) {
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
        if (ix < 0x40862e42) return h * Libm.exp(Math.abs(x));
        int lx = lowWord(x);
        if (ix < 0x408633ce || (ix == 0x408633ce && Integer.compareUnsigned(lx, 0x8fb9f87d) <= 0)) {
            double w = Libm.exp(0.5 * Math.abs(x));
            double t = h * w;
            return t * w;
        }
        return x > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** glibc's cosh (e_cosh.c). */
    static double cosh(double x) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3fd62e43) { // |x| < 0.5*ln2
                if (ix < 0x3c800000) return 1.0;
                double t = expm1(Math.abs(x));
                double w = 1.0 + t;
                return 1.0 + (t * t) / (w + w);
            }
            double t = Libm.exp(Math.abs(x));
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862e42) return 0.5 * Libm.exp(Math.abs(x));
        int lx = lowWord(x);
        if (ix < 0x408633ce || (ix == 0x408633ce && Integer.compareUnsigned(lx, 0x8fb9f87d) <= 0)) {
            double w = Libm.exp(0.5 * Math.abs(x));
            double t = 0.5 * w;
            return t * w;
        }
        if (ix >= 0x7ff00000) return x * x;
        return Double.POSITIVE_INFINITY;
    }

    /** glibc's tanh (s_tanh.c). */
    static double tanh(double x) {
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
    static double asinh(double x) {
        final double ln2 = 6.93147180559945286227e-01;
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix < 0x3e300000) return x; // |x| < 2**-28
        double w;
        if (ix > 0x41b00000) { // |x| > 2**28
            if (ix >= 0x7ff00000) return x + x;
            w = Libm.log(Math.abs(x)) + ln2;
        } else {
            double xa = Math.abs(x);
            if (ix > 0x40000000) { // 2 < |x| <= 2**28
                w = Libm.log(2.0 * xa + 1.0 / (Math.sqrt(xa * xa + 1.0) + xa));
            } else {
                double t = xa * xa;
                w = log1p(xa + t / (1.0 + Math.sqrt(1.0 + t)));
            }
        }
        return Math.copySign(w, x);
    }

    /** glibc's acosh (e_acosh.c). */
    static double acosh(double x) {
        final double ln2 = 6.93147180559945286227e-01;
        int hx = highWord(x);
        int lx = lowWord(x);
        if (hx < 0x3ff00000) return Double.NaN; // x < 1
        if (hx >= 0x41b00000) { // x > 2**28
            if (hx >= 0x7ff00000) return x + x;
            return Libm.log(x) + ln2;
        }
        if (((hx - 0x3ff00000) | lx) == 0) return 0.0;
        if (hx > 0x40000000) { // 2 < x < 2**28
            double t = x * x;
            return Libm.log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    /** glibc's atanh (e_atanh.c). */
    static double atanh(double x) {
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
        return Libm.exp(-z * z - 0.5625) * Libm.exp((z - x) * (z + x) + r / ss);
    }

    static double erf(double x) {
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

    static double erfc(double x) {
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
