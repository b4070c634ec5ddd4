package toy.object;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloatReprTest {

    @Test
    void reprUsesShortestRoundTripDigitsLikeCPython() {
        FormatCaseFile.Mismatches m = new FormatCaseFile.Mismatches();
        for (String[] row : FormatCaseFile.read("repr_cases.txt")) {
            double d = FormatCaseFile.dbl(row[0]);
            m.check("repr(" + row[0] + ")", row[1], FloatFormat.repr(d));
        }
        m.assertNone();
    }

    @Test
    void reprRoundTripsThroughParseFloat() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d)) {
                continue;
            }
            String s = FloatFormat.repr(d);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(IntFormat.parseFloat(s)), s);
        }
    }

    @Test
    void fastShortestDigitsAgreeWithExactSearch() {
        Random r = new Random(11);
        FloatDigits.Digits fast = new FloatDigits.Digits();
        FloatDigits.Digits exact = new FloatDigits.Digits();
        for (int i = 0; i < 100_000; i++) {
            double d;
            switch (i % 3) {
                case 0:
                    d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
                    break;
                case 1:
                    d = Math.scalb(1.0, r.nextInt(2046) - 1022);
                    break;
                default:
                    d = r.nextInt(1_000_000) / 1000.0;
                    break;
            }
            if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            FloatDigits.shortest(d, fast);
            FloatDigits.shortestSlow(d, exact);
            assertEquals(exact.toString(), fast.toString(), () -> "digits of " + d);
        }
    }

    @Test
    void schubfachLogApproximationsAreExactOverTheDoubleRange() {
        java.math.BigDecimal log10of2 = new java.math.BigDecimal("0.301029995663981195213738894724493026768189881462108541310");
        java.math.BigDecimal log10of3over4 = new java.math.BigDecimal("-0.124938736608299953132449886193870744");
        java.math.BigDecimal log2of10 = new java.math.BigDecimal("3.32192809488736234787031942948939017586483139302458061205");
        for (int q = -1100; q <= 1100; q++) {
            java.math.BigDecimal x = log10of2.multiply(java.math.BigDecimal.valueOf(q));
            assertEquals(x.setScale(0, java.math.RoundingMode.FLOOR).intValueExact(), FloatDigits.flog10pow2(q));
            assertEquals(x.add(log10of3over4).setScale(0, java.math.RoundingMode.FLOOR).intValueExact(),
                    FloatDigits.flog10threeQuartersPow2(q));
        }
        for (int e = -400; e <= 400; e++) {
            java.math.BigDecimal x = log2of10.multiply(java.math.BigDecimal.valueOf(e));
            assertEquals(x.setScale(0, java.math.RoundingMode.FLOOR).intValueExact(), FloatDigits.flog2pow10(e));
        }
    }

    @Test
    void fastFixedPrecisionDigitsAgreeWithExactRounding() {
        Random r = new Random(13);
        FloatDigits.Digits fast = new FloatDigits.Digits();
        FloatDigits.Digits exact = new FloatDigits.Digits();
        for (int i = 0; i < 300_000; i++) {
            double d;
            switch (i % 4) {
                case 0:
                    d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
                    break;
                case 1:
                    d = (r.nextInt(200_000) + 0.5) / Math.pow(10, r.nextInt(6));
                    break;
                case 2:
                    d = r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                    break;
                default:
                    d = r.nextInt(1 << 20) / Math.scalb(1.0, r.nextInt(20));
                    break;
            }
            if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            int mode = r.nextBoolean() ? 2 : 3;
            int nd = mode == 2 ? 1 + r.nextInt(18) : r.nextInt(20);
            double v = d;
            FloatDigits.fixedDigits(v, mode, nd, fast);
            FloatDigits.fixedDigitsExact(v, mode, nd, exact);
            assertEquals(exact.len == 0 ? "e" + exact.decpt : exact.toString(), fast.len == 0 ? "e" + fast.decpt : fast.toString(),
                    () -> "mode " + mode + " nd " + nd + " of " + v);
        }
    }
}
