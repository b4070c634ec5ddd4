package toy.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks {@link MersenneTwister} against CPython 3.11. Every expected value below was produced by
 * running the python3 snippet quoted in the comment above it (module-level {@code random}
 * functions, which share one {@code random.Random} instance).
 */
class MersenneTwisterTest {

    private static void assertSameDoubles(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    "index " + i + ": expected " + expected[i] + " but was " + actual[i]);
        }
    }

    /** For results that pass through libm's log/sin/cos/exp, whose last bit may differ (see gauss Javadoc). */
    private static void assertWithinUlps(double expected, double actual, int ulps, String what) {
        assertTrue(Math.abs(expected - actual) <= ulps * Math.ulp(expected),
                what + ": expected " + expected + " but was " + actual);
    }

    private static double[] randoms(MersenneTwister r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.random();
        }
        return out;
    }

    private static long[] toLongs(String[] decimals) {
        long[] out = new long[decimals.length];
        for (int i = 0; i < decimals.length; i++) {
            out[i] = Long.parseLong(decimals[i]);
        }
        return out;
    }

    // ------------------------------------------------------------------ seeding

    @Test
    void seededRandomMatchesCPython() {
        assertSameDoubles(RANDOM_SEED_42, randoms(new MersenneTwister(42), 20));
        assertSameDoubles(RANDOM_SEED_0, randoms(new MersenneTwister(0), 20));
        assertSameDoubles(RANDOM_SEED_MINUS_7, randoms(new MersenneTwister(-7), 20));
        assertSameDoubles(RANDOM_SEED_2_POW_100, randoms(new MersenneTwister(BigInteger.TWO.pow(100)), 20));
        assertSameDoubles(RANDOM_SEED_HELLO, randoms(new MersenneTwister("hello"), 20));
    }

    @Test
    void reseedingRestartsTheSequence() {
        MersenneTwister r = new MersenneTwister(1);
        r.random();
        r.seed(42);
        assertSameDoubles(RANDOM_SEED_42, randoms(r, 20));
        r.seed("hello");
        assertSameDoubles(RANDOM_SEED_HELLO, randoms(r, 20));
    }

    @Test
    void intSeedUsesAbsoluteValueAsLittleEndianWords() {
        for (int i = 0; i < INT_SEEDS.length; i++) {
            BigInteger seed = new BigInteger(INT_SEEDS[i]);
            MersenneTwister big = new MersenneTwister(seed);
            assertSameDoubles(INT_SEED_RANDOMS[i], randoms(big, 5));
            if (seed.bitLength() <= 63) {
                MersenneTwister small = new MersenneTwister(seed.longValueExact());
                assertSameDoubles(INT_SEED_RANDOMS[i], randoms(small, 5));
            }
        }
    }

    @Test
    void longMinValueSeedMatchesTwoToThe63() {
        MersenneTwister a = new MersenneTwister(Long.MIN_VALUE);
        MersenneTwister b = new MersenneTwister(BigInteger.TWO.pow(63));
        assertSameDoubles(randoms(b, 10), randoms(a, 10));
    }

    @Test
    void stringSeedUsesSha512() {
        for (int i = 0; i < STR_SEEDS.length; i++) {
            assertSameDoubles(STR_SEED_RANDOMS[i], randoms(new MersenneTwister(STR_SEEDS[i]), 5));
        }
    }

    @Test
    void bytesSeedUsesSha512() {
        MersenneTwister r = new MersenneTwister(0);
        r.seed(new byte[] {0, (byte) 255, (byte) 128, 7});
        assertSameDoubles(BYTES_SEED_RANDOMS, randoms(r, 5));
    }

    @Test
    void floatSeedUsesUnsignedHash() {
        MersenneTwister r = new MersenneTwister(0);
        for (int i = 0; i < FLOAT_SEEDS.length; i++) {
            assertEquals(FLOAT_HASHES[i], MersenneTwister.hashDouble(FLOAT_SEEDS[i]), "hash(" + FLOAT_SEEDS[i] + ")");
            r.seed(FLOAT_SEEDS[i]);
            assertSameDoubles(FLOAT_SEED_RANDOMS[i], randoms(r, 3));
        }
    }

    @Test
    void unseededGeneratorsDiffer() {
        MersenneTwister a = new MersenneTwister();
        MersenneTwister b = new MersenneTwister();
        double[] xa = randoms(a, 5);
        double[] xb = randoms(b, 5);
        assertNotEquals(java.util.Arrays.toString(xa), java.util.Arrays.toString(xb));
        for (double x : xa) {
            assertTrue(x >= 0.0 && x < 1.0);
        }
        a.seedFromTime();
        a.seed(42);
        assertSameDoubles(RANDOM_SEED_42, randoms(a, 20));
    }

    @Test
    void stateSurvivesManyTwists() {
        MersenneTwister r = new MersenneTwister(2024);
        long[] words = new long[2000];
        for (int i = 0; i < words.length; i++) {
            words[i] = Integer.toUnsignedLong(r.genrandUint32());
        }
        assertArrayEquals(LONG_STREAM_TAIL, java.util.Arrays.copyOfRange(words, 1995, 2000));
    }

    // ------------------------------------------------------------------ bits

    @Test
    void getrandbitsFillsWordsLittleEndian() {
        MersenneTwister r = new MersenneTwister(42);
        for (int i = 0; i < GETRANDBITS_KS.length; i++) {
            assertEquals(new BigInteger(GETRANDBITS_SEED_42[i]), r.getrandbits(GETRANDBITS_KS[i]),
                    "getrandbits(" + GETRANDBITS_KS[i] + ")");
        }
    }

    @Test
    void getrandbitsLongMatchesBigIntegerVersion() {
        MersenneTwister fast = new MersenneTwister(7);
        MersenneTwister slow = new MersenneTwister(7);
        for (int k = 0; k < 64; k++) {
            assertEquals(GETRANDBITS_0_TO_63[k], fast.getrandbitsLong(k), "getrandbits(" + k + ")");
            assertEquals(BigInteger.valueOf(GETRANDBITS_0_TO_63[k]), slow.getrandbits(k), "getrandbits(" + k + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> fast.getrandbitsLong(64));
    }

    @Test
    void randbytesIsLittleEndianGetrandbits() {
        MersenneTwister r = new MersenneTwister(42);
        int[] sizes = {0, 1, 3, 4, 5, 9};
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(RANDBYTES_SEED_42[i], HexFormat.of().formatHex(r.randbytes(sizes[i])));
        }
    }

    // ------------------------------------------------------------------ integers

    @Test
    void randintMatchesCPython() {
        MersenneTwister r = new MersenneTwister(42);
        for (int i = 0; i < RANDINT_1_6.length; i++) {
            assertEquals(RANDINT_1_6[i], r.randint(1, 6), "draw " + i);
        }
    }

    @Test
    void randrangeWithStepMatchesCPython() {
        MersenneTwister r = new MersenneTwister(42);
        for (long expected : RANDRANGE_0_100_7) {
            assertEquals(expected, r.randrange(0, 100, 7));
        }
        r.seed(42);
        for (long expected : RANDRANGE_100_0_MINUS_3) {
            assertEquals(expected, r.randrange(100, 0, -3));
        }
        r.seed(42);
        for (long expected : RANDRANGE_MINUS_7_20_4) {
            assertEquals(expected, r.randrange(-7, 20, 4));
        }
    }

    @Test
    void randrangeWithStepMatchesCPythonForBigIntegers() {
        MersenneTwister r = new MersenneTwister(42);
        for (long expected : RANDRANGE_0_100_7) {
            assertEquals(BigInteger.valueOf(expected),
                    r.randrange(BigInteger.ZERO, BigInteger.valueOf(100), BigInteger.valueOf(7)));
        }
        r.seed(42);
        for (long expected : RANDRANGE_100_0_MINUS_3) {
            assertEquals(BigInteger.valueOf(expected),
                    r.randrange(BigInteger.valueOf(100), BigInteger.ZERO, BigInteger.valueOf(-3)));
        }
    }

    @Test
    void randrangeOneAndTwoArgumentsMatchCPython() {
        MersenneTwister r = new MersenneTwister(42);
        for (long expected : RANDRANGE_MINUS_50_50) {
            assertEquals(expected, r.randrange(-50, 50));
        }
        r.seed(42);
        for (long expected : RANDRANGE_10) {
            assertEquals(expected, r.randrange(10));
        }
        r.seed(42);
        for (long expected : RANDRANGE_10) {
            assertEquals(BigInteger.valueOf(expected), r.randrange(BigInteger.TEN));
        }
        r.seed(42);
        for (long expected : RANDRANGE_10) {
            assertEquals(expected, r.randrange(0, 10, 1));
        }
    }

    @Test
    void randrangeNearLongLimitsDoesNotOverflow() {
        MersenneTwister r = new MersenneTwister(42);
        long[] got = new long[20];
        for (int i = 0; i < 5; i++) {
            got[i] = r.randrange(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        for (int i = 5; i < 10; i++) {
            got[i] = r.randint(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        for (int i = 10; i < 15; i++) {
            got[i] = r.randrange(Long.MAX_VALUE, Long.MIN_VALUE, -(1L << 61));
        }
        for (int i = 15; i < 20; i++) {
            got[i] = r.randrange(Long.MIN_VALUE, Long.MAX_VALUE, 3);
        }
        assertArrayEquals(RANDRANGE_LONG_EXTREMES, got);
    }

    @Test
    void randrangeOnHugeIntsMatchesCPython() {
        MersenneTwister r = new MersenneTwister(42);
        BigInteger two90 = BigInteger.TWO.pow(90);
        BigInteger ten30 = BigInteger.TEN.pow(30);
        List<BigInteger> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(r.randrange(BigInteger.TWO.pow(100)));
        }
        for (int i = 0; i < 3; i++) {
            got.add(r.randrange(two90.negate(), two90));
        }
        for (int i = 0; i < 3; i++) {
            got.add(r.randrange(ten30, ten30.negate(), BigInteger.valueOf(-7)));
        }
        for (int i = 0; i < 3; i++) {
            got.add(r.randint(BigInteger.ONE, BigInteger.TWO.pow(64)));
        }
        for (int i = 0; i < RANDRANGE_BIG.length; i++) {
            assertEquals(new BigInteger(RANDRANGE_BIG[i]), got.get(i), "draw " + i);
        }
    }

    @Test
    void randbelowRejectsAtBitLength() {
        MersenneTwister r = new MersenneTwister(5);
        BigInteger a = BigInteger.TWO.pow(64).add(BigInteger.ONE);
        BigInteger b = BigInteger.valueOf(3).pow(70);
        for (int i = 0; i < 5; i++) {
            assertEquals(new BigInteger(RANDBELOW_BIG[i]), r.randbelow(a));
        }
        for (int i = 5; i < 10; i++) {
            assertEquals(new BigInteger(RANDBELOW_BIG[i]), r.randbelow(b));
        }
    }

    @Test
    void integralFloatArgumentsAreAccepted() {
        MersenneTwister r = new MersenneTwister(42);
        long step = MersenneTwister.randrangeArg(2.0, 3).longValueExact();
        long stop = MersenneTwister.randrangeArg(10.0, 1).longValueExact();
        long[] got = new long[10];
        for (int i = 0; i < 5; i++) {
            got[i] = r.randrange(0, 10, step);
        }
        for (int i = 5; i < 10; i++) {
            got[i] = r.randrange(stop);
        }
        assertArrayEquals(RANDRANGE_FLOAT_ARGS, got);
        assertEquals(new BigInteger(INT_OF_1E30[0]), MersenneTwister.randrangeArg(1e30, 2));
    }

    // ------------------------------------------------------------------ sequences

    @Test
    void shuffleMatchesCPython() {
        int[] a = new int[20];
        List<Integer> list = new ArrayList<>();
        Integer[] boxed = new Integer[20];
        for (int i = 0; i < 20; i++) {
            a[i] = i;
            list.add(i);
            boxed[i] = i;
        }
        new MersenneTwister(42).shuffle(a);
        assertArrayEquals(SHUFFLE_20, a);
        new MersenneTwister(42).shuffle(list);
        assertArrayEquals(SHUFFLE_20, list.stream().mapToInt(Integer::intValue).toArray());
        new MersenneTwister(42).shuffle(boxed);
        assertArrayEquals(SHUFFLE_20, java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());

        MersenneTwister twice = new MersenneTwister(42);
        int[] b = new int[20];
        for (int i = 0; i < 20; i++) {
            b[i] = i;
        }
        twice.shuffle(b);
        twice.shuffle(b);
        assertArrayEquals(SHUFFLE_20_TWICE, b);
    }

    @Test
    void choiceMatchesCPython() {
        MersenneTwister r = new MersenneTwister(42);
        String pop = "abcdefghij";
        for (int i = 0; i < CHOICE_10.length; i++) {
            assertEquals(CHOICE_10[i], String.valueOf(pop.charAt(r.choiceIndex(pop.length()))), "draw " + i);
        }
    }

    @Test
    void sampleUsesSetWhenPopulationIsLarge() {
        assertArrayEquals(SAMPLE_100_10, new MersenneTwister(42).sample(100, 10));
        assertArrayEquals(SAMPLE_86_6, new MersenneTwister(5).sample(86, 6));
        assertArrayEquals(SAMPLE_22_5, new MersenneTwister(5).sample(22, 5));
        assertArrayEquals(SAMPLE_4118_342, new MersenneTwister(42).sample(4118, 342));
        assertArrayEquals(SAMPLE_2_POW_40_4, new MersenneTwister(42).sample(1L << 40, 4));
        assertArrayEquals(SAMPLE_2_POW_62_5, new MersenneTwister(42).sample(1L << 62, 5));
    }

    @Test
    void sampleUsesPoolWhenPopulationIsSmall() {
        assertArrayEquals(SAMPLE_10_8, new MersenneTwister(42).sample(10, 8));
        assertArrayEquals(SAMPLE_85_6, new MersenneTwister(5).sample(85, 6));
        assertArrayEquals(SAMPLE_21_5, new MersenneTwister(5).sample(21, 5));
        assertArrayEquals(SAMPLE_4117_342, new MersenneTwister(42).sample(4117, 342));
        assertArrayEquals(SAMPLE_1000_300, new MersenneTwister(42).sample(1000, 300));
        assertArrayEquals(SAMPLE_1000_1000, new MersenneTwister(42).sample(1000, 1000));
    }

    @Test
    void sampleSetsizeMatchesCPythonFormula() {
        for (int i = 0; i < SETSIZE_KS.length; i++) {
            assertEquals(SETSIZES[i], MersenneTwister.setsize(SETSIZE_KS[i]), "k=" + SETSIZE_KS[i]);
        }
    }

    @Test
    void sampleWithCountsMatchesCPython() {
        String[] names = {"r", "b"};
        int[] idx = new MersenneTwister(42).sampleWithCounts(new long[] {4, 2}, 5);
        String[] got = new String[idx.length];
        for (int i = 0; i < idx.length; i++) {
            got[i] = names[idx[i]];
        }
        assertArrayEquals(SAMPLE_COUNTS_RB, got);
        assertArrayEquals(SAMPLE_COUNTS_4, new MersenneTwister(42).sampleWithCounts(new long[] {3, 0, 5, 2}, 10));
    }

    @Test
    void choicesMatchCPython() {
        MersenneTwister r = new MersenneTwister(42);
        int[] got = new int[CHOICES_UNWEIGHTED.length];
        for (int i = 0; i < got.length; i++) {
            got[i] = r.choicesIndex(10);
        }
        assertArrayEquals(CHOICES_UNWEIGHTED, got);
        r.seed(42);
        got = new int[CHOICES_CUM_WEIGHTS.length];
        for (int i = 0; i < got.length; i++) {
            got[i] = r.weightedChoiceIndex(new double[] {1, 3, 3.5, 10});
        }
        assertArrayEquals(CHOICES_CUM_WEIGHTS, got);
    }

    // ------------------------------------------------------------------ floats

    @Test
    void uniformMatchesCPython() {
        MersenneTwister r = new MersenneTwister(42);
        double[] got = new double[UNIFORM.length];
        for (int i = 0; i < 10; i++) {
            got[i] = r.uniform(-3.5, 10.25);
        }
        for (int i = 10; i < 15; i++) {
            got[i] = r.uniform(5, 1);
        }
        assertSameDoubles(UNIFORM, got);
    }

    @Test
    void gaussKeepsSecondValueOfEachPair() {
        MersenneTwister r = new MersenneTwister(42);
        for (int i = 0; i < 21; i++) {
            assertWithinUlps(GAUSS_21_THEN_RANDOM[i], r.gauss(0.0, 1.0), 2, "gauss draw " + i);
        }
        // 21 gauss calls = 11 pairs = 22 random() calls; the state must be in lockstep exactly.
        assertEquals(GAUSS_21_THEN_RANDOM[21], r.random());

        r.seed(3);
        for (int i = 0; i < GAUSS_10_2.length; i++) {
            assertWithinUlps(GAUSS_10_2[i], r.gauss(10.0, 2.0), 2, "gauss(10, 2) draw " + i);
        }
    }

    @Test
    void seedDiscardsPendingGaussValue() {
        MersenneTwister r = new MersenneTwister(1);
        assertWithinUlps(GAUSS_RESEED[0], r.gauss(0.0, 1.0), 2, "first");
        r.seed(1);
        assertWithinUlps(GAUSS_RESEED[1], r.gauss(0.0, 1.0), 2, "after reseed");
        assertEquals(GAUSS_RESEED[2], r.random());
    }

    @Test
    void normalvariateMatchesCPython() {
        MersenneTwister r = new MersenneTwister(42);
        double[] got = new double[NORMALVARIATE_THEN_RANDOM.length];
        for (int i = 0; i < 20; i++) {
            got[i] = r.normalvariate(0.0, 1.0);
        }
        got[20] = r.random();
        assertSameDoubles(NORMALVARIATE_THEN_RANDOM, got);
    }

    @Test
    void otherDistributionsMatchCPython() {
        MersenneTwister r = new MersenneTwister(42);
        for (int i = 0; i < LOGNORMVARIATE.length; i++) {
            assertWithinUlps(LOGNORMVARIATE[i], r.lognormvariate(1.0, 0.5), 2, "lognormvariate draw " + i);
        }
        r.seed(42);
        for (int i = 0; i < EXPOVARIATE.length; i++) {
            assertWithinUlps(EXPOVARIATE[i], r.expovariate(2.0), 2, "expovariate draw " + i);
        }
        r.seed(42);
        double[] got = new double[TRIANGULAR.length];
        for (int i = 0; i < 10; i++) {
            got[i] = r.triangular(0.0, 10.0, 3.0);
        }
        for (int i = 10; i < 20; i++) {
            got[i] = r.triangular(0.0, 10.0);
        }
        got[20] = r.triangular(5.0, 5.0, 5.0);
        got[21] = r.random();
        assertSameDoubles(TRIANGULAR, got);
    }

    // ------------------------------------------------------------------ errors

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void errorsCarryCPythonMessages() {
        MersenneTwister r = new MersenneTwister(42);
        BigInteger two70 = BigInteger.TWO.pow(70);
        // One action per entry of ERROR_SNIPPETS, in the same order.
        Executable[] actions = {
            () -> r.randrange(5, 5),
            () -> r.randrange(0),
            () -> r.randrange(-3),
            () -> r.randrange(0, 10, 0),
            () -> r.randrange(0, 10, -1),
            () -> r.randrange(10, 0),
            () -> r.randint(3, 2),
            () -> r.randrange(two70, two70),
            () -> r.randrange(BigInteger.ZERO, two70, BigInteger.ZERO),
            () -> r.randrange(two70, BigInteger.ZERO, BigInteger.TWO),
            () -> MersenneTwister.randrangeArg(1.5, 1),
            () -> MersenneTwister.randrangeArg(2.5, 2),
            () -> MersenneTwister.randrangeArg(1.5, 3),
            () -> MersenneTwister.randrangeArg(Double.POSITIVE_INFINITY, 1),
            () -> MersenneTwister.randrangeArg(Double.NaN, 1),
            () -> r.getrandbits(-1),
            () -> r.choiceIndex(0),
            () -> r.sample(3, 4),
            () -> r.sample(3, -1),
            () -> r.sampleWithCounts(new long[] {0, 0}, 1),
            () -> r.weightedChoiceIndex(new double[] {0, 0}),
            () -> r.weightedChoiceIndex(new double[] {1, Double.POSITIVE_INFINITY}),
            () -> r.expovariate(0.0),
            () -> r.seed("a\ud800"),
        };
        assertEquals(ERROR_SNIPPETS.length, actions.length);
        for (int i = 0; i < actions.length; i++) {
            String pythonError = ERROR_MESSAGES[i];
            String type = pythonError.substring(0, pythonError.indexOf(": "));
            String message = pythonError.substring(type.length() + 2);
            Class<? extends Throwable> javaType = switch (type) {
                case "ValueError", "UnicodeEncodeError" -> IllegalArgumentException.class;
                case "IndexError" -> IndexOutOfBoundsException.class;
                case "OverflowError", "ZeroDivisionError" -> ArithmeticException.class;
                default -> throw new AssertionError("unexpected " + pythonError);
            };
            Throwable thrown = assertThrows(javaType, actions[i], ERROR_SNIPPETS[i]);
            assertEquals(message, thrown.getMessage(), ERROR_SNIPPETS[i]);
        }
    }

    @Test
    void longAndBigIntegerRandrangeReportTheSameErrors() {
        MersenneTwister r = new MersenneTwister(42);
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> r.randrange(5, 5)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> r.randrange(big(5), big(5))).getMessage());
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> r.randrange(0)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> r.randrange(BigInteger.ZERO)).getMessage());
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> r.randrange(0, 10, -1)).getMessage(),
                assertThrows(IllegalArgumentException.class, () -> r.randrange(big(0), big(10), big(-1))).getMessage());
        // A failed call consumes nothing.
        assertEquals(RANDOM_SEED_42[0], r.random());
    }

    // ------------------------------------------------------------------ data from CPython 3.11

    /** python3: {@code random.seed(42); out = [random.random() for _ in range(20)]} */
    private static final double[] RANDOM_SEED_42 = {
            0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 0.22321073814882275,
            0.7364712141640124, 0.6766994874229113, 0.8921795677048454, 0.08693883262941615,
            0.4219218196852704, 0.029797219438070344, 0.21863797480360336, 0.5053552881033624,
            0.026535969683863625, 0.1988376506866485, 0.6498844377795232, 0.5449414806032167,
            0.2204406220406967, 0.5892656838759087, 0.8094304566778266, 0.006498759678061017
    };

    /** python3: {@code random.seed(0); out = [random.random() for _ in range(20)]} */
    private static final double[] RANDOM_SEED_0 = {
            0.8444218515250481, 0.7579544029403025, 0.420571580830845, 0.25891675029296335,
            0.5112747213686085, 0.4049341374504143, 0.7837985890347726, 0.30331272607892745,
            0.4765969541523558, 0.5833820394550312, 0.9081128851953352, 0.5046868558173903,
            0.28183784439970383, 0.7558042041572239, 0.6183689966753316, 0.25050634136244054,
            0.9097462559682401, 0.9827854760376531, 0.8102172359965896, 0.9021659504395827
    };

    /** python3: {@code random.seed(-7); out = [random.random() for _ in range(20)]} */
    private static final double[] RANDOM_SEED_MINUS_7 = {
            0.32383276483316237, 0.15084917392450192, 0.6509344730398537, 0.07243628666754276,
            0.5358820043066892, 0.36568891691258554, 0.057998924774706806, 0.5074357331894203,
            0.03749565844198488, 0.4336456836623859, 0.06985542357461894, 0.09071301334386506,
            0.42451918914251396, 0.8268521246720381, 0.12380196114964559, 0.22323896460701453,
            0.6274332224055893, 0.9477089424570057, 0.5771029486174987, 0.39668047465078016
    };

    /** python3: {@code random.seed(2**100); out = [random.random() for _ in range(20)]} */
    private static final double[] RANDOM_SEED_2_POW_100 = {
            0.7586581712996778, 0.22562004686918613, 0.9800682106697105, 0.1302886062605253,
            0.8297582356302313, 0.7485811251618, 0.37493171827249283, 0.9797978783449974,
            0.6911109346964933, 0.12593785530451396, 0.5387916911616037, 0.9552843843088263,
            0.34347868431372175, 0.5073047145608687, 0.63316489827821, 0.18635644372898252,
            0.37269035219418134, 0.41992004581692643, 0.22747092387531231, 0.5954891678387693
    };

    /** python3: {@code random.seed("hello"); out = [random.random() for _ in range(20)]} */
    private static final double[] RANDOM_SEED_HELLO = {
            0.3537754404730722, 0.6631985810268619, 0.5476053663383964, 0.1308558535179697,
            0.051086691965999353, 0.37153428543430755, 0.9027328464624779, 0.1603078556483024,
            0.04936958027101268, 0.2569071785450029, 0.20117773515656723, 0.38055207385480305,
            0.9959133278364171, 0.17423564763012067, 0.513795989163021, 0.97692560359105,
            0.4693697662846811, 0.8776696172160942, 0.250277699354024, 0.017716803304682727
    };

    /** python3: {@code out = [1, -1, 2**32 - 1, 2**32, 2**63 - 1, -2**63, 2**64 - 1, 2**64, -(3**80), 10**40 + 7]} */
    private static final String[] INT_SEEDS = {
            "1", "-1", "4294967295", "4294967296", "9223372036854775807", "-9223372036854775808",
            "18446744073709551615", "18446744073709551616",
            "-147808829414345923316083210206383297601",
            "10000000000000000000000000000000000000007"
    };

    /** python3: for each KEY in {@code out = [1, -1, 2**32 - 1, 2**32, 2**63 - 1, -2**63, 2**64 - 1, 2**64, -(3**80), 10**40 + 7]}: {@code random.seed(KEY); out = [random.random() for _ in range(5)]} */
    private static final double[][] INT_SEED_RANDOMS = {
        {
                0.13436424411240122, 0.8474337369372327, 0.763774618976614, 0.2550690257394217,
                0.49543508709194095
        },
        {
                0.13436424411240122, 0.8474337369372327, 0.763774618976614, 0.2550690257394217,
                0.49543508709194095
        },
        {
                0.6353574441341173, 0.20319993954407756, 0.6073666030347188, 0.29133552762158776,
                0.3400278163075766
        },
        {
                0.11299430095636409, 0.41782886486292836, 0.0166763664992291, 0.6117214625782752,
                0.8056470212514185
        },
        {
                0.3166448820870279, 0.631259308253863, 0.8035542479972343, 0.45346382341714553,
                0.4767927957583785
        },
        {
                0.5534639983914199, 0.9406144709090462, 0.24199432111690833, 0.8512870110731147,
                0.08475572881914784
        },
        {
                0.021825695401270107, 0.3380953268613758, 0.21196748656082065, 0.6151259995625727,
                0.9195709817171983
        },
        {
                0.9776462743838505, 0.3711105964481608, 0.49965891230531634, 0.6245596866262333,
                0.6223913544058562
        },
        {
                0.058947020684527396, 0.3328856253432545, 0.965330309593454, 0.5301123605943223,
                0.020142136669378807
        },
        {
                0.7272296064648764, 0.25913059084476653, 0.9630808083787095, 0.25606770689370884,
                0.7364290325917392
        }
    };

    /** python3: {@code out = ["", "hello", "h\xe9llo " + chr(0x2713) + " " + chr(0x1d11e), "xyz" * 20]} */
    private static final String[] STR_SEEDS = {
            "", "hello", "h\u00e9llo \u2713 \ud834\udd1e",
            "xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz"
    };

    /** python3: for each KEY in {@code out = ["", "hello", "h\xe9llo " + chr(0x2713) + " " + chr(0x1d11e), "xyz" * 20]}: {@code random.seed(KEY); out = [random.random() for _ in range(5)]} */
    private static final double[][] STR_SEED_RANDOMS = {
        {
                0.9602256525641875, 0.595411957851699, 0.3880117152955401, 0.7335810344878906,
                0.22083284598771158
        },
        {
                0.3537754404730722, 0.6631985810268619, 0.5476053663383964, 0.1308558535179697,
                0.051086691965999353
        },
        {
                0.6714832990088434, 0.34224977460113226, 0.7751390117611305, 0.961559638202488,
                0.3328550475187704
        },
        {
                0.42636468101282043, 0.9924480958701133, 0.8895674785308697, 0.5508567673938731,
                0.7390966935159567
        }
    };

    /** python3: {@code random.seed(bytes([0, 255, 128, 7])); out = [random.random() for _ in range(5)]} */
    private static final double[] BYTES_SEED_RANDOMS = {
            0.8457304721530844, 0.5552852482564108, 0.29223100235050214, 0.4565223459810641,
            0.6327425792838236
    };

    /** python3: {@code out = [1.5, -1.5, -2.0, 3.0, 0.1, -0.0, 1e300, 5e-324, float("inf"), float("-inf")]} */
    private static final double[] FLOAT_SEEDS = {
            1.5, -1.5, -2.0, 3.0, 0.1, -0.0, 1e+300, 5e-324, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
    };

    /** python3: {@code out = [hash(x) for x in [1.5, -1.5, -2.0, 3.0, 0.1, -0.0, 1e300, 5e-324, float("inf"), float("-inf")]]} */
    private static final long[] FLOAT_HASHES = {
            1152921504606846977L, -1152921504606846977L, -2L, 3L, 230584300921369408L, 0L,
            1224995262755759164L, 16777216L, 314159L, -314159L
    };

    /** python3: for each KEY in {@code out = [1.5, -1.5, -2.0, 3.0, 0.1, -0.0, 1e300, 5e-324, float("inf"), float("-inf")]}: {@code random.seed(KEY); out = [random.random() for _ in range(3)]} */
    private static final double[][] FLOAT_SEED_RANDOMS = {
        {
                0.551763726942059, 0.2560930858958398, 0.583340633280344
        },
        {
                0.7101153317194698, 0.0007908885101512997, 0.9725187281079903
        },
        {
                0.13119521545503066, 0.30408191479048297, 0.10410742332688927
        },
        {
                0.23796462709189137, 0.5442292252959519, 0.36995516654807925
        },
        {
                0.8062579873336703, 0.13830284746959753, 0.4314881163611446
        },
        {
                0.8444218515250481, 0.7579544029403025, 0.420571580830845
        },
        {
                0.2614143642581235, 0.06776358709700359, 0.4166947242189203
        },
        {
                0.4787190331584651, 0.4144836992979115, 0.17858052061928553
        },
        {
                0.19236379321481523, 0.2868424512347926, 0.11815528251671126
        },
        {
                0.820833204760975, 0.29216362998460865, 0.911968824324474
        }
    };

    /** python3: {@code random.seed(2024); out = [random.getrandbits(32) for _ in range(2000)][-5:]} */
    private static final long[] LONG_STREAM_TAIL = {
            346163116L, 2614344850L, 440281558L, 371145963L, 411418379L
    };

    /** python3: {@code out = [1, 31, 32, 33, 64, 100, 200, 0, 63, 65, 96, 97]} */
    private static final int[] GETRANDBITS_KS = {
            1, 31, 32, 33, 64, 100, 200, 0, 63, 65, 96, 97
    };

    /** python3: {@code random.seed(42); out = [random.getrandbits(k) for k in [1, 31, 32, 33, 64, 100, 200, 0, 63, 65, 96, 97]]} */
    private static final String[] GETRANDBITS_SEED_42 = {
            "1", "239081663", "107420369", "3184935163", "4117511471858006928",
            "800402129360547565400942494185",
            "52865260105551496360081841070076142320832399107597272901299", "0",
            "864186096263678574", "22738580064611903627", "44466415050625888000738715204",
            "130717312131391448273513809449"
    };

    /** python3: {@code random.seed(7); out = [random.getrandbits(k) for k in range(64)]} */
    private static final long[] GETRANDBITS_0_TO_63 = {
            0L, 0L, 3L, 1L, 6L, 20L, 3L, 9L, 210L, 274L, 96L, 748L, 2387L, 475L, 14904L, 16627L,
            14070L, 4914L, 22530L, 227355L, 438485L, 146497L, 1009413L, 760955L, 9245038L,
            14244500L, 3966838L, 110978213L, 151787820L, 66465668L, 1017316375L, 479402028L,
            2708517688L, 6989772469L, 4070378921L, 19658507471L, 1703729684L, 34257754828L,
            150523926448L, 76701537995L, 460805363094L, 1186030544548L, 2508766814656L,
            4927652407864L, 11999348893743L, 3625728611723L, 40194801909649L, 26442562786631L,
            27424965620227L, 400881715051305L, 635419206283319L, 1393884647261620L,
            2235651621238239L, 4789312364130644L, 14001307458646142L, 16775074160571119L,
            66540964464255441L, 52109508708918320L, 71604085433665453L, 103628476113515559L,
            899082351935573140L, 188744808477301755L, 1384654667938361007L, 4566642340712892193L
    };

    /** python3: {@code random.seed(42); out = [random.randbytes(n).hex() for n in [0, 1, 3, 4, 5, 9]]} */
    private static final String[] RANDBYTES_SEED_42 = {
            "", "a3", "31801c", "d11a6706", "fb40d6bd46", "903bb13ede56243923"
    };

    /** python3: {@code random.seed(42); out = [random.randint(1, 6) for _ in range(50)]} */
    private static final long[] RANDINT_1_6 = {
            6L, 1L, 1L, 6L, 3L, 2L, 2L, 2L, 6L, 1L, 6L, 6L, 5L, 1L, 5L, 4L, 1L, 1L, 1L, 2L, 2L, 5L,
            5L, 1L, 5L, 2L, 6L, 6L, 6L, 5L, 4L, 2L, 4L, 5L, 3L, 1L, 2L, 6L, 4L, 3L, 3L, 2L, 2L, 3L,
            1L, 1L, 4L, 1L, 3L, 3L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(0, 100, 7) for _ in range(20)]} */
    private static final long[] RANDRANGE_0_100_7 = {
            70L, 7L, 0L, 77L, 28L, 21L, 21L, 14L, 77L, 7L, 70L, 77L, 98L, 56L, 7L, 63L, 42L, 0L,
            0L, 7L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(100, 0, -3) for _ in range(20)]} */
    private static final long[] RANDRANGE_100_0_MINUS_3 = {
            79L, 97L, 49L, 55L, 58L, 76L, 82L, 85L, 19L, 94L, 97L, 85L, 61L, 58L, 4L, 97L, 64L,
            22L, 58L, 16L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(-50, 50) for _ in range(20)]} */
    private static final long[] RANDRANGE_MINUS_50_50 = {
            31L, -36L, -47L, 44L, -15L, -19L, -22L, -33L, 44L, -37L, 36L, 44L, 19L, -39L, 25L, 4L,
            -46L, -47L, -39L, -23L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(10) for _ in range(20)]} */
    private static final long[] RANDRANGE_10 = {
            1L, 0L, 4L, 3L, 3L, 2L, 1L, 8L, 1L, 9L, 6L, 0L, 0L, 1L, 3L, 3L, 8L, 9L, 0L, 8L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(-7, 20, 4) for _ in range(20)]} */
    private static final long[] RANDRANGE_MINUS_7_20_4 = {
            13L, -7L, -7L, 13L, 1L, -3L, -3L, -3L, 13L, -7L, 13L, 13L, 9L, -7L, 9L, 5L, -7L, -7L,
            -7L, -3L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(-2**63, 2**63 - 1) for _ in range(5)] + [random.randint(-2**63, 2**63 - 1) for _ in range(5)] + [random.randrange(2**63 - 1, -2**63, -2**61) for _ in range(5)] + [random.randrange(-2**63, 2**63 - 1, 3) for _ in range(5)]} */
    private static final long[] RANDRANGE_LONG_EXTREMES = {
            -7169676182496904803L, 4455820328218073809L, -4705914644782886313L,
            -6649351642382313762L, -7332669813006180183L, -8637085003156352615L,
            -5190213255188158118L, 1881913401213384401L, -5156960358557702492L,
            -2946857779585845999L, 4611686018427387903L, 2305843009213693951L,
            -2305843009213693953L, 6917529027641081855L, 6917529027641081855L,
            -6547218587457110153L, 7481797312820834899L, 5614121521398586162L,
            1250718243942999523L, 6051656371878019000L
    };

    /** python3: {@code random.seed(42); out = [random.randrange(2**100) for _ in range(3)] + [random.randrange(-2**90, 2**90) for _ in range(3)] + [random.randrange(10**30, -10**30, -7) for _ in range(3)] + [random.randint(1, 2**64) for _ in range(3)]} */
    private static final String[] RANDRANGE_BIG = {
            "334597227169592314486858469975", "160817104176174106146196623769",
            "1073140825042556611459112948617", "854745118097591685900889796",
            "-468042831236217331956144010", "-778684860979728297961517191",
            "-862880347992056618171808115051", "-810493926113919291569708359703",
            "-363989997061119389332756298165", "10650267372227927281", "1283066103397798385",
            "18174129289355940942"
    };

    /** python3: {@code random.seed(5); out = [random._inst._randbelow(2**64 + 1) for _ in range(5)] + [random._inst._randbelow(3**70) for _ in range(5)]} */
    private static final String[] RANDBELOW_BIG = {
            "15501686781378355951", "17401859983685269623", "2088281501638027405",
            "16019991071338850466", "10030617429605439950", "1898228584692437410083454415916869",
            "472697360434850243582039099677346", "1011091248864928546437052193152033",
            "186803935537901781213958488445534", "1154878616436505044654552422695658"
    };

    /** python3: {@code random.seed(42); out = list(range(20)); random.shuffle(out)} */
    private static final int[] SHUFFLE_20 = {
            19, 5, 14, 4, 9, 13, 15, 18, 6, 12, 17, 10, 1, 11, 2, 16, 7, 8, 0, 3
    };

    /** python3: {@code random.seed(42); out = list(range(20)); random.shuffle(out); random.shuffle(out)} */
    private static final int[] SHUFFLE_20_TWICE = {
            2, 6, 4, 10, 17, 7, 5, 1, 13, 0, 14, 19, 9, 12, 16, 18, 11, 3, 15, 8
    };

    /** python3: {@code random.seed(42); pop = list("abcdefghij"); out = [random.choice(pop) for _ in range(20)]} */
    private static final String[] CHOICE_10 = {
            "b", "a", "e", "d", "d", "c", "b", "i", "b", "j", "g", "a", "a", "b", "d", "d", "i",
            "j", "a", "i"
    };

    /** python3: {@code random.seed(42); out = random.sample(range(100), 10)} */
    private static final int[] SAMPLE_100_10 = {
            81, 14, 3, 94, 35, 31, 28, 17, 13, 86
    };

    /** python3: {@code random.seed(42); out = random.sample(range(10), 8)} */
    private static final int[] SAMPLE_10_8 = {
            1, 0, 4, 9, 6, 5, 8, 2
    };

    /** python3: {@code random.seed(5); out = random.sample(range(85), 6)} */
    private static final int[] SAMPLE_85_6 = {
            79, 32, 45, 67, 3, 59
    };

    /** python3: {@code random.seed(5); out = random.sample(range(86), 6)} */
    private static final int[] SAMPLE_86_6 = {
            79, 32, 45, 83, 67, 3
    };

    /** python3: {@code random.seed(5); out = random.sample(range(21), 5)} */
    private static final int[] SAMPLE_21_5 = {
            19, 8, 11, 16, 0
    };

    /** python3: {@code random.seed(5); out = random.sample(range(22), 5)} */
    private static final int[] SAMPLE_22_5 = {
            19, 8, 11, 20, 16
    };

    /** python3: {@code random.seed(42); out = random.sample(range(4117), 342)} */
    private static final int[] SAMPLE_4117_342 = {
            912, 204, 2253, 2006, 1828, 1143, 839, 712, 3456, 260, 244, 767, 1791, 1905, 217, 1628,
            3436, 1805, 3679, 2278, 53, 1307, 2859, 1731, 1393, 1138, 636, 881, 3920, 3127, 1378,
            418, 379, 1556, 396, 1470, 3471, 1408, 2472, 1083, 3305, 177, 2988, 1881, 2196, 511,
            3985, 3777, 1550, 322, 2261, 1200, 3397, 2574, 2533, 3626, 3529, 1481, 2364, 787, 2885,
            284, 187, 2708, 933, 3166, 1185, 4035, 326, 3503, 953, 3549, 413, 4083, 4091, 1857,
            2603, 3416, 1494, 666, 1516, 1455, 858, 2745, 1093, 2874, 3836, 2799, 2654, 292, 2495,
            2600, 700, 2187, 2986, 1002, 669, 1893, 1554, 1105, 3790, 2621, 2818, 2281, 899, 2804,
            1328, 3452, 3147, 3178, 229, 938, 3366, 131, 3297, 1292, 1643, 1096, 271, 864, 3740,
            3862, 2323, 3589, 2940, 1288, 870, 2684, 2044, 1620, 3623, 3745, 2633, 1879, 585, 1084,
            571, 1010, 3051, 2299, 2207, 1076, 3059, 2394, 1754, 3677, 2390, 1635, 1482, 898, 566,
            2087, 2021, 372, 3095, 192, 3527, 449, 626, 2570, 655, 3244, 2787, 1729, 2442, 4107,
            1576, 1563, 2440, 1917, 2167, 1029, 2266, 3525, 3860, 47, 2786, 2952, 469, 2792, 3624,
            2199, 3075, 1092, 3148, 2625, 4092, 456, 1202, 1780, 647, 1858, 13, 3906, 2957, 3587,
            2947, 1078, 2050, 3120, 731, 2079, 3738, 435, 3565, 2561, 1222, 3447, 2617, 3915, 2494,
            814, 3958, 1531, 3123, 661, 2209, 3189, 3778, 2172, 3762, 2, 2453, 1327, 2001, 79, 458,
            3805, 1486, 3599, 3406, 3304, 1259, 980, 237, 986, 3596, 3994, 3878, 4067, 350, 2997,
            1990, 3342, 283, 3115, 2181, 3136, 515, 525, 2702, 1946, 2251, 676, 1085, 2161, 3573,
            2484, 1733, 867, 3804, 2208, 3093, 2989, 2825, 823, 2920, 1276, 1634, 2751, 2661, 1529,
            1794, 3684, 2119, 1849, 495, 1015, 920, 262, 1384, 86, 2409, 2268, 942, 2410, 902, 29,
            290, 2899, 2584, 241, 937, 276, 3708, 128, 3521, 1353, 3828, 2105, 974, 1140, 2740,
            1988, 877, 3855, 541, 2962, 3614, 2338, 2360, 1936, 995, 3213, 1937, 3307, 1667, 779,
            386, 397, 2699, 1765, 1451, 1734, 1683, 1912, 3538, 4022, 221, 2758, 2676, 2646, 403,
            248, 1649, 2982, 1389, 3279, 4060, 447, 1018, 784
    };

    /** python3: {@code random.seed(42); out = random.sample(range(4118), 342)} */
    private static final int[] SAMPLE_4118_342 = {
            912, 204, 2253, 2006, 1828, 1143, 839, 712, 3456, 260, 244, 767, 1791, 1905, 217, 1628,
            3436, 1805, 3679, 2278, 53, 1307, 3462, 2787, 2276, 1273, 1763, 2757, 837, 759, 3112,
            792, 2940, 2817, 2166, 355, 3763, 1022, 3100, 645, 2401, 2962, 1575, 569, 375, 1866,
            2370, 653, 1907, 827, 3113, 2277, 3714, 2988, 1332, 3032, 2910, 1716, 2187, 584, 1401,
            2005, 1338, 3786, 3108, 2211, 1799, 2656, 458, 1876, 262, 2584, 3286, 2193, 542, 1728,
            2577, 1741, 4089, 3241, 3758, 1170, 2169, 2020, 2152, 3509, 3271, 2965, 1796, 1133,
            4042, 744, 385, 898, 1252, 1310, 3458, 520, 3152, 3126, 3834, 2059, 94, 938, 2185,
            2786, 913, 2404, 3561, 1295, 3716, 26, 2157, 4100, 1463, 871, 2444, 1629, 3063, 1323,
            4, 2655, 4002, 159, 916, 2973, 2519, 1961, 474, 1973, 701, 3981, 566, 1030, 1051, 3893,
            1352, 2171, 3466, 1735, 1647, 2553, 3268, 3059, 3588, 3698, 991, 2030, 1840, 524, 2769,
            172, 1885, 1804, 58, 581, 482, 1875, 552, 257, 2706, 580, 1949, 2281, 3976, 1755, 1083,
            3872, 1990, 3874, 3334, 1559, 772, 794, 3531, 2902, 3469, 3367, 3825, 443, 806, 496,
            3298, 2779, 895, 2036, 1569, 1558, 3675, 1148, 1503, 3789, 2046, 617, 3630, 802, 414,
            120, 764, 1936, 1362, 3329, 3978, 3943, 1751, 3285, 480, 1348, 3104, 17, 3198, 2172,
            3727, 2336, 3465, 3986, 1268, 1555, 2430, 1783, 479, 499, 2569, 468, 410, 3905, 1289,
            465, 656, 1522, 561, 556, 1926, 3307, 982, 2016, 325, 671, 3434, 2591, 2136, 1673,
            2573, 1955, 2175, 3242, 1072, 2457, 3745, 2590, 594, 76, 3754, 819, 600, 1746, 1085,
            2859, 563, 2001, 3027, 2334, 1292, 3589, 2478, 64, 2452, 848, 1100, 945, 876, 2231,
            2308, 1725, 2808, 1667, 2162, 2057, 416, 756, 2266, 361, 29, 2732, 1071, 2145, 3619,
            3503, 79, 616, 1221, 295, 3024, 1213, 3520, 1044, 342, 2525, 2987, 326, 2931, 1720,
            2044, 842, 2897, 1266, 1939, 1331, 1450, 3377, 203, 1469, 2721, 3372, 2032, 1304, 885,
            3133, 317, 3855, 1822, 1634, 3770, 2864, 2500, 1864, 1826, 193, 1582, 3264, 2689, 2282,
            568, 2286, 2876, 3274, 2712, 226, 944, 2139, 1462, 2174
    };

    /** python3: {@code random.seed(42); out = random.sample(range(1000), 300)} */
    private static final int[] SAMPLE_1000_300 = {
            654, 114, 25, 759, 281, 250, 228, 142, 754, 104, 692, 758, 913, 558, 89, 604, 432, 32,
            30, 95, 223, 238, 517, 616, 27, 574, 203, 733, 665, 718, 986, 429, 225, 459, 603, 284,
            828, 890, 6, 777, 825, 163, 714, 983, 348, 964, 159, 220, 781, 344, 990, 94, 389, 99,
            367, 867, 352, 618, 270, 826, 44, 747, 470, 549, 127, 387, 80, 565, 300, 849, 643, 633,
            906, 882, 370, 591, 196, 721, 71, 46, 677, 233, 791, 296, 81, 875, 978, 887, 103, 947,
            954, 464, 650, 854, 373, 166, 379, 363, 214, 686, 273, 970, 699, 663, 73, 623, 907,
            175, 546, 746, 994, 167, 473, 388, 276, 655, 704, 570, 224, 701, 332, 863, 786, 794,
            57, 234, 841, 982, 824, 323, 410, 274, 67, 216, 580, 735, 322, 217, 671, 511, 405, 658,
            469, 146, 271, 992, 252, 762, 974, 551, 269, 764, 598, 438, 597, 408, 925, 881, 141,
            521, 505, 93, 773, 48, 112, 156, 642, 958, 811, 696, 956, 610, 65, 394, 390, 963, 479,
            541, 257, 566, 11, 830, 738, 117, 698, 936, 768, 899, 787, 656, 955, 998, 931, 445,
            161, 908, 3, 739, 736, 930, 512, 780, 182, 519, 108, 640, 305, 999, 796, 894, 973, 834,
            382, 798, 165, 552, 543, 0, 613, 331, 500, 19, 808, 371, 314, 245, 59, 246, 865, 933,
            87, 749, 497, 70, 545, 128, 131, 675, 486, 562, 169, 855, 540, 621, 433, 866, 784, 938,
            706, 205, 730, 319, 844, 687, 971, 831, 448, 529, 462, 123, 253, 230, 827, 346, 21,
            602, 567, 235, 734, 967, 7, 72, 724, 646, 60, 874, 69, 872, 338, 728, 526, 243, 285,
            685, 767, 219, 753, 135, 584, 590, 484, 248, 709, 416, 194, 96, 946, 674, 441, 362
    };

    /** python3: {@code random.seed(42); out = random.sample(range(1000), 1000)} */
    private static final int[] SAMPLE_1000_1000 = {
            654, 114, 25, 759, 281, 250, 228, 142, 754, 104, 692, 758, 913, 558, 89, 604, 432, 32,
            30, 95, 223, 238, 517, 616, 27, 574, 203, 733, 665, 718, 986, 429, 225, 459, 603, 284,
            828, 890, 6, 777, 825, 163, 714, 983, 348, 964, 159, 220, 781, 344, 990, 94, 389, 99,
            367, 867, 352, 618, 270, 826, 44, 747, 470, 549, 127, 387, 80, 565, 300, 849, 643, 633,
            906, 882, 370, 591, 196, 721, 71, 46, 677, 233, 791, 296, 81, 875, 978, 887, 103, 947,
            954, 464, 650, 854, 373, 166, 379, 363, 214, 686, 273, 970, 699, 663, 73, 623, 907,
            175, 546, 746, 994, 167, 473, 388, 276, 655, 704, 570, 224, 701, 332, 863, 786, 794,
            57, 234, 841, 982, 824, 323, 410, 274, 67, 216, 580, 735, 322, 217, 671, 511, 405, 658,
            469, 146, 271, 992, 252, 762, 974, 551, 269, 764, 598, 438, 597, 408, 925, 881, 141,
            521, 505, 93, 773, 48, 112, 156, 642, 958, 811, 696, 956, 610, 65, 394, 390, 963, 479,
            541, 257, 566, 11, 830, 738, 117, 698, 936, 768, 899, 787, 656, 955, 998, 931, 445,
            161, 908, 3, 739, 736, 930, 512, 780, 182, 519, 108, 640, 305, 999, 796, 894, 973, 834,
            382, 798, 165, 552, 543, 0, 613, 331, 500, 19, 808, 371, 314, 245, 59, 246, 865, 933,
            87, 749, 497, 70, 545, 128, 131, 675, 486, 562, 169, 855, 540, 621, 433, 866, 784, 938,
            706, 205, 730, 319, 844, 687, 971, 831, 448, 529, 462, 123, 253, 230, 827, 346, 21,
            602, 567, 235, 734, 967, 7, 72, 724, 646, 60, 874, 69, 872, 338, 728, 526, 243, 285,
            685, 767, 219, 753, 135, 584, 590, 484, 248, 709, 416, 194, 96, 946, 674, 441, 362,
            755, 420, 478, 55, 689, 669, 661, 100, 62, 412, 347, 111, 254, 923, 705, 814, 966, 143,
            829, 187, 717, 912, 255, 77, 453, 563, 989, 51, 667, 553, 15, 980, 242, 170, 751, 715,
            492, 218, 869, 725, 168, 886, 2, 399, 988, 465, 292, 897, 569, 498, 158, 716, 303, 222,
            837, 593, 555, 691, 321, 58, 672, 847, 488, 514, 783, 805, 876, 520, 82, 190, 766, 609,
            723, 240, 413, 122, 583, 853, 592, 608, 40, 83, 968, 845, 578, 535, 870, 267, 209, 641,
            244, 884, 859, 134, 307, 468, 951, 74, 9, 857, 576, 102, 75, 550, 662, 518, 620, 712,
            357, 629, 889, 378, 291, 634, 743, 556, 309, 822, 8, 972, 306, 106, 137, 941, 118, 109,
            820, 953, 278, 288, 215, 351, 208, 599, 977, 779, 821, 52, 948, 652, 283, 45, 803, 341,
            133, 268, 785, 452, 437, 601, 960, 676, 152, 36, 588, 151, 440, 130, 42, 315, 905, 619,
            366, 651, 919, 105, 700, 745, 649, 861, 904, 181, 422, 997, 183, 340, 421, 962, 812,
            832, 110, 391, 39, 481, 227, 204, 471, 358, 312, 815, 407, 446, 116, 684, 12, 337, 98,
            636, 659, 927, 442, 35, 495, 395, 564, 179, 328, 260, 502, 695, 431, 868, 996, 480, 14,
            645, 449, 929, 91, 297, 756, 778, 818, 793, 726, 176, 539, 402, 160, 979, 310, 261,
            707, 197, 460, 295, 97, 542, 22, 533, 937, 782, 266, 690, 275, 568, 368, 903, 377, 343,
            673, 186, 952, 893, 524, 487, 748, 513, 339, 434, 63, 852, 153, 259, 531, 711, 611,
            888, 206, 356, 544, 559, 737, 503, 536, 806, 648, 801, 383, 985, 757, 587, 154, 207,
            280, 458, 155, 856, 107, 447, 472, 916, 600, 335, 164, 987, 226, 403, 345, 851, 984,
            530, 376, 86, 504, 43, 145, 263, 880, 324, 317, 171, 47, 384, 120, 950, 435, 115, 101,
            976, 839, 23, 125, 898, 860, 37, 918, 212, 878, 294, 703, 945, 430, 900, 802, 491, 124,
            380, 406, 943, 657, 54, 862, 835, 90, 265, 237, 719, 679, 935, 833, 678, 68, 353, 635,
            644, 286, 304, 162, 409, 313, 258, 595, 415, 993, 915, 397, 817, 132, 126, 326, 873,
            457, 708, 320, 624, 140, 813, 932, 456, 385, 139, 858, 632, 885, 41, 710, 548, 575,
            537, 78, 400, 722, 372, 771, 444, 277, 404, 579, 31, 534, 425, 199, 10, 843, 423, 628,
            557, 180, 547, 761, 901, 455, 279, 846, 249, 454, 318, 683, 329, 485, 289, 172, 532,
            84, 239, 427, 13, 201, 272, 582, 957, 627, 236, 838, 360, 482, 804, 681, 795, 232, 810,
            647, 262, 664, 192, 333, 301, 411, 64, 213, 20, 443, 4, 191, 138, 573, 510, 914, 742,
            17, 571, 626, 752, 193, 729, 439, 639, 926, 5, 572, 871, 61, 605, 121, 910, 29, 144,
            477, 119, 494, 840, 509, 561, 800, 625, 231, 774, 525, 995, 302, 775, 79, 975, 148,
            961, 419, 147, 173, 883, 381, 211, 50, 697, 617, 474, 499, 349, 26, 178, 375, 892, 850,
            981, 475, 327, 88, 136, 308, 342, 991, 637, 129, 670, 769, 653, 251, 451, 489, 917, 92,
            401, 816, 361, 688, 969, 392, 612, 157, 577, 740, 693, 256, 195, 490, 631, 522, 461,
            921, 744, 680, 311, 393, 463, 396, 727, 330, 942, 920, 902, 799, 355, 66, 188, 788,
            594, 359, 877, 836, 864, 515, 949, 702, 823, 325, 585, 198, 660, 417, 516, 149, 241,
            560, 316, 819, 374, 28, 436, 229, 807, 527, 287, 731, 934, 959, 606, 944, 939, 282,
            668, 848, 298, 607, 398, 928, 34, 528, 424, 210, 694, 24, 538, 293, 909, 765, 200, 842,
            177, 508, 792, 911, 76, 891, 713, 896, 506, 247, 493, 290, 38, 1, 202, 16, 334, 879,
            364, 386, 638, 299, 581, 586, 221, 763, 666, 589, 414, 189, 18, 965, 428, 113, 741,
            150, 174, 789, 466, 185, 772, 264, 56, 426, 53, 720, 596, 369, 924, 496, 797, 940, 630,
            770, 365, 554, 614, 476, 622, 467, 350, 790, 450, 336, 732, 49, 760, 501, 682, 615,
            418, 809, 184, 523, 354, 750, 85, 483, 33, 922, 895, 507, 776
    };

    /** python3: {@code random.seed(42); out = random.sample(range(2**40), 4)} */
    private static final long[] SAMPLE_2_POW_40_4 = {
            247559453085L, 538052153943L, 305901360862L, 226501419177L
    };

    /** python3: {@code random.seed(42); out = random.sample(range(2**62), 5)} */
    private static final long[] SAMPLE_2_POW_62_5 = {
            1026847926404610461L, 2258728696626565719L, 1287010195568088798L, 945351111358374057L,
            293143515607798169L
    };

    /** python3: {@code out = [0, 5, 6, 7, 21, 22, 85, 86, 341, 342, 1000, 5461, 5462, 10**6, 2**31 - 1]} */
    private static final int[] SETSIZE_KS = {
            0, 5, 6, 7, 21, 22, 85, 86, 341, 342, 1000, 5461, 5462, 1000000, 2147483647
    };

    /** python3: {@code import math; out = [21 + (4 ** math.ceil(math.log(k * 3, 4)) if k > 5 else 0) for k in [0, 5, 6, 7, 21, 22, 85, 86, 341, 342, 1000, 5461, 5462, 10**6, 2**31 - 1]]} */
    private static final long[] SETSIZES = {
            21L, 21L, 85L, 85L, 85L, 277L, 277L, 1045L, 1045L, 4117L, 4117L, 16405L, 65557L,
            4194325L, 17179869205L
    };

    /** python3: {@code random.seed(42); out = random.sample(["r", "b"], counts=[4, 2], k=5)} */
    private static final String[] SAMPLE_COUNTS_RB = {
            "b", "r", "b", "r", "r"
    };

    /** python3: {@code random.seed(42); out = random.sample(range(4), counts=[3, 0, 5, 2], k=10)} */
    private static final int[] SAMPLE_COUNTS_4 = {
            0, 0, 2, 3, 2, 2, 3, 0, 2, 2
    };

    /** python3: {@code random.seed(42); out = random.choices(range(10), k=20)} */
    private static final int[] CHOICES_UNWEIGHTED = {
            6, 0, 2, 2, 7, 6, 8, 0, 4, 0, 2, 5, 0, 1, 6, 5, 2, 5, 8, 0
    };

    /** python3: {@code random.seed(42); out = random.choices(range(4), cum_weights=[1, 3, 3.5, 10], k=20)} */
    private static final int[] CHOICES_CUM_WEIGHTS = {
            3, 0, 1, 1, 3, 3, 3, 0, 3, 0, 1, 3, 0, 1, 3, 3, 1, 3, 3, 0
    };

    /** python3: {@code random.seed(42); out = [random.uniform(-3.5, 10.25) for _ in range(10)] + [random.uniform(5, 1) for _ in range(5)]} */
    private static final double[] UNIFORM = {
            5.292118478795901, -3.1561021156883298, 0.28165312757538974, -0.4308523504536872,
            6.62647919475517, 5.80461795206503, 8.767469055941625, -2.304591051345528,
            2.3014250206724682, -3.090288232726533, 4.1254481007855865, 2.9785788475865504,
            4.8938561212645455, 4.204649397253406, 2.400462248881907
    };

    /** python3: {@code random.seed(42); out = [random.gauss(0.0, 1.0) for _ in range(21)] + [random.random()]} */
    private static final double[] GAUSS_21_THEN_RANDOM = {
            -0.14409032957792836, -0.1729036003315193, -0.11131586156766246, 0.7019837250988631,
            -0.12758828378288709, -1.4973534143409575, 0.33231834406771527, -0.2673374784971682,
            -0.216958684145195, 0.11588478670085507, 0.23229773690672087, 1.163558686599143,
            0.6566365067986689, 0.11050717744383194, -0.7383216023448206, -1.014662367487717,
            0.24634219521120196, 1.3110808272040482, 0.04165686390338389, -0.10632329377078427,
            0.5317762204008692, 0.3402505165179919
    };

    /** python3: {@code random.seed(3); out = [random.gauss(10.0, 2.0) for _ in range(10)]} */
    private static final double[] GAUSS_10_2 = {
            10.18941607657461, 12.5000487621671, 8.137243264558586, 11.98475456103848,
            9.481690924613131, 9.476978032037652, 13.799450556929514, 10.315074143267438,
            9.914151492415511, 11.458996972871219
    };

    /** python3: {@code random.seed(1); a = random.gauss(0.0, 1.0); random.seed(1); out = [a, random.gauss(0.0, 1.0), random.random()]} */
    private static final double[] GAUSS_RESEED = {
            1.2881847531554629, 1.2881847531554629, 0.763774618976614
    };

    /** python3: {@code random.seed(42); out = [random.normalvariate(0.0, 1.0) for _ in range(20)] + [random.random()]} */
    private static final double[] NORMALVARIATE_THEN_RANDOM = {
            0.2453263417078634, -0.49684447341120286, 1.2547859310574627, -0.1380590627428119,
            -0.9758203332953249, 0.5650502173449647, -1.1676450138299292, 1.7380254673355275,
            -0.3245092038415982, 1.182326307936342, 1.5043537616578755, 1.9494970395697655,
            2.3117747104325845, -0.4651708693628556, 1.4813423567010615, 1.46816841749334,
            0.36780301231662144, -0.656895803129767, -0.9396115347380027, -0.9480167635906092,
            0.6356844442644002
    };

    /** python3: {@code random.seed(42); out = [random.lognormvariate(1.0, 0.5) for _ in range(10)]} */
    private static final double[] LOGNORMVARIATE = {
            3.0730273120406304, 2.1203427778827058, 5.090586070716435, 2.536970033162031,
            1.6687750150602354, 3.605733107789516, 1.5161549520094881, 6.4818938837122015,
            2.311150374236789, 4.9094560618455745
    };

    /** python3: {@code random.seed(42); out = [random.expovariate(2.0) for _ in range(10)]} */
    private static final double[] EXPOVARIATE = {
            0.5100301436374005, 0.012664419521369446, 0.1608120320374828, 0.12629309283505677,
            0.6667963364040415, 0.5645865043992964, 1.1136440497756903, 0.04547620230328307,
            0.27402307969824546, 0.015125088603679294
    };

    /** python3: {@code random.seed(42); out = [random.triangular(0.0, 10.0, 3.0) for _ in range(10)] + [random.triangular(0.0, 10.0) for _ in range(10)] + [random.triangular(5.0, 5.0, 5.0), random.random()]} */
    private static final double[] TRIANGULAR = {
            4.976044973534482, 0.86621166967434, 2.8724344293775577, 2.5877252838090605,
            5.705001163152762, 5.242791167039625, 7.252741318939766, 1.6149814175037693,
            3.638752274747424, 0.9454716194271039, 3.3063421994978333, 5.02684852484545,
            1.1518673900207355, 3.153075091768736, 5.816009307966396, 5.229997277795413,
            3.319944442612682, 5.468254662251578, 6.913176848909438, 0.5700333182394262, 5.0,
            0.6981393949882269
    };

    /** python3: {@code out = ['random.randrange(5, 5)', 'random.randrange(0)', 'random.randrange(-3)', 'random.randrange(0, 10, 0)', 'random.randrange(0, 10, -1)', 'random.randrange(10, 0)', 'random.randint(3, 2)', 'random.randrange(2**70, 2**70)', 'random.randrange(0, 2**70, 0)', 'random.randrange(2**70, 0, 2)', 'random.randrange(1.5)', 'random.randrange(0, 2.5)', 'random.randrange(0, 10, 1.5)', 'random.randrange(float("inf"))', 'random.randrange(float("nan"))', 'random.getrandbits(-1)', 'random.choice([])', 'random.sample(range(3), 4)', 'random.sample(range(3), -1)', 'random.sample(range(2), counts=[0, 0], k=1)', 'random.choices(range(2), cum_weights=[0, 0])', 'random.choices(range(2), cum_weights=[1, float("inf")])', 'random.expovariate(0.0)', 'random.seed("a" + chr(0xd800))']} */
    private static final String[] ERROR_SNIPPETS = {
            "random.randrange(5, 5)", "random.randrange(0)", "random.randrange(-3)",
            "random.randrange(0, 10, 0)", "random.randrange(0, 10, -1)", "random.randrange(10, 0)",
            "random.randint(3, 2)", "random.randrange(2**70, 2**70)",
            "random.randrange(0, 2**70, 0)", "random.randrange(2**70, 0, 2)",
            "random.randrange(1.5)", "random.randrange(0, 2.5)", "random.randrange(0, 10, 1.5)",
            "random.randrange(float(\"inf\"))", "random.randrange(float(\"nan\"))",
            "random.getrandbits(-1)", "random.choice([])", "random.sample(range(3), 4)",
            "random.sample(range(3), -1)", "random.sample(range(2), counts=[0, 0], k=1)",
            "random.choices(range(2), cum_weights=[0, 0])",
            "random.choices(range(2), cum_weights=[1, float(\"inf\")])", "random.expovariate(0.0)",
            "random.seed(\"a\" + chr(0xd800))"
    };

    /** python3: {@code try: exec(s) except Exception as e: f"{type(e).__name__}: {e}"} for s in ERROR_SNIPPETS */
    private static final String[] ERROR_MESSAGES = {
            "ValueError: empty range for randrange() (5, 5, 0)",
            "ValueError: empty range for randrange()", "ValueError: empty range for randrange()",
            "ValueError: zero step for randrange()", "ValueError: empty range for randrange()",
            "ValueError: empty range for randrange() (10, 0, -10)",
            "ValueError: empty range for randrange() (3, 3, 0)",
            "ValueError: empty range for randrange() (1180591620717411303424, 1180591620717411303424, 0)",
            "ValueError: zero step for randrange()", "ValueError: empty range for randrange()",
            "ValueError: non-integer arg 1 for randrange()",
            "ValueError: non-integer stop for randrange()",
            "ValueError: non-integer step for randrange()",
            "OverflowError: cannot convert float infinity to integer",
            "ValueError: cannot convert float NaN to integer",
            "ValueError: number of bits must be non-negative",
            "IndexError: Cannot choose from an empty sequence",
            "ValueError: Sample larger than population or is negative",
            "ValueError: Sample larger than population or is negative",
            "ValueError: Total of counts must be greater than zero",
            "ValueError: Total of weights must be greater than zero",
            "ValueError: Total of weights must be finite",
            "ZeroDivisionError: float division by zero",
            "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed"
    };

    /** python3: {@code import warnings; warnings.simplefilter("ignore"); random.seed(42); out = [random.randrange(0, 10, 2.0) for _ in range(5)] + [random.randrange(10.0) for _ in range(5)]} */
    private static final long[] RANDRANGE_FLOAT_ARGS = {
            0L, 0L, 4L, 2L, 2L, 2L, 1L, 8L, 1L, 9L
    };

    /** python3: {@code out = [int(1e30)]} */
    private static final String[] INT_OF_1E30 = {
            "1000000000000000019884624838656"
    };

}
